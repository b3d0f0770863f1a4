"""Gates: cheap tests that let the engine skip a check on text it cannot flag.

The engine joins a chunk of segments with newlines and asks each gate where in the chunk it opens;
a check then runs only on the segments an opening touches.  A gate must open wherever its check
could flag something (a superset), never the other way round: ``tests/test_checks.py`` runs every
gated check without its gate to prove it.

A gate opens at

* a match of ``regex`` or of one of ``more`` (searched only in chunks with non-ASCII text when
  ``non_ascii`` says they match nothing but non-ASCII characters: one ``str.isascii`` call skips
  most chunks).  A regex is searched once per chunk however many gates use it, and one that
  starts with a character class is searched fastest: split an alternation into several;
* one of ``words`` (ASCII) standing as a whole token of the lower-cased text (tokens are the runs
  of letters and digits between everything else), found with one set lookup per token of the chunk
  instead of a regex alternation tried at every character;
* one of ``strings`` in the lower-cased text (``str.find``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

#: Everything in ASCII that is not a letter or a digit, for ``bytes.translate`` to blank out.
_ASCII_NON_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_BLANK = bytes.maketrans(_ASCII_NON_ALNUM, b" " * len(_ASCII_NON_ALNUM))


class ChunkText:
    """The text of a chunk and the views of it gates share, each made once, on first use."""

    __slots__ = ("_lowered", "_matches", "_non_ascii", "_tokens", "is_ascii", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.is_ascii = text.isascii()
        self._lowered: str | None = None
        self._tokens: frozenset[bytes] | None = None
        self._non_ascii: str | None = None
        self._matches: dict[re.Pattern[str], list[tuple[int, int]]] = {}

    def spans_of(self, regex: re.Pattern[str]) -> list[tuple[int, int]]:
        """``(start, end)`` of every match of ``regex`` (searched once per chunk)."""
        found = self._matches.get(regex)
        if found is None:
            found = self._matches[regex] = _search(regex, self.text, self.is_ascii,
                                                   self.ascii_digits)
        return found

    def runs_of_class(self, regex: re.Pattern[str]) -> list[tuple[int, int]]:
        """:meth:`spans_of` a regex of the runs of one class of non-ASCII characters (a
        :func:`non_ascii_gate` of one character): a run lies within a line, and where few lines
        are not ASCII (text in a Latin script), only those are searched."""
        found = self._matches.get(regex)
        if found is not None:
            return found
        found = self._matches[regex] = []
        if self.is_ascii:
            return found
        lines = self.text.split("\n")
        if 4 * sum(map(str.isascii, lines)) < 3 * len(lines):  # a quarter of the lines or more
            found.extend([m.span() for m in regex.finditer(self.text)])
            return found
        start = 0
        for line in lines:
            if not line.isascii():
                found.extend([(start + m.start(), start + m.end()) for m in regex.finditer(line)])
            start += len(line) + 1
        return found

    def ascii_digits(self) -> bool:
        """Are the text's digits (``\\d``) all ASCII?  Read from :attr:`non_ascii`."""
        return self.is_ascii or _DIGIT.search(self.non_ascii) is None

    @property
    def non_ascii(self) -> str:
        """The runs of non-ASCII characters of the text, one a line: small, and holding every
        non-ASCII character of the text (gates on one class of them search it first)."""
        if self._non_ascii is None:
            text = self.text
            self._non_ascii = "\n".join(text[a:b] for a, b in self.runs_of_class(_NON_ASCII_RUNS))
        return self._non_ascii

    @property
    def lowered(self) -> str:
        """``text.lower()``, or ``""`` when lower-casing changed the length (a dotted capital I
        becomes two characters), so that offsets into it would not be offsets into ``text``."""
        if self._lowered is None:
            low = self.text.lower()
            self._lowered = low if len(low) == len(self.text) else ""
        return self._lowered

    @property
    def tokens(self) -> frozenset[bytes]:
        """The runs of ASCII letters and digits of the lower-cased text (a non-ASCII character
        splits a word: ASCII gate words still stand as whole tokens wherever they did), as a
        set of bytes (split and hashed without decoding them): each gate's test of its words
        then costs its words, not the chunk's tokens."""
        if self._tokens is None:
            low = self.lowered or self.text.lower()  # ``lowered`` may be "": no offsets needed
            data = low.encode() if self.is_ascii else low.encode("ascii", "replace")
            self._tokens = frozenset(data.translate(_ASCII_BLANK).split())
        return self._tokens


