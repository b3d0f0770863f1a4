"""Tenth round: structure shapes in every target with data — a paragraph's closing ellipsis after a
modal or auxiliary, noun phrases with a relative clause and no main clause, sentential relatives
with their complement, perfect gerunds, headings run into an instruction, verb tests that no
longer read a noun after a preposition as a verb, and a magnitude's stop after a number.  Each
rule has a must-pass."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.langdata import load_language
from tqcheck.segment import split_spans


def flagged(code: str, text: str, lang: str) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "cut"), [
    ("De nieuwe regeling treedt in werking op 1 januari 2026. Elke gemeente die niet tijdig "
     "rapporteert, kan…", "nl", "Elke gemeente die niet tijdig rapporteert, kan…"),
    ("Ο προϋπολογισμός ανέρχεται σε 4,2 εκατ. ευρώ. Οι δικαιούχοι του προγράμματος θα…", "el",
     "Οι δικαιούχοι του προγράμματος θα…"),
    ("Правило действует с января. Муниципалитеты, которые не отчитаются вовремя, будут…", "ru",
     "Муниципалитеты, которые не отчитаются вовремя, будут…"),
    ("La règle s'applique dès janvier. Les communes en retard de plusieurs mois pourront…",
     "fr", "Les communes en retard de plusieurs mois pourront…"),
])
def test_ellipsis_after_a_modal_or_auxiliary_is_a_cut(text: str, lang: str, cut: str) -> None:
    assert cut in flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # A German or Dutch subordinate clause ends on its verb.
    ("Sie fragte uns, ob wir das können. Wir tun, was wir können…", "de"),
    ("Ze vroeg of we dat konden. We doen wat hij kan…", "nl"),
    # An infinitive ends a German clause: "werden" is no finite "werden" there.
    ("Es dauerte ein wenig, um mit den neuen Kollegen warm zu werden…", "de"),
    # A full verb before the ellipsis: trailing off on purpose.
    ("Правило действует с января. Мы долго ждали и думали…", "ru"),
])
def test_ellipsis_after_a_closed_clause_is_no_cut(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang", "cut"), [
    ("De nieuwe regeling treedt in werking op 1 januari 2026. Elke gemeente die niet tijdig "
     "rapporteert, moet", "nl", "Elke gemeente die niet tijdig rapporteert, moet"),
    ("Правило действует с января следующего года. Муниципалитеты, которые не отчитаются "
     "вовремя, будут", "ru", "Муниципалитеты, которые не отчитаются вовремя, будут"),
    ("La norma se aplica desde enero del año próximo. Los municipios con retraso en sus "
     "informes deberán", "es", "Los municipios con retraso en sus informes deberán"),
])
def test_prose_paragraph_cut_after_a_modal(text: str, lang: str, cut: str) -> None:
    assert cut in flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # A modal ends an elliptical clause after a subordinator.
    ("La règle s'applique dès janvier prochain. Il viendra nous aider dès qu'il peut", "fr"),
    ("Правило действует с января следующего года. Он помогает нам всем, как может", "ru"),
    ("De regel geldt vanaf januari volgend jaar. We doen voor de gemeenten wat we kunnen", "nl"),
    # A copula or "have" is a full verb that ends clauses.
    ("La norma se aplica desde enero del año próximo. Todo seguirá tal como es", "es"),
])
def test_modal_at_the_end_of_a_subordinate_clause_passes(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


def test_english_paragraph_cut_after_who() -> None:
    text = ("The council approved the budget on Monday. The new rules will apply to all residents "
            "who")
    assert flagged("TQ205", text, "en")
    assert not flagged("TQ205", "The council approved the budget on Monday. Guess who.", "en")


@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("The council approved the budget on Monday. The mayor, who had pushed for the increase for "
     "many years.", "en", "The mayor, who had pushed for the increase for many years."),
    ("Совет утвердил бюджет в понедельник. Решение, которое удивило многих наблюдателей.", "ru",
     "Решение, которое удивило многих наблюдателей."),
    ("Der Rat hat den Haushalt am Montag beschlossen. Eine Entscheidung, die viele Beobachter "
     "überraschte.", "de", "Eine Entscheidung, die viele Beobachter überraschte."),
    ("Le conseil a approuvé le budget lundi. Une décision qui a surpris de nombreux "
     "observateurs.", "fr", "Une décision qui a surpris de nombreux observateurs."),
    ("El consejo aprobó el presupuesto el lunes. Una decisión que sorprendió a muchos "
     "observadores.", "es", "Una decisión que sorprendió a muchos observadores."),
    ("El consejo aprobó el presupuesto el lunes. El alcalde, quien había impulsado el aumento "
     "durante años.", "es", "El alcalde, quien había impulsado el aumento durante años."),
])
def test_noun_phrase_and_relative_clause_without_main_clause(text: str, lang: str,
                                                             fragment: str) -> None:
    assert fragment in flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # The relative clause is closed and the main clause follows.
    ("The council approved the budget on Monday. His wife, who works at the hospital, was "
     "there.", "en"),
    ("Le conseil a approuvé le budget lundi. Le maire, qui a longtemps défendu le projet, a salué "
     "le vote.", "fr"),
    # A clause before the comma: the relative word goes on from it.
    ("The council approved the budget on Monday. It rained all day, which was unfortunate.",
     "en"),
    # Two verbs: the main clause follows the relative clause.
    ("Le conseil a approuvé le budget lundi. Un homme qui passait par là a appelé la police.",
     "fr"),
    ("El consejo aprobó el presupuesto el lunes. Un hombre que pasaba por allí llamó a la "
     "policía.", "es"),
    # English reads no sentence without its comma: its verb test misses "died".
    ("The council approved the budget on Monday. A man who was injured in the crash died on "
     "Sunday.", "en"),
    # A verb the English test misses before "which"; a German verb read as an adjective.
    ("The prices of spirits rose sharply. The same applies to vodka, which is widespread.",
     "en"),
    ("Der Vorfall wurde gefilmt und geteilt. Das Video zeigte Mädchen, die einen Drink warfen.",
     "de"),
    # A German demonstrative and its verb, or a pronoun, open a main clause.
    ("Das war wirklich eine sehr gute Idee. Die Firma, das ist unser ganzer Stolz.", "de"),
    ("Das war wirklich eine sehr gute Idee. Ah, das ist also ein Teilversuch.", "de"),
])
def test_relative_clause_with_its_main_clause_passes(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("Le conseil a approuvé le budget lundi. Ce qui signifie que les impôts augmenteront.", "fr",
     "Ce qui signifie que les impôts augmenteront."),
    ("El consejo aprobó el presupuesto el lunes. Lo que significa que los impuestos subirán.",
     "es", "Lo que significa que los impuestos subirán."),
    ("Der Rat hat den Haushalt am Montag beschlossen. Was bedeutet, dass die Steuern steigen.",
     "de", "Was bedeutet, dass die Steuern steigen."),
    ("وافق المجلس على الميزانية يوم الاثنين. مما يعني ارتفاع الضرائب في العام المقبل.", "ar",
     "مما يعني ارتفاع الضرائب في العام المقبل."),
])
def test_sentential_relative_with_its_complement(text: str, lang: str, fragment: str) -> None:
    assert fragment in flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # A pseudo-cleft: the relative is the subject of the main clause after its comma.
    ("Le conseil a approuvé le budget lundi. Ce qui signifie quelque chose, c'est le vote.", "fr"),
    ("Der Rat hat den Haushalt am Montag beschlossen. Was das bedeutet, ist noch unklar.", "de"),
    ("Le conseil a approuvé le budget lundi. Ce qui compte est la qualité des écoles.", "fr"),
])
def test_pseudo_cleft_passes(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


def test_perfect_gerund_phrase() -> None:
    text = ("The council approved the budget on Monday. Having reviewed the figures from the "
            "previous budget.")
    assert flagged("TQ201", text, "en")
    fr = "Le conseil a approuvé le budget lundi. Ayant examiné les chiffres des trois années."
    assert flagged("TQ201", fr, "fr")
    for fine in ("The council approved the budget on Monday. Having reviewed the figures the "
                 "mayor signed it.",
                 "The council approved the budget on Monday. Having children changes everything "
                 "for the family."):
        assert not flagged("TQ201", fine, "en")


@pytest.mark.parametrize(("text", "lang"), [
    # A noun after a preposition or determiner is no verb by its ending ("norte", "objections").
    ("El consejo aprobó el presupuesto el lunes. Especialmente en los barrios del norte de la "
     "ciudad.", "es"),
    ("Le conseil a approuvé le budget lundi. Malgré les fortes objections des partis "
     "d'opposition.", "fr"),
    ("O conselho aprovou o orçamento na segunda-feira. Apesar das fortes objeções da oposição.",
     "pt"),
])
def test_verb_test_reads_no_noun_as_verb(text: str, lang: str) -> None:
    assert flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("El consejo aprobó el presupuesto el lunes. En el futuro habrá un gran terremoto.", "es"),
    ("Совет утвердил бюджет в понедельник. Для всех студентов вход свободный.", "ru"),
    ("Le conseil a approuvé le budget lundi. Avec ces mesures les communes gagnent du temps.",
     "fr"),
])
def test_verb_test_still_finds_the_verb(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang", "heading"), [
    ("The app is free of charge. Installation Download the file from our website and run it.",
     "en", "Installation"),
    ("Den som deklarerar före den 31 mars får sin återbäring i april. Så här gör du Logga in med "
     "BankID och granska uppgifterna.", "sv", "Så här gör du"),
    ("Приложение бесплатное. Установка Скачайте файл с нашего сайта и запустите его.", "ru",
     "Установка"),
])
def test_heading_run_into_an_instruction(text: str, lang: str, heading: str) -> None:
    assert heading in flagged("TQ208", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("The app is free of charge. Getting started Click the button in the top right corner.",
     "en"),  # a verb in the run: a clause ("started"), not a heading
    ("Last night I watched Enter the Dragon with my brother.", "en"),
    ("He said that you should download the file first.", "en"),
])
def test_instruction_words_inside_a_sentence_pass(text: str, lang: str) -> None:
    assert not flagged("TQ208", text, lang)


def test_magnitude_after_a_number_ends_no_sentence() -> None:
    data = load_language("el")
    text = "Ο προϋπολογισμός ανέρχεται σε 4,2 εκατ. ευρώ. Οι δικαιούχοι είναι πολλοί."
    assert [text[a:b] for a, b in split_spans(text, data)] == [
        "Ο προϋπολογισμός ανέρχεται σε 4,2 εκατ. ευρώ.", "Οι δικαιούχοι είναι πολλοί."]
    en = "We met at 5 pm. the talks ended."
    assert len(split_spans(en, load_language("en"))) == 2  # a clock time ends the sentence
    # A currency or unit written out ends it too: "analysts" starts in lowercase.
    assert flagged("TQ203", "The price starts from 5999 yuan. analysts believe it will sell.",
                   "en")
    assert not flagged("TQ203", "Ο προϋπολογισμός ανέρχεται σε 4,2 εκατ. ευρώ συνολικά.", "el")


@pytest.mark.parametrize(("text", "lang"), [
    ("יש להגיש את הבקשות למענק עד מרץ באמצעות אתר משרד הכלכלה. מסמכים נדרשים צילום תעודת זהות "
     "אישור ניהול חשבון דוח רווח והפסד", "he"),
    ("Se il log-in non riesce, ripristina le impostazioni di fabbrica. Passaggi scarica il file "
     "carica il file riavvia il dispositivo", "it"),
])
def test_verbless_run_at_a_prose_paragraph_end(text: str, lang: str) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ205",)))
    assert [f.severity.value for f in report.findings] == ["info"]


@pytest.mark.parametrize(("text", "lang"), [
    # A verb (German "ist" among the function words), a comma, or a short line: no run.
    ("Das ist ein sehr schöner Rock. Die Flagge ist auch ein tolles Extra", "de"),
    ("On the way home. The applause sounds strange. Or was it pleasant for us", "en"),
    ("Das ist ein sehr schöner Rock. Die Farbe, das Muster und der Stoff", "de"),
    ("Was für ein Tag. Danke an alle", "de"),
    # English reads no run: its verb test misses "like".
    ("The lessons are held in the old library. I like to study Czech in this room", "en"),
])
def test_prose_end_with_a_verb_or_marks_passes(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang", "flag"), [
    ("وافق المجلس على الميزانية يوم الاثنين. خاصة في الأحياء الشمالية من المدينة.", "ar", True),
    ("شورا بودجه را روز دوشنبه تصویب کرد. به ویژه در محله‌های شمالی شهر.", "fa", True),
    # "خاصة أن …" opens a clause; a Persian sentence with its verb last is whole.
    ("وافق المجلس على الميزانية يوم الاثنين. خاصة أن الوضع المالي صعب للغاية.", "ar", False),
    ("شورا بودجه را روز دوشنبه تصویب کرد. به ویژه در شمال شهر وضعیت بد است.", "fa", False),
])
def test_focusing_adverb_phrase(text: str, lang: str, flag: bool) -> None:
    assert bool(flagged("TQ201", text, lang)) is flag


@pytest.mark.parametrize(("text", "lang", "severity"), [
    ("Совет утвердил бюджет в понедельник. Министр заявил, что", "ru", "warning"),
    ("Der Rat hat den Haushalt am Montag beschlossen. Der Minister sagte, dass", "de", "warning"),
    ("Le conseil a approuvé le budget lundi. Le ministre a déclaré que", "fr", "warning"),
    ("The council approved the budget on Monday. The minister said that", "en", "info"),
])
def test_paragraph_cut_after_a_complementizer(text: str, lang: str, severity: str) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ205",)))
    assert [f.severity.value for f in report.findings] == [severity]


@pytest.mark.parametrize(("text", "lang"), [
    ("Совет утвердил бюджет в понедельник. Вот что", "ru"),  # no comma, no speech verb
    ("The council approved the budget on Monday. I would never do that", "en"),
    ("The council approved the budget on Monday. The minister said that.", "en"),
])
def test_complementizer_that_ends_a_sentence_passes(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


def test_japanese_paragraph_cut_after_genitive_no() -> None:
    assert flagged("TQ205", "委員会は月曜日に予算を承認した。大臣は、政府が追加の", "ja")
    assert not flagged("TQ205", "委員会は月曜日に予算を承認した。どうしてそこに行くの", "ja")
