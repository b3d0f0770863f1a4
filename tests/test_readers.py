"""Plain text and Markdown readers: encodings, errors, exact positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit
from tqcheck.errors import InputError
from tqcheck.model import MASK
from tqcheck.readers import read_segments
from tqcheck.readers.decode import iter_lines
from tqcheck.readers.markdown import markdown_segments
from tqcheck.readers.text import paragraphs_from_lines

TEXT = "The talks resumed in in Antalya.\n"


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (TEXT.encode("utf-8"), "plain.txt"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "bom.txt"),
        (TEXT.encode("utf-16"), "utf16.txt"),  # with BOM (native order)
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf16be.txt"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "crlf.txt"),
    ],
)
def test_encodings_give_identical_positions(tmp_path: Path, encoded: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(encoded)
    report = audit([path], AuditOptions(select=("TQ101",), lang="en"))
    assert report.errors == ()
    assert [(f.line, f.col, f.end_col, f.text) for f in report.findings] == [(1, 19, 24, "in in")]


def test_latin1_is_a_one_line_error_suggesting_encoding(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 and more\n".encode("latin-1"))
    with pytest.raises(InputError) as exc:
        list(iter_lines(path))
    message = str(exc.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: line 1: not valid UTF-8 text")
    assert "--encoding" in message
    assert [s.text for s in read_segments(path, encoding="latin-1")] == ["Café and more"]


def test_binary_missing_and_directory_are_errors_and_others_still_audited(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    report = audit([binary, tmp_path / "missing.txt", empty_dir, good],
                   AuditOptions(select=("TQ101",), lang="en"))
    messages = [e.message for e in report.errors]
    assert messages[:2] == [
        f"{binary}: binary file (NUL bytes), not text",
        f"{tmp_path / 'missing.txt'}: no such file",
    ]
    assert messages[2].startswith(f"{empty_dir}: directory holds no file tqcheck can read (")
    assert len(messages) == 3
    assert [f.path for f in report.findings] == [str(good)]


def test_directories_are_walked_in_stable_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "sub/c.txt", ".hidden/d.txt", "skip.bin"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(TEXT, encoding="utf-8")
    report = audit([tmp_path], AuditOptions(select=("TQ101",), lang="en"))
    assert [Path(f.path).relative_to(tmp_path).as_posix() for f in report.findings] == [
        "a.md", "b.txt", "sub/c.txt"]


def test_text_lines_are_segments_and_hard_wraps_rejoin() -> None:
    lines = ["First sentence here.\n", "Second line starts a new segment\n",
             "and this continues it.\n", "\n", "   Indented paragraph.\n"]
    segs = list(paragraphs_from_lines(lines))
    assert [(s.text, s.line, s.col) for s in segs] == [
        ("First sentence here.", 1, 1),
        ("Second line starts a new segment\nand this continues it.", 2, 1),
        ("Indented paragraph.", 5, 4),
    ]
    assert segs[1].locate(segs[1].text.index("continues")) == (3, 10)


MD = """---
title: The the title in front matter
---
# The talks in in Antalya

Some `code code` and a [link link](http://x.com/the/the) with **bold bold** words.

```
the the inside a fence
```

    the the indented code

- item with in in it
> quoted the the text
<!-- a comment the the -->
"""


def test_markdown_skips_code_and_keeps_positions(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text(MD, encoding="utf-8")
    report = audit([path], AuditOptions(select=("TQ101",), lang="en"))
    got = [(f.line, f.col, f.text) for f in report.findings]
    # Link text and emphasis are prose; front matter, code, link targets and comments are not.
    assert got == [(4, 13, "in in"), (6, 25, "link link"), (6, 65, "bold bold"), (14, 13, "in in"),
                   (15, 10, "the the")]
    lines = MD.splitlines()
    for f in report.findings:
        assert lines[f.line - 1][f.col - 1 : f.end_col - 1] == f.text


def test_markdown_segment_kinds() -> None:
    segs = list(markdown_segments(MD.splitlines(True)))
    assert [s.kind for s in segs] == ["heading", "paragraph", "list-item", "quote"]
    assert MASK * len("`code code`") in segs[1].text
    assert "http" not in segs[1].text
