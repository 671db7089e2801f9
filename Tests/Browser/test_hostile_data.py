"""A ledger written by an attacker (or by a careless export) shows as text: no markup from the
data reaches the DOM, no script runs, and no id writes a file outside the site folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from conftest import build_site, finish_build

SCRIPT_NAME = "<script>alert(1)</script>"
ATTRIBUTE_NAME = '"onmouseover="alert(1)'
ESCAPING_ID = "../../x"
COMMENT_TEXT = "</script><!--"
IMAGE_TEXT = "<img src=x onerror=alert(1)>"


def csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def csv_table(header: str, rows: list[list[str]]) -> str:
    return header + "\n" + "".join(",".join(csv_cell(v) for v in row) + "\n" for row in rows)


LEDGER = {
    "customers.csv": csv_table("customer_id,name,phone,tags", [
        ["H001", SCRIPT_NAME, "13800138000", COMMENT_TEXT],
        [ESCAPING_ID, "Dot Dot Trading", "13900139000", ""],
        ["H003", ATTRIBUTE_NAME, "13700137000", ""],
        ["H004", f"Plain {COMMENT_TEXT} Ltd", "13600136000", ""],
    ]),
    "orders.csv": csv_table("order_id,customer_id,order_date,amount,product", [
        ["O1", "H001", "2026-09-01", "100", COMMENT_TEXT],
        ["O2", ESCAPING_ID, "2026-09-02", "200", "Widget"],
        ["O3", "H003", "2026-09-03", "300", IMAGE_TEXT],
        ["O4", "H003", "2026-10-03", "350", "Widget"],
        ["O5", "H004", "2026-10-04", "50", "Widget"],
    ]),
    "interactions.csv": csv_table("customer_id,date,channel,kind,summary", [
        ["H001", "2026-09-05", "电话", "投诉", f"{COMMENT_TEXT} <b>bold</b>"],
        [ESCAPING_ID, "2026-09-06", "微信", "服务", ATTRIBUTE_NAME],
        ["H003", "2026-10-06", "电话", "咨询", IMAGE_TEXT],
    ]),
}


def all_files(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict:
    """The hostile ledger built deep inside a folder whose every file is accounted for."""
    root = tmp_path_factory.mktemp("hostile")
    project = root / "a" / "b" / "c" / "project"
    (project / "data").mkdir(parents=True)
    for name, text in LEDGER.items():
        (project / "data" / name).write_text(text, encoding="utf-8")
    before = all_files(root)
    site = finish_build(build_site(project / "data", project / "site", "--locale", "en"), project / "site")
    written = all_files(root) - before
    return {"site": site, "root": root, "written": written}


def test_no_file_is_written_outside_the_site_folder(hostile):
    site = hostile["site"].resolve()
    outside = sorted(str(p) for p in hostile["written"] if site not in p.resolve().parents)
    assert outside == [], "files written outside the site folder"
    assert (hostile["site"] / "customers" / "index.html").is_file()


def portrait_of(browser, site: Path, customer_id: str) -> str:
    """The portrait URL the customer list links to for `customer_id` (the file name is the
    renderer's business)."""
    browser.open(site / "customers" / "index.html")
    href = browser.portrait_link(customer_id)
    assert href, f"the customer list has no linked row for {customer_id!r}"
    return href


def assert_page_is_inert(browser, visit, texts: list[str]):
    driver = browser.driver
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert
    assert visit.severe == [], "console errors"
    assert visit.problems_with_requests() == []
    scripts = browser.js("return Array.from(document.scripts).map(s => s.getAttribute('src') || ('inline: ' + s.text.slice(0, 80)))")
    strangers = [s for s in scripts if not re.fullmatch(r"(\.\./)*assets/[\w.-]+\.js", s)]
    assert strangers == [], "script elements that are not the site's own assets/*.js"
    handlers = browser.js("""return Array.from(document.querySelectorAll('*')).flatMap(function (e) {
        return Array.from(e.attributes).filter(a => /^on/i.test(a.name)).map(a => e.tagName + ' ' + a.name);
    })""")
    assert handlers == [], "event-handler attributes in the DOM"
    injected = browser.js("""return document.querySelectorAll('img').length +
        Array.from(document.querySelectorAll('b')).filter(b => b.textContent === 'bold').length""")
    assert injected == 0, "markup from the data (<img>, <b>bold</b>) reached the DOM"
    page_text = browser.js("return document.body.innerText")
    for text in texts:
        assert text in page_text, f"{text!r} is not shown as text"


def test_the_customer_list_shows_hostile_names_as_text(browser, hostile):
    visit = browser.open(hostile["site"] / "customers" / "index.html")
    assert_page_is_inert(browser, visit, [SCRIPT_NAME, ATTRIBUTE_NAME, ESCAPING_ID])
    sorts = browser.js("return Array.from(document.querySelectorAll('table#customers td[data-sort]')).map(c => c.getAttribute('data-sort'))")
    assert ATTRIBUTE_NAME in sorts, "the quote in a name broke out of its attribute"
    target = browser.driver.find_element(
        By.XPATH, "//table[@id='customers']//a[contains(., 'onmouseover')]")
    ActionChains(browser.driver).move_to_element(target).perform()
    with pytest.raises(NoAlertPresentException):
        browser.driver.switch_to.alert


def test_searching_for_a_hostile_name_lists_it_as_text(browser, hostile):
    browser.open(hostile["site"] / "customers" / "index.html")
    box = browser.driver.find_element(By.ID, "customer-search")
    box.send_keys("alert")
    browser.wait_for(lambda: browser.js("return document.querySelectorAll('#search-results li').length") >= 2,
                     "no search result for 'alert'")
    names = browser.js("return Array.from(document.querySelectorAll('#search-results li > a, #search-results li > span:first-child')).map(e => e.textContent)")
    assert SCRIPT_NAME in names and ATTRIBUTE_NAME in names
    visit = browser.collect(browser.driver.current_url)
    assert_page_is_inert(browser, visit, [SCRIPT_NAME])


@pytest.mark.parametrize("customer_id, texts", [
    ("H001", [SCRIPT_NAME, COMMENT_TEXT]),
    ("H003", [ATTRIBUTE_NAME, IMAGE_TEXT]),
    (ESCAPING_ID, ["Dot Dot Trading", ESCAPING_ID, ATTRIBUTE_NAME]),
])
def test_a_portrait_shows_hostile_values_as_text(browser, hostile, customer_id, texts):
    url = portrait_of(browser, hostile["site"], customer_id)
    assert url.startswith(hostile["site"].resolve().as_uri() + "/"), f"the portrait {url} is outside the site"
    visit = browser.open(url)
    assert_page_is_inert(browser, visit, texts)
    assert browser.driver.find_element(By.CSS_SELECTOR, "main h1").text == \
        {"H001": SCRIPT_NAME, "H003": ATTRIBUTE_NAME, ESCAPING_ID: "Dot Dot Trading"}[customer_id]


def test_the_dashboard_with_hostile_data_is_inert(browser, hostile):
    visit = browser.open(hostile["site"] / "index.html")
    assert_page_is_inert(browser, visit, [])
    for page in ("quality.html", "service.html", "segments/index.html", "lifecycle.html"):
        visit = browser.open(hostile["site"] / page)
        assert_page_is_inert(browser, visit, [])
