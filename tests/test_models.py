"""``tqcheck models``: install (file, URL, index), list, path, remove, and hostile archives."""

from __future__ import annotations

import json
import logging
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests import argos_fixtures as af
from tests.argos_testing import cli, install_all, isolate, tree_hash
from tqcheck.translate import packages as pk


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture
def models(tmp_path: Path, archives: dict[str, Path]) -> Path:
    """A models directory with the en→de package installed (so 'unchanged' means something)."""
    directory = tmp_path / "parent" / "packages"
    status, _, err = cli(
        "models", "install", str(archives["en_de"]), "--models-dir", str(directory)
    )
    assert status == 0, err
    return directory


# --------------------------------------------------------------------------- locations


def test_models_dir_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert pk.resolve_models_dir() == tmp_path / "xdg-data" / "argos-translate" / "packages"
    settings = tmp_path / "xdg-config" / "argos-translate" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({"ARGOS_PACKAGES_DIR": str(tmp_path / "from-settings")}))
    assert pk.resolve_models_dir() == tmp_path / "from-settings"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "argos-env"))
    assert pk.resolve_models_dir() == tmp_path / "argos-env"
    monkeypatch.setenv("TQCHECK_MODELS_DIR", str(tmp_path / "tq-env"))
    assert pk.resolve_models_dir() == tmp_path / "tq-env"
    assert pk.resolve_models_dir(tmp_path / "option") == tmp_path / "option"
    status, out, _ = cli("models", "path")
    assert (status, out) == (0, f"{tmp_path / 'tq-env'}\n")


def test_importing_resolution_creates_no_folders(tmp_path: Path) -> None:
    pk.resolve_models_dir()
    assert not (tmp_path / "xdg-data").exists()


# ------------------------------------------------------------- install, list, path, remove


def test_install_list_path_remove(tmp_path: Path, archives: dict[str, Path]) -> None:
    directory = tmp_path / "packages"
    install_all(archives, directory)
    status, out, _ = cli("models", "list", "--models-dir", str(directory))
    assert status == 0
    assert out.splitlines() == [
        "de\ten\t1.0\ttranslate-de_en-1_0\tGerman → English",
        "en\tde\t1.0\ttranslate-en_de-1_0\tEnglish → German",
        "en\teo\t1.0\ttranslate-en_eo-1_0\tEnglish → Esperanto",
        "eo\ten\t1.0\ttranslate-eo_en-1_0\tEsperanto → English",
    ]
    status, out, _ = cli("models", "path", "en", "de", "--models-dir", str(directory))
    assert (status, out) == (0, f"{directory / 'translate-en_de-1_0'}\n")
    status, out, _ = cli("models", "remove", "en", "de", "--models-dir", str(directory))
    assert (status, out) == (0, "removed en→de 1.0 (translate-en_de-1_0)\n")
    assert not (directory / "translate-en_de-1_0").exists()
    status, _, err = cli("models", "remove", "translate-en_de-1_0", "--models-dir", str(directory))
    assert status == 2
    assert "no package 'translate-en_de-1_0' installed" in err
    assert not list(tmp_path.glob(".tqcheck-*"))


