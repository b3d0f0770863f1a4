"""Fixes: the model, the engine that applies them, the CLI, write-back in every format, reports."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tqcheck.audit import AuditOptions, audit, audit_text
from tqcheck.checks.registry import all_rules, select_rules
from tqcheck.cli import cli
from tqcheck.fix import apply_findings, fix_file, fix_text, write_fixed
from tqcheck.model import Applicability, Category, Edit, Finding, Fix, Severity

from .conftest import ROOT, SEED, count_opens

FIXED_SEED = ROOT / "tests" / "data" / "antalya-talks.fixed.en.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), standalone_mode=False, catch_exceptions=False)
    code = result.return_value if isinstance(result.return_value, int) else result.exit_code
    return code, result.stdout, result.stderr


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "seed.txt"
    shutil.copy(SEED, path)
    return path


# --- the registry ------------------------------------------------------------------------------

def test_rules_declare_the_applicability_the_issue_lists() -> None:
    fix = {r.code: r.fix.value if r.fix else "none" for r in all_rules()}
    safe = ["TQ101", "TQ301", "TQ303", "TQ304", "TQ305", "TQ306", "TQ307", "TQ310", "TQ401", "TQ402",
            "TQ403", "TQ407"]
    unsafe = ["TQ102", "TQ201", "TQ202", "TQ404", "TQ406", "TQ501", "TQ502", "TQ601"]
    assert {c: fix[c] for c in safe} == dict.fromkeys(safe, "safe")
    assert {c: fix[c] for c in unsafe} == dict.fromkeys(unsafe, "unsafe")
    assert {c for c, v in fix.items() if v != "none"} == {*safe, *unsafe}


# --- the seed ----------------------------------------------------------------------------------

def test_seed_diff_changes_nothing(seed: Path) -> None:
    before = seed.read_bytes()
    code, out, _ = run("audit", "seed.txt", "--diff")
    assert code == 1
    assert out.startswith("--- seed.txt\n+++ seed.txt\n@@ ")
    assert "-pic.twitter.com/mj6oKBfkoW\n" in out
    assert "-⚡️ Based" not in out  # safe fixes only: the emoji (unsafe) stays
    assert seed.read_bytes() == before


def test_seed_fix_unsafe_clears_residue_and_pins_the_result(seed: Path) -> None:
    code, out, _ = run("audit", "seed.txt", "--fix", "--unsafe-fixes", "--no-show-source")
    assert code == 1
    assert "Fixed 10 findings." in out.splitlines()
    assert seed.read_text(encoding="utf-8") == FIXED_SEED.read_text(encoding="utf-8")
    # The re-audit: no residue, no doubled coordination, and only findings without a fix.
    code, out, _ = run("audit", "seed.txt", "--format", "json")
    remaining = json.loads(out)["findings"]
    assert remaining
    assert not [f for f in remaining if f["category"] == "residue" or f["code"] == "TQ102"]
    assert [f for f in remaining if "fix" in f] == []
    # A second run has nothing to do.
    assert run("audit", "seed.txt", "--diff", "--unsafe-fixes")[:2] == (0, "")


def test_fix_safe_only_keeps_mode_and_reports_count(seed: Path) -> None:
    seed.chmod(0o640)
    code, _out, _ = run("audit", "seed.txt", "--fix", "-q", "--no-show-source")
    text = seed.read_text(encoding="utf-8")
    assert "pic.twitter.com" not in text and "(@Russia_AR)" not in text
    assert "#Sergey_Lavrov" in text and "instructions and instructions" in text  # unsafe: kept
    assert oct(seed.stat().st_mode & 0o777) == oct(0o640)
    assert code == 1


def test_fix_only_reports_nothing(seed: Path) -> None:
    code, out, err = run("audit", "seed.txt", "--fix-only")
    assert (code, out) == (0, "")
    assert err == "tqcheck: fixed 3 findings in 1 file\n"
    assert run("audit", "seed.txt", "--fix-only")[2] == "tqcheck: fixed 0 findings in 0 files\n"


def test_a_file_changed_since_it_was_read_is_not_written(seed: Path) -> None:
    rules = select_rules()
    fixed = fix_file(seed, AuditOptions(), rules)
    assert fixed.changed
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    changed = seed.read_bytes()
    with pytest.raises(Exception, match="changed since it was read"):
        write_fixed(seed, fixed, None)
    assert seed.read_bytes() == changed


def test_audit_without_fix_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    os.utime("seed.txt", (1, 1))
    for fmt in ("text", "json", "sarif"):
        run("audit", "seed.txt", "--format", fmt, "--unsafe-fixes")
    assert Path("seed.txt").stat().st_mtime == 1
    assert Path("seed.txt").read_bytes() == SEED.read_bytes()


# --- the engine --------------------------------------------------------------------------------

def _finding(code: str, edits: list[tuple[int, int, str, str]], applicability: str = "safe"
             ) -> Finding:
    return Finding(code, code.lower(), Category.PUNCTUATION, Severity.WARNING, "m", "<text>",
                   1, edits[0][0], 1, edits[0][1],
                   fix=Fix(Applicability(applicability),
                           tuple(Edit(1, a, 1, b, new, old) for a, b, new, old in edits)))


def test_overlapping_fixes_wait_for_the_next_pass() -> None:
    text = "abcdef"
    first = _finding("TQ102", [(2, 4, "X", "bc")])
    overlapping = _finding("TQ101", [(3, 5, "Y", "cd")])
    later = _finding("TQ103", [(5, 6, "Z", "e")])
    new, applied = apply_findings(text, [later, overlapping, first])
    assert (new, applied) == ("aXdZf", [first, later])
    # Same start: the lower code wins, the other waits.
    same_start = _finding("TQ101", [(2, 3, "", "b")])
    new, applied = apply_findings(text, [first, overlapping, same_start])
    assert (new, applied) == ("aYef", [same_start, overlapping])


def test_a_fix_is_applied_whole_or_not_at_all() -> None:
    both = _finding("TQ501", [(1, 2, "A", "a"), (3, 5, "C", "cd")])
    blocker = _finding("TQ101", [(4, 6, "", "de")])
    new, applied = apply_findings("abcdef", [both, blocker])
    assert (new, [f.code for f in applied]) == ("AbCef", ["TQ501"])


def test_applicability_and_stale_edits() -> None:
    unsafe = _finding("TQ102", [(1, 2, "A", "a")], "unsafe")
    shown = _finding("TQ101", [(2, 3, "B", "b")], "display-only")
    stale = _finding("TQ103", [(3, 4, "C", "x")])  # the text there is no longer "x"
    assert apply_findings("abc", [unsafe, shown, stale])[0] == "abc"
    assert apply_findings("abc", [unsafe, shown, stale], unsafe=True)[0] == "Abc"


def test_fix_text_is_idempotent_and_reports_what_remains() -> None:
    text = "The talks resumed in in Antalya , and\u200b ended.\n\npic.twitter.com/abc\n\nEnd.\n"
    result = fix_text(text)
    assert result.text == "The talks resumed in Antalya, and ended.\n\nEnd.\n"
    assert [f.code for f in result.applied] == ["TQ101", "TQ307", "TQ306", "TQ401"]
    assert fix_text(result.text).applied == ()


def test_masked_markdown_is_never_edited(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("---\ntitle: the the test\n---\n\n# Heading\n\n"
                   "Resumed in in Antalya , see `in in code` and [the the link](http://a.com/?a=1&amp;b=2).\n\n"
                   "```\ncode in in block , x\n```\n", encoding="utf-8")
    fixed = fix_file(doc, AuditOptions(lang="en"), select_rules())
    assert fixed.after == fixed.before.replace("Resumed in in Antalya ,", "Resumed in Antalya,") \
        .replace("[the the link]", "[the link]")


def test_line_endings_bom_and_encoding_are_kept(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_bytes(b"\xef\xbb\xbfThe talks in in Antalya.\r\n\r\nThey ended , then.\r\n")
    fixed = fix_file(doc, AuditOptions(lang="en"), select_rules())
    write_fixed(doc, fixed, None)
    assert doc.read_bytes() == b"\xef\xbb\xbfThe talks in Antalya.\r\n\r\nThey ended, then.\r\n"
    latin = tmp_path / "b.txt"
    latin.write_bytes("Café in in Paris.\n".encode("latin-1"))
    fixed = fix_file(latin, AuditOptions(lang="en", encoding="latin-1"), select_rules())
    write_fixed(latin, fixed, "latin-1")
    assert latin.read_bytes() == "Café in Paris.\n".encode("latin-1")


# --- translation files: the target text only, every other byte unchanged ----------------------

def _fix_in_place(path: Path, **options: object) -> tuple[str, str]:
    before = path.read_text(encoding="utf-8")
    fixed = fix_file(path, AuditOptions(**options), select_rules())  # type: ignore[arg-type]
    assert fixed.error is None and not [n for n in fixed.notes if "unapplied" in n], fixed.notes
    write_fixed(path, fixed, None)
    return before, path.read_text(encoding="utf-8")


def _changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    a, b = before.splitlines(), after.splitlines()
    assert len(a) == len(b)
    return [(x, y) for x, y in zip(a, b, strict=True) if x != y]


PO = '''# Test
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

#: src/a.c:1
msgid "The talks resumed in Antalya."
msgstr "Die Gespräche wurden in in Antalya fortgesetzt."

msgid "Say \\"hello\\" to the world, please."
msgstr ""
"Sag \\"hallo\\" zur zur Welt , "
"bitte."

msgid "Keep"
msgstr "Behalten"
'''


def test_po_write_back(tmp_path: Path) -> None:
    polib = pytest.importorskip("polib")
    path = tmp_path / "de.po"
    path.write_text(PO, encoding="utf-8")
    before, after = _fix_in_place(path, lang="de")
    old, new = polib.pofile(before), polib.pofile(after)
    assert [e.msgid for e in old] == [e.msgid for e in new]
    assert [e.msgstr for e in new] == ["Die Gespräche wurden in Antalya fortgesetzt.",
                                       'Sag "hallo" zur Welt, bitte.', "Behalten"]
    assert old.metadata == new.metadata
    assert _changed_lines(before, after) == [
        ('msgstr "Die Gespräche wurden in in Antalya fortgesetzt."',
         'msgstr "Die Gespräche wurden in Antalya fortgesetzt."'),
        ('"Sag \\"hallo\\" zur zur Welt , "', '"Sag \\"hallo\\" zur Welt, "')]


def test_json_write_back(tmp_path: Path) -> None:
    path = tmp_path / "de.json"
    path.write_text('{\n  "a": "Die Gespräche in in Antalya.",\n'
                    '  "b": "Sag \\"hallo\\" zur zur Welt , bitte.\\nNeue Zeile",\n'
                    '  "c": "Behalten \\u00e9"\n}\n', encoding="utf-8")
    before, after = _fix_in_place(path, lang="de")
    assert json.loads(after) == {"a": "Die Gespräche in Antalya.",
                                 "b": 'Sag "hallo" zur Welt, bitte.\nNeue Zeile',
                                 "c": "Behalten é"}
    assert after.splitlines()[3] == before.splitlines()[3]  # the \u00e9 escape is kept


XLIFF = '''<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="de" datatype="plaintext" original="x">
    <body>
      <trans-unit id="1">
        <source>The talks resumed in Antalya &amp; Kyiv.</source>
        <target>Die Gespräche in in Antalya &amp; Kiew gingen weiter.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Keep <x id="PH" equiv-text="{{ a , b }}"/> this.</source>
        <target>Behalte <x id="PH" equiv-text="{{ a , b }}"/> das &amp;amp; &lt;bitte&gt; .</target>
      </trans-unit>
    </body>
  </file>
</xliff>
'''


def test_xliff_write_back(tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    path = tmp_path / "de.xlf"
    path.write_text(XLIFF, encoding="utf-8")
    before, after = _fix_in_place(path, lang="de")
    ns = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
    old, new = etree.fromstring(before.encode()), etree.fromstring(after.encode())
    assert [s.text for s in old.iterfind(".//x:source", ns)] == \
        [s.text for s in new.iterfind(".//x:source", ns)]
    targets = ["".join(t.itertext()) for t in new.iterfind(".//x:target", ns)]
    # "&amp;amp;" is an HTML entity left in the text ("&amp;" once read): decoded, and written
    # back escaped; the space before "." after the "<bitte>" tag-like text is left alone.
    assert targets == ["Die Gespräche in Antalya & Kiew gingen weiter.", "Behalte  das & <bitte> ."]
    assert new.find(".//x:target/x:x", ns).get("equiv-text") == "{{ a , b }}"  # markup untouched
    assert _changed_lines(before, after) == [
        ("        <target>Die Gespräche in in Antalya &amp; Kiew gingen weiter.</target>",
         "        <target>Die Gespräche in Antalya &amp; Kiew gingen weiter.</target>"),
        ('        <target>Behalte <x id="PH" equiv-text="{{ a , b }}"/> das &amp;amp; &lt;bitte&gt; .'
         '</target>',
         '        <target>Behalte <x id="PH" equiv-text="{{ a , b }}"/> das &amp; &lt;bitte&gt; .'
         '</target>')]


def test_tmx_write_back(tmp_path: Path) -> None:
    path = tmp_path / "a.tmx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header '
                    'srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
                    'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>\n'
                    '<tu><tuv xml:lang="en"><seg>The talks &amp; more.</seg></tuv>\n'
                    '<tuv xml:lang="de"><seg>Die Gespräche in in Antalya &amp; mehr.</seg></tuv></tu>\n'
                    '</body></tmx>\n', encoding="utf-8")
    before, after = _fix_in_place(path, lang="de")
    assert _changed_lines(before, after) == [
        ('<tuv xml:lang="de"><seg>Die Gespräche in in Antalya &amp; mehr.</seg></tuv></tu>',
         '<tuv xml:lang="de"><seg>Die Gespräche in Antalya &amp; mehr.</seg></tuv></tu>')]


def test_subtitle_write_back(tmp_path: Path) -> None:
    for name, head in (("a.srt", ""), ("a.vtt", "WEBVTT\n\n")):
        path = tmp_path / name
        sep = "," if name.endswith("srt") else "."
        path.write_text(f"{head}1\n00:00:01{sep}000 --> 00:00:03{sep}000\nDie Gespräche in in\n"
                        f"Antalya gingen weiter .\n\n2\n00:00:04{sep}000 --> 00:00:06{sep}000\n"
                        "Gut.\n", encoding="utf-8")
        before, after = _fix_in_place(path, lang="de")
        assert _changed_lines(before, after) == [
            ("Die Gespräche in in", "Die Gespräche in"),
            ("Antalya gingen weiter .", "Antalya gingen weiter.")]


def test_android_write_back(tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    folder = tmp_path / "res" / "values-de"
    folder.mkdir(parents=True)
    path = folder / "strings.xml"
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<resources>\n'
                    '    <string name="a">Die Gespräche in in Antalya.</string>\n'
                    '    <string name="b">Sag \\"hallo\\" zur zur Welt , bitte\\\'s.</string>\n'
                    '    <string name="c">Published on %1$s</string>\n</resources>\n',
                    encoding="utf-8")
    before, after = _fix_in_place(path, lang="de")
    assert _changed_lines(before, after) == [
        ('    <string name="a">Die Gespräche in in Antalya.</string>',
         '    <string name="a">Die Gespräche in Antalya.</string>'),
        ('    <string name="b">Sag \\"hallo\\" zur zur Welt , bitte\\\'s.</string>',
         '    <string name="b">Sag \\"hallo\\" zur Welt, bitte\\\'s.</string>')]
    etree.fromstring(after.encode())  # still well-formed


def test_unit_fixes_never_empty_a_unit_or_delete_its_words(tmp_path: Path) -> None:
    path = tmp_path / "en.json"
    path.write_text('{"a": "pic.twitter.com/abc", "b": "This content is not available"}\n',
                    encoding="utf-8")
    report = audit([path], AuditOptions(lang="en"), jobs=1)
    fixes = {f.code: f.fix for f in report.findings if f.fix is not None}
    assert fixes and all(fix.applicability is Applicability.DISPLAY_ONLY for fix in fixes.values())
    assert not fix_file(path, AuditOptions(lang="en"), select_rules(), unsafe=True).changed


def test_widening_a_deletion_reads_the_file_once(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The blank line beside a deleted paragraph is known from the one read (the former audit
    read a prose file again to widen the deletion)."""
    path = tmp_path / "t.txt"
    path.write_text("The talks began on Monday.\n\npic.twitter.com/mj6oKBfkoW\n \t\n"
                    "They ended on Friday.\n", encoding="utf-8")
    opened = count_opens(monkeypatch, path.name)
    report = audit([path], AuditOptions(lang="en"), jobs=1)
    fix = next(f.fix for f in report.findings if f.code == "TQ401")
    assert fix is not None
    edit = fix.edits[0]
    assert (edit.line, edit.end_line, edit.before) == (3, 5, "pic.twitter.com/mj6oKBfkoW\n \t")
    assert len(opened) == 1


