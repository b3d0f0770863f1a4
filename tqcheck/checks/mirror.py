"""The source in view: a phenomenon the source also has is not a translation artifact.

When the source of a segment is known (a bilingual format, or ``--source`` aligned by line), the
engine asks the *mirror test* of a rule whether a finding mirrors the source: an emoji, hashtag,
handle or foreign word that the source already holds, repetition that the source repeats, a
bracket or quotation mark the source leaves open too, a sentence that starts in lowercase or with a
conjunction in the source as well.  A mirrored finding is kept but downgraded to ``info``, and its
message says why.

One table, :data:`MIRRORS`, declares the test of each rule (rules without one are never
mirrored); the tests are pure functions of a :class:`MirrorCase`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.langdata import LanguageData, load_language
from tqcheck.model import Segment


@dataclass(frozen=True, slots=True)
class MirrorCase:
    """A finding of one rule, with the source of its segment."""

    code: str
    segment: Segment
    start: int
    end: int
    source: str
    source_lang: str | None
    #: Sources of the segments the finding relates to (document checks: the earlier occurrence).
    related_sources: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return self.segment.text[self.start : self.end]


#: A mirror test: the reason a finding mirrors the source (shown in its message), or None.
MirrorTest = Callable[[MirrorCase], "str | None"]

_VARIATION = re.compile("[\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\u200d]")


@lru_cache(maxsize=512)
def normalise(text: str) -> str:
    """Compatibility-folded (full-width forms as ASCII), case-folded, whitespace collapsed, emoji
    variation selectors and skin tones dropped."""
    folded = unicodedata.normalize("NFKC", _VARIATION.sub("", text)).casefold()
    return " ".join(folded.split())


def span_in_source(case: MirrorCase) -> str | None:
    """The flagged text itself occurs in the source (emoji, hashtags, handles, Latin words in a
    non-Latin source, CJK punctuation)."""
    span = normalise(case.text)
    if not span.strip():
        return None
    source = normalise(case.source)
    if case.text[:1].isspace():
        # Space before punctuation: the source must put a space before the same mark.
        if f" {span}" in source:
            return f"the source has '{case.text.strip()}' after a space too"
        return None
    if span in source:
        return f"the source has '{case.text.strip()}' too"
    return None


def source_has_emoji(case: MirrorCase) -> str | None:
    """The source writes emoji too: the translation keeps its register (a post, a review) even
    where it renders one emoji by another."""
    from tqcheck.checks.residue import _EMOJI

    found = span_in_source(case)
    if found:
        return found
    if _EMOJI.search(case.source):
        return "the source uses emoji too"
    emoticon = _EMOTICON.search(case.source)
    if emoticon:
        # MT renders a text emoticon as the emoji it stands for (";-)" as "😉").
        return f"the source has the emoticon '{emoticon.group().strip()}'"
    return None


#: Text emoticons: eyes, an optional nose, a mouth (":-)", ";)", ":D", ":-P", "xD"), or "^^",
#: "^_^", standing apart from the words around them.
_EMOTICON = re.compile(
    r"(?<![\w:;=])(?:[:;=][-^'o]?[()\[\]DPpOo3*|/\\]|[xX]D|\^_?\^|<3)(?![\w)(])")


def source_has_markup(case: MirrorCase) -> str | None:
    """The source holds the same markup or placeholder (its text, the same tag, or Markdown
    emphasis of its own): the translation kept what it was given."""
    found = span_in_source(case)
    if found:
        return found
    text = case.text
    tag = re.match(r"</?([A-Za-z][\w-]*)", text)
    if tag and re.search(rf"</?{re.escape(tag.group(1))}\b", case.source, re.IGNORECASE):
        return f"the source has <{tag.group(1)}> markup too"
    if text[:2] in ("**", "__") and text[:2] in case.source:
        return f"the source has '{text[:2]}' markup too"
    return None


def foreign_in_source(case: MirrorCase) -> str | None:
    """Text in another script that the source quotes as foreign too (a Latin brand name in an
    English source kept in a Russian translation).  Text in the source's own script is what the
    translation should have translated: not a mirror."""
    from tqcheck.langid import script_counts, script_of, scripts_of_language

    if span_in_source(case) is None and (
            "".join(normalise(case.text).split()) not in "".join(normalise(case.source).split())
            or not case.text.strip()):
        return None  # (spacing aside: "火 眼" for the source's "火眼")
    letters = [script_of(ch) for ch in case.text if ch.isalpha()]
    counts = script_counts(case.source)
    total = sum(counts.values())
    # The scripts the source is written in (Japanese: Han and Kana), not those it quotes.
    own = {script for script, n in counts.items() if n >= total / 10}
    own |= scripts_of_language(case.source_lang)
    if not letters:
        return None
    if letters[0] in own:
        # In the source's own script, kept verbatim: an address, handle, code or name is kept on
        # purpose ("@awr_hawkins", "info@nami.org", "Call of Duty"); other words are untranslated.
        words = case.text.split()
        if _VERBATIM.search(case.text) or all(w[:1].isupper() or not w[:1].isalpha()
                                             for w in words):
            return f"the source has '{case.text.strip()}' verbatim (a name, address or code)"
        return None
    return f"the source quotes '{case.text.strip()}' in that script too"


_VERBATIM = re.compile(r"[@/:<>_#\[\]{}=\\]|\w\.\w|\d")


_PAIRS = {")": "(", "]": "[", "}": "{", "(": ")", "[": "]", "{": "}"}


def bracket_imbalance(case: MirrorCase) -> str | None:
    """The source leaves the same kind of bracket unmatched (emoticons "))))", "…stylish)")."""
    mark = normalise(case.text).strip()[:1]
    other = _PAIRS.get(mark)
    if other is None:
        return None
    source = normalise(case.source)
    if source.count(mark) > source.count(other):
        return f"the source leaves '{mark}' unmatched too"
    # A cluster of symbols the source has too ("Start Group [(]": a key shown, not a bracket).
    text = case.segment.text
    start, end = case.start, case.end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    cluster = text[start:end]  # the bracket's token
    if cluster and not any(c.isalnum() for c in cluster) and normalise(cluster) in source.split():
        return f"the source has '{cluster}' too"
    return None


_STRAIGHT = '"'
#: Marks a straight quote may follow when it opens a quotation (``"``, ``("``, ``— "``).
_BEFORE_OPENER = frozenset(" \t\n([{—–-/")


def _straight_left_open(text: str) -> bool:
    """Straight double quotes that do not pair up when read in order: a mark after a space and
    before a word opens, one after a word or mark and before a space or mark closes, and one
    glued on both sides (``Twitter."That``) or spaced on both closes an open quotation or opens
    one.  ``"When they say "oh, I didn't.``: two marks, both opening."""
    depth = 0
    for m in re.finditer(_STRAIGHT, text):
        i = m.start()
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = before in _BEFORE_OPENER and (after.isalnum() or after in "([¿¡'")
        closes = before not in _BEFORE_OPENER and not after.isalnum()
        if opens:
            depth += 1
        elif closes:
            if depth == 0:
                return True  # a closing mark nothing opened
            depth -= 1
        else:
            depth = depth - 1 if depth else depth + 1
    return depth != 0


def quotes_unbalanced(text: str) -> bool:
    """Whether ``text`` leaves a quotation mark without its partner: an odd number of straight or
    typographic double quotes, straight quotes that open twice in a row, English “ and ” in unequal
    numbers (no „ to close with “), or unequal « » or 「 」."""
    text = unicodedata.normalize("NFKC", text)
    if text.count(_STRAIGHT) % 2 == 1 or _straight_left_open(text):
        return True
    if sum(text.count(q) for q in "“”„") % 2 == 1:
        return True
    if "„" not in text and text.count("“") != text.count("”"):
        return True
    return text.count("«") != text.count("»") or text.count("「") != text.count("」")


#: A quotation mark of any style; a single straight or curly one only where it opens a quotation
#: (after a space, before a word or placeholder: ``'If he had …'``, ``'{address}'``), not in
#: ``he's``.
_QUOTATION = re.compile(r"""["“”„«»「」『』《》‹›]|(?:^|(?<=[\s(\[]))['‘](?=\S)""")


def has_quotation(text: str) -> bool:
    """Whether ``text`` quotes anything with quotation marks (a source that writes its dialogue
    with dashes, ``— Скажеш таке!``, has none)."""
    return _QUOTATION.search(text) is not None


def quote_imbalance(case: MirrorCase) -> str | None:
    """The source leaves a quotation mark unmatched too."""
    if quotes_unbalanced(case.source):
        return "the source leaves a quotation mark unmatched too"
    return None


_CJK_REPEAT = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,8})\1"
                         r"|[\u3400-\u4dbf\u4e00-\u9fff]々")  # 担々麺 "dan dan noodles"
