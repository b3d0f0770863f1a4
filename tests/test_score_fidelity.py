"""TQ801 low-reference-chrf: the document check behind ``tqcheck audit --ref``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tqcheck.checks.fidelity_ref import LowReferenceChrf, low_line_threshold
from tqcheck.checks.registry import CheckContext, get_rule
from tqcheck.config import Settings
from tqcheck.model import Category, Segment, Severity

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "mqm-ted-zh-en.jsonl"

REFERENCE = [
    "The museum opens at nine o'clock on weekdays.",
    "Tickets can be bought at the entrance or online.",
    "Children under twelve enter for free.",
    "The new wing shows paintings from the nineteenth century.",
    "Guided tours start every hour from the main hall.",
    "Photography without flash is allowed in most rooms.",
    "The café on the top floor has a view over the river.",
    "Large bags must be left in the cloakroom.",
    "The library is open to researchers by appointment.",
    "On Sundays the museum closes at five.",
]
TRANSLATION = [
    "The museum opens at nine o'clock during weekdays.",
    "Tickets may be bought at the entrance or online.",
    "Children below twelve enter for free.",
    "The new wing shows paintings of the nineteenth century.",
    "Guided tours begin every hour from the main hall.",
    "Photography without a flash is allowed in most rooms.",
    "The café on the top floor has a view of the river.",
    "Large bags have to be left in the cloakroom.",
    "The library is open for researchers by appointment.",
    "On Sunday the museum closes at five.",
]
PLANTED = "Please subscribe to our newsletter for more updates."


def make_ctx(ref: Path | None, **options: Any) -> CheckContext:
    opts = {"ref": str(ref)} if ref else {}
    opts.update(options)
    return CheckContext(path="doc.txt", lang="en", data=None,  # type: ignore[arg-type]
                        settings=Settings.of(**opts))


def run(lines_by_segment: list[list[str]], ref: Path | None, **options: Any) -> tuple[
    list[Any], CheckContext, list[Segment]
]:
    ctx = make_ctx(ref, **options)
    check = LowReferenceChrf(ctx)
    segments = []
    line = 1
    for index, lines in enumerate(lines_by_segment):
        seg = Segment(text="\n".join(lines), line=line, index=index)
        segments.append(seg)
        check.feed(seg, [])
        line += len(lines)
    return list(check.finish()), ctx, segments


@pytest.fixture
def ref_file(tmp_path: Path) -> Path:
    path = tmp_path / "ref.txt"
    path.write_text("\n".join(REFERENCE) + "\n", encoding="utf-8")
    return path


def test_registered_with_docs() -> None:
    rule = get_rule("TQ801")
    assert rule is not None and rule is get_rule("low-reference-chrf")
    assert rule.scope == "document" and rule.needs == "ref"
    assert rule.category is Category.FIDELITY and rule.severity is Severity.WARNING
    assert rule.summary.startswith("A line's chrF against the reference")
    for section in ("What it does:", "Why it matters:", "Example:"):
        assert section in rule.doc


@pytest.mark.must_pass("TQ801")
def test_clean_translation_passes(ref_file: Path) -> None:
    hits, _, _ = run([[t] for t in TRANSLATION], ref_file)
    assert hits == []


@pytest.mark.must_flag("TQ801")
def test_planted_wrong_line_is_flagged(ref_file: Path) -> None:
    lines = list(TRANSLATION)
    lines[6] = PLANTED
    hits, _, segments = run([[t] for t in lines], ref_file)
    assert len(hits) == 1
    hit = hits[0]
    assert hit.segment is segments[6]
    assert (hit.start, hit.end) == (0, len(PLANTED))
    assert hit.suggestion == REFERENCE[6]
    assert hit.message.startswith("chrF ")
    assert "far below this document's median" in hit.message


def test_line_inside_a_multiline_segment(ref_file: Path) -> None:
    lines = list(TRANSLATION)
    lines[4] = PLANTED
    # Segments of 3, 3 and 4 physical lines: line 5 is the second line of the second segment.
    hits, _, segments = run([lines[0:3], lines[3:6], lines[6:10]], ref_file)
    assert len(hits) == 1
    hit = hits[0]
    assert hit.segment is segments[1]
    assert hit.segment.text[hit.start:hit.end] == PLANTED
    assert hit.segment.locate(hit.start) == (5, 1)
    assert hit.suggestion == REFERENCE[4]


def test_empty_line_where_reference_has_text(ref_file: Path) -> None:
    lines = list(TRANSLATION)
    lines[2] = ""
    hits, _, _ = run([[t] for t in lines], ref_file)
    assert [h.suggestion for h in hits] == [REFERENCE[2]]
    assert hits[0].message.startswith("chrF 0.0 ")


def test_more_lines_than_reference_is_skipped_with_a_note(ref_file: Path) -> None:
    hits, ctx, _ = run([[t] for t in [*TRANSLATION, "An extra line."]], ref_file)
    assert hits == []
    assert len(ctx.notes) == 1 and "TQ801" in ctx.notes[0] and "has 10" in ctx.notes[0]


def test_without_a_reference_option_it_is_silent() -> None:
    hits, _, _ = run([[t] for t in TRANSLATION], None)
    assert hits == []


def test_threshold_rule() -> None:
    # Uniform scores: the 15-point minimum gap keeps it from flagging ordinary lines.
    median, threshold = low_line_threshold([60.0] * 9 + [50.0])
    assert (median, threshold) == (60.0, 45.0)
    # A wide spread widens the margin (2.5 * 1.4826 * MAD), down to the floor of 20.
    median, threshold = low_line_threshold([50.0, 60.0, 70.0, 80.0, 90.0])
    assert median == 70.0 and threshold == pytest.approx(70.0 - 2.5 * 1.4826 * 10.0)
    assert low_line_threshold([20.0, 40.0, 60.0, 80.0, 100.0]) == (60.0, 20.0)
    # Few lines: only the absolute floor.
    assert low_line_threshold([90.0, 5.0])[1] == 20.0


def test_planted_line_in_real_mqm_document(tmp_path: Path) -> None:
    if not DATA.is_file():
        pytest.skip(f"shared data not available: {DATA}")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    talk = sorted(
        (r for r in rows if r["system"] == "Online-W" and r["doc"] == "talk.6"),
        key=lambda r: int(r["seg_id"]),
    )
    hyps = [r["target"] for r in talk]
    refs = [r["reference"] for r in talk]
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(refs) + "\n", encoding="utf-8")
    baseline, _, _ = run([[h] for h in hyps], ref)
    planted_at = len(hyps) // 2
    # A real sentence of another talk by the same system: fluent, plausible, wrong.
    other = sorted((r for r in rows if r["system"] == "Online-W" and r["doc"] == "talk.9"),
                   key=lambda r: int(r["seg_id"]))
    hyps[planted_at] = other[planted_at]["target"]
    hits, _, segments = run([[h] for h in hyps], ref)
    flagged = {segments.index(h.segment) for h in hits if h.segment is not None}
    assert planted_at in flagged
    # Planting one wrong line adds that line and does not flood the document with findings.
    assert len(hits) <= len(baseline) + 1
    assert len(hits) <= max(3, len(hyps) // 20)


def test_audit_cli_with_ref_reports_the_planted_line(
    tmp_path: Path, ref_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tqcheck.cli import main

    lines = list(TRANSLATION)
    lines[6] = PLANTED
    doc = tmp_path / "doc.txt"
    doc.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["audit", str(doc), "--ref", str(ref_file), "--lang", "en", "--select", "TQ8"])
    out = capsys.readouterr().out
    assert status == 1
    assert f"{doc}:7:1: TQ801 chrF " in out
    assert f"suggestion: {REFERENCE[6]}" in out
    assert out.count("TQ801") == 1
