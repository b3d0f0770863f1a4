"""Corpus records (JSONL, TSV, line-aligned pairs, Parquet), ``tqcheck filter`` and the record API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit
from tqcheck.bitext.audit import audit_batch, audit_records
from tqcheck.bitext.filter import FilterOutputs, pair_outputs, run_filter, workdir_for
from tqcheck.bitext.records import CorpusSpec, plan_partitions, read_records
from tqcheck.cli import main
from tqcheck.errors import InputError

PAIRS = [
    ("The price is 25 euros.", "Der Preis beträgt 52 Euro."),  # number mismatch
    ("Good morning, everyone.", "Guten Morgen, alle zusammen."),
    ("Hello world, this is a test of the system.", "Hello world, this is a test of the system."),
    ("Visit https://example.com for details.", "Weitere Informationen finden Sie auf der Website."),
    ("The meeting starts at noon.", "Die Sitzung beginnt um zwölf Uhr."),
    ("Thank you very much.", "Vielen Dank."),
    ("We sold 1,200 cars in 2023.", "Wir haben 2023 1.200 Autos verkauft."),
    ("The weather is nice today.", ""),  # empty translation
    ("Please close the door.", "Bitte schließen Sie die Tür."),
]
BAD = {1, 3, 4, 8}  # 1-based records a careful editor would reject


def _jsonl(tmp_path: Path, pairs: list[tuple[str, str]] = PAIRS) -> Path:
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, (s, t) in enumerate(pairs, start=1):
            fh.write(json.dumps({"id": f"r{i}", "src": s, "tgt": t}, ensure_ascii=False) + "\n")
    return path


def _tsv(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.tsv"
    path.write_text("".join(f"{s}\t{t}\n" for s, t in PAIRS), encoding="utf-8")
    return path


def _moses(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "corpus.en", tmp_path / "corpus.de"
    src.write_text("".join(s + "\n" for s, _ in PAIRS), encoding="utf-8")
    tgt.write_text("".join(t + "\n" for _, t in PAIRS), encoding="utf-8")
    return src, tgt


JSONL_SPEC = {"text_field": "tgt", "source_field": "src", "id_field": "id"}


def _options(**corpus: object) -> AuditOptions:
    return AuditOptions(lang="de", source_lang="en", **(corpus or JSONL_SPEC))


# --- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize("block", [5, 13, 1 << 22])
@pytest.mark.parametrize("size", [1, 2, 4, 100])
def test_partitions_cover_every_line_once(tmp_path: Path, size: int, block: int,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.bitext import records as rec

    monkeypatch.setattr(rec, "_BLOCK", block)  # cuts inside, at the edge of and across blocks
    path = tmp_path / "c.tsv"
    path.write_bytes(b"".join(f"s{i}\tt{i}\n".encode() for i in range(9)) + b"s9\tt9")  # no last \n
    spec = CorpusSpec("tsv")
    parts = plan_partitions(path, spec, size)
    assert sum(p.count for p in parts) == 10
    from tqcheck.bitext.records import read_partition

    records = [r for p in parts for r in read_partition(path, spec, p)]
    assert [(r.source, r.target, r.line) for r in records] == [
        (f"s{i}", f"t{i}", i + 1) for i in range(10)]
    assert b"".join(r.raw for r in records) == path.read_bytes()
    assert [(r.raw, r.line) for r in read_records(path, spec)] == [(r.raw, r.line) for r in records]


def test_moses_pairs_must_have_as_many_lines(tmp_path: Path) -> None:
    src, tgt = _moses(tmp_path)
    src.write_text(src.read_text(encoding="utf-8") + "extra\n", encoding="utf-8")
    with pytest.raises(InputError, match="as many lines"):
        plan_partitions(tgt, CorpusSpec("moses", source_path=str(src)), 3)


def test_bad_jsonl_line_is_one_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Gut."}\n{"text": oops}\n', encoding="utf-8")
    report = audit([path], AuditOptions(lang="de"), jobs=1)
    assert [e.message for e in report.errors] == [f"{path}:2: invalid JSON (Expecting value)"]


def test_jsonl_field_errors_and_numeric_ids(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "Gut.", "id": 7}\n{"text": null, "id": 8}\n', encoding="utf-8")
    spec = CorpusSpec("jsonl", id_field="id")
    assert [(r.target, r.id) for r in read_records(path, spec)] == [("Gut.", "7"), ("", "8")]
    path.write_text('{"text": "Gut."}\n{"txt": "Gut."}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r":2: record has no field 'text'"):
        list(read_records(path, spec))
    path.write_text('{"text": ["Gut."]}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r":1: field 'text' is list, not a string"):
        list(read_records(path, spec))


# --- auditing records --------------------------------------------------------------------------


def test_findings_name_their_record(tmp_path: Path) -> None:
    report = audit([_jsonl(tmp_path)], _options(), jobs=1)
    flagged = {f.record for f in report.active if f.severity.value != "info"}
    assert flagged == {f"r{i}" for i in BAD}
    f = next(f for f in report.active if f.code == "TQ835")
    assert (f.line, f.record, f.text) in {(1, "r1", "52"), (1, "r1", "Der Preis beträgt 52 Euro.")}
    assert report.files[0].format == "jsonl"


def test_record_results_do_not_depend_on_partitions(tmp_path: Path) -> None:
    """Each record is a document of its own: its findings are the same whatever surrounds it."""
    path = _jsonl(tmp_path, PAIRS * 3)
    whole = audit([path], _options(), jobs=1).findings
    from tqcheck.bitext.audit import audit_corpus_file

    for size in (1, 4):
        assert audit_corpus_file(path, "jsonl", _options(), size=size).findings == list(whole)
    # The same record three times gives the same findings three times.
    by_line: dict[int, list[str]] = {}
    for f in whole:
        by_line.setdefault(f.line, []).append(f.code)
    n = len(PAIRS)
    for line in range(1, n + 1):
        assert by_line.get(line) == by_line.get(line + n) == by_line.get(line + 2 * n)


def test_tsv_and_moses_give_the_jsonl_findings(tmp_path: Path) -> None:
    def codes(report_findings: object) -> list[tuple[int, str, int]]:
        return [(f.line, f.code, f.col) for f in report_findings]  # type: ignore[attr-defined]

    expected = codes(audit([_jsonl(tmp_path)], _options(), jobs=1).findings)
    tsv = audit([_tsv(tmp_path)], AuditOptions(lang="de", source_lang="en"), jobs=1)
    src, tgt = _moses(tmp_path)
    moses = audit([tgt], AuditOptions(lang="de", source_lang="en", format_in="moses",
                                      features={"source": str(src)}), jobs=1)
    assert codes(tsv.findings) == expected
    assert codes(moses.findings) == expected
    assert {f.record for f in tsv.findings if f.severity.value != "info"} == {
        f"line {i}" for i in BAD}


def test_text_and_json_reports_name_the_record(tmp_path: Path) -> None:
    path = _jsonl(tmp_path)
    args = ["audit", str(path), "--lang", "de", "--source-lang", "en", "--text-field", "tgt",
            "--source-field", "src", "--id-field", "id", "--no-color"]
    import io
    from contextlib import redirect_stdout

    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(args) == 1
    assert f"{path}[r1]:" in buf.getvalue()
    buf = io.StringIO()
    with redirect_stdout(buf):
        main([*args, "--format", "json"])
    data = json.loads(buf.getvalue())
    assert {d["record"] for d in data["findings"] if d["severity"] != "info"} == {
        f"r{i}" for i in BAD}


# --- filter ----------------------------------------------------------------------------------


def _filter(path: Path, tmp_path: Path, **kw: object) -> tuple[Path, Path, object]:
    keep, drop = tmp_path / "out" / f"keep{path.suffix}", tmp_path / "out" / f"drop{path.suffix}"
    keep.parent.mkdir(exist_ok=True)
    spec = CorpusSpec(path.suffix.lstrip("."), **({} if path.suffix != ".jsonl" else JSONL_SPEC))
    summary = run_filter(path, spec, AuditOptions(lang="de", source_lang="en"),
                         FilterOutputs(keep, drop), **kw)  # type: ignore[arg-type]
    return keep, drop, summary


@pytest.mark.parametrize("size", [1, 3, 100])
def test_filter_jsonl_sends_every_record_to_one_output(tmp_path: Path, size: int) -> None:
    path = _jsonl(tmp_path)
    keep, drop, summary = _filter(path, tmp_path, size=size)
    lines = path.read_bytes().splitlines(keepends=True)
    kept = keep.read_bytes().splitlines(keepends=True)
    dropped = [json.loads(x) for x in drop.read_text(encoding="utf-8").splitlines()]
    assert kept == [lines[i - 1] for i in range(1, len(PAIRS) + 1) if i not in BAD]  # unchanged bytes
    assert [d["id"] for d in dropped] == [f"r{i}" for i in sorted(BAD)]
    assert all(d["tq_codes"] for d in dropped)
    assert dropped[0]["tq_codes"] == ["TQ835"]
    assert summary.kept + summary.dropped == len(PAIRS)  # type: ignore[attr-defined]
    assert not workdir_for(FilterOutputs(keep, drop)).exists()


def test_filter_tsv_adds_a_codes_column(tmp_path: Path) -> None:
    keep, drop, _ = _filter(_tsv(tmp_path), tmp_path)
    rows = [line.split("\t") for line in drop.read_text(encoding="utf-8").splitlines()]
    assert [r[0] for r in rows] == [PAIRS[i - 1][0] for i in sorted(BAD)]
    assert rows[0][2] == "TQ835"
    assert len(keep.read_text(encoding="utf-8").splitlines()) == len(PAIRS) - len(BAD)


def test_filter_moses_pairs_stay_aligned(tmp_path: Path) -> None:
    src, tgt = _moses(tmp_path)
    keep, drop = tmp_path / "keep.de", tmp_path / "drop.de"
    outputs = pair_outputs(keep, drop)
    run_filter(tgt, CorpusSpec("moses", source_path=str(src)),
               AuditOptions(lang="de", source_lang="en"), outputs)
    good = [p for i, p in enumerate(PAIRS, start=1) if i not in BAD]
    bad = [p for i, p in enumerate(PAIRS, start=1) if i in BAD]
    assert keep.read_text(encoding="utf-8").splitlines() == [t for _, t in good]
    assert Path(f"{keep}.src").read_text(encoding="utf-8").splitlines() == [s for s, _ in good]
    assert Path(f"{drop}.src").read_text(encoding="utf-8").splitlines() == [s for s, _ in bad]
    assert drop.read_text(encoding="utf-8").split("\n")[:-1] == [t for _, t in bad]
    assert len(Path(f"{drop}.codes").read_text(encoding="utf-8").splitlines()) == len(bad)


def test_select_ignore_and_fail_on_choose_what_drops(tmp_path: Path) -> None:
    path = _jsonl(tmp_path)
    keep = tmp_path / "k.jsonl"
    spec = CorpusSpec("jsonl", **JSONL_SPEC)
    s = run_filter(path, spec, AuditOptions(lang="de", source_lang="en", select=("TQ835",)),
                   FilterOutputs(keep, None))
    assert (s.dropped, dict(s.by_code)) == (1, {"TQ835": 1})
    s = run_filter(path, spec, AuditOptions(lang="de", source_lang="en", ignore=("TQ835",)),
                   FilterOutputs(keep, None))
    assert "TQ835" not in s.by_code and s.dropped == len(BAD) - 1
    s = run_filter(path, spec, AuditOptions(lang="de", source_lang="en"), FilterOutputs(keep, None),
                   fail_on="error")
    assert s.dropped < len(BAD)
    s = run_filter(path, spec, AuditOptions(lang="de", source_lang="en"), FilterOutputs(keep, None),
                   fail_on="never")
    assert s.dropped == 0 and keep.read_bytes() == path.read_bytes()


def test_filter_never_overwrites_its_input(tmp_path: Path) -> None:
    path = _jsonl(tmp_path)
    before = path.read_bytes()
    with pytest.raises(InputError, match=r"--drop .*corpus.jsonl: is an input file; refusing"):
        run_filter(path, CorpusSpec("jsonl", **JSONL_SPEC), AuditOptions(lang="de"),
                   FilterOutputs(tmp_path / "k.jsonl", path))
    (tmp_path / "link.jsonl").hardlink_to(path)
    with pytest.raises(InputError, match=r"--keep .*link.jsonl: is an input file .*corpus.jsonl.*refusing"):
        run_filter(path, CorpusSpec("jsonl", **JSONL_SPEC), AuditOptions(lang="de"),
                   FilterOutputs(tmp_path / "link.jsonl", None))
    assert path.read_bytes() == before


def test_interrupted_filter_leaves_no_half_file_and_resumes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.bitext import filter as filt

    path = _jsonl(tmp_path, PAIRS * 2)
    keep, drop = tmp_path / "keep.jsonl", tmp_path / "drop.jsonl"
    spec = CorpusSpec("jsonl", **JSONL_SPEC)
    options = AuditOptions(lang="de", source_lang="en")
    expected_keep, expected_drop, _ = _filter(path, tmp_path, size=3)
    real = filt.filter_partition
    calls: list[int] = []

    def dies_on_the_fourth(job: object, part: object) -> object:
        calls.append(part.index)  # type: ignore[attr-defined]
        if part.index == 3:  # type: ignore[attr-defined]
            raise KeyboardInterrupt
        return real(job, part)  # type: ignore[arg-type]

    monkeypatch.setattr(filt, "filter_partition", dies_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        run_filter(path, spec, options, FilterOutputs(keep, drop), size=3)
    assert not keep.exists() and not drop.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    calls.clear()
    monkeypatch.setattr(filt, "filter_partition", lambda job, part: (calls.append(part.index),
                                                                      real(job, part))[1])
    summary = run_filter(path, spec, options, FilterOutputs(keep, drop), size=3, resume=True)
    assert calls == [3, 4, 5]  # the three finished partitions were not run again
    assert summary.resumed == 3
    assert keep.read_bytes() == expected_keep.read_bytes()
    assert drop.read_bytes() == expected_drop.read_bytes()


def test_resume_refuses_a_work_folder_of_other_options(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck.bitext import filter as filt

    path = _jsonl(tmp_path)
    keep = tmp_path / "keep.jsonl"
    spec = CorpusSpec("jsonl", **JSONL_SPEC)

    def interrupted(job: object, part: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(filt, "filter_partition", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_filter(path, spec, AuditOptions(lang="de"), FilterOutputs(keep, None), size=2)
    monkeypatch.undo()
    with pytest.raises(InputError, match="other input or options"):
        run_filter(path, spec, AuditOptions(lang="fr"), FilterOutputs(keep, None), size=2,
                   resume=True)


def test_filter_cli_summary_and_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _jsonl(tmp_path)
    keep, drop = tmp_path / "k.jsonl", tmp_path / "d.jsonl"
    base = ["filter", str(path), "--text-field", "tgt", "--source-field", "src", "--lang", "de",
            "--source-lang", "en"]
    assert main([*base, "--keep", str(keep), "--drop", str(drop), "--format", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["records"], summary["kept"], summary["dropped"]) == (9, 5, 4)
    assert summary["by_code"]["TQ835"] == 1
    assert main([*base, "--keep", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("tqcheck: error: ") and "--keep" in err and "refusing to overwrite" in err \
        and len(err.splitlines()) == 1
    assert main(["filter", str(tmp_path / "missing.jsonl"), "--keep", str(keep)]) == 2
    txt = tmp_path / "plain.txt"
    txt.write_text("Hallo.\n", encoding="utf-8")
    assert main(["filter", str(txt), "--keep", str(keep)]) == 2
    assert "not a corpus" in capsys.readouterr().err


def test_filter_never_writes_over_a_file_it_reads(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    # Every writer goes through the one guard: the corpus, the source of line-aligned pairs,
    # the glossary and the configuration are inputs; none is replaced, whichever option names it.
    path = _jsonl(tmp_path)
    glossary = tmp_path / "terms.csv"
    glossary.write_text("file,Datei\n", encoding="utf-8")
    config = tmp_path / "tqcheck.toml"
    config.write_text('text-field = "tgt"\nsource-field = "src"\nlang = "de"\n', encoding="utf-8")
    before = {p: p.read_bytes() for p in (path, glossary, config)}
    base = ["filter", str(path), "--config", str(config), "--glossary", str(glossary)]
    for flag, target in (("--drop", glossary), ("--keep", config)):
        assert main([*base, flag, str(target)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"tqcheck: error: {flag} ") and "refusing to overwrite" in err
    src, tgt = tmp_path / "pairs.en", tmp_path / "pairs.de"
    src.write_text("One.\n", encoding="utf-8")
    tgt.write_text("Eins.\n", encoding="utf-8")
    assert main(["filter", str(tgt), "--source", str(src), "--lang", "de",
                 "--keep", str(tmp_path / "k.de"), "--keep-source", str(src)]) == 2
    assert "--keep-source" in capsys.readouterr().err
    assert src.read_bytes() == b"One.\n"
    assert all(p.read_bytes() == b for p, b in before.items())
    assert not (tmp_path / "k.de").exists()


def test_corpus_settings_come_from_the_configuration(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.config import KEYS, Settings

    # The corpus fields and the engine are settings: a flag, a key and a typed field each.
    assert {"text-field", "source-field", "id-field", "columns", "engine", "scheduler", "workers",
            "partition-size", "codes-field"} <= set(KEYS)
    settings = Settings.of(text_field="tgt", columns=["id", "target"], engine="dask",
                           partition_size=5)
    assert settings.read.text_field == "tgt" and settings.read.columns == ("id", "target")
    assert (settings.engine, settings.partition_size) == ("dask", 5)
    path = _jsonl(tmp_path)
    config = tmp_path / "tqcheck.toml"
    config.write_text('text-field = "tgt"\nsource-field = "src"\nid-field = "id"\nlang = "de"\n'
                      'source-lang = "en"\ncodes-field = "why"\nfail-on = "warning"\n',
                      encoding="utf-8")
    drop = tmp_path / "d.jsonl"
    assert main(["filter", str(path), "--config", str(config), "--drop", str(drop),
                 "--format", "json"]) == 0
    by_file = json.loads(capsys.readouterr().out)
    dropped = [json.loads(line) for line in drop.read_text(encoding="utf-8").splitlines()]
    assert dropped and all(d["why"] and "tq_codes" not in d for d in dropped)
    # the command line wins over the file
    assert main(["filter", str(path), "--config", str(config), "--drop", str(drop),
                 "--fail-on", "never", "--format", "json"]) == 0
    by_flag = json.loads(capsys.readouterr().out)
    assert by_file["dropped"] == len(BAD) and by_flag["dropped"] == 0
    assert main(["audit", str(path), "--config", str(config), "--format", "json",
                 "--fail-on", "never"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["findings"] and all(f["record"].startswith("r") for f in report["findings"])


# --- Parquet --------------------------------------------------------------------------------


def test_parquet_filter_keeps_every_column(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    table = pa.table({"id": [f"r{i}" for i in range(1, len(PAIRS) + 1)],
                      "src": [s for s, _ in PAIRS], "tgt": [t for _, t in PAIRS],
                      "score": [float(i) for i in range(len(PAIRS))]})
    path = tmp_path / "c.parquet"
    pq.write_table(table, path, row_group_size=2)
    report = audit([path], _options(), jobs=1)
    assert {f.record for f in report.active if f.severity.value != "info"} == {
        f"r{i}" for i in BAD}
    keep, drop = tmp_path / "k.parquet", tmp_path / "d.parquet"
    s = run_filter(path, CorpusSpec("parquet", **JSONL_SPEC), AuditOptions(lang="de", source_lang="en"),
                   FilterOutputs(keep, drop), size=3)
    kept, dropped = pq.read_table(keep), pq.read_table(drop)
    assert kept.column("id").to_pylist() == [f"r{i}" for i in range(1, 10) if i not in BAD]
    assert dropped.column("id").to_pylist() == [f"r{i}" for i in sorted(BAD)]
    assert kept.schema == table.schema
    assert dropped.column("tq_codes").to_pylist()[0] == ["TQ835"]
    assert s.kept + s.dropped == len(PAIRS)


def test_parquet_without_rows(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "c.parquet"
    pq.write_table(pa.table({"tgt": pa.array([], pa.string())}), path)
    keep, drop = tmp_path / "k.parquet", tmp_path / "d.parquet"
    s = run_filter(path, CorpusSpec("parquet", text_field="tgt"), AuditOptions(lang="de"),
                   FilterOutputs(keep, drop))
    assert s.records == 0
    assert pq.read_table(keep).num_rows == 0 and pq.read_table(drop).column_names == ["tgt", "tq_codes"]


# --- the library API -----------------------------------------------------------------------------


def _rows() -> list[dict[str, str]]:
    return [{"id": f"r{i}", "src": s, "tgt": t} for i, (s, t) in enumerate(PAIRS, start=1)]


API = {"lang": "de", "source_lang": "en", "text_field": "tgt", "source_field": "src"}


def test_audit_records_adds_codes_and_findings() -> None:
    out = list(audit_records(iter(_rows()), **API))  # type: ignore[arg-type]
    assert [r["id"] for r in out] == [r["id"] for r in _rows()]
    assert [i for i, r in enumerate(out, start=1) if r["tq_codes"]] == sorted(BAD)
    assert out[0]["tq_findings"][0]["code"] == "TQ835" and "path" not in out[0]["tq_findings"][0]


def test_audit_batch_columns_and_pandas() -> None:
    rows = _rows()
    columns = {k: [r[k] for r in rows] for k in rows[0]}
    out = audit_batch(columns, **API)
    assert [i for i, c in enumerate(out["tq_codes"], start=1) if c] == sorted(BAD)
    pd = pytest.importorskip("pandas")
    frame = audit_batch(pd.DataFrame(rows), **API)
    assert list(frame["tq_codes"]) == out["tq_codes"]
    assert list(frame["tq_findings"]) == out["tq_findings"]


def test_dask_bag_and_dataframe_examples() -> None:
    """The examples of docs/scale.md, on Dask's synchronous scheduler (no cluster)."""
    dask = pytest.importorskip("dask")
    db = pytest.importorskip("dask.bag")
    dd = pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    rows = _rows()
    bag = db.from_sequence(rows, npartitions=3)
    out = bag.map_partitions(lambda part: list(audit_records(part, **API))).compute(
        scheduler="synchronous")
    assert [r["tq_codes"] for r in out] == [r["tq_codes"] for r in audit_records(rows, **API)]
    frame = dd.from_pandas(pd.DataFrame(rows), npartitions=3)
    meta = {**dict.fromkeys(frame.columns, "object"), "tq_codes": "object", "tq_findings": "object"}
    with dask.config.set(scheduler="synchronous"):
        result = frame.map_partitions(audit_batch, meta=meta, **API).compute()
    assert [bool(c) for c in result["tq_codes"]] == [i in BAD for i in range(1, 10)]


def test_hugging_face_datasets_map_example() -> None:
    """docs/scale.md's ``datasets.map`` example (runs where ``datasets`` is installed)."""
    datasets = pytest.importorskip("datasets")
    ds = datasets.Dataset.from_list(_rows())
    checked = ds.map(audit_batch, batched=True, batch_size=4, fn_kwargs=API)
    assert [i for i, c in enumerate(checked["tq_codes"], start=1) if c] == sorted(BAD)
    clean = checked.filter(lambda row: not row["tq_codes"])
    assert len(clean) == len(PAIRS) - len(BAD)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # Ray's own, from inside ray.data
def test_ray_map_batches_example() -> None:
    """docs/scale.md's Ray Data example (runs where ``ray`` is installed; starts a local Ray)."""
    ray = pytest.importorskip("ray")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False)
    try:
        ds = ray.data.from_items(_rows())
        checked = ds.map_batches(audit_batch, fn_kwargs=API, batch_format="pandas", batch_size=4)
        rows = sorted(checked.take_all(), key=lambda r: int(r["id"][1:]))
    finally:
        ray.shutdown()
    assert [i for i, r in enumerate(rows, start=1) if len(r["tq_codes"])] == sorted(BAD)
