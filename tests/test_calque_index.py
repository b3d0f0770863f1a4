"""The token index of the calque search: whole tokens every match holds (token_sets), the
case-sensitive strings (exact_factors), and a search that finds what running every pattern its
keywords select finds."""

from __future__ import annotations

import bisect
import itertools
import math
import re

import pytest

from tqcheck.checks import calque
from tqcheck.checks._prefilter import exact_factors, exact_strings, token_sets, word_sets
from tqcheck.checks.calque import (
    _by_word,
    _make_setup,
    _parse_pack,
    _word_frequency,
    builtin_packs,
    load_packs,
)
from tqcheck.checks.text import TOKEN_SEPARATORS, folded_tokens, folded_word_set


def _tokens(regex: str, flags: int = 0) -> set[frozenset[str]]:
    return set(token_sets(re.compile(regex, flags), TOKEN_SEPARATORS))


@pytest.mark.parametrize(("regex", "expected"), [
    # Words with white space (or a separator) on each side are whole tokens ...
    (r"(?i:(?<!\w)according\s+to\s+the\s+words\s+of(?!\w))", [{"to"}, {"the"}, {"words"}]),
    # ... a word at a (?<!\w) or (?!\w) edge is not: "-according", "of’s" are other tokens.
    (r"(?<!\w)foo(?!\w)", []),
    # The start of a line, a look-behind ending in white space, a look-ahead starting with one.
    (r"^foo\s", [{"foo"}]),
    (r"(?<=\s)foo(?=\s)", [{"foo"}]),
    (r"(?<=\s)foo(?=[,.])", [{"foo"}]),
    (r"(?<=x)foo(?=\s)", []),
    # Alternatives: one token of each, the set of them.
    (r"\s(?:two|three)\s+(?:cat|dog)s?\s", [{"two", "three"}, {"cat", "cats", "dog", "dogs"}]),
    (r"\s(?:two|three)\s+(?:cat|dog)\s", [{"two", "three"}, {"cat", "dog"}]),
    # An alternative without a whole token: the group says nothing.
    (r"\s(?:two|\d+)\s+dog\s", [{"dog"}]),
    # Optional words, repeated words, any word: not required or not known.
    (r"\sa(?:\s+big)?\s+dog\s", [{"a"}, {"dog"}]),
    (r"\s(?:\w+\s+){1,3}dog\s", [{"dog"}]),
    # Punctuation splits tokens as folded_tokens splits them; a hyphen does not.
    (r",\s*foo-bar\s*;", [{"foo-bar"}]),
    (r"\sfoo\.bar\s", [{"foo"}, {"bar"}]),
    # Case: tokens are folded.
    (r"\sFoo\s", [{"foo"}]),
    # What a look-ahead sees is in the text too.
    (r"\sfoo(?=\s+bar\s)", [{"foo"}, {"bar"}]),
    # A word list of hundreds of words is one set.
    (r"\s(?:" + "|".join(f"w{i}" for i in range(500)) + r")\s",
     [{f"w{i}" for i in range(500)}]),
])
def test_token_sets(regex: str, expected: list[set[str]]) -> None:
    assert _tokens(regex) == {frozenset(s) for s in expected}


def test_token_sets_skip_sets_implied_by_others() -> None:
    got = _tokens(r"\s(?:a|b)\s+(?:a|b|c)\s")
    assert got == {frozenset({"a", "b"})}


def test_exact_factors_keep_case_sensitive_capitals() -> None:
    assert exact_factors(re.compile(r"(?:^|(?<=\.\s))(?:Said|Added)\s+that")) == (
        frozenset({"Said", "Added"}),)
    assert exact_factors(re.compile(r"(?i:said)\s+that")) == ()  # folded: no case to keep
    assert exact_factors(re.compile(r"(?i)(?-i:Said)\s+that")) == (frozenset({"Said"}),)
    assert exact_factors(re.compile(r"(?:Said|added)\s+that")) == ()  # "added": no capital


def test_exact_strings_of_a_pattern_without_keywords_keep_their_case() -> None:
    # Tested on the text itself: "DI" of a title, not every "di" of the folded text.
    assert exact_strings(re.compile(r"(?<!\w)(?:Ing\.|DI|mgr\s+inż\.)\s+[A-Z]")) == frozenset(
        {"Ing.", "DI", "inż."})
    assert exact_strings(re.compile(r"(?i:said)\s+that")) == frozenset({"that"})
    assert exact_strings(re.compile(r"(?i)said\s+that")) == frozenset()


