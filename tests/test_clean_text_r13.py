"""False alarms on clean human text of round 13 (GNOME catalogues and Tatoeba in many
languages): each fix has a text that must still be flagged and fluent text that must pass.
Written for tqcheck."""

from __future__ import annotations

from pathlib import Path

from tqcheck.audit import AuditOptions, audit, audit_text
from tqcheck.model import Finding


def _serious(text: str, lang: str, code: str) -> list[Finding]:
    report = audit_text(text, AuditOptions(lang=lang))
    return [f for f in report.findings if f.code == code and f.severity.value != "info"]


def test_bulgarian_clitic_doubles_are_grammar() -> None:
    # The possessive after the noun, then the object before the verb; the auxiliary "си", then
    # the reflexive one.
    for text in ("Баща ми ми каза да не чета книга в леглото.",
                 "Взимал ли си си някога душ посред нощ?",
                 "Майка ти ти звъня вчера."):
        assert not _serious(text, "bg", "TQ101"), text
    assert _serious("Решението беше взето от от управителния съвет.", "bg", "TQ101")


def test_cyrillic_neighbours_are_told_apart_by_their_alphabets() -> None:
    # Belarusian without a data file: short sentences the detectors read as Russian or Ukrainian.
    doc = "Я люблю свой горад.\n\nЗараз я чытаю кнігу.\n\nФутбол — старая гульня."
    assert not _serious(doc, "be", "TQ701")
    # A Russian sentence holds letters Belarusian never writes ("и", "щ"): still flagged.
    assert _serious("Мы ищем новые решения для наших клиентов и партнёров по всему миру.",
                    "be", "TQ701")


def test_cyrillic_residue_in_a_target_without_data_needs_a_letter_it_lacks() -> None:
    # Belarusian "мне", "мог", "назад" are Russian words too: no residue without a letter
    # Belarusian never writes.
    assert not _serious("Ты не мог бы ты кінуць мне мяч назад?", "be", "TQ705")
    assert _serious("Мы павінны сказаць, которое решение вступит в силу заўтра.", "be", "TQ705")


_SCREEN = ('"<output style=\\"prompt\\">$ </output><input>gsettings set org.gnome.desktop.'
           'interface text-scaling-factor 1.5</input>\\n"')


def test_a_unit_copied_with_its_markup_is_tq831s_not_a_sentence_in_english(tmp_path: Path) -> None:
    po = tmp_path / "help.po"
    po.write_text(f'msgid ""\nmsgstr "Language: sl\\n"\n\nmsgid {_SCREEN}\nmsgstr {_SCREEN}\n\n'
                  'msgid "<em>Open the settings and choose your preferred option.</em>"\n'
                  'msgstr "<em>Open the settings and choose your preferred option.</em>"\n\n'
                  'msgid "Open the settings and choose the option that you prefer today."\n'
                  'msgstr "Open the settings and choose the option that you prefer now."\n',
                  encoding="utf-8")
    codes = [(f.line, f.code) for f in audit([po], AuditOptions(lang="sl")).findings
             if f.code in ("TQ701", "TQ831")]
    # The copies are TQ831's; the English sentence that differs from its source is TQ701's.
    assert ("TQ701" not in {c for line, c in codes if line < 9}
            and any(c == "TQ831" for _, c in codes) and any(c == "TQ701" for _, c in codes)), codes


def test_a_label_of_symbols_spaced_inside_its_brackets_is_a_layout() -> None:
    for text in ("Deli [ / ]", "Potenca [ ^ ali ** ]", "Odstotek [ % ]"):
        assert not _serious(text, "sl", "TQ307"), text
    # A tokenised phrase in brackets is MT output that was never detokenised.
    assert _serious("Tavus kuşu ( Inachis io ) güzel bir kelebektir.", "tr", "TQ307")
    assert _serious("Pritisnite tipko [ Enter ] in nato počakajte .", "sl", "TQ307")
    # Garbled MT with a bracket inside the span is no label (WMT23 "( if at all) . )").
    assert _serious("The coffee doesn't flow evenly ( if at all) . ) Also the cost.", "en", "TQ307")
    assert _serious("Nicht nur die Bewertung für die ( europäische) ) ist gut.", "de", "TQ307")
    assert _serious("They will receive 10,000 liras ( about $500 - Ed. ), and more.", "en", "TQ307")
    assert _serious("Это оценка для ( европейского. ) рынка.", "ru", "TQ307")


