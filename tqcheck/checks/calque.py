"""Source-language calques, from data packs (``tqcheck/data/calque/<source>-<target>.toml``).

A pack holds the calques of one source language in one or more targets.  Which packs report:

* the source language is in evidence — given (``--source-lang``, the file's metadata) or detected
  from the source text of the segments: only that language's packs, all their patterns;
* otherwise: only the ``strong`` patterns, those that fluent text in the target never uses; a pack
  with a strong match in the document is in evidence, and its other patterns report too; and, as
  info, a match of any other pattern with a second calque construction close by (two different
  entries within three neighbouring paragraphs: :class:`_CoOccurrence`).

Patterns are written in the small language of :mod:`tqcheck.checks.calque_pattern` (``match``) or
as a regular expression (``regex``).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from tqcheck import calque_store
from tqcheck.checks._prefilter import (
    Source,
    any_of,
    exact_factors,
    exact_strings,
    factors,
    fold,
    may_match,
    prepare,
    token_sets,
    unspaced,
    usable,
    word_sets,
)
from tqcheck.checks.calque_pattern import PatternError, compile_pattern
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import (
    TOKEN_SEPARATORS,
    folded_token_set,
    folded_tokens,
    folded_word_set,
    per_text,
    word_runs_are_tokens,
)
from tqcheck.datapack import builtin_folder, user_file
from tqcheck.errors import ConfigError
from tqcheck.langdata import base_lang
from tqcheck.model import Segment, Sentence, Severity

#: The flags of every pattern's regex.
_FLAGS = re.MULTILINE


@dataclass(frozen=True)
class CalquePattern:
    pack: str
    id: str
    #: The regular expression (compiled on first use: most patterns never meet their keywords).
    source_regex: str
    message: str
    suggestion: str | None
    strong: bool
    #: The rewrite a fix applies (a template of :meth:`re.Match.expand`: ``\\g<name>`` names a
    #: group); None: the pattern's suggestion is advice, not a replacement.
    replacement: str | None = None
    #: Lowercase words one of which every match contains: a cheap prefilter.
    keywords: frozenset[str] = frozenset()
    #: A text the pattern must flag, and a fluent one it must pass (checked by the tests).
    example: str | None = None
    counterexample: str | None = None
    #: Other source languages that produce the same calque (Ukrainian beside Russian).
    also: frozenset[str] = frozenset()
    #: The language the pattern matches text of (the pack's first target): its word frequencies
    #: order the necessary strings, rarest first.
    lang: str = ""
    #: Overrides TQ601's severity: ``info`` for a phrase fluent in some registers.
    severity: Severity | None = None
    #: A source-anchored entry: the regular expression its segment's source text must match
    #: (the construction the target renders word for word).  Such an entry reports only with the
    #: source in view, which guarantees the origin; its target side may then be looser.
    anchor_regex: str | None = None
    #: The source text of ``example`` (and ``counterexample``) for an anchored entry's tests.
    example_source: str | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.source_regex, _FLAGS)

    @cached_property
    def _stored(self) -> calque_store.Entry:
        """The shipped analysis of the regex (:mod:`tqcheck.calque_store`; empty: none, it
        is made here when asked)."""
        return calque_store.regex_entry(self.lang, self.source_regex) or {}

    @property
    def _source(self) -> Source:
        """The regex for the analysis, not compiled: a pattern the prefilter skips never is."""
        return Source(self.source_regex, _FLAGS)

    @cached_property
    def factors(self) -> tuple[frozenset[str], ...]:
        """Strings every match holds one of, per set (:mod:`tqcheck.checks._prefilter`): a text
        without them is not searched."""
        if "f" in self._stored:
            return calque_store.decode_sets(self._stored["f"]) or ()
        return factors(self._source, _substring_rarity(self.lang))

    @cached_property
    def open_factors(self) -> tuple[frozenset[str], ...]:
        """:attr:`factors` without the sets that every keyword holds a string of: the pattern is
        searched only when one of its keywords is a token of the text, and such a set is then
        in the text already (the nouns of "the minister said"-type entries: their keywords)."""
        if not self.keywords:
            return self.factors
        return tuple(strings for strings in self.factors
                     if not all(any(s in k for s in strings) for k in self.keywords))

    @cached_property
    def index_words(self) -> tuple[frozenset[str], ...] | None:
        """Sets of words every match holds one of, whole (:func:`word_sets`), rarest first;
        None where the regex's ``\\w`` is not Unicode's."""
        if "w" in self._stored:
            return calque_store.decode_sets(self._stored["w"])
        return word_sets(self._source, _word_frequency(self.lang))

    @cached_property
    def token_sets(self) -> tuple[frozenset[str], ...]:
        """Sets of whole tokens every match holds one of (:func:`token_sets`), rarest first."""
        if "t" in self._stored:
            return calque_store.decode_sets(self._stored["t"]) or ()
        return token_sets(self._source, TOKEN_SEPARATORS, _word_frequency(self.lang))

    @cached_property
    def exact_factors(self) -> tuple[frozenset[str], ...]:
        """Case-sensitive strings every match holds one of, per set (:func:`exact_factors`)."""
        if "x" in self._stored:
            return calque_store.decode_sets(self._stored["x"]) or ()
        return exact_factors(self._source)

    @cached_property
    def exact_strings(self) -> frozenset[str]:
        """Strings one of which every match holds exactly as written (:func:`exact_strings`)."""
        if "s" in self._stored:
            return frozenset(self._stored["s"])
        return exact_strings(self._source)

    def analysis(self) -> calque_store.Entry:
        """The pattern's analysis as :mod:`tqcheck.calque_store` keeps it (computed)."""
        frequency = _word_frequency(self.lang)
        words = word_sets(self._source, frequency)
        out = {"f": calque_store.encode_sets(factors(self._source, _substring_rarity(self.lang))),
               "w": calque_store.encode_sets(words),
               "x": calque_store.encode_sets(exact_factors(self._source)),
               "s": sorted(exact_strings(self._source))}
        if words is None:  # (token sets are asked only where there are no word sets)
            out["t"] = calque_store.encode_sets(token_sets(self._source, TOKEN_SEPARATORS,
                                                           frequency))
        return out

    @cached_property
    def anchor(self) -> re.Pattern[str] | None:
        return None if self.anchor_regex is None else re.compile(self.anchor_regex, _FLAGS)

    def anchored_in(self, segment: Segment) -> bool:
        """Whether an anchored entry's source side is in ``segment``'s source (always true for an
        entry without an anchor)."""
        if self.anchor is None:
            return True
        return segment.source is not None and self.anchor.search(segment.source) is not None

    def span(self, m: re.Match[str]) -> tuple[int, int]:
        """The part of a match to report: the ``<…>`` of the pattern, or all of it."""
        if "span" in self.regex.groupindex and m.group("span") is not None:
            return m.span("span")
        return m.span()


