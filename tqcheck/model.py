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
#: The key of a masked segment's ``meta`` that holds its text as read (translation files: prose
#: checks see placeholders and markup masked, positions kept).
UNMASKED = "unmasked"

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
@dataclass(slots=True, weakref_slot=True)
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
    #: The file lines of a long text with ``positions``, laid out once (see :meth:`line_text`).
    _rows: dict[int, str] | None = field(default=None, init=False, repr=False, compare=False)

    def _lay_out(self, only: int | None) -> dict[int, str]:
        """The characters of ``text`` laid out at their file columns, by file line (all lines, or
        line ``only``)."""
        rows: dict[int, list[str]] = {}
        assert self.positions is not None
        for ch, (ln, col) in zip(self.text, self.positions, strict=False):
            if only is not None and ln != only:
                continue
            cells = rows.setdefault(ln, [])
            if len(cells) < col - 1:
                cells.extend(" " * (col - 1 - len(cells)))
            cells[col - 1 : col] = [ch if ch.isprintable() else " "]
        return {ln: "".join(cells) for ln, cells in rows.items()}

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
            if len(self.text) > _LONG_TEXT:
                # Every file line of a long text laid out in one pass, once: laying out one line
                # scans the whole text, for each finding.
                if self._rows is None:
                    self._rows = self._lay_out(None)
                return self._rows.get(line, "")
            return self._lay_out(line).get(line, "")
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
class RuleInfo:
    """What a report says about a check it ran (a formatter needs nothing else)."""

    code: str
    slug: str
    category: Category
    severity: Severity
    summary: str
    #: The check's documentation (its docstring).
    doc: str
    #: Its documentation page.
    help_uri: str


@dataclass(frozen=True, slots=True, order=True)
class BaselineEntry:
    """One finding recorded in a baseline file (see ``tqcheck.baseline``)."""

    path: str
    code: str
    fingerprint: str
    context: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "code": self.code, "fingerprint": self.fingerprint,
                "context": self.context}


@dataclass(frozen=True, slots=True)
class BaselineState:
    """What applying a baseline did: findings it knew, new ones, entries that match nothing."""

    path: str
    known: int
    new: int
    stale: tuple[BaselineEntry, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.path, "known": self.known, "new": self.new,
                "stale": [e.as_dict() for e in self.stale]}


@dataclass(frozen=True, slots=True, order=True)
class ModelPackage:
    """A translation model package a check used (an Argos Translate package): its kind, language
    pair, package version and installed name."""

    kind: str
    from_code: str
    to_code: str
    version: str
    name: str

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "pair": f"{self.from_code}-{self.to_code}",
                "version": self.version, "name": self.name}


@dataclass(frozen=True, slots=True)
class Signature:
    """What produced a report, so that another run can be compared with it (modelled on
    sacrebleu's ``Signature``): the tool and its version, the checks that ran, the
    language-identification backend, and — when a check scores with it — sacrebleu's metric
    signature, and when checks translate, the model packages they used."""

    tool: str
    version: str
    checks: tuple[str, ...]
    langid: str
    #: sacrebleu's signature of the metric that fidelity checks score with (chrF).
    sacrebleu: str | None = None
    #: The translation model packages checks translated with (sorted; empty: none ran).
    models: tuple[ModelPackage, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tool": self.tool, "version": self.version,
                               "checks": list(self.checks), "langid": self.langid}
        if self.sacrebleu is not None:
            out["sacrebleu"] = self.sacrebleu
        if self.models:
            out["models"] = [m.as_dict() for m in self.models]
        return out


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced, and all that a formatter needs to render it."""

    findings: tuple[Finding, ...]
    files: tuple[FileSummary, ...] = ()
    errors: tuple[FileError, ...] = ()
    notes: tuple[str, ...] = ()
    scores: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    signature: Signature | None = None
    #: The checks that ran, and any other a finding names, by code.
    rules: tuple[RuleInfo, ...] = ()
    #: Set when a baseline was applied.
    baseline: BaselineState | None = None
    #: The encoding files without a BOM were read with (None: UTF-8); the HTML report reads
    #: them again.
    encoding: str | None = None
    #: How many findings ``--fix`` applied before this report was made (None: no fixing run).
    fixed: int | None = None

    @property
    def active(self) -> tuple[Finding, ...]:
        """Findings that count (not suppressed)."""
        return tuple(f for f in self.findings if not f.suppressed)
