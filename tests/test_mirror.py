"""The source in view: findings that mirror the source are downgraded to info, with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import count_opens, target_and_source
from tqcheck.audit import AuditOptions, audit, audit_segments
from tqcheck.checks.mirror import MIRRORS, MirrorCase, mirror_reason, normalise
from tqcheck.checks.registry import all_rules
from tqcheck.errors import InputError
from tqcheck.model import Finding, Segment


def _audit(tmp_path: Path, target: str, source: str | None, **kw: object) -> list[Finding]:
    tgt, features = target_and_source(tmp_path, target, source)
    options = AuditOptions(lang="en", ignore=("TQ811", "TQ812", "TQ813", "TQ814", "language"),
                           features=features, **kw)  # type: ignore[arg-type]
    return list(audit([tgt], options, jobs=1).findings)


def _by_code(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


def test_every_mirrored_code_is_a_registered_rule() -> None:
    codes = {r.code for r in all_rules()}
    assert set(MIRRORS) <= codes


def test_emoji_the_source_has_is_info_with_the_reason(tmp_path: Path) -> None:
    target = "💬 The military asks people not to despise the old woman.\n"
    # Without the source in view, emoji are no evidence: people write them too (info).
    plain = _by_code(_audit(tmp_path, target, None), "TQ406")
    assert [f.severity.value for f in plain] == ["info"]
    assert "no source in view" in plain[0].message
    mirrored = _by_code(_audit(tmp_path, target, "💬 Військові закликають не зневажати стареньку.\n"),
                        "TQ406")
    assert [f.severity.value for f in mirrored] == ["info"]
    assert "mirrors the source" in mirrored[0].message
    # An emoji the source does not have stays a warning.
    kept = _by_code(_audit(tmp_path, target, "Військові закликають не зневажати стареньку.\n"),
                    "TQ406")
    assert [f.severity.value for f in kept] == ["warning"]


def test_an_emoji_rendered_by_another_mirrors_the_source(tmp_path: Path) -> None:
    target = "Thanks to all of you we did it 🙂\n"
    mirrored = _by_code(_audit(tmp_path, target, "Завдяки всім вам ми досягли успіху 😉\n"), "TQ406")
    assert [f.severity.value for f in mirrored] == ["info"]
    assert "emoji too" in mirrored[0].message


def test_an_emoticon_rendered_as_an_emoji_mirrors_the_source(tmp_path: Path) -> None:
    target = "I'm looking forward to meeting you 😉\n"
    mirrored = _by_code(_audit(tmp_path, target, "Bin gespannt, wen ich dort treffe ;-)\n"),
                        "TQ406")
    assert [f.severity.value for f in mirrored] == ["info"]
    assert "emoticon ';-)'" in mirrored[0].message
    # A colon before a bracket, a time or a ratio is no emoticon: the emoji stays a warning.
    for source in ("Treffpunkt (siehe Plan: Halle 3)\n", "Um 10:30 Uhr, Stand 3:2\n"):
        kept = _by_code(_audit(tmp_path, target, source), "TQ406")
        assert [f.severity.value for f in kept] == ["warning"], source


def test_alignment_is_by_line(tmp_path: Path) -> None:
    target = "The first line is plain.\n\nA repeat 🙏 at the end of this line.\n"
    # The emoji is on line 3 of the source too; a source with it on line 1 only does not mirror.
    assert _by_code(_audit(tmp_path, target, "Erste.\n\nZweite 🙏.\n"), "TQ406")[0].severity.value \
        == "info"
    assert _by_code(_audit(tmp_path, target, "Erste 🙏.\n\nZweite.\n"), "TQ406")[0].severity.value \
        == "warning"


def test_doubled_name_mirrored_by_a_doubled_cjk_character(tmp_path: Path) -> None:
    target = "Her daughter said that fang fang was at home all day.\n"
    assert _by_code(_audit(tmp_path, target, None), "TQ101")[0].severity.value == "error"
    mirrored = _by_code(_audit(tmp_path, target, "她的女儿说芳芳整天都在家。\n"), "TQ101")
    assert mirrored[0].severity.value == "info"


def test_repeated_headline_mirrored_in_the_source(tmp_path: Path) -> None:
    head = "Half of the tanks have been lost in the war, says the report."
    target = f"{head}\n\nThe body says more.\n\n{head}\n"
    source = ("Die Hälfte der Panzer ist im Krieg verloren, sagt der Bericht.\n\nMehr.\n\n"
              "Die Hälfte der Panzer ist im Krieg verloren, sagt der Bericht.\n")
    # Without the source, a sentence repeated in another paragraph may be the writer's (a
    # headline restated): info, saying so (tqcheck.checks.plain).
    plain = _by_code(_audit(tmp_path, target, None), "TQ104")[0]
    assert plain.severity.value == "info" and "without the source" in plain.message
    assert _by_code(_audit(tmp_path, target, source), "TQ104")[0].severity.value == "info"
    other = "Ein Satz.\n\nMehr.\n\nEin ganz anderer Satz steht hier.\n"
    assert _by_code(_audit(tmp_path, target, other), "TQ104")[0].severity.value == "warning"


def test_a_sentence_looped_within_its_paragraph_is_judged_by_that_paragraphs_source(
        tmp_path: Path) -> None:
    # The earlier occurrence is in the same paragraph, whose source says it once: a loop of the
    # MT, not a mirror (it was info because the paragraph's source stood for the earlier one).
    said = "Ullern, Vestre Aker and Nordstrand lived in the centre of the city."
    target = f"{said} {said}\n\nThe weather was fine on Sunday.\n"
    once = ("Ullern, Vestre Aker und Nordstrand lebten im Zentrum der Stadt.\n\n"
            "Das Wetter war am Sonntag schön.\n")
    assert _by_code(_audit(tmp_path, target, once), "TQ104")[0].severity.value == "warning"
    twice = ("Ullern, Vestre Aker und Nordstrand lebten im Zentrum der Stadt. Ullern, Vestre Aker "
             "und Nordstrand lebten im Zentrum der Stadt.\n\nDas Wetter war am Sonntag schön.\n")
    assert _by_code(_audit(tmp_path, target, twice), "TQ104")[0].severity.value == "info"


def test_unmatched_bracket_mirrored_only_when_the_source_leaves_it_open(tmp_path: Path) -> None:
    target = "Of course, it is hard sometimes))))\n"
    assert {f.severity.value for f in _by_code(_audit(tmp_path, target, "Іноді важко))))\n"),
                                                "TQ302")} == {"info"}
    assert {f.severity.value for f in _by_code(_audit(tmp_path, target, "Іноді (важко)\n"),
                                                "TQ302")} == {"warning"}


def test_bilingual_units_use_their_own_source() -> None:
    segments = [Segment("Thanks for the support! 🙏", 1, source="Дякую за підтримку! 🙏"),
                Segment("Thanks for the support! 🙏", 2, source="Дякую за підтримку!")]
    result = audit_segments("x.po", segments, AuditOptions(lang="en", select=("TQ406",)))
    assert [f.severity.value for f in result.findings] == ["info", "warning"]


@pytest.mark.parametrize(("source", "mirrored"), [
    ("Und die Minister reisten ab.", True),
    ("Die Minister reisten ab.", False),
])
def test_paragraph_initial_conjunction_mirrors_the_sources(source: str, mirrored: bool) -> None:
    seg = Segment("And the ministers left.", 1)
    case = MirrorCase("TQ602", seg, 0, 3, source, "de")
    assert (mirror_reason(case) is not None) is mirrored


def test_arabic_prefix_conjunction_is_not_a_mirror() -> None:
    seg = Segment("And the minister said the talks went well.", 1)
    case = MirrorCase("TQ602", seg, 0, 3, "وقال الوزير إن المحادثات جرت بشكل جيد.", "ar")
    assert mirror_reason(case) is None


def test_lowercase_start_mirrored_by_a_lowercase_source() -> None:
    seg = Segment("but it breaks often enough to matter.", 1)
    assert mirror_reason(MirrorCase("TQ203", seg, 0, 3, "but it breaks enough to be a problem.",
                                    "en")) is not None
    assert mirror_reason(MirrorCase("TQ203", seg, 0, 3, "Aber es passiert oft.", "de")) is None


def test_normalise_folds_full_width_forms_and_emoji_modifiers() -> None:
    assert normalise("ＡＢＣ　１８７４") == "abc 1874"
    assert normalise("🙏🏻") == normalise("🙏")


def test_source_language_is_detected_from_the_source(tmp_path: Path) -> None:
    from tqcheck.audit import detect_source_language

    src = tmp_path / "s.txt"
    src.write_text("Die Minister sind am Montag nach Antalya gereist, um dort zu verhandeln.\n"
                   "Das Treffen hat lange gedauert und endete ohne eine Einigung.\n", encoding="utf-8")
    assert detect_source_language([], str(src), "text") == "de"
    assert detect_source_language([], str(src), "po") is None
    seg = Segment("x", 1, source="Привет, как дела? Сегодня мы поговорим о переговорах в Анталье.")
    assert detect_source_language([seg], None, "po") == "ru"


def test_fragment_mirrored_by_a_short_source_sentence() -> None:
    seg = Segment("The mayor plays the clown. At his side his wife Resi.", 1)
    start = seg.text.index("At")
    case = MirrorCase("TQ201", seg, start, len(seg.text),
                      "Er spielt den Clown: Anton Huber. An seiner Seite Ehefrau Resi.", "de")
    assert mirror_reason(case) is not None
    case = MirrorCase("TQ201", seg, start, len(seg.text),
                      "Er spielt den Clown, an seiner Seite steht seine Ehefrau Resi, die lacht.",
                      "de")
    assert mirror_reason(case) is None


def test_space_before_punctuation_needs_the_space_in_the_source() -> None:
    seg = Segment("Ist das so ?", 1)
    start = seg.text.index(" ?")
    assert mirror_reason(MirrorCase("TQ307", seg, start, start + 2, "Is it so?", "en")) is None
    assert mirror_reason(MirrorCase("TQ307", seg, start, start + 2, "Est-ce ainsi ?", "fr")) \
        is not None


@pytest.mark.parametrize(("code", "target", "span", "source", "mirrored"), [
    # Untranslated text in the source's own script is a defect, not a mirror.
    ("TQ706", "a hot water bottle of 0トリ.", "トリ", "湯たんぽと0トリの組み合わせで使う", False),
    ("TQ702", "They posted it on Facebookやinstagram.", "や", "FacebookやInstagramなどで", False),
    # Text the source itself quotes in another script is kept faithfully.
    ("TQ702", "Он оставил untranslated english words здесь.", "untranslated english words",
     "He left untranslated english words here.", False),
    ("TQ702", "Пишите на info@nami.org сегодня.", "info@nami.org", "Write to info@nami.org today.",
     True),
    ("TQ702", "Играйте в Call Of Duty сегодня.", "Call Of Duty", "Play Call Of Duty today.", True),
    ("TQ702", "The sign said 出口 in big letters.", "出口", "The sign said 出口 in big letters.", True),
])
def test_foreign_script_mirrors_only_what_the_source_quotes(code: str, target: str, span: str,
                                                             source: str, mirrored: bool) -> None:
    seg = Segment(target, 1)
    start = target.index(span)
    case = MirrorCase(code, seg, start, start + len(span), source, None)
    assert (mirror_reason(case) is not None) is mirrored


@pytest.mark.parametrize(("code", "target", "span", "source"), [
    ("TQ101", "Well, so that it fits with, with the template.", "with, with",
     "Well, so that it fits with the, with the new template."),
    ("TQ105", "Come in, come in, come in...", "Come in, come in, come in",
     "Заходимо, заходимо, заходимо..."),
    ("TQ105", "la-la-la la la la la", "la-la-la la la la la", "ля-ля-ля ля-ля-ля"),
    # WMT23 uk-en (blind judges: false): a section break of one mark, rendered with a letter.
    ("TQ105", "X x x", "X x x", "× × ×"),
    ("TQ105", "× x x x", "x x x", "* * *"),
])
def test_repetition_over_any_separator_in_the_source_is_a_mirror(code: str, target: str, span: str,
                                                                  source: str) -> None:
    seg = Segment(target, 1)
    start = target.index(span)
    assert mirror_reason(MirrorCase(code, seg, start, start + len(span), source, None)) is not None
    assert mirror_reason(MirrorCase(code, seg, start, start + len(span), "Заходимо.", None)) is None


def test_a_word_loop_is_no_mirror_of_an_ornament() -> None:
    seg = Segment("no no no no", 1)
    assert mirror_reason(MirrorCase("TQ105", seg, 0, 11, "× × ×", None)) is None
    # Marks that end a sentence are no ornament: "i i i" for "…続くのでしょうか？？？？" is a loop.
    seg = Segment("How long will it last i i i", 1)
    assert mirror_reason(MirrorCase("TQ105", seg, 22, 27, "いつまで続くのでしょうか？？？？", None)) is None


def test_a_sentence_repeated_where_the_source_says_nearly_the_same_is_a_mirror() -> None:
    seg = Segment("Keep it away from open flames.", 5)
    case = MirrorCase("TQ104", seg, 0, len(seg.text), "※火気の近くでは使用しないでください。", "ja",
                      ("※火気の近くで使用しないでください。",))
    assert mirror_reason(case) is not None
    other = MirrorCase("TQ104", seg, 0, len(seg.text), "※直射日光を避けて保管してください。", "ja",
                       ("※火気の近くで使用しないでください。",))
    assert mirror_reason(other) is None


def test_the_source_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its language is identified from the same read as the pairing of lines (the former audit
    opened it twice: the head to identify, then the whole to pair)."""
    import tqcheck

    src = tmp_path / "s.de.txt"
    src.write_text("Die Minister sind am Montag nach Antalya gereist, um dort zu verhandeln.\n"
                   "Das Treffen hat lange gedauert und endete ohne eine Einigung.\n", encoding="utf-8")
    target = tmp_path / "t.en.txt"
    target.write_text("The ministers travelled to Antalya on Monday to negotiate there.\n"
                      "The meeting lasted a long time and ended without an agreement.\n",
                      encoding="utf-8")
    opened = count_opens(monkeypatch, src.name)
    report = tqcheck.audit([target], tqcheck.Settings.of(jobs=1, source=str(src), lang="en"))
    assert len(opened) == 1
    assert report.files and not report.errors


