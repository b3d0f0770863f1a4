"""Residue: embed leftovers (links, attribution lines, widget text), hashtags, handles and emoji in
prose, and MT pipeline debris.  Patterns are data (``tqcheck/data/residue.toml``)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from tqcheck.checks._fixes import delete_span, one_fix_per_segment
from tqcheck.checks.engine import TRANSLATION_FORMATS
from tqcheck.checks.gates import Gate, non_ascii_gate
from tqcheck.checks.registry import CheckContext, Hit, register
from tqcheck.checks.text import (
    UNSPACED_SCRIPT,
    folded_token_set,
    folded_tokens,
    source_in_view,
)
from tqcheck.datapack import builtin_table
from tqcheck.langdata import base_lang
from tqcheck.model import Applicability, Segment, Sentence, Severity


@cache
def residue_data() -> dict[str, Any]:
    return builtin_table("residue.toml")


@cache
def _embed_link_re() -> re.Pattern[str]:
    domains = "|".join(re.escape(d) for d in residue_data()["embed_link_domains"])
    return re.compile(rf"(?<![\w.])(?:https?://)?(?:www\.)?(?:{domains})/\S+")


_MONTHS = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
           r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "— Name (@handle) March 7, 2022" — the attribution line under an embedded tweet, its date in
# English or translated with the rest ("7. März 2022", "7 de marzo de 2022", "7 марта 2022 г.",
# "2022年3月7日", "2022년 3월 7일"): after a dash, a name and a handle in brackets, any month
# word between a day and a year is the date's.
_ANY_MONTH = r"[^\W\d_]{3,12}\.?"
_ATTRIBUTION = re.compile(
    rf"^[—–-]{{1,2}}[ \u00a0]*[^\n()]{{0,80}}\(@\w{{1,30}}\)[ \u00a0]*"
    rf"(?:{_MONTHS}\.?[ \u00a0]+\d{{1,2}},?[ \u00a0]+\d{{4}}"
    rf"|\d{{1,2}}[ \u00a0]+{_MONTHS}\.?[ \u00a0]+\d{{4}}|"
    rf"\d{{4}}-\d\d-\d\d"
    rf"|\d{{1,2}}\.?[ \u00a0]+(?:de[ \u00a0]+)?{_ANY_MONTH}[ \u00a0]+(?:de[ \u00a0]+)?\d{{4}}"
    rf"(?:[ \u00a0]*г\.)?"
    rf"|{_ANY_MONTH}[ \u00a0]+\d{{1,2}},?[ \u00a0]+\d{{4}}"
    rf"|\d{{4}}[年년][ \u00a0]?\d{{1,2}}[月월][ \u00a0]?\d{{1,2}}[日일]"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}})",
    re.MULTILINE,
)


def attribution_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _ATTRIBUTION.finditer(text)]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)


#: How many lines from embed residue (an embed link, attribution line or widget text) a post's
#: emoji or hashtag counts as part of the pasted embed: a few paragraphs.
_EMBED_REACH = 6


def _mark_embed(ctx: CheckContext, segment: Segment) -> None:
    """Record embed residue in ``segment`` (the checks run over a chunk of segments in turn:
    TQ406 sees the residue of the whole chunk, before and after its own segment)."""
    lines: list[int] = ctx.state.setdefault("embed_lines", [])
    lines.append(segment.line)


def _embed_near(ctx: CheckContext, segment: Segment) -> bool:
    """Embed residue stands within a few lines of ``segment``: the document pastes an embedded
    post here, not only somewhere far away (a file of many documents, one of them with a
    tweet's image link)."""
    lines: list[int] = ctx.state.get("embed_lines", ())
    return any(abs(line - segment.line) <= _EMBED_REACH for line in lines)


def _embed_link_gate() -> str:
    """A slash right after one of the domains: every embed link has one.  Starting with the slash
    (the domains are lookbehinds) lets the regex engine skip to the slashes."""
    domains = residue_data()["embed_link_domains"]
    return "/(?:" + "|".join(f"(?<={re.escape(d)}/)" for d in domains) + ")"


@register("TQ401", "embed-link", Severity.ERROR, scope="segment", gate=_embed_link_gate(),
          fix="safe")
def find_embed_links(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A link that only a pasted social-media embed leaves behind.

    What it does:
        Flags links to embed-only domains (``pic.twitter.com/…``, ``t.co/…``, ``youtu.be/…``; the list
        is data a user can extend).  The short links people also share by hand (``youtu.be``,
        ``t.co``: ``share_link_domains`` in the data) are info where no other embed residue
        stands within a few lines (an attribution line, widget text, an embed's image link): in
        a post of its own they are the writer's links.  With the source in view, a link the
        source has too (compared without scheme, ``www.`` and case) is info.

    Why it matters:
        When an article with embedded posts is copied into MT, the embed collapses into its fallback
        text; the image link is meaningless in the translated article.

    Example:
        ``pic.twitter.com/mj6oKBfkoW`` → flagged.
    """
    shared = _share_link_hosts()
    found = [(m.start(), m.group().rstrip(".,;:)]\"”'")) for m in _embed_link_re().finditer(
        segment.text)]
    # Embed residue in view: an earlier segment's, an attribution line here, or an image link
    # of an embed here.  Only then is a shared short link (youtu.be, t.co) the embed's too.
    embedded = _embed_near(ctx, segment) or bool(attribution_spans(segment.text)) or any(
        _host(url) not in shared for _, url in found)
    for start, url in found:
        end = start + len(url)
        share = _host(url) in shared and not embedded
        if not share:
            _mark_embed(ctx, segment)
        yield Hit(start, end, f"leftover embed link: '{url}'" if not share else
                  f"short link: '{url}' (a link people share by hand; no embed residue in view)",
                  suggestion="", fix=(delete_span(segment.text, start, end),),
                  fix_message="delete the embed link",
                  applicability=Applicability.DISPLAY_ONLY if share else None,
                  severity=Severity.INFO if share else None)


@cache
def _share_link_hosts() -> frozenset[str]:
    return frozenset(d.casefold() for d in residue_data().get("share_link_domains", ()))


def _host(url: str) -> str:
    """``pic.twitter.com`` of ``https://www.pic.twitter.com/x``."""
    host = url.split("://", 1)[-1].split("/", 1)[0].casefold()
    return host[4:] if host.startswith("www.") else host


@register("TQ402", "embed-attribution", Severity.ERROR, scope="segment", fix="safe",
          gate='\\(@')
def find_embed_attributions(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """The attribution line of an embedded post: ``— Name (@handle) March 7, 2022``.

    What it does:
        Flags a line that starts with a dash and holds a display name, an @handle in brackets and a
        date — the signature under an embedded tweet; the date in English or translated with
        the line ("7. März 2022", "7 de marzo de 2022", "7 марта 2022 г.", "2022年3月7日").
        Handles and emoji inside it are not reported
        again by TQ405 and TQ406.

    Why it matters:
        It is widget text, not prose; left in a translated article it reads as a garbled byline.

    Example:
        ``— 🇷🇺 Russia in Arabic (@Russia_AR) March 7, 2022`` → flagged whole.
    """
    for a, b in attribution_spans(segment.text):
        _mark_embed(ctx, segment)
        yield Hit(a, b, "leftover embed attribution line (name, @handle, date)", suggestion="",
                  fix=(delete_span(segment.text, a, b),), fix_message="delete the attribution line")


@cache
def _boilerplate_re(lang: str) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """The boilerplate pattern of a language, and the words that gate it (the longest word of every
    phrase: the regex runs only on segments that hold one of them)."""
    table = residue_data()["boilerplate"]
    phrases = list(table.get(lang, ())) + ([] if lang == "en" else list(table.get("en", ())))
    if not phrases:
        return None
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    gate = frozenset(max(folded_tokens(p) or [p.casefold()], key=len) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)[^\n]*", re.IGNORECASE), gate


def _boilerplate_gate(ctx: CheckContext) -> Gate | None:
    """TQ403's gate for a file: a segment with a non-ASCII character, or with an ASCII word of
    the gate words of :func:`_boilerplate_re` as a whole token.  The folded tokens of ASCII text
    are ASCII, and one that is a word of letters and digits is a token of the engine's gate too
    (both split at everything else, bar the hyphens and apostrophes a folded token keeps inside);
    text with a non-ASCII character (where case folding may make an ASCII word: the ligature
    "fi" is two letters) is always tried.  None where an ASCII gate word holds other characters
    than letters and digits: every segment is tried."""
    found = _boilerplate_re(ctx.data.lang)
    if found is None:
        return None
    words = frozenset(w for w in found[1] if w.isascii())
    if not all(w.isalnum() and w == w.lower() for w in words):
        return None
    return Gate(_NON_ASCII.regex, non_ascii=True, one_class=True, words=words)


#: Any non-ASCII character (the regex the language checks' gate searches: once per chunk).
_NON_ASCII = non_ascii_gate(r"[^\x00-\x7f]")


@register("TQ403", "embed-boilerplate", Severity.ERROR, scope="segment", fix="safe",
          gate=_boilerplate_gate, not_for=TRANSLATION_FORMATS)
def find_embed_boilerplate(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Sequence[Hit]:
    """Widget text of an embedded post ("View this post on Instagram", "A post shared by …").

    What it does:
        Flags the fallback lines that Instagram, Twitter/X, YouTube and Facebook embeds leave in copied
        text, in the target language and in English (lists per language in the residue data).

        Not in translation files (PO, XLIFF, TMX, JSON, Android, subtitles): there "Copy link"
        and "This content is not available" are strings of the interface.

    Why it matters:
        Embeds become plain text in MT pipelines; their boilerplate then gets translated and published.

    Example:
        ``View this post on Instagram`` → flagged.
    """
    found = _boilerplate_re(ctx.data.lang)
    if found is None:
        return ()
    pattern, gate = found
    if gate.isdisjoint(folded_token_set(segment.text)):
        return ()
    hits: list[Hit] = []
    text = segment.text
    for m in pattern.finditer(text):
        # The widget line runs to the end of the line, or to masked markup, a quote or a full stop.
        stop = _BOILERPLATE_END.search(text, m.start(), m.end())
        end = stop.start() if stop else m.end()
        _mark_embed(ctx, segment)
        hits.append(Hit(m.start(), end, f"leftover embed text: '{text[m.start():end]}'", suggestion="",
                        fix=(delete_span(text, m.start(), end),), fix_message="delete the embed text"))
    return hits


_BOILERPLATE_END = re.compile(r"[\ufffc\"“”|]|\.(?=\s|$)")


@cache
def _page_label_re(lang: str, source: str) -> re.Pattern[str] | None:
    """The line-opening labels of another page (``[page_labels]`` of the residue data) of the
    target language, the source language and English, as one pattern: a label at a line's start,
    a colon, and the rest of the line."""
    table = residue_data().get("page_labels", {})
    labels = {str(w) for code in dict.fromkeys((lang, source, "en")) for w in table.get(code, ())}
    if not labels:
        return None
    # Besides a colon: a dash, a bar or a guillemet before the headline ("Read also — …",
    # "ЧИТАЙТЕ ТАКЖЕ | …"), or, for a label of two words or more, nothing: the label alone on
    # its line, the headline on the next ("Related articles").
    alts = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    spaced = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True) if " " in w)
    alone = rf"|(?:{spaced})[ \t]*[.…]?[ \t]*$" if spaced else ""
    return re.compile(rf"(?im)^[ \t]*(?:(?:{alts})[ \t\u00a0\u202f]*[:：=—–|»>][ \t\u00a0]*"
                      rf"\S[^\n]*{alone})")


@cache
def _any_page_label() -> re.Pattern[str]:
    """The page labels of every language, at a line's start before a colon."""
    table = residue_data().get("page_labels", {})
    return _label_at_line_start({str(w) for words in table.values() for w in words}, "")


def _label_at_line_start(labels: set[str], rest: str, marks: str = "[:：=]") -> re.Pattern[str]:
    """One of ``labels`` at a line's start, then a colon (or ``=``; or one of ``marks``) and
    ``rest``."""
    alts = "|".join(re.escape(w) for w in sorted(labels, key=len, reverse=True))
    return re.compile(rf"(?im)^[ \t]*(?:{alts})[ \t\u00a0\u202f]*{marks}{rest}")


def page_label_line(text: str) -> bool:
    """Whether ``text`` has a line opening with a page's link label of any language."""
    return (":" in text or "：" in text or "=" in text) and bool(_any_page_label().search(text))


def _page_label_gate(ctx: CheckContext) -> Gate:
    """TQ410's gate for a file: a segment with a non-ASCII character, or with the longest word of
    an ASCII label of the target language, the source language or English as a whole token."""
    table = residue_data().get("page_labels", {})
    codes = dict.fromkeys((ctx.lang or "", ctx.source_lang or "", "en"))
    words = {max(re.findall(r"[a-z0-9]+", str(w).lower()), key=len)
             for code in codes for w in table.get(code, ()) if str(w).isascii()}
    return Gate(_NON_ASCII.regex, non_ascii=True, one_class=True, words=frozenset(words))


@register("TQ410", "page-link-line", Severity.WARNING, scope="segment", mirrored=True,
          gate=lambda ctx: _page_label_gate(ctx))
def find_page_link_lines(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                         ) -> Iterator[Hit]:
    """A line of the copied web page that links to another page or credits a picture.

    What it does:
        Flags a line that opens with a label of a news or help site's page furniture and a colon
        (or an equals sign: Korean "사진=연합뉴스") — "Read also:", "Related articles:",
        "Photo:", "Photo credit:", German "Lesen Sie auch:", French
        "Lire aussi :", Hungarian "Kapcsolódó cikk:", Chinese "原文链接：", lists per language in
        the residue data's ``[page_labels]``), in the target language, the source language or
        English, with the rest of its line (the other article's headline or address); a dash, a
        bar or a guillemet may stand for the colon ("ЧИТАЙТЕ ТАКЖЕ | …"), and a label of two
        words or more may stand alone on its line ("Related articles", the headline below).  Labels
        that open sections of real documents ("See also:", "Source:", "Related:") are not listed.
        Without the source in view it is info: news sites print these lines in the article
        itself, and a translation renders them (with the source: mirrored when it has one too).

    Why it matters:
        A pipeline that copies a page's text takes its teasers and credit lines with it; translated
        and published, they point at articles the reader cannot see.

    Example:
        ``Lesen Sie auch: Neue Tarife im MDV`` → flagged whole.
    """
    text = segment.text
    pattern = _page_label_re(ctx.lang or "", ctx.source_lang or "")
    if pattern is None:
        return
    for m in pattern.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        yield Hit(start, m.end(), f"a link or credit line of the source page: "
                  f"'{text[start:m.end()]}'",
                  suggestion="", severity=None if source_in_view(segment) else Severity.INFO)


#: A web address as a cut one may stand in the text (up to white space, a quote or a bracket).
_ADDRESS = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'»”)\]]+")
#: An address whose end shows the cut: an ellipsis, a hyphen or a percent escape left open.
_CUT_END = re.compile(r"(?:…|\.\.\.|(?<=[\w/])-|%[0-9A-Fa-f]?)$")


@cache
def _sorted_words(lang: str) -> tuple[str, ...]:
    """The lexicon of ``lang`` in alphabetical order (for prefix look-ups)."""
    from tqcheck.langid import lexicon_ranks

    return tuple(sorted(lexicon_ranks(lang)))


def _starts_a_word(fragment: str, lang: str) -> bool:
    """Is ``fragment`` no word of ``lang``'s lexicon but the start of a longer one (arti …)?"""
    from bisect import bisect_left

    from tqcheck.langid import lexicon_ranks

    if fragment in lexicon_ranks(lang):
        return False
    words = _sorted_words(lang)
    i = bisect_left(words, fragment)
    return i < len(words) and words[i].startswith(fragment) and len(words[i]) >= len(fragment) + 2


@register("TQ411", "cut-url", Severity.WARNING, scope="segment", mirrored=True,
          gate="://|www\\.")
def find_cut_urls(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A web address cut short ("https://t.co/abc…", "example.com/news/arti").

    What it does:
        Flags an address that ends in an ellipsis, in a hyphen after a letter (a slug cut between
        its words), in an open percent escape, or with a one-letter top-level domain
        (``www.example.c``); as info, one whose last path part is three to six lower-case
        letters that are no word of English or the target but start a longer one (``/uk/arti``:
        a slug cut inside its word; a shortener's code, a language code or a word is none).

    Why it matters:
        Copied posts and truncated segments end addresses mid-way; a reader who follows one
        lands on an error page.

    Example:
        ``See https://support.example.com/articles/reset-your-`` → flags the address.
    """
    from tqcheck.langid import lexicon_ranks

    text = segment.text
    own = base_lang(ctx.lang) or ""
    for m in _ADDRESS.finditer(text):
        raw = m.group()
        url = raw if raw.endswith(("…", "...")) else raw.rstrip(".,;:!?")
        rest = url.split("://", 1)[-1]
        host, _, path = rest.partition("/")
        last = path.rsplit("/", 1)[-1] if path else ""
        severity: Severity | None = None
        if _CUT_END.search(url):
            why = "it ends mid-way"
        elif not path and "." in host and len(host.rsplit(".", 1)[1]) == 1:
            why = "its domain is cut"
        elif (3 <= len(last) <= 6 and last.isalpha() and last.islower() and last.isascii()
              and _starts_a_word(last, "en") and last not in lexicon_ranks(own)):
            why, severity = f"its last part '{last}' looks like a word cut short", Severity.INFO
        else:
            continue
        yield Hit(m.start(), m.start() + len(url), f"web address cut short ({why}): '{url}'",
                  suggestion="", severity=severity)


_HASHTAG = re.compile(r"(?<![\w&#/])#([^\W\d_][\w]*_[\w]+)")


#: A Weibo topic (``#Shanghai Metro#``): words between two hash signs, the first glued to the
#: words and the second closing them, on one line.
_TOPIC = re.compile(r"(?<![^\s(\[])#(?=[^\W_])([^#\n]{1,60}?[^\s#])#(?![\w#])")


@register("TQ404", "underscore-hashtag", Severity.WARNING, scope="segment", fix="unsafe",
          gate='#[^\\W\\d_]\\w*_|#[^#\\n]{1,60}[^\\s#]#')
def find_underscore_hashtags(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A hashtag with underscores between words (``#Sergey_Lavrov``) in prose.

    What it does:
        Flags ``#Word_Word`` tokens and Weibo topics (``#Shanghai Metro#``, words between two
        hash signs) and suggests the plain words.  Placeholders of templates and anonymised
        data (``#NAME#``, ``#PRS_ORG#``, ``#Product1#``: capitals, or one token with underscores
        or digits, between hash signs) are not hashtags.  With the source in view, a hashtag is
        info when the source uses hashtags too (the tag kept, translated or not).  Without the
        source and without pasted embeds within a few lines, a hashtag in a paragraph written
        like a post (emoji, handles, links, other hashtags, elongated words) is info: the post's
        own tag.

    Why it matters:
        Arabic- and Persian-language social media join hashtag words with underscores; MT keeps the
        hashtag, and the article then shows ``#Sergey_Lavrov`` where a name belongs.

    Example:
        ``Russian Foreign Minister #Sergey_Lavrov`` → suggests ``Sergey Lavrov``.
    """
    text = segment.text
    # A post of its own (no source in view, no pasted embed in the document, the paragraph
    # written like a post): its hashtags are the writer's.
    post = not source_in_view(segment) and not _embed_near(ctx, segment) and \
        social_post(text)
    for m in _HASHTAG.finditer(text):
        if text[m.end():m.end() + 1] == "#" or _upper(m.group(1)):
            continue  # a placeholder: "#PRS_ORG#", "#PRS_ORG"
        words = m.group(1).replace("_", " ")
        yield Hit(m.start(), m.end(), f"hashtag in prose: '{m.group()}'"
                  + (" (a social-media post: its own hashtag)" if post else ""), suggestion=words,
                  fix=((m.start(), m.end(), words),), severity=Severity.INFO if post else None)
    if text.count("#") > 1:
        for m in _TOPIC.finditer(text):
            words = m.group(1).strip()
            if _upper(words) or (not any(c.isspace() for c in words) and any(
                    c == "_" or c.isdigit() for c in words)):
                # a template or anonymisation placeholder: "#NAME#", "#Prs_org#", "#Product1#"
                continue
            yield Hit(m.start(), m.end(), f"Weibo topic hashtag in prose: '{m.group()}'",
                      suggestion=words, fix=((m.start(), m.end(), words),))


#: What a social-media post is written with: an @handle, a hashtag, a link, an elongated word
#: ("sooo", "yesss"), a run of exclamation or question marks.
_POST_FEATURES = (
    re.compile(r"(?<![\w@.])@\w{2,30}"),
    re.compile(r"(?<![\w&#/])#[^\W\d_]\w*"),
    re.compile(r"https?://|www\."),
    # (at a word's end, so not German "Schifffahrt"; not "www"; not Roman "III")
    re.compile(r"([^\W\d_wIXC])\1{2,}(?!\w)|([^\W\d_])\2{3,}"),
    re.compile(r"[!?]{3,}"),
)


def social_post(text: str) -> bool:
    """The paragraph is written like a social-media post: emoji and at least one more of the
    features of :data:`_POST_FEATURES`, or two of those without emoji."""
    found = sum(1 for pattern in _POST_FEATURES if pattern.search(text))
    if found >= 2:
        return True
    return found >= 1 and any(
        not (m.group()[0] in _TEXT_SYMBOLS and "\ufe0f" not in m.group())
        for m in _EMOJI.finditer(text))


def _upper(words: str) -> bool:
    """Written in capitals (``PRS_ORG``, ``ČÍSLO``, ``ALPHANUMERIC -ID``): a placeholder's name,
    not words of a tag."""
    return words == words.upper() and words != words.lower()


_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_]{2,30})(?![\w@.])")


@register("TQ405", "handle-in-prose", Severity.INFO, scope="segment",
          gate='@')
def find_handles(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """A social-media @handle in running text.

    What it does:
        Flags ``@name`` tokens that are not part of an e-mail address or of an embed attribution line
        (TQ402 reports those).

    Why it matters:
        Handles in a translated article are often leftovers of embedded posts; but professional news
        also gives them on purpose ("contact @MerPolCC"), so this is information, not a warning.
        The embed attribution line itself (TQ402) is an error.

    Example:
        ``as @Russia_AR reported`` → flags ``@Russia_AR``.
    """
    text = segment.text
    if "@" not in text:
        return
    spans = attribution_spans(text)
    for m in _HANDLE.finditer(text):
        if not _inside(spans, m.start()):
            yield Hit(m.start(), m.end(), f"social-media handle in prose: '{m.group()}'")


# Emoji: pictographs, dingbats, flags (regional-indicator pairs), keycaps, with modifiers and ZWJ.
_EMOJI_CORE = ("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF"
               "\u3030\u303D\u3297\u3299\u00a9\u00ae\u2122\u2139\u24C2\u25AA-\u25FE]")
_EMOJI = re.compile(
    r"(?:[\U0001F1E6-\U0001F1FF]{2}"
    rf"|[0-9#*]\ufe0f?\u20e3"
    rf"|{_EMOJI_CORE}[\ufe0f\U0001F3FB-\U0001F3FF]*(?:\u200d{_EMOJI_CORE}[\ufe0f\U0001F3FB-\U0001F3FF]*)*)"
)
# Symbols that are ordinary typography unless followed by the emoji presentation selector.
_TEXT_SYMBOLS = frozenset("©®™←↑→↓↔↕■□▪▫◆◇○●★☆✓✔✗✘⌘⌥⏎")


# The gate: every emoji holds a pictograph (regional indicators are among them) or a keycap mark.  A
# single character class is searched in a tight loop; the whole emoji pattern is tried at every
# position.
@register("TQ406", "emoji-in-prose", Severity.WARNING, scope="segment", mirrored=True, fix="unsafe",
          gate=non_ascii_gate(_EMOJI_CORE[:-1] + "\u20e3]"))
def find_emoji(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """Emoji in running text.

    What it does:
        Flags emoji (pictographs, flags, keycaps, with skin-tone modifiers and ZWJ sequences as one
        span), outside embed attribution lines (TQ402 reports those).  Typographic symbols such as
        © ™ → ★ ✓ count only when written with the emoji presentation selector.  Without the
        source in view (no ``--source``, not a translation unit) and without pasted embeds
        within a few lines (an embed link, attribution line or widget text), an emoji is info:
        people write them in posts too, and only the source can tell that the translation added
        one.

    Why it matters:
        Emoji in a news article are leftovers of social-media posts pasted into the MT input.

    Example:
        ``⚡️ Based on an agreement …`` → flags ``⚡️``.
    """
    text = segment.text
    spans: list[tuple[int, int]] | None = None
    near = _embed_near(ctx, segment)
    for m in _EMOJI.finditer(text):
        s = m.group()
        if s[0] in _TEXT_SYMBOLS and "\ufe0f" not in s:
            continue
        if spans is None:
            spans = attribution_spans(text)
        if _inside(spans, m.start()):
            continue
        # Only an emoji that opens a line (a social-media bullet, "⚡️ Based on …") in a document
        # that shows pasted embeds nearby (TQ401–TQ403 found residue) is deleted by a fix; an
        # emoji bullet of an ordinary post, or one inside running text, is the source's own
        # more often than not: shown only.
        bullet = (m.start() == 0 or text[m.start() - 1] == "\n") and not (
            segment.source and s in segment.source) and near
        # Emoji are fluent social-media text: without the source in view (or pasted embeds
        # nearby) there is no evidence that the translation added them.
        quiet = not source_in_view(segment) and not near
        yield Hit(m.start(), m.end(), f"emoji in prose: '{s}'"
                  + (" (no source in view: people write emoji too)" if quiet else ""),
                  suggestion="",
                  fix=(delete_span(text, m.start(), m.end()),), fix_message=f"delete '{s}'",
                  applicability=None if bullet else Applicability.DISPLAY_ONLY,
                  severity=Severity.INFO if quiet else None)


#: A character reference: numeric, or a name (kept only where HTML defines it: ``&ndash;``,
#: ``&shy;``, ``&eacute;``; "AT&T;" is none).
_ENTITY = re.compile(r"&(?:#\d{1,6}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,9});")


#: A LaTeX command with a braced argument (``\\textbf{…}``, ``\\cite{…}``) or a math span holding
#: one (``$\\alpha$``): markup a pipeline failed to render.
_LATEX = re.compile(r"\\[a-zA-Z]{2,}\*?\{[^{}\n]{0,80}\}|\$[^$\n]{0,40}\\[a-zA-Z]{2,}[^$\n]{0,40}\$")


@cache
def _debris_re() -> re.Pattern[str]:
    tokens = residue_data()["mt_debris"]
    alts = "|".join(re.escape(t.strip()) if t.strip() else re.escape(t) for t in tokens)
    # DeepL's name as its notes print it: "DeepL", "www.DeepL.com/Translator".
    # A note of one service is written the same way for the other ("Переведено с помощью
    # Google" as "… DeepL").
    notes_of = set(residue_data().get("mt_notes", ()))
    notes_of |= {n.replace("Google", "DeepL") for n in notes_of} | {
        n.replace("DeepL", "Google") for n in notes_of if "DeepL." not in n}
    notes = "|".join(re.sub(r"DeepL(?!\\\.)", r"(?:www\\.)?DeepL(?:\\.com(?:/Translator)?)?",
                            re.escape(n))
                     for n in sorted(notes_of, key=lambda n: (-len(n), n)))
    # A service's note, with "www." and "(free version)" or its like after it: in brackets, or
    # a sentence or line of its own ("We compared texts translated by Google …" is none).
    tail = (r"(?:\s*\(?(?:www\.)?DeepL\.com/Translator\)?)?"
            r"(?:[ \t]*\([^()\n]{1,40}\))?")
    note = (rf"|[(\[](?i:(?:{notes})){tail}[)\]]"
            rf"|{_ALONE_BEFORE}(?i:(?:{notes})){tail}{_ALONE_AFTER}") if notes else ""
    # The interface text of a service or of a translated post, a line or sentence of its own;
    # a translator's note in brackets.
    ui = _alternation(list(residue_data().get("mt_interface", ())))
    ui = rf"|(?P<ui>{_ALONE_BEFORE}(?i:(?:{ui})){_ALONE_AFTER})" if ui else ""
    labels = _alternation(list(residue_data().get("translator_notes", ())))
    labels = (rf"|(?P<tn>[(\[（](?i:(?:{labels}))(?![^\W\d_])[^()\[\]（）\n]{{0,300}}"
              r"[)\]）])") if labels else ""
    return re.compile(rf"{_ENTITY.pattern}|{_LATEX.pattern}|{_LANGUAGE_TOKEN}|{_ESCAPE}|(?:{alts})"
                      + note + ui + labels + r"|(?P<cut>\[(?:\.{3}|…)\])")


#: Where a note or an interface text stands alone: at a line's start or after a sentence's end …
_ALONE_BEFORE = r"(?:(?<![^\n])|(?<=[.!?。] )|(?<=[.!?。]))"
#: … and before a line's end, a sentence's end, or a next sentence run into it (a capital after
#: a space: "… on Monday. Translated by Google The work begins …").
_ALONE_AFTER = (r"(?=[ \t]*(?:\n|\Z|[.!?。](?:\s|\Z))"
                r"|[ \t]+[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐΑ-Ω])")


#: An escape sequence of a string literal that a pipeline printed instead of decoding: a
#: Unicode escape (``\u00e9``), a line break escape right after a sentence's end (``said.\nThe``;
#: not "use \n to break a line", nor a path: ``C:\new``), or a quotation mark escape at a
#: word's edge (``\"Yes\"``).
_ESCAPE = (r"\\u[0-9a-fA-F]{4}|(?<=[.!?,;»\"”)])\\n(?=\s|[^\W\d_]|$)|(?<=[\s(])\\\"(?=\w)"
           r"|(?:(?<=\w)|(?<=\w[.!?,]))\\\"(?=[\s.,;:!?)])")


#: The target-language token of a multilingual model: ``<2de>`` (T5, MADLAD), ``__de__``
#: (fairseq, M2M-100).
_LANGUAGE_TOKEN = r"<2[a-z]{2,3}(?:_[A-Za-z]{4})?>|(?<!\w)__[a-z]{2,3}(?:_[A-Z][a-z]{3})?__(?!\w)"


#: Where TQ407 may find something: a character of its tokens or a service's name (a regex with
#: few first characters: the engine's search of it is fast), or, as lower-case strings (one
#: ``str.find`` each over the lower-cased chunk, the non-ASCII ones only in a chunk that is not
#: ASCII, where a case-insensitive alternation searched ~20x slower), a translator's note's
#: abbreviation ("N. d. T.", "NdT", "TN:", "T/N") or a stem of "original", "translate" or
#: "translator" in the languages of the residue data's ``mt_interface`` and ``translator_notes``.
_MT_DEBRIS_GATE = Gate(
    re.compile("[▁<&@\\[\\\\⁇_（]|Google|DeepL"),
    strings=("n. d", "n.d", "ndt", "tn:", "t/n",
             "origin", "оригін", "оригин", "orijin", "oryginał", "asli", "gốc", "الأصل", "原文",
             "원문", "transl", "tradu", "übers", "vertaal", "vertal", "noot", "tłum", "překl", "çev",
             "перев", "перек", "прим", "erjemah", "dịch", "ترجم", "翻译", "翻譯", "翻訳", "번역", "译",
             "訳", "역주", "옮긴이"))


@register("TQ407", "mt-debris", Severity.ERROR, scope="segment", mirrored=True, fix="safe",
          past_preconditions=True, gate=_MT_DEBRIS_GATE)
def find_mt_debris(segment: Segment, sentences: list[Sentence], ctx: CheckContext) -> Iterator[Hit]:
    """Tokens only an MT pipeline produces: ``▁``, ``<unk>``, ``@@``, unescaped HTML entities.

    What it does:
        Flags SentencePiece word markers (``▁``) and unknown pieces (``⁇``), special tokens
        (``<unk>``, ``</s>``, ``<pad>``, ``[MASK]``), target-language tokens of multilingual
        models (``<2de>``, ``__de__``),
        BPE joiners (``@@``), HTML entities (``&quot;``, ``&#39;``) that were never decoded,
        escapes of string literals printed as they are (``\\u00e9``, ``said.\\nThe``,
        ``\\"Yes\\"``) and LaTeX commands left in prose (``\\textbf{Table 2}``, ``$\\alpha$``),
        and the notes MT services leave (``mt_notes`` of the residue data: "(Translated by
        Google)", "Translated with www.DeepL.com/Translator (free version)"; a note of Google
        is read for DeepL too) in brackets or as a sentence or line of their own, also when the
        next sentence was run into it ("… Translated by Google The work begins …").  The
        interface text of a service or of a translated post (``mt_interface``: "Show original",
        "Rate this translation", "Voir l'original", "Показать оригинал") is flagged the same
        way, outside translation files (where it is a string of an interface).  A translator's
        note in brackets (``translator_notes``: "(translator's note: …)", "(N. del T.: …)",
        "(Anm. d. Übers.: …)", "（译注：…）") is a warning (info in a translation file, whose
        translator may have meant it), and so is, in plain text, a bracketed
        ellipsis (``[...]``, ``[…]``) outside a quotation, where it marks an editor's cut.

    Why it matters:
        They show a broken post-processing step; every one of them is visible to readers.

    Example:
        ``the&#39;s ▁talks <unk>`` → three findings.
    """
    text = segment.text
    hits: list[Hit] = []
    for m in _debris_re().finditer(text):
        s = m.group()
        suggestion = None
        if m.group("tn"):
            # A translator's note: what it says may belong in a footnote; shown only.  In a
            # translation file a human translator wrote it on purpose (the French manual pages
            # of dpkg: "(NdT : …)"): info there.
            shipped = ctx.format in TRANSLATION_FORMATS
            hits.append(Hit(m.start(), m.end(), f"translator's note left in the text: '{s}'"
                            + (" (a translation file: a note its translator may have meant)"
                               if shipped else ""),
                            severity=Severity.INFO if shipped else Severity.WARNING))
            continue
        if m.group("cut"):
            # "[…]" marks an omission inside a quotation; in the running text of plain prose
            # it is what a pipeline printed for text it dropped or could not render.
            if ctx.format == "text" and not _in_quotation(text, m.start()):
                hits.append(Hit(m.start(), m.end(), f"bracketed ellipsis in running text: '{s}'",
                                severity=Severity.WARNING))
            continue
        if m.group("ui"):
            if ctx.format in TRANSLATION_FORMATS:
                continue  # "Show original" is a string of an interface there
            s = s.strip()
            hits.append(Hit(m.start(), m.end(), f"interface text of an MT service: '{s}'",
                            suggestion="", fix=(delete_span(text, m.start(), m.end()),),
                            fix_message="delete the interface text"))
            continue
        if s.startswith("&"):
            import html

            suggestion = html.unescape(s)
            if suggestion == s:
                continue  # not a reference HTML defines
            fix = (m.start(), m.end(), suggestion)
        elif s == "▁":
            # A SentencePiece word marker stands for a space: between two words it becomes one.
            between = m.start() > 0 and m.end() < len(text) and not text[m.start() - 1].isspace() \
                and not text[m.end()].isspace()
            fix = (m.start(), m.end(), " ") if between else delete_span(text, m.start(), m.end())
        elif s.strip() == "@@":
            # A BPE joiner follows a piece of a word ("talk@@ s" → "talks"); "@@@" is a marker.
            if not (m.start() > 0 and text[m.start() - 1].isalpha()):
                hits.append(Hit(m.start(), m.end(), f"MT debris: '{s}'"))
                continue
            end = m.end() + 1 if text[m.end():m.end() + 1] == " " else m.end()
            fix = (m.start(), end, "")
        elif s.startswith("\\") and s[1:2] in ("u", "n", '"'):
            # An escape printed as it is: its character in its place.
            # (A line break escape between sentences becomes the space between them.)
            after = text[m.end():m.end() + 1]
            char = (chr(int(s[2:], 16)) if s[1] == "u" else '"' if s[1] == '"'
                    else "" if not after or after.isspace() else " ")
            fix = (m.start(), m.end(), char)
            suggestion = char if s[1] != "n" else None
        elif s.startswith(("\\", "$")):
            # LaTeX left in prose: what the command wraps is often text to keep; shown only.
            hits.append(Hit(m.start(), m.end(), f"MT debris: '{s}'"))
            continue
        else:
            fix = delete_span(text, m.start(), m.end())
        hits.append(Hit(m.start(), m.end(), f"MT debris: '{s}'", suggestion=suggestion,
                        fix=(fix,), fix_message=_debris_fix_message(text[fix[0]:fix[1]], fix[2])))
    # The debris of a paragraph goes in one fix ("(<unk>^ <unk> ^ <unk>)": all or none).
    yield from one_fix_per_segment(hits)


_QUOTE_MARKS = "\"“”«»„"


def _in_quotation(text: str, pos: int) -> bool:
    """``text[pos]`` stands inside a quotation of its paragraph: an odd number of quotation
    marks before it (straight and curly, counted together), or an open guillemet or „."""
    start = text.rfind("\n", 0, pos) + 1
    before = text[start:pos]
    if before.count("«") > before.count("»") or before.count("„") > before.count("“"):
        return True
    return sum(before.count(q) for q in "\"“”") % 2 == 1


def _debris_fix_message(before: str, after: str) -> str:
    return f"replace '{before.strip()}' with '{after}'" if after.strip() else \
        f"delete '{before.strip()}'"


#: Placeholders of software strings: ``{0}``, ``{{name}}``, ``${name}``, ``%(name)s``, ``%s``,
#: ``%1$d``, ``{user_name}`` (a lower-case identifier in braces), and a name of letters of
#: another script than Latin in braces, which only a template writes (``{申請者名}``, ``{имя}``).
_PLACEHOLDER = (r"\{\d{1,2}\}|\{\{\s*[\w.]{1,40}\s*\}\}|\$\{[\w.]{1,40}\}|%\([a-z_]\w{0,39}\)[sdif]"
                r"|(?<![\w%])%(?:[1-9]\$)?(?:l{0,2}[sdifu]|\.\d[f]|@)(?![\w@])|\{[a-z_][a-z0-9_]{1,30}\}"
                r"|%\{[a-z_][\w.]{0,30}\}|(?<!\w)__[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*__(?!\w)"
                r"|(?<![\w\\])\{(?=\w{0,30}[^\x00-\u024f])[^\W\d_]\w{0,30}\}")
#: Markdown that a plain-text reader shows as it is typed: ``**bold**``, a link
#: ``[text](https://…)``.
_MARKDOWN = (r"\*\*(?=[^\s*])[^*\n]{1,200}?(?<=[^\s*])\*\*"
             r"|\[[^\]\n]{1,200}\]\((?:https?://|www\.|/)[^)\s]{0,300}\)")


@cache
def _markup_re() -> re.Pattern[str]:
    tags = "|".join(sorted(map(re.escape, residue_data()["html_tags"]), key=len, reverse=True))
    return re.compile(rf"(?P<tag></?(?i:{tags})(?:\s[^<>\n]{{0,200}}?)?\s?/?>)"
                      rf"|(?P<md>{_MARKDOWN})|(?P<ph>{_PLACEHOLDER})|(?P<sc>{_SHORTCODE})"
                      rf"|(?P<wk>{_wiki_marks()})|(?P<hd>{_MARKDOWN_HEADING})")


def _wiki_marks() -> str:
    """The edit links and maintenance tags of a wiki page in square brackets, glued to the text
    before them (``wiki_edit_links``, at a line's end: "History[edit]"; ``wiki_tags``, with a
    day count or date after the tag: "[источник не указан 123 дня]", "[citation needed, March
    2021]")."""
    def alternation(key: str) -> str:
        return _alternation(list(residue_data().get(key, ()))) or "(?!)"

    # Glued to the text before them (a button label in brackets, "Press [Edit]", has a space
    # before it); an edit link at its heading's end, a tag with a day count or date after it.
    return (rf"(?<=[^\s\[])\[(?i:{alternation('wiki_edit_links')})\](?=[ \t]*(?:\n|\Z))"
            rf"|(?<=[^\s\[])\[(?i:{alternation('wiki_tags')})(?:[ ,][^\[\]\n]{{0,30}})?\]")


#: A Markdown heading of level two or more at a line's start ("## Background"): plain text
#: has no such line (a "#" alone may open a numbered label or a hashtag).
_MARKDOWN_HEADING = r"(?m:^#{2,6}[ \t]+(?=[^\W\d_]))"


#: An emoji shortcode of a chat or forum (``:tada:``, ``:thumbs_up:``, ``:+1:``) between spaces:
#: what a pipeline prints for an emoji it could not carry (TQ409).
_SHORTCODE = r"(?<![^\s(\[])(?::[a-z][a-z0-9_\-]{1,30}:|:\+1:)(?=[\s.,;!?)\]]|\Z)"


@register("TQ409", "markup-in-prose", Severity.WARNING, scope="segment", mirrored=True,
          past_preconditions=True,
          gate=r"<(?=/?[A-Za-z])|\*\*|\]\(|\{|%(?=[sdifu@l.(]|[1-9]\$)|__[A-Z]|:[a-z+][a-z0-9_+\-]{1,30}:|\[[^\]\n]{2,60}\]|##")
def find_markup_in_prose(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                         ) -> Iterator[Hit]:
    """HTML tags, Markdown or software placeholders left in plain prose.

    What it does:
        In plain-text input (not Markdown, not translation files, whose readers mask their own
        markup and placeholders), flags HTML tags of known elements (``<br>``, ``<strong>``,
        ``</p>``; the list is data; not comments, which carry tqcheck's own directives),
        Markdown emphasis and links
        (``**New:**``, ``[here](https://…)``) and placeholders of software strings (``{0}``,
        ``%s``, ``%1$d``, ``%@``, ``%.2f``, ``%{name}``, ``__USER_NAME__``, ``{{name}}``,
        ``${name}``, ``{user_name}``, a name in another script
        than Latin: ``{申請者名}``), emoji shortcodes between spaces (``:tada:``,
        ``:thumbs_up:``), Markdown headings of level two or more (``## Background``) and the
        edit links and maintenance tags of a wiki page glued to its text (``wiki_edit_links``
        and ``wiki_tags`` of the residue data: "History[edit]", "1203.[citation needed]",
        "[источник не указан 123 дня]").  Markup or a placeholder
        the source has too is info (the translation kept what it was given).  Without the source
        in view, Markdown, an emoji shortcode and an HTML element opened and closed in the
        paragraph are info too:
        writers format their posts (a forum comment in Markdown), and only the source can tell
        that the translation added the markup.

    Why it matters:
        A pipeline that translates rendered text loses markup; one that translates the markup
        source and then prints plain text shows it to the reader.  Either way ``<br>`` or
        ``Connection failed: {0}`` in a published article is debris.

    Example:
        ``Unohtuiko salasana?</strong> Jos ongelma jatkuu`` → flags ``</strong>``.
    """
    if ctx.format != "text":
        return
    text = segment.text
    plain = not source_in_view(segment)
    for m in _markup_re().finditer(text):
        tag = m.group("tag")
        if tag and _WORDS_IN_BRACKETS.fullmatch(tag):
            continue  # "<A note of eating>": words in angle brackets, not an element
        kind = ("HTML markup" if tag else "Markdown" if m.group("md") or m.group("hd")
                else "emoji shortcode" if m.group("sc") else "wiki markup" if m.group("wk")
                else "placeholder")
        # Without the source in view, Markdown emphasis or links, or an HTML element opened and
        # closed in the paragraph, may be the writer's own formatting (a forum post in
        # Markdown): info.  A stray tag or a placeholder is debris either way.
        quiet = plain and (kind in ("Markdown", "emoji shortcode") or (
            kind == "HTML markup" and _closed_element(text, m.group())))
        yield Hit(m.start(), m.end(), f"{kind} in prose: '{m.group()}'"
                  + (" (no source in view: writers format posts too)" if quiet else ""),
                  severity=Severity.INFO if quiet else None)


_ELEMENT = re.compile(r"</?([A-Za-z][\w-]*)")
#: A "tag" whose attributes are words with no ``=`` (``<A note of eating>``, a section label
#: in angle brackets): text, not markup.
_WORDS_IN_BRACKETS = re.compile(r"<[A-Za-z][\w-]*(?:\s+[^\s=<>/\"']+)+\s*>")


def _closed_element(text: str, tag: str) -> bool:
    """The element of ``tag`` is opened and then closed in ``text`` (``<b>…</b>``): formatting,
    not a stray tag."""
    m = _ELEMENT.match(tag)
    if m is None:
        return False
    name = re.escape(m.group(1))
    opened = re.search(rf"<{name}(?:\s[^<>]*)?>", text, re.IGNORECASE)
    closed = re.search(rf"</{name}\s*>", text, re.IGNORECASE)
    if opened and closed:
        return opened.start() < closed.start()
    return False


# --- TQ412 -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Furniture:
    """A language's page furniture (:func:`_furniture`): the words of a toolbar line, and one
    pattern of the labels and phrases that mark a line."""

    tools: frozenset[str]
    joins: frozenset[str]
    phrases: re.Pattern[str]
    #: Lower-case strings one of which lower-cased ASCII text holds wherever ``phrases``
    #: matches it: each alternative's words (in ASCII text, a case-blind match is one of the
    #: lower-cased text), and "copyright".  A few substring tests skip the regex on most lines.
    needles: tuple[str, ...] = ()


def _furniture_words(table: str, langs: tuple[str, ...]) -> list[str]:
    data = residue_data().get(table, {})
    return [str(w) for code in dict.fromkeys(langs) for w in data.get(code, ())]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _bounded_alternation(words: list[str]) -> str:
    """Like :func:`_alternation`, each phrase inside word boundaries, except at an edge written
    in a script without spaces ("订阅我们的新闻通讯", "뉴스레터를 구독하세요")."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        head = "" if UNSPACED_SCRIPT.match(w[0]) else r"(?<!\w)"
        tail = "" if UNSPACED_SCRIPT.match(w[-1]) else r"(?!\w)"
        parts.append(f"{head}{re.escape(w)}{tail}")
    return "|".join(parts)


#: A time stamp's date or time: digit groups joined by a dot, slash, dash, colon or 年, or a year.
_STAMP_DATE = re.compile(r"\d[./\-:年]\d|(?<!\d)(?:19|20)\d\d(?!\d)")
#: A copyright notice in any language: a copyright sign before a year or a name, or the word
#: before a year.
_COPYRIGHT_SIGN = (r"©[ \t\u00a0]*(?:\d{4}|[^\W\d_])"
                   r"|(?i:\bcopyright)[ \t\u00a0]*(?:©[ \t\u00a0]*)?(?:19|20)\d\d")
_SEP = r"[ \t\u00a0]*[:：=|,][ \t\u00a0]*"


@cache
def _furniture(lang: str, source: str) -> _Furniture:
    """The page furniture of the target language, the source language and English."""
    langs = (base_lang(lang) or "", base_lang(source) or "", "en")
    joins = frozenset(w.casefold() for w in _furniture_words("furniture_joins", langs))
    tools = frozenset(w.casefold() for w in _furniture_words("furniture_tools", langs)) - joins
    prompts = _bounded_alternation(_furniture_words("furniture_prompts", langs))
    copyright_ = _alternation(_furniture_words("furniture_copyright", langs))
    labels = _furniture_words("furniture_credits", langs)
    credits = _alternation(labels)
    # A label of two words or more ("Edited by") needs no colon before the name.
    spaced = _alternation([w for w in labels if " " in w]) or "(?!)"
    stamps = _alternation(_furniture_words("furniture_stamps", langs))
    # A credit: the label, then a name of a few words to the line's end.
    phrases = re.compile(
        rf"(?P<prompt>(?i:{prompts})[^\n]*)"
        rf"|(?P<copyright>(?:{_COPYRIGHT_SIGN}|(?<!\w)(?i:{copyright_})(?!\w))[^\n]*)"
        rf"|(?P<credit>^[ \t]*(?:(?i:{credits}){_SEP}|(?i:{spaced})[ \t]+)"
        rf"(?=\S)[^\n.!?。！？]{{1,60}}$)"
        rf"|(?P<stamp>^[ \t]*(?i:{stamps})(?![^\W\d_])(?P<rest>[^\n]{{0,60}})$)",
        re.MULTILINE)
    words = [*_furniture_words("furniture_prompts", langs),
             *_furniture_words("furniture_copyright", langs), *labels,
             *_furniture_words("furniture_stamps", langs), "copyright"]
    needles = tuple(dict.fromkeys(w.lower() for w in words))
    if any(_ASCII_CASE_MATES.search(w) for w in words):
        needles = ()  # "ſ" matches "s" case-blind: every line is searched
    return _Furniture(tools, joins, phrases, needles)


#: The non-ASCII characters that a case-blind regex matches with an ASCII letter (the dotted
#: capital and dotless i, the long s, the Kelvin sign: ``tests/test_residue.py`` finds them).
_ASCII_CASE_MATES = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_be_phrase(line: str, words: _Furniture) -> bool:
    """Whether ``words.phrases`` may match ``line``: always for non-ASCII text (a copyright sign;
    case folding may make an ASCII word of other letters), else only where the lower-cased line
    holds one of the phrases' strings."""
    if not words.needles or not line.isascii():
        return True
    low = line.lower()
    return any(needle in low for needle in words.needles)


def _stamp(line: str) -> bool:
    """Is the rest of a time stamp's line a date or a time and a few short words (a month, a
    zone, "at"), not a sentence ("Updated the list of members in 2023 and …")?"""
    if not _STAMP_DATE.search(line):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    return len(words) <= 5 and all(len(w) <= 10 for w in words)


def _network(token: str) -> bool:
    """A social network's name, maybe with a case ending (``Facebooku``, ``Facebook'ta``,
    ``телеграме``)."""
    token = re.split(r"['’]", token, maxsplit=1)[0]
    if token in _networks():
        return True
    return any(token.startswith(n) and len(token) - len(n) <= 3 for n in _networks() if len(n) >= 5)


@cache
def _networks() -> frozenset[str]:
    return frozenset(w.casefold() for w in residue_data().get("furniture_networks", ()))


#: The separators between a toolbar's items: white space, bars, dots, slashes, commas, colons,
#: brackets around counts, a spaced hyphen (not the one of "E-Mail").
_TOOL_SPLIT = re.compile(r"(?:\s-\s|[\s|·•/,;:：()\[\]+–—])+")
_COUNT = re.compile(r"\d+[kKmM]?")


def _toolbar(line: str, words: _Furniture) -> bool:
    """Is ``line`` made only of the words of a page's toolbar: tool words, networks, joins and
    counts, with a tool word and a network or two different tool words?"""
    if len(line) > 100:
        return False
    tokens = [t for t in _TOOL_SPLIT.split(line.casefold()) if t]
    if not 1 <= len(tokens) <= 12:
        return False
    tools: set[str] = set()
    networks = 0
    for token in tokens:
        if token in words.tools or token.replace("-", "") in words.tools:
            tools.add(token)
        elif _network(token):
            networks += 1
        elif token in words.joins or _COUNT.fullmatch(token):
            continue
        else:
            parts = _glued_tools(token, words)
            if not parts:
                return False
            tools.update(parts)
    return bool(tools) and (networks > 0 or len(tools) >= 2)


def _glued_tools(token: str, words: _Furniture) -> list[str]:
    """The tool words (and networks) of a token of a language written without spaces, when it
    is made of them glued together (转发评论点赞); none otherwise."""
    if token.isascii() or len(token) > 16:
        return []
    # The longest split at every end: ``ends[i]`` is the start of the last part ending at i.
    ends: dict[int, int] = {0: 0}
    for i in range(1, len(token) + 1):
        for j in range(max(0, i - 8), i):
            if j in ends and (token[j:i] in words.tools or _network(token[j:i])):
                ends[i] = j
                break
    if len(token) not in ends:
        return []
    parts, i = [], len(token)
    while i:
        parts.append(token[ends[i]:i])
        i = ends[i]
    return parts


def _furniture_gate(ctx: CheckContext) -> Gate | None:
    """TQ412's gate: a segment with a non-ASCII character (the copyright sign, and the words of
    the languages not written in ASCII), or with an ASCII word every line it flags holds (a tool
    word of a toolbar; the longest word of a phrase or label; "copyright")."""
    langs = (base_lang(ctx.data.lang) or "", base_lang(ctx.source_lang or "") or "", "en")
    words: set[str] = {"copyright"}
    for table in ("furniture_prompts", "furniture_copyright", "furniture_credits",
                  "furniture_stamps"):
        for phrase in _furniture_words(table, langs):
            tokens = re.findall(r"[A-Za-z0-9]+", phrase.lower())
            if phrase.isascii() and tokens:
                words.add(max(tokens, key=len))
    joins = {w.casefold() for w in _furniture_words("furniture_joins", langs)}
    for tool in _furniture_words("furniture_tools", langs):
        if tool.isascii() and tool.casefold() not in joins:
            words.update(re.findall(r"[a-z0-9]+", tool.lower()))
    return Gate(_NON_ASCII.regex, non_ascii=True, one_class=True, words=frozenset(words))


#: The kinds of page furniture that fluent pages print in their own text (a site's copyright
#: line, its editor's name, a time stamp, a call to follow it): info without the source in view.
_PAGE_OWN = frozenset({"prompt", "copyright", "credit", "stamp"})
_FURNITURE_NAMES = {"toolbar": "share/print toolbar", "prompt": "subscribe/follow/cookie notice",
                    "copyright": "copyright notice", "credit": "staff credit line",
                    "stamp": "time stamp of the page"}


@register("TQ412", "page-furniture", Severity.WARNING, scope="segment", mirrored=True,
          gate=_furniture_gate, not_for=TRANSLATION_FORMATS)
def find_page_furniture(segment: Segment, sentences: list[Sentence], ctx: CheckContext
                        ) -> Iterator[Hit]:
    """A line of a web page's furniture copied into the text: its toolbar, notices and credits.

    What it does:
        Flags, in the target language, the source language and English (lists per language in
        the residue data: ``[furniture_tools]``, ``[furniture_prompts]`` …):

        * a toolbar line made only of tool words, network names and counts ("Share Print
          Email", "Condividi su Facebook Twitter WhatsApp", "分享到：微信 微博");
        * a call to subscribe, follow, join, download the app or click to read on, and a
          cookie notice ("Subscribe to our newsletter", "Этот сайт использует файлы cookie",
          "Click here to read the full report", "订阅我们的新闻通讯": a phrase of a script
          written without spaces needs no word boundary at that edge);
        * a copyright notice ("© 2023 Reuters", "All rights reserved", "版权所有");
        * a staff credit line opening a line ("Editor: …", "Edited by …", "责任编辑：…");
        * a time stamp line ("Updated: 05.03.2024 14:32", "更新时间：2024-03-05").

        A toolbar line is a warning.  The other kinds are info without the source in view: a
        page prints them in its own text, and only the source tells that the translation took
        them from the page it was copied from.  Mirrored where the source has such a line.  Not
        in translation files (PO, XLIFF, JSON …): there "Share" and "Print" are the strings of
        an interface.

    Why it matters:
        A pipeline that copies a page's text takes its buttons and footer with it; translated
        and published, they are debris in the article.

    Example:
        ``Condividi su Facebook Twitter WhatsApp Email`` → flagged whole.
    """
    text = segment.text
    words = _furniture(ctx.lang or "", ctx.source_lang or "")
    in_view = source_in_view(segment)
    embed = _boilerplate_re(ctx.data.lang)
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        # TQ403's widget text is none (searched only on a line that would be flagged).
        if _toolbar(stripped, words):
            if embed is not None and embed[0].search(line):
                continue
            a = start + line.index(stripped)
            yield Hit(a, a + len(stripped), f"page furniture ({_FURNITURE_NAMES['toolbar']}): "
                      f"'{stripped}'", suggestion="")
            continue
        if not _may_be_phrase(line, words):
            continue  # most lines
        m = next((m for m in words.phrases.finditer(line) if _accepted(m)), None)
        if m is None or m.lastgroup is None or (embed is not None and embed[0].search(line)):
            continue
        kind = m.lastgroup
        a = start + m.start(kind) + len(m.group(kind)) - len(m.group(kind).lstrip())
        b = start + m.end(kind)
        # A prompt ends at its sentence's end; a copyright notice is its line, when a short one
        # ("© 2023 Reuters. All rights reserved.").
        stop = _BOILERPLATE_END.search(text, a, b) if kind == "prompt" or (
            kind == "copyright" and b - a > 100) else None
        if stop is not None and stop.start() > a:
            b = stop.start() + (1 if text[stop.start()] == "." else 0)
        quiet = kind in _PAGE_OWN and not in_view
        yield Hit(a, b, f"page furniture ({_FURNITURE_NAMES[kind]}): '{text[a:b]}'"
                  + (" (no source in view: pages print it in their own text)" if quiet else ""),
                  suggestion="", severity=Severity.INFO if quiet else None)


def furniture_line(text: str) -> bool:
    """Whether ``text`` has a line of page furniture of any language (TQ412's mirror test)."""
    for lang in residue_data().get("furniture_tools", {}):
        words = _furniture(lang, "")
        if any(_toolbar(line.strip(), words) for line in text.split("\n")):
            return True
        if any(_accepted(m) for m in words.phrases.finditer(text)):
            return True
    return False


def _accepted(m: re.Match[str]) -> bool:
    """A match of :attr:`_Furniture.phrases` that stands: a time stamp only with a date after
    its label, a prompt only where a sentence starts ("Follow us on X", not "… to join our
    production team"), a copyright notice not in brackets (a caption's "(© Getty)")."""
    if m.lastgroup == "stamp":
        return _stamp(m.group("rest"))
    before = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()].rstrip()
    if m.lastgroup == "prompt":
        return not before or not (before[-1].isalnum() or before[-1] in ",;-–—")
    if m.lastgroup == "copyright":
        # "(© Getty)" after a caption is the picture's credit, no notice of the page.
        return not before or before[-1] not in "([（"
    return m.lastgroup is not None
