"""File readers: one module per format, each turning a file into ``Iterator[Segment]``.

``READERS`` maps a format name to ``(module, function, extensions)``; the function has the signature
``(path: Path, encoding: str | None) -> Iterator[Segment]``; readers of translation files also take
``options`` (:class:`~tqcheck.config.ReadSettings`: ``include_fuzzy``, ``tmx_langs``, ``source``
…), and readers of formats with a suppression syntax a ``directives`` sink they emit into while
they read (:mod:`tqcheck.suppress`).  Formats are detected by extension, then by content for
``.xml`` and unknown extensions, and ``--format-in`` forces one.
"""

from __future__ import annotations

import codecs
import importlib
import inspect
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from tqcheck.config import ReadSettings, read_settings
from tqcheck.errors import InputError
from tqcheck.model import Segment

if TYPE_CHECKING:
    from tqcheck.readers.decode import LineWatch
    from tqcheck.suppress import Directive

Reader = Callable[[Path, "str | None"], Iterator[Segment]]

READERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "text": ("tqcheck.readers.text", "read_text_file", (".txt", ".text")),
    "markdown": ("tqcheck.readers.markdown", "read_markdown_file", (".md", ".markdown", ".mdown")),
    "po": ("tqcheck.readers.po", "read_po_file", (".po", ".pot")),
    "xliff": ("tqcheck.readers.xliff", "read_xliff_file", (".xlf", ".xliff", ".xlf2")),
    "tmx": ("tqcheck.readers.tmx", "read_tmx_file", (".tmx",)),
    "json": ("tqcheck.readers.jsonl10n", "read_json_file", (".json", ".arb")),
    "srt": ("tqcheck.readers.subtitles", "read_subtitle_file", (".srt",)),
    "vtt": ("tqcheck.readers.subtitles", "read_subtitle_file", (".vtt",)),
    "android": ("tqcheck.readers.android", "read_android_file", ()),
}

#: Extensions whose format is decided by content (an ``.xml`` file may be Android, XLIFF or TMX).
_SNIFFED_EXTENSIONS = (".xml",)
_XML_ROOT = re.compile(r"<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)")
_SRT_START = re.compile(r"\A\s*\d+\s*\n\s*\d+:\d\d:\d\d[,.]\d+\s*-->")


def known_extensions() -> set[str]:
    return {ext for _, _, exts in READERS.values() for ext in exts} | set(_SNIFFED_EXTENSIONS)


def sniff_format(head: str) -> str | None:
    """The format of a file from its first few kilobytes, or None."""
    text = head.lstrip("\ufeff \t\r\n")
    if text.startswith("WEBVTT"):
        return "vtt"
    if _SRT_START.match(text):
        return "srt"
    if text.startswith("<"):
        body = re.sub(r"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", "", text, flags=re.DOTALL)
        m = _XML_ROOT.search(body)
        root = m.group(1) if m else ""
        return {"xliff": "xliff", "tmx": "tmx", "resources": "android"}.get(root)
    if text.startswith("{"):
        return "json"
    if re.search(r"^msgid\s+\"", text, re.MULTILINE) and re.search(r"^msgstr", text, re.MULTILINE):
        return "po"
    return None


