"""Conventions of fluent human text that are no translation artifact (issue 14, clean text):
each rule with a must-flag counterpart of the same shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import target_and_source
from tqcheck.audit import AuditOptions, audit, audit_text
from tqcheck.checks.mirror import quotes_unbalanced


def serious(code: str, text: str, lang: str = "en") -> list[str]:
    """The texts of the warnings and errors of one check on ``text``."""
    report = audit_text(text, AuditOptions(select=(code,), lang=lang))
    return [f.text for f in report.findings if f.code == code and f.severity.value != "info"]


def info(code: str, text: str, lang: str = "en") -> list[str]:
    report = audit_text(text, AuditOptions(select=(code,), lang=lang))
    return [f.text for f in report.findings if f.code == code and f.severity.value == "info"]


# --- TQ203: a sentence going on after an ellipsis -------------------------------------------

@pytest.mark.must_pass("TQ203")
@pytest.mark.parametrize(("text", "lang"), [
    ("Operation works well.... and nevertheless I am sending it back.", "en"),
    ("I waited... and waited, but nobody came.", "en"),
    ("Он подождал… и ушёл домой без неё.", "ru"),
    ("The coffee tastes good to me .... but the price is too high.", "en"),
])
def test_a_lowercase_word_after_an_ellipsis_goes_on_with_the_sentence(text: str, lang: str) -> None:
    assert serious("TQ203", text, lang) == []


@pytest.mark.must_flag("TQ203")
def test_a_lowercase_word_after_a_full_stop_is_still_flagged() -> None:
    assert serious("TQ203", "Operation works well. and nevertheless I am sending it back.") == [
        "and"]
    assert serious("TQ203", "Он подождал. и ушёл домой без неё.", "ru") == ["и"]


# --- TQ203: an aside in brackets -----------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "word"), [
    ("The case fits well. (sometimes the images get choppy) The update came soon.", "en",
     "sometimes"),
    ("(because one month is the standard)", "en", "because"),
    ("(не знаю, насколько это важно, но я перепробовал почти все ловушки.", "ru", "не"),
])
def test_an_aside_in_brackets_that_starts_in_lowercase_is_info(text: str, lang: str,
                                                               word: str) -> None:
    assert serious("TQ203", text, lang) == []
    assert info("TQ203", text, lang) == [word]


@pytest.mark.must_flag("TQ203")
def test_a_label_in_square_brackets_that_starts_in_lowercase_is_still_flagged() -> None:
    assert serious("TQ203", "[official] SoftBank Air - cashback now available.") == ["official"]
    assert serious("TQ203", "The seat is fine. [assembly] The manual is rough.") == ["assembly"]


@pytest.mark.must_flag("TQ203")
def test_a_lowercase_start_after_an_opening_quote_is_still_flagged() -> None:
    assert serious("TQ203", "The case fits well. “sometimes the images get choppy,” he said.") == [
        "sometimes"]


# --- TQ203: chat reactions in Latin letters in any language ------------------------------

@pytest.mark.must_pass("TQ203")
def test_a_latin_chat_reaction_in_a_russian_text_is_no_sentence_start() -> None:
    assert serious("TQ203", "Пришел домой на обеде и увидел под дверью вот это! uwu.", "ru") == []


@pytest.mark.must_pass("TQ203")
@pytest.mark.parametrize(("text", "lang"), [
    ("Doesn't actually clean the air. tl;dr - not worth the extra cost.", "en"),
    ("Kaufte dies als Luftbefeuchter. tl; dr - die Mehrkosten lohnen sich nicht.", "de"),
    ("Works fine. btw the cable is short.", "en"),
])
def test_a_chat_abbreviation_written_in_lowercase_is_no_sentence_start(text: str,
                                                                       lang: str) -> None:
    assert serious("TQ203", text, lang) == []


@pytest.mark.must_flag("TQ203")
def test_a_latin_word_that_is_no_chat_reaction_still_starts_a_sentence_in_lowercase() -> None:
    assert serious("TQ203", "Пришел домой на обеде и увидел вот это! zoom тоже был там.",
                   "ru") == ["zoom"]


# --- TQ301 with the source in view ---------------------------------------------------------

def _tq301(tmp_path: Path, target: str, source: str | None, lang: str = "ru") -> list[str]:
    """Severities of the TQ301 findings on ``target``, aligned line by line with ``source``."""
    tgt, features = target_and_source(tmp_path, target, source)
    report = audit([tgt], AuditOptions(lang=lang, select=("TQ301",), source_lang="en",
                                       features=features), jobs=1)
    return [f.severity.value for f in report.findings]


_OPEN_TWICE = ("«Вы видите все эти утечки, а потом они говорят: «Нет, я этого не делал.\n"
               "Он помолчал и ушёл из зала заседаний без единого слова.\n")


def test_straight_quotes_that_open_twice_leave_the_source_open_too(tmp_path: Path) -> None:
    # Two straight marks in the source, both opening: the source leaves its quotation open as
    # the translation does (a quotation going on in the next paragraph).
    source = ("\"When you look at leaks and then they say \"oh, I didn't do it.\n"
              "He paused and left the hall without a single word.\n")
    assert "warning" not in _tq301(tmp_path, _OPEN_TWICE, source)


@pytest.mark.must_flag("TQ301")
def test_a_quotation_the_source_closes_stays_a_warning(tmp_path: Path) -> None:
    source = ("\"When you look at leaks and then they say 'oh, I didn't do it',\" he said.\n"
              "He paused and left the hall without a single word.\n")
    assert "warning" in _tq301(tmp_path, _OPEN_TWICE, source)
    target = "«Он вышел к боковой линии и просто рухнул там, — сказал Рид.\nОн ушёл.\n"
    source = "\"He came to the sideline and just collapsed there,\" Reed said.\nHe left.\n"
    assert _tq301(tmp_path, target, source) == ["warning"]


def test_a_source_that_quotes_nothing_gives_no_evidence(tmp_path: Path) -> None:
    # Dialogue written with dashes in the source: the translation's own quotation marks are
    # judged as without the source (a quotation running on over paragraphs is info).
    target = ("“If you were sitting for a week in the meadow, you would pray on every truck.\n"
              "Unless you loved to weed the beds from morning till night.\n")
    source = ("— Посиділа б ти тиждень на полонині, молилась би на кожну вантажівку.\n"
              "Хіба що ти любила з ранку до ночі полоти грядки.\n")
    assert _tq301(tmp_path, target, source, lang="en") == _tq301(tmp_path, target, None,
                                                                  lang="en") == ["info"]


@pytest.mark.must_flag("TQ301")
def test_a_source_that_quotes_makes_the_same_quotation_a_warning(tmp_path: Path) -> None:
    target = ("“If you were sitting for a week in the meadow, you would pray on every truck.\n"
              "Unless you loved to weed the beds from morning till night.\n")
    source = ("«Посиділа б ти тиждень на полонині, молилась би на кожну вантажівку».\n"
              "Хіба що ти любила з ранку до ночі полоти грядки.\n")
    assert _tq301(tmp_path, target, source, lang="en") == ["warning"]


@pytest.mark.parametrize(("text", "unbalanced"), [
    ('"When you look at it and they say "oh, I didn\'t.', True),
    ('He said "yes" and left.', False),
    ('"He said "yes" and left," she wrote.', False),
    ('A 27" screen.', True),
    ("“Open and never closed, and „another“.", True),
    ("„Zu“ und „auf“.", False),
    ("«Нет» и «да».", False),
])
def test_quotes_unbalanced_reads_straight_marks_in_order(text: str, unbalanced: bool) -> None:
    assert quotes_unbalanced(text) is unbalanced


@pytest.mark.must_flag("TQ301")
def test_a_stray_mark_no_speech_introduces_stays_a_warning_beside_a_source_without_quotes(
        tmp_path: Path) -> None:
    target = "Russia \"s invasion of Ukraine has pushed prices up this winter.\nThey rose.\n"
    source = "Вторгнення росії в Україну підняло ціни цієї зими.\nВони зросли.\n"
    assert _tq301(tmp_path, target, source, lang="en") == ["warning"]


# --- TQ203 after a dash; TQ101 Latin words in another script --------------------------------

def test_a_lowercase_word_after_a_question_and_a_dash_is_info() -> None:
    text = "Помните ее ответ... вы «слили» информацию документа? — «что, что?"
    assert serious("TQ203", text, "ru") == []
    assert info("TQ203", text, "ru") == ["что"]


@pytest.mark.must_flag("TQ203")
def test_a_lowercase_word_after_a_question_without_a_dash_is_still_flagged() -> None:
    assert serious("TQ203", "Вы слили информацию документа? что вы ответили на это?",
                   "ru") == ["что"]


def test_a_latin_double_in_cyrillic_text_is_info_or_nothing() -> None:
    text = "Они могут настроить технологии Canada plus plus для свободной торговли."
    assert serious("TQ101", text, "ru") == [] and info("TQ101", text, "ru") == []
    text = "Тот самый ребенок из рекламы «zoom zoom», только теперь он взрослый."
    assert serious("TQ101", text, "ru") == []
    assert info("TQ101", text, "ru") == ["zoom zoom"]


@pytest.mark.must_flag("TQ101")
def test_a_cyrillic_double_and_a_latin_double_in_latin_text_are_still_errors() -> None:
    assert serious("TQ101", "Затем затем он ушёл домой.", "ru") == ["Затем затем"]
    assert serious("TQ101", "Then he said zoom zoom and left.", "en") == ["zoom zoom"]


# --- TQ501: a tie is one inconsistency -------------------------------------------------------

def test_a_tie_of_two_spellings_is_reported_once_at_the_later_one() -> None:
    text = ("The botanist Maximowicz described the plant in 1859 from specimens.\n"
            "Later, Maximovicz named a second species after the same collector.\n")
    assert serious("TQ501", text) == ["Maximovicz"]
    assert info("TQ501", text) == ["Maximowicz"]


@pytest.mark.must_flag("TQ501")
def test_a_minority_spelling_is_still_reported_at_each_use() -> None:
    text = ("The botanist Maximowicz described the plant in 1859 from specimens.\n"
            "Later, Maximovicz named a second species after Maximowicz himself.\n"
            "Maximovicz wrote about it again in his next paper on the flora.\n")
    # 2× and 2×: a tie, the spelling used first is kept and both uses of the other reported
    assert serious("TQ501", text) == ["Maximovicz", "Maximovicz"]
    text += "Maximovicz returned to the valley for one more summer.\n"
    assert serious("TQ501", text) == ["Maximowicz", "Maximowicz"]


# --- TQ203: a line opening with a lowercase conjunction, without the source -----------------

def test_a_line_opening_with_a_lowercase_conjunction_is_info_without_the_source(
        tmp_path: Path) -> None:
    text = "и даже имеется возможность отрегулировать уровень эха."
    assert serious("TQ203", text, "ru") == [] and info("TQ203", text, "ru") == ["и"]
    assert serious("TQ203", "and I need communication, but nobody calls.") == []


@pytest.mark.must_flag("TQ203")
def test_a_lowercase_conjunction_the_source_capitalises_is_a_warning(tmp_path: Path) -> None:
    tgt, src = tmp_path / "t.txt", tmp_path / "s.txt"
    tgt.write_text("The boat left.\nand it sank near the harbour.\n", encoding="utf-8")
    src.write_text("Das Boot fuhr ab.\nUnd es sank nahe dem Hafen.\n", encoding="utf-8")
    report = audit([tgt], AuditOptions(lang="en", select=("TQ203",), source_lang="de",
                                       features={"source": str(src)}), jobs=1)
    assert [(f.text, f.severity.value) for f in report.findings] == [("and", "warning")]
    # Inside a line, after a full stop, it is still a warning without the source.
    assert serious("TQ203", "The boat left. and it sank near the harbour.") == ["and"]


# --- TQ205: a capital letter at the end is a label ------------------------------------------

@pytest.mark.parametrize("text", [
    "[Block G] Toyo Kanko, Shiga Prefecture selection team, Tenri University team A",
    "The committee finally decided to go with Plan A.",
])
def test_a_capitalised_last_word_is_a_label_not_the_article(text: str) -> None:
    assert serious("TQ205", text) == []


@pytest.mark.must_flag("TQ205")
def test_a_lowercase_article_at_the_end_is_still_a_cut_off() -> None:
    assert serious("TQ205", "The minister said that the talks would resume with a") != []
    assert serious("TQ205", "THE MINISTER SAID THE TALKS WOULD RESUME WITH A") != []


# --- TQ306: one token, one finding ----------------------------------------------------------

def test_word_joiners_inside_one_emoticon_are_one_finding() -> None:
    report = audit_text("It made me smile (\u2060^\u2060^\u2060) today.",
                        AuditOptions(select=("TQ306",), lang="en"))
    assert [(f.text, "(3×)" in f.message) for f in report.findings] == [
        ("\u2060^\u2060^\u2060", True)]
    fix = report.findings[0].fix  # deletes the three joiners, never the marks between them
    assert fix is not None and [(e.before, e.content) for e in fix.edits] == [("\u2060", "")] * 3


@pytest.mark.must_flag("TQ306")
def test_invisible_characters_in_two_words_are_two_findings() -> None:
    report = audit_text("He backed this \u200bidea and \u200bthat plan today.",
                        AuditOptions(select=("TQ306",), lang="en"))
    assert len(report.findings) == 2


# --- TQ702: a quoted foreign word without the source ----------------------------------------

def test_a_quoted_foreign_word_without_the_source_is_info() -> None:
    text = 'I want to share my perspective on using "в" / "на" with the word "Україна".'
    assert serious("TQ702", text) == []
    assert info("TQ702", text) == ['в" / "на', "Україна"]


@pytest.mark.must_flag("TQ702")
def test_a_bare_foreign_word_is_still_a_warning() -> None:
    assert serious("TQ702", "The minister called it a نكسة for the region.") == ["نكسة"]
    assert serious("TQ702", "I want to share my view on using Україна in English.") == ["Україна"]


@pytest.mark.must_flag("TQ301")
def test_a_source_quoting_a_placeholder_in_single_quotes_quotes(tmp_path: Path) -> None:
    # transmission fr.po: the source quotes '{address}', the translation lost its opening «.
    target = "Écoute des demandes RPC et Web sur {address} »\nLa suite.\n"
    source = "Listening for RPC and Web requests on '{address}'\nThe rest.\n"
    assert _tq301(tmp_path, target, source, lang="fr") == ["warning"]


# --- Round 5: kaomoji, participles on both conjuncts, stranded prepositions, sung doubles,
# --- neighbour languages, laughter ------------------------------------------------------------

@pytest.mark.must_pass("TQ702")
def test_the_arm_and_wave_of_a_kaomoji_are_no_foreign_word_or_mark() -> None:
    text = "Anyone going to see the movie after December 3rd?～( ^o^)ノ"
    assert serious("TQ702", text) == []
    assert serious("TQ304", text) == []


@pytest.mark.must_flag("TQ702")
def test_kana_and_full_width_marks_outside_a_face_are_still_flagged() -> None:
    text = "The minister said ノ and left（soon）."
    assert serious("TQ702", text) == ["ノ"]
    assert serious("TQ304", text) != []


def test_word_joiners_holding_a_kaomoji_together_are_info() -> None:
    text = "I enjoy them occasionally (\u2060^\u2060^\u2060)"
    assert serious("TQ306", text) == []
    assert info("TQ306", text) == ["\u2060^\u2060^\u2060"]


@pytest.mark.must_flag("TQ306")
def test_a_word_joiner_between_letters_is_still_an_error() -> None:
    assert serious("TQ306", "A zero\u2060width join in a word.") == ["\u2060"]


@pytest.mark.parametrize("text", [
    "Он сделал почти такую \u200b\u200bже большую ошибку.",  # a web translator's paste
    "An interview with The\u200b Sunday Times.",
])
def test_a_zero_width_space_against_one_space_between_words_is_info(text: str) -> None:
    assert serious("TQ306", text, lang="ru" if "Он" in text else "en") == []
    assert len(info("TQ306", text, lang="ru" if "Он" in text else "en")) == 1


@pytest.mark.must_flag("TQ306")
@pytest.mark.parametrize("text", [
    "The cost of \u200b \u200b the plan.",  # spaced out: shows as a wide gap
    "A zero\u200bwidth space splits a word for search.",
    "Ends with a zero-width space \u200b",
])
def test_a_zero_width_space_that_changes_the_text_is_still_an_error(text: str) -> None:
    assert serious("TQ306", text) != []


def test_each_conjunct_narrowed_by_its_own_participle_is_info() -> None:
    text = "Minutes earned: number of minutes in extended games or games won."
    assert serious("TQ102", text) == []
    assert info("TQ102", text) == ["games or games"]


@pytest.mark.must_flag("TQ102")
def test_a_participle_on_one_side_only_is_still_a_stutter() -> None:
    assert serious("TQ102", "Check the associated circuits or circuits, respectively.") == [
        "circuits or circuits"]
    assert serious("TQ102", "They depend on instructions and instructions given by the Kremlin.") \
        == ["instructions and instructions"]


@pytest.mark.must_pass("TQ205")
@pytest.mark.parametrize("text", [
    "could you please tell me which tram I should get into",
    "Nobody knew what the new owners were getting into",
])
def test_a_preposition_stranded_by_a_question_word_is_no_cut_off(text: str) -> None:
    assert serious("TQ205", text) == []


@pytest.mark.must_flag("TQ205")
def test_the_same_preposition_without_a_question_word_is_a_cut_off() -> None:
    assert serious("TQ205", "The whole delegation then went straight into") != []


@pytest.mark.must_pass("TQ101")
def test_a_sung_hyphenated_double_is_no_stutter() -> None:
    assert serious("TQ101", "She sang la-la-la la-la-la all the way home.") == []
    assert serious("TQ101", "Ha-ha ha-ha, very funny.") == []


@pytest.mark.must_flag("TQ101")
def test_a_hyphenated_content_word_doubled_is_still_a_stutter() -> None:
    assert serious("TQ101", "They built a man-made man-made lake.") == ["man-made man-made"]


@pytest.mark.parametrize(("text", "lang"), [
    ("熊會爬樹。", "zh"),
    # Russian the detectors call Bulgarian (whose alphabet is within Russian's): no word of
    # Bulgarian's own stands in it.
    ("Следите за Яном Ханчеттом в Твиттере @IanHanchett", "ru"),
    # Cyrillic beside Latin reads as Serbian by script; no letter of Serbian's own stands in it.
    ("Фото: Primeminister.kz", "ru"),
])
def test_a_neighbour_named_by_statistics_alone_is_a_guess(text: str, lang: str) -> None:
    assert serious("TQ701", text, lang) == []
    assert info("TQ701", text, lang) == [text]


@pytest.mark.parametrize(("text", "lang"), [
    ("Де в тебе болить?", "uk"),
    ("Обидва собаки сплять.", "uk"),
])
def test_a_sentence_the_targets_lexicon_settles_is_no_guess(text: str, lang: str) -> None:
    # Ukrainian has a lexicon (tqcheck/data/lexicon/uk.txt): its words settle the sentence as
    # Ukrainian before the statistics could call it Russian.
    assert serious("TQ701", text, lang) == []
    assert info("TQ701", text, lang) == []


@pytest.mark.must_flag("TQ701")
@pytest.mark.parametrize(("text", "lang"), [
    ("Он сказал, что это очень важно для нас.", "uk"),  # что, это, очень: Russian only
    ("Мы не знаем, где они сейчас живут.", "uk"),  # ы
    ("私は毎朝コーヒーを飲みます。", "zh"),  # kana
    ("Правителството заяви, че това е важно решение, което ще промени живота на хората в "
     "страната.", "ru"),  # това, което, ще
])
def test_a_neighbour_with_a_letter_or_word_of_its_own_is_still_flagged(text: str,
                                                                      lang: str) -> None:
    assert serious("TQ701", text, lang) == [text]


@pytest.mark.must_pass("TQ105")
@pytest.mark.parametrize(("text", "lang"), [
    ("הא הא הא! האם את מנסה להרוג את כל הזבובים?", "he"),
    ("لا، لا، لا، لا، لا.", "ar"),
    ("Ха ха ха, как смешно.", "ru"),
])
def test_laughter_and_a_repeated_no_are_no_loop(text: str, lang: str) -> None:
    assert serious("TQ105", text, lang) == []


@pytest.mark.must_flag("TQ105")
def test_another_word_repeated_so_is_still_a_loop() -> None:
    assert serious("TQ105", "قال إن المحادثات المحادثات المحادثات المحادثات انتهت.", "ar") != []
    assert serious("TQ105", "Он сказал сказал сказал сказал это.", "ru") != []


@pytest.mark.parametrize("text", ["godiva is good", "godiva's good."])
def test_a_sentence_mostly_of_target_words_is_no_verdict_for_a_language_without_a_lexicon(
        text: str) -> None:
    # The detectors call these Serbian, which has no lexicon to weigh against English's: half
    # the words are English, and the document is English.
    assert serious("TQ701", text, "en") == [] and info("TQ701", text, "en") == []