def _po(tmp_path: Path, pairs: list[tuple[str, str]]) -> Path:
    po = tmp_path / "ui.po"
    po.write_text('msgid ""\nmsgstr "Language: sl\\n"\n\n' + "".join(
        f'msgid "{a}"\nmsgstr "{b}"\n\n' for a, b in pairs), encoding="utf-8")
    return po


def test_list_entries_and_keyword_lists_are_labels(tmp_path: Path) -> None:
    po = _po(tmp_path, [("Date Modified;", "datum spremembe,"),
                        ("Troy ounce,Troy ounces,ozt", "unča,unči,oz;trojska;troy;"),
                        ("Millimeter of Mercury,mmHg", "milimeter živega srebra,milimetra živega "
                         "srebra,mmHg"),
                        ("Click the button. Then wait.", "Kliknite gumb. nato počakajte.")])
    serious = [f.line for f in audit([po], AuditOptions(lang="sl")).findings
               if f.code == "TQ203" and f.severity.value != "info"]
    assert serious == [14], serious  # only the lost capital after a full stop


def test_a_space_before_a_full_stop_after_an_arabic_word_is_a_hint() -> None:
    # Informal Arabic writing spaces its marks as often as not (Tatoeba's Arabic).
    assert not _serious("ذهبت إلى المدرسة صباحا .", "ar", "TQ307")
    assert not _serious("تحدثنا حتى الثانية صباحاً .", "ar", "TQ307")  # after a tanwin
    # A Latin comma spaced off its word is no Arabic habit: still a warning.
    assert _serious("ذهبت إلى المدرسة , ثم عدت إلى البيت.", "ar", "TQ307")


def test_a_chinese_sentence_taking_up_the_term_the_last_ended_on_is_no_stutter() -> None:
    assert not _serious("计算一个期间某资产的直线折旧。直线折旧法在某资产可用年限内均分折旧成本。",
                        "zh", "TQ103")
    assert not _serious("金衡盎司,金衡盎司,ozt", "zh", "TQ103")  # a list of aliases
    assert _serious("政府表示将继续加强监管，将继续加强监管。", "zh", "TQ103")


def test_a_relative_clause_ending_on_the_predicate_its_main_clause_repeats() -> None:
    assert not _serious("Chaque personne qui est seule est seule parce qu'elle a peur des autres.",
                        "fr", "TQ103")
    assert _serious("La réunion du conseil du conseil a eu lieu hier soir.", "fr", "TQ103")
    assert _serious("Il a dit que la situation est la situation est sous contrôle.", "fr", "TQ103")
    assert _serious("Ella dijo que la casa la casa era muy grande.", "es", "TQ103")


def test_swedish_conjunct_modified_by_an_adjective_before_it() -> None:
    assert not _serious("Anslut till trådlösa nätverk, inklusive dolda nätverk och nätverk som "
                        "består av en surfzon.", "sv", "TQ102")
    # An infinitive before the first conjunct modifies nothing.
    assert _serious("Regeringen vill stärka skolan och skolan.", "sv", "TQ102")


def test_latin_i_for_cyrillic_i_is_a_typing_habit_where_the_alphabet_has_it() -> None:
    assert not _serious("Восенню лiсце ападае з дрэў.", "be", "TQ703")
    assert not _serious("Я не можу знайти свiй телефон.", "uk", "TQ703")
    # Other look-alikes, and a Latin i in Russian (which has no і), stay errors.
    assert _serious("Я не можу знайти свій тeлефон.", "uk", "TQ703")
    assert _serious("Я не могу найти свoй телефон.", "ru", "TQ703")


def test_full_reduplication_in_a_language_without_data_may_be_meant() -> None:
    # Urdu "آہستہ آہستہ" (slowly), Hindi "धीरे धीरे": grammar, info at most.
    assert not _serious("وہ آہستہ آہستہ چلنے لگا۔", "ur", "TQ101")
    assert not _serious("वह धीरे धीरे चलने लगा।", "hi", "TQ101")
    # A language without that grammar keeps the error.
    assert _serious("Dnes je je velmi zima.", "cs", "TQ101")


