"""Sentence splitting for real prose: abbreviations, initials, quotations, odd punctuation.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets after it) when whitespace and a sentence start follow: an upper-case
letter, a digit, or an opening quote or bracket. It does not end after

* a title or a short form that never ends a sentence in practice (``Dr.``,
  ``e.g.``, ``approx.``, ``Jan.``...), or one that does not before a number
  (``No. 5``, ``p. 12``);
* a single capital letter (an initial: ``J. Smith``);
* a dotted acronym (``U.S.``) unless the next word is a common sentence
  opener (``The``, ``It``, ``This``...), because "the U.S. Treasury" is far
  more common than a sentence ending in an acronym;
* an ellipsis or a stop inside a quotation that the sentence goes on after
  (the next word is lower case);
* the number of a list item that opens the text (``1. Shift workers...``).

``etc.`` and other short forms that often do end a sentence split when an
upper-case word follows. Offsets always index the original text, so cue
offsets and sentence offsets can be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Short forms after which a sentence (practically) never ends.
NEVER_FINAL = frozenset(
    """mr mrs ms mx dr prof sr jr st mt ft rev hon gen col lt sgt capt cmdr gov sen rep pres
    vs v e.g i.e cf viz approx ca jan feb mar apr jun jul aug sep sept oct nov dec dept""".split()
)
#: Short forms that do not end a sentence when a number follows ("No. 5", "p. 12", "et al. 2019").
BEFORE_NUMBER = frozenset("no nos nr p pp fig figs vol vols ch sec art para est al op".split())

#: Words that open a sentence often enough that an acronym before them ends one.
OPENERS = frozenset(
    """the this that these those it its he she they we i you there here in on at for but and
    however yet so thus therefore hence moreover furthermore also although though while if
    when as a an one some many most all no not such what why how who our their his her my""".split()
)

_TERMINATOR = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*")
_START = re.compile(r"\s+([\"'“‘«(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([\w.'’´-]+)$")
_WORD = re.compile(r"[\w']+")
#: the number that opens a numbered list item ("1. ", "2) ", "(3) "), as a pattern's text
LIST_ITEM = r"\(?\d{1,2}[.)]\s"
_LIST_NUMBER = re.compile(r"\s*\(?\d{1,2}")  # before the stop of "1. ": see LIST_ITEM


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text (stripped) and offsets into the text it was split from."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` (one paragraph or more), in order, with offsets."""
    out: list[Sentence] = []
    begin = 0
    for match in _TERMINATOR.finditer(text):
        end = match.end()
        if not _ends_sentence(text, match.start(), end):
            continue
        if begin == 0 and _LIST_NUMBER.fullmatch(text, 0, match.start()):
            continue  # "1. Shift workers depend on it.": a list item's number, no sentence
        _append(out, text, begin, end)
        begin = end
    _append(out, text, begin, len(text))
    return out


def _append(out: list[Sentence], text: str, begin: int, end: int) -> None:
    chunk = text[begin:end]
    stripped = chunk.strip()
    if not stripped:
        return
    start = begin + (len(chunk) - len(chunk.lstrip()))
    out.append(Sentence(stripped, start, start + len(stripped)))


def _ends_sentence(text: str, mark: int, end: int) -> bool:
    if end >= len(text):
        return True
    after = _START.match(text, end)
    if after is None:
        # no whitespace after the mark: "3.5", "e.g.,", "U.S.-led", "word.Word"
        return False
    opener, first = after.group(1), after.group(2)
    if not (first.isupper() or first.isdigit() or (opener and first.isalpha())):
        return False  # "... he said.", "e.g. the", "etc. and": the sentence goes on
    if text[mark] != ".":
        return True  # "!" and "?" (and "…") before an upper-case word end a sentence
    if text[mark:end].startswith("..."):
        return True
    # only the word just before the mark matters: never scan the whole text before it
    word_match = _WORD_BEFORE.search(text, max(0, mark - 100), mark)
    if word_match is None:
        return True
    word = word_match.group(1).lower().lstrip("'’´-")
    if word in NEVER_FINAL or (word in BEFORE_NUMBER and first.isdigit()):
        return False
    if len(word) == 1 and word.isalpha() and text[mark - 1].isupper():
        return False  # an initial: "J. Smith"
    if "." in word:
        # a dotted acronym ("u.s", "a.m"): a sentence ends only before a common opener
        next_word = _WORD.match(text, after.start(2))
        return bool(next_word and next_word.group().lower() in OPENERS)
    return True