@dataclass(frozen=True)
class CalquePack:
    source: str
    name: str
    targets: tuple[str, ...]
    #: Other source languages whose MT has the calques of this pack (Ukrainian for Russian).
    also: frozenset[str]
    patterns: tuple[CalquePattern, ...]
    chain_words: tuple[str, ...]
    chain_min: int


@cache
def _word_rank(lang: str) -> Callable[[str], float]:
    """How common a word of ``lang`` is: its place in the language-ID lexicon (frequency order),
    words outside it rarest of all; by length where there is no lexicon."""
    from tqcheck.datapack import builtin_lines

    lines = builtin_lines(f"lexicon/{lang}.txt")
    if lines is None:
        return lambda w: -len(w)
    ranks: dict[str, int] = {}
    for line in lines:
        ranks.setdefault(line.lstrip("+"), len(ranks))

    def rank(word: str) -> float:
        # Lower is rarer: the commonest word scores 0, a word outside the lexicon lowest.
        return -float(ranks.get(word, 10**9))

    return rank


@cache
def _word_frequency(lang: str) -> Callable[[str], float]:
    """How often a word of ``lang`` occurs, roughly (higher is commoner): the inverse of its
    place in the frequency-ordered lexicon (Zipf), words outside it almost never; the same for
    every word where there is no lexicon."""
    rank = _word_rank(lang) if lang else None
    if rank is None:
        return lambda w: 1.0

    def frequency(word: str) -> float:
        return 1.0 / (10.0 - rank(word))

    return frequency


@cache
def _substring_rarity(lang: str) -> Callable[[str], float]:
    """How rare a necessary string of a calque pattern is in text of ``lang``, higher is rarer: a
    word's place in the language's frequency-ordered lexicon; short strings that are no word
    (parts of words: "th") and word characters are common, other marks ("%", "-san") rare; a
    phrase is rarer than any of its words."""
    rank = _word_rank(lang) if lang else None

    def word(s: str) -> float:
        if rank is not None and (place := -rank(s)) < 10**9:
            return place
        if s.isalpha():
            return 10 * len(s) if len(s) <= 3 else 10**5 * len(s)
        return 0.0 if s in _COMMON_MARKS else 10**5

    def rarity(s: str) -> float:
        words = s.split()
        if len(words) > 1:
            return 10**4 + max(map(word, words))
        return word(words[0]) if words else 0.0

    return rarity


_COMMON_MARKS = frozenset(" ,.'-\"\n")


def _parse_pack(raw: dict[str, Any], origin: str, *, builtin: bool = False) -> CalquePack:
    try:
        source = str(raw["source"])
        targets = tuple(str(t) for t in raw.get("targets", ["en"]))
        patterns = []
        seen: set[str] = set()
        for p in raw.get("pattern", []):
            if str(p.get("id")) in seen:  # findings, suppressions and baselines name entries
                raise ConfigError(f"{origin}: pattern id {p.get('id')!r} is used twice")
            seen.add(str(p.get("id")))
            keywords = frozenset(k.casefold() for k in p.get("keywords", ()))
            try:
                if "match" in p:
                    stored = calque_store.compiled_match(targets[0], str(p["match"])) \
                        if builtin else None
                    if stored is None:
                        compiled = compile_pattern(str(p["match"]), _word_rank(targets[0]),
                                                   validate=not builtin)
                        stored = (compiled.regex, compiled.keywords)
                    text = stored[0]
                    if "keywords" not in p:
                        keywords = stored[1]
                else:
                    text = str(p["regex"])
                anchor = None
                if "anchor" in p:  # the source side, in the source language's words
                    anchor = compile_pattern(str(p["anchor"]), validate=not builtin).regex
                elif "anchor_regex" in p:  # unspaced scripts: a regular expression
                    anchor = str(p["anchor_regex"])
                if anchor is not None and p.get("strong"):
                    raise PatternError("an anchored entry needs the source: it cannot be strong")
                if not builtin:  # a user's pack is checked as it loads; built-ins by the tests
                    re.compile(text, re.MULTILINE)
                    if anchor is not None:
                        re.compile(anchor, re.MULTILINE)
            except (re.error, PatternError) as exc:
                raise ConfigError(f"{origin}: pattern {p.get('id')!r}: bad pattern: {exc}"
                                  ) from None
            severity = p.get("severity")
            if severity not in (None, "info", "warning"):
                raise ConfigError(f"{origin}: pattern {p.get('id')!r}: severity must be "
                                  f"'info' or 'warning', not {severity!r}")
            patterns.append(CalquePattern(source, str(p["id"]), text, str(p["message"]),
                                          p.get("suggestion"), bool(p.get("strong", False)),
                                          replacement=p.get("replacement"), keywords=keywords,
                                          example=p.get("example"),
                                          counterexample=p.get("counterexample"),
                                          also=frozenset(p.get("also", ())),
                                          lang=targets[0],
                                          severity=Severity(severity) if severity else None,
                                          anchor_regex=anchor,
                                          example_source=p.get("example_source")))
        chain = raw.get("chain", {})
        return CalquePack(source, str(raw.get("name", source)), targets,
                          frozenset(raw.get("also", ())), tuple(patterns),
                          tuple(chain.get("words", ())), int(chain.get("min_paragraphs", 2)))
    except KeyError as exc:
        raise ConfigError(f"{origin}: calque pack is missing {exc.args[0]!r}") from None


@cache
def builtin_packs() -> tuple[CalquePack, ...]:
    return tuple(_parse_pack(raw, name, builtin=True) for name, raw in builtin_folder("calque"))


def load_packs(extra: Iterable[str | Path] = ()) -> list[CalquePack]:
    packs = list(builtin_packs())
    for path in extra:
        packs.append(_parse_pack(user_file(path, "calque pack"), str(path)))
    return packs


