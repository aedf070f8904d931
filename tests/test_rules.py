"""Every gap rule: a small map where it fires, and one where it must not."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

import argmap
from argmap.analysis.base import Gap
from argmap.analysis.gaps import find_gaps
from argmap.analysis.rules import BY_CODE, RULES
from argmap.model import ArgumentMap, Severity


def load(tmp_path: Path, body: str) -> ArgumentMap:
    path = tmp_path / "map.yaml"
    path.write_text("argmap: 1\n" + textwrap.dedent(body), encoding="utf-8")
    return argmap.load(path)


def found(m: ArgumentMap, code: str) -> list[Gap]:
    # the rule itself, whatever the default profile shows
    return find_gaps(m, select=[code], everything=True)


def nodes(m: ArgumentMap, code: str) -> list[str]:
    return [g.node for g in found(m, code)]


# --- the registry -----------------------------------------------------------------------------


def test_rules_have_unique_codes_names_and_hints() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes)) == len({r.name for r in RULES})
    assert codes == sorted(codes, key=lambda c: ("SQTK".index(c[0]), c))
    for r in RULES:
        assert r.code[0] in "SQTK" and r.code[1:].isdigit() and len(r.code) == 4
        assert r.name == r.name.lower() and " " not in r.name
        assert r.summary.endswith(".") and r.hint.endswith((".", "?"))
        assert isinstance(r.severity, Severity)


def test_the_codes_other_features_rely_on() -> None:
    expected = {
        "S001": "unsupported-claim",
        "S002": "no-evidence-beneath",
        "S003": "unanswered-objection",
        "S004": "single-premise-leap",
        "S005": "circular-support",
        "S006": "disconnected",
        "S007": "dominant-source",
        "Q001": "unnamed-source",
        "Q002": "weak-basis",
        "Q003": "stale-evidence",
        "T001": "hedged-evidence",
        "T002": "overclaim",
        "T003": "vague-quantifier",
        "Q004": "undated-evidence",
        "S008": "open-question",
    }
    assert {code: BY_CODE[code].name for code in expected} == expected


# --- S001 unsupported-claim --------------------------------------------------------------------

UNSUPPORTED = """
conclusion:
  id: C
  text: The town should build a bike lane on Main Street.
  reasons:
    - id: R1
      text: Cycling on Main Street is dangerous today.
    - id: R2
      text: Bike lanes reduce injuries to cyclists.
      evidence:
        - {id: E1, text: A city study counted fewer injuries after lanes were built., basis: study}
    - id: G1
      text: Everyone in town can see Main Street is busy.
      given: true
    - linked:
        - {id: R3, text: The council has the money., evidence: [{id: E3, text: The budget shows a surplus., basis: document}]}
        - {id: A1, text: Money spent on lanes is well spent., implicit: true}
"""


def test_s001_fires_on_a_claim_without_support(tmp_path: Path) -> None:
    gaps = found(load(tmp_path, UNSUPPORTED), "S001")
    assert [(g.node, g.message) for g in gaps] == [
        ("R1", "R1: reason with no reasons or evidence of its own")
    ]
    assert gaps[0].severity is Severity.WARNING and gaps[0].origin == "detected"


def test_s001_spares_supported_given_implicit_and_evidence(tmp_path: Path) -> None:
    m = load(tmp_path, UNSUPPORTED)
    assert not {"C", "R2", "G1", "R3", "A1", "E1", "E3"} & set(nodes(m, "S001"))


def test_s001_a_lone_conclusion_is_unsupported(tmp_path: Path) -> None:
    m = load(tmp_path, "conclusion: {id: C, text: We should act.}\n")
    assert [g.message for g in found(m, "unsupported-claim")] == [
        "C: conclusion with no reasons or evidence of its own"
    ]


# --- S002 no-evidence-beneath ------------------------------------------------------------------

NO_EVIDENCE = """
conclusion:
  id: C
  text: The school should start later in the morning.
  reasons:
    - id: R1
      text: Teenagers learn better later in the day.
      reasons:
        - id: R1.1
          text: Teenagers' body clocks run late.
          reasons:
            - {id: R1.1.1, text: Hormones shift with age.}
    - id: R2
      text: Later starts cut absences.
      reasons:
        - id: R2.1
          text: Students who sleep more miss fewer days.
          evidence:
            - {id: E1, text: A district survey found fewer absences after a later start., basis: statistic}
    - id: R3
      text: Later starts suit families.
      reasons:
        - {id: G1, text: Most parents start work after eight., given: true}
