"""Must-flag and must-pass examples for every artifact check (one table, exact spans)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit_text


def flagged(code: str, text: str, lang: str = "en", source_lang: str | None = None) -> list[str]:
    """The texts of the findings of one check on ``text``."""
    report = audit_text(text, AuditOptions(select=(code,), lang=lang, source_lang=source_lang))
    return [f.text for f in report.findings if f.code == code]


MUST_FLAG: list[tuple[str, str, list[str]]] = [
    ("TQ310", "The link is valid for a day.. Then it expires,, he said.", ["..", ",,"]),
    ("TQ101", "The talks will resume in in Antalya.", ["in in"]),
    ("TQ101", "The the meeting ended.", ["The the"]),
    ("TQ101", "He met the ، the minister today.", ["the ، the"]),  # a comma of another script
    ("TQ102", 'It depends on "instructions and instructions given by the Kremlin."',
     ["instructions and instructions"]),
    ("TQ102", "They discussed the security and the security of the plants.",
     ["the security and the security"]),
    ("TQ103", "He met the minister of the minister of foreign affairs.",
     ["the minister of the minister of"]),
    ("TQ104", "The ministers will meet again next week in Antalya.\n\n"
     "Other news followed.\n\nThe ministers will meet again next week in Antalya.",
     ["The ministers will meet again next week in Antalya."]),
    ("TQ105", "The talks talks talks talks ended.", ["talks talks talks talks"]),
    ("TQ105", "and the and the and the end of it", ["and the and the and the"]),
    ("TQ201", "The Minister of Finance did not want to comment. Because the negotiations are ongoing.",
     ["Because the negotiations are ongoing."]),
    ("TQ201", "Safadi had arrived in Riyadh on Monday. Coming from Cairo, where he met the president.",
     ["Coming from Cairo, where he met the president."]),
    ("TQ201", "The road will be closed.\n\nEspecially in the rush hours.",
     ["Especially in the rush hours."]),
    ("TQ201", "The Ukrainian minister played down the expected results. From his meeting with Lavrov.",
     ["From his meeting with Lavrov."]),
    ("TQ202", "The talks ended.\n\nprevious conversations\n\nTalks between Kyiv and Moscow resumed.",
     ["previous conversations"]),
    ("TQ203", "The talks ended. the ministers left the city.", ["the"]),
    ("TQ204", 'He hoped "the meeting will pave the way." permanent cease-fire.',
     ["permanent cease-fire."]),
    ("TQ301", 'He said "we will go to Antalya.\n\nThe weather was fine.', ['"']),
    ("TQ301", "He said “we will go.\n\nThe weather was fine.", ["“"]),
    ("TQ301", 'The coup d"état failed.', ['"']),
    ("TQ301", 'He bought a 27" screen and said "it is great.\n\nThe end.', ['"']),
    ("TQ101", "The The meeting ended.", ["The The"]),
    ("TQ101", "The ministers met on Monday, and the, the talks ended.", ["the, the"]),
    ("TQ104", "The talks ended without agreement. The talks ended without agreement.",
     ["The talks ended without agreement."]),
    ("TQ105", "The man said man-man-man-man-man and left.", ["man-man-man-man-man"]),
    ("TQ105", "The list was a, a, a, a, a, a and nothing more.", ["a, a, a, a, a, a"]),
    ("TQ205", "The minister said that the talks would resume between the",
     ["The minister said that the talks would resume between the"]),
    ("TQ205", "The new law, which will enter into force next month, and which",
     ["The new law, which will enter into force next month, and which"]),
    ("TQ206", "Bring 1) your passport, 2) a photo and 4) the form.", ["4)"]),
    ("TQ207", "Bring your passport and proof of paymentApplicants under 18 need a parent.",
     ["paymentApplicants"]),
    ("TQ208", "The container is easy to empty. Technical data The container holds 400 ml.",
     ["Technical data"]),
    ("TQ205", "The ministry said that the new rules would be stricter than. Officials left.",
     ["The ministry said that the new rules would be stricter than."]),
    ("TQ201", "The talks ended without a deal. While the fighting continued in the east.",
     ["While the fighting continued in the east."]),
    ("TQ407", "The results are in \\textbf{Table 2} of the appendix.", ["\\textbf{Table 2}"]),
    ("TQ706", "The company reported revenue of S新8.96 billion.", ["新"]),
    ("TQ404", "The passenger flow rose.\n\n#Shanghai Metro# 🚇", ["#Shanghai Metro#"]),
    ("TQ706", "He paid the美元100 fee.", ["美元"]),
    ("TQ411", "See https://support.example.com/articles/reset-your- for the steps.",
     ["https://support.example.com/articles/reset-your-"]),
    ("TQ410", "Fares rise in May.\n\nRead also: Bus fares rise again in Leipzig",
     ["Read also: Bus fares rise again in Leipzig"]),
    ("TQ412", "Fares rise in May.\n\nShare Print Email", ["Share Print Email"]),
    ("TQ409", "Choose <strong>Forgot password?</strong> on the login page.",
     ["<strong>", "</strong>"]),
    ("TQ409", 'The message "Connection failed: {0}" is shown.', ["{0}"]),
    ("TQ302", "The agency (IAEA said on Thursday that talks continue.", ["("]),
    ("TQ303", 'He added, explaining, "No." I have high hopes for them, but we will try."', ['"']),
    ("TQ304", "The meeting، which was held in Antalya؟", ["،", "؟"]),
    ("TQ304", "The minister said：we agree。", ["：", "。"]),
    ("TQ305", "The talks began on March ١٠ in Antalya.", ["١٠"]),
    ("TQ306", "Kuleba\u200f said the talks were hard.", ["\u200f"]),
    ("TQ306", "The zero\u200bwidth space hides here.", ["\u200b"]),
    ("TQ308", "Inflation reached 8,4% and 12,5 tons were seized.", ["8,4", "12,5"]),
    ("TQ308", "The road will be 1.500.000 meters long.", ["1.500.000"]),
    ("TQ309", "Earlier, the «Shebekino» crossing closed. \"¿Why should we pay?\" he asked.",
     ["«", "»", "¿"]),
    ("TQ307", "They met in Antalya , before the talks .", [" ,", " ."]),
    ("TQ401", "Talks resumed. pic.twitter.com/mj6oKBfkoW", ["pic.twitter.com/mj6oKBfkoW"]),
    ("TQ402", "The talks resumed.\n\n— 🇷🇺 Russia in Arabic (@Russia_AR) March 7, 2022",
     ["— 🇷🇺 Russia in Arabic (@Russia_AR) March 7, 2022"]),
    ("TQ403", "The talks resumed.\n\nView this post on Instagram", ["View this post on Instagram"]),
    ("TQ404", "Minister #Sergey_Lavrov arrived.", ["#Sergey_Lavrov"]),
    ("TQ405", "As @Russia_AR reported, the talks began.", ["@Russia_AR"]),
    ("TQ406", "⚡️ Based on an agreement, talks will be held.", ["⚡️"]),
    ("TQ406", "The flag 🇺🇦 was raised.", ["🇺🇦"]),
    ("TQ407", "The ▁talks had <unk> results &quot;today&quot;.", ["▁", "<unk>", "&quot;", "&quot;"]),
    ("TQ501", "Dmytro Kuleba arrived. Later, Dmitry Kuleba spoke.", ["Dmytro", "Dmitry"]),
    ("TQ501", "President Zelensky spoke. Then Zelenskyy left.", ["Zelensky", "Zelenskyy"]),
    ("TQ502", "A permanent cease-fire was agreed. The ceasefire held.", ["cease-fire", "ceasefire"]),
    ("TQ503", "He called it a “turning point”. Others said \"too early\" and \"not now\".",
     ["“"]),
    ("TQ601", "The minister said yesterday, Wednesday, that talks would go on.",
     ["yesterday, Wednesday,"]),
    ("TQ601", "A travel ban for both Lavrov, Russian President Vladimir Putin and officials.",
     ["both Lavrov, Russian President Vladimir Putin and"]),
    ("TQ602", "Talks began.\n\nAnd the minister said yesterday, Wednesday, that he hoped.\n\n"
     "Talks went on.\n\nAnd the trip is the first of its kind.", ["And", "And"]),
]

MUST_PASS: list[tuple[str, str]] = [
    ("TQ310", "Wait... see ../docs, the range a..z or 1..10, and so on, etc., as before."),
    ("TQ101", "He had had enough, and he said that that was final."),
    ("TQ101", "They sailed to Bora Bora in May."),
    ("TQ101", "It was horrible, horrible news."),
    ("TQ102", "More and more people came, again and again, faster and faster."),
    ("TQ103", "I am so happy, so happy to be here."),
    ("TQ104", "Talks resumed today in the city of Antalya.\n\nTalks resumed today in Ankara as well."),
    ("TQ105", "No, no, no, no, no."),
    ("TQ201", "He left early. From Monday, the shops will open again."),
    ("TQ201", "He left early. Because of the rain the match was moved to Sunday."),
    ("TQ201", "He left early. Because the talks failed, the ministers went home."),
    ("TQ201", "The minister arrived. With him were three advisers."),
    ("TQ202", "Previous conversations\n\nTalks between Kyiv and Moscow resumed."),
    ("TQ203", "The new iPhone sold well. eBay listed it too."),
    ("TQ203", '"Why?" she asked. Why? she asked again.'),
    ("TQ204", '"We are doing great," he said. "It ended." he said.'),
    ("TQ301", 'He said "yes" and left. The 5" screen is small.'),
    ("TQ301", 'With "1" the sound plays even in standby.'),
    ("TQ101", "It was horrible, horrible news."),
    ("TQ104", "Yes. Yes. We will go."),
    ("TQ105", "She laughed: ha-ha-ha-ha, very funny."),
    ("TQ105", "No, no, no, he said."),
    ("TQ205", "The talks would resume in"),
    ("TQ206", "Bring 1) your passport, 2) a photo and 3) the form."),
    ("TQ207", "Buy the new iPhone on eBay and run getItem() on macOS today."),
    ("TQ208", "Yesterday in The Hague the talks resumed. Professor He said it failed. Plan A is off."),
    ("TQ101", "Am Sonntag bin ich froh, wenn ich Spiele spiele."),
    ("TQ205", "Talks resumed between the two sides."),
    ("TQ205", "Two films were shortlisted and nobody knows which."),
    ("TQ205", "It was bigger than we thought it would be, as we knew it would."),
    ("TQ201", "The talks ended. While the fighting continued, the ministers met."),
    ("TQ201", "He spoke. Whether this fits the mood remains to be seen."),
    ("TQ205", "I would go with you if I could"),
    ("TQ205", "I also like steak, but"),
    ("TQ706", "The 5G network of Huawei (华为) is fast."),
    ("TQ706", "Он купил iPhone за 500 долларов."),
    ("TQ301", 'The cargo ship "Progress 83" docked at the station.'),
    ("TQ101", "Fang Fang wrote a diary of the lockdown."),
    ("TQ201", "Sadly the lamp only gets three stars from me. :( 1. For the slow delivery. 2. For "
     "the colour of the shade."),
    ("TQ301", '"We will go.\n\n"And we will stay," he said.'),
    ("TQ302", "The options are a) talk or b) wait (for now)."),
    ("TQ303", 'He said, "No." Then he left.'),
    ("TQ306", "A family emoji 👨\u200d👩\u200d👧 is one sequence."),
    ("TQ308", "It costs 1,500 dollars, about 2.5% more; see pages 1,2,3 and Windows 10,1 notes."),
    ("TQ309", "He asked: “Why?” and she said ‘never!’; the end."),
    ("TQ307", "The rate rose to .5 percent... and stayed."),
    ("TQ401", "See https://example.org/pic for details."),
    ("TQ404", "The #MeToo movement grew."),
    ("TQ404", "Use C# and F# here; see issue #12 and #13 # notes #."),
    # Template and anonymisation placeholders between hash signs are no hashtags.
    ("TQ404", "Thank you for contacting #PRS_ORG# today.\nOrder #ALPHANUMERIC-ID# for #NAME#."),
    ("TQ405", "Write to press@example.org for details."),
    ("TQ406", "Prices rose © 2022 and ™ marks stayed."),
    ("TQ501", "Russia and Russian officials; Ukraine and Ukrainian troops; the Minister and the Ministry."),
    ("TQ501", "Alan spoke first. Then Allan answered."),
    ("TQ502", "The e-mail arrived."),
    ("TQ601", "He met both Lavrov and Kuleba on Thursday, March 10."),
    ("TQ601", "In return for the grain, Russia got access to ports."),
    ("TQ602", "And then there were none.\n\nThe end."),
    ("TQ304", "The meeting, which was held in Antalya, ended; nobody knew why?"),
    ("TQ305", "The talks began on March 10 in Antalya, 2022."),
    ("TQ402", "The talks resumed.\n\n— Reuters reported that the ministers met on March 7, 2022."),
    ("TQ403", "The talks resumed.\n\nThe minister will post an update on Instagram this week."),
    ("TQ407", "The talks had poor results & the ministers left; 5 < 7 is true."),
    ("TQ409", "Press <Enter> if x<y; 50% of users in {1, 2, 3} use __init__ and *stars*."),
    ("TQ410", "See also: the user guide.\n\nHe had read also the report: it was long."),
    ("TQ411", "See https://support.example.com/en/faq, https://example.org/p/abc or www.example.com."),
    ("TQ412", "Share the link with your friends.\nPrint and share.\nThe editor said so."),
    ("TQ503", "He called it a “turning point”. Others said “too early” and “not now”."),
]


@pytest.mark.parametrize(("code", "text", "expected"), MUST_FLAG)
def test_must_flag(code: str, text: str, expected: list[str]) -> None:
    assert flagged(code, text) == expected


@pytest.mark.parametrize(("code", "text"), MUST_PASS)
def test_must_pass(code: str, text: str) -> None:
    assert flagged(code, text) == []


#: Examples of checks that read only targets other than English: (code, language, text, flagged).
MUST_FLAG_IN: list[tuple[str, str, str, list[str]]] = [
    ("TQ504", "ro", "Curtea de Apel din Timișoara a decis. Decizia Curţii este definitivă.",
     ["Curţii"]),
    ("TQ504", "fa", "دما به منفی ۱۲ درجه و در ارتفاعات به منفی 18 درجه می‌رسد.", ["18"]),
]
MUST_PASS_IN: list[tuple[str, str, str]] = [
    ("TQ504", "ro", "Curtea de Apel din Timișoara a decis. Decizia Curții este definitivă."),
    ("TQ504", "fa", "دما به منفی ۱۲ درجه می‌رسد و واکسن COVID-19 در ۱۸ شهر توزیع شد."),
]


@pytest.mark.parametrize(("code", "lang", "text", "expected"), MUST_FLAG_IN)
def test_must_flag_in_other_targets(code: str, lang: str, text: str, expected: list[str]) -> None:
    assert flagged(code, text, lang) == expected


@pytest.mark.parametrize(("code", "lang", "text"), MUST_PASS_IN)
def test_must_pass_in_other_targets(code: str, lang: str, text: str) -> None:
    assert flagged(code, text, lang) == []


def test_every_check_has_examples() -> None:
    from tqcheck.checks.registry import all_rules

    mine = {r.code for r in all_rules() if r.category.value not in {"language", "fidelity"}
            and r.module.split(".")[-1] in {"repetition", "structure", "punctuation", "residue",
                                             "consistency", "calque"}}
    assert mine <= {c for c, _, _ in MUST_FLAG} | {c for c, _, _, _ in MUST_FLAG_IN}
    assert mine <= {c for c, _ in MUST_PASS} | {c for c, _, _ in MUST_PASS_IN}


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("pl", "Rząd przyjął nowe przepisy. żadna firma nie protestowała.", "żadna"),
    ("uk", "Уряд ухвалив нові правила. інші країни теж їх обговорюють.", "інші"),
    ("cs", "Vláda schválila pravidla. čeští podnikatelé protestovali.", "čeští"),
    ("tr", "Bakan dün geldi. ılımlı bir açıklama yaptı.", "ılımlı"),
])
def test_lowercase_starts_with_letters_beyond_latin_1(lang: str, text: str, word: str) -> None:
    assert flagged("TQ203", text, lang) == [word]


@pytest.mark.parametrize(("lang", "text", "fragment"), [
    ("de", "Der Kanzler traf am Montag den Präsidenten. Nach dem langen Treffen mit dem Minister.",
     "Nach dem langen Treffen mit dem Minister."),
    ("ru", "Губернатор вернулся в город в среду. После встречи с министрами обороны.",
     "После встречи с министрами обороны."),
    ("fr", "Le ministre a reçu les syndicats lundi soir. Après la réunion avec le préfet.",
     "Après la réunion avec le préfet."),
    ("tr", "Bakan salı günü Ankara'ya geldi. Cumhurbaşkanı ile görüştükten sonra.",
     "Cumhurbaşkanı ile görüştükten sonra."),
    ("de", "Die Regierung hat neue Regeln beschlossen. Vor allem für kleine Unternehmen.",
     "Vor allem für kleine Unternehmen."),
    ("es", "El gobierno aprobó nuevas normas. Especialmente para las pequeñas empresas.",
     "Especialmente para las pequeñas empresas."),
    ("fr", "Le gouvernement a adopté de nouvelles règles. Qui concernent surtout les PME.",
     "Qui concernent surtout les PME."),
])
def test_a_phrase_split_off_in_other_languages_is_info(lang: str, text: str, fragment: str) -> None:
    report = audit_text(text, AuditOptions(select=("TQ201",), lang=lang))
    assert [(f.text, f.severity.value) for f in report.findings] == [(fragment, "info")]


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Der Kanzler traf am Montag den Präsidenten. Nach dem Treffen reiste er ab."),
    ("ru", "Губернатор вернулся в город в среду. После встречи он уехал."),
    ("fr", "Le ministre a reçu les syndicats lundi soir. Après la réunion il est parti."),
    ("it", "Ti abbiamo inviato il codice per posta. Dopo la registrazione riceverai un'e-mail."),
    ("tr", "Bakan salı günü Ankara'ya geldi. Toplantıdan sonra basına açıklama yaptı."),
    ("de", "Die Regierung hat neue Regeln beschlossen. Vor allem kleine Firmen profitieren."),
    ("de", "Der Download ist beendet. Zum erneuten Herunterladen starten Sie den Torrent."),
])
def test_a_sentence_with_its_verb_is_no_phrase_fragment(lang: str, text: str) -> None:
    assert flagged("TQ201", text, lang) == []


@pytest.mark.parametrize(("lang", "text", "cut"), [
    ("en", "Residents were asked to use the old ferry until the. The bridge opens in May.",
     "Residents were asked to use the old ferry until the."),
    ("es", "Si la luz no parpadea, consulte el capítulo de la. Gracias.",
     "Si la luz no parpadea, consulte el capítulo de la."),
    ("ru", "Чтобы изменить адрес, откройте профиль и нажмите на.",
     "Чтобы изменить адрес, откройте профиль и нажмите на."),
    ("fr", "Pour changer l'adresse, ouvrez le profil et cliquez sur.",
     "Pour changer l'adresse, ouvrez le profil et cliquez sur."),
])
def test_sentence_cut_before_its_full_stop(lang: str, text: str, cut: str) -> None:
    assert flagged("TQ205", text, lang) == [cut]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "This is the material the bridge is made of. Nobody knew what it was for."),
    ("de", "Ich weiß das. Er kommt morgen an. Sie nannte den Preis, und er nahm einen."),
    ("de", "Die Nachricht tut einem leid. So etwas gefällt einem."),
    ("nl", "Ik weet het. Daar weet ik niets van. Hij gaf het op."),
    ("es", "Quiero una. Lo dijo y se fue con ella. Es nuestro."),
    ("fr", "Prends-le. Je suis pour. J'en veux une."),
    ("ru", "Я за. Не за что. Он был против."),
    ("pl", "Już po. Wiem, że to prawda."),
    ("it", "Puoi cambiare il piano, la password e così via. Vieni su."),
    ("ar", "انضمت إلى قناة أي تي في."),
])
def test_words_that_may_end_a_sentence_are_not_cuts(lang: str, text: str) -> None:
    assert flagged("TQ205", text, lang) == []


def test_legitimate_doubles_are_per_language() -> None:
    text = "Das ist die Frau, die die Blumen bringt."
    assert flagged("TQ101", text, lang="de") == []
    assert flagged("TQ101", "Er kam in in die Stadt.", lang="de") == ["in in"]


def test_french_space_before_punctuation_is_correct() -> None:
    assert flagged("TQ307", "Il a dit : « non » ; puis il est parti !", lang="fr") == []
    assert flagged("TQ307", "Il est parti , puis revenu.", lang="fr") == [" ,"]


def test_arabic_target_keeps_its_punctuation_and_digits() -> None:
    text = "قال الوزير، إن المحادثات ستستمر في ١٠ مارس؟"
    assert flagged("TQ304", text, lang="ar") == []
    assert flagged("TQ305", text, lang="ar") == []


def test_caseless_script_skips_capitalisation_checks() -> None:
    assert flagged("TQ203", "انتهت المحادثات. غادر الوزراء.", lang="ar") == []


def test_quote_styles_follow_the_language() -> None:
    assert flagged("TQ301", "Er sagte „wir gehen“ und ging.", lang="de") == []
    assert flagged("TQ301", "Il a dit « non » et il est parti.", lang="fr") == []
    assert flagged("TQ301", "Il a dit « non et il est parti.\n\nFin.", lang="fr") == ["«"]


def test_calque_pack_needs_evidence_without_source_lang() -> None:
    # "In return," alone is weak evidence for the Arabic pack ...
    assert flagged("TQ601", "In return, Moscow has said it is ready.") == []
    # ... but an explicit source language applies the pack.
    assert flagged("TQ601", "In return, Moscow has said it is ready.", source_lang="ar") == ["In return,"]


def test_calque_source_lang_selects_the_pack() -> None:
    text = "The minister said yesterday, Wednesday, that talks would go on."
    assert flagged("TQ601", text, source_lang="ru") == []
    assert flagged("TQ601", "Work continues in the frames of the program.", source_lang="ru") == [
        "in the frames of"]


def test_repeated_sentence_points_at_first() -> None:
    text = ("The ministers will meet again next week in Antalya.\n\nOther news.\n\n"
            "The ministers will meet again next week in Antalya.")
    report = audit_text(text, AuditOptions(select=("TQ104",), lang="en"))
    (f,) = report.findings
    assert (f.line, f.col) == (5, 1)
    assert [(r.line, r.col) for r in f.related] == [(1, 1)]


def test_missing_language_data_is_said_once() -> None:
    text = "Ceci est un test. Das ist gut.\n\nUn autre paragraphe ici."
    report = audit_text(text, AuditOptions(lang="ca"))
    # The file says it once, and each check that falls back says it once (not per sentence).
    assert sum(n.startswith("<text>: no language data for 'ca'") for n in report.notes) == 1
    assert len(report.notes) == len(set(report.notes))
    assert any(n.startswith("TQ102: no coordinator list") for n in report.notes)


def test_gated_checks_see_every_segment_of_a_chunk() -> None:
    # The engine searches gates over chunks of segments joined by newlines; a segment-initial
    # pattern must still be found in the middle of a chunk.
    lines = ["The talks ended well." for _ in range(10)] + ["the ministers left early."]
    report = audit_text("\n".join(lines), AuditOptions(select=("TQ203",), lang="en"))
    assert [(f.line, f.text) for f in report.findings] == [(11, "the")]
    report = audit_text("\n\n".join([*lines[:5], "previous conversations", *lines[5:7]]),
                        AuditOptions(select=("TQ202",), lang="en"))
    assert [(f.line, f.text) for f in report.findings] == [(11, "previous conversations")]


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_gates_match_wherever_their_check_finds_something(lang: str) -> None:
    # A gate lets the engine skip a segment, so it must match every text its check would flag.
    # Each gated check runs here without its gate, on every example of this file.
    from tqcheck.checks.engine import resolve_gate
    from tqcheck.checks.gates import Gate
    from tqcheck.checks.registry import CheckContext, all_rules
    from tqcheck.langdata import load_language
    from tqcheck.model import Segment
    from tqcheck.segment import split_sentences

    data = load_language(lang)
    ctx = CheckContext("<text>", lang, data)
    texts = [text for _, text, _ in MUST_FLAG] + [text for _, text in MUST_PASS] + [
        # The gated language checks (TQ702-TQ704; their examples live in test_language_checks).
        "The minister called it a نكسة for the region.", "The pаrliament met.",
        "He said Inshallah and left.", "Он сказал spasibo и ушёл.", "Переговоры шли, wa al-hukuma молчала.",
        # TQ705 in English without a source language: number words and interface labels.
        "The fund received 12 miliardi last year.", 'To leave, tap "Annuleren" at the bottom.',
    ]
    segments = [Segment(part, 1) for text in texts for part in text.split("\n\n")]
    gated = [r for r in all_rules() if r.scope in ("segment", "sentence") and r.gate is not None]
    assert gated
    flagged_somewhere: set[str] = set()
    closed: set[str] = set()  # gates that open nowhere: their check finds nothing in this language
    for rule in gated:
        gate = resolve_gate(rule, ctx)
        if gate is None:
            continue  # no gate for this language
        if gate == Gate():
            closed.add(rule.code)
        for segment in segments:
            sentences = split_sentences(segment, data)
            if rule.scope == "segment":
                found = list(rule.impl(segment, sentences, ctx))
            else:
                found = [h for sentence in sentences for h in rule.impl(sentence, ctx)]
            if found:
                flagged_somewhere.add(rule.code)
                assert gate.search(segment.text), (rule.code, segment.text)
    if lang == "en":
        # the examples exercise every gate (a closed one: its check ran and found nothing)
        assert flagged_somewhere == {r.code for r in gated} - closed
        # English words in an English target are no residue: TQ705's gate opens only on a
        # number word of another language or an interface verb.
        assert closed == set() and "TQ705" in flagged_somewhere


def test_a_frequent_word_coordinated_with_itself_is_two_clauses() -> None:
    assert flagged("TQ102", "Der Händler nahm es nicht zurück, was bei solchen Geräten "
                   "so oder so üblich ist, obwohl ich Stammkunde bin.", lang="de") == []
    assert flagged("TQ102", "Он не сказал, правда ли это или это слух (мы звали его Максом).",
                   lang="ru") == []
    assert flagged("TQ102", "Я не помню, чтобы кто-то чинил его или его выбросили в окно.",
                   lang="ru") == []
    assert flagged("TQ102", "Они зависят от указаний и указаний Кремля.", lang="ru") == [
        "указаний и указаний"]


def test_a_second_conjunct_narrowed_by_a_modifier_is_two_groups() -> None:
    assert flagged("TQ102", "Особенно важно сделать прививку пожилым людям и людям с хроническими "
                   "заболеваниями.", lang="ru") == []
    assert flagged("TQ102", "The fund helps people and people with disabilities.") == []
    # A modifier that is not in the list leaves the stutter flagged.
    assert flagged("TQ102", "They obey instructions and instructions given by the Kremlin.") == [
        "instructions and instructions"]


def test_a_second_conjunct_negated_after_it_is_x_or_not_x() -> None:
    """"may or may not", "kann oder kann nicht": the alternative and its negation, not a stutter."""
    assert flagged("TQ102", "The update may or may not fix the crash.") == []
    assert flagged("TQ102", "Ob er kommt oder kommt nicht, ist egal.", lang="de") == []
    assert flagged("TQ102", "The update may or may fix the crash.") == ["may or may"]


def test_a_second_conjunct_that_heads_a_longer_phrase_is_two_groups() -> None:
    """A plural noun after the second conjunct makes it a compound ("school events"); an oblique
    post-modifier or для makes it a group of its own (language data ``coordination_narrowing_word``)."""
    assert flagged("TQ102", "Children are safe at school and at school events.") == []
    assert flagged("TQ102", "Check the market prices of roadside land and land prices.") == []
    assert flagged("TQ102", "Россия нанесла удары по энергетическим объектам и объектам "
                   "критической инфраструктуры.", lang="ru") == []
    assert flagged("TQ102", "Надбавка на покупку вторичного жилья и жилья для сдачи в аренду.",
                   lang="ru") == []
    # The stutters of the same shape stay flagged: a participle, an adverb, a bare word after.
    assert flagged("TQ102", "I hope they will discharge us and discharge us home tomorrow.") == [
        "discharge us and discharge us"]
    assert flagged("TQ102", "Они зависят от указаний и указаний Кремля.", lang="ru") == [
        "указаний и указаний"]
    assert flagged("TQ102", "The school and the school is closed.") == ["The school and the school"]
    assert flagged("TQ102", "Search newly built or newly built properties near the station.") == [
        "newly built or newly built"]
    assert flagged("TQ102", "Graduation at elementary, junior high and high schools.") == []


def test_a_mirrored_invisible_character_is_info(tmp_path: Path) -> None:
    from tqcheck.audit import audit

    target, source = tmp_path / "t.txt", tmp_path / "s.txt"
    target.write_text("I eat a little bit (\u2060^\u2060^\u2060)\n", encoding="utf-8")
    source.write_text("ちょこちょこ食べます(\u2060^\u2060^\u2060)\n", encoding="utf-8")
    report = audit([target], AuditOptions(lang="en", select=("TQ306",),
                                          features={"source": str(source)}), jobs=1)
    assert {f.severity.value for f in report.findings} == {"info"}


@pytest.mark.must_pass("TQ101")
def test_french_en_en_before_a_gerund_is_grammatical() -> None:
    import tqcheck

    assert tqcheck.audit_text("Il a appris le métier en en parlant avec les anciens.", lang="fr",
                              select=["TQ101"]) == []


@pytest.mark.must_flag("TQ101")
def test_french_en_en_elsewhere_is_a_stutter() -> None:
    import tqcheck

    found = tqcheck.audit_text("Le ministre est arrivé en en avion.", lang="fr", select=["TQ101"])
    assert [f.code for f in found] == ["TQ101"]


def test_doubled_coordination_is_not_cut_when_the_source_is_in_view() -> None:
    import tqcheck

    text = "Trainees learn the rules and rules of the trade.\n"
    alone = tqcheck.audit_text(text, lang="en", select=["TQ102"])
    assert [f.code for f in alone] == ["TQ102"] and alone[0].fix is not None
    paired = tqcheck.audit_text(text, lang="en", select=["TQ102"], source_lang="ru",
                                source="Стажёры учат, что можно и чего нельзя.\n")
    assert [f.code for f in paired] == ["TQ102"] and paired[0].fix is None


def test_an_acronym_spelled_in_arabic_letter_names_is_not_a_doubled_word() -> None:
    assert flagged("TQ101", "فقد التقطته كاميرات سي إن إن وسي بي إس صباح يوم الجمعة", lang="ar") == []
    assert flagged("TQ101", "حسبما أفادت بي بي سي اليوم", lang="ar") == []
    assert flagged("TQ101", "ذهب الرجل إلى إن إن المدينة", lang="ar") == ["إن إن"]


def test_english_style_inner_quotes_in_russian_pair_up() -> None:
    text = "«Пришло время женщинам поехать в Вашингтон и “починить” наше правительство», — говорит она."
    assert flagged("TQ301", text, lang="ru") == []
    assert flagged("TQ301", "Он сказал: «Это „правда“ и всё».", lang="ru") == []


@pytest.mark.parametrize(("lang", "text", "severity"), [
    ("tr", "Çocuklar koşa koşa eve geldi.", "info"),        # reduplication: an adverb of manner
    ("it", "Se ne andò zitto zitto dalla stanza.", "info"),
    ("fa", "او آرام آرام به خانه رفت.", "info"),
    ("tr", "Ali ve ve Ayşe geldi.", "error"),              # a conjunction doubled is a slip
    ("it", "Il libro di di Marco è qui.", "error"),
    ("en", "They went slowly slowly home.", "error"),       # English does not reduplicate
])
def test_doubled_word_where_reduplication_is_grammar(lang: str, text: str, severity: str) -> None:
    from tqcheck import audit_text as api_audit_text

    found = list(api_audit_text(text, lang=lang, select=("TQ101",)))
    assert [f.severity.value for f in found] == [severity]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Turnout rose to 50 % this year.", True),
    ("Only the % that voted counts.", False),     # the sign used as a word, after a word
])
def test_space_before_percent_only_after_a_number(text: str, flagged: bool) -> None:
    from tqcheck import audit_text as api_audit_text

    assert bool(list(api_audit_text(text, lang="en", select=("TQ307",)))) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # URLs, addresses, handles, transcript tags, emoji codes and a command are Latin everywhere.
    ("Подробнее: https://apnews.com/hub/russia-ukraine и далее.", False),
    ("Пишите на awhawkins@breitbart.com или в Instagram: @ awr_hawkins сегодня.", False),
    ("Он написал partyparrot::helix:::ferrisdance в чате.", False),
    ("Затем [PERSON11] < parallel_talk > сказал, что согласен.", False),
    ("Нужно сделать git check-out ветки.", False),
    ("Подробнее на сайте khou, khou. com и в соцсетях.", False),  # a domain broken by a space
    ("Подробнее на сайте khou, and then the news com и в соцсетях.", True),
    ("Он сказал, что the meeting was very productive для всех.", True),  # an English phrase left
])
def test_latin_in_a_non_latin_document_counts_only_as_prose(text: str, flagged: bool) -> None:
    from tqcheck import audit_text as api_audit_text

    assert bool(list(api_audit_text(text, lang="ru", select=("TQ702",)))) is flagged


def test_a_loop_that_renders_a_list_of_aliases_is_mirrored(tmp_path: Path) -> None:
    # GNOME Calculator's unit keywords: each alias of the source rendered by one Arabic term.
    import tqcheck

    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: ar\\n"\n\n'
          'msgid "microsecond,microseconds,us,μs"\n'
          'msgstr "ميكرو ثانية,ميكرو ثانية,ميكرو ثانية,ميكرو ثانية"\n\n'
          'msgid "Open the file, then close it."\nmsgstr "افتح الملف الملف الملف الملف"\n')
    found = {f.line: f.severity.value
             for f in tqcheck.audit_text(po, lang="ar", format="po", select=("TQ105",))}
    assert found == {7: "info", 10: "error"}


def test_lowercase_after_a_break_the_source_lacks_is_info() -> None:
    # ndb's German XLIFF: "(...)" is no sentence end; a real lost capital stays a warning.
    import tqcheck

    po = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
          'msgid "Long labels are shortened with an ellipsis (...) to keep simple views."\n'
          'msgstr "Lange Beschriftungen werden mit Auslassungspunkten (...) gekürzt, um es einfach '
          'zu halten."\n\n'
          'msgid "The download failed. Try again later."\n'
          'msgstr "Der Download ist fehlgeschlagen. versuchen Sie es später erneut."\n')
    found = {f.text: f.severity.value
             for f in tqcheck.audit_text(po, lang="de", format="po", select=("TQ203",))}
    # "(...)" before a lowercase word ends no sentence at all now (the splitter reads an ellipsis
    # inside a bracket like a bare one): no finding, not even info.
    assert found == {"versuchen": "warning"}


@pytest.mark.parametrize(("text", "count"), [
    ("wobei „OR“ in ‚+’ und „AND“ in ‚,’ umgewandelt wurden.", 0),  # dpkg de: ‚…’ throughout
    ("Er sagte „Hallo” und ging.", 0),
    ("Er sagte „Hallo und ging.", 1),
    ("Wir wissen’s nicht, sagte er.", 0),   # an apostrophe, no quote
])
def test_german_quotes_closed_with_the_english_right_mark(text: str, count: int) -> None:
    from tqcheck import audit_text as api_audit_text

    assert len(list(api_audit_text(text, lang="de", select=("TQ301",)))) == count


@pytest.mark.must_pass("TQ101")
def test_german_es_es_after_a_verb_or_subordinator_is_subject_and_object() -> None:
    assert flagged("TQ101", "Wenn es ein neues Stück hat, wird es es zurücksenden.", lang="de") == []
    assert flagged("TQ101", "Ich glaube, dass es es gibt.", lang="de") == []


@pytest.mark.must_flag("TQ101")
def test_german_es_es_elsewhere_is_a_stutter() -> None:
    assert flagged("TQ101", "Das Haus es es ist alt.", lang="de") == ["es es"]


@pytest.mark.must_pass("TQ101")
def test_english_particle_then_preposition_after_an_object_pronoun() -> None:
    # WMT23 ja-en (blind judge: false): a particle, then the same word as a preposition.
    assert flagged("TQ101", "I'm hoping to get it in in a couple of weeks.", lang="en") == []
    assert flagged("TQ101", "Turn it on on Monday.", lang="en") == []


@pytest.mark.must_flag("TQ101")
def test_english_preposition_doubled_after_a_verb_is_a_stutter() -> None:
    assert flagged("TQ101", "They invested in in the company.", lang="en") == ["in in"]


@pytest.mark.must_pass("TQ101")
def test_arabic_letter_names_with_a_clitic_or_a_homograph_are_an_acronym() -> None:
    assert flagged("TQ101", "على قنوات سي بي أس وسي إن إن وفوكس نيوز.", lang="ar") == []
    assert flagged("TQ101", "قال كريس هاريس من دبليو إس إم في في ناشفيل.", lang="ar") == []
    # "في في" (in in) with no acronym before it is a stutter.
    assert flagged("TQ101", "ذهب في في المدينة.", lang="ar") == ["في في"]


@pytest.mark.must_pass("TQ301")
@pytest.mark.parametrize("text", [
    "With “0\" no sound when the device stands still.",
    "Sewing said. \"I see this as the greatest threat to the economy.” He left.",
])
def test_a_straight_mark_paired_with_a_curly_one_is_a_pair(text: str) -> None:
    assert flagged("TQ301", text) == []


@pytest.mark.must_flag("TQ301")
@pytest.mark.parametrize("text", [
    "He said “we will go. Then he left.",
    "A 27\" screen and “a quote that never ends.",
])
def test_a_curly_quote_left_open_beside_an_inch_mark_is_flagged(text: str) -> None:
    assert flagged("TQ301", text) == ["“"]


def test_german_es_es_after_ob_or_warum_is_not_flagged() -> None:
    assert flagged("TQ101", "Ich weiß nicht, ob es es schafft, heute zu kommen.", lang="de") == []
    assert flagged("TQ101", "Ich weiß nicht, warum es es so eilig hat.", lang="de") == []


@pytest.mark.must_pass("TQ203")
@pytest.mark.parametrize(("text", "lang"), [
    ("It flies well, and the 5 min. flight time is enough.", "en"),
    ("\"Min. coins\" is a value that collects credits.", "en"),
    ("It is run by On-Co ltd. (headquartered in Mie).", "en"),
    ("I do not know about it though. lol", "en"),
    ("Zurück fällt es dir leicht, einen Kurs im Jahr 3034 n. Chr. einzuschlagen.", "de"),
    ("Дерзкая кража 26 750 долл. во время обслуживания банкомата.", "ru"),
])
def test_lowercase_after_a_unit_currency_or_era_abbreviation_is_no_sentence_start(
        text: str, lang: str) -> None:
    assert flagged("TQ203", text, lang=lang) == []


@pytest.mark.must_flag("TQ203")
def test_lowercase_after_a_unit_that_ends_a_sentence_is_still_flagged() -> None:
    assert flagged("TQ203", "The flight takes 5 min. the battery lasts longer.") == []  # ambiguous
    assert flagged("TQ203", "The talks ended. the ministers left.") == ["the"]


def test_a_phrase_repeated_across_a_line_break_is_info() -> None:
    from tqcheck import audit_text as api_audit_text

    text = ("but here most people are way more positive than in Ukraine\n"
            "in Ukraine prices are the same but salaries are lower\n")
    found = list(api_audit_text(text, lang="en", select=("TQ103",)))
    assert [f.severity.value for f in found] == ["info"]
    assert [f.severity.value for f in api_audit_text(
        "Prices are higher in Ukraine in Ukraine than here.", lang="en", select=("TQ103",))] == [
        "warning"]


@pytest.mark.must_pass("TQ702")
def test_a_phrase_introduced_as_the_original_is_not_flagged() -> None:
    assert flagged("TQ702", "Он предложил аббревиатуру MWP (от англ. Member of the Welsh Parliament "
                   "— член парламента Уэльса).", lang="ru") == []
    assert flagged("TQ702", "Он сказал, что the meeting was very productive для всех.",
                   lang="ru") == ["the meeting was very productive"]
