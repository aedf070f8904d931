"""The dialectic moves of ``argmap new --from``: each rule where it must fire and where it must not."""

from __future__ import annotations

import pytest

from argmap.teaching.clauses import split_clauses
from argmap.teaching.cues import analyse
from argmap.teaching.moves import Unit, draft, restates, source_of


def placed(text: str) -> dict[str, tuple[str, str]]:
    """Each unit's text -> (its kind, its parent's text)."""
    units = draft(analyse(text))
    return {u.text: (u.kind, _parent(units, u)) for u in units}


def _parent(units: list[Unit], unit: Unit) -> str:
    return "" if unit.parent is None else units[unit.parent].text


def parts(sentence: str) -> list[tuple[str, int | None, str]]:
    """The sentence's clauses: each one's text, the clause it hangs on and how."""
    return [(sentence[p.start : p.end], p.head, p.relation) for p in split_clauses(sentence)]


CLAIM = "Our town should build a new library."


def test_a_reported_opposing_view_is_an_objection_and_the_but_after_it_rebuts_it() -> None:
    got = placed(
        f"{CLAIM} Some parents argue that children read enough at school. "
        "But a library is open to everyone, also in the holidays."
    )
    objection = "Some parents argue that children read enough at school."
    assert got[objection] == ("objection", CLAIM)
    assert got["But a library is open to everyone, also in the holidays."] == (
        "rebuttal",
        objection,
    )


def test_a_however_after_the_writers_own_point_objects_to_the_conclusion() -> None:
    got = placed(
        f"{CLAIM} Books are expensive for many families. However, a new building costs a lot."
    )
    assert got["Books are expensive for many families."] == ("reason", CLAIM)
    assert got["However, a new building costs a lot."] == ("objection", CLAIM)


def test_a_view_reported_as_someone_elses_is_answered_by_the_however_after_it() -> None:
    view = "Beekeepers often say that the honeybee is in danger too."
    reply = "However, the number of honeybee colonies has risen since 1960."
    got = placed(f"{CLAIM} Books are expensive. {view} {reply}")
    assert got[view] == ("objection", CLAIM)
    assert got[reply] == ("rebuttal", view)
    got = placed(f"{CLAIM} Books are expensive. The ministry claims that few people read. {reply}")
    assert got["The ministry claims that few people read."] == ("objection", CLAIM)
    # must not fire: the writer's own view ("I think that"), or a report nothing answers
    mine = "I think that the honeybee is in danger too."
    got = placed(f"{CLAIM} Books are expensive. {mine} {reply}")
    assert got[mine] == ("reason", CLAIM)
    assert got[reply] == ("objection", CLAIM)
    got = placed(f"{CLAIM} Books are expensive. {view} Children love the old reading room.")
    assert got[view][0] == "reason"


def test_admittedly_and_yes_concede_and_the_plain_sentence_after_backs_the_concession() -> None:
    got = placed(
        f"{CLAIM} Yes, it's annoying to pay more taxes for it. "
        "The council already has a tight budget this year. "
        "Still, knowledge for everyone is worth a small sacrifice."
    )
    concession = "Yes, it's annoying to pay more taxes for it."
    assert got[concession] == ("objection", CLAIM)
    assert got["The council already has a tight budget this year."] == ("reason", concession)
    assert got["Still, knowledge for everyone is worth a small sacrifice."][0] == "rebuttal"


def test_someone_elses_view_reported_with_may_think_is_an_objection() -> None:
    got = placed(f"{CLAIM} Dog owners may think that a library is only for children.")
    assert got["Dog owners may think that a library is only for children."] == ("objection", CLAIM)
    got = placed(f"{CLAIM} We may find that the library pays for itself.")
    assert got["We may find that the library pays for itself."] == ("reason", CLAIM)


def test_a_plain_sentence_is_no_objection() -> None:
    got = placed(f"{CLAIM} Children need quiet places to learn.")
    assert got["Children need quiet places to learn."] == ("reason", CLAIM)


def test_an_undercut_attacks_the_inference_of_the_unit_before() -> None:
    text = (
        f"{CLAIM} Some say the old library has too few visitors. "
        "But that does not show that people do not want a library."
    )
    got = placed(text)
    assert got["But that does not show that people do not want a library."] == (
        "undercut",
        "Some say the old library has too few visitors.",
    )
    # in the map, it sits under `undercuts:` of the objection's entry
    from argmap.formats import native
    from argmap.teaching.skeleton import skeleton

    m = native.read("d.yaml", text=skeleton(text, text_path=None))
    [undercut] = [i for i in m.inferences.values() if i.kind.value == "undercut"]
    assert m.inferences[undercut.target].premises == ["O1.2"]


def test_a_but_that_is_no_undercut_when_it_shows_nothing_is_denied() -> None:
    got = placed(f"{CLAIM} Some say it is too expensive. But that cost pays back in ten years.")
    assert got["But that cost pays back in ten years."][0] == "rebuttal"


def test_an_example_supports_the_unit_before_it() -> None:
    got = placed(
        f"{CLAIM} Libraries help people find work. "
        "For example, the library next door runs courses on writing a job application."
    )
    example = "For example, the library next door runs courses on writing a job application."
    assert got[example] == ("evidence", "Libraries help people find work.")
    units = draft(analyse(f"{CLAIM} Libraries help people find work. {example}"))
    assert [u.basis for u in units if u.text == example] == ["example"]


def test_an_enumeration_gives_main_reasons_with_their_support() -> None:
    got = placed(
        f"{CLAIM} First, the old building is falling apart. The roof leaks every winter. "
        "Second, the town has grown by a third. The schools are already full."
    )
    first, second = (
        "First, the old building is falling apart.",
        "Second, the town has grown by a third.",
    )
    assert got[first] == ("reason", CLAIM)
    assert got[second] == ("reason", CLAIM)
    assert got["The roof leaks every winter."] == ("reason", first)
    assert got["The schools are already full."] == ("reason", second)


def test_without_an_enumeration_reasons_hang_from_the_conclusion() -> None:
    got = placed(f"{CLAIM} The old building is falling apart. The town has grown by a third.")
    assert got["The town has grown by a third."] == ("reason", CLAIM)


def test_a_restated_thesis_is_the_conclusion_not_a_reason_for_it() -> None:
    text = (
        "Our town should build a new library for its children.\n"
        "The old building is falling apart.\n"
        "For all these reasons, our town should build a new library for its children.\n"
    )
    units = draft(analyse(text))
    assert units[0].kind == "conclusion"
    assert units[0].restated_in and all(
        u.kind != "reason" or "library" not in u.text for u in units[1:]
    )
    assert restates(
        "The town should build the new library.", "Our town should build a new library."
    )
    assert not restates("The library is old.", "Our town should build a new library.")


