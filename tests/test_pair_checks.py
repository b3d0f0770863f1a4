"""Source–target checks: must-flag and must-pass examples for every code, and their docs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tqcheck.audit import AuditOptions, audit_segments
from tqcheck.checks._pairs import end_punctuation, find_tokens, number_value, stem_match
from tqcheck.checks.registry import all_rules
from tqcheck.model import Finding, Segment

PAIR_CODES = ["TQ280", "TQ281", "TQ282", "TQ380", "TQ381", "TQ580", "TQ581", *[
    f"TQ83{i}" for i in range(10)]]


def unit(target: str, source: str, tgt: str = "de", src: str = "en", **meta: Any) -> Segment:
    return Segment(target, 1, 1, kind="unit", source=source, source_lang=src, target_lang=tgt,
                   id=meta.pop("id", None), meta=meta)


def run(code: str, *segments: Segment, **features: Any) -> list[Finding]:
    options = AuditOptions(select=(code,), features=features)
    return audit_segments("t.po", list(segments), options).findings


@pytest.mark.parametrize("code", PAIR_CODES)
def test_every_pair_check_is_documented(code: str) -> None:
    rule = next(r for r in all_rules() if r.code == code)
    for section in ("What it does:", "Why it matters:", "Example:"):
        assert section in rule.doc, f"{code} lacks {section}"


MUST_FLAG = [
    ("TQ830", unit("", "Open file")),
    ("TQ830", unit("  ", "Open file")),
    ("TQ831", unit("Remove the selected torrent", "Remove the selected torrent")),
    ("TQ832", unit("%d Dateien gelöscht", "Deleted %d files from %s", flags=("c-format",))),
    ("TQ832", unit("Datei {name}", "File {name} of {total}")),
    ("TQ832", unit("Datei %(name)d", "File %(name)s")),
    ("TQ832", unit("{count, plural, other{# Dateien}}",
                   "{n, plural, other{# files}}")),
    ("TQ832", unit("Hallo", "Hello {{user}}")),
    ("TQ832", unit("%1$d von %2$s", "%1$s of %2$s")),
    ("TQ833", unit("%s fertig", "Done")),
    ("TQ833", unit("Hallo {nme}", "Hello {name}")),
    ("TQ834", unit("<b>Achtung: Festplatte voll", "<b>Warning:</b> disk full")),
    ("TQ834", unit('Klick <x id="1"/> <x id="2"/>', 'Click <x id="1"/>')),
    ("TQ835", unit("Nehmen Sie 25 mg", "Take 250 mg")),
    ("TQ835", unit("Preis: 1.000,50 €", "Price: €1,000.05")),
    ("TQ836", unit("Siehe https://example.org/hilfe", "See https://example.org/help")),
    ("TQ836", unit("Schreiben Sie uns", "Write to help@example.org")),
    ("TQ837", unit("Fehler.", "The file could not be saved because the disk is full.")),
    ("TQ380", unit("Verwendung:", "Usage:\n")),
    ("TQ380", unit(" Gespeichert", "Saved")),
    ("TQ381", unit("Diese Datei löschen.", "Delete this file?")),
    ("TQ381", unit("Name", "Name:")),
    ("TQ381", unit("هل تريد الحذف.", "Delete?", tgt="ar")),
]

MUST_PASS = [
    ("TQ830", unit("Datei öffnen", "Open file")),
    ("TQ830", unit("", "")),
    ("TQ831", unit("OK", "OK")),
    ("TQ831", unit("Transmission", "Transmission")),
    ("TQ831", unit("https://example.org", "https://example.org")),
    ("TQ831", unit("%s: %d", "%s: %d")),
    ("TQ831", unit("0,1,2,3,4,5,6,7,8,9,A,B,C,D,E,F", "0,1,2,3,4,5,6,7,8,9,A,B,C,D,E,F")),
    ("TQ831", unit("Colour scheme", "Color scheme", tgt="en-GB", src="en-US")),
    ("TQ832", unit("%2$s: %1$d Dateien", "%d files in %s", flags=("c-format",))),
    ("TQ832", unit("100 % erledigt", "100% done", flags=("no-c-format",))),
    ("TQ832", unit("Eine Datei", "One file", msgid_plural="%d files", plural_form=0)),
    ("TQ832", unit("יומיים", "{days:L} days", tgt="he", msgid_plural="{days:L} days",
                   plural_form=1)),
    ("TQ832", unit("Datei {name}", "File {name}")),
    ("TQ833", unit("100 %% fertig", "100%% done")),
    ("TQ833", unit("移除 {count:L} 个种子？", "Remove torrent?", tgt="zh",
                   msgid_plural="Remove {count:L} torrents?", plural_form=0)),
    ("TQ834", unit("<b>Achtung:</b> voll", "<b>Warning:</b> full")),
    ("TQ835", unit("1.000,5 kg", "1,000.5 kg")),
    ("TQ835", unit("1 000,5 kg", "1,000.5 kg", tgt="fr")),
    ("TQ835", unit("٢٥٠ ملغ", "250 mg", tgt="ar")),
    ("TQ835", unit("و65 عامًا", "and 65 years", tgt="ar")),
    ("TQ835", unit("Eine Datei", "1 file")),
    ("TQ836", unit("Siehe https://example.org/help", "See https://example.org/help")),
    ("TQ837", unit("Die Datei wurde nicht gespeichert.", "The file was not saved to disk.")),
    ("TQ837", unit("由于出错，文件保存失败。", "Saving the file failed because of an error.",
                   tgt="zh")),
    ("TQ380", unit("Verwendung:\n", "Usage:\n")),
    ("TQ381", unit("هل تريد الحذف؟", "Delete?", tgt="ar")),
    ("TQ381", unit("删除此文件。", "Delete this file.", tgt="zh")),
    ("TQ381", unit("Laden…", "Loading...")),
    ("TQ381", unit("Διαγραφή;", "Delete?", tgt="el")),
    ("TQ381", unit("บันทึกแล้ว", "Saved.", tgt="th")),
    ("TQ381", unit("«Bonjour»", '"Hello"', tgt="fr")),
]


@pytest.mark.parametrize("code, segment", MUST_FLAG, ids=lambda v: v if isinstance(v, str) else "")
def test_must_flag(code: str, segment: Segment) -> None:
    assert [f.code for f in run(code, segment)], f"{code} did not flag {segment.text!r}"


@pytest.mark.parametrize("code, segment", MUST_PASS, ids=lambda v: v if isinstance(v, str) else "")
def test_must_pass(code: str, segment: Segment) -> None:
    assert run(code, segment) == []


def test_pair_checks_stay_silent_on_prose() -> None:
    prose = Segment("He said 250 mg %s {x} <b> twice.", 1)
    for code in ("TQ83", "TQ38", "TQ58"):
        assert run(code, prose) == []


def test_copy_of_one_word_is_info() -> None:
    (finding,) = run("TQ831", unit("Median", "Median"))
    assert finding.severity.value == "info"


def test_placeholder_changed_points_at_target_token() -> None:
    (finding,) = run("TQ832", unit("%1$d von %2$s", "%1$s of %2$s"))
    assert finding.message == "placeholder '%1$s' of the source became '%1$d'"
    assert (finding.col, finding.end_col) == (1, 5) and finding.suggestion == "%1$s"


@pytest.mark.must_flag("TQ580")
@pytest.mark.must_pass("TQ580")
def test_consistency_same_source_two_translations() -> None:
    segs = [unit("Einstellungen", "Preferences", id="a"), unit("Datei", "File", id="b"),
            unit("Präferenzen", "Preferences", id="c"),
            unit("Einstellungen", "Preferences", id="d", context="menu")]
    (finding,) = run("TQ580", *segs)
    assert finding.text == "Präferenzen" and finding.related[0].line == 1
    assert run("TQ580", segs[0], segs[1], segs[3]) == []


@pytest.mark.must_flag("TQ581")
@pytest.mark.must_pass("TQ581")
def test_consistency_two_sources_one_translation() -> None:
    segs = [unit("Herunterladen", "Download", id="a"), unit("Herunterladen", "Upload", id="b")]
    (finding,) = run("TQ581", *segs)
    assert "'Download'" in finding.message
    same = [unit("Öffnen", "_Open", id="a"), unit("Öffnen", "Open…", id="b"),
            unit("Datei", "One file", id="p[0]"), unit("Datei", "%d files", id="p[1]")]
    assert run("TQ581", *same) == []


def _glossary(tmp_path: Path, text: str, name: str = "g.csv") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.must_flag("TQ838")
@pytest.mark.must_pass("TQ838")
@pytest.mark.must_flag("TQ839")
@pytest.mark.must_pass("TQ839")
def test_glossary_csv_with_inflection(tmp_path: Path) -> None:
    g = _glossary(tmp_path, "source,ru\ntorrent,торрент\nTransmission,,dnt\n")
    flag = unit("Удалить файл", "Remove torrent", tgt="ru")
    inflected = unit("Удалить торренты", "Remove torrents", tgt="ru")
    inflected2 = unit("Нет торрента", "No torrent", tgt="ru")
    assert [f.code for f in run("TQ838", flag, glossary=g)] == ["TQ838"]
    assert run("TQ838", inflected, inflected2, glossary=g) == []
    dnt = unit("Выйти из Трансмиссии", "Quit Transmission", tgt="ru")
    kept = unit("Выйти из Transmission", "Quit Transmission", tgt="ru")
    assert [f.code for f in run("TQ839", dnt, glossary=g)] == ["TQ839"]
    assert run("TQ839", kept, glossary=g) == []
    # Without --glossary the checks do not run.
    assert run("TQ838", flag) == []


def test_glossary_arabic_clitics_and_tbx(tmp_path: Path) -> None:
    tbx = _glossary(tmp_path, """<?xml version="1.0"?>
