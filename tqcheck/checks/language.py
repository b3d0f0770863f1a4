"""Language: sentences in another language than the target, foreign-script words, homoglyphs and
leftover source-language words.

Every decision goes through :mod:`tqcheck.langid` (script first, statistics only when the script
cannot tell, two detectors for a foreign verdict).  Transliterated leftovers are data:
``tqcheck/data/leftover/<source>.toml``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from tqcheck.checks._pairs import find_urls, is_record
from tqcheck.checks._prefilter import factors, token_sets, unspaced, word_sets
from tqcheck.checks.gates import Gate, non_ascii_gate
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import LETTERS, TOKEN_SEPARATORS, in_kaomoji, source_in_view
from tqcheck.errors import ConfigError
from tqcheck.langdata import base_lang
from tqcheck.langid import (
    COUNTED_LIMIT,
    Verdicts,
    identify,
    language_name,
    normalise_lang,
    script_of,
    scripts_of_language,
    surely_target,
)
from tqcheck.model import UNMASKED, Segment, Sentence, Severity

# --- TQ701 -------------------------------------------------------------------------------------


@register("TQ701", "wrong-language-sentence", Severity.ERROR, precondition=True)
def find_wrong_language(sentence: Sentence, ctx: CheckContext) -> tuple[Hit, ...]:
    """A sentence in another language than the document's.

    What it does:
        Identifies the language of every sentence with tqcheck's cascade: the Unicode script first
        (a Cyrillic or Arabic sentence in an English document needs no statistics), then, with
        names, numbers, URLs, handles and code masked, fastText's language model — a foreign verdict
        by statistics stands only when langdetect also rejects the target language.  Text too short
        to judge (fewer than two words or ten letters after masking) is never reported, nor is a
        statistical verdict on a heading, table cell or list item of fewer than four words.  In a
        translation unit with a source the source is the evidence, not a guess: a unit identical
        to its source is left to TQ831, and a sentence counts as foreign only when it is written
        in a script of the source language that the target does not use, or is made mostly of the
        source's own words (words of the source language's lexicon: names and identifiers the
        source has too, ``Debian``, ``dpkg-source``, do not count); sentences of fewer than four
        words are not judged, and code never votes: lists of keywords, aliases or units
        (``time;timer;alarm``) are not judged, and field lines (``Section: utils``), indented
        example lines, assignments (``CN=jsmith,DC=example``) and bracketed option values
        (``(basic, advanced, financial)``) are left out before judging.  Names the
        language and the confidence.  A precondition: the other sentence checks skip a sentence
        this check reports.  On prose lines paired with ``--source``, a sentence identified as
        neither the target nor the source language is reported as info: an untranslated sentence
        would be in the source's language, so the verdict is a guess between neighbours; so is a
        statistical verdict of confidence below 0.6 there (a headline of names).  A corpus record
        (TSV, JSONL, Parquet, line pairs) is a sentence pair of prose and is judged as prose; a
        third-language verdict there is info unless the whole record says so.  A statistical
        verdict for a neighbour written in the target's script (``[language]
        neighbour_letters``, ``neighbour_words``: Russian for Ukrainian, Japanese for Chinese,
        Bulgarian and Serbian for Russian; for Serbian also the script's reading of Cyrillic
        beside Latin letters) is
        info where the sentence holds no letter or word the target never writes ("Де в тебе
        болить?", "熊會爬樹。"): the detectors confuse these most.  For a Cyrillic target
        without a data file (Belarusian, Macedonian, Kazakh …) the letters come from the
        alphabets of both languages, and a sentence holding a letter only the target writes
        and none only the neighbour writes is no finding ("Зараз я чытаю кнігу." in Belarusian
        is not Ukrainian: Ukrainian has no "ы"); a Latin sentence with a letter only the
        target's own Latin orthography writes (Belarusian Łacinka's "ŭ") is info.  Without any
        source (plain
        text), a statistical verdict is info where its confidence is below 0.6 and the sentence
        holds fewer than two words only the other language writes (a headline of names:
        "Oberhof: Kühn eighth in World Championship sprint"), where it holds more words only
        the target writes than words only the other language writes ("Some expect a film à la
        8 Mile."), or where it is a line of capitalised names in a language that does not
        capitalise its nouns ("Trattoria Tronco - Azabu-Juban Station"); any verdict is info on
        a web address that MT broke at its slashes ("com/ hub/ russia- ukraine").

    Why it matters:
        MT pipelines skip segments they fail on, and post-editors paste source text to finish later;
        the published page then holds a sentence the reader cannot read.  One finding per sentence,
        not ten checks tripping over foreign text.

    Example:
        An English paragraph holding ``Переговоры закончились без результата.`` → flagged as
        Russian (by script).
    """
    target = ctx.lang
    if not target:
        return ()
    text = sentence.text
    # Long sentences of prose mostly settle by their function words, and the word-by-word walk of
    # identify() costs most there; short ones would pay for both tests, and below COUNTED_LIMIT
    # identify() counts the function words as cheaply as this test does.
    if (len(text) >= COUNTED_LIMIT and text.count(" ") >= _LONG_SENTENCE_SPACES
            and surely_target(text, target)):
        return ()
    verdicts: Verdicts | None = ctx.state.get(_VERDICTS)
    if verdicts is None:
        verdicts = ctx.state[_VERDICTS] = {}
    result = identify(text, target, verdicts)
    if not result.is_foreign(target):
        return ()
    # A neighbour of the target's script (Russian for Ukrainian, Japanese for Chinese) that
    # statistics alone name, in a sentence without one letter or word the target's data says it
    # never writes ("Де в тебе болить?", "熊會爬樹。"): the detectors confuse these most, and a
    # sentence in the target shares all its letters with the neighbour: a guess, info.
    other = base_lang(result.lang or "") or ""
    letters, never = _neighbour_words(ctx.data.get("language", "neighbour_letters"),
                                      ctx.data.get("language", "neighbour_words"), other)
    own = ""  # letters only the target writes (from the alphabets, for a target without data)
    if not ctx.data.known:
        letters, own = _alphabet_letters(target, other)
    neighbour_guess = bool((letters or never) and result.method in _GUESSES) and not any(
        w in never or any(c in letters for c in w) for w in _words(text))
    if neighbour_guess and own and any(c in own for c in text.lower()):
        return ()  # a letter the neighbour never writes and none of its own: the target's
    # The target written in its other script: Belarusian Łacinka ("Ja chaču spraviadlivaści."),
    # Uzbek Latin beside Cyrillic: a letter only that orthography writes, no foreign sentence.
    marks = _OTHER_ORTHOGRAPHY.get(base_lang(target) or "")
    if marks and result.method.startswith("script") and any(c in marks for c in text):
        return (Hit(sentence.start, sentence.end, f"sentence in the Latin orthography of "
                    f"{language_name(target)}, not its usual script", severity=Severity.INFO),)
    source = sentence.segment.source
    record = is_record(sentence.segment)
    if source is not None and record:
        # A corpus record is a sentence pair of prose, judged as prose; a copy of its source is
        # TQ831's.  A verdict for a third language stands when the whole record says so: one
        # sentence among others may be a guess between neighbours ("à la" in English).
        if " ".join(sentence.segment.text.split()) == " ".join(source.split()):
            return ()
        third = (result.lang is not None and ctx.source_lang is not None
                 and base_lang(result.lang) != base_lang(ctx.source_lang))
        whole = sentence.segment.text.strip() == text.strip() or (
            identify(sentence.segment.text, target).lang == result.lang)
        guess = third and not whole
    elif source is not None:
        if ctx.state.get("keys_as_source"):
            source = ""  # a key is no evidence: only the script can tell
        if not _foreign_in_pair(sentence, source, result.method, ctx):
            return ()
    if (sentence.segment.kind in _LABEL_KINDS and not result.method.startswith("script")
            and len(text.split()) < _MIN_LABEL_WORDS):
        return ()  # "Exit statuses": headings and table cells are too terse for statistics
    # Prose lines paired with --source: an untranslated sentence is in the source's language.  A
    # verdict for a third language (Bulgarian for Russian, French for English with "à la") is a
    # guess between neighbours, not evidence of an untranslated sentence: info.
    paired = source is None and bool(sentence.segment.meta.get("source_lines"))
    if not (record and source is not None):
        guess = (paired and ctx.source_lang is not None and result.lang is not None
                 and base_lang(result.lang) != base_lang(ctx.source_lang))
    # A statistical verdict of low confidence on such a line, or on a line without any source,
    # is mostly a translated headline of names ("Wörgl: Kühnhöfer eighth in World Championship
    # sprint"): info.
    statistical = not result.method.startswith("script")
    unsure = ((paired or source is None) and not guess and statistical
              and result.confidence < _SURE_ON_PAIRED_LINES)
    if unsure and not paired and _evidence_words(text, result.lang or "") >= 2:
        unsure = False  # "Thank you for your patience." in Finnish: words only English writes
    # Without a source, what else makes the verdict a guess: words only the target writes, and
    # none the other language alone writes ("Some expect a film à la 8 Mile."); a line of
    # capitalised names in a language that does not capitalise its nouns ("Trattoria Tronco -
    # Azabu-Juban Station"); a web address that MT broke at its slashes ("com/ hub/ russia-").
    why = None
    if source is None and not paired and not guess and not unsure:
        why = _plain_guess(text, target, result.lang or "", statistical)
    return (Hit(
        sentence.start, sentence.end,
        f"sentence in {language_name(result.lang)} ({result.lang}, confidence "
        f"{result.confidence:.2f}, by {result.method}), not {language_name(target)}"
        + (f" (the source is {language_name(ctx.source_lang)}: a guess)" if guess else "")
        + (" (low confidence)" if unsure else "")
        + (f" (no letter or word of it that {language_name(target)} never writes: a guess "
           "between neighbours)" if neighbour_guess else "")
        + (f" ({why}: a guess)" if why else ""),
        severity=Severity.INFO if guess or unsure or neighbour_guess or why else None,
    ),)


def _evidence_words(text: str, lang: str) -> int:
    """How many words of ``text`` are evidence of ``lang`` (its lexicon's words that other
    languages rarely write), leaving out capitalised words inside the sentence (names)."""
    from tqcheck.langid import lexicon

    lex = lexicon(base_lang(lang) or "")
    if lex is None:
        return 0
    return sum(w.casefold() in lex.evident for i, w in enumerate(_WORD.findall(text))
               if i == 0 or not w[:1].isupper())


#: Languages that capitalise their nouns: a line of capitalised words in them is no title.
_NOUN_CAPITALS = frozenset({"de", "lb"})
#: A web address broken at its dots or slashes by spaces ("com/ hub/ russia- ukraine").
_BROKEN_ADDRESS = re.compile(r"(?:^|\s)(?:https?:|www\.|(?:com|org|net|gov|html?)[/.])\S*\s")


def _plain_guess(text: str, target: str, lang: str, statistical: bool) -> str | None:
    """Why TQ701's verdict on a sentence without a source is a guess, or None: the sentence
    holds more words that only the target writes than words only the other language writes (its
    lexicons' evidence), a line of capitalised names or a title in a language that does not
    capitalise nouns, or a web address broken by spaces."""
    from tqcheck.langid import lexicon

    if _BROKEN_ADDRESS.search(text):
        return "a web address broken by spaces"
    if not statistical:
        return None
    words = _words(text)
    mine, theirs = lexicon(base_lang(target) or ""), lexicon(base_lang(lang) or "")
    if mine is not None and theirs is not None:
        own = [w for w in words if w in mine.evident]
        if own and len(own) > sum(w in theirs.evident for w in words):
            return f"it holds words only {language_name(target)} writes ({', '.join(own[:3])})"
    names = [w for w in _WORD.findall(text) if w[:1].isupper()]
    if base_lang(lang) not in _NOUN_CAPITALS and words and 3 * len(names) >= 2 * len(words):
        return "a line of capitalised names or a title"
    return None


#: The confidence a statistical verdict needs on a ``--source`` line to be more than info.
_SURE_ON_PAIRED_LINES = 0.6


_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


#: A list of keywords or aliases, items joined by a comma or semicolon without a space
#: (``decade,decades``, ``Millimeter of Mercury,mmHg``): search terms of a unit, not prose.
_KEYWORD_LIST = re.compile(r"[^\W\d_][,;][^\W\d_]")


def _spelled_like(word: str, words: set[str]) -> bool:
    """Whether ``word`` is one of ``words`` or the same word in another spelling (British and
    American: ``metre``/``meter``, ``colour``/``color``): same first three letters, at most two
    letters apart, each at least five letters long."""
    if word in words:
        return True
    if len(word) < 5:
        return False
    return any(len(w) >= 5 and w[:3] == word[:3] and abs(len(w) - len(word)) <= 2
               and _edits(w, word) <= 2 for w in words)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _script_letters(text: str) -> dict[str, int]:
    """Letters per script (by character: Japanese words mix Han and Kana)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            script = "Latin" if ch.isascii() else script_of(ch)
            if script:
                counts[script] = counts.get(script, 0) + 1
    return counts


def _foreign_in_pair(sentence: Sentence, source: str, method: str, ctx: CheckContext) -> bool:
    """Whether a sentence of a translation unit that language identification calls foreign is
    foreign by the evidence a source gives, not by a guess: a unit identical to its source is the
    untranslated-copy check's (TQ831); otherwise the sentence must be written in a script of the
    source language that the target does not use, or be made mostly of the source's own words
    (left untranslated).  A statistical guess alone (``Footprint ändern`` called Swedish,
    ``%s horas antes`` called Portuguese) does not count on short UI strings."""
    segment = sentence.segment
    # The text as read: markup masked in the text and not in the source (``<input>gsettings
    # set …</input>`` copied as it is) would make a copy look translated.
    text = segment.meta.get(UNMASKED)
    if " ".join((text if isinstance(text, str) else segment.text).split()) == " ".join(
            source.split()):
        return False
    prose = without_code(sentence.text)
    if prose is None:
        return False  # a list of keywords, aliases or units: no sentence to identify
    words = _words(prose)
    if len(words) < _MIN_PAIR_WORDS:
        return False
    src_lang = segment.source_lang or ctx.source_lang or "en"
    if method.startswith("script"):
        counts = _script_letters(prose)
        if not counts:
            return False
        script = max(counts, key=lambda s: counts[s])
        target_scripts = scripts_of_language(segment.target_lang or ctx.lang)
        if script not in scripts_of_language(src_lang) or script in target_scripts:
            return False
        # A sentence that also holds a word in the target's script is a translation that keeps
        # some source words (aliases, names: "گرم,gram,grams"), not an untranslated one.
        return sum(n for s, n in counts.items() if s in target_scripts) < 2
    # Names and identifiers the source has too (``Debian``, ``dpkg-source``) are kept, not left
    # untranslated: only words of the source language's lexicon, not capitalised inside the
    # sentence, count as the source's words.
    from tqcheck.langid import lexicon

    src_lex = lexicon(base_lang(src_lang) or "")
    source_words = set(_words(source))
    shared = 0
    for i, m in enumerate(_WORD.finditer(prose)):
        w = m.group().casefold()
        if w not in source_words or (src_lex is not None and w not in src_lex.known):
            continue
        if i > 0 and m.group()[:1].isupper():
            continue
        shared += 1
    return shared >= 0.6 * len(words)


#: Markup elements whose content is literal (a command, code, typed input, program output, a
#: file name, a placeholder): Mallard, DocBook and HTML names.  Their words are kept as written.
_LITERAL_ELEMENT = re.compile(
    r"<(cmd|code|input|output|var|sys|file|command|literal|filename|userinput|computeroutput|"
    r"replaceable|envar|option|varname|systemitem|programlisting|screen|prompt|kbd|samp|tt|pre)"
    r"\b[^<>]*>.*?</\1\s*>", re.DOTALL)


def literal_spans(segment: Segment) -> list[tuple[int, int]]:
    """Spans of ``segment``'s text inside markup elements of literal content (``<cmd>``,
    ``<output>``, ``<var>``): the masking of tags keeps every offset, so spans of the text as
    read are spans of the masked text."""
    raw = segment.meta.get(UNMASKED)
    if not isinstance(raw, str) or "</" not in raw or len(raw) != len(segment.text):
        return []
    return [(m.start(), m.end()) for m in _LITERAL_ELEMENT.finditer(raw)]


#: Lines of a unit that are code, not prose: a field of a control file or header (``Section:
#: utils``), an indented line of a multi-line example.
_CODE_LINE = re.compile(r"(?m)^(?:[A-Z][\w-]*:(?:[ \t]+\S+){0,2}[ \t]*|[ \t]+\S.*)$")
#: ``KEY=value`` assignments and distinguished names (``CN=jsmith,DC=example``).
_ASSIGNMENT = re.compile(r"\b[A-Za-z_][\w.-]*=[^\s,;]*")
#: A bracketed list of single words: option values (``(basic, advanced, financial)``).
_VALUE_LIST = re.compile(r"[(\[](?:\s*[\w.-]+\s*[,|/]){2,}\s*[\w.-]+\s*[)\]]")
_LIST_SEPARATORS = re.compile(r"\s*[;,]\s*")


def without_code(text: str) -> str | None:
    """The prose of a unit's sentence for language identification: code lines, assignments and
    bracketed value lists left out; None for a list of keywords, aliases or units (``time;timer;
    alarm``, ``degF,˚F,°F,Fahrenheit``), which has no language to identify."""
    items = [i for i in _LIST_SEPARATORS.split(text.strip()) if i]
    if len(items) >= 3 and sum(len(i.split()) for i in items) <= 2 * len(items):
        return None
    if "\n" in text:
        text = _CODE_LINE.sub(" ", text)
    return _VALUE_LIST.sub(" ", _ASSIGNMENT.sub(" ", text))


#: Words a sentence of a translation unit needs before it is judged at all.
_MIN_PAIR_WORDS = 4

#: Segment kinds made of labels rather than sentences, and the words a statistical verdict on them
#: needs (a verdict by script needs none).
_LABEL_KINDS = frozenset({"heading", "table", "list-item"})
_LONG_SENTENCE_SPACES = 11
#: The document's memo of the cascade's verdicts (:func:`tqcheck.langid.identify`), in
#: ``ctx.state``.
_VERDICTS = "language_verdicts"
#: Verdicts that are a guess between neighbours when no letter or word of the neighbour's own
#: stands in the sentence: the detectors' (confirmed) and the script's mix (Cyrillic beside
#: Latin reads as Serbian: "Фото: Primeminister.kz" in Russian).
_GUESSES = frozenset({"confirmed", "script"})

_MIN_LABEL_WORDS = 4

#: Letters only the Latin orthography of a Cyrillic-script language writes: Belarusian Łacinka's
#: ŭ, Uzbek's oʻ and gʻ (with the turned comma) — its own text in its other script.
_OTHER_ORTHOGRAPHY = {"be": "ŭŬ", "uz": "\u02bb"}
#: The Cyrillic alphabets (lower case) of the languages the detectors confuse most, from their
#: standard orthographies: where the target's data says nothing of a neighbour
#: (``neighbour_letters``), the letters the neighbour writes and the target does not stand in
#: for that data, and a letter only the target writes tells the sentence is the target's
#: (Belarusian "Зараз я чытаю кнігу." read as Ukrainian: Ukrainian has no "ы").
_CYRILLIC_COMMON = "абвгдежзклмнопрстуфхцчшью"
_ALPHABETS: dict[str, frozenset[str]] = {
    lang: frozenset(_CYRILLIC_COMMON + extra) for lang, extra in {
        "ru": "ёийщъыэя", "uk": "ґєиіїйщя", "be": "ёійўыэя", "bg": "ийщъяѝ",
        "sr": "ђијљњћџ", "mk": "ѓѕијљњќџ", "kk": "ёийщъыэяәғқңөұүһі", "ky": "ёийщъыэяңөү",
        "mn": "ёийщъыэяөү", "tg": "ёийъэяғӣқӯҳҷ",
    }.items()}


# --- shared helpers ----------------------------------------------------------------------------



@dataclass(frozen=True, slots=True)
class _Run:
    start: int
    end: int
    script: str
    words: int
    lower_words: int


def _foreign_runs(text: str, start: int, end: int, allowed: frozenset[str]) -> Iterator[_Run]:
    """Maximal runs of words written in one script outside ``allowed``; only spaces, punctuation
    and digits may lie between the words of a run.  Mixed-script words (homoglyphs) are skipped."""
    run: _Run | None = None
    unspaced = bool(allowed & _UNSPACED)
    for m in LETTERS.finditer(text, start, end):
        word_start = m.start()
        script = _script_of_word(m.group())
        parts: list[tuple[int, int, str | None]] = [(word_start, m.end(), script)]
        if script is None:
            # A one-letter prefix of the target glued to a Latin word (Hebrew "בdark mode",
            # Arabic "بـWi-Fi"): the Latin word is a word of its own.
            glued = _GLUED_PREFIX.fullmatch(m.group())
            if glued is not None and script_of(m.group()[0]) in allowed & _PREFIXING_SCRIPTS:
                parts = [(m.start() + glued.start(1), m.end(), "Latin")]
            elif unspaced and _LATIN_PART.search(m.group()):
                # A language written without spaces glues its words to a Latin one (点击Sync,
                # nowをタップ): each script's part is a word of its own.
                parts = [(m.start() + p.start(), m.start() + p.end(), _script_of_word(p.group()))
                         for p in _SCRIPT_PART.finditer(m.group())]
        for word_start, word_end, script in parts:
            if script is None or script in allowed or script == "Other":
                if run:
                    yield run
                run = None
                continue
            lower = int(text[word_start].islower())
            if run and run.script == script and not _has_letters(text, run.end, word_start):
                run = _Run(run.start, word_end, script, run.words + 1, run.lower_words + lower)
            else:
                if run:
                    yield run
                run = _Run(word_start, word_end, script, 1, lower)
    if run:
        yield run


_LATIN_PART = re.compile(r"[A-Za-z]{2,}")
_SCRIPT_PART = re.compile(r"[A-Za-z]+|[^A-Za-z]+")


#: Up to three letters of a script that glues prepositions and articles to the next word, then a
#: Latin word (``בdark``, ``والـ`` is not Latin): the prefix and the word.
_GLUED_PREFIX = re.compile(r"[^\W\d_a-zA-Z]{1,3}([a-zA-Z]{2,})")
_PREFIXING_SCRIPTS = frozenset({"Hebrew", "Arabic"})


def _script_of_word(word: str) -> str | None:
    """The one script of the letters of ``word``; None when it mixes scripts or has no letters
    (what ``script_counts`` tells, without counting)."""
    if word.isascii():  # a run of LETTERS in ASCII is letters only
        return "Latin"
    scripts = {script_of(ch) for ch in word}
    scripts.discard(None)
    return scripts.pop() if len(scripts) == 1 else None


def _has_letters(text: str, a: int, b: int) -> bool:
    return any(ch.isalpha() for ch in text[a:b])


def _reportable(run: _Run) -> bool:
    """Latin inside a non-Latin document is normal for names, brands and acronyms: only a phrase
    (three words or more, two of them lower-case) counts.  Other scripts count from two letters
    (a lone Greek letter is a symbol: α-particle, μ)."""
    if run.script == "Latin":
        return run.words >= 3 and run.lower_words >= 2
    return run.end - run.start >= 2 or run.script in {"Han", "Hangul", "Kana"}


#: A token of machine text, not prose: a URL, an address, a handle or hashtag, markup, an emoji
#: code (``:smile:``), an identifier with digits, underscores or inner dots (``parallel_talk``,
#: ``PERSON11``, ``khou.com``).
_TECHNICAL = re.compile(r"[_@/:<>\[\]\\{}=#|~$%^*+]|\d|\w\.\w")


#: A domain name that MT broke with a space after a dot (``khou. com``, ``gov. uk``).
_BROKEN_DOMAIN = re.compile(
    r"(?<=\w)\.\s+(?=(?:com|org|net|gov|edu|int|info|io|co|uk|us|ru|ua|de|fr|es|it|nl|pl|jp|cn|"
    r"kr|in|au|ca|eu|tv|me|ly)\b)")


def _prose_phrase(phrase: str) -> bool:
    """Is a Latin run a phrase of prose: three words or more, two of them lower-case, once the
    tokens of machine text are left out (a command and its term, ``git check-out``, is two; a
    domain broken by a space, ``khou. com``, is one address)?"""
    phrase = _BROKEN_DOMAIN.sub(".", phrase)
    words = [w for token in phrase.split() if not _TECHNICAL.search(token)
             for w in _WORD.findall(token)]
    return len(words) >= 3 and sum(w.islower() for w in words) >= 2


#: English words that tie a two-word phrase to English prose (besides the language-ID function
#: words of ``langid.toml``): articles, prepositions, auxiliaries, deictic words of time.
_ENGLISH_TIES = frozenset({
    "a", "an", "of", "to", "in", "on", "at", "for", "by", "is", "was", "will", "can", "next",
    "this", "that", "every", "each", "all", "very", "not", "no", "we", "he", "it", "they", "i",
    "today", "tomorrow", "yesterday", "ago", "later", "soon", "now", "then", "still", "already"})


#: The ties of a two-word English phrase inside text in another Latin-script language: words of
#: three letters or more that no target of tqcheck's writes as a word of its own (not "was",
#: "will", "all", "still" of German, "are" and "ago" of Italian, "can" of Turkish, nor the short
#: "of", "to", "in", "on", "is" that Dutch, Polish, French … share).
_LATIN_TARGET_TIES = frozenset({
    "the", "and", "next", "last", "this", "that", "these", "those", "with", "from", "have",
    "been", "would", "their", "they", "what", "when", "which", "there", "about", "after",
    "than", "could", "should", "very", "every", "each", "today", "tomorrow", "yesterday",
    "already", "week", "year", "month", "morning", "evening", "said", "told", "people"})



def _in_title(text: str, start: int, end: int, floor: int) -> bool:
    """Is ``text[start:end]`` part of a title or quotation kept in English: next to a
    capitalised word ("Dora and the Lost City of Gold"), or after an opening quotation mark
    of the sentence that is not closed before it?"""
    before = LETTERS.findall(text, max(floor, start - 40), start)
    after = LETTERS.match(text, end + 1) if text[end:end + 1] == " " else None
    if (before and before[-1][:1].isupper()) or (after and after.group()[:1].isupper()):
        return True
    head = text[floor:start]
    return head.count('"') % 2 == 1 or any(
        head.rfind(o) > max(head.rfind(c) for c in closers)
        for o, closers in (("„", "“”"), ("«", "»"), ("“", "”")))


@cache
def _english_ties() -> frozenset[str]:
    from tqcheck.langid import function_words

    return _ENGLISH_TIES | function_words("en")


def english_pair(phrase: str, latin_target: bool = False) -> bool:
    """Are the two words of ``phrase`` a piece of English prose: both lower-case words of the
    English lexicon, one of them a function word or a word of time ("next week", "of the",
    "last year"), and no token of machine text?  A term of two content words ("machine
    learning", "social media") is kept in English on purpose as often as left.  In a
    Latin-script target (``latin_target``) both words have three letters or more and the tie is
    one no other language writes (:data:`_LATIN_TARGET_TIES`)."""
    from tqcheck.langid import lexicon

    tokens = phrase.split()
    if len(tokens) != 2 or any(_TECHNICAL.search(t) for t in tokens):
        return False
    words = [w for t in tokens for w in _WORD.findall(t)]
    lex = lexicon("en")
    if lex is None or len(words) != 2 or not all(w.islower() and w.isascii() for w in words):
        return False
    if latin_target and min(map(len, words)) < 3:
        return False
    ties = _LATIN_TARGET_TIES if latin_target else _english_ties()
    return all(w in lex.words for w in words) and any(w in ties for w in words)


@cache
def _alphabetic_target(lang: str) -> bool:
    """A target written in Cyrillic, Greek, Arabic or Hebrew letters: there, unlike in Chinese,
    Japanese and Korean text, two English words of a label or term are left, not kept."""
    return bool(scripts_of_language(lang) & {"Cyrillic", "Greek", "Arabic", "Hebrew"})


def english_label(phrase: str) -> bool:
    """Are the two words of ``phrase`` words of the English lexicon, the second in lower case
    and the first in lower case or with a capital only at its start (a button or menu label,
    "Delete account", or a term, "dark mode"; not a name, "New York", nor a brand, "iPhone")?"""
    from tqcheck.langid import lexicon

    tokens = phrase.split()
    if len(tokens) != 2 or any(_TECHNICAL.search(t) for t in tokens):
        return False
    words = [w for t in tokens for w in _WORD.findall(t)]
    lex = lexicon("en")
    if lex is None or len(words) != 2 or not all(w.isascii() and len(w) > 2 for w in words):
        return False
    first, second = words
    if not second.islower() or not (first.islower() or (first[0].isupper() and first[1:].islower())):
        return False
    return first.casefold() in lex.words and second in lex.words


def _marked_as_original(text: str, start: int, ctx: CheckContext) -> bool:
    """Is the run introduced as the original wording by the language's marker (language data
    ``original_markers``: Russian "англ.", German "engl.")?"""
    markers = ctx.data.words("original_markers")
    if not markers:
        return False
    before = text[max(0, start - 16):start].rstrip(" :«\"„(").casefold()
    return any(before.endswith(m.casefold()) for m in markers)


@cache
def _source_only_scripts(lang: str | None, source_lang: str | None) -> frozenset[str]:
    src = normalise_lang(source_lang)
    if not src or src == normalise_lang(lang):
        return frozenset()
    return scripts_of_language(src) - scripts_of_language(lang) - {"Latin"}


def _source_scripts(ctx: CheckContext) -> frozenset[str]:
    return _source_only_scripts(ctx.lang, ctx.source_lang)


#: The gate of the checks that return at once on ASCII text: a segment without a non-ASCII
#: character holds no letter of a script other than Latin.
_NON_ASCII_GATE = non_ascii_gate(r"[^\x00-\x7f]")


# --- TQ702 -------------------------------------------------------------------------------------


@register("TQ702", "foreign-script-phrase", Severity.WARNING, gate=_NON_ASCII_GATE)
def find_foreign_script(sentence: Sentence, ctx: CheckContext) -> Iterator[Hit]:
    """A word or phrase in a script the target language does not use.

    What it does:
        Inside a sentence in the target language, flags runs of words written in a script the target
        language is not written in: Arabic or Chinese words in English, Arabic in Russian, Cyrillic
        in Arabic.  Latin inside a non-Latin document counts only as a phrase (three or more words,
        two of them lower-case), since names, brands and acronyms are written in Latin everywhere (a
        Latin word glued to a one-letter Hebrew or Arabic prefix, "בdark mode", is a word of its
        own), with two exceptions: one lower-case English word that the target's lexicon lacks (it
        holds the brands and loans the language writes in Latin) is info in a Cyrillic, Greek,
        Arabic or Hebrew target ("отправьте нам feedback"), and an English label of one to four
        words in quotation marks within a few words of an interface verb of the target
        (``tqcheck/data/language_words.toml``: "нажмите «Save»", "点击“Settings”"; not a key's legend,
        "πατήστε «Ctrl»") is untranslated (info where the target has no lexicon or in a unit of a
        software catalogue, where the single word is not read either; in a language written without
        spaces, a label of two words or more glued to the verb without quotation marks is info (one
        word is as often a product's name): "点击Sync now", "Sync nowをタップ"; in a Cyrillic, Greek,
        Arabic or Hebrew target, an unquoted label of two to four capitalised English words, none of
        them a word of the target's lexicon, near an interface verb is info: "بخش Privacy & Security
        را باز کنید"); in a translation unit, a phrase whose words all stand in the source (product
        names, commands, terms kept on purpose) is not reported, nor, when the source is a list of
        keywords or aliases (``meter,meters,m``), a phrase whose words are the source's in another
        spelling (``Millimetre`` for ``Millimeter``: synonyms kept for search; aliases of another
        unit are still reported), nor are URLs, addresses, handles, markup, emoji codes and
        identifiers (they are Latin in every language), nor the kana arm of a kaomoji face (``(
        ^o^)ノ``).  Words in the source language's script are left to TQ704; words mixing scripts to
        TQ703.  Without the source in view, a word or phrase in quotation marks is info (``the word
        "Україна"``: mentioned or quoted as often as left untranslated).

    Why it matters:
        MT leaves words it cannot translate (rare terms, names in the source script) untouched, and
        a reader of the target language cannot read them.

    Example:
        ``The minister called it a نكسة for the region.`` → flags ``نكسة``.
    """
    if not ctx.lang:
        return
    text = sentence.text
    if text.isascii():
        return
    allowed = scripts_of_language(ctx.lang)
    skip = _source_scripts(ctx)
    source = sentence.segment.source
    source_words = set(_words(source)) if source else set()
    software = sentence.segment.kind == "unit" and not is_record(sentence.segment)
    for run in _foreign_runs(sentence.segment.text, sentence.start, sentence.end, allowed):
        if run.script in skip:
            continue
        pair = False
        label = False
        ui = _ui_label(sentence, run, ctx.lang) if run.script == "Latin" else None
        if ui is not None:
            pair = True
            # A target without a lexicon cannot tell its own loans, and a software catalogue's
            # program may not be translated: a hint.
            label = not ui or software
        elif not _reportable(run):
            words_of = sentence.segment.text[run.start:run.end]
            if run.script != "Latin" or run.words > 2:
                continue
            if run.words == 1:
                if not (run.lower_words and not software and _alphabetic_target(ctx.lang)
                        and _english_word(words_of, ctx.lang)):
                    continue
                full = sentence.segment.text
                if (full[run.start - 1:run.start] in _MACHINE_BEFORE_WORD
                        or full[run.end:run.end + 1] in _MACHINE_AFTER_WORD):
                    continue  # a hashtag, markup, an emoji code: "#flutter", "<laugh/>"
                # "отправьте нам feedback": one lower-case word of English that the target's
                # lexicon does not hold (it holds the loans and brands it writes in Latin).
                pair = label = True
            elif run.lower_words == 2 and english_pair(words_of):
                pair = True  # "next week", "of the": two words of English prose left
            elif (run.lower_words >= 1 and _alphabetic_target(ctx.lang)
                  and english_label(words_of)):
                # "Delete account", "dark mode": a label or term left, or a name written in
                # lower case ("Global citizen"), a command ("git checkout"): a hint.
                pair = label = True
            else:
                continue
        phrase = sentence.segment.text[run.start:run.end]
        if source_words and all(w in source_words for w in _words(phrase)):
            continue  # names, terms and commands the source holds are kept on purpose
        if source and _KEYWORD_LIST.search(source) and all(
                _spelled_like(w, source_words) for w in _words(phrase)):
            # A keyword list (``meter,meters,m``): the source's synonyms kept for search, in
            # another spelling ("Millimetre of Mercury" for "Millimeter of Mercury").
            continue
        if run.script == "Latin" and not pair and not _prose_phrase(phrase):
            continue  # URLs, addresses, handles, tags, emoji codes, commands: Latin everywhere
        if _marked_as_original(sentence.segment.text, run.start, ctx):
            continue  # "MWP (от англ. Member of the Welsh Parliament)": the original, on purpose
        if in_kaomoji(sentence.segment.text, run.start, run.end):
            continue  # "( ^o^)ノ": the arm of a kaomoji face, not a word
        kind = "phrase" if run.words > 1 else "word"
        full = sentence.segment.text
        if ui is not None:
            where = ("in quotation marks" if full[run.start - 1:run.start] in _OPENERS
                     else "beside an interface verb")
            yield Hit(run.start, run.end, f"English interface label {where} inside a "
                      f"sentence in {language_name(ctx.lang)}: '{phrase}' (untranslated)",
                      severity=None if ui else Severity.INFO)
            continue
        if (not source_in_view(sentence.segment) and full[run.start - 1 : run.start] in _OPENERS
                and full[run.end : run.end + 1] in _CLOSERS):
            # 'using "в" / "на" with the word "Україна"': without the source in view, a word in
            # quotation marks is as often mentioned or quoted on purpose as left untranslated.
            yield Hit(run.start, run.end, f"{run.script} {kind} in quotation marks inside a "
                      f"sentence in {language_name(ctx.lang)}: '{phrase}' (mentioned or quoted?)",
                      severity=Severity.INFO)
            continue
        yield Hit(run.start, run.end, f"{run.script} {kind} inside a sentence in "
                  f"{language_name(ctx.lang)}: '{phrase}'",
                  severity=Severity.INFO if label else None)


_OPENERS = frozenset("\"'“‘«„‚「『")
#: A Latin word right after or before one of these is a hashtag, handle, path, markup or an emoji
#: code (``#flutter``, ``<laugh/>``, ``:morty:``), not a word left untranslated.
_MACHINE_BEFORE_WORD = frozenset("#@/\\_<[{:=")
_MACHINE_AFTER_WORD = frozenset("/\\@_=<>]}:")


def _ui_label(sentence: Sentence, run: _Run, lang: str) -> bool | None:
    """Is a Latin run a quoted interface label in English near an interface verb of the target
    (``нажмите «Save»``, ``点击“Settings”``): one to four words of the English lexicon of three
    letters or more, one at least absent from the target's lexicon (which holds the brands and
    loans it writes in Latin)?  True where the target has a lexicon, False (a hint) where it has
    none, None when the run is no such label."""
    from tqcheck.langid import lexicon

    text = sentence.segment.text
    if run.words > 4 or not text[run.start].isupper():
        return None  # a button's name is capitalised; "name", "true" are keywords
    quoted = (text[run.start - 1:run.start] in _OPENERS and text[run.end:run.end + 1] in _CLOSERS)
    # Unquoted, a label glued to the verb of a language written without spaces (点击Sync now,
    # Sync nowをタップ): a hint.
    glued = not quoted and run.words > 1 and bool(scripts_of_language(lang) & _UNSPACED)
    # Unquoted, a label of two to four capitalised words ("Privacy & Security", "Account
    # Settings") near an interface verb of a target written in another alphabet: a hint (a
    # product's name is written so too: "Google Drive").
    titled = (not quoted and not glued and run.words > 1 and _alphabetic_target(lang)
              and all(w[:1].isupper() for w in text[run.start:run.end].split() if w.isalpha()))
    if not quoted and not glued and not titled:
        return None
    verb = _marker_patterns("en", normalise_lang(lang) or "")[2]
    en = lexicon("en")
    if verb is None or en is None:
        return None
    words = [w.casefold() for w in text[run.start:run.end].split() if w != "&"]
    if not all(w.isalpha() and len(w) > 2 and w in en.words for w in words):
        return None
    if all(w in _KEY_NAMES for w in words):
        return None  # "πατήστε «Ctrl»", "нажмите «Enter»": the key's legend, in Latin everywhere
    if glued:
        before = text[max(sentence.start, run.start - 6):run.start]
        after = text[run.end:min(sentence.end, run.end + 8)]
        if not (_ends_with(verb, before) or verb.match(
                (after[1:] if after[:1] in _PARTICLES else after).lstrip())):
            return None
        return False
    if not _verb_near(text, sentence, run.start, run.end, verb):
        return None
    target = lexicon(normalise_lang(lang) or "")
    if target is None or titled:
        return False if target is None or not any(w in target.words for w in words) else None
    return None if all(w in target.words for w in words) else True


#: Names of keys as their legends print them (the keyboard is labelled in Latin letters in every
#: language): a key named in quotation marks is no untranslated label.
_KEY_NAMES = frozenset({
    "ctrl", "control", "alt", "altgr", "shift", "enter", "return", "tab", "esc", "escape",
    "delete", "del", "insert", "ins", "home", "end", "backspace", "space", "spacebar", "super",
    "command", "cmd", "option", "fn", "caps", "lock", "num", "scroll", "print", "screen",
    "pause", "break", "page", "pgup", "pgdn", "menu", "windows", "win", "meta", "up", "down",
    "left", "right"})
#: Particles between a label and the verb after it (Japanese を, Korean 을/를).
_PARTICLES = frozenset("をの을를")


def _ends_with(pattern: re.Pattern[str], text: str) -> bool:
    """Does a match of ``pattern`` end where ``text`` ends?"""
    return any(m.end() == len(text) for m in pattern.finditer(text))


def _english_word(word: str, lang: str) -> bool:
    """Is ``word`` a lower-case word of English of four letters or more that the target's
    lexicon lacks (a target with a lexicon only)?"""
    from tqcheck.langid import lexicon

    en, target = lexicon("en"), lexicon(normalise_lang(lang) or "")
    return (target is not None and en is not None and len(word) >= 4 and word.isascii()
            and word.isalpha() and word.islower() and word in en.words
            and word not in target.words)
_CLOSERS = frozenset("\"'”’»“‘」』")


# --- TQ703 -------------------------------------------------------------------------------------

#: Letters that look like letters of another script: script of the letter → {letter: look-alike}.
_CONFUSABLES: dict[str, dict[str, str]] = {
    "Cyrillic": dict(zip("аеорсухіјѕԁӏһԛԝАВЕКМНОРСТХУІЈЅ", "aeopcyxijsdlhqwABEKMHOPCTXYIJS",
                         strict=True)),
    "Greek": dict(zip("οαικνρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "oaikvptuxABEZHIKMNOPTYX", strict=True)),
}
_CONFUSABLES["Latin"] = {
    **{v: k for k, v in _CONFUSABLES["Cyrillic"].items()},
}
_HOMOGLYPH_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek"})
#: Languages whose Cyrillic alphabet has the letter һ (Yakut, Kazakh, Tatar, Bashkir, Buryat,
#: Kalmyk, Khakas, Altai), which writers often type as Latin h.
_SHHA_LANGS = frozenset({"sah", "kk", "tt", "ba", "bua", "xal", "kjh", "alt"})
#: Languages whose Cyrillic alphabet has the letter і (Ukrainian, Belarusian, Kazakh, Rusyn,
#: Komi …): a Latin i for it is the usual substitute of a Russian keyboard layout.
_DOTTED_I_LANGS = frozenset({"uk", "be", "kk", "rue", "kv"})


@lru_cache(maxsize=8192)
def homoglyphs_in(word: str) -> tuple[str, list[int]] | None:
    """``(word's script, indexes of look-alike letters from another script)`` when ``word`` is
    written in one of Latin, Cyrillic or Greek except for look-alike letters of another; else
    None.  Memoised: every non-ASCII word of a text asks (callers must not change the list)."""
    scripts = [script_of(ch) for ch in word]
    counts: dict[str, int] = {}
    for s in scripts:
        if s is not None:
            counts[s] = counts.get(s, 0) + 1
    if len(counts) < 2 or not set(counts) <= _HOMOGLYPH_SCRIPTS:
        return None
    main = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    odd = [i for i, s in enumerate(scripts) if s is not None and s != main]
    if not all(word[i] in _CONFUSABLES.get(str(scripts[i]), {}) for i in odd):
        return None
    if len(odd) * 2 >= len(word):
        return None
    return main, odd


@register("TQ703", "homoglyph", Severity.ERROR, gate=_NON_ASCII_GATE, mirrored=True)
def find_homoglyphs(sentence: Sentence, ctx: CheckContext) -> Iterator[Hit]:
    """A word that mixes scripts through look-alike letters (Cyrillic "а" inside a Latin word).

    What it does:
        Flags a word written in Latin, Cyrillic or Greek that holds a minority of letters from one
        of the others which look the same (Cyrillic а е о р с у х і, Greek ο α ι κ ν ρ, Latin a e o
        p c y x i inside Cyrillic words), and suggests the word with the look-alikes replaced;
        a one-letter word in a lower-case Cyrillic look-alike between two words of a
        Latin-script target, where the Latin letter is a word of the target ("le président а
        parlé", "El perro у el gato");
        also, outside Turkish, a word whose only non-ASCII letter is the Turkish dotless ı and
        that is a word of the target's lexicon with i (``Turkısh``).  In languages whose
        Cyrillic alphabet has ``һ`` (Yakut, Kazakh, Tatar, Bashkir …) a Latin ``h`` for it, the
        usual keyboard substitute in their print, is info; so is a Latin ``i`` for ``і`` in
        those whose alphabet has it (Ukrainian, Belarusian, Kazakh), typed on a Russian layout.

    Why it matters:
        The word looks right and is wrong: search, spell-checking, hyphenation and text-to-speech
        all fail on it, and it often betrays copy-and-paste from another language's text or a
        keyboard layout switched mid-word.

    Example:
        ``The pаrliament met.`` with a Cyrillic ``а`` → flags ``pаrliament``, suggests
        ``parliament``.
    """
    text = sentence.text
    if text.isascii():
        return
    seg = sentence.segment.text
    allowed = scripts_of_language(ctx.lang) if ctx.lang else frozenset()
    matches = list(LETTERS.finditer(seg, sentence.start, sentence.end))
    for k, m in enumerate(matches):
        word = m.group()
        if len(word) == 1 and allowed:
            # A one-letter word typed in the look-alike letter of another script between two
            # words of the target ("le président а parlé", with a Cyrillic а).
            lone = _lone_lookalike(word, allowed, ctx.lang or "", matches, k)
            if lone is not None:
                yield Hit(m.start(), m.end(), f"one-letter word '{word}' is {script_of(word) or 'Latin'} "
                          f"(U+{ord(word):04X}), a look-alike of '{lone}'", suggestion=lone)
            continue
        if word.isascii():  # letters of one script
            continue
        found = homoglyphs_in(word)
        if found is None:
            if "ı" in word and ctx.lang and normalise_lang(ctx.lang) != "tr":
                dotted = _dotted_i_word(word, ctx.lang)
                if dotted:
                    yield Hit(m.start(), m.end(), f"word '{word}' has the Turkish dotless 'ı' "
                              f"(U+0131) for 'i'", suggestion=dotted)
            continue
        main, odd = found
        if main == "Latin":
            table = {**_CONFUSABLES["Cyrillic"], **_CONFUSABLES["Greek"]}
        else:
            table = _CONFUSABLES["Latin"] if main == "Cyrillic" else {}
        fixed = "".join(table.get(ch, ch) if i in odd else ch for i, ch in enumerate(word))
        letters = ", ".join(f"{script_of(word[i])} '{word[i]}' (U+{ord(word[i]):04X})" for i in odd)
        if main == "Cyrillic" and all(word[i] in "hH" for i in odd) and (
                normalise_lang(ctx.lang or "") in _SHHA_LANGS):
            # Yakut, Kazakh, Tatar, Bashkir: Latin h typed for the letter һ, the usual keyboard
            # substitute in print ("оҕолор таhырдьа": "outside"): a hint, not an error.
            yield Hit(m.start(), m.end(), f"{main} word '{word}' has Latin 'h' for 'һ' (the "
                      "usual keyboard substitute)", suggestion=fixed, severity=Severity.INFO)
            continue
        if main == "Cyrillic" and all(word[i] in "iI" for i in odd) and (
                normalise_lang(ctx.lang or "") in _DOTTED_I_LANGS):
            # Ukrainian, Belarusian, Kazakh: Latin i typed for the letter і, which a Russian
            # keyboard layout lacks ("лiсце"): a habit of human typing that MT never has, a hint.
            yield Hit(m.start(), m.end(), f"{main} word '{word}' has Latin 'i' for 'і' (a "
                      "keyboard habit)", suggestion=fixed, severity=Severity.INFO)
            continue
        yield Hit(m.start(), m.end(), f"{main} word '{word}' contains look-alike {letters}",
                  suggestion=fixed if fixed != word else None)


def _lone_lookalike(word: str, allowed: frozenset[str], lang: str,
                    matches: list[re.Match[str]], k: int) -> str | None:
    """The Latin letter that a one-letter word in lower-case Cyrillic looks like, in a
    Latin-script target, where that letter is a word of the target's lexicon and the words
    before and after are written in the target's script; None otherwise."""
    from tqcheck.langid import lexicon

    # A Latin letter alone in Cyrillic text is as often a variable or a label ("точка A", "где a
    # и b"): only a Cyrillic letter alone in Latin text counts.
    if word.isascii() or "Latin" not in allowed or not word.islower():
        return None
    script = script_of(word)
    if script != "Cyrillic" or script in allowed or not 0 < k < len(matches) - 1:
        return None  # (a Greek letter alone is a symbol: "the angle α")
    twin = _CONFUSABLES[script].get(word)
    if twin is None or script_of(twin) not in allowed:
        return None
    if any(_script_of_word(matches[j].group()) not in allowed for j in (k - 1, k + 1)):
        return None
    text = matches[k].string
    if any(ch.isdigit() for ch in text[matches[k - 1].end():matches[k + 1].start()]):
        return None  # "80 х 60 cm": a multiplication sign between numbers
    lex = lexicon(normalise_lang(lang) or "")
    return twin if lex is not None and twin.casefold() in lex.known else None


def _dotted_i_word(word: str, lang: str) -> str | None:
    """``word`` with its dotless ı written as i, where that is a word of the target's lexicon and
    ı the word's only letter outside ASCII (``Turkısh``, not the Turkish name ``Fırat``)."""
    from tqcheck.langid import lexicon

    dotted = word.replace("ı", "i")
    lex = lexicon(normalise_lang(lang) or "")
    if lex is None or not dotted.isascii() or dotted.casefold() not in lex.words:
        return None
    return dotted


# --- TQ704 -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeftoverPattern:
    id: str
    regex: re.Pattern[str]
    message: str
    #: Matches a lower-cased sentence that may hold the pattern (None: try every sentence).
    hint: re.Pattern[str] | None = None
    #: The strings ``hint`` looks for.
    hint_words: tuple[str, ...] = ()
    #: Lower-case tokens (letters and digits) of which every match holds one as a whole token:
    #: the engine's gate looks them up in a set instead of searching ``hint_words``.
    gate_tokens: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LeftoverPack:
    source: str
    name: str
    patterns: tuple[LeftoverPattern, ...]
    #: Other languages whose own words the pack's terms are too (Spanish and Portuguese
    #: "Atentamente"): the pack never applies to a target among them.
    shared_with: frozenset[str] = frozenset()


def _hint_words(hints: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({str(h) for h in hints if h}))


def _hint_re(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex that finds any of ``words``.  They are grouped by their first character: the regex
    engine tries the alternatives one by one at every position, and a group fails at once."""
    if not words:
        return None
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(first)}(?:{'|'.join(rests)})"
                               for first, rests in groups.items()))


_ASCII_ALNUM_RUN = re.compile(r"[a-z0-9]+")


def _term_token(term: str) -> str | None:
    """The longest run of ASCII letters and digits of ``term``, lower-cased: text that holds the
    term as a whole word holds the run as a whole token of the engine's gate (the term's ends are
    no letters; the gate splits words at every other character).  None for a term without ASCII
    letters: only text with non-ASCII characters can hold it, and those open the gate anyway."""
    runs: list[str] = _ASCII_ALNUM_RUN.findall(term.lower())
    return max(runs, key=len) if runs else None


def _parse_pack(raw: dict[str, Any], origin: str) -> LeftoverPack:
    try:
        source = str(raw["source"])
        name = str(raw.get("name", source))
        patterns: list[LeftoverPattern] = []
        terms = sorted({str(t) for t in raw.get("terms", ())}, key=len, reverse=True)
        if terms:
            alts = "|".join(re.escape(t) for t in terms)
            hints = _hint_words(t.lower()[:4] for t in terms)
            patterns.append(LeftoverPattern(
                "terms", re.compile(rf"(?<![\w'’-])(?:{alts})(?![\w'’-])", re.IGNORECASE),
                f"transliterated {name} left untranslated", _hint_re(hints), hints,
                frozenset(t for t in map(_term_token, terms) if t)))
        for p in raw.get("pattern", ()):
            try:
                rx = re.compile(str(p["regex"]))
            except re.error as exc:
                raise ConfigError(f"{origin}: pattern {p.get('id')!r}: bad regex: {exc}") from None
            hint = p.get("hint", ())
            hints = _hint_words([hint] if isinstance(hint, str) else hint)
            tokens = frozenset(str(t).lower() for t in p.get("gate_tokens", ()))
            if any(not (t.isascii() and t.isalnum()) for t in tokens):
                raise ConfigError(f"{origin}: pattern {p.get('id')!r}: gate_tokens must be ASCII "
                                  "letters and digits")
            patterns.append(LeftoverPattern(str(p["id"]), rx, str(p["message"]), _hint_re(hints),
                                            hints, tokens))
        shared = frozenset(str(lang) for lang in raw.get("shared_with", ()))
        return LeftoverPack(source, name, tuple(patterns), shared)
    except KeyError as exc:
        raise ConfigError(f"{origin}: leftover pack is missing {exc.args[0]!r}") from None


@cache
def leftover_packs() -> tuple[LeftoverPack, ...]:
    """The built-in packs, ``tqcheck/data/leftover/<source>.toml``."""
    from tqcheck.datapack import builtin_folder

    return tuple(_parse_pack(raw, name) for name, raw in builtin_folder("leftover"))


def _packs_for(lang: str | None, source_lang: str | None) -> list[LeftoverPack]:
    target = normalise_lang(lang)
    source = normalise_lang(source_lang)
    packs = [p for p in leftover_packs()
             if normalise_lang(p.source) != target and target not in p.shared_with]
    if source:
        packs = [p for p in packs if normalise_lang(p.source) == source]
    return packs


@cache
def _leftover_patterns(
    lang: str | None, source_lang: str | None
) -> tuple[tuple[LeftoverPattern, ...], re.Pattern[str] | None]:
    """The patterns of the packs that apply, in order, and one regex of all their hints: a sentence
    it does not match holds none of the patterns (None when a pattern has no hint)."""
    patterns = tuple(pattern for pack in _packs_for(lang, source_lang) for pattern in pack.patterns)
    if any(p.hint is None or not p.hint_words for p in patterns):
        return patterns, None
    return patterns, _hint_re(_hint_words(w for p in patterns for w in p.hint_words))


def _leftover_gate(ctx: CheckContext) -> Gate | None:
    """TQ704's gate for a file: non-ASCII text (a word in the source's script, or any text whose
    lower-casing is not plain ASCII) or, in the lower-cased text, a token of a term or a hint of a
    pattern of the packs that apply; None when a pattern has no hint (every sentence must be
    tried)."""
    patterns, hints = _leftover_patterns(ctx.lang, ctx.source_lang)
    if hints is None:
        return None
    needles = [_gate_needles(p) for p in patterns]
    return Gate(_NON_ASCII_GATE.regex, non_ascii=True,
                words=frozenset(w for words, _ in needles for w in words),
                strings=_hint_words(s for _, strings in needles for s in strings))


def _english_frequency() -> Callable[[str], float]:
    """How common a word is in English text (the calque packs' word frequencies)."""
    from tqcheck.checks.calque import _word_frequency

    return _word_frequency("en")


@cache
def _gate_needles(pattern: LeftoverPattern) -> tuple[frozenset[str], tuple[str, ...]]:
    """What TQ704's gate looks for in ASCII text to open for ``pattern``: its ``gate_tokens``;
    else ASCII tokens one of which every match holds as a whole word (:func:`token_sets`: the
    letter closings, "Mit freundlichen Grüßen"), else ASCII words one of which every match holds
    as a run of letters and digits (:func:`word_sets`: the function words before an English
    word, "Jedoch the"), else ASCII strings one of which every match holds (:func:`factors`),
    else its hints ("cordi" is in every "according").  A token or
    string with a character outside ASCII needs none: text holding it is not ASCII, and the
    gate opens at every such character."""
    if pattern.gate_tokens:
        return pattern.gate_tokens, ()
    for words in token_sets(pattern.regex, TOKEN_SEPARATORS)[:1]:
        ascii_words = frozenset(w for w in words if w.isascii())
        if all(w.isalnum() and w == w.lower() for w in ascii_words):
            return ascii_words, ()
    # Else whole words as the gate's tokens are, runs of letters and digits: the words of word
    # mode, which ``\b``, ``(?<![\w'’-])`` and a look-ahead of white space bound ("Jedoch the"),
    # rarest in English text first (the words a source leaves in an English translation).
    for words in (word_sets(pattern.regex, _english_frequency()) or ())[:1]:
        ascii_words = frozenset(w for w in words if w.isascii())
        if all(w.isalnum() and w == w.lower() for w in ascii_words):
            return ascii_words, ()
    for strings in factors(pattern.regex)[:1]:
        ascii_strings = tuple(sorted(s for s in unspaced(strings) if s.isascii()))
        if all(s == s.lower() for s in ascii_strings):
            return frozenset(), ascii_strings
    return frozenset(), pattern.hint_words


@register("TQ704", "leftover-source-word", Severity.WARNING, gate=_leftover_gate)
def find_leftover_source_words(sentence: Sentence, ctx: CheckContext) -> Iterator[Hit]:
    """A source-language word left in the translation, in its script or transliterated.

    What it does:
        With the source language known (``--source-lang`` or file metadata) and written in another
        script than the target, flags words in the source's script (Arabic or Cyrillic tokens in an
        English translation).  In any case flags transliterated source words listed in the data
        packs ``tqcheck/data/leftover/<source>.toml``: formulae, greetings and particles such as
        "inshallah", "wa" (and) or "al-" on a common noun, "spasibo" — never names or loanwords
        the target language uses; and, for the languages written in Latin letters, the
        closings of letters and notices ("Atentamente,", "Mit freundlichen Grüßen",
        "Saygılarımızla," before a signature), never in a target whose own formula it is
        (a pack's ``shared_with``: Portuguese "Atentamente"); and a preposition or connective of
        a Latin-script source before a word only English writes ("Segundo the Minister",
        "Sin embargo, the government").  Without a known source every
        pack applies.  A word inside an
        e-mail address or URL (``запрошення@click4survey.cz``) is copied as written, not left.
        Where source and target are both written in Latin, a run of words holding a letter of
        the source's alphabet that the target's lacks (``[language] marker_letters``: Turkish
        ı ğ ş, Polish ł ą ę, Czech ř ě ů; for a source without language data, the
        ``marker_letters`` of ``language_words.toml``: Vietnamese đ ơ ư, "50.000.000 đồng") with
        a lower-case word among them and its other words
        unknown to the target's lexicon is a source phrase left ("Geçmiş olsun, the mayor
        wrote"); one lower-case word alone is info, and so is a run opening with a capital inside
        the sentence (a name of several words: "the Občanská demokratická strana party"); a
        capitalised name alone (Erdoğan) is none.

    Why it matters:
        MT transliterates what it does not know, and untranslated formulae or particles read as
        gibberish to the target audience.

    Example:
        ``He said he would come back, inshallah, next week.`` → flags ``inshallah``.
    """
    seg = sentence.segment.text
    text = sentence.text
    if ctx.lang and not text.isascii() and (letters := _marker_letters(ctx.lang, ctx.source_lang)):
        yield from _marked_words(sentence, letters, ctx)
    if ctx.lang and not text.isascii():
        source_scripts = _source_scripts(ctx)
        if source_scripts:
            allowed = scripts_of_language(ctx.lang)
            addresses: list[re.Match[str]] | None = None
            for run in _foreign_runs(seg, sentence.start, sentence.end, allowed):
                if run.script in source_scripts and run.end - run.start >= 2:
                    if addresses is None:
                        addresses = find_urls(seg)
                    if any(a.start() <= run.start and run.end <= a.end() for a in addresses):
                        continue  # part of an e-mail address or URL: copied as written
                    yield Hit(run.start, run.end, f"{language_name(ctx.source_lang)} "
                              f"{'words' if run.words > 1 else 'word'} left from the source: "
                              f"'{seg[run.start:run.end]}'")
    lowered = text.lower()
    patterns, hints = _leftover_patterns(ctx.lang, ctx.source_lang)
    if hints is not None and not hints.search(lowered):
        return  # most sentences: one search instead of one per pattern
    reported: set[tuple[int, int]] = set()
    for pattern in patterns:
        if pattern.hint is not None and not pattern.hint.search(lowered):
            continue
        for m in pattern.regex.finditer(seg, sentence.start, sentence.end):
            if m.span() not in reported:  # one formula of two packs ("inshallah": ar, fa)
                reported.add(m.span())
                yield Hit(m.start(), m.end(), f"{pattern.message}: '{m.group()}'")


@cache
def _marker_letters(lang: str, source_lang: str | None) -> str:
    """The letters that mark a word of the source language (``[language] marker_letters`` of its
    data: Turkish ı ğ ş, Polish ł ą ę) that the target's alphabet lacks (its own
    ``marker_letters`` removed), where both are written in Latin; empty otherwise."""
    from tqcheck.langdata import load_language

    source, target = normalise_lang(source_lang), normalise_lang(lang)
    if not source or not target or source == target:
        return ""
    if "Latin" not in scripts_of_language(source) or "Latin" not in scripts_of_language(target):
        return ""
    marks = str(load_language(source).get("language", "marker_letters", default="")) or "".join(
        _language_words(source).get("marker_letters", ()))
    own = str(load_language(target).get("language", "marker_letters", default=""))
    return "".join(c for c in marks if c not in own)


_MARKER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _marked_words(sentence: Sentence, letters: str, ctx: CheckContext) -> Iterator[Hit]:
    """Words of a Latin-script source left in a Latin-script target, told by the letters of the
    source's alphabet that the target lacks: a run of words next to each other, one at least
    holding such a letter, the others words that the target's lexicon lacks, with a word in
    lower case among them ("Hayırlı olsun, the chairman wrote", "the şehit families"); not a
    name alone (Erdoğan, Kahramanmaraş: capitalised) nor a run in an address."""
    from tqcheck.langid import lexicon

    seg = sentence.segment.text
    lex = lexicon(normalise_lang(ctx.lang) or "")
    words: Collection[str] = lex.known if lex is not None else ()
    marked = list(_MARKER_WORD.finditer(seg, sentence.start, sentence.end))
    if not any(c in letters for m in marked for c in m.group()):
        return
    runs: list[list[re.Match[str]]] = []
    run: list[re.Match[str]] = []
    for m in marked:
        w = m.group()
        joins = any(c in letters for c in w) or (
            bool(words) and w.islower() and w.casefold() not in words and len(w) > 2)
        if joins and (not run or not seg[run[-1].end():m.start()].strip()):
            run.append(m)
            continue
        if run:
            runs.append(run)
        run = [m] if joins else []
    if run:
        runs.append(run)
    addresses: list[re.Match[str]] | None = None
    for run in runs:
        tokens = [m.group() for m in run]
        if not any(c in letters for t in tokens for c in t) or not any(t.islower() for t in tokens):
            continue  # a name (Erdoğan, Kahramanmaraş), or words of the target alone
        start, end = run[0].start(), run[-1].end()
        if addresses is None:
            addresses = find_urls(seg)
        if any(a.start() <= start and end <= a.end() for a in addresses):
            continue
        phrase = seg[start:end]
        # A run opening with a capital inside the sentence is a name of several words kept in
        # its language (a party "Občanská demokratická strana", a town "Nové Město na Moravě"):
        # info, as one word alone is.
        named = tokens[0][:1].isupper() and bool(seg[sentence.start:start].strip(" \"'“„«(["))
        yield Hit(start, end, f"{language_name(ctx.source_lang)} "
                  f"{'words' if len(run) > 1 else 'word'} left from the source: '{phrase}'"
                  + (" (a name kept in its language?)" if named and len(run) > 1 else ""),
                  severity=None if len(run) > 1 and not named else Severity.INFO)


# --- TQ705 -------------------------------------------------------------------------------------

#: The fewest words of another language in a run, and of them the fewest that are evidence of it
#: (words that language uses ten times as often as any other: "within", "both", "которое").
_RUN_WORDS = 3
_RUN_EVIDENCE = 2
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: A word right after or before one of these is a hashtag, handle, path or address, not prose
#: (nor one right after a comma or semicolon without a space: a keyword list).
_MACHINE_AROUND = frozenset("#@/\\._-:=<>[{,;")
_MACHINE_AFTER = frozenset("/\\@_=<>]}")
#: A dot with a letter or digit right after it: the word is part of an address
#: (``trenitalia.com``), not prose.
_DOMAIN_DOT = re.compile(r"\.\w")
#: A comma with no space after it: a keyword list (``centimetres,cm``), not prose.
_LIST_COMMA = re.compile(r",\S")
#: What may stand between two words of one phrase: white space and numbers ("giving it 3 stars").
_PHRASE_GAP = re.compile(r"[\s\d]*")
#: A run right after one of these stands in quotation marks or a title: kept on purpose.
_QUOTED_BEFORE = frozenset("\"'“‘«„‹(")


@cache
def _residue_languages(lang: str, source_lang: str | None) -> tuple[str, ...]:
    """The languages whose words TQ705 looks for in ``lang``: the source language where it has
    a lexicon and is written in the target's script, else English in a Latin-script target and
    Russian in another Cyrillic one."""
    from tqcheck.langid import lexicon

    target = normalise_lang(lang)
    if not target or (lexicon(target) is None and target not in _CLOSE_SCRIPT_TARGETS):
        return ()
    scripts = scripts_of_language(target)
    found = []
    src = normalise_lang(source_lang)
    if src and src != target and lexicon(src) is not None and scripts_of_language(src) & scripts:
        found.append(src)
    elif "Latin" in scripts and target != "en":
        found.append("en")
    elif "Cyrillic" in scripts and target != "ru":
        found.append("ru")
    return tuple(found)


#: Targets without a lexicon of their own that TQ705 still reads (their neighbours' words).
_CLOSE_SCRIPT_TARGETS = frozenset({"it", "pt", "nl", "pl", "cs", "tr", "uk", "bg", "be", "sk",
                                   "sl", "hr", "ro", "sv", "da", "no", "id", "ms", "vi", "fi", "hu",
                                   "et", "lv", "lt", "ca", "gl", "eu", "is", "sq", "af", "sw",
                                   "tl", "ga", "mt", "cy"})


def _alphabet_letters(target: str, other: str) -> tuple[str, str]:
    """The letters of ``other``'s alphabet that ``target``'s lacks, and those of ``target``'s
    that ``other``'s lacks (:data:`_ALPHABETS`; empty where either is not there)."""
    mine, theirs = _ALPHABETS.get(base_lang(target) or ""), _ALPHABETS.get(other)
    if mine is None or theirs is None:
        return "", ""
    return "".join(sorted(theirs - mine)), "".join(sorted(mine - theirs))


def _neighbour_words(letters: Any, words: Any, other: str) -> tuple[str, frozenset[str]]:
    """The target's data on a neighbour language ``other`` (``[language]``): the letters of
    ``other`` its alphabet lacks and the words of ``other`` it never writes.  Only these make one
    word residue: Russian words outside such a list share forms with Ukrainian ones (домами,
    городами are Ukrainian too)."""
    return (str((letters or {}).get(other, "")),
            frozenset(w.casefold() for w in (words or {}).get(other, ())))


def _word_alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _after_number(words: Iterable[str]) -> re.Pattern[str]:
    """One of ``words`` (scale words: "miliar", "Millionen") right after a number, any case."""
    return re.compile(rf"\d[\d.,]*(?:\s|\u00a0)?({_word_alternatives(words)})(?![\w])",
                      re.IGNORECASE)


def _residue_gate(ctx: CheckContext) -> Gate | None:
    """TQ705's gate for a file: closed (a gate that opens nowhere) where the target has no
    language whose words it looks for (an English target without a source in its script: the
    check would find nothing, and is not called on every sentence); else none."""
    if not ctx.lang:
        return Gate()
    if not _residue_languages(ctx.lang, ctx.source_lang):
        if _unknown_source_english(ctx):
            # Only a number word of another language or an interface verb can start a finding.
            verbs, scales, _ = _unknown_source_data()
            return Gate(words=verbs | frozenset(scales))
        return Gate()
    return None


def _unknown_source_english(ctx: CheckContext) -> bool:
    """An English target whose source language is not known: TQ705 reads only the words that
    mark another language by where they stand (:func:`_unknown_source_markers`)."""
    return normalise_lang(ctx.lang) == "en" and not ctx.source_lang


#: The English interface verbs as whole words (the gate looks them up as tokens).
_ENGLISH_UI_VERBS = frozenset({
    "click", "clicks", "clicked", "clicking", "tap", "taps", "tapped", "tapping", "press",
    "presses", "pressed", "pressing", "select", "selects", "selected", "selecting", "choose",
    "chooses", "chose", "choosing", "toggle", "toggles", "toggled", "toggling"})


@cache
def _unknown_source_data() -> tuple[frozenset[str], dict[str, str], re.Pattern[str]]:
    """The English interface verbs, the number words of every language in the data that English
    does not write (ASCII, each with its first language), and a regex of those after a number."""
    from tqcheck.datapack import builtin
    from tqcheck.langid import lexicon

    en = lexicon("en")
    own = (en.words if en is not None else frozenset()) | set(
        _language_words("en").get("scale_words", ()))
    scales: dict[str, str] = {}
    for lang in sorted(builtin("language_words.toml") or {}):
        for word in _language_words(lang).get("scale_words", ()):
            if word.isascii() and word.isalpha() and word not in own:
                scales.setdefault(word, lang)
    return _ENGLISH_UI_VERBS, scales, _after_number(scales)


_ENGLISH_UI_VERB = re.compile(
    rf"(?<![\w-])(?:{_word_alternatives(_ENGLISH_UI_VERBS)})(?![\w-])", re.IGNORECASE)


def _unknown_source_markers(sentence: Sentence) -> Iterator[Hit]:
    """In English text whose source language is not known: a number word of another language
    after a number ("Rp1.5 miliar"), and a capitalised quoted label near an interface verb whose
    words English lacks and one Latin-script lexicon holds, one of them evidence of it
    (``Click on "Opslaan"``)."""
    from tqcheck.datapack import builtin_names
    from tqcheck.langid import lexicon

    seg = sentence.segment.text
    _, scales, regex = _unknown_source_data()
    lowered = sentence.text.lower()
    if any(c.isdigit() for c in lowered):
        for m in regex.finditer(seg, sentence.start, sentence.end):
            lang = scales[m.group(1).casefold()]
            yield Hit(m.start(1), m.end(1), f"number word '{m.group(1)}' after a number is not "
                      f"English ({language_name(lang)}?)")
    if not any(c in _LABEL_QUOTES for c in sentence.text):
        return
    en = lexicon("en")
    if en is None:
        return
    for m in _QUOTED_LABEL.finditer(seg, sentence.start, sentence.end):
        words = m.group(1).split()
        folded = [w.casefold() for w in words]
        if not _label_case(words) or any(w in en.words for w in folded):
            continue
        if not _verb_near(seg, sentence, m.start(), m.end(), _ENGLISH_UI_VERB):
            continue
        for name in builtin_names("lexicon", ".txt"):
            lang = name.removesuffix(".txt")
            lex = lexicon(lang)
            if (lang != "en" and lex is not None and "Latin" in scripts_of_language(lang)
                    and all(w in lex.words for w in folded)
                    and any(w in lex.evidence for w in folded)):
                yield Hit(m.start(1), m.end(1), f"{language_name(lang)} interface label "
                          f"'{m.group(1)}' in English (untranslated)")
                break


@register("TQ705", "foreign-language-phrase", Severity.WARNING, gate=_residue_gate)
def find_foreign_language_phrase(sentence: Sentence, ctx: CheckContext) -> Iterator[Hit]:
    """Words of another language in the target's own script: MT residue of the source.

    What it does:
        Inside a sentence of a non-English Latin-script target, flags a run of three or more
        words that are all words of English (the source language, where it is known and has a
        lexicon) and not evidence of the target, two or more of them lower-case and two or more
        evidence of English ("Le service répond within two business days."); in a Cyrillic
        target, one word of a neighbour that the target's data says it never writes: a letter its
        alphabet lacks or a listed word (``[language] neighbour_letters``, ``neighbour_words``:
        Russian ы э ъ ё, "пожалуйста", "которое" in Ukrainian; for a Cyrillic target without a
        data file, the letters of the neighbour's alphabet that the target's lacks).  As info,
        one lower-case word of five letters or more that is evidence of the other language and
        absent from the target's lexicon (targets with a lexicon: "the ayuntamiento said" from
        Spanish).  A run in quotation marks or brackets, or one a ``--source`` line in a third
        language holds, is not reported (titles and terms kept on purpose), nor one that makes
        up most of its sentence (a sentence in that language is TQ701's, an untranslated unit
        TQ831's), nor words on a code line of a translation unit (a control file's fields, an
        indented example) or inside markup of literal content (``<cmd>``, ``<output>``,
        ``<var>``).  With a known source language, four letters are enough for that one word
        ("on the sito" from Italian) outside a title (next to a capitalised word).

        Single words that mark the other language by where they stand, from
        ``tqcheck/data/language_words.toml`` (never a word of the target's own lexicon or data):
        a quoted label of its words within a few words of an interface verb of the target
        (click, tap, select, "Klicken Sie auf", "napsauta": ``Click on "Opslaan"`` from Dutch,
        ``Tippen Sie auf „Delete account“``); a number word of it right after a number
        ("Rp1.5 miliar" from Indonesian, "40 milioni" from Italian); and, as info, a title of
        it before a capitalised name ("Maître Claire Vasseur" from French).  In a non-English
        Latin-script target, as info: three or more lower-case English words next to each
        other (two where the target's lexicon lacks one: "social media" is a German term) that
        the target's lexicon lacks or ranks at least three times lower than English's does
        ("via live chat" in Finnish; not loans such as "video", "film", "system", nor the
        target's own "ten", "same"), and an English label of two to five words in brackets
        ("(Do Not Travel)" in Polish; in quotation marks such words are mostly the title of a
        work or a brand, kept on purpose).  An interface label is capitalised ("unpack",
        "configure" in quotes are commands).  In a unit of a software catalogue, which keeps
        English commands and terms on purpose, a label is info, and the info hints on single
        words (from four letters, English-leaning words, brackets) are not given.  In an
        English target whose source language is not known, only a number word of another
        language after a number and a capitalised quoted label near an interface verb whose
        words English lacks and another Latin-script language's lexicon holds are reported.

    Why it matters:
        MT leaves clauses and words of the source untranslated inside a translated sentence; the
        sentence-level language check (TQ701) sees a sentence mostly in the target and passes it.

    Example:
        ``Le service client répond within two business days.`` → flags
        ``within two business days``.
    """
    if not ctx.lang:
        return
    from tqcheck.langid import lexicon

    languages = _residue_languages(ctx.lang, ctx.source_lang)
    if not languages:
        if _unknown_source_english(ctx):
            yield from _unknown_source_markers(sentence)
        return
    target_lang = normalise_lang(ctx.lang) or ""
    target = lexicon(target_lang)
    own = target.evidence if target else frozenset()
    seg = sentence.segment.text
    source_lang = normalise_lang(ctx.source_lang)
    code = ([(m.start(), m.end()) for m in _CODE_LINE.finditer(seg)]
            if sentence.segment.kind == "unit" and "\n" in seg else [])
    code += literal_spans(sentence.segment)
    # A unit of a software catalogue keeps English commands, keywords and terms on purpose
    # ("make", "name", "(Return Oriented Programming)"): the weak single-word hints are for prose.
    software = sentence.segment.kind == "unit" and not is_record(sentence.segment)
    for other in languages:
        lex = lexicon(other)
        if lex is None:
            continue
        # A source in another language that holds the words quotes them (a title, a term): kept
        # on purpose.  A source in their language holds them because they were not translated.
        source = (sentence.segment.source or "").casefold() if other != source_lang else ""
        # One word of a neighbour is residue where the target never writes it: a letter its
        # alphabet lacks (Russian ы э ъ ё in Ukrainian), or a word its data lists.
        letters, never = _neighbour_words(ctx.data.get("language", "neighbour_letters"),
                                          ctx.data.get("language", "neighbour_words"), other)
        if not ctx.data.known:  # Belarusian, Macedonian: the letters their alphabets lack
            letters = _alphabet_letters(target_lang, other)[0]
        markers = (list(_source_markers(sentence, ctx, other, target_lang, source, software))
                   if target is not None else [])
        yield from markers
        run: list[re.Match[str]] = []
        tokens = list(_TOKEN.finditer(seg, sentence.start, sentence.end))
        if code:
            # Words on a code line of a unit (a control file's fields, an indented example) are
            # the example's, kept as the source has them: they join no phrase.
            tokens = [t for t in tokens if not any(a <= t.start() < b for a, b in code)]
        for m in [*tokens, None]:
            w = m.group().casefold() if m else ""
            joins = (m is not None and w in lex.words and w not in own
                     and seg[m.start() - 1:m.start()] not in _MACHINE_AROUND
                     and seg[m.end():m.end() + 1] not in _MACHINE_AFTER
                     and not _LIST_COMMA.match(seg, m.end())
                     and not _DOMAIN_DOT.match(seg, m.end()))
            # A phrase runs over white space only: a quote mark, bracket or comma between two
            # words ends it ("„Stadt blüht auf“ also": a title's end, then the sentence's words).
            if joins and m is not None and (
                    not run or _PHRASE_GAP.fullmatch(seg, run[-1].end(), m.start())):
                run.append(m)
                continue
            if run:
                words = [r.group() for r in run]
                # Names and acronyms are no evidence of a language ("SPD … Florian von"): only
                # lower-case words count.
                evidence = sum(x.islower() and x.casefold() in lex.evidence for x in words)
                lower = sum(x.islower() for x in words)
                # Names keep their particles in lower case ("Juan de los Lagos"): a phrase of
                # another language is mostly lower case.
                start, end = run[0].start(), run[-1].end()
                long_run = (len(run) >= _RUN_WORDS and evidence >= _RUN_EVIDENCE
                            and lower >= 2 and 2 * lower > len(run))
                if not long_run and other == "en" and not (letters or never):
                    # Two words of English prose ("next week", "last year"), neither evidence
                    # of the target, in a run of words English shares ("next month in Berlin"):
                    # a phrase left as much as three.
                    pair = next(((a, b) for a, b in itertools.pairwise(run)
                                 if english_pair(seg[a.start():b.end()], True)
                                 and not _in_title(seg, a.start(), b.end(), sentence.start)),
                                None)
                    if pair is not None:
                        long_run = True
                        start, end = pair[0].start(), pair[1].end()
                if long_run and len(run) * 5 >= len(tokens) * 4:
                    run = []  # most of the sentence: a sentence in that language (TQ701's)
                    continue
                if long_run and (letters or never):
                    # A close neighbour shares many words: its run needs one the target never
                    # writes ("которое вступит в силу", not "городами й домами").
                    long_run = any(x.casefold() in never or any(c in letters for c in x)
                                   for x in words)
                if (letters or never) and not long_run:
                    for r in run:
                        x = r.group()
                        if (x.islower() and (x in never or any(c in letters for c in x))
                                and not (source and x in source)):
                            yield Hit(r.start(), r.end(), f"{language_name(other)} word in "
                                      f"{language_name(ctx.lang)}: '{x}'")
                elif long_run and seg[start - 1:start] not in _QUOTED_BEFORE and not (
                        source and seg[start:end].casefold() in source):
                    yield Hit(start, end, f"{language_name(other)} phrase inside a sentence in "
                              f"{language_name(ctx.lang)}: '{seg[start:end]}'")
                elif not long_run and target is not None:
                    leaning: tuple[int, int] | None = None
                    if other == "en" and not (letters or never or software):
                        leaning = _english_leaning_span(seg, run, target_lang, sentence.start)
                        if leaning is not None and not (source and seg[
                                leaning[0]:leaning[1]].casefold() in source):
                            yield Hit(*leaning, f"English words inside a sentence in "
                                      f"{language_name(ctx.lang)}: '{seg[slice(*leaning)]}' "
                                      "(far more frequent in English)", severity=Severity.INFO)
                    # One word: a word of the other language that the target's lexicon lacks
                    # altogether (no loanword), in lower case (no name): a hint, as info.  Four
                    # letters are enough for a word of the known source ("the sito"), five
                    # otherwise.
                    shortest = 4 if other == source_lang and not software else 5
                    for r in run:
                        x = r.group()
                        f = x.casefold()
                        if (leaning is not None and leaning[0] <= r.start() < leaning[1]) or any(
                                h.start <= r.start() < h.end for h in markers):
                            continue
                        if (len(x) >= shortest and x.islower() and f in lex.evidence
                                and f not in target.words and not (source and f in source)
                                and seg[r.start() - 1:r.start()] not in _QUOTED_BEFORE
                                and (len(x) >= 5 or not _in_title(seg, r.start(), r.end(),
                                                                  sentence.start))):
                            yield Hit(r.start(), r.end(), f"{language_name(other)} word in "
                                      f"{language_name(ctx.lang)}: '{x}'",
                                      severity=Severity.INFO)
                run = []
            if joins and m is not None:
                run = [m]  # the word after a mark starts a run of its own


# --- TQ705: words that mark the source language --------------------------------------------------

#: How many times less frequent (by rank in its lexicon) a word must be in the target than in
#: English to lean to English: "live", "chat", "mode" in Finnish or Polish text, not the loans
#: "video", "film", "system" nor the native "ten", "same" that English spells alike.
_LEANING_RATIO = 3


def _leans_english(word: str, target_lang: str) -> bool:
    """Is lower-case ``word`` (a word of the English lexicon that is no evidence of the target)
    far more at home in English than in the target: absent from the target's lexicon, or ranked
    :data:`_LEANING_RATIO` times lower there than in English?"""
    from tqcheck.langid import lexicon_ranks

    if len(word) < 3:
        return False
    en_rank = lexicon_ranks("en").get(word)
    if en_rank is None:
        return False
    rank = lexicon_ranks(target_lang).get(word)
    return rank is None or rank >= _LEANING_RATIO * en_rank


def _english_leaning_span(seg: str, run: list[re.Match[str]], target_lang: str,
                          floor: int) -> tuple[int, int] | None:
    """The first stretch of two or more lower-case words of ``run`` (words of English that are no
    evidence of the target) that all lean to English (:func:`_leans_english`: "via live chat" in
    Finnish), outside a title or quotation: three words or more, or two of which the target's
    lexicon lacks one; None without one."""
    from tqcheck.langid import lexicon_ranks

    known = lexicon_ranks(target_lang)
    stretch: list[re.Match[str]] = []
    for m in [*run, None]:
        if m is not None and m.group().islower() and _leans_english(m.group().casefold(),
                                                                    target_lang):
            stretch.append(m)
            continue
        # Two words the target's lexicon both holds are a term it borrowed ("social media" in
        # German); three, or two with one it lacks ("dark mode"), are English left.
        if len(stretch) >= 3 or (len(stretch) == 2 and any(
                m.group().casefold() not in known for m in stretch)):
            start, end = stretch[0].start(), stretch[-1].end()
            if (seg[start - 1:start] not in _QUOTED_BEFORE
                    and not _in_title(seg, start, end, floor)):
                return start, end
        stretch = []
    return None


@cache
def _language_words(lang: str) -> dict[str, tuple[str, ...]]:
    """``tqcheck/data/language_words.toml``'s table for ``lang``: interface verbs, honorifics and
    number scale words, lower-case."""
    from tqcheck.datapack import builtin

    table = (builtin("language_words.toml") or {}).get(lang, {})
    return {key: tuple(str(w).casefold() for w in words) for key, words in table.items()}


@cache
def _marker_patterns(other: str, target_lang: str) -> tuple[
        re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    """Regexes of ``other``'s honorifics before a capitalised name, its scale words after a number,
    and the target's interface verbs; None where the data has none.  Words of the target's own
    lexicon or data are left out ("million" is French too, "Don" an English name)."""
    from tqcheck.langid import lexicon

    target = lexicon(target_lang)
    own_words = target.words if target is not None else frozenset()
    mine, theirs = _language_words(target_lang), _language_words(other)
    honorifics = [w for w in theirs.get("honorifics", ()) if w not in own_words
                  and w not in mine.get("honorifics", ())]
    scales = [w for w in theirs.get("scale_words", ()) if w not in own_words
              and w not in mine.get("scale_words", ())]
    verbs = mine.get("ui_verbs", ())
    return (
        re.compile(rf"(?<![\w.])({_word_alternatives(honorifics)})\.? (?=[^\W\d_][^\W\d_]*"
                   r"[\s,.])", re.IGNORECASE) if honorifics else None,
        _after_number(scales) if scales else None,
        re.compile(("" if scripts_of_language(target_lang) & _UNSPACED else r"(?<!\w)")
                   + f"(?:{_word_alternatives(verbs)})", re.IGNORECASE) if verbs else None,
    )


#: Scripts written without spaces between words: a verb there starts anywhere.
_UNSPACED = frozenset({"Han", "Kana", "Hangul"})


#: A label in quotation marks: a few words of letters.
_QUOTED_LABEL = re.compile(
    r"(?<!\w)(?:\"|“|„|«|»|‘|‚|')([^\W\d_][^\W\d_'’-]*(?: [^\W\d_][^\W\d_'’-]*){0,3})"
    r"(?:\"|”|“|»|«|’|‘|')")
#: A label in brackets: two to five words of letters (in quotation marks, the words are
#: mostly the title of a work, a brand or a quotation, kept on purpose).
_BRACKETED = re.compile(r"(?<!\w)\(([A-Za-z][a-z]*(?: [A-Za-z][a-z]*){1,4})\)")
def _label_case(words: list[str]) -> bool:
    """Are ``words`` written as a button's name: capitalised, not in capitals ("Opslaan",
    "Save changes"; not "unpack", a command, nor "MON", a key or an abbreviation)?"""
    return words[0][:1].isupper() and not any(len(w) > 1 and w.isupper() for w in words)


#: How far from an interface verb a quoted label may stand (characters).
_VERB_REACH = 40


def _verb_near(text: str, sentence: Sentence, start: int, end: int,
               verb: re.Pattern[str]) -> bool:
    """Whether ``verb`` stands within :data:`_VERB_REACH` characters before ``text[start:end]``
    or after it, inside ``sentence``."""
    before = text[max(sentence.start, start - _VERB_REACH):start]
    after = text[end:min(sentence.end, end + _VERB_REACH)]
    return bool(verb.search(before) or verb.search(after))


def _source_markers(sentence: Sentence, ctx: CheckContext, other: str, target_lang: str,
                    source: str, software: bool) -> Iterator[Hit]:
    """Single words that mark ``other`` (the source language, or English) in the target by where
    they stand: a title of ``other`` before a name ("His lawyer, Maître Claire Vasseur", info),
    a scale word of ``other`` after a number ("Rp1.5 miliar"), a quoted label of ``other``'s
    words near an interface verb of the target ("Click on "Opslaan""), and, for English in a
    Latin-script target, an English label in brackets ("(Do Not Travel)", info).  ``source`` is
    the lower-cased source where it is in a third language (words it holds are kept on purpose),
    else empty.  In a unit of a software catalogue (``software``) a label is info (the
    program may not be translated) and brackets are not read."""
    from tqcheck.langid import lexicon

    seg = sentence.segment.text
    text = sentence.text
    lex, target = lexicon(other), lexicon(target_lang)
    if lex is None or target is None:
        return
    honorific, scale, verb = _marker_patterns(other, target_lang)
    name = language_name(other)
    if honorific is not None:
        for m in honorific.finditer(seg, sentence.start, sentence.end):
            word = m.group(1)
            # "Mr", "Maître"; not an acronym ("MS Office") nor a lower-case word.
            if (word[:1].isupper() and not (len(word) > 1 and word.isupper())
                    and not (source and word.casefold() in source)):
                yield Hit(m.start(1), m.end(1), f"{name} title '{word}' before a name in "
                          f"{language_name(ctx.lang)}", severity=Severity.INFO)
    if scale is not None and any(c.isdigit() for c in text):
        for m in scale.finditer(seg, sentence.start, sentence.end):
            word = m.group(1)
            if not (source and word.casefold() in source):
                yield Hit(m.start(1), m.end(1), f"{name} number word '{word}' after a number "
                          f"in {language_name(ctx.lang)}")
    if not any(c in _LABEL_QUOTES for c in text):
        return
    reported: list[tuple[int, int]] = []
    if verb is not None:
        for m in _QUOTED_LABEL.finditer(seg, sentence.start, sentence.end):
            words = m.group(1).split()
            if not _label_case(words):
                continue  # "unpack", "configure": commands and keywords, not a button's name
            folded = [w.casefold() for w in words]
            # Words of the other language, none evidence of the target and one at least unknown
            # to it ("Delete account": German writes "Account" too, never "delete").
            if not all(w in lex.words and w not in target.evidence for w in folded) or all(
                    w in target.words for w in folded):
                continue
            if source and m.group(1).casefold() in source:
                continue
            if _verb_near(seg, sentence, m.start(), m.end(), verb):
                reported.append(m.span(1))
                yield Hit(m.start(1), m.end(1), f"{name} interface label "
                          f"'{m.group(1)}' in {language_name(ctx.lang)} (untranslated)",
                          severity=Severity.INFO if software else None)
    if other != "en" or software or "Latin" not in scripts_of_language(target_lang):
        return
    for m in _BRACKETED.finditer(seg, sentence.start, sentence.end):
        if any(a <= m.start(1) < b for a, b in reported):
            continue
        folded = [w.casefold() for w in m.group(1).split()]
        if not all(w in lex.words and w not in target.evidence for w in folded):
            continue
        leaning = sum(_leans_english(w, target_lang) for w in folded)
        if leaning < 2 or 2 * leaning < len(folded) or (source and m.group(1).casefold() in source):
            continue
        if sentence.end - sentence.start <= 2 * (m.end() - m.start()):
            continue  # most of the sentence: a sentence in English is TQ701's
        yield Hit(m.start(1), m.end(1), f"English label in brackets in "
                  f"{language_name(ctx.lang)}: '{m.group(1)}' (untranslated?)",
                  severity=Severity.INFO)


_LABEL_QUOTES = frozenset("\"“„«»‘‚'(")


#: A letter or digit of a script glued, with no space, to an ASCII letter or digit.  CJK
#: characters count alone ("S新8.96", "the美元100"); letters of alphabetic scripts count from two
#: (a single lookalike letter inside a word is a homoglyph: TQ703).
_GLUED = re.compile(
    r"(?<=[A-Za-z0-9])(?:[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+"
    r"|[\u0400-\u04ff\u0600-\u06ff\u0590-\u05ff]{2,})"
    r"|(?:[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+"
    r"|[\u0400-\u04ff\u0600-\u06ff\u0590-\u05ff]{2,})(?=[A-Za-z0-9])")


@register("TQ706", "glued-source-script", Severity.ERROR, scope="segment",
          gate=non_ascii_gate("[\u0400-\u04ff\u0590-\u06ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                              "\uac00-\ud7af]"),
          past_preconditions=True)
def find_glued_foreign_script(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                              ) -> Iterator[Hit]:
    """Letters of another script glued to a word or number of the translation ("the美元100").

    What it does:
        Flags Chinese, Japanese or Korean characters, or two or more Cyrillic, Arabic or Hebrew
        letters, written with no space against a Latin letter or a digit, in a target language not
        written in that script.  (It was TQ408, a residue check: source-script letters left in
        the target are a language finding; TQ408 redirects here.)

    Why it matters:
        A decoder that copies a source token it cannot translate glues it to its neighbours: the
        number or word beside it is garbled too, and no reader of the target can read it.

    Example:
        ``revenue of S新8.96 billion`` → flags ``新``.
    """
    from tqcheck.langid import script_of, scripts_of_language

    own = scripts_of_language(ctx.lang)
    if not own:
        return
    for m in _GLUED.finditer(segment.text):
        script = script_of(m.group()[0])
        if script is None or script in own or (script == "Han" and "Kana" in own):
            continue
        yield Hit(m.start(), m.end(), f"{script} letters glued to the text: '{m.group()}'",
                  suggestion="")
