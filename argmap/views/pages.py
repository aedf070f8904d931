"""A split map as the pages of one file: one PDF, or one HTML document, with a page per part.

``argmap render MAP --split -o parts.pdf`` and ``-o parts.html`` write one
file (SVG, PNG and DOT parts are numbered files instead: see
:func:`argmap.api.split_names`). :func:`pdf` joins the PDF Graphviz draws
for each part into one document with the PyPI library ``pypdf``, a bookmark
per part. :func:`html` puts each part's SVG in a section of one
self-contained page: a list of the parts to choose from (a link per part,
``parts.html#part-3`` opens the third), one part on the screen at a time,
and each part a printed page of its own. No script: the choosing is CSS
(``:target``). The same parts give the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from io import BytesIO
from typing import TYPE_CHECKING

from argmap.safe_text import printable
from argmap.views.html import byline, inline_svg
from argmap.views.html import markup as _h

if TYPE_CHECKING:
    from argmap.model import ArgumentMap
    from argmap.model.parts import Part


def pdf(pictures: Sequence[bytes], titles: Sequence[str], title: str | None = None) -> bytes:
    """The PDFs of the parts (one page or more each) as one document, a bookmark per part."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for picture, heading in zip(pictures, titles, strict=True):
        first = len(writer.pages)
        for page in PdfReader(BytesIO(picture)).pages:
            writer.add_page(page)
        writer.add_outline_item(title=printable(heading), page_number=first)
    if title:
        writer.add_metadata({"/Title": printable(title)})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def gist(part: Part, words: int = 9) -> str:
    """What the list of parts says of a part besides its title: the first statement under its
    top box (its title, else its first words)."""
    steps = part.argmap.incoming(part.argmap.conclusion)
    if not steps or not steps[0].premises:
        return ""
    statement = part.argmap.statements[steps[0].premises[0]]
    text = statement.title or statement.text
    cut = text.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


_ID = re.compile(r'\bid="([^"]*)"')
_REF = re.compile(r'(url\(#|href="#)')


def _own_ids(svg: str, prefix: str) -> str:
    """The part's SVG with every id (and every reference to one) prefixed: the conclusion is in
    every part, and a page's ids must be its own."""
    return _REF.sub(
        lambda m: m.group(1) + prefix, _ID.sub(lambda m: f'id="{prefix}{m.group(1)}"', svg)
    )


_STYLE = """
* { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body { font: 15px/1.4 Helvetica, Arial, "Liberation Sans", sans-serif; color: #1a1a1a;
  display: flex; flex-direction: column; }
header { padding: .5rem 1rem; border-bottom: 1px solid #d0d0d0; }
h1 { margin: 0; font-size: 1.2rem; }
.byline { margin: 0; color: #555; font-size: .85rem; }
nav ol { list-style: none; margin: .4rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem; }
nav a { display: block; padding: .2rem .6rem; border: 1px solid #999; border-radius: 4px;
  color: inherit; text-decoration: none; font-size: .9rem; max-width: 22rem; }
nav a:hover, nav a:focus-visible { border-color: #1a73e8; outline: none; }
nav .gist { color: #555; font-size: .8rem; display: block; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
main { flex: 1 1 auto; min-height: 0; }
section.part { display: none; height: 100%; flex-direction: column; padding: .5rem 1rem; }
section.part:target, main:not(:has(section.part:target)) section.part:first-child { display: flex; }
/* the picture carries the part's title: the heading is for screen readers and the outline */
section.part h2 { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
section.part svg { display: block; flex: 1 1 auto; min-height: 0; width: 100%; height: 100%; }
@media print {
  /* a part a page: each picture carries the map's title and the part's */
  @page { size: landscape; margin: 1cm; }
  html, body { height: auto; display: block; }
  header { display: none; }
  section.part, main:not(:has(section.part:target)) section.part:first-child {
    display: block !important; height: auto; padding: 0; break-inside: avoid; break-after: page; }
  section.part:last-child { break-after: auto; }
  section.part svg { height: 96vh; }
}
"""


def html(argmap: ArgumentMap, parts: Sequence[Part], svgs: Sequence[str]) -> str:
    """One self-contained page with each part's SVG as a section of its own."""
    title = argmap.title or "Argument map"
    count = len(parts)
    items: list[str] = []
    sections: list[str] = []
    current: list[str] = []
    for n, (part, svg) in enumerate(zip(parts, svgs, strict=True), 1):
        heading = part.title or title
        words = gist(part)
        items.append(
            f'<li><a href="#part-{n}">{n}. {_h(heading)}'
            + (f'<span class="gist">{_h(words)}</span>' if words else "")
            + "</a></li>"
        )
        sections.append(
            f'<section class="part" id="part-{n}" aria-labelledby="part-{n}-h">\n'
            f'<h2 id="part-{n}-h">Part {n} of {count}: {_h(heading)}</h2>\n'
            f"{_own_ids(inline_svg(svg), f'part-{n}-')}\n</section>"
        )
        chosen = f'a[href="#part-{n}"]'
        current.append(f"body:has(#part-{n}:target) nav {chosen}")
    first = 'body:not(:has(section.part:target)) nav a[href="#part-1"]'
    style = (
        _STYLE + ", ".join([first, *current]) + " { background: #eaf2fd; border-color: #1a73e8; }\n"
    )
    return _TEMPLATE.format(
        title=_h(title),
        count=count,
        byline=byline(argmap),
        style=style,
        items="\n".join(items),
        sections="\n".join(sections),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{title} ({count} parts)</title>
<style>{style}</style>
</head>
<body>
<header>
<h1>{title}</h1>{byline}
<nav aria-label="Parts"><ol>
{items}
</ol></nav>
</header>
<main>
{sections}
</main>
</body>
</html>
"""
