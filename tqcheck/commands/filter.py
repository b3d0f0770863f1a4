"""``tqcheck filter IN --keep OUT --drop OUT``: split a corpus by its findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.audit import _split, config_option
from tqcheck.commands.corpus import corpus_options, corpus_settings
from tqcheck.errors import ExitStatus, InputError


@click.command("filter")
@click.argument("path", type=click.Path())
@config_option
@click.option("--keep", type=click.Path(dir_okay=False), help="Write the records to keep here.")
@click.option("--drop", type=click.Path(dir_okay=False), help="Write the dropped records here, each "
              "with the codes that dropped it (JSONL/Parquet: a field; TSV: a last column; "
              "line-aligned pairs: DROP.codes).")
@click.option("--keep-source", type=click.Path(dir_okay=False), help="Line-aligned pairs: the "
              "source lines of the kept pairs (default: KEEP.src).")
@click.option("--drop-source", type=click.Path(dir_okay=False), help="Line-aligned pairs: the "
              "source lines of the dropped pairs (default: DROP.src).")
@click.option("--source", type=click.Path(dir_okay=False), help="The source-language file of "
              "line-aligned pairs (PATH is then the target-language file).")
@click.option("--lang", help="Target language (default: detected from the first records).")
@click.option("--source-lang", help="Source language.")
@click.option("--select", multiple=True, help="Only these checks drop records (codes, prefixes, "
              "slugs or categories).")
@click.option("--ignore", multiple=True, help="These checks never drop records.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="warning",
              show_default=True, help="Lowest severity of a finding that drops its record.")
@click.option("--format-in", help="Input format: jsonl, tsv, parquet or moses (default: from the "
              "extension; a text file with --source is moses).")
@click.option("--codes-field", default="tq_codes", show_default=True,
              help="JSONL/Parquet: the field of a dropped record that holds its codes.")
@click.option("--resume", is_flag=True, help="Continue an interrupted run: keep the partitions it "
              "finished (checkpoints in a work folder beside the outputs).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Format of the summary on standard output.")
@click.option("--language-data", multiple=True, type=click.Path(dir_okay=False),
              help="Extra language-data TOML files.")
@click.option("--calque-packs", multiple=True, type=click.Path(dir_okay=False),
              help="Extra calque pack TOML files.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Terminology (TBX or CSV).")
@corpus_options
@handle_errors
def filter_command(path: str, **opts: Any) -> int:
    """Split the corpus PATH into the records to keep and those to drop.

    Every record goes to exactly one output, in the input's format and order.  Outputs are
    written atomically; an interrupted run leaves no half file, and --resume continues it.

    Exit statuses: 0 done (whatever was dropped), 2 usage or input error, 3 internal error.
    """
    from tqcheck.audit import AuditOptions
    from tqcheck.bitext.audit import spec_for
    from tqcheck.bitext.filter import FilterOutputs, pair_outputs, run_filter
    from tqcheck.bitext.records import DEFAULT_PARTITION_RECORDS, corpus_format

    src = Path(path)
    if not src.is_file():
        raise InputError(f"{path}: no such file")
    for key in ("source", "glossary"):
        if opts[key] and not Path(opts[key]).is_file():
            raise InputError(f"--{key} {opts[key]}: no such file")
    fmt = opts["format_in"] or corpus_format(src) or ("moses" if opts["source"] else None)
    if fmt is None or corpus_format(src, fmt) is None:
        raise InputError(f"{path}: not a corpus tqcheck filters (JSONL, TSV, Parquet, or a text "
                         "file with --source); use --format-in")
    settings = corpus_settings(opts)
    settings["codes_field"] = opts["codes_field"]
    features = {"corpus": settings, "source": opts["source"], "glossary": opts["glossary"]}
    options = AuditOptions(
        select=_split(opts["select"]), ignore=_split(opts["ignore"]), lang=opts["lang"],
        source_lang=opts["source_lang"],
        language_data=tuple(Path(p) for p in opts["language_data"]),
        calque_packs=tuple(Path(p) for p in opts["calque_packs"]),
        features={k: v for k, v in features.items() if v is not None},
    )
    spec = spec_for(src, fmt, options)
    keep = Path(opts["keep"]) if opts["keep"] else None
    drop = Path(opts["drop"]) if opts["drop"] else None
    if fmt == "moses":
        ks = Path(opts["keep_source"]) if opts["keep_source"] else None
        ds = Path(opts["drop_source"]) if opts["drop_source"] else None
        outputs = pair_outputs(keep, drop, ks, ds)
    else:
        outputs = FilterOutputs(keep, drop)
    summary = run_filter(src, spec, options, outputs, fail_on=opts["fail_on"],
                         engine=opts["engine"], scheduler=opts["scheduler"],
                         workers=opts["workers"],
                         size=opts["partition_size"] or DEFAULT_PARTITION_RECORDS,
                         resume=opts["resume"])
    if opts["output_format"] == "json":
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
