"""The dialectic moves of a raw text: units below the sentence, and where each one goes.

:func:`draft` turns a :class:`~argmap.teaching.cues.CueReport` into a tree of
drafted units for ``argmap new --from``; every unit says, in ``why``, which
cue placed it. The rules are habits of argumentative writing, stated as a
reader would state them, never strings of one text.

Units. A short text (one paragraph, or several of at most
:data:`SHORT_TEXT_WORDS` words: an essay) gives one unit per clause that
carries an argumentative function; a longer one gives one unit per paragraph
(its most conclusion-like sentence, or for evidence the sentence the
evidence cues are in). A sentence is split (each part at least
:data:`MIN_WORDS` words) where

* a contrast joins two clauses ("X, but Y", "X; yet Y", "X, whereas Y",
  also "X but Y" with no comma, and "X, but also Y" when no "not only" came
  before; not "all but", "to name but a few", "not X but Y"):
  X is conceded, Y is the writer's point. A "however" between commas is a
  sentence adverb after the first words of its clause ("The cost, however,
  is high"): that clause begins at the comma before those words, if any;
* a bare semicolon ("X; Y", no connective): Y spells out X, so supports it;
* a concessive clause hangs on the main one ("Although X, Y", "Y, even if X",
  "Y, unless X", "Despite X, Y"): the concession attacks the main clause.
  An opening clause ("Although X, Y", "Since X, Y", also "And since X, Y")
  runs past a sentence adverb between commas ("Since, however, X, Y") and a
  relative clause on its last noun ("Despite X, which Z, Y").
  Outside the conclusion's sentence an opening concession reads as "X, but
  Y": X is an objection to the conclusion and Y the writer's reply to it;
* a reason clause hangs on the clause before ("Y, because X", "Y since X",
  "Y only because X": an adverb of the reason goes with it,
  "Y, for it X", "Because X, Y", "Y, as the X..." where a subject follows
  the "as", or any word and then a verb, "Y, as shops are open...";
  "Y, otherwise X"): the reason supports it. An opening "As"
  is not split off: it is as often a role or a time ("As a central airport,
  ...") as a reason;
* a consequence follows ("X, so Y", "X, therefore Y", "X, which is why Y"):
  X supports Y;
* examples follow ("X, including Y"): Y supports X;
* a rhetorical question is joined on ("X, and who would doubt it?", "X -
  and how could it be otherwise?"): it backs X.

Moves, by the words a unit opens with (in text order):

* **concession or reported opposing view** ("Admittedly", "Of course",
  "Granted", "Yes, ...", "Some argue", "Critics say", "One could object",
  "One often hears that", "Some teachers doubt that"...; also granted after
  the subject, "X is admittedly Y"): an *objection* to the conclusion; plain
  units right after it support it. A grant of it ("This is true, but Y",
  "That may be true for some products, but Y") agrees with it, and Y rebuts
  it; a denial of it ("This is not true: ...", "I disagree") rebuts it. A
  plain point the next sentence turns around ("That is exactly why Y") or
  weighs away ("That is a small price for Y", "But this hardly matters") is
  conceded: an objection, and that sentence its rebuttal;
* **contrast** ("But", "However", "Yet", "Still", "Nevertheless", "On the
  other hand"...): after an objection (also a clause conceded in the sentence
  just before: "Y, even if X. Yet Z."), the writer's *rebuttal* (an attack on
  that objection). After a plain point of the writer's, a conceding opener
  ("But", "Yet", "Still", "Nevertheless": PDTB's concession sense) reads as
  "X, but Y" across the full stop: the point before is conceded (an
  objection) and this unit rebuts it; so does any contrast after a view the
  text reports as someone else's ("Beekeepers often say that X. However,
  Y"; not "I think that X"), or after how a thing looks ("Free wifi sounds
  like a good idea. However, ..."); any other contrast ("However", "On the
  other hand", also "however" inside the sentence; not "however painful,")
  is an objection that turns against the conclusion. "In reality, ...",
  "The truth is ..." after an objection rebut it. What a conclusion opening with a conceding opener
  ("Nevertheless, the wolf must stay protected") turns from, when no cue
  placed it, is granted: an objection to it;
* **undercut** ("But that does not show...", "This does not mean..."): an
  attack on the inference of the unit before (a view the text reports there,
  "The council says X", is then an objection the writer opposes);
* **correction** ("Rather, ...", "Instead, ..."; not "Rather than"): it puts
  right what was denied before it, so it is the writer's own point, a reason
  for the conclusion (in a block, for the block's reason), whatever came
  before;
* **example** ("For example", "For instance", "e.g."): supports the unit before;
* **enumeration** ("First", "Second", "Moreover", "In addition", "Finally"...,
  or a numbered list item, "1. ..."): a main reason for the conclusion;
  after an ordinal ("First", "Second", "Finally", "1."), which opens a block, the plain units support it; an additive
  marker ("Also", "Moreover", "Besides") adds one point and opens no block;
* **paragraphs** (in an essay): a paragraph's opening sentence, when it is a
  reason for the conclusion, states the paragraph's topic and opens a block
  as an ordinal does; a block ends with its paragraph, and so does the
  backing of an objection, which a contrast opening the next paragraph
  ("However, ...") still rebuts;
* **consequence** ("Therefore", "Thus", "That's why", "This results in",
  "This leads to"..., also "therefore", "thus", "hence" inside the first
  clause: "Fear of punishment hence does not deter"; not "thus far", nor
  "X and hence Y"): an intermediate conclusion: the unit before supports it,
  it supports the conclusion (inside the block of an enumerated reason or of
  a paragraph's topic sentence: that reason). The writer has drawn it, so it
  is their own point: a "But"/"Yet" after it does not concede it but
  objects. So is "This shows that Y" (also "suggests", "proves", "means"...):
  the unit before (evidence, as a rule) supports Y;
* **evidence** (numbers, dates, studies, quotations, named or unnamed
  sources): evidence for the nearest claim before it, with a ``basis`` guess;
  opened by an enumeration marker ("Plus, ...", "Moreover, ..."), it adds a
  point to the main line: evidence for the conclusion. A unit that says what
  should be done is a claim, not evidence, whatever figures it holds;
* a **restatement** of the conclusion (most of its content words again, in
  another paragraph; or, when the text opens on its thesis and sums up at
  the end, the summing-up sentence, "For these reasons, ...", "In
  conclusion, ...", of a claim of the same kind: both normative or neither)
  is the conclusion itself, not a reason for it;
* an opening **question** that the conclusion answers ("Should students pay
  fees? I don't think so.") is the issue, not a unit of the argument: it is
  not drafted, and the conclusion's comment quotes it;
* an opening **view the text denies** at once ("Many think that X. This is
  wrong.") is an objection to the denial, the conclusion, whose comment
  quotes it;
* an opening plain fact the next sentence **judges** ("Many schools use
  tablets. This is a mistake.") makes that verdict the conclusion, whose
  comment quotes the fact (the claim's "This" is the fact);
* anything else is a reason for the conclusion (or, in a run of enumerated
  reasons, for the reason it follows).

Everything is linear in the text and deterministic.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from argmap.analysis import lexicon
from argmap.teaching.clauses import LEAD, MIN_WORDS, split_clauses, word_count
from argmap.teaching.cues import (
    DENIAL,
    NORMATIVE,
    REPORTED_VIEW,
    VIEW_INSIDE,
    Candidate,
    CueReport,
    Paragraph,
    is_normative,
    is_question,
    is_reported_view,
    opening_reply,
)
from argmap.teaching.sentences import LIST_ITEM

#: A unit restates the conclusion when it repeats this share of the conclusion's content words.
RESTATEMENT = 0.6
#: A text of several paragraphs and at most this many words (a short essay) is drafted
#: clause by clause, as a text of one paragraph is; a longer one (a paper) gets one unit per
#: paragraph, so that its draft stays a scaffold of its main points.
SHORT_TEXT_WORDS = 600
#: How deep the drafted tree may go, and how far back evidence looks for its claim.
MAX_DEPTH = 12
MAX_LOOKBACK = 50

_CONCESSION = re.compile(
    LEAD + r"(?:admittedly|granted|of course|sure\b|certainly|true\b|it is true|it's true|"
    r"no doubt|yes\b|indeed,? (?:one|some)|perhaps|it may be that|"
    r"(?:some|many|most) (?:people |critics |opponents |parents |[a-z]+ )?(?:may |might |would |will )?"
    # ("feel that": "Many immigrants feel attached to both countries" reports no view)
    r"(?:say|argue|think|claim|believe|worry|find|regard|object|feel that|fear|assume|"
    r"point out|doubt|maintain|insist|suggest|complain|see)|"
    r"critics|opponents|sceptics|skeptics|detractors|"
    r"(?:one|you|someone) (?:could|might|may|can) (?:argue|object|say|think|claim|point out)|"
    r"it (?:could|might|may|can) be (?:argued|objected|said|claimed)|"
    r"it is (?:often |sometimes )?(?:argued|said|claimed)|there are those who|"
    r"(?:one|you|we) (?:often |sometimes |frequently )?(?:hears?|reads?) that|"
    # "Dog owners may think...", "Parents might say...": someone else's view (not "we may find")
    r"(?!(?:i|we|us|our)\b)(?:\w+ ){1,3}(?:may|might|could|would) (?:well )?(?:think|believe|argue|say|claim|object|"
    r"feel|find|assume|insist|complain))\b",
    re.IGNORECASE,
)
_CONTRAST = re.compile(
    LEAD + r"(?:but|however|yet|still|nevertheless|nonetheless|on the other hand|"
    r"even so|all the same|that said|in contrast|on the contrary|conversely|"
    # "It is often said that X. In reality, Y.": the writer sets the record straight
    r"in reality|in truth|the truth is|the reality is)\b",
    re.IGNORECASE,
)
# the contrast openers that concede what came before (PDTB's concession sense): "X. But Y"
_CONCESSIVE_OPENING = re.compile(
    LEAD + r"(?:but|yet|still|nevertheless|nonetheless|even so|all the same|that said)\b",
    re.IGNORECASE,
)
# "Rather, Z" / "Instead, Z" after a denial: the writer's own point (not "Rather than X, Z")
_CORRECTION = re.compile(LEAD + r"(?P<m>rather|instead)\b(?!\s+than\b|\s+of\b)", re.IGNORECASE)
_HOWEVER_INSIDE = re.compile(
    # ("however hard it is" concedes nothing: a degree)
    r"^[^,.;]{0,60},?\s+(?P<m>however(?!\s+(?:hard|much|long|many|few|small|little|often|great)\b"
    r"|\s+\w+\s*,))\b",
    re.IGNORECASE,
)
# A clause that only grants what was said before ("This is true, but...", "That may be so")
_GRANT = re.compile(
    LEAD + r"(?:(?:this|that|it)\s+(?:is|may be|might be|is of course|is certainly|is partly)\s+"
    r"(?:true|so|right|correct|the case|understandable)(?:\s+(?:for|of|in|at)\s+[^,;:]{1,40}?)?|"
    r"true|granted|"
    r"fair enough)\s*[,;:.!]?\s*$",
    re.IGNORECASE,
)
# "Card payments are admittedly faster.": granted after the subject, as "Admittedly, X" grants
_CONCESSION_INSIDE = re.compile(r"^[^,.;]{1,60}?,?\s+(?P<m>admittedly|to be sure)\b", re.IGNORECASE)
# What others plan or propose ("Some politicians want to", "X is often demanded"), or what its
# supporters say: the writer may as well support it as reject it
_PLAN = re.compile(
    r"\b(?:wants?|plans?|intends?)\s+to\b|\b(?:propose|proposes|proposed|demand|demands|"
    r"demanded|call for|calls for|called for|calling for|suggested|supporters|proponents)\b",
    re.IGNORECASE,
)
# A conclusion that says no ("should not", "I am against", "This is wrong")
_REJECTS = re.compile(
    r"\b(?:not|no longer|never|against|disagree|wrong|mistake|mistaken|nonsense|instead)\b|n't\b",
    re.IGNORECASE,
)
# "Experience abroad shows that this is not the case.", "Surveys show the opposite": a denial
# of what was said before
_DENIED_INSIDE = re.compile(
    r"\b(?:shows?|showed|proves?|proved|makes? clear) that (?:this|that|it) is (?:simply |just )?"
    r"(?:not (?:true|the case|so)|untrue|false|a myth)\b"
    # "Surveys show the opposite", "The reverse is true"
    r"|\b(?:shows?|showed|proves?|proved|suggests?|suggested|finds?|found)\s+"
    r"(?:exactly\s+|just\s+|quite\s+)?the\s+(?:opposite|reverse|contrary)\b"
    r"|\bthe\s+(?:opposite|reverse)\s+(?:is\s+(?:true|the case)|was\s+(?:true|the case)|happened|"
    r"occurred)\b",
    re.IGNORECASE,
)
# "Free wifi sounds like a good idea.": how a thing looks, which a contrast after it grants
_APPEARANCE = re.compile(
    r"\b(?:may |might |can |at first )?(?:sounds?|seems?|looks?)\s+(?:like\s+)?(?:a\s+|an\s+)?"
    r"(?:good|great|nice|tempting|attractive|sensible|reasonable|fair|appealing|plausible)\b"
    r"|\bat first (?:sight|glance)\b",
    re.IGNORECASE,
)
_UNDERCUT = re.compile(
    LEAD + r"(?:but |yet |however,? |still,? )?(?:that|this|it|which|these|such)\s+"
    r"(?:(?:alone|in itself|by itself|itself)\s+)?"
    r"(?:does not|doesn't|do not|don't|did not|didn't|need not|needn't|cannot|can't|"
    r"would not|wouldn't|is no|is not a|isn't a)\s*(?:necessarily\s+)?"
    r"(?:show|mean|prove|imply|follow|justify|entail|establish|reason|argument|make)",
    re.IGNORECASE,
)
_EXAMPLE = re.compile(
    LEAD + r"(?:for example|for instance|e\.g\.|as an example|take|to give an example|"
    r"a case in point|consider)\b",
    re.IGNORECASE,
)
#: the same marker set off by commas after the sentence's first words, or closing it:
#: "Bananas, for example, come with their own peel", "Oranges have a peel, for instance."
_EXAMPLE_INSIDE = re.compile(
    r"^[^,.;:]{1,80},\s*(?P<m>for example|for instance|e\.g\.)\s*,"
    r"|,\s*(?P<end>for example|for instance)\s*[.!]?[\"'”’)]*\s*$",
    re.IGNORECASE,
)
#: words after which ", for example," names the object in the middle of a phrase, no example
#: for the unit before: "Lanes cost little compared with, for example, a new bridge"
_OPEN_PHRASE = re.compile(
    r"\b(?:with|to|of|for|from|by|in|on|at|as|than|like|such as|including|about|and|or)\s*$",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(
    LEAD + r"(?:first|firstly|first of all|to begin with|second|secondly|third|thirdly|"
    r"fourth|finally|lastly|last but not least|moreover|furthermore|in addition|"
    r"additionally|besides|also|another|on top of that|what's more|not only|apart from that|"
    r"plus)\b|" + LEAD + LIST_ITEM,  # a numbered list item: "1. Shift workers..."
    re.IGNORECASE,
)
_ORDINAL = re.compile(
    LEAD + r"(?:first|firstly|first of all|to begin with|second|secondly|third|thirdly|fourth|"
    r"finally|lastly|last but not least)\b|" + LEAD + LIST_ITEM,
    re.IGNORECASE,
)
# "That is exactly why...", "That is exactly what a test would check": a point granted turned
# into the writer's own (a retort)
_RETORT = re.compile(
    LEAD + r"(?:that|this)(?:'s|\s+is)\s+(?:exactly|precisely|just)\s+(?:why|what)\b",
    re.IGNORECASE,
)
# "That is a small price for fewer deaths", "This hardly matters": the cost named before is
# granted and weighed away (the sentence before is a conceded objection, this its rebuttal)
_DISMISSAL = re.compile(
    LEAD + r"(?:but\s+|yet\s+)?(?:that|this|it)(?:'s|’s|\s+is|\s+would be|\s+seems)\s+"
    r"(?:(?:only|just|surely|still)\s+)?(?:an?\s+)?(?:small|low|modest|tiny|reasonable|acceptable)\s+"
    r"(?:price|cost|sacrifice)\b"
    r"|" + LEAD + r"(?:but\s+)?(?:that|this)\s+(?:hardly|barely)\s+matters\b",
    re.IGNORECASE,
)
_CONSEQUENCE = re.compile(
    LEAD + r"(?:therefore|thus|hence|so\b|consequently|accordingly|as a result|"
    r"(?:that|this)(?:'s|\s+is)\s+(?:exactly\s+|precisely\s+|just\s+)?why|this means|"
    r"for this reason|for these reasons|"
    r"(?:this|that|which) (?:results in|leads to|causes|would result in|would lead to))",
    re.IGNORECASE,
)
# "Fear of punishment hence does not deter", "It would therefore be wise": drawn inside the
# first clause (not "X and hence Y", a consequence inside the sentence)
_CONSEQUENCE_INSIDE = re.compile(
    LEAD + r"(?:(?!\b(?:and|or|but)\b)[^,;:.!?]){1,80}?"
    r"\b(?P<m>therefore|thus(?!\s+far\b)|hence)\b",
    re.IGNORECASE,
)
# what opens a sentence that sums the text up: a conclusion marker ("For these reasons, ...")
_SUMMING_UP = re.compile(
    LEAD + r"(?:for (?:all )?(?:this|these|those|that|the above) reasons?|in conclusion|"
    r"to conclude|to sum up|to summari[sz]e|in sum|in summary|in short|all in all|"
    r"all things considered|therefore|thus|hence|consequently|that is why|that's why|"
    r"this is why|so\b)",
    re.IGNORECASE,
)
# "This shows that Y": a claim drawn from what came before (not "This does not show": an undercut)
_DRAWN = re.compile(
    LEAD + r"(?:this|that|these|all this|all of this|which|it)\s+(?:clearly\s+|alone\s+|also\s+)?"
    r"(?P<m>shows|show|suggests|suggest|proves|prove|demonstrates|demonstrate|indicates|"
    r"indicate|implies|imply|means)\b",
    re.IGNORECASE,
)
# "Because X, Y" and "Since X, Y" are left out: their main clause may well be the point
_PREMISE = re.compile(
    # ("For this, the school office has a telephone": for this purpose, no premise)
    LEAD + r"(?:for\b(?! example| instance| the (?:first|last|past)| (?:this|that|these|those|such|"
    r"now|years|decades|me|us|them|him|her|you)\b)|after all)",
    re.I,
)

_STOP = frozenset(
    """a an the and or but of to in on at for with by from is are was were be been being it its
    this that these those there here we you they he she i our your their his her my not no do does
    did has have had will would should could can may might must shall than then so as if also very
    more most such which who whom what when where why how all any some one only just about into""".split()
)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass
class Unit:
    """One drafted unit: a span of a paragraph, what it is, where it goes, and why."""

    paragraph: int
    start: int  # offsets into the paragraph's text
    end: int
    text: str
    cues: list[lexicon.Cue]
    kind: str = "reason"  # conclusion, reason, evidence, objection, rebuttal, undercut
    parent: int | None = None  # index of the parent unit (None: the conclusion)
    why: str = ""
    basis: str | None = None
    source: tuple[str, str | None] | None = None  # (name, year) of a source the text names
    sentence: int = 0  # the sentence's index in its paragraph, from 0
    part: int = -1  # the clause's index in its sentence (-1: the whole sentence)
    restated_in: list[int] = field(default_factory=list)  # paragraphs restating the conclusion
    opening: str = ""  # what its move is read from (a paragraph's first sentence), else its text
    conceded_by: str = ""  # the connective of its sentence that concedes it ("but", "although")
    answers: str = ""  # the question the text opens with, when this unit (the claim) answers it
    denies: str = ""  # the view reported before this unit (the claim), which it answers
    judges: str = ""  # the fact the text opens with, when this unit (the claim) judges it

    @property
    def attacks(self) -> bool:
        return self.kind in ("objection", "rebuttal", "undercut")


def content_words(text: str) -> set[str]:
    """The words of ``text`` that carry content (stop words dropped, short endings trimmed)."""
    out = set()
    for word in _WORD.findall(lexicon.normalize(text).lower()):
        if word in _STOP or len(word) < 3:
            continue
        out.add(word[:-1] if word.endswith("s") and len(word) > 4 else word)
    return out


def restates(text: str, conclusion: str, words: set[str] | None = None) -> bool:
    """Whether ``text`` says the conclusion again: most of its content words, and few others.

    ``words`` are the conclusion's content words, when already known.
    """
    mine, theirs = content_words(text), words if words is not None else content_words(conclusion)
    if len(theirs) < 3 or not mine:
        return False
    shared = len(mine & theirs)
    return shared / len(theirs) >= RESTATEMENT and shared / len(mine) >= RESTATEMENT


def basis_of(text: str, cues: list[lexicon.Cue], *, example: bool = False) -> str | None:
    """A guess at the evidence's basis from its cues (``None`` when they say nothing)."""
    words = " ".join(c.text.lower() for c in cues if c.kind == lexicon.EVIDENCE)
    if example:
        return "example"
    if any(c.kind == lexicon.UNNAMED_SOURCE for c in cues):
        return "anonymous"
    if re.search(r"\bleak", text, re.IGNORECASE):
        return "leak"
    if re.search(r"\b(?:stud(?:y|ies)|research|found that|showed that|shows that)\b", words):
        return "study"
    if re.search(
        r"%|\bper ?cent\b|\bstatistics\b|\bfigures\b|\bdata\b|\bsurvey\b"
        r"|\b(?!(?:1[6-9]|20)\d\d\b)\d",  # a number that is not a year
        words,
    ):
        return "statistic"
    if re.search(r"\bdocuments\b", words):
        return "document"
    if re.search(r"[\"“]", words):
        return "testimony"
    if re.search(r"\baccording to\b|\b(?:said|says|reported|reports|told|wrote|stated)\b", words):
        return "media"
    return None


