"""Faster forms of check internals give what the plain forms they replace give."""

from __future__ import annotations

import re
import unicodedata

import pytest
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
    # TQ203's gate was one regex; it is three now (each searched fast), opening where it did.
    from tqcheck.checks import structure

    plain = re.compile("(?m)(?:^|[.!?…][\"'”’»)\\]\ufffc]*\\s+)[\"'“‘«(\\[¿¡\ufffc*]*[a-zß-öø-ÿа-яё]")
    regexes = (structure._LOWER_AFTER_NEWLINE, structure._LOWER_TEXT_START,
               structure._LOWER_SENTENCE_START)
    assert ({m.end() for m in plain.finditer(s)}
            <= {m.end() for r in regexes for m in r.finditer(s)})
    assert bool(plain.search(s)) == any(r.search(s) for r in regexes)
    # TQ202's, the line starts alone: (?m)^ was tried at every character.
    line = re.compile("(?m)^" + structure._LOWER_AFTER)
    assert ({m.end() for m in line.finditer(s)}
            == {m.end() for r in regexes[:2] for m in r.finditer(s)})


@settings(max_examples=2000)
@given(_texts, st.text(alphabet=_ALPHABET, min_size=1, max_size=4))
def test_word_standing_alone(s: str, word: str) -> None:
    # TQ502 finds a word as its own token with a pattern whose ’ stands outside the class.
    plain = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", re.IGNORECASE)
    s = s.replace("z", word)  # the word occurs in most examples
    assert ([m.span() for m in consistency._standing_alone(word).finditer(s)]
            == [m.span() for m in plain.finditer(s)])



def _name_fix(lines: list[str], name: str) -> object:
    from tqcheck.checks.registry import CheckContext
    from tqcheck.langdata import load_language
    from tqcheck.model import Segment

    check = consistency.NameVariants(CheckContext(path="t.txt", lang="en",
                                                  data=load_language("en")))
    for i, line in enumerate(lines):
        check.feed(Segment(line, i + 1), [])
    # The first hit of a spelling carries the fix; the others mark its later occurrences.
    hits = [h for h in check.finish() if h.message.startswith(f"name spelled two ways: '{name}'")]
    return hits[0].fix


@pytest.mark.parametrize("odd", [None, 2, 10])
def test_name_fix_spots_every_occurrence(odd: int | None) -> None:
    # TQ501 locates the first nine occurrences of a spelling only when it makes a fix (the later
    # ones as it reads them): the fix still rewrites all of them, and none when one of them stands
    # in a path.
    minority = [f"Dmytro Kuleba spoke {i}." for i in range(11)]
    if odd is not None:
        minority[odd] = "See /Dmytro Kuleba."
    # a clear majority (twice the other spelling): TQ501 unifies only toward one
    fix = _name_fix(minority + ["Dmitry Kuleba spoke."] * 23, "Dmytro")
    if odd is not None:
        assert fix is None
    else:
        assert fix is not None
        assert [(e.line, e.col, e.end_col, e.content, e.before) for e in fix] == [
            (line, 1, 7, "Dmitry", "Dmytro") for line in range(1, 12)]


def _lines_opened(gate_regex: re.Pattern[str], s: str) -> set[int]:
    from tqcheck.checks.gates import ChunkText, Gate

    return {s.count("\n", 0, start) for start, _ in Gate(gate_regex).spans(ChunkText(s))}


@settings(max_examples=2000)
@given(st.text(alphabet="ab \nаяé😀\u200b", max_size=40))
def test_non_ascii_gate_runs(s: str) -> None:
    # A gate on one non-ASCII character matches runs of them: the same segments (lines) open.
    from tqcheck.checks.gates import non_ascii_gate

    for pattern in (r"[^\x00-\x7f]", "[а-я]", "😀"):
        gate = non_ascii_gate(pattern)
        assert gate.regex is not None and gate.regex.pattern.endswith(")*")
        assert _lines_opened(gate.regex, s) == _lines_opened(re.compile(pattern), s)


@settings(max_examples=2000)
@given(st.text(alphabet="ab1٣۴५１²①\u066b аяشص中ー", max_size=30))
def test_ascii_digits_and_main_script(s: str) -> None:
    # Digits are rewritten through a translate table, and scripts counted per distinct character.
    from collections import Counter

    from tqcheck.checks import fidelity_mt

    plain = "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in s)
    assert fidelity_mt.ascii_digits(s) == plain
    counts = Counter(unicodedata.name(c).split()[0] for c in s if c.isalpha())
    assert fidelity_mt.main_script(s) == (counts.most_common(1)[0][0] if counts else "")


@settings(max_examples=2000)
@given(st.text(alphabet="ab1٣ аяشص中ーé😀", max_size=30))
def test_script_counts(s: str) -> None:
    from collections import Counter

    from tqcheck import langid

    plain: Counter[str] = Counter()
    if sum(c.isascii() and c.isalpha() for c in s):
        plain["Latin"] = sum(c.isascii() and c.isalpha() for c in s)
    for c in s:
        if not c.isascii() and langid.script_of(c) is not None:
            plain[langid.script_of(c) or ""] += 1
    assert list(langid.script_counts(s).items()) == list(plain.items())
