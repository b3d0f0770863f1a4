"""Every report of two revisions, byte for byte, on the shared corpora (run by hand).

Checks out REV in a temporary ``git worktree``, runs ``tqcheck audit`` of both trees on the same
inputs (the seed, ``corpora/``, NTREX en/ar/ru with and without ``--source``, every shared PO
catalogue, TICO-19, ``../shared/data/l10n-wild/`` and the WMT23 outputs, plus baseline,
selection and suppression (``benchmarks/suppressions/``) scenarios) in every report format at
once (``--output FORMAT=PATH``), and ``tqcheck score`` on WMT23 and NTREX in every score format
and compares the standard output, the standard error, the exit
status, every report file and any baseline written.

    python benchmarks/compare_reports.py REV [--only SCENARIO …] [--keep DIR]

The shared data is ``../shared/data`` (or ``$TQCHECK_SHARED_DATA``).  "This tree" is the checkout
the script lives in, read while it runs: to keep editing during a run, run the script of a
separate ``git worktree`` of the commit to compare.

Prints one line per scenario and file (``same`` or ``DIFFERENT`` with the first differing line)
and exits 1 when anything differs.  Inputs that are absent are skipped with a note.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TQCHECK_SHARED_DATA", ROOT.parent / "shared" / "data")).resolve()
SEED = ROOT / "seeds" / "antalya-talks.en.txt"
FORMATS = ("text", "json", "sarif", "github", "junit", "gitlab", "rdjsonl", "html")

RUN = "import sys; from tqcheck.cli import main; sys.exit(main())"


def _files(folder: Path, pattern: str = "*") -> list[str]:
    return [str(p) for p in sorted(folder.glob(pattern)) if p.is_file()]


def scenarios() -> dict[str, list[str]]:
    """Scenario name -> audit arguments (without output options).  ``{baseline}`` is replaced by
    the baseline the base revision wrote in the ``baseline-write`` scenario."""
    ntrex = DATA / "ntrex"
    eng, arb, rus = (ntrex / f"newstest2019-{n}.txt" for n in ("src.eng", "ref.arb", "ref.rus"))
    wmt = DATA / "wmt23"
    po = _files(DATA / "po", "*/*.po")
    out: dict[str, list[str]] = {
        "seed": [str(SEED)],
        "seed-lang": [str(SEED), "--lang", "en", "--ignore", "language"],
        "corpora": [str(ROOT / "corpora")],
        "ntrex-en": [str(eng)],
        "ntrex-ar": [str(arb)],
        "ntrex-ru": [str(rus)],
        "ntrex-ar-source": [str(arb), "--source", str(eng), "--source-lang", "en",
                            "--ignore", "TQ811"],
        "ntrex-ru-source": [str(rus), "--source", str(eng), "--source-lang", "en",
                            "--ignore", "TQ811"],
        "ntrex-ru-select-old": [str(rus), "--source", str(eng), "--source-lang", "en",
                                "--select", "TQ812,TQ813,missing-number"],
        "ntrex-ru-ignore-old": [str(rus), "--source", str(eng), "--source-lang", "en",
                                "--ignore", "TQ811,TQ812,missing-url"],
        "po": po,
        "po-fuzzy": [*po, "--include-fuzzy"],
        "tico19": _files(DATA / "tico19", "*.tmx"),
        "l10n-wild": [str(DATA / "l10n-wild")],
        "wmt23": _files(wmt / "system-outputs", "*/*") + _files(wmt / "references"),
        "wmt23-en-de-source-ref": [*_files(wmt / "system-outputs" / "en-de"),
                                   "--source", str(wmt / "sources" / "generaltest2023.en-de.src.en"),
                                   "--ref", str(wmt / "references" / "generaltest2023.en-de.ref.refA.de"),
                                   "--ignore", "TQ811"],
        # Every suppression syntax (comments, PO flags, per-file-ignores), used and unused.
        "suppressions": [str(ROOT / "benchmarks" / "suppressions"), "--per-file-ignores",
                         "*.txt=TQ4", "--per-file-ignores", "nothing/*=TQ1"],
        "baseline-write": [str(SEED), str(ROOT / "corpora"), "--write-baseline", "baseline.json"],
        "baseline-use": [str(SEED), str(ROOT / "corpora"), str(arb), "--baseline", "{baseline}"],
    }
    return out


def score_scenarios() -> dict[str, list[str]]:
    """Scenario name -> ``tqcheck score`` arguments (without ``--format``/``-o``): every score
    format (text, JSON, CSV) is written for each."""
    wmt = DATA / "wmt23"
    hyps = _files(wmt / "system-outputs" / "en-de")[:2]
    ref = str(wmt / "references" / "generaltest2023.en-de.ref.refA.de")
    ntrex = DATA / "ntrex"
    return {
        "score-one": [hyps[0] if hyps else str(wmt / "absent"), "-r", ref, "--worst", "3",
                      "--bootstrap", "20"],
        "score-paired": [*hyps, "-r", ref, "--no-ci", "--paired-n", "20", "--min-chrf", "99"],
        "score-no-ci": [str(ntrex / "newstest2019-ref.rus.txt"), "-r",
                        str(ntrex / "newstest2019-ref.rus.txt"), "--no-ci", "--metrics",
                        "bleu,ter", "--max-ter", "1"],
    }


SCORE_FORMATS = ("text", "json", "csv")


def run_score_tree(tree: Path, args: list[str], out: Path) -> None:
    out.mkdir(parents=True)
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1", "COLUMNS": "100"}
    for fmt in SCORE_FORMATS:
        proc = subprocess.run(["nice", sys.executable, "-c", RUN, "score", *args, "--format", fmt],
                              env=env, cwd=out, capture_output=True)
        (out / f"stdout.{fmt}").write_bytes(proc.stdout)
        (out / f"stderr.{fmt}").write_bytes(proc.stderr)
        (out / f"status.{fmt}").write_text(f"{proc.returncode}\n")


def _present(args: list[str]) -> bool:
    paths = [a for a in args if a.startswith("/")]
    return bool(paths) and all(Path(p).exists() for p in paths if "{" not in p)


def run_tree(tree: Path, name: str, args: list[str], out: Path, workdir: Path,
             baseline: Path | None) -> None:
    out.mkdir(parents=True)
    # Each run in a folder of its own, where a baseline is written under the same relative name.
    workdir = workdir / out.parent.name / name
    workdir.mkdir(parents=True)
    args = [a.replace("{baseline}", str(baseline)) for a in args]
    outputs = [x for fmt in FORMATS for x in ("--output", f"{fmt}={out}/report.{fmt}")]
    env = {**os.environ, "PYTHONPATH": str(tree), "NO_COLOR": "1", "COLUMNS": "100"}
    proc = subprocess.run(["nice", sys.executable, "-c", RUN, "audit", *args, "--format", "text",
                           *outputs, "-j", "2"], env=env, cwd=workdir, capture_output=True)
    (out / "stdout").write_bytes(proc.stdout)
    (out / "stderr").write_bytes(proc.stderr)
    (out / "status").write_text(f"{proc.returncode}\n")
    if (workdir / "baseline.json").is_file():
        shutil.copy(workdir / "baseline.json", out / "baseline.json")


def first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb, strict=False), 1):
        if x != y:
            return f"line {i}: {x[:160]!r} != {y[:160]!r}"
    return f"lengths {len(la)} != {len(lb)} lines"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev")
    parser.add_argument("--only", nargs="*", help="scenarios to run (default: all)")
    parser.add_argument("--keep", type=Path, help="keep the reports in this folder")
    args = parser.parse_args()
    chosen = scenarios()
    scores = score_scenarios()
    if args.only:
        unknown = set(args.only) - set(chosen) - set(scores)
        if unknown:
            parser.error(f"unknown scenarios: {', '.join(sorted(unknown))}")
        chosen = {k: v for k, v in chosen.items() if k in args.only}
        scores = {k: v for k, v in scores.items() if k in args.only}
    differing = 0
    compared = 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        base = tmp / "base"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(base),
                        args.rev], check=True)
        try:
            workdir = tmp / "work"
            workdir.mkdir()
            results = tmp / "results"
            runs = [(name, scenario, False) for name, scenario in chosen.items()]
            runs += [(name, scenario, True) for name, scenario in scores.items()]
            for name, scenario, is_score in runs:
                if not _present(scenario):
                    print(f"{name}: skipped (input absent)")
                    continue
                baseline = workdir / "base" / "baseline-write" / "baseline.json"
                for label, tree in (("base", base), ("this", ROOT)):
                    if is_score:
                        run_score_tree(tree, scenario, results / label / name)
                    else:
                        run_tree(tree, name, scenario, results / label / name, workdir, baseline)
                old_dir, new_dir = results / "base" / name, results / "this" / name
                names = sorted({p.name for p in old_dir.iterdir()} | {p.name for p in new_dir.iterdir()})
                same = []
                for fname in names:
                    a, b = old_dir / fname, new_dir / fname
                    compared += 1
                    if a.is_file() and b.is_file() and a.read_bytes() == b.read_bytes():
                        same.append(fname)
                        continue
                    differing += 1
                    why = (first_difference(a.read_bytes(), b.read_bytes())
                           if a.is_file() and b.is_file() else "missing in one tree")
                    print(f"{name}: {fname}: DIFFERENT ({why})")
                status = ",".join(p.read_text().strip() for p in sorted(old_dir.glob("status*")))
                print(f"{name}: {len(same)}/{len(names)} files byte-identical (exit status {status})",
                      flush=True)
            if args.keep:
                shutil.copytree(results, args.keep, dirs_exist_ok=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)],
                           check=False)
    print(f"{compared - differing}/{compared} files byte-identical")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
