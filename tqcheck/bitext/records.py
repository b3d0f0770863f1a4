"""Corpus records: JSONL, TSV bitext, line-aligned (Moses-style) file pairs and Parquet.

A corpus is a sequence of independent records, each a target text with an optional source text and
id.  Records are read in partitions (runs of consecutive records), each streamed in bounded memory,
so that a partition can be audited or filtered anywhere — in this process or on a Dask worker —
and the results merged in input order.  A record keeps its raw bytes (line formats) so that a
filter writes kept records out unchanged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.errors import InputError, MissingExtraError

#: Input formats read as corpora of records (by extension, or ``--format-in``).
CORPUS_FORMATS: dict[str, tuple[str, ...]] = {
    "jsonl": (".jsonl", ".ndjson"),
    "tsv": (".tsv",),
    "parquet": (".parquet", ".pq"),
    "moses": (),  # a text file of targets beside ``--source``: only by --format-in (audit) or filter
}

#: Default records per partition: big enough that scheduling costs little beside the audit
#: (≈ 1 s of work), small enough that a lost worker loses little.
DEFAULT_PARTITION_RECORDS = 20_000

_BLOCK = 1 << 22


def corpus_format(path: Path, forced: str | None = None) -> str | None:
    """The corpus format of ``path``, or None when it is not a corpus file."""
    if forced:
        return forced if forced in CORPUS_FORMATS else None
    suffix = path.suffix.lower()
    return next((name for name, exts in CORPUS_FORMATS.items() if suffix in exts), None)


@dataclass(frozen=True)
class CorpusSpec:
    """How to read a corpus: where the target, source and id of a record are."""

    format: str
    #: JSONL / Parquet: the field of the target text, the source text and the id.
    text_field: str = "text"
    source_field: str | None = None
    id_field: str | None = None
    #: TSV: the role of each column (``source``, ``target``, ``id``; any other name is ignored).
    columns: tuple[str, ...] = ("source", "target")
    #: Line-aligned pairs: the source file (one line per target line).
    source_path: str | None = None
    #: Filter output: the field (JSONL, Parquet) or last column (TSV) holding the codes that
    #: dropped a record.
    codes_field: str = "tq_codes"

    def __post_init__(self) -> None:
        if self.format not in CORPUS_FORMATS:
            raise InputError(f"unknown corpus format {self.format!r} "
                             f"(known: {', '.join(CORPUS_FORMATS)})")
        if self.format == "tsv":
            if self.columns.count("target") != 1:
                raise InputError(f"--columns {','.join(self.columns)}: name exactly one 'target' column")
            if self.columns.count("source") > 1 or self.columns.count("id") > 1:
                raise InputError(f"--columns {','.join(self.columns)}: 'source' and 'id' at most once")
        if self.format == "moses" and not self.source_path:
            raise InputError("line-aligned pairs need --source (the source-language file)")


@dataclass(slots=True)
class Record:
    """One record: its target text, source text and id, and where it stands in its input."""

    target: str
    source: str | None = None
    id: str | None = None
    #: 1-based line of a line format (JSONL, TSV, line-aligned pairs), or row of Parquet.
    line: int = 0
    #: The record's bytes as read (line formats, newline included), written out unchanged.
    raw: bytes = b""
    #: Line-aligned pairs: the source line's bytes.
    source_raw: bytes = b""
    #: Parquet: the row as read (every column), written out unchanged.
    row: dict[str, Any] | None = field(default=None)

    def label(self, fmt: str) -> str:
        """How a finding names this record: its id, else its line (row)."""
        if self.id is not None:
            return self.id
        return f"{'row' if fmt == 'parquet' else 'line'} {self.line}"


@dataclass(frozen=True)
class Partition:
    """A run of consecutive records: ``[first, first + count)`` (0-based record positions, for
    Parquet rows) starting at ``line`` and, for line formats, the byte ranges of its lines."""

    index: int
    line: int
    count: int
    start: int = 0
    end: int = 0
    source_start: int = 0
    source_end: int = 0


# --- planning -------------------------------------------------------------------------------


def _line_offsets(path: Path, every: int) -> tuple[list[int], int, int]:
    """Byte offsets of lines ``0, every, 2*every, …`` of ``path``, its line count and size.
    Streamed in blocks: memory does not depend on the file's size."""
    offsets = [0]
    lines = 0
    pos = 0
    last = b"\n"
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror or exc}") from None
    with fh:
        while block := fh.read(_BLOCK):
            n = block.count(b"\n")
            next_cut = len(offsets) * every  # the line that starts the next partition
            start = 0  # the block's lines before ``start`` are counted in ``seen``
            seen = lines
            while next_cut <= lines + n:
                # The (next_cut - seen)-th newline from ``start``: one split in C, not a
                # Python loop over lines.
                need = next_cut - seen
                head = block[start:].split(b"\n", need)[:need]
                start += sum(map(len, head)) + need
                seen = next_cut
                offsets.append(pos + start)
                next_cut += every
            lines += n
            pos += len(block)
            last = block[-1:]
    if pos and last != b"\n":
        lines += 1  # a last line without a newline
    if offsets[-1] >= pos and len(offsets) > 1:
        offsets.pop()
    return offsets, lines, pos


