"""Fidelity checks against the source text, with and without offline re-translation (TQ811,
TQ814, TQ815, TQ816; the former TQ812 and TQ813 are TQ835 and TQ836 now).

The audited file and the source file are line-aligned: physical line *k* of the audited file
translates line *k* of the source (``--source FILE``), paired by the reader
(:func:`tqcheck.readers.pair_source_lines`).  Segments that carry their own source text (PO, XLIFF
and TMX pairs) are compared as whole units instead.

Settings read (``ctx.settings``): ``language.source_lang`` (also ``ctx.source_lang``),
``fidelity.round_trip_via`` (pivot language) and the ``decode`` part.

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
from functools import cache
from typing import Any

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import UNSPACED_SCRIPT
from tqcheck.errors import BackendError, InputError
from tqcheck.model import Segment, Sentence, Severity
from tqcheck.readers import strip_span

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
    """Collects the audited file's physical lines with the source lines the reader paired them
    with (``segment.meta["source_lines"]``), or source-carrying segments."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.lines: list[tuple[Segment, int, int, int]] = []
        self.paired: list[Unit] = []
        self.line_units: list[Unit] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if segment.source is not None:
            start, end = strip_span(segment.text, 0, len(segment.text))
            if start < end:
                self.paired.append(Unit(segment, start, end, segment.line, segment.source))
            return
        offset = 0
        for piece in segment.text.split("\n"):
            start, end = strip_span(segment.text, offset, offset + len(piece))
            if start < end:
                self.lines.append((segment, start, end, segment.locate(offset)[0]))
            offset += len(piece) + 1
        for line in segment.meta.get("source_lines", ()):
            self.line_units.append(Unit(segment, line.start, line.end, line.line, line.source))

    def units(self) -> list[Unit]:
        """Aligned units: source-carrying segments, then lines paired with a source line."""
        return [*self.paired, *self.line_units]


