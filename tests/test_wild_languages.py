"""Language data for targets first measured on real MT (WMT22): Croatian, and languages without
data (Livonian, Yakut), which should produce almost nothing rather than guesses."""

from __future__ import annotations

import pytest

from tests.test_checks import flagged
from tqcheck.audit import AuditOptions, audit_text


def counted(code: str, text: str, lang: str) -> list[str]:
    """The texts of one check's warnings and errors (info left out)."""
    report = audit_text(text, AuditOptions(select=(code,), lang=lang))
    return [f.text for f in report.findings if f.code == code and f.severity.value != "info"]


@pytest.mark.parametrize("text", [
    "Vlada je 2003. donijela novi zakon o vodama, a ministar je ostao u službi.",
    "Grad je u 15. stoljeću imao dvije tisuće stanovnika.",
    "Na tržnici prodaju voće (npr. jabuke i kruške, itd.).",
])
def test_croatian_ordinals_and_abbreviations_do_not_end_sentences(text: str) -> None:
    assert flagged("TQ203", text, lang="hr") == []


def test_croatian_lowercase_sentence_is_still_flagged() -> None:
    assert flagged("TQ203", "Otvorio sam prozor. odmah je zahladilo.", lang="hr") == ["odmah"]


def test_croatian_typography() -> None:
    # The per cent sign is spaced in Croatian; nested quotations ‚…’ inside „…”.
    assert flagged("TQ307", "Cijene su porasle za 7 %.", lang="hr") == []
    assert flagged("TQ301", "„Rekla je: ‚Vlak kasni!’”, javila je Ana.",
                   lang="hr") == []
    assert flagged("TQ307", "Juha je topla , a kruh svjež.", lang="hr") == [" ,"]


@pytest.mark.parametrize("lang", ["hr", "en", "cs"])
def test_spaced_score_is_no_space_before_a_colon(lang: str) -> None:
    assert flagged("TQ307", "Utakmica je završila 3 : 1, a revanš 0 : 0.", lang=lang) == []
    assert flagged("TQ307", "Napomena : ovo je važno.", lang=lang) == [" :"]


@pytest.mark.parametrize("text", [
    "Kupili smo kruh i kruh od kukuruza.",
    "Traži se ugovor na neodređeno ili ugovor određenog trajanja.",
    "Djeca uče jezične vještine i vještine računanja.",
])
def test_croatian_narrowed_second_conjunct(text: str) -> None:
    assert flagged("TQ102", text, lang="hr") == []


def test_croatian_stutter_still_flagged() -> None:
    assert flagged("TQ102", "Kupio sam stol i stol.", lang="hr") == ["stol i stol"]


@pytest.mark.parametrize(("lang", "text"), [
    # Livonian, which the detectors call Latvian or Estonian
    ("liv", "Līvõd kīel um vanā ja rikkõz, ja mēg tīemõ tīedõ, laz siedā kīelt kūlõks ka tulbiz."),
    ("liv", "Kilā rovz kubsõ tulīzt jūlijõs, kus nänt laulīzt ja kītizt vanād stōrijd."),
    # Yakut, which they call Russian
    ("sah", "Бүгүн күн сылаас этэ, оҕолор тахсан оонньообуттара."),
    ("sah", "Кини оскуолаҕа учууталынан үлэлиир, оҕолору ааҕарга үөрэтэр."),
])
def test_a_language_the_detectors_do_not_know_is_not_called_its_neighbour(lang: str,
                                                                          text: str) -> None:
    assert flagged("TQ701", text, lang=lang) == []


def test_a_foreign_sentence_is_still_found_in_a_target_without_lexicon() -> None:
    english = "The government announced on Monday that the new rules will apply from next year."
    assert flagged("TQ701", "Vlada je u ponedjeljak objavila nova pravila. " + english,
                   lang="hr") == [english]


def test_latin_h_for_shha_is_a_hint_in_yakut_only() -> None:
    text = "Оҕолор таhырдьа оонньууллар, ийэлэрэ аhыыр, аҕалара сыhыыга барда."
    assert counted("TQ703", text, lang="sah") == []
    assert len(flagged("TQ703", text, lang="sah")) == 3  # info
    assert counted("TQ703", "Он сказал: это пhиложение.", lang="ru") == ["пhиложение"]


def test_soft_hyphen_inside_a_word_of_prose_is_a_hint() -> None:
    assert counted("TQ306", "Маҥнайгынан доруо\xadбуйа харыстанар.", lang="ru") == []
    assert counted("TQ306", "Маҥнайгынан \xad харыстанар.", lang="ru") == ["\xad"]


@pytest.mark.parametrize(("lang", "text"), [
    ("liv", "Kōnsõrt um 12. ja 13. jūlijõn kilās."),
    ("sk", "Narodil sa 5. júna 1950 v Bratislave a zomrel v 19. storočí."),
    ("is", "Hann fæddist 17. júní 1811 á Hrafnseyri."),
])
def test_a_language_without_data_keeps_ordinals_in_the_sentence(lang: str, text: str) -> None:
    assert counted("TQ203", text, lang=lang) == []


@pytest.mark.parametrize(("lang", "text"), [
    ("ja", "テレビ（4K)とモニター（HD）を接続します。"),
    ("zh", "我们明天去公园（如果天气好的话)。"),
    ("uk", "а) орендар сплачує рахунки вчасно;"),
    ("uk", "Згідно з пунктом 2 літери б) цього закону податок не сплачується."),
])
def test_brackets_of_two_widths_and_list_markers_of_any_alphabet(lang: str, text: str) -> None:
    assert counted("TQ302", text, lang=lang) == []