def plan_partitions(path: Path, spec: CorpusSpec, size: int = DEFAULT_PARTITION_RECORDS
                    ) -> list[Partition]:
    """Partitions of about ``size`` records (lines; Parquet: whole row groups) in input order."""
    if size < 1:
        raise InputError("--partition-size must be at least 1")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if spec.format == "parquet":
        pf = _parquet_file(path)
        parts: list[Partition] = []
        row = 0
        first = 0
        count = 0
        g_start = 0
        groups = pf.metadata.num_row_groups
        for g in range(groups):
            n = pf.metadata.row_group(g).num_rows
            if count and count + n > size:
                parts.append(Partition(len(parts), first + 1, count, start=g_start, end=g))
                first, count = row, 0
            if count == 0:
                g_start = g
            count += n
            row += n
        if count:
            parts.append(Partition(len(parts), first + 1, count, start=g_start, end=groups))
        return parts
    offsets, lines, total = _line_offsets(path, size)
    if spec.format == "moses":
        src = Path(spec.source_path or "")
        if not src.is_file():
            raise InputError(f"--source {src}: no such file")
        src_offsets, src_lines, src_total = _line_offsets(src, size)
        if src_lines != lines:
            raise InputError(f"{path} has {lines} lines but its source {src} has {src_lines}: "
                             "line-aligned files must have as many lines")
    else:
        src_offsets, src_total = offsets, total
    ends = [*offsets[1:], total]
    src_ends = [*src_offsets[1:], src_total]
    return [
        Partition(i, i * size + 1, min(size, lines - i * size), offsets[i], ends[i],
                  src_offsets[i], src_ends[i])
        for i in range(len(offsets)) if lines > i * size
    ]


# --- reading --------------------------------------------------------------------------------


def _lines(path: Path, start: int, end: int) -> Iterator[bytes]:
    """The raw lines of ``path`` in the byte range ``[start, end)``, newlines kept."""
    with path.open("rb") as fh:
        fh.seek(start)
        left = end - start
        for line in fh:
            if left <= 0:
                return
            yield line[:left] if len(line) > left else line
            left -= len(line)


def _decode(raw: bytes, path: Path, line: int) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}:{line}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    if line == 1 and text.startswith("\ufeff"):
        text = text[1:]
    return text.rstrip("\r\n")


def _field(obj: dict[str, Any], name: str, path: Path, line: int, role: str) -> str | None:
    """The string in ``obj[name]``; a target must be there (null: empty), an id may be a number."""
    if name not in obj:
        if role == "text":
            raise InputError(f"{path}:{line}: record has no field {name!r} (see --text-field)")
        return None
    value = obj[name]
    if value is None:
        return "" if role == "text" else None
    if isinstance(value, str):
        return value
    if role == "id" and isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"{path}:{line}: field {name!r} is {type(value).__name__}, not a string")


