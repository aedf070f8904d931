"""The conclusion guess measured on the 89 arg-microtexts, through ``argmap cues FILE --format json``.

A hit is when the guessed sentence (``conclusion_text``) contains the text
of the central claim: the one ADU with no outgoing edge other than ``seg``,
whose text is its EDU(s). The measured accuracy is pinned below as a floor;
raise it when the guess gets better, never lower it to make a change pass.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus
from typer.testing import CliRunner

from argmap.cli import app

MICROTEXTS = CORPUS / "microtexts"
#: Hits measured on the 89 texts (84, 94.4%; 80 before answered, factual and
#: concession-closing, 82 before a proposal counted as a norm, 83 before one "should" made
#: the point of a one-paragraph text); the issue's target is at
#: least 70%.
PINNED_HITS = 84
TARGET = 0.70


def central_claim(xml_path: Path) -> str:
    """The central claim's text: its EDUs (via ``seg`` edges), joined by spaces."""
    root = ET.parse(xml_path).getroot()
    edus = {e.get("id"): e.text or "" for e in root.iter("edu")}
    segments: dict[str, list[str]] = {}
    arguing: set[str] = set()
    for edge in root.iter("edge"):
        src, trg = edge.get("src") or "", edge.get("trg") or ""
        if edge.get("type") == "seg":
            segments.setdefault(trg, []).append(src)
        else:
            arguing.add(src)
    central = [a.get("id") or "" for a in root.iter("adu") if a.get("id") not in arguing]
    assert len(central) == 1, xml_path
    return " ".join(edus[e] for e in segments[central[0]])


def squash(text: str) -> str:
    return " ".join(text.split())


def guess(txt: Path) -> str:
    result = CliRunner().invoke(app, ["cues", str(txt), "--format", "json"])
    assert result.exit_code == 0, result.output
    return str(json.loads(result.stdout)["conclusion_text"])


@needs_corpus
@pytest.mark.corpus
def test_conclusion_guess_accuracy_on_the_microtexts() -> None:
    texts = sorted(MICROTEXTS.glob("*.txt"))
    assert len(texts) == 89
    misses = []
    for txt in texts:
        claim = central_claim(txt.with_suffix(".xml"))
        if squash(claim) not in squash(guess(txt)):
            misses.append(txt.stem)
    hits = len(texts) - len(misses)
    assert hits / len(texts) >= TARGET
    assert hits >= PINNED_HITS, f"{hits}/89 hits, pinned {PINNED_HITS}; misses: {misses}"


@needs_corpus
@pytest.mark.corpus
def test_baselines_first_and_last_sentence() -> None:
    """The corpus facts, recomputed with argmap's sentence splitter (containment, as above)."""
    from argmap.teaching.sentences import split_sentences

    first = last = 0
    for txt in sorted(MICROTEXTS.glob("*.txt")):
        claim = squash(central_claim(txt.with_suffix(".xml")))
        sentences = split_sentences(txt.read_text(encoding="utf-8"))
        first += claim in squash(sentences[0].text)
        last += claim in squash(sentences[-1].text)
    # the README counts 47 and 25 exact matches; containment adds 3 first sentences that
    # carry the claim with its reason ("X, since Y")
    assert (first, last) == (50, 25)
