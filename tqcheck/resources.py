"""Files that the settings name and checks compare with — the reference translation, the
glossary — read once per process and handed to checks through the check context, so that no
check opens a file."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqcheck.config import Settings
    from tqcheck.readers.glossary import Glossary


@cache
def _reference(path: str) -> tuple[str, ...]:
    from tqcheck.score import read_lines

    return tuple(read_lines(path))


class Resources:
    """The resources of one audit's settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def reference(self) -> tuple[str, ...] | None:
        """The lines of ``--ref`` (None without it)."""
        path = self.settings.fidelity.ref
        return _reference(str(path)) if path else None

    def glossary(self, source_lang: str | None, target_lang: str | None) -> Glossary | None:
        """The terms of ``--glossary`` for a language pair (None without it)."""
        path = self.settings.fidelity.glossary
        if not path:
            return None
        from tqcheck.readers.glossary import load_glossary

        return load_glossary(str(path), source_lang, target_lang)
