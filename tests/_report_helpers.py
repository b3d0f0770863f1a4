"""Helpers shared by the report, baseline and suppression tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tqcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "antalya-talks.en.txt"
SHARED = ROOT.parent / "shared" / "data"
SARIF_SCHEMA = SHARED / "sarif-schema-2.1.0.json"

#: Two known artifacts: a doubled word (TQ101, line 1) and an embed link (TQ401, line 3).
SAMPLE = """\
The minister said that the the talks went well in the capital.

He arrived on Monday and met the delegation. pic.twitter.com/AbCdEf123

Officials described the meeting as constructive and useful for both sides.
"""


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; (exit status, stdout, stderr)."""
    capsys.readouterr()
    status = main(["audit", *args])
    out, err = capsys.readouterr()
    return status, out, err


def sarif_validator() -> Any:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} not present")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)
