"""Building the edits of fixes in the coordinates of a segment's text.

Checks describe what to change; :mod:`tqcheck.fix` applies it.  These helpers keep the text around
a change tidy: deleting a token also deletes the space it leaves behind, and deleting a whole line
takes its line break with it.
"""

from __future__ import annotations

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
