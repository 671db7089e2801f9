"""A user's own files in templates/assets/ (here a logo in the header) reach every page, the
fast-written portraits included, and load under the pages' Content-Security-Policy from file://."""

import struct
import zlib
from pathlib import Path

import pytest

from conftest import ROOT, build_site, finish_build


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A plain one-colour PNG (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def branded(tmp_path_factory) -> Path:
    """The sample ledger built with a templates folder holding a header with a logo, in en."""
    root = tmp_path_factory.mktemp("branded")
    templates = root / "templates"
    (templates / "assets" / "brand").mkdir(parents=True)
    (templates / "assets" / "brand" / "logo.png").write_bytes(png(56, 56, (200, 30, 30)))
    header = (ROOT / "templates" / "header.mustache").read_text(encoding="utf-8")
    mark = '<span class="brand-mark" aria-hidden="true"></span>'
    assert mark in header, "the built-in header changed: update this test's logo"
    header = header.replace(mark, '<img id="logo" src="{{root}}assets/brand/logo.png" alt="" width="28" height="28">')
    (templates / "header.mustache").write_text(header, encoding="utf-8")
    out = root / "site"
    return finish_build(build_site(ROOT / "data", out, "--templates", str(templates), "--locale", "en"), out)


@pytest.mark.parametrize("page", ["index.html", "team/index.html", "customers/index.html"])
def test_the_logo_loads_on_every_kind_of_page(browser, branded, page):
    visit = browser.open(branded / page)
    assert visit.severe == [] and visit.problems_with_requests() == []
    size = browser.js("var i = document.getElementById('logo'); return i && i.complete ? [i.naturalWidth, i.naturalHeight] : null")
    assert size == [56, 56], f"{page}: the logo did not load"


def test_the_logo_loads_on_a_portrait(browser, branded):
    browser.open(branded / "customers" / "index.html")
    link = browser.portrait_link("C000001")
    assert link, "no portrait link for C000001"
    visit = browser.open(link)
    assert visit.severe == [] and visit.problems_with_requests() == []
    assert browser.js("var i = document.getElementById('logo'); return i.complete && i.naturalWidth") == 56
