"""Thirteenth round: sentences cut the way MT output is cut (benchmarks/truncation_recall.py) in
every language with data — words that end no sentence (determiners, subordinators,
postpositions, the negations and clitics of ``before_verb``, English modals), Greek words with
a final sigma, a trailing relative clause where the language has no verb test, and a closing
ellipsis after a word that opens a clause.  Each rule has a must-pass."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def found(text: str, lang: str) -> dict[str, str]:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ205",)))
    return {f.text: f.severity.value for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "cut", "severity"), [
    # Greek: a noun, a relative clause and no main clause, without a verb test for Greek.
    ("Ο συνολικός προϋπολογισμός ανέρχεται σε 4.2 εκατ. ευρώ. Οι δικαιούχοι που δεν έχουν…",
     "el", "Οι δικαιούχοι που δεν έχουν…", "info"),
    # Greek: "στους" folds to "στουσ"; the list is folded the same way.
    ("Η εταιρεία ανακοίνωσε νέα μέτρα. Οι αλλαγές θα ισχύσουν από σήμερα στους", "el",
     "Οι αλλαγές θα ισχύσουν από σήμερα στους", "warning"),
    # English: a modal waiting for its verb.
    ("The company announced new measures on Monday. The changes to the pension rules will",
     "en", "The changes to the pension rules will", "warning"),
    ("The company announced new measures on Monday. The response of the unions was very", "en",
     "The response of the unions was very", "warning"),
    # Negations and clitics that stand before their verb (``before_verb``), "to" after a noun.
    ("The plan was approved on Monday. Years later, the government dispatched a Turkish "
     "aircraft to", "en", "Years later, the government dispatched a Turkish aircraft to",
     "warning"),
    ("Компания объявила о новых мерах. Однако представители профсоюза пока ничего не", "ru",
     "Однако представители профсоюза пока ничего не", "warning"),
    ("Le ministre a présenté le projet. Les syndicats affirment que le gouvernement ne", "fr",
     "Les syndicats affirment que le gouvernement ne", "warning"),
    # Postpositions of a verb-final language, and a copula that waits for its predicate.
    ("Toplantı dün sona erdi. Yeni kurallar bütün çalışanlar ve yöneticiler için", "tr",
     "Yeni kurallar bütün çalışanlar ve yöneticiler için", "warning"),
    ("Rapat berakhir kemarin. Menurut menteri, masalah utama dalam kebijakan ini adalah", "id",
     "Menurut menteri, masalah utama dalam kebijakan ini adalah", "warning"),
    # Chinese: 于 ends only words that take an object (有助于, 由于).
    ("会议已经结束。这项政策的实施将有助于", "zh", "这项政策的实施将有助于", "warning"),
    # A full stop right after a word that never ends a sentence.
    ("Le ministre a présenté le projet. Les syndicats affirment que le gouvernement ne.", "fr",
     "Les syndicats affirment que le gouvernement ne.", "warning"),
    ("Rapat berakhir kemarin. Menurut menteri, masalah utama dalam kebijakan ini adalah.", "id",
     "Menurut menteri, masalah utama dalam kebijakan ini adalah.", "warning"),
    # A verb-final language: the last word reads as no verb.
    ("Toplantı dün sona erdi. Yeni kurallar bütün çalışanlar ve yöneticiler ile birlikte ortak",
     "tr", "Yeni kurallar bütün çalışanlar ve yöneticiler ile birlikte ortak", "info"),
    # A subordinate clause alone, with no comma for its main clause to follow.
    ("Новые правила вступают в силу в январе. Если заявитель не представит документы вовремя…",
     "ru", "Если заявитель не представит документы вовремя…", "info"),
    ("La règle entre en vigueur en janvier. Lorsque les documents ne sont pas envoyés à temps",
     "fr", "Lorsque les documents ne sont pas envoyés à temps", "info"),
    # A closing ellipsis after a subordinator, after a sentence that ends in a mark.
    ("The plan was approved on Monday. Officials said the delay happened because…", "en",
     "Officials said the delay happened because…", "info"),
])
def test_a_sentence_cut_in_mid_clause(text: str, lang: str, cut: str, severity: str) -> None:
    assert found(text, lang) == {cut: severity}


@pytest.mark.parametrize(("text", "lang"), [
    # A verb after the relative clause: the main clause is there.
    ("Ο συνολικός προϋπολογισμός ανέρχεται σε 4.2 εκατ. ευρώ. Οι δικαιούχοι που δεν έχουν "
     "υποβάλει αίτηση θα ενημερωθούν…", "el"),
    ("Η εταιρεία ανακοίνωσε νέα μέτρα. Οι αλλαγές θα ισχύσουν από σήμερα στους πελάτες", "el"),
    # English modals end a clause after a comparison, a subordinator or a quantifier.
    ("The team worked hard all year. We will help them as much as we can", "en"),
    ("The team worked hard all year. They did everything they could", "en"),
    ("The team worked hard all year. We would have won if we could", "en"),
    ("The company announced new measures on Monday. Nobody knows what the real reason was", "en"),
    # The negation before its verb, and a complete clause that ends on a verb.
    ("Компания объявила о новых мерах. Почему именно сейчас, никто не знает", "ru"),
    ("Le ministre a présenté le projet. Les syndicats affirment que le gouvernement ne recule pas",
     "fr"),
    ("Toplantı dün sona erdi. Bu kurallar herkes için geçerli olacak", "tr"),
    ("Rapat berakhir kemarin. Menurut menteri, masalah utama adalah biaya", "id"),
    ("会议已经结束。我们终于成功了", "zh"),
    ("Новые правила вступают в силу в январе. Если заявитель не представит документы вовремя, "
     "заявку отклонят…", "ru"),
    ("The rules take effect in January. Because the documents were not submitted in time", "en"),
    ("Toplantı dün sona erdi. Yeni kurallar bütün çalışanlar ve yöneticiler için geçerli olacak",
     "tr"),
    ("جلسه دیروز به پایان رسید. قوانین جدید برای همه کارکنان و مدیران شرکت اجرا می‌شود", "fa"),
    ("Le ministre a présenté le projet. Les syndicats craignent qu'il ne le fasse.", "fr"),
    ("Rapat berakhir kemarin. Masalah utama dalam kebijakan ini adalah biaya.", "id"),
    # The verb phrase after "to" is left out; a German clause after "bis" ends on its verb.
    ("The plan was approved on Monday. Honestly, I have not picked up a shovel today and I "
     "hope I won't have to", "en"),
    ("Das Konzert war gut. Es dauerte eine Weile, bis ich mit Grady warm wurde", "de"),
    # An indefinite article that is the numeral "one" ends a line of a catalogue.
    ("Växla fönster på alla arbetsytor eller bara en", "sv"),
    # The question word took the preposition's object.
    ("The plan was approved on Monday. Nobody could say what the bridge is made from…", "en"),
])
def test_complete_sentences_are_no_cut(text: str, lang: str) -> None:
    assert not found(text, lang)


def test_an_intensifier_doubled_over_a_comma_is_emphasis() -> None:
    # "very" ends no sentence, but stands in rarely_final: never_final words doubled over a
    # comma are read as a stutter by TQ101 ("and the, the talks").
    report = audit_text("It was a very, very good year for the company.",
                        AuditOptions(lang="en", select=("TQ101",)))
    assert not report.findings
