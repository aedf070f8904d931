"""The HTML page: self-contained, user text inert, and working in a real (headless) Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from conftest import FLAGSHIP

import argmap
from argmap.model import ArgumentMap, Inference, Statement
from argmap.views.dot import kind_of

HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "q" \\N'


def page_data(html: str) -> dict[str, Any]:
    raw = re.search(
        r'<script type="application/json" class="argmap-data">(.*?)</script>', html, re.S
    )
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
    assert e16["anchors"] == [16]
    assert e16["source"] == "CNN, 2017" and e16["basis"] == "leak"
    # the source text once, each paragraph numbered as the anchors count them
    paragraphs = m.paragraphs()
    assert html.count('<p class="para" data-para=') == len(paragraphs) == 24
    assert '<p class="para" data-para="16"><span class="pn">¶16</span> ' in html
    assert data["order"] == list(m.statements)
    # every edge drawn, with the ids the SVG gives them
    assert len(data["edges"]) == html.count('class="edge ')
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


class Explorer:
    """One page of the explorer in Chromium, with its console problems and its requests."""

    def __init__(self, browser: Any, uri: str, width: int = 1400, height: int = 900) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page = page = browser.new_page(viewport={"width": width, "height": height})
        page.on(
            "console",
            lambda msg: (
                self.problems.append(msg.text) if msg.type in ("error", "warning") else None
            ),
        )
        page.on("pageerror", lambda exc: self.problems.append(str(exc)))
        page.on("request", lambda request: self.requests.append(request.url))
        page.goto(uri)
        page.wait_for_selector("body[data-explorer=ready]")

    def view(self) -> dict[str, float]:
        """The view's scale (pixels per SVG unit) and centre."""
        values = self.page.eval_on_selector(
            "main.map", "m => [m.dataset.scale, m.dataset.x, m.dataset.y]"
        )
        return dict(zip(("scale", "x", "y"), map(float, values), strict=True))

    def until(self, condition: Callable[[], bool]) -> None:
        """Wait (up to 5 s) for an input event to be handled: the page's CSP forbids
        Playwright's ``wait_for_function``, which evaluates strings."""
        for _ in range(100):
            if condition():
                return
            self.page.wait_for_timeout(50)
        raise AssertionError("the page never got there")

    def node(self, sid: str) -> str:
        return f'main.map g.node.statement[id="{sid}"]'

    def visible(self, sid: str) -> bool:
        return bool(self.page.is_visible(self.node(sid)))

    def selected(self) -> list[str]:
        return list(
            self.page.eval_on_selector_all(
                'main.map g.statement[aria-selected="true"]', "gs => gs.map(g => g.id)"
            )
        )

    def close(self) -> None:
        assert self.problems == []
        # nothing but the page itself: no network, no other file
        assert self.requests == [self.page.url.split("#")[0]] or all(
            url.startswith("file:") and url.split("#")[0] == self.requests[0].split("#")[0]
            for url in self.requests
        )
        self.page.close()


@pytest.fixture
def explorer(browser: Any, flagship_page: Path) -> Iterator[Explorer]:
    page = Explorer(browser, flagship_page.as_uri())
    yield page
    page.close()


@pytest.mark.browser
def test_explorer_opens_fitted_to_the_window(explorer: Explorer) -> None:
    page = explorer.page
    box = page.eval_on_selector("main.map", "m => m.getBoundingClientRect().toJSON()")
    rects = page.eval_on_selector_all(
        "main.map g.node.statement", "gs => gs.map(g => g.getBoundingClientRect().toJSON())"
    )
    assert len(rects) == len(argmap.load(FLAGSHIP).statements)
    for r in rects:  # every statement inside the map's area
        assert r["left"] >= box["left"] - 1 and r["right"] <= box["right"] + 1
        assert r["top"] >= box["top"] - 1 and r["bottom"] <= box["bottom"] + 1
    # and the map fills it: as wide or as high as the area allows (12 px margins)
    union_w = max(r["right"] for r in rects) - min(r["left"] for r in rects)
    union_h = max(r["bottom"] for r in rects) - min(r["top"] for r in rects)
    assert union_w > box["width"] * 0.9 or union_h > box["height"] * 0.9
    assert page.inner_text("header .zoom-level").endswith("%")


