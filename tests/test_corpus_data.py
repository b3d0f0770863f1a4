"""Validate the project's labelled MT-artifact corpus (corpora/mt-artifacts.jsonl).

The corpus is data; these tests check that every span points at the
text it claims, that labels come from tqcheck's categories, that clean passages stay clean, and
that the committed JSONL is exactly what corpora/build.py produces from corpora/src/.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tqcheck.model import Category

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpora"
JSONL = CORPUS_DIR / "mt-artifacts.jsonl"

CATEGORIES = {c.value for c in Category}
KEYS = {"id", "source_lang", "lang", "register", "text", "artifacts", "clean", "split"}
ARTIFACT_KEYS = {"category", "kind", "start", "end", "text"}
LANGS = {"en", "de", "fr", "es", "ru", "ar", "zh", "tr", "uk", "fa", "ja", "it", "pt", "ko", "pl",
         "he", "nl", "cs", "sv", "da", "fi", "el", "ro", "hu", "bg", "vi", "id", "hi", "bn", "th",
         "sk", "sr"}
REGISTERS = {"news", "tech", "official"}


def _load_build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("corpora_build", CORPUS_DIR / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def passages() -> list[dict[str, Any]]:
    lines = JSONL.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_every_line_is_a_passage_with_the_documented_keys(passages: list[dict[str, Any]]) -> None:
    assert passages
    for p in passages:
        assert set(p) == KEYS, p["id"]
        assert isinstance(p["text"], str) and p["text"].strip() == p["text"], p["id"]
        assert p["lang"] in LANGS, p["id"]
        assert p["register"] in REGISTERS, p["id"]
        assert isinstance(p["clean"], bool), p["id"]
        assert "\n\n\n" not in p["text"], p["id"]


def test_ids_are_unique(passages: list[dict[str, Any]]) -> None:
    duplicates = [i for i, n in Counter(p["id"] for p in passages).items() if n > 1]
    assert duplicates == []


def test_ids_name_the_language_pair(passages: list[dict[str, Any]]) -> None:
    for p in passages:
        if p["clean"]:
            assert p["id"].startswith(f"clean-{p['lang']}-"), p["id"]
        else:
            assert p["id"].startswith(f"{p['source_lang']}-{p['lang']}-"), p["id"]


def test_offsets_match_the_text(passages: list[dict[str, Any]]) -> None:
    for p in passages:
        for a in p["artifacts"]:
            assert set(a) == ARTIFACT_KEYS, p["id"]
            assert 0 <= a["start"] < a["end"] <= len(p["text"]), (p["id"], a)
            assert p["text"][a["start"] : a["end"]] == a["text"], (p["id"], a)


def test_categories_come_from_the_fixed_set_and_kinds_are_slugs(
    passages: list[dict[str, Any]],
) -> None:
    for p in passages:
        for a in p["artifacts"]:
            assert a["category"] in CATEGORIES, (p["id"], a)
            assert a["kind"] and a["kind"] == a["kind"].lower(), (p["id"], a)
            assert all(c.isalnum() or c == "-" for c in a["kind"]), (p["id"], a)


def test_artifacts_are_sorted_and_do_not_overlap(passages: list[dict[str, Any]]) -> None:
    for p in passages:
        spans = [(a["start"], a["end"]) for a in p["artifacts"]]
        assert spans == sorted(spans), p["id"]
        for (_, end), (start, _) in pairwise(spans):
            assert end <= start, p["id"]


def test_clean_passages_have_no_artifacts_and_artifact_passages_have_some(
    passages: list[dict[str, Any]],
) -> None:
    for p in passages:
        if p["clean"]:
            assert p["artifacts"] == [], p["id"]
            assert p["source_lang"] is None, p["id"]
        else:
            assert p["artifacts"], p["id"]
            assert p["source_lang"] in LANGS and p["source_lang"] != p["lang"], p["id"]


def test_name_variants_come_in_pairs(passages: list[dict[str, Any]]) -> None:
    # Every occurrence of both spellings is marked, so a passage never has just one.  The second
    # set of writers (numbers 301 and up, corpora/README.md) marks only the deviant mention.
    for p in passages:
        if int(p["id"][-3:]) >= 301:
            continue
        for kind in ("name-variant", "spelling-variant"):
            marked = {a["text"] for a in p["artifacts"] if a["kind"] == kind}
            assert len(marked) != 1, (p["id"], kind, marked)


def test_corpus_is_big_enough(passages: list[dict[str, Any]]) -> None:
    dirty = [p for p in passages if not p["clean"]]
    clean = [p for p in passages if p["clean"]]
    assert len(dirty) >= 70
    assert sum(len(p["artifacts"]) for p in dirty) >= 250
    assert len(clean) >= 40
    assert sum(len(p["text"].split()) for p in clean) >= 4000
    assert {a["category"] for p in dirty for a in p["artifacts"]} >= CATEGORIES - {"fidelity"}


def test_split_follows_the_documented_rule(passages: list[dict[str, Any]]) -> None:
    # README "Splits": numbers below 101 are dev; from 101 to 200, held out when the first byte of
    # the SHA-256 of the id is even; from 201 to 300, blind; from 301, blind2 when that byte is
    # even, otherwise dev2; from 501, blind3; from 701, blind4 when that byte is even, otherwise
    # dev3.  Recomputed here independently of build.py.
    import hashlib

    for p in passages:
        number = int(p["id"][-3:])
        even = hashlib.sha256(p["id"].encode()).digest()[0] % 2 == 0
        if number >= 701:
            assert p["split"] == ("blind4" if even else "dev3"), p["id"]
        elif number >= 501:
            assert p["split"] == "blind3", p["id"]
        elif number >= 301:
            assert p["split"] == ("blind2" if even else "dev2"), p["id"]
        elif number >= 201:
            assert p["split"] == "blind", p["id"]
        else:
            assert p["split"] == ("held-out" if number >= 101 and even else "dev"), p["id"]
    held = [p for p in passages if p["split"] == "held-out"]
    assert any(p["clean"] for p in held)
    assert {p["lang"] for p in held if not p["clean"]} >= {"en", "de", "fr", "es", "ru"}
    blind = [p for p in passages if p["split"] == "blind"]
    assert any(p["clean"] for p in blind)
    assert {p["lang"] for p in blind if not p["clean"]} >= {"en", "de", "fr", "es", "ru", "ko"}


def test_jsonl_is_up_to_date_with_the_sources(tmp_path: Path) -> None:
    build = _load_build()
    out = tmp_path / "mt-artifacts.jsonl"
    assert build.main(["--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == JSONL.read_text(encoding="utf-8"), (
        "corpora/mt-artifacts.jsonl is stale: run `python corpora/build.py`"
    )


def test_readme_counts_are_up_to_date() -> None:
    build = _load_build()
    table = build.counts_table(build.build())
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    start = readme.index(build.COUNTS_START) + len(build.COUNTS_START)
    end = readme.index(build.COUNTS_END)
    assert readme[start:end] == "\n" + table, "README counts are stale: run corpora/build.py"


def test_build_rejects_malformed_sources(tmp_path: Path) -> None:
    build = _load_build()
    bad = tmp_path / "bad.txt"
    bad.write_text(
        "@@ id=xx-en-001 source=xx lang=en register=news\nA [[nonsense/kind|span]] here.\n",
        encoding="utf-8",
    )
    with pytest.raises(build.SourceError, match="unknown category"):
        build.parse_file(bad)
    bad.write_text(
        "@@ id=clean-en-001 lang=en register=news clean\nA [[calque/x|span]] here.\n",
        encoding="utf-8",
    )
    with pytest.raises(build.SourceError, match="clean passage has markers"):
        build.parse_file(bad)
