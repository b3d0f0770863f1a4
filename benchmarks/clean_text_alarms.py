"""Warnings and errors per 1,000 words on clean human text (false alarms), per corpus and code.

    python benchmarks/clean_text_alarms.py [--select calque,consistency] [--show CODE]

Corpora (each skipped when ``../shared/data`` lacks it): NTREX-128 English, Arabic and Russian;
the WMT23 human references (refA), without and with their source (``--source``); one side of each
Tatoeba pair.  Every finding on these texts is counted as a false alarm: they were written or
translated by people, so a finding rate here is the noise floor the issue caps at 0.5 per 1,000
words.  Run it on two checkouts (``PYTHONPATH=...``) to compare revisions.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tqcheck.audit import AuditOptions, audit

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
#: The checks of the text itself (the default selection): fidelity needs models.
FAMILIES = ("language", "repetition", "structure", "punctuation", "residue", "consistency",
            "calque")
TATOEBA = {"ara": "ar", "rus": "ru", "ukr": "uk", "heb": "he", "pes": "fa", "deu": "de",
           "fra": "fr", "spa": "es", "tur": "tr", "cmn": "zh", "bul": "bg"}


def corpora() -> Iterator[tuple[str, Path, str, Path | None, str | None]]:
    ntrex = DATA / "ntrex"
    for name, lang in (("newstest2019-src.eng.txt", "en"), ("newstest2019-ref.arb.txt", "ar"),
                       ("newstest2019-ref.rus.txt", "ru")):
        yield f"ntrex {lang}", ntrex / name, lang, None, None
        if lang != "en":  # the references translate the English line by line
            yield f"ntrex {lang} +src", ntrex / name, lang, ntrex / "newstest2019-src.eng.txt", "en"
    wmt = DATA / "wmt23"
    for ref in sorted((wmt / "references").glob("generaltest2023.*.ref.refA.*")):
        pair = ref.name.split(".")[1]
        src_lang, tgt = pair.split("-")
        source = wmt / "sources" / f"generaltest2023.{pair}.src.{src_lang}"
        yield f"wmt23 ref {pair}", ref, tgt, None, None
        yield f"wmt23 ref {pair} +src", ref, tgt, source, src_lang
    for code, lang in TATOEBA.items():
        yield f"tatoeba {lang}", DATA / "tatoeba" / f"tatoeba.{code}-eng.{code}", lang, None, None
    yield "tatoeba en", DATA / "tatoeba" / "tatoeba.deu-eng.eng", "en", None, None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="", help="comma-separated codes or categories "
                        "(default: every family but fidelity)")
    parser.add_argument("--show", default="", help="print the findings of these codes")
    args = parser.parse_args(argv)
    select = tuple(s for s in args.select.split(",") if s) or FAMILIES
    show = set(args.show.split(",")) - {""}
    total_words = total = 0
    print("| corpus | words | warnings+errors | per 1,000 words | codes |\n|---|---:|---:|---:|---|")
    for label, path, lang, source, src_lang in corpora():
        if not path.is_file():
            print(f"| {label} | – | – | – | absent |")
            continue
        opts = AuditOptions(lang=lang, select=select, source_lang=src_lang, format_in="text",
                            features={"source": str(source)} if source else {})
        report = audit([path], opts)
        words = len(path.read_text(encoding="utf-8").split())
        serious = [f for f in report.findings if f.severity.value != "info"]
        codes = Counter(f.code for f in serious)
        if "+src" not in label:
            total_words += words
            total += len(serious)
        print(f"| {label} | {words} | {len(serious)} | {1000 * len(serious) / words:.2f} | "
              + ", ".join(f"{c} {n}" for c, n in codes.most_common()) + " |")
        for f in report.findings:
            if f.code in show:
                print(f"    {label}:{f.line} {f.code} {f.severity.value} {f.text!r} {f.message[:80]}",
                      file=sys.stderr)
    print(f"\nAll (without the +src runs): {total} in {total_words} words, "
          f"{1000 * total / max(total_words, 1):.2f} per 1,000 words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
