"""The rules' fast cue path finds exactly what the shared lexicon finds.

``argmap.analysis.rules.base.scan`` matches one-word cues by dictionary
lookups and hands anything subtler to ``lexicon.has``; if the lexicon ever
grows a new special case, these tests say so before the rules drift from
``argmap cues``.
"""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, FLAGSHIP, MAPS, SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import lexicon
from argmap.analysis.rules.base import FAST_KINDS, RULE_KINDS, scan, scan_all

KINDS = (*FAST_KINDS, lexicon.UNNAMED_SOURCE, lexicon.EVIDENCE)


def texts() -> list[str]:
    out: list[str] = []
    for path in sorted(MAPS.glob("*.yaml")):
        m = argmap.load(path)
        for statement in m.statements.values():
            out.append(statement.text)
            if statement.quote:
                out.append(statement.quote)
        out.extend(m.paragraphs())
    source = SHARED / "source" / "iran-in-latin-america.txt"
    if source.exists():
        out.extend(line for line in source.read_text(encoding="utf-8").splitlines() if line)
    if CORPUS.is_dir():
        for path in sorted(CORPUS.rglob("*.argdown"))[:20]:
            out.extend(re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace")))
    return out


def test_the_flagship_texts_are_there() -> None:
    assert FLAGSHIP.exists() and len(texts()) > 100


@pytest.mark.parametrize("kind", KINDS)
def test_scan_agrees_with_the_lexicon_on_real_texts(kind: str) -> None:
    for text in texts():
        assert scan(text, (kind,))[kind] == lexicon.has(text, kind, quiet=True), text


CUE_WORDS = sorted({w for kind in KINDS for phrase in lexicon.WORDS[kind] for w in phrase.split()})
PIECES = st.one_of(
    st.sampled_from(CUE_WORDS),
    st.sampled_from([w.upper() for w in CUE_WORDS[:40]]),
    st.sampled_from(["May 2017", "May 3", "sources of", "since 1995", "2023", "12%", "x_may"]),
    st.sampled_from(["'", "’", "´", "-", "—", ",", ".", " ", "  ", "\n", "s", "n't", "'s"]),
    st.text(alphabet="abcdefgh ’'-", max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_scan_agrees_with_the_lexicon_on_any_text(text: str) -> None:
    found = scan(text, KINDS)
    for kind in KINDS:
        assert found[kind] == lexicon.has(text, kind, quiet=True)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=10).map("".join), max_size=8))
def test_scanning_all_texts_at_once_agrees_with_scanning_each(texts: list[str]) -> None:
    # scan_all reads every text in one pass over them all, one a line: no cue may run
    # across the line between two texts, and each text keeps its own cues
    for kinds in (RULE_KINDS, KINDS):
        expected = [scan(text, kinds) for text in texts]
        found = scan_all(texts, kinds)
        assert [row or {kind: [] for kind in kinds} for row in found] == expected
        # None for exactly the texts with no cue word heading a run in them
        assert [row is None for row in found] == [not _has_cue(text, kinds) for text in texts]


def _has_cue(text: str, kinds: tuple[str, ...]) -> bool:
    """Whether a cue word of ``kinds`` heads a run of the text (its row may still find nothing:
    the lexicon turns "may" down in "May 2017")."""
    from argmap.analysis.rules.base import _table, heads

    return bool(_table(kinds).keys() & heads(text))


def test_scanning_all_texts_at_once_agrees_on_real_texts() -> None:
    every = texts()
    for kinds in (RULE_KINDS, KINDS):
        found = scan_all(every, kinds)
        for text, row in zip(every, found, strict=True):
            assert (row or {kind: [] for kind in kinds}) == scan(text, kinds), text
