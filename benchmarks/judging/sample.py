"""Draw a uniform, seeded sample of warning and error findings for blind judging (run by hand).

The sample file holds what a blind judge may see and nothing else: the finding (code, message,
flagged text), the text around it (the unit or line) and the source of that unit or line.  The
judge writes a verdict per finding; ``--score`` then reads the verdicts back and prints precision
per code.

    python benchmarks/judging/sample.py l10n --per-code 0 --total 60
    python benchmarks/judging/sample.py wmt23 --per-code 12
    python benchmarks/judging/sample.py --score benchmarks/out/wmt23-draw.jsonl verdicts.jsonl

A sample quotes the corpus (WMT23 may be used in place, never copied into the project), so it is
written to ``benchmarks/out/CORPUS-draw.jsonl`` (ignored by git) unless ``-o`` names another place;
the same ``--seed`` on the same tree draws the same sample again.

Corpora: ``l10n`` (../shared/data/l10n-wild, po/, the TICO-19 TMX: the files and findings of
``benchmarks/l10n_wild.py``, each target with its source) and ``wmt23`` (every system output of
every pair, with its source; human references excluded).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"


def _audit(path: Path, extra: list[str]) -> list[dict[str, object]]:
    import contextlib
    import io

    from tqcheck.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        main(["audit", str(path), *extra, "--format", "json", "-j", "1", "--fail-on", "never"])
    findings: list[dict[str, object]] = json.loads(out.getvalue())["findings"]
    return [f for f in findings if f["severity"] in ("warning", "error") and not f.get("suppressed")]


def l10n_items() -> Iterator[dict[str, object]]:
    """The warnings and errors of ``benchmarks/l10n_wild.py`` (the same files, each with its
    source where the format keeps it apart, the same audit): the sample is drawn from the
    population whose rate that benchmark prints."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import l10n_wild

    _, findings = l10n_wild.run(DATA)
    for f in findings:
        if f["severity"] not in ("warning", "error"):
            continue
        yield {"file": f["path"], "code": f["code"], "message": f["message"],
               "flagged": f.get("text") or "", "translation": str(f.get("target") or "")[:1500],
               "source": str(f.get("source") or "")[:1500]}


def wmt23_items() -> Iterator[dict[str, object]]:
    base = DATA / "wmt23"
    for pair_dir in sorted((base / "system-outputs").glob("*-*")):
        pair = pair_dir.name
        src_lang, tgt_lang = pair.split("-")
        source = base / "sources" / f"generaltest2023.{pair}.src.{src_lang}"
        src_lines = source.read_text(encoding="utf-8").split("\n")
        for hyp in sorted(pair_dir.glob("*")):
            lines = hyp.read_text(encoding="utf-8").split("\n")
            args = ["--lang", tgt_lang, "--format-in", "text", "--source", str(source),
                    "--source-lang", src_lang]
            for f in _audit(hyp, args):
                n = int(f["line"]) - 1  # type: ignore[call-overload]
                yield {"file": f"{pair}/{hyp.name}", "code": f["code"], "message": f["message"],
                       "flagged": f.get("text", ""), "translation": lines[n][:1500] if n < len(lines) else "",
                       "source": src_lines[n][:1500] if n < len(src_lines) else ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", choices=("l10n", "wmt23"))
    parser.add_argument("--per-code", type=int, default=0, help="findings per code (0: uniform)")
    parser.add_argument("--total", type=int, default=60, help="uniform sample size")
    parser.add_argument("--seed", type=int, default=20261205)
    parser.add_argument("-o", "--output", type=Path,
                        help="default: benchmarks/out/CORPUS-draw.jsonl (ignored by git)")
    parser.add_argument("--score", nargs=2, type=Path, metavar=("SAMPLE", "VERDICTS"),
                        help="precision per code from a sample and the judge's verdicts")
    args = parser.parse_args(argv)
    if args.score:
        sample = {json.loads(x)["id"]: json.loads(x) for x in args.score[0].read_text().splitlines()}
        verdicts = [json.loads(x) for x in args.score[1].read_text().splitlines() if x.strip()]
        per: dict[str, Counter[str]] = defaultdict(Counter)
        for v in verdicts:
            code = str(sample[v["id"]]["code"])
            per[code][str(v["verdict"])] += 1
        total = Counter[str]()
        print(f"{'code':<8}{'real':>6}{'false':>6}{'unsure':>7}{'precision':>10}")
        for code in sorted(per):
            c = per[code]
            total.update(c)
            judged = c["real"] + c["false"]
            print(f"{code:<8}{c['real']:>6}{c['false']:>6}{c['unsure']:>7}"
                  f"{(c['real'] / judged if judged else 0):>10.0%}")
        judged = total["real"] + total["false"]
        print(f"{'all':<8}{total['real']:>6}{total['false']:>6}{total['unsure']:>7}"
              f"{(total['real'] / judged if judged else 0):>10.0%}")
        return 0
    if not args.corpus:
        parser.error("a corpus is required")
    if args.output is None:
        args.output = ROOT / "benchmarks" / "out" / f"{args.corpus}-draw.jsonl"
    args.output.parent.mkdir(parents=True, exist_ok=True)
    items = list(l10n_items() if args.corpus == "l10n" else wmt23_items())
    rng = random.Random(args.seed)
    if args.per_code:
        by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
        for item in items:
            by_code[str(item["code"])].append(item)
        chosen = [x for code in sorted(by_code)
                  for x in rng.sample(by_code[code], min(args.per_code, len(by_code[code])))]
    else:
        chosen = rng.sample(items, min(args.total, len(items)))
    with args.output.open("w", encoding="utf-8") as out:
        for n, item in enumerate(chosen, 1):
            out.write(json.dumps({"id": n, **item}, ensure_ascii=False) + "\n")
    print(f"{len(items)} warning/error findings; {len(chosen)} drawn to {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
