"""Keys that make the romanizations of one name equal, for the consistency checks (TQ501).

Machine translation romanizes a name afresh in each sentence, through whichever system its training
data used.  Each key below maps the spellings that the systems in real use give one name to one
string, so that two capitalised words of a document with the same key are two spellings of one
name.  The keys are lossy on purpose (they only ever compare words of one document).

* :func:`latin_key` — names romanized from Russian, Ukrainian and Belarusian (BGN/PCGN, scholarly,
  ICAO passport and the common English and German spellings: -iy/-yy/-y/-i/-ij, kh/h, yu/iu/ju,
  ya/ia/ja, initial ye/je/e, yo/io/e, zh/j/ž, ts/tz/c, ch/tch/tsch/č, sh/sch/š, shch/sch/šč, x/ks,
  w/v, French gu for г before e, е after a vowel as ye/je/e (Andreyev/Andreev), the soft sign
  as an apostrophe or nothing, a final -off/-of for -ov), from Arabic and Persian (article forms,
  doubled consonants, ʿayn and hamza as apostrophes or nothing, gh/q, ou/u) and from Japanese
  (macrons, oh/ou/oo/ō, uu/ū).
* :func:`korean_key` — Revised Romanization and McCune-Reischauer spellings of a Korean name
  (eo/ŏ/o, eu/ŭ/u, g/k, d/t, b/p, j/ch, si/shi), for a Korean source or a spelling that shows
  one of the systems (:func:`looks_korean`).
* :func:`japanese_key` — Hepburn and Kunrei-shiki spellings of a Japanese name (shi/si,
  tsu/tu, fu/hu, ji/zi, the syllabic n as m before b m p), for a Japanese source.
* :func:`source_key` — with the source language known, the common romanizations of names from
  Indian languages (aa/a, ee/i, oo/u, au/ou/ow), Thai (aspiration: Thaksin/Taksin), Hebrew
  (ch/kh/h, tz/ts/z) and Indonesian or Malay (the spelling before 1972: Soekarno/Sukarno).
* :func:`chinese_key` — pinyin and Wade-Giles spellings of one Chinese syllable string (hs/x,
  ch/ch'/q/zh/j, ts/tz/z/c, k/g, t/d, p/b, -ung/-ong, -ien/-ian, -ieh/-ie, -ih/-i), for words that
  read as Chinese syllables in either system (:func:`is_chinese_romanization`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Letters with a romanization meaning of their own, before diacritics are stripped.
_SPECIAL = str.maketrans({
    "ž": "zh", "š": "sh", "č": "ch", "ć": "ch", "ś": "sh", "ź": "zh", "ł": "l", "ı": "i", "đ": "d",
    "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ʹ": "", "ʺ": "", "ʼ": "", "ʻ": "", "ʿ": "", "ʾ": "",
    "'": "", "’": "", "‘": "", "`": "", "-": "", "ō": "o", "ū": "u", "â": "a", "û": "u",
    "ş": "sh", "ș": "sh",  # Turkish, Azeri and Romanian ш: Şoygu/Shoigu
})
_ARTICLE = re.compile(r"^(?:a[lrsdtzn]|el|ash|ul|ad|as|at|az|an)-")
Rules = tuple[tuple[re.Pattern[str], str], ...]


def _rules(*pairs: tuple[str, str]) -> Rules:
    """Rewrite rules (pattern, replacement), compiled, for :func:`rewrite`."""
    return tuple((re.compile(p), r) for p, r in pairs)


def _needles(rx: re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings of which every match of the rule's regex holds one, exactly as written (the
    calque prefilter's analysis, :func:`~tqcheck.checks._prefilter.exact_strings`); None where
    there are none, or the regex folds case."""
    if rx.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    from tqcheck.checks._prefilter import exact_strings

    return tuple(sorted(exact_strings(rx))) or None


#: Each rule set's rules with what :func:`rewrite` tests before a rule's ``sub``, by the id of
#: the rule set (kept in the value, so that the id stays its own).
_PREPARED: dict[int, tuple[Rules, tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None,
                                             bool], ...]]] = {}


