"""Round 10: page furniture of copied web pages (TQ412) in every language with data, and TQ701's
verdicts without a source that are guesses (issue 14)."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.model import Severity


def found(code: str, text: str, lang: str = "en", source: str | None = None
          ) -> dict[str, str]:
    report = audit_text(text, AuditOptions(lang=lang, source_lang=source, select=(code,)))
    return {f.text: f.severity.value for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    # Toolbars: tool words, networks (with case endings), joins and counts.
    ("The talks ended.\nShare Print Email\nThe rest.", "en", "Share Print Email"),
    ("Il vertice si è chiuso.\nStampa | Commenti (3) | Condividi", "it",
     "Stampa | Commenti (3) | Condividi"),
    ("Rozmowy zakończyły się.\nObserwuj nas: Facebooku Twitterze", "pl",
     "Obserwuj nas: Facebooku Twitterze"),
    ("Die Gespräche endeten.\nTeilen Drucken Merken", "de", "Teilen Drucken Merken"),
    ("Переговоры закончились.\nПечать Комментарии Поделиться", "ru", "Печать Комментарии Поделиться"),
    ("会议结束。\n分享到：微信 微博 QQ空间", "zh", "分享到：微信 微博 QQ空间"),
    ("会议结束。\n转发评论点赞", "zh", "转发评论点赞"),
    ("회담이 끝났다.\n공유하기 카카오톡 페이스북", "ko", "공유하기 카카오톡 페이스북"),
    ("Görüşmeler sona erdi.\nPaylaş Facebook'ta Twitter'da", "tr", "Paylaş Facebook'ta Twitter'da"),
])
def test_toolbar_lines(text: str, lang: str, expected: str) -> None:
    assert found("TQ412", text, lang) == {expected: "warning"}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("The minister said so.\n© 2023 Reuters. All rights reserved.", "en",
     "© 2023 Reuters. All rights reserved."),
    ("Die Gespräche endeten.\nAlle Rechte vorbehalten.", "de", "Alle Rechte vorbehalten."),
    ("Las conversaciones terminaron.\nTodos los derechos reservados.", "es",
     "Todos los derechos reservados."),
    ("המשא ומתן הסתיים.\nכל הזכויות שמורות", "he", "כל הזכויות שמורות"),
    ("The talks ended.\nEdited by John Smith", "en", "Edited by John Smith"),
    ("会议结束。\n责任编辑：张三", "zh", "责任编辑：张三"),
    ("Переговоры закончились.\nРедактор: Иван Петров", "ru", "Редактор: Иван Петров"),
    ("The talks ended.\nUpdated: 05.03.2024 14:32", "en", "Updated: 05.03.2024 14:32"),
    ("Die Gespräche endeten.\nVeröffentlicht am 5. März 2024, 14:32 Uhr", "de",
     "Veröffentlicht am 5. März 2024, 14:32 Uhr"),
    ("회담이 끝났다.\n입력 2024.03.05 14:32", "ko", "입력 2024.03.05 14:32"),
    ("Переговоры закончились.\nЭтот сайт использует файлы cookie.", "ru",
     "Этот сайт использует файлы cookie."),
    ("The talks ended. Subscribe to our newsletter for more news. The end.", "en",
     "Subscribe to our newsletter for more news."),
    ("Les négociations ont pris fin.\nCe site utilise des cookies pour la mesure d'audience.",
     "fr", "Ce site utilise des cookies pour la mesure d'audience."),
])
def test_page_notices_are_info_without_the_source(text: str, lang: str, expected: str) -> None:
    assert found("TQ412", text, lang) == {expected: "info"}


@pytest.mark.parametrize(("text", "lang"), [
    ("Share the link with your friends.", "en"),
    ("Print and share", "en"),
    ("Like a comment", "en"),
    ("Facebook, Twitter and Instagram were fined.", "en"),
    ("The company updated its terms in 2023 and again in 2024.", "en"),
    ("Updated the list of members on 5 March 2024 after the vote of the assembly.", "en"),
    ("The editor said the story would run.", "en"),
    ("Editor in chief Jane Doe resigned on Monday after ten years.", "en"),
    ("Copyright law protects authors.", "en"),
    ("We are looking for colleagues who want to join our production team.", "en"),
    ("Readers can follow us on Twitter, the editor said.", "en"),
    ("Die Redaktion hat den Artikel am Montag korrigiert.", "de"),
    ("Stampa estera e commenti politici.", "it"),
    ("记者在现场采访了多位居民。", "zh"),
    ("Он поделился ссылкой в Telegram с коллегами.", "ru"),
])
def test_fluent_text_is_no_furniture(text: str, lang: str) -> None:
    assert found("TQ412", text, lang) == {}


def test_furniture_the_source_has_is_mirrored() -> None:
    from tqcheck.checks.mirror import MirrorCase, source_has_furniture
    from tqcheck.model import Segment

    seg = Segment("Share Print Email", 1, source="Teilen Drucken E-Mail")
    case = MirrorCase("TQ412", seg, 0, len(seg.text), seg.source or "", "de")
    assert source_has_furniture(case) == "the source has such a line too"
    seg = Segment("Share Print Email", 1, source="Die Gespräche endeten.")
    case = MirrorCase("TQ412", seg, 0, len(seg.text), seg.source or "", "de")
    assert source_has_furniture(case) is None


# --- TQ701 without a source ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "why"), [
    # A headline of names: the detectors' confidence is low.
    ("Oberhof: Kühn eighth in World Championship sprint", "en", "low confidence"),
    # Words only English writes, none only French writes.
    ("Some expect a film à la 8 Mile.", "en", "words only English writes"),
    # Capitalised names in a language that does not capitalise its nouns.
    ("Trattoria Tronco - Azabu-Juban Station/Italian food", "en", "capitalised names"),
    # A web address MT broke at its slashes.
    ("Читайте больше на сайте. com/ hub/ russia- ukraine.", "ru", "web address broken"),
])
def test_plain_guesses_are_info(text: str, lang: str, why: str) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ701",)))
    assert [f.severity for f in report.findings] == [Severity.INFO]
    assert why in report.findings[0].message


@pytest.mark.parametrize(("text", "lang"), [
    ("The talks ended. Finissage im Marler Skulpturenmuseum.", "en"),
    ("Die Gespräche endeten. Venting into the Fediverse time.", "de"),
    ("The talks ended without a deal. Die Verhandlungen wurden am Montag ohne Ergebnis beendet.",
     "en"),
    # Low confidence, but two words only English writes ("you", "your").
    ("Kaupunki avaa uuden uimahallin. Thank you for your patience. Sisäänpääsy on ilmainen.", "fi"),
])
def test_untranslated_sentences_stay_errors(text: str, lang: str) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ701",)))
    assert [f.severity for f in report.findings] == [Severity.ERROR]


# --- TQ704: a function word of the source left in an English sentence ---------------------------

@pytest.mark.parametrize(("text", "source", "expected"), [
    ("The payment is monthly. Segundo the Minister of Finance, it will cost more.", "pt", "Segundo"),
    ("The payment is monthly. Segundo the Minister of Finance, it will cost more.", None, "Segundo"),
    ("Sin embargo, the government refused to comment.", "es", "Sin embargo"),
    ("Laut the report, prices rose in May.", "de", "Laut"),
    ("Prices rose, selon the ministry of the economy.", "fr", "selon"),
    ("Tuttavia, the mayor said the works would go on.", "it", "Tuttavia"),
    ("Według the police, two people were injured.", "pl", "Według"),
])
def test_source_function_word_before_english(text: str, source: str | None, expected: str) -> None:
    report = audit_text(text, AuditOptions(lang="en", source_lang=source, select=("TQ704",)))
    assert [f.text for f in report.findings] == [expected]


@pytest.mark.parametrize(("text", "lang", "source"), [
    ("Juan Segundo, the coach, said so.", "en", "es"),
    ("He grew up in Entre Ríos and moved to the capital.", "en", "es"),
    ("The team played à la française, avec panache.", "en", "fr"),
    ("Segundo a ministra, a medida custará 2 mil milhões.", "pt", None),
    ("Según el ministro, la medida costará más.", "es", None),
    ("Laut dem Bericht stiegen die Preise.", "de", None),
])
def test_source_function_words_in_fluent_text_pass(text: str, lang: str, source: str | None) -> None:
    report = audit_text(text, AuditOptions(lang=lang, source_lang=source, select=("TQ704",)))
    assert list(report.findings) == []


def test_unquoted_english_interface_label_is_a_hint() -> None:
    text = "برای فعال کردن رمزگذاری، بخش Privacy & Security را باز کنید."
    report = audit_text(text, AuditOptions(lang="fa", select=("TQ702",)))
    assert [(f.text, f.severity) for f in report.findings] == [("Privacy & Security", Severity.INFO)]
    for text in ("Откройте Google Drive и загрузите файл.", "Откройте App Store и войдите.",
                 "Президент посетил New York на прошлой неделе."):
        assert list(audit_text(text, AuditOptions(lang="ru", select=("TQ702",))).findings) == []


@pytest.mark.parametrize(("text", "source", "expected"), [
    ("The city will fine establishments up to 50.000.000 đồng.", "vi", {"đồng"}),
    ("The mayor of Hội An said tourism grew.", "vi", set()),
    ("The ministers of the two ţări signed the deal.", "ro", {"ţări"}),
    ("The talks were held in Timișoara on Monday.", "ro", set()),
    ("The fine was paid in forint, the minister of Győr said.", "hu", set()),
])
def test_marker_letters_of_languages_without_language_data(text: str, source: str,
                                                          expected: set[str]) -> None:
    report = audit_text(text, AuditOptions(lang="en", source_lang=source, select=("TQ704",)))
    assert {f.text for f in report.findings} == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Fares rise.\nRead also — Bus fares rise again", "en", {"Read also — Bus fares rise again"}),
    ("Fares rise.\nRelated articles\nBus fares rise again", "en", {"Related articles"}),
    ("Тарифы растут.\nЧИТАЙТЕ ТАКЖЕ | Новые тарифы", "ru", {"ЧИТАЙТЕ ТАКЖЕ | Новые тарифы"}),
    ("He read also the report.\nRead also the report.", "en", set()),
    ("Fares rise.\nPhoto\nThe bridge opened.", "en", set()),
])
def test_page_labels_without_a_colon(text: str, lang: str, expected: set[str]) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ410",)))
    assert {f.text for f in report.findings} == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Die Gespräche endeten.\n\n— Russland auf Arabisch (@Russia_AR) 7. März 2022", "de",
     {"— Russland auf Arabisch (@Russia_AR) 7. März 2022"}),
    ("Las conversaciones terminaron.\n\n— Rusia en árabe (@Russia_AR) 7 de marzo de 2022", "es",
     {"— Rusia en árabe (@Russia_AR) 7 de marzo de 2022"}),
    ("Переговоры закончились.\n\n— Россия на арабском (@Russia_AR) 7 марта 2022 г.", "ru",
     {"— Россия на арабском (@Russia_AR) 7 марта 2022 г."}),
    ("会谈结束。\n\n— 俄罗斯阿拉伯语 (@Russia_AR) 2022年3月7日", "zh",
     {"— 俄罗斯阿拉伯语 (@Russia_AR) 2022年3月7日"}),
    ("- He said (@anna) that 5 people came in 2022.", "en", set()),
    ("— Die Ministerin (@anna) sagte am Montag, sie komme 2022.", "de", set()),
])
def test_attribution_lines_with_translated_dates(text: str, lang: str, expected: set[str]) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ402",)))
    assert {f.text for f in report.findings} == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Sie haben %@ neue Nachrichten.", "de", {"%@"}),
    ("Der Preis beträgt %.2f Euro.", "de", {"%.2f"}),
    ("Hallo %{name}, willkommen.", "de", {"%{name}"}),
    ("Willkommen, __USER_NAME__!", "de", {"__USER_NAME__"}),
    ("Bugün %50 indirim var.", "tr", set()),
    ("Call __init__ first; 5 % of users agreed, 100% of them.", "en", set()),
])
def test_more_placeholder_forms(text: str, lang: str, expected: set[str]) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ409",)))
    assert {f.text for f in report.findings} == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The caf\\u00e9 opened on Monday.", {"\\u00e9"}),
    ("He said so.\\nThe talks ended.", {"\\n"}),
    ('He said \\"Yes\\" and left.', {'\\"'}),
    ("Save it in C:\\new\\file.txt now.", set()),
    ("Use \\n to break a line, and \\t for a tab.", set()),
    ('The string "a\\"b" is escaped.', set()),
])
def test_printed_escapes_are_debris(text: str, expected: set[str]) -> None:
    report = audit_text(text, AuditOptions(lang="en", select=("TQ407",)))
    assert {f.text for f in report.findings} == expected


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Le président а parlé hier.", "fr", {"а"}),
    ("El perro у el gato.", "es", {"у"}),
    ("Zespół і kierownik.", "pl", {"і"}),
    ("Il a parlé à Paris.", "fr", set()),
    ("The angle α is small.", "en", set()),
    ("Точка A и точка B, где a и b стороны.", "ru", set()),
    ("Он пришёл в дом и сел.", "ru", set()),
    ("The paintings measure 80 х 60 cm each.", "en", set()),
])
def test_lone_cyrillic_lookalike_in_latin_text(text: str, lang: str, expected: set[str]) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ703",)))
    assert {f.text for f in report.findings} == expected


def test_caption_credits_are_no_copyright_notice() -> None:
    text = "Rescuers search the debris in the south, on July 10. (© Getty)"
    assert found("TQ412", text) == {}


def test_credit_with_a_comma_mirrors_the_source() -> None:
    from tqcheck.checks.mirror import MirrorCase, source_has_furniture
    from tqcheck.model import Segment

    seg = Segment("Photo by Marko Djurica Reuters", 1, source="Автор фото, MARKO DJURICA Reuters")
    case = MirrorCase("TQ412", seg, 0, len(seg.text), seg.source or "", "uk")
    assert source_has_furniture(case) == "the source has such a line too"


def test_function_word_packs_gate_on_whole_tokens_not_substrings() -> None:
    """The gate opens for 'Mientras the …' (a token of the pack), not for English words that
    merely hold a hint ("extra", "second", "look"), and a pack's gate tokens must be plain."""
    from tqcheck.checks.language import _gate_needles, _leftover_patterns, _parse_pack
    from tqcheck.errors import ConfigError

    patterns, _ = _leftover_patterns("en", "es")
    words = {w for p in patterns for w in _gate_needles(p)[0]}
    strings = {s for p in patterns for s in _gate_needles(p)[1]}
    assert {"mientras", "embargo"} <= words
    assert not {"extra", "second", "look", "the"} & words and not {"tra", "entre"} & strings
    found = audit_text("The fee is monthly. Mientras the ministry waits, prices rise.",
                       AuditOptions(lang="en", source_lang="es", select=("TQ704",))).findings
    assert [f.text for f in found] == ["Mientras"]
    with pytest.raises(ConfigError, match="gate_tokens"):
        _parse_pack({"source": "xx", "pattern": [{"id": "p", "regex": "a", "message": "m",
                                                  "gate_tokens": ["sin embargo"]}]}, "xx.toml")


