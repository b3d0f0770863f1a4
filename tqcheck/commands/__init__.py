"""Click commands.  Each module holds one command (or group) and no logic beyond parsing and
mapping errors to exit statuses."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec

import click

from tqcheck.errors import ExitStatus, TqcheckError, closed_pipe

P = ParamSpec("P")


def handle_errors(func: Callable[P, int]) -> Callable[P, int]:
    """Turn tqcheck errors into a one-line message and their exit status; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return func(*args, **kwargs)
        except TqcheckError as exc:
            click.echo(f"tqcheck: error: {exc}", err=True)
            return int(exc.status)
        except BrokenPipeError:
            return closed_pipe()
        except (click.ClickException, click.exceptions.Exit, KeyboardInterrupt):
            raise
        except Exception as exc:
            logging.getLogger("tqcheck").debug("internal error", exc_info=True)
            click.echo(f"tqcheck: internal error: {type(exc).__name__}: {exc}", err=True)
            return int(ExitStatus.INTERNAL_ERROR)

    return wrapper
