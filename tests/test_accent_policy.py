"""TQ501 where a language's accents tell its words apart (``accents_distinguish_words``): two
spellings that both carry marks and differ in them alone are two words of the language, not one
name (Lithuanian Apžvalgą/Apžvalga, Greek Λογοτύπο/Λογότυπο); a bare spelling beside a marked one
is still the name stripped of its marks (Bernabeu/Bernabéu, Θεσσαλονικη/Θεσσαλονίκης), except in
Vietnamese, whose marks are tones (``marks_are_tones``: Danh/Đánh are two words).  Two spellings
beside one shared other name stay one name in every case."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.checks.consistency import accent_policy, marked_both, two_words
from tqcheck.langdata import load_language


def flagged(text: str, lang: str) -> set[str]:
    """Spellings TQ501 or TQ502 flag, at any severity (the Greek common noun is TQ502's)."""
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ501", "TQ502")))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("lang", "policy"), [
    ("en", ""), ("de", ""), ("lt", "marked"), ("el", "marked"), ("es", "marked"),
    ("vi", "always"),
])
def test_policy_from_the_language_data(lang: str, policy: str) -> None:
    assert accent_policy(load_language(lang)) == policy


def test_marked_both() -> None:
    assert marked_both("Apžvalgą", "Apžvalga")
    assert marked_both("Λογοτύπο", "Λογότυπο")
    assert marked_both("Đừng", "Dùng")  # đ has no decomposition but folds to d
    assert not marked_both("Bernabéu", "Bernabeu")
    assert not marked_both("Θεσσαλονίκης", "Θεσσαλονικης")  # Greek letters alone are no marks
    assert two_words("Danh", "Đánh", "always") and not two_words("Danh", "Đánh", "marked")
    assert not two_words("Apžvalgą", "Apžvalga", "")


# Two forms of one word, each mid-sentence with its capital (a label or title), in languages whose
# accents make the forms: never one name spelled two ways.
@pytest.mark.parametrize(("lang", "text"), [
    ("lt", "Atidarykite skydelį Apžvalga ir spustelėkite mygtuką. Skydelyje Apžvalga rasite "
           "nuostatas. Pasirinkite Apžvalgą ir uždarykite langą."),
    ("vi", "Bấm nút Phần mềm để mở. Chọn mục Phần cứng rồi bấm nút Phân loại để xếp lại."),
    ("vi", "Mở thẻ Đánh dấu trong trình đơn. Sau đó chọn mục Danh sách và nhấn nút Lưu."),
    ("el", "Πατήστε το κουμπί Λογότυπο στο μενού. Στο παράθυρο Λογοτύπο επιλέξτε ένα αρχείο."),
])
def test_marked_forms_are_two_words(lang: str, text: str) -> None:
    assert flagged(text, lang) == set()


def test_two_forms_of_one_letter_are_one_name() -> None:
    # Romanian ş (cedilla) for ș (comma below): one letter, not two words.
    assert not two_words("Timișoara", "Timişoara", "marked")
    text = ("Primul proiect va fi implementat la Timișoara. Banii au ajuns, a spus primarul din "
            "Timişoara.")
    assert {"Timișoara", "Timişoara"} <= flagged(text, "ro")


# The must-pass side: a bare spelling beside a marked one is the name stripped of its marks, and
# two marked spellings beside one shared name are one name, in the same languages.
@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "El partido se jugó en el estadio Santiago Bernabéu el domingo. Miles de aficionados "
           "llenaron el Santiago Bernabeu para ver al equipo.", {"Bernabéu", "Bernabeu"}),
    ("el", "Ο δήμαρχος της Θεσσαλονίκης μίλησε χθες. Στη Θεσσαλονικης έφτασαν πολλοί επισκέπτες.",
     {"Θεσσαλονίκης", "Θεσσαλονικης"}),
    ("vi", "Ông Nguyễn Văn Long đã phát biểu hôm qua. Theo ông Nguyen Văn Long, dự án sẽ hoàn "
           "thành vào năm sau.", {"Nguyễn", "Nguyen"}),
])
def test_stripped_or_shared_name_still_found(lang: str, text: str, expected: set[str]) -> None:
    assert flagged(text, lang) >= expected
