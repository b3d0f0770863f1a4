from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests._report_helpers import SAMPLE, run
from tests.conftest import count_opens
from tqcheck.audit import AuditOptions, audit, audit_segments
from tqcheck.model import Category, Finding, Segment, Severity
from tqcheck.suppress import (
    Directive,
    apply_directives,
    codes_from_flags,
    path_matches,
    per_file_directives,
    scan_comments,
)


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    status, out, _ = run(capsys, *args, "--format", "json")
    return status, json.loads(out)


def _state(data: dict) -> list[tuple[str, int, bool, str | None]]:
    return [(f["code"], f["line"], bool(f.get("suppressed")), f.get("suppression"))
            for f in data["findings"]]


@pytest.fixture(autouse=True)
def _cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_disable_next_line(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.md").write_text("<!-- tqcheck-disable-next-line TQ101 -->\n" + SAMPLE,
                            encoding="utf-8")
    status, data = _json(capsys, "a.md")
    assert status == 1  # TQ401 still counts
    assert _state(data) == [("TQ101", 2, True, "inSource"), ("TQ401", 4, False, None)]
    assert data["summary"]["total"] == 1 and data["summary"]["suppressed"] == 1


def test_disable_next_line_skips_blank_lines_and_takes_lists(
        capsys: pytest.CaptureFixture[str]) -> None:
    text = SAMPLE.replace("He arrived",
                          "<!-- tqcheck-disable-next-line TQ101, TQ4 -->\n\nHe arrived")
    Path("a.md").write_text(text, encoding="utf-8")
    status, data = _json(capsys, "a.md")
    assert status == 1
    assert _state(data) == [("TQ101", 1, False, None), ("TQ401", 5, True, "inSource")]


def test_block_without_codes_suppresses_everything(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.md").write_text("<!-- tqcheck-disable -->\n" + SAMPLE + "<!-- tqcheck-enable -->\n"
                            "\nThe the end came quickly for everyone there.\n", encoding="utf-8")
    status, data = _json(capsys, "a.md")
    assert _state(data) == [("TQ101", 2, True, "inSource"), ("TQ401", 4, True, "inSource"),
                            ("TQ101", 9, False, None)]
    assert status == 1