#: the source of a named-source cue ("CNN reported", "The London School of Economics found"):
#: the cue's name, without its verb
_NAMED_BY_VERB = re.compile(rf"(?:The\s+)?({lexicon.NAME})\s+{lexicon.REPORTING_VERB}$")
#: a source named after "according to" or "a study/report/survey/poll by"
_NAMED_AFTER = re.compile(
    rf"\b(?i:according to|(?:study|studies|report|survey|poll|analysis|review) by)\s+"
    rf"(?:the\s+)?({lexicon.NAME})"
)
_YEAR = re.compile(lexicon.YEAR)
_NAME_TAIL = re.compile(r"(?:\s+(?:of|for|de|the|and))+$")


def source_of(text: str, cues: list[lexicon.Cue]) -> tuple[str, str | None] | None:
    """The source a piece of evidence names, ``(name, year)``, or ``None`` when it names none.

    The name is that of a named-source cue ("The London School of Economics
    found", without its verb), else the capitalised words after "according to"
    or "a study by"; the year is the text's only year, when it has one.
    """
    name = None
    for cue in cues:
        if cue.kind == lexicon.EVIDENCE:
            if found := _NAMED_BY_VERB.match(" ".join(cue.text.split())):
                name = found.group(1)
                break
    if name is None and (found := _NAMED_AFTER.search(text)):
        name = found.group(1)
    if name is None:
        return None
    name = _NAME_TAIL.sub("", name).rstrip(".")
    years = set(_YEAR.findall(text))
    return name, years.pop() if len(years) == 1 else None


