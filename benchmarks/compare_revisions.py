"""Audit speed of this checkout against another git revision, back to back (run by hand).

The host's speed drifts by tens of percent within minutes, so absolute rates from different runs
cannot be compared.  This script runs the two trees in alternating fresh processes on the same
text (the base corpus of ``audit_speed.py``, about 25,000 sentences), several rounds, and prints
each round and the median of the per-round ratios, for the audit without language ID and with all
checks.

    python benchmarks/compare_revisions.py REV [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from audit_speed import corpus_text  # noqa: E402

CHILD = """
import json, sys, time
from pathlib import Path
from tqcheck.audit import AuditOptions, audit
path, mode = Path(sys.argv[1]), sys.argv[2]
options = AuditOptions(lang="en", ignore=("language",) if mode == "artifacts" else ())
audit([path], options)  # models and data loaded
best = float("inf")
for _ in range(2):
    start = time.process_time()
    report = audit([path], options)
    best = min(best, time.process_time() - start)
print(json.dumps(report.files[0].sentences / best))
"""


def rate(tree: Path, text: Path, mode: str, workdir: str) -> float:
    # cwd outside both trees and PYTHONPATH first: the child imports the tree's tqcheck even when
    # another checkout is installed in editable mode.
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", CHILD, str(text), mode], env=env, cwd=workdir,
                         capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base),
                        args.rev], check=True)
        try:
            text = Path(tmp) / "corpus.txt"
            text.write_text(corpus_text(), encoding="utf-8")
            ratios: dict[str, list[float]] = {"artifacts": [], "all": []}
            for rnd in range(args.rounds):
                for mode in ratios:
                    old = rate(base, text, mode, tmp)
                    new = rate(ROOT, text, mode, tmp)
                    ratios[mode].append(new / old)
                    print(f"round {rnd + 1} {mode:<9} {args.rev}: {old:>8,.0f}/s  this tree: "
                          f"{new:>8,.0f}/s  ratio {new / old:.2f}")
            for mode, values in ratios.items():
                print(f"{mode}: median ratio {statistics.median(values):.2f} over {args.rounds} rounds")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                           check=False)


if __name__ == "__main__":
    main()
