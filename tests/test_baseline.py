from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SEED, run
from tqcheck.audit import audit
from tqcheck.baseline import apply_baseline, dumps, entries_for, load_baseline
from tqcheck.errors import InputError


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    return Path("seed.txt")


def _edit(seed: Path) -> None:
    """Insert a paragraph at the top, fix one finding, add a new artifact at the end."""
    text = seed.read_text(encoding="utf-8")
    assert text.count("\nprevious conversations\n") == 1
    text = text.replace("\nprevious conversations\n", "\nPrevious conversations\n")
    seed.write_text("The talks were held at a hotel on the coast near the old harbour.\n\n"
                    + text.rstrip("\n")
                    + "\n\nThe delegation left the the city on Friday evening.\n",
                    encoding="utf-8")


def test_round_trip(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "seed.txt", "--write-baseline", "base.json", "-q")
    assert status == 0 and out == ""
    assert err == "tqcheck: wrote 23 findings to the baseline base.json\n"
    assert run(capsys, "seed.txt", "--baseline", "base.json")[0] == 0

    _edit(seed)
    status, out, _ = run(capsys, "seed.txt", "--baseline", "base.json")
    assert status == 1
    assert out.splitlines() == [
        "seed.txt:37:21: TQ101 doubled word: 'the the'",
        "    The delegation left the the city on Friday evening.",
        "                        ^^^^^^^",
        "    suggestion: the",
        "    fix (safe): replace 'the the' with 'the'",
        "note: baseline base.json: 22 known findings hidden; only new findings count",
        "note: baseline base.json: stale entry seed.txt TQ202 'previous conversations' (fixed or "
        "edited; rewrite the baseline to drop it)",
        "Found 1 finding (1 error) in 1 file: repetition 1. Gate failed: 1 finding at or above "
        "warning (--fail-on warning).",
        "22 suppressed.",
        "1 fixable with --fix; --diff shows the changes.",
    ]

    status, out, _ = run(capsys, "seed.txt", "--baseline", "base.json", "--format", "json")
    data = json.loads(out)
    new = [f for f in data["findings"] if not f.get("suppressed")]
    assert [(f["code"], f["line"]) for f in new] == [("TQ101", 37)]
    assert {f.get("suppression") for f in data["findings"] if f.get("suppressed")} == {"baseline"}
    assert data["baseline"]["known"] == 22 and data["baseline"]["new"] == 1
    assert [(e["code"], e["context"]) for e in data["baseline"]["stale"]] == [
        ("TQ202", "previous conversations")]

    status, out, _ = run(capsys, "seed.txt", "--baseline", "base.json", "--format", "github")
    annotations = [line for line in out.splitlines() if " file=" in line]
    assert status == 1 and len(annotations) == 1 and "TQ101" in annotations[0]


def test_file_is_sorted_and_stable(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "seed.txt", "--write-baseline", "one.json")
    seed.write_text("\n\n" + seed.read_text(encoding="utf-8"), encoding="utf-8")
    run(capsys, "seed.txt", "--write-baseline", "two.json")
    one = Path("one.json").read_text(encoding="utf-8")
    assert one == Path("two.json").read_text(encoding="utf-8")  # no line numbers inside
    entries = load_baseline(Path("one.json"))
    assert entries == sorted(entries) and len(entries) == 23
    lines = one.splitlines()
    assert sum(line.lstrip().startswith('{"path": "seed.txt"') for line in lines) == 23
    assert "line" not in json.loads(one)["findings"][0]


def test_stale_only_for_audited_files(seed: Path, tmp_path: Path) -> None:
    report = audit([seed], jobs=1)
    other = tmp_path / "other.txt"
    other.write_text("Nothing to see here, the text is clean and short.\n", encoding="utf-8")
    entries = entries_for(report.findings)
    _, result = apply_baseline(audit([other], jobs=1), entries)
    assert result.stale == () and result.known == 0


def test_empty_baseline_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(dumps([]), encoding="utf-8")
    assert load_baseline(path) == []


@pytest.mark.parametrize("content", ["", "[]", '{"tqcheck_baseline": 99, "findings": []}',
                                     '{"tqcheck_baseline": 1, "findings": [{"path": "x"}]}'])
def test_bad_baseline_is_a_usage_error(tmp_path: Path, content: str,
                                       monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("b.json").write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        load_baseline(Path("b.json"))
    shutil.copy(SEED, "seed.txt")
    status, _, err = run(capsys, "seed.txt", "--baseline", "b.json")
    assert status == 2 and err.startswith("tqcheck: error: b.json: ")


def test_missing_baseline(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "seed.txt", "--baseline", "nope.json")
    assert status == 2 and "no such baseline file" in err
