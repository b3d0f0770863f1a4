"""XML readers: XLIFF 1.2 and 2.x, TMX (TICO-19), Android strings.xml; hardening."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqcheck.audit import AuditOptions, audit
from tqcheck.errors import InputError
from tqcheck.readers import detect_format, read_pairs, read_segments

from .formats_support import TICO_DIR, assert_positions, char_at

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="en" target-language="fr" datatype="plaintext" original="ui">
    <body>
      <trans-unit id="greeting" approved="yes">
        <source>Hello <g id="1">world</g> &amp; friends</source>
        <target state="translated">Bonjour <g id="1">le monde</g> &amp; amis</target>
        <note>Shown on start</note>
      </trans-unit>
      <trans-unit id="count">
        <source>Deleted <x id="1"/> files</source>
        <target state="needs-review-translation">Fichiers supprimés</target>
      </trans-unit>
      <trans-unit id="empty">
        <source>Not yet</source>
      </trans-unit>
      <trans-unit id="skip" translate="no">
        <source>Brand</source>
        <target>Brand</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF20 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
  <file id="f1">
    <unit id="u1">
      <notes><note>Button</note></notes>
      <segment id="s1" state="final">
        <source>Save <ph id="1"/> now</source>
        <target>Jetzt <ph id="1"/> speichern</target>
      </segment>
      <segment id="s2" state="initial">
        <source>Cancel</source>
        <target>Abbrechen</target>
      </segment>
    </unit>
  </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="en" adminlang="en" segtype="sentence" datatype="plaintext" o-tmf="x"
          creationtool="t" creationtoolversion="1"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="en"><seg>Take 250 mg &lt;daily&gt;</seg></tuv>
      <tuv xml:lang="de"><seg>Nehmen Sie 25 mg &lt;täglich&gt;</seg></tuv>
      <tuv xml:lang="fr"><seg>Prenez 250 mg &lt;par jour&gt;</seg></tuv>
    </tu>
    <tu tuid="2">
      <tuv xml:lang="en"><seg>Wash your <ph x="1">&lt;b&gt;</ph>hands</seg></tuv>
      <tuv xml:lang="fr"><seg>Lavez-vous les <ph x="1">&lt;b&gt;</ph>mains</seg></tuv>
    </tu>
  </body>
</tmx>
"""

STRINGS_EN = """<?xml version="1.0" encoding="utf-8"?>
<resources>
    <string name="app_name" translatable="false">Torrent</string>
    <string name="hello">Hello, %1$s!</string>
    <string name="quote">Don\\'t say \\"no\\"</string>
    <plurals name="files">
        <item quantity="one">%d file</item>
        <item quantity="other">%d files</item>
    </plurals>
    <string-array name="colors">
        <item>Red</item>
        <item>Green</item>
    </string-array>
</resources>
"""

STRINGS_FR = """<?xml version="1.0" encoding="utf-8"?>
<resources xmlns:xliff="urn:oasis:names:tc:xliff:document:1.2">
    <string name="hello">Bonjour, %1$d !</string>
    <string name="quote">Ne dis pas \\"non\\" l\\'ami</string>
    <plurals name="files">
        <item quantity="one">%d fichier</item>
        <item quantity="many">%d fichiers</item>
        <item quantity="other">%d fichiers</item>
    </plurals>
    <string-array name="colors">
        <item>Rouge</item>
        <item>"Vert"</item>
    </string-array>
</resources>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_xliff12_units_states_inline_tags(tmp_path: Path) -> None:
    path = _write(tmp_path, "ui.xlf", XLIFF12)
    segs = list(read_segments(path))
    assert [s.id for s in segs] == ["greeting", "count", "empty"]
    first = segs[0]
    assert first.source == 'Hello <g id="1">world</g> & friends'
    assert first.text == 'Bonjour <g id="1">le monde</g> & amis'
    assert (first.source_lang, first.target_lang) == ("en", "fr")
    assert first.meta["state"] == "translated" and first.meta["notes"] == ("Shown on start",)
    assert segs[1].meta["state"] == "needs-review-translation"
    assert segs[2].text == ""
    for seg in segs:
        assert_positions(path, seg)
    report = audit([path], AuditOptions(select=("TQ830", "TQ834")))
    codes = sorted(f.code for f in report.findings)
    assert codes == ["TQ830", "TQ834"]  # the empty unit; <x/> lost in "count"


def test_xliff20_segments(tmp_path: Path) -> None:
    path = _write(tmp_path, "ui.xliff", XLIFF20)
    segs = list(read_segments(path))
    assert [s.id for s in segs] == ["u1/s1", "u1/s2"]
    assert segs[0].text == 'Jetzt <ph id="1"/> speichern'
    assert segs[0].source == 'Save <ph id="1"/> now'
    assert (segs[0].source_lang, segs[0].target_lang) == ("en", "de")
    assert segs[0].meta["state"] == "final" and segs[0].meta["notes"] == ("Button",)
    for seg in segs:
        assert_positions(path, seg)


def test_tmx_pair_by_option_and_entities(tmp_path: Path) -> None:
    path = _write(tmp_path, "tm.tmx", TMX)
    segs = list(read_segments(path))
    assert [(s.source_lang, s.target_lang) for s in segs] == [("en", "de")]
    assert segs[0].text == "Nehmen Sie 25 mg <täglich>"
    fr = list(read_segments(path, options={"tmx_langs": "en,fr"}))
    assert [s.id for s in fr] == ["1", "2"]
    assert fr[1].text == 'Lavez-vous les <ph x="1">&lt;b&gt;</ph>mains'
    for seg in [*segs, *fr]:
        assert_positions(path, seg)
    report = audit([path], AuditOptions(select=("TQ835",)))
    assert sorted(f.message for f in report.findings) == [
        "number 25 is not in the source", "number 250 of the source is missing"]
    finding = next(f for f in report.findings if "25 is not" in f.message)
    assert char_at(path, finding.line, finding.col) == "2"
    assert (finding.line, finding.end_col - finding.col) == (8, 2)
    with pytest.raises(InputError):
        list(read_segments(path, options={"tmx_langs": "en"}))


def test_android_strings_with_default_source(tmp_path: Path) -> None:
    _write(tmp_path, "res/values/strings.xml", STRINGS_EN)
    path = _write(tmp_path, "res/values-fr/strings.xml", STRINGS_FR)
    assert detect_format(path) == "android"
    segs = {s.id: s for s in read_segments(path)}
    assert set(segs) == {"hello", "quote", "files#one", "files#many", "files#other", "colors[0]",
                         "colors[1]"}
    assert segs["quote"].text == "Ne dis pas \"non\" l'ami"
    assert segs["quote"].source == "Don't say \"no\""
    assert segs["files#many"].source == "%d files"
    assert segs["colors[1]"].text == "Vert"
    assert segs["hello"].target_lang == "fr"
    for seg in segs.values():
        assert_positions(path, seg, escapes="\\")
    report = audit([path], AuditOptions(select=("TQ832",)))
    (finding,) = report.findings
    assert finding.message == "placeholder '%1$s' of the source became '%1$d'"
    assert char_at(path, finding.line, finding.col) == "%"


XXE = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>&xxe;</target></trans-unit></body></file></xliff>
"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<xliff version="1.2"><file source-language="en" target-language="fr"><body>
<trans-unit id="1"><source>a</source><target>&lol3;</target></trans-unit></body></file></xliff>
"""


