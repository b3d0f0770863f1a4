"""Small text helpers shared by the checks (tokens with offsets, case tests)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tqcheck.model import MASK

#: A word: letters/digits with inner apostrophes or hyphens ("don't", "cease-fire").
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    return WORD.finditer(text, start, len(text) if end is None else end)


def first_letter(text: str) -> int:
    """Index of the first letter or digit of ``text`` (skipping quotes, masks, brackets), or -1."""
    for i, ch in enumerate(text):
        if ch.isalnum():
            return i
        if ch not in "\"'“‘«„‚([{¿¡-—–*•·" + MASK and not ch.isspace():
            return -1
    return -1


def is_cased_lower(ch: str) -> bool:
    return ch.islower() and ch.upper() != ch


def sentence_bounds_after(text: str, pos: int) -> int:
    """End of the sentence that contains ``pos`` (after ., !, ? or the end of text)."""
    m = re.compile(r"[.!?…](?=\s|$)").search(text, pos)
    return m.end() if m else len(text)


#: Punctuation, quotes and masks become spaces before a whitespace split into folded tokens.
_TOKEN_TABLE = str.maketrans(dict.fromkeys('!"#$%&()*+,./:;<=>?@[\\]^_`{|}~“”«»„‘’' + MASK, " "))
_tokens_cache: tuple[str, list[str]] = ("", [])


def folded_tokens(text: str) -> list[str]:
    """Case-folded tokens of ``text`` split on whitespace and punctuation (hyphens and apostrophes
    stay inside words).  Cached for the last text, so the checks of one segment share the work."""
    global _tokens_cache
    if _tokens_cache[0] is text:
        return _tokens_cache[1]
    toks = text.casefold().translate(_TOKEN_TABLE).split()
    _tokens_cache = (text, toks)
    return toks