def _prepared(rules: Rules) -> tuple[tuple[re.Pattern[str], str, tuple[str, ...] | None, bool],
                                     ...]:
    entry = _PREPARED.get(id(rules))
    if entry is None or entry[0] is not rules:
        if len(_PREPARED) > 256:
            _PREPARED.clear()
        entry = _PREPARED[id(rules)] = (rules, tuple(
            (rx, repl, _needles(rx), "\\" in repl) for rx, repl in rules))
    return entry[1]


def rewrite(word: str, rules: Rules) -> str:
    """``word`` with each rule applied in order: the key of one romanization family.  A rule
    runs only where the word holds one of the literal letters every match of it holds (most
    words: few rules), and one whose replacement refers to a group (``\\1``) is searched
    first: ``sub`` reads such a template in Python on every call."""
    for rx, repl, needles, template in _prepared(rules):
        if needles is not None:
            for needle in needles:
                if needle in word:
                    break
            else:
                continue
        if not template or rx.search(word) is not None:
            word = rx.sub(repl, word)
    return word


# Applied in order to a lower-case, diacritic-free word.
_LATIN_RULES = _rules(
    (r"(?<=[oe])ff?$", "v"),              # final -ov/-ev as -off/-of: Peskoff, Peskof
    (r"gu(?=e)", "g"),                    # French г before е: Sergueï/Sergei, Guennadi/Gennadi
    (r"o[ho](?![aeiouy])", "o"),          # Japanese long o: Ohtani/Ōtani, Ooka
    (r"uu", "u"),
    (r"gh|q", "Q"),                       # غ / ق in Persian and Arabic romanization
    (r"shch|shtch|sch|šč", "Ş"),          # щ (and German ш)
    (r"tsch|tch|ch", "Ç"),                # ч
    (r"sh", "Ş"),                         # ш
    (r"dzh|zh", "Ž"),                     # ж
    (r"kh|h", "H"),                       # х
    (r"(?<=[aeiouylrj])g(?=[aeiouy])", "H"),  # Ukrainian г as h or g: Ihor/Igor, Serhiy/Sergiy
    (r"ts|tz", "C"),                      # ц
    (r"x", "ks"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"ou", "u"),                         # French-style Arabic romanization
    (r"(?<=[bcdfgklmnprstvzHÇŞŽC])[iy]o", "e"),  # ё after a consonant: Fyodor/Fedor
    # j for й and iotation (Tatjana, Jurij), not ji; й after a vowel (Sergej, Šojgu).
    (r"j(?=[aeou])|(?<=[iy])j$|(?<=[aeou])j(?![aeiouy])", "I"),
    (r"[iyI]+", "I"),                     # й, ы, и and the iotation of я ю е ё
    (r"(?<=[aeo])I(?=ev)", ""),           # е after a vowel as ye/je/e: Dostoyevsky/Dostoevsky
    (r"^I(?=e)", ""),                     # initial ye/je → e (Yevgeny/Evgeny)
    (r"(.)\1+", r"\1"),                   # doubled consonants and vowels
)


def fold(word: str) -> str:
    """Lower case, the Arabic article and diacritics removed, special letters spelled out."""
    w = _ARTICLE.sub("", word.casefold()).translate(_SPECIAL)
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return w


@lru_cache(maxsize=4096)
def latin_key(word: str) -> str:
    """One key for the romanizations of a Russian, Ukrainian, Arabic, Persian or Japanese name."""
    return rewrite(fold(word), _LATIN_RULES)


def orthography_rules(pairs: list[list[str]] | tuple[tuple[str, str], ...]) -> Rules:
    """A target language's own conventions for foreign names (``name_orthography`` of its
    language data: German sch for ш and ж, z for ц and s for з, ch for х; Polish sz, cz and ie;
    French ch for ш and j for ж), as rules rewriting a lower-case word into the spelling that
    :func:`latin_key` reads, so that Selenskyj and Zelensky, Chodorkowski and Khodorkovsky,
    Pieskow and Peskow get one key."""
    return _rules(*((p, r) for p, r in pairs))


