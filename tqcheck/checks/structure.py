"""Structure: fragments split off their sentence, orphan lowercase headings, lowercase sentence
starts, text left dangling after a closing quote."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from tqcheck.checks._pairs import is_record
from tqcheck.checks.gates import Gate
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import (
    LETTERS,
    WORD,
    english_words,
    first_letter,
    folded_tokens,
    is_cased_lower,
    never_before_stop_words,
    never_final_words,
    numbering_gaps,
    source_in_view,
    table_words,
)
from tqcheck.model import MASK, Segment, Sentence, Severity

_TERMINAL = ".!?…:;,"
_HEADING_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
#: A mark and a closing quote, straight single ones too ("asking me, 'Is it open?' and I"):
#: the quotation ends, the sentence goes on.
_CLOSE_QUOTE_BEFORE = re.compile(r"[.!?,][\"”’»']\s*$")
_MIXED_CASE = re.compile(r"^[^\W\d_]*[a-zß-öø-ÿа-яё][A-ZÀ-ÖØ-ÞА-ЯЁ]")  # iPhone, eBay, иРНК
_URLISH = re.compile(r"^\S*(?:[/@]|\.[a-z]{2,}\b)")


def _no_case(ctx: CheckContext, code: str) -> bool:
    if not ctx.data.has_case:
        return True
    if not ctx.data.known:
        ctx.note_once(f"{code}:{ctx.data.lang}", f"{code}: no language data for {ctx.data.lang!r}; "
                      "capitalisation rules assumed from the script")
    return False


def _software(segment: Segment) -> bool:
    """A string of a translation file (PO, XLIFF, JSON, Android, TMX), not a corpus record: UI
    labels and descriptions write verbless phrases on purpose ("Recommended for admin groups.")."""
    return segment.kind == "unit" and not is_record(segment)


def _source_starts_lower(segment: Segment) -> bool:
    """Localization units whose source starts in lowercase ("entry", "%d files") may too."""
    if segment.source is None:
        return False
    i = first_letter(segment.source)
    return i < 0 or not segment.source[i].isupper()


#: A sentence boundary: final punctuation, closing quotes or brackets, then a space.
_BOUNDARY_MARK = re.compile(r"[.!?…][\"'”’»)\]]*\s+\S")
#: The text before a sentence ends in a word and a full stop ("макс.", "Завант.", "Pet.").
_WORD_STOP_BEFORE = re.compile(r"(?:^|[\s(\[,/])[^\W\d_]+\.\s*$")
#: A mark that stands alone in brackets ("[!]", "(?)") ends no sentence.
_BRACKETED_MARK_BEFORE = re.compile(r"[\[(][.!?…*][\])]\s*$")
_FINAL_MARK = re.compile(r"[.!?…:;。！？：]\W*$")


def _abbreviation_split(segment: Segment, before: str) -> bool:
    """A translation unit whose sentence was split after a shortened word: the source has fewer
    sentence boundaries than the translation, and the text before ends in a word and a stop
    (``Макс. кількість``, ``Pet. descarga`` for one-sentence sources)."""
    if segment.source is None or not _WORD_STOP_BEFORE.search(before):
        return False
    if _stray_stop(segment, before):
        return False  # a whole word ("Pulse el botón Eliminar. para"): a stray stop
    return len(_BOUNDARY_MARK.findall(segment.source)) < len(_BOUNDARY_MARK.findall(segment.text))


def lexicon_words(lang: str | None) -> frozenset[str]:
    """The words of the language-ID lexicon of ``lang`` (empty without one)."""
    from tqcheck.langdata import base_lang
    from tqcheck.langid import lexicon

    lex = lexicon(base_lang(lang or "")) if lang else None
    return lex.words if lex is not None else frozenset()


def _label(segment: Segment) -> bool:
    """A translation unit that is a label, not a sentence: neither it nor its source ends in
    sentence punctuation, and the source has no sentence boundary (``Toys``, ``Hindi``)."""
    source = segment.source
    if source is None or not source.strip() or not segment.text.strip():
        return False
    if _ABBREVIATION_ONLY.fullmatch(segment.text.strip()):
        return True  # "n. v." for "N/A": an abbreviation alone, its stops no sentence ends
    if _KEYWORD_LIST.fullmatch(segment.text.strip()):
        return True  # "unča,unči,oz;troy;": a list of keywords or unit names, no sentence
    if (_LIST_ENTRY_END.search(segment.text) and _LIST_ENTRY_END.search(source)
            and not _BOUNDARY_MARK.search(source.strip())):
        return True  # "datum spremembe," for "Date Modified;": an entry of a list
    return not (_FINAL_MARK.search(segment.text.rstrip()) or _FINAL_MARK.search(source.rstrip())
                or _BOUNDARY_MARK.search(source.strip()))


#: A unit that is a list of keywords, no space after its commas (``unča,unči,oz;troy;``,
#: ``міліметр ртутного стовпчика,міліметра ртутного стовпчика,мм рт. ст.``).
_KEYWORD_LIST = re.compile(r"[^,;\n]+(?:[,;](?:[^\s,;][^,;\n]*)?){2,}")
#: A unit that ends as an entry of a list goes on (``Date Modified;``, ``datum spremembe,``).
_LIST_ENTRY_END = re.compile(r"[^\W\d_][,;]\s*$")
#: A unit that is one abbreviation: short letter groups, each with its stop (``n. v.``, ``k.A.``).
_ABBREVIATION_ONLY = re.compile(r"(?:[^\W\d_]{1,3}\.\s?){1,3}")


def is_orphan_heading(segment: Segment) -> bool:
    """A short single line, no final punctuation, starting in lowercase: a subheading MT lowercased."""
    text = segment.text
    if segment.kind not in {"paragraph", "heading"} or "\n" in text or segment.source is not None:
        return False
    if text[-1] in _TERMINAL or not is_cased_lower(text[0]):
        return False
    words = text.split()
    if not 1 <= len(words) <= 7:
        return False
    return all(_HEADING_WORDS.fullmatch(w) for w in words)


#: A line that starts in lowercase, perhaps after opening quotes or brackets; or a sentence that
#: does (Latin Extended-A for Polish, Czech and Turkish letters, Ukrainian і ї є ґ: the range
#: ā-ž holds capitals too, which the check itself then tells apart; a Greek word, not a lone
#: symbol such as π).  Each regex is searched
#: fast: a line start as the newline before it (a regex that starts with a literal is searched
#: for it at C speed, where ``(?m)^`` is tried at every character; the match takes in the end of
#: the line before, which a gate may open too), the text's own start with ``\A``, and a sentence
#: start by the character class it starts with.  The line starts serve both TQ202 and TQ203, and
#: the engine searches them once.
_LOWER_AFTER = ("[\"'“‘«(\\[¿¡\ufffc*]*(?:[a-zß-öø-ÿā-žа-яёіїєґ]|"
                "[α-ωάέήίόύώ](?=[α-ωάέήίόύώ]| [^\\W\\d_]))")
_LOWER_AFTER_NEWLINE = re.compile("\n" + _LOWER_AFTER)
_LOWER_TEXT_START = re.compile("\\A" + _LOWER_AFTER)
_LOWER_SENTENCE_START = re.compile("[.!?…][\"'”’»)\\]\ufffc]*\\s+" + _LOWER_AFTER)


@register("TQ202", "orphan-heading", Severity.WARNING, scope="segment", fix="unsafe",
          gate=Gate(_LOWER_AFTER_NEWLINE, more=(_LOWER_TEXT_START,)))
def find_orphan_headings(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A short line on its own that starts in lowercase and has no final punctuation.

    What it does:
        Flags a paragraph of one line, one to seven words, all letters, that starts with a lowercase
        letter and does not end in punctuation — a subheading whose capital letter MT lost, or a
        fragment left between paragraphs.  Only for scripts with letter case.

    Why it matters:
        Subheadings are translated out of context; MT lowercases them ("previous conversations")
        and the page shows a stray lowercase line between paragraphs.

    Example:
        A paragraph consisting of ``previous conversations`` → suggests ``Previous conversations``.
    """
    if _no_case(ctx, "TQ202") or not is_orphan_heading(segment):
        return
    text = segment.text
    # No fix where the line starts with a broken word ("g at the museum": a fragment, not a
    # heading whose capital was lost).
    first_word = text.split(None, 1)[0]
    yield Hit(0, len(text), f"orphan lowercase heading: '{text}'",
              suggestion=text[0].upper() + text[1:],
              fix=((0, 1, text[0].upper()),) if len(first_word) > 1 else None,
              fix_message=f"capitalise: '{text[0].upper() + text[1:]}'")


def _after_closing_quote(text: str, start: int) -> bool:
    return bool(_CLOSE_QUOTE_BEFORE.search(text, 0, start))


@register("TQ203", "lowercase-sentence-start", Severity.WARNING, scope="segment",
          gate=Gate(_LOWER_AFTER_NEWLINE, more=(_LOWER_TEXT_START, _LOWER_SENTENCE_START)),
          not_for=("srt", "vtt"))
