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
