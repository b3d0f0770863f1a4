"""Speed of tqcheck's translation engine against argostranslate's way of translating, and cache.

    python benchmarks/translate_speed.py [--sentences 1000] [--tokens 32]

What it measures, on one Transformer-base-sized Argos package (6+6 layers, d=512, 8 heads, FFN 2048,
a ~32k SentencePiece vocabulary trained on NTREX; random weights stored as int8, like the published
Argos packages) and the first 1,000 English
sentences of NTREX (real news text):

* **argostranslate's settings**: what ``argostranslate.translate`` does with a line-per-sentence
  file -- one ``translate_batch`` call per sentence, beam 4, ``compute_type="auto"`` (int8 on this
  CPU), ``inter_threads=1, intra_threads=0``, ``max_batch_size=32`` tokens, ``length_penalty=0.2``,
  ``replace_unknowns=True`` -- reproduced with CTranslate2 directly.  ``argostranslate.translate``
  itself cannot run here: it imports stanza, spaCy and torch, which this machine does not have, and
  its sentence splitter downloads models at first use (there is no network).  With the full stack
  and a package that ships ``minisbd/<lang>.onnx`` it makes exactly these calls (argostranslate
  1.11 ``translate.apply_packaged_translation``); the SentencePiece encoding and the decoding around
  them are the same in both paths and are timed in both.
* **tqcheck**: ``tqcheck.translate.engine.Translator`` -- all sentences in length-sorted batches,
  greedy, ``float32`` (the default, batch-independent), threads from the machine; then the same
  with ``int8`` and with beam 4, to separate the effects of batching, beam and compute type.
* **cache**: ``TranslationService`` over the same sentences twice, each time a fresh service (as a
  new run would be): the first run translates and fills the cache, the second reads it.

Fairness: random weights would decode to an arbitrary length, different for greedy and beam
search, so every path is given ``min_decoding_length = max_decoding_length = --tokens`` and
generates exactly that many tokens per sentence.  The same package files, the same sentences and
the same machine serve every path, in one run; ratios are computed from that run only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import argos_fixtures as af  # noqa: E402

from tqcheck.translate.engine import (  # noqa: E402
    DecodeOptions,
    TranslationService,
    Translator,
    thread_settings,
)
from tqcheck.translate.packages import InstalledPackage, install_archive  # noqa: E402

OUT = ROOT / "benchmarks" / "out"


def build_base_package(work: Path) -> Path:
    """The Transformer-base-sized ``.argosmodel`` (built once, kept in benchmarks/out)."""
    archive = work / "translate-en_xx-1_0.argosmodel"
    if archive.exists():
        return archive
    lines = af.ntrex_lines()
    extras = [f"<extra_{i:05d}>" for i in range(25_900)]  # pad the learned pieces to ~32k
    sp_model = af.train_sentencepiece(
        work / "sp" / "base", lines, vocab_size=32_000, user_symbols=extras
    )
    return af.build_package(work, "en", "xx", sp_model, random_weights=True, quantization="int8")


def argos_decode(sp: object, pieces: Sequence[str]) -> str:
    """argostranslate 1.11's ``SentencePieceTokenizer.decode`` (including its ``_`` bug)."""
    return str(sp.decode_pieces(list(pieces))).replace("▁", " ").replace("_", " ")  # type: ignore[attr-defined]


def run_argos_settings(
    package: InstalledPackage, sentences: Sequence[str], tokens: int
) -> list[str]:
    import ctranslate2
    import sentencepiece

    sp = sentencepiece.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model"))
    translator = ctranslate2.Translator(
        str(package.path / "model"),
        device="cpu",
        compute_type="auto",
        inter_threads=1,
        intra_threads=0,
    )
    out = []
    for sentence in sentences:
        batch = translator.translate_batch(
            [sp.encode(sentence, out_type=str)],
            replace_unknowns=True,
            max_batch_size=32,
            batch_type="tokens",
            beam_size=4,
            num_hypotheses=1,
            length_penalty=0.2,
            return_scores=True,
            min_decoding_length=tokens,
            max_decoding_length=tokens,
        )
        value = argos_decode(sp, batch[0].hypotheses[0])
        out.append(value[1:] if value.startswith(" ") else value)
    return out