def test_clauses_split_at_argumentative_connectives_only() -> None:
    assert parts("Fees should go, because studying is a right.") == [
        ("Fees should go,", None, ""),
        ("because studying is a right.", 0, "sup"),
    ]
    assert parts("Although fees bring money, they keep poor students away.") == [
        ("Although fees bring money,", 1, "att"),
        ("they keep poor students away.", None, ""),
    ]
    assert parts("The team ended up third, but one could have expected more.") == [
        ("The team ended up third,", 1, "att"),
        ("but one could have expected more.", None, ""),
    ]
    assert parts("Bread prices rose sharply, so people bought less.") == [
        ("Bread prices rose sharply,", 1, "sup"),
        ("so people bought less.", None, ""),
    ]
    # must not split: a temporal "since", "so many", too short a part, no connective
    assert len(split_clauses("Nothing has changed since the war ended in that country.")) == 1
    assert len(split_clauses("There are so many reasons to stay home today.")) == 1
    assert len(split_clauses("Yes, but why?")) == 1
    assert len(split_clauses("Reading is good for children and adults alike.")) == 1
    # a correction ("not X, but rather Y") and a preposition ("because of") are no clause
    assert len(split_clauses("Luxury is not what people need, but rather a flat at all.")) == 1
    assert len(split_clauses("They are not any sicker because of their age.")) == 1
    # "as long as", "as" before a role, and an "and what" that asks nothing open no reason
    assert len(split_clauses("The fields could be used, as long as a compromise is found.")) == 1
    assert len(split_clauses("Many people see the field, as living space, as a good idea.")) == 1
    assert len(split_clauses("Parents know their children, and what they do after school.")) == 1


def test_a_sentence_holding_a_concession_and_a_reply_gives_two_units() -> None:
    got = placed(
        f"{CLAIM} Indeed the library will cost a lot, but given its use one could expect more."
    )
    conceded = "Indeed the library will cost a lot,"
    assert got[conceded] == ("objection", CLAIM)
    assert got["but given its use one could expect more."] == ("rebuttal", conceded)


def test_the_conclusion_sentence_keeps_its_main_clause_as_the_conclusion() -> None:
    units = draft(
        analyse("Although it costs money, our town should build a new library. It helps.")
    )
    assert units[0].text == "our town should build a new library."
    assert units[1].text == "Although it costs money," and units[1].kind == "objection"
    assert units[1].parent == 0


def test_evidence_takes_its_text_from_the_sentence_its_cues_are_in() -> None:
    text = (
        "Our town should build a new library.\n"
        "Reading matters for every child in town. A 2017 study found that 40% of children "
        "never visit one.\n"
        "The old one is too small.\n"
    )
    units = draft(analyse(text))
    [evidence] = [u for u in units if u.kind == "evidence"]
    assert evidence.text.startswith("A 2017 study found that 40%")
    assert evidence.basis == "study"
    assert all(c.text in evidence.text for c in evidence.cues)


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "A 2015 study by the London School of Economics found that scores rose 6%.",
            ("London School of Economics", "2015"),
        ),
        (
            "According to the Federal Statistics Office, 3 in 10 children walk.",
            ("Federal Statistics Office", None),
        ),
        ("President Maduro said on Sunday that talks had failed.", ("President Maduro", None)),
        ("In a 2019 survey by Riverside District, 64% agreed.", ("Riverside District", "2019")),
        # two years: which one dates the source is not for a cue rule to say
        ("The OECD states that in 2010 and 2020 fees rose 5%.", ("OECD", None)),
        # named by no one
        ("A 2017 study found that 40% of children never visit one.", None),
        ("Experts say that 40% of children never visit one.", None),
    ],
)
def test_evidence_that_names_its_source_drafts_it(
    sentence: str, source: tuple[str, str | None] | None
) -> None:
    units = draft(analyse(f"{CLAIM} Reading matters for every child. {sentence}"))
    [evidence] = [u for u in units if u.kind == "evidence"]
    assert evidence.source == source
    assert source_of(evidence.text, evidence.cues) == source


def test_including_splits_off_examples_for_the_clause_before() -> None:
    parts = split_clauses(
        "Games train many skills, including planning, reaction time and reasoning."
    )
    assert len(parts) == 2 and parts[1].head == 0 and parts[1].relation == "sup"
    # no comma: a noun phrase, not a clause
    assert len(split_clauses("Games train many skills including planning and reaction.")) == 1


def test_this_results_in_is_a_consequence_of_the_unit_before() -> None:
    first = "Dog dirt on the pavement takes all my attention."
    then = "This results in a lack of alertness in traffic."
    got = placed(f"{CLAIM} {first} {then}")
    assert got[then] == ("reason", CLAIM)
    assert got[first] == ("reason", then)
    # a plain "This" sentence is no consequence
    got = placed(f"{CLAIM} {first} This is a real danger.")
    assert got["This is a real danger."] == ("reason", CLAIM)


def test_an_additive_marker_adds_one_reason_and_opens_no_block() -> None:
    # "Also", "Moreover", "Besides" add a point: the plain sentence after it is the writer's
    # next reason for the conclusion, not support for the added one (ordinals do open blocks)
    got = placed(
        f"{CLAIM} Moreover, the old building is falling apart. The town has grown by a third."
    )
    assert got["Moreover, the old building is falling apart."] == ("reason", CLAIM)
    assert got["The town has grown by a third."] == ("reason", CLAIM)


def test_a_but_sentence_after_a_plain_point_concedes_that_point_and_answers_it() -> None:
    # "X. But Y." reads as "X, but Y": X is granted to the other side, Y is the writer's reply
    point = "A new building costs the town a lot of money."
    reply = "But the old one will cost more in repairs within ten years."
    got = placed(f"{CLAIM} {point} {reply}")
    assert got[point] == ("objection", CLAIM)
    assert got[reply] == ("rebuttal", point)
    got = placed(f"{CLAIM} {point} Nevertheless, knowledge for everyone is worth the price.")
    assert got[point] == ("objection", CLAIM)
    # must not fire: right after the conclusion, a "But" objects to the conclusion itself
    got = placed(f"{CLAIM} But a new building costs the town a lot of money.")
    assert got["But a new building costs the town a lot of money."] == ("objection", CLAIM)
    # must not fire: "However" brings in the other side's point (tested above), it grants nothing
    got = placed(f"{CLAIM} {point} However, few people read books today.")
    assert got[point] == ("reason", CLAIM)
    assert got["However, few people read books today."] == ("objection", CLAIM)


