"""Argdown reader: conformance with Argdown itself on the shared corpus, syntax, mapping, errors.

The oracle is ``../shared/corpus/argdown/expected-counts.json``: for every
file, whether Argdown 1.7.5 accepts it and the counts of its own model
(equivalence classes, arguments, relations by type). The reader must accept
exactly those files and reproduce those counts in ``meta["argdown"]``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, needs_corpus
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from argmap import load
from argmap.cli import app
from argmap.errors import MapFileError
from argmap.formats import argdown
from argmap.model import ArgumentMap, InferenceKind

ARGDOWN = CORPUS / "argdown"
EXPECTED_FILE = ARGDOWN / "expected-counts.json"
EXPECTED: dict[str, dict[str, object]] = (
    json.loads(EXPECTED_FILE.read_text(encoding="utf-8")) if EXPECTED_FILE.is_file() else {}
)
ACCEPTED = sorted(name for name, e in EXPECTED.items() if e["argdown_accepts"])
REJECTED = sorted(name for name, e in EXPECTED.items() if not e["argdown_accepts"])

#: Files where argmap knowingly differs from Argdown, with the reason. None so far: every
#: file is accepted or rejected as Argdown does, and every count matches.
DEVIATIONS: dict[str, str] = {}

#: Where each rejected file fails, and why (Argdown rejects them for the same reasons).
REJECTIONS = {
    # the inline data of the inference line is not YAML: "[1,2]; uses" needs a comma
    "packages_argdown-core_test_lexer-argument.argdown": "3:57: YAML error in the data block: "
    "did not find expected ',' or '}'",
    # a file of bare relation symbols: a relation needs a statement or argument above it
    "packages_argdown-core_test_lexer-relations.argdown": "1:1: expected a statement, an "
    "argument, a heading or a numbered premise, found a '+' relation (a relation goes on an "
    "indented line under a statement or an argument)",
}


def counts(argmap: ArgumentMap) -> dict[str, object]:
    got = argmap.meta["argdown"]
    assert isinstance(got, dict)
    return got


def parse(text: str, **kwargs: str) -> ArgumentMap:
    return argdown.read("test.argdown", text=text, **kwargs)


# --- conformance -------------------------------------------------------------------------------


@needs_corpus
def test_every_corpus_file_has_an_expectation() -> None:
    files = sorted(p.name for p in ARGDOWN.iterdir() if p.suffix in (".argdown", ".ad"))
    assert files == sorted(EXPECTED)
    assert sorted(REJECTIONS) == REJECTED


@needs_corpus
@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_file_reads_with_argdowns_counts(name: str) -> None:
    if name in DEVIATIONS:
        pytest.skip(DEVIATIONS[name])
    argmap = load(ARGDOWN / name)
    expected = EXPECTED[name]
    assert counts(argmap) == {
        "statements": expected["statements"],
        "arguments": expected["arguments"],
        "relations": expected["relations"],
    }
    argmap.check()


@needs_corpus
@pytest.mark.parametrize("name", REJECTED)
def test_rejected_file_gives_a_located_error(name: str) -> None:
    with pytest.raises(MapFileError) as info:
        load(ARGDOWN / name)
    assert str(info.value) == f"{ARGDOWN / name}:{REJECTIONS[name]}"


@needs_corpus
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_windows_line_endings_change_nothing(name: str, tmp_path: Path) -> None:
    text = (ARGDOWN / name).read_text(encoding="utf-8").replace("\r\n", "\n")
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    if not EXPECTED[name]["argdown_accepts"]:
        with pytest.raises(MapFileError):
            load(path)
        return
    assert counts(load(path)) == counts(load(ARGDOWN / name))


@needs_corpus
def test_cli_error_for_a_rejected_file() -> None:
    path = ARGDOWN / "packages_argdown-core_test_lexer-argument.argdown"
    result = CliRunner().invoke(app, ["show", str(path)])
    assert result.exit_code == 1
    assert f"Error: {path}:3:57: YAML error in the data block" in result.output


@needs_corpus
def test_cli_shows_the_primer() -> None:
    result = CliRunner().invoke(app, ["show", str(ARGDOWN / "examples_argdown-primer.argdown")])
    assert result.exit_code == 0, result.output
    assert "Another statement (after a blank line)" in result.output


@needs_corpus
def test_primer_mapping() -> None:
    """Statements, argument nodes, the reconstructed argument and its relations, as argmap sees them."""
    argmap = load(ARGDOWN / "examples_argdown-primer.argdown", conclusion="Statement 1")
    node = argmap.statements["<Yet another argument>"]
    assert node.meta["argdown"] == "argument"
    assert node.tags == ["yet-another-tag"]
    # <Argument 1>: (1) First premise (2) [Statement 2] -- rule -- (3) conclusion
    (step,) = [i for i in argmap.inferences.values() if len(i.premises) == 2]
    assert step.premises[1] == "Statement 2"
    # Argdown's shortcodes become their symbols (.^. and .->. in the file)
    assert step.scheme == "Some inference rule: p \u2227 (p \u2192 q) \u2192 q"
    assert step.meta["some_additional_data"] == [1, 2]
    assert step.meta["argdown"] == {"argument": "Argument 1"}
    # [Intro] -> <Argument 1>: an attack on a reconstructed argument attacks a premise (as
    # Argdown defines it; argmap takes the first), not its inference
    assert argmap.attacks(step.id) == []
    (attack,) = [i for i in argmap.incoming(step.premises[0]) if i.kind is InferenceKind.ATTACK]
    assert attack.premises == ["Intro"]
    assert attack.meta["argdown"] == {"attacks": "<Argument 1>"}
    assert argmap.statements["Statement 1"].tags == ["Another tag"]
    assert [s["title"] for s in argmap.meta["sections"]] == [
        "\u2764 Welcome to Argdown! \u2764",
        "Argdown Basics",
        "Argument reconstructions",
    ]


# --- syntax ------------------------------------------------------------------------------------


NOTES_EXAMPLE = """\
===
model:
    mode: strict
