"""Argument cues in a raw text, and a guess at its main conclusion.

:func:`analyse` numbers the paragraphs (the text's non-empty lines, from 1,
as map anchors do), marks every cue of the shared lexicon
(:mod:`argmap.analysis.lexicon`, the same lists the gap rules use), splits
each paragraph into sentences (:mod:`argmap.teaching.sentences`) and ranks
the sentences as candidates for the main conclusion.

The conclusion guess: how a sentence is scored
------------------------------------------------

Each sentence gets the sum of the weights of the features it has (the
weights are :data:`WEIGHTS`; the ``why`` list of a ranked sentence names the
features that fired). The highest score wins; ties go to the earlier
sentence. Nothing is tuned to one text: every feature is a general habit of
argumentative writing.

Position (writers state their thesis first, or sum up at the end):

* ``first-sentence`` +2.0: the first sentence of the text (when the text
  opens with a question, "Should students pay fees? I don't think so.",
  with a view it reports and denies at once or answers in the writer's own
  voice, "Many think that X. This is wrong.", "Higher taxes on meat are
  often proposed. I am against such taxes.", or with a plain fact the next
  sentence judges, "Many schools use tablets. This is a mistake.", the
  sentence after it: the reply states the thesis);
* ``last-sentence`` +1.0: the last sentence of the text;
* ``first-paragraph`` +0.5 and ``last-paragraph`` +0.5: any sentence of the
  first or of the last paragraph (this only separates candidates in texts of
  several paragraphs). A closing byline ("By The Institute...") is not a
  paragraph of the argument and is skipped when finding the last one; nor
  is an opening heading (a first line of one phrase with no closing stop:
  "Why the city should keep its night buses"), skipped as a candidate.
* ``paragraph-opening`` +0.5 and ``paragraph-closing`` +0.25: the first
  (topic) sentence and the last sentence of a paragraph, in texts of several
  paragraphs (in a one-paragraph text they would repeat the two above).

Wording:

* ``summary-indicator`` +4.0: "in conclusion", "to sum up", "all in all"...
  (conclusion indicators that announce the text's own conclusion);
* ``conclusion-indicator`` +2.5: any other conclusion indicator of the
  lexicon ("therefore", "hence", "that's why"...); a "so" inside a sentence
  that takes no stand ("Young people cannot drive, so they depend on buses")
  draws a fact from a fact and does not count;
* ``normative`` +2.0: a deontic modal ("should", "ought", "must", "shall"),
  "is (not) to be <done>", a proposal ("it would be fair to make...", "it
  is high time to act", "it is high time that the centre was closed"; not
  "it is important to note") or a recommendation
  ("X is the better choice", "is not the best option"): main claims of
  argumentative texts are mostly about what to do. Not "it should be noted /
  taken into account that" (the writer points at something), nor "should"
  before its subject ("..., should the unrest get worse": a condition), nor
  an alternative put with "should rather" (what to do instead of what the
  thesis rejects);
* ``evaluative`` +1.0: a verdict word after a copula ("is unfair", "would be
  wise", "is not justified", "is out of the question"; "just" only as a
  verdict that closes its clause, "is just", not "is just as good"; "is far
  too early", "would go too far", not "too many"; "is worth every cent", "is
  not worth the money"), "cannot be
  accepted", "it is clear that", "has no place in" / "still has a place
  in", or a stance verb ("I think", "I don't think", "I argue", "in my
  view", "I am against", "I am in favour of"; not "I think of");
* ``claim-with-reason`` +0.5: a premise indicator inside a sentence that
  takes a stand ("X should go, since Y"): a claim given with its reason (not
  a fact explained: "Half the houses stand empty because they are holiday
  homes");
* ``reason-first`` +2.0: it opens with its reason ("Since X, Y",
  "Because X, Y", "Given that X, Y"; not "Since 2010"): Y is a conclusion
  drawn from X, as in "X, therefore Y" (this replaces ``claim-with-reason``);
* ``return-to-thesis`` +1.5: it opens with "Still", "Nevertheless",
  "Nonetheless", "Even so", "Despite this": after granting something, the
  writer comes back to their own position;
* ``premise-opening`` -2.0: the sentence opens with a marker that adds a
  reason or an example to something said elsewhere ("For", "Besides",
  "Moreover", "Also", "Plus", "For example"..., or a list item's number,
  "1. Shift workers depend on it."). "Because X, Y" and
  "Since X, Y" do not count: their main clause may be the claim; nor does
  "For these reasons, ...", which draws a conclusion;
* ``concession-opening`` -2.0: it opens by granting the other side
  ("Admittedly", "Of course", "Granted", "Yes, ..." unless it answers the
  question before, "Some may argue", "Critics say", "Even if"...): a
  sentence that is mostly a concession is not the thesis.
  A view the sentence gives as someone else's ("Some say that the town
  should build...", "Critics argue", "Beekeepers often say that X", "X is
  often proposed / said to be / blamed for"; not
  "Even if many think that X, Y", whose main clause is the writer's) earns
  no ``normative`` or ``evaluative`` but for what follows the writer's turn
  from it ("Some worry about X, but this should be addressed by Y");
* ``concession-closing`` -2.0: it ends with ", though." ("Prisons should not
  be luxurious, though."), which grants it as "Admittedly" would;
* ``answered`` -1.5: the next sentence opens by answering it ("But ...",
  "However, ...", "Yet ..."; not "But also"): the writer states a view in
  order to reply to it. Not when the sentence holds a clause the reply may
  be aimed at instead ("unless", "although", "even if"...);
* ``factual`` -1.5: it takes no stand (neither ``normative`` nor
  ``evaluative``, nor announced as the conclusion by a ``summary-indicator``)
  in a text where at least two other sentences do (:data:`MIN_STANCES`; not
  conceded, not asked): a text that says again and again what should be done
  argues for that, and its plain statements of fact are mostly its reasons
  (in the development part of the microtexts, 2 of 128 such sentences were
  the claim). One stray "should" in an analysis of what is the case does not
  count: there the thesis may well be a statement of fact. In a text of one
  paragraph one sentence that takes a stand is enough
  (:data:`MIN_STANCES_ONE_PARAGRAPH`): a paragraph argues one point, and the
  one sentence of it that says what should be done is that point;
* ``contrast-opening`` -1.0: it opens with "But", "However" or "Yet" (not
  "But also"): a reply to what came before, the claim's defence rather
  than the claim (none of 18 such sentences in the development part of the
  microtexts is the claim); not when it is the reply the text opens with
  ("Many people find hunting cruel. Yet it is still needed.");
* ``rebuttal`` -1.0: it opens with "But", "However" or "Yet" (or grants and
  turns: "That may be, but", "True, but") right after a
  view given as others' or conceded ("The county says it has to balance its
  budget. But it should not do so at the expense of rural families."), once
  the writer has taken a stand: the reply defends that stand, it is not the
  thesis (2 development sentences, neither the claim);
* ``anaphoric-opening`` -0.5: it opens with "This", "These", "Such" or
  "They", so it leans on the sentence before;
* ``question`` -3.0: a question (rhetorical questions are rarely the thesis);
  the stand it asks about is not the writer's, so it gets no ``normative``
  or ``evaluative``;
* ``evidence`` -0.5 per evidence cue (numbers, dates, quotations,
  "according to"), at most -1.5: evidence supports, it is not the thesis;
* ``short`` -1.0: fewer than five words ("That's costly!"); not a reply that
  ``first-sentence`` goes to ("I disagree."): it takes its content from what
  it answers.

Measured on the 89 arg-microtexts (``bench/cases_teaching.py``), the guessed
sentence contains the annotated central claim in the share pinned by
``tests/test_cues_corpus.py``; always guessing the first sentence scores
53%, the last 28%.
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from argmap.analysis import lexicon
from argmap.analysis.lexicon import Cue
from argmap.teaching.sentences import LIST_ITEM, Sentence, split_sentences

#: How much each feature adds to a sentence's score (see the module docstring).
WEIGHTS: dict[str, float] = {
    "first-sentence": 2.0,
    "last-sentence": 1.0,
    "first-paragraph": 0.5,
    "last-paragraph": 0.5,
    "paragraph-opening": 0.5,
    "paragraph-closing": 0.25,
    "summary-indicator": 4.0,
    "conclusion-indicator": 2.5,
    "normative": 2.0,
    "evaluative": 1.0,
    "claim-with-reason": 0.5,
    "reason-first": 2.0,
    "return-to-thesis": 1.5,
    "premise-opening": -2.0,
    "concession-opening": -2.0,
    "concession-closing": -2.0,
    "anaphoric-opening": -0.5,
    "answered": -1.5,
    "factual": -1.5,
    "question": -3.0,
    "evidence": -0.5,
    "short": -1.0,
    "contrast-opening": -1.0,
    "rebuttal": -1.0,
}
#: The evidence penalty stops growing after this many evidence cues.
MAX_EVIDENCE_CUES = 3
#: ``factual`` marks plain statements of fact down in a text where at least this many
#: sentences take a stand: one stray "should" does not make an analysis a plea
MIN_STANCES = 2
#: ... and this many in a text of one paragraph: a paragraph argues one point, and the one
#: sentence of it that says what should be done is that point
MIN_STANCES_ONE_PARAGRAPH = 1
#: How many sentences ``ranking`` lists.
RANKING_SIZE = 10

SUMMARY_INDICATORS = frozenset(
    {
        "in conclusion",
        "to conclude",
        "to sum up",
        "in sum",
        "all in all",
        "in short",
        "we can conclude",
        "we must conclude",
    }
)

NORMATIVE = re.compile(
    r"\b(?:should|ought|must|shall|shouldn't|mustn't)\b"
    r"|\b(?:is|are)\s+(?:\w+\s+)?(?:not\s+)?to\s+be\s+\w+ed\b"  # "is (not) to be supported"
    # "It is not the job of the state to tell people what to eat": whose task it is
    r"|^[\"'“‘(]*it\s+is\s+(?:not\s+|no\s+longer\s+)?(?:the\s+)?(?:job|task|duty|role|business|"
    r"responsibility)\s+of\s+[^,.;:!?]{1,40}?\s+to\s+\w+"
    # "It is high time that the centre was closed to cars": a call, in the past subjunctive
    r"|\bit(?:\s+is|'s)\s+(?:high|about)\s+time\s+(?!to\b|for\b)\w"
    # a proposal: "it would be fair to make them...", "it is high time for us to act"
    r"|\bit(?:\s+(?:would|will|is)|'s)\s+(?:\w+\s+)?(?:be\s+)?(?:only\s+|more\s+|much\s+|far\s+)?"
    r"(?:fair|right|better|best|wise|sensible|reasonable|appropriate|advisable|preferable|"
    r"desirable|necessary|essential|important|crucial|vital|high time|time)\s+"
    # not the writer pointing at something or moving on ("it is important to note / to
    # understand that...", "it is time to look at the figures")
    r"(?:for\s+[^,.;:]{1,40}?\s+)?to\s+(?!(?:note|mention|say|add|remember|recall|stress|"
    r"emphasi[sz]e|point out|ask|wonder|see|understand|reali[sz]e|recogni[sz]e|know|notice|"
    r"observe|keep in mind|bear in mind|distinguish|consider|look|turn|examine|discuss|"
    r"move on|return|sum up)\b)\w+"
    # a recommendation: "a car-free centre is the better choice", "X is not the best option"
    r"|\b(?:is|are|would be|will be|remains?)\s+(?:\w+\s+)?(?:a|the)\s+"
    r"(?:better|best|right|wiser|wisest|(?:only |most )?sensible|fairest)\s+(?:choice|option|"
    r"course|solution|policy|way|answer|approach|tool|means|remedy|measure)\b"
    # the same the other way round: "The only sensible answer is a tax on sugar"
    r"|^[\"'“‘(]*(?:the|a|an)\s+(?:only\s+)?(?:better|best|right|wiser|wisest|sensible|"
    r"only sensible)\s+(?:choice|option|course|solution|policy|answer|approach|tool|means|"
    r"remedy|measure)\s+(?:is|would be|remains)\b"
    # "It is time for a change"
    r"|\bit(?:\s+is|'s)\s+(?:high\s+|about\s+)?time\s+for\s+(?:a|an|the|us|our|more|real|change)\b"
    # "It is important that every village keeps a doctor" (what should be, in the subjunctive)
    r"|\bit(?:\s+is|'s)\s+(?:very\s+|so\s+|extremely\s+)?(?:important|essential|crucial|vital|"
    r"imperative)\s+that\b"
    # "We need more women on the boards", "Let us keep the night buses": the writer's call
    r"|^[\"'“‘(]*(?:so\s+|therefore\s+|thus\s+|hence\s+)?(?:we\s+(?:really\s+|urgently\s+)?need|"
    r"let(?:'s|\s+us))\b"
    # what should be, said without a modal: "There is no alternative to X", "Cooking belongs on
    # the timetable", "Religion has no place in schools", "We cannot afford to lose X"
    r"|\bthere\s+is\s+no\s+alternative\s+to\b|\bbelongs?\s+(?:in|on|into)\b"
    # "A speed limit is long overdue": it should have been done already
    r"|\b(?:is|are)\s+(?:(?:long|well|now|therefore|thus|clearly|surely)\s+)*(?:overdue|past due)\b"
    # "The pension system needs to be reformed" (a thing to be done), "Hands off our parks!"
    r"|\b(?:needs?|urgently\s+needs?)\s+to\s+be\s+\w+(?:ed|en)\b|^[\"'“‘(]*hands\s+off\b"
    r"|\b(?:has|have)\s+no\s+place\s+in\b"
    # "Fast fashion has to stop", "Something needs to change now" (not "The bus has to stop
    # at every corner")
    r"|\b(?:has|have|needs?)\s+to\s+(?:stop|end|go|change)\b(?=\s*[.!;]|\s*$|\s+(?:now|"
    r"immediately|at once|soon|for good)\b)"
    r"|\b(?:we|society|our society|the state|the city|the country)\s+(?:cannot|can't|can no longer)"
    # (not "We cannot afford to ignore X", which says that X matters, as "note that X" does)
    r"\s+afford\s+to\s+(?!(?:ignore|overlook|neglect|forget)\b)"
    # an option the writer prefers: "a lottery would be fairer than the current system", "it
    # would be better if..." (not "would be better off", "better for their health")
    r"|\bwould\s+be\s+(?:far\s+|much\s+|a lot\s+|even\s+)?(?:fairer|better|wiser|preferable|"
    r"more\s+(?:sensible|reasonable|just|appropriate))(?=\s+than\b|\s+if\b|\s*[.;!]|\s*$)"
    # where the money should go: "This money would be better spent on the youth centre"
    r"|\b(?:would|could)\s+be\s+(?:far\s+|much\s+|a lot\s+)?better\s+(?:spent|used|invested)"
    r"\s+(?:on|in|for|to)\b"
    # a proposal put as a question: "Why not just make public transport free?"
    r"|^[\"'“‘(]*(?:so\s+|then\s+)?why\s+(?:not|don't\s+we|do\s+we\s+not|can't\s+we|"
    r"couldn't\s+we)\b(?=.*\?[\"'”’)\s]*$)",
    re.IGNORECASE,
)
# Modals that are not a norm of the sentence: "It should be noted that X", "It should be taken
# into account that X" (the writer points at X, and asks nothing to be done), and "should" with
# its subject after it, a condition ("..., should the unrest get worse") or a question
#: A question reported as the one at issue: "Many schools are discussing whether phones should be
#: banned", "The council is deciding if..." (the modal in it is asked about, not asked for)
_ISSUE = re.compile(
    r"\b(?:discuss(?:es|ed|ing)?|debat(?:e|es|ed|ing)|ask(?:s|ed|ing)?|wonder(?:s|ed|ing)?|"
    r"decid(?:es|ed|ing)|argu(?:e|es|ed|ing)\s+(?:about|over)|the\s+question\s+(?:is\s+)?)\s+"
    r"(?:about\s+|over\s+)?(?:whether|if)\b[^.;:!?]*"
    # "Many people ask why they should pay": a question others ask, not a call of the writer's
    r"|\bask(?:s|ed|ing)?\s+(?:themselves\s+)?why\b[^.;:!?]*",
    re.IGNORECASE,
)
_NOT_A_NORM = re.compile(
    _ISSUE.pattern + r"|"
    r"\b(?:it|this)\s+(?:should|must)\s+(?:also\s+)?be\s+(?:noted|taken into account|"
    r"mentioned|remembered|stressed|emphasi[sz]ed|pointed out|borne in mind|kept in mind|"
    r"underlined|recalled)\s+that\b"
    r"|\bshould(?=\s+(?:the|a|an|this|that|these|those|it|they|he|she|there|we|you|i)\b)",
    re.IGNORECASE,
)
_VERDICT = (
    # "just" as a verdict closes its clause ("is just", "is just and fair"), where "is just as
    # good", "is just a phase" only weaken the words after it
    r"(?:right|wrong|fair|unfair|just(?=\s*(?:[.,;:!?)]|$|and\b|or\b|nor\b))|unjust|justified|"
    r"unjustified|justifiable|unjustifiable|"
    r"necessary|unnecessary|desirable|undesirable|sensible|wise|unwise|irresponsible|"
    r"responsible|appropriate|inappropriate|pointless|acceptable|unacceptable|legitimate|"
    r"reasonable|unreasonable|absurd|essential|indispensable|harmful|beneficial|cruel|"
    r"inhumane|humane|short-sighted|shortsighted|misguided|wrong-headed|wrongheaded|"
    r"ill-conceived|ill-advised|hypocritical|excessive|disproportionate|outrageous|"
    r"futile|senseless|nonsensical|ridiculous|reckless|discriminatory|undemocratic|"
    r"unconstitutional|inexcusable|indefensible|scandalous|shameful|disgraceful|deplorable|"
    r"laudable|commendable|praiseworthy|welcome|worthwhile|advisable|inadvisable|"
    r"outdated|obsolete|antiquated|anachronistic|paternalistic|patronising|patronizing|"
    r"exaggerated|overblown|misplaced|wasteful|overkill|"
    r"sustainable|unsustainable|ethical|unethical|moral|immoral|practicable|impracticable|"
    r"feasible|unfeasible|infeasible|viable|unviable|realistic|unrealistic|counterproductive|"
    r"an? (?:(?:big|serious|grave|huge|terrible|great|costly|bad|historic)\s+)?(?:mistake|error)|"
    r"an? (?:(?:very|really|truly)\s+)?(?:good|bad|excellent|great|brilliant|terrible|poor|"
    r"wonderful|sensible|smart|stupid|silly|dangerous|foolish|fine|sound|clever) idea|a good thing|a bad thing|(?:long )?overdue|the right way|"
    r"the best thing|the worst thing|needed|a nuisance|"
    r"the (?:wrong|right) (?:place|time|moment|priority|lesson|conclusion)|"
    r"an? (?:good|great|real|unique|golden|huge|big) (?:opportunity|chance)|a luxury|a burden|a blessing|a curse|the (?:right |only |best |real )?(?:answer|solution)|"
    r"the (?:best|wrong) (?:way|approach|path)|the right approach|the way (?:forward|to go)|"
    r"a step in the (?:wrong|right) direction|an? (?:(?:heavy|severe|serious|major|real|bitter)\s+)?blow to|"
    r"an? (?:(?:very|truly|really)\s+)?(?:sensible|good|wise|right|logical|necessary|welcome|bold|"
    r"reasonable|bad|wrong|foolish) (?:step|move|measure|decision|choice)|"
    r"a (?:(?:big|huge|major|great|first|small|important|decisive|real)\s+)?step (?:backwards?|forward)|"
    r"overrated|(?:long )?past due|a (?:good|fair|sensible|reasonable|workable) compromise|"
    r"the (?:fairest|simplest|most sensible|most effective|cheapest) (?:solution|way|option|choice)|"
    r"a waste of (?:\w+\s+)?(?:money|time|resources)|"
    r"a (?:(?:complete|total|huge|pure|sheer)\s+)?waste(?=\s*[.!;]|\s*$)|a disgrace|a scandal|"
    r"out of the question|the (?:right|wrong) (?:decision|step|move|call|thing to do))"
)
_EVALUATIVE = re.compile(
    r"\b(?:is|are|was|were|be|seems|remains)\s+(?:(?:not|no longer|quite|very|entirely|simply|"
    r"clearly|hardly|really|most|more|less|absolutely|certainly|therefore|thus|hence|also|"
    r"still|urgently|badly)\s+)*"
    # "are cruel and unnecessary": a verdict after another adjective
    r"(?:[a-z]+\s+and\s+)?" + _VERDICT + r"\b"
    # "I think", "I strongly believe", "I really don't think" (an adverb of the writer's own)
    r"|\bI\s+(?:(?:really|honestly|strongly|firmly|truly|sincerely|personally|also|still|just|"
    r"simply|therefore|thus|do)\s+)*(?:(?:do\s+not|don't|don’t)\s+(?:really\s+)?)?"
    r"(?:think|believe|argue|find|hold|maintain|contend|am convinced)\b"
    r"(?!\s+(?:of|about)\b)"
    # "I really don't see why anyone would want a landline": the writer rejects it
    r"|\bI\s+(?:really\s+|honestly\s+|simply\s+|just\s+)?(?:do not|don't|don’t|cannot|can't|"
    r"fail to)\s+see\s+(?:why|how|the point|any (?:reason|point|need))\b"
    # "I see no reason to ban fireworks": the writer rejects it
    r"|\bI\s+(?:really\s+|simply\s+|just\s+)?see\s+no\s+(?:good\s+)?(?:reason|point|need)\b"
    # "I disagree.", "I do not share this view.": the writer rejects a view
    # "Nobody needs a new phone every year": the thing is unnecessary
    r"|^[\"'“‘(]*(?:nobody|no one|no-one)\s+(?:really\s+)?needs\b"
    r"|\bI\s+(?:disagree|(?:do not|don't|cannot|can't)\s+(?:agree|share\s+(?:this|that|the|their|"
    r"such an?)\s+(?:view|opinion|belief)))\b"
    r"|\bit\s+is\s+(?:quite\s+|very\s+|abundantly\s+|perfectly\s+)?(?:clear|obvious|evident)"
    r"\s+that\b"
    r"|\bcan(?:not|'t)?\s+(?:\w+\s+)?be\s+(?:accepted|tolerated|justified|desired|allowed)\b"
    r"|\bin my (?:view|opinion)\b|\bwe (?:need|must|should|ought)\b"
    # "There is no good reason to keep the death penalty", "There is every reason to try it"
    r"|\bthere\s+is\s+(?:simply\s+|really\s+|absolutely\s+)?(?:no|every)\s+(?:good\s+|real\s+|"
    r"valid\s+|convincing\s+|sound\s+|compelling\s+|serious\s+)?(?:reason|need|excuse|"
    r"justification)\s+(?:to|for|why)\b"
    # "A lower drinking age would only make things worse": the writer's verdict on a measure
    r"|\b(?:would|will)\s+(?:only\s+|just\s+|simply\s+|merely\s+)?make\s+(?:\w+\s+){0,3}?"
    r"(?:even\s+|much\s+|far\s+)?worse\b"
    # "would be a disaster", "deserves a chance"
    r"|\b(?:is|are|would be|will be)\s+(?:a\s+|an\s+absolute\s+)?(?:disaster|catastrophe|disastrous|"
    r"catastrophic)\b|\bdeserves?\b"
    # "does more harm than good", "harms more than it helps"
    r"|\b(?:do|does|did|would do|will do)\s+(?:\w+\s+){0,3}?more\s+(?:harm|damage|good)\s+than\s+"
    r"(?:good|harm)\b"
    r"|\bharms?\s+more\s+than\s+(?:it|they)\s+helps?\b"
    # "Free breakfast at schools pays off": it is worth what it costs
    r"|\bpays?\s+off(?=\s*[.!;]|\s*$|\s+in\s+the\s+(?:long\s+run|end)\b)"
    # "Fewer exams would do pupils a lot of good": the writer's verdict on a measure
    r"|\b(?:would|will|could)\s+do\s+(?:\w+\s+){0,3}?(?:a lot of\s+|a world of\s+|"
    r"a great deal of\s+|much\s+|more\s+|no\s+|little\s+)?(?:good|harm)\b"
    # "This is far too early", "a ban would go much too far" (not "too many", "too often")
    r"|\b(?:is|are|was|were|be|seems|go|goes)\s+(?:(?:much|far|way|simply|clearly|also|still)\s+)?"
    r"too\s+(?!many\b|much\b|often\b|long\b|few\b)\w+\b(?!\s+to\s+\w)"
    # ("too small to measure", "too heavy to lift": a degree, no verdict)
    # "Reopening it would be worth every cent" (not "worth the licence fee": a price)
    r"|\b(?:is|are|be)\s+(?:not\s+|well\s+|really\s+)?worth\s+(?:it\b|every\s+(?:cent|penny|"
    r"euro|dollar)\b|(?:the|its|their)\s+(?:money|cost|price|effort|risk|trouble)\b|a\s+(?:try|shot)\b|trying\b|"
    r"considering\b)"
    # "Cutting it sends the wrong signal", "The new rules go in the right direction"
    r"|\bsends?\s+(?:out\s+)?(?:the|a)\s+(?:wrong|right|clear|bad|good|fatal|dangerous)\s+"
    r"(?:signal|message)\b|\b(?:go|goes|point|points)\s+in\s+the\s+(?:right|wrong)\s+direction\b"
    # "It makes no sense to ban fireworks", "A deposit would make a lot of sense"
    r"|\bmakes?\s+(?:no|little|much|a lot of|perfect|good)?\s*sense\b"
    # "I am against such taxes", "I'm in favour of a four-day week"
    r"|\bI(?:\s+am|'m)\s+(?:(?:strongly|firmly|therefore|thus|also|clearly|all|fully|very much|"
    r"definitely|totally|completely|entirely|absolutely|really|personally)\s+)?"
    r"(?:against|opposed to|in favou?r of|for(?!\s+(?:the\s+first|a\s+while|now|once|example|"
    r"instance|years|hours|days|weeks|months)\b))\b"
    # "I support the plan", "I welcome the decision", "I oppose the new centre"
    r"|\bI\s+(?:(?:do\s+not|don't|don’t|strongly|firmly|fully|therefore|also|clearly)\s+)?"
    r"(?:support|oppose|welcome|reject)\b"
    # "Free entry has proved its worth"
    r"|\b(?:has|have)\s+(?:already\s+|clearly\s+)?proved\s+(?:its|their)\s+worth\b"
    # "The benefits clearly outweigh the costs", "Daylight saving time has had its day"
    r"|\boutweighs?\b|\b(?:has|have)\s+had\s+(?:its|their)\s+day\b"
    # "X has no place in a modern state", "Zoos still have a place": a verdict on X's standing
    r"|\b(?:has|have)\s+(?:still\s+)?(?:no|a|its|their)\s+(?:rightful\s+)?place\s+"
    r"(?:in|at|among)\b"
    # "We would be better off without X"; "I'd rather see the money spent on X", "I would
    # prefer a tax": the writer's preference
    r"|\bwould\s+be\s+(?:much\s+|far\s+|a lot\s+)?better\s+off\s+(?:without|with)\b"
    r"|\bI(?:'d|\s+would)\s+(?:much\s+|far\s+)?(?:rather|prefer|like\s+to\s+see)\b",
    re.IGNORECASE,
)
# Openers that add a reason to something said elsewhere. Subordinating ones ("Because X, Y",
# "Since X, Y", "Due to X, Y") are left out: their main clause may well be the claim.
_PREMISE_OPENING = re.compile(
    # "For these reasons" draws a conclusion: no premise opening
    r"^[\"'“‘(]*(?:for(?!\s+(?:all\s+)?(?:this|these|those|that|the above)\s+reasons?\b)|"
    r"after all|besides|moreover|furthermore|further|"
    r"in addition|additionally|also|plus|on top of that|what's more|first|firstly|second|"
    r"secondly|third|thirdly|finally|for example|for instance|e\.g\.|indeed|not least)\b"
    # a numbered list item ("1. Shift workers depend on it.") is one reason of a list
    r"|^" + LIST_ITEM,
    re.IGNORECASE,
)
#: the number that opens a list item ("1. ", "2) ", "(3) "): no evidence, no sentence
LIST_NUMBER = re.compile(LIST_ITEM)
# A word of the subject before a reporting verb is no modal: "Parents should insist that X",
# "The council must demand that X" say what should be done, they report nobody's view
_NOT_A_MODAL = r"(?!(?:should|must|ought|shall|would|could|can|cannot|will|need|has to|have to)\b)"
# The openers of a view given as someone else's: "Some say", "Critics", "One could argue"
_REPORTED = (
    r"some (?:people )?(?:may|might|say|argue|think|claim|believe|worry|find|regard)|"
    r"many (?:people )?(?:say|argue|think|claim|believe)|"
    # "Many animal rights activists say no"
    r"(?:some|many|most) (?:[a-z]+ ){1,3}?say (?:no|yes)\b|"
    # "Many people find hunting cruel" (not "Many people find work in the cities")
    r"many (?:people )?find(?=\s+(?:that\b|it\b|[^,.;:!?]{1,60}?\b"
    + _VERDICT
    + r"))|critics|opponents|proponents|"
    r"supporters|one (?:could|might|may) (?:argue|object|say|think)|it (?:could|might|may) be "
    r"(?:argued|objected|said)|some (?:people |experts |politicians )?have (?:\w+ )?(?:suggested|"
    r"argued|proposed|claimed|said|demanded|called for)|"
    # "It has been proposed that pupils should repeat a year": a proposal of others
    r"it has (?:often |recently |repeatedly )?been (?:proposed|suggested|argued|claimed|said|"
    r"demanded) that|"
    # "One often hears that X", "You sometimes read that X"
    r"(?:one|you|we) (?:often |sometimes |frequently |always )?(?:hears?|reads?) (?:that|it said)"
)
_CONCESSION_OPENING = re.compile(
    r"^[\"'“‘(]*(?:admittedly|granted|of course|sure|certainly|true|it is true|it's true|"
    r"even if|even though|no doubt|yes(?=\s*,)|" + _REPORTED + r")\b",
    re.IGNORECASE,
)
# "X, though." grants X (as "Admittedly, X" would): the sentence is a concession.
_CONCESSION_CLOSING = re.compile(r",\s*though\s*[.!]?[\"'”’)]*\s*$", re.IGNORECASE)
#: A view reported as someone else's ("Beekeepers often say that X", "The ministry claims that
# X"; not the writer's own "I think that", "We believe that"): a contrast after it answers it
REPORTED_VIEW = re.compile(
    r"^[\"'“‘(\s]*"
    r"(?!(?:i|we)\b)(?:" + _NOT_A_MODAL + r"[\w'’-]+\s+){1,5}?(?:often\s+|sometimes\s+|also\s+|"
    r"usually\s+|"
    r"still\s+|may\s+|might\s+|will\s+|would\s+)?(?:say|says|argue|argues|claim|claims|"
    r"believe|believes|think|thinks|insist|insists|maintain|maintains|object|objects|"
    r"complain|complains|point out|points out|fear|fears|worry|worries|doubt|doubts|said|"
    r"argued|claimed|believed|thought|feared|worried|predicted|warned)\s+"
    # "that" may be left out before a clause: "Shop owners feared they would lose customers"
    r"(?:that\b|(?=(?:they|it|he|she|we|this|there)\s+(?:will|would|could|might|may|can|is|are|"
    r"was|were|should|must|had|have|has)\b)"
    # or before a subject of a noun: "Riders say the roads are too dangerous for them"
    r"|(?=(?:the|a|an|this|these|such|our|their|its|his|her)\s+(?:[\w'’-]+\s+){1,2}?(?:will|"
    r"would|could|might|may|can|cannot|is|are|was|were|should|must|had|have|has)\b)"
    # or a plural noun with no article: "Animal rights groups say zoos should be closed"
    r"|(?=[a-z][\w'’-]*s\s+(?:will|would|could|might|can|cannot|are|were|should|must|ought)\b))",
    re.IGNORECASE,
)
#: "Latin is a dead language, one might argue, and therefore useless.": a view given as someone
#: else's by a comment inside it, as "One might argue that X" gives it
VIEW_INSIDE = re.compile(
    r"^[^,.;]{1,80},\s+(?P<m>(?:one|you|some|many|critics|opponents|people)\s+(?:might\s+|may\s+|"
    r"could\s+|would\s+|will\s+|often\s+)?(?:argue|say|claim|object|think)s?)\s*,",
    re.IGNORECASE,
)
# The reported views a sentence opens with (as "concession-opening" knows them, and as
# REPORTED_VIEW does), whose stand is theirs; not a clause that sets a condition or concedes
# ("Even if many think that X, we should Y": the main clause is the writer's)
_REPORTED_OPENING = re.compile(
    r"^[\"'“‘(]*(?:(?:" + _REPORTED + r")\b"
    # "Higher taxes on meat are often proposed", "It is often said that X", "Video games are
    # often blamed for violence": a view others hold, in the passive
    r"|[^,.;:!?]{0,80}?\b(?:is|are)\s+(?:often|frequently|repeatedly|sometimes|widely|"
    r"increasingly|commonly)\s+(?:said|claimed|argued|proposed|suggested|demanded|called for|"
    r"blamed|praised|criticised|criticized|seen as|regarded as)\b"
    # "Some politicians want to lower the speed limit", "The city plans to sell the pool": a
    # proposal of others, which the writer then judges
    r"|(?:some|many|the|our|a few)\s+(?:" + _NOT_A_MODAL + r"[\w'’-]+\s+){1,3}?(?:(?:want|wants|"
    r"plan|plans|intend|"
    r"intends)\s+to|(?:is|are)\s+(?:planning|intending)\s+(?:to\b|an?\b|the\b)|"
    r"(?:has|have)\s+decided\s+to|(?:is|are)\s+considering|propose|proposes|"
    r"demand|demands|call for|calls for|are calling for|"
    # "Some farmers are against a national park": a position others take
    r"(?:are|is)\s+(?:against|opposed to|in favou?r of))\b)",
    re.IGNORECASE,
)
_SUBORDINATE_OPENING = re.compile(
    r"^[\"'“‘(]*(?:even if|even though|if|although|though|while|whereas|when|because|since|"
    r"unless)\b",
    re.IGNORECASE,
)
# Where the writer turns from the view reported to their own ("Some worry about X, but this
# should rather be addressed by Y")
_TURN = re.compile(r"[,;:]\s*(?:but|yet|however|though)\b|\s(?:but|however)\b", re.IGNORECASE)
#: A reply that denies the view before it outright ("This is wrong.", "But they are mistaken.",
#: "I disagree.")
DENIAL = re.compile(
    r"^[\"'“‘(]*(?:but\s+)?(?:(?:(?:this|that|such (?:a )?)\s*(?:view|claim|belief|argument|idea|"
    r"fear)|this|that|it|they)\s+"
    r"(?:is|are)\s+(?:simply\s+|just\s+|plainly\s+|quite\s+|completely\s+)?(?:wrong|not true|"
    r"untrue|false|nonsense|a myth|not the case|mistaken|incorrect|unfounded|groundless|baseless|"
    # "This view is not supported by the evidence"
    r"not (?:supported|borne out) by (?:the |any )?(?:evidence|facts|figures|research|data))\b"
    r"|(?:this|that|such (?:a )?)\s*(?:view|claim|belief|argument|idea)\s+(?:does not|doesn't)\s+"
    r"hold(?:\s+up)?\b"
    r"|i (?:do not|don't|cannot|can't) (?:agree|think so|believe so|"
    r"share (?:this|that|the|their|such an?) (?:view|opinion|belief))\b"
    # "I am not convinced.", "I doubt it.": the writer does not take the view up
    r"|i(?: am|'m|’m) not (?:(?:at all|really|so|entirely|fully|quite)\s+)?(?:convinced|"
    r"persuaded|so sure)\b|i (?:very much |rather |seriously )?doubt (?:it|that|this)\b"
    r"|i disagree\b|nothing could be further from the truth\b)",
    re.IGNORECASE,
)
_YES = re.compile(r"^[\"'“‘(]*yes\s*,", re.IGNORECASE)
# The writer speaking ("I am against...", "But I think...", "Personally, I...")
_FIRST_PERSON = re.compile(
    r"^[\"'“‘(]*(?:(?:but|however|yet),?\s+)?(?:personally,?\s+)?i\b", re.IGNORECASE
)
# A verdict on what the sentence before says ("This is a mistake.", "That must stop.")
_VERDICT_ON_IT = re.compile(
    r"^[\"'“‘(]*(?:(?:this|that)(?:\s+(?!is\b|was\b)\w+)?|such\s+\w+|these\s+\w+)\s+(?:is|are|was|would be|will be|seems|"
    r"remains|must|should|has to|cannot|can't)\b",
    re.IGNORECASE,
)
# Openers that come back to the author's own position after granting something.
_RETURN_OPENING = re.compile(
    r"^[\"'“‘(]*(?:still|nevertheless|nonetheless|even so|all the same|despite (?:this|that))\b",
    re.IGNORECASE,
)
#: A reply that grants the view before it, then turns from it: "That may be, but...", "That is
#: true, but...", "True, but..."
_GRANTED_BUT = re.compile(
    r"^[\"'“‘(]*(?:(?:that|this|it)\s+(?:may|might)\s+(?:well\s+)?be(?:\s+(?:true|so|right))?|"
    r"(?:that|this|it)(?:\s+is|'s)\s+(?:certainly\s+|partly\s+)?(?:true|right|correct)|"
    r"true|maybe so|perhaps so|fair enough)\s*,\s*but\b",
    re.IGNORECASE,
)
_CONTRAST_OPENING = re.compile(r"^[\"'“‘(]*(?:but|however|yet)\b(?!\s+also\b)", re.IGNORECASE)
# Openers that turn from a view reported before to the writer's own
_TURN_OPENING = re.compile(
    r"^[\"'“‘(]*(?:but|yet|however|still|nevertheless|nonetheless|even so|all the same)\b",
    re.IGNORECASE,
)
# "Since X, Y" / "Because X, Y": the reason first, then the claim drawn from it.
_REASON_FIRST = re.compile(
    # not a "since" of time ("Since last year, shops ...")
    r"^[\"'“‘(]*(?:since(?!" + lexicon.TEMPORAL_AFTER_SINCE.pattern + r")|because|given that)\b"
    r"(?!\s+\d)[^,;]*,",
    re.IGNORECASE,
)
# A sentence opening with one of these answers the one before (not "But also ...": that adds).
_ANSWER_OPENING = re.compile(r"^[\"'“‘(]*(?:but|however|yet)\b(?!\s+also\b)", re.IGNORECASE)
# A clause that concedes or sets a condition: a following "But" may answer it, not its sentence.
_OWN_CONCESSION = re.compile(
    r"\b(?:unless|although|though|even if|even though|whereas|admittedly|granted)\b", re.IGNORECASE
)
_ANAPHORIC_OPENING = re.compile(r"^[\"'“‘(]*(?:this|these|such|they)\b", re.IGNORECASE)
#: the features of a sentence that takes a stand (what should be done, what is right; or
#: what the writer announces as their conclusion: "In conclusion, ...")
_STANCE = frozenset({"normative", "evaluative", "summary-indicator"})
#: the features of a sentence whose stand is not the writer's own
_NOT_OWN = frozenset({"concession-opening", "concession-closing", "question"})
_BYLINE = re.compile(r"^(?:by|written by|author:|\u00a9|copyright)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the text: its number (from 1), text, cues and sentences."""

    n: int
    text: str
    cues: tuple[Cue, ...]
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One sentence scored as the main conclusion, with the features that made its score."""

    paragraph: int
    index: int  # the sentence's position in its paragraph, from 0
    text: str
    start: int  # offsets into the paragraph's text
    end: int
    score: float
    #: the features that fired, each with how many times it counts
    features: tuple[tuple[str, int], ...]

    @property
    def why(self) -> tuple[str, ...]:
        """The features that fired with their weighted scores (``"normative +2.0"``), in
        :data:`WEIGHTS` order; made when asked for (most candidates never are)."""
        return tuple(
            f"{name} {signed(WEIGHTS[name] * times)}"
            for name, times in _sorted_features(list(self.features))
        )


@dataclass
class CueReport:
    """Everything ``argmap cues`` shows: paragraphs with cues, the ranking, the guess."""

    paragraphs: list[Paragraph]
    ranking: Ranking = field(default_factory=lambda: Ranking([]))

    @property
    def guess(self) -> Candidate | None:
        """The sentence guessed as the main conclusion (``None`` for an empty text)."""
        return self.ranking[0] if self.ranking else None

    def to_dict(self, ranking_size: int = RANKING_SIZE) -> dict[str, Any]:
        """The JSON form of ``argmap cues --format json``."""
        guess = self.guess
        return {
            "paragraphs": [
                {
                    "n": p.n,
                    "text": p.text,
                    "cues": [
                        {"kind": c.kind, "text": c.text, "start": c.start, "end": c.end}
                        for c in p.cues
                    ],
                }
                for p in self.paragraphs
            ],
            "conclusion_guess": guess.paragraph if guess else None,
            "conclusion_text": guess.text if guess else None,
            "ranking": [
                {
                    "paragraph": c.paragraph,
                    "sentence": c.index + 1,
                    "text": c.text,
                    "score": round(c.score, 2),
                    "why": list(c.why),
                }
                for c in self.ranking[:ranking_size]
            ],
        }


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a text: its non-empty lines, stripped (paragraph N is line N of them)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def analyse(text: str) -> CueReport:
    """Number the paragraphs, mark the cues, split and rank the sentences."""
    bodies = paragraphs_of(text)
    found = lexicon.find_each(bodies)
    for i, body in enumerate(bodies):
        if (marker := LIST_NUMBER.match(body)) and found[i]:
            # a list item's number is no figure of evidence
            found[i] = tuple(c for c in found[i] if c.start >= marker.end())
    paragraphs = [
        Paragraph(n, body, cues, tuple(split_sentences(body)))
        for n, (body, cues) in enumerate(zip(bodies, found, strict=True), start=1)
    ]
    report = CueReport(paragraphs)
    report.ranking = rank(paragraphs)
    return report


class Ranking(Sequence[Candidate]):
    """Every sentence of a text as a :class:`Candidate`, best first (ties: earlier first).

    A candidate is made when asked for: the ranking keeps, per sentence, where it
    is and the (shared) features that fired, so a text of 100,000 one-line
    paragraphs holds four small arrays, not 100,000 objects.
    """

    __slots__ = (
        "_body",
        "_numbers",
        "_first",
        "_paragraph",
        "_sentence",
        "_features",
        "_scores",
        "_order",
    )

    def __init__(self, body: list[Paragraph]) -> None:
        self._body = body
        self._numbers = array("l", (p.n for p in body))  # each paragraph's number, ascending
        self._first = array("l")  # each paragraph's first sentence (text order)
        self._paragraph = array("l")  # per sentence in text order: its paragraph's place in body
        self._sentence = array("l")  # and its place in that paragraph
        self._features: list[tuple[tuple[str, int], ...]] = []
        self._scores: dict[tuple[tuple[str, int], ...], float] = {}  # of each features tuple
        self._order = array("l")  # sentences (text order) best first

    def __len__(self) -> int:
        return len(self._order)

    @overload
    def __getitem__(self, i: int) -> Candidate: ...

    @overload
    def __getitem__(self, i: slice) -> list[Candidate]: ...

    def __getitem__(self, i: int | slice) -> Candidate | list[Candidate]:
        if isinstance(i, slice):
            return [self._candidate(k) for k in self._order[i]]
        return self._candidate(self._order[i])

    def __iter__(self) -> Iterator[Candidate]:
        return (self._candidate(k) for k in self._order)

    def paragraphs(self) -> list[int]:
        """The numbers of the paragraphs that have a candidate, in text order."""
        return list(self._numbers)

    def best_in(self, n: int) -> Candidate:
        """The best candidate of paragraph ``n`` (the first of its sentences in the ranking)."""
        place = bisect_left(self._numbers, n)
        if place == len(self._numbers) or self._numbers[place] != n:
            raise KeyError(n)
        low = self._first[place]
        high = self._first[place + 1] if place + 1 < len(self._first) else len(self._features)
        best = max(range(low, high), key=lambda k: (self._scores[self._features[k]], -k))
        return self._candidate(best)

    def _candidate(self, k: int) -> Candidate:
        paragraph = self._body[self._paragraph[k]]
        index = self._sentence[k]
        sentence = paragraph.sentences[index]
        features = self._features[k]
        return Candidate(
            paragraph.n,
            index,
            sentence.text,
            sentence.start,
            sentence.end,
            self._scores[features],
            features,
        )


def rank(paragraphs: list[Paragraph]) -> Ranking:
    """Every sentence as a :class:`Candidate`, best first (ties: earlier first)."""
    body = [p for p in paragraphs if p.sentences]
    while len(body) > 1 and _is_byline(body[-1]):
        body.pop()
    if len(body) > 1 and _is_title(body[0]):
        body.pop(0)  # a heading is not a sentence of the argument
    ranking = Ranking(body)
    if not body:
        return ranking
    first_n, last_n = body[0].n, body[-1].n
    first_sentence = (first_n, opening_reply(body[0].sentences))
    last_sentence = (last_n, len(body[-1].sentences) - 1)
    shared: dict[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]] = {}
    stances = 0
    asked = False  # whether the sentence before asks
    asked_for = ""  # the stand it asks about ("Should the town sell its forest?": normative)
    # whether the sentence before gives a view as others' (or concedes one) after the writer
    # has taken a stand: the reply to it defends that stand
    objected = False
    for place, paragraph, index, sentence, low, high in _sentences_with_cues(body):
        fired = _features(sentence, list(paragraph.cues[low:high]))
        if objected and (
            any(name == "contrast-opening" for name, _ in fired) or _GRANTED_BUT.match(sentence.text)
        ):
            fired.append(("rebuttal", 1))
        if asked and _YES.match(sentence.text):
            # "Should we? Yes, we should.": an answer, not a concession
            fired = [f for f in fired if f[0] != "concession-opening"]
        if asked_for and _BARE_ANSWER.match(sentence.text):
            # "Should the town sell its forest? No.": the answer takes the stand asked about
            fired.append((asked_for, 1))
        asked = is_question(sentence.text)
        asked_for = _stand_asked(sentence.text) if asked else ""
        names = {name for name, _ in fired}
        objected = bool(stances) and (
            "concession-opening" in names or is_reported_view(sentence.text)
        )
        # a stand the writer takes: not one granted to the other side, nor asked
        stances += bool(names & _STANCE and not names & _NOT_OWN)
        if _is_answered(sentence, _next_sentence(body, place, index)):
            fired.append(("answered", 1))
        if (paragraph.n, index) == first_sentence:
            fired.append(("first-sentence", 1))
            if index:
                # a reply ("I disagree.", "I don't think so.") takes its content from what it
                # answers: it is not marked down as short
                fired = [f for f in fired if f[0] not in ("short", "contrast-opening")]
        if (paragraph.n, index) == last_sentence:
            fired.append(("last-sentence", 1))
        if paragraph.n == first_n:
            fired.append(("first-paragraph", 1))
        if paragraph.n == last_n:
            fired.append(("last-paragraph", 1))
        # in a text of one paragraph, these would only repeat first- and last-sentence
        if len(body) > 1 and index == 0:
            fired.append(("paragraph-opening", 1))
        if len(body) > 1 and index == len(paragraph.sentences) - 1:
            fired.append(("paragraph-closing", 1))
        # most sentences share their few features (and so their score): one object each
        features = tuple(fired)
        if index == 0:
            ranking._first.append(len(ranking._features))
        ranking._paragraph.append(place)
        ranking._sentence.append(index)
        ranking._features.append(shared.setdefault(features, features))
    least = MIN_STANCES if len(body) > 1 else MIN_STANCES_ONE_PARAGRAPH
    # sentences by score, each list in text order: a stable sort with no object per sentence
    by_score: dict[float, array[int]] = {}
    for k, features in enumerate(ranking._features):
        if stances >= least and not any(name in _STANCE for name, _ in features):
            # a plain statement of fact in a text that says, again and again, what should be done
            factual = features + (("factual", 1),)
            features = ranking._features[k] = shared.setdefault(factual, factual)
        score = ranking._scores.get(features)
        if score is None:
            score = ranking._scores[features] = sum(WEIGHTS[name] * n for name, n in features)
        if score not in by_score:
            by_score[score] = array("l")
        by_score[score].append(k)
    # best first; ties keep text order, the earlier sentence first
    for score in sorted(by_score, reverse=True):
        ranking._order.extend(by_score.pop(score))
    return ranking


#: An answer that is only yes or no ("No.", "Definitely not!", "Yes, of course.")
_BARE_ANSWER = re.compile(
    r"^[\"'“‘(]*(?:no|yes|definitely|certainly|absolutely|of course|clearly)"
    r"(?:\s+not)?(?:\s*,\s*(?:of course|definitely|certainly)(?:\s+not)?)?\s*[.!]+[\"'”’)]*$",
    re.IGNORECASE,
)


def _stand_asked(question: str) -> str:
    """The stand a question asks about: "normative", "evaluative" or "" (none)."""
    text = lexicon.normalize(question)
    # ("Should the town sell...?": the modal before its subject, which a statement would not have)
    if re.match(r"[\"'“‘(]*(?:should|must|ought|shall)\b", text, re.IGNORECASE) or _is_norm(text):
        return "normative"
    return "evaluative" if _EVALUATIVE.search(text) else ""


def opening_reply(sentences: Sequence[Sentence]) -> int:
    """Which sentence of the first paragraph states the thesis as a reply to how the text
    opens (0: none does, the text opens on its own point).

    A text that opens with its question ("Should students pay fees? I don't think so."), with
    a view it denies or answers in the writer's own voice ("Many think that X. This is
    wrong."; after one sentence of background: "Parties get public money. Some think that
    this is a waste. I do not share this view.") or with a plain fact the next sentence
    judges ("Many schools use tablets. This is a mistake.") states its thesis in the reply.
    """
    if len(sentences) < 2:
        return 0
    opening, reply = sentences[0].text, lexicon.normalize(sentences[1].text)
    if is_question(opening) or _ISSUE.search(lexicon.normalize(opening)):
        # "Are zoos still needed? Many activists say no. But zoos are still needed.": the answer
        # is the writer's, not the view reported between
        if len(sentences) > 2 and is_reported_view(reply) and _turns(sentences[2].text):
            return 2
        return 1
    if is_reported_view(opening):
        # "Many people find hunting cruel. Yet it is still needed.": the writer turns from it
        # "The town plans to cut down the trees. That would be a serious mistake.": judged
        return 1 if _rejects(reply) or _turns(reply) or _judges(reply) else 0
    plain = lexicon.normalize(opening)
    if _is_norm(plain) or _EVALUATIVE.search(plain):
        return 0  # the text opens on a stand of its own
    # "Many schools have replaced textbooks with tablets. This is a step in the wrong
    # direction.": a plain fact, then the writer's verdict on it
    # "Nobody likes to pay the licence fee. Still, it is necessary.": granted, then turned from
    if _judges(reply) or (_RETURN_OPENING.match(reply) and _takes_stand(reply)):
        return 1
    if len(sentences) > 2 and is_reported_view(sentences[1].text):
        return 2 if _rejects(lexicon.normalize(sentences[2].text)) else 0
    return 0


#: the writer grants the view its due, then turns from it: "I understand their concern, but
#: zoos still play an important role", "I see the point, yet ..."
_GRANT_TURN = re.compile(
    r"^[\"'“‘(]*i\s+(?:can\s+|do\s+)?(?:understand|see|accept|respect|appreciate|share)\s+"
    r"(?:their|the|this|that|such|these|those|his|her|its|why)\b[^.;:!?]*?,\s*(?:but|yet)\s+\S",
    re.IGNORECASE,
)


_RATHER = re.compile(r"\b(?:should|must|ought to|could)\s+rather\b", re.IGNORECASE)


def _takes_stand(reply: str) -> bool:
    """Whether a sentence states a norm or a verdict of the writer's."""
    return bool(_is_norm(reply) or _EVALUATIVE.search(reply))


