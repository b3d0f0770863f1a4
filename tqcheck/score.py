"""Reference-based scores on sacrebleu: BLEU, chrF, chrF++ and TER, corpus and segment level.

Every number comes from sacrebleu's metric classes; nothing here re-implements a metric.  The
sufficient statistics of each segment are extracted once per metric (the way sacrebleu's own
``corpus_score`` and its significance tests do), and the corpus score, the segment scores and the
bootstrap resamples are all computed from them, so segment scores cost little beyond the corpus
score.

Inputs are plain ``list[str]`` values: line-aligned files (:func:`read_lines`) today, the segment
pairs of other formats later.  ``hypotheses`` is one list per system, ``references`` one list per
reference stream, all of the same length.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from tqcheck.errors import InputError, MissingExtraError

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric

MetricKey = Literal["bleu", "chrf", "chrf++", "ter"]
TestType = Literal["bs", "ar"]

#: Every metric ``score`` knows, in report order.
METRICS: tuple[MetricKey, ...] = ("bleu", "chrf", "chrf++", "ter")
DEFAULT_METRICS: tuple[MetricKey, ...] = METRICS
#: Metrics where a lower score is better.
LOWER_IS_BETTER: frozenset[str] = frozenset({"ter"})

#: BLEU tokenizer for a target language: sacrebleu's own choices (``BLEU._TOKENIZER_MAP``).
_TOKENIZER_BY_LANG = {"zh": "zh", "ja": "ja-mecab", "ko": "ko-mecab"}
_TOKENIZER_EXTRA = {"ja-mecab": ("Japanese BLEU tokenization (ja-mecab)", "ja"),
                    "ko-mecab": ("Korean BLEU tokenization (ko-mecab)", "ko")}

#: sacrebleu's default seed for resampling (``SACREBLEU_SEED``); fixed so runs are repeatable.
DEFAULT_SEED = 12345
QUANTILES: tuple[float, ...] = (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0)
SIGNIFICANCE_LEVEL = 0.05


# --------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True, slots=True)
class Interval:
    """A 95% bootstrap confidence interval, as sacrebleu reports it: ``mean ± half_width``."""

    mean: float
    half_width: float
    n_bootstrap: int
    seed: int

    @property
    def low(self) -> float:
        return self.mean - self.half_width

    @property
    def high(self) -> float:
        return self.mean + self.half_width


@dataclass(frozen=True, slots=True)
class MetricScore:
    """One metric for one system: corpus score, sacrebleu signature, every segment's score."""

    key: MetricKey
    name: str  # sacrebleu's name: BLEU, chrF2, chrF2++, TER
    score: float
    signature: str
    segments: tuple[float, ...]
    detail: str = ""  # BLEU's precisions and brevity penalty
    ci: Interval | None = None

    @property
    def quantiles(self) -> dict[str, float]:
        return segment_quantiles(self.segments)


@dataclass(frozen=True, slots=True)
class SystemScores:
    name: str
    hypotheses: tuple[str, ...]
    metrics: Mapping[str, MetricScore]


@dataclass(frozen=True, slots=True)
class Comparison:
    """A paired test of ``system`` against ``baseline`` on one metric."""

    test: TestType
    metric: MetricKey
    baseline: str
    system: str
    baseline_score: float
    system_score: float
    p_value: float
    n_samples: int
    signature: str

    @property
    def significant(self) -> bool:
        return self.p_value < SIGNIFICANCE_LEVEL

    @property
    def delta(self) -> float:
        return self.system_score - self.baseline_score


@dataclass(frozen=True, slots=True)
class ScoreReport:
    systems: tuple[SystemScores, ...]
    references: tuple[tuple[str, ...], ...]
    reference_names: tuple[str, ...]
    metrics: tuple[MetricKey, ...]
    tokenizer: str
    comparisons: tuple[Comparison, ...] = ()
    notes: tuple[str, ...] = field(default=())
    #: The gate's verdict (``check_gate``), for the formatters; empty: passed or not gated.
    failures: tuple[GateFailure, ...] = ()

    @property
    def n_segments(self) -> int:
        return len(self.references[0]) if self.references else 0


@dataclass(frozen=True, slots=True)
class GateFailure:
    system: str
    metric: MetricKey
    score: float
    threshold: float

    def __str__(self) -> str:
        op = ">" if self.metric in LOWER_IS_BETTER else "<"
        name = {"bleu": "BLEU", "chrf": "chrF", "chrf++": "chrF++", "ter": "TER"}[self.metric]
        return f"{self.system}: {name} {self.score:.2f} {op} {self.threshold:g}"