@dataclass
class _Setup:
    """The packs that apply to a document, which of their patterns each keyword gates, and the
    matches in the texts being checked (both calque checks ask for them)."""

    packs: list[CalquePack]
    #: Every pattern of the packs, in order.
    patterns: tuple[tuple[CalquePack, CalquePattern], ...]
    #: keyword -> indexes (in ``patterns``) of the patterns that need it
    by_keyword: dict[str, tuple[int, ...]]
    #: Indexes of the patterns without keywords: they run on every segment.
    always: tuple[int, ...]
    #: Source-anchored entries: they run only on a segment whose source has their anchor.
    anchored: tuple[tuple[CalquePack, CalquePattern], ...] = ()
    #: Pattern matches in a text, memoised for the texts of the chunk being checked.
    matches: Callable[[str], tuple[_Match, ...]] = field(init=False, repr=False)
    #: Every keyword.
    _keywords: frozenset[str] = field(init=False, repr=False)
    #: For each pattern without keywords (they run on every text): a character every match of it
    #: holds ("" when none) and strings one of which every match holds, the longest pieces
    #: between spaces of its most selective necessary strings (none: no test).  The folded text
    #: must hold both for the pattern to run.
    _always_tests: tuple[tuple[int, str, tuple[str, ...]], ...] = field(init=False, repr=False)
    #: The token index: word -> indexes of the patterns selected by it, in order.  A pattern is
    #: first indexed by its keywords, then (once selected) by its rarest set of tokens.
    _index: dict[str, list[int]] = field(init=False, repr=False)
    #: The words of the index that select a pattern.
    _index_keys: frozenset[str] = field(init=False, repr=False)
    #: For each pattern, the sets of tokens it needs besides the one it is indexed by (None:
    #: not made yet, see :meth:`_conditions`).
    _rest: list[_Tests | None] = field(init=False, repr=False)
    #: Characters one of which every text a pattern without keywords may match holds (None:
    #: no such test).
    _always_chars: tuple[str, ...] | None = field(init=False, repr=False)
    #: The patterns without keywords whose case-sensitive parts need certain strings exactly as
    #: written (:func:`exact_strings`): each with those strings, tested on the text itself (not
    #: folded: ``DI`` of a title, not every ``di``), and one regex that finds any of them
    #: (None: too many strings for one search).  :attr:`_folded_tests` and
    #: :attr:`_folded_chars` are :attr:`_always_tests` and :attr:`_always_chars` of the others.
    _exact_tests: tuple[tuple[int, tuple[str, ...]], ...] = field(init=False, repr=False)
    _exact_gate: re.Pattern[str] | None = field(init=False, repr=False)
    _folded_tests: tuple[tuple[int, str, tuple[str, ...]], ...] = field(init=False, repr=False)
    _folded_chars: tuple[str, ...] | None = field(init=False, repr=False)
    #: Each pattern's keywords (empty: none), for a text whose words are not its tokens.
    _keyword_gates: tuple[frozenset[str], ...] = field(init=False, repr=False)
    #: How often each pattern not yet in the token index was selected (see _INDEX_AFTER).
    _uses: list[int] = field(init=False, repr=False)
    #: Setups of a part of the patterns (:meth:`strong`, :meth:`others`), made when first asked.
    _parts: dict[object, _Setup] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.matches = per_text(self._find)
        self._keywords = frozenset(self.by_keyword)
        tests = []
        for i in self.always:
            factors = self.patterns[i][1].factors
            char = next((c for strings in factors for c in _shared_char(strings)), "")
            tests.append((i, char, tuple(sorted(unspaced(factors[0]), key=len, reverse=True))
                          if factors else ()))
        self._always_tests = tuple(tests)
        self._always_chars = _caseless_chars(tests)
        # Those whose regex spells out whole words are indexed by their rarest set of them, as
        # the others are by their keywords: no search of every text for their strings.
        by_words = {i: sets[0] for i in self.always
                    if (sets := self.patterns[i][1].index_words)}
        tests = [t for t in tests if t[0] not in by_words]
        exact = []
        for i, _, _ in tests:
            if strings := self.patterns[i][1].exact_strings:
                exact.append((i, tuple(sorted(strings, key=len, reverse=True))))
        self._exact_tests = tuple(exact)
        every = {s for _, strings in exact for s in strings}
        self._exact_gate = any_of(every) if every and len(every) <= _GATE_STRINGS else None
        done = {i for i, _ in exact}
        self._folded_tests = tuple(t for t in tests if t[0] not in done)
        self._folded_chars = _caseless_chars(self._folded_tests)
        self._index = {k: list(v) for k, v in self.by_keyword.items()}
        for i, words in by_words.items():
            for k in words:
                bisect.insort(self._index.setdefault(k, []), i)  # in pattern order
        self._index_keys = frozenset(self._index)
        self._rest: list[_Tests | None] = [None] * len(self.patterns)
        self._keyword_gates = tuple(pat.keywords for _, pat in self.patterns)
        self._uses = [0] * len(self.patterns)
        self._parts = {}

    def strong(self) -> _Setup:
        """The setup of the strong patterns alone (its matches memoised for both checks)."""
        part = self._parts.get("strong")
        if part is None:
            part = self._parts["strong"] = _index_setup(
                self.packs, [(pack, pat) for pack, pat in self.patterns if pat.strong])
        return part

    @cached_property
    def strong_matches(self) -> Callable[[str], tuple[_Match, ...]]:
        """``strong().matches``, for the checks that ask for every text (one lookup)."""
        return self.strong().matches

    def others(self, packs: frozenset[int]) -> _Setup:
        """The setup of the patterns that are not strong of the packs whose ids are ``packs``."""
        part = self._parts.get(packs)
        if part is None:
            part = self._parts[packs] = _index_setup(self.packs, [
                (pack, pat) for pack, pat in self.patterns
                if id(pack) in packs and not pat.strong])
        return part

    @cached_property
    def order(self) -> dict[int, int]:
        """``id`` of each pattern -> its place in :attr:`patterns` (pack and pattern order)."""
        return {id(pat): i for i, (_, pat) in enumerate(self.patterns)}

    def in_order(self, strong: Sequence[_Match], others: Sequence[_Match]) -> Sequence[_Match]:
        """The matches of two parts of the patterns in the order a search by every pattern at
        once gives (pattern order; a pattern's own matches as found: the sort is stable)."""
        if not strong or not others:
            return strong or others
        order = self.order
        return sorted((*strong, *others), key=lambda m: order[id(m[1])])

    def _always_open(self, folded: str,
                     tests: tuple[tuple[int, str, tuple[str, ...]], ...] | None = None
                     ) -> list[int]:
        """The patterns without keywords (of ``tests``, by default all) that may match the text
        ``folded`` (:func:`fold`): one character, then a few ``str.find`` calls (C speed) for
        each; most text holds none."""
        out = []
        for i, char, strings in self._always_tests if tests is None else tests:
            if char in folded:
                if not strings:
                    out.append(i)
                    continue
                for s in strings:
                    if s in folded:
                        out.append(i)
                        break
        return out

    def _conditions(self, i: int) -> _Tests:
        """What a text must hold for pattern ``i`` to run, besides the token it was selected
        by: sets of tokens, one of each (its keywords, when it is indexed by another set, and
        the whole words its regex spells out: :func:`token_sets`), and, for ASCII text, its
        necessary strings (:attr:`CalquePattern.open_factors`) by the word each holds
        (:func:`_by_word`).  Made when the pattern has been selected a few times
        (``_INDEX_AFTER``); the pattern is then
        indexed by its rarest set of tokens (one dict entry per word of it), so that it is
        selected by the words it needs most rarely."""
        pat = self.patterns[i][1]
        frequency = _word_frequency(pat.lang)
        # Whole words bounded by ``\b`` too (word mode): "\bcalled the 112" is indexed by
        # "called", not by "the" alone (the text's words: :func:`folded_word_set`).
        words = pat.index_words
        sets = [s for s in (pat.token_sets if words is None else words)
                if not (pat.keywords and pat.keywords <= s)]
        if pat.keywords:
            sets.append(pat.keywords)
        sets.sort(key=lambda ws: sum(map(frequency, ws)))
        if not pat.keywords:  # selected by its necessary strings (``always``): every set counts
            rest = tuple(sets)
        else:
            best = sets[0]
            if best is not pat.keywords:  # indexed by its rarest set instead of its keywords
                for k in pat.keywords:
                    self._index[k].remove(i)
                for k in best:
                    bisect.insort(self._index.setdefault(k, []), i)  # in pattern order
                self._index_keys = frozenset(k for k, v in self._index.items() if v)
            rest = tuple(s for s in sets if s is not best)
        tests = (rest, pat.exact_factors,
                 tuple(_by_word(strings, frequency) for strings in pat.open_factors))
        self._rest[i] = tests
        return tests

    def _find(self, text: str) -> tuple[_Match, ...]:
        """Pattern matches in ``text``.  A pattern runs only when the text holds one token of
        each of its token sets (its keywords and the whole words of its regex: one set lookup
        per token) and the strings every match of it holds (its ``factors``); patterns without
        either run when the text holds their necessary strings."""
        ascii = text.isascii()
        if not ascii and ("\u0131" in text or "\u0130" in text):
            # ı and İ: the regex engine takes them as i, case folding does not.
            return self._find_by_keywords(text)
        # The text's tokens as a set (shared with the other checks): a pattern's test of a few
        # words then costs those words, not the text's length.  The index and the word sets
        # read its words (:func:`folded_word_set`: the tokens, and the words inside those
        # with a hyphen or an apostrophe; ``\b`` bounds them too): most texts' are its tokens.
        tokens = folded_token_set(text)
        if not ascii:
            runs = folded_word_set(text)
        elif word_runs_are_tokens(text):  # most text
            runs = tokens
        else:
            runs = _ascii_word_set(tokens)
        keyed = self._index_keys.intersection(runs)
        folded: str | None = None
        selected: Sequence[int] = ()
        if self._exact_tests and (self._exact_gate is None
                                  or self._exact_gate.search(text) is not None):
            selected = [i for i, strings in self._exact_tests
                        if any(s in text for s in strings)]
        if self._folded_tests:
            chars = self._folded_chars
            if chars is not None:
                for c in chars:
                    if c in text:
                        break
                else:
                    chars = ()
            if chars != ():
                folded = fold(text)
                more = self._always_open(folded, self._folded_tests)
                selected = sorted([*selected, *more]) if selected and more else (
                    selected or more)
        selected = _selection(selected, keyed, self._index)
        if not selected:  # most text
            return ()
        patterns = self.patterns
        found: list[_Match] = []
        prepared: str | None = None
        tests = self._rest
        uses = self._uses
        # A pattern's keywords are whole tokens (a word inside "re-call" selects no pattern
        # that a pack keyed on "call"): tested on the tokens where they are not the words.
        gates = self._keyword_gates if runs is not tokens else None
        for i in tuple(selected):  # (the index may change while it is read: _conditions)
            if gates is not None and (kw := gates[i]) and tokens.isdisjoint(kw):
                continue
            test = tests[i]
            if test is None:
                uses[i] += 1
                # (at once where the analysis is shipped: calque_store)
                if uses[i] >= _INDEX_AFTER or patterns[i][1]._stored:
                    # else the plain tests, as for text with ı or İ
                    test = self._conditions(i)
            if test is not None:
                if any(map(runs.isdisjoint, test[0])):
                    continue
                if test[1] and not may_match(test[1], text):  # case-sensitive strings
                    continue
            pack, pat = patterns[i]
            if test is not None and ascii:
                # The strings every match holds, each looked for only when the text has
                # its word: a few containment tests instead of one per string.
                for words, by_word, free in test[2]:
                    if prepared is None:
                        prepared = prepare(text, folded)
                    for s in free:
                        if s in prepared:
                            break
                    else:
                        for w in words.intersection(tokens):
                            for s in by_word[w]:
                                if s in prepared:
                                    break
                            else:
                                continue
                            break
                        else:
                            break
                else:
                    for m in pat.regex.finditer(text):  # (no generator: most find none)
                        found.append((pack, pat, m))
                continue
            # The plain tests: a pattern not indexed yet, or text that is not ASCII.
            if (factors := pat.open_factors) and usable(text):
                if prepared is None:
                    prepared = prepare(text, folded)
                if not may_match(factors, prepared):
                    continue
            for m in pat.regex.finditer(text):
                found.append((pack, pat, m))
        return tuple(found)

    def _find_by_keywords(self, text: str) -> tuple[_Match, ...]:
        """Pattern matches in ``text``, the patterns selected by their keywords alone (the
        search before the token index; for text that case folding does not read as the regex
        engine does)."""
        keyed = self._keywords.intersection(folded_tokens(text))
        always: Sequence[int] = self.always
        folded = fold(text) if usable(text) else None
        if always and folded is not None:
            always = self._always_open(folded)
        selected = _selection(always, keyed, self.by_keyword)
        if not selected:  # most text
            return ()
        patterns = self.patterns
        found: list[_Match] = []
        prepared = prepare(text, folded) if folded is not None else None
        for i in selected:
            pack, pat = patterns[i]
            if prepared is not None and (factors := pat.open_factors) and not may_match(
                    factors, prepared):
                continue
            found.extend((pack, pat, m) for m in pat.regex.finditer(text))
        return tuple(found)


