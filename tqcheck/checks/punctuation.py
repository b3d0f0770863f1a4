"""Punctuation: unbalanced quotes and brackets, quotations closed too early, source-language
punctuation and digits, invisible control characters, spaces before punctuation."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache

from tqcheck.checks._fixes import delete_span, one_fix_per_segment
from tqcheck.checks._pairs import is_record
from tqcheck.checks.gates import Gate, non_ascii_gate
from tqcheck.checks.mirror import has_quotation
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import in_kaomoji, per_text, source_in_view
from tqcheck.langdata import base_lang
from tqcheck.model import MASK, UNMASKED, Applicability, Segment, Sentence, Severity

# A short quotation ending in sentence punctuation, closed, then the text goes on with a capital and
# ends on a stray closing quote: the first closing quote is in the wrong place.
_EARLY_CLOSE = re.compile(
    r"(?P<open>[\"“«])(?P<q>[^\"“”«»\n]{1,40}?[.!?])(?P<close>[\"”»])"
    r"(?=\s+[^\W\d_a-z][^\"“”«»\n]*[\"”»]\s*$)"
)


_ANY_QUOTE = re.compile("[\"“”«»„]")


@per_text
def find_early_closes(text: str) -> Sequence[re.Match[str]]:
    """Quotations closed too early (computed once per text for TQ301 and TQ303; most text has
    no quote: the shared empty tuple then, no new object in the memo)."""
    return _find_early_closes(text) if _ANY_QUOTE.search(text) else ()


def _find_early_closes(text: str) -> list[re.Match[str]]:
    out = []
    for m in _EARLY_CLOSE.finditer(text):
        before = text[: m.start()].rstrip()
        if not before or before[-1] not in ",:":
            continue
        if _straight_unbalanced(text) or (m.group("open") in "“«" and _count_unmatched_close(text)):
            out.append(m)
    return out


def _straight_unbalanced(text: str) -> bool:
    return len(_straight_quotes(text)) % 2 == 1


def _count_unmatched_close(text: str) -> bool:
    return text.count("”") > text.count("“") or text.count("»") > text.count("«")


def _opener_like(text: str, i: int) -> bool:
    """A straight quote that opens: at the start or after a space or bracket, before a non-space."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014\u2013-:" + MASK) and not after.isspace()


def _apostrophe_like(text: str, i: int) -> bool:
    """``d"état``, ``Lakers" official``: a double quote standing where an apostrophe belongs."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if not before.isalpha():
        return False
    return after.isalpha() or (before in "sS" and after == " " and text[i + 2 : i + 3].isalnum())


def _final_s(text: str, i: int) -> bool:
    """``Oktoberfest"s``: the mark at ``i`` stands before an s that ends the word."""
    return text[i + 1 : i + 2] in ("s", "S") and not text[i + 2 : i + 3].isalpha()


def _is_gershayim(text: str, i: int) -> bool:
    """A Hebrew gershayim typed as ``"`` inside an acronym (``א"ב``, ``מבי"ס``): not a
    quotation mark."""
    return (0 < i < len(text) - 1 and "\u05d0" <= text[i - 1] <= "\u05ea"
            and "\u05d0" <= text[i + 1] <= "\u05ea")


def _straight_quotes(text: str) -> list[int]:
    """Positions of the straight double quotes of ``text`` that are quotation marks, not inch
    marks, gershayim or a mark named on its own (``(")``).  A ``"`` right after a digit is an
    inch mark (``a 27" screen``) unless a quotation is open at that point: then it closes it
    (``at "1" the device``, ``the cargo "Progress 83"``)."""
    out: list[int] = []
    if '"' not in text:
        return out
    for i, _ in _quote_marks(text, '"'):
        if _is_gershayim(text, i):
            continue
        if i > 0 and text[i - 1].isdigit() and len(out) % 2 == 0:
            continue
        before, after = text[i - 1 : i], text[i + 1 : i + 2]
        if before in ("(", "[") and after in (")", "]"):
            continue  # a mark named, not used: "symbole seconde (")"
        out.append(i)
    return out


@register("TQ303", "quote-closed-early", Severity.ERROR, scope="segment", fix="safe",
          gate='[.!?][\\"”»]\\s')
def find_quote_closed_early(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A quotation closed after its first words although the quoted speech goes on.

    What it does:
        Flags a closing quote after a short quoted phrase that ends in ``.``, ``!`` or ``?`` and is
        introduced by a comma or colon, when the text that follows starts a new sentence and ends on a
        quote that nothing opens.  The unbalanced-quote check (TQ301) stays quiet for that paragraph.

    Why it matters:
        MT splits a quotation at its first full stop and closes it there, so the rest of the speech
        reads as narration: ``explaining, "No." I have high hopes for them, …."``

    Example:
        ``explaining, "No. I have high hopes for them, but we will try."`` was translated as
        ``explaining, "No." I have high hopes for them, but we will try."`` → flags the ``"`` after ``No.``
    """
    for m in find_early_closes(segment.text):
        s = m.start("close")
        yield Hit(s, s + 1, f"quotation closed too early after '{m.group('q')}': the quoted speech "
                  "continues to the final quote mark", suggestion="remove this quote mark",
                  fix=((s, s + 1, ""),), fix_message="delete the early closing quote mark")


_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", "‚": "‘", "‹": "›", "「": "」", "『": "』"}


def _quote_pairs(ctx: CheckContext) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for key in ("primary", "secondary", "tertiary"):
        pair = ctx.data.get("quotes", key)
        if pair and len(pair) == 2 and pair[0] != pair[1] and pair[1] != "’":
            pairs[pair[0]] = pair[1]
    for pair in ctx.data.get("quotes", "alternate", default=()):
        pairs.setdefault(pair[0], pair[1])
    if not pairs:
        pairs = {"“": "”", "«": "»"}
    # The English pair, as human text writes it in every language whose own marks differ (Dutch,
    # Romanian, Hungarian, Polish): balanced, it is TQ309's finding at most.  Not where ” opens
    # a quotation of the language's own (Swedish and Finnish ”…”) or “ closes one (German „…“).
    same = {p[0] for key in ("primary", "secondary", "tertiary")
            if (p := ctx.data.get("quotes", key)) and len(p) == 2 and p[0] == p[1]}
    if "“" not in pairs and "“" not in pairs.values() and "”" not in pairs and "”" not in same:
        pairs["“"] = "”"
    return pairs


def _quote_marks(text: str, chars: str) -> list[tuple[int, str]]:
    """``(index, mark)`` of each character of ``text`` that is one of ``chars``: one regex scan,
    not a Python loop over every character."""
    if not any(c in text for c in chars):
        return []
    return [(m.start(), m.group()) for m in _marks_class(chars).finditer(text)]


@lru_cache(maxsize=64)
def _marks_class(chars: str) -> re.Pattern[str]:
    """A class of the characters of ``chars`` (not empty)."""
    return re.compile("[" + "".join(map(re.escape, dict.fromkeys(chars))) + "]")


def _soft_closers(ctx: CheckContext, pairs: dict[str, str]) -> dict[str, str]:
    """Closers the language data allows besides an opener's own (``alternate`` pairs whose
    opener already has a closer: German ‚…’ beside ‚…‘): closer → opener.  They close only a
    quotation that opener left open; elsewhere they are apostrophes."""
    soft: dict[str, str] = {}
    for pair in ctx.data.get("quotes", "alternate", default=()):
        if pairs.get(pair[0]) not in (None, pair[1]) and pair[1] not in pairs.values():
            soft[pair[1]] = pair[0]
    return soft


def _english_style(text: str, pairs: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A paragraph quoting the English way (“…” or “…“) in a language that closes with “
    (Czech, German, Croatian „…“) and opens no „ in it: each “ after a space or at the start
    opens, any other closes.  Taken where it pairs every mark of the paragraph: the wrong style
    is TQ309's finding, not a quotation left open."""
    chars = list(text)
    for i, c in enumerate(chars):
        if c == "“" and i and not chars[i - 1].isspace() and chars[i - 1] not in "([{—–-/":
            chars[i] = "”"
    return "".join(chars), {**pairs, "“": "”"}