def _is_evidence(cues: list[lexicon.Cue]) -> bool:
    return any(c.kind in (lexicon.EVIDENCE, lexicon.UNNAMED_SOURCE) for c in cues)


def _cues_between(paragraph: Paragraph, start: int, end: int) -> list[lexicon.Cue]:
    # the cues are in text order: two binary searches, not a scan of every cue per unit
    low = bisect.bisect_left(paragraph.cues, start, key=_cue_start)
    high = bisect.bisect_left(paragraph.cues, end, key=_cue_start)
    return list(paragraph.cues[low:high])


def _cue_start(cue: lexicon.Cue) -> int:
    return cue.start


def draft(report: CueReport) -> list[Unit]:
    """The drafted units, the conclusion first; each unit's ``parent`` indexes this list."""
    guess = report.guess
    if guess is None:
        return []
    body = [report.paragraphs[n - 1] for n in report.ranking.paragraphs()]
    if len(body) == 1 or sum(word_count(p.text) for p in body) <= SHORT_TEXT_WORDS:
        units, order = _clause_units(body, guess, report.ranking.best_in(body[0].n))
    else:
        units, order = _paragraph_units(report, guess, [p.n for p in body])
    _place(units, order)
    root = units[0]
    root.why = "the conclusion guess of `argmap cues` (" + ", ".join(guess.why) + ")"
    if root.text != guess.text:
        root.why += "; the main clause of that sentence"
    if root.answers:
        root.why += f"; it answers the question the text opens with: {root.answers!r}"
    if root.denies:
        root.why += f"; it replies to the view reported before it: {root.denies!r}"
    if root.judges:
        root.why += (
            f"; it judges what the text opens with: {root.judges!r} (say what it is in the "
            "conclusion's own words)"
        )
    return units


