"""tqcheck: quality checks for translated text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "audit", "fix_text"]

if TYPE_CHECKING:
    from tqcheck.audit import audit
    from tqcheck.fix import fix_text


def __getattr__(name: str) -> Any:
    # Keep `import tqcheck` (and so `tqcheck --help`) free of the check machinery.
    if name == "audit":
        from tqcheck.audit import audit

        return audit
    if name == "fix_text":
        from tqcheck.fix import fix_text

        return fix_text
    raise AttributeError(name)
