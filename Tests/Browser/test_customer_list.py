"""The customer list works as site.js promises: sortable headers, filters that hide rows,
search by name, id and phone, and the header search box on every other page."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import LOCALES, ROOT

TABLE = "table#customers"

#: [{id, values}] of the rows a person sees, in order; `values` are the cells' data-sort
#: (or text) of column `arguments[0]`.
VISIBLE_COLUMN = f"""
var index = arguments[0];
return Array.from(document.querySelectorAll('{TABLE} tbody tr'))
  .filter(function (r) {{ return !r.classList.contains('empty') && r.offsetParent !== null; }})
  .map(function (r) {{
    var c = r.cells[index];
    var link = r.querySelector('a[href]');
    return {{ id: link ? link.getAttribute('href') : r.textContent,
             value: c.hasAttribute('data-sort') ? c.getAttribute('data-sort') : c.textContent.trim() }};
  }});
"""


@dataclass(frozen=True)
class KnownCustomer:
    id: str
    name: str
    phone: str


def _column(header: list[str], *names: str) -> int:
    for name in names:
        if name in header:
            return header.index(name)
    raise AssertionError(f"data/customers.csv has none of the columns {names}: {header}")


@pytest.fixture(scope="session")
def known_customer(sites) -> KnownCustomer:
    """A customer of the committed sample with a unique name, a mobile phone whose last four
    digits no other customer shares, and a portrait page in every locale."""
    with open(ROOT / "data" / "customers.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    header, body = rows[0], rows[1:]
    id_at = _column(header, "客户编号", "customer_id")
    name_at = _column(header, "客户名称", "name")
    phone_at = _column(header, "手机", "phone", "mobile")
    names = Counter(r[name_at] for r in body if len(r) > name_at)
    tails = Counter(re.sub(r"\D", "", r[phone_at])[-4:] for r in body if len(r) > phone_at)
    for row in body:
        if len(row) <= max(id_at, name_at, phone_at):
            continue
        phone = row[phone_at]
        if (re.fullmatch(r"1\d{10}", phone) and names[row[name_at]] == 1 and tails[phone[-4:]] == 1
                and re.fullmatch(r"[A-Za-z0-9_-]+", row[id_at])
                and all((site / "customers" / f"{row[id_at]}.html").is_file() for site in sites.values())):
            return KnownCustomer(row[id_at], row[name_at], phone)
    pytest.fail("no customer in data/customers.csv fits the search tests")


def header_button(browser, index: int):
    th = browser.driver.find_elements(By.CSS_SELECTOR, f"{TABLE} thead th")[index]
    buttons = th.find_elements(By.TAG_NAME, "button")
    return th, (buttons[0] if buttons else th)


def revenue_column(browser) -> int:
    """The numeric column whose cells show money (¥ / CN¥): revenue."""
    index = browser.js(f"""
        var ths = Array.from(document.querySelectorAll('{TABLE} thead th'));
        var row = document.querySelector('{TABLE} tbody tr');
        return ths.findIndex(function (th, i) {{
            return th.classList.contains('num') && row.cells[i] && /¥/.test(row.cells[i].textContent);
        }});""")
    assert index >= 0, "no numeric money column (revenue) in the customer table"
    return index


def numbers(rows) -> list[float]:
    return [float(re.sub(r"[^0-9.\-]", "", r["value"]) or "nan") for r in rows]


@pytest.mark.parametrize("locale", LOCALES)
def test_clicking_the_revenue_header_sorts_rows_by_revenue(browser, pages, locale):
    browser.open(pages[locale]["customer list"])
    column = revenue_column(browser)
    before = browser.js(VISIBLE_COLUMN, column)
    assert len(before) > 10
    th, button = header_button(browser, column)

    button.click()
    first = browser.js(VISIBLE_COLUMN, column)
    direction = th.get_attribute("aria-sort")
    assert direction in ("ascending", "descending"), "the header does not say how it sorts"
    values = numbers(first)
    expected = sorted(values, reverse=direction == "descending")
    assert values == expected, f"revenue is not {direction} after one click"

    button.click()
    second = browser.js(VISIBLE_COLUMN, column)
    assert th.get_attribute("aria-sort") != direction, "a second click should reverse the order"
    values = numbers(second)
    assert values == sorted(values, reverse=direction != "descending")
    assert [r["id"] for r in second] != [r["id"] for r in first], "the row order did not change"
    assert {r["id"] for r in second} == {r["id"] for r in before}, "sorting lost or added rows"


def test_clicking_the_customer_header_sorts_rows_by_name(browser, pages):
    browser.open(pages["zh-CN"]["customer list"])
    before = browser.js(VISIBLE_COLUMN, 0)
    th, button = header_button(browser, 0)
    button.click()
    after = browser.js(VISIBLE_COLUMN, 0)
    assert th.get_attribute("aria-sort") == "ascending"
    assert [r["id"] for r in after] != [r["id"] for r in before], "the row order did not change"
    in_order = browser.js("""
        var c = new Intl.Collator(document.documentElement.lang, {numeric: true});
        var v = arguments[0];
        for (var i = 1; i < v.length; i++) if (c.compare(v[i - 1], v[i]) > 0) return v[i - 1] + ' > ' + v[i];
        return true;""", [r["value"] for r in after])
    assert in_order is True, f"names are not in ascending order: {in_order}"


@pytest.mark.parametrize("locale", LOCALES)
def test_a_filter_hides_the_other_rows_and_keeps_the_matching_one(browser, pages, locale):
    browser.open(pages[locale]["customer list"])
    driver = browser.driver
    bar = driver.find_element(By.CSS_SELECTOR, ".filters[data-table='customers']")
    assert bar.is_displayed(), "the filter bar stays hidden with JavaScript on"
    total = len(browser.js(VISIBLE_COLUMN, 0))
    row = driver.find_element(By.CSS_SELECTOR, f"{TABLE} tbody tr[data-segment]")
    segment = row.get_attribute("data-segment")
    other = driver.find_element(By.CSS_SELECTOR, f"{TABLE} tbody tr:not([data-segment='{segment}'])")

    Select(bar.find_element(By.CSS_SELECTOR, "select[data-filter='segment']")).select_by_value(segment)
    shown = browser.js(VISIBLE_COLUMN, 0)
    assert 0 < len(shown) < total, "filtering by segment did not hide any row"
    assert row.is_displayed(), "the row of the chosen segment was hidden"
    assert not other.is_displayed(), "a row of another segment stayed visible"
    segments = browser.js(f"""return Array.from(document.querySelectorAll('{TABLE} tbody tr'))
        .filter(r => r.offsetParent !== null).map(r => r.getAttribute('data-segment'))""")
    assert set(segments) == {segment}
    counter = bar.find_element(By.CSS_SELECTOR, ".filter-count").text
    assert re.sub(r"\D", "", counter) == str(len(shown)), f"the count says {counter!r}"

    Select(bar.find_element(By.CSS_SELECTOR, "select[data-filter='segment']")).select_by_value("")
    assert len(browser.js(VISIBLE_COLUMN, 0)) == total, "clearing the filter did not show every row"


def test_a_segment_pages_list_link_opens_the_list_filtered(browser, pages):
    browser.open(pages["en"]["segment"])
    link = browser.driver.find_element(By.CSS_SELECTOR, "main a[href*='customers/index.html#']")
    wanted = link.get_attribute("href").split("#", 1)[1].split("=", 1)
    link.click()
    browser.wait_for(lambda: "customers/index.html" in browser.driver.current_url, "no navigation")
    select = browser.driver.find_element(By.CSS_SELECTOR, f"select[data-filter='{wanted[0]}']")
    assert select.get_attribute("value") == wanted[1]
    values = browser.js(f"""return Array.from(document.querySelectorAll('{TABLE} tbody tr'))
        .filter(r => r.offsetParent !== null).map(r => r.getAttribute('data-{wanted[0]}'))""")
    assert values and set(values) == {wanted[1]}


def search(browser, query: str) -> list[dict]:
    """Types `query` into the list's search box and returns the results a person sees."""
    box = browser.driver.find_element(By.ID, "customer-search")
    box.clear()
    browser.js("var l = document.getElementById('search-results'); while (l.firstChild) l.removeChild(l.firstChild);")
    box.send_keys(query)
    results = browser.driver.find_element(By.ID, "search-results")
    browser.wait_for(lambda: results.is_displayed() and results.find_elements(By.TAG_NAME, "li"),
                     f"no search results shown for {query!r}")
    return result_items(browser)


