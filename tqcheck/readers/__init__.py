"""File readers: one module per format, each turning a file into ``Iterator[Segment]``.

``READERS`` maps a format name to ``(module, function, extensions)``; the function has the signature
``(path: Path, encoding: str | None) -> Iterator[Segment]``.  Formats are detected by extension,
and ``--format-in`` forces one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.model import Segment

Reader = Callable[[Path, "str | None"], Iterator[Segment]]

READERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "text": ("tqcheck.readers.text", "read_text_file", (".txt", ".text")),
    "markdown": ("tqcheck.readers.markdown", "read_markdown_file", (".md", ".markdown", ".mdown")),
}


def known_extensions() -> set[str]:
    return {ext for _, _, exts in READERS.values() for ext in exts}


def detect_format(path: Path, forced: str | None = None) -> str:
    if forced:
        if forced not in READERS:
            raise InputError(f"unknown input format {forced!r} (known: {', '.join(sorted(READERS))})")
        return forced
    suffix = path.suffix.lower()
    for name, (_, _, exts) in READERS.items():
        if suffix in exts:
            return name
    return "text"


def get_reader(fmt: str) -> Reader:
    module, attr, _ = READERS[fmt]
    reader: Reader = getattr(importlib.import_module(module), attr)
    return reader


def read_segments(path: Path, encoding: str | None = None, fmt: str | None = None) -> Iterator[Segment]:
    """Segments of one file, streamed."""
    return get_reader(detect_format(path, fmt))(path, encoding)
