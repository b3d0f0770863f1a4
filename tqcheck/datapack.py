"""Data packs: the TOML tables that drive checks, built in (``tqcheck/data/``) or given by the
user (``--language-data``, ``--calque-packs``).  One loader reads both, with the same errors, so
that a user file fails the way a broken built-in one would, in one line.

Built-in tables are read once per process (cached); a user file is read each time it is asked
for (the callers cache what they build from it).
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError


def _parse(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: invalid TOML: {exc}") from None


@cache
def builtin(name: str) -> dict[str, Any] | None:
    """The built-in table ``tqcheck/data/<name>`` (e.g. ``"pairs.toml"``, ``"lang/de.toml"``), or
    None when there is none.  Callers must not modify it."""
    res = resources.files("tqcheck").joinpath("data", *name.split("/"))
    if not res.is_file():
        return None
    return _parse(res.read_text(encoding="utf-8"), f"tqcheck/data/{name}")


@cache
def builtin_lines(name: str) -> tuple[str, ...] | None:
    """The lines of the built-in text file ``tqcheck/data/<name>`` (e.g. ``"lexicon/de.txt"``),
    in order, without blank lines and ``#`` comments; None when there is none."""
    res = resources.files("tqcheck").joinpath("data", *name.split("/"))
    if not res.is_file():
        return None
    return tuple(line for line in res.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#"))


@cache
def builtin_names(folder: str, suffix: str = ".toml") -> tuple[str, ...]:
    """The names of the built-in files of ``tqcheck/data/<folder>`` that end in ``suffix``."""
    root = resources.files("tqcheck").joinpath("data", folder)
    if not root.is_dir():
        return ()
    return tuple(sorted(res.name for res in root.iterdir() if res.name.endswith(suffix)))


def builtin_table(name: str) -> dict[str, Any]:
    """The built-in table ``name``, which must exist."""
    table = builtin(name)
    if table is None:
        raise FileNotFoundError(f"tqcheck/data/{name}")
    return table


@cache
def builtin_folder(folder: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """``(file name, table)`` of every ``.toml`` file of ``tqcheck/data/<folder>``, by name."""
    root = resources.files("tqcheck").joinpath("data", folder)
    names = sorted(res.name for res in root.iterdir() if res.name.endswith(".toml"))
    return tuple((name, builtin_table(f"{folder}/{name}")) for name in names)


def user_file(path: str | Path, what: str) -> dict[str, Any]:
    """A user's TOML file holding ``what`` (``"language data"``, ``"calque pack"`` …); an
    unreadable or invalid file is a one-line :class:`ConfigError`."""
    p = Path(path)
    try:
        text = p.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: cannot read {what}: not UTF-8") from None
    return _parse(text, str(p))
