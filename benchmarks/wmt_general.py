"""Does the audit tell real machine translation from human text, in any WMT general task?  (by hand)

Like ``wmt23_eval.py`` but over a WMT general-task release laid out on disk in one of two layouts,
for target languages the project has never measured:

``--layout wmt22`` (``txt/`` of the WMT22 general task)::

    sources/generaltest2022.PAIR.src.XX
    references/generaltest2022.PAIR.ref.A.XX      (also ref.B, ref.C, ref.stud, ...)
    system-outputs/generaltest2022.PAIR.hyp.SYSTEM.XX

``--layout wmt24`` (``txt/`` of WMT24; the first line of every file is a canary line, skipped)::

    sources/PAIR.txt
    references/PAIR.refA.txt                      (also refB, ...)
    system-outputs/PAIR/SYSTEM.txt
    documents/PAIR.docs                           (one "domain<TAB>docid" per segment)

One segment per line, lines aligned.  Per pair, for each system and each human reference, with and
without the source (``--source`` mode, the source language given): warning+error findings per
1,000 words (in Chinese and Japanese each Han or kana letter counts as a word), the MT/human
ratio (MT systems pooled against the references pooled) and the findings
per code.  Where document ids exist, every document is audited as one document (its own file and
its own source file); otherwise a system's whole output is audited as one document, and the output
says so (consistency checks then compare names across unrelated articles).  Empty or missing system
files are skipped.  ``--systems N`` takes the first N systems of each pair in sorted order (the
references are always measured).  ``--dump FILE`` writes every counted finding as JSON lines
(pair, mode, system, doc, code, severity, line, col, text, message, target, source).

    python benchmarks/wmt_general.py --root /work/wmt22/txt --systems 3 --pairs en-hr,en-cs

The test sets have no licence to redistribute: never commit their text or anything rendered from
them (dumps, tables of findings with text).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from wmt23_eval import COUNTED, rate

HUMAN_PREFIX = "Human-ref"
#: Targets written without spaces between words: the audit counts their whitespace tokens (a
#: sentence is one "word"), so the benchmark counts each Han and kana letter as a word there
#: (the convention of translation tools' word counts) and whitespace tokens outside them.
UNSPACED = frozenset({"zh", "ja"})
_UNSPACED_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def count_words(text: str, lang: str) -> int:
    """Words of ``text``: whitespace tokens, and in :data:`UNSPACED` targets each Han or kana
    letter (tokens made only of them count by their letters)."""
    if lang not in UNSPACED:
        return len(text.split())
    letters = len(_UNSPACED_LETTER.findall(text))
    rest = sum(1 for token in _UNSPACED_LETTER.sub(" ", text).split() if any(
        ch.isalnum() for ch in token))
    return letters + rest


@dataclass
class Pair:
    """One language pair: its source file, system and reference files, and document ids."""

    name: str
    source: Path
    systems: dict[str, Path] = field(default_factory=dict)
    #: ``Human-refA`` etc. -> path
    references: dict[str, Path] = field(default_factory=dict)
    #: ``documents`` file (one id per segment) or None: the whole output is one document
    documents: Path | None = None
    #: the first line of every file is a canary line
    canary: bool = False

    @property
    def src(self) -> str:
        return self.name.split("-")[0]

    @property
    def tgt(self) -> str:
        return self.name.split("-")[1]


def discover_wmt22(root: Path) -> list[Pair]:
    """Pairs of the WMT22 ``txt/`` layout under ``root``."""
    out: dict[str, Pair] = {}
    for path in sorted((root / "sources").glob("*.src.*")):
        m = re.fullmatch(r"[^.]+\.([a-z]+-[a-z]+)\.src\.[a-z]+", path.name)
        if m:
            out[m.group(1)] = Pair(m.group(1), path)
    for path in sorted((root / "references").glob("*.ref.*")):
        m = re.fullmatch(r"[^.]+\.([a-z]+-[a-z]+)\.ref\.([^.]+)\.[a-z]+", path.name)
        if m and m.group(1) in out:
            out[m.group(1)].references[HUMAN_PREFIX + m.group(2)] = path
    for path in sorted((root / "system-outputs").glob("*.hyp.*")):
        m = re.fullmatch(r"[^.]+\.([a-z]+-[a-z]+)\.hyp\.(.+)\.[a-z]+", path.name)
        if m and m.group(1) in out:
            out[m.group(1)].systems[m.group(2)] = path
    return [out[k] for k in sorted(out)]


def discover_wmt24(root: Path) -> list[Pair]:
    """Pairs of the WMT24 ``txt/`` layout under ``root``."""
    out: dict[str, Pair] = {}
    for path in sorted((root / "sources").glob("*.txt")):
        name = path.stem
        if re.fullmatch(r"[a-z]+(?:_[A-Za-z]+)?-[a-z]+(?:_[A-Za-z]+)?", name):
            docs = root / "documents" / f"{name}.docs"
            out[name] = Pair(name, path, documents=docs if docs.exists() else None, canary=True)
    for path in sorted((root / "references").glob("*.txt")):
        m = re.fullmatch(r"(.+)\.(ref[^.]*)\.txt", path.name)
        if m and m.group(1) in out:
            label = m.group(2)[3:] or "A"
            out[m.group(1)].references[HUMAN_PREFIX + label] = path
    for pair in out.values():
        folder = root / "system-outputs" / pair.name
        if folder.is_dir():
            for path in sorted(folder.glob("*.txt")):
                pair.systems[path.stem] = path
    return [out[k] for k in sorted(out)]


def pair_base(name: str) -> str:
    """``en-de_DE`` -> ``en-de``: the language codes the audit is given."""
    return "-".join(part.split("_")[0] for part in name.split("-"))


def read_lines(path: Path, canary: bool) -> list[str] | None:
    """The segments of ``path`` (canary line skipped), or None for a missing or empty file."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    if canary and lines and "canary" in lines[0].lower():
        lines = lines[1:]
    return lines if any(line.strip() for line in lines) else None


