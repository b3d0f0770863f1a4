"""Every entry of every built-in calque pack flags its example and passes its counterexample; the
pattern language compiles as documented; packs apply only for the source language in evidence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.checks.calque import CalquePack, CalquePattern, builtin_packs
from tqcheck.checks.calque_pattern import PatternError, compile_pattern
from tqcheck.model import Finding, Segment

ENTRIES = [(pack, pat) for pack in builtin_packs() for pat in pack.patterns]


def _findings(text: str, lang: str, source: str | None, source_text: str | None = None
              ) -> list[tuple[str, str]]:
    """(pack:id, severity) of TQ601's findings; ``source_text``: the segment's source in view."""
    options = AuditOptions(lang=lang, source_lang=source, select=("TQ601",))
    if source_text is None:
        findings = audit_text(text, options).findings
    else:
        from tqcheck.audit import audit_segments

        findings = audit_segments("x", [Segment(text, 1, source=source_text)], options).findings
    return [(m.group(1), f.severity.value) for f in findings
            if (m := re.search(r"\[(\w+:[\w-]+)\]", f.message))]


def _unsourced(text: str, lang: str) -> list[Finding]:
    """TQ601's findings on ``text`` with no source language."""
    return list(audit_text(text, AuditOptions(lang=lang, select=("TQ601",))).findings)


def _ids(text: str, lang: str, source: str | None, source_text: str | None = None) -> list[str]:
    return [k for k, _ in _findings(text, lang, source, source_text)]


def test_there_are_packs_for_every_direction_the_issue_names() -> None:
    directions = {(p.source, t) for p in builtin_packs() for t in p.targets}
    sources = {(s, t) for p in builtin_packs() for t in p.targets for s in {p.source, *p.also}}
    assert {("en", t) for t in ("de", "fr", "es", "ru", "ar")} <= directions
    assert {(s, "en") for s in ("ar", "ru", "zh", "tr", "es", "fa", "fr", "de", "ja", "uk")} <= sources
    # The second round: more sources into English and English into more targets.
    assert {(s, "en") for s in ("ko", "it", "pt", "pl", "he", "cs")} <= sources
    assert {("en", t) for t in ("pt", "it", "nl", "pl", "uk", "cs", "tr", "zh", "ja")} <= directions
    # The third round: Hindi into English; English into Persian, Hebrew and Korean.
    assert ("hi", "en") in sources
    assert {("en", t) for t in ("fa", "he", "ko")} <= directions
    # The fifth round: Dutch, Vietnamese, Indonesian and Swedish into English, and a pack of
    # Ukrainian's own beside the Russian one it shares.
    assert {(s, "en") for s in ("nl", "vi", "id", "sv")} <= sources
    assert ("uk", "en") in directions


@pytest.mark.parametrize(("pack", "pat"), ENTRIES, ids=[f"{p.source}-{p.targets[0]}:{q.id}"
                                                         for p, q in ENTRIES])
def test_pack_entry_flags_its_example_and_passes_its_counterexample(
        pack: CalquePack, pat: CalquePattern) -> None:
    assert pat.example and pat.counterexample, "every entry needs both"
    key = f"{pack.source}:{pat.id}"
    if pat.anchor_regex is not None:  # source-anchored: reports only with its source in view
        assert pat.example_source, "an anchored entry needs the source of its example"
        assert not pat.strong
        for target in pack.targets:
            found = _findings(pat.example, target, pack.source, pat.example_source)
            assert (key, (pat.severity or "warning")) in found, pat.example
            assert key not in _ids(pat.example, target, pack.source), "reported without source"
            assert key not in _ids(pat.counterexample, target, pack.source, pat.example_source)
        return
    for target in pack.targets:
        if pat.severity is not None:
            assert (key, pat.severity.value) in _findings(pat.example, target, pack.source)
        assert key in _ids(pat.example, target, pack.source), pat.example
        assert key not in _ids(pat.counterexample, target, pack.source), pat.counterexample
        for src in pat.also:
            assert key in _ids(pat.example, target, src)
        if pat.strong:  # reports without any source language
            assert key in _ids(pat.example, target, None)
        else:  # without one, only beside another construction of its pack, and as info
            assert all(f.severity.value == "info" and "close by" in f.message
                       for f in _unsourced(pat.example, target) if f"[{key}]" in f.message)


