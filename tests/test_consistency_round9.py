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


@pytest.mark.parametrize(("text", "lang", "source", "expected"), [
    ("Die Preise steigen.\n\nLesen Sie auch: Neue Tarife im MDV", "de", "en",
     {"Lesen Sie auch: Neue Tarife im MDV"}),
    ("Le gouvernement a réagi.\n\nLire aussi : La réforme adoptée", "fr", None,
     {"Lire aussi : La réforme adoptée"}),
    ("申请人须提交材料。\n\n原文链接：http://www.example.gov.cn/zhengce/", "zh", "en",
     {"原文链接：http://www.example.gov.cn/zhengce/"}),
    # The source's label left in the target.
    ("The prices rise.\n\nKapcsolódó cikk: Drágul a közlekedés", "en", "hu",
     {"Kapcsolódó cikk: Drágul a közlekedés"}),
])
def test_a_link_line_of_the_source_page(
        text: str, lang: str, source: str | None, expected: set[str]) -> None:
    assert flagged("TQ410", text, lang, source) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("See also: the user guide.\n\nRelated: TQ501 covers names.", "en"),
    ("He said he had read also the report: it was long. Read more about it below.", "en"),
    ("Lesen Sie auch die Anleitung: sie erklärt alles.", "de"),
    ("出典：総務省統計局", "ja"),
])
def test_a_label_inside_prose_or_a_document_section_is_no_link_line(text: str, lang: str) -> None:
    assert flagged("TQ410", text, lang) == set()


@pytest.mark.parametrize(("text", "lang"), [
    ("Serve un piano serio.\n\nCondividi su Facebook Twitter WhatsApp Email", "it"),
    ("Winkeliers reageren verdeeld.\n\nBekijk dit bericht op Instagram", "nl"),
    ("Schools are closed on Thursday.\n\nJoin our WhatsApp channel for latest news", "en"),
])
def test_share_rows_and_channel_prompts_in_more_languages(text: str, lang: str) -> None:
    assert flagged("TQ403", text, lang)


def test_a_share_verb_in_prose_is_no_share_row() -> None:
    assert flagged("TQ403", "Vuoi condividere l'articolo su Facebook con gli amici?", "it") == set()


def test_yo_and_ye_mixed_in_one_name_is_info() -> None:
    text = "Делегацию возглавлял Пётр Семёнов; как сообщил Петр Семенов, раунд пройдёт в Вене."
    report = audit_text(text, AuditOptions(lang="ru", select=("TQ501",)))
    assert {f.text for f in report.findings} == {"Пётр", "Петр", "Семёнов", "Семенов"}
    assert {f.severity.value for f in report.findings} == {"info"}
    mixed = "Директор Сергей Королёв сообщил новость. Позже Сергей Королев уехал."
    report = audit_text(mixed, AuditOptions(lang="ru", select=("TQ501",)))
    assert {f.severity.value for f in report.findings} == {"info"}  # a policy, never a warning


