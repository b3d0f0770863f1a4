"""Source–target fidelity: what a translation file lets us compare because it holds the source
beside the target — empty or copied translations, placeholders, tags, numbers, URLs, length.

These checks run on segments that carry a source (PO, XLIFF, TMX, JSON and subtitles with a
source, Android resources beside their defaults) and stay silent on prose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

from tqcheck import placeholders
from tqcheck.checks._pairs import (
    Token,
    end_punctuation,
    file_syntaxes,
    find_numbers,
    find_tokens,
    find_urls,
    is_plural_form,
    is_record,
    number_value,
    pair_data,
    segment_flags,
)
from tqcheck.checks.fidelity_mt import (
    ascii_digits,
    clock_times,
    lost_numbers,
    numbers,
    rendered_otherwise,
)
from tqcheck.checks.fidelity_mt import urls as prose_urls
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.langdata import base_lang, load_language
from tqcheck.model import Segment, Sentence, Severity


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _has_pair(segment: Segment) -> bool:
    """A source to compare with and a translation to check (empty ones are TQ830's alone)."""
    return bool(segment.source and segment.source.strip() and segment.text.strip())


#: A file is a catalogue in progress, not a translated file with oversights, when more than this
#: many of its units are untranslated …
IN_PROGRESS_UNITS = 10
#: … or more than this share of them (and at least two: one unit alone is always an oversight).
IN_PROGRESS_SHARE = 0.05


def in_progress(untranslated: int, units: int) -> bool:
    """Whether ``untranslated`` of ``units`` make a catalogue in progress (TQ830)."""
    return untranslated >= 2 and (untranslated > IN_PROGRESS_UNITS
                                  or untranslated > IN_PROGRESS_SHARE * units)


@register("TQ830", "empty-translation", Severity.WARNING, scope="document", on="pairs",
          keys_ok=True)
class EmptyTranslation:
    """A unit whose source has text but whose translation is empty or missing.

    What it does:
        Flags translation units (PO entries, XLIFF units, JSON keys, subtitle cues matched to a
        source) whose target is empty or only whitespace, and keys of a JSON source file that the
        translation lacks.  Fuzzy PO entries are skipped unless ``--include-fuzzy`` is given; an
        entry with plurals whose first form is empty is reported once, so the count equals
        ``msgfmt --statistics``' untranslated one (fuzzy entries are apart: not counted as
        untranslated).  A source with nothing to translate (markup and placeholders only, a
        version, an acronym: what TQ831 accepts as a copy) is reported as info: the program shows
        it the same either way.

        The file decides the severity.  A few untranslated units in a file that is otherwise
        translated are oversights: each is a warning.  When more than 10 units, or more than 5%
        of the file's units (and at least two), are untranslated, the file is a catalogue in
        progress: each unit is reported as info, and one warning at the first of them says how
        many of the file's units are not translated, so a gate still fails on the file.

    Why it matters:
        An untranslated string shows up in the source language (or as nothing at all) in the
        product; ``msgfmt --statistics`` counts the same entries as untranslated.  A catalogue
        that a team is still translating (hundreds of empty entries after new strings came in)
        is one state of one file, not hundreds of defects: reported per unit, it would bury the
        few real oversights of the other files.

    Example:
        ``msgid "Open file"`` / ``msgstr ""`` in a catalogue whose other entries are translated →
        a warning on the empty ``msgstr``.  In ``ar.po`` with 304 of 601 entries empty → one
        warning "304 of 601 units are not translated (51%)" at the first, and 304 infos.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.units = 0
        #: Untranslated units in order, each with whether it has anything to translate.
        self.empty: list[tuple[Segment, str, bool]] = []
        #: Empty later plural forms of entries whose first form is translated.
        self.forms: list[tuple[Segment, str, bool]] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not segment.source or not segment.source.strip():
            return
        # A PO entry with plurals is one unit, as msgfmt counts: its first form.
        later_form = (segment.meta.get("plural_form", 0) > 0
                      and segment.meta.get("msgid_plural") is not None)
        if later_form and segment.meta.get("untranslated_entry"):
            return  # the entry is reported once, at its first form
        if not later_form:
            self.units += 1
        if segment.text.strip():
            return
        what = "missing from the translation" if segment.meta.get("missing") else "not translated"
        # A source with nothing to translate (``B<%s>``, ``v1``, a product name) shows the same
        # whether it is translated or not: info.
        fine = _copy_is_fine(segment.source, self.ctx)
        if later_form:  # one empty form of a translated entry: an oversight, not counted
            self.forms.append((segment, what, fine))
        else:
            self.empty.append((segment, what, fine))

    def finish(self) -> Iterator[Hit]:
        n = len(self.empty)
        whole = in_progress(n, self.units)
        if whole and any(not fine for _, _, fine in self.empty):
            first = self.empty[0][0]
            share = 100 * n / max(self.units, 1)
            yield Hit(0, len(first.text),
                      f"{n} of {self.units} units are not translated ({share:.0f}%): a "
                      "catalogue in progress (each is listed as info)", segment=first)
        for segment, what, fine in self.empty:
            yield self._hit(segment, what, fine, whole)
        for segment, what, fine in self.forms:
            yield self._hit(segment, what, fine, False)

    @staticmethod
    def _hit(segment: Segment, what: str, fine: bool, whole: bool) -> Hit:
        return Hit(0, len(segment.text), f"{what}: '{_short(segment.source or '')}'"
                   + (" (nothing in it to translate)" if fine else ""),
                   severity=Severity.INFO if fine or whole else None, segment=segment)


_LETTER = re.compile(r"[^\W\d_]")


def _copy_is_fine(source: str, ctx: CheckContext) -> bool:
    if "pod" in file_syntaxes(ctx) and placeholders.pod_verbatim(source):
        return True  # an indented POD paragraph is verbatim: a command or file, never translated
    text = source.strip()
    rest = text
    tokens = find_tokens(text, (), file_syntaxes(ctx))
    for start, end in sorted(placeholders.code_spans(tokens), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    for m in sorted(find_urls(rest), key=lambda m: -m.start()):
        rest = rest[: m.start()] + " " + rest[m.end() :]
    letters = _LETTER.findall(rest)
    if len(letters) <= 3:
        return True
    allowed = {w.casefold() for w in pair_data()["same_ok"]}
    core = rest.strip(" .:…!?-–—()[]\"'").casefold()
    if core in allowed:
        return True
    words = re.findall(r"[^\W_]+(?:[-'.][^\W_]+)*", rest)
    if len(words) == 1 and (words[0].isupper() or any(c.isdigit() for c in words[0])):
        return True  # an acronym or a product code
    if words and all(w.isupper() and len(w) > 1 for w in words):
        return True  # acronyms only ("ESCO URI")
    if all(len(w) <= 2 for w in words):
        return True  # symbols, units, digit lists
    return all(w.casefold() in allowed for w in words)


@register("TQ831", "untranslated-copy", Severity.WARNING, scope="segment", on="pairs")
def find_untranslated_copy(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A translation identical to its source.

    What it does:
        Flags units whose target equals the source, unless the languages are the same or the text
        may stay as it is: numbers, URLs, e-mail addresses, placeholders, tokens of up to three
        letters, acronyms, and the product names and international words listed in
        ``tqcheck/data/pairs.toml`` (``same_ok``).  A single word copied is reported as info
        only (``Median`` is German too; placeholders, markup, keyboard shortcuts, accelerator
        marks and single letters do not count: ``Pi [Ctrl+P]``, ``_Download ({speed_units}):``),
        and so is a copy that may well be the translation: a name (the unit's extracted comment
        says so, as itstool's ``credit/name``, or its words are capitalised and all unknown to
        the source language's lexicon: ``Yubico Authenticator``), a copyright notice or licence name, a field
        line of a file format (``Format: 3.0 (git)``), a term with its acronym (``Single
        Sign-On (SSO)``), text with no word of the source language's lexicon (``yzafpnum``), or
        words that are all words of the target language too (among its 5,000 most frequent),
        none of them evidence of the source language (``%d minutes`` in French).

    Why it matters:
        A copied source is a string nobody translated — the MT step failed or was skipped, and the
        user sees the source language.

    Example:
        ``msgid "Remove torrent"`` / ``msgstr "Remove torrent"`` in ``de.po`` → flagged;
        ``msgid "OK"`` / ``msgstr "OK"`` → allowed.
    """
    if not _has_pair(segment) or segment.text.strip() != (segment.source or "").strip():
        return
    if segment.source_lang and segment.target_lang and (
        base_lang(segment.source_lang) == base_lang(segment.target_lang)
    ):
        return
    if _copy_is_fine(segment.source or "", ctx):
        return
    one_word = (len((segment.source or "").split()) == 1
                or len(_copy_words(segment.source or "", ctx)) <= 1)
    why = None if one_word else _copy_kept(segment, ctx)
    if why:
        yield Hit(0, len(segment.text), f"translation is identical to the source ({why})",
                  severity=Severity.INFO)
        return
    yield Hit(0, len(segment.text), "translation is identical to the source"
              + (" (one word: may be the same in both languages)" if one_word else ""),
              severity=Severity.INFO if one_word else None)


#: Extracted comments that say a unit is a name (Mallard credits, AppStream's developer name).
_NAME_COMMENT = re.compile(r"\(itstool\) path: credit/|developer_name|\bsound name\b", re.I)
_COPYRIGHT = re.compile(r"©|\(c\)|^\s*copyright\b|(?-i:^(?:[A-Z0-9][\w.-]*\s+){2,}Licen[cs]e\s*$)", re.I)
#: Words among this many most frequent of the target language are its own, not loans.
_COMMON_WORDS = 5000
_COPY_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


#: A keyboard shortcut shown beside a label (``Pi [Ctrl+P]``, ``Inverse (Ctrl+I)``).
_SHORTCUT = re.compile(r"[\[(]?\b(?:Ctrl|Alt|Shift|Cmd|Meta|Super|Strg|Umschalt)\+\S*?[\])]?(?=\s|$)")
#: A field line of a control file or header (``Format: 3.0 (git)``, ``Content-Type: text/plain``):
#: a capitalised name, a colon, and a short value that holds a digit, a slash or an ``=``.
_FIELD_LINE = re.compile(r"^[A-Z][A-Za-z]*(?:-[A-Za-z]+)*:[ \t]+(?=[^\n]*[\d/=])\S+(?:[ \t]+\S+){0,2}$")
#: A term followed by its acronym (``Single Sign-On (SSO)``).
_ACRONYM_TERM = re.compile(r"^((?:[A-Z][\w]*[- ]+)+?)\(([A-Z]{2,6})\)$")


def _copy_words(source: str, ctx: CheckContext) -> list[str]:
    """The words of a copied source that could be prose: placeholders, markup, keyboard
    shortcuts, accelerator marks and single letters (``τ`` in ``Tau (τ)``) left out."""
    rest = source
    tokens = find_tokens(source, (), file_syntaxes(ctx))
    for start, end in sorted(placeholders.code_spans(tokens), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    rest = _SHORTCUT.sub(" ", rest).replace("_", "").replace("&", "")
    words: list[str] = []
    for w in _COPY_WORD.findall(rest):
        # The forms of one word (an ICU plural's ``participant`` / ``participants``) are one.
        if len(w) > 1 and not any(_same_word(w, v) for v in words):
            words.append(w)
    return words


def _same_word(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or (len(a) > 3 and len(b) > 3 and a.rstrip("s") == b.rstrip("s"))


def _copy_kept(segment: Segment, ctx: CheckContext) -> str | None:
    """Why a copy of the source may well be the translation, or None: a name (the file's
    comments say so, or its words are capitalised and all unknown to the source language's
    lexicon), a copyright notice, or words that are words of the target language too
    ("%d minutes" in French) and none that is evidence of the source language."""
    from tqcheck.langid import frequent_words, lexicon

    source = segment.source or ""
    comments = " ".join(segment.meta.get("extracted_comments") or ())
    if comments and _NAME_COMMENT.search(comments):
        return "a name, as the file's comment says"
    if _COPYRIGHT.search(source):
        return "a copyright or licence notice"
    if _FIELD_LINE.match(source.strip()):
        return "a field line of a file format, kept as it is"
    term = _ACRONYM_TERM.match(source.strip())
    if term and "".join(p[0] for p in re.split(r"[- ]+", term.group(1).strip())
                        if p[:1].isupper()) == term.group(2):
        return "a term with its acronym"
    rest = source
    tokens = find_tokens(source, (), file_syntaxes(ctx))
    for start, end in sorted(placeholders.code_spans(tokens), reverse=True):
        rest = rest[:start] + " " + rest[end:]
    words = _COPY_WORD.findall(rest)
    if not words:
        return None
    src_lex = lexicon(base_lang(segment.source_lang or ctx.source_lang or "en"))
    folded = [w.casefold().replace("’", "'") for w in words]
    common = frequent_words(base_lang(segment.target_lang or ctx.lang or ""), _COMMON_WORDS)
    if common and all(w in common for w in folded) and not (
            src_lex is not None and any(w in src_lex.evidence for w in folded)):
        return "its words are words of the target language too"
    if src_lex is not None and not any(w in src_lex.words for w in folded if len(w) > 2):
        return "no word of the source language in it"
    if src_lex is not None and all(w[0].isupper() for w in words):
        plain = [w for w in words if not w.isupper()]  # acronyms aside
        unknown = sum(1 for w in plain if w.casefold() not in src_lex.words or
                      any(c.isupper() for c in w[1:]))
        if plain and unknown == len(plain):
            return "a name"
    return None


_NUMERIC_CONVERSIONS = frozenset("diuxXoeEfFgGaA")


_COUNT_WORDS = re.compile(r"(?:^|_)(?:n|count|num|number|size|days?|hours?|minutes?|seconds?|"
                          r"weeks?|months?|years?)(?:_|$)")


def _numeric(tok: Token) -> bool:
    """A placeholder that holds a number (which a plural form may spell out)."""
    key = tok.key or ""
    if tok.kind == "printf":
        return key[-1] in _NUMERIC_CONVERSIONS
    if tok.kind == "qt":
        return True
    if tok.kind in {"brace", "python", "icu", "mustache", "ruby", "symfony"}:
        body = key.strip("{}%()")
        name, _, spec = body.partition(":")
        name = name.split(",")[0].lower()
        if spec and spec[-1:] in {"L", "d", "n", "f", "g", "e"}:
            return True
        return name == "0" or bool(_COUNT_WORDS.search(name))
    return False


def _placeholder_diff(
    segment: Segment, ctx: CheckContext,
) -> tuple[list[Token], list[Token], list[tuple[Token, Token]]]:
    plural_source = segment.meta.get("msgid_plural")
    if not isinstance(plural_source, str) or not is_plural_form(segment):
        plural_source = None
    siblings = segment.meta.get("plural_sources")
    if isinstance(siblings, tuple) and siblings:
        # An Android/ICU-style plural form: any form of the source may hold the number.
        plural_source = "\n".join(str(s) for s in siblings)
    missing, extra, changed = _diff_tokens(
        segment.source or "", segment.text, segment_flags(segment), plural_source,
        segment.meta.get("single_number_form") is not False, file_syntaxes(ctx),
    )
    return list(missing), list(extra), list(changed)


def _placeholders(text: str, flags: tuple[str, ...], syntaxes: frozenset[str]) -> list[Token]:
    return [t for t in find_tokens(text, flags, syntaxes) if not t.markup and t.key is not None]


@lru_cache(maxsize=1024)
def _diff_tokens(
    source: str, target: str, flags: tuple[str, ...], plural_source: str | None,
    may_spell_number: bool, syntaxes: frozenset[str] = placeholders.ALWAYS,
) -> tuple[tuple[Token, ...], tuple[Token, ...], tuple[tuple[Token, Token], ...]]:
    src = _placeholders(source, flags, syntaxes)
    tgt = _placeholders(target, flags, syntaxes)
    src_keys = {t.key for t in src}
    tgt_keys = {t.key for t in tgt}
    if plural_source is not None:
        # Languages with one form (Chinese) translate both msgid and msgid_plural in msgstr[0];
        # a form that covers many numbers shows the number the source's "one" form leaves out.
        src_keys |= {t.key for t in _placeholders(plural_source, flags, syntaxes)}
    missing = [t for t in src if t.key not in tgt_keys]
    extra = [t for t in tgt if t.key not in src_keys]
    # One of each with the same index or name: the placeholder was changed, not lost.
    changed: list[tuple[Token, Token]] = []

    def ident(t: Token) -> str:
        key = t.key or ""
        if t.kind == "printf":
            return key.split("$")[0]
        return re.split(r"[:!}]", key)[0]

    for m in list(missing):
        partner = next((e for e in extra if e.kind == m.kind and ident(e) == ident(m)), None)
        if partner is not None:
            changed.append((m, partner))
            missing.remove(m)
            extra.remove(partner)
    # One Symfony variable lost and one added: it was translated (``%timestamp%`` →
    # ``%zeitpunkt%``).  (Other named kinds keep a missing and an extra finding.)
    for kind in ("symfony",):
        lost = [t for t in missing if t.kind == kind]
        added = [t for t in extra if t.kind == kind]
        if len(lost) == 1 and len(added) == 1:
            changed.append((lost[0], added[0]))
            missing.remove(lost[0])
            extra.remove(added[0])
    missing = list({t.key: t for t in reversed(missing)}.values())[::-1]
    if plural_source is not None and may_spell_number:
        # A form for one number only may say "one file" instead of "%d files" (not Russian
        # form 0, which also stands for 21, 31 …).
        # The number may also be a formatted string (``%s`` in Android plurals): a lone
        # placeholder of the source is the number.
        missing = [t for t in missing if not (_numeric(t) or len(src) == 1)]
    return tuple(missing), tuple(extra), tuple(changed)


_NAMED = frozenset({"symfony", "brace", "mustache", "ruby", "python", "chrome"})


def ident_name(tok: Token) -> str:
    """The name of a named placeholder (``%name%``, ``{name:fmt}``, ``%(name)s`` → ``name``)."""
    return re.sub(r"^[%{$(]+|[}%$)]+.*$|[:!,].*$", "", tok.key or "").strip("{}%()$")


@register("TQ832", "placeholder-missing", Severity.ERROR, scope="segment", on="pairs")
def find_missing_placeholders(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A placeholder of the source that the translation lost or changed.

    What it does:
        Finds printf conversions (``%s``, ``%1$d``, ``%'d``), Python ``%(name)s`` and ``{name}``,
        ICU arguments (``{count, plural, …}``), i18next ``{{name}}``, Chrome ``$name$`` and Qt
        ``%1`` in source and target and flags each one of the source that the target lacks, or
        that it changed (``%d`` → ``%s``, ``{count}`` → ``{count:L}``).  PO ``no-c-format`` turns
        printf off; a numeric placeholder may be missing from a plural form that the catalogue's
        ``Plural-Forms`` uses for one number only ("one file", Hebrew "two days"), never from
        one that also covers 21 or 0.

    Why it matters:
        A missing placeholder loses information ("Deleted files" instead of "Deleted 3 files"), and
        a changed one crashes or garbles the program at run time.

    Example:
        ``msgid "Deleted %d files from %s"`` / ``msgstr "%d Dateien gelöscht"`` → flags the lost
        ``%s``.
    """
    if not _has_pair(segment):
        return
    missing, _, changed = _placeholder_diff(segment, ctx)
    for tok in missing:
        yield Hit(0, len(segment.text), f"placeholder '{tok.text}' of the source is missing")
    for src_tok, tgt_tok in changed:
        if src_tok.kind in _NAMED and ident_name(src_tok) != ident_name(tgt_tok):
            message = (f"variable '{src_tok.text}' was translated as '{tgt_tok.text}': the "
                       "program fills in only the name it knows")
        else:
            message = f"placeholder '{src_tok.text}' of the source became '{tgt_tok.text}'"
        yield Hit(tgt_tok.start, tgt_tok.end, message, suggestion=src_tok.text)


@register("TQ833", "placeholder-extra", Severity.ERROR, scope="segment", on="pairs")
def find_extra_placeholders(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A placeholder in the translation that the source does not have.

    What it does:
        Compares placeholders as the placeholder-missing check (TQ832) does and flags each one of
        the target that is not in the source, at its place in the target.

    Why it matters:
        The program fills placeholders from its arguments: an extra ``%s`` reads memory that was
        never passed (a crash in C), an extra ``{name}`` raises ``KeyError`` in Python.

    Example:
        ``msgid "Done"`` / ``msgstr "%s fertig"`` → flags ``%s``.
    """
    if not _has_pair(segment):
        return
    _, extra, _ = _placeholder_diff(segment, ctx)
    for tok in extra:
        yield Hit(tok.start, tok.end, f"placeholder '{tok.text}' is not in the source",
                  suggestion="")


@register("TQ834", "markup-mismatch", Severity.WARNING, scope="segment", on="pairs")
def find_markup_mismatch(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """HTML or XML tags (and XLIFF/TMX inline codes) that differ between source and target.

    What it does:
        Counts opening, closing and empty tags by name in source and target and flags tags the
        target lost (at the whole target) or added (at the tag).  A tag named in words of the
        source's own letters (``<смеется/>`` in a transcript) is a word to translate: the target
        may name it in its words, in the same shape (``<laugh/>``).

    Why it matters:
        A lost ``</b>`` makes the rest of the page bold; a lost inline code ``<x id="1"/>`` drops a
        link or a line break from the rebuilt document.

    Example:
        ``<b>Warning:</b> disk full`` → ``<b>Achtung: Festplatte voll`` → flags the missing
        ``</b>``.
    """
    if not _has_pair(segment):
        return
    syntaxes = file_syntaxes(ctx)
    src_all = find_tokens(segment.source or "", (), syntaxes)
    tgt_all = find_tokens(segment.text, (), syntaxes)
    src = [t for t in src_all if t.kind == "tag"]
    tgt = [t for t in tgt_all if t.kind == "tag"]
    src_meta = sum(t.kind == "metavar" for t in src_all)
    tgt_meta = [t for t in tgt_all if t.kind == "metavar"]
    if src_meta != len(tgt_meta):
        # Metavariables (``<file>`` → ``<Datei>``) are translated; only their number counts, and
        # a translator may write one out in words: info.
        if src_meta > len(tgt_meta):
            yield Hit(0, len(segment.text), f"{src_meta - len(tgt_meta)} of the source's "
                      f"{src_meta} metavariables (<…>) missing", severity=Severity.INFO)
        else:
            for tok in tgt_meta[src_meta:]:
                yield Hit(tok.start, tok.end, f"metavariable {tok.text} is not in the source",
                          severity=Severity.INFO)
    # Tags named in words of the source's own letters (``<смеется/>``, transcripts) are words to
    # translate: the target may name them in its own words, in the same shapes.
    worded = Counter(_tag_shape(m.group()) for m in _WORDED_TAG.finditer(segment.source or "")
                     if not m.group(1).isascii())
    if not src and not tgt:
        return
    src_count = Counter(t.key for t in src)
    tgt_count = Counter(t.key for t in tgt)
    for key, n in (src_count - tgt_count).items():
        times = f" ({n}×)" if n > 1 else ""
        yield Hit(0, len(segment.text), f"tag {key} of the source is missing{times}")
    surplus = tgt_count - src_count
    for tok in tgt:
        if surplus[tok.key] > 0:
            surplus[tok.key] -= 1
            if worded[_tag_shape(tok.text)] > 0:
                worded[_tag_shape(tok.text)] -= 1
                continue
            yield Hit(tok.start, tok.end, f"tag {tok.key} is not in the source")


#: A tag whose name is a word (any script): ``<неразборчиво/>``, ``</говорят одновременно>``.
_WORDED_TAG = re.compile(r"</?\s*([^\W\d_][\w -]{0,40}?)\s*/?>")


def _tag_shape(tag: str) -> str:
    return "close" if tag.startswith("</") else "empty" if tag.endswith("/>") else "open"


def _skip_spans(text: str, syntaxes: frozenset[str] = placeholders.ALWAYS
                ) -> list[tuple[int, int]]:
    spans = [(t.start, t.end) for t in find_tokens(text, (), syntaxes)]
    spans += [(m.start(), m.end()) for m in find_urls(text)]
    return spans


def _units(segment: Segment) -> Iterator[tuple[int, int, str]]:
    """``(start, end, source)`` of a segment that carries its source: the whole segment."""
    if segment.source is not None and _has_pair(segment):
        yield 0, len(segment.text), segment.source


def _source_lines(segment: Segment) -> Iterator[tuple[int, int, str]]:
    """``(start, end, source)`` of each line of a segment that the reader paired with a line of a
    line-aligned ``--source`` file.  Prose is compared as TQ812/TQ813 compared it: digit strings
    with separators dropped (``1,500`` = ``1.500``), addresses as substrings, and only for what
    the translation lost — a prose translation converts units, writes magnitudes out ("£2.8bn" →
    "2,8 млрд", "a decade" → "10 лет") and glues suffixes to numbers ("80s" → "80er"), so what it
    adds, and a locale's number format, are no evidence."""
    if segment.source is None:
        for line in segment.meta.get("source_lines", ()):
            yield line.start, line.end, line.source
_CODE_DIGITS = re.compile(r"(?<=[A-Za-z])\d+|\d+(?=[A-Za-z])|(?<=[A-Za-z][.,])\d+")
_YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)[–-](\d\d)\b")
_BARE_DECIMAL = re.compile(r"(?<![\w.,])\.(\d+)\b")
#: Digits in groups of three after a separator: "42.000", "1,716", "192.168".
_GROUPED = re.compile(r"\d{1,3}(?:[.,\u00a0\u202f\u066c' ]\d{3})+")


def _digits(token: str) -> str:
    return re.sub(r"\D", "", token).lstrip("0") or "0"


@register("TQ835", "number-mismatch", Severity.WARNING, scope="segment", on="pairs")
def find_number_mismatch(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A number of the source missing from the translation, or one the translation added.

    What it does:
        Reads the numbers of source and target in each language's own format (``1,000.5`` in
        English is ``1.000,5`` in German and ``1 000,5`` in French; Arabic-Indic digits count as
        digits) and compares their values, outside placeholders and URLs.  Single digits are left
        alone because translations spell them out ("1 file" → "un fichier"); the digits of a code
        glued to letters (``229E``, ``OC43``) may stand apart in a transliteration, and a year
        range's short end (``2010–11``) may be written out (``2010–2011``) or kept (``2010-11``).
        A number spelled out on one side (``Fifteen minutes`` → ``15 минут``, ``10 minutes`` →
        ``عشر دقائق``: the ``[numbers]`` of each language's data) matches the other's digits; a
        decimal without its leading zero (``.08``) is ``0,08``; digits grouped by three read the
        other way (``42.000`` in an English source, ``192.168.*.*`` in German) are the same
        digits; a time of day on the other clock is the same time (``11 a.m. - 4 p.m.`` →
        ``11 - 16 Uhr``, ``6:30 a.m.`` → ``6h30``), in units and records alike; a decade the
        translation lacks (``the mid-1960s``, often written in words) is info, and so, in a
        unit whose source has no number at all, in digits or words, is a number the translation
        adds (``Common Logarithm`` → ``Logarithm (base 10)``: an explanation).  A corpus
        record (TSV, JSONL, Parquet, line pairs) is a sentence pair of prose:
        there digits glued to letters count, a Roman numeral on the other side counts (``XIV
        век`` → ``14th century``), so does a time written without a clock mark (``15:00`` → ``3 p.m.``)
        and a quantity converted into another unit (``25 см`` → ``10 inches``; ``[units]`` in
        ``tqcheck/data/pairs.toml``), a number the translation only adds is info, and a single
        digit counts where the translation put another digit in its place.

    Why it matters:
        MT drops, rounds or garbles numbers — a wrong dose, price or date is the costliest error a
        translation can make.

    Example:
        ``Take 250 mg twice a day`` → ``Nehmen Sie zweimal täglich 25 mg`` → flags ``25``.
    """
    src_lang = segment.source_lang or ctx.source_lang or "en"
    tgt_lang = segment.target_lang or ctx.lang
    months = ctx.data.get("calendar", "months", default=()) or ()
    for start, end, src_text in _source_lines(segment):
        for number in lost_numbers(src_text, segment.text[start:end], months):
            # Prose renders numbers freely (spelled out, Roman, converted units, other clocks):
            # on a --source line a missing number is a hint to look, not a verdict (blind judgement
            # on WMT23: half were faithful renderings).
            yield Hit(start, end, f"number {number} of the source is missing",
                      severity=Severity.INFO)
    for start, end, src_text in _units(segment):
        if is_record(segment):
            yield from _record_number_mismatch(segment.text[start:end], start, src_text, src_lang,
                                               tgt_lang, months)
            continue
        yield from _unit_number_mismatch(segment.text[start:end], start, src_text, src_lang,
                                         tgt_lang, file_syntaxes(ctx))


#: Roman numerals of two letters or more ("XIV век" → "14th century"); a lone "I" is a pronoun.
_ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")
#: A digit standing alone: not part of a longer number ("2 hubs", "SARS-CoV-2", "PERSON9").
_SINGLE_DIGIT = re.compile(r"(?<![\d.,:])\d(?![.,:]?\d)")


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


@lru_cache(maxsize=32)
def _number_words(lang: str | None) -> tuple[re.Pattern[str] | None, dict[str, int]]:
    """The number words of a language's data as one pattern, and the value of each word or stem.

    ``[numbers] words`` lists the forms of each value 0–20 and ``tens`` those of 30–90; with
    ``stems = true`` they are stems that take case endings.  ``more`` maps further whole words
    to their values (``hundred = 100``, or a language's whole table)."""
    data = load_language(lang)
    stems: dict[str, int] = {}
    for value, forms in enumerate(data.get("numbers", "words", default=()) or ()):
        stems.update((f.casefold(), value) for f in forms)
    for i, forms in enumerate(data.get("numbers", "tens", default=()) or ()):
        stems.update((f.casefold(), 30 + 10 * i) for f in forms)
    whole = {str(k).casefold(): int(v)
             for k, v in (data.get("numbers", "more", default={}) or {}).items()}
    if stems and not data.get("numbers", "stems", default=False):
        # tens glued to a unit, as some catalogues write them ("Fortyfive minutes")
        tens = [(w, v) for w, v in stems.items() if v >= 20 and v % 10 == 0]
        units = [(w, v) for w, v in stems.items() if 0 < v < 10]
        whole.update((t + u, tv + uv) for t, tv in tens for u, uv in units)
    if not stems and not whole:
        return None, {}
    tail = r"[^\W\d_]*" if data.get("numbers", "stems", default=False) else r"(?![^\W\d_])"
    parts = []
    if stems:
        parts.append("(?:" + "|".join(re.escape(w) for w in sorted(stems, key=len, reverse=True))
                     + ")" + tail)
    if whole:
        parts.append("(?:" + "|".join(re.escape(w) for w in sorted(whole, key=len, reverse=True))
                     + r")(?![^\W\d_])")
    # the whole words first: "сто" is a whole word, not the stem of "стол"
    pattern = "|".join(reversed(parts))
    return re.compile(rf"(?<![^\W\d_])({pattern})", re.IGNORECASE), {**stems, **whole}


def _word_value(word: str, by_word: dict[str, int]) -> int:
    """The value of a matched number word: the word itself, or the longest stem it starts with."""
    word = word.casefold()
    if word in by_word:
        return by_word[word]
    return by_word[max((w for w in by_word if word.startswith(w)), key=len)]


def _spelled_values(text: str, lang: str | None, *, roman: bool = True) -> set[int]:
    """Values written in words ("ten", "двадцати пяти") or, with ``roman``, Roman numerals
    ("XIV") in ``text``."""
    pattern, by_word = _number_words(lang)
    values: set[int] = ({_roman_value(m.group()) for m in _ROMAN.finditer(text) if m.group()}
                        if roman else set())
    if pattern is None:
        return values
    previous: tuple[int, int] | None = None  # (value, end) of the last number word
    for m in pattern.finditer(text):
        value = _word_value(m.group(1), by_word)
        values.add(value)
        if (previous is not None and previous[0] >= 20 and previous[0] % 10 == 0 and value < 10
                and not text[previous[1]:m.start()].strip(" -‐")):
            values.add(previous[0] + value)  # "twenty-one", "двадцать пять"
        previous = (value, m.end())
    return values


def _values(text: str) -> set[int]:
    """The values of every digit run (``06`` = 6, digits glued to letters too) and the full
    year of a range's short end (``2010–11`` holds 2011)."""
    found = {int(d) for d in re.findall(r"\d+", text)}
    found.update(int(m.group(1)[:2] + m.group(2)) for m in _YEAR_RANGE.finditer(text))
    return found


#: A time on the 24-hour clock (``15:00``, ``14.00``, ``9h30``) and on the 12-hour one
#: (``3 p.m.``, ``11am``, ``5.30pm``).
_CLOCK_24 = re.compile(r"(?<![\d.,:])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![\d,:]|\.\d)")
_CLOCK_12 = re.compile(r"(?<![\d.,:])(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s?([ap])\.?\s?m\b\.?",
                       re.IGNORECASE)


def _clock_times(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, minute of the day)`` of each time written on a clock."""
    found = [(m.start(), m.end(), int(m.group(1)) * 60 + int(m.group(2)))
             for m in _CLOCK_24.finditer(text)]
    for m in _CLOCK_12.finditer(text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        found.append((m.start(), m.end(), hour * 60 + int(m.group(2) or 0)))
    return found


def _drop_shared_times(source: str, target: str) -> tuple[str, str]:
    """Both texts with the clock times they share blanked (``15:00`` → ``3 p.m.``): the same
    time on another clock is no number lost or added."""
    src_times, tgt_times = _clock_times(source), _clock_times(target)
    shared = {v for *_, v in src_times} & {v for *_, v in tgt_times}
    if not shared:
        return source, target

    def blank(text: str, times: list[tuple[int, int, int]]) -> str:
        for start, end, value in times:
            if value in shared:
                text = text[:start] + " " * (end - start) + text[end:]
        return text

    return blank(source, src_times), blank(target, tgt_times)


#: A number with what may stand between it and its unit: the other ends of a range (``5–10 см``,
#: ``2 to 4 inches``).
_QUANTITY = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)((?:\s*(?:[–—-]|to|and|or|до|и|или)\s*"
                       r"\d+(?:[.,]\d+)?)*)\s*")


@lru_cache(maxsize=1)
def _unit_words() -> tuple[tuple[str, str, float], ...]:
    """``(word, dimension, size)`` of the units of ``pairs.toml``, longest words first."""
    table = pair_data().get("units", {})
    words = [(w.casefold(), dim, float(size)) for dim, units in table.items()
             for size, names in units for w in names]
    return tuple(sorted(words, key=lambda x: -len(x[0])))


def _quantities(text: str) -> list[tuple[int, str, float, float]]:
    """``(value as digits, dimension, value in the base unit, unit size)`` of each number with a
    unit (each number of a range takes the range's unit)."""
    found: list[tuple[int, str, float, float]] = []
    folded = text.casefold() + " "
    for m in _QUANTITY.finditer(text):
        at = m.end() + (folded.startswith("-", m.end()))  # "300-килограммовое", "6-foot"
        unit = next(((dim, size) for word, dim, size in _unit_words()
                     if folded.startswith(word, at)), None)
        if unit is None:
            continue
        for number in re.findall(r"\d+(?:[.,]\d+)?", m.group(1) + " " + m.group(2)):
            value = float(number.replace(",", "."))
            found.append((int(re.sub(r"\D", "", number)), unit[0], value * unit[1], unit[1]))
    return found


def _same_quantity(a: tuple[int, str, float, float], b: tuple[int, str, float, float]) -> bool:
    """Two quantities of one dimension in different units that are the same within rounding
    (15%); degrees may be Celsius on one side and Fahrenheit on the other."""
    if a[1] != b[1] or a[0] == b[0] or (a[3] == b[3] and a[1] != "temperature"):
        return False
    x, y = a[2], b[2]
    if a[1] == "temperature":
        return any(abs(u * 9 / 5 + 32 - v) <= max(2.0, 0.05 * abs(v)) for u, v in ((x, y), (y, x)))
    return abs(x - y) <= 0.15 * max(abs(x), abs(y))


def _converted(source: str, target: str) -> tuple[set[int], set[int]]:
    """The values of the source and of the target that are one quantity in two units."""
    src_q, tgt_q = _quantities(source), _quantities(target)
    src_done = {a[0] for a in src_q if any(_same_quantity(a, b) for b in tgt_q)}
    tgt_done = {b[0] for b in tgt_q if any(_same_quantity(a, b) for a in src_q)}
    return src_done, tgt_done


def _record_number_mismatch(text: str, start: int, src_text: str, src_lang: str,
                            tgt_lang: str | None, months: Sequence[str]) -> Iterator[Hit]:
    """TQ835 on a corpus record, a sentence pair of prose.  Numbers are digit strings with
    separators dropped (``1,5`` = ``1.5``, ``4:40`` = ``4.40``); digits glued to letters count
    (``[ЧЕЛОВЕК14]`` → ``[PERSON14]``); a number written in words or Roman numerals on the other
    side counts (``10 лет`` → ``ten years``, ``XIV век`` → ``14th century``), and so does a usual
    other rendering (``380 тысяч`` → ``380,000``, ``15:00`` → ``3 p.m.``, a year in full or
    short, ``06`` for ``6``).  What is still
    lost is a warning; a number the translation only adds is info (prose writes out magnitudes
    and decades); a single digit counts only where the translation put another digit instead."""
    if not _DIGIT.search(src_text) and not _DIGIT.search(text):
        return
    src, tgt = _drop_shared_times(ascii_digits(src_text), ascii_digits(text))
    src_nums, tgt_nums = numbers(src), numbers(tgt)
    src_runs, tgt_runs = _values(src), _values(tgt)
    src_words: set[int] = set()
    tgt_words: set[int] = set()
    src_all = {int(n) for n in src_nums} | {int(d) for d in _SINGLE_DIGIT.findall(src)}
    tgt_all = {int(n) for n in tgt_nums} | {int(d) for d in _SINGLE_DIGIT.findall(tgt)}
    if src_all - tgt_runs or tgt_all - src_runs:
        # Words, numerals and conversions only where the digits disagree.  What a side holds
        # "in another form" is checked against the other side's numbers: a source number
        # converted into another unit is kept, a target number that is a conversion is no
        # addition.
        src_words = _spelled_values(src_text, src_lang)
        tgt_words = _spelled_values(text, tgt_lang)
        src_converted, tgt_converted = _converted(src, tgt)
        tgt_words |= src_converted
        src_words |= tgt_converted

    def kept(n: str, runs: set[int], spelled: set[int]) -> bool:
        return int(n) in runs or int(n) in spelled

    lost = [n for n in sorted(src_nums) if n not in tgt_nums and not kept(n, tgt_runs, tgt_words)
            and not rendered_otherwise(n, src, tgt_nums, tgt, months)]
    added = [n for n in sorted(tgt_nums) if n not in src_nums and not kept(n, src_runs, src_words)
             and not rendered_otherwise(n, tgt, src_nums, src, months)]
    lost_single = sorted({m.group() for m in _SINGLE_DIGIT.finditer(src)
                          if not kept(m.group(), tgt_runs, tgt_words)})
    added_single = [m for m in _SINGLE_DIGIT.finditer(tgt)
                    if not kept(m.group(), src_runs, src_words)]
    replaced = bool(lost or lost_single) and bool(added or added_single)
    for n in lost:
        yield Hit(start, start + len(text), f"number {n} of the source is missing")
    if replaced:
        for n in lost_single:
            yield Hit(start, start + len(text), f"number {n} of the source is missing")
    for n in added:
        for m in _NUMBER_SPAN.finditer(tgt):
            if re.sub(r"\D", "", m.group()) == n:
                yield Hit(start + m.start(), start + m.end(), f"number {m.group()} is not in the "
                          "source", severity=None if replaced else Severity.INFO)
                break
    if replaced:
        for m in added_single:
            yield Hit(start + m.start(), start + m.end(), f"number {m.group()} is not in the source")


#: End marks that close a sentence (``checks._pairs.end_punctuation`` kinds).
_SENTENCE_ENDS = frozenset({"stop", "question", "exclaim", "ellipsis"})
_NUMBER_SPAN = re.compile(r"\d+(?:[.,\u066b\u066c\u00a0\u202f' ]\d{3})*(?:[.,\u066b]\d+)?")


_DECADE = re.compile(r"\b(\d{2}[1-9]?0)['’]?s\b")


def _unit_number_mismatch(text: str, start: int, src_text: str, src_lang: str, tgt_lang: str | None,
                          syntaxes: frozenset[str]) -> Iterator[Hit]:
    """TQ835 on a translation unit: numbers compared by value in each language's format; a
    number one side spells out (``Fifteen minutes``, ``عشر دقائق``) matches the other's digits."""
    src_nums = [(m, v) for m, v in find_numbers(src_text, src_lang,
                                                _skip_spans(src_text, syntaxes))
                if len(v.lstrip("-")) > 1]
    src_vals = Counter(v for _, v in src_nums)
    value_digits = {v: _digits(m.group()) for m, v in src_nums}
    tgt_nums = [(m, v) for m, v in find_numbers(text, tgt_lang, _skip_spans(text, syntaxes))
                if len(v.lstrip("-")) > 1]
    tgt_vals = Counter(v for _, v in tgt_nums)
    # Digits of codes the source glues to letters (229E, OC43) stand apart in a transliteration
    # (229 إي, أوه سي 43); a year range's short end (2010–11) is written out in full (2010–2011).
    codes = {str(int(d)) for d in _CODE_DIGITS.findall(src_text)}
    # Roman numerals are left out here: "CD", "MC" and "XL" are words in UI strings.
    src_spelled = {str(v) for v in _spelled_values(src_text, src_lang, roman=False)}
    codes |= src_spelled
    tgt_spelled = {str(v) for v in _spelled_values(text, tgt_lang, roman=False)}
    for m in _YEAR_RANGE.finditer(src_text):
        short = str(int(m.group(2)))
        full = m.group(1)[:2] + m.group(2)
        codes.add(short)  # "2019–20" kept as "2019-20" (a hyphen for the en dash)
        if full in tgt_vals:
            src_vals.pop(short, None)
            codes.add(full)
    # A decimal without its leading zero (".08%") is written with it in most languages ("0,08").
    for m in _BARE_DECIMAL.finditer(src_text):
        codes.add(number_value("0." + m.group(1), False))
    # Digit groups of three read as the other convention ("42.000 participants" in an English
    # source, "192.168.*.*" read by a decimal-comma target): the same digits, grouped, are the
    # same number.  Only grouped numbers: "1.5" and "15" stay different.
    src_grouped = {_digits(m.group()) for m, _ in src_nums if _GROUPED.fullmatch(m.group().strip())}
    src_digits = set(value_digits.values())
    tgt_digits = {_digits(m.group()) for m, _ in tgt_nums}
    tgt_grouped = {_digits(m.group()) for m, _ in tgt_nums if _GROUPED.fullmatch(m.group().strip())}
    # A time of day on the other clock ("4 p.m." → "16 Uhr", "6:30 a.m." → "6h30"): the numbers
    # of a time the other side has too are that time (clock_times, as for prose records).
    decades = {m.group(1) for m in _DECADE.finditer(src_text)}
    src_clock, tgt_clock = clock_times(src_text), clock_times(text)
    src_clock_vals = {v for *_, v in clock_times(src_text, loose=bool(tgt_clock))}
    tgt_clock_vals = {v for *_, v in clock_times(text, loose=bool(src_clock))}
    for value in src_vals:
        d = value_digits[value]
        if all(any(a <= m.start() < b and t in tgt_clock_vals for a, b, t in src_clock)
               for m, v in src_nums if v == value):
            continue
        if value not in tgt_vals and value not in tgt_spelled and not (
                d in tgt_grouped or (d in src_grouped and d in tgt_digits)):
            # A decade ("the mid-1960s") is often written in words ("ستينيات القرن العشرين"): info.
            decade = value in decades
            yield Hit(start, start + len(text), f"number {value} of the source is missing"
                      + (" (a decade: written in words?)" if decade else ""),
                      severity=Severity.INFO if decade else None)
    listed = set(src_vals) | codes | {str(int(d)) for d in re.findall(r"\d+", src_text)}
    for m, value in tgt_nums:
        parts = [str(int(p)) for p in re.findall(r"\d+", m.group())]
        if len(parts) > 1 and all(p in listed for p in parts):
            continue  # "[-1, 1]" written "[-1,1]": a list of the source's numbers, not 1.1
        digits = _digits(m.group())
        if digits in src_grouped or (digits in src_digits and digits in tgt_grouped):
            continue
        if any(a <= m.start() < b and t in src_clock_vals for a, b, t in tgt_clock):
            continue  # "16 Uhr" for "4 p.m."
        if value not in src_vals and value not in codes:
            # A source without any number ("Common Logarithm") whose translation adds one
            # explains it ("Logarithm (base 10)", "以 10 为底"): at most info.
            added = not _DIGIT.search(src_text) and not src_spelled
            yield Hit(start + m.start(), start + m.end(),
                      f"number {m.group().strip()} is not in the source"
                      + (" (the source has no number: an explanation the translation adds?)"
                         if added else ""),
                      severity=Severity.INFO if added else None)


@register("TQ836", "url-mismatch", Severity.WARNING, scope="segment", on="pairs")
def find_url_mismatch(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A URL or e-mail address of the source missing or changed in the translation.

    What it does:
        Compares the URLs (``http(s)://``, ``ftp://``, ``www.``) and e-mail addresses of source and
        target exactly (a final slash aside); flags those the target lost and those it added or
        altered.  An example address whose name the translation localised, the domain kept
        (``jbloggs@foo.com`` → ``jdupont@foo.com``), is info.

    Why it matters:
        MT translates words inside links (``/help/`` → ``/aide/``), drops them, or "corrects"
        addresses — the link then leads nowhere.

    Example:
        ``See https://example.org/help`` → ``Voir https://example.org/aide`` → flags the changed
        URL.
    """
    for start, end, src_text in _source_lines(segment):
        text = segment.text[start:end]
        for url in prose_urls(src_text):
            if url not in text:
                yield Hit(start, end, f"'{url}' of the source is missing")
    for start, end, src_text in _units(segment):
        text = segment.text[start:end]
        src = {_url_key(m.group()) for m in find_urls(src_text)}
        tgt = find_urls(text)
        tgt_set = {_url_key(m.group()) for m in tgt}
        # An example address whose name the translation localised (``jbloggs@foo.com`` →
        # ``jdupont@foo.com``): the same domain on both sides, info.
        localised = {_domain(u) for u in src - tgt_set} & {_domain(u) for u in tgt_set - src}
        localised.discard("")
        for url in sorted(src - tgt_set):
            yield Hit(start, end, f"'{url}' of the source is missing"
                      + (" (its name localised?)" if _domain(url) in localised else ""),
                      severity=Severity.INFO if _domain(url) in localised else None)
        for m in tgt:
            key = _url_key(m.group())
            if key not in src:
                yield Hit(start + m.start(), start + m.end(), f"'{m.group()}' is not in the source"
                          + (" (its name localised?)" if _domain(key) in localised else ""),
                          severity=Severity.INFO if _domain(key) in localised else None)


def _url_key(url: str) -> str:
    """A URL as compared: a final slash is the same address (right-to-left text moves it)."""
    return url.rstrip("/") if "://" in url else url


def _domain(address: str) -> str:
    """The domain of an e-mail address ("" for a URL)."""
    return address.rpartition("@")[2] if "@" in address and "://" not in address else ""


#: Targets whose descriptions and labels need no final mark (TQ837 does not call them cut off).
_NO_STOP_NEEDED = frozenset({"zh", "ja", "ko", "th", "lo", "km", "my"})
#: Right-to-left languages, and the marks a subtitle typed in visual order puts first.
_RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "yi", "ps", "sd", "ug", "ckb", "dv"})
_VISUAL_FIRST_MARKS = frozenset(".!?؟…-")


def _ratio_bounds(src: str | None, tgt: str | None, ctx: CheckContext) -> tuple[float, float]:
    table = pair_data()["length_ratio"]
    s, t = base_lang(src) or "*", base_lang(tgt) or "*"
    for key in (f"{s}-{t}", f"*-{t}", f"{s}-*"):
        if key in table:
            low, high = table[key]
            return float(low), float(high)
    low, high = table["default"]
    return float(low), float(high)


@register("TQ837", "length-ratio", Severity.INFO, scope="segment", on="pairs")
def find_length_ratio(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A translation much shorter or much longer than its source.

    What it does:
        Divides the target's length by the source's (for sources of at least 20 characters) and
        flags ratios outside the range for the language pair in ``tqcheck/data/pairs.toml`` (for
        example 0.7–2.3 for English → German, 0.15–1.2 into Chinese).  A translation below the
        range that ends without the sentence-final mark its source has is cut off mid-sentence:
        a warning (not into Chinese, Japanese, Korean or Thai, which leave the mark off a
        description, nor for a right-to-left line that starts with the mark, as subtitles typed
        in visual order do: ``! عملاق رودس``).

    Why it matters:
        A far shorter translation usually dropped a clause; a far longer one may hold a
        hallucination or a repeated phrase, or will not fit the button it is meant for.

    Example:
        ``The file could not be saved because the disk is full.`` → ``Fehler.`` → flagged (0.13).
    """
    if not _has_pair(segment):
        return
    source = (segment.source or "").strip()
    if len(source) < int(pair_data()["length_ratio"]["min_source_chars"]):
        return
    low, high = _ratio_bounds(segment.source_lang or ctx.source_lang,
                              segment.target_lang or ctx.lang, ctx)
    ratio = len(segment.text.strip()) / len(source)
    if ratio < low:
        # Far shorter and stopping where the source ends a sentence: cut off, not condensed.
        # Chinese and Japanese leave the full stop off a description freely; right-to-left
        # subtitles are often typed in visual order, the final mark first ("! عملاق رودس").
        lang = base_lang(segment.target_lang or ctx.lang)
        text = segment.text.strip()
        cut = (end_punctuation(source)[0] in _SENTENCE_ENDS
               and end_punctuation(text)[0] is None and lang not in _NO_STOP_NEEDED
               and not (lang in _RTL_LANGS and text[:1] in _VISUAL_FIRST_MARKS))
        yield Hit(0, len(segment.text), f"translation is {ratio:.2f}× the source's length "
                  f"(expected at least {low:g}×): "
                  + ("it stops mid-sentence, cut off" if cut else "something may be missing"),
                  severity=Severity.WARNING if cut else None)
    elif ratio > high:
        yield Hit(0, len(segment.text), f"translation is {ratio:.2f}× the source's length "
                  f"(expected at most {high:g}×)")
