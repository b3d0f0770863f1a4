"""Punctuation norms of the target language (TQ308 number format, TQ309 target punctuation):
must-flag and must-pass examples in several targets, read from each language's data."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.langdata import load_language


def found(code: str, text: str, lang: str) -> list[tuple[str, str]]:
    report = audit_text(text, AuditOptions(select=(code,), lang=lang))
    return [(f.text, f.severity.value) for f in report.findings if f.code == code]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Der Anteil lag bei 18.4 Prozent.", [("18.4", "warning")]),
    ("fr", "Le plan prévoit 1.5 milliard d'euros.", [("1.5", "warning")]),
    ("es", "Reducirá el fraude en un 30.5 por ciento.", [("30.5", "warning")]),
    ("ru", "Работает на 15.5 процента быстрее.", [("15.5", "warning")]),
    ("pt", "O aplicativo custará 9.90 reais por mês.", [("9.90", "warning")]),
    ("ru", "Сессии проходят по субботам в 11.30.", [("11.30", "info")]),  # could be a time
    ("it", "Il tasso è salito al 3.25%.", [("3.25", "warning")]),
    ("pl", "Wzrost wyniósł 4.7 procent.", [("4.7", "warning")]),
    ("ru", "Стоимость составит 1.500 рублей.", [("1.500", "warning")]),  # groups with a space
    ("en", "The volume amounted to 14,6 billion cubic meters.", [("14,6", "warning")]),
    ("ja", "成長率は2,5%でした。", [("2,5", "warning")]),
])
def test_number_format_must_flag(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert found("TQ308", text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Stadt hat 1.500 Einwohner und 18,4 Prozent Arbeitslose."),
    ("de", "Am 18.04.2023 um 18.30 Uhr erscheint Version 2.1 (Kapitel 3.2)."),
    ("de", "Unter Windows 10.1 und iOS 17.2 läuft die App."),
    ("es", "Llegaron 1.500 personas; el 30,5 % votó."),
    ("ru", "Релиз версии 2.1 описан в разделе 3.2, п. 4.5."),
    ("fr", "Le taux est de 1,5 % et la population de 1 500 habitants."),
    ("en", "It costs 1,500 dollars, 2.5% more than 1.25 last year."),
    ("ar", "ارتفع المعدل إلى 2.5 في المئة."),  # no [numbers] data: not checked
])
def test_number_format_must_pass(lang: str, text: str) -> None:
    assert found("TQ308", text, lang) == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "The «Shebekino» crossing and the „Safe Water“ campaign.", ["«", "»", "„"]),
    ("en", "\"¡It is a first step!\" said one of them.", ["¡"]),
    ("de", "Er fragte: «¿Warum?»", ["¿"]),  # « » are German (alternate), ¿ is not
    ("fr", "Il a dit „non“ hier.", ["„"]),
    ("es", "Qué significa esto para los inmigrantes? Nadie lo sabe.", ["?"]),
    ("es", "Es un primer paso! dijo.", ["!"]),
    ("fr", "Le directeur a déclaré: « Nous avons écouté. »", [":"]),
    ("fr", "Cette mesure « va faire du sens »; les syndicats hésitent.", [";"]),
    # English quotes in a target that opens with another mark: the opener, and a closer the
    # target writes only after its own opener (German „…”), not its primary closer (Polish ”).
    ("de", "Der Dirigent nannte das Stück “ein Werk voller Spannung”.", ["“", "”"]),
    ("cs", "Ministr označil jednání za “velmi otevřené”.", ["“", "”"]),
    ("pl", "Minister nazwał rozmowy “bardzo trudnymi”.", ["“"]),
])
def test_target_punctuation_must_flag(lang: str, text: str, expected: list[str]) -> None:
    assert [t for t, _ in found("TQ309", text, lang)] == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "¿Qué significa esto? Los expertos, ¿qué dicen? ¡Basta! «Hola», dijo."),
    ("es", "Visite https://ejemplo.es/?q=1 para más información."),
    ("fr", "Il a dit : « non » ; puis il est parti ! Pourquoi ? À 18:30 sur http://x.fr."),
    ("fr-CA", "Il a dit : « non »; puis il est parti! Pourquoi?"),
    ("de", "Er sagte „wir gehen“ und »sie bleiben«."),
    ("ru", "Он сказал: «Мы „не“ уйдём». Почему?"),
    ("pl", "Powiedział „nie” i «tak»."),
    ("en", "He asked: “Why?” and she said ‘never!’."),
    ("xx", "A language without data: «this» ¿is? left alone"),
    ("de", "Er nannte es „ein Werk“, sie „ein Wagnis”, der Verlag ‚gut‘."),
    ("cs", "Ministr řekl: „Jednání byla otevřená.“ Pak odešel."),
    ("fr", "Il a dit : « le mot “paix” n’est pas interdit ». "),
    ("fr", "La valeur par défaut« 0.0.0.0 »sera utilisée."),  # spacing aside, the right marks
    ("ru", "Она сказала: «Это „лучший“ день»."),
    ("uk", "Він назвав це «першим кроком», а не “перемогою”», — додав посол."),  # continues a quotation
])
def test_target_punctuation_must_pass(lang: str, text: str) -> None:
    assert found("TQ309", text, lang) == []


def test_english_quotes_at_the_top_level_are_info_where_the_target_nests_them() -> None:
    assert found("TQ309", "Le ministre a parlé d’un “tournant historique”.", "fr") == [
        ("“", "info"), ("”", "info")]
    assert found("TQ309", "Министр назвал это “историческим поворотом”.", "ru") == [
        ("“", "info"), ("”", "info")]


def test_a_pair_in_use_beside_the_norm_is_info() -> None:
    # Japanese writes 「…」; “…” is in use in horizontal web text (the blind judge: style).
    assert found("TQ309", "“設定” を開きます。", "ja") == [("“", "info"), ("”", "info")]
    assert found("TQ309", "“設定”を開きます。", "ja") == []
    # Guillemets are no Japanese marks at all.
    assert found("TQ309", "«設定» を開きます。", "ja") == [("«", "warning"), ("»", "warning")]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("tr", "Enflasyon geçen ay 25% arttı.", [("25%", "warning")]),
    ("de", "Das Treffen beginnt um 3:30 p.m. im Rathaus.", [("3:30 p.m.", "warning")]),
    ("fr", "La date limite est le 03/15/2024 à minuit.", [("03/15/2024", "warning")]),
    ("de", "Die Stadt hat 1,200,000 Einwohner und baute 1,200 Wohnungen.",
     [("1,200,000", "warning"), ("1,200", "info")]),
])
def test_dates_times_percent_and_comma_groups(lang: str, text: str,
                                              expected: list[tuple[str, str]]) -> None:
    assert found("TQ308", text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("tr", "Enflasyon geçen ay %25 arttı."),
    ("de", "Das Treffen beginnt um 15:30 Uhr, die Frist endet am 15.03.2024."),
    ("fr", "La date limite est le 05/03/2024 à 18 h 30."),  # day first, or unclear: left alone
    ("es", "La reunión es a las 3:30 p. m."),  # Spanish writes both clocks
    ("en", "The meeting starts at 3:30 p.m. on 03/15/2024 with 1,200 guests."),
])
def test_dates_times_percent_in_the_targets_own_format(lang: str, text: str) -> None:
    assert found("TQ308", text, lang) == []


def test_french_guillemets_without_their_spaces_are_info() -> None:
    assert found("TQ309", "Le ministre a dit «nous allons gagner» hier.", "fr") == [
        ("«", "info"), ("»", "info")]
    assert found("TQ309", "Le ministre a dit «nous allons gagner» hier.", "fr-CH") == []
    assert found("TQ309", "Le ministre a dit « nous allons gagner » hier.", "fr") == []


def test_french_spacing_is_info() -> None:
    assert found("TQ309", "Il a déclaré: oui.", "fr") == [(":", "info")]


def test_number_separators_come_from_the_data() -> None:
    for lang, decimal in (("en", "."), ("de", ","), ("fr", ","), ("es", ","), ("ru", ","),
                          ("ja", ".")):
        assert load_language(lang).get("numbers", "decimal") == decimal


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Der Minister wollte sich nicht äußern. Weil die Verhandlungen noch laufen.",
     "Weil die Verhandlungen noch laufen."),
    ("fr", "Le ministre n'a pas voulu commenter. Parce que les négociations sont en cours.",
     "Parce que les négociations sont en cours."),
    ("fr", "Le ministre n'a pas voulu commenter. Parce qu'il attend la fin des négociations.",
     "Parce qu'il attend la fin des négociations."),
    ("es", "El ministro no quiso comentar. Porque las negociaciones siguen abiertas.",
     "Porque las negociaciones siguen abiertas."),
    ("ru", "Министр отказался от комментариев. Потому что переговоры еще продолжаются.",
     "Потому что переговоры еще продолжаются."),
    ("ru", "Власти открыли новый мост через реку. Который был построен за два года.",
     "Который был построен за два года."),
    ("pl", "Minister odmówił wczoraj komentarza. Ponieważ negocjacje wciąż trwają.",
     "Ponieważ negocjacje wciąż trwają."),
])
def test_clause_fragments_in_other_languages(lang: str, text: str, expected: str) -> None:
    assert found("TQ201", text, lang) == [(expected, "info")]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Minister schwieg. Weil die Verhandlungen laufen, will er nichts sagen."),
    ("de", "Der Minister schwieg lange. Während der Sitzung sprach er nicht."),
    ("fr", "Le ministre n'a rien dit. Parce que, dit-il, les négociations continuent."),
    ("ru", "Министр отказался от комментариев. Чтобы получить визу, нужно подать заявление."),
    ("uk", "Ми довго гуляли містом. Який же я дурень."),
    ("es", "El ministro no quiso comentar. ¿Porque las negociaciones siguen?"),
])
def test_clause_fragments_must_pass(lang: str, text: str) -> None:
    assert found("TQ201", text, lang) == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    # A relative word that cannot open a main clause, in more targets.
    ("es", "La empresa abrirá una nueva planta en Valencia. Que empleará a 300 personas.",
     "Que empleará a 300 personas."),
    ("it", "L'azienda aprirà un nuovo stabilimento a Torino. Che darà lavoro a 300 persone.",
     "Che darà lavoro a 300 persone."),
    ("ar", "افتتحت الشركة مصنعا جديدا في الرياض اليوم. الذي سيوظف ثلاثمئة شخص.",
     "الذي سيوظف ثلاثمئة شخص."),
    ("he", "החברה פתחה מפעל חדש בחיפה השבוע. אשר יעסיק שלוש מאות עובדים.",
     "אשר יעסיק שלוש מאות עובדים."),
    ("fa", "شرکت یک کارخانه جدید در تبریز افتتاح کرد. که سیصد نفر را استخدام خواهد کرد.",
     "که سیصد نفر را استخدام خواهد کرد."),
    # German: a relative clause told by its shape (pronoun, no noun after it, the verb last).
    ("de", "Das neue Modell kommt im März auf den Markt. Das im vergangenen Jahr in Berlin "
     "vorgestellt wurde.", "Das im vergangenen Jahr in Berlin vorgestellt wurde."),
    # A participial phrase split off the sentence before it.
    ("ru", "Компания представила новый смартфон в Москве. Оснащённый тремя камерами и сенсорным "
     "экраном.", "Оснащённый тремя камерами и сенсорным экраном."),
    ("fr", "L'entreprise a ouvert une nouvelle usine à Lyon. Située à la sortie de la ville.",
     "Située à la sortie de la ville."),
    ("es", "La empresa abrió una nueva fábrica en Valencia. Situada en las afueras de la ciudad.",
     "Situada en las afueras de la ciudad."),
    # A Turkish purpose clause (postposition "için") split off.
    ("tr", "Şirket İzmir'de yeni bir fabrika açtığını duyurdu. Üretimi iki katına çıkarmak için.",
     "Üretimi iki katına çıkarmak için."),
])
def test_more_fragment_shapes_in_other_languages(lang: str, text: str, expected: str) -> None:
    assert found("TQ201", text, lang) == [(expected, "info")]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "El equipo ganó la final ayer. Que Dios los bendiga a todos."),
    ("es", "El ministro habló con la prensa. ¿Qué pasará ahora con el plan?"),
    ("it", "La squadra ha vinto la finale ieri. Che bello vedere tanta gente."),
    ("de", "Das neue Modell kommt im März auf den Markt. Das Modell wurde in Berlin gebaut."),
    ("de", "Die Regierung hat den Plan beschlossen. Die Minister haben zugestimmt."),
    ("de", "Ich habe das Gerät gestern gekauft. Das mitgelieferte Kabel war nicht gut - der Akku "
     "konnte nicht aufgeladen werden."),
    ("de", "Die Firma meldete Rekorde. Die 2019 gegründete Firma hat heute 300 Mitarbeiter."),
    ("de", "Die Variable ist gesetzt. Der erste sollte niemals innerhalb von Skripten gesetzt "
     "werden."),
    ("ru", "Мы обновили приложение для всех. Одновременное редактирование отключено."),
    ("ar", "افتتحت الشركة مصنعا جديدا في الرياض اليوم. التي يمكن أن تحتوي على قوائم، وقوائم المهام."),
    ("ru", "Компания представила новый смартфон в Москве. Оснащённый тремя камерами, он стоит "
     "дорого."),
    ("fr", "L'entreprise a ouvert une nouvelle usine à Lyon. Située à la sortie de la ville, elle "
     "emploie 300 personnes."),
    ("es", "La empresa abrió una nueva fábrica en Valencia. Situada en las afueras, la planta "
     "emplea a 300 personas."),
])
def test_more_fragment_shapes_must_pass(lang: str, text: str) -> None:
    assert found("TQ201", text, lang) == []


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("de", "Öffnen Sie das Menü und klicken Sie dann auf Speichern im.", "im"),
    ("de", "Die Regierung erklärte am Montag, dass.", "dass"),
    ("ru", "Обновление распределяется равномерно между.", "между"),
    ("pl", "Minister powiedział wczoraj dziennikarzom, że.", "że"),
    ("tr", "Bakan toplantıdan sonra açıklama yaptı ama.", "ama"),
    ("es", "El ministro dijo a los periodistas que.", "que"),
])
def test_more_words_that_never_end_a_sentence(lang: str, text: str, word: str) -> None:
    assert [m for _, m in found_messages("TQ205", text, lang)] == [
        f"sentence cut off after '{word}': it ends on a word that never ends a sentence"]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Das ist genau das, was ich im Sinn hatte. Ich bin im Bilde."),
    ("ru", "Мы сделали это ради детей. Он стоял между ними."),
    ("es", "No sé por qué. Dijo que sí."),
    ("tr", "Bunu yapmak istedim ama yapamadım."),
])
def test_more_words_that_never_end_a_sentence_must_pass(lang: str, text: str) -> None:
    assert found("TQ205", text, lang) == []


def found_messages(code: str, text: str, lang: str) -> list[tuple[str, str]]:
    report = audit_text(text, AuditOptions(select=(code,), lang=lang))
    return [(f.text, f.message) for f in report.findings if f.code == code]


def test_straight_quotes_where_the_target_writes_its_own_are_info() -> None:
    text = 'Er sagte: "Wir nehmen diese Probleme ernst", und ging.'
    assert found("TQ309", text, "de") == [('"Wir nehmen diese Probleme ernst"', "info")]
    assert found("TQ309", 'Он сказал: "Нет".', "ru") == [('"Нет"', "info")]
    assert found("TQ309", 'He said: "No".', "en") == []  # English writes straight quotes too
    assert found("TQ309", 'Ein 27" Bildschirm.', "de") == []


def test_fullwidth_letters_and_digits_outside_cjk() -> None:
    assert found("TQ309", "The company released the ２０２３ report.", "en") == [
        ("２０２３", "warning")]
    assert found("TQ309", "会社は２０２３年の報告書を発表した。", "ja") == []


def test_latin_marks_after_arabic_letters_are_info() -> None:
    assert found("TQ309", "هل يمكن تحميل التطبيق مجاناً? نعم.", "ar") == [("?", "info")]
    assert found("TQ309", "ارتفع بنسبة 1,5 في المئة؟", "ar") == []


def test_a_number_a_unit_copies_from_its_source_is_info() -> None:
    # dpkg's German man pages: "Format: 3.0 (quilt)" keeps the source's version as it stands.
    import tqcheck

    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
          'msgid "Format: 3.0 (quilt)"\nmsgstr "Format: 3.0 (quilt)"\n\n'
          'msgid "The rate reached 8 percent."\nmsgstr "Die Quote erreichte 18.4 Prozent."\n')
    found = {f.text: f.severity.value
             for f in tqcheck.audit_text(po, lang="de", format="po", select=("TQ308",))}
    assert found == {"3.0": "info", "18.4": "warning"}
