"""Runs the selected checks over the segments of one file and turns hits into findings."""

from __future__ import annotations

import bisect
import collections
import dataclasses
import itertools
import logging
import re
import weakref
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from tqcheck.checks.gates import ChunkText, Gate, as_gate
from tqcheck.checks.mirror import UNDOES_THE_SOURCE, MirrorCase, mirror_reason, source_holds
from tqcheck.checks.plain import style_case, style_reason
from tqcheck.checks.registry import CheckContext, DocumentCheck, Hit, Rule
from tqcheck.model import (
    MASK,
    UNMASKED,
    Applicability,
    Category,
    Edit,
    Finding,
    Fix,
    Segment,
    Sentence,
    Severity,
)
from tqcheck.pieces import PIECE, excerpt_of, from_a_cut, is_continuation, split_long_segments
from tqcheck.segment import split_sentences

log = logging.getLogger(__name__)

#: Formats of translation files: their units hold placeholders and markup that prose checks must
#: not see (masked, see :mod:`tqcheck.placeholders`).
TRANSLATION_FORMATS = frozenset({"po", "xliff", "tmx", "json", "android", "srt", "vtt"})


def normalise_context(text: str) -> str:
    """Whitespace-collapsed, case-folded sentence text (stable across edits elsewhere)."""
    return " ".join(text.split()).casefold()


#: Contexts made lately, by the raw text they normalise: the findings of one sentence share one
#: string (text with a finding every few characters held a copy of its sentence for each).
_recent_contexts: dict[str, str] = {}


def _shared_context(raw: str) -> str:
    context = _recent_contexts.get(raw)
    if context is None:
        if len(_recent_contexts) >= 1024:
            _recent_contexts.clear()
        context = _recent_contexts[raw] = normalise_context(raw)
    return context


#: Characters of the segments checked together (see Engine.feed_all): far more than 64 ordinary
#: paragraphs, so only chunks of long segments are cut by it.
_CHUNK_CHARS = 500_000
#: Segment kinds that are a unit of a translation file: emptying one is never a fix (the unit
#: would read as untranslated), so such a fix is only shown.
_UNIT_KINDS = frozenset({"unit", "cue"})

#: Markup as translation-file readers keep it in a unit's text (XLIFF and TMX inline codes, HTML
#: in PO and JSON strings): a fix never edits inside it.
_TAG = re.compile(r"<[^<>]*>")


