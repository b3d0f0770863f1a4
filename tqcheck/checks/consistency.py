"""Consistency across a document: one name in two transliterations, one word in two spellings,
mixed quote styles.  Memory grows with the vocabulary, not with the text."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations, islice, pairwise, repeat
from operator import add
from typing import Literal

from tqcheck.checks.gates import Gate
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.romanization import Rules, latin_key, rewrite
from tqcheck.checks.target_norms import mark_side
from tqcheck.checks.text import LETTERS, folded_tokens
from tqcheck.checks.transcribed_names import KoreanTranscriptions, TranscribedNames
from tqcheck.checks.unwritten_vowels import UnwrittenVowelNames
from tqcheck.config import prefer_map
from tqcheck.langdata import LanguageData, base_lang
from tqcheck.langid import lexicon_ranks
from tqcheck.model import Edit, Location, Segment, Sentence, Severity

#: Vowels (and the letters for a glide or a softening) that transliterations of one name vary in:
#: Latin, Cyrillic (Биньямин/Беньямин, Наталья/Наталия) and Greek (Ζελένσκι/Ζελένσκυ).
_VOWELS = frozenset("aeiouyj" "аеёиоуыэюяіїєйьъ" "αεηιουω")
#: Endings of English derived forms: two words whose stems match after removing one of these each
#: are related words (Ukraine/Ukrainian, Minister/Ministry), not two spellings of a name.
_ENDINGS = ("", "s", "e", "es", "'s", "’s", "y", "er", "ers", "ry", "ries", "ies", "ian", "ians",
            "an", "ans", "n", "ic", "ics", "ism", "ist", "ists", "ese", "ish", "al", "ia", "a", "ova")


def _derived(a: str, b: str, endings: tuple[str, ...] = _ENDINGS) -> bool:
    """Whether ``a`` and ``b`` are one stem with two endings of ``endings`` (English derivation by
    default; a language's inflection endings from its data: Кореи/Кореей, Million/Millionen)."""
    others, lengths = _ending_index(endings)
    # The endings ``a`` may have: its last characters, one slice and one set lookup for each
    # length an ending has (not an endswith() for each ending).
    for size in lengths:
        cut = len(a) - size
        if cut < 4:
            break  # (shortest first: every longer ending leaves a shorter stem)
        # b is the stem and another ending: one slice and one set lookup, not a loop over them.
        if (e1 := a[cut:]) in others and b.startswith(a[:cut]) and (tail := b[cut:]) != e1 \
                and tail in others:
            return True
    return False


@lru_cache(maxsize=64)
def _ending_index(endings: tuple[str, ...]) -> tuple[frozenset[str], tuple[int, ...]]:
    """``endings`` as a set, and the lengths of its endings, shortest first."""
    return frozenset(endings), tuple(sorted({len(e) for e in endings}))


def _doubled_letter_only(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short and i > 0 and long_[i] == long_[i - 1]
               for i in range(len(long_)))


_MAX_REPEATS = 8
#: Distinct capitalised words of the lexicon kept per document (German nouns): a bound on memory.
_MAX_NOUNS = 20000

#: The stretch of text (in characters, about 700 words) within which two spellings of a name are
#: taken to stand in one article.  Spellings whose occurrences are never within one stretch of
#: each other (nearest more than one to two stretches apart) are reported as info: a file that
#: concatenates documents (a news feed, a test set) has unrelated people and places with similar
#: names (Yuri/Yuriy, Maya/Maia) and each document's own, consistent, spelling.
_NEAR_CHARS = 4000


#: Occurrences of one spelling whose positions are remembered (for :func:`_own_passage`).
_MAX_POSITIONS = 64
#: Occurrences in a row that make a spelling the settled choice of its own passage.
_PASSAGE_RUN = 3


_IDENTIFIER_JOINS = frozenset("_/.\\@#$%<>=")


#: The most occurrences of one spelling a unifying fix rewrites.
MAX_FIX_SPOTS = 30


class _Occurrence:
    """Where a spelling first stands in a document, how often it is used and, for a fix that
    rewrites it, where (the first :data:`MAX_FIX_SPOTS` uses).  One per distinct spelling, with
    slots and containers made on first need: a document has thousands, and every container kept
    is one more object for each full garbage collection to walk."""

    __slots__ = ("count", "end", "segment", "spots", "start")

    def __init__(self, segment: Segment, start: int, end: int, count: int = 1) -> None:
        self.segment = segment
        self.start = start
        self.end = end
        self.count = count
        #: Where the spelling stands, for a fix that rewrites it (the first :data:`MAX_FIX_SPOTS`
        #: occurrences, ``(segment, start, end)``): made into edits only for a fix
        #: (:func:`unify_fix`), which most spellings never get.
        self.spots: list[tuple[Segment, int, int]] | None = None

    def spot(self, segment: Segment, start: int, end: int) -> None:
        if self.count > MAX_FIX_SPOTS:
            return
        if self.spots is None:
            self.spots = [(segment, start, end)]
        else:
            self.spots.append((segment, start, end))


def _spot_edits(places: list[tuple[Segment, int, int]]) -> list[Edit] | None:
    """The places of a spelling as edits in file coordinates, without those holding masked text;
    None when one stands inside an identifier, a path or in capitals
    (``DEB_BUILD_MULTIARCH``): such occurrences are not prose and are never rewritten."""
    edits = []
    for segment, start, end in places:
        text = segment.text
        word = text[start:end]
        if (text[start - 1:start] in _IDENTIFIER_JOINS or text[end:end + 1] in _IDENTIFIER_JOINS
                or (word.isupper() and len(word) > 1)):
            return None
        edit = segment.edit(start, end, "")
        if edit is not None:
            edits.append(edit)
    return edits


class _Name(_Occurrence):
    """A capitalised spelling TQ501 has seen: an :class:`_Occurrence` that also knows whether it
    stands as a name, the capitalised words beside it and where it stands in the document.  Its
    later uses are spotted for a fix only when one is made (:func:`unify_fix`): most spellings
    never get one.  Most spellings stand once: what only a second use needs is made then."""

    __slots__ = ("far_blocks", "first_position", "later_segments", "later_starts",
                 "more_positions", "neighbours", "proper")

    def __init__(self, segment: Segment, start: int, end: int, position: int) -> None:
        super().__init__(segment, start, end)
        self.proper = False  # seen capitalised away from a sentence start
        self.neighbours: set[str] | None = None
        #: Where the spelling first stands (characters from the document's start).
        self.first_position = position
        #: From the second occurrence: where the first :data:`_MAX_POSITIONS` stand.
        self.more_positions: array[int] | None = None
        #: Past those: the stretches of :data:`_NEAR_CHARS` characters it occurs in, in order.
        self.far_blocks: array[int] | None = None
        #: The later occurrences, at most :data:`MAX_FIX_SPOTS` - 1: segments and starts.
        self.later_segments: list[Segment] | None = None
        self.later_starts: array[int] | None = None

    def seen_again(self, segment: Segment, start: int, position: int) -> None:
        self.count += 1
        positions, later, starts = self.more_positions, self.later_segments, self.later_starts
        if positions is None or later is None or starts is None:
            self.more_positions = array("q", (self.first_position, position))
            self.later_segments = [segment]
            self.later_starts = array("q", (start,))
            return
        if len(positions) < _MAX_POSITIONS:
            positions.append(position)
        else:
            blocks = self.far_blocks
            if blocks is None:
                blocks = self.far_blocks = array("q", sorted({p // _NEAR_CHARS for p in positions}))
            block = position // _NEAR_CHARS
            if blocks[-1] != block:
                blocks.append(block)
        if len(later) < MAX_FIX_SPOTS - 1:
            later.append(segment)
            starts.append(start)

    @property
    def positions(self) -> Sequence[int]:
        """Where the spelling stands, the first :data:`_MAX_POSITIONS` occurrences."""
        return self.more_positions if self.more_positions is not None else (self.first_position,)

    def stretches(self) -> set[int]:
        """The stretches of :data:`_NEAR_CHARS` characters of the document the spelling occurs
        in: two spellings far apart in a file that concatenates documents may name two people."""
        if self.far_blocks is not None:
            return set(self.far_blocks)
        return {p // _NEAR_CHARS for p in self.positions}

    def places(self, limit: int = MAX_FIX_SPOTS) -> list[tuple[Segment, int, int]]:
        """The first ``limit`` occurrences recorded, ``(segment, start, end)``, in order."""
        found = [(self.segment, self.start, self.end)]
        if self.later_segments is not None and self.later_starts is not None:
            size = self.end - self.start  # one spelling: every occurrence is as long
            found.extend((seg, start, start + size) for seg, start in
                         zip(self.later_segments[:limit - 1], self.later_starts, strict=False))
        return found

    @property
    def later(self) -> list[tuple[Segment, int, int]]:
        """The later occurrences reported with the first: at most :data:`_MAX_REPEATS`."""
        return self.places(_MAX_REPEATS + 1)[1:]

    def add_neighbour(self, word: str) -> None:
        if self.neighbours is None:
            self.neighbours = {word}
        else:
            self.neighbours.add(word)

    def shares_neighbour(self, other: _Name) -> bool:
        """Whether the two spellings stand beside one same capitalised word (Dmytro Kuleba,
        Dmitry Kuleba)."""
        return bool(self.neighbours and other.neighbours
                    and not self.neighbours.isdisjoint(other.neighbours))


#: The most distinct names of several words remembered per document: a bound on memory.
_MAX_INSTITUTIONS = 4000


class _InstitutionNames:
    """Names of three capitalised words or more joined by the language's connectors (``Chinese
    Academy of Sciences``, ``Ministry of Communication and Informatics``), and the pairs of them
    that are one name with some of its words in another form (``China Academy of Science``,
    ``Ministry of Communication and Information``): the same shape, at least one word the same,
    and every other word another form of its counterpart (an ending of the language's
    ``inflection_endings`` or an English derivation, or six letters or more in common and at
    most three after them), never a title beside the office it heads (Minister/Ministry)."""

    __slots__ = ("connectors", "endings", "longest", "seen")

    def __init__(self, connectors: frozenset[str], endings: tuple[str, ...]) -> None:
        self.connectors = connectors
        #: The longest gap between two words of a name: a connector between two spaces.
        self.longest = max(map(len, connectors), default=0) + 2
        self.endings = endings
        #: shape (the connectors in order) -> name (its words) -> first place, count, positions
        self.seen: dict[tuple[str, ...], dict[tuple[str, ...], _Name]] = {}

    def feed(self, segment: Segment, matches: list[tuple[str, int, int]], base: int) -> None:
        """Note the runs of three capitalised words or more (``matches``: TQ501's) joined by
        spaces and connectors."""
        text = segment.text
        connectors, longest = self.connectors, self.longest
        first = 0
        end = matches[0][2]
        for k in range(1, len(matches)):
            start = matches[k][1]
            gap = start - end
            # Integer tests first: most capitalised words of a sentence stand far apart.
            if not ((gap == 1 and text[end] == " ") or (
                    3 <= gap <= longest and text[end] == " " == text[start - 1]
                    and text[end + 1:start - 1] in connectors)):
                if k - first >= 3:
                    self._note(segment, matches[first:k], base)
                first = k
            end = matches[k][2]
        if len(matches) - first >= 3:
            self._note(segment, matches[first:], base)

    def _note(self, segment: Segment, run: list[tuple[str, int, int]], base: int) -> None:
        if len(run) < 3:
            return
        text = segment.text
        gaps = tuple(text[a[2]:b[1]].strip() for a, b in pairwise(run))
        # A title or an article before the name ("The", "President") is no part of it.
        while run and run[0][0] in _NOT_EVIDENCE:
            run, gaps = run[1:], gaps[1:]
        if len(run) < 3 or not any(gaps):
            return
        # A name inside a longer one is a name too: the Chinese Academy of Sciences in the
        # Institute of Physics of the Chinese Academy of Sciences.
        for i in range(1, len(gaps) - 1):
            if gaps[i]:
                self._add(segment, run[i + 1:], gaps[i + 1:], base)
        self._add(segment, run, gaps, base)

    def _add(self, segment: Segment, run: list[tuple[str, int, int]], gaps: tuple[str, ...],
             base: int) -> None:
        if len(run) < 3 or not any(gaps):
            return
        words = tuple(w for w, _, _ in run)
        names = self.seen.setdefault(gaps, {})
        start, end = run[0][1], run[-1][2]
        occ = names.get(words)
        if occ is None:
            if len(names) < _MAX_INSTITUTIONS:
                names[words] = _Name(segment, start, end, base + start)
        else:
            occ.seen_again(segment, start, base + start)

    def _word_variant(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if a in _NOT_EVIDENCE or b in _NOT_EVIDENCE:
            return False  # Minister of Foreign Affairs … Ministry of Foreign Affairs
        ca, cb = a.casefold(), b.casefold()
        if _derived(ca, cb, self.endings) or _derived(ca, cb):
            return True
        common = 0
        for x, y in zip(ca, cb, strict=False):
            if x != y:
                break
            common += 1
        # One stem, two short endings (Informatics/Information), not two words made from one
        # (Internal/International).
        return common >= 6 and max(len(ca), len(cb)) - common <= 3

    def finish(self, path: str) -> list[Hit]:
        hits: list[Hit] = []
        for names in self.seen.values():
            if len(names) < 2:
                continue
            ranked = sorted(names.items(), key=lambda kv: kv[1].first_position)
            for i, (a, occ_a) in enumerate(ranked):
                for b, occ_b in ranked[i + 1:]:
                    same = sum(1 for x, y in zip(a, b, strict=True) if x == y)
                    if same == 0 or not all(map(self._word_variant, a, b)):
                        continue
                    hits.extend(self._report(occ_a, occ_b, path))
        return hits

    @staticmethod
    def _report(occ_a: _Name, occ_b: _Name, path: str) -> list[Hit]:
        # The one used more stays (on a tie, the one used first): the other is to change.
        keep_a = occ_a.count >= occ_b.count
        near = _near(occ_a.stretches(), occ_b.stretches())
        out: list[Hit] = []
        for occ, other, kept in ((occ_a, occ_b, keep_a), (occ_b, occ_a, not keep_a)):
            seg = other.segment
            message = (f"name spelled two ways: '{occ.segment.text[occ.start:occ.end]}' "
                       f"({occ.count}×) and '{seg.text[other.start:other.end]}' (line "
                       f"{seg.locate(other.start)[0]}, {other.count}×)")
            severity = None
            if kept:
                severity = Severity.INFO
                message += "; the spelling to keep"
            elif not near:
                severity = Severity.INFO
                message += "; far apart in the file (two documents?)"
            related = (Location(path, *seg.locate(other.start), *seg.locate(other.end)),)
            out.extend(Hit(start, end, message, related=related, segment=s, severity=severity)
                       for s, start, end in occ.places(_MAX_REPEATS + 1))
        return out


def _own_passage(occ: _Name, others: list[_Name]) -> bool:
    """Whether a spelling is used at least :data:`_PASSAGE_RUN` times with none of the others'
    occurrences between its first and last: a passage consistent with itself (in a file that
    concatenates documents, one document's own choice: Zelenskyi in one article, Zelenskyy in
    the others)."""
    if occ.count < _PASSAGE_RUN or len(occ.positions) != occ.count:
        return False
    first, last = occ.positions[0], occ.positions[-1]
    return all(len(o.positions) == o.count and not any(first < p < last for p in o.positions)
               for o in others)


def _near(a: set[int], b: set[int]) -> bool:
    """Whether two spellings' occurrence stretches touch (:data:`_NEAR_CHARS`)."""
    small, large = sorted((a, b), key=len)
    return any(k in large or k - 1 in large or k + 1 in large for k in small)


def _with_case_of(word: str, model: str) -> str:
    """``word`` (as the document writes it) with the initial of ``model``: ``Ceasefire`` where a
    sentence starts, ``ceasefire`` elsewhere; inner capitals (``Depot-Datei``) are kept."""
    if model[:1].islower() and word[:1].isupper() and word[1:] == word[1:].lower():
        return word[:1].lower() + word[1:]
    if model[:1].isupper() and word[:1].islower():
        return word[:1].upper() + word[1:]
    return word


def preferred_spelling(spellings: list[str], counts: dict[str, int], ctx: CheckContext,
                       fold: Callable[[str], str]) -> str | None:
    """The spelling a group of variants is unified to: the one ``--prefer`` names (the option
    maps a spelling or name to the spelling wanted), else a required target term of the glossary,
    else the document's clear majority (:func:`clear_majority`); None when nothing decides."""
    prefer = prefer_map(ctx.settings.language.prefer)
    folded = {fold(s): s for s in spellings}
    for key, wanted in prefer.items():
        if fold(key) in folded or fold(wanted) in folded:
            return wanted
    for target in _glossary_targets(ctx):
        if fold(target) in folded:
            return folded[fold(target)]
    ranked = sorted(spellings, key=lambda s: -counts[s])
    if (len(ranked) > 1 and clear_majority(counts[ranked[0]], counts[ranked[1]])
            and outdated_spelling(ranked[0], ctx.lang) is None):
        return ranked[0]
    return None


def kept_spelling(spellings: list[str], counts: dict[str, int], ctx: CheckContext,
                  winner: str | None) -> str | None:
    """The spelling a document settles on, to keep: the one a fix unifies to, else the current
    spelling of an outdated one in the group, else the one used most; None on a tie."""
    if winner:
        return winner
    current = {outdated_spelling(s, ctx.lang) for s in spellings} - {None}
    for s in spellings:
        if s in current:
            return s
    ranked = sorted(spellings, key=lambda s: -counts[s])
    if counts[ranked[0]] > counts[ranked[1]] and outdated_spelling(ranked[0], ctx.lang) is None:
        return ranked[0]
    return None


def outdated_spelling(spelling: str, lang: str | None) -> str | None:
    """The current spelling of ``spelling`` when the language data marks it outdated (Kiev:
    Kyiv; ``[outdated.LANG]`` of ``name_variants.toml``), else None.  No fix unifies toward an
    outdated spelling, however many times a document writes it."""
    return _outdated(base_lang(lang) or "").get(spelling)


@cache
def _outdated(lang: str) -> dict[str, str]:
    from tqcheck.datapack import builtin_table

    table = builtin_table("name_variants.toml").get("outdated", {}).get(lang, {})
    return {old: str(entry["current"]) for old, entry in table.items()}


#: A spelling is unified toward the document's majority only when that majority is clear: at
#: least this many occurrences, and at least twice as many as the next spelling.  Two against one
#: is no evidence (Sukawa ×2, Sugawa ×1 for 須川: the one is right).
MAJORITY_AT_LEAST = 3


def clear_majority(top: int, second: int) -> bool:
    """Do ``top`` occurrences of one spelling, against ``second`` of the next, decide it?"""
    return top >= MAJORITY_AT_LEAST and top >= 2 * second


def _glossary_targets(ctx: CheckContext) -> tuple[str, ...]:
    glossary = ctx.resources.glossary(ctx.source_lang, ctx.lang)
    if glossary is None:
        return ()
    return tuple(t for term in glossary.terms for t in term.targets)


def unify_fix(occ: _Occurrence, spelling: str, winner: str) -> tuple[Edit, ...] | None:
    """Edits rewriting every recorded occurrence of ``spelling`` as ``winner`` (None when some
    occurrences were not recorded)."""
    if occ.count > MAX_FIX_SPOTS:
        return None
    spots = _spot_edits(occ.places() if isinstance(occ, _Name) else occ.spots or [])
    if spots is None or len(spots) != occ.count:
        return None
    return tuple(Edit(e.line, e.col, e.end_line, e.end_col, _with_case_of(winner, e.before), e.before)
                 for e in spots)


#: Titles and other capitalised words that say nothing about which person a name refers to.
_NOT_EVIDENCE = frozenset(
    [
        "President", "Minister", "Prime", "Foreign", "Mr", "Mrs", "Ms", "Dr", "Prof", "Sir",
        "General", "Secretary", "King", "Queen", "Prince", "Senator", "Governor", "Mayor",
        "Chancellor", "Chairman", "Director", "Judge", "Officer", "Captain", "Coach", "Pope",
        "Saint", "St", "The", "A", "An", "In", "On", "At", "Of", "And", "For", "To", "By", "With",
        "From"
    ]
)
_MAX_NEIGHBOURS = 16


#: A word in Cyrillic or Greek letters.
_INFLECTED_SCRIPT = re.compile("[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]")
#: Final letters that transliterate one sound: Latin y/i, Greek ι/υ/η (Ζελένσκι/Ζελένσκυ).
_FINAL_I = (frozenset("yi"), frozenset("ιυη"))


def _suffix_variant(a: str, b: str) -> bool:
    """Variants that differ only in a transliterated ending: -ey/-ei, -y/-yy, -iy/-y, Greek
    -ι/-υ/-η (>= 5 letters)."""
    if min(len(a), len(b)) < 5:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(a) == len(b):
        return a[:-1] == b[:-1] and a[-1] != b[-1] and any(
            {a[-1], b[-1]} <= final for final in _FINAL_I)
    return long_ in {short + "y", short[:-1] + "iy"} and short.endswith("y")


def _skeleton(word: str) -> str:
    """Consonant skeleton with doubled letters collapsed: Dmytro, Dmitry → dmtr."""
    out: list[str] = []
    for ch in word.casefold():
        if ch in _VOWELS or not ch.isalpha():
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    return "".join(out)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """The edit distance of ``a`` and ``b`` where it is ``limit`` or less, else ``limit`` + 1:
    only the cells within ``limit`` of the diagonal are computed (the others hold more), and the
    rows stop where every cell of one holds more (the later ones hold no less)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    over = limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [over] * (len(b) + 1)
        cur[0] = min(i, over)
        for j in range(max(1, i - limit), min(len(b), i + limit) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != b[j - 1]))
        if min(cur) > limit:
            return over
        prev = cur
    return min(prev[-1], over)


def transliteration_variants(a: str, b: str, endings: tuple[str, ...] = _ENDINGS) -> bool:
    """Two spellings of one name: same first letter and consonant skeleton, differing only in
    vowels, y/j and doubled letters, by at most 2 edits (3 for long names), and neither a derived
    form of the other (Ukraine/Ukrainian, Turk/Turks)."""
    if a == b or a[0].casefold() != b[0].casefold() or min(len(a), len(b)) < 4:
        return False
    la, lb = a.casefold(), b.casefold()
    if _skeleton(la) != _skeleton(lb) or len(_skeleton(la)) < 2:
        return False
    if _derived(la, lb, endings) and not _doubled_letter_only(la, lb):
        return False
    if la.rstrip("aeiouy") == lb.rstrip("aeiouy") and la[-1] in "ai" and lb[-1] in "ai":
        return False  # Latin-style endings (Maria/Marie are the same name, but -a/-i are inflection)
    limit = 3 if min(len(la), len(lb)) >= 7 else 2
    return _edit_distance(la, lb, limit) <= limit


_OPENING = frozenset(" \"'“‘«„(¿¡\ufffc")
_DOUBLES = re.compile(r"(.)\1+")


def _at_sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in _OPENING:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


#: Vietnamese capitals with two marks (Ạ … Ỹ, among their lower-case forms in one block).
_VIETNAMESE_UPPER = "".join(c for c in map(chr, range(0x1EA0, 0x1EFA)) if c.isupper())
#: Capitals and lower-case letters of names: Latin with its extensions (Romanian Ș Ț with the
#: comma below, Azerbaijani Ə, Vietnamese Ơ Ư and the letters with two marks, pinyin's tones
#: ǎ ǐ ǒ ǔ), Cyrillic and Greek.
_UPPER = ("A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚƏƠƯ"
          + _VIETNAMESE_UPPER + "А-ЯЁІЇЄҐΑ-ΩΆΈΉΊΌΎΏ")
_LOWER = "a-zß-öø-ÿā-žșțəơưǎǐǒǔǖǘǚǜạ-ỹа-яёіїєґıα-ωάέήίόύώϊϋΐΰ"
#: A capitalised word, optionally with an Arabic article ("al-Sisi", "El-Sisi") or a hyphenated
#: second part ("Wen-bin"): ``(?<![\w'’-])(?:(?:[Aa][lrsdtzn]|[Ee]l|[Aa]sh)-)?[A-Z][a-z]+(?:-…)?``.
#: Written to start with a character class — the first letter, with the lookbehind after it, then
#: the article or the capital told by a lookbehind on that letter — because the regex engine then
#: skips to candidate letters in a tight loop instead of trying the whole pattern at every position.
#: An apostrophe inside a name for ʿayn or hamza (Sana'a, Qur'an), not a possessive 's or 'd.
_INNER_APOSTROPHE = rf"(?:['’](?!(?:s|d|ll|ve|re|m|t)(?![{_LOWER}]))[{_LOWER}]+)?"
#: The apostrophe of an aspirated initial in Wade-Giles and McCune-Reischauer (T'ai-pei,
#: K'ang, P'yŏngyang).
_ASPIRATED = r"(?:(?<=[KPT])['’](?=[aeiouŏŭ]))?"
#: The same in the second part of a hyphenated Wade-Giles name (Chin-p'ing, Ching-k'uo, Tse-ch'ing).
_ASPIRATED_PART = r"(?:(?:[KkPpTt]|[Cc]h)['’](?=[aeiouŏŭ]))?"
#: The end of a name: no letter or apostrophe after it, but for an English possessive
#: ("Zelenskyy's visit", "Putin’s"): the name before it counts.
_WORD_END = r"(?:(?![\w'’])|(?=['’]s(?![\w'’])))"
_CAPITALISED = re.compile(
    rf"[AaEe{_UPPER}](?<![\w'’-].)"
    rf"(?:(?<=[Aa])(?:[lrsdtzn]|sh)-[{_UPPER}]|(?<=[Ee])l-[{_UPPER}]|(?<=[{_UPPER}]))"
    rf"{_ASPIRATED}[{_LOWER}]+{_INNER_APOSTROPHE}(?:-{_ASPIRATED_PART}[{_UPPER}{_LOWER}][{_LOWER}]+)?"
    rf"{_WORD_END}"
)
#: The same for text without a hyphen (no article, no second part): starting with a capital only,
#: the regex engine skips the frequent a and e that may start an article.
_CAPITALISED_UNHYPHENATED = re.compile(
    rf"[{_UPPER}](?<![\w'’-].){_ASPIRATED}[{_LOWER}]+{_INNER_APOSTROPHE}{_WORD_END}")
_ARTICLE = re.compile(r"^(?:[Aa][lrsdtzn]|[Ee]l|[Aa]sh)-(?=[" + _UPPER + "])")
_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
                             "-": None, "'": None, "’": None})


def fold_name(word: str, letters: dict[int, str] | None = None) -> str:
    """Diacritics, Arabic article and hyphens removed, case folded: Çavuşoğlu → cavusoglu,
    al-Sisi → sisi, Wen-bin → wenbin.  ``letters`` spells out letters the language writes
    otherwise without its diacritic (German ü → ue), before the rest are stripped."""
    import unicodedata

    core = _ARTICLE.sub("", word)
    if letters:
        core = core.translate(letters)
    if core.isascii():  # nothing to decompose, and casefold() is lower()
        return core.lower().translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", core.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD_EXTRA)


@cache
def _known_groups() -> list[frozenset[str]]:
    from tqcheck.datapack import builtin_table

    return [frozenset(g) for g in builtin_table("name_variants.toml")["groups"] if len(g) > 1]


@lru_cache(maxsize=32)
def _known_keys(orthography: Rules) -> dict[str, tuple[int, ...]]:
    """The romanization keys of every known group's spellings (plain and through a target's
    ``name_orthography``): key -> the indexes of the groups that hold it."""
    from tqcheck.checks.romanization import latin_key, orthography_key

    keyed: dict[str, set[int]] = defaultdict(set)
    for index, group in enumerate(_known_groups()):
        for w in group:
            keyed[latin_key(w)].add(index)
            keyed[orthography_key(w, orthography)].add(index)
    return {key: tuple(sorted(found)) for key, found in keyed.items()}


_ALIAS_OPEN = r"\s*[(\[,]\s*(?:(?:also|or|formerly|aka|auch|oder|früher|ou|o|или|також|тж\.)\b[:.]?\s*)?"


def _given_as_alias(occ: _Name, others: list[str]) -> bool:
    """Does the spelling stand right beside another as its alternative: ``Moldova (also:
    Moldavia)``, ``Kiev (Kyiv)``, ``Kyiv, also Kiev``?"""
    text = occ.segment.text
    before = text[max(0, occ.start - 40):occ.start]
    after = text[occ.end:occ.end + 40]
    for b in others:
        if re.search(re.escape(b) + _ALIAS_OPEN + "$", before) or re.match(
                _ALIAS_OPEN + re.escape(b) + r"\s*[)\]]", after):
            return True
    return False


@cache
def _accepted(lang: str) -> frozenset[str]:
    """The spellings of names that a careful editor of ``lang`` accepts (``[accepted]`` of
    ``name_variants.toml``, and the current spelling of every ``[outdated]`` one): never the ones
    to change where a file mixes them with others."""
    from tqcheck.datapack import builtin_table

    listed = builtin_table("name_variants.toml").get("accepted", {}).get(lang, ())
    return frozenset(listed) | frozenset(_outdated(lang).values())


@cache
def _own_names() -> frozenset[str]:
    """The countries' own names of ``name_variants.toml`` (Türkiye): beside an exonym of their
    group, a style guide's choice."""
    from tqcheck.datapack import builtin_table

    return frozenset(builtin_table("name_variants.toml").get("own_names", ()))


def _own_name_beside_exonym(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` one known group's country's own name and another name of it (Türkiye
    and Türkei)?"""
    own = _own_names()
    return (a in own) != (b in own) and any(a in g and b in g for g in _known_groups())


@cache
def _known_words() -> frozenset[str]:
    """The spellings of the known groups: names even where a lexicon holds them (Mohammed)."""
    return frozenset(w for g in _known_groups() for w in g)


_YO = str.maketrans("ёЁ", "еЕ")
#: A preposition of place right before a name (the end of the text searched), by language.
_PLACE_WORDS = {
    "en": "in|near|outside", "de": "in|bei|nahe", "fr": "à|près de", "es": "en|cerca de",
    "it": "a|in|presso", "pt": "em|perto de", "nl": "in|bij", "pl": "w|we|pod",
}
_PLACE_BEFORE = {lang: re.compile(rf"(?<![^\W\d_])(?:{words}) $", re.IGNORECASE)
                 for lang, words in _PLACE_WORDS.items()}
#: The ASCII characters that may end one of a language's :data:`_PLACE_WORDS` (any case): a
#: name after a space and another ASCII character needs no search (most names).
_PLACE_LAST = {lang: frozenset(c for c in map(chr, range(128)) if any(
    re.fullmatch(re.escape(w[-1]), c, re.IGNORECASE) for w in words.split("|")))
    for lang, words in _PLACE_WORDS.items()}


def _known_parts(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``matches`` with a name of two capitalised parts that holds a known group's spelling
    (the Athens-Thessaloniki road) read as its two parts: the part is that name."""
    out: list[tuple[str, int, int]] = []
    for w, start, end in matches:
        head, _, tail = w.partition("-")
        if tail[:1].isupper() and not _ARTICLE.match(w) and (
                head in _known_words() or tail in _known_words()):
            out.extend(((head, start, start + len(head)), (tail, end - len(tail), end)))
        else:
            out.append((w, start, end))
    return out


def policy_only(a: str, b: str) -> bool:
    """Spellings that differ only in a choice a house style makes, not in the name: hyphenation
    (TQ502's job) and Russian ё written as е."""
    return (a.replace("-", "").casefold() == b.replace("-", "").casefold()
            or a.translate(_YO) == b.translate(_YO))


#: How a language's diacritics tell its words apart: ``""`` not at all (English, German: a
#: spelling without them is the name stripped), ``"marked"`` where two spellings that both carry
#: marks are two words (``accents_distinguish_words``), ``"always"`` where a bare spelling is a
#: word too (``marks_are_tones``: Vietnamese Danh/Đánh, Phim/Phím).
AccentPolicy = Literal["", "marked", "always"]


def accent_policy(data: LanguageData) -> AccentPolicy:
    """The language data's :data:`AccentPolicy`."""
    if not data.get("accents_distinguish_words", default=False):
        return ""
    return "always" if data.get("marks_are_tones", default=False) else "marked"


def two_words(a: str, b: str, policy: AccentPolicy) -> bool:
    """Are two spellings that differ in their diacritics alone two words of the language?  Never
    two forms of one letter (Romanian Timişoara/Timișoara: a cedilla for the comma below)."""
    if not policy or a.translate(_CEDILLA_AS_COMMA) == b.translate(_CEDILLA_AS_COMMA):
        return False
    if _REDUNDANT_DIAERESIS.sub(_plain_iota, a) == _REDUNDANT_DIAERESIS.sub(_plain_iota, b):
        return False  # Greek Μπάιντεν/Μπάϊντεν: the diaeresis after an accented vowel adds nothing
    return policy == "always" or marked_both(a, b)


#: A Greek ι or υ with a diaeresis right after an accented vowel: the accent already tells that
#: the two vowels are read apart (Μπάιντεν, Κάιρο), so the diaeresis is redundant, a slip of one
#: spelling of the word.
_REDUNDANT_DIAERESIS = re.compile("(?<=[άέήόύώΆΈΉΌΎΏ])[ϊϋΪΫ]")


def _plain_iota(m: re.Match[str]) -> str:
    return {"ϊ": "ι", "ϋ": "υ", "Ϊ": "Ι", "Ϋ": "Υ"}[m.group()]


#: Two encodings of one letter: the cedilla Romanian fonts long stood in for its comma below.
_CEDILLA_AS_COMMA = str.maketrans("şŞţŢ", "șȘțȚ")


def marked_both(a: str, b: str) -> bool:
    """Do both spellings carry a diacritic (a letter that folding changes)?  Where a language's
    accents tell its words apart, two such spellings that differ in their marks alone are two
    words (Vietnamese Phần/Phân, Lithuanian Apžvalgą/Apžvalga, Greek Λογοτύπο/Λογότυπο), while a
    spelling without any mark beside one with them is a name stripped of its marks by a keyboard
    or a pipeline (Erdogan/Erdoğan, Nguyen/Nguyễn, Θεσσαλονικη/Θεσσαλονίκης)."""
    return _marked(a) and _marked(b)


def _marked(word: str) -> bool:
    return any(not c.isascii() and fold_name(c) != c.casefold() for c in word)


def names_are_variants(a: str, b: str, neighbours_shared: bool,
                       endings: tuple[str, ...] = _ENDINGS,
                       letters: dict[int, str] | None = None,
                       accents: frozenset[str] = frozenset(),
                       distinct_accents: AccentPolicy = "") -> bool:
    """Do two capitalised words look like two spellings of one name?  ``distinct_accents``: how
    the language's accents tell its words apart (:func:`accent_policy`)."""
    if bool(_ARTICLE.match(a)) != bool(_ARTICLE.match(b)):
        return False  # "Bashar al-Assad" … "Assad": dropping the article is house style
    ca, cb = a.casefold(), b.casefold()
    if policy_only(a, b) or (_derived(ca, cb, endings) and not _doubled_letter_only(ca, cb)):
        return False  # inflected forms, before folding (й is not и with a mark: Кореи/Кореей)
    fa, fb = fold_name(a, letters), fold_name(b, letters)
    if fa == fb:
        # Erdoğan/Erdogan, al-Sisi/El-Sisi; but where accents tell the language's own words
        # apart (French Installe/Installé), two words of its lexicon are two words, and so are
        # two spellings that both carry marks, unless they stand beside one other name.
        return len(fa) >= 3 and not (accents and ca in accents and cb in accents) and not (
            not neighbours_shared and two_words(a, b, distinct_accents))
    if not transliteration_variants(fa, fb, endings):
        return False
    if neighbours_shared or _suffix_variant(fa, fb):
        return True
    # Two Arabic names with the article differ in their vowels only: al-Qudra/Al-Qidra.
    return bool(_ARTICLE.match(a) and _ARTICLE.match(b))


#: What a Latin spelling of a Russian or Ukrainian name shows (a Slavic ending, or a letter group
#: that transliterates ш ж х ч): a pair that only a target's own orthography makes one name
#: (Selenskyj/Zelensky, Pieskow/Peskow) needs one of them, so that German Sander/Zander stay two.
_TRANSLITERATED = re.compile(r"(?:sk[iyíj]+|[ao]v|[eoё][wvf]f?|[oe]wa|ova|eva|enko|[iy]j|yi|vi[cč]h?|"
                             r"witsch|itsch|wicz|uk)$|kh|zh|sh|sz|cz|tsch|[čšž]")


@lru_cache(maxsize=64)
def _never_names(lang: str, capital_nouns: bool) -> tuple[frozenset[str], frozenset[str]]:
    """TQ501's words of the language that are never names (its function words and, where nouns
    are capitalised, its noun lexicon) and the capitalised words that are no evidence of a name:
    made once per language, not per document."""
    function = _function_words(lang)
    return (frozenset(function | _noun_lexicon(lang, capital_nouns)),
            frozenset(_NOT_EVIDENCE | {w.capitalize() for w in function}))


@register("TQ501", "name-variants", Severity.WARNING, scope="document", fix="unsafe")
class NameVariants:
    """One name written in two transliterations (Dmytro/Dmitry, Sergey/Sergei, Zelensky/Zelenskyy).

    What it does:
        Collects capitalised words used as names (seen capitalised away from a sentence start) and
        pairs spellings that are the same once diacritics and the form of the Arabic article are
        ignored (Erdoğan/Erdogan, al-Sisi/El-Sisi), and spellings that share their consonant skeleton
        and differ only in vowels, ``y``/``j`` and doubled letters when there is evidence they name
        one person: both stand next to the same other name ("Dmytro Kuleba", "Dmitry Kuleba"), they
        differ only in a transliterated ending (-ey/-ei, -y/-yy, -iy/-y), or both carry the Arabic
        article. Known pairs (Kiev/Kyiv, Odessa/Odesa …) come from a data file (a known spelling joined to
        another name by a hyphen counts: the Athens-Thessaloniki road). In languages that write foreign names
        in Latin letters (language data ``romanized_names``) it also pairs the spellings that the romanization
        systems in real use give one name — Russian and Ukrainian (BGN/PCGN, scholarly, passport, common:
        Yuriy/Yuri, Tatyana/Tatiana, Syrskyi/Syrsky), Arabic and Persian (article forms, doubled consonants,
        ʿayn/hamza as apostrophes or nothing, gh/q; a spelling with the article beside one without it and
        other vowels: Hodeidah/Al-Hudaydah; a doubled consonant alone where the source is in Arabic script, a
        spelling shows an Arabic romanization or both follow a preposition of place: Mosul/Mossul), Japanese
        (Ōtani/Ohtani; with a Japanese source Hepburn and Kunrei-shiki: Fukushima/Hukusima, Shimbun/Shinbun;
        with an Indian, Thai, Hebrew, Indonesian or Malay source their common romanizations:
        Srinivasan/Sreenivasan, Thaksin/Taksin, Yitzchak/Yitzhak, Soekarno/Sukarno), Korean (Revised
        Romanization and McCune-Reischauer: eo/ŏ/o,
        eu/ŭ/u, g/k, d/t, b/p, j/ch — Daegu/Taegu, with a Korean source or where one spelling
        shows a Korean system) and Chinese (pinyin, Wade-Giles and the postal spellings: Lai
        Ching-te/Lai Qingde, Kaohsiung/Gaoxiong, Taipei/T'ai-pei, Guangdong/Kwangtung; one
        syllable beside one shared name: Li Qiang/Li Chiang), and read through the target's own
        conventions for foreign names (``name_orthography``: German Selenskyj and Chodorkowski,
        Polish Pieskow and Szojgu, French Choïgou and Prigojine, Czech and Italian
        Chodorkovskij, Dutch Sjojgoe) beside the
        English spellings, where one of the two shows a Slavic ending or letter group (so German
        Sander/Zander stay two). Where nouns are capitalised (German), a frequent name that the
        noun lexicon holds pairs with a spelling that differs in its diacritics alone
        (Müller/Mueller, Erdoğan/Erdogan); two spellings seen only at sentence starts pair
        when they differ in their diacritics alone and neither is a frequent word or the
        lexicon's accented word (Erdogan … Erdoğan, never Rose/Rosé). Where the language's
        accents tell its words apart (``accents_distinguish_words``), two spellings that both
        carry marks and differ in them alone are two words, not one name (Lithuanian
        Apžvalgą/Apžvalga, Greek Λογοτύπο/Λογότυπο), unless they stand beside one shared other
        name; a bare spelling beside a marked one is still the name stripped of its marks
        (Bernabeu/Bernabéu), except where the marks are tones (``marks_are_tones``: Vietnamese
        Danh/Đánh, Phim/Phím are words). In Cyrillic targets
        (Russian, Ukrainian, and Bulgarian, Macedonian, Belarusian … without a data file) it
        pairs the renderings of one foreign name (Japanese by Polivanov or from English:
        Кисида/Кишида, Тиба/Чиба, Мацуда/Матсуда; э for е:
        Пэйлин/Пейлин; English /æ/ as э or а: Кэмерон/Камерон; English w as у or в: Уильям/Вильям;
        a doubled letter only with a shared neighbour, as Алан/Аллан are two names, or, as info,
        in a name of seven letters or more: Джонсон/Джонсонн, Теннесси/Теннеси; ґ or г and тц
        or ц: Ердоган/Ердоґан, Шольц/Шольтц; a surname's -ский beside -ски: Бжезинский/
        Бжезински; and, as info, two renderings in two cases once a case ending of the
        language's ``name_case_endings`` is taken off: Мэйсон … Мейсона, Киев … Києві; the last
        unstressed vowel as е or и: Гутерриш/Гутерреш, Блинкен/Блинкин, in a name of two
        syllables only with a shared neighbour, as Карен/Карин are two names; and, as info,
        Cyrillic and Greek spellings that differ in their vowels alone beside a shared
        neighbour or in a final i: Джо Байден/Джо Бейден, Ζελένσκι/Ζελένσκυ, never an inflected
        form: Кубок/Кубка).  In Greek, as info, the renderings of one foreign name with one
        vowel in two letters (ι η υ ει οι, ο ω, ε αι), γκ or γ, or a doubled letter
        (Ερντογάν/Ερντογκάν), and a diaeresis after an accented vowel, which adds nothing, is
        one spelling (Μπάιντεν/Μπάϊντεν).  In
        scripts without capitals that leave vowels unwritten (Arabic, Persian, Hebrew) it pairs,
        as info, one word with and without a vowel letter inside it (بايدن/بايدين, ترامب/ترمب,
        ביידן/בידן, טראמפ/טרמפ) or with the Arabic letter for a Persian one (ترامپ/ترامب):
        never two words of the Arabic lexicon, the letters of the grammar (clitics, endings, the
        participle's alef, the nisba's yāʾ, a broken plural's wāw) or Hebrew's own ktiv male;
        in Arabic, as info, one foreign sound written with two letters (g as غ/ج: غوتيريش/
        جوتيريش, z as ز/س: شولتز/شولتس), in words that are no word of the lexicon with or without
        their prefixes; in Chinese, as info, a foreign name transcribed with one character
        changed (泽连斯基/泽伦斯基, 朔尔茨/肖尔茨: runs of transcription characters; five or
        more need no character found almost only in names: 内塔尼亚胡/内坦尼亚胡); in Arabic,
        as info, a foreign name's initial vowel written أ and إ (أردوغان/إردوغان); in Korean,
        as info, a foreign name transcribed two ways, its particle taken off (a tense or an
        aspirated consonant: 젤렌스키/젤렌스끼는; ㅓ or ㅡ before a final consonant: 바이든/
        바이던; ㅐ or ㅔ; a y-vowel or ㅣ and a vowel: 네타냐후/네타니아후), three syllables or
        more, one of them a syllable of foreign transcriptions.
        Where the language lists the words that join a name's parts (``name_connectors``:
        English "of", "and"), it pairs names of three capitalised words or more of one shape
        whose words are the same or other forms of each other (Ministry of Trade and
        Industry/Industries, Chinese Academy of Sciences/China Academy of Science; never a title
        beside its office, Minister/Ministry of Foreign Affairs).
        Inflected forms (the language's ``inflection_endings``: Кореи/Кореей, Million/Millionen), the
        language's function words (¿Qué/Que) and German umlaut plurals (Tochter/Töchter) are not variants; a
        name with and without its article ("al-Assad" … "Assad") and hyphenation-only differences (TQ502's
        job), British/American pairs of the spelling lists, two of the language's 3,000 most frequent words
        (Mayor/Major) and a name beside a hyphenated name made from it (Hiraizumi/Hiraizumi-ji) are not
        reported. Reports every occurrence of the spellings to change — all but the one the document settles
        on (``--prefer``, the glossary, else the majority; on a tie, the one used first) — naming the other
        spellings and where they stand; the uses of the spelling settled on are shown as info, so the editor
        sees every place the name stands, and so are the other forms of each spelling in the language's
        ``inflection_endings`` (Шольца beside Шольц … Шолц, Selenskyjs beside Selenskyj … Selenski), counted
        with it. Spellings that never stand within a few thousand characters of each other are reported as
        info: in a file that concatenates documents they are usually two documents' own spellings or two
        people; so is a spelling used three times or more with no other spelling between its first and last
        use (a passage consistent with itself).

        ё written as е is a house style's choice: one name written both ways in one document
        (Пётр/Петр) is info, never a warning; so is a country's own name beside its exonym
        (``own_names`` of ``name_variants.toml``: Türkiye beside Türkei).  A known group's
        spelling in the target's own orthography or diacritics (Spanish Járkov, French Pékin) joins its group.

    Why it matters:
        MT transliterates a name afresh in each sentence, so one person gets two spellings in one
        article; readers take them for two people, and the newsroom style guide names one.

    Example:
        ``Dmytro Kuleba`` … ``Dmitry Kuleba`` → two findings, each pointing at the other spelling.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.words: dict[str, _Name] = {}
        self.has_case = ctx.data.has_case
        data = ctx.data
        self.endings: tuple[str, ...] = tuple(data.get("inflection_endings", default=_ENDINGS))
        self.letters = str.maketrans(dict(data.get("name_letters", default={}))) or None
        self.romanized = bool(data.get("romanized_names", default=False))
        #: The language's own spelling of foreign names (German Selenskyj, Polish Pieskow), read
        #: into the romanization key beside the word's own key.
        self.orthography: Rules = ()
        if self.romanized and (own := data.get("name_orthography", default=())):
            from tqcheck.checks.romanization import orthography_rules

            self.orthography = orthography_rules(own)
        # Languages in Cyrillic without a data file of their own (Bulgarian, Macedonian …).
        self.cyrillic = data.get("script") == "Cyrillic" or (
            data.get("script") is None and base_lang(ctx.lang) in _CYRILLIC_LANGS)
        self.greek_names = data.get("script") == "Greek"
        self.suffix_apostrophe = bool(data.get("suffix_apostrophe", default=False))
        #: Words of the language whose accents tell them apart (Installe/Installé): its lexicon,
        #: where the language data says accents distinguish words.
        self.distinct_accents = accent_policy(data)
        self.accent_words = _noun_lexicon(ctx.lang or "", bool(self.distinct_accents))
        function = _function_words(ctx.lang or "")
        self.function = function
        self.capital_nouns = bool(data.get("capitalized_nouns", default=False))
        #: Words of the language itself, capitalised at a sentence start or as nouns: never names.
        self.common, self.not_evidence = _never_names(ctx.lang or "", self.capital_nouns)
        #: Capitalised words of the language seen and passed over ("The", "He"): not names.
        self.skipped: set[str] = set()
        #: Where nouns are capitalised (German): the capitalised words of the lexicon seen, kept
        #: apart from the names.  The lexicon holds frequent names too (Müller, Erdogan), so one
        #: of them is paired with a spelling that differs in its diacritics alone (Mueller,
        #: Erdoğan): never with a spelling of other letters.
        self.nouns: dict[str, _Name] = {}
        # Spellings can only be variants when their consonant skeletons match: bucket by skeleton,
        # so finishing is linear in the vocabulary, not quadratic.
        self.by_skeleton: dict[str, set[str]] = defaultdict(set)
        #: Pairs of Cyrillic or Greek spellings that differ in their vowels alone (Байден/
        #: Бейден): reported as info unless a rendering rule pairs them too.
        self.vowels_only: set[frozenset[str]] = set()
        #: Pairs found on weaker evidence (a long Cyrillic name with a doubled letter alone
        #: different, Теннесси/Теннеси; two renderings in two cases, Мэйсон … Мейсона), with
        #: what the finding's message adds: reported as info unless another rule pairs them.
        self.weak: dict[frozenset[str], str] = {}
        #: Names seen right after a preposition of place ("in Mosul"), where the language has
        #: one listed (:data:`_PLACE_BEFORE`): two such spellings that differ in a doubled letter
        #: alone are one place (Mosul/Mossul), not two people (Harris/Haris).
        self.place_before = _PLACE_BEFORE.get(base_lang(ctx.lang) or "")
        self.place_last = _PLACE_LAST.get(base_lang(ctx.lang) or "", frozenset())
        self.places: set[str] = set()
        #: Characters of the document fed so far (where the next segment starts).
        self.offset = 0
        #: In a script without capitals that leaves vowels unwritten (Arabic, Persian, Hebrew):
        #: the spellings of one name with and without a vowel letter.
        self.unwritten: UnwrittenVowelNames | TranscribedNames | KoreanTranscriptions | None = None
        script = data.get("script")
        if not self.has_case and script in ("Arabic", "Hebrew"):
            self.unwritten = UnwrittenVowelNames(script, base_lang(ctx.lang) or "")
        elif not self.has_case and base_lang(ctx.lang) == "zh":
            self.unwritten = TranscribedNames()
        elif not self.has_case and base_lang(ctx.lang) == "ko":
            self.unwritten = KoreanTranscriptions()
        #: Names of several words joined by "of", "and" … (institutions), where the language has
        #: them listed (``name_connectors``): the same name with one of its words in another form.
        connectors = data.get("name_connectors", default=())
        self.institutions = (_InstitutionNames(frozenset(connectors), self.endings)
                             if self.has_case and connectors else None)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not self.has_case:
            if self.unwritten is not None:
                self.unwritten.feed(segment)
            return
        text = segment.text
        base = self.offset
        self.offset += len(text) + 1
        words = self.words
        pattern = _CAPITALISED if "-" in text else _CAPITALISED_UNHYPHENATED
        suffixed = self.suffix_apostrophe and ("'" in text or "’" in text)
        if not suffixed and self.skipped.issuperset(pattern.findall(text)):
            return  # most segments: no capitalised word but "The", "He" (words alone, no places)
        matches = [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
        if "-" in text:
            matches = _known_parts(matches)
        if suffixed:
            # Turkish writes case endings after an apostrophe: Mary'yi is Mary.
            matches = [(w, s, s + len(w)) for w, s, _ in
                       ((re.split("['’]", w, maxsplit=1)[0], s, e) for w, s, e in matches)]
        last = len(matches) - 1
        common = self.common
        skipped = self.skipped
        nouns = self.nouns
        not_evidence = self.not_evidence
        for k, (w, start, end) in enumerate(matches):
            occ = words.get(w)
            if occ is None and w in skipped:
                continue
            noun = False
            position = base + start
            if occ is None:
                if w.casefold() in common and not (
                        (self.capital_nouns and self._first_name(w, k, matches, text))
                        or w in _known_words()):
                    if not self.capital_nouns:  # then the word alone decides: remembered
                        skipped.add(w)
                        continue
                    # A noun of the lexicon, or a name it holds (Müller, Erdogan): kept aside,
                    # to pair only with a spelling of it that differs in diacritics alone.
                    noun = True
                    occ = nouns.get(w)
                    if occ is None:
                        if len(nouns) >= _MAX_NOUNS:
                            continue
                        occ = nouns[w] = _Name(segment, start, end, position)
                    else:
                        occ.seen_again(segment, start, position)
                else:
                    occ = words[w] = _Name(segment, start, end, position)
                    folded = fold_name(w)
                    self.by_skeleton[folded[:1] + _skeleton(folded)].add(w)
            else:
                occ.seen_again(segment, start, position)
            if not occ.proper:
                # A word with the Arabic article ("Al-Qidra said") is a name at a sentence start too.
                occ.proper = not _at_sentence_start(text, start) or (
                    "-" in w and bool(_ARTICLE.match(w)))
            # (the search ends at the name: after a space, a word's last letter must stand
            # before it; or after a newline, which ``$`` may stand before)
            if self.place_before is not None and w not in self.places and (
                    (text[start - 1:start] == " " and (
                        not (c := text[start - 2:start - 1]).isascii() or c in self.place_last))
                    or text[start - 1:start] == "\n") and \
                    self.place_before.search(text, max(0, start - 9), start):
                self.places.add(w)
            if noun or (occ.neighbours is not None and len(occ.neighbours) >= _MAX_NEIGHBOURS):
                continue
            # Adjacent capitalised words (first name + surname) tell which person a name is.
            # (A neighbour seen before was taken then: most names stand beside the same words.)
            if k > 0 and matches[k - 1][2] + 1 == start and text[start - 1] == " ":
                other = matches[k - 1][0]
                if (occ.neighbours is None or other not in occ.neighbours) and \
                        other not in not_evidence and other.casefold() not in common:
                    occ.add_neighbour(other)
                    occ.proper = True  # "Dmytro Kuleba" is a name even at a sentence start
            if k < last and end + 1 == matches[k + 1][1] and text[end] == " ":
                other = matches[k + 1][0]
                if (occ.neighbours is None or other not in occ.neighbours) and \
                        other not in not_evidence and other.casefold() not in common:
                    occ.add_neighbour(other)
                    occ.proper = True
        if self.institutions is not None and last >= 2:
            self.institutions.feed(segment, matches, base)

    def _first_name(self, w: str, k: int, matches: list[tuple[str, int, int]], text: str) -> bool:
        """In a language that capitalises its nouns, is ``w`` (a word of its lexicon: Sergej,
        Wladimir, Mohammed) a first name: right before a capitalised word that is no word of
        the language (Sergej Lawrow)?"""
        if not self.capital_nouns or w.casefold() in self.function or k + 1 >= len(matches):
            return False
        nxt, start, _ = matches[k + 1]
        end = matches[k][2]
        return (start == end + 1 and text[end] == " " and nxt.casefold() not in self.common
                and nxt not in self.not_evidence)

    def _may_unify(self, a: str, b: str) -> bool:
        """May a fix rewrite ``a`` as ``b``?  Not where capitals do not mark names (German
        nouns), nor where one spelling is the other plus an ending (Aktion/Aktionen, Ihre/Ihrer:
        inflection, not transliteration) unless the pair is a known one."""
        if self.ctx.data.get("capitalized_nouns"):
            return False
        if any(a in known and b in known for known in _known_groups()):
            return True
        if {a.casefold(), b.casefold()} & _common_words(self.ctx.lang or ""):
            return False  # a common word of the language (Mayor/Major, Made/Midi): not one name
        return not (a.startswith(b) or b.startswith(a))

    def finish(self) -> list[Hit]:
        if self.unwritten is not None:
            return self._unwritten_hits(self.unwritten)
        pairs: dict[str, set[str]] = defaultdict(set)
        for group in self.by_skeleton.values():
            if len(group) < 2:
                continue
            # A word seen only at sentence starts may still be a spelling of a name seen
            # elsewhere, when the two are equal but for diacritics (Sanchez … Pedro Sánchez).
            starts = [w for w in group if not self.words[w].proper]
            names = sorted(w for w in group if self.words[w].proper)
            if len(starts) > 1:
                self._sentence_start_diacritics(starts, pairs)
            if starts and names:
                folded = {fold_name(w, self.letters): w for w in names}
                for w in starts:
                    other = folded.get(fold_name(w, self.letters))
                    if other is not None and ({w.casefold(), other.casefold()} <= self.accent_words
                                              or two_words(w, other, self.distinct_accents)):
                        continue
                    if other is not None and not policy_only(w, other) and len(w) >= 4 and (
                            bool(_ARTICLE.match(w)) == bool(_ARTICLE.match(other))):
                        _pair(pairs, w, other)
                    elif other is None:
                        self._sentence_start_name(w, names, pairs)
            for i, a in enumerate(names):
                for b in names[i + 1:]:  # sorted: a < b
                    shared = self.words[a].shares_neighbour(self.words[b])
                    if names_are_variants(a, b, shared, self.endings, self.letters,
                                          self.accent_words, self.distinct_accents):
                        if _INFLECTED_SCRIPT.match(a) and fold_name(a) != fold_name(b):
                            # Cyrillic and Greek vowels carry case endings and fleeting vowels
                            # (Кубок/Кубка, Сара/Сары): one final letter, one length at most
                            # apart (Байден/Бейден, Ферик/Фьюрик), and only a hint.
                            if (a[-1] != b[-1] and not _suffix_variant(
                                    fold_name(a), fold_name(b))) or abs(len(a) - len(b)) > 1:
                                continue
                            self.vowels_only.add(frozenset((a, b)))
                        _pair(pairs, a, b)
        if self.endings != _ENDINGS:
            self._inflected_variants(pairs)
        if self.nouns:
            self._lexicon_names(pairs)
        if self.romanized:
            self._romanizations(pairs)
        if self.cyrillic:
            self._cyrillic_renderings(pairs)
        elif self.greek_names:
            self._greek_renderings(pairs)
        for a in list(pairs):
            pairs[a] = {b for b in pairs[a] if not self._other_words(a, b)}
        for known in _known_groups():
            present = [w for w in known if w in self.words]
            for a in present:
                pairs[a].update(b for b in present if b != a)
        if self.romanized:
            self._known_group_spellings(pairs)
        hits: list[Hit] = []
        if self.institutions is not None:
            hits.extend(self.institutions.finish(self.ctx.path))
        counts = {w: o.count for w, o in self.words.items()}
        forms = self._inflected_forms(pairs)
        for a, inflected in forms.items():
            counts[a] += sum(self.words[f].count for f in inflected)
        for a in sorted(pairs):
            variants = sorted(pairs[a])
            if not variants:
                continue
            occ = self.words[a]
            spellings = [a, *variants]
            # The spelling a fix unifies to: the one asked for, else a clear majority.
            winner = preferred_spelling(spellings, counts, self.ctx, fold_name)
            # The spelling the document settles on (that one, else the one used most) stays: the
            # occurrences of the others are to change and reported.  Without one (a tie) the
            # spelling used first is shown as info and the others reported, each naming the rest.
            accepted = _accepted(base_lang(self.ctx.lang) or "") & set(spellings)
            if accepted and len(accepted) < len(spellings):
                # Kyiv beside Kiev, Zelenskyy beside Zelenskyi: the accepted spellings stay,
                # whichever the majority; the others are to change.  A fix goes toward a spelling
                # that is not accepted only when asked (--prefer, the glossary), never by majority.
                asked = preferred_spelling(spellings, dict.fromkeys(spellings, 0), self.ctx,
                                           fold_name)
                if asked is None and winner not in accepted:
                    winner = None
                settled: str | None = winner or max(sorted(accepted), key=lambda s: counts[s])
            else:
                accepted = frozenset()
                settled = kept_spelling(spellings, counts, self.ctx, winner)
            first_of_tie = None
            if settled is None:
                # A tie (Maximowicz 1×, Maximovicz 1×): one inconsistency, reported once, at the
                # spelling that departs from the one the document used first; that one is shown.
                first_of_tie = min(spellings, key=lambda s: self.words[s].segment.locate(
                    self.words[s].start))
            fix = None
            if winner and a != winner and self._may_unify(a, winner):
                fix = unify_fix(occ, a, winner)
            where = [(b, self.words[b]) for b in variants]
            related = tuple(
                Location(self.ctx.path, *o.segment.locate(o.start), *o.segment.locate(o.end))
                for _, o in where
            )
            others = ", ".join(
                f"'{b}' (line {o.segment.locate(o.start)[0]}, {o.count}×)" for b, o in where
            )
            message = f"name spelled two ways: '{a}' ({occ.count}×) and {others}"
            current = outdated_spelling(a, self.ctx.lang)
            if current in variants:
                message += f"; '{a}' is the outdated spelling of '{current}'"
            severity = None
            if all(a.translate(_YO) == b.translate(_YO) for b in variants):
                severity = Severity.INFO
                message += "; ё and е mixed in one name (a house style writes one)"
            elif all(frozenset((a, b)) in self.vowels_only for b in variants):
                severity = Severity.INFO
                message += "; the vowels alone differ (two renderings, or two names?)"
            elif all(frozenset((a, b)) in self.weak for b in variants):
                severity = Severity.INFO
                message += self.weak[frozenset((a, variants[0]))]
            elif all(_own_name_beside_exonym(a, b) for b in variants):
                # Türkei … Türkiye: the exonym and the name the place asks for are both correct.
                severity = Severity.INFO
                fix = None
                message += "; a country's own name beside its exonym (a style guide's choice)"
            elif a == settled or a in accepted:
                # The spelling settled on stays: its uses are shown (as info) so the editor sees
                # every place the name stands, whichever spelling the style guide keeps.
                severity = Severity.INFO
                message += "; the spelling to keep" if a == settled else "; an accepted spelling"
            elif occ.count == 1 and _given_as_alias(occ, [b for b, _ in where]):
                # "In Moldova (also: Moldavia)": the other name given on purpose, beside it.
                severity = Severity.INFO
                message += "; given beside the other as an alternative name"
            elif not any(_near(occ.stretches(), o.stretches()) for _, o in where):
                # Far apart in one file: two documents' own spellings, or two people.
                severity = Severity.INFO
                message += "; far apart in the file (two documents, or two people?)"
            elif _own_passage(occ, [o for _, o in where]):
                severity = Severity.INFO
                message += "; used throughout a passage of its own (another document's choice?)"
            elif a == first_of_tie:
                severity = Severity.INFO
                message += "; used first (a tie: the other spelling departs from it)"
            hits.append(Hit(occ.start, occ.end, message, related=related, segment=occ.segment,
                            fix=fix, fix_message=f"write '{winner}' for '{a}' ({occ.count}×)",
                            severity=severity))
            hits.extend(Hit(start, end, message, related=related, segment=seg, severity=severity)
                        for seg, start, end in occ.later)
            for f in forms.get(a, ()):
                # The same spelling in another case (Шольца beside Шольц … Шолц): every
                # occurrence of a spelling is shown, whatever its ending.
                form = self.words[f]
                note = f"{message} (here in another form: '{f}')"
                hits.extend(Hit(start, end, note, related=related, segment=seg, severity=severity)
                            for seg, start, end in ((form.segment, form.start, form.end),
                                                    *form.later))
        return hits

    def _inflected_variants(self, pairs: dict[str, set[str]]) -> None:
        """Pair two names in Latin script that are two spellings of one name once a case ending
        of the language (its ``inflection_endings``) is taken off one or both: German "Selenskyj"
        … "Besuch Selenskis", Polish "Zełenski" … "wizyta Zelenskiego", Swedish "Zelenskyj" …
        "Zelenskys besök"; a sentence start counts as in :meth:`_start_is_name`, beside a name
        seen elsewhere.  The stems must differ in their spelling (Kowalski/Kowalska, one stem
        with two endings, stay apart, as does a spelling beside its own case forms; so do two
        words of the lexicon and hyphenated compounds) and pass the test two uninflected
        spellings pass (:func:`names_are_variants`)."""
        endings = [e for e in self.endings if e]
        by_key: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
        letters = self.letters
        ranks = lexicon_ranks(self.ctx.lang or "")
        for w, occ in self.words.items():
            if _INFLECTED_SCRIPT.match(w) or "-" in w:
                continue  # (a hyphen: a compound, Torrent-Datei/Torrentdateien, is TQ502's)
            if not occ.proper and not self._start_is_name(w, ranks):
                continue
            for stem in _stems(w, endings):
                folded = fold_name(stem, letters)
                by_key["skeleton", folded[:1] + _skeleton(folded)].append((stem, w))
                if self.romanized and len(stem) >= 5:
                    # Two romanizations of one name (Selenski/Selenskyj), as _romanizations
                    # pairs two uninflected spellings.
                    by_key["latin", latin_key(stem.translate(letters) if letters else stem)
                           ].append((stem, w))
        for (system, _), group in by_key.items():
            if len({w for _, w in group}) < 2:
                continue
            for (s1, w1), (s2, w2) in combinations(group, 2):
                if w1 == w2 or w2 in pairs.get(w1, ()) or (s1 == w1 and s2 == w2) or not (
                        self.words[w1].proper or self.words[w2].proper):
                    continue  # (two whole words were tried as names already)
                c1, c2 = w1.casefold(), w2.casefold()
                if c1 in ranks and c2 in ranks:
                    continue  # two words of the language (Britische, British): no name
                f1, f2 = fold_name(s1, letters), fold_name(s2, letters)
                if (f1 == f2 and s1 != w1 and s2 != w2) or _derived(c1, c2, self.endings) or (
                        _derived(c2, c1, self.endings) or policy_only(w1, w2)):
                    continue  # one stem with two endings: Kowalski/Kowalska, Nowak/Nowaka
                if system == "latin" and f1 != f2 and not (
                        _TRANSLITERATED.search(f1) or _TRANSLITERATED.search(f2)):
                    continue  # a romanization needs a spelling that shows one (-skyj, -ski, zh)
                shared = self.words[w1].shares_neighbour(self.words[w2])
                if system == "latin" or names_are_variants(
                        s1, s2, shared, self.endings, letters, self.accent_words,
                        self.distinct_accents):
                    _pair(pairs, w1, w2)

    @staticmethod
    def _start_is_name(w: str, ranks: dict[str, int]) -> bool:
        """Is a word seen only at sentence starts a name all the same: no word of the
        language's lexicon (which there must be), of five letters or more?"""
        return bool(ranks) and len(w) >= 5 and w.casefold() not in ranks

    def _sentence_start_name(self, w: str, names: list[str], pairs: dict[str, set[str]]) -> None:
        """Pair a word seen only at sentence starts with a name seen elsewhere that it spells in
        another transliteration, where the word is no word of the language's lexicon (so a name
        wherever it stands) and the two differ in a transliterated ending (Zelenskyy's visit …
        President Zelensky) or stand beside one shared other name: the evidence asked of two
        names, in Latin script (a Cyrillic or Greek sentence start may be a case form)."""
        if (not self._start_is_name(w, lexicon_ranks(self.ctx.lang or ""))
                or _INFLECTED_SCRIPT.match(w) or _ARTICLE.match(w)):
            return
        fw = fold_name(w, self.letters)
        for n in names:
            if _ARTICLE.match(n) or policy_only(w, n):
                continue
            fn = fold_name(n, self.letters)
            shared = self.words[w].shares_neighbour(self.words[n])
            if (shared or _suffix_variant(fw, fn)) and names_are_variants(
                    w, n, shared, self.endings, self.letters, self.accent_words,
                    self.distinct_accents):
                _pair(pairs, w, n)

    def _sentence_start_diacritics(self, starts: list[str], pairs: dict[str, set[str]]) -> None:
        """Pair two words seen only at sentence starts that differ in their diacritics alone
        (Erdogan … Erdoğan), where the spellings with diacritics are no word of the language's
        lexicon (Résumé is one) and the one without them is no frequent word (Rose/Rosé,
        Expose/Exposé): a name, whatever its place."""
        ranks = lexicon_ranks(self.ctx.lang or "")
        if not ranks:
            return
        by_fold: dict[str, list[str]] = defaultdict(list)
        for w in starts:
            rank = ranks.get(w.casefold())
            if len(w) >= 4 and not _ARTICLE.match(w) and (
                    rank is None or (w.isascii() and rank > _START_NAME_RANK)):
                by_fold[fold_name(w, self.letters)].append(w)
        for group in by_fold.values():
            if len(group) > 1 and not all(w.isascii() for w in group):
                for a in group:
                    pairs[a].update(b for b in group if b != a and not policy_only(a, b)
                        and not two_words(a, b, self.distinct_accents))

    def _inflected_forms(self, pairs: dict[str, set[str]]) -> dict[str, list[str]]:
        """For each spelling paired with another, the words of the document that are it in another
        case or number (the language's ``inflection_endings``: Шольца, Шольцу beside Шольц;
        Selenskyjs beside Selenskyj) and are not paired themselves: one spelling, inflected."""
        paired = [a for a, b in pairs.items() if b]
        if not paired or not self.endings or self.endings == _ENDINGS:
            return {}
        by_start: dict[str, list[str]] = defaultdict(list)
        for w in self.words:
            if w not in pairs:
                by_start[w[:4]].append(w)
        forms: dict[str, list[str]] = {}
        for a in paired:
            ca = a.casefold()
            found = [w for w in by_start.get(a[:4], ()) if _derived(ca, w.casefold(), self.endings)]
            if found:
                forms[a] = sorted(found)
        return forms

    def _unwritten_hits(self, names: UnwrittenVowelNames | TranscribedNames | KoreanTranscriptions
                        ) -> list[Hit]:
        """Info on every occurrence of two spellings of one name that differ in a vowel letter
        (بايدن/بايدين, ترامپ/ترامب, ביידן/בידן): without capitals the words paired may still be
        two words of the language, so the finding is a hint, never a warning."""
        hits: list[Hit] = []
        for a, b in names.pairs():
            for w, other in ((a, b), (b, a)):
                occ, far = names.seen[w], names.seen[other]
                line = far.segment.locate(far.start)[0]
                how = names.describe(a, b)
                message = (f"name or word spelled two ways: '{w}' ({occ.count}×) and '{other}' (line "
                           f"{line}, {far.count}×): {how}")
                related = (Location(self.ctx.path, *far.segment.locate(far.start),
                                    *far.segment.locate(far.end)),)
                for seg, start, end in ((occ.segment, occ.start, occ.end), *occ.later):
                    hits.append(Hit(start, end, message, related=related, segment=seg,
                                    severity=Severity.INFO))
        return hits

    def _lexicon_names(self, pairs: dict[str, set[str]]) -> None:
        """Pair a capitalised word of the lexicon (German, where every noun is capitalised) with a
        name or another such word of the document that spells it with other diacritics alone
        (Müller/Mueller, Erdogan/Erdoğan, Schröder/Schroeder: the language's ``name_letters`` read
        ü as ue, so Mutter/Mütter stay two words; the lexicon holds frequent names in each
        spelling).  One of the two must stand away from a sentence start."""
        letters = self.letters
        names: dict[str, str] = {}
        for w in self.words:
            if len(w) >= 4:
                names.setdefault(fold_name(w, letters), w)
        nouns = self.nouns
        for n, noun in nouns.items():
            if len(n) < 4:
                continue
            key = fold_name(n, letters)
            w = names.setdefault(key, n)
            if w == n:
                continue
            other = self.words.get(w) or nouns[w]
            if (policy_only(w, n) or not (noun.proper or other.proper)
                    or bool(_ARTICLE.match(w)) != bool(_ARTICLE.match(n))):
                continue
            self.words[n] = noun
            self.words[w] = other
            _pair(pairs, n, w)

    def _other_words(self, a: str, b: str) -> bool:
        """Two spellings paired above that are not one name: a name and a longer one made from it
        with a hyphen (a temple, castle or title: Hiraizumi/Hiraizumi-ji), the two spellings of
        one word in the language's variant lists (Analogue/Analog: TQ502's job), or a place's
        name and its spelling with other diacritics used only inside an organisation's name,
        after its abbreviation (ETH Zürich beside Zurich: the institution keeps its own)."""
        if a.startswith(b + "-") or b.startswith(a + "-"):
            return True
        if fold_name(a) == fold_name(b) and (self._after_abbreviation(a)
                                             or self._after_abbreviation(b)):
            return True
        pair = frozenset((a.casefold(), b.casefold()))
        if pair <= _frequent(self.ctx.lang or ""):
            return True  # Mayor/Major: two common words of the language, capitalised in titles
        return pair in _spelling_pair_set(self.ctx.lang or "")

    def _after_abbreviation(self, word: str) -> bool:
        """Whether every recorded use of ``word`` follows an abbreviation in capitals (ETH
        Zürich, UBS Arena): part of an organisation's name."""
        occ = self.words.get(word)
        if occ is None or occ.count > MAX_FIX_SPOTS:
            return False
        return all(_ABBREVIATION_BEFORE.search(seg.text, max(0, start - 8), start)
                   for seg, start, _ in occ.places())

    def _cyrillic_renderings(self, pairs: dict[str, set[str]]) -> None:
        """Pair the names that Cyrillic renders two ways (:func:`~tqcheck.checks.romanization.
        cyrillic_key`: Кисида/Кишида, Харрис/Харис), never two inflected forms of one name or
        a name and its derived word (the language's ``inflection_endings``)."""
        from tqcheck.checks.romanization import (
            cyrillic_key,
            cyrillic_last_e_key,
            cyrillic_open_e_key,
        )

        buckets: dict[str, list[str]] = defaultdict(list)
        frequent = _frequent(self.ctx.lang or "")
        common = self.common
        yo: dict[str, list[str]] = defaultdict(list)
        for w, occ in self.words.items():
            # A word seen only at sentence starts ("Шолц заявил …") is a spelling too, when it
            # is no frequent word of the language and a proper use shares its key.
            if len(w) >= 4 and (occ.proper or w.casefold() not in frequent):
                buckets[cyrillic_key(w)].append(w)
                if (open_e := cyrillic_open_e_key(w)) is not None:
                    buckets[open_e].append(w)  # Кэмерон beside Камерон
                if (last_e := cyrillic_last_e_key(w)) is not None and (
                        w.casefold() not in common):
                    buckets["\0" + last_e].append(w)  # Гутерриш beside Гутерреш
            if occ.proper and len(w) >= 4:
                yo[w.translate(_YO)].append(w)
        strong: set[frozenset[str]] = set()
        for key, group in buckets.items():
            last_vowel = key.startswith("\0")
            for a, b in self._proper_pairs(group):
                ca, cb = a.casefold(), b.casefold()
                if policy_only(a, b) or (_derived(ca, cb, self.endings)
                                         and not _ski_ending_only(ca, cb)):
                    continue
                if last_vowel and cyrillic_key(a) != cyrillic_key(b) and min(
                        _vowel_count(ca), _vowel_count(cb)) < 3 and not self.words[
                        a].shares_neighbour(self.words[b]):
                    continue  # Карен/Карин, Кристен/Кристин: two given names of two syllables
                pair = frozenset((a, b))
                if (_DOUBLES.sub(r"\1", ca) == _DOUBLES.sub(r"\1", cb)
                        and not self.words[a].shares_neighbour(self.words[b])):
                    if min(len(ca), len(cb)) < _LONG_DOUBLED:
                        continue  # Алан/Аллан: two names as often as two spellings of one
                    # A long name is one (Джонсон/Джонсонн, Теннесси/Теннеси): a hint.
                    self.weak.setdefault(pair, "; a doubled letter alone differs")
                else:
                    strong.add(pair)
                _pair(pairs, a, b)
                self.vowels_only.discard(pair)
        for pair in strong:
            self.weak.pop(pair, None)
        self._cyrillic_inflected(pairs)
        # Пётр beside Петр: writing ё or е is a house style's choice, but one document mixing
        # them in one name has made none (reported as info: no spelling is wrong).
        for spellings in yo.values():
            if len(spellings) < 2:
                continue
            for a in spellings:
                pairs[a].update(b for b in spellings if b != a)

    def _cyrillic_inflected(self, pairs: dict[str, set[str]]) -> None:
        """Pair two Cyrillic names that are two renderings of one name (:func:`~tqcheck.checks.
        romanization.cyrillic_key`) once a case ending of a name in the language (its
        ``name_case_endings``) is taken off one or both: Мэйсон … "по словам Мейсона",
        Зеленского … Зеленського.  The stems must be spelled differently (one stem with two
        endings is one spelling inflected: Зеленский/Зеленского; nor one the start of the
        other: Греці/Греції, an ending the list lacks), be four letters or more, and
        not differ in a doubled letter alone (Алан/Аллана); two words of the lexicon stay
        apart, and one of the two must be used as a name."""
        from tqcheck.checks.romanization import cyrillic_key

        endings = [e for e in self.ctx.data.get("name_case_endings", default=()) if e]
        if not endings:
            return
        ranks = lexicon_ranks(self.ctx.lang or "")
        frequent = _frequent(self.ctx.lang or "")
        by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for w, occ in self.words.items():
            low = w.casefold()
            if len(w) < 4 or not _INFLECTED_SCRIPT.match(w) or (
                    not occ.proper and (low in frequent or low in ranks)):
                continue
            for stem in _stems(low, endings):
                by_key[cyrillic_key(stem)].append((stem, w))
        for group in by_key.values():
            if len({w for _, w in group}) < 2:
                continue
            for (s1, w1), (s2, w2) in combinations(group, 2):
                if w1 == w2 or s1.startswith(s2) or s2.startswith(s1) or w2 in pairs.get(
                        w1, ()) or not (self.words[w1].proper or self.words[w2].proper):
                    continue  # (a stem inside the other: an ending the list lacks, Греці/Греції)
                c1, c2 = w1.casefold(), w2.casefold()
                if (c1 in ranks and c2 in ranks) or policy_only(w1, w2) or (
                        _DOUBLES.sub(r"\1", s1) == _DOUBLES.sub(r"\1", s2)) or (
                        cyrillic_key(c1) == cyrillic_key(c2)):
                    continue  # (one key: the pass above decided; Алан/Аллана: two names)
                if _derived(c1, c2, self.endings) or _derived(c2, c1, self.endings):
                    continue  # one stem, two endings
                if not _near(self.words[w1].stretches(), self.words[w2].stretches()):
                    continue  # far apart: two documents' names (Берк … Бьерке)
                _pair(pairs, w1, w2)
                self.weak[frozenset((w1, w2))] = "; two renderings of one name in two cases"

    def _greek_renderings(self, pairs: dict[str, set[str]]) -> None:
        """Pair, as a hint (info), two Greek names that render one foreign name two ways
        (:func:`~tqcheck.checks.romanization.greek_key`: Ερντογάν/Ερντογκάν, one vowel in two
        letters, a doubled letter): five letters or more, one of them used as a name and the
        other a name or no word of the lexicon, never two words of the lexicon (the lexicon
        holds frequent names too, so one of them is no word of it) or two forms of one word."""
        from tqcheck.checks.romanization import greek_key

        buckets: dict[str, list[str]] = defaultdict(list)
        frequent = _frequent(self.ctx.lang or "")
        ranks = lexicon_ranks(self.ctx.lang or "")
        for w, occ in self.words.items():
            low = w.casefold()
            if len(w) >= 5 and (occ.proper or (low not in frequent and low not in ranks)):
                buckets[greek_key(w)].append(w)
        for group in buckets.values():
            if len(group) < 2:
                continue
            for a, b in self._proper_pairs(group):
                ca, cb = a.casefold(), b.casefold()
                if (b in pairs.get(a, ()) or policy_only(a, b) or (ca in ranks and cb in ranks)
                        or _derived(ca, cb, self.endings) or fold_name(a) == fold_name(b)):
                    continue  # (the same letters with other accents: the rules above decide)
                _pair(pairs, a, b)
                self.weak[frozenset((a, b))] = "; two Greek renderings of one foreign name"

    def _proper_pairs(self, group: list[str]) -> Iterator[tuple[str, str]]:
        """The pairs of spellings in ``group`` (sorted) of which one at least is used as a name."""
        group.sort()
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if self.words[a].proper or self.words[b].proper:
                    yield a, b

    def _known_group_spellings(self, pairs: dict[str, set[str]]) -> None:
        """Pair a name of the document with a known group's spellings where it is one of them in
        the target's own orthography or with other diacritics (Spanish Járkov is Kharkov, so it
        stands beside Kharkiv; Pékin is Peking, beside Beijing): the groups list each name once,
        not once per language that writes it."""
        from tqcheck.checks.romanization import latin_key, orthography_key

        keyed = _known_keys(self.orthography)
        found: dict[int, set[str]] = defaultdict(set)
        for w, occ in self.words.items():
            if len(w) < 4 or not occ.proper:
                continue
            spelled = w.translate(self.letters) if self.letters else w
            for key in {latin_key(spelled), orthography_key(spelled, self.orthography)}:
                for index in keyed.get(key, ()):
                    found[index].add(w)
        for index, spellings in found.items():
            known = _known_groups()[index]
            present = spellings | {w for w in known if w in self.words}
            # One spelling present is no inconsistency, nor two spellings whose key is one: the
            # inflected forms and diacritics of one name are other checks' concern.
            if len({latin_key(w) for w in present}) < 2:
                continue
            for a in present:
                pairs[a].update(b for b in present if b != a and not policy_only(a, b))

    def _romanizations(self, pairs: dict[str, set[str]]) -> None:
        """Pair the names whose romanization keys agree (:mod:`tqcheck.checks.romanization`)."""
        from tqcheck.checks.romanization import (
            arabic_key,
            chinese_key,
            is_chinese_romanization,
            japanese_key,
            korean_key,
            latin_key,
            looks_arabic,
            looks_korean,
            orthography_key,
            source_key,
            source_rules,
            weak_key,
        )
        from tqcheck.checks.romanization import (
            fold as romanization_fold,  # Prigožin/Prigozhin: one spelling, ž spelled out
        )

        buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
        letters = self.letters
        from_korean = base_lang(self.ctx.source_lang) == "ko"
        from_japanese = base_lang(self.ctx.source_lang) == "ja"
        from_source = source_rules(base_lang(self.ctx.source_lang))
        for w in self.words:
            if len(w) < 4:
                continue
            spelled = w.translate(letters) if letters else w  # German ü is ue, not u
            key = latin_key(spelled)
            buckets["latin", key].append(w)
            if self.orthography and (own := orthography_key(spelled, self.orthography)) != key:
                buckets["own", own].append(w)  # German Selenskyj beside English Zelensky
            if len(w) >= 4 and is_chinese_romanization(w):
                buckets["chinese", chinese_key(w)].append(w)
            if len(w) >= 5:
                buckets["arabic", arabic_key(spelled)].append(w)
                if from_korean:
                    buckets["korean", korean_key(w)].append(w)
                elif looks_korean(w):
                    # Without a Korean source, a spelling that shows a Korean system beside the
                    # same without its eo, eu or breves (Pyeongtaek/Pyongtaek): a dict lookup
                    # each, not a key for every word.
                    key = korean_key(w)
                    buckets["korean", key].append(w)
                    for other in _korean_plain_forms(w):
                        if other != w and other in self.words and korean_key(other) == key:
                            buckets["korean", key].append(other)
                if from_japanese:
                    buckets["japanese", japanese_key(w)].append(w)
                if from_source is not None:
                    buckets["source", source_key(w, from_source)].append(w)
        own_keys = {key for (system, key) in buckets if system == "own"}
        ranks = lexicon_ranks(self.ctx.lang or "")
        # With an Arabic-script source in evidence, a name's vowels are the romanizer's guess:
        # Isfahan/Esfahan, Ebrahim/Ibrahim need no Arabic-looking spelling to pair.
        from_arabic = (self.ctx.source_lang or "") in _ARABIC_SCRIPT_SOURCES
        for (system, key), group in buckets.items():
            if system == "own" or (len(group) < 2 and key not in own_keys):
                continue  # (most keys: one spelling alone pairs with none)
            if key in own_keys:  # Zelensky's own key is Selenskyj's orthography key
                group = group + [w for w in buckets["own", key] if w not in group]
            own_only = {w for w in group if latin_key(w.translate(letters) if letters else w)
                        != key} if system == "latin" and own_keys else set()
            for a, b in self._proper_pairs(group):
                if (a in own_only or b in own_only) and not (
                        _TRANSLITERATED.search(a.casefold()) or _TRANSLITERATED.search(b.casefold())
                        or self.words[a].shares_neighbour(self.words[b])):
                    continue  # Sander/Zander: German s and z alone make no Russian name
                if system == "arabic" and not (
                        (from_arabic or looks_arabic(a) or looks_arabic(b) or (
                            a in self.places and b in self.places and weak_key(a) == weak_key(b)))
                        and self.words[a].proper and self.words[b].proper
                        and ((first := {fold_name(a)[:1], fold_name(b)[:1]}) == {fold_name(a)[:1]}
                             or (from_arabic and first == {"e", "i"}))):
                    continue  # vowels alone tell Western names apart (Peter/Pieter)
                if system == "chinese" and min(len(a), len(b)) < 6 and not (
                        self.words[a].shares_neighbour(self.words[b])
                        and (_CHINESE_LOOK.search(a.casefold())
                             or _CHINESE_LOOK.search(b.casefold()))):
                    continue  # one syllable (Song/Sung) only beside one name: Li Qiang/Li Chiang
                if system == "korean" and not (
                        self.words[a].proper and self.words[b].proper
                        and (from_korean or (looks_korean(a) and looks_korean(b)) or (
                            looks_korean(a) != looks_korean(b) and korean_key(a)[:1] == korean_key(b)[:1]
                            and a[:1] == b[:1]))):
                    continue  # Tina/Dina: a Korean source, or both spellings Korean-looking
                if system in ("japanese", "source") and not (
                        (self.words[a].proper or a.casefold() not in ranks)
                        and (self.words[b].proper or b.casefold() not in ranks)
                        and (self.words[a].proper or self.words[b].proper)
                        and ((self.words[a].proper and self.words[b].proper) or not (
                            a.casefold() in ranks or b.casefold() in ranks))):
                    continue  # (a sentence-start spelling counts when it is no word: Settha;
                    # and beside a name, not a word of the language: Rotte's … National Route)
                if policy_only(a, b):
                    continue
                if bool(_ARTICLE.match(a)) != bool(_ARTICLE.match(b)) and (
                        system != "arabic" or fold_name(a) == fold_name(b)):
                    continue  # Assad/al-Assad: the article alone is house style; not so
                    # Hodeidah/Al-Hudaydah, two romanizations besides
                if {a.casefold(), b.casefold()} <= self.accent_words:
                    continue  # Installe/Installé: two words of the language
                fa, fb = fold_name(a, self.letters), fold_name(b, self.letters)
                if fa == fb and two_words(a, b, self.distinct_accents) and not (
                        self.words[a].shares_neighbour(self.words[b])):
                    continue  # Phần/Phân: two words where accents tell words apart
                # Inflected forms, unless they differ only in a final -iy/-y/-i (Yuriy/Yuri).
                if (fa != fb and fa.rstrip("iyj") != fb.rstrip("iyj")
                        and _derived(fa, fb, self.endings)):
                    continue
                slavic_ending = _suffix_variant(fa, fb) and (
                    fa.endswith(("yy", "iy")) or fb.endswith(("yy", "iy")))  # -sky/-skyy
                if (weak_key(a) == weak_key(b) and romanization_fold(a) != romanization_fold(b)
                        and not slavic_ending and system not in ("source", "japanese", "korean")
                        and not (system == "arabic" and (from_arabic or looks_arabic(a)
                                                         or looks_arabic(b)))
                        and not (a in self.places and b in self.places)):
                    continue  # Harris/Haris: the skeleton comparison above needs evidence; the
                    # source's romanizations (Adityanath/Adityanaath, Mosul/Mossul) are evidence
                _pair(pairs, a, b)


def _pair(pairs: dict[str, set[str]], a: str, b: str) -> None:
    """Record two spellings as one name's, each under the other."""
    pairs[a].add(b)
    pairs[b].add(a)


def _stems(word: str, endings: Iterable[str]) -> set[str]:
    """``word`` and what is left of it, four letters or more, once each of the case ``endings``
    it ends with (in any case) is taken off."""
    low = word.casefold()
    return {word} | {word[:len(word) - len(e)] for e in endings
                     if low.endswith(e) and len(word) - len(e) >= 4}


#: Cyrillic names this long or longer that differ in a doubled letter alone are one name spelled
#: two ways without other evidence (Джонсон/Джонсонн); shorter ones are often two (Алан/Аллан).
_LONG_DOUBLED = 7
#: A Slavic surname in -ский (-ський, -скый) beside its rendering in -ски: no case form.
_SKI = re.compile(r"([сц])ь?к(?:ий|ый|и)$")


def _ski_ending_only(a: str, b: str) -> bool:
    """Do two lower-case Cyrillic spellings differ only in the surname ending -ский/-ски
    (Бжезинский/Бжезински), which no case ending makes?"""
    ma, mb = _SKI.search(a), _SKI.search(b)
    return bool(ma and mb and a[:ma.start()] == b[:mb.start()] and ma.group() != mb.group()
                and "и" in {a[-1], b[-1]})


#: Letters that only a romanization of Chinese writes in a short name (Qiang, Chiang, Hsu,
#: Tse): Tina/Dina beside one surname are two people.
_CHINESE_LOOK = re.compile(r"[qx]|zh|hs|ts|tz|ng$|['’]")

#: An abbreviation in capitals right before a word (the end of the text searched).
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])[A-Z]{2,6} $")

_CYRILLIC_VOWELS = re.compile(r"[аеёиоуыэюяіїє]")


def _vowel_count(word: str) -> int:
    """The vowels of a lower-case Cyrillic word: its syllables."""
    return len(_CYRILLIC_VOWELS.findall(word))


#: A word this frequent in the language, at a sentence start, is its word, not a name beside
#: the same with diacritics (Rose/Rosé, Expose/Exposé); rarer ones are names (Erdogan, 20,641).
_START_NAME_RANK = 8000


def _korean_plain_forms(word: str) -> set[str]:
    """``word`` (a Korean name in a romanization) without its eo and eu, its breves or its
    apostrophes: the spellings of the name in McCune-Reischauer without marks and in common use
    (Pyeongtaek, P'yŏngt'aek: Pyongtaek)."""
    bare = _strip_accents(word).replace("'", "").replace("’", "")
    return {w.replace("eo", "o").replace("eu", "u") for w in (word, bare)} | {bare}

#: Languages written in Cyrillic that may have no data file: TQ501 compares the renderings of
#: foreign names in them as in Russian and Ukrainian.
_CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "mk", "kk", "ky", "tg", "mn"})

#: Source languages written in Arabic script, whose names English romanizes with guessed vowels.
_ARABIC_SCRIPT_SOURCES = frozenset({"ar", "fa", "ur", "ps", "ku", "ckb", "prs"})


#: Words at least this frequent in the language (by rank) are its own words, not spellings of a
#: name: a fix never rewrites one (or toward one).
_COMMON_WORD_RANK = 3000


@cache
def _common_words(lang: str) -> frozenset[str]:
    from tqcheck.langid import frequent_words

    return frequent_words(lang, _COMMON_WORD_RANK) if lang else frozenset()


@cache
def _noun_lexicon(lang: str, capitalized_nouns: bool) -> frozenset[str]:
    """The language's frequent words where every noun is capitalised (German): a capital says
    nothing about a name there, so a frequent word is taken for a noun, not a name."""
    if not capitalized_nouns:
        return frozenset()
    from tqcheck.langid import lexicon

    lex = lexicon(lang)
    return lex.words if lex else frozenset()


@cache
def _function_words(lang: str) -> frozenset[str]:
    """Function words of ``lang`` (language-ID lists and the language data), case folded."""
    from tqcheck.langdata import load_language
    from tqcheck.langid import function_words

    data = load_language(lang)
    words = {*function_words(lang), *data.get("function_words", default=()),
             *data.get("sentence_starters", default=())}
    return frozenset(w.casefold() for w in words)


#: A hyphenated word of two parts or more (cease-fire, E-Mail-Adresse, cessez-le-feu).
_HYPHENATED = re.compile(r"(?<![\w'’-])(?:[^\W\d_]{2,}|[^\W\d_])(?:-[^\W\d_]{2,})+(?![\w'’-])")
#: What every match of ``_HYPHENATED`` holds, found fast (the search starts at the hyphen, a
#: literal): a hyphen between two letters.
_LETTER_HYPHEN_LETTER = re.compile(r"-(?<=[^\W\d_]-)(?=[^\W\d_])")


def _hyphenated_words(text: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (:data:`_HYPHENATED`, :data:`_ELIDED_HYPHENATED`) in
    ``text``, as its ``finditer`` finds them, tried only at the letters before each hyphen between
    two letters (a literal the regex engine finds fast; the regex alone is tried at every
    position and backtracks through every word): a match opens with the run of letters before
    its first hyphen, and a text without such a hyphen holds none."""
    hyphen = _LETTER_HYPHEN_LETTER.search(text)
    if hyphen is None:
        return
    reversed_text = text[::-1]  # the letters before a hyphen: one match on the reversed text
    size = len(text)
    while hyphen is not None:
        at = hyphen.start()
        before = LETTERS.match(reversed_text, size - at)
        m = pattern.match(text, size - before.end()) if before is not None else None
        if m is not None:
            yield m
            hyphen = _LETTER_HYPHEN_LETTER.search(text, m.end())
        else:
            hyphen = _LETTER_HYPHEN_LETTER.search(text, at + 1)


#: Distinct words and word pairs remembered (where each first stands) to pair a closed
#: compound with its open or hyphenated form in either order: a bound on memory and time (an
#: article holds far fewer; in a long file, pairs after the first 20,000 are not remembered).
_MAX_OPEN = 20000
#: Arabic alef with hamza or madda, and the bare alef MT writes for them.
_HAMZA_ALEF = str.maketrans("أإآ", "ااا")


def _hamza_site(marked: str, bare: str) -> bool:
    """Whether ``marked`` differs from ``bare`` only where a bare alef is a slip: after the
    article (الأمم/الامم) or at the start of a long word (إسرائيل/اسرائيل).  Not inside a word
    after a clitic (وأبل/وابل are two words), not the article's own alef, and not at the start of
    a short verb (أعتقد/اعتقد are two forms)."""
    sites = [i for i, (a, b) in enumerate(zip(marked, bare, strict=True)) if a != b]
    return all((i == 2 and bare.startswith("ال")) or (i == 0 and len(bare) >= 7) for i in sites)


#: Arabic-script letters written two ways, per language: what each maps to for comparison.
#: Arabic: a final tāʾ marbūṭa or hāʾ, a final alef maqṣūra or yāʾ, and the Persian yāʾ and kāf
#: (ی ک) for the Arabic ones; Persian: the Arabic yāʾ, alef maqṣūra and kāf for its own.
_LETTER_FORMS: dict[str, dict[str, str]] = {
    "ar": {"final": "ةه ىي", "map": "یي کك"},
    "fa": {"final": "", "map": "يی ىی كک"},
}
#: The letters of the other script's form, per language: a word holding one is misspelled.
_FOREIGN_LETTERS = {"ar": "یک", "fa": "يىك"}
_TATWEEL = "\u0640"


def _letter_key(word: str, table: dict[str, str]) -> str:
    """``word`` with the letters of ``table`` in one form (see :data:`_LETTER_FORMS`)."""
    key = word.replace(_TATWEEL, "")
    for pair in table["map"].split():
        key = key.replace(pair[0], pair[1])
    for pair in table["final"].split():
        if key.endswith(pair[0]):
            key = key[:-1] + pair[1]
    return key


#: Spellings that a spelling reform changed, per language: (trigger letters, rewrites to the
#: current spelling, whether two words of the lexicon of similar frequency may pair, the
#: shortest current form).
#: German 1996: ß after a short vowel, at the end of a word or before a consonant, is ss
#: (daß/dass, muß/muss, Fluß/Fluss; never Maße/Masse, where ß stands between vowels);
#: French 1990: è for é before a syllable with a mute e (évènement/événement,
#: règlementation/réglementation), both forms correct, so both may be frequent; never a verb's
#: -ent (ils diffèrent/différent);
#: Portuguese 1990: the silent c and p before ç and t (acção/ação, óptimo/ótimo, projecto/
#: projeto), in words of six letters or more and never two frequent words (captar/catar).
#: French 1990 also: no circumflex on i and u (maître/maitre, coût/cout, connaître/connaitre),
#: except where it tells words apart: dû, mûr, sûr, jeûne, crû and the verb endings of the
#: simple past and the subjunctive (fût/fut, -îmes, -ûtes …); a word's first letters decide.
_CIRCUMFLEX_I = re.compile(r"(?<!^cro)(?<!^accro)(?<=\w)î(?!(?:t|mes|tes)$)")
_CIRCUMFLEX_U = re.compile(r"(?<!^s)(?<!^m)(?<!^d)(?<!^cr)(?<!^je)(?<=\w)û(?!(?:t|mes|tes)$)")
_Reform = tuple[str | tuple[str, ...], Rules, bool, int]
_REFORMS: dict[str, _Reform] = {
    "de": ("ß", ((re.compile(r"ß(?![aeiouyäöü])"), "ss"),), False, 4),
    "fr": ("èîû", ((re.compile(r"è(?=[bcdfghjklmnpqrstvz]{1,2}e(?!nts?$))"), "é"),
                   (_CIRCUMFLEX_I, "i"), (_CIRCUMFLEX_U, "u")), True, 5),
    # Spanish: the simplified clusters the Academy accepts beside the full ones (psicología/
    # sicología, pseudónimo/seudónimo, oscuro/obscuro, sustancia/substancia, suscribir/
    # subscribir, setiembre/septiembre); both are correct, a document writes one.
    "es": (("ps", "bs", "sept"), ((re.compile(r"^ps(?=[eií])"), "s"),
                                  (re.compile(r"^(o|su)bs(?=[ct])"), r"\1s"),
                                  (re.compile(r"^septiembre"), "setiembre")), True, 5),
    # Both spellings are frequent words in wordfreq's Portuguese (European and Brazilian text):
    # the lexicon cannot tell a slip, and a document mixing them is inconsistent either way.
    "pt": ("cp", ((re.compile(r"(?<=[aeiouáéíóú])[cp](?=[çt])"), ""),), True, 6),
}


#: The vowels that European Portuguese writes open (é, ó) and Brazilian closed (ê, ô) before
#: a nasal consonant.
_PT_OPEN_CLOSED = (frozenset("éê"), frozenset("óô"))


def _pt_open_closed(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ only in one é/ê or ó/ô before m or n (académico/acadêmico)?
    Never a final vowel (avó/avô are two words)."""
    if len(a) != len(b):
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (len(diff) == 1 and diff[0] + 1 < len(a) and a[diff[0] + 1] in "mn"
            and any({a[diff[0]], b[diff[0]]} == pair for pair in _PT_OPEN_CLOSED))


#: German words whose ß and ss spellings are two words (Maße/Masse, Buße/Busse, Floß/floss).
_SZ_MINIMAL_PAIRS = frozenset({"maße", "maßen", "buße", "bußen", "floß"})


#: A katakana word of three characters or more (the long-vowel mark included).
_KATAKANA_WORD = re.compile(r"[ァ-ヴ][ァ-ヴー]{2,}")
_VU = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"))


#: Small kana written full size (ウィリアム/ウイリアム), for a key without long-vowel marks.
_SMALL_KANA = str.maketrans("ァィゥェォ", "アイウエオ", "ーッ")
#: Letters a katakana word keeps, without its long-vowel marks and geminate ッ, for those to be
#: no part of its key: fewer and two words of the language share it (ビール/ビル, beer/building).
_KANA_CORE = 4


#: Katakana of the i row (キ, シ, チ …): a long i after one is written ー or イ.
_I_ROW = frozenset("イキシチニヒミリギジヂビピィ")


def _katakana_key(word: str) -> str:
    """A katakana word without its final long-vowel mark and with ヴ as バ行: the JIS and
    newspaper spellings of one loanword (サーバー/サーバ, ヴァイオリン/バイオリン) share it; a
    word of four letters or more without any long-vowel mark or geminate ッ, and with its small
    kana full size and a final ズ read as ス, so that the renderings of one foreign name share it
    too (マクロン/マクローン, ショルツ/ショルッツ, ウィリアム/ウイリアム, ヤンキース/ヤンキーズ)."""
    key = word.rstrip("ー")
    if len(key) >= 4 and key.endswith("イ") and key[-2] in _I_ROW:
        key = key[:-1]  # a long i written イ or ー (ゼレンスキイ/ゼレンスキー: Russian -ий)
    if "ヴ" in key:
        for vu, b in _VU:
            key = key.replace(vu, b)
    compact = key.translate(_SMALL_KANA)
    if len(compact) < _KANA_CORE:
        return key
    # An English plural -s heard voiced or not (ヤンキース/ヤンキーズ): in
    # words of four letters or more besides long-vowel marks, so ロース/ローズ stay two words.
    return compact[:-1] + "ス" if compact.endswith("ズ") else compact


_SZ_WORD = re.compile(r"(?<![\w-])[^\W\d_]*(?:ß|ss)[^\W\d_]*(?![\w-])")


#: A comma or semicolon with a letter right after it: a list of search keywords
#: ("kilomètre,kilometre,km"), which spells words both ways on purpose.
_KEYWORD_LIST = re.compile(r"[^\W\d_][,;][^\W\d_]")


#: Persian: the verbal prefix می/نمی and the plural ها/های joined by a zero-width non-joiner or
#: written apart with a space (the spelling rules of the Academy join them).
_FA_JOINED = re.compile(r"(?<![\w\u200c])(?:ن?می\u200c[\u0600-\u06ff]{2,}"
                        r"|[\u0600-\u06ff]{2,}\u200cها(?:ی)?)(?![\w\u200c])")
_FA_SPACED = re.compile(r"(?<![\w\u200c])(?:ن?می [\u0600-\u06ff]{2,}"
                        r"|[\u0600-\u06ff]{2,} ها(?:ی)?)(?![\w\u200c])")
#: Korean: two words of Hangul written apart (the closed form is looked for among the words).
_KO_OPEN = re.compile(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{2,})(?= ([\uac00-\ud7a3]{2,}))")
_KO_WORD = re.compile(r"(?<![\uac00-\ud7a3])[\uac00-\ud7a3]{4,}")
#: Particles and endings a Korean word may carry after the closed form (평택캠퍼스에서).
_KO_TAIL = 2


#: Chinese characters whose traditional and simplified forms differ, written for tqcheck from
#: general knowledge of the two standards (Apache-2.0): only characters that the other standard
#: never writes (著, 乾, 瞭, which simplified Chinese keeps in some words, are left out).
_TRADITIONAL = (
    "個們這來時會後對說國發與為學經從關開點動機現長業門問區無裡實電話種務認網頁設連結錄碼統資訊雲數據庫歷"
    "隨圖書處報導選擇單擊號變請應議記邊線讓讀寫語譯帳賬戶產氣車東見聽買賣錢銀億萬場團權軍戰爭黨員總護療醫"
    "藥衛環綠農糧價費貿稅財證辦際內體質類顯願頭題顏風飛館鐵鋼錯鍵鏡閱陽陰險隊雙雖離難雞鳥魚麗黃齊龍寶審將"
    "專尋屬島幣幫廣張強彈歸當徑復愛態慶憂戲掃掛換揮損搖搶攝擁擔擴擾敗敵斷於晉暫曆曉條極構標樂樓樣橋檢歡歲"
    "殘殺決沒淚準溫滅滿漢潔濟灣災煙熱燈營牆狀獨獲獎畫盡監盤眾礎確禮稱穩窮競筆節範築簡紀約紅級納紙紛細終組"
    "給絡絕綜維緊練績續罰羅義習聖聯聲職腦臉興舉舊華葉蓋藝蟲術補製複襲規視覺觀計訂討訓託訪許診評詞試詩該詳"
    "誤課調談論諾謝識豐負責貨貧購賓賞賴賽贊趕趨軌軟載輕輛輪輸轉進遊運過達違遠適遷遺鄉鄰釋針銷鋪閃閉間闊陸"
    "陳隱雜靈靜響頂項順須預領頻額顧飯飲養馬駐驗髮鬥鮮麥齒鐘鑰匯劃劇劑勞勢勵協卻厲參嚴園圍塊壓壞壯夢夾奪奮"
    "婦媽孫寧層岡嶼師帶幾廳彎徹憑懷懸戀拋擋擠擬攜敘斬暈曬棄棟殼氫汙淺測濕漲潛澤濃灑燒燦爐犧猶獸瑪甦畢異癒"
    "盜磚礦禍穀竊筍簽籃粵紐純絲綁緒締編緩縣縮織繩繪繼罷聞肅脫膚臨艦艱莊蔣薦蘇蘭蝦裝詐詢誕誌誠諮謀講譽貓貸"
    "貼貴賀賠贏趙跡踐蹤軸較輔輯辭遞遲醬鈔鉛銅鋒鎖鎮鏈鑑閣闆陣階雛韓頒頸頓頗顆颱飄餘騎騙驅驚骯鬆魯鳳鴨鹽麵"
    "黴鼕"
)
_SIMPLIFIED = (
    "个们这来时会后对说国发与为学经从关开点动机现长业门问区无里实电话种务认网页设连结录码统资讯云数据库历"
    "随图书处报导选择单击号变请应议记边线让读写语译账账户产气车东见听买卖钱银亿万场团权军战争党员总护疗医"
    "药卫环绿农粮价费贸税财证办际内体质类显愿头题颜风飞馆铁钢错键镜阅阳阴险队双虽离难鸡鸟鱼丽黄齐龙宝审将"
    "专寻属岛币帮广张强弹归当径复爱态庆忧戏扫挂换挥损摇抢摄拥担扩扰败敌断于晋暂历晓条极构标乐楼样桥检欢岁"
    "残杀决没泪准温灭满汉洁济湾灾烟热灯营墙状独获奖画尽监盘众础确礼称稳穷竞笔节范筑简纪约红级纳纸纷细终组"
    "给络绝综维紧练绩续罚罗义习圣联声职脑脸兴举旧华叶盖艺虫术补制复袭规视觉观计订讨训托访许诊评词试诗该详"
    "误课调谈论诺谢识丰负责货贫购宾赏赖赛赞赶趋轨软载轻辆轮输转进游运过达违远适迁遗乡邻释针销铺闪闭间阔陆"
    "陈隐杂灵静响顶项顺须预领频额顾饭饮养马驻验发斗鲜麦齿钟钥汇划剧剂劳势励协却厉参严园围块压坏壮梦夹夺奋"
    "妇妈孙宁层冈屿师带几厅弯彻凭怀悬恋抛挡挤拟携叙斩晕晒弃栋壳氢污浅测湿涨潜泽浓洒烧灿炉牺犹兽玛苏毕异愈"
    "盗砖矿祸谷窃笋签篮粤纽纯丝绑绪缔编缓县缩织绳绘继罢闻肃脱肤临舰艰庄蒋荐苏兰虾装诈询诞志诚咨谋讲誉猫贷"
    "贴贵贺赔赢赵迹践踪轴较辅辑辞递迟酱钞铅铜锋锁镇链鉴阁板阵阶雏韩颁颈顿颇颗台飘余骑骗驱惊肮松鲁凤鸭盐面"
    "霉冬"
)
_TO_SIMPLIFIED = str.maketrans(_TRADITIONAL, _SIMPLIFIED)
_TRADITIONAL_CHAR = re.compile(f"[{_TRADITIONAL}]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: The most traditional spellings of a document looked up, and the characters kept of it.
_MAX_TRADITIONAL = 200
_MAX_HAN_TEXT = 200_000


def _near_any(positions: list[int], at: int) -> bool:
    """Does one of ``positions`` (sorted) stand within :data:`_NEAR_CHARS` of ``at``?"""
    i = bisect_left(positions, at - _NEAR_CHARS)
    return i < len(positions) and positions[i] <= at + _NEAR_CHARS


#: A word with an apostrophe inside (straight, typographic or the Ukrainian modifier letter).
_APOSTROPHE_WORD = re.compile(r"(?<![\w'’ʼ])[^\W\d_]+['’ʼ][^\W\d_]+(?![\w'’ʼ])")
_APOSTROPHE = re.compile(r"['’ʼ]")
#: An apostrophe (not the modifier letter, a letter itself) between two letters.
_APOSTROPHE_BETWEEN = re.compile(r"['’](?<=[^\W\d_]['’])(?=[^\W\d_])")


def _apostrophe_words(text: str) -> Iterator[tuple[int, int, int]]:
    """``(start, apostrophe, end)`` of each match of :data:`_APOSTROPHE_WORD` in ``text``, which
    holds no modifier letter apostrophe (ʼ): from its apostrophes (a fast scan), each word's
    letters on both sides read by hand, instead of the regex's attempt at every character."""
    n = len(text)
    for m in _APOSTROPHE_BETWEEN.finditer(text):
        at = m.start()
        start = at
        while start > 0 and _is_letter(text[start - 1]):
            start -= 1
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_'’"):
            continue
        end = at + 1
        while end < n and _is_letter(text[end]):
            end += 1
        if end < n and (text[end].isalnum() or text[end] in "_'’"):
            continue
        yield start, at, end


def _is_letter(c: str) -> bool:
    r"""Is ``c`` in the regex class ``[^\W\d_]``?"""
    return c.isalnum() and not c.isdecimal()
_APOSTROPHE_NAMES = {"'": "straight", "’": "typographic", "ʼ": "modifier letter"}


def _fa_part(form: str) -> str:
    """What a Persian form joins: the verbal prefix ("mi") or the plural ending ("ha")."""
    return "mi" if form.startswith(("می", "نمی")) else "ha"


class _Spacing:
    """One word written joined and spaced in one document (Persian می‌شود … می شود, Korean
    평택캠퍼스 … 평택 캠퍼스): every occurrence of the less used form, and the first of the
    other, as info (spacing is a house style's choice where both are in use)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.joined: list[tuple[Segment, int, int, str]] = []
        self.spaced: list[tuple[Segment, int, int, str]] = []
        self.words: dict[str, tuple[Segment, int, int]] = {}

    def feed(self, segment: Segment) -> None:
        text = segment.text
        if len(self.joined) + len(self.spaced) > _MAX_OPEN:
            return
        if self.lang == "fa":
            # Tagged by what is joined: the prefix می (verbs) or the plural ها (nouns).
            if "\u200c" in text:
                self.joined.extend((segment, m.start(), m.end(), _fa_part(m.group()))
                                   for m in _FA_JOINED.finditer(text))
            if "می " in text or " ها" in text:
                self.spaced.extend((segment, m.start(), m.end(), _fa_part(m.group()))
                                   for m in _FA_SPACED.finditer(text))
            return
        for m in _KO_WORD.finditer(text):
            self.words.setdefault(m.group(), (segment, m.start(), m.end()))
        for m in _KO_OPEN.finditer(text):
            # (a lookahead: every word is tried as the first of a pair)
            self.spaced.append((segment, m.start(), m.end(2), m.group(1) + m.group(2)))

    def finish(self, path: str) -> list[Hit]:
        if self.lang == "fa":
            pairs = []
            for part in ("mi", "ha"):
                spaced_part = [f for f in self.spaced if f[3] == part]
                joined_part = [f for f in self.joined if f[3] == part]
                if spaced_part and joined_part:
                    pairs.append((spaced_part, joined_part))
        else:
            by_start: dict[str, list[str]] = defaultdict(list)
            for w in self.words:
                by_start[w[:2]].append(w)
            spaced: list[tuple[Segment, int, int, str]] = []
            joined: list[tuple[Segment, int, int, str]] = []
            for seg, start, end, closed in self.spaced:
                found = next((w for w in by_start.get(closed[:2], ())
                              if w.startswith(closed) and len(w) - len(closed) <= _KO_TAIL), None)
                if found is not None:
                    spaced.append((seg, start, end, closed))
                    joined.append((*self.words[found], found))
            if not spaced:
                return []
            pairs = [(spaced, joined)]
        hits: list[Hit] = []
        for spaced_forms, joined_forms in pairs:
            first_joined = joined_forms[0]
            shown = first_joined[0].text[first_joined[1]:first_joined[2]]
            where = Location(path, *first_joined[0].locate(first_joined[1]),
                             *first_joined[0].locate(first_joined[2]))
            for seg, start, end, _ in spaced_forms:
                hits.append(Hit(start, end, f"written apart: '{seg.text[start:end]}', where the "
                                f"document joins it elsewhere ('{shown}', {len(joined_forms)}×)",
                                related=(where,), segment=seg, severity=Severity.INFO))
            seen: set[tuple[int, int, int]] = set()
            # The joined form is shown once per word (Korean) or once (Persian, where it is the
            # Academy's spelling and a catalogue may hold it hundreds of times).
            for seg, start, end, _ in joined_forms[:1] if self.lang == "fa" else joined_forms:
                if (id(seg), start, end) in seen:
                    continue
                seen.add((id(seg), start, end))
                hits.append(Hit(start, end, f"written joined: '{seg.text[start:end]}', where the "
                                f"document writes it apart elsewhere ({len(spaced_forms)}×)",
                                segment=seg, severity=Severity.INFO))
        return hits


#: A Greek word of five letters or more, and the vowel groups of a Greek word without accents
#: (a diphthong or a vowel after ι is one group: ποιος and μια have one syllable).
_GREEK_WORD = re.compile(r"(?<![\w-])[\u0370-\u03ff\u1f00-\u1fff]{5,}(?![\w-])")
_GREEK_VOWELS = re.compile(r"[αεηιουω]+")


def _strip_accents(word: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


#: How much rarer than the word a spelling must be to be a misspelling of it, not a word of its
#: own: المدرسه is 29× rarer than المدرسة (a slip), كتابه under 2× rarer than كتابة (a word).
_RARER = 20


#: The same for a final alef maqṣūra against yāʾ (:func:`_final_maqsura_only`).
_RARER_MAQSURA = 10


def _final_maqsura_only(forms: list[str]) -> bool:
    """Do the spellings differ only in a final ى or ي (words of four letters or more)?"""
    return len(forms) == 2 and min(map(len, forms)) >= 4 and forms[0][:-1] == forms[1][:-1] \
        and {forms[0][-1], forms[1][-1]} == {"ى", "ي"}


def _one_is_the_word(forms: list[str], ranks: dict[str, int], rarer: int = _RARER) -> bool:
    """Is exactly one of ``forms`` the language's word, the others absent from its lexicon or
    at least ``rarer`` (:data:`_RARER`) times rarer?"""
    known = sorted((ranks[w], w) for w in forms if w in ranks)
    if not known:
        return False
    best = known[0][0]
    return all(rank >= best * rarer for rank, _ in known[1:])


#: Words this frequent in the language are words, not names (:func:`_frequent`).
_COMMON_WORD_RANK = 3000


@cache
def _frequent(lang: str) -> frozenset[str]:
    from tqcheck.langid import frequent_words

    return frequent_words(lang, _COMMON_WORD_RANK)


@cache
def _spelling_pair_set(lang: str) -> frozenset[frozenset[str]]:
    """Every two spellings of one word in :func:`_spelling_pairs`."""
    return frozenset(frozenset((a, b)) for group in _spelling_pairs(lang)
                     for i, a in enumerate(group) for b in group[i + 1:] if a != b)


@cache
def _spelling_pairs(lang: str) -> tuple[tuple[str, ...], ...]:
    """Word lists of variant spellings shipped for ``lang`` (``tqcheck/data/spelling/<lang>-*.tsv``:
    British/American English)."""
    from tqcheck.datapack import builtin_lines, builtin_names

    pairs: list[tuple[str, ...]] = []
    for name in builtin_names("spelling", ".tsv"):
        if name.startswith(f"{lang}-"):
            for line in builtin_lines(f"spelling/{name}") or ():
                pairs.append(tuple(w.casefold() for w in line.split("\t")))
    return tuple(pairs)


#: ``_HYPHENATED`` also after an apostrophe (French and Italian "l'e-mail"): the text before it
#: is then read for an elided word (:func:`_elided_after`).
_ELIDED_HYPHENATED = re.compile(r"(?<![\w-])(?:[^\W\d_]{2,}|[^\W\d_])(?:-[^\W\d_]{2,})+(?![\w'’-])")
_ELIDED_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]+)['’]$")


def _elided_after(text: str, start: int, elision: frozenset[str]) -> bool:
    """Whether the word at ``start`` follows no apostrophe, or one that closes an elided word of
    ``elision`` ("l'", "dell'"; not "rock'n'roll")."""
    if text[start - 1] not in "'’":
        return True
    m = _ELIDED_BEFORE.search(text, max(0, start - 12), start)
    return m is not None and m.group(1).casefold() in elision


@lru_cache(maxsize=1024)
def _after_apostrophe(word: str) -> re.Pattern[str]:
    """``word`` (any case) right after an apostrophe and not inside a longer word or compound."""
    return re.compile(rf"(?<=['’]){re.escape(word)}(?![\w'-])(?!’)", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _standing_alone(word: str) -> re.Pattern[str]:
    r"""``word`` (any case) not inside a longer word, an elision or a compound:
    ``(?<![\w'’-])word(?![\w'’-])``, written with ’ apart from the class (a class holding
    a character past Latin-1 costs the regex compiler a 64K-entry bitmap, per word)."""
    return re.compile(rf"(?<![\w'-])(?<!’){re.escape(word)}(?![\w'-])(?!’)", re.IGNORECASE)


def _acronym_alone(word: str) -> re.Pattern[str]:
    """``word`` (any case) as :func:`_standing_alone` finds it, or before a hyphen and a number
    (COVID-19 … Covid-19)."""
    return re.compile(rf"(?<![\w'-])(?<!’){re.escape(word)}(?![\w']|-(?!\d))(?!’)", re.IGNORECASE)


@dataclass(frozen=True)
class _ListedTable:
    pairs: tuple[tuple[str, ...], ...]
    pairs_of: dict[str, tuple[tuple[str, ...], ...]]
    words: frozenset[str]
    open_forms: dict[str, str]


@lru_cache(maxsize=32)
def _listed_table(lang: str, data_pairs: tuple[tuple[str, ...], ...]) -> _ListedTable:
    """TQ502's listed spelling pairs of ``lang`` (its language data's and the spelling lists'),
    each word's pairs, the one-word forms and the open forms by their closed spelling."""
    pairs = [tuple(w.casefold() for w in pair) for pair in data_pairs]
    pairs.extend(_spelling_pairs(lang))
    pairs_of: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for pair in pairs:
        for w in pair:
            pairs_of[w].append(pair)
    return _ListedTable(tuple(pairs), {w: tuple(v) for w, v in pairs_of.items()},
                        frozenset(w for pair in pairs for w in pair if " " not in w),
                        {w.replace(" ", ""): w for pair in pairs for w in pair if " " in w})


@register("TQ502", "spelling-variants", Severity.INFO, scope="document", fix="unsafe")
class SpellingVariants:
    """One word written two ways in one document (cease-fire/ceasefire, per cent/percent).

    What it does:
        Finds one compound written closed, hyphenated or open (``cease-fire``/``ceasefire``,
        ``bike lane``/``bikelane``, ``e-scooters``/``e scooters``; open forms whose parts are
        content words, so "every day"/"everyday" and "may be"/"maybe" never pair), the pairs of the
        language data (``spelling_variants``: "per cent"/"percent") and of the shipped word lists
        (British/American English, Spanish words of two accepted accentuations: vídeo/video,
        and of two spellings: mexicano/mejicano, European/Brazilian Portuguese words:
        equipa/equipe, French words of two spellings: clé/clef; ``tqcheck/data/spelling/``), in
        Portuguese one word with European é, ó and Brazilian ê, ô before m or n
        (económico/econômico; never avó/avô), and in Arabic one word with and
        without the hamza on its alef (إسرائيل/اسرائيل; words of four letters or more, so the
        particles أن/إن stay apart), one word in two Arabic-script letter forms (Arabic: a
        final ة/ه or ى/ي where the lexicon holds one form and the other not or 20× rarer, as in
        المدرسة/المدرسه but not كتابة/كتابه; the Persian ی ک in Arabic and the Arabic ي ى ك in
        Persian always), a word with and without its accents in a Latin-script language with a
        lexicon (événement/evenement, where the accented form is the frequent one and the bare
        one absent or 20× rarer: never está/esta), a Greek word of two syllables or more
        without its accent beside the word or another form of it with the accent
        (Θεσσαλονίκης … Θεσσαλονικη; words in capitals drop accents and are skipped), a
        Persian verbal prefix or plural ending joined by a zero-width non-joiner and written
        apart in one document (می‌شوند … می شود), a Korean compound written closed and open
        (평택캠퍼스에서 … 평택 캠퍼스에: the closed form followed by at most two syllables of
        particles; info), with the source known and written in another script, two
        romanizations of one of its words that the target's lexicon lacks, in lower case
        (tomans/tumans, hryvnias/hryvnyas), a German word with ph and with f (Photo/Foto,
        Graphik/Grafik), one word written with a straight and with a typographic apostrophe
        (комп'ютер … комп’ютером, don't … don’t; info), a Chinese word in traditional and in
        simplified characters (帳戶 … 账户), a hyphenated word and its closed form in
        another case (вебсайт/веб-сайті: the language's ``inflection_endings``), in languages
        that never write a hyphenated compound open (``hyphen_compounds``: Russian, Ukrainian,
        German, Polish, Czech, Dutch) its open form in any case (интернет-магазин/интернет
        магазине), a word in the spelling before and after a reform (German daß/dass, where ß
        ends a syllable, and the ß of a long vowel written ss as in Switzerland, Straße/Strasse,
        never Maße/Masse, Buße/Busse, Floß/floss; French évènement/événement and î û without
        their circumflex, maître/maitre, never dû, mûr, sûr, jeûne or a verb's -ît, -ût;
        Portuguese acção/ação, never two frequent words as captar/catar; Spanish simplified
        clusters, psicología/sicología, obscuro/oscuro, substancia/sustancia), a Japanese
        katakana loanword with and without its final long-vowel mark, with ヴ and バ行 or with
        a final ス and ズ in words of four letters or more (サーバー/サーバ, ヴァイオリン/バイオリン,
        ヤンキース/ヤンキーズ), with a final long i written イ or ー (ゼレンスキイ/ゼレンスキー), a word
        written with inner capitals and with a capital
        only at its start (WeChat/Wechat, YouTube/Youtube; never all capitals or lower case, the
        style of a heading or a URL) or written open with each part capitalised (MitID/Mit ID,
        PowerPoint/Power Point), and an abbreviation in capitals and with a capital only at its
        start (BCE/Bce, NATO/Nato: three letters or more, never one of the language's or
        English's 3,000 most frequent words such as START/Start, a word at a sentence's start,
        words in capitals together or a heading set in capitals or title case; also before a
        hyphen and a number: COVID-19/Covid-19), and an abbreviation of capitals written with
        and without full stops (U.S./US, U.N./UN: where the two stand within a few thousand
        characters of each other; never in a heading set in capitals, before a hyphen or
        US$).  Reports the
        first occurrence of every spelling with where the other stands.  A hyphenated name is
        paired with its open form too (Kim Jong-un/Kim Jong Un, Saint-Denis/Saint Denis: written
        with a capital inside a sentence).

    Why it matters:
        MT picks a spelling per sentence; a house style has one.  Mixed spellings read as careless.

    Example:
        ``permanent cease-fire`` … ``a temporary ceasefire`` → two findings.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.first: dict[str, _Occurrence] = {}
        self.closed_candidates: dict[str, str] = {}  # closed form -> hyphenated form
        #: Hyphenated forms written with a capital inside a sentence: parts of a name, whose open
        #: form is the same name (Kim Jong-un/Kim Jong Un, Saint-Denis/Saint Denis).
        self.named: set[str] = set()
        lang = ctx.lang or ""
        # The listed pairs and what they index depend on the language only: made once per
        # language, not per document (a corpus record is a document of its own).
        table = _listed_table(lang, tuple(tuple(pair) for pair in
                                          ctx.data.get("spelling_variants", default=())))
        self.listed: tuple[tuple[str, ...], ...] = table.pairs
        #: The listed pairs of each word (``finish`` looks only at words it has seen).
        self.pairs_of = table.pairs_of
        # Words worth locating: closed forms of hyphenated and open words seen so far, and listed
        # variants (one-word ones; "per cent" is found as an open compound).  The listed words
        # are shared; a document's own closed forms are added to its copy, made on first need.
        self.wanted: set[str] | frozenset[str] = table.words
        self.listed_words = table.words
        self.listed_open = table.open_forms
        self.function = _function_words(lang)
        #: The language's case and number endings (an inflected closed form of a hyphenated word).
        self.endings: tuple[str, ...] = tuple(ctx.data.get("inflection_endings", default=()))
        #: The endings, longest first, and one alternation of them (an inflected open form).
        self.endings_longest = sorted((e for e in self.endings if e), key=len, reverse=True)
        self.endings_re = "|".join(map(re.escape, self.endings_longest))
        #: Whether the language hyphenates compound nouns that it never writes open
        #: (``hyphen_compounds``: Russian интернет-магазин, German Online-Shop).
        self.hyphen_compounds = bool(ctx.data.get("hyphen_compounds", default=False))
        #: Whether a word hyphenated in three parts pairs with its open form (not in English).
        self.multi_open = base_lang(lang) != "en"
        self.arabic = lang == "ar"
        #: Elided articles and prepositions (``elision_prefixes``: French and Italian l', d',
        #: dell'): "l'email" is an occurrence of "email", "l'e-mail" of "e-mail".
        self.elision = frozenset(ctx.data.get("elision_prefixes", default=()))
        self.hamza: dict[str, set[str]] = defaultdict(set)  # bare form -> spellings seen
        #: Arabic-script letter forms (ة/ه, ى/ي, Arabic and Persian ي/ی, ك/ک): key -> spellings.
        self.letter_table = _LETTER_FORMS.get(lang)
        self.letter_forms: dict[str, set[str]] = defaultdict(set)
        #: Latin-script languages with a lexicon: accented words by their form without accents
        #: (événement … evenement), paired in ``finish`` against the lexicon's frequencies.
        self.accented: dict[str, set[str]] | None = (
            defaultdict(set) if ctx.data.get("script") == "Latin" and lexicon_ranks(lang)
            else None)
        #: Greek words by their first five letters without accents: the spellings seen (a word of
        #: two syllables or more written without its accent beside the accented word).
        self.greek: dict[str, set[str]] | None = (
            defaultdict(set) if base_lang(lang) == "el" else None)
        #: Words written with a space where the language joins them (Persian می‌شود … می شود,
        #: Korean 평택캠퍼스 … 평택 캠퍼스): the joined and the spaced occurrences, by the form
        #: without the space.
        #: Words with an apostrophe inside, by the word with a straight one (up to three letters
        #: after it) -> the apostrophe written -> where (комп'ютер … комп’ютером).
        self.apostrophes: dict[str, dict[str, list[tuple[Segment, int, int, int]]]] = (
            defaultdict(dict))
        #: Characters of the document fed so far (where each word stands in it).
        self.fed = 0
        #: Chinese: the segments (a document mixing traditional and simplified characters spells
        #: one word both ways: 帳戶 … 账户).
        self.han: list[Segment] | None = [] if base_lang(lang) == "zh" else None
        self.han_chars = 0
        self.spacing: _Spacing | None = (
            _Spacing(base_lang(lang) or "") if base_lang(lang) in ("fa", "ko") else None)
        #: Japanese katakana words by their form without a final long-vowel mark and with ヴ as
        #: バ行 (コンピューター/コンピュータ, ヴァイオリン/バイオリン): spellings -> first place.
        self.katakana: dict[str, dict[str, _Occurrence]] | None = (
            {} if base_lang(lang) == "ja" else None)
        #: Spellings before a spelling reform (daß, évènement, acção) by their current form.
        self.reform_rules = _REFORMS.get(base_lang(lang) or "")
        #: Whether :meth:`_script_notes` has anything to note in this language.
        self.script_notes = (self.arabic or self.letter_table is not None
                             or self.spacing is not None or self.han is not None
                             or self.greek is not None or self.reform_rules is not None
                             or self.katakana is not None)
        self.reformed: dict[str, set[str]] = defaultdict(set)
        self.sz_current: dict[str, Segment] = {}  # German: words with ss, where each stands
        #: word -> a segment holding it; two adjacent words joined -> a segment holding them
        self.last_seen: dict[str, Segment] = {}
        self.pair_seen: dict[str, Segment] = {}
        #: Words written with inner capitals (WeChat, YouTube, eBay), case-folded -> the
        #: spellings seen with a capital (WeChat, Wechat) -> where each first stands.
        self.camel: dict[str, dict[str, _Occurrence]] = {}
        self.camel_words: set[str] = set()  # the keys of ``camel``
        #: The words of ``wanted`` and ``camel_words``: a segment without any is done after one
        #: look at its tokens (``wanted`` itself while there is no word with inner capitals).
        self.watch: set[str] | frozenset[str] = self.wanted
        self.camel_rx: dict[str, re.Pattern[str]] = {}
        #: The 3,000 most frequent words of the language and of English (UI labels left in
        #: English: SHORT, WEB): in capitals they are emphasis, not names.
        self.frequent = _frequent(lang) | _frequent("en")
        if ctx.data.get("capitalized_nouns"):
            # Where every noun is capitalised, a word of the lexicon in capitals is a noun set in
            # capitals (a placeholder, a label: DATEI beside Datei), not an abbreviation.
            self.frequent = self.frequent | _noun_lexicon(lang, True)
        #: Words seen in capitals (BCE, NATO), lower-cased -> the spellings seen in capitals or
        #: with a capital only at the start (BCE, Bce) -> where each first stands.
        self.acronyms: dict[str, dict[str, _Occurrence]] = {}
        #: Abbreviations written with full stops (U.S., U.N.), by their letters (US, UN) -> the
        #: spellings seen, with and without the stops -> where each first stands, and where
        #: it stands in the document (the first :data:`_MAX_POSITIONS` places).
        self.dotted: dict[str, dict[str, tuple[_Occurrence, list[int]]]] = {}
        #: Finds any key of :attr:`dotted` (rebuilt when one is added).
        self.dotted_keys: re.Pattern[str] | None = None
        #: One search a segment for what the capitals block and the dotted abbreviations need
        #: (a capital after a letter, a dotted abbreviation, a key of :attr:`dotted`): most
        #: segments have none, and are done with the capitals in one scan, not three.
        self.capitals_gate = _capitals_gate(())

    def _dotted_abbreviations(self, segment: Segment, base: int) -> None:
        """Note the abbreviations of ``segment`` written with full stops (U.S.), and those of
        them seen before written without (US): never in a heading set in capitals.  ``base``:
        where the segment starts in the document."""
        text = segment.text
        dotted = list(_DOTTED.finditer(text)) if "." in text else []
        if not dotted and (self.dotted_keys is None or not self.dotted_keys.search(text)):
            return  # most segments: nothing to note (tested before the costlier heading test)
        if _mostly_capitals(text):
            return
        found: list[tuple[str, str, int, int]] = [
            (m.group().replace(".", ""), m.group(), m.start(), m.end()) for m in dotted]
        for key, *_ in found:
            if key not in self.dotted:
                self.dotted[key] = {}
                self.dotted_keys = re.compile("|".join(map(re.escape, self.dotted)))
                self.capitals_gate = _capitals_gate(tuple(self.dotted))
        for key in self.dotted:
            if key in text:
                found.extend((key, key, m.start(), m.end()) for m in re.finditer(
                    rf"(?<![\w.&/$-]){key}(?![\w&/$-]|\.\w)", text))
        for key, surface, start, end in found:
            forms = self.dotted[key]
            seen = forms.get(surface)
            if seen is None:
                forms[surface] = (_Occurrence(segment, start, end), [base + start])
            else:
                seen[0].count += 1
                if len(seen[1]) < _MAX_POSITIONS:
                    seen[1].append(base + start)

    def _dotted_hits(self) -> list[Hit]:
        """Each spelling of an abbreviation written with and without full stops (U.S. … US),
        where the two stand within a few thousand characters of each other (a file that
        concatenates documents mixes its documents' own styles)."""
        hits: list[Hit] = []
        for forms in self.dotted.values():
            if len(forms) < 2:
                continue
            for w, (occ, positions) in forms.items():
                others = [(o, x) for o, (x, _) in forms.items() if o != w]
                near = sorted(p for o, (_, ps) in forms.items() if o != w for p in ps)
                if not any(_near_any(near, at) for at in positions):
                    continue
                desc = ", ".join(f"'{o}' (line {x.segment.locate(x.start)[0]}, {x.count}×)"
                                 for o, x in others)
                hits.append(Hit(occ.start, occ.end, f"abbreviation written with and without full "
                                f"stops: '{w}' ({occ.count}×) and {desc}",
                                related=tuple(Location(self.ctx.path, *x.segment.locate(x.start),
                                                       *x.segment.locate(x.end))
                                              for _, x in others),
                                segment=occ.segment))
        return hits

    def _note(self, key: str, segment: Segment, start: int, end: int) -> None:
        occ = self.first.get(key)
        if occ is None:
            occ = self.first[key] = _Occurrence(segment, start, end)
        else:
            occ.count += 1
        occ.spot(segment, start, end)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        text = segment.text
        base = self.fed
        self.fed += len(text) + 1
        elided = bool(self.elision) and ("'" in text or "’" in text)
        if "-" in text:
            for m in _hyphenated_words(text, _ELIDED_HYPHENATED if elided else _HYPHENATED):
                if m.start() and not _elided_after(text, m.start(), self.elision):
                    continue
                hyph = m.group().casefold()
                self._note(hyph, segment, m.start(), m.end())
                closed = hyph.replace("-", "")
                self.closed_candidates[closed] = hyph
                if isinstance(self.wanted, frozenset):
                    self.wanted = set(self.wanted)
                self.wanted.add(closed)
                if not self.camel_words and not self.acronyms:
                    self.watch = self.wanted
                elif isinstance(self.watch, set):  # a set of its own beside the camel words
                    self.watch.add(closed)
                if m.group()[:1].isupper() and not _at_sentence_start(text, m.start()):
                    self.named.add(hyph)
        tokens = folded_tokens(text)
        if elided:
            tokens = tokens + [t[i + 1:] for t in tokens
                               if (i := max(t.rfind("'"), t.rfind("’"))) > 0
                               and t[:i] in self.elision]
        if len(self.pair_seen) < _MAX_OPEN:  # (the test of _open_compounds, without the call)
            self._open_compounds(segment, tokens)
        if self.accented is not None and not text.isascii() and not _KEYWORD_LIST.search(text):
            for t in tokens:
                if len(t) >= 4 and not t.isascii():
                    bare = _strip_accents(t)
                    if bare != t and bare.isascii():
                        self.accented[bare].add(t)
        if self.script_notes:  # (most languages: none of them)
            self._script_notes(segment, tokens)
        if ("'" in text or "’" in text) and "ʼ" not in text and len(
                self.apostrophes) < _MAX_OPEN:
            apostrophes = self.apostrophes
            for start, at, end in _apostrophe_words(text):
                # (the word and its key as below, without two regex calls for each)
                key = f"{text[start:at].casefold()}'{text[at + 1:min(at + 4, end)].casefold()[:3]}"
                apostrophes[key].setdefault(text[at], []).append((segment, start, end, base + start))
        elif "ʼ" in text and len(self.apostrophes) < _MAX_OPEN:  # a letter, to the regex
            for m in _APOSTROPHE_WORD.finditer(text):
                word = m.group()
                style = _APOSTROPHE.search(word)
                assert style is not None
                key = _APOSTROPHE.sub("'", word.casefold())
                key = key[:key.index("'") + 4]  # the word, whatever its ending: комп'ют
                self.apostrophes[key].setdefault(style.group(), []).append(
                    (segment, m.start(), m.end(), base + m.start()))
        gate = self.capitals_gate.search(text) is not None  # rare: then the tests below
        if gate and _CAPITAL_AFTER_LETTER.search(text):  # one search for both tests below
            if _INNER_CAPITAL.search(text):
                for m in _CAMEL.finditer(text):
                    key = m.group().casefold()
                    if key not in self.camel:
                        self.camel[key] = {}
                        self.camel_words.add(key)
                        if self.watch is self.wanted or isinstance(self.watch, frozenset):
                            self.watch = set(self.watch)
                        self.watch.add(key)
                        self.camel_rx[key] = re.compile(
                            rf"(?<![\w'’./@-]){re.escape(key)}(?![\w'’-]|\.\w)", re.IGNORECASE)
            for m in _ALL_CAPITALS.finditer(text):
                key = m.group().lower()
                if key in self.acronyms or key in self.function or key in self.frequent:
                    continue  # a word in capitals (START, NOTE): emphasis
                self.acronyms[key] = {}
                if self.watch is self.wanted or isinstance(self.watch, frozenset):
                    self.watch = set(self.watch)
                self.watch.add(key)
                first = self.last_seen.get(key)
                if first is not None and first is not segment:
                    self._note_acronym(key, first)  # the word seen before, in capitals or not
        # One pass over the tokens for most segments: they hold no word worth locating.  (A
        # set's isdisjoint takes half the time of a dict's keys' on the tokens of a segment.)
        if gate and (self.dotted or ("." in text and _DOTTED.search(text))):
            self._dotted_abbreviations(segment, base)
        heads: set[str] = set()
        if self.acronyms and "-" in text:  # COVID-19: an abbreviation before a hyphen and a number
            heads = self.acronyms.keys() & {t.partition("-")[0] for t in tokens if "-" in t}
        if self.watch.isdisjoint(tokens) and not heads:
            return
        if self.camel_words and not self.camel_words.isdisjoint(tokens):
            for key in self.camel.keys() & tokens:
                self._note_casing(key, segment)
        if self.acronyms:
            for key in (self.acronyms.keys() & tokens) | heads:
                self._note_acronym(key, segment)
        wanted = self.wanted
        if not wanted or wanted.isdisjoint(tokens):
            return
        listed = self.listed_words
        for w in wanted.intersection(tokens):
            for m in _standing_alone(w).finditer(text):
                if w in listed and m.group()[:1].isupper():
                    continue  # "Labour", "World Trade Center": names keep their spelling
                self._note(w, segment, m.start(), m.end())
            if elided:
                for m in _after_apostrophe(w).finditer(text):
                    if _elided_after(text, m.start(), self.elision):
                        self._note(w, segment, m.start(), m.end())

    def _script_notes(self, segment: Segment, tokens: list[str]) -> None:
        """The notes :meth:`feed` takes for some languages or scripts alone: hamza and letter
        forms (Arabic script), spacing (Persian, Korean), Chinese characters, Greek accents,
        spelling reforms and katakana."""
        text = segment.text
        if self.arabic:
            self._hamza(segment, tokens)
        if self.letter_table is not None:
            self._letter_forms(tokens)
        if self.spacing is not None:
            self.spacing.feed(segment)
        if self.han is not None and self.han_chars < _MAX_HAN_TEXT and _HAN.search(text):
            self.han.append(segment)
            self.han_chars += len(text)
        if self.greek is not None and _GREEK_WORD.search(text):
            for m in _GREEK_WORD.finditer(text):
                word = m.group()
                if not word.isupper():  # capitals drop the accents (ΘΕΣΣΑΛΟΝΙΚΗ)
                    self.greek[_strip_accents(word.casefold())[:5]].add(word.casefold())
        if self.reform_rules is not None:
            self._reforms(segment, tokens)
        if self.katakana is not None and _KATAKANA_WORD.search(text):
            for m in _KATAKANA_WORD.finditer(text):
                word = m.group()
                forms = self.katakana.setdefault(_katakana_key(word), {})
                occ = forms.get(word)
                if occ is None:
                    forms[word] = _Occurrence(segment, m.start(), m.end())
                else:
                    occ.count += 1

    def _note_casing(self, key: str, segment: Segment) -> None:
        """Note the capitalised spellings of ``key`` in ``segment`` (never all capitals, a
        heading's style, nor lower case, a URL's or handle's)."""
        forms = self.camel[key]
        for m in self.camel_rx[key].finditer(segment.text):
            surface = m.group()
            if not surface[:2].isupper() and surface != surface.lower() and not surface.isupper():
                occ = forms.get(surface)
                if occ is None:
                    forms[surface] = _Occurrence(segment, m.start(), m.end())
                else:
                    occ.count += 1

    def _note_acronym(self, key: str, segment: Segment) -> None:
        """Note where ``key`` stands in capitals (BCE) or with a capital only at its start (Bce)
        in ``segment``: never at a sentence's start (where any word has a capital) nor in a
        heading set in capitals or title case."""
        forms = self.acronyms[key]
        text = segment.text
        for m in _acronym_alone(key).finditer(text):
            surface = m.group()
            if surface.isupper():
                if (segment.source and surface in segment.source) or _mostly_capitals(text) or \
                        _CAPITALS_BESIDE.match(
                        text[max(0, m.start() - 12):m.end() + 12], min(m.start(), 12)):
                    continue  # the source's own (a placeholder: BYTES), a heading, or words in
                    # capitals together (WARNING, HIGH VOLTAGE)
            elif not (surface[:1].isupper() and surface[1:].islower()) or _at_sentence_start(
                    text, m.start()) or _title_case(text):
                continue
            occ = forms.get(surface)
            if occ is None:
                forms[surface] = _Occurrence(segment, m.start(), m.end())
            else:
                occ.count += 1

    def _casing_groups(self) -> list[list[tuple[str, _Occurrence]]]:
        """A word written with inner capitals and with a capital only at its start (WeChat and
        Wechat, YouTube and Youtube): one brand or name, two spellings."""
        groups = []
        for key, forms in self.camel.items():
            first = self.last_seen.get(key)
            if first is not None and len(forms) < 2:
                self._note_casing(key, first)  # a spelling seen before the inner-capital one
            if len(forms) > 1 and any(_INNER_CAPITAL.search(f) for f in forms):
                groups.append(sorted(forms.items(), key=lambda kv: (kv[1].segment.locate(
                    kv[1].start), kv[0])))
        # An abbreviation in capitals and with a capital only at its start (BCE/Bce, NATO/Nato):
        # either is a house style, both in one document are two spellings.
        for forms in self.acronyms.values():
            if len(forms) > 1:
                groups.append(sorted(forms.items(), key=lambda kv: (kv[1].segment.locate(
                    kv[1].start), kv[0])))
        return groups

    def _open_compounds(self, segment: Segment, tokens: list[str]) -> None:
        """Remember where each word and each pair of adjacent words ("bike lane" as "bikelane")
        stands, so that finish() can pair a closed compound with its open or hyphenated form in
        either order.  Done with C-level updates (no Python loop per word)."""
        pairs = self.pair_seen
        if len(pairs) >= _MAX_OPEN:
            return  # both memories are full (words fill more slowly than word pairs)
        seen = self.last_seen
        new = set(tokens).difference(seen)
        if new:
            seen.update(zip(new, repeat(segment)))
        if len(tokens) > 1:
            new = set(map(add, tokens, islice(tokens, 1, None))).difference(pairs)
            if new:
                pairs.update(zip(new, repeat(segment)))

    def _multi_part_open(self) -> list[list[str]]:
        """A word hyphenated in three parts or more and written open elsewhere (French
        cessez-le-feu … cessez le feu, Spanish alto-el-fuego … alto el fuego): one of the two is
        the language's spelling, whichever it is; never in English, which hyphenates a phrase
        used as a modifier (a state-of-the-art tool, the state of the art)."""
        groups = []
        for hyph in self.closed_candidates.values():
            parts = hyph.split("-")
            if len(parts) < 3 or hyph not in self.first:
                continue
            seg = self.pair_seen.get(parts[0] + parts[1])
            if seg is None or parts[-2] + parts[-1] not in self.pair_seen:
                continue
            m = re.search(r"(?<![\w-])" + r"\s+".join(map(re.escape, parts)) + r"(?![\w-])",
                          seg.text, re.IGNORECASE)
            if m is None:
                continue
            key = " ".join(parts)
            if key not in self.first:
                self.first[key] = _Occurrence(seg, m.start(), m.end())
            groups.append([hyph, key])
        return groups

    def _open_name(self, closed: str, segment: Segment) -> str | None:
        """The open spelling of a name written with inner capitals (a brand, a service: "Mit ID"
        beside "MitID", "Power Point" beside "PowerPoint"): its parts each capitalised and split
        where the closed form has a capital; None when the text holds no such form."""
        forms = self.camel.get(closed) or {}
        for surface in [*forms, *(m.group() for m in self.camel_rx[closed].finditer(
                self.last_seen[closed].text))]:
            cuts = [i for i in range(1, len(surface)) if surface[i].isupper()
                    and surface[i - 1].islower()]
            for i in cuts:
                a, b = surface[:i], surface[i:]
                m = re.search(rf"(?<![\w-]){re.escape(a)}\s+{re.escape(b)}(?![\w-])", segment.text)
                if m is not None:
                    key = f"{a} {b}".casefold()
                    if key not in self.first:
                        self.first[key] = _Occurrence(segment, m.start(), m.end())
                    return key
        return None

    def _inflected_closed(self, closed: str) -> str | None:
        """A closed word of the document that is ``closed`` (a hyphenated word without its
        hyphen) in another case or number: вебсайт … веб-сайті, Webseite … Web-Seiten (the
        language's ``inflection_endings``); located and noted, or None."""
        endings = self.endings
        if not endings or len(closed) < 6:
            return None
        for e1 in endings:
            if not closed.endswith(e1) or len(closed) - len(e1) < 5:
                continue
            stem = closed[:len(closed) - len(e1)]
            for e2 in endings:
                other = stem + e2
                if other == closed or other not in self.last_seen:
                    continue
                occ = self.first.get(other) or self._locate(other, self.last_seen[other])
                if occ is not None:
                    self.first[other] = occ
                    return other
        return None

    def _locate(self, word: str, segment: Segment) -> _Occurrence | None:
        m = re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", segment.text, re.IGNORECASE)
        return _Occurrence(segment, m.start(), m.end()) if m else None

    def _inflected_pair(self, closed: str) -> Segment | None:
        """Where two adjacent words stand that are ``closed`` in another case or number (the
        open form of a hyphenated compound: интернет-магазин … интернет магазине)."""
        for e1 in self.endings:
            if not closed.endswith(e1) or len(closed) - len(e1) < 6:
                continue
            stem = closed[:len(closed) - len(e1)]
            for e2 in self.endings:
                if e2 != e1 and (seg := self.pair_seen.get(stem + e2)) is not None:
                    return seg
        return None

    def _open_form(self, closed: str, segment: Segment, min_tail: int = 3,
                   inflect: bool = False) -> str | None:
        """The open spelling ("bike lane") of ``closed`` in ``segment``, when its parts are
        content words (never "every day"/"everyday", "may be"/"maybe"); the second part has
        ``min_tail`` letters or more (two in names: Jong Un).  With ``inflect``, the second
        part may stand in another case or number (the language's ``inflection_endings``)."""
        listed = self.listed_open.get(closed)
        named = min_tail == 2  # the open form of a name: its parts capitalised (Kim Jong Un)
        for i in range(1, len(closed) - min_tail + 1):
            a, b = closed[:i], closed[i:]
            function = a in self.function or b in self.function
            if listed is None and not named and (
                    function or (len(a) < 2 and a not in "ex") or len(closed) < 6):
                continue
            if inflect and (len(a) < 3 or len(b) < 5 or function):
                continue  # во втором/Во-вторых, все такие/все-таки: short parts, other words
            tail = re.escape(b)
            if inflect:
                stem = next((b[:-len(e)] for e in self.endings_longest
                             if b.endswith(e) and len(b) - len(e) >= 3), b)
                tail = f"{re.escape(stem)}(?:{self.endings_re})?"
            m = re.search(rf"(?<![\w-]){re.escape(a)}\s+{tail}(?![\w-])", segment.text,
                          re.IGNORECASE)
            if m and named and function and not all(p[:1].isupper() for p in m.group().split()):
                continue  # a part that is a function word counts only as a capitalised name part
            if m:
                key = f"{a} {b}"
                if key not in self.first:
                    self.first[key] = _Occurrence(segment, m.start(), m.end())
                return key
        return None

    def _hamza(self, segment: Segment, tokens: list[str]) -> None:
        """Group the spellings of one Arabic word with and without hamza on its alef."""
        for t in tokens:
            if len(t) >= 4 and ("ا" in t or t != t.translate(_HAMZA_ALEF)):
                self.hamza[t.translate(_HAMZA_ALEF)].add(t)

    def _letter_forms(self, tokens: list[str]) -> None:
        """Group the spellings of one word that differ in a final tāʾ marbūṭa or alef maqṣūra,
        or in the Arabic or Persian form of yāʾ and kāf (``_LETTER_FORMS``)."""
        table = self.letter_table
        if table is None:
            return
        for t in tokens:
            if len(t) >= 3:
                self.letter_forms[_letter_key(t, table)].add(t)

    def _letter_groups(self) -> list[list[str]]:
        """Spellings of one word in two letter forms.  The other script's yāʾ or kāf (Persian
        ی in Arabic, Arabic ي in Persian) is never the language's own spelling; two forms of a
        final letter (القاهرة/القاهره, مصطفى/مصطفي) are one word only where the language's
        lexicon holds one of them and the other not at all or far down its frequency list
        (:func:`_one_is_the_word`; كتابة "writing" and كتابه "his book",
على "on" and علي "Ali" are two words)."""
        groups = []
        ranks = lexicon_ranks(self.ctx.lang or "")
        foreign = _FOREIGN_LETTERS.get(self.ctx.lang or "", "")
        for spellings in self.letter_forms.values():
            if len(spellings) < 2:
                continue
            forms = sorted(spellings)
            foreign_letter = any(c in w for w in forms for c in foreign)
            # A final ى written ي (مصطفي, مستشفي) is a common slip: 10 times rarer suffices
            # (المعنى/المعني, مبنى/مبني, لدى/لدي: two words, at most 6 times apart).
            rarer = _RARER_MAQSURA if _final_maqsura_only(forms) else _RARER
            if foreign_letter or (ranks and _one_is_the_word(forms, ranks, rarer)):
                groups.append(forms)
        return groups

    def _accent_groups(self) -> list[list[str]]:
        """A word written with and without its accents (événement/evenement, déjà/deja), where
        the lexicon holds the accented form and the bare one not, or 20 times rarer (never
        público/publico, está/esta: two words of the language)."""
        groups: list[list[str]] = []
        ranks = lexicon_ranks(self.ctx.lang or "")
        portuguese = base_lang(self.ctx.lang) == "pt"
        for bare, spellings in (self.accented or {}).items():
            if portuguese and len(spellings) > 1:
                # European é, ó and Brazilian ê, ô before m or n (económico/econômico,
                # fenómeno/fenômeno, António/Antônio): one word in the two norms.
                groups.extend([a, b] for a, b in combinations(sorted(spellings), 2)
                              if _pt_open_closed(a, b))
            if bare not in self.last_seen or _KEYWORD_LIST.search(self.last_seen[bare].text):
                continue
            for accented in sorted(spellings):
                if (accented in ranks and _one_is_the_word([accented, bare], ranks)
                        and ranks[accented] < ranks.get(bare, len(ranks) + 1)):
                    groups.append([accented, bare])
                    break
        return groups

    def _script_form_hits(self, segments: list[Segment]) -> list[Hit]:
        """A Chinese word written in traditional characters where the document writes it in
        simplified ones elsewhere, or the other way round (帳戶 … 账户): the first place of each,
        the word being the two or three characters around a traditional one."""
        spots: dict[str, tuple[Segment, int, int]] = {}
        for seg in segments:
            text = seg.text
            for m in _TRADITIONAL_CHAR.finditer(text):
                i = m.start()
                for a, b in ((i - 1, i + 2), (i, i + 3), (i - 2, i + 1), (i, i + 2), (i - 1, i + 1)):
                    word = text[max(a, 0):b]
                    if (a >= 0 and len(word) == b - a and all(_HAN.match(c) for c in word)
                            and word not in spots):
                        spots[word] = (seg, a, b)
                if len(spots) > _MAX_TRADITIONAL:
                    break
        hits: list[Hit] = []
        taken: set[tuple[int, int]] = set()  # (segment, character) already in a word shown
        for word in sorted(spots, key=len, reverse=True):  # the longest word first
            seg, start, end = spots[word]
            if any((id(seg), k) in taken for k in range(start, end)):
                continue
            simple = word.translate(_TO_SIMPLIFIED)
            other = next(((s, s.text.find(simple)) for s in segments if simple in s.text), None)
            if other is None:
                continue
            oseg, ostart = other
            taken.update((id(seg), k) for k in range(start, end))
            where = Location(self.ctx.path, *oseg.locate(ostart), *oseg.locate(ostart + len(word)))
            hits.append(Hit(start, end, f"word written in traditional characters: '{word}', "
                            f"where the document writes '{simple}'", related=(where,), segment=seg))
            hits.append(Hit(ostart, ostart + len(word), f"word written in simplified characters: "
                            f"'{simple}', where the document writes '{word}'", segment=oseg,
                            severity=Severity.INFO))
        return hits

    def _apostrophe_hits(self) -> list[Hit]:
        """One word written with two apostrophes (комп'ютер … комп’ютером, don't … don’t): each
        occurrence, as info (the apostrophe is a house style's choice, and a file may mix
        sources)."""
        hits: list[Hit] = []
        for styles in self.apostrophes.values():
            if len(styles) < 2:
                continue
            counts = ", ".join(f"{_APOSTROPHE_NAMES[c]} {len(w)}×" for c, w in sorted(styles.items()))
            for style, places in styles.items():
                # Only where another apostrophe stands near: a file that concatenates documents
                # (a test set, a corpus) mixes its documents' own styles.
                others = sorted(at for c, spots in styles.items() if c != style
                                for _, _, _, at in spots)
                near = [(seg, start, end) for seg, start, end, at in places
                        if _near_any(others, at)]
                for seg, start, end in near[:MAX_FIX_SPOTS]:
                    hits.append(Hit(start, end, f"word written with two apostrophes in one "
                                    f"document: '{seg.text[start:end]}' ({counts})",
                                    segment=seg, severity=Severity.INFO))
        return hits

    def _romanized_word_groups(self) -> list[list[str]]:
        """Two romanizations of one word of a source in another script, in lower case (a
        currency, a title, a dish: tomans/tumans, hryvnia/hryvnya): words that the target's
        lexicon lacks, of five letters or more, whose romanization keys agree, with the source
        language known and written in another script than the target's."""
        from tqcheck.checks.romanization import arabic_key, latin_key
        from tqcheck.langid import scripts_of_language

        source = base_lang(self.ctx.source_lang)
        lang = self.ctx.lang or ""
        if (not source or source == base_lang(lang) or not self.ctx.data.get("romanized_names")
                or scripts_of_language(source) & scripts_of_language(lang)):
            return []
        ranks = lexicon_ranks(lang)
        if not ranks:
            return []
        key = arabic_key if source in _ARABIC_SCRIPT_SOURCES else latin_key
        buckets: dict[str, list[str]] = defaultdict(list)
        for w in self.last_seen:
            if len(w) >= 5 and w.isascii() and w.isalpha() and w not in ranks:
                buckets[w[0] + key(w)].append(w)
        groups = []
        for words in buckets.values():
            if len(words) < 2:
                continue
            words.sort()
            # Written in lower case where first seen: a word, not a name (TQ501's).
            words = [w for w in words if (o := self._locate(w, self.last_seen[w])) is not None
                     and o.segment.text[o.start:o.end].islower()]
            for i, a in enumerate(words):
                for b in words[i + 1:]:
                    if not _derived(a, b) and not _doubled_letter_only(a, b):
                        groups.append([a, b])
        return groups

    def _greek_accent_groups(self) -> list[list[str]]:
        """A Greek word of two syllables or more written without its accent (monotonic spelling
        marks every such word) beside the same word, or another form of it, with the accent
        (Θεσσαλονίκης … Θεσσαλονικη): the two share all but their last two letters."""
        groups = []
        for spellings in (self.greek or {}).values():
            if len(spellings) < 2:
                continue
            bare = [w for w in spellings if _strip_accents(w) == w
                    and len(_GREEK_VOWELS.findall(w)) >= 2 and w in self.last_seen]
            marked = sorted(w for w in spellings if _strip_accents(w) != w and w in self.last_seen)
            for b in sorted(bare):
                for a in marked:
                    plain = _strip_accents(a)
                    shared = next((i for i, (x, y) in enumerate(zip(plain, b, strict=False))
                                   if x != y), min(len(plain), len(b)))
                    if shared >= max(len(plain), len(b)) - 2:
                        groups.append([a, b])
                        break
        return groups

    def _reforms(self, segment: Segment, tokens: list[str]) -> None:
        """Note the spellings before a reform (:data:`_REFORMS`).  German ß is read from the
        text itself (case folding makes daß dass), with the first place of each word with ss."""
        assert self.reform_rules is not None
        trigger, rules, _, _ = self.reform_rules
        text = segment.text
        if trigger == "ß":
            if "ß" not in text:
                if "ss" in text and len(self.sz_current) < _MAX_OPEN:
                    # Without ß in the text, a folded token with ss is written with ss.
                    for t in tokens:
                        if "ss" in t and t not in self.sz_current:
                            self.sz_current[t] = segment
                return
            for m in _SZ_WORD.finditer(text):
                w = m.group().lower()
                if "ß" in w and w not in _SZ_MINIMAL_PAIRS:
                    current = rewrite(w, rules)
                    if current == w:
                        # ß after a long vowel (Straße, Fußball) is ss where ß is not written
                        # (Switzerland, a keyboard without it): one word both ways is mixed too.
                        current = w.replace("ß", "ss")
                    if current != w:
                        self.reformed[current].add(w)
                        if w not in self.first:
                            self.first[w] = _Occurrence(segment, m.start(), m.end(), count=0)
                        self.first[w].count += 1
                elif w not in self.sz_current and len(self.sz_current) < _MAX_OPEN:
                    self.sz_current[w] = segment
            return
        if not any(c in text for c in trigger):
            return
        for t in tokens:
            if len(t) >= 4 and any(c in t for c in trigger):
                current = rewrite(t, rules)
                if current != t:
                    self.reformed[current].add(t)

    def _reform_groups(self) -> list[list[str]]:
        """A word in the spelling before and after a reform (:data:`_REFORMS`: daß/dass,
        évènement/événement, acção/ação), where the document has both; in German and
        Portuguese never two words of the lexicon of similar frequency (two words: captar/catar)."""
        assert self.reform_rules is not None
        _, _, both_valid, shortest = self.reform_rules
        ranks = lexicon_ranks(self.ctx.lang or "")
        groups = []
        for current, older in self.reformed.items():
            if self.reform_rules[0] == "ß":
                if current not in self.sz_current:
                    continue
                if current not in self.first:
                    occ = self._locate(current, self.sz_current[current])
                    if occ is None:
                        continue
                    self.first[current] = occ
            elif current not in self.last_seen or len(current) < shortest:
                continue
            for old in sorted(older):
                if both_valid or not ranks or _one_is_the_word([current, old], ranks) or (
                        self.reform_rules[0] == "ß" and current not in ranks):
                    # (German ß: the lexicon folds ß to ss; a compound it lacks is one word:
                    # Fußballmannschaft/Fussballmannschaft)
                    groups.append([current, old])
                    break
        return groups

    def _hamza_groups(self) -> list[list[str]]:
        """A bare-alef spelling beside spellings with hamza (إسرائيل/اسرائيل); never two hamza
        spellings (أنها/إنها are two words) and never the alef of the article (الحق/ألحق)."""
        groups = []
        for bare, spellings in self.hamza.items():
            if bare not in spellings or len(spellings) < 2:
                continue
            marked = sorted(w for w in spellings if w != bare and _hamza_site(w, bare))
            if marked:
                groups.append([*marked, bare])
        return groups

    def finish(self) -> list[Hit]:
        groups: list[list[str]] = []
        # Closed words that also stand open ("bike lane"), or hyphenated ("cease-fire").
        for closed in self.pair_seen.keys() & self.last_seen.keys():
            if closed in self.closed_candidates or "-" in closed or not closed.isalpha():
                continue
            open_ = self._open_form(closed, self.pair_seen[closed])
            if open_ is None and closed in self.camel:
                open_ = self._open_name(closed, self.pair_seen[closed])
            if open_ is not None:
                if closed not in self.first:
                    occ = self._locate(closed, self.last_seen[closed])
                    if occ is None:
                        continue
                    self.first[closed] = occ
                groups.append([open_, closed])
        if self.multi_open:
            groups.extend(self._multi_part_open())
        for closed, hyph in self.closed_candidates.items():
            if closed not in self.first and closed in self.last_seen:
                occ = self._locate(closed, self.last_seen[closed])
                if occ is not None:
                    self.first[closed] = occ
            forms = [hyph, closed]
            open_seg = self.pair_seen.get(closed)
            inflect = False
            if open_seg is None and self.hyphen_compounds and self.endings:
                open_seg = self._inflected_pair(closed)
                inflect = open_seg is not None
            # Hyphenated and open forms are one word only after a one-letter prefix (e-scooter):
            # otherwise the hyphen marks a modifier ("a long-term plan" … "in the long term").
            # Languages that hyphenate compound nouns (интернет-магазин, Online-Shop) never
            # write them open.
            if open_seg is not None and (len(hyph.split("-", 1)[0]) == 1 or hyph in self.named
                                         or self.hyphen_compounds):
                open_ = self._open_form(closed, open_seg, 2 if hyph in self.named else 3,
                                        inflect=inflect)
                if open_ is not None:
                    forms.append(open_)
            present = [w for w in forms if w in self.first and self.first[w].count]
            if len(present) == 1 and closed not in self.last_seen:
                inflected = self._inflected_closed(closed)
                if inflected is not None:
                    present.append(inflected)
            if len(present) > 1:
                groups.append(present)
        seen_pairs = {pair for w in self.first if w in self.pairs_of for pair in self.pairs_of[w]}
        for pair in sorted(seen_pairs, key=self.listed.index):
            present = [w for w in pair if w in self.first and self.first[w].count]
            if len(present) > 1 and present not in groups:
                groups.append(present)
        groups.extend(self._hamza_groups())
        if self.letter_forms:
            groups.extend(self._letter_groups())
        if self.accented:
            groups.extend(self._accent_groups())
        if self.greek:
            groups.extend(self._greek_accent_groups())
        groups.extend(self._romanized_word_groups())
        if base_lang(self.ctx.lang) == "de":
            # German writes Greek ph as f in most words now, as ph in the older spelling or the
            # learned register: one word both ways (Foto/Photo, Grafik/Graphik, Delfin/Delphin).
            groups.extend([w, w.replace("ph", "f")] for w in sorted(self.last_seen)
                          if "ph" in w and len(w) >= 5 and w.replace("ph", "f") in self.last_seen)
        if self.reformed:
            groups.extend(self._reform_groups())
        if self.katakana:
            for spellings in self.katakana.values():
                if len(spellings) > 1:
                    for w, occ in spellings.items():
                        self.first.setdefault(w, occ)
                    groups.append(sorted(spellings))
        hits: list[Hit] = []
        if self.spacing is not None:
            hits.extend(self.spacing.finish(self.ctx.path))
        hits.extend(self._apostrophe_hits())
        hits.extend(self._dotted_hits())
        if self.han:
            hits.extend(self._script_form_hits(self.han))
        for casing in self._casing_groups():
            for w, first in casing:
                desc = ", ".join(f"'{o}' (line {x.segment.locate(x.start)[0]}, {x.count}×)"
                                 for o, x in casing if o != w)
                hits.append(Hit(first.start, first.end,
                                f"word capitalised two ways: '{w}' ({first.count}×) and {desc}",
                                related=tuple(Location(self.ctx.path, *x.segment.locate(x.start),
                                                       *x.segment.locate(x.end))
                                              for o, x in casing if o != w),
                                segment=first.segment))
        for group in groups:
            for w in group:
                if w not in self.first and w in self.last_seen:
                    occ = self._locate(w, self.last_seen[w])
                    if occ is not None:
                        self.first[w] = occ
            group = [w for w in group if w in self.first]
            if len(group) < 2:
                continue
            for w in group:
                self.first[w].count = max(self.first[w].count, 1)
        counts = {w: o.count for w, o in self.first.items()}
        for group in groups:
            group = [w for w in group if w in self.first]
            if len(group) < 2:
                continue
            winner = preferred_spelling(group, counts, self.ctx, str.casefold)
            if winner and winner.casefold() in self.first:  # as the document writes it
                o = self.first[winner.casefold()]
                surface = o.segment.text[o.start:o.end]
                winner = surface if not surface.isupper() else winner
            for w in group:
                occ = self.first[w]
                fix = unify_fix(occ, w, winner) if winner and winner.casefold() != w else None
                others = [(o, self.first[o]) for o in group if o != w]
                related = tuple(
                    Location(self.ctx.path, *x.segment.locate(x.start), *x.segment.locate(x.end))
                    for _, x in others
                )
                shown = occ.segment.text[occ.start:occ.end]
                desc = ", ".join(
                    f"'{x.segment.text[x.start:x.end]}' (line {x.segment.locate(x.start)[0]}, {x.count}×)"
                    for _, x in others
                )
                hits.append(Hit(occ.start, occ.end,
                                f"word spelled two ways: '{shown}' ({occ.count}×) and {desc}",
                                related=related, segment=occ.segment, fix=fix,
                                fix_message=f"write '{winner}' for '{w}' ({occ.count}×)"))
        return hits


#: A capital right after a letter: the test for both ``_INNER_CAPITAL`` and ``_ALL_CAPITALS``,
#: made once per segment (most hold neither).
_CAPITAL_AFTER_LETTER = re.compile(r"[A-Z](?<=[A-Za-z][A-Z])")
#: A capital right after a lower-case letter (searched only for whether there is one): written to
#: start with the capital, so that the regex engine skips the lower-case letters in a tight loop
#: instead of trying the pattern at each of them (twice as fast on prose).
_INNER_CAPITAL = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_CAMEL = re.compile(r"(?<![\w'’./@-])(?:[A-Z][a-z]+|[a-z]{1,2})[A-Z][A-Za-z]*(?![\w'’-]|\.\w)")

#: A word of three to five capitals (an abbreviation: BCE, NATO), found by its first capital with
#: a lookbehind after it (the regex engine scans for capitals in a tight loop).
#: An abbreviation of two to four capitals each followed by a full stop (U.S., U.N., E.U.).
#: Written to start with the capital (the regex engine then skips to capitals in a tight loop).
_DOTTED = re.compile(r"[A-Z](?<![\w.][A-Z])\.(?:[A-Z]\.){1,3}(?![\w.])")

#: A number may follow after a hyphen (COVID-19, MH-17).
_ALL_CAPITALS = re.compile(r"[A-Z](?<![\w'’.&/-].)[A-Z]{2,4}(?![\w'’&/]|-(?!\d))")


def _capitals_gate(keys: tuple[str, ...]) -> re.Pattern[str]:
    """Finds what :data:`_CAPITAL_AFTER_LETTER` or :data:`_DOTTED` finds, or any of ``keys``
    (abbreviations in capitals: US), in one scan: each alternative after the leading capital (a
    key's first letter is read by a lookbehind), so that the regex engine skips to capitals in
    a tight loop."""
    keyed = "".join(f"|(?<={k[0]}){re.escape(k[1:])}" for k in keys)
    return re.compile(r"[A-Z](?:(?<=[A-Za-z][A-Z])|(?<![\w.][A-Z])\.(?:[A-Z]\.){1,3}(?![\w.])"
                      + keyed + ")")


#: Another word in capitals right before or after one (from the position searched at).
_CAPITALS_BESIDE = re.compile(r"(?:(?<=[A-Z]{2}[ ,:;-])|(?<=[A-Z]{2}[,:;-] ))[A-Z]{2,}|[A-Z]{2,}"
                              r"(?=[ ,:;-]{1,2}[A-Z]{2})")


def _mostly_capitals(text: str) -> bool:
    """A heading or a line set in capitals: more than half of its letters are."""
    return sum(map(str.isupper, text)) * 2 > sum(map(str.isalpha, text))


def _title_case(text: str) -> bool:
    """A heading in title case: most of its words (of four letters or more) capitalised."""
    words = [w for w in text.split() if len(w) >= 4 and w[:1].isalpha()]
    return len(words) >= 2 and sum(1 for w in words if w[:1].isupper()) * 3 > len(words) * 2


_STYLES = {'"': "straight", "“": "curly", "”": "curly", "„": "low-high", "«": "guillemets",
           "»": "guillemets", "「": "corner brackets", "『": "corner brackets",
           "」": "corner brackets", "』": "corner brackets"}


@register("TQ503", "mixed-quote-styles", Severity.INFO, scope="document")
class MixedQuoteStyles:
    """Quotations in two styles in one document (straight and typographic, or two typographic).

    What it does:
        Counts the quotations of each style, by the mark that opens them (a mark is read as opening
        from its spacing: after a space or a bracket, before a word) — straight ``"``, the
        language's own pairs (with their nested forms: German „…“ with ‚…‘, Russian «…» with „…“,
        Dutch ‘…’ with “…”, Japanese 「…」 with 『…』) as one style, and the marks of another
        style by kind (English “…” in German or Turkish text, «…» beside “…” in Portuguese, 「…」
        beside “…” in Chinese, “…” beside 「…」 in Japanese) — and, when more than one is used,
        flags the first quotation of each minority style.  A variant pair that differs from the
        language's own only in its closing mark (German „…”) is the language's style here (TQ309
        reports the mark).

    Why it matters:
        MT output and pasted fragments bring their own quote styles; a publication uses one.

    Example:
        ``“turning point”`` … ``"in good faith"`` → flags the style used less often.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.first: dict[str, _Occurrence] = {}
        # The openers of the language's own pairs (primary and nested) are one style, and so are
        # variant pairs that open with one of them: German „…“ and ‚…‘, Russian «…» with „…“.
        own = {pair[0] for key in ("primary", "secondary", "tertiary")
               if (pair := ctx.data.get("quotes", key))}
        own.update(pair[0] for pair in ctx.data.get("quotes", "alternate", default=())
                   if pair[0] in own)
        self.styles = {c: ("typographic" if c in own else style) for c, style in _STYLES.items()}
        self.styles.update((c, "typographic") for c in own)
        pairs = [pair for key in ("primary", "secondary", "tertiary")
                 if (pair := ctx.data.get("quotes", key))]
        for key in ("alternate", "tolerated"):
            pairs.extend(ctx.data.get("quotes", key, default=()))
        openers, closers = {p[0] for p in pairs}, {p[1] for p in pairs}
        #: Marks that only ever open a quotation in the language (Chinese “, Japanese 「, French
        #: «, and those of other styles shaped as openers): counted wherever they stand, as CJK
        #: text puts no space before them.  A mark that also closes one (straight ", German “
        #: and », Hebrew ”) opens only where its spacing says so; a closing mark never counts.
        self.opening = frozenset((openers - closers) | (set("“„«「『") - closers))
        #: Marks that only ever close one (French », Japanese 」, English ”).
        self.closing = frozenset((closers - openers) | (set("”»」』") - openers))
        marks = set(self.styles) | closers
        self.marks = re.compile("[" + re.escape("".join(marks)) + "]")
        #: Whether the straight ``"`` is the only mark in ASCII (no language data adds one):
        #: then ASCII text without it holds none, told without the regex.
        self.straight_only_ascii = {c for c in marks if c.isascii()} == {'"'}

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        text = segment.text
        if '"' not in text and ((self.straight_only_ascii and text.isascii())
                                or not self.marks.search(text)):
            return
        opening = self.opening
        straight = 0
        depth = 0  # quotations open in this paragraph: a mark inside one opens a nested quotation
        for m in self.marks.finditer(text):
            i, c = m.start(), m.group()
            if c in opening:
                side = "open"
            else:
                side = mark_side(text, i)
                if c == '"':
                    # Where spacing does not tell (Chinese and Japanese put no space around
                    # marks), straight quotes alternate: the first of each two opens.
                    straight += 1
                    if not side and not text[i - 1:i].isdigit():
                        side = "open" if straight % 2 else "close"
                elif c in self.closing:
                    side = side or "close"
            if side == "close":
                depth = max(0, depth - 1)
            if side != "open":
                continue  # a closing mark, or one whose spacing does not tell (5'11")
            depth += 1
            style = self.styles.get(c)  # None: a nested pair's mark read as opening (German ‘)
            if depth > 1 or style is None:
                continue  # nested: Portuguese «… “…” …», Spanish «… “…” …»
            occ = self.first.get(style)
            if occ is None:
                self.first[style] = _Occurrence(segment, i, i + 1)
            else:
                occ.count += 1

    def finish(self) -> list[Hit]:
        if len(self.first) < 2:
            return []
        # On a tie the language's own marks are the house style (French « », Russian « »).
        ranked = sorted(self.first.items(),
                        key=lambda kv: (-kv[1].count, kv[0] != "typographic", kv[0]))
        main_style, main = ranked[0]
        line = main.segment.locate(main.start)[0]
        where = Location(self.ctx.path, *main.segment.locate(main.start),
                         *main.segment.locate(main.end))
        return [
            Hit(o.start, o.end,
                f"{style} quotes ({o.count}×) mixed with {main_style} quotes "
                f"({main.count}×, first on line {line})",
                related=(where,), segment=o.segment)
            for style, o in ranked[1:]
        ]


#: Letters a language writes in one form that look like another (the form typed from another
#: keyboard or code page): the language's own letters, then their look-alikes.  Romanian ș ț take
#: a comma below (the legacy code pages had only ş ţ with a cedilla); Turkish, Azerbaijani, Turkmen
#: and Kurdish ş take a cedilla (ș with the comma is the Romanian letter).
_LETTER_STYLES: dict[str, tuple[str, str, str, str]] = {
    # language: (its own letters, their look-alikes, the own form's name, the look-alike's name)
    "ro": ("șțȘȚ", "şţŞŢ", "with a comma below", "with a cedilla"),
    "tr": ("şŞ", "șȘ", "with a cedilla", "with a comma below"),
    "az": ("şŞ", "șȘ", "with a cedilla", "with a comma below"),
    "tk": ("şŞ", "șȘ", "with a cedilla", "with a comma below"),
    "ku": ("şŞ", "șȘ", "with a cedilla", "with a comma below"),
    # Hungarian ő ű take a double acute; Latin-1 had only õ û (tilde, circumflex) for them.
    "hu": ("őűŐŰ", "õûÕÛ", "with a double acute", "with a tilde or circumflex"),
    # Persian yāʾ and kāf against the Arabic letters, and the other way round (a keyboard of
    # the other language); one word written both ways is TQ502's.
    "fa": ("یک", "يك", "Persian", "Arabic"),
    "ar": ("يك", "یک", "Arabic", "Persian"),
}
#: The look-alike of each letter of :data:`_LETTER_STYLES`, per language: for the word the
#: document would write, to leave a word written both ways to TQ502.
_LETTER_COUNTERPARTS = {lang: str.maketrans(alike, own) for lang, (own, alike, _, _)
                        in _LETTER_STYLES.items() if len(own) == len(alike)}
_LETTER_STYLES["mo"] = _LETTER_STYLES["ro"]

#: The first code point of each decimal digit script TQ504 names (CLDR numbering systems).
_DIGIT_SCRIPTS = {
    0x30: ("latn", "ASCII"), 0x660: ("arab", "Arabic-Indic"), 0x6F0: ("arabext", "Persian"),
    0x7C0: ("nkoo", "N'Ko"), 0x966: ("deva", "Devanagari"), 0x9E6: ("beng", "Bengali"),
    0xA66: ("guru", "Gurmukhi"), 0xAE6: ("gujr", "Gujarati"), 0xB66: ("orya", "Odia"),
    0xBE6: ("tamldec", "Tamil"), 0xC66: ("telu", "Telugu"), 0xCE6: ("knda", "Kannada"),
    0xD66: ("mlym", "Malayalam"), 0xDE6: ("sinh", "Sinhala"), 0xE50: ("thai", "Thai"),
    0xED0: ("laoo", "Lao"), 0xF20: ("tibt", "Tibetan"), 0x1040: ("mymr", "Myanmar"),
    0x17E0: ("khmr", "Khmer"), 0x1810: ("mong", "Mongolian"),
}
#: A number: digits of one script, with the separators between them.
_NUMBER = re.compile(r"\d+(?:[.,٫٬'/:]\d+)*")
#: Text around a number that makes it part of a code, a name or an address, not a quantity
#: written in the document's digits (COVID-19, F-35, 5G, a URL, a handle, a placeholder %1$s).
_CODE_AROUND = re.compile(r"[A-Za-z_@#=/\\%${}<>]")


@cache
def _default_digits() -> dict[str, str]:
    """Each language's default numbering system where it has digits of its own (CLDR through
    ``number_norms.toml``, ``[default_digits]``): the digits a tie is settled toward."""
    from tqcheck.datapack import builtin

    table = (builtin("number_norms.toml") or {}).get("default_digits", {})
    return {str(k): str(v) for k, v in table.items()}


def _digit_languages() -> frozenset[str]:
    from tqcheck.checks.punctuation import _NATIVE_DIGIT_LANGS

    return _NATIVE_DIGIT_LANGS


#: Languages written both in Cyrillic and in Latin letters (digraphia): the letters that only
#: the language's Cyrillic and only its Latin alphabet have.  A document keeps one script.
_DIGRAPHIC = {
    "sr": ("ђјљњћџЂЈЉЊЋЏ", "čćšžđČĆŠŽĐ"),
    "bs": ("ђјљњћџЂЈЉЊЋЏ", "čćšžđČĆŠŽĐ"),
    "cnr": ("ђјљњћџЂЈЉЊЋЏ", "čćšžđČĆŠŽĐ"),
    "uz": ("ўқғҳЎҚҒҲ", "ʻʼ‘’"),
    "az": ("ҹәғһјөүҸӘҒҺЈӨҮ", "əğıöüçşƏĞİÖÜÇŞ"),
}
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: A sentence of this many letters or more, nine in ten of them in one script, is in that script.
_SCRIPT_SENTENCE = 20


def _mixed_forms_gate(ctx: CheckContext) -> Gate:
    """TQ504 reads a Romanian, Turkish … document's look-alike letters, and the numbers of a
    document in a language with digits of its own; it opens nowhere else."""
    from tqcheck.checks.gates import class_gate

    lang = base_lang(ctx.lang) or ""
    styles = _LETTER_STYLES.get(lang)
    digits = bool(ctx.data.get("native_digits") or lang in _digit_languages())
    if lang in _DIGRAPHIC:
        return class_gate("[" + _DIGRAPHIC[lang][0] + _DIGRAPHIC[lang][1] + "]")
    if styles is None and not digits:
        return Gate()
    return class_gate("[" + (styles[0] + styles[1] if styles else "") + (r"\d" if digits else "")
                      + "]")


@register("TQ504", "mixed-letter-forms", Severity.WARNING, scope="document",
          gate=_mixed_forms_gate)
class MixedLetterForms:
    """One letter or digit written in two forms in one document (Romanian ș and ş, Persian ۱۸ and 18).

    What it does:
        In Romanian, counts the words written with ș ț (comma below, the letters of the language)
        and those with the look-alike ş ţ (cedilla, from legacy code pages and keyboards); in
        Turkish, Azerbaijani, Turkmen and Kurdish, ş (cedilla) against Romanian ș; in Hungarian,
        ő ű (double acute) against the Latin-1 õ û; in Persian the Arabic ي ك against ی ک and in
        Arabic the other way round, as info (human text mixes them too; a word written both ways
        is TQ502's). Where a document
        uses both, flags each word in the form used less (on a tie, the look-alike). In a language
        with digits of its own (Persian, Arabic, Urdu, Hindi, Bengali, Thai …: where TQ305 accepts
        them), counts the numbers written in each digit script and flags those in the script used
        less (on a tie, the one that is not the language's default in the Unicode CLDR: Persian
        digits in Persian, Bengali in Bengali, ASCII in Hindi). Numbers inside codes, names and
        addresses (COVID-19, F-35, a URL, a placeholder), and numbers the segment's source
        writes the same (a shortcut, a year, a version in a catalogue), are not counted.  In a
        language written in Cyrillic and in Latin letters (Serbian, Bosnian, Montenegrin, Uzbek,
        Azerbaijani), counts the sentences written in each (twenty letters or more, nine in ten
        of one script, with a letter only the language's alphabet in that script has: Serbian ј
        or č, so that a quotation in English or Russian is not counted) and flags those in the
        script used less (on a tie, the one the document turns to second).  A
        form more than ten lines from every use of the other is reported as info: in a file of
        unrelated sentences or documents each may be consistent in itself.

    Why it matters:
        MT and pasted text bring the letters and digits of another keyboard; a reader sees one word
        or number written two ways, and search and sorting treat them as different.

    Example:
        ``Înalta Curte de Casație … Decizia Înaltei Curţi`` → flags ``Curţi`` (ţ with a cedilla
        where the document writes ț).
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        lang = self.lang = base_lang(ctx.lang) or ""
        self.styles = _LETTER_STYLES.get(lang)
        self.arabic_script = lang in ("ar", "fa")
        self.digits = bool(ctx.data.get("native_digits") or lang in _digit_languages())
        self.default = _default_digits().get(lang, "latn")
        #: form (0 own letters, 1 look-alikes; or a digit script's zero) -> occurrences, in order.
        self.seen: dict[int, list[tuple[Segment, int, int]]] = defaultdict(list)
        #: digit script (its zero's code point) -> the numbers written in it, in order.
        self.numbers: dict[int, list[tuple[Segment, int, int]]] = defaultdict(list)
        #: In a language written in two scripts: the sentences in each (0 Cyrillic, 1 Latin).
        self.digraphic = _DIGRAPHIC.get(lang)
        self.scripts: dict[int, list[tuple[Segment, int, int]]] = defaultdict(list)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        text = segment.text
        if self.digraphic is not None:
            self._scripts(segment, sentences)
        if self.styles is not None:
            own, alike = self.styles[0], self.styles[1]
            if any(c in text for c in own + alike):
                for m in LETTERS.finditer(text):
                    word = m.group()
                    has_own = any(c in word for c in own)
                    has_alike = any(c in word for c in alike)
                    if has_own != has_alike:
                        self.seen[1 if has_alike else 0].append((segment, m.start(), m.end()))
        if not self.digits:
            return
        source = segment.source
        for m in _NUMBER.finditer(text):
            number = m.group()
            zero = ord(number[0]) - unicodedata.digit(number[0])
            if any(ord(c) - unicodedata.digit(c) != zero for c in number if c.isdigit()):
                continue  # digits of two scripts in one number: TQ305's or a typo's
            start, end = m.start(), m.end()
            if source and number in source:
                continue  # the source's own number, kept as it is (a shortcut, a version, a year)
            left = text.rfind(" ", 0, start) + 1
            right = text.find(" ", end)
            around = text[left:start] + text[end:right if right >= 0 else len(text)]
            if _CODE_AROUND.search(around):
                continue
            self.numbers[zero].append((segment, start, end))

    def _scripts(self, segment: Segment, sentences: list[Sentence]) -> None:
        """Note the sentences of ``segment`` written in Cyrillic or in Latin letters, each with a
        letter that only the language's alphabet in that script has (Serbian ј, č): a quotation
        in English or Russian is not the language in the other script."""
        assert self.digraphic is not None
        for i, (letters, rx) in enumerate(((self.digraphic[0], _CYRILLIC_LETTER),
                                           (self.digraphic[1], _LATIN_LETTER))):
            if not any(c in segment.text for c in letters):
                continue
            for sentence in sentences:
                text = sentence.text
                mine = len(rx.findall(text))
                if mine < _SCRIPT_SENTENCE or not any(c in text for c in letters):
                    continue
                other = len((_LATIN_LETTER if i == 0 else _CYRILLIC_LETTER).findall(text))
                if mine >= 9 * other:
                    self.scripts[i].append((segment, sentence.start, sentence.end))

    def finish(self) -> list[Hit]:
        hits: list[Hit] = []
        if len(self.scripts) > 1:
            counts = {i: len(v) for i, v in self.scripts.items()}
            # The script used less, or on a tie the one the document turns to second.
            odd = min((0, 1), key=lambda i: (counts[i], -self.scripts[i][0][0].locate(
                self.scripts[i][0][1])[0]))
            scripts = ("Cyrillic", "Latin letters")
            message = (f"sentence written in {scripts[odd]} ({counts[odd]}×) where the document "
                       f"writes {scripts[1 - odd]} ({counts[1 - odd]}×)")
            hits.extend(self._hits(self.scripts[odd], self.scripts[1 - odd], message))
        if self.styles is not None and len(self.seen) > 1:
            own_n, alike_n = len(self.seen[0]), len(self.seen[1])
            odd = 0 if own_n < alike_n else 1
            names = {0: self.styles[2], 1: self.styles[3]}
            letters = {0: self.styles[0], 1: self.styles[1]}
            kept = 1 - odd
            message = (f"letter written two ways: {'/'.join(letters[odd][:2])} {names[odd]} "
                       f"({len(self.seen[odd])}×) where the document writes "
                       f"{'/'.join(letters[kept][:2])} {names[kept]} ({len(self.seen[kept])}×)")
            places = self.seen[odd]
            if self.arabic_script:
                # A word also written in the other form is TQ502's (one word, two spellings).
                words = {seg.text[a:b] for seg, a, b in self.seen[kept]}
                table = _LETTER_COUNTERPARTS[self.lang] if odd else {
                    v: k for k, v in _LETTER_COUNTERPARTS[self.lang].items()}
                places = [(seg, a, b) for seg, a, b in places
                          if b - a < 3 or seg.text[a:b].translate(table) not in words]
            found = self._hits(places, self.seen[kept], message)
            if self.arabic_script:
                # Human Persian and Arabic text mixes the two keyboards' letters often (Tatoeba's
                # does): a hint for the editor, not a warning.
                found = [dataclasses.replace(h, severity=Severity.INFO) for h in found]
            hits.extend(found)
        if len(self.numbers) < 2:
            return hits
        ranked = sorted(self.numbers.items(), key=lambda kv: (
            -len(kv[1]), _DIGIT_SCRIPTS.get(kv[0], ("", ""))[0] != self.default))
        usual_zero, usual = ranked[0]
        for zero, places in ranked[1:]:
            name = _DIGIT_SCRIPTS.get(zero, ("", "native"))[1]
            main = _DIGIT_SCRIPTS.get(usual_zero, ("", "native"))[1]
            message = (f"number written in two digit scripts: {name} digits ({len(places)}×) "
                       f"where the document writes {main} digits ({len(usual)}×)")
            hits.extend(self._hits(places, usual, message))
        return hits

    def _hits(self, places: list[tuple[Segment, int, int]],
              usual: list[tuple[Segment, int, int]], message: str) -> list[Hit]:
        seg, start, end = usual[0]
        related = (Location(self.ctx.path, *seg.locate(start), *seg.locate(end)),)
        lines = sorted(seg.locate(start)[0] for seg, start, _ in usual)
        hits = []
        for segment, s, e in places[:MAX_FIX_SPOTS]:
            line = segment.locate(s)[0]
            i = bisect_left(lines, line)
            near = any(abs(lines[j] - line) <= _NEAR_LINES for j in (i - 1, i) if 0 <= j < len(lines))
            hits.append(Hit(s, e, message if near else message + _FAR_NOTE, related=related,
                            segment=segment, severity=None if near else Severity.INFO))
        return hits


#: Lines within which two forms stand in one passage (a few paragraphs): a file of unrelated
#: sentences or documents (a corpus, a feed) mixes forms from one to the next without any text
#: being mixed.  Forms further apart are reported as info.
_NEAR_LINES = 10
_FAR_NOTE = "; far from every other one in the file (another document?)"

