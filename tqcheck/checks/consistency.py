"""Consistency across a document: one name in two transliterations, one word in two spellings,
mixed quote styles.  Memory grows with the vocabulary, not with the text."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache

from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import WORD, folded_tokens
from tqcheck.model import Edit, Location, Segment, Sentence, Severity

_VOWELS = frozenset("aeiouyj")
#: Endings of English derived forms: two words whose stems match after removing one of these each
#: are related words (Ukraine/Ukrainian, Minister/Ministry), not two spellings of a name.
_ENDINGS = ("", "s", "e", "es", "'s", "’s", "y", "er", "ers", "ry", "ries", "ies", "ian", "ians",
            "an", "ans", "n", "ic", "ics", "ism", "ist", "ists", "ese", "ish", "al", "ia", "a", "ova")


def _derived(a: str, b: str) -> bool:
    for e1 in _ENDINGS:
        if not a.endswith(e1):
            continue
        stem = a[: len(a) - len(e1)]
        if len(stem) < 4:
            continue
        for e2 in _ENDINGS:
            if e1 != e2 and b.endswith(e2) and b[: len(b) - len(e2)] == stem:
                return True
    return False


def _doubled_letter_only(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    if len(long_) != len(short) + 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short and i > 0 and long_[i] == long_[i - 1]
               for i in range(len(long_)))


@dataclass
class _Occurrence:
    segment: Segment
    start: int
    end: int
    count: int = 1
    proper: bool = False  # seen capitalised away from a sentence start
    neighbours: set[str] = field(default_factory=set)
    #: Where the spelling stands, for a fix that rewrites it (the first :data:`MAX_FIX_SPOTS`
    #: occurrences, in file coordinates; a spelling used more often is not rewritten).
    spots: list[Edit] = field(default_factory=list)
    #: False once the spelling is seen inside an identifier, a path or in capitals
    #: (``DEB_BUILD_MULTIARCH``): such occurrences are not prose and are never rewritten.
    fixable: bool = True

    def spot(self, segment: Segment, start: int, end: int) -> None:
        if not self.fixable or self.count > MAX_FIX_SPOTS:
            return
        text = segment.text
        word = text[start:end]
        if (text[start - 1:start] in _IDENTIFIER_JOINS or text[end:end + 1] in _IDENTIFIER_JOINS
                or (word.isupper() and len(word) > 1)):
            self.fixable = False
            return
        edit = segment.edit(start, end, "")
        if edit is not None:
            self.spots.append(edit)


_IDENTIFIER_JOINS = frozenset("_/.\\@#$%<>=")


#: The most occurrences of one spelling a unifying fix rewrites.
MAX_FIX_SPOTS = 30


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
    else the document's strict majority; None when nothing decides (a tie)."""
    prefer: Mapping[str, str] = ctx.options.get("prefer") or {}
    folded = {fold(s): s for s in spellings}
    for key, wanted in prefer.items():
        if fold(key) in folded or fold(wanted) in folded:
            return wanted
    for target in _glossary_targets(ctx):
        if fold(target) in folded:
            return folded[fold(target)]
    ranked = sorted(spellings, key=lambda s: -counts[s])
    if len(ranked) > 1 and counts[ranked[0]] > counts[ranked[1]]:
        return ranked[0]
    return None


def _glossary_targets(ctx: CheckContext) -> tuple[str, ...]:
    path = ctx.options.get("glossary")
    if not path:
        return ()
    from tqcheck.checks.glossary import load_glossary

    try:
        glossary = load_glossary(str(path), ctx.source_lang, ctx.lang)
    except Exception:
        return ()
    return tuple(t for term in glossary.terms for t in term.targets)


def unify_fix(occ: _Occurrence, spelling: str, winner: str) -> tuple[Edit, ...] | None:
    """Edits rewriting every recorded occurrence of ``spelling`` as ``winner`` (None when some
    occurrences were not recorded)."""
    if not occ.fixable or occ.count > MAX_FIX_SPOTS or len(occ.spots) != occ.count:
        return None
    return tuple(Edit(e.line, e.col, e.end_line, e.end_col, _with_case_of(winner, e.before), e.before)
                 for e in occ.spots)


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


def _suffix_variant(a: str, b: str) -> bool:
    """Variants that differ only in a transliterated ending: -ey/-ei, -y/-yy, -iy/-y (>= 5 letters)."""
    if min(len(a), len(b)) < 5:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(a) == len(b):
        return a[:-1] == b[:-1] and {a[-1], b[-1]} == {"y", "i"}
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
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        prev = cur
    return prev[-1]


