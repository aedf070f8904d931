"""Words as a grader compares them: content terms (stemmed, synonyms merged) and the stance of a claim.

Terms
-----
:func:`terms` turns a statement into the set of its content terms: lower
case, British spellings and common multi-word expressions mapped to one
form ("turn down" -> "reject", "car park" -> "garage"), stop words dropped,
each word stemmed with the Snowball (Porter 2) English stemmer, and the
words of one synonym group (:data:`SYNONYMS`: words a reader treats as the
same in an argument, "plan/proposal/scheme", "expensive/costly") merged into
the group's first word. Numbers stay as they are ("14", "2050").

Stance
------
:func:`stance` is +1 or -1: the parity of the negations (not, no, never,
nobody...) and of the refusing words (reject, oppose, refuse, ban...) in the
main clause of a claim, once concessive clauses ("although ...", "even if
...") and conditions ("if ...", "unless ...") are set aside: those qualify a
claim without turning it round. :func:`opposite` asks that both the main
clauses and the whole texts differ in stance. Two claims about the same thing with
different stances say opposite things ("the council should approve the
plan" against "the council should reject it"; "the council should not pay
for trees" against "the council should fund trees").
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those there their they them he she his her we our you your i us my
    do does did has have had will would can could should may might must shall than ought
    then so such which who whom what when where while also very more most into over about
    after before up out all any some just only even really actually also too own s t
    said says say according although though unless whether""".split()
)
# not stop words: negations matter for the stance, and "no"/"not" carry meaning
_NEGATIONS = frozenset(
    "not no never nobody nothing none neither nor cannot without unable n't".split()
)
#: Words that turn a claim round: to reject is to say no (stemmed forms are compared).
REFUSING = frozenset(
    """reject refuse oppose ban forbid prohibit deny decline veto scrap cancel abandon halt
    block stop prevent against fail lose shrink decrease reduce fall weaken worsen harm hurt
    limit cut""".split()
)

#: Multi-word expressions read as one word (applied before splitting into words).
PHRASES: dict[str, str] = {
    "turn down": "reject",
    "turned down": "reject",
    "turning down": "reject",
    "say no to": "reject",
    "vote no on": "reject",
    "vote against": "reject",
    "throw out": "reject",
    "go ahead with": "approve",
    "go ahead": "approve",
    "say yes to": "approve",
    "vote for": "approve",
    "car park": "garage",
    "parking lot": "garage",
    "pay for": "fund",
    "spend money on": "fund",
    "put money into": "fund",
    "more and more": "increasingly",
    "a lot of": "many",
    "lots of": "many",
    "in favour of": "support",
    "in favor of": "support",
    "take action": "act",
    "do something": "act",
    "the americans": "usa",
    "the us": "usa",
    "united states": "usa",
    "safe haven": "sanctuary",
    "safe harbour": "sanctuary",
    "safe harbor": "sanctuary",
    "safe place": "sanctuary",
    "get round": "evade",
    "get around": "evade",
    "go round": "evade",
    "prime minister": "leader",
    "cut off": "isolate",
    "set up": "found",
    "made up": "invent",
    "less hot": "cool",
    "not hot": "cool",
    "look for": "seek",
    "looking for": "seek",
    "looks for": "seek",
}

#: Synonym groups: the words of one line count as one term (the first word names the group).
SYNONYMS_TEXT = """
plan proposal scheme project programme
garage parking
council councillor councilor authority
reject oppose refuse decline dismiss
approve accept endorse authorise authorize adopt
fund finance pay spend invest bankroll
cost price expense spending bill
expensive costly dear pricey unaffordable
cheap affordable inexpensive low-cost
build construct erect
shortage lack scarcity scarce deficit short
big large larger bigger great greater huge major
small little minor tiny
increase grow growth rise expand expansion extend boost swell raise climb mount
problem challenge difficulty issue
usa america american washington
decrease shrink fall drop decline reduce lessen diminish
danger threat risk hazard peril menace endanger threaten
dangerous risky hazardous unsafe perilous
safe secure
security safety
help aid assist support
stop prevent impede block hinder halt curb slow
cause lead result produce bring drive create
show prove demonstrate indicate reveal suggest
claim assert argue contend maintain insist
say tell report declare announce
warn caution
aim goal objective purpose intention target
reason motive motivation ground
chance opportunity opening
influence power reach sway clout presence
network web
country state nation
government regime administration leadership
leader president head
official officer functionary
link tie connect connection relationship relation bond
cooperation collaboration partnership
partner ally friend
trade commerce business deal
money cash revenue income funds earnings
tax levy
bank lender
terrorist terror militant
propaganda messaging
secret covert hidden clandestine
attack strike assault
operative agent operator spy
people person resident citizen individual inhabitant public
shopper customer client buyer
shop store retailer business
town city municipality borough
street road lane avenue
centre center downtown middle hub heart
old historic ancient
narrow tight
car vehicle traffic
trip journey
queue tailback jam
home house property
value worth
health wellbeing well-being
stress anxiety tension nerve
study research survey
expert specialist engineer
hospital clinic
doctor physician
child kid pupil student
school college
ill sick illness sickness disease
heat hot warm temperature
cool cold cooler chill
tree plant greenery
water irrigate
summer
job work employment
easy easier simple
hard difficult
new fresh recent
old former previous
always constantly
often frequently
many numerous multiple several various
few handful
every each all
begin start launch initiate
end finish
keep maintain retain preserve sustain
need require must
want wish seek desire
try attempt
allow let enable permit
use employ utilise utilize exploit
give grant provide offer
get obtain acquire receive
move send transfer relocate shift
flee escape
talk negotiate negotiation discuss
agree consent
accuse allege
document paper file record
evidence proof
sanction penalty embargo
isolate isolation ostracise exclude
passport id identity
""".strip()


