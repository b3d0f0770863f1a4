"""What the source–target checks compare: placeholders, markup tags, numbers, URLs, end
punctuation — found with offsets and normalised, so "the same thing" survives translation."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import TYPE_CHECKING, Any

from tqcheck import placeholders
from tqcheck.datapack import builtin_table
from tqcheck.langdata import base_lang
from tqcheck.model import Segment

if TYPE_CHECKING:
    from tqcheck.checks.registry import CheckContext


@cache
def pair_data() -> Mapping[str, Any]:
    return builtin_table("pairs.toml")


Token = placeholders.Token


def find_tokens(text: str, flags: tuple[str, ...] = (),
                syntaxes: frozenset[str] = placeholders.ALWAYS) -> tuple[Token, ...]:
    """Placeholders and markup of ``text`` (see :mod:`tqcheck.placeholders`) in the file's
    ``syntaxes``, narrowed or widened by a PO entry's ``flags`` (``no-c-format`` turns printf
    off)."""
    return placeholders.find_tokens(text, placeholders.syntaxes_for(flags, syntaxes))


def file_syntaxes(ctx: CheckContext) -> frozenset[str]:
    """The placeholder and markup syntaxes of the file being checked (set by the audit)."""
    found = ctx.state.get("syntaxes")
    return found if isinstance(found, frozenset) else placeholders.ALWAYS


def segment_flags(segment: Segment) -> tuple[str, ...]:
    flags = segment.meta.get("flags", ())
    return tuple(flags) if isinstance(flags, (tuple, list)) else ()


def is_record(segment: Segment) -> bool:
    """A corpus record (TSV, JSONL, Parquet, line pairs): a sentence pair of prose cut from its
    document, not a UI string of a translation file."""
    return bool(segment.meta.get("record"))


def is_plural_form(segment: Segment) -> bool:
    """A form of a PO entry with plurals (msgid_plural)."""
    return segment.meta.get("msgid_plural") is not None


_URL = re.compile(r"\b(?:https?|ftp)://[^\s<>\"'»”)]+[^\s<>\"'»”).,;:!?]|\bwww\.[^\s<>\"']+\.[a-z]{2,}\b")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")


def find_urls(text: str) -> list[re.Match[str]]:
    if "://" not in text and "@" not in text and "www." not in text:
        return []
    return [*_URL.finditer(text), *_EMAIL.finditer(text)]


# Digits glued to Latin letters are codes (H1N1, mp3); glued to Arabic or Hebrew clitics (و65,
# ב-10) they are numbers.
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z_.,])(?:\d{1,3}(?:[.,\u00a0\u202f\u066c' ]\d{3})+|\d+)(?:[.,\u066b]\d+)?"
    r"(?=(?:s|st|nd|rd|th)?(?![0-9A-Za-z_]))"
)


class _DigitTable(dict[int, "int | str"]):
    """``str.translate`` table writing every non-ASCII digit as its ASCII digit, filled in per
    character as text shows it (C-speed after the first sight of each character)."""

    def __missing__(self, code: int) -> int | str:
        c = chr(code)
        value: int | str = str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else code
        self[code] = value
        return value


_DIGITS = _DigitTable()


def _ascii_digits(text: str) -> str:
    """Every decimal digit as its ASCII digit (Arabic-Indic, Devanagari, full-width …)."""
    if text.isascii():
        return text
    return text.translate(_DIGITS)


def number_value(token: str, decimal_comma: bool) -> str:
    """A canonical value for a written number: ``1,000.5`` (en), ``1 000,5`` (fr) → ``1000.5``."""
    t = _ascii_digits(token).replace("\u066b", ".").replace("\u066c", ",")
    t = re.sub(r"[\u00a0\u202f ']", "", t)
    if "," in t and "." in t:
        dec = "," if t.rfind(",") > t.rfind(".") else "."
        grp = "." if dec == "," else ","
        t = t.replace(grp, "").replace(dec, ".")
    elif "," in t or "." in t:
        sep = "," if "," in t else "."
        parts = t.split(sep)
        grouped = len(parts) > 2 or (len(parts[-1]) == 3 and parts[0] != "0")
        is_decimal = (sep == "," and decimal_comma) or (sep == "." and not decimal_comma)
        if len(parts) > 2 or (grouped and not is_decimal):
            t = t.replace(sep, "")
        else:
            t = t.replace(sep, ".")
    try:
        return format(Decimal(t).normalize(), "f")
    except InvalidOperation:
        return t


_ANY_DIGIT = re.compile(r"\d")


@cache
def _decimal_comma() -> frozenset[str]:
    return frozenset(pair_data()["numbers"]["decimal_comma"])


def find_numbers(
    text: str, lang: str | None, skip: list[tuple[int, int]]
) -> Iterator[tuple[re.Match[str], str]]:
    """Numbers of ``text`` outside the ``skip`` spans (placeholders, URLs), with their values."""
    if not _ANY_DIGIT.search(text):
        return
    comma = base_lang(lang) in _decimal_comma()
    for m in _NUMBER.finditer(_ascii_digits(text)):
        if any(a <= m.start() < b for a, b in skip):
            continue
        yield m, number_value(m.group().strip(), comma)


#: Sentence-final punctuation by kind; equivalents across scripts.
END_PUNCT = {
    ".": "stop", "。": "stop", "।": "stop", "۔": "stop", "．": "stop", "։": "stop",
    "?": "question", "؟": "question", "？": "question", ";": "semicolon", "！": "exclaim",
    "!": "exclaim", ":": "colon", "：": "colon", "…": "ellipsis", "⋯": "ellipsis",
    ",": "comma", "，": "comma", "、": "comma", "،": "comma", "؛": "semicolon", "；": "semicolon",
}
_CLOSERS = "\"'”’»)]}」』）›"


#: What may follow a sentence's last mark without being punctuation: closing markup tags
#: (``<b>…</b>``), an accelerator written after the label as Chinese and Japanese catalogues do
#: (``アラームを追加…(_L)``), an emoticon (``:)``).
_AFTER_END = re.compile(r"(?:</[A-Za-z][\w:.-]*\s*>|<[A-Za-z][\w:.-]*[^<>]*/>|\s*[(（][_&][^\W_][)）]"
                        r"|\s[:;]-?[()DPp])$")


def end_punctuation(text: str) -> tuple[str | None, int]:
    """The kind of the text's final punctuation (``None``: it ends in a letter) and its index;
    closing tags, a trailing accelerator and an emoticon after it are passed over."""
    stripped = text.rstrip()
    while (after := _AFTER_END.search(stripped)) is not None:
        stripped = stripped[: after.start()].rstrip()
    i = len(stripped) - 1
    # Closing quotes and brackets, and invisible bidi controls after the mark, are passed over.
    while i >= 0 and (stripped[i] in _CLOSERS or unicodedata.category(stripped[i]) == "Cf"
                      or stripped[i].isspace()):
        i -= 1
    if i < 0:
        return None, -1
    if stripped.endswith("...", 0, i + 1):
        return "ellipsis", i - 2
    return END_PUNCT.get(stripped[i]), i


def stem_match(term: str, text: str, lang: str | None) -> bool:
    """Whether ``term`` occurs in ``text``, allowing inflected endings for languages that inflect
    (a stem-and-prefix match) and Arabic clitic prefixes."""
    base = base_lang(lang)
    t = text.casefold()
    term = term.casefold().strip()
    if not term:
        return True
    if base in {"zh", "ja", "ko", "th"}:
        return term in t
    words = re.findall(r"[^\W_]+", t)
    parts = re.findall(r"[^\W_]+", term)
    if not parts:
        return term in t
    inflecting = base in {"ru", "uk", "be", "bg", "pl", "cs", "sk", "sl", "hr", "sr", "de", "fi",
                          "et", "hu", "lt", "lv", "ar", "fa", "he", "tr", "es", "fr", "it", "pt"}

    def word_ok(w: str, p: str) -> bool:
        if w == p:
            return True
        if base == "ar":
            for prefix in ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك"):
                if w.startswith(prefix) and len(w) - len(prefix) >= 2:
                    w2 = w[len(prefix):]
                    if w2 == p or (p.startswith("ال") and w2 == p[2:]):
                        return True
                    if len(p) >= 4 and w2.startswith(p[:-1]):
                        return True
        if not inflecting or len(p) < 4:
            return False
        cut = 2 if len(p) >= 6 else 1
        return w.startswith(p[:-cut]) and len(w) - len(p) <= 4

    n = len(parts)
    return any(
        all(word_ok(words[i + k], parts[k]) for k in range(n)) for i in range(len(words) - n + 1)
    )
