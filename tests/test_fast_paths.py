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

    assert gate("en") == Gate()  # English words are no residue in English
    assert gate("de") is None and gate("uk") is None and gate("fr", "es") is None
