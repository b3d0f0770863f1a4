"""Fast paths of the checks give the same answers as the plain searches they replace."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from tqcheck.checks.structure import _stop_after

TRUNCATION = Path(__file__).resolve().parents[1] / "tqcheck" / "data" / "truncation.toml"


def _plain_stop_after(words: frozenset[str]) -> re.Pattern[str]:
    """TQ205's search before the fast path: every word tried at every position."""
    return re.compile(r"(?<![\w.'’-])(?:" + "|".join(sorted(map(re.escape, words), key=len,
                                                               reverse=True))
                      + r")\.(?!\.)", re.IGNORECASE)


def _stop_texts(words: frozenset[str]) -> list[str]:
    """Texts around every word of a language: before a stop, an ellipsis, after a hyphen, a dot,
    an apostrophe, a digit or a letter, in other cases, inside longer words."""
    out = []
    for w in sorted(words):
        for text in (f"Call us {w}.", f"Call us {w}..", f"Call us -{w}.", f"Call us x.{w}.",
                     f"Call us l'{w}.", f"Call us 1{w}.", f"Call us x{w}.", f"{w}.",
                     f"{w.upper()}.", f"{w.title()}. Next", f"({w}.)", f"«{w}.»", f"{w}x.",
                     f"{w}.{w}", f"a {w} b. c {w}.", f"’{w}.", f"{w[:-1]}."):
            out.append(text)
    return out


@pytest.mark.parametrize("lang", sorted(tomllib.loads(TRUNCATION.read_text(encoding="utf-8"))
                                        ["never_before_stop"]))
def test_tq205_stop_search_matches_the_plain_search(lang: str) -> None:
    words = frozenset(tomllib.loads(TRUNCATION.read_text(encoding="utf-8"))
                      ["never_before_stop"][lang])
    fast, plain = _stop_after(words), _plain_stop_after(words)
    texts = _stop_texts(words)
    found = [t for t in texts if plain.search(t)]
    assert found, "the texts must hold matches"
    assert [t for t in texts if fast.search(t)] == found
    # ... at the same places (the fast search ends at the stop itself)
    for t in found:
        assert [m.end() for m in fast.finditer(t)] == [m.end() for m in plain.finditer(t)]


def test_tq705_is_gated_off_only_where_it_looks_for_no_language() -> None:
    from tqcheck.checks.engine import resolve_gate
    from tqcheck.checks.gates import Gate
    from tqcheck.checks.registry import CheckContext, all_rules
    from tqcheck.langdata import load_language

    rule = next(r for r in all_rules() if r.code == "TQ705")

    def gate(lang: str, source: str | None = None) -> Gate | None:
        return resolve_gate(rule, CheckContext("<text>", lang, load_language(lang),
                                                source_lang=source))

    # English words are no residue in English: without a source language the gate opens only
    # on a number word of another language or an interface verb; with a source that shares no
    # script with English, nowhere.
    english = gate("en")
    assert english is not None and english.regex is None and not english.strings
    assert {"click", "miliar"} <= english.words and "the" not in english.words
    assert gate("en", "ja") == Gate()
    assert gate("de") is None and gate("uk") is None and gate("fr", "es") is None


def _calque_directions() -> list[str]:
    from tqcheck.checks.calque import builtin_packs

    return sorted({t for pack in builtin_packs() for t in pack.targets if t != "*"})


@pytest.mark.parametrize("target", _calque_directions())
def test_calque_patterns_without_keywords_run_on_every_text_holding_their_strings(
        target: str) -> None:
    # A text holding one necessary string of each set of a pattern without keywords (the
    # strings every match holds) is searched by it: the cheap test before it never skips one.
    from tqcheck.checks._prefilter import fold
    from tqcheck.checks.calque import _builtin_setup

    setup = _builtin_setup(target, None)
    for i in setup.always:
        sets = setup.patterns[i][1].factors
        for strings in sets[:1]:
            for s in strings:
                text = " ".join([s, *(min(other) for other in sets[1:])])
                assert i in setup._always_open(fold(text)), (setup.patterns[i][1].id, s)
                assert i in setup._always_open(fold(text.upper())), (setup.patterns[i][1].id, s)


#: Real text of each target language in ../shared/data (a test skips a target without it).
_REAL = {"en": ["ntrex/newstest2019-src.eng.txt", "tatoeba/tatoeba.deu-eng.eng"],
         "ru": ["ntrex/newstest2019-ref.rus.txt"], "ar": ["ntrex/newstest2019-ref.arb.txt"],
         "de": ["tatoeba/tatoeba.deu-eng.deu"], "fr": ["tatoeba/tatoeba.fra-eng.fra"],
         "es": ["tatoeba/tatoeba.spa-eng.spa"], "uk": ["tatoeba/tatoeba.ukr-eng.ukr"],
         "tr": ["tatoeba/tatoeba.tur-eng.tur"], "he": ["tatoeba/tatoeba.heb-eng.heb"],
         "fa": ["tatoeba/tatoeba.pes-eng.pes"], "zh": ["tatoeba/tatoeba.cmn-eng.cmn"]}