class _Plan:
    """How :func:`_search` finds the matches of one regex, the same as ``finditer`` finds them:
    ``literals``, the strings of a regex that is one or an alternation of them (``str.find``,
    far faster than the regex engine's scan); ``at_start``, a regex anchored at the text's start
    (one ``match``); ``first``, characters one of which every match starts with (a text without
    them is not searched); ``prefixes``, rare strings one of which every match starts with, for
    a regex whose scan the regex engine cannot speed up itself (an alternation that mixes a
    class and words: ``[<&@_]|Google|DeepL``): the regex is tried only where one stands;
    ``digits``, a regex every match of which starts with ``\\d``: in text whose digits are all
    ASCII, the regex is tried only where one stands (the engine tests every character for a
    Unicode digit)."""

    __slots__ = ("at_start", "digits", "first", "literals", "prefixes")

    def __init__(self, regex: re.Pattern[str]) -> None:
        from re import _constants as sre  # type: ignore[attr-defined]
        from re import _parser  # type: ignore[attr-defined]

        self.literals: tuple[str, ...] = ()
        self.at_start = False
        self.first: tuple[str, ...] | None = None
        self.prefixes: tuple[str, ...] = ()
        self.digits = False
        if regex.flags & (re.IGNORECASE | re.VERBOSE):
            return
        try:
            items = list(_parser.parse(regex.pattern))
        except re.error:
            return
        branches = (items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH
                    else [items])
        if all(b and all(op is sre.LITERAL for op, _ in b) for b in branches):
            self.literals = tuple("".join(chr(v) for _, v in b) for b in branches)
        elif items and items[0] == (sre.AT, sre.AT_BEGINNING_STRING):
            self.at_start = True
        else:
            first = _first_chars(items, sre)
            self.first = tuple(sorted(first)) if first is not None else None
            prefixes = _prefixes(items, sre) if _mixed_branches(items, sre) else None
            if prefixes and len(prefixes) <= _MOST_PREFIXES and all(map(_rare, prefixes)):
                self.prefixes = tuple(sorted(prefixes))
            self.digits = _digit_start(items, sre)


def _unwrapped(items: list[Any], sre: Any) -> list[Any]:
    """The parsed regex ``items`` with the plain groups that open it opened: its first item is
    what every match starts with."""
    while items and items[0][0] is sre.SUBPATTERN and not any(items[0][1][1:3]):
        items = list(items[0][1][3])
    return items


def _digit_start(items: list[Any], sre: Any) -> bool:
    """Does every match of the parsed regex ``items`` start with ``\\d``?"""
    items = _unwrapped(items, sre)
    return bool(items) and items[0] == (sre.IN, [(sre.CATEGORY, sre.CATEGORY_DIGIT)])


def _mixed_branches(items: list[Any], sre: Any) -> bool:
    """Is the parsed regex ``items`` an alternation with a branch that does not start with a
    literal?  The regex engine scans for the first characters of a class, a literal or an
    alternation of branches that all start with literals, not for those of such a mix."""
    items = _unwrapped(items, sre)
    if not items or items[0][0] is not sre.BRANCH:
        return False
    return any(not branch or branch[0][0] is not sre.LITERAL for branch in items[0][1][1])


#: The most prefixes :func:`_spans_at` looks for (one ``str.count`` and ``find`` each).
_MOST_PREFIXES = 12


_ASCII_DIGITS = tuple("0123456789")
_DIGIT = re.compile(r"\d")

#: Characters too common in text for a prefix of one character to narrow a search.
_COMMON = frozenset(" \t\n.,;:!?'\"()-")


def _rare(prefix: str) -> bool:
    """Is ``prefix`` rare enough in text that trying a regex where it stands beats a scan?"""
    return len(prefix) > 1 or not (prefix.isalnum() or prefix in _COMMON)


def _prefixes(items: list[Any], sre: Any) -> set[str] | None:
    """Non-empty strings one of which every match of the parsed regex ``items`` starts with
    (its leading literals, the members of a leading class of literals, each branch's), or None
    when that is not plain."""
    if not items:
        return None
    op, av = items[0]
    if op is sre.LITERAL:
        run = itertools.takewhile(lambda item: item[0] is sre.LITERAL, items)
        return {"".join(chr(v) for _, v in run)}
    if op is sre.IN:
        if all(o is sre.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}
        return None
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            strings = _prefixes(list(branch), sre)
            if strings is None:
                return None
            found |= strings
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _prefixes(list(av[2]), sre)
    if op is sre.SUBPATTERN and not av[1] and not av[2]:
        return _prefixes(list(av[3]), sre)
    return None