@lru_cache(maxsize=4096)
def orthography_key(word: str, rules: Rules) -> str:
    """The :func:`latin_key` of ``word`` read through a language's ``name_orthography``."""
    return latin_key(rewrite(word.casefold(), rules))


_DOUBLE = re.compile(r"(.)\1+")
_INITIAL_JY = re.compile(r"^[jy](?=[aeiou])")
_LONE_Y = re.compile(r"(?<![aeiou])(?<!sk)(?<!ck)y(?![aeiou])(?!j$)")


@lru_cache(maxsize=4096)
def weak_key(word: str) -> str:
    """A key that makes equal only what also varies between distinct Western names: doubled
    letters (Harris/Haris), y for i between consonants or at the end (Robyn/Robin, Sissy/Sissi;
    not the Slavic -sky/-ski, -cky/-cki or -yj/-ij of romanization) and an initial j/y
    (Johannes/Yohannes).
    Spellings equal under it need other evidence that they name one person."""
    w = _DOUBLE.sub(r"\1", fold(word))
    return _LONE_Y.sub("i", _INITIAL_JY.sub("i", w))


_PINYIN_INITIAL = r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_PINYIN_FINAL = (r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|"
                 r"ia|ie|iu|in|ua|uo|ui|un|ve|vn|ue|a|o|e|i|u|v)")
_WG_INITIAL = r"(?:ch|hs|ts|tz|ss|sz|kw|hw|[pmftnlkhjsyw])?"  # kw, hw: postal (Kwangtung)
_WG_FINAL = (r"(?:iang|iung|uang|ieh|ien|ung|ang|eng|ing|ian|iao|uai|uan|ueh|uei|ai|ei|ao|ou|an|en|"
             r"erh|ia|iu|in|ua|uo|ui|un|ih|u|a|o|e|i)")
_SYLLABLE = re.compile(
    rf"(?:{_PINYIN_INITIAL}{_PINYIN_FINAL}|{_WG_INITIAL}{_WG_FINAL})")
_CHINESE_WORD = re.compile(rf"^(?:{_SYLLABLE.pattern}){{1,3}}$")


@lru_cache(maxsize=4096)
def is_chinese_romanization(word: str) -> bool:
    """Whether ``word`` reads as one to three Chinese syllables in pinyin or Wade-Giles (parts of
    a hyphenated given name each one syllable: Ching-te, Wen-bin)."""
    w = word.casefold().replace("’", "'").replace("'", "").replace("ü", "v")
    parts = w.split("-")
    if len(parts) > 1:
        return all(_CHINESE_WORD.match(p) and len(p) <= 6 for p in parts) and len(parts) <= 3
    return bool(_CHINESE_WORD.match(w))


_CHINESE_RULES = _rules(
    (r"hs|x", "X"),
    (r"ch|zh|q|j|ts(?=i)|tz(?=i)", "J"),  # postal ts before i: Tsinghua/Qinghua
    (r"ts|tz|z|c", "Z"),
    (r"k", "g"), (r"t", "d"), (r"p", "b"),
    (r"(?<=[gh])w(?=a)", "u"),  # postal kw, hw for gu, hu: Kwangtung/Guangdong, Hwang/Huang
    (r"ung\b|ung(?=[^aeiou])", "ong"),
    (r"ien", "ian"), (r"ieh", "ie"), (r"ih", "i"), (r"ueh", "ue"), (r"uei", "ui"),
)


@lru_cache(maxsize=4096)
def chinese_key(word: str) -> str:
    """One key for the pinyin and Wade-Giles spellings of a Chinese name (syllables joined)."""
    w = word.casefold().replace("’", "").replace("'", "").replace("-", "").replace("ü", "u")
    return rewrite(w, _CHINESE_RULES)


