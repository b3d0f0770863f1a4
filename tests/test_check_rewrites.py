"""Faster forms of check internals give what the plain forms they replace give."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from tqcheck import segment
from tqcheck.checks import consistency, repetition, text
from tqcheck.model import MASK

# Letters of several scripts and cases, digits, the separators the patterns care about.
_ALPHABET = ("aAbeElLnrsSthziIkKxyz" "ßẞſİıçÇéÉ" "аАеЕоОяЯ" "σςΣ" "0123" " \n\t\u00a0" "-'’_.,!?\"“”«»„()"
             + MASK)
_texts = st.text(alphabet=_ALPHABET, max_size=40)


@settings(max_examples=2000)
@given(_texts)
def test_folded_tokens(s: str) -> None:
    assert text.folded_tokens(s) == s.casefold().translate(text._TOKEN_TABLE).split()


@settings(max_examples=2000)
@given(_texts)
def test_capitalised_words(s: str) -> None:
    upper, lower = consistency._UPPER, consistency._LOWER
    plain = re.compile(rf"(?<![\w'’-])(?:(?:[Aa][lrsdtzn]|[Ee]l|[Aa]sh)-)?[{upper}][{lower}]+"
                       rf"(?:['’](?!(?:s|d|ll|ve|re|m|t)(?![{lower}]))[{lower}]+)?"
                       rf"(?:-[{upper}{lower}][{lower}]+)?(?![\w'’])")
    assert ([m.span() for m in consistency._CAPITALISED.finditer(s)]
            == [m.span() for m in plain.finditer(s)])


@settings(max_examples=2000)
@given(_texts)
def test_capitalised_words_without_a_hyphen(s: str) -> None:
    s = s.replace("-", " ")
    assert ([m.span() for m in consistency._CAPITALISED_UNHYPHENATED.finditer(s)]
            == [m.span() for m in consistency._CAPITALISED.finditer(s)])


@settings(max_examples=2000)
@given(_texts)
def test_fold_name(word: str) -> None:
    core = consistency._ARTICLE.sub("", word)
    decomposed = unicodedata.normalize("NFKD", core.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert consistency.fold_name(word) == plain.translate(consistency._FOLD_EXTRA)


@settings(max_examples=2000)
@given(_texts, st.integers(min_value=1, max_value=40))
def test_words_before_a_coordinator(s: str, end: int) -> None:
    # TQ102 asks for the words that end right before a coordinator, after a letter.
    end = min(end, len(s))
    if not re.match(r"[^\W\d_]", s[end - 1 : end]):
        return
    plain = re.compile(r"(?<![\w'’-])[^\W\d_]+(?: [^\W\d_]+){0,2}$").search(s, 0, end)
    backwards = repetition._WORDS_BEFORE_REVERSED.match(s[::-1], len(s) - end)
    assert (backwards.group()[::-1] if backwards else None) == (plain.group() if plain else None)


@settings(max_examples=3000)
@given(st.text(alphabet="ab .!?…؟。！？」』”’）)\"'»]\ufffc\n", max_size=30))
def test_sentence_boundaries(s: str) -> None:
    plain = re.compile(r"(?:[.!?…؟]+|\.{3})[\"'”’»)\]\ufffc]*(?=\s)|[。！？]+[」』”’）)]*")
    assert ([m.span() for m in segment._BOUNDARY.finditer(s)]
            == [m.span() for m in plain.finditer(s)])


@settings(max_examples=3000)
@given(st.text(alphabet="aAzé .!?…\"'“‘«(¿¡*”’»)]\n\t" + MASK, max_size=30))
def test_lowercase_start_gate(s: str) -> None:
    # TQ203's gate was one regex; it is two now (each searched fast), opening where it did.
    from tqcheck.checks import structure

    plain = re.compile("(?m)(?:^|[.!?…][\"'”’»)\\]\ufffc]*\\s+)[\"'“‘«(\\[¿¡\ufffc*]*[a-zß-öø-ÿа-яё]")
    assert ({m.end() for m in plain.finditer(s)}
            <= {m.end() for r in (structure._LOWER_LINE_START, structure._LOWER_SENTENCE_START)
                for m in r.finditer(s)})
    assert bool(plain.search(s)) == bool(structure._LOWER_LINE_START.search(s)
                                         or structure._LOWER_SENTENCE_START.search(s))
