"""Fuzzing of every reader and of the audit (issue 12): on arbitrary input, no traceback, every
error one line, every finding inside the file, exit statuses as documented.

The example counts are small so the suite stays fast; for a longer run by hand:

    TQCHECK_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py -p no:randomly
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqcheck.audit import AuditOptions, audit, audit_text
from tqcheck.model import Report
from tqcheck.readers.decode import split_lines

EXAMPLES = int(os.environ.get("TQCHECK_FUZZ_EXAMPLES", "25"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

#: Pieces that make findings and markup likely, mixed with arbitrary characters.
_PIECES = ["the", "the", "The", " ", " ", "\n", "\n\n", ". ", "! ", "? ", ", ", "in in", "and and",
           "«", "»", '"', "'", "(", ")", "[", "]", "#", "- ", "* ", "> ", "`", "```", "<b>", "</b>",
           "&amp;", "&", "<", ">", "%s", "{0}", "{name}", "\\n", "\\", "\t", "\r", "\r\n",
           "\u2028", "\u0085", "\u0301", "\u200d", "\ufffc", "Ж", "жж", "日本語。", "مرحبا",
           "https://example.org/a", "a@b.co", "1,5", "2024", "Dmitry", "Dmytro", "…", "..."]
_CHARS = st.characters(exclude_categories=("Cs",))
TEXT = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(_CHARS, max_size=6)),
                max_size=60).map("".join)


def _escape_xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_c(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _po(a: str, b: str, raw: bool) -> str:
    if not raw:
        a, b = _escape_c(a), _escape_c(b)
    return f'msgid ""\nmsgstr "Language: de\\n"\n\nmsgid "{a}"\nmsgstr "{b}"\n'


def _xliff(a: str, b: str, raw: bool) -> str:
    if not raw:
        a, b = _escape_xml(a), _escape_xml(b)
    return ('<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" '
            f'target-language="de" original="x"><body><trans-unit id="1"><source>{a}</source>'
            f"<target>{b}</target></trans-unit></body></file></xliff>\n")


def _tmx(a: str, b: str, raw: bool) -> str:
    if not raw:
        a, b = _escape_xml(a), _escape_xml(b)
    return ('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en"/><body><tu>'
            f'<tuv xml:lang="en"><seg>{a}</seg></tuv><tuv xml:lang="de"><seg>{b}</seg></tuv>'
            "</tu></body></tmx>\n")


def _android(a: str, b: str, raw: bool) -> str:
    if not raw:
        b = _escape_xml(b)
    return f'<?xml version="1.0"?>\n<resources><string name="k">{b}</string></resources>\n'


def _json(a: str, b: str, raw: bool) -> str:
    import json

    return ('{"k": "' + b + '"}\n') if raw else json.dumps({"k": b, "n": {"m": a}},
                                                         ensure_ascii=False) + "\n"


def _srt(a: str, b: str, raw: bool) -> str:
    return f"1\n00:00:01,000 --> 00:00:02,000\n{b}\n\n2\n00:00:03,000 --> 00:00:04,000\n{a}\n"


def _vtt(a: str, b: str, raw: bool) -> str:
    return f"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n{b}\n\n00:00:03.000 --> 00:00:04.000\n{a}\n"


def _plain(a: str, b: str, raw: bool) -> str:
    return a + "\n\n" + b


FORMATS = {".txt": _plain, ".md": _plain, ".po": _po, ".xlf": _xliff, ".tmx": _tmx,
           ".xml": _android, ".json": _json, ".srt": _srt, ".vtt": _vtt}


def check_report(report: Report, text: str | None) -> None:
    """Errors are one line; every finding lies inside the file (``text``: its decoded content)."""
    for error in report.errors:
        assert "\n" not in error.message and error.message, error
    lines = split_lines(text) if text is not None else None
    for f in report.findings:
        assert f.line >= 1 and f.col >= 1, f
        assert (f.line, f.col) <= (f.end_line, f.end_col), f
        if lines is None:
            continue
        assert f.end_line <= max(1, len(lines)), (f, len(lines))
        assert f.col <= len(lines[f.line - 1]) + 1 if lines else f.col == 1, f
        assert f.end_col <= len(lines[f.end_line - 1]) + 1 if lines else True, f


@FUZZ
@given(text=TEXT)
def test_audit_text_on_arbitrary_text(text: str) -> None:
    report = audit_text(text, AuditOptions(lang="en"))
    check_report(report, text)
    lines = split_lines(text)
    for f in report.findings:  # plain text: the span is the text at its position
        if f.line == f.end_line and f.text and "\n" not in f.text:
            assert lines[f.line - 1][f.col - 1:f.end_col - 1] == f.text, f


@FUZZ
@given(ext=st.sampled_from(sorted(FORMATS)), a=TEXT, b=TEXT, raw=st.booleans(),
       lang=st.sampled_from([None, "en", "de", "ru"]))
def test_every_reader_on_arbitrary_content(ext: str, a: str, b: str, raw: bool,
                                           lang: str | None) -> None:
    content = FORMATS[ext](a, b, raw)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{ext}"
        path.write_text(content, encoding="utf-8", newline="")
        report = audit([path], AuditOptions(lang=lang), jobs=1)
    check_report(report, content)


@FUZZ
@given(ext=st.sampled_from(sorted(FORMATS)), data=st.binary(max_size=400))
def test_every_reader_on_arbitrary_bytes(ext: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{ext}"
        path.write_bytes(data)
        report = audit([path], AuditOptions(), jobs=1)
    try:
        text: str | None = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    check_report(report, text)


@settings(max_examples=max(5, EXAMPLES // 5), deadline=None)
@given(ext=st.sampled_from(sorted(FORMATS)), a=TEXT, b=TEXT,
       args=st.lists(st.sampled_from(["--fail-on=error", "--fail-on=never", "-q",
                                      "--format=json", "--format=sarif", "--no-show-source",
                                      "--select=TQ1", "--lang=en"]), max_size=3, unique=True))
def test_cli_exit_status_on_arbitrary_files(ext: str, a: str, b: str, args: list[str]) -> None:
    import contextlib
    import io

    from tqcheck.cli import main

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{ext}"
        path.write_text(FORMATS[ext](a, b, False), encoding="utf-8", newline="")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["audit", str(path), "-j", "1", *args])
    assert status in (0, 1, 2), (status, err.getvalue())
    assert "Traceback" not in err.getvalue() and "internal error" not in err.getvalue()
    assert all(line.startswith("tqcheck: ") for line in err.getvalue().splitlines())
