"""XLIFF 1.2 and 2.x: one segment per translation unit (1.2) or per ``<segment>`` (2.x).

Inline codes (``<x/>``, ``<g>``, ``<ph>``, ``<pc>``, ``<mrk>`` …) stay in the text verbatim, so the
placeholder and tag checks compare them between source and target.  The unit's state
(``state`` in 1.2, ``state`` of the segment in 2.x), ``approved`` and notes go to ``meta``.  A unit
without a target is read with an empty one; units marked ``translate="no"`` are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from tqcheck.errors import InputError
from tqcheck.model import Segment
from tqcheck.readers.positions import Spanned
from tqcheck.readers.xmlsource import XML_LANG, XmlSource, local_name


def _child(el: Any, name: str) -> Any:
    return next((c for c in el if local_name(c) == name), None)


def _empty_at(doc: XmlSource, el: Any) -> Spanned:
    out = Spanned()
    span = doc.span(el)
    out.end = doc.locate(span.content_start)
    return out


def read_xliff_file(
    path: Path, encoding: str | None = None, options: Mapping[str, Any] | None = None
) -> Iterator[Segment]:
    doc = XmlSource(path, encoding)
    root = doc.root
    if local_name(root) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (root element <{local_name(root)}>)")
    version = root.get("version", "1.2")
    if version.startswith("2"):
        yield from _read_v2(doc)
    else:
        yield from _read_v1(doc)


def _read_v1(doc: XmlSource) -> Iterator[Segment]:
    index = 0
    for file_el in doc.root.iter("{*}file", "file"):
        src_lang = file_el.get("source-language")
        tgt_lang = file_el.get("target-language")
        for unit in file_el.iter("{*}trans-unit", "trans-unit"):
            if unit.get("translate") == "no":
                continue
            source_el = _child(unit, "source")
            if source_el is None:
                continue
            target_el = _child(unit, "target")
            text = doc.inner(target_el) if target_el is not None else _empty_at(doc, unit)
            line, col = text.start()
            notes = tuple((n.text or "").strip() for n in unit if local_name(n) == "note")
            meta = {
                "state": target_el.get("state") if target_el is not None else None,
                "approved": unit.get("approved"),
                "resname": unit.get("resname"),
                "notes": notes,
                "datatype": unit.get("datatype") or file_el.get("datatype"),
            }
            yield Segment(
                text.text, line, col, index, kind="unit", source=doc.inner(source_el).text,
                source_lang=src_lang,
                target_lang=(target_el.get(XML_LANG) if target_el is not None else None)
                or tgt_lang,
                id=unit.get("id") or unit.get("resname"), positions=text.position_tuple(),
                meta=meta,
            )
            index += 1


def _read_v2(doc: XmlSource) -> Iterator[Segment]:
    root = doc.root
    src_lang = root.get("srcLang")
    tgt_lang = root.get("trgLang")
    index = 0
    for unit in root.iter("{*}unit", "unit"):
        if unit.get("translate") == "no":
            continue
        segments = [c for c in unit if local_name(c) == "segment"]
        notes_el = _child(unit, "notes")
        notes = tuple((n.text or "").strip() for n in notes_el) if notes_el is not None else ()
        for n, seg in enumerate(segments):
            source_el = _child(seg, "source")
            if source_el is None:
                continue
            target_el = _child(seg, "target")
            text = doc.inner(target_el) if target_el is not None else _empty_at(doc, seg)
            line, col = text.start()
            ident = unit.get("id") or str(index + 1)
            if len(segments) > 1:
                ident = f"{ident}/{seg.get('id') or n + 1}"
            yield Segment(
                text.text, line, col, index, kind="unit", source=doc.inner(source_el).text,
                source_lang=src_lang, target_lang=tgt_lang, id=ident,
                positions=text.position_tuple(),
                meta={"state": seg.get("state"), "sub_state": seg.get("subState"), "notes": notes},
            )
            index += 1
