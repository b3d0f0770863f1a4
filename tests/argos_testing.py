"""Pytest helpers shared by the re-translation tests (imported by the test modules)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests import argos_fixtures as af

ENV_VARS = (
    "ARGOS_PACKAGES_DIR",
    "ARGOS_PACKAGE_INDEX",
    "TQCHECK_MODELS_DIR",
    "TQCHECK_CACHE_DIR",
    "CI",
)


def isolate(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the real argos or tqcheck folders."""
    for name in ENV_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("TQCHECK_CACHE_DIR", str(tmp_path / "cache"))


def need_data() -> None:
    if not af.NTREX_EN.exists():
        pytest.skip("shared data (../shared/data/ntrex) not available")


def cli(*args: str) -> tuple[int, str, str]:
    """Run ``tqcheck ARGS`` in-process; returns (status, stdout, stderr)."""
    from tqcheck.cli import cli as group

    result = CliRunner().invoke(group, list(args), standalone_mode=False)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    status = result.return_value if isinstance(result.return_value, int) else 0
    return status, result.stdout, result.stderr


def tree_hash(root: Path) -> str:
    """Names, types and contents of everything under ``root`` (byte-for-byte comparison)."""
    digest = hashlib.sha256()
    if not root.exists():
        return "absent"
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            digest.update(f"L:{rel}:{path.readlink()}\n".encode())
        elif path.is_dir():
            digest.update(f"D:{rel}\n".encode())
        else:
            digest.update(f"F:{rel}:".encode() + path.read_bytes() + b"\n")
    return digest.hexdigest()


def install_all(archives: dict[str, Path], models_dir: Path) -> None:
    for archive in archives.values():
        status, out, err = cli("models", "install", str(archive), "--models-dir", str(models_dir))
        assert status == 0, err
        assert out.startswith("installed ")
