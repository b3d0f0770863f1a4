"""tqcheck filter beside OpusFilter and Bicleaner hard rules, on the same pairs with planted defects.

Clean pairs are human translations Russian → English from the shared data (NTREX-128, TICO-19,
Tatoeba, the WMT23 en-ru reference read backwards).  ``--pairs`` of them (default 100,000) are
drawn with replacement; half stay clean, the other half get one planted defect each, of the kinds
bitext filters target:

* ``copy``      the target is the source, untranslated;
* ``wrong-lang`` the target is a sentence in another Latin-script language (Tatoeba de/fr/es/tr);
* ``length``    the target is cut to its first quarter (targets of 8 words or more);
* ``number``    a number of the target is changed (pairs whose target holds one);
* ``repeat``    the target ends in a phrase repeated four times (a generation loop);
* ``residue``   a URL, an HTML tag or a "translated by" credit is appended to the target;
* ``empty``     the target is empty.

Every tool reads the same TSV (id, source, target; the kind is kept apart) and the script records
which ids each drops, how long it took (wall and CPU seconds of its process) and the machine's load.
Every tool runs in one process (Bicleaner hard rules with ``-p 1``).  OpusFilter and Bicleaner
hard rules run from virtual environments of their own (they disagree on numpy): ``--venv``
(default ``/tmp/cmp17-venv``: ``python -m venv … && …/pip install opusfilter 'py3langid<0.4'`` —
OpusFilter 3.3.1 calls an API py3langid 0.4 removed) and ``--bicleaner-venv`` (default
``/tmp/bhr17-venv``); a tool that is not installed is left out.  bicleaner-hardrules 2.10.8 cannot install its
language identifier here (fastspell 0.11.1 needs cyhunspell 2.0.x, not on the package index; and
it downloads a fastText model at run time): install it with ``--no-deps`` plus its other
dependencies (fasttext-wheel, kenlm, sacremoses 0.0.53, toolwrapper, regex, PyYAML, joblib) and a
stand-in ``fastspell`` module; it runs with ``--disable_lang_ident``, so it has no wrong-language
rule in this table.

    python benchmarks/filter_compare.py [--pairs 100000] [--venv PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
KINDS = ["copy", "wrong-lang", "length", "number", "repeat", "residue", "empty"]


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def clean_pairs() -> list[tuple[str, str]]:
    """(Russian source, English target) human translations."""
    from lxml import etree

    pairs: list[tuple[str, str]] = []

    def add(src: list[str], tgt: list[str]) -> None:
        for s, t in zip(src, tgt, strict=False):
            s, t = " ".join(s.split()), " ".join(t.split())
            if s and t:
                pairs.append((s, t))

    add(_lines(DATA / "ntrex" / "newstest2019-ref.rus.txt"),
        _lines(DATA / "ntrex" / "newstest2019-src.eng.txt"))
    add(_lines(DATA / "tatoeba" / "tatoeba.rus-eng.rus"), _lines(DATA / "tatoeba" / "tatoeba.rus-eng.eng"))
    add(_lines(DATA / "wmt23" / "references" / "generaltest2023.en-ru.ref.refA.ru"),
        _lines(DATA / "wmt23" / "sources" / "generaltest2023.en-ru.src.en"))
    tree = etree.parse(str(DATA / "tico19" / "all.en-ru.tmx"))
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in tree.iter("tu"):
        segs = {tuv.get(xml_lang): "".join(tuv.find("seg").itertext()) for tuv in tu.iter("tuv")}
        if "en" in segs and "ru" in segs:
            add([segs["ru"]], [segs["en"]])
    return pairs


def other_language_sentences() -> list[str]:
    out: list[str] = []
    for lang in ("deu", "fra", "spa", "tur"):
        out.extend(s for s in _lines(DATA / "tatoeba" / f"tatoeba.{lang}-eng.{lang}") if s.strip())
    return out


_NUMBER = re.compile(r"\d+")
_RESIDUE = ["https://bit.ly/3kT9xQz", "<br/>", "(Translated by Google)", "http://www.example.com/news",
            "</p>", "Translated with DeepL"]


def plant(kind: str, src: str, tgt: str, rng: random.Random, others: list[str]) -> str:
    if kind == "copy":
        return src
    if kind == "wrong-lang":
        return rng.choice(others)
    if kind == "length":
        words = tgt.split()
        return " ".join(words[: max(1, len(words) // 4)])
    if kind == "number":
        m = rng.choice(list(_NUMBER.finditer(tgt)))
        value = int(m.group())
        new = str(value + rng.randint(1, 9) if value < 10 else value * 10 + rng.randint(1, 9))
        return tgt[: m.start()] + new + tgt[m.end():]
    if kind == "repeat":
        words = tgt.rstrip(".!?").split()
        tail = " ".join(words[-3:])
        return " ".join([*words, *([tail] * 3)]) + "."
    if kind == "residue":
        return f"{tgt} {rng.choice(_RESIDUE)}"
    if kind == "empty":
        return ""
    raise ValueError(kind)


def build(path: Path, n: int) -> dict[str, str]:
    """The TSV (id, source, target) and the kind of each id."""
    rng = random.Random(17)
    pairs = clean_pairs()
    others = other_language_sentences()
    with_numbers = [p for p in pairs if _NUMBER.search(p[1]) and _NUMBER.search(p[0])]
    long_ones = [p for p in pairs if len(p[1].split()) >= 8]
    kinds: dict[str, str] = {}
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            kind = "clean" if i % 2 == 0 else KINDS[(i // 2) % len(KINDS)]
            pool = with_numbers if kind == "number" else long_ones if kind == "length" else pairs
            src, tgt = rng.choice(pool)
            if kind != "clean":
                tgt = plant(kind, src, tgt, rng, others)
            rid = f"p{i}"
            kinds[rid] = kind
            fh.write(f"{rid}\t{src}\t{tgt}\n")
    return kinds


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def timed(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run ``cmd``; wall seconds, CPU seconds (user + system of it and its children), stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode:
        raise RuntimeError(f"{cmd[0]} … failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, cpu, proc.stderr


# --- the tools ------------------------------------------------------------------------------


def run_tqcheck(pairs: Path, tmp: Path, name: str, extra: list[str]) -> tuple[set[str], float, float]:
    drop = tmp / f"{name}.drop.tsv"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    wall, cpu, _ = timed([sys.executable, "-c", "from tqcheck.cli import run; run()", "filter",
                          str(pairs), "--columns", "id,source,target", "--lang", "en",
                          "--source-lang", "ru", "--drop", str(drop), *extra], env)
    codes = {}
    for line in drop.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        codes[cells[0]] = cells[-1]
    TQ_CODES[name] = codes
    return set(codes), wall, cpu


#: tqcheck's codes for each dropped id, by run (to say why clean pairs were dropped).
TQ_CODES: dict[str, dict[str, str]] = {}


# OpusFilter's own filters, set as its documentation's example configuration for a parallel
# corpus (length, length ratio, language identification, numerals, terminal punctuation, long
# words, HTML, scripts, repetition), scored and accepted pair by pair through its Python API.
OPUSFILTER_SCRIPT = textwrap.dedent("""
    import sys
    from opusfilter import filters as F
    from opusfilter.lid import LangidFilter
    pairs = [line.rstrip("\\n").split("\\t") for line in open(sys.argv[1], encoding="utf-8")]
    chain = [
        F.LengthFilter(unit="word", min_length=1, max_length=200),
        F.LengthRatioFilter(unit="char", threshold=3),
        LangidFilter(languages=["ru", "en"], thresholds=[0, 0]),
        F.NonZeroNumeralsFilter(threshold=0.5),
        F.TerminalPunctuationFilter(threshold=-2),
        F.LongWordFilter(threshold=40),
        F.HtmlTagFilter(),
        F.CharacterScoreFilter(scripts=["Cyrillic", "Latin"], thresholds=[1, 1]),
        F.RepetitionFilter(threshold=2, min_length=3, max_length=100),
    ]
    segs = [[s, t] for _, s, t in pairs]
    keep = [True] * len(segs)
    for f in chain:
        for i, score in enumerate(f.score(segs)):
            if keep[i] and not f.accept(score):
                keep[i] = False
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for (rid, _, _), k in zip(pairs, keep):
            if not k:
                out.write(rid + "\\n")
