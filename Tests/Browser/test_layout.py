"""Pages fit a phone (390 px) as well as a laptop (1280 px); screenshots for people to look at.

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


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["390px", "1280px"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("locale", LOCALES)
def test_the_page_does_not_scroll_sideways(browser, pages, locale, kind, size):
    browser.open(pages[locale][kind], size=size)
    inner = browser.js("return window.innerWidth")
    assert abs(inner - size[0]) <= 20, f"the window is {inner}px wide, not {size[0]}px"
    width = browser.js("return document.documentElement.scrollWidth")
    if width > inner + 1:
        culprits = browser.js("""var w = window.innerWidth;
            return Array.from(document.querySelectorAll('main *, header *, footer *')).filter(function (e) {
                var r = e.getBoundingClientRect(); return r.right > w + 1 && !e.closest('.table-wrap, details');
            }).slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' right=' + Math.round(e.getBoundingClientRect().right));""")
        pytest.fail(f"the document is {width}px wide in a {inner}px window; widest: {culprits}")

    folder = os.environ.get("PORTRAIT_SCREENSHOTS")
    if folder and kind in SCREENSHOT_PAGES:
        Path(folder).mkdir(parents=True, exist_ok=True)
        save_full_page(browser, Path(folder) / f"{locale}-{kind}-{size[0]}.png")
