"""Batched offline translation with Argos packages: SentencePiece, CTranslate2, SentencePiece.

Why not ``argostranslate.translate``: it imports stanza, spaCy and torch (seconds and hundreds of
megabytes), needs a network for sentence splitting, translates one paragraph per CTranslate2 call
with beam 4, and its decoder turns every ``_`` into a space.  This engine sends every segment of a
run through one ``ctranslate2.Translator`` per package in length-sorted batches, greedy by default,
and decodes SentencePiece pieces exactly.

Determinism: the default compute type is ``float32``.  With ``int8`` (CTranslate2's ``auto`` on most
CPUs) a sentence's output can change with the other sentences of its batch; with ``float32`` it
cannot, so a finding never depends on what else was in the file.  ``compute_type`` is an option for
those who prefer speed.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from tqcheck.errors import BackendError, InputError, MissingExtraError
from tqcheck.translate.packages import (
    InstalledPackage,
    list_installed,
    resolve_models_dir,
)

logger = logging.getLogger(__name__)

PIVOT = "en"
#: Runs with fewer uncached segments than this show no progress bar.
PROGRESS_MIN_SEGMENTS = 20

Progress = Callable[[int], None]


@dataclass(frozen=True)
class DecodeOptions:
    """Decoding settings; all of them take part in the cache key."""

    beam_size: int = 1
    compute_type: str = "float32"
    max_batch_size: int = 64
    #: One cap for every call, so that a sentence's output never depends on its batch mates.
    max_decoding_length: int = 512
    min_decoding_length: int = 1
    length_penalty: float = 1.0
    replace_unknowns: bool = True

    def __post_init__(self) -> None:
        if self.beam_size < 1:
            raise InputError(f"beam size must be at least 1 (got {self.beam_size})")
        if self.max_batch_size < 1:
            raise InputError(f"batch size must be at least 1 (got {self.max_batch_size})")

    def cache_options(self) -> dict[str, Any]:
        options = asdict(self)
        options.pop("max_batch_size")  # changes speed, never the output
        return options


def require_backend() -> tuple[ModuleType, ModuleType]:
    """CTranslate2 and SentencePiece, or a one-line :class:`MissingExtraError`."""
    try:
        import ctranslate2
        import sentencepiece
    except ImportError:
        raise MissingExtraError("re-translation with Argos models", "argos") from None
    return ctranslate2, sentencepiece


def available_cpus() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def thread_settings(cpus: int | None = None) -> tuple[int, int]:
    """``(inter_threads, intra_threads)`` for this machine.

    Measured on 2 cores (issue 5): batches in parallel, one thread each, beat one batch on all
    cores.  On bigger machines each batch gets 2–4 threads so that the number of in-flight
    batches (and memory) stays reasonable.
    """
    cpus = cpus or available_cpus()
    if cpus <= 4:
        return cpus, 1
    intra = 2 if cpus <= 16 else 4
    return max(1, cpus // intra), intra


class Translator:
    """One installed package, loaded once, translating many segments per call."""

    def __init__(
        self,
        package: InstalledPackage,
        options: DecodeOptions | None = None,
        *,
        threads: tuple[int, int] | None = None,
    ) -> None:
        ctranslate2, sentencepiece = require_backend()
        self.package = package
        self.options = options or DecodeOptions()
        sp_path = package.path / "sentencepiece.model"
        if not sp_path.exists():
            raise BackendError(f"{package.name}: no sentencepiece.model (unsupported package)")
        self.inter_threads, self.intra_threads = threads or thread_settings()
        try:
            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
            self._ct2 = ctranslate2.Translator(
                str(package.path / "model"),
                device="cpu",
                compute_type=self.options.compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise BackendError(f"cannot load {package.name}: {exc}") from None
        prefix = package.target_prefix
        self._prefix: list[str] | None = [prefix] if prefix else None

    @property
    def identity(self) -> str:
        return self.package.fingerprint()

    def encode(self, text: str) -> list[str]:
        pieces: list[str] = self._sp.encode(text, out_type=str)
        return pieces

    def decode(self, pieces: Sequence[str]) -> str:
        """Exact SentencePiece decoding (``_`` stays ``_``)."""
        return str(self._sp.decode_pieces(list(pieces)))

    def translate(self, texts: Sequence[str], progress: Progress | None = None) -> list[str]:
        """Translate ``texts`` (one segment each); output ``i`` is the translation of input ``i``.

        Blank inputs give blank outputs; leading and trailing whitespace is kept around the
        translation.  Identical inputs are translated once.
        """
        results = [""] * len(texts)
        unique: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            core = text.strip()
            if core:
                unique.setdefault(core, []).append(i)
            else:
                results[i] = text
        cores = list(unique)
        tokens = [self.encode(core) for core in cores]
        order = sorted(range(len(cores)), key=lambda j: (len(tokens[j]), j))
        chunk = self.options.max_batch_size * self.inter_threads * 4
        for start in range(0, len(order), chunk):
            ids = order[start : start + chunk]
            outputs = self._translate_tokens([tokens[j] for j in ids])
            for j, out in zip(ids, outputs, strict=True):
                for i in unique[cores[j]]:
                    text = texts[i]
                    lead = text[: len(text) - len(text.lstrip())]
                    trail = text[len(text.rstrip()) :]
                    results[i] = lead + out + trail
            if progress is not None:
                progress(sum(len(unique[cores[j]]) for j in ids))
        return results

    def _translate_tokens(self, batch: list[list[str]]) -> list[str]:
        opts = self.options
        try:
            results = self._ct2.translate_batch(
                batch,
                target_prefix=[self._prefix] * len(batch) if self._prefix else None,
                max_batch_size=opts.max_batch_size,
                batch_type="examples",
                beam_size=opts.beam_size,
                num_hypotheses=1,
                length_penalty=opts.length_penalty,
                max_decoding_length=opts.max_decoding_length,
                min_decoding_length=opts.min_decoding_length,
                replace_unknowns=opts.replace_unknowns,
            )
        except (RuntimeError, ValueError) as exc:
            raise BackendError(f"{self.package.name}: translation failed: {exc}") from None
        outputs: list[str] = []
        for result in results:
            pieces = list(result.hypotheses[0])
            if self._prefix and pieces[: len(self._prefix)] == self._prefix:
                pieces = pieces[len(self._prefix) :]
            outputs.append(self.decode(pieces))
        return outputs


def find_route(
    packages: Sequence[InstalledPackage], from_code: str, to_code: str, models_dir: Path
) -> list[InstalledPackage]:
    """The packages that take ``from_code`` to ``to_code``: a direct one, or two through English."""
    if from_code == to_code:
        return []
    by_pair: dict[tuple[str, str], InstalledPackage] = {}
    for package in packages:  # sorted by version, so the newest wins
        by_pair[(package.from_code, package.to_code)] = package
    if (from_code, to_code) in by_pair:
        return [by_pair[(from_code, to_code)]]
    first, second = by_pair.get((from_code, PIVOT)), by_pair.get((PIVOT, to_code))
    if first is not None and second is not None:
        return [first, second]
    hint = f"tqcheck models install {from_code} {to_code}"
    if PIVOT not in (from_code, to_code):
        missing = [
            f"{a} {b}"
            for (a, b), p in (((from_code, PIVOT), first), ((PIVOT, to_code), second))
            if p is None
        ]
        hint += f" (or, through English, tqcheck models install {' and '.join(missing)})"
    raise BackendError(
        f"no installed package translates {from_code}→{to_code} in {models_dir}; run: {hint}"
    )


def progress_wanted(machine_readable: bool = False) -> bool:
    """A progress bar only for a person at a terminal: stderr is a tty, the output is not meant
    for a program, and this is not CI."""
    if machine_readable or os.environ.get("CI"):
        return False
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress_bar(label: str, total: int, enabled: bool) -> Iterator[Progress | None]:
    """A click progress bar on stderr, or nothing."""
    if not enabled or total < PROGRESS_MIN_SEGMENTS:
        yield None
        return
    import click

    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        yield bar.update


class TranslationService:
    """Translation between any two installed languages, with caching and pivoting."""

    def __init__(
        self,
        models_dir: str | os.PathLike[str] | None = None,
        options: DecodeOptions | None = None,
        *,
        use_cache: bool = True,
        cache_path: Path | None = None,
        progress: bool = False,
    ) -> None:
        self.models_dir = resolve_models_dir(models_dir)
        self.options = options or DecodeOptions()
        self.progress = progress
        self._translators: dict[Path, Translator] = {}
        self._packages: list[InstalledPackage] | None = None
        self.used: dict[str, InstalledPackage] = {}
        self.cache = None
        if use_cache:
            from tqcheck.translate.cache import TranslationCache

            self.cache = TranslationCache(cache_path)
        self.hits = 0
        self.misses = 0

    def packages(self) -> list[InstalledPackage]:
        if self._packages is None:
            self._packages = list_installed(self.models_dir)
        return self._packages

    def route(self, from_code: str, to_code: str) -> list[InstalledPackage]:
        return find_route(self.packages(), from_code, to_code, self.models_dir)

    def translator(self, package: InstalledPackage) -> Translator:
        if package.path not in self._translators:
            self._translators[package.path] = Translator(package, self.options)
        return self._translators[package.path]

    def translate(self, texts: Sequence[str], from_code: str, to_code: str) -> list[str]:
        """Translate every text from ``from_code`` to ``to_code`` (pivoting through English when
        no direct package is installed)."""
        require_backend()
        out = list(texts)
        for package in self.route(from_code, to_code):
            out = self._step(package, out)
        return out

    def _step(self, package: InstalledPackage, texts: list[str]) -> list[str]:
        from tqcheck.model import ModelPackage
        from tqcheck.translate.usage import record

        self.used[package.name] = package
        record(ModelPackage("argos", package.from_code, package.to_code,
                            package.package_version, package.name))
        if self.cache is None:
            translator = self.translator(package)
            with progress_bar(package.pair, len(texts), self.progress) as update:
                return translator.translate(texts, update)
        from tqcheck.translate.cache import cache_key

        options = self.options.cache_options()
        identity = package.fingerprint()
        keys = [cache_key(identity, options, text) for text in texts]
        found = self.cache.get_many(keys)
        missing = sorted({i for i, key in enumerate(keys) if key not in found})
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            translator = self.translator(package)
            with progress_bar(package.pair, len(missing), self.progress) as update:
                fresh = translator.translate([texts[i] for i in missing], update)
            new = {keys[i]: value for i, value in zip(missing, fresh, strict=True)}
            self.cache.put_many(new.items())
            found.update(new)
        return [found[key] for key in keys]

    def signature(self) -> dict[str, Any]:
        """What produced the translations (for report signatures)."""
        return {
            "packages": [
                {"name": p.name, "pair": f"{p.from_code}-{p.to_code}", "version": p.package_version}
                for p in self.used.values()
            ],
            "decoding": self.options.cache_options(),
        }

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
