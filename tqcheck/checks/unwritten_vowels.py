"""Names written two ways in scripts that leave vowels unwritten (Arabic, Persian, Hebrew), for
TQ501.

These scripts have no capitals to tell a name, and write a foreign name's vowels with letters
that double as consonants (matres lectionis): Arabic and Persian ا و ي (ی), Hebrew י ו and the
א of foreign words.  Machine translation renders one name with and without such a letter in
one article (بايدن/بايدين, ترامب/ترمب, زيلينسكي/زيلنسكي, ביידן/בידן, טראמפ/טרמפ), and Persian
MT writes the Arabic letters for the Persian ones (ترامپ/ترامب).  Two words of one document are
paired when one is the other with one such letter inserted inside the word where the grammar
inserts none (never first or last: clitics and endings, وبايدن, يعمل, -ون/-ين; nor the alef of
the participle, the yāʾ of the nisba or the wāw of a broken plural) and nothing else changed.
Where the language has a lexicon (Arabic), two of its words are never paired (كتاب/كتب,
مكتب/مكتوب are words of their own); without one (Persian, Hebrew) the words must be longer,
and Hebrew pairs only a doubled י or ו or an inserted א (its own words vary in ktiv male).
Hamza on alef (أ إ آ against ا) is TQ502's job, not a second spelling of a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tqcheck.model import Segment

#: Words of at least four letters in each script.
_WORDS = {
    "Arabic": re.compile(r"[\u0621-\u063A\u0641-\u064A\u067E\u0686\u0698\u06A9\u06AF\u06CC]{4,}"),
    "Hebrew": re.compile(r"[\u05D0-\u05EA]{4,}"),
}
#: The letters that write a vowel as well as a consonant, per script.
_MATRES = {"Arabic": "اويىی", "Hebrew": "ויא"}
#: Letters compared as one: Persian letters and the Arabic letters MT writes for them in a
#: foreign name (پ ب, چ ج), the Arabic and Persian kāf and yāʾ (ک ك, ی ي ى), Hebrew final forms.
_SAME = str.maketrans({"پ": "ب", "چ": "ج", "ك": "ک", "ي": "ی", "ى": "ی",
                       "ך": "כ", "ם": "מ", "ן": "נ", "ף": "פ", "ץ": "צ"})
#: Hamza on alef against a bare alef: TQ502's job, never a second spelling of a name here.
_HAMZA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا"})
#: Persian letters: a word that has one where the other has its Arabic rendering is one
#: difference of its own (ترامپ/ترامب), reported in Persian text only.
_PERSIAN = str.maketrans({"پ": "ب", "چ": "ج"})
#: Letters of one class: the Arabic renderings of one foreign sound (g: غ ج گ; z: ز س at the
#: end of -tz/-ts; v: ف ڤ; t: ت ط; a foreign name's initial vowel as أ or إ: أردوغان/
#: إردوغان), compared as one for :meth:`UnwrittenVowelNames.pairs`.
_FOREIGN_SOUNDS = str.maketrans({"ج": "غ", "گ": "غ", "س": "ز", "ڤ": "ف", "ط": "ت", "إ": "أ"})
#: Prefixed conjunctions, prepositions and the article: وال، بال، لل، فال، كال، و، ف، ب، ل، ك، ال.
_CLITICS = re.compile(r"^(?:[وف]?(?:[بلك]?ال|لل)|[وف][بلك]?|[بلك])")
#: At most this many distinct words remembered per document.
_MAX_WORDS = 20000
#: At most this many occurrences of one spelling reported.
_MAX_REPORTED = 8


#: Two spellings count as one article's only when some occurrences of both stand within this
#: many characters (a file that concatenates documents has unrelated words far apart).
_NEAR = 4000
#: Two spellings each used this often are two established words, not one name spelled twice.
_ESTABLISHED = 3


@dataclass
class _Seen:
    segment: Segment
    start: int
    end: int
    count: int = 0
    later: list[tuple[Segment, int, int]] = field(default_factory=list)
    #: Where the spelling stands in the document (characters from its start), the first ones.
    positions: list[int] = field(default_factory=list)


class DocumentSpellings:
    """The words of a document a pattern picks out, each with its first occurrence, up to
    :data:`_MAX_REPORTED` more, its count and where it stands (for pairing two spellings of one
    name: :class:`UnwrittenVowelNames`, and Chinese transcriptions in ``transcribed_names``)."""

    def __init__(self) -> None:
        self.seen: dict[str, _Seen] = {}
        self.offset = 0

    def record(self, segment: Segment, words: re.Pattern[str]) -> None:
        """Remember the matches of ``words`` in ``segment`` (the next segment of the document)."""
        base = self.offset
        self.offset += len(segment.text) + 1
        for m in words.finditer(segment.text):
            self.add(m.group(), segment, m.start(), base)

    def add(self, w: str, segment: Segment, start: int, base: int) -> None:
        """Remember word ``w`` at ``start`` in ``segment``, which begins at ``base`` in the
        document."""
        occ = self.seen.get(w)
        if occ is None:
            if len(self.seen) >= _MAX_WORDS:
                return
            occ = self.seen[w] = _Seen(segment, start, start + len(w))
        elif len(occ.later) < _MAX_REPORTED - 1:
            occ.later.append((segment, start, start + len(w)))
        occ.count += 1
        if len(occ.positions) < 64:
            occ.positions.append(base + start)

    def rare_and_near(self, a: str, b: str) -> bool:
        """Whether spellings ``a`` and ``b`` are not both established in the document and
        stand near each other somewhere (:data:`_NEAR`): one article's words."""
        oa, ob = self.seen[a], self.seen[b]
        if min(oa.count, ob.count) >= _ESTABLISHED:
            return False  # both established in the document: two words
        return any(abs(x - y) <= _NEAR for x in oa.positions for y in ob.positions)


