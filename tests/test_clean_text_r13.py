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


def test_cyrillic_neighbours_are_told_apart_by_their_alphabets() -> None:
    # Belarusian without a data file: short sentences the detectors read as Russian or Ukrainian.
    doc = "Я люблю свой горад.\n\nЗараз я чытаю кнігу.\n\nФутбол — старая гульня."
    assert not _serious(doc, "be", "TQ701")
    # A Russian sentence holds letters Belarusian never writes ("и", "щ"): still flagged.
    assert _serious("Мы ищем новые решения для наших клиентов и партнёров по всему миру.",
                    "be", "TQ701")


def test_cyrillic_residue_in_a_target_without_data_needs_a_letter_it_lacks() -> None:
    # Belarusian "мне", "мог", "назад" are Russian words too: no residue without a letter
    # Belarusian never writes.
    assert not _serious("Ты не мог бы ты кінуць мне мяч назад?", "be", "TQ705")
    assert _serious("Мы павінны сказаць, которое решение вступит в силу заўтра.", "be", "TQ705")