def test_pattern_language() -> None:
    def search(pattern: str, text: str) -> str | None:
        m = re.search(compile_pattern(pattern).regex, text, re.MULTILINE)
        if m is None:
            return None
        return m.group("span") if "span" in m.re.groupindex else m.group()

    assert search("realiz* (a|an) [official] visit", "They realized an official visit.") == (
        "realized an official visit")
    assert search("realiz* (a|an) [official] visit", "They realized a visit.") == "realized a visit"
    assert search("realiz* (a|an) [official] visit", "a realistic visit") is None
    assert search("^ <In _{1,2} took place> a", "Yes. In Kazan took place a meeting") == (
        "In Kazan took place")
    assert search("^ <In _{1,2} took place> a", "A meeting in Kazan took place a day later") is None
    assert search("=Lunes", "el Lunes") == "Lunes"
    assert search("=Lunes", "el lunes") is None
    assert search("yesterday , _", "said yesterday, Tuesday") == "yesterday, Tuesday"
    assert search("mardi (?!\\s+gras)", "le mardi gras") is None
    assert search("re:\\d+(?:\\.\\d+)? ten thousand", "2.3 ten thousand") == "2.3 ten thousand"
    assert compile_pattern("on the territory of").keywords == {"territory"}
    # Word-class slots: a number, an English ordinal, a capitalised word.
    assert search("#num hundred million", "about 1,500 hundred million yuan") == "1,500 hundred million"
    assert search("#num hundred million", "hundreds of hundred million") is None
    assert search("^ On the #ord ,", "On the 15th, the ministry said") == "On the 15th,"
    assert search("^ On the #ord ,", "On the 15th of May, the ministry said") is None
    assert search("on the #cap direction", "fighting on the Bakhmut direction") == (
        "on the Bakhmut direction")
    assert search("on the #cap direction", "moving on the opposite direction") is None
    assert search("в #cap", "в Москве") == "в Москве"
    # A group of punctuation marks follows its word without a space, like a single mark.
    assert search("^ Dear (colleagues|friends) (,|!)", "Dear colleagues! We start.") == (
        "Dear colleagues!")
    assert search("wissen [,] (ob|wenn)", "Lass mich wissen, ob es geht") == "wissen, ob"
    assert search("wissen [,] (ob|wenn)", "Lass mich wissen ob es geht") == "wissen ob"
    # A group of words and marks: each branch takes its own separator ("said," and "said that").
    assert search("let us remind (that|,)", "Let us remind, the talks ended") == "Let us remind,"
    assert search("let us remind (that|,)", "Let us remind that the talks") == "Let us remind that"
    assert search("let us remind (that|,)", "Let us remindthat the talks") is None
    assert search("let us remind (that|,)", "Let us remind them") is None
    assert search("said [that|,] we", "He said, we left") == "said, we"
    assert search("said [that|,] we", "He said we left") == "said we"
    for bad in ("(a|b", "a ]", "< a", "[ ]"):
        with pytest.raises(PatternError):
            compile_pattern(bad)




def test_arabic_pack_never_applies_to_russian_or_chinese_source() -> None:
    text = "And the minister met the envoy.\n\nAnd he left. In return, the talks will go on."
    assert _ids(text, "en", "ar")
    assert _ids(text, "en", "ru") == []
    assert _ids(text, "en", "zh") == []