def transliteration_variants(a: str, b: str) -> bool:
    """Two spellings of one name: same first letter and consonant skeleton, differing only in
    vowels, y/j and doubled letters, by at most 2 edits (3 for long names), and neither a derived
    form of the other (Ukraine/Ukrainian, Turk/Turks)."""
    if a == b or a[0].casefold() != b[0].casefold() or min(len(a), len(b)) < 4:
        return False
    la, lb = a.casefold(), b.casefold()
    if _skeleton(la) != _skeleton(lb) or len(_skeleton(la)) < 2:
        return False
    if _derived(la, lb) and not _doubled_letter_only(la, lb):
        return False
    if la.rstrip("aeiouy") == lb.rstrip("aeiouy") and la[-1] in "ai" and lb[-1] in "ai":
        return False  # Latin-style endings (Maria/Marie are the same name, but -a/-i are inflection)
    limit = 3 if min(len(la), len(lb)) >= 7 else 2
    return _edit_distance(la, lb, limit) <= limit


_OPENING = frozenset(" \"'“‘«(\ufffc")


def _at_sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in _OPENING:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁ"
_LOWER = "a-zß-öø-ÿā-žа-яёı"
#: A capitalised word, optionally with an Arabic article ("al-Sisi", "El-Sisi") or a hyphenated
#: second part ("Wen-bin"): ``(?<![\w'’-])(?:(?:[Aa][lrsdtzn]|[Ee]l|[Aa]sh)-)?[A-Z][a-z]+(?:-…)?``.
#: Written to start with a character class — the first letter, with the lookbehind after it, then
#: the article or the capital told by a lookbehind on that letter — because the regex engine then
#: skips to candidate letters in a tight loop instead of trying the whole pattern at every position.
_CAPITALISED = re.compile(
    rf"[AaEe{_UPPER}](?<![\w'’-].)"
    rf"(?:(?<=[Aa])(?:[lrsdtzn]|sh)-[{_UPPER}]|(?<=[Ee])l-[{_UPPER}]|(?<=[{_UPPER}]))"
    rf"[{_LOWER}]+(?:-[{_UPPER}{_LOWER}][{_LOWER}]+)?(?![\w'’])"
)
#: The same for text without a hyphen (no article, no second part): starting with a capital only,
#: the regex engine skips the frequent a and e that may start an article.
_CAPITALISED_UNHYPHENATED = re.compile(rf"[{_UPPER}](?<![\w'’-].)[{_LOWER}]+(?![\w'’])")
_ARTICLE = re.compile(r"^(?:[Aa][lrsdtzn]|[Ee]l|[Aa]sh)-(?=[" + _UPPER + "])")
_FOLD_EXTRA = str.maketrans({"ı": "i", "ł": "l", "đ": "d", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
                             "-": None, "'": None, "’": None})


def fold_name(word: str) -> str:
    """Diacritics, Arabic article and hyphens removed, case folded: Çavuşoğlu → cavusoglu,
    al-Sisi → sisi, Wen-bin → wenbin."""
    import unicodedata

    core = _ARTICLE.sub("", word)
    if core.isascii():  # nothing to decompose, and casefold() is lower()
        return core.lower().translate(_FOLD_EXTRA)
    decomposed = unicodedata.normalize("NFKD", core.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_FOLD_EXTRA)


@cache
def _known_groups() -> list[frozenset[str]]:
    import tomllib
    from importlib import resources

    raw = (resources.files("tqcheck") / "data" / "name_variants.toml").read_text(encoding="utf-8")
    return [frozenset(g) for g in tomllib.loads(raw)["groups"] if len(g) > 1]


def names_are_variants(a: str, b: str, neighbours_shared: bool) -> bool:
    """Do two capitalised words look like two spellings of one name?"""
    if bool(_ARTICLE.match(a)) != bool(_ARTICLE.match(b)):
        return False  # "Bashar al-Assad" … "Assad": dropping the article is house style
    if a.replace("-", "").casefold() == b.replace("-", "").casefold():
        return False  # hyphenation only: a spelling variant (TQ502), not a transliteration
    fa, fb = fold_name(a), fold_name(b)
    if fa == fb:
        return len(fa) >= 3  # Erdoğan/Erdogan, al-Sisi/El-Sisi
    if not transliteration_variants(fa, fb):
        return False
    if neighbours_shared or _suffix_variant(fa, fb):
        return True
    # Two Arabic names with the article differ in their vowels only: al-Qudra/Al-Qidra.
    return bool(_ARTICLE.match(a) and _ARTICLE.match(b))


