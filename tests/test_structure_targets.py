"""TQ201/TQ205/TQ309 in more targets: subordinate clauses standing alone (languages whose
grammar puts a comma after a leading subordinate clause), paragraphs cut off on a preposition of
two words or on a Chinese or Japanese particle, Korean postpositions before a full stop, and
half-width marks in Chinese and Japanese.  Each rule has a must-pass."""

from __future__ import annotations

import pytest

from tqcheck.audit import AuditOptions, audit_text


def flagged(code: str, text: str, lang: str) -> set[str]:
    report = audit_text(text, AuditOptions(lang=lang, select=(code,)))
    return {f.text for f in report.findings}


@pytest.mark.parametrize(("text", "lang", "fragment"), [
    ("Die Regierung hat neue Regeln beschlossen. Wobei die Opposition die Pläne kritisiert.", "de",
     "Wobei die Opposition die Pläne kritisiert."),
    ("Die Minister trafen sich am Montag in Berlin. Wenn die Verhandlungen scheitern sollten.", "de",
     "Wenn die Verhandlungen scheitern sollten."),
    ("Le gouvernement a adopté de nouvelles règles. Lorsque l'opposition a critiqué les projets.",
     "fr", "Lorsque l'opposition a critiqué les projets."),
    ("Le gouvernement a adopté de nouvelles règles. Tandis que les syndicats manifestaient.", "fr",
     "Tandis que les syndicats manifestaient."),
    ("El Gobierno aprobó nuevas normas el lunes. Mientras que la oposición criticó los planes.",
     "es", "Mientras que la oposición criticó los planes."),
    ("Il governo ha approvato nuove regole lunedì. Anche se l'opposizione ha criticato i piani.",
     "it", "Anche se l'opposizione ha criticato i piani."),
    ("O governo aprovou novas regras na segunda-feira. Enquanto a oposição criticava os planos.",
     "pt", "Enquanto a oposição criticava os planos."),
    ("Rząd przyjął w poniedziałek nowe przepisy. Kiedy opozycja ostro skrytykowała plany.", "pl",
     "Kiedy opozycja ostro skrytykowała plany."),
    ("Vláda v pondělí přijala nová pravidla. Když opozice plány ostře kritizovala.", "cs",
     "Když opozice plány ostře kritizovala."),
    ("Правительство в понедельник приняло новые правила. Если переговоры снова провалятся.", "ru",
     "Если переговоры снова провалятся."),
    ("Уряд у понеділок ухвалив нові правила. Якщо переговори знову провалляться.", "uk",
     "Якщо переговори знову провалляться."),
])
def test_subordinate_clauses_standing_alone(text: str, lang: str, fragment: str) -> None:
    assert fragment in flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    # The main clause follows after a comma: a whole sentence.
    ("Die Regierung hat neue Regeln beschlossen. Wenn die Verhandlungen scheitern, gibt es Wahlen.",
     "de"),
    ("Правительство приняло новые правила. Когда-то здесь была школа для детей.", "ru"),
    ("O governo aprovou novas regras na segunda-feira. Enquanto isso a oposição reuniu-se.", "pt"),
    ("Rząd przyjął w poniedziałek nowe przepisy. Kiedyś była tu szkoła dla dzieci.", "pl"),
])
def test_openers_that_start_a_main_clause_are_no_fragment(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Доклад будет опубликован на следующей неделе после проверки со стороны", "ru"),
    ("Zpráva bude zveřejněna příští týden po kontrole ze strany", "cs"),
    ("Raport zostanie opublikowany w przyszłym tygodniu po sprawdzeniu przez", "pl"),
    ("O relatório será publicado na próxima semana depois da análise pela", "pt"),
    ("گزارش هفته آینده منتشر خواهد شد پس از بررسی توسط", "fa"),
    ("報告書は来週公表される予定で、委員会による審査の結果を", "ja"),
    ("政府周一批准了新规定。报告将于下周发布，届时委员会将把", "zh"),
    ("정부는 새로운 규정을 승인했다. 야당이 계획을 강하게 비판했기 때문에.", "ko"),
])
def test_cut_off_paragraphs_in_more_languages(text: str, lang: str) -> None:
    assert flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang"), [
    ("Такого в этом городе ещё никогда не было, ни с той стороны", "ru"),
    ("لم يحدث ذلك في تاريخ المدينة من قبل", "ar"),     # "before": a sentence may end so
    ("انسحبت من الصفقة للتركيز على عقودها الجديدة مع ماركس وسبنسر وأي تي في", "ar"),  # ITV
    ("機械学習とは", "ja"),                            # a heading
    ("日本の首都について", "ja"),
    ("この変数は、値を強制的に設定したい場合に使用すること", "ja"),   # こと: a sentence
    ("政府周一批准了新规定。此操作是不可逆的", "zh"),                  # 是…的: a sentence
    ("请输入数值，系统将计算所有数值的总和", "zh"),
])
def test_paragraphs_that_end_so_on_purpose(text: str, lang: str) -> None:
    assert not flagged("TQ205", text, lang)


