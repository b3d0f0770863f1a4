"""Parallel audit benchmark: a directory of 1,000 files audited with ``--jobs 1`` and ``--jobs N``.

The files are built from real text: NTREX-128 English news sentences (``../shared/data/ntrex``,
CC-BY-SA-4.0, read in place) and the project's seed, a machine translation with known artifacts.
Prints wall times and the speedup, and asserts that both runs write byte-identical reports
(JSON and SARIF).  Target: at least 1.7x with 2 jobs on 2 cores.

It also measures the machine's own ceiling: the speedup of a pure-Python busy loop in 1 vs N
processes, taken just before.  On a machine shared with other work that ceiling drops below 2x
and the audit's wall-clock speedup with it; compare the two.  A second figure does not depend on
the neighbours: from CPU times (``getrusage``), the serial run's CPU time over the parallel run's
critical path (the parent's CPU time plus the workers' CPU time divided by N).

    python benchmarks/parallel_audit.py [--files 1000] [--jobs 2] [--min-speedup 1.7] [--check]

``--check`` exits 1 when the speedup is below ``--min-speedup``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tqcheck.cli import main  # noqa: E402

NTREX = ROOT.parent / "shared" / "data" / "ntrex" / "newstest2019-src.eng.txt"
SEED = ROOT / "seeds" / "antalya-talks.en.txt"


def build_corpus(folder: Path, files: int) -> None:
    """``files`` documents of 2-6 paragraphs; every fifth carries a seed paragraph."""
    rng = random.Random(1234)
    sentences = (NTREX.read_text(encoding="utf-8").splitlines() if NTREX.is_file()
                 else SEED.read_text(encoding="utf-8").replace("\n", " ").split(". "))
    sentences = [s.strip() for s in sentences if s.strip()]
    seed_paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    for i in range(files):
        paragraphs = []
        for _ in range(rng.randint(2, 6)):
            start = rng.randrange(len(sentences))
            paragraphs.append(" ".join(sentences[start:start + rng.randint(1, 4)]))
        if i % 5 == 0:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), rng.choice(seed_paragraphs))
        sub = folder / f"batch{i // 100:02}"
        sub.mkdir(parents=True, exist_ok=True)
        suffix = ".md" if i % 7 == 0 else ".txt"
        (sub / f"doc{i:04}{suffix}").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")


def _burn(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


def machine_ceiling(jobs: int, rounds: int = 8, n: int = 2_000_000) -> float:
    """Speedup of a CPU-bound loop in ``jobs`` processes over one: what the machine allows now."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    for _ in range(rounds):
        _burn(n)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(jobs) as pool:
        list(pool.map(_burn, [1000] * jobs))  # start the workers before timing
        start = time.perf_counter()
        list(pool.map(_burn, [n] * rounds))
        parallel = time.perf_counter() - start
    return serial / parallel


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def timed_audit(corpus: Path, out: Path, jobs: int) -> tuple[float, float, float, int]:
    """Wall time, this process's CPU time, the workers' CPU time, exit status."""
    args = ["audit", str(corpus), "--jobs", str(jobs), "--lang", "en", "--format", "json",
            "-o", str(out / f"report-{jobs}.json"), "--output", f"sarif={out}/report-{jobs}.sarif"]
    cpu_self, cpu_children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        status = main(args)
    wall = time.perf_counter() - start
    return (wall, _cpu(resource.RUSAGE_SELF) - cpu_self,
            _cpu(resource.RUSAGE_CHILDREN) - cpu_children, status)


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-speedup", type=float, default=1.7)
    parser.add_argument("--check", action="store_true", help="fail below --min-speedup")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = Path(tmp) / "corpus", Path(tmp) / "out"
        out.mkdir()
        build_corpus(corpus, args.files)
        size = sum(p.stat().st_size for p in corpus.rglob("*") if p.is_file())
        print(f"corpus: {args.files} files, {size / 1024:.0f} KiB "
              f"({'NTREX + seed' if NTREX.is_file() else 'seed only'}); cores: {os.cpu_count()}")
        ceiling = machine_ceiling(args.jobs)
        serial, serial_cpu, _, status1 = timed_audit(corpus, out, 1)
        parallel, parent_cpu, workers_cpu, status2 = timed_audit(corpus, out, args.jobs)
        assert status1 == status2, (status1, status2)
        for ext in ("json", "sarif"):
            one = (out / f"report-1.{ext}").read_bytes()
            assert one == (out / f"report-{args.jobs}.{ext}").read_bytes(), f"{ext} differs"
        speedup = serial / parallel
        cpu_speedup = serial_cpu / (parent_cpu + workers_cpu / args.jobs)
        print(f"--jobs 1: {serial:.2f} s   --jobs {args.jobs}: {parallel:.2f} s   "
              f"speedup {speedup:.2f}x (target {args.min_speedup}x; machine ceiling now "
              f"{ceiling:.2f}x); reports byte-identical")
        print(f"CPU time: --jobs 1 {serial_cpu:.2f} s; --jobs {args.jobs} parent "
              f"{parent_cpu:.2f} s "
              f"+ workers {workers_cpu:.2f} s -> critical path "
              f"{parent_cpu + workers_cpu / args.jobs:.2f} s, CPU-time speedup {cpu_speedup:.2f}x")
        if speedup < args.min_speedup:
            print(f"speedup below the {args.min_speedup}x target"
                  + (" (the machine is busy: see its ceiling)" if ceiling < args.min_speedup
                     else ""), file=sys.stderr)
            if args.check:
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main_())
