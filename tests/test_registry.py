"""Every registered check has a unique code and slug, full documentation, and a committed page."""

from __future__ import annotations

from tqcheck.checks.registry import CODE_FAMILIES, CODE_RE, all_rules, get_rule, select_rules
from tqcheck.docs import SECTIONS, expected_files
from tqcheck.model import Category

from .conftest import ROOT


def test_codes_and_slugs_unique_and_well_formed() -> None:
    rules = all_rules()
    codes = [r.code for r in rules]
    slugs = [r.slug for r in rules]
    assert len(codes) == len(set(codes))
    assert len(slugs) == len(set(slugs))
    for r in rules:
        assert CODE_RE.match(r.code)
        assert r.category == CODE_FAMILIES[r.code[2]], r.code
        assert r.category in Category


def test_every_check_is_documented() -> None:
    for r in all_rules():
        assert r.summary and r.summary.endswith((".", ")", '"')), r.code
        positions = [r.doc.find(s) for s in SECTIONS]
        assert all(p > 0 for p in positions), f"{r.code} lacks a section"
        assert positions == sorted(positions), r.code


def test_committed_docs_are_current() -> None:
    folder = ROOT / "docs" / "checks"
    for name, text in expected_files().items():
        assert (folder / name).read_text(encoding="utf-8") == text, (
            f"docs/checks/{name} is stale: run python -m tqcheck.docs docs/checks")
    committed = {p.name for p in folder.glob("TQ*.md")}
    assert committed == {n for n in expected_files() if n.startswith("TQ")}


def test_selection_by_prefix_slug_and_category() -> None:
    assert {r.code for r in select_rules(["TQ10"])} >= {"TQ101", "TQ102"}
    assert [r.code for r in select_rules(["doubled-word"])] == ["TQ101"]
    assert all(r.category.value == "residue" for r in select_rules(["residue"]))
    assert "TQ101" not in {r.code for r in select_rules([], ["TQ1"])}
    assert get_rule("tq101") is get_rule("doubled-word")
