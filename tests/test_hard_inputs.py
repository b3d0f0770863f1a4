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


# --- the exit-status contract -------------------------------------------------------------------


def test_errors_go_to_standard_error_in_text_mode(doc: Path) -> None:
    code, out, err = run("audit", "nope.txt")
    assert (code, out) == (2, "No findings in 0 files.\n")
    assert err == "tqcheck: error: nope.txt: no such file\n"


@pytest.mark.parametrize("value", ["sarf=x.sarif", "JSON=x.json", "html2=r.html"])
def test_unknown_output_format_is_a_usage_error(doc: Path, value: str) -> None:
    code, out, err = run("audit", "doc.txt", "--lang", "en", "--output", value)
    assert code == 2 and out == ""
    assert err.startswith(f"tqcheck: error: --output {value}: unknown format ")
    assert not list(Path().glob("*=*"))


def test_a_path_with_an_equals_sign_is_still_a_path(doc: Path) -> None:
    code, _, err = run("audit", "doc.txt", "--lang", "en", "-o", "./a=b.txt")
    assert code == 1, err
    assert Path("a=b.txt").read_text(encoding="utf-8").startswith("doc.txt:1:19: TQ101")


def test_unreadable_file_beside_a_good_one_is_a_per_file_error(
        doc: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file whatever its mode, so permission is denied by hand; a file readable by
    # nobody is tested as well where the tests do not run as root.
    Path("locked.xlf").write_text("<xliff/>", encoding="utf-8")
    Path("locked.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object) -> object:
        if self.name.startswith("locked"):
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", deny)
    code, out, err = run("audit", "locked.xlf", "doc.txt", "locked.po", "--lang", "en", "-q",
                         "--no-show-source", "-j", "1")
    assert code == 2
    assert out.splitlines()[0] == "doc.txt:1:19: TQ101 doubled word: 'in in'"
    assert err.splitlines() == ["tqcheck: error: locked.xlf: cannot read: Permission denied",
                                "tqcheck: error: locked.po: cannot read: Permission denied"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_readable_by_nobody(doc: Path) -> None:
    locked = Path("locked.txt")
    locked.write_text("x\n", encoding="utf-8")
    locked.chmod(0)
    code, out, err = run("audit", "locked.txt", "doc.txt", "--lang", "en", "-q")
    assert code == 2 and "doc.txt:1:19: TQ101" in out
    assert "locked.txt" in err


def _closed_stdout(*args: str) -> tuple[int, str]:
    """Run tqcheck with a standard output whose reader is already gone."""
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "from tqcheck.cli import run; run()", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    with proc.stderr:
        err = proc.stderr.read().decode()
    return proc.wait(60), err


@pytest.mark.parametrize("command", ["langid", "audit"])
def test_closed_pipe_is_a_quiet_exit(command: str) -> None:
    from tqcheck.errors import ExitStatus

    from .conftest import SEED

    code, err = _closed_stdout(command, str(SEED))
    assert (code, err) == (ExitStatus.CLOSED_PIPE, "")


# --- streams ------------------------------------------------------------------------------------


def test_standard_input_is_read_with_its_name_and_format(doc: Path) -> None:
    from click.testing import CliRunner

    from tqcheck.cli import cli

    runner = CliRunner()
    result = runner.invoke(cli, ["audit", "-", "--lang", "en", "-q", "--no-show-source"],
                           input=DOC, standalone_mode=False)
    assert (result.return_value, result.stdout.splitlines()[0]) == (
        1, "<stdin>:1:19: TQ101 doubled word: 'in in'")
    md = "---\ntitle: in in\n---\n\nThe talks resumed in in Antalya.\n"
    result = runner.invoke(cli, ["audit", "-", "--stdin-filename", "docs/page.md", "--lang", "en",
                                 "--format", "json"], input=md)
    import json

    data = json.loads(result.stdout)
    assert data["files"][0]["path"] == "docs/page.md"
    assert data["files"][0]["format"] == "markdown"  # front matter skipped: one finding, line 5
    assert [(f["path"], f["line"], f["code"]) for f in data["findings"]] == [
        ("docs/page.md", 5, "TQ101")]


def test_binary_standard_input_is_refused(doc: Path) -> None:
    from click.testing import CliRunner

    from tqcheck.cli import cli

    result = CliRunner().invoke(cli, ["audit", "-"], input=b"abc\x00def" * 10,
                                standalone_mode=False)
    assert result.return_value == 2
    assert result.stderr == "tqcheck: error: <stdin>: binary file (NUL bytes), not text\n"


def test_named_pipe_is_read_once_as_a_stream(doc: Path) -> None:
    import threading

    os.mkfifo("pipe.txt")
    # The comment directive makes text files be read twice (findings, then suppressions).
    text = DOC.replace("\nprevious", "\n<!-- tqcheck-disable-next-line TQ202 -->\n\nprevious")
    Path("same.txt").write_text(text, encoding="utf-8")
    _, expected, _ = run("audit", "same.txt", "--lang", "en", "-q", "--no-show-source")

    def feed() -> None:
        with Path("pipe.txt").open("w", encoding="utf-8") as fh:
            fh.write(text)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    code, out, err = run("audit", "pipe.txt", "--lang", "en", "-q", "--no-show-source",
                         "-j", "1")
    writer.join(10)
    assert (code, err) == (1, "")
    assert out == expected.replace("same.txt", "pipe.txt")
    assert "TQ101" in out and "TQ202" not in out


@pytest.mark.parametrize("command", [["audit", "--lang", "en", "-q", "--no-show-source"],
                                     ["langid"]])
def test_process_substitution(doc: Path, command: list[str]) -> None:
    import shutil
    import subprocess
    import sys

    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("bash is not installed")
    script = (f'"{sys.executable}" -c "from tqcheck.cli import run; run()" {command[0]} '
              f'<(cat doc.txt) {" ".join(command[1:])}')
    done = subprocess.run([bash, "-c", script], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.stderr == ""
    assert done.stdout.startswith("/dev/fd/")
    if command[0] == "audit":
        assert done.returncode == 1 and ":1:19: TQ101 doubled word: 'in in'" in done.stdout
    else:
        assert done.returncode == 0 and " en " in done.stdout.splitlines()[0]


# --- user experience ----------------------------------------------------------------------------


@pytest.mark.parametrize(("codec", "expected"), [("utf-16-le", "UTF-16 LE"),
                                                 ("utf-16-be", "UTF-16 BE")])
@pytest.mark.parametrize("text", [DOC, "日本語のテキストです。\n", "Привет, мир.\n"])
def test_utf16_without_bom_is_named_with_the_option_to_pass(
        doc: Path, codec: str, expected: str, text: str) -> None:
    Path("u16.txt").write_bytes(text.encode(codec))
    code, _, err = run("audit", "u16.txt")
    assert code == 2
    assert err == (f"tqcheck: error: u16.txt: looks like {expected} text without a byte-order "
                   f"mark; pass --encoding {codec}\n")
    code, _, err = run("audit", "u16.txt", "--encoding", codec, "--lang", "en", "-q")
    assert code in (0, 1) and err == ""


def test_binary_is_still_called_binary(doc: Path) -> None:
    Path("blob.txt").write_bytes(bytes(range(256)) * 8)
    _, _, err = run("audit", "blob.txt")
    assert err == "tqcheck: error: blob.txt: binary file (NUL bytes), not text\n"


def test_tool_tqcheck_table_in_tqcheck_toml(doc: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.cli import main

    Path("tqcheck.toml").write_text('[tool.tqcheck]\nselect = ["TQ202"]\nlang = "en"\n',
                                    encoding="utf-8")
    code, out, err = run("audit", "doc.txt", "-q", "--no-show-source")
    assert (code, err) == (1, "")
    assert out == "doc.txt:3:1: TQ202 orphan lowercase heading: 'previous conversations'\n"
    Path("tqcheck.toml").write_text('lang = "en"\n[tool.tqcheck]\nselect = ["TQ202"]\n',
                                    encoding="utf-8")
    assert main(["audit", "doc.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "settings both at the top level and in [tool.tqcheck]" in err


def test_readme_configuration_block_works_in_tqcheck_toml(doc: Path) -> None:
    import re

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[tool\.tqcheck\]\n.*?)```", readme, re.DOTALL)
    assert block is not None
    text = "\n".join(line for line in block.group(1).splitlines()
                     if not line.startswith(("language-data", "calque-packs")))  # files of theirs
    Path("tqcheck.toml").write_text(text + "\n", encoding="utf-8")
    code, _, err = run("audit", "doc.txt")
    assert code in (0, 1) and err == ""


def test_summary_says_why_the_gate_failed(doc: Path) -> None:
    code, out, _ = run("audit", "doc.txt", "--lang", "en")
    assert code == 1
    summary = next(line for line in out.splitlines() if line.startswith("Found "))
    assert summary.endswith(". Gate failed: 2 findings at or above warning (--fail-on warning).")
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--fail-on", "error")
    assert code == 1
    summary = next(line for line in out.splitlines() if line.startswith("Found "))
    assert summary.endswith(". Gate failed: 1 finding at or above error (--fail-on error).")
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--select", "TQ202", "--fail-on",
                       "error")
    assert code == 0 and "Gate" not in out
    code, out, _ = run("audit", "doc.txt", "--lang", "en", "--fail-on", "never")
    assert code == 0 and "Gate" not in out


# --- one newline rule ---------------------------------------------------------------------------


def test_split_lines_breaks_only_at_file_line_ends() -> None:
    from tqcheck.readers.decode import split_lines

    text = "a\u2028b\u0085c\x0cd\x1ce\r\nf\rg\nh"
    assert split_lines(text) == ["a\u2028b\u0085c\x0cd\x1ce", "f", "g", "h"]
    assert split_lines(text, keepends=True) == ["a\u2028b\u0085c\x0cd\x1ce\n", "f\n", "g\n", "h"]
    assert split_lines("x\n\n") == ["x", ""] and split_lines("") == []


def test_a_line_separator_in_the_source_keeps_the_lines_aligned(doc: Path) -> None:
    Path("src.txt").write_text("Le premier paragraphe\u2028 continue ici.\n"
                               "Voir https://example.org/aide pour les details.\nFin du texte.\n",
                               encoding="utf-8")
    Path("tgt.txt").write_text("The first paragraph continues here.\n"
                               "See https://example.org/aide for details.\nEnd of the text.\n",
                               encoding="utf-8")
    code, out, err = run("audit", "tgt.txt", "--source", "src.txt", "--lang", "en",
                         "--source-lang", "fr", "--select", "TQ813", "-q")
    assert (code, out, err) == (0, "", "")
    # The same rule in the readers: the separator is inside line 1 of the audited file too.
    Path("tgt.txt").write_text("The first paragraph\u2028 continues here.\n"
                               "See https://example.org/other for details.\nEnd of the text.\n",
                               encoding="utf-8")
    _, out, _ = run("audit", "tgt.txt", "--source", "src.txt", "--lang", "en",
                    "--source-lang", "fr", "--select", "TQ813", "-q", "--no-show-source")
    assert out.startswith("tgt.txt:2:")


def test_score_reads_lines_by_the_same_rule(doc: Path) -> None:
    Path("hyp.txt").write_bytes(b"The talks resumed.\rThey ended.\r")
    Path("ref.txt").write_text("The talks resumed.\nThey ended\u2028 on Friday.\n",
                               encoding="utf-8")
    code, out, err = run("score", "hyp.txt", "-r", "ref.txt", "--no-ci", "--format", "json")
    assert code == 0, err
    import json

    assert json.loads(out)["segments"] == 2