def test_pairing_streams_the_source_file(tmp_path: Path) -> None:
    """The pairing holds the source line it is at, not the whole file (it held every line)."""
    import tracemalloc

    from tqcheck.readers import pair_source_lines

    n = 20_000
    src = tmp_path / "s.txt"
    src.write_text("".join(f"Quelle {i} {'x' * 200}\n" for i in range(1, n + 1)), encoding="utf-8")
    segments = (Segment(f"line {i}", i) for i in range(1, n + 1))
    tracemalloc.start()
    try:
        paired = sum(seg.meta["source_lines"][0].source.startswith(f"Quelle {seg.line} ")
                     for seg in pair_source_lines(segments, src))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert paired == n
    assert peak < 1_000_000  # the file is 4.3 MB


def test_a_bad_byte_past_the_paired_lines_is_still_an_error(tmp_path: Path) -> None:
    from tqcheck.readers import SourceFile, pair_source_lines

    src = tmp_path / "s.txt"
    src.write_bytes(b"eins\n" + b"zwei\n" * 5000 + b"\xff\n")
    with pytest.raises(InputError, match=r"not UTF-8 \(invalid start byte at byte 25005\)"):
        list(pair_source_lines([Segment("one", 1)], src))
    assert SourceFile(src).head(50) is None


