"""Runs the selected checks over the segments of one file and turns hits into findings."""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from tqcheck.checks.registry import CheckContext, DocumentCheck, Hit, Rule
from tqcheck.model import Finding, Segment, Sentence
from tqcheck.segment import split_sentences

log = logging.getLogger(__name__)


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


def resolve_gate(rule: Rule, ctx: CheckContext) -> re.Pattern[str] | None:
    """The gate of ``rule`` for the file of ``ctx``: a rule's gate is a regex, or a function of the
    context that returns one (or None: no gate, for languages the gate cannot serve)."""
    gate = rule.gate
    if gate is None or isinstance(gate, re.Pattern):
        return gate
    made = gate(ctx)
    return re.compile(made) if isinstance(made, str) else made


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
        self.gates: dict[str, re.Pattern[str]] = {}
        for rule in rules:
            gate = resolve_gate(rule, ctx)
            if gate is not None:
                self.gates[rule.code] = gate
        self.preconditions = [r for r in rules if r.scope == "sentence" and r.precondition]
        self.sentence_rules = [r for r in rules if r.scope == "sentence" and not r.precondition]
        self._ungated_sentence_rules = [r for r in self.sentence_rules if r.code not in self.gates]
        segment_rules = [r for r in rules if r.scope == "segment"]
        # Rules for every segment; with the pair rules for segments that know their source; with
        # the cue rules for subtitle cues.
        self.prose_rules = [r for r in segment_rules if r.on is None]
        self.pair_rules = self.prose_rules + [r for r in segment_rules if r.on == "pairs"]
        self.cue_rules = self.pair_rules + [r for r in segment_rules if r.on == "cues"]
        self.segment_rules = segment_rules
        # The same lists without the gated rules: what a segment no gate matched runs (most do).
        self._ungated = {
            id(rules): [r for r in rules if r.code not in self.gates]
            for rules in (self.prose_rules, self.pair_rules, self.cue_rules)
        }
        self.documents: list[tuple[Rule, DocumentCheck]] = [
            (r, r.impl(ctx)) for r in rules if r.scope == "document"
        ]
        # Document checks fed every segment, per kind of segment (as for the segment rules), and
        # those fed only the segments their gate matched.
        prose_docs = [(r, c) for r, c in self.documents if r.on is None]
        pair_docs = prose_docs + [(r, c) for r, c in self.documents if r.on == "pairs"]
        cue_docs = pair_docs + [(r, c) for r, c in self.documents if r.on == "cues"]
        kinds = (("prose", prose_docs), ("pairs", pair_docs), ("cues", cue_docs))
        self._feeds = {kind: [c for r, c in docs if r.code not in self.gates] for kind, docs in kinds}
        self._gated_feeds = {kind: [(r.code, c) for r, c in docs if r.code in self.gates]
                             for kind, docs in kinds}
        self.stats = FileStats()
        # Spans of sentences a precondition reported, per segment: document checks see only live
        # sentences but may scan the whole segment text, so their hits there are dropped too.
        self._dead: dict[tuple[int, int, int], list[tuple[int, int]]] = {}

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
            joined = "\n".join(s.text for s in buffer)
            starts = list(itertools.accumulate((len(s.text) + 1 for s in buffer[:-1]), initial=0))
            open_rules: dict[int, set[str]] = {}  # gate matches are rare: sets made on demand
            for code, gate in self.gates.items():
                for m in gate.finditer(joined):
                    first = bisect.bisect_right(starts, m.start()) - 1
                    last = bisect.bisect_right(starts, max(m.start(), m.end() - 1)) - 1
                    for i in range(first, last + 1):
                        open_rules.setdefault(i, set()).add(code)
            for i, seg in enumerate(buffer):
                found = self.feed(seg, open_rules.get(i, _NONE_OPEN))
                if found:
                    yield from found
            buffer = []

    def feed(self, segment: Segment, gated: AbstractSet[str] | None = None) -> list[Finding]:
        """Check one segment and return its findings.  ``gated``: codes of the gated rules known to
        apply (from :meth:`feed_all`); when None, each gate is searched here."""
        ctx = self.ctx
        text = segment.text
        if gated is None:
            gated = {code for code, gate in self.gates.items() if gate.search(text)}
        sentences = split_sentences(segment, ctx.data)
        stats = self.stats
        stats.segments += 1
        stats.sentences += len(sentences)
        stats.words += len(text.split())
        findings: list[Finding] = []
        live: list[Sentence] = sentences
        dead: list[tuple[int, int]] = []
        if self.preconditions:
            skipped: set[int] = set()
            for sentence in sentences:
                for rule in self.preconditions:
                    hits = list(rule.impl(sentence, ctx))
                    findings.extend(make_finding(rule, ctx, segment, hit) for hit in hits)
                    if hits:
                        skipped.add(sentence.index)
                        break
            if skipped:
                live = [s for s in sentences if s.index not in skipped]
                dead = [(s.start, s.end) for s in sentences if s.index in skipped]
                self._dead[_segment_key(segment)] = dead
        sentence_rules = self._ungated_sentence_rules
        if gated:
            sentence_rules = [r for r in self.sentence_rules
                              if r.code in gated or r.code not in self.gates]
        if sentence_rules:
            for sentence in live:
                for rule in sentence_rules:
                    for hit in rule.impl(sentence, ctx):
                        findings.append(make_finding(rule, ctx, segment, hit))
        if segment.kind == "cue":
            kind, rules = "cues", self.cue_rules
        elif segment.source is not None:
            kind, rules = "pairs", self.pair_rules
        else:
            kind, rules = "prose", self.prose_rules
        if gated:
            rules = [r for r in rules if r.code in gated or r.code not in self.gates]
        else:
            rules = self._ungated[id(rules)]
        for rule in rules:
            for hit in rule.impl(segment, live, ctx):
                if not dead or not any(a <= hit.start < b for a, b in dead):
                    findings.append(make_finding(rule, ctx, segment, hit))
        for check in self._feeds[kind]:
            check.feed(segment, live)
        if gated:
            for code, check in self._gated_feeds[kind]:
                if code in gated:
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