def _first_chars(items: list[Any], sre: Any) -> set[str] | None:
    """Characters one of which the first character of every match of the parsed regex ``items``
    is (the first characters of its :func:`_prefixes`), or None when that is not plain (a class
    with categories or ranges, a flag, an optional start)."""
    prefixes = _prefixes(items, sre)
    return None if prefixes is None else {p[0] for p in prefixes}


_PLANS: dict[re.Pattern[str], _Plan] = {}


def _search(regex: re.Pattern[str], text: str, is_ascii: bool,
            ascii_digits: Callable[[], bool] | None = None) -> list[tuple[int, int]]:
    """``[m.span() for m in regex.finditer(text)]``, found faster where :class:`_Plan` can;
    ``ascii_digits`` tells, when asked, whether the text's digits are all ASCII (else
    ``is_ascii`` does)."""
    plan = _PLANS.get(regex)
    if plan is None:
        plan = _PLANS[regex] = _Plan(regex)
    if plan.literals:
        return _literal_spans(text, plan.literals)
    if plan.at_start:
        m = regex.match(text)
        return [m.span()] if m else []
    if plan.prefixes:
        return _spans_at(regex, text, plan.prefixes, is_ascii)
    if plan.digits and (is_ascii or (ascii_digits is not None and ascii_digits())):
        return _spans_at(regex, text, _ASCII_DIGITS, True)
    first = plan.first
    if first is not None and not any(
            c in text for c in first if not is_ascii or c.isascii()):
        return []
    return [m.span() for m in regex.finditer(text)]


def _spans_at(regex: re.Pattern[str], text: str, prefixes: tuple[str, ...],
              is_ascii: bool) -> list[tuple[int, int]]:
    """``finditer``'s spans of ``regex``, every match of which starts with one of ``prefixes``:
    the regex tried where one stands, in order, on from the end of the last match (matches are
    never empty).  Where they stand too often, the regex engine's own scan."""
    if is_ascii:
        prefixes = tuple(p for p in prefixes if p.isascii())
    counts = [text.count(p) for p in prefixes]
    if sum(counts) > _MOST_TRIES + len(text) // 64:
        return [m.span() for m in regex.finditer(text)]
    starts: set[int] = set()
    for prefix, count in zip(prefixes, counts, strict=True):
        i = text.find(prefix) if count else -1
        while i >= 0:
            starts.add(i)
            i = text.find(prefix, i + 1)
    found: list[tuple[int, int]] = []
    end = 0
    match = regex.match
    for i in sorted(starts):
        if i >= end and (m := match(text, i)) is not None:
            found.append(m.span())
            end = m.end()
    return found


#: Places a regex is tried at, beyond one in 64 characters, before :func:`_spans_at` leaves the
#: text to the regex engine's scan.
_MOST_TRIES = 16


