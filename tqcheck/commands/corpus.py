"""Options shared by the commands that read corpora (``audit``, ``filter``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

CORPUS_HELP = "JSONL, TSV, Parquet, or line-aligned pairs (a text file and --source)"


def corpus_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--text-field`` … ``--partition-size``, ``--engine`` and ``--scheduler``."""
    for decorator in reversed([
        click.option("--text-field", help="JSONL/Parquet: the field of the translated text "
                     "(default: text)."),
        click.option("--source-field", help="JSONL/Parquet: the field of the source text (enables "
                     "the pair checks: numbers, URLs, placeholders, copies, length ratio …)."),
        click.option("--id-field", help="JSONL/Parquet: the field that names a record in findings "
                     "(default: its line or row number)."),
        click.option("--columns", help="TSV: the role of each column, comma-separated: source, "
                     "target, id; other names are ignored (default: source,target)."),
        click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
                     show_default=True, help="Where corpus partitions run: this machine, or a Dask "
                     "cluster (pip install 'tqcheck[dask]'). Output does not depend on it."),
        click.option("--scheduler", help="--engine dask: the address of the Dask scheduler "
                     "(default: start a local cluster)."),
        click.option("--workers", type=click.IntRange(min=1), default=None,
                     help="--engine dask without --scheduler: worker processes (default: every core)."),
        click.option("--partition-size", type=click.IntRange(min=1), default=None,
                     help="Records per partition (default 20000; Parquet: whole row groups)."),
    ]):
        func = decorator(func)
    return func


def corpus_settings(opts: dict[str, Any]) -> dict[str, Any]:
    """The ``features["corpus"]`` value of the audit options (only what was given)."""
    out: dict[str, Any] = {}
    for key in ("text_field", "source_field", "id_field"):
        if opts.get(key):
            out[key] = opts[key]
    if opts.get("columns"):
        out["columns"] = tuple(c.strip() for c in opts["columns"].split(",") if c.strip())
    return out
