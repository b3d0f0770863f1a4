"""Side by side with Translate Toolkit's ``pofilter`` on the same PO catalogues.

For each check the two tools share, count what each reports on the same files, and time both
tools, each as a command-line run over the whole folder, in this one process run (alternating,
median of ``--repeat`` runs), so the ratio is measured under the same load.

Translate Toolkit is not a dependency of tqcheck; install it in a throw-away environment::

    python -m venv /tmp/ttk-venv && /tmp/ttk-venv/bin/pip install translate-toolkit
    python benchmarks/pofilter_compare.py --pofilter /tmp/ttk-venv/bin/pofilter

The PO files are GPL and are read in place from ``../shared/data/po`` (never copied).
Counting units: pofilter writes one note per failing test per unit; tqcheck counts findings, of
which a unit may have several (one per missing placeholder) — the table shows both findings and
distinct units flagged for tqcheck.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "po"

#: pofilter tests ↔ tqcheck codes that check the same thing.
SHARED: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    ("untranslated / empty translation", ("untranslated",), ("TQ830",)),
    ("unchanged / identical to source", ("unchanged",), ("TQ831",)),
    ("placeholders (printf, Python brace, variables)", ("printf", "pythonbraceformat", "variables"),
     ("TQ832", "TQ833")),
    ("XML/HTML tags", ("xmltags",), ("TQ834",)),
    ("numbers", ("numbers",), ("TQ835",)),
    ("URLs and e-mail addresses", ("urls", "emails"), ("TQ836",)),
    ("length (long / short)", ("long", "short"), ("TQ837",)),
    ("leading / trailing whitespace", ("startwhitespace", "endwhitespace"), ("TQ380",)),
    ("end punctuation", ("endpunc",), ("TQ381",)),
    ("doubled words", ("doublewords",), ("TQ101",)),
    ("brackets", ("brackets",), ("TQ302",)),
]

TQCHECK = [sys.executable, "-c", "import sys; from tqcheck.cli import main; sys.exit(main())"]


def run_pofilter(pofilter: str, data: Path, tests: list[str], out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    cmd = [pofilter, "--progress=none", "--nofuzzy", "-i", str(data), "-o", str(out)]
    for t in tests:
        cmd += ["-t", t]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def run_tqcheck(data: Path, codes: list[str], out: Path) -> float:
    cmd = [*TQCHECK, "audit", str(data), "--format", "json", "-o", str(out), "--fail-on", "never"]
    if codes:
        cmd += ["--select", ",".join(codes)]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)
    return time.perf_counter() - start


def pofilter_counts(out: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for po in out.rglob("*.po"):
        for m in re.finditer(r"^# \(pofilter\) (\w+):", po.read_text(encoding="utf-8"), re.M):
            counts[m.group(1)] += 1
    return counts


def tqcheck_counts(out: Path) -> tuple[Counter[str], Counter[str]]:
    report = json.loads(out.read_text(encoding="utf-8"))
    findings = Counter(f["code"] for f in report["findings"])
    flagged = {(f["code"], f["path"], f["line"]) for f in report["findings"]}
    units = Counter(code for code, _, _ in flagged)
    return findings, units


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pofilter",
                        default=shutil.which("pofilter") or "/tmp/ttk-venv/bin/pofilter")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not Path(args.pofilter).exists() and not shutil.which(args.pofilter):
        print(f"pofilter not found ({args.pofilter}); see the module docstring", file=sys.stderr)
        return 2
    if not args.data.is_dir():
        print(f"{args.data}: no PO data", file=sys.stderr)
        return 2
    files = sorted(args.data.rglob("*.po"))
    tests = [t for _, ts, _ in SHARED for t in ts]
    codes = [c for _, _, cs in SHARED for c in cs]
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        times: dict[str, list[float]] = {"pofilter shared": [], "tqcheck shared": [],
                                          "pofilter all": [], "tqcheck all": []}
        for _ in range(args.repeat):
            times["pofilter shared"].append(run_pofilter(args.pofilter, args.data, tests,
                                                         tmpdir / "pf"))
            times["tqcheck shared"].append(run_tqcheck(args.data, codes, tmpdir / "tq.json"))
            times["pofilter all"].append(run_pofilter(args.pofilter, args.data, [],
                                                      tmpdir / "pf-all"))
            times["tqcheck all"].append(run_tqcheck(args.data, [], tmpdir / "tq-all.json"))
        pf = pofilter_counts(tmpdir / "pf")
        tq, tq_units = tqcheck_counts(tmpdir / "tq.json")
    version = subprocess.run([args.pofilter, "--version"], capture_output=True, text=True).stdout
    print(f"{len(files)} PO files under {args.data.name}/; pofilter {version.split()[-1]}; "
          f"median of {args.repeat} runs; fuzzy entries skipped by both\n")
    print("| check | pofilter tests | pofilter units | tqcheck codes | tqcheck findings "
          "(units) |")
    print("|---|---|---:|---|---:|")
    for name, ts, cs in SHARED:
        print(f"| {name} | {', '.join(ts)} | {sum(pf[t] for t in ts)} | {', '.join(cs)} | "
              f"{sum(tq[c] for c in cs)} ({sum(tq_units[c] for c in cs)}) |")
    med = {k: statistics.median(v) for k, v in times.items()}
    print("\n| run | pofilter s | tqcheck s | pofilter / tqcheck |")
    print("|---|---:|---:|---:|")
    for scope in ("shared", "all"):
        p, q = med[f"pofilter {scope}"], med[f"tqcheck {scope}"]
        label = "the shared checks only" if scope == "shared" else "all default checks of each"
        print(f"| {label} | {p:.2f} | {q:.2f} | {p / q:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