def test_a_however_between_commas_is_no_clause_boundary() -> None:
    def texts(sentence: str) -> list[str]:
        return [sentence[p.start : p.end] for p in split_clauses(sentence)]

    # "however" as a sentence adverb after the first words of its clause: one unit
    whole = "The unregulated work of the services, however, carries a danger of misuse."
    assert texts(whole) == [whole]
    # the clause it sits in begins at the comma before those first words
    assert texts(
        "In some cases fines may act as a deterrent, in general, however, praise works better."
    ) == [
        "In some cases fines may act as a deterrent,",
        "in general, however, praise works better.",
    ]
    # a "however" that opens the second clause still splits there
    assert texts("Fines may act as a deterrent in some cases; however, praise works better.") == [
        "Fines may act as a deterrent in some cases;",
        "however, praise works better.",
    ]


def test_an_opening_concession_outside_the_conclusion_reads_as_x_but_y() -> None:
    conceded = "Even if many people think that books are old-fashioned,"
    reply = "children still learn to read from them."
    got = placed(f"{CLAIM} {conceded} {reply}")
    assert got[conceded] == ("objection", CLAIM)
    assert got[reply] == ("rebuttal", conceded)
    # must not fire in the conclusion's own sentence: there the concession attacks the claim
    units = draft(
        analyse("Although it costs money, our town should build a new library. It helps.")
    )
    assert units[0].text == "our town should build a new library."
    assert (units[1].kind, units[1].parent) == ("objection", 0)


def test_an_opening_as_is_not_split_off() -> None:
    sentence = "As a central airport, the old field draws business travellers from far away."
    assert len(split_clauses(sentence)) == 1


def test_a_contrast_right_after_a_clause_conceded_in_its_sentence_rebuts_that_clause() -> None:
    claim = "Our town should build a new library,"
    conceded = "even if the building will cost a lot of money."
    reply = "Yet the old one costs more in repairs every year."
    got = placed(f"{claim} {conceded} {reply}")
    assert got[conceded] == ("objection", claim)
    assert got[reply] == ("rebuttal", conceded)
    # must not fire for a plain sentence: it is the writer's next reason, not the concession's
    got = placed(f"{claim} {conceded} Children need quiet places to learn.")
    assert got["Children need quiet places to learn."] == ("reason", claim)


def test_a_heading_or_one_word_paragraph_is_not_drafted() -> None:
    text = (
        "Introduction\n\n"
        f"{CLAIM}\n\n"
        "Reasons\n\n"
        "Books are expensive for many families, so many children have none at home.\n\n"
        "Yes.\n"
    )
    got = placed(text)
    assert "Introduction" not in got and "Reasons" not in got and "Yes." not in got
    assert got["Books are expensive for many families, so many children have none at home."][0]
    # a paragraph of three words is a statement
    assert "Libraries build communities." in placed(f"{CLAIM}\n\nLibraries build communities.\n")


def test_a_therefore_inside_the_first_clause_draws_on_the_unit_before() -> None:
    got = placed(
        f"{CLAIM} Children read less every year. Schools hence lack readers. "
        "Families have thus far paid for books. Many pupils have no books and hence read less."
    )
    assert got["Schools hence lack readers."] == ("reason", CLAIM)
    assert got["Children read less every year."] == ("reason", "Schools hence lack readers.")
    # "thus far" (so far) and "X and hence Y" (a consequence inside its sentence) draw on nothing
    assert got["Families have thus far paid for books."] == ("reason", CLAIM)
    assert got["Many pupils have no books and hence read less."] == ("reason", CLAIM)


def test_a_yet_after_a_consequence_the_writer_drew_objects_instead_of_conceding_it() -> None:
    drawn = "Thus the old building is too small."
    got = placed(
        f"More children visit the library. {drawn} Yet a new building costs a lot of money. {CLAIM}"
    )
    assert got[drawn] == ("reason", CLAIM)
    assert got["Yet a new building costs a lot of money."] == ("objection", CLAIM)
    # the same "Yet" after a plain point concedes that point and answers it
    got = placed(f"The old building is too small. Yet it is in the town centre. {CLAIM}")
    assert got["The old building is too small."][0] == "objection"
    assert got["Yet it is in the town centre."] == ("rebuttal", "The old building is too small.")


@pytest.mark.parametrize(
    ("sentence", "cut"),
    [
        ("Retirement at 63 is unsustainable, as the population is getting older.", "as the"),
        ("Buying the data is unnecessary, as, after new rules, banks urge people to act.", "as,"),
        ("Sunday should stay a family day, otherwise people will spend it shopping.", "otherwise"),
        # a rhetorical question joined with "and" backs the clause before
        ("The state wants me to spend money, and how can I do that on a Sunday?", "and how"),
        ("Many doctors offer such treatments anyway - and who would doubt them?", "and who"),
    ],
)
def test_a_reason_clause_after_as_otherwise_or_a_joined_question(sentence: str, cut: str) -> None:
    at = sentence.index(" " + cut) + 1
    assert parts(sentence) == [(sentence[:at].rstrip(), None, ""), (sentence[at:], 0, "sup")]


def test_evidence_opened_by_an_additive_marker_adds_a_point_for_the_conclusion() -> None:
    got = placed(
        f"{CLAIM} Books are expensive for many families. "
        "Plus 40% of the children in town have no library card."
    )
    assert got["Plus 40% of the children in town have no library card."] == ("evidence", CLAIM)
    # without the marker, the figure backs the claim before it
    got = placed(
        f"{CLAIM} Books are expensive for many families. A book costs 20 euros in the town's shops."
    )
    assert got["A book costs 20 euros in the town's shops."] == (
        "evidence",
        "Books are expensive for many families.",
    )


def test_a_bare_semicolon_splits_and_the_second_clause_spells_out_the_first() -> None:
    sentence = "The library must stay open late; students need a quiet place after school."
    assert parts(sentence) == [
        ("The library must stay open late;", None, ""),
        ("students need a quiet place after school.", 0, "sup"),
    ]
    # a semicolon before a connective is that connective's cut
    assert parts("The library is small; yet it serves the whole town.") == [
        ("The library is small;", 1, "att"),
        ("yet it serves the whole town.", None, ""),
    ]
    # too short a part: no cut
    assert len(split_clauses("Books matter; truly.")) == 1


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        # "And since X, Y": the reason clause opens the sentence all the same
        (
            "And since reading is a right, the town should pay for it.",
            "And since reading is a right,",
        ),
        # a sentence adverb between commas does not end the opening clause
        ("Since, however, the old building is too small, a new one is needed.", None),
        # nor does a relative clause on its last noun
        ("Despite the high costs, which worry many, the library should be built.", None),
    ],
)
def test_an_opening_clause_reaches_past_and_a_sentence_adverb_or_a_relative_clause(
    sentence: str, clause: str | None
) -> None:
    got = parts(sentence)
    assert len(got) == 2
    comma = sentence.rindex(",") + 1
    assert got[0][0] == (clause or sentence[:comma])
    assert got[0][1:] == (1, "sup" if "ince" in sentence[:12] else "att")
    assert got[1] == (sentence[comma:].strip(), None, "")
    # a comma before anything else still ends it: "Despite X, Y, Z" cuts after X
    assert parts("Despite the costs, the town, sadly, waits.")[0][0] == "Despite the costs,"


