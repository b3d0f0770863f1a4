"""Thirteenth round: English calque packs into Croatian, Serbian (both scripts), Slovak, Slovene,
Estonian, Lithuanian, Latvian, Indonesian and Vietnamese.  Their entries flag their construction
in other wordings and inflections than their own example, pass fluent text that shares their
words, and report the English formats (a month capitalised mid-sentence, not at a sentence
start) without a source language.  (Each entry's own example and counterexample are checked in
test_calque_packs.py.)"""

from __future__ import annotations

import pytest

from tests.test_calque_packs import _ids
from tqcheck.checks.calque import builtin_packs

NEW_TARGETS = ("hr", "sr", "sk", "sl", "et", "lt", "lv", "id", "vi")

# (target, pack:entry, text it must flag with English as the source)
FLAGGED = [
    ("hr", "en:make-a-decision", "Odbor je napravio tešku odluku."),
    ("hr", "en:take-place", "Utakmica je uzela mjesto na novom stadionu."),
    ("hr", "en:capitalized-month-weekday", "Rok istječe krajem Rujna."),
    ("hr", "en:make-sense", "Ovo ne čini nikakvog smisla."),
    ("sr", "en:pay-attention", "Platite više pažnju na znakove."),
    ("sr", "en:make-a-decision", "Одбор је направио тешку одлуку."),
    ("sr", "en:capitalized-month-weekday", "Рок истиче у Децембру."),
    ("sr", "en:title-case-function-word", "Vodič Za Nove Korisnike"),
    ("sk", "en:ask-a-question", "Novinár sa spýtal otázku o rozpočte."),
    ("sk", "en:capitalized-month-weekday", "Lehota uplynie v Decembri."),
    ("sl", "en:make-a-decision", "Odbor je naredil težko odločitev."),
    ("sl", "en:capitalized-month-weekday", "Trgovina je zaprta ob Nedeljah."),
    ("et", "en:pay-attention", "Juht maksis suuremat tähelepanu liiklusmärkidele."),
    ("et", "en:capitalized-language-name", "Raamat ilmus ka Soome keeles."),
    ("lt", "en:make-a-decision", "Komisija padarė galutinį sprendimą."),
    ("lt", "en:capitalized-month-weekday", "Rezultatai paaiškės Penktadienį."),
    ("lv", "en:ask-a-question", "Žurnālists pajautāja ministram jautājumu."),
    ("lv", "en:capitalized-month-weekday", "Rezultāti būs zināmi Piektdien."),
    ("id", "en:english-date-order", "Acara dimulai Agustus 17, 2025 di Bandung."),
    ("id", "en:english-thousands-comma", "Sebanyak 1,200 pengungsi tiba di pelabuhan."),
    ("vi", "en:feel-free", "Hãy cảm thấy tự do để gửi câu hỏi cho chúng tôi."),
    ("vi", "en:english-decimal-point", "Dân số tăng thêm 1.5 triệu người."),
]

# (target, pack:entry, fluent text that shares the entry's words)
PASSED = [
    ("hr", "en:capitalized-month-weekday", "Na Veliki petak i u Petrovu ulicu. Srpanj je vruć."),
    ("hr", "en:make-sense", "Što čini smisao života? To ima smisla."),
    ("sr", "en:capitalized-month-weekday", "Марта је стигла 5. марта. Март је почео."),
    ("sr", "en:make-sense", "To je pravi smisao ove priče."),
    ("sk", "en:capitalized-month-weekday", "August bol v pondelok doma. Marec je chladný."),
    ("sl", "en:capitalized-month-weekday", "Maja je prišla v ponedeljek. Marec je hladen."),
    ("et", "en:capitalized-month-weekday", "August tuli esmaspäeval. Märtsis sadas lund."),
    ("lt", "en:capitalized-month-weekday", "Minime Vasario 16-ąją ir Kovo 11-ąją."),
    ("lv", "en:capitalized-month-weekday", "Marta ieradās pirmdien. Martā sniga."),
    ("id", "en:english-date-order", "Acara dimulai 17 Agustus 2025; pada Agustus 5 orang datang."),
    ("vi", "en:address-a-problem", "Vui lòng nhập địa chỉ email của bạn."),
]


def test_every_target_with_language_data_has_an_english_pack() -> None:
    directions = {(p.source, t) for p in builtin_packs() for t in p.targets}
    assert {("en", t) for t in NEW_TARGETS} <= directions


@pytest.mark.parametrize(("target", "entry", "text"), FLAGGED,
                         ids=[f"{t}-{e}-{i}" for i, (t, e, _) in enumerate(FLAGGED)])
def test_new_target_entry_flags_other_phrasings(target: str, entry: str, text: str) -> None:
    assert entry in _ids(text, target, "en"), text


@pytest.mark.parametrize(("target", "entry", "text"), PASSED,
                         ids=[f"{t}-{e}-{i}" for i, (t, e, _) in enumerate(PASSED)])
def test_new_target_entry_passes_fluent_text(target: str, entry: str, text: str) -> None:
    assert entry not in _ids(text, target, "en"), text


def test_serbian_entries_read_both_scripts() -> None:
    for cyrillic, latin in (("Морате платити пажњу.", "Morate platiti pažnju."),
                            ("Влада мора да направи одлуку.", "Vlada mora da napravi odluku.")):
        assert _ids(latin, "sr", "en") and _ids(cyrillic, "sr", "en")


def test_english_formats_report_without_a_source_language() -> None:
    assert "en:capitalized-month-weekday" in _ids("Rok je 5. Ožujka.", "hr", None)
    assert "en:english-date-order" in _ids("Rapat pada Maret 5, 2025.", "id", None)
    # A month that opens a sentence is capitalised in every language.
    assert "en:capitalized-month-weekday" not in _ids("Ožujak je bio hladan.", "hr", None)
    # A construction fluent text has in other senses waits for its source language.
    text = "Ministar je dao govor u Saboru."
    assert "en:give-a-speech" not in _ids(text, "hr", None)
    assert "en:give-a-speech" in _ids(text, "hr", "en")
