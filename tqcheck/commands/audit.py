"""``tqcheck audit FILE…``: parse options, run the library audit, render, gate."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.options import (
    AUDIT_SETTINGS,
    config_option,
    setting_options,
    settings_from_params,
)
from tqcheck.errors import ExitStatus, InputError


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


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@config_option
@setting_options(*AUDIT_SETTINGS)
@handle_errors
def audit_command(paths: tuple[str, ...], **opts: Any) -> int:
    """Find translation artifacts in FILES (text, Markdown; directories are walked).

    Exit statuses: 0 passed, 1 gate failed, 2 usage or input error, 3 internal error.
    """
    from tqcheck.audit import audit, gate_failed
    from tqcheck.baseline import apply_baseline, entries_for, load_baseline, write_baseline
    from tqcheck.report import RenderOptions, get_formatter, write_atomic

    settings = settings_from_params(opts)
    out = settings.output
    fmt = out.format
    get_formatter(fmt)  # an unknown format is a usage error before any work
    outputs = parse_outputs(out.output, fmt)
    for out_fmt, _ in outputs:
        get_formatter(out_fmt)
    to_stdout = not any(out_fmt == fmt and "=" not in raw
                        for (out_fmt, _), raw in zip(outputs, out.output, strict=True))
    if settings.decode.progress is None and fmt != "text":
        # A report for a program: no progress bar while translating.
        settings = replace(settings, decode=replace(settings.decode, progress=False))
    baseline = out.baseline
    entries = load_baseline(Path(baseline)) if baseline else None
    report = audit(paths, settings)
    if out.write_baseline:
        written = write_baseline(Path(out.write_baseline), report)
        click.echo(f"tqcheck: wrote {written} finding{'s' if written != 1 else ''} to the baseline "
                   f"{out.write_baseline}", err=True)
        # The findings just recorded are known from now on.
        entries = entries_for(report.findings)
        baseline = out.write_baseline
    if entries is not None and baseline:
        report, _ = apply_baseline(report, entries, baseline)
    color = out.color
    if color is None:
        color = to_stdout and sys.stdout.isatty()

    def render(out_fmt: str, colour: bool) -> str:
        return get_formatter(out_fmt)(report, RenderOptions(
            color=colour and out_fmt == "text", show_source=out.show_source, quiet=out.quiet))

    for out_fmt, path in outputs:
        write_atomic(Path(path), render(out_fmt, False))
    if to_stdout:
        click.echo(render(fmt, bool(color)), nl=False)
    if fmt != "text" or not to_stdout:
        for e in report.errors:
            click.echo(f"tqcheck: error: {e.message}", err=True)
    if report.errors:
        return int(ExitStatus.USAGE_ERROR)
    return int(ExitStatus.GATE_FAILED if gate_failed(report, out.fail_on) else ExitStatus.PASSED)
