"""The built-in language data covers the languages issue 14 names, with what the checks read."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.langdata import load_language

LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "tr", "ar", "he", "fa",
         "zh", "ja", "ko")


@pytest.mark.parametrize("lang", LANGS)
def test_language_has_data(lang: str) -> None:
    data = load_language(lang)
    assert data.known
    assert isinstance(data.get("has_case"), bool)
    assert data.get("quotes", "primary") and len(data.get("quotes", "primary")) == 2
    for key in ("abbreviations", "legitimate_doubles", "coordinators"):
        assert isinstance(data.get(key), list), key
    assert len(data.get("calendar", "weekdays") or ()) == 7 or lang == "ar"
    assert data.get("function_words") or lang in {"en", "ru", "ar"}  # those: tqcheck/data/langid.toml


def test_a_direction_without_a_calque_pack_is_said_once() -> None:
    report = audit_text("Il presidente ha incontrato il ministro. Poi è partito.",
                        AuditOptions(lang="it", source_lang="ko", select=("TQ601", "TQ602")))
    notes = [n for n in report.notes if "no calque pack" in n]
    assert len(notes) == 1 and "ko→it" in notes[0]


# --- scripts/build_langdata.py: the CLDR values, refreshed in place ---------------------------

def _build_langdata() -> Any:
    pytest.importorskip("babel")
    path = Path(__file__).resolve().parents[1] / "scripts" / "build_langdata.py"
    spec = importlib.util.spec_from_file_location("build_langdata", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_language_files_agree_with_the_cldr() -> None:
    assert _build_langdata().main(["--check"]) == 0


def test_refresh_replaces_only_the_cldr_values() -> None:
    build = _build_langdata()
    text = (build.LANG_DIR / "de.toml").read_text(encoding="utf-8")
    stale = text.replace('decimal = ","', 'decimal = "."').replace('"Montag"', '"Mo"')
    assert stale != text
    refreshed, changes = build.refresh(stale, build.owned("de"))
    assert refreshed == text
    assert len(changes) == 2
    # A table the file lacks is added at the end; nothing else moves.
    bare = text.replace("[calendar]\n", "[kalender]\n")
    refreshed, changes = build.refresh(bare, build.owned("de"))
    assert refreshed.startswith(bare.rstrip("\n")) and refreshed.endswith(
        "[calendar]\n" + "\n".join(text.split("[calendar]\n")[1].split("\n")[:2]) + "\n")


def test_a_new_language_file_starts_with_the_cldr_values() -> None:
    import tomllib

    build = _build_langdata()
    data = tomllib.loads(build.start("sv", "Swedish", "Latin"))
    assert data["name"] == "Swedish" and data["has_case"] is True
    assert data["numbers"] == build.cldr("sv")["numbers"]
    assert data["calendar"]["months"][0] == "januari"
    assert set(data["quotes"]) == {"primary", "secondary", "straight_allowed"}
