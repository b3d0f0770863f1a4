"""Score reports (:class:`~tqcheck.score.ScoreReport`) as text, JSON or CSV: formatters of the
same interface as the audit's, ``render(report, options) -> str``; the report carries its gate
failures and :class:`~tqcheck.report.RenderOptions` the rest (``worst``).  The command writes the
result with :func:`tqcheck.report.write_atomic`."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from tqcheck.score import iter_segment_rows, ranking_metric, report_to_dict, worst_segments

if TYPE_CHECKING:
    from tqcheck.report import RenderOptions
    from tqcheck.score import ScoreReport


def render_json(report: ScoreReport, options: RenderOptions) -> str:
    return json.dumps(report_to_dict(report, report.failures), ensure_ascii=False,
                      indent=2) + "\n"


def render_csv(report: ScoreReport, options: RenderOptions) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerows(iter_segment_rows(report))
    return buf.getvalue()


def render_text(report: ScoreReport, options: RenderOptions) -> str:
    failures = report.failures
    worst = options.worst
    out: list[str] = []
    refs = ", ".join(report.reference_names)
    out.append(f"{report.n_segments} segments, references: {refs}")
    out.extend(f"note: {note}" for note in report.notes)
    for system in report.systems:
        out.append("")
        out.append(system.name)
        width = max(len(m.name) for m in system.metrics.values())
        for m in system.metrics.values():
            ci = ""
            if m.ci is not None:
                ci = f"  (95% CI {m.ci.low:.2f}-{m.ci.high:.2f}, μ = {m.ci.mean:.2f} ± " \
                     f"{m.ci.half_width:.2f})"
            out.append(f"  {m.name:<{width}}  {m.score:6.2f}{ci}")
        for m in system.metrics.values():
            out.append(f"  {m.name:<{width}}  {m.signature}")
        for m in system.metrics.values():
            q = m.quantiles
            out.append(
                f"  {m.name:<{width}}  segments: min {q['min']:.1f}  p10 {q['p10']:.1f}  "
                f"p25 {q['p25']:.1f}  median {q['median']:.1f}  p75 {q['p75']:.1f}  "
                f"p90 {q['p90']:.1f}  max {q['max']:.1f}  mean {q['mean']:.1f}"
            )
        if worst > 0:
            key = ranking_metric(report.metrics)
            name = system.metrics[key].name
            out.append(f"  worst {worst} segments by {name}:")
            for seg in worst_segments(report, system, worst, key):
                out.append(f"    line {seg.line}: {name} {seg.score:.1f}")
                out.append(f"      hyp: {seg.hypothesis}")
                for ref_name, ref in zip(report.reference_names, seg.references, strict=True):
                    label = "ref" if len(seg.references) == 1 else f"ref {ref_name}"
                    out.append(f"      {label}: {ref}")
    tests = {"bs": "paired bootstrap resampling", "ar": "paired approximate randomization"}
    for test in ("bs", "ar"):
        rows = [c for c in report.comparisons if c.test == test]
        if not rows:
            continue
        out.append("")
        out.append(
            f"{tests[test]} ({rows[0].n_samples} samples) against the baseline "
            f"{rows[0].baseline}; * p < 0.05"
        )
        names = {c.metric: report.systems[0].metrics[c.metric].name for c in rows}
        sys_w = max(len(c.system) for c in rows)
        out.append(f"  {'system':<{sys_w}}  {'metric':<8} {'baseline':>8} {'system':>8} "
                   f"{'delta':>7} {'p-value':>8}")
        for c in rows:
            mark = " *" if c.significant else ""
            out.append(
                f"  {c.system:<{sys_w}}  {names[c.metric]:<8} {c.baseline_score:8.2f} "
                f"{c.system_score:8.2f} {c.delta:+7.2f} {c.p_value:8.4f}{mark}"
            )
    if failures:
        out.append("")
        out.extend(f"gate failed: {f}" for f in failures)
    return "\n".join(out) + "\n"
