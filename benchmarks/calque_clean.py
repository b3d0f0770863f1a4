"""Calque-pack matches per 1,000 words on clean human text, and on WMT23 MT against the references.

    python benchmarks/calque_clean.py [--show N] [--lang de] [--wmt]

Runs every pattern of the built-in calque packs (TQ601's data) straight over each clean corpus of
its target language, line by line: NTREX-128 (en, ar, ru), the WMT23 human references, one side of
each Tatoeba pair, the reference fields of the MQM TED files, the translations of the PO
catalogues in ``po/``, the WMT23 sources (original text in en, de, ja, uk), both sides of TICO-19
(en, ar, ru), and the clean passages of
``corpora/`` (dev and held-out only; the blind split is never read).  Source-anchored entries
(``anchor``) run only on aligned human translations (WMT23, NTREX, TICO-19, Tatoeba both ways),
where the source has their anchor.  Two rates per corpus:

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
    # The WMT23 sources are original human text (news, speech, social posts) in en, de, ja, uk.
    for src in sorted((DATA / "wmt23" / "sources").glob("generaltest2023.*.src.*")):
        yield f"wmt23 src {src.name.split('.')[1]}", src.name.rsplit(".", 1)[1], _lines(src)
    for lang in ("ar", "ru"):
        pairs = _tmx(DATA / "tico19" / f"all.en-{lang}.tmx", lang)
        if pairs:
            yield f"tico19 {lang}", lang, [t for _, t in pairs]
            if lang == "ar":
                yield "tico19 en", "en", [s for s, _ in pairs]
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


def _tmx(path: Path, lang: str) -> list[tuple[str, str]]:
    """(English, ``lang``) segment pairs of a TICO-19 translation memory."""
    if not path.exists():
        return []
    import xml.etree.ElementTree as ET

    out: list[tuple[str, str]] = []
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in ET.parse(path).getroot().iter("tu"):
        segs = {tuv.get(xml_lang): "".join(tuv.findtext("seg") or "") for tuv in tu.iter("tuv")}
        if segs.get("en") and segs.get(lang):
            out.append((segs["en"], segs[lang]))
    return out


def aligned() -> Iterator[tuple[str, str, str, list[tuple[str, str]]]]:
    """Human translations with their sources, line by line: (name, source language, target
    language, pairs).  Source-anchored entries run only here."""
    wmt = DATA / "wmt23"
    for ref in sorted((wmt / "references").glob("generaltest2023.*.ref.refA.*")):
        pair = ref.name.split(".")[1]
        src, tgt = pair.split("-")
        srcf = wmt / "sources" / f"generaltest2023.{pair}.src.{src}"
        if srcf.exists():
            a, b = srcf.read_text(encoding="utf-8").splitlines(), ref.read_text(
                encoding="utf-8").splitlines()
            yield f"wmt23 {pair}", src, tgt, [(x, y) for x, y in zip(a, b, strict=False)
                                             if x.strip() and y.strip()]
    ntrex = DATA / "ntrex"
    eng = ntrex / "newstest2019-src.eng.txt"
    for code, lang in (("arb", "ar"), ("rus", "ru")):
        ref = ntrex / f"newstest2019-ref.{code}.txt"
        if eng.exists() and ref.exists():
            yield f"ntrex en-{lang}", "en", lang, list(zip(_lines(eng), _lines(ref), strict=False))
    for lang in ("ar", "ru"):
        pairs = _tmx(DATA / "tico19" / f"all.en-{lang}.tmx", lang)
        if pairs:
            yield f"tico19 en-{lang}", "en", lang, pairs
    for path in sorted((DATA / "tatoeba").glob("tatoeba.*-eng.eng")):
        code = path.name.split(".")[1].split("-")[0]
        other = path.with_name(path.name[:-3] + code)
        if code in TATOEBA and other.exists():
            a, b = _lines(other), _lines(path)
            lang = TATOEBA[code]
            yield f"tatoeba {lang}-en", lang, "en", list(zip(a, b, strict=False))
            yield f"tatoeba en-{lang}", "en", lang, list(zip(b, a, strict=False))


def anchored(args: argparse.Namespace) -> None:
    """Source-anchored entries on aligned human translations: matches where the source has the
    anchor (every one a false alarm of a human translator, or a calque of theirs)."""
    print("\n| aligned corpus | pairs | anchored entries | matches |")
    print("|---|---:|---:|---:|")
    shown: list[str] = []
    for name, src, tgt, pairs in aligned():
        if args.lang and tgt != args.lang:
            continue
        pats = [(k, p) for k, p in _patterns(tgt) if p.anchor is not None
                and (k.source == src or src in k.also or src in p.also)]
        n = 0
        for s_text, t_text in pairs:
            for pack, pat in pats:
                assert pat.anchor is not None
                if pat.anchor.search(s_text) and (m := pat.regex.search(t_text)):
                    n += 1
                    shown.append(f"{name}: {pack.source}:{pat.id}: …"
                                 f"{t_text[max(0, m.start() - 60):m.end() + 60]}…")
        print(f"| {name} | {len(pairs)} | {len(pats)} | {n} |")
    for line in shown[:args.show or 0]:
        print(line)


def _patterns(lang: str) -> list[tuple[CalquePack, CalquePattern]]:
    return [(pack, pat) for pack in builtin_packs() if lang in pack.targets
            for pat in pack.patterns]


def _unanchored(lang: str) -> list[tuple[CalquePack, CalquePattern]]:
    """The entries that can report on text without its source."""
    return [(k, p) for k, p in _patterns(lang) if p.anchor is None]


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
        pats = _unanchored(lang)
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
    anchored(args)


def wmt(args: argparse.Namespace) -> None:
    base = DATA / "wmt23"
    print("| pair | human /1k | MT pooled /1k | MT/human | human hits | MT hits |")
    print("|---|---:|---:|---:|---:|---:|")
    for ref in sorted((base / "references").glob("generaltest2023.*.ref.refA.*")):
        pair = ref.name.split(".")[1]
        src, tgt = pair.split("-")
        srcs = {src, "ru"} if src == "uk" else {src}
        pats = [(k, p) for k, p in _unanchored(tgt)
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
