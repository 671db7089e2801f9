"""What a manager sees first: KPI cards, charts and tables are on screen, and a chart's numbers
are one click away in its <details> table."""

import pytest
from selenium.webdriver.common.by import By

from conftest import LOCALES

#: What each page type shows, from the templates (kpi.mustache, table.mustache, Charts' SVG).
SHOWS = {
    "dashboard": {"kpis", "charts", "tables"},
    "customer list": {"tables"},
    "portrait": {"kpis", "charts", "tables"},
    "segments": {"charts", "tables"},
    "segment": {"kpis", "charts", "tables"},
    "lifecycle": {"kpis", "charts"},
    "team": {"charts", "tables"},
    "rep": {"kpis", "tables"},
    "service": {"kpis", "charts", "tables"},
    "quality": {"kpis", "charts", "tables"},
}


def has_area(element) -> bool:
    size = element.size
    return element.is_displayed() and size["width"] > 0 and size["height"] > 0


@pytest.mark.parametrize("kind", sorted(SHOWS))
@pytest.mark.parametrize("locale", LOCALES)
def test_kpis_charts_and_tables_are_visible(browser, pages, locale, kind):
    browser.open(pages[locale][kind])
    driver = browser.driver
    shows = SHOWS[kind]

    if "kpis" in shows:
        cards = driver.find_elements(By.CSS_SELECTOR, "main .kpi")
        assert cards, "no KPI card"
        for card in cards:
            assert has_area(card), f"KPI card not visible: {card.text!r}"
            value = card.find_element(By.CSS_SELECTOR, ".kpi-value")
            assert value.text.strip(), f"KPI card without a value: {card.text!r}"

    if "charts" in shows:
        charts = driver.find_elements(By.CSS_SELECTOR, "main svg[role='img']")
        assert charts, "no chart (svg[role=img])"
        for chart in charts:
            title = browser.js(
                "var t = arguments[0].querySelector(':scope > title'); return t ? t.textContent : ''",
                chart)
            assert title.strip(), f"chart without a <title>: {chart.get_attribute('class')}"
            assert has_area(chart), f"chart not visible: {title}"

    if "tables" in shows:
        tables = [t for t in driver.find_elements(By.CSS_SELECTOR, "main table")
                  if not browser.js("return !!arguments[0].closest('details')", t)]
        assert tables, "no table outside the charts' data tables"
        for table in tables:
            assert has_area(table), f"table not visible: {table.get_attribute('id')}"
        rows = browser.js(
            "return Array.from(arguments[0].tBodies[0].rows).filter(r => r.offsetParent).length",
            tables[0])
        assert rows > 0, "the first table shows no row"


CHART_PAGES = [kind for kind, shows in SHOWS.items() if "charts" in shows]


@pytest.mark.parametrize("kind", CHART_PAGES)
def test_a_charts_data_table_opens_on_click(browser, pages, kind):
    browser.open(pages["en"][kind])
    driver = browser.driver
    chart = driver.find_element(By.CSS_SELECTOR, "main svg[role='img']")
    details = browser.js(
        "var f = arguments[0].closest('figure') || arguments[0].parentElement;"
        "return f.querySelector('details') || (f.nextElementSibling && f.nextElementSibling.matches('details') ? f.nextElementSibling : null)",
        chart)
    assert details is not None, "the first chart has no <details> data table beside it"
    table = details.find_element(By.TAG_NAME, "table")
    assert details.get_attribute("open") is None and not table.is_displayed(), \
        "the data table should start closed"
    summary = details.find_element(By.TAG_NAME, "summary")
    assert summary.is_displayed() and summary.text.strip()
    summary.click()
    browser.wait_for(lambda: table.is_displayed(), "the data table did not open on click")
    assert details.get_attribute("open") is not None
    cells = table.find_elements(By.CSS_SELECTOR, "tbody td, tbody th")
    assert cells and any(c.text.strip() for c in cells), "the opened data table is empty"