@pytest.mark.browser
def test_wheel_zooms_drag_pans_and_keys_do_both(explorer: Explorer) -> None:
    page = explorer.page
    start = explorer.view()
    box = page.eval_on_selector("main.map", "m => m.getBoundingClientRect().toJSON()")
    cx, cy = box["left"] + box["width"] / 2, box["top"] + 40  # a spot with no statement
    page.mouse.move(cx, cy)
    page.mouse.wheel(0, -400)
    explorer.until(lambda: explorer.view()["scale"] > start["scale"])
    zoomed = explorer.view()
    assert zoomed["scale"] > start["scale"] * 1.5
    assert page.inner_text("header .zoom-level") != "100%"
    page.mouse.wheel(0, 400)
    explorer.until(lambda: explorer.view()["scale"] < zoomed["scale"])

    # drag: the centre moves by the distance dragged, in the drawing's units; nothing selected
    before = explorer.view()
    page.mouse.move(cx, cy)
    page.mouse.down()
    page.mouse.move(cx + 60, cy + 20, steps=4)
    page.mouse.move(cx + 120, cy + 40, steps=4)
    page.mouse.up()
    after = explorer.view()
    assert after["scale"] == before["scale"]
    assert after["x"] == pytest.approx(before["x"] - 120 / before["scale"], abs=0.05)
    assert after["y"] == pytest.approx(before["y"] - 40 / before["scale"], abs=0.05)
    assert explorer.selected() == []

    # keyboard: + zooms in, arrows pan, 0 fits again
    page.focus("main.map")
    page.keyboard.press("+")
    assert explorer.view()["scale"] == pytest.approx(after["scale"] * 1.25, rel=1e-3)
    page.keyboard.press("ArrowRight")
    assert explorer.view()["x"] > after["x"]
    page.keyboard.press("0")
    assert explorer.view() == pytest.approx(start)


@pytest.mark.browser
def test_pinch_zooms(explorer: Explorer) -> None:
    page = explorer.page
    start = explorer.view()["scale"]
    # two fingers moving apart, as touch pointer events
    page.eval_on_selector(
        "main.map",
        """m => {
          const r = m.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + 50;
          const fire = (type, id, dx) => m.dispatchEvent(new PointerEvent(type, {pointerId: id,
            pointerType: "touch", clientX: x + dx, clientY: y, bubbles: true, isPrimary: id === 1}));
          fire("pointerdown", 1, -20); fire("pointerdown", 2, 20);
          fire("pointermove", 1, -60); fire("pointermove", 2, 60);
          fire("pointerup", 1, -60); fire("pointerup", 2, 60);
        }""",
    )
    assert explorer.view()["scale"] > start * 2


@pytest.mark.browser
def test_collapsing_a_branch_hides_what_is_only_below_it(explorer: Explorer) -> None:
    page = explorer.page
    below = ["R3.1", "E8", "E9", "E10"]  # the bank reason's sub-claim and evidence
    assert all(explorer.visible(s) for s in below)
    page.click(explorer.node("R3") + " g.toggle")
    for sid in below:
        assert not explorer.visible(sid)
    assert explorer.visible("R3") and explorer.visible("C") and explorer.visible("E16")
    assert page.text_content(explorer.node("R3") + " g.toggle text") == "+4 more"
    assert page.get_attribute(explorer.node("R3"), "aria-expanded") == "false"
    # no edge left hanging: an edge is shown only when both its ends are
    edges = page_data(explorer.page.content())["edges"]
    hidden = set(page.eval_on_selector_all("main.map g.hidden", "gs => gs.map(g => g.id)"))
    shown = page.eval_on_selector_all("main.map g.edge:not(.hidden)", "es => es.map(e => e.id)")
    ends = {eid: (upper, lower) for eid, upper, lower in edges}
    assert set(shown) | hidden >= set(ends)
    for eid in shown:
        assert not set(ends[eid]) & hidden
    assert {eid for eid, (u, low) in ends.items() if u == "R3"} <= hidden
    # keyboard: C on a focused statement expands it again
    page.focus(explorer.node("R3"))
    page.keyboard.press("c")
    assert all(explorer.visible(s) for s in below)
    # a shared premise stays while another branch still reaches it: A1 is under R1's and R2's steps
    page.click(explorer.node("R1") + " g.toggle")
    assert explorer.visible("A1") and not explorer.visible("R1.1")
    page.click('header .zoom button[data-zoom="expand"]')
    assert explorer.visible("R1.1")


@pytest.mark.browser
def test_search_highlights_and_jumps(explorer: Explorer) -> None:
    page = explorer.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.type") == "search"
    page.keyboard.type("passports")
    m = argmap.load(FLAGSHIP)
    expected = [
        sid
        for sid, s in m.statements.items()
        if "passports" in f"{s.text} {s.quote or ''} {s.title or ''}".lower()
    ]
    assert len(expected) >= 2
    matches = page.eval_on_selector_all("main.map g.statement.match", "gs => gs.map(g => g.id)")
    assert sorted(matches) == sorted(expected)
    assert page.inner_text("header .search-count") == f"1 of {len(expected)}"
    assert explorer.selected() == [expected[0]]
    assert m.statements[expected[0]].text in page.inner_text("aside .details")
    page.keyboard.press("Enter")
    assert explorer.selected() == [expected[1]]
    assert page.inner_text("header .search-count") == f"2 of {len(expected)}"
    # a match inside a collapsed branch is revealed when jumped to
    page.fill("header input.search", "")
    page.dispatch_event(explorer.node("R3") + " g.toggle", "click")
    assert not explorer.visible("E9")
    page.fill("header input.search", "OFAC designated")
    assert explorer.selected() == ["E9"] and explorer.visible("E9")
    page.fill("header input.search", "no statement says this")
    assert page.inner_text("header .search-count") == "no match"


