"""Recall per category and false alarms per 1,000 words on tqcheck's labelled corpus, per split.

    python benchmarks/corpus_recall.py [--missed]

The corpus has a ``dev`` split (used while tuning the checks), a ``held-out`` split (never read
while tuning), a ``blind`` split (written by a session that never read the checks) and a second
such set cut in two, ``dev2`` (may be read and tuned on) and ``blind2`` (never read), and a third
such set, ``blind3``, all of it never read, and a fourth cut in two, ``dev3`` and ``blind4``; see
corpora/README.md, "Splits".  Each is scored separately, English targets apart from other targets.
``--missed`` lists the kinds missed on ``dev``, ``dev2`` and ``dev3`` only; false alarms on
``blind``, ``blind2``, ``blind3`` and ``blind4`` clean passages are counted, never listed.  A
split without passages is left out.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tqcheck.corpus import CorpusScore, evaluate, read_corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "mt-artifacts.jsonl"
SPLITS = ("dev", "held-out", "blind", "dev2", "blind2", "blind3", "dev3", "blind4")
#: Splits whose false alarms are counted but never listed (their text must not steer tuning).
UNLISTED = ("blind",)  # "blind", "blind2", "blind3" and "blind4"
TARGETS = (("English targets", lambda p: p["lang"] == "en"),
           ("other targets", lambda p: p["lang"] != "en"))


def table(scores: dict[str, CorpusScore]) -> None:
    names = list(scores)
    print("| category | " + " | ".join(f"{n} (n)" for n in names) + " |")
    print("|---|" + "---:|" * len(names))
    cats = sorted({c for s in scores.values() for c in s.artifacts})
    for cat in cats:
        cells = [f"{s.recall(cat):.0%} ({s.artifacts[cat]})" if s.artifacts[cat] else "–"
                 for s in scores.values()]
        print(f"| {cat} | " + " | ".join(cells) + " |")
    cells = []
    for s in scores.values():
        total = sum(s.artifacts.values())
        cells.append(f"{sum(s.caught.values()) / total:.0%} ({total})" if total else "–")
    print("| **all** | " + " | ".join(cells) + " |")
    print()
    for name, s in scores.items():
        print(f"- {name}: clean {s.clean_words} words, {s.false_alarms_per_1000():.2f} "
              f"warning/error findings per 1,000 words ({s.false_alarms_per_1000(False):.2f} "
              "including info)")
        if name.startswith(UNLISTED):
            if s.clean_findings:
                print(f"  - {len(s.clean_findings)} findings on clean passages (not listed)")
            continue
        for pid, f in s.clean_findings:
            print(f"  - false alarm {pid}: {f.code} {f.severity.value} {f.message[:90]}")


def main() -> None:
    passages = list(read_corpus(CORPUS))
    for label, use_src in (("with --source-lang", True), ("without the source language", False)):
        print(f"\n## {label}\n")
        scores: dict[str, CorpusScore] = {}
        for split in SPLITS:
            for tname, pick in TARGETS:
                chosen: list[dict[str, Any]] = [
                    p for p in passages if p.get("split", "dev") == split and pick(p)]
                if not chosen:
                    continue  # a split not written yet
                scores[f"{split}, {tname}"] = evaluate(chosen, use_source_lang=use_src)
        table(scores)
        if "--missed" in sys.argv:
            for name, s in scores.items():
                if name.startswith("dev"):
                    kinds = Counter(f"{a['category']}/{a['kind']}" for _, a in s.missed)
                    print(f"missed on {name}:", dict(kinds.most_common()))


if __name__ == "__main__":
    main()
