"""A self-contained HTML report for reviewers: one page, no network, no external assets.

Per file, the text with every finding highlighted at its span; a side panel of findings that
filters by category, severity and code (vanilla JavaScript, no data inside the script); counts per
category as an inline SVG chart; scores when the report has them.  Every piece of text from the
input is escaped, and a Content-Security-Policy forbids loading anything.

The text of each file is read again at render time (:func:`tqcheck.readers.decode.read_text`,
newline-normalised like the readers), and ``(line, column)`` positions map to offsets in it.
"""

from __future__ import annotations

import html
import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from tqcheck import __version__
from tqcheck.model import Category, Finding, Report, Severity
from tqcheck.report import RenderOptions
from tqcheck.report.common import fix_preview, read_file_text, relative_path, rule_uri


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'")

_CSS = """
:root{--err:#f8b4b4;--warn:#fde68a;--info:#bfdbfe;--line:#ddd;font-family:system-ui,sans-serif}
body{margin:0;color:#111;background:#fafafa}
header{padding:1rem 1.5rem;border-bottom:1px solid var(--line);background:#fff}
h1{margin:0 0 .3rem;font-size:1.4rem}
h2{font-size:1.05rem;margin:1.2rem 0 .4rem;word-break:break-all}
#layout{display:flex;gap:1rem;padding:0 1rem;align-items:flex-start}
main{flex:3;min-width:0} aside{flex:2;position:sticky;top:0;max-height:100vh;overflow:auto;
background:#fff;border-left:1px solid var(--line);padding:.5rem 1rem}
pre.text{white-space:pre-wrap;word-wrap:break-word;background:#fff;border:1px solid var(--line);
padding:.8rem;line-height:1.5;font-family:ui-monospace,monospace;font-size:.85rem}
mark.hl{border-radius:2px;padding:0;color:inherit}
mark.sev-error{background:var(--err);border-bottom:2px solid #dc2626}
mark.sev-warning{background:var(--warn);border-bottom:2px solid #d97706}
mark.sev-info{background:var(--info);border-bottom:2px solid #2563eb}
mark.hl.off{background:transparent;border-bottom-color:transparent}
mark.hl.focus{outline:2px solid #111}
.filters label{display:block;margin:.3rem 0;font-size:.9rem}
.filters select{width:100%}
ol#findings{list-style:none;padding:0;margin:.5rem 0}
li.finding{border-bottom:1px solid var(--line);padding:.4rem 0;font-size:.88rem}
li.finding[hidden]{display:none}
.code{font-weight:bold} .loc{color:#555;font-family:ui-monospace,monospace;font-size:.8rem}
.badge{display:inline-block;border-radius:3px;padding:0 .3rem;font-size:.75rem}
.badge.error{background:var(--err)} .badge.warning{background:var(--warn)}
.badge.info{background:var(--info)}
.suggestion{color:#065f46} .fix{font-size:.9em;margin-top:.2rem}
.fix .before{background:#fee2e2;font-family:monospace;white-space:pre-wrap}
.fix .after{background:#dcfce7;font-family:monospace;white-space:pre-wrap}
.muted{color:#666} table.scores td{padding:.1rem .6rem}
"""

# Static: the page's data lives in escaped attributes, never inside the script.
_JS = """
(function(){
  var sel={category:document.getElementById('filter-category'),
           severity:document.getElementById('filter-severity'),
           code:document.getElementById('filter-code')};
  var items=Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  var marks=Array.prototype.slice.call(document.querySelectorAll('mark.hl'));
  function apply(){
    var visible={}, shown=0;
    items.forEach(function(li){
      var ok=['category','severity','code'].every(function(k){
        return !sel[k].value || li.dataset[k]===sel[k].value;});
      li.hidden=!ok;
      if(ok){visible[li.dataset.id]=true; shown++;}
    });
    marks.forEach(function(m){
      var on=m.dataset.ids.split(' ').some(function(id){return visible[id];});
      m.classList.toggle('off', !on);
    });
    document.getElementById('shown').textContent=shown+' of '+items.length+' findings shown';
  }
  Object.keys(sel).forEach(function(k){sel[k].addEventListener('change', apply);});
  items.forEach(function(li){
    li.addEventListener('click', function(){
      marks.forEach(function(m){m.classList.remove('focus');});
      marks.forEach(function(m){
        if(m.dataset.ids.split(' ').indexOf(li.dataset.id)>=0){m.classList.add('focus');}
      });
    });
  });
  apply();
})();
"""


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(i + 1 for i, c in enumerate(text) if c == "\n")
    return starts


