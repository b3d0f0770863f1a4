"""PO reader: real catalogues against msgfmt and polib, exact positions, options, hostile files."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit
from tqcheck.errors import InputError
from tqcheck.readers import detect_format, read_segments
from tqcheck.readers.po import parse_po, po_statistics, read_po_file

from .formats_support import PO_DIR, assert_positions, char_at

PO_FILES = sorted(PO_DIR.glob("**/*.po")) if PO_DIR.is_dir() else []
needs_data = pytest.mark.skipif(not PO_FILES, reason="../shared/data/po is absent")


def _msgfmt_statistics(path: Path) -> dict[str, int]:
    proc = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True, check=True)
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    for n, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", proc.stderr):
        counts[kind] = int(n)
    return counts


@needs_data
@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed")
@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_counts_equal_msgfmt_statistics(path: Path) -> None:
    assert po_statistics(path) == _msgfmt_statistics(path)


@needs_data
@pytest.mark.parametrize("path", PO_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_strings_equal_polib_and_positions_exact(path: Path) -> None:
    polib = pytest.importorskip("polib")
    theirs = {}
    for e in polib.pofile(str(path)):
        if e.obsolete:
            continue
        key = f"{e.msgctxt}\x04{e.msgid}" if e.msgctxt is not None else e.msgid
        theirs[key] = [e.msgstr_plural[i] for i in sorted(e.msgstr_plural)] if e.msgid_plural \
            else [e.msgstr]
    ours = {e.key: [e.msgstr[i].text for i in sorted(e.msgstr)]
            for e in parse_po(path) if not e.obsolete and not e.is_header}
    assert ours == theirs
    for segment in read_po_file(path):
        assert_positions(path, segment)


PO_SAMPLE = r'''# Translators: someone
msgid ""
msgstr ""
"Language: de\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"
"Content-Type: text/plain; charset=UTF-8\n"

# Translator comment
#. Extracted comment
#: src/main.c:10
#, c-format
msgid "Deleted %d files from %s"
msgstr "%d Dateien gelöscht"

msgctxt "menu"
msgid "Open"
msgstr "Öffnen"

msgid "One file"
msgid_plural "%d files"
msgstr[0] "Eine Datei"
msgstr[1] "%d Dateien"

#, fuzzy
msgid "Fuzzy one"
msgstr "Unscharf"

msgid "Multi\tline"
msgstr ""
"Erste\tZeile\n"
"zweite \"Zeile\" \101"

msgid "Not translated"
msgstr ""

#~ msgid "Obsolete"
#~ msgstr "Veraltet"
'''


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "de.po"
    path.write_text(PO_SAMPLE, encoding="utf-8")
    return path


def test_entries_plurals_context_comments(sample: Path) -> None:
    segs = list(read_po_file(sample))
    ids = [s.id for s in segs]
    assert ids == ["Deleted %d files from %s", "menu\x04Open", "One file[0]", "One file[1]",
                   "Multi\tline", "Not translated"]
    first = segs[0]
    assert first.source == "Deleted %d files from %s"
    assert first.target_lang == "de" and first.source_lang == "en" and first.kind == "unit"
    assert first.meta["flags"] == ("c-format",)
    assert first.meta["comments"] == ("Translator comment",)
    assert first.meta["extracted_comments"] == ("Extracted comment",)
    assert first.meta["references"] == ("src/main.c:10",)
    assert segs[1].meta["context"] == "menu"
    assert segs[3].source == "%d files" and segs[3].text == "%d Dateien"
    assert segs[4].text == 'Erste\tZeile\nzweite "Zeile" A'
    assert segs[5].text == ""


def test_fuzzy_and_obsolete_options(sample: Path) -> None:
    assert "Fuzzy one" not in {s.id for s in read_po_file(sample)}
    with_fuzzy = list(read_po_file(sample, None, {"include_fuzzy": True}))
    assert any(s.id == "Fuzzy one" and s.meta["fuzzy"] for s in with_fuzzy)
    with_obsolete = list(read_po_file(sample, None, {"include_obsolete": True}))
    assert any(s.id == "Obsolete" and s.meta["obsolete"] for s in with_obsolete)
    report = audit([sample], AuditOptions(select=("TQ830",), features={"include_fuzzy": True}))
    assert report.files[0].segments == 7


def test_positions_through_escapes_and_continuations(sample: Path) -> None:
    seg = next(s for s in read_po_file(sample) if s.id == "Multi\tline")
    assert_positions(sample, seg)
    text = seg.text
    # "A" came from the octal escape \101: it points at the backslash.
    line, col = seg.locate(text.index("A"))
    assert char_at(sample, line, col) == "\\"
    line, col = seg.locate(text.index("zweite"))
    assert char_at(sample, line, col) == "z" and line == seg.locate(0)[0] + 1
    line, col = seg.locate(text.index('"'))
    assert char_at(sample, line, col) == "\\" and char_at(sample, line, col + 1) == '"'


def test_finding_points_into_the_msgstr(sample: Path) -> None:
    report = audit([sample], AuditOptions(select=("TQ832", "TQ830")))
    by_code = {f.code: f for f in report.findings}
    missing = by_code["TQ832"]
    assert (missing.line, missing.col) == (13, 9)
    assert char_at(sample, 13, 9) == "%"
    empty = by_code["TQ830"]
    assert empty.line == 34 and char_at(sample, empty.line, empty.col) == '"'


def test_detection_by_content(tmp_path: Path, sample: Path) -> None:
    other = tmp_path / "catalogue.txt.in"
    other.write_text(PO_SAMPLE, encoding="utf-8")
    assert detect_format(other) == "po"
    assert detect_format(sample) == "po"


@pytest.mark.parametrize("content, message", [
    ('msgid "a"\nmsgstr "b\n', "line 2: unterminated string"),
    ('msgid "a"\nmsgstr "b" x\n', "text after the closing quote"),
    ('msgid "a"\nmsgstr "\\q"\n', "invalid escape"),
    ('msgid "a"\nnonsense\n', "expected msgid"),
])
def test_malformed_po_is_a_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.po"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        list(read_segments(path))
    assert message in str(info.value) and "\n" not in str(info.value)


def test_hostile_files_do_not_stop_the_run(tmp_path: Path, sample: Path) -> None:
    (tmp_path / "unterminated.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    (tmp_path / "binary.po").write_bytes(b"\x00\x01\x02\xff\xfe" * 100)
    (tmp_path / "latin.po").write_bytes(b'msgid "a"\nmsgstr "\xe9\xe9\xe9\xe9"\n')
    report = audit([tmp_path], AuditOptions(select=("TQ830",)))
    errors = {Path(e.path).name: e.message for e in report.errors}
    assert set(errors) == {"unterminated.po", "binary.po", "latin.po"}
    assert all("\n" not in m for m in errors.values())
    assert "unterminated string" in errors["unterminated.po"]
    assert "binary" in errors["binary.po"]
    assert [Path(f.path).name for f in report.files] == ["de.po"]
    assert any(f.code == "TQ830" for f in report.findings)


def test_charset_from_header(tmp_path: Path) -> None:
    path = tmp_path / "fr.po"
    path.write_bytes(b'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\n'
                     b'msgid "Summer"\nmsgstr "\xe9t\xe9"\n')
    assert [s.text for s in read_po_file(path)] == ["\u00e9t\u00e9"]


@needs_data
@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (GNU gettext) is not installed")
def test_empty_translation_findings_count_like_msgfmt() -> None:
    report = audit(PO_FILES, AuditOptions(select=("TQ830",)))
    assert not report.errors
    per_unit = [f for f in report.findings if "units are not translated" not in f.message]
    expected = sum(_msgfmt_statistics(p)["untranslated"] for p in PO_FILES)
    assert len(per_unit) == expected
    # A catalogue in progress says so once, with msgfmt's counts (fuzzy entries apart).
    for f in report.findings:
        m = re.match(r"(\d+) of (\d+) units are not translated", f.message)
        if m:
            stats = _msgfmt_statistics(Path(f.path))
            assert int(m.group(1)) == stats["untranslated"]
            credits = sum(1 for e in parse_po(Path(f.path)) if not e.obsolete and not e.fuzzy
                          and e.msgid.text == "translator-credits")  # names: never checked
            assert int(m.group(2)) == stats["untranslated"] + stats["translated"] - credits


@needs_data
def test_every_finding_points_at_its_text_in_the_file() -> None:
    paths = [p for p in PO_FILES if p.parent.name == "transmission"][:3]
    report = audit(paths, AuditOptions())
    assert report.findings
    for f in report.findings:
        raw = char_at(Path(f.path), f.line, f.col)
        if f.text:
            assert raw == f.text[0] or raw == "\\", f
            # The excerpt is laid out at file columns: the caret stands under the same character.
            assert f.excerpt[f.col - 1] == f.text[0] or raw == "\\", f
        else:
            assert raw == '"', f  # an empty msgstr: the closing quote