@pytest.mark.browser
def test_filters_hide_the_gap_markers_they_should(explorer: Explorer) -> None:
    page = explorer.page
    m = argmap.load(FLAGSHIP)
    gaps = argmap.find_gaps(m)
    by_node: dict[str, set[str]] = {}
    for g in gaps:
        if g.node in m.statements:
            by_node.setdefault(g.node, set()).add(g.severity.value)
    only_warnings = sorted(n for n, sev in by_node.items() if sev == {"warning"})
    mixed = sorted(n for n, sev in by_node.items() if {"error", "warning"} <= sev)
    assert only_warnings and mixed

    def marker(sid: str) -> str | None:
        text = page.query_selector(explorer.node(sid) + ' text[text-anchor="end"]')
        assert text is not None
        return str(text.text_content()) if text.is_visible() else None

    page.click("header details.menu summary")
    page.uncheck('form.filters input[name="severity"][value="warning"]')
    for sid in only_warnings:
        assert marker(sid) is None
        assert "gap-off" in (page.get_attribute(explorer.node(sid), "class") or "")
    for sid in mixed:
        shown = marker(sid)
        assert shown is not None and shown.startswith("✖")
        codes = {g.code for g in gaps if g.node == sid and g.severity.value == "error"}
        hidden = {g.code for g in gaps if g.node == sid and g.severity.value == "warning"} - codes
        assert set(shown.split()[1:]) == codes and not hidden & set(shown.split())
    listed = page.eval_on_selector_all(
        "aside ol.gaps li.gap:not([hidden])", "ls => ls.map(l => l.dataset.severity)"
    )
    assert "warning" not in listed and len(listed) == sum(
        g.severity.value != "warning" for g in gaps
    )

    # family: without the annotated gaps, A-codes leave the markers
    page.click('form.filters button[type="reset"]')
    explorer.until(lambda: page.query_selector("main.map g.gap-off") is None)
    page.uncheck('form.filters input[name="family"][value="annotated"]')
    for sid in by_node:
        shown = marker(sid) or ""
        assert not any(code.startswith("A") for code in shown.split()[1:])

    # kind: unticking evidence dims every piece of evidence and nothing else
    page.check('form.filters input[name="family"][value="annotated"]')
    page.uncheck('form.filters input[name="kind"][value="evidence"]')
    dimmed = page.eval_on_selector_all("main.map g.statement.dimmed", "gs => gs.map(g => g.id)")
    assert sorted(dimmed) == sorted(
        sid for sid, s in m.statements.items() if kind_of(m, s) == "evidence"
    )

    # verdict: the page is evaluated even without --evaluate; unticking one dims those
    page.check('form.filters input[name="kind"][value="evidence"]')
    page.uncheck('form.filters input[name="verdict"][value="contested"]')
    verdicts = argmap.evaluate(m).verdicts
    dimmed = page.eval_on_selector_all("main.map g.statement.dimmed", "gs => gs.map(g => g.id)")
    assert dimmed and sorted(dimmed) == sorted(
        s for s in m.statements if verdicts[s] == "contested"
    )


@pytest.mark.browser
def test_deep_link_opens_the_node_selected(browser: Any, flagship_page: Path) -> None:
    explorer = Explorer(browser, flagship_page.as_uri() + "#E16")
    page = explorer.page
    assert explorer.selected() == ["E16"]
    assert page.evaluate("document.activeElement.id") == "E16"
    m = argmap.load(FLAGSHIP)
    details = page.inner_text("aside .details")
    assert m.statements["E16"].text in details and "¶16" in details
    # the source paragraph highlighted in the full text, the quote marked in it
    assert page.eval_on_selector_all("aside p.para.hl", "ps => ps.map(p => p.dataset.para)") == [
        "16"
    ]
    mark = page.inner_text("aside p.para.hl mark")
    assert (
        mark
        == "This can also be proven by intelligence leaks such as the ones CNN journalist managed to obtain in 2017"
    )
    assert page.is_visible("aside p.para.hl mark")
    # E16 is in view, close enough to read
    r = page.eval_on_selector(explorer.node("E16"), "g => g.getBoundingClientRect().toJSON()")
    box = page.eval_on_selector("main.map", "m => m.getBoundingClientRect().toJSON()")
    assert box["left"] <= r["left"] and r["right"] <= box["right"] and r["width"] > 150
    # clicking another node selects it and puts it in the address
    page.click('header .zoom button[data-zoom="fit"]')
    page.click(explorer.node("R3"))
    assert explorer.selected() == ["R3"] and page.url.endswith("#R3")
    # the gap list selects the gap's node
    page.click('aside .tabs button[data-tab="gaps"]')
    page.click('aside ol.gaps button[data-node="R6"]')
    assert explorer.selected() == ["R6"] and m.statements["R6"].text in page.inner_text(
        "aside .details"
    )
    explorer.close()