@pytest.mark.parametrize("target", sorted(_REAL))
def test_calque_search_on_real_text_finds_what_every_pattern_finds(target: str) -> None:
    # The calque search (keyword index, the tests of the patterns without keywords, the
    # necessary strings) finds exactly what running every pattern its keywords allow finds: on
    # real lines of the target language, and on every pack example of the target set between
    # two real lines (a matching entry in the middle of real text).
    from tests.conftest import shared_file
    from tqcheck.checks.calque import _builtin_setup
    from tqcheck.checks.text import folded_tokens

    lines: list[str] = []
    for name in _REAL[target]:
        text = shared_file(*name.split("/")).read_text(encoding="utf-8")
        lines += [line for line in text.splitlines() if line.strip()][:300]
    setup = _builtin_setup(target, None)
    examples = [p.example for _, p in setup.patterns if p.example]
    texts = lines + [f"{lines[k % len(lines)]} {e} {lines[(k + 1) % len(lines)]}"
                     for k, e in enumerate(examples)]
    texts += [t.upper() for t in texts[len(lines):]]
    found_some = 0
    for text in texts:
        tokens = set(folded_tokens(text))
        everything = [(pack.source, pat.id, m.span()) for pack, pat in setup.patterns
                      if not pat.keywords or not pat.keywords.isdisjoint(tokens)
                      for m in pat.regex.finditer(text)]
        found = [(pack.source, pat.id, m.span()) for pack, pat, m in setup._find(text)]
        assert found == everything, text
        found_some += bool(found)
    assert found_some >= len(examples) // 2  # the examples do match


def test_tq502_hyphen_test_opens_wherever_a_hyphenated_word_stands() -> None:
    # TQ502 looks for hyphenated words only in text with a hyphen between two letters: every
    # text where its search finds one has one.
    from tqcheck.checks.consistency import _HYPHENATED, _LETTER_HYPHEN_LETTER

    words = ["e-mail", "E-Mail", "co-operate", "веб-сайт", "Al-Qidra", "x-ray", "a-b", "ab-c",
             "1-2", "a-1", "-ab", "ab-", "a--b", "über-all", "ş-ğ", "l'e-mail", "ab_-cd", "Ωα-βγ"]
    texts = [f"{before}{w}{after}" for w in words for before in ("", " ", "(", "x", "'")
             for after in ("", ".", " x", "-", "'s")]
    texts += [f"{a} {b}" for a in words for b in words]
    hyphenated = [t for t in texts if _HYPHENATED.search(t)]
    assert len(hyphenated) > 100
    assert all(_LETTER_HYPHEN_LETTER.search(t) for t in hyphenated)
    assert not _LETTER_HYPHEN_LETTER.search("1-2 a- -b")


@pytest.mark.parametrize("lang", sorted({
    *tomllib.loads(TRUNCATION.read_text(encoding="utf-8"))["never_before_stop"],
    *tomllib.loads(TRUNCATION.read_text(encoding="utf-8"))["never_final"]}))
def test_tq205_one_stop_search_finds_every_text_either_search_finds(lang: str) -> None:
    # TQ205 searches a segment once for a stop after a word of either list; a text where that
    # search finds nothing must be one where neither test would find anything.
    from tqcheck.checks.structure import _before_stop, _clause_words, _stop_words

    before, clause = _before_stop(lang)[0], _clause_words(lang)
    union = _stop_after(_stop_words(lang))
    texts = _stop_texts(before | clause) + [f"Hello, {w}." for w in sorted(clause)]
    either = [t for t in texts if (before and _stop_after(before).search(t))
              or (clause and _stop_after(clause).search(t))]
    assert either, "the texts must hold matches"
    assert [t for t in texts if union.search(t)] == either


def test_tq502_hyphenated_words_are_the_matches_of_the_regex() -> None:
    # TQ502 tries its hyphenated-word regex only at the letters before a hyphen between two
    # letters: it must find the matches finditer finds, at the same places, with either regex.
    import random

    from tqcheck.checks.consistency import _ELIDED_HYPHENATED, _HYPHENATED, _hyphenated_words

    rnd = random.Random(502)
    pieces = ["ab", "a", "-", "--", " ", "'", "’", "1", "_", "cd", "Éé", "веб", "x", ".", "l'",
              "e", "-mail", "ş"]
    texts = ["", "-", "a-b", "ab-cd", "x1ab-cd-ef", "'ab-cd", "a-bc", "ab-c-de", "-ab-cd",
             "ab--cd", "ab-cd-", "Jean-Pierre l'e-mail", "cessez-le-feu, cease-fire",
             *("".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 16)))
               for _ in range(6000))]
    found = 0
    for pattern in (_HYPHENATED, _ELIDED_HYPHENATED):
        for text in texts:
            plain = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in _hyphenated_words(text, pattern)] == plain, text
            found += bool(plain)
    assert found > 300  # the texts hold hyphenated words for the test to lose
