"""The values that cross module boundaries: segments, sentences, findings, reports.

Coordinates: every offset inside a :class:`Segment` is a code-point index into ``Segment.text``.
``Segment.locate`` turns it into a 1-based ``(line, col)`` of the file, so a finding's span is exact
even when the reader masked parts of the text (Markdown code, escapes in PO strings).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

#: Stands in, one for one, for characters that are not prose (inline code, link targets, markup),
#: so offsets stay exact and checks see a neutral symbol.
MASK = "\ufffc"

_EMPTY: Mapping[str, Any] = MappingProxyType({})


class Category(StrEnum):
    LANGUAGE = "language"
    REPETITION = "repetition"
    STRUCTURE = "structure"
    PUNCTUATION = "punctuation"
    RESIDUE = "residue"
    CONSISTENCY = "consistency"
    CALQUE = "calque"
    FIDELITY = "fidelity"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


#: Segments and sentences are values like the rest of this module, but not ``frozen``: one of each
#: is made for every line and sentence read, and a frozen dataclass sets each field through
#: ``object.__setattr__`` (three times the cost; 5% of an audit).  Nothing may assign to them.
@dataclass(slots=True)
class Segment:
    """A unit of text as a reader found it: a paragraph, a heading, a translation unit.

    ``line``/``col`` locate ``text[0]`` in the file.  Newlines inside ``text`` are real line breaks
    of the file unless ``positions`` is given, which maps every index of ``text`` (and one past the
    end) to its ``(line, col)`` — readers of formats with escapes use it.
    """

    text: str
    line: int
    col: int = 1
    index: int = 0
    kind: str = "paragraph"  # paragraph | heading | list-item | line | unit | cue
    source: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    id: str | None = None
    positions: tuple[tuple[int, int], ...] | None = None
    meta: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    #: Start offsets of the lines of a long ``text``, built on first use (see :meth:`locate`).
    _line_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    #: The last line :meth:`line_text` returned, by its start: the findings on one long line
    #: share one string instead of a copy each (memory that grew with findings × line length).
    _last_row: tuple[int, str] | None = field(default=None, init=False, repr=False,
                                              compare=False)

    def _lines(self) -> list[int]:
        starts = self._line_starts
        if starts is None:
            text = self.text
            starts = [0]
            at = text.find("\n")
            while at >= 0:
                starts.append(at + 1)
                at = text.find("\n", at + 1)
            self._line_starts = starts
        return starts

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``text[offset]`` in the file (columns in code points)."""
        if self.positions is not None:
            offset = max(0, min(offset, len(self.positions) - 1))
            return self.positions[offset]
        if len(self.text) > _LONG_TEXT and offset >= 0:
            # One search per segment, then a bisection: scanning back to the previous newline
            # for every finding made a long paragraph cost its length times its findings.
            starts = self._lines()
            k = bisect.bisect_right(starts, offset) - 1
            if k == 0:
                return self.line, self.col + offset
            return self.line + k, offset - starts[k] + 1
        nl = self.text.rfind("\n", 0, offset)
        if nl < 0:
            return self.line, self.col + offset
        return self.line + self.text.count("\n", 0, offset), offset - nl

    def edit(self, start: int, end: int, content: str) -> Edit | None:
        """``text[start:end]`` replaced by ``content``, as an :class:`Edit` in file coordinates
        (None when the span holds masked text, which is not prose and never edited)."""
        before = self.text[start:end]
        if MASK in before or MASK in content:
            return None
        return Edit(*self.locate(start), *self.locate(end), content, before)

    def line_text(self, offset: int) -> str:
        """The physical line of ``text`` that holds ``offset`` (for excerpts under a caret).

        With ``positions``, the characters of ``text`` that stand on the file line of ``offset``,
        laid out at their file columns (so a caret at the finding's column points at them).
        """
        if self.positions is not None:
            line = self.locate(offset)[0]
            cells: list[str] = []
            for ch, (ln, col) in zip(self.text, self.positions, strict=False):
                if ln != line:
                    continue
                if len(cells) < col - 1:
                    cells.extend(" " * (col - 1 - len(cells)))
                cells[col - 1 : col] = [ch if ch.isprintable() else " "]
            return "".join(cells)
        if len(self.text) > _LONG_TEXT and offset >= 0:
            starts = self._lines()
            k = bisect.bisect_right(starts, offset) - 1
            start = starts[k]
            if self._last_row is not None and self._last_row[0] == start:
                return self._last_row[1]
            end = starts[k + 1] - 1 if k + 1 < len(starts) else len(self.text)
        else:
            start = self.text.rfind("\n", 0, offset) + 1
            end = self.text.find("\n", offset)
            end = end if end >= 0 else len(self.text)
        row = self.text[start:end]
        # The first line of a segment may start after column 1 (indentation, list bullets):
        # pad it so that file columns index the excerpt.
        row = " " * (self.col - 1) + row if start == 0 else row
        if len(self.text) > _LONG_TEXT:
            self._last_row = (start, row)
        return row


