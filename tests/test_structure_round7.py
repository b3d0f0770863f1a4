"""Structure mechanisms of the seventh round on issue 14: truncated paragraphs of prose that stop
on a word that ends a sentence only in some uses or on a comma, truncation data for more
targets (Swedish, Danish, Finnish, Romanian, Greek, Hungarian, Bulgarian, Korean; Chinese and
Japanese conjunctions of two characters), and headings run into the next sentence (TQ208).
Every example was written for these tests; none comes from the corpus."""

from __future__ import annotations

import pytest

from tqcheck import audit_text as api_audit_text
from tqcheck.audit import AuditOptions, audit_text
from tqcheck.model import Severity


def found(code: str, text: str, lang: str) -> list[tuple[str, Severity]]:
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return [(f.text, f.severity) for f in report.findings]


def serious(code: str, text: str, lang: str) -> list[str]:
    return [t for t, sev in found(code, text, lang) if sev is not Severity.INFO]


# --- TQ205: a paragraph of prose that stops on a word that ends sentences only in some uses ----

@pytest.mark.parametrize(("lang", "text", "cut"), [
    ("en", "Exports rose in May. Imports of machinery and spare parts dropped sharply by",
     "Imports of machinery and spare parts dropped sharply by"),
    ("en", "The museum reopened on Monday, while the library will stay closed until",
     "The museum reopened on Monday, while the library will stay closed until"),
    ("de", "Die Brücke ist gesperrt. Autofahrer sollen die Fähre nehmen, weil",
     "Autofahrer sollen die Fähre nehmen, weil"),
    ("fr", "Le pont est fermé. Les automobilistes doivent prendre le bac, parce que",
     "Les automobilistes doivent prendre le bac, parce que"),
    ("es", "El puente está cerrado. Los conductores deben tomar el ferri durante",
     "Los conductores deben tomar el ferri durante"),
    ("ru", "Мост закрыт. Водителям советуют пользоваться городским паромом, который",
     "Водителям советуют пользоваться городским паромом, который"),
    ("pl", "Most jest zamknięty. Kierowcy powinni korzystać z promu, który",
     "Kierowcy powinni korzystać z promu, który"),
    ("sv", "Bron är stängd. Bilister ska ta färjan som går varje timme och",
     "Bilister ska ta färjan som går varje timme och"),
    ("da", "Broen er lukket. Bilister skal tage færgen, som sejler hver time, og",
     "Bilister skal tage færgen, som sejler hver time, og"),
    ("ro", "Podul este închis. Șoferii trebuie să folosească bacul care pleacă din",
     "Șoferii trebuie să folosească bacul care pleacă din"),
    ("el", "Η γέφυρα είναι κλειστή. Οι οδηγοί πρέπει να πάρουν το πλοίο που φεύγει από",
     "Οι οδηγοί πρέπει να πάρουν το πλοίο που φεύγει από"),
    ("bg", "Мостът е затворен. Шофьорите трябва да използват ферибота, който тръгва от",
     "Шофьорите трябва да използват ферибота, който тръгва от"),
    ("hu", "A híd le van zárva. Az autósoknak a kompot kell használniuk, amely",
     "Az autósoknak a kompot kell használniuk, amely"),
    ("fi", "Silta on suljettu. Autoilijoiden pitää käyttää lauttaa, joka lähtee tunnin välein ja",
     "Autoilijoiden pitää käyttää lauttaa, joka lähtee tunnin välein ja"),
    ("ko", "다리가 폐쇄되었습니다. 운전자들은 매시간 출발하는 여객선을 이용해 주시기 바랍니다 및",
     "운전자들은 매시간 출발하는 여객선을 이용해 주시기 바랍니다 및"),
    ("zh", "大桥已经关闭。司机们可以乘坐每小时一班的渡轮以及", "司机们可以乘坐每小时一班的渡轮以及"),
    ("ja", "橋は閉鎖されています。運転手はフェリーの運航時間について", "運転手はフェリーの運航時間について"),
])
def test_paragraph_of_prose_cut_off(lang: str, text: str, cut: str) -> None:
    assert serious("TQ205", text, lang) == [cut]


