"""Evaluation on a labelled corpus (``corpora/mt-artifacts.jsonl``): recall per category and false
alarms per 1,000 words.  Used by the tests and ``benchmarks/corpus_recall.py``."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.audit import audit_text
from tqcheck.config import Settings
from tqcheck.model import Finding


@dataclass
class CorpusScore:
    artifacts: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    clean_words: int = 0
    clean_findings: list[tuple[str, Finding]] = field(default_factory=list)
    missed: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    def recall(self, category: str) -> float:
        return self.caught[category] / self.artifacts[category] if self.artifacts[category] else 0.0

    def false_alarms_per_1000(self, serious_only: bool = True) -> float:
        n = sum(1 for _, f in self.clean_findings if not serious_only or f.severity.value != "info")
        return 1000 * n / self.clean_words if self.clean_words else 0.0


def read_corpus(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _offsets(text: str, f: Finding) -> tuple[int, int]:
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts[f.line - 1] + f.col - 1, starts[f.end_line - 1] + f.end_col - 1


def evaluate(passages: Iterable[dict[str, Any]], use_source_lang: bool = True,
             options: Settings | None = None) -> CorpusScore:
    """An artifact counts as caught when a finding of the same category overlaps its span."""
    score = CorpusScore()
    base = options or Settings()
    for p in passages:
        opts = Settings.of(
            select=base.select, ignore=base.ignore, lang=p["lang"],
            source_lang=p.get("source_lang") if use_source_lang else None,
        )
        report = audit_text(p["text"], opts, path=p["id"])
        spans = [(f.category.value, *_offsets(p["text"], f)) for f in report.findings]
        if p.get("clean"):
            score.clean_words += len(p["text"].split())
            score.clean_findings.extend((p["id"], f) for f in report.findings)
            continue
        for a in p["artifacts"]:
            score.artifacts[a["category"]] += 1
            if any(c == a["category"] and s < a["end"] and a["start"] < e for c, s, e in spans):
                score.caught[a["category"]] += 1
            else:
                score.missed.append((p["id"], a))
    return score
