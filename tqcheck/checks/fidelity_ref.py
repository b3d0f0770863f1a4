"""Fidelity against a reference translation (``tqcheck audit --ref FILE``)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.model import MASK, Segment, Sentence, Severity

#: Robust rule: a line is flagged when its chrF is below ``median - max(K * 1.4826 * MAD, MIN_GAP)``
#: of the document's line scores, or below ``FLOOR`` whatever the document.
K = 2.5
MIN_GAP = 15.0
FLOOR = 20.0
#: Below this many scored lines the median says little; only the floor applies.
MIN_LINES = 5
#: 1.4826 * MAD estimates the standard deviation of normally distributed scores.
MAD_TO_SIGMA = 1.4826


@dataclass(frozen=True, slots=True)
class _Line:
    segment: Segment
    start: int
    end: int
    line: int  # 1-based line of the audited file
    text: str


def low_line_threshold(scores: Iterable[float], k: float = K, min_gap: float = MIN_GAP,
                       floor: float = FLOOR) -> tuple[float, float]:
    """``(median, threshold)`` of the rule: lines scoring below ``threshold`` are flagged."""
    values = list(scores)
    if len(values) < MIN_LINES:
        return (statistics.median(values) if values else 0.0), floor
    median = statistics.median(values)
    mad = statistics.median(abs(v - median) for v in values)
    return median, max(floor, median - max(k * MAD_TO_SIGMA * mad, min_gap))


@register("TQ801", "low-reference-chrf", Severity.WARNING, scope="document", needs="ref")
class LowReferenceChrf:
    """A line's chrF against the reference is far below the document's typical value.

    What it does:
    With ``tqcheck audit --ref FILE``, the audited file and the reference are line-aligned: the
    k-th line of the file translates the same source as the k-th line of the reference.  The check
    scores every non-blank line with sacrebleu's sentence-level chrF (character 6-grams, beta 2)
    and flags the lines that score far below the rest of the document:

    * ``chrF < median - max(2.5 * 1.4826 * MAD, 15)``, where *median* and *MAD* (median absolute
      deviation) are taken over all scored lines of the document; 1.4826 * MAD is a robust
      standard deviation, so one bad line cannot hide others by inflating the spread, and the gap
      of at least 15 chrF points keeps uniform documents (MAD near 0) quiet; or
    * ``chrF < 20``, whatever the document (an absolute floor: hardly a character n-gram in
      common).

    Calibration on the MQM TED zh-en data (14 systems, 5 talks, 7,406 lines): the rule flags 1.9%
    of the real translation lines and 90% of lines replaced by another sentence of the same talk
    (a shifted alignment).  Library callers can change the 2.5 and the 20 with the audit
    feature options ``ref_chrf_k`` and ``ref_chrf_floor``.

    With fewer than 5 scored lines only the floor applies.  A line left empty where the reference
    has text scores 0.  When the file has more lines than the reference, the check is skipped
    with a note, since the alignment is broken.

    Why it matters:
    A translation that scores far below its neighbours against the same reference is most often
    not a stylistic variant but a fidelity failure: a hallucinated or truncated sentence, a
    sentence left untranslated, a line shifted against its source.  Scoring relative to the
    document's own median adapts to the language pair and to how literal the reference is.

    Example:
    Reference line 12: ``The museum opens at nine o'clock on weekdays.``

    Audited line 12: ``Please subscribe to our newsletter for more updates.``
    scores chrF 14.5, under the floor of 20: flagged, with the reference line as the suggestion.

    Audited line 12: ``On weekdays the museum opens at 9.``
    scores chrF 56.8, near a typical line: not flagged.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.lines: list[_Line] = []

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        start = 0
        for piece in segment.text.split("\n"):
            end = start + len(piece)
            line = segment.locate(start)[0]
            self.lines.append(_Line(segment, start, end, line, piece.replace(MASK, "")))
            start = end + 1

    def finish(self) -> Iterable[Hit]:
        ref_path = self.ctx.settings.fidelity.ref
        if not ref_path or not self.lines:
            return []
        references = self.ctx.resources.reference()
        assert references is not None
        from tqcheck.score import sentence_scores

        last = max(item.line for item in self.lines)
        if last > len(references):
            self.ctx.note_once(
                f"TQ801:{self.ctx.path}",
                f"{self.ctx.path} has at least {last} lines but the reference {ref_path} has "
                f"{len(references)}; low-reference-chrf (TQ801) skipped",
            )
            return []
        pairs = [(item, references[item.line - 1]) for item in self.lines]
        pairs = [(item, ref) for item, ref in pairs if item.text.strip() or ref.strip()]
        if not pairs:
            return []
        scores = sentence_scores("chrf", [item.text for item, _ in pairs],
                                 [[ref for _, ref in pairs]])
        fidelity = self.ctx.settings.fidelity
        k = K if fidelity.ref_chrf_k is None else fidelity.ref_chrf_k
        floor = FLOOR if fidelity.ref_chrf_floor is None else fidelity.ref_chrf_floor
        median, threshold = low_line_threshold(scores, k=k, floor=floor)
        hits = []
        for (item, ref), value in zip(pairs, scores, strict=True):
            if value >= threshold:
                continue
            hits.append(Hit(
                start=item.start,
                end=max(item.end, item.start),
                message=(
                    f"chrF {value:.1f} against the reference, far below this document's median "
                    f"{median:.1f} (threshold {threshold:.1f})"
                ),
                suggestion=ref,
                segment=item.segment,
            ))
        return hits
