"""The ninth round's fast paths find what the regexes they stand in for find."""

from __future__ import annotations

import random

from tqcheck.checks.consistency import _APOSTROPHE_WORD, _apostrophe_words
from tqcheck.checks.repetition import _HYPHEN_DOUBLE, _may_double_hyphen

_TRICKY = ["don't and don’t", "rock'n'roll", "'tis", "l'", "_a'b", "a'b_", "2a'b", "a'b2",
           "Straße'STRASSE", "Σ'ς", "Ⅻa'b", "²a'b ²a'b", "Houses-houses along", "long-term",
           "x-Houses-houses", "Houses-houses-x", "İstanbul-istanbul", "²abcd-²abcd",
           "abcd-abcd2", "Abcd-aBCD.", "rumah-rumah", "well-known"]


def _texts(alphabet: str, n: int) -> list[str]:
    rng = random.Random(7)
    return _TRICKY + ["".join(rng.choice(alphabet) for _ in range(rng.randint(3, 14)))
                      for _ in range(n)]


def test_apostrophe_words_are_the_regex_matches() -> None:
    for text in _texts("ab'’_1²ßΣ -Ⅻ", 20000):
        assert [(s, e) for s, _, e in _apostrophe_words(text)] == [
            m.span() for m in _APOSTROPHE_WORD.finditer(text)], text


def test_a_hyphen_double_needs_runs_of_one_length() -> None:
    for text in _texts("abAB-_ 1²İiı.", 20000):
        if _HYPHEN_DOUBLE.search(text):
            assert _may_double_hyphen(text), text
    assert not _may_double_hyphen("well-known and long-terms")
