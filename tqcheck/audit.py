"""The audit: read → segment → check → report, for one or many files.  No CLI here."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck import __version__
from tqcheck.checks.engine import Engine
from tqcheck.checks.registry import CheckContext, Rule, select_rules
from tqcheck.errors import InputError
from tqcheck.langdata import base_lang, load_language
from tqcheck.model import FileError, FileSummary, Finding, Report, Segment, Severity
from tqcheck.readers import known_extensions, read_segments

log = logging.getLogger(__name__)

_DETECT_SEGMENTS = 50


@dataclass(frozen=True)
class AuditOptions:
    """Everything that shapes an audit, independent of the CLI."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    lang: str | None = None
    source_lang: str | None = None
    encoding: str | None = None
    format_in: str | None = None
    language_data: tuple[Path, ...] = ()
    calque_packs: tuple[Path, ...] = ()
    #: Options of optional features (reference, source, round trip …), handed to checks verbatim.
    #: A feature is enabled when its key holds a value that is not None.
    features: Mapping[str, Any] = field(default_factory=dict)

    def enabled_features(self) -> set[str]:
        return {k.replace("_", "-") for k, v in self.features.items() if v not in (None, False)}


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | FileError]:
    """Files to audit in a stable order: files as given, directories walked (sorted) for the
    extensions tqcheck reads."""
    exts = known_extensions()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in exts
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield FileError(str(path), f"{path}: directory holds no file tqcheck can read "
                                f"({', '.join(sorted(exts))})")
            yield from found
        else:
            yield path


def _peek(segments: Iterator[Segment], n: int) -> tuple[list[Segment], Iterator[Segment]]:
    head = list(itertools.islice(segments, n))
    return head, itertools.chain(head, segments)


@dataclass
class FileResult:
    findings: list[Finding]
    summary: FileSummary | None = None
    error: FileError | None = None
    notes: list[str] = field(default_factory=list)


def audit_segments(
    path: str,
    segments: Iterable[Segment],
    options: AuditOptions,
    rules: Sequence[Rule] | None = None,
    fmt: str = "text",
) -> FileResult:
    """Audit an already-read stream of segments (the core of every audit)."""
    if rules is None:
        rules = select_rules(options.select, options.ignore, options.enabled_features())
    stream = iter(segments)
    lang = options.lang
    source_lang = options.source_lang
    lang_source = "option" if lang else "unknown"
    head, stream = _peek(stream, _DETECT_SEGMENTS)
    if not lang:
        meta = next((s.target_lang for s in head if s.target_lang), None)
        if meta:
            lang, lang_source = meta, "metadata"
        else:
            from tqcheck.langid import detect_document_language

            lang = detect_document_language(s.text for s in head)
            lang_source = "detected" if lang else "unknown"
    if not source_lang:
        source_lang = next((s.source_lang for s in head if s.source_lang), None)
    data = load_language(lang or "en", options.language_data)
    ctx = CheckContext(
        path=path,
        lang=base_lang(lang),
        data=data,
        source_lang=source_lang,
        options={**options.features, "calque_packs": options.calque_packs},
    )
    if not data.known:
        ctx.note_once("lang", f"{path}: no language data for {lang!r}; language-specific rules "
                      "use defaults or are skipped")
    engine = Engine(rules, ctx)
    findings: list[Finding] = []
    for segment in stream:
        findings.extend(engine.feed(segment))
    findings.extend(engine.finish())
    findings.sort(key=Finding.sort_key)
    stats = engine.stats
    summary = FileSummary(path, base_lang(lang), lang_source, stats.segments, stats.sentences,
                          stats.words, fmt)
    return FileResult(findings, summary, notes=ctx.notes)


def audit_file(path: Path, options: AuditOptions, rules: Sequence[Rule] | None = None) -> FileResult:
    from tqcheck.readers import detect_format

    try:
        fmt = detect_format(path, options.format_in)
        segments = read_segments(path, options.encoding, fmt)
        return audit_segments(str(path), segments, options, rules, fmt)
    except InputError as exc:
        return FileResult([], error=FileError(str(path), str(exc)))


def audit_text(text: str, options: AuditOptions | None = None, path: str = "<text>") -> Report:
    """Audit a string of plain text (paragraphs separated by blank lines)."""
    from tqcheck.readers.text import paragraphs_from_lines

    options = options or AuditOptions()
    result = audit_segments(path, paragraphs_from_lines(text.splitlines(True)), options)
    return Report(tuple(result.findings), (result.summary,) if result.summary else (),
                  notes=tuple(result.notes), signature=signature(options))


def signature(options: AuditOptions, rules: Sequence[Rule] | None = None) -> dict[str, Any]:
    from tqcheck.langid import backend_signature

    if rules is None:
        rules = select_rules(options.select, options.ignore, options.enabled_features())
    return {
        "tool": "tqcheck",
        "version": __version__,
        "checks": [r.code for r in rules],
        "langid": backend_signature(),
    }


def audit(paths: Iterable[str | Path], options: AuditOptions | None = None) -> Report:
    """Audit files and directories; never raises for bad input files (they become ``errors``)."""
    options = options or AuditOptions()
    rules = select_rules(options.select, options.ignore, options.enabled_features())
    findings: list[Finding] = []
    files: list[FileSummary] = []
    errors: list[FileError] = []
    notes: list[str] = []
    for item in expand_paths(paths):
        if isinstance(item, FileError):
            errors.append(item)
            continue
        result = audit_file(item, options, rules)
        findings.extend(result.findings)
        if result.summary:
            files.append(result.summary)
        if result.error:
            errors.append(result.error)
        notes.extend(n for n in result.notes if n not in notes)
    return Report(tuple(findings), tuple(files), tuple(errors), tuple(notes),
                  signature=signature(options, rules))


def gate_failed(report: Report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in report.active)
