"""Every check has must-flag and must-pass examples in the tests, wherever they live.

A test module declares them either as tables named ``MUST_FLAG…`` / ``MUST_PASS…`` whose entries
start with the check's code (``("TQ101", "The the meeting ended.", ["The the"])``), or by marking
a test function ``@pytest.mark.must_flag("TQ701")`` / ``@pytest.mark.must_pass("TQ701")``.  This
test imports every test module and fails for a registered check that has no example of either
kind — so a new check needs exactly three files: its module (with its docstring), its generated
docs page (``python -m tqcheck.docs docs/checks``) and its tests.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import Any

from tqcheck.checks.registry import all_rules

from .conftest import ROOT

_CODE = re.compile(r"TQ\d{3}\Z")


def _marked(obj: Any) -> Iterator[tuple[str, str]]:
    for mark in getattr(obj, "pytestmark", ()):
        if mark.name in ("must_flag", "must_pass"):
            yield mark.name, str(mark.args[0])


def declared_examples() -> dict[str, set[str]]:
    """``{"must_flag": codes, "must_pass": codes}`` over every test module."""
    found: dict[str, set[str]] = {"must_flag": set(), "must_pass": set()}
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        module = importlib.import_module(f"tests.{path.stem}")
        for name, value in vars(module).items():
            kind = ("must_flag" if name.startswith("MUST_FLAG") else
                    "must_pass" if name.startswith("MUST_PASS") else None)
            if kind and isinstance(value, list | tuple):
                found[kind] |= {e[0] for e in value if isinstance(e, tuple) and e
                                and isinstance(e[0], str) and _CODE.match(e[0])}
            elif callable(value) and name.startswith("test_"):
                for kind_, code in _marked(value):
                    found[kind_].add(code)
    return found


def test_every_check_has_must_flag_and_must_pass_examples() -> None:
    found = declared_examples()
    codes = {r.code for r in all_rules()}
    assert sorted(codes - found["must_flag"]) == [], "checks without a must-flag example"
    assert sorted(codes - found["must_pass"]) == [], "checks without a must-pass example"
    # and no example names a check that does not exist (a typo would hide a missing one)
    assert sorted((found["must_flag"] | found["must_pass"]) - codes) == []


def test_the_guard_sees_a_check_without_examples(monkeypatch: Any) -> None:
    from tqcheck.checks import registry
    from tqcheck.model import Severity

    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    monkeypatch.setattr(registry, "_SLUGS", dict(registry._SLUGS))

    @registry.register("TQ199", "example-less-check", Severity.INFO)
    def find_nothing(sentence: Any, ctx: Any) -> tuple[()]:
        """A check without examples.

        What it does:
            Nothing.

        Why it matters:
            It does not.

        Example:
            None.
        """
        return ()

    codes = {r.code for r in all_rules()}
    assert "TQ199" in codes and "TQ199" not in declared_examples()["must_flag"]
