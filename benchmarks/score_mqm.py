"""How well do BLEU and chrF (through ``tqcheck.score``) rank real MT systems by human MQM scores?

Data: ``../shared/data/mqm-ted-zh-en.jsonl`` (WMT21 TED zh-en, professional MQM annotations).
For every system except ``refB`` it writes a hypothesis file of the segments that every system
has and that have the refB reference, writes refB as the reference, scores all systems with
``tqcheck.score.score``, computes MQM system scores, and prints Markdown: the system table,
system-level Pearson and Kendall (tau-b) correlations with MQM, and the system pairs that
sacrebleu's paired bootstrap test calls significantly different.

MQM: every error weighs Major 5, Minor 1, Minor Fluency/Punctuation 0.1, Non-translation 25; a
segment's MQM is the sum of its errors' weights and a system's MQM the mean over segments.
Lower MQM is better, so correlations are computed against -MQM (positive = agreement; TER is
negated too).

    python benchmarks/score_mqm.py [--data PATH] [--out DIR]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tqcheck.score import compare_systems, read_lines, score  # noqa: E402

DATA = ROOT / ".." / "shared" / "data" / "mqm-ted-zh-en.jsonl"
REFERENCE_SYSTEM = "refB"
HUMAN = {"ref", "refB"}
METRICS = ("bleu", "chrf", "chrf++", "ter")
LABEL = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}


def error_weight(error: dict[str, object]) -> float:
    severity = str(error["severity"]).lower()
    category = str(error["category"])
    if severity == "non-translation" or category.lower() == "non-translation":
        return 25.0
    if severity == "major":
        return 5.0
    if severity == "minor":
        return 0.1 if category == "Fluency/Punctuation" else 1.0
    return 0.0  # e.g. "Neutral"


Rows = dict[str, dict[tuple[str, str], dict[str, object]]]


def load(path: Path) -> tuple[Rows, list[tuple[str, str]]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_system: Rows = {}
    for row in rows:
        by_system.setdefault(row["system"], {})[(row["doc"], row["seg_id"])] = row
    with_ref = {k for k, row in by_system[REFERENCE_SYSTEM].items() if row["target"]}
    common = set.intersection(*(set(v) for v in by_system.values())) & with_ref
    keys = sorted(common, key=lambda k: (k[0], int(k[1])))
    return by_system, keys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=None, help="keep the text files here")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2
    from scipy.stats import kendalltau, pearsonr

    by_system, keys = load(args.data)
    systems = sorted(s for s in by_system if s != REFERENCE_SYSTEM)
    folder = args.out or Path(tempfile.mkdtemp(prefix="tqcheck-mqm-"))
    folder.mkdir(parents=True, exist_ok=True)
    ref_path = folder / f"{REFERENCE_SYSTEM}.txt"
    ref_path.write_text("".join(str(by_system[REFERENCE_SYSTEM][k]["target"]) + "\n"
                                for k in keys), encoding="utf-8")
    for name in systems:
        (folder / f"{name}.txt").write_text(
            "".join(str(by_system[name][k]["target"]).replace("\n", " ") + "\n" for k in keys),
            encoding="utf-8")

    mqm: dict[str, float] = {}
    for name in systems:
        seg = [sum(error_weight(e) for e in by_system[name][k]["errors"])  # type: ignore[attr-defined]
               for k in keys]
        mqm[name] = sum(seg) / len(seg)
    given = {name: sum(float(by_system[name][k]["mqm_score"]) for k in keys) / len(keys)  # type: ignore[arg-type]
             for name in systems}

    started = time.perf_counter()
    refs = [read_lines(ref_path)]
    hyps = {name: read_lines(folder / f"{name}.txt") for name in systems}
    report = score([(n, hyps[n]) for n in systems], refs, METRICS, reference_names=[ref_path.name])
    scored_s = time.perf_counter() - started
    value = {s.name: {k: m.score for k, m in s.metrics.items()} for s in report.systems}

    order = sorted(systems, key=lambda n: mqm[n])
    print(f"{len(keys)} segments per system (all {len(systems)} systems, reference "
          f"{REFERENCE_SYSTEM}); scored in {scored_s:.1f} s\n")
    print("| system | MQM (lower is better) | BLEU | chrF | chrF++ | TER |")
    print("|---|---:|---:|---:|---:|---:|")
    for n in order:
        human = " (human)" if n in HUMAN else ""
        v = value[n]
        print(f"| {n}{human} | {mqm[n]:.3f} | {v['bleu']:.2f} | {v['chrf']:.2f} | "
              f"{v['chrf++']:.2f} | {v['ter']:.2f} |")
    drift = max(abs(mqm[n] - given[n]) for n in systems)
    print(f"\nMQM recomputed from the error weights; largest difference from the file's "
          f"`mqm_score` mean: {drift:.4f}.\n")

    print("System-level correlation with MQM (metric against -MQM; TER negated; "
          "positive = agrees with humans):\n")
    print("| systems | n | metric | Pearson r | p | Kendall tau-b | p |")
    print("|---|---:|---|---:|---:|---:|---:|")
    groups = {"all (13 MT + human ref)": systems,
              "MT only": [n for n in systems if n not in HUMAN]}
    for label, group in groups.items():
        human_mqm = [-mqm[n] for n in group]
        for key in METRICS:
            sign = -1.0 if key == "ter" else 1.0
            vals = [sign * value[n][key] for n in group]
            r, rp = pearsonr(vals, human_mqm)
            tau, tp = kendalltau(vals, human_mqm)  # tau-b by default
            print(f"| {label} | {len(group)} | {LABEL[key]} | {r:.3f} | {rp:.3g} | {tau:.3f} | "
                  f"{tp:.3g} |")

    print("\nPaired bootstrap resampling (sacrebleu PairedTest, 1000 resamples, seed 12345), "
          "every pair of systems:\n")
    started = time.perf_counter()
    significant: dict[str, list[tuple[str, str, float, float]]] = {"bleu": [], "chrf": []}
    n_pairs = 0
    for i, base in enumerate(order):
        rest = order[i + 1:]
        if not rest:
            continue
        comps = compare_systems([(base, hyps[base]), *((n, hyps[n]) for n in rest)], refs,
                                ("bleu", "chrf"), test="bs")
        n_pairs += len(rest)
        for c in comps:
            if c.significant:
                significant[c.metric].append((c.baseline, c.system, c.delta, c.p_value))
    paired_s = time.perf_counter() - started
    for key, pairs in significant.items():
        # `order` is by MQM, so the baseline is the human-preferred system of each pair: a
        # negative delta means the metric agrees with MQM on the direction.
        agree = sum(1 for *_, d, _ in pairs if d < 0)
        print(f"- {LABEL[key]}: {len(pairs)} of {n_pairs} pairs significantly different "
              f"(p < 0.05); on {agree} of them the metric orders the pair as MQM does.")
    print(f"\n({paired_s:.0f} s for the paired tests.)\n")
    for key, pairs in significant.items():
        print(f"<details><summary>{LABEL[key]}: significantly different pairs "
              f"(MQM-better system first)</summary>\n")
        print("| MQM-better | MQM-worse | delta | p |")
        print("|---|---|---:|---:|")
        for a, b, d, p in pairs:
            print(f"| {a} | {b} | {d:+.2f} | {p:.4f} |")
        print("\n</details>\n")
    not_sig = {key: [(a, b) for a, b in itertools.combinations(order, 2)
                     if (a, b) not in {(x, y) for x, y, *_ in significant[key]}]
               for key in significant}
    for key, pairs in not_sig.items():
        print(f"{LABEL[key]}: not significantly different: "
              + ", ".join(f"{a} / {b}" for a, b in pairs) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