_Match = tuple[CalquePack, CalquePattern, re.Match[str]]
#: A run of letters and digits (``\\b`` bounds it), as :func:`folded_word_set` reads them.
_WORD_RUN = re.compile(r"[^\W_]+")


def _ascii_word_set(tokens: frozenset[str]) -> frozenset[str]:
    """:func:`folded_word_set` of an ASCII text whose :func:`folded_token_set` is ``tokens``:
    the tokens, and the runs of letters and digits inside those that hold other characters (a
    hyphen, an apostrophe).  A run lies inside one token (the separators are no word
    characters), so the runs of the few such tokens are those of the text: no search of all of
    it."""
    odd = [t for t in tokens if not t.isalnum()]
    return tokens.union(*map(_WORD_RUN.findall, odd)) if odd else tokens


#: A pattern's token sets and strings (:meth:`_Setup._conditions`, a fraction of a millisecond
#: each) are made once it has been selected this often: a short text pays only for the
#: patterns its words select again and again.
_INDEX_AFTER = 8
#: A set of necessary strings for ASCII text: the words one of which a string holds whole, the
#: strings by that word, and the strings without a whole word (looked for in every text).
_ByWord = tuple[frozenset[str], dict[str, tuple[str, ...]], tuple[str, ...]]
#: What a pattern needs besides its index word: sets of tokens, its case-sensitive strings
#: (:func:`exact_factors`), and its necessary strings.
def _selection(always: Sequence[int], keyed: Collection[str],
               index: Mapping[str, Sequence[int]]) -> Sequence[int]:
    """The patterns to run on a text, in pack and pattern order: those without keywords that
    may match it (``always``) and those the text's words select through ``index``."""
    if not keyed:
        return always
    if len(keyed) == 1 and not always:
        return index[next(iter(keyed))]
    chosen = set(always)
    for k in keyed:
        chosen.update(index[k])
    return sorted(chosen)


