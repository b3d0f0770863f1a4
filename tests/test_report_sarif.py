from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SAMPLE, SEED, run, sarif_validator
from tqcheck.audit import audit
from tqcheck.checks.registry import all_rules
from tqcheck.fingerprint import SARIF_KEY
from tqcheck.report import RenderOptions
from tqcheck.report import sarif as sarif_format


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, tmp_path / "seed.txt")
    return tmp_path / "seed.txt"


def _sarif(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    status, out, _ = run(capsys, *args, "--format", "sarif", "--jobs", "1")
    assert status in (0, 1)
    return json.loads(out)


def test_seed_validates_and_describes_rules(seed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _sarif(capsys, "seed.txt")
    sarif_validator().validate(data)
    run_ = data["runs"][0]
    assert data["version"] == "2.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"
    driver = run_["tool"]["driver"]
    assert driver["name"] == "tqcheck" and driver["version"] and driver["informationUri"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert {r["id"] for r in rules} >= {r.code for r in all_rules() if r.needs is None}
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].endswith(f"/checks/{rule['id']}.html")
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    results = run_["results"]
    assert len(results) == 23
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "seed.txt", "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert region["endColumn"] >= 1
        assert len(result["partialFingerprints"][SARIF_KEY]) == 32
        assert "suppressions" not in result
    assert len({r["partialFingerprints"][SARIF_KEY] for r in results}) == len(results)


def test_columns_are_code_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ru.txt").write_text("Ёжик — said the the minister today in the capital city.\n",
                              encoding="utf-8")
    data = _sarif(capsys, "ru.txt", "--lang", "en")
    [result] = [r for r in data["runs"][0]["results"] if r["ruleId"] == "TQ101"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startColumn"], region["endColumn"]) == (13, 20)


def test_empty_result_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("clean.txt").write_text("The meeting went well and both sides agreed to meet again.\n",
                                 encoding="utf-8")
    data = _sarif(capsys, "clean.txt")
    sarif_validator().validate(data)
    assert data["runs"][0]["results"] == []
    assert data["runs"][0]["invocations"][0]["executionSuccessful"] is True


def test_suppressions_validate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("doc.md").write_text("<!-- tqcheck-disable-next-line TQ101 -->\n" + SAMPLE,
                              encoding="utf-8")
    Path("tqcheck.toml").write_text('[per-file-ignores]\n"*.md" = ["TQ401"]\n', encoding="utf-8")
    status, out, _ = run(capsys, "doc.md", "--format", "sarif")
    assert status == 0  # both findings suppressed: the gate passes
    data = json.loads(out)
    sarif_validator().validate(data)
    kinds = {r["ruleId"]: r["suppressions"][0]["kind"] for r in data["runs"][0]["results"]}
    assert kinds == {"TQ101": "inSource", "TQ401": "external"}


def test_fingerprints_survive_inserted_lines(seed: Path, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    before = _sarif(capsys, "seed.txt")["runs"][0]["results"]
    seed.write_text("A new opening paragraph was added.\n\nAnd another one.\n\n"
                    + seed.read_text(encoding="utf-8"), encoding="utf-8")
    after = _sarif(capsys, "seed.txt")["runs"][0]["results"]

    def prints(results: list[dict]) -> list[tuple[str, str]]:
        return sorted((r["ruleId"], r["partialFingerprints"][SARIF_KEY]) for r in results
                      if r["ruleId"] != "TQ602")  # the inserted "And" paragraph is a new finding

    assert prints(before) == prints(after)
    lines_before = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before}
    lines_after = {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after}
    assert lines_before != lines_after


def test_result_limit_and_size_warning(seed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = audit([seed], jobs=1)
    monkeypatch.setattr(sarif_format, "MAX_RESULTS", 5)
    monkeypatch.setattr(sarif_format, "WARN_GZIP_BYTES", 100)
    data = json.loads(sarif_format.render(report, RenderOptions()))
    sarif_validator().validate(data)
    run_ = data["runs"][0]
    assert len(run_["results"]) == 5
    assert [r["level"] for r in run_["results"]] == ["error"] * 3 + ["warning"] * 2
    texts = [n["message"]["text"] for n in run_["invocations"][0]["toolExecutionNotifications"]]
    assert any("only the first 5" in t for t in texts)
    assert any("gzipped" in t for t in texts)


def test_unreadable_file_is_a_notification(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bin.txt").write_bytes(b"\x00\x01")
    status, out, err = run(capsys, "bin.txt", "--format", "sarif")
    assert status == 2 and "binary file" in err
    data = json.loads(out)
    sarif_validator().validate(data)
    invocation = data["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [note] = invocation["toolExecutionNotifications"]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "bin.txt"
