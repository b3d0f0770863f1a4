"""Fourteenth round: the calque entries into English from Arabic, Persian, Turkish, Russian,
Ukrainian, Chinese, Japanese, Korean, Hebrew, Vietnamese, Indonesian and Hindi written by
construction class flag their construction in other wordings, inflections and source languages
than their own example, and pass fluent English that shares their words.  (Each entry's own
example and counterexample are checked in test_calque_packs.py.)"""

from __future__ import annotations

import pytest

from tests.test_calque_packs import _ids

# (pack:entry, source language, text it must flag)
FLAGGED = [
    ("ar:cognate-object", "fa", "The crowd welcomed the delegation a warm welcome."),
    ("ar:cognate-object", "ar", "Egypt condemned the attack a strong condemnation."),
    ("ar:aim-to-gerund", "tr", "The project aimed to providing clean water to 40 villages."),
    ("ar:aim-to-gerund", "ur", "The party strives to improving the lives of the poor."),
    ("ar:phrase-between-verb-and-object", "ar",
     "The ministers reviewed at the meeting the prospects of cooperation."),
    ("ar:the-means-of-enhancing", "fa", "They explored the ways of boosting trade between the two states."),
    ("ar:resumptive-pronoun", "ar", "The efforts that the ministry exerted them during the crisis were praised."),
    ("ar:affirmed-its-readiness", "fa", "Iran expressed its complete readiness for talks."),
    ("ar:stressed-upon", "hi", "The speakers emphasised upon the need for reform."),
    ("ar:indicated-to-the-necessity", "ar", "The report indicates to the importance of water security."),
    ("ar:witnessed-a-development", "tr", "The festival witnessed a huge turnout this year."),
    ("fa:with-attention-to", "fa", "With attention to these problems, the plan was changed."),
    ("fa:passive-from-the-side-of", "ru", "The proposal was rejected from the side of the opposition."),
    ("fa:the-said-person", "tr", "The said suspect was taken to the police station."),
    ("fa:in-the-direction-of-goal", "tr", "In the direction of the goals of the ministry, 20 schools were built."),
    ("fa:subject-adverbial-verb", "tr", "The governor in his statement stressed that roads are open."),
    ("tr:as-a-result-of-the-works", "tr",
     "The gang was caught as a result of the joint works carried out by the police."),
    ("tr:conveyed-to-the-judiciary", "tr", "The dispute has been carried to the judiciary."),
    ("tr:intervened-in-the-fire", "fr", "Firefighters intervening in the blaze were hurt."),
    ("ru:prices-for-the-mass-noun", "uk", "Prices for the fuel have doubled since spring."),
    ("ru:compared-with-the-last-year", "uk", "Exports fell compared to the last year."),
    ("ru:decision-about-the-nominalisation", "uk", "The council adopted a decision about the renaming of streets."),
    ("ru:number-shellings", "uk", "The occupiers made 25 shellings of the border villages."),
    ("ru:at-the-present-moment", "ru", "At the given moment, the fire is localised."),
    ("uk:law-enforcers", "uk", "The law enforcers found the weapons in the garage."),
    ("zh:a-series-of-work", "zh", "The bureau did a series of work on flood control."),
    ("zh:not-only-without-inversion", "vi", "Not only the company has expanded abroad, but it also hired 500 people."),
    ("zh:the-meeting-pointed-out", "vi", "The conference stressed that corruption must be punished."),
    ("zh:realized-a-growth", "zh", "Retail sales realized a year-on-year growth of 7 percent."),
    ("zh:realized-sales-revenue", "zh", "The firm realized operating revenue of 5 billion yuan."),
    ("zh:kept-a-stable-growth", "zh", "Industrial output maintained a rapid growth last year."),
    ("zh:adverb-improve-the-level-of", "zh", "The city will continuously raise the level of medical care."),
    ("zh:firmly-grasp", "zh", "We must tightly grasp the strategic opportunity period."),
    ("ja:please-kindly", "hi", "Please kindly find the details below."),
    ("ja:consider-about", "ko", "We are considering about how to reduce costs."),
    ("ja:the-heat-stroke", "ko", "Measures against the heatstroke were announced."),
    ("ko:it-is-a-situation-where", "ja", "It is a situation in which many patients cannot find a hospital."),
    ("ko:do-best-until-the-end", "ko", "We will do our best until the last moment."),
    ("he:it-is-about-a-person", "he", "It is about a 17-year-old boy from Haifa."),
    ("vi:emulation-movement", "vi", "Patriotic emulation campaigns were launched in all schools."),
    ("vi:organized-the-implementation", "zh", "The county organised the implementation of the plan."),
    ("vi:policy-beneficiaries", "vi", "Gifts were given to policy families and the poor."),
    ("id:still-in-the-process-of-noun", "ms", "The bodies are still in the process of identification."),
    ("hi:attached-herewith", "ur", "The report is enclosed herewith."),
]

