"""Findings of this checkout against another git revision on every shared corpus (run by hand).

Every change to the checks is compared with the previous revision: what was found, what was lost
and what was gained, per corpus and per code, with examples of each.  Both trees are run as the
command line runs them (``tqcheck audit --format json``) in fresh processes, so the comparison
holds whatever changed inside.  The other revision is checked out into a temporary git worktree.

    python benchmarks/compare_findings.py REV                # summary per corpus and per code
    python benchmarks/compare_findings.py REV --examples 5   # and up to 5 lost/gained per code
    python benchmarks/compare_findings.py REV --corpus wmt23 --json diff.json
    python /work/main/benchmarks/compare_findings.py main --tree .   # another checkout

A finding is identified by (path, line, col, code); a finding whose message or severity changed at
the same place is reported as changed, not as lost and gained.  Corpora whose files are absent
(``../shared`` missing) are skipped with a note.  The blind splits of ``corpora/``
(``src/v15-*``, and the ``blind2`` passages of ``src/v17-*``) count in the totals, but their
findings are never printed as examples nor dumped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

RUN = "import sys; from tqcheck.cli import main; sys.exit(main(sys.argv[1:]))"


@dataclass(frozen=True)
class Job:
    corpus: str
    label: str
    args: tuple[str, ...]


def _wmt23_jobs() -> Iterator[Job]:
    base = DATA / "wmt23"
    for pair_dir in sorted((base / "system-outputs").glob("*-*")):
        pair = pair_dir.name
        src_lang, tgt_lang = pair.split("-")
        source = base / "sources" / f"generaltest2023.{pair}.src.{src_lang}"
        files = sorted(pair_dir.glob("*")) + sorted((base / "references").glob(f"*.{pair}.ref.*"))
        for hyp in files:
            common = (str(hyp), "--lang", tgt_lang, "--format-in", "text")
            yield Job("wmt23", hyp.name, common)
            yield Job("wmt23+src", hyp.name, (*common, "--source", str(source), "--source-lang", src_lang))


def jobs(tree: Path) -> Iterator[Job]:
    yield Job("seed", "antalya", (str(tree / "seeds" / "antalya-talks.en.txt"),))
    for path in sorted((tree / "corpora" / "src").glob("*.txt")):
        yield Job("corpora", path.name, (str(path),))
    ntrex = DATA / "ntrex"
    for name, lang in (("newstest2019-src.eng.txt", "en"), ("newstest2019-ref.arb.txt", "ar"),
                       ("newstest2019-ref.rus.txt", "ru")):
        yield Job("ntrex", name, (str(ntrex / name), "--lang", lang))
    for path in sorted((DATA / "po").glob("*/*.po")):
        yield Job("po", f"{path.parent.name}/{path.name}", (str(path),))
    for path in sorted((DATA / "tico19").glob("*.tmx")):
        yield Job("tico19", path.name, (str(path),))
    wild = DATA / "l10n-wild"
    for path in sorted(wild.rglob("*")):
        if path.is_file() and path.name != "README.md":
            yield Job("l10n-wild", str(path.relative_to(wild)), (str(path),))
    if (DATA / "wmt23").is_dir():
        yield from _wmt23_jobs()


def _blind(job: Job) -> bool:
    """Whether ``job`` audits only the corpus's blind split (``corpora/src/v15-*``): its findings
    count in the totals, but their text is never printed or dumped (nobody may tune on it)."""
    return job.corpus == "corpora" and job.label.startswith("v15-")


def _blind_lines(job: Job) -> frozenset[int]:
    """The lines of ``job``'s file that belong to blind passages (``blind``: numbers 201-300;
    ``blind2``: 301 to 500, the SHA-256 rule of ``corpora/README.md``; ``blind3``: 501 to 700;
    ``blind4``: 701 and up, the same rule),
    hidden like :func:`_blind`."""
    if job.corpus != "corpora":
        return frozenset()
    hidden: set[int] = set()
    blind = False
    for number, line in enumerate(Path(job.args[0]).read_text(encoding="utf-8").splitlines(), 1):
        header = re.match(r"@@ .*\bid=(\S+)", line)
        if header:
            pid = header.group(1)
            n = int(pid[-3:])
            even = hashlib.sha256(pid.encode()).digest()[0] % 2 == 0
            blind = 201 <= n < 301 or (n >= 301 and even) or 501 <= n < 701
        if blind:
            hidden.add(number)
    return frozenset(hidden)


def run_tree(tree: Path, job: Job) -> list[dict[str, object]] | str:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, "-c", RUN, "audit", *job.args, "--format", "json", "-j", "1",
           "--fail-on", "never"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tree, check=False)
    if out.returncode not in (0, 1):
        return f"exit {out.returncode}: {out.stderr.strip()[:300]}"
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        return f"no JSON report: {out.stderr.strip()[:300]}"
    findings: list[dict[str, object]] = report.get("findings", [])
    return findings


def _key(f: dict[str, object]) -> tuple[object, ...]:
    return (Path(str(f["path"])).name, f["line"], f["col"], f["code"])


Found = list[dict[str, object]]


def compare(base: Found, new: Found) -> dict[str, Found]:
    old_by = {_key(f): f for f in base}
    new_by = {_key(f): f for f in new}
    lost = [f for k, f in old_by.items() if k not in new_by]
    gained = [f for k, f in new_by.items() if k not in old_by]
    def shown(f: dict[str, object]) -> tuple[object, object]:
        return f["message"], f["severity"]

    changed = [new_by[k] for k in old_by.keys() & new_by.keys() if shown(old_by[k]) != shown(new_by[k])]
    return {"lost": lost, "gained": gained, "changed": changed}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("rev", help="the other revision (commit, branch, tag)")
    parser.add_argument("--corpus", action="append", help="only these corpora (repeatable)")
    parser.add_argument("--examples", type=int, default=0, help="lost/gained examples per code")
    parser.add_argument("--json", type=Path, help="write every lost/gained/changed finding here")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--tree", type=Path, default=ROOT,
                        help="the checkout to compare (default: the one holding this script)")
    args = parser.parse_args(argv)
    tree = args.tree.resolve()

    selected = [j for j in jobs(tree) if not args.corpus or j.corpus in args.corpus]
    with tempfile.TemporaryDirectory(prefix="tqcheck-rev-") as tmp:
        other = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(other), args.rev],
                       check=True)
        try:
            def both(job: Job) -> tuple[Job, object, object]:
                return job, run_tree(other, job), run_tree(tree, job)

            with ThreadPoolExecutor(args.jobs) as pool:
                results = list(pool.map(both, selected))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=False)

    per_corpus: dict[str, Counter[str]] = {}
    per_code: dict[str, Counter[str]] = {}
    examples: dict[tuple[str, str], list[dict[str, object]]] = {}
    dump: list[dict[str, object]] = []
    for job, base, new in results:
        if isinstance(base, str) or isinstance(new, str):
            print(f"{job.corpus}/{job.label}: base {base if isinstance(base, str) else 'ok'}; "
                  f"this tree {new if isinstance(new, str) else 'ok'}")
            continue
        diff = compare(base, new)
        hidden = _blind_lines(job)
        corpus = per_corpus.setdefault(job.corpus, Counter())
        corpus["base"] += len(base)
        corpus["new"] += len(new)
        for f in base:
            per_code.setdefault(str(f["code"]), Counter())["base"] += 1
        for f in new:
            per_code.setdefault(str(f["code"]), Counter())["new"] += 1
        for kind, found in diff.items():
            corpus[kind] += len(found)
            for f in found:
                per_code.setdefault(str(f["code"]), Counter())[kind] += 1
                if _blind(job) or f.get("line") in hidden:
                    continue  # counted, never shown
                examples.setdefault((str(f["code"]), kind), []).append({**f, "corpus": job.corpus})
                dump.append({"kind": kind, "corpus": job.corpus, "file": job.label, **f})

    head = f"{'':<12}{'base':>8}{'this':>8}{'lost':>8}{'gained':>8}{'changed':>8}"
    print(f"\nthis tree vs {args.rev}\n\nper corpus\n{head}")
    for name, c in per_corpus.items():
        print(f"{name:<12}{c['base']:>8}{c['new']:>8}{c['lost']:>8}{c['gained']:>8}{c['changed']:>8}")
    print(f"\nper code\n{head}")
    for code in sorted(per_code):
        c = per_code[code]
        print(f"{code:<12}{c['base']:>8}{c['new']:>8}{c['lost']:>8}{c['gained']:>8}{c['changed']:>8}")
    if args.examples:
        for (code, kind), found in sorted(examples.items()):
            print(f"\n{code} {kind} ({len(found)}):")
            for f in found[: args.examples]:
                print(f"  [{f['corpus']}] {Path(str(f['path'])).name}:{f['line']}:{f['col']} {f['message']}")
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
