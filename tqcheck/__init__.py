"""tqcheck: quality checks for translated text.

The public API (see ``docs/api.md``); every other module is internal and may change:

- :func:`audit_text` audits one document held in memory and returns its findings;
- :func:`audit` audits files, directories and glob patterns as ``tqcheck audit`` does;
- :class:`Settings` (with its parts) shapes an audit; :class:`Finding` and :class:`Report` are
  what an audit returns; :func:`rules` lists the checks as :class:`Rule` values;
  :class:`ExitStatus` holds the documented exit statuses of the command line.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "DecodeSettings",
    "ExitStatus",
    "FidelitySettings",
    "Finding",
    "LanguageSettings",
    "OutputSettings",
    "ReadSettings",
    "Report",
    "Rule",
    "Settings",
    "__version__",
    "audit",
    "audit_text",
    "fix_text",
    "rules",
]

if TYPE_CHECKING:
    from pathlib import Path

    from tqcheck._api import audit_text, rules
    from tqcheck.checks.registry import Rule
    from tqcheck.config import (
        DecodeSettings,
        FidelitySettings,
        LanguageSettings,
        OutputSettings,
        ReadSettings,
        Settings,
    )
    from tqcheck.errors import ExitStatus
    from tqcheck.fix import fix_text
    from tqcheck.model import Finding, Report

#: Public name -> the module that defines it (imported on first use, so that ``import tqcheck``
#: and ``tqcheck --help`` stay free of the check machinery).
_LAZY = {
    "audit_text": "tqcheck._api",
    "rules": "tqcheck._api",
    "Rule": "tqcheck.checks.registry",
    "Settings": "tqcheck.config",
    "ReadSettings": "tqcheck.config",
    "LanguageSettings": "tqcheck.config",
    "FidelitySettings": "tqcheck.config",
    "DecodeSettings": "tqcheck.config",
    "OutputSettings": "tqcheck.config",
    "ExitStatus": "tqcheck.errors",
    "fix_text": "tqcheck.fix",
    "Finding": "tqcheck.model",
    "Report": "tqcheck.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'tqcheck' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def audit(paths: Iterable[str | Path], settings: Settings | None = None) -> Report:
    """Audit files, directories and glob patterns, exactly as ``tqcheck audit`` does (the command
    line calls this function).  Bad input files become ``Report.errors``; an unknown check
    selector or a missing resource raises :class:`~tqcheck.errors.ConfigError` or
    :class:`~tqcheck.errors.InputError`."""
    from tqcheck._api import audit as run

    return run(paths, settings)


class _Package(types.ModuleType):
    """The package keeps its public function ``audit`` when the internal module of the same name
    is imported (the import system would set the module as the package's attribute);
    ``from tqcheck.audit import …`` still finds the module."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "audit" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
