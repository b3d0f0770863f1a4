"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding,
which GitHub shows as annotations on the pull request's diff.

Escaping follows the Actions runner: in the message ``%``, ``\\r`` and ``\\n`` become ``%25``,
``%0D`` and ``%0A``; in property values ``:`` and ``,`` also become ``%3A`` and ``%2C``.
"""

from __future__ import annotations

from tqcheck.model import Finding, Report
from tqcheck.report import RenderOptions
from tqcheck.report.common import relative_path

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(f: Finding) -> str:
    props: dict[str, str | int] = {"file": relative_path(f.path), "line": f.line, "col": f.col,
                                   "endLine": f.end_line}
    if f.end_line == f.line:
        # GitHub honours column ranges only within one line.
        props["endColumn"] = max(f.col, f.end_col)
    props["title"] = f"{f.code} {f.slug}"
    message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
    if f.fix is not None:
        how = {"safe": "tqcheck audit --fix", "unsafe": "tqcheck audit --fix --unsafe-fixes"}.get(
            f.fix.applicability.value, "by hand (shown only)")
        message += f"\nFix ({f.fix.applicability.value}): {f.fix.message} — apply with {how}"
    return command(COMMANDS[f.severity.value], message, **props)


def render(report: Report, options: RenderOptions) -> str:
    out = [annotation(f) for f in report.active]
    out.extend(command("error", e.message, file=relative_path(e.path), title="tqcheck: cannot read")
               for e in report.errors)
    if not options.quiet:
        out.extend(command("notice", note, title="tqcheck") for note in report.notes)
    return "".join(line + "\n" for line in out)