def test_stray_folder_is_skipped_with_a_warning(
    models: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (models / "stray").mkdir()
    (models / "broken").mkdir()
    (models / "broken" / "metadata.json").write_text("{not json")
    with caplog.at_level(logging.WARNING, logger="tqcheck.translate.packages"):
        installed = pk.list_installed(models)
    assert [p.name for p in installed] == ["translate-en_de-1_0"]
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "stray: no metadata.json" in messages
    assert "broken: metadata.json is not valid JSON" in messages


def test_second_version_refused_then_forced(
    tmp_path: Path, models: Path, archives: dict[str, Path]
) -> None:
    sp_model = tmp_path / "sp.model"
    with zipfile.ZipFile(archives["en_de"]) as zf:
        sp_model.write_bytes(zf.read("translate-en_de-1_0/sentencepiece.model"))
    newer = af.build_package(tmp_path / "v11", "en", "de", sp_model, version="1.1")
    before = tree_hash(models)
    status, _, err = cli("models", "install", str(newer), "--models-dir", str(models))
    assert status == 2
    assert "en→de 1.0 is already installed (translate-en_de-1_0); use --force" in err
    assert tree_hash(models) == before
    status, _, err = cli("models", "install", str(newer), "--force", "--models-dir", str(models))
    assert status == 0, err
    assert [p.name for p in pk.list_installed(models)] == ["translate-en_de-1_1"]
    assert not list(models.parent.glob(".tqcheck-*"))


def test_install_from_url(tmp_path: Path, archives: dict[str, Path]) -> None:
    directory = tmp_path / "packages"
    url = archives["de_en"].as_uri()
    status, out, err = cli("models", "install", url, "--models-dir", str(directory))
    assert status == 0, err
    assert out == f"installed de→en 1.0 (translate-de_en-1_0) in {directory}\n"


def test_install_from_unreachable_url_is_one_line(tmp_path: Path) -> None:
    directory = tmp_path / "packages"
    url = "http://127.0.0.1:9/translate-ar_en-1_0.argosmodel"
    status, out, err = cli("models", "install", url, "--models-dir", str(directory))
    assert status == 3
    assert out == ""
    assert err.startswith(f"tqcheck: error: cannot download {url}: ")
    assert err.count("\n") == 1
    assert not directory.exists()


def test_install_pair_from_index(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, archives: dict[str, Path]
) -> None:
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    entries = [
        af.metadata("en", "eo", "0.9", links=["http://127.0.0.1:9/old.argosmodel"]),
        af.metadata("en", "eo", "1.0", links=[archives["en_eo"].as_uri()]),
        af.metadata("en", "de", "1.0", links=[archives["en_de"].as_uri()]),
        {"type": "sbd", "from_code": "en", "links": []},
    ]
    (index_dir / "index.json").write_text(json.dumps(entries))
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index_dir.as_uri() + "/")
    directory = tmp_path / "packages"
    status, out, err = cli("models", "install", "en", "eo", "--models-dir", str(directory))
    assert status == 0, err
    assert out.startswith("installed en→eo 1.0 ")
    cached = tmp_path / "xdg-data" / "argos-translate" / "index.json"
    assert json.loads(cached.read_text()) == entries
    status, out, _ = cli("models", "list", "--available")
    assert out.splitlines()[0] == "en\tde\t1.0\tEnglish → German"
    status, _, err = cli("models", "install", "en", "xx", "--models-dir", str(directory))
    assert (status, err) == (2, "tqcheck: error: no en→xx package in the index; from en: de, eo\n")


def test_offline_without_index_is_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    status, _, err = cli("models", "install", "ar", "en", "--models-dir", str(tmp_path / "p"))
    assert status == 3
    assert err.startswith("tqcheck: error: cannot download the Argos package index ")
    assert "no cached index at" in err
    assert err.count("\n") == 1
    assert "Recursion" not in err


def test_install_bad_arguments(tmp_path: Path) -> None:
    status, _, err = cli("models", "install", str(tmp_path / "nope.argosmodel"))
    assert status == 2
    assert "no such file" in err
    status, _, err = cli("models", "install", "a", "b", "c")
    assert status == 2


# --------------------------------------------------------------------------- hostile archives


def _valid_members(top: str = "evil") -> dict[str, bytes]:
    meta = json.dumps(af.metadata("fr", "en")).encode()
    return {
        f"{top}/metadata.json": meta,
        f"{top}/model/model.bin": b"\0" * 64,
        f"{top}/sentencepiece.model": b"sp",
    }


def _zip(
    path: Path, members: dict[str, bytes], extra: Callable[[zipfile.ZipFile], None] | None = None
) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if extra is not None:
            extra(zf)
    return path


