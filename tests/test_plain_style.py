"""The source out of view: a phenomenon the text itself shows to be its writer's style is info in
plain mode, with the reason (tqcheck.checks.plain); the same finding with the source in view is
left to the mirror tests, and the shapes that are no style stay warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import target_and_source
from tqcheck.audit import AuditOptions, audit
from tqcheck.checks.plain import STYLES
from tqcheck.checks.registry import all_rules
from tqcheck.model import Finding


def _audit(tmp_path: Path, target: str, source: str | None = None, lang: str = "en",
           source_lang: str | None = None) -> list[Finding]:
    tgt, features = target_and_source(tmp_path, target, source)
    options = AuditOptions(lang=lang, source_lang=source_lang, features=features,
                           ignore=("TQ811", "TQ812", "TQ813", "TQ814", "language"))
    return list(audit([tgt], options, jobs=1).findings)


def _severities(findings: list[Finding], code: str) -> list[str]:
    return [f.severity.value for f in findings if f.code == code]


def _styled(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code and "without the source" in f.message]


def test_every_style_code_is_a_registered_rule() -> None:
    assert set(STYLES) <= {r.code for r in all_rules()}


CHAT = ("ok I will call tomorrow\nshe said the room is cold at night\nwe bought a heater anyway\n"
        "he sleeps well now\nthey constantly enter and sign documents\n"
        "since then the nurse comes every day\n")
NEWS = ("The minister arrived in Ankara on Monday.\nTalks lasted four hours.\nBoth sides spoke of "
        "progress.\nthey constantly enter and sign documents.\nA statement followed in the "
        "evening.\nThe next round is due in May.\n")


def test_lowercase_lines_in_a_chat_are_the_writers(tmp_path: Path) -> None:
    chat = _audit(tmp_path, CHAT)
    assert _severities(chat, "TQ203") and set(_severities(chat, "TQ203")) == {"info"}
    assert "lowercase" in _styled(chat, "TQ203")[0].message
    # One lowercase line in capitalised prose is no style: a warning.
    assert _severities(_audit(tmp_path, NEWS), "TQ203") == ["warning"]


def test_lowercase_after_trailing_off_is_the_writers(tmp_path: Path) -> None:
    text = "The case is fine... but the strap broke after a week!! still it was cheap.\n"
    assert set(_severities(_audit(tmp_path, text), "TQ203")) == {"info"}
    # A sentence the MT cut off its first letter ("n terms") is no style.
    cut = "The sound is good. n terms of price it is fair.\n"
    assert _severities(_audit(tmp_path, cut), "TQ203") == ["warning"]


def test_the_source_in_view_is_left_to_the_mirror_tests(tmp_path: Path) -> None:
    # With a source that capitalises, the same chat line is a warning: no style test runs.
    source = "\n".join(line.capitalize() for line in CHAT.splitlines()) + "\n"
    findings = _audit(tmp_path, CHAT, source)
    assert "warning" in _severities(findings, "TQ203")
    assert not _styled(findings, "TQ203")


def test_two_full_stops_trail_off(tmp_path: Path) -> None:
    text = "Very nice dress, easy to wear for many occasions.. The price is right.\n"
    assert _severities(_audit(tmp_path, text), "TQ310") == ["info"]
    assert _severities(_audit(tmp_path, "Very nice dress,, easy to wear.\n"), "TQ310") \
        == ["warning"]


@pytest.mark.parametrize("text", [
    "You should play with the dog, not with its collar :-) . The app worked well.\n",
    "Function not completely flawless !!! After three months the case broke.\n",
    "Half of the tanks lost? : the report counts them\n",
    "The children want a lot,ask him for toys ,then run around.And he is used to calm.\n",
])
def test_a_space_before_a_mark_the_writer_put_there(tmp_path: Path, text: str) -> None:
    assert set(_severities(_audit(tmp_path, text), "TQ307")) == {"info"}


def test_a_comma_typed_with_its_space_on_the_wrong_side(tmp_path: Path) -> None:
    text = "He says that we will go home ,he will not make us documents.\n"
    assert _severities(_audit(tmp_path, text), "TQ307") == ["info"]


def test_a_space_before_a_full_stop_after_a_word_stays(tmp_path: Path) -> None:
    assert _severities(_audit(tmp_path, "The talks ended on Monday . Both sides left.\n"),
                       "TQ307") == ["warning"]


@pytest.mark.parametrize("text", [
    "I'm glad I can choose from two ways (^.\n",
    "My husband goes to the apiary on his day off)\n",
    "He said that glasses were stylish.)\n",
    "The seat is hard and not comfortable to sit on (weak elasticity?\n",
])
def test_a_bracket_that_is_a_smiley(tmp_path: Path, text: str) -> None:
    assert _severities(_audit(tmp_path, text), "TQ302") == ["info"]


def test_a_bracket_left_open_in_prose_stays(tmp_path: Path) -> None:
    text = "The company (founded in 1990 said on Monday that sales rose.\n"
    assert _severities(_audit(tmp_path, text), "TQ302") == ["warning"]


def test_a_word_repeated_across_a_comma_is_spoken(tmp_path: Path) -> None:
    text = "Then you re-evaluate the missing ones, und, und, und so weiter.\n"
    findings = _audit(tmp_path, text.replace("und", "and"))
    assert set(_severities(findings, "TQ101")) <= {"info"}
    assert _severities(_audit(tmp_path, "It was the the best day.\n"), "TQ101") == ["error"]
    transcript = "(PERSON3) So it may give us the same answers if if the model attends.\n"
    assert _severities(_audit(tmp_path, transcript), "TQ101") == ["info"]


def test_an_emphatic_triple_is_no_loop(tmp_path: Path) -> None:
    text = "Come in, come in, come in... The door is open.\n"
    assert _severities(_audit(tmp_path, text), "TQ105") == ["info"]
    loop = "Come in, come in, come in, come in, come in, come in... The door is open.\n"
    assert _severities(_audit(tmp_path, loop), "TQ105") == ["error"]


def test_a_sentence_repeated_in_another_paragraph(tmp_path: Path) -> None:
    said = "Kim Jong-un paid a visit to the generals on the army's 75th anniversary."
    across = _audit(tmp_path, f"{said}\n\nThe visit was reported at length.\n\n{said}\n")
    assert _severities(across, "TQ104") == ["info"]
    # A loop inside one paragraph is no style.
    within = _audit(tmp_path, f"{said} {said}\n\nThe visit was reported at length.\n")
    assert _severities(within, "TQ104") == ["warning"]
    # One segment per line: a headline restated after its lead, one line between, is style too;
    # the paragraph right before said again at once (a chunk the MT re-sent) is not.
    lines = "".join(f"Line {n} of the report says something of its own.\n" for n in range(8))
    headline = _audit(tmp_path, f"{lines}{said}\nThe visit was reported at length.\n{said}\n")
    assert _severities(headline, "TQ104") == ["info"]
    resent = _audit(tmp_path, f"{lines}The visit was reported.\n\n{said}\n\n{said}\n")
    assert _severities(resent, "TQ104") == ["warning"]


def test_a_paragraph_trailing_off(tmp_path: Path) -> None:
    text = "If you three could meet and check what the project is doing with...\n"
    assert set(_severities(_audit(tmp_path, text), "TQ205")) <= {"info"}


def test_a_short_line_left_unfinished_among_lines(tmp_path: Path) -> None:
    cut = "I know they are not very fast compared with the"
    lines = f"The order came on Monday.\n{cut}\nThe price was fair.\n"
    assert _severities(_audit(tmp_path, lines), "TQ205") == ["info"]
    # As a paragraph of its own (blank lines around), it is cut off: a warning.
    paragraphs = f"The order came on Monday.\n\n{cut}\n\nThe price was fair.\n"
    assert _severities(_audit(tmp_path, paragraphs), "TQ205") == ["warning"]


def test_a_label_line_in_a_post(tmp_path: Path) -> None:
    text = "very bad\n\nThe strap broke after two days!! Never again :-(\n"
    assert _severities(_audit(tmp_path, text), "TQ202") == ["info"]
    heading = ("The talks went on for four hours on Monday.\n\nprevious conversations\n\n"
               "Talks between the two sides have so far led to a truce.\n")
    assert _severities(_audit(tmp_path, heading), "TQ202") == ["warning"]
    # In a text of one segment per line (MT output), a short lowercase line may be a review's
    # title or a message as well as a heading: info.
    lines = ("The talks went on for four hours on Monday.\nprevious conversations\n"
             "Talks between the two sides have so far led to a truce.\n")
    assert _severities(_audit(tmp_path, lines), "TQ202") == ["info"]


def test_a_line_opening_with_an_elongated_interjection(tmp_path: Path) -> None:
    text = ("The bike lane is narrow.\nhmmm, before passing cyclists you have to shout loudly.\n"
            "The police agree.\n")
    found = _styled(_audit(tmp_path, text), "TQ203")
    assert found and "elongated" in found[0].message
    assert _styled(_audit(tmp_path, text.replace("hmmm", "hmm")), "TQ203")
    # A lowercase start without one stays a warning.
    plain = "The bike lane is narrow.\nbefore passing cyclists you have to shout loudly.\n"
    assert _severities(_audit(tmp_path, plain), "TQ203") == ["warning"]


@pytest.mark.parametrize(("text", "lang"), [
    ("We stayed at home that week.\nbut I won't tell you why.\nIt rained.\n", "en"),
    ("We stayed at home that week.\nwhen they take the catheter out.\nIt rained.\n", "en"),
    ("Ich habe das Modem zurückgeschickt.\naber es passiert oft genug, um zu nerven.\n", "de"),
    ("Я купил новый роутер.\nно это случается достаточно часто, чтобы раздражать.\n", "ru"),
    ("Я купил новый роутер.\nкогда я начал летом эти эксперименты.\n", "ru"),
])
def test_a_line_that_may_go_on_from_the_line_before(tmp_path: Path, text: str, lang: str) -> None:
    # Without the source: a line opening with "but" or a subordinate clause without its main
    # clause may be a sentence the source split across lines: info.
    assert _severities(_audit(tmp_path, text, lang=lang), "TQ203") == ["info"]


def test_a_subordinate_clause_with_its_main_clause_stays(tmp_path: Path) -> None:
    # A comma may part the main clause: a whole sentence that lost its capital.
    text = "The shop opens at nine.\nif you search for it, you will find it at once.\n"
    assert _severities(_audit(tmp_path, text), "TQ203") == ["warning"]
    # So does a line whose first word is no conjunction.
    text = "The shop opens at nine.\nthe staff were friendly and quick.\n"
    assert _severities(_audit(tmp_path, text), "TQ203") == ["warning"]


def test_an_editorial_note_in_square_brackets(tmp_path: Path) -> None:
    for text, lang in (("The meeting went on.\n[continued]\n", "en"),
                       ("Встреча продолжилась.\n[продолжение]\n", "ru")):
        assert _severities(_audit(tmp_path, text, lang=lang), "TQ203") == []
    # A label with text after it is still flagged.
    text = "The shop opens at nine.\n[official] The staff were friendly and quick.\n"
    assert _severities(_audit(tmp_path, text), "TQ203") == ["warning"]


def test_a_short_word_doubled_beside_a_transcripts_lines(tmp_path: Path) -> None:
    # One utterance a line: the speaker labels and anonymised names stand on the lines around.
    lines = ("(PERSON3) So we will see what the analysis gives us.\n"
             "It would be great, and yes, [PERSON12] agrees.\n"
             "But I am not sure it gives us the same answers if if the model attends.\n")
    assert _severities(_audit(tmp_path, lines), "TQ101") == ["info"]
    # A longer word doubled there is as often the MT's own stutter; and without such marks
    # around, a short word doubled stays an error.
    longer = lines.replace("answers if if", "answers, sequential sequential processing if")
    assert _severities(_audit(tmp_path, longer), "TQ101") == ["error"]
    plain = lines.replace("(PERSON3) ", "").replace("[PERSON12]", "Maria")
    assert _severities(_audit(tmp_path, plain), "TQ101") == ["error"]


def test_a_doubled_word_that_is_all_a_quotation_holds(tmp_path: Path) -> None:
    text = 'Das "zoom zoom" Kind ist jetzt ein Erwachsener.\n'
    assert _severities(_audit(tmp_path, text, lang="de"), "TQ101") == ["info"]
    text = 'Er sagte "das ist nicht nicht gut" und ging.\n'
    assert _severities(_audit(tmp_path, text, lang="de"), "TQ101") == ["error"]


def test_the_paragraph_right_before_without_the_segments_around() -> None:
    # A document finding made when the chunk is gone: the count of segments before tells a text
    # of one segment per line from one of paragraphs between blank lines.
    from tqcheck.checks.plain import StyleCase, repeated_elsewhere
    from tqcheck.model import Location, Segment

    said = "Kim Jong-un paid a visit to the generals on the army's 75th anniversary."
    for line, index, style in ((531, 530, True), (531, 265, False)):
        case = StyleCase("TQ104", Segment(said, line, 1, index), 0, len(said),
                         related=(Location("f.txt", line - 2, 1, line - 2, 1),))
        assert (repeated_elsewhere(case) is not None) is style


def test_a_word_ending_one_line_and_opening_the_next(tmp_path: Path) -> None:
    lines = ("The shop was closed on Monday.\nWe asked the staff about it\nit was a holiday.\n"
             "The next day it opened.\n")
    assert _severities(_audit(tmp_path, lines), "TQ101") == ["info"]
    # Hard-wrapped prose between blank lines: a word doubled across the wrap is a slip.
    wrapped = "The shop was closed on Monday.\n\nWe asked the staff about the\nthe holiday.\n"
    assert _severities(_audit(tmp_path, wrapped), "TQ101") == ["error"]


def test_a_short_phrase_said_twice_in_a_transcript(tmp_path: Path) -> None:
    lines = ("(PERSON3) So what would be the use case here?\n"
             "What would be the use case for the for the language identification?\n"
             "How do we plug it in?\n")
    assert _severities(_audit(tmp_path, lines), "TQ103") == ["info"]
    # Without a transcript's marks, or said three times (a loop), or a coordination said
    # twice ("behind the scenes and behind the scenes and"), it stays a warning.
    plain = lines.replace("(PERSON3) ", "")
    assert _severities(_audit(tmp_path, plain), "TQ103") == ["warning"]
    coordination = lines.replace("for the for the language", "backstage and backstage and the language")
    assert _severities(_audit(tmp_path, coordination), "TQ103") == ["warning"]