_CJK_LOOP = re.compile(r"([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,8})\1\1")


#: One to four words repeated with any separators between the copies ("with the, with the",
#: "Заходимо, заходимо, заходимо", "ля-ля-ля").
_ANY_REPEAT = re.compile(r"(?<!\w)(\w+(?:\W{1,3}\w+){0,3})(?:\W{1,3}\1(?!\w))+")


#: One word three times or more, any separators ("ля-ля-ля ля-ля-ля", "no, no, no").
_WORD_LOOP = re.compile(r"(?<!\w)(\w+)(?:\W{1,3}\1(?!\w)){2,}")


def _source_repeats(source: str, copies: int) -> bool:
    text = normalise(source)
    if _WORD_LOOP.search(text) and copies >= 2:
        return True
    for m in _ANY_REPEAT.finditer(text):
        unit = m.group(1)
        n = len(re.findall(rf"(?<!\w){re.escape(unit)}(?!\w)", m.group()))
        if n >= copies:
            return True
    return bool((_CJK_LOOP if copies >= 3 else _CJK_REPEAT).search(text))


def source_repeats(case: MirrorCase) -> str | None:
    """The source repeats a word or phrase back to back too ("Fang Fang" from 芳芳, "ha ha")."""
    if _source_repeats(case.source, 2):
        return "the source repeats itself here too"
    return None


