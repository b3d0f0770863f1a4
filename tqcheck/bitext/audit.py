"""Auditing corpus records: each record is a document of its own.

A record's findings depend on the record alone (and on the languages, fixed for the whole corpus
before any partition runs), never on its neighbours: so a corpus audited in one pass, in
partitions, or on a cluster gives the same findings, byte for byte.  Document-scope checks run per
record; the checks that read whole files themselves (re-translation against ``--source``, the
reference) do not run on corpora.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tqcheck.audit import FileResult, rules_for
from tqcheck.bitext.records import (
    DEFAULT_PARTITION_RECORDS,
    CorpusSpec,
    Partition,
    Record,
    is_blank,
    plan_partitions,
    read_partition,
)
from tqcheck.checks.engine import Engine
from tqcheck.checks.registry import CheckContext, Rule, all_rules
from tqcheck.config import LanguageSettings, Settings
from tqcheck.errors import InputError
from tqcheck.langdata import base_lang, load_language
from tqcheck.model import FileError, FileSummary, Finding, ModelPackage, Segment, Severity

#: Settings whose checks read whole files (re-translation, reference chrF, round trips): not for
#: records (``Rule.needs``).
FILE_FEATURES = frozenset({"source", "ref", "round_trip_via"})

_DETECT_RECORDS = 50
#: Marks a segment as a corpus record (``checks._pairs.is_record``): prose, not a UI string.
_RECORD_META: Mapping[str, Any] = MappingProxyType({"record": True})
_CHUNK = 256


def corpus_rules(settings: Settings) -> list[Rule]:
    """The selected rules that apply to records."""
    return [r for r in rules_for(settings) if r.needs not in FILE_FEATURES]


def spec_for(path: Path, fmt: str, settings: Settings) -> CorpusSpec:
    """The :class:`CorpusSpec` of a corpus file from the settings (``--text-field`` …,
    ``--columns``, ``--codes-field``; ``--source`` names the source file of line pairs)."""
    read = settings.read
    kwargs: dict[str, Any] = {"codes_field": settings.filter.codes_field}
    if read.text_field:
        kwargs["text_field"] = read.text_field
    for key in ("source_field", "id_field"):
        if getattr(read, key):
            kwargs[key] = getattr(read, key)
    if read.columns:
        kwargs["columns"] = tuple(read.columns)
    if fmt == "moses":
        kwargs["source_path"] = read.source
    return CorpusSpec(format=fmt, **kwargs)


@dataclass(frozen=True)
class CorpusJob:
    """Everything a partition needs, decided once for the whole corpus (picklable: it travels to
    worker processes and Dask workers)."""

    path: str
    spec: CorpusSpec
    settings: Settings
    codes: tuple[str, ...]
    lang: str | None
    lang_source: str
    source_lang: str | None
    #: Filter: the lowest severity that drops a record, and where partitions write their outputs.
    fail_on: str = "warning"
    workdir: str | None = None

    def rules(self) -> list[Rule]:
        by_code = {r.code: r for r in all_rules()}
        return [by_code[c] for c in self.codes]


def make_job(path: Path, spec: CorpusSpec, settings: Settings,
             rules: Sequence[Rule] | None = None, **extra: Any) -> CorpusJob:
    """Fix the languages of a corpus: the settings, else the metadata-free detection over the
    targets of its first records (once, so that every partition audits with the same ones)."""
    if rules is None:
        rules = corpus_rules(settings)
    rules = [r for r in rules if r.needs not in FILE_FEATURES]
    lang = settings.language.lang
    lang_source = "option" if lang else "unknown"
    if not lang:
        from tqcheck.bitext.records import read_records
        from tqcheck.langid import detect_document_language

        head = [r.target for r in itertools.islice(
            (r for r in read_records(path, spec) if r.target.strip()),
            _DETECT_RECORDS)]
        lang = detect_document_language(head)
        lang_source = "detected" if lang else "unknown"
    return CorpusJob(str(path), spec, settings, tuple(r.code for r in rules), lang, lang_source,
                     settings.language.source_lang, **extra)


def _segment(record: Record, index: int, job_lang: str | None, source_lang: str | None) -> Segment:
    text = record.target
    positions = None
    if "\n" in text:
        # Records have no file position but their line (row): every character stands on it.
        positions = tuple((record.line, c) for c in range(1, len(text) + 2))
    return Segment(text, record.line, 1, index, kind="unit", source=record.source,
                   source_lang=source_lang, target_lang=job_lang, id=record.id, positions=positions,
                   meta=_RECORD_META)


@dataclass
class RecordChecker:
    """Checks records one chunk at a time; made once per partition (or per batch)."""

    path: str
    fmt: str
    rules: Sequence[Rule]
    settings: Settings
    lang: str | None
    source_lang: str | None = None
    engine: Engine = field(init=False)

    def __post_init__(self) -> None:
        data = load_language(self.lang or "en",
                             tuple(Path(p) for p in self.settings.language.language_data))
        ctx = CheckContext(path=self.path, lang=base_lang(self.lang), data=data,
                           source_lang=self.source_lang, settings=self.settings)
        if not data.known:
            ctx.note_once("lang", f"{self.path}: no language data for {self.lang!r}; "
                          "language-specific rules use defaults or are skipped")
        self.engine = Engine(self.rules, ctx, isolate=True)

    @property
    def notes(self) -> list[str]:
        return self.engine.ctx.notes

    def check(self, records: Iterable[Record]) -> Iterator[tuple[Record, list[Finding]]]:
        """Each record with its findings (sorted), in order."""
        index = 0
        it = iter(records)
        while chunk := list(itertools.islice(it, _CHUNK)):
            segments = []
            for record in chunk:
                if not is_blank(record):
                    segments.append(_segment(record, index, self.lang, self.source_lang))
                index += 1
            by_line: dict[int, list[Finding]] = {}
            for f in self.engine.feed_all(segments):
                by_line.setdefault(f.line, []).append(f)
            for record in chunk:
                found = by_line.get(record.line)
                if found:
                    label = record.label(self.fmt)
                    found = sorted((replace(f, record=label) for f in found), key=Finding.sort_key)
                yield record, found or []


def dropping_codes(findings: Iterable[Finding], fail_on: str) -> list[str]:
    """The codes of the findings that drop a record at ``fail_on`` (sorted, unique)."""
    if fail_on == "never":
        return []
    threshold = Severity(fail_on).rank
    return sorted({f.code for f in findings if not f.suppressed and f.severity.rank >= threshold})


@dataclass(kw_only=True)
class Tally:
    """Records read, kept and dropped, and how many records each code dropped: one partition's
    (:class:`PartResult`) or a whole filter run's (``FilterSummary``)."""

    records: int = 0
    kept: int = 0
    dropped: int = 0
    by_code: dict[str, int] = field(default_factory=dict)

    def count(self, codes: Iterable[str]) -> None:
        """One record more: dropped by ``codes``, or kept when there are none."""
        self.records += 1
        dropped = False
        for code in codes:
            self.by_code[code] = self.by_code.get(code, 0) + 1
            dropped = True
        self.dropped += dropped
        self.kept += not dropped

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.records += other.records
        self.kept += other.kept
        self.dropped += other.dropped
        for code, n in other.by_code.items():
            self.by_code[code] = self.by_code.get(code, 0) + n


