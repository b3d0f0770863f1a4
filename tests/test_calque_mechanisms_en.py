"""The any-source pack into English (``mul-en``) covers grammar mechanisms, not single phrasings:
each entry below flags the construction in other inflections, word orders and wordings than its
own example, for whichever source language is in evidence, and passes fluent English that shares
its words.  (The pack's own example and counterexample are checked in test_calque_packs.py.)"""

from __future__ import annotations

import pytest

from tests.test_calque_packs import _ids

# (entry, source language, text it must flag)
FLAGGED = [
    ("verb-government-table", "hu", "She congratulated her colleagues with their promotion."),
    ("verb-government-table", "fr", "The army resisted to the attack for a week."),
    ("verb-government-table", "es", "If you need to contact with the embassy, call first."),
    ("verb-government-table", "hu", "The minister stressed on the importance of dialogue."),
    ("verb-government-table", "hi", "Families are trying to cope up with rising prices."),
    ("language-with-on", "bg", "All forms are available on Bulgarian and on English."),
    ("verb-adverb-object-order", "it", "Check regularly the pressure of the tyres."),
    ("verb-adverb-object-order", "de", "Passengers must keep always their boarding pass."),
    ("speak-well-language", "tr", "Our guides speak fluently English."),
    ("light-verb-make", "hu", "Tourists made many photos of the castle."),
    ("light-verb-make", "lt", "Pupils should make sport twice a week."),
    ("open-close-the-light", "el", "Please open the air conditioner before the guests arrive."),
    ("fight-with-abstract", "uk", "The new agency will lead the fight with corruption."),
    ("reason-of", "fr", "Officials did not explain the real reason of the cancellation."),
    ("right-on", "cs", "Every child has a right on free education."),
    ("stative-progressive", "hi", "The documents were belonging to the former owner."),
    ("date-month-of-year", "pt", "The contract was signed on March 3 of 2021."),
    ("impersonal-notice-passive", "bn", "It is hereby informed that the exam is postponed."),
    ("state-present-since", "de", "The museum is closed since March."),
    ("state-present-since", "fr", "Our director is in office since 2018."),
    ("copula-of-amount", "ro", "The fine is of up to 500 lei."),
    ("article-before-percentage", "it", "In the end, the 60% of voters stayed home."),
    ("apologise-inconveniences", "it", "We apologize to all passengers for the inconveniences."),
    ("the-present-notice", "pl", "The present regulations enter into force today."),
    ("added-possibility", "uk", "Implemented the possibility to sort by date."),
    ("error-at-which", "cs", "Fixed a bug at which the screen went black."),
    ("recommended-to-verb", "es", "Residents are recommended to stay indoors."),
    ("state-organs", "sk", "The relevant state organs will investigate."),
    ("from-the-part-of", "es", "There was strong criticism from the part of the opposition."),
    ("connector-calque", "ro", "In the same time, the bank raised rates."),
    ("more-short-adjective-than", "tr", "The new road is more short than the old one."),
    ("topicalised-predicate", "de", "Necessary is that every guest registers."),
    ("via-a-statement", "id", "The police confirmed through a short statement that two men were held."),
    ("dative-without-to", "el", "The guide explained us how the system works."),
    ("arrive-reach-to-place", "tr", "The team reached to Ankara late at night."),
    ("connective-misuse", "ru", "The match took place despite of the snow."),
    ("connective-misuse", "zh", "Regarding to the fees, nothing has changed."),
    ("possessive-of-person", "ar", "They repaired the car of my uncle."),
    ("preposition-weekday", "id", "The meeting will be held in Tuesday."),
    ("day-number-date", "id", "Registration closes the day 30 of June."),
    ("technique-equipment", "ru", "Farmers need new agricultural technique."),
    ("perspective-promising", "pl", "It is one of the most perspective markets in Europe."),
    ("actual-topical", "de", "This topic is still very actual."),
    ("fraction-faction", "uk", "The ruling fraction blocked the bill."),
    ("liquidate-consequences", "da", "Rescuers are liquidating the consequences of the flood."),
    ("exploitation-operation", "ro", "The bridge was put into exploitation last year."),
    ("important-for-large", "el", "The storm caused an important number of power cuts."),
    ("inform-that-no-object", "bn", "The company informed that the service is back."),
    ("prohibited-the-noun", "es", "Is forbidden the consumption of alcohol in the park."),
    ("verb-before-subject-casualties", "el", "In the collision were injured five people."),
    ("place-photo-tv-preposition", "ru", "The weather was shown in the television."),
    ("at-action-ui", "ru", "The program crashed at exporting the report."),
    ("free-shipment-in-offer", "it", "Shipment costs are included."),
    ("doubts-questions-formula", "pt", "In case of questions, please call us."),
    ("at-your-disposition", "fr", "Our team is at your full disposition."),
    ("for-this-click", "pl", "For this, open the settings menu."),
    ("on-the-number-address", "uk", "Information by the phone 044 123 4567."),
    ("both-three-items", "es", "The plan covers both the new schools, the hospitals and the roads."),
    ("article-before-such", "fr", "Nobody expected a such result."),
    ("year-word-with-number", "vi", "The bridge was built in 1998 year."),
]