_Tests = tuple[tuple[frozenset[str], ...], tuple[frozenset[str], ...], tuple[_ByWord, ...]]


def _by_word(strings: frozenset[str], frequency: Callable[[str], float]) -> _ByWord:
    """A set of necessary strings (:func:`factors`, in the prepared text) for ASCII text, each
    string under its rarest whole word: a word with a space on each side in the string is a
    token of any text the string is in (:func:`folded_tokens`), so a string is looked for only
    in a text with its word.  Strings that are not ASCII are in no ASCII text: left out."""
    by_word: dict[str, list[str]] = defaultdict(list)
    free: list[str] = []
    for s in sorted(strings):
        if not s.isascii():
            continue
        words = [w for w in s.split(" ")[1:-1]
                 if w and not any(c in TOKEN_SEPARATORS for c in w)]
        if words:
            by_word[min(words, key=frequency)].append(s)
        else:
            free.append(s)
    return (frozenset(by_word), {w: tuple(v) for w, v in by_word.items()}, tuple(free))


#: Strings of the patterns without keywords found by one regex (:attr:`_Setup._exact_gate`)
#: at most: past them, a search of every text for any of them costs more than it saves.
_GATE_STRINGS = 64


def _caseless_chars(tests: Iterable[tuple[int, str, tuple[str, ...]]]) -> tuple[str, ...] | None:
    """Characters one of which is in every text a pattern of ``tests`` (without keywords) may
    match, each the same in any case (found in the text itself); None: no such test."""
    chars = {char for _, char, _ in tests}
    return tuple(sorted(chars)) if all(c and fold(c) == c == c.upper() for c in chars) else None


def _shared_char(strings: frozenset[str]) -> tuple[str, ...]:
    """One character (not white space) that every string of a set of necessary strings holds,
    the rarest kind first (not a letter or digit): a text without it holds none of the set."""
    common = set.intersection(*(set(s) for s in strings)) - {" "} if strings else set()
    if not common:
        return ()
    return (min(common, key=lambda c: (c.isalnum(), c)),)


def _setup(ctx: CheckContext) -> _Setup:
    """Made once per document and shared by both calque checks (``ctx.state``); with the built-in
    packs alone, made once per target and source language (a corpus record is a document)."""
    setup: _Setup | None = ctx.state.get("calque_setup")
    if setup is None:
        extra = tuple(ctx.settings.language.calque_packs)
        target = ctx.data.lang
        src = base_lang(ctx.source_lang)
        setup = _builtin_setup(target, src) if not extra else _make_setup(
            load_packs(extra), target, src)
        if not setup.patterns and target and src and src != target:
            ctx.note_once(f"calque:{src}→{target}", f"{ctx.path}: no calque pack for "
                          f"{src}→{target}; TQ601/TQ602 check nothing there")
        ctx.state["calque_setup"] = setup
    return setup


@cache
def _builtin_setup(target: str | None, src: str | None) -> _Setup:
    """The setup of the built-in packs for a direction (its match memo is a pure function of the
    text, so documents share it)."""
    return _make_setup(list(builtin_packs()), target, src)


def _make_setup(packs: list[CalquePack], target: str | None, src: str | None) -> _Setup:
    """The packs for ``target`` (and the source language ``src`` when known), their patterns and
    the keyword index."""
    out = [p for p in packs if target in p.targets or "*" in p.targets]
    if src:
        out = [p for p in out if p.source == src or src in p.also
               or any(src in pat.also for pat in p.patterns)]
    chosen = [(pack, pat) for pack in out for pat in pack.patterns
              if not src or _applies(pack, pat, src)]
    return _index_setup(out, chosen)


def _index_setup(out: list[CalquePack],
                 chosen: list[tuple[CalquePack, CalquePattern]]) -> _Setup:
    """The setup of the patterns ``chosen`` from the packs ``out``: the keyword index."""
    # Source-anchored entries run only on segments with a source (CalquePhrases.feed).
    patterns = tuple((pack, pat) for pack, pat in chosen if pat.anchor_regex is None)
    anchored = tuple((pack, pat) for pack, pat in chosen if pat.anchor_regex is not None)
    by_keyword: dict[str, list[int]] = defaultdict(list)
    for i, (_, pat) in enumerate(patterns):
        for k in pat.keywords:
            by_keyword[k].append(i)
    always = tuple(i for i, (_, pat) in enumerate(patterns) if not pat.keywords)
    return _Setup(out, patterns, {k: tuple(v) for k, v in by_keyword.items()}, always, anchored)


#: Characters of text without a source that TQ601 holds back for the patterns that are not
#: strong (CalquePhrases.deferred): past them it runs every pattern as text comes.
_DEFER_CHARS = 1 << 24