@pytest.mark.parametrize(("lang", "text"), [
    # Headlines, captions and chat lines stop without punctuation on purpose.
    ("en", "Prices fall as shoppers hold back"),
    ("en", "Stocks Fall As Investors Wait For The Fed To Step In"),
    ("en", "Checked in"),
    ("en", "Great room. Staff helped us check in"),           # five words: too short for prose
    ("en", "I would go with you if I could"),
    ("en", "Nobody asked. He never said what the bridge was made from"),
    ("en", "Dear Anna,"),
    ("de", "Ich komme morgen. Er sagte, er komme erst nächste Woche an"),
    ("sv", "Bron är stängd. Vi vet inte när den öppnar igen eller varför den stängdes av"),
    ("ru", "Мост закрыт. Никто не знает, когда его откроют и что будет потом"),
    ("zh", "我们去公园。今天的天气很好，大家都很开心"),
    ("ja", "こんにちは"),
])
def test_text_that_may_stop_there(lang: str, text: str) -> None:
    assert serious("TQ205", text, lang) == []


def test_a_list_item_or_heading_is_not_prose() -> None:
    text = "# Things to look out for\n\n- Keep a copy of the receipt for\n"
    findings = api_audit_text(text, lang="en", select="TQ205", format="markdown")
    assert [f for f in findings if f.severity is not Severity.INFO] == []


# --- TQ208: a heading or label run into the sentence after it -------------------------------

@pytest.mark.parametrize(("lang", "text", "run"), [
    ("en", "Opening hours Monday to Friday. Contact us The office answers within a day.",
     "Contact us"),
    ("fr", "Le bac part toutes les heures. Horaires d'ouverture Le guichet ouvre à huit heures.",
     "Horaires d'ouverture"),
    ("es", "El ferri sale cada hora. Datos de contacto La oficina abre a las ocho.",
     "Datos de contacto"),
    ("it", "Il traghetto parte ogni ora. Orari di apertura La biglietteria apre alle otto.",
     "Orari di apertura"),
    ("pt", "A balsa sai de hora em hora. Mais informações Os bilhetes custam dez euros.",
     "Mais informações"),
    ("nl", "De veerboot vaart elk uur. Openingstijden Het loket gaat om acht uur open.",
     "Openingstijden"),
    ("pl", "Prom kursuje co godzinę. Dane techniczne Ten odkurzacz waży trzy kilogramy.",
     "Dane techniczne"),
    ("ru", "Паром ходит каждый час. Технические характеристики Этот пылесос весит три кило.",
     "Технические характеристики"),
    ("uk", "Пором ходить щогодини. Технічні характеристики Цей пилосос важить три кілограми.",
     "Технічні характеристики"),
    ("sv", "Färjan går varje timme. Kontaktuppgifter Det går bra att ringa oss dygnet runt.",
     "Kontaktuppgifter"),
    ("ro", "Bacul pleacă din oră în oră. Date tehnice Acest aspirator cântărește trei kilograme.",
     "Date tehnice"),
    ("el", "Το πλοίο φεύγει κάθε ώρα. Τεχνικά χαρακτηριστικά Αυτή η σκούπα ζυγίζει τρία κιλά.",
     "Τεχνικά χαρακτηριστικά"),
    ("tr", "Feribot her saat kalkıyor. Teknik özellikler Bu süpürge üç kilo ağırlığında.",
     "Teknik özellikler"),
    ("de", "Die Fähre fährt stündlich. Kontaktdaten Die Behörde ist werktags erreichbar.",
     "Kontaktdaten"),
])
def test_heading_run_into_the_next_sentence(lang: str, text: str, run: str) -> None:
    # Without the source in view a finding is info (a layout the source has looks the same).
    assert found("TQ208", text, lang) == [(run, Severity.INFO)]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Yesterday in The Hague the talks resumed."),          # a name after "The"
    ("en", "Professor He said the test had failed."),              # not in the data: a surname
    ("en", "We watched It Follows and then we read The Times at home."),
    ("en", "Plan A is off, so Group B takes over."),                # one letter
    ("en", "The talks ended. The ministers left. This is final."),  # sentence starts
    ("de", "Laut der Zeitung Die Welt ist das falsch."),             # a function word in the run
    ("de", "Wir bitten Sie um Geduld. Vielen Dank für Ihre Nachricht."),
    ("ru", "Мы благодарим Вас за обращение. Он сказал, что Это не так."),
    ("fr", "Marine Le Pen a parlé à La Paz."),
])
def test_capitals_that_are_no_glued_heading(lang: str, text: str) -> None:
    assert found("TQ208", text, lang) == []