# (entry, source language, fluent text it must pass)
PASSED = [
    ("verb-government-table", "es", "Avoid contact with the eyes; in contact with water it foams."),
    ("language-with-on", "ru", "He commented on Russian television and on English history."),
    ("verb-adverb-object-order", "fr", "Read the label carefully and always keep the receipt."),
    ("light-verb-make", "de", "They made a photo album and made sport of the new boy."),
    ("open-close-the-light", "tr", "Open the TV settings and close the power menu."),
    ("fight-with-abstract", "ru", "She is fighting with cancer and struggling with poverty."),
    ("right-on", "uk", "He was right on taxes and right on time."),
    ("date-month-of-year", "es", "The rally of March of 1968 is remembered."),
    ("state-present-since", "de", "The shop is closed since it is a holiday."),
    ("copula-of-amount", "es", "The value is of great importance and the price is of 2019."),
    ("article-before-percentage", "es", "The 20% of respondents who answered were pleased."),
    ("the-present-notice", "it", "The present situation and the present government are stable."),
    ("recommended-to-verb", "es", "The novel is recommended to readers of all ages."),
    ("from-the-part-of", "fr", "A quote from the part of the book he wrote."),
    ("more-short-adjective-than", "tr", "More young people and more new jobs arrived."),
    ("dative-without-to", "es", "The witness described him as tall and said it twice."),
    ("arrive-reach-to-place", "tr", "They reached out to Turkey and arrived to a warm welcome."),
    ("possessive-of-person", "ar", "A friend of my uncle lives in the house of my dreams."),
    ("preposition-weekday", "id", "In Monday's vote the party won; in Sunday school they sang."),
    ("technique-equipment", "ru", "The surgical technique used was new."),
    ("actual-topical", "de", "The actual cost is higher than the actual number suggests."),
    ("fraction-faction", "uk", "Only a fraction of the parliament voted."),
    ("inform-that-no-object", "pt", "Staff were informed that the service is back."),
    ("place-photo-tv-preposition", "ru", "She commented on the photo and works in the TV industry."),
    ("at-action-ui", "ru", "We met at the opening ceremony, at closing time."),
    ("at-action-ui", "de", "Test the sound by clicking on the buttons; he is good at playing the violin."),
    ("doubts-questions-formula", "pt", "In case of doubt, ask; in case of emergency, call 112."),
    ("on-the-number-address", "uk", "He took the number 10 bus and updated the address book."),
    ("both-three-items", "ar", "In both cases, the hosts are infected and ill."),
    ("article-before-such", "fr", "One such case was reported."),
    ("year-word-with-number", "pl", "The 2023 year-end figures and the 2024 year plan are out."),
]


@pytest.mark.parametrize(("entry", "source", "text"), FLAGGED,
                         ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(FLAGGED)])
def test_mechanism_flags_other_phrasings(entry: str, source: str, text: str) -> None:
    assert f"mul:{entry}" in _ids(text, "en", source), text


@pytest.mark.parametrize(("entry", "source", "text"), PASSED,
                         ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(PASSED)])
def test_mechanism_passes_fluent_text(entry: str, source: str, text: str) -> None:
    assert f"mul:{entry}" not in _ids(text, "en", source), text


def test_non_strong_mechanisms_need_a_source_language() -> None:
    # "The fight with corruption" is fluent enough that it reports only with a source in evidence.
    text = "The new agency will lead the fight with corruption."
    assert "mul:fight-with-abstract" not in _ids(text, "en", None)
    assert "mul:fight-with-abstract" in _ids(text, "en", "uk")
