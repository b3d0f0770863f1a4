"""The necessary-strings prefilter (tqcheck.checks._prefilter): a superset test, never a decision."""

from __future__ import annotations

import bisect
import itertools
import re

import pytest

from tqcheck.checks._prefilter import factors, fold, may_match, prepare, usable
from tqcheck.checks.calque import builtin_packs


def _cased() -> list[str]:
    out = []
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        c = chr(code)
        if c.lower() != c or c.upper() != c:
            out.append(c)
    return out


def test_fold_joins_what_a_case_insensitive_regex_joins() -> None:
    # Every pair of characters a (?i) regex takes as equal folds to one string: a text that
    # matches a literal holds the literal's folded form.
    from re import _casefix  # type: ignore[attr-defined]

    bad = []
    for c in _cased():
        others = {c.lower(), c.upper(), c.casefold(), c.title()}
        for key, extra in _casefix._EXTRA_CASES.items():
            if c in {chr(key), *map(chr, extra)}:
                others |= {chr(key), *map(chr, extra)}
        for d in others:
            if len(d) == 1 and re.fullmatch("(?i)" + re.escape(d), c) and fold(c) != fold(d):
                bad.append((c, d))
    assert not bad, bad[:10]


def test_fold_keeps_final_sigma_and_dotted_capital_i() -> None:
    assert fold("ΟΔΟΣ") == fold("οδοσ")
    assert "istanbul" in fold("İSTANBUL")
    assert fold("beſt") == "best"


@pytest.mark.parametrize(("regex", "expected"), [
    (r"(?i:(?<!\w)\d+,\d{1,2}\s?(?:%|million|billion))",
     ({"%", "million", "billion"}, {","})),  # " %" beside "%" says nothing more
    (r"[A-Z][a-z]+-(?:san|sama)", ({"-san", "-sama"},)),
    (r"(?i)according\s+to\s+the\s+words", ({"according to the words"},)),
    (r"(?i)according\s+to  the\s*,", ({"according to the ,", "according to the,"},)),
    (r"(?i)in\s+(?:the|a)\s+\w+\s+of", ({"in the ", "in a "}, {" of"})),
    (r"\s+", ()),
    (r"(?:a|b)(?:c|d)x", ({"acx", "adx", "bcx", "bdx"},)),
    (r"\w+", ()),
    (r"(?:foo|\d+)bar", ({"bar"},)),
    (r"(?:foo)?bar", ({"bar"},)),
])
def test_factors(regex: str, expected: tuple[set[str], ...]) -> None:
    got = factors(re.compile(regex))
    assert set(got) == {frozenset(s) for s in expected} and len(got) == len(expected)


def test_may_match() -> None:
    sets = factors(re.compile(r"(?i)[A-Z][a-z]+-(?:san|sama)"))
    assert may_match(sets, prepare("Ask Tanaka-SAN."))
    assert not may_match(sets, prepare("Ask Tanaka."))
    sets = factors(re.compile(r"(?i)according\s+to\s+the"))
    assert may_match(sets, prepare("ACCORDING\n to\tthe"))
    assert not may_match(sets, prepare("according to a"))


def _variants(text: str) -> list[str]:
    return [text, text.upper(), text.lower(), text.title(), text.replace("i", "İ"),
            text.replace("s", "ſ"), text.replace("I", "İ"), text.replace(" ", " \n\t ")]


def test_every_calque_pattern_match_passes_its_prefilter() -> None:
    # Every built-in pattern, over every example and counterexample of every pack (and a third
    # of their upper-case, lower-case and odd-letter variants): where the regex matches, the
    # prefilter lets the text through.
    patterns = [p for pack in builtin_packs() for p in pack.patterns]
    texts = [t for p in patterns for t in (p.example, p.counterexample) if t]
    texts += [v for t in texts for v in _variants(t)[1:]][::3]
    texts = [t for t in texts if usable(t)]
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    joined = "\n".join(texts)  # one search per pattern, then the texts it matched in
    missed = []
    for pattern in patterns:
        sets = pattern.factors
        for i in sorted({bisect.bisect_right(starts, m.start()) - 1
                         for m in pattern.regex.finditer(joined)}):
            text = texts[i]
            if pattern.regex.search(text) and not may_match(sets, prepare(text)):
                missed.append((pattern.id, text))
    assert not missed, missed[:10]
    # The prefilter does work: most patterns have necessary strings.
    assert sum(1 for p in patterns if p.factors) > 0.9 * len(patterns)


@pytest.mark.parametrize("target", ["en", "de", "ru"])
def test_calque_search_finds_what_its_keywords_select(target: str) -> None:
    # The shared search of the patterns without keywords and the necessary strings drop no
    # match: the calque search finds what running every pattern its keywords select finds.
    from tqcheck.checks.calque import _setup
    from tqcheck.checks.registry import CheckContext
    from tqcheck.checks.text import folded_tokens
    from tqcheck.langdata import load_language

    setup = _setup(CheckContext(path="x", lang=target, data=load_language(target)))
    patterns = [p for pack in builtin_packs() for p in pack.patterns]
    texts = [t for p in patterns for t in (p.example, p.counterexample) if t]
    texts += [v for t in texts for v in _variants(t)[1:]][::3]
    texts += ["Ask Tanaka-SAN today.", "Ask Kim-ssi.", "It rose 2,5 million.", "KİM-SSİ"]
    for text in texts:
        tokens = set(folded_tokens(text))
        selected = [i for i, (_, pat) in enumerate(setup.patterns)
                    if not pat.keywords or pat.keywords & tokens]
        everything = [(setup.patterns[i][0].source, setup.patterns[i][1].id, m.span())
                      for i in selected for m in setup.patterns[i][1].regex.finditer(text)]
        found = [(pack.source, pat.id, m.span()) for pack, pat, m in setup._find(text)]
        assert found == everything, text


def test_one_class_gate_searches_the_non_ascii_runs_first() -> None:
    # A gate on one class of non-ASCII characters opens exactly where it did when it searched
    # the whole chunk: the chunk's non-ASCII characters are all in its runs.
    from tqcheck.checks.gates import ChunkText, non_ascii_gate

    gate = non_ascii_gate("[،؛؟]")
    assert gate.one_class
    for text in ("plain “quoted” text\nand more", "ok، then؟\n“x”", "“only quotes”", "ascii",
                 "a\n،\nb؛c"):
        whole = sorted(m.span() for m in gate.regex.finditer(text))
        assert sorted(gate.spans(ChunkText(text))) == whole, text


def test_calque_setup_is_made_once_per_direction() -> None:
    # A corpus record is a document: the packs, patterns and keyword index of the built-in packs
    # are made once per target and source language, not once per document.
    from tqcheck.checks.calque import _setup
    from tqcheck.checks.registry import CheckContext
    from tqcheck.langdata import load_language

    def ctx(lang: str, source_lang: str | None) -> CheckContext:
        return CheckContext(path="x", lang=lang, data=load_language(lang), source_lang=source_lang)

    first = _setup(ctx("en", "ru"))
    assert _setup(ctx("en", "ru")) is first
    assert _setup(ctx("en", "ar")) is not first
    assert {pack.source for pack in _setup(ctx("en", "ar")).packs} != {"ru"}