def test_block_with_code_in_text_file(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.txt").write_text("<!-- tqcheck-disable TQ401 -->\n" + SAMPLE, encoding="utf-8")
    _, data = _json(capsys, "a.txt")
    assert _state(data)[1] == ("TQ401", 4, True, "inSource")
    assert not _state(data)[0][2]


def test_unused_suppressions_are_noted(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.md").write_text("<!-- tqcheck-disable-next-line TQ302 -->\n" + SAMPLE
                            + "\n<!-- tqcheck-disable TQ5 -->\n", encoding="utf-8")
    Path("tqcheck.toml").write_text('[per-file-ignores]\n"docs/**/*.md" = ["TQ1"]\n',
                                    encoding="utf-8")
    status, data = _json(capsys, "a.md")
    assert status == 1
    assert data["notes"] == [
        "a.md:1: tqcheck-disable-next-line TQ302 suppresses nothing",
        "a.md:8: tqcheck-disable TQ5 suppresses nothing",
        "per-file-ignores: 'docs/**/*.md' = TQ1 suppresses nothing",
    ]
    status, out, _ = run(capsys, "a.md")
    assert "note: a.md:1: tqcheck-disable-next-line TQ302 suppresses nothing" in out


def test_per_file_ignores_from_config(capsys: pytest.CaptureFixture[str]) -> None:
    Path("docs").mkdir()
    Path("docs/a.txt").write_text(SAMPLE, encoding="utf-8")
    Path("b.txt").write_text(SAMPLE, encoding="utf-8")
    Path("pyproject.toml").write_text('[tool.tqcheck.per-file-ignores]\n"docs/*" = ["TQ101", '
                                      '"embed-link"]\n', encoding="utf-8")
    status, data = _json(capsys, "docs", "b.txt")
    assert status == 1
    assert [(f["path"], f["code"], f.get("suppression")) for f in data["findings"]] == [
        ("docs/a.txt", "TQ101", "external"), ("docs/a.txt", "TQ401", "external"),
        ("b.txt", "TQ101", None), ("b.txt", "TQ401", None)]
    status, data = _json(capsys, "docs")
    assert status == 0


def test_per_file_ignores_option(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.txt").write_text(SAMPLE, encoding="utf-8")
    status, _, _ = run(capsys, "a.txt", "--per-file-ignores", "*.txt=TQ1,TQ4")
    assert status == 0
    status, _, err = run(capsys, "a.txt", "--per-file-ignores", "TQ1")
    assert status == 2 and "GLOB=CODE" in err


def test_unit_directives_from_po_flags() -> None:
    assert codes_from_flags(["fuzzy", "tqcheck-ignore-TQ101", "c-format"]) == ("TQ101",)
    assert codes_from_flags(["tqcheck-ignore"]) == ("ALL",)
    assert codes_from_flags(["fuzzy"]) is None
    segments = [
        Segment("The minister said that the the talks went well.", 3),
        Segment("He met the the delegation in the capital city today.", 7, index=1),
        Segment("Officials said the meeting was useful for both sides.", 11, index=2),
    ]
    directives = [Directive.unit(segments[0], codes_from_flags(["tqcheck-ignore-TQ101"]) or ()),
                  Directive.unit(segments[2], ("TQ101",))]
    assert [(d.scope, d.first, d.last, d.origin) for d in directives] == [
        ("unit", 3, 3, "tqcheck-ignore-TQ101"), ("unit", 11, 11, "tqcheck-ignore-TQ101")]
    result = audit_segments("x.po", segments, AuditOptions(lang="en"), directives=directives)
    assert [(f.line, f.suppressed, f.suppression) for f in result.findings] == [
        (3, True, "inSource"), (7, False, "")]
    assert result.notes == ["x.po:11: tqcheck-ignore-TQ101 suppresses nothing"]


def test_unit_directive_spans_the_lines_of_a_multi_line_unit() -> None:
    seg = Segment("first line\nsecond line\nthird", 20)
    d = Directive.unit(seg, ())
    assert (d.first, d.last, d.line, d.origin) == (20, 22, 20, "tqcheck-ignore")


def test_scan_comments_emits_directives_as_the_lines_pass() -> None:
    lines = ["<!-- tqcheck-disable TQ1 -->", "a", "<!-- tqcheck-enable TQ1 -->", "b",
             "<!-- tqcheck-disable-next-line -->", "", "c", "<!-- tqcheck-disable TQ5 -->", "d"]
    sink: list[Directive] = []
    stream = scan_comments(iter(lines), sink)  # a one-shot stream: nothing can read it twice
    assert next(stream) == lines[0]
    assert [(d.scope, d.first) for d in sink] == [("block", 1)]  # emitted while reading
    assert list(stream) == lines[1:]
    assert [(d.scope, d.first, d.last, d.codes, d.line) for d in sink] == [
        ("block", 1, 3, ("TQ1",), 1), ("next-line", 7, 7, (), 5), ("block", 8, 9, ("TQ5",), 8)]


def test_next_line_directive_on_the_last_line_covers_the_line_after() -> None:
    sink: list[Directive] = []
    list(scan_comments(["x", "<!-- tqcheck-disable-next-line TQ101 -->", ""], sink))
    assert [(d.scope, d.first, d.last) for d in sink] == [("next-line", 3, 3)]


def test_enable_closes_only_blocks_it_names() -> None:
    sink: list[Directive] = []
    list(scan_comments(["<!-- tqcheck-disable TQ1 --> <!-- tqcheck-disable TQ5 -->", "a",
                        "<!-- tqcheck-enable TQ5 -->", "b", "<!-- tqcheck-enable -->", "c"], sink))
    assert [(d.codes, d.first, d.last) for d in sink] == [(("TQ1",), 1, 5), (("TQ5",), 1, 3)]


def test_file_directives_from_per_file_ignores() -> None:
    def finding(path: str, line: int, code: str = "TQ101") -> Finding:
        return Finding(code, "doubled-word", Category.REPETITION, Severity.WARNING, "m", path, line, 1,
                       line, 2)

    directives = per_file_directives({"docs/*": ["TQ1"], "*.po": []})
    assert [(d.scope, d.kind, d.paths, d.codes) for d in directives] == [
        ("file", "external", "docs/*", ("TQ1",)), ("file", "external", "*.po", ())]
    found, notes = apply_directives(
        [finding("docs/a.md", 0), finding("docs/a.md", 9, "TQ401"), finding("b.md", 3)], directives)
    assert [(f.path, f.line, f.suppressed, f.suppression) for f in found] == [
        ("docs/a.md", 0, True, "external"), ("docs/a.md", 9, False, ""), ("b.md", 3, False, "")]
    assert notes == ["per-file-ignores: '*.po' = ALL suppresses nothing"]


def test_first_covering_directive_names_the_kind() -> None:
    f = Finding("TQ101", "doubled-word", Category.REPETITION, Severity.WARNING, "m", "a.md", 2, 1,
                2, 2)
    inline = Directive("next-line", ("TQ101",), 2, 2, 1, "tqcheck-disable-next-line TQ101")
    [out], notes = apply_directives([f], [inline, *per_file_directives({"*.md": ["TQ1"]})])
    assert (out.suppressed, out.suppression, notes) == (True, "inSource", [])


@pytest.mark.parametrize("name", ["a.md", "a.txt"])
def test_comment_directives_are_read_with_the_file_once(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader emits the directives: the file is opened once (the former audit opened it
    again, once to look for directives and once more to read them)."""
    Path(name).write_text("<!-- tqcheck-disable-next-line TQ101 -->\n" + SAMPLE
                          + "\n<!-- tqcheck-disable TQ5 -->\n", encoding="utf-8")
    opened = count_opens(monkeypatch, name)
    report = audit([name], AuditOptions(lang="en"), jobs=1)
    assert len(opened) == 1
    assert [(f.code, f.suppressed) for f in report.findings] == [
        ("TQ101", True), ("TQ401", False)]
    assert report.notes == (f"{name}:8: tqcheck-disable TQ5 suppresses nothing",)


def test_comment_directives_work_on_a_stream(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    text = "<!-- tqcheck-disable-next-line TQ101 -->\n" + SAMPLE
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, data = _json(capsys, "-", "--stdin-filename", "a.md")
    assert status == 1
    assert _state(data) == [("TQ101", 2, True, "inSource"), ("TQ401", 4, False, None)]


@pytest.mark.parametrize(("path", "pattern", "expected"), [
    ("docs/a.md", "*.md", True),
    ("docs/a.md", "docs/*", True),
    ("./docs/sub/a.md", "docs/**/*.md", True),
    ("docs/a.md", "docs/**/*.md", True),
    ("src/a.md", "docs/*", False),
    ("a.txt", "*.md", False),
])
def test_path_matches(path: str, pattern: str, expected: bool) -> None:
    assert path_matches(path, pattern) is expected


def test_suppressed_findings_leave_the_gate_and_text(capsys: pytest.CaptureFixture[str]) -> None:
    Path("a.md").write_text("<!-- tqcheck-disable -->\n" + SAMPLE, encoding="utf-8")
    status, out, _ = run(capsys, "a.md")
    assert status == 0
    assert out == "No findings in 1 file.\n2 suppressed.\n"
    report = audit(["a.md"], jobs=1)
    assert len(report.findings) == 2 and report.active == ()


PO = '''msgid ""
msgstr ""
"Language: en\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, tqcheck-ignore-TQ101
msgid "The minister said the talks went well."
msgstr "The minister said that the the talks went well."

msgid "He met the delegation in the capital."
msgstr "He met the the delegation in the capital city."

#, c-format, tqcheck-ignore-TQ302
msgid "Officials described the meeting."
msgstr "Officials described the meeting as useful."
'''


def test_po_flags(capsys: pytest.CaptureFixture[str]) -> None:
    Path("t.po").write_text(PO, encoding="utf-8")
    status, data = _json(capsys, "t.po", "--jobs", "1")
    assert status == 1
    assert _state(data) == [("TQ101", 8, True, "inSource"), ("TQ101", 11, False, None)]
    assert data["notes"] == ["t.po:15: tqcheck-ignore-TQ302 suppresses nothing"]