# --- reports -----------------------------------------------------------------------------------

def test_reports_carry_fixes(seed: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from .conftest import DATA

    data = json.loads(run("audit", "seed.txt", "--format", "json")[1])
    link = next(f for f in data["findings"] if f["code"] == "TQ401")
    assert link["fix"] == {
        "applicability": "safe", "message": "delete the embed link",
        "edits": [{"line": 15, "col": 1, "end_line": 17, "end_col": 1, "content": "",
                   "replaces": "pic.twitter.com/mj6oKBfkoW\n", "written": ""}]}
    assert data["summary"]["fixable"] == {"safe": 3, "unsafe": 7}

    sarif = json.loads(run("audit", "seed.txt", "--format", "sarif")[1])
    schema = DATA / "sarif-schema-2.1.0.json"
    if schema.exists():
        jsonschema.validate(sarif, json.loads(schema.read_text(encoding="utf-8")))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "TQ102")
    assert result["fixes"] == [{
        "description": {"text": "replace 'instructions and instructions' with 'instructions'"},
        "artifactChanges": [{"artifactLocation": {"uri": "seed.txt", "uriBaseId": "%SRCROOT%"},
                             "replacements": [{"deletedRegion": {
                                 "startLine": 19, "startColumn": 274, "endLine": 19,
                                 "endColumn": 303}, "insertedContent": {"text": "instructions"}}]}],
        "properties": {"applicability": "unsafe"}}]

    lines = [json.loads(x) for x in run("audit", "seed.txt", "--format", "rdjsonl")[1].splitlines()]
    emoji = next(d for d in lines if d["code"]["value"] == "TQ406")
    assert emoji["suggestions"] == [{"range": {"start": {"line": 13, "column": 1},
                                               "end": {"line": 13, "column": 8}}, "text": ""}]

    github = run("audit", "seed.txt", "--format", "github")[1]
    assert ("Fix (safe): delete the embed link — apply with tqcheck audit --fix" in github)

    html = run("audit", "seed.txt", "--format", "html")[1]
    assert '<div class="fix" data-applicability="unsafe">' in html
    assert "<div class=\"after\">+ Previous conversations</div>" in html