def _cuts_markup(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` reach inside a tag (an end strictly within one)?"""
    if "<" not in text:
        return False
    return any(t.start() < start < t.end() or t.start() < end < t.end()
               or (start == end and t.start() < start < t.end())
               for t in _TAG.finditer(text))


def make_fix(rule: Rule, segment: Segment, hit: Hit) -> Fix | None:
    """The hit's fix in file coordinates, with the rule's applicability (lowered by the hit's),
    or None when the rule declares none, the hit has none, or an edit would touch masked text."""
    if rule.fix is None or not hit.fix:
        return None
    applicability = rule.fix
    if hit.applicability is not None and hit.applicability.rank < applicability.rank:
        applicability = hit.applicability
    edits: list[Edit] = []
    text = segment.text
    n = len(text)
    relative: list[tuple[int, int, str]] = []
    for item in hit.fix:
        if isinstance(item, Edit):
            edits.append(item)
            continue
        start, end, content = item
        if not 0 <= start <= end <= n:
            return None
        if segment.kind in _UNIT_KINDS and _cuts_markup(text, start, end):
            return None
        if segment.kind in _UNIT_KINDS and not content and any(c.isalpha() for c in text[start:end]):
            # Words deleted from a software string or a cue: what looks like residue in prose
            # ("This content is not available") is often the string's own text.  Shown only.
            applicability = Applicability.DISPLAY_ONLY
        edit = segment.edit(start, end, content)
        if edit is None:
            return None
        relative.append(item)
        edits.append(edit)
    if relative:
        after = text
        for start, end, content in sorted(relative, reverse=True):
            after = after[:start] + content + after[end:]
        if not after.strip():
            if segment.kind in _UNIT_KINDS:
                applicability = Applicability.DISPLAY_ONLY
            elif len(relative) == 1 and relative[0][:2] == (0, n) and PIECE not in segment.meta:
                # A prose paragraph deleted whole: its lines go, not just their text
                # (tqcheck.fix widens the edit over the blank line that set it apart).
                line, _ = segment.locate(0)
                end_line, _ = segment.locate(n)
                edits = [Edit(line, 1, end_line + 1, 1, "", text)]
    message = hit.fix_message or describe_edits(edits)
    return Fix(applicability, tuple(sorted(edits, key=lambda e: (e.start, e.end))), message)


def describe_edits(edits: Sequence[Edit]) -> str:
    """A few words saying what edits do: "delete '…'", "replace '…' with '…'"."""
    def short(s: str) -> str:
        s = " ".join(s.split())
        return s if len(s) <= 40 else s[:37] + "…"

    if len(edits) == 1:
        e = edits[0]
        if not e.content:
            return f"delete '{short(e.before)}'"
        if not e.before:
            return f"insert '{short(e.content)}'"
        return f"replace '{short(e.before)}' with '{short(e.content)}'"
    contents = {e.content for e in edits}
    if len(contents) == 1 and (content := next(iter(contents))):
        return f"write '{short(content)}' ({len(edits)} places)"
    return f"{len(edits)} edits"


#: How far a finding's context reaches on each side when no sentence end or line break is nearer.
_CONTEXT_REACH = 2000


def make_finding(rule: Rule, ctx: CheckContext, segment: Segment, hit: Hit) -> Finding:
    start = max(0, min(hit.start, len(segment.text)))
    end = max(start, min(hit.end, len(segment.text)))
    line, col = segment.locate(start)
    end_line, end_col = segment.locate(end)
    # The sentence around the hit, for fingerprints: from the last ". " or line break before it to
    # the next ". ", at most _CONTEXT_REACH away (identical for sentences of prose, which are
    # shorter; without the bound a paragraph with no sentence end cost its length per finding).
    text = segment.text
    low = max(0, start - _CONTEXT_REACH)
    left = max(text.rfind(". ", low, start), text.rfind("\n", low, start), low - 1) + 1
    high = end + _CONTEXT_REACH
    right_dot = text.find(". ", end, high)
    right = (len(text) if high >= len(text) else high) if right_dot < 0 else right_dot + 1
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
        excerpt=excerpt_of(segment, start),
        context=_shared_context(text[left:right]),
        related=hit.related,
        fix=make_fix(rule, segment, hit) if hit.fix else None,
    )


#: Input formats whose segments map to lines of the file, so that ``--source`` aligns by line.
LINE_ALIGNED_FORMATS = frozenset({"text", "markdown"})


#: ASCII white space as ``str.split`` knows it (``\x1c``–``\x1f`` included) becomes a space,
#: everything else ``x``: the words of ASCII text are then the places where ``" x"`` stands.
_WORD_STARTS = bytes.maketrans(
    bytes(range(128)),
    bytes(ord(" ") if chr(c).isspace() else ord("x") for c in range(128)))


def count_words(chunk: ChunkText) -> int:
    """``len(chunk.text.split())``, without making the words for ASCII text (a scan in C)."""
    if not chunk.is_ascii:
        return len(chunk.text.split())
    marks = b" " + chunk.text.encode().translate(_WORD_STARTS)
    return marks.count(b" x")


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
        self.pairs = [i for i, s in enumerate(segments)
                      if s.source is not None or s.kind == "cue" or "source_lines" in s.meta]


@dataclass
class FileStats:
    segments: int = 0
    sentences: int = 0
    words: int = 0


class Engine:
    """Checks for one file.  Feed segments in order, then call :meth:`finish`."""

    def __init__(self, rules: Iterable[Rule], ctx: CheckContext, isolate: bool = False) -> None:
        rules = [r for r in rules if ctx.format not in r.not_for]
        if ctx.state.get("keys_as_source"):
            rules = [r for r in rules if r.on != "pairs" or r.keys_ok]
        self.ctx = ctx
        #: Each segment is a document of its own (corpus records): document checks are made,
        #: fed and finished per segment, so a segment's findings never depend on its neighbours.
        self.isolate = isolate
        #: Translation files: prose checks see the text with placeholders and markup masked.
        self.syntaxes: frozenset[str] | None = (
            ctx.state.get("syntaxes") if ctx.format in TRANSLATION_FORMATS else None)
        self.pair_codes = {r.code for r in rules if r.on == "pairs"}
        self.mirrored = {r.code for r in rules if r.mirrored}
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
        #: The segment as read, for each masked copy that is still alive (by identity): only
        #: the findings of document checks, made at the end from the copies they keep, look it
        #: up, so an entry lives as long as its copy (see ``_masked``) and none is made without
        #: document checks.
        self._raw: dict[int, Segment] = {}
        #: Sources of the lines and segments seen so far, by file line, for the related
        #: locations of document findings: kept only when document checks run, and for
        #: isolated documents (corpus records) only those of the chunk being checked.
        self._sources_by_line: dict[int, str] = {}
        #: The segments (as read) of the chunk being checked: the lines around a finding, for the
        #: style tests of plain mode (tqcheck.checks.plain).
        self._chunk: list[Segment] = []

    # --- the source in view -------------------------------------------------------------------

    def _remember_sources(self, segment: Segment) -> None:
        if not self.document_rules:  # only document findings have related locations
            return
        if segment.source is not None:
            self._sources_by_line[segment.line] = segment.source
        for line in segment.meta.get("source_lines", ()):
            self._sources_by_line[line.line] = line.source

    def source_of(self, segment: Segment) -> str | None:
        """The source text of ``segment``: its own (bilingual formats) or the ``--source`` lines
        the reader paired with its lines (line-aligned text)."""
        if segment.source is not None:
            return segment.source
        if segment.kind == "cue":
            return None
        lines = segment.meta.get("source_lines", ())
        return "\n".join(line.source for line in lines) if lines else None

    def _finding(self, rule: Rule, segment: Segment, hit: Hit) -> Finding:
        """The finding of a hit, downgraded to info when it mirrors the segment's source (an info
        finding that mirrors it loses a fix that would undo the source)."""
        finding = make_finding(rule, self.ctx, segment, hit)
        if finding.severity is Severity.INFO and finding.fix is None:
            return finding
        source = self.source_of(segment)
        if not source:  # plain mode: is it the writer's style? (tqcheck.checks.plain)
            style = style_reason(style_case(rule.code, segment, hit.start, hit.end,
                                            finding.message, self.ctx.source_lang, hit.related,
                                            self._chunk))
            return finding if style is None else replace(
                finding, severity=Severity.INFO, fix=None,
                message=f"{finding.message} (without the source, the writer's style: {style})")
        # The sources of the related places in other segments: an earlier occurrence in this
        # segment (a sentence looped within one paragraph) is judged by this segment's own
        # source alone, which holds that place's source too.
        last = segment.locate(len(segment.text))[0] if hit.related else segment.line
        related = tuple(s for s in (self._sources_by_line.get(loc.line) for loc in hit.related
                                    if not segment.line <= loc.line <= last) if s)
        reason = mirror_reason(MirrorCase(rule.code, segment, hit.start, hit.end, source,
                                          self.ctx.source_lang, related))
        if reason is None and rule.code in self.mirrored and source_holds(segment, hit.start, hit.end):
            reason = "the source has it too"
        if reason is None:
            return finding
        fix = None if rule.code in UNDOES_THE_SOURCE else finding.fix
        return replace(finding, severity=Severity.INFO, fix=fix,
                       message=f"{finding.message} (mirrors the source: {reason})")

    def feed_all(self, segments: Iterable[Segment], chunk: int = 64) -> Iterator[Finding]:
        """Feed a stream of segments.  Gates are searched once per chunk of segments joined by
        newlines (one C-speed scan instead of one Python call per segment and rule); a rule runs
        only on the segments its gate matched.  Memory stays bounded by the chunk size.  Findings
        come chunk by chunk, not sorted within a chunk."""
        buffer: list[Segment] = []
        held = 0
        # Over-long segments are checked in pieces (tqcheck.pieces): cost linear in the text.
        for segment in itertools.chain(split_long_segments(segments), [None]):
            if segment is not None:
                buffer.append(segment)
                held += len(segment.text)
                # A chunk is also cut by its characters, so that what the checks of a chunk
                # memoise (tqcheck.checks.text.per_text) stays small for long segments.
                if len(buffer) < chunk and held < _CHUNK_CHARS:
                    continue
            if not buffer:
                break
            raw = buffer
            if self.syntaxes is not None:
                buffer = [self._masked(s) for s in raw]
            chunk_text = ChunkText("\n".join([s.text for s in buffer]))
            starts = list(itertools.accumulate((len(s.text) + 1 for s in buffer[:-1]), initial=0))
            # The words of the chunk are the words of its segments (newlines split words too).
            self.stats.words += count_words(chunk_text)
            opened: dict[str, set[int]] = {}  # gate matches are rare: sets made on demand
            # Where each segment starts, and where the text ends (past the last segment).
            bounds = [*starts, len(chunk_text.text)]
            for code, gate in self.gates.items():
                # Characters [low, high) of the chunk belong to the segment opened last: a match
                # inside it opens nothing new (in non-Latin text a gate on non-ASCII letters
                # matches every character).
                low = high = 0
                mine: set[int] | None = None
                for start, end in gate.spans(chunk_text):
                    if low <= start < high and end <= high:
                        continue
                    first = bisect.bisect_right(starts, start) - 1
                    # A match within one segment (most) needs no second search.
                    last = first if end <= bounds[first + 1] else bisect.bisect_right(
                        starts, max(start, end - 1)) - 1
                    if mine is None:
                        mine = opened[code] = set()
                    if first == last:
                        mine.add(first)
                    else:
                        mine.update(range(first, last + 1))
                    low = bounds[last]
                    high = bounds[last + 1]
            if self.isolate:  # an isolated document's findings cite only its own lines
                self._sources_by_line.clear()
            yield from self._check_chunk(buffer, opened, raw)
            buffer = []
            held = 0

    def feed(self, segment: Segment) -> list[Finding]:
        """Check one segment and return its findings (a chunk of one)."""
        return list(self.feed_all([segment]))

    def _masked(self, segment: Segment) -> Segment:
        from tqcheck.placeholders import mask, syntaxes_for

        flags = segment.meta.get("flags", ())
        syntaxes = syntaxes_for(flags if isinstance(flags, tuple) else (), self.syntaxes or
                                frozenset())
        text = mask(segment.text, syntaxes)
        if text == segment.text:
            return segment
        # The text as read stays in reach of prose checks that must look inside markup (a
        # bracket the translator closed inside a tag: ``B<-sn)>``).
        masked = dataclasses.replace(segment, text=text,
                                     meta={**segment.meta, UNMASKED: segment.text})
        if self.documents:
            key = id(masked)
            self._raw[key] = segment
            weakref.finalize(masked, self._raw.pop, key, None)  # gone with the copy
        return masked

    def _check_chunk(self, segments: list[Segment], opened: dict[str, set[int]],
                     raw: list[Segment] | None = None) -> list[Finding]:
        """Check segments that follow each other; ``opened``: for each gated rule, the positions
        (in ``segments``) of the segments its gate opened.  Each check runs over all the segments
        in turn, not all checks over one segment and then the next: a check's code and data stay
        hot in the processor's caches, which makes the audit markedly faster."""
        ctx = self.ctx
        data = ctx.data
        stats = self.stats
        findings: list[Finding] = []
        kinds = _Kinds(segments)
        # Findings point into the text as read; prose checks ran on the masked one (same length).
        originals = raw if raw is not None else segments
        self._chunk = originals
        for i in kinds.pairs:  # the segments with a source
            self._remember_sources(originals[i])
        everywhere = kinds.everywhere
        per_segment = [split_sentences(segment, data) for segment in segments]
        # Pieces of long segments (rare) count as one segment, and no sentence starts at a cut.
        pieces = [s for s in segments if PIECE in s.meta]
        stats.segments += len(segments) - sum(1 for s in pieces if is_continuation(s))
        stats.sentences += sum(map(len, per_segment))
        # Preconditions: a sentence one of them reports is dead for every other check.
        live: list[list[Sentence]] = per_segment
        dead: dict[int, list[tuple[int, int]]] = {}
        if len(self.preconditions) == 1:
            live = self._one_precondition(segments, per_segment, originals, findings, dead)
        elif self.preconditions:
            live = []
            preconditions = self.preconditions
            for i, (segment, sentences) in enumerate(zip(segments, per_segment, strict=True)):
                skipped: set[int] | None = None  # made for the few segments that need it
                for sentence in sentences:
                    for rule in preconditions:
                        hits = rule.impl(sentence, ctx)  # a sequence: see Rule.precondition
                        if hits:
                            findings.extend(self._finding(rule, originals[i], hit)
                                            for hit in hits)
                            if skipped is None:
                                skipped = set()
                            skipped.add(sentence.index)
                            break
                live.append(self._kill(i, segment, sentences, skipped, dead) if skipped
                            else sentences)
        for rule in self.sentence_rules:
            for i in self._positions(rule.code, rule.on, kinds, opened):
                segment = originals[i]
                for sentence in live[i]:
                    for hit in rule.impl(sentence, ctx):
                        findings.append(self._finding(rule, segment, hit))
        for rule in self.segment_rules:
            impl = rule.impl
            # Pair checks compare placeholders and markup: they see the text as read.
            seen = originals if rule.code in self.pair_codes else segments
            positions = self._positions(rule.code, rule.on, kinds, opened)
            if rule.past_preconditions:  # sees every sentence, dead or alive
                for i in positions:
                    hits = impl(seen[i], per_segment[i], ctx)
                    if hits:
                        findings.extend(self._finding(rule, originals[i], hit) for hit in hits)
                continue
            # In translation files, a repetition across a masked placeholder is none.
            across = self.syntaxes is not None and rule.category is Category.REPETITION
            if positions is everywhere and not dead and not across:
                # Most rules on most chunks: the calls made by ``map`` (no loop of Python code
                # around them), then the few segments with hits (``filter`` on their results).
                results = list(map(impl, seen, live, itertools.repeat(ctx, len(seen))))
                for i in filter(results.__getitem__, everywhere):
                    findings.extend(self._finding(rule, originals[i], hit) for hit in results[i])
                continue
            for i in positions:
                spans = dead.get(i)
                original = originals[i]
                for hit in impl(seen[i], live[i], ctx):
                    if spans and any(a <= hit.start < b for a, b in spans):
                        continue
                    if across and MASK in seen[i].text[hit.start:hit.end]:
                        continue  # "soit B<32> soit", "von {n} von": a placeholder between
                    findings.append(self._finding(rule, original, hit))
        if self.isolate:
            for rule in self.document_rules:
                seen = originals if rule.code in self.pair_codes else segments
                for i in self._positions(rule.code, rule.on, kinds, opened):
                    check = rule.impl(ctx)
                    check.feed(seen[i], live[i])
                    spans = dead.get(i)
                    for hit in check.finish():
                        if hit.segment is not None and (
                                not spans or not any(a <= hit.start < b for a, b in spans)):
                            findings.append(self._finding(rule, originals[i], hit))
        cuts = {(s.line, s.col) for s in pieces if from_a_cut(s, 0)}
        if cuts:  # where a long segment was cut inside a sentence, no sentence starts
            findings = [f for f in findings if (f.line, f.col) not in cuts]
        for rule, check in self.documents:
            feed = check.feed
            seen = originals if rule.code in self.pair_codes else segments
            positions = self._positions(rule.code, rule.on, kinds, opened)
            if positions is everywhere:
                collections.deque(map(feed, seen, live), maxlen=0)  # the calls, no Python loop
            else:
                for i in positions:
                    feed(seen[i], live[i])
        return findings

    def _one_precondition(self, segments: list[Segment], per_segment: list[list[Sentence]],
                          originals: list[Segment], findings: list[Finding],
                          dead: dict[int, list[tuple[int, int]]]) -> list[list[Sentence]]:
        """The live sentences of each segment when one precondition runs (the usual case): its
        calls on every sentence of the chunk, in order, made by ``map`` (no loop of Python code
        around them); then the few segments with a sentence it reported, as the general loop of
        :meth:`_check_chunk` treats them (their findings to ``findings``, their dead spans to
        ``dead``)."""
        rule = self.preconditions[0]
        ctx = self.ctx
        flat = list(itertools.chain.from_iterable(per_segment))
        verdicts = list(map(rule.impl, flat, itertools.repeat(ctx, len(flat))))
        if not any(verdicts):  # most chunks
            return per_segment
        live: list[list[Sentence]] = []
        place = 0
        for i, sentences in enumerate(per_segment):
            mine = verdicts[place:place + len(sentences)]
            place += len(sentences)
            if not any(mine):
                live.append(sentences)
                continue
            skipped: set[int] = set()
            for sentence, hits in zip(sentences, mine, strict=True):
                if hits:
                    findings.extend(self._finding(rule, originals[i], hit) for hit in hits)
                    skipped.add(sentence.index)
            live.append(self._kill(i, segments[i], sentences, skipped, dead))
        return live

    def _kill(self, i: int, segment: Segment, sentences: list[Sentence], skipped: set[int],
              dead: dict[int, list[tuple[int, int]]]) -> list[Sentence]:
        """The sentences of the ``i``-th segment of a chunk that a precondition left alive (those
        whose index is not in ``skipped``); the spans of the others go to ``dead`` (and, unless
        documents are isolated, to the engine's memory of dead spans by segment)."""
        dead[i] = [(s.start, s.end) for s in sentences if s.index in skipped]
        if not self.isolate:  # isolated documents finish with their chunk
            self._dead[_segment_key(segment)] = dead[i]
        return [s for s in sentences if s.index not in skipped]

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
                if not any(a <= hit.start < b for a, b in dead) and not from_a_cut(
                        hit.segment, hit.start):
                    yield self._finding(rule, self._as_read(hit.segment), hit)

    def _as_read(self, segment: Segment) -> Segment:
        """The segment as read, for one a document check holds (masked or not).  The map is by
        ``id``, and the id of a masked copy no longer held may be reused by another segment: an
        entry lives only as long as its copy (see ``_masked``)."""
        return self._raw.get(id(segment), segment)
