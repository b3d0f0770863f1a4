"""The audit: read → segment → check → report, for one or many files.  No CLI here."""

from __future__ import annotations

import contextlib
import gc
import glob
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck import __version__
from tqcheck.checks.engine import LINE_ALIGNED_FORMATS, Engine
from tqcheck.checks.registry import CheckContext, Rule, get_rule, select_rules
from tqcheck.config import Settings
from tqcheck.errors import InputError
from tqcheck.langdata import base_lang, load_language
from tqcheck.model import (
    FileError,
    FileSummary,
    Finding,
    ModelPackage,
    Report,
    RuleInfo,
    Segment,
    Severity,
    Signature,
)
from tqcheck.readers import SourceFile, known_extensions, read_segments
from tqcheck.readers.decode import BlankLines
from tqcheck.suppress import Directive, apply_directives

log = logging.getLogger(__name__)

#: Units read ahead to decide a translation file's placeholder syntaxes and whether its sources
#: are keys.
_SYNTAX_SEGMENTS = 400


def _describe_units(ctx: CheckContext, sample: list[Segment], fmt: str) -> None:
    """Per file, not per unit: the placeholder and markup syntaxes its units use, and whether its
    sources are message keys (``form.label.name``) rather than text."""
    from tqcheck.checks.engine import TRANSLATION_FORMATS
    from tqcheck.placeholders import detect_syntaxes, sources_are_keys

    if fmt not in TRANSLATION_FORMATS:
        return
    sources = [s.source for s in sample if s.source]
    ctx.state["syntaxes"] = detect_syntaxes(sources or [s.text for s in sample])
    if sources and sources_are_keys(sources):
        ctx.state["keys_as_source"] = True
        ctx.note_once("keys", f"{ctx.path}: the sources are message keys, not text; checks that "
                      "compare a translation with its source are skipped for this file")


_FEATURE_NAMES = {"round_trip": "round_trip_via"}
#: Options the old ``features`` mapping held that no setting carries any more.
_DROPPED_FEATURES = frozenset({"machine_readable"})


def AuditOptions(
    *, features: Mapping[str, Any] | None = None, **values: Any
) -> Settings:
    """:class:`~tqcheck.config.Settings` from the keyword arguments of the former
    ``AuditOptions`` (field names, plus a ``features`` mapping of optional settings); kept so
    that callers written against it keep working."""
    extra = {_FEATURE_NAMES.get(k, k): v for k, v in (features or {}).items()
             if k not in _DROPPED_FEATURES and v is not None}
    if (features or {}).get("machine_readable"):
        extra.setdefault("progress", False)
    return Settings.of(**values, **extra)


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
    #: The translation model packages the checks used on this file.
    models: tuple[ModelPackage, ...] = ()


