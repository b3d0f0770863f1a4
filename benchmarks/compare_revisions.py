"""Audit speed of this checkout against another git revision, back to back (run by hand).

The host's speed drifts by tens of percent within minutes, so absolute rates from different runs
cannot be compared.  This script runs the two trees in alternating fresh processes on the same
inputs, several rounds, and prints each round and the median of the per-round ratios.  Modes
(``--modes``, default ``artifacts,all``):

* ``artifacts``: the base corpus of ``audit_speed.py`` (about 25,000 English sentences), all checks
  but language identification;
* ``all``: the same with every check;
* ``source``: the NTREX Russian reference with ``--source`` (the English source, line-aligned:
  pair checks and the source in view on every line), all checks;
* ``po``: every shared PO catalogue (``../shared/data/po``: placeholders masked, pair checks on
  every unit), all checks; sentences per second over the catalogues together.

    python benchmarks/compare_revisions.py REV [REV ...] [--rounds 3] [--modes artifacts,all,source,po]
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
mode, paths = sys.argv[1], sys.argv[2:]
if mode == "source":  # target, then its source
    options = AuditOptions(features={"source": paths.pop()})  # the old and the new API
elif mode == "po":
    options = AuditOptions()
else:
    options = AuditOptions(lang="en", ignore=("language",) if mode == "artifacts" else ())
audit(paths, options)  # models and data loaded
best = float("inf")
for _ in range(2):
    start = time.process_time()
    report = audit(paths, options)
    best = min(best, time.process_time() - start)
print(json.dumps(sum(f.sentences for f in report.files) / best))
"""

DATA = ROOT.parent / "shared" / "data"


def inputs(mode: str, text: Path) -> list[str]:
    """The files a mode audits (and, for ``source``, the source file last)."""
    if mode == "source":
        ntrex = DATA / "ntrex"
        return [str(ntrex / "newstest2019-ref.rus.txt"), str(ntrex / "newstest2019-src.eng.txt")]
    if mode == "po":
        return [str(p) for p in sorted((DATA / "po").glob("*/*.po"))]
    return [str(text)]


def rate(tree: Path, text: Path, mode: str, workdir: str) -> float:
    # cwd outside both trees and PYTHONPATH first: the child imports the tree's tqcheck even when
    # another checkout is installed in editable mode.
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", CHILD, mode, *inputs(mode, text)], env=env,
                         cwd=workdir, capture_output=True, text=True, check=True)
    return float(json.loads(out.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", nargs="+", help="one or more revisions, each measured in the "
                        "same rounds as this tree")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--modes", default="artifacts,all",
                        help="comma-separated: artifacts, all, source, po (default: %(default)s)")
    args = parser.parse_args()
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = set(modes) - {"artifacts", "all", "source", "po"}
    if unknown:
        parser.error(f"unknown mode(s): {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        bases = [Path(tmp) / f"base-{i}" for i in range(len(args.rev))]
        for base, rev in zip(bases, args.rev, strict=True):
            subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                            str(base), rev], check=True)
        try:
            text = Path(tmp) / "corpus.txt"
            text.write_text(corpus_text(), encoding="utf-8")
            ratios: dict[tuple[str, str], list[float]] = {
                (rev, mode): [] for mode in modes for rev in args.rev}
            for rnd in range(args.rounds):
                for mode in modes:
                    olds = {rev: rate(base, text, mode, tmp)
                            for base, rev in zip(bases, args.rev, strict=True)}
                    new = rate(ROOT, text, mode, tmp)
                    for rev, old in olds.items():
                        ratios[rev, mode].append(new / old)
                        print(f"round {rnd + 1} {mode:<9} {rev}: {old:>8,.0f}/s  this tree: "
                              f"{new:>8,.0f}/s  ratio {new / old:.2f}")
            for (rev, mode), values in ratios.items():
                print(f"{mode}: median ratio against {rev} {statistics.median(values):.2f} "
                      f"over {args.rounds} rounds")
        finally:
            for base in bases:
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                                str(base)], check=False)

if __name__ == "__main__":
    main()
