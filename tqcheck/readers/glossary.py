"""Glossaries (``--glossary FILE``): TBX or CSV terminology, read into :class:`Glossary` values
that the terminology checks (TQ838, TQ839) are handed through the check context."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tqcheck.errors import InputError
from tqcheck.langdata import base_lang
from tqcheck.readers.decode import split_lines


@dataclass(frozen=True)
class Term:
    source: str
    targets: tuple[str, ...]  # empty: do not translate
    dnt: bool = False


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def for_source(self, text: str) -> Iterator[tuple[Term, re.Match[str]]]:
        for term in self.terms:
            m = _term_pattern(term.source).search(text)
            if m:
                yield term, m


@cache
def _term_pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(term) + r"(?![\w])", re.IGNORECASE)


_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][a-z0-9]{2,4})?$")
_DNT_MARKS = frozenset({"dnt", "do-not-translate", "do not translate"})


def _read_csv(path: Path, tgt: str | None) -> tuple[Term, ...]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read glossary: {exc}") from None
    rows = [r for r in csv.reader(split_lines(text)) if r and not r[0].startswith("#")]
    if not rows:
        return ()
    header = [c.strip().lower() for c in rows[0]]
    col = 1
    named = {"source", "term", "src", "source term"}
    is_header = header[0] in named or (
        len(header) > 1 and all(_LANG_CODE.match(h) for h in header[:2] if h)
    )
    if is_header:
        if tgt and base_lang(tgt) in [base_lang(h) for h in header[1:]]:
            col = 1 + [base_lang(h) for h in header[1:]].index(base_lang(tgt))
        rows = rows[1:]
    terms: list[Term] = []
    for r in rows:
        source = r[0].strip()
        target = r[col].strip() if len(r) > col else ""
        flag = any(c.strip().lower() in _DNT_MARKS for c in r[1:])
        if not source:
            continue
        if flag or not target or target == source:
            terms.append(Term(source, (), True))
        else:
            terms.append(Term(source, tuple(t.strip() for t in target.split("|") if t.strip())))
    return tuple(terms)


def _read_tbx(path: Path, src: str | None, tgt: str | None) -> tuple[Term, ...]:
    from tqcheck.readers.xmlsource import XML_LANG, XmlSource, local_name

    doc = XmlSource(path)
    terms: list[Term] = []
    for entry in doc.root.iter():
        if local_name(entry) not in {"termEntry", "conceptEntry"}:
            continue
        by_lang: dict[str, list[str]] = {}
        for lang_set in entry.iter():
            if local_name(lang_set) != "langSet" and local_name(lang_set) != "langSec":
                continue
            lang = base_lang(lang_set.get(XML_LANG) or lang_set.get("lang")) or ""
            by_lang.setdefault(lang, []).extend(
                (t.text or "").strip() for t in lang_set.iter() if local_name(t) == "term"
            )
        langs = list(by_lang)
        if not langs:
            continue
        s = base_lang(src) if base_lang(src) in by_lang else langs[0]
        sources = by_lang.get(s or "", [])
        targets = tuple(t for t in by_lang.get(base_lang(tgt) or "", []) if t)
        for source in sources:
            if source:
                terms.append(Term(source, targets) if targets else Term(source, (), False))
    return tuple(t for t in terms if t.targets)


@cache
def load_glossary(path: str, src: str | None, tgt: str | None) -> Glossary:
    p = Path(path)
    if p.suffix.lower() in {".tbx", ".xml"}:
        return Glossary(_read_tbx(p, src, tgt))
    return Glossary(_read_csv(p, tgt))