def _variants(texts: list[str]) -> list[str]:
    """Texts and variants of them: case, the letters folding and the regex engine read apart,
    words glued to marks, odd white space (half of the kinds, by turns)."""
    variants = []
    for k, t in enumerate(texts):
        kinds = [t.upper(), t.replace(" ", "  \n "), t.replace(" ", "-", 2),
                 "'" + t.replace(" ", " '", 3), t.replace("i", "ı", 1).replace("I", "İ"),
                 t.replace("s", "ſ", 2), f"«{t}» … {t.lower()}"]
        variants += kinds[k % 2::2]
    return texts + variants


def _texts() -> list[str]:
    """Every example and counterexample of every built-in pack, and variants."""
    return _variants([t for pack in builtin_packs() for p in pack.patterns
                      for t in (p.example, p.counterexample) if t])


@pytest.mark.parametrize("pack", builtin_packs(), ids=lambda p: f"{p.source}-{p.targets[0]}")
def test_every_match_holds_its_token_sets_and_strings(pack: object) -> None:
    # Over every pattern of the pack and every example, counterexample and variant of the pack:
    # where the regex matches, the text's folded tokens hold one token of each of the
    # pattern's token sets (unless the text has ı or İ, which the search reads by keywords
    # alone), the text holds one string of each case-sensitive set, and an ASCII text passes
    # the strings by word.
    texts = _variants([t for p in pack.patterns  # type: ignore[attr-defined]
                       for t in (p.example, p.counterexample) if t])
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    joined = "\n".join(texts)
    missed = []
    frequency = _word_frequency(pack.targets[0])  # type: ignore[attr-defined]
    with_sets = 0
    for pat in pack.patterns:  # type: ignore[attr-defined]
        sets = token_sets(pat.regex, TOKEN_SEPARATORS, frequency)
        with_sets += bool(sets)
        exact = exact_factors(pat.regex)
        if not pat.keywords and (strings := exact_strings(pat.regex)):
            exact = (*exact, strings)  # a pattern without keywords tests them on every text
        by_word = [_by_word(s, frequency) for s in pat.open_factors]
        for i in sorted({bisect.bisect_right(starts, m.start()) - 1
                         for m in pat.regex.finditer(joined)}):
            text = texts[i]
            if not pat.regex.search(text):
                continue  # the match ran over two texts
            tokens = folded_tokens(text)
            if "ı" not in text and "İ" not in text and any(
                    s.isdisjoint(tokens) for s in sets):
                missed.append(("tokens", pat.id, text))
            if "ı" not in text and "İ" not in text and any(
                    s.isdisjoint(folded_word_set(text)) for s in word_sets(pat.regex) or ()):
                missed.append(("words", pat.id, text))
            if any(not any(s in text for s in strings) for strings in exact):
                missed.append(("exact", pat.id, text))
            if text.isascii():
                prepared = f" {' '.join(text.lower().split())} "
                for words, strings_of, free in by_word:
                    candidates = [*free, *(s for w in words.intersection(tokens)
                                           for s in strings_of[w])]
                    if not any(s in prepared for s in candidates):
                        missed.append(("strings", pat.id, text))
    assert not missed, missed[:10]


@pytest.mark.parametrize(("regex", "expected"), [
    # \b and (?<!\w) … (?!\w) bound whole words (runs of letters and digits) ...
    (r"(?i:(?<!\w)according\s+to\s+the\s+words\s+of(?!\w))",
     [{"according"}, {"to"}, {"the"}, {"words"}, {"of"}]),
    (r"\bfoo\b", [{"foo"}]),
    (r"(?<![\w-])foo(?![\w-])", [{"foo"}]),
    # ... and a hyphen or an apostrophe separates them.
    (r"\bre-call\b", [{"re"}, {"call"}]),
    (r"\bdon't\b", [{"don"}, {"t"}]),
    # Alternatives with a word in common: that word, and the rarest other word of each.
    (r"\b(?:call|called|dial)\s+the\s+(?:112|911)(?!\d)", [{"the"}, {"call", "called", "dial"}]),
    # A word without a boundary on one side is none: "112th", "recall".
    (r"(?:call|dial)\s+the\s+112", [{"the"}]),
    (r"\b112", []),
])
def test_word_sets(regex: str, expected: list[set[str]]) -> None:
    assert set(word_sets(re.compile(regex)) or ()) == {frozenset(s) for s in expected}