#: A line of one mark three times or more, spaced or not: an ornament or a section break
#: ("* * *", "× × ×").
_MARK_LOOP = re.compile(r"([^\w\s])(?:\s*\1){2,}")
#: A loop of one letter or one mark ("x x x", "X x x").
_ONE_CHARACTER_LOOP = re.compile(r"(?:(\S)\s*)(?:(?i:\1)\s*){2,}")


def source_loops(case: MirrorCase) -> str | None:
    """The source repeats a unit three times or more too ("ha ha ha", "no, no, no"), or is a list
    of as many items as the loop has copies: aliases that the translation renders alike
    ("kilometers per hour,kmph,kmh,kph" → one Arabic term four times), or a loop of one letter
    renders a source line that is an ornament of one mark ("× × ×" → "x x x"), not marks at the
    end of a sentence ("？？？？")."""
    if _source_repeats(case.source, 3):
        return "the source repeats itself here too"
    if _ONE_CHARACTER_LOOP.fullmatch(case.text.strip()) and _MARK_LOOP.fullmatch(
            case.source.strip()):
        return "the source has an ornament of one mark repeated (a section break)"
    copies = _list_items(case.text)
    if copies >= 3 and _list_items(case.source) >= copies:
        return "the source is a list of as many items (aliases rendered alike)"
    return None


_LIST_SEPARATOR = re.compile(r"\s*[,;،、]\s*")


def _list_items(text: str) -> int:
    """How many items a separator-delimited list of short items (a keyword or alias list, no
    sentence in it) holds; 1 when the text is no such list (prose with commas is none)."""
    items = [item for item in _LIST_SEPARATOR.split(text.strip()) if item.strip()]
    if any(len(item.split()) > 4 or item.rstrip()[-1:] in ".!?" for item in items):
        return 1
    return len(items)


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？])\s*|\n+")


def _sentences(text: str) -> list[str]:
    out = []
    for piece in _SENTENCE_SPLIT.split(normalise(text)):
        piece = piece.strip(" .!?。！？\"'“”«»")
        if len(piece) >= 8:
            out.append(piece)
    return out


