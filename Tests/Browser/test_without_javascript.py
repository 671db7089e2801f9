"""With JavaScript switched off the report still reads: tables are plain HTML, charts are SVG."""

from selenium.webdriver.common.by import By


def visible_rows(browser, selector: str) -> int:
    return browser.js(f"""return Array.from(document.querySelectorAll('{selector} tbody tr'))
        .filter(r => r.offsetParent !== null && !r.classList.contains('empty')).length""")


def test_the_customer_list_is_readable_without_javascript(no_script_browser, pages):
    browser = no_script_browser
    visit = browser.open(pages["zh-CN"]["customer list"])
    assert visit.severe == []
    assert browser.js("return document.querySelectorAll('table.sortable th button').length") == 0, \
        "JavaScript was not off"
    assert visible_rows(browser, "table#customers") > 100
    first_link = browser.driver.find_element(By.CSS_SELECTOR, "table#customers tbody tr a[href]")
    assert first_link.is_displayed() and first_link.text.strip()
    notes = browser.driver.find_elements(By.CSS_SELECTOR, ".search-card .note")
    assert any(n.is_displayed() and n.text.strip() for n in notes), \
        "nothing tells the reader that search needs JavaScript"


def test_a_portrait_is_readable_without_javascript(no_script_browser, pages):
    browser = no_script_browser
    visit = browser.open(pages["en"]["portrait"])
    assert visit.severe == []
    heading = browser.driver.find_element(By.CSS_SELECTOR, "main h1")
    assert heading.is_displayed() and heading.text.strip()
    facts = browser.driver.find_elements(By.CSS_SELECTOR, "main dl dt")
    assert facts and facts[0].is_displayed()
    assert visible_rows(browser, "main table.data") > 0, "the purchase history shows no row"
    chart = browser.driver.find_element(By.CSS_SELECTOR, "main svg[role='img']")
    assert chart.is_displayed() and chart.size["height"] > 0
