"""False-alarm classes found on shipped catalogues (issue 15), each with the real defect of the
same shape that must still be reported.  Units cut from ../shared/data (l10n-wild, po, TICO-19)."""

from __future__ import annotations

import dataclasses
from typing import Any, NamedTuple

import pytest

from tqcheck.audit import AuditOptions, audit_segments
from tqcheck.model import Finding, Segment


def unit(target: str, source: str, tgt: str, **meta: Any) -> Segment:
    return Segment(target, 1, 1, kind="unit", source=source, source_lang="en", target_lang=tgt,
                   meta=meta)


def warnings(code: str, segment: Segment) -> list[Finding]:
    found = audit_segments("t.po", [segment], AuditOptions(select=(code,),
                                                           lang=segment.target_lang)).findings
    return [f for f in found if f.severity.value != "info"]


class Shipped(NamedTuple):
    """A false-alarm class of shipped catalogues and the real defect of the same shape."""

    passes: list[Segment]  # no warning
    defects: list[Segment]  # still a warning
    #: Each defect gives exactly one warning (a changed number gives one per side: missing in
    #: the target, not in the source).
    once: bool = True


SHIPPED: dict[str, Shipped] = {
    # TQ203: lowercase after abbreviations, labels; a stray stop or a lowercase start the source lacks.
    "TQ203": Shipped([
        unit("Макс. кількість вузлів на _торент:", "Maximum peers per _torrent:", "uk"),
        unit("Завант. блоків", "Dn Blocks", "uk"),
        unit("Pet. descarga", "Dn Reqs", "es"),
        unit("Подсказка слишком короткая (мин. символов: {{min}})",
             "Prompt is too short (min {{min}} characters)", "ru"),
        unit("Использовать ед. изм. углов", "The angle units to use", "ru"),
        unit(" WARNUNG - Anwenden der mit [!] markierten Optionen kann Ihre Installation schwer "
             "beschädigen.", "\nWARNING - use of options marked [!] can seriously damage your "
             "installation.", "de"),
        unit("иРНК представляют собой транскрипты генов.", "The mRNAs are gene transcripts.", "ru"),
        unit("juguetes", "Toys", "es"),
        unit("hindi", "Hindi", "fr"),
    ], [
        # A stray full stop in the middle of a sentence (GNOME Clocks help, es).
        unit("Pulse el botón Eliminar. para quitar un reloj mundial.",
             "Press the Delete button to remove a world clock.", "es"),
        unit('Pulse el botón <gui style="button">Eliminar</gui>. para quitar un reloj mundial.',
             'Press the <gui style="button">Delete</gui> button to remove a world clock.', "es"),
        # A sentence of the translation that starts in lowercase where the source's does not.
        unit("cuando la alarma está desactivada no sonará.", "When the alarm is disabled, it will "
             "not go off.", "es"),
    ]),
    # TQ831: copies that are the translation; copies left untranslated.
    "TQ831": Shipped([
        unit("%d minutes", "%d minutes", "fr"),
        unit("Michael Hill", "Michael Hill", "de",
             extracted_comments=("(itstool) path: credit/name",)),
        unit("The GNOME Project", "The GNOME Project", "ja",
             extracted_comments=("developer_name tag deprecated with Appstream 1.0",)),
        unit("Copyright © The Transmission Project", "Copyright © The Transmission Project", "es"),
        unit("Yubico Authenticator", "Yubico Authenticator", "de"),
        unit("Aruna Sankaranarayanan", "Aruna Sankaranarayanan", "es"),
        # dpkg man pages de: a field line of a control file, kept as the file format requires.
        unit("Format: 3.0 (git)", "Format: 3.0 (git)", "de"),
        # NDB de, Yubico de: a term with its acronym.
        unit("Single Sign-On (SSO)", "Single Sign-On (SSO)", "de"),
        unit("Certificate Signing Request (CSR)", "Certificate Signing Request (CSR)", "de"),
        # pv fr: SI prefixes, no word of the source language.
        unit("yzafpnum kMGTPEZY", "yzafpnum kMGTPEZY", "fr"),
        # One word once placeholders, shortcuts and accelerators are left out (gnome-calculator,
        # transmission de).
        unit("Pi [Ctrl+P]", "Pi [Ctrl+P]", "es"),
        unit("Tau (τ)", "Tau (τ)", "fr"),
        unit("_Download ({speed_units}):", "_Download ({speed_units}):", "de"),
    ], [
        unit("Please select a report and a date range", "Please select a report and a date range",
             "fr"),
        unit("Table showing organization progress", "Table showing organization progress", "fr"),
        unit("Database Conflicts", "Database Conflicts", "de"),
        unit("Made with Excalidraw", "Made with Excalidraw", "de"),
        unit("Remove the selected torrent", "Remove the selected torrent", "de"),
        unit("Export Templates", "Export Templates", "de"),
        unit("Unique ID [experimental]", "Unique ID [experimental]", "de"),
        unit("Crow's foot (many)", "Crow's foot (many)", "ar"),
        unit("Bangladeshi Taka", "Bangladeshi Taka", "de"),
        unit("Format of the file: 3.0", "Format of the file: 3.0", "de"),
    ]),
    # TQ835: numbers written the target's way; numbers changed.
    "TQ835": Shipped([
        # TICO-19 ru: ".08%" with its leading zero, in the decimal comma.
        unit("от 0,08% до 13,04%", "from .08% to 13.04%", "ru"),
        # TICO-19: a year range kept with a hyphen for the en dash.
        unit("Лига чемпионов УЕФА 2019-20, сезон 2020", "the 2019–20 UEFA Champions League, 2020",
             "ru"),
        # TICO-19: "42.000" in an English source (German grouping) is 42,000.
        unit("более 42000 участников", "more than 42.000 participants", "ru"),
        # transmission: an address pattern read by a decimal-comma language.
        unit("Für IP-Adressen können Platzhalter wie 192.168.*.* verwendet werden",
             "IP addresses may use wildcards, such as 192.168.*.*", "de"),
        # GNOME Clocks ru/ar, TICO-19 ru: a number spelled out on one side.
        unit("15 минут", "Fifteen minutes", "ru"),
        unit("45 минут", "Fortyfive minutes", "ru"),
        unit("عشر دقائق", "10 minutes", "ar"),
        unit("Сто кабинетов общей практики", "The 100 general practices", "ru"),
        unit("мыть руки не менее 20 секунд", "wash hands for at least twenty seconds", "ru"),
        # NDB de/fr: times of day on the 24-hour clock.
        unit("11 - 16 Uhr", "11 a.m. - 4 p.m.", "de"),
        unit("6h - 11h", "6 a.m. - 11 a.m.", "fr"),
        unit("6h30-11h, 11h30-16h", "6:30 a.m.-11 a.m., 11:30 a.m.-4 p.m.", "fr"),
    ], [
        unit("15 mg", "1.5 mg", "de"),
        unit("Spezifiziert das Wurzelverzeichnis (seit Version 1.201.).",
             "Specifies the root directory (since version 1.20.1).", "de"),
        unit("от 0,09%", "from .08%", "ru"),
        unit("Ungültiges RFC 4514Format", "Invalid RFC 4514 format", "de"),
        unit("16 минут", "Fifteen minutes", "ru"),
        unit("عشرون دقيقة", "30 minutes", "ar"),
        unit("11 - 17 Uhr", "11 a.m. - 4 p.m.", "de"),
        unit("6h - 12h", "6 a.m. - 11 a.m.", "fr"),
    ], once=False),
    # TICO-19 ar: rRT-PCR spelled "آر آر تي-بي سي آر"; a doubled preposition is still reported.
    "TQ101": Shipped([
        unit("بوليميراز النسخ العكسي (آر آر تي-بي سي آر) في الوقت الحقيقي.",
             "reverse transcription polymerase chain reaction (rRT-PCR).", "ar"),
        # pv fr: "BYTES" renamed "OCTETS", then the unit.
        unit("Utiliser une mémoire tampon de OCTETS octets", "use a buffer size of BYTES", "fr"),
        # VTT captions ar: the source says "safe" on both lines.
        unit("كل شيئ آمن\nآمن كلية", "Everything is safe.\nPerfectly safe.", "ar"),
        # TICO-19 ar: CCoV spelled out in letter names.
        unit("هناك نوعان من فيروس كورونا الكلبي (سي سي أوه في)، أحدهما يسبب مرضًا",
             "There are two types of canine coronavirus (CCoV), one that causes disease", "ar"),
    ], [
        unit("ذهبت في في المدينة.", "I went to the city.", "ar"),
        unit("Utiliser une mémoire tampon de de OCTETS", "use a buffer size of BYTES", "fr"),
        unit("كل شيئ آمن\nآمن كلية", "Everything is fine.\nPerfectly so.", "ar"),
        # transmission ru, NDB de: real stutters.
        unit("это работает только тогда, если если вы собрали", "this only works if you built", "ru"),
        unit("Felder, die beim Erstellen zur zur Kontrolle angezeigte werden",
             "Fields shown for confirmation", "de"),
    ]),
    # TICO-19 ar: ”…“ typed as the marks look in right-to-left text; a quote left open.
    "TQ301": Shipped([
        unit("كوفيد-19 هو ”عدو الجمهور رقم 1“ ويُحتمل أن يكون أقوى من الإرهاب.",
             "COVID-19 is “public enemy number 1” and potentially more powerful.", "ar"),
    ], [
        unit("هو “عدو الجمهور رقم 1 ويُحتمل أن يكون أقوى.", "It is “public enemy 1” and more.", "ar"),
    ]),
    # NewPipe de: the source's colon belongs to the quoted button name; a colon dropped.
    "TQ381": Shipped([
        unit("Tipp anzeigen, wenn die Pop-up-Schaltfläche „Details:“ im Video gedrückt wird",
             'Show tip when pressing the popup button in video "Details:"', "de"),
        # GNOME Clocks ja: the accelerator written after the label, Chinese and Japanese style.
        unit("アラームを追加…(_L)", "Add A_larm…", "ja"),
        # transmission ar: the mark inside a closing tag.
        unit("<b>يجري غلق الاتصالات…</b>", "Closing Connections…", "ar"),
        # GNOME Clocks ar: an emoticon is not a colon.
        unit("ضبط مؤقتات لتطهو طعامك بشكل سليم :)", "Set timers to properly cook your food", "ar"),
        # Excalidraw ar, transmission fr: an exclamation mark added or dropped.
        unit("تمت الإضافة إلى المكتبة!", "Added to library", "ar"),
        unit("La liste de blocage a été mise à jour", "Blocklist updated!", "fr"),
        # NDB fr/de: the source asks in form and ends with a full stop.
        unit("Quel caractère est utilisé pour séparer plusieurs valeurs dans une seule cellule "
             "(par exemple, les options à sélection multiple)\xa0?",
             "Which character is used to separate multiple values in a single column cell for "
             "array-type fields (e.g., multi-select options).", "fr"),
        unit("Wählen Sie hier den Zieltyp aus. (z. B. möchten Sie Teilnehmer, Ereignisse oder "
             "Teammitglieder importieren?)", "What type of records should your imported data become "
             "in the system? Select the target record type here. (e.g. are you trying to import "
             "participants, events or team members etc.)", "de"),
    ], [
        unit("Name", "Name:", "de"),
        # transmission fa/zh_CN: an ellipsis or a label's colon dropped.
        unit("گرفتن فهرست انسداد جدید", "Getting new blocklist…", "fa"),
        unit("来源(_S)", "_Source:", "zh"),
        # A statement turned into a question.
        unit("Sie werden diese Datei löschen?", "You will delete this file.", "de"),
        unit("<b>Schließe Verbindungen</b>", "Closing Connections…", "de"),
    ]),
    # Excalidraw, gnome-calculator, TICO-19: one conjunct modified, the other not; a bare stutter.
    "TQ102": Shipped([
        # Excalidraw fr/ru: "name or username".
        unit("Votre nom ou nom d'utilisateur", "Your name or username", "fr"),
        unit("Ваше имя или имя пользователя", "Your name or username", "ru"),
        # gnome-calculator ru, TICO-19 ru: an adjective before the first conjunct, a genitive after.
        unit("можете переключиться в расширенный режим, финансовый режим или режим программирования",
             "you can switch into Advanced, Financial, or Programming mode", "ru"),
        unit("причем оцененные случаи и случаи установления инфекции исключены",
             "those being assessed and where the infection is located are excluded", "ru"),
        unit("рекомендациям национального уровня или уровня штата.",
             "national or subnational recommendations.", "ru"),
        unit("Совет по иностранным делам и делам Содружества, отдел путешествий",
             "Foreign and Commonwealth Office advice for Travellers", "ru"),
        # TICO-19 ar: "high or very high", "security, economic security", "PED or PEDV".
        unit("ضمن الفئات ذات مستويات تعرض للمخاطر مرتفعة أو مرتفعة للغاية.",
             "at high or very high categories of exposure risk.", "ar"),
        unit("أثر ينهك الأمن أو الأمن الاقتصادي أو الصحة العامة",
             "a debilitating effect on security, economic security, public health", "ar"),
        unit("ظهر فيروس إسهال الخنازير الوبائي (بي إي دي أو بي إي دي إف) في جميع أنحاء العالم.",
             "Porcine epidemic diarrhea virus (PED or PEDV), has emerged around the world.", "ar"),
    ], [
        unit("Они зависят от инструкций и инструкций, данных Кремлём.",
             "They depend on instructions and directives of the Kremlin.", "ru"),
    ]),
    # What a cut-off translation is not; a translation cut off.
    "TQ837": Shipped([
        # VTT captions ar: the final mark typed first (visual order).
        unit("! عملاق رودس", "...the colossus of Rhodes!", "ar"),
        unit("! لست منتبها", "You're not paying attention!", "ar"),
        # dpkg man pages ja: a description without 。.
        unit("選択肢の一般名", "The generic name of the alternative.", "ja"),
    ], [
        unit("فقط من أجلك", "The colossus of Rhodes\nand it is here just for you Proog.", "ar"),
    ]),
}


