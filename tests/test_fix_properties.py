"""Properties of fixing, on arbitrary text and on every shared corpus:

- a fix changes nothing outside its edits (the text between them is kept, byte for byte);
- fixing twice equals fixing once;
- re-auditing the fixed text never finds a new finding that a fix created: one whose flagged
  text holds text a fix wrote (a deletion writes nothing: what it brings together was there,
  "talk@@ s" → "talks", and a check blind to it before may now see it).
"""

from __future__ import annotations

import difflib
import html
import itertools
import shutil
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tqcheck.audit import AuditOptions
from tqcheck.checks.registry import select_rules
from tqcheck.fix import apply_findings, fix_file, fix_text, line_starts, offset_of
from tqcheck.model import Finding

from .conftest import DATA, SEED

_PIECES = [
    "the", "talks", "in", "Antalya", "Kuleba", "Dmytro", "Dmitry", "said", "and", "instructions",
    "ceasefire", "cease-fire", ",", ".", " ,", " .", "?", "\u200b", "\u200f", "&quot;", "&amp;",
    "▁", "<unk>", "talk@@ s", "pic.twitter.com/abc", "⚡️", "#Sergey_Lavrov", "@Russia_AR",
    "\"", "“", "”", "«", "»", "،", "，", "١٠", "(", ")", "From his meeting with Lavrov.",
    "In return,", "previous conversations", "— Name (@handle) March 7, 2022", "\n", "\n\n",
    "the the", "in in", "instructions and instructions", "and", "the", "1", "Ω", "e\u0301",
]

_TEXT = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40).map(
    lambda parts: "".join(p if p in {"\n", "\n\n", ",", ".", "?", ")"} or i == 0 else " " + p
                          for i, p in enumerate(parts)))


