"""``tqcheck score``: equality with the sacrebleu command line on real MQM data, errors, gate,
outputs, segment scores."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tqcheck.cli import main
from tqcheck.errors import InputError, MissingExtraError
from tqcheck.score import (
    check_gate,
    make_metric,
    parse_metrics,
    read_lines,
    score,
    segment_quantiles,
    tokenizer_for,
    worst_segments,
)

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "mqm-ted-zh-en.jsonl"
SYSTEMS = ("Facebook-AI", "NiuTrans", "Online-W")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Per-system hypothesis files, the good reference (refB) and the weak one (ref)."""
    if not DATA.is_file():
        pytest.skip(f"shared data not available: {DATA}")
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    by_system: dict[str, dict[tuple[str, str], str]] = {}
    for row in rows:
        by_system.setdefault(row["system"], {})[(row["doc"], row["seg_id"])] = row["target"]
    keys = sorted(set.intersection(*(set(v) for v in by_system.values())))
    # Keep the test fast: the first 150 segments in a stable order.
    keys = keys[:150]
    folder = tmp_path_factory.mktemp("mqm")
    files = {}
    for name in (*SYSTEMS, "refB", "ref"):
        path = folder / f"{name}.txt"
        path.write_text("".join(by_system[name][k] + "\n" for k in keys), encoding="utf-8")
        files[name] = path
    return files


def sacrebleu_json(refs: list[Path], hyp: Path, *args: str) -> list[dict[str, object]]:
    proc = subprocess.run(
        [sys.executable, "-m", "sacrebleu", *map(str, refs), "-i", str(hyp), "-f", "json",
         "-w", "6", *args],
        capture_output=True, text=True, check=True,
    )
    out = json.loads(proc.stdout)
    return out if isinstance(out, list) else [out]


def tq_json(tmp_path: Path, *args: str) -> tuple[int, dict[str, object]]:
    out = tmp_path / "out.json"
    status = main(["score", *args, "--format", "json", "-o", str(out)])
    return status, json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("nrefs", [1, 2])
def test_scores_and_signatures_equal_sacrebleu_cli(
    corpus: dict[str, Path], tmp_path: Path, nrefs: int
) -> None:
    refs = [corpus["refB"], corpus["ref"]][:nrefs]
    hyp = corpus["Facebook-AI"]
    expected = sacrebleu_json(refs, hyp, "-m", "bleu", "chrf", "ter")
    expected += sacrebleu_json(refs, hyp, "-m", "chrf", "--chrf-word-order", "2")
    ref_args = [a for r in refs for a in ("-r", str(r))]
    status, got = tq_json(tmp_path, str(hyp), *ref_args, "--no-ci")
    assert status == 0
    scores = got["systems"][0]["scores"]  # type: ignore[index]
    by_name = {s["name"]: s for s in scores.values()}
    assert sorted(by_name) == sorted(e["name"] for e in expected)
    for e in expected:
        mine = by_name[e["name"]]
        assert round(mine["score"], 6) == e["score"], e["name"]
        assert mine["signature"] == e["signature"]
        assert f"nrefs:{nrefs}|" in mine["signature"]


def test_confidence_interval_equals_sacrebleu(corpus: dict[str, Path], tmp_path: Path) -> None:
    refs = [corpus["refB"]]
    hyp = corpus["NiuTrans"]
    expected = sacrebleu_json(refs, hyp, "-m", "bleu", "chrf", "--confidence")
    status, got = tq_json(tmp_path, str(hyp), "-r", str(refs[0]), "--metrics", "bleu,chrf",
                          "--ci", "--bootstrap", "1000")
    assert status == 0
    scores = got["systems"][0]["scores"]  # type: ignore[index]
    by_name = {s["name"]: s for s in scores.values()}
    for e in expected:
        mine = by_name[e["name"]]
        assert mine["signature"] == e["signature"]
        assert "bs:1000|seed:12345" in mine["signature"]
        assert round(mine["ci"]["mean"], 6) == pytest.approx(e["confidence_mean"], abs=1e-6)
        assert round(mine["ci"]["half_width"], 6) == pytest.approx(e["confidence_var"], abs=1e-6)