def _passes() -> list[Any]:
    return [pytest.param(code, segment, id=f"{code}-{n}")
            for code, shipped in SHIPPED.items() for n, segment in enumerate(shipped.passes)]


def _defects() -> list[Any]:
    return [pytest.param(code, segment, shipped.once, id=f"{code}-{n}")
            for code, shipped in SHIPPED.items() for n, segment in enumerate(shipped.defects)]


@pytest.mark.parametrize(("code", "segment"), _passes())
def test_shipped_false_alarm_class_gives_no_warning(code: str, segment: Segment) -> None:
    assert warnings(code, segment) == []


@pytest.mark.parametrize(("code", "segment", "once"), _defects())
def test_defect_of_the_same_shape_is_still_a_warning(code: str, segment: Segment,
                                                     once: bool) -> None:
    codes = [f.code for f in warnings(code, segment)]
    assert codes == [code] if once else (codes and set(codes) == {code})


# --- TQ203: a stop inside a file name written with markup ---------------------------------------

def _po_warnings(code: str, *segments: Segment) -> list[Finding]:
    """Warnings of ``code`` on units read as one PO file (its syntaxes detected from them)."""
    found = audit_segments("t.po", list(segments), AuditOptions(
        select=(code,), lang=segments[0].target_lang), fmt="po").findings
    return [f for f in found if f.severity.value != "info"]


