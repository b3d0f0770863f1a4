"""Applying fixes: the checks say what to change (:class:`~tqcheck.model.Fix` on a finding); this
module changes it, in a string or in a file, and never a check.

The order (ruff's model, ``crates/ruff_diagnostics/src/fix.rs``):

1. A fix is applied when its applicability is allowed (``safe``; ``unsafe`` too with
   ``unsafe=True``; ``display-only`` never) and its finding is not suppressed.
2. Fixes are taken in file order (the start of their first edit, then the rule code, then the
   end); a fix whose edits overlap an edit already taken, or insert at the same place, waits:
   it is dropped from this pass.  A fix's edits are applied together or not at all; several
   findings may share one fix (the marks of a paragraph converted together): it is applied
   once, and resolves them all.
3. The text is audited again and the next pass applies the fixes found then, until a pass
   changes nothing or :data:`MAX_PASSES` passes have run.  A second run has nothing to do.

Edits stand in file coordinates (line, column of the decoded, newline-normalised file); the text
is spliced between those positions with its own line breaks kept, and the new text escaped as the
format needs (``"`` in a PO string, ``&`` in XML, ``\\n`` in JSON).  Each written file is checked:
for prose, every edit must find the text it replaces where it stands; for translation files, the
file is read again and every unit must equal the old one with its edits applied — any other
difference and the file is left alone.
"""

from __future__ import annotations

import codecs
import dataclasses
import difflib
import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.errors import InputError
from tqcheck.model import (
    Applicability,
    BaselineEntry,
    Edit,
    FileError,
    Finding,
    Fix,
    Report,
    Segment,
)

if TYPE_CHECKING:
    from tqcheck.checks.registry import Rule
    from tqcheck.config import Settings
    from tqcheck.readers.decode import BlankLines

#: Passes over one text at most (each pass re-audits it).
MAX_PASSES = 10

_NEWLINE = re.compile(r"\r\n|\r|\n")

#: Formats whose segments are the file's text itself (no escapes): edits are checked against it.
PROSE_FORMATS = frozenset({"text", "markdown"})


def allowed(fix: Fix | None, unsafe: bool) -> bool:
    """Is ``fix`` applied by ``--fix`` (``unsafe``: ``--fix --unsafe-fixes``)?"""
    if fix is None:
        return False
    if fix.applicability is Applicability.SAFE:
        return True
    return unsafe and fix.applicability is Applicability.UNSAFE


# --- escaping the new text the way each format writes it --------------------------------------

def _escape_po(text: str) -> str:
    return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\t", "\\t").replace("\r", "\\r"))


