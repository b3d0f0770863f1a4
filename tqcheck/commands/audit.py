"""``tqcheck audit FILE…``: parse options, run the library audit, render, gate."""

from __future__ import annotations

import dataclasses
import sys
from typing import Any

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.options import (
    AUDIT_SETTINGS,
    config_option,
    config_path,
    setting_options,
    settings_from_params,
)
from tqcheck.errors import ExitStatus


@click.command("audit")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@config_option
@setting_options(*AUDIT_SETTINGS)
@handle_errors
def audit_command(paths: tuple[str, ...], **opts: Any) -> int:
    """Find translation artifacts in FILES (text, Markdown; directories are walked).

    Corpora (JSONL, TSV, Parquet, or a text file with --format-in moses and --source) are read
    record by record; a finding names its record.

    Exit statuses: 0 passed, 1 gate failed, 2 usage or input error, 3 internal error.
    """
    from tqcheck.audit import audit, gate_failed, rules_for
    from tqcheck.outputs import (
        apply_baselines,
        for_output,
        guard_outputs,
        plan_outputs,
        read_baseline,
        render,
        write_reports,
    )

    settings = for_output(settings_from_params(opts))
    out = settings.output
    plan = plan_outputs(out)
    # No report or baseline may replace a file this run reads (checked again below against the
    # files found by walking folders and expanding patterns).
    guard_outputs(settings, plan, [*paths, *config_path()])
    entries = read_baseline(out)
    audited = audit(paths, settings)
    guard_outputs(settings, plan, [s.path for s in audited.files])
    if out.fix or out.fix_only or out.diff:
        from tqcheck.fix import fix_report
        from tqcheck.outputs import streamed_names, write_fixes

        # Standard input, pipes and devices are audited from a copy: never fixed in place.
        # Findings a baseline knows were accepted: they are not fixed.
        run = fix_report(audited, settings, rules_for(settings), unsafe=out.unsafe_fixes,
                         skip=streamed_names(paths, settings), known=entries)
        if out.diff:
            click.echo(run.diff(), nl=False)
            for e in run.report.errors:
                click.echo(f"tqcheck: error: {e.message}", err=True)
            if run.report.errors:
                return int(ExitStatus.USAGE_ERROR)
            return int(ExitStatus.GATE_FAILED if run.changed else ExitStatus.PASSED)
        audited = write_fixes(audited, run, settings)
        fixed, changed = run.applied, len(run.changed)
        if out.fix_only:
            if not out.quiet:
                click.echo(f"tqcheck: fixed {fixed} finding{'s' if fixed != 1 else ''} in "
                           f"{changed} file{'s' if changed != 1 else ''}", err=True)
            for e in audited.errors:
                click.echo(f"tqcheck: error: {e.message}", err=True)
            return int(ExitStatus.USAGE_ERROR if audited.errors else ExitStatus.PASSED)
    report, written = apply_baselines(audited, out, entries)
    if written is not None:
        click.echo(f"tqcheck: wrote {written} finding{'s' if written != 1 else ''} to the baseline "
                   f"{out.write_baseline}", err=True)
    write_reports(report, plan, out)
    if plan.to_stdout:
        color = out.color if out.color is not None else sys.stdout.isatty()
        # Errors go to standard error alone, whatever the format: standard output holds the
        # report a program or a pipe reads.
        shown = dataclasses.replace(report, errors=()) if out.format == "text" else report
        click.echo(render(shown, out.format, out, color), nl=False)
    for e in report.errors:
        click.echo(f"tqcheck: error: {e.message}", err=True)
    if report.errors:
        return int(ExitStatus.USAGE_ERROR)
    return int(ExitStatus.GATE_FAILED if gate_failed(report, out.fail_on) else ExitStatus.PASSED)
