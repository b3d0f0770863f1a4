"""Recall of cut-off sentences (TQ205 and the structure checks) on real human prose, per language.

    python benchmarks/truncation_recall.py [--split tune|held-out|all] [--extra DIR]
                                           [--per-lang N] [--missed N]

Run by hand (not in CI); skipped cleanly where ``../shared/data`` is absent.  From clean human
prose in every language at hand — Tatoeba (one side of each pair), NTREX-128 English, Arabic and
Russian, the WMT23 references (English, German, Russian) and, with ``--extra DIR``, the PO files
and text files of ``DIR/<lang>/`` (``/work/cleantext``: GNOME help and calculator catalogues) —
it makes paragraphs of two to four real consecutive sentences, every one ending in final
punctuation, and cuts the last sentence the way MT output gets cut: the decoder stopped early or
hit its length limit, so the tail is dropped at a random word boundary (at least four words
kept; a character boundary, six characters kept, in Chinese and Japanese) and any punctuation
left at the cut is removed.  Each cut is scored four ways: bare, with "..." appended, with "…"
appended, and with a full stop appended (a cut followed by a full stop).

Recall: a structure finding (any severity) on the cut sentence that the same paragraph uncut does
not have.  False alarms: structure warnings and errors (not info) per 1,000 words on the same
paragraphs uncut; TQ205's apart.

The split was fixed before any tuning (round 13) and is never changed:

- TUNE: en ru fr tr zh fa el fi ro sk sl sv id lt, paragraphs and cuts drawn with seed 13;
- HELD-OUT: de ar es he uk bg da no hu vi sr et lv, seed 2613 (only their totals are read).

Tatoeba's Algerian and Egyptian Arabic, Belarusian and Urdu have no tqcheck language data; they
are printed apart (``--split all``).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TUNE = ("en", "ru", "fr", "tr", "zh", "fa", "el", "fi", "ro", "sk", "sl", "sv", "id", "lt")
HELD_OUT = ("de", "ar", "es", "he", "uk", "bg", "da", "no", "hu", "vi", "sr", "et", "lv")
NO_DATA = ("arq", "arz", "be", "ur")
SEEDS = {"tune": 13, "held-out": 2613, "none": 5}
TATOEBA = {"ara": "ar", "arq": "arq", "arz": "arz", "bel": "be", "bul": "bg", "cmn": "zh",
           "deu": "de", "fra": "fr", "heb": "he", "pes": "fa", "rus": "ru", "spa": "es",
           "tur": "tr", "ukr": "uk", "urd": "ur"}
#: Folder names of ``--extra`` that differ from tqcheck's language codes.
EXTRA_CODES = {"nb": "no"}
UNSPACED = frozenset({"zh", "ja"})
FINAL = frozenset(".!?…。！？؟")
VARIANTS = ("bare", "...", "…", ".")
#: Cut sentences at least this long (words, or characters where unspaced).
MIN_WORDS, MIN_CHARS = 6, 10
KEEP_WORDS, KEEP_CHARS = 4, 6
TAG = re.compile(r"<[^<>]*>")
ENTITIES = {"&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"', "&apos;": "'"}


@dataclass
class Tally:
    cuts: int = 0
    caught: int = 0
    by_variant: Counter[str] = field(default_factory=Counter)
    caught_variant: Counter[str] = field(default_factory=Counter)
    words: int = 0
    alarms: int = 0
    tq205: int = 0
    missed: list[str] = field(default_factory=list)


def _lines(path: Path) -> list[str]:
    return [x.strip() for x in path.read_text(encoding="utf-8").splitlines()]


def po_messages(path: Path) -> Iterator[str]:
    """The translations of a PO file, markup removed (tags dropped, their text kept)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for block in text.split("\n\n"):
        if "#, fuzzy" in block or "msgstr[" in block:
            continue
        parts = block.split("\nmsgstr ", 1)
        if len(parts) != 2:
            continue
        value = "".join(re.findall(r'^"(.*)"$', parts[1], re.MULTILINE))
        value = value.replace('\\"', '"').replace("\\n", "\n").replace("\\t", " ")
        if not value or "\n" in value.strip() or "\\" in value:
            continue
        value = TAG.sub("", value)
        for k, v in ENTITIES.items():
            value = value.replace(k, v)
        yield " ".join(value.split())