===

# Main claim

[Claim]: Remote work increases developer productivity. #conclusion
    + <Survey argument>
    - <Confound objection>

<Survey argument>: Developers report higher output when remote.

(1) [Survey]: 70% of surveyed developers report higher output.
(2) [Self-report valid]: Self-reports track actual output.
--
Inference to the best explanation {uses: [1, 2]}
--
(3) [Claim]

<Confound objection>: Selection effects confound the survey.
    _> <Survey argument>
"""


def test_the_notes_example() -> None:
    argmap = parse(NOTES_EXAMPLE)
    assert counts(argmap) == {
        "statements": 3,
        "arguments": 2,
        "relations": {"attack": 1, "undercut": 1},
    }
    assert argmap.conclusion == "Claim"
    (pcs,) = [i for i in argmap.inferences.values() if i.kind is InferenceKind.SUPPORT]
    assert pcs.premises == ["Survey", "Self-report valid"]
    assert pcs.target == "Claim"
    assert pcs.scheme == "Inference to the best explanation"
    (undercut,) = argmap.attacks(pcs.id)
    assert undercut.premises == ["<Confound objection>"]
    assert argmap.statements["Claim"].tags == ["conclusion"]
    # the hashtag stays in the text, as Argdown's default keeps it
    assert (
        argmap.statements["Claim"].text
        == "Remote work increases developer productivity. #conclusion"
    )
    assert argmap.meta["frontmatter"] == {"model": {"mode": "strict"}}
    assert argmap.meta["sections"] == [
        {
            "title": "Main claim",
            "level": 1,
            "statements": ["Claim", "Survey", "Self-report valid", "<Confound objection>"],
            "arguments": ["Survey argument"],
        }
    ]


def test_relations_by_indentation() -> None:
    argmap = parse("[A]: a\n  + [B]: b\n    - [C]: c\n      +> [D]: d\n  <- [E]: e\n  -> [F]: f\n")
    edges = {(i.premises[0], i.target, i.kind.value) for i in argmap.inferences.values()}
    assert edges == {
        ("B", "A", "support"),
        ("C", "B", "attack"),
        ("C", "D", "support"),
        ("E", "A", "attack"),
        ("A", "F", "attack"),
    }


def test_contradiction_is_two_attacks_counted_once() -> None:
    argmap = parse("[A]: a\n  >< [B]: b\n")
    assert counts(argmap)["relations"] == {"contradictory": 1}
    attacks = {(i.premises[0], i.target, i.relation) for i in argmap.inferences.values()}
    assert attacks == {("A", "B", "contradictory"), ("B", "A", "contradictory")}


def test_strict_mode_makes_contraries_and_entailments() -> None:
    argmap = parse(
        "===\nmodel: {mode: strict}\n===\n\n[A]: a\n  - [B]: b\n  + [C]: c\n\n[B]\n  - [A]\n"
    )
    assert counts(argmap)["relations"] == {"contrary": 1, "entails": 1}
    kinds = sorted((i.kind.value, i.relation or "") for i in argmap.inferences.values())
    assert kinds == [("attack", "contrary"), ("attack", "contrary"), ("support", "entails")]


def test_chained_inferences_and_uses() -> None:
    argmap = parse(
        "<Chain>\n\n(1) [A]: a\n(2) [B]: b\n----\n(3) [C]: c\n(4) [D]: d\n"
        "-- rule {uses: [1, 4]} --\n(5) [E]: e\n"
    )
    steps = sorted((i.premises, i.target) for i in argmap.inferences.values())
    assert steps == [(["A", "B"], "C"), (["A", "D"], "E")]


def test_undercut_under_an_inference_line() -> None:
    argmap = parse("(1) [A]: a\n----\n  <_ [U]: u\n(2) [B]: b\n")
    (step,) = [i for i in argmap.inferences.values() if i.kind is InferenceKind.SUPPORT]
    (undercut,) = argmap.attacks(step.id)
    assert undercut.premises == ["U"]
    assert counts(argmap) == {"statements": 3, "arguments": 1, "relations": {"undercut": 1}}


def test_data_sets_fields_and_keeps_the_rest_in_meta() -> None:
    argmap = parse(
        '[E]: The survey says so. {kind: evidence, basis: statistic, at: "3-4", '
        "source: {name: OECD, date: 2019}, isInGroup: true}\n"
        "  + [F]: f {kind: no-such-kind}\n"
    )
    evidence = argmap.statements["E"]
    assert evidence.kind.value == "evidence"
    assert evidence.basis is not None and evidence.basis.value == "statistic"
    assert evidence.at == "3-4"
    assert evidence.source is not None and evidence.source.date == "2019"
    assert evidence.meta == {"isInGroup": True}
    # a value argmap cannot use stays in meta: Argdown accepts the file, so must argmap
    assert argmap.statements["F"].kind.value == "claim"
    assert argmap.statements["F"].meta == {"kind": "no-such-kind"}


def test_text_escapes_comments_markup() -> None:
    argmap = parse(
        "[A]: 1 \\< 3 \\> 2 \\[x\\] \\#y <!-- gone --> **bold** _it_ [link](http://x.org)"
        " @[B] // gone too\n"
    )
    assert argmap.statements["A"].text == "1 < 3 > 2 [x] #y bold it link @[B]"


def test_tags_stay_in_the_text_as_argdowns_default_keeps_them() -> None:
    argmap = parse("[A]: A claim #tag1 with #(two words) tags.\n")
    assert argmap.statements["A"].text == "A claim #tag1 with #(two words) tags."
    assert argmap.statements["A"].tags == ["tag1", "two words"]


def test_remove_tags_from_text_takes_them_out() -> None:
    front = "===\nmodel:\n    removeTagsFromText: true\n===\n\n"
    argmap = parse(front + "[A]: A claim #tag1 with #(two words) tags.\n")
    assert argmap.statements["A"].text == "A claim with tags."
    assert argmap.statements["A"].tags == ["tag1", "two words"]


def test_untitled_statements_and_lists() -> None:
    argmap = parse("A first statement\n\n  * item one\n  * item two\n\n  1. numbered\n")
    assert counts(argmap)["statements"] == 4
    assert argmap.statements["Untitled 1"].title is None
    assert argmap.statements["Untitled 2"].text == "item one"


def test_front_matter_title_and_conclusion() -> None:
    text = "===\ntitle: A debate\nargmap: {conclusion: B}\n===\n\n[A]: a\n  + [B]: b\n"
    argmap = parse(text)
    assert argmap.title == "A debate"
    assert argmap.conclusion == "B"
    assert parse(text, conclusion="A").conclusion == "A"


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[A]: a \\", "1:8: a backslash at the end of a line escapes nothing"),
        ("[A]: a\n+ [B]: b\n", "2:1: expected an empty line or the end of the file"),
        ("<A>\n(1) [P]: p\n----\n(2) [C]: c\n", "2:1: expected an empty line or the end"),
        ("(1) [P]: p\n(2) [C]: c\n", "3:1: expected an inference line"),
        ("(1) [P]: p\n----\n", "3:1: expected a numbered statement"),
        (
            "<A>\n\n(1) [P]: p\n----\n(2) [C]: c\n\n<A>\n\n(1) [Q]: q\n----\n(2) [C]\n",
            "9:1: a second premise-conclusion structure for the argument <A>",
        ),
        ("[A]: a {b: [1,}\n", "1:15: YAML error in the data block"),
        ("[A]: a {b: 1, b: 2}\n", "1:15: YAML error in the data block: duplicate key 'b'"),
        ('[A]: a {"b": 1, "b": 2}\n', "1:8: YAML error in the data block: duplicate key 'b'"),
        ("===\na: [\n===\n\n[A]: a\n", "3:1: YAML error in the front matter"),
        ("[A]: **bold\n", "2:1: expected the end of bold text (**)"),
        ("[A]: a\n\n@include(other.argdown)\n", "@include(other.argdown): cannot read"),
        ("# Only a heading\n", "only headings (1)"),
    ],
)
def test_syntax_errors_are_located(text: str, message: str) -> None:
    with pytest.raises(MapFileError) as info:
        parse(text)
    assert message in str(info.value)
    assert str(info.value).startswith("test.argdown:")


def test_malformed_yaml_never_crashes() -> None:
    for data in ("{a: *x}", "{a: !!python/object:os.system x}", "{[1]: 2}", "{a: {b: [}"):
        with pytest.raises(MapFileError):
            parse(f"[A]: a {data}\n")


# --- depth -------------------------------------------------------------------------------------


def test_deep_indentation_reads_without_recursion() -> None:
    depth = 1500
    lines = ["[S0]: s0"] + [f"{'  ' * i}+ [S{i}]: s{i}" for i in range(1, depth + 1)]
    argmap = parse("\n".join(lines) + "\n")
    assert counts(argmap) == {
        "statements": depth + 1,
        "arguments": 0,
        "relations": {"support": depth},
    }
    assert argmap.depth() == depth


RUNS = ["[", "<", "{", "@[", "<!--", "[<{", "x[", "@", "[<@", "<<[", "[<@[", "<[@", "{{[", "@{"]


@pytest.mark.parametrize("run", RUNS)
def test_a_run_of_punctuation_is_a_few_tokens_and_all_of_its_text(run: str) -> None:
    """Plain text after plain text is one token (not a tuple per character of a long run),
    and the statement keeps every character of it."""
    from argmap.formats.argdown.lexer import _Lexer

    body = run * 20_000
    text = f"[A]: a statement {body}\n"
    assert len(_Lexer(text).run()) < 10
    (statement,) = argdown.read("runs.argdown", text=text).statements.values()
    assert statement.text == f"a statement {body}"


def _tokens_per_character(text: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The lexer's tokens with runs of brackets crossed one character at a time."""
    from argmap.formats.argdown import lexer

    with monkeypatch.context() as patched:
        patched.setattr(lexer._Ahead, "plain_run", lambda self, pos: pos + 1)
        return list(lexer._Lexer(text).run())


