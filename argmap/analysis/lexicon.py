"""Argument cue words: the one list shared by the gap rules and ``argmap cues``.

Every list is plain English that makes sense for any text (nothing here is
tuned to one paper). Matching is by whole word or phrase, case-insensitive,
with the typographic apostrophes of real texts (’ ´ ʼ) read as ``'``.
Offsets returned always index the original text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

CONCLUSION_INDICATOR = "conclusion-indicator"
PREMISE_INDICATOR = "premise-indicator"
CONTRAST = "contrast"
HEDGE = "hedge"
OVERCLAIM = "overclaim"
VAGUE_QUANTIFIER = "vague-quantifier"
UNNAMED_SOURCE = "unnamed-source"
EVIDENCE = "evidence"
#: Time cues for the stale-evidence rule (not cue kinds of ``argmap cues``: not in KINDS).
PRESENT_TIME = "present-time"
PAST_TIME = "past-time"

#: The cue kinds, in the order a legend lists them.
KINDS = (
    CONCLUSION_INDICATOR,
    PREMISE_INDICATOR,
    CONTRAST,
    HEDGE,
    OVERCLAIM,
    VAGUE_QUANTIFIER,
    UNNAMED_SOURCE,
    EVIDENCE,
)

WORDS: dict[str, tuple[str, ...]] = {
    CONCLUSION_INDICATOR: (
        "therefore",
        "thus",
        "hence",
        "in conclusion",
        "to conclude",
        "consequently",
        "it follows that",
        "it follows",
        "accordingly",
        "as a result",
        "for this reason",
        "for these reasons",
        "which shows that",
        "which means that",
        "this shows that",
        "this means that",
        "we can conclude",
        "we must conclude",
        "in sum",
        "in short",
        "to sum up",
        "all in all",
        "ultimately",
        "that's why",
        "that is why",
        "this is why",
        "which is why",
        "so",
    ),
    PREMISE_INDICATOR: (
        "because",
        "since",
        "given that",
        "as shown by",
        "as evidenced by",
        "as indicated by",
        "as proven by",
        "the reason is",
        "for the reason that",
        "due to",
        "owing to",
        "in view of",
        "inasmuch as",
        "after all",
        "seeing that",
        "firstly",
        "secondly",
        "first of all",
        "moreover",
        "furthermore",
        "in addition",
        "additionally",
        "besides",
    ),
    CONTRAST: (
        "however",
        "although",
        "though",
        "even though",
        "but",
        "yet",
        "nevertheless",
        "nonetheless",
        "on the other hand",
        "whereas",
        "despite",
        "in spite of",
        "admittedly",
        "conversely",
        "instead",
        "on the contrary",
        "critics argue",
        "opponents argue",
        "some argue",
        "it may be objected",
    ),
    HEDGE: (
        "suspected",
        "suspect",
        "possibly",
        "possible",
        "reportedly",
        "allegedly",
        "alleged",
        "may",
        "might",
        "could",
        "perhaps",
        "apparently",
        "likely",
        "unlikely",
        "probably",
        "presumably",
        "seemingly",
        "seems",
        "seem",
        "appears",
        "appear",
        "supposedly",
        "rumoured",
        "rumored",
        "it is believed",
        "is believed",
        "is said to",
        "are said to",
        "cannot be taken as",
        "no certainty",
        "not a certainty",
        "not certain",
        "uncertain",
    ),
    OVERCLAIM: (
        "proven",
        "proves",
        "prove",
        "proof",
        "clearly",
        "undeniably",
        "undeniable",
        "obviously",
        "obvious",
        "certainly",
        "definitely",
        "surely",
        "without doubt",
        "without a doubt",
        "beyond doubt",
        "no doubt",
        "unquestionably",
        "indisputably",
        "indisputable",
        "irrefutable",
        "everyone knows",
        "of course",
        "it is certain",
        "always",
        "never",
    ),
    VAGUE_QUANTIFIER: (
        "multiple",
        "a number of",
        "many",
        "several",
        "various",
        "numerous",
        "a lot of",
        "lots of",
        "countless",
        "a great deal of",
        "a host of",
        "plenty of",
        "a series of",
        "a few",
        "some",
        "most",
        "a large number of",
        "a growing number of",
        "increasingly",
    ),
    UNNAMED_SOURCE: (
        "sources say",
        "sources said",
        "sources claim",
        "sources located",
        "western sources",
        "diplomatic sources",
        "intelligence sources",
        "local sources",
        "unnamed sources",
        "anonymous sources",
        "sources",
        "reports indicate",
        "reports suggest",
        "reports say",
        "it is reported",
        "it has been reported",
        "reports",
        "experts say",
        "experts believe",
        "experts",
        "officials say",
        "analysts say",
        "observers",
        "insiders",
        "critics say",
        "studies show",
        "research shows",
        "some say",
        "people say",
        "it is said",
        "they say",
    ),
    EVIDENCE: (
        "according to",
        "data",
        "survey",
        "statistics",
        "figures",
        "evidence",
        "documents",
        "report by",
        "found that",
        "showed that",
        "shows that",
        "percent",
        "per cent",
    ),
}

WORDS[PRESENT_TIME] = (
    "currently",
    "now",
    "today",
    "nowadays",
    "at present",
    "presently",
    "these days",
    "at the moment",
    "present-day",
    "still",
    "ongoing",
    "recently",
    "lately",
    "this year",
    "in recent months",
    "in recent weeks",
    "in recent years",
    "in the last months",
    "in the past months",
    "in the last weeks",
    "in the past weeks",
)
WORDS[PAST_TIME] = (
    "was",
    "were",
    "had",
    "did",
    "used to",
    "formerly",
    "previously",
    "once",
    "in the past",
    "historically",
    "ago",
)

#: Words too common to count as a cue in text-cue gap rules on their own.
GAP_QUIET: dict[str, frozenset[str]] = {
    VAGUE_QUANTIFIER: frozenset({"some", "most", "increasingly", "a series of"}),
    OVERCLAIM: frozenset({"always", "never", "prove", "proof"}),
    HEDGE: frozenset(
        {"possible", "could", "appear", "seem", "unlikely", "uncertain", "not certain"}
    ),
    UNNAMED_SOURCE: frozenset({"observers", "they say", "some say", "people say"}),
}

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u00b4": "'", "\u02bc": "'", "\u2018": "'", "`": "'"})

#: A year as a text writes it (1600-2099)
YEAR = r"\b(?:1[6-9]|20)\d\d\b"
#: A name as a text writes it: capitalised words, joined by "of", "for", "de", "the", "and"
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|de|the|and))*"

_SAYS = "said|says|reported|told|stated|wrote|writes|announced|found|estimated|confirmed"
_SAYS_IF_FOLLOWED = "reports|states|finds|estimates"
#: The verbs of a named source ("CNN reported")
REPORTING_VERB = f"(?:{_SAYS}|{_SAYS_IF_FOLLOWED})"

#: Numbers, percentages, years, quotations: evidence markers that are patterns, not words.
_EVIDENCE_PATTERNS = (
    r"\b\d+(?:[.,]\d+)*\s?%",
    YEAR,
    r"\b\d+(?:[.,]\d+)*(?:\s(?:million|billion|thousand|hundred))?\b",
    r"\u201c[^\u201d\x00]{3,}\u201d",
    r"\"[^\"\x00]{3,}\"",
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+\d{1,2}\b",
    # studies as research ("Studies show"), not one's course ("to pay for their studies")
    r"(?<!their )(?<!his )(?<!her )(?<!my )(?<!your )(?<!our )(?<!its )\bstudies\b",
    # a study as research: "a study", "a 2019 study", "the study by...", "one study found"; not
    # the verb ("those who study"), a course ("the course of study") nor a compound noun
    # ("study loans", "other study assignments")
    r"\b(?:(?:a|an|the|this|that|one|another|each|every|our|their|its|his|her|new|recent|"
    r"latest|same|major|large|small|further)\s+(?:[\w'’-]+\s+)?study\b(?!\s+(?:loans?|groups?|"
    r"time|rooms?|trips?|assignments?|programmes?|programs?|places?|fees?|abroad|hard|habits?|"
    r"skills?|materials?|guides?|leave|visits?|courses?|years?)\b)|study\s+(?:by|from|of|on|shows|"
    r"showed|found|finds|suggests|suggested|published|conducted)\b(?!\s+(?:law|medicine|"
    r"history|languages?|art|music)\b))",
    # a named source: capitalised name(s) then a reporting verb ("CNN reported", "President
    # Maduro said"); case-sensitive, and never a pronoun or an unnamed "Experts say"
    r"(?-i:\b(?!(?:It|He|She|They|We|I|You|This|That|These|Those|There|Some|Many|Most|All|One|"
    r"Everyone|People|Nobody|Critics|Experts|Sources|Reports|Officials|Analysts|Observers|"
    r"Studies|Research|Data|Evidence|Polls|Surveys|Last|This|Next|"
    # a date is when, not who: "last October found"
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)" + NAME + rf"\s+(?:{_SAYS}|"
    # a verb that is also a plural noun ("Latin American states have") reports only when
    # what it reports follows: "that", a colon or a quotation
    rf"(?:{_SAYS_IF_FOLLOWED})(?=\s+that\b|\s*[:\"“]))\b)",
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue in a text: its kind, the matched text, and character offsets into the original."""

    kind: str
    text: str
    start: int
    end: int


