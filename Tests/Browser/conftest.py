"""Fixtures for the browser tests: built sites, one headless Chromium, and a page visit that
records what the browser console and network saw.

The suite is run by Tests/PortraitKitTests/BrowserTests.swift (`swift test`), which passes
PORTRAIT_BIN (the built `portrait`) and PORTRAIT_ROOT (the package root). Run by hand:

    PORTRAIT_BIN=.build/debug/portrait python3 -m pytest Tests/Browser -q
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(os.environ.get("PORTRAIT_ROOT") or Path(__file__).resolve().parents[2])
BINARY = Path(os.environ.get("PORTRAIT_BIN") or ROOT / ".build" / "debug" / "portrait")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SOURCE_DATE_EPOCH = "1795000000"
LOCALES = ("zh-CN", "en")
DESKTOP = (1280, 900)
PHONE = (390, 844)

#: The page types of a site, by the name tests use in their ids.
PAGE_TYPES = (
    "dashboard", "customer list", "portrait", "segments", "segment", "lifecycle",
    "team", "rep", "service", "quality",
)


# ---------------------------------------------------------------------------------------------
# Building sites

def build_site(data: Path, out: Path, *extra: str) -> subprocess.Popen:
    """Starts `portrait build` of `data` into `out`; the caller waits with `finish_build`."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    return subprocess.Popen(
        [str(BINARY), "build", "--data", str(data), "--out", str(out), *extra],
        cwd=out.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def finish_build(process: subprocess.Popen, out: Path) -> Path:
    stdout, stderr = process.communicate(timeout=600)
    if process.returncode != 0 or not (out / "index.html").is_file():
        raise RuntimeError(
            f"portrait build into {out} failed with status {process.returncode}:\n{stderr[-4000:]}"
        )
    return out


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The committed sample ledger (data/) built once per locale, both builds side by side."""
    if not BINARY.is_file():
        pytest.fail(f"No portrait executable at {BINARY}; build it or set PORTRAIT_BIN.")
    base = tmp_path_factory.mktemp("sample")
    running = {}
    for locale in LOCALES:
        (base / locale).mkdir()
        out = base / locale / "site"
        running[locale] = (build_site(ROOT / "data", out, "--locale", locale), out)
    return {locale: finish_build(process, out) for locale, (process, out) in running.items()}


def _linked_pages(page: Path, folder: Path) -> list[Path]:
    """Pages in `folder` (other than its index) that `page` links to, in document order."""
    found = []
    for href in re.findall(r'href="([^"#?]+\.html)"', page.read_text(encoding="utf-8")):
        target = (page.parent / unquote(href)).resolve()
        if target.parent == folder.resolve() and target.name != "index.html" and target not in found:
            found.append(target)
    return found


@pytest.fixture(scope="session")
def pages(sites) -> dict[str, dict[str, Path]]:
    """For each locale, the file of each page type; portrait, segment and rep are the first
    ones their list page links to, as a person would click."""
    result = {}
    for locale, site in sites.items():
        portraits = _linked_pages(site / "customers" / "index.html", site / "customers")
        segments = _linked_pages(site / "segments" / "index.html", site / "segments")
        reps = _linked_pages(site / "team" / "index.html", site / "team")
        assert portraits, f"{locale}: the customer list links to no portrait page"
        assert segments, f"{locale}: segments/index.html links to no segment page"
        assert reps, f"{locale}: team/index.html links to no rep page"
        result[locale] = {
            "dashboard": site / "index.html",
            "customer list": site / "customers" / "index.html",
            "portrait": portraits[0],
            "segments": site / "segments" / "index.html",
            "segment": segments[0],
            "lifecycle": site / "lifecycle.html",
            "team": site / "team" / "index.html",
            "rep": reps[0],
            "service": site / "service.html",
            "quality": site / "quality.html",
        }
    return result


# ---------------------------------------------------------------------------------------------
# The browser

def chrome_options(*extra: str) -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     f"--window-size={DESKTOP[0]},{DESKTOP[1]}", *extra):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return options


def start_chrome(*extra: str) -> webdriver.Chrome:
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=chrome_options(*extra))
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    return driver


@dataclass
class Visit:
    """What loading one page left behind: console entries and every request with its outcome."""
    url: str
    console: list[dict] = field(default_factory=list)
    requests: dict[str, str] = field(default_factory=dict)   # request id -> URL
    failures: list[str] = field(default_factory=list)         # "URL: net::ERR_..."

    @property
    def severe(self) -> list[str]:
        return [entry["message"] for entry in self.console if entry.get("level") == "SEVERE"]

    def problems_with_requests(self) -> list[str]:
        """Requests that failed, left the machine, or named a file that does not exist."""
        problems = list(self.failures)
        for url in self.requests.values():
            scheme = urlsplit(url).scheme
            if scheme == "data":
                continue
            if scheme != "file":
                problems.append(f"{url}: not a file:// URL (the site must work offline)")
            elif not Path(unquote(urlsplit(url).path)).is_file():
                problems.append(f"{url}: no such file")
        return problems


class Browser:
    """One headless Chromium shared by the tests; `open` resets the window and the logs."""

    def __init__(self, driver: webdriver.Chrome):
        self.driver = driver

    def resize(self, size: tuple[int, int]) -> None:
        if tuple(self.driver.get_window_size().values()) != size:
            self.driver.set_window_size(*size)

    def drain_logs(self) -> tuple[list[dict], list[dict]]:
        return self.driver.get_log("browser"), self.driver.get_log("performance")

    def open(self, page: Path | str, size: tuple[int, int] = DESKTOP) -> Visit:
        self.resize(size)
        self.drain_logs()
        url = page if isinstance(page, str) else page.as_uri()
        self.driver.get(url)
        WebDriverWait(self.driver, 30).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        return self.collect(url)

    def collect(self, url: str) -> Visit:
        console, performance = self.drain_logs()
        visit = Visit(url=url, console=console)
        for entry in performance:
            message = json.loads(entry["message"])["message"]
            params = message.get("params", {})
            if message["method"] == "Network.requestWillBeSent":
                visit.requests[params["requestId"]] = params["request"]["url"]
            elif message["method"] == "Network.loadingFailed":
                where = visit.requests.get(params["requestId"], params["requestId"])
                visit.failures.append(f"{where}: {params.get('errorText')}")
            elif message["method"] == "Network.responseReceived":
                status = params["response"].get("status", 200)
                if status >= 400:
                    visit.failures.append(f"{params['response']['url']}: HTTP {status}")
        return visit

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def portrait_link(self, customer_id: str) -> str | None:
        """On an open customer list, the URL its row for `customer_id` links to (the portrait's
        file name is the renderer's business), or None."""
        return self.js("""
            var id = arguments[0];
            var row = Array.from(document.querySelectorAll('table#customers tbody tr')).find(function (r) {
                return Array.from(r.querySelectorAll('.cell-sub, td')).some(function (c) { return c.textContent.trim() === id; });
            });
            var link = row && row.querySelector('a[href]');
            return link ? link.href : null;""", customer_id)

    def wait_for(self, condition, message: str, timeout: float = 10):
        return WebDriverWait(self.driver, timeout).until(lambda d: condition(), message)


@pytest.fixture(scope="session")
def browser() -> Browser:
    driver = start_chrome()
    try:
        yield Browser(driver)
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def no_script_browser() -> Browser:
    """A Chromium with JavaScript switched off, as in a locked-down intranet browser."""
    driver = start_chrome("--blink-settings=scriptEnabled=false")
    try:
        yield Browser(driver)
    finally:
        driver.quit()


def pytest_report_header(config):
    return [f"portrait: {BINARY}", f"repository: {ROOT}"]


def pytest_terminal_summary(terminalreporter):
    """Lists axe's moderate and minor findings, which inform but do not fail the suite."""
    import sys
    module = sys.modules.get("test_accessibility")
    findings = getattr(module, "FINDINGS", [])
    if findings:
        terminalreporter.section("axe: moderate and minor findings (not failed on)")
        for line in findings:
            terminalreporter.write_line(line)