#: Source texts read to detect the source language when it is not given.
_SOURCE_SAMPLE = 20

#: Characters of text without a source language in which TQ601 looks for two different
#: constructions of one source language close together (:class:`_CoOccurrence`): the sample the
#: source language is inferred from, as :data:`_SOURCE_SAMPLE` is for source texts.
_EVIDENCE_CHARS = 1 << 16

#: Segments (paragraphs) a pair of constructions may lie apart in and still count together.
_EVIDENCE_WINDOW = 3


class _CoOccurrence:
    """Calques in evidence without a strong construction or a source language: two *different*
    entries (of any packs) matching at different places within a few neighbouring paragraphs.
    Each entry alone may be fluent somewhere; two calque constructions side by side are a
    translation showing through (on the clean English corpora of calque_clean.py, about 350,000
    words, one window of three paragraphs holds two).  The evidence is local: only the matches
    that have such a partner report, not their packs over the whole file.  The first
    :data:`_EVIDENCE_CHARS` characters are read, so a long file pays once."""

    def __init__(self, setup: _Setup) -> None:
        self.left = _EVIDENCE_CHARS
        self.setup = setup
        self.part = setup.others(frozenset(id(p) for p in setup.packs))
        #: The last paragraphs, each with its matches.
        self.window: list[tuple[Segment, tuple[_Match, ...]]] = []
        #: The matches that have a partner: (segment, match) by ``id`` of the pack.
        self.paired: dict[int, dict[tuple[int, int, int], tuple[Segment, _Match]]] = {}

    def feed(self, segment: Segment) -> None:
        if self.left <= 0:
            return
        self.left -= len(segment.text)
        # A strong match is a partner too (it reports anyway: only the others are recorded).
        found = (*self.setup.strong_matches(segment.text), *self.part.matches(segment.text))
        self.window.append((segment, found))
        del self.window[:-_EVIDENCE_WINDOW]
        for match in found:
            _, pat, m = match
            for other_segment, others in self.window:
                for other in others:
                    if other[1] is not pat and (
                            other_segment is not segment or other[2].end() <= m.start()
                            or m.end() <= other[2].start()):
                        for seg, mm in ((segment, match), (other_segment, other)):
                            if not mm[1].strong:
                                self.paired.setdefault(id(mm[0]), {}).setdefault(
                                    (id(seg), id(mm[1]), mm[2].start()), (seg, mm))


class _SourceLanguage:
    """The source language in evidence: given, or detected from the segments' source texts."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.given = base_lang(ctx.source_lang)
        self.sample: list[str] = []

    def feed(self, segment: Segment) -> None:
        if not self.given and segment.source and len(self.sample) < _SOURCE_SAMPLE:
            self.sample.append(segment.source)

    def language(self) -> str | None:
        if self.given:
            return self.given
        if not self.sample:
            return None
        cached: str | None = self.ctx.state.get("calque_source_detected")
        if cached is None:
            from tqcheck.langid import detect_document_language

            cached = base_lang(detect_document_language(self.sample)) or ""
            self.ctx.state["calque_source_detected"] = cached
        return cached or None


def _hit(segment: Segment, pack: CalquePack, pat: CalquePattern, m: re.Match[str]) -> Hit:
    """TQ601's finding for one match of a pattern."""
    start, end = pat.span(m)
    rewrite = calque_rewrite(pat, m)
    return Hit(start, end, f"{pack.name} calque [{pack.source}:{pat.id}]: {pat.message}",
               suggestion=pat.suggestion, segment=segment,
               fix=(rewrite,) if rewrite else None, severity=pat.severity)


def _applies(pack: CalquePack, pattern: CalquePattern, source: str) -> bool:
    """Whether ``pattern`` is a calque of MT from ``source``."""
    return source == pack.source or source in pack.also or source in pattern.also


def _in_evidence(pack: CalquePack, source: str | None, matched: Iterable[CalquePattern]) -> bool:
    """Whether ``pack``'s patterns report: its source language is the one in evidence, or (none
    being known) one of its strong patterns matched in the document."""
    if source:
        return source == pack.source or source in pack.also
    return any(p.strong for p in matched)


#: How far (in lines of the file) the evidence of a strong match reaches when no source language
#: is given: a file may hold many documents (a corpus, a test set, a site's articles one after
#: another), and one strong phrase of a pack is evidence of MT from that language for the
#: document it stands in, not for every text of the file.
_EVIDENCE_REACH = 60


def _line_of(hit: Hit) -> int:
    return hit.segment.line if hit.segment is not None else 0


#: Strong matches of one pack (in segments of their own) that make its source language the
#: whole file's: MT from that language throughout, not one document among others.
_FILE_EVIDENCE = 3


def _strong_lines(strong: Iterable[Hit]) -> list[int] | None:
    """The lines of a pack's strong hits, in order, or None where they stand in
    :data:`_FILE_EVIDENCE` segments or more (the whole file is in reach)."""
    lines = sorted({_line_of(h) for h in strong})
    return None if len(lines) >= _FILE_EVIDENCE else lines


def _in_reach(lines: list[int] | None, line: int) -> bool:
    """Whether ``line`` is within :data:`_EVIDENCE_REACH` lines of one of ``lines`` (all are
    where ``lines`` is None: :func:`_strong_lines`)."""
    if lines is None:
        return True
    at = bisect.bisect_left(lines, line - _EVIDENCE_REACH)
    return at < len(lines) and lines[at] <= line + _EVIDENCE_REACH


def _near_evidence(found: list[tuple[CalquePattern, Hit]]) -> list[Hit]:
    """The hits of a pack in evidence by its strong matches (no source language given): every
    hit where the pack's strong matches stand in :data:`_FILE_EVIDENCE` segments or more;
    otherwise the strong hits and the others within :data:`_EVIDENCE_REACH` lines of one."""
    lines = _strong_lines(h for p, h in found if p.strong)
    if lines == []:
        return []
    return [h for p, h in found if p.strong or _in_reach(lines, _line_of(h))]


def calque_rewrite(pattern: CalquePattern, m: re.Match[str]) -> tuple[int, int, str] | None:
    """The edit of a pattern's ``replacement`` for one match, with the match's initial capital
    kept (``On the territory of`` → ``In``), or None when the pattern has none."""
    if pattern.replacement is None:
        return None
    try:
        new = m.expand(pattern.replacement)
    except (re.error, IndexError):
        return None
    if new and m.group()[:1].isupper():
        new = new[0].upper() + new[1:]
    elif new and m.group()[:1].islower():
        new = new[0].lower() + new[1:]
    return m.start(), m.end(), new


