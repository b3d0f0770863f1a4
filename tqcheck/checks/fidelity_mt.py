"""Fidelity checks against the source text, with and without offline re-translation (TQ811–TQ815).

The audited file and the source file are line-aligned: physical line *k* of the audited file
translates line *k* of the source (``--source FILE``).  Segments that carry their own source text
(PO, XLIFF and TMX pairs) are compared as whole units instead.

Options read from ``ctx.options``: ``source`` (path), ``source_lang`` (also ``ctx.source_lang``),
``round_trip_via`` (pivot language), ``models_dir``, ``beam_size``, ``compute_type``, ``no_cache``,
and ``progress`` (``True``/``False``; unset: a bar on a terminal unless ``machine_readable``).

Outlier rule (TQ811, TQ815): each line gets a sentence chrF score (sacrebleu's default
``CHRF()``: character 6-grams, beta 2) against its reference (the independent or the round-trip
translation).  A line is flagged when its score is below ``max(FLOOR, median - K * spread)``,
where ``median`` is the median over the document's scored lines and
``spread = max(1.4826 * MAD, MIN_SPREAD)`` (the MAD scaled to a standard deviation, never below
``MIN_SPREAD``, so that a document of near-identical scores does not flag small wobbles).
``FLOOR`` flags a line that shares almost nothing with its reference whatever the document is
like.  Lines shorter than ``MIN_CHARS`` are not scored (chrF is noise on a word or two), and with
fewer than ``MIN_LINES`` scored lines only the floor applies.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.errors import BackendError, InputError
from tqcheck.model import Segment, Sentence, Severity
from tqcheck.readers.decode import split_lines

K = 3.0
MIN_SPREAD = 4.0
FLOOR = 5.0
MIN_CHARS = 12
MIN_LINES = 5
#: Numbers of fewer digits are often written as words in translation ("3 rounds" → "three").
MIN_NUMBER_DIGITS = 2


@dataclass(frozen=True)
class Unit:
    """A piece of the audited text with the source text it translates."""

    segment: Segment
    start: int
    end: int
    line: int
    source: str

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]


class _Collector:
    """Collects the audited file's physical lines (or source-carrying segments)."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.lines: list[tuple[Segment, int, int, int]] = []
        self.paired: list[Unit] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if segment.source is not None:
            start, end = _strip_span(segment.text, 0, len(segment.text))
            if start < end:
                self.paired.append(Unit(segment, start, end, segment.line, segment.source))
            return
        offset = 0
        for piece in segment.text.split("\n"):
            start, end = _strip_span(segment.text, offset, offset + len(piece))
            if start < end:
                self.lines.append((segment, start, end, segment.locate(offset)[0]))
            offset += len(piece) + 1

    def units(self) -> list[Unit]:
        """Aligned units; reads the source file when lines need one."""
        units = list(self.paired)
        if not self.lines:
            return units
        path = self.ctx.options.get("source")
        if not path:
            return units
        source_lines = read_source_lines(Path(str(path)))
        last = max(line for _, _, _, line in self.lines)
        if len(source_lines) < last:
            self.ctx.note_once(
                f"fidelity-lines:{path}",
                f"{path} has {len(source_lines)} lines but {self.ctx.path} has text on line "
                f"{last}; lines without a source line are not compared",
            )
        for segment, start, end, line in self.lines:
            if line <= len(source_lines) and source_lines[line - 1].strip():
                units.append(Unit(segment, start, end, line, source_lines[line - 1].strip()))
        return units


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_source_lines(path: Path) -> list[str]:
    try:
        return split_lines(path.read_bytes().decode("utf-8-sig"))
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


