"""Grades for the gradebook and the class: the CSV, per-student feedback files, the class report.

* :func:`to_csv`: one row per submission, importable into Moodle or Canvas
  (a ``student`` identifier column from the file name, a ``score`` column);
* :func:`feedback_markdown`: one student's feedback file (``--feedback-dir``);
* :func:`report_markdown` and :func:`report_html`: the class report
  (``--report``): the score distribution (an inline SVG bar chart in the
  HTML; no script, no network), the item analysis, a table of students.

All user text (file names, statement texts, feedback) is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from argmap.teaching.classreport import BANDS, ClassReport
from argmap.teaching.grade import WEIGHTS, Result

CSV_FIELDS = ("student", "file", "score", *WEIGHTS, "error", "feedback")


#: The column added when the feedback files are written (``--feedback-dir``): each
#: student's file, relative to the CSV's folder.
FEEDBACK_FILE_FIELD = "feedback_file"


def to_csv(results: Sequence[Result], feedback_files: Sequence[str] | None = None) -> str:
    """One row per submission: student, file, score, the breakdown, the error, the feedback;
    with ``feedback_files`` (one per result), a last column linking each student's file."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_FIELDS, *([FEEDBACK_FILE_FIELD] if feedback_files is not None else [])])
    links = list(feedback_files) if feedback_files is not None else None
    for i, r in enumerate(results):
        writer.writerow(
            [
                r.student,
                r.file,
                "" if r.score is None else f"{r.score:.1f}",
                *("" if r.score is None else f"{r.breakdown.get(c, 0.0):.1f}" for c in WEIGHTS),
                r.error or "",
                " | ".join(r.feedback + r.details),
                *([links[i]] if links is not None else []),
            ]
        )
    return buffer.getvalue()


def feedback_links(
    results: Sequence[Result], feedback_dir: Path | None, base: Path
) -> list[str] | None:
    """Each student's feedback file in ``feedback_dir``, relative to ``base`` (the CSV's
    folder), for :func:`to_csv`; ``None`` without feedback files."""
    if feedback_dir is None:
        return None
    import os

    return [
        Path(os.path.relpath(feedback_dir / name, base)).as_posix()
        for name in feedback_names(results)
    ]


def feedback_names(results: Sequence[Result]) -> list[str]:
    """A distinct Markdown file name per result (``ana.md``, a second ``ana`` as ``ana-2.md``)."""
    seen: dict[str, int] = {}
    names = []
    for r in results:
        stem = "".join(c if c.isalnum() or c in "-_." else "-" for c in r.student) or "student"
        seen[stem] = seen.get(stem, 0) + 1
        names.append(f"{stem}.md" if seen[stem] == 1 else f"{stem}-{seen[stem]}.md")
    return names


def _md(text: str) -> str:
    from argmap.formats.markdown import escape

    return escape(text)


def feedback_markdown(result: Result, title: str = "") -> str:
    """One student's feedback file: the score, the breakdown, what was right, what to work on."""
    lines = [f"# Feedback: {_md(result.student)}", ""]
    if title:
        lines += [f"Map of: {_md(title)}", ""]
    if result.score is None:
        lines += ["Your map could not be read:", "", f"    {result.error or 'unreadable'}", ""]
        lines.append("Fix the file and hand it in again.")
        return "\n".join(lines) + "\n"
    lines += [f"**Score: {result.score:.1f} / 100**", "", "| part | points |", "|---|---:|"]
    lines += [
        f"| {name} | {result.breakdown.get(name, 0.0):g} / {w:g} |" for name, w in WEIGHTS.items()
    ]
    lines += ["", "## What to work on first" if result.details else "## Feedback", ""]
    lines += [f"- {_md(line)}" for line in result.feedback]
    if result.details:
        lines += ["", "## More details", ""]
        lines += [f"- {_md(line)}" for line in result.details]
    return "\n".join(lines) + "\n"


def report_markdown(report: ClassReport) -> str:
    """The class report as Markdown."""
    out = [f"# Class report: {_md(report.title)}", ""]
    s = report.summary()
    graded = len(report.scores)
    if s:
        out.append(
            f"{graded} graded: mean {s['mean']:.1f}, median {s['median']:.1f}, lowest "
            f"{s['lowest']:.1f}, highest {s['highest']:.1f}"
            + (f"; {len(report.failed)} could not be read." if report.failed else ".")
        )
    else:
        out.append("No submission could be read.")
    out += ["", "## Scores", "", "| band | students |", "|---|---:|"]
    for (low, high), count in zip(BANDS, report.band_counts(), strict=True):
        out.append(f"| {low}-{high if high < 100 else 100} | {'█' * count} {count} |")
    out += [
        "",
        "## Item analysis",
        "",
        "| item | mapped | most common confusion |",
        "|---|---:|---|",
    ]
    for item in report.items:
        confusion = "; ".join(f"{c} of {item.graded} {what}" for what, c in item.confusions[:2])
        out.append(
            f"| {_md(item.label)} | {item.found} of {item.graded} ({item.share:.0%}) | "
            f"{_md(confusion)} |"
        )
    out += ["", "## Students", "", "| student | score | " + " | ".join(WEIGHTS) + " |"]
    out.append("|---|---:|" + "---:|" * len(WEIGHTS))
    for r in report.results:
        if r.score is None:
            out.append(f"| {_md(r.student)} | error: {_md(r.error or '')} |" + " |" * len(WEIGHTS))
        else:
            cells = " | ".join(f"{r.breakdown.get(c, 0.0):g}" for c in WEIGHTS)
            out.append(f"| {_md(r.student)} | {r.score:.1f} | {cells} |")
    return "\n".join(out) + "\n"


