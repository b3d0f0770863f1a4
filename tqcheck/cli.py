"""The command line: a thin click layer.  Commands live in ``tqcheck.commands.*`` and are imported
only when invoked, so ``tqcheck --help`` stays fast."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Sequence
from typing import Any

import click

from tqcheck import __version__
from tqcheck.errors import ExitStatus, TqcheckError, closed_pipe

#: command name -> (module, attribute, one-line help shown by ``tqcheck --help``)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "audit": ("tqcheck.commands.audit", "audit_command", "Find translation artifacts in files."),
    "filter": ("tqcheck.commands.filter", "filter_command", "Split a corpus into records to keep and drop."),
    "rules": ("tqcheck.commands.rules", "rules_command", "List every check."),
    "rule": ("tqcheck.commands.rules", "rule_command", "Show the documentation of one check."),
    "langid": ("tqcheck.commands.langid", "langid_command", "Language of every sentence."),
    "score": ("tqcheck.commands.score", "score_command", "BLEU, chrF and TER against references."),
    "models": ("tqcheck.commands.models", "models_group", "Manage offline Argos Translate models."),
    "translate": ("tqcheck.commands.translate", "translate_command", "Translate a file offline."),
}


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if _available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS or not _available(cmd_name):
            return None
        module, attr, _ = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def _available(name: str) -> bool:
    return importlib.util.find_spec(COMMANDS[name][0]) is not None


EPILOG = """\b
Exit statuses: 0 passed, 1 gate failed (findings at or above --fail-on),
2 usage or input error, 3 internal or backend error."""


@click.group(cls=LazyGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="tqcheck")
def cli() -> None:
    """tqcheck: find machine-translation artifacts, check language and fidelity, score translations."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit status (never raises for ordinary errors)."""
    try:
        result: Any = cli.main(args=list(argv) if argv is not None else None, standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("tqcheck: aborted", err=True)
        return int(ExitStatus.INTERNAL_ERROR)
    except click.ClickException as exc:
        click.echo(f"tqcheck: error: {exc.format_message()}", err=True)
        return int(ExitStatus.USAGE_ERROR)
    except TqcheckError as exc:  # raised by eager callbacks (configuration) outside a command
        click.echo(f"tqcheck: error: {exc}", err=True)
        return int(exc.status)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("tqcheck: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return closed_pipe()
    return int(result) if isinstance(result, int) else 0



def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
