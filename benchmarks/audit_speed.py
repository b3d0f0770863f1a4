"""Throughput and memory of ``tqcheck audit`` on a large file (run by hand).

Builds files of ~10 MB and ~50 MB by concatenating the shared English data (NTREX, Tatoeba's English
sides, the MQM TED translations; each copy's lines in a different seeded order), then audits each
in a fresh process with all checks and ``--lang en`` and prints sentences per second, peak memory,
and ratios against baselines measured in the same run:

* reading and sentence-splitting the same file (the floor any audit pays);
* the audit without the language family (language identification on every sentence), and with it;
* the command itself, ``tqcheck audit FILE --lang en --format json -o …``, start-up, model loading
  and the report included (CPU time of the child process), against the target of 20,000
  sentences per second on one core;
* memory of the 10 MB audit (the 50 MB audit holds ~4x the findings, about 1 KB each; the text
  itself is streamed, so the rest must not grow).

Sentences per second are CPU time: the audit runs on one core.  The host's speed drifts by tens of
percent between runs, so compare revisions with ``compare_revisions.py``, not with old figures.

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

#: Both children define this: their own peak memory.  VmHWM belongs to the program; ru_maxrss on
#: Linux keeps the parent's peak across exec.
PEAK_MB = """def peak_mb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    from pathlib import Path
    {peak_mb}
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
    print(json.dumps({"sentences": n, "wall": wall, "cpu": cpu, "rss_mb": peak_mb(),
                      "findings": findings}))
    """
).replace("{peak_mb}", PEAK_MB)


def corpus_text() -> str:
    parts = [(DATA / "ntrex" / "newstest2019-src.eng.txt").read_text(encoding="utf-8")]
    parts += [p.read_text(encoding="utf-8") for p in sorted((DATA / "tatoeba").glob("*.eng"))]
    rows = [json.loads(line) for line in (DATA / "mqm-ted-zh-en.jsonl").read_text().splitlines()]
    parts.append("\n".join(" ".join(r["target"].split()) for r in rows))
    return "\n".join(parts) + "\n"


TARGET = 20_000


def run(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", CHILD, mode, str(path)], capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


COMMAND = textwrap.dedent(
    """
    import json, resource, sys, time
    {peak_mb}
    t0 = time.perf_counter()
    from tqcheck.cli import main
    status = main(sys.argv[1:])
    usage = resource.getrusage(resource.RUSAGE_SELF)  # the whole process, start-up included
    print(json.dumps({"status": status, "cpu": usage.ru_utime + usage.ru_stime,
                      "wall": time.perf_counter() - t0, "rss_mb": peak_mb()}))
    """
).replace("{peak_mb}", PEAK_MB)


def run_command(path: Path, sentences: int) -> dict[str, float]:
    """``tqcheck audit`` as a user runs it (its ``main``), with a JSON report to a file."""
    report = path.with_suffix(".json")
    out = subprocess.run([sys.executable, "-c", COMMAND, "audit", str(path), "--lang", "en",
                          "--format", "json", "-o", str(report), "--fail-on", "never"],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if result["status"] != 0:
        raise SystemExit(f"tqcheck audit exited with {result['status']}: {out.stderr.strip()}")
    result["sentences"] = sentences
    result["findings"] = len(json.loads(report.read_text(encoding="utf-8"))["findings"])
    return result


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
            print(f"    read+split:            {split['sentences'] / split['cpu']:>9,.0f} sentences/s "
                  f"(cpu); peak {split['rss_mb']:.0f} MB")
            command = run_command(path, full["sentences"])
            for label, r in (("audit, no language ID:", artifacts), ("audit, all checks:", full),
                             ("tqcheck audit command:", command)):
                print(f"    {label:<22} {r['sentences'] / r['cpu']:>9,.0f} sentences/s (cpu), "
                      f"{r['sentences'] / r['wall']:,.0f} wall; peak {r['rss_mb']:.0f} MB; "
                      f"{r['cpu'] / split['cpu']:.1f}x the read+split time")
            rate = command["sentences"] / command["cpu"]
            print(f"    command vs target {TARGET:,}/s: {rate / TARGET:.2f}x "
                  f"({'met' if rate >= TARGET else 'NOT met'}); "
                  f"{command['findings']:,} findings in the JSON report")
        small, big = results[10], results[big_mb]
        grown, more = big["rss_mb"] - small["rss_mb"], big["findings"] - small["findings"]
        per = f", {grown * 1024 / more:.1f} KB per extra finding" if more > 0 else ""
        print(f"peak memory {big_mb} MB / 10 MB: {big['rss_mb'] / small['rss_mb']:.2f} "
              f"(+{grown:.0f} MB for {more:,} more findings{per}; the text is streamed)")


if __name__ == "__main__":
    main()
