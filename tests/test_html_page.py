"""The HTML page: self-contained, user text inert, and working in a real (headless) Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import FLAGSHIP

import argmap
from argmap.model import ArgumentMap, Inference, Statement

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "q" \\N'


def page_data(html: str) -> dict[str, Any]:
    raw = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', html, re.S)
    assert raw is not None
    data: dict[str, Any] = json.loads(raw.group(1))
    return data


@pytest.fixture(scope="module")
def flagship_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "map.html"
    argmap.render_file(argmap.load(FLAGSHIP), path, engine="wasm")
    return path


def test_page_is_self_contained(flagship_page: Path) -> None:
    html = flagship_page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # nothing to fetch: no external scripts, styles, fonts or images
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(", html)
    assert html.count("<svg") == 1 and "<?xml" not in html


def test_page_holds_every_statement_and_the_gap_list(flagship_page: Path) -> None:
    html = flagship_page.read_text(encoding="utf-8")
    m = argmap.load(FLAGSHIP)
    data = page_data(html)
    assert set(data["statements"]) == set(m.statements)
    assert data["conclusion"] == m.conclusion
    e16 = data["statements"]["E16"]
    assert e16["quote"].startswith("This can also be proven")
    assert e16["paragraphs"][0][0] == 16 and "CNN" in e16["paragraphs"][0][1]
    assert e16["source"] == "CNN, 2017" and e16["basis"] == "leak"
    gaps = argmap.find_gaps(m)
    assert f"Gaps ({len(gaps)})" in html
    assert html.count('<li class="gap ') == len(gaps)


def test_user_text_is_inert_in_the_page(tmp_path: Path) -> None:
    m = ArgumentMap(conclusion="C", title=HOSTILE)
    m.statements["C"] = Statement(id="C", text=HOSTILE, quote=HOSTILE)
    m.statements["P"] = Statement(id="P", text="A premise.", note=HOSTILE)
    m.inferences["i1"] = Inference(id="i1", premises=["P"], target="C")
    html = argmap.render(m, "html", engine="wasm").decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("</script>") == 2  # the data block and the page's script
    assert page_data(html)["statements"]["C"]["text"] == HOSTILE
    assert f"<title>{HOSTILE[:9].replace('<', '&lt;').replace('>', '&gt;')}" in html


def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian package `chromium`)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.skip(f"playwright cannot be imported: {exc}")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from chromium()


@pytest.mark.browser
def test_page_in_chromium(browser: Any, flagship_page: Path) -> None:
    m = argmap.load(FLAGSHIP)
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    problems: list[str] = []
    requests: list[str] = []
    page.on(
        "console",
        lambda msg: problems.append(msg.text) if msg.type in ("error", "warning") else None,
    )
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(flagship_page.as_uri())

    # every statement is a node of the map, focusable
    ids = page.eval_on_selector_all("#map g.node.statement", "gs => gs.map(g => g.id)")
    assert sorted(ids) == sorted(m.statements)
    assert page.eval_on_selector_all(
        "#map g.node.statement", "gs => gs.every(g => g.getAttribute('tabindex') === '0')"
    )

    # click a node: its text, quote, paragraphs, source and gaps appear
    page.click('#map g.node.statement[id="E9"]')
    details = page.inner_text("#details")
    e9 = m.statements["E9"]
    assert e9.text in details
    assert e9.quote is not None and e9.quote in details
    assert "¶9" in details and "US Treasury Department" in details
    for gap in argmap.find_gaps(m):
        if gap.node == "E9":
            assert gap.code in details
    assert page.eval_on_selector(
        '#map g.node.statement[id="E9"]', "g => g.classList.contains('selected')"
    )

    # keyboard: Tab reaches a statement, Enter opens it
    page.focus('#map g.node.statement[id="R3"]')
    page.keyboard.press("Enter")
    assert m.statements["R3"].text in page.inner_text("#details")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    page.keyboard.press(" ")
    assert m.statements[focused].text in page.inner_text("#details")

    # the gap list selects the gap's node
    page.click('ol.gaps button[data-node="R6"]')
    assert m.statements["R6"].text in page.inner_text("#details")

    # zoom buttons work
    page.click('.toolbar button[data-zoom="fit"]')
    page.click('.toolbar button[data-zoom="in"]')

    assert problems == []
    assert all(url.startswith("file:") for url in requests)
    page.close()