def _literal_spans(text: str, literals: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans ``finditer`` gives for an alternation of ``literals`` (non-empty strings):
    the leftmost occurrence, the first alternative of those there, then on from its end."""
    found: list[tuple[int, int]] = []
    ahead = [text.find(s) for s in literals]  # the next occurrence of each, -1: none left
    while True:
        best = which = -1
        for k, at in enumerate(ahead):
            if at >= 0 and (best < 0 or at < best):
                best, which = at, k
        if best < 0:
            return found
        end = best + len(literals[which])
        found.append((best, end))
        for k, at in enumerate(ahead):
            if 0 <= at < end:
                ahead[k] = text.find(literals[k], end)


@dataclass(frozen=True)
class Gate:
    """Where a check may find something: see the module documentation."""

    regex: re.Pattern[str] | None = None
    #: ``regex`` (and ``more``) match only non-ASCII characters.
    non_ascii: bool = False
    #: Further regexes: the gate opens at a match of any.
    more: tuple[re.Pattern[str], ...] = ()
    #: Lower-case ASCII tokens (letters and digits only) that open the segments holding them.
    words: frozenset[str] = frozenset()
    #: Lower-case strings that open the segments holding them.
    strings: tuple[str, ...] = ()
    #: ``regex`` matches runs of one class of non-ASCII characters (see :func:`non_ascii_gate`):
    #: a chunk whose non-ASCII characters (:attr:`ChunkText.non_ascii`, a few) hold none of
    #: them is not searched whole.
    one_class: bool = False

    #: ``words`` as bytes, as :attr:`ChunkText.tokens` holds them.
    _encoded: frozenset[bytes] = field(init=False, repr=False, compare=False)
    #: The ASCII ones of ``strings``: no other can occur in an ASCII chunk.
    _ascii_strings: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        bad = [w for w in self.words if not (w.isascii() and w.isalnum()) or w != w.lower()]
        if bad:
            raise ValueError(f"gate words must be lower-case ASCII letters and digits: {bad}")
        object.__setattr__(self, "_encoded", frozenset(w.encode() for w in self.words))
        object.__setattr__(self, "_ascii_strings", tuple(s for s in self.strings if s.isascii()))

    def spans(self, chunk: ChunkText) -> Iterator[tuple[int, int]]:
        """``(start, end)`` in ``chunk.text`` of every place the gate opens (in no order)."""
        text = chunk.text
        if self.regex is not None and not (self.non_ascii and chunk.is_ascii) and not (
                self.one_class and not self.more and self.regex.search(chunk.non_ascii) is None):
            yield from (chunk.runs_of_class(self.regex) if self.one_class
                        else chunk.spans_of(self.regex))
            for regex in self.more:
                yield from chunk.spans_of(regex)
        if not (self.words or self.strings):
            return
        low = chunk.lowered
        if not low:  # offsets into the lower-cased text would be wrong: open all of it
            yield 0, len(text)
            return
        strings = self._ascii_strings if chunk.is_ascii else self.strings
        needles: Iterable[str] = strings
        if self.words:
            found = self._encoded.intersection(chunk.tokens)
            if found:
                needles = [*strings, *(w.decode() for w in found)]
        for needle in needles:
            i = low.find(needle)
            while i >= 0:
                yield i, i + len(needle)
                i = low.find(needle, i + 1)

    def search(self, text: str) -> bool:
        """Whether the gate opens anywhere in ``text``."""
        return next(self.spans(ChunkText(text)), None) is not None


def non_ascii_gate(pattern: str) -> Gate:
    """A gate on a regex that matches only non-ASCII characters (a character class of them)."""
    regex = re.compile(pattern)
    if any(regex.search(chr(c)) for c in range(128)):
        raise ValueError(f"gate {pattern!r} matches ASCII text")
    if _one_character(pattern):
        # Runs of such characters open the same segments as the characters one by one (a run
        # never crosses the newline between two segments), with one match per run instead of
        # one per character: in non-Latin text the gate matches nearly every character.
        regex = re.compile(runs_of(pattern))
        return Gate(regex, non_ascii=True, one_class=True)
    return Gate(regex, non_ascii=True)


def class_gate(pattern: str) -> Gate:
    """A gate on a character class that may hold ASCII characters or not (it depends on the
    target's data): a :func:`non_ascii_gate` when it holds none, so that ASCII chunks are not
    searched at all."""
    regex = re.compile(pattern)
    if any(regex.match(chr(c)) for c in range(128)):
        return Gate(regex)
    return non_ascii_gate(pattern)


def runs_of(pattern: str) -> str:
    """A regex of the runs of one-character ``pattern``, written ``PP*`` and not ``P+``: a regex
    that starts with a character class is searched by a fast scan for its members, and ``P+``
    hides the class from that scan (about four times slower on text with no match)."""
    return f"(?:{pattern})(?:{pattern})*"


#: Runs of non-ASCII characters (the regex of ``non_ascii_gate("[^\x00-\x7f]")``: searched once
#: per chunk for both).
_NON_ASCII_RUNS = re.compile(runs_of(r"[^\x00-\x7f]"))


def _one_character(pattern: str) -> bool:
    """Does ``pattern`` match exactly one character (a character class or a literal)?"""
    from re import _parser  # type: ignore[attr-defined]

    try:
        parsed = list(_parser.parse(pattern))
    except re.error:
        return False
    return len(parsed) == 1 and str(parsed[0][0]) in {"IN", "LITERAL", "NOT_LITERAL"}


def as_gate(gate: Gate | re.Pattern[str] | str | None) -> Gate | None:
    """A gate from a regex (or its source); None stays None."""
    if gate is None or isinstance(gate, Gate):
        return gate
    return Gate(re.compile(gate) if isinstance(gate, str) else gate)