def result_items(browser) -> list[dict]:
    return browser.js("""return Array.from(document.querySelectorAll('#search-results li')).map(li => {
        var a = li.querySelector('a[href]'), id = li.querySelector('.sr-id');
        return {name: a ? a.textContent : '', href: a ? a.href : '', id: id ? id.textContent : '',
                text: li.textContent};
    })""")


def assert_listed(items, customer: KnownCustomer):
    hits = [i for i in items if i["id"] == customer.id]
    assert hits, f"{customer.id} not among {[i['text'] for i in items][:10]}"
    assert hits[0]["name"] == customer.name
    assert hits[0]["href"].endswith(f"/customers/{customer.id}.html")


@pytest.mark.parametrize("locale", LOCALES)
def test_search_finds_a_customer_by_name_and_by_id(browser, pages, known_customer, locale):
    browser.open(pages[locale]["customer list"])
    assert_listed(search(browser, known_customer.name), known_customer)
    assert_listed(search(browser, known_customer.id), known_customer)
    assert_listed(search(browser, known_customer.id.lower()), known_customer)


def test_search_finds_a_customer_by_the_last_digits_of_the_phone(browser, pages, known_customer):
    browser.open(pages["zh-CN"]["customer list"])
    items = search(browser, known_customer.phone[-4:])
    assert_listed(items, known_customer)
    masked = known_customer.phone[:3] + "****" + known_customer.phone[-4:]
    assert masked in items[[i["id"] for i in items].index(known_customer.id)]["text"], \
        "the result should show the masked phone"
    assert known_customer.phone not in " ".join(i["text"] for i in items), "full phone shown"