def _clause_units(
    body: list[Paragraph], guess: Candidate, thesis: Candidate
) -> tuple[list[Unit], list[int]]:
    """A short text: its clauses, paragraph by paragraph, the conclusion's nucleus first; and
    the text order. A sentence of another paragraph that states the conclusion again (see
    :func:`_restatement`; ``thesis`` is the first paragraph's best candidate) is not
    drafted: the conclusion records where it is restated."""
    units: list[Unit] = []
    order: list[int] = []
    conclusion_at = 0
    to_conclusion: list[int] = []  # the clauses of a restating sentence: they hang on the claim
    restated: list[int] = []
    # "Should students pay fees? I don't think so.": the question is the issue, the claim its
    # answer; the question is no unit of the argument
    opening = body[0].sentences[0].text
    asked = (
        opening if (guess.paragraph, guess.index) == (body[0].n, 1) and is_question(opening) else ""
    )
    for paragraph in body:
        if paragraph.n != guess.paragraph and word_count(paragraph.text) < MIN_WORDS:
            continue  # a heading or a one-word line ("Introduction", "Yes."): no claim to draft
        for si in range(len(paragraph.sentences)):
            if asked and paragraph is body[0] and si == 0:
                continue
            if paragraph.n == guess.paragraph:
                nucleus = _sentence_units(paragraph, si, units, order, False, to_conclusion)
                if si == guess.index:
                    conclusion_at = nucleus
            elif _restatement(body, paragraph, si, guess, thesis):
                restated.append(paragraph.n)
                _sentence_units(paragraph, si, units, order, True, to_conclusion)
            else:
                _sentence_units(paragraph, si, units, order, False, to_conclusion)
    for k in to_conclusion:
        units[k].parent = conclusion_at
    units[conclusion_at].restated_in = sorted(set(restated))
    units[conclusion_at].answers = asked
    reply = opening_reply(body[0].sentences)
    replies = guess.paragraph == body[0].n and guess.index == reply > 0 and not asked
    if replies and any(name == "first-sentence" for name, _ in guess.features):
        # "Many think that X. This is wrong.": the claim denies the view reported; "Many
        # schools use tablets. This is a mistake.": it judges the fact the text opens with
        before = body[0].sentences[reply - 1].text
        if is_reported_view(before):
            units[conclusion_at].denies = before
        else:
            units[conclusion_at].judges = before
    # the conclusion's nucleus goes first: renumber
    return _conclusion_first(units, conclusion_at, order)