def test_standard_input_is_never_fixed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("doc.txt").write_text("The talks in in Antalya.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", "-", "--stdin-filename", "doc.txt", "--fix"],
                                input="The talks in in Kyiv.\n", catch_exceptions=False)
    assert Path("doc.txt").read_text(encoding="utf-8") == "The talks in in Antalya.\n"
    assert "not a regular file (standard input, a pipe): not fixed" in result.stdout


# --- the unit of a fix is what an editor judges ------------------------------------------------

def _fixes(text: str, code: str, **options: object) -> list[Fix | None]:
    from tqcheck.fix import _audit_string

    report = _audit_string(text, AuditOptions(**options), "<text>")  # type: ignore[arg-type]
    return [f.fix for f in report.findings if f.code == code]


def test_paired_marks_of_a_paragraph_are_converted_in_one_fix() -> None:
    text = "【JTB Official Site】Pets - 【JTB Official Site】Pets，and more\n"
    fixes = _fixes(text, "TQ304", lang="en")
    assert len(fixes) == 5 and all(f == fixes[0] for f in fixes) and fixes[0] is not None
    # Any one of the findings, applied alone, leaves no half-converted pair.
    from tqcheck.fix import _audit_string

    findings = [f for f in _audit_string(text, AuditOptions(lang="en"), "<text>").findings
                if f.code == "TQ304"]
    for k in range(5):
        new, applied = apply_findings(text, [findings[k]])
        assert new == "[JTB Official Site] Pets - [JTB Official Site] Pets, and more\n"
        assert applied == [findings[k]]
    # Applied together, the shared fix is applied once and resolves every finding.
    result = fix_text(text, AuditOptions(lang="en"))
    assert result.text == "[JTB Official Site] Pets - [JTB Official Site] Pets, and more\n"
    assert [f.code for f in result.applied] == ["TQ304"] * 5


