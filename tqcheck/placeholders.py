"""Placeholders and markup of translation files, one model for every format.

A translation unit holds prose and things that are not prose: placeholders the program fills
(printf ``%1$s``, Python ``{name}`` and ``%(name)s``, ICU ``{count, plural, one {…} other {…}}``,
Qt ``%1``, Java ``{0}``, i18next ``{{name}}`` and ``$t(key)``, Ruby ``%{name}``, iOS ``%@``,
Android ``@string/name``, Symfony ``%name%``, Chrome ``$name$``; ``%NAME%`` in other files is a
build-time variable, masked but not compared) and markup (HTML/XML tags, XLIFF
inline codes with their ``equiv-text``, DocBook and Mallard elements, POD ``I<…>`` codes, man
macros ``\\fB``, URLs in angle brackets).  :func:`find_tokens` finds them with their kind and a
``key`` that must match across languages; :func:`mask` replaces them, one character for one, with
:data:`~tqcheck.model.MASK` so prose checks never see them and offsets stay exact.

Which syntaxes a file uses is decided once per file (:func:`detect_syntaxes`) from its sources:
``%name%`` is Symfony only in a file where such variables are common, ``I<…>`` is POD only in a
man-page catalogue.  PO ``c-format``/``no-c-format`` flags still decide printf per unit.

A tag-like token with no attributes and no closing tag in the same text (``<file>``, ``<none>``) is
a *metavariable*: documentation's name for an argument, which translators translate
(``<Datei>``).  It is compared by count, not by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from tqcheck.model import MASK

#: Syntaxes that are unambiguous wherever they occur (on unless a PO flag turns printf off).
ALWAYS = frozenset({"printf", "python", "brace", "icu", "i18next", "ruby", "qt", "chrome",
                    "android", "tag"})
#: Syntaxes a file turns on by using them often (see :func:`detect_syntaxes`).
DETECTED = frozenset({"symfony", "pod", "man"})


@dataclass(frozen=True, slots=True)
class Token:
    """A placeholder or piece of markup at ``text[start:end]``.

    ``kind``: printf | python | brace | icu | mustache | i18next-ref | ruby | qt | chrome |
    android-ref | symfony | variable | tag | metavar | pod | man | url | icu-syntax.  ``key`` is what must
    match across languages (``None`` for syntax that is not compared: ICU selectors, POD and man
    formatting).  ``markup`` is True for markup, False for placeholders.
    """

    kind: str
    key: str | None
    start: int
    end: int
    text: str
    markup: bool = False


_PRINTF = (r"%(?:(?P<pos>\d+)\$)?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
           r"(?P<len>hh|h|ll|l|L|q|j|z|t|I64|I32|I)?(?P<conv>[diouxXeEfFgGaAcspS@])")
_TAG = r"</?(?P<tagname>[A-Za-z][\w:.-]*)(?P<attrs>\s+[^<>]*?)?\s*(?P<selfclose>/?)>"

#: Alternatives in priority order; each named group is the kind.
_PARTS: list[tuple[str, str]] = [
    ("pct", r"%%"),
    ("man", r"\\f(?:\[[^\]\s]{0,8}\]|\([A-Za-z]{2}|[A-Za-z1-4])|\\\*\(..|\\\([a-z]{2}"
            r"|(?m:^\.(?:[A-Z][A-Za-z]?|[a-z]{2})\b)"),
    ("pod", r"[IBCFLESXZ]<(?:<+\s)?"),
    ("symfony", r"%[A-Za-z_][\w.-]*%"),
    # A build-time substitution (dpkg's ``%ADMINDIR%``) in a file that is not Symfony-style:
    # never printf's ``%A``, and not compared (the source may hold what it expands to).
    ("variable", r"%[A-Z][A-Z0-9_]+%"),
    ("python", r"%\((?P<name>[^)\s]{1,40})\)[-+#0 ]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"),
    ("ruby", r"%\{(?P<rname>[A-Za-z_]\w*)\}|%<(?P<rfname>[A-Za-z_]\w*)>[-+#0 ]*\d*(?:\.\d+)?"
             r"[diouxXeEfFgGs]"),
    ("printf", _PRINTF),
    ("qt", r"%L?(?P<qtn>\d{1,2})(?![\d$])"),
    ("mustache", r"\{\{-?\s*(?P<mname>[\w.$-]+)\s*(?:,[^{}]*)?\}\}"),
    ("i18next", r"\$t\((?P<tkey>[^()]{1,80})\)"),
    ("icu", r"\{\s*[A-Za-z_][\w.-]*\s*,\s*[a-z]+"),
    ("brace", r"\{(?P<bname>[A-Za-z_][\w.-]*|\d+)?(?:![rsa])?(?::[^{}\s]*)?\}"),
    ("chrome", r"\$[A-Za-z_][A-Za-z0-9_]*\$"),
    ("android", r"@(?:android:)?(?:string|plurals|array)/[A-Za-z_][\w.]*"),
    ("url", r"<(?:https?|ftp|mailto):[^<>\s]+>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>"),
    ("tag", _TAG),
]

_ICU_TYPES = frozenset({"plural", "select", "selectordinal", "number", "date", "time",
                        "spellout", "ordinal", "duration", "list"})
_ICU_SUBMESSAGES = frozenset({"plural", "select", "selectordinal"})

#: Names of real HTML/XML elements (and XLIFF inline codes) that may stand without a closing tag.
_VOID = frozenset({"br", "hr", "img", "input", "wbr", "meta", "link", "x", "bx", "ex", "ph", "it",
                   "sc", "ec", "sm", "em", "area", "col", "source", "param", "embed", "p", "li"})

_TRIGGERS = re.compile(r"[%{<$@\\]|(?m:^\.)")


@lru_cache(maxsize=64)
def _pattern(syntaxes: frozenset[str]) -> re.Pattern[str]:
    parts = [f"(?P<{kind}>{rx})" for kind, rx in _PARTS
             if kind in syntaxes or kind in {"pct", "url", "mustache", "variable"} or
             (kind == "python" and "printf" in syntaxes)]
    return re.compile("|".join(parts))


def _printf_key(m: re.Match[str], seq: int) -> str:
    index = int(m.group("pos")) if m.group("pos") else seq
    conv = {"i": "d"}.get(m.group("conv"), m.group("conv"))
    # glibc's I flag (locale digits) is the translator's to add, like the ' flag.
    length = "" if m.group("len") == "I" else (m.group("len") or "")
    return f"%{index}${length}{conv}"


class _Scanner:
    def __init__(self, text: str, syntaxes: frozenset[str]) -> None:
        self.text = text
        self.syntaxes = syntaxes
        self.rx = _pattern(syntaxes)
        self.out: list[Token] = []
        self.seq = 0

    def add(self, kind: str, key: str | None, start: int, end: int, markup: bool = False) -> None:
        self.out.append(Token(kind, key, start, end, self.text[start:end], markup))

    def scan(self, start: int, end: int, in_plural: bool = False) -> None:
        text = self.text
        pos = start
        while pos < end:
            if in_plural:
                # ``#`` stands for the number in an ICU plural's sub-message.
                hash_at = text.find("#", pos, end)
            m = self.rx.search(text, pos, end)
            if in_plural and hash_at >= 0 and (m is None or hash_at < m.start()):
                self.add("icu-syntax", None, hash_at, hash_at + 1)
                pos = hash_at + 1
                continue
            if m is None:
                return
            kind = m.lastgroup or ""
            s, e = m.start(), m.end()
            if kind == "pct":
                pos = e
                continue
            if kind == "icu":
                done = self.icu(s, end)
                if done > s:
                    pos = done
                    continue
                m2 = re.compile(r"\{[^{}]*\}").match(text, s, end)
                pos = m2.end() if m2 else s + 1
                continue
            if kind == "pod":
                close = _pod_close(text, s, end)
                if close < 0:
                    pos = s + 1
                    continue
                closer_len = m.group().count("<")
                self.add("pod", None, s, e, markup=True)
                self.scan(e, close, in_plural)
                self.add("pod", None, close, close + closer_len, markup=True)
                pos = close + closer_len
                continue
            if kind == "printf":
                self.seq += 1
                self.add("printf", _printf_key(m, self.seq), s, e)
            elif kind == "qt":
                self.add("qt", f"%{m.group('qtn')}", s, e)
            elif kind == "python":
                self.add("python", f"%({m.group('name')}){m.group()[-1]}", s, e)
            elif kind == "ruby":
                self.add("ruby", f"%{{{m.group('rname') or m.group('rfname')}}}", s, e)
            elif kind == "mustache":
                self.add("mustache", "{{" + m.group("mname") + "}}", s, e)
            elif kind == "i18next":
                self.add("i18next-ref", f"$t({m.group('tkey').strip()})", s, e)
            elif kind == "brace":
                # fmt's L (locale-aware digits) is the translator's to add or drop.
                self.add("brace", re.sub(r":L\}$", "}", m.group()), s, e)
            elif kind == "chrome":
                self.add("chrome", m.group().lower(), s, e)
            elif kind == "android":
                self.add("android-ref", m.group(), s, e)
            elif kind == "symfony":
                self.add("symfony", m.group(), s, e)
            elif kind == "variable":
                self.add("variable", None, s, e)
            elif kind == "man":
                self.add("man", None, s, e, markup=True)
            elif kind == "url":
                self.add("url", m.group(), s, e, markup=True)
            elif kind == "tag":
                name = m.group("tagname").lower()
                closing = m.group().startswith("</")
                self.add("tag", f"</{name}>" if closing else f"<{name}>", s, e, markup=True)
            pos = e

    def icu(self, start: int, limit: int) -> int:
        """Parse an ICU argument at ``text[start] == '{'``; its end, or ``start`` when it is not
        one (then the caller treats the brace as text)."""
        text = self.text
        m = re.compile(r"\{\s*(?P<name>[A-Za-z_][\w.-]*)\s*,\s*(?P<type>[a-z]+)\s*").match(
            text, start, limit)
        if not m or m.group("type") not in _ICU_TYPES:
            return start
        name, kind = m.group("name"), m.group("type")
        if kind not in _ICU_SUBMESSAGES:
            close = _matching_brace(text, start, limit)
            if close < 0:
                return start
            self.add("icu", f"{{{name},{kind}}}", start, close + 1)
            return close + 1
        pos = m.end()
        if not text.startswith(",", pos):
            return start
        first = len(self.out)
        self.add("icu", f"{{{name},{kind}}}", start, pos + 1)
        pos += 1
        selector = re.compile(r"\s*(?:offset:\s*\d+\s*)?(?P<sel>=\d+|[A-Za-z_][\w-]*)\s*\{")
        while True:
            ws = re.compile(r"\s*").match(text, pos, limit)
            pos = ws.end() if ws else pos
            if text.startswith("}", pos):
                self.add("icu-syntax", None, pos, pos + 1)
                return pos + 1
            sm = selector.match(text, pos, limit)
            if not sm:
                del self.out[first:]
                return start
            self.add("icu-syntax", None, sm.start("sel"), sm.end())
            close = _matching_brace(text, sm.end() - 1, limit)
            if close < 0:
                del self.out[first:]
                return start
            self.scan(sm.end(), close, in_plural=kind != "select")
            self.add("icu-syntax", None, close, close + 1)
            pos = close + 1


def _matching_brace(text: str, open_at: int, limit: int) -> int:
    """The index of the ``}`` that closes ``text[open_at] == '{'`` (ICU apostrophe quoting
    respected), or -1."""
    depth = 0
    i = open_at
    while i < limit:
        ch = text[i]
        if ch == "'" and i + 1 < limit and text[i + 1] in "{}":
            j = text.find("'", i + 1, limit)
            i = (j if j >= 0 else limit) + 1
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _pod_close(text: str, start: int, limit: int) -> int:
    """The ``>`` that closes the POD code at ``start`` (``I<…>``, ``C<< … >>``), or -1."""
    opener = re.compile(r"[A-Z](<+)(\s?)").match(text, start, limit)
    if not opener:
        return -1
    n = len(opener.group(1))
    if n > 1:
        close = text.find(" " + ">" * n, opener.end(), limit)
        return close + 1 if close >= 0 else -1
    depth = 0
    for i in range(opener.end(), limit):
        ch = text[i]
        if ch == "<" and i > 0 and text[i - 1].isupper():
            depth += 1
        elif ch == ">":
            if depth == 0:
                return i
            depth -= 1
    return -1


@lru_cache(maxsize=8192)
def find_tokens(text: str, syntaxes: frozenset[str] = ALWAYS) -> tuple[Token, ...]:
    """Placeholders and markup of ``text`` in the given syntaxes, in order."""
    if not _TRIGGERS.search(text):
        return ()
    scanner = _Scanner(text, syntaxes)
    scanner.scan(0, len(text))
    tokens = scanner.out
    # A tag with no attributes whose element is never closed in this text is a metavariable.
    closed = {t.key[2:-1] for t in tokens if t.kind == "tag" and t.key and t.key.startswith("</")}
    out: list[Token] = []
    for t in tokens:
        if t.kind == "tag" and t.key and not t.key.startswith("</"):
            name = t.key[1:-1]
            # No attribute (``name="…"``): ``<file>``, ``<standard error>``, ``<Pfad >``.
            bare = "=" not in t.text and "/" not in t.text
            if bare and name not in closed and name not in _VOID:
                t = Token("metavar", "<…>", t.start, t.end, t.text, markup=True)
        out.append(t)
    return tuple(out)


def syntaxes_for(flags: Iterable[str], base: frozenset[str]) -> frozenset[str]:
    """The syntaxes of one unit: the file's, narrowed or widened by PO flags."""
    flags = tuple(flags)
    if not flags:
        return base
    out = set(base)
    if "no-c-format" in flags or "no-python-format" in flags:
        out.discard("printf")
        out.discard("qt")
    if "c-format" in flags or "python-format" in flags:
        out.add("printf")
    if "qt-format" in flags:
        out.add("qt")
    return frozenset(out)