def audit_segments(
    path: str,
    segments: Iterable[Segment],
    settings: Settings,
    rules: Sequence[Rule] | None = None,
    fmt: str = "text",
    directives: Sequence[Directive] = (),
) -> FileResult:
    """Audit an already-read stream of segments (the core of every audit).  ``directives`` are
    the file's suppression directives (:mod:`tqcheck.suppress`); a reader may still be emitting
    them into it while the segments stream: they are applied once the segments are done."""
    if rules is None:
        rules = rules_for(settings)
    stream = iter(segments)
    from tqcheck.langid import DOCUMENT_HEAD, resolve_document_language

    sample, stream = _peek(stream, _SYNTAX_SEGMENTS)

    head, stream = _peek(stream, DOCUMENT_HEAD)
    doc = resolve_document_language(head, settings.language.lang, settings.language.source_lang)
    lang, lang_source, source_lang = doc.lang, doc.source, doc.source_lang
    # The --source file is read once, for both its language and the pairing of lines.
    source_file = SourceFile(settings.read.source) if settings.read.source else None
    if settings.language.source_lang:
        source_lang_origin = "option"
    elif source_lang:
        source_lang_origin = "metadata"
    else:
        source_lang = detect_source_language(head, source_file, fmt)
        source_lang_origin = "detected" if source_lang else "unknown"
    data = load_language(lang or "en", tuple(Path(p) for p in settings.language.language_data))
    ctx = CheckContext(
        path=path,
        lang=base_lang(lang),
        data=data,
        source_lang=source_lang,
        settings=settings,
        format=fmt,
        source_lang_origin=source_lang_origin,
    )
    _describe_units(ctx, sample, fmt)
    if not data.known:
        ctx.note_once("lang", f"{path}: no language data for {lang!r}; language-specific rules "
                      "use defaults or are skipped")
    # Line-aligned text is paired with its --source lines for the fidelity checks and for the
    # source in view (a finding the source mirrors is info: see tqcheck.checks.mirror).
    if settings.read.source and (fmt in LINE_ALIGNED_FORMATS
                                 or any(r.needs == "source" or r.on == "pairs" for r in rules)):
        from tqcheck.readers import pair_source_lines

        source = settings.read.source
        stream = pair_source_lines(
            stream, source_file or source,
            lambda message: ctx.note_once(f"fidelity-lines:{source}", message), path)
    from tqcheck.translate.usage import recording

    engine = Engine(rules, ctx)
    findings: list[Finding] = []

    def readable(segments: Iterable[Segment]) -> Iterator[Segment]:
        for segment in segments:
            if "unreadable" in segment.meta:  # a bad unit: said, skipped, the file still read
                ctx.note_once(str(segment.meta["unreadable"]), str(segment.meta["unreadable"]))
                continue
            yield segment

    try:
        with recording() as models, fewer_collections():
            findings.extend(engine.feed_all(readable(stream)))
            findings.extend(engine.finish())
            # The checks' state goes before the collector's thresholds are restored: else its
            # first collection after them walks all of it.
            stats = engine.stats
            del engine
    finally:
        if source_file is not None:
            source_file.close()
    findings.sort(key=Finding.sort_key)
    findings, unused = apply_directives(findings, directives, path)
    summary = FileSummary(path, base_lang(lang), lang_source, stats.segments, stats.sentences,
                          stats.words, fmt)
    return FileResult(findings, summary, notes=[*ctx.notes, *unused], models=tuple(sorted(models)))