@pytest.mark.parametrize(("text", "lang", "marks"), [
    ("部长表示,政府将采取新的措施.这项计划会成功吗?", "zh", 3),
    ("大臣は,政府が新たな措置を講じると述べた.この計画は成功するだろうか?", "ja", 3),
])
def test_half_width_marks_after_chinese_and_japanese(text: str, lang: str, marks: int) -> None:
    report = audit_text(text, AuditOptions(lang=lang, select=("TQ309",)))
    assert len([f for f in report.findings if "half-width" in f.message]) == marks


@pytest.mark.parametrize("text", [
    "他使用Node.js开发。版本2.0发布了。详见baidu.com网站。他说……好吧。",
    "他说...好吧。价格是3.5元。",
])
def test_latin_words_numbers_and_runs_are_no_half_width_mark(text: str) -> None:
    report = audit_text(text, AuditOptions(lang="zh", select=("TQ309",)))
    assert not [f for f in report.findings if "half-width" in f.message]


@pytest.mark.parametrize(("text", "fragment"), [
    ("The government approved new rules on Monday. When the opposition criticized the plans.",
     "When the opposition criticized the plans."),
    ("The ministers met in Moscow on Tuesday. If the negotiations fail again.",
     "If the negotiations fail again."),
    ("The delegation arrived in Ankara on Monday. Where it was received by the minister.",
     "Where it was received by the minister."),
])
def test_english_subordinate_clauses_standing_alone(text: str, fragment: str) -> None:
    assert fragment in flagged("TQ201", text, "en")


@pytest.mark.parametrize("text", [
    "The firm sells hats of every kind. If you want a bigger collection then look no further.",
    "The talks went on for days. Where possible use the official channels instead.",
    "The firm was small for years. Until recently the company had only three staff.",
    "He stopped and thought for a while. If I could be like that...",
    "They asked what would happen then. If not — the talks would simply end there.",
])
def test_english_openers_of_a_main_clause_are_no_fragment(text: str) -> None:
    assert not flagged("TQ201", text, "en")


def test_a_lone_greek_symbol_is_no_lowercase_start() -> None:
    from tqcheck.checks.structure import _LOWER_AFTER_NEWLINE, _LOWER_TEXT_START

    # The engine searches a chunk of lines as one text ("π\nτ"): a symbol before a line break.
    assert not _LOWER_TEXT_START.search("π\nτ")
    assert not _LOWER_AFTER_NEWLINE.search("π\nτ")
    assert _LOWER_TEXT_START.search("η αντιπολίτευση")
    assert _LOWER_AFTER_NEWLINE.search("Τίτλος\nη αντιπολίτευση")


def test_greek_sentences_that_start_in_lowercase() -> None:
    text = "Η κυβέρνηση ενέκρινε τη Δευτέρα νέους κανόνες. η αντιπολίτευση επέκρινε τα σχέδια."
    assert "η" in flagged("TQ203", text, "el")


@pytest.mark.parametrize(("text", "lang"), [
    ("Настройки сохранены. Если выключена то записи с неверными данными будут игнорированы.", "ru"),
    ("Письмо отправлено автоматически. Если это сделали не Вы - игнорируйте это письмо.", "ru"),
])
def test_a_correlative_or_a_dash_opens_the_main_clause(text: str, lang: str) -> None:
    assert not flagged("TQ201", text, lang)


def test_a_keyword_list_is_no_stutter() -> None:
    assert not flagged("TQ101", "به,به", "fa")
    assert flagged("TQ101", "رفت به, به خانه", "fa")
