"""The acceptance run: four hostile files among good ones — one line each, the rest completes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.cli import main

XXE = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>
"""


def test_hostile_files_in_one_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "xxe.xlf").write_text(XXE, encoding="utf-8")
    (tmp_path / "unterminated.po").write_text('msgid "a"\nmsgstr "b\n', encoding="utf-8")
    (tmp_path / "nested.json").write_text("[" * 10 + "]" * 10, encoding="utf-8")
    (tmp_path / "binary.po").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "good.po").write_text('msgid "Open file"\nmsgstr ""\n', encoding="utf-8")
    status = main(["audit", str(tmp_path), "--no-show-source"])
    out = capsys.readouterr()
    lines = (out.out + out.err).splitlines()
    errors = [line for line in lines if ": error: " in line or line.startswith("error: ")]
    assert len(errors) == 4, lines
    for name in ("xxe.xlf", "unterminated.po", "nested.json", "binary.po"):
        assert sum(name in line for line in errors) == 1
    assert f"{tmp_path / 'good.po'}:2:9: TQ830 not translated: 'Open file'" in lines
    assert status == 2
