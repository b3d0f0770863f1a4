from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SEED, run
from tqcheck.model import Category, Finding, Severity
from tqcheck.report.github import annotation, command, escape_data, escape_property


def _finding(message: str, path: str = "docs/a.md", **kw: object) -> Finding:
    values: dict = {"code": "TQ101", "slug": "doubled-word", "category": Category.REPETITION,
                    "severity": Severity.ERROR, "message": message, "path": path, "line": 3,
                    "col": 5, "end_line": 3, "end_col": 12, **kw}
    return Finding(**values)


def test_escape_data() -> None:
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_data("%0A") == "%250A"  # escaped once, not twice


def test_escape_property() -> None:
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"


def test_annotation_escapes_message_and_properties() -> None:
    f = _finding("50% of it:\nthe, the", path="docs/x,y:z.md", suggestion="use 'the'")
    assert annotation(f) == (
        "::error file=docs/x%2Cy%3Az.md,line=3,col=5,endLine=3,endColumn=12,"
        "title=TQ101 doubled-word::50%25 of it:%0Athe, the%0ASuggestion: use 'the'")


@pytest.mark.parametrize(("severity", "name"), [(Severity.ERROR, "error"),
                                                (Severity.WARNING, "warning"),
                                                (Severity.INFO, "notice")])
def test_severity_commands(severity: Severity, name: str) -> None:
    assert annotation(_finding("m", severity=severity)).startswith(f"::{name} ")


def test_multi_line_span_has_no_end_column() -> None:
    line = annotation(_finding("m", end_line=4, end_col=2))
    assert "endLine=4" in line and "endColumn" not in line


def test_command_without_properties() -> None:
    assert command("notice", "a%b") == "::notice::a%25b"


def test_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    status, out, _ = run(capsys, "seed.txt", "--format", "github", "-q")
    assert status == 1
    lines = out.splitlines()
    assert len(lines) == 23
    assert all(line.startswith(("::error file=seed.txt,", "::warning file=seed.txt,",
                                "::notice file=seed.txt,")) for line in lines)
    # A tie of two spellings is one inconsistency: the spelling used first is a notice, the
    # one that departs from it (Dmitry, line 13) the warning.
    assert lines[0] == ("::notice file=seed.txt,line=1,col=95,endLine=1,endColumn=101,"
                        "title=TQ501 name-variants::name spelled two ways: 'Dmytro' (1×) and "
                        "'Dmitry' (line 13, 1×); used first (a tie: the other spelling departs "
                        "from it)")
    assert any(line.startswith("::warning file=seed.txt,line=13,") and "'Dmitry'" in line
               for line in lines)