def _chart(report: ClassReport) -> str:
    """An inline SVG bar chart of the score bands (labelled, readable in black and white)."""
    counts = report.band_counts()
    top = max(counts, default=0) or 1
    width, height, bar, gap, base = 560, 220, 44, 10, 180
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="Score distribution">',
        f'<line x1="20" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#333"/>',
    ]
    for i, ((low, high), count) in enumerate(zip(BANDS, counts, strict=True)):
        x = 24 + i * (bar + gap)
        h = round(150 * count / top)
        colour = "#c0392b" if high <= 50 else ("#d4a017" if high <= 80 else "#2e8b57")
        parts.append(
            f'<rect x="{x}" y="{base - h}" width="{bar}" height="{h}" fill="{colour}">'
            f"<title>{low}-{min(high, 100)}: {count}</title></rect>"
        )
        if count:
            parts.append(
                f'<text x="{x + bar / 2}" y="{base - h - 4}" text-anchor="middle" '
                f'font-size="13">{count}</text>'
            )
        parts.append(
            f'<text x="{x + bar / 2}" y="{base + 16}" text-anchor="middle" font-size="12">'
            f"{low}-{min(high, 100)}</text>"
        )
    parts.append(
        f'<text x="{width / 2}" y="{base + 36}" text-anchor="middle" font-size="12">'
        "score (students per band)</text></svg>"
    )
    return "".join(parts)


_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:70rem;color:#222;padding:0 1rem}
table{border-collapse:collapse;margin:1rem 0;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;white-space:nowrap}
.bar{display:inline-block;height:.7rem;background:#4a74b5;vertical-align:middle}
.low{color:#a02020}
"""


def report_html(report: ClassReport) -> str:
    """The class report as one self-contained HTML page."""
    e = html.escape
    s = report.summary()
    head = (
        f"{len(report.scores)} graded: mean {s['mean']:.1f}, median {s['median']:.1f}, "
        f"lowest {s['lowest']:.1f}, highest {s['highest']:.1f}"
        + (f"; {len(report.failed)} could not be read" if report.failed else "")
        if s
        else "No submission could be read."
    )
    rows = []
    for item in report.items:
        confusion = "; ".join(f"{c} of {item.graded} {what}" for what, c in item.confusions[:2])
        cls = ' class="low"' if item.share < 0.5 else ""
        rows.append(
            f'<tr><td>{e(item.label)}</td><td class="n"{cls}>{item.found} of {item.graded} '
            f'<span class="bar" style="width:{round(60 * item.share)}px"></span> '
            f"{item.share:.0%}</td><td>{e(confusion)}</td></tr>"
        )
    students = []
    for r in report.results:
        if r.score is None:
            students.append(
                f'<tr><td>{e(r.student)}</td><td colspan="{len(WEIGHTS) + 1}" class="low">'
                f"could not be read: {e(r.error or '')}</td></tr>"
            )
            continue
        cells = "".join(f'<td class="n">{r.breakdown.get(c, 0.0):g}</td>' for c in WEIGHTS)
        students.append(
            f'<tr><td>{e(r.student)}</td><td class="n"><b>{r.score:.1f}</b></td>{cells}</tr>'
        )
    weights = "".join(f"<th>{e(c)} /{w:g}</th>" for c, w in WEIGHTS.items())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Class report: {e(report.title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Class report: {e(report.title)}</h1><p>{e(head)}</p>"
        f"<h2>Scores</h2>{_chart(report)}"
        "<h2>Item analysis</h2><p>For each statement and gap of the key: how many students "
        "mapped it, and what they most often did instead.</p>"
        "<table><thead><tr><th>item</th><th>mapped</th><th>most common confusion</th></tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        f"<h2>Students</h2><table><thead><tr><th>student</th><th>score /100</th>{weights}</tr>"
        f"</thead><tbody>{''.join(students)}</tbody></table></body></html>\n"
    )
