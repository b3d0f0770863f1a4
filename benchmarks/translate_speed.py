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
the same machine serve every path, in one run; ratios are computed from that run only.  The paths
take turns over chunks of 100 sentences, so that a machine shared with other work slows them alike;
model loading is counted in every path.
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
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import argos_fixtures as af  # noqa: E402
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


class ArgosSettings:
    """argostranslate's translation calls, reproduced with CTranslate2 directly."""

    def __init__(self, package: InstalledPackage, tokens: int) -> None:
        import ctranslate2
        import sentencepiece

        self.sp = sentencepiece.SentencePieceProcessor(
            model_file=str(package.path / "sentencepiece.model")
        )
        self.translator = ctranslate2.Translator(
            str(package.path / "model"),
            device="cpu",
            compute_type="auto",
            inter_threads=1,
            intra_threads=0,
        )
        self.tokens = tokens

    def translate(self, sentences: Sequence[str]) -> list[str]:
        out = []
        for sentence in sentences:  # argostranslate: one call per paragraph (= line)
            batch = self.translator.translate_batch(
                [self.sp.encode(sentence, out_type=str)],
                replace_unknowns=True,
                max_batch_size=32,
                batch_type="tokens",
                beam_size=4,
                num_hypotheses=1,
                length_penalty=0.2,
                return_scores=True,
                min_decoding_length=self.tokens,
                max_decoding_length=self.tokens,
            )
            value = argos_decode(self.sp, batch[0].hypotheses[0])
            out.append(value[1:] if value.startswith(" ") else value)
        return out