@pytest.mark.parametrize("max_indices", [10**9, 1000, 1])
def test_chunked_bootstrap_equals_sacrebleu_corpus_score(
    corpus: dict[str, Path], max_indices: int
) -> None:
    from sacrebleu.metrics import BLEU

    from tqcheck.score import bootstrap_interval

    hyps = read_lines(corpus["Online-W"])[:60]
    refs = [read_lines(corpus["refB"])[:60]]
    expected = BLEU().corpus_score(hyps, refs, n_bootstrap=200)
    metric = BLEU()
    stats = metric._extract_corpus_statistics(hyps, refs)
    mean, half = bootstrap_interval(metric, stats, 200, max_indices=max_indices)
    assert mean == pytest.approx(expected._mean, rel=1e-12)
    assert half == pytest.approx(expected._ci, rel=1e-12)


def test_paired_bootstrap_p_values_equal_sacrebleu(corpus: dict[str, Path], tmp_path: Path) -> None:
    hyps = [corpus[s] for s in SYSTEMS]
    proc = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(corpus["refB"]), "-i", *map(str, hyps),
         "-m", "bleu", "chrf", "--paired-bs", "-f", "text", "-w", "4"],
        capture_output=True, text=True, check=True,
    )
    expected_p = [float(p) for p in re.findall(r"p = ([0-9.]+)", proc.stdout)]
    status, got = tq_json(tmp_path, *map(str, hyps), "-r", str(corpus["refB"]),
                          "--metrics", "bleu,chrf", "--no-ci", "--no-paired-ar")
    assert status == 0
    comps = got["comparisons"]
    assert isinstance(comps, list)
    assert {c["test"] for c in comps} == {"bs"}
    # sacrebleu's table: one row per system, one p-value per metric (BLEU, chrF2).
    mine = {(c["system"], c["metric"]): c["p_value"] for c in comps}
    ordered = [mine[(str(h), m)] for h in hyps[1:] for m in ("bleu", "chrf")]
    assert [round(p, 4) for p in ordered] == expected_p
    assert all(c["significant"] == (c["p_value"] < 0.05) for c in comps)


def test_paired_ar_runs_by_default_with_two_systems(
    corpus: dict[str, Path], tmp_path: Path
) -> None:
    hyps = [str(corpus["Facebook-AI"]), str(corpus["Online-W"])]
    status, got = tq_json(tmp_path, *hyps, "-r", str(corpus["refB"]), "--metrics", "chrf",
                          "--no-ci", "--paired-n", "300")
    assert status == 0
    comps = got["comparisons"]
    assert isinstance(comps, list)
    assert sorted(c["test"] for c in comps) == ["ar", "bs"]
    for c in comps:
        assert c["n_samples"] == 300
        assert 0 < c["p_value"] <= 1
        assert c["baseline"] == hyps[0] and c["system"] == hyps[1]


def test_segment_scores_equal_sentence_score(corpus: dict[str, Path]) -> None:
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = read_lines(corpus["Online-W"])
    refs = [read_lines(corpus["refB"]), read_lines(corpus["ref"])]
    report = score([("sys", hyps)], refs, parse_metrics("bleu,chrf,chrf++,ter"))
    metrics = report.systems[0].metrics
    sentence = {
        "bleu": BLEU(effective_order=True),
        "chrf": CHRF(),
        "chrf++": CHRF(word_order=2),
        "ter": TER(),
    }
    for key, metric in sentence.items():
        expected = [metric.sentence_score(h, [r1, r2]).score
                    for h, r1, r2 in zip(hyps, *refs, strict=True)]
        assert list(metrics[key].segments) == expected, key
    # And the corpus score is sacrebleu's corpus_score.
    assert metrics["bleu"].score == BLEU().corpus_score(hyps, refs).score


def test_quantiles_and_worst(corpus: dict[str, Path]) -> None:
    hyps = read_lines(corpus["NiuTrans"])
    refs = [read_lines(corpus["refB"])]
    report = score([("sys", hyps)], refs, ("chrf", "ter"))
    chrf = report.systems[0].metrics["chrf"]
    q = chrf.quantiles
    assert q["min"] == min(chrf.segments) and q["max"] == max(chrf.segments)
    assert q["min"] <= q["p25"] <= q["median"] <= q["p75"] <= q["max"]
    worst = worst_segments(report, report.systems[0], 3)
    assert [w.score for w in worst] == sorted(chrf.segments)[:3]
    assert worst[0].hypothesis == hyps[worst[0].line - 1]
    assert worst[0].references == (refs[0][worst[0].line - 1],)
    ter_worst = worst_segments(report, report.systems[0], 1, "ter")
    assert ter_worst[0].score == max(report.systems[0].metrics["ter"].segments)