def test_as_opens_a_reason_when_a_subject_and_its_verb_follow() -> None:
    assert parts("Shops need not open on Sunday, as shops are open till late on weekdays.") == [
        ("Shops need not open on Sunday,", None, ""),
        ("as shops are open till late on weekdays.", 0, "sup"),
    ]
    # "as well as", "as a rule", an "as" before a noun phrase: no reason
    assert len(split_clauses("Children read books, as well as adults do every day.")) == 1
    assert len(split_clauses("The town pays for books, as a rule of every budget.")) == 1


def test_but_with_no_comma_joins_two_clauses_and_but_also_contrasts_without_not_only() -> None:
    sentence = "Some fear the noise of children but the library needs exactly that life."
    assert parts(sentence) == [
        ("Some fear the noise of children", 1, "att"),
        ("but the library needs exactly that life.", None, ""),
    ]
    sentence = "It may be less quiet than at home, but also the town has no better place."
    assert [p[1:] for p in parts(sentence)] == [(1, "att"), (None, "")]
    # "but" as "except", "not only ... but also", "not X but Y": no clause boundary
    for whole in (
        "Libraries offer many services to name but a few of them.",
        "Nobody reads anything there all but the oldest people in town.",
        "The library serves not only children, but also their grandparents.",
        "The library serves not children but the whole family at once.",
    ):
        assert len(split_clauses(whole)) == 1, whole


# --- essays: several short paragraphs, drafted clause by clause --------------------------------

ESSAY = (
    "Schools should ban mobile phones during lessons.\n\n"
    "First, phones distract pupils. A 2015 study by the London School of Economics found "
    "that test scores rose by 6.4 percent after schools banned phones. Teachers also report "
    "that lessons are interrupted by notifications.\n\n"
    "Second, a ban protects children from bullying. Many cases of online bullying start "
    "during the school day.\n\n"
    "Some parents argue that children need their phones to reach them in an emergency. "
    "However, a ban does not cut children off, since the school office can always call home.\n\n"
    "Critics also say that phones are useful learning tools. But this does not show that "
    "pupils must carry them all day, because schools can lend tablets for the lessons that "
    "need them.\n\n"
    "For these reasons, phones should stay out of the classroom.\n"
)


def _starting(got: dict[str, tuple[str, str]], words: str) -> str:
    return next(text for text in got if text.startswith(words))


def test_an_essay_keeps_its_topic_sentences_as_main_reasons_with_their_support() -> None:
    got = placed(ESSAY)
    claim = "For these reasons, phones should stay out of the classroom."
    first, second = (
        "First, phones distract pupils.",
        "Second, a ban protects children from bullying.",
    )
    assert got[first] == ("reason", claim) and got[second] == ("reason", claim)
    study = _starting(got, "A 2015 study")
    assert got[study] == ("evidence", first)
    assert got["Teachers also report that lessons are interrupted by notifications."] == (
        "reason",
        first,
    )
    assert got["Many cases of online bullying start during the school day."] == ("reason", second)


def test_a_paragraphs_opening_sentence_opens_a_block_that_ends_with_its_paragraph() -> None:
    topic = "Libraries are quiet places to learn."
    got = placed(
        f"{CLAIM}\n\n{topic} Pupils can do their homework there.\n\n"
        "Books cost a lot of money for many families.\n"
    )
    assert got[topic] == ("reason", CLAIM)
    assert got["Pupils can do their homework there."] == ("reason", topic)
    # must not carry over: the next paragraph's sentence is a reason of its own
    assert got["Books cost a lot of money for many families."] == ("reason", CLAIM)
    # nor fire in a text of one paragraph: there a plain sentence is a reason for the claim
    one = placed(f"{CLAIM} {topic} Pupils can do their homework there.")
    assert one["Pupils can do their homework there."] == ("reason", CLAIM)


def test_in_an_essay_a_concession_and_its_however_are_objection_and_rebuttal() -> None:
    got = placed(ESSAY)
    claim = "For these reasons, phones should stay out of the classroom."
    concession = "Some parents argue that children need their phones to reach them in an emergency."
    assert got[concession] == ("objection", claim)
    assert got[_starting(got, "However, a ban")] == ("rebuttal", concession)
    critics = "Critics also say that phones are useful learning tools."
    assert got[critics] == ("objection", claim)
    assert got[_starting(got, "But this does not show")] == ("undercut", critics)


def test_an_objection_is_rebutted_across_a_paragraph_break_but_not_backed_across_it() -> None:
    concession = "Some parents argue that children read enough at school."
    reply = "However, a library is open to everyone, also in the holidays."
    got = placed(f"{CLAIM}\n\n{concession}\n\n{reply}\n")
    assert got[concession] == ("objection", CLAIM)
    assert got[reply] == ("rebuttal", concession)
    plain = "Children who read at home do better at school."
    got = placed(f"{CLAIM}\n\n{concession}\n\n{plain}\n")
    assert got[plain] == ("reason", CLAIM)
    # within its paragraph a plain sentence still backs the objection up
    got = placed(f"{CLAIM}\n\n{concession} {plain}\n")
    assert got[plain] == ("reason", concession)


def test_the_summing_up_of_an_essay_restates_its_opening_thesis() -> None:
    units = draft(analyse(ESSAY))
    texts = [u.text for u in units]
    assert units[0].text == "For these reasons, phones should stay out of the classroom."
    assert units[0].restated_in == [1]
    assert "Schools should ban mobile phones during lessons." not in texts
    # must not fire when only one of the two says what should be done
    essay = ESSAY.replace(
        "For these reasons, phones should stay out of the classroom.",
        "For these reasons, phones do more harm than good in the classroom.",
    )
    units = draft(analyse(essay))
    assert units[0].restated_in == []
    assert len([u for u in units if u.text.startswith("Schools should ban")]) == 1
    # a recommendation says what should be done too: "... is the better choice"
    essay = ESSAY.replace(
        "For these reasons, phones should stay out of the classroom.",
        "For these reasons, a phone-free classroom is the better choice.",
    )
    units = draft(analyse(essay))
    assert units[0].restated_in == [1]
    assert not [u for u in units if u.text.startswith("Schools should ban")]
    # nor for a sentence in the middle of the text
    middle = f"{CLAIM}\n\nTherefore, the council should act now.\n\nBooks are expensive.\n"
    assert "Therefore, the council should act now." in placed(middle)


