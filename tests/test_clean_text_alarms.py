"""False alarms on clean human text without the source in view (issue 14): general rules, each
with must-flag and must-pass examples (invented sentences of the shapes found in human references)."""

from __future__ import annotations

from tqcheck.audit import AuditOptions, audit_text
from tqcheck.model import Finding


def serious(text: str, code: str, lang: str = "en") -> list[Finding]:
    report = audit_text(text, AuditOptions(select=(code,), lang=lang, format_in="text"))
    return [f for f in report.findings if f.code == code and f.severity.value != "info"]


def found(text: str, code: str, lang: str = "en") -> list[Finding]:
    report = audit_text(text, AuditOptions(select=(code,), lang=lang, format_in="text"))
    return [f for f in report.findings if f.code == code]


# --- TQ302: a parenthesis written over two or three lines --------------------------------------


def test_parenthesis_closed_on_the_next_line_is_one_pair() -> None:
    text = "(Remark: the price was 900 coins with delivery.\n) I liked it a lot anyway.\n"
    assert serious(text, "TQ302") == []
    notes = found(text, "TQ302")
    assert len(notes) == 2 and all("on line" in f.message for f in notes)
    three = ("(Most of the paint comes off after a week, so clean it often.\n"
             "Be careful with brushes that say not to wash them.\n"
             ") Someone told me to use a sponge instead.\n")
    assert serious(three, "TQ302") == []
    ru = "(не знаю, важно ли это, но я пробовал почти все ловушки\nИ ни одна не работает.)\n"
    assert serious(ru, "TQ302", "ru") == []


def test_lone_brackets_far_apart_or_of_other_kinds_still_flag() -> None:
    far = ("(Remark: the price was 900 coins.\nLine two.\nLine three.\n"
           "Line four) is here.\n")
    assert len(serious(far, "TQ302")) == 2
    kinds = "(Remark: the price was 900 coins.\n] I liked it.\n"
    assert len(serious(kinds, "TQ302")) == 2
    one_line = "The agency (IAEA said on Thursday that talks continue.\nNothing else.\n"
    assert len(serious(one_line, "TQ302")) == 1
    # The opener must be the line's last unclosed bracket: a closer before it does not pair.
    backwards = "He left) early.\n(and came back later.\n"
    assert len(serious(backwards, "TQ302")) == 2


# --- TQ301: quotations that run over several paragraphs -----------------------------------------


def test_quotation_closed_at_the_end_of_a_later_paragraph_is_info() -> None:
    text = ("The minister spoke for an hour.\nIt is our aim, and we will reach it.\n"
            "Nobody here doubts that we will win the cup».\n")
    assert serious(text, "TQ301", "ru") == []
    assert found(text, "TQ301", "ru")  # still shown, as info
    attributed = "Больше половины территории страдает от засухи», — сообщает агентство.\n"
    assert serious(attributed, "TQ301", "ru") == []
    nested = ("Он ответил: «Вы видите эти утечки, а потом они говорят: „Нет, не я.\n"
              "Другая строка.\n")
    assert serious(nested, "TQ301", "ru") == []


def test_quotation_mark_lost_inside_a_line_still_flags() -> None:
    # A closing mark in the middle of its line: a lost opening mark.
    mid = "Речь шла о куртке (одежда, утепленная гордыней», как пишет газета) и о другом.\n"
    assert len(serious(mid, "TQ301", "ru")) == 1
    # Too short to be the end of a running quotation.
    short = "Он ушёл».\n"
    assert len(serious(short, "TQ301", "ru")) == 1
    # Two openers, the inner quotation closed on the line: the outer one is lost.
    unclosed = "Он сказал: «Мы видим, что „это правда“, и всё.\nДругая строка без кавычек.\n"
    assert len(serious(unclosed, "TQ301", "ru")) == 1


# --- TQ104: templates and titles -----------------------------------------------------------------


def test_sentence_opening_two_procedures_is_a_template() -> None:
    text = ("1. Press and hold the power button on the side of the device. The start menu opens. "
            "2. Choose Settings.\n"
            "1. Press and hold the power button on the side of the device. The lock screen "
            "appears. 2. Choose Lock.\n")
    assert serious(text, "TQ104") == []
    assert found(text, "TQ104")  # shown as info
    closing = ("The first display shows the credits. After you press the red key, the next "
               "display appears on the screen.\n"
               "The second display shows the score. After you press the red key, the next "
               "display appears on the screen.\n")
    assert serious(closing, "TQ104") == []


def test_title_quoting_its_review_is_no_repeat() -> None:
    text = ("This is a really lovely warm winter coat. The fabric is soft\n"
            "This is a really lovely warm winter coat. The fabric is soft. It did not crease "
            "in the box.\n")
    assert found(text, "TQ104") == []
    middle = ("He and his brother are truly great actors in this film. About the ending\n"
              "The story is long. He and his brother are truly great actors in this film. About "
              "the ending, I am not sure.\n")
    assert found(middle, "TQ104") == []


def test_resent_chunks_still_flag() -> None:
    # The end of one paragraph copied to the start of the next: re-sent overlapping chunks.
    text = ("The talks began on Monday. Talks will resume next week in the capital city.\n"
            "Talks will resume next week in the capital city. Both sides expect progress.\n")
    assert len(serious(text, "TQ104")) == 1
    # A one-sentence paragraph said again right below.
    again = ("Talks will resume next week in the capital city.\n"
             "Talks will resume next week in the capital city.\n")
    assert len(serious(again, "TQ104")) == 1
    # A title line that ends like a sentence and repeats the body is a repeat.
    titled = ("This is a really lovely warm winter coat.\n"
              "This is a really lovely warm winter coat. It did not crease in the box.\n")
    assert len(serious(titled, "TQ104")) == 1


# --- TQ205: speech broken off with a dash ---------------------------------------------------------


def test_utterance_broken_off_with_a_dash_is_info() -> None:
    for text, lang in (("Но нам действительно стоит подготовить систему – подготовить к –\n", "ru"),
                       ("Ihr drei solltet euch treffen und prüfen, was das System mit der –\n",
                        "de"),
                       ("So we should really prepare the whole system for the-\n", "en")):
        assert serious(text, "TQ205", lang) == []
        assert found(text, "TQ205", lang)  # shown as info
    # Cut off without a dash: still flagged.
    cut = "The minister said that the talks would resume between the\n"
    assert len(serious(cut, "TQ205")) == 1