@pytest.mark.parametrize("text", [
    "Всё было готово. Все пришли вовремя. Ещё один день. Еще один день.",  # words, not names
    "Делегацию возглавлял Петр Семенов. Петр Семенов сказал, что раунд пройдет в Вене.",
])
def test_yo_policy_alone_is_not_reported(text: str) -> None:
    assert flagged("TQ501", text, "ru") == set()


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Генсек ООН Антониу Гутерриш прибыл в Женеву. Гутерреш встретился с министрами.", "ru",
     {"Гутерриш", "Гутерреш"}),
    ("Министр Энтони Блинкен прибыл в Пекин. Энтони Блинкин встретился с коллегой.", "ru",
     {"Блинкен", "Блинкин"}),
    ("Генсек ООН Антоніу Гутерреш прибув до Женеви. Гутерріш зустрівся з міністрами.", "uk",
     {"Гутерреш", "Гутерріш"}),
])
def test_the_last_unstressed_vowel_of_a_foreign_name(text: str, lang: str, expected: set[str]) -> None:
    assert flagged("TQ501", text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Президент Путин прибыл в Минск. О Путине говорили в Минске. Встреча Путина прошла.", "ru"),
    ("Мер Львова приїхав до Києва. У Києві та Львові тихо. Київ чекає.", "uk"),
])
def test_inflected_forms_are_not_last_vowel_variants(text: str, lang: str) -> None:
    assert flagged("TQ501", text, lang) == set()


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Το νέο μετρό της Θεσσαλονίκης θα λειτουργεί. Οι δοκιμές θα γίνουν στη Θεσσαλονικη.", "el",
     {"Θεσσαλονίκης", "Θεσσαλονικη"}),
    ("فایل‌ها به‌صورت خودکار رمزگذاری می‌شوند و نسخهٔ پشتیبان نیز ذخیره می شود.", "fa",
     {"می‌شوند", "می شود"}),
    ("삼성전자는 평택 캠퍼스에 공장을 짓겠다고 발표했다. 새 공장은 평택캠퍼스에서 가동될 예정이다.", "ko",
     {"평택 캠퍼스에", "평택캠퍼스에서"}),
])
def test_accent_and_spacing_variants(text: str, lang: str, expected: set[str]) -> None:
    assert flagged("TQ502", text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    # Capitals drop the accents; ποιος and ποια have one syllable; Θεσσαλονικείς is a word.
    ("Η ΘΕΣΣΑΛΟΝΙΚΗ ΚΑΙ Η ΑΘΗΝΑ. Η Θεσσαλονίκη και η Αθήνα. Ποιος και ποια θα έρθουν;", "el"),
    ("Οι Θεσσαλονικείς είναι περήφανοι για τη Θεσσαλονίκη.", "el"),
    ("فایل‌ها به‌صورت خودکار رمزگذاری می‌شوند و نسخهٔ پشتیبان نیز ذخیره می‌شود.", "fa"),
    ("فایل ها ذخیره می‌شوند.", "fa"),  # the plural apart, the prefix joined: two rules
    ("삼성전자는 평택 캠퍼스에 공장을 짓는다. 새 공장은 평택 캠퍼스에서 가동된다.", "ko"),
])
def test_one_spelling_throughout_is_consistent(text: str, lang: str) -> None:
    assert flagged("TQ502", text, lang) == set()


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Перезавантажте комп'ютер. Користувач вирішує, які дані синхронізувати з комп’ютером.", "uk",
     {"комп'ютер", "комп’ютером"}),
    ("We don't store your data. If you don’t agree, close the app.", "en", {"don't", "don’t"}),
])
def test_one_word_with_two_apostrophes(text: str, lang: str, expected: set[str]) -> None:
    assert flagged("TQ502", text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("We don't store your data. It’s safe. If you don't agree, close the users' app.", "en"),
    ("L'application s’ouvre. L’utilisateur choisit.", "fr"),  # two words, one apostrophe each
    ("He said 'hello' and left.", "en"),
])
def test_other_words_or_quotes_are_not_apostrophe_variants(text: str, lang: str) -> None:
    assert flagged("TQ502", text, lang) == set()


def test_a_chinese_word_in_traditional_and_simplified_characters() -> None:
    text = "要更改同步设置，请打开设置并选择账户。如果同步失败，请在帳戶页面点击同步。"
    assert flagged("TQ502", text, "zh") == {"账户", "帳戶"}


@pytest.mark.parametrize("text", [
    "要更改同步设置，请打开设置并选择账户。如果同步失败，请在账户页面点击同步。",
    "要更改同步設定，請打開設定並選擇帳戶。如果同步失敗，請在帳戶頁面點擊同步。",
])
def test_one_standard_throughout_is_consistent(text: str) -> None:
    assert flagged("TQ502", text, "zh") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Read the instructions at https://support.example.com/uk/arti. Then restart.",
     {"https://support.example.com/uk/arti"}),
    ("Read the thread at https://t.co/abc… and reply.", {"https://t.co/abc…"}),
    ("See https://support.example.com/articles/reset-your- for the steps.",
     {"https://support.example.com/articles/reset-your-"}),
    ("The portal www.example.c is down.", {"www.example.c"}),
])
def test_a_web_address_cut_short(text: str, expected: set[str]) -> None:
    assert flagged("TQ411", text) == expected


