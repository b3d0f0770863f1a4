"""Building the edits of fixes in the coordinates of a segment's text.

Checks describe what to change; :mod:`tqcheck.fix` applies it.  These helpers keep the text around
a change tidy: deleting a token also deletes the space it leaves behind, and deleting a whole line
takes its line break with it; and they make the unit of a fix what an editor judges: the marks of
one paragraph converted (or deleted) together.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.checks.registry import Hit

_SPACES = " \t\u00a0"
_OPENERS = "([{\"'“‘«\n"


def delete_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """An edit deleting ``text[start:end]`` and the spacing it would leave doubled or dangling:
    ``a ⚡ b`` → ``a b``; ``⚡ Based`` → ``Based``; ``the link pic.twitter.com/x.`` → ``the link.``;
    a line holding nothing else goes with its line break."""
    before_ws = start
    while before_ws > 0 and text[before_ws - 1] in _SPACES:
        before_ws -= 1
    after_ws = end
    while after_ws < len(text) and text[after_ws] in _SPACES:
        after_ws += 1
    at_line_start = before_ws == 0 or text[before_ws - 1] == "\n"
    at_line_end = after_ws == len(text) or text[after_ws] == "\n"
    if at_line_start and at_line_end:
        # The line holds nothing else: delete it with one line break.
        if after_ws < len(text):
            return before_ws, after_ws + 1, ""
        if before_ws > 0:
            return before_ws - 1, after_ws, ""
        return 0, len(text), ""
    if at_line_start or (before_ws > 0 and text[before_ws - 1] in _OPENERS):
        return start, after_ws, ""  # "⚡ Based" → "Based"; "(⚡ x)" → "(x)"
    if at_line_end or (after_ws < len(text) and not text[after_ws].isalnum()
                       and text[after_ws] not in _OPENERS):
        return before_ws, end, ""  # "the link pic.twitter.com/x." → "the link."
    if after_ws > end and before_ws < start:
        return start, after_ws, ""  # "a ⚡ b" → "a b"
    return start, end, ""


def one_fix_per_segment(hits: Sequence[Hit], message: Callable[[list[Hit]], str] | None = None
                        ) -> list[Hit]:
    """The fixes of one segment's hits merged into one fix that each of them carries.

    An editor judges a line, not a mark: a fix that converts one 【】 pair of a line, or deletes
    one of the three word joiners of ``(\\u2060^\\u2060^\\u2060)``, leaves the line half done
    until the next fix is applied.  Every hit whose own fix is merged, and every hit without a
    fix of its own whose span an edit of the merged fix covers (a closing bracket converted with
    its opener), carries the merged fix; applying it once resolves them all.  Hits whose fix is
    lowered (``applicability``) are merged with their like only; an edit that overlaps one taken
    before stays its hit's own fix.  ``message`` says what the merged fix does (default: the
    hits' own messages)."""
    out = list(hits)
    groups: dict[object, list[int]] = {}
    for k, hit in enumerate(out):
        groups.setdefault(hit.applicability, []).append(k)
    for members in groups.values():
        edits: list[tuple[int, int, str]] = []
        merged: list[int] = []
        for k in members:
            own = out[k].fix
            if not own or not all(isinstance(e, tuple) for e in own):
                continue
            spans = [e for e in own if isinstance(e, tuple)]
            if any((a < e and s < b) or (a == b == s == e) for s, e, _ in spans
                   for a, b, _ in edits):
                continue
            edits.extend(spans)
            merged.append(k)
        if len(edits) < 2:
            continue
        covered = [k for k in members if k not in merged and not out[k].fix
                   and any(a <= out[k].start and out[k].end <= b for a, b, _ in edits)]
        carriers = sorted(merged + covered)
        text = message([out[k] for k in carriers]) if message else _joined_messages(
            [out[k] for k in merged])
        fix = tuple(sorted(edits))
        for k in carriers:
            out[k] = dataclasses.replace(out[k], fix=fix, fix_message=text)
    return out


def _joined_messages(hits: list[Hit]) -> str:
    messages = list(dict.fromkeys(h.fix_message for h in hits if h.fix_message))
    if len(messages) == 1:
        return f"{messages[0]} ({len(hits)}×)"
    return "; ".join(messages)