def test_a_mark_the_paragraph_fix_cannot_convert_keeps_no_fix() -> None:
    # A run of marks (an ellipsis written the source's way) is the editor's: no fix for it, the
    # pair beside it is still converted.
    text = "【Note】 The talks resumed。。。\n"
    fixes = _fixes(text, "TQ304", lang="en")
    assert [f is not None for f in fixes] == [True, True, False, False, False]


def test_every_report_carries_a_fix_whose_edits_stand_on_several_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The minister said：we agree with the plan\nand then he left the "
                             "room。\n", encoding="utf-8")
    data = json.loads(run("audit", "a.txt", "--lang", "en", "--format", "json")[1])
    fixes = [f["fix"] for f in data["findings"] if f["code"] == "TQ304"]
    assert len(fixes) == 2 and fixes[0] == fixes[1]
    assert [(e["line"], e["replaces"], e["content"]) for e in fixes[0]["edits"]] == [
        (1, "：", ": "), (2, "。", ".")]
    sarif = json.loads(run("audit", "a.txt", "--lang", "en", "--format", "sarif")[1])
    for result in sarif["runs"][0]["results"]:
        [change] = result["fixes"][0]["artifactChanges"]
        assert [(r["deletedRegion"]["startLine"], r["insertedContent"]["text"])
                for r in change["replacements"]] == [(1, ": "), (2, ".")]
    github = run("audit", "a.txt", "--lang", "en", "--format", "github")[1]
    assert github.count("Fix (safe): write ':' for '：', '.' for '。' (2 marks)") == 2
    html = run("audit", "a.txt", "--lang", "en", "--format", "html")[1]
    assert html.count('<div class="fix" data-applicability="safe">') == 2