def test_whole_addresses_are_not_cut() -> None:
    text = ("See https://support.example.com/en/faq and https://t.co/x8Pq2 or www.example.com/about."
            " Visit https://www.bbc.co.uk/news/world, https://example.org/p/abc and "
            "https://example.com/help or https://example.com/docs/install.")
    assert flagged("TQ411", text) == set()


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("申請書を提出してください。{申請者名}様の申請は受理されました。", "ja", {"{申請者名}"}),
    ("Здравствуйте, {имя}! Ваш заказ отправлен.", "ru", {"{имя}"}),
])
def test_a_placeholder_named_in_another_script(text: str, lang: str, expected: set[str]) -> None:
    assert flagged("TQ409", text, lang) == expected


def test_braces_around_latin_words_or_a_latex_argument_are_no_placeholder() -> None:
    assert flagged("TQ409", "The set {a, b} and the city {Montréal} stay.") == set()


@pytest.mark.parametrize(("code", "target", "span", "source", "mirrored"), [
    ("TQ410", "Read also: Italy reported a hacker attack", "Read also: Italy reported a hacker attack",
     "Читайте також: Італія повідомила про хакерську атаку", True),
    ("TQ410", "Read also: Italy reported a hacker attack", "Read also: Italy reported a hacker attack",
     "Італія повідомила про хакерську атаку", False),
    # The source credits the same names under a label of its own shape (no colon).
    ("TQ410", "Image credit: MARKO DJURICA Reuters", "Image credit: MARKO DJURICA Reuters",
     "Автор фото, MARKO DJURICA Reuters", True),
    ("TQ410", "Image credit: MARKO DJURICA Reuters", "Image credit: MARKO DJURICA Reuters",
     "Автор фото, Reuters", False),
    ("TQ411", "See https://example.com/uk/arti now.", "https://example.com/uk/arti",
     "Див. https://example.com/uk/arti зараз.", True),
])
def test_page_lines_and_cut_addresses_mirror_the_source(
        code: str, target: str, span: str, source: str, mirrored: bool) -> None:
    from tqcheck.checks.mirror import MirrorCase, mirror_reason
    from tqcheck.model import Segment

    seg = Segment(target, 1)
    start = target.index(span)
    case = MirrorCase(code, seg, start, start + len(span), source, None)
    assert (mirror_reason(case) is not None) is mirrored


def test_a_page_link_line_without_the_source_is_info() -> None:
    report = audit_text("Fares rise.\n\nRead also: Bus fares rise again", AuditOptions(
        lang="en", select=("TQ410",)))
    assert [f.severity.value for f in report.findings] == ["info"]


@pytest.mark.parametrize(("text", "lang"), [
    ("如果同步失败，请在帐户页面点击Sync now。", "zh"),
    ("同期に失敗した場合は、Sync nowをタップしてください。", "ja"),
    ("동기화에 실패하면 Sync now를 클릭하세요.", "ko"),
])
def test_an_english_label_glued_to_an_interface_verb(text: str, lang: str) -> None:
    assert flagged("TQ702", "请点击Twig选择模板。", "zh", "en") == set()  # one word: a product
    report = audit_text(text, AuditOptions(lang=lang, source_lang="en", select=("TQ702",)))
    assert [(f.text, f.severity.value) for f in report.findings] == [("Sync now", "info")]


@pytest.mark.parametrize(("text", "lang"), [
    ("我们使用iPhone拍照，在Apple Music上听歌，用Wi-Fi上网。", "zh"),
    ("私はiPhoneで写真を撮り、Apple Musicで音楽を聴きます。", "ja"),
    ("他在Apple Music上点击播放。", "zh"),  # a brand away from the verb
])
def test_brands_glued_to_words_of_an_unspaced_language_are_kept(text: str, lang: str) -> None:
    assert flagged("TQ702", text, lang, "en") == set()
    assert flagged("TQ704", text, lang, "en") == set()