def _sentence_units(
    paragraph: Paragraph,
    si: int,
    units: list[Unit],
    order: list[int],
    again: bool,
    to_conclusion: list[int],
) -> int:
    """The clauses of one sentence appended to ``units`` (and ``order``); for a sentence that
    restates the conclusion (``again``), all but its nucleus, the clauses that hung on it
    listed in ``to_conclusion``. Returns where the nucleus is (or would be) in ``units``."""
    sentence = paragraph.sentences[si]
    parts = split_clauses(sentence.text)
    base = len(units)
    nucleus = next(pi for pi, part in enumerate(parts) if part.head is None)
    index = {pi: base + pi - (again and pi > nucleus) for pi in range(len(parts))}
    for pi, part in enumerate(parts):
        if again and pi == nucleus:
            continue
        start, end = sentence.start + part.start, sentence.start + part.end
        text = paragraph.text[start:end]
        unit = Unit(
            paragraph.n,
            start,
            end,
            text,
            _cues_between(paragraph, start, end),
            sentence=si,
            part=pi if len(parts) > 1 else -1,
            conceded_by=part.conceded_by,
            opening=f"{part.lead} {text}" if part.lead else "",
        )
        if part.head is not None:
            if again and part.head == nucleus:
                to_conclusion.append(len(units))
                unit.why = f"{part.why}; its sentence restates the conclusion"
            else:
                unit.parent = index[part.head]
                unit.why = part.why
            unit.kind = "objection" if part.relation == "att" else "reason"
        else:
            unit.kind = ""  # the nucleus: placed by its sentence's move
        units.append(unit)
        order.append(len(units) - 1)
    return index[nucleus]


def _thesis_at(first: Paragraph, summing_up: Candidate, best: Candidate) -> int | None:
    """Which sentence of the first paragraph states the thesis that ``summing_up`` repeats:
    its first sentence saying what should be done when the summing-up does (an
    introduction may open on a scene and come to its claim), else its best candidate."""
    if NORMATIVE.search(summing_up.text):
        normative = (k for k, s in enumerate(first.sentences) if NORMATIVE.search(s.text))
        return next(normative, None)
    return best.index


def _restatement(
    body: list[Paragraph], paragraph: Paragraph, si: int, guess: Candidate, opening: Candidate
) -> bool:
    """Whether sentence ``si`` of ``paragraph`` states the conclusion (``guess``) again.

    Either it repeats most of the conclusion's content words (:func:`restates`),
    or the text opens and closes on its claim: the conclusion is the first
    paragraph's thesis and this sentence sums up in the last one with a
    conclusion marker ("For these reasons, ...", "In conclusion, ...",
    "Therefore, ..."), or the conclusion is that summing-up and this sentence
    is the first paragraph's thesis (see :func:`_thesis_at`; ``opening`` is
    that paragraph's best candidate); and both are claims of one kind (both
    say what should be done, or neither does).
    """
    text = paragraph.sentences[si].text
    if restates(text, guess.text):
        return True
    first, last = body[0].n, body[-1].n
    if first == last or {paragraph.n, guess.paragraph} != {first, last}:
        return False
    if paragraph.n == last:
        summing_up, thesis = text, guess.text
    elif si == _thesis_at(paragraph, guess, opening):
        summing_up, thesis = guess.text, text
    else:
        return False
    if not _SUMMING_UP.match(lexicon.normalize(summing_up)):
        return False
    return bool(NORMATIVE.search(summing_up)) == bool(NORMATIVE.search(thesis))