def _symlink(zf: zipfile.ZipFile) -> None:
    info = zipfile.ZipInfo("evil/model/link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    zf.writestr(info, "/etc/passwd")


def _bomb(zf: zipfile.ZipFile) -> None:
    zf.writestr("evil/model/padding.bin", b"\0" * (32 * 1024 * 1024))


HOSTILE: dict[str, tuple[Callable[[Path], Path], str]] = {
    "zip slip": (
        lambda p: _zip(p, {**_valid_members(), "evil/../../escaped.txt": b"x"}),
        "escapes its folder ('..')",
    ),
    "absolute path": (
        lambda p: _zip(p, {**_valid_members(), "/tmp/tqcheck-absolute.txt": b"x"}),
        "has an absolute path",
    ),
    "symlink": (lambda p: _zip(p, _valid_members(), _symlink), "is a symbolic link"),
    "zip bomb": (lambda p: _zip(p, _valid_members(), _bomb), "zip bomb?"),
    "no metadata": (
        lambda p: _zip(p, {k: v for k, v in _valid_members().items() if "metadata" not in k}),
        "no evil/metadata.json",
    ),
    "invalid metadata JSON": (
        lambda p: _zip(p, {**_valid_members(), "evil/metadata.json": b'{"from_code": "fr",'}),
        "metadata.json is not valid JSON",
    ),
    "metadata without languages": (
        lambda p: _zip(p, {**_valid_members(), "evil/metadata.json": b'{"package_version": "1"}'}),
        "no valid 'from_code'",
    ),
    "two top-level folders": (
        lambda p: _zip(p, {**_valid_members(), **_valid_members("other")}),
        "2 top-level folders (evil, other)",
    ),
    "file at the top level": (
        lambda p: _zip(p, {**_valid_members(), "README.md": b"x"}),
        "at the top level",
    ),
    "not a zip": (lambda p: (p.write_bytes(b"not a zip at all"), p)[1], "not a zip archive"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_archive_refused_and_directory_unchanged(
    case: str, tmp_path: Path, models: Path
) -> None:
    build, expected = HOSTILE[case]
    archive = build(tmp_path / "hostile.argosmodel")
    parent_before = sorted(p.name for p in models.parent.iterdir())
    before = tree_hash(models)
    status, out, err = cli("models", "install", str(archive), "--models-dir", str(models))
    assert status == 2, err
    assert out == ""
    assert "refused" in err and expected in err, err
    assert err.count("\n") == 1
    assert tree_hash(models) == before
    assert sorted(p.name for p in models.parent.iterdir()) == parent_before
    assert not Path("/tmp/tqcheck-absolute.txt").exists()
    assert not (models.parent / "escaped.txt").exists()


def test_duplicate_pair_refused_and_directory_unchanged(
    models: Path, archives: dict[str, Path]
) -> None:
    before = tree_hash(models)
    status, _, err = cli("models", "install", str(archives["en_de"]), "--models-dir", str(models))
    assert status == 2
    assert "refused: en→de 1.0 is already installed" in err
    assert tree_hash(models) == before


def test_total_size_limit(tmp_path: Path, models: Path, archives: dict[str, Path]) -> None:
    before = tree_hash(models)
    limits = pk.ExtractionLimits(max_total_bytes=100_000)
    with pytest.raises(pk.PackageError, match="more than 100000 bytes uncompressed"):
        pk.install_archive(archives["de_en"], models, limits=limits)
    assert tree_hash(models) == before


def test_failure_during_extraction_leaves_no_trace(
    monkeypatch: pytest.MonkeyPatch, models: Path, archives: dict[str, Path]
) -> None:
    before = tree_hash(models)

    def broken(folder: Path) -> pk.InstalledPackage:
        raise pk.PackageError("simulated validation failure")

    monkeypatch.setattr(pk, "_validate_extracted", broken)
    with pytest.raises(pk.PackageError, match="simulated"):
        pk.install_archive(archives["de_en"], models)
    assert tree_hash(models) == before
    assert not list(models.parent.glob(".tqcheck-*"))


def test_list_empty_directory(tmp_path: Path) -> None:
    status, out, err = cli("models", "list", "--models-dir", str(tmp_path / "none"))
    assert (status, out) == (0, "")
    assert err == f"no packages installed in {tmp_path / 'none'}\n"


def _flip_byte_of(archive: Path, member_suffix: str, out: Path) -> Path:
    """A copy of ``archive`` with one byte of a member's stored data flipped (a damaged download)."""
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as zf:
        info = next(i for i in zf.infolist() if i.filename.endswith(member_suffix))
    # The local header: 30 bytes, then the name and the extra field, then the data.
    name_len = int.from_bytes(data[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(data[info.header_offset + 28:info.header_offset + 30], "little")
    start = info.header_offset + 30 + name_len + extra_len
    data[start + info.compress_size // 2] ^= 0x01
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("member", ["model/model.bin", "metadata.json"])
def test_damaged_archive_refused_in_one_line_and_nothing_installed(
    tmp_path: Path, models: Path, archives: dict[str, Path], member: str
) -> None:
    damaged = _flip_byte_of(archives["de_en"], member, tmp_path / "damaged.argosmodel")
    parent_before = sorted(p.name for p in models.parent.iterdir())
    before = tree_hash(models)
    status, out, err = cli("models", "install", str(damaged), "--models-dir", str(models))
    assert (status, out) == (2, ""), err
    assert err.count("\n") == 1 and "refused: the archive is damaged" in err, err
    assert tree_hash(models) == before
    assert sorted(p.name for p in models.parent.iterdir()) == parent_before