def source_repeats_sentence(case: MirrorCase) -> str | None:
    """The repeated sentence is repeated in the source too: the sources of the two occurrences
    share a sentence (or one holds the other, a headline restated in the body)."""
    own = _sentences(case.source)
    seen: set[str] = set()
    for s in own:
        if s in seen:
            return "the source repeats this sentence too"
        seen.add(s)
    whole = normalise(case.source)
    for other in case.related_sources:
        theirs = normalise(other)
        if not theirs or not whole:
            continue
        if theirs == whole or seen.intersection(_sentences(other)) or (
                min(len(theirs), len(whole)) >= 8 and (theirs in whole or whole in theirs)):
            return "the source repeats this sentence too"
        if _dice(theirs, whole) >= _SIMILAR:
            # "※火気の近くで使用しないでください。" and "※火気の近くでは使用しないでください。":
            # two wordings of one notice, which a translation may well render alike.
            return "the source says nearly the same there"
    return None


#: Character-bigram overlap (Dice) above which two source segments say nearly the same thing.
_SIMILAR = 0.6


def _dice(a: str, b: str) -> float:
    x = {a[i : i + 2] for i in range(len(a) - 1)}
    y = {b[i : i + 2] for i in range(len(b) - 1)}
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def source_has_short_sentence(case: MirrorCase) -> str | None:
    """The source has a short sentence of about the same length after another one: the fragment
    is the source's ("An seiner Seite Ehefrau Andrea." → "At his side wife Andrea.")."""
    n = len(case.text.split())
    pieces = [p.strip() for p in _SENTENCE_SPLIT.split(case.source.strip()) if p.strip()]
    for piece in pieces[1:]:
        words = piece.split()
        if len(words) > 1:
            if abs(len(words) - n) <= 2:
                return "the source has a sentence this short too"
        elif len(piece) <= 4 * n:  # a script without spaces: compare characters
            return "the source has a sentence this short too"
    return None


_LOWER_START = re.compile(r"(?:^|[.!?…]\s+)[\"'“‘«(\[¿¡*]*([^\W\d_])")


def source_lowercase_start(case: MirrorCase) -> str | None:
    """A sentence of the source starts in lowercase too (transcripts, chat, continued lines)."""
    for m in _LOWER_START.finditer(case.source.strip()):
        ch = m.group(1)
        if ch.islower() and ch.upper() != ch:
            return "a sentence of the source starts in lowercase too"
    return None


@lru_cache(maxsize=32)
def _coordinators(lang: str | None) -> frozenset[str]:
    data: LanguageData = load_language(lang or "en")
    return frozenset(w.casefold() for w in data.words("coordinators")) if data.known else frozenset()


def source_opens_with_conjunction(case: MirrorCase) -> str | None:
    """The source paragraph (or one of its sentences) opens with a conjunction too: "Und …" →
    "And …" is faithful.  A conjunction written as a prefix of the next word (Arabic و) does not
    count: carrying that into English is the calque."""
    words = _coordinators(case.source_lang)
    if not words:
        return None
    for s in _SENTENCE_SPLIT.split(case.source.strip()):
        first = s.lstrip("\"'“‘«([¿¡*-–— ").split(None, 1)
        if first and first[0].strip(",;:").casefold() in words:
            return f"the source opens with '{first[0].strip(',;:')}' too"
    return None


def source_unfinished(case: MirrorCase) -> str | None:
    """The source stops without final punctuation too (a truncated or list-like source)."""
    end = case.source.rstrip()[-1:]
    if end and end not in ".!?…。！？؟\"'”’»)":
        return "the source ends without final punctuation too"
    return None


def source_skips_numbering(case: MirrorCase) -> str | None:
    """The source's inline list skips an item too."""
    from tqcheck.checks.text import numbering_gaps

    if numbering_gaps(case.source):
        return "the source's list skips an item too"
    marker = case.text.strip()
    if marker[:1].isdigit() and case.source.lstrip().startswith(marker):
        return "the source numbers this item so too"  # a list of lines: "4." in both
    return None


#: A space between two Chinese or Japanese characters (kana, ideographs): a heading or label
#: run into the next sentence, in a script that writes no spaces inside a sentence.
_CJK_SPACE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff][ \u3000]+[\u3040-\u30ff\u3400-\u9fff]")
#: A capitalised word after a word and one space, before a lower-case word, in a cased source.
_CAPITAL_INSIDE = re.compile(r"[^\W\d_] ([^\W\d_])[^\W\d_]* [^\W\d_]")


