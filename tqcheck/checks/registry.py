"""The check registry: stable codes, slugs, categories, severities and documentation.

A check is a pure function.  Sentence checks take a :class:`~tqcheck.model.Sentence` and a
:class:`CheckContext`; segment checks take a whole :class:`~tqcheck.model.Segment` with its
sentences; document checks are classes fed every segment and asked for their findings at the end.
All of them yield :class:`Hit` values in the coordinates of the segment's text; the engine turns
hits into :class:`~tqcheck.model.Finding` values with exact file positions.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from tqcheck.checks.gates import Gate, as_gate
from tqcheck.docs_url import help_uri
from tqcheck.model import (
    Applicability,
    Category,
    Edit,
    Location,
    RuleInfo,
    Segment,
    Sentence,
    Severity,
)

if TYPE_CHECKING:
    from tqcheck.config import Settings
    from tqcheck.langdata import LanguageData
    from tqcheck.resources import Resources

Scope = Literal["sentence", "segment", "document"]

CODE_RE = re.compile(r"^TQ[1-9]\d\d$")

#: The first digit of a code names its family.
CODE_FAMILIES: dict[str, Category] = {
    "1": Category.REPETITION,
    "2": Category.STRUCTURE,
    "3": Category.PUNCTUATION,
    "4": Category.RESIDUE,
    "5": Category.CONSISTENCY,
    "6": Category.CALQUE,
    "7": Category.LANGUAGE,
    "8": Category.FIDELITY,
}


@dataclass(frozen=True, slots=True)
class Hit:
    """A problem at ``segment.text[start:end]``."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None  # overrides the rule's default
    related: tuple[Location, ...] = ()
    segment: Segment | None = None  # document checks name the segment they point into
    #: The fix, when the rule declares one: ``(start, end, new text)`` in the coordinates of the
    #: segment's text, or an :class:`~tqcheck.model.Edit` in file coordinates (document checks
    #: that change other segments too: see :meth:`~tqcheck.model.Segment.edit`).  The engine turns
    #: them into a :class:`~tqcheck.model.Fix`; applying it is :mod:`tqcheck.fix`'s job.
    fix: tuple[tuple[int, int, str] | Edit, ...] | None = None
    #: Lowers the rule's applicability for this hit (never raises it).
    applicability: Applicability | None = None
    #: What the fix does ("delete the embed link"); default: from the edits.
    fix_message: str = ""


def _default_settings() -> Settings:
    from tqcheck.config import Settings

    return Settings()


@dataclass
class CheckContext:
    """What a check may know besides the text: languages, language data, settings."""

    path: str
    lang: str | None
    data: LanguageData
    source_lang: str | None = None
    settings: Settings = field(default_factory=_default_settings)
    #: The input format of the file (``po``, ``xliff``, ``json``, ``srt``, ``text`` …).
    format: str = "text"
    #: Where ``source_lang`` comes from: "option" (given), "metadata" (the file says),
    #: "detected" (identified from the source text) or "unknown" (no source language).
    source_lang_origin: str = "unknown"
    notes: list[str] = field(default_factory=list)
    #: Per-document state that checks share (e.g. calque evidence read by the chain check).
    state: dict[str, Any] = field(default_factory=dict)
    _noted: set[str] = field(default_factory=set)

    @property
    def resources(self) -> Resources:
        """The reference and glossary the settings name, read once per process."""
        from tqcheck.resources import Resources

        return Resources(self.settings)

    def note_once(self, key: str, message: str) -> None:
        """Say something (e.g. "no data for this language") once per run, not per sentence."""
        if key not in self._noted:
            self._noted.add(key)
            self.notes.append(message)


SentenceCheck = Callable[[Sentence, CheckContext], Iterable[Hit]]
SegmentCheck = Callable[[Segment, "list[Sentence]", CheckContext], Iterable[Hit]]


