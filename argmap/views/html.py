"""The HTML view: one self-contained page in which to explore a rendered map.

The page (the "explorer") opens with the map fitted to the window; the
wheel, a pinch or the keyboard zoom, a drag pans, any branch collapses, a
search box finds statements, filters hide gap markers by severity and family
and dim statements by kind and verdict, and a side panel shows the selected
statement, its quote, its gaps and the source text with its paragraphs
highlighted. ``page.html#E16`` opens with E16 selected. Its script and
styles are package data (``argmap/views/assets/explorer.js`` and
``explorer.css``), inlined here.

No network: the SVG, the styles, the script and the map's data are all
inline, and a Content-Security-Policy forbids loading anything else. User
text reaches the page two ways only: escaped with :func:`html.escape` in the
markup, or as JSON data (with ``<``, ``>`` and ``&`` escaped) that the
script puts into the page with ``textContent``, never as markup.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from functools import cache
from html import escape, unescape
from importlib.resources import files
from urllib.parse import urlsplit

from argmap.analysis.base import SEVERITY_ORDER, Gap
from argmap.analysis.rules.base import FAMILIES
from argmap.model import ArgumentMap, Severity, Statement
from argmap.model.presentation import links
from argmap.safe_text import printable
from argmap.views.dot import (
    GAP_MARKS,
    GAP_PEN,
    KIND_NAMES,
    KINDS,
    SHAPES,
    THEMES,
    VERDICTS,
    co_premise_groups,
    drawn_edges,
    kind_of,
)

LABELS = ("IN", "OUT", "UNDECIDED")
#: every gap family, in the order the filters list them
GAP_FAMILIES = (*FAMILIES.values(), "other")


def _h(text: str) -> str:
    """User text for the page's markup (control characters and bidi overrides made visible)."""
    return escape(printable(text), quote=True)


markup = _h


def byline(argmap: ArgumentMap) -> str:
    """The page's byline, as markup: the source's title, author and date (empty without)."""
    source = argmap.source
    line = " · ".join(p for p in (source.title, source.author, source.date) if p) if source else ""
    return f'<p class="byline">{_h(line)}</p>' if line else ""


def gap_family(gap: Gap) -> str:
    """A gap's family: annotated, or the family of the rule that found it."""
    if gap.origin == "annotated":
        return "annotated"
    return FAMILIES.get(gap.code[:1], "other")


def statement_data(
    argmap: ArgumentMap,
    statement: Statement,
    gaps: Sequence[Gap],
    verdict: str | None,
    why: str | None = None,
    label: str | None = None,
) -> dict[str, object]:
    """What the details panel shows for one statement (the paragraphs are given once, apart)."""
    data: dict[str, object] = {
        "id": statement.id,
        "kind": kind_of(argmap, statement),
        "text": statement.text,
        "implicit": statement.implicit,
        "reconstructed": bool(getattr(statement, "reconstructed", False)),
        "given": statement.given,
    }
    if statement.title:
        data["title"] = statement.title
    parts = text_parts(statement)
    if parts:
        data["parts"] = parts
    if statement.quote:
        data["quote"] = statement.quote
    if statement.at:
        data["at"] = statement.at
        data["anchors"] = list(statement.anchors)
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
        if why:
            data["why"] = why
    if label:
        data["label"] = label
    data["gaps"] = [_gap_data(g) for g in gaps]
    return data


#: link targets the page makes clickable (as Argdown's own HTML export, no script or data URLs)
SAFE_SCHEMES = ("", "http", "https", "mailto")


def text_parts(statement: Statement) -> list[list[str | None]]:
    """The text cut at its links (Argdown's ``[text](url)``): ``[piece, url or None]``, or []."""
    found = [
        (start, end, url)
        for start, end, url in links(statement)
        if urlsplit(url.strip()).scheme.lower() in SAFE_SCHEMES
    ]
    if not found:
        return []
    parts: list[list[str | None]] = []
    at = 0
    for start, end, url in found:
        if start > at:
            parts.append([statement.text[at:start], None])
        parts.append([statement.text[start:end], url.strip()])
        at = end
    if at < len(statement.text):
        parts.append([statement.text[at:], None])
    return parts


