"""Write ``tqcheck/data/calque-analysis.json``: the built-in calque patterns' analysis
(:mod:`tqcheck.calque_store`), so that a process reads it instead of making it.

Run after changing a calque pack, the analysis code (``_prefilter.py``, ``calque_pattern.py``,
``calque.py``) or a lexicon; ``tests/test_calque_store.py`` fails while the file is stale.  A
pattern missing from the file is analysed when first needed, as before: the file changes speed,
never findings.

    python scripts/build_calque_analysis.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tqcheck import calque_store  # noqa: E402
from tqcheck.checks.calque import _word_rank, builtin_packs  # noqa: E402
from tqcheck.checks.calque_pattern import compile_pattern  # noqa: E402
from tqcheck.datapack import builtin_folder  # noqa: E402


def build() -> dict[str, object]:
    langs: dict[str, dict[str, dict[str, object]]] = {}

    def language(lang: str) -> dict[str, dict[str, object]]:
        if lang not in langs:
            langs[lang] = {"lexicon": calque_store.lexicon_fingerprint(lang),  # type: ignore[dict-item]
                           "match": {}, "regex": {}}
        return langs[lang]

    for _, raw in builtin_folder("calque"):
        lang = str(raw.get("targets", ["en"])[0])
        for p in raw.get("pattern", []):
            if "match" in p:
                compiled = compile_pattern(str(p["match"]), _word_rank(lang), validate=False)
                language(lang)["match"][str(p["match"])] = calque_store.encode_entry(
                    [compiled.regex, sorted(compiled.keywords)])
    for pack in builtin_packs():
        for pat in pack.patterns:
            entry = pat.analysis()
            if pat.keywords:  # (exact strings are asked only of patterns without keywords)
                del entry["s"]
            language(pat.lang)["regex"][calque_store.regex_key(pat.source_regex)] = (
                calque_store.encode_entry(entry))
    return {"code": calque_store.code_fingerprint(), "langs": langs}


def main() -> None:
    out = ROOT / "tqcheck" / "data" / calque_store.FILE
    data = build()
    out.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                   + "\n", encoding="utf-8")
    count = sum(len(v["regex"]) for v in data["langs"].values())  # type: ignore[attr-defined]
    print(f"{out.relative_to(ROOT)}: {count} patterns, {out.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