def test_segment_quantiles_small() -> None:
    q = segment_quantiles([0.0, 10.0, 20.0, 30.0, 40.0])
    assert q["median"] == 20.0 and q["p25"] == 10.0 and q["mean"] == 20.0
    assert segment_quantiles([]) == {}


def test_text_report_worst_side_by_side(
    corpus: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["score", str(corpus["Facebook-AI"]), "-r", str(corpus["refB"]), "--no-ci",
                   "--metrics", "bleu,chrf", "--worst", "2"])
    out = capsys.readouterr().out
    assert status == 0
    assert out.startswith("150 segments, references: ")
    assert "worst 2 segments by chrF2:" in out
    assert len(re.findall(r"^      hyp: ", out, flags=re.M)) == 2
    assert len(re.findall(r"^      ref: ", out, flags=re.M)) == 2
    assert re.search(r"^  BLEU +\d+\.\d\d$", out, flags=re.M)


def test_csv_output(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "seg.csv"
    status = main(["score", str(corpus["Facebook-AI"]), str(corpus["NiuTrans"]), "-r",
                   str(corpus["refB"]), "--metrics", "chrf,bleu", "--no-ci", "--no-paired-bs",
                   "--no-paired-ar", "--format", "csv", "-o", str(out)])
    assert status == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == ["system", "line", "bleu", "chrf"]
    assert len(rows) == 1 + 2 * 150
    assert rows[1][:2] == [str(corpus["Facebook-AI"]), "1"]
    assert rows[151][:2] == [str(corpus["NiuTrans"]), "1"]
    from sacrebleu.metrics import CHRF

    hyp = read_lines(corpus["NiuTrans"])[0]
    ref = read_lines(corpus["refB"])[0]
    assert float(rows[151][3]) == pytest.approx(CHRF().sentence_score(hyp, [ref]).score, abs=1e-4)


def test_json_output_shape(corpus: dict[str, Path], tmp_path: Path) -> None:
    status, got = tq_json(tmp_path, str(corpus["Facebook-AI"]), "-r", str(corpus["refB"]),
                          "--metrics", "bleu,ter", "--bootstrap", "100")
    assert status == 0
    assert got["segments"] == 150 and got["metrics"] == ["bleu", "ter"]
    system = got["systems"][0]  # type: ignore[index]
    assert len(system["segment_scores"]) == 150
    assert set(system["segment_scores"][0]) == {"line", "bleu", "ter"}
    bleu = system["scores"]["bleu"]
    assert bleu["ci"]["n_bootstrap"] == 100 and bleu["ci"]["low"] < bleu["ci"]["high"]
    assert set(bleu["quantiles"]) == {"min", "p10", "p25", "median", "p75", "p90", "max", "mean"}
    assert got["comparisons"] == [] and got["gate"] == {"passed": True, "failures": []}


# ---- gate ------------------------------------------------------------------------------------


def test_gate_statuses(corpus: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    hyp, ref = str(corpus["Facebook-AI"]), str(corpus["refB"])
    base = ["score", hyp, "-r", ref, "--no-ci", "--metrics", "bleu,chrf,ter"]
    report = score([(hyp, read_lines(hyp))], [read_lines(ref)], ("bleu", "chrf", "ter"))
    bleu = report.systems[0].metrics["bleu"].score
    ter = report.systems[0].metrics["ter"].score
    assert main([*base, "--min-bleu", f"{bleu - 1:.2f}", "--max-ter", f"{ter + 1:.2f}"]) == 0
    capsys.readouterr()
    threshold = float(f"{bleu + 1:.2f}")
    assert main([*base, "--min-bleu", str(threshold)]) == 1
    out = capsys.readouterr().out
    assert out.endswith(f"\ngate failed: {hyp}: BLEU {bleu:.2f} < {threshold:g}\n")
    assert main([*base, "--max-ter", f"{ter - 1:.2f}"]) == 1
    assert main([*base, "--min-chrf", "101"]) == 1
    failures = check_gate(report, min_chrf=0, max_ter=1000)
    assert failures == []


def test_gate_on_unscored_metric_is_an_input_error(
    corpus: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["score", str(corpus["Facebook-AI"]), "-r", str(corpus["refB"]), "--no-ci",
                   "--metrics", "chrf", "--min-bleu", "10"])
    assert status == 2
    assert capsys.readouterr().err == (
        "tqcheck: error: a bleu threshold is set but bleu is not among --metrics\n"
    )


# ---- input errors ----------------------------------------------------------------------------


def _err(capsys: pytest.CaptureFixture[str]) -> str:
    return capsys.readouterr().err


def test_mismatched_line_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("".join(f"line {i}\n" for i in range(10)), encoding="utf-8")
    ref.write_text("".join(f"line {i}\n" for i in range(9)), encoding="utf-8")
    assert main(["score", str(hyp), "-r", str(ref), "--no-ci"]) == 2
    assert _err(capsys) == f"tqcheck: error: {hyp} has 10 lines but {ref} has 9 lines\n"


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("a cat\n", encoding="utf-8")
    ref.write_bytes(b"")
    assert main(["score", str(hyp), "-r", str(ref)]) == 2
    assert _err(capsys) == f"tqcheck: error: {ref} is empty\n"


def test_latin1_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hyp = tmp_path / "hyp.txt"
    ref = tmp_path / "ref.txt"
    hyp.write_text("first line\nun café noir\n", encoding="latin-1")
    ref.write_text("first line\nun café noir\n", encoding="utf-8")
    assert main(["score", str(hyp), "-r", str(ref)]) == 2
    assert _err(capsys) == f"tqcheck: error: {hyp}: not UTF-8 text (byte 0xe9 on line 2)\n"


def test_missing_file_and_missing_ref(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = tmp_path / "ref.txt"
    ref.write_text("x\n", encoding="utf-8")
    assert main(["score", str(tmp_path / "nope.txt"), "-r", str(ref)]) == 2
    assert _err(capsys) == f"tqcheck: error: {tmp_path / 'nope.txt'}: no such file\n"
    assert main(["score", str(ref)]) == 2
    assert _err(capsys) == "tqcheck: error: no reference given (use -r/--ref FILE)\n"
    assert main(["score", str(ref), "-r", str(ref), "--metrics", "bleu,meteor"]) == 2
    assert "unknown metric 'meteor'" in _err(capsys)


def test_bom_and_crlf_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe cat sat.\r\nOn the mat.  \r\n".encode())
    assert read_lines(path) == ["The cat sat.", "On the mat."]
    # No trailing newline still counts the last line; a lone blank line is one (empty) segment.
    path.write_bytes(b"a\nb")
    assert read_lines(path) == ["a", "b"]
    path.write_bytes(b"\n")
    assert read_lines(path) == [""]


def test_library_rejects_misaligned_lists() -> None:
    with pytest.raises(InputError, match=r"^sys has 2 lines but reference 1 has 1 line$"):
        score([("sys", ["a", "b"])], [["a"]])


def test_atomic_output_leaves_no_temp_file(corpus: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("old\n", encoding="utf-8")
    assert main(["score", str(corpus["Facebook-AI"]), "-r", str(corpus["refB"]), "--no-ci",
                 "--metrics", "chrf", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("150 segments")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


# ---- tokenizers ------------------------------------------------------------------------------


def test_tokenizer_by_language() -> None:
    assert tokenizer_for("zh") == "zh"
    assert tokenizer_for("zh-Hans") == "zh"
    assert tokenizer_for("ja") == "ja-mecab"
    assert tokenizer_for("ko_KR") == "ko-mecab"
    assert tokenizer_for("de") == "13a"
    assert tokenizer_for(None) == "13a"
    assert make_metric("bleu", "zh").tokenizer.signature() == "zh"


def test_chinese_target_uses_zh_tokenizer(tmp_path: Path) -> None:
    hyp = ["我们对宇宙的了解来自于光。"]
    ref = ["我们对宇宙的大部分了解都来自于光。"]
    report = score([("zh", hyp)], [ref], ("bleu",), lang="zh")
    from sacrebleu.metrics import BLEU

    assert report.systems[0].metrics["bleu"].score == BLEU(tokenize="zh").corpus_score(
        hyp, [ref]).score
    assert "tok:zh" in report.systems[0].metrics["bleu"].signature


@pytest.mark.skipif(importlib.util.find_spec("MeCab") is not None, reason="MeCab is installed")
def test_missing_japanese_tokenizer_names_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(MissingExtraError) as info:
        make_metric("bleu", "ja")
    assert info.value.extra == "ja"
    hyp = tmp_path / "hyp.txt"
    hyp.write_text("猫がいる\n", encoding="utf-8")
    assert main(["score", str(hyp), "-r", str(hyp), "--lang", "ja", "--no-ci"]) == 3
    assert capsys.readouterr().err == (
        "tqcheck: error: Japanese BLEU tokenization (ja-mecab) needs the optional "
        "dependencies: pip install 'tqcheck[ja]'\n"
    )


def test_gate_from_configuration_file(corpus: dict[str, Path], tmp_path: Path) -> None:
    config = tmp_path / "tqcheck.toml"
    config.write_text("min-bleu = 99.5\nmax-ter = 150\n", encoding="utf-8")
    base = ["score", str(corpus["Facebook-AI"]), "-r", str(corpus["refB"]), "--no-ci",
            "--metrics", "bleu,ter", "--format", "json", "-o", str(tmp_path / "o.json"),
            "--config", str(config)]
    assert main(base) == 1
    got = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert [f.split(": BLEU")[0] for f in got["gate"]["failures"]] == [str(corpus["Facebook-AI"])]
    # The command line overrides the file.
    assert main([*base, "--min-bleu", "1"]) == 0
    config.write_text("min-bleu = 'high'\n", encoding="utf-8")
    assert main(base) == 2


# ---- translation files: aligned by source text -----------------------------------------------

PO = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "po" / "gnome-calculator"


@pytest.fixture
def po_pair(tmp_path: Path) -> tuple[Path, Path, list[tuple[str, str]]]:
    ref = PO / "de.po"
    if not ref.is_file():
        pytest.skip(f"shared data not available: {ref}")
    from tqcheck.readers import read_pairs

    text = ref.read_text(encoding="utf-8")
    changed = text.replace('msgstr "Taschenrechner"\n', 'msgstr "Rechenmaschine"\n', 1)
    assert changed != text
    hyp = tmp_path / "hyp.po"
    hyp.write_text(changed, encoding="utf-8")
    return hyp, ref, read_pairs(ref)


def test_po_files_are_aligned_by_source(
    po_pair: tuple[Path, Path, list[tuple[str, str]]], tmp_path: Path
) -> None:
    hyp, ref, pairs = po_pair
    unique_sources = list(dict.fromkeys(src for src, _ in pairs))
    status, got = tq_json(tmp_path, str(hyp), "-r", str(ref), "--metrics", "chrf", "--no-ci")
    assert status == 0
    assert got["segments"] == len(unique_sources)
    assert got["notes"] == [f"{len(unique_sources)} units aligned by source text"]
    segs = got["systems"][0]["segment_scores"]  # type: ignore[index]
    below = [unique_sources[s["line"] - 1] for s in segs if s["chrf"] < 100]
    assert below == ["Calculator"]


def test_po_unit_missing_from_hypothesis_is_left_out_with_a_note(
    po_pair: tuple[Path, Path, list[tuple[str, str]]], tmp_path: Path
) -> None:
    hyp, ref, pairs = po_pair
    text = hyp.read_text(encoding="utf-8")
    # Untranslate one unit of the hypothesis: it is no longer a scorable pair.
    hyp.write_text(text.replace('msgstr "Rechenmaschine"\n', 'msgstr ""\n', 1), encoding="utf-8")
    status, got = tq_json(tmp_path, str(hyp), "-r", str(ref), "--metrics", "chrf", "--no-ci")
    assert status == 0
    n = len(dict.fromkeys(src for src, _ in pairs))
    assert got["segments"] == n - 1
    assert got["notes"] == [f"{n - 1} units aligned by source text",
                            f"{ref}: 1 unit not in every file left out"]


def test_mixing_text_and_translation_files_is_an_input_error(
    po_pair: tuple[Path, Path, list[tuple[str, str]]], tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, ref, _ = po_pair
    txt = tmp_path / "hyp.txt"
    txt.write_text("Taschenrechner\n", encoding="utf-8")
    assert main(["score", str(txt), "-r", str(ref)]) == 2
    assert capsys.readouterr().err == (
        f"tqcheck: error: {txt} is line-aligned text but {ref} is a po file; "
        "score files of one kind\n"
    )
