"""Recall per category and false alarms per 1,000 words on tqcheck's labelled corpus.

    python benchmarks/corpus_recall.py [--missed]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from tqcheck.corpus import evaluate, read_corpus

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "mt-artifacts.jsonl"


def main() -> None:
    passages = list(read_corpus(CORPUS))
    for label, use_src in (("with --source-lang", True), ("without the source language", False)):
        score = evaluate(passages, use_source_lang=use_src)
        print(f"\n## {label}\n")
        print("| category | artifacts | caught | recall |\n|---|---:|---:|---:|")
        for cat in sorted(score.artifacts):
            print(f"| {cat} | {score.artifacts[cat]} | {score.caught[cat]} | "
                  f"{score.recall(cat):.0%} |")
        total = sum(score.artifacts.values())
        print(f"| all | {total} | {sum(score.caught.values())} | "
              f"{sum(score.caught.values()) / total:.0%} |")
        print(f"\nClean text: {score.clean_words} words, "
              f"{score.false_alarms_per_1000():.2f} warning/error findings per 1,000 words "
              f"({score.false_alarms_per_1000(False):.2f} including info).")
        for pid, f in score.clean_findings:
            print(f"  false alarm {pid}: {f.code} {f.severity.value} {f.message[:90]}")
        if "--missed" in sys.argv:
            kinds = Counter(f"{a['category']}/{a['kind']}" for _, a in score.missed)
            print("missed by kind:", dict(kinds.most_common()))


if __name__ == "__main__":
    main()
