"""Helpers shared by the translation-file reader tests."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from tqcheck.model import Segment

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
PO_DIR = DATA / "po"
TICO_DIR = DATA / "tico19"


def file_lines(path: Path) -> list[str]:
    return _lines(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _lines(path: Path, mtime: int) -> list[str]:
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")


def assert_positions(path: Path, segment: Segment, escapes: str = "\\&") -> None:
    """Every character of the segment's text sits at its position in the file, or that position
    holds the start of an escape or entity standing for it."""
    lines = file_lines(path)
    assert segment.positions is None or len(segment.positions) == len(segment.text) + 1
    for i, ch in enumerate(segment.text):
        line, col = segment.locate(i)
        raw = lines[line - 1][col - 1] if col - 1 < len(lines[line - 1]) else "\n"
        assert raw == ch or raw in escapes, (
            f"{path}:{line}:{col}: text[{i}]={ch!r} but the file has {raw!r} ({segment.id})"
        )


def char_at(path: Path, line: int, col: int) -> str:
    return file_lines(path)[line - 1][col - 1]
