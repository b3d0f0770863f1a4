"""``tqcheck langid FILE…``: the language of every sentence."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from tqcheck.commands import handle_errors
from tqcheck.errors import ExitStatus

_EXCERPT = 60


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _EXCERPT else flat[: _EXCERPT - 1] + "…"


def sentence_languages(path: Path, lang: str | None, encoding: str | None) -> dict[str, Any]:
    """Every sentence of one file with its language: ``{"path", "lang", "lang_source",
    "sentences": [...]}``.  With ``lang`` each sentence also says whether it is foreign."""
    from tqcheck.langdata import base_lang, load_language
    from tqcheck.langid import detect_document_language, identify
    from tqcheck.readers import read_segments
    from tqcheck.segment import split_sentences

    segments = list(read_segments(path, encoding))
    doc_lang = base_lang(lang)
    lang_source = "option" if lang else "detected"
    if doc_lang is None:
        doc_lang = detect_document_language(s.text for s in segments[:50])
        lang_source = "detected" if doc_lang else "unknown"
    data = load_language(doc_lang)
    rows: list[dict[str, Any]] = []
    for segment in segments:
        for sentence in split_sentences(segment, data):
            result = identify(sentence.text, base_lang(lang))
            line, col = segment.locate(sentence.start)
            end_line, end_col = segment.locate(sentence.end)
            row: dict[str, Any] = {
                "path": str(path), "line": line, "col": col, "end_line": end_line,
                "end_col": end_col, "lang": result.lang, "confidence": result.confidence,
                "method": result.method, "script": result.script, "text": sentence.text,
            }
            if lang:
                row["foreign"] = result.is_foreign(lang)
            rows.append(row)
    return {"path": str(path), "lang": doc_lang, "lang_source": lang_source, "sentences": rows}


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
    from tqcheck.readers.streams import is_stream, spool_stream

    files = []
    with tempfile.TemporaryDirectory(prefix="tqcheck-streams-") as spool:
        for index, raw in enumerate(paths):
            path = Path(raw)
            if is_stream(raw):  # '-', a pipe or a device: read once, as it comes
                own = Path(spool) / str(index)
                own.mkdir()
                found = sentence_languages(spool_stream(raw, own, encoding=encoding), lang,
                                           encoding)
                shown = str(raw) if raw != "-" else "<stdin>"
                found["path"] = shown
                for row in found["sentences"]:
                    row["path"] = shown
                files.append(found)
                continue
            if not path.is_file():
                raise InputError(f"{raw}: no such file")
            files.append(sentence_languages(path, lang, encoding))
    if fmt == "json":
        click.echo(json.dumps({"files": files}, ensure_ascii=False, indent=2))
        return int(ExitStatus.PASSED)
    for f in files:
        for row in f["sentences"]:
            mark = " foreign" if row.get("foreign") else ""
            click.echo(f"{row['path']}:{row['line']}:{row['col']}: {row['lang'] or 'und'} "
                       f"{row['confidence']:.2f} {row['method']}{mark}  {_excerpt(row['text'])}")
    return int(ExitStatus.PASSED)
