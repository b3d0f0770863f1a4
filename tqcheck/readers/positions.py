"""Text with a position per character: how readers of formats with escapes, quoting and markup keep
every finding pointing at the right character of the file.

A :class:`Spanned` value is built character by character (or run by run) together with the
``(line, col)`` each character came from; :meth:`Spanned.segment_fields` gives the ``text``,
``line``, ``col`` and ``positions`` a :class:`~tqcheck.model.Segment` needs.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


class LineIndex:
    """Turns an offset into a (newline-normalised) file text into a 1-based ``(line, col)``."""

    def __init__(self, text: str) -> None:
        self.starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


@dataclass
class Spanned:
    """Decoded text under construction, with the file position of every character."""

    chars: list[str] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)
    #: Where the text ends in the file (the position one past its last character).
    end: tuple[int, int] | None = None

    def add(self, text: str, line: int, col: int) -> None:
        """Append ``text`` that stands in the file at ``line``/``col`` one character per column
        (newlines inside ``text`` move to the next line)."""
        for ch in text:
            self.chars.append(ch)
            self.positions.append((line, col))
            if ch == "\n":
                line, col = line + 1, 1
            else:
                col += 1

    def add_run(self, text: str, line: int, col: int) -> None:
        """Append ``text`` (no newlines in the file) starting at ``line``/``col``."""
        self.chars.extend(text)
        self.positions.extend([(line, c) for c in range(col, col + len(text))])

    def add_char(self, ch: str, line: int, col: int) -> None:
        """Append one decoded character that came from an escape starting at ``line``/``col``."""
        self.chars.append(ch)
        self.positions.append((line, col))

    def extend(self, other: Spanned) -> None:
        self.chars.extend(other.chars)
        self.positions.extend(other.positions)
        self.end = other.end

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def position_tuple(self) -> tuple[tuple[int, int], ...]:
        end = self.end or (self.positions[-1] if self.positions else (1, 1))
        return (*self.positions, end)

    def start(self) -> tuple[int, int]:
        if self.positions:
            return self.positions[0]
        return self.end or (1, 1)
