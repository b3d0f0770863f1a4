"""SubRip (``.srt``) and WebVTT (``.vtt``) subtitles: one segment per cue.

A cue's text keeps its line breaks (they are the file's own, so positions need no map) and its
tags; ``meta`` holds the cue's number and its start and end in seconds.  With ``--source`` a
subtitle file in the source language is matched cue by cue: by number when both files have the
same cues, otherwise by the largest overlap in time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqcheck.config import ReadSettings, read_settings
from tqcheck.errors import InputError
from tqcheck.model import Segment
from tqcheck.readers.decode import read_text

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+.*)?$")
_LANG_SUFFIX = re.compile(r"\.([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")


@dataclass(frozen=True)
class Cue:
    number: int
    start: float
    end: float
    text: str
    line: int  # line of the first text line


def _seconds(h: str | None, m: str, s: str, ms: str) -> float:
    return int(h or 0) * 3600 + int(m) * 60 + int(s) + int(ms.ljust(3, "0")) / 1000


def parse_cues(path: Path, encoding: str | None = None) -> tuple[list[Cue], dict[str, str]]:
    """Cues of an SRT or VTT file and, for VTT, the header's ``Key: value`` lines."""
    lines = read_text(path, encoding).split("\n")
    is_vtt = bool(lines) and lines[0].startswith("WEBVTT")
    header: dict[str, str] = {}
    i = 0
    if is_vtt:
        i = 1
        while i < len(lines) and lines[i].strip():
            key, sep, value = lines[i].partition(":")
            if sep:
                header[key.strip()] = value.strip()
            i += 1
    cues: list[Cue] = []
    n = len(lines)
    while i < n:
        if not lines[i].strip():
            i += 1
            continue
        block_start = i
        if is_vtt and lines[i].startswith(("NOTE", "STYLE", "REGION")):
            while i < n and lines[i].strip():
                i += 1
            continue
        m = _TIMING.match(lines[i])
        if not m and i + 1 < n:
            m = _TIMING.match(lines[i + 1])
            i += 1
        if not m:
            raise InputError(f"{path}: line {block_start + 1}: expected a cue timing "
                             "('00:00:01,000 --> 00:00:02,000')")
        g = m.groups()
        start, end = _seconds(*g[0:4]), _seconds(*g[4:8])
        i += 1
        text_line = i + 1
        body: list[str] = []
        while i < n and lines[i].strip():
            body.append(lines[i])
            i += 1
        cues.append(Cue(len(cues) + 1, start, end, "\n".join(body), text_line))
    if not cues and not is_vtt:
        raise InputError(f"{path}: no subtitle cues found")
    return cues, header


def _match(cues: list[Cue], sources: list[Cue]) -> list[Cue | None]:
    if len(cues) == len(sources):
        return list(sources)
    out: list[Cue | None] = []
    for cue in cues:
        best, overlap = None, 0.0
        for src in sources:
            o = min(cue.end, src.end) - max(cue.start, src.start)
            if o > overlap:
                best, overlap = src, o
        out.append(best)
    return out


def _lang(path: Path, header: Mapping[str, str]) -> str | None:
    if header.get("Language"):
        return header["Language"]
    m = _LANG_SUFFIX.search(path.stem)
    return m.group(1) if m else None


def read_subtitle_file(
    path: Path, encoding: str | None = None, options: ReadSettings | Mapping[str, Any] | None = None
) -> Iterator[Segment]:
    options = read_settings(options)
    cues, header = parse_cues(path, encoding)
    matched: list[Cue | None] = [None] * len(cues)
    source_lang = None
    if options.source:
        src_path = Path(options.source)
        src_cues, src_header = parse_cues(src_path, encoding)
        matched = _match(cues, src_cues)
        source_lang = _lang(src_path, src_header)
    target_lang = _lang(path, header)
    for index, (cue, src) in enumerate(zip(cues, matched, strict=True)):
        yield Segment(
            cue.text, cue.line, 1, index, kind="cue", source=src.text if src else None,
            source_lang=source_lang, target_lang=target_lang, id=str(cue.number),
            meta={"start": cue.start, "end": cue.end, "cue": cue.number},
        )