def source_glues_heading(case: MirrorCase) -> str | None:
    """The source runs a heading or label into its sentence too: a space inside a Chinese or
    Japanese sentence (``液晶 こちらの方が…``), or a capitalised word after a word and a space
    inside a sentence of a cased script (``Добрий день Заходьте …``)."""
    if _CJK_SPACE.search(case.source):
        return "the source runs a heading into its sentence too"
    for m in _CAPITAL_INSIDE.finditer(case.source):
        if m.group(1).isupper() and m.group(1) != m.group(1).lower():
            return "the source has a capital inside its sentence too"
    return None


_DOUBLED_PUNCTUATION = re.compile(r"([,.;、。，．；])\1")


def source_doubles_punctuation(case: MirrorCase) -> str | None:
    """The source doubles a mark too, in its own script (``、、`` or ``..`` trailing off)."""
    m = _DOUBLED_PUNCTUATION.search(case.source)
    return f"the source has '{m.group()}' too" if m else None


#: A closing quotation mark (after a letter or a mark, not a space), then perhaps a comma or a
#: dash, then a word: in a cased script, a lowercase word there is a speaker tag or an action
#: beat ('"Fine," he muttered.', '„Wo?", fragte sie', '«Где?» — спросил он').
_TAG_AFTER_QUOTE = re.compile(r"(?<=[^\s\"“”„«»])[\"”“»]\s*[,.!?…]?\s*(?:[-–—]\s*)?([^\W\d_])")
#: A dialogue dash after the end of a line of speech: "—¿Dónde? —preguntó".
_TAG_AFTER_DASH = re.compile(r"[.!?…,]\s*[-–—]\s*([^\W\d_])")


def source_tags_quote(case: MirrorCase) -> str | None:
    """The text after the closing quote stands in the source too (an agency credit, a name), or
    the source, in a cased script, puts a lowercase speaker tag after a closing quote or a
    dialogue dash: the translation renders the source's dialogue.  A caseless source (Japanese
    「…」と話した) is no evidence: its particle after the quote is grammar, not a tag."""
    tail = normalise(case.text).strip(" .!?…")
    # The same words as a whole (an agency credit "dpa"); not one or two letters, which any
    # source of the same script may hold as a word (the debris "i").
    if len(tail) >= 3 and re.search(rf"(?<!\w){re.escape(tail)}(?!\w)", normalise(case.source)):
        return f"the source has '{case.text.strip()}' too"
    for pattern in (_TAG_AFTER_QUOTE, _TAG_AFTER_DASH):
        for m in pattern.finditer(case.source):
            ch = m.group(1)
            if ch.islower() and ch.upper() != ch:
                return "the source puts a speaker tag after its quotation too"
    return None


#: A link as written: scheme and ``www.`` dropped, trailing punctuation left out.
_LINK = re.compile(r"(?:https?://)?(?:www\.)?([\w.-]+\.[a-z]{2,}/[^\s\"'<>)\]]*)", re.IGNORECASE)


def _links(text: str) -> set[str]:
    return {m.group(1).rstrip(".,;:!?”’»").casefold() for m in _LINK.finditer(text)}


def source_has_page_label(case: MirrorCase) -> str | None:
    """The source has a line opening with a page's link label too ("Читайте також:"): the line
    is the source article's, translated with it."""
    from tqcheck.checks.residue import page_label_line

    if page_label_line(case.source):
        return "the source has such a line too"
    # The source's label reads otherwise ("Автор фото, MARKO DJURICA Reuters") but credits the
    # same names: the line is the source's credit, translated with it.
    credited = case.text.partition(":")[2].strip()
    if len(credited) >= 4 and normalise(credited) in normalise(case.source):
        return f"the source credits '{credited}' too"
    return None


def source_has_furniture(case: MirrorCase) -> str | None:
    """The source has a line of a page's furniture too (a toolbar, a copyright notice, a staff
    credit, a time stamp): the translation took it with the page it was given."""
    from tqcheck.checks.residue import furniture_line, page_label_line

    if furniture_line(case.source) or page_label_line(case.source):
        return "the source has such a line too"
    return None


def source_has_link(case: MirrorCase) -> str | None:
    """The source holds the same link (compared without scheme, ``www.`` and case), or a link to
    the same site (the translation garbled its path): the translation kept what it was given."""
    links = _links(case.text)
    if not links:
        return None
    theirs = _links(case.source)
    if links & theirs:
        return "the source has this link too"
    hosts = {link.split("/", 1)[0] for link in theirs}
    if any(link.split("/", 1)[0] in hosts for link in links):
        return "the source links to the same site too"
    return None


