"""Language identification: tqcheck's cascade against langdetect alone, same run, same sentences.

Data (``../shared/data``, skipped with a message when absent):
  * Tatoeba test pairs, 15 languages with English: the ``.eng`` sides are English sentences, the
    other sides foreign sentences (target language: English).
  * NTREX-128 newstest2019: English lines (English), Arabic and Russian lines (foreign to English).

Figures:
  * English flagged as foreign (false alarms; target <= 0.1%).
  * Foreign caught (target >= 99%).  A foreign sentence the cascade abstained on (too short) or
    disputed (the detectors disagreed) is NOT caught; such counts are printed beside.
  * Same script, other targets: Russian and Arabic documents against Ukrainian, Belarusian,
    Bulgarian, Persian and Urdu sentences (the hard case: no script difference).
  * Held out: the thresholds were set while looking at the sets above, so the TICO-19 translation
    memories (English-Arabic, English-Russian; COVID-19 domain, not used while tuning) are measured
    too, for English, Russian and Arabic targets.
  * Speed: sentences per second of the whole ``language`` check family on NTREX English, run as the
    audit engine runs it (precondition first, then the other sentence checks), against langdetect on
    every sentence.

Usage: ``python benchmarks/langid_bench.py [--data ../shared/data] [--markdown]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tqcheck.langid import identify, langdetect_alone, same_language  # noqa: E402

TATOEBA = ["ara", "arq", "arz", "bel", "bul", "cmn", "deu", "fra", "heb", "pes", "rus", "spa",
           "tur", "ukr", "urd"]


def read_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]


def load(data: Path) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(English sets, foreign sets) by name."""
    english: dict[str, list[str]] = {}
    foreign: dict[str, list[str]] = {}
    tat = data / "tatoeba"
    english["tatoeba eng (15 files)"] = [
        s for code in TATOEBA for s in read_lines(tat / f"tatoeba.{code}-eng.eng")]
    for code in TATOEBA:
        foreign[f"tatoeba {code}"] = read_lines(tat / f"tatoeba.{code}-eng.{code}")
    nt = data / "ntrex"
    english["ntrex eng"] = read_lines(nt / "newstest2019-src.eng.txt")
    foreign["ntrex arb"] = read_lines(nt / "newstest2019-ref.arb.txt")
    foreign["ntrex rus"] = read_lines(nt / "newstest2019-ref.rus.txt")
    return english, foreign


def cascade_foreign(sentence: str) -> tuple[bool, str]:
    r = identify(sentence, "en")
    return r.is_foreign("en"), r.method


def langdetect_foreign(sentence: str) -> bool:
    lang = langdetect_alone(sentence)
    return lang is not None and not same_language(lang, "en")


def accuracy(english: dict[str, list[str]], foreign: dict[str, list[str]]) -> list[list[str]]:
    rows: list[list[str]] = []
    tot = Counter[str]()
    for group, sets, want in (("English", english, False), ("foreign", foreign, True)):
        for name, sents in sets.items():
            c = Counter[str]()
            for s in sents:
                f, method = cascade_foreign(s)
                c["n"] += 1
                c["cascade"] += f == want
                c[method] += 1
                c["langdetect"] += langdetect_foreign(s) == want
            for k, v in c.items():
                tot[f"{group}:{k}"] += v
            rows.append([group, name, str(c["n"]), pct(c["cascade"], c["n"]),
                         pct(c["langdetect"], c["n"]), str(c["abstain"]), str(c["disputed"])])
    for group in ("English", "foreign"):
        n = tot[f"{group}:n"]
        rows.append([group, "**all**", str(n), pct(tot[f"{group}:cascade"], n),
                     pct(tot[f"{group}:langdetect"], n), str(tot[f"{group}:abstain"]),
                     str(tot[f"{group}:disputed"])])
    return rows


def read_tmx(path: Path) -> dict[str, list[str]]:
    """Segments of a TMX file by language (shared, trusted data)."""
    import xml.etree.ElementTree as ET

    out: dict[str, list[str]] = {}
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tuv in ET.parse(path).getroot().iter("tuv"):
        seg = tuv.find("seg")
        text = " ".join("".join(seg.itertext()).split()) if seg is not None else ""
        if text:
            out.setdefault(str(tuv.get(xml_lang)).split("-")[0], []).append(text)
    return out


def held_out(data: Path) -> list[list[str]]:
    """TICO-19: for each target language, its own segments flagged, the others' caught."""
    tm = data / "tico19"
    en_ar = read_tmx(tm / "all.en-ar.tmx")
    en_ru = read_tmx(tm / "all.en-ru.tmx")
    sets = {"en": en_ar["en"], "ar": en_ar["ar"], "ru": en_ru["ru"]}
    rows: list[list[str]] = []
    for target in ("en", "ru", "ar"):
        for lang, segs in sets.items():
            want = lang != target
            ok = ld_ok = abstain = 0
            for seg in segs:
                r = identify(seg, target)
                ok += r.is_foreign(target) == want
                abstain += r.method == "abstain"
                ld = langdetect_alone(seg)
                ld_ok += (ld is not None and not same_language(ld, target)) == want
            kind = "caught" if want else "flagged (false alarms: lower is better)"
            n = len(segs)
            cas = ok if want else n - ok
            lds = ld_ok if want else n - ld_ok
            rows.append([target, f"tico19 {lang}", str(n), kind, pct(cas, n), pct(lds, n),
                         str(abstain)])
    return rows


