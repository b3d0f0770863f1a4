"""Throughput and memory of ``tqcheck audit`` on a large file (run by hand).

Builds files of ~10 MB and ~50 MB by concatenating the shared English data (NTREX, Tatoeba's English
sides, the MQM TED translations; each copy's lines in a different seeded order), then audits each
in a fresh process with all checks and ``--lang en`` and prints sentences per second, peak memory,
and ratios against baselines measured in the same run:

* reading and sentence-splitting the same file (the floor any audit pays);
* the audit without the language family (language identification on every sentence), and with it;
* memory of the 10 MB audit (the 50 MB audit must not need more: paragraphs are streamed).

    python benchmarks/audit_speed.py [--mb 50]
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    mode, path = sys.argv[1], Path(sys.argv[2])
    t0, c0 = time.perf_counter(), time.process_time()
    if mode == "split":
        from tqcheck.langdata import load_language
        from tqcheck.readers import read_segments
        from tqcheck.segment import split_spans
        en = load_language("en")
        n = sum(len(split_spans(s.text, en)) for s in read_segments(path))
        findings = 0
    else:
        from tqcheck.audit import AuditOptions, audit
        ignore = ("language",) if mode == "artifacts" else ()
        report = audit([path], AuditOptions(lang="en", ignore=ignore))
        n, findings = report.files[0].sentences, len(report.findings)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"sentences": n, "wall": wall, "cpu": cpu, "rss_mb": rss, "findings": findings}))
    """
)


def corpus_text() -> str:
    parts = [(DATA / "ntrex" / "newstest2019-src.eng.txt").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "tatoeba").glob("*.eng"))]
    rows = [json.loads(line) for line in (DATA / "mqm-ted-zh-en.jsonl").read_text().splitlines()]
    parts.append("\n".join(" ".join(r["target"].split()) for r in rows))
    return "\n".join(parts) + "\n"


def run(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


def main() -> None:
    big_mb = int(sys.argv[sys.argv.index("--mb") + 1]) if "--mb" in sys.argv else 50
    base = corpus_text()
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for mb in (10, big_mb):
            path = Path(tmp) / f"english-{mb}mb.txt"
            copies = max(1, round(mb * 1e6 / len(base.encode())))
            lines = base.splitlines(keepends=True)
            with path.open("w", encoding="utf-8") as fh:
                for copy in range(copies):
                    # Each copy in its own seeded order: the text stays real, but the copies do
                    # not turn into thousands of repeated-sentence findings.
                    random.Random(copy).shuffle(lines)
                    fh.writelines(lines)
            size = path.stat().st_size / 1e6
            split = run("split", path)
            artifacts = run("artifacts", path)
            full = run("audit", path)
            results[mb] = full
            print(f"{size:6.1f} MB, {full['sentences']:,} sentences, {full['findings']:,} findings")
            print(f"    read+split:            {split['sentences'] / split['cpu']:>9,.0f} sentences/s (cpu)")
            for label, r in (("audit, no language ID:", artifacts), ("audit, all checks:", full)):
                print(f"    {label:<22} {r['sentences'] / r['cpu']:>9,.0f} sentences/s (cpu), "
                      f"{r['sentences'] / r['wall']:,.0f} wall; peak {r['rss_mb']:.0f} MB; "
                      f"{r['cpu'] / split['cpu']:.1f}x the read+split time")
        print(f"peak memory {big_mb} MB / 10 MB: {results[big_mb]['rss_mb'] / results[10]['rss_mb']:.2f}")


if __name__ == "__main__":
    main()
