"""Plain text: paragraphs are runs of non-blank lines."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tqcheck.model import Segment
from tqcheck.readers.decode import iter_lines


def paragraphs_from_lines(lines: Iterable[str]) -> Iterator[Segment]:
    """Group lines into paragraph segments, keeping exact line and column of their first char."""
    buf: list[str] = []
    first_line = 0
    first_col = 1
    index = 0
    lineno = 0
    for lineno, raw in enumerate(lines, start=1):  # noqa: B007 - lineno used after the loop
        line = raw.rstrip("\n")
        if line.strip():
            if not buf:
                first_line = lineno
                stripped = line.lstrip()
                first_col = len(line) - len(stripped) + 1
                line = stripped
            buf.append(line.rstrip())
            continue
        if buf:
            yield Segment("\n".join(buf), first_line, first_col, index)
            index += 1
            buf = []
    if buf:
        yield Segment("\n".join(buf), first_line, first_col, index)


def read_text_file(path: Path, encoding: str | None = None) -> Iterator[Segment]:
    return paragraphs_from_lines(iter_lines(path, encoding))
