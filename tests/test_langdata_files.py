"""The built-in language data covers the languages issue 14 names, with what the checks read."""

from __future__ import annotations

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
