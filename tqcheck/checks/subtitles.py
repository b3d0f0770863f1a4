"""Subtitle structure: reading speed, line length and line count of each cue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tqcheck.checks._pairs import pair_data
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.langdata import base_lang
from tqcheck.model import Segment, Sentence, Severity

_TAG = re.compile(r"<[^<>]*>|\{\\[^{}]*\}")


def _limit(name: str, segment: Segment, ctx: CheckContext) -> float:
    table: dict[str, Any] = pair_data()["subtitles"][name]
    lang = base_lang(segment.target_lang or ctx.lang) or ""
    return float(table.get(lang, table["default"]))


def _visible(text: str) -> str:
    return _TAG.sub("", text)


@register("TQ280", "subtitle-reading-speed", Severity.WARNING, scope="segment", on="cues")
def find_fast_subtitles(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A subtitle cue with more characters per second than viewers can read.

    What it does:
        Divides the cue's visible characters (tags and line breaks left out) by its duration and
        flags cues above the limit for the target language: 20 characters per second by default,
        9 for Chinese, 8 for Japanese, 12 for Korean (``tqcheck/data/pairs.toml``).  A cue whose
        source (with ``--source``) is over the source language's limit already is left alone;
        one at most 5% over the limit is info.

    Why it matters:
        Translations run longer than their source; a cue that was readable in English is gone
        before a German viewer finishes it.

    Example:
        A 1-second cue holding ``Ich habe dir doch gesagt, dass wir zu spät kommen`` (48 characters)
        → flagged at 48 cps.
    """
    if segment.kind != "cue" or not segment.text.strip():
        return
    start, end = segment.meta.get("start"), segment.meta.get("end")
    if not isinstance(start, (int, float)) or not isinstance(end, (int, float)):
        return
    chars = len(_visible(segment.text).replace("\n", ""))
    duration = end - start
    limit = _limit("max_cps", segment, ctx)
    if duration <= 0:
        yield Hit(0, len(segment.text), "cue ends before it starts")
        return
    cps = chars / duration
    if cps > limit and segment.source:
        table: dict[str, Any] = pair_data()["subtitles"]["max_cps"]
        src_lang = base_lang(segment.source_lang or ctx.source_lang or "en") or "en"
        src_cps = len(_visible(segment.source).replace("\n", "")) / duration
        if src_cps > float(table.get(src_lang, table["default"])):
            return  # the source cue is too fast already: the timing is the production's
    if cps > limit:
        # Within a twentieth of the limit (20.6 for 20, 8.1 for 8) the overrun is a reading
        # guideline brushed, not a cue viewers cannot read: info.
        slight = cps <= limit * _SLIGHT_OVERRUN
        yield Hit(0, len(segment.text), f"{cps:.1f} characters per second in {duration:.2f} s "
                  f"(at most {limit:g})" + (" (slightly over)" if slight else ""),
                  severity=Severity.INFO if slight else None)


#: The share over a reading-speed limit that is only info (TQ280).
_SLIGHT_OVERRUN = 1.05


def _source_lines_too_long(source: str, segment: Segment, ctx: CheckContext) -> bool:
    table: dict[str, Any] = pair_data()["subtitles"]["max_line_chars"]
    lang = base_lang(segment.source_lang or ctx.source_lang or "en") or "en"
    limit = float(table.get(lang, table["default"]))
    return any(len(_visible(line)) > limit for line in source.split("\n"))


@register("TQ281", "subtitle-line-length", Severity.WARNING, scope="segment", on="cues")
def find_long_subtitle_lines(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A subtitle line longer than the screen allows.

    What it does:
        Flags each line of a cue whose visible characters exceed the limit for the target language:
        42 by default, 16 for Chinese and Japanese, 20 for Korean.  A cue whose source (with
        ``--source``) has a line over the source language's limit is left alone: the layout is
        the production's, not the translator's.

    Why it matters:
        Long lines wrap unpredictably on players or run off small screens; MT never re-breaks lines.

    Example:
        ``Das ist ein außerordentlich langer Untertitel, der nicht passt`` (62 characters) →
        flagged.
    """
    if segment.kind != "cue":
        return
    limit = _limit("max_line_chars", segment, ctx)
    if segment.source and _source_lines_too_long(segment.source, segment, ctx):
        return  # the source cue breaks the limit too: the layout is the production's
    offset = 0
    for line in segment.text.split("\n"):
        n = len(_visible(line))
        if n > limit:
            yield Hit(offset, offset + len(line),
                      f"subtitle line of {n} characters (at most {limit:g})")
        offset += len(line) + 1


@register("TQ282", "subtitle-line-count", Severity.WARNING, scope="segment", on="cues")
def find_crowded_subtitles(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A subtitle cue with more lines than a screen shows.

    What it does:
        Flags cues with more than two lines of text.

    Why it matters:
        Three lines cover the picture; subtitling standards allow two.

    Example:
        A cue ``Yes.`` / ``I know.`` / ``Go on.`` in three lines → flagged.
    """
    if segment.kind != "cue":
        return
    lines = [ln for ln in segment.text.split("\n") if ln.strip()]
    max_lines = int(pair_data()["subtitles"]["max_lines"])
    if len(lines) > max_lines:
        start = sum(len(ln) + 1 for ln in segment.text.split("\n")[:max_lines])
        yield Hit(start, len(segment.text), f"{len(lines)} lines in one cue (at most {max_lines})")
