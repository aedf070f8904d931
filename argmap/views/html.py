"""The HTML view: one self-contained page with the rendered map, its gaps and each node's details.

No network: the SVG, the styles, the script and the map's data are all
inline, and a Content-Security-Policy forbids loading anything else. User
text reaches the page two ways only: escaped with :func:`html.escape` in the
markup, or as JSON data (with ``<``, ``>`` and ``&`` escaped) that the
script puts into the page with ``textContent``, never as markup.

Keyboard: every statement of the map is focusable (Tab), Enter or Space
shows its details; the gap list is made of buttons that select their node.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from html import escape

from argmap.analysis.base import SEVERITY_ORDER, Gap
from argmap.model import ArgumentMap, Statement
from argmap.safe_text import printable
from argmap.views.dot import kind_of


def _h(text: str) -> str:
    """User text for the page's markup (control characters and bidi overrides made visible)."""
    return escape(printable(text), quote=True)


def statement_data(
    argmap: ArgumentMap,
    statement: Statement,
    gaps: Sequence[Gap],
    verdict: str | None,
    paragraphs: Sequence[str],
) -> dict[str, object]:
    """What the details panel shows for one statement."""
    data: dict[str, object] = {
        "id": statement.id,
        "kind": kind_of(argmap, statement),
        "text": statement.text,
        "implicit": statement.implicit,
        "given": statement.given,
    }
    if statement.quote:
        data["quote"] = statement.quote
    if statement.at:
        data["at"] = statement.at
        data["paragraphs"] = [
            [n, paragraphs[n - 1]] for n in statement.anchors if 0 < n <= len(paragraphs)
        ]
    if statement.basis is not None:
        data["basis"] = statement.basis.value
    if statement.source is not None:
        source = statement.source
        data["source"] = ", ".join(
            p for p in (source.name, source.date, source.locator, source.url) if p
        )
    if statement.note:
        data["note"] = statement.note
    if verdict:
        data["verdict"] = verdict
    data["gaps"] = [_gap_data(g) for g in gaps]
    return data


def _gap_data(gap: Gap) -> dict[str, str]:
    return {
        "code": gap.code,
        "name": gap.name,
        "severity": gap.severity.value,
        "message": gap.message,
        "hint": gap.hint,
    }