def test_no_glued_heading_in_a_markdown_heading_or_list() -> None:
    text = "# Contact us The office\n\n- Contact us The office answers within a day.\n"
    assert api_audit_text(text, lang="en", select="TQ208", format="markdown") == []


# --- TQ205: a comma and a clause's first word before the full stop ----------------------------

@pytest.mark.parametrize(("lang", "text", "cut"), [
    ("en", "The rule applies to every tenant in the city, for whom. It starts in May.",
     "The rule applies to every tenant in the city, for whom."),
    ("en", "The rule applies to every tenant in the city, which.",
     "The rule applies to every tenant in the city, which."),
    ("fr", "La règle s'applique à tous les locataires, dont.",
     "La règle s'applique à tous les locataires, dont."),
    ("ru", "Правило касается всех арендаторов города, которые.",
     "Правило касается всех арендаторов города, которые."),
    ("sv", "Regeln gäller alla hyresgäster i staden, vilka.",
     "Regeln gäller alla hyresgäster i staden, vilka."),
])
def test_comma_and_a_lone_clause_word(lang: str, text: str, cut: str) -> None:
    assert serious("TQ205", text, lang) == [cut]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "It was a good match, though. Nobody saw it, either. He came, too."),
    ("en", "We will go by train, or by bus if we must."),
    ("es", "Dijo que no, y se fue."),
])
def test_comma_and_a_word_that_may_end_the_sentence(lang: str, text: str) -> None:
    assert serious("TQ205", text, lang) == []


# --- TQ201: an opening phrase and a relative clause, with no main clause --------------------

@pytest.mark.parametrize(("lang", "text", "fragment"), [
    ("en", "Rents rise in July.\n\nFor households with two children and a small flat, for whom "
     "the rise will be capped at 3 percent.",
     "For households with two children and a small flat, for whom the rise will be capped at 3 "
     "percent."),
    ("en", "The hall was full. At the meeting in the old town hall, which lasted two hours.",
     "At the meeting in the old town hall, which lasted two hours."),
    ("fr", "Les loyers augmentent. Pour les ménages avec deux enfants, pour qui la hausse sera "
     "plafonnée.", "Pour les ménages avec deux enfants, pour qui la hausse sera plafonnée."),
])
def test_phrase_and_relative_clause_without_main_clause(lang: str, text: str,
                                                        fragment: str) -> None:
    assert [t for t, _ in found("TQ201", text, lang)] == [fragment]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "At the meeting in the town hall, which lasted two hours, the mayor resigned."),
    ("en", "In the village where he grew up, the school closed."),
    ("en", "For the families, who had waited for years, it was a relief."),
    ("en", "The families in the north, who waited for years."),  # no preposition opens it
])
def test_sentences_with_their_main_clause(lang: str, text: str) -> None:
    assert found("TQ201", text, lang) == []


