"""The HTML report in a real headless Chromium (Debian's ``chromium``, driven by Playwright with
``executable_path``; no browser download).  Skips when either is missing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests._report_helpers import SEED, run

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"]


def _chromium() -> str:
    for candidate in (os.environ.get("TQCHECK_CHROMIUM"), shutil.which("chromium"),
                      shutil.which("chromium-browser"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.skip("chromium is not installed (apt-get install chromium)")


def test_seed_report_in_chromium(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    executable = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.chdir(tmp_path)
    shutil.copy(SEED, "seed.txt")
    status, _, _ = run(capsys, "seed.txt", "--jobs", "1", "-q", "--output", "html=report.html",
                       "--output", "json=report.json")
    assert status == 1
    import json

    expected = json.loads(Path("report.json").read_text(encoding="utf-8"))["findings"]
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("request", lambda r: requests.append(r.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto((tmp_path / "report.html").as_uri())
            items = page.evaluate("""() => Array.from(document.querySelectorAll('li.finding'))
                .map(li => [li.dataset.id, li.dataset.category, li.dataset.code])""")
            assert [code for _, _, code in items] == [f["code"] for f in expected]
            # Every finding is highlighted: a visible mark with a background colour, whose text
            # is the finding's text.
            for (fid, _, _), finding in zip(items, expected, strict=True):
                info = page.evaluate("""(id) => {
                    const ms = Array.from(document.querySelectorAll('mark.hl'))
                        .filter(m => m.dataset.ids.split(' ').includes(id));
                    return {n: ms.length, text: ms.map(m => m.textContent).join(''),
                            bg: ms.map(m => getComputedStyle(m).backgroundColor),
                            h: ms.map(m => m.getBoundingClientRect().height)};
                }""", fid)
                assert info["n"] >= 1, finding
                assert all(bg not in ("rgba(0, 0, 0, 0)", "transparent") for bg in info["bg"])
                assert all(h > 0 for h in info["h"])
                assert info["text"].replace("\n", " ") == finding["text"].replace("\n", " "), (
                    finding)
            page.screenshot(path=str(tmp_path / "all.png"), full_page=True)

            # Filtering by category hides every other finding and its highlight.
            page.select_option("#filter-category", "calque")
            state = page.evaluate("""() => Array.from(document.querySelectorAll('li.finding'))
                .map(li => [li.dataset.id, li.dataset.category, li.offsetParent !== null])""")
            assert {cat for _, cat, shown in state if shown} == {"calque"}
            assert all(shown == (cat == "calque") for _, cat, shown in state)
            calque_ids = {fid for fid, cat, _ in state if cat == "calque"}
            marks = page.evaluate("""() => Array.from(document.querySelectorAll('mark.hl'))
                .map(m => [m.dataset.ids.split(' '), getComputedStyle(m).backgroundColor])""")
            for ids, bg in marks:
                lit = bg not in ("rgba(0, 0, 0, 0)", "transparent")
                assert lit == bool(calque_ids & set(ids)), (ids, bg)
            assert page.inner_text("#shown") == f"{len(calque_ids)} of {len(items)} findings shown"
            page.select_option("#filter-severity", "error")
            assert page.inner_text("#shown") == f"0 of {len(items)} findings shown"
            page.select_option("#filter-category", "")
            errors_shown = sum(f["severity"] == "error" for f in expected)
            assert page.inner_text("#shown") == f"{errors_shown} of {len(items)} findings shown"
            page.screenshot(path=str(tmp_path / "errors.png"), full_page=True)
            assert not errors
        finally:
            browser.close()
    assert all(url.startswith("file://") for url in requests), requests
    assert (tmp_path / "all.png").stat().st_size > 10_000
    assert (tmp_path / "errors.png").stat().st_size > 10_000