def _json_for_script(value: object) -> str:
    """JSON that cannot end the ``<script>`` element it sits in."""
    # the page's script shows these texts: the same visible escapes as the markup
    text = json.dumps(_visible(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _visible(value: object) -> object:
    """``value`` with :func:`printable` applied to every string in it (keys too)."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(k)): _visible(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_visible(v) for v in value]
    return value


_BEFORE_SVG = re.compile(r"^.*?(?=<svg\b)", re.DOTALL)


def inline_svg(svg: str) -> str:
    """Graphviz's SVG without the XML declaration, doctype and comments in front of ``<svg>``."""
    return _BEFORE_SVG.sub("", svg, count=1)


def page(
    argmap: ArgumentMap,
    svg: str,
    gaps: Sequence[Gap],
    verdicts: Mapping[str, str] | None = None,
    why: Mapping[str, str] | None = None,
) -> str:
    """The whole HTML page; ``why`` explains each verdict in the details panel."""
    verdicts = verdicts or {}
    why = why or {}
    by_node: dict[str, list[Gap]] = {}
    for gap in gaps:
        by_node.setdefault(gap.node, []).append(gap)
    paragraphs = argmap.paragraphs()
    statements = {
        sid: statement_data(
            argmap,
            statement,
            sorted(by_node.get(sid, []), key=lambda g: (SEVERITY_ORDER[g.severity], g.code)),
            why.get(sid, verdicts[sid]) if sid in verdicts else None,
            paragraphs,
        )
        for sid, statement in argmap.statements.items()
    }
    title = argmap.title or "Argument map"
    source = argmap.source
    byline = (
        " · ".join(p for p in (source.title, source.author, source.date) if p) if source else ""
    )
    data = {"conclusion": argmap.conclusion, "statements": statements}
    return _TEMPLATE.format(
        title=_h(title),
        byline=f'<p class="byline">{_h(byline)}</p>' if byline else "",
        svg=inline_svg(svg),
        gap_count=len(gaps),
        gap_list=_gap_list(argmap, gaps),
        data=_json_for_script(data),
        style=_STYLE,
        script=_SCRIPT,
    )


def _gap_list(argmap: ArgumentMap, gaps: Sequence[Gap]) -> str:
    if not gaps:
        return '<p class="none">No gaps found.</p>'
    order = {sid: i for i, sid in enumerate(argmap.statements)}
    ordered = sorted(
        gaps, key=lambda g: (SEVERITY_ORDER[g.severity], order.get(g.node, len(order)), g.code)
    )
    items = []
    for gap in ordered:
        selectable = gap.node in argmap.statements
        attrs = f' data-node="{_h(gap.node)}"' if selectable else " disabled"
        items.append(
            f'<li class="gap {gap.severity.value}"><button type="button"{attrs}>'
            f'<span class="code">{_h(gap.code)}</span> '
            f'<span class="severity">{gap.severity.value}</span> '
            f'<span class="node">{_h(gap.node)}</span> '
            f'<span class="message">{_h(gap.message)}</span></button></li>'
        )
    return '<ol class="gaps">' + "".join(items) + "</ol>"


_STYLE = """
:root { --fg: #1a1a1a; --muted: #555; --line: #d0d0d0; --accent: #1a73e8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 Helvetica, Arial, "Liberation Sans", sans-serif; color: var(--fg);
  display: grid; grid-template-columns: minmax(0, 1fr) 24rem; grid-template-rows: auto minmax(0, 1fr);
  height: 100vh; }
header { grid-column: 1 / 3; padding: .6rem 1rem; border-bottom: 1px solid var(--line);
  display: flex; justify-content: space-between; align-items: center; gap: 1rem; }
header h1 { margin: 0; font-size: 1.25rem; }
.byline { margin: .1rem 0 0; color: var(--muted); font-size: .9rem; }
#map { overflow: auto; padding: .5rem; }
#map svg { display: block; }
aside { overflow: auto; border-left: 1px solid var(--line); padding: .75rem 1rem; }
aside h2 { font-size: 1.05rem; margin: .5rem 0; }
#details .empty { color: var(--muted); }
#details .kind { color: var(--muted); font-size: .85rem; text-transform: uppercase; letter-spacing: .04em; }
#details blockquote { margin: .5rem 0; padding-left: .6rem; border-left: 3px solid var(--line); font-style: italic; }
#details dl { margin: .5rem 0; }
#details dt { font-weight: bold; font-size: .85rem; margin-top: .4rem; }
#details dd { margin: 0; }
#details .paragraph { font-size: .9rem; color: #333; }
ol.gaps, ul.node-gaps { list-style: none; margin: 0; padding: 0; }
ol.gaps li { margin: 0 0 .35rem; }
ol.gaps button { all: unset; display: block; cursor: pointer; padding: .35rem .5rem; border-radius: 4px;
  border-left: 4px solid var(--line); font-size: .9rem; }
ol.gaps button:hover { background: #f2f2f2; }
ol.gaps button:focus-visible, g.statement:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
ol.gaps button[disabled] { cursor: default; }
li.error button, ul.node-gaps li.error { border-left-color: #d32f2f; }
li.warning button, ul.node-gaps li.warning { border-left-color: #ef6c00; }
li.info button, ul.node-gaps li.info { border-left-color: #1565c0; }
ul.node-gaps li { border-left: 4px solid var(--line); padding: .2rem .5rem; margin: .3rem 0; font-size: .9rem; }
.code { font-weight: bold; }
.severity, .node { color: var(--muted); }
.hint { color: var(--muted); font-style: italic; }
g.statement { cursor: pointer; }
g.statement:focus { outline: none; }
g.statement:focus-visible { outline: 3px solid var(--accent); }
g.statement.selected { filter: drop-shadow(0 0 3px var(--accent)) drop-shadow(0 0 6px var(--accent)); }
.toolbar { display: flex; gap: .3rem; }
.toolbar button { font: inherit; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: 4px;
  background: #fff; cursor: pointer; }
.toolbar button:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
@media (max-width: 800px) { body { display: block; height: auto; } aside { border: 0; } }
"""

_SCRIPT = """
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const details = document.getElementById("details");
  const nodes = new Map();
  for (const g of document.querySelectorAll("#map g.node.statement")) {
    const info = data.statements[g.id];
    if (!info) continue;
    nodes.set(g.id, g);
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", info.kind + " " + info.id + ": " + info.text);
    g.addEventListener("click", () => select(g.id, false));
    g.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); select(g.id, false); }
    });
  }
  for (const button of document.querySelectorAll("ol.gaps button[data-node]")) {
    button.addEventListener("click", () => select(button.dataset.node, true));
  }

  const map = document.getElementById("map");
  const svg = map.querySelector("svg");
  const width = parseFloat(svg.getAttribute("width"));
  const height = parseFloat(svg.getAttribute("height"));
  let scale = 1;
  function zoom(to) {
    scale = Math.min(4, Math.max(0.1, to));
    svg.style.width = (width * scale) + "pt";
    svg.style.height = (height * scale) + "pt";
  }
  for (const button of document.querySelectorAll(".toolbar button")) {
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      if (how === "in") zoom(scale * 1.25);
      else if (how === "out") zoom(scale / 1.25);
      else if (how === "reset") zoom(1);
      else zoom((map.clientWidth - 24) / (width * 4 / 3));
    });
  }
  // start with the main conclusion in view
  const top = nodes.get(data.conclusion);
  if (top) {
    const box = top.getBoundingClientRect();
    const frame = map.getBoundingClientRect();
    map.scrollLeft += box.left - frame.left - (map.clientWidth - box.width) / 2;
  }

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function field(list, name, value) {
    list.append(el("dt", "", name));
    const dd = el("dd");
    if (typeof value === "string") dd.textContent = value; else dd.append(value);
    list.append(dd);
  }

  function select(id, focus) {
    const info = data.statements[id];
    if (!info) return;
    for (const g of nodes.values()) g.classList.remove("selected");
    const g = nodes.get(id);
    if (g) {
      g.classList.add("selected");
      if (focus) { g.focus({preventScroll: true}); }
      g.scrollIntoView({block: "nearest", inline: "nearest"});
    }
    details.replaceChildren();
    const kind = (info.implicit ? "implicit " : "") + info.kind + (info.given ? " (given)" : "");
    details.append(el("div", "kind", kind + " · " + info.id));
    details.append(el("p", "text", info.text));
    if (info.quote) details.append(el("blockquote", "quote", "\\u201c" + info.quote + "\\u201d"));
    const list = el("dl");
    if (info.at) {
      const box = el("div");
      box.append(el("div", "", "\\u00b6" + info.at));
      for (const [n, text] of info.paragraphs || []) box.append(el("p", "paragraph", "\\u00b6" + n + " " + text));
      field(list, "Paragraphs", box);
    }
    if (info.basis) field(list, "Basis", info.basis);
    if (info.source) field(list, "Source", info.source);
    if (info.verdict) field(list, "Verdict", info.verdict);
    if (info.note) field(list, "Note", info.note);
    details.append(list);
    if (info.gaps.length) {
      details.append(el("h3", "", "Gaps"));
      const ul = el("ul", "node-gaps");
      for (const gap of info.gaps) {
        const li = el("li", gap.severity);
        li.append(el("span", "code", gap.code + " "), el("span", "severity", gap.severity + " "));
        li.append(el("div", "message", gap.message), el("div", "hint", gap.hint));
        ul.append(li);
      }
      details.append(ul);
    } else {
      details.append(el("p", "none", "No gaps on this node."));
    }
  }
})();
"""

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><div><h1>{title}</h1>{byline}</div>
<div class="toolbar" role="toolbar" aria-label="Zoom">
<button type="button" data-zoom="out" aria-label="Zoom out">−</button>
<button type="button" data-zoom="fit" aria-label="Fit the map to the window">Fit</button>
<button type="button" data-zoom="in" aria-label="Zoom in">+</button>
<button type="button" data-zoom="reset" aria-label="Actual size">100%</button>
</div></header>
<main id="map" aria-label="Argument map: Tab to a statement, Enter to see its details">
{svg}
</main>
<aside>
<section aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
<div id="details" aria-live="polite"><p class="empty">Click a statement, or Tab to one and press Enter, to see its text, quote, paragraphs, source and gaps.</p></div>
</section>
<section aria-labelledby="gaps-title">
<h2 id="gaps-title">Gaps ({gap_count})</h2>
{gap_list}
</section>
</aside>
<script type="application/json" id="argmap-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