class _CollectingCheck:
    """Base of the document checks that gather the audited lines (with their source lines) and
    judge them at the end."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.collector = _Collector(ctx)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        self.collector.feed(segment, sentences)


def _source_lang(ctx: CheckContext) -> str | None:
    value = ctx.source_lang or ctx.settings.language.source_lang
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

    settings = ctx.settings.decode
    progress = settings.progress
    if progress is None:
        progress = progress_wanted(machine_readable=False)
    decode = DecodeOptions(
        beam_size=settings.beam_size or 1,
        compute_type=settings.compute_type or "float32",
    )
    return TranslationService(
        settings.models_dir,
        decode,
        use_cache=not settings.no_cache,
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
    from tqcheck.checks._pairs import _ascii_digits

    return _ascii_digits(text)


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


@cache
def _script(ch: str) -> str:
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return ""


def main_script(text: str) -> str:
    """The script of most letters of ``text`` (``LATIN``, ``CYRILLIC``, ``ARABIC`` …)."""
    counts: Counter[str] = Counter()
    # Each character once, in the order of its first appearance (ties go to the script seen first).
    for ch, n in Counter(text).items():
        if ch.isalpha():
            counts[_script(ch)] += n
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


#: A number followed by a word (a scale word: "10 тисяч", "2,5 Mio.", "10万") or by a CJK
#: character: the translation may write it out in full ("10,000").
_SCALED = r"(?<![\d.,]){n}(?:[.,]\d+)?\s?(?=[^\W\d_])"
_CJK_MONTH = "{n}\\s?月"
_TIME = re.compile(r"\b(\d{1,2})[:.h](\d{2})\b")
_PM = re.compile(r"\b(?:p\.\s?m\.?|pm)\b", re.IGNORECASE)


#: A time of day: an hour, perhaps minutes (``6:30``, ``6.30``, ``6h30``), and a clock mark
#: (``a.m.``/``p.m.``, ``h``, ``Uhr``, ``heures``, ``ч``, ``uur``).  An hour alone before a dash
#: shares the mark of the time after it (``11 - 16 Uhr``, ``6 - 11 a.m.``).
_CLOCK = re.compile(
    r"(?<![\d.,:])(?P<h>[01]?\d|2[0-4])(?:(?P<sep>[:.]|\s?h\s?)(?P<m>[0-5]\d))?(?![\d,])"
    r"(?:\s?(?P<ampm>[ap])\.?\s?m\b\.?|\s?(?P<mark>h|Uhr|heures?|ч|uur)(?![^\W\d_])"
    r"|(?=\s?[-–]\s?(?:[01]?\d|2[0-4])(?:[:.h][0-5]\d)?\s?(?P<next>[ap]\.?\s?m\b|h(?![^\W\d_])|Uhr\b)))?",
    re.IGNORECASE)


def clock_times(text: str, loose: bool = False) -> list[tuple[int, int, int]]:
    """``(start, end, minute of the day)`` of every time of day in ``text``, a 12-hour time
    read on the 24-hour clock (``4 p.m.`` and ``16 Uhr`` and ``16h`` are 960): the one reading
    of clocks for prose records and translation units alike.  ``loose``: ``13.30`` counts too
    (when the other side has the time, a dotted number is more likely it than a decimal)."""
    out: list[tuple[int, int, int]] = []
    if not any(c.isdigit() for c in text):
        return out
    for m in _CLOCK.finditer(ascii_digits(text)):
        hour, minutes = int(m.group("h")), int(m.group("m") or 0)
        ampm = (m.group("ampm") or "").lower()
        nxt = (m.group("next") or "").lower()
        if not (ampm or m.group("mark") or nxt or (m.group("m") and (loose or m.group("sep") != "."))):
            continue  # a bare number, or 1.30 that may be a decimal (unless ``loose``)
        half = ampm or (nxt[:1] if nxt[:1] in "ap" and nxt[1:2] in (".", "m", " ") else "")
        if half and hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        out.append((m.start(), m.end(), hour * 60 + minutes))
    return out


def rendered_otherwise(number: str, source: str, target_numbers: Counter[str], target: str,
                        months: Sequence[str]) -> bool:
    """Is a source number that the translation lacks as digits rendered in another usual way:
    scaled ("10 тисяч" → 10,000, "2,5 Mio." → 2.5 million), a 24-hour time on a 12-hour clock
    ("21 Uhr" → 9 p.m., "15.30 Uhr" → 3:30 p.m.), a two-digit year in full ("88" → 1988), or a
    CJK month as its name ("12月" → December)?"""
    plain = number.lstrip("0") or "0"
    for other in target_numbers:
        longer, shorter = (other, number) if len(other) > len(number) else (number, other)
        if (len(longer) - len(shorter) >= 2 and longer.startswith(shorter)
                and not longer[len(shorter):].strip("0")):
            # One is the other with trailing zeros (a hundred or more times it): fine when the
            # shorter one carries a word.
            side = source if shorter == number else target
            if re.search(_SCALED.format(n="[.,]?".join(shorter)), side):
                return True
        if len(number) == 2 and len(other) == 4 and other.endswith(number) and other[:2] in {
                "19", "20"}:
            return True  # '88 → 1988
    value = int(plain) if plain.isdigit() else -1
    if any(re.sub(r"\D", "", source[a:b]).lstrip("0") == plain for a, b, _ in clock_times(source)):
        # A time of the source on the other clock in the translation ("4 p.m." → "16 Uhr").
        there = {v for _, _, v in clock_times(target, loose=True)}
        if any(v in there for a, b, v in clock_times(source)
               if re.sub(r"\D", "", source[a:b]).lstrip("0") == plain):
            return True
    target_digits = re.findall(r"\d+", target)
    if 13 <= value <= 23 and str(value - 12) in target_digits and _PM.search(target):
        return True
    if len(plain) in (3, 4) and int(plain[-2:]) < 60:
        # A time with minutes on the other clock: "15.30 Uhr" → "3:30 p.m.", "1.30pm" → "13.30".
        hour, minutes = int(plain[:-2]), plain[-2:]
        times = {f"{int(h)}{m}" for h, m in _TIME.findall(ascii_digits(target))}
        if 13 <= hour <= 23 and f"{hour - 12}{minutes}" in times:
            return True
        if 1 <= hour <= 11 and f"{hour + 12}{minutes}" in times and _PM.search(source):
            return True
    if 1 <= value <= 12 and len(months) == 12 and re.search(_CJK_MONTH.format(n=number), source):
        name = months[value - 1].casefold()
        if name in target.casefold():
            return True
    return False


def lost_numbers(source: str, target: str, months: Sequence[str] = ()) -> list[str]:
    """The numbers of a source line (two digits or more) that its translation lacks, unless the
    translation renders them another usual way (see :func:`rendered_otherwise`)."""
    found = numbers(target)
    lost = numbers(source) - found
    if not lost:
        return []
    source_digits = ascii_digits(source)
    return [n for n in sorted(lost)
            if not rendered_otherwise(n, source_digits, found, target, months)]


@register("TQ814", "missing-name", Severity.INFO, scope="document", needs="source",
          not_for=("srt", "vtt", "json", "android"))
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


#: A line is judged against the document's median length ratio, not a table: each file
#: measures its own language pair, register and translator.  Source lines of fewer letters are
#: not judged (a headline's ratio is noise), nor files with fewer judged lines than this.
OMISSION_MIN_LETTERS = 60
OMISSION_MIN_LINES = 20
#: Below this share of the document's median ratio, most of the line did not make it across.
OMISSION_SHARE = 0.4


def letter_weight(text: str) -> int:
    """The letters of ``text`` (digits, punctuation, symbols and spaces left out), a letter of a
    dense script (kana, CJK ideographs, Hangul: :data:`UNSPACED_SCRIPT`, a word in one or two
    characters) counting three."""
    return sum(3 if UNSPACED_SCRIPT.match(ch) else 1 for ch in text if ch.isalpha())


@register("TQ816", "possible-omission", Severity.WARNING, scope="document", needs="source",
          not_for=("srt", "vtt", "json", "android"))
class PossibleOmission(_CollectingCheck):
    """Line far shorter than its source, compared with the document's usual ratio.

    What it does:
        For every line of the audited file paired with a ``--source`` line, divides the letters of
        the translation by those of the source (digits, punctuation and symbols left out; a kana,
        CJK or Hangul character counts as three letters).  The median of these ratios is the
        file's own rate of expansion for its language pair, register and translator.  A line whose
        ratio is below 0.4 times that median is flagged: most of its source did not make it into
        the translation.  Source lines of fewer than 60 letters (about a dozen words, or twenty
        kana and kanji) are not judged, and a file needs at least 20 judged lines for a median.

    Why it matters:
        Dropping a clause or whole sentences, or answering with a short, fluent sentence that does
        not translate the source, is the most common serious error of weak MT systems, and no
        check of the translation alone can see it.  Judging each line against the file's own
        median (not a fixed table) keeps the check fair to a pair that expands or contracts.

    Example:
        Source: ``寝れない苦しいつらい地獄が本当に存在している`` (a sleepless, painful hell really
        exists), in a file whose lines run at a median of 0.8 letters per source letter.
        Translation: ``I can't sleep.`` (0.2) → flagged.
    """

    def finish(self) -> Iterable[Hit]:
        judged = []
        for unit in self.collector.line_units:
            weight = letter_weight(unit.source)
            if weight >= OMISSION_MIN_LETTERS:
                judged.append((unit, letter_weight(unit.text) / weight))
        if len(judged) < OMISSION_MIN_LINES:
            return []
        median = statistics.median(r for _, r in judged)
        hits = []
        for unit, ratio in judged:
            if ratio < OMISSION_SHARE * median:
                hits.append(Hit(unit.start, unit.end,
                                f"translation is {ratio / median:.0%} as long as this file's "
                                f"translations usually are for a source this long (letters: "
                                f"{ratio:.2f} per source letter, median {median:.2f}): part of "
                                "the source may be missing", segment=unit.segment))
        return hits


# --------------------------------------------------------------------------- round trip


@register("TQ815", "round-trip-loss", Severity.INFO, scope="document", needs="round_trip_via")
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
        pivot = ctx.settings.fidelity.round_trip_via
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