# --- --fix with --baseline: what the baseline knows was accepted, and is not fixed ------------

def test_fix_leaves_the_findings_a_baseline_knows(seed: Path) -> None:
    run("audit", "seed.txt", "--write-baseline", "base.json", "-q")
    before = seed.read_bytes()
    code, out, _ = run("audit", "seed.txt", "--fix", "--unsafe-fixes", "--baseline", "base.json",
                       "--no-show-source")
    assert seed.read_bytes() == before
    assert code == 0 and "Fixed 0 findings." in out.splitlines()
    assert run("audit", "seed.txt", "--diff", "--unsafe-fixes", "--baseline", "base.json")[:2] \
        == (0, "")
    # Without the baseline, the same run fixes them.
    assert run("audit", "seed.txt", "--diff", "--baseline", "base.json")[0] == 0
    assert run("audit", "seed.txt", "--diff")[0] == 1


def test_a_known_finding_stays_unfixed_when_a_fix_edits_its_sentence(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    doc = Path("doc.txt")
    doc.write_text("Dmytro Kuleba met the press on Monday.\n\n"
                   "The talks resumed in in Antalya with Dmytro Kuleba.\n", encoding="utf-8")
    run("audit", "doc.txt", "--lang", "en", "--write-baseline", "base.json", "-q")
    # A new spelling of the name: its fix rewrites the name in the known finding's sentence,
    # whose fingerprint then changes; "in in" was accepted and stays.
    doc.write_text(doc.read_text(encoding="utf-8") + "\nDmitry Kuleba said nothing new.\n",
                   encoding="utf-8")
    run("audit", "doc.txt", "--lang", "en", "--fix", "--unsafe-fixes", "--baseline",
        "base.json", "--prefer", "Dmytro=Dmitry", "-q")
    assert doc.read_text(encoding="utf-8") == (
        "Dmitry Kuleba met the press on Monday.\n\n"
        "The talks resumed in in Antalya with Dmitry Kuleba.\n\nDmitry Kuleba said nothing new.\n")


@pytest.mark.parametrize(("lang", "text", "applicability"), [
    ("de", "Das Haus es es ist alt.\n", None),  # a pronoun: may be subject and object
    ("en", "She gave her her keys before leaving the house.\n", None),
    ("en", "I will order from you you can send it to me.\n", None),  # a clause boundary
    ("en", "The talks resumed in in Antalya.\n", "safe"),
    ("de", "Die Gespräche wurden in in Antalya fortgesetzt.\n", "safe"),
    ("en", "They painted the walls in a color color that nobody liked.\n", "unsafe"),
])
def test_a_double_that_may_be_grammatical_gets_no_fix(lang: str, text: str,
                                                       applicability: str | None) -> None:
    [fix] = _fixes(text, "TQ101", lang=lang)
    assert (fix.applicability.value if fix else None) == applicability


def test_no_fragment_join_over_a_line_break(tmp_path: Path) -> None:
    # A Markdown paragraph of two lines: the full stop ends a line (a heading, an item or a
    # sentence the author ended there).
    doc = tmp_path / "a.md"
    doc.write_text("The minister played down the expected results.\nFrom his meeting with "
                   "Lavrov.\n", encoding="utf-8")
    report = audit([doc], AuditOptions(lang="en"), jobs=1)
    assert [f.fix for f in report.findings if f.code == "TQ201"] == [None]


@pytest.mark.parametrize("text", [
    # After a heading in title case or in capitals.
    "Rental Terms And General Conditions Apply. For the guests of the hotel.\n",
    "THE MINISTER MEETS THE PRESS TODAY. From his talks with the envoy.\n",
    # A sentence split at an ordinal ("am 1. Januar").
    "The mayor had won against her rival at the end of March. On 1. In April, the mayor took "
    "office.\n",
])
def test_no_fragment_join_where_the_sentence_before_is_not_the_fragments(text: str) -> None:
    assert _fixes(text, "TQ201", lang="en") == [None]


def test_no_fragment_join_where_the_source_splits_there_too(tmp_path: Path) -> None:
    target = tmp_path / "t.en"
    target.write_text("He plays the clown at the carnival with the mayor Anton "
                      "Huber. At his side wife Resi.\n"
                      "The minister played down the hopes. From his talks with "
                      "the envoy.\n", encoding="utf-8")
    source = tmp_path / "s.de"
    source.write_text("Er spielt im Fasching den Clown mit Bürgermeister Anton Huber. "
                      "An seiner Seite Ehefrau Resi.\n"
                      "Der Minister dämpfte die Hoffnungen auf seine Gespräche mit dem "
                      "Gesandten.\n", encoding="utf-8")
    report = audit([target], AuditOptions(lang="en", source_lang="de", source=str(source)), jobs=1)
    fixes = {f.line: f.fix for f in report.findings if f.code == "TQ201"}
    # Line 1 keeps the source's own verbless sentence; line 2's split is the translation's.
    assert fixes[1] is None and fixes[2] is not None
    assert fix_text("The minister played down the hopes. From his talks with "
                    "the envoy.\n", AuditOptions(lang="en"), unsafe=True).text == (
        "The minister played down the hopes from his talks with the envoy.\n")


def test_a_finding_that_mirrors_the_source_keeps_no_fix_that_would_undo_it(tmp_path: Path) -> None:
    # A reduplication of the source (右右: bats right, throws right; 担々麺: dan dan noodles) is
    # the source's; a source mark carried over is still converted.
    target = tmp_path / "t.en"
    target.write_text("178 cm 80 kg, right right, catcher.\n"
                      "The menu has miso ramen and dan dan noodles.\n"
                      "He ordered the the noodles【Tokyo】.\n", encoding="utf-8")
    source = tmp_path / "s.ja"
    source.write_text("178cm80kg、右右、捕手。\n味噌ラーメンと担々麺があります。\n"
                      "彼は麺を注文した【東京】。\n", encoding="utf-8")
    report = audit([target], AuditOptions(lang="en", source_lang="ja", source=str(source)), jobs=1)
    fixes = {(f.code, f.line): f.fix for f in report.findings if f.code in ("TQ101", "TQ304")}
    assert fixes[("TQ101", 1)] is None and fixes[("TQ101", 2)] is None
    assert fixes[("TQ101", 3)] is not None and fixes[("TQ304", 3)] is not None


_SUKAWA = ("Sukawa Chonosuke collected plants in the hills.\n\n"
           "Later Sukawa Chonosuke went home to the village.\n\n{more}"
           "The botanist Sugawa Chonosuke died in 1925.\n")


@pytest.mark.parametrize(("text", "fixed"), [
    # Two against one is no majority: the one may be right (須川 is Sugawa).
    (_SUKAWA.format(more=""), False),
    (_SUKAWA.format(more="In spring Sukawa Chonosuke came back.\n\n"), True),
    # Words of the language are not spellings of one name.
    ("The city Mayor Smith spoke on Monday.\n\nWe met Mayor Smith at noon.\n\n"
     "Then Mayor Smith left.\n\nLater Major Smith arrived in town.\n", False),
])
def test_a_spelling_is_unified_only_toward_a_clear_majority(text: str, fixed: bool) -> None:
    fixes = [f for f in _fixes(text, "TQ501", lang="en") if f is not None]
    assert bool(fixes) == fixed
    if fixed:
        assert fix_text(text, AuditOptions(lang="en"), unsafe=True).text.count("Sukawa") == 4


def _sukawa_often(minority: list[str]) -> str:
    """Sukawa Chonosuke 25 times and the minority spellings given, one in every three lines."""
    lines, k = [], 0
    for i in range(25 + len(minority)):
        if i % 3 == 1 and k < len(minority):
            lines.append(f"On day {i} {minority[k]} wrote a letter.\n\n")
            k += 1
        else:
            lines.append(f"On day {i} Sukawa Chonosuke collected plants.\n\n")
    return "".join(lines)


def test_a_fix_rewrites_every_use_of_a_spelling_used_often() -> None:
    """A spelling's uses past those reported with it (eight) are found for a fix when the fix is
    made: all of them are rewritten; one of them in an identifier leaves the spelling as is."""
    text = _sukawa_often(["Sugawa Chonosuke"] * 12)
    fixed = fix_text(text, AuditOptions(lang="en"), unsafe=True).text
    assert "Sugawa" not in fixed and fixed.count("Sukawa Chonosuke") == 37
    # The eleventh use is a path: no use of that spelling is rewritten.
    text = _sukawa_often(["Sugawa Chonosuke"] * 10 + ["Sugawa/Chonosuke"] + ["Sugawa Chonosuke"])
    assert fix_text(text, AuditOptions(lang="en"), unsafe=True).text == text
    found = audit_text(text, AuditOptions(lang="en", select=("TQ501",))).findings
    assert len([f for f in found if "'Sugawa' (12×)" in f.message]) == 9  # the first and eight


_KIEV = ("The mayor of {a} spoke on Monday.\n\nIn {a} the talks began.\n\n"
         "{a} hosted them for a week.\n\nThe envoys left {b} on Friday.\n")


def test_no_fix_unifies_toward_an_outdated_spelling() -> None:
    """Kiev ×3 against Kyiv ×1 is a clear majority of the spelling the language data marks
    outdated: no fix toward it, and the current spelling is the one to keep."""
    text = _KIEV.format(a="Kiev", b="Kyiv")
    assert [f for f in _fixes(text, "TQ501", lang="en") if f is not None] == []
    found = audit_text(text, AuditOptions(lang="en", select=("TQ501",))).findings
    kept = [f for f in found if f.line == 7]
    assert kept and all("the spelling to keep" in f.message for f in kept)
    assert all(f.severity is Severity.INFO for f in kept)
    assert fix_text(text, AuditOptions(lang="en"), unsafe=True).text == text
    # The current spelling in the majority is still unified to.
    text = _KIEV.format(a="Kyiv", b="Kiev")
    assert fix_text(text, AuditOptions(lang="en"), unsafe=True).text.count("Kyiv") == 4


def test_every_outdated_spelling_has_its_current_one_and_a_source() -> None:
    from tqcheck.checks.consistency import _known_groups
    from tqcheck.datapack import builtin_table

    outdated = builtin_table("name_variants.toml")["outdated"]
    for entries in outdated.values():
        for old, entry in entries.items():
            assert entry["source"].strip()
            assert any({old, entry["current"]} <= group for group in _known_groups()), old


@pytest.mark.parametrize(("text", "lang", "fixed"), [
    # A German final s: a genitive without an apostrophe, or a contraction with one.
    ('Die Besucher des Oktoberfest"s kamen früh.\n', "de", None),
    ('Wie geht"s dir heute?\n', "de", None),
    ('Der Ku"damm ist voll.\n', "de", "Der Ku'damm ist voll.\n"),
    ('Russia"s army moved.\n', "en", "Russia's army moved.\n"),
])
def test_apostrophe_fix_before_a_final_s_follows_the_language(text: str, lang: str,
                                                              fixed: str | None) -> None:
    found = audit_text(text, AuditOptions(lang=lang, select=("TQ301",))).findings
    assert len(found) == 1 and (found[0].fix is None) is (fixed is None)
    assert fix_text(text, AuditOptions(lang=lang), unsafe=True).text == (fixed or text)


@pytest.mark.parametrize(("code", "text", "fixed"), [
    # One emoticon's joiners are one finding (one token); two emoticons, two findings.
    ("TQ306", "We walk them here (\u2060^\u2060^\u2060) and there (\u2060^\u2060^\u2060).\n",
     "We walk them here (^^) and there (^^).\n"),
    ("TQ306", "The area of \u200b \u200b fair play is large.\n", "The area of fair play is large.\n"),
    ("TQ407", "We walk here and there (<unk>^ <unk> ^ <unk>) daily.\n",
     "We walk here and there (^ ^) daily.\n"),
])
def test_the_marks_of_a_paragraph_go_in_one_fix(code: str, text: str, fixed: str) -> None:
    from tqcheck.fix import _audit_string

    findings = [f for f in _audit_string(text, AuditOptions(lang="en"), "<text>").findings
                if f.code == code]
    assert len(findings) > 1
    for f in findings:  # any one of them, applied alone, does the whole paragraph
        assert apply_findings(text, [f])[0] == fixed
