"""Small text helpers shared by the checks (tokens with offsets, case tests)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TypeVar

from tqcheck.model import MASK

T = TypeVar("T")

#: A word: letters/digits with inner apostrophes or hyphens ("don't", "cease-fire").
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
#: A run of letters (with combining marks; no digits, apostrophes or hyphens).
LETTERS = re.compile(r"[^\W\d_]+")
#: A character of a script written without spaces between words (kana, Han, Hangul, CJK
#: compatibility ideographs): a word there has no boundary at its edge, and a character of it
#: carries about as much as a short word.
UNSPACED_SCRIPT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


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
#: The characters besides white space that :func:`folded_tokens` splits text at: ASCII
#: punctuation, typographic quotes, Spanish inverted marks, the ellipsis and the Arabic-script
#: comma, semicolon and question mark (written against the word before them).
TOKEN_SEPARATORS = frozenset(_TOKEN_PUNCT + "“”«»„‘’¿¡…،؛؟" + MASK)
_TOKEN_TABLE = str.maketrans(dict.fromkeys(TOKEN_SEPARATORS, " "))
#: The same table for ASCII text as bytes: ``bytes.translate`` indexes a 256-byte table, where
#: ``str.translate`` looks every distinct character up in a dict, on every call.
_ASCII_TOKEN_TABLE = bytes.maketrans(_TOKEN_PUNCT.encode(), b" " * len(_TOKEN_PUNCT))
#: Texts a per-text memo holds before it starts afresh: more than the segments of a chunk, whose
#: checks run one after the other over all of them (the engine's order).
MEMO_SIZE = 256
#: ... and the characters it holds before it starts afresh: what is memoised (token lists) grows
#: with the text, and long segments would otherwise keep hundreds of megabytes (the engine's
#: chunks of long segments are smaller: see Engine.feed_all).
MEMO_CHARS = 2_000_000


class _TextMemo(dict[str, T]):
    """The memo of :func:`per_text`: a dict that computes a missing text's value itself, so that
    a hit is one C-level lookup (``memo.__getitem__``), not a call of a Python wrapper (the memos
    are asked about 200,000 times on 25,000 sentences)."""

    __slots__ = ("fn", "held")

    def __init__(self, fn: Callable[[str], T]) -> None:
        super().__init__()
        self.fn = fn
        self.held = 0  # characters of the texts in the memo

    def __missing__(self, text: str) -> T:
        value = self.fn(text)
        if len(self) >= MEMO_SIZE or self.held > MEMO_CHARS:
            self.clear()
            self.held = 0
        self[text] = value
        self.held += len(text)
        return value


def per_text(fn: Callable[[str], T]) -> Callable[[str], T]:
    """Memoise ``fn`` (a pure function of the text) for the texts being checked: the checks of a
    chunk share the work.  Keyed by the text (its hash is kept by the string), bounded in size."""
    return _TextMemo(fn).__getitem__


@per_text
def folded_tokens(text: str) -> list[str]:
    """Case-folded tokens of ``text`` split on whitespace and punctuation (hyphens and apostrophes
    stay inside words).  Memoised per text, so the checks of a segment share the work (callers
    must not change the list)."""
    if text.isascii():  # most text: casefold() is lower() there
        return text.lower().encode().translate(_ASCII_TOKEN_TABLE).decode().split()
    return text.casefold().translate(_TOKEN_TABLE).split()


@per_text
def folded_token_set(text: str) -> frozenset[str]:
    """The set of :func:`folded_tokens` of ``text``, memoised like them: the checks that ask
    whether a text holds a word (a keyword index, a gate's words, a repeated token) share one
    set per text instead of each hashing the tokens into its own."""
    return frozenset(folded_tokens(text))


#: A run of letters and digits: what ``\\b`` or ``(?<!\\w)`` … ``(?!\\w)`` bound in a regex (the
#: underscore aside, which is a separator of :func:`folded_tokens`).
_WORD_RUN = re.compile(r"[^\W_]+")
#: What an ASCII token holds besides letters and digits (:func:`folded_tokens` splits at the rest).
_ASCII_INNER = re.compile(r"[-'\x00-\x08\x0e-\x1b\x7f]")


@per_text
def folded_word_set(text: str) -> frozenset[str]:
    """:func:`folded_token_set` with the runs of letters and digits inside its tokens that hold
    other characters (``re``, ``call`` of ``re-call``; ``don``, ``t`` of ``don't``): every whole
    word a regex bounds with ``\\b`` or ``(?<!\\w)`` is in it (:func:`word_sets` of
    :mod:`tqcheck.checks._prefilter`).  Memoised per text; most texts' tokens are letters and
    digits alone, and the set is then :func:`folded_token_set`'s."""
    tokens = folded_token_set(text)
    if text.isascii():
        if _ASCII_INNER.search(text) is None:
            return tokens
        return tokens.union(_WORD_RUN.findall(text.lower()))
    if all(map(str.isalnum, tokens)):
        return tokens
    return tokens.union(_WORD_RUN.findall(text.casefold()))


def word_runs_are_tokens(text: str) -> bool:
    """Whether :func:`folded_word_set` of an ASCII ``text`` is its :func:`folded_token_set`
    (no hyphen, apostrophe or control character: most text), found without the memo."""
    return _ASCII_INNER.search(text) is None


@functools.cache
def table_words(table: str, key: str, lang: str | None) -> frozenset[str]:
    """The word list ``key`` of the built-in data file ``table`` (``truncation.toml``,
    ``structure.toml``) for ``lang``, case-folded like the words it is compared with (Greek
    "στους" folds to "στουσ"); empty without one."""
    from tqcheck.datapack import builtin_table

    return frozenset(w.casefold() for w in builtin_table(table).get(key, {}).get(lang or "", ()))


@functools.cache
def never_final_words(lang: str | None) -> frozenset[str]:
    """Words that never end a sentence or clause in ``lang`` (articles, conjunctions, possessives,
    prepositions that take an object: ``tqcheck/data/truncation.toml``); empty without data."""
    return table_words("truncation.toml", "never_final", lang)


def source_in_view(segment: object) -> bool:
    """Whether the segment's source is known: a unit that carries its source, or lines the reader
    paired with a ``--source`` file.  Without it, a phenomenon that fluent human text has too
    (emoji in a post, 【】 in a headline, a smiley bracket) is no evidence of a translation
    artifact."""
    return (getattr(segment, "source", None) is not None
            or bool(getattr(segment, "meta", {}).get("source_lines")))


@functools.cache
def english_words(key: str) -> frozenset[str]:
    """A word list of English's language data (``legitimate_doubles``, ``lowercase_words``), for
    Latin words in text of any language: "plus plus", "lol" are written so everywhere."""
    from tqcheck.langdata import load_language

    return load_language("en").words(key)


@functools.cache
def never_before_stop_words(lang: str | None) -> frozenset[str]:
    """Words that never stand right before a sentence's full stop in ``lang`` (articles,
    conjunctions and prepositions that are never also a pronoun, particle or predicate:
    ``tqcheck/data/truncation.toml``, ``never_before_stop``); empty without data."""
    return table_words("truncation.toml", "never_before_stop", lang)


#: The eyes (and tears, sweat, blush) of a kaomoji face: ``^``, ``´``, ``・``, ``;``, ``*``, ``_``.
_KAOMOJI_EYES = "\\^＾´`・◕°≧≦*＊;；_＿ﾟ゜•"
#: A kaomoji (``( ^o^)ノ``, ``(´・ω・`)``, ``～(^^;``, ``ヽ(＾▽＾)/``): a bracketed face of
#: symbols (letters only as a mouth or nose: o, ω, д, ▽, v, u …) holding two eyes or more, with
#: its arms or a wave around it.  Joiners (U+2060) may hold it together.
KAOMOJI = re.compile(
    "[ヽ\\\\＼~～〜٩]{0,3}[(（]"
    "(?=(?:[^()（）\\n]{0,12}?[" + _KAOMOJI_EYES + "]){2})"
    "(?:[^\\w\\s()（）]|[_oOTvuwxωдДεзо∀ﾟ]|[ \\u2060]){2,14}?[)）]"
    "[ノﾉ/／ゞ~～〜☆★♪♡♥]{0,3}")


@per_text
def kaomoji_spans(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each kaomoji in ``text``: a face of symbols, not a word of any
    script, so no foreign word, mark or joiner in it is a translation artifact."""
    if "(" not in text and "（" not in text:
        return []
    return [m.span() for m in KAOMOJI.finditer(text)]


def in_kaomoji(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a kaomoji of ``text``."""
    return any(a <= start and end <= b for a, b in kaomoji_spans(text))


#: An item marker of an inline list: ``1)``, ``2)``, ``a)`` after a space or at the start, not
#: inside a word or after an opening bracket (``(1)`` is a reference).
_INLINE_ITEM = re.compile(r"(?:^|(?<=[\s,;:]))(\d{1,2}|[a-h])\)(?=\s)")
#: An inline list has at least this many markers to be read as one.
_INLINE_ITEMS = 3


def numbering_gaps(text: str) -> list[tuple[int, re.Match[str]]]:
    """The markers of an inline list in ``text`` (three or more, counted from 1 or a, in
    increasing order) that skip one item, each with the number of the item before it."""
    if ")" not in text:
        return []
    # A marker that closes a bracket opened before it is no item ("(valeur = 2)").
    marks = [m for m in _INLINE_ITEM.finditer(text)
             if text.rfind("(", 0, m.start()) <= text.rfind(")", 0, m.start())]
    if len(marks) < _INLINE_ITEMS:
        return []
    values = [int(m.group(1)) if m.group(1).isdigit() else ord(m.group(1)) - ord("a") + 1
              for m in marks]
    if values[0] != 1 or any(b <= a for a, b in itertools.pairwise(values)):
        return []  # not one list counted from its first item: references, prices, several lists
    return [(a, m) for (a, b), m in zip(itertools.pairwise(values), marks[1:], strict=True)
            if b == a + 2]