def read_documents(pair: Pair, n: int) -> list[tuple[str, list[int]]]:
    """``[(doc id, [segment indexes])]`` in order of first appearance; one pooled document when
    the pair has no document ids (or they do not cover the segments)."""
    if pair.documents is not None:
        ids = read_lines(pair.documents, pair.canary) or []
        if len(ids) == n:
            docs: dict[str, list[int]] = {}
            for i, line in enumerate(ids):
                docs.setdefault(line.strip(), []).append(i)
            return list(docs.items())
    return [("(all)", list(range(n)))]


def choose_systems(pair: Pair, limit: int | None) -> dict[str, Path]:
    names = sorted(pair.systems)
    if limit is not None:
        names = names[:limit]
    return {name: pair.systems[name] for name in names}


def run_pair(pair: Pair, limit: int | None, out: Any, tmp: Path) -> dict[str, Any]:
    """``{mode: {system: [words, counted, by_code]}}`` and whether documents were pooled."""
    from tqcheck.audit import AuditOptions, audit

    source_lines = read_lines(pair.source, pair.canary) or []
    n = len(source_lines)
    docs = read_documents(pair, n)
    src, tgt = pair_base(pair.name).split("-")
    files = {**choose_systems(pair, limit), **pair.references}
    result: dict[str, Any] = {"pooled": len(docs) == 1 and docs[0][0] == "(all)",
                              "docs": len(docs), "segments": n}
    texts: dict[str, list[str]] = {}
    for system, path in files.items():
        lines = read_lines(path, pair.canary)
        if lines is None or len(lines) != n:
            print(f"  {pair.name} {system}: missing, empty or not aligned "
                  f"({0 if lines is None else len(lines)} lines, source {n}); skipped",
                  file=sys.stderr)
            continue
        texts[system] = lines
    for mode in ("plain", "source"):
        per: dict[str, Any] = {}
        for system, lines in texts.items():
            words = counted = 0
            by_code: Counter[str] = Counter()
            for d, (doc, idx) in enumerate(docs):
                target = tmp / f"{pair.name}.{d}.{tgt}.txt"
                source = tmp / f"{pair.name}.{d}.{src}.src"
                target.write_text("".join(lines[i] + "\n" for i in idx), encoding="utf-8")
                source.write_text("".join(source_lines[i] + "\n" for i in idx), encoding="utf-8")
                options = AuditOptions(
                    lang=tgt, source_lang=src if mode == "source" else None, ignore=("TQ811",),
                    features={"source": str(source)} if mode == "source" else {})
                report = audit([target], options, jobs=1)
                words += (sum(f.words for f in report.files) if tgt not in UNSPACED
                          else sum(count_words(lines[i], tgt) for i in idx))
                found = [f for f in report.active if f.severity.value in COUNTED]
                counted += len(found)
                by_code.update(f.code for f in found)
                if out is not None:
                    for f in found:
                        i = idx[f.line - 1] if 0 < f.line <= len(idx) else -1
                        out.write(json.dumps({
                            "pair": pair.name, "mode": mode, "system": system, "doc": doc,
                            "code": f.code, "severity": f.severity.value, "line": i + 1,
                            "col": f.col, "text": f.text, "message": f.message,
                            "target": lines[i] if i >= 0 else "",
                            "source": source_lines[i] if i >= 0 else "",
                        }, ensure_ascii=False) + "\n")
            per[system] = [words, counted, dict(by_code)]
        result[mode] = per
    return result


