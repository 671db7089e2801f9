"""Every page type opens from file:// with nothing red in the console and no failed request."""

import pytest

from conftest import LOCALES, PAGE_TYPES


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("locale", LOCALES)
def test_page_loads_offline_without_errors(browser, pages, locale, kind):
    visit = browser.open(pages[locale][kind])
    assert visit.severe == [], f"console errors on {visit.url}"
    assert visit.problems_with_requests() == [], f"bad requests on {visit.url}"
    assert any(url.endswith("/assets/site.css") for url in visit.requests.values()), \
        "the stylesheet was not requested"
    assert browser.js("return document.documentElement.lang") == locale
    title = browser.driver.title
    assert title.strip(), "the page has no <title>"
    heading = browser.driver.find_element("css selector", "main h1")
    assert heading.is_displayed() and heading.text.strip(), "the page has no visible <h1>"
    if kind == "customer list":
        # site.js runs under the page's Content-Security-Policy from file://: headers become buttons.
        buttons = browser.js("return document.querySelectorAll('table.sortable thead th button').length")
        assert buttons > 0, "site.js did not run: no sort buttons in the customer table"

