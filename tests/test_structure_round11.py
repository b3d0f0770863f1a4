"""Eleventh round: structure and residue shapes in every target with data — a paragraph's last
sentence that is a noun and a relative clause, or a modal without its verb; purpose clauses
alone; verb tests that no longer read Dutch "zijn" after a preposition or a Turkish plural noun
as verbs; no fragment check on strings of translation files; prompts of pages in scripts without
spaces; notes of MT services.  Each rule has a must-pass."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def found(code: str, text: str, lang: str) -> dict[str, str]:
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return {f.text: f.severity.value for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "cut"), [
    ("The new rules take effect in January. Applicants who have not submitted their documents",
     "en", "Applicants who have not submitted their documents"),
    ("Die Regelung tritt im Januar in Kraft. Antragsteller, die ihre Unterlagen nicht "
     "eingereicht haben…", "de", "Antragsteller, die ihre Unterlagen nicht eingereicht haben…"),
    ("La règle entre en vigueur en janvier. Les demandeurs qui n'ont pas encore envoyé leurs "
     "documents", "fr", "Les demandeurs qui n'ont pas encore envoyé leurs documents"),
    ("La norma entra en vigor en enero. Los solicitantes que no hayan presentado sus documentos…",
     "es", "Los solicitantes que no hayan presentado sus documentos…"),
    ("Новые правила вступают в силу в январе. Заявители, которые не представили документы",
     "ru", "Заявители, которые не представили документы"),
    ("Nowe przepisy wchodzą w życie w styczniu. Wnioskodawcy, którzy nie złożyli dokumentów…",
     "pl", "Wnioskodawcy, którzy nie złożyli dokumentów…"),
    ("تدخل القواعد الجديدة حيز التنفيذ في يناير. المتقدمون الذين لم يقدموا وثائقهم", "ar",
     "المتقدمون الذين لم يقدموا وثائقهم"),
])
def test_a_noun_and_its_relative_clause_left_without_the_main_clause(text: str, lang: str,
                                                                     cut: str) -> None:
    assert found("TQ205", text, lang) == {cut: "info"}


@pytest.mark.parametrize(("text", "lang"), [
    # A main clause after the relative clause: its second comma, or a second verb.
    ("Die Regelung tritt im Januar in Kraft. Antragsteller, die nichts eingereicht haben, "
     "warten…", "de"),
    ("The new rules take effect in January. Applicants who came early waited for hours…", "en"),
    # A list, not a relative clause: no verb after the article-like word.
    ("Das ist ein sehr schöner Rock. Die Farbe, das Muster und der Stoff", "de"),
    # A pronoun opens a main clause.
    ("The rules take effect in January. We will do what we can…", "en"),
    # A full stop ends the paragraph: TQ201's business, not a cut.
    ("Новые правила вступают в силу в январе. Заявители, которые не представили документы, "
     "получат отказ.", "ru"),
])
def test_complete_sentences_with_a_relative_clause_are_no_cut(text: str, lang: str) -> None:
    assert not found("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang", "cut"), [
    ("Žádosti lze podávat do konce března. Bez tohoto dokladu nelze žádost", "cs",
     "Bez tohoto dokladu nelze žádost"),
    ("Новые правила вступают в силу в январе. Без этого документа нельзя заявление…", "ru",
     "Без этого документа нельзя заявление…"),
    ("La norma entra en vigor en enero. Sin este documento no se puede la solicitud", "es",
     "Sin este documento no se puede la solicitud"),
    ("De nieuwe regeling treedt in werking op 1 januari 2026. Gemeenten die niet tijdig "
     "rapporteren, kunnen", "nl", "Gemeenten die niet tijdig rapporteren, kunnen"),
    ("Die Regelung tritt im Januar in Kraft. Gemeinden, die nicht rechtzeitig berichten, "
     "können…", "de", "Gemeinden, die nicht rechtzeitig berichten, können…"),
])
def test_a_modal_that_lost_its_verb(text: str, lang: str, cut: str) -> None:
    assert found("TQ205", text, lang) == {cut: "info"}


@pytest.mark.parametrize(("text", "lang"), [
    # The infinitive is there, or the modal ends a clause with a subordinator or comparison.
    ("Nowe przepisy wchodzą w życie w styczniu. Zrobimy wszystko, co można zrobić…", "pl"),
    ("La norma entra en vigor en enero. Nadie sabe si se puede…", "es"),
    ("Новые правила вступают в силу в январе. Сделаем, что сможем, как только сможем…", "ru"),
    ("Nová pravidla platí od ledna. Uděláme, co se dá, jak nejlépe to půjde a jak to jen lze…",
     "cs"),
    # German: a modal alone after a comma only; "was wir können" ends on its verb.
    ("Die Regelung tritt im Januar in Kraft. Ob es klappt, wissen wir nicht, aber wir tun, was "
     "wir können…", "de"),
])
def test_modals_with_their_verb_or_in_elliptical_clauses_pass(text: str, lang: str) -> None:
    assert not found("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("Der Minister spielte die erwarteten Ergebnisse der Gespräche herunter. Um keine falschen "
     "Hoffnungen zu wecken.", "de", "Um keine falschen Hoffnungen zu wecken."),
    ("De minister bagatelliseerde de verwachte resultaten van de gesprekken. Om geen valse hoop "
     "te wekken.", "nl", "Om geen valse hoop te wekken."),
    ("De minister bagatelliseerde de verwachte resultaten van de gesprekken. Na zijn ontmoeting "
     "met de minister van Buitenlandse Zaken.", "nl",
     "Na zijn ontmoeting met de minister van Buitenlandse Zaken."),
    ("Bakan, görüşmelerin beklenen sonuçlarını küçümsedi. Yanlış umutlar yaratmamak için.", "tr",
     "Yanlış umutlar yaratmamak için."),
])
def test_purpose_clauses_and_phrases_split_off(text: str, lang: str, fragment: str) -> None:
    assert found("TQ201", text, lang) == {fragment: "info"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Der Minister spielte die Ergebnisse herunter. Um 10 Uhr war nichts mehr zu sehen.", "de"),
    ("De minister bagatelliseerde de resultaten. Om die reden valt er weinig te zeggen.", "nl"),
    ("De minister bagatelliseerde de resultaten. Na zijn ontmoeting zijn de gesprekken "
     "hervat.", "nl"),
    ("Bakan sonuçları küçümsedi. Bakanlar toplantıdan sonra açıklama yaptılar.", "tr"),
])
def test_sentences_with_their_verb_are_no_fragment(text: str, lang: str) -> None:
    assert not found("TQ201", text, lang)


def test_strings_of_translation_files_are_no_fragments() -> None:
    # A UI description (partdb's French XLIFF): its verbless second sentence is its style.
    import tqcheck

    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: fr\\n"\n\n'
          'msgid "If enabled, every member must set up a second factor. Recommended for admin '
          'groups with many permissions."\n'
          'msgstr "Si cette option est activée, chaque membre doit configurer un deuxième facteur. '
          'Recommandé pour les groupes administratifs ayant beaucoup de permissions."\n')
    assert not list(tqcheck.audit_text(po, lang="fr", format="po", select=("TQ201",)))
    prose = ("Si cette option est activée, chaque membre doit configurer un deuxième facteur. "
             "Après sa rencontre avec le ministre des Affaires étrangères.")
    assert found("TQ201", prose, "fr")


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("理事会周一批准了预算。订阅我们的新闻通讯，获取最新消息。", "zh", "订阅我们的新闻通讯，获取最新消息。"),
    ("The council approved the budget on Monday. Click here to read the full report.", "en",
     "Click here to read the full report."),
    ("Совет утвердил бюджет в понедельник. Подпишитесь на нашу рассылку, чтобы получать "
     "последние новости.", "ru",
     "Подпишитесь на нашу рассылку, чтобы получать последние новости."),
    ("Il consiglio ha approvato il bilancio. Clicca qui per leggere il rapporto completo.", "it",
     "Clicca qui per leggere il rapporto completo."),
])
def test_page_prompts(text: str, lang: str, expected: str) -> None:
    assert found("TQ412", text, lang) == {expected: "info"}


@pytest.mark.parametrize(("text", "lang"), [
    ("他们一直关注我们的工作。", "zh"),
    ("The guide explains where to click here and there to read the report.", "en"),
    ("If you click here to read the report, the page opens.", "en"),
])
def test_prompts_inside_a_sentence_pass(text: str, lang: str) -> None:
    assert not found("TQ412", text, lang)


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Great place, friendly staff. (Translated by Google)", "en", "(Translated by Google)"),
    ("The council approved the budget.\n\nTranslated with www.DeepL.com/Translator (free version)",
     "en", "Translated with www.DeepL.com/Translator (free version)"),
    ("Отличное место. (Переведено Google)", "ru", "(Переведено Google)"),
    ("Der Rat hat den Haushalt beschlossen. Übersetzt mit DeepL.com/Translator (kostenlose "
     "Version)", "de", "Übersetzt mit DeepL.com/Translator (kostenlose Version)"),
])
def test_notes_of_mt_services(text: str, lang: str, expected: str) -> None:
    assert found("TQ407", text, lang) == {expected: "error"}


@pytest.mark.parametrize("text", [
    "The novel was translated by Google's own engineers in a week.",
    "We compared texts translated by Google Translate and by DeepL in the study.",
])
def test_services_named_in_prose_pass(text: str) -> None:
    assert not found("TQ407", text, "en")


@pytest.mark.parametrize(("text", "lang", "tail"), [
    ("„Das Treffen wird den Weg ebnen.“ dauerhafte Waffenruhe.", "de", "dauerhafte Waffenruhe."),
    ("« La réunion ouvrira la voie. » cessez-le-feu permanent.", "fr", "cessez-le-feu permanent."),
])
def test_text_after_a_closing_quote_of_other_conventions(text: str, lang: str, tail: str) -> None:
    assert found("TQ204", text, lang) == {tail: "warning"}


@pytest.mark.parametrize(("text", "lang"), [
    ("« La réunion ouvrira la voie. » ajoute-t-il.", "fr"),
    ("« La réunion ouvrira la voie. » explique-t-elle lors de la conférence.", "fr"),
    ("„Das Treffen wird den Weg ebnen.“ erklärte sie am Montag.", "de"),
    # In English “ opens a quotation.
    ("The minister spoke first.“ and then the talks began,” she recalled.", "en"),
])
def test_attributions_and_opening_quotes_pass(text: str, lang: str) -> None:
    assert not found("TQ204", text, lang)


def test_a_list_run_into_spanish_prose_after_its_heading() -> None:
    # "necesaria", "justificante" (adjectives) and "NIE" (an acronym) are no verbs.
    text = ("Estimado solicitante, le informamos de que su expediente ha sido registrado. "
            "Documentación necesaria DNI o NIE certificado de empadronamiento justificante de "
            "ingresos")
    assert found("TQ205", text, "es") == {
        "Documentación necesaria DNI o NIE certificado de empadronamiento justificante de "
        "ingresos": "info"}


def test_a_spanish_sentence_with_its_verb_ends_unpunctuated_without_finding() -> None:
    text = ("Estimado solicitante, le informamos de que su expediente ha sido registrado. "
            "La documentación necesaria llega normalmente en pocos días hábiles")
    assert not found("TQ205", text, "es")


@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("部长淡化了会谈的预期结果。因为谈判已经停滞了好几个月。", "zh", "因为谈判已经停滞了好几个月。"),
    ("大臣は会談の予想される結果を軽視した。交渉が数か月間停滞しているため。", "ja",
     "交渉が数か月間停滞しているため。"),
])
def test_subordinate_clauses_alone_in_chinese_and_japanese(text: str, lang: str,
                                                           fragment: str) -> None:
    assert found("TQ201", text, lang) == {fragment: "info"}


@pytest.mark.parametrize(("text", "lang"), [
    ("部长淡化了会谈的预期结果。因为他病了所以没来。", "zh"),
    ("部长淡化了会谈的预期结果。虽然谈判停滞了，双方仍保持联系。", "zh"),
    ("大臣は会談の結果を軽視した。時間がないので。", "ja"),
    ("大臣は会談の結果を軽視した。そのため交渉は続く。", "ja"),
])
def test_whole_chinese_and_japanese_sentences_pass(text: str, lang: str) -> None:
    assert not found("TQ201", text, lang)


@pytest.mark.parametrize(("text", "expected"), [
    ("The council approved the budget on Monday.\n\nShare this: Facebook Twitter Email",
     "Share this: Facebook Twitter Email"),
])
def test_toolbars_that_name_the_article(text: str, expected: str) -> None:
    assert found("TQ412", text, "en") == {expected: "warning"}


@pytest.mark.parametrize("text", ["The talks ended.\n\nThis article", "The talks ended.\n\nPage 2"])
def test_words_of_a_toolbar_alone_pass(text: str) -> None:
    assert not found("TQ412", text, "en")



def test_a_relative_clause_of_verb_group_words_alone_is_read_without_error() -> None:
    # Every word after the relative one is inside a verb group ("noch", "nicht"): no word left
    # to test for a capital (this raised IndexError); the noun and its clause are cut off.
    text = "Das Gesamtbudget beträgt 4,2 Millionen Euro. Die Begünstigten, die noch nicht…"
    assert found("TQ205", text, "de") == {"Die Begünstigten, die noch nicht…": "info"}
