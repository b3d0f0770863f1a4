"""Report formatters: one module per output format, each ``render(report, options) -> str``; the
report carries all they need (its rules, signature, baseline state), so no formatter imports the
check registry.

``FORMATTERS`` maps a format name to ``(module, function)``; formats are imported on use.
``SCORE_FORMATTERS`` does the same for score reports (``tqcheck score``), with the same
interface (the score report carries its gate failures).
Reports are written atomically (:func:`write_atomic`) so a reader never sees half a file and an
existing file is replaced only when the new one is complete.
"""

from __future__ import annotations

import importlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqcheck.errors import InputError
from tqcheck.model import Report

if TYPE_CHECKING:
    from tqcheck.score import ScoreReport


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    show_source: bool = True
    quiet: bool = False
    #: The ``--fail-on`` level of the command, so that the text summary can say why the gate
    #: failed (None: the caller gates nothing).
    fail_on: str | None = None
    #: Score reports: list the N lowest segments (``tqcheck score --worst``).
    worst: int = 0


Formatter = Callable[[Report, RenderOptions], str]
#: The same interface for score reports (``tqcheck score``).
ScoreFormatter = Callable[["ScoreReport", RenderOptions], str]

FORMATTERS: dict[str, tuple[str, str]] = {
    "text": ("tqcheck.report.text", "render"),
    "json": ("tqcheck.report.json", "render"),
    "sarif": ("tqcheck.report.sarif", "render"),
    "github": ("tqcheck.report.github", "render"),
    "junit": ("tqcheck.report.junit", "render"),
    "gitlab": ("tqcheck.report.gitlab", "render"),
    "rdjsonl": ("tqcheck.report.rdjsonl", "render"),
    "html": ("tqcheck.report.html", "render"),
}


#: Formats of score reports (``tqcheck score --format``), by the same rule.
SCORE_FORMATTERS: dict[str, tuple[str, str]] = {
    "text": ("tqcheck.report.score", "render_text"),
    "json": ("tqcheck.report.score", "render_json"),
    "csv": ("tqcheck.report.score", "render_csv"),
}


def _load(table: dict[str, tuple[str, str]], name: str) -> Any:
    if name not in table:
        raise InputError(f"unknown output format {name!r} (known: {', '.join(table)})")
    module, attr = table[name]
    return getattr(importlib.import_module(module), attr)


def get_formatter(name: str) -> Formatter:
    formatter: Formatter = _load(FORMATTERS, name)
    return formatter


def get_score_formatter(name: str) -> ScoreFormatter:
    formatter: ScoreFormatter = _load(SCORE_FORMATTERS, name)
    return formatter


def same_file(a: Path | str, b: Path | str) -> bool:
    """Are ``a`` and ``b`` the same existing file (through symbolic and hard links)?"""
    try:
        return Path(a).samefile(b)
    except (OSError, ValueError):
        return False


def refuse_overwriting_inputs(outputs: Iterable[tuple[str, Path | str]],
                              inputs: Iterable[Path | str]) -> None:
    """The guard every writer goes through: raise :class:`InputError` (exit status 2) when an
    output path is the same file as an input that is read, so no option ever replaces a user's
    file with a report.  ``outputs`` are ``(option, path)`` pairs, named in the message."""
    wanted = [(option, Path(path)) for option, path in outputs]
    if not wanted:
        return
    for source in inputs:
        for option, path in wanted:
            if same_file(path, source):
                shown = "" if str(source) == str(path) else f" ({source})"
                raise InputError(f"{option} {path}: is an input file{shown}; refusing to "
                                 "overwrite it (choose another path)")


def _is_stream(path: Path) -> bool:
    """Is ``path`` an existing device, FIFO or socket (written into, never replaced)?"""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_atomic(path: Path | str, data: str | bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename, so a reader
    never sees half a file and a failed write leaves the old one; an error is one line
    (:class:`InputError`).  A device or FIFO (``/dev/null``, ``/dev/stdout``, a named pipe) is
    written into as a stream, never replaced by a regular file; a symbolic link keeps pointing
    at the file it names, which gets the new content.  Text is written as UTF-8, bytes as they
    are; ``mode``: the file's permission bits (default: what a plain ``open()`` would give)."""
    path = Path(path)
    if _is_stream(path):
        try:
            if isinstance(data, bytes):
                with path.open("wb") as raw:
                    raw.write(data)
            else:
                with path.open("w", encoding="utf-8", newline="") as fh:
                    fh.write(data)
        except OSError as exc:
            raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise InputError(f"{path}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    try:
        if isinstance(data, bytes):
            with os.fdopen(fd, "wb") as raw:
                raw.write(data)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
                fh.write(data)
        if mode is None:
            # mkstemp makes the file private; give it the mode a plain open() would.
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{path}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