@register("TQ501", "name-variants", Severity.WARNING, scope="document", fix="unsafe")
class NameVariants:
    """One name written in two transliterations (Dmytro/Dmitry, Sergey/Sergei, Zelensky/Zelenskyy).

    What it does:
        Collects capitalised words used as names (seen capitalised away from a sentence start) and
        pairs spellings that are the same once diacritics and the form of the Arabic article are
        ignored (Erdoğan/Erdogan, al-Sisi/El-Sisi), and spellings that share their
        consonant skeleton and differ only in vowels, ``y``/``j`` and doubled letters when there is
        evidence they name one person: both stand next to the same other name ("Dmytro Kuleba",
        "Dmitry Kuleba"), they differ only in a transliterated ending (-ey/-ei, -y/-yy, -iy/-y), or
        both carry the Arabic article.  Known pairs (Kiev/Kyiv, Odessa/Odesa …) come from a data
        file.  A name with and without its article ("al-Assad" … "Assad") and hyphenation-only
        differences (TQ502's job) are not reported.  Reports the first occurrence of every
        spelling, naming the other spellings and where they stand.

    Why it matters:
        MT transliterates a name afresh in each sentence, so one person gets two spellings in one
        article; readers take them for two people, and the newsroom style guide names one.

    Example:
        ``Dmytro Kuleba`` … ``Dmitry Kuleba`` → two findings, each pointing at the other spelling.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.words: dict[str, _Occurrence] = {}
        self.has_case = ctx.data.has_case
        # Spellings can only be variants when their consonant skeletons match: bucket by skeleton,
        # so finishing is linear in the vocabulary, not quadratic.
        self.by_skeleton: dict[str, set[str]] = defaultdict(set)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not self.has_case:
            return
        text = segment.text
        words = self.words
        pattern = _CAPITALISED if "-" in text else _CAPITALISED_UNHYPHENATED
        matches = [(m.group(), m.start(), m.end()) for m in pattern.finditer(text)]
        last = len(matches) - 1
        for k, (w, start, end) in enumerate(matches):
            occ = words.get(w)
            if occ is None:
                occ = words[w] = _Occurrence(segment, start, end, 0, False)
                folded = fold_name(w)
                self.by_skeleton[folded[:1] + _skeleton(folded)].add(w)
            occ.count += 1
            occ.spot(segment, start, end)
            if not occ.proper:
                occ.proper = not _at_sentence_start(text, start)
            if len(occ.neighbours) >= _MAX_NEIGHBOURS:
                continue
            # Adjacent capitalised words (first name + surname) tell which person a name is.
            if k > 0 and matches[k - 1][2] + 1 == start and text[start - 1] == " ":
                other = matches[k - 1][0]
                if other not in _NOT_EVIDENCE:
                    occ.neighbours.add(other)
                    occ.proper = True  # "Dmytro Kuleba" is a name even at a sentence start
            if k < last and end + 1 == matches[k + 1][1] and text[end] == " ":
                other = matches[k + 1][0]
                if other not in _NOT_EVIDENCE:
                    occ.neighbours.add(other)
                    occ.proper = True

    def _may_unify(self, a: str, b: str) -> bool:
        """May a fix rewrite ``a`` as ``b``?  Not where capitals do not mark names (German
        nouns), nor where one spelling is the other plus an ending (Aktion/Aktionen, Ihre/Ihrer:
        inflection, not transliteration) unless the pair is a known one."""
        if self.ctx.data.get("capitalised_nouns"):
            return False
        if any(a in known and b in known for known in _known_groups()):
            return True
        return not (a.startswith(b) or b.startswith(a))

    def finish(self) -> list[Hit]:
        pairs: dict[str, set[str]] = defaultdict(set)
        for group in self.by_skeleton.values():
            if len(group) < 2:
                continue
            names = sorted(w for w in group if self.words[w].proper)
            for i, a in enumerate(names):
                for b in names[i + 1:]:  # sorted: a < b
                    shared = bool(self.words[a].neighbours & self.words[b].neighbours)
                    if names_are_variants(a, b, shared):
                        pairs[a].add(b)
                        pairs[b].add(a)
        for known in _known_groups():
            present = [w for w in known if w in self.words]
            for a in present:
                pairs[a].update(b for b in present if b != a)
        hits: list[Hit] = []
        counts = {w: o.count for w, o in self.words.items()}
        for a in sorted(pairs):
            variants = sorted(pairs[a])
            if variants:
                winner = preferred_spelling([a, *variants], counts, self.ctx, fold_name)
                fix = None
                if winner and winner != a and self._may_unify(a, winner):
                    fix = unify_fix(self.words[a], a, winner)
                occ = self.words[a]
                where = [(b, self.words[b]) for b in variants]
                related = tuple(
                    Location(self.ctx.path, *o.segment.locate(o.start), *o.segment.locate(o.end))
                    for _, o in where
                )
                others = ", ".join(
                    f"'{b}' (line {o.segment.locate(o.start)[0]}, {o.count}×)" for b, o in where
                )
                hits.append(Hit(occ.start, occ.end,
                                f"name spelled two ways: '{a}' ({occ.count}×) and {others}",
                                related=related, segment=occ.segment, fix=fix,
                                fix_message=f"write '{winner}' for '{a}' ({occ.count}×)"))
        return hits


_HYPHENATED = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})-([^\W\d_]{2,})(?![\w'’-])")


@register("TQ502", "spelling-variants", Severity.INFO, scope="document", fix="unsafe")
class SpellingVariants:
    """One word written two ways in one document (cease-fire/ceasefire, e-mail/email).

    What it does:
        Finds hyphenated words whose closed form also appears (``cease-fire`` and ``ceasefire``), and
        pairs listed in the language data under ``spelling_variants`` (British/American spellings and
        the like).  Reports the first occurrence of every spelling with where the other stands.

    Why it matters:
        MT picks a spelling per sentence; a house style has one.  Mixed spellings read as careless.

    Example:
        ``permanent cease-fire`` … ``a temporary ceasefire`` → two findings.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.first: dict[str, _Occurrence] = {}
        self.closed_candidates: dict[str, str] = {}  # closed form -> hyphenated form
        # Words worth locating: closed forms of hyphenated words seen so far, and listed variants.
        self.wanted: set[str] = {
            w.casefold() for pair in ctx.data.get("spelling_variants", default=()) for w in pair}

    def _note(self, key: str, segment: Segment, start: int, end: int) -> None:
        occ = self.first.get(key)
        if occ is None:
            occ = self.first[key] = _Occurrence(segment, start, end)
        else:
            occ.count += 1
        occ.spot(segment, start, end)

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        text = segment.text
        if "-" in text:
            for m in _HYPHENATED.finditer(text):
                hyph = m.group().casefold()
                self._note(hyph, segment, m.start(), m.end())
                closed = hyph.replace("-", "")
                self.closed_candidates[closed] = hyph
                self.wanted.add(closed)
        wanted = self.wanted
        if not wanted or wanted.isdisjoint(folded_tokens(text)):
            return
        for m in WORD.finditer(text):
            w = m.group().casefold()
            if w in wanted:
                self._note(w, segment, m.start(), m.end())

    def finish(self) -> list[Hit]:
        groups: list[list[str]] = []
        for closed, hyph in self.closed_candidates.items():
            if closed in self.first and hyph in self.first:
                groups.append([hyph, closed])
        for pair in self.ctx.data.get("spelling_variants", default=()):
            present = [w.casefold() for w in pair if w.casefold() in self.first]
            if len(present) > 1:
                groups.append(present)
        hits: list[Hit] = []
        counts = {w: o.count for w, o in self.first.items()}
        for group in groups:
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


