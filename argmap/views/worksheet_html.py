"""``worksheet.html``: the print-ready worksheet (A4): instructions, the diagram, the text, answer space.

One self-contained page (no script, no external file) that prints as it
shows: a name line, the student instructions of
:func:`argmap.views.worksheet.steps`, the map's diagram with its numbered
blank boxes (:mod:`argmap.views.worksheet_svg`, inline, on a landscape page),
the source text with numbered paragraphs, and an answer table whose rows
are as tall as each blank's box. A find-the-gaps task adds the list of gap
kinds students choose from. All user text is HTML-escaped; nothing from the
key (ids, statuses, hidden text, gaps) is on the page.
"""

from __future__ import annotations

import html
import math
import re

from argmap.teaching.exercise import Exercise
from argmap.teaching.gap_kinds import STUDENT_KINDS
from argmap.views.worksheet import steps
from argmap.views.worksheet_svg import ruled_lines

_CSS = """
@page { size: A4; margin: 14mm 14mm 16mm 14mm; }
@page wide { size: A4 landscape; margin: 10mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; color: #111;
       line-height: 1.4; margin: 0; }
@media screen { body { max-width: 190mm; margin: 0 auto; padding: 8mm; }
                .diagram { max-width: 100%; overflow-x: auto; } }
h1 { font-size: 17pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #999; }
.byline { color: #444; margin: 0 0 3mm; }
.name { display: flex; gap: 10mm; margin: 3mm 0 4mm; }
.name span { flex: 1; border-bottom: 1px solid #333; padding-top: 6mm; }
ol.steps li { margin-bottom: 1.5mm; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: 9.5pt; background: #f1f1f1;
       padding: 0 1mm; }
.kinds dt { font-weight: bold; float: left; clear: left; width: 46mm; }
.kinds dd { margin: 0 0 1mm 48mm; }
.diagram { page: wide; break-before: page; }
@media print { .diagram svg { width: auto; height: auto; max-width: 100%; max-height: 160mm; } }
.diagram h2 { break-after: avoid; }
.diagram { break-inside: avoid; }
.text p { margin: 0 0 2.5mm; }
.text .n { font-weight: bold; display: inline-block; min-width: 9mm; }
.missing { border: 1px solid #b03030; padding: 2mm; color: #7a1f1f; }
table.answers { width: 100%; border-collapse: collapse; }
table.answers th, table.answers td { border: 1px solid #777; padding: 1mm 2mm;
       vertical-align: top; }
table.answers th { background: #eee; text-align: left; }
table.answers td.n { width: 14mm; white-space: nowrap; }
table.answers td.p { width: 22mm; white-space: nowrap; }
table.answers tr { break-inside: avoid; }
.answers-section { break-before: page; }
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _inline(step: str) -> str:
    """A step's text escaped, its backticked commands as ``<code>``."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(step))


def _svg_body(svg: str) -> str:
    """The ``<svg>`` element of Graphviz's output, without the XML prolog and DOCTYPE."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def worksheet_html(ex: Exercise, diagrams: list[str]) -> str:
    """The page (see the module docstring); ``diagrams``: the rendered worksheet diagram, or
    one per main branch (:func:`argmap.views.worksheet_svg.print_diagrams`)."""
    argmap = ex.argmap
    title = argmap.title or (argmap.source.title if argmap.source else None) or "Argument map"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Worksheet: {_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Worksheet: {_e(title)}</h1>",
    ]
    source = argmap.source
    if source and (source.title or source.author):
        bits = [f"<i>{_e(source.title)}</i>" if source.title else ""]
        if source.author:
            bits.append(f"by {_e(source.author)}")
        out.append(f'<p class="byline">Text: {" ".join(b for b in bits if b)}</p>')
    out.append('<div class="name"><span>Name:</span><span>Date:</span></div>')
    out.append("<h2>What to do</h2>")
    out.append(
        '<ol class="steps">' + "".join(f"<li>{_inline(s)}</li>" for s in steps(ex)) + "</ol>"
    )
    if ex.find_gaps:
        out.append("<h2>Kinds of gap</h2>")
        out.append(
            '<dl class="kinds">'
            + "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in STUDENT_KINDS.items())
            + "</dl>"
        )
    paragraphs = argmap.paragraphs()
    out.append('<section class="text"><h2>The text</h2>')
    if paragraphs:
        out += [
            f'<p><span class="n">¶{n}</span>{_e(p)}</p>' for n, p in enumerate(paragraphs, start=1)
        ]
    else:
        out.append(
            '<p class="missing">The text is not included in this worksheet: use the copy '
            "your teacher gives you, and number its paragraphs ¶1, ¶2... from the top.</p>"
        )
    out.append("</section>")
    for n, svg in enumerate(diagrams, start=1):
        part = f" (part {n} of {len(diagrams)}: the main conclusion and some of its branches)"
        head = "The map" + (part if len(diagrams) > 1 else "")
        out.append(f'<section class="diagram"><h2>{_e(head)}</h2>')
        out.append(_svg_body(svg))
        out.append("</section>")
    out.append('<section class="answers-section">')
    if ex.blanks:
        out.append("<h2>Your answers</h2>")
        out.append(
            '<table class="answers"><tr><th>box</th><th>paragraph</th>'
            "<th>the statement, in your own words</th></tr>"
        )
        for b in ex.blanks:
            # a row three boxes wide: a third of the box's handwriting lines, 8 mm each
            lines = max(2, math.ceil(ruled_lines(b.text) / 3) + 1)
            out.append(
                f'<tr style="height:{lines * 8}mm"><td class="n">[{b.number}]</td>'
                f'<td class="p">{_e("¶" + b.at) if b.at else "-"}</td><td></td></tr>'
            )
        out.append("</table>")
    if ex.find_gaps:
        out.append("<h2>Gaps you found</h2>")
        out.append('<table class="answers"><tr><th>box</th><th>kind of gap</th><th>why</th></tr>')
        rows = max(len(ex.gaps), 4)
        out += [
            '<tr style="height:34pt"><td class="n"></td><td class="p"></td><td></td></tr>'
        ] * rows
        out.append("</table>")
    out.append("</section></body></html>")
    return "\n".join(out) + "\n"
