"""CLDR plural categories of whole numbers, per language.

Android ``<plurals>``, i18next ``_one``/``_few`` keys and ICU ``{n, plural, …}`` name their forms by
the categories of the Unicode CLDR (``zero``, ``one``, ``two``, ``few``, ``many``, ``other``); what
a category covers depends on the language: Russian ``one`` is 1, 21, 31, 101 …, Arabic ``zero``,
``one`` and ``two`` are the numbers 0, 1 and 2 alone.  A form for exactly one number may spell the
number out ("يومان", two days) and leave the placeholder out; a form for many numbers may not.

The rules below restate, for integers, those of CLDR's ``supplemental/plurals.xml`` (CLDR 45;
Unicode License v3) for the languages tqcheck is used with; a language not listed is treated as
having ``one`` (n = 1) and ``other``, which is right for most and harmless for the rest (nothing is
reported for a category the table does not know).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

Rule = Callable[[int], str]


def _one_other(n: int) -> str:
    return "one" if n == 1 else "other"


def _zero_one_other(n: int) -> str:  # fr, pt, hy, ff, kab: i = 0, 1 (and "many" for millions)
    if n in (0, 1):
        return "one"
    return "many" if n % 1_000_000 == 0 else "other"


def _romance(n: int) -> str:  # es, it, ca, pt-PT: one n = 1; many for millions
    if n == 1:
        return "one"
    return "many" if n != 0 and n % 1_000_000 == 0 else "other"


def _east_slavic(n: int) -> str:  # ru, uk, be
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def _polish(n: int) -> str:
    if n == 1:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def _czech(n: int) -> str:  # cs, sk ("many" is for fractions only)
    if n == 1:
        return "one"
    return "few" if 2 <= n <= 4 else "other"


def _south_slavic(n: int) -> str:  # hr, sr, bs
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "other"


def _arabic(n: int) -> str:
    if n in (0, 1, 2):
        return ("zero", "one", "two")[n]
    if 3 <= n % 100 <= 10:
        return "few"
    if 11 <= n % 100 <= 99:
        return "many"
    return "other"


def _hebrew(n: int) -> str:
    return {1: "one", 2: "two"}.get(n, "other")


def _zero_or_one(n: int) -> str:  # fa, hi, bn, gu, kn, mr, zu, am: i = 0 or n = 1
    return "one" if n in (0, 1) else "other"


def _none(n: int) -> str:
    return "other"


def _lithuanian(n: int) -> str:
    if n % 10 == 1 and not 11 <= n % 100 <= 19:
        return "one"
    if 2 <= n % 10 <= 9 and not 11 <= n % 100 <= 19:
        return "few"
    return "other"


def _latvian(n: int) -> str:
    if n % 10 == 0 or 11 <= n % 100 <= 19:
        return "zero"
    return "one" if n % 10 == 1 and n % 100 != 11 else "other"


def _romanian(n: int) -> str:
    if n == 1:
        return "one"
    return "few" if n == 0 or 2 <= n % 100 <= 19 else "other"


def _slovenian(n: int) -> str:
    return {1: "one", 2: "two", 3: "few", 4: "few"}.get(n % 100, "other")


_RULES: dict[str, Rule] = {
    **dict.fromkeys(("ja", "zh", "ko", "th", "vi", "id", "ms", "lo", "my", "km", "yo", "ig", "jv",
                     "su", "bo", "dz"), _none),
    **dict.fromkeys(("fr", "pt", "hy", "ff", "kab"), _zero_one_other),
    **dict.fromkeys(("es", "it", "ca", "pt-pt"), _romance),
    **dict.fromkeys(("ru", "uk", "be"), _east_slavic),
    "pl": _polish,
    **dict.fromkeys(("cs", "sk"), _czech),
    **dict.fromkeys(("hr", "sr", "bs", "sh"), _south_slavic),
    "ar": _arabic,
    "he": _hebrew,
    **dict.fromkeys(("fa", "hi", "bn", "gu", "kn", "mr", "zu", "am", "as"), _zero_or_one),
    "lt": _lithuanian,
    "lv": _latvian,
    "ro": _romanian,
    "sl": _slovenian,
}


def rule_for(lang: str | None) -> Rule:
    code = (lang or "").replace("_", "-").lower()
    return _RULES.get(code) or _RULES.get(code.split("-")[0]) or _one_other


@cache
def numbers_of(lang: str | None, category: str) -> tuple[int, ...]:
    """The whole numbers 0 … 1,000,000 that ``category`` covers in ``lang`` (at most 3 listed;
    more means "many numbers")."""
    rule = rule_for(lang)
    found: list[int] = []
    for n in (*range(1001), 1_000_000):
        if rule(n) == category:
            found.append(n)
            if len(found) > 2:
                break
    return tuple(found)


def single_number(lang: str | None, category: str) -> bool:
    """Whether ``category`` stands for exactly one whole number in ``lang`` (Arabic ``zero``,
    ``one``, ``two``; English ``one``), so its form may spell the number out."""
    return len(numbers_of(lang, category)) == 1


def categories(lang: str | None) -> tuple[str, ...]:
    """The categories ``lang`` uses for whole numbers, in CLDR order."""
    rule = rule_for(lang)
    seen = {rule(n) for n in (*range(1001), 1_000_000)}
    return tuple(c for c in ("zero", "one", "two", "few", "many", "other") if c in seen) or ("other",)
