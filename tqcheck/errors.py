"""Exit statuses and the exceptions that map onto them."""

from __future__ import annotations

import os
import sys
from enum import IntEnum


class ExitStatus(IntEnum):
    """Documented exit statuses of every tqcheck command."""

    PASSED = 0
    GATE_FAILED = 1
    USAGE_ERROR = 2
    INTERNAL_ERROR = 3
    #: Standard output was closed before the command was done (``tqcheck … | head -1``): the
    #: status of a process ended by SIGPIPE, as ``cat`` ends there, so that ``set -o pipefail``
    #: tells it from a failed gate.  Nothing is printed.
    CLOSED_PIPE = 128 + 13


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


def closed_pipe() -> int:
    """Quiet exit when the reader of standard output went away: no message, and no second error
    when the interpreter flushes standard output on exit (it now writes to the null device)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # not a real file (tests, embedding)
        pass
    return int(ExitStatus.CLOSED_PIPE)
