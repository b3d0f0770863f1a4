"""gettext ``Plural-Forms`` expressions: which plural form stands for exactly one number.

A translation may spell out the number in a form used for one number only (Hebrew "two days" for
n == 2), never in a form that also covers 21 or 0 (Russian form 0 is 1, 21, 31 …).  The C
expression is checked against a whitelist of characters and evaluated for n = 0 … 999.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

_ALLOWED = re.compile(r"^[n0-9\s()%<>=!&|?:+\-*/]*$")
_PLURAL = re.compile(r"plural\s*=\s*([^;]+)")
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def _split_ternary(expr: str) -> tuple[str, str, str] | None:
    depth = 0
    q = -1
    nested = 0
    for i, ch in enumerate(expr):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and ch == "?":
            if q < 0:
                q = i
            else:
                nested += 1
        elif depth == 0 and ch == ":" and q >= 0:
            if nested:
                nested -= 1
            else:
                return expr[:q], expr[q + 1 : i], expr[i + 1 :]
    return None


def _to_python(expr: str) -> str:
    expr = expr.strip()
    while expr.startswith("(") and expr.endswith(")") and _balanced(expr[1:-1]):
        expr = expr[1:-1].strip()
    parts = _split_ternary(expr)
    if parts:
        cond, yes, no = (_to_python(p) for p in parts)
        return f"(({yes}) if ({cond}) else ({no}))"
    if "?" in expr:
        inner = re.sub(r"\(([^()]*\?[^()]*)\)", lambda m: f"({_to_python(m.group(1))})", expr)
        if inner != expr:
            return _to_python(inner)
    expr = expr.replace("&&", " and ").replace("||", " or ")
    expr = re.sub(r"!(?!=)", " not ", expr)
    return expr.replace("/", "//")


def _balanced(expr: str) -> bool:
    depth = 0
    for ch in expr:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


@cache
def plural_function(header: str) -> Callable[[int], int] | None:
    m = _PLURAL.search(header)
    if not m:
        return None
    expr = m.group(1).strip()
    if not _ALLOWED.match(expr):
        return None
    try:
        code = compile(_to_python(expr), "<plural>", "eval")
    except SyntaxError:
        return None

    def plural(n: int) -> int:
        return int(eval(code, {"__builtins__": {}}, {"n": n}))

    try:
        plural(1)
    except Exception:
        return None
    return plural


@cache
def single_number_forms(header: str) -> frozenset[int] | None:
    """Plural forms used for exactly one number ``n``; None when the header cannot be read."""
    func = plural_function(header)
    if func is None:
        return None
    seen: dict[int, set[int]] = {}
    for n in range(1000):
        seen.setdefault(func(n), set()).add(n)
    return frozenset(form for form, ns in seen.items() if len(ns) == 1)
