"""Recall of residue, punctuation and repetition artifacts on text from writers who do not share
the project's habits (sixth round of issue 14): markup and placeholders in prose, entities,
marks of other scripts, number norms of languages without a data file, tilde ranges, tripled
grammatical doubles, phrases holding a number, words with combining marks.  Each case that must
be flagged comes with fluent text that must not be."""

from __future__ import annotations

import pytest

from tqcheck.audit import audit_text
from tqcheck.config import Settings


def _found(text: str, lang: str, code: str, source_lang: str | None = None,
           fmt: str | None = None) -> list[str]:
    report = audit_text(text, Settings.of(lang=lang, source_lang=source_lang), path="t.txt")
    out = []
    for f in report.findings:
        if f.code == code:
            lines = text.split("\n")
            start = sum(len(x) + 1 for x in lines[: f.line - 1]) + f.col - 1
            end = sum(len(x) + 1 for x in lines[: f.end_line - 1]) + f.end_col - 1
            out.append(text[start:end])
    return out


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "Si spedisce con una custodia rigida.<br> La cancellazione si regola qui.", ["<br>"]),
    ("fi", "Valitse kirjautumissivulla <strong>Unohtuiko salasana?</strong> Jos ongelma jatkuu, "
     "ota yhteyttä.", ["<strong>", "</strong>"]),
    ("nl", "De functie staat standaard aan.\n\n**Nieuw:** je kunt lijsten nu samen bewerken.",
     ["**Nieuw:**"]),
    ("en", 'If the server is down, the message "Connection failed: {0}" is shown.', ["{0}"]),
    ("de", "Die Datei %s wurde gespeichert.", ["%s"]),
    ("en", "Read the [full report](https://example.org/report) today.",
     ["[full report](https://example.org/report)"]),
])
def test_markup_and_placeholders_in_prose(lang: str, text: str, expected: list[str]) -> None:
    assert _found(text, lang, "TQ409") == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Press <Enter> to go on; if x<y then 50% of users agree."),
    ("en", "Call __init__ first, then the *main* loop, and use 100%s of effort."),
    ("fr", "Près de 50 % des gens, dans l’ensemble {a, b}, disent oui."),
    ("en", "He wrote 2 ** 3 and 4 ** 2 on the board."),
])
def test_fluent_text_has_no_markup(lang: str, text: str) -> None:
    assert _found(text, lang, "TQ409") == []


def test_markup_the_source_has_is_info() -> None:
    from tqcheck.checks.mirror import MirrorCase, mirror_reason
    from tqcheck.model import Segment

    seg = Segment("Valitse <strong>Unohtuiko?</strong>", 1)
    start = seg.text.index("<strong>")
    case = MirrorCase("TQ409", seg, start, start + 8, "Choose <strong>Forgot?</strong>", "en")
    assert mirror_reason(case) is not None
    case = MirrorCase("TQ409", seg, start, start + 8, "Choose Forgot?", "en")
    assert mirror_reason(case) is None


def test_every_html_entity_is_debris_but_not_ampersand_text() -> None:
    text = "Prices rose 5&ndash;7 per cent at AT&T; the &eacute;lite &shy;left."
    assert _found(text, "en", "TQ407") == ["&ndash;", "&eacute;", "&shy;"]


@pytest.mark.parametrize(("text", "source", "mark"), [
    ("Results will be published on 16 October at 11 a.m.। Students can collect them.", "bn", "।"),
    ("The authority will also organise various ๆ festivals.", "th", "ๆ"),
    ("It published its findings in the journal 《Nature》, reporting a new material.", "zh", "《"),
    ('"Who can say that the economy is not improving;" he asked.', "el", ";"),
])
def test_marks_of_other_scripts(text: str, source: str, mark: str) -> None:
    assert mark in _found(text, "en", "TQ304", source_lang=source)


@pytest.mark.parametrize(("lang", "text", "source"), [
    ("en", "We need eggs; milk and bread; and nothing else.", "el"),
    ("en", '"We stay," he said; the others left.', "el"),
    ("hi", "परिणाम 16 अक्टूबर को घोषित होंगे। छात्र उन्हें ले सकते हैं।", None),
    ("el", "Ποιος μπορεί να πει ότι η οικονομία δεν βελτιώνεται;", None),
])
def test_own_marks_are_not_foreign(lang: str, text: str, source: str | None) -> None:
    assert _found(text, lang, "TQ304", source_lang=source) == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ro", "Procurorii au deschis ancheta privind o pagubă de 2.3 milioane de lei.", ["2.3"]),
    ("fi", "Hinta nousi 4.5 prosenttia viime vuonna.", ["4.5"]),
    # An amount of hours is a decimal, whatever word follows ("2.5 sata": two and a half hours).
    ("hr", "Putovanje traje 2.5 sata vlakom.", ["2.5"]),
    ("sl", "Inflacija je znašala 14.30 odstotka.", ["14.30"]),
    ("en", "The government released R$ 1,2 billion for emergency actions.", ["1,2"]),
    ("en", "The embassy will run an emergency line 10~20 December.", ["10~20"]),
])
def test_number_norms(lang: str, text: str, expected: list[str]) -> None:
    assert _found(text, lang, "TQ308") == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("pl", "Mieszkańcy mogą dzwonić w godz. 7.30–15.30 od poniedziałku do piątku."),
    ("fi", "Toimisto on auki klo 9.30 alkaen, ja versio 2.3 on valmis."),
    # An hour word before or after an H.MM number: a clock time, not even info.
    ("et", "Koosolek algab kell 14.30 raekojas."),
    ("lv", "Sanāksme sāksies plkst. 14.30 pilsētas domē."),
    ("id", "Rapat dimulai pukul 14.30 dan kereta tiba pada 16.45 WIB di stasiun."),
    ("sl", "Seja se bo začela ob 14.30 v mestni hiši."),
    ("uk", "Засідання розпочнеться о 14.30 у мерії."),
    ("el", "Η συνεδρίαση αρχίζει στις 14.30 στο δημαρχείο."),
    ("hu", "Az ülés 14.30-kor kezdődik a városházán."),
    ("lt", "Posėdis prasidės 14.30 val. rotušėje."),
    ("hr", "Sjednica počinje u 14.30 sati u gradskoj vijećnici."),
    ("ro", "Paguba a fost de 2,3 milioane de lei, iar 1.500 de oameni au protestat."),
    ("en", "About ~20 people came; the ratio was 3:1 and the file a~b.txt."),
    ("ja", "12月10日~20日まで営業します。"),
])
def test_number_norms_pass(lang: str, text: str) -> None:
    assert _found(text, lang, "TQ308") == []


