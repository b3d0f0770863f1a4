from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SAMPLE, SEED, run
from tqcheck.audit import audit
from tqcheck.model import Category, Finding, Report, Severity
from tqcheck.report import RenderOptions
from tqcheck.report.html import highlight, render

HOSTILE = """\
<script>alert("pwned")</script> The the <b onmouseover="x()">bold</b> text &amp; more.

He arrived on Monday. pic.twitter.com/AbCdEf123 <img src=x onerror=alert(1)>

</pre></mark><!-- --> "quotes" and 'apostrophes' stay text.
"""


def test_everything_is_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    Path("<b>evil&x.txt").write_text(HOSTILE, encoding="utf-8")
    status, out, _ = run(capsys, "<b>evil&x.txt", "--format", "html", "--lang", "en")
    assert status == 1
    assert out.count("<script") == 1  # only the report's own script
    assert not re.search(r"<b[\s>]", out) and "<img" not in out
    assert "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in out
    assert "&lt;b&gt;evil&amp;x.txt" in out
    assert "&amp;amp;" in out
    assert out.count("</pre>") == out.count('<pre class="text">')
    assert "<mark" in out


def test_self_contained() -> None:
    report = audit([SEED], jobs=1)
    out = render(report, RenderOptions())
    assert "Content-Security-Policy" in out and "default-src 'none'" in out
    assert not re.search(r"\ssrc=|<link|@import|url\(", out)
    assert "<svg" in out and 'id="chart"' in out


def test_every_finding_is_marked_at_its_span() -> None:
    report = audit([SEED], jobs=1)
    out = render(report, RenderOptions())
    text = SEED.read_text(encoding="utf-8")
    for i, f in enumerate(report.active):
        assert re.search(rf'<mark [^>]*data-ids="[^"]*\bf{i}\b', out), f
        assert f'id="m-f{i}"' in out
    # The doubled text of a finding appears inside marks (escaped), in order.
    marked = "".join(re.findall(r"<mark [^>]*>(.*?)</mark>", out))
    assert "pic.twitter.com/mj6oKBfkoW" in marked
    assert len(re.findall(r'<li class="finding"', out)) == len(report.active) == 23
    assert text.count("\n") == out.split('<pre class="text">', 1)[1].split("</pre>")[0].count("\n")


def test_overlapping_and_empty_spans() -> None:
    def f(col: int, end: int, sev: Severity = Severity.WARNING) -> Finding:
        return Finding("TQ101", "doubled-word", Category.REPETITION, sev, "m", "a.txt", 1, col, 1,
                       end)

    html = highlight("abcdef\n", [("f0", f(1, 4)), ("f1", f(3, 6, Severity.ERROR)),
                                  ("f2", f(6, 6))])
    assert html == (
        '<a class="anchor" id="m-f0"></a><mark class="hl sev-warning" data-ids="f0" '
        'data-categories="repetition" title="TQ101 m">ab</mark><a class="anchor" id="m-f1"></a>'
        '<mark class="hl sev-error" data-ids="f0 f1" data-categories="repetition" '
        'title="TQ101 m; TQ101 m">c</mark><mark class="hl sev-error" data-ids="f1" '
        'data-categories="repetition" title="TQ101 m">de</mark><a class="anchor" id="m-f2"></a>'
        '<mark class="hl sev-warning" data-ids="f2" data-categories="repetition" '
        'title="TQ101 m">f</mark>\n')


def test_scores_are_shown(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    report = audit([path], jobs=1)
    report = Report(report.findings, report.files, scores={"chrF": 51.234, "BLEU": {"score": 20.5,
                                                           "signature": "<nrefs:1>"}})
    out = render(report, RenderOptions())
    assert 'id="scores"' in out and "51.23" in out and "BLEU.signature" in out
    assert "&lt;nrefs:1&gt;" in out


def test_unreadable_file_still_renders(tmp_path: Path) -> None:
    missing = Finding("TQ101", "doubled-word", Category.REPETITION, Severity.ERROR, "m",
                      str(tmp_path / "gone.txt"), 1, 1, 1, 2)
    out = render(Report((missing,)), RenderOptions())
    assert "could not be read again" in out and 'data-id="f0"' in out


def test_seed_file_written_with_output_option(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    status, out, _ = run(capsys, "seed.txt", "-q", "--output", "html=report.html")
    assert status == 1 and out.startswith("seed.txt:1:95: TQ501")
    assert Path("report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
