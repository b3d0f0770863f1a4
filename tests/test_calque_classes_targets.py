"""Eleventh round: the calque entries from English into other targets, written by construction
class, flag their construction in other wordings, inflections and word orders than their own
example, and pass fluent text of the target that shares their words.  (Each entry's own example
and counterexample are checked in test_calque_packs.py.)"""

from __future__ import annotations

import pytest

from tests.test_calque_packs import _ids

# (target, pack:entry, text it must flag with English as the source)
FLAGGED = [
    # Light verbs word for word.
    ("sv", "en:pay-attention-betala", "Du måste betala mer uppmärksamhet till detaljerna."),
    ("da", "en:pay-attention-betale", "Du skal betale opmærksomhed til detaljerne."),
    ("nb", "en:pay-attention-betale", "Du må betale oppmerksomhet til detaljene."),
    ("fi", "en:pay-attention-maksaa", "Sinun täytyy maksaa huomiota yksityiskohtiin."),
    ("ro", "en:pay-attention-plati", "Trebuie să plătiți atenție la detalii."),
    ("bg", "en:pay-attention-plashtam", "Трябва да платите внимание на детайлите."),
    ("el", "en:pay-attention-plirono", "Πρέπει να πληρώσετε προσοχή στις λεπτομέρειες."),
    ("hu", "en:pay-attention-fizet", "Figyelmet kell fizetnie a részletekre."),
    ("ro", "en:make-sure-fa-sigur", "Fă sigur că ușa este închisă."),
    ("bg", "en:make-sure-napravi-sigurno", "Направете сигурно, че вратата е заключена."),
    ("pl", "en:give-a-speech-dac", "Prezydent dała wykład na uniwersytecie."),
    # 'as a result', 'make no sense', 'take place' in other forms and orders.
    ("sv", "en:as-a-result", "Som ett resultat, har priserna stigit."),
    ("da", "en:as-a-result", "Som et resultat er priserne steget."),
    ("ro", "en:as-a-result", "Ca un rezultat, prețurile au crescut."),
    ("fr", "en:as-a-result-comme-un", "Comme un résultat, les prix ont augmenté."),
    ("fr", "en:make-sense-pas-de-sens", "Cela ne fait pas vraiment de sens pour moi."),
    ("nl", "en:make-sense-two-adverbs", "Dat maakt helemaal geen zin voor ons."),
    ("de", "en:sinn-machen-verb-final", "Das würde viel mehr Sinn machen."),
    ("hu", "en:take-place-verb-first", "Az esemény a belvárosban vett helyet."),
    ("uk", "en:take-place-wide", "Захід взяв місце в центрі міста."),
    ("es", "en:take-place-gerund", "El concierto está tomando lugar en el estadio."),
    ("pt", "en:take-place-more-forms", "As eleições tomarão lugar em maio."),
    ("fr", "en:take-place", "L'événement a pris place au centre-ville."),
    # Dates and months.
    ("de", "en:us-date-slashes", "Die Frist endet am 03/15/2024."),
    ("es", "en:us-date-slashes", "La cita es el 12/24/2023."),
    ("ru", "en:in-year-bare", "Число в 2023, по данным Росстата, резко выросло."),
    ("nl", "en:capitalised-april-mei", "De verkiezingen zijn in April volgend jaar."),
    ("it", "en:capitalized-month-after-preposition", "Le elezioni si terranno ad Aprile."),
    ("hu", "en:capitalised-month-suffixed", "A törvény Decembertől hatályos."),
    # Government and prepositions.
    ("ru", "en:interested-in-v", "Она интересуется в истории искусства."),
    ("ru", "en:thank-you-for-dlya", "Спасибо для вашей поддержки!"),
    ("pl", "en:listen-to-do", "Lubię słuchać do radia rano."),
    ("ru", "en:no-comma-before-chto", "Он заявил что санкции не работают."),
    # 'address a problem' with a determiner; 'realize' with an awareness noun.
    ("sv", "en:address-a-problem-determiner", "Vi måste adressera dessa problem."),
    ("ro", "en:address-a-problem-determiner", "Trebuie să adresăm aceste probleme."),
    ("es", "en:realize-the-gravity", "No realizó la gravedad de la situación."),
    ("it", "en:realize-the-gravity", "Non ha realizzato la portata del problema."),
    ("fr", "en:realize-adverb-que", "Il a réalisé trop tard qu'il avait oublié ses clés."),
    ("fr", "en:realize-the-gravity", "Il n'a pas réalisé l'ampleur du problème."),
    # Articles, false friends.
    ("fr", "en:bare-plural-subject", "Scientifiques ont montré que le climat change."),
    ("es", "en:comprehensive-comprensivo", "Presentaron un plan comprensivo de reformas."),
    ("fr", "en:evidence-false-friend", "Il n'y a aucune évidence qu'il soit coupable."),
]