# Applied in order to a lower-case, diacritic-free word romanized from Korean: the Revised
# Romanization (2000) and McCune-Reischauer (with or without its breves and apostrophes) spell one
# name differently in its vowels eo/ŏ/o and eu/ŭ/u, its plain stops g d b j against k t p ch, shi
# against si; read both into one string (lossy: it only ever compares words of one document).
_KOREAN_RULES = _rules(
    (r"['’‘`-]", ""),
    (r"eo", "o"), (r"eu", "u"),
    (r"(?<=s)h(?=i)", ""),
    (r"ch|j", "J"), (r"k|g", "G"), (r"t|d", "D"), (r"p|b", "B"),
    (r"(.)\1+", r"\1"),
)
#: Spellings only a Korean romanization writes: RR's eo and eu, MR's breves.
_KOREAN_LOOK = re.compile(r"eo|eu|[ŏŭ]")


@lru_cache(maxsize=4096)
def korean_key(word: str) -> str:
    """One key for the Revised Romanization and McCune-Reischauer spellings of a Korean name
    (Pyeongtaek/P'yŏngt'aek/Pyongtaek, Daegu/Taegu, Jeonju/Chŏnju)."""
    w = word.casefold()
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return rewrite(w, _KOREAN_RULES)


def looks_korean(word: str) -> bool:
    """Whether a spelling shows a feature only a Korean romanization has (eo, eu, ŏ, ŭ)."""
    return bool(_KOREAN_LOOK.search(word.casefold()))


# Applied in order to a lower-case word romanized from Japanese: Hepburn against Kunrei-shiki and
# Nihon-shiki (shi/si, chi/ti, tsu/tu, fu/hu, ji/zi/di, sha/sya, cho/tyo, ja/zya), the syllabic n
# before b m p written m or n (Shimbun/Shinbun, Gumma/Gunma) and the long vowels (macrons, oh,
# ou, oo, uu), read into one string.
_JAPANESE_RULES = _rules(
    (r"['’‘`-]", ""),
    (r"o[hou](?![aeiouy])", "o"), (r"uu", "u"),
    (r"sh(?=[aiuo])", "sy"), (r"(?<=s)y(?=i)", ""),
    (r"ch(?=[aiuo])", "ty"), (r"(?<=t)y(?=i)", ""),
    (r"ts(?=u)", "t"), (r"f(?=u)", "h"),
    (r"j(?=[aiuo])|d(?=i)", "zy"), (r"(?<=z)y(?=i)", ""),
    (r"m(?=[bmp])", "n"),
    (r"(.)\1+", r"\1"),
)


@lru_cache(maxsize=4096)
def japanese_key(word: str) -> str:
    """One key for the Hepburn and Kunrei-shiki spellings of a Japanese name (Fukushima/
    Hukusima, Tsuchiya/Tutiya, Shimbun/Shinbun)."""
    w = word.casefold()
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return rewrite(w, _JAPANESE_RULES)


# Applied in order to a lower-case, diacritic-free word romanized from the source language: the
# spellings the romanizations in common use give one name, per source language.
_INDIC_RULES = _rules(
    # Hindi, Bengali, Marathi …: long vowels doubled or not (Yaadav/Yadav, Sreenivas/Srinivas),
    # au/ou/ow for one vowel (Chaudhary/Choudhary/Chowdhury), w/v, a final y/i.
    (r"aa", "a"), (r"ee|ii", "i"), (r"oo|uu", "u"),
    (r"au|ou|ow", "o"), (r"w", "v"), (r"y$", "i"),
    (r"(.)\1+", r"\1"),
)
_SOURCE_RULES: dict[str, Rules] = {
    **dict.fromkeys(("hi", "bn", "mr", "ne", "pa", "gu", "or", "as", "ta", "te", "kn", "ml", "si"),
                    _INDIC_RULES),
    # Thai: aspiration written or not (Thaksin/Taksin, Prayuth/Prayut, Phuket/Puket), and the r
    # of an initial cluster that speech drops written or not (Srettha/Settha, Kraisak/Kaisak).
    "th": _rules((r"^([ptks]h?)r(?=[aeiou])", r"\1"), (r"(?<=[tpk])h", ""),
                 (r"(?<=[aeiou])(?:t|d)$", "t"), (r"(.)\1+", r"\1")),
    # Hebrew: ח as ch, kh or h (Yitzchak/Yitzhak), צ as tz, ts or z (Hertzog/Herzog), ק as k or
    # q, ו as v or w, a doubled letter or not.
    "he": _rules((r"ch|kh", "h"), (r"tz|ts", "z"), (r"q", "k"), (r"w", "v"), (r"^y(?=i)", ""),
                 (r"(.)\1+", r"\1")),
    # Indonesian and Malay: the spelling before 1972 (Soekarno/Sukarno, Djakarta/Jakarta,
    # Tjokro/Cokro, Sjahrir/Syahrir).
    **dict.fromkeys(("id", "ms"), _rules(
        (r"oe", "u"), (r"dj", "j"), (r"tj", "c"), (r"sj", "sy"), (r"(.)\1+", r"\1"))),
}