def normalize(text: str) -> str:
    """The text with typographic apostrophes as ``'`` (same length, so offsets still hold)."""
    return text.translate(_APOSTROPHES)


def _phrase_pattern(phrase: str) -> str:
    parts = [re.escape(word) for word in phrase.split()]
    return r"\s+".join(parts)


@lru_cache(maxsize=32)
def _pattern(kind: str, quiet: bool) -> re.Pattern[str]:
    words = WORDS[kind]
    if quiet:
        words = tuple(w for w in words if w not in GAP_QUIET.get(kind, frozenset()))
    # longest phrases first, so "even though" wins over "though"
    ordered = sorted(words, key=len, reverse=True)
    alternatives = [_phrase_pattern(w) for w in ordered]
    if kind == EVIDENCE and not quiet:
        alternatives = list(_EVIDENCE_PATTERNS) + [rf"\b(?:{a})\b" for a in alternatives]
        return re.compile("|".join(alternatives), re.IGNORECASE)
    return re.compile(rf"(?<![\w'-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE)


_RANK = {kind: i for i, kind in enumerate(KINDS)}


#: What :func:`find_each` puts between the texts: no pattern matches it, and every check
#: reads it as the end of a text (decoded files never hold one).
_SEPARATOR = "\x00"


def find_each(texts: Sequence[str], kinds: tuple[str, ...] = KINDS) -> list[tuple[Cue, ...]]:
    """:func:`find` of each of ``texts`` (offsets into each), in one pass over them all.

    The texts are scanned joined, so that many short ones (a text of 100,000
    one-word paragraphs) cost what their size costs, not one scan per text.
    """
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != max(len(texts) - 1, 0):
        return [tuple(find(text, kinds)) for text in texts]  # a text holds the separator
    cues = find(joined, kinds)
    out: list[tuple[Cue, ...]] = []
    i = 0
    base = 0
    for text in texts:
        end = base + len(text)
        mine: list[Cue] = []
        # no cue spans a separator, so each one lies inside the text it starts in
        while i < len(cues) and cues[i].start < end:
            cue = cues[i]
            mine.append(Cue(cue.kind, cue.text, cue.start - base, cue.end - base))
            i += 1
        out.append(tuple(mine))
        base = end + 1
    return out


def find(text: str, kinds: tuple[str, ...] = KINDS, *, quiet: bool = False) -> list[Cue]:
    """All cues of ``kinds`` in ``text``, sorted by position, overlapping matches of one kind merged.

    ``quiet=True`` leaves out the words in :data:`GAP_QUIET` (for gap rules,
    which must not fire on every "some").
    """
    norm = normalize(text)
    cues: list[Cue] = []
    for kind in kinds:
        last_end = -1
        for match in _pattern(kind, quiet).finditer(norm):
            if match.start() < last_end:
                continue
            if (
                kind == CONCLUSION_INDICATOR
                and match.group().lower() == "so"
                and not _so_is_conclusive(norm, match.start())
            ):
                continue
            word = match.group().lower()
            if kind == HEDGE and word == "may" and _is_month_may(norm, match.end()):
                continue
            if (
                kind == PREMISE_INDICATOR
                and word == "since"
                and _is_temporal_since(norm, match.end())
            ):
                continue
            if (
                kind in (UNNAMED_SOURCE, EVIDENCE)
                and word in _BARE
                and _followed_by_of(norm, match.end())
            ):
                continue
            if (
                kind == CONCLUSION_INDICATOR
                and word in _BEFORE_OF_NOT_INDICATOR
                and _followed_by_of(norm, match.end())
            ):
                continue  # "as a result of the war": a cause named, not a conclusion drawn
            cues.append(Cue(kind, text[match.start() : match.end()], match.start(), match.end()))
            last_end = match.end()
    # kinds outside KINDS (the time cues) sort after the legend's kinds
    cues.sort(key=lambda c: (c.start, -c.end, _RANK.get(c.kind, len(KINDS))))
    return cues


def has(text: str, kind: str, *, quiet: bool = True) -> list[str]:
    """The distinct cue words of ``kind`` in ``text`` (lower case, in order of appearance)."""
    seen: dict[str, None] = {}
    for cue in find(text, (kind,), quiet=quiet):
        seen.setdefault(" ".join(cue.text.lower().split()), None)
    return list(seen)


def _so_is_conclusive(text: str, start: int) -> bool:
    # "so" concludes after a clause break (", so we", ". So"), not in "so many", "not so", "so that"
    after = text[start + 2 : start + 12].lower()
    if after.lstrip().startswith(("that", "many", "much", "far", "called", "long", "-")):
        return False
    # the last character before it, spaces skipped (never a copy of all the text before it)
    i = start
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i == 0 or text[i - 1] in ",;.:!?—-" + _SEPARATOR


def _is_month_may(text: str, end: int) -> bool:
    return bool(re.match(r"\s+\d{1,2}\b|\s+(?:1[6-9]|20)\d\d\b", text[end : end + 8]))


_BEFORE_OF_NOT_INDICATOR = frozenset({"as a result"})

_BARE = frozenset({"sources", "reports", "experts", "evidence", "data", "figures", "documents"})


#: what follows a "since" of time: "since 1995", "since the 1980s", "since then", "since the
#: time of", "since last year": time, not a reason
TEMPORAL_AFTER_SINCE = re.compile(
    r"\s+(?:\d|the\s+(?:\d|time|start|beginning|early|late|end|days?|years?|months?|war)"
    r"|then|last|early|late|its|their|his|her|january|february|march|april|may|june|july"
    r"|august|september|october|november|december)",
    re.IGNORECASE,
)


def _is_temporal_since(text: str, end: int) -> bool:
    return bool(TEMPORAL_AFTER_SINCE.match(text[end : end + 24]))


def _followed_by_of(text: str, end: int) -> bool:
    return bool(re.match(r"\s+of\b", text[end : end + 4], re.IGNORECASE))
