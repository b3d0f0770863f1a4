"""Markdown: the prose of a document, with exact positions.

Code blocks, front matter, HTML blocks and comments, link reference definitions are skipped;
inline code, link targets, images, HTML tags and emphasis markers are masked one-for-one with
:data:`~tqcheck.model.MASK`, and block markers (``#``, ``>``, list bullets) are blanked, so every
offset in a segment still maps to the right line and column of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from tqcheck.model import MASK, Segment
from tqcheck.readers.decode import LineWatch, iter_lines
from tqcheck.suppress import Directive, scan_comments

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^( {0,3}#{1,6})(?:[ \t]+|$)")
_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"^( {0,3}>[ ]?)+")
_LIST = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)")
_LINKDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
_HTML_BLOCK = re.compile(r"^ {0,3}</?[A-Za-z][\w-]*(?:\s[^>]*)?/?>\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")

# Inline constructs, masked in this order.
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>|<[^>\s@]+@[^>\s]+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>|<!--.*?-->")
_LINK_TARGET = re.compile(r"\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\]\[[^\]]*\]")
_LINK_OPEN = re.compile(r"(?<![\\!])\[(?=[^\]]*\](?:\(|\[))")
_EMPHASIS = re.compile(r"(?<![\w\\])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?!\w)")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|<>])")


def _mask(text: str, pattern: re.Pattern[str]) -> str:
    return pattern.sub(lambda m: MASK * len(m.group()), text)


def mask_inline(line: str) -> str:
    """Mask the non-prose parts of one line of Markdown, keeping its length."""
    if not any(c in line for c in "`[]<*_\\!"):
        return line
    for pattern in (_CODE_SPAN, _IMAGE, _AUTOLINK, _HTML_TAG, _LINK_OPEN, _LINK_TARGET):
        line = _mask(line, pattern)
    # The "]" left by a masked link target closes the link text.
    line = re.sub(r"\](?=\ufffc)", MASK, line)
    line = _mask(line, _EMPHASIS)
    return _mask(line, _ESCAPE)


def _blank(line: str, upto: int) -> str:
    return " " * upto + line[upto:]


class _Paragraph:
    __slots__ = ("first", "kind", "lines")

    def __init__(self, first: int, kind: str) -> None:
        self.first = first
        self.kind = kind
        self.lines: list[str] = []


def _finish(par: _Paragraph, index: int) -> Segment | None:
    text = "\n".join(par.lines).rstrip()
    # Leading masks stay: a sentence that starts with inline code ("`tqcheck` runs …") must not
    # look like one that starts in lowercase.
    stripped = text.lstrip(" \t")
    if not stripped.strip(MASK + " \t\n"):
        return None
    col = len(text) - len(stripped) + 1
    return Segment(stripped, par.first, col, index, kind=par.kind)


def markdown_segments(lines: Iterable[str]) -> Iterator[Segment]:
    fence: str | None = None
    in_comment = False
    front: str | None = None
    par: _Paragraph | None = None
    index = 0
    prev_blank = True

    def flush() -> Iterator[Segment]:
        nonlocal par, index
        if par is not None:
            seg = _finish(par, index)
            par = None
            if seg is not None:
                index += 1
                yield seg

    for lineno, raw in enumerate(lines, start=1):
        line = raw.rstrip("\n")
        if lineno == 1 and line.strip() in {"---", "+++"}:
            front = line.strip()
            continue
        if front is not None:
            if line.strip() in {front, "..."}:
                front = None
            continue
        if in_comment:
            if "-->" in line:
                in_comment = False
            continue
        if fence is not None:
            if line.lstrip().startswith(fence):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            yield from flush()
            fence = m.group(1)[0] * 3
            continue
        stripped = line.strip()
        if not stripped:
            yield from flush()
            prev_blank = True
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            yield from flush()
            in_comment = True
            continue
        if (stripped.startswith("<!--") and stripped.endswith("-->")) or _HTML_BLOCK.match(line):
            yield from flush()
            continue
        if prev_blank and par is None and (line.startswith(("    ", "\t"))):
            continue  # indented code block
        prev_blank = False
        if _LINKDEF.match(line):
            yield from flush()
            continue
        if _THEMATIC.match(line) and not (par is not None and _SETEXT.match(line)):
            yield from flush()
            continue
        if par is not None and par.kind == "paragraph" and _SETEXT.match(line):
            par.kind = "heading"
            yield from flush()
            continue
        if _TABLE_SEP.match(line) and "|" in line:
            if par is not None:
                par.kind = "table"
            continue
        q = _QUOTE.match(line)
        if q:
            line = _blank(line, q.end())
            if par is not None and par.kind != "quote":
                yield from flush()
            if par is None:
                par = _Paragraph(lineno, "quote")
        elif par is not None and par.kind == "quote":
            yield from flush()
        h = _HEADING.match(line)
        if h:
            yield from flush()
            body = _HEADING_TAIL.sub(lambda t: " " * len(t.group()), line)
            par = _Paragraph(lineno, "heading")
            par.lines.append(mask_inline(_blank(body, h.end())))
            yield from flush()
            continue
        li = _LIST.match(line)
        if li:
            yield from flush()
            par = _Paragraph(lineno, "list-item")
            line = _blank(line, li.end())
        elif stripped.startswith("|") or (par is not None and par.kind == "table"):
            yield from flush()
            par = _Paragraph(lineno, "table")
            line = line.replace("|", MASK)
        if par is None:
            par = _Paragraph(lineno, "paragraph")
        par.lines.append(mask_inline(line))
        if par.kind == "table":
            yield from flush()
    yield from flush()


def read_markdown_file(path: Path, encoding: str | None = None,
                       directives: list[Directive] | None = None,
                       watch: LineWatch | None = None) -> Iterator[Segment]:
    """Segments of a Markdown file; the suppression comments its lines hold (also those the
    segments skip) go to ``directives`` as they are read, and its lines pass through ``watch``
    (see :func:`read_segments`)."""
    lines = iter_lines(path, encoding) if watch is None else watch(iter_lines(path, encoding))
    return markdown_segments(lines if directives is None else scan_comments(lines, directives))