""")


def run_opusfilter(pairs: Path, tmp: Path, venv: Path) -> tuple[set[str], float, float]:
    script = tmp / "opusfilter_run.py"
    script.write_text(OPUSFILTER_SCRIPT, encoding="utf-8")
    out = tmp / "opusfilter.dropped"
    wall, cpu, _ = timed([str(venv / "bin" / "python"), str(script), str(pairs), str(out)])
    return set(out.read_text(encoding="utf-8").split()), wall, cpu


def run_bicleaner(pairs: Path, tmp: Path, venv: Path, extra: list[str]) -> tuple[set[str], float, float]:
    out = tmp / "bicleaner.tsv"
    wall, cpu, _ = timed([str(venv / "bin" / "bicleaner-hardrules"), str(pairs), str(out),
                          "-s", "ru", "-t", "en", "--scol", "2", "--tcol", "3",
                          "--annotated_output", "-p", "1", *extra])
    dropped = set()
    for line in out.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        # --annotated_output adds the score (1 keep, 0 drop) and the rule that fired.
        if cells[3] == "0":
            dropped.add(cells[0])
    return dropped, wall, cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=100_000)
    ap.add_argument("--venv", default="/tmp/cmp17-venv", help="virtual environment with opusfilter")
    ap.add_argument("--bicleaner-venv", default="/tmp/bhr17-venv",
                    help="virtual environment with bicleaner-hardrules (it needs numpy<2, "
                    "OpusFilter's pandas numpy>=2)")
    ap.add_argument("--json", help="Also write the results here.")
    args = ap.parse_args()
    if not DATA.is_dir():
        sys.exit(f"shared data not found at {DATA}")
    venv = Path(args.venv)
    with tempfile.TemporaryDirectory(prefix="tqcheck-cmp-") as tmp_name:
        tmp = Path(tmp_name)
        pairs = tmp / "pairs.tsv"
        kinds = build(pairs, args.pairs)
        totals = Counter(kinds.values())
        print(f"{args.pairs:,} pairs: {totals['clean']:,} clean, "
              + ", ".join(f"{k} {totals[k]:,}" for k in KINDS) + f"; {os.cpu_count()} cores")
        tools: list[tuple[str, object]] = [
            ("tqcheck (default: --fail-on warning)", lambda: run_tqcheck(pairs, tmp, "tq", [])),
            ("tqcheck --fail-on error", lambda: run_tqcheck(pairs, tmp, "tqe", ["--fail-on", "error"])),
            ("tqcheck --select fidelity,language,repetition,residue",
             lambda: run_tqcheck(pairs, tmp, "tqs",
                                 ["--select", "fidelity,language,repetition,residue"])),
        ]
        if (venv / "bin" / "python").exists() and (venv / "bin" / "opusfilter").exists():
            tools.append(("OpusFilter (example config)", lambda: run_opusfilter(pairs, tmp, venv)))
        bvenv = Path(args.bicleaner_venv)
        if (bvenv / "bin" / "bicleaner-hardrules").exists():
            tools.append(("Bicleaner hard rules (no language ID, no porn or LM model)",
                          lambda: run_bicleaner(pairs, tmp, bvenv, ["--disable_lang_ident",
                                                                   "--disable_porn_removal"])))
        results = []
        for name, run in tools:
            load = _load()
            try:
                dropped, wall, cpu = run()  # type: ignore[operator]
            except (RuntimeError, OSError) as exc:
                print(f"{name}: failed: {exc}")
                continue
            by_kind = Counter(kinds[i] for i in dropped if i in kinds)
            results.append({"tool": name, "wall_s": wall, "cpu_s": cpu, "load": load,
                            "dropped": {k: by_kind[k] / totals[k] for k in ["clean", *KINDS]}})
        header = ["tool", "wall s", "CPU s", *KINDS, "all planted", "clean (false drops)", "load"]
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        planted = sum(totals[k] for k in KINDS)
        for r in results:
            d = r["dropped"]
            caught = sum(d[k] * totals[k] for k in KINDS) / planted
            cells = [r["tool"], f"{r['wall_s']:.1f}", f"{r['cpu_s']:.1f}",
                     *(f"{100 * d[k]:.1f}%" for k in KINDS), f"{100 * caught:.1f}%",
                     f"{100 * d['clean']:.2f}%", r["load"]]
            print("| " + " | ".join(cells) + " |")
        for name, codes in TQ_CODES.items():
            on_clean = Counter(c for rid, cs in codes.items() if kinds[rid] == "clean"
                               for c in cs.split(","))
            print(f"tqcheck run {name!r}, codes on the clean pairs it dropped: "
                  + ", ".join(f"{c} {n}" for c, n in on_clean.most_common(8)))
        if args.json:
            Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
