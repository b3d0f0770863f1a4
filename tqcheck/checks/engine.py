"""Runs the selected checks over the segments of one file and turns hits into findings."""

from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from tqcheck.checks.gates import ChunkText, Gate, as_gate
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


def resolve_gate(rule: Rule, ctx: CheckContext) -> Gate | None:
    """The gate of ``rule`` for the file of ``ctx``: a rule's gate is a :class:`Gate`, or a
    function of the context that returns one or a regex (or None: no gate, for languages the gate
    cannot serve)."""
    gate = rule.gate
    if gate is None or isinstance(gate, Gate):
        return gate
    return as_gate(gate(ctx))


def _segment_key(segment: Segment) -> tuple[int, int, int]:
    return (segment.index, segment.line, segment.col)


class _Kinds:
    """Positions of the segments of a chunk by the kind of rules that run on them."""

    __slots__ = ("cues", "everywhere", "pairs")

    def __init__(self, segments: list[Segment]) -> None:
        self.everywhere = range(len(segments))
        self.cues = [i for i, s in enumerate(segments) if s.kind == "cue"]
        self.pairs = [i for i, s in enumerate(segments) if s.source is not None or s.kind == "cue"]


@dataclass
class FileStats:
    segments: int = 0
    sentences: int = 0
    words: int = 0