_SYMFONY = re.compile(r"%[A-Za-z_][\w.-]*%")
_POD = re.compile(r"\b[IBCFL]<[^<>\s][^<>]*>")
_MAN = re.compile(r"\\f[BIRP]|(?m:^\.[A-Z]{1,2}\b)")


def detect_syntaxes(sources: Iterable[str]) -> frozenset[str]:
    """The syntaxes of a file, from a sample of its source texts (or targets when it has no
    sources): the unambiguous ones, plus each of :data:`DETECTED` that at least 2% of the units
    (and at least two) use."""
    n = 0
    counts = {"symfony": 0, "pod": 0, "man": 0}
    for text in sources:
        n += 1
        if "%" in text and _SYMFONY.search(text):
            counts["symfony"] += 1
        if "<" in text and _POD.search(text):
            counts["pod"] += 1
        if ("\\f" in text or text.startswith(".") or "\n." in text) and _MAN.search(text):
            counts["man"] += 1
    found = {k for k, c in counts.items() if c >= 2 and c >= 0.02 * n}
    return ALWAYS | found


def code_spans(tokens: Iterable[Token]) -> list[tuple[int, int]]:
    """Spans that are not prose: every placeholder and piece of markup, and POD codes with what
    they hold (``B<--print-set>``, ``I<best-choice>``, ``L<dpkg(1)>``: options, metavariables and
    references that a man page keeps as they are, or emphasis that does not decide a language)."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    for tok in tokens:
        if tok.kind == "pod":
            if tok.text.rstrip()[-1:] == "<":
                opened.append(tok.start)
            elif opened:
                start = opened.pop()
                if not opened:
                    spans.append((start, tok.end))
        elif not opened:
            spans.append((tok.start, tok.end))
    return spans


_POD_VERBATIM = re.compile(r"(?:Z<>\n?)?[ \t]")


def pod_verbatim(text: str) -> bool:
    """Whether a POD paragraph is verbatim (a command, a file, a shell example: never prose): it
    starts with a space or a tab, perhaps after ``Z<>`` (which po4a keeps to protect one)."""
    return _POD_VERBATIM.match(text) is not None


def mask(text: str, syntaxes: frozenset[str] = ALWAYS) -> str:
    """``text`` with every placeholder and piece of markup replaced, one character for one, by
    :data:`~tqcheck.model.MASK` (the words of ICU sub-messages and between tags stay: they are
    prose; the content of POD codes goes, see :func:`code_spans`)."""
    if "pod" in syntaxes and pod_verbatim(text):
        # An indented POD paragraph is verbatim (code, examples): no prose in it.
        return re.sub(r"[^\n]", MASK, text)
    tokens = find_tokens(text, syntaxes)
    if not tokens:
        return text
    chars = list(text)
    for start, end in code_spans(tokens):
        chars[start:end] = MASK * (end - start)
    return "".join(chars)


_KEY = re.compile(r"[A-Za-z][\w-]*(?:\.[\w-]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+){2,}")


def sources_are_keys(sources: Iterable[str]) -> bool:
    """Whether a file's sources are message keys (``form.label.name``, ``app_title_long``), not
    text: most of a sample look like keys and hardly any like words with spaces."""
    n = keys = 0
    for s in sources:
        s = s.strip()
        if not s:
            continue
        n += 1
        if _KEY.fullmatch(s):
            keys += 1
    return n >= 5 and keys >= 0.6 * n
