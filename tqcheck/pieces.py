"""Over-long segments checked in pieces, so that the cost of an audit stays linear in the text.

A paragraph of a megabyte with no sentence end (a dump, a run-on machine translation, a file
without line breaks) is one segment and one sentence.  Checks hold the tokens of what they look at,
and some compare a sentence with its neighbours, so such a segment cost far more than the same words
in paragraphs.  :func:`split_long_segments` cuts a segment longer than :data:`MAX_SEGMENT`
characters into pieces of at most that size, preferably after a sentence end, else at a space,
else between two characters that do not form one grapheme.  Each piece is a segment with the exact
file position of its first character, so findings keep their positions.  Text of ordinary
paragraphs, thousands of characters at most, is never cut and its findings do not change.

Where a cut falls inside a sentence, the piece after it does not start a sentence: a finding whose
span starts at that cut is an artifact of the cut (a "sentence" starting in lowercase) and
:func:`from_a_cut` tells the engine to drop it.  A piece of a unit with a source keeps no source:
the source cannot be cut alike, and pair checks would report the rest of the target as missing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from tqcheck.model import Segment

#: Longest segment checked whole, in characters (ordinary paragraphs are a few thousand at most).
MAX_SEGMENT = 50_000

#: ``Segment.meta`` key of a piece: ``(the whole segment, offset of the piece in it, whether the
#: piece starts inside a sentence)``.
PIECE = "piece_of"

_SENTENCE_END = re.compile(r"[.!?…。！？؟][\"'”’»)\]]*\s+")
_SPACE = re.compile(r"\s+")


def _is_grapheme_start(ch: str) -> bool:
    # Combining marks, joiners and variation selectors belong to the character before them.
    return not unicodedata.category(ch).startswith("M") and ch not in "\u200d\u200c" and not (
        "\ufe00" <= ch <= "\ufe0f")


def _repeat_across(before: list[str], after: list[str]) -> bool:
    """Does a phrase of up to 8 words repeated back to back span the cut between the words, or
    start at it (a finding at the start of a piece cut inside a sentence is dropped)?"""
    words = before + after
    cut = len(before)
    for n in range(1, 9):
        for i in range(max(0, cut - 2 * n + 1), min(cut + 1, len(words) - 2 * n + 1)):
            if words[i:i + n] == words[i + n:i + 2 * n]:
                return True
    return False


def _cut(text: str, lo: int, hi: int) -> tuple[int, int, bool]:
    """Where to cut ``text`` between ``lo`` and ``hi``: ``(end of this piece, start of the next,
    whether the cut is inside a sentence)``."""
    last = None
    for last in _SENTENCE_END.finditer(text, lo, hi):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        return last.start() + len(last.group().rstrip()), last.end(), False
    spaces = list(_SPACE.finditer(text, max(lo, hi - 4000), hi))[-64:]
    if spaces:
        # Not between two copies of a repeated phrase (up to 8 words): a doubled word or a loop
        # cut in two would go unreported.
        for space in reversed(spaces):
            before = text[max(lo, space.start() - 400):space.start()].casefold().split()[-16:]
            after = text[space.end():space.end() + 400].casefold().split()[:16]
            if not _repeat_across(before, after):
                return space.start(), space.end(), True
        return spaces[-1].start(), spaces[-1].end(), True
    at = hi
    while at > lo and not _is_grapheme_start(text[at]):
        at -= 1
    return (at, at, True) if at > lo else (hi, hi, True)


def _pieces(segment: Segment) -> Iterator[Segment]:
    text = segment.text
    start, inside = 0, False
    while True:
        remaining = len(text) - start
        if remaining <= MAX_SEGMENT:
            end, following = len(text), len(text)
        else:
            # Pieces of about equal size, so the last one is not a scrap.
            count = -(-remaining // MAX_SEGMENT)
            size = remaining // count
            end, following, cut_inside = _cut(text, start + size // 2, start + size)
        line, col = segment.locate(start)
        positions = (segment.positions[start:end + 1] if segment.positions is not None else None)
        yield Segment(text[start:end], line, col, segment.index, segment.kind, None,
                      segment.source_lang, segment.target_lang, segment.id, positions,
                      {**segment.meta, PIECE: (segment, start, inside)})
        if end >= len(text):
            return
        start, inside = following, cut_inside


def split_long_segments(segments: Iterable[Segment]) -> Iterator[Segment]:
    """The segments, with any longer than :data:`MAX_SEGMENT` cut into pieces."""
    for segment in segments:
        if len(segment.text) <= MAX_SEGMENT:
            yield segment
        else:
            yield from _pieces(segment)


def is_continuation(segment: Segment) -> bool:
    """Is ``segment`` a piece after the first of a cut segment (not a segment of its own)?"""
    piece = segment.meta.get(PIECE)
    return piece is not None and piece[1] > 0


def from_a_cut(segment: Segment, start: int) -> bool:
    """Does a hit at ``start`` of ``segment`` start where a cut fell inside a sentence?"""
    piece = segment.meta.get(PIECE)
    return piece is not None and piece[2] and start == 0


def excerpt_of(segment: Segment, start: int) -> str:
    """The file line that holds ``start`` (see :meth:`Segment.line_text`), taken from the whole
    segment for a piece: a piece's first line does not start the file line."""
    piece = segment.meta.get(PIECE)
    if piece is None:
        return segment.line_text(start)
    whole: Segment = piece[0]
    return whole.line_text(piece[1] + start)