def _judges(reply: str) -> bool:
    """A verdict on what the sentence before says ("This is a mistake.", "That must stop.")."""
    return bool(_VERDICT_ON_IT.match(reply) and _takes_stand(reply))


def _turns(text: str) -> bool:
    """Whether a sentence turns from the one before it to a stand of the writer's."""
    reply = lexicon.normalize(text)
    return bool(_TURN_OPENING.match(reply) and _takes_stand(reply))


def _rejects(reply: str) -> bool:
    """A reply that denies the view before it, or answers it in the writer's own voice ("I am
    against such taxes.")."""
    return bool(
        DENIAL.match(reply)
        or (_FIRST_PERSON.match(reply) and (_EVALUATIVE.search(reply) or _GRANT_TURN.match(reply)))
    )


def _next_sentence(body: list[Paragraph], place: int, index: int) -> Sentence | None:
    """The sentence after sentence ``index`` of paragraph ``place``, across paragraphs."""
    sentences = body[place].sentences
    if index + 1 < len(sentences):
        return sentences[index + 1]
    return body[place + 1].sentences[0] if place + 1 < len(body) else None


def _is_answered(sentence: Sentence, after: Sentence | None) -> bool:
    """The next sentence opens by answering this one ("But ...", "However, ...", "Yet ..."),
    and this one holds no conceded or conditional clause the answer could be aimed at."""
    if after is None or not _ANSWER_OPENING.match(after.text):
        return False
    return not _OWN_CONCESSION.search(sentence.text)


