"""`portrait serve` in a browser: the live script runs under the pages' CSP, a failed build shows
over the old site, and a change to the configuration or the data reloads the open page by itself.

The tests share one server on one temporary project and run in file order; each one opens the
page it watches and writes the inputs it needs, so that any one of them also runs alone (-k).
"""

from __future__ import annotations

import csv
import io
import os
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By

from conftest import BINARY, SOURCE_DATE_EPOCH

TITLE = "Live Reload Check"
MARKER_NAME = "ZZ Reload Co"
BANNER = "portrait-build-failure"
#: How long a change may take to show in the page: the server polls twice a second, waits 0.3 s
#: for the inputs to hold still, builds (well under a second for 60 customers), and the page
#: polls once a second.
RELOAD_TIMEOUT = 15


# ---------------------------------------------------------------------------------------------
# The server

@dataclass
class Server:
    """A running `portrait serve` and what it has written to stderr so far."""
    process: subprocess.Popen
    project: Path
    lines: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    reader: threading.Thread | None = None

    def read_stderr(self) -> None:
        for line in self.process.stderr:
            with self.lock:
                self.lines.append(line.rstrip("\n"))

    @property
    def stderr(self) -> str:
        with self.lock:
            return "\n".join(self.lines)

    def wait_for_line(self, pattern: str, count: int = 1, timeout: float = 30) -> re.Match:
        """The `count`th stderr line matching `pattern`, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            with self.lock:
                found = [m for m in (re.search(pattern, line) for line in self.lines) if m]
            if len(found) >= count:
                return found[count - 1]
            if self.process.poll() is not None and not self.reader.is_alive():
                raise AssertionError(
                    f"portrait serve exited with status {self.process.returncode} before "
                    f"printing {pattern!r} (x{count}):\n{self.stderr}")
            if time.monotonic() > deadline:
                raise AssertionError(f"portrait serve printed no {pattern!r} (x{count}) "
                                     f"within {timeout} s:\n{self.stderr}")
            time.sleep(0.05)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def version(self) -> int:
        """The version status.js reports now (the number of successful builds)."""
        with urllib.request.urlopen(self.url("/__portrait/status.js"), timeout=5) as response:
            text = response.read().decode()
        match = re.search(r"__portraitLive\((\d+),", text)
        assert match, f"status.js does not call __portraitLive(version, ...): {text!r}"
        return int(match.group(1))


def run_portrait(project: Path, *arguments: str) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    done = subprocess.run([str(BINARY), *arguments], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"portrait {' '.join(arguments)} failed:\n{done.stderr}"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Server:
    """`portrait serve --port 0 --locale en` on a fresh sample project (sample, then init),
    after its first build; stopped (and if need be killed) at the end of the module."""
    if not BINARY.is_file():
        pytest.fail(f"No portrait executable at {BINARY}; build it or set PORTRAIT_BIN.")
    project = tmp_path_factory.mktemp("serve")
    run_portrait(project, "sample", "--customers", "60", "--out", "data")
    run_portrait(project, "init")
    assert (project / "portrait.yml").is_file() and (project / "templates").is_dir()
    env = dict(os.environ, SOURCE_DATE_EPOCH=SOURCE_DATE_EPOCH)
    process = subprocess.Popen([str(BINARY), "serve", "--port", "0", "--locale", "en"],
                               cwd=project, env=env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    served = Server(process=process, project=project)
    served.reader = threading.Thread(target=served.read_stderr, daemon=True)
    served.reader.start()
    try:
        served.port = int(served.wait_for_line(
            r"^Serving .* at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)").group(1))
        served.wait_for_line(r"^Built ")
        assert (project / "site" / "index.html").is_file(), "the first build wrote no site/index.html"
        yield served
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
        served.reader.join(timeout=5)


@pytest.fixture(scope="module")
def live(browser, server):
    """The shared browser, left on a blank page afterwards (an open served page would keep
    polling the stopped server and fill the console log of the next test)."""
    try:
        yield browser
    finally:
        try:
            browser.driver.get("about:blank")
        except WebDriverException:
            pass


# ---------------------------------------------------------------------------------------------
# Reading the page while it may be reloading

def page_value(browser, script: str, *args):
    """`script`'s value in the page, or None while the page is between documents."""
    try:
        return browser.js(script, *args)
    except WebDriverException:
        return None


