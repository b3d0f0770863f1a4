"""What each check costs, in this checkout and in another revision, in the same run (run by hand).

Audits the speed corpus of ``audit_speed.py`` (about 25,000 English sentences, ``--lang en``) in
fresh processes of both trees, alternating, with every check's work timed on its own:

* each sentence and segment check's calls (its hits consumed: a generator's work counts);
* each document check's ``feed`` and ``finish``;
* each gate's search of the chunks (shown with its check: ``gate`` column);
* the engine's own parts: sentence splitting and making findings from hits;

and prints, for each check, its milliseconds in both trees, its share of the audit, and the
ratio, largest cost first; then the engine's parts and what is left (reading, the engine's loops,
the report).  Every clock is the process's CPU time (the host is shared: wall time
counts other programs); a timer costs about half a microsecond a call, included in the parts (the
number of timed calls is printed).  The untimed audit, in the same process, gives sentences per
second.  Each tree's figure is the best of ``--rounds`` processes (the host
is shared: the best is the least disturbed).  Modes: ``all`` (every check, the default),
``artifacts`` (no language identification), ``source`` (NTREX Russian with its English source)
and ``po`` (the shared PO catalogues), as in ``compare_revisions.py``.

Then, unless ``--budget 0``, a budget for each check at ``--budget`` sentences per second
(default 25,000, the issue's bar): the audit's time at that rate, shared out as REV shared its
own (each check's cost there, scaled), and each check's cost over its budget, largest first.

    python benchmarks/rule_cost.py REV [--rounds 3] [--mode all] [--top 40] [--budget 25000]
    python benchmarks/rule_cost.py --this-only        # this tree alone
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from audit_speed import corpus_text  # noqa: E402
from compare_revisions import inputs  # noqa: E402

#: The child: the tree's own audit, with the engine's rules, gates and parts wrapped in timers.
#: It touches only names every revision since the engine's gates has (Engine(rules, ctx, ...),
#: engine.split_sentences, engine.make_finding, Rule.impl, Engine.gates).
CHILD = r"""
import dataclasses, json, sys, time
from collections import defaultdict
from pathlib import Path
from tqcheck.checks import engine as engine_module
from tqcheck.audit import AuditOptions, audit

mode, paths = sys.argv[1], sys.argv[2:]
if mode == "source":
    options = AuditOptions(features={"source": paths.pop()})
elif mode == "po":
    options = AuditOptions()
else:
    options = AuditOptions(lang="en", ignore=("language",) if mode == "artifacts" else ())

clock = time.process_time
cost = defaultdict(float)
calls = defaultdict(int)
info = {}


def timed_function(key, fn):
    def run(*args):
        start = clock()
        out = fn(*args)
        if not isinstance(out, (list, tuple)):
            out = list(out)
        cost[key] += clock() - start
        calls[key] += 1
        return out
    return run


class TimedDocument:
    def __init__(self, key, check):
        self._key, self._check = key, check

    def feed(self, *args):
        start = clock()
        self._check.feed(*args)
        cost[self._key] += clock() - start
        calls[self._key] += 1

    def finish(self):
        start = clock()
        out = list(self._check.finish())
        cost[self._key] += clock() - start
        calls[self._key] += 1
        return out

    def __getattr__(self, name):
        return getattr(self._check, name)


def timed_class(key, cls):
    def make(*args, **kwargs):
        start = clock()
        check = cls(*args, **kwargs)
        cost[key] += clock() - start
        return TimedDocument(key, check)
    return make


class TimedGate:
    def __init__(self, key, gate):
        self._key, self._gate = key, gate

    def spans(self, chunk):
        start = clock()
        out = list(self._gate.spans(chunk))
        cost[self._key] += clock() - start
        calls[self._key] += 1
        return out

    def __getattr__(self, name):
        return getattr(self._gate, name)


def wrap(rule):
    info[rule.code] = rule.scope
    if rule.scope == "document":
        impl = timed_class(rule.code, rule.impl)
    else:
        impl = timed_function(rule.code, rule.impl)
    return dataclasses.replace(rule, impl=impl)


Engine = engine_module.Engine
plain_init = Engine.__init__


def timed_init(self, rules, ctx, *args, **kwargs):
    plain_init(self, [wrap(r) for r in rules], ctx, *args, **kwargs)
    gates = getattr(self, "gates", None)
    if isinstance(gates, dict):
        for code, gate in list(gates.items()):
            gates[code] = TimedGate("gate " + code, gate)


