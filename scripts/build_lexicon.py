"""Build the language-ID lexicons in ``tqcheck/data/lexicon/`` from wordfreq (run by hand).

A lexicon lets :func:`tqcheck.langid.identify` confirm that a sentence is in the document's
language without running the statistical models.  For a language T it lists the words of T's
``--top`` most frequent words that are *compatible* with T (no other language uses the word more
than ``--compat`` times as often as T does) and marks with ``+`` those that are *evidence* of T
(T uses the word at least ``--ratio`` times as often as every other language in wordfreq does).
English "the" and "would" are evidence; "is", "of", "was", "to" are compatible but not evidence
(Dutch, German, Polish use them too); "de", "la" are not listed at all for English.

Needs ``pip install wordfreq`` (not a dependency of tqcheck: the lists it writes are data).

    python scripts/build_lexicon.py [--top 30000] [--ratio 10] [--compat 100] en de fr es ru ar
    python scripts/build_lexicon.py --top 12000 it pt nl pl cs tr sv da nb fi ro hu id uk bg el he fa ...

The six first languages have 30,000 words each; the others fewer (``--top`` given in each file's
header), to keep the package small.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "tqcheck" / "data" / "lexicon"
#: Languages wordfreq segments with a morphological analyser (MeCab, jieba) are left out of the
#: comparison: their lists hold few Latin, Cyrillic or Arabic words and need extra packages.
SKIP = {"ja", "ko", "zh"}
#: wordfreq's codes that tqcheck normalises to another (``tqcheck.langid.normalise_lang``): the
#: file takes tqcheck's name.
FILE_NAMES = {"nb": "no"}
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def build(lang: str, top: int, ratio: float, compat: float,
          freqs: dict[str, dict[str, float]]) -> list[tuple[str, bool]]:
    """``(word, is_evidence)`` in frequency order."""
    import wordfreq

    mine = freqs[lang]
    others = [table for code, table in freqs.items() if code != lang]
    out: list[tuple[str, bool]] = []
    for word in wordfreq.top_n_list(lang, top):
        if not WORD.fullmatch(word):
            continue
        own = mine[word]
        most_elsewhere = max(table.get(word, 0.0) for table in others)
        if own * compat < most_elsewhere:
            continue  # far more frequent in another language: no evidence either way
        out.append((word, len(word) >= 2 and own >= ratio * most_elsewhere))
    return out


def main() -> None:
    import wordfreq

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("langs", nargs="+")
    parser.add_argument("--top", type=int, default=30000)
    parser.add_argument("--ratio", type=float, default=10.0)
    parser.add_argument("--compat", type=float, default=100.0)
    args = parser.parse_args()
    langs = sorted(set(wordfreq.available_languages()) - SKIP)
    freqs = {code: wordfreq.get_frequency_dict(code) for code in langs}
    version = getattr(wordfreq, "__version__", None)
    if version is None:
        from importlib.metadata import version as dist_version

        version = dist_version("wordfreq")
    for lang in args.langs:
        words = build(lang, args.top, args.ratio, args.compat, freqs)
        header = (
            f"# Language-ID lexicon for {lang!r}: built by scripts/build_lexicon.py from wordfreq "
            f"{version} (data CC BY-SA 4.0, see README.md)\n"
            f"# --top {args.top} --ratio {args.ratio:g} --compat {args.compat:g}; {len(words)} words, "
            f"{sum(e for _, e in words)} marked '+' as evidence of the language\n"
        )
        body = "".join(f"+{w}\n" if evidence else f"{w}\n" for w, evidence in words)
        (OUT / f"{FILE_NAMES.get(lang, lang)}.txt").write_text(header + body, encoding="utf-8")
        print(f"{lang}: {len(words)} words, {sum(e for _, e in words)} evidence")


if __name__ == "__main__":
    main()