#: Texts longer than this index their lines once (see Segment.locate); shorter ones, nearly all,
#: scan, which is faster for them.
_LONG_TEXT = 4096


@dataclass(slots=True)  # not frozen: see Segment
class Sentence:
    """A sentence of a segment: ``segment.text[start:end]``."""

    segment: Segment
    start: int
    end: int
    index: int = 0

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


class Applicability(StrEnum):
    """How safely a fix may be applied (ruff's model).

    ``safe``: the meaning is unchanged (``--fix`` applies it); ``unsafe``: the meaning may change
    (``--unsafe-fixes`` applies it); ``display-only``: shown as a suggested change, never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    @property
    def rank(self) -> int:
        return {"safe": 2, "unsafe": 1, "display-only": 0}[self.value]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the file's characters from ``line:col`` up to ``end_line:end_col`` (1-based, end
    exclusive, columns in code points of the decoded, newline-normalised file) with ``content``.

    ``content`` is the new *text*, as a check sees it; the writer of each format escapes it
    (``"`` in a PO string, ``&`` in XML).  ``before`` is the text the edit replaces, as a check saw
    it: the writer refuses an edit whose range no longer holds it.
    """

    line: int
    col: int
    end_line: int
    end_col: int
    content: str
    before: str = ""

    @property
    def start(self) -> tuple[int, int]:
        return self.line, self.col

    @property
    def end(self) -> tuple[int, int]:
        return self.end_line, self.end_col


@dataclass(frozen=True, slots=True)
class Fix:
    """The change that resolves a finding: edits applied together, or not at all."""

    applicability: Applicability
    edits: tuple[Edit, ...]
    #: What the fix does, in a few words ("delete the embed link", "replace with 'in'").
    message: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found at one exact span (1-based, end exclusive, columns in code points)."""

    code: str
    slug: str
    category: Category
    severity: Severity
    message: str
    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    suggestion: str | None = None
    #: The flagged text itself.
    text: str = ""
    #: The physical line that holds the start of the span (shown under a caret).
    excerpt: str = ""
    #: The sentence around the span, normalised; used for fingerprints that survive line shifts.
    context: str = ""
    related: tuple[Location, ...] = ()
    suppressed: bool = False
    #: Why it is suppressed: "inSource" (a comment or flag in the file), "external" (configuration)
    #: or "baseline" (known before; see ``tqcheck.baseline``).
    suppression: str = ""
    #: The change that resolves this finding, when the rule can make one (``tqcheck.fix``).
    fix: Fix | None = None

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.col, self.end_line, self.end_col)

    def sort_key(self) -> tuple[str, int, int, str, int, int]:
        return (self.path, self.line, self.col, self.code, self.end_line, self.end_col)


@dataclass(frozen=True, slots=True)
class FileError:
    """A file that could not be audited, with a one-line reason."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class FileSummary:
    path: str
    lang: str | None
    lang_source: str  # option | config | detected | metadata | unknown
    segments: int
    sentences: int
    words: int
    format: str = "text"


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced."""

    findings: tuple[Finding, ...]
    files: tuple[FileSummary, ...] = ()
    errors: tuple[FileError, ...] = ()
    notes: tuple[str, ...] = ()
    scores: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    signature: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that count (not suppressed)."""
        return tuple(f for f in self.findings if not f.suppressed)