def source_rules(source_lang: str | None) -> Rules | None:
    """The romanization rules of names from ``source_lang`` (:data:`_SOURCE_RULES`), or None."""
    return _SOURCE_RULES.get(source_lang or "")


@lru_cache(maxsize=4096)
def source_key(word: str, rules: Rules) -> str:
    """One key for the common romanizations of a name from a source language (``rules``)."""
    w = word.casefold().replace("-", "").replace("'", "").replace("’", "")
    if not w.isascii():
        w = "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))
    return rewrite(w, rules)


# Applied in order to a lower-case Cyrillic word: the renderings of one foreign name that
# Russian and Ukrainian texts mix.  Japanese through the Polivanov system and through English
# spellings (Кисида/Кишида, Тиба/Чиба, Дзюнъитиро/Джуничиро, Мацуда/Матсуда, Сёхэй/Шохей),
# English names with э for е (Хэйли/Хейли) or а (Кэмерон/Камерон, a second key), English w as у
# or в (Уильям/Вильям), or with and without a doubled letter
# (Харрис/Харис: paired only with other evidence, as distinct names differ so too), the old г
# and the newer х for h (Нетаниягу/Нетаньяху, Гарріс/Харріс) and a soft sign or и before an
# iotated vowel (Нетаньяху/Нетанияху).
_CYRILLIC_RULES = _rules(
    (r"[эє]", "е"),  # first, so that Шэмрок and Шемрок, Сэ and Се, read alike below
    # English w as у before a vowel or as в: Уильям/Вильям, Хемингуэй/Хемингвей, Уотсон/Вотсон.
    (r"(?<![аеёиоуыэюяіїє])у(?=[эеиіао])", "в"),
    (r"(?<=[бвгдзклмнпрстфхцчшщ])[ьи](?=[яюеёє])", ""),
    (r"[ъь]", ""),
    (r"[гґ]", "х"),  # (ґ with г: Ердоган/Ердоґан)
    (r"дж", "дз"),
    (r"т[сц]", "ц"),  # Шольц/Шольтц, Кац/Катц
    (r"ш(?=[иі])", "с"), (r"ч(?=[иі])", "т"),
    (r"ш[ое]|с[ёе]", "сё"), (r"шу|сю", "сю"), (r"ша|ся", "ся"),
    (r"ч[ое]|т[ёе]", "тё"), (r"чу|тю", "тю"), (r"ча|тя", "тя"),
    (r"дзо|дзё", "дзё"), (r"дзу|дзю", "дзю"), (r"дза|дзя", "дзя"),
    # ё stays: сё (Polivanov) is not се; the Russian ending -ый as Ukrainian -ий (Залужный/
    # Залужний; ы elsewhere tells words apart: Крыса/Криса)
    (r"[ії]|ы(?=й$)", "и"),
    # A Slavic surname's nominative -ский (-ський, -скый) or, rendered from Polish, Czech or
    # English, -ски: Бжезинский/Бжезински (never a case form: those end -ского, -скому …).
    (r"(?<=[сц]к)(?:и|ий)$", "ий"),
    (r"(.)\1+", r"\1"),
)


