"""A report carries what its formatters need: its rules, signature, baseline state and encoding;
no formatter imports the check registry, and the rules are selected once per audit."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import json
from pathlib import Path

import pytest

import tqcheck.checks.registry as registry
from tqcheck.cli import main
from tqcheck.model import Signature

from .conftest import ROOT, SEED


def test_no_formatter_imports_the_registry() -> None:
    for path in sorted((ROOT / "tqcheck" / "report").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and node.module}
        imported |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                     for a in node.names}
        assert not {m for m in imported if m.startswith("tqcheck.checks")}, path.name


def test_rules_are_selected_once_per_audit(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    calls = []
    original = registry.select_rules

    def counting(*args: object, **kwargs: object) -> list[registry.Rule]:
        calls.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(registry, "select_rules", counting)
    # the module, not the public function of the same name
    audit_module = importlib.import_module("tqcheck.audit")
    monkeypatch.setattr(audit_module, "select_rules", counting)
    out = tmp_path / "r.sarif"
    assert main(["audit", str(SEED), "--format", "json", "--output", f"sarif={out}",
                 "-j", "1"]) == 1
    assert len(calls) == 1
    report = json.loads(capsys.readouterr().out)
    sarif = json.loads(out.read_text(encoding="utf-8"))
    # the rules the report carries are those SARIF describes, with their documentation pages
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == report["signature"]["checks"]
    assert rules[0]["helpUri"].endswith("/checks/TQ101.html")


def test_baseline_state_travels_in_the_report(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    baseline = tmp_path / "b.json"
    assert main(["audit", str(SEED), "--write-baseline", str(baseline), "--format", "json",
                 "-j", "1"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["baseline"]["file"] == str(baseline)
    assert data["baseline"]["known"] == len(data["findings"]) > 0


def test_signature_is_typed_and_names_sacrebleu_only_when_chrf_scores(tmp_path: Path) -> None:
    import tqcheck

    plain = tqcheck.audit([SEED], tqcheck.Settings.of(jobs=1)).signature
    assert isinstance(plain, Signature) and plain.sacrebleu is None
    assert list(plain.as_dict()) == ["tool", "version", "checks", "langid"]
    ref = tmp_path / "ref.txt"
    ref.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    scored = tqcheck.audit([SEED], tqcheck.Settings.of(jobs=1, ref=str(ref))).signature
    assert scored is not None and "TQ801" in scored.checks
    assert scored.sacrebleu is not None and scored.sacrebleu.startswith("nrefs:1|case:mixed")


def test_no_check_opens_a_file() -> None:
    # Readers pair sources and resources (reference, glossary) are handed to checks
    # (``CheckContext.resources``); data tables come through ``tqcheck.datapack``.
    banned_calls = {"open", "read_text", "read_bytes", "read_lines", "iter_lines", "XmlSource",
                    "read_source_lines"}
    for path in sorted((ROOT / "tqcheck" / "checks").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        called = {node.func.attr if isinstance(node.func, ast.Attribute) else
                  getattr(node.func, "id", "") for node in ast.walk(tree) if isinstance(node, ast.Call)}
        assert not called & banned_calls, (path.name, called & banned_calls)


def test_every_formatter_takes_a_report_and_its_options() -> None:
    """Audit and score reports go through one formatter interface, ``(report, options)``; no
    score renderer of its own (a former ``score_render.render(report, fmt, failures, worst)``)."""
    import inspect

    from tqcheck.report import FORMATTERS, SCORE_FORMATTERS, get_formatter, get_score_formatter

    assert set(SCORE_FORMATTERS) == {"text", "json", "csv"}
    formatters = [get_formatter(n) for n in FORMATTERS]
    formatters += [get_score_formatter(n) for n in SCORE_FORMATTERS]
    for formatter in formatters:
        assert list(inspect.signature(formatter).parameters) == ["report", "options"], formatter
    assert importlib.util.find_spec("tqcheck.score_render") is None


def test_score_formatters_render_the_gate_carried_by_the_report(tmp_path: Path) -> None:
    from dataclasses import replace

    from tqcheck.report import RenderOptions, get_score_formatter
    from tqcheck.score import GateFailure, score

    hyp = ["The cat sat on the mat.", "A dog barked at night."]
    ref = ["The cat sat on the mat.", "A dog barked loudly at night."]
    report = score([("hyp", hyp)], [ref], ["chrf"], n_bootstrap=0)
    gated = replace(report, failures=(GateFailure("hyp", "chrf", 80.0, 99.0),))
    text = get_score_formatter("text")
    assert "gate failed" not in text(report, RenderOptions())
    assert text(gated, RenderOptions()).endswith("\ngate failed: hyp: chrF 80.00 < 99\n")
    assert "worst 1 segments by chrF2:" in text(report, RenderOptions(worst=1))
    data = json.loads(get_score_formatter("json")(gated, RenderOptions()))
    assert data["gate"] == {"passed": False, "failures": ["hyp: chrF 80.00 < 99"]}
    assert json.loads(get_score_formatter("json")(report, RenderOptions()))["gate"]["passed"]
    assert get_score_formatter("csv")(gated, RenderOptions()).splitlines()[0].startswith("system")
