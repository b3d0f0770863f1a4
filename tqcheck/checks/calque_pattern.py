r"""The small pattern language of the calque packs, compiled to one regular expression per entry.

A pattern is a sequence of tokens separated by spaces; between two words of the text it allows any
run of white space (none before a punctuation token).  Matching ignores case.

=============  =====================================================================================
token          matches
=============  =====================================================================================
``word``       the word itself (``according``)
``stem*``      a word that starts with the stem: inflected forms (``realiz*`` → realize, realized…)
``=Word``      the word with exactly this case (``=Lunes``: the capitalised weekday only)
``_``          any one word; ``_{0,3}``: up to three words
``(a b|c)``    one of the alternatives, each a sequence of tokens
``[a b]``      the tokens, optionally
``,`` ``:``    that punctuation mark (``.`` ``;`` ``!`` ``?`` ``،`` too)
``^``          the start of a sentence (start of a line, or after ``.!?`` and a space)
``<`` ``>``    the part of the match to report (default: all of it)
``re:X``       the regular expression ``X`` (no spaces inside; for digits, clitics, scripts); it
               runs to the end of its word, so it comes last in an alternative: ``(two|re:\d+)``
``#num``       a number: digits with optional separators and decimals (``15``, ``3,000``, ``2.5``)
``#ord``       an English ordinal in digits (``15th``, ``1st``)
``#cap``       a capitalised word (a name: ``Kazan``, ``Мадрид``); its case is exact
``(?!X)``      a lookaround (also ``(?=X)``, ``(?<!X)``, ``(?<=X)``; no spaces inside): matches
               no text, so no separator comes before it
=============  =====================================================================================

The literal words of a required token are the pattern's keywords: a text without any of them is
not searched (the prefilter of :mod:`tqcheck.checks.calque`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_WORD = r"[\w'’-]+"
_PUNCT = frozenset(",.:;!?،؛؟")
_START = r"(?:^|(?<=[.!?…]\s)|(?<=[.!?][\"”»’)]\s))"
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_REPEAT = re.compile(r"^_\{(\d+),(\d+)\}$")
#: Word-class slots: a number (digits, thousands separators, decimals) and a capitalised word.
_NUM = r"\d+(?:[.,\u00a0\u202f]\d+)*"
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪİŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽΑ-ΩА-ЯЁЄІЇҐ"
_CAP = f"(?-i:[{_UPPER}])[\\w'’-]*"
_ORD = r"\d+(?:st|nd|rd|th)"
_SLOTS = {"#num": _NUM, "#ord": _ORD, "#cap": _CAP}


class PatternError(ValueError):
    pass


@dataclass
class _Item:
    regex: str
    lo: int = 1
    hi: int = 1
    punct: bool = False
    #: Matches no text (``^``): the next token follows without a separator.
    zero: bool = False
    #: Literal words, one of which the text must contain when this item is required.
    words: frozenset[str] | None = None
    #: A group whose branches are some punctuation only, some words (``(that|,)``): each
    #: branch's regex and whether it is punctuation, so that each takes its own separator (a
    #: comma right after the word before, a word after white space).
    branches: tuple[tuple[str, bool], ...] | None = None


def _tokenize(pattern: str) -> list[str]:
    out: list[str] = []
    for raw in pattern.split():
        # Brackets and bars are tokens of their own even when written against a word.
        if raw.startswith(_LOOKAROUND):
            out.append(raw)
            continue
        at = raw.find("re:")
        if at >= 0:  # "<re:X>", "(a|re:X)": marks before it are tokens, and closing ones after
            out.extend(t for t in re.split(r"([()\[\]|<>])", raw[:at]) if t)
            raw = raw[at:]
            after: list[str] = []
            while raw.endswith(">") or (
                    raw.endswith(")") and raw.count(")") > raw.count("(")):
                after.insert(0, raw[-1])
                raw = raw[:-1]
            out.append(raw)
            out.extend(after)
            continue
        out.extend(t for t in re.split(r"([()\[\]|<>])", raw) if t)
    return out


def _by_length(word: str) -> float:
    """The default rarity of a word: longer is rarer."""
    return -len(word)


def _rarest(groups: list[frozenset[str]], rank: Callable[[str], float]
            ) -> frozenset[str] | None:
    """The group whose most frequent word is least frequent (``rank``: lower is rarer)."""
    if not groups:
        return None
    return min(groups, key=lambda ws: max(map(rank, ws)))


class _Parser:
    def __init__(self, tokens: list[str], source: str, rank: Callable[[str], float]) -> None:
        self.tokens = tokens
        self.pos = 0
        self.source = source
        self.rank = rank

    def error(self, what: str) -> PatternError:
        return PatternError(f"pattern {self.source!r}: {what}")

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def alternatives(self, closer: str | None
                     ) -> tuple[str, frozenset[str] | None, bool, tuple[tuple[str, bool], ...]]:
        """The group's regex, its keywords, whether it is punctuation only (``(,|!)``: no
        space needed before it), and each branch's regex and whether it is punctuation."""
        branches: list[list[_Item | str]] = [self.sequence(closer)]
        while self.peek() == "|":
            self.pos += 1
            branches.append(self.sequence(closer))
        regexes = [_join(b) for b in branches]
        punct = all(i.punct for b in branches for i in b if isinstance(i, _Item))
        each = tuple((rx, all(i.punct for i in b if isinstance(i, _Item)))
                     for rx, b in zip(regexes, branches, strict=True))
        # The group's keywords: for every branch, its rarest required literal token; none when a
        # branch has none (the group then cannot narrow the search).
        words: set[str] = set()
        for b in branches:
            best = _rarest([i.words for i in b if isinstance(i, _Item) and i.lo > 0 and i.words],
                           self.rank)
            if best is None:
                return "|".join(regexes), None, punct, each
            words |= best
        return "|".join(regexes), frozenset(words), punct, each

    def sequence(self, closer: str | None) -> list[_Item | str]:
        items: list[_Item | str] = []
        while (tok := self.peek()) is not None and tok not in {"|", ")", "]"}:
            self.pos += 1
            if tok in {"(", "["}:
                end = ")" if tok == "(" else "]"
                regex, words, punct, each = self.alternatives(end)
                if self.peek() != end:
                    raise self.error(f"{tok!r} not closed")
                self.pos += 1
                mixed = not punct and any(p for _, p in each)
                items.append(_Item(regex, 0 if tok == "[" else 1, 1, punct=punct, words=words,
                                   branches=each if mixed else None))
            elif tok in {"<", ">"}:
                items.append(tok)
            else:
                items.append(_token(tok, self.error))
        if not any(isinstance(i, _Item) for i in items):
            raise self.error("empty sequence")
        return items


