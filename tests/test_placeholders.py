"""Placeholders, markup and plurals of translation files as localization tools know them.

Units are cut from the shipped files of ``../shared/data/l10n-wild/`` (GNOME Clocks, dpkg, NewPipe,
Yubico Authenticator, Excalidraw, Part-DB, Aam Digital, transmission); syntaxes those files do not
use (Ruby ``%{x}``, iOS ``%@``, Qt ``%1``, Java ``{0}``, i18next ``$t()``, printf ``%'.2f``) are
written the way their tools document them.  Each kind has a must-pass (a correct translation is
silent) and a must-flag (a broken one is reported).  The real catches of issue 15 are pinned on the
shipped files themselves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import shared_file
from tqcheck import cldr_plurals
from tqcheck.audit import AuditOptions, audit_file, audit_segments
from tqcheck.model import MASK, Finding, Segment
from tqcheck.placeholders import ALWAYS, detect_syntaxes, find_tokens, mask, sources_are_keys


def unit(target: str, source: str, tgt: str = "de", src: str = "en", **meta: Any) -> Segment:
    return Segment(target, 1, 1, kind="unit", source=source, source_lang=src, target_lang=tgt,
                   id=meta.pop("id", None), meta=meta)


def audit_units(*segments: Segment, fmt: str = "po", select: tuple[str, ...] = ()
                ) -> list[Finding]:
    """Findings on units read from a translation file of format ``fmt`` (so the file's
    placeholder syntaxes are detected and prose checks see the units masked)."""
    lang = segments[0].target_lang
    options = AuditOptions(select=select, lang=lang)
    return audit_segments(f"t.{fmt}", list(segments), options, fmt=fmt).findings


def mirrored_only(findings: list[Finding], code: str) -> bool:
    """No finding of ``code`` but the info the source in view leaves, which says why."""
    return all(f.severity.value == "info" and "mirrors the source" in f.message
               for f in findings if f.code == code)


def codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings if f.severity.value != "info")


def keys(text: str, syntaxes: frozenset[str] = ALWAYS) -> list[str]:
    return [t.key for t in find_tokens(text, syntaxes) if t.key and not t.markup]


# --- the tokenizer: every kind, with its key ---------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("بعد %s", ["%1$s"]),                                            # printf (GNOME Clocks ar)
    ("%1$s von %2$s", ["%1$s", "%2$s"]),                             # positional (NewPipe)
    ("%d Dateien", ["%1$d"]),
    ("%'.2f MiB", ["%1$f"]),                                         # glibc ' flag
    ("{error} ({error_code})", ["{error}", "{error_code}"]),         # Python/fmt (transmission)
    ("{seconds_from_now:L} 秒后", ["{seconds_from_now}"]),            # fmt's L dropped
    ("%(name)s wurde gelöscht", ["%(name)s"]),                       # Python %-mapping
    ("Datei %1 von %2", ["%1", "%2"]),                               # Qt
    ("Datei {0} in {1}", ["{0}", "{1}"]),                            # Java MessageFormat
    ("Die maximal zulässige Größe ist {{maxSize}}.", ["{{maxSize}}"]),  # i18next (Excalidraw)
    ("$t(common.save) oder {{ count }}", ["$t(common.save)", "{{count}}"]),
    ("%{count} Dateien", ["%{count}"]),                              # Ruby
    ("%@ hat %d Dateien", ["%1$@", "%2$d"]),                          # iOS
    ("veuillez réessayer avec @string/msg_threads = 1", ["@string/msg_threads"]),  # Android
    ("100%% fertig", []),
])
def test_placeholder_kinds(text: str, expected: list[str]) -> None:
    assert keys(text) == expected


def test_symfony_variables_only_where_the_file_uses_them() -> None:
    sources = ["Part %part_name% of project %project_name% is missing!",
               "The name does not match the regular expression: %regex%", "Saved"] * 3
    syntaxes = detect_syntaxes(sources)
    assert "symfony" in syntaxes
    assert keys("Bauteil %part_name% des Projektes %project_name% fehlt!", syntaxes) == [
        "%part_name%", "%project_name%"]
    # Without the file's evidence, "%ti" would be read as printf: Symfony is detected, not assumed.
    assert "symfony" not in detect_syntaxes(["Done: 50% of %s"] * 10)


def test_icu_parser_plural_select_nested() -> None:
    # Yubico Authenticator ru (ARB): categories differ from the English source's.
    ru = ("{retries, plural, =1{Осталась {retries} попытка}few{Осталось {retries} попытки}"
          "many{Осталось {retries} попыток}other{Осталась {retries} попытка}}")
    assert set(keys(ru)) == {"{retries,plural}", "{retries}"}
    nested = ("{gender, select, female {{count, plural, one {# Datei} other {# Dateien}}} "
              "other {{count, plural, one {# Datei} other {# Dateien}}}}")
    assert set(keys(nested)) == {"{gender,select}", "{count,plural}"}
    # The words of the sub-messages stay for prose checks; the syntax is masked.
    masked = mask("{n, plural, one {# file} other {# files}}")
    assert "file" in masked and "files" in masked and "plural" not in masked
    # An apostrophe-quoted brace is text, not an argument.
    assert keys("{n, plural, other {'{'# files'}'}}") == ["{n,plural}"]


@pytest.mark.parametrize("text, kinds", [
    ('Press <gui style="button">Alarms</gui>.', ["tag", "tag"]),          # Mallard (Clocks help)
    ("<none>", ["metavar"]),                                              # dpkg de
    ("-b|--build <directory> [<deb>]", ["metavar", "metavar"]),
    ("<b>bold</b><br/>", ["tag", "tag", "tag"]),
    ('<x id="INTERPOLATION" equiv-text="{{ x | number: &quot;1.0-0&quot; }}"/> days', ["tag"]),
    ("GPLv3+ <https://gnu.org/licenses/gpl.html>", ["url"]),
])
def test_markup_kinds(text: str, kinds: list[str]) -> None:
    assert [t.kind for t in find_tokens(text) if t.markup] == kinds


def test_pod_and_man_markup_in_man_page_catalogues() -> None:
    sources = ["Strip from the flag named I<flag> all the build flags listed in I<value>.",
               "B<-I>I<filename>", "\\fBdpkg\\fP is a tool", ".TH DPKG 1"] * 3
    syntaxes = detect_syntaxes(sources)
    assert {"pod", "man"} <= syntaxes
    pod = list(find_tokens("I<postinst> B<configure> I<alte_Version>", syntaxes))
    assert {t.kind for t in pod} == {"pod"}
    masked = mask("Sie sind B<nicht> dazu gedacht, C<< a > b >> zu sein", syntaxes)
    assert "nicht" not in masked and "gedacht" in masked and len(masked) == 52
    assert [t.kind for t in find_tokens("\\fBdpkg\\fP\n.TH DPKG 1", syntaxes)] == ["man"] * 3


def test_mask_keeps_positions() -> None:
    text = 'Alle entschuldigt (von <x id="INTERPOLATION" equiv-text="{{ a }}"/> )'
    masked = mask(text)
    assert len(masked) == len(text) and masked.startswith("Alle entschuldigt (von " + MASK)


# --- pair checks: compared by kind -------------------------------------------------------------

MUST_PASS = [
    # printf after an Arabic word: no "space before %" (GNOME Clocks ar, NewPipe ar).
    unit("بعد %s", "%s later", tgt="ar"),
    unit("حدث خطأ HTTP %1$s من الخادم أثناء التشغيل", "HTTP error %1$s received from server "
         "while playing", tgt="ar"),
    # A metavariable is translated (dpkg de).
    unit("<keine>", "<none>"),
    unit("dpkg --configure <Paket> oder mit dem Konfigurations-Menüeintrag",
         "dpkg --configure <package> or the configure menu option"),
    # Angular XLIFF inline code with equiv-text: no MT debris, no space before "}" (Aam Digital).
    unit('<x id="INTERPOLATION" equiv-text="nceLastNote | number: &quot;1.0-0&quot; }}"/> Tage',
         '<x id="INTERPOLATION" equiv-text="nceLastNote | number: &quot;1.0-0&quot; }}"/> days'),
    # Python braces inside Chinese: no "Latin phrase" (transmission zh_CN).
    unit("无法创建管道：{error}（{error_code}）", "Couldn't create pipe: {error} ({error_code})",
         tgt="zh"),
    unit("{seconds_from_now:L} 秒后", "{seconds_from_now:L} second from now", tgt="zh"),
    # i18next, Ruby, iOS, Qt, Java with the same arguments.
    unit("Die maximal zulässige Größe ist {{maxSize}}.", "The maximum allowed size is "
         "{{maxSize}}."),
    unit("%{count} Dateien gelöscht", "Deleted %{count} files"),
    unit("%@ hat %d Dateien", "%@ has %d files"),
    unit("Datei %1 von %2", "File %1 of %2"),
    unit("Datei {0} in {1}", "File {0} in {1}"),
    unit("Mit $t(common.save) speichern", "Save with $t(common.save)"),
    # Mallard markup in Russian help: no "Latin phrase" for the element names.
    unit('Нажмите <gui style="button">Будильники</gui>.', 'Press <gui style="button">Alarms</gui>.',
         tgt="ru"),
]


@pytest.mark.parametrize("segment", MUST_PASS, ids=lambda s: s.source[:30])
def test_shipped_units_pass(segment: Segment) -> None:
    assert codes(audit_units(segment)) == []


MUST_FLAG = [
    ("TQ832", unit("Nach dem Zeitpunkt", "After %s")),
    ("TQ833", unit("%s fertig", "Done")),
    ("TQ832", unit("{{count}} Elemente löschen?", "Delete {{numShapes}} items?")),
    ("TQ832", unit("Dateien gelöscht", "Deleted %{count} files")),
    ("TQ832", unit("Datei von %2", "File %1 of %2")),
    ("TQ832", unit("Datei {0}", "File {0} in {1}")),
    ("TQ832", unit("%s hat %d Dateien", "%@ has %d files")),
    ("TQ832", unit("Mit speichern", "Save with $t(common.save)")),
    ("TQ832", unit("{n, plural, other {# Dateien}}", "{count, plural, other {# files}}")),
    ("TQ834", unit("<b>Achtung: Festplatte voll", "<b>Warning:</b> disk full")),
    ("TQ834", unit('Klicken Sie auf Alarme</gui>.', 'Press <gui style="button">Alarms</gui>.')),
]


@pytest.mark.parametrize("code, segment", MUST_FLAG, ids=lambda v: v if isinstance(v, str) else "")
def test_broken_units_flag(code: str, segment: Segment) -> None:
    assert code in codes(audit_units(segment))


def test_translated_symfony_variable_is_reported_as_such() -> None:
    sources = ["This is how the part looked before %timestamp%.", "Part %part_name% is missing",
               "Saved %count% parts"]
    segs = [unit("So sah das Bauteil vor dem %zeitpunkt% aus.", sources[0]),
            unit("Bauteil %part_name% fehlt", sources[1]),
            unit("%count% Bauteile gespeichert", sources[2])]
    found = [f for f in audit_units(*segs, fmt="xliff") if f.code in {"TQ832", "TQ833"}]
    assert len(found) == 1
    assert "'%timestamp%' was translated as '%zeitpunkt%'" in found[0].message
    assert "%ti" not in found[0].message.replace("%timestamp%", "")


def test_pod_codes_are_not_tags_and_metavariables_are_counted() -> None:
    sources = ["Strip from the flag named I<flag> all the build flags listed in I<value>.",
               "I<postinst> B<configure> I<old-version>", "B<-I>I<filename>"]
    targets = ["Aus dem Schalter namens I<Schalter> alle in I<Wert> aufgeführten Bauschalter "
               "entfernen.", "I<postinst> B<configure> I<alte_Version>", "B<-I>I<Dateiname>"]
    segs = [unit(t, s) for t, s in zip(targets, sources, strict=True)]
    assert [f for f in audit_units(*segs) if f.code == "TQ834"] == []
    lost = unit("-b|--build <Verzeichnis>  Archiv bauen.", "-b|--build <directory> [<deb>]  "
                "Build an archive.")
    (info,) = [f for f in audit_units(lost) if f.code == "TQ834"]
    assert info.severity.value == "info" and "metavariable" in info.message


# --- plurals by CLDR ----------------------------------------------------------------------------


def test_cldr_categories() -> None:
    assert cldr_plurals.categories("ru") == ("one", "few", "many")
    assert cldr_plurals.categories("ar") == ("zero", "one", "two", "few", "many", "other")
    assert cldr_plurals.categories("ja") == ("other",)
    assert cldr_plurals.numbers_of("ru", "one")[:3] == (1, 21, 31)
    assert cldr_plurals.numbers_of("fr", "one") == (0, 1)
    assert cldr_plurals.rule_for("pl")(22) == "few" and cldr_plurals.rule_for("pl")(25) == "many"
    assert cldr_plurals.rule_for("he")(2) == "two"
    assert [cldr_plurals.single_number("ar", c) for c in ("zero", "one", "two", "few")] == [
        True, True, True, False]
    assert not cldr_plurals.single_number("ru", "one")
    assert cldr_plurals.single_number("en", "one") and cldr_plurals.single_number("de", "one")


def _android(tmp_path: Path, lang: str, body: str, base: str) -> Path:
    res = tmp_path / "res"
    (res / "values").mkdir(parents=True, exist_ok=True)
    (res / f"values-{lang}").mkdir(exist_ok=True)
    (res / "values" / "strings.xml").write_text(f"<resources>{base}</resources>", "utf-8")
    path = res / f"values-{lang}" / "strings.xml"
    path.write_text(f"<resources>{body}</resources>", "utf-8")
    return path


_EN_FINISHED = ('<plurals name="download_finished_notification">'
                '<item quantity="one">Download finished</item>'
                '<item quantity="other">%s downloads finished</item></plurals>')


def test_android_russian_one_form_holds_the_number(tmp_path: Path) -> None:
    # NewPipe ru: the Russian "one" form also covers 21, 31 …, so it shows the number the English
    # "one" form leaves out.
    ru = ('<plurals name="download_finished_notification">'
          '<item quantity="one">%s загрузка завершено</item>'
          '<item quantity="few">%s загрузки завершено</item>'
          '<item quantity="many">%s загрузок завершено</item>'
          '<item quantity="other">%s загрузок завершено</item></plurals>')
    findings = audit_file(_android(tmp_path, "ru", ru, _EN_FINISHED), AuditOptions()).findings
    assert codes(findings) == []
    lost = ru.replace('"one">%s загрузка', '"one">Загрузка')
    findings = audit_file(_android(tmp_path, "ru", lost, _EN_FINISHED), AuditOptions()).findings
    assert codes(findings) == ["TQ832"]  # Russian "one" is 1, 21, 31 …: the number is needed


def test_android_arabic_single_number_forms_may_spell_it_out(tmp_path: Path) -> None:
    # GNOME Clocks/NewPipe ar: zero, one and two stand for one number each.
    ar = ('<plurals name="download_finished_notification">'
          '<item quantity="zero">لم يكتمل أي تنزيل</item>'
          '<item quantity="one">اكتمل التنزيل</item>'
          '<item quantity="two">اكتمل تنزيلان</item>'
          '<item quantity="few">اكتمل %s تنزيلات</item>'
          '<item quantity="many">اكتمل %s تنزيلًا</item>'
          '<item quantity="other">اكتمل %s تنزيل</item></plurals>')
    findings = audit_file(_android(tmp_path, "ar", ar, _EN_FINISHED), AuditOptions()).findings
    assert [f for f in findings if f.code in {"TQ832", "TQ833", "TQ580"}] == []
    lost = ar.replace("اكتمل %s تنزيلات", "اكتملت التنزيلات")
    findings = audit_file(_android(tmp_path, "ar", lost, _EN_FINISHED), AuditOptions()).findings
    assert [f.code for f in findings if f.code == "TQ832"] == ["TQ832"]  # few is 3–10, 103 …


def test_sibling_plural_forms_are_not_inconsistent() -> None:
    forms = [unit(t, "%s views", tgt="ar", plural_category=c, plural_of="views")
             for t, c in (("%s مشاهد", "one"), ("%s مشاهدة", "two"), ("%s مشاهدات", "few"))]
    assert [f for f in audit_units(*forms, fmt="xliff") if f.code == "TQ580"] == []
    twice = [unit("Einstellungen", "Preferences"), unit("Präferenzen", "Preferences")]
    assert [f.code for f in audit_units(*twice, fmt="xliff") if f.code == "TQ580"] == ["TQ580"]


# --- keys as sources, formats a check does not apply to, nulls ----------------------------------


def test_keys_as_sources_skip_pair_checks_once_with_a_note() -> None:
    keys_ = ["attachment_type.caption", "part.created_flash", "log.delete.message.title",
             "currency.edit.exchange_rate_update.unsupported_currency", "user.change_avatar.label"]
    assert sources_are_keys(keys_) and not sources_are_keys(["Open file", "Save as…"] * 3)
    segs = [unit("Dateitypen für Anhänge", keys_[0]), unit("Bauteile erfolgreich angelegt!",
            keys_[1]), unit("Wirklich löschen?", keys_[2]), unit("Nicht unterstützt.", keys_[3]),
            unit("", keys_[4])]
    options = AuditOptions(lang="de")
    result = audit_segments("m.xlf", segs, options, fmt="xliff")
    pair = [f.code for f in result.findings if f.code.startswith(("TQ38", "TQ83", "TQ58"))]
    assert pair == ["TQ830"]  # an empty target is still reported
    assert sum("message keys" in n for n in result.notes) == 1


def test_checks_declare_formats_they_do_not_apply_to() -> None:
    from tqcheck.checks.registry import get_rule

    rule = get_rule("TQ814")
    assert rule is not None and {"srt", "vtt", "json"} <= rule.not_for
    from click.testing import CliRunner

    from tqcheck.cli import cli

    out = CliRunner().invoke(cli, ["rules"]).output
    line = next(ln for ln in out.splitlines() if ln.startswith("TQ814"))
    assert "not for" in line and "srt" in line


def test_arb_null_value_is_skipped_not_fatal(tmp_path: Path) -> None:
    en = tmp_path / "app_en.arb"
    en.write_text('{"@@locale": "en", "s_required": "Required", "s_save": "Save"}', "utf-8")
    fr = tmp_path / "app_fr.arb"
    fr.write_text('{"@@locale": "fr", "s_required": null, "s_save": "Enregistrer"}', "utf-8")
    result = audit_file(fr, AuditOptions(features={"source": str(en)}))
    assert result.error is None
    assert [f.message for f in result.findings if f.code == "TQ830"] == [
        "missing from the translation: 'Required'"]


# --- source-mirrored artifacts, short strings ---------------------------------------------------


def test_source_mirrored_doubling_is_not_flagged() -> None:
    assert mirrored_only(audit_units(unit("Ping Ping", "Ping Ping")), "TQ101")
    symbols = unit("{upload_speed} ▲ {download_speed} ▼", "{upload_speed} ▲ {download_speed} ▼",
                   tgt="ru")
    assert mirrored_only(audit_units(symbols), "TQ406")


@pytest.mark.parametrize("segment", [
    unit("最小在庫数量", "Minimum stock amount", tgt="ja"),
    unit("Downloadziel abfragen", "Ask where to download"),
    unit("%s horas antes", "%s hours earlier", tgt="es"),
    unit("Footprint ändern", "Change footprint"),
    unit("Запрос reCAPTCHA", "reCAPTCHA challenge", tgt="ru"),
    unit("نانوثانیه,nanosecond,nanoseconds,ns", "nanosecond,nanoseconds,ns", tgt="fa"),
], ids=lambda s: s.text)
def test_short_ui_strings_are_not_language_guessed(segment: Segment) -> None:
    assert [f for f in audit_units(segment) if f.code == "TQ701"] == []


def test_untranslated_sentence_in_the_source_script_is_flagged() -> None:
    ja = unit("Show the list of all downloaded files in this folder", "List downloaded files",
              tgt="ja")
    assert "TQ701" in codes(audit_units(ja))


# --- the real catches of issue 15, on the shipped files ------------------------------------------


def _findings(*parts: str, **features: Any) -> list[Finding]:
    return audit_file(shared_file("l10n-wild", *parts), AuditOptions(features=features)).findings


def test_real_catch_doubled_von() -> None:
    hits = [f for f in _findings("ndb", "messages.de.xlf") if f.code == "TQ101"]
    assert any(f.text == "von von" for f in hits)


def test_real_catch_latin_c_in_cyrillic_word() -> None:
    en = shared_file("l10n-wild", "exc", "locales", "en.json")
    hits = [f for f in _findings("exc", "locales", "ru-RU.json", source=str(en))
            if f.code == "TQ703"]
    assert any(f.text == "Cтрелка" for f in hits)


def test_real_catch_glued_rfc_number() -> None:
    en = shared_file("l10n-wild", "yubi", "app_en.arb")
    hits = [f for f in _findings("yubi", "app_de.arb", source=str(en)) if f.code == "TQ835"]
    assert any("4514" in f.message for f in hits)


def test_shipped_yubico_arbs_are_all_read() -> None:
    en = shared_file("l10n-wild", "yubi", "app_en.arb")
    for lang in ("de", "fr", "ja", "ru"):
        path = shared_file("l10n-wild", "yubi", f"app_{lang}.arb")
        assert audit_file(path, AuditOptions(features={"source": str(en)})).error is None


# --- other shipped-file patterns -----------------------------------------------------------------


def _cue(text: str, source: str, tgt: str = "de", seconds: float = 4.0) -> Segment:
    return Segment(text, 1, 1, kind="cue", source=source, source_lang="en", target_lang=tgt,
                   meta={"start": 0.0, "end": seconds})


def test_subtitle_layout_and_timing_of_the_source_are_not_the_translators() -> None:
    # FisioBot: the English cue itself has 55-character lines and runs at 25 cps.
    src = ("Now imagine this: you arrive at your office at 8 a.m.,\nyou open Notion, and your "
           "first patient's clinical file is already ready.")
    tgt = ("Stellen Sie sich jetzt vor: Sie kommen um 8 Uhr in die Praxis,\nöffnen Notion, und "
           "die Patientenakte Ihres ersten Patienten ist bereits fertig.")
    assert [f for f in audit_units(_cue(tgt, src), fmt="srt") if f.code in {"TQ280", "TQ281"}] == []
    short = "Now imagine this:\nyou arrive at 8."
    assert {"TQ280", "TQ281"} <= {f.code for f in audit_units(_cue(tgt, short), fmt="srt")}


def test_end_punctuation_is_not_compared_across_subtitle_cues() -> None:
    cue = _cue("عليك أن تتعلم الإصغاء", "You have to learn to listen.", tgt="ar")
    assert [f for f in audit_units(cue, fmt="vtt") if f.code == "TQ381"] == []
    assert [f.code for f in audit_units(unit("عليك أن تتعلم الإصغاء؟", "You have to learn to "
                                             "listen.", tgt="ar")) if f.code == "TQ381"] == ["TQ381"]


@pytest.mark.parametrize("segment", [
    unit("حالت پیش\u200cرفته", "Advanced Mode", tgt="fa"),                 # ZWNJ (gnome-calculator)
    unit("מיקום:\u200f\u202a", "Location:", tgt="he"),                    # bidi (transmission he)
    unit("۰,۱,۲,۳,۴,۵,۶,۷,۸,۹,A,B,C,D,E,F", "0,1,2,3,4,5,6,7,8,9,A,B,C,D,E,F", tgt="fa"),
    unit('מבי סיבית,מבי סיביות,מביס,מבי"ס', "mebibit,mebibits,Mib", tgt="he"),  # gershayim
    unit("في 1950 بدأ فيروس كورونا البشري أوه سي 43 في التفرع",
         "In the 1950s, the human coronavirus OC43 began to diverge", tgt="ar"),  # TICO-19
    unit("Исследование, проведенное в 2010–2011 годах, показало", "A study performed in "
         "2010–11 showed", tgt="ru"),
    unit("lange Dateinamen in .deb-Archiven", "long filenames in .deb archives"),  # dpkg de
], ids=lambda s: s.text[:20])
def test_script_and_locale_conventions_pass(segment: Segment) -> None:
    assert codes(audit_units(segment)) == []


def test_invisible_controls_still_flag_where_the_language_does_not_use_them() -> None:
    assert "TQ306" in codes(audit_units(unit("Kuleba\u200f sagte", "Kuleba said")))
    assert "TQ305" in codes(audit_units(unit("am ١٠ März", "on March 10")))


def test_untranslated_unit_with_nothing_to_translate_is_info() -> None:
    syntaxes_file = [unit("", "B<%s>"), unit("", "[B<+->]I<zzzz>"), unit("", "v1"),
                     unit("", "Upload the architecture specific binary packages."),
                     unit("", "Strip from the flag named I<flag> all flags in I<value>.")]
    # In a file that is otherwise translated (so the empty units are oversights, not a
    # catalogue in progress: see test_catalogue_in_progress_*).
    syntaxes_file += [unit(f"Datei {i}", f"File {i}") for i in range(100)]
    found = {f.message.split(": ", 1)[1].split("'")[1]: f.severity.value
             for f in audit_units(*syntaxes_file, select=("TQ830",))}
    assert found["B<%s>"] == found["v1"] == found["[B<+->]I<zzzz>"] == "info"
    assert found["Upload the architecture specific binary…"] == "warning"


def test_source_mirrored_brackets_and_doubles() -> None:
    # dpkg de: the message continues in another string, as in the source.
    assert mirrored_only(audit_units(unit("Teil %d des Paketes %s abgelegt (benötige noch ",
                                        "Part %d of package %s filed (still want ")), "TQ302")
    lost = unit("Entnimmt die Steuerdaten im B<tar>-Format (seit Dpkg 1.17.14. Dies kann "
                "verwendet werden.", "Extracts the control data in B<tar> format (since dpkg "
                "1.17.14).  This can be used.")
    assert "TQ302" in codes(audit_units(lost))
    assert mirrored_only(audit_units(unit("Piep piep", "Beep-Beep")), "TQ101")


@pytest.mark.parametrize("segment", [
    unit("反余弦函数在 [-1,1] 范围之外无意义", "Inverse cosine is undefined for values outside "
         "[-1, 1]", tgt="zh"),                                                   # gnome-calculator
    unit("أعطى 80% من أطقم الاختبار نتائج خاطئة", "by Shenzhen Bioeasy.80% of test kits gave "
         "wrong results", tgt="ar"),                                                     # TICO-19
    unit("ESCO URI", "ESCO URI"),                                                        # ndb de
    unit("    Y oder I : Die Version des Paket-Betreuers installieren",
         "    Y or I  : install the package maintainer's version"),                      # dpkg de
], ids=lambda s: s.text[:20])
def test_more_shipped_units_pass(segment: Segment) -> None:
    assert codes(audit_units(segment)) == []


def test_mirrored_homoglyphs_and_alias_lists() -> None:
    # TICO-19 ru: the Greek α of TNFα is the source's; gnome-calculator fa: one Persian alias.
    tnf = unit("в том числе TNFα, IL-1β и MCP-1", "including TNFα, IL-1β, and MCP-1", tgt="ru")
    assert "TQ703" not in codes(audit_units(tnf))
    grams = unit("گرم,gram,grams,gramme,grammes,g", "gram,grams,gramme,grammes,g", tgt="fa")
    assert "TQ701" not in codes(audit_units(grams))
    spaces = unit("Para añadir una URL, añádala después de una línea en blanco. ",
                  "To add a URL, add it after a blank line.", tgt="es")
    assert "TQ380" not in codes(audit_units(spaces))
    assert "TQ380" in codes(audit_units(unit("Gespeichert in", "Saved to ")))


def test_no_repetition_across_a_placeholder_and_quotes_left_open_as_in_the_source() -> None:
    pod = [unit("Les I<octets-architecture> sont soit B<32> soit B<64>.", "The "
                "I<architecture-bits> is either B<32> or B<64>.", tgt="fr"),
           unit("Siehe I<a> und I<b>.", "See I<a> and I<b>."), unit("B<-x>", "B<-x>")]
    assert [f for f in audit_units(*pod) if f.code == "TQ101"] == []
    braces = unit("Lade herunter von {active_count} von {connected_count} Gegenstellen",
                  "Downloading from {active_count} of {connected_count} peers")
    assert [f for f in audit_units(braces) if f.code == "TQ101"] == []
    open_ru = unit("Тедрос заявил, что PHEIC обусловлено «риском глобального распространения.",
                   'Tedros said that the PHEIC was due to "the risk of global spread.', tgt="ru")
    assert mirrored_only(audit_units(open_ru), "TQ301")
    lost = unit("qui corresponde à l'expression “B<x> (la partie entre parenthèses).",
                "matching the expression “B<x>”.  The part in parentheses.", tgt="fr")
    assert "TQ301" in codes(audit_units(lost))


def test_hebrew_low_high_quotes_and_verbatim_pod_paragraphs() -> None:
    he = unit("חסרים משתנים לפונקציה „%s”", "Function “%s” is missing arguments", tgt="he")
    assert "TQ301" not in codes(audit_units(he))
    make = " ifeq ($(DEB_BUILD_GNU_TYPE), $(DEB_HOST_GNU_TYPE))\n   confflags += --build=x\n"
    segs = [unit(make, make, tgt="fr"), *[unit("Voir I<a>.", "See I<a>.", tgt="fr")] * 3]
    assert [f for f in audit_units(*segs) if f.code == "TQ203"] == []