def _head(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            raw = fh.read(4096)
    except OSError:
        return ""
    for codec in ("utf-8", "utf-16"):
        try:
            return raw.decode(codec, errors="strict" if codec == "utf-16" else "ignore")
        except UnicodeDecodeError:
            continue
    return ""


def detect_format(path: Path, forced: str | None = None) -> str:
    if forced:
        if forced not in READERS:
            known = ", ".join(sorted(READERS))
            raise InputError(f"unknown input format {forced!r} (known: {known})")
        return forced
    suffix = path.suffix.lower()
    for name, (_, _, exts) in READERS.items():
        if suffix in exts:
            return name
    if path.is_file():
        sniffed = sniff_format(_head(path))
        if sniffed:
            return sniffed
    if suffix in _SNIFFED_EXTENSIONS:
        raise InputError(f"{path}: XML file of a kind tqcheck does not read "
                         "(expected XLIFF, TMX or Android resources); use --format-in")
    return "text"


def get_reader(fmt: str) -> Reader:
    module, attr, _ = READERS[fmt]
    reader: Reader = getattr(importlib.import_module(module), attr)
    return reader


def read_segments(
    path: Path,
    encoding: str | None = None,
    fmt: str | None = None,
    options: ReadSettings | Mapping[str, Any] | None = None,
    directives: list[Directive] | None = None,
    watch: LineWatch | None = None,
) -> Iterator[Segment]:
    """Segments of one file, streamed.  ``options`` reach the readers that take them;
    ``directives`` collects the suppression directives (:mod:`tqcheck.suppress`) that readers of
    formats with a suppression syntax emit as they read (complete once the segments are);
    the readers of prose (text, Markdown) pass the file's lines through ``watch`` as they read
    them (:class:`~tqcheck.readers.decode.BlankLines`: no second read to widen a fix)."""
    reader = get_reader(detect_format(path, fmt))
    settings = read_settings(options)
    params = inspect.signature(reader).parameters
    kwargs: dict[str, Any] = {}
    if "options" in params:
        kwargs["options"] = settings
    if directives is not None and "directives" in params:
        kwargs["directives"] = directives
    if watch is not None and "watch" in params:
        kwargs["watch"] = watch
    return reader(path, encoding, **kwargs)


def read_pairs(
    path: str | Path,
    encoding: str | None = None,
    fmt: str | None = None,
    options: ReadSettings | Mapping[str, Any] | None = None,
) -> list[tuple[str, str]]:
    """``(source, target)`` pairs of a translation file (PO, XLIFF, TMX, JSON or subtitles with a
    source, Android resources beside their default ones) — for scoring and re-translation.

    Units without a source are left out; so are untranslated ones (an empty target).
    """
    return [
        (seg.source, seg.text)
        for seg in read_segments(Path(path), encoding, fmt, options)
        if seg.source is not None and seg.text.strip()
    ]


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without its leading and trailing white space, as ``(start, end)``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def read_source_lines(path: Path) -> list[str]:
    """The lines of a line-aligned source file (UTF-8, with or without BOM)."""
    return SourceFile(path).lines()


class SourceFile:
    """A line-aligned ``--source`` file, opened once for everything one audited file needs of it:
    the identification of its language (:meth:`head`) and the pairing of lines (:meth:`line`,
    :func:`pair_source_lines`).

    It is streamed, not held: on first use one pass checks that the whole file decodes (a bad
    byte anywhere is an error, however few lines the audited file has), then the lines are read
    forward as the pairing asks for them, and the lines before the last one asked for are dropped,
    so memory does not grow with the file.  A read error is kept and raised again to each caller.
    :meth:`close` closes it (:func:`pair_source_lines` and the audit do)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._error: InputError | None = None
        self._raw: IO[bytes] | None = None
        self._text: io.TextIOWrapper | None = None
        #: Whether the text ends with a line break; whether its first 8 KiB hold a NUL byte.
        self._terminated = True
        self._nul_head = False
        #: Lines read and not yet passed; ``_first`` lines of the file come before them.
        self._kept: list[str] = []
        self._first = 0
        #: The number of lines of the file, once its end has been read.
        self.count: int | None = None

    def __str__(self) -> str:
        return str(self.path)

    def _fail(self, message: str) -> NoReturn:
        self.close()
        self._error = InputError(message)
        raise self._error from None

    def open(self) -> None:
        """Open the file and check that all of it decodes (once; a kept error is raised again)."""
        if self._error is not None:
            raise self._error
        if self._text is not None:
            return
        try:
            self._raw = self.path.open("rb")
            head = self._raw.read(8192)
            self._nul_head = b"\x00" in head and not head.startswith(codecs.BOM_UTF8)
            decoder = codecs.getincrementaldecoder("utf-8-sig")()
            last, chunk = "", head
            try:
                while chunk:
                    text = decoder.decode(chunk)
                    last = text[-1:] or last
                    chunk = self._raw.read(1 << 16)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                self._raw.seek(0)
                self._raw.read().decode("utf-8-sig")  # raises, with the offset in the whole file
                raise
            self._terminated = last in ("\n", "\r")
        except OSError as exc:
            self._fail(f"{self.path}: {exc.strerror or exc}")
        except UnicodeDecodeError as exc:
            self._fail(f"{self.path}: not UTF-8 ({exc.reason} at byte {exc.start})")
        self._rewind()

    def _rewind(self) -> None:
        assert self._raw is not None
        if self._text is not None:
            self._text.detach()
        self._raw.seek(0)
        self._text = io.TextIOWrapper(self._raw, encoding="utf-8-sig", newline=None)
        self._kept, self._first = [], 0

    def close(self) -> None:
        """Close the file (a later use opens it again)."""
        text, raw = getattr(self, "_text", None), getattr(self, "_raw", None)
        self._text = self._raw = None
        self._kept, self._first = [], 0
        if text is not None:
            text.close()
        elif raw is not None:
            raw.close()

    def __del__(self) -> None:  # dropped without close() (a lone head()): no open file left
        self.close()

    def _fetch(self, n: int) -> None:
        """Read on until line ``n`` (1-based) is kept or the file ends."""
        assert self._text is not None
        try:
            while self.count is None and self._first + len(self._kept) < n:
                line = self._text.readline()
                if not line:
                    self.count = self._first + len(self._kept)
                    break
                self._kept.append(line[:-1] if line.endswith("\n") else line)
        except (OSError, UnicodeDecodeError) as exc:  # changed while read
            self._fail(f"{self.path}: cannot read: {exc}")

    def line(self, n: int) -> str | None:
        """Line ``n`` (1-based, without its line break), or None past the end.  The lines before
        it are dropped: asking for one of them again reads the file again from its start."""
        self.open()
        if n <= self._first:
            self._rewind()
        self._fetch(n)
        i = n - 1 - self._first
        if i >= len(self._kept):
            return None
        del self._kept[:i]
        self._first += i
        return self._kept[0]

    def lines(self) -> list[str]:
        """Every line of the file (UTF-8, with or without BOM), split by the one newline rule
        (held in memory: for callers that need them all)."""
        self.open()
        if self._first:
            self._rewind()
        self._fetch(sys.maxsize)
        return list(self._kept)

    def head(self, n: int) -> list[str] | None:
        """The non-blank lines among the first ``n``, each with its line break, as a text reader
        gives them (for identifying the language); None when the file cannot be read as text."""
        try:
            self.open()
        except InputError:
            return None
        if self._nul_head:
            return None  # binary data: not text to identify
        if self._first:
            self._rewind()
        self._fetch(n)
        lines = self._kept[:n]
        if any("\x00" in line for line in lines):
            return None
        last = self.count - 1 if self.count is not None else -1
        return [line if i == last and not self._terminated else line + "\n"
                for i, line in enumerate(lines) if line.strip()]


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A physical line ``segment.text[start:end]`` (white space stripped) of file line ``line``,
    and the line of the source file that it translates."""

    start: int
    end: int
    line: int
    source: str


def pair_source_lines(segments: Iterable[Segment], source: str | Path | SourceFile,
                      note: Callable[[str], None] | None = None, path: str = "") -> Iterator[Segment]:
    """``segments`` with every segment that carries no source of its own paired, line by line,
    with the line-aligned ``source`` file: ``meta["source_lines"]`` holds a :class:`SourceLine`
    for each of its non-blank lines whose source line is not blank.  The source is opened on the
    first segment that needs it and streamed (a :class:`SourceFile` given is not opened again);
    ``note`` hears (once) that the file has text beyond the source's last line."""
    own = not isinstance(source, SourceFile)
    src = SourceFile(source) if not isinstance(source, SourceFile) else source
    used = False
    last = 0
    try:
        for segment in segments:
            if segment.source is None:
                if not used:
                    src.open()
                    used = True
                pieces: list[SourceLine] = []
                offset = 0
                for piece in segment.text.split("\n"):
                    start, end = strip_span(segment.text, offset, offset + len(piece))
                    if start < end:
                        line = segment.locate(offset)[0]
                        last = max(last, line)
                        text = src.line(line)
                        if text is not None and text.strip():
                            pieces.append(SourceLine(start, end, line, text.strip()))
                    offset += len(piece) + 1
                if pieces:
                    segment = replace(segment,
                                      meta={**segment.meta, "source_lines": tuple(pieces)})
            yield segment
    finally:
        if own:
            src.close()
    if used and src.count is not None and last > src.count and note is not None:
        note(f"{src} has {src.count} lines but {path} has text on line {last}; lines "
             "without a source line are not compared")
