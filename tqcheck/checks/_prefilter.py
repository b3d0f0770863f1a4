"""Necessary strings of a regular expression: a cheap test before running it.

:func:`factors` reads a compiled pattern's syntax tree and returns sets of strings such that every
match contains one string of each set, in the text as :func:`prepare` writes it: folded as a
case-insensitive match compares characters (:func:`fold`), each run of white space one space.  A
text that lacks all strings of one set cannot match, and a few ``str`` containment tests (C
speed, no regex engine) skip it.  ``according\\s+to\\s+the`` gives ``{"according to the"}``;
``(?<!\\w)\\d+,\\d{1,2}\\s?(?:%|million)`` gives ``{","}`` and ``{"%", " %", "million",
" million"}``; ``[A-Z][a-z]+-(?:san|sama)`` gives ``{"-san", "-sama"}``.

The sets are a superset test, never a decision: ``tests/test_prefilter.py`` checks that a text
failing them has no match, over every calque pattern's example and counterexample.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Protocol

#: Alternatives a run of literals may expand to before it is cut (``(a|b)(c|d)`` is four).
_MAX_ALTERNATIVES = 32

#: Characters that a case-insensitive regex takes as equal although ``str.lower`` keeps them apart
#: (``ſ`` and ``s``, ``ς`` and ``σ``, Cyrillic old forms): each maps to one of its class.
_EXTRA: dict[int, str] = {}
try:
    from re import _casefix  # type: ignore[attr-defined]

    for _key, _others in _casefix._EXTRA_CASES.items():
        _class = sorted({_key, *_others})
        for _member in _class[1:]:
            _EXTRA[_member] = chr(_class[0])
    _CASEFIX = True
except ImportError:  # pragma: no cover - Python versions without the table
    _CASEFIX = False


class Regex(Protocol):
    """What the analysis reads of a compiled pattern (:class:`re.Pattern` is one): its text and
    flags.  A pattern not compiled yet may be analysed as its text and the flags it will be
    compiled with (:class:`Source`): a pattern whose search its analysis skips is never
    compiled."""

    @property
    def pattern(self) -> str: ...

    @property
    def flags(self) -> int: ...


class Source:
    """A regular expression's text and flags, not compiled (a :class:`Regex`)."""

    __slots__ = ("flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        # As re.compile gives them: with the pattern's own global flags ("(?i)…"), and Unicode
        # for a str pattern unless told otherwise (the parser adds both).
        self.flags = _parse(pattern, flags).state.flags


@lru_cache(maxsize=64)
def _parse(source: str, flags: int) -> Any:
    """The syntax tree of a regular expression (read by :func:`factors`, :func:`token_sets`
    and :func:`exact_factors`: parsed once for those asked one after the other; a few trees
    only are kept, they are many small objects for the garbage collector to walk)."""
    return _parser.parse(source, flags)


def fold(text: str) -> str:
    """``text`` as a case-insensitive regex compares it: lower case, and the characters a regex
    takes as one (dotless and dotted i, long s, final sigma …) made one.  Strings of
    :func:`factors` are folded the same way."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text:  # İ: the regex lowers it to "i", str.lower to "i" and a combining dot
        text = text.replace("\u0130", "i")
    return text.lower().translate(_EXTRA)


def prepare(text: str, folded: str | None = None) -> str:
    """``text`` as :func:`may_match` reads it: folded (:func:`fold`; ``folded`` when done
    already), each run of white space one space, with a space at each end (a match's white space,
    ``\\s+``, is one space in the necessary strings)."""
    return f" {' '.join((fold(text) if folded is None else folded).split())} "


def usable(text: str) -> bool:
    """Whether :func:`fold` agrees with the regex engine on ``text`` (always, on ASCII text)."""
    return _CASEFIX or text.isascii()


_SPACE = frozenset({" "})
_SPACE_OR_NOTHING = frozenset({"", " "})
_SPACES = re.compile(r"\s+")


def _whitespace(av: Any) -> bool:
    """Is the class ``av`` whitespace only (``\\s``, a space, a tab)?"""
    return bool(av) and all(
        (o is sre.CATEGORY and c is sre.CATEGORY_SPACE) or (o is sre.LITERAL and chr(c).isspace())
        for o, c in av)


def _join(a: str, b: str) -> str:
    """Two pieces of a match, written as :func:`prepare` writes text: one space for a run."""
    return a + b[1:] if a.endswith(" ") and b.startswith(" ") else a + b


def _expand(items: Sequence[tuple[Any, Any]]) -> set[str] | None:
    """The strings a sequence of items matches when it is a finite choice of literals (a
    literal, a class of literals, a group or alternation of such, white space as one space),
    else None."""
    out = {""}
    for op, av in items:
        options: set[str] | frozenset[str] | None
        if op is sre.LITERAL:
            options = _SPACE if chr(av).isspace() else {chr(av)}
        elif op is sre.IN:
            if _whitespace(av):
                options = _SPACE
            elif not av or any(o is not sre.LITERAL for o, _ in av):
                return None
            else:
                options = {" " if chr(c).isspace() else chr(c) for _, c in av}
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            body = av[2]
            if not (len(body) == 1 and (
                    (body[0][0] is sre.IN and _whitespace(body[0][1]))
                    or (body[0][0] is sre.LITERAL and chr(body[0][1]).isspace()))):
                return None
            options = _SPACE if av[0] >= 1 else _SPACE_OR_NOTHING  # a run of white space
        elif op is sre.SUBPATTERN:
            options = _expand(av[-1])
        elif op is sre.BRANCH:
            options = set()
            for branch in av[1]:
                more = _expand(branch)
                if more is None:
                    return None
                options |= more
        else:
            return None
        if options is None or len(out) * len(options) > _MAX_ALTERNATIVES:
            return None
        out = {_join(a, b) for a in out for b in options}
    return out


#: Single characters in nearly every text: a set of them selects nothing.
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ,.'-\"\n")

#: How common a string is in text, higher is rarer (see :func:`factors`).
Rarity = Callable[[str], float]


def _rarity(s: str) -> float:
    """A string's rarity without word frequencies: longer is rarer, a letter or a comma is
    commonest."""
    return len(s) if len(s) > 1 or s not in _COMMON else 0.5


def _score(strings: AbstractSet[str], rarity: Rarity = _rarity) -> tuple[float, int]:
    """How selective a set is: its commonest string's rarity, then fewer strings."""
    return min(map(rarity, strings)), -len(strings)


def _tie_score(strings: AbstractSet[str]) -> tuple[tuple[float, int], list[str]]:
    """:func:`_score`, ties broken by the strings themselves: the choice between two equally
    selective sets does not hang on the order of a set (the hash seed), so every process, and
    the shipped analysis (``calque_store``), chooses alike."""
    return _score(strings), sorted(strings)


def unspaced(strings: AbstractSet[str]) -> frozenset[str]:
    """Strings without white space that a text holds one of whenever it holds one of
    ``strings`` (each string's longest piece between spaces): found in the folded text as in the
    prepared one, without collapsing its white space."""
    return _minimal(frozenset(max(s.split(), key=len) for s in strings if s.strip()))


def any_of(strings: AbstractSet[str], flags: int = 0) -> re.Pattern[str]:
    """One regex that finds any of ``strings`` (to test many sets with one search)."""
    return re.compile("|".join(re.escape(s) for s in sorted(strings, key=len, reverse=True)),
                      flags)


def _minimal(strings: frozenset[str]) -> frozenset[str]:
    """``strings`` without those that hold another of them (``" %"`` beside ``"%"``): a text
    holds one of the set exactly when it holds one of these."""
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _icase_group(op: Any, av: Any) -> bool:
    """Whether an item holds a group that matches case-insensitively (``(?i:…)``): its literals
    are not its text exactly as written (:func:`_expand` reads them as written)."""
    if op is sre.SUBPATTERN:
        return bool(av[1] & sre.SRE_FLAG_IGNORECASE) or any(_icase_group(o, a) for o, a in av[-1])
    if op is sre.BRANCH:
        return any(_icase_group(o, a) for branch in av[1] for o, a in branch)
    return False


def _sequence(items: Sequence[tuple[Any, Any]], exact: bool = False,
              icase: bool = False) -> list[frozenset[str]]:
    """Sets of strings each of which a match of the sequence contains one of: case-folded and
    minimal, or (``exact``) exactly as written, from the parts that match case-sensitively
    (``icase`` False: the pattern's flags, then each group's own)."""
    out: list[frozenset[str]] = []
    run: set[str] | None = None

    def close() -> None:
        nonlocal run
        # A set holding an empty string or white space alone is in every text: no test.
        if run and all(s.strip() for s in run):
            out.append(frozenset(run) if exact else _minimal(frozenset(fold(s) for s in run)))
        run = None

    for op, av in items:
        options = None if icase or (exact and _icase_group(op, av)) else _expand([(op, av)])
        if options is not None:
            if run is not None and len(run) * len(options) <= _MAX_ALTERNATIVES:
                run = {_join(a, b) for a in run for b in options}
            else:
                close()
                run = options
            continue
        close()
        if op is sre.SUBPATTERN:
            _group, add, remove, body = av
            inner = exact and (icase or bool(add & sre.SRE_FLAG_IGNORECASE)) and not (
                remove & sre.SRE_FLAG_IGNORECASE)
            out.extend(_sequence(body, exact, inner))
        elif op is sre.ATOMIC_GROUP:
            out.extend(_sequence(av, exact, icase))
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_sequence(av[2], exact, icase))
        elif op is sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sets = _sequence(branch, exact, icase)
                if not sets:
                    union = set()
                    break
                union |= max(sets, key=_tie_score)
            if union:
                out.append(frozenset(union) if exact else _minimal(frozenset(union)))
    close()
    return out