def test_search_finds_a_customer_by_the_full_phone_number(browser, pages, known_customer):
    browser.open(pages["zh-CN"]["customer list"])
    assert_listed(search(browser, known_customer.phone), known_customer)


def test_a_search_result_opens_the_portrait_and_a_miss_says_so(browser, pages, known_customer):
    browser.open(pages["en"]["customer list"])
    items = search(browser, "no such customer zzzz")
    assert len(items) == 1 and items[0]["href"] == "" and items[0]["text"].strip(), \
        "a search without match should say so in one line"
    search(browser, known_customer.id)
    browser.driver.find_element(By.CSS_SELECTOR, f"#search-results a[href$='{known_customer.id}.html']").click()
    browser.wait_for(lambda: browser.driver.current_url.endswith(f"/customers/{known_customer.id}.html"),
                     "clicking the result did not open the portrait")
    assert browser.driver.find_element(By.CSS_SELECTOR, "main h1").text == known_customer.name


@pytest.mark.parametrize("locale, start, by", [("zh-CN", "dashboard", "name"), ("en", "rep", "id")])
def test_the_header_search_box_finds_a_customer_from_any_page(browser, pages, known_customer, locale, start, by):
    query = getattr(known_customer, by)
    browser.open(pages[locale][start])
    box = browser.driver.find_element(By.ID, "quick-q")
    assert box.is_displayed(), "the header search box is not visible"
    box.send_keys(query, Keys.ENTER)
    browser.wait_for(lambda: "/customers/index.html?" in browser.driver.current_url,
                     "submitting the header search did not open the customer list")
    visit = browser.collect(browser.driver.current_url)
    assert visit.severe == [] and visit.problems_with_requests() == []
    browser.wait_for(lambda: result_items(browser), "the list shows no result for the header query")
    assert_listed(result_items(browser), known_customer)
    assert browser.driver.find_element(By.ID, "customer-search").get_attribute("value") == query
