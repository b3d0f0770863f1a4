"""The shipped analysis of the built-in calque patterns (tqcheck/checks/calque_store.py): current,
and what the analysis itself gives."""

from __future__ import annotations

import json
import random
import re
from importlib import resources

from tqcheck import calque_store
from tqcheck.checks._prefilter import Source, factors
from tqcheck.checks.calque import _substring_rarity, _word_rank, builtin_packs
from tqcheck.checks.calque_pattern import compile_pattern
from tqcheck.datapack import builtin_folder

REBUILD = "stale: run python scripts/build_calque_analysis.py"


def _file() -> dict[str, object]:
    return json.loads(resources.files("tqcheck").joinpath(
        "data", calque_store.FILE).read_text(encoding="utf-8"))


def test_the_file_is_current() -> None:
    # Written by this code, with these lexicons: a process reads it (else it analyses every
    # pattern itself: seconds).
    data = _file()
    assert data["code"] == calque_store.code_fingerprint(), REBUILD
    langs = data["langs"]
    assert isinstance(langs, dict)
    for lang, entries in langs.items():
        assert entries["lexicon"] == calque_store.lexicon_fingerprint(lang), REBUILD


def test_it_holds_nearly_every_built_in_pattern() -> None:
    # A pattern added since the file was written is analysed when needed (slower, same result).
    patterns = [p for pack in builtin_packs() for p in pack.patterns]
    held = sum(1 for p in patterns if calque_store.regex_entry(p.lang, p.source_regex))
    assert held >= 0.95 * len(patterns), REBUILD


def test_stored_analysis_is_the_analysis() -> None:
    # What the file says of a pattern is what analysing it gives (a sample each run; the word
    # and token sets as sets: which of two equally common words a set keeps may vary).
    patterns = [p for pack in builtin_packs() for p in pack.patterns
                if calque_store.regex_entry(p.lang, p.source_regex)]
    for pat in random.Random().sample(patterns, 60):
        stored = calque_store.regex_entry(pat.lang, pat.source_regex)
        assert stored is not None
        fresh = pat.analysis()
        # The necessary strings: each stored set is one of the pattern's (which of two equally
        # selective sets comes first may vary).
        every = set(factors(Source(pat.source_regex, re.MULTILINE),
                            _substring_rarity(pat.lang), keep=1000))
        assert all(frozenset(s) in every for s in stored["f"]), pat.id
        assert len(stored["f"]) == len(fresh["f"]), pat.id
        for key in ("x", "s"):
            if key in stored:
                assert stored[key] == fresh[key], (pat.id, key)
        assert (stored["w"] is None) == (fresh["w"] is None), pat.id
        for key in ("w", "t"):
            if stored.get(key) is not None:
                assert len(stored[key]) == len(fresh[key]), (pat.id, key)


def test_stored_match_patterns_compile_as_stored() -> None:
    for _, raw in builtin_folder("calque"):
        lang = str(raw.get("targets", ["en"])[0])
        matches = [str(p["match"]) for p in raw.get("pattern", []) if "match" in p]
        for match in random.Random().sample(matches, min(5, len(matches))):
            stored = calque_store.compiled_match(lang, match)
            if stored is None:
                continue
            compiled = compile_pattern(match, _word_rank(lang), validate=False)
            assert stored == (compiled.regex, compiled.keywords), match


def test_a_source_reads_the_flags_a_compiled_pattern_has() -> None:
    # Global flags written in the pattern ("(?i)…") count: the analysis of case-sensitive parts
    # reads them (an uncompiled "(?i)März" is no case-sensitive "März").
    for pat in (p for pack in builtin_packs() for p in pack.patterns):
        assert Source(pat.source_regex, re.MULTILINE).flags == pat.regex.flags, pat.id


def test_a_stored_pattern_is_indexed_by_its_rarest_words_at_once() -> None:
    # With its analysis shipped, a pattern leaves its keywords for its rarest set of whole words
    # the first time a text selects it (not after _INDEX_AFTER selections): "called the 112" is
    # keyed on "called", never on "the".
    from tqcheck.checks.calque import _make_setup

    setup = _make_setup(list(builtin_packs()), "en", None).strong()
    i = next(i for i, (_, p) in enumerate(setup.patterns) if p.id == "called-the-emergency-number")
    assert setup.patterns[i][1]._stored
    setup._find("They called the police.")
    keys = {k for k, v in setup._index.items() if i in v}
    assert "called" in keys and "the" not in keys