def test_a_consequence_inside_a_block_supports_the_blocks_reason() -> None:
    topic = "Libraries are quiet places to learn."
    step = "Homes are often crowded."
    drawn = "So pupils can only concentrate there."
    got = placed(f"{CLAIM}\n\n{topic} {step} {drawn}\n\nBooks are expensive.\n")
    assert got[drawn] == ("reason", topic)
    assert got[step] == ("reason", drawn)  # the unit before supports the consequence
    got = placed(f"{CLAIM} First, {topic[0].lower()}{topic[1:]} {step} {drawn}")
    assert got[drawn] == ("reason", f"First, {topic[0].lower()}{topic[1:]}")
    # must not fire outside a block: there the consequence supports the conclusion
    got = placed(f"{CLAIM} {step} {drawn}")
    assert got[drawn] == ("reason", CLAIM)
    assert got[step] == ("reason", drawn)
    # nor hang the block's own reason under it
    got = placed(f"{CLAIM}\n\n{topic} {drawn}\n")
    assert got[topic] == ("reason", CLAIM) and got[drawn] == ("reason", topic)


def test_a_long_text_still_gets_one_unit_per_paragraph() -> None:
    body = " ".join(["Children who read at home do better at school."] * 20)
    text = f"{CLAIM}\n\n" + "\n\n".join(body for _ in range(7)) + "\n"
    assert len(text.split()) > 600
    units = draft(analyse(text))
    assert len({u.paragraph for u in units}) == len(units) == 8


def test_numbered_list_items_are_main_reasons_and_a_norm_with_a_date_is_no_evidence() -> None:
    first, second = "1. Shift workers depend on it.", "2. It is cheap."
    detail = "Nurses start work when no train runs."
    got = placed(f"{CLAIM}\n\n{first} {detail}\n\n{second}\n")
    assert got[first] == ("reason", CLAIM) and got[second] == ("reason", CLAIM)
    assert got[detail] == ("reason", first)
    # a unit that says what should be done is a claim, though it holds a date
    norm = "The council should open it in 2026."
    got = placed(f"{CLAIM} {norm}")
    assert got[norm][0] == "reason"
    fact = "The council opened it in 2016."
    assert placed(f"{CLAIM} {fact}")[fact][0] == "evidence"


def test_rather_after_a_denial_is_the_writers_own_point() -> None:
    objection = "Some parents argue that a library is only a place to borrow books."
    correction = "Rather, it gives every child a quiet place to learn."
    got = placed(f"{CLAIM} {objection} {correction}")
    assert got[objection] == ("objection", CLAIM)
    assert got[correction] == ("reason", CLAIM)  # not backing for the objection
    # must not fire on "rather than" or "instead of": no correction of the unit before
    plain = "Rather than buying books, families could borrow them."
    assert placed(f"{CLAIM} {objection} {plain}")[plain] == ("reason", objection)


def test_an_adverb_before_because_goes_with_the_reason() -> None:
    sentence = "The oryx survives in the wild today only because zoos bred it and set it free."
    assert parts(sentence) == [
        ("The oryx survives in the wild today", None, ""),
        ("only because zoos bred it and set it free.", 0, "sup"),
    ]
    # must not take a word that is no adverb of the reason
    sentence = "The oryx survives in the wild today because zoos bred it and set it free."
    assert parts(sentence)[0] == ("The oryx survives in the wild today", None, "")


def test_a_connective_before_an_opening_concession_still_lets_it_split() -> None:
    sentence = "In conclusion, although phones have their uses, schools should ban them in lessons."
    assert parts(sentence) == [
        ("In conclusion, although phones have their uses,", 1, "att"),
        ("schools should ban them in lessons.", None, ""),
    ]
    # outside the conclusion's sentence it reads as "X, but Y": X objects, Y rebuts it
    got = placed(f"{CLAIM} But although they read at school, many children have no books at home.")
    conceded = "But although they read at school,"
    assert got[conceded] == ("objection", CLAIM)
    assert got["many children have no books at home."] == ("rebuttal", conceded)
    # must not fire on words that are no connective: "So far, although X, Y" stays whole
    assert len(split_clauses("So far, although it rained, the match went on.")) == 1


def test_an_introductions_claim_after_a_scene_is_the_thesis_the_summing_up_restates() -> None:
    thesis = "The council should keep the pool open until nine."
    text = (
        f"Every summer, the town pool is packed by noon. {thesis}\n\n"
        "Many families cannot come before six in the evening.\n\n"
        "Therefore, the council should extend the opening hours this summer.\n"
    )
    units = draft(analyse(text))
    assert units[0].text.startswith("Therefore") and units[0].restated_in == [1]
    assert thesis not in [u.text for u in units]
    # must not fire when the summing-up is in the middle, not the last paragraph
    moved = text.replace("\n\nTherefore", " Therefore").replace("this summer.\n", "this summer.")
    moved += "\n\nBesides, the bus from town takes half an hour.\n"
    assert thesis in [u.text for u in draft(analyse(moved))]


def test_this_shows_that_draws_a_claim_from_the_unit_before() -> None:
    figures = "Last year the pool sold 40 percent fewer tickets on weekdays than at weekends."
    drawn = "This shows that working families are missing out."
    got = placed(f"{CLAIM}\n\n{figures} {drawn}\n")
    assert got[drawn] == ("reason", CLAIM)
    assert got[figures] == ("evidence", drawn)
    # must not fire on a denial (an undercut), nor take an objection as its support
    denial = "This does not show that working families are missing out."
    assert placed(f"{CLAIM}\n\n{figures} {denial}\n")[denial][0] == "undercut"
    objection = "Some parents argue that children read enough at school."
    got = placed(f"{CLAIM} {objection} {drawn}")
    assert got[objection] == ("objection", CLAIM)
    assert got[drawn][1] == objection  # it backs the objection up, as what follows one does
    # "That alone shows that Y", "This also shows that Y" draw a claim as well
    alone = "That alone shows that working families are missing out."
    got = placed(f"{CLAIM}\n\n{figures} {alone}\n")
    assert got[alone] == ("reason", CLAIM) and got[figures] == ("evidence", alone)


def test_a_text_that_opens_with_its_question_has_the_answer_as_its_claim() -> None:
    question = "Should students pay tuition fees?"
    answer = "I don't think so."
    reason = "Education is a public good."
    units = draft(analyse(f"{question} {answer} {reason} Fees scare off poorer families."))
    assert units[0].text == answer
    assert question not in [u.text for u in units]  # the issue, not a unit of the argument
    assert f"it answers the question the text opens with: {question!r}" in units[0].why
    # must not fire when the claim is not the answer: the question stays a unit
    text = f"{question} Fees scare off poorer families. Therefore, students should not pay fees."
    units = draft(analyse(text))
    assert units[0].text == "Therefore, students should not pay fees."
    assert question in [u.text for u in units] and not units[0].answers