def factors(pattern: str | Regex, rarity: Rarity = _rarity, keep: int = 4
            ) -> tuple[frozenset[str], ...]:
    """Up to ``keep`` of the most selective sets of necessary strings of ``pattern``, most
    selective first, so that a text without them fails at the first test (empty: nothing to
    test, run the regex).  ``rarity`` rates a string (higher is rarer: word frequencies of the
    language where known)."""
    source = pattern if isinstance(pattern, str) else pattern.pattern
    flags = 0 if isinstance(pattern, str) else pattern.flags
    try:
        tree = _parse(source, flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return ()
    sets = sorted(set(_sequence(list(tree))), key=lambda ss: (_score(ss, rarity), sorted(ss)),
                  reverse=True)
    return tuple(sets[:keep])


def may_match(sets: tuple[frozenset[str], ...], prepared: str) -> bool:
    """Whether ``prepared`` (a text through :func:`prepare`) holds one string of every set."""
    for strings in sets:
        for s in strings:
            if s in prepared:
                break
        else:
            return False
    return True


# --- Whole tokens every match holds ------------------------------------------------------------

#: Options one item may expand to for :func:`token_sets`: large enough for a generated word list
#: written as one alternation (hundreds of nouns) ...
_MAX_TOKEN_OPTIONS = 20_000
#: ... and a run of items (a longer run is cut in two: the analysis stays cheap).
_MAX_RUN_OPTIONS = 256
#: A zero-width item with a token boundary at its place (``^``, ``$``, a look-behind ending in white
#: space): no token runs across it.
_BOUNDARY = "\x00"
_BOUNDARY_AT = frozenset({sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END,
                          sre.AT_END_STRING})
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
#: ``\b`` (ASCII or Unicode): a token boundary in word mode (:func:`word_sets`).
_WORD_BOUNDARY_AT = frozenset({sre.AT_BOUNDARY, sre.AT_UNI_BOUNDARY, sre.AT_LOC_BOUNDARY})


class _Tokens:
    """The analysis of :func:`token_sets` for one set of token separators."""

    def __init__(self, separators: AbstractSet[str], frequency: Callable[[str], float],
                 words: bool = False) -> None:
        self.separators = separators
        self.frequency = frequency
        #: Word mode (:func:`word_sets`): every character but a letter or digit separates, and
        #: ``\b`` or a look-around that refuses ``\w`` is a token boundary.
        self.words = words
        self.memo: dict[tuple[Any, int], set[str] | None] = {}
        seps = "".join(sorted({*separators, _BOUNDARY}))
        self.split = re.compile(r"[\W_]+" if words else rf"[\s{re.escape(seps)}]+").split

    def sep(self, ch: str) -> bool:
        if self.words:
            return not ch.isalnum()
        return ch.isspace() or ch in self.separators

    def not_word(self, op: Any, av: Any) -> bool:
        """Word mode: whether an item of a look-around body is a class that holds every word
        character (``\\w``, ``[\\w-]``): a look-ahead (look-behind) that refuses it puts a
        token boundary at its place when a letter or digit is on the other side."""
        return self.words and op is sre.IN and any(
            o is sre.CATEGORY and c in (sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD) for o, c in av)

    def edge(self, items: Sequence[tuple[Any, Any]], first: bool) -> bool | None:
        """Whether every match of ``items`` starts (``first``) or ends with a separator or a
        token boundary: True; None when it may match nothing and otherwise does; else False."""
        for op, av in (items if first else reversed(items)):
            one = self.item_edge(op, av, first)
            if one is not None:
                return one
        return None

    def sides(self, items: Sequence[tuple[Any, Any]], i: int, j: int, left: bool, right: bool
              ) -> tuple[bool, bool]:
        """Whether ``items[i:j]`` has a separator or a token boundary before it and after it:
        what ``items`` hold on each side, or, where those may match nothing, ``left`` (what
        comes before ``items``) or ``right`` (after them)."""
        before = self.edge(items[:i], first=False)
        after = self.edge(items[j:], first=True)
        return (left if before is None else before, right if after is None else after)

    def item_edge(self, op: Any, av: Any, first: bool) -> bool | None:
        if op is sre.LITERAL:
            return self.sep(chr(av))
        if op is sre.IN:
            return bool(av) and all(
                (o is sre.LITERAL and self.sep(chr(c)))
                or (o is sre.CATEGORY and (c is sre.CATEGORY_SPACE or (
                    self.words and c in (sre.CATEGORY_NOT_WORD, sre.CATEGORY_UNI_NOT_WORD))))
                for o, c in av)
        if op in _REPEATS:
            inner = self.edge(av[2], first)
            if av[0] >= 1 or inner is False:
                return inner
            return None
        if op is sre.SUBPATTERN:
            return self.edge(av[-1], first)
        if op is sre.BRANCH:
            each = [self.edge(b, first) for b in av[1]]
            if any(e is False for e in each):
                return False
            return True if all(e is True for e in each) else None
        if op is sre.AT:
            if av in _BOUNDARY_AT or (self.words and av in _WORD_BOUNDARY_AT):
                return True
            return None if av in (sre.AT_BOUNDARY, sre.AT_NON_BOUNDARY) else False
        if op is sre.ASSERT:
            # A look-ahead at the start (look-behind at the end) that needs a separator next to
            # this place puts a boundary here; any other assertion says nothing.
            direction, body = av
            if (direction == 1) == first and self.edge(body, first) is True:
                return True
            return None
        if op is sre.ASSERT_NOT:
            direction, body = av
            if (direction == 1) == first and len(body) == 1 and self.not_word(*body[0]):
                return True
            return None
        return False

    def zero(self, op: Any, av: Any) -> str | None:
        """The text of a zero-width item: a boundary, or nothing; None for other items."""
        if op is sre.AT:
            return _BOUNDARY if av in _BOUNDARY_AT or (
                self.words and av in _WORD_BOUNDARY_AT) else ""
        if op is sre.ASSERT:
            direction, body = av
            return _BOUNDARY if self.edge(body, direction == 1) is True else ""
        if op is sre.ASSERT_NOT:
            direction, body = av
            return _BOUNDARY if len(body) == 1 and self.not_word(*body[0]) else ""
        return None

    def options(self, op: Any, av: Any) -> set[str] | None:
        """The strings one item matches when they are a finite choice (white space as a space,
        a token boundary as :data:`_BOUNDARY`), else None (memoised per item: the analysis asks
        again for the items of a piece)."""
        key = (op, id(av))
        if key in self.memo:
            return self.memo[key]
        out = self.memo[key] = self._options(op, av)
        return out

    def _options(self, op: Any, av: Any) -> set[str] | None:
        if (z := self.zero(op, av)) is not None:
            return {z}
        if op is sre.LITERAL:
            return {" " if chr(av).isspace() else chr(av)}
        if op is sre.IN:
            if _whitespace(av):
                return {" "}
            if not av or any(o is not sre.LITERAL for o, _ in av):
                return None
            return {" " if chr(c).isspace() else chr(c) for _, c in av}
        if op in _REPEATS:
            lo, hi, body = av
            if len(body) == 1 and ((body[0][0] is sre.IN and _whitespace(body[0][1]))
                                   or (body[0][0] is sre.LITERAL and chr(body[0][1]).isspace())):
                return {" "} if lo >= 1 else {"", " "}
            if hi == 1:
                inner = self.sequence_options(body)
                return None if inner is None else inner | ({""} if lo == 0 else set())
            return None
        if op is sre.SUBPATTERN:
            return self.sequence_options(av[-1])
        if op is sre.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                more = self.sequence_options(branch)
                if more is None or len(out) + len(more) > _MAX_TOKEN_OPTIONS:
                    return None
                out |= more
            return out
        return None

    def sequence_options(self, items: Sequence[tuple[Any, Any]]) -> set[str] | None:
        out = {""}
        for op, av in items:
            more = self.options(op, av)
            if more is None or len(out) * len(more) > _MAX_TOKEN_OPTIONS:
                return None
            out = {a + b for a in out for b in more}
        return out

    def run_tokens(self, run: set[str], left: bool, right: bool) -> list[frozenset[str]]:
        """Sets of tokens every string of ``run`` holds one of, whole: bounded by separators
        inside it, or by its ``left`` and ``right`` context."""
        per_option: list[frozenset[str]] = []
        for s in run:
            parts = self.split((_BOUNDARY if left else "x") + s + (_BOUNDARY if right else "x"))
            # The first and last parts run on past the string (no separator there): not whole.
            # (Not a word with dotless ı or dotted İ: the regex engine takes them as i and I,
            # case folding does not, and "FINCANIM" is a match of "fincanım".)
            words = frozenset(w for w in map(str.casefold, parts[1:-1])
                              if w and "\u0131" not in w and "\u0307" not in w)
            if not words:
                return []
            per_option.append(words)
        if not per_option:
            return []
        common = frozenset.intersection(*per_option)
        out = [frozenset({w}) for w in common]
        # Besides the words every option holds, the rarest other word of each ("call the",
        # "dial the": "the", and one of "call", "dial"), when every option has one.
        rest = [words - common for words in per_option]
        if all(rest):
            out.append(frozenset(min(words, key=lambda w: (self.frequency(w), w))
                                 for words in rest))
        return out

    def splits(self, op: Any, av: Any) -> bool:
        """Whether an item ends every token: it matches separators only (one at least), or it
        is a token boundary (``^``, a look-behind ending in white space)."""
        if (z := self.zero(op, av)) is not None:
            return z == _BOUNDARY
        if op in _REPEATS and av[0] < 1:
            return False
        return self.item_edge(op, av, True) is True and self.item_edge(op, av, False) is True \
            and self.options(op, av) is not None \
            and all(c and all(map(self.sep, c)) for c in self.options(op, av) or ())

    def sequence(self, items: Sequence[tuple[Any, Any]], left: bool, right: bool
                 ) -> list[frozenset[str]]:
        """Sets of tokens every match of ``items`` holds one of; ``left``/``right``: whether
        what comes before/after the sequence ends/starts with a separator or a boundary.  The
        sequence is cut at its separators (``\\s+``, ``,``): each piece between two is a token
        or a few, with one set of tokens of its own."""

        out: list[frozenset[str]] = []
        start = 0
        for i, (op, av) in enumerate([*items, (None, None)]):
            if op is not None and not self.splits(op, av):
                continue
            if start < i:
                out.extend(self.piece(items[start:i], *self.sides(items, start, i, left, right)))
            start = i + 1
        for i, (op, av) in enumerate(items):
            if op is sre.ASSERT:  # what a look-around sees is in the text too
                direction, body = av
                before, after = self.sides(items, i, i + 1, left, right)
                out.extend(self.sequence(body, before, False) if direction == 1
                           else self.sequence(body, False, after))
        return out

    def piece(self, items: Sequence[tuple[Any, Any]], left: bool, right: bool
              ) -> list[frozenset[str]]:
        """The sets of tokens of a piece of a sequence between separators."""
        if len(items) == 1 and items[0][0] in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            # A group: its own separators cut it (its options would mix its pieces).
            op, av = items[0]
            return self.sequence(av[-1] if op is sre.SUBPATTERN else av, left, right)
        opts = self.sequence_options(items)
        if opts is not None:
            return self.run_tokens(opts, left, right)
        if len(items) == 1:
            op, av = items[0]
            if op in _REPEATS and av[0] >= 1:
                body = av[2]
                # The first round: after what comes before; before another round or the rest.
                then = right if av[1] == 1 else (right and self.edge(body, first=True) is True)
                return self.sequence(body, left, then)
            if op is sre.BRANCH:
                union: set[str] = set()
                for branch in av[1]:
                    sets = self.sequence(branch, left, right)
                    if not sets:
                        return []
                    union |= min(sets, key=lambda ws: (sum(map(self.frequency, ws)), sorted(ws)))
                return [frozenset(union)]
            return []
        return self.runs(items, left, right)

    def runs(self, items: Sequence[tuple[Any, Any]], left: bool, right: bool
             ) -> list[frozenset[str]]:
        """The sets of tokens of a piece with items of no finite choice: runs of those that
        are, and the groups of the others."""
        out: list[frozenset[str]] = []
        run: set[str] | None = None
        start = 0

        for i, (op, av) in enumerate(items):
            opts = self.options(op, av)
            if opts is not None and run is not None and (
                    len(run) * len(opts) <= _MAX_RUN_OPTIONS or len(run) == 1 or len(opts) == 1):
                run = {a + b for a in run for b in opts}
                continue
            if run is not None:
                out.extend(self.run_tokens(run, *self.sides(items, start, i, left, right)))
                run = None
            if opts is not None:
                run, start = opts, i
            else:
                out.extend(self.piece([(op, av)], *self.sides(items, i, i + 1, left, right)))
        if run is not None:
            out.extend(self.run_tokens(run, *self.sides(items, start, len(items), left, right)))
        return out


def token_sets(pattern: str | Regex, separators: AbstractSet[str],
               frequency: Callable[[str], float] = lambda w: 0.0) -> tuple[frozenset[str], ...]:
    """Sets of whole tokens every match of ``pattern`` holds one of: words the pattern spells
    out with a separator (white space or one of ``separators``) or a token boundary on each side,
    case-folded.  A text split at those separators and case-folded holds a token of each set
    whenever the pattern matches it (for case-insensitive patterns, unless it holds ``ı`` or
    ``İ``: the regex engine takes them as ``i``, case folding does not).  ``frequency`` rates a
    word (higher: commoner); a set is the commonest first, rarest sets come first."""
    source = pattern if isinstance(pattern, str) else pattern.pattern
    flags = 0 if isinstance(pattern, str) else pattern.flags
    try:
        tree = _parse(source, flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return ()
    analysis = _Tokens(separators, frequency)
    sets = {s for s in analysis.sequence(list(tree), False, False) if s}
    # A set that holds all of another is implied by it.
    kept = [s for s in sets if not any(t < s for t in sets)]
    return tuple(sorted(kept, key=lambda ws: (sum(map(frequency, ws)), sorted(ws))))


def word_sets(pattern: Regex, frequency: Callable[[str], float] = lambda w: 0.0
              ) -> tuple[frozenset[str], ...] | None:
    """:func:`token_sets` in word mode: sets of words every match of ``pattern`` holds one of as
    a whole run of letters and digits (:func:`folded_word_set`), where every character but a
    letter or digit separates and ``\\b``, ``(?<!\\w)`` and ``(?!\\w)`` are boundaries too:
    ``\\bcalled the`` holds the word ``called``, which is no whole token of ``re-called the``.
    None for a pattern whose ``\\w`` is not Unicode's (``re.ASCII``, ``re.LOCALE``)."""
    if pattern.flags & (re.ASCII | re.LOCALE) or "(?a" in pattern.pattern \
            or "(?L" in pattern.pattern:
        return None
    try:
        tree = _parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return None
    analysis = _Tokens(frozenset(), frequency, words=True)
    sets = {s for s in analysis.sequence(list(tree), False, False) if s}
    kept = [s for s in sets if not any(t < s for t in sets)]
    return tuple(sorted(kept, key=lambda ws: (sum(map(frequency, ws)), sorted(ws))))


# --- Case-sensitive strings ---------------------------------------------------------------------

def _capital_piece(s: str) -> str:
    """The piece of ``s`` between spaces to look for: one with a capital letter, else the
    longest."""
    pieces = s.split()
    return next((p for p in pieces if any(c.isupper() for c in p)), max(pieces, key=len))


def exact_factors(pattern: Regex, keep: int = 2) -> tuple[frozenset[str], ...]:
    """Up to ``keep`` sets of strings without white space, each string with a capital letter,
    every match of ``pattern`` holds one of each of exactly as written, in the text itself:
    the case-sensitive parts of a pattern (a sentence that opens with ``Said that``), which
    :func:`factors` folds into common words.  Fewest strings first."""
    source = pattern.pattern
    if not any(c.isupper() for c in source) or (
            pattern.flags & re.IGNORECASE and "-i" not in source):
        return ()  # no capital letter, or none matched with its case
    try:
        tree = _parse(source, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return ()
    sets = []
    for strings in _sequence(list(tree), exact=True,
                                 icase=bool(pattern.flags & re.IGNORECASE)):
        pieces = frozenset(_capital_piece(s) for s in strings)
        if all(any(c.isupper() for c in p) for p in pieces):
            sets.append(_minimal(pieces))
    return tuple(sorted(set(sets), key=lambda ss: (len(ss), sorted(ss)))[:keep])


def exact_strings(pattern: Regex) -> frozenset[str]:
    """Strings without white space, one of which every match of ``pattern`` holds exactly as
    written, in the text itself (not folded): the most selective set of its case-sensitive
    parts (empty: none).  A pattern without keywords tests them on the raw text, where the
    folded strings of :func:`factors` (``di`` of ``DI``) would be in most texts."""
    try:
        tree = _parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return frozenset()
    sets = [unspaced(strings) for strings in _sequence(
        list(tree), exact=True, icase=bool(pattern.flags & re.IGNORECASE))]
    return max((s for s in sets if s), key=_tie_score, default=frozenset())
