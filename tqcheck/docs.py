"""Check documentation, generated from the docstrings of the registered checks.

``python -m tqcheck.docs docs/checks`` writes one Markdown page per check and an index; a test keeps
the committed pages in step with the code.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from tqcheck.checks.registry import REDIRECTS, Redirect, Rule, all_rules, get_rule
from tqcheck.config import option_of

SECTIONS = ("What it does:", "Why it matters:", "Example:")


def _body(doc: str) -> str:
    lines = doc.splitlines()[1:]
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped in SECTIONS:
            out.append(f"## {stripped[:-1]}")
        else:
            out.append(line[4:] if line.startswith("    ") else line)
    return "\n".join(out).strip() + "\n"


def render_rule(rule: Rule) -> str:
    needs = f" · needs `{option_of(rule.needs).flag}`" if rule.needs else ""
    if rule.not_for:
        needs += " · not for " + ", ".join(f"`{f}`" for f in sorted(rule.not_for)) + " files"
    return (
        f"# {rule.code} {rule.slug}\n\n"
        f"{rule.summary}\n\n"
        f"Category: `{rule.category.value}` · default severity: `{rule.severity.value}` · "
        f"scope: {rule.scope} · fix: {_fix_text(rule)}{needs}\n\n"
        f"{_body(rule.doc)}"
    )


def render_redirect(redirect: Redirect) -> str:
    """The page of a retired code: where its findings went."""
    target = get_rule(redirect.target)
    assert target is not None
    return (
        f"# {redirect.code} {redirect.slug}: now {target.code} {target.slug}\n\n"
        f"`{redirect.code}` ({redirect.slug}) is retired: its findings are reported as "
        f"[{target.code} {target.slug}]({target.code}.md) — {redirect.why}.\n\n"
        f"The old code and slug keep working, as redirects: `--select {redirect.code}`, "
        f"`--ignore {redirect.code}`, `per-file-ignores`, `tqcheck-ignore {redirect.code}` "
        f"comments and PO flags apply to {target.code}, and baselines that recorded "
        f"{redirect.code} findings still match them.  `tqcheck rule {redirect.code}` shows "
        f"{target.code}.\n"
    )


def _fix_text(rule: Rule) -> str:
    if rule.fix is None:
        return "none"
    flag = {"safe": "`--fix`", "unsafe": "`--fix --unsafe-fixes`"}.get(rule.fix.value)
    return f"`{rule.fix.value}`" + (f" (applied by {flag})" if flag else "")


def render_index(rules: Sequence[Rule]) -> str:
    rows = [
        "# Checks\n",
        "Generated from the code by `python -m tqcheck.docs docs/checks`; `tqcheck rules` prints the "
        "same table and `tqcheck rule CODE` one page.\n",
        "The fix column says what `tqcheck audit --fix` can do (see [../fix.md](../fix.md)): `safe` "
        "fixes are applied by `--fix`, `unsafe` ones only with `--unsafe-fixes` too.\n",
        "| code | slug | category | severity | fix | summary |",
        "|---|---|---|---|---|---|",
    ]
    rows += [f"| [{r.code}]({r.code}.md) | {r.slug} | {r.category.value} | {r.severity.value} | "
             f"{r.fix.value if r.fix else 'none'} | {r.summary} |" for r in rules]
    rows += [
        "",
        "## Redirected codes\n",
        "Retired codes stay valid in selections, suppressions and baselines and stand for the check "
        "that took them over.\n",
        "| old code | old slug | now |",
        "|---|---|---|",
    ]
    rows += [f"| [{r.code}]({r.code}.md) | {r.slug} | [{r.target}]({r.target}.md) |"
             for r in REDIRECTS.values()]
    return "\n".join(rows) + "\n"


def expected_files() -> dict[str, str]:
    rules = all_rules()
    files = {f"{r.code}.md": render_rule(r) for r in rules}
    files.update({f"{r.code}.md": render_redirect(r) for r in REDIRECTS.values()})
    files["README.md"] = render_index(rules)
    return files


def main(argv: Sequence[str]) -> int:
    folder = Path(argv[0] if argv else "docs/checks")
    folder.mkdir(parents=True, exist_ok=True)
    wanted = expected_files()
    for old in folder.glob("TQ*.md"):
        if old.name not in wanted:
            old.unlink()
    for name, text in wanted.items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} files to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
