"""Source-language calques, from data packs (``tqcheck/data/calque/<source>.toml``).

With ``--source-lang`` only that language's pack applies.  Without it every pack runs, and a pack's
findings are kept only when the evidence is strong: one of its ``strong`` patterns matched, or at
least ``min_evidence`` matches in the document.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import folded_tokens, per_text
from tqcheck.errors import ConfigError
from tqcheck.langdata import base_lang
from tqcheck.model import Segment, Sentence, Severity


@dataclass(frozen=True)
class CalquePattern:
    pack: str
    id: str
    regex: re.Pattern[str]
    message: str
    suggestion: str | None
    strong: bool
    #: The rewrite a fix applies (a template of :meth:`re.Match.expand`: ``\\g<name>`` names a
    #: group); None: the pattern's suggestion is advice, not a replacement.
    replacement: str | None = None
    #: Lowercase words one of which every match contains: a cheap prefilter.
    keywords: frozenset[str] = frozenset()


@dataclass(frozen=True)
class CalquePack:
    source: str
    name: str
    targets: tuple[str, ...]
    min_evidence: int
    patterns: tuple[CalquePattern, ...]
    chain_words: tuple[str, ...]
    chain_min: int


def _parse_pack(raw: dict[str, Any], origin: str) -> CalquePack:
    try:
        source = str(raw["source"])
        patterns = []
        for p in raw.get("pattern", []):
            try:
                rx = re.compile(p["regex"], re.MULTILINE)
            except re.error as exc:
                raise ConfigError(f"{origin}: pattern {p.get('id')!r}: bad regex: {exc}") from None
            patterns.append(CalquePattern(source, str(p["id"]), rx, str(p["message"]),
                                          p.get("suggestion"), bool(p.get("strong", False)),
                                          keywords=frozenset(k.casefold() for k in p.get("keywords", ())),
                                          replacement=p.get("replacement")))
        chain = raw.get("chain", {})
        return CalquePack(source, str(raw.get("name", source)), tuple(raw.get("targets", ["en"])),
                          int(raw.get("min_evidence", 2)), tuple(patterns),
                          tuple(chain.get("words", ())), int(chain.get("min_paragraphs", 2)))
    except KeyError as exc:
        raise ConfigError(f"{origin}: calque pack is missing {exc.args[0]!r}") from None


@cache
def builtin_packs() -> tuple[CalquePack, ...]:
    folder = resources.files("tqcheck") / "data" / "calque"
    packs = []
    for res in sorted(folder.iterdir(), key=lambda r: r.name):
        if res.name.endswith(".toml"):
            packs.append(_parse_pack(tomllib.loads(res.read_text(encoding="utf-8")), res.name))
    return tuple(packs)


def load_packs(extra: Iterable[str | Path] = ()) -> list[CalquePack]:
    packs = list(builtin_packs())
    for path in extra:
        try:
            raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read calque pack: {exc}") from None
        packs.append(_parse_pack(raw, str(path)))
    return packs


@dataclass
class _Setup:
    """The packs that apply to a document, which of their patterns each keyword gates, and the
    matches in the texts being checked (both calque checks ask for them)."""

    packs: list[CalquePack]
    #: Every pattern of the packs, in order.
    patterns: tuple[tuple[CalquePack, CalquePattern], ...]
    #: keyword -> indexes (in ``patterns``) of the patterns that need it
    by_keyword: dict[str, tuple[int, ...]]
    #: Indexes of the patterns without keywords: they run on every segment.
    always: tuple[int, ...]
    #: Pattern matches in a text, memoised for the texts of the chunk being checked.
    matches: Callable[[str], tuple[_Match, ...]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.matches = per_text(self._find)

    def _find(self, text: str) -> tuple[_Match, ...]:
        """Pattern matches in ``text``.  A pattern runs only when one of its keywords occurs in
        the text."""
        toks = folded_tokens(text)
        selected: Iterable[int]
        if self.by_keyword.keys().isdisjoint(toks):  # most text
            selected = self.always
        else:
            chosen = set(self.always)
            for k in self.by_keyword.keys() & set(toks):
                chosen.update(self.by_keyword[k])
            selected = sorted(chosen)  # in pack and pattern order
        return tuple(
            (pack, pat, m)
            for pack, pat in (self.patterns[i] for i in selected)
            for m in pat.regex.finditer(text)
        ) if selected else ()


_Match = tuple[CalquePack, CalquePattern, re.Match[str]]


def _setup(ctx: CheckContext) -> _Setup:
    """Made once per document and shared by both calque checks (``ctx.state``)."""
    setup: _Setup | None = ctx.state.get("calque_setup")
    if setup is None:
        packs = load_packs(ctx.options.get("calque_packs", ()))
        target = ctx.data.lang
        src = base_lang(ctx.source_lang)
        out = [p for p in packs if target in p.targets or "*" in p.targets]
        if src:
            out = [p for p in out if p.source == src]
        patterns = tuple((pack, pat) for pack in out for pat in pack.patterns)
        by_keyword: dict[str, list[int]] = defaultdict(list)
        for i, (_, pat) in enumerate(patterns):
            for k in pat.keywords:
                by_keyword[k].append(i)
        always = tuple(i for i, (_, pat) in enumerate(patterns) if not pat.keywords)
        setup = ctx.state["calque_setup"] = _Setup(
            out, patterns, {k: tuple(v) for k, v in by_keyword.items()}, always)
    return setup


def _has_evidence(pack: CalquePack, patterns: list[CalquePattern]) -> bool:
    return any(p.strong for p in patterns) or len(patterns) >= pack.min_evidence


def calque_rewrite(pattern: CalquePattern, m: re.Match[str]) -> tuple[int, int, str] | None:
    """The edit of a pattern's ``replacement`` for one match, with the match's initial capital
    kept (``On the territory of`` → ``In``), or None when the pattern has none."""
    if pattern.replacement is None:
        return None
    try:
        new = m.expand(pattern.replacement)
    except (re.error, IndexError):
        return None
    if new and m.group()[:1].isupper():
        new = new[0].upper() + new[1:]
    elif new and m.group()[:1].islower():
        new = new[0].lower() + new[1:]
    return m.start(), m.end(), new


@register("TQ601", "calque-phrase", Severity.WARNING, scope="document", fix="unsafe")
class CalquePhrases:
    """A phrase copied word for word from the source language (from the calque packs).

    What it does:
        Matches the patterns of the calque pack of the source language (``--source-lang``) — or, when
        the source is unknown, of every pack whose evidence in the document is strong — and names the
        pack and pattern in the message.  Arabic→English includes a weekday in apposition ("said
        yesterday, Wednesday,"), "both" before three or more items, and "In return," as a discourse
        marker.  Packs are TOML files a user can extend.

    Why it matters:
        Calques are grammatical but unidiomatic: they mark a text as machine-translated and can shift
        meaning ("In return" implies an exchange that never happened).

    Example:
        ``the minister said yesterday, Wednesday, that`` → ``[ar:weekday-apposition]``, suggests
        ``on Wednesday``.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.setup = _setup(ctx)
        self.packs = self.setup.packs
        self.explicit = bool(ctx.source_lang)
        self.found: dict[str, list[tuple[CalquePattern, Hit]]] = defaultdict(list)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        for pack, pat, m in self.setup.matches(segment.text):
            rewrite = calque_rewrite(pat, m)
            hit = Hit(m.start(), m.end(), f"{pack.name} calque [{pack.source}:{pat.id}]: "
                      f"{pat.message}", suggestion=pat.suggestion, segment=segment,
                      fix=(rewrite,) if rewrite else None)
            self.found[pack.source].append((pat, hit))

    def finish(self) -> list[Hit]:
        hits: list[Hit] = []
        for pack in self.packs:
            found = self.found.get(pack.source, [])
            if found and (self.explicit or _has_evidence(pack, [p for p, _ in found])):
                hits.extend(h for _, h in found)
        return hits


@register("TQ602", "conjunction-chain", Severity.INFO, scope="document")
class ConjunctionChains:
    """Paragraphs that keep opening with "And" — the Arabic و chain.

    What it does:
        Counts paragraphs that start with a chain word of the applicable calque packs ("And" for
        Arabic) and, when at least two do, flags each of them.  Without ``--source-lang`` it reports
        only for a pack whose phrases (the patterns of TQ601) give strong evidence in the same
        document.

    Why it matters:
        Arabic links sentences and paragraphs with و ("and"); MT keeps it, and English paragraphs
        starting with "And" again and again read as a translation.

    Example:
        ``And the Ukrainian Foreign Minister had said …`` … ``And Antalya's trip is …`` → both flagged.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.setup = _setup(ctx)
        self.packs = self.setup.packs
        self.words: dict[str, tuple[CalquePack, str]] = {}
        for pack in self.packs:
            for w in pack.chain_words:
                self.words.setdefault(w, (pack, w))
        #: A paragraph whose first word is a chain word starts with it (or with white space).
        self.starts = tuple(self.words)
        self.found: dict[str, list[Hit]] = defaultdict(list)
        self.evidence: dict[str, list[CalquePattern]] = defaultdict(list)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not self.words:
            return
        if not self.ctx.source_lang:
            for pack, pat, _ in self.setup.matches(segment.text):
                self.evidence[pack.source].append(pat)
        text = segment.text
        if segment.kind not in {"paragraph", "quote"} or not (
                text.startswith(self.starts) or text[:1].isspace()):
            return
        first = text.split(None, 1)[0] if text.strip() else ""
        if first in self.words:
            pack, w = self.words[first]
            self.found[w].append(Hit(0, len(w), f"paragraph opens with '{w}' ({pack.name} "
                                     f"conjunction chain)", suggestion="drop it or use a real link",
                                     segment=segment))

    def finish(self) -> list[Hit]:
        # Without --source-lang, a chain counts only for a pack whose phrases gave strong evidence.
        hits: list[Hit] = []
        for w, found in self.found.items():
            pack, _ = self.words[w]
            if not self.ctx.source_lang and not _has_evidence(pack, self.evidence[pack.source]):
                continue
            if len(found) >= pack.chain_min:
                hits.extend(found)
        return hits
