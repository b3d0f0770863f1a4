"""The engine's dispatch: which checks see which segments (gates, pairs, cues)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from tqcheck.checks.engine import Engine
from tqcheck.checks.gates import Gate, as_gate, class_gate, non_ascii_gate
from tqcheck.checks.registry import CheckContext, Hit, Rule
from tqcheck.langdata import load_language
from tqcheck.model import Category, Segment, Sentence, Severity


class Recorder:
    """A document check that remembers the texts it was fed and flags none of them."""

    fed: list[str]

    def __init__(self, ctx: CheckContext) -> None:
        self.fed = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        self.fed.append(segment.text)

    def finish(self) -> Iterable[Hit]:
        return ()


def _rule(code: str, scope: str, impl: object, gate: Any = None, on: str | None = None) -> Rule:
    return Rule(code=code, slug=code.lower(), category=Category.STRUCTURE, severity=Severity.WARNING,
                scope=scope, summary="", doc="", impl=impl,  # type: ignore[arg-type]
                gate=as_gate(gate) if isinstance(gate, str) else gate, on=on)  # type: ignore[arg-type]


def _every_x(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    for m in re.finditer(r"\bx\b", segment.text):
        yield Hit(m.start(), m.end(), "an x")


SEGMENTS = [
    Segment("plain text", 1, index=0),
    Segment("an x here", 2, index=1),
    Segment("translated", 3, index=2, source="source"),
    Segment("a cue with x", 4, index=3, kind="cue"),
    *[Segment(f"filler {i}", 5 + i, index=4 + i) for i in range(70)],  # a second chunk
    Segment("x again", 80, index=80),
]


@pytest.mark.parametrize("chunked", [True, False])
def test_document_checks_see_the_segments_their_gate_and_kind_allow(chunked: bool) -> None:
    ctx = CheckContext(path="t", lang="en", data=load_language("en"))
    rules = [
        _rule("TQ991", "document", Recorder),
        _rule("TQ992", "document", Recorder, on="pairs"),
        _rule("TQ993", "document", Recorder, on="cues"),
        _rule("TQ994", "document", Recorder, gate=r"\bx\b"),
        _rule("TQ995", "segment", _every_x, gate=r"\bx\b"),
    ]
    engine = Engine(rules, ctx)
    if chunked:
        findings = list(engine.feed_all(SEGMENTS))
    else:
        findings = [f for s in SEGMENTS for f in engine.feed(s)]
    fed = {rule.code: check.fed for rule, check in engine.documents}  # type: ignore[attr-defined]
    assert fed["TQ991"] == [s.text for s in SEGMENTS]
    assert fed["TQ992"] == ["translated", "a cue with x"]  # cues run the pair rules too
    assert fed["TQ993"] == ["a cue with x"]
    assert fed["TQ994"] == ["an x here", "a cue with x", "x again"]
    assert [(f.line, f.col) for f in findings] == [(2, 4), (4, 12), (80, 1)]


def _sentence_x(sentence: Sentence, ctx: CheckContext) -> Iterator[Hit]:
    for m in re.finditer(r"\bx\b", sentence.text):
        yield Hit(sentence.start + m.start(), sentence.start + m.end(), "an x")


@pytest.mark.parametrize("chunked", [True, False])
def test_sentence_rules_and_gates_that_depend_on_the_language(chunked: bool) -> None:
    seen: list[str | None] = []

    def gate_for(ctx: CheckContext) -> str | None:
        seen.append(ctx.lang)
        return r"\bx\b" if ctx.lang == "en" else None  # no gate for other languages

    findings: dict[str, list[tuple[int, int]]] = {}
    for lang in ("en", "de"):
        ctx = CheckContext(path="t", lang=lang, data=load_language(lang))
        engine = Engine([_rule("TQ996", "sentence", _sentence_x, gate=gate_for)], ctx)
        assert ("TQ996" in engine.gates) == (lang == "en")
        found = (list(engine.feed_all(SEGMENTS)) if chunked
                 else [f for s in SEGMENTS for f in engine.feed(s)])
        findings[lang] = [(f.line, f.col) for f in found]
    assert seen == ["en", "de"]  # resolved once per file
    assert findings["en"] == findings["de"] == [(2, 4), (4, 12), (80, 1)]


def _opened(gate: Gate, texts: list[str]) -> list[str]:
    """The texts a gate opens when the engine searches them as one chunk."""
    ctx = CheckContext(path="t", lang="en", data=load_language("en"))
    rule = _rule("TQ997", "document", Recorder, gate=gate)
    engine = Engine([rule], ctx)
    list(engine.feed_all([Segment(t, i + 1, index=i) for i, t in enumerate(texts)]))
    return engine.documents[0][1].fed  # type: ignore[attr-defined, no-any-return]


def test_token_gates_open_the_segments_holding_a_token() -> None:
    gate = Gate(words=frozenset({"inshallah", "davai"}), strings=("al-",))
    texts = ["He said Inshallah, and left.", "Nothing here.", "An al-madina street.",
             "DAVAI!", "Davaidov is a name.", "Ok, (inshallah) — à bientôt."]
    # "Davaidov" holds no token "davai": the chunk's tokens do not open it, but the chunk holds
    # the token elsewhere ("DAVAI!"), so every place the string stands opens (a superset).
    assert _opened(gate, texts) == [texts[0], texts[2], texts[3], texts[4], texts[5]]
    assert _opened(gate, ["Nothing here.", "Davaidov is a name."]) == []
    # Non-ASCII splits words for the tokens: "inshallah" stays a whole token beside "é".
    assert _opened(gate, ["Il a dit éinshallah."]) == ["Il a dit éinshallah."]


def test_embed_boilerplate_is_tried_where_its_gate_words_or_non_ascii_text_stand() -> None:
    # TQ403's gate: ASCII text holding one of its words as a whole token, or any non-ASCII text
    # (case folding may make an ASCII word there); the check then tests its own folded tokens.
    from tqcheck.checks.engine import resolve_gate
    from tqcheck.checks.registry import get_rule

    ctx = CheckContext(path="t", lang="en", data=load_language("en"))
    gate = resolve_gate(get_rule("TQ403"), ctx)
    assert gate is not None
    texts = ["The talks resumed.", "View this post on Instagram", "A \u201cquoted\u201d word.",
             "Instagrammers met.", "Nothing here either."]
    assert _opened(gate, texts) == [texts[1], texts[2], texts[3]]
    assert _opened(gate, ["The talks resumed.", "Nothing here either."]) == []


def test_dotted_capital_i_opens_a_token_gate_everywhere() -> None:
    # "İ".lower() is two characters: offsets into the lower-cased chunk would be wrong.
    gate = Gate(words=frozenset({"inshallah"}))
    texts = ["İstanbul is big.", "Nothing here.", "inshallah"]
    assert _opened(gate, texts) == texts


def test_non_ascii_gates_skip_ascii_chunks_and_refuse_ascii_patterns() -> None:
    gate = non_ascii_gate("[\u060c\u061f]")
    assert gate.non_ascii
    assert _opened(gate, ["plain, text?", "Arabic comma\u060c here", "plain again"]) == [
        "Arabic comma\u060c here"]
    with pytest.raises(ValueError, match="matches ASCII"):
        non_ascii_gate("[,\u060c]")
    with pytest.raises(ValueError, match="lower-case ASCII"):
        Gate(words=frozenset({"Davai"}))


def test_a_class_gate_skips_ascii_chunks_only_when_the_class_holds_no_ascii() -> None:
    texts = ["plain, text?", "guillemets \u00abici\u00bb", "plain again"]
    marks = class_gate("[\u00ab\u00bb\u201e]")
    assert marks.non_ascii and _opened(marks, texts) == [texts[1]]
    with_ascii = class_gate('[\u00ab\u00bb"?]')
    assert not with_ascii.non_ascii and _opened(with_ascii, texts) == texts[:2]


def _kill_all(sentence: Sentence, ctx: CheckContext) -> tuple[Hit, ...]:
    return (Hit(sentence.start, sentence.end, "foreign"),)


@pytest.mark.parametrize("past", [True, False])
def test_a_precondition_hides_a_sentence_only_from_checks_that_do_not_look_past_it(past: bool) -> None:
    ctx = CheckContext(path="t", lang="en", data=load_language("en"))
    pre = Rule(code="TQ990", slug="tq990", category=Category.LANGUAGE, severity=Severity.ERROR,
               scope="sentence", summary="", doc="", impl=_kill_all, precondition=True)
    seg = Rule(code="TQ994", slug="tq994", category=Category.REPETITION, severity=Severity.ERROR,
               scope="segment", summary="", doc="", impl=_every_x, past_preconditions=past)
    engine = Engine([pre, seg], ctx)
    codes = [f.code for f in engine.feed(Segment("an x here", 1))]
    assert codes.count("TQ990") == 1
    assert codes.count("TQ994") == (1 if past else 0)


# --------------------------------------------------------------------------- bounded memory


class Keeper:
    """A document check that keeps the segments of lines divisible by 100 and flags each of them
    at the end, citing the line before it."""

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.kept: list[Segment] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if segment.line % 100 == 0:
            self.kept.append(segment)

    def finish(self) -> Iterable[Hit]:
        from tqcheck.model import Location

        return [Hit(0, 4, "kept", segment=s,
                    related=(Location(self.ctx.path, s.line - 1, 1, s.line - 1, 1),))
                for s in self.kept]


def _units(n: int) -> list[Segment]:
    return [Segment(f"Copy %s file {i}", i, index=i - 1, source=f"Copier %s fichier {i}")
            for i in range(1, n + 1)]


def test_masked_copies_are_remembered_only_while_a_document_check_keeps_them() -> None:
    import gc

    ctx = CheckContext(path="t.po", lang="en", data=load_language("en"), format="po",
                       state={"syntaxes": frozenset({"printf"})})
    engine = Engine([_rule("TQ991", "document", Keeper)], ctx)
    list(engine.feed_all(_units(1000)))
    gc.collect()
    assert len(engine._raw) == 10  # the ten copies Keeper holds, not all 1000
    findings = list(engine.finish())
    # The findings point into the text as read (the placeholder unmasked), as before.
    assert [f.text for f in findings] == ["Copy"] * 10 and findings[0].excerpt.startswith("Copy %s")


def test_sources_are_remembered_only_for_document_checks_and_per_isolated_chunk() -> None:
    ctx = CheckContext(path="t.po", lang="en", data=load_language("en"), format="po")
    engine = Engine([_rule("TQ995", "segment", _every_x)], ctx)
    list(engine.feed_all(_units(500)))
    assert engine._sources_by_line == {}  # no document check: no finding cites another line
    isolated = Engine([_rule("TQ991", "document", Keeper)], ctx, isolate=True)
    list(isolated.feed_all(_units(500)))
    assert len(isolated._sources_by_line) <= 64  # one chunk's, not the file's
    kept = Engine([_rule("TQ991", "document", Keeper)], ctx)
    list(kept.feed_all(_units(500)))
    assert len(kept._sources_by_line) == 500  # a document check may cite any line it saw


def test_a_finding_never_lands_on_a_segment_whose_masked_copy_was_freed() -> None:
    """The former map from masked copy to segment was keyed by ``id()`` and outlived the copies,
    so a freed copy's id, reused by another segment, sent a document finding to an unrelated unit
    (in this catalogue, TQ581 for "_Close" → "_Fermer" was reported on "{days:L} jours")."""
    from tests.conftest import shared_file
    from tqcheck.audit import AuditOptions, audit

    path = shared_file("po", "transmission", "fr.po")
    report = audit([path], AuditOptions(select=["TQ581"]), jobs=1)
    lines = {f.line: f.text for f in report.findings if "'_Quit'" in f.message}
    assert lines == {1504: "_Fermer"}


@pytest.mark.parametrize("text", [
    "", " ", "a", " a  b ", "one\ntwo\tthree\x0bfour\x0cfive\rsix",
    "a\x1cb\x1dc\x1ed\x1fe",  # str.split() splits on these too
    "Café au lait, s'il vous plaît.", "a\u3000b\u00a0c",  # non-ASCII: str.split() itself
    "The talks ended.\nThey resume (on Monday) at 10:00 -- maybe.",
])
def test_words_are_counted_as_str_split_counts_them(text: str) -> None:
    from tqcheck.checks.engine import count_words
    from tqcheck.checks.gates import ChunkText

    assert count_words(ChunkText(text)) == len(text.split())