@dataclass
class PartResult(Tally):
    """What one partition produced: findings (audit) or counts (filter), and statistics."""

    index: int
    findings: list[Finding] = field(default_factory=list)
    segments: int = 0
    sentences: int = 0
    words: int = 0
    notes: list[str] = field(default_factory=list)
    #: The translation model packages the partition's checks used (recorded where it ran).
    models: tuple[ModelPackage, ...] = ()
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"index": self.index, "records": self.records, "segments": self.segments,
                "sentences": self.sentences, "words": self.words, "notes": self.notes,
                "kept": self.kept, "dropped": self.dropped, "by_code": self.by_code}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> PartResult:
        return cls(**{k: d[k] for k in ("index", "records", "segments", "sentences", "words",
                                        "notes", "kept", "dropped", "by_code")})


def audit_partition(job: CorpusJob, part: Partition) -> PartResult:
    """Audit one partition (in this process, a worker process or on a Dask worker)."""
    from tqcheck.translate.usage import recording

    result = PartResult(part.index)
    try:
        # The models used are recorded where the partition runs (a Dask worker, too), as the
        # local audit records them around a file: the signature names them either way.
        with recording() as models:
            checker = RecordChecker(job.path, job.spec.format, job.rules(), job.settings,
                                    job.lang, job.source_lang)
            for record, found in checker.check(read_partition(Path(job.path), job.spec, part)):
                result.records += not is_blank(record)
                result.findings.extend(found)
        result.models = tuple(sorted(models))
    except InputError as exc:
        result.error = str(exc)
        return result
    stats = checker.engine.stats
    result.segments, result.sentences, result.words = stats.segments, stats.sentences, stats.words
    result.notes = list(checker.notes)
    return result


def merge_audit(job: CorpusJob, results: Iterable[PartResult]) -> FileResult:
    """One file's result from its partitions' results, in partition order."""
    findings: list[Finding] = []
    notes: list[str] = []
    models: set[ModelPackage] = set()
    segments = sentences = words = 0
    for r in results:
        if r.error:
            return FileResult([], error=FileError(job.path, r.error))
        findings.extend(r.findings)
        models.update(r.models)
        segments += r.segments
        sentences += r.sentences
        words += r.words
        notes.extend(n for n in r.notes if n not in notes)
    summary = FileSummary(job.path, base_lang(job.lang), job.lang_source, segments, sentences,
                          words, job.spec.format)
    return FileResult(findings, summary, notes=notes, models=tuple(sorted(models)))


