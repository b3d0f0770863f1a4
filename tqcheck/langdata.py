"""Per-language data (abbreviations, quote styles, punctuation spacing, idioms …) read from TOML.

Built-in files live in ``tqcheck/data/lang/<code>.toml``; users extend them with their own files
(lists are merged, tables merged key by key, scalars replaced).  A language without a file gets an
empty :class:`LanguageData` whose ``known`` is false, so checks can say "no data" once instead of
guessing.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from tqcheck.errors import ConfigError

#: Scripts without letter case: capitalisation checks never apply to them.
CASELESS_LANGS = frozenset(
    [
        "ar", "fa", "ur", "he", "yi", "ps", "ku", "sd", "ug", "zh", "ja", "ko", "th", "lo", "km",
        "my", "ka", "hi", "mr", "ne", "bn", "pa", "gu", "ta", "te", "kn", "ml", "si", "am", "ti"
    ]
)


def base_lang(lang: str | None) -> str | None:
    """``pt-BR`` → ``pt``, ``zh_Hans`` → ``zh``."""
    if not lang:
        return None
    return lang.replace("_", "-").split("-")[0].lower()


_MISSING = object()


@dataclass(frozen=True, eq=False)
class LanguageData:
    lang: str
    known: bool
    raw: Mapping[str, Any] = field(default_factory=dict)
    _words: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, repr=False)
    _values: dict[tuple[str, ...], Any] = field(default_factory=dict, repr=False)

    def get(self, *keys: str, default: Any = None) -> Any:
        """A value from the data (memoised: checks read it once per segment)."""
        try:
            found = self._values[keys]
        except KeyError:
            found = self._values[keys] = self._lookup(keys)
        return default if found is _MISSING else found

    def _lookup(self, keys: tuple[str, ...]) -> Any:
        node: Any = self.raw
        for key in keys:
            if not isinstance(node, Mapping) or key not in node:
                return _MISSING
            node = node[key]
        return node

    def words(self, *keys: str) -> frozenset[str]:
        """A list from the data as a set (memoised: checks ask for it once per segment)."""
        found = self._words.get(keys)
        if found is None:
            found = self._words[keys] = frozenset(self.get(*keys, default=()))
        return found

    @property
    def name(self) -> str:
        return str(self.get("name", default=self.lang))

    @property
    def has_case(self) -> bool:
        value = self.get("has_case")
        if value is None:
            return self.lang not in CASELESS_LANGS
        return bool(value)


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(out.get(key), Mapping):
            out[key] = _merge(dict(out[key]), value)
        elif isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *[v for v in value if v not in out[key]]]
        else:
            out[key] = value
    return out


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read language data: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


@cache
def _builtin(lang: str) -> dict[str, Any] | None:
    res = resources.files("tqcheck") / "data" / "lang" / f"{lang}.toml"
    if not res.is_file():
        return None
    return tomllib.loads(res.read_text(encoding="utf-8"))


def load_language(lang: str | None, extra_files: Iterable[Path] = ()) -> LanguageData:
    """Language data for ``lang`` (a BCP-47 tag; only the base language is used)."""
    code = base_lang(lang) or "und"
    raw = _builtin(code)
    known = raw is not None
    data: dict[str, Any] = dict(raw or {})
    for path in extra_files:
        extra = _read_toml(Path(path))
        langs = extra.pop("lang", None)
        if langs is None or code in ([langs] if isinstance(langs, str) else langs):
            data = _merge(data, extra)
            known = True
    return LanguageData(code, known, data)
