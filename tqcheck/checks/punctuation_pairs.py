"""Punctuation between source and target: leading and trailing whitespace, end punctuation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from tqcheck.checks._pairs import END_PUNCT, end_punctuation
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.langdata import base_lang, load_language
from tqcheck.model import Segment, Sentence, Severity


def _edges(text: str) -> tuple[str, str]:
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead, trail


def _show(ws: str) -> str:
    return repr(ws) if ws else "nothing"


_HTML_DATATYPES = frozenset({"html", "xhtml", "htmlbody"})


@register("TQ380", "whitespace-mismatch", Severity.WARNING, scope="segment", on="pairs")
def find_whitespace_mismatch(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """Leading or trailing whitespace (spaces, newlines) that differs from the source.

    What it does:
        Compares the whitespace before the first and after the last visible character of source
        and target and flags the target's edge when they differ (spaces the target adds at its end,
        where the source has none, and an indentation of other spaces, only as info: a
        verbatim table re-aligned is still indented).  Units that XLIFF marks as HTML
        (``datatype="html"``, Angular templates) are left alone: HTML collapses whitespace.

    Why it matters:
        Programs join strings: ``"Saved to " + path`` loses its space when the translation drops
        the trailing one, and a lost final ``\\n`` runs two messages together on a terminal.

    Example:
        ``msgid "Usage:\\n"`` / ``msgstr "Verwendung:"`` → flags the end of the ``msgstr``.
    """
    source = segment.source
    text = segment.text
    if not source or not source.strip() or not text.strip():
        return
    if str(segment.meta.get("datatype") or "").lower() in _HTML_DATATYPES:
        return  # HTML collapses whitespace: the edges of a template's text are layout
    s_lead, s_trail = _edges(source)
    t_lead, t_trail = _edges(text)
    if s_lead != t_lead:
        # An indented block indented by other spaces (a verbatim table re-aligned) is still
        # indented: info.
        reindented = bool(s_lead and t_lead and not (s_lead + t_lead).strip(" \t"))
        yield Hit(0, max(1, len(t_lead)),
                  f"leading whitespace differs: source has {_show(s_lead)}, "
                  f"translation {_show(t_lead)}", suggestion=s_lead + text.lstrip()[:1],
                  severity=Severity.INFO if reindented else None)
    if s_trail != t_trail:
        end = len(text)
        start = end - len(t_trail) if t_trail else end - 1
        # Spaces added at the end are invisible; a lost space (``"Saved to " + path``) or a
        # changed line break is not.
        added_spaces = not s_trail and not t_trail.strip(" \t")
        yield Hit(start, end, f"trailing whitespace differs: source has {_show(s_trail)}, "
                  f"translation {_show(t_trail)}",
                  severity=Severity.INFO if added_spaces else None)


_NO_FULL_STOP = frozenset({"th", "lo", "km", "my"})
_CJK = frozenset({"zh", "ja"})
_INNER_STOP = re.compile(r"[.!?]\s+[A-Z]")
_NAMES = {"stop": "a full stop", "question": "a question mark", "exclaim": "an exclamation mark",
          "colon": "a colon", "ellipsis": "an ellipsis", "comma": "a comma",
          "semicolon": "a semicolon", None: "no punctuation"}


def _trailing_marks(text: str) -> set[str]:
    """The kinds of the end marks in the text's final run of punctuation, closing quotes and
    brackets (``?».`` → question and stop)."""
    kinds: set[str] = set()
    for ch in reversed(text.rstrip()):
        if ch in END_PUNCT:
            kinds.add(END_PUNCT[ch])
        elif not (ch in _QUOTE_CLOSERS or ch.isspace()):
            break
    return kinds


_QUOTE_CLOSERS = "\"'”’»)]}」』）›"
_QUOTED_END = re.compile(r"(?:[\"”’»」』›]|(?<=[.!?])')[.!?。！？]?\s*$")


def _quoted_end(text: str) -> bool:
    """The text ends with a closing quotation mark (and perhaps a mark after it)."""
    return bool(_QUOTED_END.search(text))


#: Closing quotation marks: a final mark before one belongs to the quotation.
def _asks_in_form(source: str, lang: str | None) -> bool:
    """Whether the source's last sentence opens a clause with a question word of its language
    (``question_openers`` in the language data)."""
    openers = load_language(lang).words("question_openers")
    if not openers:
        return False
    last = re.split(r"[.!?]\s+(?=[(\"“]?[A-Z])", source.strip())[-1]
    pattern = _openers_pattern(openers)
    return pattern.search(last) is not None


@lru_cache(maxsize=32)
def _openers_pattern(openers: frozenset[str]) -> re.Pattern[str]:
    alts = "|".join(sorted((re.escape(o).replace("\\ ", r"\s+") for o in openers), key=len,
                           reverse=True))
    return re.compile(rf"(?:^|[(:;,]\s*|\b(?:e\.g\.|i\.e\.)\s*)(?:{alts})\b", re.I)


_QUOTE_MARKS = frozenset("\"'”’»」』")


@register("TQ381", "end-punctuation-mismatch", Severity.WARNING, scope="segment", on="pairs",
          not_for=("srt", "vtt"))
def find_end_punctuation_mismatch(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """The translation ends in different punctuation than the source.

    What it does:
        Compares the last punctuation mark of source and target (before closing quotes and
        brackets), treating the marks of other scripts as the same mark: ``؟`` ≡ ``?``,
        ``。`` ≡ ``.``, ``！`` ≡ ``!``, ``：`` ≡ ``:``, ``...`` ≡ ``…``, Greek ``;`` ≡ ``?``.  Thai,
        Lao, Khmer and Burmese, which end sentences without a mark, are not checked for a lost
        full stop; a colon may become ``。`` in Chinese and Japanese; a full stop added to a source
        of several sentences that lacks its last one is a correction.  Closing tags, an
        accelerator written after the label (``追加…(_L)``) and an emoticon (``:)``) are passed
        over.  A lost or added comma or semicolon, a full stop on one side only, an exclamation
        mark added, dropped or written for a full stop (or the reverse: languages differ in how
        often they exclaim), a question mark for a source's full stop (the source asks in form:
        ``Which character is used …``), or a mark inside a quotation that closes the source
        (``… button in video "Details:"``) is reported as info: the warnings are a question,
        colon or ellipsis lost, gained or changed.  Marks inside closing quotes count too
        (``?».`` ends like ``?"``).

    Why it matters:
        A question turned into a statement, or a label that lost its colon, changes what the user
        reads; MT drops and adds final marks freely.

    Example:
        ``Delete this file?`` → ``Diese Datei löschen.`` → flags the ``.``.
    """
    source = segment.source
    text = segment.text
    if not source or not source.strip() or not text.strip():
        return
    src_kind, _ = end_punctuation(source)
    tgt_kind, at = end_punctuation(text)
    lang = base_lang(segment.target_lang or ctx.lang)
    if lang == "el" and text.rstrip().endswith(";"):
        tgt_kind = "question"
    if src_kind == tgt_kind:
        return
    if lang in _NO_FULL_STOP and src_kind == "stop" and tgt_kind is None:
        return
    if src_kind is None and re.search(r"[%}>)\]]$", source.rstrip()):
        return  # ends in a placeholder or a tag: punctuation around it is the translator's choice
    if src_kind is None and tgt_kind == "stop" and _INNER_STOP.search(source):
        return  # the source's last sentence lacks its stop; the translation completed it
    if lang in _CJK and {src_kind, tgt_kind} == {"colon", "stop"}:
        return  # a sentence that introduces what follows ends with 。 in Chinese and Japanese
    # A full stop present on one side only changes no meaning (labels, titles, notes): info.
    # Nor does an exclamation toned down to a full stop (or the reverse): languages differ in how
    # often they exclaim.  A mark inside closing quotes belongs to the quotation ("…such?»." and
    # "…such?\""): when the two sides' trailing clusters share a mark, the sentence ends alike.
    minor = ({src_kind, tgt_kind} & {"comma", "semicolon"} or {src_kind, tgt_kind} <= {None, "stop"}
             or {src_kind, tgt_kind} in ({"exclaim", "stop"}, {"exclaim", None})
             # A question in form that the source ends with a full stop ("Which character is
             # used … (e.g. …)."): the translation writes the mark the question needs.
             or (src_kind == "stop" and tgt_kind == "question"
                 and _asks_in_form(source, segment.source_lang or ctx.source_lang))
             or _quoted_end(source) != _quoted_end(text)  # one side's mark ends a quotation
             or source.rstrip()[-1:] in _QUOTE_MARKS)  # the source's mark is a quotation's
    if ("ellipsis" not in {src_kind, tgt_kind} and (_quoted_end(source) or _quoted_end(text))
            and _trailing_marks(source) & _trailing_marks(text)):
        return
    severity = Severity.INFO if minor else None
    if at < 0:
        at = len(text.rstrip()) - 1
    yield Hit(max(0, at), max(1, len(text.rstrip())),
              f"translation ends with {_NAMES.get(tgt_kind, tgt_kind)}, the source with "
              f"{_NAMES.get(src_kind, src_kind)}", severity=severity)