def test_belarusian_in_its_latin_orthography_is_not_polish() -> None:
    assert not _serious("Я вучуся ў школе.\n\nJa razmaŭlaju pa-anhielsku i pa-rasiejsku.", "be",
                        "TQ701")
    assert _serious("Я вучуся ў школе.\n\nDzisiaj idę do szkoły z moim bratem.", "be", "TQ701")


def test_low_and_left_quotes_pair_in_a_language_without_quote_data() -> None:
    for lang, text in (("ka", "მერიამ გუშინ ახალი კანონი მიიღო. „არ ვიცი“, — თქვა მერმა."),
                       ("sq", "Bashkia miratoi dje një ligj të ri. „Nuk e di“, tha kryetari.")):
        assert not _serious(text, lang, "TQ301"), lang
    # A closing mark without its low opening is still unbalanced.
    assert _serious("Nuk e di”, tha kryetari. Pastaj ai u largua nga salla.", "sq", "TQ301")


def test_a_spaced_per_cent_sign_in_a_language_without_data() -> None:
    assert not _serious("El 25 % dels veïns hi estan d'acord.", "ca", "TQ307")
    assert _serious("Only 25 % of the residents agree.", "en", "TQ307")


def test_legitimate_doubles_of_languages_without_data() -> None:
    assert not _serious("Брат ми ми кажа да дојдам.", "mk", "TQ101")
    assert not _serious("Пойдзем мы ці не не залежыць ад надвор'я.", "be", "TQ101")
    assert _serious("Ми кажа да дојдам во во Скопје.", "mk", "TQ101")


def test_reversed_english_quotes_in_right_to_left_text_without_data() -> None:
    assert not _serious("میئر نے کہا، ”مجھے نہیں معلوم۔“ لوگ بہت خوش ہیں۔", "ur", "TQ301")
    assert _serious("The mayor said: ”I do not know.“ People were happy with it.", "en", "TQ301")


def test_words_inside_literal_markup_are_kept_as_written(tmp_path: Path) -> None:
    po = tmp_path / "help.po"
    po.write_text(
        'msgid ""\nmsgstr "Language: da\\n"\n\n'
        'msgid "The error <output>No such file or directory</output> means it is missing."\n'
        'msgstr "Fejlen <output>No such file or directory</output> betyder, at filen mangler."\n\n'
        'msgid "Replace <var>your password here</var> with your password."\n'
        'msgstr "Erstat <var>your password here</var> med din adgangskode."\n\n'
        'msgid "Type <cmd>ls</cmd> and the service answers within two business days."\n'
        'msgstr "Skriv <cmd>ls</cmd>, og tjenesten svarer within two business days."\n',
        encoding="utf-8")
    lines = [f.line for f in audit([po], AuditOptions(lang="da")).findings
             if f.code == "TQ705" and f.severity.value != "info"]
    assert lines == [11], lines  # the English phrase outside the markup only


def test_a_key_named_in_quotation_marks_is_no_untranslated_label() -> None:
    assert not _serious("Πατήστε το πλήκτρο «Ctrl» και κάντε κλικ στο εικονίδιο.", "el", "TQ702")
    assert not _serious("Нажмите «Enter», чтобы продолжить.", "ru", "TQ702")
    assert _serious("Нажмите «Save», чтобы сохранить файл.", "ru", "TQ702")


def test_english_quotes_pair_in_languages_whose_own_marks_differ() -> None:
    # Balanced “…” is TQ309's business (the norm), not a quotation left open.
    for lang, text in (("ro", "Faceți clic pe “OK” și așteptați."),
                       ("pl", "Kliknij “OK” i poczekaj."),
                       ("nl", "Klik op “OK” en wacht."),
                       ("nl", "Hij zei: „Ik weet het niet” en ging.")):
        assert not _serious(text, lang, "TQ301"), (lang, text)
    assert _serious("Faceți clic pe OK” și așteptați apoi câteva secunde.", "ro", "TQ301")


def test_same_mark_quotes_keep_their_pairing() -> None:
    # Swedish and Finnish ”…”: the English pair is not added where ” opens a quotation.
    assert not _serious("Klicka på ”OK” och vänta. Han sa: ”Jag vet inte.”", "sv", "TQ301")
    assert not _serious("Napsauta ”OK” ja odota.", "fi", "TQ301")
