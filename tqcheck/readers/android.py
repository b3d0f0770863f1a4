"""Android ``strings.xml`` resources: ``<string>``, ``<plurals>`` and ``<string-array>`` items.

A resource file holds one language; the source is the default ``values/strings.xml`` beside a
``values-xx/`` folder (found automatically) or the file given with ``--source``, matched by
resource name.  Android's own escapes (``\\'``, ``\\"``, ``\\n``, ``\\uXXXX``) are decoded and its
quoting double quotes dropped, each character keeping its file position.  Resources marked
``translatable="false"`` are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from tqcheck.cldr_plurals import single_number
from tqcheck.config import ReadSettings, read_settings
from tqcheck.errors import InputError
from tqcheck.model import Segment
from tqcheck.readers.positions import Spanned
from tqcheck.readers.xmlsource import XmlSource, local_name

_ESCAPES = {"n": "\n", "t": "\t", "'": "'", '"': '"', "\\": "\\", "@": "@", "?": "?"}
_QUALIFIER = re.compile(r"^values-([a-z]{2,3})(?:-r([A-Z]{2}))?(?:-|$)|^values-b\+([a-z]{2,3})")


def _unescape(text: Spanned) -> Spanned:
    out = Spanned(end=text.end)
    chars, pos = text.chars, text.positions
    i = 0
    in_tag = False
    while i < len(chars):
        ch = chars[i]
        if ch == "<":
            in_tag = True
        elif ch == ">":
            in_tag = False
        if not in_tag and ch == "\\" and i + 1 < len(chars):
            nxt = chars[i + 1]
            if nxt == "u" and i + 5 < len(chars):
                hexa = "".join(chars[i + 2 : i + 6])
                if re.fullmatch(r"[0-9A-Fa-f]{4}", hexa):
                    out.add_char(chr(int(hexa, 16)), *pos[i])
                    i += 6
                    continue
            out.add_char(_ESCAPES.get(nxt, nxt), *pos[i])
            i += 2
            continue
        if not in_tag and ch == '"':
            i += 1
            continue
        out.add_char(ch, *pos[i])
        i += 1
    return out


def lang_of_resource_dir(path: Path) -> str | None:
    m = _QUALIFIER.match(path.parent.name)
    if not m:
        return None
    if m.group(3):
        return m.group(3)
    return m.group(1) + (f"-{m.group(2)}" if m.group(2) else "")


def _entries(doc: XmlSource) -> Iterator[tuple[str, Spanned, Any]]:
    for el in doc.root:
        name = el.get("name") if isinstance(el.tag, str) else None
        if name is None or el.get("translatable") == "false":
            continue
        kind = local_name(el)
        if kind == "string":
            yield name, _unescape(doc.inner(el)), el
        elif kind == "plurals":
            for item in el:
                if local_name(item) == "item":
                    yield f"{name}#{item.get('quantity')}", _unescape(doc.inner(item)), item
        elif kind == "string-array":
            n = 0
            for item in el:
                if local_name(item) == "item":
                    yield f"{name}[{n}]", _unescape(doc.inner(item)), item
                    n += 1


def read_android_texts(path: Path, encoding: str | None = None) -> dict[str, str]:
    doc = XmlSource(path, encoding)
    return {key: text.text for key, text, _ in _entries(doc)}


def read_android_file(
    path: Path, encoding: str | None = None, options: ReadSettings | Mapping[str, Any] | None = None
) -> Iterator[Segment]:
    options = read_settings(options)
    doc = XmlSource(path, encoding)
    if local_name(doc.root) != "resources":
        raise InputError(f"{path}: not an Android resource file (root <{local_name(doc.root)}>)")
    source_path: Path | None = Path(options.source) if options.source else None
    if source_path is None and lang_of_resource_dir(path):
        default = path.parent.parent / "values" / path.name
        if default.is_file():
            source_path = default
    sources = read_android_texts(source_path, encoding) if source_path else {}
    target_lang = lang_of_resource_dir(path)
    plural_sources: dict[str, tuple[str, ...]] = {}
    for key, value in sources.items():
        if "#" in key:
            name = key.split("#")[0]
            plural_sources[name] = (*plural_sources.get(name, ()), value)
    for index, (key, text, el) in enumerate(_entries(doc)):
        line, col = text.start()
        source = sources.get(key) if sources else None
        if sources and source is None:
            source = sources.get(key.split("#")[0] + "#other")
        meta: dict[str, Any] = {"element": local_name(el)}
        if "#" in key:
            # A form of a <plurals>: compared with the source's form of the same CLDR category
            # (else its "other"); any source form may hold the number, and a category that
            # stands for one number alone in the target language may spell it out.
            name, category = key.split("#", 1)
            single = single_number(target_lang, category)
            if not single and single_number("en", category) and f"{name}#other" in sources:
                # Russian "one" is 1, 21, 31 …: the English form for those numbers is "other".
                source = sources[f"{name}#other"]
            meta.update(plural_of=name, plural_category=category,
                        plural_sources=plural_sources.get(name, ()),
                        single_number_form=single)
        yield Segment(
            text.text, line, col, index, kind="unit", source=source,
            source_lang=None,
            target_lang=target_lang, id=key, positions=text.position_tuple(),
            meta=meta,
        )