def _conclusion_first(units: list[Unit], at: int, order: list[int]) -> tuple[list[Unit], list[int]]:
    new_index = {at: 0}
    for i in range(len(units)):
        if i != at:
            new_index[i] = len(new_index)
    moved = [units[0]] * len(units)
    for old, new in new_index.items():
        unit = units[old]
        if unit.parent is not None:
            unit.parent = new_index[unit.parent]
        moved[new] = unit
    moved[0].kind, moved[0].parent = "conclusion", None
    moved[0].why = "the conclusion guess"
    return moved, [new_index[i] for i in order]


def _paragraph_units(
    report: CueReport, guess: Candidate, body: list[int]
) -> tuple[list[Unit], list[int]]:
    """A text of several paragraphs: one unit per paragraph; and the text order."""
    paragraph = report.paragraphs[guess.paragraph - 1]
    root = Unit(
        guess.paragraph,
        guess.start,
        guess.end,
        guess.text,
        _cues_between(paragraph, guess.start, guess.end),
        kind="conclusion",
        why="the conclusion guess",
        sentence=guess.index,
    )
    units = [root]
    order: list[int] = []
    claim_words = content_words(guess.text)
    for n in body:
        if n == guess.paragraph:
            order.append(0)
            continue
        paragraph = report.paragraphs[n - 1]
        if word_count(paragraph.text) < MIN_WORDS:
            continue  # a heading or a one-word line ("Introduction", "Yes."): no claim to draft
        chosen = report.ranking.best_in(n)
        start, end, index, text = chosen.start, chosen.end, chosen.index, chosen.text
        # evidence: the sentence the evidence cues are in, so text and cues agree
        chosen_is_evidence = _is_evidence(_cues_between(paragraph, chosen.start, chosen.end))
        for si, sentence in enumerate(paragraph.sentences):
            if chosen_is_evidence or not paragraph.cues:
                break
            cues = _cues_between(paragraph, sentence.start, sentence.end)
            if _is_evidence(cues):
                start, end, index, text = sentence.start, sentence.end, si, sentence.text
                break
        unit = Unit(n, start, end, text, _cues_between(paragraph, start, end), kind="")
        unit.sentence, unit.opening = index, paragraph.sentences[0].text
        if restates(text, guess.text, claim_words):
            root.restated_in.append(n)
            continue
        units.append(unit)
        order.append(len(units) - 1)
    return units, order


def _opening(unit: Unit) -> str:
    return lexicon.normalize(unit.opening or unit.text)


