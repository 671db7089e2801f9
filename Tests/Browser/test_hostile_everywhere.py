"""Hostile values in every text field of a full sample ledger: every page type shows them as
text, no script runs, nothing loads from outside the site, and the exports neutralise them.

The ledger is `portrait sample --customers 200` with every text cell of every table rewritten:
names, ids (consistently across tables), industry, region, city, address, contact, tags,
source, e-mail, phone, reps' names, teams and managers, products, categories, interaction
summaries, opportunity ids, an extra column with a hostile header, and the site title; every
tenth enum cell and every fiftieth date or amount is hostile too (they become findings, shown
on the quality page). Contacts are not masked, so their raw text reaches the pages.

Each page is loaded in its own headless Chromium whose `alert`, `confirm`, `prompt`, `print`
and `open` are replaced before any page script runs, and which records every Content Security
Policy violation: a payload that got into the DOM as markup would call one or be refused by the
CSP, and both are failures here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from conftest import BINARY, Browser, _linked_pages, build_site, finish_build, start_chrome

# ---------------------------------------------------------------------------------------------
# The payloads

LONG = "長" * 1500 + "<script>alert('long')</script>" + "L" * 1500

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "</script><script>alert(3)</script>",
    "' onmouseover='alert(4)' x='",
    "javascript:alert(5)",
    '=HYPERLINK("http://evil.example/x","click")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+2 tab",
    "\r=3+4 cr",
    "{{mustache}} {{{triple}}} {{#each}}x{{/each}} {{>partial}}",
    "&amp; &lt;b&gt;not bold&lt;/b&gt; &#60;i&#62;",
    "\u202eevil\u202c \u200bzero\u200bwidth\ufeff \u2067rtl\u2069",
    "<svg onload=alert(6)><circle r=9></circle></svg>",
    "]]><!-- --><![CDATA[x]]>",
    "\u2028line\u2029sep \\\" ` ${alert(7)} </ScRiPt>",
    "<a href=\"http://evil.example/\">link</a><iframe src=//evil.example></iframe>",
    LONG,
]

#: Prefixes for ids: hostile, yet (with the original id after them) unique and consistent.
ID_PREFIXES = [
    "<script>alert(11)</script>", '"><img src=x onerror=alert(12)>', "../../", "CON", "{{id}}",
    "=1+1", "-2+2", "@id", "+id", "\u202e", "&amp;", "javascript:", "a/b\\", "</script>",
]

#: Values for enum cells that match nothing: `bad_value` findings quoting them.
BAD_ENUM = ["<script>alert(21)</script>", "=1+1", '"><img src=x onerror=alert(22)>']

#: E-mail addresses Portrait accepts as valid that are markup or formulas all the same.
VALID_LOOKING_EMAILS = [
    '"><img/src=x/onerror=alert(31)>@example.com',
    "<script>alert(32)</script>@example.com",
    '=HYPERLINK("http://evil.example")@example.com',
    "javascript:alert(33)//@example.com",
]

#: Hostile text columns of each table (ids are handled apart, enums and dates sparsely).
TEXT_COLUMNS = {
    "customers.csv": ["name", "industry", "region", "city", "address", "contact_name", "source", "tags"],
    "orders.csv": ["product", "category"],
    "interactions.csv": ["summary"],
    "reps.csv": ["name", "team", "manager", "region"],
    "opportunities.csv": [],
}
ID_COLUMNS = {
    "customer_id": "customer", "owner_id": "rep", "rep_id": "rep", "order_id": "order",
    "interaction_id": "interaction", "opportunity_id": "opportunity",
}
ENUM_COLUMNS = ["type", "gender", "status", "channel", "kind", "stage"]
DATE_AMOUNT_COLUMNS = ["order_date", "amount", "created_at", "date", "birth_date"]

HOSTILE_HEADER = '<img src=x onerror=alert(41)>备注'
TITLE = "<script>alert(42)</script> {{title}} &amp; 报告"

#: Markup of the payloads as it would appear in a page that failed to escape it.
RAW_MARKUP = re.compile(
    r"<script>alert|<img src=x|<img/src|<svg onload|<circle r=9|<iframe|<a href=\"http://evil"
    r"|' onmouseover='|\" onerror=|<b>not bold", re.IGNORECASE)


def hostile_id(kind: str, original: str, index: int) -> str:
    if kind == "customer" and index == 7:
        return "L" * 600 + original
    return ID_PREFIXES[(index + len(kind)) % len(ID_PREFIXES)] + original


def rewrite(name: str, text: str, ids: dict[tuple[str, str], str]) -> str:
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    out_header = list(header)
    if name == "customers.csv":
        out_header.append(HOSTILE_HEADER)
    out = [out_header]
    for number, row in enumerate(body):
        cells = dict(zip(header, row))
        new = []
        for column, value in zip(header, row):
            payload = PAYLOADS[(number + header.index(column)) % len(PAYLOADS)]
            if column in ID_COLUMNS and value:
                value = ids.get((ID_COLUMNS[column], value), value)
            elif column in TEXT_COLUMNS[name]:
                if column == "tags":
                    value = ";".join(PAYLOADS[(number + i) % len(PAYLOADS)].replace(";", ",") + tag
                                     for i, tag in enumerate((value or "标签").split(";")))
                else:
                    value = payload + value
            elif column == "email":
                value = VALID_LOOKING_EMAILS[number % len(VALID_LOOKING_EMAILS)] if number % 2 == 0 else payload
            elif column == "phone" and number % 3 == 0:
                value = "138-0013-8000" + payload
            elif column in ENUM_COLUMNS and number % 10 == 3:
                value = BAD_ENUM[number % len(BAD_ENUM)]
            elif column in DATE_AMOUNT_COLUMNS and number % 50 == 17:
                value = payload
            new.append(value)
        if name == "customers.csv":
            new.append(PAYLOADS[number % len(PAYLOADS)] + cells["customer_id"])
        out.append(new)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(out)
    return buffer.getvalue()


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """The file's text with its line ends as written (a CR inside a quoted cell stays a CR)."""
    with open(path, encoding=encoding, newline="") as file:
        return file.read()


