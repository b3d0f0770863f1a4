"""The values that cross module boundaries: segments, sentences, findings, reports.

Coordinates: every offset inside a :class:`Segment` is a code-point index into ``Segment.text``.
``Segment.locate`` turns it into a 1-based ``(line, col)`` of the file, so a finding's span is exact
even when the reader masked parts of the text (Markdown code, escapes in PO strings).
"""

from __future__ import annotations

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

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of ``text[offset]`` in the file (columns in code points)."""
        if self.positions is not None:
            offset = max(0, min(offset, len(self.positions) - 1))
            return self.positions[offset]
        nl = self.text.rfind("\n", 0, offset)
        if nl < 0:
            return self.line, self.col + offset
        return self.line + self.text.count("\n", 0, offset), offset - nl

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
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        row = self.text[start : end if end >= 0 else len(self.text)]
        # The first line of a segment may start after column 1 (indentation, list bullets):
        # pad it so that file columns index the excerpt.
        return " " * (self.col - 1) + row if start == 0 else row


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
    #: The record of a corpus (JSONL, TSV, Parquet, line-aligned pairs) the finding is in: its id,
    #: or ``line N`` / ``row N``; then ``line`` is that line (row) and ``col`` counts code points
    #: of the record's target text.  Empty for files of other formats.
    record: str = ""

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