def _place(units: list[Unit], order: list[int]) -> None:
    """Give every unit still unplaced (``kind == ""``) its move, in text order."""
    conclusion = 0
    conceded_in: dict[int, int] = {}  # nucleus -> the part its sentence concedes before "but"
    drawn: set[int] = set()  # sentences the writer draws as a consequence ("Thus X"): their own
    plain: set[int] = set()  # units placed for want of any cue: reasons for the conclusion
    for j, u in enumerate(units):
        if u.parent is not None and u.conceded_by:
            conceded_in.setdefault(u.parent, j)
    position = {unit: k for k, unit in enumerate(order)}
    previous: int | None = None  # the unit before, in text order
    objection: int | None = None  # the latest objection still open to a rebuttal
    reason: int | None = None  # the latest enumerated reason
    clause_objection: int | None = None  # a clause conceded inside the sentence just before
    paragraph = units[order[0]].paragraph if order else 0
    rejects = bool(units and _REJECTS.search(_opening(units[conclusion])))
    for i in order:
        unit = units[i]
        # a new paragraph: the block of the reason before ends, and an objection left open
        # can still be rebutted ("However, ..."), no longer backed up
        new_paragraph = unit.paragraph != paragraph
        paragraph = unit.paragraph
        if new_paragraph:
            reason = None
            if objection is not None and not _CONTRAST.match(_opening(unit)):
                objection = None
        if i == conclusion:
            before = units[previous] if previous is not None else None
            if (
                before is not None
                and previous in plain
                and before.paragraph == unit.paragraph
                and (cue := _CONCESSIVE_OPENING.match(_opening(unit)))
            ):
                # "Farmers lose sheep to wolves. Nevertheless, the wolf must stay protected.":
                # what the conclusion turns from is granted, an objection to it
                before.kind = "objection"
                before.why = f"granted before the conclusion's {_said(cue)}: an objection"
            previous, objection, reason = i, None, None
            continue
        if unit.kind:  # a clause placed inside its sentence
            # "Y, even if X": a contrast right after it may rebut X (plain units do not back X)
            clause_objection = i if unit.kind == "objection" else None
            previous = i
            continue
        text = _opening(unit)
        before = units[previous] if previous is not None else None
        conceded = [conceded_in[i]] if i in conceded_in else []
        if _UNDERCUT.match(text) and previous is not None and previous != conclusion:
            unit.kind, unit.parent = "undercut", previous
            unit.why = "an undercut: it opens by denying that the point before shows anything"
            if before is not None and previous in plain and REPORTED_VIEW.match(before.text):
                # "The council says the centre would create jobs. But that does not show...":
                # the view the writer undercuts is one the writer opposes
                before.kind, before.parent = "objection", conclusion
                before.why = "a view reported, then undercut: an objection"
        elif (
            conceded
            and i != conclusion
            and objection is not None
            and _GRANT.match(_opening(units[conceded[0]]))
        ):
            # "Critics object that X. This is true, but Y.": the writer grants the objection
            # before and replies to it; the grant agrees with it
            head = conceded[0]
            units[head].kind, units[head].parent = "reason", objection
            units[head].why = "grants the objection before it: it agrees with it"
            unit.kind, unit.parent = "rebuttal", objection
            marker = units[head].conceded_by
            unit.why = f"the writer's reply ({marker!r}) to the objection the sentence grants"
            objection = None
        elif conceded and i != conclusion:
            # "X, but Y" outside the conclusion: X objects to the conclusion, Y rebuts X
            head = conceded[0]
            units[head].kind, units[head].parent = "objection", conclusion
            marker = units[head].conceded_by
            units[head].why = f"conceded ({marker!r}) in the same sentence: an objection"
            unit.kind, unit.parent = "rebuttal", head
            unit.why = f"the writer's reply to what the sentence concedes ({marker!r})"
            objection = None
        elif (cue := _GRANT.match(text)) and previous is not None and previous != conclusion:
            # "Nobody wants a power line near their house. This is understandable. However,
            # ...": the writer grants the point before; a contrast after it answers the grant
            unit.kind, unit.parent = "objection", conclusion
            unit.why = f"grants the point before it ({_said(cue)}): an objection"
            objection = i
        elif cue := (
            _CONCESSION.match(text) or _CONCESSION_INSIDE.match(text) or VIEW_INSIDE.match(text)
        ):
            unit.kind, unit.parent = "objection", conclusion
            unit.why = f"opens with a concession or a reported opposing view ({_said(cue)})"
            objection = i
        elif (
            is_reported_view(text)
            and not REPORTED_VIEW.match(text)  # "Teachers say that X" may back the writer
            and not _is_evidence(unit.cues)
            and rejects
            and _PLAN.search(text)
        ):
            # a plan of others, or what its supporters say, when the conclusion says no ("Some
            # politicians want to bring it back. I believe it should not be reintroduced."): the
            # view the writer argues against (a view against something, "Zoos are often
            # criticised for X", may be the writer's own: its side is not for a cue to say)
            unit.kind, unit.parent = "objection", conclusion
            unit.why = "a plan of others, or its supporters' view, that the conclusion rejects"
            objection = i
        elif (
            objection is None
            and before is not None
            and previous in plain
            and REPORTED_VIEW.match(before.text)
            and (cue := DENIAL.match(text) or _DENIED_INSIDE.search(text))
        ):
            # "Shop owners feared they would lose customers. The opposite happened: ...": the
            # view reported is the objection the writer denies
            before.kind, before.parent = "objection", conclusion
            before.why = f"a view reported, then denied ({_said(cue)}): an objection"
            unit.kind, unit.parent = "rebuttal", previous
            unit.why = f"denies the view reported before it ({_said(cue)}): the writer's rebuttal"
        elif objection is not None and (cue := DENIAL.match(text) or _DENIED_INSIDE.search(text)):
            # "It is often said that X. This is not true: ...": the writer denies the objection
            unit.kind, unit.parent = "rebuttal", objection
            unit.why = f"denies the objection before it ({_said(cue)}): the writer's rebuttal"
            objection = None
        elif cue := (_CONTRAST.match(text) or _HOWEVER_INSIDE.match(text)):
            if objection is None:
                objection = clause_objection
            if objection is not None:
                unit.kind, unit.parent = "rebuttal", objection
                unit.why = f"a contrast ({_said(cue)}) after an objection: the writer's rebuttal"
                objection = None
            elif (
                (
                    _CONCESSIVE_OPENING.match(text)
                    or (before is not None and REPORTED_VIEW.match(before.text))
                    or (before is not None and _APPEARANCE.search(before.text))
                )
                and before is not None
                and previous is not None
                and previous != conclusion
                and before.kind in ("reason", "evidence")
                and previous not in drawn
            ):
                # "X. But Y." as "X, but Y": X is conceded, Y is the writer's reply to it; and
                # "They say that X. However, Y.": X is a view the writer reports to answer it
                before.kind = "objection"
                before.basis = before.source = None  # (conceded, it is no evidence)
                if _CONCESSIVE_OPENING.match(text):
                    before.why = f"conceded before {_said(cue)} in the next sentence: an objection"
                    unit.why = (
                        f"the writer's reply ({_said(cue)}) to what the sentence before concedes"
                    )
                elif _APPEARANCE.search(before.text):
                    before.why = f"how it looks, granted before {_said(cue)}: an objection"
                    unit.why = f"the writer's reply ({_said(cue)}) to how it looks"
                else:
                    before.why = f"a view reported to be answered by {_said(cue)}: an objection"
                    unit.why = f"the writer's reply ({_said(cue)}) to the view reported before"
                unit.kind, unit.parent = "rebuttal", previous
                objection = None
            else:
                unit.kind, unit.parent = "objection", conclusion
                unit.why = f"a contrast ({_said(cue)}) turning against the writer's own claim"
                objection = i
        elif (cue := _EXAMPLE.match(text) or _example_inside(text)) and previous is not None:
            unit.kind, unit.parent = "evidence", previous
            unit.basis = "example"
            unit.why = f"an example ({_said(cue)}) for the unit before"
        elif (
            (cue := _DRAWN.match(text))
            and before is not None
            and previous != conclusion
            and not before.attacks
        ):
            # "X. This shows that Y.": X (evidence, as a rule) supports Y, drawn from it
            unit.kind = "reason"
            unit.parent = reason if reason is not None else conclusion
            unit.why = f"a claim drawn from the unit before ({_said(cue)}): that unit supports it"
            drawn.add(i)
            before.parent = i
            before.why += "; it supports the claim drawn after it"
            objection = None
        elif _is_evidence(unit.cues) and not is_normative(unit.text):
            # (a unit that says what should be done is a claim, whatever figures it holds)
            added = _ENUMERATION.match(text)  # "Plus, 3 in 10...": a new point, not a detail
            target = conclusion if added else _claim_before(units, order, position[i])
            unit.kind, unit.parent = "evidence", target
            unit.basis = basis_of(unit.text, unit.cues)
            unit.source = source_of(unit.text, unit.cues)
            words = [
                repr(" ".join(c.text.split()))
                for c in unit.cues
                if c.kind in (lexicon.EVIDENCE, lexicon.UNNAMED_SOURCE)
            ]
            unit.why = f"evidence cues ({', '.join(words[:3])}) for the claim before it"
            if added:
                unit.why = (
                    f"evidence cues ({', '.join(words[:3])}) added ({_said(added)}) "
                    "to the main line: for the conclusion"
                )
        elif cue := _ENUMERATION.match(text):
            unit.kind, unit.parent = "reason", conclusion
            unit.why = f"an enumerated reason ({_said(cue)}): a main reason"
            # "First, ... Second, ..." open blocks of support; "Also", "Moreover" add one point
            reason = i if _ORDINAL.match(text) else None
            objection = None
        elif (cue := _RETORT.match(text) or _DISMISSAL.match(text)) and (
            objection is not None
            or (
                before is not None
                and previous in plain
                and (cue.re is _DISMISSAL or REPORTED_VIEW.match(before.text))
            )
        ):
            # "Of course, cannabis is not harmless. That is exactly why the sale to minors
            # remains forbidden.": the objection answered out of its own mouth (also a view
            # reported: "The operators say that the trains barely pay. That is exactly why...");
            # "Drivers may lose a few minutes. That is a small price for fewer deaths.": the
            # cost before weighed away
            weighed = cue.re is _DISMISSAL
            if objection is None and before is not None and previous is not None:
                before.kind, before.parent = "objection", conclusion
                before.why = (
                    f"a cost the next sentence weighs away ({_said(cue)}): an objection"
                    if weighed
                    else f"a view reported, then turned around ({_said(cue)}): an objection"
                )
                objection = previous
            unit.kind, unit.parent = "rebuttal", objection
            action = (
                "weighs the objection before it away"
                if weighed
                else "turns the objection before it around"
            )
            unit.why = f"{action} ({_said(cue)}): a rebuttal"
            objection = None
        elif cue := (_CONSEQUENCE.match(text) or _CONSEQUENCE_INSIDE.match(text)):
            target = reason if reason is not None else conclusion
            unit.kind, unit.parent = "reason", target
            unit.why = f"a consequence drawn ({_said(cue)}): the unit before supports it"
            if reason is not None:
                unit.why += "; it supports the reason whose block it is in"
            drawn.add(i)
            if (
                before is not None
                and previous not in (conclusion, target)
                and before.parent == target
            ):
                before.parent = i
                before.why += "; it supports the consequence drawn after it"
            objection = None
        elif cue := _CORRECTION.match(text):
            # "X is not just Y. Rather, Z.": Z puts right what the writer denied: their own point
            unit.kind, unit.parent = "reason", reason if reason is not None else conclusion
            unit.why = f"a correction ({_said(cue)}): the writer's own point"
            objection = None
        elif (cue := _PREMISE.match(text)) and previous is not None:
            unit.kind, unit.parent = "reason", previous
            unit.why = f"opens with a premise marker ({_said(cue)}): a reason for the unit before"
        elif objection is not None:
            unit.kind, unit.parent = "reason", objection
            unit.why = "follows an objection without a contrast: it backs the objection up"
        elif reason is not None:
            unit.kind, unit.parent = "reason", reason
            unit.why = (
                "follows an enumerated reason: it supports that reason"
                if _ENUMERATION.match(_opening(units[reason]))
                else "follows its paragraph's topic sentence: it supports that reason"
            )
        elif position[i] == 0 and is_question(unit.text):
            # "Is it right that museums charge admission? ... Admission should be free."
            unit.kind, unit.parent = "reason", conclusion
            unit.why = (
                "the question the text opens with: the issue the conclusion settles (then it "
                "is no reason: delete it), or a rhetorical question that argues for it"
            )
        else:
            unit.kind, unit.parent = "reason", conclusion
            unit.why = "no dialectic cue: a reason for the conclusion"
            plain.add(i)
        if new_paragraph and unit.kind == "reason" and unit.parent == conclusion:
            # a paragraph's opening sentence states its topic: the plain units after it in the
            # paragraph support it (as after "First, ...")
            reason = i
            if unit.sentence == 0:
                unit.why += "; it opens its paragraph: the plain units after it support it"
        previous, clause_objection = i, None
    _name_attacks(units)