def write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        file.write(text)


def hostile_ledger(sample: Path, data: Path) -> dict[str, str]:
    """Rewrites the sample in `sample` into `data`; returns the id mapping for the tests."""
    tables = {path.name: read_text(path) for path in sample.glob("*.csv")}
    ids: dict[tuple[str, str], str] = {}
    counts: dict[str, int] = {}
    for name, text in sorted(tables.items()):
        rows = list(csv.reader(io.StringIO(text)))
        for column, kind in ID_COLUMNS.items():
            if column in rows[0] and column != "owner_id":
                position = rows[0].index(column)
                for row in rows[1:]:
                    key = (kind, row[position])
                    if row[position] and key not in ids:
                        ids[key] = hostile_id(kind, row[position], counts.get(kind, 0))
                        counts[kind] = counts.get(kind, 0) + 1
    data.mkdir(parents=True)
    for name, text in tables.items():
        write_text(data / name, rewrite(name, text, ids))
    (data.parent / "portrait.yml").write_text(
        "title: " + json.dumps(TITLE, ensure_ascii=False) + "\nprivacy:\n  mask_contacts: false\n",
        encoding="utf-8")
    return {f"{kind}:{original}": new for (kind, original), new in ids.items()}


# ---------------------------------------------------------------------------------------------
# Fixtures

