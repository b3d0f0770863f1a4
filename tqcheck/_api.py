"""The public functions of ``tqcheck`` (re-exported by the package; see ``docs/api.md``)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from tqcheck.checks.registry import Rule, all_rules
from tqcheck.config import Settings
from tqcheck.model import Finding, Location, Report

#: The path findings of :func:`audit_text` name.
TEXT_PATH = "<text>"


def audit(paths: Iterable[str | Path], settings: Settings | None = None) -> Report:
    """Audit files, directories and glob patterns, exactly as ``tqcheck audit`` does (the command
    line calls this function).  Bad input files become ``Report.errors``; an unknown check
    selector or a missing resource raises :class:`~tqcheck.errors.ConfigError` or
    :class:`~tqcheck.errors.InputError`."""
    from tqcheck.audit import audit as run

    return run(paths, settings or Settings())


def _selectors(values: str | Iterable[str]) -> tuple[str, ...]:
    items = [values] if isinstance(values, str) else list(values)
    return tuple(x.strip() for v in items for x in v.split(",") if x.strip())


_SUFFIXES = {"text": ".txt", "markdown": ".md", "po": ".po", "xliff": ".xlf", "tmx": ".tmx",
             "json": ".json", "srt": ".srt", "vtt": ".vtt", "android": ".xml"}


def audit_text(
    text: str,
    *,
    lang: str | None = None,
    source: str | None = None,
    source_lang: str | None = None,
    select: str | Iterable[str] = (),
    ignore: str | Iterable[str] = (),
    format: str = "text",
) -> list[Finding]:
    """Findings of one document held in memory, in the order of a report.

    ``text`` is read as ``format`` (``text``, ``markdown``, ``po``, ``xliff``, ``tmx``, ``json``,
    ``srt``, ``vtt``, ``android``); ``lang`` is its language (default: read from the document or
    detected); ``source`` is the source text (line-aligned prose, or the source-language file of a
    JSON, subtitle or Android document), ``source_lang`` its language; ``select`` and ``ignore``
    choose checks as ``--select``/``--ignore`` do.  The findings are those ``tqcheck audit``
    reports for a file holding ``text`` (their path is ``<text>``).  Raises
    :class:`~tqcheck.errors.InputError` for text the format's reader rejects.
    """
    from tqcheck.audit import audit as run
    from tqcheck.errors import InputError
    from tqcheck.readers import READERS

    if format not in READERS:
        raise InputError(f"unknown input format {format!r} (known: {', '.join(sorted(READERS))})")
    # Readers stream from files (positions, encodings and suppression comments exactly as for a
    # file on disk), so the text is audited as one.
    with tempfile.TemporaryDirectory(prefix="tqcheck-") as folder:
        path = Path(folder) / f"text{_SUFFIXES[format]}"
        path.write_text(text, encoding="utf-8", newline="")
        source_path = None
        if source is not None:
            source_path = Path(folder) / f"source{_SUFFIXES[format]}"
            source_path.write_text(source, encoding="utf-8", newline="")
        settings = Settings.of(lang=lang, source_lang=source_lang, select=_selectors(select),
                               ignore=_selectors(ignore), format_in=format,
                               source=str(source_path) if source_path else None, jobs=1)
        report = run([path], settings)
        if report.errors:
            raise InputError(report.errors[0].message.replace(str(path), TEXT_PATH))
        name = str(path)
        return [_renamed(f, name) for f in report.findings]


def _renamed(finding: Finding, path: str) -> Finding:
    def move(loc: Location) -> Location:
        return replace(loc, path=TEXT_PATH) if loc.path == path else loc

    return replace(finding, path=TEXT_PATH, related=tuple(move(r) for r in finding.related))


def rules() -> list[Rule]:
    """Every check, by code: code, slug, category, default severity, summary and documentation."""
    return all_rules()
