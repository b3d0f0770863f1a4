"""The CLI, driven with click's CliRunner: exact output lines and exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck import __version__
from tqcheck.cli import cli, main

from .conftest import SEED


def run(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    if cwd is not None:
        with runner.isolated_filesystem(temp_dir=cwd):
            pass
    result = runner.invoke(cli, list(args), standalone_mode=False, catch_exceptions=False)
    code = result.return_value if isinstance(result.return_value, int) else result.exit_code
    return code, result.stdout, result.stderr


@pytest.fixture
def doubled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text("The talks resumed in in Antalya.\n\nprevious conversations\n\nThey ended.\n",
                    encoding="utf-8")
    return path


def test_version() -> None:
    _code, out, _ = run("--version")
    assert out == f"tqcheck, version {__version__}\n"


def test_text_output_exact(doubled: Path) -> None:
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--no-color")
    assert code == 1
    assert out.splitlines() == [
        "doc.txt:1:19: TQ101 doubled word: 'in in'",
        "    The talks resumed in in Antalya.",
        "                      ^^^^^",
        "    suggestion: in",
        "    fix (safe): replace 'in in' with 'in'",
        "doc.txt:3:1: TQ202 orphan lowercase heading: 'previous conversations'",
        "    previous conversations",
        "    ^^^^^^^^^^^^^^^^^^^^^^",
        "    suggestion: Previous conversations",
        "    fix (unsafe): capitalise: 'Previous conversations'",
        "Found 2 findings (1 error, 1 warning) in 1 file: repetition 1, structure 1. "
        "Gate failed: 2 findings at or above warning (--fail-on warning).",
        "1 fixable with --fix (1 more with --fix --unsafe-fixes); --diff shows the changes.",
    ]


def test_select_ignore_and_fail_on(doubled: Path) -> None:
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--select", "TQ2", "-q", "--no-show-source")
    assert (code, out) == (1, "doc.txt:3:1: TQ202 orphan lowercase heading: 'previous conversations'\n")
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--ignore", "TQ101,structure")
    assert (code, out) == (0, "No findings in 1 file.\n")
    code, _, _ = run("audit", "doc.txt", "--lang", "en", "--select", "TQ202", "--fail-on", "error")
    assert code == 0
    code, _, _ = run("audit", "doc.txt", "--lang", "en", "--fail-on", "never")
    assert code == 0
    code, _, err = run("audit", "doc.txt", "--select", "TQ999")
    assert code == 2
    assert err == "tqcheck: error: unknown check code, prefix or category: 'TQ999'\n"


def test_json_report(doubled: Path) -> None:
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["schema_version"] == 1
    assert data["summary"]["total"] == 2
    assert data["summary"]["by_category"] == {"repetition": 1, "structure": 1}
    first = data["findings"][0]
    assert {k: first[k] for k in ("path", "line", "col", "end_line", "end_col", "code", "category",
                                  "severity", "suggestion")} == {
        "path": "doc.txt", "line": 1, "col": 19, "end_line": 1, "end_col": 24, "code": "TQ101",
        "category": "repetition", "severity": "error", "suggestion": "in"}
    assert data["files"][0]["lang"] == "en"
    assert data["signature"]["tool"] == "tqcheck"


def test_output_file_written_atomically_and_audited_file_untouched(doubled: Path) -> None:
    before = doubled.read_bytes()
    out = doubled.parent / "report.json"
    out.write_text("old", encoding="utf-8")
    code, stdout, _ = run("audit", "doc.txt", "--lang", "en", "--format", "json", "-o", str(out))
    assert code == 1 and stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["total"] == 2
    assert doubled.read_bytes() == before
    assert [p.name for p in doubled.parent.iterdir() if p.name.startswith(".report")] == []
    # The temporary file is private; the report gets the mode a plain open() gives.
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_unwritable_report_is_a_one_line_error(doubled: Path) -> None:
    target = doubled.parent / "r.json"
    target.mkdir()  # a folder where the report should go: the rename fails, even for root
    code, _, stderr = run("audit", "doc.txt", "--lang", "en", "--format", "json",
                          "-o", str(target))
    assert code == 2
    assert stderr.strip().splitlines() == [f"tqcheck: error: {target}: cannot write: "
                                           "Is a directory"]
    assert [p.name for p in doubled.parent.iterdir() if p.name.startswith(".r.json")] == []


def test_missing_file_exit_2_other_files_still_audited(doubled: Path) -> None:
    code, out, err = run("audit", "nope.txt", "doc.txt", "--lang", "en", "-q", "--no-show-source")
    assert code == 2
    assert out.splitlines() == [
        "doc.txt:1:19: TQ101 doubled word: 'in in'",
        "doc.txt:3:1: TQ202 orphan lowercase heading: 'previous conversations'",
    ]
    # Errors go to standard error in every format (issue 12): stdout is the report alone.
    assert err == "tqcheck: error: nope.txt: no such file\n"


def test_config_in_pyproject_and_flags_override(doubled: Path) -> None:
    (doubled.parent / "pyproject.toml").write_text(
        '[tool.tqcheck]\nselect = ["TQ202"]\nlang = "en"\nfail-on = "error"\n', encoding="utf-8")
    code, out, _ = run("audit", "doc.txt", "-q", "--no-show-source")
    assert (code, out) == (0, "doc.txt:3:1: TQ202 orphan lowercase heading: 'previous conversations'\n")
    code, _, _ = run("audit", "doc.txt", "-q", "--fail-on", "warning")
    assert code == 1


def test_unknown_config_key_is_an_error(doubled: Path) -> None:
    (doubled.parent / "tqcheck.toml").write_text('selct = ["TQ1"]\n', encoding="utf-8")
    code = main(["audit", "doc.txt"])
    assert code == 2


def test_unknown_config_key_message(doubled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (doubled.parent / "tqcheck.toml").write_text('selct = ["TQ1"]\n', encoding="utf-8")
    main(["audit", "doc.txt"])
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "tqcheck.toml: unknown key 'selct'" in err


def test_rules_and_rule() -> None:
    code, out, _ = run("rules")
    lines = out.splitlines()
    assert lines[0].split() == ["CODE", "SLUG", "CATEGORY", "SEVERITY", "FIX", "SUMMARY"]
    by_code = {line.split()[0]: line.split()[4] for line in lines[1:]}
    assert (by_code["TQ101"], by_code["TQ102"], by_code["TQ103"]) == ("safe", "unsafe", "none")
    assert any(line.startswith("TQ101  doubled-word") for line in lines)
    code, out, _ = run("rule", "TQ102")
    assert out.startswith("TQ102 doubled-coordination (repetition, warning, fix: unsafe)\n")
    assert "Why it matters:" in out and "Example:" in out
    code, out, _ = run("rule", "doubled-word")
    assert out.startswith("TQ101 doubled-word")
    code, _, err = run("rule", "TQ999")
    assert code == 2 and err == "tqcheck: error: unknown check 'TQ999' (see 'tqcheck rules')\n"


def test_seed_exit_status_and_summary() -> None:
    code, out, _ = run("audit", str(SEED), "--no-color")
    assert code == 1
    assert out.splitlines()[-2].startswith("Found ")
    assert out.splitlines()[-1] == ("3 fixable with --fix (7 more with --fix --unsafe-fixes); "
                                    "--diff shows the changes.")


def test_console_script_help_is_fast_and_light() -> None:
    # --help must not import the check machinery or any detector.
    probe = ("import sys, tqcheck.cli as c; c.main(['--help']); "
             "print(sorted(m for m in sys.modules if m.startswith(('langdetect', 'sacrebleu', "
             "'tqcheck.checks', 'ctranslate2', 'argostranslate'))))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"
