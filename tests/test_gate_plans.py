"""Every built-in gate that is searched in ASCII text has a fast search: a regex whose matches all
start with literals or with one character class (issue 14, fourteenth round: a case-insensitive
alternation in TQ407's gate and a ``^`` anchor in TQ409's made the engine try every position of
every chunk, 9 -> 476 ms and 2 -> 45 ms on the speed corpus, with identical findings)."""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

import pytest

from tqcheck.checks.gates import Gate, _Plan, as_gate
from tqcheck.checks.registry import all_rules


def _fast(regex: re.Pattern[str]) -> bool:
    plan = _Plan(regex)
    if plan.literals or plan.at_start or plan.first or plan.prefixes or plan.digits:
        return True
    items = list(_parser.parse(regex.pattern))
    return bool(items) and items[0][0] is sre.IN  # one class: the regex engine scans for it


def _gate_regexes() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for rule in all_rules():
        gate = rule.gate
        if gate is None or not isinstance(gate, (Gate, str, re.Pattern)):
            continue  # a gate built per file (a function of the context)
        built = as_gate(gate)
        if built is None or built.non_ascii:
            continue  # searched only in chunks with a non-ASCII character
        found += [(rule.code, rx) for rx in (built.regex, *built.more) if rx is not None]
    return found


@pytest.mark.parametrize(("code", "regex"), _gate_regexes(), ids=lambda v: getattr(v, "pattern", v))
def test_gate_regex_has_a_fast_search(code: str, regex: re.Pattern[str]) -> None:
    assert _fast(regex), f"{code}'s gate {regex.pattern[:80]!r} makes every position a try"


@pytest.mark.parametrize("pattern", [
    "[▁<&@]|Google|(?i:origin|transl)",  # TQ407's gate of the round's first version
    r"<(?=/?[A-Za-z])|\*\*|(?m:^##)",     # TQ409's
])
def test_slow_gates_are_told(pattern: str) -> None:
    assert not _fast(re.compile(pattern))