def _example_inside(text: str) -> re.Match[str] | None:
    """An example marker set off inside the sentence, unless it interrupts an open phrase."""
    cue = _EXAMPLE_INSIDE.search(text)
    if cue and cue.group("m") and _OPEN_PHRASE.search(text, 0, text.rfind(",", 0, cue.start("m"))):
        return None
    return cue


def _said(match: re.Match[str]) -> str:
    """The cue words a pattern matched, as the comment quotes them (its marker, if named)."""
    words = (match.group("m") or "") if "m" in match.re.groupindex else match.group()
    if not words and "end" in match.re.groupindex:
        words = match.group("end") or ""
    return repr(" ".join(words.strip(" \"'“‘(").split()))


def _claim_before(units: list[Unit], order: list[int], position: int) -> int:
    """The nearest unit before ``order[position]`` that is not evidence (else the conclusion)."""
    for back, j in enumerate(reversed(order[:position])):
        if back >= MAX_LOOKBACK:
            break
        if units[j].kind and units[j].kind != "evidence":
            return j
    return 0


def _name_attacks(units: list[Unit]) -> None:
    """Attacks on the writer's side are objections, attacks on an objection rebuttals; and the
    tree is kept at most :data:`MAX_DEPTH` deep (deeper units hang from the conclusion)."""
    opp = [False] * len(units)
    depth = [0] * len(units)
    # parents come before children only after sorting by depth: walk each chain once, memoised
    done = [False] * len(units)
    done[0] = True
    for i in range(1, len(units)):
        chain = []
        j: int | None = i
        while j is not None and not done[j]:
            chain.append(j)
            j = units[j].parent
            if len(chain) > len(units):
                break  # a cycle cannot happen by construction; stop safely if it did
        for k in reversed(chain):
            up = units[k].parent
            parent: int = up if up is not None else 0
            if depth[parent] + 1 > MAX_DEPTH:
                units[k].parent, parent = 0, 0
                units[k].why += "; hung from the conclusion (too deep a chain)"
            depth[k] = depth[parent] + 1
            flips = units[k].kind in ("objection", "rebuttal", "undercut")
            if flips and units[k].kind != "undercut":
                units[k].kind = "rebuttal" if opp[parent] else "objection"
            opp[k] = opp[parent] != flips
            done[k] = True