def _offset(starts: list[int], text_len: int, line: int, col: int) -> int:
    if line < 1:
        return 0
    if line > len(starts):
        return text_len
    start = starts[line - 1]
    end = starts[line] - 1 if line < len(starts) else text_len
    return max(start, min(start + col - 1, end))


def _spans(text: str, findings: Sequence[tuple[str, Finding]]
           ) -> list[tuple[int, int, str, Finding]]:
    starts = _line_starts(text)
    out = []
    for fid, f in findings:
        a = _offset(starts, len(text), f.line, f.col)
        b = _offset(starts, len(text), f.end_line, f.end_col)
        if b <= a:
            # An empty span (a missing character) still gets one character to show it.
            b = min(len(text), a + 1)
        out.append((a, b, fid, f))
    return out


def highlight(text: str, findings: Sequence[tuple[str, Finding]]) -> str:
    """``text`` as escaped HTML with a ``<mark>`` over every piece covered by findings.

    Overlapping spans are cut at every boundary; each piece names all the findings covering it
    (``data-ids``) and takes the colour of the worst.  An anchor ``m-ID`` marks where each starts.
    """
    spans = _spans(text, findings)
    bounds = sorted({0, len(text)} | {a for a, _, _, _ in spans} | {b for _, b, _, _ in spans})
    starts_at: dict[int, list[str]] = defaultdict(list)
    for a, _, fid, _ in spans:
        starts_at[a].append(fid)
    out: list[str] = []
    for a, b in itertools.pairwise(bounds):
        out.extend(f'<a class="anchor" id="m-{fid}"></a>' for fid in starts_at.pop(a, []))
        cover = [(fid, f) for s, e, fid, f in spans if s <= a and b <= e]
        piece = esc(text[a:b])
        if cover:
            worst = max((f.severity for _, f in cover), key=lambda s: s.rank).value
            ids = " ".join(fid for fid, _ in cover)
            cats = " ".join(sorted({f.category.value for _, f in cover}))
            title = "; ".join(f"{f.code} {f.message}" for _, f in cover)
            out.append(f'<mark class="hl sev-{worst}" data-ids="{esc(ids)}" data-categories='
                       f'"{esc(cats)}" title="{esc(title)}">{piece}</mark>')
        else:
            out.append(piece)
    for fids in starts_at.values():  # spans of an empty file
        out.extend(f'<a class="anchor" id="m-{fid}"></a><mark class="hl sev-info" '
                   f'data-ids="{esc(fid)}" data-categories=""></mark>' for fid in fids)
    return "".join(out)


def _chart(counts: Counter[str]) -> str:
    cats = [c.value for c in Category if counts[c.value]]
    if not cats:
        return '<p class="muted">No findings.</p>'
    top = max(counts.values())
    bar_h, gap, label_w, width = 18, 6, 110, 300
    height = len(cats) * (bar_h + gap)
    rows = []
    for i, cat in enumerate(cats):
        y = i * (bar_h + gap)
        w = max(2, round(width * counts[cat] / top))
        rows.append(
            f'<text x="{label_w - 6}" y="{y + bar_h - 5}" text-anchor="end" font-size="12">'
            f'{esc(cat)}</text><rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" '
            f'fill="#6366f1" data-category="{esc(cat)}"><title>{esc(cat)}: {counts[cat]}</title>'
            f'</rect><text x="{label_w + w + 4}" y="{y + bar_h - 5}" font-size="12">'
            f'{counts[cat]}</text>')
    return (f'<svg id="chart" role="img" aria-label="Findings per category" width="'
            f'{label_w + width + 40}" height="{height}" xmlns="http://www.w3.org/2000/svg">'
            + "".join(rows) + "</svg>")


def _flatten(prefix: str, value: Any, out: list[tuple[str, str]]) -> None:
    if isinstance(value, Mapping):
        for k, v in value.items():
            _flatten(f"{prefix}.{k}" if prefix else str(k), v, out)
    elif isinstance(value, float):
        out.append((prefix, f"{value:.2f}"))
    elif isinstance(value, str | int | bool) or value is None:
        out.append((prefix, str(value)))
    else:
        out.append((prefix, json.dumps(value, ensure_ascii=False, default=str)))


def _scores(scores: Mapping[str, Any]) -> str:
    if not scores:
        return ""
    rows: list[tuple[str, str]] = []
    _flatten("", scores, rows)
    body = "".join(f"<tr><td>{esc(k)}</td><td>{esc(v)}</td></tr>" for k, v in rows)
    return f'<section id="scores"><h2>Scores</h2><table class="scores">{body}</table></section>'


