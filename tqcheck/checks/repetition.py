"""Repetition: doubled words, duplicated coordination, repeated phrases, sentences and loops."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import (
    WORD,
    english_words,
    folded_token_set,
    folded_tokens,
    never_final_words,
    per_text,
)
from tqcheck.model import Applicability, Location, Segment, Sentence, Severity

#: Separators allowed between repeated units: whitespace and masks, or a comma.  A comma counts
#: only for long units or loops: "horrible, horrible", "no, no, no" and "pump it out, pump it out"
#: are rhetoric, "in the camps of Darfur, in the camps of Darfur, in the camps of Darfur" is a loop.
_GAP = re.compile(r"[\s\ufffc]+|[\s\ufffc]*[,،，][\s\ufffc]*")  # a comma of any script


def _comma_repeat_counts(n: int, copies: int, in_clause: bool = False) -> bool:
    # One word five times over commas is a loop ("a, a, a, a, a"); fewer may be rhetoric, and so
    # may two words said twice ("never again, never again") or a phrase that opens a sentence or
    # clause ("Pump it out, pump it out", a chant or a line of dialogue); three words said twice
    # after a word of their clause are a stutter ("… said that the situation is under control,
    # the situation is under control").
    return n >= 4 or (n >= 2 and copies >= 3) or copies >= 5 or (n == 3 and in_clause)


#: Conditional subordinators, in the languages with data: "if you're a liar, you're a liar
#: telling lies" says the clause again on purpose (a tautology, the second copy goes on).
_CONDITIONALS = frozenset({"if", "when", "wenn", "falls", "si", "se", "als", "если", "когда",
                           "якщо", "коли", "jeśli", "jeżeli", "gdy", "pokud", "kdyby", "eğer",
                           "إذا", "اذا", "اگر", "אם"})
_LAST_WORD_BEFORE = re.compile(r"(\w+)\s*$")


def _after_word(text: str, pos: int) -> bool:
    """Does a word of the same clause stand right before ``pos`` (no mark between), and no
    conditional subordinator?"""
    m = _LAST_WORD_BEFORE.search(text, max(0, pos - 20), pos)
    return m is not None and m.group(1).casefold() not in _CONDITIONALS


@dataclass(frozen=True, slots=True)
class _Repeat:
    start: int  # first char of the first copy
    end: int  # last char of the last copy
    unit: str  # the repeated text (first copy)
    n: int  # words in the unit
    copies: int
    second: int  # first char of the second copy
    comma: bool = False  # the copies are separated by a comma


_UNIT_PUNCT = re.compile(r"[,;:.!?()\[\]\"“”]")
#: A word of two letters or more: a unit with numbers repeated over a space counts when it has
#: one ("with 40 recipes with 40 recipes"); numbers alone ("12 34 12 34") are a list or a code.
_WORDY = re.compile(r"[^\W\d_]{2}")

def _may_repeat(text: str) -> bool:
    """Cheap superset test: does some run of 1–8 tokens follow itself at once?  The exact
    token-level analysis runs only where this says yes (most text: no)."""
    if "،" in text or "，" in text:  # commas of other scripts separate copies too (_GAP)
        text = text.replace("،", ",").replace("，", ",")
    toks = folded_tokens(text)
    if len(folded_token_set(text)) == len(toks):  # no token twice: nothing can repeat
        return False
    last: dict[str, int] = {}
    for j, w in enumerate(toks):
        i = last.get(w)
        if i is not None and j - i <= 8 and toks[i:j] == toks[j : 2 * j - i]:
            return True
        last[w] = j
    return False


def _mark_class() -> str:
    """A character class of the combining marks (Mn, Mc, Me) of the scripts up to U+1DFF: the
    vowel signs, harakat and niqqud that ``\\w`` does not count as part of a word."""
    import unicodedata

    marks = [c for c in range(0x0300, 0x1E00) if unicodedata.category(chr(c)) in ("Mn", "Mc", "Me")]
    ranges: list[tuple[int, int]] = []
    for c in marks:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return "[" + "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]"


_MARK = re.compile(_mark_class())
#: :data:`WORD` with combining marks inside a word (Arabic "رويدًا" is one word, not "رويد" and
#: "ا"; Hindi and Thai vowel signs the same).
_WORD_WITH_MARKS = re.compile(
    rf"[^\W_](?:[^\W_]|{_MARK.pattern})*(?:['’\-][^\W_](?:[^\W_]|{_MARK.pattern})*)*")


#: Chinese characters and Japanese kana: scripts written without spaces, where a repeated phrase
#: is no repeated token.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{_CJK}]")
#: A run of two to thirty such characters repeated back to back, perhaps over a comma or a full
#: stop of the script ("发展发展发展", "将继续加强监管，将继续加强监管").
_CJK_REPEAT = re.compile(f"([{_CJK}]{{2,30}}?)(?:[，、。,]?\\1)+")
#: Characters of a unit said twice that make a phrase, not a reduplicated word: Chinese and
#: Japanese double words of two characters on purpose ("研究研究", "いろいろ", "一步一步").
_CJK_PHRASE = 4


def _cjk_repeats(text: str) -> list[_Repeat]:
    """Phrases repeated back to back in Chinese or Japanese text: a unit of two characters or
    more (two different ones at least) three times or more, or a unit of four characters or
    more (three different ones) twice.  Two characters said twice are a word reduplicated."""
    found = []
    for m in _CJK_REPEAT.finditer(text):
        unit = m.group(1)
        copies = len(re.findall(re.escape(unit), m.group()))
        distinct = len(set(unit))
        if distinct < 2 or (copies == 2 and (len(unit) < _CJK_PHRASE or distinct < 3)):
            continue
        mark = text[m.start() + len(unit)]
        if copies == 2 and (mark == "," or (mark in "。！？" and m.end() < len(text)
                                            and text[m.end()] not in "。！？!?.\n")):
            # "…的直线折旧。直线折旧法…": the next sentence takes up the term the last one ended
            # on and goes on (a sentence said twice ends where its copy does); "金衡盎司,金衡盎司,
            # ozt": a list of aliases (prose writes "，").
            continue
        second = m.start() + len(unit) + (1 if mark in "，、。," else 0)
        found.append(_Repeat(m.start(), m.end(), unit, len(unit), copies, second,
                             comma=text[m.start() + len(unit)] in "，、,"))
    return found


def _with_cjk(text: str, found: Sequence[_Repeat]) -> Sequence[_Repeat]:
    """``found`` and the repeats :func:`_cjk_repeats` reads in ``text``, where no repeat of a
    phrase or a loop of ``found`` covers them."""
    if text.isascii() or not _CJK_CHAR.search(text):  # (most text: no search then)
        return found
    more = [r for r in _cjk_repeats(text)
            if not any(f.start < r.end and r.start < f.end and (f.n > 1 or f.copies > 2)
                       for f in found)]
    return sorted([*found, *more], key=lambda r: r.start) if more else found


@per_text
def find_adjacent_repeats(text: str) -> Sequence[_Repeat]:
    """Units repeated back to back (:func:`_adjacent_word_repeats`), and, in Chinese and Japanese,
    runs of characters (:func:`_cjk_repeats`)."""
    return _with_cjk(text, _adjacent_word_repeats(text))


def _adjacent_word_repeats(text: str) -> Sequence[_Repeat]:
    """Units of 1–8 words repeated back to back (``the the``, ``of the meeting of the meeting``).

    One pass over the tokens: a repeat of length ``n`` at ``j`` needs ``tok[j] == tok[j-n]``, so only
    positions where a token recurs within 8 tokens are examined.
    """
    if not _may_repeat(text):
        return ()  # (most text: the memo then holds no new object for the collector to walk)
    word = _WORD_WITH_MARKS if _MARK.search(text) else WORD
    toks = [(m.group().casefold(), m.start(), m.end()) for m in word.finditer(text)]
    found: list[_Repeat] = []
    last_seen: dict[str, int] = {}
    covered_until = -1
    for j, (tok, _, _) in enumerate(toks):
        prev = last_seen.get(tok)
        last_seen[tok] = j
        if prev is None or j <= covered_until:
            continue
        n = j - prev
        i = prev
        if n > 8 or j + n > len(toks):
            continue
        # the second copy must match the first token by token, separated from it by a gap only
        if any(toks[i + k][0] != toks[j + k][0] for k in range(n)):
            continue
        if not _GAP.fullmatch(text, toks[j - 1][2], toks[j][1]):
            continue
        copies = 2
        nxt = j + n
        while nxt + n - 1 < len(toks) and all(
            toks[nxt + k][0] == toks[i + k][0] for k in range(n)
        ) and _GAP.fullmatch(text, toks[nxt - 1][2], toks[nxt][1]):
            copies += 1
            nxt += n
        end = toks[nxt - 1][2]
        comma = any(c in ",،，" for c in text[toks[j - 1][2] : toks[j][1]])
        if comma and not _comma_repeat_counts(n, copies, _after_word(text, toks[i][1])) \
                and not (n == 1 and copies == 2):
            continue  # a word doubled over a comma: TQ101 decides by the word
        unit_text = text[toks[i][1] : toks[i + n - 1][2]]
        second_text = text[toks[j][1] : toks[j + n - 1][2]]
        if unit_text.casefold() != second_text.casefold() or (
            n > 1 and (_UNIT_PUNCT.search(unit_text) or (any(c.isdigit() for c in unit_text) and (
                comma or not _WORDY.search(unit_text))))
        ):
            # "faster and faster, and …", "0 degrees, 0 degrees": lists and idioms, not stutter
            continue
        found.append(_Repeat(toks[i][1], end, text[toks[i][1] : toks[i + n - 1][2]], n, copies,
                             toks[j][1], comma))
        covered_until = nxt - 1
    return found


@register("TQ101", "doubled-word", Severity.ERROR, scope="segment", mirrored=True, fix="safe")
def find_doubled_words(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Sequence[Hit]:
    """A word written twice in a row ("the the").

    What it does:
        Finds a word immediately repeated (ignoring case), except repeats that are grammatical in the
        target language ("had had", "that that" in English; "die die", "das das" in German; sung
        or laughed on in hyphens, "la-la-la la-la-la") and names
        written twice in title case ("Bora Bora", "Fang Fang"; at a sentence start too, unless the
        word is one of the language's 3,000 most frequent: "The The"), and letter names of an
        acronym spelled out in the language's script (``letter_names``: Arabic "سي إن إن", CNN;
        with a glued conjunction, "وسي إن إن"; a letter name that is also a word, "في" V/in, only
        after another letter), and a pronoun doubled as subject and object after the words the
        language data's ``legitimate_doubles_after`` allows (German "wird es es zurücksenden").
        Over a comma, only words that cannot end a clause count (articles, conjunctions: "and
        the, the talks"); others doubled over a comma are emphasis or two clauses ("horrible,
        horrible news", "if you buy it, it …").  In languages where full reduplication is
        grammatical (language data ``reduplication``: Turkish, Persian, Hebrew, Italian, Japanese,
        Korean, Chinese, Vietnamese: "dần dần", "từ từ"; without a data file, Hindi, Urdu,
        Bengali, Tamil, Swahili, Azerbaijani, Uzbek, Kazakh …), a doubled word other than those
        whose doubling is always a slip (``never_doubled``: "ve ve", "il il") is info.  A
        metavariable and the unit it counts (``OCTETS octets`` for the source's ``BYTES``) is no
        double; a double across a line break where the source repeats a word across its lines
        too is info.  A Latin word doubled in text of another script (a name or slogan copied as
        written: ``Canada plus plus``, ``«zoom zoom»`` in Russian) is info, or nothing where
        English allows the double.  A word of five letters or more doubled with a hyphen
        ("Houses-houses along the river") is a source's reduplication in the targets that have
        none of their own (English, German, Spanish, Dutch, Swedish, Danish, Norwegian, Polish,
        Czech).

    Why it matters:
        Neural MT doubles words when attention stutters; a doubled word is the most visible sign of
        unedited machine output.

    Example:
        ``The talks will resume in in Antalya.``  →  flags ``in in``, suggests ``in``.
    """
    repeats = find_adjacent_repeats(segment.text)
    hyphened = _hyphen_doubles(segment.text, ctx) if "-" in segment.text else []
    if not repeats:  # most text: no data lookups then
        return hyphened
    hits: list[Hit] = list(hyphened)
    legit = ctx.data.words("legitimate_doubles") or _NO_DATA_DOUBLES.get(ctx.data.lang, frozenset())
    for rep in repeats:
        if rep.n != 1 or rep.copies != 2:
            continue
        word = rep.unit
        if word.casefold() in legit or word.isdigit() or _reduplicated(word.casefold(), legit):
            continue  # "la-la-la la-la-la", "ha-ha ha-ha": a song or laughter, sung on
        if _legit_pattern(ctx, word):
            continue  # Arabic "رويدًا رويدًا": an adverb of manner doubled, "little by little"
        if _legit_before(ctx, word, segment.text, rep.end):
            continue  # French "en en parlant": the preposition, then the pronoun of a gerund
        if _legit_after(ctx, word, segment.text, rep.start):
            continue  # German "wird es es zurücksenden": subject and object
        if _in_spelled_acronym(ctx, word, segment.text, rep.start, rep.end):
            continue  # Arabic "سي إن إن" (CNN), "بي بي سي" (BBC): letter names, not a stutter
        if rep.comma and not any(c.isspace() for c in segment.text[rep.start + len(word):rep.second]):
            continue  # "به,به", "to,to": a list of keywords, written without a space after the comma
        if rep.comma and word.casefold() not in never_final_words(ctx.lang):
            # "horrible, horrible news" is emphasis, "buying it, it includes" two clauses; a word
            # that cannot end a clause, doubled over a comma, is a stutter: "and the, the talks".
            continue
        second = segment.text[rep.second : rep.end]
        if len(word) == 1 and second.isupper() and word.islower() and segment.text[
                rep.end : rep.end + 1] == ".":
            continue  # "подписали А. П. Смирнов и И. К. Петров": a conjunction, then an initial
        if (word.isupper() and len(word) > 2 and second.islower() and segment.source
                and word not in segment.source and _METAVARIABLE.search(segment.source)):
            continue  # "OCTETS octets" for "BYTES": a metavariable and the unit it counts
        if word[:1].isupper() and second[:1].islower() and not word.isupper():
            before = segment.text[: rep.start].rstrip(" \ufffc\"'“‘«(")
            if before and before[-1] not in ".!?":
                continue  # mid-sentence "Spiele spiele": a noun and its verb (German), not a stutter
        if word[:1].isupper() and second[:1].isupper() and word != word.upper():
            before = segment.text[: rep.start].rstrip(" \ufffc\"'“‘«(")
            if before and before[-1] not in ".!?":
                continue
            # At a sentence start too, a double written in title case twice is a name ("Fang
            # Fang said …", "Bora Bora is …") unless the word is a frequent one ("The The").
            stutter = _frequent_words(ctx.lang, _COMMON_RANK)
            if stutter and word.casefold() not in stutter:
                continue
        # A repeat across a line break is not fixed: in a subtitle cue or a one-sentence-per-line
        # file the break is part of the layout (and the repeat may be one speaker picking up the
        # other's word).
        # Nor where the copies differ in more than a capital (``OCTETS octets``: a placeholder and
        # its word) or stand apart by more than a space (a column layout).
        # Nor where the source doubles a word too ("Beep beep" → "Piep piep").
        # Copies that differ in case are one word only at a sentence start ("The the"), and
        # never where case tells nouns from verbs ("Spiele spiele").
        at_start = not segment.text[:rep.start].rstrip(" \ufffc\"'“‘«(") or \
            segment.text[:rep.start].rstrip(" \ufffc\"'“‘«(")[-1] in ".!?"
        same_case = word == second or (at_start and word[1:] == second[1:]
                                       and not ctx.data.get("capitalized_nouns"))
        sure = (len(word) > 1 and segment.text[rep.start + len(word):rep.second] == " "
                and same_case
                and not (segment.source and find_adjacent_repeats(segment.source)))
        # Safe for the words whose doubling is always a slip (the language's ``never_doubled``:
        # "in in", "the the"); a content word doubled may render a reduplication of the source
        # (右右 "right right"): unsafe.  No fix for the other function words and the most
        # frequent words (pronouns, particles): their double is often two parts of a sentence,
        # subject and object ("dass es es schafft", "gave her her keys"), or a clause boundary
        # ("order from you you can").
        folded = word.casefold()
        function = folded in ctx.data.words("never_doubled")
        grammatical = not function and (folded in ctx.data.words("function_words")
                                         or folded in _frequent_words(ctx.lang, _PRONOUN_RANK))
        # Where full reduplication is grammar (language data ``reduplication``: Turkish "koşa
        # koşa", Persian "آرام آرام", Italian "zitto zitto"), only a word whose doubling is always
        # a slip (``never_doubled``) is an error; another double may be meant: info, no fix.
        meant = bool(ctx.data.get("reduplication", default=not ctx.data.known and (
            ctx.data.lang in _REDUPLICATING))) and not function
        # Across a line break, where the source says a word on both lines too ("Everything is
        # safe.\nPerfectly safe." → "… آمن\nآمن …"): the lines' own words, info.
        echoed = "\n" in segment.text[rep.start:rep.end] and _echoed_across_lines(segment.source)
        # A Latin word doubled inside text of another script ("технологии Canada plus plus",
        # «из "zoom zoom"»): a name or slogan copied as it is written, not the translation's own
        # stutter; English's grammatical doubles are none at all.
        foreign = word.isascii() and ctx.data.get("script", default="Latin") != "Latin"
        if foreign and folded in english_words("legitimate_doubles"):
            continue
        hits.append(Hit(rep.start, rep.end, f"doubled word: '{word} {second}'"
                        + (" (a reduplication may be meant)" if meant else "")
                        + (" (the source repeats a word across its lines too)" if echoed else "")
                        + (" (Latin words in text of another script: a name or quotation?)"
                           if foreign else ""),
                        suggestion=word,
                        fix=((rep.start, rep.end, word),) if sure and not grammatical and not meant
                        else None,
                        applicability=None if function else Applicability.UNSAFE,
                        severity=Severity.INFO if meant or echoed or foreign else None))
    return hits


#: Legitimate doubles of languages without a data file: Macedonian short pronouns as possessor
#: and object ("Брат ми ми кажа", as in Bulgarian); Belarusian "ці не не залежыць" (whether
#: or not, then the verb's negation), "так так".
_NO_DATA_DOUBLES = {
    "mk": frozenset({"ми", "ти", "си", "му", "ѝ", "и", "ни", "ви", "им", "да", "не"}),
    "be": frozenset({"не", "так", "ну", "што"}),
}
#: Languages without a data file whose grammar reduplicates words in full, written with a space
#: (Hindi and Urdu "धीरे धीरे" / "آہستہ آہستہ", Bengali, Tamil, Swahili "pole pole", Azerbaijani,
#: Uzbek, Kazakh "жай жай", Pashto, Kurdish, Amharic): a doubled word there may be meant (info).
_REDUPLICATING = frozenset({"hi", "ur", "bn", "pa", "mr", "gu", "ne", "si", "ta", "te", "kn",
                            "ml", "sw", "am", "ps", "ku", "ckb", "az", "uz", "kk", "ky", "tk",
                            "ug", "tt", "ba"})
#: A word of five letters or more doubled with a hyphen: "houses-houses" (not the sounds and
#: slogans of four, "chan-chan", "Zoom-Zoom").
_HYPHEN_DOUBLE = re.compile(r"(?<![\w-])([^\W\d_]{5,})-(\1)(?![\w-])", re.IGNORECASE)
#: Targets where a word doubled with a hyphen is no grammar of their own (unlike Indonesian and
#: Malay plurals, "rumah-rumah"; Russian, Greek, Hindi or Hungarian emphasis, "синий-синий",
#: "σιγά-σιγά"; French and Portuguese nouns, "cache-cache", "pisca-pisca"): there it is a
#: source's reduplication carried over.
_NO_HYPHEN_REDUPLICATION = frozenset({"en", "de", "es", "nl", "sv", "da", "no", "pl", "cs"})


def _letter(c: str) -> bool:
    r"""Is ``c`` in the regex class ``[^\W\d_]`` (a word character, not a decimal digit)?"""
    return c.isalnum() and not c.isdecimal()


def _may_double_hyphen(text: str) -> bool:
    """Whether :data:`_HYPHEN_DOUBLE` may match ``text``: a hyphen between two runs of letters of
    one length, four or more, with no word character or hyphen beyond them (a copy matches its
    word letter for letter, whatever the case).  A few character tests for each hyphen instead
    of the regex's attempt at every word (most hyphens join words of different lengths)."""
    n = len(text)
    i = text.find("-")
    while i >= 0:
        j = i
        while j > 0 and _letter(text[j - 1]):
            j -= 1
        size = i - j
        end = i + 1 + size
        if size >= 4 and end <= n and (j == 0 or not (text[j - 1].isalnum() or text[j - 1] in "_-")
                                       ) and all(_letter(c) for c in text[i + 1:end]) and (
                end == n or not (text[end].isalnum() or text[end] in "_-")):
            return True
        i = text.find("-", i + 1)
    return False


def _hyphen_doubles(text: str, ctx: CheckContext) -> list[Hit]:
    """Words doubled with a hyphen ("Houses-houses along the river"), in the targets of
    :data:`_NO_HYPHEN_REDUPLICATION`, except the language's legitimate doubles ("knock-knock")."""
    if ctx.data.lang not in _NO_HYPHEN_REDUPLICATION or not _may_double_hyphen(text):
        return []
    legit = ctx.data.words("legitimate_doubles")
    return [Hit(m.start(), m.end(), f"word doubled with a hyphen: '{m.group()}' (a source's "
                "reduplication, as in an Indonesian or Malay plural?)", suggestion=m.group(1))
            for m in _HYPHEN_DOUBLE.finditer(text) if m.group(1).casefold() not in legit
            and not m.group(2)[:1].isupper()]  # "Walla-Walla": a name in title case


def _legit_pattern(ctx: CheckContext, word: str) -> bool:
    """Whether the language data's ``legitimate_doubles_pattern`` (a regex) matches the whole
    word (Arabic adverbs of manner in the indefinite accusative: "رويدًا", "خطوةً")."""
    pattern = ctx.data.get("legitimate_doubles_pattern")
    return bool(pattern) and re.fullmatch(pattern, word) is not None


def _reduplicated(word: str, legit: frozenset[str]) -> bool:
    """Whether ``word`` is a hyphenated run of one legitimate double ("la-la-la", "ha-ha")."""
    parts = word.split("-")
    return len(parts) > 1 and len(set(parts)) == 1 and parts[0] in legit


#: An all-caps word of the source: a metavariable (``BYTES``, ``FILE``) a translation renames.
_METAVARIABLE = re.compile(r"\b[A-Z]{3,}\b")


def _echoed_across_lines(source: str | None) -> bool:
    """Whether a word of three letters or more occurs on two lines of the source."""
    if not source or "\n" not in source:
        return False
    seen: set[str] = set()
    for line in source.split("\n"):
        words = {w.casefold() for w in re.findall(r"[^\W\d_]{3,}", line)}
        if words & seen:
            return True
        seen |= words
    return False


_NEXT_WORD = re.compile(r"\s+(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _in_spelled_acronym(ctx: CheckContext, word: str, text: str, start: int, end: int) -> bool:
    """A letter name doubled beside another letter name (language data ``letter_names``): an
    acronym spelled out in the script of the language ("سي إن إن" for CNN)."""
    letters = ctx.data.words("letter_names")
    if not letters:
        return False
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    clitics = tuple(ctx.data.words("letter_name_clitics"))

    def letter(m: re.Match[str] | None) -> bool:
        if not m:
            return False
        w = m.group(1)
        # "وسي إن إن": the conjunction glued to the first letter name
        return w in letters or (len(w) > 1 and w.startswith(clitics) and w[1:] in letters)

    if word not in letters:
        # A letter name that is also a word ("في": V and "in") doubles after an acronym's
        # letters: "دبليو إس إم في في ناشفيل" (WSMV in Nashville).
        return word in ctx.data.words("letter_name_homographs") and letter(before)
    return letter(_NEXT_WORD.match(text, end)) or letter(before)


def _legit_after(ctx: CheckContext, word: str, text: str, start: int) -> bool:
    """Whether a double is grammatical after the word before it: the language data's
    ``legitimate_doubles_after`` maps a word to a regex the previous word must match (German "es
    es" after a finite verb or a subordinator is subject and object: "wird es es zurücksenden",
    "dass es es gibt")."""
    rules = ctx.data.get("legitimate_doubles_after", default=None)
    if not rules:
        return False
    pattern = rules.get(word.casefold())
    if not pattern:
        return False
    m = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return m is not None and re.fullmatch(pattern, m.group(1), re.IGNORECASE) is not None


def _legit_before(ctx: CheckContext, word: str, text: str, end: int) -> bool:
    """Whether a double is grammatical before the word that follows it: the language data's
    ``legitimate_doubles_before`` maps a word to a regex the next word must match (French "en en"
    before a present participle: "en en parlant")."""
    rules = ctx.data.get("legitimate_doubles_before", default=None)
    if not rules:
        return False
    pattern = rules.get(word.casefold())
    if not pattern:
        return False
    m = _NEXT_WORD.match(text, end)
    return m is not None and re.fullmatch(pattern, m.group(1), re.IGNORECASE) is not None


#: Words at least this frequent (by rank in the language's lexicon) are common words, not names.
_COMMON_RANK = 3000


#: A single word this frequent (pronouns, particles) coordinated with itself is not a stutter.
_PRONOUN_RANK = 100


@cache
def _frequent_words(lang: str | None, rank: int) -> frozenset[str]:
    from tqcheck.langid import frequent_words

    return frequent_words(lang, rank) if lang else frozenset()


@register("TQ102", "doubled-coordination", Severity.WARNING, scope="segment",
          mirrored=True, fix="unsafe")
def find_doubled_coordination(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Sequence[Hit]:
    """The same word or phrase joined to itself by a conjunction ("instructions and instructions").

    What it does:
        Finds ``X and X`` / ``X or X`` where X is one to three words, except idioms listed in the
        language data ("more and more", "again and again"), comparatives ("faster and faster") and
        a single word among the language's 100 most frequent (pronouns and particles: "so oder
        so", "так ли это или это подделка"), a second conjunct narrowed by what follows it
        (the language data's ``coordination_narrowers``: "people and people with disabilities",
        "людям и людям с хроническими заболеваниями", "nom ou nom d'utilisateur") or made a
        longer phrase of its own by the word after it (``coordination_narrowing_word``: "at school
        and at school events", "объекты и объекты критической инфраструктуры"; not after a
        conjunct of modifiers, "newly built or newly built properties"), and an acronym spelled
        out in letter names.  Where one conjunct has a modifier the other lacks (an adjective
        before the first: "оцененные случаи и случаи", "иностранным делам и делам Содружества"; a
        dependent noun or agreeing adjective after the second: "уровня или уровня штата", "الأمن
        أو الأمن الاقتصادي"; a participle before the first and another after the second:
        "extended games or games won"; the language data's ``coordination_modifier_endings``,
        ``coordination_dependent_endings``, ``definite_prefix`` and ``coordination_modifier_word``),
        the finding is info: two things are more likely than a stutter.

    Why it matters:
        MT renders a source pair of near-synonyms (Arabic تعليمات وتوجيهات, "instructions and
        directives") with one English word twice.  The sentence reads as a stutter and loses the second
        meaning.

    Example:
        ``depend on "instructions and instructions given by the Kremlin"`` → flags
        ``instructions and instructions``.
    """
    coords = ctx.data.words("coordinators")
    if not coords:
        ctx.note_once(f"TQ102:{ctx.data.lang}", f"TQ102: no coordinator list for language {ctx.data.lang!r}")
        return ()
    text = segment.text
    # ASCII text holds a coordinator match only as a whole token of its folded tokens (shared
    # with the other checks), and a phrase coordinated with itself as the token before the
    # coordinator again among the three after it: most text needs no regex search then.
    if text.isascii():
        present = _folded(coords).intersection(folded_token_set(text))
        if not present or (_one_token_each(coords)
                           and not _self_coordinated(folded_tokens(text), present)
                           and _ODD_ASCII.search(text) is None):
            return ()
    hits: list[Hit] = []
    reversed_text = ""  # made for the first coordinator: the words before it are matched there
    for m in _coordinator_re(coords).finditer(text):
        after = _WORDS_AFTER.match(text, m.end())
        if not after:
            continue
        if not reversed_text:
            reversed_text = text[::-1]
        before = _WORDS_BEFORE_REVERSED.match(reversed_text, len(text) - m.start())
        if not before:
            continue
        left = before.group()[::-1].split()
        right = after.group().split()
        folded_left = [w.casefold() for w in left]
        folded_right = [w.casefold() for w in right]
        for n in (3, 2, 1):
            if len(left) < n or len(right) < n or folded_left[-n:] != folded_right[:n]:
                continue
            xs, ys = left[-n:], right[:n]
            x = " ".join(xs)
            start = m.start() - len(x)
            if _coordination_is_legitimate(x, m.group(1), ctx.data.words("coordination_idioms"),
                                           text, start) or (
                    n == 1 and x.casefold() in _frequent_words(ctx.lang, _PRONOUN_RANK)):
                # "so oder so", "так ли это или это подделка": a pronoun or particle twice is
                # two clauses or an idiom, not one word rendered twice.
                break
            end = m.end() + len(" ".join(ys))
            narrowing = _NEXT_WORD.match(text, end)
            if narrowing and (narrowing.group(1).casefold() in ctx.data.words(
                    "coordination_narrowers") or _narrowing_word(ctx, narrowing.group(1), xs)):
                # "people and people with disabilities", "at school and at school events",
                # "объекты и объекты критической инфраструктуры": two groups, not a stutter
                break
            if _in_spelled_acronym(ctx, xs[-1], text, start, end) and all(
                    w in ctx.data.words("letter_names") for w in xs):
                break  # "بي إي دي أو بي إي دي إف": PED or PEDV spelled out
            # One conjunct modified, the other not ("финансовый режим или режим
            # программирования", "الأمن أو الأمن الاقتصادي"): two things more likely than a
            # stutter, info.
            modified = _one_conjunct_modified(ctx, xs, text, start, narrowing)
            # Fixed only without a source in view: with one, the double nearly always renders two
            # different source words ("name or username", "do's and don'ts", окопи і траншеї), and
            # cutting it loses one of them (blind judgement of WMT23 fixes: 3 of the 5 judged cuts were
            # rejected).
            with_source = segment.source is not None or bool(segment.meta.get("source_lines"))
            hits.append(Hit(start, end, f"phrase coordinated with itself: '{text[start:end]}'"
                            + (" (one of them modified: two things?)" if modified else ""),
                            suggestion=x, fix=None if with_source or modified else (
                                (start, end, x),),
                            severity=Severity.INFO if modified else None))
            break
    return hits


def _narrowing_word(ctx: CheckContext, word: str, conjunct: list[str]) -> bool:
    """Does ``word``, right after the second conjunct, make it a longer phrase of its own: the
    head of a compound ("school events", "land prices") or a post-modifier in an oblique case
    ("объекты критической инфраструктуры")?  The language data's ``coordination_narrowing_word``
    is a regex the whole word must match (no data: never).  A conjunct of modifier words
    (``coordination_modifier_word``: "newly built or newly built properties") modifies the head
    on both sides: the stutter stands."""
    pattern = ctx.data.get("coordination_narrowing_word", default=None)
    if not pattern or re.fullmatch(pattern, word) is None:
        return False
    modifier = ctx.data.get("coordination_modifier_word", default=None)
    return not (modifier and any(re.fullmatch(modifier, w, re.IGNORECASE) for w in conjunct))


def _ends_with(word: str, endings: frozenset[str]) -> bool:
    return len(word) > 3 and any(word.endswith(e) for e in endings if len(word) > len(e) + 2)


def _one_conjunct_modified(ctx: CheckContext, xs: list[str], text: str, start: int,
                           after: re.Match[str] | None) -> bool:
    """Whether one conjunct of ``X and X`` has a modifier the other lacks, by the language
    data: an adjective or participle right before the first (``coordination_modifier_endings``:
    "оцененные случаи и случаи"), a dependent noun right after the second
    (``coordination_dependent_endings``: "уровня или уровня штата"), an adjective after the
    second that agrees with a definite noun (``definite_prefix``: "الأمن أو الأمن الاقتصادي"), or
    a participle on each side (``coordination_modifier_word``: "extended games or games won")."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    word_before = before.group(1).casefold() if before else ""
    word_after = after.group(1).casefold() if after else ""
    if word_before and _ends_with(word_before, ctx.data.words("coordination_modifier_endings")):
        return True
    if word_after and _ends_with(word_after, ctx.data.words("coordination_dependent_endings")):
        return True
    definite = ctx.data.get("definite_prefix", default="")
    if definite and xs[0].startswith(definite) and word_after.startswith(definite):
        return True
    # Each conjunct narrowed its own way, a participle before the first and one after the
    # second ("extended games or games won", ``coordination_modifier_word``): two sets.
    modifier = ctx.data.get("coordination_modifier_word", default=None)
    return bool(modifier and word_before and word_after
                and re.fullmatch(modifier, word_before) and re.fullmatch(modifier, word_after))


def _coordination_is_legitimate(x: str, conj: str, idioms: frozenset[str], text: str, start: int) -> bool:
    phrase = f"{x} {conj} {x}".casefold()
    if any(phrase in i.casefold() or i.casefold() in phrase for i in idioms):
        return True
    if x[:1].isupper() and not _sentence_initial(text, start):
        return True  # names: "P. Diddy or Diddy"
    low = x.casefold()
    return " " not in x and (low.endswith("er") or low in {"more", "less"} or x.isdigit())


#: Up to three words right before / after a coordinator (single spaces between them).  The words
#: before are matched backwards, in the reversed text, from the coordinator: a search that ends at
#: the coordinator would scan the text from its start for every coordinator.
#: ASCII characters that are neither white space, nor a letter, digit, apostrophe or hyphen,
#: nor a separator of :func:`folded_tokens`: beside one, a word of the coordination regexes is
#: no whole folded token.
_ODD_ASCII = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


@cache
def _one_token_each(words: frozenset[str]) -> bool:
    """Whether every word of ``words`` is one folded token (letters only)."""
    return all(w.isalpha() for w in words)


def _self_coordinated(tokens: list[str], coordinators: Iterable[str]) -> bool:
    """Whether a token right before one of ``coordinators`` (folded, one token each) stands
    again among the three tokens after it: what ``X and X`` (X of one to three words) needs.  In
    ASCII text without :data:`_ODD_ASCII`, the words the regexes of
    :func:`find_doubled_coordination` compare are whole folded tokens (letters bounded by white
    space, punctuation or the text's ends), and the coordinator with one space on each side is
    a token between them."""
    for c in coordinators:
        i = tokens.index(c)
        while True:
            if i and tokens[i - 1] in tokens[i + 1:i + 4]:
                return True
            try:
                i = tokens.index(c, i + 1)
            except ValueError:
                break
    return False


_WORDS_BEFORE_REVERSED = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}(?![\w'’-])")
_WORDS_AFTER = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}(?![\w'’-])")
_coord_cache: dict[frozenset[str], re.Pattern[str]] = {}


@cache
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _coordinator_re(coords: frozenset[str]) -> re.Pattern[str]:
    pat = _coord_cache.get(coords)
    if pat is None:
        alts = "|".join(sorted(map(re.escape, coords), key=len, reverse=True))
        # A letter, a space, the coordinator, a space, a letter.  The pattern starts with the
        # space (the letter is a lookbehind after it): a literal start lets the regex engine skip
        # to the spaces instead of trying every position.
        pat = _coord_cache[coords] = re.compile(rf" (?<=[^\W\d_] )((?i:{alts})) (?=[^\W\d_])")
    return pat


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 40) : pos].rstrip(" \ufffc\"'“‘«(")
    if re.search(r"(?:^|\s)[A-Z]\.$", before):
        return False  # an initial: "P. Diddy"
    return not before or before[-1] in ".!?\n" or pos - len(before) >= pos


@register("TQ103", "repeated-phrase", Severity.WARNING, scope="segment", mirrored=True)
def find_repeated_phrases(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Sequence[Hit]:
    """A phrase of two to eight words repeated back to back.

    What it does:
        Finds a run of 2–8 words followed at once by the same words ("of the meeting of the meeting"),
        or, over a comma, a run of three words or more inside its clause ("… said that the
        situation is under control, the situation is under control"; not a chant or line that
        opens with the phrase, "Pump it out, pump it out", nor "if X, X …"); in Chinese and
        Japanese, four characters or more said twice ("将继续加强监管，将继续加强监管"), not
        across a full stop where the next sentence goes on from the term ("…直线折旧。直线折旧法…")
        nor across an ASCII comma (a list of aliases).  A phrase from a copula or auxiliary to
        a content word said twice right after a relative word or subordinator (the language's
        ``clause_openers``: "qui est seule est seule parce que …") is info: the clause ends on
        the predicate its main clause repeats.
        Three or more copies are a generation loop (TQ105) instead.  Copies on two lines (one
        line's end, the next line's start: two chat messages, two source lines) are info.

    Why it matters:
        Repeated phrases come from decoder stutter or from joining overlapping segments; readers notice
        them at once.

    Example:
        ``the minister of the minister of foreign affairs`` → flags ``the minister of the minister of``.
    """
    text = segment.text
    repeats = find_adjacent_repeats(text)
    if not repeats:
        return ()
    hits: list[Hit] = []
    idioms = ctx.data.words("coordination_idioms")
    coords = ctx.data.words("coordinators")
    for rep in repeats:
        if rep.n < 2 or rep.copies != 2:
            continue
        around = text[max(0, rep.start - 20) : rep.end + 20].casefold()
        if any(i.casefold() in around for i in idioms):
            continue  # "and more and more of them": an idiom, not a stutter
        words = rep.unit.casefold().split()
        if len(words) == 2 and (words[0] in coords or words[1] in coords) and any(
            w.endswith("er") or w in {"more", "less"} for w in words
        ):
            continue  # "faster and faster and …": a comparative idiom
        if "\n" in text[rep.start:rep.end]:
            # "… than in Ukraine / in Ukraine prices are …": the copies stand on two lines, each a
            # message (or a line translated from its own source line) of its own: a speaker
            # picking up a word, not a stutter of one sentence.
            hits.append(Hit(rep.start, rep.end, f"phrase repeated across a line break: "
                            f"'{rep.unit}'", severity=Severity.INFO))
            continue
        if _clause_then_main(rep, text, ctx):
            hits.append(Hit(rep.start, rep.end, f"phrase repeated: '{rep.unit}' (a relative or "
                            "subordinate clause ending as its main clause goes on?)",
                            severity=Severity.INFO))
            continue
        hits.append(Hit(rep.start, rep.end, f"phrase repeated: '{rep.unit}'", suggestion=rep.unit))
    return hits


def _clause_then_main(rep: _Repeat, text: str, ctx: CheckContext) -> bool:
    """A phrase of two or three words said twice right after a relative word or subordinator
    (the language's one-word ``clause_openers``), from a copula or auxiliary to a content word:
    the clause ends on
    the predicate the main clause then repeats ("Chaque personne qui est seule est seule parce
    que …", "whoever is alone is alone")."""
    words = rep.unit.casefold().split()
    function, never_final = ctx.data.words("function_words"), never_final_words(ctx.lang)
    # The phrase opens with a verb of the function words (a copula or auxiliary: "est", "is"),
    # not an article or preposition ("que la casa la casa" is a stutter), and ends on a content
    # word.
    if (not 2 <= len(words) <= 3 or words[0] not in function or words[0] in never_final
            or words[-1] in function or words[-1] in never_final):
        return False
    m = _WORD_BEFORE.search(text, max(0, rep.start - 40), rep.start)
    if m is None:
        return False
    openers = {o.casefold() for o in ctx.data.words("structure", "clause_openers") if " " not in o}
    return m.group(1).casefold() in openers


@register("TQ105", "generation-loop", Severity.ERROR, scope="segment", past_preconditions=True)
def find_generation_loops(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Sequence[Hit]:
    """A word or phrase repeated three or more times in a row: the decoder looped.

    What it does:
        Finds a unit of 1–8 words repeated at least three times back to back (over spaces, or over
        commas for phrases and for a word repeated five times), and a word repeated four times or
        more with any other separator ("man-man-man-man"); in Chinese and Japanese, a run of two
        characters or more (two different ones) three times over ("发展发展发展").  It runs in
        sentences a precondition called foreign too: a loop is often what made them look
        foreign.

    Why it matters:
        Loops ("and the and the and the …") are the classic failure of neural decoders on hard or
        out-of-domain input; the rest of the sentence is usually lost too.

    Example:
        ``the talks talks talks talks ended`` → flags ``talks talks talks talks``.
    """
    text = segment.text
    repeats = find_adjacent_repeats(text)
    joined = _SEPARATOR_HINT.search(text) is not None
    if not repeats and not joined:
        return ()
    hits: list[Hit] = []
    # A word whose double is grammar ("had had", "die die": two parts of a sentence) is never
    # said three times; the other legitimate doubles are emphasis or laughter ("no no no").
    legit = ctx.data.words("legitimate_doubles") - ctx.data.words("grammatical_doubles")
    for rep in repeats:
        if rep.copies >= 3 and not (rep.n == 1 and rep.unit.casefold() in legit and (
                rep.copies == 3 or rep.comma)):
            hits.append(Hit(rep.start, rep.end,
                            f"generation loop: '{rep.unit}' repeated {rep.copies} times",
                            suggestion=rep.unit))
    if joined:
        for m in _SEPARATED_LOOP.finditer(text):
            unit = m.group(1)
            if unit.casefold() in legit or any(h.start < m.end() and m.start() < h.end for h in hits):
                continue
            copies = len(_SEPARATED_UNIT.findall(m.group()))
            hits.append(Hit(m.start(), m.end(),
                            f"generation loop: '{unit}' repeated {copies} times", suggestion=unit))
    return hits


#: A separator other than space or comma between words ("man-man-man", "ja/ja/ja").
_SEPARATORS = r"[-‐‑–—~_/|·+*]"
#: Three separated words after a separator: what four copies need (most text has no such run; a
#: search that starts with a character class is fast).
_SEPARATOR_HINT = re.compile(
    rf"{_SEPARATORS}\s?[^\W\d_]{{1,20}}\s?{_SEPARATORS}\s?[^\W\d_]{{1,20}}\s?{_SEPARATORS}")
#: A word repeated four times or more with such separators (perhaps spaced) between the copies.
_SEPARATED_LOOP = re.compile(
    rf"(?<![^\W_])([^\W\d_]{{1,20}})(?:\s?{_SEPARATORS}+\s?\1(?![^\W_])){{3,}}", re.IGNORECASE)
_SEPARATED_UNIT = re.compile(r"[^\W\d_]+")


_MIN_WORDS = 6
#: Hangul syllables or Chinese characters and kana that make a sentence as long as six words of
#: a Latin-script language: Korean writes fewer, longer words, Chinese and Japanese none.
_MIN_DENSE = 16
_DENSE = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def _dense(text: str) -> bool:
    """Is ``text`` a sentence of Korean, Chinese or Japanese long enough to count when said
    twice (:data:`_MIN_DENSE` characters of those scripts)?"""
    return _DENSE.search(text) is not None and len(_DENSE.findall(text)) >= _MIN_DENSE
#: Words of a short sentence that counts when repeated at once.
_MIN_BACK_TO_BACK = 3
_MIN_PARTIAL = 8
#: Sentences compared: a repeat far away is a deliberate quotation (a pull quote, a summary); MT and
#: pasting errors repeat nearby.  This also bounds memory on huge files.
_WINDOW = 100


#: Paragraphs apart within which a repeated sentence is a warning; further apart it is info.
_NEAR_PARAGRAPHS = 2


def _place(n: int, count: int) -> int:
    """Where sentence ``n`` of a paragraph of ``count`` stands: -1 first, 1 last, 0 otherwise (or
    alone: a one-sentence paragraph said again is a stutter, not a template)."""
    if count < 2 or n < 0:
        return 0
    return -1 if n == 0 else 1 if n == count - 1 else 0


def _complete(sentence: str) -> bool:
    """Whether ``sentence`` ends like one (a headline or summary line does not)."""
    return sentence.rstrip("\"'”’»)")[-1:] in ".!?…"


def _title_of(title: Segment, body: Segment) -> bool:
    """Whether ``title``, a line without final punctuation, is a stretch of the next paragraph
    ``body`` (a review's title made from its own first words)."""
    if title is body or title.text.rstrip()[-1:] in ".!?…":
        return False
    short, long = folded_tokens(title.text), folded_tokens(body.text)
    if not short or len(short) > len(long):
        return False
    width = len(short)
    return any(long[i:i + width] == short for i in range(len(long) - width + 1))


@register("TQ104", "repeated-sentence", Severity.WARNING, scope="document",
          not_for=("po", "xliff", "json", "android"))
class RepeatedSentences:
    """The same sentence appears twice in the document.

    What it does:
        Compares every sentence of six words or more (in Korean, Chinese and Japanese, sixteen
        characters of those scripts or more; case, spacing and punctuation ignored) with the
        100 sentences before it, and a shorter sentence of three words or more with the one right
        before it and flags the repeat, pointing at the first occurrence; a sentence of
        eight words or more that is the start of an earlier one (or starts with all of it) counts
        too.  Repeats further apart are usually deliberate (pull quotes, summaries), and so is a
        headline or summary line (no final punctuation) restated by a sentence of the body; a copy
        more than two paragraphs after the first is reported as info (boilerplate such as a
        warning label is said twice on purpose).  So is a sentence that opens (or closes) two
        paragraphs of several sentences (the first step of two procedures: a template; re-sent
        chunks copy the end of one paragraph to the start of the next), and a title line without
        final punctuation that quotes the paragraph under it is no repeat at all.

    Why it matters:
        MT pipelines that re-send overlapping chunks, or editors who paste twice, leave whole sentences
        duplicated.

    Example:
        ``Talks will resume on Monday in Antalya.`` … ``Talks will resume on Monday in Antalya.`` →
        flags the second copy.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        # first six words -> (the sentence's folded tokens (joined only when compared), its
        # segment and span (located, and read for its final punctuation, only when repeated),
        # paragraph number, and where in its paragraph it stands: -1 first, 1 last, 0 else)
        self.seen: OrderedDict[str, tuple[list[str], Segment, int, int, int, int]] = (
            OrderedDict())
        self.speech = ctx.data.words("structure", "speech_verbs")
        self.hits: list[Hit] = []
        self.paragraphs = 0  # paragraphs fed so far: how far apart two copies stand

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        self.paragraphs += 1
        previous = ""
        # Places in the paragraph count sentences with words: a list number ("1.") is none.  A
        # paragraph of one sentence has no place to count (:func:`_place`).
        wordy = ([s.index for s in sentences if any(c.isalpha() for c in s.text)]
                 if len(sentences) > 1 else [])
        seen = self.seen
        paragraph_text = segment.text
        for s in sentences:
            text = paragraph_text[s.start:s.end]  # s.text, without a property's call each
            spaces = text.count(" ")
            dense = spaces + 1 < _MIN_WORDS and _dense(text)
            if spaces + 1 < _MIN_WORDS and not dense:
                # A short sentence said twice in a row ("He left. He left.") is a stutter too.
                if spaces + 1 >= _MIN_BACK_TO_BACK and previous and len(text) == len(previous) and (
                        text.casefold() == previous.casefold()) and not text.rstrip(
                        "\"'”’»)").endswith(("...", "…")):  # "It's the... It's the...": hesitation
                    self.hits.append(Hit(s.start, s.end, "sentence repeated back to back",
                                         segment=segment))
                previous = text
                continue
            previous = ""
            words = folded_tokens(text)
            if len(words) < _MIN_WORDS and not dense:
                continue
            # (a paragraph of one sentence has no place: no list of places to search)
            n = wordy.index(s.index) if wordy and s.index in wordy else -2
            head = " ".join(words[:_MIN_WORDS])
            first = seen.get(head)
            if first is not None:
                earlier_words, first_segment, first_start, first_end, paragraph, place = first
                # A copy in the same or the next paragraph is what re-sent chunks leave; copies
                # further apart are more often boilerplate said twice on purpose (a warning label,
                # a sign-off): info.
                far = self.paragraphs - paragraph > _NEAR_PARAGRAPHS
                # The same sentence opening (or closing) two paragraphs of several sentences is a
                # template (the first step of two procedures, a manual's closing line for each
                # display): re-sent chunks copy the end of one paragraph to the start of the next.
                here = _place(n, len(wordy))
                parallel = paragraph != self.paragraphs and here != 0 and here == place
                if _title_of(first_segment, segment):
                    continue  # a review's title cut from its own body
                line, col = first_segment.locate(first_start)
                related = (Location(self.ctx.path, line, col, line, col),)
                complete = _complete(first_segment.text[first_start:first_end])
                severity = Severity.INFO if far or parallel else None
                if parallel and not far:
                    note = " (at the same place in two paragraphs: a template?)"
                else:
                    note = " (far apart)" if far else ""
                if earlier_words == words:  # (tokens hold no space: as their joined texts)
                    if complete:  # a headline or summary bullet restated in the body is not a repeat
                        self.hits.append(Hit(s.start, s.end, f"sentence repeated from line {line}"
                                             + note,
                                             related=related, segment=segment, severity=severity))
                    continue
                shorter, longer = sorted((" ".join(earlier_words), " ".join(words)), key=len)
                extra = set(longer[len(shorter):].split())
                if (len(words) >= _MIN_PARTIAL and complete and longer.startswith(shorter)
                        and not extra & self.speech):
                    # A headline and its lead, or a quote and its attribution, are not repeats.
                    self.hits.append(Hit(s.start, s.end,
                                         f"sentence repeats the sentence on line {line} in part"
                                         + note,
                                         related=related, segment=segment, severity=severity))
                    continue
            seen[head] = (words, segment, s.start, s.end, self.paragraphs,
                          _place(n, len(wordy)) if wordy else 0)
            if first is not None:
                seen.move_to_end(head)
            elif len(seen) > _WINDOW:  # a new key goes last by itself, and may overflow
                seen.popitem(last=False)

    def finish(self) -> list[Hit]:
        return self.hits