class _CollectingCheck:
    """Base of the document checks that gather the audited lines (with their source lines) and
    judge them at the end."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.collector = _Collector(ctx)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        self.collector.feed(segment, sentences)


def _source_lang(ctx: CheckContext) -> str | None:
    value = ctx.source_lang or ctx.options.get("source_lang")
    return str(value) if value else None


def chrf_scores(hypotheses: Sequence[str], references: Sequence[str]) -> list[float]:
    """Sentence chrF of each hypothesis against its one reference (sacrebleu's default chrF,
    equal to ``sentence_score``; one statistics pass through :func:`tqcheck.score.sentence_scores`)."""
    from tqcheck.score import sentence_scores

    return sentence_scores("chrf", hypotheses, [references])


def outlier_threshold(scores: Sequence[float]) -> tuple[float, float | None]:
    """``(threshold, median)`` of the module's outlier rule (median is ``None`` when too few)."""
    if len(scores) < MIN_LINES:
        return FLOOR, None
    median = statistics.median(scores)
    mad = statistics.median(abs(s - median) for s in scores)
    spread = max(1.4826 * mad, MIN_SPREAD)
    return max(FLOOR, median - K * spread), median


def _service(ctx: CheckContext) -> Any:
    from tqcheck.translate.engine import DecodeOptions, TranslationService, progress_wanted

    options = ctx.options
    progress = options.get("progress")
    if progress is None:
        machine = bool(options.get("machine_readable")) or options.get("format", "text") != "text"
        progress = progress_wanted(machine_readable=machine)
    decode = DecodeOptions(
        beam_size=int(options.get("beam_size") or 1),
        compute_type=str(options.get("compute_type") or "float32"),
    )
    return TranslationService(
        options.get("models_dir"),
        decode,
        use_cache=not options.get("no_cache"),
        progress=bool(progress),
    )


def _translate(ctx: CheckContext, texts: Sequence[str], src: str, tgt: str) -> list[str]:
    service = _service(ctx)
    try:
        result: list[str] = service.translate(list(texts), src, tgt)
        return result
    finally:
        service.close()


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _flag_outliers(units: Sequence[Unit], references: Sequence[str], describe: Any) -> list[Hit]:
    scored = [
        (unit, ref)
        for unit, ref in zip(units, references, strict=True)
        if len(unit.text) >= MIN_CHARS and len(ref.strip()) >= MIN_CHARS
    ]
    scores = chrf_scores([u.text for u, _ in scored], [r for _, r in scored])
    threshold, median = outlier_threshold(scores)
    hits = []
    for (unit, ref), score in zip(scored, scores, strict=True):
        if score < threshold:
            typical = f"; document median {median:.1f}" if median is not None else ""
            hits.append(
                Hit(unit.start, unit.end, describe(score, typical, ref), segment=unit.segment)
            )
    return hits


@register("TQ811", "source-disagreement", Severity.WARNING, scope="document", needs="source")
class SourceDisagreement(_CollectingCheck):
    """Line that agrees far less than usual with an independent machine translation of its source.

    What it does:
        Translates the source file offline with an installed Argos package (line by line, same
        language pair as the audit) and scores every line of the audited file against that
        independent translation with chrF.  A line is flagged when its score falls far below the
        document's typical agreement: under ``median - 3 x max(1.4826 x MAD, 4)`` chrF, or under
        5 chrF whatever the document.  Lines under 12 characters are not scored.  Without an
        installed package (or without CTranslate2) the check is skipped with a note.

    Why it matters:
        Two competent translations of the same sentence share most of their words and names.
        When one line shares far less than its neighbours do, something happened there: a clause
        was dropped or added, the sentence was mistranslated or misaligned.  Comparing each line
        with the document's own median (not a fixed score) makes the check fair to language
        pairs and models that agree less overall.

    Example:
        Source line 4: ``The minister met his counterpart on Thursday and both sides agreed to
        continue the talks next week.``  Translation line 4: ``The minister met his counterpart on
        Thursday.``  The independent translation keeps the second clause, chrF drops from a
        document median of 70 to 45, and the line is flagged as a possible omission.
    """

    def finish(self) -> Iterable[Hit]:
        ctx = self.ctx
        src, tgt = _source_lang(ctx), ctx.lang
        units = self.collector.units()
        if not units:
            return []
        if not src or not tgt:
            ctx.note_once(
                "TQ811-langs",
                "source-disagreement (TQ811) needs both languages (--source-lang and the "
                "file's language); skipped",
            )
            return []
        try:
            machine = _translate(ctx, [u.source for u in units], src, tgt)
        except BackendError as exc:
            ctx.note_once("TQ811-backend", f"source-disagreement (TQ811) skipped: {exc}")
            return []

        def describe(score: float, typical: str, ref: str) -> str:
            return (
                f"agrees poorly with an independent machine translation of the source (chrF "
                f"{score:.1f}{typical}): possible omission, addition or mistranslation; machine "
                f"translation: “{_clip(ref)}”"
            )

        return _flag_outliers(units, machine, describe)