def run_engine(
    package: InstalledPackage, sentences: Sequence[str], options: DecodeOptions
) -> list[str]:
    return Translator(package, options).translate(list(sentences))


def timed(label: str, func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"  {label:<46} {seconds:8.2f} s", flush=True)
    return seconds, result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--tokens", type=int, default=32, help="tokens generated per sentence")
    args = parser.parse_args(argv)
    if not af.NTREX_EN.exists():
        print(f"needs {af.NTREX_EN} (the shared data folder)")
        return 2

    OUT.mkdir(parents=True, exist_ok=True)
    sentences = af.ntrex_lines()[: args.sentences]
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs; "
        f"threads (inter, intra) = {thread_settings()}"
    )
    t0 = time.perf_counter()
    archive = build_base_package(OUT / "package")
    models = Path(tempfile.mkdtemp(prefix="models-", dir=OUT))
    package = install_archive(archive, models / "packages")
    print(
        f"package: {archive.name}, {archive.stat().st_size / 1e6:.0f} MB "
        f"(built/installed in {time.perf_counter() - t0:.1f} s); {len(sentences)} sentences, "
        f"{args.tokens} tokens generated per sentence"
    )

    fixed = {"min_decoding_length": args.tokens, "max_decoding_length": args.tokens}
    print("translation:")
    t_argos, _ = timed(
        "argostranslate settings (1 call/sentence, beam 4, int8)",
        lambda: run_argos_settings(package, sentences, args.tokens),
    )
    t_engine, _ = timed(
        "tqcheck engine (batched, greedy, float32)",
        lambda: run_engine(package, sentences, DecodeOptions(**fixed)),
    )
    t_int8, _ = timed(
        "tqcheck engine (batched, greedy, int8)",
        lambda: run_engine(package, sentences, DecodeOptions(compute_type="int8", **fixed)),
    )
    t_beam, _ = timed(
        "tqcheck engine (batched, beam 4, float32)",
        lambda: run_engine(package, sentences, DecodeOptions(beam_size=4, **fixed)),
    )

    print("cache (fresh service each run, same sentences):")
    os.environ["TQCHECK_CACHE_DIR"] = str(models / "cache")
    options = DecodeOptions(**fixed)

    def cached_run() -> list[str]:
        service = TranslationService(models / "packages", options)
        try:
            return service.translate(sentences, "en", "xx")
        finally:
            service.close()

    t_first, first = timed("first run (translate + fill the cache)", cached_run)
    t_second, second = timed("second run (from the cache)", cached_run)
    assert first == second

    n = len(sentences)
    results = {
        "sentences": n,
        "tokens_per_sentence": args.tokens,
        "cpus": os.cpu_count(),
        "seconds": {
            "argos_settings": t_argos,
            "engine_float32_greedy": t_engine,
            "engine_int8_greedy": t_int8,
            "engine_float32_beam4": t_beam,
            "cache_first": t_first,
            "cache_second": t_second,
        },
    }
    print("sentences per second:")
    for key, seconds in results["seconds"].items():  # type: ignore[union-attr]
        print(f"  {key:<24} {n / seconds:10.1f}")
    print("ratios (same run):")
    print(f"  tqcheck default vs argostranslate settings: {t_argos / t_engine:6.1f}x")
    print(f"  tqcheck int8 greedy vs argostranslate settings: {t_argos / t_int8:6.1f}x")
    print(f"  tqcheck beam 4 (batching only) vs argostranslate settings: {t_argos / t_beam:6.1f}x")
    print(f"  cache: second run vs first run: {t_first / t_second:6.0f}x")
    (OUT / "translate_speed.json").write_text(json.dumps(results, indent=2))
    shutil.rmtree(models, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