def live_version(browser) -> int | None:
    value = page_value(browser, "return document.documentElement.getAttribute('data-portrait-live')")
    return int(value) if value and value.isdigit() else None


def wait_until(browser, condition, describe, timeout: float = RELOAD_TIMEOUT) -> None:
    """Waits for `condition`; on timeout fails with `describe()`, written then (what the page
    and the server show at the end of the wait, not at its start)."""
    try:
        browser.wait_for(condition, "", timeout=timeout)
    except TimeoutException:
        raise AssertionError(f"after {timeout} s: {describe()}") from None


def mark_document(browser) -> None:
    """Tags the current document, so that a later check can tell whether it was replaced."""
    browser.js("window.__serveTestDocument = 'before';")


def was_reloaded(browser) -> bool:
    return page_value(browser, "return window.__serveTestDocument === undefined "
                               "&& document.readyState === 'complete'") is True


def banner_text(browser) -> str | None:
    return page_value(browser, f"""var b = document.getElementById('{BANNER}');
        return b ? b.textContent : null;""")


def open_served(browser, server: Server, path: str = "/") -> list[str]:
    """Opens `path` of the server, waits until the live script ran and polled status.js once,
    and returns the problems the console and the network saw meanwhile."""
    visit = browser.open(server.url(path))
    browser.wait_for(lambda: live_version(browser) is not None,
                     f"live.js did not run on {path}: <html> has no data-portrait-live")
    browser.wait_for(lambda: browser.js("""return performance.getEntriesByType('resource')
        .some(e => e.name.indexOf('/__portrait/status.js?t=') >= 0)"""),
        f"live.js on {path} never loaded /__portrait/status.js", timeout=5)
    later = browser.collect(visit.url)
    console = visit.console + later.console
    problems = [f"console {e['level']}: {e['message']}" for e in console
                if e.get("level") == "SEVERE" or "Content Security Policy" in e.get("message", "")]
    failures = visit.failures + later.failures
    return problems + failures


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The tests