def _sentences_with_cues(
    body: list[Paragraph],
) -> Iterator[tuple[int, Paragraph, int, Sentence, int, int]]:
    """Every sentence with its paragraph's place in ``body`` and the slice of the paragraph's
    cues (``low``, ``high``), in text order.

    Cues and sentences are both in text order: one pass over each, not one per pair; made
    one at a time, so a text of 100,000 one-line paragraphs holds no list of them all.
    """
    for place, paragraph in enumerate(body):
        first_cue = 0
        all_cues = paragraph.cues
        for index, sentence in enumerate(paragraph.sentences):
            while first_cue < len(all_cues) and all_cues[first_cue].start < sentence.start:
                first_cue += 1
            last_cue = first_cue
            while last_cue < len(all_cues) and all_cues[last_cue].start < sentence.end:
                last_cue += 1
            yield place, paragraph, index, sentence, first_cue, last_cue


@functools.lru_cache(maxsize=256)
def signed(value: float) -> str:
    """A weight as the docs write it: ``+2.0``, ``-0.5``, ``+0.25``."""
    text = f"{value:+.2f}"
    return text[:-1] if text.endswith("0") else text


_ORDER = {name: i for i, name in enumerate(WEIGHTS)}


def _sorted_features(fired: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(fired, key=lambda f: _ORDER[f[0]])


def is_normative(text: str) -> bool:
    """Whether a sentence says what should be done (the ``normative`` feature)."""
    return _is_norm(lexicon.normalize(text))


def _is_norm(normalized: str) -> bool:
    return bool(NORMATIVE.search(_NOT_A_NORM.sub("", normalized)))


def is_reported_view(text: str) -> bool:
    """Whether a sentence opens by giving a view as someone else's ("Some say that X",
    "Critics argue", "Beekeepers often say that X"), not in a clause that sets a condition or
    concedes ("Even if many think that X, Y")."""
    return bool(
        (_REPORTED_OPENING.match(text) or REPORTED_VIEW.match(text) or VIEW_INSIDE.match(text))
        and not _SUBORDINATE_OPENING.match(text)
    )


def _own_part(text: str) -> str:
    """What a sentence says after the writer turns from the view it reports ("" if nothing)."""
    turn = _TURN.search(text)
    return text[turn.end() :] if turn else ""


def is_question(text: str) -> bool:
    """Whether a sentence asks (ends with "?", before any closing quote or bracket); a
    proposal put as a question ("Why not make the buses free?") takes a stand instead."""
    return text.rstrip("\"'”’)] ").endswith("?") and not _PROPOSAL_QUESTION.match(text)


#: A proposal put as a question: "Why not just make public transport free?", "Why don't we
#: ...?" (not "Why do people ...?", which asks)
_PROPOSAL_QUESTION = re.compile(
    r"^[\"'“‘(]*(?:so\s+|then\s+)?why\s+(?:not|don't\s+we|do\s+we\s+not|shouldn't\s+we|"
    r"should\s+we\s+not|can't\s+we|couldn't\s+we|wouldn't\s+it\s+be)\b",
    re.IGNORECASE,
)


def _is_title(paragraph: Paragraph) -> bool:
    """A first line that is one unpunctuated phrase ("Why the city should keep its night buses")."""
    if len(paragraph.sentences) != 1:
        return False
    return not paragraph.text.rstrip("\"'”’)] ").endswith((".", "!", "?", "…", ":", ";"))


def _is_byline(paragraph: Paragraph) -> bool:
    return bool(_BYLINE.match(paragraph.text)) and len(paragraph.sentences) == 1


def _features(sentence: Sentence, cues: list[Cue]) -> list[tuple[str, int]]:
    text = lexicon.normalize(sentence.text)
    fired: list[tuple[str, int]] = []
    # a view given as someone else's takes no stand of the writer's, nor draws the writer's
    # conclusion ("Some have therefore suggested X"), but for what follows the writer's turn
    # from it ("Some worry about X, but this should be addressed by Y")
    stand = _own_part(text) if is_reported_view(text) else text
    own_from = sentence.start + len(text) - len(stand)  # where the writer's own part begins
    normative = _is_norm(stand) and not _RATHER.search(stand)
    evaluative = bool(_EVALUATIVE.search(stand))
    # "Young people cannot drive, so they depend on buses": a "so" inside a sentence that
    # takes no stand draws a fact from a fact, no conclusion of the text's
    indicators = [
        " ".join(c.text.lower().split())
        for c in cues
        if c.kind == lexicon.CONCLUSION_INDICATOR
        and c.start >= own_from
        and (normative or evaluative or c.start <= own_from + 1 or c.text.lower() != "so")
    ]
    if any(word in SUMMARY_INDICATORS for word in indicators):
        fired.append(("summary-indicator", 1))
    elif indicators:
        fired.append(("conclusion-indicator", 1))
    if normative:
        fired.append(("normative", 1))
    if evaluative:
        fired.append(("evaluative", 1))
    opening_premise = bool(_PREMISE_OPENING.match(text))
    if opening_premise:
        fired.append(("premise-opening", 1))
    elif _REASON_FIRST.match(text):
        fired.append(("reason-first", 1))
    elif (normative or evaluative) and any(c.kind == lexicon.PREMISE_INDICATOR for c in cues):
        # "Half the houses stand empty because they are holiday homes": a fact explained, no
        # claim backed
        fired.append(("claim-with-reason", 1))
    if _CONCESSION_OPENING.match(text):
        fired.append(("concession-opening", 1))
    elif _CONCESSION_CLOSING.search(text):
        fired.append(("concession-closing", 1))
    if _RETURN_OPENING.match(text):
        fired.append(("return-to-thesis", 1))
    if _CONTRAST_OPENING.match(text):
        fired.append(("contrast-opening", 1))
    if _ANAPHORIC_OPENING.match(text):
        fired.append(("anaphoric-opening", 1))
    asked = is_question(text)
    if asked:
        fired.append(("question", 1))
    evidence = sum(1 for c in cues if c.kind == lexicon.EVIDENCE)
    if evidence:
        fired.append(("evidence", min(evidence, MAX_EVIDENCE_CUES)))
    if len(text.split()) < 5:
        fired.append(("short", 1))
    if asked and (normative or evaluative):
        # a stand asked about ("Should students pay fees?") is not one the writer takes
        fired = [f for f in fired if f[0] not in ("normative", "evaluative")]
    return fired
