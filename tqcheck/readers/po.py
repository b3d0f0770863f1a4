"""gettext PO/POT catalogues: one segment per translation (one per plural form).

A strict, position-keeping parser: every character of a ``msgstr`` maps to its line and column in
the file, through escapes (``\\n``, ``\\"``, octal, hex) and strings continued over several lines,
so findings point into the catalogue.  It refuses what ``msgfmt`` refuses (an unterminated string,
an unknown escape, text outside a string) with a one-line :class:`~tqcheck.errors.InputError`.
polib, the usual Python library, accepts an unterminated string silently and keeps no columns; the
tests use it as an independent oracle for the decoded strings.

Fuzzy and obsolete entries are skipped unless the options ``include_fuzzy`` / ``include_obsolete``
are set; untranslated entries are read (with an empty target) so the empty-translation check can
report them.
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
from tqcheck.readers.plurals import single_number_forms
from tqcheck.readers.positions import Spanned
from tqcheck.suppress import Directive, codes_from_flags

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "a": "\a", "b": "\b",
            "f": "\f", "v": "\v", "'": "'", "?": "?"}
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]+(?=\")")
_CREDITS = frozenset({"translator-credits", "translator_credits", "TRANSLATOR-CREDITS"})
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:-]+)")


@dataclass
class PoEntry:
    """One catalogue entry as written in the file."""

    line: int
    msgid: Spanned = field(default_factory=Spanned)
    msgctxt: Spanned | None = None
    msgid_plural: Spanned | None = None
    msgstr: dict[int, Spanned] = field(default_factory=dict)
    flags: list[str] = field(default_factory=list)
    translator_comments: list[str] = field(default_factory=list)
    extracted_comments: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    previous: list[str] = field(default_factory=list)
    obsolete: bool = False

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    @property
    def is_header(self) -> bool:
        return self.msgid.text == "" and self.msgctxt is None and not self.obsolete

    @property
    def untranslated(self) -> bool:
        """``msgfmt``'s test: the first (or only) msgstr is empty."""
        first = self.msgstr.get(0)
        return first is None or first.text == ""

    @property
    def key(self) -> str:
        """msgctxt and msgid joined the way gettext does (``ctx\\x04id``)."""
        ctx = self.msgctxt.text if self.msgctxt is not None else None
        return self.msgid.text if ctx is None else f"{ctx}\x04{self.msgid.text}"


_PLAIN = re.compile(r'[^"\\]+')


def _parse_string(
    line: str, start: int, lineno: int, path: Path, out: Spanned, shift: int = 0
) -> None:
    """Decode the quoted string at ``line[start]`` (a ``"``) onto ``out``; ``shift`` is added to
    every column (for the ``#~ `` prefix of obsolete entries)."""
    i = start + 1
    n = len(line)
    while i < n:
        m = _PLAIN.match(line, i)
        if m:
            out.add_run(m.group(), lineno, i + 1 + shift)
            i = m.end()
            continue
        ch = line[i]
        if ch == '"':
            rest = line[i + 1 :].strip()
            if rest:
                raise InputError(
                    f"{path}: line {lineno}: text after the closing quote: {rest[:20]!r}"
                )
            out.end = (lineno, i + 1 + shift)
            return
        # a backslash
        if i + 1 >= n:
            break
        esc = line[i + 1]
        if esc in _ESCAPES:
            out.add_char(_ESCAPES[esc], lineno, i + 1 + shift)
            i += 2
            continue
        e = _NUMERIC_ESCAPE.match(line, i + 1)
        if not e:
            raise InputError(f"{path}: line {lineno}: invalid escape sequence '\\{esc}'")
        code = e.group()
        out.add_char(chr(int(code[1:], 16) if code[0] == "x" else int(code, 8)), lineno,
                     i + 1 + shift)
        i = e.end()
    raise InputError(f"{path}: line {lineno}: unterminated string")


_NUMERIC_ESCAPE = re.compile(r"[0-7]{1,3}|x[0-9A-Fa-f]{1,2}")


def _decode(path: Path, encoding: str | None) -> str:
    if encoding:
        return read_text(path, encoding)
    try:
        return read_text(path, None)
    except InputError:
        head = path.read_bytes()[:8192]
        m = _CHARSET.search(head)
        if not m or m.group(1).decode("ascii").lower() in {"utf-8", "utf8", "charset"}:
            raise
        return read_text(path, m.group(1).decode("ascii"))