def find_lowercase_starts(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A sentence that starts with a lowercase letter.

    What it does:
        Flags sentences whose first letter is lowercase in a language with letter case.  Skips list
        items and table cells, words with inner capitals ("iPhone", "eBay"), words the language
        writes in lowercase by convention (``lowercase_words``: "lol", "uwu"; English's list
        holds for a Latin word in any language), a word after an ellipsis ("works well.... and
        nevertheless": the sentence goes on), URLs and handles,
        bracketed stage directions ("(laughter)") and notes in square brackets that close their
        line ("[continued]"), translation units whose source starts in
        lowercase too (UI strings), orphan
        headings (TQ202) and text after a closing quote (TQ204), which have their own checks.
        In translation units, a sentence "split" after a shortened word (``Макс. кількість`` for
        ``Maximum peers``: the translation has more sentence boundaries than its source, and the
        word before the stop is not a whole word of the language's lexicon) or after
        a mark in brackets (``mit [!] markierten``) is none; a lowercase start after any other
        break the source does not have (a path, ``(...)``, a quoted stop) and a label (no
        sentence punctuation in the unit or its source, ``juguetes`` for ``Toys``; or one
        abbreviation alone, ``n. v.`` for ``N/A``; a list of keywords with no space after its
        commas, ``unča,unči,oz``; an entry of a list that ends in a comma or semicolon as its
        source does, ``datum spremembe,`` for ``Date Modified;``) are reported as info only, and
        so is an aside that opens a parenthesis in lowercase (``(sometimes the images get choppy)``): informal
        writing's style, as common in human text as in MT; so is a lowercase word after a
        question or exclamation and a dash (``?» — спросил он``: the author's words), and,
        without the source in view, a line that opens with a lowercase conjunction (the
        language's ``coordinators`` and ``adversatives``: "and", "but", "но") or with a
        subordinate clause without its main clause ("when they take the catheter out.", TQ201's
        ``clause_openers`` with no comma): it may go on from the line before.  A label
        in square brackets (``[official] …``) is still flagged.

    Why it matters:
        MT that splits or joins sentences wrongly leaves lowercase sentence starts; so does
        segment-by-segment translation of text broken across lines.

    Example:
        ``The talks ended. the ministers left.`` → flags ``the``, suggests ``The``.
    """
    if _no_case(ctx, "TQ203") or segment.kind in {"list-item", "table"}:
        return
    if _source_starts_lower(segment):
        return
    if is_orphan_heading(segment):
        return
    speech = ctx.data.words("structure", "speech_verbs")
    text = segment.text
    for s in sentences:
        i = first_letter(s.text)
        if i < 0 or MASK in s.text[:i]:
            continue  # a sentence that starts with masked code ("`tqcheck` runs …")
        pos = s.start + i
        if not is_cased_lower(text[pos]):
            continue
        m = WORD.match(text, pos)
        word = m.group() if m else text[pos]
        rest = text[pos:].split(None, 1)[0] if text[pos:].strip() else ""
        if _MIXED_CASE.match(word) or _URLISH.match(rest) or any(c.isdigit() for c in word):
            continue
        if word.casefold() in ctx.data.words("lowercase_words") or (
                word.isascii() and word.casefold() in english_words("lowercase_words")):
            continue  # "… though. lol", "uwu": chat reactions written in lowercase by convention
        if s.index > 0 and _ELLIPSIS_BEFORE.search(text, 0, s.start):
            continue  # "works well.... and nevertheless": a sentence going on after an ellipsis
        if text[pos - 1 : pos] == "(" and text[pos + len(word) : pos + len(word) + 1] == ")":
            continue  # transcript conventions: "(laughter)", "(applause)"
        if text[pos - 1 : pos] == "[" and _NOTE_CLOSES_LINE.match(text, pos + len(word)):
            continue  # an editorial note closing its line: "[continued]", "[продолжение]"
        if text[pos - 1 : pos] == "(":
            # "(sometimes the images get choppy) The update …": an aside in parentheses, which
            # informal writing starts in lowercase (human references as often as MT): style,
            # not a lost capital.  A label in square brackets ("[official] …") stays a warning.
            yield Hit(pos, pos + len(word), f"aside in parentheses starts in lowercase: '{word}'",
                      severity=Severity.INFO, suggestion=word[0].upper() + word[1:])
            continue
        if s.index == 0 and not source_in_view(segment):
            goes_on = _goes_on(s.text[i:], word, ctx)
            if goes_on:
                # "и даже имеется возможность …", "but I won't tell you.", "when they take the
                # catheter out.": without the source in view, a line opening with a lowercase
                # conjunction, or a subordinate clause without its main clause, may go on from
                # the line before (a segment of a longer sentence, as the source split it) or
                # be the writer's own style; the source shows which (then it is the mirror
                # test's).
                yield Hit(pos, pos + len(word), f"line opens with a lowercase {goes_on}: "
                          f"'{word}' (it may go on from the line before)",
                          severity=Severity.INFO, suggestion=word[0].upper() + word[1:])
                continue
        if s.index > 0 and ("—" in s.text[:i] or "–" in s.text[:i]):
            # "Куда?» — спросил он", "what? — "oh, what?": after a question or exclamation, a
            # dash goes on with the same sentence (the author's words) or opens a reply; which
            # one is the editor's call.
            yield Hit(pos, pos + len(word), f"lowercase after a dash: '{word}' (the author's "
                      "words after direct speech, or a new sentence?)", severity=Severity.INFO)
            continue
        if s.index > 0 and _after_closing_quote(text, s.start):
            continue
        if s.index > 0 and (_BRACKETED_MARK_BEFORE.search(text, 0, s.start)
                            or _abbreviation_split(segment, text[:s.start])):
            continue  # "mit [!] markierten", "Макс. кількість" for "Maximum peers"
        if s.index > 0 and text[:s.start].rstrip()[-1:] in "?!" and speech.intersection(
            w.casefold() for w in WORD.findall(s.text)[:3]
        ):
            continue  # 'Why? she asked.'
        if s.index == 0 and _label(segment):
            # A label ("juguetes" for "Toys", French "hindi"): lowercase is the catalogue's
            # style or the language's rule more often than a lost capital.
            yield Hit(pos, pos + len(word), f"label starts in lowercase: '{word}' (the source: "
                      f"'{(segment.source or '').strip()[:40]}')", severity=Severity.INFO)
            continue
        if s.index > 0 and _more_breaks_than_source(segment) and not _stray_stop(
                segment, text[:s.start]):
            # A unit with more sentence breaks than its source: the break is more likely a
            # mis-split (a path, "(...)", a quoted stop, an unlisted abbreviation) than a lost
            # capital: info.
            yield Hit(pos, pos + len(word), f"sentence starts in lowercase: '{word}' (the source "
                      "has no sentence break here: a mis-split?)", severity=Severity.INFO)
            continue
        yield Hit(pos, pos + len(word), f"sentence starts in lowercase: '{word}'",
                  suggestion=word[0].upper() + word[1:])


#: The rest of a note in square brackets that closes its line ("[continued]", "[cont'd]"): a
#: transcript's or editor's note, which is written in lowercase.  A label with text after it
#: ("[official] LOHACO …") is not one.
_NOTE_CLOSES_LINE = re.compile(r"[^\[\]\n]{0,30}\][\s.]*(?:\n|\Z)")


def _goes_on(sentence: str, word: str, ctx: CheckContext) -> str:
    """What the first sentence of a line, ``sentence`` (from its first letter; ``word`` its
    first word, in lowercase), opens with that may go on from the line before: a coordinating
    conjunction (``coordinators``: "and", "или"; ``adversatives``: "but", "aber", "но") or a
    subordinator or relative word opening a clause without its main clause (TQ201's
    ``clause_openers``: "when they take the catheter out.", "whether to go or not"; not "if
    you search, you find it", whose comma may part a main clause); or ""."""
    folded = word.casefold()
    if folded in ctx.data.words("coordinators") or folded in _adversatives(ctx):
        return "conjunction"
    clauses = _clause_openers(ctx)
    if clauses is not None and _clause_fragment(sentence, "", clauses, alone=True,
                                                correlatives=_correlatives(ctx)):
        return "subordinate clause"
    return ""


def _adversatives(ctx: CheckContext) -> frozenset[str]:
    """The language's words for "but" (``adversatives``), folded."""
    key = "TQ203.adversatives"
    if key not in ctx.state:
        ctx.state[key] = frozenset(w.casefold() for w in _structure_words(ctx, "adversatives"))
    found: frozenset[str] = ctx.state[key]
    return found


_TAG = re.compile(r"<[^<>]*>")
#: An ellipsis (two or more stops, or …) and closing quotes before a sentence "start": the
#: sentence goes on after it ("works well.... and nevertheless"); a doubled stop is TQ310's.
#: An ellipsis in brackets ("(...)") marks a cut, not a pause: not here.
_ELLIPSIS_BEFORE = re.compile(r"(?:\.{2,}|…)[\"'”’»]*\s*$")


def _stray_stop(segment: Segment, before: str) -> bool:
    """The break follows a whole word of the language and a stop ("Pulse el botón Eliminar.
    para …"): a stray full stop in the middle of a sentence, a defect."""
    m = _WORD_STOP_BEFORE.search(_TAG.sub("", before.replace(MASK, "")))
    if not m:
        return False
    word = m.group().strip(" \t\n([,/.").casefold()
    return len(word) >= 6 and word in lexicon_words(segment.target_lang)


def _more_breaks_than_source(segment: Segment) -> bool:
    """A translation unit whose text has more sentence boundaries than its source, or whose
    source has a "boundary" followed by a lowercase word too (``(...) to keep``): the same
    pseudo-break, not a sentence start."""
    source = segment.source
    if source is None or is_record(segment):
        return False
    if any(is_cased_lower(m.group()[-1]) for m in _BOUNDARY_MARK.finditer(source)):
        return True
    return len(_BOUNDARY_MARK.findall(source)) < len(_BOUNDARY_MARK.findall(segment.text))


_DANGLING = re.compile(r"(?<=\.)(?:[\"”»“]|[ \u00a0\u202f]»)(?=\s+[^\W\d_])")
#: The primary quotation marks of the languages whose closing mark is “ (German, Czech, Slovak,
#: Icelandic …: their ``[quotes] primary``, or ``quote_norms.toml`` without a file): elsewhere
#: “ opens a quotation.  (Georgian writes „…“ too, but has no case: TQ204 does not run.)
_LOW_HIGH = ["„", "“"]


@register("TQ204", "text-after-closing-quote", Severity.WARNING, scope="segment",
          gate='\\.(?:[\\"”»“]|[ \u00a0\u202f]»)\\s+[^\\W\\d_]')
def find_text_after_quote(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """Lowercase text left dangling after a quotation that ended the sentence.

    What it does:
        Flags a short run of words that starts in lowercase right after a closing quote preceded by a
        full stop, and ends its own sentence — words that belong inside the quote.  Attributions
        and speaker tags ("he said", "according to", "fragte sie", "napsal senátor", "she
        shrugged") are recognised by the speech verbs and subject pronouns in the language
        data (en de fr es it pt nl pl cs ru uk).  With the source in view, a tail after a closing
        quote that the source has too (a tag, an agency credit) is info.  The closing marks
        are ``"``, ``”``, ``»`` (also after a space, French ``. »``) and, in the languages that
        quote „…“ (German, Czech …), ``“``; a French inverted tag ("ajoute-t-il") is an
        attribution  Strings of translation files (PO, XLIFF, JSON, Android) are
        left alone: they quote values and options ("auf „yes“ gesetzt und …"), not speech.

    Why it matters:
        MT moves quotation marks when source and target word order differ; the tail of the quoted
        phrase ends up outside it: ``will pave the way." permanent cease-fire.``

    Example:
        ``"the meeting will pave the way." permanent cease-fire.`` → flags ``permanent cease-fire.``
    """
    if _no_case(ctx, "TQ204") or _software(segment):
        return  # a string of a translation file quotes values and options, not speech
    speech = ctx.data.words("structure", "speech_verbs")
    pronouns = ctx.data.words("structure", "subject_pronouns")
    text = segment.text
    low_high = ctx.data.get("quotes", "primary") == _LOW_HIGH
    for m in _DANGLING.finditer(text):
        if m.group() == "“" and not low_high:
            continue  # an opening quotation mark outside „…“ languages
        i = m.end()
        while i < len(text) and text[i].isspace():
            i += 1
        if not is_cased_lower(text[i]):
            continue
        end_m = re.compile(r"[.!?…](?=[\"”’»)]?(?:\s|$))").search(text, i)
        end = end_m.end() if end_m else len(text)
        tail = text[i:end]
        words = [w.casefold() for w in WORD.findall(tail)]
        if len(words) > 8 or '"' in tail or "”" in tail:
            continue
        if speech.intersection(words[:4]):
            continue  # '"…." he said.' is an attribution, not a stranded phrase
        if any("-" in w and (w.split("-")[0] in speech or w.rsplit("-", 1)[1] in pronouns)
               for w in words[:2]):
            continue  # French inversion: '« … . » ajoute-t-il.', 'explique-t-elle
        if len(words) > 1 and pronouns.intersection(words[:2]):
            # A speaker tag or action beat: '"…." she shrugged.', '„…." murmelte er.'
            continue
        yield Hit(i, end, f"text after the closing quote: '{tail}' probably belongs inside the quotation")


_FRAGMENT_MAX_WORDS = 10


#: English words in "-ed" that are no verb's past form.
_NOT_PAST = frozenset({"speed", "need", "seed", "feed", "greed", "breed", "creed", "steed", "tweed",
                       "bleed", "proceed", "exceed", "succeed", "indeed", "hundred", "sacred"})


def _past_form(word: str) -> bool:
    """Does the folded English ``word`` read as a verb's past form ("-ed": "visited"), the verb
    test of TQ201?  Not the nouns and verbs in "-eed" ("speed", "need") nor "hundred"."""
    return len(word) > 4 and word.endswith("ed") and word.casefold() not in _NOT_PAST
_PARTICIPLE_MAX_WORDS = 16


#: Words before an English "-ed" form that make it a finite verb ("we walked by the lake"):
#: the subject pronouns.
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they", "who", "which",
                               "that"})


def _reduced_relative(lowered: list[str], i: int) -> bool:
    """Is the "-ed" form ``lowered[i]`` a past participle after its noun, with the agent after
    it ("because of the damage caused by the storm"): a reduced relative clause, no finite
    verb?  Not after a subject pronoun ("we walked by the lake")."""
    return (0 < i < len(lowered) - 1 and lowered[i + 1] == "by"
            and lowered[i - 1] not in _SUBJECT_PRONOUNS)
_CLAUSE_MAX_WORDS = 25
#: A clause standing alone is a style of speech and informal prose ("Because it works.") as
#: much as an MT split: a hint, not a warning.
_CLAUSE_SEVERITY = Severity.INFO
_OPENING_MARKS = "\"'“‘«„(["


def _structure_words(ctx: CheckContext, name: str) -> tuple[str, ...]:
    """The ``[structure]`` list ``name`` of the language's file, or, for a language without a
    file of its own, the table ``name`` of ``tqcheck/data/structure.toml``."""
    words = ctx.data.get("structure", name)
    if words is None:
        from tqcheck.datapack import builtin_table

        words = builtin_table("structure.toml").get(name, {}).get(ctx.lang or "", ())
    return tuple(words)


def _clause_openers(ctx: CheckContext) -> re.Pattern[str] | None:
    """One regex for the language's subordinators and relative words that cannot open a main
    clause (``clause_openers``), at the start of a sentence after opening marks, unless one of
    ``clause_opener_exceptions`` opens it ("because of"); None without data."""
    key = "TQ201.clauses"
    if key not in ctx.state:
        def alternation(name: str) -> str:
            words = sorted({w.casefold() for w in _structure_words(ctx, name)},
                           key=len, reverse=True)
            # A word ends at a non-letter; an elided one ("parce qu'") at its apostrophe.
            return "|".join(re.escape(w) + ("" if w[-1] in "'’" else r"(?!\w)") for w in words)
        openers, exceptions = alternation("clause_openers"), alternation("clause_opener_exceptions")
        pattern = None
        if openers:
            # The openers first: most sentences fail there, before the exceptions are tried.
            pattern = re.compile(
                rf"[{re.escape(_OPENING_MARKS)}]*"
                + (rf"(?=(?:{openers}))(?!(?:{exceptions}))" if exceptions else "")
                + rf"(?:{openers})", re.IGNORECASE)
        # A relative clause told by its shape, not its first word (``clause_shape``: German
        # "Das im Mai vorgestellt wurde." — an article-like pronoun, no noun after it, the
        # finite verb last): one regex over the whole sentence.
        shape = ctx.data.get("structure", "clause_shape")
        if shape:
            pattern = re.compile((f"(?:{pattern.pattern})|" if pattern else "") + f"(?-i:{shape})",
                                 re.IGNORECASE)
        ctx.state[key] = pattern
    found: re.Pattern[str] | None = ctx.state[key]
    return found


#: A mark after which a main clause may follow a fragment's opening (Latin and Arabic script),
#: unless it stands between two digits: the comma of "200,000" and the colon of
#: "10:30" part no clauses.
_CLAUSE_BREAK = re.compile(r"(?<!\d)[,;:،؛]|[,;:،؛](?!\d)")


def _clause_fragment(body: str, prev: str, clauses: re.Pattern[str], alone: bool = False,
                     correlatives: re.Pattern[str] | None = None) -> str:
    """The opener when ``body`` is a subordinate or relative clause standing alone: it opens
    with a subordinator or relative word of the language (``Because``, ``weil``, ``parce que``,
    ``потому что``, ``который``), has no comma (after one, a main clause may follow) and the
    sentence before it is a statement of four words or more."""
    m = clauses.match(body)
    # An opener may hold its own comma before a complement clause ("Was bedeutet, dass",
    # "Что означает, что"): only a comma after it parts the clauses.
    if not m or _CLAUSE_BREAK.search(body, m.end() if "," in m.group() else 0):
        return ""
    if correlatives is not None and correlatives.search(body):
        return ""  # "If you buy it then …": the main clause follows its correlative
    if body.endswith("..") or " — " in body or " – " in body or " - " in body:
        return ""  # "If I could be like that...": trailing off; "If not — …": a dash, a break
    words = len(body.split())
    if not 3 <= words <= _CLAUSE_MAX_WORDS or (not alone and len(prev.split()) < 4):
        return ""
    if _LIST_NUMBER_BEFORE.search(prev):
        return ""
    return "subordinate or relative"


def _purpose_fragment(body: str, prev: str, ctx: CheckContext) -> bool:
    """Is ``body`` an infinitive clause of purpose standing alone after a statement: German
    "Um keine falschen Hoffnungen zu wecken.", Dutch "Om geen valse hoop te wekken."
    (``purpose_shape``: the opener, the words, the infinitive with its particle; no comma), with
    no finite verb among its words ("Um die Ecke gab es nichts zu essen." has one)?"""
    shape = ctx.data.get("structure", "purpose_shape")
    if not shape or len(prev.split()) < 4 or _LIST_NUMBER_BEFORE.search(prev):
        return False
    m = re.match(shape, body)
    if m is None:
        return False
    words = WORD.findall(m.group("words"))
    return 1 <= len(words) <= _PHRASE_MAX_WORDS and _verbless_words(words, 0, ctx, False)


def _correlatives(ctx: CheckContext) -> re.Pattern[str] | None:
    """The words that open the main clause after a leading subordinate one without a comma
    (``clause_correlatives``: English "If … then …"), one regex; None without data."""
    key = "TQ201.correlatives"
    if key not in ctx.state:
        words = ctx.data.get("structure", "clause_correlatives", default=())
        ctx.state[key] = re.compile(
            r"\s(?:" + "|".join(map(re.escape, words)) + r")\s", re.IGNORECASE) if words else None
    found: re.Pattern[str] | None = ctx.state[key]
    return found


#: A sentence that ends with a bare item number ("… :( 1.") introduces an item of an inline list.
_LIST_NUMBER_BEFORE = re.compile(r"(?:^|\s)\(?\d{1,2}[.)]$")


_UNSET = object()


@dataclasses.dataclass(frozen=True, slots=True)
class _LoneOpeners:
    """What may open a paragraph that is one fragment (:func:`_lone_openers`): one regex, and
    the first words of its alternatives, a cheap test before it."""

    pattern: re.Pattern[str]
    #: The first run of letters of every word the regex opens with, folded as a case-insensitive
    #: regex compares them; None where the regex may open otherwise (``clause_shape``).
    first_words: frozenset[str] | None

    def match(self, text: str, pos: int) -> bool:
        """Whether the regex matches ``text`` at ``pos``.  A sentence whose first word (after
        opening marks) is in ASCII and none of :attr:`first_words` cannot: no regex then (the
        regex tries its hundreds of words one after the other, at the start of every
        paragraph of one sentence)."""
        if self.first_words is not None:
            if pos == 0 and text.isascii():
                # The text's first folded token (shared with the other checks) is its first
                # word after the marks (all of them split tokens but the apostrophe, which
                # stays in the token) where it is all letters.
                tokens = folded_tokens(text)
                if tokens and tokens[0].isalpha():
                    return tokens[0] in self.first_words and (
                        self.pattern.match(text, pos) is not None)
            first = _FIRST_LETTERS.match(text, pos)
            if first is None:
                return False  # every word opens with a letter
            word = first.group(1)
            if word.isascii() and word.lower() not in self.first_words:
                return False
        return self.pattern.match(text, pos) is not None


#: A sentence's first run of letters, after its opening marks.
_FIRST_LETTERS = re.compile(rf"[{re.escape(_OPENING_MARKS)}]*([^\W\d_]+)")


def _first_words(words: Iterable[str]) -> frozenset[str] | None:
    """The first runs of letters of ``words``, folded as a case-insensitive regex compares them
    (:func:`tqcheck.checks._prefilter.fold`); None if a word opens with another character."""
    from tqcheck.checks._prefilter import fold

    found: set[str] = set()
    for w in words:
        m = LETTERS.match(w)
        if m is None:
            return None
        found.add(fold(m.group()))
    return frozenset(found)


def _lone_openers(ctx: CheckContext) -> _LoneOpeners | None:
    """What may open a paragraph that is one fragment: the clause openers, or a qualifying
    adverb (``qualifiers``: "Especially") — one regex, so most paragraphs cost one match."""
    key = "TQ201.lone"
    if key not in ctx.state:
        clauses = _clause_openers(ctx)
        qualifiers = ctx.data.get("structure", "qualifiers", default=())
        words = "|".join(re.escape(w) for w in qualifiers)
        # The prepositions that open a stranded phrase ("With the aim of protecting …."):
        # English ``fragment_openers`` and the other languages' ``phrase_openers``.
        preps = sorted({w for key in ("fragment_openers", "phrase_openers")
                        for w in ctx.data.get("structure", key, default=())}, key=len, reverse=True)
        phrase = "|".join(re.escape(w) for w in preps)
        parts = [p for p in (clauses.pattern if clauses else "",
                             rf"(?:{words})(?!\w)" if words else "",
                             rf"[{re.escape(_OPENING_MARKS)}]*(?:{phrase})(?!\w)" if phrase else "")
                 if p]
        firsts = None
        if not ctx.data.get("structure", "clause_shape"):
            firsts = _first_words([*(_structure_words(ctx, "clause_openers") if clauses else ()),
                                   *qualifiers, *preps])
        ctx.state[key] = _LoneOpeners(re.compile("|".join(f"(?:{p})" for p in parts),
                                                 re.IGNORECASE), firsts) if parts else None
    found: _LoneOpeners | None = ctx.state[key]
    return found


def _lone_fragment(segment: Segment, s: Sentence, ctx: CheckContext) -> Sequence[Hit]:
    """A paragraph of one clause or verbless phrase, split off the paragraph before it
    ("Especially in the rush hours."): only the openers that cannot start a caption or heading of
    their own (subordinators and relative words, and the adverbs of an added qualification)."""
    body = s.text
    if not body.endswith(".") or segment.kind != "paragraph" or segment.source is not None:
        return ()
    clauses = _clause_openers(ctx)
    if clauses is not None and _clause_fragment(body, "", clauses, alone=True,
                                                correlatives=_correlatives(ctx)):
        return [Hit(s.start, s.end, f"sentence fragment: '{body}' is a subordinate or "
                    "relative clause standing as a paragraph of its own",
                    severity=_CLAUSE_SEVERITY)]
    if _lone_phrase(body, ctx):
        return [Hit(s.start, s.end, f"sentence fragment: '{body}' is a phrase without a verb "
                    "standing as a paragraph of its own; it belongs to a sentence",
                    severity=_CLAUSE_SEVERITY)]
    first = WORD.search(body)
    if first is None or first.group() not in ctx.data.words("structure", "qualifiers"):
        return ()
    verbs = ctx.data.words("structure", "finite_verbs")
    toks = [t.casefold() for t in WORD.findall(body)]
    if (3 <= len(toks) <= _FRAGMENT_MAX_WORDS and "," not in body
            and not any(t in verbs or _past_form(t) for t in toks)):
        # On a line aligned with its --source line the paragraph is the source's own (a caption,
        # a trailing afterthought): whether it is a fragment there is the source's question.
        aligned = bool(segment.meta.get("source_lines"))
        return [Hit(s.start, s.end, f"sentence fragment: '{body}' is a phrase standing as "
                    "a paragraph of its own; it belongs to the sentence before it"
                    + (" (its source line stands alone too)" if aligned else ""),
                    severity=Severity.INFO if aligned else None)]
    return ()


#: The full stops of TQ201's sentences: Latin and Chinese/Japanese.
_FULL_STOPS = (".", "。")


#: A stranded phrase standing alone (a paragraph, or before the sentence it belongs to) has at
#: least this many words: "In short." and "For example." are idioms, not split-off phrases.
_STRANDED_MIN_WORDS = 4


def _english_phrase(body: str, ctx: CheckContext) -> bool:
    """Is ``body`` a verbless phrase opening with one of English's ``fragment_openers`` that is a
    preposition ("With the aim of protecting the health of the citizens."): four to ten words,
    no comma, no finite verb of ``finite_verbs`` and no word in "-ed"?"""
    first = WORD.search(body)
    if first is None or first.group() not in ctx.data.words("structure", "fragment_openers"):
        return False
    if first.group() in ctx.data.words("structure", "qualifiers") or "," in body:
        return False
    toks = [t.casefold() for t in WORD.findall(body)]
    verbs = ctx.data.words("structure", "finite_verbs")
    return (_STRANDED_MIN_WORDS <= len(toks) <= _FRAGMENT_MAX_WORDS
            and not any(t in verbs or _past_form(t) for t in toks))


def _stranded_phrase(body: str, neighbour: str, ctx: CheckContext) -> bool:
    """Is ``body`` a verbless phrase of at least four words (English, or the language's
    ``phrase_openers`` and verb test) next to a statement ``neighbour`` (empty: a paragraph of
    its own)?"""
    if not body.endswith("."):
        return False
    english = ctx.data.words("structure", "fragment_openers")
    if english:
        # The first word decides for most sentences, before any count of words.
        first = WORD.search(body)
        if first is None or first.group() not in english:
            return False
        return (len(body.split()) >= _STRANDED_MIN_WORDS
                and (not neighbour or len(neighbour.split()) >= 4) and _english_phrase(body, ctx))
    data = _phrase_data(ctx)
    if data is None or not ((data.openers is not None and data.openers.match(body))
                            or data.closers or data.participles is not None):
        return False
    return (len(body.split()) >= _STRANDED_MIN_WORDS
            and _phrase_fragment(body, neighbour, data, alone=not neighbour))


def _lone_phrase(body: str, ctx: CheckContext) -> bool:
    return _stranded_phrase(body, "", ctx)


@dataclasses.dataclass(frozen=True)
class _PhraseData:
    """What tells a stranded phrase in a language other than English (``[structure]``)."""
    openers: re.Pattern[str] | None
    #: A participle opening a participial phrase (``participle_openers``: Russian
    #: "Оснащённый …", French "Fondée en …"), matched at the sentence start.
    participles: re.Pattern[str] | None
    closers: frozenset[str]
    verb: re.Pattern[str] | None
    function: frozenset[str]
    capitalized_nouns: bool
    #: A verb-final language (``verb_last``: Persian): only the last word is read for a verb.
    verb_last: bool = False
    #: Words after which the next word is never a finite verb (``nominal_after``: prepositions
    #: and determiners that are never a clitic pronoun): its ending is no verb's ("del norte",
    #: "для села", "des objections").
    nominal_after: frozenset[str] = frozenset()
    #: Function words that are finite verbs where the language has no verb pattern (German
    #: and Dutch auxiliaries and copulas, ``main_clause_verbs`` of ``structure.toml``).
    function_verbs: frozenset[str] = frozenset()
    #: Endings of adjectives and adverbs that the verb pattern would read as a verb's
    #: (``nominal_endings``: Spanish "necesaria", "justificante", "rápidamente").
    nominal_endings: tuple[str, ...] = ()


def _phrase_data(ctx: CheckContext) -> _PhraseData | None:
    """The language's ``phrase_openers`` (prepositions that open a phrase: "Nach", "После"),
    ``phrase_closers`` (postpositions that end one in a verb-final language: Turkish "sonra")
    and ``verb_pattern`` (a regex of finite verb forms and endings); None without them."""
    key = "TQ201.phrase"
    if key not in ctx.state:
        openers = ctx.data.get("structure", "phrase_openers", default=())
        closers = ctx.data.get("structure", "phrase_closers", default=())
        verb = ctx.data.get("structure", "verb_pattern")
        participles = ctx.data.get("structure", "participle_openers")
        lists = ctx.data.get("structure", "list_openers")
        data = None
        if (openers or closers or participles or lists) and (
                verb or ctx.data.get("capitalized_nouns")):
            from tqcheck.langid import function_words

            words = sorted({w.casefold() for w in openers}, key=len, reverse=True)
            data = _PhraseData(
                re.compile(rf"[{re.escape(_OPENING_MARKS)}]*(?:"
                           + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)
                if words else None,
                re.compile(rf"[{re.escape(_OPENING_MARKS)}]*(?:{participles})(?!\w)")
                if participles else None,
                frozenset(w.casefold() for w in closers),
                re.compile(verb) if verb else None,
                frozenset(w.casefold() for w in (*function_words(ctx.data.lang),
                                                 *ctx.data.get("function_words", default=()))),
                bool(ctx.data.get("capitalized_nouns")),
                bool(ctx.data.get("structure", "verb_last")),
                frozenset(w.casefold() for w in
                          ctx.data.get("structure", "nominal_after", default=())),
                _main_clause_verbs(ctx.lang),
                tuple(ctx.data.get("structure", "nominal_endings", default=())))
        ctx.state[key] = data
    found: _PhraseData | None = ctx.state[key]
    return found


_PHRASE_MAX_WORDS = 10


def _function_verb(word: str, verb: re.Pattern[str]) -> bool:
    """Is the function word ``word`` a finite verb?  Only as a whole (French "est", Dutch "is"),
    never by its ending (Dutch "het"); and a word of one or two letters only by the pattern's
    whole words, not by an ending that spells it (Spanish "en" and "a", prepositions, are the
    endings "-en" and "-a" of verbs, French "a" is a whole verb)."""
    if not verb.fullmatch(word):
        return False
    return len(word) > 2 or verb.search("\x00" + word) is None
#: Words that precede an adjective in a German noun phrase (``dem langen Treffen``).
_DETERMINER_BEFORE = re.compile(r"^(?:d[ei][enrsm]?|das|ein\w*|kein\w*|mein\w*|sein\w*|ihr\w*|"
                                r"unser\w*|euer\w*|dies\w*|jen\w*|jed\w*|all\w*)$")


#: The endings of a German adjective before its noun (``kleine Unternehmen``).
_ADJECTIVE_ENDING = re.compile(r"(?:e|en|er|es|em)$")


def _phrase_fragment(body: str, prev: str, data: _PhraseData, alone: bool = False) -> bool:
    """Is ``body`` a phrase without a verb, split off the sentence before it: it opens with one of
    the language's ``phrase_openers`` (or, in a verb-final language, ends on one of its
    ``phrase_closers``), has three words or more, nine at most after its opener, and no
    comma, follows a statement of four words or more, and no word of it reads as a finite
    verb (``verb_pattern`` on the words that are no function words, and whole function words:
    "est"; where nouns are capitalised, a
    lowercase word that neither follows a determiner nor is an adjective before its noun).  The
    verb test errs toward a verb: a noun that looks like one keeps the sentence."""
    if _CLAUSE_BREAK.search(body) or (not alone and len(prev.split()) < 4):
        return False
    words = WORD.findall(body)
    if len(words) < 3 or _LIST_NUMBER_BEFORE.search(prev):
        return False
    opens = (data.openers is not None and data.openers.match(body)) or (
        data.participles is not None and data.participles.match(body))
    closes = bool(data.closers) and words[-1].casefold() in data.closers
    if not (opens or closes):
        return False
    folded = [w.casefold() for w in words]
    skip = len(WORD.findall(opens.group())) if opens else 1  # the opener's own words
    # The phrase's length after its opener: an opener of three words ("A pesar de", "Au lieu
    # de") takes no room from the phrase.
    if len(words) - skip > _PHRASE_MAX_WORDS - 1:
        return False
    if data.verb_last:
        skip = max(skip, len(words) - 1)  # a verb-final language: its verb is the last word
    return _no_verb(words, folded, skip, data)


def _no_verb(words: list[str], folded: list[str], skip: int, data: _PhraseData) -> bool:
    """Does no word of ``words`` (``folded``: the same, case-folded) after the first ``skip``
    read as a finite verb of the language (``verb_pattern`` on the words that are no function
    words, and whole function words: "est"; where nouns are capitalised, a lowercase word that
    neither follows a determiner nor is an adjective before its noun)?"""
    for i, (w, f) in enumerate(zip(words, folded, strict=True)):
        if i < skip:
            continue
        if f in data.function:
            if ((data.verb is not None and _function_verb(f, data.verb))
                    or f in data.function_verbs) and not (
                        i > 0 and folded[i - 1] in data.nominal_after):
                return False  # (after a preposition, Dutch "zijn" is "his": "Na zijn ontmoeting")
            continue
        if data.verb is not None and data.verb.search(f) and not (
                i > 0 and folded[i - 1] in data.nominal_after) and not (
                    f.endswith(data.nominal_endings) if data.nominal_endings else False) and not (
                        len(w) > 1 and w.isupper() and not all(x.isupper() for x in words)):
            return False  # (an acronym in capitals, "NIE", "DNI", is no verb)
        if data.capitalized_nouns and w[0].islower() and not (
                _DETERMINER_BEFORE.match(folded[i - 1])
                or (_ADJECTIVE_ENDING.search(f) and i + 1 < len(words)
                    and words[i + 1][:1].isupper() and folded[i + 1] not in data.function)):
            return False  # a lowercase word that is no adjective before its noun: a verb
    return True


@register("TQ201", "sentence-fragment", Severity.INFO, scope="segment", fix="unsafe")
def find_fragments(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Sequence[Hit]:
    """A verbless fragment split off the sentence before it.

    What it does:
        Flags a short sentence (up to ten words) that follows another sentence ending in a period,
        starts with a preposition, relative word or participle listed in the language data ("From",
        "With", "Before", "Coming" …), and contains no finite verb from the language's verb list, no
        word ending in "-ed" and no comma (except before a relative clause: "Coming from Cairo, where
        he met …"; the verb test reads the phrase before the relative clause).  Items of an
        inline numbered list ("1. For the slow delivery. 2. For …") are not fragments.  In every
        language whose data lists its subordinators and relative words (``clause_openers``:
        "Because", "weil", "parce que", "porque", "потому что", "который" …), a sentence that opens
        with one and has no comma — a subordinate or relative clause without its main clause —
        is reported as info, and so is a sentence of the shape of a relative clause
        (``clause_shape``: German "Das im Mai vorgestellt wurde.", a pronoun with no noun after
        it and the finite verb last); so is a paragraph of one such clause, or of one verbless
        phrase opening with a qualifying adverb ("Especially in the rush hours.").  In the other
        languages whose data lists ``phrase_openers`` (prepositions: "Nach", "Après", "После")
        or a participle with its preposition (``participle_openers``: "Оснащённый", "Située à",
        "Fundada en"), or, for verb-final Turkish, ``phrase_closers`` (postpositions: "sonra",
        "için"), a sentence of three to ten words without a comma after a statement, with no
        word that reads as a finite verb (``verb_pattern``; in German, a lowercase word after no
        determiner; in Arabic and Hebrew, none of the common verbs nor a verb's prefix or ending;
        in verb-final Persian, ``verb_last``, a last word that reads as no verb), is a phrase
        split off the sentence before it.  Such a phrase of four words or more is one too as
        the first sentence of a paragraph, before the sentence it belongs to ("Po spotkaniu z
        ministrem spraw zagranicznych. Zelenski powiedział …"), or as a paragraph of its own
        ("With the aim of protecting the health of the citizens.").  A sentence that is an
        opening prepositional phrase without a verb, a comma and a relative clause (``relatives``
        of ``tqcheck/data/structure.toml``, perhaps after a preposition: "For tenants with a low
        income, for whom the increase is limited.") has no main clause either.  Languages
        whose file has no ``[structure]`` list of them (Finnish, Hungarian, Bulgarian, Greek,
        Romanian, Slovak, Croatian, Serbian in both scripts, Slovenian, Estonian, Lithuanian,
        Latvian, Indonesian, Vietnamese, and the clause-relatives of Swedish, Danish and
        Norwegian) take their ``clause_openers`` and ``clause_opener_exceptions`` ("Karena
        itu", "Vì vậy": main clauses) from ``structure.toml``.  After a statement, a sentence
        that opens with a gerund or adverbial
        participle (``gerund_openers``: French "Soulignant une hausse de 12 %.", Russian
        "Пообещав помощь всем семьям.", Polish "Obiecując pomoc …"), perhaps with its
        complement clause (``complementizers``: "Promising that all families would be
        compensated.", "Подчеркнув, что …"), or with a word that opens a list of examples or an
        addition (``list_openers``: "Including diesel, petrol and gas.", "Включая хлеб, молоко и
        яйца.", Turkish "Ve nüfus cüzdanı fotokopisi.", Korean "그리고 통장 사본.") and has no
        finite verb before its complement clause, nor a comma but between list items and
        before the complement clause, is one too; so is, in Chinese and Japanese, a sentence
        that opens with a word no sentence opens with (``never_initial`` of ``structure.toml``:
        以及, および).  So is a noun phrase of one to five words without a verb (after an article
        or determiner where the language has them, ``determiners``), a comma and a relative
        clause that runs to the full stop ("The mayor, who had pushed for the increase for many
        years.", "Решение, которое удивило многих наблюдателей."), or, without the comma, after
        an indefinite article, a relative clause with a single run of finite verbs ("Une
        décision qui a surpris de nombreux observateurs.": not in English, whose verb test
        misses verbs, which reads only "who", "whom" or "whose" after four words at most;
        German reads an article, its adjectives and one noun); a German or Dutch pronoun before
        an auxiliary ("…, das ist …") opens a main clause instead.  Sentential relatives with their
        complement ("Ce qui signifie
        que …", "Lo que significa que …", "Was bedeutet, dass …", "مما يعني …") are
        ``clause_openers`` whose own comma parts no clauses, and an English phrase opening with
        a perfect gerund ("Having reviewed the figures from the previous budget.") has no
        finite verb in its participle.  The verb tests read no word right after a preposition
        or a determiner that is never a clitic pronoun (``nominal_after``: "del norte", "для
        сокращения") as a verb by its ending.
        A comma or colon between digits ("200,000", "10:30") parts no clauses.  A German or
        Dutch infinitive clause of purpose alone after a statement (``purpose_shape``: "Um
        keine falschen Hoffnungen zu wecken.", "Om geen valse hoop te wekken.") with no finite
        verb among its words is one too; so is a Chinese sentence that opens with a
        subordinator and has no comma nor a word of a main clause, and a Japanese one that ends
        on 「ため」 (``unspaced_clauses`` of ``structure.toml``: "因为谈判已经停滞了好几个月。").
        An acronym in capitals ("NIE") and, in Spanish, an
        adjective or adverb of ``nominal_endings`` ("necesaria", "rápidamente") never read as
        a verb.  Strings of
        translation files (PO, XLIFF, JSON, Android, TMX units; not corpus records) are not
        read: a UI label or description writes verbless phrases on purpose ("Recommandé pour
        les groupes administratifs.").
        Every fragment is info:
        headlines, reviews and captions write verbless phrases on purpose, and judged blind
        against the source on WMT23 system output only about a third of the fragments reported
        were defects (5 of 14 with the source in view over three samples, 0 of 12 without it).

    Why it matters:
        MT sometimes puts a full stop inside a sentence, stranding its last phrase:
        "played down the expected results. From his meeting with Lavrov."

    Example:
        ``The minister played down the expected results. From his meeting with Lavrov.`` → flags
        ``From his meeting with Lavrov.``
    """
    if segment.kind in {"list-item", "table", "heading"} or not sentences or _software(segment):
        return ()
    if len(sentences) == 1:
        # One regex match decides for most paragraphs of one sentence.
        lone = ctx.state.get("TQ201.lone", _UNSET)
        if lone is _UNSET:
            lone = _lone_openers(ctx)
        if lone is None or not lone.match(segment.text, sentences[0].start):
            return ()
        return _phrase_and_relative(sentences[0], ctx) or _lone_fragment(segment, sentences[0],
                                                                         ctx)
    openers = ctx.data.get("structure", "fragment_openers")
    clauses = _clause_openers(ctx)
    phrase = _phrase_data(ctx) if openers is None else None
    split = _split_phrases(ctx)
    if openers is None and clauses is None and phrase is None and split is None:
        ctx.note_once(f"TQ201:{ctx.data.lang}",
                      f"TQ201: no fragment data for language {ctx.data.lang!r}; check skipped")
        return ()
    hits: list[Hit] = []
    correlatives = _correlatives(ctx) if clauses is not None else None
    opener_set = ctx.data.words("structure", "fragment_openers")
    participles = bool(ctx.data.get("structure", "fragment_participles"))
    verbs = ctx.data.words("structure", "finite_verbs")
    first_text = sentences[0].text
    if (segment.kind == "paragraph" and first_text.endswith(".")
            and _stranded_phrase(first_text, sentences[1].text, ctx)):
        # "Po spotkaniu z ministrem spraw zagranicznych. Zelenski powiedział …": an opening
        # phrase cut off the sentence after it by a full stop.
        s0 = sentences[0]
        hits.append(Hit(s0.start, s0.end, f"sentence fragment: '{first_text}' is a phrase "
                        "without a verb, split off the sentence after it",
                        suggestion="join it to the next sentence", severity=_CLAUSE_SEVERITY))
    for prev, s in itertools.pairwise(sentences):
        body = s.text
        # The cheap tests first: both sentences end in a full stop, the first word opens a phrase.
        if not body.endswith(_FULL_STOPS) or not prev.text.endswith(_FULL_STOPS):
            continue
        if body[-1] == "。":
            kind = ((split is not None and _participle_or_list(body, prev.text, ctx))
                    or _unspaced_clause(body, prev.text, ctx.lang))
            if kind:
                hits.append(Hit(s.start, s.end, f"sentence fragment: '{body}' is {kind}",
                                suggestion="join it to the previous sentence",
                                severity=_CLAUSE_SEVERITY))
            continue
        if "," in body and (found := _phrase_and_relative(s, ctx)):
            hits.extend(found)
            continue
        first = WORD.search(body)
        if first is None:
            continue
        opener = first.group()
        what = None
        if clauses is not None and (clause := _clause_fragment(body, prev.text, clauses,
                                                               correlatives=correlatives)):
            what = f"a {clause} clause without the sentence it belongs to"
        elif phrase is not None and _phrase_fragment(body, prev.text, phrase):
            what = "a phrase without a verb, split off the sentence before it"
        elif _purpose_fragment(body, prev.text, ctx):
            what = "a purpose clause without the sentence it belongs to"
        elif kind := _participle_or_list(body, prev.text, ctx):
            what = kind
        elif (rel_word := _noun_and_relative(s, ctx)) and len(prev.text.split()) >= 4 \
                and not _LIST_NUMBER_BEFORE.search(prev.text):
            what = f"a noun phrase and a relative clause ('{rel_word} …') with no main clause"
        if what is not None:
            hits.append(Hit(s.start, s.end, f"sentence fragment: '{body}' is {what}",
                            suggestion="join it to the previous sentence",
                            severity=_CLAUSE_SEVERITY))
            continue
        toks = WORD.findall(body)
        # A past participle with its preposition ("Organized by the city's museum."): a
        # participial phrase, whose own "-ed" is no finite verb.
        past = (participles and opener.endswith("ed") and len(opener) > 4 and len(toks) > 1
                and toks[1] in _PARTICIPLE_PREPOSITIONS)
        if opener not in opener_set and not past and not (
            participles and opener.endswith("ing") and opener[:1].isupper() and len(opener) > 5
        ):
            continue
        # A participial phrase runs longer than a prepositional one ("Asking at the same time for
        # the immediate reduction of VAT on basic foods."); its verb test is as strict.
        if len(toks) > (_FRAGMENT_MAX_WORDS if opener in opener_set else _PARTICIPLE_MAX_WORDS):
            continue
        relative = re.search(r",\s+(?:where|which|who|whose|when)\b", body)
        if "," in body and not relative:
            continue  # "From Monday, the shops will open." — an introductory phrase
        # The verb test reads the phrase before a relative clause ("Coming from Cairo, where he
        # met …": the relative clause has its own verb).
        lowered = [t.casefold() for t in WORD.findall(body[:relative.start()] if relative else body)]
        first_read = _perfect_gerund(lowered) or (1 if past else 0)
        if any(t in verbs or (_past_form(t) and not _reduced_relative(lowered, i))
               for i, t in enumerate(lowered) if i >= first_read):
            continue
        if _LIST_NUMBER_BEFORE.search(prev.text):
            continue  # "1. For the slow delivery. 2. For the colour …": items of a numbered list
        prev_words = WORD.findall(prev.text)
        if len(prev_words) < 4:
            continue
        tail = " ".join(prev.text[:-1].split()[-3:])
        joined = f"{tail} {body[0].lower()}{body[1:]}"
        # The fix: the full stop and the space before the fragment become one space, and the
        # fragment's first letter goes lowercase.
        stop = prev.start + len(prev.text.rstrip()) - 1
        first_letter = s.start + first.start()
        fix = None
        # Joined only where a preposition or relative word opens the fragment: a participle
        # ("Exciting until the end.") often stands alone on purpose.
        # Nor after a number: "1. For the fast shipping." is a list item; nor where the fragment
        # repeats the sentence before it (a stutter, not a split sentence).
        repeats = body.rstrip(".").casefold() in prev.text.casefold()
        if (opener in opener_set and not repeats and segment.text[stop] == "."
                and not segment.text[stop - 1:stop].isdigit()
                and not segment.text[stop + 1:first_letter].strip()
                and _may_join(segment, prev, s)):
            fix = ((stop, first_letter + 1, " " + opener[0].lower()),)
        hits.append(Hit(s.start, s.end,
                        f"sentence fragment: '{body}' looks split off the previous sentence",
                        suggestion=f"join it to the previous sentence: '… {joined}'", fix=fix,
                        fix_message=f"join it to the previous sentence: '… {joined}'"))
    return hits


@functools.cache
def _unspaced_clauses(lang: str | None) -> tuple[tuple[str, ...], tuple[str, ...],
                                                 tuple[str, ...]]:
    """The subordinators that open a clause, the words of a main clause after one, and the
    endings that close a subordinate clause, of a language written without spaces
    (``unspaced_clauses`` of ``structure.toml``); empty without data."""
    from tqcheck.datapack import builtin_table

    data = builtin_table("structure.toml").get("unspaced_clauses", {}).get(lang or "", {})
    return (tuple(data.get("openers", ())), tuple(data.get("correlatives", ())),
            tuple(data.get("closers", ())))


#: Characters a sentence of a language written without spaces holds at least to be read.
_UNSPACED_MIN = 6


def _unspaced_clause(body: str, prev: str, lang: str | None) -> str:
    """A Chinese or Japanese sentence after a statement that is a subordinate clause alone:
    it opens with a subordinator (Chinese 因为 "because", 虽然 "although") and has no comma nor
    a word of the main clause after it (所以, 但是, 就), or it ends on a subordinate clause's
    ending right before its full stop (Japanese 「…ため。」, 「…ので。」)."""
    openers, correlatives, closers = _unspaced_clauses(lang)
    if (not openers and not closers) or len(body) < _UNSPACED_MIN or len(prev) < _UNSPACED_MIN:
        return ""
    core = body[:-1]
    if openers and core.startswith(openers) and not any(c in core for c in "，,、；;：:") \
            and not any(w in core for w in correlatives):
        return "a subordinate clause without the sentence it belongs to"
    if closers and core.endswith(closers) and not any(c in core for c in "「」『』"):
        return "a subordinate clause without the sentence it belongs to"
    return ""


@dataclasses.dataclass(frozen=True, slots=True)
class _SplitPhrases:
    """What opens a participial phrase or a list split off its sentence (``[structure]``)."""

    #: A gerund or adverbial participle at a sentence's start (``gerund_openers``: French
    #: "Soulignant", Spanish "Prometiendo", Russian "Подчеркнув", Polish "Obiecując").
    gerund: re.Pattern[str] | None
    #: A word that opens a complement clause (``complementizers``: "that", "que", "что"), with
    #: the space or comma before it.
    complement: re.Pattern[str] | None
    #: Words that open a list of examples or inclusions (``list_openers``: "Including",
    #: "Y compris", "Включая", "W tym").
    lists: re.Pattern[str] | None
    #: Words that never open a sentence in a language written without spaces (``never_initial``
    #: of ``structure.toml``: Chinese 以及, Japanese および).
    never_initial: re.Pattern[str] | None = None


def _split_phrases(ctx: CheckContext) -> _SplitPhrases | None:
    key = "TQ201.split"
    if key not in ctx.state:
        marks = rf"[{re.escape(_OPENING_MARKS)}]*"
        gerund = ctx.data.get("structure", "gerund_openers")
        comps = sorted(_structure_words(ctx, "complementizers"), key=len, reverse=True)
        lists = sorted(_structure_words(ctx, "list_openers"), key=len, reverse=True)
        from tqcheck.datapack import builtin_table

        never = builtin_table("structure.toml").get("never_initial", {}).get(ctx.lang or "", ())
        found = None
        if gerund or lists or never:
            found = _SplitPhrases(
                re.compile(rf"{marks}(?:{gerund})(?!\w)") if gerund else None,
                re.compile(r"(?:^|[\s,]+)(?:" + "|".join(
                    re.escape(w) + ("" if w[-1] in "'’" else r"(?!\w)") for w in comps) + ")",
                    re.IGNORECASE) if comps else None,
                re.compile(marks + "(?:" + "|".join(map(re.escape, lists)) + r")(?!\w)")
                if lists else None,
                re.compile(marks + "(?:" + "|".join(map(re.escape, never)) + ")")
                if never else None)
        ctx.state[key] = found
    split: _SplitPhrases | None = ctx.state[key]
    return split


#: Words a list of examples split off its sentence holds at most ("Including diesel, petrol and
#: liquefied gas."), and a participial phrase with its complement clause.
_LIST_MAX_WORDS = 20


def _participle_or_list(body: str, prev: str, ctx: CheckContext) -> str:
    """What ``body`` is when it is a participial phrase or a list split off the statement
    ``prev`` (four words or more): it opens with a gerund or adverbial participle of the
    language (``gerund_openers``: "Soulignant une hausse de 12 %.", "Пообещав помощь всем
    семьям."), perhaps with a complement clause ("Promising that all families would be
    compensated.", "Подчеркнув, что финансирование выделено."; in English only so, the bare
    "-ing" phrase being the older test's), or with a word that opens a list of examples
    (``list_openers``: "Including diesel, petrol and gas.", "Включая хлеб, молоко и яйца.");
    no word before the complement clause reads as a finite verb, and no comma, colon or
    semicolon follows but between the items of a list or before the complement clause (after
    one, the main clause may follow).  Empty where it is none."""
    split = _split_phrases(ctx)
    if split is None or body.endswith(".."):
        return ""
    if split.never_initial is not None and split.never_initial.match(body):
        if body.endswith("。") and len(prev) >= _UNFINISHED_MIN_CHARACTERS:
            return "a phrase that opens with a word no sentence opens with"
        return ""
    if not body.endswith(".") or len(prev.split()) < 4 or _LIST_NUMBER_BEFORE.search(prev):
        return ""
    english = ctx.data.get("structure", "fragment_openers") is not None
    m = split.lists.match(body) if split.lists is not None else None
    if m is not None:
        words = WORD.findall(body)
        if (not 3 <= len(words) <= _LIST_MAX_WORDS or any(c in body for c in ";:؛")
                or " – " in body or " — " in body):
            return ""
        if "," in body or "،" in body:
            # Items: the last one after "and" ("…, petrol and gas."); a comma before a clause
            # ("Together with his wife, he runs a bakery.") has none after it.
            last = WORD.findall(body[max(body.rfind(","), body.rfind("،")):])
            if not ctx.data.words("coordinators").intersection(w.casefold() for w in last):
                return ""
        # An English list holds past participles as adjectives ("liquefied gas"): only the
        # finite verbs of the data tell its main clause.
        if not _verbless_words(words, len(WORD.findall(m.group())), ctx, english,
                               past_forms=False):
            return ""
        return "a list or example without the sentence it belongs to"
    m = split.gerund.match(body) if split.gerund is not None else None
    if m is None:
        return ""
    rest = body[m.end():-1]
    comp = split.complement.search(rest) if split.complement is not None else None
    if comp is None and english:
        return ""
    head, tail = (rest[:comp.start()], rest[comp.end():]) if comp else (rest, "")
    words = WORD.findall(body)
    limit = _LIST_MAX_WORDS if comp else _PHRASE_MAX_WORDS
    if not 3 <= len(words) <= limit or _CLAUSE_BREAK.search(head) or _CLAUSE_BREAK.search(tail):
        return ""
    if " – " in body or " — " in body or " - " in body:
        return ""
    head_words = WORD.findall(body[:m.end()] + head)
    if not _verbless_words(head_words, len(WORD.findall(m.group())), ctx, english):
        return ""
    return "a participial phrase without the sentence it belongs to"


def _verbless_words(words: list[str], skip: int, ctx: CheckContext, english: bool,
                    past_forms: bool = True) -> bool:
    """Does no word of ``words`` after the first ``skip`` read as a finite verb (English
    ``finite_verbs`` and, with ``past_forms``, words in "-ed"; elsewhere the language's verb
    test, as for TQ201's phrases)?  False where the language has no verb test."""
    if english:
        verbs = ctx.data.words("structure", "finite_verbs")
        return not any(w.casefold() in verbs or (past_forms and _past_form(w.casefold()))
                       for w in words[skip:])
    data = _phrase_data(ctx)
    if data is None or (data.verb is None and not data.capitalized_nouns):
        return False
    if data.verb_last:
        skip = max(skip, len(words) - 1)  # a verb-final language: its verb is the last word
    return _no_verb(words, [w.casefold() for w in words], skip, data)


@functools.cache
def _relatives(lang: str | None) -> frozenset[str]:
    """The relative words of ``lang`` (``relatives`` of ``structure.toml``); empty without."""
    return table_words("structure.toml", "relatives", lang)


#: Words an opening phrase holds at most before the relative clause that stands in for the
#: main clause, and those it holds at least.
_RELATIVE_HEAD_WORDS = (3, 15)


def _phrase_and_relative(s: Sentence, ctx: CheckContext) -> Sequence[Hit]:
    """A sentence that is an opening prepositional phrase, a comma and a relative clause, with
    no main clause: "For tenants with a low income, for whom the increase is limited to 2
    percent." — the phrase opens with a preposition (English ``fragment_openers`` that are
    prepositions, the other languages' ``phrase_openers``) and holds no verb, a relative word
    (``relatives``, perhaps after one preposition) follows its comma, and no other comma, colon
    or dash follows: info."""
    body = s.text
    if not body.endswith(".") or body.endswith("..") or body.count(",") != 1:
        return ()
    relatives = _relatives(ctx.lang)
    if not relatives:
        return ()
    head, rest = body.split(",", 1)
    if any(c in rest for c in ";:—–") or " - " in rest:
        return ()
    after = WORD.findall(rest)
    if len(after) < 3:
        return ()
    rel = 1 if after[0].casefold() in relatives else (
        2 if after[1].casefold() in relatives and after[0].islower() and len(after[0]) <= 5
        else 0)
    if not rel or len(after) < rel + 2:
        return ()
    words = WORD.findall(head)
    if not _RELATIVE_HEAD_WORDS[0] <= len(words) <= _RELATIVE_HEAD_WORDS[1]:
        return ()
    if not _verbless_phrase(head, words, ctx):
        return ()
    return [Hit(s.start, s.end, f"sentence fragment: '{body}' is an opening phrase and a "
                f"relative clause ('{' '.join(after[:rel])} …') with no main clause",
                severity=_CLAUSE_SEVERITY)]


#: Words of the noun phrase before a relative clause in :func:`_noun_and_relative`.
_NOUN_HEAD_WORDS = (1, 5)


@functools.cache
def _indefinite_articles(lang: str | None) -> frozenset[str]:
    """The indefinite articles of ``lang`` (``indefinite_articles`` of ``structure.toml``)."""
    from tqcheck.datapack import builtin_table

    return frozenset(builtin_table("structure.toml").get("indefinite_articles", {})
                     .get(lang or "", ()))


def _verb_groups(words: list[str], ctx: CheckContext) -> int:
    """How many runs of words read as finite verbs in ``words`` ("had pushed" is one): English
    ``finite_verbs`` and words in "-ed", elsewhere the verb test of TQ201's phrases (which
    errs toward a verb, so toward more runs)."""
    verbs = ctx.data.words("structure", "finite_verbs")
    data = None if verbs else _phrase_data(ctx)
    if not verbs and (data is None or data.verb is None):
        return 2  # no verb test: read as a clause with its main verb
    runs, inside, before = 0, False, ""
    for w in words:
        f = w.casefold()
        if verbs:
            verb = f in verbs or _past_form(f)
        else:
            assert data is not None and data.verb is not None
            verb = (_function_verb(f, data.verb) if f in data.function
                    else bool(data.verb.search(f)) and before not in data.nominal_after)
        if verb and not inside:
            runs += 1
        inside, before = verb, f
    return runs


def _noun_and_relative(s: Sentence, ctx: CheckContext) -> str:
    """The relative word when the sentence ``s`` is a noun phrase and a relative clause with no
    main clause: "The mayor, who had pushed for the increase for many years.", "Решение,
    которое удивило многих.", "Eine Entscheidung, die viele überraschte." — one to five words
    with a capital first and no finite verb, a comma, a relative word (``relatives`` of
    ``structure.toml``) and no other comma, colon, semicolon, bracket, quote or dash to close
    the clause; or, without the comma, after an indefinite article ("A decision that
    surprised many observers.", ``indefinite_articles``), a relative clause with one run of
    finite verbs only.  Empty where it is none."""
    body = s.text
    if not body.endswith(".") or body.endswith(".."):
        return ""
    gate = _relative_gate(ctx.lang)
    if gate is None or not gate.match(body) or any(c in body for c in _NOT_IN_CLAUSE):
        return ""  # (one regex skips the sentences without a relative word near their start)
    relatives = _relatives(ctx.lang)
    tokens = list(WORD.finditer(body))
    rel = next((i for i, m in enumerate(tokens[:_NOUN_HEAD_WORDS[1] + 1])
                if i and m.group().casefold() in relatives), 0)
    if not rel or len(tokens) < rel + 3 or not body[:1].isupper():
        return ""
    head = [m.group() for m in tokens[:rel]]
    comma = body.count(",")
    if comma:
        if comma != 1 or not body[:tokens[rel].start()].rstrip().endswith(","):
            return ""
    elif head[0].casefold() not in _indefinite_articles(ctx.lang):
        return ""
    determiners = _determiners(ctx.lang)
    if determiners and head[0].casefold() not in determiners:
        return ""  # "Ah, das ist …", "Ich hatte Probleme, das …": a pronoun opens a main clause
    english = bool(ctx.data.get("structure", "fragment_openers"))
    if english and (len(head) > _ENGLISH_HEAD_WORDS
                    or tokens[rel].group().casefold() not in _PERSONAL_RELATIVES):
        # English's verb test is a list and "-ed": "The same applies to vodka, which is
        # widespread." hides "applies"; a person's "who" after a short head is a noun's.
        return ""
    if ctx.data.get("capitalized_nouns") and (
            sum(w[:1].isupper() for w in head[1:]) != 1 or not head[-1][:1].isupper()):
        return ""  # German: the article, its adjectives and one noun ("Das Video zeigte Mädchen")
    if _first_word_opens(head[0], ctx) or not _verbless_words(head, 0, ctx, english):
        return ""
    if tokens[rel + 1].group().casefold() in _main_clause_verbs(ctx.lang):
        return ""  # German "…, das ist …": a demonstrative and a verb, a main clause
    if not comma and _verb_groups([m.group() for m in tokens[rel + 1:]], ctx) != 1:
        return ""
    return tokens[rel].group()


#: English relatives of a person, and the most words of the noun phrase before one.
_PERSONAL_RELATIVES = frozenset({"who", "whom", "whose"})
_ENGLISH_HEAD_WORDS = 4


@functools.lru_cache(maxsize=64)
def _relative_gate(lang: str | None) -> re.Pattern[str] | None:
    """A relative word of ``lang`` after one to five words at a sentence's start: where
    :func:`_noun_and_relative` may find something; None without ``relatives``."""
    words = sorted(_relatives(lang), key=len, reverse=True)
    if not words:
        return None
    alternation = "|".join(map(re.escape, words))
    return re.compile(rf"(?:[^\W\d_][\w'’-]*,?\s+){{1,{_NOUN_HEAD_WORDS[1]}}}(?:{alternation})"
                      r"(?!\w)", re.IGNORECASE)


#: Marks that may close a relative clause or set off an aside inside one: a main clause may
#: follow them.
_NOT_IN_CLAUSE = frozenset(";:—–()\"«»„“”")


@functools.cache
def _main_clause_verbs(lang: str | None) -> frozenset[str]:
    """The ``main_clause_verbs`` of ``lang`` (German, Dutch auxiliaries and copulas)."""
    from tqcheck.datapack import builtin_table

    return frozenset(builtin_table("structure.toml").get("main_clause_verbs", {})
                     .get(lang or "", ()))


@functools.cache
def _determiners(lang: str | None) -> frozenset[str]:
    """The articles and demonstrative determiners of ``lang`` (``determiners`` of
    ``structure.toml``); empty for a language without articles."""
    return table_words("structure.toml", "determiners", lang)


def _first_word_opens(word: str, ctx: CheckContext) -> bool:
    """Does ``word`` open a phrase or clause of its own (a preposition or adverb of English
    ``fragment_openers`` or the ``phrase_openers``, a subordinator of ``clause_openers``, a
    conjunction of ``coordinators``), not a noun phrase?"""
    if word in ctx.data.words("structure", "fragment_openers") or word.casefold() in {
            w.casefold() for w in ctx.data.words("coordinators")}:
        return True
    data = _phrase_data(ctx)
    if data is not None and data.openers is not None and data.openers.fullmatch(word):
        return True
    clauses = _clause_openers(ctx)
    return clauses is not None and clauses.fullmatch(word) is not None


def _verbless_phrase(head: str, words: list[str], ctx: CheckContext) -> bool:
    """Does ``head`` open with a preposition of the language and hold no finite verb?"""
    english = ctx.data.words("structure", "fragment_openers")
    if english:
        prepositions = never_final_words(ctx.lang) | _rarely_final(ctx.lang)[0] | \
            _before_final_ellipsis(ctx.lang)
        if words[0] not in english or words[0].casefold() not in prepositions:
            return False
        verbs = ctx.data.words("structure", "finite_verbs")
        return not any(w.casefold() in verbs or _past_form(w)
                       for w in words[1:])
    data = _phrase_data(ctx)
    if data is None or data.verb is None:
        return False
    opens = data.openers.match(head) if data.openers is not None else None
    first = words[0].casefold()
    if opens:
        skip = len(WORD.findall(opens.group()))
    elif words[0][:1].isupper() and first not in _sentence_opener_words(ctx.lang) and (
            first in never_final_words(ctx.lang) or first in _rarely_final(ctx.lang)[0]):
        skip = 1  # a preposition or conjunction of the truncation data ("Pour", "Для")
    else:
        return False
    before = words[skip - 1].casefold() if skip else ""
    for w in words[skip:]:
        f = w.casefold()
        if f in data.function:
            if _function_verb(f, data.verb):
                return False
        elif data.verb.search(f) and before not in data.nominal_after:
            return False
        before = f
    return True


#: Gerunds of the auxiliaries: the "-ed" word after one is a participle ("Having reviewed the
#: figures.", "Being delayed by the strike."), no finite verb.
_PERFECT_GERUNDS = frozenset({"having", "being"})


def _perfect_gerund(lowered: list[str]) -> int:
    """The words of an opening perfect or passive gerund and its participle ("having
    reviewed", "having been delayed", "being delayed": no finite verb among them), or 0."""
    n = 2 if lowered[1:2] == ["been"] and lowered[0] == "having" else 1
    if lowered[0] in _PERFECT_GERUNDS and len(lowered) > n and _past_form(lowered[n]):
        return n + 1
    return 0


#: Prepositions after a past participle that make a participial phrase ("Organized by …",
#: "Located in …", "Accompanied by …").
_PARTICIPLE_PREPOSITIONS = frozenset({"by", "in", "on", "at", "near", "under", "with", "from",
                                      "for", "to", "after", "during", "between", "along"})


#: A fragment that ends on a number: a sentence split at an ordinal ("… at the end of October.
#: On 1. In January …", German "am 1. Januar"), not a phrase stranded by a full stop.
_ENDS_ON_NUMBER = re.compile(r"\d\.$")


def _may_join(segment: Segment, prev: Sentence, fragment: Sentence) -> bool:
    """May TQ201's fix join ``fragment`` to ``prev``?  Not where the full stop ends a line (the
    end of a paragraph, a heading or an item on a line of its own), after a heading (a sentence
    in title case or capitals: "Rental Terms And Conditions. For …"), nor where the fragment ends
    on a number.  (Nor where the source has a short sentence there too: the engine drops the fix
    of a finding that mirrors the source, :data:`tqcheck.checks.mirror.UNDOES_THE_SOURCE`.)"""
    if "\n" in segment.text[prev.end:fragment.start] or _ENDS_ON_NUMBER.search(fragment.text):
        return False
    words = [w for w in WORD.findall(prev.text) if len(w) > 3 and w[0].isalpha()]
    return not (words and (all(w[0].isupper() for w in words) or prev.text.isupper()))


#: Closes a sentence (or a quotation, bracket or list of words that may end one).
_FINAL = frozenset(".!?…:;\"'”’»)]}。！？؟>*" + MASK)
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
@functools.lru_cache(maxsize=64)
def _has_phrases(words: frozenset[str]) -> bool:
    return any(" " in w for w in words)


#: The last two words, as one group: a preposition of two words ("со стороны", "ze strany").
_LAST_TWO_WORDS = re.compile(r"(?<![^\W\d_])([^\W\d_]+\s+[^\W\d_]+)\W*$")


@register("TQ205", "truncated-sentence", Severity.WARNING, scope="segment")
def find_truncated_sentences(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                             ) -> Sequence[Hit]:
    """A paragraph that stops in mid-sentence, on a word no sentence ends with.

    What it does:
        Flags the last sentence of a paragraph (four words or more) that has no final punctuation
        and ends on an article, a conjunction, a possessive or a preposition that always takes an
        object (``tqcheck/data/truncation.toml``, per language): "… would resume in the".  A
        placeholder or markup after that word (``… und »%.250s«``) completes the sentence.  Also
        flags any sentence of four words or more whose full stop comes right after a word that
        never ends a sentence in the language (``never_before_stop``: articles, conjunctions and
        prepositions that are never also a pronoun, a verb particle or a predicate): "… wenden
        Sie sich an den Kundendienst und.", "… нажмите на."; so is an article that may be a
        pronoun right after a preposition, or English "to" after the first word of a compound
        preposition (``paired_before_stop``: "… wenden Sie sich bitte an den.", "… clique para
        o.", "… the delay was due to."), and a paragraph that trails off in an ellipsis right
        after such a word (after a conjunction, info: speech trails off so on purpose) or, as
        info, after a preposition that may be a verb's particle (``before_final_ellipsis``:
        "… shares fell by...", but "Come in, come in..."), or, as info, after a word of
        ``rarely_final`` or ``before_verb`` where a sentence before it ends in a mark ("… the
        delay happened because…").  A paragraph that ends on such a
        word and then a dash (``… подготовить к –``) is info: the dash marks speech broken off
        on purpose (transcripts, dialogue).  A last word with a capital in a sentence not all in
        capitals is a name or label ("Tenri University team A", "Plan B"), not the function word,
        and a preposition that a question word or relative before it may strand (``stranding``:
        "tell me which tram I should get into") is no cut-off.  Where the paragraph is plainly
        prose (a sentence before the last one ends in a full stop, or the last one is long and
        holds a comma; six words or more, not in title case), a last word that ends a sentence
        only in some uses (``rarely_final``: a preposition that may be a verb's particle,
        "… shares fell by"; a subordinator, "… weil"; a relative pronoun) marks the cut too, as
        does, after four words, one that always stands before its verb (``before_verb``: a
        negation, a clitic pronoun, a tense particle, English "to" but after a word of
        ``elided_after``, "… won't have to": "… pero el gobierno no se", "… профсоюз пока
        ничего не"), and
        so does a final comma where the source is in view (without it, info: transcripts split
        one clause per line end so), and a sentence that ends on a comma and the first word of
        a clause alone (", which.", ", for whom.", ", dass.": a relative word of ``relatives`` in
        ``tqcheck/data/structure.toml``, a subordinator, conjunction or preposition of the
        truncation data).  Chinese and Japanese prose may also stop on a conjunction or
        preposition of two characters or more (``never_final_endings``: 以及, について).  The
        word lists of every language (articles, conjunctions, possessives, prepositions,
        subordinators; Korean postpositional phrases, and the particles and connective endings
        written onto a Korean word, ``rarely_final_endings``: "… 서비스를") were written for
        tqcheck from general knowledge of each language.  Where the paragraph is prose, a last
        sentence that leaves a bracket or quote open before its last few words ("… the age to
        (", '… select "Network and') is cut off too, and so is an English one that ends on a
        possessive ("… to exceed last year's"), and so is one that stops on a modal or
        auxiliary that waits for its verb (``waiting_verbs``: "… Gemeenten die niet tijdig
        rapporteren, kunnen", "… the changes to the pension rules will"; a paragraph's closing
        ellipsis right after one, or in another language than English after a preposition of
        ``before_final_ellipsis``, is info), except in a clause with a subordinator,
        complementizer, relative or comparison word (``modal_ellipsis``, "dès qu'il peut", "как
        может", "everything we can"; German and Dutch ``verb_final_clauses``, "was wir
        können"), which a modal may end.  A last sentence after a statement that stops on a
        complementizer right after a comma or a speech verb ("Министр заявил, что", "The
        minister said that": English "that" is info, a pronoun too) is cut off, and so, as
        info, is a prose paragraph's verbless last run of six words or more without any mark (a
        list or heading run in; not English, whose verb test misses verbs).  A Japanese last
        sentence that stops on a case or topic
        particle without punctuation ("…書面で"), or on a noun and the genitive の ("…追加の"), is
        info.  So, as info, is a prose paragraph's last sentence, without final punctuation or
        in a closing ellipsis, that is a noun phrase and a relative clause running to the end
        with no main clause ("… Applicants who have not submitted their documents",
        "Заявители, которые не представили документы…": ``relatives`` of ``structure.toml``;
        where the language sets every relative clause off with commas, no second comma,
        elsewhere one run of finite verbs, or, in a language without a verb test, an article,
        its noun and a relative clause of one or two words: "Οι δικαιούχοι που δεν έχουν…"),
        one that opens with a subordinator and holds no comma after which its main clause
        could follow (not in English: "Если заявитель не представит документы вовремя…"), one
        of six words or more in a language that puts its verb last (``verb_final``: Turkish,
        Persian, Korean) that stops without punctuation or in an ellipsis on a word that reads
        as no verb, and
        one with a modal that takes an infinitive and
        no infinitive after it (``infinitive_modals`` of ``truncation.toml``: "Bez tohoto
        dokladu nelze žádost", "Sin este documento no se puede la solicitud…"; in German and
        Dutch a modal alone after the last comma, "Gemeenten die niet tijdig rapporteren,
        kunnen").

    Why it matters:
        MT with a length limit, or a pipeline that drops the end of a long segment, leaves
        sentences cut off; the reader loses the rest of the sentence and the meaning with it.

    Example:
        ``The minister said that the talks would resume between the`` → flags the sentence.
    """
    if segment.kind not in {"paragraph", "list-item", "unit", "line"} or not sentences:
        return ()
    hits: list[Hit] = []
    # One search for both tests below (a full stop right after a word of either list): it
    # finds nothing in nearly every segment.
    stops = _stop_search(ctx.lang)
    if stops is not None and stops.search(segment.text):
        hits = _cut_before_stop(segment, sentences, ctx)
        if ", " in segment.text:
            hits = [*hits, *(h for h in _dangling_join(segment, sentences, ctx)
                             if all(h.start != x.start for x in hits))]
    text = segment.text.rstrip()
    if not text:
        return hits
    if text[-1] in _FINAL:
        if text.endswith(("..", "…")) and _ELLIPSIS_END.search(text, len(text) - 4):
            return [*hits, *(_cut_before_ellipsis(text, sentences, ctx)
                             or _trailing_relative(text, sentences, ctx)
                             or _modal_without_verb(text, sentences, ctx)
                             or _subordinate_at_end(segment, sentences, ctx)
                             or _before_last_verb(segment, sentences, ctx))]
        return hits
    words = never_final_words(ctx.lang)
    if not words and (particles := _never_final_characters(ctx.lang)):
        return [*hits, *(_cut_after_particle(text, sentences, particles,
                                             _never_final_endings(ctx.lang))
                         or _unfinished_prose(segment, sentences))]
    if not words:
        ctx.note_once(f"TQ205:{ctx.data.lang}",
                      f"TQ205: no truncation data for language {ctx.lang!r}; check skipped")
        return hits
    last = sentences[-1]
    m = _LAST_WORD.search(text)
    if m is not None and _paired_end(text, m, ctx.lang):
        pass  # "… will be determined according to": a compound preposition without its object
    elif m is not None and m.group(1).casefold() not in words:
        # A preposition of two words that ends on its noun ("со стороны", "ze strany").
        m = _LAST_TWO_WORDS.search(text, max(0, len(text) - 80)) if _has_phrases(words) else None
        if m is not None and " ".join(m.group(1).split()).casefold() not in words:
            m = None
    if m is None:
        return [*hits, *(_cut_in_prose(segment, text, sentences, ctx)
                         or _trailing_relative(text, sentences, ctx)
                         or _modal_without_verb(text, sentences, ctx)
                         or _subordinate_at_end(segment, sentences, ctx)
                         or _before_last_verb(segment, sentences, ctx)
                         or _unfinished_prose(segment, sentences)
                         or _verbless_prose_end(segment, sentences, ctx))]
    if len(last.text.split()) < 4:
        return hits
    if _capitalised_mid_sentence(m.group(1), last.text):
        return hits  # "Tenri University team A", "Plan B": a label, not the article
    if _stranded(ctx.lang, m.group(1), text[last.start:m.start(1)]):
        return hits  # "… tell me which tram I should get into": the question word took its object
    if MASK in text[m.end(1):]:
        return hits  # "… und »%.250s«": a placeholder after the word completes the sentence
    if text[-1] in _BREAK_OFF:
        # "… подготовить к –", "… der –": a dash after the word marks speech broken off, the
        # way transcripts and dialogue write an interruption: no evidence of a lost end.
        return [*hits, Hit(last.start, last.end, f"sentence cut off after '{m.group(1)}' "
                           "(the dash marks speech broken off?)", severity=Severity.INFO)]
    return [*hits, Hit(last.start, last.end, f"sentence cut off after '{m.group(1)}'")]


#: Marks that end a sentence, before a paragraph's last one: the paragraph is prose.
_SENTENCE_END = frozenset(".!?…。！？؟")
#: Marks inside a sentence that join its clauses: a long sentence with one is prose.
_CLAUSE_MARKS = frozenset(",،，、;؛")
#: Words a sentence's last one holds at least, to be read as prose that stops mid-clause.
_PROSE_MIN_WORDS = 6
#: Words a paragraph of one sentence holds at least, with a comma, to be read as prose.
_PROSE_LONE_WORDS = 9
#: Words a last sentence that stops on a modal or auxiliary waiting for its verb holds at
#: least, after a sentence that ends in a mark (the fewest that TQ205 reads anywhere); a word
#: of ``rarely_final`` needs six (a particle ends a review's line: "Staff helped us check in").
_PROSE_CUT_WORDS = 4


def _prose_end(segment: Segment, sentences: list[Sentence], least: int = _PROSE_MIN_WORDS) -> bool:
    """Is the end of ``segment`` the end of a paragraph of prose, not a heading, caption, label,
    list item or chat line that may stop without punctuation?  A paragraph (not a list item,
    table cell, heading or unit) whose last sentence has six words or more, after a sentence
    that ends in a full stop, question or exclamation mark, or, alone, of nine words or more
    with a comma between its clauses; not in title case (most words capitalised: a headline).
    ``least``: the words the last sentence holds at least (four where the word it stops on
    ends no sentence of prose: a modal waiting for its verb)."""
    if segment.kind != "paragraph":
        return False
    last = sentences[-1].text
    words = last.split()
    if len(words) < least:
        return False
    cased = [w for w in words if w[:1].isalpha() and (w[0].isupper() or w[0].islower())]
    if cased and sum(w[0].isupper() for w in cased) * 2 > len(cased):
        return False  # "Stocks Fall As Investors Pull Back From": a headline in title case
    if len(sentences) > 1 and sentences[-2].text.rstrip()[-1:] in _SENTENCE_END:
        return True
    return len(words) >= _PROSE_LONE_WORDS and any(c in last for c in _CLAUSE_MARKS)


@functools.cache
def _rarely_final(lang: str | None) -> tuple[frozenset[str], int]:
    """The words that end a sentence only in some uses in ``lang`` (``rarely_final``: a
    preposition that may be a particle, a subordinator), with the most words one holds."""
    words = table_words("truncation.toml", "rarely_final", lang)
    return words, max((len(w.split()) for w in words), default=0)


@functools.cache
def _before_verb(lang: str | None) -> frozenset[str]:
    """The words of ``lang`` that always stand before their verb (``before_verb``: Russian
    "не", Spanish "se", English "to")."""
    return table_words("truncation.toml", "before_verb", lang)


@functools.cache
def _elided_after(lang: str | None) -> frozenset[str]:
    """The words after which a word of ``before_verb`` may end a sentence, its verb phrase left
    out (``elided_after``: English "have" of "… won't have to")."""
    return table_words("truncation.toml", "elided_after", lang)


@functools.cache
def _prose_final(lang: str | None) -> tuple[frozenset[str], int]:
    """The words of :func:`_rarely_final` with those of :func:`_before_verb`: a paragraph of
    prose ends on none."""
    words, most = _rarely_final(lang)
    return words | _before_verb(lang), max(most, 1)


@functools.cache
def _rarely_final_endings(lang: str | None) -> tuple[str, ...]:
    """Endings of a word that ends no sentence (``rarely_final_endings``: Korean 를, 에서)."""
    from tqcheck.datapack import builtin_table

    return tuple(builtin_table("truncation.toml").get("rarely_final_endings", {})
                 .get(lang or "", ()))



def _cut_in_prose(segment: Segment, text: str, sentences: list[Sentence], ctx: CheckContext
                  ) -> list[Hit]:
    """A paragraph of prose (:func:`_prose_end`) that stops without final punctuation on a
    word that ends a sentence only in some uses (``rarely_final``: "… while SK Hynix shares
    fell by", "… delivered by PostNL or DHL within"), or on a comma ("… and for other groups,"):
    cut off.  A question or relative word before it may have taken the preposition's object
    ("what it is made from": ``stranding``'s openers)."""
    last = sentences[-1]
    if text[-1] in _CLAUSE_MARKS and text[-1] not in ";؛":
        if not _prose_end(segment, sentences):
            return []
        if source_in_view(segment):
            return [Hit(last.start, last.end, "sentence cut off after a comma: the paragraph "
                        "stops in mid-sentence")]
        if len(sentences) == 1:
            return []
        # A line of a transcript, or of text split one clause per line, ends on a comma as
        # often as a cut one (a human reference of WMT23 does); the source shows which (then
        # the mirror test reads it): without it, info.
        return [Hit(last.start, last.end, "sentence cut off after a comma? (the paragraph stops "
                    "on one; a transcript may go on in the next line)", severity=Severity.INFO)]
    if (opened := _unclosed_at_end(last.text)) and _prose_end(segment, sentences):
        return [Hit(last.start, last.end, f"sentence cut off after an opening '{opened}': the "
                    "paragraph stops in mid-sentence, before its close")]
    if (ctx.lang == "en" and _POSSESSIVE_END.search(text, max(0, len(text) - 40))
            and not _capitalised_mid_sentence(LETTERS.findall(text[-40:])[-2], last.text)
            and _prose_end(segment, sentences)):
        return [Hit(last.start, last.end, "sentence cut off after a possessive: the paragraph "
                    "stops before the noun it qualifies")]
    if hits := _cut_after_complementizer(segment, text, sentences, ctx):
        return hits
    waiting = _LAST_WORD.search(text, max(0, len(text) - 40))
    if (waiting is not None and waiting.end() == len(text)
            and waiting.group(1).casefold() in _waiting_verbs(ctx.lang)
            and not _capitalised_mid_sentence(waiting.group(1), last.text)
            and _prose_end(segment, sentences, _PROSE_CUT_WORDS)
            and not _subordinate_clause(ctx, text[last.start:waiting.start(1)])):
        return [Hit(last.start, last.end, f"sentence cut off after '{waiting.group(1)}': the "
                    "paragraph stops on a modal or auxiliary, before the verb it waits for")]
    words, most = _prose_final(ctx.lang)
    endings = _rarely_final_endings(ctx.lang)
    if not words and not endings:
        return []
    # A word that always stands before its verb ("… we decided to", "… les syndicats ne")
    # is no particle that ends a review's short line ("Staff helped us check in"): four words.
    final = (LETTERS.findall(text[-40:]) or [""])[-1].casefold()
    least = _PROSE_CUT_WORDS if final in _before_verb(ctx.lang) else _PROSE_MIN_WORDS
    tail = text[max(0, len(text) - 60):]
    if not tail[-1:].isalpha():
        return []
    found = LETTERS.findall(tail)[-max(most, 1):]
    word = next((" ".join(found[i:]) for i in range(len(found))
                 if " ".join(found[i:]).casefold() in words), None)
    if word is None and found and endings:
        # Korean "… 서비스를": a particle or connective ending written onto the last word.
        word = next((found[-1] for e in endings
                     if found[-1].endswith(e) and len(found[-1]) > len(e)), None)
    if word is None or _capitalised_mid_sentence(word, last.text) \
            or not _prose_end(segment, sentences, least):
        return []
    if len(found) > 1 and found[-2].casefold() in _elided_after(ctx.lang):
        return []  # "… I hope I won't have to": the verb phrase after "to" is left out
    _, openers = _stranding(ctx.lang)
    before = WORD.findall(last.text)[:-1]
    if not openers.isdisjoint(w.casefold() for w in before):
        return []  # "… what the bridge is made from": the question word took its object
    if MASK in text[len(text) - len(word):]:
        return []
    return [Hit(last.start, last.end, f"sentence cut off after '{word}': the paragraph stops "
                "in mid-sentence, on a word that ends a sentence only in some uses")]


def _cut_after_complementizer(segment: Segment, text: str, sentences: list[Sentence],
                              ctx: CheckContext) -> list[Hit]:
    """A paragraph whose last sentence, after a statement, stops on a complementizer
    (``complementizers``: "that", "dass", "что", "que") right after a comma or a speech verb
    (``speech_verbs``), with no punctuation after it: the reported clause was cut off ("The
    minister said that", "Министр заявил, что")."""
    if segment.kind != "paragraph" or len(sentences) < 2 \
            or sentences[-2].text.rstrip()[-1:] not in _SENTENCE_END:
        return []
    m = _LAST_WORD.search(text, max(0, len(text) - 60))
    if m is None or m.end() != len(text):
        return []
    word = m.group(1)
    if word.casefold() not in {w.casefold() for w in ctx.data.words("structure", "complementizers")}:
        return []
    last = sentences[-1]
    before = text[last.start:m.start(1)].rstrip()
    words = WORD.findall(before)
    if len(words) < 2 or word[0].isupper():
        return []
    speech = ctx.data.words("structure", "speech_verbs")
    if not (before.endswith(",") or words[-1].casefold() in speech):
        return []
    # English "that" and Dutch "dat" are demonstratives too ("I never said that"): info.
    weak = not before.endswith(",") and word.casefold() in _DEMONSTRATIVE_COMPLEMENTIZERS
    return [Hit(last.start, last.end, f"sentence cut off after '{word}': the paragraph stops "
                "before the clause it introduces",
                severity=Severity.INFO if weak else None)]


#: Complementizers spelt like a demonstrative pronoun, which may end a sentence.
_DEMONSTRATIVE_COMPLEMENTIZERS = frozenset({"that", "dat"})


#: Marks that make a last sentence something else than a run of words (a quote, a label and its
#: value, an aside, a list with commas).
_NOT_IN_RUN = frozenset(",;:\"'“”«»„()[]/|#@&+=%،؛，、；：")


def _verbless_prose_end(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                        ) -> list[Hit]:
    """A paragraph of prose (:func:`_prose_end`) whose last sentence, six words or more, is a run
    of words with no finite verb (the verb test of TQ201's phrases), no punctuation inside and
    none at its end: a list, or a heading and its items, run into the text ("Documentación
    necesaria DNI o NIE certificado de empadronamiento justificante de ingresos"), or a
    sentence cut before its verb (info).  Not in English, whose verb test misses verbs, nor
    across a line break."""
    if ctx.data.get("structure", "fragment_openers"):
        return []  # English: its verb test (a list and "-ed") misses "like", "ask"
    last = sentences[-1]
    body = last.text.rstrip()
    if not body[-1:].isalpha() or "\n" in body or any(c in body for c in _NOT_IN_RUN) or any(
            c.isdigit() for c in body):
        return []
    if len(sentences) < 2 or not _prose_end(segment, sentences):
        return []  # (a statement before it: a line of its own may be a headline or caption)
    words = WORD.findall(body)
    english = bool(ctx.data.get("structure", "fragment_openers"))
    if not _verbless_words(words, 0, ctx, english):
        return []
    return [Hit(last.start, last.end, "the paragraph ends in a run of words without a verb or "
                "final punctuation (a list or heading run into the text, or a sentence cut off?)",
                severity=Severity.INFO)]


#: An English paragraph that ends on a possessive: "… to exceed last year's".
_POSSESSIVE_END = re.compile(r"[^\W\d_]{2}['’]s$")
#: Opening brackets and quotes with the marks that close them.
_PAIRS = (("(", ")"), ("[", "]"), ("«", "»"), ("„", "“”"), ("「", "」"), ("《", "》"), ("“", "”"))


def _unclosed_at_end(sentence: str) -> str:
    """The opening bracket or quote that ``sentence`` (the last of a paragraph, without final
    punctuation) leaves open before its last few words ("… the retirement age to (", "… the
    option "Network and"): empty where none.  An English “ is German's close after „."""
    for o, closes in _PAIRS:
        i = sentence.rfind(o, max(0, len(sentence) - 40))
        if i < 0 or any(c in sentence[i + 1:] for c in closes) or not _opens_at(sentence, i):
            continue
        if o == "“" and "„" in sentence:
            continue
        if len(sentence[i + 1:].split()) <= 4:
            return o
    if sentence.count('"') % 2:
        i = sentence.rfind('"')
        if (i >= len(sentence) - 40 and _opens_at(sentence, i)
                and 0 < len(sentence[i + 1:].split()) <= 4):
            return '"'
    return ""


def _opens_at(text: str, i: int) -> bool:
    """Does the mark at ``i`` open (after a space or the start), rather than close what a line
    before opened (German "… erreichen.“", a quotation's last line)?"""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{"


#: A paragraph that ends in an ellipsis right after a word: "… shares fell by...".
_ELLIPSIS_END = re.compile(r"[^\W\d_](?:\.{2,}|…)$")


@functools.cache
def _before_final_ellipsis(lang: str | None) -> frozenset[str]:
    return table_words("truncation.toml", "before_final_ellipsis", lang)


def _paired_end(text: str, m: re.Match[str], lang: str | None) -> bool:
    """Does ``text`` end (``m``: its last word) on a word of ``paired_before_stop`` after one of
    its words before ("according to", "an den")?"""
    _, paired, before = _before_stop(lang)
    if m.group(1).casefold() not in paired:
        return False
    prev = _LAST_WORD.search(text, 0, m.start(1))
    return prev is not None and prev.group(1).casefold() in before


def _cut_before_ellipsis(text: str, sentences: list[Sentence], ctx: CheckContext) -> list[Hit]:
    """A paragraph whose last sentence (four words or more) trails off in an ellipsis right after
    a word that never ends a sentence (``never_final``, ``before_final_ellipsis``: "… SK Hynix
    shares fell by...", "…
    delivered by PostNL within…"): the end was cut and the cut marked.  After a conjunction
    ("and then…") speech trails off on purpose as often: info."""
    words = never_final_words(ctx.lang) | _before_final_ellipsis(ctx.lang) | \
        _waiting_verbs(ctx.lang)
    body = text.rstrip(".…")
    m = _LAST_WORD.search(body)
    last = sentences[-1]
    if m is None or not (words or _prose_final(ctx.lang)[0]) or len(last.text.split()) < 4:
        return []
    word = m.group(1)
    folded = word.casefold()
    # A word of ``rarely_final`` or ``before_verb`` ("… если…", "… because…", "… не…") after
    # a sentence that ends in a mark: the paragraph is prose, and what the word waits for was
    # lost (info, below).
    rare = folded in _prose_final(ctx.lang)[0] and len(sentences) > 1 and \
        sentences[-2].text.rstrip()[-1:] in _SENTENCE_END
    if (folded not in words and not rare and not _paired_end(body, m, ctx.lang)) \
            or _capitalised_mid_sentence(word, last.text):
        return []
    if _stranded(ctx.lang, word, text[last.start:m.start(1)]) or (
            folded not in never_final_words(ctx.lang) and not _stranding(ctx.lang)[1].isdisjoint(
                w.casefold() for w in WORD.findall(text[last.start:m.start(1)]))):
        return []  # "… which tram I should get into…", "… what it is made from…"
    if folded in _waiting_verbs(ctx.lang) and _subordinate_clause(ctx, text[last.start:m.start(1)]):
        return []  # "Wir tun, was wir können…", "dès qu'il peut…": the clause ends on its verb
    # After a conjunction ("and then…") speech trails off on purpose as often, and a word of
    # ``before_final_ellipsis`` may be a verb's particle ("Come in, come in…"): info.
    weak = folded in {w.casefold() for w in ctx.data.words("coordinators")} or (
        folded not in never_final_words(ctx.lang) and not _paired_end(body, m, ctx.lang))
    return [Hit(last.start, last.end, f"sentence cut off after '{word}' (the ellipsis marks "
                "the cut?)", severity=Severity.INFO if weak else None)]


#: Languages that set every relative clause off with commas (German, Slavic): a noun, a
#: comma and a relative clause that runs to the end without a second comma has no main clause.
_COMMA_RELATIVES = frozenset({"de", "ru", "uk", "pl", "cs", "sk", "bg", "hr", "sr", "sl", "be"})
#: Negations and short adverbs inside a verb group ("have not yet submitted", "n'ont pas
#: encore envoyé"): read through when the finite verbs of a relative clause are counted.
_INSIDE_VERB_GROUP = frozenset({
    "not", "never", "yet", "already", "still", "also", "just", "pas", "plus", "jamais", "encore",
    "déjà", "toujours", "aussi", "no", "nunca", "todavía", "aún", "ya", "también", "non", "mai",
    "ancora", "già", "anche", "não", "ainda", "já", "também", "niet", "nooit", "nog",
    "al", "ook", "nicht", "nie", "noch", "schon", "bereits", "auch", "не", "ещё", "еще", "уже",
    "ні", "ще", "вже", "лише", "jeszcze", "już", "też", "ještě", "již", "už", "také", "لا",
    "لم", "لن", "قد", "לא", "כבר", "עדיין", "δεν", "μην", "ήδη", "ακόμα"})


@functools.cache
def _infinitive_modals(lang: str | None) -> tuple[frozenset[str], re.Pattern[str] | None, bool]:
    """The modals of ``lang`` that take an infinitive, the infinitive's ending and whether only
    a modal alone after a comma counts (``infinitive_modals`` of ``truncation.toml``)."""
    from tqcheck.datapack import builtin_table

    data = builtin_table("truncation.toml").get("infinitive_modals", {}).get(lang or "", {})
    ending = data.get("infinitive")
    return (frozenset(data.get("words", ())), re.compile(ending) if ending else None,
            bool(data.get("lone")))


#: Words after a modal in a clause that lost its infinitive, at most.
_MODAL_TAIL_WORDS = 6


def _modal_without_verb(text: str, sentences: list[Sentence], ctx: CheckContext) -> list[Hit]:
    """A prose paragraph whose last sentence, without final punctuation or in a closing
    ellipsis, has a modal that takes an infinitive (``infinitive_modals``) and one to six words
    after it, none an infinitive and no comma among them ("Bez tohoto dokladu nelze žádost…"),
    or, in German and Dutch, a modal alone after its last comma ("Gemeenten die niet tijdig
    rapporteren, kunnen…"): the verb was lost.  Not in a clause with a subordinator or
    comparison word, which a modal may end elliptically.  Info."""
    modals, infinitive, lone = _infinitive_modals(ctx.lang)
    if not modals or len(sentences) < 2 or sentences[-2].text.rstrip()[-1:] not in _SENTENCE_END:
        return []
    last = sentences[-1]
    body = last.text.rstrip().rstrip(".…").rstrip()
    clause = body.rsplit(",", 1)
    words = WORD.findall(clause[-1])
    if lone:
        if len(clause) < 2 or len(words) != 1 or words[0].casefold() not in modals \
                or len(WORD.findall(body)) < 4:
            return []
        at = 0
    else:
        at = next((i for i in range(len(words) - 1, -1, -1) if words[i].casefold() in modals), -1)
        tail = words[at + 1:]
        if at < 0 or not 1 <= len(tail) <= _MODAL_TAIL_WORDS or infinitive is None or any(
                infinitive.search(w.casefold()) for w in tail):
            return []
        if _subordinate_clause(ctx, clause[-1][:clause[-1].find(words[at])]):
            return []
    return [Hit(last.start, last.end, f"sentence cut off: the modal '{words[at]}' has no verb "
                "after it (the rest lost?)", severity=Severity.INFO)]


def _subordinate_at_end(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                        ) -> list[Hit]:
    """A paragraph whose last sentence, without final punctuation or in a closing ellipsis,
    after a sentence that ends in a mark, is a subordinate or relative clause of four words or
    more standing alone: it opens with one of the language's ``clause_openers`` ("Если",
    "Weil", "Lorsque") and holds no comma, colon or dash after which its main clause could
    follow, nor a correlative that opens one ("Если заявитель не представит документы
    вовремя…"): the main clause was lost (info).  Not in English, which often sets no comma
    after a leading clause ("When we arrived the shop was closed")."""
    if segment.kind != "paragraph" or len(sentences) < 2 or ctx.data.get(
            "structure", "fragment_openers") or sentences[-2].text.rstrip()[-1:] not in _SENTENCE_END:
        return []
    clauses = _clause_openers(ctx)
    last = sentences[-1]
    body = last.text.rstrip().rstrip(".…").rstrip()
    if clauses is None or len(body.split()) < 4 or "\n" in body:
        return []
    m = clauses.match(body)
    if not m or _CLAUSE_BREAK.search(body, m.end() if "," in m.group() else 0) or any(
            d in body for d in ("—", " – ", " - ")):
        return []
    if (correlatives := _correlatives(ctx)) is not None and correlatives.search(body):
        return []
    return [Hit(last.start, last.end, f"sentence cut off: '{body[:m.end()].strip()} …' opens a "
                "subordinate clause and the paragraph stops before its main clause (the rest "
                "lost?)", severity=Severity.INFO)]


@functools.cache
def _verb_final(lang: str | None) -> bool:
    """Does ``lang`` put its finite verb last (``verb_final`` of ``truncation.toml``)?"""
    from tqcheck.datapack import builtin_table

    return (lang or "").split("-")[0] in builtin_table("truncation.toml").get(
        "verb_final", {}).get("languages", ())


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _before_last_verb(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                      ) -> list[Hit]:
    """A paragraph of prose (:func:`_prose_end`) in a language that puts its verb last
    (``verb_final``: Turkish, Persian, Korean) whose last sentence stops, without final
    punctuation or in a closing ellipsis, on a word that reads as no finite verb
    (``verb_pattern``, which errs toward a verb): "… Yeni kurallar bütün çalışanlar ve
    yöneticiler": the verb was cut off (info)."""
    if not _verb_final(ctx.lang) or len(sentences) < 2:
        return []
    pattern = ctx.data.get("structure", "verb_pattern")
    last = sentences[-1]
    body = last.text.rstrip().rstrip(".…")
    if not pattern or not body[-1:].isalpha() or not _prose_end(segment, sentences):
        return []
    word = (LETTERS.findall(body[-40:]) or [""])[-1].casefold()
    if not word or _compiled(pattern).search(word) or word in _main_clause_verbs(ctx.lang):
        return []
    return [Hit(last.start, last.end, f"sentence cut off after '{word}': the paragraph stops "
                "before the verb that ends a sentence in this language (the rest lost?)",
                severity=Severity.INFO)]


#: An elided article, pronoun or negation before a word ("n'ont", "l'hanno").
_ELIDED = re.compile(r"^[^\W\d_]{1,2}['’](?=\w)")


def _trailing_relative(text: str, sentences: list[Sentence], ctx: CheckContext) -> list[Hit]:
    """A prose paragraph whose last sentence, without final punctuation or in a closing
    ellipsis, is a noun phrase and a relative clause that runs to the end, with no main clause:
    "… 2026. Applicants who have not submitted their documents…", "Заявители, которые не
    представили документы…", "Les demandeurs qui n'ont pas envoyé leurs documents".  The noun
    phrase is one to five words (English four) without a verb, after an article or determiner
    where the language has them (``determiners``), or one noun alone; the relative word is one
    of ``relatives`` (``structure.toml``).  Where the language sets every relative clause off
    with commas (German, Slavic) the clause holds no second comma; elsewhere it holds no comma
    and a single run of finite verbs (the relative clause's own).  Info: speech trails off too."""
    if len(sentences) < 2 or sentences[-2].text.rstrip()[-1:] not in _SENTENCE_END:
        return []
    last = sentences[-1]
    body = last.text.rstrip().rstrip(".…").rstrip()
    relatives = _relatives(ctx.lang)
    if not relatives or (ctx.data.has_case and not body[:1].isupper()) or any(
            c in body for c in _NOT_IN_CLAUSE):
        return []
    tokens = WORD.findall(body)
    rel = next((i for i, w in enumerate(tokens[:_NOUN_HEAD_WORDS[1] + 1])
                if i and w.casefold() in relatives), 0)
    if not rel or len(tokens) < rel + 3:
        return []
    head = tokens[:rel]
    english = bool(ctx.data.get("structure", "fragment_openers"))
    if english and len(head) > _ENGLISH_HEAD_WORDS:
        return []
    from tqcheck.langid import function_words

    determiners = _determiners(ctx.lang)
    first = head[0].casefold()
    if len(head) == 1:
        # One noun alone ("Заявители, которые …"): no pronoun or function word, and no verb
        # test (the endings of nouns in "-тели" read as verbs).
        if first in _sentence_opener_words(ctx.lang) or first in function_words(
                ctx.data.lang or "") or first in determiners:
            return []
    elif determiners and first not in determiners:
        return []  # "Ich hatte Probleme, die …": a pronoun or verb opens a main clause
    elif not (untested := not english and not _verb_test(ctx)) and not _verbless_words(
            head, 0, ctx, english):
        return []
    elif untested and len(head) != 2:
        return []  # without a verb test, only an article and its noun ("Οι δικαιούχοι")
    if ctx.data.get("capitalized_nouns") and not head[-1][:1].isupper():
        return []  # German: the noun ends the phrase
    if _first_word_opens(head[0], ctx):
        return []
    if tokens[rel + 1].casefold() in _main_clause_verbs(ctx.lang):
        return []  # "…, das ist …": a demonstrative and a verb, a main clause
    rel_at = body.find(tokens[rel], len(" ".join(head)) - 1)
    commas = body.count(",")
    comma_language = (ctx.lang or "").split("-")[0] in _COMMA_RELATIVES
    rest = [_ELIDED.sub("", w) for w in tokens[rel + 1:]]
    rest = [w for w in rest if w.casefold() not in _INSIDE_VERB_GROUP]
    if ctx.data.get("capitalized_nouns") and rest and rest[0][:1].isupper():
        return []  # "Die Farbe, das Muster und der Stoff": an article and its noun
    if commas:
        if commas != 1 or not body[:rel_at].rstrip().endswith(","):
            return []
        if _verb_groups(rest, ctx) < 1:
            return []  # no verb after the relative word: a list, not a clause
    elif comma_language:
        return []
    elif not english and not _verb_test(ctx):
        # No verb test ("Οι δικαιούχοι που δεν έχουν…"): a relative clause of one or two
        # words after its negation is its verb and perhaps one object, with no room for a
        # main clause's verb as well.
        if not 1 <= len(rest) <= _UNTESTED_CLAUSE_WORDS:
            return []
    elif _verb_groups(rest, ctx) > 1:
        return []
    return [Hit(last.start, last.end, f"sentence cut off: '{' '.join(head)} {tokens[rel]} …' "
                "is a noun and a relative clause with no main clause (the rest lost?)",
                severity=Severity.INFO)]


#: Words of a relative clause after its relative word, at most, that
#: :func:`_trailing_relative` reads as the whole sentence where the language has no verb test.
_UNTESTED_CLAUSE_WORDS = 2


def _verb_test(ctx: CheckContext) -> bool:
    """Does the language of ``ctx`` have a test for finite verbs besides English's
    (``verb_pattern`` with the phrase data of TQ201, or capitalised nouns)?"""
    data = _phrase_data(ctx)
    return data is not None and (data.verb is not None or data.capitalized_nouns)


@functools.cache
def _verb_final_openers(lang: str | None) -> frozenset[str]:
    """The words that open a clause with its finite verb last (``verb_final_clauses``)."""
    return table_words("truncation.toml", "verb_final_clauses", lang)


@functools.cache
def _waiting_verbs(lang: str | None) -> frozenset[str]:
    """The modals and auxiliaries of ``lang`` that wait for their infinitive or participle
    (``waiting_verbs`` of ``truncation.toml``)."""
    return table_words("truncation.toml", "waiting_verbs", lang)


@functools.cache
def _modal_ellipsis(lang: str | None) -> frozenset[str]:
    """The words after which a modal may end a clause elliptically (``modal_ellipsis``)."""
    return table_words("truncation.toml", "modal_ellipsis", lang)


#: An elided French subordinator or relative ("qu'il", "lorsqu'on").
_ELIDED_SUBORDINATOR = re.compile(r"(?<!\w)(?:qu|lorsqu|puisqu|quoiqu)['’]", re.IGNORECASE)


def _subordinate_clause(ctx: CheckContext, before: str) -> bool:
    """Does the last clause of ``before`` (after its last comma, or the whole) hold a
    subordinator or relative word (``verb_final_clauses``, ``complementizers``, ``relatives``,
    the one-word ``clause_openers``, ``modal_ellipsis``): a clause that a modal may end
    elliptically ("dès qu'il
    peut"), or whose verb comes last in German and Dutch ("Wir tun, was wir können", "We doen
    wat we kunnen")?  An article of the same spelling reads so too: no finding rather than a
    false one.  Not the prepositions of ``rarely_final`` ("The changes in the rules will")."""
    words = (_verb_final_openers(ctx.lang) | _relatives(ctx.lang)
             | {w.casefold() for w in ctx.data.words("structure", "complementizers")}
             | {w.casefold() for w in _structure_words(ctx, "clause_openers") if " " not in w}
             | _modal_ellipsis(ctx.lang))
    clause = before.rsplit(",", 1)[-1]
    return (not words.isdisjoint(w.casefold() for w in WORD.findall(clause))
            or _ELIDED_SUBORDINATOR.search(clause) is not None)


@functools.cache
def _stranding(lang: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The prepositions a question word or relative may leave at a sentence's end in ``lang``,
    and those words (``truncation.toml``, ``stranding``); empty without data."""
    from tqcheck.datapack import builtin_table

    data = builtin_table("truncation.toml").get("stranding", {}).get(lang or "", {})
    return frozenset(data.get("prepositions", ())), frozenset(data.get("openers", ()))


def _stranded(lang: str | None, word: str, before: str) -> bool:
    """Whether ``word`` (a sentence's last) is a preposition stranded by a question word or
    relative earlier in the sentence (``before``): "which tram I should get into"."""
    prepositions, openers = _stranding(lang)
    return word.casefold() in prepositions and not openers.isdisjoint(
        w.casefold() for w in WORD.findall(before))


@functools.lru_cache(maxsize=64)
def _never_final_characters(lang: str | None) -> str:
    """Particles that never end a sentence in a language written without spaces
    (``never_final_characters`` of ``truncation.toml``: Japanese を に が, Chinese 的 和)."""
    from tqcheck.datapack import builtin_table

    table = builtin_table("truncation.toml").get("never_final_characters", {})
    return str(table.get(lang or "", ""))


#: Characters a sentence of Chinese or Japanese prose holds at least, to be read as one (not a
#: heading or a label) when it ends on a particle.
_CJK_SENTENCE = 8


@functools.cache
def _never_final_endings(lang: str | None) -> tuple[str, ...]:
    """Words of two characters or more that end no sentence in a language written without
    spaces (``never_final_endings`` of ``truncation.toml``: Chinese 以及, Japanese について)."""
    from tqcheck.datapack import builtin_table

    table = builtin_table("truncation.toml").get("never_final_endings", {})
    return tuple(table.get(lang or "", ()))


def _cut_after_particle(text: str, sentences: list[Sentence], particles: str,
                        endings: tuple[str, ...] = ()) -> list[Hit]:
    """A paragraph of Chinese or Japanese prose (a sentence before the last one ends in 。, or the
    last one holds a comma) whose last sentence stops on a particle that always has more after
    it, or on a conjunction or preposition of ``never_final_endings`` (以及, について): cut
    off."""
    last = sentences[-1]
    end = text[-1] if text[-1] in particles else next(
        (e for e in endings if text.endswith(e)), "")
    if not end or len(last.text) < _CJK_SENTENCE:
        return []
    if not (("、" in last.text or "，" in last.text)
            or (len(sentences) > 1 and sentences[-2].text.endswith(("。", "！", "？")))):
        return []  # a heading or a label, not a sentence of prose
    return [Hit(last.start, last.end, f"sentence cut off after '{end}'")]


#: Characters of a Japanese paragraph's last sentence that :func:`_unfinished_prose` reads (and
#: of the sentence before a Chinese or Japanese fragment, TQ201).
_UNFINISHED_MIN_CHARACTERS = 8


def _unfinished_prose(segment: Segment, sentences: list[Sentence]) -> list[Hit]:
    """A paragraph of Japanese prose whose last sentence, after one that ends in 。, stops on a
    case or topic particle with no punctuation at all ("…審査結果は30日以内に書面で"): the verb
    it waits for was cut off (info); so is one that stops on a noun and the genitive の
    ("…政府が追加の"): the noun it qualifies was.  (A last sentence without its stop in other languages is
    as often a review's or a chat's style as a cut: human references of WMT23 end so.)"""
    if segment.kind != "paragraph" or len(sentences) < 2:
        return []
    last, prev = sentences[-1].text.rstrip(), sentences[-2].text.rstrip()
    if (len(last) < _UNFINISHED_MIN_CHARACTERS or not prev.endswith(("。", "！", "？"))
            or not _KANA.search(last) or len(last.split()) > 1):
        return []
    s = sentences[-1]
    if last[-1:] == "の" and _NOUN_BEFORE_NO.search(last[-2:-1]):
        # "…政府が追加の": a noun and the genitive の wait for the noun they qualify (the
        # explanatory の of speech follows a verb or adjective in kana: "行くの").
        return [Hit(s.start, s.end, "sentence cut off after 'の': the paragraph stops before "
                    "the noun it qualifies", severity=Severity.INFO)]
    if last[-1:] not in _PARTICLES_BEFORE_A_VERB:
        return []
    return [Hit(s.start, s.end, f"sentence cut off after the particle '{last[-1]}': the "
                "paragraph stops before the verb it waits for", severity=Severity.INFO)]


#: A Han character or katakana: a noun before a final の.
_NOUN_BEFORE_NO = re.compile("[\u3400-\u9fff\u30a0-\u30ff]")


#: Hiragana and katakana: Japanese text.
_KANA = re.compile("[\u3040-\u30ff]")
#: Japanese case and topic particles that always have a verb or predicate after them in a
#: finished sentence (で "by, at", に "to", は topic, が subject, を object, へ "toward").
_PARTICLES_BEFORE_A_VERB = "でにはがをへ"


def _capitalised_mid_sentence(word: str, sentence: str) -> bool:
    """A sentence's last word (never its first: four words or more) written with a capital in a
    sentence not all in capitals: a name or label ("team A", "Plan B", "Vitamin A"), not the
    function word of the same letters."""
    return word[:1].isupper() and not sentence.isupper()


#: Dashes that end an utterance broken off on purpose (``… и –``, ``… and-``).
_BREAK_OFF = frozenset("-‐‒–—―")


#: The last word of a sentence and its full stop (not an ellipsis, not after a hyphen or dot).
_WORD_BEFORE_STOP = re.compile(r"(?<![\w.'’-])([^\W\d_]+)\.$")


@functools.cache
def _before_stop(lang: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that never stand before a sentence's full stop in ``lang``
    (``never_before_stop``) with those that never do right after certain words
    (``paired_before_stop``: an article after a preposition, German "an den.", Portuguese "para
    o."; English "to" after "due", "according"), those words alone and the words before."""
    from tqcheck.datapack import builtin_table

    table = builtin_table("truncation.toml").get("paired_before_stop", {}).get(lang or "", {})
    articles = frozenset(w.casefold() for w in table.get("words", ()))
    prepositions = frozenset(w.casefold() for w in table.get("after", ()))
    words = never_before_stop_words(lang)
    return words | articles - words, articles - words, prepositions


@functools.cache
def _stop_after(words: frozenset[str]) -> re.Pattern[str]:
    """One search for a full stop (not an ellipsis) right after one of ``words`` (a whole word,
    not after a hyphen or dot), any case.  It starts at the full stop, a literal the regex
    engine finds fast, and looks behind it for the words, one fixed-width lookbehind per word
    length: the same matches as ``(?<![\\w.'’-])(?:words)\\.(?!\\.)``, which tried every
    word at every position of the text."""
    by_length: dict[int, list[str]] = {}
    for w in sorted(words):
        by_length.setdefault(len(w), []).append(re.escape(w))
    behind = "|".join(f"(?<=(?<![\\w.'’-])(?:{'|'.join(ws)})\\.)"
                      for _, ws in sorted(by_length.items(), reverse=True))
    return re.compile(rf"\.(?!\.)(?:{behind})", re.IGNORECASE)


#: The fewest words of a sentence that ends on a conjunction of one letter ("… y.", "… и.").
_LETTER_CONJUNCTION_WORDS = 6


@functools.cache
def _letter_labels() -> frozenset[str]:
    """The nouns that name a letter, an item or a type before a label of one letter
    (``letter_labels`` of ``truncation.toml``: "la letra y.", "vitamina e.", "пункт и.")."""
    from tqcheck.datapack import builtin_table

    return frozenset(w.casefold() for w in builtin_table("truncation.toml").get("letter_labels", ()))


def _conjunction_at_end(body: str, start: int) -> bool:
    """Is the word of one letter at ``start``, right before ``body``'s full stop, a conjunction
    that lost what it joined ("… después de la reunión del consejo y.") rather than a letter
    that labels something: a sentence of six words or more, and right before the letter a
    lower-case word of three letters or more that names no letter, item or type
    (:func:`_letter_labels`), with no comma, hyphen or bracket between them."""
    if len(body.split()) < _LETTER_CONJUNCTION_WORDS:
        return False
    before = re.search(r"([^\W\d_]+)\s+$", body[:start])
    if before is None:
        return False
    word = before.group(1)
    return len(word) >= 3 and word.islower() and word.casefold() not in _letter_labels()


def _cut_before_stop(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                     ) -> list[Hit]:
    """Sentences closed by a full stop right after a word that never ends one
    (``never_before_stop``: "… klicken Sie auf den Link zum.", "… обратитесь в службу на.").
    A list, not a generator: it is asked of every segment and finds nothing in nearly all."""
    words, articles, prepositions = _before_stop(ctx.lang)
    if not words or not _stop_after(words).search(segment.text):
        return []  # one search for most segments
    hits: list[Hit] = []
    for s in sentences:
        body = s.text.rstrip()
        if not body.endswith(".") or body.endswith(".."):
            continue
        m = _WORD_BEFORE_STOP.search(body)
        if m is None or m.group(1).casefold() not in words or len(body.split()) < 4:
            continue
        if len(m.group(1)) == 1 and m.group(1).casefold() not in articles and not (
                m.group(1).casefold() in ctx.data.words("coordinators")
                and _conjunction_at_end(body, m.start(1))):
            # a letter ("la letra y."), unless an article after a preposition or one of the
            # language's coordinators after a word ("… del consejo y."); a preposition of one
            # letter may end a label ("« B<=> » pour égal à." for "equal to.")
            continue
        if _capitalised_mid_sentence(m.group(1), body):
            continue
        if m.group(1).casefold() in articles:
            # An article that may also be a pronoun ("Ich kenne den."), after a preposition:
            # "… wenden Sie sich bitte an den." lost its noun; "… was due to." its object.
            before = _LAST_WORD.search(body, 0, m.start(1))
            if before is None or before.group(1).casefold() not in prepositions:
                continue
        hits.append(Hit(s.start, s.end, f"sentence cut off after '{m.group(1)}': it ends on a "
                        "word that never ends a sentence"))
    return hits



#: A comma, one or two words and a full stop (not an ellipsis) that ends a sentence.
_COMMA_TAIL = re.compile(r",\s+(?:([^\W\d_]+)\s+)?([^\W\d_]+)\.(?!\.)(?=[\"'”’»)\]]*(?:\s|$))")


@functools.cache
def _comma_tail(words: frozenset[str]) -> re.Pattern[str]:
    """A comma, then a word of ``words`` right before a full stop within two words: the cheap
    first test of :func:`_dangling_join`."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf",\s+(?:[^\W\d_]+\s+)?(?:{alternation})\.(?!\.)", re.IGNORECASE)


@functools.cache
def _clause_words(lang: str | None) -> frozenset[str]:
    """The words that never stand alone after a comma before a full stop in ``lang``."""
    return never_final_words(lang) | _rarely_final(lang)[0] | _relatives(lang)


@functools.cache
def _stop_words(lang: str | None) -> frozenset[str]:
    """The words of both searches for a full stop after a word (:func:`_cut_before_stop`,
    :func:`_dangling_join`): a text where none stands before a full stop needs neither."""
    return _before_stop(lang)[0] | _clause_words(lang)


@functools.cache
def _stop_search(lang: str | None) -> re.Pattern[str] | None:
    """The search for a full stop after a word of :func:`_stop_words` (None without any)."""
    words = _stop_words(lang)
    return _stop_after(words) if words else None


def _dangling_join(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                   ) -> list[Hit]:
    """Sentences that end on a comma and a clause's first word alone (", which.", ", for whom.",
    ", dass.", ", который."): a relative word, subordinator, conjunction or preposition of the
    truncation data or ``relatives`` with nothing after it — the clause it opened was lost."""
    words = _clause_words(ctx.lang)
    # A full stop right after one of the words first (a search that starts at the full stops),
    # then the comma before it: an alternation of the words tried at every comma costs more.
    if not words or not _stop_after(words).search(segment.text) \
            or not _comma_tail(words).search(segment.text):
        return []  # two searches for nearly every segment
    hits: list[Hit] = []
    for m in _COMMA_TAIL.finditer(segment.text):
        first, last = m.group(1), m.group(2)
        if last.casefold() not in words or len(last) < 2 or (
                first is not None and first.casefold() not in words):
            continue
        s = next((s for s in sentences if s.start <= m.start() < s.end), None)
        if s is None or len(s.text.split()) < 4 or _capitalised_mid_sentence(last, s.text):
            continue
        cut = m.group()[1:].strip()
        hits.append(Hit(s.start, s.end, f"sentence cut off after '{cut[:-1]}': a comma and the "
                        "first word of a clause, with nothing after them"))
    return hits


#: A paragraph that opens with an item number ("4. Follow the instructions …").
_LINE_ITEM = re.compile(r"(\d{1,2})[.)][ \t]")


#: A numbered list run into a line of text, its items without stops between them: "Contents of
#: delivery: 1. Device 2. Power cable 3. Instruction".
_INLINE_LIST = re.compile(r"(?<![\w.])1\.[ \t]+[^\W\d_][^.!?;\n\d]{0,60}?[ \t]2\.[ \t]+[^\W\d_]"
                          r"[^.!?;\n\d]{0,60}?[ \t]3\.[ \t]+[^\W\d_][^.!?;\n\d]{0,60}")


# (Each gate regex starts with a character, a fast scan: the inline list's with its "1", its
# lookbehind after it.)
@register("TQ206", "broken-numbering", Severity.WARNING, scope="segment",
          gate=Gate(re.compile(r"\)(?<=\w\))"),
                    more=(re.compile(r"\n\d{1,2}[.)][ \t]"), re.compile(r"\A\d{1,2}[.)][ \t]"),
                          re.compile(r"1(?<![\w.]1)\.[ \t]+[^\W\d_][^.!?;\n\d]{0,60}?[ \t]2\.[ \t]"))))
def find_broken_numbering(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                          ) -> Iterator[Hit]:
    """An inline numbered list that skips an item.

    What it does:
        Reads the item markers of a list written inside a paragraph (``1) … 2) … 3)`` or
        ``a) … b) …``; three markers or more, in increasing order from the first) and flags a
        marker that skips one number or letter (``1) … 2) … 4)``); so too in a list of
        paragraphs of plain text that each open with their number (``1.``, ``2.``, ``4.``;
        consecutive paragraphs, counted from 1; Markdown renumbers its own lists).  Where the source skips it
        too, the finding is the source's (info, the mirror test).

    Why it matters:
        MT that drops or merges a clause of an enumeration leaves a gap in its numbering: an
        item of the instructions is missing or glued to the one before.

    Example:
        ``Travellers should 1) contact the embassy, 2) register online, 4) follow the
        instructions.`` → flags ``4)``.

        A list numbered ``1.``, ``2.``, ``3.`` run into a line of text without a stop between
        its items ("Contents of delivery: 1. Device 2. Power cable 3. Instruction") is info:
        the list lost its lines.
    """
    if segment.kind == "paragraph" and "2." in segment.text:
        for m in _INLINE_LIST.finditer(segment.text):
            yield Hit(m.start(), m.end(), f"numbered list run into the text: '{m.group()}' "
                      "(its items belong on lines of their own)", severity=Severity.INFO)
    for prev, m in numbering_gaps(segment.text):
        missing = str(prev + 1) if m.group(1).isdigit() else chr(ord("a") + prev)
        yield Hit(m.start(), m.end(), f"list item {m.group()} follows item {prev}: item "
                  f"{missing}) is missing or glued to the one before")
    item = _LINE_ITEM.match(segment.text) if segment.kind == "paragraph" else None
    if item is None:
        return
    # A list of paragraphs, one item each ("1. …", "2. …", "4. …"), counted from 1 in the
    # paragraphs right before this one: the engine calls this check on the paragraphs that
    # open with a number, in order, so the list is the run of consecutive ones.
    n = int(item.group(1))
    last = ctx.state.get("TQ206.items")
    first = n
    if last is not None and last[0] == segment.index - 1 and n in (last[1] + 1, last[1] + 2):
        first = last[2]
        if n == last[1] + 2 and first == 1:
            yield Hit(0, item.end() - 1, f"list item {item.group().strip()} follows item "
                      f"{last[1]}: item {last[1] + 1} is missing or glued to the one before")
    ctx.state["TQ206.items"] = (segment.index, n, first)


#: Two words glued without a space where a line break or a space was lost, the second with its
#: capital: ``paymentApplicants``, ``оплатыЗаявители``.  Not a brand or identifier with a short
#: head (``iPhone``, ``eBay``) or an inner capital run (``macOS``).
_GLUED = re.compile(r"(?<![\w#@./\\-])([a-zß-öø-ÿа-яё]{3,})([A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]{2,})"
                    r"(?![\w(/@-])")


@register("TQ207", "glued-words", Severity.WARNING, scope="segment",
          gate=r"[A-ZÀ-ÖØ-ÞА-ЯЁ](?<=[a-zß-öø-ÿа-яё][A-ZÀ-ÖØ-ÞА-ЯЁ])", not_for=("po", "xliff"))
def find_glued_words(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                     ) -> Iterator[Hit]:
    """Two words of the language glued together, the second with its capital.

    What it does:
        Flags a token made of a lower-case word of three letters or more and a capitalised word
        (``proof of fee paymentApplicants under 18 …``) where both are words of the language's
        lexicon (languages with one): a line break or a space lost between the end of a list
        item or heading and what follows.  Brands and identifiers with a short head or inner
        capitals (``iPhone``, ``eBay``, ``macOS``), words in addresses, hashtags and handles,
        a call (``getItem(``) and translation units (software strings, where identifiers are
        common) are left alone.

    Why it matters:
        Extraction and MT pipelines drop the break between a list item or heading and the next
        line; the two words read as one misspelled word.

    Example:
        ``Required documents: identity card, proof of paymentApplicants under 18 must …`` →
        flags ``paymentApplicants``.
    """
    if segment.kind == "unit" or segment.source is not None:
        return
    words = lexicon_words(ctx.lang)
    if not words:
        return
    for m in _GLUED.finditer(segment.text):
        head, tail = m.group(1), m.group(2)
        if head in words and tail.casefold() in words:
            yield Hit(m.start(), m.end(), f"two words glued together: '{head}' and '{tail}' "
                      "(a lost line break or space?)", suggestion=f"{head} {tail}")


#: A run of one to six words at a sentence's start, each followed by one space: a heading or
#: label that lost its line break (``Technical data ``), then the capitalised word after it.
_RUN_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_GLUE_RUN_MAX = 6


@functools.cache
def _sentence_opener_words(lang: str | None) -> frozenset[str]:
    """The ``sentence_openers`` of ``lang`` (articles, demonstratives, pronouns), lower case."""
    from tqcheck.datapack import builtin_table

    return frozenset(builtin_table("structure.toml").get("sentence_openers", {})
                     .get(lang or "", ()))


@functools.cache
def _heading_followers(lang: str | None) -> frozenset[str]:
    """The ``heading_followers`` of ``lang`` (subordinators, the second-person pronoun and
    instruction imperatives, never capitalised inside a sentence), lower case."""
    from tqcheck.datapack import builtin_table

    return frozenset(builtin_table("structure.toml").get("heading_followers", {})
                     .get(lang or "", ()))


def _capitalised_openers(lang: str | None) -> list[str]:
    """The ``sentence_openers`` and ``heading_followers`` of ``lang`` of two letters or more,
    capitalised and escaped for a regex, longest first."""
    words = _sentence_opener_words(lang) | _heading_followers(lang)
    return [re.escape(w[0].upper() + w[1:])
            for w in sorted(words, key=lambda w: (-len(w), w)) if len(w) > 1]


@functools.cache
def _sentence_openers(lang: str | None) -> re.Pattern[str] | None:
    """One regex for the capitalised ``sentence_openers`` of ``lang`` (``structure.toml``) after
    a letter and one space, before one space and a lower-case letter (``details The office``);
    None without data or for words of one letter."""
    caps = _capitalised_openers(lang)
    if not caps:
        return None
    # The words first (their first letters let the engine skip most positions); what stands
    # before them is read by the caller.
    return re.compile(rf"(?:{'|'.join(caps)}) (?=[^\W\d_])")


@functools.cache
def _glued_heading_gate_regex(lang: str | None) -> re.Pattern[str] | None:
    """The capitalised ``sentence_openers`` of ``lang`` right after a letter and one space, before
    a letter: where TQ208 may find something.  Each word is looked behind only once found, so the
    search skips ahead by the words' first letters and stops where one follows a word (a few
    places in a text: "details The office") rather than at every sentence's "The"."""
    caps = _capitalised_openers(lang)
    if not caps:
        return None
    alternation = "|".join(rf"{w}(?<=[^\W\d_] {w})" for w in caps)
    return re.compile(rf"(?:{alternation}) (?=[^\W\d_])")


