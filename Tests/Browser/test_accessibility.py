"""axe-core on every page type: no violation of impact serious or critical.

Moderate and minor findings are listed at the end of the pytest output, not failed on.
Colour contrast (WCAG AA, 4.5:1 for text) is checked in a test of its own, so a contrast failure
does not hide any other serious violation.
"""

from __future__ import annotations

import os

import pytest
from axe_selenium_python import Axe

from conftest import PAGE_TYPES

try:  # axe-core 4.x (see requirements.txt); axe-selenium-python's own copy is 3.1.1.
    import axe_core_python
    AXE_SCRIPT = os.path.join(os.path.dirname(axe_core_python.__file__), "axe.min.js")
except ImportError:  # pragma: no cover - then the bundled 3.1.1 runs
    from axe_selenium_python.axe import _DEFAULT_SCRIPT as AXE_SCRIPT

LOCALE = "zh-CN"   # the sample's own locale; en pages share every template and stylesheet
BLOCKING = ("serious", "critical")
#: The customer list repeats one row template ~2,000 times; axe checks the first rows only.
ROWS_CHECKED = 100

_results: dict[tuple[str, str], list[dict]] = {}
FINDINGS: list[str] = []   # printed by conftest.pytest_terminal_summary


def violations(browser, pages, kind: str) -> list[dict]:
    key = (LOCALE, kind)
    if key not in _results:
        visit = browser.open(pages[LOCALE][kind])
        assert visit.severe == []
        browser.js(f"""document.querySelectorAll('table#customers tbody').forEach(function (b) {{
            while (b.rows.length > {ROWS_CHECKED}) b.deleteRow(-1); }});""")
        axe = Axe(browser.driver, script_url=AXE_SCRIPT)
        axe.inject()
        found = axe.run(options='{"resultTypes": ["violations"]}')["violations"]
        _results[key] = found
        for v in found:
            if v["impact"] not in BLOCKING:
                FINDINGS.append(f"{LOCALE} {kind}: {v['id']} ({v['impact']}) on {len(v['nodes'])} element(s): "
                                f"{v['nodes'][0]['target']}")
    return _results[key]


def describe(found: list[dict]) -> str:
    lines = []
    for v in found:
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])} elements): {v['help']}")
        for node in v["nodes"][:3]:
            detail = (node.get("any") or node.get("all") or node.get("none") or [{}])[0].get("message", "")
            lines.append(f"    {node['target']} {node['html'][:120]} -- {detail[:160]}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_or_critical_accessibility_violation(browser, pages, kind):
    found = [v for v in violations(browser, pages, kind)
             if v["impact"] in BLOCKING and v["id"] != "color-contrast"]
    assert not found, "axe found:\n" + describe(found)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_text_has_enough_colour_contrast(browser, pages, kind):
    found = [v for v in violations(browser, pages, kind) if v["id"] == "color-contrast"]
    assert not found, "axe found:\n" + describe(found)