# --------------------------------------------------------------------------------------------
# Input


def read_lines(path: str | os.PathLike[str]) -> list[str]:
    """The lines of a UTF-8 text file (a BOM is dropped), without trailing whitespace, as the
    sacrebleu command line reads them.  Undecodable or empty files raise :class:`InputError`."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{name}: not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line})"
        ) from None
    if not text:
        raise InputError(f"{name} is empty")
    from tqcheck.readers.decode import split_lines

    return [line.rstrip() for line in split_lines(text)]


def check_aligned(named: Sequence[tuple[str, Sequence[str]]]) -> None:
    """Every text must have the first one's number of lines (segments), and at least one."""
    first_name, first = named[0]
    if not first:
        raise InputError(f"{first_name} is empty")
    for name, lines in named[1:]:
        if not lines:
            raise InputError(f"{name} is empty")
        if len(lines) != len(first):
            raise InputError(
                f"{first_name} has {_count(len(first))} but {name} has {_count(len(lines))}"
            )


#: Formats whose files hold (source, target) units; they are aligned by source text, not by line.
TRANSLATION_FORMATS = frozenset({"po", "xliff", "tmx", "json", "srt", "vtt", "android"})


@dataclass(frozen=True, slots=True)
class LoadedTexts:
    systems: list[tuple[str, list[str]]]
    references: list[list[str]]
    notes: list[str]


def load_texts(hyp_paths: Sequence[str], ref_paths: Sequence[str]) -> LoadedTexts:
    """Hypotheses and references from files.  Plain text is line-aligned (:func:`read_lines`);
    translation files (PO, XLIFF, TMX, JSON, subtitles, Android resources) are read as
    ``(source, target)`` units and aligned by source text: the segments are the sources translated
    in every file, in the order of the first hypothesis file."""
    from tqcheck.readers import detect_format

    paths = [*hyp_paths, *ref_paths]
    formats = {p: detect_format(Path(p)) if Path(p).is_file() else "text" for p in paths}
    paired = [p for p in paths if formats[p] in TRANSLATION_FORMATS]
    if not paired:
        return LoadedTexts([(p, read_lines(p)) for p in hyp_paths],
                           [read_lines(p) for p in ref_paths], [])
    plain = next((p for p in paths if p not in paired), None)
    if plain is not None:
        raise InputError(f"{plain} is line-aligned text but {paired[0]} is a "
                         f"{formats[paired[0]]} file; score files of one kind")
    tables = [_units_by_source(p, formats[p]) for p in paths]
    common = [src for src in tables[0] if all(src in t for t in tables[1:])]
    if not common:
        raise InputError(f"no source text of {paths[0]} is translated in every file")
    notes = [f"{len(common)} units aligned by source text"]
    for path, table in zip(paths, tables, strict=True):
        if len(table) > len(common):
            missing = len(table) - len(common)
            unit = "unit" if missing == 1 else "units"
            notes.append(f"{path}: {missing} {unit} not in every file left out")
    texts = [[table[src] for src in common] for table in tables]
    n_hyp = len(hyp_paths)
    return LoadedTexts(list(zip(hyp_paths, texts[:n_hyp], strict=True)), texts[n_hyp:], notes)


def _units_by_source(path: str, fmt: str) -> dict[str, str]:
    from tqcheck.readers import read_pairs

    table: dict[str, str] = {}
    for source, target in read_pairs(path, fmt=fmt):
        # One line per segment in every output: a unit's inner line breaks become spaces.
        table.setdefault(source, " ".join(target.split("\n")).rstrip())
    if not table:
        raise InputError(f"{path} has no translated unit with a source text")
    return table


def _count(n: int) -> str:
    return f"{n} line" if n == 1 else f"{n} lines"


# --------------------------------------------------------------------------------------------
# Metrics


def tokenizer_for(lang: str | None) -> str:
    """sacrebleu's default BLEU tokenizer for a target language (``13a`` unless zh, ja, ko)."""
    if not lang:
        return "13a"
    from tqcheck.langdata import base_lang

    return _TOKENIZER_BY_LANG.get(base_lang(lang) or "", "13a")


def chrf_signature() -> str:
    """sacrebleu's signature of the sentence chrF that fidelity checks score with (one
    reference)."""
    metric = make_metric("chrf")
    metric.sentence_score("a", ["a"])  # the signature names the number of references
    return str(metric.get_signature().format())


