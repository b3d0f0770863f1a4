"""Checks on corpus records: sentence pairs of prose cut from their documents, with the source in
view (TQ835 numbers, TQ701 language, TQ837 length, TQ381 end marks, TQ301 quotes, TQ834 tags)."""

from __future__ import annotations

from typing import Any

import pytest

from tqcheck.bitext.audit import audit_records


def _findings(source: str, target: str, lang: str = "en", source_lang: str = "ru"
              ) -> list[dict[str, Any]]:
    rows = [{"id": "r1", "src": source, "text": target}]
    out = list(audit_records(rows, lang=lang, source_lang=source_lang, source_field="src",
                             id_field="id"))
    findings: list[dict[str, Any]] = out[0]["tq_findings"]
    return findings


def _dropping(source: str, target: str, code: str, **kw: str) -> list[str]:
    """Messages of ``code``'s findings that drop the record (warning or error)."""
    return [f["message"] for f in _findings(source, target, **kw)
            if f["code"] == code and f["severity"] in {"warning", "error"}]


# --- TQ835: numbers compared as prose ------------------------------------------------------------


@pytest.mark.parametrize(("source", "target"), [
    ("Они дружили вот уже 10 лет.", "They have been close for ten years."),
    ("Считается, что оружие появилось в XIV веке.", "It is thought that firearms appeared in the "
     "14th century."),
    ("Город с населением свыше 380 тысяч людей был завален обломками.",
     "The city, which has more than 380,000 people, was strewn with debris."),
    ("Вчера мы говорили об этом с [ЧЕЛОВЕК14].", "Yesterday we talked about it with [PERSON14]."),
    ("Как показано на рис. 1, случаи впервые зарегистрированы 31 декабря 2019 года.",
     "As shown in Fig.1, cases were first reported on December 31, 2019."),
    ("Я сделал это в двадцати пяти случаях.", "I did it in 25 cases."),
    ("Кит, которому 31 год, признался в этом.", "Kit, thirty-one, admitted it."),
    ("Матч пройдет в среду в 15:00.", "The match is at 3 p.m. on Wednesday."),
    ("Чтения по субботам, в 11.00 и в 14.00.", "Readings on Saturday at 11am and 2pm."),
    ("Ожидается до 5–10 см осадков.", "As much as 2 to 4 inches of rain is expected."),
    ("Ветер до 137 км/ч.", "Winds of 85 miles per hour."),
    ("300-килограммовое животное.", "A 650 pound pig."),
    ("Было 27 градусов тепла.", "It was a sunny 80 degrees."),
    ("В 2010–2011 годах было 12,5 коек.", "In 2010–11 there were 12.5 beds."),
    ("Опубликовано 6 февраля 2020 г.", "Published on 06 February 2020."),
], ids=["words", "roman", "scaled", "glued", "glued-dot", "source-words", "compound-words",
        "clock", "clock-dot", "range-cm-inch", "kmh-mph", "hyphen-kg-lb", "celsius-fahrenheit",
        "year-range", "leading-zero"])
def test_record_numbers_rendered_another_way_do_not_drop(source: str, target: str) -> None:
    assert _dropping(source, target, "TQ835") == []


@pytest.mark.parametrize(("source", "target", "messages"), [
    ("Всего 25 человек пришли на встречу.", "Only 35 people came to the meeting.",
     ["number 25 of the source is missing", "number 35 is not in the source"]),
    ("Но если взять 2 разных кабеля, всё работает.", "But if you take 3 different cables, it all "
     "works.", ["number 2 of the source is missing", "number 3 is not in the source"]),
    ("Это основано на кодировке в табл. 4.", "This is based on the coding in Table 9.",
     ["number 4 of the source is missing", "number 9 is not in the source"]),
    ("Погибли 120 человек.", "People died.", ["number 120 of the source is missing"]),
    ("Ветер до 137 км/ч.", "Winds of 137 miles per hour.", []),
    ("Дорога длиной 7 км.", "A road 8 km long.", ["number 7 of the source is missing",
                                                  "number 8 is not in the source"]),
    ("Матч пройдет в 15:00.", "The match is at 5 p.m.", ["number 00 of the source is missing",
                                                         "number 15 of the source is missing",
                                                         "number 5 is not in the source"]),
], ids=["changed", "single-digit-changed", "table", "lost", "same-number-other-unit-not-judged",
        "same-unit-changed", "other-time"])