#: A quotation written with the English marks reversed (``”…“``), in right-to-left text.
_REVERSED_PAIR = re.compile("”([^„“”\n]*)“")


def _right_to_left(lang: str | None) -> bool:
    """Whether ``lang`` is written in the Arabic or Hebrew script."""
    from tqcheck.langid import scripts_of_language

    return bool(lang) and bool(scripts_of_language(lang or "") & {"Arabic", "Hebrew"})


#: A quotation opened low and closed with the English left mark (``„…“``).
_LOW_HIGH_LEFT = re.compile("„([^„“”\n]*)“")


def _segment_quote_state(text: str, pairs: dict[str, str], low_high: bool = False,
                         soft: dict[str, str] | None = None, english: bool = True
                         ) -> tuple[list[int], list[int], list[int]]:
    """Unmatched straight quotes (parity), unmatched typographic openers and closers."""
    if low_high and "„" in text:
        # „…“ (Georgian, Albanian, Uzbek …) and „…” (Hebrew, Polish, …) where the language has
        # no data: read as “…” (one character for one, so the indexes stand).
        text = _LOW_HIGH_LEFT.sub(lambda m: f"“{m.group(1)}”", text).replace("„", "“")
    if english and "“" in text and "„" not in text and pairs.get("„") == "“":
        # Read the English way, where that reading pairs every typographic mark of the paragraph.
        found = _segment_quote_state(*_english_style(text, pairs), low_high, soft, english=False)
        if not found[1] and not found[2]:
            return found
    straight = _straight_quotes(text)
    closers: dict[str, set[str]] = {}  # a closer may close two openers (Dutch “…” and „…”)
    for opener, closer in pairs.items():
        closers.setdefault(closer, set()).add(opener)
    soft = soft or {}
    stack: list[tuple[str, int]] = []
    stray_closers: list[int] = []
    for i, c in _quote_marks(text, "".join(pairs) + "".join(closers) + "".join(soft)):
        if c in soft and c not in pairs and c not in closers:
            if stack and stack[-1][0] == soft[c]:
                stack.pop()  # ‚…’: the English right mark closing a German low one
            continue
        if c in pairs and not (c in closers and stack and stack[-1][0] in closers[c]):
            stack.append((c, i))
        elif c in closers:
            if stack and stack[-1][0] in closers[c]:
                stack.pop()
            elif c not in pairs:
                stray_closers.append(i)
    odd = [straight[-1]] if len(straight) % 2 else []
    openers = [i for _, i in stack]
    if odd:
        # A straight mark paired with a typographic one (“0", "We will go”): mixed styles (TQ503's
        # business), not a quotation left open.
        straight_at = odd[0]
        before = [i for i in openers if i < straight_at]
        after = [i for i in stray_closers if i > straight_at]
        if before and text[before[-1]] not in "„‚" and not _opener_like(text, straight_at):
            openers.remove(before[-1])
            odd = []
        elif after and _opener_like(text, straight_at):
            stray_closers.remove(after[0])
            odd = []
    elif openers and '"' in text and not straight:
        # “0" — a straight mark after a digit reads as an inch mark, but here it closes the
        # typographic quotation open before it.
        last = openers[-1]
        close = text.find('"', last)
        if close > 0 and text[close - 1].isdigit() and text[last] not in "„‚":
            openers.remove(last)
    return odd, openers, stray_closers


_SENTENCE_END = re.compile(r"[.!?…]\s*$")


def _source_quotes(segment: Segment) -> bool:
    """Whether the source in view quotes with quotation marks.  A source that has none (dialogue
    written with dashes, reported speech) says nothing of where the translation's own quotation
    ends: the translation is judged as without the source."""
    if not source_in_view(segment):
        return False
    source = segment.source
    if source is None:
        source = "\n".join(line.source for line in segment.meta.get("source_lines", ()))
    return has_quotation(source)


#: What stands before a quotation the translator opened (dialogue the source writes with dashes,
#: reported speech made direct): the line's start, or a mark and a space (``table, "such``).
_INTRODUCED = re.compile(r"(?:^|[.,:;!?…—–\-،؛؟、，：]\s*)$", re.MULTILINE)


def _runs_to_sentence_end(segment: Segment, i: int) -> bool:
    """An opening quote whose quotation runs to the end of its line and ends a sentence there,
    with no quote mark after it, where no quotation of the source is in view."""
    if _source_quotes(segment):
        return False
    text = segment.text
    if source_in_view(segment) and not _INTRODUCED.search(text, 0, i):
        # A source in view that quotes nothing, and a mark no speech is introduced by
        # ("Russia "s invasion"): a stray mark, not a quotation the translator made.
        return False
    end = text.find("\n", i)
    rest = text[i + 1 : end if end >= 0 else len(text)]
    return bool(rest.strip()) and not _ANY_QUOTE.search(rest) and bool(_SENTENCE_END.search(rest))


#: What may follow a quotation's closing mark at the end of its line: the sentence's last marks,
#: or the attribution of Russian and French news (``», — сообщает …``).
_LINE_END_AFTER_CLOSE = re.compile(r"[.!?…]*\s*(?:$|,\s*[—–]\s)")


def _ends_its_line(segment: Segment, i: int) -> bool:
    """A closing quote, where no quotation of the source is in view, that ends its line (only the
    sentence's last marks or an attribution after it) after at least three words with no quote
    mark of their own since the last sentence end."""
    if _source_quotes(segment):
        return False
    text = segment.text
    before = text[text.rfind("\n", 0, i) + 1 : i]
    last = re.split(r"[.!?…]\s", before)[-1]
    if _ANY_QUOTE.search(last) or len(before.split()) < 3:
        return False
    return _LINE_END_AFTER_CLOSE.match(text, i + 1) is not None


#: How many following segments (one-sentence lines) a quotation may run on before it counts as open.
_MAX_QUOTE_SEGMENTS = 40


@register("TQ301", "unbalanced-quotes", Severity.WARNING, scope="document", mirrored=True,
          fix="safe")
