"""The translation engine, cache and ``tqcheck translate`` on genuine packages (no mocks)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from tests import argos_fixtures as af
from tests.argos_testing import cli, isolate, need_data
from tqcheck.errors import BackendError, InputError
from tqcheck.translate import engine
from tqcheck.translate.cache import TranslationCache, cache_key
from tqcheck.translate.engine import DecodeOptions, TranslationService, Translator
from tqcheck.translate.packages import find_package, install_archive

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture(scope="session")
def sentences() -> list[str]:
    need_data()
    lines = af.ntrex_lines()
    return [*lines[:120], "snake_case names like max_value and user_id stay intact"]


def service(models: Path, **kwargs: object) -> TranslationService:
    return TranslationService(models, **kwargs)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- exactness


def test_copy_model_returns_input_exactly(models: Path, sentences: list[str]) -> None:
    svc = service(models, use_cache=False)
    assert svc.translate(sentences, "en", "de") == sentences


def test_underscore_decoded_exactly(models: Path) -> None:
    # argostranslate's decoder would give "snake case names like max value ..."
    text = "snake_case names like max_value and user_id stay intact"
    assert service(models, use_cache=False).translate([text], "en", "de") == [text]


def test_copy_round_trip(models: Path, sentences: list[str]) -> None:
    svc = service(models, use_cache=False)
    there = svc.translate(sentences, "en", "de")
    assert svc.translate(there, "de", "en") == sentences


def test_cipher_and_inverse_cipher(models: Path, sentences: list[str]) -> None:
    svc = service(models, use_cache=False)
    ciphered = svc.translate(sentences, "en", "eo")
    changed = sum(a != b for a, b in zip(ciphered, sentences, strict=True))
    assert changed == len(sentences)
    # A character cipher: same words lengths and spaces, other characters.
    for plain, secret in zip(sentences, ciphered, strict=True):
        assert [len(w) for w in secret.split(" ")] == [len(w) for w in plain.split(" ")]
    assert svc.translate(sentences, "en", "eo") == ciphered
    assert svc.translate(ciphered, "eo", "en") == sentences


def test_pivot_through_english(models: Path, sentences: list[str]) -> None:
    svc = service(models, use_cache=False)
    assert [p.name for p in svc.route("eo", "de")] == ["translate-eo_en-1_0", "translate-en_de-1_0"]
    ciphered = svc.translate(sentences, "en", "eo")
    assert svc.translate(ciphered, "eo", "de") == sentences


def test_no_route_is_a_backend_error(models: Path) -> None:
    with pytest.raises(BackendError, match=r"no installed package translates eo→fr .* en fr"):
        service(models, use_cache=False).translate(["x"], "eo", "fr")


def test_blank_lines_and_whitespace_are_kept(models: Path) -> None:
    svc = service(models, use_cache=False)
    assert svc.translate(["", "  Hello there.  ", "   "], "en", "de") == [
        "",
        "  Hello there.  ",
        "   ",
    ]


def test_beam_search_option(models: Path, sentences: list[str]) -> None:
    svc = service(models, options=DecodeOptions(beam_size=4), use_cache=False)
    assert svc.translate(sentences[:20], "en", "de") == sentences[:20]
    with pytest.raises(InputError):
        DecodeOptions(beam_size=0)


def test_target_prefix_is_forced_and_stripped(
    tmp_path: Path, archives: dict[str, Path], sentences: list[str]
) -> None:
    sp_model = tmp_path / "sp.model"
    with zipfile.ZipFile(archives["en_de"]) as zf:
        sp_model.write_bytes(zf.read("translate-en_de-1_0/sentencepiece.model"))
    prefix = "▁the"
    archive = af.build_package(
        tmp_path / "pfx", "en", "fr", sp_model, extra_metadata={"target_prefix": prefix}
    )
    directory = tmp_path / "packages"
    install_archive(archive, directory)
    package = find_package(directory, "en", "fr")
    assert package is not None and package.target_prefix == prefix
    translator = Translator(package, DecodeOptions())
    # The hand-wired model reads source position t at decoder step t, so a forced one-token
    # prefix takes step 0: the output is the source without its first piece, prefix removed.
    for text in sentences[:10]:
        pieces = translator.encode(text)
        assert translator.translate([text]) == [translator.decode(pieces[1:])]


@pytest.mark.slow
def test_output_does_not_depend_on_batch_mates(tmp_path: Path, sentences: list[str]) -> None:
    sp_model = af.train_sentencepiece(tmp_path / "sp" / "u", sentences, vocab_size=400)
    size = {"layers": 2, "d_model": 128, "heads": 4, "ffn_dim": 256}
    archive = af.build_package(
        tmp_path, "en", "ru", sp_model, random_weights=True, random_size=size
    )
    package = install_archive(archive, tmp_path / "packages")
    options = DecodeOptions(max_decoding_length=24, max_batch_size=8)
    translator = Translator(package, options)
    probe = sentences[:12]
    alone = [translator.translate([s])[0] for s in probe]
    assert len(set(alone)) > 1  # random weights: varied, nonsense outputs
    mates = sentences[12:100]
    for seed in range(3):
        batch = probe + mates
        random.Random(seed).shuffle(batch)
        out = dict(zip(batch, translator.translate(batch), strict=True))
        assert [out[s] for s in probe] == alone
    small = Translator(package, DecodeOptions(max_decoding_length=24, max_batch_size=3))
    assert small.translate(probe) == alone


def test_thread_settings() -> None:
    assert engine.thread_settings(1) == (1, 1)
    assert engine.thread_settings(2) == (2, 1)
    assert engine.thread_settings(8) == (4, 2)
    assert engine.thread_settings(64) == (16, 4)


# --------------------------------------------------------------------------- cache


def test_cache_second_run_is_served_from_cache(models: Path, sentences: list[str]) -> None:
    first = service(models)
    out = first.translate(sentences, "en", "eo")
    assert (first.hits, first.misses) == (0, len(sentences))
    first.close()
    second = service(models)
    assert second.translate(sentences, "en", "eo") == out
    assert (second.hits, second.misses) == (len(sentences), 0)
    assert second._translators == {}  # the model was never loaded
    second.close()
    beam = service(models, options=DecodeOptions(beam_size=2))
    beam.translate(sentences[:5], "en", "eo")
    assert beam.misses == 5  # decoding options are part of the key
    beam.close()


def test_cache_key_covers_package_options_and_text() -> None:
    base = cache_key("pkg-1.0", {"beam_size": 1}, "text")
    assert base == cache_key("pkg-1.0", {"beam_size": 1}, "text")
    assert base != cache_key("pkg-1.1", {"beam_size": 1}, "text")
    assert base != cache_key("pkg-1.0", {"beam_size": 2}, "text")
    assert base != cache_key("pkg-1.0", {"beam_size": 1}, "text ")


@pytest.mark.slow
def test_cache_is_safe_under_concurrent_processes(tmp_path: Path) -> None:
    db = tmp_path / "shared.sqlite3"
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from tqcheck.translate.cache import TranslationCache
        db, who = Path(sys.argv[1]), sys.argv[2]
        for round in range(40):
            cache = TranslationCache(db)
            items = [(f"shared-{round}-{i}", "same") for i in range(50)]
            items += [(f"{who}-{round}-{i}", who) for i in range(50)]
            cache.put_many(items)
            assert len(cache.get_many([k for k, _ in items])) == 100
            cache.close()
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(db), who], env=env, stderr=subprocess.PIPE
        )
        for who in ("a", "b")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with TranslationCache(db) as cache:
        assert len(cache) == 40 * 50 * 3
        journal = cache._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"


def test_cache_dir_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "elsewhere"))
    with TranslationCache() as cache:
        assert cache.path == tmp_path / "elsewhere" / "translations.sqlite3"


# --------------------------------------------------------------------------- progress


def test_progress_only_for_a_person(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert engine.progress_wanted() is True
    assert engine.progress_wanted(machine_readable=True) is False
    monkeypatch.setenv("CI", "true")
    assert engine.progress_wanted() is False
    monkeypatch.delenv("CI")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert engine.progress_wanted() is False
    with engine.progress_bar("en→de", 100, enabled=False) as update:
        assert update is None
    with engine.progress_bar("en→de", 3, enabled=True) as update:
        assert update is None  # too short to bother


# --------------------------------------------------------------------------- the command


def test_translate_command(tmp_path: Path, models: Path, sentences: list[str]) -> None:
    source = tmp_path / "in.txt"
    source.write_text("\n".join(sentences[:30]) + "\n", encoding="utf-8")
    out = tmp_path / "out.eo"
    status, stdout, err = cli(
        "translate", str(source), "--from", "en", "--to", "eo", "-o", str(out),
        "--models-dir", str(models),
    )  # fmt: skip
    assert (status, stdout, err) == (0, "", "")
    ciphered = out.read_text(encoding="utf-8").splitlines()
    assert len(ciphered) == 30
    status, stdout, _ = cli(
        "translate", str(out), "--from", "eo", "--to", "de", "--models-dir", str(models),
        "--no-cache",
    )  # fmt: skip
    assert status == 0
    assert stdout.splitlines() == sentences[:30]


def test_translate_command_errors(tmp_path: Path, models: Path) -> None:
    status, _, err = cli("translate", str(tmp_path / "missing.txt"), "--from", "en", "--to", "de")
    assert status == 2 and "missing.txt" in err
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café\n".encode("latin-1"))
    status, _, err = cli("translate", str(latin1), "--from", "en", "--to", "de")
    assert status == 2 and "not UTF-8" in err
    status, _, err = cli(
        "translate", str(latin1), "--from", "xx", "--to", "de", "--models-dir", str(models)
    )
    assert status == 2 or status == 3
    assert err.startswith("tqcheck: error: ") and err.count("\n") == 1


def _run_python(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_missing_backend_is_a_one_line_error(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Hello.\n", encoding="utf-8")
    proc = _run_python(
        """
        import sys
        sys.modules["ctranslate2"] = None  # as if the extra were not installed
        from tqcheck.cli import main
        sys.exit(main(["translate", sys.argv[1], "--from", "en", "--to", "de"]))
        """,
        str(source),
    )
    assert proc.returncode == 3
    assert proc.stderr == (
        "tqcheck: error: re-translation with Argos models needs the optional dependencies: "
        "pip install 'tqcheck[argos]'\n"
    )


@pytest.mark.slow
def test_never_imports_the_heavy_stack(models: Path, tmp_path: Path) -> None:
    proc = _run_python(
        """
        import sys
        from pathlib import Path
        from tqcheck.cli import main
        import tqcheck.checks.fidelity_mt
        from tqcheck.translate.engine import TranslationService
        models = Path(sys.argv[1])
        assert main(["models", "list", "--models-dir", str(models)]) == 0
        svc = TranslationService(models, use_cache=False)
        assert svc.translate(["Hello world."], "en", "de") == ["Hello world."]
        heavy = ["argostranslate.translate", "stanza", "spacy", "torch"]
        loaded = [m for m in heavy if m in sys.modules]
        print("loaded:", loaded)
        sys.exit(1 if loaded else 0)
        """,
        str(models),
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "loaded: []" in proc.stdout
