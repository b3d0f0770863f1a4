"""Calque-pack matches per 1,000 words on clean human text, and on WMT23 MT against the references.

    python benchmarks/calque_clean.py [--show N] [--lang de] [--wmt]

Runs every pattern of the built-in calque packs (TQ601's data) straight over each clean corpus of
its target language, line by line: NTREX-128 (en, ar, ru), the WMT23 human references, one side of
each Tatoeba pair, the reference fields of the MQM TED files, the translations of the PO
catalogues in ``po/``, and the clean passages of
``corpora/`` (dev and held-out only; the blind split is never read).  Two rates per corpus:

* ``all``: every pattern, as if the pack's source language were in evidence (the worst case: a
  human translation from that very language);
* ``strong``: the patterns that report without any source language.

Every match on this text is a false alarm.  ``--show N`` prints the N patterns that match most,
with a line each.  ``--wmt`` compares the WMT23 system outputs (pooled) with the human reference
per pair: matches per 1,000 words of the packs of the pair's source language plus the strong
patterns of the others.  Run it with ``PYTHONPATH`` on two checkouts to compare pack revisions.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tqcheck.checks.calque import CalquePack, CalquePattern, builtin_packs

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TATOEBA = {"ara": "ar", "rus": "ru", "ukr": "uk", "heb": "he", "pes": "fa", "deu": "de",
           "fra": "fr", "spa": "es", "tur": "tr", "cmn": "zh", "bel": "be"}


def _lines(path: Path) -> list[str]:
    return [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def _msgstrs(path: Path) -> list[str]:
    """The translations of a PO catalogue (msgstr strings, continuation lines joined)."""
    out: list[str] = []
    cur: list[str] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("msgstr"):
            cur = [line.split(" ", 1)[1].strip().strip('"')] if " " in line else []
            out.append("")
        elif line.startswith('"') and cur is not None:
            cur.append(line.strip().strip('"'))
        else:
            cur = None
        if cur is not None and out:
            out[-1] = "".join(cur).replace("\\n", " ")
    return [ln for ln in out if ln.strip()]


def corpora() -> Iterator[tuple[str, str, list[str]]]:
    ntrex = DATA / "ntrex"
    for name, lang in (("newstest2019-src.eng.txt", "en"), ("newstest2019-ref.arb.txt", "ar"),
                       ("newstest2019-ref.rus.txt", "ru")):
        if (ntrex / name).exists():
            yield f"ntrex {lang}", lang, _lines(ntrex / name)
    for ref in sorted((DATA / "wmt23" / "references").glob("generaltest2023.*.ref.refA.*")):
        yield f"wmt23 ref {ref.name.split('.')[1]}", ref.name.rsplit(".", 1)[1], _lines(ref)
    eng: list[str] = []
    for path in sorted((DATA / "tatoeba").glob("tatoeba.*-eng.*")):
        code = path.name.split(".")[-1]
        if code == "eng":
            eng.extend(_lines(path))
        elif code in TATOEBA:
            yield f"tatoeba {TATOEBA[code]}", TATOEBA[code], _lines(path)
    if eng:
        yield "tatoeba en", "en", sorted(set(eng))
    for name, lang in (("mqm-ted-zh-en.jsonl", "en"), ("mqm-ted-en-de.jsonl", "de")):
        path = DATA / name
        if path.exists():
            refs: set[str] = set()
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    rec = json.loads(line)
                    if rec.get("reference"):
                        refs.add(rec["reference"])
                    if rec.get("is_human_translation") and rec.get("target"):
                        refs.add(rec["target"])
            yield f"mqm ref {lang}", lang, sorted(refs)
    po: dict[str, list[str]] = {}
    for path in sorted((DATA / "po").glob("*/*.po")):
        po.setdefault(path.stem.split("_")[0], []).extend(_msgstrs(path))
    for lang, lines in sorted(po.items()):
        yield f"po {lang}", lang, lines
    by_lang: dict[str, list[str]] = {}
    corpus = ROOT / "corpora" / "mt-artifacts.jsonl"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line) if line.strip() else None
                if rec and rec.get("clean") and rec.get("split") in {"dev", "held-out"}:
                    by_lang.setdefault(rec["lang"], []).extend(rec["text"].splitlines())
    for lang, lines in sorted(by_lang.items()):
        yield f"corpora clean {lang}", lang, [ln for ln in lines if ln.strip()]


_Pats = list[tuple[CalquePack, CalquePattern]]


def _patterns(lang: str) -> list[tuple[CalquePack, CalquePattern]]:
    return [(pack, pat) for pack in builtin_packs() if lang in pack.targets
            for pat in pack.patterns]


def _words(lines: list[str], lang: str) -> int:
    if lang in {"zh", "ja"}:  # characters / 2 as a word count for unspaced scripts
        return sum(len(ln.replace(" ", "")) for ln in lines) // 2
    return sum(len(ln.split()) for ln in lines)


def _hits(lines: list[str], pats: list[tuple[CalquePack, CalquePattern]]
          ) -> Counter[tuple[str, str, bool]]:
    out: Counter[tuple[str, str, bool]] = Counter()
    for line in lines:
        low = line.casefold()
        for pack, pat in pats:
            if pat.keywords and not any(k in low for k in pat.keywords):
                continue
            n = sum(1 for _ in pat.regex.finditer(line))
            if n:
                out[(pack.source, pat.id, pat.strong)] += n
    return out


def clean(args: argparse.Namespace) -> None:
    print("| corpus | words | patterns | all /1k | strong /1k |")
    print("|---|---:|---:|---:|---:|")
    shown: list[tuple[str, Counter[tuple[str, str, bool]], list[str], _Pats]] = []
    for name, lang, lines in corpora():
        if args.lang and lang != args.lang:
            continue
        pats = _patterns(lang)
        words = _words(lines, lang)
        hits = _hits(lines, pats)
        total = sum(hits.values())
        strong = sum(n for (_, _, s), n in hits.items() if s)
        print(f"| {name} | {words} | {len(pats)} | {1000 * total / max(words, 1):.3f} | "
              f"{1000 * strong / max(words, 1):.3f} |")
        shown.append((name, hits, lines, pats))
    if args.show:
        for name, hits, lines, pats in shown:
            for (src, pid, strong), n in hits.most_common(args.show):
                pat = next(p for k, p in pats if k.source == src and p.id == pid)
                line = next(ln for ln in lines if pat.regex.search(ln))
                m = pat.regex.search(line)
                assert m is not None
                ctx = line[max(0, m.start() - 60):m.end() + 60]
                print(f"{name}: {src}:{pid}{' (strong)' if strong else ''} x{n}: …{ctx}…")


def wmt(args: argparse.Namespace) -> None:
    base = DATA / "wmt23"
    print("| pair | human /1k | MT pooled /1k | MT/human | human hits | MT hits |")
    print("|---|---:|---:|---:|---:|---:|")
    for ref in sorted((base / "references").glob("generaltest2023.*.ref.refA.*")):
        pair = ref.name.split(".")[1]
        src, tgt = pair.split("-")
        srcs = {src, "ru"} if src == "uk" else {src}
        pats = [(k, p) for k, p in _patterns(tgt)
                if k.source in srcs or src in k.also or src in p.also or p.strong]
        human = _lines(ref)
        hw, hh = _words(human, tgt), _hits(human, pats)
        mw, mh = 0, Counter[tuple[str, str, bool]]()
        for sysfile in sorted((base / "system-outputs" / pair).glob("*")):
            lines = _lines(sysfile)
            mw += _words(lines, tgt)
            mh.update(_hits(lines, pats))
        hr = 1000 * sum(hh.values()) / max(hw, 1)
        mr = 1000 * sum(mh.values()) / max(mw, 1)
        ratio = f"{mr / hr:.2f}" if hr else "∞" if mr else "–"
        print(f"| {pair} | {hr:.3f} | {mr:.3f} | {ratio} | {sum(hh.values())} | "
              f"{sum(mh.values())} |")
        if args.show:
            print("  MT:", ", ".join(f"{s}:{i} {n}" for (s, i, _), n in mh.most_common(args.show)))
            print("  human:", ", ".join(f"{s}:{i} {n}" for (s, i, _), n in hh.most_common(args.show)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", type=int, default=0, help="list the N patterns that match most")
    ap.add_argument("--lang", help="only corpora of this target language")
    ap.add_argument("--wmt", action="store_true", help="WMT23 MT against the human reference")
    args = ap.parse_args()
    (wmt if args.wmt else clean)(args)


if __name__ == "__main__":
    main()