def test_source_language_is_detected_from_the_source_text() -> None:
    from tqcheck.audit import audit_segments

    target = "In return, the ministry said it was ready to talk."
    ru = "Взамен министерство заявило, что готово к переговорам и продолжит консультации."
    ar = "في المقابل، قالت الوزارة إنها مستعدة للحوار ومواصلة المشاورات مع جميع الأطراف."

    def codes(source: str) -> list[str]:
        seg = Segment(target, 1, source=source)
        result = audit_segments("x", [seg], AuditOptions(lang="en", select=("TQ601",)))
        return [f.code for f in result.findings]

    assert codes(ar) == ["TQ601"]  # detected Arabic: the whole Arabic pack applies
    assert codes(ru) == []  # detected Russian: never the Arabic pack


def test_keywords_written_against_arabic_or_spanish_punctuation_are_searched() -> None:
    """The prefilter's tokens split at ؟ ، ؛ (written against the word before them) and at
    ¿ ¡ …: a keyword there is still a keyword (it was not, and the entry never ran)."""
    assert "en:how-do-you-do" in _ids("مرحبا يا أحمد، كيف تفعل؟", "ar", "en")
    assert "en:give-a-hand" in _ids("هل يمكنك أن تعطيني يدا؟", "ar", "en")
    assert "en:the-more-the-more" in _ids("كلما زاد الضغط، كلما زادت المشاكل.", "ar", "en")
    from tqcheck.checks.text import folded_tokens
    assert folded_tokens("¿Qué tal… bien؟") == ["qué", "tal", "bien"]


def test_every_builtin_pattern_compiles() -> None:
    # Built-in patterns are compiled on first use (for a fast start); this compiles them all.
    from tqcheck.checks.calque import builtin_packs

    for pack in builtin_packs():
        for pattern in pack.patterns:
            assert pattern.regex.pattern == pattern.source_regex, pattern.id


def test_entry_severity_and_source_anchor(tmp_path: Path) -> None:
    """A pack entry may be info, and may be anchored on its source side: it then reports only
    when the segment's source has the construction the target renders."""
    from tqcheck.audit import audit_segments

    pack = tmp_path / "xx.toml"
    pack.write_text('''source = "es"
targets = ["en"]

[[pattern]]
id = "actually-actualmente"
match = "actually"
anchor = "actualmente"
message = "'actually' for 'actualmente' (currently)"
example = "The law is actually in force."
example_source = "La ley está actualmente en vigor."
counterexample = "The law is currently in force."

[[pattern]]
id = "mild"
match = "in the next days"
severity = "info"
message = "mild"
example = "We will know in the next days."
counterexample = "We will know in the coming days."
''', encoding="utf-8")

    def found(text: str, source: str | None) -> list[tuple[str, str]]:
        opts = AuditOptions(lang="en", source_lang="es", select=("TQ601",),
                            calque_packs=(str(pack),))
        segs = [Segment(text, 1, source=source)]
        out = [(m.group(1), f.severity.value) for f in audit_segments("x", segs, opts).findings
               if (m := re.search(r"\[es:([\w-]+)\]", f.message))]
        return [(k, sev) for k, sev in out if k in {"actually-actualmente", "mild"}]

    assert found("The law is actually in force.", "La ley está actualmente en vigor.") == [
        ("actually-actualmente", "warning")]
    assert found("The law is actually in force.", "La ley está en vigor, de hecho.") == []
    assert found("The law is actually in force.", None) == []
    assert found("We will know in the next days.", None) == [("mild", "info")]


def test_any_source_pack_yields_to_a_named_source_on_the_same_words() -> None:
    """The grammar-level any-source pack (``mul``) reports what no named pack has; where a pack
    of a named source flags the same words, only that finding (naming the source) remains."""
    text = "They discussed about the plan."
    ids = _ids(text, "en", "ru")
    assert len(ids) == 1 and not ids[0].startswith("mul:"), ids
    assert "mul:enter-into-place" in _ids("The police entered into the building.", "en", "ru")
    assert "mul:enter-into-place" in _ids("The police entered into the building.", "en", "zh")


