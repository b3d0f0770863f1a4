"""Small text helpers shared by the checks (tokens with offsets, case tests)."""

from __future__ import annotations

import re

from tqcheck.model import MASK

#: A word: letters/digits with inner apostrophes or hyphens ("don't", "cease-fire").
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


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


#: Punctuation, quotes and masks become spaces before a whitespace split into folded tokens.
_TOKEN_PUNCT = '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~'
_TOKEN_TABLE = str.maketrans(dict.fromkeys(_TOKEN_PUNCT + "“”«»„‘’" + MASK, " "))
#: The same table for ASCII text as bytes: ``bytes.translate`` indexes a 256-byte table, where
#: ``str.translate`` looks every distinct character up in a dict, on every call.
_ASCII_TOKEN_TABLE = bytes.maketrans(_TOKEN_PUNCT.encode(), b" " * len(_TOKEN_PUNCT))
_tokens_cache: tuple[str, list[str]] = ("", [])


def folded_tokens(text: str) -> list[str]:
    """Case-folded tokens of ``text`` split on whitespace and punctuation (hyphens and apostrophes
    stay inside words).  Cached for the last text, so the checks of one segment share the work."""
    global _tokens_cache
    if _tokens_cache[0] is text:
        return _tokens_cache[1]
    if text.isascii():  # most text: casefold() is lower() there
        toks = text.lower().encode().translate(_ASCII_TOKEN_TABLE).decode().split()
    else:
        toks = text.casefold().translate(_TOKEN_TABLE).split()
    _tokens_cache = (text, toks)
    return toks