_STYLES = {'"': "straight", "“": "curly", "”": "curly", "„": "low-high", "«": "guillemets", "»": "guillemets"}
_QUOTE_CHARS = re.compile("[" + "".join(_STYLES) + "]")


@register("TQ503", "mixed-quote-styles", Severity.INFO, scope="document")
class MixedQuoteStyles:
    """Straight and typographic double quotes mixed in one document.

    What it does:
        Counts the double-quote styles used — straight ``"`` and the language's own typographic
        marks (with their nested forms: German „…“, Russian «…„…“…») count as one style each; other
        typographic marks count by kind — and, when more than one is used, flags the first quote of
        each minority style.

    Why it matters:
        MT output and pasted fragments bring their own quote styles; a publication uses one.

    Example:
        ``“turning point”`` … ``"in good faith"`` → flags the style used less often.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.first: dict[str, _Occurrence] = {}
        # Marks of the language's own pairs (primary and nested) are one style: German „…“ and
        # ‚…‘, Russian «…» with „…“ inside.
        own = "".join(
            "".join(pair) for key in ("primary", "secondary", "tertiary")
            if (pair := ctx.data.get("quotes", key))
        )
        for pair in ctx.data.get("quotes", "alternate", default=()):
            own += "".join(pair)
        self.styles = {c: ("typographic" if c in own else _STYLES[c]) for c in _STYLES}

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        text = segment.text
        if '"' not in text and not _QUOTE_CHARS.search(text):
            return
        for m in _QUOTE_CHARS.finditer(text):
            i, c = m.start(), m.group()
            style = self.styles[c]
            if c == '"' and i and text[i - 1].isdigit():
                continue
            occ = self.first.get(style)
            if occ is None:
                self.first[style] = _Occurrence(segment, i, i + 1)
            else:
                occ.count += 1

    def finish(self) -> list[Hit]:
        if len(self.first) < 2:
            return []
        ranked = sorted(self.first.items(), key=lambda kv: (-kv[1].count, kv[0]))
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
