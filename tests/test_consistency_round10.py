"""Round 10: consistency findings that hold on unseen text (issue 14)."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def findings(code: str, text: str, lang: str = "en", source: str | None = None) -> dict[str, str]:
    """The text of each finding -> the most serious severity it was reported with."""
    report = audit_text(text, AuditOptions(lang=lang, source_lang=source, select=(code,)))
    out: dict[str, str] = {}
    for f in report.findings:
        if out.get(f.text) != "warning":
            out[f.text] = f.severity.value
    return out


@pytest.mark.parametrize(("text", "lang"), [
    ("Die Türkei ist ein großes Land. Die Regierung der Türkiye hat das beschlossen.", "de"),
    ("La Turquie a voté. Le gouvernement de la Türkiye a confirmé le vote.", "fr"),
    ("The fair opened in Munich on Monday. Visitors to München praised it.", "en"),
])
def test_an_exonym_beside_the_places_own_name_is_info(text: str, lang: str) -> None:
    found = findings("TQ501", text, lang)
    assert len(found) == 2 and set(found.values()) == {"info"}


def test_two_transliterations_of_a_known_name_stay_warnings() -> None:
    found = findings("TQ501", "Die Stadt Kiew wurde angegriffen. In Kyjiw gab es Alarm.", "de")
    assert "warning" in found.values()


@pytest.mark.parametrize("text", [
    "Карен пришла домой. Карин тоже пришла. Карен и Карин — подруги.",
    "Режиссёр Карен Шахназаров снял фильм. Потом Карин рассказала о нём.",
    "Кристен Белл сыграла роль. Кристин Лагард выступила в Париже.",
])
def test_two_given_names_that_differ_in_the_last_vowel(text: str) -> None:
    assert findings("TQ501", text, "ru") == {}


def test_a_two_syllable_name_with_a_shared_neighbour_still_pairs() -> None:
    text = "Министр Энтони Блинкен прибыл в Пекин. Энтони Блинкин встретился с коллегой."
    assert set(findings("TQ501", text, "ru")) == {"Блинкен", "Блинкин"}
