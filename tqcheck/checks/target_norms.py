"""Punctuation norms of the target language, read from its language data: the decimal and group
separators of numbers (CLDR, through Babel), the quotation marks it uses, Spanish inverted marks
and the space French puts before high punctuation.

Machine translation copies these from the source: ``18.4 Prozent`` from ``18.4 percent``,
``12,5 tons`` from ``12,5 toneladas``, ``«Shebekino»`` in English from Russian.  Every rule here
applies only to a target whose data states the norm, so a language without data is left alone.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from tqcheck.checks._pairs import is_record
from tqcheck.checks.gates import Gate, class_gate
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.langdata import lang_tag
from tqcheck.model import Segment, Sentence, Severity

# ---------------------------------------------------------------------------------- numbers
#: A number with one separator between digits and no other digit group around it (a date
#: ``18.04.2023``, a version ``1.2.3``, a list ``1,2,3`` or an address has more than one).
#: Letters of alphabetic scripts next to a number make it part of a word or code (``A1.5``);
#: CJK text writes numbers against its characters (``は2,5%``).
_ALNUM = "0-9A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff_"
_DOT_NUMBER = re.compile(rf"(?<![{_ALNUM}.,/:-])(\d{{1,9}})\.(\d{{1,9}})(?![{_ALNUM}]|[.,:/-]\d)")
_COMMA_NUMBER = re.compile(rf"(?<![{_ALNUM}.,/:-])(\d{{1,9}}),(\d{{1,2}})(?![{_ALNUM}]|[.,:/-]\d)")
#: ``1.500.000``: groups of three after a dot, in a language that groups with a comma.
_DOT_GROUPS = re.compile(rf"(?<![{_ALNUM}.,/:-])\d{{1,3}}(?:\.\d{{3}})+(?![{_ALNUM}]|[.,:/-]\d)")
#: Words after which a dotted number is a version, section, model or other label, not a
#: quantity (stems, any language with data: "Version 2.1", "раздел 3.2", "art. 5.1", "iOS 17.2");
#: a zero-width space or joiner before the word (left by the HTML a text was copied from) is a
#: word boundary too ("\u200bРис. 1.1").
_LABEL_BEFORE = re.compile(
    r"(?i)(?:^|[\s(\u200b-\u200d\u2060\ufeff])(?:v|ver|vers\w*|верси\w*|wersj\w*|release|update|build|patch|firmware|"
    r"kap\w*|chap\w*|cap[íi]t\w*|глав\w*|rozdzia\w*|section|secci\w*|sec[çz]\w*|abschn\w*|"
    r"раздел\w*|розділ\w*|пункт\w*|п|подпункт\w*|art|artic\w*|artí\w*|arti[gk]\w*|стат\w*|"
    r"§+|no|nr|n[°º]|№|#|abb|fig\w*|рис\w*|tab\w*|табл\w*|anexo|annex\w*|anhang|"
    r"paragra\w*|параграф\w*|schritt|step|étape|paso|шаг\w*|level|stufe|niveau|nivel|уров\w*|"
    r"ipv|tls|ssl|http|usb|bluetooth|wi-?fi|gpt|python|java|php|ios|android|windows|macos|linux)"
    r"\.?\s*$")
#: Words before a dotted number that make it a clock time (Polish ``godz. 7.30``, Danish and
#: Swedish ``kl. 7.30``, Finnish ``klo 7.30``, Italian ``ore 7.30``, Romanian ``ora 7.30``,
#: Estonian ``kell 7.30``, Latvian ``plkst. 7.30``, Indonesian and Malay ``pukul 7.30``, ``jam
#: 7.30``, Slovenian ``ob 7.30``, Ukrainian ``о 7.30``, ``об 11.30``, Greek ``στις 7.30``): a
#: word that means "at" before a number only in a time (the H.MM shape is required besides).
_HOUR_BEFORE = re.compile(r"(?i)(?:^|[\s(])(?:godz\w*|kl|klo|kello|ore|ora|saat|hod\w*|óra|órakor|"
                          r"kell|plkst|pukul|jam|ob|о|об|στις|ώρα)\.?\s*$")
#: A second clock time after a dash: ``7.30–15.30`` is a time range.
_TIME_RANGE_AFTER = re.compile(r"\s?[–—-]\s?(?:[01]?\d|2[0-4])[.:][0-5]\d(?!\d)")
#: Words after a dotted number that make it a clock time (``18.30 Uhr``, ``18.30 ч.``).
_HOUR_AFTER = re.compile(r"\s*(?:Uhr|h|hrs?|ч|час\w*|heures?|horas?|ore|uur|saat|godz\w*|hod\w*|"
                         r"година\w*|год\.|a\.\s?m|p\.\s?m|am|pm)\b", re.IGNORECASE)
#: Words after an H.MM number that make it a clock time, where they may also follow an amount of
#: hours ("2.5 sata" is a decimal): Hungarian ``7.30-kor``, ``7.30 órakor``, Lithuanian ``7.30
#: val.``, Croatian, Serbian and Bosnian ``7.30 sati``, Slovenian ``7.30 uri``, Indonesian time
#: zones ``7.30 WIB``, Greek ``7.30 π.μ.``.
_CLOCK_AFTER = re.compile(r"(?:-kor|\s?(?:órakor|val|sat[ai]|ur[ei]|WIB|WITA|WIT|π\.\s?μ|μ\.\s?μ))"
                          r"(?!\w)")
_PERCENT_AFTER = re.compile(r"\s?[%‰]")


def _number_norms(ctx: CheckContext) -> tuple[str, str] | None:
    decimal = ctx.data.get("numbers", "decimal")
    group = ctx.data.get("numbers", "group")
    if decimal not in (".", ",") or not isinstance(group, str):
        return None
    return decimal, group


def _label_before(text: str, start: int, named: bool = True) -> bool:
    """Is the number at ``start`` a label: after a version, section or product word, or (with
    ``named``) after a capitalised word that is not a sentence's first (``Windows 10.1``,
    ``Kapitel 3.2``)?"""
    before = text[max(0, start - 24) : start]
    if _LABEL_BEFORE.search(before):
        return True
    words = before.split()
    if not words:
        return False
    word = words[-1]
    if named and word[:1].isupper() and len(words) > 1 and words[-2][-1:] not in ".!?:" and not any(
            unicodedata.category(c) == "Sc" for c in word):
        return True  # (a currency, "R$ 1,2 billion", "US$ 3.5 bn", is no label)
    return any(c.isdigit() for c in word)


#: TQ308's gate, ``\d[.,]\d`` written to start with the separator (the regex engine skips to
#: candidate characters in a tight loop; a digit class costs a category lookup at each
#: character): twice as fast, and it opens the same segments (the match is inside one).
_NUMBER_GATE = r"[.,](?<=\d[.,])(?=\d)"


#: ``1,200`` and ``1,200,000``: comma groups of three, in a language whose decimal is a comma.
_COMMA_GROUPS = re.compile(rf"(?<![{_ALNUM}.,/:-])\d{{1,3}}(?:,\d{{3}})+(?![{_ALNUM}]|[.,:/-]\d)")
#: ``25%`` where the language writes the sign first (Turkish ``%25``).
_PERCENT_LAST = re.compile(rf"(?<![{_ALNUM}.,%])(\d+(?:[.,]\d+)?)\s?%")
#: A date month first (``03/15/2024``): the second number is over 12, so it is the day.
_MONTH_FIRST = re.compile(r"(?<![\d/.-])(0?[1-9]|1[0-2])/(1[3-9]|2\d|3[01])/(\d{2}|\d{4})(?![\d/])")
#: A 12-hour clock time (``3:30 p.m.``, ``11 AM``).
_TWELVE_HOUR = re.compile(r"(?<![\d:.])(1[0-2]|0?[1-9])(?::([0-5]\d))?\s?([AaPp])\.?\s?[Mm]\.?(?!\w)")


#: A number in the full format of a language with a decimal comma, in a language with a
#: decimal point: dot or space groups and a decimal comma (``R$ 1.250,00``, ``66 000,00 zł``),
#: or a round price with a dash for its cents (``€ 500,-``).
_COMMA_DECIMAL_FORMAT = re.compile(
    rf"(?<![{_ALNUM}.,/:-])\d{{1,3}}(?:(?:\.\d{{3}})+|(?:[ \u00a0\u202f]\d{{3}})+),\d{{1,2}}"
    rf"(?![{_ALNUM}]|[.,:/-]\d)|(?<![{_ALNUM}.,/:-])\d{{1,9}},[-–](?![\w-])")
#: The full format of a language with a decimal point, in a language with a decimal comma:
#: comma groups and a decimal point (``1,250.00``).
_POINT_DECIMAL_FORMAT = re.compile(
    rf"(?<![{_ALNUM}.,/:-])\d{{1,3}}(?:,\d{{3}})+\.\d{{1,2}}(?![{_ALNUM}]|[.,:/-]\d)")
#: Thousands grouped with spaces before or after a currency (``1 290 Kč``, ``€ 12 500``), in a
#: language that groups with commas.
_CURRENCIES = (r"(?:Kč|zł|Ft|kr|€|₽|₴|₺|руб\.?|грн\.?|lei|лв\.?"
               r"|CHF|PLN|CZK|HUF|SEK|NOK|DKK|EUR|RUB|UAH|TRY|RON|BGN)")
_SPACE_GROUPS_MONEY = re.compile(
    rf"(?<![{_ALNUM}.,/:-])(\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+)(?![{_ALNUM}]|[.,:/-]\d)"
    rf"[ \u00a0]?{_CURRENCIES}(?!\w)|(?<!\w){_CURRENCIES}[ \u00a0]"
    rf"(\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+)(?![{_ALNUM}]|[.,:/-]\d)")


def _other_formats(text: str, ctx: CheckContext, decimal: str, group: str) -> Iterator[Hit]:
    """Numbers in the whole format of a language with the other decimal mark: ``1.250,00`` and
    ``66 000,00`` and ``500,-`` where the target writes ``1,250.00``; ``1,250.00`` where it writes
    ``1.250,00`` or ``1 250,00``; thousands grouped with spaces next to a currency where it groups
    with commas (info: some style guides space them)."""
    name = ctx.data.name
    if decimal == ".":
        for m in _COMMA_DECIMAL_FORMAT.finditer(text):
            number = m.group()
            if number.endswith(("-", "–")):
                yield Hit(m.start(), m.end(), f"a price written '{number}' (the cents as a dash, "
                          f"a German or Dutch style) in {name} text",
                          suggestion=number[:-2])
                continue
            whole, frac = number.rsplit(",", 1)
            digits = whole.replace(".", "").replace(" ", "").replace("\u00a0", "").replace(
                "\u202f", "")
            yield Hit(m.start(), m.end(), f"number in the format of a language with a decimal "
                      f"comma ('{number}') in {name} text, which writes a decimal point",
                      suggestion=f"{int(digits):,}.{frac}".replace(",", group))
        if group == ",":
            for m in _SPACE_GROUPS_MONEY.finditer(text):
                g = 1 if m.group(1) else 2
                number = m.group(g)
                digits = re.sub(r"\D", "", number)
                yield Hit(m.start(g), m.end(g), f"thousands grouped with spaces ('{number}') "
                          f"in {name} text, which groups with ','",
                          suggestion=f"{int(digits):,}", severity=Severity.INFO)
    elif "," in text:
        for m in _POINT_DECIMAL_FORMAT.finditer(text):
            number = m.group()
            whole, frac = number.rsplit(".", 1)
            sep = group if group.strip() else "\u00a0"
            yield Hit(m.start(), m.end(), f"number in the format of a language with a decimal "
                      f"point ('{number}') in {name} text, which writes a decimal comma",
                      suggestion=whole.replace(",", sep) + "," + frac)


def _number_gate(ctx: CheckContext) -> Gate:
    """The characters TQ308 reads in this target: separators between digits always; a digit and
    ``%`` where the sign goes first; a slash date and a 12-hour time where the target's data says
    so (``percent_first``, ``day_first``, ``clock = 24``)."""
    return _number_gate_of(ctx.data.lang in _CJK_LANGS, ctx.data.get("numbers", "decimal"),
                           ctx.data.get("numbers", "group"),
                           bool(ctx.data.get("numbers", "percent_first")),
                           bool(ctx.data.get("numbers", "day_first")),
                           ctx.data.get("numbers", "clock") == 24)


@cache
def _number_gate_of(cjk: bool, decimal: object, group: object, percent_first: bool,
                    day_first: bool, clock_24: bool) -> Gate:
    """:func:`_number_gate` for one target's number data.  Each part is a regex of its own that
    starts with a character or a class (a fast scan of the chunk; an alternation of parts with
    different first characters is tried at every character)."""
    # The separators, and the tilde of a range where the target does not write ranges with it.
    first = _NUMBER_GATE if cjk else _NUMBER_OR_TILDE_GATE
    parts = []
    if decimal == ".":
        # "500,-", and where the language groups with commas, "1 290 Kč": then all three
        # after a digit, as the separators are, so one scan for digits finds them (a scan
        # for the spaces of "1 290" stops at every space).  A match is inside one segment:
        # the same segments open.
        if group == ",":
            separators = r"[.,](?=\d)" if cjk else _NUMBER_OR_TILDE_AFTER_DIGIT
            clock = r"|\s?[AaPp]\.?\s?[Mm]" if clock_24 else ""  # (then not searched again)
            first = rf"\d(?:{separators}|,[-–]|[ \u00a0\u202f]\d{{3}}(?!\d){clock})"
            clock_24 = False
        else:
            parts.append(r",(?<=\d,)[-–]")
    if percent_first:
        parts.append(r"\d\s?%")
    if day_first:
        parts.append(r"/(?<=\d/)\d")
    if clock_24:
        parts.append(r"\d\s?[AaPp]\.?\s?[Mm]")
    return Gate(re.compile(first), more=tuple(re.compile(p) for p in parts))


@register("TQ308", "number-format", Severity.WARNING, scope="segment", gate=_number_gate)
def find_number_format(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A number written with the decimal or group separator of another language.

    What it does:
        Reads the target language's decimal and group separators from its language data (from
        the Unicode CLDR) and flags a number written the other way: a decimal point where the
        target writes a decimal comma (``18.4 Prozent``, ``15.5 процента``), a decimal comma where
        it writes a point (``12,5 tons``), dot groups where it groups with commas or spaces
        (``1.500.000 people``), comma groups where it writes a decimal comma (``1,200,000
        Einwohner``; one group, ``1,200``, as info: it may be a decimal), and where its data says
        so a percent sign after the number (Turkish writes ``%25``), a month-first date
        (``03/15/2024``: the second number is over 12) and a 12-hour time (``3:30 p.m.``);
        a number in the whole format of the other decimal convention (``R$ 1.250,00``,
        ``66 000,00 zł``, a price ``€ 500,-`` in English; ``1,250.00`` in German), and, as info,
        thousands grouped with spaces next to a currency where the target groups with commas
        (``1 290 Kč`` in English);
        outside Chinese, Japanese and Korean, a range written with a tilde (``10~20``) in a
        segment the other tests read (the gate stays theirs: a search for ``~`` cost 1%).  A
        dotted number after a version, section, figure or product word
        (``Version 2.1``, ``Рис. 1.1``, ``Windows 10.1``; a zero-width space before the word
        is a boundary too), a clock time (``18.30 Uhr``), a day and month with a final full
        stop (``am 16.3.``) and numbers with more
        than one separator (dates, versions, addresses) are left alone; a number that could be a
        time (``9.30``) is reported as info; so is a number a translation unit copies from its
        source as it stands (``Format: 3.0``: a version or code in software text).

        Languages without a data file take their separators from the CLDR
        (``number_norms.toml``: Romanian, Finnish, Swedish …).  A time of day written with a dot
        (``godz. 7.30–15.30``, ``klo 9.30``, ``pukul 14.30 WIB``, ``14.30-kor``: an hour word
        before or after it) is no decimal.  Outside Chinese, Japanese and
        Korean, a range written with a tilde (``10~20 December``) is flagged too.  Findings by
        the norms of a language without a data file are info.

    Why it matters:
        MT copies the source's number format; a reader takes ``1.500`` for one and a half in
        English and for fifteen hundred in German, so the wrong separator changes the value.

    Example:
        ``The rate reached 8,4% in March.`` (English) → flags ``8,4``, suggests ``8.4``.
    """
    yield from _unreviewed(_number_format(segment, ctx), ctx)


