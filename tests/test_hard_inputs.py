"""Hard inputs (issue 12): no option writes over a file it reads, devices and FIFOs as report
paths are written into, never replaced."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from .test_cli import run

DOC = "The talks resumed in in Antalya.\n\nprevious conversations\n\nThey ended.\n"


@pytest.fixture
def doc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "doc.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


def _refused(args: list[str], victim: Path, option: str) -> None:
    before = victim.read_bytes()
    code, out, err = run(*args)
    assert code == 2, (out, err)
    assert victim.read_bytes() == before
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"tqcheck: error: {option} ")
    assert "refusing to overwrite" in lines[0]


@pytest.mark.parametrize("write", [
    ["-o", "doc.txt"],
    ["--format", "json", "-o", "doc.txt"],
    ["--output", "json=doc.txt"],
    ["--output", "sarif=doc.txt", "-o", "other.txt"],
    ["--write-baseline", "doc.txt"],
])
def test_audit_never_writes_over_the_audited_file(doc: Path, write: list[str]) -> None:
    option = "--output" if "=" in "".join(write) else write[-2]
    _refused(["audit", "doc.txt", "--lang", "en", *write], doc, option)
    assert not Path("other.txt").exists()


def test_audit_guard_sees_links_and_walked_folders(doc: Path) -> None:
    Path("link.txt").symlink_to(doc)
    os.link(doc, "hard.txt")
    _refused(["audit", "doc.txt", "--lang", "en", "-o", "link.txt"], doc, "-o")
    _refused(["audit", "link.txt", "--lang", "en", "-o", "hard.txt"], doc, "-o")
    Path("docs").mkdir()
    inner = Path("docs/a.txt")
    inner.write_text(DOC, encoding="utf-8")
    _refused(["audit", "docs", "--lang", "en", "--output", "json=docs/a.txt"], inner, "--output")
    _refused(["audit", "docs/*.txt", "--lang", "en", "--write-baseline", "docs/a.txt"], inner,
             "--write-baseline")


@pytest.mark.parametrize("option", ["--source", "--ref", "--glossary", "--baseline"])
def test_audit_never_writes_over_an_option_input(doc: Path, option: str) -> None:
    other = Path("side.txt")
    other.write_text("The talks resumed in Antalya.\n", encoding="utf-8")
    if option == "--baseline":
        run("audit", "doc.txt", "--lang", "en", "--write-baseline", "side.txt")
    _refused(["audit", "doc.txt", "--lang", "en", option, "side.txt", "-o", "side.txt"], other, "-o")


def test_audit_never_writes_over_its_configuration(doc: Path) -> None:
    config = Path("tqcheck.toml")
    config.write_text('lang = "en"\n', encoding="utf-8")
    _refused(["audit", "doc.txt", "-o", "tqcheck.toml"], config, "-o")


def test_rewriting_the_baseline_that_was_read_is_allowed(doc: Path) -> None:
    code, _, _ = run("audit", "doc.txt", "--lang", "en", "--write-baseline", "b.json")
    assert code == 0
    code, _, err = run("audit", "doc.txt", "--lang", "en", "--baseline", "b.json",
                       "--write-baseline", "b.json")
    assert code == 0, err


def test_score_never_writes_over_a_hypothesis_or_reference(doc: Path) -> None:
    Path("ref.txt").write_text("The talks resumed in Antalya.\n", encoding="utf-8")
    _refused(["score", "doc.txt", "-r", "ref.txt", "-o", "doc.txt"], doc, "-o")
    _refused(["score", "doc.txt", "-r", "ref.txt", "-o", "ref.txt"], Path("ref.txt"), "-o")


def test_translate_never_writes_over_its_input(doc: Path) -> None:
    _refused(["translate", "doc.txt", "--from", "en", "--to", "de", "-o", "doc.txt"], doc, "-o")


def test_report_into_a_fifo_is_streamed_not_replaced(doc: Path) -> None:
    import threading

    os.mkfifo("pipe.json")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(Path("pipe.json").read_bytes()))
    reader.start()
    code, _, err = run("audit", "doc.txt", "--lang", "en", "--format", "json", "-o", "pipe.json")
    reader.join(10)
    assert code == 1, err
    assert stat.S_ISFIFO(Path("pipe.json").stat().st_mode)
    assert b'"TQ101"' in got[0]


def test_write_atomic_keeps_a_symbolic_link(tmp_path: Path) -> None:
    # (A character device is not tested here: on the old code, as root, the test would replace
    # the machine's /dev/null.  A FIFO, above, is the same rule.)
    from tqcheck.report import write_atomic

    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"