def test_a_foreign_names_son_with_and_without_its_waw() -> None:
    text = "وصل المبعوث غير بيدرسن إلى دمشق. وقال بيدرسون إن الحل سياسي."
    assert flagged("TQ501", text, "ar") == {"بيدرسن", "بيدرسون"}


def test_a_plural_in_waw_nun_is_no_name_variant() -> None:
    assert flagged("TQ501", "ارتفعت أسعار الدهن أمس. وقال الأطباء إن الدهون ضارة.", "ar") == set()


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("The euro was set at 62,000 tomans. The gold coin reached 42 million tumans.", "fa",
     {"tomans", "tumans"}),
    ("The price rose to 40 hryvnias. Pensioners will receive 200 hryvnyas more.", "uk",
     {"hryvnias", "hryvnyas"}),
])
def test_two_romanizations_of_a_source_word(text: str, source: str, expected: set[str]) -> None:
    assert flagged("TQ502", text, "en", source) == expected


@pytest.mark.parametrize(("text", "source"), [
    ("The euro was set at 62,000 tomans. The gold coin reached 42 million tomans.", "fa"),
    ("The bill passed the Duma. Deputies of the dumas voted. The oblast and the oblasts.", "ru"),
    ("The euro was set at 62,000 tomans. The gold coin reached 42 million tumans.", None),
])
def test_one_romanization_or_no_source_in_view(text: str, source: str | None) -> None:
    assert flagged("TQ502", text, "en", source) == set()


def test_a_long_i_written_with_i_or_the_long_vowel_mark() -> None:
    text = "ゼレンスキー大統領は東京を訪れた。ゼレンスキイ大統領は首相と会談した。"
    assert flagged("TQ502", text, "ja") == {"ゼレンスキー", "ゼレンスキイ"}


def test_a_final_i_after_another_row_is_no_long_vowel() -> None:
    assert flagged("TQ502", "ハワイとタイを訪れた。ハワの海は暑かった。", "ja") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Foto wurde 1970 gemacht. Auf dem Photo ist die alte Brücke zu sehen.", {"Foto", "Photo"}),
    ("Die Grafik zeigt den Anstieg. In der Graphik fehlt das Jahr 2020.", {"Grafik", "Graphik"}),
])
def test_german_ph_and_f(text: str, expected: set[str]) -> None:
    assert flagged("TQ502", text, "de") == expected


def test_german_ph_alone_is_no_variant() -> None:
    assert flagged("TQ502", "Die Philosophie der Firma ist klar. Das Foto zeigt die Phase.",
                   "de") == set()


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The bridge reopened.\n\nPhoto: RIA Novosti\n\nTraffic resumed.", "en", {"Photo: RIA Novosti"}),
    ("Мост открыли в понедельник.\n\nФото: РИА Новости", "ru", {"Фото: РИА Новости"}),
    ("다리가 월요일에 다시 열렸다.\n\n사진=연합뉴스", "ko", {"사진=연합뉴스"}),
])
def test_a_picture_credit_line(text: str, lang: str, expected: set[str]) -> None:
    assert flagged("TQ410", text, lang) == expected


def test_a_photo_in_prose_is_no_credit_line() -> None:
    text = "The photo: a bridge at night, taken in 1970.\n\nPhotography: the art of light."
    assert flagged("TQ410", text) == set()


def test_apostrophes_of_two_documents_far_apart_in_one_file_are_not_compared() -> None:
    filler = "The committee met again and discussed the budget at length. " * 80
    text = f"We don't store your data.\n\n{filler}\n\nIf you don’t agree, close the app."
    assert flagged("TQ502", text) == set()


def test_persian_joined_forms_are_shown_once() -> None:
    text = "این برنامه کار می‌کند. فایل باز می‌شود. نسخه ذخیره می‌شود. پنجره بسته می شود."
    assert flagged("TQ502", text, "fa") == {"می‌کند", "می شود"}
