"""``tqcheck filter IN --keep OUT --drop OUT``: split a corpus by its findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.options import (
    FILTER_SETTINGS,
    config_option,
    config_path,
    setting_options,
    settings_from_params,
)
from tqcheck.errors import ExitStatus, InputError

#: What the shared settings mean to ``filter``.
_HELPS = {
    "source": "The source-language file of line-aligned pairs (PATH is then the target-language "
              "file).",
    "lang": "Target language (default: detected from the first records).",
    "select": "Only these checks drop records (codes, prefixes, slugs or categories).",
    "ignore": "These checks never drop records.",
    "fail_on": "Lowest severity of a finding that drops its record.",
    "format_in": "Input format: jsonl, tsv, parquet or moses (default: from the extension; a "
                 "text file with --source is moses).",
}


@click.command("filter")
@click.argument("path", type=click.Path())
@config_option
@setting_options(*FILTER_SETTINGS, helps=_HELPS)
@handle_errors
def filter_command(path: str, **opts: Any) -> int:
    """Split the corpus PATH into the records to keep and those to drop.

    Every record goes to exactly one output, in the input's format and order.  Outputs are
    written atomically and never replace a file the run reads; an interrupted run leaves no half
    file, and --resume continues it.

    Exit statuses: 0 done (whatever was dropped), 2 usage or input error, 3 internal error.
    """
    from tqcheck.bitext.audit import spec_for
    from tqcheck.bitext.filter import FilterOutputs, pair_outputs, run_filter
    from tqcheck.bitext.records import corpus_format

    settings = settings_from_params(opts)
    src = Path(path)
    if not src.is_file():
        raise InputError(f"{path}: no such file")
    for flag, value in (("source", settings.read.source), ("glossary", settings.fidelity.glossary)):
        if value and not Path(value).is_file():
            raise InputError(f"--{flag} {value}: no such file")
    fmt = settings.read.format_in or corpus_format(src) or (
        "moses" if settings.read.source else None)
    if fmt is None or corpus_format(src, fmt) is None:
        raise InputError(f"{path}: not a corpus tqcheck filters (JSONL, TSV, Parquet, or a text "
                         "file with --source); use --format-in")
    spec = spec_for(src, fmt, settings)
    chosen = settings.filter
    keep = Path(chosen.keep) if chosen.keep else None
    drop = Path(chosen.drop) if chosen.drop else None
    if fmt == "moses":
        outputs = pair_outputs(keep, drop,
                               Path(chosen.keep_source) if chosen.keep_source else None,
                               Path(chosen.drop_source) if chosen.drop_source else None)
    else:
        outputs = FilterOutputs(keep, drop)
    summary = run_filter(src, spec, settings, outputs, also_read=config_path())
    if chosen.summary_format == "json":
        click.echo(json.dumps(summary.as_dict(outputs), ensure_ascii=False, indent=2))
        return int(ExitStatus.PASSED)
    from tqcheck.checks.registry import all_rules

    slugs = {r.code: r.slug for r in all_rules()}
    click.echo(f"{summary.records} record{'s' if summary.records != 1 else ''}: kept "
               f"{summary.kept}, dropped {summary.dropped}"
               + (f" (resumed {summary.resumed} of {summary.partitions} partitions)"
                  if summary.resumed else ""))
    for code, n in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {code} {slugs.get(code, '')}: {n}")
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    return int(ExitStatus.PASSED)
