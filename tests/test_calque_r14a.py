"""Fourteenth round: the calque entries into English from European sources (French, Spanish,
Italian, Portuguese, Romanian, German, Dutch, Polish, Czech, Swedish) written by construction
class flag their construction in other wordings, inflections and source languages than their
own example, and pass fluent English that shares their words.  (Each entry's own example and
counterexample are checked in test_calque_packs.py.)"""

from __future__ import annotations

import pytest

from tests.test_calque_packs import _ids

# (pack:entry, source language, text it must flag)
FLAGGED = [
    # Word order: verb second after an opener, the participle last, the perfect split round a time.
    ("de:verb-second-after-opener", "sv", "Already in the spring expects the company to open a plant."),
    ("de:verb-second-after-opener", "nl", "Also had he no valid driving licence."),
    ("de:verb-second-after-opener", "de", "On Tuesday evening had a storm many trees uprooted."),
    ("de:perfect-time-then-participle", "de", "The club has on Sunday its new coach presented."),
    ("de:adjective-form-adverb", "sv", "The new station is easy reachable by bus."),
    ("de:adjective-form-adverb", "nl", "The number of cases remains relative low."),
    # Government carried over.
    ("de:reacted-on-object", "pl", "The ministry reacted quickly on the accusations."),
    ("de:reckon-with-expect", "cs", "Drivers must also count with longer delays on the D1."),
    ("de:at-disposal-bare", "pl", "Two rooms will be at disposal for the press."),
    ("fr:known-of-the-police", "it", "Both suspects were known from the police."),
    ("it:answer-of-crime", "fr", "The two men will have to answer of robbery."),
    ("pl:answer-before-the-court", "cs", "The mayor will answer before the court for fraud."),
    ("fr:seize-the-court", "it", "The region seized the Constitutional Court over the law."),
    ("ro:attack-the-law-at-court", "it", "The unions attacked the decree at the court."),
    # Light verbs and nominalisations.
    ("fr:realise-works-light-verb", "es", "The town will realize several inspections this year."),
    ("fr:proceed-to-nominalisation", "pt", "The police proceeded to the removal of the vehicles."),
    ("pt:goes-to-future", "es", "The government goes to approve a new decree."),
    ("mul:modal-allow-to-verb", "pl", "The new line should allow to reduce travel times."),
    ("es:showed-oneself-adjective", "it", "The mayor said himself satisfied with the result."),
    ("fr:engaged-oneself-to", "es", "The firm committed itself to hire 50 workers."),
    # False friends in the slot of their source sense.
    ("fr:control-for-check", "de", "The driver was stopped during a routine police control."),
    ("fr:device-for-operation", "es", "The city set up a special security device for the final."),
    ("fr:numeric-digital", "ro", "The numeric transformation of schools is slow."),
    ("fr:the-drama-tragedy", "it", "Neighbours described the night of the drama."),
    ("fr:reanimate-resuscitate", "pl", "Paramedics reanimated the man for 40 minutes."),
    ("fr:false-profession", "pl", "Police warn against false policemen who call pensioners."),
    ("it:interest-affect", "fr", "The closure will interest about 20 streets."),
    ("it:foresees-provides-for", "es", "The contract foresees a penalty for delays."),
    ("it:motorization-engine", "fr", "The diesel motorisation will no longer be offered."),
    ("it:forces-of-the-order", "es", "The forces of order dispersed the crowd."),
    ("it:requalification-redevelopment", "pt", "The requalification of the riverside will cost 3 million."),
    ("it:novelties-new-features", "es", "Among the novelties of the update is a dark mode."),
    ("es:descended-ascended-figure", "it", "Unemployment has descended; sales ascended to 20%."),
    ("es:destined-to-allocated", "pt", "Half of the money will be destined to schools."),
    ("es:presented-injuries", "pt", "The driver presented multiple fractures."),
    ("pt:operationals-personnel", "es", "About 150 operationals fought the fire."),
    ("sv:called-to-the-place", "de", "Rescue services were alerted to the place at 3 am."),
    ("ro:sustain-an-exam", "it", "She sustained her final exam in June."),
    # News and official formulas.
    ("pl:came-to-an-event", "de", "In the night it came to riots in the city centre."),
    ("pl:came-to-an-event", "cs", "On Friday came on the D1 to a serious traffic accident."),
    ("pl:in-a-state-after-alcohol", "cs", "He drove in a state after consuming alcohol."),
    ("pl:explaining-the-circumstances", "cs", "Investigators are clarifying the causes of the fire."),
    ("pl:on-its-session", "ro", "The council adopted the budget on its extraordinary session."),
    ("pl:to-the-scene-inverted", "pt", "To the scene were dispatched three ambulances."),
    ("pl:fire-of-a-flat", "cs", "Firefighters put out a fire of a garage in Brno."),
    ("pl:in-the-direction-to", "ru", "Traffic is slow in the direction to Warsaw."),
    ("pl:personal-cars", "ro", "Three personal cars were damaged in the crash."),
    ("ro:on-the-name-of", "ru", "A criminal case was opened on the name of the official."),
    ("ro:disposed-ordered", "es", "The judge disposed the release of the suspect."),
    ("es:at-disposition-of-the-judge", "pt", "The suspects were placed at the disposition of the court."),
    ("es:fire-declared-in", "fr", "A fire declared itself in a warehouse on Monday."),
    ("es:valued-in-amount", "it", "The damage was estimated in 2 million euros."),
    ("es:work-at-distance", "it", "Schools returned to teaching at distance."),
    ("fr:vehicle-circulated", "ro", "The truck was circulating on the wrong lane."),
    ("fr:circulation-of-trains", "it", "The circulation of trains resumed at noon."),
    ("fr:in-the-good-direction", "cs", "The union called the agreement a step in the good direction."),
    ("it:in-matter-of", "es", "The two countries signed agreements in matter of security."),
    ("it:without-to-infinitive", "de", "He left without to say goodbye."),
    ("de:light-heavy-injuries", "pl", "The cyclist suffered light injuries; two were heavily injured."),
    ("de:determined-against", "cs", "Against the driver is now investigated."),
    ("mul:several-hundreds-of", "fr", "Several thousands of protesters marched in Paris."),
    # Sport.
    ("es:marked-a-goal", "it", "The striker marked the decisive goal in extra time."),
    ("es:the-party-match", "pt", "The encounter finished in a draw."),
]