def same_script(english: dict[str, list[str]], foreign: dict[str, list[str]]) -> list[list[str]]:
    """Russian and Arabic targets against languages written in the same script."""
    del english
    plan = [("ru", "ntrex rus", False), ("ru", "tatoeba rus", False), ("ru", "tatoeba ukr", True),
            ("ru", "tatoeba bel", True), ("ru", "tatoeba bul", True),
            ("ar", "ntrex arb", False), ("ar", "tatoeba ara", False), ("ar", "tatoeba arz", False),
            ("ar", "tatoeba pes", True), ("ar", "tatoeba urd", True)]
    rows: list[list[str]] = []
    for target, name, want in plan:
        sents = foreign[name]
        ok = ld_ok = abstain = 0
        for s in sents:
            r = identify(s, target)
            ok += r.is_foreign(target) == want
            abstain += r.method == "abstain"
            ld = langdetect_alone(s)
            ld_ok += (ld is not None and not same_language(ld, target)) == want
        n = len(sents)
        kind = "caught" if want else "flagged (false alarms: lower is better)"
        rows.append([target, name, str(n), kind, pct(ok if want else n - ok, n),
                     pct(ld_ok if want else n - ld_ok, n), str(abstain)])
    return rows


def pct(k: int, n: int) -> str:
    return f"{100 * k / n:.2f}%" if n else "n/a"


def speed(lines: list[str], rounds: int = 3, passes: int = 10) -> list[tuple[float, float]]:
    """Sentences/s of the language family through the engine and of langdetect on every sentence,
    measured back to back in each round, so that load from other processes on a shared machine
    hits both alike.  Returns ``(family, langdetect)`` per round."""
    from tqcheck.checks.engine import Engine
    from tqcheck.checks.registry import CheckContext, select_rules
    from tqcheck.langdata import load_language
    from tqcheck.model import Segment
    from tqcheck.segment import split_sentences

    data = load_language("en")
    segments = [Segment(t, i + 1) for i, t in enumerate(lines)]
    sentences = [s.text for seg in segments for s in split_sentences(seg, data)]
    rules = select_rules(("TQ7",))
    # Warm up: model loading is a one-time cost, reported separately.
    t0 = time.perf_counter()
    ctx = CheckContext(path="bench", lang="en", data=data, source_lang=None)
    list(Engine(rules, ctx).feed(Segment("Warm up the models, please, now.", 1)))
    identify("Das ist ein Haus und kein Boot.", "en")
    print(f"(model loading, once: {time.perf_counter() - t0:.2f} s)", file=sys.stderr)
    out: list[tuple[float, float]] = []
    for _ in range(rounds):
        # The family's pass is short; repeat it so both sides are timed over seconds.
        t0 = time.perf_counter()
        for _ in range(passes):
            ctx = CheckContext(path="bench", lang="en", data=data, source_lang=None)
            engine = Engine(rules, ctx)
            for seg in segments:
                for _f in engine.feed(seg):
                    pass
            list(engine.finish())
        family = passes * len(sentences) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for s in sentences:
            langdetect_alone(s)
        out.append((family, len(sentences) / (time.perf_counter() - t0)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--markdown", action="store_true", help="print Markdown tables")
    args = ap.parse_args()
    if not (args.data / "tatoeba").is_dir() or not (args.data / "ntrex").is_dir():
        print(f"no data at {args.data}: nothing to measure", file=sys.stderr)
        return 0
    english, foreign = load(args.data)
    t0 = time.perf_counter()
    rows = accuracy(english, foreign)
    acc_s = time.perf_counter() - t0
    head = ["side", "set", "sentences", "tqcheck cascade correct", "langdetect alone correct",
            "cascade abstained", "cascade disputed"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    eng = rows[-2]
    fgn = rows[-1]
    n_eng = int(eng[2])
    print()
    print(f"English flagged as foreign: cascade {100 - float(eng[3][:-1]):.2f}%  "
          f"langdetect {100 - float(eng[4][:-1]):.2f}%  (n={n_eng}, target <= 0.1%)")
    print(f"foreign caught: cascade {fgn[3]}  langdetect {fgn[4]}  (n={fgn[2]}, target >= 99%)")
    print(f"(accuracy pass: {acc_s:.1f} s)")
    print()
    head = ["target", "set", "sentences", "measure", "tqcheck cascade", "langdetect alone",
            "cascade abstained"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in same_script(english, foreign):
        print("| " + " | ".join(r) + " |")
    if (args.data / "tico19").is_dir():
        print()
        head = ["target", "set", "segments", "measure", "tqcheck cascade", "langdetect alone",
                "cascade abstained"]
        print("| " + " | ".join(head) + " |")
        print("|" + "---|" * len(head))
        for r in held_out(args.data):
            print("| " + " | ".join(r) + " |")
    lines = read_lines(args.data / "ntrex" / "newstest2019-src.eng.txt")
    rounds = speed(lines)
    print()
    print(f"speed on NTREX English ({len(lines)} lines), language family vs langdetect on every "
          "sentence, back to back:")
    for family, base in rounds:
        print(f"  family {family:,.0f} sentences/s, langdetect {base:,.0f} sentences/s, "
              f"ratio {family / base:.1f}x")
    ratios = sorted(f / b for f, b in rounds)
    print(f"median ratio {ratios[len(ratios) // 2]:.1f}x (target >= 20x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
