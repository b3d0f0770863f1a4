"""The audit: read → segment → check → report, for one or many files.  No CLI here."""

from __future__ import annotations

import glob
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
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
from tqcheck.suppress import apply_scopes, scopes_from_comments, scopes_from_segments

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
    #: Glob patterns of files to leave out when walking directories and expanding globs.
    exclude: tuple[str, ...] = ()
    #: ``per-file-ignores``: glob -> codes suppressed in matching files (empty = every check).
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Options of optional features (reference, source, round trip …), handed to checks verbatim.
    #: A feature is enabled when its key holds a value that is not None.
    features: Mapping[str, Any] = field(default_factory=dict)

    def enabled_features(self) -> set[str]:
        return {k.replace("_", "-") for k, v in self.features.items() if v not in (None, False)}


_GLOB_CHARS = frozenset("*?[")


def _walk(path: Path, exts: set[str], exclude: tuple[str, ...]) -> list[Path]:
    from tqcheck.suppress import path_matches

    return sorted(
        p for p in path.rglob("*")
        if p.is_file() and p.suffix.lower() in exts
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
        and not any(path_matches(str(p), pat) for pat in exclude)
    )


def expand_paths(paths: Iterable[str | Path], exclude: Iterable[str] = ()
                 ) -> Iterator[Path | FileError]:
    """Files to audit in a stable order: files as given, directories walked (sorted) for the
    extensions tqcheck reads, glob patterns (``*``, ``?``, ``[…]``, ``**``) expanded here for
    shells that do not.  ``exclude`` globs drop files found by walking or expanding."""
    from tqcheck.suppress import path_matches

    exts = known_extensions()
    excluded = tuple(exclude)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = _walk(path, exts, excluded)
            if not found:
                yield FileError(str(path), f"{path}: directory holds no file tqcheck can read "
                                f"({', '.join(sorted(exts))})")
            yield from found
        elif not path.exists() and _GLOB_CHARS & set(str(raw)):
            matches: list[Path] = []
            # Path.glob takes no absolute patterns; glob.glob does.
            for hit in sorted(glob.glob(str(raw), recursive=True)):  # noqa: PTH207
                p = Path(hit)
                if p.is_dir():
                    matches.extend(_walk(p, exts, excluded))
                elif p.is_file() and not any(path_matches(hit, pat) for pat in excluded):
                    matches.append(p)
            if not matches:
                yield FileError(str(raw), f"{raw}: no file matches this pattern")
            yield from dict.fromkeys(matches)
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
    flagged: list[Segment] = []  # segments whose reader set meta["suppress"] (PO flags)

    def remember(segments: Iterable[Segment]) -> Iterator[Segment]:
        for segment in segments:
            if "suppress" in segment.meta:
                flagged.append(segment)
            yield segment

    findings.extend(engine.feed_all(remember(stream)))
    findings.extend(engine.finish())
    findings.sort(key=Finding.sort_key)
    findings, unused = apply_scopes(findings, scopes_from_segments(flagged), path)
    stats = engine.stats
    summary = FileSummary(path, base_lang(lang), lang_source, stats.segments, stats.sentences,
                          stats.words, fmt)
    return FileResult(findings, summary, notes=[*ctx.notes, *unused])


def audit_file(path: Path, options: AuditOptions, rules: Sequence[Rule] | None = None
               ) -> FileResult:
    from tqcheck.bitext.records import corpus_format
    from tqcheck.readers import detect_format

    corpus = corpus_format(path, options.format_in)
    if corpus:  # JSONL, TSV, Parquet, line-aligned pairs: records, each a document of its own
        from tqcheck.bitext.audit import audit_corpus_file

        return audit_corpus_file(path, corpus, options, rules)
    try:
        fmt = detect_format(path, options.format_in)
        segments = read_segments(path, options.encoding, fmt, options.features)
        result = audit_segments(str(path), segments, options, rules, fmt)
        if fmt in _COMMENT_FORMATS:
            _apply_comment_suppressions(path, options, result)
        return result
    except InputError as exc:
        return FileResult([], error=FileError(str(path), str(exc)))


#: Formats whose files may hold ``<!-- tqcheck-… -->`` comments (Markdown, HTML-ish text).
_COMMENT_FORMATS = frozenset({"text", "markdown", "html"})