def _unreviewed(hits: Iterator[Hit], ctx: CheckContext) -> Iterator[Hit]:
    """Findings by the norms of a language without a data file (the CLDR's separators, the
    quotation marks of ``quote_norms.toml``) are info: nobody read them against that language's
    text here, and its writers online often use other marks."""
    if ctx.data.known:
        yield from hits
        return
    for hit in hits:
        yield dataclasses.replace(hit, severity=Severity.INFO,
                                  message=hit.message + " (norm of a language without data)")


def _number_format(segment: Segment, ctx: CheckContext) -> Iterator[Hit]:
    text = segment.text
    yield from _dates_times_percents(segment, ctx)
    yield from _tilde_ranges(segment, ctx)
    norms = _number_norms(ctx)
    if norms is None:
        return
    decimal, group = norms
    other = list(_other_formats(text, ctx, decimal, group))
    yield from (_as_in_unit(segment, h) for h in other)
    if decimal == ".":
        for m in _COMMA_NUMBER.finditer(text):
            if any(h.start <= m.start() < h.end for h in other):
                continue
            if _label_before(text, m.start()) or text[m.start() - 1 : m.start()] == "(":
                continue
            yield _as_in_unit(segment, Hit(
                m.start(), m.end(),
                f"decimal comma in {ctx.data.name} text, which writes a decimal point",
                suggestion=f"{m.group(1)}.{m.group(2)}"))
        if group == ",":
            for m in _DOT_GROUPS.finditer(text):
                number = m.group()
                groups = number.count(".")
                if groups == 1 and not number.endswith("00"):
                    continue  # "2.125 inches": a decimal as likely as a group
                yield _as_in_unit(segment, Hit(
                    m.start(), m.end(),
                    f"'.' as group separator in {ctx.data.name} text, which groups with ','",
                    suggestion=number.replace(".", ","),
                    severity=None if groups > 1 else Severity.INFO))
        return
    for m in _DOT_NUMBER.finditer(text):
        whole, frac = m.group(1), m.group(2)
        if len(frac) == 3 and group == ".":
            continue  # the target's own group separator: 1.500 = fifteen hundred
        if _label_before(text, m.start()) or _HOUR_AFTER.match(text, m.end()):
            continue
        if (len(frac) <= 2 and 1 <= int(whole) <= 31 and 1 <= int(frac) <= 12
                and text[m.end():m.end() + 1] == "."):
            continue  # "ab 12.5. lieferbar", "в пятницу 8.4.": a day and a month, a date
        severity = None
        if len(frac) == 2 and int(whole) <= 24 and int(frac) < 60 and not _PERCENT_AFTER.match(
                text, m.end()):
            if _clock_time(text, m.start(), m.end()):
                continue  # "godz. 7.30–15.30", "klo 9.30": a time of day, written with a dot
            severity = Severity.INFO  # "9.30" may be a clock time
        if len(frac) == 3:
            what = "'.' as decimal or group separator"
            suggestion = f"{whole},{frac} or {whole}{group if group.strip() else chr(0xA0)}{frac}"
        else:
            what, suggestion = "decimal point", f"{whole},{frac}"
        yield _as_in_unit(segment, Hit(
            m.start(), m.end(), f"{what} in {ctx.data.name} text, which writes a decimal comma",
            suggestion=suggestion, severity=severity))
    if "," in text:
        for m in _COMMA_GROUPS.finditer(text):
            number = m.group()
            # Comma groups label no version or product ("Windows 1,200" is none), and a German
            # noun before a number ("des Ministeriums 120,000") is no product name.
            if _label_before(text, m.start(), named=False):
                continue
            groups = number.count(",")
            sep = group if group.strip() else "\u00a0"
            # One group may be a decimal with three places (1,200 kg); two are groups for sure.
            yield _as_in_unit(segment, Hit(
                m.start(), m.end(), f"',' as group separator in {ctx.data.name} text, which "
                f"writes ',' as its decimal comma" + ("" if groups > 1 else
                                                      " (or a decimal with three places?)"),
                suggestion=number.replace(",", sep),
                severity=None if groups > 1 else Severity.INFO))