def test_a_bracket_left_open_is_still_found() -> None:
    assert counted("TQ302", "我们明天去公园（如果天气好的话，再说)。(还有",
                   lang="zh") == ["("]


@pytest.mark.parametrize(("lang", "text"), [
    ("cs", "Ve III. čtvrtletí vzrostly ceny potravin."),
    ("cs", "Přišel dopis (viz příloha – pozn. red.), který nás překvapil."),
    ("uk", "Магазин працює з 8:00 год. до 20:00 год. щодня."),
    ("de", "Im Garten wachsen Kräuter (Minze, Salbei, Thymian...) und Tomaten."),
])
def test_sentences_go_on_after_ordinals_abbreviations_and_ellipses(lang: str, text: str) -> None:
    assert counted("TQ203", text, lang=lang) == []


def test_czech_reflexive_before_the_preposition_se() -> None:
    assert counted("TQ101", "Setkal se se starostou obce.", lang="cs") == []
    assert counted("TQ101", "Odmítli na na mě čekat.", lang="cs") == ["na na"]


def test_a_name_of_several_words_kept_in_its_language_is_info() -> None:
    text = ("The Občanská demokratická strana party won the vote in Třebíč, "
            "and the bus stops at Město na Moravě.")
    found = audit_text(text, AuditOptions(select=("TQ704",), lang="en", source_lang="cs"))
    assert [f.severity.value for f in found.findings] and all(
        f.severity.value == "info" for f in found.findings)
    assert counted_src("TQ704", "Děkuji moc, the mayor wrote.", "en", "cs") == ["Děkuji moc"]


def counted_src(code: str, text: str, lang: str, source_lang: str) -> list[str]:
    report = audit_text(text, AuditOptions(select=(code,), lang=lang, source_lang=source_lang))
    return [f.text for f in report.findings if f.code == code and f.severity.value != "info"]


@pytest.mark.parametrize(("lang", "text"), [
    ("cs", "Ministr mluvil o “reformě“ daní."),
    ("hr", "Novine su pisale o “novom početku” grada."),
    ("de", "Wählen Sie “Datei > Speichern“ im Menü."),
])
def test_english_style_quotes_in_a_language_closing_with_the_english_opener(lang: str,
                                                                          text: str) -> None:
    assert counted("TQ301", text, lang=lang) == []
    assert counted("TQ309", text, lang=lang)  # the style is still reported


def test_low_quotes_left_open_are_still_found() -> None:
    assert counted("TQ301", "Er nannte es „Haus und „Garten“ blieb leer.", lang="de") == ["„"]


@pytest.mark.parametrize("lang", ["liv", "hr", "cs"])
def test_a_range_of_ordinals_keeps_the_sentence(lang: str) -> None:
    assert counted("TQ203", "Kōnsõrt vȯļ 11.–13. jūlijõn ja 5.-9. augustõn kilās.", lang=lang) == []


def test_an_english_sentence_in_a_language_the_detectors_do_not_know_is_found() -> None:
    english = "The weather was cold and the shops were closed all day."
    assert counted("TQ701", "Mäd kilā um väggõ īlzi. " + english, lang="liv") == [english]


def test_croatian_one_conjunct_modified_is_info() -> None:
    text = "Grad je dobio novčanu pomoć ili pomoć općina."
    assert counted("TQ102", text, lang="hr") == []
    assert flagged("TQ102", text, lang="hr") == ["pomoć ili pomoć"]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "She finally put two and two together."),
    ("de", "Er zählte schließlich zwei und zwei zusammen."),
    ("cs", "Nakonec si dal dvě a dvě dohromady."),
    ("ru", "Он наконец сложил два и два."),
    ("uk", "Вона нарешті склала два і два."),
    ("hr", "Napokon je zbrojio dva i dva."),
])
def test_two_and_two_is_an_idiom(lang: str, text: str) -> None:
    assert flagged("TQ102", text, lang=lang) == []


def test_a_conjunction_before_an_initial_is_no_doubled_word() -> None:
    text = "Письмо подписали А. П. Смирнов и И. К. Петров."
    assert counted("TQ101", text, lang="ru") == []
    assert counted("TQ101", "Он пришёл и и ушёл.", lang="ru") == ["и и"]


def test_czech_narrowed_second_conjunct_and_german_abbreviations() -> None:
    assert counted("TQ102", "Řešili ochranu a ochranu o víkendech.", lang="cs") == []
    text = "Das Buch kostet 20 Euro zzgl. MwSt. und wird morgen geliefert."
    assert counted("TQ203", text, lang="de") == []


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "La livraison commence le 16.3. selon le vendeur."),
    ("uk", "Вівторок 5.4. о 10:00 збори."),
])
def test_a_day_and_month_with_a_final_stop_is_a_date(lang: str, text: str) -> None:
    assert counted("TQ308", text, lang=lang) == []
    assert counted("TQ308", "Le taux est de 16.3 pour cent.", lang="fr") == ["16.3"]


def test_french_son_the_noun_ends_a_sentence() -> None:
    text = "Le casque offre une excellente qualité de son."
    assert counted("TQ205", text, lang="fr") == []
