"""``render --split`` to PDF or HTML: one file whose pages are the parts (one per main reason,
each titled, the conclusion as its top box); other formats stay numbered files."""

from __future__ import annotations

import re
import shutil
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from conftest import FLAGSHIP
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.model import parts

HAS_DOT = shutil.which("dot") is not None


def split(out: Path, *extra: str) -> None:
    result = CliRunner().invoke(
        app, ["render", str(FLAGSHIP), "--split", "--layout", "slide", *extra, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output


def sections(html: str) -> list[str]:
    return re.findall(r'<section class="part" id="part-\d+".*?</section>', html, re.S)


@pytest.mark.exe
@pytest.mark.skipif(not HAS_DOT, reason="the Graphviz `dot` program is not on PATH")
def test_split_pdf_is_one_file_with_a_page_per_main_reason(tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "parts.pdf"
    split(out)
    assert [p.name for p in tmp_path.iterdir()] == ["parts.pdf"]
    pieces = parts.split(argmap.load(FLAGSHIP))
    reader = PdfReader(out)
    assert len(reader.pages) == len(pieces) == 7
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [p.title for p in pieces]  # a bookmark per part
    for page, piece in zip(reader.pages, pieces, strict=True):
        text = page.extract_text()
        first = text.splitlines()[0]
        assert first.endswith(": " + str(piece.title))  # each page titled
        assert "C · ¶23" in text  # the conclusion's box on every page
        premise = piece.argmap.incoming("C")[0].premises[0]
        assert f"{premise} · ¶" in text
    again = tmp_path / "again" / "parts.pdf"
    again.parent.mkdir()
    split(again)
    assert again.read_bytes() == out.read_bytes()  # same map, same bytes


def test_split_html_is_one_page_with_a_section_per_part(tmp_path: Path) -> None:
    out = tmp_path / "parts.html"
    split(out, "--engine", "wasm")
    assert [p.name for p in tmp_path.iterdir()] == ["parts.html"]
    html = out.read_text(encoding="utf-8")
    m = argmap.load(FLAGSHIP)
    pieces = parts.split(m)
    found = sections(html)
    assert len(found) == len(pieces) == 7
    for n, (section, piece) in enumerate(zip(found, pieces, strict=True), 1):
        assert section.count("<svg") == 1
        assert f'id="part-{n}-C"' in section  # the conclusion, top box of every part
        for sid in piece.argmap.statements:
            assert f'id="part-{n}-{sid}"' in section
        assert f'<a href="#part-{n}">{n}. {piece.title}' in html
    ids = re.findall(r'\bid="([^"]*)"', html)
    assert len(ids) == len(set(ids))  # every id its own, though C is drawn seven times
    # self-contained: no script, nothing to fetch
    assert "default-src 'none'" in html and "<script" not in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    # one file, so it may go to stdout
    result = CliRunner().invoke(
        app, ["render", str(FLAGSHIP), "--split", "--format", "html", "--engine", "wasm", "-o", "-"]
    )
    assert result.exit_code == 0 and len(sections(result.stdout)) == 7


def test_split_svg_and_dot_stay_numbered_files(tmp_path: Path) -> None:
    split(tmp_path / "part.dot")
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"part-{n}.dot" for n in range(1, 8)]


@pytest.mark.browser
def test_split_html_shows_one_part_at_a_time_and_prints_a_page_each(
    browser: Any, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from argmap.views.printing import html_to_pdf

    out = tmp_path / "parts.html"
    split(out, "--engine", "wasm")
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    try:
        page.goto(out.as_uri())

        def shown() -> list[str]:
            return list(
                page.eval_on_selector_all(
                    "section.part", "ss => ss.filter(s => s.offsetParent !== null).map(s => s.id)"
                )
            )

        assert shown() == ["part-1"]
        page.click('nav a[href="#part-3"]')
        assert shown() == ["part-3"]
        chosen = page.eval_on_selector_all(
            "nav a", "as => as.map(a => getComputedStyle(a).backgroundColor)"
        )
        assert len(set(chosen)) == 2 and chosen.count(chosen[2]) == 1  # the chosen one marked
        # the part fills the window without overflowing it
        box = page.eval_on_selector("#part-3 svg", "s => s.getBoundingClientRect().toJSON()")
        assert box["bottom"] <= 1000 and box["height"] > 500
    finally:
        page.close()
    printed = html_to_pdf(out.read_text(encoding="utf-8"))
    assert printed is not None
    reader = PdfReader(BytesIO(printed))
    assert len(reader.pages) == 7  # a page per part
    for n, pdf_page in enumerate(reader.pages, 1):
        assert f"Reason {n}" in pdf_page.extract_text() or n == 7