# --------------------------------------------------------------------------- numbers, URLs, names

_NUMBER_RE = re.compile(r"\d+(?:[.,\u066b\u066c\u00a0\u202f' ]\d{3})*(?:[.,\u066b]\d+)?")
_URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'«»“”]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE
)
_TOKEN_RE = re.compile(r"\b\w[\w'’-]*\b")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…:;]\s+|[\"“«„(]\s*)$")


def ascii_digits(text: str) -> str:
    """Every decimal digit as its ASCII digit (Arabic-Indic, Devanagari, full-width …)."""
    return "".join(
        str(unicodedata.digit(ch)) if ch.isdigit() and not ch.isascii() else ch for ch in text
    )


def numbers(text: str) -> Counter[str]:
    """Numbers of ``text`` as digit strings (separators dropped: 1,500 = 1.500 = 1500)."""
    found: Counter[str] = Counter()
    for match in _NUMBER_RE.finditer(ascii_digits(text)):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= MIN_NUMBER_DIGITS:
            found[digits] += 1
    return found


def urls(text: str) -> list[str]:
    return [m.group().rstrip(".,;:!?)]") for m in _URL_RE.finditer(text)]


def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return ""


def main_script(text: str) -> str:
    """The script of most letters of ``text`` (``LATIN``, ``CYRILLIC``, ``ARABIC`` …)."""
    counts = Counter(_script(ch) for ch in text if ch.isalpha())
    return counts.most_common(1)[0][0] if counts else ""


def names(text: str) -> list[str]:
    """Capitalised words that do not start a sentence: a cheap stand-in for named entities."""
    found = []
    for match in _TOKEN_RE.finditer(text):
        word = match.group()
        if len(word) < 2 or not word[0].isupper() or word[0].lower() == word[0]:
            continue
        if _SENTENCE_START_RE.search(text[: match.start()]):
            continue
        found.append(word)
    return found


class _PairCheck(_CollectingCheck):
    """Base of the checks that compare each line with its source line, without a model."""

    def finish(self) -> Iterable[Hit]:
        hits: list[Hit] = []
        for unit in self.collector.units():
            for message in self.missing(unit.source, unit.text):
                hits.append(Hit(unit.start, unit.end, message, segment=unit.segment))
        return hits

    def missing(self, source: str, target: str) -> Iterable[str]:
        raise NotImplementedError


@register("TQ812", "missing-number", Severity.WARNING, scope="document", needs="source")
class MissingNumber(_PairCheck):
    """Number in the source line that the translation does not contain.

    What it does:
        Extracts the numbers of each source line and of its translation (any Unicode digits,
        Arabic-Indic included; thousands and decimal separators ignored, so ``1,500``, ``1.500``
        and ``١٥٠٠`` are the same number) and reports every source number of two or more digits
        that the translation lacks.  Single digits are skipped: translators often spell them out.

    Why it matters:
        Numbers are facts.  A dropped or changed figure, date or amount is one of the most
        damaging translation errors and one of the easiest to miss in review; machine translation
        drops them when it truncates a sentence.

    Example:
        Source: ``The talks began on February 24 with 300 delegates.``  Translation:
        ``Die Gespräche begannen am 24. Februar mit Delegierten.`` → ``300`` is missing.
    """

    def missing(self, source: str, target: str) -> Iterable[str]:
        lost = numbers(source) - numbers(target)
        for number in sorted(lost):
            yield f"number {number} of the source is missing from the translation"


