"""The source out of view: what the text itself says about a phenomenon being its writer's style.

Without the source (plain mode), the mirror tests of :mod:`tqcheck.checks.mirror` cannot tell a
translation artifact from a phenomenon the translation copied from its source: a review written
all in lowercase, ``..`` trailing off, ``!!!`` after a space, a smiley ``:-)`` before the full
stop, a word said three times for emphasis, a headline restated in the body.  On real MT output
about half of the findings only the plain audit makes are of that kind.  The text itself often
shows that the phenomenon is its writer's: the same thing throughout the paragraph or the lines
around it, a title or label line, an emphatic shape, the register of a post or a chat.  Then the
finding is kept but downgraded to ``info``, and its message says why.

One table, :data:`STYLES`, declares the test of each rule (rules without one are never
downgraded here); the tests are pure functions of a :class:`StyleCase`.  The engine asks them
only for a segment without a source in view; with the source in view the mirror tests decide.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tqcheck.datapack import builtin_names
from tqcheck.langdata import load_language
from tqcheck.model import Location, Segment
from tqcheck.pieces import PIECE


@dataclass(frozen=True, slots=True)
class StyleCase:
    """A finding of one rule in a segment whose source is not in view."""

    code: str
    segment: Segment
    start: int
    end: int
    message: str = ""
    #: The source language, when it is known (given, or from the file's metadata).
    source_lang: str | None = None
    #: Places the finding relates to (document checks: the earlier occurrence).
    related: tuple[Location, ...] = ()
    #: The segments around this one (a few before and after, in file order), found only when a
    #: test asks for them.
    around: Callable[[], Sequence[Segment]] = field(default=lambda: ())

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]

    @property
    def before(self) -> str:
        return self.segment.text[: self.start]

    @property
    def after(self) -> str:
        return self.segment.text[self.end :]


#: A style test: the reason a finding is the writer's style (shown in its message), or None.
StyleTest = Callable[[StyleCase], "str | None"]

#: A smiley or kaomoji: ``:-)``, ``;)``, ``:/``, ``:D``, ``=)``, ``(^^)``, ``^^``, ``xD``, ``<3``.
_EMOTICON = re.compile(r"(?<!\w)(?:[:;=8][-'^o]?[()\[\]/\\|DPpO3*]+|[()]+[-']?[:;=]|\(\^+|\^+\)|"
                       r"\^[_.-]?\^|[xX]D+|<3)(?!\w)")
#: A run of exclamation or question marks (``!!``, ``?!``, ``!!!``), or a letter said three times
#: or more (``sooo``, ``Neeein``): the register of a post, a review or a chat.
_EMPHATIC_MARKS = re.compile(r"[!?]{2,}|！{2,}")
_ELONGATED = re.compile(r"([^\W\d_])\1\1")
#: A mark the writer trails off with: ``..`` (two or more full stops), ``…``, ``･･･``.
_TRAILING = re.compile(r"(?:\.{2,}|…|･･･|・・・)")


def user_register(text: str) -> str | None:
    """The register of a post, a review or a chat in ``text``: emoticons, runs of ``!``/``?``,
    elongated words; None when the text shows none."""
    if _EMOTICON.search(text):
        return "the text writes smileys"
    if _EMPHATIC_MARKS.search(text):
        return "the text writes runs of '!' or '?'"
    for m in _ELONGATED.finditer(text):
        # A letter three times inside a word ("sooo", "Neeein"), not a Roman numeral ("III").
        if m.group(1).lower() not in "ivxlcdm" and m.group(1).isalpha():
            return "the text writes elongated words"
    return None


def _elongated(word: str) -> bool:
    """Whether ``word`` holds a letter written three times in a row ("sooo", "hmmm",
    "Neeein") and is no Roman numeral ("III", "MMM")."""
    return bool(_ELONGATED.search(word)) and not _ROMAN.fullmatch(word)


_ROMAN = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
#: A hesitation sound written with m's ("hmm", "hm", "mm", Cyrillic "хм", "мм"): no word an
#: edited text starts in lowercase, a chat's or transcript's one.
_HESITATION = re.compile(r"[hх]+[mм]+|[mм]{2,}", re.IGNORECASE)


#: What may stand before the first word of a line (quotation marks, brackets, dashes, spaces).
_OPENERS = "\"'“‘«([¿¡*-–— \t"


def _word_at(case: StyleCase) -> str:
    m = re.match(r"[^\W\d_]+", case.segment.text[case.start :])
    return m.group() if m else ""


def lowercase_style(case: StyleCase) -> str | None:
    """A sentence starts in lowercase because its writer writes so: after ``..`` or ``!!`` (a
    post trailing on), or at the start of a line among lines most of which start in lowercase (a
    chat, a list of comments).  A one-letter word (``n terms``, the rest of a word the MT cut) is no style."""
    word = _word_at(case)
    if len(word) < 2:
        return None
    before = case.before.rstrip()
    if _TRAILING.search(before[-3:]) or _EMPHATIC_MARKS.search(before[-2:]):
        return "the writer goes on in lowercase after trailing off"
    if _elongated(word) or _HESITATION.fullmatch(word):
        return "an elongated word or a hesitation sound ('hmmm', 'sooo', 'hmm'): the register " \
            "of a post or a chat"
    line_start = case.before.rfind("\n") + 1
    if not case.before[line_start:].strip(_OPENERS) and _lowercase_lines(case):
        return "a line among lines most of which start in lowercase"
    return None


def _lowercase_lines(case: StyleCase) -> bool:
    """Whether at least three of the other lines of the paragraph and of the paragraphs around
    start in lowercase, and more than half of those that start with a letter of a cased script
    (fluent prose hardly ever does: a writer of chat lines or comments does it all the time).
    With a third, lines an MT system lowercased here and there (a source in a script without
    case) would pass for style as often."""
    text = case.segment.text
    here = text.count("\n", 0, case.start)
    lines = [line for i, line in enumerate(text.split("\n")) if i != here]
    for other in case.around():
        lines.extend(other.text.split("\n"))
    lower = cased = 0
    for line in lines:
        m = _LINE_START.match(line)
        if m and m.group(1).upper() != m.group(1).lower():
            cased += 1
            lower += m.group(1).islower()
    return lower >= 3 and lower * 2 > cased


#: The first letter of a line, after what may stand before it.
_LINE_START = re.compile(f"[{re.escape(_OPENERS)}]*([^\\W\\d_])")


def label_line(case: StyleCase) -> str | None:
    """A short line in lowercase without final punctuation in a text of one segment per line (MT
    output, line-aligned corpora, a list of posts or chat lines), where a review's title, a list
    item or a chat message looks the same as a heading the MT lowercased; or among lines most of
    which start in lowercase, or beside text in the register of a post (smileys, ``!!``).  Between
    blank lines, in a text with paragraphs, a short lowercase line is a heading: no style."""
    if len(_word_at(case)) < 2:
        return None  # "s after building collapse": the rest of a word the MT cut
    if _lowercase_lines(case):
        return "a label line among lines that start in lowercase too"
    around = case.around()
    for text in (case.segment.text, *(s.text for s in around)):
        register = user_register(text)
        if register:
            return f"a title or label line of a post ({register.removeprefix('the text ')})"
    if _one_per_line(case):
        return "a short line in a text of one segment per line (a title, a list item, a message)"
    return None


def _one_per_line(case: StyleCase) -> bool:
    """Whether the segment before or after this one is on the next line: a text of one segment
    per line (MT output, line-aligned corpora, posts or chat lines), not paragraphs."""
    first = case.segment.line
    last = case.segment.locate(len(case.segment.text))[0]
    return any(s.line == last + 1 or s.locate(len(s.text))[0] == first - 1 for s in case.around())


def trailing_off(case: StyleCase) -> str | None:
    """``..`` (a writer trailing off, as ``...``), or a mark doubled at the end of the paragraph."""
    mark = case.text.strip()
    if mark == "..":
        return "'..' is a writer's trailing off"
    if not case.after.strip():
        return "a doubled mark at the end of the paragraph: a writer's trailing off"
    return None


def spaced_mark(case: StyleCase) -> str | None:
    """A space before a mark that follows a smiley or another mark (``:-) .``, ``verloren? :``),
    before a run of marks (``flawless !!!``), or in a paragraph that spaces every ``?`` and
    ``!`` (French style) or writes its marks loosely throughout (``sure.I``, ``ask ,then``)."""
    text = case.segment.text
    before = case.before.rstrip()
    mark = case.text.strip()
    if before and ((before[-1] in "?!…" and mark not in "?!") or _EMOTICON.search(before[-4:])
                   or (before[-1] == ")" and "(" not in text)):
        # Not a run of marks spaced apart ("last? ? ?", "ATTENTION!! ! !"): an MT habit.
        return "the space follows a smiley or another mark"
    if before[-1:].isalnum() and (_EMPHATIC_MARKS.match(text, case.end - len(mark))
                                  or _EMPHATIC_MARKS.match(mark + case.after[:2])):
        return "a run of marks after a word and a space, for emphasis"
    if mark in ",;" and case.after[:1].isalpha():
        return "a mark typed with its space on the wrong side (' ,then'): the writer's habit"
    spaced = re.findall(r"(\s?)[?!]", text)
    if len(spaced) >= 2 and all(s for s in spaced):
        return "the paragraph puts a space before every '?' and '!'"
    if len(_LOOSE.findall(text)) >= 2:
        return "the paragraph writes its marks loosely throughout"
    return None


#: A comma glued to the next word (``Republic,ask``, ``toys ,then``), or a full stop glued to a
#: capitalised one (``sure.I``); not inside a number, an abbreviation (``e.g.``) or an address
#: (``example.com``).
_LOOSE = re.compile(r"(?<=[^\W\d_]|\s),(?=[^\W\d_])|(?<=[^\W\d_]{2})\.(?=[A-ZА-ЯЁІЇЄҐ]\w)")


def emoticon_bracket(case: StyleCase) -> str | None:
    """A bracket that is part of a smiley or kaomoji (``:-)``, ``(^.``, ``))``), a ``)`` closing
    a paragraph that opens none (the smiley of Slavic posts, ``apiary) .``), or a ``(`` whose aside
    runs to the end of a paragraph that ends in a question (``sit (weak elasticity?``)."""
    text = case.segment.text
    lo, hi = max(0, case.start - 3), min(len(text), case.end + 3)
    for m in _EMOTICON.finditer(text, lo, hi):
        if m.start() <= case.start < m.end():
            return "the bracket is part of a smiley"
    if case.text == ")" and "(" not in text and (case.before[-1:].isalpha() or case.before[-1:]
                                                  in ".!?…" or not case.before.strip()) and \
            re.match(r"\s*[.!?…]*\s*$", case.after):
        return "a ')' closing the paragraph as a smiley"
    if case.text == "(" and ")" not in case.after and text.rstrip()[-1:] in "?!？！":
        return "an aside its writer leaves open at the end of the paragraph (a question)"
    return None


_WORD_ACROSS = re.compile(r"(\w+)\s*[,–—-]\s*\1\b", re.IGNORECASE)


#: The marks of a transcript of speech: a speaker label opening the paragraph (``(PERSON3)``,
#: ``(Человек 3)``), an annotation tag (``<unintelligible/>``, ``<parallel_talk>``), a name
#: anonymised as a numbered tag (``[PERSON9]``, ``[PROJECT5]``).  (Fillers are no mark: German
#: ``um`` is a preposition.)
_TRANSCRIPT = re.compile(r"<[^<>\n]{3,40}/>|<[^\W\d_]+(?:[_ ][^\W\d_]+)+>|^\s*\([^\W\d_]+ ?\d*\)\s"
                         r"|\[(?:[A-ZА-ЯЁ]{3,}|[A-ZА-ЯЁ][a-zа-яё]+)\d+\]", re.MULTILINE)


def spoken_repetition(case: StyleCase) -> str | None:
    """A word repeated across a comma or dash (``und, und, und``, ``with the, with the``): a
    speaker's repetition or emphasis, which a transcript or a quoted speaker keeps; or a word
    doubled in a transcript of speech (speaker labels, annotation tags): a verbatim transcript
    keeps the speaker's false starts (``if the if the``)."""
    if _WORD_ACROSS.fullmatch(case.text.strip()):
        return "a word repeated across a comma: a speaker's repetition or emphasis"
    if _TRANSCRIPT.search(case.segment.text):
        return "a word doubled in a transcript of speech: a speaker's false start"
    if len(case.text.split(None, 1)[0]) <= _SHORT_WORD and any(
            _TRANSCRIPT.search(s.text) for s in case.around()):
        # In a transcript of one line per utterance the speaker labels stand on other lines;
        # there, a short word doubled ("в в", "если если") is a speaker restarting, a longer
        # one as often the MT's own stutter.
        return "a short word doubled in a transcript of speech: a speaker's false start"
    if "\n" in case.text and _one_per_line(case):
        # "… and it\nit was …": two lines of a text of one segment per line, each translated on
        # its own, that the reader joined (no final mark before a lowercase line).
        return "a word ending one line and opening the next, in a text of one segment per line"
    if _QUOTED.fullmatch(case.before[-1:] + case.text + case.after[:1]):
        return "a doubled word that is all a quotation holds: a name or slogan (\"zoom zoom\")"
    return None


#: The longest word whose doubling beside a transcript's lines is read as a false start.
_SHORT_WORD = 4
#: A unit in quotation marks and nothing else: a name or slogan quoted as it is written.
_QUOTED = re.compile(r"([\"“„«'‘])[^\"“”„«»'‘’]+[\"”“»'’]")


def spoken_phrase(case: StyleCase) -> str | None:
    """A phrase of up to three words said twice in a transcript of speech (speaker labels,
    annotation tags or anonymised names in the line or the lines around): a speaker restarting
    (``für die für die``, ``вы можете просто вы можете просто``); a longer phrase repeated there
    is as often the MT's loop."""
    unit = case.message.partition("'")[2].rpartition("'")[0]
    words = unit.split()
    if not words or len(words) > _SPOKEN_PHRASE or not all(w.isalnum() for w in words):
        return None  # "tust nichts- du": a mark inside, the MT cutting a loop
    if case.after.lstrip(" ,").startswith(unit):
        return None  # said three times: a loop, not a restart
    if words[-1].casefold() in _coordinators():
        return None  # "за кулисами и за кулисами и": a coordination said twice
    if _TRANSCRIPT.search(case.segment.text) or any(_TRANSCRIPT.search(s.text)
                                                    for s in case.around()):
        return "a short phrase said twice in a transcript of speech: a speaker's false start"
    return None


#: The most words of a phrase whose repeat in a transcript is read as a false start.
_SPOKEN_PHRASE = 3


@functools.cache
def _coordinators() -> frozenset[str]:
    """The coordinating conjunctions of the languages with data ("and", "und", "и"): a style
    case does not know its text's language."""
    return frozenset(w.casefold() for name in builtin_names("lang")
                     for w in load_language(name.removesuffix(".toml")).words("coordinators"))


def emphatic_triple(case: StyleCase) -> str | None:
    """A short unit said three times across commas (``ads, ads, ads``, ``Come in, come in, come
    in``): emphasis, not a decoder loop (which runs on)."""
    parts = [p.strip() for p in re.split(r"[,;]\s*", case.text.strip()) if p.strip()]
    if len(parts) == 3 and len({p.casefold() for p in parts}) == 1 and len(parts[0].split()) <= 3:
        unit = re.compile(rf"(?<!\w){re.escape(parts[0])}(?!\w)", re.IGNORECASE)
        if len(unit.findall(case.segment.text)) == 3:  # not a triple inside a longer loop
            return "a unit said three times for emphasis"
    return None


def repeated_elsewhere(case: StyleCase) -> str | None:
    """A sentence repeated in another paragraph (a headline restated in the body, a refrain, a
    notice): without the source, a writer's repetition.  A loop inside one paragraph, or a
    paragraph that opens with a sentence of the paragraph right before (a chunk the MT re-sent),
    is no style."""
    first = case.segment.line
    last = case.segment.locate(len(case.segment.text))[0]
    if not case.related or any(first <= loc.line <= last for loc in case.related):
        return None
    if not case.before.strip() and any(_right_before(case, loc.line) for loc in case.related):
        return None  # the paragraph before, said again at once: a chunk re-sent by the MT
    return "repeated in another paragraph"


def _right_before(case: StyleCase, line: int) -> bool:
    """Whether ``line`` is in the paragraph right before the case's segment: the line before, or
    two lines up past a blank line; not two lines up in a text of one segment per line, where
    another segment stands between (a headline restated in the body after its lead)."""
    first = case.segment.line
    if line == first - 1:
        return True
    if line != first - 2:
        return False
    around = case.around()
    if around:
        return not any(s.line <= first - 1 <= s.locate(len(s.text))[0] for s in around)
    # A document finding, made when the segments around are gone: the segments before this one
    # fill nearly every line before it in a text of one segment per line (segments count from
    # 0), about half of them in one of paragraphs between blank lines.
    return case.segment.index < _ONE_PER_LINE * (first - 1)


#: The share of the lines before a segment that segments start on, from which its text is read as
#: one of one segment per line.
_ONE_PER_LINE = 0.8


def trailing_paragraph(case: StyleCase) -> str | None:
    """A paragraph that trails off with ``...`` or a dash: its writer stops so on purpose; or a
    short line (a message, a title, a line of a transcript) in a text of one segment per line
    that stops without a mark, as its writer left it.  A long paragraph cut off is no style."""
    end = case.segment.text.rstrip()
    if _TRAILING.search(end[-3:]) or end[-1:] in "-–—":
        return "the paragraph trails off with '...' or a dash"
    if (len(case.segment.text.split()) <= _SHORT_LINE and end[-1:].isalnum()
            and _one_per_line(case)):
        return "a short line left unfinished in a text of one segment per line (a message, a title)"
    return None


#: Words of a line short enough to be a message, a title or a line of a transcript.
_SHORT_LINE = 16


#: The style test of each rule that has one.
STYLES: dict[str, StyleTest] = {
    "TQ101": spoken_repetition,
    "TQ103": spoken_phrase,
    "TQ104": repeated_elsewhere,
    "TQ105": emphatic_triple,
    "TQ202": label_line,
    "TQ203": lowercase_style,
    "TQ205": trailing_paragraph,
    "TQ302": emoticon_bracket,
    "TQ307": spaced_mark,
    "TQ310": trailing_off,
}


def style_reason(case: StyleCase) -> str | None:
    test = STYLES.get(case.code)
    return test(case) if test is not None else None


def style_case(code: str, segment: Segment, start: int, end: int, message: str,
               source_lang: str | None, related: tuple[Location, ...],
               chunk: Sequence[Segment]) -> StyleCase:
    """The case of a hit in ``segment``, one of the segments of ``chunk`` (the engine's current
    chunk): a piece of a long segment cut for checking (:mod:`tqcheck.pieces`) stands for the
    whole segment, so that a finding is judged alike whether its segment was cut or not."""
    piece = segment.meta.get(PIECE)
    if piece is not None:
        whole, offset = piece[0], piece[1]
        return StyleCase(code, whole, start + offset, end + offset, message, source_lang, related,
                         functools.partial(around, chunk, whole))
    return StyleCase(code, segment, start, end, message, source_lang, related,
                     functools.partial(around, chunk, segment))


def around(chunk: Sequence[Segment], segment: Segment, reach: int = 4) -> list[Segment]:
    """Up to ``reach`` segments before and after ``segment`` in ``chunk`` (pieces of one long
    segment counted as that segment)."""
    wholes: list[Segment] = []
    for s in chunk:
        piece = s.meta.get(PIECE)
        whole = piece[0] if piece is not None else s
        if not wholes or wholes[-1] is not whole:
            wholes.append(whole)
    for i, s in enumerate(wholes):
        if s is segment:
            return [*wholes[max(0, i - reach) : i], *wholes[i + 1 : i + 1 + reach]]
    return []