class _FixedLength:
    """A ``ctranslate2.Translator`` whose every ``translate_batch`` generates exactly ``tokens``
    tokens (random weights would otherwise decode to an arbitrary length)."""

    def __init__(self, tokens: int, real: Any) -> None:
        self._tokens = tokens
        self._real = real

    def translate_batch(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["min_decoding_length"] = kwargs["max_decoding_length"] = self._tokens
        return self._real.translate_batch(*args, **kwargs)


def argostranslate_path(models: Path, tokens: int) -> Callable[[Sequence[str]], list[str]] | None:
    """``argostranslate.translate`` itself, when the full stack (stanza, spaCy, torch) is installed.

    Two things are replaced, both in argostranslate's favour: its sentence splitter (MiniSBD, which
    downloads a model at first use and cannot run offline) by one that returns the line as one
    sentence, and the decoding length (fixed, as for every path).  Everything else — its package
    loading, tokenizer, ``translate_batch`` settings and decoding — is argostranslate's own.
    """
    os.environ["ARGOS_PACKAGES_DIR"] = str(models / "packages")
    try:
        import argostranslate.translate as at
    except ImportError as exc:
        print(f"argostranslate.translate not importable ({exc}); skipping that path")
        return None

    class WholeLine:
        def __init__(self, pkg: Any) -> None:
            self.pkg = pkg

        def split_sentences(self, text: str) -> list[str]:
            return [text]

    import ctranslate2

    class Module:
        @staticmethod
        def Translator(*args: Any, **kwargs: Any) -> _FixedLength:
            return _FixedLength(tokens, ctranslate2.Translator(*args, **kwargs))

    at.MiniSBDSentencizer = WholeLine  # type: ignore[misc,assignment]
    at.ctranslate2 = Module  # type: ignore[assignment]
    translation = at.get_translation_from_codes("en", "xx")

    def run(sentences: Sequence[str]) -> list[str]:
        return [translation.translate(s) for s in sentences]  # one call per line, as users do

    return run


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1000)
    parser.add_argument("--tokens", type=int, default=32, help="tokens generated per sentence")
    parser.add_argument("--chunk", type=int, default=100, help="sentences per interleaved round")
    args = parser.parse_args(argv)
    if not af.NTREX_EN.exists():
        print(f"needs {af.NTREX_EN} (the shared data folder)")
        return 2

    OUT.mkdir(parents=True, exist_ok=True)
    sentences = af.ntrex_lines()[: args.sentences]
    load_start = os.getloadavg()[0]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {load_start:.1f}; "
        f"tqcheck threads (inter, intra) = {thread_settings()}"
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
    paths: dict[str, Callable[[], Callable[[Sequence[str]], list[str]]]] = {
        "argos_settings": lambda: ArgosSettings(package, args.tokens).translate,
        "tqcheck_float32_greedy": lambda: Translator(package, DecodeOptions(**fixed)).translate,
        "tqcheck_int8_greedy": lambda: (
            Translator(package, DecodeOptions(compute_type="int8", **fixed)).translate
        ),
        "tqcheck_float32_beam4": lambda: (
            Translator(package, DecodeOptions(beam_size=4, **fixed)).translate
        ),
    }
    real_argos = argostranslate_path(models, args.tokens)
    if real_argos is not None:
        paths = {"argostranslate_translate": lambda: real_argos, **paths}
    labels = {
        "argostranslate_translate": "argostranslate.translate itself (1.11, its defaults)",
        "argos_settings": "argostranslate settings (1 call/sentence, beam 4, int8)",
        "tqcheck_float32_greedy": "tqcheck engine default (batched, greedy, float32)",
        "tqcheck_int8_greedy": "tqcheck engine (batched, greedy, int8)",
        "tqcheck_float32_beam4": "tqcheck engine (batched, beam 4, float32)",
    }
    seconds = dict.fromkeys(paths, 0.0)
    runners = {}
    for name, make in paths.items():  # model loading counts for every path
        start = time.perf_counter()
        runners[name] = make()
        seconds[name] += time.perf_counter() - start
    # The paths take turns, chunk by chunk, so that a busy machine slows them alike.
    for start_index in range(0, len(sentences), args.chunk):
        chunk = sentences[start_index : start_index + args.chunk]
        for name, run in runners.items():
            start = time.perf_counter()
            run(chunk)
            seconds[name] += time.perf_counter() - start
        print(f"  {start_index + len(chunk)} sentences done", flush=True)

    print("cache (a fresh service for each run, same sentences):")
    os.environ["TQCHECK_CACHE_DIR"] = str(models / "cache")
    options = DecodeOptions(**fixed)

    def cached_run() -> list[str]:
        service = TranslationService(models / "packages", options)
        try:
            return service.translate(sentences, "en", "xx")
        finally:
            service.close()

    for name in ("cache_first_run", "cache_second_run"):
        start = time.perf_counter()
        cached_run()
        seconds[name] = time.perf_counter() - start
    labels["cache_first_run"] = "first run (translate + fill the cache)"
    labels["cache_second_run"] = "second run (from the cache)"

    n = len(sentences)
    print(f"results ({n} sentences; load average now {os.getloadavg()[0]:.1f}):")
    print(f"  {'path':<58} {'seconds':>9} {'sent/s':>9}")
    for name, value in seconds.items():
        print(f"  {labels[name]:<58} {value:9.2f} {n / value:9.1f}")
    base = seconds["argos_settings"]
    ratios = {
        "tqcheck default vs argostranslate settings": base / seconds["tqcheck_float32_greedy"],
        "tqcheck int8 greedy vs argostranslate settings": base / seconds["tqcheck_int8_greedy"],
        "tqcheck beam 4 float32 vs argostranslate settings": base
        / seconds["tqcheck_float32_beam4"],
        "cache: first run / second run": seconds["cache_first_run"] / seconds["cache_second_run"],
    }
    if "argostranslate_translate" in seconds:
        ratios["tqcheck default vs argostranslate.translate"] = (
            seconds["argostranslate_translate"] / seconds["tqcheck_float32_greedy"])
        ratios["tqcheck int8 greedy vs argostranslate.translate"] = (
            seconds["argostranslate_translate"] / seconds["tqcheck_int8_greedy"])
    print("ratios (same run):")
    for label, ratio in ratios.items():
        print(f"  {label:<58} {ratio:9.1f}x")
    results = {
        "sentences": n,
        "tokens_per_sentence": args.tokens,
        "cpus": os.cpu_count(),
        "load_average_start": load_start,
        "seconds": seconds,
        "ratios": ratios,
    }
    (OUT / "translate_speed.json").write_text(json.dumps(results, indent=2))
    shutil.rmtree(models, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
