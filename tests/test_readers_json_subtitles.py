"""JSON localization files (flat, nested, ARB, Chrome) and SRT/WebVTT subtitles, with sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit
from tqcheck.errors import InputError
from tqcheck.readers import detect_format, read_pairs, read_segments

from .formats_support import assert_positions, char_at


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


NESTED_EN = {"menu": {"open": "Open {{file}}", "items": ["One", "Two"]}, "count": 3,
             "greeting": "Hello\\nWorld", "only_source": "Missing"}
NESTED_DE = """{
  "menu": {
    "open": "{{file}} \\u00f6ffnen",
    "items": ["Eins", "Zwei"]
  },
  "count": 3,
  "greeting": "Hallo\\nWelt \\"Erde\\""
}
"""


def test_nested_json_matched_by_key(tmp_path: Path) -> None:
    src = _write(tmp_path, "en.json", json.dumps(NESTED_EN))
    path = _write(tmp_path, "de.json", NESTED_DE)
    segs = list(read_segments(path, options={"source": str(src)}))
    by_id = {s.id: s for s in segs}
    assert list(by_id) == ["menu.open", "menu.items[0]", "menu.items[1]", "greeting", "only_source"]
    assert by_id["menu.open"].text == "{{file}} öffnen"
    assert by_id["menu.open"].source == "Open {{file}}"
    assert by_id["greeting"].text == 'Hallo\\nWelt "Erde"'.replace("\\n", "\n")
    assert (by_id["greeting"].source_lang, by_id["greeting"].target_lang) == ("en", "de")
    assert by_id["only_source"].text == "" and by_id["only_source"].meta["missing"]
    for seg in segs[:-1]:
        assert_positions(path, seg)
    report = audit([path], AuditOptions(select=("TQ830",), features={"source": str(src)}))
    assert [f.message for f in report.findings] == ["missing from the translation: 'Missing'"]
    assert read_pairs(path, options={"source": str(src)})[0] == ("Open {{file}}", "{{file}} öffnen")


def test_json_positions_point_at_the_char(tmp_path: Path) -> None:
    src = _write(tmp_path, "en.json", '{"a": "Visit https://example.org now"}')
    path = _write(tmp_path, "fr.json", '{\n  "a": "\\u00c0 voir : https://example.com"\n}')
    report = audit([path], AuditOptions(select=("TQ836",), features={"source": str(src)}))
    extra = next(f for f in report.findings if "is not in the source" in f.message)
    assert (extra.line, extra.col) == (2, 23)
    assert char_at(path, extra.line, extra.col) == "h"


def test_arb_metadata_and_locale(tmp_path: Path) -> None:
    path = _write(tmp_path, "app_fr.arb", json.dumps({
        "@@locale": "fr", "hello": "Bonjour {name}",
        "@hello": {"description": "Greeting", "placeholders": {"name": {}}},
        "items": "{count, plural, =0{Aucun} other{{count} éléments}}",
    }, ensure_ascii=False))
    segs = list(read_segments(path))
    assert [s.id for s in segs] == ["hello", "items"]
    assert segs[0].target_lang == "fr"
    assert segs[0].meta["arb"]["description"] == "Greeting"
    assert segs[0].meta["flavour"] == "arb"


def test_chrome_messages_json(tmp_path: Path) -> None:
    src = _write(tmp_path, "_locales/en/messages.json", json.dumps({
        "title": {"message": "Hello $USER$", "description": "d",
                  "placeholders": {"user": {"content": "$1"}}}}))
    path = _write(tmp_path, "_locales/fr/messages.json", json.dumps({
        "title": {"message": "Bonjour", "description": "d"}}))
    segs = list(read_segments(path, options={"source": str(src)}))
    assert segs[0].meta["flavour"] == "chrome" and segs[0].target_lang == "fr"
    assert segs[0].source == "Hello $USER$"
    report = audit([path], AuditOptions(select=("TQ832",), features={"source": str(src)}))
    assert [f.message for f in report.findings] == ["placeholder '$USER$' of the source is missing"]


@pytest.mark.parametrize("content, message", [
    ("[" * 10 + "]" * 10, "nesting deeper than"),
    ('{"a": [[["x"]]]}', "array inside an array"),
    ('{"a": "b"', "expected ',' or '}'"),
    ('{"a": "b\n"}', "unterminated string"),
    ('["a"]', "not a localization file"),
])
def test_hostile_json_is_a_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    bad = _write(tmp_path, "bad.json", content)
    good = _write(tmp_path, "fr.json", '{"a": "Bonjour"}')
    report = audit([bad, good], AuditOptions(select=("TQ830",)))
    (error,) = report.errors
    assert message in error.message and "\n" not in error.message
    assert [Path(f.path).name for f in report.files] == ["fr.json"]


def test_deep_nesting_never_recurses_far(tmp_path: Path) -> None:
    bad = _write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)
    with pytest.raises(InputError, match="nesting deeper"):
        list(read_segments(bad))


SRT_EN = """1
00:00:01,000 --> 00:00:03,000
Hello there.

2
00:00:03,500 --> 00:00:05,000
Take 250 mg.

