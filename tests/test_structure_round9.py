"""Ninth round: structure, repetition and punctuation shapes of MT in every target with data —
participial phrases and lists split off their sentence, sentences opening with a word that opens
none, paragraphs cut at an open bracket or a possessive or left without their stop, phrases
repeated in Chinese and Japanese or over a comma, words doubled with a hyphen, inline numbered
lists, numbers in the other decimal convention, and source-script marks.  Each rule has a
must-pass."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def flagged(code: str, text: str, lang: str) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("L'entreprise a publié ses résultats trimestriels. Soulignant une hausse de son chiffre "
     "d'affaires.", "fr", "Soulignant une hausse de son chiffre d'affaires."),
    ("Le ministre a quitté la salle. Affirmant que le texte serait adopté la semaine prochaine.",
     "fr", "Affirmant que le texte serait adopté la semaine prochaine."),
    ("El presidente visitó la zona afectada. Prometiendo ayudas para todas las familias.", "es",
     "Prometiendo ayudas para todas las familias."),
    ("Il sindaco ha inaugurato il nuovo ospedale. Sottolineando che la struttura servirà tutta "
     "la provincia.", "it", "Sottolineando che la struttura servirà tutta la provincia."),
    ("Wojewoda odwiedził zalane gminy w poniedziałek. Obiecując pomoc wszystkim rodzinom.", "pl",
     "Obiecując pomoc wszystkim rodzinom."),
    ("Министр выступил на пресс-конференции во вторник. Подчеркнув, что финансирование уже "
     "выделено.", "ru", "Подчеркнув, что финансирование уже выделено."),
    ("The governor visited the flooded districts. Promising that all families would receive "
     "compensation.", "en", "Promising that all families would receive compensation."),
    ("Prices for fuel rose again last week. Including diesel, petrol and liquefied gas.", "en",
     "Including diesel, petrol and liquefied gas."),
    ("Цены на продукты выросли на 8 процентов. Включая хлеб, молоко и яйца.", "ru",
     "Включая хлеб, молоко и яйца."),
    ("Заявители должны предоставить паспорт проекта и смету. А также копии учредительных "
     "документов.", "ru", "А также копии учредительных документов."),
    ("Başvuru formuna gelir belgesi eklenmelidir. Ve nüfus cüzdanı fotokopisi.", "tr",
     "Ve nüfus cüzdanı fotokopisi."),
    ("신청자는 주민등록등본을 첨부해야 합니다. 그리고 통장 사본.", "ko", "그리고 통장 사본."),
    ("作为一个非营利机构，申请单位还须提供登记证书。以及法定代表人身份证复印件。", "zh",
     "以及法定代表人身份证复印件。"),
    ("The mayor inaugurated the new hospital on Friday. Which will serve more than 200,000 "
     "residents of the southern districts.", "en",
     "Which will serve more than 200,000 residents of the southern districts."),
    ("Las obras comenzarán en marzo. Con el objetivo de reducir el tráfico en el centro.", "es",
     "Con el objetivo de reducir el tráfico en el centro."),
    ("A campanha de vacinação foi prorrogada até março. Nas unidades básicas de saúde.", "pt",
     "Nas unidades básicas de saúde."),
    ("Міністр зустрівся з представниками аграрних асоціацій. Після тривалих переговорів щодо "
     "експортних квот.", "uk", "Після тривалих переговорів щодо експортних квот."),
    ("Η κυβέρνηση ανακοίνωσε την Τρίτη νέα μέτρα στήριξης. Τα οποία θα ισχύσουν από τον "
     "Ιανουάριο.", "el", "Τα οποία θα ισχύσουν από τον Ιανουάριο."),
])
def test_phrases_split_off_their_sentence(text: str, lang: str, fragment: str) -> None:
    assert fragment in flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # a main clause after the participial phrase's comma
    ("Le ministre a parlé longtemps. Soulignant que la crise dure, il a annoncé des aides.", "fr"),
    ("Министр выступил во вторник. Подчеркнув, что финансирование выделено, он покинул зал.",
     "ru"),
    # prepositions and nouns in "-ing", "-ant", "-ando"
    ("The city grew quickly in those years. During that time the port was rebuilt.", "en"),
    ("Le gouvernement a présenté son plan. Pendant ce temps les syndicats manifestaient.", "fr"),
    ("El tren llegó tarde a la estación. Cuando llegó el tren, los pasajeros subieron.", "es"),
    ("El tren llegó tarde a la estación. Subiendo al tren, los pasajeros aplaudieron.", "es"),
    # a clause after the list opener's comma
    ("The shop raised its prices last month. Including taxes, prices went up by 4 percent.",
     "en"),
    ("Мы долго ждали автобус на остановке. А также он сказал, что автобус придёт.", "ru"),
    ("우리는 오랫동안 버스를 기다렸다. 그리고 우리는 집으로 돌아갔다.", "ko"),
    ("申请人须提交身份证以及户口本。材料将在五日内审核。", "zh"),
    ("Nas unidades básicas de saúde a vacina é gratuita. A campanha foi prorrogada.", "pt"),
    ("Із міністром говорили представники асоціацій. Після переговорів міністр сказав про квоти.",
     "uk"),
    ("W Łodzi otwarto w sobotę tzw. Mediatekę, nową bibliotekę. Budowa kosztowała 24,5 mln zł.",
     "pl"),
])
def test_whole_sentences_are_no_fragment(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The government wants to reform the pension system. It plans to raise the retirement age "
     "to (", "en"),
    ('Install the update first. Then open the settings menu and select the option "Network and',
     "en"),
    ("The company released its results. It expects sales this year to exceed last year's", "en"),
    ("De nieuwe regeling treedt in werking op 1 januari. Gemeenten die niet tijdig rapporteren, "
     "kunnen", "nl"),
    ("Úřad je vyřizuje na denní bázi. Bez tohoto dokladu nelze žádost", "cs"),
    ("申請書はオンラインで提出してください。審査結果は30日以内に書面で", "ja"),
])
def test_paragraphs_cut_off_or_left_without_their_stop(text: str, lang: str) -> None:
    assert flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # a German closing quote at the end of a quotation's last line
    ("Der Minister sprach lange über die Lage. Und das ist einfach nicht der Fall.“", "de"),
    ('"We will win," he said. "The rest of the team agrees with me."', "en"),
    ("Photos of the event are online. Read more: our previous report", "en"),
    ("Stocks fell sharply on Monday. Markets Brace For Another Week Of Losses", "en"),
    ("政府周一批准了新规定。此操作是不可逆的", "zh"),
])
def test_paragraphs_that_end_so_are_no_cut(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


@pytest.mark.parametrize(("code", "text", "lang", "span"), [
    ("TQ105", "公司发展发展发展发展迅速。", "zh", "发展发展发展发展"),
    ("TQ103", "政府表示，将继续加强监管，将继续加强监管。", "zh", "将继续加强监管，将继续加强监管"),
    ("TQ103", "政府は新しい規則を発表した。新しい規則を発表した。", "ja",
     "新しい規則を発表した。新しい規則を発表した"),
    ("TQ103", "Власти заявили, что ситуация под контролем, ситуация под контролем.", "ru",
     "ситуация под контролем, ситуация под контролем"),
    ("TQ101", "Houses-houses along the river bank have been evacuated.", "en", "Houses-houses"),
])
def test_repeats_in_every_script(code: str, text: str, lang: str, span: str) -> None:
    assert span in flagged(code, text, lang)


@pytest.mark.parametrize(("code", "text", "lang"), [
    ("TQ103", "我们要研究研究这个问题。", "zh"),     # a verb reduplicated: grammar
    ("TQ103", "いろいろな人が来た。", "ja"),
    ("TQ105", "哈哈哈哈，太好笑了。", "zh"),          # laughter
    ("TQ103", 'The chorus continues: "Pump it out, pump it out, I\'m feeding them."', "en"),
    ("TQ103", "If you're honest, and if you're a liar, you're a liar telling lies.", "en"),
    ("TQ101", "She was such a goody-goody at school.", "en"),
    ("TQ101", "Rumah-rumah di tepi sungai telah dievakuasi.", "id"),
])
def test_repeats_that_are_grammar_or_rhetoric(code: str, text: str, lang: str) -> None:
    assert not flagged(code, text, lang)


def test_a_long_korean_sentence_said_twice() -> None:
    text = ("신청자는 주민등록등본을 첨부해야 합니다. 그리고 통장 사본. "
            "신청자는 주민등록등본을 첨부해야 합니다.")
    assert flagged("TQ104", text, "ko")
    assert not flagged("TQ104", "감사합니다. 정말 감사합니다. 감사합니다.", "ko")


def test_a_numbered_list_run_into_the_text() -> None:
    text = ("In case of a malfunction, contact the service centre. Contents of delivery: "
            "1. Device 2. Power cable 3. Instruction")
    assert flagged("TQ206", text, "en")
    assert not flagged("TQ206", "Steps: 1. Open the lid. 2. Insert the card. 3. Close it.", "en")
    assert not flagged("TQ206", "Die Frist läuft vom 1. Januar bis zum 31. März.", "de")


@pytest.mark.parametrize(("text", "lang", "number"), [
    ("The candidate must pay the fee of R$ 1.250,00 by the last day.", "en", "1.250,00"),
    ("Owners can obtain a subsidy of up to 66 000,00 zł for the exchange.", "en", "66 000,00"),
    ("Residents can receive a subsidy of € 500,-.", "en", "500,-"),
    ("The price of the licence is 1 290 Kč per month.", "en", "1 290"),
    ("Der Preis beträgt 1,250.00 Euro pro Monat.", "de", "1,250.00"),
])
def test_numbers_in_the_other_decimal_convention(text: str, lang: str, number: str) -> None:
    assert number in flagged("TQ308", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("In 2020 120 people came to the festival.", "en"),
    ("Call 020 7946 0958 before noon.", "en"),
    ("Der Preis beträgt 1.250,00 Euro pro Monat.", "de"),
    ("It costs 1,290.50 dollars.", "en"),
])
def test_numbers_in_the_targets_own_format(text: str, lang: str) -> None:
    assert not flagged("TQ308", text, lang)


def test_source_script_marks() -> None:
    assert flagged("TQ304", "Opposition members called the plan ״insufficient״.", "en")
    assert not flagged("TQ304", "דובר צה״ל אמר כי הבדיקה נמשכת.", "he")
    assert flagged("TQ309", "Θα ισχύσει το ίδιο και για την Αθήνα? Θα εξεταστεί αργότερα.", "el")
    assert not flagged("TQ309", "Θα ισχύσει το ίδιο και για την Αθήνα; Θα εξεταστεί.", "el")
    assert flagged("TQ309", 'Primul proiect. "Așteptăm banii de doi ani", a spus primarul.', "ro")
    assert not flagged("TQ309", "Primul proiect. „Așteptăm banii de doi ani”, a spus primarul.",
                       "ro")


def test_a_quotation_closed_by_a_straight_single_quote() -> None:
    text = "People kept asking me, 'Is the road to Pendleton open?' and I didn't know."
    assert not flagged("TQ203", text, "en")