@pytest.mark.parametrize("text", [
    "The lamp itself is super light The colour is warm.",     # a clause: "is"
    "Because later We plan to buy a car.",                    # a subordinator opens it
    "KAZINFORM The president read the letter.",               # a dateline in capitals
    "Things I'm worried about It is a little heavy.",         # a clause: "I'm"
])
def test_runs_that_are_no_heading(text: str) -> None:
    assert found("TQ208", text, "en") == []


def test_glued_heading_mirrors_the_source() -> None:
    findings = api_audit_text("Liquid crystal This one is more beautiful.\n", lang="en",
                              source="液晶 こちらの方がきれいです。\n", source_lang="ja",
                              select="TQ208")
    assert [(f.text, f.severity) for f in findings] == [("Liquid crystal", Severity.INFO)]
    findings = api_audit_text("Liquid crystal This one is more beautiful.\n", lang="en",
                              source="液晶はこちらの方がきれいです。\n", source_lang="ja",
                              select="TQ208")
    assert [(f.text, f.severity) for f in findings] == [("Liquid crystal", Severity.WARNING)]


def test_a_line_ending_on_a_comma_needs_the_source() -> None:
    line = "So, you first use the environment for cruise control and the processing,"
    assert serious("TQ205", line, "en") == []   # a transcript split one clause per line
    two = "Yes, there is one more thing. " + line
    assert found("TQ205", two, "en") == [(line, Severity.INFO)]
    findings = api_audit_text(line + "\n", lang="en", select="TQ205",
                              source="Also verwenden Sie zuerst die Umgebung für den Tempomat.\n",
                              source_lang="de")
    assert [f.severity for f in findings] == [Severity.WARNING]
    findings = api_audit_text(line + "\n", lang="en", select="TQ205",
                              source="Also verwenden Sie zuerst die Umgebung und,\n",
                              source_lang="de")
    assert [f.severity for f in findings] == [Severity.INFO]  # the source ends so too


# --- TQ201: clause openers for languages without a file of their own ---------------------------

@pytest.mark.parametrize(("lang", "text", "fragment"), [
    ("fi", "Vanha silta suljettiin maanantaina aamulla. Koska sen kannattimet olivat ruostuneet pahasti.",
     "Koska sen kannattimet olivat ruostuneet pahasti."),
    ("hu", "A hidat hétfőn lezárták. Mert a tartóoszlopai erősen megrozsdásodtak.",
     "Mert a tartóoszlopai erősen megrozsdásodtak."),
    ("bg", "Мостът беше затворен в понеделник. Защото опорите му бяха силно ръждясали.",
     "Защото опорите му бяха силно ръждясали."),
    ("sv", "Bron stängdes på måndagen efter inspektionen. Vilket innebär långa omvägar för alla.",
     "Vilket innebär långa omvägar för alla."),
])
def test_clause_without_main_clause_in_more_languages(lang: str, text: str,
                                                      fragment: str) -> None:
    assert [t for t, _ in found("TQ201", text, lang)] == [fragment]


@pytest.mark.parametrize(("lang", "text"), [
    ("sv", "Bron stängdes på måndagen efter inspektionen. Om du vill kan du ta färjan i stället."),
    ("fi", "Silta suljettiin maanantaina. Koska kannattimet ruostuivat, silta suljettiin."),
])
def test_leading_clause_with_its_main_clause(lang: str, text: str) -> None:
    assert found("TQ201", text, lang) == []


def test_korean_paragraph_cut_after_a_particle() -> None:
    text = "다리가 폐쇄되었습니다. 운전자들은 매시간 출발하는 여객선과 시내 버스 서비스를"
    assert serious("TQ205", text, "ko") == ["운전자들은 매시간 출발하는 여객선과 시내 버스 서비스를"]
    done = "다리가 폐쇄되었습니다. 운전자들은 매시간 출발하는 여객선을 이용할 수 있습니다"
    assert serious("TQ205", done, "ko") == []
    village = "다리가 폐쇄되었습니다. 운전자들은 매시간 배를 타고 건너편 마을"
    assert serious("TQ205", village, "ko") == []


