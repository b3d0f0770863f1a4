"""The public API: ``import tqcheck`` names, the documented examples, and the promise that the
library and the command line report the same findings."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from dataclasses import fields

import pytest

import tqcheck
from tqcheck.cli import main

from .conftest import ROOT, SEED

PUBLIC = {"audit", "audit_text", "fix_text", "rules", "Finding", "Report", "Settings", "Rule", "ExitStatus",
          "ReadSettings", "LanguageSettings", "FidelitySettings", "DecodeSettings",
          "OutputSettings", "__version__"}


def test_docs_api_examples_run() -> None:
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted > 20
    assert result.failed == 0


def test_public_names_are_exactly_the_documented_ones() -> None:
    assert set(tqcheck.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(tqcheck, name) is not None
    with pytest.raises(AttributeError):
        tqcheck.AuditOptions  # noqa: B018 - internal names are not public


def test_finding_has_the_promised_fields() -> None:
    names = {f.name for f in fields(tqcheck.Finding)}
    assert {"code", "line", "col", "end_line", "end_col", "message", "severity", "category",
            "suggestion"} <= names


def test_import_is_lazy() -> None:
    code = ("import sys, tqcheck; heavy = [m for m in ('tqcheck.audit', 'tqcheck.checks.registry',"
            " 'tqcheck.config', 'click') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    assert out.stdout.strip() == "[]"


def _key(f: tqcheck.Finding) -> tuple[object, ...]:
    return (f.code, f.line, f.col, f.end_line, f.end_col, f.message, f.severity, f.category,
            f.suggestion, f.text, f.suppressed)


def test_audit_text_of_the_seed_equals_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from_library = tqcheck.audit_text(SEED.read_text(encoding="utf-8"))
    assert main(["audit", str(SEED), "--format", "json", "-j", "1"]) == 1
    from_cli = json.loads(capsys.readouterr().out)["findings"]
    assert len(from_library) == len(from_cli) > 20
    for lib, cli in zip(from_library, from_cli, strict=True):
        assert (lib.code, lib.line, lib.col, lib.end_line, lib.end_col, lib.message) == (
            cli["code"], cli["line"], cli["col"], cli["end_line"], cli["end_col"], cli["message"])
        assert (lib.severity.value, lib.category.value) == (cli["severity"], cli["category"])
    # and the library's file audit, finding for finding
    report = tqcheck.audit([SEED], tqcheck.Settings.of(jobs=1))
    assert [_key(f) for f in report.findings] == [_key(f) for f in from_library]


def test_audit_text_reads_other_formats_and_keeps_their_positions() -> None:
    md = "# Title\n\nSome `code code` here and and there.\n"
    found = tqcheck.audit_text(md, lang="en", format="markdown", select="TQ101")
    assert [(f.line, f.col, f.text) for f in found] == [(3, 23, "and and")]
    assert {f.path for f in found} == {"<text>"}


def test_audit_text_errors_are_one_line() -> None:
    from tqcheck.errors import InputError

    with pytest.raises(InputError, match="unknown input format 'docx'"):
        tqcheck.audit_text("x", format="docx")
    with pytest.raises(InputError, match="<text>"):
        tqcheck.audit_text('{"a": ', format="json")


def test_settings_know_their_flags_and_keys() -> None:
    from tqcheck.config import KEYS, option_of

    assert option_of("round_trip_via").flag == "--round-trip-via"
    assert KEYS["models-dir"][1] == "models_dir"
    # options that were read but could not be set are reachable now
    for key in ("compute-type", "progress", "ref-chrf-k"):
        assert key in KEYS
    with pytest.raises(TypeError, match="unknown setting"):
        tqcheck.Settings.of(colour=True)


def test_every_configuration_key_is_documented() -> None:
    from tqcheck.config import KEYS

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [k for k in KEYS if f"`{k}`" not in readme] == []


def test_audit_help_lists_the_settings_flags(capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.commands.options import AUDIT_SETTINGS
    from tqcheck.config import option_of

    assert main(["audit", "--help"]) == 0
    out = capsys.readouterr().out
    for name in AUDIT_SETTINGS:
        assert option_of(name).flag in out, name