def _opcodes(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    """Character opcodes (difflib's) from ``old`` to ``new``: lines matched first, characters
    within changed blocks of lines (a character diff of a whole file is quadratic)."""
    a, b = old.splitlines(True), new.splitlines(True)
    a_at = [0, *itertools.accumulate(map(len, a))]
    b_at = [0, *itertools.accumulate(map(len, b))]
    out: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        x1, x2, y1, y2 = a_at[i1], a_at[i2], b_at[j1], b_at[j2]
        if tag == "equal":
            out.append(("equal", x1, x2, y1, y2))
            continue
        inner = difflib.SequenceMatcher(None, old[x1:x2], new[y1:y2], autojunk=False)
        out.extend((t, x1 + p1, x1 + p2, y1 + q1, y1 + q2) for t, p1, p2, q1, q2
                   in inner.get_opcodes())
    return out


def _distinct(applied: Iterable[Finding]) -> list[Finding]:
    """The applied findings, one per fix (findings may share one fix: it is applied once)."""
    return list({f.fix.edits: f for f in applied if f.fix is not None}.values())


def _one_pass_keeps_the_rest(text: str, findings: Iterable[Finding]) -> None:
    """The text a pass produces is the old text with the applied edits spliced in, nothing else."""
    new, applied = apply_findings(text, findings, unsafe=True)
    starts = line_starts(text)
    ranges = []
    for f in _distinct(applied):
        assert f.fix is not None
        for e in f.fix.edits:
            a, b = offset_of(starts, text, e.line, e.col), offset_of(starts, text, e.end_line, e.end_col)
            assert a is not None and b is not None
            # Each edit replaces the text it says it replaces (whole lines: with their breaks).
            assert " ".join(e.before.split()) == " ".join(text[a:b].split())
            ranges.append((a, b, e.content))
    kept = text
    for a, b, content in sorted(ranges, reverse=True):
        kept = kept[:a] + content + kept[b:]
    assert new == kept
    # Outside the ranges, every character of the old text is in the new one, in order.
    outside = "".join(text[i] for i in range(len(text))
                      if not any(a <= i < b for a, b, _ in ranges))
    assert outside in new or _is_subsequence(outside, new)


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _new_findings_where_fixed(before: Iterable[Finding], after: Iterable[Finding], old: str,
                              new: str) -> list[Finding]:
    """Findings of the fixed text, standing where a fix changed it, that the old text did not
    have (by code and flagged text, ignoring case: a capitalised heading keeps its findings)."""
    had = Counter((f.code, f.text.casefold()) for f in before)
    opcodes = _opcodes(old, new)
    # What the fixes wrote (insertions and replacements), in the new text's coordinates, with
    # the old text each replaced.
    # An HTML entity decoded writes nothing new: the character was there, encoded ("&quot;").
    written = [(j1, j2, old[i1:i2]) for tag, i1, i2, j1, j2 in opcodes
               if tag in ("replace", "insert") and html.unescape(old[i1:i2]) != new[j1:j2]]
    spans = [(j1, j2) for j1, j2, _ in written]
    starts = line_starts(new)
    old_starts = line_starts(old)
    to_new = _old_to_new(opcodes)
    old_spans = []
    for f in before:
        a = offset_of(old_starts, old, f.line, f.col)
        b = offset_of(old_starts, old, f.end_line, f.end_col)
        if a is not None and b is not None:
            old_spans.append((f.code, [to_new[i] for i in range(a, b) if i in to_new]))
    out = []
    for f in after:
        a = offset_of(starts, new, f.line, f.col)
        b = offset_of(starts, new, f.end_line, f.end_col)
        if a is None or b is None:
            continue
        touches = any(a < s2 and s1 < b for s1, s2 in spans)
        if not touches or had[(f.code, f.text.casefold())]:
            continue
        if any(f.code == code and any(a <= j < b for j in js) for code, js in old_spans):
            continue  # the same finding, grown or shrunk by a fix next to it
        replaced = [x for j1, j2, x in written if a < j2 and j1 < b]
        if f.category.value == "repetition" and max(Counter(replaced).values()) > 1:
            continue  # a repeat that was there in another form ("#Sergey_Lavrov #Sergey_Lavrov")
        if f.category.value == "repetition" and _unified_repeat(new, a, b, written):
            continue
        out.append(f)
    return out


def _unified_repeat(new: str, a: int, b: int, written: Sequence[tuple[int, int, str]]) -> bool:
    """A repeat that was there with one copy spelled another way: a fix unified the spelling
    ("cease-fire ceasefire cease-fire" → three times "cease-fire"), so what it wrote stands in the
    finding's span more than once."""
    span = new[a:b].casefold()
    return any(j2 > j1 and span.count(new[j1:j2].casefold()) > 1
               for j1, j2, _ in written if a < j2 and j1 < b)


def _old_to_new(opcodes: list[tuple[str, int, int, int, int]]) -> dict[int, int]:
    return {i: j1 + (i - i1) for tag, i1, i2, j1, _j2 in opcodes if tag == "equal"
            for i in range(i1, i2)}





def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _written_spans(text: str, applied: Iterable[Finding]) -> list[tuple[int, int, str]]:
    """Where one pass's edits wrote text, in the new text's coordinates, with what they replaced
    (an HTML entity decoded writes nothing new: the character was there, encoded)."""
    starts = line_starts(text)
    placed = []
    for f in _distinct(applied):
        assert f.fix is not None
        for e in f.fix.edits:
            a = offset_of(starts, text, e.line, e.col)
            b = offset_of(starts, text, e.end_line, e.end_col)
            assert a is not None and b is not None
            placed.append((a, b, e.content))
    out, shift = [], 0
    for a, b, content in sorted(placed):
        was = text[a:b]
        # What an edit keeps of the text it replaces ("the the" → "the") it does not write.
        head = _common_prefix(was, content)
        tail = _common_prefix(was[head:][::-1], content[head:][::-1])
        if content[head:len(content) - tail] and html.unescape(was) != content:
            out.append((a + shift + head, a + shift + len(content) - tail, was))
        shift += len(content) - (b - a)
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
@example("cease-fire ceasefire cease-fire")  # unified spelling reveals a loop that was there
@example("the #Sergey_Lavrov the")  # a deleted hashtag reveals a truncation that was there
@example("the ، ،")  # two marks, one fix shared by two findings
@example("the ، the")  # a doubled word over a comma of another script
def test_fixing_arbitrary_text(text: str) -> None:
    from tqcheck.fix import _audit_string

    options = AuditOptions(lang="en")
    before = _audit_string(text, options, "<text>").findings
    # One pass keeps what its edits do not touch, and finds nothing new where they wrote.
    _one_pass_keeps_the_rest(text, before)
    new, applied = apply_findings(text, before, unsafe=True)
    after = _audit_string(new, options, "<text>").findings
    assert _created(before, after, text, new, applied) == []
    # All passes: twice equals once.
    first = fix_text(text, options, unsafe=True)
    again = fix_text(first.text, options, unsafe=True)
    assert again.applied == () and again.text == first.text


def _created(before: Sequence[Finding], after: Iterable[Finding], old: str, new: str,
             applied: Sequence[Finding]) -> list[Finding]:
    """Findings of the fixed text that hold text a fix wrote and that the old text did not have
    (by code and flagged text ignoring case, or by code at the same place: a finding that grew or
    shrank with a fix beside it), except a repeat that was there in another form."""
    written = _written_spans(old, applied)
    had = Counter((f.code, f.text.casefold()) for f in before)
    old_starts, starts = line_starts(old), line_starts(new)
    placed = []
    for f in _distinct(applied):
        assert f.fix is not None
        for e in f.fix.edits:
            placed.append((offset_of(old_starts, old, e.line, e.col) or 0,
                           offset_of(old_starts, old, e.end_line, e.end_col) or 0, e.content))

    def to_new(p: int) -> int:
        return p + sum(len(c) - (y - x) for x, y, c in placed if y <= p)

    old_spans = []
    for f in before:
        a = offset_of(old_starts, old, f.line, f.col)
        b = offset_of(old_starts, old, f.end_line, f.end_col)
        if a is not None and b is not None:
            old_spans.append((f.code, to_new(a), to_new(b)))
    out = []
    for f in after:
        a = offset_of(starts, new, f.line, f.col)
        b = offset_of(starts, new, f.end_line, f.end_col)
        if a is None or b is None or had[(f.code, f.text.casefold())]:
            continue
        if any(code == f.code and x <= b and a <= y for code, x, y in old_spans):
            continue
        replaced = [x for j1, j2, x in written if a < j2 and j1 < b]
        if not replaced:
            continue
        if f.category.value == "repetition" and max(Counter(replaced).values()) > 1:
            continue  # a repeat that was there in another form ("#Sergey_Lavrov #Sergey_Lavrov")
        if f.category.value == "repetition" and _unified_repeat(new, a, b, written):
            continue
        if f.code == "TQ205" and not any(j1 < b <= j2 for j1, j2, _ in written):
            # A truncated sentence is judged by its last word: where no fix wrote that, the
            # sentence ended so before ("the #Sergey_Lavrov the" → "the Sergey Lavrov the").
            continue
        if f.code == "TQ202" and not any(j1 <= a < j2 for j1, j2, _ in written):
            # An orphan heading is judged by its first letter: where no fix wrote that, the line
            # was lowercase before ("the #Sergey_Lavrov" → "the Sergey Lavrov").
            continue
        writers = [g for g in applied if _wrote(g, old, to_new, a, b)]
        if _without_each_fix_still_found(f, old, applied, writers):
            continue  # another fix revealed it ("▁ the the" → "the": an orphan heading all along)
        out.append(f)
    return out


def _wrote(fix: Finding, old: str, to_new: Callable[[int], int], a: int, b: int) -> bool:
    """Did ``fix`` write text into ``[a, b)`` of the new text?"""
    assert fix.fix is not None
    starts = line_starts(old)
    for e in fix.fix.edits:
        x = offset_of(starts, old, e.line, e.col) or 0
        if e.content and a < to_new(x) + len(e.content) and to_new(x) < b:
            return True
    return False


def _without_each_fix_still_found(f: Finding, old: str, applied: Sequence[Finding],
                                  writers: Sequence[Finding]) -> bool:
    """Is ``f``'s rule still reporting when any one of the fixes that wrote into its span is left
    out?  Then those fixes did not create it: the others uncovered what was there."""
    from tqcheck.fix import _audit_string

    if not writers:
        return False
    options = AuditOptions(lang="en")
    for left_out in writers:
        text, _ = apply_findings(old, [x for x in applied if x is not left_out], unsafe=True)
        if not any(g.code == f.code for g in _audit_string(text, options, "<text>").findings):
            return False
    return True


def _corpus_files() -> list[Path]:
    picks = [
        SEED,
        DATA / "ntrex" / "newstest2019-ref.arb.txt",
        DATA / "po" / "gnome-calculator" / "de.po",
        DATA / "po" / "transmission" / "ru.po",
        DATA / "l10n-wild" / "pv" / "fr.po",
        DATA / "l10n-wild" / "partdb" / "messages.ru.xlf",
        DATA / "l10n-wild" / "vtt" / "captions.ar.vtt",
        DATA / "l10n-wild" / "srt" / "video.de.srt",
        DATA / "l10n-wild" / "yubi" / "app_de.arb",
        DATA / "l10n-wild" / "android" / "res" / "values-ar" / "strings.xml",
    ]
    wmt = sorted((DATA / "wmt23" / "system-outputs").rglob("*"))
    picks += [p for p in wmt if p.is_file()][:2]
    return picks


@pytest.mark.slow
@pytest.mark.parametrize("source", _corpus_files(), ids=lambda p: p.name)
def test_fixing_every_shared_corpus(source: Path, tmp_path: Path) -> None:
    if not source.exists():
        pytest.skip(f"shared data not available: {source}")
    # Keep the file's place among its siblings (Android pairs values-xx with values).
    if source.parent.name.startswith("values-"):
        shutil.copytree(source.parent.parent, tmp_path / "res")
        path = tmp_path / "res" / source.parent.name / source.name
    else:
        path = tmp_path / source.name
        shutil.copy(source, path)
    options = AuditOptions()
    rules = select_rules()
    first = fix_file(path, options, rules, unsafe=True)
    assert first.error is None
    assert not [n for n in first.notes if "unapplied" in n]
    path.write_text(first.after, encoding="utf-8")
    second = fix_file(path, options, rules, unsafe=True)
    assert not second.changed, second.diff()[:2000]
    new = _new_findings_where_fixed(first.found, second.remaining, first.before, first.after)
    assert new == [], [(f.code, f.line, f.text) for f in new]