def _clock_time(text: str, start: int, end: int) -> bool:
    """Whether the H.MM number at ``text[start:end]`` is a time of day: after an hour word
    (``godz.``, ``kl.``, ``klo``, ``kell``, ``pukul``) or before one (``-kor``, ``val.``,
    ``WIB``), or in a range with a second time (``7.30–15.30``,
    or the second of one)."""
    if (_HOUR_BEFORE.search(text, max(0, start - 12), start) or _TIME_RANGE_AFTER.match(text, end)
            or _CLOCK_AFTER.match(text, end)):
        return True
    before = text[max(0, start - 7):start]
    return re.search(r"(?:[01]?\d|2[0-4])[.:][0-5]\d\s?[–—-]\s?$", before) is not None


_NUMBER_OR_TILDE_GATE = r"[.,~～〜](?<=\d[.,~～〜])(?=\s?\d)"
#: The same after the digit before it (the part of TQ308's gate for a language with a decimal
#: point, which searches for a digit first).
_NUMBER_OR_TILDE_AFTER_DIGIT = r"[.,~～〜](?=\s?\d)"
#: ``10~20``: a range written with a tilde between two numbers.
_TILDE_RANGE = re.compile(
    r"(?<![\w.,])(\d(?:[\d.,:]*\d)?)\s?[~～〜]\s?(\d(?:[\d.,:]*\d)?)(?![\w~]|[.,:]\d)")