def test_stop_inside_a_marked_up_file_name_ends_no_sentence() -> None:
    # dpkg man pages de/fr: "I<Paket>.I<Symbol> oder", "*.I<Typ> statt".
    names = unit("Beide Dateien sollten als %ADMINDIR%/info/I<Paket>.I<Symbol> oder "
                 "%ADMINDIR%/info/I<Paket>.I<Shlibs> verfügbar sein.",
                 "Both files should be available as %ADMINDIR%/info/I<package>.I<symbols> or "
                 "%ADMINDIR%/info/I<package>.I<shlibs>.", "de")
    glob = unit("Sucht nach *.I<Typ> statt *.deb-Paketen.", "Looks for *.I<type> instead of "
                "*.deb packages.", "de")
    french = unit("Les fichiers sont disponibles en tant que %ADMINDIR%/info/I<paquet>.I<symbols> "
                  "ou %ADMINDIR%/info/I<paquet>.I<shlibs>.", "Both files should be available as "
                  "%ADMINDIR%/info/I<package>.I<symbols> or %ADMINDIR%/info/I<package>.I<shlibs>.",
                  "fr")
    assert _po_warnings("TQ203", names, glob) == []
    assert _po_warnings("TQ203", french, glob) == []
    # A stop after markup and a space still ends a sentence: its lowercase start is flagged.
    lost = unit("Le fichier I<paquet>.I<symbols> existe. si besoin, lancez B<dpkg>.",
                "The I<package>.I<symbols> file exists. If needed, run B<dpkg>.", "fr")
    assert [f.code for f in _po_warnings("TQ203", lost, french)] == ["TQ203"]