class UnbalancedQuotes:
    """Quotation marks that do not pair up.

    What it does:
        Counts straight double quotes (ignoring inch marks after digits and a mark named on its
        own in brackets: ``symbole seconde (")``) and pairs the language's
        opening and closing marks (“ ” in English, „ “ in German, « » in French and Russian; in a
        language without quote data „ opens and “ or ” closes, and in one written right to left
        ”…“ is the English pair reversed; the English “…” pairs in every language, its style
        being TQ309's finding).  A quotation may run on over up to ten following
        segments (one-sentence-per-line files) or be continued by a
        paragraph that opens with a quote mark (the English multi-paragraph convention); otherwise the
        mark left without a partner is flagged.  A paragraph whose imbalance TQ303 explains is skipped.
        In a corpus record, cut from its document, a quotation that opens and runs to the record's
        end with no quote mark after it is info: it may go on in the next paragraph.  So is, where
        no quotation of the source is in view (no source, or a source that quotes nothing:
        dialogue written with dashes), a quotation that opens and runs to the end of its line on
        a whole sentence (news quoting a speaker over several paragraphs), unless nothing follows
        it, and so is a quotation within it that runs on with it (``«Он ответил: „Нет.``).
        Likewise, there, a closing mark without a partner that ends its line after a
        sentence of three or more words with no quote mark of its own (only the last marks or an
        attribution, ``», — сообщает …``, after it) is info: the quotation may have begun
        paragraphs earlier.  A lone closing mark inside a line is still flagged.  A
        straight mark paired with a typographic one (``“0"``, ``"… scenario”``) is a pair of mixed
        styles (TQ503), not an open quotation.  A straight quote typed for an apostrophe
        (``Russia"s``) gets the apostrophe as its fix, except before a final s in a language whose
        genitive s takes none (``apostrophe_s = false``: German ``Oktoberfest"s`` may be
        ``Oktoberfests`` or a contraction like ``gibt's``): no fix there.

    Why it matters:
        MT drops or moves quote marks when it reorders a sentence; readers cannot tell where the
        quotation ends.

    Example:
        ``He said "we will go.`` followed by an unrelated paragraph → flags the lone ``"``.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.pairs = _quote_pairs(ctx)
        self.soft = _soft_closers(ctx, self.pairs)
        # A language without quote data may open with „ and close with ” (Hebrew, Polish).
        self.low_high = not ctx.data.get("quotes", "primary") and "„" not in self.pairs
        # Written right to left without quote data (Urdu, Pashto, Sindhi …), ”…“ is typed for
        # the look of its marks: the same pair reversed.
        self.reversed = self.low_high and _right_to_left(ctx.lang)
        self.pending: tuple[Segment, int, str] | None = None
        self.pending_age = 0
        self.hits: list[Hit] = []
        #: The last segment fed: a quotation open in it has no paragraph left to go on in.
        self.last: Segment | None = None

    def _flush(self) -> None:
        if self.pending is not None:
            seg, i, what = self.pending
            if seg is not self.last and _runs_to_sentence_end(seg, i):
                # Without the source in view, a quotation opened and running to the end of its line
                # on a whole sentence is how news quotes a speaker over several paragraphs (the
                # closing mark comes paragraphs later, or was cut with them): no evidence.
                self.hits.append(Hit(i, i + 1, f"{what} (the quotation may go on in the next "
                                     "paragraph)", segment=seg, severity=Severity.INFO))
            else:
                self.hits.append(Hit(i, i + 1, what, segment=seg))
            self.pending = None

    def _start(self, segment: Segment, i: int, what: str) -> None:
        self._flush()
        self.pending = (segment, i, what)
        self.pending_age = 0

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        text = segment.text
        self.last = segment
        if not _ANY_QUOTE.search(text):
            if self.pending is not None:
                self.pending_age += 1
                if self.pending_age > _MAX_QUOTE_SEGMENTS:
                    self._flush()
            return
        if find_early_closes(text):
            self._flush()
            return
        if self.reversed and "“" in text:
            text = _REVERSED_PAIR.sub(lambda m: f"“{m.group(1)}”", text)
        odd, openers, closers = _segment_quote_state(text, self.pairs, self.low_high, self.soft)
        straight = _straight_quotes(text)
        starts_quoted = text[:1] in '"' + "".join(self.pairs)
        if self.pending is not None:
            if odd and not _opener_like(text, straight[0]):
                self.pending = None  # this segment's first quote closes the pending quotation
                odd = []
            elif closers:
                self.pending = None
                closers = closers[1:]
            elif starts_quoted:
                self.pending = None  # multi-paragraph quotation: each paragraph reopens it
            elif odd:
                self._flush()  # a new quotation opens while the old one was never closed
            else:
                # A quotation may run over several one-sentence lines.
                self.pending_age += 1
                if self.pending_age > _MAX_QUOTE_SEGMENTS:
                    self._flush()
        for i in closers:
            what = f"closing quotation mark {text[i]} without an opening one"
            if _ends_its_line(segment, i):
                # Without the source in view, a quotation closed at the end of its line may have
                # begun paragraphs earlier (news quoting a speaker over several paragraphs, each
                # translated line by line): no evidence of a lost mark.
                self.hits.append(Hit(i, i + 1, f"{what} (the quotation may have begun in an "
                                     "earlier paragraph)", segment=segment,
                                     severity=Severity.INFO))
            else:
                self.hits.append(Hit(i, i + 1, what, segment=segment))
        if odd:
            i = odd[0]
            if _opener_like(text, i):
                self._start(segment, i, "unbalanced straight quotation mark")
            elif _apostrophe_like(text, i):
                # Inside a word ("Russia"s") the mark is surely an apostrophe; after an s
                # ("operations" will") it may close a quotation: shown only.
                # Only for a language with data: Hebrew writes '"' inside words (gershayim).
                inside = (i + 1 < len(text) and text[i + 1].isalpha()
                          and self.ctx.data.known)
                if _final_s(text, i) and not self.ctx.data.get("punctuation", "apostrophe_s",
                                                                default=True):
                    # German "Oktoberfest"s": a genitive s takes no apostrophe, a contraction
                    # (gibt's) does: which one is the editor's call, so no fix.
                    self.hits.append(Hit(i, i + 1, "straight quotation mark before a final s "
                                         "(a genitive s takes no apostrophe here, a contraction "
                                         "does)", segment=segment))
                else:
                    self.hits.append(Hit(
                        i, i + 1, "straight quotation mark where an apostrophe belongs",
                        suggestion="'", segment=segment, fix=((i, i + 1, "'"),),
                        applicability=None if inside else Applicability.DISPLAY_ONLY))
            # Otherwise it closes a quotation opened on an earlier line, beyond what we track.
        elif openers:
            # A quotation within a quotation, both running on to the end of the line (``«He
            # said: „No.``): the outer one goes on with the inner one.
            nested = not closers and _runs_to_sentence_end(segment, openers[-1])
            for i in openers[:-1]:
                what = f"opening quotation mark {text[i]} is never closed"
                if nested:
                    self.hits.append(Hit(i, i + 1, f"{what} (a quotation running on with the "
                                         "one it encloses)", segment=segment,
                                         severity=Severity.INFO))
                else:
                    self.hits.append(Hit(i, i + 1, what, segment=segment))
            i = openers[-1]
            self._start(segment, i, f"opening quotation mark {text[i]} is never closed")

    def finish(self) -> list[Hit]:
        if (self.pending is not None and is_record(self.pending[0])
                and not _ANY_QUOTE.search(self.pending[0].text, self.pending[1] + 1)):
            # A corpus record is cut from its document: a quotation still open at its end may
            # go on in the next paragraph (the multi-paragraph convention), which is not in view.
            seg, i, what = self.pending
            self.pending = None
            self.hits.append(Hit(i, i + 1, f"{what} (the quotation may go on in the next "
                                 "paragraph, not in the record)", segment=seg,
                                 severity=Severity.INFO))
        self._flush()
        return self.hits


_BRACKETS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _BRACKETS.items()}
#: A list marker: a number, one letter of any alphabet (``a)``, Ukrainian ``а)``, ``д)``) or a
#: Roman numeral before a closing bracket.
_LIST_MARK = re.compile(r"(?:^|\s)(?:\d{1,3}|[^\W\d_]|[ivxIVX]{1,4})\)")
#: Full-width brackets (Chinese, Japanese) pair with their ASCII forms where that pairs more
#: brackets: ``（HD)`` mixes two widths of one pair (a typographic slip at most), not a bracket
#: left open.
_FULL_WIDTH = {"（": "(", "）": ")", "［": "[", "］": "]", "｛": "{", "｝": "}"}
#: An emoticon (``:)``, ``;-(``, ``=)``); ``=`` right after a word is an assignment
#: (``Err?=(none)``), not a face.
_EMOTICON = re.compile(r"(?:[:;8]|(?<!\S)=)[-']?[()\[\]]")
#: A run of brackets of one kind glued to a word or ending a line (``options ((``, ``he would)))``,
#: ``stylish)`` at a line's end): the Slavic-internet smiley, not a parenthesis.
_BRACKET_SMILEY = re.compile(r"(?<=\S)\s?(?:\({2,}|\){2,})|(?<=\w)\)(?=\s*$)|(?<=\s)\({2,}",
                             re.MULTILINE)


#: How many lines after a lone opening bracket its closing partner may stand on a line of its own
#: making (a reader's note opened on one line and closed on the next, or one line further).
_BRACKET_SPAN_LINES = 2


def _unpaired(text: str, skip: set[int], widths: dict[str, str]) -> tuple[list[int], list[int]]:
    """Indexes of the closing brackets without a partner and of the opening ones never closed
    (``widths`` reads other brackets as these, full-width as ASCII)."""
    stack: list[tuple[str, int]] = []
    stray: list[int] = []
    for i, c in enumerate(text):
        c = widths.get(c, c)
        if i in skip and not (stack and stack[-1][0] == _CLOSERS.get(c)):
            continue
        if c in _BRACKETS:
            stack.append((c, i))
        elif c in _CLOSERS:
            if stack and stack[-1][0] == _CLOSERS[c]:
                stack.pop()
            else:
                stray.append(i)
    return stray, [i for _, i in stack]


def _bracket_hits(segment: Segment) -> list[Hit]:
    """The brackets of one segment that do not pair up within it."""
    text = segment.text
    skip = {m.end() - 1 for m in _LIST_MARK.finditer(text)}
    skip |= {m.end() - 1 for m in _EMOTICON.finditer(text)}
    smileys = {i for m in _BRACKET_SMILEY.finditer(text) for i in range(m.start(), m.end())
               if text[i] in "()"}
    stray, opened = _unpaired(text, skip, {})
    if (stray or opened) and any(c in _FULL_WIDTH for c in text):
        # Read full-width brackets as their ASCII forms where that pairs more of them.
        wide = _unpaired(text, skip, _FULL_WIDTH)
        if len(wide[0]) + len(wide[1]) < len(stray) + len(opened):
            stray, opened = wide
    quiet = not source_in_view(segment)
    raw = segment.meta.get(UNMASKED)
    hits = []
    for i in sorted(stray + opened):
        what = (f"closing bracket {text[i]} without an opening one" if i in stray
                else f"bracket {text[i]} is never closed")
        c = _FULL_WIDTH.get(text[i], text[i])
        pair = (c, _BRACKETS[c]) if c in _BRACKETS else (_CLOSERS[c], c)
        if (isinstance(raw, str) and raw.count(pair[0]) == raw.count(pair[1])
                and (segment.source is None
                     or _inside_markup(raw, pair) == _inside_markup(segment.source, pair))):
            # The partner stands inside markup the prose checks do not see, as it does in the
            # source: the brackets pair up in the text as read.  One the translation moved into
            # a tag (source ``B<-sn>)``, translation ``B<-sn)>``) stays a warning.
            hits.append(Hit(i, i + 1, f"{what} outside markup (its partner stands inside a tag)",
                            severity=Severity.INFO, segment=segment))
        elif i in smileys and quiet:
            # Without the source in view, a smiley of brackets is no evidence of a lost bracket.
            hits.append(Hit(i, i + 1, f"{what} (a smiley of brackets, as in Slavic chat?)",
                            severity=Severity.INFO, segment=segment))
        else:
            hits.append(Hit(i, i + 1, what, segment=segment))
    return hits


#: Inline markup whose content the prose checks do not see: POD/man formatting codes and tags.
_INLINE_MARKUP = re.compile(r"[A-Z]<[^<>]*>|</?[A-Za-z][^<>]*>")


def _inside_markup(text: str, pair: tuple[str, str]) -> int:
    """How many brackets of ``pair`` stand inside inline markup of ``text``."""
    return sum(m.group().count(pair[0]) + m.group().count(pair[1])
               for m in _INLINE_MARKUP.finditer(text))


@register("TQ302", "unbalanced-brackets", Severity.WARNING, scope="document", mirrored=True,
          gate='[()\\[\\]{}]')
class UnbalancedBrackets:
    """Brackets that do not pair up within a paragraph.

    What it does:
        Matches ``( )``, ``[ ]`` and ``{ }`` and flags the one left over, ignoring list markers like
        ``a)``, ``2)`` or ``д)`` and emoticons; a full-width bracket pairs with its ASCII form
        where that pairs more brackets (``（HD)``).  Without the source in view, a run of brackets glued to a
        word or ending a line (``options ((``, ``he would)))``, ``stylish)``: the smiley of
        Slavic chat) is info.  In translation files, where the check sees placeholders and
        markup masked, a bracket whose partner stands inside a tag as it does in the source (the
        brackets pair up in the text as read) is info; one the translation moved into a tag
        (source ``B<-sn>)``, translation ``B<-sn)>``) is not.  In prose, a bracket left open at the end of its
        line whose partner closes, unopened, on one of the next two lines (a note or aside
        written over several lines, ``(Note: … tax.`` then ``)``) is one parenthesis: both
        halves are info.  Units of
        translation files are separate messages: there each is checked alone.

    Why it matters:
        MT loses a bracket when it reorders a parenthetical, leaving the reader unsure where the aside
        ends.

    Example:
        ``the agency (IAEA said on Thursday`` → flags the ``(``.
    """

    def __init__(self, ctx: CheckContext) -> None:
        self.ctx = ctx
        self.hits: list[Hit] = []
        #: The trailing unclosed opener of a recent line, waiting for a closer on a line below.
        self.pending: Hit | None = None

    def feed(self, segment: Segment, sentences: list[Sentence]) -> None:
        if not any(c in segment.text for c in "()[]{}"):
            return
        hits = _bracket_hits(segment)
        pending, self.pending = self.pending, None
        if pending is not None and pending.segment is not None:
            opener = pending.segment.text[pending.start]
            near = 0 < segment.line - pending.segment.line <= _BRACKET_SPAN_LINES
            closer = next((h for h in hits if segment.text[h.start] in _CLOSERS), None)
            if (near and closer is not None and closer.severity is None
                    and _CLOSERS[segment.text[closer.start]] == opener):
                line = pending.segment.line
                self.hits.append(dataclasses.replace(
                    pending, severity=Severity.INFO,
                    message=f"{pending.message} on its line (closed on line {segment.line})"))
                hits[hits.index(closer)] = dataclasses.replace(
                    closer, severity=Severity.INFO,
                    message=f"{closer.message} on its line (opened on line {line})")
                pending = None
            elif near and not hits:
                self.pending, pending = pending, None  # a balanced line between the halves
        if pending is not None:
            self.hits.append(pending)
        if (hits and segment.source is None and segment.text[hits[-1].start] in _BRACKETS
                and hits[-1].severity is None):
            self.pending = hits.pop()
        self.hits.extend(hits)

    def finish(self) -> list[Hit]:
        if self.pending is not None:
            self.hits.append(self.pending)
            self.pending = None
        return self.hits


_ARABIC_PUNCT = {"،": ",", "؛": ";", "؟": "?", "٪": "%", "۔": "."}
_CJK_PUNCT = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
              "「": "“", "」": "”", "『": "‘", "』": "’", "、": ",", "【": "[", "】": "]", "～": "~",
              "《": "“", "》": "”", "〈": "‘", "〉": "’"}
#: Lenticular brackets and book-title marks: the headline, title and label frames of Japanese and
#: Chinese web text, kept by human translators as often as by MT.
_HEADLINE_BRACKETS = frozenset("【】《》〈〉")
_ARABIC_SCRIPT_LANGS = frozenset({"ar", "fa", "ur", "ps", "ku", "sd", "ug"})
_CJK_LANGS = frozenset({"zh", "ja", "ko"})
_INDIC_DANDA_LANGS = frozenset({"hi", "mr", "ne", "bn", "as", "pa", "sa", "or", "mai", "bho",
                                "kok", "doi", "sat"})
#: Marks of other writing systems: the mark, the target's equivalent ("" where there is none:
#: the Thai repetition mark asks for the word itself), its script, and the languages that write
#: it.
_SCRIPT_PUNCT: dict[str, tuple[str, str, frozenset[str]]] = {
    "\u0964": (".", "Indic (danda)", _INDIC_DANDA_LANGS),
    "\u0965": (".", "Indic (double danda)", _INDIC_DANDA_LANGS),
    "\u0e46": ("", "Thai (repetition mark)", frozenset({"th"})),
    "\u0e2f": ("", "Thai (abbreviation mark)", frozenset({"th"})),
    "\u037e": ("?", "Greek (question mark)", frozenset({"el"})),
    "\u05f4": ('"', "Hebrew (gershayim)", frozenset({"he", "yi"})),
    "\u05f3": ("'", "Hebrew (geresh)", frozenset({"he", "yi"})),
    "\u0589": (".", "Armenian", frozenset({"hy"})),
    "\u055e": ("?", "Armenian", frozenset({"hy"})),
    "\u1362": (".", "Ethiopic", frozenset({"am", "ti", "om"})),
    "\u1363": (",", "Ethiopic", frozenset({"am", "ti", "om"})),
    "\u104a": (",", "Myanmar", frozenset({"my"})),
    "\u104b": (".", "Myanmar", frozenset({"my"})),
    "\u17d4": (".", "Khmer", frozenset({"km"})),
    "\u0f0d": (".", "Tibetan", frozenset({"bo", "dz"})),
}
_REPLACEMENT = {**_ARABIC_PUNCT, **_CJK_PUNCT, **{c: r for c, (r, _, _) in _SCRIPT_PUNCT.items()}}
_FOREIGN_PUNCT = re.compile("[" + "".join(_REPLACEMENT) + "]")
#: A semicolon that ends a question in a Greek source (the Greek question mark looks like one):
#: before a closing quote, or at the end of a line.
_GREEK_QUESTION = re.compile(r"(?<=[^\W\d_]);(?=[\"”’']|[ \t]*(?:\n|$))")


def _source_punctuation_gate(ctx: CheckContext) -> Gate:
    """The foreign marks; with a Greek source, a semicolon before a quote or line end too."""
    marks = "[" + "".join(_REPLACEMENT) + "]"
    if base_lang(ctx.source_lang) == "el" and ctx.data.lang != "el":
        return Gate(re.compile(f"{marks}|;"))
    return non_ascii_gate(marks)


@register("TQ304", "source-punctuation", Severity.ERROR, scope="segment", fix="safe",
          gate=_source_punctuation_gate)
def find_source_punctuation(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """Punctuation of another writing system left in the translation.

    What it does:
        Flags the Arabic comma, semicolon, question mark and percent sign (، ؛ ؟ ٪) outside
        Arabic-script targets, full-width CJK punctuation and book-title marks
        (，。：！？（）「」《》) outside Chinese, Japanese and Korean targets, and the marks of other
        scripts outside the languages that write them (the Indic danda ``।``, the Thai
        repetition mark ``ๆ``, the Greek question mark ``;``, the Hebrew gershayim ``״`` and
        geresh ``׳`` written as quotes, Armenian, Ethiopic, Myanmar, Khmer and Tibetan full
        stops), with the target's equivalent as suggestion.  With a
        Greek source, a semicolon that ends a question (before a closing quote or at the end of a
        line) is the source's question mark.  Without the source in view, the lenticular
        brackets 【】 and the title marks 《》〈〉 that frame headlines, titles and labels are
        info: human translators keep them too.  A full-width wave drawn as part of a kaomoji
        (``～( ^o^)ノ``) is no punctuation.

    Why it matters:
        These marks come straight from the source text; fonts, search and screen readers treat them
        differently from the target's own punctuation.

    Example:
        ``the meeting، which`` → flags ``،``, suggests ``,``.
    """
    lang = ctx.data.lang
    text = segment.text
    marks: list[tuple[int, str, str]] = []
    for m in _FOREIGN_PUNCT.finditer(text):
        c = m.group()
        if c in _ARABIC_PUNCT and lang in _ARABIC_SCRIPT_LANGS:
            continue
        if c in _CJK_PUNCT and lang in _CJK_LANGS:
            continue
        if c in _CJK_PUNCT and in_kaomoji(text, m.start(), m.end()):
            continue  # "～( ^o^)ノ": the wave of a kaomoji face, not a mark of the sentence
        if c in _SCRIPT_PUNCT and lang in _SCRIPT_PUNCT[c][2]:
            continue
        marks.append((m.start(), c, _REPLACEMENT[c]))
    if ";" in text and base_lang(ctx.source_lang) == "el" and lang != "el":
        marks += [(m.start(), ";", "?") for m in _GREEK_QUESTION.finditer(text)]
        marks.sort()
    hits = []
    quiet = not source_in_view(segment)
    for i, c, repl in marks:
        if c == ";":
            hits.append(Hit(i, i + 1, "a semicolon ending a question: the Greek question mark "
                            f"of the source, in {ctx.data.name} text", suggestion="?"))
            continue
        if not repl:
            script = _SCRIPT_PUNCT[c][1]
            hits.append(Hit(i, i + 1, f"{script} mark '{c}' in {ctx.data.name} text",
                            suggestion=""))
            continue
        script = ("Arabic" if c in _ARABIC_PUNCT else "full-width CJK" if c in _CJK_PUNCT
                  else _SCRIPT_PUNCT[c][1])
        # 【】 frame headlines and labels in fluent English from Japanese and Chinese sites too:
        # without the source in view, no evidence of a mark carried over.
        hits.append(Hit(i, i + 1, f"{script} punctuation '{c}' in {ctx.data.name} text"
                        + (" (title or headline brackets, also written by people)"
                           if quiet and c in _HEADLINE_BRACKETS else ""),
                        suggestion=repl, fix=_punctuation_fix(text, i, repl),
                        severity=Severity.INFO if quiet and c in _HEADLINE_BRACKETS else None))
    # One fix for the marks of the paragraph: no fix leaves a pair, or a line, half converted.
    yield from one_fix_per_segment(hits, lambda carriers: _describe_conversion(
        text, {h.start for h in carriers}))


def _describe_conversion(text: str, converted: set[int]) -> str:
    chars = dict.fromkeys(text[i] for i in sorted(converted))
    pairs = ", ".join(f"'{_REPLACEMENT[c]}' for '{c}'" for c in chars)
    return f"write {pairs}" + (f" ({len(converted)} marks)" if len(converted) > 1 else "")


_SPACED_AFTER = frozenset(",.:;!?)”’]%")
_SPACED_BEFORE = frozenset("(“‘[")


#: Kana, CJK ideographs and Hangul (not the punctuation itself).
_CJK_TEXT = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_PAIRS = {"（": "）", "「": "」", "『": "』", "【": "】", "《": "》", "〈": "〉"}
_CJK_OPENERS = {v: k for k, v in _CJK_PAIRS.items()}


def _punctuation_fix(text: str, i: int, repl: str) -> tuple[tuple[int, int, str], ...] | None:
    """The fix of a foreign mark: a bracket or quote with its partner, at once (``【Note】`` →
    ``[Note]``: one fix, never half a pair); none for a run of marks (``。。。``, ``、、、``: an
    ellipsis the target writes its own way) or for a closer whose opener's fix converts it."""
    c = text[i]
    if text[i + 1 : i + 2] == c or (i > 0 and text[i - 1] == c):
        return None
    if _CJK_TEXT.search(text, max(0, i - 12), i + 13):
        return None  # source-script text around the mark: untranslated text, not a stray mark
    if i > 0 and text[i - 1] in ".!?。！？" and repl in ".!?":
        return None  # "slide.？": which mark the sentence keeps is the editor's call
    if c in _CJK_OPENERS:
        opener = text.rfind(_CJK_OPENERS[c], 0, i)
        if opener >= 0 and text.find(c, opener + 1) == i:
            return None  # converted with its opener
        straight = {"」": '"', "』": "'"}.get(c)
        if straight and text.count(straight, 0, i) % 2 == 1:
            repl = straight  # '"Rental is more profitable!」': close the way it was opened
            return (_mapped_punctuation(text, i, repl),)
        return None  # a closer without an opener ("Toba】Toba City"): the repair is the editor's
    if c in _CJK_PAIRS:
        close = text.find(_CJK_PAIRS[c], i + 1)
        if close >= 0 and text.rfind(c, 0, close) == i:
            start, end, new = _mapped_punctuation(text, i, repl)
            while end < close and text[end] in " \u3000":
                end += 1  # "【 Hiroshima 】" → "[Hiroshima]": no space inside either bracket
            return ((start, end, new),
                    _mapped_punctuation(text, close, _CJK_PUNCT[_CJK_PAIRS[c]]))
        return None  # an opener never closed
    return (_mapped_punctuation(text, i, repl),)


def _mapped_punctuation(text: str, i: int, repl: str) -> tuple[int, int, str]:
    """``text[i]`` replaced by the target's mark, spaced the way the target spaces it: full-width
    marks carry their own spacing, so ``会谈，然后`` style runs need a space after a comma; a
    space the source put before a closing mark goes (it would be a space before punctuation)."""
    start, end = i, i + 1
    if repl in _SPACED_AFTER:
        while start > 0 and text[start - 1] in " \u00a0\u3000":
            start -= 1
        if end < len(text) and text[end].isalnum():
            repl += " "
    elif repl in _SPACED_BEFORE and start > 0 and text[start - 1].isalnum():
        repl = " " + repl
    return start, end, repl


#: The decimal digits of other scripts: Arabic-Indic, Persian, N'Ko, the Indic scripts
#: (Devanagari to Sinhala), Thai, Lao, Tibetan, Myanmar, Khmer, Mongolian.
_NATIVE_DIGIT = (r"[\u0660-\u0669\u06F0-\u06F9\u07C0-\u07C9\u0966-\u096F\u09E6-\u09EF"
                 r"\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0BE6-\u0BEF\u0C66-\u0C6F"
                 r"\u0CE6-\u0CEF\u0D66-\u0D6F\u0DE6-\u0DEF\u0E50-\u0E59\u0ED0-\u0ED9"
                 r"\u0F20-\u0F29\u1040-\u1049\u17E0-\u17E9\u1810-\u1819]")
_NATIVE_DIGITS = re.compile(_NATIVE_DIGIT + "+")


#: Languages that write their own digits (for those without language data saying so).
_NATIVE_DIGIT_LANGS = frozenset({"ar", "fa", "ur", "ps", "ckb", "sd", "ks", "hi", "mr", "ne",
                                 "bn", "as", "my", "th", "lo", "km", "dz", "bo", "gu", "pa", "or",
                                 "ta", "te", "kn", "ml", "si", "mn", "sa", "nqo"})


# Gated on one digit: a pattern that is a character class is searched in a tight loop.
@register("TQ305", "foreign-digits", Severity.ERROR, scope="segment", fix="safe",
          gate=non_ascii_gate(_NATIVE_DIGIT))
def find_foreign_digits(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """Arabic-Indic, Persian, Indic, Thai or other native digits in a target that writes 0–9.

    What it does:
        Flags runs of ٠–٩, ۰–۹, ०–९, ০–৯, ๐–๙ and the other scripts' decimal digits unless
        the target language uses them, and suggests the
        ASCII digits.

    Why it matters:
        Numbers copied from the source in its own digits are unreadable to many target readers and
        break sorting, search and number checks.

    Example:
        ``on March ١٠`` → flags ``١٠``, suggests ``10``.
    """
    if ctx.data.get("native_digits") or (ctx.lang or "").split("-")[0] in _NATIVE_DIGIT_LANGS:
        return
    for m in _NATIVE_DIGITS.finditer(segment.text):
        digits = "".join(str(unicodedata.digit(c)) for c in m.group())
        # Applied only where the language's data says it writes 0–9 (no data: shown only).
        yield Hit(m.start(), m.end(), f"non-Latin digits '{m.group()}'", suggestion=digits,
                  fix=((m.start(), m.end(), digits),),
                  applicability=None if ctx.data.known else Applicability.DISPLAY_ONLY)


_CONTROLS = re.compile(
    "[\u200b\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u00ad]"
)
_DIRECTIONAL_OR_JOINER = frozenset(
    "\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LTR_SCRIPTS = frozenset({"Latin", "Cyrillic", "Greek"})
_EMOJI_NEIGHBOUR = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\ufe0f]")


#: Controls that the orthography of a language's script uses (a language's ``allowed_controls``
#: adds to them): directional marks in right-to-left scripts, ZWNJ in Persian-family
#: Arabic script (``می‌شود``), ZWNJ/ZWJ in Indic scripts.
_RTL_MARKS = frozenset({"\u200e", "\u200f", "\u061c"})
#: Embeddings and isolates (not overrides) that right-to-left UI text uses around Latin runs.
_RTL_EMBEDDING = frozenset({"\u202a", "\u202b", "\u202c", "\u2066", "\u2067", "\u2068",
                            "\u2069"})
_SCRIPT_CONTROLS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("fa", "ur", "ps", "ckb", "ku", "sd", "ug", "ks", "pa-arab"),
                    _RTL_MARKS | _RTL_EMBEDDING | {"\u200c", "\u200d"}),
    **dict.fromkeys(("ar", "he", "yi", "dv", "syr", "arz", "ary", "arq", "apc", "acm"),
                    _RTL_MARKS | _RTL_EMBEDDING),
    **dict.fromkeys(("hi", "mr", "ne", "bn", "as", "gu", "pa", "or", "ta", "te", "kn", "ml",
                     "si", "sa", "kok"), frozenset({"\u200c", "\u200d"})),
}


def _script_controls(lang: str | None) -> frozenset[str]:
    return _SCRIPT_CONTROLS.get((lang or "").split("-")[0].lower(), frozenset())


def _run_end(text: str, i: int) -> int:
    """The end of the run of the character at ``i``."""
    c, j = text[i], i + 1
    while j < len(text) and text[j] == c:
        j += 1
    return j


def _beside_one_space(text: str, i: int, j: int) -> bool:
    """Does the run ``text[i:j]`` touch one ordinary space, with a visible character beyond each
    side (``word \u200bword``, ``word\u200b word``)?  Then deleting it changes nothing on screen."""
    before, after = text[i - 1 : i], text[j : j + 1]
    if before == " ":
        return i > 1 and not text[i - 2].isspace() and after != "" and not after.isspace()
    if after == " ":
        return (j + 1 < len(text) and not text[j + 1].isspace()) and before != "" \
            and not before.isspace()
    return False


#: Zero-width characters that only join or split their neighbours: at the edge of a line they
#: do nothing (bidi controls there still reorder what follows: not these).
_EDGE_HARMLESS = frozenset("\u200b\u2060\ufeff")
#: A list bullet and its space before the first word: still the edge of the line.
_BULLETS = "•·‣◦*-–— \t"
#: Word joiner and zero-width no-break space: they forbid a line break, which is their use.
_NO_BREAK_JOINERS = frozenset("\u2060\ufeff")


@register("TQ306", "invisible-control", Severity.ERROR, scope="segment", mirrored=True, fix="safe",
          gate=non_ascii_gate(_CONTROLS.pattern))
def find_invisible_controls(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """Invisible bidirectional or zero-width characters.

    What it does:
        Flags bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), directional marks
        (LRM, RLM, ALM), zero-width space, joiners, word joiner, soft hyphen and stray BOMs — except
        those the target language uses (for example ZWNJ in Persian) and the zero-width joiner inside
        emoji sequences.  A soft hyphen between two letters is a hyphenation hint for a long
        word (``Standard\u00adeinstellung``; typeset news copy has them): info.  A run of one
        character, or the same character again within one token, is one finding; its fix
        deletes each copy.  Word joiners holding a kaomoji together (``(\u2060^\u2060^\u2060)``)
        keep it on one line, which is what they are for: info.  A zero-width space against one
        ordinary space between two words (a web translator's paste: ``такую \u200b\u200bже``)
        changes nothing on screen: info; so does a zero-width space, word joiner or BOM at the
        start of a line (or after its bullet) or glued to its end (a pasted post's first
        character).

    Why it matters:
        Text copied from right-to-left sources carries invisible controls that reorder text on screen,
        break search and can hide content (the "Trojan Source" problem).

    Example:
        ``Kuleba\\u200f said`` → flags the right-to-left mark.
    """
    text = segment.text
    hits: list[Hit] = []
    allowed = ctx.data.words("allowed_controls") | _script_controls(ctx.lang)
    covered: set[int] = set()
    for m in _CONTROLS.finditer(text):
        c = m.group()
        if c in allowed:
            continue
        i = m.start()
        # A run of the same character, or a later copy inside one token, is one defect,
        # reported at its first.
        if (i > 0 and text[i - 1] == c) or i in covered:
            continue
        if c == "\u200d" and (
            (i > 0 and _EMOJI_NEIGHBOUR.match(text, i - 1)) or _EMOJI_NEIGHBOUR.match(text, i + 1)
        ):
            continue
        name = unicodedata.name(c, f"U+{ord(c):04X}")
        # Shown only, never applied: a soft hyphen in a software string (a hyphenation hint
        # someone put there); directional marks and joiners where the language's data is
        # missing or its script is not a left-to-right one that has no use for them (Persian
        # writes ZWNJ inside words; Hebrew and Arabic UI strings place RLM on purpose).
        shown_only = (c == "\u00ad" and segment.kind == "unit") or (
            c in _DIRECTIONAL_OR_JOINER and (not ctx.data.known or ctx.data.get("script")
                                              not in _LTR_SCRIPTS))
        runs = [(i, _run_end(text, i))]
        # The same character again within one token ("(\u2060^\u2060^\u2060)": word joiners
        # holding an emoticon together): one defect, reported once over the token, each copy
        # deleted by its fix.
        while (nxt := text.find(c, runs[-1][1])) >= 0 and not any(
                ch.isspace() for ch in text[runs[-1][1]:nxt]):
            runs.append((nxt, _run_end(text, nxt)))
            covered.add(nxt)
        copies = sum(b - a for a, b in runs)
        j = runs[-1][1]
        # A soft hyphen between two letters is a hyphenation hint for a long word
        # ("Standard\xadeinstellung", "Wasser\xadversorgung" in typeset news copy), put there on
        # purpose and never shown: info.
        hint = (c == "\u00ad" and i > 0 and j < len(text)
                and text[i - 1].isalpha() and text[j].isalpha())
        # A word joiner inside a kaomoji ("(\u2060^\u2060^\u2060)") keeps the face on one line:
        # the joiner's purpose, put there on purpose.
        holds_face = c in _NO_BREAK_JOINERS and in_kaomoji(text, i, j)
        # A zero-width space against one ordinary space ("такую \u200b\u200bже", a web
        # translator's paste) breaks nothing: the words are apart already and the line renders
        # the same without it.
        beside_space = c == "\u200b" and len(runs) == 1 and _beside_one_space(text, i, j)
        # A zero-width space, word joiner or BOM at the edge of a line ("\u200bPlease take care",
        # a pasted post's first character, or after its bullet, or glued to its last character)
        # joins or splits nothing.
        at_edge = c in _EDGE_HARMLESS and len(runs) == 1 and (
            not text[text.rfind("\n", 0, i) + 1:i].strip(_BULLETS)
            or (text[j:j + 1] in ("", "\n") and not text[i - 1].isspace()))
        hits.append(Hit(i, j, f"invisible control character U+{ord(c):04X} {name}"
                        + (f" ({copies}×)" if copies > 1 else "")
                        + (" (a hyphenation hint inside a word)" if hint else "")
                        + (" (a joiner holding an emoticon on one line)" if holds_face else "")
                        + (" (beside a space: invisible, changes nothing on screen)"
                           if beside_space else "")
                        + (" (at the edge of a line: invisible, joins nothing)" if at_edge else ""),
                        suggestion="", fix=tuple(delete_span(text, a, b) for a, b in runs),
                        fix_message=f"delete U+{ord(c):04X}",
                        applicability=Applicability.DISPLAY_ONLY if shown_only else None,
                        severity=Severity.INFO if hint or holds_face or beside_space or at_edge
                        else None))
    # The controls of a paragraph go in one fix ("(\u2060^\u2060^\u2060)": all three or none).
    yield from one_fix_per_segment(hits)


_OPENING_OF = {")": "(", "]": "[", "}": "{"}


def _spaced_inside(text: str, close: int, opening: str) -> bool:
    """Is the bracket closed at ``close`` opened with a space after it (``[ x ]``: a style)?"""
    i = text.rfind(opening, 0, close)
    return i >= 0 and text[i + 1 : i + 2] in (" ", "\u00a0")


#: The longest bracketed key or symbol label (``[ / ]``, ``[ ^ ali ** ]``) spaced inside.
_KEY_LABEL_CHARS = 16


def _spaced_key_label(text: str, close: int, opening: str) -> bool:
    """Is the bracket closed at ``close`` a short label of keys or symbols spaced inside on
    purpose (a calculator's ``Deli [ / ]``, ``Potenca [ ^ ali ** ]``), not a tokenised phrase
    (``( Inachis io )``)?"""
    i = text.rfind(opening, 0, close)
    inner = text[i + 1 : close].strip()
    return (0 < len(inner) <= _KEY_LABEL_CHARS and text[i + 1 : i + 2] in (" ", "\u00a0")
            and any(not c.isalnum() and not c.isspace() for c in inner)
            and not any(c in "()[]{}" for c in inner)  # "( if at all) . )": garbled, no label
            and not _LONG_WORD.search(inner))  # "( about $500 - Ed. )": a phrase, not keys


#: A word of four letters or more: a phrase in brackets, not a label of keys ("[ ^ ali ** ]").
_LONG_WORD = re.compile(r"[^\W\d_]{4}")


_PRINTF = re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:[sdifuxXoeEgGcp@]|\{|\()")
_ARABIC_MARKS = "،؛؟"
#: Latin marks that Arabic-script text writes too, and a letter (or vowel mark) of that script.
_SHARED_MARKS = ".:!"
_ARABIC_LETTER = re.compile(r"[\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d6-\u06ff]")
_SPACE_BEFORE = re.compile(r"(?<=[^\s\ufffc])([ \u00a0\u202f]+)([,.;:!?%)\]}،؛؟])")


# Gated on the mark with a space before it: a pattern starting with the marks (rarer than spaces)
# is searched in a tight loop until one turns up, and the lookbehind then tests the space.
#: What follows the colon of a spaced score or ratio (``2 : 2``).
_SPACED_RATIO = re.compile(r" \d")


@register("TQ307", "space-before-punctuation", Severity.WARNING, scope="segment", mirrored=True,
          fix="safe",
          gate='[,.;:!?%)\\]}،؛؟](?<=[ \\u00a0\\u202f].)')
def find_space_before_punctuation(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A space before a comma, full stop or other closing punctuation.

    What it does:
        Flags spaces before ``, . ; : ! ? % ) ] }`` and (as info: informal Arabic and Persian
        writing spaces them as often as not) the Arabic-script ``، ؛ ؟`` — except
        where the target language wants one (French puts a narrow no-break space before
        ``; : ! ?``), before a decimal (``.5``), a file extension (``.deb``) or an ellipsis, in a
        score or ratio spaced on both sides (``2 : 2``); a
        ``%`` counts only after a number (``the % of voters`` uses the sign as a word).  A
        short label of keys or symbols spaced inside its brackets (``Deli [ / ]``) and a
        ``. : !`` spaced off an Arabic-script word (informal Arabic and Persian writing) are
        info, and so is a spaced ``%`` in a language without data (Catalan and Galician write
        ``25 %``).

    Why it matters:
        Tokenised MT output that was never detokenised keeps the spaces ("Kyiv , Moscow") — a sure
        sign of unedited machine output.

    Example:
        ``in Antalya , before`` → flags the space before ``,``.
    """
    allowed = set(ctx.data.get("punctuation", "space_before_allowed", default=()))
    text = segment.text
    for m in _SPACE_BEFORE.finditer(text):
        punct = m.group(2)
        if punct in allowed:
            continue
        after = text[m.end(2) : m.end(2) + 1]
        if punct in ".," and (after.isdigit() or text.startswith("..", m.start(2))):
            continue
        if punct == "." and after.isalpha():
            continue  # a file extension or dotted name (".deb", ".docx"), not a full stop
        if punct in ":;؛" and after and not after.isspace():
            continue  # emoticons, ratios, times
        if punct == ":" and text[m.start(1) - 1].isdigit() and _SPACED_RATIO.match(text, m.end(2)):
            continue  # a score or ratio spaced on both sides ("won 3 : 1", "a 2 : 2 draw")
        if punct == "%" and not text[m.start(1) - 1].isdigit():
            continue  # the sign used as a word ("the % of voters"), not a unit after a number
        # No fix where the mark may not be punctuation at all: a printf placeholder (``on %1$s``)
        # or a file extension (``the .zip file``).
        # Nor where the spacing looks deliberate: a column layout (several spaces), a quoted mark
        # ("« . »"), a mark that text follows at once ("./configure"), or brackets spaced inside
        # on purpose ("[ x ]").
        before = text[m.start(1) - 1]
        unsure = (
            (punct == "%" and _PRINTF.match(text, m.start(2)))
            or len(m.group(1)) > 1
            or not (before.isalnum() or before in "\"'”’»)]")
            or not (after == "" or after.isspace() or after in "\"'”’»)]")
            or (punct in _OPENING_OF and _spaced_inside(text, m.start(1), _OPENING_OF[punct]))
            or (segment.source is not None and f" {punct}" in segment.source)  # as in the source
        )
        # A label of keys or symbols spaced inside its brackets ("[ / ]") is a layout: a hint.
        label = punct in _OPENING_OF and _spaced_key_label(text, m.start(1), _OPENING_OF[punct])
        # Catalan, Galician, Basque … space the per cent sign: without data, the norm is unknown.
        label = label or (punct == "%" and not ctx.data.known)
        yield Hit(m.start(1), m.end(2), f"space before '{punct}'"
                  + ((" (a language without data: many space the sign)" if punct == "%" else
                      " (a label of symbols spaced inside its brackets)") if label else ""),
                  suggestion=punct,
                  fix=None if unsure else ((m.start(1), m.end(1), ""),),
                  fix_message=f"delete the space before '{punct}'",
                  # Informal Arabic and Persian writing spaces its own marks as often as not
                  # (Tatoeba's Arabic: " ؟" in one sentence of eight): a hint.
                  # So do they the Latin marks they share after an Arabic-script word.
                  severity=Severity.INFO if punct in _ARABIC_MARKS or label or (
                      punct in _SHARED_MARKS and _ARABIC_LETTER.match(before)) else None)


#: A comma, semicolon or full stop doubled right after a word: ``gültig..``, ``verifica,,``
#: (not an ellipsis ``...``, a path ``../``, a range ``1..10`` or ``etc.,``).
_DOUBLED_MARK = re.compile(r"(?<=[^\W\d_])(,,|;;|\.\.)(?![.,;:!?\w/\\])")


@register("TQ310", "doubled-punctuation", Severity.WARNING, scope="segment", mirrored=True,
          fix="safe", gate=r",,|;;|\.\.")
def find_doubled_punctuation(
    segment: Segment, sentences: list[Sentence], ctx: CheckContext
) -> Iterator[Hit]:
    """A comma, semicolon or full stop written twice after a word.

    What it does:
        Flags ``,,``, ``;;`` and ``..`` right after a word, where neither a third mark (an
        ellipsis), a slash (``../``), nor a letter or digit (a range ``a..z``, ``1..10``) follows.
        Where the source has the same doubled mark, the finding is info (the source's own).

    Why it matters:
        MT and post-editing leave a mark of the source next to the target's own (``gültig..``,
        ``il codice di verifica,, il codice``): a slip every reader sees.

    Example:
        ``Der Link ist 24 Stunden gültig..`` → flags ``..``.
    """
    text = segment.text
    for m in _DOUBLED_MARK.finditer(text):
        mark = m.group(1)
        yield Hit(m.start(1), m.end(1), f"'{mark[0]}' written twice", suggestion=mark[0],
                  fix=((m.start(1), m.start(1) + 1, ""),),
                  fix_message=f"delete one '{mark[0]}'")
