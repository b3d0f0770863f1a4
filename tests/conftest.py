from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data"
SEED = ROOT / "seeds" / "antalya-talks.en.txt"


def shared_file(*parts: str) -> Path:
    """A file from ../shared/data, or skip the test when the shared folder is absent."""
    path = DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path
