from __future__ import annotations

import os
from pathlib import Path
from typing import Any

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


def target_and_source(tmp_path: Path, target: str, source: str | None
                      ) -> tuple[Path, dict[str, str]]:
    """``target`` written to ``t.txt`` and, when given, ``source`` to ``s.txt``: the target's
    path and the audit features that pair it with its source line by line (``--source``)."""
    tgt = tmp_path / "t.txt"
    tgt.write_text(target, encoding="utf-8")
    features = {}
    if source is not None:
        src = tmp_path / "s.txt"
        src.write_text(source, encoding="utf-8")
        features["source"] = str(src)
    return tgt, features


def count_opens(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The paths ``Path.open`` opens whose file name is ``name``, from now to the test's end
    (tests that a file is read once)."""
    opened: list[str] = []
    real_open = Path.open

    def counting_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self.name == name:
            opened.append(str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting_open)
    return opened


@pytest.fixture(scope="session")
def archives(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Genuine test ``.argosmodel`` packages, built once per session (``tests/argos_fixtures.py``)."""
    from tests import argos_fixtures as af
    from tests.argos_testing import need_data

    need_data()
    return af.cached_test_packages(tmp_path_factory.mktemp("argos-packages"))


@pytest.fixture(scope="session")
def models(tmp_path_factory: pytest.TempPathFactory, archives: dict[str, Path]) -> Path:
    """All test packages, installed the way users do: ``tqcheck models install``."""
    from tests.argos_testing import install_all

    directory = tmp_path_factory.mktemp("models") / "packages"
    install_all(archives, directory)
    return directory


# Property tests draw the same examples on every run in CI (a failure is reproducible, never a
# flake); by hand, HYPOTHESIS_PROFILE=explore draws new ones each run.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True)
_hypothesis_settings.register_profile("explore", derandomize=False)
_hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
