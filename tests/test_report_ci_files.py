"""The GitHub Action and the pre-commit hook definitions are well-formed and run the audit."""

from __future__ import annotations

import pytest

from tests._report_helpers import ROOT


def test_action() -> None:
    yaml = pytest.importorskip("yaml")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    audit = next(s for s in steps if s.get("id") == "audit")
    assert '--output "sarif=$TQCHECK_SARIF"' in audit["run"]
    assert "${{" not in audit["run"]  # inputs come through the environment
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert any("pip install" in s.get("run", "") for s in steps)


def test_pre_commit_hook() -> None:
    yaml = pytest.importorskip("yaml")
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "tqcheck" and hook["entry"] == "tqcheck audit"
    assert hook["language"] == "python"
