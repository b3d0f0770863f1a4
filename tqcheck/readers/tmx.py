"""TMX 1.4 translation memories: one segment per translation unit, for one language pair.

The pair is the header's ``srclang`` and the first other language of the first unit that has one,
unless the option ``tmx_langs`` (``"en,ar"`` or a pair) names it; units without the target
language are skipped.  Inline tags (``<ph>``, ``<bpt>`` …) stay in the text as placeholders.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from tqcheck.config import ReadSettings, read_settings
from tqcheck.errors import InputError
from tqcheck.langdata import base_lang, lang_tag
from tqcheck.model import Segment
from tqcheck.readers.xmlsource import XML_LANG, XmlSource, local_name


def _pair(value: Any) -> tuple[str, str] | None:
    if not value:
        return None
    parts: Sequence[str] = value.split(",") if isinstance(value, str) else list(value)
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) != 2:
        raise InputError(f"--tmx-langs takes two languages, source and target: {value!r}")
    return parts[0], parts[1]


def _same_lang(a: str, b: str) -> bool:
    a, b = lang_tag(a) or "", lang_tag(b) or ""
    return a == b or (("-" not in a or "-" not in b) and base_lang(a) == base_lang(b))


def read_tmx_file(
    path: Path, encoding: str | None = None, options: ReadSettings | Mapping[str, Any] | None = None
) -> Iterator[Segment]:
    options = read_settings(options)
    doc = XmlSource(path, encoding)
    root = doc.root
    if local_name(root) != "tmx":
        raise InputError(f"{path}: not a TMX file (root element <{local_name(root)}>)")
    header = next((el for el in root if local_name(el) == "header"), None)
    chosen = _pair(options.tmx_langs)
    src = chosen[0] if chosen else None
    tgt = chosen[1] if chosen else None
    if src is None and header is not None:
        declared = header.get("srclang")
        if declared and declared != "*all*":
            src = declared
    body = next((el for el in root if local_name(el) == "body"), None)
    if body is None:
        return
    index = 0
    for tu in body.iter("{*}tu", "tu"):
        variants: list[tuple[str, Any]] = []
        for tuv in tu:
            if local_name(tuv) != "tuv":
                continue
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = next((el for el in tuv if local_name(el) == "seg"), None)
            if seg is not None:
                variants.append((lang, seg))
        if not variants:
            continue
        if src is None:
            src = variants[0][0]
        if tgt is None:
            tgt = next((lang for lang, _ in variants if not _same_lang(lang, src)), None)
        source_seg = next((seg for lang, seg in variants if _same_lang(lang, src)), None)
        target = next(
            ((lang, seg) for lang, seg in variants if tgt and _same_lang(lang, tgt)), None
        )
        if target is None or source_seg is None:
            continue
        tgt_lang, target_seg = target
        text = doc.inner(target_seg)
        line, col = text.start()
        source_text = doc.inner(source_seg).text
        props = {p.get("type", ""): (p.text or "") for p in tu if local_name(p) in {"prop", "note"}}
        yield Segment(
            text.text, line, col, index, kind="unit", source=source_text,
            source_lang=src, target_lang=tgt_lang, id=tu.get("tuid") or str(index + 1),
            positions=text.position_tuple(), meta={"props": props},
        )
        index += 1
