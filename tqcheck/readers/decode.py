"""Opening text files: BOM sniffing, binary detection, strict decoding, streaming by line."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path

from tqcheck.errors import InputError

_SNIFF = 8192

_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def sniff_encoding(head: bytes, path: Path, requested: str | None) -> str:
    """The codec to read a file with: a BOM wins, then ``requested``, then UTF-8.  Refuses binary."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if requested:
        try:
            codecs.lookup(requested)
        except LookupError:
            raise InputError(f"unknown encoding {requested!r}") from None
        return requested
    if b"\x00" in head:
        raise InputError(f"{path}: binary file (NUL bytes), not text")
    return "utf-8"


def check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory")


def iter_lines(path: Path, encoding: str | None = None) -> Iterator[str]:
    """Lines of a text file, newline-normalised (``\\r\\n`` → ``\\n``) and without the BOM.

    Streams: memory does not depend on the file's size.  Decoding errors become a one-line
    :class:`InputError` naming the file, the line and the ``--encoding`` option.
    """
    check_readable(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot open: {exc.strerror}") from None
    with raw:
        head = raw.read(_SNIFF)
        codec = sniff_encoding(head, path, encoding)
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=codec, errors="strict", newline=None)
        lineno = 0
        try:
            for line in stream:
                lineno += 1
                if lineno == 1 and line.startswith("\ufeff"):
                    line = line[1:]
                if "\x00" in line:
                    raise InputError(f"{path}: line {lineno}: binary data (NUL byte), not text")
                yield line
        except UnicodeDecodeError:
            shown = "UTF-8" if codec in {"utf-8", "utf-8-sig"} else codec
            raise InputError(
                f"{path}: line {lineno + 1}: not valid {shown} text; "
                "pass --encoding (for example --encoding cp1256 or --encoding latin-1)"
            ) from None


def read_text(path: Path, encoding: str | None = None) -> str:
    """The whole file as one string (for formats that need it; prose readers stream)."""
    return "".join(iter_lines(path, encoding))
