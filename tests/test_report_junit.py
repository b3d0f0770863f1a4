from __future__ import annotations

import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests._report_helpers import SAMPLE, SEED, run
from tqcheck.checks.registry import select_rules
from tqcheck.model import Category, Finding, Report, Severity
from tqcheck.report import RenderOptions
from tqcheck.report.junit import render, xml_text


def test_one_testcase_per_file_and_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    Path("sample.txt").write_text(SAMPLE, encoding="utf-8")
    status, out, _ = run(capsys, "seed.txt", "sample.txt", "--format", "junit")
    assert status == 1
    root = ET.fromstring(out.encode("utf-8"))
    rules = select_rules()
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["seed.txt", "sample.txt"]
    for suite in suites:
        assert len(suite.findall("testcase")) == len(rules)
    sample = {c.get("name"): c for c in suites[1].findall("testcase")}
    failed = sorted(name for name, c in sample.items() if c.find("failure") is not None)
    assert failed == ["TQ101 doubled-word", "TQ401 embed-link"]
    failure = sample["TQ101 doubled-word"].find("failure")
    assert failure is not None and failure.text is not None
    assert failure.text.startswith("sample.txt:1:24: TQ101 ")
    assert root.get("failures") == str(sum(int(s.get("failures") or 0) for s in suites))
    seed_failures = {c.get("name") for c in suites[0].findall("testcase")
                     if c.find("failure") is not None}
    assert len(seed_failures) == 13


def test_control_characters_and_markup_stay_valid_xml() -> None:
    nasty = "bad \x1b[31m\x00 <b>&amp;</b> \"quote\" ]]> \ud800"
    f = Finding("TQ101", "doubled-word", Category.REPETITION, Severity.ERROR, nasty, "a<&>.txt",
                1, 1, 1, 3)
    out = render(Report((f,), rules=tuple(r.info() for r in select_rules(select=["TQ101"]))),
                 RenderOptions())
    root = ET.fromstring(out.encode("utf-8"))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None and failure.text is not None
    assert "\\u001b[31m\\u0000 <b>&amp;</b>" in failure.text
    assert root.find("testsuite").get("name") == "a<&>.txt"  # type: ignore[union-attr]


def test_xml_text_keeps_ordinary_text() -> None:
    assert xml_text("tab\tnewline\nÜnïcödé 😀") == "tab\tnewline\nÜnïcödé 😀"


def test_unreadable_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("bin.txt").write_bytes(b"\x00\x01\x02")
    status, out, _ = run(capsys, "bin.txt", "--format", "junit")
    assert status == 2
    root = ET.fromstring(out.encode("utf-8"))
    assert root.get("errors") == "1"
    assert root.find(".//testcase/error") is not None
