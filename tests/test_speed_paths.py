"""Speed paths of the engine and the checks give the same answers as the searches they replace
(each test fails when its fast path drops or adds something)."""

from __future__ import annotations

import random
import re

import pytest

from tqcheck.checks import gates, repetition
from tqcheck.checks.registry import CheckContext
from tqcheck.langdata import load_language
from tqcheck.model import Segment
from tqcheck.segment import split_sentences

#: Gate regexes of every kind :class:`tqcheck.checks.gates._Plan` reads: alternations of
#: literals (with a shared start, one a prefix of another), a regex anchored at the start,
#: classes and branches of plain characters, and regexes it must leave to the regex engine.
GATE_PATTERNS = [
    r",,|;;|\.\.", r"\(@", "@", "ab|a|abc", "a|aa", "aa|a", "b|ab", r"[▁<&@\[\\⁇_]",
    r"<(?=/?[A-Za-z])|\*\*|\]\(|\{|%(?=[sd(]|[1-9]\$)", r"\A[\"'“(]*(?:[a-zß-ö])",
    r"#[^\W\d_]\w*_|#[^#\n]{1,60}[^\s#]#", r"[()\[\]{}]", r"(?:ab)+c|q", r"(?i)abc",
    r"[.,~～〜](?<=\d[.,~～〜])(?=\s?\d)", r"x?@", r"[^a]b", "é|e", "\n|ab",
    r"[<@#]|ab|%(?=b)", r"(?:[<@]x?|abc)+", r"[<@~]|bc(?<=ab.)|ca", r"[@é]|aa|a@",
    r"\d(?:[.,~～](?=\s?\d)|,[-–]|[ \u00a0]\d{3}(?!\d))", r"(?:\d)[a.]",
]