class DocumentCheck(Protocol):
    """A cross-segment check: fed every segment, reports at the end."""

    def __init__(self, ctx: CheckContext) -> None: ...

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None: ...

    def finish(self) -> Iterable[Hit]: ...


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    category: Category
    severity: Severity
    scope: Scope
    summary: str
    doc: str
    impl: Any
    #: A precondition check: when it fires on a sentence, the other sentence checks skip it.  It
    #: returns a sequence of hits (not a generator: it runs on every sentence, and an empty
    #: tuple is cheaper to make and test).
    precondition: bool = False
    #: Runs only when this setting holds a value (a name of ``tqcheck.config.NEEDS``: a source,
    #: a reference, a glossary, a round-trip language).
    needs: str | None = None
    #: A cheap test that every text the check can flag passes (:class:`~tqcheck.checks.gates.Gate`:
    #: a regex, tokens or strings): the engine skips the check on segments the gate does not open
    #: (a C-speed search instead of a Python call); a sentence check skips the sentences of those
    #: segments; a document check is fed only the segments it opens.  The engine searches chunks
    #: of segments joined by newlines, so anchor regexes with ``(?m)^``, never ``\A``.  A gate
    #: that depends on the languages is a function of the :class:`CheckContext` returning the
    #: gate or a regex (or None: no gate for that file).
    gate: Gate | Callable[[CheckContext], Gate | re.Pattern[str] | str | None] | None = None
    #: Segments the check applies to: all (None), only those with a known source ("pairs"), or
    #: only subtitle cues ("cues").  The engine does not call (or feed) it the others.
    on: Literal["pairs", "cues"] | None = None
    #: Input formats the check does not apply to (``srt``, ``json`` …): the engine does not run it
    #: on files of those formats, and ``tqcheck rules`` says so.
    not_for: frozenset[str] = frozenset()
    #: Whether a pair check still applies when a file's sources are keys (``form.label.name``),
    #: not text: most compare the translation with a sentence and skip such files.
    keys_ok: bool = False
    #: A prose check whose finding on a translation unit is the source's when the source holds
    #: the flagged text too (``msgid "Ping Ping"``, a ``▼`` in both): such hits are info, with the
    #: reason (the same policy as :mod:`tqcheck.checks.mirror`, applied in one place: the engine).
    mirrored: bool = False
    #: A segment check that also sees the sentences a precondition reported (a loop or debris
    #: is what made a sentence look foreign; the precondition must not hide it).
    past_preconditions: bool = False
    #: Whether the check can fix what it finds, and how safely (None: it cannot).
    fix: Applicability | None = None

    @property
    def module(self) -> str:
        return str(getattr(self.impl, "__module__", ""))

    def info(self) -> RuleInfo:
        """What a report carries about this rule."""
        return RuleInfo(self.code, self.slug, self.category, self.severity, self.summary,
                        self.doc, help_uri(self.code))


_REGISTRY: dict[str, Rule] = {}
_SLUGS: dict[str, str] = {}


@dataclass(frozen=True)
class Redirect:
    """A retired code (and slug) whose findings another check reports now, as ruff keeps
    redirected codes: selecting, ignoring, suppressing (comments, PO flags, per-file ignores) or
    baselining the old code or slug applies to the new check."""

    code: str
    slug: str
    target: str
    why: str


#: Retired codes, by code.  Their documentation pages say where they went.
REDIRECTS: dict[str, Redirect] = {r.code: r for r in (
    Redirect("TQ812", "missing-number", "TQ835",
             "one number check for every source: on lines paired with `--source` it compares as "
             "TQ812 did (digit strings, separators ignored, only numbers the translation lost), "
             "in translation units it reads each language's number format"),
    Redirect("TQ813", "missing-url", "TQ836",
             "one URL check for every source: on lines paired with `--source` it compares as "
             "TQ813 did (addresses the translation lost), in translation units it also reports "
             "addresses the translation added or altered"),
    Redirect("TQ408", "glued-foreign-script", "TQ706",
             "letters of the source's script glued to a word or number of the translation are "
             "language left untranslated, not debris: the same check, in the language family"),
)}
_SLUG_REDIRECTS = {r.slug: r.code for r in REDIRECTS.values()}


def redirected(selector: str) -> str:
    """``selector`` with a retired code or slug replaced by the code that took it over."""
    key = selector.strip()
    redirect = REDIRECTS.get(key.upper()) or REDIRECTS.get(_SLUG_REDIRECTS.get(key.lower(), ""))
    return redirect.target if redirect else selector


def retired_codes(code: str) -> tuple[str, ...]:
    """The retired codes that ``code`` took over (for baselines written before)."""
    return tuple(r.code for r in REDIRECTS.values() if r.target == code)


def _doc_parts(obj: Any) -> tuple[str, str]:
    doc = inspect.getdoc(obj) or ""
    summary = doc.strip().splitlines()[0].strip() if doc.strip() else ""
    return summary, doc


