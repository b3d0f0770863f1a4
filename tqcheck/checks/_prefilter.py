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
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

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


def _sequence(items: Sequence[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Sets of strings each of which a match of the sequence contains one of."""
    out: list[frozenset[str]] = []
    run: set[str] | None = None

    def close() -> None:
        nonlocal run
        # A set holding an empty string or white space alone is in every text: no test.
        if run and all(s.strip() for s in run):
            out.append(_minimal(frozenset(fold(s) for s in run)))
        run = None

    for op, av in items:
        options = _expand([(op, av)])
        if options is not None:
            if run is not None and len(run) * len(options) <= _MAX_ALTERNATIVES:
                run = {_join(a, b) for a in run for b in options}
            else:
                close()
                run = options
            continue
        close()
        if op is sre.SUBPATTERN:
            out.extend(_sequence(av[-1]))
        elif op is sre.ATOMIC_GROUP:
            out.extend(_sequence(av))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            out.extend(_sequence(av[2]))
        elif op is sre.BRANCH:
            union: set[str] = set()
            for branch in av[1]:
                sets = _sequence(branch)
                if not sets:
                    union = set()
                    break
                union |= max(sets, key=_score)
            if union:
                out.append(_minimal(frozenset(union)))
    close()
    return out


def factors(pattern: str | re.Pattern[str], rarity: Rarity = _rarity, keep: int = 4
            ) -> tuple[frozenset[str], ...]:
    """Up to ``keep`` of the most selective sets of necessary strings of ``pattern``, most
    selective first, so that a text without them fails at the first test (empty: nothing to
    test, run the regex).  ``rarity`` rates a string (higher is rarer: word frequencies of the
    language where known)."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    try:
        tree = _parser.parse(source, flags)
    except (re.error, RecursionError):  # pragma: no cover - compiled already
        return ()
    sets = sorted(set(_sequence(list(tree))), key=lambda ss: _score(ss, rarity), reverse=True)
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