HOOKS = """
window.__hostile = [];
['alert', 'confirm', 'prompt', 'print', 'open'].forEach(function (name) {
    window[name] = function () {
        window.__hostile.push(name + '(' + Array.prototype.join.call(arguments, ',') + ')');
    };
});
document.addEventListener('securitypolicyviolation', function (e) {
    window.__hostile.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


@pytest.fixture(scope="module")
def everywhere(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("everywhere")
    sample = root / "sample"
    subprocess.run([str(BINARY), "sample", "--customers", "200", "--out", str(sample), "--locale", "en"],
                   check=True, capture_output=True)
    ids = hostile_ledger(sample, root / "project" / "data")
    out = root / "project" / "site"
    site = finish_build(build_site(root / "project" / "data", out, "--locale", "en", "--partition", "team"), out)
    customers = list(csv.DictReader(io.StringIO(read_text(root / "project" / "data" / "customers.csv"))))
    reps = list(csv.DictReader(io.StringIO(read_text(root / "project" / "data" / "reps.csv"))))
    return {"site": site, "ids": ids, "customers": customers, "reps": reps}


@pytest.fixture(scope="module")
def hooked() -> Browser:
    """A Chromium of its own (the shared one must keep its real `alert`), hooked on every page."""
    driver = start_chrome()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOKS})
    try:
        yield Browser(driver)
    finally:
        driver.quit()


def shown(value: str) -> str:
    """`value` as the page shows it: trimmed like every cell, whitespace runs as one space."""
    return re.sub(r"\s+", " ", value.strip().replace("\u2028", " ").replace("\u2029", " "))


def page_text(browser: Browser) -> str:
    return re.sub(r"\s+", " ", browser.js("return document.body.textContent"))


def assert_inert(browser: Browser, visit, where: str) -> None:
    # Hover and focus everything: an event-handler attribute that slipped through would fire.
    browser.js("""document.querySelectorAll('body *').forEach(function (e) {
        ['mouseover', 'mouseenter', 'focus', 'animationstart'].forEach(function (type) {
            e.dispatchEvent(new Event(type));
        });
    });""")
    calls = browser.js("return window.__hostile")
    assert calls == [], f"{where}: script from the data ran or was blocked by the CSP: {calls}"
    assert visit.severe == [], f"{where}: console errors"
    assert visit.problems_with_requests() == [], f"{where}: requests outside the site"
    scripts = browser.js("return Array.from(document.scripts).map(s => s.getAttribute('src') || ('inline: ' + s.text.slice(0, 80)))")
    assert [s for s in scripts if not re.fullmatch(r"(\.\./)*assets/[\w.-]+\.js", s)] == [], f"{where}: foreign scripts"
    bad = browser.js("""return Array.from(document.querySelectorAll('*')).flatMap(function (e) {
        return Array.from(e.attributes).filter(function (a) {
            return /^on/i.test(a.name) ||
                (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\\s*(javascript:|data:|https?:|\\/\\/)/i.test(a.value));
        }).map(a => e.tagName + ' ' + a.name + '=' + a.value.slice(0, 60));
    })""")
    assert bad == [], f"{where}: handlers or outside links from the data"
    foreign = browser.js("""return Array.from(document.querySelectorAll(
            'iframe, object, embed, img[src="x"], circle[r="9"], a[href*="://evil"], b'))
        .filter(e => e.tagName !== 'B' || e.textContent === 'not bold')
        .map(e => e.outerHTML.slice(0, 80))""")
    assert foreign == [], f"{where}: markup from the data reached the DOM"


def visit(browser: Browser, page: Path | str, where: str, texts: list[str]):
    result = browser.open(page)
    assert_inert(browser, result, where)
    text = page_text(browser)
    missing = [value[:80] for value in texts if shown(value) not in text]
    assert missing == [], f"{where}: not shown as text"
    return result


# ---------------------------------------------------------------------------------------------
# The pages

def test_every_file_of_the_site_is_free_of_raw_markup_from_the_data(everywhere):
    site = everywhere["site"]
    offenders = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".svg"):
            text = path.read_text(encoding="utf-8")
            for match in RAW_MARKUP.finditer(text):
                offenders.append(f"{path.relative_to(site)}: {match.group(0)[:60]}")
    assert offenders == []
    # The search index is a script: no `</script>` (should it ever be inlined) and no raw line
    # separators, which end a JavaScript string in older engines.
    index = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert "alert(3)" in index
    assert "</" not in index and "\u2028" not in index and "\u2029" not in index


def test_the_dashboard_shows_the_hostile_title_and_runs_nothing(hooked, everywhere):
    visit(hooked, everywhere["site"] / "index.html", "dashboard", [TITLE])


def test_the_customer_list_and_its_search_show_hostile_values_as_text(hooked, everywhere):
    names = [row["name"] for row in everywhere["customers"]]
    visit(hooked, everywhere["site"] / "customers" / "index.html", "customer list",
          [name for name in names if "\r" not in name and "\t" not in name][:40])
    for query in ("alert", "HYPERLINK", "mustache", "evil"):
        box = hooked.driver.find_element(By.ID, "customer-search")
        box.clear()
        box.send_keys(query)
        # Each result shows a name or an id holding the query; wait until all of them do.
        hooked.wait_for(lambda: hooked.js("""var items = document.querySelectorAll('#search-results li:not(.sr-note)');
            return items.length > 0 && Array.from(items).every(li => li.textContent.includes(arguments[0]));""", query),
            f"no search results (all) holding {query!r}")
        result = hooked.collect(hooked.driver.current_url)
        assert_inert(hooked, result, f"search {query!r}")


def test_portraits_show_every_hostile_field_as_text(hooked, everywhere):
    site = everywhere["site"]
    links = [page.as_uri() for page in _linked_pages(site / "customers" / "index.html", site / "customers")]
    assert len(links) >= 3
    by_name = {shown(row["name"]): row for row in everywhere["customers"]}
    for url in links[:3]:
        hooked.open(url)
        heading = shown(hooked.driver.find_element(By.CSS_SELECTOR, "main h1").text)
        row = by_name.get(heading)
        assert row is not None, f"{url}: the heading {heading[:80]!r} is no customer's name"
        texts = [row[column] for column in ("name", "industry", "city", "contact_name")]
        texts += [row[HOSTILE_HEADER], HOSTILE_HEADER]
        texts += [value for value in (row["email"], row["address"]) if value]
        visit(hooked, url, f"portrait of {heading[:40]!r}", texts)


def test_the_long_id_customer_has_a_portrait_inside_the_site(everywhere):
    site = everywhere["site"].resolve()
    long_id = next(value for key, value in everywhere["ids"].items() if value.startswith("L" * 600))
    pages = [p for p in (site / "customers").iterdir() if p.name != "index.html"]
    assert len(pages) == len(everywhere["customers"])
    assert all(len(p.name.encode()) <= 255 and p.resolve().parent == site / "customers" for p in pages)
    assert any(long_id in p.read_text(encoding="utf-8") for p in pages)


@pytest.mark.parametrize("page", ["segments/index.html", "lifecycle.html", "service.html", "quality.html"])
def test_the_other_pages_run_nothing(hooked, everywhere, page):
    texts = []
    if page == "quality.html":
        texts = [BAD_ENUM[0], BAD_ENUM[2]]
    visit(hooked, everywhere["site"] / page, page, texts)


def test_a_segment_page_runs_nothing(hooked, everywhere):
    site = everywhere["site"]
    segment = _linked_pages(site / "segments" / "index.html", site / "segments")[0]
    visit(hooked, segment, "segment", [])


def test_team_and_rep_pages_show_hostile_names_as_text(hooked, everywhere):
    site = everywhere["site"]
    reps = everywhere["reps"]
    visit(hooked, site / "team" / "index.html", "team", [reps[0]["name"], reps[0]["team"]])
    links = _linked_pages(site / "team" / "index.html", site / "team")
    assert links
    hooked.open(links[0])
    heading = shown(hooked.driver.find_element(By.CSS_SELECTOR, "main h1").text)
    rep = next((r for r in reps if shown(r["name"]) == heading), None)
    assert rep is not None, f"the rep page's heading {heading[:80]!r} is no rep's name"
    visit(hooked, links[0], "rep", [rep["name"], rep["team"]])


def test_team_sub_sites_and_their_index_run_nothing(hooked, everywhere):
    site = everywhere["site"]
    teams = {shown(r["team"]) for r in everywhere["reps"]}
    visit(hooked, site / "teams" / "index.html", "teams index", sorted(teams)[:3])
    sub = sorted(p for p in (site / "teams").iterdir() if p.is_dir())
    assert sub
    visit(hooked, sub[0] / "index.html", f"team sub-site {sub[0].name}", [])
    visit(hooked, sub[0] / "customers" / "index.html", f"team sub-site {sub[0].name} customers", [])


# ---------------------------------------------------------------------------------------------
# The exports

NUMBER = re.compile(r"-\d+(\.\d+)?%?")


@pytest.mark.parametrize("name", ["customers.csv", "reps.csv", "segments.csv", "findings.csv"])
def test_exported_csv_cells_are_neutralised(everywhere, name):
    text = read_text(everywhere["site"] / "exports" / name, encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) > 1
    dangerous = [cell[:60] for row in rows for cell in row
                 if cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and not NUMBER.fullmatch(cell))]
    assert dangerous == [], f"{name}: cells a spreadsheet would run as formulas"


def test_exports_keep_the_hostile_values_behind_a_quote(everywhere):
    text = read_text(everywhere["site"] / "exports" / "customers.csv", encoding="utf-8-sig")
    names = {row[1] for row in csv.reader(io.StringIO(text))}
    for row in everywhere["customers"]:
        if row["name"].startswith(("=", "+", "-", "@")):
            assert "'" + row["name"] in names, f"{row['name'][:40]!r} is not exported behind a quote"
    findings = read_text(everywhere["site"] / "exports" / "findings.csv", encoding="utf-8-sig")
    assert "'=1+1" in findings


def test_summary_json_is_valid(everywhere):
    summary = json.loads((everywhere["site"] / "exports" / "summary.json").read_text(encoding="utf-8"))
    assert isinstance(summary, dict) and summary
