"""``tqcheck audit FILE…``: parse options, run the library audit, render, gate."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.corpus import corpus_options, corpus_settings
from tqcheck.errors import ExitStatus, InputError


def _split(values: tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    out: list[str] = []
    for v in values or ():
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return tuple(out)


def load_config_into_context(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
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
    return str(path) if path else None


def config_option(func: Any) -> Any:
    return click.option(
        "--config", type=click.Path(dir_okay=False), is_eager=True, expose_value=False,
        callback=load_config_into_context,
        help="Configuration file (default: tqcheck.toml or [tool.tqcheck] in pyproject.toml, "
             "searched upwards).")(func)


def _output_formats() -> list[str]:
    from tqcheck.report import FORMATTERS

    return list(FORMATTERS)


def parse_outputs(values: tuple[str, ...], default_format: str) -> list[tuple[str, str]]:
    """``-o PATH`` (the ``--format`` report) and ``--output FORMAT=PATH`` → (format, path) pairs."""
    known = set(_output_formats())
    out: list[tuple[str, str]] = []
    for value in values:
        fmt, sep, path = value.partition("=")
        if sep and fmt in known:
            if not path:
                raise InputError(f"--output {value}: no path after '='")
            out.append((fmt, path))
        else:
            out.append((default_format, value))
    return out


def parse_per_file_ignores(values: tuple[str, ...] | list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for value in values or ():
        glob, sep, codes = value.rpartition("=")
        if not sep or not glob:
            raise InputError(f"--per-file-ignores {value!r}: expected GLOB=CODE[,CODE]")
        out[glob] = _split((codes,))
    return out


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@config_option
@click.option("--lang", help="Target language (BCP-47, e.g. en, de, pt-BR). Default: detected per file.")
@click.option("--source-lang", help="Source language; chooses calque packs and re-translation.")
@click.option("--select", multiple=True, help="Only these checks: codes, prefixes, slugs or categories "
              "(comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these checks (codes, prefixes, slugs, categories).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="warning",
              show_default=True, help="Lowest severity that fails the gate (exit status 1).")
@click.option("--format", "output_format", default="text", show_default=True,
              help="Output format: text, json, sarif, github, junit, gitlab, rdjsonl, html.")
@click.option("-o", "--output", multiple=True, help="Write the --format report to PATH instead of "
              "standard output, or FORMAT=PATH to write another format too (repeatable; each file "
              "is written atomically).")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Findings recorded in this baseline file are known: only new findings are shown "
              "and fail the gate.")
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record the current findings in this baseline file (the gate then passes).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Audit files in this many processes (default: every core; 1: no subprocesses). "
              "Output does not depend on it.")
@click.option("--exclude", multiple=True, help="Glob of files to skip when walking directories or "
              "expanding patterns (repeatable).")
@click.option("--per-file-ignores", multiple=True, help="GLOB=CODE[,CODE]: suppress checks in matching "
              "files (repeatable; usually set in the configuration).")
@click.option("--encoding", help="Encoding of files without a BOM (default UTF-8).")
@click.option("--format-in", help="Force the input format instead of detecting it from the extension.")
@click.option("--language-data", multiple=True, type=click.Path(dir_okay=False),
              help="Extra language-data TOML files (merged into the built-in data).")
@click.option("--calque-packs", multiple=True, type=click.Path(dir_okay=False),
              help="Extra calque pack TOML files.")
@click.option("--ref", type=click.Path(dir_okay=False), help="Reference translation, line-aligned: "
              "segments far below the document's chrF become findings.")
@click.option("--source", type=click.Path(dir_okay=False), help="Source text, line-aligned: enables "
              "re-translation fidelity checks. For JSON and subtitles: the source-language file, "
              "matched by key or cue.")
@click.option("--glossary", type=click.Path(dir_okay=False), help="Terminology (TBX or CSV: source "
              "term, required target term; an empty target means do not translate).")
@click.option("--include-fuzzy", is_flag=True, default=False, help="Also check fuzzy PO entries "
              "(skipped by default, like obsolete ones).")
@click.option("--tmx-langs", help="Language pair to read from a TMX holding more: SRC,TGT.")
@click.option("--round-trip-via", help="Round-trip each sentence through this language (a hint, not a "
              "verdict).")
@click.option("--models-dir", type=click.Path(file_okay=False), help="Argos models directory.")
@click.option("--beam-size", type=int, default=None, help="Beam size for re-translation (default greedy).")
@click.option("--no-cache", is_flag=True, default=False, help="Do not use the translation cache.")
@click.option("--color/--no-color", default=None, help="Colour the text output (default: on a terminal).")
@click.option("-q", "--quiet", is_flag=True, help="Findings only: no summary or notes.")
@click.option("--show-source/--no-show-source", default=True, help="Show the line and a caret under "
              "each finding.")
@corpus_options
@handle_errors
def audit_command(paths: tuple[str, ...], **opts: Any) -> int:
    """Find translation artifacts in FILES (text, Markdown; directories are walked).

    Corpora (JSONL, TSV, Parquet, or a text file with --format-in moses and --source) are read
    record by record; a finding names its record.

    Exit statuses: 0 passed, 1 gate failed, 2 usage or input error, 3 internal error.
    """
    from tqcheck.audit import AuditOptions, audit, gate_failed
    from tqcheck.baseline import apply_baseline, entries_for, load_baseline, write_baseline
    from tqcheck.checks.registry import select_rules
    from tqcheck.report import RenderOptions, get_formatter, write_atomic

    fmt = opts["output_format"]
    get_formatter(fmt)  # an unknown format is a usage error before any work
    outputs = parse_outputs(opts["output"], fmt)
    for out_fmt, _ in outputs:
        get_formatter(out_fmt)
    to_stdout = not any(out_fmt == fmt and "=" not in raw
                        for (out_fmt, _), raw in zip(outputs, opts["output"], strict=True))
    for key in ("ref", "source", "glossary"):
        if opts[key] and not Path(opts[key]).is_file():
            raise InputError(f"--{key} {opts[key]}: no such file")
    features = {
        "ref": opts["ref"],
        "source": opts["source"],
        "round_trip": opts["round_trip_via"],
        "round_trip_via": opts["round_trip_via"],
        "models_dir": opts["models_dir"],
        "beam_size": opts["beam_size"],
        "no_cache": opts["no_cache"] or None,
        "machine_readable": fmt != "text" or None,
        "glossary": opts["glossary"],
        "include_fuzzy": opts["include_fuzzy"] or None,
        "tmx_langs": opts["tmx_langs"],
        "corpus": corpus_settings(opts) or None,
    }
    options = AuditOptions(
        select=_split(opts["select"]),
        ignore=_split(opts["ignore"]),
        lang=opts["lang"],
        source_lang=opts["source_lang"],
        encoding=opts["encoding"],
        format_in=opts["format_in"],
        language_data=tuple(Path(p) for p in opts["language_data"]),
        calque_packs=tuple(Path(p) for p in opts["calque_packs"]),
        exclude=_split(opts["exclude"]),
        per_file_ignores=parse_per_file_ignores(opts["per_file_ignores"]),
        features={k: v for k, v in features.items() if v is not None},
    )
    entries = load_baseline(Path(opts["baseline"])) if opts["baseline"] else None
    runner = None
    if opts["engine"] == "dask":
        from tqcheck.bitext.engines import dask_runner

        runner = dask_runner(opts["scheduler"], opts["workers"], opts["partition_size"])
    report = audit(paths, options, jobs=opts["jobs"], runner=runner)
    extra: dict[str, Any] = {"encoding": opts["encoding"]}
    if opts["write_baseline"]:
        written = write_baseline(Path(opts["write_baseline"]), report)
        click.echo(f"tqcheck: wrote {written} finding{'s' if written != 1 else ''} to the baseline "
                   f"{opts['write_baseline']}", err=True)
        # The findings just recorded are known from now on.
        entries = entries_for(report.findings)
        opts["baseline"] = opts["write_baseline"]
    if entries is not None:
        report, applied = apply_baseline(report, entries, opts["baseline"])
        extra["baseline"] = applied.as_dict()
    rules = select_rules(options.select, options.ignore, options.enabled_features())
    color = opts["color"]
    if color is None:
        color = to_stdout and sys.stdout.isatty()

    def render(out_fmt: str, colour: bool) -> str:
        return get_formatter(out_fmt)(report, rules, RenderOptions(
            color=colour and out_fmt == "text", show_source=opts["show_source"],
            quiet=opts["quiet"], extra=extra))

    for out_fmt, path in outputs:
        write_atomic(Path(path), render(out_fmt, False))
    if to_stdout:
        click.echo(render(fmt, bool(color)), nl=False)
    if fmt != "text" or not to_stdout:
        for e in report.errors:
            click.echo(f"tqcheck: error: {e.message}", err=True)
    if report.errors:
        return int(ExitStatus.USAGE_ERROR)
    return int(ExitStatus.GATE_FAILED if gate_failed(report, opts["fail_on"]) else ExitStatus.PASSED)