def _glued_heading_gate(ctx: CheckContext) -> Gate | None:
    """TQ208's gate: a capitalised sentence opener right after a word (none without data: the
    check then says once that it has none)."""
    regex = _glued_heading_gate_regex(ctx.lang)
    return Gate(regex) if regex is not None else None


def _glued_run(text: str, start: int, at: int) -> list[str] | None:
    """The words between a sentence's start and ``at`` when they are one to six words, each
    followed by one space, the first one capitalised; None otherwise."""
    run = text[start:at]
    words = run.split(" ")
    if not words or words[-1] != "" or not 1 <= len(words) - 1 <= _GLUE_RUN_MAX:
        return None
    words = words[:-1]
    if not all(_RUN_WORD.fullmatch(w) for w in words) or not words[0][0].isupper():
        return None
    return words


#: Words a run holds at least before the verb patterns of languages other than English read it.
_VERB_TEST_WORDS = 3


def _run_has_verb(words: list[str], ctx: CheckContext) -> bool:
    """Does a run of words read as a clause, with a finite verb (English ``finite_verbs`` or a
    word in "-ed"; elsewhere ``verb_pattern`` on the words that are not function words)?  A
    heading or label has none ("Technical data", "Contact us" reads as one: "contact" is no
    verb of the list)."""
    verbs = ctx.data.words("structure", "finite_verbs")
    if verbs:
        return any(w.casefold() in verbs or _past_form(w) for w in words)
    data = _phrase_data(ctx)
    if data is None or data.verb is None or len(words) < _VERB_TEST_WORDS:
        # A heading of one or two words is read whole: the verb patterns of the other
        # languages read endings, which nouns share ("Openingstijden", "özellikler").
        return False
    for w in words:
        f = w.casefold()
        if f in data.function:
            if data.verb.fullmatch(f):
                return True
        elif data.verb.search(f):
            return True
    return False