# (pack:entry, source language, fluent text it must pass)
PASSED = [
    (
        "de:verb-second-after-opener",
        "de",
        "Only then can the users save their data. Here is the report. Yesterday was the first day.",
    ),
    ("de:verb-second-after-opener", "sv", "In the autumn the pupils will move. So can the users."),
    ("de:perfect-time-then-participle", "de", "The meeting she has on Monday was moved to Friday."),
    ("de:adjective-form-adverb", "sv", "The relative humidity is high; it may be difficult to reach."),
    ("de:reacted-on-object", "pl", "Fans reacted on social media to the message."),
    ("de:at-disposal-bare", "de", "Waste goes to disposal sites; staff are at the disposal of guests."),
    ("fr:known-of-the-police", "fr", "He is known to the police; the facts known from the police report."),
    ("fr:realise-works-light-verb", "fr", "She realised her dream and realized a profit on the sale."),
    ("fr:proceed-to-nominalisation", "fr", "The House proceeded to the election of a Speaker."),
    ("fr:control-for-check", "fr", "The area is under police control; the control room was staffed."),
    ("fr:device-for-operation", "fr", "A security device was fitted to the door."),
    ("fr:numeric-digital", "fr", "Enter a value in the numeric field; numeric data are stored."),
    ("fr:reanimate-resuscitate", "fr", "The studio reanimated the old series."),
    ("fr:false-profession", "fr", "The false alarm upset the workers."),
    ("fr:circulation-of-trains", "fr", "The newspaper's circulation fell; blood circulation was restored."),
    ("fr:vehicle-circulated", "fr", "Rumours circulated on social media and in the press."),
    ("it:interest-affect", "it", "Investors interested in the project met; it will interest the public."),
    ("it:forces-of-the-order", "it", "The forces of law and order were deployed."),
    ("it:in-matter-of", "it", "It is a matter of time; in the matter of the estate the court ruled."),
    ("it:without-to-infinitive", "it", "With or without to-do lists, he works without a plan."),
    ("es:descended-ascended-figure", "es", "The plane descended to 3,000 feet."),
    ("es:presented-injuries", "es", "The patient presented with burns; the budget presents cuts."),
    ("es:valued-in-amount", "es", "The firm was valued in 2021 at 5 million euros."),
    (
        "pl:came-to-an-event",
        "pl",
        "The talks came to an end; the car came to a halt; when it comes to accidents, speed matters.",
    ),
    ("pl:in-a-state-after-alcohol", "pl", "The organism adapts; he drove after drinking."),
    ("pl:to-the-scene-inverted", "pl", "At the scene, firefighters found two cars."),
    ("pl:personal-cars", "pl", "Staff may use their personal cars for work."),
    ("pl:in-the-direction-to", "pl", "Traffic is slow in the direction of Warsaw."),
    ("ro:sustain-an-exam", "ro", "Growth was sustained and he sustained a head injury."),
    ("sv:called-to-the-place", "sv", "They went to the place where it happened."),
    ("de:light-heavy-injuries", "de", "Light aircraft were heavily armed; he suffered minor injuries."),
    ("mul:several-hundreds-of", "fr", "Several hundred people came; many thousands of fans cheered."),
    ("es:marked-a-goal", "es", "The referee marked the spot and the teacher marked two papers."),
    ("es:the-party-match", "es", "The party ended at midnight and the meeting ended in agreement."),
]


@pytest.mark.parametrize(
    ("entry", "source", "text"), FLAGGED, ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(FLAGGED)]
)
def test_class_entry_flags_other_phrasings(entry: str, source: str, text: str) -> None:
    assert entry in _ids(text, "en", source), text


@pytest.mark.parametrize(
    ("entry", "source", "text"), PASSED, ids=[f"{e}-{i}" for i, (e, _, _) in enumerate(PASSED)]
)
def test_class_entry_passes_fluent_text(entry: str, source: str, text: str) -> None:
    assert entry not in _ids(text, "en", source), text


def test_strong_class_entries_report_without_a_source_language() -> None:
    # Constructions fluent English never uses report with no source language in evidence ...
    assert "it:in-matter-of" in _ids("New rules in matter of energy apply.", "en", None)
    assert "fr:reanimate-resuscitate" in _ids("They tried to reanimate the victim.", "en", None)
    # ... ones fluent English has in other senses wait for their source language.
    assert "fr:privilege-for-favour" not in _ids("Residents should privilege public transport.", "en", None)
    assert "fr:privilege-for-favour" in _ids("Residents should privilege public transport.", "en", "fr")