<martif type="TBX"><text><body>
<termEntry id="1">
  <langSet xml:lang="en"><tig><term>fever</term></tig></langSet>
  <langSet xml:lang="ar"><tig><term>الحمى</term></tig></langSet>
</termEntry>
</body></text></martif>""", name="g.tbx")
    ok = unit("وبالإضافة إلى الحمى", "and along with a fever", tgt="ar")
    clitic = unit("مع ارتفاع بالحمى", "with a fever", tgt="ar")
    wrong = unit("مع ارتفاع الحرارة", "with a fever", tgt="ar")
    assert run("TQ838", ok, clitic, glossary=tbx) == []
    assert [f.code for f in run("TQ838", wrong, glossary=tbx)] == ["TQ838"]


def cue(text: str, start: float, end: float, lang: str = "de") -> Segment:
    return Segment(text, 1, 1, kind="cue", target_lang=lang, meta={"start": start, "end": end})


@pytest.mark.must_flag("TQ280")
@pytest.mark.must_pass("TQ280")
@pytest.mark.must_flag("TQ281")
@pytest.mark.must_pass("TQ281")
@pytest.mark.must_flag("TQ282")
@pytest.mark.must_pass("TQ282")
def test_subtitle_checks() -> None:
    assert run("TQ280", cue("Ich habe dir doch gesagt, dass wir zu spät kommen", 0, 1))
    assert not run("TQ280", cue("Ich habe dir doch gesagt,\ndass wir zu spät kommen", 0, 4))
    assert run("TQ280", cue("我早就告诉过你我们会迟到的", 0, 1, lang="zh"))
    assert run("TQ281", cue("Das ist ein außerordentlich langer Untertitel, der nicht passt", 0, 5))
    assert not run("TQ281", cue("<i>Das ist ein kurzer Untertitel</i>\nmit zwei Zeilen", 0, 5))
    (crowded,) = run("TQ282", cue("Ja.\nIch weiß.\nWeiter.", 0, 5))
    assert crowded.text == "Weiter."
    assert not run("TQ282", cue("Ja.\nIch weiß.", 0, 5))
    assert not run("TQ280", Segment("Prose is never a cue, however fast it is read.", 1))


def test_helpers() -> None:
    text = "%s %1$d %(n)s {x} {{y}} $U$ %1 <b>x</b> 100%% {c, plural, other {# x}}"
    keys = [t.key for t in find_tokens(text) if t.key]
    assert keys == ["%1$s", "%1$d", "%(n)s", "{x}", "{{y}}", "$u$", "%1", "<b>", "</b>",
                    "{c,plural}"]
    assert number_value("1,000.5", False) == number_value("1.000,5", True) == "1000.5"
    assert number_value("1 000,5", True) == "1000.5" and number_value("3,5", True) == "3.5"
    assert end_punctuation("Hello?”")[0] == end_punctuation("مرحبا؟")[0] == "question"
    assert end_punctuation("你好。")[0] == end_punctuation("Hi.")[0] == "stop"
    assert stem_match("Datei", "Dateien", "de") and not stem_match("Datei", "Ordner", "de")
    assert stem_match("торрент", "торрентов", "ru") and not stem_match("cat", "cats", "en")


def test_spelled_number_only_in_single_number_forms(tmp_path: Path) -> None:
    from tqcheck.audit import audit

    def catalogue(lang: str, plural_forms: str, forms: list[str]) -> Path:
        body = "".join(f'msgstr[{i}] "{t}"\n' for i, t in enumerate(forms))
        path = tmp_path / f"{lang}.po"
        header = f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Plural-Forms: {plural_forms}\\n"\n'
        path.write_text(f'{header}\nmsgid "%d file"\nmsgid_plural "%d files"\n{body}',
                        encoding="utf-8")
        return path

    he = catalogue("he", "nplurals=3; plural=(n == 1) ? 0 : (n == 2) ? 1 : 2;",
                   ["קובץ אחד", "שני קבצים", "%d קבצים"])
    ru = catalogue("ru", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
                   "(n%100<10 || n%100>=20) ? 1 : 2);", ["один файл", "%d файла", "%d файлов"])
    assert audit([he], AuditOptions(select=("TQ832",))).findings == ()
    (finding,) = audit([ru], AuditOptions(select=("TQ832",))).findings
    assert finding.text == "один файл"


def test_locale_digit_flags_are_the_translators_choice() -> None:
    assert run("TQ832", unit("%Id فایل", "%d files", tgt="fa", flags=("c-format",))) == []
    assert run("TQ832", unit("{count:L} entrées", "{count} entries", tgt="fr")) == []
    assert run("TQ832", unit("{count:x} entrées", "{count} entries", tgt="fr"))


def test_glossary_csv_without_header_and_with_language_columns(tmp_path: Path) -> None:
    plain = _glossary(tmp_path, "file,Datei\n", name="plain.csv")
    assert [f.code for f in run("TQ838", unit("Ordner öffnen", "Open file"), glossary=plain)] == [
        "TQ838"]
    assert run("TQ838", unit("Dateien öffnen", "Open files"), glossary=plain) == []
    multi = _glossary(tmp_path, "en,fr,de\nfile,fichier,Datei\n", name="multi.csv")
    assert run("TQ838", unit("Datei öffnen", "Open file"), glossary=multi) == []
    assert run("TQ838", unit("Ouvrir le fichier", "Open file", tgt="fr"), glossary=multi) == []
    assert run("TQ838", unit("Ouvrir le dossier", "Open file", tgt="fr"), glossary=multi)
