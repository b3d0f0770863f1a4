from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SAMPLE, SEED, run

FORMATS = ["text", "json", "sarif", "github", "junit", "gitlab", "rdjsonl", "html"]


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    seed = SEED.read_text(encoding="utf-8").split("\n\n")
    for i in range(12):
        folder = Path("docs") / f"part{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(seed[i:i + 6]) if i % 2 else SAMPLE
        (folder / f"page{i:02}.{'md' if i % 4 == 0 else 'txt'}").write_text(body, encoding="utf-8")
    shutil.copy(SEED, "docs/seed.txt")
    return tmp_path


def test_jobs_1_and_2_are_byte_identical(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = [f"--output={fmt}=out-{{jobs}}.{fmt}" for fmt in FORMATS]
    for jobs in ("1", "2"):
        status, out, _ = run(capsys, "docs", "--jobs", jobs,
                             *[o.format(jobs=jobs) for o in outputs])
        assert status == 1
        Path(f"stdout-{jobs}.txt").write_text(out, encoding="utf-8")
    for name in ["stdout-{}.txt", *[f"out-{{}}.{fmt}" for fmt in FORMATS]]:
        one = Path(name.format(1)).read_bytes()
        assert one == Path(name.format(2)).read_bytes(), name
        assert one
    assert Path("stdout-1.txt").read_text(encoding="utf-8").startswith("docs/part0/page00.md:")


def test_glob_patterns_expanded(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "docs/**/*.md", "--format", "json", "--jobs", "2")
    assert status == 1
    import json

    paths = [f["path"] for f in json.loads(out)["files"]]
    assert paths == ["docs/part0/page00.md", "docs/part1/page04.md", "docs/part2/page08.md"]
    status, out, _ = run(capsys, "docs/part1/*.txt", "--format", "json", "--exclude",
                         "*page07*")
    assert [f["path"] for f in json.loads(out)["files"]] == [
        "docs/part1/page01.txt", "docs/part1/page10.txt"]
    status, _, err = run(capsys, "nothing/*.txt")
    assert status == 2 and "nothing/*.txt: no file matches this pattern" in err


def test_output_option_forms(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "docs/seed.txt", "--format", "json", "-o", "plain.json",
                         "--output", "sarif=r.sarif", "-o", "github=gh.txt")
    assert status == 1 and out == ""  # the --format report went to plain.json
    assert Path("plain.json").read_text(encoding="utf-8").startswith('{\n  "schema_version"')
    assert Path("r.sarif").read_text(encoding="utf-8").startswith('{\n  "$schema"')
    assert Path("gh.txt").read_text(encoding="utf-8").startswith("::")
    status, out, _ = run(capsys, "docs/seed.txt", "-q", "--output", "sarif=r2.sarif")
    assert out.startswith("docs/seed.txt:1:95: TQ501")  # text still on stdout
    status, _, err = run(capsys, "docs/seed.txt", "--format", "yaml")
    assert status == 2 and "unknown output format 'yaml'" in err
    status, _, err = run(capsys, "docs/seed.txt", "--output", "sarif=")
    assert status == 2
    assert not list(Path().glob(".*.tmp"))


def test_jobs_and_exclude_from_config(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    Path("tqcheck.toml").write_text('jobs = 2\nexclude = ["*page0*", "docs/part2/*"]\n',
                                    encoding="utf-8")
    status, out, _ = run(capsys, "docs", "--format", "json")
    assert status == 1
    assert [f["path"] for f in json.loads(out)["files"]] == ["docs/part1/page10.txt",
                                                            "docs/seed.txt"]


def test_help_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.cli import main
    from tqcheck.report import FORMATTERS

    assert main(["audit", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    for name in FORMATTERS:
        assert name in help_text.split("Output format:")[1].split("[default")[0]


@pytest.mark.parametrize("count", [1, 2, 3])
def test_few_files_same_report(tree: Path, count: int) -> None:
    from tqcheck.audit import audit

    files = sorted(str(p) for p in Path("docs").rglob("*.txt"))[:count]
    assert audit(files, jobs=1) == audit(files, jobs=2)