# --- TQ580: one source, two translations, in different contexts ---------------------------------

def _xliff(target: str, source: str, tgt: str, notes: tuple[str, ...] = (), **meta: Any) -> Segment:
    return unit(target, source, tgt, notes=notes, **meta)


def _inconsistent(*segments: Segment) -> list[Finding]:
    found = audit_segments("t.xlf", list(segments), AuditOptions(
        select=("TQ580",), lang=segments[0].target_lang), fmt="xliff").findings
    return [f for f in found if f.severity.value != "info"]


def test_other_inflection_or_context_is_not_an_inconsistency() -> None:
    # NDB de: a filter label and an adverbial, both "Filter label": inflected forms of one phrase.
    assert _inconsistent(_xliff("Letzten Monat", "Last month", "de", ("Filter label",)),
                         _xliff("Letzter Monat", " Last month", "de", ("Filter label",))) == []
    # NDB fr: "Title" of a form field and of a progress widget (different notes and meaning).
    assert _inconsistent(
        _xliff("Titre", "Title", "fr", ("Admin UI - Config Section Header form field label",)),
        _xliff("Intitulé", "Title", "fr", ("Edit the progress of one or multiple tasks",
                                            "Title Progress"))) == []
    # NDB de: "Continue" from a template (spaced) and from code: two places, two dialogs.
    assert _inconsistent(_xliff(" Weiter ", " Continue ", "de"),
                         _xliff("Fortfahren", "Continue", "de")) == []
    # Dotted keys that name different roles.
    assert _inconsistent(_xliff("Titel", "Title", "de", resname="report.title"),
                         _xliff("Überschrift", "Title", "de", resname="report.heading")) == []


