"""Plain text.

A line is a segment, so one-sentence-per-line files (MT output, line-aligned corpora) keep their
alignment and every line can be matched to a source or reference line.  Hard-wrapped prose is
rejoined: a line that does not end a sentence and is followed by a line that starts in lowercase
continues the same segment.  Blank lines always end a segment.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tqcheck.model import Segment
from tqcheck.readers.decode import LineWatch, iter_lines
from tqcheck.suppress import Directive, scan_comments

_ENDS_SENTENCE = frozenset(".!?…:;\"'”’»)]。！？؟")


def _continues(previous: str, line: str) -> bool:
    """Does ``line`` continue the hard-wrapped sentence of ``previous``?"""
    if previous[-1] in _ENDS_SENTENCE or (previous[-1] == "-" and len(previous) > 1):
        return False
    first = line[0]
    return first.islower() or first in ",;"


def paragraphs_from_lines(lines: Iterable[str]) -> Iterator[Segment]:
    """Segments with the exact line and column of their first character."""
    buf: list[str] = []
    first_line = 0
    first_col = 1
    index = 0
    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip()  # the newline and any white space before it
        stripped = line.lstrip()
        if buf and stripped and _continues(buf[-1], stripped):
            buf.append(line)
            continue
        if buf:
            yield Segment("\n".join(buf), first_line, first_col, index)
            index += 1
            buf = []
        if stripped:
            first_line = lineno
            first_col = len(line) - len(stripped) + 1
            buf.append(stripped)
    if buf:
        yield Segment("\n".join(buf), first_line, first_col, index)


def read_text_file(path: Path, encoding: str | None = None,
                   directives: list[Directive] | None = None,
                   watch: LineWatch | None = None) -> Iterator[Segment]:
    """Paragraphs of a text file; the suppression comments its lines hold go to ``directives``
    as they are read, and its lines pass through ``watch`` (see :func:`read_segments`)."""
    lines = iter_lines(path, encoding) if watch is None else watch(iter_lines(path, encoding))
    return paragraphs_from_lines(lines if directives is None else scan_comments(lines, directives))
