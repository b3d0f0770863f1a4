"""Configuration: ``[tool.tqcheck]`` in pyproject.toml or a ``tqcheck.toml``, found from the current
folder upwards (or given with ``--config``).  Unknown keys are errors.  Values become click's
``default_map``, so command-line flags override the file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError


def _str(v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError("a string")
    return v


def _strs(v: Any) -> list[str]:
    if isinstance(v, str):
        return [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise TypeError("a list of strings")
    return v


def _num(v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise TypeError("a number")
    return float(v)


def _int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError("an integer")
    return v


def _bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise TypeError("true or false")
    return v


def _choice(*choices: str) -> Callable[[Any], str]:
    def check(v: Any) -> str:
        if v not in choices:
            raise TypeError(f"one of {', '.join(choices)}")
        return str(v)

    return check


def _table_of_lists(v: Any) -> dict[str, list[str]]:
    if not isinstance(v, dict):
        raise TypeError("a table of lists")
    return {str(k): _strs(x) for k, x in v.items()}


#: key in the file -> (validator, command-line parameter name)
KEYS: dict[str, tuple[Callable[[Any], Any], str]] = {
    "select": (_strs, "select"),
    "ignore": (_strs, "ignore"),
    "fail-on": (_choice("error", "warning", "info", "never"), "fail_on"),
    "lang": (_str, "lang"),
    "source-lang": (_str, "source_lang"),
    "format": (_str, "output_format"),
    "encoding": (_str, "encoding"),
    "format-in": (_str, "format_in"),
    "language-data": (_strs, "language_data"),
    "calque-packs": (_strs, "calque_packs"),
    "exclude": (_strs, "exclude"),
    "per-file-ignores": (_table_of_lists, "per_file_ignores"),
    "jobs": (_int, "jobs"),
    "models-dir": (_str, "models_dir"),
    "round-trip-via": (_str, "round_trip_via"),
    "beam-size": (_int, "beam_size"),
    "min-bleu": (_num, "min_bleu"),
    "min-chrf": (_num, "min_chrf"),
    "max-ter": (_num, "max_ter"),
    "glossary": (_str, "glossary"),
    "include-fuzzy": (_bool, "include_fuzzy"),
    "tmx-langs": (_str, "tmx_langs"),
    "prefer": (_strs, "prefer"),
}

#: Keys whose paths are relative to the configuration file.
PATH_KEYS = {"language-data", "calque-packs", "models-dir", "glossary"}


def find_config(start: Path | None = None) -> Path | None:
    folder = (start or Path.cwd()).resolve()
    for d in [folder, *folder.parents]:
        for name in ("tqcheck.toml", ".tqcheck.toml"):
            if (d / name).is_file():
                return d / name
        pp = d / "pyproject.toml"
        if pp.is_file():
            try:
                data = tomllib.loads(pp.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if "tqcheck" in data.get("tool", {}):
                return pp
    return None


def load_config(path: Path) -> dict[str, Any]:
    """Validated settings from ``path``, keyed by command-line parameter name."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    table = data.get("tool", {}).get("tqcheck", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.tqcheck] must be a table")
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: unknown key {key!r} (known keys: {known})")
        validate, param = KEYS[key]
        try:
            value = validate(value)
        except TypeError as exc:
            raise ConfigError(f"{path}: {key!r} must be {exc}") from None
        if key in PATH_KEYS:
            value = ([str(path.parent / v) for v in value] if isinstance(value, list)
                     else str(path.parent / value))
        out[param] = value
    return out
