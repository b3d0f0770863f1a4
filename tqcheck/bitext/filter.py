"""``tqcheck filter``: split a corpus into the records to keep and those to drop.

Every record goes to exactly one output, in the input's format and order; a dropped record carries
the codes that dropped it (a field in JSONL and Parquet, a last column in TSV, a ``.codes`` file
line-aligned with the dropped pairs).  The corpus is processed in partitions: each writes its part
of both outputs into a work folder beside the outputs (atomically, then a marker with its counts),
and the parts are joined in order into the outputs (atomically too) at the end.  A rerun with
``resume`` keeps the partitions a previous, interrupted run finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from tqcheck.bitext.audit import (
    CorpusJob,
    PartResult,
    RecordChecker,
    Tally,
    dropping_codes,
    make_job,
)
from tqcheck.bitext.engines import map_ordered
from tqcheck.bitext.records import (
    DEFAULT_PARTITION_RECORDS,
    CorpusSpec,
    Partition,
    is_blank,
    jsonl_with_codes,
    plan_partitions,
    read_partition,
    tsv_with_codes,
)
from tqcheck.config import FilterSettings, OutputSettings, Settings
from tqcheck.errors import InputError

#: Part files of a partition, by output; line-aligned pairs have the source and codes files too.
_LINE_PARTS = ("keep", "drop")
_PAIR_PARTS = ("keep", "drop", "keep.src", "drop.src", "drop.codes")


@dataclass(frozen=True)
class FilterOutputs:
    keep: Path | None
    drop: Path | None
    #: Line-aligned pairs: the source halves of the outputs.
    keep_source: Path | None = None
    drop_source: Path | None = None
    #: Line-aligned pairs: the codes of each dropped pair, line-aligned with ``drop``.
    drop_codes: Path | None = None

    def by_part(self) -> dict[str, Path | None]:
        return {"keep": self.keep, "drop": self.drop, "keep.src": self.keep_source,
                "drop.src": self.drop_source, "drop.codes": self.drop_codes}


@dataclass
class FilterSummary(Tally):
    partitions: int = 0
    resumed: int = 0
    notes: list[str] = field(default_factory=list)
    lang: str | None = None

    def as_dict(self, outputs: FilterOutputs) -> dict[str, Any]:
        return {
            "records": self.records, "kept": self.kept, "dropped": self.dropped,
            "by_code": dict(sorted(self.by_code.items())), "lang": self.lang,
            "partitions": self.partitions, "resumed_partitions": self.resumed,
            "outputs": {k: str(v) for k, v in outputs.by_part().items() if v is not None},
            "notes": self.notes,
        }


def pair_outputs(keep: Path | None, drop: Path | None, keep_source: Path | None = None,
                 drop_source: Path | None = None) -> FilterOutputs:
    """Outputs of line-aligned pairs: the source halves default to ``OUT.src``."""
    return FilterOutputs(
        keep, drop,
        keep_source or (keep.with_name(keep.name + ".src") if keep else None),
        drop_source or (drop.with_name(drop.name + ".src") if drop else None),
        drop.with_name(drop.name + ".codes") if drop else None,
    )


#: The option that names each output (in messages).
_FLAGS = {"keep": "--keep", "drop": "--drop", "keep.src": "--keep-source",
          "drop.src": "--drop-source", "drop.codes": "--drop (its .codes file)"}


def filter_inputs(path: Path, spec: CorpusSpec, settings: Settings) -> list[Path]:
    """Every file a filter run reads: the corpus, its source file and the files the settings
    name (language data, calque packs, glossary)."""
    language = settings.language
    named = [*language.language_data, *language.calque_packs,
             *([settings.fidelity.glossary] if settings.fidelity.glossary else [])]
    return [path, *([Path(spec.source_path)] if spec.source_path else []),
            *(Path(p) for p in named)]


def _check_outputs(inputs: Sequence[Path], outputs: FilterOutputs) -> None:
    from tqcheck.report import refuse_overwriting_inputs

    named = [(_FLAGS[k], p) for k, p in outputs.by_part().items() if p is not None]
    if not named:
        raise InputError("give --keep, --drop or both")
    resolved = [p.resolve() for _, p in named]
    if len(set(resolved)) != len(resolved):
        raise InputError("the outputs must be different files")
    # The guard every writer goes through: no output replaces a file this run reads.
    refuse_overwriting_inputs(named, inputs)
    for _, out in named:
        if not out.resolve().parent.is_dir():
            raise InputError(f"{out}: folder {out.parent} does not exist")


def workdir_for(outputs: FilterOutputs) -> Path:
    """The work folder of a run: beside its first output, named after it."""
    first = next(p for p in outputs.by_part().values() if p is not None)
    return first.with_name(f".{first.name}.tqcheck-parts")


def _audit_settings(settings: Settings) -> Settings:
    """What of ``settings`` shapes the findings (not where they run or are written)."""
    return replace(settings, filter=FilterSettings(), output=OutputSettings(), engine="local",
                   scheduler=None, workers=None, partition_size=None, jobs=None)


def _fingerprint(job: CorpusJob, size: int, inputs: Sequence[Path]) -> str:
    stats = [(str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns) for p in inputs]
    blob = json.dumps({
        "inputs": stats, "spec": asdict(job.spec), "settings": repr(_audit_settings(job.settings)),
        "codes": job.codes, "lang": job.lang, "source_lang": job.source_lang,
        "fail_on": job.fail_on, "size": size,
    }, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


# --- one partition ------------------------------------------------------------------------------


def _part_path(workdir: Path, index: int, part: str) -> Path:
    return workdir / f"part-{index:07d}.{part}"


def _marker(workdir: Path, index: int) -> Path:
    return workdir / f"part-{index:07d}.done.json"


class _TempFiles:
    """Temporary files that become their final names only together, on :meth:`commit`."""

    def __init__(self, finals: dict[str, Path]) -> None:
        self.finals = finals
        self.temps: dict[str, Path] = {}
        self.handles: dict[str, IO[bytes]] = {}
        for key, final in finals.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
            self.temps[key] = Path(tmp)
            self.handles[key] = os.fdopen(fd, "wb")

    def commit(self) -> None:
        for fh in self.handles.values():
            fh.close()
        for key, tmp in self.temps.items():
            tmp.replace(self.finals[key])

    def discard(self) -> None:
        for fh in self.handles.values():
            fh.close()
        for tmp in self.temps.values():
            tmp.unlink(missing_ok=True)


def filter_partition(job: CorpusJob, part: Partition) -> PartResult:
    """Filter one partition into its part files (in this process or on a Dask worker); idempotent,
    so a rerun after a lost worker replaces the files of the first try."""
    result = PartResult(part.index)
    workdir = Path(job.workdir or ".")
    fmt = job.spec.format
    try:
        checker = RecordChecker(job.path, fmt, job.rules(), job.settings, job.lang,
                                job.source_lang)
        records = read_partition(Path(job.path), job.spec, part)
        if fmt == "parquet":
            _filter_parquet(job, part, checker.check(records), workdir, result)
        else:
            names = _PAIR_PARTS if fmt == "moses" else _LINE_PARTS
            files = _TempFiles({n: _part_path(workdir, part.index, n) for n in names})
            try:
                _filter_lines(job, checker.check(records), files.handles, result)
            except BaseException:
                files.discard()
                raise
            files.commit()
    except InputError as exc:
        result.error = str(exc)
        return result
    stats = checker.engine.stats
    result.segments, result.sentences, result.words = stats.segments, stats.sentences, stats.words
    result.notes = list(checker.notes)
    _write_json_atomic(_marker(workdir, part.index), result.as_dict())
    return result


def _filter_lines(job: CorpusJob, checked: Iterable[Any], out: dict[str, IO[bytes]],
                  result: PartResult) -> None:
    fmt = job.spec.format
    codes_field = job.spec.codes_field
    for record, found in checked:
        if is_blank(record):  # a blank line is no record: it stays where it was
            out["keep"].write(record.raw)
            continue
        codes = dropping_codes(found, job.fail_on)
        result.count(codes)
        if not codes:
            out["keep"].write(record.raw)
            if fmt == "moses":
                out["keep.src"].write(record.source_raw)
            continue
        if fmt == "jsonl":
            out["drop"].write(jsonl_with_codes(record.raw, codes_field, codes))
        elif fmt == "tsv":
            out["drop"].write(tsv_with_codes(record.raw, codes))
        else:
            out["drop"].write(_terminated(record.raw))
            out["drop.src"].write(_terminated(record.source_raw))
            out["drop.codes"].write(",".join(codes).encode() + b"\n")
    result.by_code = dict(sorted(result.by_code.items()))


def _terminated(raw: bytes) -> bytes:
    # The last line of a file may lack its newline; in an output it may stand anywhere.
    return raw if raw.endswith(b"\n") else raw + b"\n"


def _filter_parquet(job: CorpusJob, part: Partition, checked: Iterable[Any], workdir: Path,
                    result: PartResult) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pq.ParquetFile(job.path).schema_arrow
    drop_schema = schema.append(pa.field(job.spec.codes_field, pa.list_(pa.string())))
    kept: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []
    for record, found in checked:
        codes = dropping_codes(found, job.fail_on)
        result.count(codes)
        row = dict(record.row or {})
        if codes:
            row[job.spec.codes_field] = codes
            dropped.append(row)
        else:
            kept.append(row)
    result.by_code = dict(sorted(result.by_code.items()))
    for name, rows, sch in (("keep", kept, schema), ("drop", dropped, drop_schema)):
        final = _part_path(workdir, part.index, name)
        fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=workdir)
        os.close(fd)
        try:
            pq.write_table(pa.Table.from_pylist(rows, schema=sch), tmp)
            Path(tmp).replace(final)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def _empty_parquet_parts(job: CorpusJob, workdir: Path) -> None:
    _filter_parquet(job, Partition(0, 1, 0), iter(()), workdir, PartResult(0))


def _write_json_atomic(path: Path, data: Any) -> None:
    from tqcheck.report import write_atomic

    write_atomic(path, json.dumps(data))


# --- the whole run --------------------------------------------------------------------------


def _join(parts: list[Path], final: Path, fmt: str) -> None:
    """Join part files into ``final`` atomically (a temporary file beside it, then a rename)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            os.close(fd)
            writer = None
            try:
                for p in parts:
                    table = pq.read_table(p)
                    if writer is None:
                        writer = pq.ParquetWriter(tmp, table.schema)
                    if table.num_rows:
                        writer.write_table(table)
            finally:
                if writer is not None:
                    writer.close()
        else:
            with os.fdopen(fd, "wb") as out:
                for p in parts:
                    with p.open("rb") as fh:
                        shutil.copyfileobj(fh, out, 1 << 20)
        umask = os.umask(0)
        os.umask(umask)
        Path(tmp).chmod(0o666 & ~umask)
        Path(tmp).replace(final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run_filter(
    path: Path,
    spec: CorpusSpec,
    settings: Settings,
    outputs: FilterOutputs,
    fail_on: str | None = None,
    engine: str | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    size: int | None = None,
    resume: bool | None = None,
    also_read: Sequence[Path | str] = (),
) -> FilterSummary:
    """Filter ``path`` into ``outputs``; raises :class:`InputError` for bad input.  The keyword
    arguments override ``settings`` (``output.fail_on``, ``engine``, ``scheduler``, ``workers``,
    ``partition_size``, ``filter.resume``); ``also_read``: more files this run reads (the
    configuration), which no output may replace."""
    fail_on = fail_on or settings.output.fail_on
    engine = engine or settings.engine
    scheduler = scheduler or settings.scheduler
    workers = workers or settings.workers
    size = size or settings.partition_size or DEFAULT_PARTITION_RECORDS
    resume = settings.filter.resume if resume is None else resume
    inputs = [path] + ([Path(spec.source_path)] if spec.source_path else [])
    _check_outputs([*filter_inputs(path, spec, settings), *(Path(p) for p in also_read)],
                   outputs)
    workdir = workdir_for(outputs).resolve()
    job = make_job(path.resolve(), spec, settings, fail_on=fail_on, workdir=str(workdir))
    parts = plan_partitions(path, spec, size)
    fingerprint = _fingerprint(job, size, inputs)
    plan_file = workdir / "plan.json"
    done: dict[int, PartResult] = {}
    if resume and plan_file.is_file():
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        if plan.get("fingerprint") != fingerprint:
            raise InputError(f"{workdir}: left by a run with other input or options; "
                             "run again without --resume")
        for p in parts:
            marker = _marker(workdir, p.index)
            if marker.is_file():
                done[p.index] = PartResult.from_dict(json.loads(marker.read_text(encoding="utf-8")))
    else:
        if workdir.exists():
            shutil.rmtree(workdir)
        workdir.mkdir()
        _write_json_atomic(plan_file, {"fingerprint": fingerprint, "partitions": len(parts)})
    todo = [p for p in parts if p.index not in done]
    from functools import partial

    fresh = map_ordered(partial(filter_partition, job), todo, engine, scheduler, workers,
                        "tqcheck-filter")
    summary = FilterSummary(partitions=len(parts), resumed=len(done), lang=job.lang)

    def in_order() -> Iterator[PartResult]:
        for p in parts:
            yield done[p.index] if p.index in done else next(fresh)

    for r in in_order():
        if r.error:
            raise InputError(r.error)
        summary.add(r)
        summary.notes.extend(n for n in r.notes if n not in summary.notes)
    names = _PAIR_PARTS if spec.format == "moses" else _LINE_PARTS
    if spec.format == "parquet" and not parts:  # no row group: empty tables of the right schema
        _empty_parquet_parts(job, workdir)
        parts = [Partition(0, 1, 0)]
    for name in names:
        final = outputs.by_part()[name]
        if final is not None:
            _join([_part_path(workdir, p.index, name) for p in parts], final, spec.format)
    shutil.rmtree(workdir, ignore_errors=True)
    return summary