def test_same_source_and_context_two_translations_is_a_warning() -> None:
    # The same string, the same note, two renderings of one term (App / Anwendung).
    assert [f.code for f in _inconsistent(
        _xliff("App zurücksetzen", "Reset Application", "de", ("admin menu",)),
        _xliff("Anwendung zurücksetzen", "Reset Application", "de", ("admin menu",)))] == ["TQ580"]
    assert [f.code for f in _inconsistent(
        _xliff("Titel", "Title", "de", resname="report.title"),
        _xliff("Überschrift", "Title", "de", resname="chart.title"))] == ["TQ580"]


# --- TQ833: build-time variables are not printf -------------------------------------------------

def test_build_time_variable_is_no_printf_placeholder() -> None:
    # dpkg man pages ja: the translation keeps %ADMINDIR% where the source has its value.
    kept = unit("B<dpkg> データベースの位置を変更する。デフォルトの位置は I<%ADMINDIR%> である。",
                "Change the location of the B<dpkg> database.  The default location is "
                "I</var/lib/dpkg>.", "ja")
    assert warnings("TQ833", kept) == []
    # printf still counts beside it.
    lost = unit("%ADMINDIR% のサイズ", "Size of %ADMINDIR%: %d bytes", "ja")
    assert [f.code for f in warnings("TQ832", lost)] == ["TQ832"]


# --- TQ701: code, commands, option values and lists never vote ----------------------------------

@pytest.mark.parametrize("segment", [
    # GNOME Clocks de: desktop keywords, English ones kept on purpose.
    unit("time;timer;alarm;world clock;stopwatch;time zone;Zeit;Uhrzeit;Timer;Alarm;Wecker;"
         "Weltuhr;Stoppuhr;Zeitzone;", "time;timer;alarm;world clock;stopwatch;time zone;", "de"),
    # gnome-calculator fr: unit aliases.
    unit("degF,˚F,°F,F,f,Fahrenheit,fahrenheit", "degF,˚F,°F,F,f,Fahrenheit,fahrenheit", "fr"),
    # gnome-calculator de: option values in brackets.
    unit("Im gegebenen Modus starten (basic, advanced, financial, programming, keyboard, "
         "conversion)", "Start in given mode (basic, advanced, financial, programming, "
         "keyboard, conversion)", "de"),
    # dpkg man pages de: names and identifiers the source has too.
    unit("dpkg-source - Debian Quellpaket- (.dsc) Manipulations-Werkzeuge",
         "dpkg-source - Debian source package (.dsc) manipulation tool", "de"),
    # dpkg man pages fr: a control file's fields.
    unit("Package: dpkg-dev\nSection: utils\nPriority: optional\nArchitecture: all\n"
         "# champ personnalisé dans le paquet binaire\nXB-Mentored-By-Me: Yes",
         "Package: dpkg-dev\nSection: utils\nPriority: optional\nArchitecture: all\n"
         "# custom field in binary package\nXB-Mentored-By-Me: Yes", "fr"),
    # Yubico ja: a distinguished name.
    unit("例:\nCN=Example Name CN=jsmith,DC=example,\nDC=net",
         "Example:\nCN=Example Name CN=jsmith,DC=example,DC=net", "ja"),
])
def test_code_and_lists_are_no_foreign_sentence(segment: Segment) -> None:
    assert warnings("TQ701", segment) == []


def test_pod_shell_example_is_no_foreign_sentence() -> None:
    # dpkg man pages de: a verbatim paragraph that po4a protects with Z<>.
    shell = unit("Z<>\n if dpkg-maintscript-helper supports I<Befehl>; then\n"
                 "    dpkg-maintscript-helper I<Befehl> …\n fi",
                 "Z<>\n if dpkg-maintscript-helper supports I<command>; then\n"
                 "    dpkg-maintscript-helper I<command> ...\n fi", "de")
    left = unit("Most packages will require additional tools to build, for example I<make>.",
                "Most packages will require additional tools to build, for example I<make>.\n"
                "See B<dpkg>.", "de")
    left = dataclasses.replace(left, line=20)
    assert [(f.code, f.line) for f in _po_warnings("TQ701", shell, left)] == [("TQ701", 20)]