def _lexicon(lang: str) -> frozenset[str]:
    from tqcheck.langid import lexicon

    found = lexicon(lang)
    return found.words if found is not None else frozenset()


def _insertion(short: str, long_: str) -> int | None:
    """Where ``long_`` is ``short`` with one letter inserted: that letter's index, else None."""
    if len(long_) != len(short) + 1:
        return None
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return i if long_[i + 1:] == short[i:] else None


def _inserted_inside(short: str, long_: str, matres: str) -> bool:
    """Is ``long_`` ``short`` with one of ``matres`` inserted inside the word, where Arabic
    grammar inserts none: not in the first two letters (clitics and the active participle:
    وحدات/ووحدات, لعب/لاعب), not last (endings), not an alef after an initial mīm (form III:
    مبشرة/مباشرة), not a yāʾ before a final tāʾ marbūṭa or hāʾ (the nisba: الرجولة/الرجولية),
    not a wāw or yāʾ before a final nūn (plural endings: الدهن/الدهون, يرغبن/يرغبون), not a wāw
    before an alef (the broken plural: حادث/حوادث)?"""
    i = _insertion(short, long_)
    if i is None:
        return False
    letter = long_[i]
    return (letter in matres and 1 < i < len(long_) - 1
            and not (letter == "ا" and i == 2 and long_[0] == "م")
            and not (letter in "يی" and long_[i + 1:] in ("ة", "ه"))
            and not (letter in "وي" and long_[i + 1:] == "ن")
            and not (letter == "و" and long_[i + 1] == "ا"))


