"""JSON localization files: flat or nested key–value (i18next), ARB (Flutter) and Chrome
extension ``messages.json``.

Keys of nested objects are joined with dots (``menu.file.open``); arrays of strings get ``[n]``.
ARB metadata (``@key``, ``@@locale``) and Chrome's ``description``/``placeholders`` go to ``meta``.
A JSON file holds one language: the source comes from ``--source en.json`` (the same layout),
matched by key.  The parser is a small position-keeping one, so each character of a value maps to
its line and column through JSON escapes; it refuses nesting deeper than :data:`MAX_DEPTH` and
anything that is not a localization file, with a one-line error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqcheck.config import ReadSettings, read_settings
from tqcheck.errors import InputError
from tqcheck.model import Segment
from tqcheck.readers.decode import read_text
from tqcheck.readers.positions import LineIndex, Spanned

#: Deeper nesting is not a localization file (and a parser's recursion is not for strangers).
MAX_DEPTH = 8

_ESC = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WS = re.compile(r"[ \t\n\r]*")


@dataclass
class JStr:
    value: Spanned


@dataclass
class JObject:
    items: list[tuple[str, Any]] = field(default_factory=list)
    start: int = 0
    end: int = 0
    #: Where each item's key starts (offsets into the text, parallel to ``items``).
    key_starts: list[int] = field(default_factory=list)


class _Parser:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.lines = LineIndex(text)

    def fail(self, pos: int, what: str) -> InputError:
        line, col = self.lines.locate(pos)
        return InputError(f"{self.path}: line {line}, column {col}: {what}")

    def ws(self, pos: int) -> int:
        m = _WS.match(self.text, pos)
        return m.end() if m else pos

    def value(self, pos: int, depth: int) -> tuple[Any, int]:
        if depth > MAX_DEPTH:
            raise self.fail(pos, f"nesting deeper than {MAX_DEPTH} levels: not a localization file")
        pos = self.ws(pos)
        if pos >= len(self.text):
            raise self.fail(pos, "unexpected end of file")
        ch = self.text[pos]
        if ch == "{":
            return self.obj(pos, depth)
        if ch == "[":
            return self.arr(pos, depth)
        if ch == '"':
            s, end = self.string(pos)
            return JStr(s), end
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, pos):
                return val, pos + len(word)
        m = _NUMBER.match(self.text, pos)
        if m:
            return float(m.group()), m.end()
        raise self.fail(pos, f"unexpected {ch!r}")

    def obj(self, pos: int, depth: int) -> tuple[JObject, int]:
        out = JObject(start=pos)
        pos = self.ws(pos + 1)
        if self.text.startswith("}", pos):
            out.end = pos
            return out, pos + 1
        while True:
            pos = self.ws(pos)
            if not self.text.startswith('"', pos):
                raise self.fail(pos, "expected a key in double quotes")
            out.key_starts.append(pos)
            key, pos = self.string(pos)
            pos = self.ws(pos)
            if not self.text.startswith(":", pos):
                raise self.fail(pos, "expected ':'")
            val, pos = self.value(pos + 1, depth + 1)
            out.items.append((key.text, val))
            pos = self.ws(pos)
            if self.text.startswith(",", pos):
                pos += 1
                continue
            if self.text.startswith("}", pos):
                out.end = pos
                return out, pos + 1
            raise self.fail(pos, "expected ',' or '}'")

    def arr(self, pos: int, depth: int) -> tuple[list[Any], int]:
        out: list[Any] = []
        pos = self.ws(pos + 1)
        if self.text.startswith("]", pos):
            return out, pos + 1
        while True:
            val, pos = self.value(pos, depth + 1)
            out.append(val)
            pos = self.ws(pos)
            if self.text.startswith(",", pos):
                pos += 1
                continue
            if self.text.startswith("]", pos):
                return out, pos + 1
            raise self.fail(pos, "expected ',' or ']'")

    def string(self, pos: int) -> tuple[Spanned, int]:
        text = self.text
        out = Spanned()
        i = pos + 1
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == '"':
                out.end = self.lines.locate(i)
                return out, i + 1
            if ch == "\n":
                break
            line, col = self.lines.locate(i)
            if ch == "\\":
                esc = text[i + 1 : i + 2]
                if esc in _ESC:
                    out.add_char(_ESC[esc], line, col)
                    i += 2
                    continue
                if esc == "u" and re.fullmatch(r"[0-9A-Fa-f]{4}", text[i + 2 : i + 6]):
                    code = int(text[i + 2 : i + 6], 16)
                    i += 6
                    if 0xD800 <= code < 0xDC00 and text.startswith("\\u", i):
                        low = int(text[i + 2 : i + 6], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    out.add_char(chr(code), line, col)
                    continue
                raise self.fail(i, f"invalid escape '\\{esc}'")
            out.add_char(ch, line, col)
            i += 1
        raise self.fail(pos, "unterminated string")


@dataclass
class JsonEntry:
    key: str
    text: Spanned
    meta: dict[str, Any]


@dataclass
class JsonCatalogue:
    entries: list[JsonEntry]
    flavour: str  # flat | nested | arb | chrome
    locale: str | None
    end: tuple[int, int]
    #: Units the file holds but that are not text where the format wants text (an ARB value
    #: that is a number): ``(key, (line, column), why)``, reported one by one, not fatal.
    bad: list[tuple[str, tuple[int, int], str]] = field(default_factory=list)


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, JObject):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return "not text"


def _plain(value: Any) -> Any:
    if isinstance(value, JStr):
        return value.value.text
    if isinstance(value, JObject):
        return {k: _plain(v) for k, v in value.items}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def parse_catalogue(path: Path, encoding: str | None = None) -> JsonCatalogue:
    text = read_text(path, encoding)
    parser = _Parser(path, text)
    root, end = parser.value(0, 0)
    if parser.ws(end) != len(text):
        raise parser.fail(parser.ws(end), "text after the JSON value")
    if not isinstance(root, JObject):
        raise InputError(f"{path}: not a localization file (the top level is not an object)")
    entries: list[JsonEntry] = []
    values = dict(root.items)
    is_chrome = bool(root.items) and all(
        isinstance(v, JObject) and any(k == "message" for k, _ in v.items) for _, v in root.items
    )
    is_arb = any(k.startswith("@") for k, _ in root.items)
    locale: str | None = None
    bad: list[tuple[str, tuple[int, int], str]] = []

    def bad_unit(key: str, at: int, why: str) -> None:
        bad.append((key, parser.lines.locate(at), why))

    if is_chrome:
        for (key, val), at in zip(root.items, root.key_starts, strict=True):
            fields = dict(val.items)
            msg = fields["message"]
            if msg is None:
                continue  # null: no translation (as in any JSON file)
            if not isinstance(msg, JStr):
                bad_unit(key, at, f"{key}.message is {_kind(msg)}, not text")
                continue
            meta = {k: _plain(v) for k, v in val.items if k != "message"}
            entries.append(JsonEntry(key, msg.value, meta))
        flavour = "chrome"
    elif is_arb:
        raw_locale = values.get("@@locale")
        locale = _plain(raw_locale) if isinstance(raw_locale, JStr) else None
        for (key, val), at in zip(root.items, root.key_starts, strict=True):
            if key.startswith("@") or val is None:
                continue  # metadata (any value); null is allowed and means "no translation"
            if not isinstance(val, JStr):
                bad_unit(key, at, f"the ARB value of {key!r} is {_kind(val)}, not text")
                continue
            meta_val = values.get(f"@{key}")
            entries.append(JsonEntry(key, val.value, {"arb": _plain(meta_val) if meta_val else {}}))
        flavour = "arb"
    else:
        nested = False

        def walk(prefix: str, value: Any) -> None:
            nonlocal nested
            if isinstance(value, JStr):
                entries.append(JsonEntry(prefix, value.value, {}))
            elif isinstance(value, JObject):
                if prefix:
                    nested = True
                for k, v in value.items:
                    walk(f"{prefix}.{k}" if prefix else k, v)
            elif isinstance(value, list):
                for n, v in enumerate(value):
                    if isinstance(v, list):
                        raise InputError(f"{path}: {prefix}: array inside an array is not a "
                                         "localization value")
                    walk(f"{prefix}[{n}]", v)
            # numbers, booleans and null are not text: skipped

        walk("", root)
        flavour = "nested" if nested else "flat"
    return JsonCatalogue(entries, flavour, locale, parser.lines.locate(root.end), bad)


_LOCALE_NAME = re.compile(r"^(?:app_|intl_|messages_)?([a-z]{2,3}(?:[-_][A-Za-z]{2,4})?)$")


def _lang_from_path(path: Path) -> str | None:
    for name in (path.stem, path.parent.name):
        m = _LOCALE_NAME.match(name)
        if m and name not in {"messages", "translation", "common"}:
            return m.group(1)
    return None


def read_json_texts(path: Path, encoding: str | None = None) -> dict[str, str]:
    return {e.key: e.text.text for e in parse_catalogue(path, encoding).entries}


#: i18next plural suffixes: v4 (``_one``, ``_few`` … CLDR categories), v3 (``key`` and
#: ``key_plural`` in two-form languages) and the numbered forms (``_0`` … ``_5``: the language's
#: categories in CLDR order).
_I18N_CATEGORY = re.compile(r"^(.+)_(zero|one|two|few|many|other)$")
_I18N_PLURAL = re.compile(r"^(.+)_plural$")
_I18N_NUMBERED = re.compile(r"^(.+)_([0-5])$")


def i18next_plurals(keys: list[str], lang: str | None) -> dict[str, tuple[str, str]]:
    """``key → (message name, CLDR category)`` for the keys of an i18next file that are plural
    forms.  A family counts only when the file holds it as one (``_other`` beside ``_one``, two
    numbered forms, ``key`` beside ``key_plural``), so ``step_1`` alone stays a plain key."""
    from tqcheck.cldr_plurals import categories

    present = set(keys)
    forms: dict[str, tuple[str, str]] = {}
    numbered: dict[str, list[tuple[str, int]]] = {}
    for key in keys:
        if m := _I18N_CATEGORY.match(key):
            name = m.group(1)
            if f"{name}_other" in present:
                forms[key] = (name, m.group(2))
        elif m := _I18N_PLURAL.match(key):
            name = m.group(1)
            if name in present:
                forms[key] = (name, "other")
                forms[name] = (name, "one")
        elif m := _I18N_NUMBERED.match(key):
            numbered.setdefault(m.group(1), []).append((key, int(m.group(2))))
    order = categories(lang)
    for name, members in numbered.items():
        if len(members) >= 2:
            for key, n in members:
                if n < len(order):
                    forms[key] = (name, order[n])
    return forms


def read_json_file(
    path: Path, encoding: str | None = None, options: ReadSettings | Mapping[str, Any] | None = None
) -> Iterator[Segment]:
    from tqcheck.cldr_plurals import single_number

    options = read_settings(options)
    cat = parse_catalogue(path, encoding)
    sources: dict[str, str] = {}
    source_lang: str | None = None
    if options.source:
        src_path = Path(options.source)
        src_cat = parse_catalogue(src_path, encoding)
        sources = {e.key: e.text.text for e in src_cat.entries}
        source_lang = src_cat.locale or _lang_from_path(src_path)
    target_lang = cat.locale or _lang_from_path(path)
    # i18next plural forms: each compared with the source's form of the same category (else its
    # "other"), any source form may hold the number, and sibling forms are one message.
    plurals: dict[str, tuple[str, str]] = {}
    source_plurals: dict[str, tuple[str, str]] = {}
    source_forms: dict[str, dict[str, str]] = {}
    if cat.flavour in {"flat", "nested"}:
        plurals = i18next_plurals([e.key for e in cat.entries], target_lang)
        source_plurals = i18next_plurals(list(sources), source_lang or "en")
        for key, (name, category) in source_plurals.items():
            source_forms.setdefault(name, {})[category] = sources[key]
    seen: set[str] = set()
    plural_names = {name for name, _ in plurals.values()}
    index = 0
    for entry in cat.entries:
        seen.add(entry.key)
        line, col = entry.text.start()
        source = sources.get(entry.key) if sources else None
        meta: dict[str, Any] = {**entry.meta, "flavour": cat.flavour}
        if entry.key in plurals:
            name, category = plurals[entry.key]
            forms = source_forms.get(name, {})
            single = single_number(target_lang, category)
            if forms:
                source = forms.get(category) or forms.get("other", source)
                if not single and single_number(source_lang or "en", category) and "other" in forms:
                    source = forms["other"]  # Russian "one" is 1, 21, 31 …: English "other"
            meta.update(plural_of=name, plural_category=category,
                        plural_sources=tuple(forms.values()), single_number_form=single)
        yield Segment(
            entry.text.text, line, col, index, kind="unit",
            source=source, source_lang=source_lang,
            target_lang=target_lang, id=entry.key, positions=entry.text.position_tuple(),
            meta=meta,
        )
        index += 1
    for key, (line, col), why in cat.bad:
        seen.add(key)
        yield Segment("", line, col, index, kind="unit", id=key, target_lang=target_lang,
                      meta={"unreadable": f"{path}:{line}:{col}: {why}: skipped",
                            "flavour": cat.flavour})
        index += 1
    # Keys of the source the translation lacks: empty targets at the end of the top object.  A
    # plural form of the source is not missing when the translation has the message in the
    # forms of its own language (Japanese has "other" only).
    for key, source in sources.items():
        if key not in seen and source_plurals.get(key, ("",))[0] not in plural_names:
            line, col = cat.end
            yield Segment("", line, col, index, kind="unit", source=source, source_lang=source_lang,
                          target_lang=target_lang, id=key, meta={"missing": True,
                                                                  "flavour": cat.flavour})
            index += 1