#: The any-source pack (grammar-level interference, ``mul-en.toml``).
_ANY_SOURCE = "mul"


def _specific_first(hits: list[Hit]) -> list[Hit]:
    """``hits`` without the any-source pack's where a pack of a named source language flags
    the same words (``discussed about`` is in both): one finding, naming the source."""
    mark = f"[{_ANY_SOURCE}:"
    general = [h for h in hits if mark in h.message]
    if not general:
        return hits
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for h in hits:
        if mark not in h.message:
            taken[id(h.segment)].append((h.start, h.end))
    return [h for h in hits if mark not in h.message
            or not any(s < h.end and h.start < e for s, e in taken.get(id(h.segment), ()))]


@register("TQ601", "calque-phrase", Severity.WARNING, scope="document", fix="unsafe")
class CalquePhrases:
    """A phrase copied word for word from the source language (from the calque packs).

    What it does:
        Matches the patterns of the calque packs of the source language in evidence — given with
        ``--source-lang`` or by the file, or detected from the segments' source text — and names
        the pack and pattern in the message.  Without a source language only the patterns that
        fluent text never uses report (and the rest of a pack within 60 lines of where one of those
        matched: a file may hold many documents), and, as info, any other match with a second
        calque construction (another entry, at another place) in the same or the two paragraphs
        before or after it: two calques side by side are a translation showing through, where
        one alone may be a writer's choice.  Packs
        exist per direction: Arabic, Russian, Ukrainian, Chinese, Turkish, Spanish, Persian,
        French, German, Japanese, Korean, Italian, Portuguese, Polish, Czech, Hebrew, Hindi,
        Dutch, Vietnamese, Indonesian, Greek, Romanian, Thai and the Scandinavian languages into
        English (Russian's also for Bulgarian, Serbian and the post-Soviet languages, Polish's
        for Slovene and Croatian, Hindi's for the other Indian languages) ("said
        yesterday, Wednesday,", "according to the words of", "emphasized on", "in the nearest
        future", "Tanaka-san", "discussed about"), and English into German,
        French, Spanish, Russian, Arabic, Portuguese, Italian, Dutch, Polish, Ukrainian, Czech,
        Turkish, Persian, Hebrew, Chinese, Japanese, Korean, Swedish, Danish, Norwegian, Finnish,
        Romanian, Greek, Bulgarian, Hungarian, Croatian, Serbian (Latin and Cyrillic), Slovak,
        Slovene, Estonian, Lithuanian, Latvian, Indonesian and Vietnamese ("eine Entscheidung
        nehmen", "appliquer pour", "tomar lugar", "иметь встречу", "سوف لن", "een beslissing
        maken", "napraviti odluku", "membayar perhatian").
        Besides phrases, packs hold grammar-level interference that many phrases share: an
        any-source pack into English (``mul``) flags English mass nouns in the plural
        ("informations", "an information"), verb frames with a copied particle ("discussed
        about", "entered into the room", "requested for", "depend from"), "since ten years",
        "increased by 3 times", "rose on 5%", "has arrived yesterday", "more easier", "the"
        before a title and name or a country, and a bare singular noun as subject ("said that
        minister will"); the
        English packs into other targets flag capitalised months, weekdays and nationality
        adjectives ("le gouvernement Français"), English ordinal suffixes ("3rd"), English Title
        Case ("Informe Anual Sobre La Situación"), verb government copied from English
        ("dépendre sur", "attendre pour le bus", "stolz über"), light verbs ("es nimmt fünf
        Minuten", "дать речь"), English word order ("dass er wird zurücktreten", "Gestern er
        besuchte"), a possessive before a body part, and the English date order.
        An entry fluent in some registers reports as info.  A source-anchored entry reports
        only when the segment's source has its construction (a false friend: "actually" where
        the Spanish source says "actualmente"; "Billionen" or "billones" where the English
        source says "billion").  Packs are TOML files a user can extend.

    Why it matters:
        Calques are grammatical but unidiomatic: they mark a text as machine-translated and can shift
        meaning ("In return" implies an exchange that never happened).

    Example:
        ``the minister said yesterday, Wednesday, that`` → ``[ar:weekday-apposition]``, suggests
        ``on Wednesday``.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.setup = _setup(ctx)
        self.packs = self.setup.packs
        self.source = _SourceLanguage(ctx)
        self.found: dict[int, list[tuple[CalquePattern, Hit]]] = defaultdict(list)
        # With no source language given, a pack's other patterns report only where one of its
        # strong ones matched in the document.  Until a segment brings a source text (whose
        # language the finish may detect), only the strong patterns run: the segments wait
        # with their strong matches, and the finish runs the other patterns of the packs in
        # evidence over them (most documents have none).  Past _DEFER_CHARS the wait ends.
        # The waiting segments in order, and the strong matches of those that have any (by
        # place in the list: a pair per segment would be one more object per segment for the
        # garbage collector to walk, and most segments have no strong match).
        self.deferred: list[Segment] | None = None if ctx.source_lang else []
        self.deferred_strong: dict[int, tuple[_Match, ...]] = {}
        self.deferred_chars = 0
        self.cooccurrence = None if ctx.source_lang else _CoOccurrence(self.setup)
        #: The co-occurrence sample while it reads (None once it has read its characters).
        self.sampling = self.cooccurrence

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if segment.source:  # most prose has none: no call then
            self.source.feed(segment)
            if self.deferred is not None:
                self._run_deferred()
        if (sample := self.sampling) is not None:
            sample.feed(segment)
            if sample.left <= 0:
                self.sampling = None
        if self.deferred is not None:
            strong = self.setup.strong_matches(segment.text)
            if strong:
                self.deferred_strong[len(self.deferred)] = strong
                self._record(segment, strong)
            self.deferred.append(segment)
            self.deferred_chars += len(segment.text)
            if self.deferred_chars > _DEFER_CHARS:
                self._run_deferred()
            return
        matches: Iterable[_Match] = self._every_match(segment.text)
        if segment.source and self.setup.anchored:
            matches = [*matches, *((pack, pat, m) for pack, pat in self.setup.anchored
                                   if pat.anchored_in(segment)
                                   for m in pat.regex.finditer(segment.text))]
        self._record(segment, matches)

    def _every_match(self, text: str) -> Iterable[_Match]:
        """The matches of every pattern in ``text``.  With no source language given, TQ602 asks
        for the strong patterns' matches: the strong ones and the others are then searched
        apart (the strong ones once for both checks) and merged in pattern order."""
        if self.ctx.source_lang:
            return self.setup.matches(text)
        return self.setup.in_order(self.setup.strong_matches(text),
                                   self.setup.others(self.every_pack).matches(text))

    @cached_property
    def every_pack(self) -> frozenset[int]:
        return frozenset(id(pack) for pack in self.packs)

    def _run_deferred(self) -> None:
        """End the wait: every pattern on the waiting segments, as if run when they came."""
        waiting, self.deferred = self.deferred or [], None
        self.deferred_strong = {}
        self.found.clear()
        for segment in waiting:
            self._record(segment, self._every_match(segment.text))

    def _finish_deferred(self, waiting: list[Segment]) -> None:
        """The other patterns of the packs in evidence (a strong match) on the segments that
        waited, their matches in the order every pattern run at once would give."""
        evident = frozenset(id(pack) for pack in self.packs
                            if any(p.strong for p, _ in self.found.get(id(pack), ())))
        others = self.setup.others(evident) if evident else None
        if others is None or not others.patterns:
            return
        # Without a source language, a pack's other matches report only within
        # _EVIDENCE_REACH lines of its strong ones (unless those stand in _FILE_EVIDENCE
        # segments: _near_evidence): the other patterns run on the segments in reach alone.
        reach = [_strong_lines(h for _, h in self.found[key]) for key in evident]
        lines = None if None in reach else sorted(
            line for at in reach if at is not None for line in at)
        for key in evident:
            self.found[key] = []
        strong_of = self.deferred_strong
        # Most segments are out of reach and have no strong match: one comparison of their
        # line with the span of the reach skips them (the loop is over every segment).
        low, high = (lines[0] - _EVIDENCE_REACH, lines[-1] + _EVIDENCE_REACH) if lines else (
            0, -1)
        for place, segment in enumerate(waiting):
            if lines is not None and not (low <= segment.line <= high
                                          and _in_reach(lines, segment.line)):
                if place in strong_of:  # out of reach: the strong matches only
                    self._record(segment, [m for m in strong_of[place] if id(m[0]) in evident])
                continue
            strong = [m for m in strong_of.get(place, ()) if id(m[0]) in evident]
            self._record(segment, self.setup.in_order(strong, others.matches(segment.text)))

    def _record(self, segment: Segment, matches: Iterable[_Match]) -> None:
        for pack, pat, m in matches:
            self.found[id(pack)].append((pat, _hit(segment, pack, pat, m)))

    def _paired(self, pack: CalquePack) -> list[Hit]:
        """The matches of ``pack`` with another calque construction close by (no source language
        in evidence and no strong match of the pack: :class:`_CoOccurrence`)."""
        if self.cooccurrence is None:
            return []
        paired = self.cooccurrence.paired.get(id(pack), {})
        # Info: the evidence is the pair, not the language; a careful writer may use one of them.
        hits = (_hit(segment, pack, pat, m) for segment, (_, pat, m) in paired.values())
        return [replace(h, severity=Severity.INFO,
                        message=f"{h.message} (with another calque construction close by)")
                for h in hits]

    def finish(self) -> list[Hit]:
        if self.deferred:
            self._finish_deferred(self.deferred)
        hits: list[Hit] = []
        source = self.source.language()
        for pack in self.packs:
            found = self.found.get(id(pack), [])
            if source:
                hits.extend(h for p, h in found if _applies(pack, p, source))
            elif found and _in_evidence(pack, None, (p for p, _ in found)):
                near = _near_evidence(found)
                hits.extend(near)
                # Past the reach of the pack's strong matches, a match with another calque
                # construction close by still reports (as info, like any pair).  (The other
                # patterns did not run there when the document's text waited: _finish_deferred.)
                if paired := self._paired(pack):
                    taken = {(id(h.segment), h.start, h.end) for h in near}
                    hits.extend(h for h in paired
                                if (id(h.segment), h.start, h.end) not in taken)
            else:
                hits.extend(self._paired(pack))
        return _specific_first(hits)


@register("TQ602", "conjunction-chain", Severity.INFO, scope="document")
class ConjunctionChains:
    """Paragraphs that keep opening with "And" — the Arabic و chain.

    What it does:
        Counts paragraphs that start with a chain word of the applicable calque packs ("And" for
        Arabic) and, when at least two do (one, when the source language is known to be the
        pack's), flags each of them.  It reports only for a pack whose
        source language is in evidence: given, detected from the source text, or (neither) shown
        by a strong phrase of the pack (TQ601) in the same document.

    Why it matters:
        Arabic links sentences and paragraphs with و ("and"); MT keeps it, and English paragraphs
        starting with "And" again and again read as a translation.

    Example:
        ``And the Ukrainian Foreign Minister had said …`` … ``And Antalya's trip is …`` → both flagged.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.setup = _setup(ctx)
        self.packs = self.setup.packs
        self.words: dict[str, tuple[CalquePack, str]] = {}
        for pack in self.packs:
            for w in pack.chain_words:
                self.words.setdefault(w, (pack, w))
        #: A paragraph whose first word is a chain word starts with it (or with white space).
        self.starts = tuple(self.words)
        self.found: dict[str, list[Hit]] = defaultdict(list)
        self.source = _SourceLanguage(ctx)
        self.evidence: dict[int, list[CalquePattern]] = defaultdict(list)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not self.words:
            return
        if segment.source:  # most prose has none: no call then
            self.source.feed(segment)
        if not self.ctx.source_lang:  # evidence is a strong match (_in_evidence)
            for pack, pat, _ in self.setup.strong_matches(segment.text):
                self.evidence[id(pack)].append(pat)
        text = segment.text
        if segment.kind not in {"paragraph", "quote"} or not (
                text.startswith(self.starts) or text[:1].isspace()):
            return
        first = text.split(None, 1)[0] if text.strip() else ""
        if first in self.words:
            pack, w = self.words[first]
            self.found[w].append(Hit(0, len(w), f"paragraph opens with '{w}' ({pack.name} "
                                     f"conjunction chain)", suggestion="drop it or use a real link",
                                     segment=segment))

    def finish(self) -> list[Hit]:
        hits: list[Hit] = []
        source = self.source.language() if self.found else None
        for w, found in self.found.items():
            pack, _ = self.words[w]
            if not _in_evidence(pack, source, self.evidence[id(pack)]):
                continue
            # With the source language known to be the pack's, one paragraph is the calque
            # already; found only through the pack's phrases, the chain must be a chain.
            known = bool(source) and _in_evidence(pack, source, ())
            if len(found) >= (1 if known else pack.chain_min):
                hits.extend(found)
        return hits
