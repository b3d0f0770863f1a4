"""The WMT general-task benchmark's reading of its two layouts (synthetic fixtures, no WMT text)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import wmt_general  # noqa: E402


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


SRC = ["Der Hund schläft.", "Die Katze spielt.", "Es regnet heute.", "Wir gehen nach Hause."]
MT = ["The dog sleeps.", "The the cat plays.", "It rains today.", "We go home."]
REF = ["The dog is asleep.", "The cat is playing.", "It is raining today.", "We are going home."]


@pytest.fixture
def wmt22(tmp_path: Path) -> Path:
    root = tmp_path / "txt"
    _write(root / "sources" / "generaltest2022.de-en.src.de", SRC)
    _write(root / "references" / "generaltest2022.de-en.ref.A.en", REF)
    _write(root / "references" / "generaltest2022.de-en.ref.stud.en", REF)
    for system in ("Zeta-MT", "Alpha.v2", "Mid"):
        _write(root / "system-outputs" / f"generaltest2022.de-en.hyp.{system}.en", MT)
    # a reference of a pair without a source is ignored
    _write(root / "references" / "generaltest2022.xx-yy.ref.A.yy", REF)
    return root


@pytest.fixture
def wmt24(tmp_path: Path) -> Path:
    root = tmp_path / "txt"
    canary = "canary GUID 0000-synthetic"
    _write(root / "sources" / "de-en.txt", [canary, *SRC])
    _write(root / "references" / "de-en.refA.txt", [canary, *REF])
    _write(root / "documents" / "de-en.docs", [canary, "news\tdoc1", "news\tdoc1", "speech\tdoc2",
                                                "news\tdoc1"])
    _write(root / "system-outputs" / "de-en" / "SysB.txt", [canary, *MT])
    _write(root / "system-outputs" / "de-en" / "SysA.txt", [canary, *MT])
    _write(root / "system-outputs" / "de-en" / "Empty.txt", [canary])
    return root


def test_wmt22_layout(wmt22: Path) -> None:
    (pair,) = wmt_general.discover_wmt22(wmt22)
    assert pair.name == "de-en" and (pair.src, pair.tgt) == ("de", "en")
    assert sorted(pair.references) == ["Human-refA", "Human-refstud"]
    assert sorted(pair.systems) == ["Alpha.v2", "Mid", "Zeta-MT"]  # dots in a system's name
    assert pair.documents is None and not pair.canary
    assert list(wmt_general.choose_systems(pair, 2)) == ["Alpha.v2", "Mid"]
    assert wmt_general.read_documents(pair, 4) == [("(all)", [0, 1, 2, 3])]


def test_wmt24_layout(wmt24: Path) -> None:
    (pair,) = wmt_general.discover_wmt24(wmt24)
    assert pair.name == "de-en" and pair.canary and pair.documents is not None
    assert list(pair.references) == ["Human-refA"]
    assert sorted(pair.systems) == ["Empty", "SysA", "SysB"]
    assert wmt_general.read_lines(pair.source, pair.canary) == SRC  # canary skipped
    assert wmt_general.read_lines(pair.systems["Empty"], True) is None
    # segments grouped by their document id, in order of first appearance
    assert wmt_general.read_documents(pair, 4) == [("news\tdoc1", [0, 1, 3]),
                                                   ("speech\tdoc2", [2])]
    assert wmt_general.read_documents(pair, 5) == [("(all)", [0, 1, 2, 3, 4])]  # not aligned


def test_wmt24_pair_with_a_region_subtag(tmp_path: Path) -> None:
    root = tmp_path / "txt"
    _write(root / "sources" / "en-de_DE.txt", ["canary", "Hi."])
    pairs = wmt_general.discover_wmt24(root)
    assert [p.name for p in pairs] == ["en-de_DE"]
    assert wmt_general.pair_base("en-de_DE") == "en-de"


def test_run_counts_per_document_and_skips_empty_systems(wmt24: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (pair,) = wmt_general.discover_wmt24(wmt24)
    work = tmp_path / "work"
    work.mkdir()
    result = wmt_general.run_pair(pair, None, None, work)
    assert not result["pooled"] and result["docs"] == 2
    assert sorted(result["plain"]) == ["Human-refA", "SysA", "SysB"]  # Empty skipped
    assert "Empty: missing, empty or not aligned" in capsys.readouterr().err
    words, counted, codes = result["plain"]["SysA"]
    assert words == sum(len(line.split()) for line in MT) and codes.get("TQ101") == 1 <= counted
    assert result["plain"]["Human-refA"][1] == 0
    summary = wmt_general.summarise_pair(result, "plain")
    assert summary["n_mt"] == 2 and summary["n_human"] == 1 and summary["human"] == 0


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert wmt_general.main(["--root", str(tmp_path / "absent")]) == 2
    assert "wmt_general: error:" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert wmt_general.main(["--root", str(tmp_path / "empty"), "--layout", "wmt24"]) == 2


def test_words_of_unspaced_targets() -> None:
    assert wmt_general.count_words("The dog sleeps.", "en") == 3
    assert wmt_general.count_words("政府周一宣布了 PCR 检测。", "zh") == 10  # 9 Han + PCR
    assert wmt_general.count_words("コンポジット、Sビデオ", "ja") == 10  # 9 kana + S
