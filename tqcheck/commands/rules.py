"""``tqcheck rules`` and ``tqcheck rule CODE``."""

from __future__ import annotations

import json

import click

from tqcheck.checks.registry import Rule, all_rules, get_rule, redirected
from tqcheck.commands import handle_errors
from tqcheck.config import option_of
from tqcheck.errors import ExitStatus


def fix_label(rule: Rule) -> str:
    """``safe``, ``unsafe``, ``display-only`` or ``none``: what ``--fix`` can do for the rule."""
    return rule.fix.value if rule.fix is not None else "none"


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text",
              show_default=True)
@handle_errors
def rules_command(fmt: str) -> int:
    """List every check: code, slug, category, severity, fix (safe, unsafe or none) and summary."""
    rules = all_rules()
    if fmt == "json":
        click.echo(json.dumps([
            {"code": r.code, "slug": r.slug, "category": r.category.value,
             "severity": r.severity.value, "scope": r.scope, "fix": fix_label(r),
             "summary": r.summary, "not_for": sorted(r.not_for)}
            for r in rules], indent=2))
    elif fmt == "markdown":
        click.echo("| code | slug | category | severity | fix | summary | not for |\n"
                   "|---|---|---|---|---|---|---|")
        for r in rules:
            click.echo(f"| [{r.code}](checks/{r.code}.md) | {r.slug} | {r.category.value} | "
                       f"{r.severity.value} | {fix_label(r)} | {r.summary} | "
                       f"{', '.join(sorted(r.not_for))} |")
    else:
        w = max(len(r.slug) for r in rules)
        click.echo(f"{'CODE':<6} {'SLUG':<{w}} {'CATEGORY':<11} {'SEVERITY':<8} {'FIX':<6} SUMMARY")
        for r in rules:
            skip = f" (not for {', '.join(sorted(r.not_for))})" if r.not_for else ""
            click.echo(f"{r.code:<6} {r.slug:<{w}} {r.category.value:<11} {r.severity.value:<8} "
                       f"{fix_label(r):<6} {r.summary}{skip}")
    return int(ExitStatus.PASSED)


@click.command("rule")
@click.argument("code")
@handle_errors
def rule_command(code: str) -> int:
    """Print the documentation of one check (by code or slug)."""
    rule = get_rule(code)
    if rule is None:
        click.echo(f"tqcheck: error: unknown check {code!r} (see 'tqcheck rules')", err=True)
        return int(ExitStatus.USAGE_ERROR)
    if redirected(code) != code:
        click.echo(f"tqcheck: {code} is now {rule.code} ({rule.slug})", err=True)
    needs = f", needs {option_of(rule.needs).flag}" if rule.needs else ""
    not_for = f", not for {', '.join(sorted(rule.not_for))}" if rule.not_for else ""
    click.echo(f"{rule.code} {rule.slug} ({rule.category.value}, {rule.severity.value}, "
               f"fix: {fix_label(rule)}{needs}{not_for})\n")
    click.echo(rule.doc)
    return int(ExitStatus.PASSED)