def test_record_numbers_changed_or_lost_drop(source: str, target: str,
                                             messages: list[str]) -> None:
    assert _dropping(source, target, "TQ835") == messages


def test_record_number_only_added_is_info() -> None:
    found = [f for f in _findings("Кит признался, что он весьма неравнодушен к этой проблеме.",
                                  "Kit, also 31, admitted he feels quite strongly about it.")
             if f["code"] == "TQ835"]
    assert [(f["severity"], f["message"]) for f in found] == [
        ("info", "number 31 is not in the source")]


def test_single_digit_spelled_out_is_not_a_change() -> None:
    assert _dropping("У неё 3 детей и 2 собаки.", "She has three children and two dogs.",
                     "TQ835") == []


# --- TQ701: a record in a third language ---------------------------------------------------------


def test_record_wholly_in_a_third_language_drops() -> None:
    msgs = _dropping("Мы будем там в половине третьего.", "Estaremos allí a las dos y media.",
                     "TQ701")
    assert len(msgs) == 1 and "Spanish" in msgs[0]


def test_record_in_the_target_language_is_not_flagged() -> None:
    assert _dropping("Мы будем там в половине третьего.", "We will be there at half past two.",
                     "TQ701") == []


def test_record_copy_of_its_source_is_left_to_tq831() -> None:
    text = "Мы будем там в половине третьего."
    codes = {f["code"] for f in _findings(text, text) if f["severity"] != "info"}
    assert "TQ701" not in codes and "TQ831" in codes


# --- TQ837: cut off -----------------------------------------------------------------------------


def test_record_cut_off_mid_sentence_drops() -> None:
    msgs = _dropping("Мойте руки перед тем, как одевать маску, и не касайтесь маски, когда она "
                     "надета на вас.", "Wash your hands before", "TQ837")
    assert len(msgs) == 1 and "cut off" in msgs[0]


def test_record_far_shorter_but_complete_is_info() -> None:
    found = [f for f in _findings("Мойте руки перед тем, как одевать маску, и не касайтесь маски, "
                                  "когда она надета на вас.", "Wash your hands.")
             if f["code"] == "TQ837"]
    assert [f["severity"] for f in found] == ["info"]


# --- TQ381, TQ301, TQ834 ------------------------------------------------------------------------


def test_exclamation_toned_down_to_a_full_stop_is_info() -> None:
    assert _dropping("Я скорее умру, чем сдамся!", "I'd rather die than surrender.", "TQ381") == []


def test_question_inside_closing_quotes_ends_alike() -> None:
    assert _dropping("Он спросил: «Как могу я пропустить такое?».",
                     'He asked: "How could I miss that?"', "TQ381") == []


def test_question_turned_into_a_statement_still_drops() -> None:
    assert _dropping("Вы удалите этот файл?", "You will delete this file.", "TQ381") != []


def test_quotation_open_at_the_end_of_a_record_is_info() -> None:
    source = "Она ответила: «Дата этой встречи пока не была назначена»."
    target = 'She said: "A date for that meeting has not been set yet.'
    found = [f for f in _findings(source, target) if f["code"] == "TQ301"]
    assert [f["severity"] for f in found] == ["info"]


@pytest.mark.parametrize("target", ["She said: No.” And she left.",
                                    "She said: “No. He said: “Yes.” Then she left."])
def test_quotes_unbalanced_inside_a_record_still_drop(target: str) -> None:
    assert _dropping("Она сказала: «Нет».", target, "TQ301") != []


def test_tags_named_in_source_words_may_be_translated() -> None:
    assert _dropping("Так что обзора не было. <смеется/>", "So there was no review. <laugh/>",
                     "TQ834") == []
    assert _dropping("Так что обзора не было. <смеется/>", "So there was no review. <laugh/> "
                     "<cough/>", "TQ834") == ["tag <cough> is not in the source"]
