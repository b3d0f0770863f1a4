"""Fidelity checks TQ811–TQ815: must-flag and must-pass cases, on genuine packages (no mocks)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import tqcheck
from tests import argos_fixtures as af
from tests.argos_testing import cli, isolate, need_data
from tqcheck.checks import fidelity_mt as fm
from tqcheck.checks.registry import CheckContext, Hit, get_rule, select_rules
from tqcheck.config import Settings
from tqcheck.errors import InputError
from tqcheck.langdata import load_language
from tqcheck.model import Category, Segment
from tqcheck.readers import pair_source_lines
from tqcheck.readers.text import paragraphs_from_lines

CODES = ("TQ811", "TQ814", "TQ815")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate(monkeypatch, tmp_path)


@pytest.fixture(scope="session")
def news() -> list[str]:
    need_data()
    return af.ntrex_lines()[:40]


def ctx(lang: str | None = "de", source_lang: str | None = "en", **options: Any) -> CheckContext:
    return CheckContext(
        path="t.txt", lang=lang, data=load_language(lang), source_lang=source_lang,
        settings=Settings.of(**options),
    )


def paired(context: CheckContext, segments: Iterable[Segment]) -> Iterable[Segment]:
    """Segments as the audit hands them to checks: lines paired with ``--source`` lines."""
    source = context.settings.read.source
    if not source:
        return segments
    return pair_source_lines(segments, source, context.notes.append, context.path)


def run(check: type, context: CheckContext, lines: Iterable[str]) -> list[Hit]:
    """Feed a text file's lines as the text reader would (paragraph segments) and finish."""
    instance = check(context)
    for segment in paired(context, paragraphs_from_lines(line + "\n" for line in lines)):
        instance.feed(segment, [])
    hits = list(instance.finish())
    assert all(isinstance(h.segment, Segment) for h in hits)
    return hits


def hit_lines(hits: Iterable[Hit]) -> list[int]:
    out = []
    for hit in hits:
        assert hit.segment is not None
        out.append(hit.segment.locate(hit.start)[0])
    return out


