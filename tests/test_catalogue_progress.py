"""TQ830 per file: a few untranslated units are oversights (a warning each); a catalogue with many
is in progress (one warning for the file, each unit info).  Real files of ../shared/data read in
place (their licences forbid copies)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import shared_file
from tqcheck.audit import AuditOptions, audit_file, audit_segments
from tqcheck.checks.fidelity_pairs import in_progress
from tqcheck.model import Finding, Segment
from tqcheck.readers.po import po_statistics

SUMMARY = re.compile(r"^(\d+) of (\d+) units are not translated \((\d+)%\)")


def tq830(path: Path, **features: object) -> list[Finding]:
    result = audit_file(path, AuditOptions(select=("TQ830",), features=features))
    assert result.error is None
    return [f for f in result.findings if f.code == "TQ830"]


@pytest.mark.parametrize("untranslated, units, expected", [
    (1, 1, False),        # one unit alone is always an oversight
    (1, 10, False),
    (2, 697, False),      # transmission fr: two strings overlooked
    (7, 1312, False),     # 0.5%: still oversights
    (5, 100, False),      # 5% exactly is not more than 5%
    (6, 100, True),
    (2, 20, True),        # a tenth of a small file
    (11, 10_000, True),   # more than ten units: strings added since the last pass
])
def test_threshold(untranslated: int, units: int, expected: bool) -> None:
    assert in_progress(untranslated, units) is expected


def test_oversights_in_a_translated_catalogue_are_warnings() -> None:
    path = shared_file("po", "transmission", "fr.po")
    found = tq830(path)
    assert po_statistics(path)["untranslated"] == len(found) == 2
    assert all(f.severity.value == "warning" and not SUMMARY.match(f.message) for f in found)


def test_catalogue_in_progress_is_one_warning_at_its_first_empty_unit() -> None:
    path = shared_file("po", "transmission", "ar.po")
    found = tq830(path)
    warnings = [f for f in found if f.severity.value == "warning"]
    assert len(warnings) == 1
    m = SUMMARY.match(warnings[0].message)
    assert m, warnings[0].message
    stats = po_statistics(path)
    n, units = int(m.group(1)), int(m.group(2))
    assert n == stats["untranslated"] > 200
    assert int(m.group(3)) == round(100 * n / units)
    units_found = [f for f in found if f is not warnings[0]]
    assert len(units_found) == n and all(f.severity.value == "info" for f in units_found)
    first = min(units_found, key=lambda f: (f.line, f.col))
    assert (warnings[0].line, warnings[0].col) == (first.line, first.col)


def test_json_catalogue_with_many_missing_keys_is_in_progress() -> None:
    en = shared_file("l10n-wild", "exc", "locales", "en.json")
    found = tq830(en.parent / "ar-SA.json", source=str(en))
    warnings = [f for f in found if f.severity.value == "warning"]
    assert len(warnings) == 1 and SUMMARY.match(warnings[0].message)
    assert len(found) > 50


def test_arb_with_one_missing_key_is_an_oversight() -> None:
    en = shared_file("l10n-wild", "yubi", "app_en.arb")
    found = tq830(en.parent / "app_ru.arb", source=str(en))
    assert [f.severity.value for f in found] == ["warning"]
    assert not SUMMARY.match(found[0].message)


def _unit(target: str, source: str) -> Segment:
    return Segment(target, 1, 1, kind="unit", source=source, source_lang="en", target_lang="de")


def test_nothing_to_translate_alone_raises_no_file_warning() -> None:
    # Untranslated units that are all info by themselves (a version, an acronym) do not make
    # a file warning appear.
    units = [_unit("", "v1"), _unit("", "GTK"), _unit("Datei", "File")]
    found = audit_segments("t.po", units, AuditOptions(select=("TQ830",))).findings
    assert [f.severity.value for f in found] == ["info", "info"]


def test_every_unit_finding_points_at_its_msgstr() -> None:
    # A document check keeps the segments it was fed; each finding must land on its own unit
    # (masked copies freed during the run once lent their ids to other segments).
    path = shared_file("l10n-wild", "dpkg", "man-fr.po")
    lines = path.read_text(encoding="utf-8").splitlines()
    found = tq830(path)
    assert len(found) > 100
    assert all(lines[f.line - 1].startswith(('msgstr ""', "msgstr[0]")) for f in found)