def _token(tok: str, error: type[PatternError] | object) -> _Item:
    if tok == "^":
        return _Item(_START, punct=True, zero=True)
    if tok.startswith("re:"):
        return _Item(tok[3:])
    if tok.startswith(_LOOKAROUND):
        return _Item(tok, punct=True, zero=True)
    if tok in _PUNCT:
        return _Item(re.escape(tok), punct=True)
    if tok == "_":
        return _Item(_WORD)
    if tok in _SLOTS:
        return _Item(_SLOTS[tok])
    m = _REPEAT.match(tok)
    if m:
        return _Item(_WORD, int(m.group(1)), int(m.group(2)))
    if tok.startswith("="):
        return _Item(f"(?-i:{re.escape(tok[1:])})", words=frozenset({tok[1:].casefold()}))
    if tok.endswith("*"):
        return _Item(re.escape(tok[:-1]) + r"\w*")
    return _Item(re.escape(tok), words=frozenset({tok.casefold()}))


def _join(items: list[_Item | str]) -> str:
    parts: list[str] = []
    need_sep = False
    open_span = False
    for item in items:
        if isinstance(item, str):
            if item == "<":
                open_span = True
            else:
                parts.append(")")
            continue
        sep = (r"\s*" if item.punct else r"\s+") if need_sep else ""
        body = f"(?:{item.regex})"
        if item.branches is not None and need_sep and not open_span:
            # Each branch with its own separator: "(that|,)" reads "said, …" as "said that".
            body = "(?:" + "|".join((r"\s*" if p else r"\s+") + f"(?:{rx})"
                                    for rx, p in item.branches) + ")"
            parts.append(body if (item.lo, item.hi) == (1, 1)
                         else f"(?:{body}){{{item.lo},{item.hi}}}")
            need_sep = True
        elif item.zero:
            parts.append(body)
        elif open_span:
            # The separator stays outside the reported part.
            parts.append(sep + "(?P<span>" + body)
            open_span = False
            need_sep = True
        elif (item.lo, item.hi) == (1, 1):
            parts.append(sep + body)
            need_sep = True
        elif need_sep:
            parts.append(f"(?:{sep}{body}){{{item.lo},{item.hi}}}")
        else:
            parts.append(f"(?:{body}\\s+){{{item.lo},{item.hi}}}")
    return "".join(parts)


@dataclass(frozen=True)
class Compiled:
    regex: str
    keywords: frozenset[str]


def compile_pattern(pattern: str, rank: Callable[[str], float] = _by_length, *,
                    validate: bool = True) -> Compiled:
    """The regular expression of a pack pattern and its keywords (empty: no prefilter).

    ``rank`` orders words by how common they are in the target language (lower: rarer); the
    keywords are the required literal token whose commonest word is rarest."""
    tokens = _tokenize(pattern)
    if tokens.count("<") != tokens.count(">") or tokens.count("<") > 1:
        raise PatternError(f"pattern {pattern!r}: one '<' and one '>' at most")
    parser = _Parser(tokens, pattern, rank)
    items = parser.sequence(None)
    if parser.peek() is not None:
        raise parser.error(f"unexpected {parser.peek()!r}")
    body = _join(items)
    required = [i for i in items if isinstance(i, _Item) and i.lo > 0]
    solid = [i for i in required if not i.zero] or required
    first, last = solid[0], solid[-1]
    lead = "" if first.punct else r"(?<!\w)"
    tail = "" if last.punct else r"(?!\w)"
    # The most selective literal token: "territory", not "the".
    keywords = _rarest([i.words for i in required if i.words], rank) or frozenset()
    regex = f"(?i:{lead}{body}{tail})"
    if validate:  # the built-in packs are compiled when first used (and all by the tests)
        try:
            re.compile(regex)
        except re.error as exc:
            raise PatternError(f"pattern {pattern!r}: {exc}") from None
    return Compiled(regex, keywords)