# (target, pack:entry, fluent text it must pass with English as the source)
PASSED = [
    ("sv", "en:pay-attention-betala", "Han betalade räkningen och ägnade uppmärksamhet åt barnen."),
    ("da", "en:end-of-the-day-v2", "I slutningen af dagen gik vi en tur i parken."),
    ("fi", "en:give-a-speech-antaa", "Ministeri piti puheen ja antoi lausunnon."),
    ("ro", "en:make-a-decision-face", "Decizia face obiectul unei analize a guvernului."),
    ("fr", "en:make-sense-pas-de-sens", "La rue ne fait plus de sens unique depuis lundi."),
    ("fr", "en:bare-plural-subject", "Nombreux sont ceux qui ont voté. Rares sont les absents."),
    ("fr", "en:bare-plural-subject", "Ils ont voté hier. Certains ont refusé."),
    ("fr", "en:take-place-adverb", "Les invités ont ensuite pris place à table."),
    ("it", "en:comprehensive-comprensivo", "Il prezzo è un pacchetto comprensivo di IVA."),
    ("ru", "en:gerund-subject", "Земля может быть отнята. Новая модель является лучшей."),
    ("ru", "en:interested-in-v", "Она интересуется в основном политикой."),
    ("ru", "en:no-comma-before-chto", "Он сказал, что санкции не работают, потому что устал."),
    ("pl", "en:gerund-subject", "Tysiąc osób jest na placu."),
    ("nl", "en:capitalised-month-after-number", "Op 12 april gaat de winkel open."),
    ("de", "en:in-year", "Die Zahl stieg in 2023, 2024 und 2025 Fällen an."),
    ("es", "en:realize-the-gravity", "Realizó el valor de sus acciones en bolsa."),
    ("bg", "en:title-case-function-word", "Иван Вазов и Христо Ботев са поети."),
    ("el", "en:depend-on-se", "Η τιμή εξαρτάται σε μεγάλο βαθμό από τη ζήτηση."),
]


@pytest.mark.parametrize(("target", "entry", "text"), FLAGGED,
                         ids=[f"{t}-{e}-{i}" for i, (t, e, _) in enumerate(FLAGGED)])
def test_class_entry_flags_other_phrasings(target: str, entry: str, text: str) -> None:
    assert entry in _ids(text, target, "en"), text


@pytest.mark.parametrize(("target", "entry", "text"), PASSED,
                         ids=[f"{t}-{e}-{i}" for i, (t, e, _) in enumerate(PASSED)])
def test_class_entry_passes_fluent_text(target: str, entry: str, text: str) -> None:
    assert entry not in _ids(text, target, "en"), text


def test_strong_entries_report_without_a_source_language() -> None:
    # A construction the target never uses reports with no source in evidence ...
    assert "en:pay-attention-betala" in _ids("Du måste betala uppmärksamhet.", "sv", None)
    assert "en:thank-you-for-dlya" in _ids("Спасибо для вашего терпения!", "ru", None)
    # ... one that fluent text has in other senses waits for its source language.
    text = "Statsministern gav ett kort tal i riksdagen."
    assert "en:give-a-speech-ge" not in _ids(text, "sv", None)
    assert "en:give-a-speech-ge" in _ids(text, "sv", "en")
