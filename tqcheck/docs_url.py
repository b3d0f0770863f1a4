"""Where the documentation lives (used by the registry for each rule's page)."""

from __future__ import annotations

DOCS_URL = "https://tqcheck.readthedocs.io/en/latest/"
INFORMATION_URI = "https://tqcheck.readthedocs.io/"


def help_uri(code: str) -> str:
    """The documentation page of a check (``docs/checks/CODE.md`` rendered on Read the Docs)."""
    return f"{DOCS_URL}checks/{code}.html"