class UnwrittenVowelNames(DocumentSpellings):
    """Collects the words of a document in a script without capitals and pairs the spellings
    of one name that differ in a vowel letter (see the module docstring)."""

    def __init__(self, script: str, lang: str) -> None:
        super().__init__()
        self.words_re = _WORDS[script]
        self.matres = _MATRES[script]
        self.hebrew = script == "Hebrew"
        self.persian = lang == "fa"
        self.lexicon = _lexicon(lang) if lang == "ar" else frozenset()
        #: Without a lexicon, only longer words (fewer words of the language among them).
        self.min_long = 4 if self.lexicon else 5
        #: The pairs that differ in a consonant of a foreign sound, not in a vowel letter.
        self.consonant: set[tuple[str, str]] = set()

    def feed(self, segment: Segment) -> None:
        self.record(segment, self.words_re)

    def pairs(self) -> list[tuple[str, str]]:
        """The pairs of spellings of one name (each pair once, sorted)."""
        buckets: dict[str, list[str]] = {}
        strip = str.maketrans("", "", self.matres + "ی")
        for w in self.seen:
            same = w.translate(_SAME)
            buckets.setdefault(same.translate(strip), []).append(w)
        found: list[tuple[str, str]] = []
        for key, group in buckets.items():
            if len(group) < 2 or len(key) < 3:
                continue
            group.sort()
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if self._variants(a, b):
                        found.append((a, b))
        if self.lexicon:
            found.extend(self._consonant_pairs())
        return found

    def describe(self, a: str, b: str) -> str:
        """How the spellings ``a`` and ``b`` (a pair of :meth:`pairs`) differ."""
        if (a, b) in self.consonant:
            if {x for x, y in zip(a, b, strict=False) if x != y} <= {"أ", "إ"}:
                return "the hamza written above the alef in one and below it in the other"
            return "one foreign sound written with two letters"
        return "a vowel letter written in one and not the other"

    def _consonant_pairs(self) -> list[tuple[str, str]]:
        """Spellings of a foreign name that render one of its sounds by two letters (g as غ, ج
        or گ: غوتيريش/جوتيريش; z as ز or س: شولتز/شولتس; v as ف or ڤ; t as ت or ط): one letter
        of one class apart, in words of five letters or more neither of which is a word of the lexicon,
        with or without its prefixes (الزيادة/السيادة, بالسيارات/بالزيارات are two words)."""
        buckets: dict[str, list[str]] = {}
        for w in self.seen:
            if len(w) >= 5:
                buckets.setdefault(w.translate(_SAME).translate(_FOREIGN_SOUNDS), []).append(w)
        found = []
        for group in buckets.values():
            if len(group) < 2:
                continue
            group.sort()
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    sa, sb = a.translate(_SAME), b.translate(_SAME)
                    diff = [i for i, (x, y) in enumerate(zip(sa, sb, strict=True)) if x != y]
                    if len(diff) != 1:
                        continue
                    # (the hamza of an initial vowel: one of the two may be the lexicon's own
                    # spelling of a frequent foreign name, أردوغان; the other must be none)
                    hamza = {sa[diff[0]], sb[diff[0]]} == {"أ", "إ"}
                    if ((not self._a_word(a) and not self._a_word(b))
                            or (hamza and not (self._a_word(a) and self._a_word(b)))) and \
                            self._apart_and_rare(a, b):
                        found.append((a, b))
                        self.consonant.add((a, b))
        return found

    def _a_word(self, w: str) -> bool:
        """Is ``w``, or ``w`` without a prefixed conjunction, preposition or article, a word of
        the lexicon (بالسيارات: ب + ال + سيارات)?"""
        if w in self.lexicon:
            return True
        m = _CLITICS.match(w)
        return m is not None and (w[m.end():] in self.lexicon
                                  or "ال" + w[m.end():] in self.lexicon)

    def _apart_and_rare(self, a: str, b: str) -> bool:
        """Not two words of the lexicon, not both established, and near each other."""
        return not (a in self.lexicon and b in self.lexicon) and self.rare_and_near(a, b)

    def _variants(self, a: str, b: str) -> bool:
        if a in self.lexicon and b in self.lexicon:
            return False  # two words of the language (كتاب/كتب)
        if not self.rare_and_near(a, b):
            return False  # both established, or far apart: two documents' words, two names
        sa, sb = a.translate(_SAME), b.translate(_SAME)
        if sa.translate(_HAMZA) == sb.translate(_HAMZA) and sa != sb:
            return False  # hamza on alef: TQ502's job
        if sa == sb:
            if self.persian and a.translate(_PERSIAN) == b.translate(_PERSIAN) and a != b:
                # ترامپ/ترامب: the Arabic letter for the Persian one, in a longer word.
                return min(len(a), len(b)) >= self.min_long and _persian_letter_only(a, b)
            return False  # hamza on alef, letter forms: TQ502's job
        if self.persian:
            # Without a lexicon, Persian vowel letters pair its own words (بیت/بایت bit/byte,
            # خواهد/خواهید): only the Arabic letter for a Persian one is evidence of a name.
            return False
        short, long_ = sorted((sa, sb), key=len)
        if self.hebrew and _hebrew_final_double(short, long_):
            return True  # זלנסקי/זלנסקיי: a foreign name's -y/-yy
        if len(long_) < self.min_long:
            return False
        if not _inserted_inside(short, long_, self.matres + "ی"):
            # A wāw before a final nūn is the plural ending (الدهن/الدهون), unless neither
            # spelling is a word and the name is long: a foreign name's -son/-sen (بيدرسن/بيدرسون).
            i = _insertion(short, long_)
            return (not self.hebrew and i is not None and long_[i] == "و"
                    and long_[i + 1:] == "ن" and len(short) >= 5
                    and a not in self.lexicon and b not in self.lexicon)
        if self.hebrew:
            # Hebrew writes its own words with and without י ו (ktiv male): only a doubled
            # י or ו (ביידן/בידן) or a foreign word's א (טראמפ/טרמפ) tells a name's spelling.
            return _hebrew_name_letter(short, long_)
        return True


def _persian_letter_only(a: str, b: str) -> bool:
    return sum(x != y for x, y in zip(a, b, strict=False)) == 1 and len(a) == len(b)


def _hebrew_final_double(short: str, long_: str) -> bool:
    """Is ``long_`` ``short`` (five letters or more) with its final י doubled: a foreign name's
    ending written -י and -יי (זלנסקי/זלנסקיי for Zelensky/Zelenskyy)?"""
    return len(short) >= 5 and short.endswith("י") and long_ == short + "י"


def _hebrew_name_letter(short: str, long_: str) -> bool:
    """Is the letter inserted (:func:`_inserted_inside` holds) a foreign word's א or a doubled
    י or ו?"""
    i = _insertion(short, long_)
    assert i is not None
    letter = long_[i]
    return letter == "א" or (letter in "וי" and (long_[i - 1] == letter or long_[i + 1] == letter))
