"""Round 14: consistency (TQ501/TQ502) on other targets' own renderings of one name or word:
Cyrillic case forms of two renderings, -ский/-ски, long names with a doubled letter, ґ/г and
тц/ц; the Greek redundant diaeresis; Chinese transcriptions of five characters; Korean
transcriptions; the French circumflex reform and Spanish simplified clusters.  Each rule has a
must-pass counterexample."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.checks.transcribed_names import korean_key


def flagged(code: str, text: str, lang: str) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("lang", "text", "a", "b"), [
    ("ru", "Генеральный директор Джон Мэйсон сказал, что сделка закроется. По словам Мейсона, "
           "цены не вырастут.", "Мэйсон", "Мейсона"),
    ("ru", "Политолог Збигнев Бжезинский написал книгу. Бжезински считал, что Европа важна.",
     "Бжезинский", "Бжезински"),
    ("ru", "Борис Джонсон посетил Киев во вторник. Джонсонн пообещал новую помощь Украине.",
     "Джонсон", "Джонсонн"),
    ("uk", "Канцлер Шольц прибув до Києва. Під час візиту Шольтц пообіцяв нову допомогу.",
     "Шольц", "Шольтц"),
    ("uk", "Президент Туреччини Ердоган провів переговори. Ердоґан наголосив, що війна має "
           "закінчитися.", "Ердоган", "Ердоґан"),
])
def test_cyrillic_renderings_of_one_name(lang: str, text: str, a: str, b: str) -> None:
    assert {a, b} <= flagged("TQ501", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    # one spelling in its cases
    ("ru", "Президент Зеленский выступил. Позиция Зеленского осталась прежней. Зеленскому "
           "передали письмо."),
    # two names of two people
    ("ru", "Эдуардо Санчес приехал в Москву. Эдвард Сноуден остался в России."),
    ("ru", "Алан Смит пришёл. Аллана Джонса не было."),
    # a case ending the list lacks (Ukrainian -ія: Греція, Греції, Грецією)
    ("uk", "Туристи з Греції приїхали. Зв'язки з Грецією міцні. Греція чекає гостей."),
    ("ru", "Бывший премьер Бжезинская выступила. Бжезинские приехали позже."),
])
def test_cyrillic_must_pass(lang: str, text: str) -> None:
    assert not flagged("TQ501", text, lang)


def test_greek_redundant_diaeresis_is_one_name() -> None:
    text = "Ο πρόεδρος Μπάιντεν υπέγραψε τον νόμο. Αργότερα ο Μπάϊντεν μίλησε στο Κογκρέσο."
    assert {"Μπάιντεν", "Μπάϊντεν"} <= flagged("TQ501", text, "el")


def test_greek_diaeresis_that_tells_words_apart_must_pass() -> None:
    # ϊ after an unaccented vowel is not redundant: two spellings that both carry marks.
    text = "Η Λογοτύπο εταιρεία άνοιξε. Η Λογότυπο εταιρεία έκλεισε."
    assert not flagged("TQ501", text, "el")


def test_a_long_chinese_transcription_needs_no_name_only_character() -> None:
    text = "以色列总理内塔尼亚胡周一宣布新措施。内坦尼亚胡补充说，军队已做好准备。"
    assert {"内塔尼亚胡", "内坦尼亚胡"} <= flagged("TQ501", text, "zh")


def test_short_chinese_words_still_need_one() -> None:
    assert not flagged("TQ501", "利比亚的局势紧张。冈比亚的选举结束了。", "zh")


@pytest.mark.parametrize(("text", "a", "b"), [
    ("젤렌스키 대통령은 월요일 의회에서 연설했다. 젤렌스끼는 협상이 계속될 것이라고 말했다.",
     "젤렌스키", "젤렌스끼"),
    ("네타냐후 총리는 새로운 조치를 발표했다. 네타니아후는 군대가 준비되었다고 덧붙였다.",
     "네타냐후", "네타니아후"),
    ("바이든 대통령은 법안에 서명했다. 이후 바이던 대통령은 의회에서 연설했다.", "바이든", "바이던"),
])
def test_korean_transcriptions_of_one_name(text: str, a: str, b: str) -> None:
    found = flagged("TQ501", text, "ko")
    assert {a, b} <= found


def test_korean_must_pass() -> None:
    # Two loanwords: processor and process (an open ㅓ/ㅡ tells -er from a final consonant).
    assert korean_key("프로세서") != korean_key("프로세스")
    text = "이 프로세스는 느립니다. 새 프로세서는 빠릅니다. 프로세스를 다시 시작하세요."
    assert not flagged("TQ501", text, "ko")


@pytest.mark.parametrize(("lang", "text", "a", "b"), [
    ("fr", "Le maître est arrivé en retard. Le maitre a parlé aux élèves.", "maître", "maitre"),
    ("fr", "Insérez la clé dans la serrure. Si la clef ne tourne pas, appelez-nous.", "clé",
     "clef"),
    ("es", "La psicología infantil es un campo amplio. Los expertos en sicología recomiendan "
           "jugar.", "psicología", "sicología"),
    ("es", "La sustancia es tóxica. Esta substancia es peligrosa.", "sustancia", "substancia"),
    ("es", "El gobierno mexicano anunció medidas. El pueblo mejicano protestó.", "mexicano",
     "mejicano"),
])
def test_accepted_variant_spellings_of_one_word(lang: str, text: str, a: str, b: str) -> None:
    assert {a, b} <= flagged("TQ502", text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Il est sûr de lui. Le mur est sur la rue."),   # sûr/sur, two words
    ("fr", "Qu'il fût roi ou non, il fut aimé."),           # the subjunctive and the past
    ("fr", "Le jeûne dure un mois. Le jeune homme attend."),
    ("es", "Las tejas del techo son rojas. El estado de Texas es grande."),
])
def test_variant_spellings_must_pass(lang: str, text: str) -> None:
    assert not flagged("TQ502", text, lang)


def test_greek_renderings_of_one_foreign_name_are_info() -> None:
    text = "Ο πρόεδρος Ερντογάν μίλησε χθες. Ο Ερντογκάν πρόσθεσε ότι η οικονομία θα αναπτυχθεί."
    report = audit_text(text, AuditOptions(lang="el", select=("TQ501",)))
    assert {f.text for f in report.findings} == {"Ερντογάν", "Ερντογκάν"}
    assert {f.severity.value for f in report.findings} == {"info"}


def test_greek_forms_of_one_word_must_pass() -> None:
    text = "Ο Γιώργος ήρθε νωρίς. Η μητέρα του Γιώργου περίμενε. Ο Γιώργης έφυγε."
    assert not flagged("TQ501", text, "el") - {"Γιώργος", "Γιώργης"}


def test_a_ukrainian_case_form_in_russian_text() -> None:
    text = "Делегация прибыла в Киев во вторник. В Києві прошли переговоры."
    assert {"Киев", "Києві"} <= flagged("TQ501", text, "ru")


def test_arabic_initial_hamza_of_a_foreign_name() -> None:
    text = "وصل الرئيس إردوغان إلى برلين. وقال أردوغان إن الاقتصاد سينمو."
    assert {"إردوغان", "أردوغان"} <= flagged("TQ501", text, "ar")


def test_arabic_words_with_either_hamza_must_pass() -> None:
    text = "أعلنت وزارة الإعلام عن خطة. ورفعت الأعلام في الشوارع. قال إنه سيأتي وأكد أنه مستعد."
    assert not flagged("TQ501", text, "ar")


@pytest.mark.parametrize(("lang", "text", "b"), [
    ("de", "Staatschef Xi Jinping reiste nach Moskau. Hsi Chin-p'ing traf dort Putin.",
     "Chin-p'ing"),
    ("fr", "Le président Xi Jinping est arrivé à Paris. Xi Chin-p'ing a rencontré Macron.",
     "Chin-p'ing"),
])
def test_wade_giles_aspirated_apostrophe_in_a_hyphenated_given_name(lang: str, text: str,
                                                                    b: str) -> None:
    assert {"Jinping", b} <= flagged("TQ501", text, lang)


def test_an_elided_word_after_a_hyphen_must_pass() -> None:
    # French "peut-être" and "c'est": an apostrophe after a hyphen is no Wade-Giles initial.
    text = "Le Président-t'a dit non. Jean-Paul est venu. Jean-Pierre est parti."
    assert not flagged("TQ501", text, "fr")


def test_russian_and_ukrainian_spellings_of_one_name_in_russian_text() -> None:
    text = "Главком Валерий Залужный провёл совещание. Позже Залужний заявил о наступлении."
    assert {"Залужный", "Залужний"} <= flagged("TQ501", text, "ru")


def test_two_names_with_their_own_endings_must_pass() -> None:
    text = ("Анны не было дома. Мария ждала. Марии позвонили. Анна пришла позже. "
            "Криса не было. Крыса убежала.")
    assert not flagged("TQ501", text, "ru")


def test_an_initial_yery_is_no_i() -> None:
    text = ("Трамп встретился с Ким Чен Ыном в Сингапуре. Позже он говорил с Мун Чжэ Ином "
            "по телефону.")
    assert not flagged("TQ501", text, "ru")
