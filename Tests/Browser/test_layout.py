"""Pages fit a phone (390 px) without scrolling sideways; screenshots for people to look at.

Set PORTRAIT_SCREENSHOTS to a folder to get full-page PNGs of the main page types in both
locales at both widths (not asserted on).
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from conftest import DESKTOP, LOCALES, PAGE_TYPES, PHONE

SCREENSHOT_PAGES = ("dashboard", "portrait", "lifecycle", "rep", "quality")


def save_full_page(browser, path: Path) -> None:
    metrics = browser.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = browser.driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 12000), "scale": 1},
    })
    path.write_bytes(base64.b64decode(shot["data"]))


def overflow(browser) -> str | None:
    """Why the document scrolls sideways, or None when it fits the window."""
    inner = browser.js("return window.innerWidth")
    width = browser.js("return document.documentElement.scrollWidth")
    if width <= inner + 1:
        return None
    culprits = browser.js("""var w = window.innerWidth;
        return Array.from(document.querySelectorAll('body *')).filter(function (e) {
            var r = e.getBoundingClientRect(); return r.right > w + 1 && !e.closest('.table-wrap, svg');
        }).slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '')
            + ' right=' + Math.round(e.getBoundingClientRect().right));""")
    return f"the document is {width}px wide in a {inner}px window; overflowing: {culprits}"


#: Every page type at phone width; the customer list (2,000 rows, slow to load) in one locale.
PHONE_CASES = [(locale, kind) for locale in LOCALES for kind in PAGE_TYPES
               if kind != "customer list" or locale == "zh-CN"]


@pytest.mark.parametrize("locale, kind", PHONE_CASES)
def test_the_page_fits_a_phone_without_scrolling_sideways(browser, pages, locale, kind):
    browser.open(pages[locale][kind], size=PHONE)
    inner = browser.js("return window.innerWidth")
    assert abs(inner - PHONE[0]) <= 20, f"the window is {inner}px wide, not {PHONE[0]}px"
    problem = overflow(browser)
    assert problem is None, problem


def chart_in_view(browser, chart_id: str) -> dict:
    """Where the chart `chart_id` stands in its figure's scroll box: whether its first and last
    x-axis labels are inside the box, and the chart's and the box's widths."""
    return browser.js("""
        var svg = document.querySelector('svg[aria-labelledby^="' + arguments[0] + '-title"]');
        var box = svg.closest('figure').getBoundingClientRect();
        var labels = Array.from(svg.querySelectorAll('text')).filter(function (t) {
            return t.getBoundingClientRect().top > svg.getBoundingClientRect().bottom - 30; })
            .sort(function (a, b) { return a.getBoundingClientRect().left - b.getBoundingClientRect().left; });
        function inside(t) { var r = t.getBoundingClientRect(); return r.left >= box.left - 1 && r.right <= box.right + 1; }
        return {first: inside(labels[0]), last: inside(labels[labels.length - 1]),
                chart: Math.round(svg.getBoundingClientRect().width), box: Math.round(box.width)};""", chart_id)


@pytest.mark.parametrize("locale", LOCALES)
def test_charts_over_the_months_open_at_the_latest_month_on_a_phone(browser, pages, locale):
    """On a phone a chart scrolls sideways inside its card; one over the months shows its latest
    months first, a chart of categories its first categories, and on a desktop both show whole."""
    browser.open(pages[locale]["dashboard"], size=PHONE)
    for chart in ("revenue-trend", "new-customers"):
        view = chart_in_view(browser, chart)
        assert view["chart"] > view["box"], f"{chart}: the chart does not scroll at phone width: {view}"
        assert view["last"] and not view["first"], f"{chart}: not opened at its latest month: {view}"
    # Its legend (two series) is above the latest months, in view.
    legend = browser.js("""var svg = document.querySelector('svg[aria-labelledby^="new-customers-title"]');
        var box = svg.closest('figure').getBoundingClientRect(), r = svg.querySelector('g.legend').getBoundingClientRect();
        return r.left >= box.left && r.right <= box.right + 1;""")
    assert legend, "the legend of new customers per month is scrolled out of view"
    view = chart_in_view(browser, "industries")
    assert view["first"], f"a chart of categories opens at its start: {view}"
    browser.open(pages[locale]["service"], size=PHONE)
    view = chart_in_view(browser, "service-monthly")
    assert view["last"] and not view["first"], f"service-monthly: {view}"
    browser.open(pages[locale]["dashboard"], size=DESKTOP)
    view = chart_in_view(browser, "revenue-trend")
    assert view["first"] and view["last"], f"at desktop width the whole chart shows: {view}"


@pytest.mark.skipif(not os.environ.get("PORTRAIT_SCREENSHOTS"), reason="PORTRAIT_SCREENSHOTS is not set")
@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280px", "390px"])
@pytest.mark.parametrize("kind", SCREENSHOT_PAGES)
@pytest.mark.parametrize("locale", LOCALES)
def test_screenshot(browser, pages, locale, kind, size):
    """Full-page PNGs for people to look at; nothing is asserted but that the page loads."""
    visit = browser.open(pages[locale][kind], size=size)
    folder = Path(os.environ["PORTRAIT_SCREENSHOTS"])
    folder.mkdir(parents=True, exist_ok=True)
    save_full_page(browser, folder / f"{locale}-{kind}-{size[0]}.png")
    assert visit.severe == []