def _select(name: str, label: str, values: Sequence[str]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(v)}</option>' for v in values)
    return (f'<label>{esc(label)} <select id="filter-{name}"><option value="">all</option>'
            f"{opts}</select></label>")


def render(report: Report, options: RenderOptions) -> str:
    encoding = report.encoding
    active = report.active
    ids = [(f"f{i}", f) for i, f in enumerate(active)]
    by_path: dict[str, list[tuple[str, Finding]]] = defaultdict(list)
    for fid, f in ids:
        by_path[f.path].append((fid, f))
    paths = list(dict.fromkeys([s.path for s in report.files] + [f.path for f in active]))
    counts = Counter(f.category.value for f in active)
    by_sev = Counter(f.severity.value for f in active)

    sections = []
    for path in paths:
        text = read_file_text(path, encoding)
        found = by_path.get(path, [])
        head = (f'<h2>{esc(relative_path(path))} <span class="muted">({len(found)} finding'
                f'{"s" if len(found) != 1 else ""})</span></h2>')
        if text is None:
            body = '<p class="muted">The text of this file could not be read again.</p>'
        else:
            body = f'<pre class="text">{highlight(text, found)}</pre>'
        sections.append(f'<section class="file" data-path="{esc(path)}">{head}{body}</section>')
    for e in report.errors:
        sections.append(f'<section class="file error"><h2>{esc(relative_path(e.path))}</h2>'
                        f'<p>error: {esc(e.message)}</p></section>')

    items = []
    for fid, f in ids:
        suggestion = (f'<div class="suggestion">suggestion: {esc(f.suggestion)}</div>'
                      if f.suggestion else "")
        if f.fix is not None:
            rows = "".join(f'<div class="before">− {esc(a)}</div><div class="after">+ {esc(b)}</div>'
                           for a, b in fix_preview(f))
            suggestion += (f'<div class="fix" data-applicability="{esc(f.fix.applicability.value)}">'
                           f'fix ({esc(f.fix.applicability.value)}): {esc(f.fix.message)}'
                           f'{rows}</div>')
        items.append(
            f'<li class="finding" data-id="{fid}" data-category="{esc(f.category.value)}" '
            f'data-severity="{esc(f.severity.value)}" data-code="{esc(f.code)}">'
            f'<a class="loc" href="#m-{fid}">{esc(relative_path(f.path))}:{f.line}:{f.col}</a> '
            f'<span class="badge {esc(f.severity.value)}">{esc(f.severity.value)}</span> '
            f'<a class="code" href="{esc(rule_uri(report, f.code))}" rel="noreferrer">{esc(f.code)}</a> '
            f'<span class="slug muted">{esc(f.slug)}</span>'
            f'<div class="message">{esc(f.message)}</div>{suggestion}</li>')

    suppressed = len(report.findings) - len(active)
    sevs = ", ".join(f"{by_sev[s.value]} {s.value}{'s' if by_sev[s.value] != 1 else ''}"
                     for s in Severity if by_sev[s.value])
    summary = (f"{len(active)} finding{'s' if len(active) != 1 else ''}"
               f"{' (' + sevs + ')' if sevs else ''} in {len(paths)} file"
               f"{'s' if len(paths) != 1 else ''}"
               f"{f'; {suppressed} suppressed' if suppressed else ''}.")
    notes = "".join(f"<li>{esc(n)}</li>" for n in report.notes)
    filters = (_select("category", "Category", sorted(counts))
               + _select("severity", "Severity", [s.value for s in Severity if by_sev[s.value]])
               + _select("code", "Code", sorted({f.code for f in active})))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>tqcheck report</title>
<style>{_CSS}</style>
</head>
<body>
<header>
<h1>tqcheck report</h1>
<p id="summary">{esc(summary)} <span class="muted">tqcheck {esc(__version__)}</span></p>
<section id="counts"><h2>Findings per category</h2>{_chart(counts)}</section>
{_scores(report.scores)}
{f'<details id="notes"><summary>Notes ({len(report.notes)})</summary><ul>{notes}</ul></details>'
 if notes else ''}
</header>
<div id="layout">
<main>
{"".join(sections)}
</main>
<aside id="panel">
<div class="filters">{filters}</div>
<p id="shown" class="muted">{len(items)} of {len(items)} findings shown</p>
<ol id="findings">{"".join(items)}</ol>
</aside>
</div>
<script>{_JS}</script>
</body>
</html>
"""
