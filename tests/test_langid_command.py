"""``tqcheck langid``: the language of every sentence, text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tqcheck.cli import cli

TEXT = ("The talks ended in Antalya on Thursday without an agreement. "
        "Переговоры закончились без результата.\n\nOK\n")


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["langid", *args], standalone_mode=False)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return int(result.return_value if result.return_value is not None else result.exit_code), (
        result.output)


def test_text_output_one_line_per_sentence(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    status, out = invoke("--lang", "en", str(path))
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 3
    assert lines[0] == (f"{path}:1:1: en 1.00 lexicon  "
                        "The talks ended in Antalya on Thursday without an agreement.")
    assert lines[1] == (f"{path}:1:62: ru 1.00 script foreign  "
                        "Переговоры закончились без результата.")
    assert lines[2] == f"{path}:3:1: und 0.00 abstain  OK"


def test_without_lang_nothing_is_marked_foreign(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    status, out = invoke(str(path))
    assert status == 0
    assert "foreign" not in out
    assert f"{path}:1:62: ru " in out


def test_json_output(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    status, out = invoke("--format", "json", "--lang", "en", str(path))
    assert status == 0
    (doc,) = json.loads(out)["files"]
    assert (doc["path"], doc["lang"], doc["lang_source"]) == (str(path), "en", "option")
    rows = doc["sentences"]
    assert [(r["line"], r["col"], r["end_col"], r["lang"], r["foreign"]) for r in rows] == [
        (1, 1, 61, "en", False), (1, 62, 100, "ru", True), (3, 1, 3, None, False)]
    assert rows[1]["method"] == "script" and rows[1]["script"] == "Cyrillic"


def test_detected_document_language(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text("Переговоры закончились без результата. Министры уехали домой.\n\n" + TEXT,
                    encoding="utf-8")
    _, out = invoke("--format", "json", str(path))
    (doc,) = json.loads(out)["files"]
    assert (doc["lang"], doc["lang_source"]) == ("ru", "detected")


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    status, _ = invoke(str(tmp_path / "nope.txt"))
    assert status == 2


def test_language_from_the_files_metadata(tmp_path: Path) -> None:
    # The audit and langid resolve a document's language in one place: a PO header counts.
    path = tmp_path / "de.po"
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n\n'
                    'msgid "The file could not be opened."\n'
                    'msgstr "Die Datei konnte nicht geöffnet werden."\n\n'
                    'msgid "The talks ended without an agreement."\n'
                    'msgstr "The talks ended without an agreement."\n', encoding="utf-8")
    _, out = invoke("--format", "json", str(path))
    (doc,) = json.loads(out)["files"]
    assert (doc["lang"], doc["lang_source"]) == ("de", "metadata")
    assert [r["foreign"] for r in doc["sentences"]] == [False, True]


def test_language_codes_have_one_normaliser() -> None:
    from tqcheck.langdata import base_lang, lang_tag, normalise_lang
    from tqcheck.score import tokenizer_for

    assert base_lang("arz") == normalise_lang("arz") == "ar"
    assert base_lang("pt_BR") == base_lang(" PT-br ") == "pt" and lang_tag("pt_BR") == "pt-br"
    assert (base_lang("hr"), normalise_lang("hr")) == ("hr", "sr")  # data vs identification
    assert tokenizer_for("zh_CN") == "zh" and tokenizer_for("cmn") == "zh"