def _escape_json(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_android(text: str) -> str:
    text = _escape_xml(text.replace("\\", "\\\\"))
    text = text.replace("'", "\\'").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    return "\\" + text if text[:1] in "@?" and text else text


ESCAPES: dict[str, Callable[[str], str]] = {
    "po": _escape_po,
    "json": _escape_json,
    "xliff": _escape_xml,
    "tmx": _escape_xml,
    "android": _escape_android,
}


def escape_for(fmt: str) -> Callable[[str], str]:
    """How the new text of an edit is written into a file of format ``fmt``."""
    return ESCAPES.get(fmt, str)


# --- splicing --------------------------------------------------------------------------------

def line_starts(text: str) -> list[int]:
    """Offsets of the first character of every line (lines end at ``\\r\\n``, ``\\r`` or ``\\n``,
    as the readers count them), and one past the end of the text."""
    return [0, *(m.end() for m in _NEWLINE.finditer(text)), len(text) + 1]


def offset_of(starts: list[int], text: str, line: int, col: int) -> int | None:
    """The offset of ``line:col`` (a line after the last one: the end of the text)."""
    if line < 1:
        return None
    if line >= len(starts):
        return len(text) if col == 1 else None
    offset = starts[line - 1] + col - 1
    return offset if offset <= len(text) else None


def _normalise(text: str) -> str:
    return _NEWLINE.sub("\n", text)


@dataclass(frozen=True)
class _Placed:
    start: int
    end: int
    content: str


def place(text: str, fix: Fix, starts: list[int], escape: Callable[[str], str], check: bool
          ) -> list[_Placed] | None:
    """The edits of ``fix`` as offsets into ``text``; None when one does not fit the text (or,
    with ``check``, no longer covers the text it replaces)."""
    out: list[_Placed] = []
    for edit in fix.edits:
        a = offset_of(starts, text, edit.line, edit.col)
        b = offset_of(starts, text, edit.end_line, edit.end_col)
        if a is None or b is None or b < a:
            return None
        if check and not _holds(_normalise(text[a:b]), edit):
            return None
        out.append(_Placed(a, b, escape(edit.content)))
    return out


def _holds(found: str, edit: Edit) -> bool:
    """Does the file text ``found`` in an edit's range still hold what the edit replaces?  Whole
    lines deleted hold it with their indentation and list or quote markers around it."""
    if not edit.content and edit.col == 1 and edit.end_col == 1 and edit.end_line > edit.line:
        return " ".join(edit.before.split()) in " ".join(found.split())
    return found == edit.before


def _conflicts(edit: _Placed, taken: list[_Placed]) -> bool:
    return any((edit.start < t.end and t.start < edit.end) or edit.start == t.start
               for t in taken)


def apply_findings(text: str, findings: Iterable[Finding], *, unsafe: bool = False,
                   escape: Callable[[str], str] = str, check: bool = True
                   ) -> tuple[str, list[Finding]]:
    """One pass: the fixes of ``findings`` applied to ``text`` in the documented order; returns
    the new text and the findings whose fixes were applied."""
    starts = line_starts(text)
    candidates: list[tuple[tuple[int, str, int], Finding, list[_Placed]]] = []
    for finding in findings:
        if finding.suppressed or not allowed(finding.fix, unsafe):
            continue
        assert finding.fix is not None
        placed = place(text, finding.fix, starts, escape, check)
        if not placed:
            continue
        first = min(placed, key=lambda p: (p.start, p.end))
        candidates.append(((first.start, finding.code, first.end), finding, placed))
    candidates.sort(key=lambda c: c[0])
    taken: list[_Placed] = []
    taken_fixes: set[tuple[Edit, ...]] = set()
    applied: list[Finding] = []
    for _, finding, placed in candidates:
        assert finding.fix is not None
        if finding.fix.edits in taken_fixes:
            applied.append(finding)  # one fix shared by several findings resolves them all
            continue
        if any(_conflicts(p, taken) for p in placed):
            continue  # overlaps a fix taken before: the next pass sees it again, if still needed
        taken.extend(placed)
        taken_fixes.add(finding.fix.edits)
        applied.append(finding)
    for p in sorted(taken, key=lambda p: p.start, reverse=True):
        text = text[: p.start] + p.content + text[p.end :]
    return text, applied


# --- widening deletions of whole paragraphs --------------------------------------------------

def widen_line_deletions(lines: Sequence[str] | BlankLines, findings: list[Finding]) -> list[Finding]:
    """A fix that deletes whole lines of prose (a paragraph of embed residue) also deletes one
    blank line beside them, so the paragraphs around stay one blank line apart.  ``lines``: the
    file's lines, newline-normalised (with or without their ``\\n``), or the blank lines noted
    while the file was read (:class:`~tqcheck.readers.decode.BlankLines`)."""
    from tqcheck.readers.decode import BlankLines

    shape = lines if isinstance(lines, BlankLines) else BlankLines.of(lines)
    out: list[Finding] = []
    for f in findings:
        fix = f.fix
        if fix is not None and len(fix.edits) == 1:
            e = fix.edits[0]
            if (not e.content and e.col == 1 and e.end_col == 1 and e.end_line > e.line
                    and shape.blank(e.line - 1) and shape.blank(e.end_line)
                    and e.end_line <= shape.count):
                widened = dataclasses.replace(e, end_line=e.end_line + 1,
                                              before=e.before + "\n" + shape.text(e.end_line))
                f = dataclasses.replace(f, fix=dataclasses.replace(fix, edits=(widened,)))
        out.append(f)
    return out


def needs_widening(findings: Iterable[Finding]) -> bool:
    return any(f.fix is not None and len(f.fix.edits) == 1 and f.fix.edits[0].col == 1
               and f.fix.edits[0].end_col == 1 and not f.fix.edits[0].content for f in findings)


# --- strings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class FixResult:
    """What fixing produced: the new ``text``, the findings whose fixes were ``applied`` (over all
    passes, in order), and the ``report`` of the fixed text (what remains)."""

    text: str
    applied: tuple[Finding, ...]
    report: Report
    passes: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def _audit_string(text: str, options: Settings, path: str) -> Report:
    """The report of a string as plain text, with whole-line deletions widened to their lines."""
    from tqcheck.audit import audit_text
    from tqcheck.readers.decode import split_lines

    report = audit_text(text, options, path)
    if not needs_widening(report.findings):
        return report
    lines = [ln.rstrip("\r\n") for ln in split_lines(text, keepends=True)]
    return dataclasses.replace(report,
                               findings=tuple(widen_line_deletions(lines, list(report.findings))))


def fix_text(text: str, options: Settings | None = None, *, unsafe: bool = False,
             path: str = "<text>") -> FixResult:
    """Fix a string of plain text (paragraphs separated by blank lines): audit it, apply the
    allowed fixes, audit again, until nothing changes.  ``unsafe`` adds the unsafe fixes."""
    from tqcheck.config import Settings

    options = options or Settings()
    report = _audit_string(text, options, path)
    applied: list[Finding] = []
    passes = 0
    for passes in range(1, MAX_PASSES + 1):  # noqa: B007 - passes is reported
        new, done = apply_findings(text, report.findings, unsafe=unsafe)
        if not done or new == text:
            break
        applied.extend(done)
        text = new
        report = _audit_string(text, options, path)
    return FixResult(text, tuple(applied), report, passes)


# --- files -----------------------------------------------------------------------------------

@dataclass
class FileFix:
    """The outcome of fixing one file."""

    path: str
    before: str
    after: str
    applied: list[Finding] = field(default_factory=list)
    remaining: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The findings of the file as it was read, before any fix.
    found: list[Finding] = field(default_factory=list)
    error: FileError | None = None

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        """A unified diff of the change, naming the file as given on both lines (``patch -p0``
        applies it)."""
        return "".join(difflib.unified_diff(
            self.before.splitlines(True), self.after.splitlines(True), self.path, self.path))


@dataclass(frozen=True)
class _Decoded:
    raw: bytes
    bom: bytes
    codec: str
    text: str


def _decode(path: Path, encoding: str | None) -> _Decoded:
    from tqcheck.readers.decode import check_readable, sniff_encoding

    check_readable(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror}") from None
    codec = sniff_encoding(raw[:8192], path, encoding)
    bom = b""
    for mark, name in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                       (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(mark):
            bom, codec = mark, name
            break
    try:
        text = raw[len(bom):].decode(codec)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{path}: cannot decode with {codec}; pass --encoding") from None
    return _Decoded(raw, bom, codec, text)


def _encode(decoded: _Decoded, text: str, path: Path) -> bytes:
    try:
        return decoded.bom + text.encode(decoded.codec)
    except UnicodeEncodeError:
        raise InputError(f"{path}: the fixed text cannot be written in {decoded.codec}") from None


class _Scratch:
    """A folder for the text of a file being fixed, under the file's own name (so format
    detection and path-based settings see the same name)."""

    def __init__(self, path: Path, decoded: _Decoded, fmt: str) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="tqcheck-fix-")
        folder = Path(self._dir.name) / (path.resolve().parent.name or "root")
        folder.mkdir()
        self.path = folder / path.name
        if fmt == "android":
            # Android resources pair with the default ones in ../values/.
            default = path.resolve().parent.parent / "values"
            if default.is_dir() and folder.name != "values":
                (folder.parent / "values").symlink_to(default, target_is_directory=True)
        self.decoded = decoded
        self.source = path

    def write(self, text: str) -> Path:
        self.path.write_bytes(_encode(self.decoded, text, self.source))
        return self.path

    def close(self) -> None:
        self._dir.cleanup()


def _audit_as(scratch: Path, display: str, options: Settings, rules: Sequence[Rule]
              ) -> tuple[list[Finding], list[str], FileError | None]:
    from tqcheck.audit import audit_file
    from tqcheck.suppress import apply_directives, per_file_directives

    result = audit_file(scratch, options, rules, shown=display)
    findings = result.findings
    if options.per_file_ignores:
        findings, _ = apply_directives(findings, per_file_directives(options.per_file_ignores))
    return findings, result.notes, result.error


def _unit_texts(path: Path, options: Settings, fmt: str) -> list[Segment]:
    from tqcheck.readers import read_segments

    return list(read_segments(path, options.read.encoding, fmt, options.read))


_UnitEdit = tuple[int, int, int, str]  # unit, start, end (in the unit's text), new text


def _unit_edits(segments: list[Segment], findings: Iterable[Finding]
                ) -> dict[int, list[_UnitEdit] | None]:
    """For each finding (by ``id``), its edits in the coordinates of the units' texts, or None
    when an edit does not stand inside one unit or no longer covers what it replaces."""
    index: dict[tuple[int, int], tuple[int, int]] = {}
    for k, seg in enumerate(segments):
        for i in range(len(seg.text) + 1):
            index.setdefault(seg.locate(i), (k, i))
    out: dict[int, list[_UnitEdit] | None] = {}
    for finding in findings:
        assert finding.fix is not None
        edits: list[_UnitEdit] | None = []
        for e in finding.fix.edits:
            a, b = index.get(e.start), index.get(e.end)
            if (a is None or b is None or a[0] != b[0] or b[1] < a[1]
                    or segments[a[0]].text[a[1]:b[1]] != e.before):
                edits = None
                break
            assert edits is not None
            edits.append((a[0], a[1], b[1], e.content))
        out[id(finding)] = edits
    return out


def _expected_texts(segments: list[Segment], edits: Iterable[_UnitEdit]) -> list[str]:
    texts = [s.text for s in segments]
    per_unit: dict[int, list[tuple[int, int, str]]] = {}
    for k, start, end, content in edits:
        per_unit.setdefault(k, []).append((start, end, content))
    for k, unit in per_unit.items():
        text = texts[k]
        for start, end, content in sorted(unit, reverse=True):
            text = text[:start] + content + text[end:]
        texts[k] = text
    return texts


def _bad_units(old: list[Segment], new: list[Segment], expected: list[str]) -> set[int] | None:
    """Units that did not read back as expected (None: the units no longer pair up)."""
    if len(old) != len(new):
        return None
    return {k for k, (o, n, text) in enumerate(zip(old, new, expected, strict=True))
            if n.text != text or (o.source, o.id, o.kind) != (n.source, n.id, n.kind)}


def _units_checked(text: str, findings: list[Finding], scratch: _Scratch, options: Settings,
                   fmt: str, unsafe: bool, escape: Callable[[str], str]) -> list[Finding] | None:
    """The findings whose fixes a translation file takes as intended: each edit stands inside
    one unit, and once applied the file reads back with every unit equal to the old one with its
    edits made.  Fixes of a unit that reads back otherwise are dropped (and the rest tried again
    once); None when the file still does not read back as expected."""
    fixable = [f for f in findings if not f.suppressed and allowed(f.fix, unsafe)]
    if not fixable:
        return findings
    old = _unit_texts(scratch.write(text), options, fmt)
    mapped = _unit_edits(old, fixable)
    fixable = [f for f in fixable if mapped[id(f)] is not None]
    for _ in range(2):
        if not fixable:
            return []
        new_text, done = apply_findings(text, fixable, unsafe=unsafe, escape=escape, check=False)
        shared = {f.fix.edits: f for f in done if f.fix is not None}.values()
        expected = _expected_texts(old, [e for f in shared for e in mapped[id(f)] or ()])
        try:
            new = _unit_texts(scratch.write(new_text), options, fmt)
        except InputError:
            new = []
        scratch.write(text)
        bad = _bad_units(old, new, expected)
        if bad == set():
            return fixable
        if bad is None:
            return None
        fixable = [f for f in fixable if not any(e[0] in bad for e in mapped[id(f)] or ())]
    return None


class KnownFindings:
    """The findings a baseline knows (``--baseline``), followed over the passes of fixing one
    file: the user accepted them, so their fixes are never applied.

    A fix elsewhere in a known finding's sentence changes the sentence, and with it the
    finding's fingerprint; so a finding whose code and flagged text were known in an earlier
    pass stays known (as many as were known)."""

    def __init__(self, entries: Sequence[BaselineEntry]) -> None:
        self.entries = entries
        self.carried: Counter[tuple[str, str]] = Counter()

    def mark(self, findings: list[Finding]) -> list[Finding]:
        """``findings`` with the known ones suppressed (``suppression`` "baseline")."""
        return self._mark(findings)[0]

    def carried_only(self, findings: list[Finding]) -> list[Finding]:
        """``findings`` with only those suppressed that are known through an earlier pass (the
        report's baseline marks its own matches, and counts them, when the report is made)."""
        out, direct = self._mark(findings)
        return [old if was else f for f, old, was in zip(out, findings, direct, strict=True)]

    def _mark(self, findings: list[Finding]) -> tuple[list[Finding], list[bool]]:
        from tqcheck.baseline import apply_baseline

        marked = apply_baseline(Report(tuple(findings)), self.entries)[0].findings
        direct = [f.suppression == "baseline" and not old.suppressed
                  for f, old in zip(marked, findings, strict=True)]
        left = Counter(self.carried)
        left.subtract(_known_key(f) for f, was in zip(marked, direct, strict=True) if was)
        out: list[Finding] = []
        for f in marked:
            if not f.suppressed and left[_known_key(f)] > 0:
                left[_known_key(f)] -= 1
                f = dataclasses.replace(f, suppressed=True, suppression="baseline")
            out.append(f)
        self.carried = Counter(_known_key(f) for f in out if f.suppression == "baseline")
        return out, direct


def _known_key(f: Finding) -> tuple[str, str]:
    return f.code, " ".join(f.text.split()).casefold()


def fix_file(path: Path, options: Settings, rules: Sequence[Rule], *, unsafe: bool = False,
             display: str | None = None, known: Sequence[BaselineEntry] | None = None
             ) -> FileFix:
    """Fix one file in memory (nothing is written here): audit it afresh, apply the allowed
    fixes pass after pass, and check every pass (see the module's docstring).  Findings that
    the baseline entries ``known`` hold are never fixed (:class:`KnownFindings`)."""
    from tqcheck.readers import detect_format

    shown = display or str(path)
    try:
        fmt = detect_format(path, options.read.format_in)
        decoded = _decode(path, options.read.encoding)
    except InputError as exc:
        return FileFix(shown, "", "", error=FileError(shown, str(exc)))
    result = FileFix(shown, decoded.text, decoded.text)
    escape = escape_for(fmt)
    prose = fmt in PROSE_FORMATS
    scratch = _Scratch(path, decoded, fmt)
    baseline = KnownFindings(known) if known is not None else None
    try:
        text = decoded.text
        findings, notes, error = _audit_as(scratch.write(text), shown, options, rules)
        result.found = findings
        for _ in range(MAX_PASSES):
            if error is not None:
                break
            to_fix = baseline.mark(findings) if baseline is not None else findings
            if not prose:
                checked = _units_checked(text, to_fix, scratch, options, fmt, unsafe, escape)
                if checked is None:
                    result.notes.append(f"{shown}: fixes left unapplied: the {fmt} file would not "
                                        "read back as expected")
                    break
                to_fix = checked
            new, done = apply_findings(text, to_fix, unsafe=unsafe, escape=escape, check=prose)
            if not done or new == text:
                break
            result.applied.extend(done)
            text = new
            findings, notes, error = _audit_as(scratch.write(text), shown, options, rules)
        if baseline is not None:
            findings = baseline.carried_only(findings)
        result.after = text
        result.remaining = findings
        result.notes.extend(notes)
        if error is not None:
            result.error = error
    except InputError as exc:
        result.error = FileError(shown, str(exc))
    finally:
        scratch.close()
    return result


def write_fixed(path: Path, fixed: FileFix, encoding: str | None) -> None:
    """Write a fixed file atomically with its mode kept; refused (:class:`InputError`) when the
    file changed since it was read."""
    from tqcheck.report import write_atomic

    decoded = _decode(path, encoding)
    if decoded.text != fixed.before:
        raise InputError(f"{path}: changed since it was read; not fixed (run again)")
    mode = path.stat().st_mode & 0o7777
    write_atomic(path, _encode(decoded, fixed.after, path), mode=mode)


# --- a whole report ----------------------------------------------------------------------------

@dataclass
class FixRun:
    """What ``--fix`` did to the files of a report: the report of what remains, and each file's
    outcome (in report order)."""

    report: Report
    files: list[FileFix]

    @property
    def applied(self) -> int:
        return sum(len(f.applied) for f in self.changed)

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.changed and f.error is None]

    def diff(self) -> str:
        return "".join(f.diff() for f in self.changed)


