"""Speed of ``tqcheck score`` against the ``sacrebleu`` command line on a 100,000-segment corpus.

The corpus repeats the real MQM TED zh-en translations (hypothesis: each system's output,
reference: refB) up to ``--segments`` lines, written to a temporary folder.  In the same run it
times, as separate processes on the same files, interleaved, best of ``--repeat``
(wall-clock and CPU time; CPU time is the steadier one on a shared machine):

* ``python -m sacrebleu REF -i HYP -m <metrics>``  (corpus scores)
* ``tqcheck score HYP -r REF --metrics <metrics> --no-ci``  (corpus scores; the text report,
  which also computes every segment score for the quantiles)
* ``tqcheck score ... --format csv -o FILE``  (every segment score written out)

and prints the ratios; the targets are tqcheck/sacrebleu <= 1.2 and segment/corpus <= 2.

    python benchmarks/score_speed.py [--segments 100000] [--metrics bleu,chrf] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data" / "mqm-ted-zh-en.jsonl"
TQCHECK = [sys.executable, "-c",
           "import sys; from tqcheck.cli import run; sys.argv[0] = 'tqcheck'; run()"]


def build_corpus(data: Path, n: int, folder: Path) -> tuple[Path, Path]:
    rows = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines() if line]
    pairs = [(r["target"].replace("\n", " "), r["reference"].replace("\n", " "))
             for r in rows if r.get("reference")]
    hyp, ref = folder / "hyp.txt", folder / "ref.txt"
    with hyp.open("w", encoding="utf-8") as h, ref.open("w", encoding="utf-8") as r:
        for i in range(n):
            a, b = pairs[i % len(pairs)]
            h.write(a + "\n")
            r.write(b + "\n")
    return hyp, ref


def run_once(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one child process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def in_process(
    hyps: list[str], refs: list[str], metrics: list[str], repeat: int
) -> dict[str, float]:
    """CPU time of sacrebleu's corpus_score against tqcheck's corpus + segment scores."""
    sys.path.insert(0, str(ROOT))
    from sacrebleu.metrics import BLEU, CHRF, TER

    from tqcheck.score import parse_metrics, score

    make = {"bleu": BLEU, "chrf": CHRF, "chrf++": lambda: CHRF(word_order=2), "ter": TER}
    keys = parse_metrics(metrics)
    best = {"sacrebleu": float("inf"), "tqcheck": float("inf")}
    for _ in range(repeat):
        started = time.process_time()
        for key in keys:
            make[key]().corpus_score(hyps, [refs])
        best["sacrebleu"] = min(best["sacrebleu"], time.process_time() - started)
        started = time.process_time()
        score([("hyp", hyps)], [refs], keys)
        best["tqcheck"] = min(best["tqcheck"], time.process_time() - started)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--metrics", default="bleu,chrf")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--no-in-process", dest="in_process", action="store_false",
                        help="skip the in-process comparison of segment and corpus scoring")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2
    metrics = args.metrics.split(",")
    sb_metrics = sorted({m.replace("++", "") for m in metrics})
    with tempfile.TemporaryDirectory(prefix="tqcheck-speed-") as tmp:
        folder = Path(tmp)
        hyp, ref = build_corpus(args.data, args.segments, folder)
        hyp_lines = hyp.read_text(encoding="utf-8").splitlines()
        ref_lines = ref.read_text(encoding="utf-8").splitlines()
        commands = {
            "sacrebleu": [sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), "-m",
                          *sb_metrics, "-f", "json"],
            "corpus": [*TQCHECK, "score", str(hyp), "-r", str(ref), "--metrics", args.metrics,
                       "--no-ci"],
            "segments": [*TQCHECK, "score", str(hyp), "-r", str(ref), "--metrics",
                         args.metrics, "--no-ci", "--format", "csv", "-o",
                         str(folder / "seg.csv")],
            "startup": [*TQCHECK, "--help"],
        }
        best = {name: (float("inf"), float("inf")) for name in commands}
        # Interleaved, so a burst of load from elsewhere hits every command alike.
        for _ in range(args.repeat):
            for name, cmd in commands.items():
                wall, cpu = run_once(cmd)
                best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    inproc: dict[str, float] = {}
    if args.in_process:
        inproc = in_process(hyp_lines, ref_lines, metrics, args.repeat)
    print(f"{args.segments} segments, metrics {args.metrics}, best of {args.repeat}, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}\n")
    print("| run | wall s | CPU s | ratio (wall) | ratio (CPU) |")
    print("|---|---:|---:|---:|---:|")
    sw, sc = best["sacrebleu"]
    cw, cc = best["corpus"]
    gw, gc = best["segments"]
    print(f"| sacrebleu CLI, corpus scores | {sw:.2f} | {sc:.2f} | 1.00 | 1.00 |")
    print(f"| tqcheck score, corpus scores (text report) | {cw:.2f} | {cc:.2f} | "
          f"{cw / sw:.2f} x sacrebleu | {cc / sc:.2f} x sacrebleu |")
    print(f"| tqcheck score, segment scores (CSV of every segment) | {gw:.2f} | {gc:.2f} | "
          f"{gw / cw:.2f} x corpus, {gw / sw:.2f} x sacrebleu | "
          f"{gc / cc:.2f} x corpus, {gc / sc:.2f} x sacrebleu |")
    print(f"| tqcheck --help (start-up) | {best['startup'][0]:.2f} | {best['startup'][1]:.2f} "
          f"| | |")
    ok = cc / sc <= 1.2 and gc / cc <= 2.0
    if inproc:
        print("\nIn one process (no start-up, no file reading), CPU seconds, best of "
              f"{args.repeat}:\n")
        print("| run | CPU s | ratio |")
        print("|---|---:|---:|")
        print(f"| sacrebleu `corpus_score` ({args.metrics}) | {inproc['sacrebleu']:.2f} | 1.00 |")
        print(f"| tqcheck.score.score: corpus + every segment score | {inproc['tqcheck']:.2f} | "
              f"{inproc['tqcheck'] / inproc['sacrebleu']:.2f} x corpus_score |")
    print(f"\ntargets on CPU time (<= 1.2x sacrebleu, segments <= 2x corpus): "
          f"{'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
