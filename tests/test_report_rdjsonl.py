from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SEED, run
from tqcheck.model import MASK, Category, Finding, Severity
from tqcheck.report.rdjsonl import byte_columns


def test_seed_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    status, out, _ = run(capsys, "seed.txt", "--format", "rdjsonl")
    assert status == 1
    diagnostics = [json.loads(line) for line in out.splitlines()]
    assert len(diagnostics) == 23
    for d in diagnostics:
        assert d["severity"] in {"ERROR", "WARNING", "INFO"}
        assert d["location"]["path"] == "seed.txt"
        assert d["code"]["value"].startswith("TQ")
    raw = Path("seed.txt").read_text(encoding="utf-8").split("\n")
    for d in diagnostics:
        start, end = d["location"]["range"]["start"], d["location"]["range"]["end"]
        if start["line"] == end["line"]:
            line = raw[start["line"] - 1].encode("utf-8")
            flagged = line[start["column"] - 1:end["column"] - 1].decode("utf-8")
            assert flagged and flagged.strip() == flagged.strip()


def test_columns_count_utf8_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    line = "Ёжик — said the the minister today in the capital city."
    Path("ru.txt").write_text(line + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "ru.txt", "--format", "rdjsonl", "--lang", "en")
    [d] = [json.loads(x) for x in out.splitlines() if '"TQ101"' in x]
    rng = d["location"]["range"]
    data = line.encode("utf-8")
    assert data[rng["start"]["column"] - 1:rng["end"]["column"] - 1] == b"the the"
    assert (rng["start"]["column"], rng["end"]["column"]) == (19, 26)


def _finding(col: int, end_col: int, text: str, excerpt: str) -> Finding:
    return Finding("TQ101", "doubled-word", Category.REPETITION, Severity.ERROR, "m", "a.md",
                   2, col, 2, end_col, text=text, excerpt=excerpt)


def test_excerpt_that_starts_after_column_one() -> None:
    # A Markdown list item: the reader's excerpt starts after "- ".
    assert byte_columns(_finding(9, 16, "the the", "élan the the end")) == (10, 17)


def test_masked_markup_counts_one_byte() -> None:
    excerpt = f"see {MASK * 6} the the end"
    assert byte_columns(_finding(12, 19, "the the", excerpt)) == (12, 19)


def test_a_fix_with_edits_on_several_lines_gets_suggestions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # One paragraph over two lines: the marks of a paragraph are converted in one fix, whose
    # edits stand on both lines; each finding carries it, with byte columns of its own line.
    monkeypatch.chdir(tmp_path)
    lines = ["Ёжик said：we agree with the plan", "and then he left the room。"]
    Path("a.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, out, _ = run(capsys, "a.txt", "--format", "rdjsonl", "--lang", "en")
    diagnostics = [json.loads(x) for x in out.splitlines() if '"TQ304"' in x]
    assert len(diagnostics) == 2
    for d in diagnostics:
        assert d["suggestions"] == [
            {"range": {"start": {"line": 1, "column": 14}, "end": {"line": 1, "column": 17}},
             "text": ": "},
            {"range": {"start": {"line": 2, "column": 26}, "end": {"line": 2, "column": 29}},
             "text": "."}]
        for s in d["suggestions"]:
            start, end = s["range"]["start"], s["range"]["end"]
            line = lines[start["line"] - 1].encode("utf-8")
            assert line[start["column"] - 1:end["column"] - 1].decode("utf-8") in "：。"


def test_an_edit_spanning_lines_gets_a_multi_line_range() -> None:
    from tqcheck.model import Applicability, Edit, Fix
    from tqcheck.report.rdjsonl import diagnostic

    text = "Ёжик said the talks ended.\nFrom his meeting with Lavrov.\n"
    edit = Edit(1, 26, 2, 2, " f", ".\nF")
    f = Finding("TQ201", "sentence-fragment", Category.STRUCTURE, Severity.WARNING, "m", "a.txt",
                2, 1, 2, 30, text="From his meeting with Lavrov.",
                excerpt="From his meeting with Lavrov.",
                fix=Fix(Applicability.UNSAFE, (edit,), "join"))
    d = diagnostic(f, "text", lambda path: text)
    assert d["suggestions"] == [{"range": {"start": {"line": 1, "column": 30},
                                           "end": {"line": 2, "column": 2}}, "text": " f"}]
    # Where the file no longer holds what the edit replaces, no suggestion.
    assert "suggestions" not in diagnostic(f, "text", lambda path: text.replace(".\nF", ";\nF"))
    assert "suggestions" not in diagnostic(f, "text", lambda path: None)
