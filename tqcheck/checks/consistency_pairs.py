"""Consistency of a translation file: one source translated two ways, two sources one way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.model import Location, Segment, Sentence, Severity


def _norm(text: str) -> str:
    return " ".join(text.split())


def _unit(segment: Segment) -> str:
    return re.sub(r"\[\d+\]$", "", segment.id or str(segment.index))


def _loc(ctx: CheckContext, segment: Segment) -> Location:
    line, col = segment.locate(0)
    end_line, end_col = segment.locate(len(segment.text))
    return Location(ctx.path, line, col, end_line, end_col)


@dataclass
class _First:
    segment: Segment
    value: str


_WORDS = re.compile(r"[^\W\d_]+|\d+")
#: A dotted message key (``form.label.name``): its last part is the unit's role in the UI.
_DOTTED_KEY = re.compile(r"^[A-Za-z][\w-]*(?:\.[\w-]+)+$")


def inflected_alike(a: str, b: str) -> bool:
    """Whether two translations are the same words in other inflected forms (``Letzter Monat`` /
    ``Letzten Monat``, ``Recherche`` / ``Rechercher``): word for word, each differing pair shares
    a stem of at least four letters and differs by endings of at most four."""
    wa, wb = _WORDS.findall(a.casefold()), _WORDS.findall(b.casefold())
    if len(wa) != len(wb) or wa == wb:
        return False
    for x, y in zip(wa, wb, strict=True):
        if x == y:
            continue
        stem = 0
        while stem < min(len(x), len(y)) and x[stem] == y[stem]:
            stem += 1
        if stem < 4 or len(x) - stem > 4 or len(y) - stem > 4:
            return False
    return True


def _role(segment: Segment) -> str | None:
    """The unit's role in the UI from its key, when it has a dotted one (``….title``)."""
    key = segment.meta.get("resname") or segment.id
    if isinstance(key, str) and _DOTTED_KEY.match(key):
        return key.rsplit(".", 1)[-1]
    return None


def _context_differs(a: Segment, b: Segment) -> str | None:
    """Why two units with one source text may mean different things, or None: their sources
    differ in spacing (extracted from different places: an HTML template and code), their notes
    (an XLIFF description or meaning) differ, or the roles their keys name."""
    if (a.source or "") != (b.source or ""):
        return "the sources differ in spacing"
    notes_a, notes_b = a.meta.get("notes") or (), b.meta.get("notes") or ()
    if tuple(notes_a) != tuple(notes_b):
        return "their notes differ"
    role_a, role_b = _role(a), _role(b)
    if role_a is not None and role_b is not None and role_a != role_b:
        return "their keys name different roles"
    return None


@register("TQ580", "inconsistent-translation", Severity.WARNING, scope="document", on="pairs",
          not_for=("srt", "vtt", "android", "json"))
class InconsistentTranslation:
    """The same source text translated differently in one file.

    What it does:
        Remembers the first translation of every source text (with its PO context and plural
        form) and flags later units whose translation differs from it (whitespace aside), naming
        the first one's place.  Other inflected forms of the same words (``Letzter Monat`` /
        ``Letzten Monat``: a label and an adverbial) are not inconsistent.  Where the two units
        may mean different things, the finding is info: their sources differ in spacing (taken
        from different places), their notes differ (an XLIFF description or meaning: ``Title``
        of a form field and of a progress widget), or their dotted keys name different roles
        (``….title`` and ``….button``).  A warning needs the same source and the same context.

    Why it matters:
        Users meet one button or message under two names; MT produces exactly this when it
        translates the same string twice without memory.

    Example:
        ``Preferences`` → ``Einstellungen`` at line 120 and ``Präferenzen`` at line 480 → flags the
        second.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.first: dict[tuple[str, object, object], _First] = {}
        self.hits: list[Hit] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not segment.source or not segment.source.strip() or not segment.text.strip():
            return
        # Sibling forms of one plural message (PO msgstr[n], Android quantities, i18next
        # ``_few``) translate one source in several ways by design: each form is its own key.
        form = segment.meta.get("plural_form", segment.meta.get("plural_category"))
        key = (_norm(segment.source), segment.meta.get("context"), form)
        value = _norm(segment.text)
        first = self.first.get(key)
        if first is None:
            self.first[key] = _First(segment, value)
        elif first.value != value and not inflected_alike(first.value, value):
            line = first.segment.locate(0)[0]
            why = _context_differs(first.segment, segment)
            self.hits.append(Hit(0, len(segment.text),
                                 f"'{key[0][:40]}' was translated differently at line {line}: "
                                 f"'{first.value[:40]}'" + (f" ({why})" if why else ""),
                                 related=(_loc(self.ctx, first.segment),), segment=segment,
                                 severity=Severity.INFO if why else None))

    def finish(self) -> Iterator[Hit]:
        yield from self.hits


def _source_key(text: str) -> str:
    text = text.replace("_", "").replace("&", "")
    return re.sub(r"[\s.:…!?]+$", "", " ".join(text.split())).casefold()


@register("TQ581", "one-translation-two-sources", Severity.INFO, scope="document", on="pairs")
class OneTranslationTwoSources:
    """Two different source texts with one and the same translation.

    What it does:
        Remembers the source of every translation and flags a later unit whose translation equals
        an earlier one while its source differs — beyond case, accelerator marks (``_``, ``&``) and
        final punctuation.  Plural forms of one entry are not compared with each other.

    Why it matters:
        Either a distinction of the source is lost ("Open" and "Opened" both "Geöffnet") or one of
        the two is a mistranslation copied from the other.

    Example:
        ``Download`` → ``Herunterladen`` and ``Upload`` → ``Herunterladen`` → flags the second.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.first: dict[str, tuple[str, Segment]] = {}
        self.hits: list[Hit] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not segment.source or not segment.source.strip() or len(segment.text.strip()) < 2:
            return
        key = _norm(segment.text).casefold()
        source = _source_key(segment.source)
        first = self.first.get(key)
        if first is None:
            self.first[key] = (source, segment)
        elif first[0] != source and _unit(first[1]) != _unit(segment):
            line = first[1].locate(0)[0]
            other = _norm(first[1].source or "")[:40]
            self.hits.append(Hit(0, len(segment.text),
                                 f"same translation as the different source '{other}' at line "
                                 f"{line}", related=(_loc(self.ctx, first[1]),), segment=segment))

    def finish(self) -> Iterator[Hit]:
        yield from self.hits