@pytest.mark.parametrize(("source", "words", "opener", "substring_only"), [
    ("it", {"anche", "tuttavia", "secondo", "tra", "fra"}, "Tuttavia", "The extra travel fees"),
    ("nl", {"ook", "maar", "echter", "volgens"}, "Echter", "Look at the book"),
    ("pl", {"jednak", "oraz", "podczas"}, "Jednak", "Joraz and podczasy"),
])
def test_function_word_gates_are_derived_whole_words(source: str, words: set[str], opener: str,
                                                     substring_only: str) -> None:
    # Without hand-written gate_tokens, the gate of a function-word pattern ("(?<![\w'’-])
    # [Tt]uttavia(?=,?\s+the\b)") is its whole words, read from the regex in word mode: the
    # gate opens for "Tuttavia, the" and not for English words that merely hold one ("travel").
    from tqcheck.checks.gates import ChunkText
    from tqcheck.checks.language import _gate_needles, _leftover_gate, _leftover_patterns

    patterns, _ = _leftover_patterns("en", source)
    function_word = next(p for p in patterns if p.id == "function-word")
    assert not function_word.gate_tokens
    derived, strings = _gate_needles(function_word)
    assert words <= derived and not strings
    assert "the" not in derived

    class Ctx:
        lang, source_lang = "en", source

    gate = _leftover_gate(Ctx())  # type: ignore[arg-type]
    assert gate is not None
    assert not list(gate.spans(ChunkText(substring_only + ".")))
    text = f"{opener}, the ministry waits."
    assert list(gate.spans(ChunkText(text)))
    found = audit_text(text, AuditOptions(lang="en", source_lang=source, select=("TQ704",)))
    assert [f.text for f in found.findings] == [opener]