@lru_cache(maxsize=4096)
def cyrillic_key(word: str) -> str:
    """One key for the Cyrillic renderings of one foreign name (Кисида/Кишида, Харрис/Харис)."""
    return rewrite(word.casefold(), _CYRILLIC_RULES)


def cyrillic_open_e_key(word: str) -> str | None:
    """The key of a rendering with э read as а, for a name that has э: English /æ/ is written э
    or а (Кэмерон/Камерон, Гэри/Гари, Брэд/Брад); None for a word without э."""
    folded = word.casefold()
    if "э" not in folded:
        return None
    return cyrillic_key(folded.replace("э", "а"))


_LAST_E = re.compile(r"[еиэі](?=[бвгджзклмнпрстфхцчшщ]+$)")


def cyrillic_last_e_key(word: str) -> str | None:
    """The key of a rendering whose last vowel, before the final consonants, is е or и (э, і):
    the unstressed vowel of a foreign name that renderers hear two ways (Гутерриш/Гутерреш,
    Блинкен/Блинкин, Джонсон … Джонсен); None for a word of fewer than five letters or one
    that ends in a vowel."""
    folded = word.casefold()
    if len(folded) < 5 or not _LAST_E.search(folded):
        return None
    return cyrillic_key(_LAST_E.sub("и", folded))


# Applied in order to a lower-case Greek word without its accents and diaeresis: the renderings
# of one foreign name that Greek texts mix: the letters and digraphs of one vowel (ι η υ ει οι
# for /i/, ο ω for /o/, ε αι for /e/), γκ or γγ or γ for g (Ερντογάν/Ερντογκάν), ντ or τ for d,
# μπ or π for b, and doubled letters (Τζόνσον/Τζόνσσον).
_GREEK_RULES = _rules(
    (r"ς", "σ"),
    (r"ει|οι|[ηυ]", "ι"),
    (r"ω", "ο"),
    (r"αι", "ε"),
    (r"γ[κγ]", "γ"),
    (r"(.)\1+", r"\1"),
)


@lru_cache(maxsize=4096)
def greek_key(word: str) -> str:
    """One key for the Greek renderings of one foreign name (Ερντογάν/Ερντογκάν)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                   if not unicodedata.combining(c))
    return rewrite(bare, _GREEK_RULES)


# Applied in order to a lower-case, diacritic-free word romanized from Arabic or Persian: the
# vowels that the script does not write (Hodeidah/Hudaydah, Hezbollah/Hizbullah, Jeddah/Jiddah,
# Soleimani/Suleimani, Rouhani/Rowhani), a final tāʾ marbūṭa as -ah or -a (Fallujah/Falluja) and
# ḍ/ḏ as dh or d (Riyadh/Riyad).
_ARABIC_RULES = _rules(
    (r"dh", "d"),
    (r"ou|ow|oo|o|u", "u"),
    (r"ei|ey|ai|ay", "A"),
    (r"e|i", "i"),
    (r"(?<=[aiuA])h$", ""),
    (r"(.)\1+", r"\1"),
)
#: Spellings that only romanized Arabic or Persian writes (dh kh gh q, -ah, -ani, -eh, an
#: article or an apostrophe): one of two spellings must show one to be compared by vowels.
_ARABIC_LOOK = re.compile(r"dh|kh|gh|q(?!u)|aa|ah$|ani$|eh$|['’ʿʾ]|^(?:al|el|ad|an|ar|as|at|az)-")


@lru_cache(maxsize=4096)
def arabic_key(word: str) -> str:
    """One key for the spellings of an Arabic or Persian name that differ in unwritten vowels."""
    return rewrite(fold(word), _ARABIC_RULES)


def looks_arabic(word: str) -> bool:
    """Whether a spelling shows a feature only romanized Arabic or Persian has."""
    return bool(_ARABIC_LOOK.search(word.casefold()))
