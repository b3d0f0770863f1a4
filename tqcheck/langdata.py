"""Per-language data (abbreviations, quote styles, punctuation spacing, idioms …) read from TOML.

Built-in files live in ``tqcheck/data/lang/<code>.toml``; users extend them with their own files
(lists are merged, tables merged key by key, scalars replaced).  A language without a file gets an
empty :class:`LanguageData` whose ``known`` is false, so checks can say "no data" once instead of
guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

#: Scripts without letter case: capitalisation checks never apply to them.
CASELESS_LANGS = frozenset(
    [
        "ar", "fa", "ur", "he", "yi", "ps", "ku", "sd", "ug", "zh", "ja", "ko", "th", "lo", "km",
        "my", "ka", "hi", "mr", "ne", "bn", "pa", "gu", "ta", "te", "kn", "ml", "si", "am", "ti"
    ]
)


# ---------------------------------------------------------------------------- language codes
# The one place where language codes are normalised.  Three levels, each a function of the one
# before: ``lang_tag`` (a tag's spelling), ``base_lang`` (the language whose data, packs and
# conventions apply) and ``normalise_lang`` (the language that identification compares).

#: Varieties that take their macrolanguage's data (ISO 639-3 members of the macrolanguage, and
#: detector labels for the written standard).
VARIANT_OF: dict[str, str] = {
    "arz": "ar", "ary": "ar", "arq": "ar", "apc": "ar", "acm": "ar", "afb": "ar", "ajp": "ar",
    "pes": "fa", "prs": "fa", "azb": "az", "nb": "no", "nn": "no", "cmn": "zh", "wuu": "zh",
    "yue": "zh", "pnb": "pa",
}

#: Languages that identification does not tell apart from the key's language (close neighbours
#: and regional languages written like it): a detector saying one of them counts as the other.
#: Their data stays their own.
IDENTIFIED_AS: dict[str, str] = {
    "sh": "sr", "hr": "sr", "bs": "sr", "ms": "id", "mzn": "fa", "glk": "fa", "als": "de",
    "nds": "de", "bar": "de", "lmo": "it", "vec": "it", "eml": "it", "nap": "it", "scn": "it",
}


@cache
def lang_tag(code: str | None) -> str | None:
    """A tag as tqcheck spells it: lower case, subtags joined by ``-`` (``pt_BR`` → ``pt-br``)."""
    if not code or not code.strip():
        return None
    return code.strip().replace("_", "-").lower()


@cache
def base_lang(lang: str | None) -> str | None:
    """The language of a tag, whose data and conventions apply: its primary subtag, a variety
    folded into its macrolanguage (``pt-BR`` → ``pt``, ``zh_Hans`` → ``zh``, ``arz`` → ``ar``)."""
    tag = lang_tag(lang)
    if tag is None:
        return None
    primary = tag.split("-")[0]
    return VARIANT_OF.get(primary, primary)


@cache
def normalise_lang(code: str | None) -> str | None:
    """A detector label or BCP-47 tag reduced to the language identification compares:
    :func:`base_lang`, with languages it cannot tell apart folded (``hr`` → ``sr``)."""
    base = base_lang(code)
    if base is None:
        return None
    return IDENTIFIED_AS.get(base, base)


def same_language(a: str | None, b: str | None) -> bool:
    """Whether identification counts ``a`` and ``b`` as one language."""
    return a is not None and b is not None and normalise_lang(a) == normalise_lang(b)


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


def _builtin(lang: str) -> dict[str, Any] | None:
    from tqcheck.datapack import builtin

    return builtin(f"lang/{lang}.toml")


@cache
def _norm_tables() -> tuple[Mapping[str, Any], Mapping[str, Any]]:
    from tqcheck.datapack import builtin

    return builtin("number_norms.toml") or {}, builtin("quote_norms.toml") or {}


def _norms_only(code: str) -> dict[str, Any]:
    """The typographic norms of a language without a data file (number separators from the
    CLDR, quotation marks): what the punctuation checks read; ``known`` stays false."""
    numbers, quotes = _norm_tables()
    # A number and a full stop before a lowercase word do not end a sentence: many languages
    # write ordinals so (Slovak, Slovene, Serbian, Icelandic, Estonian, Latvian, Livonian …)
    # and without data the splitter cannot tell; one sentence too long is no finding.
    data: dict[str, Any] = {"ordinal_dot": True}
    if isinstance(numbers.get(code), Mapping):
        found = dict(numbers[code])
        data["name"] = found.pop("name", code)
        data["numbers"] = found
    if isinstance(quotes.get(code), Mapping):
        data["quotes"] = dict(quotes[code])
    return data


def load_language(lang: str | None, extra_files: Iterable[Path] = ()) -> LanguageData:
    """Language data for ``lang`` (a BCP-47 tag; only the base language is used)."""
    code = base_lang(lang) or "und"
    raw = _builtin(code)
    known = raw is not None
    data: dict[str, Any] = dict(raw or {}) if known else _norms_only(code)
    for path in extra_files:
        from tqcheck.datapack import user_file

        extra = dict(user_file(path, "language data"))
        langs = extra.pop("lang", None)
        if langs is None or code in ([langs] if isinstance(langs, str) else langs):
            data = _merge(data, extra)
            known = True
    return LanguageData(code, known, data)