def audit_corpus_file(path: Path, fmt: str, settings: Settings,
                      rules: Sequence[Rule] | None = None,
                      size: int = DEFAULT_PARTITION_RECORDS) -> FileResult:
    """Audit a corpus file in this process, partition after partition."""
    try:
        job = make_job(path, spec_for(path, fmt, settings), settings, rules)
        parts = plan_partitions(path, job.spec, size)
    except InputError as exc:
        return FileResult([], error=FileError(str(path), str(exc)))
    return merge_audit(job, (audit_partition(job, p) for p in parts))


# --- the library API for other pipelines ------------------------------------------------------


def _settings(lang: str, source_lang: str | None, select: Iterable[str], ignore: Iterable[str]
              ) -> Settings:
    return Settings(select=tuple(select), ignore=tuple(ignore),
                    language=LanguageSettings(lang=lang, source_lang=source_lang))


def audit_records(
    records: Iterable[Mapping[str, Any]],
    *,
    lang: str,
    source_lang: str | None = None,
    text_field: str = "text",
    source_field: str | None = None,
    id_field: str | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
    fail_on: str = "warning",
    codes_field: str = "tq_codes",
    findings_field: str = "tq_findings",
) -> Iterator[dict[str, Any]]:
    """Audit an iterable of records (mappings) and yield each as a new dict with two more fields:
    ``codes_field``, the codes of the findings at or above ``fail_on`` (what ``tqcheck filter``
    drops on), and ``findings_field``, every finding as a JSON-report dict.

    ``lang`` is required: a batch is too small to detect the language of a corpus from, and the
    result must not depend on how a pipeline batches its records.  Streams: memory does not depend
    on the number of records.
    """
    settings = _settings(lang, source_lang, select, ignore)
    checker = RecordChecker("<records>", "jsonl", corpus_rules(settings), settings, lang,
                            source_lang)
    from tqcheck.report.json import finding_dict

    def as_records() -> Iterator[tuple[Mapping[str, Any], Record]]:
        for n, item in enumerate(records, start=1):
            target = item.get(text_field)
            source = item.get(source_field) if source_field else None
            rid = item.get(id_field) if id_field else None
            yield item, Record("" if target is None else str(target),
                               None if source is None else str(source),
                               None if rid is None else str(rid), n)

    # The checker reads a chunk of records ahead: the originals wait here, first in, first out.
    originals: deque[Mapping[str, Any]] = deque()

    def remember() -> Iterator[Record]:
        for item, record in as_records():
            originals.append(item)
            yield record

    for _, found in checker.check(remember()):
        out = dict(originals.popleft())
        out[codes_field] = dropping_codes(found, fail_on)
        out[findings_field] = [_record_finding(finding_dict(f)) for f in found]
        yield out


def _record_finding(d: dict[str, Any]) -> dict[str, Any]:
    # A record has no path and no line of its own outside a file: drop them.
    for key in ("path", "line", "end_line"):
        d.pop(key, None)
    return d


def audit_batch(batch: Any, **kwargs: Any) -> Any:
    """Audit a columnar batch: a pandas DataFrame (Dask ``map_partitions``, Ray
    ``batch_format="pandas"``) or a dict of columns (Hugging Face ``datasets.map(batched=True)``,
    Ray's default numpy batches).  Returns the same kind of batch with two more columns:
    ``tq_codes`` (list of codes that drop the record) and ``tq_findings`` (the findings, as a JSON
    string, so that the column has one type whatever the findings).  ``kwargs``: those of
    :func:`audit_records` (``lang`` is required)."""
    codes_field = kwargs.get("codes_field", "tq_codes")
    findings_field = kwargs.get("findings_field", "tq_findings")
    if hasattr(batch, "to_dict") and hasattr(batch, "assign"):  # pandas
        rows = batch.to_dict("records")
        out = list(audit_records(rows, **kwargs))
        return batch.assign(**{
            codes_field: [r[codes_field] for r in out],
            findings_field: [json.dumps(r[findings_field], ensure_ascii=False) for r in out],
        })
    columns = {k: list(v) for k, v in dict(batch).items()}
    n = len(next(iter(columns.values()))) if columns else 0
    rows = ({k: v[i] for k, v in columns.items()} for i in range(n))
    codes: list[list[str]] = []
    findings: list[str] = []
    for r in audit_records(rows, **kwargs):
        codes.append(r[codes_field])
        findings.append(json.dumps(r[findings_field], ensure_ascii=False))
    return {**dict(batch), codes_field: codes, findings_field: findings}


def count_codes(results: Iterable[PartResult]) -> Counter[str]:
    total: Counter[str] = Counter()
    for r in results:
        total.update(r.by_code)
    return total
