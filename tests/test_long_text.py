"""Long text (issue 12): a paragraph of a megabyte costs what the same words in paragraphs cost.

Time and memory are measured by ``benchmarks/worst_case.py``; these tests pin the mechanisms:
bounded contexts, shared excerpts, and pieces that keep positions and findings.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tqcheck import pieces
from tqcheck.audit import AuditOptions, audit_text
from tqcheck.model import Segment

_WORDS = ("the talks in of and to a minister said would be on it that for with his was as at by "
          "Antalya Kuleba Lavrov meeting results expected city southern Turkish counterpart")
_WORDS_LIST = _WORDS.split()


def run_on(words: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    return " ".join(rnd.choice(_WORDS_LIST) for _ in range(words))


def test_context_of_a_finding_in_a_huge_paragraph_is_bounded() -> None:
    text = run_on(20_000) + " the the end"
    report = audit_text(text, AuditOptions(lang="en", select=("TQ101",)))
    assert report.findings
    assert max(len(f.context) for f in report.findings) <= 2 * 2000 + 100


def test_findings_on_one_long_line_share_its_excerpt() -> None:
    # A hard-wrapped paragraph: the findings are on its second line.
    text = "The talks went on\nand " + run_on(20_000)
    report = audit_text(text, AuditOptions(lang="en", select=("TQ101",)))
    assert len(report.findings) > 10 and report.findings[0].line == 2
    first = report.findings[0].excerpt
    assert all(f.excerpt is first for f in report.findings)


def test_locate_by_bisection_matches_the_scan() -> None:
    text = "\n".join(run_on(40, seed=i) for i in range(200))
    seg = Segment(text, 3, 5)
    assert len(text) > 4096
    for offset in range(0, len(text) + 1, 97):
        nl = text.rfind("\n", 0, offset)
        expected = (3, 5 + offset) if nl < 0 else (3 + text.count("\n", 0, offset), offset - nl)
        assert seg.locate(offset) == expected
        row_start = nl + 1
        row_end = text.find("\n", offset)
        row = text[row_start:row_end if row_end >= 0 else len(text)]
        assert seg.line_text(offset) == (" " * 4 + row if row_start == 0 else row)


@pytest.mark.parametrize("shape", ["words", "sentences", "one token", "combining"])
def test_pieces_keep_exact_positions(shape: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pieces, "MAX_SEGMENT", 1000)
    text = {"words": run_on(2000),
            "sentences": ". ".join(run_on(30, seed=i) for i in range(300)),
            "one token": "x" * 5000,
            "combining": "e" + "\u0301" * 5000}[shape]
    text = text.replace(" ", "\n", 3)  # a few line breaks, so lines and columns both move
    whole = Segment(text, 10, 3, index=4)
    parts = list(pieces.split_long_segments([whole]))
    assert len(parts) > 3
    assert all(len(p.text) <= 1000 for p in parts)
    at = 0
    for part in parts:
        start = text.index(part.text, at)
        assert text[at:start].strip() == ""  # only the whitespace at a cut is left out
        assert (part.line, part.col) == whole.locate(start)
        assert part.index == whole.index and part.source is None
        at = start + len(part.text)
    assert at == len(text)
    if shape == "combining":  # nothing to cut at: cut anyway, a mark never starts a piece
        assert all(p.text for p in parts)


def test_findings_in_pieces_are_those_of_the_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = run_on(6000, seed=3) + "\n"
    options = AuditOptions(lang="en")
    whole = audit_text(text, options)
    monkeypatch.setattr(pieces, "MAX_SEGMENT", 2000)
    cut = audit_text(text, options)
    key = [(f.code, f.line, f.col, f.end_col, f.message) for f in whole.findings]
    assert key  # the run-on text has doubled words and loops to find
    assert [(f.code, f.line, f.col, f.end_col, f.message) for f in cut.findings] == key
    assert [f.excerpt for f in cut.findings] == [f.excerpt for f in whole.findings]
    assert cut.files[0].segments == whole.files[0].segments == 1


def test_xliff_with_a_huge_attribute_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    from tqcheck.audit import audit

    path = tmp_path / "huge.xlf"
    with path.open("wb") as fh:
        fh.write(b'<?xml version="1.0"?>\n<xliff version="1.2"><file source-language="en" '
                 b'target-language="de" original="x"><body><trans-unit id="1" note="')
        for _ in range(24):
            fh.write(b"a" * 1_000_000)
        fh.write(b'"><source>Hi</source><target>Hallo</target></trans-unit></body></file>'
                 b"</xliff>\n")
    tracemalloc.start()
    try:
        report = audit([path], jobs=1)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert [e.message for e in report.errors] == [
        f"{path}: refused: a text or attribute value longer than 10 MB (the XML parser's limit)"]
    assert peak < 8_000_000  # the file is 24 MB: it was read whole, twice, before


def test_xml_nodes_under_the_limit_are_read(tmp_path: Path) -> None:
    from tqcheck.readers.xmlsource import refuse_huge_nodes

    path = tmp_path / "ok.xml"
    path.write_bytes(b"<a>" + b"x" * 3000 + b"</a><b>" + b"y" * 2500 + b"</b>")
    refuse_huge_nodes(path, limit=3100)  # the longest run without "<" is 3002 bytes
    with pytest.raises(Exception, match="longer than"):
        refuse_huge_nodes(path, limit=2000)
