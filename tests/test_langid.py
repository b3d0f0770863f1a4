"""The language-identification cascade: scripts, masking, abstention, confirmation, determinism,
lazy loading."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tqcheck.langid import (
    LEXICON_SHARE,
    LangResult,
    detect_document_language,
    evidence_words,
    identify,
    lexicon,
    lexicon_share,
    normalise_lang,
    script_counts,
    strip_non_prose,
    surely_target,
)

from .conftest import ROOT, shared_file


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# --- script first ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "target", "lang"), [
    ("Переговоры закончились без результата.", "en", "ru"),
    ("قال الوزير إن المحادثات انتهت.", "en", "ar"),
    ("The talks ended without a result.", "ru", "en"),
    ("The talks ended without a result.", "ar", "en"),
    ("قال الوزير إن المحادثات انتهت.", "ru", "ar"),
    ("Переговоры закончились без результата.", "ar", "ru"),
    ("我很累。", "en", "zh"),
    ("私は疲れています。", "en", "ja"),
    ("Οι συνομιλίες τελείωσαν.", "en", "el"),
    ("השיחות הסתיימו ללא תוצאה.", "en", "he"),
])
def test_foreign_script_is_foreign_by_script(text: str, target: str, lang: str) -> None:
    result = identify(text, target)
    assert result.is_foreign(target)
    assert result.lang == lang
    assert result.method == "script"
    assert result.confidence >= 0.9


def test_unique_script_names_the_language_without_a_target() -> None:
    assert identify("Οι συνομιλίες τελείωσαν χωρίς αποτέλεσμα.") == LangResult(
        "el", 1.0, "script", "Greek")
    assert identify("대화는 결과 없이 끝났다.").lang == "ko"


def test_script_sharing_languages_are_told_apart_by_statistics() -> None:
    assert identify("Переговоры закончились без какого-либо результата.").lang == "ru"
    assert identify("Переговори закінчилися без жодного результату, сказав міністр.").lang == "uk"
    assert identify("Das Treffen endete ohne ein Ergebnis, sagte der Minister.").lang == "de"


def test_script_counts_weight_nothing_but_letters() -> None:
    assert script_counts("abc дж 12 !?") == {"Latin": 3, "Cyrillic": 2}


# --- abstain, mask -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["OK", "Total", "Figure 3", "Ich bin.", "Да.", "", "12.5 %",
                                  "https://example.com/über-uns", "@user #hashtag"])
def test_text_too_short_to_judge_abstains(text: str) -> None:
    for target in ("en", "ru", None):
        result = identify(text, target)
        assert (result.lang, result.method) == (None, "abstain"), target


def test_short_foreign_script_is_still_judged_by_script() -> None:
    # Three Cyrillic letters are enough for a script verdict; statistics would abstain.
    assert identify("Да, это так.", "en").is_foreign("en")


def test_names_heavy_english_sentence_stays_english() -> None:
    text = "John Smith, Maria García and Hans Müller met in São Paulo on Monday with their lawyers."
    result = identify(text, "en")
    assert not result.is_foreign("en")
    assert result.lang == "en"
    assert evidence_words(text) == ["John", "and", "met", "in", "on", "with", "their", "lawyers"]


def test_names_only_abstain() -> None:
    assert identify("John Smith, Maria García and Hans Müller.", "en").method == "abstain"


def test_urls_numbers_handles_and_code_are_masked() -> None:
    text = ("See https://www.example.de/über-uns/kontakt, mail info@beispiel.de or "
            "@bundesamt #Wahl2024, run `pip install größe` and call 030-1234567 today.")
    masked = strip_non_prose(text)
    for gone in ("example", "beispiel", "bundesamt", "Wahl", "größe", "1234567"):
        assert gone not in masked
    assert not identify(text, "en").is_foreign("en")


def test_german_sentence_in_english_document_is_confirmed_foreign() -> None:
    result = identify("Die Gespräche endeten gestern ohne eine Einigung über die Zukunft.", "en")
    assert result.is_foreign("en")
    assert result.lang == "de"
    assert result.method == "confirmed"


def test_english_sentence_is_not_foreign_in_english() -> None:
    for text in ("The talks ended yesterday without an agreement on the future.",
                 "I met her at the station and we walked home together.",
                 "Are you a policeman?"):
        assert not identify(text, "en").is_foreign("en"), text


# --- the lexicon shortcut -------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "target"), [
    ("The talks ended yesterday without an agreement.", "en"),
    ("Are you a policeman?", "en"),
    ("Wait a moment.", "en"),  # one evidence word ("wait"), every word in the lexicon
    ("I’ll come to your funeral.", "en"),  # typographic apostrophe
    ("Shut the door.", "en"),  # "door" is a frequent Dutch word too, but not 100 times as frequent
    ("Die Regierung hat gestern ein neues Gesetz beschlossen.", "de"),
    ("Правительство вчера приняло новый закон.", "ru"),
])
def test_lexicon_settles_target_language_without_statistics(text: str, target: str) -> None:
    result = identify(text, target)
    assert (result.lang, result.method) == (target, "lexicon")
    assert result.confidence >= LEXICON_SHARE


@pytest.mark.parametrize(("text", "target"), [
    ("Het is een mooie dag en we gaan naar het strand.", "en"),
    ("La casa è molto grande e bella.", "en"),
    ("Eu não sei o que ele quer de mim.", "en"),
    ("Ich weiß nicht, was er von mir will.", "en"),
    ("No sé lo que quiere de mí.", "en"),
    ("Je ne sais pas ce qu'il veut de moi.", "en"),
    ("Bu kitabı okumak istiyorum.", "en"),
    # German writes many English words ("soccer", "game", "country"); English "is" and "the" are
    # far more English than German, so the German lexicon does not settle this.
    ("Italy is the only country that regards war as a soccer game, and a soccer game as it is a war.",
     "de"),
    ("The government said the meeting would take place next week.", "fr"),
    ("The government said the meeting would take place next week.", "es"),
])
def test_lexicon_never_settles_foreign_text(text: str, target: str) -> None:
    assert lexicon_share([w.lower() for w in evidence_words(text)], target) is None
    result = identify(text, target)
    assert result.method not in ("lexicon", "words")
    assert result.is_foreign(target)


def test_lexicon_data_files_are_well_formed() -> None:
    from importlib import resources

    folder = resources.files("tqcheck") / "data" / "lexicon"
    codes = sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))
    full = ["ar", "de", "en", "es", "fr", "ru"]
    # The languages of MT traffic beyond the first six: smaller lists (wordfreq's top 15,000).
    more = ["bg", "ca", "cs", "da", "el", "fa", "fi", "he", "hu", "id", "it", "lt", "lv", "nl",
            "no", "pl", "pt", "ro", "sk", "sl", "sv", "tr", "uk"]
    assert codes == sorted(full + more)
    for code in codes:
        lex = lexicon(code)
        assert lex is not None
        if code in full:
            assert len(lex.words) > 20_000 and len(lex.evidence) > 10_000, code
        else:
            # Indonesian shares most words with Malay: few are evidence of it alone.
            assert len(lex.words) > 14_000 and len(lex.evidence) > 2_000, code
        assert lex.evidence <= lex.words
        assert all(w == w.lower() and w.strip() == w and w for w in lex.words), code
    en = lexicon("en")
    assert en is not None
    assert {"the", "would", "people"} <= en.evidence
    assert {"is", "of", "was"} <= en.words - en.evidence  # shared with Dutch, German
    assert "de" not in en.words and "la" not in en.words
    assert lexicon("xx") is None


def test_normalise_lang() -> None:
    assert normalise_lang("pt-BR") == "pt"
    assert normalise_lang("arz") == "ar"
    assert normalise_lang("zh-cn") == "zh"
    assert normalise_lang(None) is None


# --- document language -------------------------------------------------------------------------


def test_document_language_is_the_majority_of_sentences() -> None:
    english = ["The talks ended yesterday. The ministers will meet again next week in Geneva. "
               "Переговоры закончились без результата.", "Officials said the next round may "
               "take longer than planned."]
    assert detect_document_language(english) == "en"
    russian = ["Переговоры закончились вчера. Министры встретятся снова на следующей неделе. "
               "The talks ended without a result."]
    assert detect_document_language(russian) == "ru"
    assert detect_document_language(["OK", "12"]) is None


# --- determinism, global state, lazy loading ---------------------------------------------------

_SENTENCES = [
    "The talks ended yesterday without an agreement.",
    "Die Gespräche endeten ohne eine Einigung.",
    "Les discussions se sont terminées sans accord.",
    "Las conversaciones terminaron sin acuerdo alguno.",
    "Görüşmeler dün bir anlaşma olmadan sona erdi.",
    "Переговоры закончились без результата.",
    "Tom went to Boston with Mary.",
    "Wait till six.",
    "I met Mary yesterday.",
    "Inclina tu cabeza si me entiendes.",
]

_PROBE = """
import json, sys
from tqcheck.langid import identify
sents = json.loads(sys.argv[1])
print(json.dumps([[identify(s, "en").__repr__(), identify(s).__repr__()] for s in sents]))
"""


def test_deterministic_across_processes() -> None:
    outputs = []
    for seed in ("1", "2"):
        env = _env()
        env["PYTHONHASHSEED"] = seed
        out = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(_SENTENCES)], env=env,
                             capture_output=True, text=True, check=True, cwd=ROOT)
        outputs.append(out.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])) == len(_SENTENCES)


def test_langdetect_global_state_is_left_alone() -> None:
    from langdetect import DetectorFactory

    before = DetectorFactory.seed
    identify("Die Gespräche endeten gestern ohne eine Einigung über die Zukunft.", "en")
    assert DetectorFactory.seed == before


_LAZY = """
import sys
import tqcheck.langid as L
assert "fasttext" not in sys.modules and "langdetect" not in sys.modules, "loaded at import"
L.identify("Οι συνομιλίες τελείωσαν.", "en")
L.identify("OK", "en")
assert "fasttext" not in sys.modules and "langdetect" not in sys.modules, "loaded too early"
L.identify("The talks ended yesterday without an agreement.", "en")  # settled by the lexicon
assert "fasttext" not in sys.modules and "langdetect" not in sys.modules, "statistics for the lexicon"
L.identify("Zymurgists ferment kombucha.", "en")  # no evidence words: statistics
assert "fasttext" in sys.modules and "langdetect" not in sys.modules, "second detector too early"
print("ok")
"""


def test_models_load_only_when_a_sentence_needs_them() -> None:
    out = subprocess.run([sys.executable, "-c", _LAZY], env=_env(), capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


_HELP = """
import sys, time
t = time.perf_counter()
from tqcheck.cli import main
rc = main(["--help"])
elapsed = time.perf_counter() - t
bad = [m for m in ("tqcheck.langid", "fasttext", "langdetect") if m in sys.modules]
print(elapsed, ",".join(bad), rc)
"""


def test_help_is_fast_and_loads_no_detector() -> None:
    # CPU time of the child (user + system), not wall time: other work on a shared machine must
    # not make this fail, a slow import must.
    import resource

    best = float("inf")
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        out = subprocess.run([sys.executable, "-c", _HELP], env=_env(), capture_output=True,
                             text=True, cwd=ROOT)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = min(best, cpu)
        assert out.returncode == 0, out.stderr
        _, bad, rc = out.stdout.strip().splitlines()[-1].split(" ")
        assert (bad, rc) == ("", "0")
    assert best < 0.3, f"tqcheck --help took {best:.2f} s of CPU"


@pytest.mark.parametrize(("text", "target", "lang"), [
    ("Міністр сказав, що переговори триватимуть наступного тижня у Женеві.", "ru", "uk"),
    ("وزیر گفت که مذاکرات هفته آینده در ژنو ادامه خواهد یافت.", "ar", "fa"),
])
def test_same_script_relative_is_foreign_when_sure(text: str, target: str, lang: str) -> None:
    result = identify(text, target)
    assert (result.lang, result.method) == (lang, "confirmed")


@pytest.mark.parametrize(("text", "target"), [
    # Real NTREX headlines: names leave a few words that the detectors call Bulgarian or
    # Macedonian with middling confidence.
    ("Крис Лесли, член парламента от округа Ноттингем Восток", "ru"),
    ("От BBC Scotland — Аласдер Ламонт, репортаж со стадиона «Тони Макарони Арена»", "ru"),
    ("Министр сказал, что переговоры продолжатся на следующей неделе в Женеве.", "ru"),
    ("قال الوزير إن المحادثات ستستمر الأسبوع المقبل في جنيف.", "ar"),
])
def test_target_language_headlines_are_not_foreign(text: str, target: str) -> None:
    assert not identify(text, target).is_foreign(target)


# --- the function-word bound ---------------------------------------------------------------------


@pytest.mark.parametrize(("text", "sure"), [
    ("The minister said that the talks with their counterparts would resume after the summit.", True),
    ("They said it would be the first of many, and that it was just the start.", True),
    ("The minister met Kuleba.", False),  # too few function words
    ("Der Minister sagte, dass die Gespräche mit ihren Kollegen fortgesetzt würden.", False),
    ("The the the", False),  # fewer than ten letters
    ("The talks with `the code` from the past that they would have.", False),  # inline code
    ("Il a dit que the talks would be the start of their new year, avec les autres.", True),
])
def test_surely_target_is_a_sufficient_condition(text: str, sure: bool) -> None:
    assert surely_target(text, "en") is sure
    if sure:  # never says "English" where the cascade would not
        result = identify(text, "en")
        assert (result.lang, result.method) == ("en", "words")
    assert not surely_target(text, "ru")  # no ASCII function words, not Latin
    assert not surely_target(text, "de")  # no function-word list


def test_surely_target_agrees_with_the_cascade_on_real_text() -> None:
    files = sorted(shared_file("tatoeba").glob("*")) + sorted(shared_file("ntrex").glob("*.txt"))
    sure = 0
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if surely_target(line, "en"):
                sure += 1
                result = identify(line, "en")
                assert (result.lang, result.method) == ("en", "words"), line
    assert sure > 1000  # the bound is tight enough to matter


def test_a_bare_domain_is_no_evidence_of_a_language() -> None:
    # A photo credit: one Russian word and a domain of any top-level name; the domain never votes
    # (it made the line "Serbian by script": Latin letters in a Cyrillic document).
    assert evidence_words("Фото: pressoffice.kz") == ["Фото"]
    assert identify("Фото: pressoffice.kz", "ru").lang is None
    assert evidence_words("Источник: mvs.gov.ua.") == ["Источник"]


# --- the shortcut and the caches (speed only: never a different answer) --------------------------

_SHORTCUT_CASES = [
    "The talks ended without a result.",
    "John Smith, Maria García and Hans Müller met in São Paulo.",
    "Der Minister sagte, dass die Gespräche fortgesetzt würden.",
    "Il a dit que the talks would be the start of their new year, avec les autres.",
    "The `code` and the rest of it was in the file.",
    "Visit https://example.com or write to a@b.org for the rest of the news.",
    "«Hello» (the) world... said: yes! And then the NATO and the U.S. left.",
    "Путин said that the talks would go on and on.",
    "Wait a moment.",
    "Ok.",
    "² ³ and ½",
    "İstanbul'da the meeting was held on the 3rd.",
    "Es ist 5 Uhr und der Zug ist nicht da, aber wir warten.",
    "Ce n’est pas l’homme qu’il a vu hier soir dans la rue.",
    "Переговоры закончились без результата, и министр уехал домой.",
    "Он сказал, что это не так. Но Путин и Medvedev молчали.",
    "Я з Колумбії.",
    "Це не так, і ми знаємо це.",
    "قال الوزير إن المحادثات انتهت دون نتيجة.",
    "Οι συνομιλίες τελείωσαν χωρίς αποτέλεσμα.",
    "मंत्री ने कहा कि बातचीत बिना नतीजे के खत्म हो गई।",
    "ДА",
]


@pytest.mark.parametrize("target", ["en", "de", "fr", "es", "sr", "tr", "ru", "uk", "bg", "ar",
                                    "fa", "hi", "el", "he", "ja", "ko"])
def test_the_counted_shortcut_agrees_with_the_cascade(target: str) -> None:
    from tqcheck.langid import _cascade, _counted_script, _counted_shortcut

    script = _counted_script(target)
    settled = 0
    for text in _SHORTCUT_CASES:
        cascade = _cascade(text, target)
        assert identify(text, target) == cascade, text
        if script is None:
            continue
        shortcut = _counted_shortcut(text, target, script)
        if shortcut is not None:
            settled += 1
            assert shortcut == cascade, text
    if target in ("en", "de", "fr", "ru", "uk", "ar"):
        assert settled  # it serves these languages


def test_the_counted_shortcut_agrees_with_the_cascade_on_real_text() -> None:
    from tqcheck.langid import _cascade, _counted_script, _counted_shortcut

    files = sorted(shared_file("tatoeba").glob("*")) + sorted(shared_file("ntrex").glob("*.txt"))
    settled = 0
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()[:400]
        for target in ("en", "de", "fr", "ru", "uk", "ar"):
            script = _counted_script(target)
            assert script is not None
            for line in lines:
                shortcut = _counted_shortcut(line, target, script)
                if shortcut is not None:
                    settled += 1
                    assert shortcut == _cascade(line, target), (target, line)
    assert settled > 1000  # it settles most lines in their own language


def test_a_token_is_read_apart_from_where_it_stands() -> None:
    # The token cache keeps both readings of a capitalised word: at the start it is evidence, in
    # the middle it is a name.
    from tqcheck import langid

    langid._TOKENS.clear()
    assert evidence_words("Paris is big") == ["Paris", "is", "big"]
    assert evidence_words("I saw Paris today") == ["I", "saw", "today"]
    assert evidence_words("We left. Paris was far") == ["We", "left", "Paris", "was", "far"]
    assert evidence_words("I saw Paris today") == ["I", "saw", "today"]


def test_the_token_caches_are_kept_apart_per_language_and_bounded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tqcheck import langid
    from tqcheck.langid import _cascade

    text = "the cat and the dog were in the house with the children"
    langid._TARGET_TOKENS.clear()
    langid._TOKENS.clear()
    cold = {t: identify(text, t) for t in ("de", "en", "fr")}
    assert cold["en"].method == "words"
    assert cold["de"].method == cold["fr"].method == "confirmed"  # foreign: English
    # "the" counts as an English function word, never as a German one.
    en = langid._TARGET_TOKENS["en"].elsewhere["the"]
    de = langid._TARGET_TOKENS["de"].elsewhere["the"]
    assert (en >> 2 * langid._FIELD) & langid._MASK == 1
    assert (de >> 2 * langid._FIELD) & langid._MASK == 0
    # Warm caches of every language give the cold answers, in any order.
    assert {t: identify(text, t) for t in ("fr", "en", "de")} == cold
    # Bounded: the caches start afresh when full (a text's tokens are read whole), and answers do
    # not change.
    monkeypatch.setattr(langid, "_CACHE_LIMIT", 3)
    langid._TARGET_TOKENS.clear()
    langid._TOKENS.clear()
    assert {t: identify(text, t) for t in ("de", "en", "fr")} == cold
    others = [f"the word{i} and its house{i} were old" for i in range(50)]
    assert [identify(o, "en") for o in others] == [_cascade(o, "en") for o in others]
    assert len(langid._TOKENS) <= 3
    assert all(len(table.elsewhere) < 3 + len(text.split())
               for table in langid._TARGET_TOKENS.values())


@pytest.mark.parametrize("text", [
    "The talks ended without a result, and the minister went home.",
    "Der Minister sagte, dass die Gespräche fortgesetzt würden.",
    "Переговоры закончились без результата.",
    "Il a dit que the talks would be the start of their new year",
    "東京で会いましょう", "a", "123", "Wait till the rain stops", "O thou hast cleft my heart in twain",
])
def test_the_array_detector_gives_langdetects_own_probabilities(text: str) -> None:
    # The same probabilities to the last bit, and the same failure on text without features.
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import LangDetectException

    from tqcheck.langid import _detector_class, _langdetect

    def probabilities(cls: type) -> list[tuple[str, float]] | str:
        detector = cls(_langdetect())
        detector.append(text)
        try:
            return [(p.lang, p.prob) for p in detector.get_probabilities()]
        except LangDetectException as exc:
            return str(exc)

    assert probabilities(_detector_class()) == probabilities(Detector)


def test_the_profile_loader_gives_langdetects_own_table() -> None:
    # The same languages in the same order, the same n-grams in the same order, and each
    # n-gram's probabilities equal to the last bit.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from tqcheck.langid import _load_profiles

    own = DetectorFactory()
    own.load_profile(PROFILES_DIRECTORY)
    ours = DetectorFactory()
    _load_profiles(ours, PROFILES_DIRECTORY)
    assert ours.langlist == own.langlist
    assert list(ours.word_lang_prob_map) == list(own.word_lang_prob_map)
    assert all(ours.word_lang_prob_map[w] == tuple(probs)
               for w, probs in own.word_lang_prob_map.items())


def test_a_memo_judges_a_repeated_text_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """identify() with a document's memo runs the cascade once per text: the same verdict, and
    the memo starts afresh when full.  TQ701 keeps one per document."""
    from tqcheck import langid
    from tqcheck.audit import AuditOptions, audit_text

    calls: list[str] = []
    real = langid._cascade

    def counted(text: str, target: str | None, unsettled: bool = False) -> langid.LangResult:
        calls.append(text)
        return real(text, target, unsettled)

    monkeypatch.setattr(langid, "_cascade", counted)
    text = "Tom is a friend of mine."  # its words do not settle it: statistics
    verdicts: langid.Verdicts = {}
    first = langid.identify(text, "en", verdicts)
    assert langid.identify(text, "en", verdicts) == first == real(text, "en")
    assert calls == [text]
    monkeypatch.setattr(langid, "_MAX_VERDICTS", 2)
    for other in ("Sumatra is an island.", "We are compatriots.", text):
        langid.identify(other, "en", verdicts)
    assert len(verdicts) <= 2 and calls.count(text) == 2
    calls.clear()
    audit_text(f"{text}\n\nIt was late.\n\n{text}\n", AuditOptions(lang="en", select=("TQ701",)))
    assert calls.count(text) == 1


def test_text_the_counts_leave_unsettled_is_not_settled_by_the_cascades_own_test() -> None:
    # identify() skips the cascade's test of function words and lexicon where the counts already
    # ran it and it failed: the cascade must then say the same without that test.
    from tqcheck.langid import _UNSETTLED, _cascade, _counted, _counted_script, _prose, _shortcut

    files = sorted(shared_file("tatoeba").glob("*")) + sorted(shared_file("ntrex").glob("*.txt"))
    texts = list(_SHORTCUT_CASES) + [line for path in files
                                     for line in path.read_text(encoding="utf-8").splitlines()[:300]]
    unsettled = 0
    for target in ("en", "de", "fr", "ru", "uk", "ar"):
        script = _counted_script(target)
        assert script is not None
        for text in texts:
            if _counted(text, target, script) is not _UNSETTLED:
                continue
            unsettled += 1
            words = _prose(text)[1]
            assert _shortcut(words, target, script) is None, (target, text)
            assert _cascade(text, target, True) == _cascade(text, target), (target, text)
    assert unsettled > 100


def test_a_lexicon_is_no_container_the_garbage_collector_walks() -> None:
    """Membership is tested in dicts of the words, which the collector leaves alone (a set of
    them it walks in every full collection); the sets are the same words."""
    import gc

    from tqcheck.langid import lexicon

    lex = lexicon("en")
    assert lex is not None
    assert not gc.is_tracked(lex.known) and not gc.is_tracked(lex.evident)
    assert lex.words == frozenset(lex.known) and lex.evidence == frozenset(lex.evident)
    assert "the" in lex.known and "the" in lex.evident and "is" not in lex.evident
