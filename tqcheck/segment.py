"""Sentence splitting that keeps exact character offsets.

A rule-based splitter chosen by measurement (``benchmarks/segmenter.py``): on the NTREX news
English it is as accurate as syntok (and more than pySBD) and 8 to 300 times as fast as
blingfire, syntok and pySBD, which the audit's throughput target needs.  Language data supplies
the abbreviations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from tqcheck.langdata import LanguageData
from tqcheck.model import MASK, Segment, Sentence

# Sentence-final punctuation, then closing quotes/brackets, then the whitespace that must follow.
# CJK full stops need no following space.  Written to start with one character class (the kind of
# stop told by a lookbehind after it): the regex engine then skips to candidate characters in a
# tight loop instead of trying both alternatives at every position (6x faster on prose).  It
# finds what ``(?:[.!?…؟]+|\.{3})[…]*(?=\s)|[。！？]+[…]*`` finds (``tests/test_check_rewrites.py``).
_BOUNDARY = re.compile(
    r"[.!?…؟。！？](?:(?<=[.!?…؟])[.!?…؟]*[\"'”’»)\]\ufffc]*(?=\s)|(?<=[。！？])[。！？]*[」』”’）)]*)"
)
_SPACE = re.compile(r"\s+")
_INITIALS = re.compile(r"^(?:\w\.)+\w$")
#: A Roman numeral or a range of ordinals (ordinals in languages that write them with a full stop:
#: "III. čtvrtletí", "5.-9. svibnja", "11.–13. stoljeće").
_ORDINAL = re.compile(r"[IVXLC]{2,6}|\d{1,4}\.?[-–]\d{1,4}")
_WORD_AT = re.compile(r"\w+")
_WORD_STOP = frozenset("([\"'“‘«")
_OPENERS = "\"'“‘«„‚([¿¡" + MASK


@dataclass(frozen=True)
class _Abbrev:
    always: frozenset[str]
    final: frozenset[str]
    starters: frozenset[str]
    #: The language writes ordinal numbers with a full stop ("am 21. März", "3. ledna").
    ordinal_dot: bool = False
    lang: str = ""


@cache
def _abbrev(data: LanguageData) -> _Abbrev:
    return _Abbrev(
        data.words("abbreviations"),
        data.words("sentence_final_abbreviations"),
        data.words("sentence_starters"),
        bool(data.get("ordinal_dot", default=False)),
        data.lang,
    )


#: The longest token taken for an abbreviation the language data does not list.
_SHORT_ABBREVIATION = 4


@cache
def _lexicon_words(lang: str) -> Mapping[str, None] | None:
    from tqcheck.langid import lexicon

    lex = lexicon(lang)
    return lex.known if lex else None


def _unlisted_abbreviation(word: str, lang: str) -> bool:
    """A short token that is no word of the language, before a full stop and a lowercase word:
    an abbreviation the language data does not list ("Особ. вагоны", "рт. ст.", "Plc.
    zurückzuführen", English "Mr." in German).  Only where the language has a lexicon."""
    if not (1 < len(word) <= _SHORT_ABBREVIATION and word.isalpha()) or word.isupper():
        return False  # an acronym ends sentences: "the end of the USSR. two days later"
    if not word[1:].islower():
        return False  # a unit symbol with an inner capital ends one too: "5 GHz. después"
    words = _lexicon_words(lang)
    return words is not None and word.casefold() not in words


#: A number and one space before a token: "4,2 ", "120 ".
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*[ \u00a0]$")
#: Clock abbreviations after a number, which end sentences: "at 5 pm. the …" is a lost capital.
_CLOCK = frozenset({"am", "pm"})


def _magnitude_after_number(text: str, start: int, word: str) -> bool:
    """A short lowercase token right after a number, before a full stop and a lowercase word:
    an abbreviated magnitude or unit the lexicon of its language may hold as a word ("4,2 εκατ.
    ευρώ", "5 mln. zł", "3 тыс. рублей"), not a sentence's end.  Not an English word (the
    currencies and units written out, "5999 yuan. analysts …": the sentence ends there)."""
    if not (1 < len(word) <= _SHORT_ABBREVIATION + 1 and word.isalpha() and word.islower()):
        return False
    if _NUMBER_BEFORE.search(text, max(0, start - 24), start) is None:
        return False
    english = _lexicon_words("en")
    return word not in _CLOCK and (english is None or word not in english)


def _word_before(text: str, end: int) -> str:
    """The token that ends at ``end`` (scanning backwards: linear in the token, not the text)."""
    i = end
    while i > 0 and not text[i - 1].isspace() and text[i - 1] not in _WORD_STOP:
        i -= 1
    return text[i:end]


def _acronym_end(text: str, end: int) -> bool:
    """Is the letter before ``end`` the last of a Hebrew acronym written with gershayim
    (``ש"ח``, ``ארה״ב``), a whole word that ends sentences, not an initial?"""
    return end >= 3 and text[end - 2] in "\"״" and text[end - 3].isalpha()


def split_spans(text: str, data: LanguageData) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence of ``text``; whitespace between sentences is excluded."""
    first = _BOUNDARY.search(text)
    if first is None:  # no boundary inside: one sentence (most lines), no scan
        return _whole(text)
    return _spans(text, data, first)


def _whole(text: str) -> list[tuple[int, int]]:
    """The one sentence of ``text`` without a candidate boundary: it without its outer white
    space (none when that is all it holds)."""
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    return [(start, end)] if end > start else []


def _spans(text: str, data: LanguageData, first: re.Match[str]) -> list[tuple[int, int]]:
    """:func:`split_spans` of text whose first candidate boundary is ``first``."""
    ab = _abbrev(data)
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    while start < n and text[start].isspace():
        start += 1
    for m in _BOUNDARY.finditer(text, first.start()):
        end = m.end()
        if end <= start:
            continue
        punct = m.group()
        nxt = end
        if punct[0] not in "。！？":
            sp = _SPACE.match(text, end)
            if not sp:
                continue
            nxt = sp.end()
        if nxt >= n:
            break
        following = text[nxt]
        if punct[0] == "." and not punct.startswith("..."):
            word = _word_before(text, m.start())
            if word:
                is_abbrev = (
                    word in ab.always
                    or word.lower() in ab.always
                    or bool(_INITIALS.match(word))
                    or (len(word) == 1 and word.isalpha()  # initials, "т. е.", "p. 5"
                        and not _acronym_end(text, m.start()))
                )
                if is_abbrev:
                    if word not in ab.final:
                        continue
                    next_word = _WORD_AT.match(text, nxt)
                    if not next_word or next_word.group() not in ab.starters:
                        continue
            if following.isdigit() and word.isdigit():
                continue  # "section 3. 4 items" is rare; numbered lists are split by lines
            if following.islower() and word and (
                    (ab.ordinal_dot and (word.isdigit() or _ORDINAL.fullmatch(word) is not None))
                    or _unlisted_abbreviation(word, ab.lang)
                    or _magnitude_after_number(text, m.start() - len(word), word)):
                continue  # "am 21. prüfen", "ve III. čtvrtletí", "Особ. вагоны": it goes on
        elif following.islower() and punct[-1] in ")]" and punct[0] in "?!":
            continue  # "(separat auch!) und": the bracket ends, the sentence goes on
        if following.islower() and punct.rstrip(")]\"'”’»") in {"…", "..."}:
            continue  # "wait... what", "(Minze, Salbei...) und Tomaten" keep going
        if following.islower() and punct.lstrip(".!?…؟")[:1] == MASK:
            continue  # a stop inside a name, code right after it: "I<paket>.I<symbols> ou"
        if not (following.isalnum() or following in _OPENERS or not following.isascii()):
            continue
        spans.append((start, end))
        start = nxt
    end = n
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return spans


def split_sentences(segment: Segment, data: LanguageData) -> list[Sentence]:
    text = segment.text
    first = _BOUNDARY.search(text)
    if first is None:  # one sentence (most segments): split_spans's own shortcut, made here
        return [Sentence(segment, start, end) for start, end in _whole(text)]
    return [Sentence(segment, s, e, i) for i, (s, e) in enumerate(_spans(text, data, first))]
