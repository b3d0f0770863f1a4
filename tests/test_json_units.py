"""ARB/JSON units that are not text, and i18next plural keys read as CLDR plural forms."""

from __future__ import annotations

import json
from pathlib import Path

from tqcheck.audit import AuditOptions, audit_file
from tqcheck.readers import read_segments
from tqcheck.readers.jsonl10n import i18next_plurals


def write(path: Path, doc: dict[str, object]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_arb_values_that_are_not_text_are_reported_one_by_one(tmp_path: Path) -> None:
    en = write(tmp_path / "app_en.arb", {"@@locale": "en", "save": "Save", "retries": "Retries",
                                         "beta": "Beta", "open": "Delete the selected files permanently"})
    fr = write(tmp_path / "app_fr.arb", {
        "@@locale": "fr", "@@last_modified": 1700000000, "@@x-generated": True,
        "save": "Enregistrer", "retries": 3, "beta": True, "open": "Delete the selected files permanently",
        "@open": {"description": "metadata: an object is allowed here"}})
    result = audit_file(fr, AuditOptions(features={"source": str(en)}))
    assert result.error is None
    bad = [n for n in result.notes if "not text" in n]
    assert bad == [f"{fr}:6:3: the ARB value of 'retries' is a number, not text: skipped",
                   f"{fr}:7:3: the ARB value of 'beta' is a boolean, not text: skipped"]
    # The other units are read and checked; the bad ones are not "missing" as well.
    assert [f.code for f in result.findings if f.severity.value == "warning"] == ["TQ831"]
    assert not any(f.code == "TQ830" for f in result.findings)


def test_chrome_message_that_is_not_text_is_one_bad_unit(tmp_path: Path) -> None:
    path = write(tmp_path / "messages.json", {"a": {"message": "Öffnen"}, "b": {"message": 2}})
    assert [s.id for s in read_segments(path)] == ["a", "b"]
    result = audit_file(path, AuditOptions(lang="de"))
    assert result.error is None
    assert any("b.message is a number, not text" in n for n in result.notes)


def test_i18next_plural_keys_map_to_cldr_categories() -> None:
    keys = ["file_one", "file_other", "file_few", "file_many", "step_1", "row_0", "row_1",
            "row_2", "item", "item_plural", "count_one"]
    assert i18next_plurals(keys, "ru") == {
        "file_one": ("file", "one"), "file_other": ("file", "other"),
        "file_few": ("file", "few"), "file_many": ("file", "many"),
        "row_0": ("row", "one"), "row_1": ("row", "few"), "row_2": ("row", "many"),
        "item": ("item", "one"), "item_plural": ("item", "other")}
    # "step_1" alone and "count_one" without "count_other" are plain keys.
    assert i18next_plurals(["a_0", "a_1", "a_2", "a_3", "a_4", "a_5"], "ar")["a_0"] == ("a", "zero")


def test_i18next_russian_plural_forms(tmp_path: Path) -> None:
    en = write(tmp_path / "en.json", {"files_one": "{{count}} file deleted",
                                      "files_other": "{{count}} files deleted",
                                      "title": "Files"})
    ru = write(tmp_path / "ru.json", {"files_one": "{{count}} файл удалён",
                                      "files_few": "{{count}} файла удалено",
                                      "files_many": "{{count}} файлов удалено",
                                      "files_other": "{{count}} файла удалено",
                                      "title": "Файлы"})
    segs = {s.id: s for s in read_segments(ru, options={"source": str(en)})}
    assert segs["files_few"].meta["plural_category"] == "few"
    assert segs["files_few"].source == "{{count}} files deleted"
    # Russian "one" covers 21, 31 …: compared with the English "other".
    assert segs["files_one"].source == "{{count}} files deleted"
    assert segs["files_one"].meta["single_number_form"] is False
    result = audit_file(ru, AuditOptions(features={"source": str(en)}))
    assert result.error is None
    # Sibling forms are one message (no TQ580), none is missing, the placeholders agree.
    assert [f.code for f in result.findings if f.severity.value != "info"] == []


def test_i18next_forms_of_the_target_language_only(tmp_path: Path) -> None:
    en = write(tmp_path / "en.json", {"days_one": "one day", "days_other": "{{count}} days"})
    ja = write(tmp_path / "ja.json", {"days_other": "{{count}} 日"})
    ar = write(tmp_path / "ar.json", {"days_zero": "لا أيام", "days_one": "يوم واحد",
                                      "days_two": "يومان", "days_few": "{{count}} أيام",
                                      "days_many": "{{count}} يومًا", "days_other": "{{count}} يوم"})
    for path in (ja, ar):
        result = audit_file(path, AuditOptions(features={"source": str(en)}))
        assert result.error is None
        # Japanese has no "one" form (nothing missing); Arabic zero/one/two spell the number.
        assert [(f.code, f.message) for f in result.findings
                if f.code in {"TQ830", "TQ832", "TQ833", "TQ580"}] == [], path.name


def test_i18next_missing_plural_message_is_still_missing(tmp_path: Path) -> None:
    en = write(tmp_path / "en.json", {"days_one": "one day", "days_other": "{{count}} days",
                                      "title": "Calendar"})
    de = write(tmp_path / "de.json", {"title": "Kalender"})
    result = audit_file(de, AuditOptions(features={"source": str(en)}))
    assert sorted(f.message for f in result.findings
                  if f.code == "TQ830" and f.message.startswith("missing")) == [
        "missing from the translation: 'one day'",
        "missing from the translation: '{{count}} days'"]