3
00:00:06,000 --> 00:00:07,000
Bye!
"""

SRT_DE = """1
00:00:01,000 --> 00:00:03,000
Hallo.

2
00:00:03,500 --> 00:00:05,000
Nehmen Sie 25 mg ein, das ist ein sehr langer Untertitel.

3
00:00:06,000 --> 00:00:07,000
Tschüss!
"""

VTT_FR = """WEBVTT
Language: fr

NOTE a comment

intro
00:01.000 --> 00:03.000 align:start
<v Anna>Bonjour.</v>

00:03.600 --> 00:05.000
Prenez 250 mg.
Deux fois
Par jour
"""


def test_srt_with_source_by_index(tmp_path: Path) -> None:
    src = _write(tmp_path, "film.en.srt", SRT_EN)
    path = _write(tmp_path, "film.de.srt", SRT_DE)
    segs = list(read_segments(path, options={"source": str(src)}))
    assert [(s.id, s.source, s.kind) for s in segs] == [
        ("1", "Hello there.", "cue"), ("2", "Take 250 mg.", "cue"), ("3", "Bye!", "cue")]
    assert (segs[0].source_lang, segs[0].target_lang) == ("en", "de")
    assert segs[1].meta["start"] == 3.5 and segs[1].meta["end"] == 5.0
    report = audit([path], AuditOptions(select=("TQ835", "TQ280", "TQ281"),
                                        features={"source": str(src)}))
    codes = sorted(f.code for f in report.findings)
    assert codes == ["TQ280", "TQ281", "TQ835", "TQ835"]
    number = next(f for f in report.findings if "is not in the source" in f.message)
    assert (number.line, number.col) == (7, 12) and char_at(path, 7, 12) == "2"


def test_vtt_with_source_by_time(tmp_path: Path) -> None:
    src = _write(tmp_path, "film.en.srt", SRT_EN)
    path = _write(tmp_path, "film.vtt", VTT_FR)
    assert detect_format(path) == "vtt"
    segs = list(read_segments(path, options={"source": str(src)}))
    assert [s.text for s in segs] == ["<v Anna>Bonjour.</v>", "Prenez 250 mg.\nDeux fois\nPar jour"]
    assert [s.source for s in segs] == ["Hello there.", "Take 250 mg."]
    assert segs[0].target_lang == "fr" and segs[0].line == 8
    report = audit([path], AuditOptions(select=("TQ282",)))
    (f,) = report.findings
    assert f.line == 13 and char_at(path, 13, 1) == "P"


def test_bad_subtitle_is_a_one_line_error(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.srt", "1\nnot a timing\nText\n")
    with pytest.raises(InputError, match="expected a cue timing"):
        list(read_segments(bad))


def test_cli_options_reach_the_readers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.cli import main

    po = _write(tmp_path, "de.po", 'msgid "a b c"\nmsgstr "x"\n\n#, fuzzy\nmsgid "Quit"\n'
                'msgstr "Quit"\n')
    tmx = _write(tmp_path, "tm.tmx", """<tmx version="1.4"><header srclang="en"/><body>
<tu><tuv xml:lang="en"><seg>Quit the program now</seg></tuv>
<tuv xml:lang="de"><seg>Quit the program now</seg></tuv>
<tuv xml:lang="fr"><seg>Quitter le programme</seg></tuv></tu></body></tmx>""")
    glossary = _write(tmp_path, "g.csv", "source,fr\nprogram,logiciel\n")

    def run(*args: str) -> tuple[int, str]:
        status = main(["audit", *args, "--no-show-source"])
        out = capsys.readouterr()
        return status, out.out + out.err

    assert "TQ831" not in run(str(po), "--select", "TQ831")[1]
    assert f"{po}:6:9: TQ831" in run(str(po), "--select", "TQ831", "--include-fuzzy")[1]
    status, out = run(str(tmx), "--select", "TQ831")
    assert "TQ831 translation is identical to the source" in out and status == 1
    status, out = run(str(tmx), "--select", "TQ83", "--tmx-langs", "en,fr",
                      "--glossary", str(glossary))
    assert "TQ838 glossary: 'program' should be translated as 'logiciel'" in out
    assert "TQ831" not in out and status == 1
    status, out = run(str(tmx), "--glossary", str(tmp_path / "nope.csv"))
    assert status == 2 and "nope.csv: no such file" in out


def test_config_file_keys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tqcheck.cli import main

    _write(tmp_path, "terms/g.csv", "source,fr\nprogram,logiciel\n")
    config = _write(tmp_path, "tqcheck.toml",
                    'glossary = "terms/g.csv"\ninclude-fuzzy = true\ntmx-langs = "en,fr"\n')
    po = _write(tmp_path, "fr.po", '#, fuzzy\nmsgid "Quit the program"\nmsgstr "Quitter"\n')
    status = main(["audit", str(po), "--config", str(config), "--select", "TQ838",
                   "--no-show-source"])
    out = capsys.readouterr().out
    assert "TQ838 glossary: 'program' should be translated as 'logiciel'" in out and status == 1