def _apply_comment_suppressions(path: Path, options: AuditOptions, result: FileResult) -> None:
    from tqcheck.readers.decode import iter_lines

    # Streamed: a file without directives (nearly all, and all large ones) is never held whole.
    if not any("tqcheck-" in line for line in iter_lines(path, options.encoding)):
        return
    lines = [line.rstrip("\n") for line in iter_lines(path, options.encoding)]
    scopes = scopes_from_comments(lines)
    result.findings, unused = apply_scopes(result.findings, scopes, str(path))
    result.notes.extend(unused)


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


def default_jobs() -> int:
    """Cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# Per worker process: the options and rules of the audit it serves (set by the initializer, so
# they cross the process boundary once, not once per file).  Rules hold functions and classes,
# so workers receive codes and select the rules again.
_worker_state: dict[str, Any] = {}


def _init_worker(options: AuditOptions, codes: tuple[str, ...]) -> None:
    from tqcheck.checks.registry import all_rules

    by_code = {r.code: r for r in all_rules()}
    _worker_state["options"] = options
    _worker_state["rules"] = [by_code[c] for c in codes]


def _audit_in_worker(path: Path) -> FileResult:
    return audit_file(path, _worker_state["options"], _worker_state["rules"])


def _audit_files(files: list[Path], options: AuditOptions, rules: Sequence[Rule], jobs: int
                 ) -> Iterator[FileResult]:
    """Results in the order of ``files``, audited by ``jobs`` processes (1: in this process)."""
    if jobs <= 1 or len(files) <= 1:
        for path in files:
            yield audit_file(path, options, rules)
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    # fork starts workers fastest, but forking a process that runs threads is unsafe (and
    # deprecated from Python 3.12): then workers start from scratch.
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if "fork" in methods and threading.active_count() == 1 else (
        "forkserver" if "forkserver" in methods else "spawn")
    if method == "fork":
        # The first file loads what every file needs (language data, compiled patterns, the
        # language-identification profiles); forked workers inherit it instead of each loading it.
        yield audit_file(files[0], options, rules)
        files = files[1:]
        if len(files) == 1:
            yield audit_file(files[0], options, rules)
            return
    workers = min(jobs, len(files))
    # Big chunks keep inter-process traffic low; several per worker even out uneven files.
    chunksize = max(1, len(files) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                             initializer=_init_worker,
                             initargs=(options, tuple(r.code for r in rules))) as pool:
        yield from pool.map(_audit_in_worker, files, chunksize=chunksize)


#: Audits files in order: ``(files, options, rules, jobs) -> results`` (see :func:`audit`).
Runner = Callable[[list[Path], AuditOptions, Sequence[Rule], int], Iterator[FileResult]]


def audit(paths: Iterable[str | Path], options: AuditOptions | None = None,
          jobs: int | None = None, runner: Runner | None = None) -> Report:
    """Audit files, directories and glob patterns; never raises for bad input files (they become
    ``errors``).  ``jobs`` processes share the files (default: every core; 1: no subprocess);
    the report is the same, byte for byte, whatever the number.  ``runner`` audits the files
    elsewhere (``tqcheck.bitext.engines``: on a Dask cluster), results in the same order."""
    options = options or AuditOptions()
    rules = select_rules(options.select, options.ignore, options.enabled_features())
    findings: list[Finding] = []
    files: list[FileSummary] = []
    errors: list[FileError] = []
    notes: list[str] = []
    items = list(expand_paths(paths, options.exclude))
    todo = [item for item in items if isinstance(item, Path)]
    results = (runner or _audit_files)(todo, options, rules,
                                       default_jobs() if jobs is None else jobs)
    for item in items:
        if isinstance(item, FileError):
            errors.append(item)
            continue
        result = next(results)
        findings.extend(result.findings)
        if result.summary:
            files.append(result.summary)
        if result.error:
            errors.append(result.error)
        notes.extend(n for n in result.notes if n not in notes)
    if options.per_file_ignores:
        from tqcheck.suppress import apply_per_file_ignores

        findings, unused = apply_per_file_ignores(findings, options.per_file_ignores)
        notes.extend(unused)
    return Report(tuple(findings), tuple(files), tuple(errors), tuple(notes),
                  signature=signature(options, rules))


def gate_failed(report: Report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in report.active)
