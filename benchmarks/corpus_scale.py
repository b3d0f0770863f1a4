"""Corpus scale: ``tqcheck filter`` on a large bitext corpus, locally and on Dask with 1 and 2 workers.

Builds a TSV corpus (source TAB English target) from the shared data — Tatoeba (15 languages into
English), NTREX (Arabic and Russian references back to the English source), WMT23 de/ja/uk→en
(references and every system's output) — shuffled and repeated to ``--pairs`` pairs in a temporary
folder, then filters it with each engine in turn, each in its own process:

* segments (pairs) per second, and peak memory (RSS) of the process that did the work (local) or
  of each Dask worker;
* scaling efficiency: throughput with 2 workers / (2 × throughput with 1 worker);
* the outputs of every engine compared byte for byte with the local engine's;
* per-partition cost and per-task scheduler overhead (1,000 empty tasks through the same kind of
  cluster), the inputs of the 100-worker estimate in ``docs/scale.md``.

The machine may be shared: the load average (``os.getloadavg``) is printed beside every figure.

    python benchmarks/corpus_scale.py --pairs 300000        # local, 1 and 2 Dask workers

The 2-million-pair run of issue 17, for an idle machine (about 7 minutes on 2 quiet cores: the
corpus in about a minute, 1 worker about 4 minutes, 2 workers about 2; the local engine was
measured at 2 million pairs before, 8,366 pairs/s, and the 300k run compares it with Dask):

    nice -n 0 python benchmarks/corpus_scale.py --pairs 2000000 --configs dask1,dask2 \
        --partition-size 25000

Partitions of 25,000 pairs: 80 of them, 40 per worker, about 3 s each, so the scheduler's cost
per task (milliseconds) is lost in the noise and the last partition leaves one worker idle for
at most about 2% of the run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def load_pairs() -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []

    def add(src: Path, tgt: Path) -> None:
        for s, t in zip(_lines(src), _lines(tgt), strict=False):
            if s.strip() and t.strip():
                pairs.append((s.replace("\t", " "), t.replace("\t", " ")))

    for eng in sorted((DATA / "tatoeba").glob("tatoeba.*-eng.eng")):
        lang = eng.name.split(".")[1].split("-")[0]
        add(eng.with_name(f"tatoeba.{lang}-eng.{lang}"), eng)
    for lang in ("arb", "rus"):
        add(DATA / "ntrex" / f"newstest2019-ref.{lang}.txt", DATA / "ntrex" / "newstest2019-src.eng.txt")
    for lp in ("de-en", "ja-en", "uk-en"):
        src = next((DATA / "wmt23" / "sources").glob(f"generaltest2023.{lp}.src.*"))
        targets = sorted((DATA / "wmt23" / "references").glob(f"generaltest2023.{lp}.*"))
        targets += sorted((DATA / "wmt23" / "system-outputs" / lp).glob("*"))
        for tgt in targets:
            add(src, tgt)
    return pairs


def build_corpus(path: Path, n: int) -> dict[str, int]:
    pairs = load_pairs()
    rng = random.Random(17)
    written = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < n:
            rng.shuffle(pairs)
            for s, t in pairs[: n - written]:
                fh.write(f"{s}\t{t}\n")
            written += min(len(pairs), n - written)
    return {"unique_pairs": len(pairs), "pairs": written, "bytes": path.stat().st_size}


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


# --- one configuration, in its own process ------------------------------------------------------


def run_one(engine: str, workers: int, corpus: Path, out: Path, size: int) -> dict[str, object]:
    sys.path.insert(0, str(ROOT))
    from tqcheck.bitext.filter import FilterOutputs, run_filter
    from tqcheck.bitext.records import CorpusSpec, plan_partitions
    from tqcheck.config import Settings

    spec = CorpusSpec("tsv")
    t0 = time.perf_counter()
    parts = plan_partitions(corpus, spec, size)
    plan_s = time.perf_counter() - t0
    result: dict[str, object] = {"engine": engine, "workers": workers, "partitions": len(parts),
                                 "plan_s": plan_s, "load_before": _load()}
    outputs = FilterOutputs(out / "keep.tsv", out / "drop.tsv")
    options = Settings.of(lang="en")
    if engine == "local":
        t0 = time.perf_counter()
        summary = run_filter(corpus, spec, options, outputs, size=size)
        result["wall_s"] = time.perf_counter() - t0
        result["peak_rss_mb"] = [resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024]
        result["cpu_s"] = [_cpu()]
    else:
        import distributed

        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            client.wait_for_workers(workers)
            # Scheduler overhead: empty tasks through the same cluster.
            t0 = time.perf_counter()
            client.gather(client.map(_noop, range(1000), pure=False))
            result["empty_task_ms"] = (time.perf_counter() - t0)
            address = cluster.scheduler_address
            t0 = time.perf_counter()
            summary = run_filter(corpus, spec, options, outputs, engine="dask", scheduler=address,
                                 size=size)
            result["wall_s"] = time.perf_counter() - t0
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            result["peak_rss_mb"] = sorted(rss.values())
            result["cpu_s"] = sorted(client.run(_cpu).values())
    result["records"] = summary.records
    result["dropped"] = summary.dropped
    result["load_after"] = _load()
    return result


def _cpu() -> float:
    """CPU seconds of this process so far (user + system): unlike wall time, not inflated by
    other processes on a shared machine."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def _noop(i: int) -> int:
    return i


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=2_000_000)
    ap.add_argument("--partition-size", type=int, default=20_000)
    ap.add_argument("--configs", default="local,dask1,dask2")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        engine, workers = ("local", 1) if args.one == "local" else ("dask", int(args.one[4:]))
        print(json.dumps(run_one(engine, workers, Path(args.corpus), Path(args.out),
                                 args.partition_size)))
        return
    if not DATA.is_dir():
        sys.exit(f"shared data not found at {DATA}")
    with tempfile.TemporaryDirectory(prefix="tqcheck-scale-") as tmp:
        corpus = Path(tmp) / "corpus.tsv"
        t0 = time.perf_counter()
        info = build_corpus(corpus, args.pairs)
        print(f"corpus: {info['pairs']:,} pairs ({info['unique_pairs']:,} unique, "
              f"{info['bytes'] / 1e6:.0f} MB) built in {time.perf_counter() - t0:.1f} s; "
              f"partitions of {args.partition_size:,}; {os.cpu_count()} cores; "
              f"load {_load()}")
        results = []
        reference: tuple[bytes, bytes] | None = None
        for config in args.configs.split(","):
            out = Path(tmp) / config
            out.mkdir()
            env = dict(os.environ, PYTHONPATH=str(ROOT))
            proc = subprocess.run(
                [sys.executable, __file__, "--one", config, "--corpus", str(corpus),
                 "--out", str(out), "--partition-size", str(args.partition_size)],
                env=env, capture_output=True, text=True, check=False)
            if proc.returncode:
                sys.exit(f"{config} failed:\n{proc.stderr[-3000:]}")
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            outputs = ((out / "keep.tsv").read_bytes(), (out / "drop.tsv").read_bytes())
            if reference is None:
                reference = outputs
            r["identical"] = outputs == reference
            for f in out.iterdir():
                f.unlink()
            results.append(r)
            rate = r["records"] / r["wall_s"]
            extra = (f", 1,000 empty tasks {r['empty_task_ms']:.2f} s"
                     if "empty_task_ms" in r else "")
            print(f"{config:6}: {r['records']:,} pairs in {r['wall_s']:.1f} s = {rate:,.0f} pairs/s; "
                  f"peak RSS per worker {', '.join(f'{m:.0f}' for m in r['peak_rss_mb'])} MB; "
                  f"CPU {', '.join(f'{c:.0f}' for c in r['cpu_s'])} s "
                  f"({r['records'] / sum(r['cpu_s']):,.0f} pairs per CPU-second); "
                  f"plan {r['plan_s']:.2f} s; identical to local: {r['identical']}; "
                  f"load {r['load_before']} → {r['load_after']}{extra}", flush=True)
        by = {r["engine"] + (str(r["workers"]) if r["engine"] == "dask" else ""): r for r in results}
        if "dask1" in by and "dask2" in by:
            r1 = by["dask1"]["records"] / by["dask1"]["wall_s"]
            r2 = by["dask2"]["records"] / by["dask2"]["wall_s"]
            print(f"scaling efficiency, 2 workers vs 1: {r2 / (2 * r1):.2f}")
        if "local" in by:
            loc = by["local"]
            per_part = loc["wall_s"] / loc["partitions"]
            print(f"per-partition cost (local, {args.partition_size:,} pairs): {per_part:.2f} s; "
                  f"local vs dask1 throughput: "
                  + (f"{(by['dask1']['wall_s'] / loc['wall_s']):.2f}× the time"
                     if "dask1" in by else "n/a"))


if __name__ == "__main__":
    main()
