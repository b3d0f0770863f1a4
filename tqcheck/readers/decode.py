"""Opening text files: BOM sniffing, binary detection, strict decoding, streaming by line."""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tqcheck.errors import InputError

_SNIFF = 8192

#: Passes a prose file's lines through as a reader reads them (:func:`tqcheck.readers.read_segments`).
LineWatch = Callable[[Iterator[str]], Iterator[str]]

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
        guess = guess_bomless_utf16(head)
        if guess:
            shown = {"utf-16-le": "UTF-16 LE", "utf-16-be": "UTF-16 BE"}[guess]
            raise InputError(f"{path}: looks like {shown} text without a byte-order mark; "
                             f"pass --encoding {guess}")
        raise InputError(f"{path}: binary file (NUL bytes), not text")
    return "utf-8"


def guess_bomless_utf16(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``head`` reads as UTF-16 text without a BOM: its zero
    bytes (the high byte of ASCII letters, spaces, line breaks) stand on one side of the code
    units only, and the units decode to printable characters.  Only an error message rests on it:
    the file is refused either way."""
    units = len(head) // 2
    if units < 2:
        return None
    even = head[0:units * 2:2].count(0)
    odd = head[1:units * 2:2].count(0)
    for codec, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros and other <= units * 0.02:
            try:
                text = head[:units * 2].decode(codec)
            except UnicodeDecodeError:
                continue
            printable = sum(ch.isprintable() or ch in "\t\r\n" for ch in text)
            if printable >= len(text) * 0.95:
                return codec
    return None


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of ``text`` by the one newline rule of tqcheck: ``\\n``, ``\\r\\n`` and ``\\r``
    end a line, as when a file is read (:func:`iter_lines`, and Python's universal newlines that
    sacrebleu reads with) — not U+2028, U+0085, form feeds and the other characters at which
    ``str.splitlines`` also breaks, which would shift line-aligned files against each other.
    With ``keepends``, every line but an unterminated last one ends in ``"\\n"``."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    last = lines.pop()
    if keepends:
        lines = [line + "\n" for line in lines]
    if last:
        lines.append(last)
    return lines


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


class BlankLines:
    """Which lines of a file are blank, noted while a reader reads it (:meth:`watch` passes its
    lines through), so that widening a fix to the blank line beside it
    (:func:`tqcheck.fix.widen_line_deletions`) needs no second read: one bit a line, and the
    text of the blank lines that hold white space."""

    def __init__(self) -> None:
        self.count = 0
        self._bits = bytearray()
        self._spaces: dict[int, str] = {}

    @classmethod
    def of(cls, lines: Iterable[str]) -> BlankLines:
        blank = cls()
        for _ in blank.watch(lines):
            pass
        return blank

    def watch(self, lines: Iterable[str]) -> Iterator[str]:
        """``lines`` unchanged, each one noted."""
        for raw in lines:
            n = self.count
            self.count += 1
            if not n & 7:
                self._bits.append(0)
            if not raw or raw.isspace():  # blank (no copy of the line made to tell)
                self._bits[n >> 3] |= 1 << (n & 7)
                line = raw.rstrip("\n")
                if line:
                    self._spaces[n + 1] = line
            yield raw

    def blank(self, n: int) -> bool:
        """Whether line ``n`` (1-based) is blank or outside the file."""
        return n < 1 or n > self.count or bool(self._bits[(n - 1) >> 3] >> ((n - 1) & 7) & 1)

    def text(self, n: int) -> str:
        """The text of blank line ``n`` (its white space)."""
        return self._spaces.get(n, "")