def register(
    code: str,
    slug: str,
    severity: Severity,
    *,
    scope: Scope = "sentence",
    category: Category | None = None,
    precondition: bool = False,
    needs: str | None = None,
    gate: str | re.Pattern[str] | Gate | Callable[[CheckContext], Gate | re.Pattern[str] | str | None]
    | None = None,
    on: Literal["pairs", "cues"] | None = None,
    not_for: Iterable[str] = (),
    keys_ok: bool = False,
    mirrored: bool = False,
    past_preconditions: bool = False,
    fix: Applicability | str | None = None,
) -> Callable[[Any], Any]:
    """Register a check under a stable code.  The docstring is its documentation: a one-line
    summary, then *What it does*, *Why it matters* and *Example* sections.  ``fix`` declares
    whether its hits carry fixes, and how safely (``safe``, ``unsafe`` or ``display-only``)."""

    def decorate(impl: Any) -> Any:
        if not CODE_RE.match(code):
            raise ValueError(f"bad check code {code!r}")
        if needs is not None:
            from tqcheck.config import NEEDS

            if needs not in NEEDS:
                raise ValueError(f"{code}: needs {needs!r} is not a setting ({', '.join(NEEDS)})")
        if code in _REGISTRY or code in REDIRECTS:
            raise ValueError(f"duplicate check code {code}")
        if slug in _SLUG_REDIRECTS:
            raise ValueError(f"check slug {slug} is retired ({_SLUG_REDIRECTS[slug]})")
        if slug in _SLUGS:
            raise ValueError(f"duplicate check slug {slug} ({_SLUGS[slug]}, {code})")
        summary, doc = _doc_parts(impl)
        _REGISTRY[code] = Rule(
            code=code,
            slug=slug,
            category=category or CODE_FAMILIES[code[2]],
            severity=severity,
            scope=scope,
            summary=summary,
            doc=doc,
            impl=impl,
            precondition=precondition,
            needs=needs,
            gate=as_gate(gate) if isinstance(gate, str | re.Pattern) else gate,
            on=on,
            not_for=frozenset(not_for),
            keys_ok=keys_ok,
            mirrored=mirrored,
            past_preconditions=past_preconditions,
            fix=Applicability(fix) if fix is not None else None,
        )
        _SLUGS[slug] = code
        return impl

    return decorate


def load_builtin_checks() -> None:
    """Import every built-in check module (they register themselves)."""
    import importlib
    import pkgutil

    import tqcheck.checks as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if not info.name.startswith("_") and info.name not in {"registry", "engine", "text"}:
            importlib.import_module(f"tqcheck.checks.{info.name}")


def all_rules() -> list[Rule]:
    load_builtin_checks()
    return sorted(_REGISTRY.values(), key=lambda r: r.code)


def get_rule(code_or_slug: str) -> Rule | None:
    """The rule of a code or slug; a retired code or slug gives the rule that took it over."""
    load_builtin_checks()
    key = redirected(code_or_slug).strip()
    if key.upper() in _REGISTRY:
        return _REGISTRY[key.upper()]
    code = _SLUGS.get(key.lower())
    return _REGISTRY[code] if code else None


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), features: Iterable[str] = ()
) -> list[Rule]:
    """Rules chosen by code, prefix or slug (``TQ1``, ``TQ101``, ``doubled-word``); ``ALL`` selects
    everything; a retired code or slug (:data:`REDIRECTS`) stands for its successor.  Unknown
    selectors are an error."""
    from tqcheck.errors import ConfigError

    rules = all_rules()
    enabled_features = set(features)
    select = [redirected(s) for s in select]
    ignore = [redirected(s) for s in ignore]

    def matches(rule: Rule, selector: str) -> bool:
        s = selector.strip()
        if s.upper() == "ALL":
            return True
        return rule.code.startswith(s.upper()) or rule.slug == s.lower() or (
            rule.category.value == s.lower()
        )

    categories = {c.value for c in Category}
    for selector in [*select, *ignore]:
        if selector.strip().lower() in categories:
            continue
        if not any(matches(r, selector) for r in rules):
            raise ConfigError(f"unknown check code, prefix or category: {selector!r}")
    chosen = [r for r in rules if not select or any(matches(r, s) for s in select)]
    chosen = [r for r in chosen if not any(matches(r, s) for s in ignore)]
    return [r for r in chosen if r.needs is None or r.needs in enabled_features]

