"""False alarms on clean human text of round 13 (GNOME catalogues and Tatoeba in many
languages): each fix has a text that must still be flagged and fluent text that must pass.
Written for tqcheck."""

from __future__ import annotations

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.model import Finding


def _serious(text: str, lang: str, code: str) -> list[Finding]:
    report = audit_text(text, AuditOptions(lang=lang))
    return [f for f in report.findings if f.code == code and f.severity.value != "info"]


def test_bulgarian_clitic_doubles_are_grammar() -> None:
    # The possessive after the noun, then the object before the verb; the auxiliary "си", then
    # the reflexive one.
    for text in ("Баща ми ми каза да не чета книга в леглото.",
                 "Взимал ли си си някога душ посред нощ?",
                 "Майка ти ти звъня вчера."):
        assert not _serious(text, "bg", "TQ101"), text
    assert _serious("Решението беше взето от от управителния съвет.", "bg", "TQ101")