def parse_po(path: Path, encoding: str | None = None) -> Iterator[PoEntry]:
    """Entries of a PO file, in order (the header, obsolete and fuzzy entries included)."""
    text = _decode(path, encoding)
    entry: PoEntry | None = None
    target: Spanned | None = None  # the string that continuation lines extend
    last_kw = ""

    def finish() -> Iterator[PoEntry]:
        if entry is not None and (entry.msgstr or last_kw):
            if not entry.msgstr:
                raise InputError(f"{path}: line {entry.line}: entry without msgstr")
            yield entry

    for lineno, raw in enumerate(text.split("\n"), start=1):
        offset = 0
        line = raw
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            if line.startswith("#~|"):
                continue  # previous msgid of an obsolete entry
            offset = 3 if line.startswith("#~ ") else 2
            line = line[offset:]
        stripped = line.strip()
        if not stripped:
            if not obsolete:
                target = None
            continue
        if stripped.startswith("#") and not obsolete:
            # A comment after a finished entry starts the next one.
            if entry is not None and entry.msgstr:
                yield from finish()
                entry, last_kw = None, ""
            if entry is None:
                entry = PoEntry(lineno)
            body = stripped[2:].strip() if len(stripped) > 1 else ""
            kind = stripped[1:2]
            if kind == ",":
                entry.flags.extend(f.strip() for f in body.split(",") if f.strip())
            elif kind == ".":
                entry.extracted_comments.append(body)
            elif kind == ":":
                entry.references.extend(body.split())
            elif kind == "|":
                entry.previous.append(body)
            else:
                entry.translator_comments.append(stripped[1:].strip())
            target = None
            continue
        lead = len(line) - len(line.lstrip())
        if stripped.startswith('"'):
            if target is None:
                raise InputError(f"{path}: line {lineno}: string without a keyword before it")
            _parse_string(line, lead, lineno, path, target, offset)
            continue
        m = _KEYWORD.match(line, lead)
        if not m:
            word = stripped.split()[0][:20]
            raise InputError(
                f"{path}: line {lineno}: expected msgid, msgstr or a string, got {word!r}"
            )
        kw = m.group(1)
        new_entry = kw in {"msgctxt", "msgid"} and (
            entry is None or entry.msgstr or (kw == "msgid" and entry.msgid.end is not None)
            or (kw == "msgctxt" and (entry.msgctxt is not None or entry.msgid.end is not None))
        )
        if new_entry:
            if entry is not None and entry.msgstr:
                yield from finish()
                entry = None
            if entry is None:
                entry = PoEntry(lineno)
        assert entry is not None
        entry.obsolete = entry.obsolete or obsolete
        shifted = Spanned()
        _parse_string(line, m.end(), lineno, path, shifted, offset)
        if kw == "msgctxt":
            entry.msgctxt = shifted
        elif kw == "msgid":
            entry.msgid = shifted
        elif kw == "msgid_plural":
            entry.msgid_plural = shifted
        else:
            if entry.msgid.end is None:
                raise InputError(f"{path}: line {lineno}: msgstr without msgid")
            index = int(m.group(2)) if m.group(2) is not None else 0
            entry.msgstr[index] = shifted
        last_kw = kw
        target = shifted
    yield from finish()


def parse_header(entry: PoEntry) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in entry.msgstr.get(0, Spanned()).text.split("\n"):
        name, sep, value = line.partition(":")
        if sep:
            fields[name.strip()] = value.strip()
    return fields


def po_statistics(path: Path, encoding: str | None = None) -> dict[str, int]:
    """Counts as ``msgfmt --statistics`` gives them: translated, fuzzy, untranslated (the header
    and obsolete entries excluded; an empty fuzzy entry counts as untranslated)."""
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for entry in parse_po(path, encoding):
        if entry.obsolete or entry.is_header:
            continue
        if entry.untranslated:
            counts["untranslated"] += 1
        elif entry.fuzzy:
            counts["fuzzy"] += 1
        else:
            counts["translated"] += 1
    return counts


def _lang_from_name(path: Path) -> str | None:
    stem = path.stem
    if re.fullmatch(r"[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?(?:@\w+)?", stem):
        return stem.split("@")[0]
    return None


def read_po_file(
    path: Path, encoding: str | None = None, options: ReadSettings | Mapping[str, Any] | None = None,
    directives: list[Directive] | None = None,
) -> Iterator[Segment]:
    """Units of a PO file; an entry's ``tqcheck-ignore`` flags go to ``directives`` as a
    directive over each of its forms."""
    options = read_settings(options)
    include_fuzzy = options.include_fuzzy
    include_obsolete = options.include_obsolete
    target_lang: str | None = None
    single_forms: frozenset[int] | None = None
    source_lang = options.po_source_lang or "en"
    index = 0
    is_template = path.suffix.lower() == ".pot"
    for entry in parse_po(path, encoding):
        if entry.is_header:
            header = parse_header(entry)
            target_lang = header.get("Language") or _lang_from_name(path)
            single_forms = single_number_forms(header.get("Plural-Forms", ""))
            continue
        if target_lang is None:
            target_lang = _lang_from_name(path)
        if entry.obsolete and not include_obsolete:
            continue
        if entry.fuzzy and not include_fuzzy:
            continue
        if is_template or entry.msgid.text in _CREDITS:
            continue  # a template has no translations; credits are names, not a translation
        meta = {
            "flags": tuple(entry.flags),
            "comments": tuple(entry.translator_comments),
            "extracted_comments": tuple(entry.extracted_comments),
            "references": tuple(entry.references),
            "fuzzy": entry.fuzzy,
            "obsolete": entry.obsolete,
            "context": entry.msgctxt.text if entry.msgctxt is not None else None,
            "msgid_plural": entry.msgid_plural.text if entry.msgid_plural is not None else None,
            "untranslated_entry": entry.untranslated,
        }
        suppress = codes_from_flags(entry.flags)  # "#, tqcheck-ignore-TQ101"
        plural = entry.msgid_plural is not None
        for form, msgstr in sorted(entry.msgstr.items()):
            source = entry.msgid.text
            if form > 0 and entry.msgid_plural is not None:
                source = entry.msgid_plural.text
            line, col = msgstr.start()
            ident = entry.key if entry.msgid_plural is None else f"{entry.key}[{form}]"
            segment = Segment(
                msgstr.text, line, col, index, kind="unit", source=source,
                source_lang=source_lang, target_lang=target_lang, id=ident,
                positions=msgstr.position_tuple(),
                meta={**meta, "plural_form": form,
                      # None: unknown (no readable Plural-Forms header)
                      "single_number_form": (form in single_forms if single_forms is not None
                                             else None) if plural else None},
            )
            if suppress is not None and directives is not None:
                directives.append(Directive.unit(segment, suppress))
            yield segment
            index += 1
