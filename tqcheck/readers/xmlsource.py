"""Hardened XML parsing for the XML-based readers, with the file position of every character.

lxml parses with entity resolution, DTD loading and network access off and the huge-tree limits
on; a document that declares entities (the external-entity and "billion laughs" attacks) is refused
before parsing.  Alongside the tree, a small scanner finds each element's content in the file
text, so :meth:`XmlSource.inner` can hand a reader the content of an element — entities decoded,
inline tags kept verbatim as placeholders — with a ``(line, col)`` for every character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqcheck.errors import InputError, MissingExtraError
from tqcheck.readers.decode import check_readable, read_text, sniff_encoding
from tqcheck.readers.positions import LineIndex, Spanned

_TOKEN = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</(?P<end>[^\s>]+)\s*>"
    r"|<(?P<start>[^\s/>!?]+)(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(?P<empty>/?)>",
    re.DOTALL,
)
_REF = re.compile(r"&(?:#(\d+)|#x([0-9A-Fa-f]+)|(lt|gt|amp|quot|apos));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}
_DECL_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")


#: The longest text or attribute value read, in bytes: libxml2's own limit without ``huge_tree``.
MAX_NODE_BYTES = 10_000_000


def refuse_huge_nodes(path: Path, limit: int = MAX_NODE_BYTES) -> None:
    """Refuse, reading the file in blocks (bounded memory), an XML file that holds a run of more
    than ``limit`` bytes without a ``<``: a text, attribute value, comment or CDATA section that
    the parser refuses anyway, but only after the whole file was read and decoded (a 1 GB
    attribute cost 3 GB)."""
    block_size = min(1 << 20, limit)  # a run inside one block is shorter than the limit
    run = 0
    try:
        with path.open("rb") as fh:
            while block := fh.read(block_size):
                first = block.find(b"<")
                if first < 0:
                    run += len(block)
                elif run + first > limit:
                    run += first
                    break
                else:
                    run = len(block) - block.rfind(b"<") - 1
                if run > limit:
                    break
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if run > limit:
        raise InputError(f"{path}: refused: a text or attribute value longer than "
                         f"{limit / 1_000_000:g} MB (the XML parser's limit)")


@dataclass(frozen=True)
class ElementSpan:
    start: int  # offset of "<"
    content_start: int
    content_end: int  # offset of the end tag's "<" (== content_start for an empty element)


class XmlSource:
    """A parsed XML file: the lxml tree, the file text, and the span of every element."""

    def __init__(self, path: Path, encoding: str | None = None) -> None:
        try:
            from lxml import etree
        except ImportError:  # pragma: no cover - lxml is a dependency
            raise MissingExtraError("reading XML formats", "formats") from None
        check_readable(path)
        refuse_huge_nodes(path)
        raw = path.read_bytes()
        codec = sniff_encoding(raw[:8192], path, encoding)
        if encoding is None and codec == "utf-8":
            m = _DECL_ENCODING.match(raw[:200])
            if m:
                codec = m.group(1).decode("ascii")
        self.path = path
        self.text = read_text(path, codec)
        if re.search(r"<!ENTITY", self.text[:1_000_000]):
            raise InputError(f"{path}: XML entity declarations are refused (external entities and "
                             "entity expansion are a security risk)")
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                                 load_dtd=False, dtd_validation=False, remove_blank_text=False)
        try:
            self.root: Any = etree.fromstring(raw, parser)
        except etree.XMLSyntaxError as exc:
            msg = str(exc.msg if hasattr(exc, "msg") else exc).splitlines()[0]
            line = getattr(exc, "lineno", None)
            where = f"line {line}: " if line else ""
            raise InputError(f"{path}: {where}not well-formed XML: {msg}") from None
        except ValueError as exc:
            raise InputError(f"{path}: cannot parse XML: {exc}") from None
        self.lines = LineIndex(self.text)
        self._spans = self._scan()
        elements = list(self.root.iter(etree.Element))
        if len(elements) != len(self._spans):
            raise InputError(f"{path}: could not locate elements in the file text")
        self._index = {id(el): i for i, el in enumerate(elements)}
        self._keep = elements  # keep proxies alive so id() stays unique

    def _scan(self) -> list[ElementSpan]:
        spans: list[ElementSpan | None] = []
        stack: list[tuple[int, int, int]] = []  # (index in spans, start, content_start)
        for m in _TOKEN.finditer(self.text):
            if m.group("start"):
                if m.group("empty"):
                    spans.append(ElementSpan(m.start(), m.end(), m.end()))
                else:
                    stack.append((len(spans), m.start(), m.end()))
                    spans.append(None)
            elif m.group("end"):
                if not stack:
                    raise InputError(f"{self.path}: unbalanced end tag")
                i, start, cstart = stack.pop()
                spans[i] = ElementSpan(start, cstart, m.start())
        if stack or any(s is None for s in spans):
            raise InputError(f"{self.path}: unbalanced tags")
        return [s for s in spans if s is not None]

    def span(self, element: Any) -> ElementSpan:
        return self._spans[self._index[id(element)]]

    def locate(self, offset: int) -> tuple[int, int]:
        return self.lines.locate(offset)

    def inner(self, element: Any) -> Spanned:
        """The content of ``element``: text with entities decoded, CDATA as is, comments and
        processing instructions dropped, child elements kept verbatim (as placeholders)."""
        span = self.span(element)
        out = Spanned()
        text = self.text
        pos = span.content_start
        end = span.content_end
        depth = 0
        for m in _TOKEN.finditer(text, pos, end):
            self._add_text(out, pos, m.start(), decode=depth == 0)
            tok = m.group()
            if tok.startswith("<![CDATA["):
                self._add_raw(out, m.start() + 9, m.end() - 3)
            elif tok.startswith(("<!--", "<?")):
                pass
            else:
                self._add_raw(out, m.start(), m.end())
                if m.group("start") and not m.group("empty"):
                    depth += 1
                elif m.group("end"):
                    depth -= 1
            pos = m.end()
        self._add_text(out, pos, end, decode=depth == 0)
        out.end = self.locate(end)
        return out

    def start_of(self, element: Any) -> tuple[int, int]:
        return self.locate(self.span(element).start)

    def _add_raw(self, out: Spanned, a: int, b: int) -> None:
        if a < b:
            line, col = self.locate(a)
            out.add(self.text[a:b], line, col)

    def _add_text(self, out: Spanned, a: int, b: int, decode: bool) -> None:
        if not decode:
            self._add_raw(out, a, b)
            return
        text = self.text
        while a < b:
            amp = text.find("&", a, b)
            if amp < 0:
                self._add_raw(out, a, b)
                return
            self._add_raw(out, a, amp)
            m = _REF.match(text, amp, b)
            line, col = self.locate(amp)
            if not m:
                out.add_char("&", line, col)
                a = amp + 1
                continue
            if m.group(1):
                ch = chr(int(m.group(1)))
            elif m.group(2):
                ch = chr(int(m.group(2), 16))
            else:
                ch = _NAMED[m.group(3)]
            out.add_char(ch, line, col)
            a = m.end()


def local_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(element: Any) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