def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


_STEM = _stemmer()
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


def _spell(word: str) -> str:
    """British to American endings, so both stem alike ("normalise" -> "normalize")."""
    for british, american in (
        ("isation", "ization"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ising", "izing"),
        ("our", "or"),
    ):
        if word.endswith(british) and len(word) > len(british) + 3:
            return word[: -len(british)] + american
    return word


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return str(_STEM.stemWord(_spell(word)))


def _groups() -> dict[str, str]:
    out: dict[str, str] = {}
    for line in SYNONYMS_TEXT.splitlines():
        words = line.split()
        if not words:
            continue
        head = _stem(words[0])
        for w in words:
            out.setdefault(_stem(w), head)
    return out


GROUP: dict[str, str] = _groups()
_PHRASE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(PHRASES, key=len, reverse=True)) + r")\b"
)


def _normal(text: str) -> str:
    text = re.sub(r"\bU\.?S\.?(?=\W|$)", "usa", text)  # the country, not the pronoun "us"
    text = text.lower().replace("’", "'").replace("´", "'")
    text = re.sub(r"n't\b", " not", text)
    return _PHRASE.sub(lambda m: PHRASES[m.group(1)], text)


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """The text's words after normalisation (lower case, phrases joined, "n't" as "not")."""
    return tuple(w.split("'")[0] for w in _WORD.findall(_normal(text)))


@lru_cache(maxsize=65536)
def terms(text: str, merge: bool = True) -> frozenset[str]:
    """Content terms of a text: stemmed, synonyms merged, stop words and negations dropped.

    ``merge=False`` keeps each stem apart (no synonym groups, no phrases): the
    benchmark's ablation of the synonym layer.
    """
    out = set()
    for w in words(text) if merge else tuple(_WORD.findall(text.lower())):
        if w in _STOP or w in _NEGATIONS or (len(w) < 2 and not w.isdigit()):
            continue
        stem = _stem(w)
        out.add(GROUP.get(stem, stem) if merge else stem)
    return frozenset(out)


_REFUSING_STEMS = frozenset(_stem(w) for w in REFUSING)
#: Where a qualifying clause starts: it runs to the next comma or semicolon.
_QUALIFIERS = (
    "although",
    "though",
    "even if",
    "even though",
    "while",
    "whereas",
    "if",
    "unless",
    "provided",
    "whether",
    "in case",
)
_CLAUSE = re.compile(
    r"\b(?:" + "|".join(q.replace(" ", r"\s+") for q in _QUALIFIERS) + r")\b[^,;.]*[,;.]?"
)


def main_clause(text: str) -> str:
    """The text without its concessive and conditional clauses."""
    return _CLAUSE.sub(" ", _normal(text))


@lru_cache(maxsize=16384)
def stance(text: str, whole: bool = False) -> int:
    """+1 or -1: the parity of negations and refusing words in the main clause (or the whole)."""
    sign = 1
    for w in _WORD.findall(_normal(text) if whole else main_clause(text)):
        w = w.split("'")[0]
        if w in _NEGATIONS or _stem(w) in _REFUSING_STEMS:
            sign = -sign
    return sign


def opposite(one: str, other: str) -> bool:
    """Whether two claims (already known to be about the same thing) take opposite stances.

    Both readings must differ: the main clauses' stances and the whole texts'
    stances. A student who drops the "although" of a concession, or turns
    "if the US fails to act" into "unless the US acts", has not turned the
    claim round.
    """
    return stance(one) != stance(other) and stance(one, True) != stance(other, True)