def test_word_sets_need_unicode_word_characters() -> None:
    # Where \w is ASCII's, "é" ends a word: "caf" is a match of \bcaf\b in "café".
    assert word_sets(re.compile(r"\bcaf\b", re.ASCII)) is None
    assert word_sets(re.compile(r"(?a)\bcaf\b")) is None


def test_folded_word_set() -> None:
    assert folded_word_set("He re-called the 112.") == {"he", "re-called", "re", "called",
                                                        "the", "112"}
    assert folded_word_set("Don’t go") == {"don", "t", "go"}  # ’ is a token separator
    assert folded_word_set("Don't go") == {"don't", "don", "t", "go"}
    assert folded_word_set("Straße-Bahn x_y") == {"strasse-bahn", "strasse", "bahn", "x", "y"}
    plain = "No hyphen here"
    assert folded_word_set(plain) is calque.folded_token_set(plain)


def test_rarer_words_than_stop_words_index_a_pattern() -> None:
    # A pattern is indexed by its rarest set of words: never by the commonest words of its
    # language alone when its regex spells out a rarer set, even behind \b ("called the 112":
    # "called", not "the"; a pack's own keywords "the" included).
    from tqcheck.checks.calque import _index_setup
    from tqcheck.datapack import builtin_lines

    keyed_on_stop_words = []
    for pack in builtin_packs():
        lang = pack.targets[0]
        stop = list(dict.fromkeys(line.lstrip("+") for line in builtin_lines(
            f"lexicon/{lang}.txt") or ()))[:30]
        if not stop:
            continue
        frequency = _word_frequency(lang)
        setup = _index_setup([pack], [(pack, p) for p in pack.patterns])
        for i, (_, pat) in enumerate(setup.patterns):
            if i in setup.always:
                continue
            setup._conditions(i)
            keys = {k for k, v in setup._index.items() if i in v}
            sets = [*(word_sets(pat.regex) or token_sets(pat.regex, TOKEN_SEPARATORS)),
                    pat.keywords]
            # fsum: the exact sum, whatever order a set gives its words in (a plain sum of the
            # same three words could differ in its last bit with the hash seed).
            if keys <= set(stop) and any(s and math.fsum(map(frequency, s)) < math.fsum(map(
                    frequency, keys)) for s in sets):
                keyed_on_stop_words.append((pack.source, lang, pat.id, sorted(keys)))
    assert not keyed_on_stop_words
    setup = _make_setup(list(builtin_packs()), "en", None).strong()
    i = next(i for i, (_, p) in enumerate(setup.patterns)
             if p.id == "called-the-emergency-number")
    setup._conditions(i)
    assert "the" not in {k for k, v in setup._index.items() if i in v}


def test_most_patterns_have_token_sets() -> None:
    # The index does work: most patterns need whole words a set lookup finds.
    patterns = [p for pack in builtin_packs() for p in pack.patterns]
    with_sets = sum(1 for p in patterns if token_sets(p.regex, TOKEN_SEPARATORS))
    assert with_sets > 0.7 * len(patterns)


def _everything(setup: object, text: str) -> list[tuple[str, str, tuple[int, int]]]:
    """What running every pattern its keywords select finds (the search without an index)."""
    tokens = set(folded_tokens(text))
    return [(pack.source, pat.id, m.span()) for pack, pat in setup.patterns  # type: ignore
            if not pat.keywords or not pat.keywords.isdisjoint(tokens)
            for m in pat.regex.finditer(text)]


def _directions() -> list[str]:
    return sorted({t for pack in builtin_packs() for t in pack.targets if t != "*"})


