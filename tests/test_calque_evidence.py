"""TQ601 without a source language: constructions that are not strong report only beside another
calque construction (two different entries, at different places, within a few neighbouring
paragraphs), and then as info, for those matches alone; and the ninth round's entries into
English flag their construction in other wordings than their own example."""

from __future__ import annotations

import pytest

from tests.test_calque_packs import _ids, _unsourced

# Two Russian constructions, neither strong: 'The matter is that' and 'drew up a protocol'.
MATTER = "The matter is that the bridge was never finished."
PROTOCOL = "Police drew up an administrative protocol against the driver."


def _keys(text: str) -> dict[str, str]:
    """pack:id -> severity of TQ601's findings with no source language."""
    out = {}
    for f in _unsourced(text, "en"):
        key = f.message.split("[", 1)[1].split("]", 1)[0]
        out[key] = f.severity.value
    return out


def test_two_constructions_of_one_source_in_a_paragraph_report_as_info() -> None:
    found = _keys(f"{MATTER} {PROTOCOL}")
    assert found == {"ru:the-matter-is-that-bare": "info", "ru:drew-up-a-protocol": "info"}


def test_the_pair_may_come_from_two_packs() -> None:
    found = _keys(f"{MATTER} It was learned that the suspect had fled.")
    assert found == {"ru:the-matter-is-that-bare": "info", "tr:it-was-learned": "info"}


def test_one_construction_alone_needs_the_source() -> None:
    assert _keys(MATTER) == {}
    assert _keys(PROTOCOL) == {}
    assert "ru:the-matter-is-that-bare" in _ids(MATTER, "en", "ru")


def test_the_pair_may_lie_in_neighbouring_paragraphs_not_far_apart() -> None:
    near = f"{MATTER}\n\nThe mayor spoke.\n\n{PROTOCOL}"
    assert set(_keys(near)) == {"ru:the-matter-is-that-bare", "ru:drew-up-a-protocol"}
    far = f"{MATTER}\n\n" + "The mayor spoke.\n\n" * 4 + PROTOCOL
    assert _keys(far) == {}


def test_one_entry_twice_is_not_a_pair() -> None:
    assert _keys(f"{PROTOCOL} Later, police drew up a protocol on the owner.") == {}


def test_a_given_source_language_decides_alone() -> None:
    # With the source language given, the Russian pack reports for Russian only.
    assert _ids(f"{MATTER} {PROTOCOL}", "en", "de") == []
    assert set(_ids(f"{MATTER} {PROTOCOL}", "en", "ru")) == {
        "ru:the-matter-is-that-bare", "ru:drew-up-a-protocol"}


# (entry, source language, text in another wording than the entry's example)
FLAGGED = [
    ("mul:because-so", "zh", "Because prices kept rising in spring, so families cut spending."),
    ("mul:became-to-verb", "ja", "Over time the villagers have become to trust the new doctor."),
    ("mul:said-me-that", "es", "Her lawyer says us that the appeal is ready."),
    ("mul:the-facts-occurred", "it", "According to the police, the facts took place near the station."),
    ("mul:presumed-author", "fr", "The suspected authors of several burglaries were released."),
    ("mul:there-are-years-that", "pt", "There were five years that nobody lived in the house."),
    ("mul:completed-years-age", "pl", "The day he turned 18 years he left home."),
    ("mul:the-injured-singular", "es", "The wounded remains in intensive care."),
    ("ru:complex-of-measures", "uk", "The ministry approved an entire complex of urgent measures."),
    ("ru:in-the-established-order", "ru", "Fines are paid in an obligatory order."),
    ("zh:timely-before-verb", "zh", "The hospital timely treated the patients."),
    ("zh:in-the-coming-time", "vi", "Prices will keep rising in the upcoming time."),
    ("tr:continued-his-words", "tr", "She started her words by saying that the city is safe."),
    ("fa:this-is-while", "fa", "This comes while prices rose again."),
    ("de:meet-a-decision", "de", "The council meets the final decision in May."),
    ("pl:the-most-important-is", "pl", "The most difficult is to start."),
    ("ja:strong-rain", "ja", "A powerful downpour hit Tokyo."),
    ("es:at-the-height-of-place", "es", "The car stopped at the height of the Calle Mayor."),
]

# (entry, source language, fluent text that shares the entry's words)
PASSED = [
    ("mul:because-so", "zh", "Because prices kept rising, families cut spending, and so did firms."),
    ("mul:became-to-verb", "ja", "The villagers have come to trust the new doctor, who became too busy."),
    ("mul:said-me-that", "es", "Her lawyer told us that the appeal is ready; he said her name twice."),
    ("mul:the-facts-occurred", "it", "The facts of the case occurred to me later."),
    ("mul:there-are-years-that", "pt", "There were five years that changed the country."),
    ("mul:completed-years-age", "pl", "He completed 18 years of service and turned 60."),
    ("mul:the-injured-singular", "es", "The wounded remain in intensive care; the young are at risk."),
    ("ru:complex-of-measures", "uk", "The sports complex of the university opened."),
    ("zh:timely-before-verb", "zh", "Timely treatment saved the patients."),
    ("tr:continued-his-words", "tr", "She weighed her words and concluded her remarks by saying thanks."),
    ("de:meet-a-decision", "de", "Fans met the decision with anger; the plan meets the new rules."),
    ("pl:the-most-important-is", "pl", "The most important thing is to start."),
    ("ja:strong-rain", "ja", "Heavy rain and strong winds hit Tokyo; bring a big rain jacket."),
    ("es:at-the-height-of-place", "es", "At the height of the crisis, the street was empty."),
]


@pytest.mark.parametrize(("entry", "source", "text"), FLAGGED,
                         ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(FLAGGED)])
def test_entry_flags_other_wordings(entry: str, source: str, text: str) -> None:
    assert entry in _ids(text, "en", source), text


@pytest.mark.parametrize(("entry", "source", "text"), PASSED,
                         ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(PASSED)])
def test_entry_passes_fluent_text(entry: str, source: str, text: str) -> None:
    assert entry not in _ids(text, "en", source), text


def test_a_strong_match_reaches_sixty_lines_and_a_pair_beyond_it_reports_as_info() -> None:
    # One strong Russian construction: the pack's other matches within 60 lines report with it
    # (warnings), a pair past that reach as info, a lone match past it not at all (the text
    # waits for the finish, which runs the other patterns within the reach alone).
    filler = "The mayor spoke.\n\n" * 40
    text = (f"Talks were held in the frames of the summit.\n\n{MATTER}\n\n{filler}{filler}"
            f"{MATTER} {PROTOCOL}\n\n{filler}{filler}{PROTOCOL}\n")
    found = [(f.line, f.message.split("[", 1)[1].split("]", 1)[0], f.severity.value)
             for f in _unsourced(text, "en")]
    assert found == [(1, "ru:in-the-frames-of", "warning"),
                     (3, "ru:the-matter-is-that-bare", "warning"),
                     (165, "ru:the-matter-is-that-bare", "info"),
                     (165, "ru:drew-up-a-protocol", "info")]
