"""The built-in calque patterns' analysis, made once and shipped (``tqcheck/data/calque-analysis.json``).

Reading a pattern's syntax tree for its necessary strings and tokens
(:mod:`tqcheck.checks._prefilter`) and compiling the small pattern language
(:mod:`tqcheck.checks.calque_pattern`) take a few milliseconds a pattern in Python: seconds for
the built-in packs, paid by every process (a short audit, each test worker).  The results are a
pure function of the pattern's text, its target language's lexicon and the code that reads them,
so ``scripts/build_calque_analysis.py`` writes them into one file, and a process reads them from
there:

* the file holds a fingerprint of the code (the modules that do the analysis and the token
  separators): a file written by other code is not read at all;
* each language's entries hold a fingerprint of its lexicon (the word frequencies order the
  strings and tokens): entries of another lexicon are not read;
* a pattern missing from the file (a user's pack, an entry added since the file was written) is
  analysed as before, when first needed.

What the file says equals what the analysis gives (``tests/test_calque_store.py``); the search's
findings cannot change through it.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

#: The file, under ``tqcheck/data``.
FILE = "calque-analysis.json"

#: The modules whose code makes the analysis (under ``tqcheck/``): a change in one of them makes
#: the file stale.
_CODE = ("checks/_prefilter.py", "checks/calque_pattern.py", "checks/calque.py", "calque_store.py")

#: One pattern's stored analysis: key -> sets of strings, as lists (see :func:`encode_sets`).
Entry = dict[str, Any]


@cache
def code_fingerprint() -> str:
    """A digest of the analysis code and the token separators ("" when the code cannot be
    read: the file is then not used)."""
    from tqcheck.checks.text import TOKEN_SEPARATORS

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            digest.update((here / name).read_bytes())
        except OSError:  # pragma: no cover - a build without its sources
            return ""
    digest.update("".join(sorted(TOKEN_SEPARATORS)).encode())
    return digest.hexdigest()[:16]


@cache
def lexicon_fingerprint(lang: str) -> str:
    """A digest of ``lang``'s lexicon (the word frequencies of the analysis); "-" without one."""
    from tqcheck.datapack import builtin_lines

    lines = builtin_lines(f"lexicon/{lang}.txt") if lang else None
    if lines is None:
        return "-"
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]


@cache
def _file() -> dict[str, Any]:
    res = resources.files("tqcheck").joinpath("data", FILE)
    if not res.is_file():
        return {}
    try:
        data = json.loads(res.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # pragma: no cover - a damaged install
        return {}
    if not isinstance(data, dict) or data.get("code") != code_fingerprint():
        return {}
    return data


@cache
def _language(lang: str) -> dict[str, Any]:
    """The file's entries of ``lang`` (empty: none, or made with another lexicon)."""
    entries = _file().get("langs", {}).get(lang)
    if not isinstance(entries, dict) or entries.get("lexicon") != lexicon_fingerprint(lang):
        return {}
    return entries


def regex_key(regex: str) -> str:
    """The file's key of a pattern's regular expression (a digest: the regexes of word lists
    are long)."""
    return hashlib.sha1(regex.encode(), usedforsecurity=False).hexdigest()[:20]


def _decoded(stored: object) -> Any:
    """An entry of the file: each is written as a JSON text of its own and read when asked for
    (thousands of small lists held for the whole run would be objects for the garbage collector
    to walk at every full collection; strings are none)."""
    if not isinstance(stored, str):
        return None
    try:
        return json.loads(stored)
    except ValueError:  # pragma: no cover - a damaged install
        return None


def regex_entry(lang: str, regex: str) -> Entry | None:
    """The stored analysis of the regular expression ``regex`` of a pattern into ``lang``."""
    entry = _decoded(_language(lang).get("regex", {}).get(regex_key(regex)))
    return entry if isinstance(entry, dict) else None


def compiled_match(lang: str, match: str) -> tuple[str, frozenset[str]] | None:
    """The stored regex and keywords of the pattern ``match`` (the pattern language) into
    ``lang``."""
    found = _decoded(_language(lang).get("match", {}).get(match))
    if not isinstance(found, list) or len(found) != 2:
        return None
    return str(found[0]), frozenset(found[1])


def encode_entry(entry: object) -> str:
    """An entry as the file holds it (see :func:`_decoded`)."""
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def encode_sets(sets: tuple[frozenset[str], ...] | None) -> list[list[str]] | None:
    """Sets of strings in the file: lists, each sorted (their order kept)."""
    return None if sets is None else [sorted(s) for s in sets]


def decode_sets(stored: list[list[str]] | None) -> tuple[frozenset[str], ...] | None:
    return None if stored is None else tuple(frozenset(s) for s in stored)
