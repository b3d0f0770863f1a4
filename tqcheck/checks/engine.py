"""Runs the selected checks over the segments of one file and turns hits into findings."""

from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import TypeVar

from tqcheck.checks.gates import ChunkText, Gate, as_gate
from tqcheck.checks.registry import CheckContext, DocumentCheck, Hit, Rule
from tqcheck.model import Finding, Segment, Sentence
from tqcheck.segment import split_sentences

log = logging.getLogger(__name__)

T = TypeVar("T")


def normalise_context(text: str) -> str:
    """Whitespace-collapsed, case-folded sentence text (stable across edits elsewhere)."""
    return " ".join(text.split()).casefold()


def make_finding(rule: Rule, ctx: CheckContext, segment: Segment, hit: Hit) -> Finding:
    start = max(0, min(hit.start, len(segment.text)))
    end = max(start, min(hit.end, len(segment.text)))
    line, col = segment.locate(start)
    end_line, end_col = segment.locate(end)
    # The sentence around the hit, for fingerprints.
    left = max(segment.text.rfind(". ", 0, start), segment.text.rfind("\n", 0, start)) + 1
    right_dot = segment.text.find(". ", end)
    right = len(segment.text) if right_dot < 0 else right_dot + 1
    return Finding(
        code=rule.code,
        slug=rule.slug,
        category=rule.category,
        severity=hit.severity or rule.severity,
        message=hit.message,
        path=ctx.path,
        line=line,
        col=col,
        end_line=end_line,
        end_col=end_col,
        suggestion=hit.suggestion,
        text=segment.text[start:end],
        excerpt=segment.line_text(start),
        context=normalise_context(segment.text[left:right]),
        related=hit.related,
    )


def resolve_gate(rule: Rule, ctx: CheckContext) -> Gate | None:
    """The gate of ``rule`` for the file of ``ctx``: a rule's gate is a :class:`Gate`, or a
    function of the context that returns one or a regex (or None: no gate, for languages the gate
    cannot serve)."""
    gate = rule.gate
    if gate is None or isinstance(gate, Gate):
        return gate
    return as_gate(gate(ctx))


def _by_kind(items: list[T], on: Callable[[T], str | None]) -> dict[str, list[T]]:
    """``items`` per kind of segment they apply to: those for every segment (``on`` None) to
    "prose"; those and the pair ones to "pairs"; all of those and the cue ones to "cues" (cues
    run the pair rules too)."""
    prose = [x for x in items if on(x) is None]
    pairs = prose + [x for x in items if on(x) == "pairs"]
    return {"prose": prose, "pairs": pairs, "cues": pairs + [x for x in items if on(x) == "cues"]}


def _segment_key(segment: Segment) -> tuple[int, int, int]:
    return (segment.index, segment.line, segment.col)


@dataclass
class FileStats:
    segments: int = 0
    sentences: int = 0
    words: int = 0


_NONE_OPEN: frozenset[str] = frozenset()


