"""JUnit XML, for CI systems that show test results (GitLab, Jenkins, Azure, CircleCI).

One test case per audited file and check code: it fails with every finding of that check in that
file.  Files that could not be read are test cases with an ``<error>``.  Characters XML 1.0 cannot
carry (control characters, unpaired surrogates) are written as ``\\uXXXX``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from xml.etree import ElementTree as ET

from tqcheck.model import Finding, Report
from tqcheck.report import RenderOptions
from tqcheck.report.common import relative_path

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with characters XML 1.0 forbids written as ``\\uXXXX``."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _line(f: Finding) -> str:
    out = f"{relative_path(f.path)}:{f.line}:{f.col}: {f.code} {f.message}"
    if f.suggestion:
        out += f" (suggestion: {f.suggestion})"
    return out


def render(report: Report, options: RenderOptions) -> str:
    codes = [r.code for r in report.rules]
    slugs = {r.code: r.slug for r in report.rules}
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in report.active:
        by_case[(f.path, f.code)].append(f)
    paths = list(dict.fromkeys([s.path for s in report.files] + [f.path for f in report.active]))
    root = ET.Element("testsuites", name="tqcheck")
    total = failures = errors = 0
    for path in paths:
        suite = ET.SubElement(root, "testsuite", name=xml_text(relative_path(path)))
        s_fail = 0
        for code in codes:
            case = ET.SubElement(suite, "testcase", name=xml_text(f"{code} {slugs.get(code, '')}"),
                                 classname=xml_text(relative_path(path)))
            found = by_case.get((path, code), [])
            if found:
                s_fail += 1
                worst = max(found, key=lambda f: f.severity.rank).severity.value
                failure = ET.SubElement(case, "failure", type=worst, message=xml_text(
                    f"{len(found)} finding{'s' if len(found) != 1 else ''}: {found[0].message}"))
                failure.text = xml_text("\n".join(_line(f) for f in found))
        suite.set("tests", str(len(codes)))
        suite.set("failures", str(s_fail))
        suite.set("errors", "0")
        total += len(codes)
        failures += s_fail
    if report.errors:
        suite = ET.SubElement(root, "testsuite", name="tqcheck: unreadable files",
                              tests=str(len(report.errors)), failures="0",
                              errors=str(len(report.errors)))
        for e in report.errors:
            case = ET.SubElement(suite, "testcase", name="read",
                                 classname=xml_text(relative_path(e.path)))
            ET.SubElement(case, "error", message=xml_text(e.message)).text = xml_text(e.message)
        total += len(report.errors)
        errors += len(report.errors)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