@pytest.mark.parametrize("target", _directions())
def test_indexed_search_finds_what_every_pattern_finds(target: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A fresh setup (the index changes as patterns are first selected; here every pattern goes
    # into it when first selected), every text twice: the indexed search finds exactly what the
    # search by keywords alone and running every pattern its keywords select find, in the same
    # order, before and after the index settled.
    monkeypatch.setattr(calque, "_INDEX_AFTER", 1)
    setup = _make_setup(list(builtin_packs()), target, None)
    texts = _texts()
    for _ in range(2):
        for text in texts:
            found = [(pack.source, pat.id, m.span()) for pack, pat, m in setup._find(text)]
            plain = [(pack.source, pat.id, m.span())
                     for pack, pat, m in setup._find_by_keywords(text)]
            assert found == plain == _everything(setup, text), text


def test_keyword_overrides_still_gate(tmp_path: object) -> None:
    # A pattern whose keywords a pack writes runs only on text holding one of them, as before:
    # the index adds tests, it never drops the keywords.
    raw = {"source": "xx", "targets": ["en"], "pattern": [
        {"id": "kw", "regex": r"\bfoo\s+bar\b", "keywords": ["baz"], "message": "m"},
        {"id": "plain", "match": "qux quux", "message": "m"},
    ]}
    pack = _parse_pack(raw, "user.toml")
    setup = _make_setup([pack], "en", None)
    for _ in range(calque._INDEX_AFTER + 1):  # before and after the index takes the patterns
        assert [p.id for _, p, _ in setup._find("a foo bar here")] == []
        assert [p.id for _, p, _ in setup._find("a foo bar baz")] == ["kw"]
        assert [p.id for _, p, _ in setup._find("Qux  QUUX")] == ["plain"]
        assert [p.id for _, p, _ in setup._find("quxquux qux")] == []


def test_user_packs_are_indexed_by_their_own_words(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "mine.toml"
    path.write_text('source = "xx"\ntargets = ["en"]\n[[pattern]]\nid = "w"\n'
                    'match = "the (zorbly|glarb) (of|in) the"\nmessage = "m"\n',
                    encoding="utf-8")
    packs = load_packs([path])
    setup = _make_setup(packs, "en", "xx")
    text = "They met at the zorbly of the town; the glarb in the end."
    for _ in range(calque._INDEX_AFTER):
        setup._find(text)
    assert [(p.id, m.span()) for _, p, m in setup._find(text)] == [
        ("w", m.span()) for m in re.finditer("the (zorbly of|glarb in) the", text)]
    assert "zorbly" in setup._index_keys


# --- Without a source language: the other patterns wait for a strong match -------------------

def _calques(text: str, **options: object) -> list[tuple[str, int, int]]:
    from tqcheck.audit import AuditOptions, audit_text

    report = audit_text(text, AuditOptions(select=("TQ601",), lang="en", **options))  # type: ignore[arg-type]
    return [(f.message.split("]")[0], f.line, f.col) for f in report.findings]


#: A weak Russian calque ("In the framework of", reported only with the pack in evidence) two
#: paragraphs before a strong one ("in the frames of").
_WEAK_THEN_STRONG = ("In the framework of the program, 40 schools were repaired.\n\n"
                     "The weather was fine.\n\n"
                     "Talks were held in the frames of the summit.\n")


def test_a_strong_match_later_in_the_document_brings_in_the_earlier_weak_ones() -> None:
    found = _calques(_WEAK_THEN_STRONG)
    assert ("Russian calque [ru:in-the-framework-of", 1, 1) in found
    assert any("in-the-frames-of" in m for m, _, _ in found)
    # In document order, as if every pattern had run as the text came.
    assert [line for _, line, _ in found] == sorted(line for _, line, _ in found)


@pytest.mark.must_pass("TQ601")
def test_weak_matches_alone_report_nothing_without_a_source_language() -> None:
    assert _calques(_WEAK_THEN_STRONG.replace("in the frames of", "during")) == []


def test_the_wait_ending_early_gives_the_same_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _WEAK_THEN_STRONG * 3
    waited = _calques(text)
    monkeypatch.setattr(calque, "_DEFER_CHARS", 10)  # every pattern runs from the first paragraph
    assert _calques(text) == waited != []


def test_a_pack_may_not_use_one_id_twice(tmp_path: object) -> None:
    """Findings, suppressions and baselines name an entry by its id: two entries of one pack with
    the same id are refused as the pack loads (the built-in packs included: they load here)."""
    from pathlib import Path

    from tqcheck.errors import ConfigError

    entry = '[[pattern]]\nid = "w"\nmatch = "the zorbly of"\nmessage = "m"\n'
    path = Path(str(tmp_path)) / "twice.toml"
    path.write_text('source = "xx"\ntargets = ["en"]\n' + entry + entry, encoding="utf-8")
    with pytest.raises(ConfigError, match="'w' is used twice"):
        load_packs([path])
    path.write_text('source = "xx"\ntargets = ["en"]\n' + entry + entry.replace('"w"', '"w2"'),
                    encoding="utf-8")
    assert [p.id for p in load_packs([path])[-1].patterns] == ["w", "w2"]
