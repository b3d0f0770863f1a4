"""Time and peak memory of ``tqcheck audit`` on worst-case inputs (run by hand; issue 12).

For each shape of text that hurts, files of 1, 4 and 16 MB (``--sizes``) are audited in fresh
processes (``tqcheck audit FILE --lang en -j 1``, text report to /dev/null) and the script prints
the CPU time, the peak memory of the child (VmHWM) and the growth factor per 4× input.  The
target: at most 4.5× time and flat memory per 4× input, whatever the shape.  Memory is also shown
above the floor of the same process on a file of one short line (start-up, imports, data), which
is what the input adds.

Shapes (words are drawn from the English NTREX news text when ../shared/data is present, else
from a fixed list):

* ``paragraph``   one hard-wrapped paragraph (80 columns) without a sentence end
* ``sentence``    one line without a sentence end
* ``token``       one token: letters without a space
* ``punct``       only punctuation and spaces
* ``combining``   one letter and then combining marks only
* ``tiny-paras``  a million (at 4 MB) paragraphs of one word
* ``md-nesting``  Markdown lists and quotes nested hundreds deep
* ``po-plurals``  a PO catalogue whose entries have 10,000 plural forms

    python benchmarks/worst_case.py                      # 1 and 4 MB, every shape
    python benchmarks/worst_case.py --sizes 1,4,16 --shapes sentence,token
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NTREX = ROOT.parent / "shared" / "data" / "ntrex" / "newstest2019-src.eng.txt"
MB = 1_000_000

CHILD = """
import resource, sys, time
from tqcheck.cli import main
t0 = time.process_time()
with open("/dev/null", "w") as out:
    sys.stdout = out
    status = main(sys.argv[1:])
    sys.stdout = sys.__stdout__
cpu = time.process_time() - t0
peak = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        peak = int(line.split()[1]) / 1024
print(f"{status} {cpu:.3f} {peak:.1f}")
"""


def _words() -> list[str]:
    if NTREX.exists():
        return re.findall(r"[A-Za-z']+", NTREX.read_text(encoding="utf-8"))
    fallback = ("the talks in of and to a minister said would be on it that for with his was as "
                "at by Antalya Kuleba Lavrov meeting results expected city southern Turkish")
    return fallback.split(" ")


def _fill(size: int, piece: Callable[[random.Random], str], seed: int = 1) -> str:
    rnd = random.Random(seed)
    parts: list[str] = []
    n = 0
    while n < size:
        p = piece(rnd)
        parts.append(p)
        n += len(p)
    return "".join(parts)


def shape_text(shape: str, size: int, words: list[str]) -> tuple[str, str]:
    """``(file suffix, text)`` of about ``size`` characters in ``shape``."""
    if shape == "sentence":
        return ".txt", _fill(size, lambda r: r.choice(words) + " ") + "\n"
    if shape == "paragraph":
        text = _fill(size, lambda r: r.choice(words) + " ")
        # Hard-wrapped: every line continues the paragraph (it starts in lowercase).
        lines = re.findall(r".{1,79}(?:\s|$)", text.lower())
        return ".txt", "\n".join(line.rstrip() for line in lines) + "\n"
    if shape == "token":
        return ".txt", _fill(size, lambda r: r.choice("abcdefghijklmnopqrstuvwxyz")) + "\n"
    if shape == "punct":
        return ".txt", _fill(size, lambda r: r.choice(".,;:!?-–—…()\"' ")) + "\n"
    if shape == "combining":
        return ".txt", "e" + _fill(size, lambda r: r.choice("\u0300\u0301\u0302\u0308\u0327"))
    if shape == "tiny-paras":
        return ".txt", _fill(size, lambda r: r.choice(words) + "\n\n")
    if shape == "md-nesting":
        def nested(r: random.Random) -> str:
            depth = r.randrange(300)
            return "  " * depth + "- " + "> " * (depth % 50) + r.choice(words) + " item\n"
        return ".md", _fill(size, nested)
    if shape == "po-plurals":
        header = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                  '"Plural-Forms: nplurals=10000; plural=n;\\n"\n\n')

        def entry(r: random.Random) -> str:
            forms = "".join(f'msgstr[{i}] "{r.choice(words)} {i}"\n' for i in range(10_000))
            word = r.choice(words)
            return f'msgid "{word}"\nmsgid_plural "{word}s"\n{forms}\n'
        return ".po", header + _fill(size, entry)
    raise SystemExit(f"unknown shape {shape!r}")


SHAPES = ("paragraph", "sentence", "token", "punct", "combining", "tiny-paras", "md-nesting",
          "po-plurals")


def measure(path: Path, timeout: float) -> tuple[float, float] | None:
    """``(CPU seconds, peak MB)`` of one audit in a fresh process, or None past ``timeout``."""
    env_path = str(ROOT)
    cmd = [sys.executable, "-c", CHILD, "audit", str(path), "--lang", "en", "-j", "1",
           "--no-color"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False,
                              env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    except subprocess.TimeoutExpired:
        return None
    last = done.stdout.strip().splitlines()[-1:] or [""]
    fields = last[0].split()
    if len(fields) != 3:
        raise SystemExit(f"{path}: the audit failed: {done.stderr.strip()[-500:]}")
    return float(fields[1]), float(fields[2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1,4", help="sizes in MB, comma-separated (default 1,4)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="shapes, comma-separated")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per audit")
    args = ap.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    words = _words()
    with tempfile.TemporaryDirectory() as tmp:
        floor_file = Path(tmp) / "floor.txt"
        floor_file.write_text("The talks resumed.\n", encoding="utf-8")
        floor = measure(floor_file, args.timeout)
        assert floor is not None
        print(f"floor (one short line): {floor[0]:.2f} s CPU, {floor[1]:.0f} MB peak")
        print(f"{'shape':<12}{'MB':>6}{'CPU s':>9}{'peak MB':>9}{'+MB':>7}"
              f"{'time ×':>8}{'+mem ×':>8}  target: time × ≤ 4.5, memory flat")
        for shape in args.shapes.split(","):
            previous: tuple[float, float] | None = None
            for size in sizes:
                suffix, text = shape_text(shape, int(size * MB), words)
                path = Path(tmp) / f"{shape}-{size:g}{suffix}"
                path.write_text(text, encoding="utf-8")
                del text
                started = time.perf_counter()
                result = measure(path, args.timeout)
                path.unlink()
                if result is None:
                    print(f"{shape:<12}{size:>6g}  over {args.timeout:.0f} s "
                          f"(wall {time.perf_counter() - started:.0f} s)")
                    previous = None
                    continue
                cpu, peak = result
                added = max(0.0, peak - floor[1])
                growth = mem_growth = ""
                if previous is not None:
                    growth = f"{cpu / max(previous[0], 1e-3):.2f}"
                    mem_growth = f"{added / max(previous[1], 1.0):.2f}"
                print(f"{shape:<12}{size:>6g}{cpu:>9.2f}{peak:>9.0f}{added:>7.0f}"
                      f"{growth:>8}{mem_growth:>8}", flush=True)
                previous = (cpu, added)


if __name__ == "__main__":
    main()