@pytest.mark.parametrize("content", [XXE, LAUGHS, "<xliff version='1.2'><file>", "<tmx></xliff>"])
def test_hostile_xml_is_a_one_line_error(tmp_path: Path, content: str) -> None:
    _write(tmp_path, "bad.xlf", content)
    good = _write(tmp_path, "good.xlf", XLIFF12)
    report = audit([tmp_path / "bad.xlf", good], AuditOptions(select=("TQ830",)))
    (error,) = report.errors
    assert "\n" not in error.message and error.message.startswith(str(tmp_path / "bad.xlf"))
    if "ENTITY" in content:
        assert "entity declarations are refused" in error.message
    assert [Path(f.path).name for f in report.files] == ["good.xlf"]


def test_read_pairs(tmp_path: Path) -> None:
    path = _write(tmp_path, "ui.xlf", XLIFF12)
    assert read_pairs(path) == [
        ('Hello <g id="1">world</g> & friends', 'Bonjour <g id="1">le monde</g> & amis'),
        ('Deleted <x id="1"/> files', "Fichiers supprimés"),
    ]


TICO = sorted(TICO_DIR.glob("*.tmx")) if TICO_DIR.is_dir() else []


@pytest.mark.skipif(not TICO, reason="../shared/data/tico19 is absent")
@pytest.mark.parametrize("path", TICO, ids=lambda p: p.name)
def test_tico19_reads_completely(path: Path) -> None:
    target = path.stem.split("-")[-1]
    segs = list(read_segments(path))
    assert len(segs) == 3071
    assert {(s.source_lang, s.target_lang) for s in segs} == {("en", target)}
    assert all(s.source and s.text for s in segs)
    for seg in segs[:: 50]:
        assert_positions(path, seg)
    assert len(read_pairs(path)) == 3071


@pytest.mark.slow
@pytest.mark.skipif(not TICO, reason="../shared/data/tico19 is absent")
def test_tico19_audit_runs() -> None:
    report = audit(TICO, AuditOptions())
    assert not report.errors
    assert [(Path(f.path).name, f.lang, f.lang_source, f.segments) for f in report.files] == [
        (p.name, p.stem.split("-")[-1], "metadata", 3071) for p in TICO
    ]
    assert any(f.code == "TQ835" for f in report.findings)


@pytest.mark.parametrize("head, fmt", [
    ('<?xml version="1.0"?>\n<!-- c -->\n<xliff version="2.0">', "xliff"),
    ("<?xml version='1.0'?><tmx version='1.4'>", "tmx"),
    ("\ufeff<resources>", "android"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nHi", "vtt"),
    ("1\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt"),
    ('{"a": "b"}', "json"),
    ('# comment\nmsgid "a"\nmsgstr "b"\n', "po"),
    ("Just prose.", None),
])
def test_sniff_format(head: str, fmt: str | None) -> None:
    from tqcheck.readers import sniff_format

    assert sniff_format(head) == fmt


def test_unknown_xml_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "pom.xml", "<project/>")
    with pytest.raises(InputError, match="XML file of a kind tqcheck does not read"):
        detect_format(path)
    assert detect_format(path, "xliff") == "xliff"