@pytest.mark.parametrize("segment", [
    unit("Pound-force per square inch", "Pound-force per square inch unit", "de"),
    unit("newly created empty file I<file> will not be represented in diff",
         "newly created empty file %s will not be represented in diff", "ja"),
    unit("Entfernen Sie the selected torrent from the list now",
         "Remove the selected torrent from the list now", "de"),
])
def test_source_words_left_untranslated_are_a_foreign_sentence(segment: Segment) -> None:
    assert [f.code for f in warnings("TQ701", segment)] == ["TQ701"]


# --- TQ601: French idioms that look like a calque ------------------------------------------------

@pytest.mark.parametrize("text", [
    # GNOME Clocks fr, dpkg man pages fr: "prise en charge de" (support for) is French.
    "Active ou désactive la prise en charge de la géolocalisation.",
    "Prise en charge de la géolocalisation",
    "option longue depuis dpkg 1.18.8, pris en charge de multiples cibles depuis dpkg 1.18.16",
])
def test_prise_en_charge_is_no_calque(text: str) -> None:
    assert warnings("TQ601", unit(text, "Geolocation support", "fr")) == []


def test_en_charge_de_is_a_calque() -> None:
    found = warnings("TQ601", unit("Le responsable en charge du projet est parti.",
                                   "The person in charge of the project left.", "fr"))
    assert [f.code for f in found] == ["TQ601"]


# --- TQ836: example addresses localised --------------------------------------------------------

def test_localised_example_address_is_info() -> None:
    # dpkg man pages fr: "Joe Bloggs <jbloggs@foo.com>" → "Jean Dupont <jdupont@foo.com>".
    localised = unit("Le format de ce champ sera «\xa0Jean Dupont E<lt>jdupont@foo.comE<gt>\xa0».",
                     "Should be in the format «Joe Bloggs E<lt>jbloggs@foo.comE<gt>».", "fr")
    assert warnings("TQ836", localised) == []
    # TICO-19 ar: the final slash moved by right-to-left text.
    slash = unit("الصادرة عن لجنة الصحة الوطنية (/http://www.nhc.gov.cn)",
                 "issued by the National Health Commission (http://www.nhc.gov.cn/)", "ar")
    assert warnings("TQ836", slash) == []
    changed = unit("Schreiben Sie an jdupont@example.org.", "Write to jbloggs@foo.com.", "de")
    assert len(warnings("TQ836", changed)) == 2


def test_foreign_phrase_the_source_quotes_spaced_otherwise_is_info() -> None:
    # TICO-19 ar: the source quotes 火眼; the translation keeps it, spaced.
    target = ('وفي ووهان، افتتحت BGI مختبرًا مؤقتًا باسم "Huo-Yan" (بالصينية: 火 眼 أو "Fire Eye" '
              'باللغة الإنجليزية) في 5 فبراير 2020.')
    source = ('In Wuhan a makeshift emergency detection laboratory named "Huo-Yan" (Chinese: 火眼, '
              'or "Fire Eye" in English) was opened on 5 February 2020 by BGI.')
    assert warnings("TQ702", unit(target, source, "ar")) == []
    assert [f.code for f in warnings("TQ702", unit(target, source.replace("火眼", "Huo"), "ar"))
            ] == ["TQ702"]


def test_abbreviation_alone_is_a_label() -> None:
    # transmission de: "n. v." for "N/A".
    assert warnings("TQ203", unit("n.v.", "N/A", "de")) == []
    assert [f.code for f in warnings("TQ203", unit("das ist gut.", "That is good.", "de"))
            ] == ["TQ203"]


# --- the last dev sample: plural forms of one word, brackets and marks named, re-indented tables --

def test_icu_forms_of_one_word_copied_are_info() -> None:
    # NDB fr: "participant(s)" is French too.
    icu = "{VAR_PLURAL, plural, one {participant} other {participants}}"
    assert warnings("TQ831", unit(icu, icu, "fr")) == []
    two = "{VAR_PLURAL, plural, one {open task} other {open tasks}}"
    assert [f.code for f in warnings("TQ831", unit(two, two, "fr"))] == ["TQ831"]


def test_brackets_as_the_source_has_them_are_mirrored() -> None:
    # gnome-calculator ar: the key shown as "[(]".
    assert warnings("TQ302", unit("بداية مجموعة [(]", "Start Group [(]", "ar")) == []
    assert [f.code for f in warnings("TQ302", unit("بداية مجموعة [(", "Start Group [(]", "ar"))
            ] == ["TQ302"]


def test_quote_mark_named_on_its_own_is_no_quotation() -> None:
    # gnome-calculator fr: the seconds symbol written with a straight quote.
    assert warnings("TQ301", unit('Symbole seconde (") manquant', "Missing second symbol (″)",
                                  "fr")) == []
    assert [f.code for f in warnings("TQ301", unit('Symbole "seconde manquant',
                                                   "Missing second symbol", "fr"))] == ["TQ301"]