def fix_report(report: Report, options: Settings, rules: Sequence[Rule], *,
               unsafe: bool = False, skip: Iterable[str] = (),
               known: Sequence[BaselineEntry] | None = None) -> FixRun:
    """Fix, in memory, every file of ``report`` that has a finding with an allowed fix; the
    returned report holds what remains after fixing (the other files' findings unchanged).
    Files named in ``skip`` (standard input) and anything that is not a regular file (a pipe,
    a device) are left alone, with a note.  Findings the baseline entries ``known`` hold are
    not fixed (``--fix --baseline``: the user accepted them)."""
    candidates = report.findings
    if known is not None:
        from tqcheck.baseline import apply_baseline

        candidates = apply_baseline(report, known)[0].findings
    wanted = {f.path for f in candidates if not f.suppressed and allowed(f.fix, unsafe)}
    outcomes: list[FileFix] = []
    remaining: dict[str, list[Finding]] = {}
    errors = list(report.errors)
    notes = list(report.notes)
    skipped = set(skip)
    for summary in report.files:
        if summary.path not in wanted:
            continue
        if summary.path in skipped or not Path(summary.path).is_file():
            notes.append(f"{summary.path}: not a regular file (standard input, a pipe): not fixed")
            continue
        outcome = fix_file(Path(summary.path), options, rules, unsafe=unsafe, known=known)
        outcomes.append(outcome)
        if outcome.error is not None:
            errors.append(outcome.error)
            continue
        remaining[summary.path] = outcome.remaining
        notes.extend(n for n in outcome.notes if n not in notes)
    findings: list[Finding] = []
    done: set[str] = set()
    for f in report.findings:
        if f.path in remaining:
            if f.path not in done:
                findings.extend(remaining[f.path])
                done.add(f.path)
            continue
        findings.append(f)
    new = dataclasses.replace(report, findings=tuple(findings), errors=tuple(errors),
                              notes=tuple(notes))
    return FixRun(new, outcomes)


def write_run(run: FixRun, encoding: str | None) -> list[FileError]:
    """Write every changed file of ``run``; the files that could not be written, as errors (their
    fixes are then not counted)."""
    errors: list[FileError] = []
    for outcome in run.changed:
        try:
            write_fixed(Path(outcome.path), outcome, encoding)
        except InputError as exc:
            outcome.error = FileError(outcome.path, str(exc))
            errors.append(outcome.error)
    return errors