def test_any_source_pack_weak_entries_need_evidence() -> None:
    """A non-strong grammar entry (article omission) reports for a known source language, or
    once a strong entry of the pack matched; never on its own without a source."""
    text = "The agency reported that minister will visit the region."
    assert "mul:bare-singular-noun-subject" in _ids(text, "en", "tr")
    assert "mul:bare-singular-noun-subject" not in _ids(text, "en", None)
    assert "mul:bare-singular-noun-subject" not in _ids(
        "The agency reported that the minister will visit the region.", "en", "tr")


def test_grammar_interference_entries_are_info_and_weak_ones_need_evidence() -> None:
    """The grammar-level entries of the any-source pack report as info: a strong one (never
    fluent: "allows to reduce") without any source language, a weak one (a double negation,
    which dialogue may quote) only for a source language in evidence."""
    strong = "The new system allows to reduce costs."
    assert _findings(strong, "en", None) == [("mul:allows-to-verb", "info")]
    weak = "The spokesman did not say nothing about the talks."
    assert _findings(weak, "en", None) == []
    assert _findings(weak, "en", "ru") == [("mul:double-negation", "info")]
    assert _findings("The spokesman did not say anything about the talks.", "en", "ru") == []


def test_countability_entries_read_the_lexicon_lists() -> None:
    """The entries written by scripts/build_mass_nouns.py (a countability lexicon) flag words of
    their lists in the grammatical slot only: a plural mass noun, a mass noun after a plural
    determiner, a count noun left singular after a number or 'one of the'."""
    text = ("Officials reported violences in two district of the city, one of the largest "
            "city in the region; these equipment were lost.")
    assert sorted(_ids(text, "en", "tr")) == [
        "mul:mass-noun-plural-lexicon", "mul:numeral-singular-noun",
        "mul:numeral-singular-noun", "mul:plural-determiner-mass-noun"]
    fluent = ("Officials reported violence in two districts of the city, one of the largest "
              "cities in the region, a two year plan; this equipment was lost.")
    assert _ids(fluent, "en", "tr") == []


def test_general_entries_report_for_every_source_that_produces_them() -> None:
    """Entries shared through ``also`` report for those sources and only in evidence: the
    Spanish "project of law" for Italian and French sources; the Ukrainian pack's entries for a
    Russian source; a Scandinavian entry for Danish."""
    assert "es:proposal-of-law" in _ids("The Senate approved the project of law.", "en", "it")
    assert "es:proposal-of-law" in _ids("The Senate approved the project of law.", "en", "fr")
    assert "uk:air-alarm" in _ids("An air alarm sounded in Kyiv.", "en", "ru")
    assert "uk:air-alarm" not in _ids("An air alarm sounded in Kyiv.", "en", "es")
    assert "sv:went-on-the-cinema" in _ids("We went on the cinema.", "en", "da")
    assert "nl:through-the-police" in _ids("He was arrested through the police.", "en", "de")


def test_evidence_of_a_strong_match_reaches_its_own_document() -> None:
    """Without a source language, one strong phrase of a pack puts the pack's other patterns in
    play near it (60 lines), not across a file of many documents; three strong phrases make the
    language the whole file's."""
    strong = "A travel ban for both Lavrov, Russian President Vladimir Putin and officials."
    weak = "On the other hand, the ministry said it would review the decision."
    filler = ["The committee met on Monday to discuss the budget."] * 80

    def ids(paragraphs: list[str]) -> list[str]:
        return [i for i, _ in _findings("\n\n".join(paragraphs), "en", None)]

    near = ids([strong, *filler[:5], weak])
    assert near.count("ar:on-the-other-hand-opener") == 1
    far = ids([strong, *filler, weak])
    assert "ar:both-with-three" in far and "ar:on-the-other-hand-opener" not in far
    # With the source language given, distance does not matter.
    given = _findings("\n\n".join([*filler, weak]), "en", "ar")
    assert ("ar:on-the-other-hand-opener", "warning") in given
    many = ids([strong, strong.replace("Lavrov", "Shoigu"), strong.replace("Lavrov", "Peskov"),
                *filler, weak])
    assert "ar:on-the-other-hand-opener" in many