"""


def test_s002_fires_on_a_reason_resting_on_bare_reasons(tmp_path: Path) -> None:
    assert [g.message for g in found(load(tmp_path, NO_EVIDENCE), "S002")] == [
        "R1: reason with reasons but no evidence anywhere beneath it",
    ]  # R1.1 rests on one bare reason: S001 flags R1.1.1, enough


def test_s002_leaves_one_step_of_bare_reasons_to_s001(tmp_path: Path) -> None:
    # R1.1's only reason is a bare claim: S001 flags that claim, S002 would say it again
    m = load(
        tmp_path,
        NO_EVIDENCE.replace(
            "          reasons:\n            - {id: R1.1.1, text: Hormones shift with age.}\n", ""
        ),
    )
    assert nodes(m, "S002") == [] and "R1.1" in nodes(m, "S001")


def test_s002_evidence_or_common_ground_anywhere_beneath_is_enough(tmp_path: Path) -> None:
    m = load(tmp_path, NO_EVIDENCE)
    flagged = set(nodes(m, "S002"))
    assert "R2" not in flagged and "R3" not in flagged
    # the conclusion is not a reason, and R1.1 has no reasons at all (that is S001's business)
    assert "C" not in flagged and "R1.1" not in flagged


# --- S003 unanswered-objection -----------------------------------------------------------------

OBJECTIONS = """
conclusion:
  id: C
  text: The city should install speed cameras.
  reasons:
    - id: R1
      text: Cameras reduce speeding.
      evidence: [{id: E1, text: A review found cameras cut speeds., basis: study}]
      objections:
        - id: O2
          text: Drivers only slow down at the camera.
          objections:
            - id: B2
              text: Average-speed cameras time the whole road.
      undercuts:
        - id: U1
          text: Fewer speeders need not mean fewer crashes.
  objections:
    - id: O1
      text: Cameras are a way to raise money.
      objections:
        - id: B1
          text: The fines are ring-fenced for road safety.
          objections:
            - id: X1
              text: Ring-fencing can be undone by the next council.
"""


def test_s003_fires_on_unanswered_objections_and_undercuts(tmp_path: Path) -> None:
    gaps = found(load(tmp_path, OBJECTIONS), "S003")
    assert {g.node: g.message for g in gaps} == {
        "U1": "U1: objection that undercuts the step to C is never answered",
        # X1 attacks a rebuttal, so it is an objection on the conclusion's side again
        "X1": "X1: objection that attacks B1 is never answered",
    }
    assert all(g.severity is Severity.ERROR for g in gaps)


def test_s003_answered_objections_and_rebuttals_are_not_reported(tmp_path: Path) -> None:
    flagged = set(nodes(load(tmp_path, OBJECTIONS), "S003"))
    assert not {"O1", "O2", "B1", "B2"} & flagged


def test_s003_an_undercut_of_the_objection_answers_it(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should act.
          objections:
            - id: O1
              text: Acting costs money.
              undercuts:
                - {id: B1, text: Cost alone does not decide what is right.}
        """,
    )
    assert nodes(m, "S003") == []


# --- S004 single-premise-leap ------------------------------------------------------------------