def timed_module_function(name, key):
    fn = getattr(engine_module, name, None)
    if fn is not None:
        setattr(engine_module, name, timed_function(key, fn) if name == "split_sentences"
                else _timed_scalar(key, fn))


def _timed_scalar(key, fn):
    def run(*args):
        start = clock()
        out = fn(*args)
        cost[key] += clock() - start
        calls[key] += 1
        return out
    return run


audit(paths, options)  # models and data loaded
plain = float("inf")
for _ in range(2):
    start = time.process_time()
    report = audit(paths, options)
    plain = min(plain, time.process_time() - start)
sentences = sum(f.sentences for f in report.files)

Engine.__init__ = timed_init
timed_module_function("split_sentences", "engine: split sentences")
timed_module_function("make_finding", "engine: make findings")
best = None
for _ in range(2):
    cost.clear()
    calls.clear()
    start = time.process_time()
    audit(paths, options)
    total = time.process_time() - start
    if best is None or total < best["total"]:
        best = {"total": total, "cost": dict(cost), "calls": dict(calls)}
print(json.dumps({"plain": plain, "sentences": sentences, "findings": len(report.findings),
                  "scopes": info, **best}))
"""


def measure(tree: Path, mode: str, text: Path, workdir: str) -> dict:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    out = subprocess.run([sys.executable, "-c", CHILD, mode, *inputs(mode, text)], env=env,
                         cwd=workdir, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{tree}: the child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def best_of(runs: list[dict]) -> dict:
    """The least disturbed run for the totals; for each part, its least cost over the runs."""
    out = dict(min(runs, key=lambda r: r["plain"]))
    keys = set().union(*(r["cost"] for r in runs))
    out["cost"] = {k: min(r["cost"].get(k, 0.0) for r in runs) for k in keys}
    return out


def table(this: dict, base: dict | None, rev: str, top: int) -> None:
    scopes = {**(base or {}).get("scopes", {}), **this["scopes"]}
    codes = sorted(scopes)

    def check_ms(run: dict | None, code: str) -> tuple[float, float] | None:
        if run is None or code not in run["scopes"]:
            return None
        return run["cost"].get(code, 0.0) * 1e3, run["cost"].get("gate " + code, 0.0) * 1e3

    def share(ms: float, run: dict) -> str:
        return f"{ms / (run['total'] * 1e3):6.1%}"

    rows = []
    for code in codes:
        new, old = check_ms(this, code), check_ms(base, code)
        rows.append((code, new, old))
    rows.sort(key=lambda r: -(sum(r[1]) if r[1] else 0.0))
    head = f"{'check':<8}{'scope':<9}{'this ms':>9}{'gate':>7}{'share':>8}"
    if base is not None:
        head += f"{rev[:9] + ' ms':>14}{'gate':>7}{'share':>8}{'ratio':>7}{'+ms':>8}"
    print(head)
    shown = 0
    rest_new = rest_old = 0.0
    for code, new, old in rows:
        new_ms = sum(new) if new else 0.0
        old_ms = sum(old) if old else 0.0
        if shown >= top:
            rest_new += new_ms
            rest_old += old_ms
            continue
        shown += 1
        line = f"{code:<8}{scopes[code]:<9}"
        line += (f"{new[0]:>9.1f}{new[1]:>7.1f}{share(new_ms, this)}" if new
                 else f"{'-':>9}{'':>7}{'':>8}")
        if base is not None:
            line += (f"{old[0]:>14.1f}{old[1]:>7.1f}{share(old_ms, base)}" if old
                     else f"{'-':>14}{'':>7}{'':>8}")
            if new and old:
                line += f"{new_ms / old_ms:>7.2f}" if old_ms > 0 else f"{'':>7}"
            else:
                line += f"{'':>7}"
            line += f"{new_ms - old_ms:>+8.1f}"
        print(line)
    if rest_new or rest_old:
        line = f"{'others':<17}{rest_new:>9.1f}{'':>7}{'':>8}"
        if base is not None:
            line += f"{rest_old:>14.1f}{'':>7}{'':>8}{'':>7}{rest_new - rest_old:>+8.1f}"
        print(line)
    print()
    for label, key in (("split sentences", "engine: split sentences"),
                       ("make findings", "engine: make findings")):
        line = f"{label:<26}{this['cost'].get(key, 0.0) * 1e3:>9.1f} ms"
        if base is not None:
            line += f"   {rev[:9]}: {base['cost'].get(key, 0.0) * 1e3:>9.1f} ms"
        print(line)

    def summary(run: dict) -> tuple[float, float, float, float]:
        checks = sum(v for k, v in run["cost"].items() if not k.startswith("engine"))
        parts = sum(run["cost"].values())
        return checks * 1e3, run["total"] * 1e3, (run["total"] - parts) * 1e3, run["plain"]

    for name, run in (("this tree", this), (rev, base)):
        if run is None:
            continue
        checks, total, rest, plain = summary(run)
        print(f"{name:<12} checks+gates {checks:8.0f} ms of {total:8.0f} ms timed "
              f"({checks / total:.0%}, {sum(run['calls'].values()):,} timed calls); "
              f"rest (reading, engine loops, report) {rest:6.0f} ms; "
              f"untimed audit {plain * 1e3:6.0f} ms = {run['sentences'] / plain:,.0f} "
              f"sentences/s (cpu), {run['findings']:,} findings")
    if base is not None:
        print(f"untimed audit ratio (this / {rev}): {base['plain'] / this['plain']:.2f}x speed")


def budget(this: dict, base: dict, rev: str, rate: float, top: int) -> None:
    """Per-check budgets at ``rate`` sentences per second (printed, never asserted): the time
    the audit may take at that rate, shared out as ``rev`` shared its own time (each check's
    cost there, scaled to the target; a check ``rev`` lacks has none), and each check's cost
    over its budget, largest first: where to cut to reach the rate."""
    target_s = this["sentences"] / rate
    scale = target_s / base["plain"]  # the base's costs, as if it had run at the target rate
    print()
    print(f"budget at {rate:,.0f} sentences/s: the audit {target_s * 1e3:.0f} ms; now "
          f"{this['plain'] * 1e3:.0f} ms ({this['plain'] / target_s - 1:+.0%}); each check's "
          f"budget is its cost in {rev[:9]} x {scale:.2f}")
    rows = []
    for code in set(this["scopes"]) | set(base["scopes"]):
        new = (this["cost"].get(code, 0.0) + this["cost"].get("gate " + code, 0.0)) * 1e3
        old = ((base["cost"].get(code, 0.0) + base["cost"].get("gate " + code, 0.0)) * 1e3
               if code in base["scopes"] else 0.0)
        rows.append((new - old * scale, code, new, old * scale))
    rows.sort(reverse=True)
    print(f"{'check':<8}{'this ms':>9}{'budget':>9}{'over':>9}")
    for over, code, new, allowed in rows[:top]:
        if over <= 0:
            break
        print(f"{code:<8}{new:>9.1f}{allowed:>9.1f}{over:>+9.1f}")
    print(f"{'all':<8}{sum(r[2] for r in rows):>9.1f}{sum(r[3] for r in rows):>9.1f}"
          f"{sum(r[0] for r in rows):>+9.1f}   (checks and gates, timed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", nargs="?", default="9145980")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--mode", default="all", choices=("all", "artifacts", "source", "po"))
    parser.add_argument("--top", type=int, default=40, help="checks listed (default %(default)s)")
    parser.add_argument("--this-only", action="store_true", help="measure this tree alone")
    parser.add_argument("--budget", type=float, default=25_000, metavar="RATE",
                        help="per-check budgets at RATE sentences/s, shared out as REV shares "
                        "its time (default %(default)s; 0: none)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "corpus.txt"
        text.write_text(corpus_text(), encoding="utf-8")
        if args.this_only:
            this = best_of([measure(ROOT, args.mode, text, tmp) for _ in range(args.rounds)])
            table(this, None, "", args.top)
            return
        base_tree = Path(tmp) / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach",
                        str(base_tree), args.rev], check=True)
        try:
            news, olds = [], []
            for _ in range(args.rounds):
                olds.append(measure(base_tree, args.mode, text, tmp))
                news.append(measure(ROOT, args.mode, text, tmp))
            this, base = best_of(news), best_of(olds)
            table(this, base, args.rev, args.top)
            if args.budget > 0:
                budget(this, base, args.rev, args.budget, args.top)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force",
                            str(base_tree)], check=False)


if __name__ == "__main__":
    main()
