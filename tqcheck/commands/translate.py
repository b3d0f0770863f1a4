"""``tqcheck translate``: translate a file offline, one line in, one line out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from tqcheck.commands import handle_errors
from tqcheck.errors import InputError


@click.command("translate")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--from", "from_code", required=True, help="Language of FILE (e.g. ar).")
@click.option("--to", "to_code", required=True, help="Language to translate into (e.g. en).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    default=None,
    help="Write here instead of standard output.",
)
@click.option(
    "--models-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Packages directory (default: $TQCHECK_MODELS_DIR, else argospm's).",
)
@click.option(
    "--beam-size",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="1 is greedy decoding.",
)
@click.option(
    "--compute-type",
    default="float32",
    show_default=True,
    help="CTranslate2 compute type; float32 keeps every output independent of its "
    "batch, int8 is faster.",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Sentences per CTranslate2 batch (speed only; never changes the output).",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write the translation cache.")
@click.option("--no-progress", is_flag=True, help="Never show a progress bar.")
@handle_errors
def translate_command(
    file: Path,
    from_code: str,
    to_code: str,
    output: Path | None,
    models_dir: Path | None,
    beam_size: int,
    compute_type: str,
    batch_size: int,
    no_cache: bool,
    no_progress: bool,
) -> int:
    """Translate FILE line by line with installed Argos packages (pivoting through English when
    no direct package exists).  Line k of the output translates line k of FILE."""
    from tqcheck.report import refuse_overwriting_inputs, write_atomic
    from tqcheck.translate.engine import DecodeOptions, TranslationService, progress_wanted

    if output is not None and str(output) != "-":
        refuse_overwriting_inputs([("-o", output)], [file])
    lines = _read_lines(file)
    options = DecodeOptions(
        beam_size=beam_size, compute_type=compute_type, max_batch_size=batch_size
    )
    to_stdout = output is None or str(output) == "-"
    # Standard output that is not a terminal is being read by a program: no bar then either.
    show = not no_progress and progress_wanted(
        machine_readable=to_stdout and not sys.stdout.isatty()
    )
    service = TranslationService(models_dir, options, use_cache=not no_cache, progress=show)
    try:
        translated = service.translate(lines, from_code, to_code)
    finally:
        service.close()
    text = "".join(line + "\n" for line in translated)
    if to_stdout:
        click.echo(text, nl=False)
    else:
        assert output is not None
        write_atomic(output, text)
    return 0


def _read_lines(file: Path) -> list[str]:
    try:
        if str(file) == "-":
            data = sys.stdin.buffer.read()
        else:
            data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"{file}: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{file}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    return text.splitlines()