@register("TQ208", "glued-heading", Severity.WARNING, scope="segment", not_for=("po", "xliff"),
          gate=_glued_heading_gate)
def find_glued_headings(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                        ) -> Iterator[Hit]:
    """A heading or label run into the sentence after it, on one line.

    What it does:
        Flags a capitalised article, demonstrative or pronoun (``sentence_openers`` of
        ``tqcheck/data/structure.toml``: "The", "Cette", "Этот", "Den") that follows a run of one
        to six words at the start of a sentence, with nothing but spaces between them, and a
        lower-case word after it: such a word takes its capital only where a sentence starts, so
        the words before it are a heading or label whose line break or full stop was lost
        (``Technical data The container holds 400 ml``).  Words of one letter ("Plan A"),
        second-person forms (capitalised in letters) and words that are also names are not in
        the data.  So does a capitalised subordinator, uncapitalised second-person pronoun or
        instruction imperative (``heading_followers``: "Installation Download the file …",
        "Så här gör du Logga in …", "Установка Скачайте файл …"), which help pages put right
        under a heading.  A name after the word ("in The Hague") keeps it; a run with a finite verb
        (a clause, not a heading), one that opens with a subordinator, a single letter or a
        dateline in capitals is none.  Where the source in view runs its heading into the
        sentence too (a space inside a Chinese or Japanese sentence, or the same capitalised
        word), the finding is the source's (info, the mirror test); without the source in view
        it is info too (a layout the source has looks the same).  In German, whose nouns are
        capitalised, only runs without a function word count.  Only paragraphs of prose (not
        headings, list items, table cells or software strings); only languages with letter case
        and data (caseless scripts have no such signal; the check says so once).

    Why it matters:
        Web pages and documents lose the break between a subheading and its first sentence when
        they are extracted or translated; the heading then reads as the start of an ungrammatical
        sentence.

    Example:
        ``The dust container is easy to empty. Technical data The container holds 400 ml.`` →
        flags ``Technical data``.
    """
    if segment.kind != "paragraph":
        return
    openers = _sentence_openers(ctx.lang)
    if openers is None:
        if ctx.data.has_case:
            ctx.note_once(f"TQ208:{ctx.data.lang}", f"TQ208: no sentence-opener data for "
                          f"language {ctx.data.lang!r}; check skipped")
        return
    text = segment.text
    function = None
    # Where nouns are capitalised (German), the word after an article may be capitalised too.
    nouns = bool(ctx.data.get("capitalized_nouns"))
    for m in openers.finditer(text):
        after = m.end()
        if m.start() < 2 or text[m.start() - 1] != " " or not text[m.start() - 2].isalpha() \
                or not (text[after].islower() or nouns):
            continue  # a name after it ("in The Hague"), or no word right before it
        s = next((s for s in sentences if s.start <= m.start() < s.end), None)
        if s is None or s.start == m.start():
            continue
        words = _glued_run(text, s.start, m.start())
        if words is None or (len(words) == 1 and (len(words[0]) < 2 or words[0].isupper())):
            continue  # "D The", "KAZINFORM Die": a letter, or a dateline in capitals
        if _run_has_verb(words, ctx) or ((clauses := _clause_openers(ctx)) is not None and \
                clauses.match(words[0])):
            continue  # "The light itself is super light The …", "Because later We …": a clause
        if nouns:
            if function is None:
                from tqcheck.langid import function_words

                function = function_words(ctx.data.lang) | never_final_words(ctx.lang)
            if any(w.casefold() in function for w in words):
                continue  # "Laut der Zeitung Die Welt": a title after its noun
        run = " ".join(words)
        # Without the source, a layout the source has too (a review's title run into its text,
        # "Добрий день Заходьте") looks the same: 29 of 35 such findings on WMT23 output were
        # the source's own.  Info then; the mirror test reads the source where it is in view.
        yield Hit(s.start, m.start() - 1, f"heading or label run into the sentence after it: "
                  f"'{run}' then '{m.group().strip()} …' (a lost line break or full stop?)",
                  suggestion="a line break or a full stop after it",
                  severity=None if source_in_view(segment) else Severity.INFO)
