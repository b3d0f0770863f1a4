"""False-alarm classes found on shipped catalogues (issue 15), each with the real defect of the
same shape that must still be reported.  Units cut from ../shared/data (l10n-wild, po, TICO-19)."""

from __future__ import annotations

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
    ], [
        unit("Please select a report and a date range", "Please select a report and a date range",
             "fr"),
        unit("Table showing organization progress", "Table showing organization progress", "fr"),
        unit("Database Conflicts", "Database Conflicts", "de"),
        unit("Made with Excalidraw", "Made with Excalidraw", "de"),
        unit("Remove the selected torrent", "Remove the selected torrent", "de"),
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
    ], [
        unit("15 mg", "1.5 mg", "de"),
        unit("Spezifiziert das Wurzelverzeichnis (seit Version 1.201.).",
             "Specifies the root directory (since version 1.20.1).", "de"),
        unit("от 0,09%", "from .08%", "ru"),
        unit("Ungültiges RFC 4514Format", "Invalid RFC 4514 format", "de"),
        unit("16 минут", "Fifteen minutes", "ru"),
        unit("عشرون دقيقة", "30 minutes", "ar"),
    ], once=False),
    # TICO-19 ar: rRT-PCR spelled "آر آر تي-بي سي آر"; a doubled preposition is still reported.
    "TQ101": Shipped([
        unit("بوليميراز النسخ العكسي (آر آر تي-بي سي آر) في الوقت الحقيقي.",
             "reverse transcription polymerase chain reaction (rRT-PCR).", "ar"),
    ], [
        unit("ذهبت في في المدينة.", "I went to the city.", "ar"),
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
    ], [
        unit("Name", "Name:", "de"),
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