# (pack:entry, source language, fluent text it must pass)
PASSED = [
    ("ar:cognate-object", "ar", "They welcomed the news, a warm welcome for the team after the win."),
    ("ar:aim-to-gerund", "ar", "The plan aims to bring prices down; she is committed to serving."),
    ("ar:phrase-between-verb-and-object", "ar",
     "The ministers discussed cooperation at the meeting, and signed the deal in the evening."),
    ("ar:the-means-of-enhancing", "ar", "They discussed ways to boost trade and the means of transport."),
    ("ar:resumptive-pronoun", "ar", "The role that they played in 2010 was key; the song which they played it on."),
    ("ar:affirmed-its-readiness", "ar", "Troops remained at full readiness; Iran said it was ready for talks."),
    ("ar:stressed-upon", "ar", "She stressed the need for reform; emphasis upon detail matters."),
    ("ar:indicated-to-the-necessity", "ar", "He indicated to the waiter that he wanted the bill."),
    ("ar:witnessed-a-development", "ar", "Exports grew strongly; two neighbours witnessed the crash."),
    ("fa:with-attention-to", "fa", "The carpenters work with attention to detail and with care."),
    ("fa:passive-from-the-side-of", "fa", "The proposal was rejected by the opposition, who sat on the side of the hall."),
    ("fa:the-said-person", "fa", "The man was arrested. The said property shall pass to the buyer."),
    ("fa:in-the-direction-of-goal", "fa", "In the direction of the river, the road climbs steeply."),
    ("fa:subject-adverbial-verb", "fa", "In his statement, the governor said that roads are open."),
    ("tr:as-a-result-of-the-works", "tr", "The bridge closed as a result of the works on the road."),
    ("tr:conveyed-to-the-judiciary", "tr", "The case was referred to prosecutors; the bags were carried to the car."),
    ("tr:intervened-in-the-fire", "tr", "Police intervened in the dispute, and firefighters put out the fire."),
    ("ru:prices-for-the-mass-noun", "ru", "Bread prices rose; the price of the bread we bought was high."),
    ("ru:compared-with-the-last-year", "ru", "Exports fell compared with last year and compared to the last year of the war."),
    ("ru:decision-about-the-nominalisation", "ru", "The council decided to rename the streets; a decision about it is due."),
    ("ru:number-shellings", "uk", "The enemy shelled the border villages 25 times; shelling went on."),
    ("ru:at-the-present-moment", "ru", "The fire is now contained; at the moment of the blast he left."),
    ("uk:law-enforcers", "uk", "Police found weapons in the garage; law enforcement officers were praised."),
    ("zh:a-series-of-work", "zh", "The museum showed a series of works by Monet and a series of steps."),
    ("zh:not-only-without-inversion", "zh",
     "Not only did the company expand abroad, but it also hired staff; not only the rich but the poor gained."),
    ("zh:the-meeting-pointed-out", "zh", "Speakers at the conference said corruption must be punished."),
    ("zh:realized-a-growth", "zh", "Retail sales grew by 7 percent; investors realized a profit of $2 million."),
    ("zh:realized-sales-revenue", "zh", "The firm reported revenue of 5 billion yuan and realized gains."),
    ("zh:kept-a-stable-growth", "zh", "Industrial output kept growing steadily last year."),
    ("zh:adverb-improve-the-level-of", "zh", "The city will improve medical care; the level of care has improved."),
    ("zh:firmly-grasp", "zh", "We must seize the opportunity; he firmly grasped the handle."),
    ("ja:please-kindly", "ja", "Please find the details below; she kindly sent them."),
    ("ja:consider-about", "ja",
     "We are considering how to reduce costs; it is considered about the same as before."),
    ("ja:the-heat-stroke", "ja", "Measures against heatstroke were announced."),
    ("ko:it-is-a-situation-where", "ko", "Many patients cannot find a hospital; it is a situation we must fix."),
    ("ko:do-best-until-the-end", "ko", "We will keep going until the end and do our best."),
    ("he:it-is-about-a-person", "he", "The victim is a 17-year-old boy; the book is about a boy from Haifa."),
    ("vi:emulation-movement", "vi", "Campaigns were launched in all schools; emulation is flattery."),
    ("vi:organized-the-implementation", "vi", "The county implemented the plan it had organised."),
    ("vi:policy-beneficiaries", "vi", "The policy benefits poor families and households."),
    ("id:still-in-the-process-of-noun", "id", "The bodies are still being identified; police are in the process of checking."),
    ("hi:attached-herewith", "hi", "The report is attached; the parties herewith agree to the terms."),
]


@pytest.mark.parametrize(("key", "source", "text"), FLAGGED, ids=[f"{k}:{s}" for k, s, _ in FLAGGED])
def test_class_entry_flags_other_wordings(key: str, source: str, text: str) -> None:
    assert key in _ids(text, "en", source), text


@pytest.mark.parametrize(("key", "source", "text"), PASSED, ids=[f"{k}:{s}" for k, s, _ in PASSED])
def test_class_entry_passes_fluent_english(key: str, source: str, text: str) -> None:
    assert key not in _ids(text, "en", source), text