@pytest.mark.browser
def test_keyboard_reaches_and_opens_statements(explorer: Explorer) -> None:
    page = explorer.page
    m = argmap.load(FLAGSHIP)
    assert page.eval_on_selector_all(
        "main.map g.node.statement", "gs => gs.every(g => g.getAttribute('tabindex') === '0')"
    )
    page.focus(explorer.node("R3"))
    page.keyboard.press("Enter")
    assert m.statements["R3"].text in page.inner_text("aside .details")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    page.keyboard.press(" ")
    assert explorer.selected() == [focused]
    assert m.statements[focused].text in page.inner_text("aside .details")


@pytest.mark.browser
def test_print_shows_the_map_and_the_gaps_without_controls(explorer: Explorer) -> None:
    page = explorer.page
    page.emulate_media(media="print")
    assert not page.is_visible("header .tools") and not page.is_visible("g.toggle")
    assert page.is_visible("aside ol.gaps")
    page.emulate_media(media="screen")


@pytest.mark.browser
def test_explorer_works_with_hostile_ids_and_text(browser: Any, tmp_path: Path) -> None:
    m = ArgumentMap(conclusion="map", title=HOSTILE)
    ids = ["map", 'q"<b>&amp;', "edge:x:in", "a_map", "details"]
    for sid in ids:
        m.statements[sid] = Statement(id=sid, text=f"{HOSTILE} {sid}", quote=HOSTILE)
    for n, sid in enumerate(ids[1:], 1):
        m.inferences[f"i{n}"] = Inference(id=f"i{n}", premises=[sid], target=ids[n - 1])
    path = tmp_path / "hostile.html"
    argmap.render_file(m, path, engine="wasm")
    explorer = Explorer(browser, path.as_uri() + "#" + quote('q"<b>&amp;'))
    page = explorer.page
    assert explorer.selected() == ['q"<b>&amp;']
    labels = page.eval_on_selector_all(
        'main.map g[role="treeitem"]', "gs => gs.map(g => g.getAttribute('aria-label'))"
    )
    assert len(labels) == len(ids) and all(HOSTILE in label for label in labels)
    page.dispatch_event(explorer.node("edge:x:in") + " g.toggle", "click")
    assert not explorer.visible("a_map") and not explorer.visible("details")
    assert explorer.visible("map")
    assert page.evaluate("window.alertCalled === undefined")
    explorer.close()


@pytest.mark.browser
def test_a_big_map_lays_out_only_the_text_it_can_show(browser: Any, tmp_path: Path) -> None:
    """Level of detail: fitted, a 400-statement map is boxes only (no letter of it could be read,
    and laying out its text was most of the time the page took to open); zoomed in, the text of
    the statements in and near the window is drawn, not the rest; printing draws it all."""
    from bench.generate import generate

    path = tmp_path / "big.html"
    argmap.render_file(generate(400), path, engine="wasm")
    explorer = Explorer(browser, path.as_uri(), width=1200, height=800)
    page = explorer.page

    def drawn() -> set[str]:
        return set(
            page.eval_on_selector_all(
                "main.map g.node.statement",
                "gs => gs.filter(g => [...g.querySelectorAll('text')].some("
                "t => getComputedStyle(t).display !== 'none')).map(g => g.id)",
            )
        )

    assert explorer.view()["scale"] < 0.18  # too small to read
    assert drawn() == set()
    page.fill("header input.search", "s250")  # jumps to it, close enough to read
    explorer.until(lambda: "s250" in drawn())
    shown = drawn()
    assert 1 < len(shown) < 200
    view = explorer.view()
    far = page.eval_on_selector_all(
        "main.map g.node.statement",
        "gs => gs.filter(g => { const b = g.getBoundingClientRect();"
        " return b.right < -2400 || b.left > 3600; }).map(g => g.id)",
    )
    assert far and not shown & set(far)
    assert view["scale"] >= 0.18
    page.click('header .zoom button[data-zoom="fit"]')
    explorer.until(lambda: drawn() == set())
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert len(drawn()) == 400
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert drawn() == set()
    explorer.close()