def _gap_data(gap: Gap) -> dict[str, str]:
    return {
        "code": gap.code,
        "name": gap.name,
        "severity": gap.severity.value,
        "family": gap_family(gap),
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
# Graphviz wraps each node and edge with a tooltip in <g id="a_..."><a xlink:title="...">;
# the tooltip is also the element's <title> (dot.style_svg), which is what browsers show
_TOOLTIP_LINK = re.compile(r'(<g id="a_[^"]*">)<a xlink:title="[^"]*">')
_TOOLTIP_END = re.compile(r"</a>\n</g>")


def inline_svg(svg: str) -> str:
    """Graphviz's SVG for the page: nothing in front of ``<svg>``, tooltips only as ``<title>``.

    Dropping the second copy of every tooltip makes the page a tenth smaller,
    and it opens faster.
    """
    svg = _BEFORE_SVG.sub("", svg, count=1)
    return _TOOLTIP_END.sub("</g>", _TOOLTIP_LINK.sub(r"\1", svg))


_NODE_OPEN = re.compile(r'<g id="([^"]*)" class="node statement[^"]*"')
_NUMBER_PAIR = re.compile(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)")
_SHAPE_COORDS = re.compile(r' (?:points|d)="([^"]*)"')
_SVG_SIZE = re.compile(r'<svg width="[^"]*" height="[^"]*"')
Box = tuple[float, float, float, float]


def _shape_box(group: str) -> Box | None:
    """The bounding box (x0, y0, x1, y1) of a node's outline, from its path/polygon points."""
    xs: list[float] = []
    ys: list[float] = []
    for coords in _SHAPE_COORDS.findall(group):
        for x, y in _NUMBER_PAIR.findall(coords):
            xs.append(float(x))
            ys.append(float(y))
    return (min(xs), min(ys), max(xs), max(ys)) if xs else None


def explorer_svg(
    svg: str, statements: Mapping[str, Mapping[str, object]], edges: Sequence[tuple[str, str, str]]
) -> str:
    """The page's SVG, made ready for the explorer before any script runs.

    Each statement's group gets its accessibility attributes (a tree item,
    focusable, labelled) and, when something hangs below it, a collapse
    toggle on the side facing its children; the ``<svg>`` fills its box.
    Done here rather than in the script because measuring 2,000 nodes in
    the browser lays the whole drawing out again: the page opens faster.
    Comments and line breaks between tags go (:func:`_compact`).
    """
    svg = inline_svg(svg)
    below: dict[str, list[str]] = {}
    for _, upper, lower in edges:
        below.setdefault(upper, []).append(lower)
    spans: dict[str, tuple[int, int]] = {}
    for match in _NODE_OPEN.finditer(svg):
        sid = unescape(match.group(1))
        if sid not in statements:
            continue
        # up to the node's own closing tag: right after its shapes and texts, or, when Graphviz
        # wrote a tooltip's link group inside it, after that one group
        end = svg.find("\n</g>", match.end())
        if end > 0 and "<g " in svg[match.end() : end]:
            end = svg.find("\n</g>\n</g>", match.end())
            if end < 0 or svg.count("<g ", match.end(), end) != 1:
                continue  # not a node's group as Graphviz writes one
            end += len("\n</g>")
        if end > 0:
            spans[sid] = (match.start(), end)
    boxes = {sid: _shape_box(svg[start:end]) for sid, (start, end) in spans.items()}
    side = _child_side(statements, below, boxes)
    out: list[str] = []
    pos = 0
    for sid, (start, end) in sorted(spans.items(), key=lambda item: item[1][0]):
        info = statements[sid]
        head = svg.index(">", start)
        label = f"{_kind_name(info)} {sid}: {info['text']}"
        attrs = f' tabindex="0" role="treeitem" aria-selected="false" aria-label="{_h(label)}"'
        box = boxes[sid]
        toggle = ""
        if box is not None and _statements_below(sid, below, statements):
            attrs += ' aria-expanded="true"'
            toggle = _toggle(sid, box, side)
        out.append(svg[pos:head] + attrs + svg[head:end] + toggle)
        pos = end
    out.append(svg[pos:])
    prepared = _compact("".join(out))
    return _SVG_SIZE.sub(
        '<svg width="100%" height="100%" role="tree" aria-label="Argument map"', prepared, count=1
    )


_COMMENT = re.compile(r"<!--.*?-->\n?", re.DOTALL)


def _compact(svg: str) -> str:
    """The SVG without Graphviz's comments and the line breaks between its tags.

    Each is a node of the page's DOM (a 2,000-statement map had 4,000
    comments and 45,000 line breaks, twice its elements): without them the
    browser parses and styles the page about a third faster. No text is
    touched: a line break inside a ``<text>`` or ``<title>`` is ``&#10;``.
    """
    return _COMMENT.sub("", svg).replace(">\n<", "><")


def _kind_name(info: Mapping[str, object]) -> str:
    kind = str(info["kind"])
    if info.get("reconstructed"):
        kind = f"reconstructed {kind}"
    elif info.get("implicit"):
        kind = f"implicit {kind}"
    return kind + (" (given)" if info.get("given") else "")


def _child_side(
    statements: Mapping[str, object],
    below: Mapping[str, list[str]],
    boxes: Mapping[str, Box | None],
) -> str:
    """Where children are drawn (below, above, right, left): the side on which most of the
    first 200 parent-child pairs sit wholly apart, as ranks are."""
    votes = dict.fromkeys(("below", "above", "right", "left"), 0)
    pairs = 0
    for sid, box in boxes.items():
        if box is None:
            continue
        for child in _statements_below(sid, below, statements):
            other = boxes.get(child)
            if other is None:
                continue
            votes["below"] += other[1] >= box[3]
            votes["above"] += other[3] <= box[1]
            votes["right"] += other[0] >= box[2]
            votes["left"] += other[2] <= box[0]
            pairs += 1
        if pairs >= 200:
            break
    return max(votes, key=votes.__getitem__)


def _statements_below(
    sid: str, below: Mapping[str, list[str]], statements: Mapping[str, object]
) -> list[str]:
    """The statements right under ``sid``, through junctions."""
    found: list[str] = []
    stack = list(below.get(sid, []))
    seen: set[str] = set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node in statements:
            found.append(node)
        else:
            stack.extend(below.get(node, []))
    return found


def _toggle(sid: str, box: Box, side: str) -> str:
    """The collapse button of one statement: on the side facing its children, near a corner
    (the arrows end in the middle)."""
    x0, y0, x1, y1 = box
    x = {"right": x1, "left": x0}.get(side, x1 - 14)
    y = {"below": y1, "above": y0}.get(side, y1 - 10)
    return (
        f'\n<g class="toggle" transform="translate({x:.2f} {y:.2f})">'
        f"<title>Collapse the branch below {_h(sid)}</title>"
        '<rect x="-6.5" y="-6.5" width="13" height="13" rx="6.5"/>'
        '<text y="3.5">\u2212</text></g>'
    )


@cache
def asset(name: str) -> str:
    """One of the explorer's package data files (``explorer.js``, ``explorer.css``)."""
    text = files("argmap.views").joinpath("assets", name).read_text(encoding="utf-8")
    # inlined into <script>/<style>: it must not be able to end that element
    assert "</" not in text, f"{name} must not contain '</'"
    return text


def page(
    argmap: ArgumentMap,
    svg: str,
    gaps: Sequence[Gap],
    verdicts: Mapping[str, str] | None = None,
    why: Mapping[str, str] | None = None,
    *,
    labels: Mapping[str, str] | None = None,
    theme: str = "default",
    live: tuple[str, str] | None = None,
) -> str:
    """The whole HTML page.

    ``verdicts``, ``why`` (one line per verdict) and ``labels`` (IN/OUT/UNDECIDED)
    feed the details panel and the filters; ``theme`` is the theme the SVG was
    drawn in; ``live`` (``argmap watch``) is a script beside the page and
    this build's stamp: the page loads the script every second and reloads
    itself when the script names another build. Only then may the page load
    a script from its own place (the file or localhost), nothing else.
    """
    verdicts = verdicts or {}
    why = why or {}
    labels = labels or {}
    by_node: dict[str, list[Gap]] = {}
    for gap in gaps:
        by_node.setdefault(gap.node, []).append(gap)
    for node_gaps in by_node.values():
        node_gaps.sort(key=lambda g: (SEVERITY_ORDER[g.severity], g.code))
    statements = {
        sid: statement_data(
            argmap,
            statement,
            by_node.get(sid, []),
            verdicts.get(sid),
            why.get(sid),
            labels.get(sid),
        )
        for sid, statement in argmap.statements.items()
    }
    steps = {
        iid: [_gap_data(g) for g in node_gaps]
        for iid, node_gaps in by_node.items()
        if iid in argmap.inferences
    }
    data_edges = drawn_edges(argmap, gaps)
    paragraphs = argmap.paragraphs()
    title = argmap.title or "Argument map"
    data = {
        "conclusion": argmap.conclusion,
        "order": list(argmap.statements),
        "statements": statements,
        "steps": steps,
        "edges": data_edges,
        "groups": co_premise_groups(argmap),
        "marks": {s.value: GAP_MARKS[s] for s in Severity},
        "live": {"src": live[0], "build": live[1]} if live else None,
    }
    kinds = {str(d["kind"]) for d in statements.values()}
    families = {gap_family(g) for g in gaps}
    return _TEMPLATE.format(
        scripts="'unsafe-inline' 'self' file:" if live else "'unsafe-inline'",
        title=_h(title),
        byline=byline(argmap),
        svg=explorer_svg(svg, statements, data_edges),
        gap_count=len(gaps),
        gap_list=_gap_list(argmap, gaps),
        text=_source_text(paragraphs),
        filters=_filters(
            [s.value for s in Severity if any(g.severity is s for g in gaps)],
            [f for f in GAP_FAMILIES if f in families],
            [k for k in KINDS if k in kinds],
            [v for v in VERDICTS if v in verdicts.values()],
            [label for label in LABELS if label in labels.values()],
        ),
        data=_json_for_script(data),
        style=asset("explorer.css") + theme_css(theme),
        script=asset("explorer.js"),
    )


def theme_css(theme_name: str) -> str:
    """The rules that redraw a node's border when the filters hide some or all of its gaps.

    ``gap-off``: no gap of the node is shown, so it gets its kind's own
    border back; ``gap-as-SEVERITY``: its worst shown gap has that severity.
    """
    theme = THEMES[theme_name]
    shapes = ":is(path, polygon, polyline)"
    rules = []
    for kind in KINDS:
        style = SHAPES[kind][1].split(",")
        width = "2" if "bold" in style else "1.2"
        dash = "5,2" if "dashed" in style else "1,2" if "dotted" in style else "none"
        base = f"stroke: {theme.border[kind]}; stroke-width: {width}; stroke-dasharray: {dash};"
        rules.append(f"g.{kind}.gap-off {shapes}, g.{kind}.gap-as-info {shapes} {{ {base} }}")
    for severity, colour in theme.severity.items():
        name = severity.value
        rules.append(f'g.gap-as-{name} text[text-anchor="end"] {{ fill: {colour}; }}')
        if severity in GAP_PEN:
            rules.append(
                f"g.statement.gap-as-{name} {shapes} {{ stroke: {colour}; "
                f"stroke-width: {GAP_PEN[severity]}; stroke-dasharray: 5,2; }}"
            )
    for severity in Severity:
        rules.append(
            f"form.filters label.sev-{severity.value} {{ border-color: {theme.severity[severity]}; }}"
        )
    return "\n" + "\n".join(rules) + "\n"


def _gap_list(argmap: ArgumentMap, gaps: Sequence[Gap]) -> str:
    if not gaps:
        return '<p class="none">No gaps found.</p>'
    order = {sid: i for i, sid in enumerate(argmap.statements)}
    ordered = sorted(
        gaps, key=lambda g: (SEVERITY_ORDER[g.severity], order.get(g.node, len(order)), g.code)
    )
    items = []
    for gap in ordered:
        drawn = gap.node in argmap.statements or gap.node in argmap.inferences
        attrs = f' data-node="{_h(gap.node)}"' if drawn else " disabled"
        items.append(
            f'<li class="gap {gap.severity.value}" data-severity="{gap.severity.value}" '
            f'data-family="{_h(gap_family(gap))}"><button type="button"{attrs}>'
            f'<span class="code">{_h(gap.code)}</span> '
            f'<span class="severity">{gap.severity.value}</span> '
            f'<span class="node">{_h(gap.node)}</span> '
            f'<span class="message">{_h(gap.message)}</span></button></li>'
        )
    return '<ol class="gaps">' + "".join(items) + "</ol>"


def _source_text(paragraphs: Sequence[str]) -> str:
    if not paragraphs:
        return '<p class="none">This map does not include its source text.</p>'
    return "".join(
        f'<p class="para" data-para="{n}"><span class="pn">¶{n}</span> '
        f'<span class="pt">{_h(text)}</span></p>'
        for n, text in enumerate(paragraphs, 1)
    )


def _filters(
    severities: Sequence[str],
    families: Sequence[str],
    kinds: Sequence[str],
    verdicts: Sequence[str],
    labels: Sequence[str],
) -> str:
    """The filter menu: one group of checkboxes per facet the map has."""
    groups = [
        ("severity", "Gap severity", [(s, f"{GAP_MARKS[Severity(s)]} {s}") for s in severities]),
        ("family", "Gap family", [(f, f) for f in families]),
        ("kind", "Statement kind", [(k, KIND_NAMES[k]) for k in kinds]),
        ("verdict", "Verdict", [(v, v) for v in verdicts]),
        ("label", "Label", [(v, v) for v in labels]),
    ]
    out = []
    for name, legend, options in groups:
        if not options:
            continue
        boxes = "".join(
            f'<label class="{name}-{_h(value)}{" sev-" + value if name == "severity" else ""}">'
            f'<input type="checkbox" name="{name}" value="{_h(value)}" checked> {_h(text)}</label>'
            for value, text in options
        )
        out.append(f"<fieldset><legend>{legend}</legend>{boxes}</fieldset>")
    if not out:
        return '<p class="none">Nothing to filter.</p>'
    return "".join(out) + '<button type="reset">Show all</button>'


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src {scripts}; img-src data:">
<title>{title}</title>
<style>{style}</style>
<noscript><style>main.map text {{ display: inline !important; }}</style></noscript>
</head>
<body>
<header class="bar">
<div class="titles"><h1>{title}</h1>{byline}</div>
<div class="tools">
<div class="find"><input type="search" class="search" placeholder="Search (/)" aria-label="Search the statements; Enter for the next match" autocomplete="off"><output class="search-count" aria-live="polite"></output></div>
<details class="menu"><summary>Filters</summary><form class="filters">{filters}</form></details>
<div class="zoom" role="toolbar" aria-label="Zoom">
<button type="button" data-zoom="out" aria-label="Zoom out" title="Zoom out (−)">−</button>
<output class="zoom-level" aria-live="off" title="Zoom level">100%</output>
<button type="button" data-zoom="in" aria-label="Zoom in" title="Zoom in (+)">+</button>
<button type="button" data-zoom="fit" aria-label="Fit the map to the window" title="Fit (0)">Fit</button>
<button type="button" data-zoom="expand" aria-label="Expand every branch" title="Expand all">Expand all</button>
</div>
</div>
</header>
<main class="map sparse" tabindex="0" aria-label="Argument map. Drag or arrow keys to pan, wheel or + and − to zoom, 0 to fit; Tab to a statement, Enter to see it, C to collapse or expand it">
{svg}
</main>
<aside class="panel">
<section class="details-pane" aria-label="Details">
<div class="details" aria-live="polite"><p class="empty">Click a statement (or Tab to one and press Enter) to see its text, quote, source paragraphs and gaps. Keys: + − zoom, 0 fit, arrows pan, C collapse, / search.</p></div>
</section>
<div class="tabs" role="tablist">
<button type="button" role="tab" data-tab="text" aria-selected="true">Source text</button>
<button type="button" role="tab" data-tab="gaps" aria-selected="false">Gaps ({gap_count})</button>
</div>
<section class="pane text-pane" data-pane="text" role="tabpanel" aria-label="Source text">{text}</section>
<section class="pane gaps-pane" data-pane="gaps" role="tabpanel" aria-label="Gaps ({gap_count})" hidden>
<h2 class="print-only">Gaps ({gap_count})</h2>
{gap_list}
</section>
</aside>
<script type="application/json" class="argmap-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