class Engine:
    """Checks for one file.  Feed segments in order, then call :meth:`finish`."""

    def __init__(self, rules: Iterable[Rule], ctx: CheckContext) -> None:
        rules = list(rules)
        self.ctx = ctx
        #: The gate of each gated rule, resolved for this file (a gate may depend on the languages).
        self.gates: dict[str, Gate] = {}
        for rule in rules:
            gate = resolve_gate(rule, ctx)
            if gate is not None:
                self.gates[rule.code] = gate
        self.preconditions = [r for r in rules if r.scope == "sentence" and r.precondition]
        self.sentence_rules = [r for r in rules if r.scope == "sentence" and not r.precondition]
        # Segment rules and document checks per kind of segment: all run on every segment; the
        # pair rules also on segments that know their source; the cue rules also on subtitle cues.
        segment_rules = [r for r in rules if r.scope == "segment"]
        self.documents: list[tuple[Rule, DocumentCheck]] = [
            (r, r.impl(ctx)) for r in rules if r.scope == "document"
        ]
        self._rules = _by_kind(segment_rules, lambda r: r.on)
        self._docs = {kind: [(r.code, c) for r, c in pairs]
                      for kind, pairs in _by_kind(self.documents, lambda rc: rc[0].on).items()}
        # What a segment no gate matched runs (most segments): the lists without the gated rules.
        self._ungated_sentence_rules = self._ungated(self.sentence_rules)
        self._ungated_rules = {kind: self._ungated(rs) for kind, rs in self._rules.items()}
        self._ungated_docs = {kind: [(code, c) for code, c in pairs if code not in self.gates]
                              for kind, pairs in self._docs.items()}
        self.stats = FileStats()
        # Spans of sentences a precondition reported, per segment: document checks see only live
        # sentences but may scan the whole segment text, so their hits there are dropped too.
        self._dead: dict[tuple[int, int, int], list[tuple[int, int]]] = {}

    def _ungated(self, rules: list[Rule]) -> list[Rule]:
        return [r for r in rules if r.code not in self.gates]

    def _runnable(self, rules: list[Rule], gated: AbstractSet[str]) -> list[Rule]:
        """``rules`` without the gated ones whose gate did not match (``gated``: those that did)."""
        return [r for r in rules if r.code in gated or r.code not in self.gates]

    def feed_all(self, segments: Iterable[Segment], chunk: int = 64) -> Iterator[Finding]:
        """Feed a stream of segments.  Gates are searched once per chunk of segments joined by
        newlines (one C-speed scan instead of one Python call per segment and rule); a rule runs
        only on the segments its gate matched.  Memory stays bounded by the chunk size."""
        buffer: list[Segment] = []
        for segment in itertools.chain(segments, [None]):
            if segment is not None:
                buffer.append(segment)
                if len(buffer) < chunk:
                    continue
            if not buffer:
                break
            chunk_text = ChunkText("\n".join(s.text for s in buffer))
            starts = list(itertools.accumulate((len(s.text) + 1 for s in buffer[:-1]), initial=0))
            # The words of the chunk are the words of its segments (newlines split words too).
            self.stats.words += len(chunk_text.text.split())
            open_rules: dict[int, set[str]] = {}  # gate matches are rare: sets made on demand
            for code, gate in self.gates.items():
                for start, end in gate.spans(chunk_text):
                    first = bisect.bisect_right(starts, start) - 1
                    last = bisect.bisect_right(starts, max(start, end - 1)) - 1
                    for i in range(first, last + 1):
                        open_rules.setdefault(i, set()).add(code)
            for i, seg in enumerate(buffer):
                found = self._check(seg, open_rules.get(i, _NONE_OPEN))
                if found:
                    yield from found
            buffer = []

    def feed(self, segment: Segment) -> list[Finding]:
        """Check one segment and return its findings (each gate is searched here)."""
        text = segment.text
        self.stats.words += len(text.split())
        return self._check(segment, {code for code, gate in self.gates.items() if gate.search(text)})

    def _check(self, segment: Segment, gated: AbstractSet[str]) -> list[Finding]:
        """Check one segment; ``gated``: codes of the gated rules whose gate opened on it."""
        ctx = self.ctx
        sentences = split_sentences(segment, ctx.data)
        stats = self.stats
        stats.segments += 1
        stats.sentences += len(sentences)
        findings: list[Finding] = []
        live: list[Sentence] = sentences
        dead: list[tuple[int, int]] = []
        if self.preconditions:
            skipped: set[int] = set()
            for sentence in sentences:
                for rule in self.preconditions:
                    hits = rule.impl(sentence, ctx)  # a sequence: see Rule.precondition
                    if hits:
                        findings.extend(make_finding(rule, ctx, segment, hit) for hit in hits)
                        skipped.add(sentence.index)
                        break
            if skipped:
                live = [s for s in sentences if s.index not in skipped]
                dead = [(s.start, s.end) for s in sentences if s.index in skipped]
                self._dead[_segment_key(segment)] = dead
        sentence_rules = (self._runnable(self.sentence_rules, gated) if gated
                          else self._ungated_sentence_rules)
        if sentence_rules:
            for sentence in live:
                for rule in sentence_rules:
                    for hit in rule.impl(sentence, ctx):
                        findings.append(make_finding(rule, ctx, segment, hit))
        kind = "cues" if segment.kind == "cue" else "pairs" if segment.source is not None else "prose"
        rules = self._runnable(self._rules[kind], gated) if gated else self._ungated_rules[kind]
        for rule in rules:
            for hit in rule.impl(segment, live, ctx):
                if not dead or not any(a <= hit.start < b for a, b in dead):
                    findings.append(make_finding(rule, ctx, segment, hit))
        for code, check in self._docs[kind] if gated else self._ungated_docs[kind]:
            if not gated or code in gated or code not in self.gates:
                check.feed(segment, live)
        return findings

    def finish(self) -> Iterator[Finding]:
        for rule, check in self.documents:
            for hit in check.finish():
                if hit.segment is None:
                    log.debug("%s: document hit without a segment dropped", rule.code)
                    continue
                dead = self._dead.get(_segment_key(hit.segment), ())
                if not any(a <= hit.start < b for a, b in dead):
                    yield make_finding(rule, self.ctx, hit.segment, hit)