@register("TQ813", "missing-url", Severity.WARNING, scope="document", needs="source")
class MissingUrl(_PairCheck):
    """URL or e-mail address in the source line that the translation does not contain verbatim.

    What it does:
        Finds ``http(s)://`` and ``www.`` addresses and e-mail addresses in each source line and
        reports those that do not appear, character for character, in the translation.

    Why it matters:
        Addresses must never be translated, transliterated or "fixed"; a changed URL is a broken
        link and a changed e-mail address sends mail to someone else.

    Example:
        Source: ``See https://example.org/help for details.``  Translation: ``Voir
        https://exemple.org/aide pour plus de détails.`` → the address was translated.
    """

    def missing(self, source: str, target: str) -> Iterable[str]:
        for url in urls(source):
            if url not in target:
                yield f"address {url} of the source is missing from the translation"


@register("TQ814", "missing-name", Severity.INFO, scope="document", needs="source")
class MissingName(_PairCheck):
    """Capitalised name in the source line that the translation does not mention.

    What it does:
        For language pairs written in the same cased script (both Latin, both Cyrillic …), takes
        the capitalised words of each source line that do not begin a sentence (a cheap stand-in
        for named entities) and reports those that do not occur in the translation, ignoring
        case.  Pairs across scripts (English → Arabic) are skipped: names are transliterated.

    Why it matters:
        Names of people, places and organisations survive translation almost unchanged between
        languages that share a script.  A missing name usually means a missing phrase, or a name
        that was translated as if it were a common word ("Mr Baker" → "Herr Bäcker").

    Example:
        Source: ``Kuleba met Lavrov in Antalya.``  Translation: ``Kuleba traf sich in Antalya
        mit dem russischen Minister.`` → ``Lavrov`` is missing.
    """

    def missing(self, source: str, target: str) -> Iterable[str]:
        script = main_script(source)
        if script in ("", "ARABIC", "HEBREW", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI"):
            return
        if main_script(target) != script:
            return
        lowered = target.casefold()
        reported: set[str] = set()
        for name in names(source):
            if name.casefold() not in lowered and name not in reported:
                reported.add(name)
                yield f"name {name!r} of the source does not occur in the translation"


# --------------------------------------------------------------------------- round trip


@register("TQ815", "round-trip-loss", Severity.INFO, scope="document", needs="round-trip")
class RoundTripLoss(_CollectingCheck):
    """Line that does not survive a round trip through another language (a hint, not a verdict).

    What it does:
        Translates every line of the audited file into the pivot language given by
        ``--round-trip-via`` and back, with installed Argos packages, and scores the result
        against the original with chrF.  Lines far below the document's typical round-trip score
        are flagged, by the same rule as TQ811 (median − 3 × max(1.4826 × MAD, 4), floor 5).

    Why it matters:
        Without the source, a round trip is the cheapest way to find sentences a machine cannot
        make sense of: garbled syntax, words in the wrong language, broken terminology.  It is a
        hint, not a verdict: a correct but idiomatic sentence can come back changed, and a wrong
        translation can survive the trip intact, because the same kind of model made it.  Read
        flagged lines; do not count them as errors.

    Example:
        ``The meeting was held in the frame of the talks`` goes to Arabic and comes back as
        ``The meeting was held within the talks``; a garbled line such as ``Of the talks the
        frame held in it was`` comes back very different and scores far below its neighbours.
    """

    def finish(self) -> Iterable[Hit]:
        ctx = self.ctx
        pivot = ctx.options.get("round_trip_via")
        if not pivot:
            return []
        lang = ctx.lang
        if not lang:
            raise InputError(
                "--round-trip-via needs the language of the audited file (--lang or detection)"
            )
        collector = self.collector
        units = [Unit(s, a, b, line, "") for s, a, b, line in collector.lines] + [
            Unit(u.segment, u.start, u.end, u.line, "") for u in collector.paired
        ]
        if not units:
            return []
        originals = [u.text for u in units]
        there = _translate(ctx, originals, lang, str(pivot))
        back = _translate(ctx, there, str(pivot), lang)

        def describe(score: float, typical: str, ref: str) -> str:
            return (
                f"changes a lot in a round trip through {pivot} (chrF {score:.1f}{typical}); "
                f"a hint, not a verdict: came back as “{_clip(ref)}”"
            )

        return _flag_outliers(units, back, describe)