def test_verbatim_table_indented_otherwise_is_info() -> None:
    # dpkg man pages de: a verbatim table re-aligned, still indented.
    source = "    Number   Description\n         1   Generally helpful progress information"
    assert warnings("TQ380", unit("  Nummer  Beschreibung\n      1   Allgemein hilfreich",
                                  source, "de")) == []
    assert [f.code for f in warnings("TQ380", unit("Nummer  Beschreibung\n      1   Allgemein",
                                                   source, "de"))] == ["TQ380"]


def test_placeholder_after_the_last_word_completes_the_sentence() -> None:
    # dpkg de: "… mindestens »%.250s« und »%.250s«".
    source = "there are several versions of part %d - at least '%.250s' and '%.250s'"
    whole = unit("es sind mehrere Versionen des Teils %d vorhanden - mindestens »%.250s« und "
                 "»%.250s«", source, "de")
    cut = unit("es sind mehrere Versionen des Teils %d vorhanden - mindestens »%.250s« und",
               source, "de")
    assert _po_warnings("TQ205", whole) == []
    assert [f.code for f in _po_warnings("TQ205", cut)] == ["TQ205"]


def test_decade_licence_and_hyphenation_hint() -> None:
    # TICO-19 ar: "the mid-1960s" as "the sixties of the twentieth century".
    assert warnings("TQ835", unit("عُزلت في منتصف ستينيات القرن العشرين.",
                                  "It was isolated in the mid-1960s.", "ar")) == []
    assert [f.code for f in warnings("TQ835", unit("عُزلت في عام 1970.",
                                                   "It was isolated in 1960.", "ar"))
            ] == ["TQ835", "TQ835"]
    # GNOME Clocks help ru: a licence's name kept.
    licence = "Creative Commons Attribution-ShareAlike 3.0 Unported License"
    assert warnings("TQ831", unit(licence, licence, "ru")) == []
    # Yubico de: a soft hyphen inside a long word; one before a space is still flagged.
    assert warnings("TQ306", unit("System-Standard\xadeinstellung", "System default", "de")) == []
    assert [f.code for f in warnings("TQ306", unit("System\xad Standard", "System default",
                                                   "de"))] == ["TQ306"]


def test_reading_speed_slightly_over_is_info() -> None:
    # SRT ja: 8.1 characters per second for a limit of 8; 9.2 is a warning.
    def cue(text: str, seconds: float) -> Segment:
        return Segment(text, 1, 1, kind="cue", target_lang="ja",
                       meta={"start": 0.0, "end": seconds})

    slight = cue("Complete Setupは$33：私がライブで一緒にセットアップし、\n"
                 "あなたの診療所に合わせてカスタマイズ。", 6.8)
    assert 8 < len(slight.text.replace("\n", "")) / 6.8 <= 8.4
    assert warnings("TQ280", slight) == []
    fast = cue("入って、あなたのプランを選んでください。\n"
               "24時間以内に、あなたの診療所は既に変わっています。", 5.0)
    assert [f.code for f in warnings("TQ280", fast)] == ["TQ280"]


def test_supposee_etre_is_an_assumption_not_a_calque() -> None:
    # dpkg man pages fr: "la section est supposée être no-section" (is assumed to be).
    assert warnings("TQ601", unit("Quand aucune section n'est trouvée, la section est supposée "
                                  "être B<no-section>.", "then no-section is assumed", "fr")) == []
    assert [f.code for f in warnings("TQ601", unit("Le colis est supposé arriver demain.",
                                                   "The parcel is supposed to arrive.", "fr"))
            ] == ["TQ601"]