def _tilde_ranges(segment: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A range written with a tilde (Chinese, Japanese and Korean style) in another target."""
    if ctx.data.lang in _CJK_LANGS:
        return
    text = segment.text
    if "~" not in text and "～" not in text and "〜" not in text:
        return
    for m in _TILDE_RANGE.finditer(text):
        yield _as_in_unit(segment, Hit(
            m.start(), m.end(), f"range written with a tilde in {ctx.data.name} text: '{m.group()}' "
            "(the Chinese, Japanese and Korean way)", suggestion=f"{m.group(1)}–{m.group(2)}"))


def _dates_times_percents(segment: Segment, ctx: CheckContext) -> Iterator[Hit]:
    """A percent sign after the number where the target writes it first, a month-first date where
    it writes the day first, a 12-hour time where it uses the 24-hour clock."""
    text = segment.text
    name = ctx.data.name
    if ctx.data.get("numbers", "percent_first") and "%" in text:
        for m in _PERCENT_LAST.finditer(text):
            yield _as_in_unit(segment, Hit(
                m.start(), m.end(), f"percent sign after the number in {name} text, which "
                f"writes it first", suggestion=f"%{m.group(1)}"))
    if ctx.data.get("numbers", "day_first") and "/" in text:
        for m in _MONTH_FIRST.finditer(text):
            month, day, year = m.groups()
            yield _as_in_unit(segment, Hit(
                m.start(), m.end(), f"date with the month first in {name} text, which writes "
                "the day first", suggestion=f"{day}.{month.zfill(2)}.{year}"))
    if ctx.data.get("numbers", "clock") == 24:
        for m in _TWELVE_HOUR.finditer(text):
            hour, minute, half = m.groups()
            h = int(hour) % 12 + (12 if half in "Pp" else 0)
            yield _as_in_unit(segment, Hit(
                m.start(), m.end(), f"12-hour time in {name} text, which uses the 24-hour clock",
                suggestion=f"{h}:{minute or '00'}"))


def _as_in_unit(segment: Segment, hit: Hit) -> Hit:
    """A number a translation unit copies from its source as it stands (``Format: 3.0``,
    ``dpkg 1.14``) is mostly a version or an identifier in software text: info.  Prose (a
    ``--source`` line, a corpus record) keeps the finding: MT copies "18.4 percent" the same way."""
    source = segment.source
    if source is None or is_record(segment) or segment.text[hit.start:hit.end] not in source:
        return hit
    return dataclasses.replace(hit, severity=Severity.INFO,
                               message=hit.message + " (as in the source: a version or code?)")


# ------------------------------------------------------------ quotation and inverted marks
_FOREIGN_MARKS = "«»„‹›¿¡"
#: Marks of Chinese, Japanese and Korean text (title marks, corner brackets) and the Devanagari
#: and Bengali danda, which no other target writes: carried over from the source.
_MARKS = re.compile(f"[{_FOREIGN_MARKS}]")
#: A quotation in straight double quotes (not an inch mark after a digit, nor one across lines).
_STRAIGHT_QUOTATION = re.compile(r'(?<![\w"])"(?=\S)([^"\n]{1,300}?)(?<=\S)"(?![\w"])')
#: The same in Chinese and Japanese, whose quotation marks stand between characters without a
#: space: a pair of straight quotes around text holding a Han or kana character.
_STRAIGHT_QUOTATION_CJK = re.compile(
    r'"([^"\n]{0,300}?[\u3040-\u30ff\u4e00-\u9fff][^"\n]{0,300}?)"')
#: Full-width Latin letters and digits (CJK typesetting), outside the languages that use them.
_FULLWIDTH = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+")
_FULLWIDTH_TO_ASCII = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF5B)}
#: Chinese, Japanese and Korean: they write full-width forms, and a range of numbers with a wave
#: or tilde (``10~20``, ``10〜20``).
_CJK_LANGS = frozenset({"zh", "ja", "ko"})
#: A Latin question mark right after a Greek letter (perhaps after a closing quote).
_LATIN_QUESTION_AFTER_GREEK = re.compile("(?<=[\u0370-\u03ff\u1f00-\u1fff])[\"»”]?\\?")
#: A Latin ? , ; right after a letter of the Arabic script (not between digits: 1,5).
_LATIN_AFTER_ARABIC = re.compile("(?<=[\u0620-\u065f\u066e-\u06d3\u06fa-\u06ff])[?,;]")
#: A half-width mark right after a Chinese or Japanese character, not one of a run ("...")
#: nor inside a Latin word or number that follows ("中文.com"): Chinese and Japanese write the
#: full-width marks there (，。？！：；、).
_LATIN_AFTER_CJK = re.compile("(?<=[\u3041-\u30fa\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
                              "(?<![.!?,:;][.!?,:;])[,.?!:;](?![.!?,:;A-Za-z0-9])")
_QUESTION_END = re.compile(r"(?<=[^\W_])[?!](?=[\s\"'”’»)\]]|$)")
_HIGH_PUNCT = re.compile(r"(?<=[^\W_]|[»”\"')\]])([;:!?])(?=[\s\"'“”«]|$)")
_SENTENCE_BOUNDARY = re.compile(r"[.!?…\n]")
#: French guillemets written against their quotation: «mot» for « mot ».
_TIGHT_GUILLEMET = re.compile(r"«(?=[^\W_])|(?<=[^\W_.!?…])»")


def _marks_in_use(ctx: CheckContext) -> frozenset[str]:
    found = ctx.state.get("target_norms.marks")
    if found is None:
        marks: set[str] = set()
        for key in ("primary", "secondary", "tertiary"):
            marks.update(ctx.data.get("quotes", key, default=()))
        for pair in ctx.data.get("quotes", "alternate", default=()):
            marks.update(pair)
        if ctx.data.get("punctuation", "inverted_marks"):
            marks.update("¿¡")
        found = ctx.state["target_norms.marks"] = frozenset(marks)
    return found


#: The double quotation marks whose pairing TQ309 reads (single marks double as apostrophes).
_DOUBLE_MARKS = "“”„«»"
_PAIRED_MARK = re.compile(f"[{_DOUBLE_MARKS}]")
_SPACE_OR_OPEN = frozenset(" \t\n\u00a0\u202f([{—–-/")
_OPENING_AFTER = frozenset("(\"'‘¿¡«„“")


@dataclasses.dataclass(frozen=True)
class _QuoteNorms:
    openers: frozenset[str]
    #: Closers of the primary, secondary and tertiary pairs: right after any opening mark.
    closers: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    #: The pairs that stand only inside a quotation (``nested_only``: French and Russian “…”).
    nested: frozenset[tuple[str, str]]
    #: Pairs in use beside the norm (``tolerated``: Japanese web text's “…”): info anywhere.
    tolerated: frozenset[tuple[str, str]] = frozenset()


def _quote_norms(ctx: CheckContext) -> _QuoteNorms | None:
    """The target's quotation pairs (``[quotes]``: primary, secondary, tertiary, alternate)."""
    key = "target_norms.pairs"
    if key not in ctx.state:
        norms = None
        core = [tuple(ctx.data.get("quotes", k, default=())) for k in
                ("primary", "secondary", "tertiary")]
        core = [p for p in core if len(p) == 2]
        alternate = [tuple(p) for p in ctx.data.get("quotes", "alternate", default=()) if len(p) == 2]
        tolerated = frozenset((str(p[0]), str(p[1])) for p in
                              ctx.data.get("quotes", "tolerated", default=()) if len(p) == 2)
        if core:
            pairs = frozenset((str(a), str(b)) for a, b in [*core, *alternate]) | tolerated
            nested = frozenset(pairs - tolerated - {(str(core[0][0]), str(core[0][1]))}
                               ) if ctx.data.get("quotes", "nested_only") else frozenset()
            norms = _QuoteNorms(frozenset(a for a, _ in pairs), frozenset(str(b) for _, b in core),
                                pairs, nested, tolerated)
        ctx.state[key] = norms
    found: _QuoteNorms | None = ctx.state[key]
    return found


def mark_side(text: str, i: int) -> str:
    """Whether the quotation mark at ``i`` stands where a quotation opens or where one closes
    (``""`` where its spacing does not tell)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    word_after = after.isalnum() or after in _OPENING_AFTER
    if before in _SPACE_OR_OPEN:
        if word_after:
            return "open"
        # Spaced on both sides (French « … »), or a space before and a mark after ("texte »,").
        return {"«": "open", "„": "open", "»": "close"}.get(text[i], "")
    return "" if word_after else "close"


def _misused_quotes(text: str, norms: _QuoteNorms, in_use: frozenset[str]
                    ) -> list[tuple[int, str]]:
    """The double quotation marks of another language's style in one paragraph: an opening
    mark the target never opens with (English “ in German, Polish or Czech), a closer that
    belongs to the target only after another opener (the English ” after “ in German), and,
    where the target writes one pair only inside a quotation (French, Russian “…”), that pair
    at the top level (``"nested"``: info), unless the paragraph closes a quotation it never
    opened (it continues one from the paragraph before), and a ``tolerated`` pair wherever it
    stands (``"tolerated"``: info).  Each mark comes with what it is: ``"an opening mark"`` or
    ``"a closing mark"`` the target does not use there, ``"nested"`` or ``"tolerated"``."""
    stack: list[tuple[int, str]] = []
    found: list[tuple[int, str]] = []
    continued = False
    # Where « » only ever open and close (not the German »…«), their direction is their own,
    # whatever the spacing around them ("par défaut« 0.0.0.0 »sera").
    fixed = ("«", "»") in norms.pairs and ("»", "«") not in norms.pairs
    for m in _PAIRED_MARK.finditer(text):
        i, c = m.start(), m.group()
        if c not in in_use:
            continue  # a mark the target never uses: flagged as such
        side = ("open" if c == "«" else "close") if fixed and c in "«»" else mark_side(text, i)
        if side == "open":
            if c not in norms.openers:
                found.append((i, "an opening mark"))
            stack.append((i, c))
        elif side == "close" and stack:
            j, o = stack.pop()
            if (o, c) in norms.tolerated:
                found += [(j, "tolerated"), (i, "tolerated")]
            elif (o, c) in norms.pairs:
                if not stack and (o, c) in norms.nested:
                    found += [(j, "nested"), (i, "nested")]
            elif c not in norms.closers:
                found.append((i, "a closing mark"))
        elif side == "close":
            continued = True
    return [f for f in found if not (continued and f[1] == "nested")]


def _opened_in_sentence(text: str, end: int, opener: str) -> bool:
    """Is there an ``opener`` (¿ or ¡) between the start of the sentence and ``end``?"""
    start = 0
    for m in _SENTENCE_BOUNDARY.finditer(text, 0, end):
        if m.end() < end:
            start = m.end()
    return opener in text[start:end]


def _french_spacing(ctx: CheckContext) -> frozenset[str]:
    required = frozenset(ctx.data.get("punctuation", "space_before_required", default=()))
    if required and (lang_tag(ctx.settings.language.lang) or "").endswith("-ca"):
        return required & {":"}  # Canadian French spaces only the colon
    return required


def _punctuation_gate(ctx: CheckContext) -> Gate:
    """The characters TQ309 can flag in this target: foreign marks and full-width letters
    always, and the marks its own rules read (straight quotes, ``? !``, ``; : ! ?``, ``? , ;``);
    only non-ASCII ones in most targets (English), whose ASCII text is then not searched."""
    chars = _FOREIGN_MARKS + "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    if ctx.data.get("quotes", "primary", default=("“", "”"))[0] != "“":
        chars += "“”"  # English quotes in a target that writes others
    if ctx.data.get("quotes", "straight_substitute"):
        chars += '"'
    if ctx.data.get("punctuation", "inverted_marks"):
        chars += "?!"
    if ctx.data.get("punctuation", "space_before_required"):
        chars += ";:!?"
    if native := ctx.data.get("punctuation", "native_marks"):
        chars += "".join(re.escape(c) for c in native)
    if ctx.data.lang == "el":
        chars += "?"
    return class_gate(f"[{chars}]")


@register("TQ309", "target-punctuation", Severity.WARNING, scope="segment",
          gate=_punctuation_gate)
def find_target_punctuation(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                            ) -> Iterator[Hit]:
    """Quotation or inverted marks the target language does not use, or one it requires missing.

    What it does:
        Reads the target's quotation marks and punctuation norms from its language data and flags
        guillemets (« » ‹ ›) and low quotes („) in a language that does not use them (« » in
        English), English quotes where the target opens quotations otherwise (the opening “ in
        German, Polish or Czech, and the closing ” after it where the target writes ” only after
        its own opener: German „…”), and, as info, “…” at the top level in French, Russian and
        Ukrainian (``nested_only``: their «…» hold it inside), as info a pair in use beside the
        norm (``tolerated``: “…” in Japanese, whose norm is 「…」), inverted marks (¿ ¡) outside
        Spanish, a Spanish question or exclamation whose ``¿``/``¡`` is missing, full-width
        letters and digits (``２０２３``) and the danda (``।``) outside the languages that
        write them, as info title marks and corner
        brackets there (``《Nature》``, ``「…」``: human translations keep them around titles
        too), and, as info, ``; : ! ?`` without the space French typography puts
        before them, French « » without their inner spaces (``space_inside_guillemets``; not in
        Swiss French ``fr-CH``), quotations in straight quotes where the language's data says
        they stand in for its own marks (``straight_substitute``: German „…“, Russian «…»), as
        info a Latin ``?``, ``,`` or ``;`` after Arabic-script letters where the language writes
        ``؟ ، ؛`` (``native_marks``), a Latin ``?`` after a Greek letter (Greek ends a
        question with ``;``), and as info a half-width ``, . ? ! : ;`` right after a Chinese or
        Japanese character, where those languages write ``，。？！：；`` (``、`` for the Japanese
        comma).  A language without a data file is checked by its quotation marks alone where
        ``quote_norms.toml`` names them (Romanian „…”, Hungarian, Slovak, Bulgarian …), as
        info; others are not checked.

    Why it matters:
        MT carries the source's punctuation over: Russian guillemets and Spanish inverted marks
        left in English, English questions without ``¿`` in Spanish, French without its spaces.

    Example:
        ``the «Shebekino» crossing`` (English) → flags ``«`` and ``»``.
    """
    if not ctx.data.known and not ctx.data.raw:
        return  # (a language without a file may still have norms: quote_norms.toml)
    yield from _unreviewed(_target_punctuation(segment, ctx), ctx)


def _target_punctuation(segment: Segment, ctx: CheckContext) -> Iterator[Hit]:
    text = segment.text
    in_use = _marks_in_use(ctx)
    for m in _MARKS.finditer(text) if ctx.data.get("quotes") else ():
        c = m.group()
        if c in in_use:
            continue
        what = "inverted mark" if c in "¿¡" else "quotation mark"
        yield Hit(m.start(), m.end(), f"{what} '{c}' that {ctx.data.name} does not use")
    norms = _quote_norms(ctx) if any(c in text for c in _DOUBLE_MARKS) else None
    if norms is not None:
        primary = ctx.data.get("quotes", "primary")
        for i, what in _misused_quotes(text, norms, in_use | frozenset("“”")):
            if what == "tolerated":
                yield Hit(i, i + 1, f"'{text[i]}' is in use in {ctx.data.name}, but its quotation "
                          f"marks are {primary[0]}…{primary[1]}", severity=Severity.INFO)
            elif what == "nested":
                yield Hit(i, i + 1, f"'{text[i]}' at the top level: {ctx.data.name} writes "
                          f"{primary[0]}…{primary[1]} there, and '{text[i]}' only inside a quotation",
                          severity=Severity.INFO)
            else:
                yield Hit(i, i + 1, f"'{text[i]}' is not {what} of {ctx.data.name}, which writes "
                          f"{primary[0]}…{primary[1]}")
    if ctx.data.get("punctuation", "inverted_marks"):
        for m in _QUESTION_END.finditer(text):
            opener = "¿" if m.group() == "?" else "¡"
            if not _opened_in_sentence(text, m.start(), opener):
                yield Hit(m.start(), m.end(),
                          f"'{m.group()}' without the opening '{opener}' {ctx.data.name} requires",
                          suggestion=f"{opener}…{m.group()}")
    if '"' in text and ctx.data.get("quotes", "straight_substitute"):
        primary = ctx.data.get("quotes", "primary", default=("“", "”"))
        cjk_quotes = ctx.data.get("script") in ("Han", "Japanese")
        for m in (_STRAIGHT_QUOTATION_CJK if cjk_quotes else _STRAIGHT_QUOTATION).finditer(text):
            yield Hit(m.start(), m.end(),
                      f"straight quotes where {ctx.data.name} writes {primary[0]}…{primary[1]}",
                      suggestion=f"{primary[0]}{m.group(1)}{primary[1]}", severity=Severity.INFO)
    if ctx.data.lang not in _CJK_LANGS:
        for m in _FULLWIDTH.finditer(text):
            plain = m.group().translate(_FULLWIDTH_TO_ASCII)
            yield Hit(m.start(), m.end(), f"full-width characters '{m.group()}' in "
                      f"{ctx.data.name} text", suggestion=plain)
    native = ctx.data.get("punctuation", "native_marks")
    if native:
        # Info, as after Arabic letters: human Chinese and Japanese text online writes the
        # half-width marks too (Tatoeba's zh sentences), though the norm is full width.
        cjk = ctx.data.get("script") in ("Han", "Japanese")
        after = _LATIN_AFTER_CJK if cjk else _LATIN_AFTER_ARABIC
        for m in after.finditer(text):
            mark = native.get(m.group())
            if mark:
                yield Hit(m.start(), m.end(), f"half-width '{m.group()}' in {ctx.data.name} text, "
                          f"which writes '{mark}'" if cjk else f"Latin '{m.group()}' in "
                          f"{ctx.data.name} text, which writes '{mark}'", suggestion=mark,
                          severity=Severity.INFO)
    if ctx.data.lang == "el" and "?" in text:
        # Greek ends a question with ";" (the Greek question mark, U+037E, or the semicolon).
        for m in _LATIN_QUESTION_AFTER_GREEK.finditer(text):
            yield Hit(m.start(), m.end(), "Latin '?' in Greek text, which ends a question with "
                      "';'", suggestion=";")
    if ctx.data.get("punctuation", "space_inside_guillemets") and ("«" in text or "»" in text) \
            and not (lang_tag(ctx.settings.language.lang) or "").endswith("-ch"):
        for m in _TIGHT_GUILLEMET.finditer(text):
            yield Hit(m.start(), m.end(), f"no space inside '{m.group()}' ({ctx.data.name} "
                      "typography puts a narrow no-break space there)",
                      suggestion="«\u202f" if m.group() == "«" else "\u202f»",
                      severity=Severity.INFO)
    required = _french_spacing(ctx)
    if required:
        for m in _HIGH_PUNCT.finditer(text):
            if m.group(1) in required:
                yield Hit(m.start(1), m.end(1),
                          f"no space before '{m.group(1)}' ({ctx.data.name} typography puts a "
                          "narrow no-break space there)", suggestion=f"\u202f{m.group(1)}",
                          severity=Severity.INFO)
