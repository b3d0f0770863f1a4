"""What ``tqcheck audit`` does with a report, as a library: baselines (read, write, apply), the
reports to write and the one for standard output, and the gate.  The command only parses options,
calls these, prints and maps errors to exit statuses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from tqcheck.config import OutputSettings, Settings
from tqcheck.errors import InputError
from tqcheck.model import BaselineEntry, Report

if TYPE_CHECKING:
    from tqcheck.fix import FixRun


@dataclass(frozen=True)
class OutputPlan:
    """Reports to write: ``(format, path)`` files, and whether the ``--format`` report goes to
    standard output."""

    files: tuple[tuple[str, str], ...]
    to_stdout: bool


#: What stands before ``=`` in ``--output FORMAT=PATH``: a bare word.  A path holding ``=`` whose
#: first part is a bare word is written ``./NAME=…``.
_FORMAT_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def plan_outputs(output: OutputSettings) -> OutputPlan:
    """``-o PATH`` (the ``--format`` report) and ``--output FORMAT=PATH``; an unknown format is an
    :class:`InputError` before any work is done, and so is ``WORD=PATH`` with a WORD that names
    no format (not a file named ``WORD=PATH``)."""
    from tqcheck.report import FORMATTERS, get_formatter

    get_formatter(output.format)
    files: list[tuple[str, str]] = []
    to_stdout = True
    for value in output.output:
        fmt, sep, path = value.partition("=")
        if sep and _FORMAT_WORD.fullmatch(fmt) and fmt not in FORMATTERS:
            raise InputError(f"--output {value}: unknown format {fmt!r} (known: "
                             f"{', '.join(sorted(FORMATTERS))}); write ./{value} for a file of "
                             "that name")
        if sep and fmt in FORMATTERS:
            if not path:
                raise InputError(f"--output {value}: no path after '='")
            files.append((fmt, path))
        else:
            files.append((output.format, value))
            to_stdout = False
    return OutputPlan(tuple(files), to_stdout)


def guard_outputs(settings: Settings, plan: OutputPlan, inputs: Iterable[str]) -> None:
    """Refuse (:class:`InputError`) a report or baseline path that is a file this run reads:
    ``inputs`` (the audited files, the configuration) and every file an option names.  Rewriting
    the baseline that was read is how a baseline is updated; writing a report over it is not."""
    from tqcheck.report import refuse_overwriting_inputs

    out = settings.output
    read: list[str] = [*inputs, *settings.language.language_data, *settings.language.calque_packs,
                       *(p for p in (settings.read.source, settings.fidelity.ref,
                                     settings.fidelity.glossary) if p)]
    # plan.files follows out.output one for one; FORMAT=PATH was given as --output.
    reports = [("-o" if raw == path else "--output", path)
               for (_, path), raw in zip(plan.files, out.output, strict=True)]
    refuse_overwriting_inputs(reports, [*read, *([out.baseline] if out.baseline else [])])
    if out.write_baseline:
        refuse_overwriting_inputs([("--write-baseline", out.write_baseline)], read)


def streamed_names(paths: Iterable[str], settings: Settings) -> set[str]:
    """The names under which the streams among ``paths`` (``-``, pipes, devices) are reported:
    they were audited from a copy, and a fix is never written into them."""
    from tqcheck.readers.streams import STDIN, STDIN_SHOWN, is_stream

    return {(settings.read.stdin_filename or STDIN_SHOWN) if p == STDIN else p
            for p in paths if is_stream(p)}


def write_fixes(audited: Report, run: FixRun, settings: Settings) -> Report:
    """Write the fixed files of ``run``; the report of what remains, with how many findings were
    fixed.  A file that could not be written keeps the findings it had, and its error."""
    from tqcheck.fix import write_run

    failed = write_run(run, settings.read.encoding)
    unwritten = {e.path for e in failed}
    kept = [f for f in run.report.findings if f.path not in unwritten]
    kept += [f for f in audited.findings if f.path in unwritten]
    kept.sort(key=lambda f: f.path)  # stable: each file's findings keep their order
    return replace(run.report, findings=tuple(kept), errors=(*run.report.errors, *failed),
                   fixed=run.applied)


def for_output(settings: Settings) -> Settings:
    """``settings`` as the command line runs them: no progress bar while translating for a
    report that a program reads (unless asked for)."""
    if settings.decode.progress is None and settings.output.format != "text":
        return replace(settings, decode=replace(settings.decode, progress=False))
    return settings


def read_baseline(output: OutputSettings) -> list[BaselineEntry] | None:
    """The entries of ``--baseline`` (read before the audit, so that a bad file fails early)."""
    from tqcheck.baseline import load_baseline

    return load_baseline(Path(output.baseline)) if output.baseline else None


def apply_baselines(report: Report, output: OutputSettings,
                    entries: Sequence[BaselineEntry] | None) -> tuple[Report, int | None]:
    """Write ``--write-baseline`` (its findings are known from then on) and mark the known
    findings; the report (with its baseline state) and how many entries were written (None: no
    baseline written).  A report-level filter, not a suppression directive
    (:mod:`tqcheck.suppress`): it compares the report with a previous one, after every directive
    has been applied."""
    from tqcheck.baseline import apply_baseline, entries_for, write_baseline

    baseline = output.baseline
    written = None
    if output.write_baseline:
        written = write_baseline(Path(output.write_baseline), report)
        entries = entries_for(report.findings)
        baseline = output.write_baseline
    if entries is not None and baseline:
        report, _ = apply_baseline(report, entries, baseline)
    return report, written


def render(report: Report, fmt: str, output: OutputSettings, color: bool = False) -> str:
    from tqcheck.report import RenderOptions, get_formatter

    return get_formatter(fmt)(report, RenderOptions(
        color=color and fmt == "text", show_source=output.show_source, quiet=output.quiet,
        fail_on=output.fail_on))


def write_reports(report: Report, plan: OutputPlan, output: OutputSettings) -> None:
    """Every report file of ``plan``, each written atomically."""
    from tqcheck.report import write_atomic

    for fmt, path in plan.files:
        write_atomic(Path(path), render(report, fmt, output))