def make_metric(key: str, lang: str | None = None, *, segment: bool = False) -> Metric:
    """A fresh sacrebleu metric object.  ``segment=True`` gives BLEU with effective order, the
    setting sacrebleu uses for sentence-level BLEU."""
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF
    from sacrebleu.metrics.ter import TER

    if key == "bleu":
        tokenize = tokenizer_for(lang)
        try:
            return BLEU(tokenize=tokenize, effective_order=segment)
        except (RuntimeError, ImportError, AssertionError) as exc:
            if tokenize in _TOKENIZER_EXTRA:
                what, extra = _TOKENIZER_EXTRA[tokenize]
                raise MissingExtraError(what, extra) from exc
            raise
    if key == "chrf":
        return CHRF()
    if key == "chrf++":
        return CHRF(word_order=2)
    if key == "ter":
        return TER()
    raise InputError(f"unknown metric {key!r} (choose from {', '.join(METRICS)})")


def parse_metrics(spec: str | Sequence[str]) -> tuple[MetricKey, ...]:
    """``"bleu,chrf"`` → ``("bleu", "chrf")``, in :data:`METRICS` order, unknown names an error."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    wanted = {item.strip().lower() for item in items if item.strip()}
    aliases = {"chrf2": "chrf", "chrfpp": "chrf++", "chrf2++": "chrf++"}
    wanted = {aliases.get(w, w) for w in wanted}
    unknown = sorted(wanted - set(METRICS))
    if unknown:
        raise InputError(f"unknown metric {unknown[0]!r} (choose from {', '.join(METRICS)})")
    if not wanted:
        raise InputError("no metric chosen")
    return tuple(m for m in METRICS if m in wanted)


def _extract_stats(metric: Metric, hyps: Sequence[str], refs: Sequence[Sequence[str]]) -> Any:
    # sacrebleu's own sufficient-statistics pass (what corpus_score and PairedTest call).
    return metric._extract_corpus_statistics(list(hyps), [list(r) for r in refs])


def score_metric(
    key: MetricKey,
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    lang: str | None = None,
    n_bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
) -> MetricScore:
    """Corpus score, signature and segment scores of one metric; a bootstrap interval when
    ``n_bootstrap > 1``."""
    metric = make_metric(key, lang)
    stats = _extract_stats(metric, hypotheses, references)
    corpus = metric._aggregate_and_compute(stats)
    seg_metric = make_metric(key, lang, segment=True) if key == "bleu" else metric
    segments = tuple(float(seg_metric._compute_score_from_stats(s).score) for s in stats)
    ci = None
    if n_bootstrap > 1:
        mean, half = bootstrap_interval(metric, stats, n_bootstrap, seed)
        ci = Interval(mean, half, n_bootstrap, seed)
        # The signature then names the resampling, as sacrebleu's does.
        metric.n_bootstrap = n_bootstrap
        metric.seed = str(seed)
    return MetricScore(
        key=key,
        name=str(corpus.name),
        score=float(corpus.score),
        signature=metric.get_signature().format(),
        segments=segments,
        detail=str(getattr(corpus, "_verbose", "") or ""),
        ci=ci,
    )


def sentence_scores(
    key: MetricKey,
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    *,
    lang: str | None = None,
) -> list[float]:
    """The score of every segment, equal to sacrebleu's ``sentence_score`` (BLEU with effective
    order), from one statistics pass."""
    if not hypotheses:
        return []
    metric = make_metric(key, lang, segment=True)
    stats = _extract_stats(metric, hypotheses, references)
    return [float(metric._compute_score_from_stats(s).score) for s in stats]


def bootstrap_interval(
    metric: Metric,
    stats: Any,
    n_samples: int,
    seed: int = DEFAULT_SEED,
    *,
    max_indices: int = 20_000_000,
) -> tuple[float, float]:
    """Mean and 95% half-width of ``n_samples`` bootstrap resamples, exactly as sacrebleu's
    ``corpus_score(n_bootstrap=…)`` computes them, but drawing the resample indices in chunks so
    memory stays bounded on large corpora (the generator's stream is the same)."""
    import numpy as np
    from sacrebleu.significance import estimate_ci

    rng = np.random.default_rng(seed)
    stats_np = np.array(stats, dtype="float32")
    n = len(stats_np)
    chunk = max(1, min(n_samples, max_indices // max(n, 1)))
    scores: list[float] = []
    done = 0
    while done < n_samples:
        k = min(chunk, n_samples - done)
        for row in rng.choice(n, size=(k, n), replace=True):
            scores.append(metric._compute_score_from_stats(stats_np[row].sum(0)).score)
        done += k
    mean, half = estimate_ci(np.array(scores))
    return float(mean), float(half)


def score_system(
    name: str,
    hypotheses: Sequence[str],
    references: Sequence[Sequence[str]],
    metrics: Sequence[MetricKey] = DEFAULT_METRICS,
    *,
    lang: str | None = None,
    n_bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
) -> SystemScores:
    check_aligned([(name, hypotheses), *((f"reference {i + 1}", r) for i, r in
                                         enumerate(references))])
    return SystemScores(
        name=name,
        hypotheses=tuple(hypotheses),
        metrics={
            key: score_metric(key, hypotheses, references, lang=lang, n_bootstrap=n_bootstrap,
                              seed=seed)
            for key in metrics
        },
    )


def compare_systems(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[Sequence[str]],
    metrics: Sequence[MetricKey] = DEFAULT_METRICS,
    *,
    lang: str | None = None,
    test: TestType = "bs",
    n_samples: int = 0,
) -> list[Comparison]:
    """sacrebleu's ``PairedTest`` of every system against the first (the baseline).

    ``n_samples=0`` uses sacrebleu's defaults (1000 bootstrap resamples, 10000 AR trials).  The
    seed is sacrebleu's (``SACREBLEU_SEED``, default 12345), so results are repeatable."""
    from sacrebleu.significance import PairedTest

    if len(systems) < 2:
        return []
    objs = {key: make_metric(key, lang) for key in metrics}
    named: list[tuple[str, Sequence[str]]] = [(name, list(hyps)) for name, hyps in systems]
    refs = [list(r) for r in references]
    paired = PairedTest(named, dict(objs.items()), references=refs, test_type=test,
                        n_samples=n_samples)
    signatures, table = paired()
    # PairedTest keys its results by sacrebleu's score names, in the order of `metrics`.
    result_names = [k for k in table if k != "System"]
    out: list[Comparison] = []
    baseline = systems[0][0]
    for key, result_name in zip(metrics, result_names, strict=True):
        column = [r for r in table[result_name] if not isinstance(r, str)]
        base = column[0]
        for (name, _), res in zip(systems[1:], column[1:], strict=True):
            assert res.p_value is not None
            out.append(Comparison(
                test=test,
                metric=key,
                baseline=baseline,
                system=name,
                baseline_score=float(base.score),
                system_score=float(res.score),
                p_value=float(res.p_value),
                n_samples=int(paired.n_samples),
                signature=signatures[result_name].format(),
            ))
    return out


def score(
    systems: Sequence[tuple[str, Sequence[str]]],
    references: Sequence[Sequence[str]],
    metrics: Sequence[MetricKey] = DEFAULT_METRICS,
    *,
    lang: str | None = None,
    reference_names: Sequence[str] | None = None,
    n_bootstrap: int = 0,
    seed: int = DEFAULT_SEED,
    paired_tests: Sequence[TestType] = (),
    paired_samples: int = 0,
    notes: Sequence[str] = (),
) -> ScoreReport:
    """Score one or more systems against one or more references.

    ``systems`` are ``(name, hypotheses)`` pairs; ``references`` one list of lines per reference.
    ``n_bootstrap > 1`` adds a confidence interval to every corpus score; ``paired_tests``
    (``"bs"``, ``"ar"``) compares every system with the first."""
    if not systems:
        raise InputError("no hypotheses to score")
    if not references:
        raise InputError("no reference given (use -r/--ref)")
    ref_names = list(reference_names or [f"reference {i + 1}" for i in range(len(references))])
    check_aligned([*((n, h) for n, h in systems), *zip(ref_names, references, strict=True)])
    names = [n for n, _ in systems]
    if len(set(names)) != len(names):
        raise InputError("two systems have the same name")
    scored = tuple(
        score_system(name, hyps, references, metrics, lang=lang, n_bootstrap=n_bootstrap,
                     seed=seed)
        for name, hyps in systems
    )
    comparisons: list[Comparison] = []
    for test in paired_tests:
        comparisons.extend(compare_systems(systems, references, metrics, lang=lang, test=test,
                                           n_samples=paired_samples))
    return ScoreReport(
        systems=scored,
        references=tuple(tuple(r) for r in references),
        reference_names=tuple(ref_names),
        metrics=tuple(metrics),
        tokenizer=tokenizer_for(lang),
        comparisons=tuple(comparisons),
        notes=tuple(notes),
    )


# --------------------------------------------------------------------------------------------
# Views of a report


def segment_quantiles(values: Sequence[float]) -> dict[str, float]:
    """Distribution of segment scores: min, p10, p25, median, p75, p90, max and mean."""
    if not values:
        return {}
    import numpy as np

    arr = np.asarray(values, dtype=float)
    qs = np.quantile(arr, QUANTILES)
    labels = ["min", "p10", "p25", "median", "p75", "p90", "max"]
    out = {label: float(q) for label, q in zip(labels, qs, strict=True)}
    out["mean"] = float(arr.mean())
    return out


@dataclass(frozen=True, slots=True)
class WorstSegment:
    line: int  # 1-based
    score: float
    hypothesis: str
    references: tuple[str, ...]


def ranking_metric(metrics: Sequence[MetricKey]) -> MetricKey:
    """The metric that orders segments for ``--worst``: chrF when scored (it is the most
    stable at segment level), else chrF++, BLEU, TER."""
    for key in ("chrf", "chrf++", "bleu", "ter"):
        if key in metrics:
            return key
    raise InputError("no metric chosen")


def worst_segments(
    report: ScoreReport, system: SystemScores, n: int, metric: MetricKey | None = None
) -> list[WorstSegment]:
    """The ``n`` lowest segments of a system (highest, for TER); ties keep file order."""
    key = metric or ranking_metric(report.metrics)
    values = system.metrics[key].segments
    sign = -1.0 if key in LOWER_IS_BETTER else 1.0
    order = sorted(range(len(values)), key=lambda i: (sign * values[i], i))[: max(n, 0)]
    return [
        WorstSegment(i + 1, values[i], system.hypotheses[i],
                     tuple(ref[i] for ref in report.references))
        for i in order
    ]


def check_gate(
    report: ScoreReport,
    *,
    min_bleu: float | None = None,
    min_chrf: float | None = None,
    max_ter: float | None = None,
) -> list[GateFailure]:
    """The systems whose corpus scores miss a threshold.  A threshold on a metric that was not
    scored is an error (the gate would otherwise pass silently)."""
    limits: list[tuple[MetricKey, float, bool]] = []
    if min_bleu is not None:
        limits.append(("bleu", min_bleu, False))
    if min_chrf is not None:
        limits.append(("chrf", min_chrf, False))
    if max_ter is not None:
        limits.append(("ter", max_ter, True))
    failures: list[GateFailure] = []
    for key, threshold, upper in limits:
        if key not in report.metrics:
            raise InputError(f"a {key} threshold is set but {key} is not among --metrics")
        for system in report.systems:
            value = system.metrics[key].score
            if (value > threshold) if upper else (value < threshold):
                failures.append(GateFailure(system.name, key, value, threshold))
    return failures


def report_to_dict(report: ScoreReport, failures: Sequence[GateFailure] = ()) -> dict[str, Any]:
    """A JSON-ready view: scores, signatures, segment scores, quantiles, comparisons, gate."""
    from tqcheck import __version__

    def metric_dict(m: MetricScore) -> dict[str, Any]:
        d: dict[str, Any] = {"name": m.name, "score": m.score, "signature": m.signature}
        if m.detail:
            d["detail"] = m.detail
        if m.ci is not None:
            d["ci"] = {"mean": m.ci.mean, "half_width": m.ci.half_width, "low": m.ci.low,
                       "high": m.ci.high, "n_bootstrap": m.ci.n_bootstrap, "seed": m.ci.seed}
        d["quantiles"] = m.quantiles
        return d

    return {
        "tool": {"name": "tqcheck", "version": __version__},
        "references": list(report.reference_names),
        "segments": report.n_segments,
        "metrics": list(report.metrics),
        "tokenizer": report.tokenizer,
        "notes": list(report.notes),
        "systems": [
            {
                "name": s.name,
                "scores": {k: metric_dict(m) for k, m in s.metrics.items()},
                "segment_scores": [
                    {"line": i + 1, **{k: m.segments[i] for k, m in s.metrics.items()}}
                    for i in range(report.n_segments)
                ],
            }
            for s in report.systems
        ],
        "comparisons": [
            {"test": c.test, "metric": c.metric, "baseline": c.baseline, "system": c.system,
             "baseline_score": c.baseline_score, "system_score": c.system_score,
             "delta": c.delta, "p_value": c.p_value, "significant": c.significant,
             "n_samples": c.n_samples, "signature": c.signature}
            for c in report.comparisons
        ],
        "gate": {"passed": not failures, "failures": [str(f) for f in failures]},
    }


def iter_segment_rows(report: ScoreReport) -> Iterator[list[str]]:
    """CSV rows of segment scores: a header, then ``system, line, <metric>...``."""
    yield ["system", "line", *report.metrics]
    for s in report.systems:
        columns = [s.metrics[k].segments for k in report.metrics]
        for i in range(report.n_segments):
            yield [s.name, str(i + 1), *(_num(col[i]) for col in columns)]


def _num(value: float) -> str:
    return repr(round(value, 4))
