"""Round 14: structure, language and residue artifacts in every target language (issue 14):
interface text of MT services, translator's notes, bracketed ellipses and emoji shortcodes."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def found(code: str, text: str, lang: str = "en", source: str | None = None
          ) -> dict[str, str]:
    report = audit_text(text, AuditOptions(lang=lang, source_lang=source, select=(code,)))
    return {f.text: f.severity.value for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The exhibition runs until March.\nShow original", "en", "Show original"),
    ("The company hired 300 workers. Rate this translation", "en", "Rate this translation"),
    ("L'exposition dure jusqu'en mars. Voir l'original L'entrée est gratuite.", "fr",
     "Voir l'original"),
    ("Die Ausstellung läuft bis März. Original anzeigen Der Eintritt ist frei.", "de",
     "Original anzeigen"),
    ("La exposición dura hasta marzo.\nMostrar original\nLa entrada es gratuita.", "es",
     "Mostrar original"),
    ("Выставка продлится до марта. Показать оригинал", "ru", "Показать оригинал"),
    ("Wystawa potrwa do marca. Pokaż oryginał", "pl", "Pokaż oryginał"),
    ("展览将持续到三月。\n显示原文", "zh", "显示原文"),
])
def test_interface_text_of_a_service(text: str, lang: str, expected: str) -> None:
    assert found("TQ407", text, lang) == {expected: "error"}


@pytest.mark.parametrize(("text", "lang"), [
    # The same words inside a sentence, or as a string of an interface described in prose.
    ("Click Show original to see the text in its own language.", "en"),
    ("Il suffit de cliquer sur « Voir l'original » pour lire le texte.", "fr"),
    ("Pulsa en mostrar original para ver el texto.", "es"),
    ("The archive was machine translated by volunteers in 2010.", "en"),
])
def test_interface_words_in_prose_pass(text: str, lang: str) -> None:
    assert found("TQ407", text, lang) == {}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # A note of one service is read for the other too.
    ("Совет одобрил план. Переведено с помощью Google Работы начнутся весной.", "ru",
     "Переведено с помощью Google"),
    ("Il consiglio ha approvato il piano. Tradotto da Google I lavori inizieranno.", "it",
     "Tradotto da Google"),
    ("The council approved the plan. Translated by Google The work begins in spring.", "en",
     "Translated by Google"),
])
def test_service_note_run_into_the_next_sentence(text: str, lang: str, expected: str) -> None:
    assert found("TQ407", text, lang) == {expected: "error"}


def test_service_note_inside_a_sentence_passes() -> None:
    assert found("TQ407", "The reviews, translated by Google in 2015, were read by few.") == {}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The minister spoke about the reform (translator's note: the law of 2019) and its results.",
     "en", "(translator's note: the law of 2019)"),
    ("El ministro habló de la reforma (N. del T.: la ley de 2019) y de sus resultados.", "es",
     "(N. del T.: la ley de 2019)"),
    ("Der Minister sprach über die Reform (Anm. d. Übers.: das Gesetz von 2019).", "de",
     "(Anm. d. Übers.: das Gesetz von 2019)"),
    ("Министр рассказал о реформе (прим. пер.: закон 2019 года) и её итогах.", "ru",
     "(прим. пер.: закон 2019 года)"),
    ("部长谈到了改革（译注：2019年的法律）及其成果。", "zh", "（译注：2019年的法律）"),
])
def test_translator_notes(text: str, lang: str, expected: str) -> None:
    assert found("TQ407", text, lang) == {expected: "warning"}


@pytest.mark.parametrize(("text", "lang"), [
    ("The translator noted that the law of 2019 (the one on pensions) had changed.", "en"),
    ("Der Übersetzer (geboren 1950) lebt in Wien.", "de"),
    ("La nota del traductor aparece al final del libro.", "es"),
])
def test_translator_words_in_prose_pass(text: str, lang: str) -> None:
    assert found("TQ407", text, lang) == {}


def test_bracketed_ellipsis_in_running_text() -> None:
    text = "The project costs 3 million euros [...] and will be finished next year."
    assert found("TQ407", text) == {"[...]": "warning"}


@pytest.mark.parametrize(("text", "lang"), [
    # An omission inside a quotation is the editor's mark.
    ('He said: "The plan [...] will work."', "en"),
    ("Il a déclaré : « Le projet […] sera achevé. »", "fr"),
    ("Er sagte: „Der Plan […] wird gelingen.“", "de"),
])
def test_bracketed_ellipsis_in_a_quotation_passes(text: str, lang: str) -> None:
    assert found("TQ407", text, lang) == {}


@pytest.mark.parametrize(("text", "lang", "source", "expected"), [
    # Without the source text in view a forum post may hold them: info.
    ("The team celebrated the victory :tada: with the fans.", "en", "es", "info"),
    ("Die Mannschaft feierte den Sieg :thumbs_up: mit den Fans.", "de", "en", "info"),
    ("The team celebrated the victory :tada: with the fans.", "en", None, "info"),
])
def test_emoji_shortcodes(text: str, lang: str, source: str | None, expected: str) -> None:
    shortcode = next(w for w in text.split() if w.startswith(":"))
    assert found("TQ409", text, lang, source) == {shortcode: expected}


@pytest.mark.parametrize("text", [
    "The meeting starts at 10:30: be on time.",
    "Ratio 3:1: the result holds.",
    "Options:red:blue are not valid names.",
    "See section a:b for the details.",
])
def test_colons_in_prose_pass(text: str) -> None:
    assert found("TQ409", text, "en", "de") == {}


@pytest.mark.parametrize(("text", "lang"), [
    # A phrase opener of three words leaves the phrase its full length.
    ("El proyecto fue aprobado por una amplia mayoría. A pesar de las objeciones de los partidos "
     "de la oposición. El presidente aún debe firmarlo.", "es"),
    # A past participle with its agent after its noun is no finite verb.
    ("The mayor closed the park for two weeks. Because of the damage caused by the storm last "
     "weekend. It will reopen on Friday.", "en"),
])
def test_fragments(text: str, lang: str) -> None:
    assert list(found("TQ201", text, lang).values()) == ["info"]


@pytest.mark.parametrize(("text", "lang"), [
    ("The mayor closed the park for two weeks. From here we walked by the lake to the old "
     "harbour.", "en"),
    ("El proyecto fue aprobado por una amplia mayoría. A pesar de las objeciones, el presidente "
     "lo firmará.", "es"),
])
def test_fragment_counterexamples_pass(text: str, lang: str) -> None:
    assert found("TQ201", text, lang) == {}


def test_sentence_cut_after_a_compound_preposition() -> None:
    text = "Exports rose in the third quarter. Analysts expect growth to slow because of."
    assert found("TQ205", text) == {"Analysts expect growth to slow because of.": "warning"}


@pytest.mark.parametrize("text", [
    "Nobody knew what the new material was made of.",
    "It is the kind of future that we had always dreamed of.",
])
def test_stranded_of_passes(text: str) -> None:
    assert found("TQ205", text) == {}


@pytest.mark.parametrize(("text", "lang", "cut"), [
    ("La empresa anunció que suprimirá 500 empleos. La decisión se tomó después de la reunión "
     "del consejo y.", "es", "La decisión se tomó después de la reunión del consejo y."),
    ("L'azienda ha annunciato il taglio di 500 posti. La decisione è stata presa dopo la "
     "riunione del consiglio e.", "it",
     "La decisione è stata presa dopo la riunione del consiglio e."),
    ("A empresa anunciou o corte de 500 empregos. A decisão foi tomada após a reunião do "
     "conselho e.", "pt", "A decisão foi tomada após a reunião do conselho e."),
    ("Компания объявила о сокращении 500 рабочих мест. Решение было принято после заседания "
     "совета директоров и.", "ru", "Решение было принято после заседания совета директоров и."),
])
def test_sentence_cut_after_a_conjunction_of_one_letter(text: str, lang: str, cut: str) -> None:
    assert found("TQ205", text, lang) == {cut: "warning"}


@pytest.mark.parametrize(("text", "lang"), [
    # A letter that labels an item, a vitamin or a group.
    ("La solicitud debe presentarse según lo previsto en la letra y.", "es"),
    ("Gli agrumi contengono molta vitamina e anche fibre, soprattutto la vitamina e.", "it"),
    ("Заявление подаётся в порядке, предусмотренном в пункте 3, подпункт и.", "ru"),
    ("Los campos marcados son a, b, c, x e y.", "es"),
    # A preposition of one letter is no conjunction: an elliptic label, as in its source
    # ("and ‘B<=>’ for equal to.", a shipped dpkg manual page).
    ("Voici les relations acceptées : « B<E<gt>E<gt>> » pour supérieur à, « B<E<lt>=> » pour "
     "inférieur ou égal, et « B<=> » pour égal à.", "fr"),
])
def test_letter_labels_pass(text: str, lang: str) -> None:
    assert found("TQ205", text, lang) == {}


@pytest.mark.parametrize(("text", "lang"), [
    ("Il governo ha presentato il bilancio martedì. Sottolineando la necessità di ridurre il "
     "deficit pubblico. Il dibattito inizierà a ottobre.", "it"),
    ("Правительство представило бюджет во вторник. Подчеркнув необходимость сокращения "
     "дефицита. Обсуждение начнётся в октябре.", "ru"),
])
def test_participial_phrases_with_abstract_nouns(text: str, lang: str) -> None:
    assert list(found("TQ201", text, lang).values()) == ["info"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Il governo ha presentato il bilancio martedì. Sottolineando la necessità, il ministro "
     "ha chiesto pazienza.", "it"),
    ("Правительство представило бюджет во вторник. Подчеркнув необходимость реформ, министр "
     "попросил терпения.", "ru"),
])
def test_participial_openers_of_a_main_clause_pass(text: str, lang: str) -> None:
    assert found("TQ201", text, lang) == {}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The city was founded in 1203.[citation needed] It has 40,000 inhabitants.", "en",
     "[citation needed]"),
    ("History[edit]\nThe city was founded in 1203.", "en", "[edit]"),
    ("Histoire[modifier | modifier le code]\nLa ville fut fondée en 1203.", "fr",
     "[modifier | modifier le code]"),
    ("Город основан в 1203 году.[источник не указан 123 дня] В нём живёт 40 тысяч человек.",
     "ru", "[источник не указан 123 дня]"),
])
def test_wiki_marks(text: str, lang: str, expected: str) -> None:
    assert found("TQ409", text, lang) == {expected: "warning"}


@pytest.mark.parametrize("text", [
    "Press [Edit] to change the entry.",
    "Choose File[Edit] in the menu and save.",
    "The label [edit] appears next to each heading.",
])
def test_wiki_words_in_prose_pass(text: str) -> None:
    assert found("TQ409", text) == {}


def test_markdown_heading() -> None:
    text = "## Background\nThe city was founded in 1203 by monks."
    assert found("TQ409", text) == {"## ": "info"}


@pytest.mark.parametrize("text", ["#1 priority for the city.\nThe rest.",
                                  "# 3 of the list\nThe rest.", "#MeToo spread fast."])
def test_hash_lines_pass(text: str) -> None:
    assert found("TQ409", text) == {}


def test_translator_note_in_a_translation_file_is_info() -> None:
    """A translator of a shipped catalogue writes a note on purpose (dpkg's French manual pages:
    "(NdT : …)"): info there, a warning in prose."""
    import tqcheck

    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
          'msgid "This option is not recommended."\n'
          'msgstr "Cette option est déconseillée (NdT : à vos risques et périls)."\n')
    got = {f.text: f.severity.value
           for f in tqcheck.audit_text(po, lang="fr", format="po", select=("TQ407",))}
    assert got == {"(NdT : à vos risques et périls)": "info"}
    assert found("TQ407", "Cette option est déconseillée (NdT : à vos risques et périls).",
                 "fr") == {"(NdT : à vos risques et périls)": "warning"}