def test_tripled_grammatical_double_is_a_loop_and_emphasis_is_not() -> None:
    assert _found("The team had had had a difficult week.", "en", "TQ105") == ["had had had"]
    assert _found("The team had had a difficult week.", "en", "TQ105") == []
    assert _found('"No no no," she said, "ha ha ha."', "en", "TQ105") == []


def test_phrase_with_a_number_repeated() -> None:
    text = "Includes a recipe book with 40 recipes with 40 recipes and a guarantee."
    assert _found(text, "en", "TQ103") == ["with 40 recipes with 40 recipes"]
    assert _found("Call 12 34 12 34 or write to us.", "en", "TQ103") == []
    assert _found("It was 0 degrees, 0 degrees at night.", "en", "TQ103") == []


def test_words_with_combining_marks_repeat_whole() -> None:
    # "رويدًا رويدًا" (little by little) is grammar; a doubled preposition is a stutter.
    fluent = "نتوقع أن ترتفع نسبة الإقبال رويدًا رويدًا مع انخفاض درجات الحرارة."
    for code in ("TQ101", "TQ103"):
        assert _found(fluent, "ar", code) == []
    assert _found("ذهب الوزيرُ إلى إلى المؤتمر.", "ar", "TQ101") == ["إلى إلى"]
    assert _found("وصل الوفدُ الوفدُ إلى القاهرة.", "ar", "TQ101") == ["الوفدُ الوفدُ"]


@pytest.mark.parametrize(("lang", "text", "code", "expected"), [
    # English quotes in Romanian, which writes „…”: the norms of a language without a data file.
    ("ro", "Președintele a spus: “Nu vom ceda”, iar ministrul a confirmat.", "TQ309", ["“"]),
    ("sv", "Presidenten sa: “Vi ger inte upp”, och ministern bekräftade.", "TQ309", ["“"]),
    ("bg", 'Той каза, че цената е 2.5 лева на килограм.', "TQ308", ["2.5"]),
])
def test_norms_of_languages_without_a_data_file(lang: str, text: str, code: str,
                                                expected: list[str]) -> None:
    assert _found(text, lang, code)[: len(expected)] == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("ro", "Președintele a spus: „Nu vom ceda”, iar ministrul a confirmat «așa»."),
    ("bg", "Той каза: „Няма да се откажем“, а цената е 2,5 лева."),
    ("el", "Ο πρόεδρος είπε: «Δεν θα υποχωρήσουμε», και η τιμή είναι 2,5 ευρώ."),
    # Finnish and Swedish open and close with the same mark: ”…” is balanced.
    ("fi", "Presidentti sanoi: ”Emme anna periksi”, ja hinta on 2,5 euroa."),
    ("sv", "Presidenten sa: ”Vi ger inte upp”, och priset är 2,5 kronor."),
])
def test_norms_of_languages_without_a_data_file_pass(lang: str, text: str) -> None:
    for code in ("TQ301", "TQ308", "TQ309"):
        assert _found(text, lang, code) == []


def test_a_language_without_a_file_stays_unknown() -> None:
    from tqcheck.langdata import load_language

    data = load_language("ca")
    assert not data.known and data.name == "Catalan" and data.get("numbers", "decimal") == ","
    # Nothing but the splitter's default without data: a number's full stop before a lowercase
    # word ends no sentence (ordinals).
    assert load_language("xx").raw == {"ordinal_dot": True}


def test_tilde_range_stops_at_the_number() -> None:
    assert _found("From 1992~2016. Then 19~21, and more.", "en", "TQ308") == ["1992~2016", "19~21"]


def test_decoder_tokens_are_debris() -> None:
    text = "The talks ⁇ ended and __de__ Die Gespräche <2en> resumed."
    assert _found(text, "en", "TQ407") == ["⁇", "__de__", "<2en>"]
    assert _found("Call __init__ in snake__case code; a <2 b and x__y.", "en", "TQ407") == []


def test_digits_of_every_script() -> None:
    assert _found("The price was ৫০০ taka and ๕๐ baht.", "en", "TQ305") == ["৫০০", "๕๐"]
    assert _found("ราคา ๕๐ บาท", "th", "TQ305") == []
    assert _found("দাম ৫০০ টাকা", "bn", "TQ305") == []
