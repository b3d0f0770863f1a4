"""Which translation model packages an audit used, for the report's signature.

A :class:`~tqcheck.translate.engine.TranslationService` reports every package it translates with
(:func:`record`) to the recorders open at that moment (:func:`recording`): the audit opens one
around each file, so the checks that translate need not say what they used.  Light: no model
library is imported here.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tqcheck.model import ModelPackage

_recorders: list[set[ModelPackage]] = []


@contextmanager
def recording() -> Iterator[set[ModelPackage]]:
    """The packages used while the block runs (filled as they are used)."""
    used: set[ModelPackage] = set()
    _recorders.append(used)
    try:
        yield used
    finally:
        _recorders.remove(used)


def record(package: ModelPackage) -> None:
    """Tell every open recorder that ``package`` translated something."""
    for used in _recorders:
        used.add(package)