def read_partition(path: Path, spec: CorpusSpec, part: Partition) -> Iterator[Record]:
    """The records of one partition, in order, streamed."""
    if spec.format == "parquet":
        yield from _parquet_records(path, spec, part)
        return
    lineno = part.line
    if spec.format == "moses":
        src_lines = _lines(Path(spec.source_path or ""), part.source_start, part.source_end)
        src_path = Path(spec.source_path or "")
        for raw in _lines(path, part.start, part.end):
            src_raw = next(src_lines, b"")
            yield Record(_decode(raw, path, lineno), _decode(src_raw, src_path, lineno),
                         None, lineno, raw, src_raw)
            lineno += 1
        return
    if spec.format == "jsonl":
        for raw in _lines(path, part.start, part.end):
            text = _decode(raw, path, lineno)
            if text.strip():
                try:
                    obj = json.loads(text)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise InputError(f"{path}:{lineno}: a record must be a JSON object")
                target = _field(obj, spec.text_field, path, lineno, "text") or ""
                source = (_field(obj, spec.source_field, path, lineno, "source")
                          if spec.source_field else None)
                rid = _field(obj, spec.id_field, path, lineno, "id") if spec.id_field else None
                yield Record(target, source, rid, lineno, raw)
            else:
                yield Record("", None, None, lineno, raw)  # a blank line: kept as it is
            lineno += 1
        return
    cols = spec.columns
    t_col = cols.index("target")
    s_col = cols.index("source") if "source" in cols else None
    i_col = cols.index("id") if "id" in cols else None
    for raw in _lines(path, part.start, part.end):
        text = _decode(raw, path, lineno)
        cells = text.split("\t")
        if len(cells) < len(cols) and text.strip():
            raise InputError(f"{path}:{lineno}: {len(cells)} column{'s' if len(cells) != 1 else ''}, "
                             f"expected {len(cols)} ({','.join(cols)}; see --columns)")
        if len(cells) < len(cols):
            yield Record("", None, None, lineno, raw)
        else:
            yield Record(cells[t_col], cells[s_col] if s_col is not None else None,
                         cells[i_col] if i_col is not None else None, lineno, raw)
        lineno += 1


def read_records(path: Path, spec: CorpusSpec) -> Iterator[Record]:
    """Every record of a corpus file, in order, streamed (one partition, no planning pass)."""
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if spec.format == "parquet":
        whole = Partition(0, 1, 0, 0, _parquet_file(path).metadata.num_row_groups)
    else:
        src = Path(spec.source_path) if spec.source_path else None
        if src is not None and not src.is_file():
            raise InputError(f"--source {src}: no such file")
        whole = Partition(0, 1, 0, 0, path.stat().st_size, 0, src.stat().st_size if src else 0)
    yield from read_partition(path, spec, whole)


def is_blank(record: Record) -> bool:
    """A blank line of a line format: no record at all (kept as it is, never audited)."""
    return not record.target and record.source is None and bool(record.raw) and not record.raw.strip()


# --- Parquet --------------------------------------------------------------------------------


def _parquet() -> Any:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError("reading Parquet", "parquet") from None
    return pq


def _parquet_file(path: Path) -> Any:
    pq = _parquet()
    try:
        return pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for a bad file
        raise InputError(f"{path}: not a Parquet file ({exc})") from None


def _parquet_records(path: Path, spec: CorpusSpec, part: Partition) -> Iterator[Record]:
    pf = _parquet_file(path)
    names = set(pf.schema_arrow.names)
    for name in (spec.text_field, spec.source_field, spec.id_field):
        if name and name not in names:
            raise InputError(f"{path}: no column {name!r} (columns: {', '.join(sorted(names))})")
    row = part.line
    for batch in pf.iter_batches(batch_size=4096, row_groups=list(range(part.start, part.end))):
        for obj in batch.to_pylist():
            target = obj.get(spec.text_field)
            source = obj.get(spec.source_field) if spec.source_field else None
            rid = obj.get(spec.id_field) if spec.id_field else None
            yield Record("" if target is None else str(target),
                         None if source is None else str(source),
                         None if rid is None else str(rid), row, row=obj)
            row += 1


# --- writing (filter outputs) ---------------------------------------------------------------


def jsonl_with_codes(raw: bytes, field_name: str, codes: Sequence[str]) -> bytes:
    """The JSON object of ``raw`` with ``field_name: [codes]`` appended, every other byte kept."""
    body = raw.rstrip(b"\r\n")
    ending = raw[len(body):] or b"\n"
    stripped = body.rstrip()
    close = stripped.rfind(b"}")
    inner = stripped[:close].rstrip()
    sep = b"" if inner.endswith(b"{") else b", "
    value = json.dumps(list(codes), ensure_ascii=False).encode()
    return inner + sep + json.dumps(field_name).encode() + b": " + value + b"}" + ending


def tsv_with_codes(raw: bytes, codes: Sequence[str]) -> bytes:
    body = raw.rstrip(b"\r\n")
    ending = raw[len(body):] or b"\n"
    return body + b"\t" + ",".join(codes).encode() + ending
