"""Walton's argumentation schemes and their critical questions: the catalogue (data only).

From D. Walton, C. Reed and F. Macagno, *Argumentation Schemes*, Cambridge
University Press, 2008, chapter 9 ("Compendium of schemes"): the twelve
schemes a critical reader meets most, each with its critical questions as
the book gives them, lightly abridged (the variables A, B, E, a, C1, C2 kept).

An inference names its scheme (``inference: {scheme: Argument From Sign}``);
:func:`find_scheme` reads the name loosely ("Argument From Expert Opinion",
"expert opinion", "ExpertOpinion", "Argument from positive consequences").
Each question has a key (``CQ1``...) and a short kebab-case name; a map
answers a question with ``answers: {CQ1: STATEMENT_ID}`` or
``answers: {field: {gap: NODE, kind: KIND}}`` on the inference. The gap rules
that turn open questions into gaps are in :mod:`argmap.analysis.schemes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The book the schemes and questions come from.
SOURCE = (
    "D. Walton, C. Reed and F. Macagno, Argumentation Schemes, Cambridge University Press, "
    "2008, ch. 9"
)


@dataclass(frozen=True, slots=True)
class Question:
    """One critical question of a scheme."""

    key: str  # CQ1, CQ2, ...
    name: str  # kebab-case, e.g. "expertise"
    text: str


@dataclass(frozen=True, slots=True)
class Scheme:
    """An argumentation scheme: its name, its form, its critical questions, its gap code."""

    code: str  # the K code of its open-question gaps
    name: str  # kebab-case: expert-opinion
    title: str  # Argument From Expert Opinion
    form: str
    questions: tuple[Question, ...]
    aliases: tuple[str, ...] = ()

    def question(self, key: str) -> Question | None:
        """The question a key (``CQ2``, ``cq2``, ``2``) or a name (``field``) stands for."""
        wanted = key.strip().lower()
        if wanted.isdigit():
            wanted = f"cq{wanted}"
        for q in self.questions:
            if wanted in (q.key.lower(), q.name):
                return q
        return None


def _questions(*pairs: tuple[str, str]) -> tuple[Question, ...]:
    return tuple(Question(f"CQ{n}", name, text) for n, (name, text) in enumerate(pairs, 1))


SCHEMES: tuple[Scheme, ...] = (
    Scheme(
        "K001",
        "expert-opinion",
        "Argument From Expert Opinion",
        "Source E is an expert in subject domain S containing proposition A; E asserts that A "
        "is true; therefore A may plausibly be taken to be true.",
        _questions(
            ("expertise", "How credible is E as an expert source?"),
            ("field", "Is E an expert in the field that A is in?"),
            ("opinion", "What did E assert that implies A?"),
            ("trustworthiness", "Is E personally reliable as a source?"),
            ("consistency", "Is A consistent with what other experts assert?"),
            ("backup-evidence", "Is E's assertion based on evidence?"),
        ),
        ("appeal to expert opinion", "argument from authority", "expert"),
    ),
    Scheme(
        "K002",
        "position-to-know",
        "Argument From Position To Know",
        "Source a is in a position to know about things in a domain S containing proposition A; "
        "a asserts that A is true; therefore A is true.",
        _questions(
            ("position", "Is a in a position to know whether A is true?"),
            ("honesty", "Is a an honest (trustworthy, reliable) source?"),
            ("assertion", "Did a assert that A is true?"),
        ),
        ("witness testimony",),
    ),
    Scheme(
        "K003",
        "cause-to-effect",
        "Argument From Cause To Effect",
        "Generally, if A occurs, then B will (might) occur; in this case A occurs (might occur); "
        "therefore B will (might) occur.",
        _questions(
            ("generalization", "How strong is the causal generalization (if it is true at all)?"),
            (
                "evidence",
                "Is the evidence cited (if there is any) strong enough to warrant the causal "
                "generalization as stated?",
            ),
            (
                "interference",
                "Are there other causal factors that could interfere with the production of the "
                "effect in the given case?",
            ),
        ),
        ("causal argument", "cause effect"),
    ),
    Scheme(
        "K004",
        "sign",
        "Argument From Sign",
        "A (a finding) is true in this situation; B is generally indicated as true when its sign "
        "A is true; therefore B is true in this situation.",
        _questions(
            (
                "correlation",
                "What is the strength of the correlation of the sign with the event signified?",
            ),
            (
                "other-events",
                "Are there other events that would more reliably account for the sign?",
            ),
        ),
    ),
    Scheme(
        "K005",
        "analogy",
        "Argument From Analogy",
        "Generally, case C1 is similar to case C2; A is true (false) in C1; therefore A is true "
        "(false) in C2.",
        _questions(
            (
                "differences",
                "Are there differences between C1 and C2 that would tend to undermine the force "
                "of the similarity cited?",
            ),
            ("base-case", "Is A true (false) in C1?"),
            (
                "counter-case",
                "Is there some other case C3 that is also similar to C1, but in which A is false "
                "(true)?",
            ),
        ),
        ("analogical argument",),
    ),
    Scheme(
        "K006",
        "example",
        "Argument From Example",
        "In this particular case, the individual a has property F and also property G; a is "
        "typical of things that have F; therefore, generally, if x has F it also (usually, "
        "probably) has G.",
        _questions(
            ("truth", "Is the proposition claimed in the premise in fact true?"),
            (
                "support",
                "Does the example cited support the generalization it is supposed to be an "
                "instance of?",
            ),
            ("typical", "Is the example typical of the kinds of cases the generalization covers?"),
            ("strength", "How strong is the generalization?"),
            (
                "special-circumstances",
                "Do special circumstances of the example impair its generalizability?",
            ),
        ),
        ("example",),
    ),
    Scheme(
        "K007",
        "consequences",
        "Argument From Consequences",
        "If A is brought about, good (bad) consequences will plausibly occur; therefore A should "
        "(should not) be brought about.",
        _questions(
            (
                "likelihood",
                "How strong is the likelihood that the cited consequences will (may, must) occur?",
            ),
            (
                "evidence",
                "What evidence supports the claim that the cited consequences will (may, must) "
                "occur, and is it sufficient to support the strength of the claim adequately?",
            ),
            (
                "other-consequences",
                "Are there other opposite consequences (bad as opposed to good, for example) "
                "that should be taken into account?",
            ),
        ),
        ("positive consequences", "negative consequences"),
    ),
    Scheme(
        "K008",
        "popular-opinion",
        "Argument From Popular Opinion",
        "Everybody (in a particular reference group G) accepts A; therefore A is true (or you "
        "should accept A).",
        _questions(
            (
                "acceptance",
                "What evidence, such as a poll or an appeal to common knowledge, supports the "
                "claim that A is generally accepted as true?",
            ),
            (
                "doubt",
                "Even if A is generally accepted as true, are there any good reasons for doubting "
                "that it is true?",
            ),
        ),
        ("popular acceptance", "appeal to popularity", "common belief"),
    ),
    Scheme(
        "K009",
        "correlation-to-cause",
        "Argument From Correlation To Cause",
        "There is a positive correlation between A and B; therefore A causes B.",
        _questions(
            ("correlation", "Is there a positive correlation between A and B?"),
            (
                "instances",
                "Are there a significant number of instances of the positive correlation between "
                "A and B?",
            ),
            (
                "direction",
                "Is there good evidence that the causal relationship goes from A to B, and not "
                "just from B to A?",
            ),
            (
                "third-factor",
                "Can it be ruled out that the correlation between A and B is accounted for by "
                "some third factor (a common cause) that causes both A and B?",
            ),
            (
                "intervening",
                "If there are intervening variables, can it be shown that the causal "
                "relationship between A and B is indirect (mediated through other causes)?",
            ),
            (
                "range",
                "If the correlation fails to hold outside a certain range of cases, can the "
                "limits of this range be clearly indicated?",
            ),
            (
                "definition",
                "Can it be shown that the increase or change in B is not solely due to the way B "
                "is defined or classified, or to changing standards of definition over time?",
            ),
        ),
    ),
    Scheme(
        "K010",
        "practical-reasoning",
        "Practical Reasoning",
        "I have a goal G; carrying out this action A is a means to realize G; therefore I ought "
        "(practically speaking) to carry out this action A.",
        _questions(
            (
                "other-goals",
                "What other goals do I have that should be considered that might conflict with G?",
            ),
            (
                "alternatives",
                "What alternative actions to my bringing about A that would also bring about G "
                "should be considered?",
            ),
            (
                "efficiency",
                "Among bringing about A and these alternative actions, which is arguably the most "
                "efficient?",
            ),
            (
                "possibility",
                "What grounds are there for arguing that it is practically possible for me to "
                "bring about A?",
            ),
            (
                "side-effects",
                "What consequences of my bringing about A should also be taken into account?",
            ),
        ),
        ("argument from practical reasoning", "practical inference", "means end"),
    ),
    Scheme(
        "K011",
        "verbal-classification",
        "Argument From Verbal Classification",
        "a has property F; for all x, if x has property F, then x can be classified as having "
        "property G; therefore a has property G.",
        _questions(
            ("property", "Does a definitely have F, or is there room for doubt?"),
            (
                "classification",
                "Can the verbal classification be said to hold strongly, or is it one of those "
                "weak classifications that is subject to doubt?",
            ),
        ),
        ("classification", "definition to verbal classification"),
    ),
    Scheme(
        "K012",
        "commitment",
        "Argument From Commitment",
        "a is committed to proposition A (generally, or in virtue of what she said in the past); "
        "therefore, in this case, a should support A.",
        _questions(
            (
                "evidence",
                "What evidence in the case supports the claim that a is committed to A, and does "
                "it include contrary evidence, indicating that a might not be committed to A?",
            ),
            (
                "exception",
                "Is there room for questioning whether there is an exception in this case, so "
                "that a is not committed to A?",
            ),
        ),
    ),
)

_NOISE = re.compile(r"\b(argument|arguments|from|of|the|an|a|to|appeal)\b")


def _key(name: str) -> str:
    spaced = re.sub(r"([a-z])([A-Z])", r"\1 \2", name)  # ExpertOpinion -> Expert Opinion
    words = re.sub(r"[^a-z]+", " ", spaced.lower())
    return "".join(_NOISE.sub(" ", words).split())


_BY_KEY: dict[str, Scheme] = {}
for _scheme in SCHEMES:
    for _name in (_scheme.name, _scheme.title, *_scheme.aliases):
        _BY_KEY.setdefault(_key(_name), _scheme)


def find_scheme(name: str | None) -> Scheme | None:
    """The catalogued scheme a map's ``scheme:`` names, read loosely; ``None`` if not catalogued."""
    if not name:
        return None
    return _BY_KEY.get(_key(name))
