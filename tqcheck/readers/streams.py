"""Inputs that are streams, not files: standard input (``-``), named pipes, process substitution
(``<(cmd)``), character devices.

A stream can be read once and cannot seek, while readers sniff a file's head, reopen it (the
suppression comments of text and Markdown) or parse it whole.  So a stream is copied once, as it
comes, into a private temporary file that is then audited like any other under the stream's own
name.  The copy refuses binary data as it goes (``/dev/zero`` and ``/dev/urandom`` are refused at
once instead of filling the disk) and holds a fixed amount of memory.
"""

from __future__ import annotations

import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from tqcheck.errors import InputError
from tqcheck.model import FileError
from tqcheck.readers.decode import sniff_encoding

#: The name of standard input on the command line, and in reports without ``--stdin-filename``.
STDIN = "-"
STDIN_SHOWN = "<stdin>"

_CHUNK = 1 << 16


def is_stream(path: Path | str) -> bool:
    """Is ``path`` standard input or an existing file that is not a regular file or a folder?"""
    if str(path) == STDIN:
        return True
    try:
        mode = Path(path).stat().st_mode
    except (OSError, ValueError):
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _copy(source: BinaryIO, dest: Path, shown: str, encoding: str | None) -> None:
    head = source.read(8192)
    # The same rule as for files: no BOM and no --encoding means UTF-8, where a NUL byte is binary.
    codec = sniff_encoding(head, Path(shown), encoding)
    refuse_nul = codec == "utf-8" and not encoding
    with dest.open("wb") as out:
        chunk = head
        while chunk:
            if refuse_nul and b"\x00" in chunk:
                raise InputError(f"{shown}: binary data (NUL bytes), not text")
            out.write(chunk)
            chunk = source.read(_CHUNK)


def spool_stream(path: Path | str, folder: Path, name: str | None = None,
                 encoding: str | None = None) -> Path:
    """Copy the stream ``path`` (``-``: standard input) into ``folder`` as a regular file named
    ``name`` (its extension chooses the format; default: the stream's own name) and return it."""
    shown = str(path) if str(path) != STDIN else (name or STDIN_SHOWN)
    base = Path(name).name if name else ("stdin" if str(path) == STDIN else Path(shown).name)
    dest = folder / (base or "stdin")
    try:
        if str(path) == STDIN:
            _copy(sys.stdin.buffer, dest, name or STDIN_SHOWN, encoding)
        else:
            with Path(path).open("rb") as fh:
                _copy(fh, dest, shown, encoding)
    except OSError as exc:
        raise InputError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    return dest




def spool_streams(items: Sequence[Path | FileError], folder: Path, stdin_filename: str | None,
                  encoding: str | None) -> list[tuple[Path, str] | FileError]:
    """Each file as (path to read, name to show); a stream (``-``, a pipe, a device) is first
    copied into its own folder under ``folder``, once, and shown under its own name
    (``stdin_filename`` for ``-``).  A stream that cannot be copied is a :class:`FileError`;
    ``FileError`` items pass through."""
    out: list[tuple[Path, str] | FileError] = []
    for index, item in enumerate(items):
        if isinstance(item, FileError) or not is_stream(item):
            out.append(item if isinstance(item, FileError) else (item, str(item)))
            continue
        stdin = str(item) == STDIN
        shown = (stdin_filename or STDIN_SHOWN) if stdin else str(item)
        own = folder / str(index)
        own.mkdir()
        try:
            out.append((spool_stream(item, own, stdin_filename if stdin else None, encoding),
                        shown))
        except InputError as exc:
            out.append(FileError(shown, str(exc)))
    return out