# what may come after a run: the end of the text, the closing of a reference that turns the
# run's last brackets into a reference, a line break, a relation, a comment, a mention
ENDINGS = ["", "A]", "A]: s", "B> c", "\n+ [C]: d", "-->", "x](y)", "]]", "@[D]", "\n\n<E>: e"]
ENDINGS += ["x}", "} y", "}}", "},", "\n{a: 1}"]  # a run of "{" closed into a data block or not


@pytest.mark.parametrize("run", RUNS)
@pytest.mark.parametrize("ending", ENDINGS)
def test_a_run_crossed_at_once_lexes_as_one_character_at_a_time(
    run: str, ending: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lexer crosses a run of "[", "<", "@" and "{" whose unit repeats in one step (issue 12's
    hostile '@[' files): the tokens are those of lexing it character by character."""
    from argmap.formats.argdown.lexer import _Lexer

    for length in (1, 7, 13, 50, 401):
        text = f"[A]: a statement {run * length}{ending}\n"
        assert _Lexer(text).run() == _tokens_per_character(text, monkeypatch), (length, text)


_BRACKETS = st.text(alphabet="[<@]>:(){}-!x \n", max_size=12)


@settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None)
@given(st.lists(st.tuples(_BRACKETS, st.integers(1, 60)), max_size=6), _BRACKETS)
def test_any_runs_lex_as_one_character_at_a_time(pieces: list[tuple[str, int]], tail: str) -> None:
    """Random texts of repeated pieces: crossing runs at once changes no token."""
    from argmap.formats.argdown.lexer import _Lexer

    text = "[A]: a " + "".join(piece * times for piece, times in pieces) + tail
    with pytest.MonkeyPatch.context() as monkeypatch:
        expected = _tokens_per_character(text, monkeypatch)
    assert _Lexer(text).run() == expected


def test_the_hashtag_class_is_argdowns_set_of_characters() -> None:
    """The negated class the lexer compiles takes exactly the characters Argdown lists."""
    import re

    from argmap.formats.argdown.lexer import _TAG_CHARS, _TAG_CLASS

    listed = re.compile(f"[{_TAG_CHARS}]")
    negated = re.compile(_TAG_CLASS)
    differ = [
        hex(code)
        for code in [*range(0x10000), 0x10000, 0x1F600, 0x10FFFF]
        if bool(listed.fullmatch(chr(code))) != bool(negated.fullmatch(chr(code)))
    ]
    assert differ == []
    assert negated.fullmatch("_") and negated.fullmatch("é") and not negated.fullmatch(" ")