def blocks(lang: str, extra: Path | None) -> Iterator[tuple[str, list[str]]]:
    """Runs of consecutive text of ``lang``, each named by its kind and source: lines that are
    sentences (``lines:…``) or paragraphs to split into sentences (``paras:…``)."""
    for code, tl in TATOEBA.items():
        if tl == lang:
            yield "lines:tatoeba", _lines(DATA / "tatoeba" / f"tatoeba.{code}-eng.{code}")
    if lang == "en":
        yield "lines:tatoeba", _lines(DATA / "tatoeba" / "tatoeba.deu-eng.eng")
    ntrex = {"en": "newstest2019-src.eng.txt", "ar": "newstest2019-ref.arb.txt",
             "ru": "newstest2019-ref.rus.txt"}
    if lang in ntrex and (DATA / "ntrex" / ntrex[lang]).is_file():
        docs = _lines(DATA / "ntrex" / "DOCUMENT_IDS.tsv")
        run: list[str] = []
        for i, line in enumerate(_lines(DATA / "ntrex" / ntrex[lang])):
            if run and (i >= len(docs) or docs[i] != docs[i - 1]):
                yield "lines:ntrex", run
                run = []
            run.append(line)
        if run:
            yield "lines:ntrex", run
    for ref in sorted((DATA / "wmt23" / "references").glob(f"generaltest2023.*.ref.refA.{lang}")):
        yield "paras:wmt23", _lines(ref)
    if extra is not None:
        for folder in sorted(extra.iterdir()) if extra.is_dir() else ():
            if EXTRA_CODES.get(folder.name, folder.name) != lang:
                continue
            for f in sorted(folder.glob("*.po")):
                yield "paras:" + f.name, list(po_messages(f))
            for f in sorted(folder.glob("*.txt")):
                if lang not in set(TATOEBA.values()):
                    yield "lines:" + f.name, _lines(f)


def sentences_of(text: str, lang: str) -> list[str]:
    from tqcheck.langdata import load_language
    from tqcheck.model import Segment
    from tqcheck.segment import split_sentences

    seg = Segment(text, 1, 1, 0)
    return [s.text.strip() for s in split_sentences(seg, load_language(lang)) if s.text.strip()]


def _size(sentence: str, lang: str) -> int:
    return len(sentence) if lang in UNSPACED else len(sentence.split())


def paragraphs(lang: str, extra: Path | None, rng: random.Random, limit: int) -> list[list[str]]:
    """Paragraphs of two to four consecutive sentences of ``lang``, every one ending in final
    punctuation and the last long enough to cut, at most ``limit`` of them, drawn with ``rng``."""
    found: list[list[str]] = []
    for kind, lines in blocks(lang, extra):
        runs: list[list[str]]
        if kind.startswith("lines:"):
            runs = [lines]
        else:
            runs = [sentences_of(p, lang) for p in lines if p]
        for run in runs:
            i = 0
            while i < len(run):
                n = rng.randint(2, 4)
                group = [s for s in run[i:i + n] if s]
                i += n
                if len(group) < 2 or any(s[-1] not in FINAL for s in group):
                    continue
                if any("\t" in s or "http" in s for s in group):
                    continue
                minimum = MIN_CHARS if lang in UNSPACED else MIN_WORDS
                if _size(group[-1], lang) < minimum:
                    continue
                found.append(group)
    rng.shuffle(found)
    return found[:limit]


def cut(sentence: str, lang: str, rng: random.Random) -> str:
    """``sentence`` cut at a random word (character) boundary, at least four words (six
    characters) kept and one dropped, punctuation left at the cut removed."""
    if lang in UNSPACED:
        kept = sentence[:rng.randint(KEEP_CHARS, len(sentence) - 2)]
    else:
        words = sentence.split()
        kept = " ".join(words[:rng.randint(KEEP_WORDS, len(words) - 1)])
    while kept and not kept[-1].isalnum():
        kept = kept[:-1]
    return kept