def summarise_pair(result: dict[str, Any], mode: str) -> dict[str, Any]:
    """Pooled MT and human rates, their ratio and the per-code counts of one mode."""
    per = result[mode]
    mt = [v for k, v in per.items() if not k.startswith(HUMAN_PREFIX)]
    hu = [v for k, v in per.items() if k.startswith(HUMAN_PREFIX)]

    def pooled(vs: list[Any]) -> tuple[float, Counter[str]]:
        codes: Counter[str] = Counter()
        for v in vs:
            codes.update(v[2])
        return 1000 * sum(v[1] for v in vs) / max(1, sum(v[0] for v in vs)), codes

    mt_rate, mt_codes = pooled(mt)
    hu_rate, hu_codes = pooled(hu)
    ratio = mt_rate / hu_rate if hu_rate else float("inf")
    return {"mt": mt_rate, "human": hu_rate, "ratio": ratio, "mt_codes": mt_codes,
            "human_codes": hu_codes, "n_mt": len(mt), "n_human": len(hu)}


def print_tables(results: dict[str, Any]) -> None:
    print("| pair | mode | documents | MT /1k (systems) | human /1k (refs) | MT/human |")
    print("|---|---|---|---:|---:|---:|")
    for name, result in results.items():
        docs = "pooled (no ids)" if result["pooled"] else str(result["docs"])
        for mode in ("plain", "source"):
            s = summarise_pair(result, mode)
            ratio = f"{s['ratio']:.2f}" if s["ratio"] != float("inf") else "inf"
            print(f"| {name} | {mode} | {docs} | {s['mt']:.2f} ({s['n_mt']}) | "
                  f"{s['human']:.2f} ({s['n_human']}) | {ratio} |")
    print("\nPer system, findings per 1,000 words (plain / source):\n")
    for name, result in results.items():
        cells = [f"{system} {rate(result['plain'][system]):.2f}/"
                 f"{rate(result['source'][system]):.2f}" for system in result["plain"]]
        print(f"- {name}: " + ", ".join(cells))
    print("\nPer code, MT systems / human references (warning+error findings):\n")
    for name, result in results.items():
        for mode in ("plain", "source"):
            s = summarise_pair(result, mode)
            codes = sorted(s["mt_codes"] | s["human_codes"])
            print(f"- {name} {mode}: " + (", ".join(
                f"{c} {s['mt_codes'][c]}/{s['human_codes'][c]}" for c in codes) or "none"))
    if any(r["pooled"] for r in results.values()):
        print("\nPooled: pairs without document ids are audited as one document per system "
              "(consistency checks compare names across unrelated articles).")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, required=True,
                        help="the release's txt/ folder (sources/, references/, system-outputs/)")
    parser.add_argument("--layout", choices=("wmt22", "wmt24"), default="wmt22")
    parser.add_argument("--pairs", default="", help="comma-separated pairs (default: every pair)")
    parser.add_argument("--systems", type=int, default=None,
                        help="at most N systems per pair, the first in sorted order")
    parser.add_argument("--dump", type=Path, help="write every counted finding here (JSONL)")
    parser.add_argument("--json", type=Path, help="write the raw measurements here (JSON)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        print(f"wmt_general: error: {args.root} is not a folder", file=sys.stderr)
        return 2
    found = (discover_wmt22 if args.layout == "wmt22" else discover_wmt24)(args.root)
    only = {p for p in args.pairs.split(",") if p}
    chosen = [p for p in found if not only or p.name in only]
    if not chosen:
        print(f"wmt_general: error: no pairs found under {args.root}", file=sys.stderr)
        return 2
    results: dict[str, Any] = {}
    out = args.dump.open("w", encoding="utf-8") if args.dump else None
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for pair in chosen:
                print(f"{pair.name}...", file=sys.stderr)
                results[pair.name] = run_pair(pair, args.systems, out, Path(tmp))
    finally:
        if out is not None:
            out.close()
    if args.json:
        args.json.write_text(json.dumps(results), encoding="utf-8")
    print_tables(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
