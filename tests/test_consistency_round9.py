"""Round 9: consistency, language and residue findings that hold on unseen text (issue 14)."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def flagged(code: str, text: str, lang: str = "en", source: str | None = None) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, source_lang=source, select=(code,)))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A known group's spelling in the target's own orthography (Spanish j for kh).
    ("La ofensiva sobre Járkov continúa. Las tropas en Kharkiv resistieron.", "es",
     {"Járkov", "Kharkiv"}),
    ("Le gouvernement de Pékin a réagi. À Beijing, un porte-parole a parlé.", "fr",
     {"Pékin", "Beijing"}),
    ("El gobierno de Pekín reaccionó. En Beijing, un portavoz habló.", "es", {"Pekín", "Beijing"}),
    ("Die Delegation reiste nach Katar. In Qatar traf sie den Emir.", "de", {"Katar", "Qatar"}),
    # An exonym beside the city's own name.
    ("The fair opened in Munich on Monday. Visitors to München praised it.", "en",
     {"Munich", "München"}),
    ("A spokesperson said in The Hague that talks continue. Ministers in Den Haag agreed.", "en",
     {"Hague", "Haag"}),
])
def test_known_groups_in_every_orthography(text: str, lang: str, expected: set[str]) -> None:
    assert flagged("TQ501", text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("La ofensiva sobre Járkov continúa. Las tropas en Járkov resistieron.", "es"),
    ("Die Stadt Kiew wurde angegriffen. Der Bürgermeister Kiews sprach von Toten.", "de"),
    ("The fair opened in Munich on Monday. Munich's mayor praised it.", "en"),
    ("Le sommet de Pékin a eu lieu lundi. La presse de Pékin en a parlé.", "fr"),
])
def test_one_known_spelling_alone_is_consistent(text: str, lang: str) -> None:
    assert flagged("TQ501", text, lang) == set()


@pytest.mark.parametrize(("text", "lang", "source", "expected"), [
    ("Citizens must arrive early. Saygılarımızla, the General Directorate.", "en", "tr",
     {"Saygılarımızla"}),
    ("Thank you for your patience.\nAtentamente\nLa Dirección General", "en", "es", {"Atentamente"}),
    ("Thank you for your patience.\nCordialement,\nLe service client", "en", None, {"Cordialement"}),
    ("Vielen Dank für Ihre Geduld.\nKind regards,\nIhr Team", "de", "en", {"Kind regards"}),
])
def test_a_letter_closing_left_in_the_source_language(
        text: str, lang: str, source: str | None, expected: set[str]) -> None:
    assert flagged("TQ704", text, lang, source) == expected


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("Obrigado pela paciência.\nAtentamente,\nA Direção", "pt", "es"),  # Portuguese's own too
    ("Merci de votre patience.\nCordialement,\nLe service client", "fr", None),
    ("The French write cordialement before a signature, and bien à vous to friends.", "en", None),
    ("He was sincerely sorry. Best regards to your mother from all of us.", "en", None),
    ("Z poważaniem do tradycji napisał list.", "pl", None),
])
def test_a_closing_in_its_own_language_or_mentioned_is_not_left(
        text: str, lang: str, source: str | None) -> None:
    assert flagged("TQ704", text, lang, source) == set()
