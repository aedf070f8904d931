"""Units below the sentence: where one sentence splits into clauses, and how they hang.

:func:`split_clauses` cuts a sentence at the connectives that carry an argumentative
function (", but", "although", "even if", "unless", "because", "since", "so",
"therefore"...) and says for each part which part of the sentence it hangs on and how
(``sup`` or ``att``); :mod:`argmap.teaching.moves` places the parts in the text's tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from argmap.analysis import lexicon
from argmap.teaching.cues import VIEW_INSIDE

#: A clause split off a sentence has at least this many words (else the sentence stays whole).
MIN_WORDS = 3

#: what may come before a sentence's first word: quotes, a bracket, spaces
LEAD = r"^[\"'“‘(\s]*"

# "..., and so do their children": "so" before its verb and subject says "too", no consequence
_NOT_LIKEWISE = (
    r"(?!\s+(?:do|does|did|is|are|was|were|am|have|has|had|can|could|will|would|should|must)\s)"
)
# split points inside a sentence: the marker opens the second part
_SPLIT = re.compile(
    r"(?:[,;:]|\s[–—-])\s+(?P<m>but(?!\s+(?:rather|instead|only)\b)|yet|however|whereas|although|though|even though|even if|"
    r"unless|because(?!\s+of\b)|since|for(?=\s+(?:it|they|this|that|these|those|there|the|a|an|we|he|she|"
    r"you|one|many|most|no|in|without)\b)|so(?!\s+(?:that|many|much|far|long|called)\b)"
    + _NOT_LIKEWISE
    + r"|therefore|thus|hence|which is why|which means|and therefore|and so"
    + _NOT_LIKEWISE
    + r"|and thus|"
    # ", as the population ages", ", as, due to...": a reason clause (not "as long as", "as such")
    r"as(?=\s+(?:it|they|this|there|we|he|she|you|the|many|most|no|not|everyone|people)\b|,)|"
    # ", as shops are open...": a subject and its verb follow the "as" (no preposition, article)
    r"as(?=\s+[a-z]+\s+(?:is|are|was|were|have|has|had|can|cannot|will|would|do|does|did)\b)|"
    r"including|otherwise|and (?:how|who|what|why|where))\b"
    # "X only because Y": the adverb goes with the reason ("only because zoos bred it")
    r"|\s+(?P<adv>(?:only|just|simply|partly|mainly|largely|precisely|solely|purely)\s+"
    r"(?=because\b))?"
    r"(?P<n>because(?!\s+of\b)|although|even though|even if|unless|whereas|"
    r"but(?!\s+(?:rather|instead|only|also|not|for|as|in|on|at|by|with|from|to|of|a few|few|"
    r"one|once)\b))\b"
    r"|;\s+(?P<semi>)(?=\w)",  # "X; Y" with no connective: Y spells out X
    re.IGNORECASE,
)
# "Although X, Y"; also "And since X, Y", "Since, however, X, Y" (a sentence adverb between
# commas does not end the clause) and "Despite X, which Z, Y" (nor does a relative clause)
_NOT_A_CLAUSE_BUT = re.compile(
    r"\b(?:all|nothing|anything|none|name|last|everything|everyone|anyone)\s+$"
    r"|\bnot\s+(?:[\w'’-]+\s+){0,3}$",  # "not X but Y": a correction, not a contrast
    re.IGNORECASE,
)
_ALSO = re.compile(r"\s+also\b", re.IGNORECASE)
_NOT_ONLY = re.compile(r"\bnot (?:only|just|merely|simply)\b", re.IGNORECASE)
_INITIAL = re.compile(
    # a connective before the clause opens the sentence's main clause: "In conclusion,
    # although X, Y" is "In conclusion, Y" conceding X
    LEAD + r"(?:(?P<lead>and|but|yet|so|still|however|therefore|thus|hence|in conclusion|"
    r"to conclude|to sum up|in short|all in all|for (?:this|these) reasons?),?\s+)?"
    r"(?P<m>although|though|even though|even if|while|whereas|despite|"
    r"in spite of|because|since|given that)\b"
    r"(?:,\s*(?:however|therefore|of course|indeed|in fact|though|moreover)\s*,)?"
    r"[^,;]*(?:,\s*(?:which|who|whose|where)\b[^,;]*)?[,;]",
    re.IGNORECASE,
)
_PARENTHETICAL = re.compile(r"\s*,")
CONTRAST_JOIN = frozenset({"but", "yet", "however", "whereas"})
CONCESSIVE = frozenset(
    {"although", "though", "even though", "even if", "unless", "despite", "in spite of", "while"}
)
REASON = frozenset({"because", "since", "for", "as", "given that", "otherwise"})
EXAMPLE_JOIN = frozenset({"including"})
CONSEQUENCE = frozenset(
    {"so", "therefore", "thus", "hence", "which is why", "which means", "and therefore", "and so"}
    | {"and thus"}
)


@dataclass
class Part:
    """One clause of a sentence: its span, the connective opening it, and where it hangs."""

    start: int
    end: int
    marker: str = ""  # the connective that opens it ("" for none)
    head: int | None = None  # the part it hangs on, in its sentence
    relation: str = ""  # "sup" or "att" to its head
    why: str = ""
    conceded_by: str = ""  # the connective that concedes this part ("but", "although"...)
    lead: str = ""  # the connective before an opening clause, read as this nucleus's opener


def split_clauses(text: str) -> list[Part]:
    """The parts of one sentence, each with the part it hangs on (``head is None``: the nucleus)."""
    norm = lexicon.normalize(text)
    if VIEW_INSIDE.match(norm):
        return [Part(0, len(text))]  # one view reported, whatever its clauses
    cuts: list[tuple[int, str]] = []
    initial = _INITIAL.match(norm)
    if initial and initial.group("m").lower() == "since":
        if lexicon._is_temporal_since(norm, initial.end("m")):
            initial = None  # "Since last year, shops ...": time, no reason
    if initial and word_count(norm[initial.end() :]) >= MIN_WORDS:
        cuts.append((initial.end(), "^" + initial.group("m").lower()))
    for match in _SPLIT.finditer(norm):
        if match.group("semi") is not None:
            cuts.append((match.start("semi"), ";"))
            continue
        marker = (match.group("m") or match.group("n")).lower()
        at = (
            match.start("m")
            if match.group("m")
            else match.start("adv" if match.group("adv") else "n")
        )
        if marker == "since" and lexicon._is_temporal_since(norm, match.end()):
            continue
        if match.group("n") and marker == "but" and _NOT_A_CLAUSE_BUT.search(norm, 0, at):
            continue  # "all but", "to name but a few": "but" as "except"; "not X but Y"
        if marker == "but" and _ALSO.match(norm, match.end()) and _NOT_ONLY.search(norm, 0, at):
            continue  # "not only X, but also Y": one point and its addition, no contrast
        if marker.startswith("and ") and marker not in CONSEQUENCE:
            if not norm.rstrip("\"'”’) ").endswith("?"):
                continue  # "X, and who would doubt it?" only: "X, and what they do" is no reason
            marker = "and ?"
        if (
            marker == "however"
            and norm[match.start()] == ","
            and _PARENTHETICAL.match(norm, match.end())
        ):
            # "X, however, Y": a sentence adverb after the first constituent of its clause,
            # so the clause begins at the comma before that constituent, if there is one
            comma = norm.rfind(",", 0, match.start())
            if comma >= 0:
                cuts.append((comma + 1, marker))
            continue
        if initial and at < initial.end():
            continue
        cuts.append((at, marker))
    # keep only cuts that leave every part long enough
    kept: list[tuple[int, str]] = []
    last, total, consumed = 0, word_count(norm), 0
    for at, marker in sorted(cuts):
        if at < last:
            continue
        before = word_count(norm[last:at])  # counted once per stretch: linear in the sentence
        if before >= MIN_WORDS and total - consumed - before >= MIN_WORDS:
            kept.append((at, marker))
            last, consumed = at, consumed + before
    if not kept:
        return [Part(0, len(text))]
    bounds = [0] + [at for at, _ in kept] + [len(text)]
    parts = []
    for i in range(len(bounds) - 1):
        start, end = bounds[i], bounds[i + 1]
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        parts.append(Part(start, end, kept[i - 1][1] if i else ""))
    if kept[0][1].startswith("^"):
        # "Although X, Y": the first part hangs on the second
        marker = kept[0][1][1:]
        parts[0].marker, parts[1].marker = marker, ""
        parts[0].head = 1
        parts[0].relation = "att" if marker in CONCESSIVE else "sup"
        parts[0].why = f"a {'concession' if parts[0].relation == 'att' else 'reason'} ({marker!r})"
        if parts[0].relation == "att":
            parts[0].conceded_by = marker
        parts[1].lead = (initial.group("lead") or "") if initial else ""
        nucleus = 1
        first = 2
    else:
        nucleus = 0
        first = 1
    for i in range(first, len(parts)):
        marker = parts[i].marker
        if marker in CONTRAST_JOIN:
            # "X, but Y": what came before is conceded; Y is the point
            parts[nucleus].head, parts[nucleus].relation = i, "att"
            parts[nucleus].why = f"conceded before {marker!r}"
            parts[nucleus].conceded_by = marker
            nucleus = i
        elif marker in CONCESSIVE:
            parts[i].head, parts[i].relation = nucleus, "att"
            parts[i].why = f"a concession ({marker!r})"
        elif marker in REASON:
            parts[i].head, parts[i].relation = i - 1, "sup"
            parts[i].why = f"a reason ({marker!r}) for the clause before"
        elif marker == ";":
            parts[i].head, parts[i].relation = i - 1, "sup"
            parts[i].why = "after a semicolon with no connective: it spells out the clause before"
        elif marker == "and ?":
            parts[i].head, parts[i].relation = i - 1, "sup"
            parts[i].why = "a rhetorical question joined with 'and': it backs the clause before"
        elif marker in EXAMPLE_JOIN:
            parts[i].head, parts[i].relation = i - 1, "sup"
            parts[i].why = f"examples ({marker!r}) for the clause before"
        elif marker in CONSEQUENCE:
            parts[nucleus].head, parts[nucleus].relation = i, "sup"
            parts[nucleus].why = f"a reason for the consequence ({marker!r}) after it"
            nucleus = i
    return parts


def word_count(text: str) -> int:
    """The number of words of ``text`` (runs of non-space)."""
    return len(text.split())