def write(path: Path, lines: Iterable[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- registry


def test_rules_are_registered_and_documented() -> None:
    for code in CODES:
        rule = get_rule(code)
        assert rule is not None, code
        assert rule.category is Category.FIDELITY
        assert rule.scope == "document"
        for section in ("What it does", "Why it matters", "Example"):
            assert f"{section}:" in rule.doc, (code, section)
    assert get_rule("TQ815").needs == "round_trip_via"  # type: ignore[union-attr]
    assert {get_rule(c).needs for c in CODES[:2]} == {"source"}  # type: ignore[union-attr]
    assert "hint, not a verdict" in get_rule("TQ815").doc  # type: ignore[union-attr]
    plain = {r.code for r in select_rules(["fidelity"])}
    assert not plain & set(CODES)
    enabled = {r.code for r in select_rules(["fidelity"], features=["source", "round_trip_via"])}
    assert set(CODES) <= enabled


def test_outlier_threshold() -> None:
    assert fm.outlier_threshold([90.0] * 3) == (fm.FLOOR, None)
    threshold, median = fm.outlier_threshold([100.0] * 10)
    assert (threshold, median) == (100.0 - 3 * 4.0, 100.0)
    threshold, _ = fm.outlier_threshold([0, 0, 0, 100, 100, 100])
    assert threshold == fm.FLOOR  # a wide spread never goes below the floor


# ------------------------------------------------------------- TQ811 with the real engine


@pytest.mark.must_flag("TQ811")
@pytest.mark.must_pass("TQ811")
def test_planted_omission_found(tmp_path: Path, models: Path, news: list[str]) -> None:
    source = write(tmp_path / "src.en", news)
    target = list(news)
    target[6] = target[6].replace(" and has suggested alternatives", "")  # drop a clause
    assert target[6] != news[6]
    context = ctx(source=str(source), models_dir=str(models))
    hits = run(fm.SourceDisagreement, context, target)
    assert hit_lines(hits) == [7]
    assert "possible omission" in hits[0].message
    assert "has suggested alternat" in hits[0].message  # the machine translation is shown
    assert run(fm.SourceDisagreement, context, news) == []  # must pass: faithful lines


def test_planted_omission_through_tqcheck_audit(
    tmp_path: Path, models: Path, news: list[str]
) -> None:
    source = write(tmp_path / "src.en", news)
    target = list(news)
    target[6] = target[6].replace(" and has suggested alternatives", "")
    audited = write(tmp_path / "target.de.txt", target)
    status, out, err = cli(
        "audit", str(audited), "--source", str(source), "--source-lang", "en", "--lang", "de",
        "--models-dir", str(models), "--select", "TQ811", "--format", "json",
    )  # fmt: skip
    assert status == 1, err
    assert '"code": "TQ811"' in out
    assert '"line": 7' in out


def test_source_lines_map_through_multi_line_segments(
    tmp_path: Path, models: Path, news: list[str]
) -> None:
    source = write(tmp_path / "src.en", news[:12])
    target = list(news[:12])
    target[9] = "Completely unrelated words appear here instead of the sentence."
    context = ctx(source=str(source), models_dir=str(models))
    check = fm.SourceDisagreement(context)
    # One paragraph segment holding lines 1-12 (as the Markdown reader might produce).
    for segment in paired(context, [Segment(text="\n".join(target), line=1)]):
        check.feed(segment, [])
    hits = list(check.finish())
    assert hit_lines(hits) == [10]
    assert hits[0].segment is not None
    assert hits[0].segment.text[hits[0].start : hits[0].end] == target[9]


def test_tq811_skipped_with_a_note_without_models(tmp_path: Path, news: list[str]) -> None:
    source = write(tmp_path / "src.en", news[:8])
    context = ctx(source=str(source), models_dir=str(tmp_path / "empty"))
    assert run(fm.SourceDisagreement, context, news[:8]) == []
    assert any("TQ811" in note and "no installed package" in note for note in context.notes)


def test_tq811_notes_short_source(tmp_path: Path, models: Path, news: list[str]) -> None:
    source = write(tmp_path / "src.en", news[:5])
    context = ctx(source=str(source), models_dir=str(models))
    assert run(fm.SourceDisagreement, context, news[:8]) == []
    assert any("has 5 lines" in note for note in context.notes)


# --------------------------------------------------------------------------- TQ812–TQ814 (no model)


def pair_hits(
    check: type, source: list[str], target: list[str], tmp_path: Path, **kw: Any
) -> list[Hit]:
    path = write(tmp_path / "src.txt", source)
    return run(check, ctx(source=str(path), **kw), target)


def line_findings(source: list[str], target: list[str], lang: str, select: str
                  ) -> list[tuple[str, int, str]]:
    found = tqcheck.audit_text("".join(t + "\n" for t in target), lang=lang, source_lang="en",
                               source="".join(t + "\n" for t in source), select=select)
    return [(f.code, f.line, f.message) for f in found]


# TQ812 and TQ813 are TQ835 and TQ836 now, on lines paired with --source.
def test_missing_number_on_source_lines() -> None:
    assert line_findings(
        ["The talks began on February 24 with 300 delegates.", "It cost 1,500 dollars."],
        ["Die Gespräche begannen am 24. Februar mit Delegierten.", "Es kostete 1.500 Dollar."],
        "de", "TQ812",
    ) == [("TQ835", 1, "number 300 of the source is missing")]


def test_missing_number_on_source_lines_must_pass() -> None:
    assert line_findings(
        ["In 2022, 3 rounds of talks were held.", "Call 0800 123 456."],
        ["عقدت ٣ جولات من المحادثات في عام ٢٠٢٢.", "Rufen Sie 0800 123 456 an."],
        "ar", "TQ835",
    ) == []


def test_numbers_added_on_prose_lines_are_not_flagged() -> None:
    # a prose translation converts units and writes out what the source said in words
    assert line_findings(
        ["St. Martin's was built a decade later.", "Winds reached 85 mph."],
        ["Церковь Св. Мартина построили на 10 лет позже.", "Ветер достигал 85 миль (135 км) в час."],
        "ru", "TQ835",
    ) == []


def test_missing_url_on_source_lines() -> None:
    found = line_findings(
        ["See https://example.org/help for details.", "Write to help@example.org."],
        ["Voir https://exemple.org/aide pour plus de détails.", "Écrivez à help@example.org."],
        "fr", "missing-url",
    )
    # on prose lines, only what the translation lost
    assert found == [("TQ836", 1, "'https://example.org/help' of the source is missing")]


@pytest.mark.must_flag("TQ814")
def test_missing_name(tmp_path: Path) -> None:
    hits = pair_hits(
        fm.MissingName,
        ["Kuleba met Lavrov in Antalya on Thursday.", "Kuleba met Lavrov in Antalya."],
        ["Kuleba traf sich am Donnerstag in Antalya.", "Kuleba traf Lawrow in Antalya."],
        tmp_path,
    )
    # Line 1 lost "Lavrov" and "Thursday" (capitalised in English); line 2 spells Lavrov "Lawrow".
    assert [h.message for h in hits] == [
        "name 'Lavrov' of the source does not occur in the translation",
        "name 'Thursday' of the source does not occur in the translation",
        "name 'Lavrov' of the source does not occur in the translation",
    ]


@pytest.mark.must_pass("TQ814")
def test_missing_name_skips_other_scripts_and_sentence_starts(tmp_path: Path) -> None:
    assert not pair_hits(
        fm.MissingName,
        ["Kuleba met Lavrov in Antalya.", "The minister said: Talks will go on."],
        ["التقى كوليبا لافروف في أنطاليا.", "Der Minister sagte, die Gespräche gehen weiter."],
        tmp_path,
    )


def test_number_helpers() -> None:
    assert fm.numbers("٢٠٢٢ and 1,500.25 and 7") == {"2022": 1, "150025": 1}
    assert fm.urls("see www.example.org/a, then") == ["www.example.org/a"]
    assert fm.main_script("Привет, мир") == "CYRILLIC"


# --------------------------------------------------------------------------- TQ815 round trip


@pytest.mark.must_flag("TQ815")
@pytest.mark.must_pass("TQ815")
def test_round_trip_flags_what_does_not_survive(models: Path, news: list[str]) -> None:
    lines = list(news[:20])
    # Full-width letters (an OCR / input-method artefact) come back as ASCII: SentencePiece
    # normalises them (NFKC), so the line shares no characters with what returns.
    lines[4] = "Ｔｈｅ ｍｉｎｉｓｔｅｒ ｓａｉｄ ｎｏｔｈｉｎｇ ａｔ ａｌｌ."
    context = ctx(lang="en", source_lang=None, round_trip_via="eo", models_dir=str(models))
    hits = run(fm.RoundTripLoss, context, lines)
    assert hit_lines(hits) == [5]
    assert "round trip through eo" in hits[0].message
    assert "a hint, not a verdict" in hits[0].message
    # Must pass: the cipher round trip (en→eo→en) restores ordinary lines exactly.
    assert run(fm.RoundTripLoss, context, news[:20]) == []


def test_round_trip_pivots_through_english(models: Path, news: list[str]) -> None:
    # de → eo has no package: de→en→eo and back eo→en→de.
    context = ctx(lang="de", source_lang=None, round_trip_via="eo", models_dir=str(models))
    assert run(fm.RoundTripLoss, context, news[:10]) == []


def test_round_trip_needs_the_language(models: Path, news: list[str]) -> None:
    context = ctx(lang=None, source_lang=None, round_trip_via="eo", models_dir=str(models))
    with pytest.raises(InputError, match="needs the language"):
        run(fm.RoundTripLoss, context, news[:3])


def test_missing_number_rendered_another_way() -> None:
    source = ["Понад 10 тисяч людей евакуйовано, пошкоджено 6,4 тисячі будинків.",
              "Um 21 Uhr ging sie los, um 15.30 Uhr kam sie an.", "玉川七郎（１９１４～８８年）",
              "12月3日以降に観に行く方いますか"]
    target = ["Over 10,000 people were evacuated, 6,400 houses damaged.",
              "At 9 p.m. she left, at 3:30 p.m. she arrived.",
              "Tamagawa Shichiro (1914-1988)",
              "Anyone going to see it after December 3rd?"]
    assert line_findings(source, target, "en", "TQ835") == []
    # The same numbers changed are still missing.
    wrong = ["More than 100 more were injured, 6,400 buildings destroyed.", "At around 8 p.m. he drove off.",
             "Tamagawa Shichiro (1914-1987)", "Anyone going to see it after November 3rd?"]
    assert sorted({line for _, line, _ in line_findings(source, wrong, "en", "TQ835")}) == [1, 2, 3, 4]


# --------------------------------------------------------------------------- report signature


def test_signature_names_the_model_packages_used(
    tmp_path: Path, models: Path, news: list[str]
) -> None:
    import json

    source = write(tmp_path / "src.en", news[:12])
    audited = write(tmp_path / "target.de.txt", news[:12])
    sarif = tmp_path / "r.sarif"
    common = ("audit", str(audited), "--lang", "de", "--models-dir", str(models), "--format",
              "json", "--output", f"sarif={sarif}")
    status, out, err = cli(*common, "--source", str(source), "--source-lang", "en",
                           "--select", "TQ811")
    assert status == 0, err
    used = json.loads(out)["signature"]["models"]
    assert [(m["kind"], m["pair"]) for m in used] == [("argos", "en-de")]
    assert used[0]["version"] and used[0]["name"]
    sarif_signature = json.loads(sarif.read_text())["runs"][0]["properties"]["signature"]
    assert sarif_signature["models"] == used
    # The round trip through eo from de pivots through English: four packages, sorted.
    status, out, err = cli(*common, "--round-trip-via", "eo", "--select", "TQ815")
    assert status == 0, err
    pairs = [m["pair"] for m in json.loads(out)["signature"]["models"]]
    assert pairs == sorted(set(pairs)) and {"de-en", "en-eo", "eo-en", "en-de"} <= set(pairs)
    # No model ran: the signature names none.
    status, out, err = cli(*common, "--select", "TQ101")
    assert "models" not in json.loads(out)["signature"]


# --------------------------------------------------------------------------- TQ816 omission

_OMISSION_SOURCE = [
    f"Der Stadtrat hat am Dienstag nach langer Debatte beschlossen, die Brücke Nummer {i} "
    "im kommenden Jahr zu sanieren." for i in range(24)]
_OMISSION_TARGET = [
    f"After a long debate on Tuesday, the city council decided to renovate bridge number {i} "
    "next year." for i in range(24)]


@pytest.mark.must_flag("TQ816")
def test_possible_omission_against_the_files_own_ratio() -> None:
    target = list(_OMISSION_TARGET)
    target[5] = "The council decided."  # most of the line did not make it across
    found = line_findings(_OMISSION_SOURCE, target, "en", "TQ816")
    assert [(code, line) for code, line, _ in found] == [("TQ816", 6)]
    assert "may be missing" in found[0][2]


@pytest.mark.must_pass("TQ816")
def test_possible_omission_passes_a_concise_line_and_short_files() -> None:
    target = list(_OMISSION_TARGET)
    # A concise but whole rendering (60% of the usual length) is not an omission.
    target[5] = "On Tuesday the council voted to repair bridge 5 next year after debating."
    assert line_findings(_OMISSION_SOURCE, target, "en", "TQ816") == []
    # Too few lines for a median of the file's own: nothing is judged.
    assert line_findings(_OMISSION_SOURCE[:10], ["The council decided."] * 10, "en",
                         "TQ816") == []


def test_letter_weight_counts_dense_scripts_three_times() -> None:
    assert fm.letter_weight("寝れない 1,500!") == 12
    assert fm.letter_weight("I can't sleep, 42.") == 10