def test_bracket_moved_into_markup_is_still_flagged() -> None:
    # dpkg man pages fr: "(cela revient à utiliser l'option B<-sn)>" — the ")" moved inside B<>
    # (the source has B<-sn>)): the bold now takes the bracket, a real catch (blind judgement of
    # round 3: real).  Brackets inside markup as the source has them are info (below).
    moved = unit("une chaîne vide (cela revient à utiliser l'option B<-sn)>. Si un fichier tar "
                 "existe, il est dépaqueté.", "the empty string (this is equivalent to using "
                 "B<-sn>).  If a tarfile is found it will unpack it.", "fr")
    other = unit("Voir B<dpkg> et I<fichier>.", "See B<dpkg> and I<file>.", "fr")
    assert [f.code for f in _po_warnings("TQ302", moved, other)] == ["TQ302"]
    kept = unit("une chaîne vide (l'option B<-sn)> vaut B<-sp>.", "the empty string (the option "
                "B<-sn)> is B<-sp>.", "fr")
    found = audit_segments("t.po", [kept, other], AuditOptions(select=("TQ302",), lang="fr"),
                           fmt="po").findings
    assert [f.message for f in found] == ["bracket ( is never closed outside markup (its partner "
                                          "stands inside a tag)"]
    # dpkg man page de: "[:I<Attr>[I<+Attr>]…]" — brackets around and inside markup.
    nested = unit("B<--color> I<Bildschirmteil>:[I<Vordergrund>],[I<Hintergrund>][:I<Attr>"
                  "[I<+Attr>]…]", "B<--color> I<screenpart>:[I<foreground>],[I<background>]"
                  "[:I<attr>[I<+attr>]...]", "de")
    assert _po_warnings("TQ302", nested, other) == []
    # A bracket lost next to a placeholder is still flagged (Transmission fr).
    lost = unit("Erreur d’annonce : {error} ({url}", "Announce error: {error} ({url})", "fr",
                flags=("python-brace-format",))
    assert [f.code for f in _po_warnings("TQ302", lost, other)] == ["TQ302"]
    # A bracket lost before markup: the text as read does not pair up either (dpkg de).
    before = unit("im B<tar>-Format (seit Dpkg 1.17.14. Dies kann zusammen mit L<tar(1)> "
                  "verwendet werden.", "in B<tar> format (since dpkg 1.17.14).  Together with "
                  "L<tar(1)> this can be used.", "de")
    assert [f.code for f in _po_warnings("TQ302", before, other)] == ["TQ302"]


def test_equals_and_bracket_before_a_word_is_no_emoticon() -> None:
    # dpkg de: "Fehler?=(kein)/R=…" — "=(" opens a bracket, it is no sad face.
    text = ("|/ Fehler?=(kein)/R=Neuinstallation notwendig (Status, Fehler: GROSS=schlecht)")
    source = "|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)"
    assert warnings("TQ302", unit(text, source, "de")) == []
    assert [f.code for f in warnings("TQ302", unit(text.replace("(kein)", "kein)"), source, "de"))
            ] == ["TQ302"]
    # A face glued to the next word stays a face.
    assert warnings("TQ302", unit("Спасибо :(К сожалению, не получилось.", "Thanks :(", "ru")) == []


def test_number_an_explanation_adds_is_info() -> None:
    # gnome-calculator he, zh_CN: "Common Logarithm" → "logarithm in base 10".
    assert warnings("TQ835", unit("לוגריתם בבסיס 10", "Common Logarithm", "he")) == []
    assert warnings("TQ835", unit("常用对数（以 10 为底）", "Logarithm", "zh")) == []
    # A number changed, or added beside the source's own numbers, is still flagged.
    assert [f.code for f in warnings("TQ835", unit("Wartezeit: 15 Minuten und 30 Sekunden",
                                                   "Wait 15 minutes", "de"))] == ["TQ835"]
    assert [f.code for f in warnings("TQ835", unit("Retry after 25 seconds",
                                                   "Retry after fifteen seconds", "en"))
            ] == ["TQ835"]


def test_figure_number_after_a_zero_width_space_is_a_label() -> None:
    # TICO-19 en-ru: "на рис. \u200bРис. 1.1" (copied from HTML, a zero-width space kept).
    text = "Как показано на рис. \u200bРис.\xa01.1, кластеры пневмонии впервые выявлены в Ухане."
    src = "As shown in Fig. \u200bFig.1,1, clusters of pneumonia were first reported from Wuhan."
    assert warnings("TQ308", unit(text, src, "ru")) == []
    assert [f.code for f in warnings("TQ308", unit("Доля выросла до \u200b1.5 процента.",
                                                   "The share rose to one and a half percent.", "ru"))
            ] == ["TQ308"]


def test_keyword_list_keeps_the_source_synonyms() -> None:
    # gnome-calculator fa: the unit's English aliases kept, in British spelling, for search.
    kept = unit("میلیمتر جیوه,میلی‌متر جیوه,Millimetre of Mercury,millimetre of mercury,mmHg",
                "Millimeter of Mercury,millimeter of mercury,mmHg", "fa")
    assert warnings("TQ702", kept) == []
    # gnome-calculator he: the aliases of another unit pasted in are real defects.
    for target, source in (("עשור,עשורים,fathom,fathoms,ftm", "decade,decades"),
                           ("שנה,שנים,שנתיים,second,seconds,s", "year,years")):
        assert [f.code for f in warnings("TQ702", unit(target, source, "he"))] == ["TQ702"]
    # Prose whose Latin words are near the source's but not a keyword list stays flagged.
    prose = unit("Бумага для принтера: colour laser printing paper здесь.",
                 "Printer paper: color laser printing paper here.", "ru")
    assert [f.code for f in warnings("TQ702", prose)] == ["TQ702"]
