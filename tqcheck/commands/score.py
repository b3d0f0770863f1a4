"""``tqcheck score``: BLEU, chrF, chrF++ and TER of one or more systems against references."""

from __future__ import annotations

import click

from tqcheck.commands import handle_errors
from tqcheck.commands.options import config_option, config_path, setting_options
from tqcheck.errors import ExitStatus


@click.command("score", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("hyp", nargs=-1, required=True, metavar="HYP...")
@click.option("-r", "--ref", "refs", multiple=True, metavar="FILE",
              help="Reference file, line-aligned with HYP (repeat for several references).")
@click.option("--metrics", default="bleu,chrf,chrf++,ter", show_default=True, metavar="LIST",
              help="Comma-separated metrics: bleu, chrf, chrf++, ter.")
@click.option("--lang", default=None, metavar="LANG",
              help="Target language: picks BLEU's tokenizer (zh, ja-mecab, ko-mecab, else 13a).")
@click.option("--worst", default=0, type=click.IntRange(min=0), metavar="N",
              help="List the N lowest segments (by chrF) with hypothesis and reference.")
@click.option("--ci/--no-ci", default=True, show_default=True,
              help="Bootstrap 95% confidence interval beside each corpus score.")
@click.option("--bootstrap", "n_bootstrap", default=1000, show_default=True,
              type=click.IntRange(min=2), metavar="N", help="Bootstrap resamples for --ci.")
@click.option("--paired-bs/--no-paired-bs", default=None,
              help="Paired bootstrap test of every system against the first "
                   "[default: on with two or more systems].")
@click.option("--paired-ar/--no-paired-ar", default=None,
              help="Paired approximate randomization test against the first "
                   "[default: on with two or more systems].")
@click.option("--paired-n", default=0, type=click.IntRange(min=0), metavar="N",
              help="Resamples (bootstrap) or trials (AR) of paired tests; 0 = sacrebleu's "
                   "defaults (1000, 10000).")
@setting_options("min_bleu", "min_chrf", "max_ter")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True, help="text report, JSON (everything) or CSV (segment scores).")
@click.option("-o", "--output", default=None, metavar="PATH",
              help="Write the report here (atomically) instead of standard output.")
@config_option
@handle_errors
def score_command(
    hyp: tuple[str, ...],
    refs: tuple[str, ...],
    metrics: str,
    lang: str | None,
    worst: int,
    ci: bool,
    n_bootstrap: int,
    paired_bs: bool | None,
    paired_ar: bool | None,
    paired_n: int,
    min_bleu: float | None,
    min_chrf: float | None,
    max_ter: float | None,
    fmt: str,
    output: str | None,
) -> int:
    """Score hypothesis files HYP... against references with sacrebleu.

    Text files are line-aligned; translation files (PO, XLIFF, TMX, JSON, subtitles) are
    aligned by source text.

    \b
    Exit statuses: 0 passed, 1 a score misses --min-bleu/--min-chrf/--max-ter,
    2 usage or input error, 3 internal or backend error.

    \b
    min-bleu, min-chrf, max-ter and lang may also come from the configuration file
    (tqcheck.toml or [tool.tqcheck] in pyproject.toml); options on the command line win.
    """
    from dataclasses import replace

    from tqcheck.errors import InputError
    from tqcheck.report import RenderOptions, get_score_formatter, refuse_overwriting_inputs, write_atomic
    from tqcheck.score import TestType, check_gate, load_texts, parse_metrics, score

    keys = parse_metrics(metrics)
    if output:
        refuse_overwriting_inputs([("-o", output)], [*hyp, *refs, *config_path()])
    if not refs:
        raise InputError("no reference given (use -r/--ref FILE)")
    several = len(hyp) > 1
    tests: list[TestType] = []
    if paired_bs if paired_bs is not None else several:
        tests.append("bs")
    if paired_ar if paired_ar is not None else several:
        tests.append("ar")
    if tests and not several:
        raise InputError("paired tests need two or more systems")
    loaded = load_texts(hyp, refs)
    report = score(
        loaded.systems,
        loaded.references,
        keys,
        lang=lang,
        reference_names=list(refs),
        n_bootstrap=n_bootstrap if ci else 0,
        paired_tests=tests,
        paired_samples=paired_n,
        notes=loaded.notes,
    )
    failures = check_gate(report, min_bleu=min_bleu, min_chrf=min_chrf, max_ter=max_ter)
    report = replace(report, failures=tuple(failures))
    text = get_score_formatter(fmt)(report, RenderOptions(worst=worst))
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)
    if failures:
        if output or fmt != "text":
            for failure in failures:
                click.echo(f"tqcheck: gate failed: {failure}", err=True)
        return int(ExitStatus.GATE_FAILED)
    return int(ExitStatus.PASSED)