#: A hashtag: a hash sign glued to a word (not a heading's "# ", not "C#").
_ANY_HASHTAG = re.compile(r"(?<![\w&#/])#[^\W\d][\w-]*")


def source_has_hashtag(case: MirrorCase) -> str | None:
    """The source has the same hashtag, or hashtags of its own (the translation kept the tag,
    translated or transliterated: ``#Сергей_Лавров`` → ``#Sergey_Lavrov``)."""
    found = span_in_source(case)
    if found:
        return found
    if _ANY_HASHTAG.search(case.source):
        return "the source uses hashtags too"
    return None


#: The mirror test of each rule that has one.
MIRRORS: dict[str, MirrorTest] = {
    "TQ101": source_repeats,
    "TQ102": source_repeats,
    "TQ103": source_repeats,
    "TQ104": source_repeats_sentence,
    "TQ105": source_loops,
    "TQ201": source_has_short_sentence,
    "TQ202": source_lowercase_start,
    "TQ203": source_lowercase_start,
    "TQ204": source_tags_quote,
    "TQ205": source_unfinished,
    "TQ206": source_skips_numbering,
    "TQ208": source_glues_heading,
    "TQ301": quote_imbalance,
    "TQ302": bracket_imbalance,
    "TQ304": span_in_source,
    "TQ305": span_in_source,
    "TQ306": span_in_source,
    "TQ307": span_in_source,
    "TQ310": source_doubles_punctuation,
    "TQ401": source_has_link,
    "TQ404": source_has_hashtag,
    "TQ405": span_in_source,
    "TQ406": source_has_emoji,
    "TQ407": span_in_source,
    "TQ409": source_has_markup,
    "TQ410": source_has_page_label,
    "TQ411": span_in_source,
    "TQ412": source_has_furniture,
    "TQ602": source_opens_with_conjunction,
    "TQ702": foreign_in_source,
    "TQ704": foreign_in_source,
    "TQ706": foreign_in_source,
}


#: Rules whose fix, on a finding that mirrors the source, would undo what the source says: a
#: reduplication cut (右右 "right right": bats right, throws right), the source's own short
#: sentence joined, its lowercase start capitalised.  Such a finding keeps no fix.  The other
#: rules' mirrored findings (a source mark or digit carried over, an invisible character, MT
#: debris) are still fixed: the target writes its own.
UNDOES_THE_SOURCE = frozenset({"TQ101", "TQ102", "TQ103", "TQ104", "TQ105", "TQ201", "TQ202",
                               "TQ203", "TQ205", "TQ301", "TQ302", "TQ401"})


def mirror_reason(case: MirrorCase) -> str | None:
    test = MIRRORS.get(case.code)
    return test(case) if test is not None else None


def source_holds(segment: Segment, start: int, end: int) -> bool:
    """Whether the text a hit flags stands in the unit's source too (the source's artifact,
    mirrored by the translation: ``msgid "Ping Ping"`` → ``msgstr "Ping Ping"``): the test of the
    rules registered ``mirrored`` on translation units, beside the per-rule tests of :data:`MIRRORS`."""
    source = segment.source
    if not source:
        return False
    flagged = segment.text[start:end].strip()
    if not flagged:
        return False
    if flagged in _QUOTES:
        # A quotation the source leaves open (it goes on in the next unit) is left open.
        return sum(source.count(q) for q in _QUOTES) % 2 == 1
    pair = _BRACKET_PAIRS.get(flagged)
    if pair:
        # A bracket left open (or closed) as the source leaves it: a string continued elsewhere.
        def imbalance(text: str) -> int:
            return text.count(pair[0]) - text.count(pair[1])
        return imbalance(source) == imbalance(segment.text) != 0
    if _DOUBLED.fullmatch(flagged) and _DOUBLED.search(source):
        return True  # "Beep-Beep" → "Piep piep": the source doubles a word too
    return flagged.casefold() in source.casefold()


_BRACKET_PAIRS = {c: p for p in ("()", "[]", "{}") for c in p}
_QUOTES = frozenset('"«»“”„')
_DOUBLED = re.compile(r"(?i)\b(\w+)[\s\-‐]+\1\b")