# --- TQ206: a list of paragraphs, one numbered item each ----------------------------------------

def test_list_of_paragraphs_that_skips_an_item() -> None:
    text = ("Follow these steps.\n\n1. Open the app.\n\n2. Log in with your bank ID.\n\n"
            "4. Check the details and send the form.\n")
    assert [t for t, _ in found("TQ206", text, "en")] == ["4."]
    lines = "1. Open the app.\n2. Log in with your bank ID.\n4. Check the details.\n"
    assert [t for t, _ in found("TQ206", lines, "en")] == ["4."]


@pytest.mark.parametrize("text", [
    "1. Open the app.\n\n2. Log in.\n\n3. Check the details.\n",
    "2. Open the app.\n\n4. Log in.\n",                       # not counted from 1
    "1. Open the app.\n\nThen wait.\n\n3. Check the details.\n",  # not consecutive
    "1. Open the app.\n\n2. Log in.\n\n12. Bundesliga results follow.\n",
])
def test_lists_of_paragraphs_that_skip_nothing(text: str) -> None:
    assert found("TQ206", text, "en") == []


def test_numbered_line_mirrors_the_source() -> None:
    text = "1. Open the app.\n2. Log in.\n4. Check the details.\n"
    source = "1. Öffnen Sie die App.\n2. Melden Sie sich an.\n4. Prüfen Sie die Angaben.\n"
    findings = api_audit_text(text, lang="en", source=source, source_lang="de", select="TQ206")
    assert [(f.text, f.severity) for f in findings] == [("4.", Severity.INFO)]


# --- TQ201: more English openers of split-off phrases and clauses -----------------------------

@pytest.mark.parametrize(("text", "fragment"), [
    ("The mayor opened the new bridge on Monday. Together with his wife and two children.",
     "Together with his wife and two children."),
    ("The rate rose to 4.5 percent in March. According to the central bank of the country.",
     "According to the central bank of the country."),
    ("Police arrested a man in the city centre. Who had stolen three bicycles last week.",
     "Who had stolen three bicycles last week."),
])
def test_more_english_fragments(text: str, fragment: str) -> None:
    assert [t for t, _ in found("TQ201", text, "en")] == [fragment]


@pytest.mark.parametrize("text", [
    "The mayor opened the new bridge on Monday. Who knows what happens next.",
    "The mayor opened the new bridge on Monday. According to the police, it went well.",
    "The mayor opened the new bridge. Thanks to the new rules, traffic fell.",
])
def test_english_sentences_with_these_openers(text: str) -> None:
    assert found("TQ201", text, "en") == []


def test_the_dangling_join_prefilter_holds_every_match_of_the_comma_search() -> None:
    # TQ205 looks for ", which." only where a full stop follows one of the clause words
    # (_stop_after, a search that starts at full stops); every match of the comma search must
    # have one, in every language, in any case, before any closing mark.
    from tqcheck.checks.structure import _clause_words, _comma_tail, _stop_after
    from tqcheck.datapack import builtin_table

    table = builtin_table("truncation.toml")
    langs = {lang for key in ("never_final", "rarely_final") for lang in table.get(key, {})}
    matched = 0
    for lang in sorted(langs):
        words = sorted(_clause_words(lang))
        comma, stop = _comma_tail(frozenset(words)), _stop_after(frozenset(words))
        for before, word in zip([words[-1], *words], words, strict=False):
            for text in (f"Word word word, {word}.", f"Word word, {before} {word}. Next",
                         f"Word, {word.upper()}.\"", f"Word,\n{word}.", f"Word, {word}.»"):
                if comma.search(text):
                    matched += 1
                    assert stop.search(text), (lang, text)
    assert matched > 1000
