"""Retired codes as redirects (TQ812 → TQ835, TQ813 → TQ836): selections, suppressions, per-file
ignores, baselines and ``tqcheck rule`` with the old code or slug keep working."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck.audit import audit
from tqcheck.baseline import Entry, apply_baseline
from tqcheck.checks.registry import REDIRECTS, get_rule, select_rules
from tqcheck.cli import main
from tqcheck.config import Settings
from tqcheck.docs import expected_files
from tqcheck.fingerprint import fingerprint_key, fingerprint_of

SOURCE = "The talks began on February 24 with 300 delegates.\nSee https://example.org/help now.\n"
TARGET = ("Die Gespräche begannen am 24. Februar mit Delegierten.\n"
          "Siehe https://example.org/hilfe jetzt.\n")


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "src.en.txt", tmp_path / "doc.de.txt"
    src.write_text(SOURCE, encoding="utf-8")
    tgt.write_text(TARGET, encoding="utf-8")
    return src, tgt


def _codes(tgt: Path, src: Path, **kw: object) -> list[str]:
    settings = Settings.of(lang="de", source_lang="en", source=str(src), jobs=1, **kw)
    return [f.code for f in audit([tgt], settings).active]


def test_old_codes_and_slugs_select_and_ignore_their_successors(pair: tuple[Path, Path]) -> None:
    src, tgt = pair
    assert _codes(tgt, src, select=("TQ812",)) == ["TQ835"]
    assert _codes(tgt, src, select=("missing-url",)) == ["TQ836"]
    assert _codes(tgt, src, select=("TQ812", "TQ813")) == ["TQ835", "TQ836"]
    assert "TQ835" not in _codes(tgt, src, ignore=("TQ812",))
    assert "TQ836" not in _codes(tgt, src, ignore=("missing-url",))
    assert [r.code for r in select_rules(["TQ813"])] == ["TQ836"]


def test_old_codes_are_gone_from_the_registry_and_reports(pair: tuple[Path, Path]) -> None:
    src, tgt = pair
    codes = _codes(tgt, src, select=("fidelity",))
    assert not {"TQ812", "TQ813"} & set(codes)
    # no duplicate: one finding per missing number, not one per check
    assert codes.count("TQ835") == 1


def test_per_file_ignores_with_old_codes(pair: tuple[Path, Path]) -> None:
    src, tgt = pair
    codes = _codes(tgt, src, select=("TQ835", "TQ836"), per_file_ignores={"*.de.txt": ("TQ813",)})
    assert codes == ["TQ835"]


def test_comment_suppression_with_old_code(tmp_path: Path) -> None:
    src, tgt = tmp_path / "src.md", tmp_path / "doc.md"
    src.write_text("Intro.\n\nIt has 300 pages.\n", encoding="utf-8")
    tgt.write_text("Intro.\n<!-- tqcheck-disable-next-line TQ812 -->\nEs hat Seiten.\n",
                   encoding="utf-8")
    settings = Settings.of(lang="de", source_lang="en", source=str(src), select=("TQ835",), jobs=1)
    report = audit([tgt], settings)
    assert [(f.code, f.suppressed) for f in report.findings] == [("TQ835", True)]


def test_baseline_written_with_an_old_code_still_matches(pair: tuple[Path, Path]) -> None:
    src, tgt = pair
    settings = Settings.of(lang="de", source_lang="en", source=str(src), select=("TQ835",), jobs=1)
    report = audit([tgt], settings)
    [finding] = report.findings
    # The entry a baseline written before the redirect holds for this finding.
    _, context, text = fingerprint_key(finding)
    old = Entry(str(tgt), "TQ812", fingerprint_of(("TQ812", context, text), 0))
    marked, result = apply_baseline(report, [old])
    assert (result.known, result.new, result.stale) == (1, 0, ())
    assert marked.findings[0].suppression == "baseline"
    # an entry of another retired code does not match it
    other = Entry(str(tgt), "TQ813", fingerprint_of(("TQ813", context, text), 0))
    assert apply_baseline(report, [other])[1].known == 0


def test_rule_command_follows_the_redirect(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "TQ812"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "tqcheck: TQ812 is now TQ835 (number-mismatch)\n"
    assert captured.out.startswith("TQ835 number-mismatch (fidelity, warning, fix: none)")
    assert get_rule("missing-url") is get_rule("TQ836")


def test_every_redirect_has_a_page_that_says_where_it_went() -> None:
    files = expected_files()
    for redirect in REDIRECTS.values():
        page = files[f"{redirect.code}.md"]
        assert f"[{redirect.target} " in page and redirect.slug in page
        assert get_rule(redirect.code) is get_rule(redirect.target)
        assert f"[{redirect.code}]({redirect.code}.md)" in files["README.md"]


def test_json_report_names_the_new_code(pair: tuple[Path, Path],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    src, tgt = pair
    # On --source lines a missing number is info (prose renders numbers freely): --fail-on info.
    status = main(["audit", str(tgt), "--source", str(src), "--lang", "de", "--select", "TQ812",
                   "--format", "json", "-j", "1", "--fail-on", "info"])
    assert status == 1
    report = json.loads(capsys.readouterr().out)
    assert [f["code"] for f in report["findings"]] == ["TQ835"]
    assert [f["severity"] for f in report["findings"]] == ["info"]