def test_served_pages_run_the_live_script_under_their_csp(live, server):
    problems = open_served(live, server, "/")
    assert problems == [], "console errors, CSP violations or failed requests on the dashboard"
    assert live_version(live) == server.version() == 1
    csp = live.js("""var m = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
        return m ? m.content : null""")
    assert csp and "script-src 'self'" in csp, f"the page has not the strict CSP: {csp!r}"
    sources = live.js("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert sources[-1] == "/__portrait/live.js", f"live.js is not the page's last script: {sources}"
    assert live.driver.find_elements(By.ID, BANNER) == []
    on_disk = (server.project / "site" / "index.html").read_text(encoding="utf-8")
    assert "__portrait" not in on_disk, "the live script was written into the file on disk"


def test_a_failed_build_shows_over_the_old_site(live, server):
    config = server.project / "portrait.yml"
    open_served(live, server, "/")
    before = live_version(live)
    heading = live.driver.find_element(By.CSS_SELECTOR, "main h1").text
    mark_document(live)
    failures_before = server.stderr.count("The previous site is still served")
    edit(config, "currency: CNY", "currency: NOPE")
    wait_until(live, lambda: "currency" in (banner_text(live) or ""),
               lambda: f"no #{BANNER} mentioning currency (banner: {banner_text(live)!r}); "
                       f"serve said:\n{server.stderr}")
    banner = live.driver.find_element(By.ID, BANNER)
    assert banner.is_displayed() and banner.get_attribute("role") == "alert"
    assert "portrait.yml" in banner.text, "the banner does not say which file is wrong"
    assert not was_reloaded(live), "the page reloaded although no build succeeded"
    assert live_version(live) == before
    main_heading = live.driver.find_element(By.CSS_SELECTOR, "main h1")
    assert main_heading.is_displayed() and main_heading.text == heading, "the old site is gone"
    assert server.stderr.count("The previous site is still served") > failures_before
    assert "portrait: " in server.stderr and "currency" in server.stderr


def test_fixing_the_config_reloads_the_page_with_the_new_title(live, server):
    config = server.project / "portrait.yml"
    text = config.read_text(encoding="utf-8").replace("currency: NOPE", "currency: CNY")
    title_line = re.compile(r"^# title: .*$", re.MULTILINE)
    assert title_line.search(text), "portrait.yml has no commented title line"
    open_served(live, server, "/")
    before = live_version(live)
    mark_document(live)
    config.write_text(title_line.sub(f"title: {TITLE}", text, count=1), encoding="utf-8")
    wait_until(live, lambda: was_reloaded(live) and TITLE in live.driver.title,
               lambda: f"the page did not reload with the title {TITLE!r} (reloaded: "
                       f"{was_reloaded(live)}, title: {page_value(live, 'return document.title')!r}); "
                       f"serve said:\n{server.stderr}")
    assert live_version(live) > before
    live.wait_for(lambda: live.driver.find_elements(By.ID, BANNER) == [],
                  "the failure banner stayed after a good build", timeout=3)
    assert live.driver.find_element(By.CSS_SELECTOR, "main h1").is_displayed()


def test_changing_the_data_reloads_an_open_portrait(live, server):
    customers = server.project / "data" / "customers.csv"
    rows = list(csv.reader(io.StringIO(customers.read_text(encoding="utf-8"))))
    customer_id, name = rows[1][0], rows[1][1]
    assert name and name != MARKER_NAME
    open_served(live, server, "/customers/")
    href = live.portrait_link(customer_id)
    assert href and href.startswith(server.url("/customers/")), \
        f"the served customer list links no portrait for {customer_id}: {href!r}"
    problems = open_served(live, server, href[len(server.url("")):])
    assert problems == [], f"console errors or failed requests on {href}"
    assert live.driver.find_element(By.CSS_SELECTOR, "main h1").text == name
    before = live_version(live)
    mark_document(live)
    edit(customers, f"{customer_id},{name},", f"{customer_id},{MARKER_NAME},")
    heading = "var h = document.querySelector('main h1'); return h && h.textContent.trim()"
    wait_until(live, lambda: was_reloaded(live) and page_value(live, heading) == MARKER_NAME,
               lambda: f"the open portrait did not reload to show {MARKER_NAME!r} (reloaded: "
                       f"{was_reloaded(live)}, heading: {page_value(live, heading)!r}); "
                       f"serve said:\n{server.stderr}")
    assert live_version(live) > before
    assert MARKER_NAME in live.driver.title


def test_a_missing_page_is_a_live_404(live, server):
    live.open(server.url("/no-such-page.html"))
    live.wait_for(lambda: live_version(live) is not None,
                  "live.js did not run on the 404 page")
    text = live.js("return document.body.innerText")
    assert "no page at /no-such-page.html" in text, f"the 404 page says: {text!r}"
    with urllib.request.urlopen(server.url("/"), timeout=5) as response:
        assert response.status == 200
    try:
        urllib.request.urlopen(server.url("/no-such-page.html"), timeout=5)
        status = 200
    except urllib.error.HTTPError as error:
        status = error.code
    assert status == 404


def test_ctrl_c_stops_the_server_with_status_0(live, server):
    live.driver.get("about:blank")
    server.process.send_signal(signal.SIGINT)
    try:
        status = server.process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail(f"portrait serve did not stop within 5 s of SIGINT:\n{server.stderr}")
    assert status == 0, f"portrait serve exited with status {status}:\n{server.stderr}"
    server.wait_for_line(r"stopped serving", timeout=2)
