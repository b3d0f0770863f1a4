"""Sentence splitters on real news English: accuracy and speed, measured in one run.

Gold standard: NTREX-128 ``newstest2019-src.eng.txt`` has one sentence per line; lines of one
document (``DOCUMENT_IDS.tsv``) are joined with a space into a paragraph, and each splitter must
recover the line boundaries.  Run by hand::

    pip install pysbd syntok blingfire   # the competitors, not tqcheck dependencies
    python benchmarks/segmenter.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from itertools import groupby
from pathlib import Path

from tqcheck.langdata import load_language
from tqcheck.segment import split_spans

NTREX = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ntrex"


def documents() -> list[tuple[str, set[int]]]:
    ids = (NTREX / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = (NTREX / "newstest2019-src.eng.txt").read_text(encoding="utf-8").splitlines()
    docs = []
    for _, group in groupby(zip(ids, lines, strict=True), key=lambda x: x[0]):
        sents = [s.strip() for _, s in group]
        text, bounds, pos = "", set(), 0
        for s in sents:
            text += s + " "
            pos += len(s)
            bounds.add(pos)
            pos += 1
        bounds.discard(pos - 1)
        docs.append((text.rstrip(), bounds))
    return docs


def ends_from_sentences(text: str, sentences: list[str]) -> set[int]:
    ends, pos = set(), 0
    for s in sentences:
        s = s.strip()
        if not s:
            continue
        i = text.find(s, pos)
        if i < 0:
            continue
        pos = i + len(s)
        ends.add(pos)
    ends.discard(len(text))
    return ends


def tqcheck_splitter() -> Callable[[str], set[int]]:
    en = load_language("en")

    def split(text: str) -> set[int]:
        return {e for _, e in split_spans(text, en)} - {len(text)}

    return split


def competitors() -> dict[str, Callable[[str], set[int]]]:
    out: dict[str, Callable[[str], set[int]]] = {"tqcheck (rules + language data)": tqcheck_splitter()}
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        out["pysbd 0.3"] = lambda t: ends_from_sentences(t, seg.segment(t))
    except ImportError:
        pass
    try:
        from syntok import segmenter

        def syn(t: str) -> set[int]:
            ends = set()
            for para in segmenter.process(t):
                for sent in para:
                    last = sent[-1]
                    ends.add(last.offset + len(last.value))
            return ends - {len(t)}

        out["syntok 1.4"] = syn
    except ImportError:
        pass
    try:
        import blingfire

        def bf(t: str) -> set[int]:
            _, offsets = blingfire.text_to_sentences_and_offsets(t)
            return {e for _, e in offsets} - {len(t)}

        out["blingfire 0.1"] = bf
    except ImportError:
        pass
    return out


def main() -> None:
    docs = documents()
    n_sent = sum(len(b) + 1 for _, b in docs)
    print(f"{len(docs)} documents, {n_sent} gold sentences\n")
    print(f"{'splitter':<34}{'precision':>10}{'recall':>8}{'F1':>7}{'sent/s':>10}{'ratio':>8}")
    base = None
    for name, split in competitors().items():
        tp = fp = fn = 0
        t0 = time.perf_counter()
        for _ in range(3):
            results = [split(text) for text, _ in docs]
        elapsed = (time.perf_counter() - t0) / 3
        for (_, gold), got in zip(docs, results, strict=True):
            tp += len(gold & got)
            fp += len(got - gold)
            fn += len(gold - got)
        if tp == 0:
            print(f"{name:<34} no boundary recovered (API mismatch?)")
            continue
        p, r = tp / (tp + fp), tp / (tp + fn)
        speed = n_sent / elapsed
        base = base or speed
        print(f"{name:<34}{p:>10.3f}{r:>8.3f}{2 * p * r / (p + r):>7.3f}{speed:>10.0f}"
              f"{speed / base:>8.2f}")


if __name__ == "__main__":
    main()
