"""Exit statuses and the exceptions that map onto them."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    """Documented exit statuses of every tqcheck command."""

    PASSED = 0
    GATE_FAILED = 1
    USAGE_ERROR = 2
    INTERNAL_ERROR = 3


class TqcheckError(Exception):
    """Base class: an error with a one-line, user-facing message."""

    status: ExitStatus = ExitStatus.INTERNAL_ERROR


class InputError(TqcheckError):
    """Bad input the user can fix: missing file, undecodable text, bad option value."""

    status = ExitStatus.USAGE_ERROR


class ConfigError(InputError):
    """Invalid configuration file or value."""


class BackendError(TqcheckError):
    """A backend (model, library) failed or is missing."""

    status = ExitStatus.INTERNAL_ERROR


class MissingExtraError(BackendError):
    """An optional dependency is not installed; the message names the extra."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(f"{what} needs the optional dependencies: pip install 'tqcheck[{extra}]'")
        self.extra = extra