def test_source_file_head_is_what_a_text_reader_gives(tmp_path: Path) -> None:
    from tqcheck.readers import SourceFile

    src = tmp_path / "s.txt"
    src.write_bytes(b"\xef\xbb\xbfone\r\n\r\ntwo\rthree")
    assert SourceFile(src).head(50) == ["one\n", "two\n", "three"]
    assert SourceFile(src).head(2) == ["one\n"]
    src.write_bytes(b"one\x00\ntwo\n")
    assert SourceFile(src).head(50) is None  # binary: nothing to identify
    src.write_bytes(b"one\n\xff\n")
    source = SourceFile(src)
    assert source.head(50) is None
    with pytest.raises(InputError, match="not UTF-8"):
        source.lines()  # the error is kept for the pairing, which reports it


def test_without_the_source_fluent_conventions_are_info(tmp_path: Path) -> None:
    """Headline brackets, bracket smileys and a quotation running on to the next paragraph are
    written by people too: without the source in view they are info; a source that lacks them
    makes them warnings."""
    target = ("【Official】LEALA remote work\n\nI don't see other options ((\n\n"
              "He said: \"It was inevitable.\n\nThe statue stays.\n")
    plain = _audit(tmp_path, target, None)
    for code in ("TQ304", "TQ302", "TQ301"):
        got = _by_code(plain, code)
        assert got and all(f.severity.value == "info" for f in got), code
    source = ("[Official] LEALA remote work\n\nI don't see other options.\n\n"
              "He said: \"It was inevitable.\"\n\nThe statue stays.\n")
    seen = _audit(tmp_path, target, source)
    for code in ("TQ304", "TQ302", "TQ301"):
        assert [f.severity.value for f in _by_code(seen, code)][:1] in (["warning"], ["error"]), code