#: The cyclic garbage collector's first threshold while a file is checked: allocations of
#: containers, less deallocations, between two collections of the youngest generation.
_GC_THRESHOLD = 100_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the checks of a file with the collector of reference cycles rarely started.  The checks
    make millions of short-lived containers (sentences, token lists, hits) and almost no cycles
    (a few dozen an audit: reference counting frees the rest), so at Python's default threshold
    (700) the collector walked the young objects about 150 times an audit, and the long-lived
    state of the document checks at every older collection, for nothing: a seventh of the
    audit's time.  The thresholds are restored afterwards."""
    thresholds = gc.get_threshold()
    if thresholds[0] == 0 or thresholds[0] >= _GC_THRESHOLD:  # disabled, or already rare
        yield
        return
    gc.set_threshold(_GC_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def detect_source_language(head: Sequence[Segment], source: SourceFile | str | None, fmt: str
                           ) -> str | None:
    """The language of the sources in evidence: those of the first segments (bilingual formats),
    else the first lines of a line-aligned ``--source`` file (read through ``source``, which
    keeps what it read for the pairing of lines); None without any source."""
    from tqcheck.langid import detect_document_language

    texts = [s.source for s in head if s.source]
    if not texts and source and fmt in LINE_ALIGNED_FORMATS:
        # None: unreadable; the pairing of lines reports it.
        if isinstance(source, SourceFile):
            texts = source.head(_SOURCE_HEAD) or []
        else:
            own = SourceFile(source)
            texts = own.head(_SOURCE_HEAD) or []
            own.close()
    if not texts:
        return None
    lang = detect_document_language(texts)
    return base_lang(lang) if lang else None


#: Lines of a ``--source`` file read to identify its language.
_SOURCE_HEAD = 50


def audit_file(path: Path, settings: Settings, rules: Sequence[Rule] | None = None,
               shown: str | None = None) -> FileResult:
    """Audit one file; ``shown`` is the name reports give it (a stream's name, where ``path`` is
    the copy of a stream: see :mod:`tqcheck.readers.streams`; the real file's, where ``path`` is
    the scratch copy :mod:`tqcheck.fix` audits)."""
    from tqcheck.bitext.records import corpus_format
    from tqcheck.readers import detect_format

    name = shown if shown is not None else str(path)
    corpus = corpus_format(path, settings.read.format_in)
    if corpus:  # JSONL, TSV, Parquet, line-aligned pairs: records, each a document of its own
        from tqcheck.bitext.audit import audit_corpus_file
        from tqcheck.bitext.engines import renamed
        from tqcheck.translate.usage import recording

        with recording() as models:
            result = audit_corpus_file(path, corpus, settings, rules)
        result.models = tuple(sorted(models))
        return renamed(result, name, str(path))
    try:
        fmt = detect_format(path, settings.read.format_in)
        directives: list[Directive] = []  # emitted by the reader as it reads
        # Prose: its blank lines, noted as it is read, for widening whole-line deletions.
        blank = BlankLines() if fmt in _PROSE_FORMATS else None
        segments = read_segments(path, settings.read.encoding, fmt, settings.read, directives,
                                 blank.watch if blank is not None else None)
        result = audit_segments(name, segments, settings, rules, fmt, directives)
        if blank is not None:
            from tqcheck.fix import needs_widening, widen_line_deletions

            if needs_widening(result.findings):
                result.findings = widen_line_deletions(blank, result.findings)
        return result
    except InputError as exc:
        return FileResult([], error=FileError(name, str(exc).replace(str(path), name)))
    except OSError as exc:  # unreadable (permissions, I/O error): this file only, like a missing one
        return FileResult([], error=FileError(name, f"{name}: cannot read: "
                                              f"{exc.strerror or exc}"))


#: Formats whose text is the file's own (no escapes): a fix deleting a paragraph takes the blank
#: line beside it too (see ``tqcheck.fix.widen_line_deletions``).
_PROSE_FORMATS = frozenset({"text", "markdown"})


def audit_text(text: str, settings: Settings | None = None, path: str = "<text>") -> Report:
    """Audit a string of plain text (paragraphs separated by blank lines) into a report (the
    public :func:`tqcheck.audit_text` reads any format and returns the findings)."""
    from tqcheck.readers.decode import split_lines
    from tqcheck.readers.text import paragraphs_from_lines

    settings = settings or Settings()
    rules = rules_for(settings)
    result = audit_segments(path, paragraphs_from_lines(split_lines(text, keepends=True)), settings,
                            rules)
    return Report(tuple(result.findings), (result.summary,) if result.summary else (),
                  notes=tuple(result.notes),
                  signature=signature(settings, rules, result.models),
                  rules=report_rules(rules, result.findings),
                  encoding=settings.read.encoding)


def rules_for(settings: Settings) -> list[Rule]:
    """The rules these settings select (an unknown selector is a :class:`ConfigError`)."""
    return select_rules(settings.select, settings.ignore, settings.enabled_features())


def report_rules(rules: Sequence[Rule], findings: Iterable[Finding]) -> tuple[RuleInfo, ...]:
    """What a report says about its rules: those that ran, and any other a finding names (a
    finding of a rule that was not selected comes from a baseline or another run), by code."""
    by_code = {r.code: r for r in rules}
    for f in findings:
        if f.code not in by_code:
            rule = get_rule(f.code)
            if rule is not None:
                by_code[f.code] = rule
    return tuple(by_code[c].info() for c in sorted(by_code))


#: Rules that score lines with sacrebleu's chrF (their findings depend on its version).
_CHRF_RULES = frozenset({"TQ801", "TQ811", "TQ815"})


def signature(settings: Settings, rules: Sequence[Rule] | None = None,
              models: Iterable[ModelPackage] = ()) -> Signature:
    """What produced a report: tool, checks, language-ID backend, when a check that scores with
    chrF runs, sacrebleu's chrF signature, and the translation model packages (``models``)
    checks used."""
    from tqcheck.langid import backend_signature

    if rules is None:
        rules = rules_for(settings)
    sacrebleu = None
    if any(r.code in _CHRF_RULES for r in rules):
        from tqcheck.score import chrf_signature

        sacrebleu = chrf_signature()
    return Signature("tqcheck", __version__, tuple(r.code for r in rules), backend_signature(),
                     sacrebleu=sacrebleu, models=tuple(sorted(set(models))))


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


def _init_worker(settings: Settings, codes: tuple[str, ...]) -> None:
    from tqcheck.checks.registry import all_rules

    by_code = {r.code: r for r in all_rules()}
    _worker_state["settings"] = settings
    _worker_state["rules"] = [by_code[c] for c in codes]


def _audit_in_worker(item: tuple[Path, str]) -> FileResult:
    return audit_file(item[0], _worker_state["settings"], _worker_state["rules"], item[1])


def _audit_files(files: list[tuple[Path, str]], settings: Settings, rules: Sequence[Rule],
                 jobs: int) -> Iterator[FileResult]:
    """Results in the order of ``files`` (path to read, name to show), audited by ``jobs``
    processes (1: in this process)."""
    if jobs <= 1 or len(files) <= 1:
        for path, shown in files:
            yield audit_file(path, settings, rules, shown)
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
        yield audit_file(files[0][0], settings, rules, files[0][1])
        files = files[1:]
        if len(files) == 1:
            yield audit_file(files[0][0], settings, rules, files[0][1])
            return
    workers = min(jobs, len(files))
    # Big chunks keep inter-process traffic low; several per worker even out uneven files.
    chunksize = max(1, len(files) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                             initializer=_init_worker,
                             initargs=(settings, tuple(r.code for r in rules))) as pool:
        yield from pool.map(_audit_in_worker, files, chunksize=chunksize)


#: Audits files in order: ``(files as (path, name shown), settings, rules, jobs) -> results``
#: (``settings.engine``: here, or on a Dask cluster, ``tqcheck.bitext.engines``).
Runner = Callable[[list[tuple[Path, str]], Settings, Sequence[Rule], int], Iterator[FileResult]]


def audit(paths: Iterable[str | Path], settings: Settings | None = None,
          jobs: int | None = None, stdin_filename: str | None = None) -> Report:
    """Audit files, directories and glob patterns; never raises for bad input files (they become
    ``errors``).  ``settings.jobs`` processes share the files (default: every core; 1: no
    subprocess; ``jobs`` overrides it); the report is the same, byte for byte, whatever the
    number.  ``-`` is standard input, reported as ``stdin_filename`` (whose extension also gives
    its format) when given; named pipes and devices are read as streams.  A resource that does
    not exist (``--source``, ``--ref``, ``--glossary``) is an :class:`InputError`.  With
    ``settings.engine`` "dask" the files (corpora in partitions) are audited on a Dask cluster,
    with the same report."""
    import tempfile

    settings = settings or Settings()
    for flag, value in (("ref", settings.fidelity.ref), ("source", settings.read.source),
                        ("glossary", settings.fidelity.glossary)):
        if value and not Path(value).is_file():
            raise InputError(f"--{flag} {value}: no such file")
    with tempfile.TemporaryDirectory(prefix="tqcheck-streams-") as spool:
        return _audit(paths, settings, jobs, stdin_filename or settings.read.stdin_filename,
                      Path(spool))


def _audit(paths: Iterable[str | Path], settings: Settings, jobs: int | None,
           stdin_filename: str | None, spool: Path) -> Report:
    rules = rules_for(settings)
    if jobs is None:
        jobs = settings.jobs
    findings: list[Finding] = []
    files: list[FileSummary] = []
    errors: list[FileError] = []
    notes: list[str] = []
    models: set[ModelPackage] = set()
    from tqcheck.readers.streams import spool_streams

    items = spool_streams(list(expand_paths(paths, settings.exclude)), spool, stdin_filename,
                           settings.read.encoding)
    todo = [item for item in items if not isinstance(item, FileError)]
    runner: Runner = _audit_files
    if settings.engine == "dask":
        from tqcheck.bitext.engines import dask_runner

        runner = dask_runner(settings.scheduler, settings.workers, settings.partition_size)
    results = runner(todo, settings, rules, default_jobs() if jobs is None else jobs)
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
        models.update(result.models)
    if settings.per_file_ignores:  # over every file at once: a glob is unused if no file used it
        from tqcheck.suppress import per_file_directives

        findings, unused = apply_directives(findings,
                                            per_file_directives(settings.per_file_ignores))
        notes.extend(unused)
    return Report(tuple(findings), tuple(files), tuple(errors), tuple(notes),
                  signature=signature(settings, rules, models),
                  rules=report_rules(rules, findings),
                  encoding=settings.read.encoding)


def gate_failed(report: Report, fail_on: str) -> bool:
    if fail_on == "never":
        return False
    threshold = Severity(fail_on).rank
    return any(f.severity.rank >= threshold for f in report.active)