def score(lang: str, paras: list[list[str]], rng: random.Random, tally: Tally) -> None:
    from tqcheck.audit import audit_text
    from tqcheck.config import Settings

    joiner = "" if lang in UNSPACED else " "
    settings = Settings.of(lang=lang, select=("structure",))
    items: list[tuple[str, str, int, str]] = []  # variant, paragraph, last sentence's start
    for group in paras:
        head = joiner.join(group[:-1]) + joiner
        items.append(("uncut", head + group[-1], len(head), ""))
        kept = cut(group[-1], lang, rng)
        if _size(kept, lang) < (KEEP_CHARS if lang in UNSPACED else KEEP_WORDS):
            continue
        for v in VARIANTS:
            items.append((v, head + kept + ("" if v == "bare" else v), len(head), group[-1]))
    text = "\n\n".join(p for _, p, _, _ in items) + "\n"
    report = audit_text(text, settings)
    by_line: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for f in report.findings:
        by_line[f.line].append((f.code, f.severity.value, f.end_col - 1))
    line = 1
    uncut_codes: set[str] = set()
    for variant, para, start, _ in items:
        found = by_line.get(line, [])
        line += 2
        on_last = {code for code, _, end in found if end > start}
        if variant == "uncut":
            uncut_codes = on_last
            tally.words += len(para) // 3 if lang in UNSPACED else len(para.split())
            serious = [c for c, sev, _ in found if sev != "info"]
            tally.alarms += len(serious)
            tally.tq205 += sum(c == "TQ205" for c in serious)
            continue
        tally.cuts += 1
        tally.by_variant[variant] += 1
        if on_last - uncut_codes:
            tally.caught += 1
            tally.caught_variant[variant] += 1
        elif variant == "bare":
            tally.missed.append(para[start:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "held-out", "all"), default="all")
    parser.add_argument("--extra", type=Path, default=None,
                        help="a folder of <lang>/*.po and *.txt files of clean human text")
    parser.add_argument("--per-lang", type=int, default=250, help="paragraphs per language")
    parser.add_argument("--missed", type=int, default=0,
                        help="print this many missed bare cuts per TUNE language")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return 0
    splits = {"tune": TUNE, "held-out": HELD_OUT}
    chosen = [s for s in splits if args.split in (s, "all")]
    if args.split == "all":
        chosen.append("none")
        splits["none"] = NO_DATA
    for split in chosen:
        totals = Tally()
        print(f"\n## {split} (seed {SEEDS[split]})\n")
        print("| lang | cuts | recall | bare | ... | … | . | words uncut | warnings/1k | TQ205 |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for lang in splits[split]:
            rng = random.Random(f"{SEEDS[split]}:{lang}")
            paras = paragraphs(lang, args.extra, rng, args.per_lang)
            if not paras:
                print(f"| {lang} | – | no text | | | | | | | |")
                continue
            t = Tally()
            score(lang, paras, rng, t)
            for name in ("cuts", "caught", "words", "alarms", "tq205"):
                setattr(totals, name, getattr(totals, name) + getattr(t, name))
            totals.by_variant.update(t.by_variant)
            totals.caught_variant.update(t.caught_variant)
            cells = [f"{t.caught_variant[v] / max(t.by_variant[v], 1):.0%}" for v in VARIANTS]
            print(f"| {lang} | {t.cuts} | {t.caught / max(t.cuts, 1):.0%} | " + " | ".join(cells)
                  + f" | {t.words} | {1000 * t.alarms / max(t.words, 1):.2f} | {t.tq205} |")
            if args.missed and split == "tune":
                for m in t.missed[:args.missed]:
                    print(f"    missed: {m}", file=sys.stderr)
        cells = [f"{totals.caught_variant[v] / max(totals.by_variant[v], 1):.0%}"
                 for v in VARIANTS]
        print(f"| **all** | {totals.cuts} | {totals.caught / max(totals.cuts, 1):.0%} | "
              + " | ".join(cells) + f" | {totals.words} | "
              f"{1000 * totals.alarms / max(totals.words, 1):.2f} | {totals.tq205} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
