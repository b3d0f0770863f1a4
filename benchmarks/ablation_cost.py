"""What the audit saves without each of some checks: each check's cost free of timers (run by hand).

``rule_cost.py`` times every call of every check; a timer costs about a microsecond a call under
load, and a check called on every sentence (TQ701: 25,000 calls) or segment carries that many
timers, so its share there is too large.  This audit of the speed corpus of ``audit_speed.py``
(about 25,000 English sentences, ``--lang en``) runs, in one warm process, the whole audit and
the audit with each group of ``--without`` ignored (``AuditOptions.ignore``), round-robin over
``--rounds``, and prints each variant's best CPU time and what it saves against the whole.  The
host is shared: figures within ~5% of each other are noise.

A precondition left out (TQ701) also lets the other checks see the sentences it would have
reported (a handful on this corpus).

    python benchmarks/ablation_cost.py [--rounds 4] [--without TQ601,TQ602 TQ701 ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit_speed import corpus_text

DEFAULT = ["TQ601,TQ602", "TQ701", "TQ502", "TQ101", "TQ501", "TQ104", "TQ201"]


def main() -> None:
    from tqcheck.audit import AuditOptions, audit_text

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--without", nargs="+", default=DEFAULT,
                        help="groups of codes, comma-separated within a group")
    args = parser.parse_args()
    text = corpus_text()
    variants: dict[str, tuple[str, ...]] = {"(all)": ()}
    variants.update({group: tuple(group.split(",")) for group in args.without})
    best = dict.fromkeys(variants, float("inf"))
    for ignore in variants.values():  # models, data and memos loaded
        audit_text(text, AuditOptions(lang="en", ignore=ignore))
    for _ in range(args.rounds):
        for name, ignore in variants.items():
            start = time.process_time()
            audit_text(text, AuditOptions(lang="en", ignore=ignore))
            best[name] = min(best[name], time.process_time() - start)
    whole = best["(all)"]
    print(f"{'without':<28}{'cpu ms':>8}{'saves ms':>10}{'share':>8}")
    for name, seconds in best.items():
        saved = whole - seconds
        print(f"{name:<28}{seconds * 1e3:>8.0f}{saved * 1e3:>10.0f}{saved / whole:>8.1%}")


if __name__ == "__main__":
    main()
