"""Option bundles shared by the commands, derived from the typed settings (``tqcheck.config``):
each settings field's :class:`~tqcheck.config.Option` gives its flags, help and click arguments,
so a flag, its configuration key and the field it sets are declared once."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, TypeVar

import click

from tqcheck.config import PARAM_NAMES, PARTS, Settings, option_of
from tqcheck.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])


def _click_type(kind: Any) -> Any:
    if kind == "file":
        return click.Path(dir_okay=False)
    if kind == "dir":
        return click.Path(file_okay=False)
    if kind == "positive":
        return click.IntRange(min=1)
    if isinstance(kind, tuple):
        return click.Choice(list(kind))
    return kind


def _default(name: str) -> Any:
    for cls in (Settings, *PARTS.values()):
        for f in fields(cls):
            if f.name == name:
                return f.default
    from tqcheck.config import ScoreGateSettings

    return next(f.default for f in fields(ScoreGateSettings) if f.name == name)


def setting_option(name: str, help: str | None = None) -> Callable[[F], F]:
    """The click option of the settings field ``name`` (``help``: what it means to a command
    that uses it otherwise than ``audit``)."""
    option = option_of(name)
    kwargs: dict[str, Any] = dict(option.click)
    if "type" in kwargs:
        kwargs["type"] = _click_type(kwargs["type"])
    if not kwargs.get("multiple"):
        kwargs.setdefault("default", _default(name))
    decorator: Callable[[F], F] = click.option(*option.flags, PARAM_NAMES.get(name, name),
                                               help=help or option.help, **kwargs)
    return decorator


def setting_options(*names: str, helps: Mapping[str, str] | None = None) -> Callable[[F], F]:
    """The click options of these settings fields, in this order in ``--help`` (``helps``: help
    texts of this command that replace a field's own)."""

    def decorate(func: F) -> F:
        for name in reversed(names):
            func = setting_option(name, (helps or {}).get(name))(func)
        return func

    return decorate


def load_config_into_context(ctx: click.Context, param: click.Parameter, value: str | None
                             ) -> str | None:
    """Eager ``--config`` callback: read the configuration file into click's ``default_map``."""
    from tqcheck.config import find_config, load_config

    path = Path(value) if value else find_config()
    if value and not Path(value).is_file():
        raise click.BadParameter(f"{value}: no such file", ctx=ctx, param=param)
    if path is not None:
        settings = load_config(path)
        if "per_file_ignores" in settings:
            # The table becomes the repeatable option's "GLOB=CODES" values.
            settings["per_file_ignores"] = [f"{glob}={','.join(codes)}" for glob, codes
                                            in settings["per_file_ignores"].items()]
        ctx.default_map = {**(ctx.default_map or {}), **settings}
        ctx.meta["tqcheck.config"] = str(path)
    return str(path) if path else None


def config_path() -> list[str]:
    """The configuration file this command read (an input no output may replace), if any."""
    ctx = click.get_current_context(silent=True)
    found = ctx.meta.get("tqcheck.config") if ctx is not None else None
    return [found] if found else []


def config_option(func: F) -> F:
    decorator: Callable[[F], F] = click.option(
        "--config", type=click.Path(dir_okay=False), is_eager=True, expose_value=False,
        callback=load_config_into_context,
        help="Configuration file (default: tqcheck.toml or [tool.tqcheck] in pyproject.toml, "
             "searched upwards).")
    return decorator(func)


#: The decoding options of every command that translates (``audit``, ``translate``).
DECODE_SETTINGS = ("models_dir", "beam_size", "compute_type", "progress", "no_cache")

#: The options of the commands that read corpora (``audit``, ``filter``): where a record keeps
#: its parts, and where partitions run.
CORPUS_SETTINGS = ("text_field", "source_field", "id_field", "columns", "engine", "scheduler",
                   "workers", "partition_size")

#: The options of ``tqcheck audit``, in the order ``--help`` lists them.
AUDIT_SETTINGS = (
    "lang", "source_lang", "select", "ignore", "fail_on", "format", "output", "baseline",
    "write_baseline", "jobs", "exclude", "per_file_ignores", "encoding", "stdin_filename", "format_in",
    "language_data", "calque_packs", "ref", "source", "glossary", "include_fuzzy", "tmx_langs",
    "round_trip_via", "models_dir", "beam_size", "compute_type", "progress", "no_cache", "fix",
    "unsafe_fixes", "diff", "fix_only", "prefer", "color", "quiet", "show_source", *CORPUS_SETTINGS,
)

#: The options of ``tqcheck filter``, in the order ``--help`` lists them.
FILTER_SETTINGS = (
    "keep", "drop", "keep_source", "drop_source", "source", "lang", "source_lang", "select",
    "ignore", "fail_on", "format_in", "codes_field", "resume", "summary_format", "language_data",
    "calque_packs", "glossary", *CORPUS_SETTINGS,
)


def split_values(values: Iterable[str] | None) -> tuple[str, ...]:
    """Values of a repeatable option that may also be comma-separated."""
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def parse_per_file_ignores(values: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for value in values or ():
        glob, sep, codes = value.rpartition("=")
        if not sep or not glob:
            raise InputError(f"--per-file-ignores {value!r}: expected GLOB=CODE[,CODE]")
        out[glob] = split_values((codes,))
    return out


_SPLIT = frozenset({"select", "ignore", "exclude", "columns"})


def settings_from_params(params: Mapping[str, Any]) -> Settings:
    """The :class:`Settings` that click's parsed parameters describe (parameters that are not
    settings are left out)."""
    values: dict[str, Any] = {}
    inverse = {param: name for name, param in PARAM_NAMES.items()}
    for param, value in params.items():
        name = inverse.get(param, param)
        if name in _SPLIT:
            value = split_values(value)
        elif name == "per_file_ignores":
            value = parse_per_file_ignores(value)
        values[name] = value
    return Settings.of(**values)