def _texts() -> list[str]:
    rnd = random.Random(14)
    alphabet = "aabbc@#(.,;%*<]{}\n é1x~～2 3"
    return ["", "a", "@", "abc abcab aab", "@a" * 200 + "abab", "1.2" * 100, "١.1, 222 1~2", *(
        "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 120))) for _ in range(1500))]


@pytest.mark.parametrize("pattern", GATE_PATTERNS)
def test_gate_search_finds_what_finditer_finds(pattern: str) -> None:
    regex = re.compile(pattern)
    for text in _texts():
        spans = [m.span() for m in regex.finditer(text)]
        assert gates._search(regex, text, text.isascii()) == spans, (pattern, text)
        assert gates.ChunkText(text).spans_of(regex) == spans, (pattern, text)


def test_gate_plans_take_the_fast_paths() -> None:
    # Each fast path is taken where it should be (else the test above proves nothing of it).
    assert gates._Plan(re.compile(r",,|;;|\.\.")).literals == (",,", ";;", "..")
    assert gates._Plan(re.compile(r"\A\"?[a-z]")).at_start
    assert gates._Plan(re.compile(r"[()\[\]{}]")).first == tuple(sorted("()[]{}"))
    assert gates._Plan(re.compile(r"(?i)abc")).first is None
    assert gates._Plan(re.compile(r"[^a]b")).first is None
    # An alternation that mixes a class and words: tried where one of them stands.
    assert gates._Plan(re.compile(r"[<@#]|ab|%(?=b)")).prefixes == ("#", "%", "<", "@", "ab")
    assert gates._Plan(re.compile(r"[@~]|aa|a@")).prefixes == ("@", "a@", "aa", "~")
    # Not where the regex engine scans fast itself, nor for characters common in text.
    assert not gates._Plan(re.compile(r"ab|cd")).prefixes
    assert not gates._Plan(re.compile(r"[<@#]")).prefixes
    assert not gates._Plan(re.compile(r"[.@]|ab")).prefixes
    # A regex that starts with a digit: in ASCII text, tried where an ASCII digit stands.
    assert gates._Plan(re.compile(r"\d(?:[.,](?=\s?\d))")).digits
    assert not gates._Plan(re.compile(r"[0-9]|\D")).digits


#: Phrases coordinated with themselves, and near misses, around every kind of boundary the
#: coordination regexes and the folded tokens read differently (hyphens, apostrophes, digits,
#: punctuation, control characters, case, a second coordinator).
COORDINATION_TEXTS = [
    "They depend on instructions and instructions given by the Kremlin.",
    "we need the new rules and the new rules now", "X and X", "a and a",
    "cease-fire and fire", "fire and cease-fire", "fire and fire-fighters", "it's and it's",
    "dog's and dog", "3dogs and dogs", "dogs and dogs3", "(dogs) and dogs", "dogs and (dogs)",
    "Dogs AND dogs", "dogs\x01 and dogs", "\x01dogs and dogs", "dogs and dogs\x7f",
    "dogs  and dogs", "dogs and  dogs", "dogs and cats and dogs", "cats or dogs or cats",
    "neither cats nor cats", "more and more people", "again and again", "big and bigger",
    "new or new-ish", "red and blue and red and blue", "one two and one two three",
    "one two three and one two three", "two three and one two three",
    "she and he", "and and and", "and dogs and dogs", "people and people with disabilities",
]


def _random_coordinations() -> list[str]:
    rnd = random.Random(7)
    words = ["dogs", "cats", "Dogs", "the", "and", "or", "dog's", "cat-", "-dogs", "3", "x1",
             "(dogs)", "dogs,", "dogs.", "\x02", "nor", "AND", "ok"]
    return [" ".join(rnd.choice(words) for _ in range(rnd.randrange(2, 12)))
            for _ in range(3000)]


def test_tq102_token_test_never_drops_a_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    data = load_language("en")
    ctx = CheckContext("<text>", "en", data)

    def hits(text: str) -> list[tuple[int, int, str]]:
        segment = Segment(text, 1)
        return [(h.start, h.end, h.message) for h in repetition.find_doubled_coordination(
            segment, split_sentences(segment, data), ctx)]

    texts = COORDINATION_TEXTS + _random_coordinations()
    fast = [hits(t) for t in texts]
    monkeypatch.setattr(repetition, "_self_coordinated", lambda tokens, coordinators: True)
    plain = [hits(t) for t in texts]
    assert fast == plain
    assert sum(map(bool, plain)) > 50  # the texts hold findings for the test to lose
    assert fast[0] and fast[1]


def test_tq102_token_test_says_no_where_no_phrase_comes_back() -> None:
    assert not repetition._self_coordinated(["cats", "and", "dogs"], ["and"])
    assert repetition._self_coordinated(["cats", "and", "cats"], ["and"])
    assert repetition._self_coordinated(["a", "b", "c", "and", "a", "b", "c"], ["and"])
    assert not repetition._self_coordinated(["c", "and", "a", "b", "d", "c"], ["and"])


def _tq201_languages() -> list[str]:
    from pathlib import Path

    import tqcheck

    lang_dir = Path(tqcheck.__file__).parent / "data" / "lang"
    return sorted({p.stem for p in lang_dir.glob("*.toml")}
                  | {"fi", "hu", "bg", "el", "ro", "sv", "da", "no"})


@pytest.mark.parametrize("lang", _tq201_languages())
def test_tq201_first_word_test_never_skips_a_lone_opener(lang: str) -> None:
    # Every word the regex opens with, in the cases and after the marks a paragraph writes it,
    # and near misses: the first-word test says no only where the regex finds nothing.
    from tqcheck.checks import structure

    ctx = CheckContext("<text>", lang, load_language(lang))
    lone = structure._lone_openers(ctx)
    if lone is None:
        pytest.skip(f"no fragment openers for {lang}")
    words = {w for key in ("clause_openers", "qualifiers", "fragment_openers", "phrase_openers")
             for w in (ctx.data.get("structure", key, default=())
                       or structure._structure_words(ctx, key))}
    texts = []
    for w in sorted(words):
        for form in (w, w.capitalize(), w.upper(), w.replace("i", "ı"), w.replace("s", "ſ")):
            for before in ("", '"', "(“", "'", "« "):
                texts += [f"{before}{form} the talks ended.", f"{before}{form}x the talks.",
                          f"{before}{form[:-1]} the talks.", f"{before}{form}-based talks."]
    matched = 0
    for text in texts:
        plain = lone.pattern.match(text) is not None
        assert lone.match(text, 0) == plain, (lang, text)
        matched += plain
    assert matched > len(words)  # the texts hold openers for the test to lose
    if lang == "en":
        assert lone.first_words is not None and "because" in lone.first_words
        assert not lone.match("The talks ended.", 0)


def _plain_derived(a: str, b: str, endings: tuple[str, ...]) -> bool:
    """TQ501's test of one stem with two endings, an endswith() for each ending."""
    for e1 in endings:
        if not a.endswith(e1) or len(a) - len(e1) < 4:
            continue
        cut = len(a) - len(e1)
        if b.startswith(a[:cut]) and b[cut:] != e1 and b[cut:] in endings:
            return True
    return False


def _plain_edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def test_name_variant_helpers_answer_as_the_plain_loops() -> None:
    # TQ501's stem test reads the endings a word may have from its last characters, and its edit
    # distance computes a band around the diagonal and stops early: the same answers.
    from tqcheck.checks.consistency import _ENDINGS, _derived, _edit_distance

    rnd = random.Random(501)
    letters = "aeinrsyo'’"
    endings = [_ENDINGS, ("", "и", "ей", "ы", "ов", "ами"), ("en", "n", "e", "")]
    derived = near = 0
    for _ in range(20000):
        a = "".join(rnd.choice(letters) for _ in range(rnd.randrange(0, 11)))
        b = (a[:rnd.randrange(0, len(a) + 1)]
             + "".join(rnd.choice(letters) for _ in range(rnd.randrange(0, 4))))
        ends = rnd.choice(endings)
        assert _derived(a, b, ends) == _plain_derived(a, b, ends), (a, b, ends)
        derived += _derived(a, b, ends)
        limit = rnd.choice((1, 2, 3))
        plain = _plain_edit_distance(a, b)
        assert _edit_distance(a, b, limit) == (plain if plain <= limit else limit + 1), (a, b)
        near += plain <= limit
    assert derived > 50 and near > 1000  # the pairs hold both answers for the test to tell


@pytest.mark.parametrize("pattern", [r"[^\x00-\x7f]", r"[а-яё]", "[\u0600-\u06ff]", "é"])
def test_runs_of_one_class_found_line_by_line_as_finditer_finds_them(pattern: str) -> None:
    # ChunkText.runs_of_class searches only the lines that are not ASCII where few are, and the
    # whole text where many are: the same runs either way, and the same as spans_of.
    gate = gates.non_ascii_gate(pattern)
    assert gate.one_class and gate.regex is not None
    rnd = random.Random(13)
    alphabet = "ab c.\n\n éèа-яё ق\u0640x"
    texts = ["", "plain ASCII\nonly", "é", "\né\n", "a\nbé\nc", "ёж\nёж\nёж\nab",
             *("".join(rnd.choice(alphabet) for _ in range(rnd.randrange(1, 200)))
               for _ in range(800)),
             *("\n".join(rnd.choice(["Plain line.", "Line with é.", "Ещё строка.", ""])
                         for _ in range(rnd.randrange(1, 70))) for _ in range(300))]
    for text in texts:
        expected = [m.span() for m in gate.regex.finditer(text)]
        assert gates.ChunkText(text).runs_of_class(gate.regex) == expected, text
        chunk = gates.ChunkText(text)
        assert chunk.spans_of(gate.regex) == expected
        assert chunk.runs_of_class(gate.regex) == expected