def test_a_quote_open_at_the_end_of_the_text_stays_a_warning(tmp_path: Path) -> None:
    got = _by_code(_audit(tmp_path, "The meeting ended.\n\nAnd he said \"hello.\n", None), "TQ301")
    assert [f.severity.value for f in got] == ["warning"]


def test_a_run_of_invisible_characters_is_one_finding(tmp_path: Path) -> None:
    got = _by_code(_audit(tmp_path, "He backed this \u200b\u200bidea today.\n", None), "TQ306")
    assert len(got) == 1 and "(2×)" in got[0].message


def test_doubled_punctuation_mirrored_by_the_sources_own_doubled_mark(tmp_path: Path) -> None:
    target = "I am worried about what they will ask me..\n"
    # Without the source, '..' trailing off is the writer's (info: tqcheck.checks.plain); with a
    # source that ends on one full stop, the MT doubled it.
    assert _by_code(_audit(tmp_path, target, None), "TQ310")[0].severity.value == "info"
    single = _by_code(_audit(tmp_path, target, "なに聞かれるか不安です。\n"), "TQ310")
    assert single[0].severity.value == "warning"
    mirrored = _by_code(_audit(tmp_path, target, "なに聞かれるか不安です、、\n"), "TQ310")
    assert mirrored[0].severity.value == "info"
    assert "、、" in mirrored[0].message