def test_a_view_the_text_opens_with_and_denies_is_an_objection_to_the_denial() -> None:
    view = "Many think that online learning is just as good as learning in a classroom."
    text = f"{view} This is wrong. Students who learn online drop out far more often."
    units = draft(analyse(text))
    assert units[0].text == "This is wrong."
    assert f"it replies to the view reported before it: {view!r}" in units[0].why
    objection = next(u for u in units if u.text == view)
    assert objection.kind == "objection" and objection.parent == 0
    # must not fire when the claim is not the denial
    text = f"{view} Students who learn online drop out far more often. So it is worse."
    units = draft(analyse(text))
    assert not units[0].denies


def test_a_verdict_on_the_fact_the_text_opens_with_quotes_the_fact() -> None:
    fact = "Many schools have replaced textbooks with tablets."
    units = draft(analyse(f"{fact} This is a mistake. Reading on screens is slower."))
    assert units[0].text == "This is a mistake."
    assert f"it judges what the text opens with: {fact!r}" in units[0].why
    # must not fire when the second sentence is the claim for what it says, not its place
    units = draft(analyse("Tourism is rising fast. Therefore, the city should limit rentals."))
    assert units[0].text == "Therefore, the city should limit rentals."
    assert not units[0].judges and not units[0].denies


def test_an_opening_question_the_claim_does_not_answer_at_once_is_called_the_issue() -> None:
    question = "Is it right that museums charge admission?"
    text = f"{question} Museums belong to everyone. Admission should therefore be free."
    opening = next(u for u in draft(analyse(text)) if u.text == question)
    assert opening.parent == 0 and opening.why.startswith("the question the text opens with")
    # must not fire on a question later in the text
    text = f"Museums belong to everyone. {question} Admission should therefore be free."
    later = next(u for u in draft(analyse(text)) if u.text == question)
    assert not later.why.startswith("the question the text opens with")


def test_a_concession_granted_after_its_subject_is_an_objection() -> None:
    text = (
        "The law should require every shop to accept cash. Cards exclude elderly people. "
        "Card payments are admittedly faster at the till. Still, speed is not everything."
    )
    units = draft(analyse(text))
    granted = next(u for u in units if u.text.startswith("Card payments"))
    assert granted.kind == "objection" and "'admittedly'" in granted.why
    # must not fire: emphatic "of course", "taken for granted"
    for plain in ("We must of course protect children.", "Cash is taken for granted here."):
        units = draft(analyse(f"The law should require every shop to accept cash. {plain}"))
        assert next(u for u in units if u.text == plain).kind == "reason"


def test_so_before_its_verb_says_too_and_splits_nothing() -> None:
    too = "Parents who cannot help their children feel left behind, and so do their children."
    assert len(split_clauses(too)) == 1
    assert (
        len(split_clauses("The prices of food rose sharply last year, and so did the wages.")) == 1
    )
    # must still split: a consequence drawn
    assert (
        len(split_clauses("The prices of food rose sharply last year, so people bought less.")) == 2
    )
    assert (
        len(split_clauses("The prices of food rose sharply last year, and so people ate less."))
        == 2
    )


def test_a_grant_of_the_objection_before_makes_the_reply_its_rebuttal() -> None:
    objection = "Critics object that exams favour those who can pay for tutoring."
    text = (
        f"The university should not abolish its entrance exams. {objection} This is true, but "
        "the university could offer free preparation courses to all."
    )
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == objection)
    grant = next(u for u in units if u.text.startswith("This is true"))
    reply = next(u for u in units if u.text.startswith("but the university"))
    assert (grant.kind, grant.parent) == ("reason", at)
    assert (reply.kind, reply.parent) == ("rebuttal", at)
    # must not fire when the conceded part says something of its own: it is the objection
    text = (
        "The university should not abolish its entrance exams. Exams are stressful for many, "
        "but the university could offer free preparation courses to all."
    )
    units = draft(analyse(text))
    conceded = next(u for u in units if u.text.startswith("Exams are stressful"))
    assert (conceded.kind, conceded.parent) == ("objection", 0)


def test_a_denial_of_the_objection_before_is_its_rebuttal() -> None:
    objection = "It is often said that children need meat to grow."
    denial = "This is not true: a balanced vegetarian diet contains all the nutrients they need."
    text = f"The school canteen should only serve vegetarian food. {objection} {denial}"
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == objection)
    reply = next(u for u in units if u.text == denial)
    assert (reply.kind, reply.parent) == ("rebuttal", at)
    assert units[at].kind == "objection"
    # must not fire with no objection open: a plain reason
    text = f"The school canteen should only serve vegetarian food. Meat is costly. {denial}"
    assert next(u for u in draft(analyse(text)) if u.text == denial).kind == "reason"


def test_a_grant_with_its_qualifier_makes_the_reply_the_rebuttal() -> None:
    objection = "Some say that packaging keeps the food fresh for longer."
    text = (
        f"A ban on plastic packaging for vegetables is overdue. {objection} That may be true "
        "for some products, but cucumbers and bananas do not need a plastic coat."
    )
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == objection)
    reply = next(u for u in units if u.text.startswith("but cucumbers"))
    assert (reply.kind, reply.parent) == ("rebuttal", at)


def test_how_a_thing_looks_granted_before_a_contrast_is_an_objection() -> None:
    looks = "Free public wifi in the city centre sounds like a good idea."
    reply = "However, the city would have to pay for the network and its security."
    text = f"{looks} {reply} The money would therefore be better spent on repairing the roads."
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == looks)
    assert units[at].kind == "objection"
    assert next(u for u in units if u.text == reply).parent == at
    # must not fire without a contrast after it: the writer's own hedged verdict
    text = f"The council should build the wifi network. {looks} It would help tourists."
    assert next(u for u in draft(analyse(text)) if u.text == looks).kind == "reason"


def test_a_feeling_is_no_view_and_an_inside_on_the_other_hand_compares() -> None:
    feel = "Many immigrants feel attached to both their old and their new country."
    text = (
        f"Dual citizenship should be allowed without restriction. {feel} A choice drives them away."
    )
    assert next(u for u in draft(analyse(text)) if u.text == feel).kind == "reason"
    view = "Some people feel that dual citizens have divided loyalties."
    text = f"Dual citizenship should be allowed without restriction. {view}"
    assert next(u for u in draft(analyse(text)) if u.text == view).kind == "objection"
    # "on the other hand" inside a sentence compares two of the writer's options: no objection
    other = "Music lessons, on the other hand, reach children from all backgrounds."
    text = (
        f"The money would be better spent on music lessons. A concert hall serves the few. {other}"
    )
    assert next(u for u in draft(analyse(text)) if u.text == other).kind == "reason"


