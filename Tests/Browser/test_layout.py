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
