"""The seed article: every artifact the project was created for is reported, at its exact span."""

from __future__ import annotations

from tqcheck.audit import AuditOptions, audit

from .conftest import SEED

# (line, col, end_line, end_col, code, flagged text) — pinned.
EXPECTED = [
    (1, 95, 1, 101, "TQ501", "Dmytro"),  # Dmytro / Dmitry Kuleba
    (1, 213, 1, 219, "TQ501", "Sergey"),  # Sergey / Sergei Lavrov
    (1, 346, 1, 375, "TQ201", "From his meeting with Lavrov."),  # fragment split off
    (5, 35, 5, 56, "TQ601", "yesterday, Wednesday,"),  # Arabic calque
    (5, 210, 5, 231, "TQ601", "yesterday, Wednesday,"),
    (5, 385, 5, 406, "TQ204", "permanent cease-fire."),  # dangling after the closing quote
    (5, 395, 5, 405, "TQ502", "cease-fire"),  # cease-fire / ceasefire
    (7, 1, 7, 30, "TQ601", "Yesterday evening, Wednesday,"),
    (9, 1, 9, 23, "TQ202", "previous conversations"),  # orphan lowercase heading
    (11, 67, 11, 76, "TQ502", "ceasefire"),
    (13, 1, 13, 3, "TQ406", "⚡️"),  # emoji
    (13, 208, 13, 222, "TQ404", "#Sergey_Lavrov"),  # underscore hashtag
    (13, 237, 13, 243, "TQ501", "Dmitry"),
    (15, 1, 15, 27, "TQ401", "pic.twitter.com/mj6oKBfkoW"),  # embed link
    (17, 1, 17, 49, "TQ402", "— 🇷🇺 Russia in Arabic (@Russia_AR) March 7, 2022"),  # attribution
    (19, 1, 19, 4, "TQ602", "And"),  # paragraph-initial "And" chain
    (19, 274, 19, 303, "TQ102", "instructions and instructions"),
    (19, 353, 19, 354, "TQ303", '"'),  # quotation closed in the wrong place
    (23, 1, 23, 11, "TQ601", "In return,"),
    (25, 1, 25, 17, "TQ202", "nuclear security"),
    (31, 1, 31, 4, "TQ602", "And"),
    (31, 62, 31, 68, "TQ501", "Sergei"),
    (33, 171, 33, 220, "TQ601", "both Lavrov, Russian President Vladimir Putin and"),  # "both" + 3
]


def _artifact_findings() -> list[tuple[int, int, int, int, str, str]]:
    # Language-ID checks have their own tests; this pins the artifact families.
    report = audit([SEED], AuditOptions(ignore=("language", "fidelity")))
    assert report.errors == ()
    return [(f.line, f.col, f.end_line, f.end_col, f.code, f.text) for f in report.findings]


def test_seed_findings_are_pinned() -> None:
    assert _artifact_findings() == EXPECTED


def test_seed_spans_point_at_the_file() -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for line, col, end_line, end_col, _code, text in _artifact_findings():
        assert line == end_line
        assert lines[line - 1][col - 1 : end_col - 1] == text


def test_seed_language_is_detected() -> None:
    report = audit([SEED])
    (summary,) = report.files
    assert (summary.lang, summary.lang_source) == ("en", "detected")
