"""Structure, language, consistency and punctuation mechanisms for more targets (issue 14, sixth
round): phrase fragments before the sentence they belong to and standing as paragraphs, Arabic,
Persian and Hebrew phrase fragments, temporal subordinators, an article after a preposition
before the full stop, a unit symbol ending a sentence, comma groups after a German noun, a space
before Arabic punctuation, source words told by letters of the source's alphabet, vowel
variants of names romanized from Persian or Arabic, and French and Italian elision.  Every rule
has must-pass examples written for it; none comes from the corpus's held-out or blind text."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def flagged(code: str, text: str, lang: str, source_lang: str | None = None) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, source_lang=source_lang, select=(code,)))
    return {f.text for f in report.findings}


# --- TQ201: a phrase before the sentence it belongs to, or as a paragraph of its own -----------

@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("Po zakończeniu rozmów w stolicy Belgii. Minister powiedział, że porozumienie jest blisko.",
     "pl", "Po zakończeniu rozmów w stolicy Belgii."),
    ("Nach dem langen Treffen mit den Gewerkschaften. Der Minister sprach von Fortschritten.", "de",
     "Nach dem langen Treffen mit den Gewerkschaften."),
    ("During the second round of the talks in Geneva. The delegations agreed on a new timetable.",
     "en", "During the second round of the talks in Geneva."),
])
def test_phrase_split_off_the_sentence_after_it(text: str, lang: str, fragment: str) -> None:
    assert fragment in flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # A sentence with its verb, an idiom of three words, a comma after the phrase.
    ("During the talks the delegations agreed on a timetable. They will meet again in May.", "en"),
    ("In the end. The delegations agreed on a new timetable for the talks.", "en"),
    ("Po powrocie z Brukseli, minister powiedział, że porozumienie jest blisko. Rozmowy trwają.",
     "pl"),
    ("Nach dem Treffen sprach der Minister von Fortschritten. Die Gespräche gehen weiter.", "de"),
])
def test_a_whole_first_sentence_is_no_leading_fragment(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


def test_a_phrase_standing_as_a_paragraph() -> None:
    text = ("The ministry closed the schools in the north on Monday.\n\n"
            "For the safety of the pupils and their teachers.\n\n"
            "The schools will open again next week.")
    assert flagged("TQ201", text, "en") == {"For the safety of the pupils and their teachers."}


@pytest.mark.parametrize("paragraph", [
    "For more information, see the manual.",      # a comma: an introductory phrase
    "In the meantime.",                           # three words: an idiom
    "With the new rules the ministry changed the exams.",  # its verb ("changed")
])
def test_paragraphs_that_are_no_lone_phrase(paragraph: str) -> None:
    text = f"The ministry closed the schools in the north on Monday.\n\n{paragraph}"
    assert not flagged("TQ201", text, "en")


# --- TQ201: Arabic, Persian and Hebrew phrases, more subordinators ------------------------------

@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("أعلنت الحكومة خطة جديدة لدعم المزارعين يوم الأحد. خلال زيارة الرئيس إلى الجنوب.", "ar",
     "خلال زيارة الرئيس إلى الجنوب."),
    ("دولت روز یکشنبه طرح تازه‌ای برای کشاورزان اعلام کرد. در جریان سفر رئیس جمهور به جنوب.",
     "fa", "در جریان سفر رئیس جمهور به جنوب."),
    ("הממשלה הודיעה ביום ראשון על תוכנית חדשה לחקלאים. במהלך ביקור הנשיא בדרום.", "he",
     "במהלך ביקור הנשיא בדרום."),
    ("Il governo ha approvato nuove regole lunedì. Mentre i sindacati protestavano in piazza.",
     "it", "Mentre i sindacati protestavano in piazza."),
    ("El Gobierno aprobó nuevas normas el lunes. Cuando la oposición presentó su propuesta.", "es",
     "Cuando la oposición presentó su propuesta."),
    ("أعلنت الحكومة خطة جديدة لدعم المزارعين يوم الأحد. عندما وصل الوزير إلى المدينة.", "ar",
     "عندما وصل الوزير إلى المدينة."),
])
def test_phrases_and_clauses_split_off_in_more_languages(text: str, lang: str,
                                                          fragment: str) -> None:
    assert fragment in flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # The phrase opens a sentence with its verb: قال (said), سيزور (will visit), كرد (did),
    # אמר (said); Italian "Se ne" is no "if".
    ("أعلنت الحكومة خطة جديدة يوم الأحد. خلال الزيارة قال الرئيس إن الخطة ستنجح.", "ar"),
    ("أعلنت الحكومة خطة جديدة يوم الأحد. بعد الاجتماع سيزور الوزير مدينة حلب.", "ar"),
    ("دولت روز یکشنبه طرح تازه‌ای اعلام کرد. پس از دیدار وزیر سخنرانی کرد.", "fa"),
    ("הממשלה הודיעה ביום ראשון על תוכנית חדשה. אחרי הפגישה אמר השר שהתוכנית תצליח.", "he"),
    ("Il governo ha approvato nuove regole lunedì. Se ne parlerà ancora a lungo in Parlamento.",
     "it"),
])
def test_phrases_with_their_verb_are_no_fragment(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


# --- TQ205: an article after a preposition before the full stop ---------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Wenn der Fehler weiterhin auftritt, wenden Sie sich bitte an den.", "de"),
    ("Se o erro continuar, envie uma mensagem para o.", "pt"),
    ("If the error persists, please send the form to a.", "en"),
    ("Als de fout blijft bestaan, stuur dan een bericht naar het.", "nl"),
    ("The flight to Lisbon was cancelled on Monday due to.", "en"),
])
def test_article_after_a_preposition_before_the_stop(text: str, lang: str) -> None:
    assert flagged("TQ205", text, lang) == {text}


@pytest.mark.parametrize(("text", "lang"), [
    ("Diesen Mann kenne ich schon lange, und ich vertraue den.", "de"),   # no preposition before
    ("The answer to this question is given in section a.", "en"),       # a label
    ("Das Paket ist gestern angekommen und liegt bei Vitamin A.", "de"),  # capitalised: a name
    ("I asked him to come with us but he did not want to.", "en"),       # "to" of the verb
    ("That is exactly what we are looking forward to.", "en"),           # a stranded "to"
])
def test_article_before_the_stop_without_a_preposition(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


# --- TQ203: a unit symbol ends a sentence -------------------------------------------------------

def test_lowercase_start_after_a_unit_symbol() -> None:
    text = "El router admite redes de 5 GHz. después de la instalación, reinicie el equipo."
    assert flagged("TQ203", text, "es") == {"después"}


def test_an_unlisted_abbreviation_still_joins() -> None:
    # "Plc." is no unit: the sentence goes on after it (the segmenter's unlisted abbreviation).
    text = "Die Aktien der Firma Shell Plc. verloren am Montag deutlich an Wert."
    assert not flagged("TQ203", text, "de")


# --- TQ308: comma groups after a German noun ----------------------------------------------------

def test_comma_groups_after_a_capitalised_noun() -> None:
    text = "Der Umbau kostete nach Schätzung der Stadtverwaltung 450,000 Euro."
    assert flagged("TQ308", text, "de") == {"450,000"}


def test_a_dotted_version_after_a_name_stays_a_label() -> None:
    assert not flagged("TQ308", "Die Funktion gibt es seit Android 12.1 für alle Nutzer.", "de")


# --- TQ307: a space before Arabic punctuation ---------------------------------------------------

@pytest.mark.parametrize(("text", "mark"), [
    ("وقال الوزير إن الاتفاق يشمل التجارة ، والطاقة والنقل.", " ،"),
    ("هل ستشارك الحكومة في المؤتمر ؟", " ؟"),
])
def test_space_before_arabic_punctuation(text: str, mark: str) -> None:
    assert flagged("TQ307", text, "ar") == {mark}


def test_arabic_punctuation_without_a_space() -> None:
    assert not flagged("TQ307", "وقال الوزير إن الاتفاق يشمل التجارة، والطاقة؛ فهل يكفي؟", "ar")


# --- TQ704: source words told by the letters of the source's alphabet --------------------------

@pytest.mark.parametrize(("text", "source", "phrase"), [
    ("Başınız sağ olsun, the minister told the families at the site.", "tr",
     "Başınız sağ olsun"),
    ("The villagers called the new road a büyük başarı for the region.", "tr", "büyük başarı"),
    ("Residents said the cleanup was bardzo ważne after the floods.", "pl", "bardzo ważne"),
])
def test_source_words_told_by_their_letters(text: str, source: str, phrase: str) -> None:
    assert phrase in flagged("TQ704", text, "en", source)


@pytest.mark.parametrize(("text", "source"), [
    ("President Erdoğan visited Kahramanmaraş and Şanlıurfa on Monday.", "tr"),  # names
    ("The talks in Łódź ended on Friday with a joint statement.", "pl"),
    ("Başınız sağ olsun, the minister told the families.", "de"),  # not the source's letters
])
def test_names_and_other_sources_are_no_leftover(text: str, source: str) -> None:
    assert not flagged("TQ704", text, "en", source)


# --- TQ501: vowels of names romanized from an Arabic-script source ------------------------------

def test_initial_vowel_variants_with_a_persian_source() -> None:
    text = ("Officials in Islamshahr said the market would reopen on Sunday.\n\n"
            "Traders in Eslamshahr were allowed back in the afternoon.")
    assert flagged("TQ501", text, "en", "fa") == {"Islamshahr", "Eslamshahr"}
    assert not flagged("TQ501", text, "en", "de")  # no Arabic-script source: two names


# --- TQ502: French and Italian elision ----------------------------------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ("Le formulaire en ligne est disponible.\n\nRemplissez l'online formulaire.", "fr"),
])
def test_elision_before_a_word_that_is_no_variant(text: str, lang: str) -> None:
    assert not flagged("TQ502", text, lang)


@pytest.mark.parametrize(("text", "lang", "forms"), [
    ("Envoyez un e-mail au service client.\n\nL'adresse de l'email figure sur la facture.", "fr",
     {"e-mail", "email"}),
    ("Scarica l'e-book dal sito.\n\nL'ebook è gratuito per gli iscritti.", "it",
     {"e-book", "ebook"}),
])
def test_elided_forms_pair_with_their_variants(text: str, lang: str, forms: set[str]) -> None:
    assert {f.casefold() for f in flagged("TQ502", text, lang)} == forms


# --- TQ702/TQ705: two words of English prose left in the target ---------------------------------

@pytest.mark.parametrize(("text", "lang", "code"), [
    ("Отчёт будет опубликован last year в Москве.", "ru", "TQ702"),
    ("وسيتم نشر التقرير this morning في العاصمة.", "ar", "TQ702"),
    ("Der Bericht wird next month in Berlin veröffentlicht.", "de", "TQ705"),
    ("Le rapport sera publié last week à Paris.", "fr", "TQ705"),
    ("Raport zostanie opublikowany next month w Warszawie.", "pl", "TQ705"),
])
def test_two_english_words_left(text: str, lang: str, code: str) -> None:
    assert {"last year", "this morning", "next month", "last week"} & flagged(code, text, lang, "en")


@pytest.mark.parametrize(("text", "lang", "code"), [
    ("同社は machine learning を製品に導入している。", "ja", "TQ702"),  # a term kept
    ("Die Firma setzt auf social media und Werbung.", "de", "TQ705"),
    ("Ich will alles sehen, was er hat.", "de", "TQ705"),   # German words that English has too
    ("Il ristorante è aperto a tutti dalle sette.", "it", "TQ705"),
])
def test_terms_and_target_words_are_no_english_pair(text: str, lang: str, code: str) -> None:
    assert not flagged(code, text, lang, "en")


# --- TQ309: straight quotes in Japanese, Chinese and Persian -----------------------------------

@pytest.mark.parametrize(("text", "lang"), [
    ('首相は"改革を進める"と述べた。', "ja"),
    ('总理表示"将继续推进改革"。', "zh"),
    ('وزیر گفت "اصلاحات ادامه خواهد یافت" و جلسه پایان یافت.', "fa"),
])
def test_straight_quotes_where_the_target_writes_its_own(text: str, lang: str) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ309",)))
    assert any("straight quotes" in f.message for f in report.findings)


# --- TQ201: Turkish postpositions closing a stranded phrase ------------------------------------

def test_turkish_phrase_closed_by_a_postposition() -> None:
    text = "Bakan dün gazetecilere uzun bir açıklama yaptı. Yapılan son toplantının ardından."
    assert flagged("TQ201", text, "tr") == {"Yapılan son toplantının ardından."}
    whole = "Bakan dün gazetecilere uzun bir açıklama yaptı. Toplantının ardından bakan döndü."
    assert not flagged("TQ201", whole, "tr")


# --- TQ501/TQ502: Hebrew -י/-יי, Arabic final ى/ي -----------------------------------------------

def test_hebrew_name_with_a_final_double_yod() -> None:
    text = ("שר החוץ לברובסקי הגיע לבירה ביום שני.\n\n"
            "לברובסקיי אמר שהוא מרוצה מהשיחות.")
    assert flagged("TQ501", text, "he") == {"לברובסקי", "לברובסקיי"}


def test_arabic_final_alef_maqsura_written_ya() -> None:
    text = ("نقل المصابون إلى مستشفى المدينة مساء الأحد.\n\n"
            "وقال مدير مستشفي المدينة إن حالتهم مستقرة.")
    assert flagged("TQ502", text, "ar") == {"مستشفى", "مستشفي"}
    two_words = ("قال الوزير إن المعنى واضح للجميع.\n\nوأكد الطرف المعني أنه سيرد قريبا.")
    assert not flagged("TQ502", two_words, "ar")


# --- TQ704: formulae of Japanese, Korean, Chinese, Turkish and Persian left transliterated ------

@pytest.mark.parametrize(("text", "source", "term"), [
    ("The manager bowed and said sumimasen before leaving.", "ja", "sumimasen"),
    ("The fans shouted hwaiting as the team arrived.", "ko", "hwaiting"),
    ("He thanked the volunteers, saying xiexie to each of them.", "zh", "xiexie"),
    ("The mayor visited the families and said gecmis olsun to them.", "tr", "gecmis olsun"),
    ("The guests left after saying khoda hafez to the host.", "fa", "khoda hafez"),
])
def test_transliterated_formulae_left(text: str, source: str, term: str) -> None:
    assert term in flagged("TQ704", text, "en", source)


@pytest.mark.parametrize(("text", "source"), [
    ("The restaurant serves sushi and the best karaoke in town.", "ja"),   # loanwords
    ("The chaebol reported record profits in the kimchi business.", "ko"),
    ("Business in China depends on guanxi, experts said.", "zh"),
])
def test_loanwords_are_no_leftover(text: str, source: str) -> None:
    assert not flagged("TQ704", text, "en", source)


# --- TQ201: English participial and "because of" phrases ----------------------------------------

@pytest.mark.parametrize(("text", "fragment"), [
    ("The new museum opened to visitors on Monday. Designed by a young architect from Porto.",
     "Designed by a young architect from Porto."),
    ("The match was postponed on Saturday evening. Because of the storm over the coast.",
     "Because of the storm over the coast."),
])
def test_english_participle_and_because_of_phrases(text: str, fragment: str) -> None:
    assert flagged("TQ201", text, "en") == {fragment}


@pytest.mark.parametrize("text", [
    "The new museum opened on Monday. Designed by a young architect, it cost ten million.",
    "The new museum opened on Monday. Based on the plans, the work will take two years.",
    "The new museum opened on Monday. Because of the storm, the ceremony was moved indoors.",
    "The new museum opened on Monday. Interested visitors can book a tour online.",
])
def test_participles_and_because_of_opening_a_sentence(text: str) -> None:
    assert not flagged("TQ201", text, "en")


# --- TQ205: an ellipsis after a preposition; "according to" at a paragraph's end ---------------

@pytest.mark.parametrize("text", [
    "Shares of the carmaker closed higher, while the supplier's shares fell by...",
    "Orders are delivered by the courier within…",
    "The price of the permit will be set according to",
])
def test_paragraph_cut_off_and_marked(text: str) -> None:
    assert flagged("TQ205", text, "en") == {text}


@pytest.mark.parametrize("text", [
    "Well, we will have to wait and see about that...",   # no preposition before it
    "She said it would be fine, but I wonder...",
])
def test_trailing_off_is_no_cut(text: str) -> None:
    assert not flagged("TQ205", text, "en")


# --- TQ206: an inline list that skips an item ---------------------------------------------------

def test_inline_list_skipping_an_item() -> None:
    text = ("Travellers should 1) contact the embassy, 2) register on the app, 4) follow the "
            "instructions of the local authorities.")
    assert flagged("TQ206", text, "en") == {"4)"}


@pytest.mark.parametrize("text", [
    "Travellers should 1) contact the embassy, 2) register on the app, 3) stay indoors.",
    "See notes 2) and 4) of the annex, and 7) of the protocol.",   # not counted from 1
    "Prices: a) 10 euros, b) 12 euros, c) 15 euros.",
    # Closing brackets, not items (dpkg's French manual).
    "Le bit B<0> (valeur = 1) active ceci. Le bit B<1> (valeur = 2) active cela. Le bit B<2> "
    "(valeur = 4) active le reste.",
])
def test_inline_lists_without_a_gap(text: str) -> None:
    assert not flagged("TQ206", text, "en")


# --- title marks, corner brackets, danda (TQ304, once) and tilde ranges (TQ308) outside their
# languages ---------------------------------------------------------------------------------------

def test_cjk_and_indic_marks_outside_their_languages() -> None:
    text = ("The study appeared in 《Science》 on Monday. Offices open 9~17 daily। Prices rose "
            "2.5 percent.")
    assert flagged("TQ304", text, "en") == {"《", "》", "।"}
    assert not flagged("TQ309", text, "en")  # reported once, as another script's marks
    assert flagged("TQ308", text, "en") == {"9~17"}
    assert not flagged("TQ304", "该研究发表在《科学》杂志上，时间为9~17点。", "zh")
    assert not flagged("TQ308", "该研究发表在《科学》杂志上，时间为9~17点。", "zh")
    assert not flagged("TQ308", "The temperature was about ~20 degrees.", "en")


# --- TQ702: an English label left in a Cyrillic, Arabic or Hebrew target ----------------------

def test_english_label_left_in_russian() -> None:
    text = "Чтобы удалить профиль, откройте «Настройки» и нажмите Remove profile."
    assert flagged("TQ702", text, "ru", "en") == {"Remove profile"}
    names = "Он живёт в New York и платит через Apple Pay и iPhone case."
    assert not flagged("TQ702", names, "ru", "en")


@pytest.mark.parametrize(("text", "lang", "code"), [
    # The indefinite article is also the pronoun and numeral "one" (WMT23 en-de, judged false).
    ("Es ist eine Liebesgeschichte und eine Komödie, gemischt in einem.", "de", "TQ205"),
    # Two English words inside an English title ("Dora and the Lost City of Gold").
    ('Sie spielte in "Dora and the Lost City of Gold" die Mutter.', "de", "TQ705"),
])
def test_wmt23_false_alarms_stay_away(text: str, lang: str, code: str) -> None:
    assert not flagged(code, text, lang, "en")