def test_however_of_degree_and_for_this_purpose_are_no_cues() -> None:
    claim = "The state should not pay for IVF treatment."
    degree = "Childlessness, however painful, is not an illness."
    units = draft(analyse(f"{claim} The money is limited. {degree}"))
    assert next(u for u in units if u.text == degree).kind == "reason"
    contrast = "Childlessness, however, is not an illness."
    units = draft(analyse(f"{claim} Some say that childlessness hurts. {contrast}"))
    assert next(u for u in units if u.text == contrast).kind == "rebuttal"
    purpose = "For this, the school office has a telephone."
    units = draft(
        analyse(f"Phones should be banned in schools. Children must be reachable. {purpose}")
    )
    assert "premise marker" not in next(u for u in units if u.text == purpose).why


def test_one_often_hears_reports_a_view() -> None:
    view = "One often hears that nuclear power is the answer to climate change."
    units = draft(analyse(f"{view} I disagree. New stations take far too long to build."))
    assert next(u for u in units if u.text == view).kind == "objection"


def test_what_a_concessive_conclusion_turns_from_is_an_objection() -> None:
    granted = "Farmers lose sheep to wolves every year."
    text = (
        f"Whether to keep wolves is a heated question. {granted} Nevertheless, the wolf must "
        "remain protected. It keeps the numbers of deer in balance."
    )
    units = draft(analyse(text))
    assert units[0].text.startswith("Nevertheless")
    assert next(u for u in units if u.text == granted).kind == "objection"
    # must not fire on a unit placed by a cue of its own ("After all ...")
    backed = "After all, some criminals enjoy living in prison."
    text = f"Prisons cost a lot. {backed} Still, the state needs the death penalty as a deterrent."
    units = draft(analyse(text))
    assert next(u for u in units if u.text == backed).kind == "reason"


def test_a_conceded_unit_with_figures_is_an_objection_not_evidence() -> None:
    conceded = "Accompanied driving at 17 may reduce this risk somewhat."
    text = (
        "Young people should not be allowed to drive until they are 18. Statistics show that "
        f"young drivers cause more accidents. {conceded} Still, the danger to others is too great."
    )
    unit = next(u for u in draft(analyse(text)) if u.text == conceded)
    assert unit.kind == "objection" and unit.basis is None


def test_some_doubt_that_reports_a_view() -> None:
    view = "Some teachers doubt that children of this age can understand programming."
    text = f"Children should learn programming at school. {view} However, simple languages exist."
    assert next(u for u in draft(analyse(text)) if u.text == view).kind == "objection"


def test_a_grant_sentence_and_in_reality_answer_what_came_before() -> None:
    grant = "This is understandable."
    reply = "However, without new power lines, wind energy cannot reach the south."
    text = (
        "The new lines must be built, even against local resistance. Nobody wants a power line "
        f"near their house. {grant} {reply}"
    )
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == grant)
    assert units[at].kind == "objection"
    assert next(u for u in units if u.text == reply).parent == at
    view = "It is often said that competition in sport teaches children to fail."
    truth = "In reality, many children who always lose simply stop doing sport."
    units = draft(analyse(f"School sport should focus on joy, not winning. {view} {truth}"))
    at = next(k for k, u in enumerate(units) if u.text == view)
    assert next(u for u in units if u.text == truth).parent == at
    assert next(u for u in units if u.text == truth).kind == "rebuttal"


def test_evidence_that_this_is_not_the_case_rebuts_the_objection() -> None:
    fear = "Some parents fear that their children will be overtaxed."
    shown = "Experience in other countries shows that this is not the case."
    text = f"Languages should be taught from the first year. Children learn them playfully. {fear} {shown}"
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == fear)
    unit = next(u for u in units if u.text == shown)
    assert (unit.kind, unit.parent) == ("rebuttal", at)
    # must not fire with no objection open
    units = draft(analyse(f"Languages should be taught early. {shown}"))
    assert next(u for u in units if u.text == shown).kind != "rebuttal"


def test_evidence_of_the_opposite_rebuts_the_objection() -> None:
    said = "It is often said that teenagers are not interested in politics."
    start = "The voting age for local elections should be sixteen. Young people pay taxes too."
    for shown in (
        "Surveys show the opposite: most of them follow the news every day.",
        "The opposite is true.",
        "Recent studies prove exactly the reverse.",
    ):
        units = draft(analyse(f"{start} {said} {shown}"))
        at = next(k for k, u in enumerate(units) if u.text == said)
        unit = next(u for u in units if u.text.startswith(shown.split(":")[0].rstrip(".")))
        assert (unit.kind, unit.parent) == ("rebuttal", at)
    # must not fire with no objection open, nor on an opposite that is no denial
    shown = "Surveys show the opposite: most of them follow the news every day."
    units = draft(analyse(f"{start} {shown}"))
    assert all(u.kind != "rebuttal" for u in units)
    units = draft(analyse(f"{start} {said} The opposite side of the street is quiet."))
    assert all(u.kind != "rebuttal" for u in units)


def test_a_plan_of_others_that_the_conclusion_rejects_is_an_objection() -> None:
    def kind_of(text: str, sentence: str) -> tuple[str, int | None]:
        unit = next(u for u in draft(analyse(text)) if u.text == sentence)
        return unit.kind, unit.parent

    plan = "Some politicians now want to bring it back."
    text = (
        "Since 2011 there has been no military service. "
        f"{plan} I believe that military service should not be reintroduced. "
        "Armies need specialists."
    )
    assert kind_of(text, plan) == ("objection", 0)
    proposed = "Higher taxes on meat are often proposed."
    text = f"{proposed} I am against such taxes. They hit poor families hardest."
    assert kind_of(text, proposed) == ("objection", 0)
    plan = "The government plans to give every pupil a tablet."
    text = f"{plan} Instead, the money should go to the teachers. Small classes help more."
    assert kind_of(text, plan) == ("objection", 0)
    said = "Supporters point to trials in Finland, where people were happier."
    text = f"A basic income would be a mistake. It costs too much. {said}"
    assert kind_of(text, said)[0] == "objection"
    # must not fire: a plan the conclusion endorses is no objection to it, nor is a view
    # against something, which may be the writer's own
    plan = "Some politicians want to lower the speed limit in towns."
    text = f"{plan} I think this is the right step. Stopping distances halve."
    assert kind_of(text, plan)[0] != "objection"
    said = "Zoos are often criticised for keeping animals in cages."
    text = f"{said} Zoos should be abolished. Animals suffer in small spaces."
    assert kind_of(text, said)[0] != "objection"