def test_s004_fires_when_one_premise_shares_few_terms_with_its_claim(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: The city should ban cars from the old town centre.
          reasons:
            - {id: R1, text: Air pollution harms children's lungs.}
        """,
    )
    assert [g.message for g in found(m, "S004")] == [
        "R1: the only premise for C, sharing 0 of its 4 key terms; a linking premise is likely "
        "missing"
    ]


def test_s004_spares_a_claim_with_other_reasons_or_a_named_scheme(tmp_path: Path) -> None:
    # regression: "R5.4: single premise for R5" although R5 had three reasons
    base = """
        conclusion:
          id: C
          text: The city should ban cars from the old town centre.
          reasons:
            - {id: R1, text: Air pollution harms children's lungs.}
        """
    other = base + "    - {id: R2, text: Tourists complain about the traffic.}\n"
    assert nodes(load(tmp_path, other), "S004") == []
    scheme = base.replace("lungs.}", "lungs., inference: {scheme: Argument From Consequences}}")
    assert nodes(load(tmp_path, scheme), "S004") == []


def test_s004_spares_overlapping_linked_and_evidence_premises(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: The city should ban cars from the old town centre.
          reasons:
            - id: R1
              text: Banning cars from the old town centre would make the city quieter.
            - linked:
                - {id: R2, text: Air pollution harms children's lungs.}
                - {id: A1, text: Whatever harms children should be banned., implicit: true}
          evidence:
            - {id: E1, text: Air quality sensors show high pollution., basis: statistic}
        """,
    )
    assert nodes(m, "S004") == []


# --- S005 circular-support ---------------------------------------------------------------------

CIRCLE = """
conclusion:
  id: C
  text: The newspaper is reliable.
  reasons:
    - id: R1
      text: The newspaper always tells the truth.
      reasons:
        - id: R2
          text: The newspaper says it always tells the truth.
relations:
  - {from: R1, to: R2}
"""


def test_s005_fires_on_a_circle_of_reasons(tmp_path: Path) -> None:
    gaps = found(load(tmp_path, CIRCLE), "S005")
    assert [(g.node, g.message) for g in gaps] == [
        ("R1", "R1: circular support: R1 supports R2 supports R1")
    ]


def test_s005_a_shared_reason_is_not_a_circle(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should act.
          reasons:
            - {id: R1, text: It is cheap., reasons: [{id: R3, text: Prices fell.}]}
            - {id: R2, text: It is quick., reasons: [{ref: R3}]}
        """,
    )
    assert nodes(m, "S005") == []


# --- S006 disconnected -------------------------------------------------------------------------


def test_s006_reports_the_top_of_a_loose_part_once(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion: {id: C, text: We should act., reasons: [{id: R1, text: It helps.}]}
        statements:
          - id: X
            text: Something else entirely.
            reasons: [{id: Y, text: A reason for something else.}]
        """,
    )
    assert [(g.node, g.message) for g in found(m, "S006")] == [
        ("X", "X: not connected to the main conclusion C (nor is the statement beneath it)")
    ]


def test_s006_quiet_when_everything_is_connected(tmp_path: Path) -> None:
    assert nodes(load(tmp_path, UNSUPPORTED), "S006") == []


# --- S007 dominant-source ----------------------------------------------------------------------


def _sources(*names: str) -> str:
    items = "\n".join(
        f"    - {{id: E{i}, text: Report number {i}., basis: media, source: {{name: {n}}}}}"
        for i, n in enumerate(names, 1)
    )
    return f"conclusion:\n  id: C\n  text: Things are bad.\n  evidence:\n{items}\n"


def test_s007_fires_when_one_source_gives_most_evidence(tmp_path: Path) -> None:
    gaps = found(load(tmp_path, _sources("CNN", "cnn", "BBC")), "S007")
    assert [(g.node, g.message) for g in gaps] == [
        ("C", "C: one source, CNN, gives 2 of the 3 pieces of evidence (E1, E2)")
    ]


def test_s007_quiet_with_varied_sources_or_little_evidence(tmp_path: Path) -> None:
    assert nodes(load(tmp_path, _sources("CNN", "BBC", "Reuters", "CNN")), "S007") == []
    assert nodes(load(tmp_path, _sources("CNN", "CNN")), "S007") == []


# --- Q001 unnamed-source -----------------------------------------------------------------------

SOURCES = """
conclusion:
  id: C
  text: Crime is rising.
  evidence:
    - {id: E1, text: Crime rose last year., basis: media}
    - {id: E2, text: Officials see more crime., basis: anonymous, source: Western sources located in the country}
    - {id: E3, text: Burglaries doubled., basis: media, source: reports}
    - {id: E4, text: Thefts rose 12%., basis: statistic, source: {name: City police crash reports, date: "2024"}}
    - {id: E5, text: Everyone is worried., basis: assertion}
    - {id: E6, text: Robberies rose., basis: media, source: CNN reports}
"""


def test_q001_fires_on_missing_and_vague_sources(tmp_path: Path) -> None:
    assert [g.message for g in found(load(tmp_path, SOURCES), "Q001")] == [
        "E1: evidence with no named source",
        'E2: evidence from a vague source: "Western sources located in the country" '
        '("western sources")',
        'E3: evidence from a vague source: "reports" ("reports")',
    ]


def test_q001_named_sources_and_bare_assertions_pass(tmp_path: Path) -> None:
    assert not {"E4", "E5", "E6"} & set(nodes(load(tmp_path, SOURCES), "Q001"))


# --- Q002 weak-basis ---------------------------------------------------------------------------


def test_q002_fires_on_weak_bases(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: Uniforms save money.
          evidence:
            - {id: E1, text: My neighbour saves money., basis: anecdote}
            - {id: E2, text: Everyone knows it., basis: common-belief}
            - {id: E3, text: A survey found savings., basis: statistic}
            - {id: E4, text: A parent says so., basis: anecdote, rating: solid}
        """,
    )
    assert [g.message for g in found(m, "weak-basis")] == [
        "E1: weak basis for evidence: anecdote",
        "E2: weak basis for evidence: common-belief",
    ]


def test_q002_quiet_on_strong_bases(tmp_path: Path) -> None:
    assert nodes(load(tmp_path, _sources("CNN", "BBC")), "Q002") == []


# --- Q003 stale-evidence -----------------------------------------------------------------------

STALE = """
source: {title: A paper, date: "2023-01"}
conclusion:
  id: C
  text: Venezuela currently issues passports to militants.
  evidence:
    - {id: E1, text: A leak showed passports were issued., basis: leak, source: {name: CNN, date: "2017-02"}}
    - {id: E2, text: A report says passports are issued., basis: media, source: BBC}
    - {id: E3, text: A report found passports issued last year., basis: media, source: {name: BBC, date: "2022"}}
    - {id: E4, text: In recent months more passports were seen., basis: media, source: Reuters}
  reasons:
    - id: R1
      text: In 2017 Venezuela issued 173 passports.
      evidence:
        - {id: E5, text: A leaked list of passports., basis: leak, source: {name: CNN, date: "2017"}}
"""


def test_q003_fires_on_old_and_undated_evidence_for_a_present_claim(tmp_path: Path) -> None:
    assert [g.message for g in found(load(tmp_path, STALE), "Q003")] == [
        "E1: evidence from 2017 for a present-tense claim (C), 6 years before the text (2023)",
    ]
    assert [g.message for g in found(load(tmp_path, STALE), "Q004")] == [
        "E2: undated evidence for a present-tense claim (C)",
    ]


def test_q003_spares_recent_self_dated_and_past_claims(tmp_path: Path) -> None:
    flagged = set(nodes(load(tmp_path, STALE), "Q003"))
    assert not {"E3", "E4", "E5"} & flagged


def test_q003_without_the_text_date_only_undated_evidence_counts(tmp_path: Path) -> None:
    m = load(tmp_path, STALE.replace('source: {title: A paper, date: "2023-01"}\n', ""))
    assert nodes(m, "Q003") == [] and nodes(m, "Q004") == ["E2"]


# --- T001 hedged-evidence ----------------------------------------------------------------------

HEDGED = """
conclusion:
  id: C
  text: Iran ships weapons to Venezuela.
  evidence:
    - {id: E1, text: Cargo that is suspected to be possibly weapons arrived., basis: anonymous}
    - {id: E2, text: Customs records list weapons crates., basis: official-record}
    - {id: E3, text: A shipment left in May 2022., basis: media, source: AP}
  reasons:
    - id: R1
      text: Iran may have a motive to arm Venezuela.
      evidence:
        - {id: E4, text: Officials reportedly discussed arms., basis: media, source: AP}
"""


def test_t001_fires_on_hedged_support_for_a_certain_claim(tmp_path: Path) -> None:
    assert [g.message for g in found(load(tmp_path, HEDGED), "T001")] == [
        'R1: hedged reason ("may") supports C, which is stated as certain',
        'E1: hedged evidence ("suspected", "possibly") supports C, which is stated as certain',
    ]


def test_t001_spares_plain_evidence_months_and_hedged_claims(tmp_path: Path) -> None:
    # E3's "May" is a month; E4 supports R1, which is hedged itself
    assert not {"E2", "E3", "E4"} & set(nodes(load(tmp_path, HEDGED), "T001"))


def test_t001_handles_typographic_apostrophes(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: The plan works.
          evidence: [{id: E1, text: "It’s reportedly working, the mayor´s aide says.", basis: media}]
        """,
    )
    assert [g.message for g in found(m, "T001")] == [
        'E1: hedged evidence ("reportedly") supports C, which is stated as certain'
    ]


# --- T002 overclaim ----------------------------------------------------------------------------

OVERCLAIM = """
conclusion:
  id: C
  text: The policy failed.
  evidence:
    - {id: E1, text: This is proven by a leaked memo., basis: leak, source: {name: CNN}}
    - {id: E2, text: Official figures clearly show a 30% fall., basis: statistic, source: {name: ONS}}
  reasons:
    - id: R1
      text: Undeniably, costs rose.
      evidence:
        - {id: E3, text: The audit office reported costs up 40%., basis: official-record, source: {name: NAO}}
    - id: R2
      text: Obviously the plan tries to prove too much.
"""


def test_t002_fires_on_certainty_over_weak_support(tmp_path: Path) -> None:
    assert [g.message for g in found(load(tmp_path, OVERCLAIM), "T002")] == [
        'R2: overclaim ("obviously") over weak support: evaluated unsupported',
        'E1: overclaim ("proven") over weak support: leak evidence, rated shaky',
    ]


def test_t002_spares_solid_support_and_quiet_words(tmp_path: Path) -> None:
    # E2 is solid evidence, R1 is accepted; "prove" alone is on the quiet list
    assert not {"C", "E2", "R1"} & set(nodes(load(tmp_path, OVERCLAIM), "T002"))
    m = load(tmp_path, "conclusion: {id: C, text: This will prove costly.}\n")
    assert nodes(m, "T002") == []


# --- T003 vague-quantifier ---------------------------------------------------------------------


def test_t003_fires_on_vague_quantities(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: A number of groups found a safe harbour.
          evidence: [{id: E1, text: Multiple operatives moved; several flights left., basis: media}]
        """,
    )
    assert [g.message for g in found(m, "T003")] == [
        'C: vague quantifier ("a number of"): how many?',
        'E1: vague quantifier ("multiple", "several"): how many?',
    ]
    assert found(m, "T003")[0].severity is Severity.WARNING


def test_t003_quiet_on_numbers_and_common_words(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: Three groups found a safe harbour, and some of them stayed.
          evidence: [{id: E1, text: 173 passports were issued to most applicants., basis: media}]
        """,
    )
    assert nodes(m, "T003") == []


def test_cue_rules_skip_implicit_assumptions(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: We should act.
          reasons:
            - linked:
                - {id: R1, text: It helps., evidence: [{id: E1, text: A study shows it helps., basis: study}]}
                - {id: A1, text: Many people clearly may benefit., implicit: true}
        """,
    )
    assert "A1" not in {g.node for g in argmap.find_gaps(m, select=["T"])}


# --- annotated ---------------------------------------------------------------------------------


def test_annotated_gaps_are_reported_with_their_kind_and_note(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion: {id: C, text: We should act., evidence: [{id: E1, text: It was 2007., basis: study}]}
        gaps:
          - {node: E1, kind: factual-error, note: It was 2008., cite: Treasury HP-1231}
          - {node: C, kind: hedge-mismatch, note: Hedged yet certain.}
        """,
    )
    annotated = [g for g in argmap.find_gaps(m) if g.origin == "annotated"]
    assert [(g.code, g.name, g.node, g.severity, g.message) for g in annotated] == [
        ("A006", "hedge-mismatch", "C", Severity.WARNING, "C: hedge mismatch: Hedged yet certain."),
        (
            "A002",
            "factual-error",
            "E1",
            Severity.ERROR,
            "E1: factual error: It was 2008. [record: Treasury HP-1231]",
        ),
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_is_quiet_on_an_empty_enough_map(tmp_path: Path, rule: object) -> None:
    m = load(tmp_path, "conclusion: {id: C, text: We should act., given: true}\n")
    assert argmap.find_gaps(m) == []


# --- the analyst's reconstructions and objections ----------------------------------------------

RECONSTRUCTED = """
conclusion:
  id: C
  text: The city should install speed cameras.
  evidence: [{id: E1, text: A review found cameras cut speeds., basis: study}]
  objections:
    - {id: O1, text: Cameras cost too much.}
    - {id: O2, text: Drivers would only slow down at the cameras., reconstructed: true}
"""


def test_s003_is_the_authors_objections_and_s008_the_readers(tmp_path: Path) -> None:
    m = load(tmp_path, RECONSTRUCTED)
    assert nodes(m, "S003") == ["O1"]
    assert [g.message for g in found(m, "S008")] == [
        "O2: the reader's objection that attacks C: the text never takes it up"
    ]


def test_s001_leaves_objections_and_reconstructions_alone(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        RECONSTRUCTED.replace(
            "  objections:",
            "  reasons:\n    - {id: R9, text: Analyst's words., reconstructed: true}\n  objections:",
        ),
    )
    assert nodes(m, "S001") == []


def test_q002_leaves_an_unnamed_anonymous_source_to_q001(tmp_path: Path) -> None:
    m = load(
        tmp_path,
        """
        conclusion:
          id: C
          text: Iran ships weapons.
          evidence:
            - {id: E1, text: Sources say so., basis: anonymous, source: Western sources}
            - {id: E2, text: An official says so., basis: anonymous, source: Interior Ministry spokesman}
        """,
    )
    assert nodes(m, "Q001") == ["E1"] and nodes(m, "Q002") == ["E2"]


def test_t003_spares_common_ground(tmp_path: Path) -> None:
    m = load(tmp_path, "conclusion: {id: C, text: Several countries turned left., given: true}\n")
    assert nodes(m, "T003") == []