class Engine:
    """Checks for one file.  Feed segments in order, then call :meth:`finish`."""

    def __init__(self, rules: Iterable[Rule], ctx: CheckContext, isolate: bool = False) -> None:
        rules = list(rules)
        self.ctx = ctx
        #: Each segment is a document of its own (corpus records): document checks are made,
        #: fed and finished per segment, so a segment's findings never depend on its neighbours.
        self.isolate = isolate
        #: The gate of each gated rule, resolved for this file (a gate may depend on the languages).
        self.gates: dict[str, Gate] = {}
        for rule in rules:
            gate = resolve_gate(rule, ctx)
            if gate is not None:
                self.gates[rule.code] = gate
        self.preconditions = [r for r in rules if r.scope == "sentence" and r.precondition]
        self.sentence_rules = [r for r in rules if r.scope == "sentence" and not r.precondition]
        self.segment_rules = [r for r in rules if r.scope == "segment"]
        self.document_rules = [r for r in rules if r.scope == "document"]
        self.documents: list[tuple[Rule, DocumentCheck]] = [] if isolate else [
            (r, r.impl(ctx)) for r in self.document_rules
        ]
        self.stats = FileStats()
        # Spans of sentences a precondition reported, per segment: document checks see only live
        # sentences but may scan the whole segment text, so their hits there are dropped too.
        self._dead: dict[tuple[int, int, int], list[tuple[int, int]]] = {}

    def feed_all(self, segments: Iterable[Segment], chunk: int = 64) -> Iterator[Finding]:
        """Feed a stream of segments.  Gates are searched once per chunk of segments joined by
        newlines (one C-speed scan instead of one Python call per segment and rule); a rule runs
        only on the segments its gate matched.  Memory stays bounded by the chunk size.  Findings
        come chunk by chunk, not sorted within a chunk."""
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
            opened: dict[str, set[int]] = {}  # gate matches are rare: sets made on demand
            for code, gate in self.gates.items():
                for start, end in gate.spans(chunk_text):
                    first = bisect.bisect_right(starts, start) - 1
                    last = bisect.bisect_right(starts, max(start, end - 1)) - 1
                    opened.setdefault(code, set()).update(range(first, last + 1))
            yield from self._check_chunk(buffer, opened)
            buffer = []

    def feed(self, segment: Segment) -> list[Finding]:
        """Check one segment and return its findings (a chunk of one)."""
        return list(self.feed_all([segment]))

    def _check_chunk(self, segments: list[Segment], opened: dict[str, set[int]]) -> list[Finding]:
        """Check segments that follow each other; ``opened``: for each gated rule, the positions
        (in ``segments``) of the segments its gate opened.  Each check runs over all the segments
        in turn, not all checks over one segment and then the next: a check's code and data stay
        hot in the processor's caches, which makes the audit markedly faster."""
        ctx = self.ctx
        data = ctx.data
        stats = self.stats
        findings: list[Finding] = []
        kinds = _Kinds(segments)
        everywhere = kinds.everywhere
        per_segment = [split_sentences(segment, data) for segment in segments]
        stats.segments += len(segments)
        stats.sentences += sum(map(len, per_segment))
        # Preconditions: a sentence one of them reports is dead for every other check.
        live: list[list[Sentence]] = per_segment
        dead: dict[int, list[tuple[int, int]]] = {}
        if self.preconditions:
            live = []
            for i, (segment, sentences) in enumerate(zip(segments, per_segment, strict=True)):
                skipped: set[int] = set()
                for sentence in sentences:
                    for rule in self.preconditions:
                        hits = rule.impl(sentence, ctx)  # a sequence: see Rule.precondition
                        if hits:
                            findings.extend(make_finding(rule, ctx, segment, hit) for hit in hits)
                            skipped.add(sentence.index)
                            break
                if skipped:
                    live.append([s for s in sentences if s.index not in skipped])
                    dead[i] = [(s.start, s.end) for s in sentences if s.index in skipped]
                    if not self.isolate:  # isolated documents finish with their chunk
                        self._dead[_segment_key(segment)] = dead[i]
                else:
                    live.append(sentences)
        for rule in self.sentence_rules:
            for i in self._positions(rule.code, rule.on, kinds, opened):
                segment = segments[i]
                for sentence in live[i]:
                    for hit in rule.impl(sentence, ctx):
                        findings.append(make_finding(rule, ctx, segment, hit))
        for rule in self.segment_rules:
            impl = rule.impl
            positions = self._positions(rule.code, rule.on, kinds, opened)
            if positions is everywhere and not dead:  # most rules on most chunks
                for segment, sentences in zip(segments, live, strict=True):
                    hits = impl(segment, sentences, ctx)
                    if hits:
                        findings.extend(make_finding(rule, ctx, segment, hit) for hit in hits)
                continue
            for i in positions:
                segment = segments[i]
                spans = dead.get(i)
                for hit in impl(segment, live[i], ctx):
                    if not spans or not any(a <= hit.start < b for a, b in spans):
                        findings.append(make_finding(rule, ctx, segment, hit))
        if self.isolate:
            for rule in self.document_rules:
                for i in self._positions(rule.code, rule.on, kinds, opened):
                    check = rule.impl(ctx)
                    check.feed(segments[i], live[i])
                    spans = dead.get(i)
                    for hit in check.finish():
                        if hit.segment is not None and (
                                not spans or not any(a <= hit.start < b for a, b in spans)):
                            findings.append(make_finding(rule, ctx, hit.segment, hit))
        for rule, check in self.documents:
            feed = check.feed
            positions = self._positions(rule.code, rule.on, kinds, opened)
            if positions is everywhere:
                for segment, sentences in zip(segments, live, strict=True):
                    feed(segment, sentences)
            else:
                for i in positions:
                    feed(segments[i], live[i])
        return findings

    def _positions(self, code: str, on: str | None, kinds: _Kinds,
                   opened: dict[str, set[int]]) -> Sequence[int]:
        """Positions of the segments a rule runs on, in order: those its gate opened (all when it
        has none) of the kinds it applies to (pair rules: segments with a source, and cues; cue
        rules: cues)."""
        allowed = kinds.everywhere if on is None else kinds.pairs if on == "pairs" else kinds.cues
        if code not in self.gates:
            return allowed
        gate = opened.get(code)
        if not gate:
            return ()
        return [i for i in allowed if i in gate] if on is not None else sorted(gate)

    def finish(self) -> Iterator[Finding]:
        for rule, check in self.documents:
            for hit in check.finish():
                if hit.segment is None:
                    log.debug("%s: document hit without a segment dropped", rule.code)
                    continue
                dead = self._dead.get(_segment_key(hit.segment), ())
                if not any(a <= hit.start < b for a, b in dead):
                    yield make_finding(rule, self.ctx, hit.segment, hit)
