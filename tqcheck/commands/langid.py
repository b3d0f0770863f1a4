"""``tqcheck langid FILE…``: the language of every sentence."""

from __future__ import annotations

import json
from pathlib import Path

import click

from tqcheck.commands import handle_errors
from tqcheck.errors import ExitStatus

_EXCERPT = 60


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


@click.command("langid")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--lang", help="Target language (BCP-47): sentences in another language are marked "
              "'foreign' (a foreign verdict needs the script or two detectors).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--encoding", help="Encoding of files without a BOM (default UTF-8).")
@handle_errors
def langid_command(paths: tuple[str, ...], lang: str | None, fmt: str, encoding: str | None) -> int:
    """Print the language of every sentence of FILES.

    \b
    Text output, one line a sentence:
      PATH:LINE:COL: LANG CONFIDENCE METHOD [foreign]  SENTENCE-START…
    LANG is 'und' where the cascade abstained (too short) or was unsure.
    METHOD: script, script+stats, stats, confirmed, disputed, uncertain, abstain.
    """
    import tempfile

    from tqcheck.errors import InputError
    from tqcheck.langid import sentence_languages
    from tqcheck.model import FileError
    from tqcheck.readers.streams import spool_streams

    files = []
    with tempfile.TemporaryDirectory(prefix="tqcheck-streams-") as spool:
        # '-', a pipe or a device is read once, as it comes, and named as it was given.
        items = spool_streams([Path(raw) for raw in paths], Path(spool), None, encoding)
        for raw, item in zip(paths, items, strict=True):
            if isinstance(item, FileError):
                raise InputError(item.message)
            path, shown = item
            if not path.is_file():
                raise InputError(f"{raw}: no such file")
            found = sentence_languages(path, lang, encoding)
            if shown != str(path):
                shown = raw if raw != "-" else shown
                found["path"] = shown
                for row in found["sentences"]:
                    row["path"] = shown
            files.append(found)
    if fmt == "json":
        click.echo(json.dumps({"files": files}, ensure_ascii=False, indent=2))
        return int(ExitStatus.PASSED)
    for f in files:
        for row in f["sentences"]:
            mark = " foreign" if row.get("foreign") else ""
            click.echo(f"{row['path']}:{row['line']}:{row['col']}: {row['lang'] or 'und'} "
                       f"{row['confidence']:.2f} {row['method']}{mark}  {_excerpt(row['text'])}")
    return int(ExitStatus.PASSED)