def test_a_view_that_what_happened_denies_is_an_objection() -> None:
    feared = "Shop owners feared they would lose their customers."
    happened = "The opposite happened: more people come to the centre than before."
    text = (
        "In short, the pedestrian zone has been a success. "
        f"Three years ago, the main street was closed to cars. {feared} {happened}"
    )
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == feared)
    assert units[at].kind == "objection"
    unit = next(u for u in units if u.text.startswith("The opposite happened"))
    assert (unit.kind, unit.parent) == ("rebuttal", at)
    # must not fire: a report that nothing denies, or a denial with no view before it
    text = f"The zone has been a success. {feared} More people come to the centre now."
    assert next(u for u in draft(analyse(text)) if u.text == feared).kind != "objection"
    text = "The zone has been a success. The street was closed to cars. " + happened
    assert all(u.kind != "rebuttal" for u in draft(analyse(text)))


def test_that_is_exactly_why_after_an_objection_turns_it_around() -> None:
    granted = "Of course, cannabis is not harmless, especially for young people."
    retort = "That is exactly why the sale to minors remains forbidden."
    text = (
        "I think it is right that cannabis has been legalised. Users now buy it in controlled "
        f"shops. {granted} {retort}"
    )
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == granted)
    unit = next(u for u in units if u.text == retort)
    assert (unit.kind, unit.parent) == ("rebuttal", at)
    view = "The operators say that the trains barely cover their costs."
    text = f"Night trains deserve public support. {view} That is exactly why the state must help."
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == view)
    assert units[at].kind == "objection"
    assert next(u for u in units if u.text.startswith("That is exactly")).parent == at
    # must not fire with no objection open: then it is a consequence drawn
    text = "Cannabis should stay legal. Users know what they buy. That is exactly why it is safer."
    unit = next(u for u in draft(analyse(text)) if u.text.startswith("That is exactly why"))
    assert unit.kind == "reason"


def test_that_is_exactly_what_after_a_reported_view_turns_it_around() -> None:
    view = "Dog lovers will say that it is the upbringing that makes a dog dangerous."
    retort = "That is exactly what such a test would check."
    text = (
        f"Owners of dangerous dogs should have to pass a test. Children are bitten. {view} {retort}"
    )
    units = draft(analyse(text))
    at = next(k for k, u in enumerate(units) if u.text == view)
    assert units[at].kind == "objection"
    unit = next(u for u in units if u.text == retort)
    assert (unit.kind, unit.parent) == ("rebuttal", at)
    # must not fire on a plain point before it: "exactly what" then only restates
    text = "Dog owners should pass a test. Many have no idea. That is exactly what a test shows."
    unit = next(u for u in draft(analyse(text)) if u.text.startswith("That is exactly what"))
    assert unit.kind == "reason"


def test_a_view_given_with_one_might_argue_inside_it_is_one_objection() -> None:
    view = "Latin is a dead language, one might argue, and therefore useless."
    reply = "But whoever learns Latin understands the grammar of other languages better."
    units = draft(analyse(f"{view} {reply} Therefore it makes sense to keep the Latin classes."))
    at = next(k for k, u in enumerate(units) if u.text == view)  # not split at "and therefore"
    assert units[at].kind == "objection"
    assert next(u for u in units if u.text == reply).parent == at
    # must not fire: a comma clause that reports no view
    text = "Latin is a dead language, as everyone knows, and therefore it is useless to learn."
    assert all(u.text != text for u in draft(analyse(f"Latin classes must stay. {text}")))


def test_a_since_of_time_opening_a_sentence_is_no_reason_clause() -> None:
    sentence = "Since last year, shops are no longer allowed to give out plastic bags."
    assert parts(sentence) == [(sentence, None, "")]
    because = "Since bags cost nothing, shops give them out to everyone."
    assert [p[0] for p in parts(because)] == [
        "Since bags cost nothing,",
        "shops give them out to everyone.",
    ]


def test_an_example_marker_inside_or_closing_a_sentence_makes_it_an_example_of_the_unit_before() -> (
    None
):
    claim = "The town should build cycle lanes."
    for example in (
        "Children, for example, cannot cycle to school.",
        "Many parents drive their children to school, for instance.",
    ):
        units = draft(analyse(f"{claim} {example}"))
        unit = next(u for u in units if u.text == example)
        assert (unit.kind, unit.basis, units[unit.parent or 0].text) == (
            "evidence",
            "example",
            claim,
        )
        assert "example" in unit.why or "instance" in unit.why
    # must not fire: the marker interrupts an open phrase, or there is no unit before it
    inside = "Lanes cost little compared with, for example, a new bridge."
    assert placed(f"{claim} {inside}")[inside][0] == "reason"
    first = "Children, for example, cannot cycle to school."
    assert placed(f"{first} {claim}")[first][0] != "evidence"


def test_a_reply_calling_the_view_before_it_unfounded_rebuts_it() -> None:
    claim = "The town should build cycle lanes."
    view = "Some say that lanes cost too much."
    for reply in (
        "This view is not supported by the evidence.",
        "This idea does not hold up.",
        "Such a claim is groundless.",
    ):
        got = placed(f"{claim} {view} {reply}")
        assert got[view] == ("objection", claim)
        assert got[reply] == ("rebuttal", view)
    # must not fire: a remark on the view that does not deny it
    remark = "This view is popular with drivers."
    assert placed(f"{claim} {view} {remark}")[remark][0] != "rebuttal"


def test_a_cost_weighed_away_in_the_next_sentence_makes_it_a_conceded_objection() -> None:
    claim = "A speed limit of 130 km/h on motorways is long overdue."
    cost = "Drivers may lose a few minutes on a long journey."
    for reply in ("That is a small price for fewer deaths.", "But this hardly matters."):
        got = placed(f"{claim} Most accidents happen at high speed. {cost} {reply}")
        assert got[cost] == ("objection", claim)
        assert got[reply] == ("rebuttal", cost)
    # must not fire: a share of something, not a cost weighed away
    fact = "That is a small part of the budget."
    got = placed(f"{claim} Most accidents happen at high speed. Trains cost ten euros. {fact}")
    assert got["Trains cost ten euros."][0] == "reason"


def test_a_reported_view_the_writer_undercuts_is_an_objection() -> None:
    claim = "The town should not build the new shopping centre."
    view = "The council says the centre would create two hundred jobs."
    undercut = "But that does not show that the town would gain jobs overall."
    got = placed(f"{claim} {view} {undercut}")
    assert got[view] == ("objection", claim)
    assert got[undercut] == ("undercut", view)
    # must not fire: the writer's own point before the undercut stays a reason
    point = "The centre would create two hundred jobs."
    got = placed(f"{claim} {point} {undercut}")
    assert got[point] == ("reason", claim)
