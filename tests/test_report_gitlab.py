from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SEED, run


def _issues(capsys: pytest.CaptureFixture[str]) -> list[dict]:
    status, out, _ = run(capsys, "seed.txt", "--format", "gitlab")
    assert status == 1
    return json.loads(out)


def test_code_quality_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    issues = _issues(capsys)
    assert len(issues) == 23
    for issue in issues:
        assert re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"])
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["description"] and issue["check_name"].startswith("TQ")
        assert issue["location"]["path"] == "seed.txt"
        assert issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    severities = {i["check_name"].split()[0]: i["severity"] for i in issues}
    assert severities["TQ401"] == "major" and severities["TQ501"] == "minor"
    # Fingerprints do not move with the text.
    Path("seed.txt").write_text("\n\n\n" + Path("seed.txt").read_text(encoding="utf-8"),
                                encoding="utf-8")
    assert sorted(i["fingerprint"] for i in _issues(capsys)) == sorted(
        i["fingerprint"] for i in issues)
