"""Refresh the Unicode CLDR values in the language data files (tqcheck/data/lang/<code>.toml).

    pip install babel==2.18.0
    python scripts/build_langdata.py --check      # list the values that differ from the CLDR
    python scripts/build_langdata.py              # rewrite those values in place
    python scripts/build_langdata.py --new xx     # start tqcheck/data/lang/xx.toml for a new language
    python scripts/build_langdata.py --number-norms   # rewrite tqcheck/data/number_norms.toml

The language files are edited by hand: abbreviations, legitimate doubles, function words, quote
norms, structure patterns and the rest were written for tqcheck (Apache-2.0) and live only in the
files.  This script owns four values of each file, which it reads from the Unicode CLDR through
Babel (CLDR data: Unicode License v3, https://www.unicode.org/license.txt; Babel: BSD-3-Clause):
the decimal and group separators (`[numbers]`) and the wide weekday and month names
(`[calendar]`).  A refresh replaces those lines and leaves every other line, comment and table of
the file as it is.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

LANG_DIR = Path(__file__).resolve().parents[1] / "tqcheck" / "data" / "lang"

#: The keys this script owns, by table.
OWNED = {"numbers": ("decimal", "group"), "calendar": ("weekdays", "months")}

#: Tables a file keeps by hand on purpose.  Arabic writes month names in two systems (يناير and
#: كانون الثاني) and decimals with "." and "٫", so its file names no months and no separators.
BY_HAND: dict[str, frozenset[str]] = {"ar": frozenset({"calendar", "numbers"})}


def toml_value(value: Any) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(value)


def cldr(code: str) -> dict[str, dict[str, Any]]:
    """The values this script owns, read from the CLDR for ``code``."""
    from babel import Locale

    loc = Locale.parse(code)
    days = loc.days["format"]["wide"]
    months = loc.months["format"]["wide"]
    symbols = loc.number_symbols.get("latn", loc.number_symbols)
    return {"numbers": {"decimal": symbols["decimal"], "group": symbols["group"]},
            "calendar": {"weekdays": [days[i] for i in range(7)],
                         "months": [months[i] for i in range(1, 13)]}}


def owned(code: str) -> dict[str, dict[str, Any]]:
    return {table: values for table, values in cldr(code).items()
            if table not in BY_HAND.get(code, frozenset())}


def refresh(text: str, data: dict[str, dict[str, Any]]) -> tuple[str, list[str]]:
    """``text`` with the owned keys set to ``data``; and a line per value changed or added."""
    lines = text.split("\n")
    changes: list[str] = []
    table = ""
    seen: set[tuple[str, str]] = set()
    ends: dict[str, int] = {}
    for n, line in enumerate(lines):
        header = re.match(r"\[([A-Za-z_]+)\]\s*$", line)
        if header:
            table = header.group(1)
            ends[table] = n + 1
            continue
        if table:
            ends[table] = n + 1 if line.strip() else ends[table]
        key = re.match(r"([A-Za-z_]+)\s*=", line)
        if key and table in data and key.group(1) in data[table]:
            want = f"{key.group(1)} = {toml_value(data[table][key.group(1)])}"
            seen.add((table, key.group(1)))
            if tomllib.loads(line) != tomllib.loads(want):
                changes.append(f"[{table}] {line.strip()}  ->  {want}")
                lines[n] = want
    # Missing keys go at the end of their table; a missing table at the end of the file.
    for table_name, values in data.items():
        missing = [k for k in values if (table_name, k) not in seen]
        if not missing:
            continue
        new = [f"{k} = {toml_value(values[k])}" for k in missing]
        changes.extend(f"[{table_name}] + {line}" for line in new)
        if table_name in ends:
            lines[ends[table_name]:ends[table_name]] = new
            ends = {t: (e + len(new) if e > ends[table_name] else e) for t, e in ends.items()}
        else:
            while lines and not lines[-1].strip():
                lines.pop()
            lines += ["", f"[{table_name}]", *new, ""]
    return "\n".join(lines), changes


def start(code: str, name: str, script: str) -> str:
    """A new language file: the CLDR values and the keys a language must have."""
    data = cldr(code)
    out = [f"# Language data for {name} ({code}). Written for tqcheck (Apache-2.0) except the",
           "# CLDR values that scripts/build_langdata.py refreshes.",
           f"name = {toml_value(name)}", f"script = {toml_value(script)}",
           "has_case = " + ("true" if script in {"Latin", "Cyrillic", "Greek"} else "false"),
           "abbreviations = []", "legitimate_doubles = []", "function_words = []", "",
           "[quotes]", 'primary = ["“", "”"]', 'secondary = ["‘", "’"]', "straight_allowed = true"]
    for table, values in data.items():
        out += ["", f"[{table}]", *(f"{k} = {toml_value(v)}" for k, v in values.items())]
    return "\n".join(out) + "\n"


#: Languages without a data file whose number separators TQ308 reads from
#: ``tqcheck/data/number_norms.toml`` (languages that write 0-9 with "." or "," as decimal).
NUMBER_NORM_LANGS = (
    "af", "az", "be", "bg", "bs", "ca", "cy", "da", "el", "et", "eu", "fi", "ga", "gl", "hr",
    "hu", "hy", "id", "is", "ka", "kk", "ky", "lb", "lt", "lv", "mk", "mn", "ms", "mt", "no",
    "ro", "sk", "sl", "sq", "sr", "sv", "sw", "tl", "uz", "vi",
)


def number_norms() -> str:
    """The decimal and group separators of :data:`NUMBER_NORM_LANGS`, from the CLDR."""
    out = ["# Decimal and group separators of languages without a data file (TQ308), from the",
           "# Unicode CLDR (Unicode License v3) through Babel.  Generated by",
           "# `python scripts/build_langdata.py --number-norms`; a language file's [numbers] wins.",
           ""]
    for code in NUMBER_NORM_LANGS:
        if (LANG_DIR / f"{code}.toml").exists():
            continue
        from babel import Locale

        values = cldr(code)["numbers"]
        if values["decimal"] not in (".", ","):
            continue
        name = Locale.parse(code).english_name
        out.append(f"{code} = {{ name = {toml_value(name)}, decimal = "
                   f"{toml_value(values['decimal'])}, group = {toml_value(values['group'])} }}")
    out += ["", "# The default numbering system of each language with digits of its own that does",
            "# not write 0-9 by default (CLDR defaultNumberingSystem): TQ504 settles a tie",
            "# between two digit scripts in one document toward it.", "[default_digits]"]
    from babel import Locale

    from tqcheck.checks.punctuation import _NATIVE_DIGIT_LANGS

    for code in sorted(_NATIVE_DIGIT_LANGS):
        try:
            system = Locale.parse(code).default_numbering_system
        except (ValueError, LookupError):
            continue
        if system != "latn":
            out.append(f"{code} = {toml_value(system)}")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("codes", nargs="*", help="language codes (default: every file)")
    parser.add_argument("--check", action="store_true", help="report differences, write nothing")
    parser.add_argument("--new", metavar="CODE", help="start a file for a new language")
    parser.add_argument("--name", help="with --new: the language's English name")
    parser.add_argument("--script", default="Latin", help="with --new: its script")
    parser.add_argument("--number-norms", action="store_true",
                        help="rewrite tqcheck/data/number_norms.toml")
    args = parser.parse_args(argv)
    if args.number_norms:
        path = LANG_DIR.parent / "number_norms.toml"
        path.write_text(number_norms(), encoding="utf-8")
        print(f"wrote {path.name}")
        return 0
    if args.new:
        path = LANG_DIR / f"{args.new}.toml"
        if path.exists():
            print(f"build_langdata: error: {path} exists; refresh it instead", file=sys.stderr)
            return 2
        path.write_text(start(args.new, args.name or args.new, args.script), encoding="utf-8")
        print(f"wrote {path.name}")
        return 0
    codes = args.codes or sorted(p.stem for p in LANG_DIR.glob("*.toml"))
    differ = 0
    for code in codes:
        path = LANG_DIR / f"{code}.toml"
        if not path.is_file():
            print(f"build_langdata: error: no {path}", file=sys.stderr)
            return 2
        text = path.read_text(encoding="utf-8")
        new, changes = refresh(text, owned(code))
        for change in changes:
            print(f"{code}: {change}")
        differ += bool(changes)
        if changes and not args.check:
            path.write_text(new, encoding="utf-8")
    print(f"{differ} of {len(codes)} files {'differ from' if args.check else 'refreshed from'} "
          "the CLDR")
    return 1 if args.check and differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
