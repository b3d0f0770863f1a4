"""TQ501 across inflection and sentence starts: a name before an English possessive, a sentence
start that is no word of the language, and two spellings of one name with case endings
(``inflection_endings``) are compared as names; one spelling in two cases, and two names that
share a stem with two endings, are not."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def flagged(text: str, lang: str) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ501",)))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Ukrainian President Volodymyr Zelensky met the chancellor on Monday. Zelenskyy's "
           "visit to Berlin lasted two days.", {"Zelensky", "Zelenskyy"}),
    ("en", "The talks with Dmitry Peskov ended late. Officials said Peskov's remarks were noted, "
           "and Peskow's office declined to comment.", {"Peskov", "Peskow"}),
    ("de", "Präsident Wolodymyr Selenskyj traf am Montag den Kanzler. Der Besuch Selenskis in "
           "Berlin dauerte zwei Tage.", {"Selenskyj", "Selenskis"}),
    ("pl", "Prezydent Wołodymyr Zełenski spotkał się w poniedziałek z kanclerzem. Wizyta "
           "Zelenskiego w Berlinie trwała dwa dni.", {"Zełenski", "Zelenskiego"}),
    ("sv", "President Volodymyr Zelenskyj träffade förbundskanslern på måndagen. Zelenskys besök "
           "i Berlin varade i två dagar.", {"Zelenskyj", "Zelenskys"}),
    ("lt", "Prezidentas Volodymyras Zelenskis pirmadienį susitiko su kancleriu. Vėliau "
           "prezidentas Zelenskyj išskrido į Berlyną.", {"Zelenskis", "Zelenskyj"}),
])
def test_inflected_and_possessive_variants(lang: str, text: str, expected: set[str]) -> None:
    assert flagged(text, lang) >= expected


@pytest.mark.parametrize(("lang", "text"), [
    # One spelling in several cases.
    ("pl", "Prezydent Wołodymyr Zełenski spotkał się z kanclerzem. Wizyta Zełenskiego w Berlinie "
           "trwała dwa dni, a Zełenskiemu towarzyszyła delegacja."),
    ("de", "Präsident Selenskyj traf den Kanzler. Der Besuch Selenskyjs dauerte zwei Tage."),
    ("lt", "Prezidentas Zelenskis susitiko su kancleriu. Zelenskio vizitas truko dvi dienas, o "
           "Zelenskiui buvo įteiktas apdovanojimas."),
    ("cs", "Prezident Volodymyr Zelenskyj se setkal s kancléřem. Návštěva Zelenského trvala dva "
           "dny."),
    # Two people: one stem, two endings (a man and a woman of one family), and a possessive.
    ("pl", "Jan Kowalski i Anna Kowalska przyjechali razem. Kowalski mówił pierwszy, a pani "
           "Kowalska później."),
    ("en", "Mark Williams spoke first. Williams's speech was short, and Mr Williams left early."),
])
def test_one_spelling_in_its_cases(lang: str, text: str) -> None:
    assert flagged(text, lang) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Volodimir Zelenszkij elnök hétfőn találkozott a kancellárral. Később Zelenskyi Berlinbe "
     "repült.", {"Zelenszkij", "Zelenskyi"}),
    ("Vlagyimir Putyin elnök hétfőn beszédet mondott. A beszéd után Putin elutazott.",
     {"Putyin", "Putin"}),
    ("Szergej Sojgu miniszter hétfőn Minszkbe utazott. Később Shoigu visszatért Moszkvába.",
     {"Sojgu", "Shoigu"}),
])
def test_hungarian_spelling_of_russian_names(text: str, expected: set[str]) -> None:
    assert flagged(text, "hu") == expected


def test_hungarian_names_in_their_own_spelling_pass() -> None:
    text = ("Szergej Lavrov hétfőn Budapestre érkezett, ahol Szijjártó Péterrel tárgyalt. Lavrov "
            "szerint a tárgyalás sikeres volt, Szijjártó pedig Lavrovval együtt nyilatkozott.")
    assert flagged(text, "hu") == set()


def test_a_sentence_start_never_pairs_with_a_word_of_the_language() -> None:
    # With a Japanese source, "Rotte" (a misread Lotte, seen only at a sentence start) and the
    # English word "Route" in a name share a romanization key: no name spelled two ways.
    text = ("The station was closed from May due to the closure of National Route 107.\n\n"
            "Rotte's Roki Sasaki made his first appearance at Ishigaki Camp in Okinawa.")
    report = audit_text(text, AuditOptions(lang="en", source_lang="ja", select=("TQ501",)))
    assert not report.findings
