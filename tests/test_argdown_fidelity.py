"""Argdown -> argmap -> Argdown keeps what the Argdown author wrote, construct by construct.

Each test writes a small Argdown file, reads it, writes it back and reads
that again, and checks Argdown's own counts (``meta["argdown"]``: argmap's
Argdown model agrees with the Argdown CLI on every corpus file, see
tests/test_argdown_conformance.py) and the construct itself.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from argdown_reference import (
    argdown_cli,
    assert_read_alike,
    cli_views,
    counts,
    export_json,
)

from argmap.errors import MapFileError
from argmap.formats import argdown
from argmap.model import ArgumentMap, InferenceKind, Statement


def parse(text: str) -> ArgumentMap:
    return argdown.read("test.argdown", text=text)


def round_trip(text: str) -> tuple[ArgumentMap, ArgumentMap, str]:
    first = parse(text)
    written = argdown.dumps(first)
    return first, parse(written), written


def test_an_attack_on_a_reconstructed_argument_stays_an_attack() -> None:
    text = (
        "[C]: c.\n  + <A>\n\n<A>: the argument.\n\n(1) [P]: p.\n(2) [Q]: q.\n----\n(3) [C]\n\n"
        "[X]: x.\n  -> <A>\n"
    )
    first, again, written = round_trip(text)
    for m in (first, again):
        assert m.meta["argdown"]["relations"] == {"attack": 1}
        kinds = [i.kind for i in m.inferences.values()]
        assert InferenceKind.UNDERCUT not in kinds  # Argdown: an attack on a premise
        (attack,) = [i for i in m.inferences.values() if i.kind is InferenceKind.ATTACK]
        assert attack.premises == ["X"] and attack.target == "P"
        assert attack.meta["argdown"] == {"attacks": "<A>"}
    assert "<_" not in written


def test_a_single_step_argument_keeps_its_title_and_description() -> None:
    text = "<Survey>: Most say so. #poll\n\n(1) [P]: p.\n----\n(2) [C]: c.\n"
    first, again, written = round_trip(text)
    assert again.meta["argdown"] == first.meta["argdown"]
    assert again.meta["argdown"]["arguments"] == 1
    (step,) = again.inferences.values()
    assert step.meta["argdown"]["argument"] == "Survey"
    assert step.meta["argdown"]["description"] == "Most say so. #poll"  # Argdown keeps the tag
    assert step.meta["argdown"]["tags"] == ["poll"]
    assert "<Survey>: Most say so. #poll" in written


def test_an_anonymous_argument_gets_no_invented_title() -> None:
    first, again, written = round_trip("(1) [P]: p.\n----\n(2) [C]: c.\n")
    assert again.meta["argdown"]["arguments"] == first.meta["argdown"]["arguments"] == 1
    assert "<" not in written


def test_an_argument_of_several_steps_is_written_as_one() -> None:
    text = (
        "<Chain>: two steps.\n\n(1) [A]: a.\n(2) [B]: b.\n----\n(3) [M]: m.\n(4) [D]: d.\n"
        "-- Modus ponens --\n(5) [C]: c.\n"
    )
    first, again, written = round_trip(text)
    assert again.meta["argdown"] == first.meta["argdown"]
    assert again.meta["argdown"]["arguments"] == 1
    steps = sorted(again.inferences.values(), key=lambda i: i.target)
    assert [(s.premises, s.target) for s in steps] == [(["M", "D"], "C"), (["A", "B"], "M")]
    assert written.count("<Chain>") == 1


def test_strict_mode_contraries_and_entailments_come_back() -> None:
    text = "===\nmodel:\n    mode: strict\n===\n\n[A]: a.\n  - [B]: b.\n  + [E]: e.\n  >< [N]: n.\n"
    first, again, written = round_trip(text)
    assert first.meta["argdown"]["relations"] == {"contrary": 1, "entails": 1, "contradictory": 1}
    assert again.meta["argdown"] == first.meta["argdown"]
    assert "mode: strict" in written
    assert again.meta["argdown"]["statements"] == 4  # no statements made up for the relations


def test_a_strict_file_with_a_plain_attack_is_written_in_the_default_mode() -> None:
    first = parse("===\nmodel:\n    mode: strict\n===\n\n[A]: a.\n  - [B]: b.\n")
    # an edit the strict mode has no line for: an attack between two statements
    (contrary, other) = first.inferences.values()
    contrary.relation = None
    del first.inferences[other.id]
    written = argdown.dumps(first)
    assert "mode: strict" not in written
    again = parse(written)
    assert [i.kind for i in again.inferences.values()].count(InferenceKind.ATTACK) == 1


# --- the constructs of an Argdown author's file, kept (issue 18, item 1) ------------------------
#
# Each case is a small hostile or edge-case file written here. The tests below read it with
# argmap, check the construct, write it back and read that again; where the Argdown CLI is
# installed (make argdown-cli), the last test has Argdown itself read the original and the
# written file and compares its counts and what it keeps (texts, links, tags, tag colours,
# headings, titles).

CASES: dict[str, str] = {
    "argument names": (
        "[C]: Solar is cheap.\n  + <Attention>: People pay attention to costs.\n\n"
        "<Survey>: Most say so.\n\n(1) [P]: Panels got cheaper.\n(2) [Q]: Fitting got cheaper.\n"
        "----\n(3) [C]\n"
    ),
    "headings": (
        '# Costs {color: "#00ff00"}\n\n[C]: c.\n  + [R]: r.\n\n## Storage #tech\n\n'
        "[S]: s.\n  - [C]\n\n<A>: a.\n\n(1) [P]: p.\n----\n(2) [C]\n\n# Other\n\n[O]: o.\n"
    ),
    "tag colours": (
        '===\ncolor:\n    tagColors:\n        pro: "#ff00ff"\n        con: 2\n===\n\n'
        "[C]: c. #pro\n  - [K]: k. #con\n  + [N]: n. #neutral\n  + [M]: m. #(multi word)\n"
    ),
    "links": (
        "[C]: Coal costs more [see the report](https://example.org/r?a=1&b=2) and\n"
        "[this](http://x.y/z)  twice.\n  + [J]: Click [here](javascript:alert(1)) now.\n"
    ),
    "equivalence classes": (
        "[A]: The first text of A.\n  + [B]: b.\n\n[A]: The second text of A, with a "
        "[link](https://a.b/c).\n\n[A]\n  - [D]: d.\n\n<G>: first description.\n\n"
        "<G>: second description.\n  + [A]\n"
    ),
    "untitled statements": (
        "A claim nobody named.\n  + A reason nobody named.\n    - An objection, also unnamed.\n"
        "  - 1990 was a year.\n\n(1) An untitled premise.\n----\n(2) An untitled conclusion.\n"
        "\n\\2. Second point, escaped.\n"
    ),
    "hashtags": "[A]: A claim #tag1 with #(two words) tags.\n  + [B]: b. #tag1\n",
    "shortcodes": (
        "[L]: p .^. (p .->. q) .->. q :+1: .unknown. :heart:\n  + [M]: .~. p .v. q\n\n"
        "<R>\n\n(1) [L]\n--\nModus ponens .->. {uses: [1]}\n--\n(2) [N]: n :y:\n"
    ),
    "contradictions": (
        "[A]: a.\n  >< [B]: b.\n  >< [C]: c.\n    >< [A]\n\n[S]: self.\n  >< [S]\n\n"
        "<Arg>: an argument.\n  + [X]: x.\n  >< [Y]\n\n<P>\n\n(1) [Q]: q.\n  >< [NotQ]: not q.\n"
        "----\n(2) [R]: r.\n  >< [NotR]: not r.\n"
    ),
    "self attacks": (
        "<Self>: it attacks itself.\n  - <Self>\n\n[T]: t.\n  - [T]\n  + [T]\n\n"
        "<Loop>\n\n(1) [P]: p.\n----\n(2) [K]: k.\n\n<Loop>\n  -> <Loop>\n"
    ),
    "strict contradictions": (
        "===\nmodel:\n    mode: strict\n===\n\n[A]: a.\n  - [B]: b.\n    - [A]\n  >< [C]: c.\n"
    ),
    "lenient data": (
        '[A]: a. {from:["1"], b:[x], c:}\n  + <R>: r. {k:{z:1}}\n\n<U>\n\n(1) [P]: p.\n'
        "-- {uses:[1]} --\n(2) [Q]: q.\n"
    ),
    "explode arguments": (
        "===\nmodel:\n    explodeArguments: true\n===\n\n<Chain>: two steps. #t\n\n"
        "(1) [A]: a.\n(2) [B]: b.\n----\n(3) [M]: m.\n(4) [D]: d.\n"
        "-- Modus ponens {uses: [3, 4]} --\n(5) [C]: c.\n  + [Z]: z.\n\n"
        "[X]: x.\n  - <Chain>\n  _> <Chain>\n\n<One>\n\n(1) [E]: e.\n----\n(2) [F]: f.\n"
    ),
    "uses in the conclusion": (
        "<U>\n\n(1) [A]: a.\n(2) [B]: b.\n(3) [C]: c.\n----\n(4) [M]: m. {uses: [1, 3]}\n"
    ),
    # constructs met in real files from outside the corpus (bench/argdown_roundtrip.py):
    # an untitled structure belongs to no argument, though an argument is defined before it
    "untitled structure after an argument": (
        "<Argument>: a defended claim.\n\n[Parent]\n  + [Support]\n  - <Counter>\n\n"
        "(1) [P1]: first premise\n(2) [P2]: second premise\n-- Modus Ponens --\n"
        "(3) [Conclusion]: the conclusion\n"
    ),
    # Argdown's colour plugin: a tag's priority, a colour for a title, a colour index in data
    "colours by priority, title and index": (
        "===\ncolor:\n    colorScheme: colorbrewer-set3\n    tagColors:\n"
        '        tag-1: {color: "#169b89", priority: 2}\n        tag-2: {color: 3, priority: 1}\n'
        "    statementColors:\n        t: 2\n===\n\n"
        "[c]: c. #tag-2 #tag-1\n  + [t]: titled. #tag-2\n  + [d]: data. {color: 4}\n"
    ),
    "colour data ignored": (
        '===\ncolor:\n    ignoreColorData: true\n===\n\n[c]: c. #x {color: "#123456"}\n'
        "  + [e]: e. {color: 1}\n"
    ),
    # Argdown's data written back as Argdown's data, also under names argmap uses itself
    "argdown's own data": (
        "[S]: s. {isInMap: false, source: book, certainty: 0.8}\n  + <T> {links: [https://a.b/c]}\n"
        "  - [U]: u. {texts: [x], argdown: 2, color: 3}\n"
    ),
    # the hashtags after a reference are the member's text (Argdown's default mode) ...
    "hashtags after a reference": "[Slogan] #atheism #nietzsche\n",
    # ... and no text where the file takes tags out of texts
    "hashtags after a reference, tags out of texts": (
        "===\nmodel:\n  removeTagsFromText: true\n===\n\n[One] #pro\n\n[Two]: two. #pro #con\n"
    ),
    # different hashtags after different references of one element: each reference is a
    # member of its own, its hashtags its text (statements, argument nodes, reconstructed
    # arguments with and without a description; a class only ever referenced)
    "tags on several references": (
        "[A]: The first claim.\n\n[A] #tag-1\n\n[A] #tag-2\n\n[Z] #z1\n\n[Z] #z2\n  - [A]\n\n"
        "<b>: An argument.\n  + [A]\n\n<b> #tag-3\n\n<b> #tag-4\n\n"
        "<c>\n\n(1) [Z]\n----\n(2) [Q]: q.\n\n<c> #c1\n\n<c> #c2 #c3\n\n"
        "<d>: D desc.\n\n(1) [Z]\n----\n(2) [R]: r.\n\n<d> #d1\n\n<d> #(d 2)\n"
    ),
    # Argdown's palette colours a file's first 7 tags; the 8th, named first in the rewriting
    # (the conclusion's tree comes first), must not get a colour there
    "tags past the palette": (
        "[P1]: p1 #t1 #t2 #t3 #t4 #t5 #t6 #t7.\n  + [P2]: p2.\n\n[C]: c #t8.\n  - [P1]\n"
    ),
}


def case(name: str) -> tuple[ArgumentMap, ArgumentMap, str]:
    return round_trip(CASES[name])


def test_argument_names_and_descriptions_show_in_the_tree_and_the_render() -> None:
    from argmap.views.dot import to_dot
    from argmap.views.terminal import ShowOptions, show

    first, again, written = case("argument names")
    for m in (first, again):
        (step,) = [i for i in m.inferences.values() if len(i.premises) == 2]
        assert step.meta["argdown"]["argument"] == "Survey"
        assert step.meta["argdown"]["description"] == "Most say so."
        node = m.statements["<Attention>"]
        assert (node.title, node.text) == ("Attention", "People pay attention to costs.")
        lines = _plain(show(m, [], ShowOptions(gaps=False)))
        assert "⟨<Survey>: Most say so.⟩" in lines
        assert "reason: <Attention>: People pay attention to costs." in lines
        dot = to_dot(m)
        assert 'label="<Survey>"' in dot  # on the arrow of the inference it was read as
        assert "<Survey>: Most say so." in dot  # and in that arrow's tooltip
    assert "<Survey>: Most say so." in written
    assert "<Attention>: People pay attention to costs." in written


def test_headings_become_sections_clusters_and_headings_again() -> None:
    from argmap.views.dot import to_dot
    from argmap.views.terminal import ShowOptions, show

    first, again, written = case("headings")
    for m in (first, again):
        titles = [(s["title"], s["level"], s.get("parent")) for s in m.meta["sections"]]
        assert titles == [
            ("Costs", 1, None),
            ("Storage #tech", 2, "Costs"),
            ("Other", 1, None),
        ]
        by_title = {s["title"]: s for s in m.meta["sections"]}
        assert sorted(by_title["Costs"]["statements"]) == ["C", "R"]
        assert sorted(by_title["Storage #tech"]["statements"]) == ["P", "S"]
        assert by_title["Storage #tech"]["arguments"] == ["A"]
        assert by_title["Costs"]["data"] == {"color": "#00ff00"}
        dot = to_dot(m)
        # one box per heading, nested as the headings are, labelled with the heading
        assert dot.count('class="section"') == 3
        assert 'label="Storage #tech"' in dot
        storage = dot[dot.index('label="Storage #tech"') :]
        storage = storage[: storage.index("}")]
        assert '"S"' in storage and '"P"' in storage
        lines = _plain(show(m, [], ShowOptions(gaps=False)))
        assert "Sections (the file's headings):" in lines
        assert "§ Storage #tech  (2 statements)" in lines
    assert "# Costs" in written and "## Storage #tech" in written and "# Other" in written


def test_tag_colours_are_argdowns_and_colour_the_render() -> None:
    from argmap.views.dot import tint, to_dot

    first, again, written = case("tag colours")
    # the front matter's colours; the others from Argdown's default scheme by first
    # occurrence (colour n + 1 for the n-th tag); a number names a colour of the scheme
    expected = {"pro": "#ff00ff", "con": "#7570b3", "neutral": "#e7298a", "multi word": "#66a61e"}
    for m in (first, again):
        assert m.meta["tag_colors"] == expected
        dot = to_dot(m)
        assert f'fillcolor="{tint("#ff00ff")}"' in dot
        assert f'fillcolor="{tint("#e7298a")}"' in dot
    assert "color:" in written


def test_links_keep_their_urls_in_the_text_written_and_on_the_page() -> None:
    from argmap.views.html import text_parts

    first, again, written = case("links")
    for m in (first, again):
        claim = m.statements["C"]
        assert claim.text == "Coal costs more see the report and this twice."
        assert [(link["text"], link["url"]) for link in claim.meta["links"]] == [
            ("see the report", "https://example.org/r?a=1&b=2"),
            ("this", "http://x.y/z"),
        ]
        assert text_parts(claim)[1] == ["see the report", "https://example.org/r?a=1&b=2"]
        # a script URL stays text on the page (as in Argdown's own HTML export)
        assert text_parts(m.statements["J"]) == []
    assert "[see the report](https://example.org/r?a=1&b=2)" in written
    assert "[this](http://x.y/z)" in written


def test_every_text_of_an_equivalence_class_is_kept_and_written_back() -> None:
    first, again, written = case("equivalence classes")
    for m in (first, again):
        a = m.statements["A"]
        assert a.text == "The second text of A, with a link."  # the last definition's
        assert a.meta["texts"] == ["The first text of A.", "The second text of A, with a link."]
        (last,) = [i for i in m.inferences.values() if i.premises == ["A"]]
        assert last.target == "<G>"
        g = m.statements["<G>"]
        assert (g.text, g.meta["texts"]) == (
            "second description.",
            ["first description.", "second description."],
        )
    assert "[A]: The first text of A." in written
    assert "[A]: The second text of A, with a [link](https://a.b/c)." in written
    assert written.index("The first text of A.") < written.index("The second text of A")


def test_untitled_statements_are_written_without_invented_titles() -> None:
    first, again, written = case("untitled statements")
    assert again.meta["argdown"] == first.meta["argdown"]
    assert sorted(s.text for s in again.statements.values()) == sorted(
        s.text for s in first.statements.values()
    )
    # only a text starting like a numbered list item gets a title (else it would be a list
    # item): one Argdown's own numbering cannot give another statement
    assert written.count("Untitled") == 1
    assert "[Untitled statement 8]: 2. Second point, escaped." in written
    assert "  - 1990 was a year." in written  # after a relation it is no list item
    # the main conclusion, untitled, is marked in its data rather than named
    assert first.conclusion == "Untitled 1"
    assert again.statements[again.conclusion].text == "A claim nobody named."
    assert '{"argmap": "conclusion"}' in written


def test_hashtags_stay_in_the_text_and_a_native_maps_tags_leave_it_unchanged() -> None:
    first, again, written = case("hashtags")
    for m in (first, again):
        assert m.statements["A"].text == "A claim #tag1 with #(two words) tags."
        assert m.statements["A"].tags == ["tag1", "two words"]
    assert "removeTagsFromText" not in written
    # a map whose texts do not hold their tags: the front matter says to take them out
    native = ArgumentMap(
        conclusion="A",
        statements={"A": Statement(id="A", text="Plain #not-a-tag text.", tags=["t"])},
    )
    text = argdown.dumps(native)
    assert "removeTagsFromText: true" in text
    back = parse(text)
    assert (back.statements["A"].text, back.statements["A"].tags) == (
        "Plain #not-a-tag text.",
        ["t"],
    )


def test_shortcodes_become_argdowns_symbols_and_literal_ones_survive() -> None:
    first, again, written = case("shortcodes")
    for m in (first, again):
        assert m.statements["L"].text == "p ∧ (p → q) → q 👍 .unknown. ❤"
        assert m.statements["M"].text == "¬ p ∨ q"
        (rule,) = [i.scheme for i in m.inferences.values() if i.scheme]
        assert rule == "Modus ponens →"
    # a text that holds a shortcode as written (from another format) keeps it
    native = ArgumentMap(
        conclusion="A", statements={"A": Statement(id="A", text="Write .~. and :+1: here.")}
    )
    back = parse(argdown.dumps(native))
    assert back.statements["A"].text == "Write .~. and :+1: here."


def test_contradictions_round_trip_without_made_up_statements() -> None:
    first, again, written = case("contradictions")
    assert first.meta["argdown"] == {
        "statements": 10,
        "arguments": 2,
        "relations": {"contradictory": 6, "support": 1},
    }
    assert again.meta["argdown"] == first.meta["argdown"]
    assert "(conclusion)" not in written and "Against" not in written
    assert "[S]: self.\n  >< [S]" in written


def test_a_self_attacking_argument_gains_no_statements() -> None:
    first, again, written = case("self attacks")
    assert again.meta["argdown"] == first.meta["argdown"]
    assert first.meta["argdown"]["statements"] == 3
    assert "(conclusion)" not in written
    assert "<Self>: it attacks itself.\n  - <Self>" in written


def test_an_untitled_structure_is_not_written_after_an_argument() -> None:
    first = parse(CASES["untitled structure after an argument"])
    written = argdown.dumps(first)
    again = parse(written)
    assert first.meta["argdown"]["arguments"] == 3  # Argument, Counter, and the untitled one
    assert again.meta["argdown"] == first.meta["argdown"]
    blocks = written.split("\n\n")
    structure = next(i for i, b in enumerate(blocks) if b.startswith("(1)"))
    assert structure == 0 or not blocks[structure - 1].startswith("<")


def test_colours_follow_argdowns_colour_plugin() -> None:
    from argmap.formats.argdown.tables import COLOR_SCHEMES
    from argmap.model.presentation import statement_colour

    set3 = COLOR_SCHEMES["colorbrewer-set3"]
    for m in case("colours by priority, title and index")[:2]:
        colours = {sid: statement_colour(m, s) for sid, s in m.statements.items()}
        # c: tag-1 has the higher priority; t: its title's colour; d: scheme colour 4
        assert colours == {"c": "#169b89", "t": set3[2], "d": set3[4]}
    first, again, written = case("colour data ignored")
    for m in (first, again):
        # the data's colours are ignored: c by its tag, e with Argdown's default (none of its own)
        assert statement_colour(m, m.statements["c"]) == m.meta["tag_colors"]["x"]
        assert statement_colour(m, m.statements["e"]) is None
    assert "statement_colors" not in written  # worked out again from the front matter
    # Argdown's data stays Argdown's data, where Argdown's colour plugin reads it
    assert '[e]: e. {"color": 1}' in written


def test_argdowns_own_data_is_written_back_as_argdowns_data() -> None:
    first, again, written = case("argdown's own data")
    assert '[S]: s. {"source": "book", "isInMap": false, "certainty": 0.8}' in written
    assert '<T> {"links": ["https://a.b/c"]}' in written
    assert '[U]: u. {"color": 3, "texts": ["x"], "argdown": 2}' in written
    for m in (first, again):
        assert m.statements["S"].source is not None and m.statements["S"].source.name == "book"
        assert m.statements["<T>"].meta["argdown_data"] == {"links": ["https://a.b/c"]}
        assert "links" not in m.statements["<T>"].meta  # (argmap's links are a text's links)


def test_hashtags_after_a_reference_are_written_in_the_mode_of_the_file() -> None:
    first = parse(CASES["hashtags after a reference"])
    written = argdown.dumps(first)
    assert "removeTagsFromText" not in written  # the hashtags stay the member's text
    assert "[Slogan] #atheism #nietzsche" in written
    assert parse(written).statements["Slogan"].tags == ["atheism", "nietzsche"]
    other = argdown.dumps(parse(CASES["hashtags after a reference, tags out of texts"]))
    assert "removeTagsFromText: true" in other and "[One] #pro" in other


def test_tags_on_several_references_stay_on_their_references() -> None:
    first, again, written = case("tags on several references")
    for m in (first, again):
        a, z = m.statements["A"], m.statements["Z"]
        assert (a.text, a.tags) == ("The first claim.", ["tag-1", "tag-2"])
        assert a.meta["texts"] == ["#tag-1", "#tag-2", "The first claim."]  # the text used last
        assert (z.text, z.tags, z.meta["texts"]) == ("Z", ["z1", "z2"], ["#z1", "#z2"])
        b = m.statements["<b>"]
        assert (b.text, b.tags) == ("An argument.", ["tag-3", "tag-4"])
        steps = {
            i.meta["argdown"]["argument"]: i.meta["argdown"]
            for i in m.inferences.values()
            if "argdown" in i.meta
        }
        assert steps["c"]["texts"] == ["#c1", "#c2 #c3"] and "description" not in steps["c"]
        assert steps["d"]["texts"] == ["#d1", "#(d 2)", "D desc."]
        assert steps["d"]["description"] == "D desc."
    # each reference written again with its own hashtags, none of them as a definition
    for line in ("[A] #tag-1", "[A] #tag-2", "[Z] #z1", "[Z] #z2", "<b> #tag-3", "<b> #tag-4"):
        assert f"\n\n{line}\n" in written
    assert "<c> #c2 #c3\n" in written and "<d> #(d 2)\n" in written
    assert "removeTagsFromText" not in written and "]: #" not in written and ">: #" not in written
    assert argdown.dumps(again) == written


def test_a_tag_argdown_leaves_uncoloured_is_written_uncoloured() -> None:
    first, again, written = case("tags past the palette")
    assert sorted(first.meta["tag_colors"]) == [f"t{n}" for n in range(1, 8)]
    assert written.index("[C]: c #t8.") < written.index("#t1")  # t8 is named first now
    assert "    t8: null\n" in written  # so it is said to have no colour
    assert again.meta["tag_colors"] == first.meta["tag_colors"]


def _plain(renderable: object) -> str:
    from rich.console import Console

    console = Console(width=200, no_color=True, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


@pytest.fixture(scope="module")
def argdown_views(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], ...]:
    """Argdown's own JSON of each case and of argmap's rewriting of it (one CLI run each)."""
    views = cli_views(CASES, tmp_path_factory.mktemp("argdown"))
    if views is None:
        pytest.skip("the Argdown CLI is not installed (make argdown-cli needs npm)")
    return views


@pytest.mark.parametrize("name", list(CASES))
def test_the_argdown_cli_reads_the_round_trip_as_it_reads_the_original(
    name: str, argdown_views: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    assert_read_alike(argdown_views, f"case{list(CASES).index(name)}.argdown")


def test_lenient_inline_data_reads_as_js_yaml_reads_it() -> None:
    first, again, written = case("lenient data")
    for m in (first, again):
        # js-yaml (Argdown's YAML library) ends a key at a ':' a flow indicator follows,
        # and reads "z:1" (no blank) as one plain word: the values here are its own
        assert m.statements["A"].meta == {"from": ["1"], "b": ["x"], "c": None}
        assert m.statements["<R>"].meta["k"] == {"z:1": None}
    (step,) = [i for i in first.inferences.values() if i.target == "Q"]
    assert step.premises == ["P"]


def test_a_data_error_after_a_lenient_colon_is_at_its_place() -> None:
    with pytest.raises(MapFileError) as info:
        parse("[A]: a.\n\n[B]: b. {x:[1], y: [}\n")
    assert (info.value.line, info.value.col) == (3, 21)


def test_explode_arguments_splits_an_argument_into_its_steps_as_argdown_does() -> None:
    first, again, written = case("explode arguments")
    for m in (first, again):
        assert m.meta["argdown"]["arguments"] == 3  # <Chain - 1>, <Chain - 2>, <One>
        names = sorted(
            str(i.meta["argdown"]["argument"])
            for i in m.inferences.values()
            if "argument" in i.meta.get("argdown", {})
        )
        assert names == ["Chain - 1", "Chain - 2", "One"]
        steps = {
            i.meta["argdown"]["argument"]: i
            for i in m.inferences.values()
            if "argument" in i.meta.get("argdown", {})
        }
        assert (steps["Chain - 2"].premises, steps["Chain - 2"].target) == (["M", "D"], "C")
        # every piece keeps the argument's description and tags
        assert steps["Chain - 1"].meta["argdown"]["description"] == "two steps. #t"
    assert "explodeArguments: true" in written


def test_uses_in_a_conclusions_data_chooses_the_premises() -> None:
    first, again, written = case("uses in the conclusion")
    for m in (first, again):
        (step,) = m.inferences.values()
        assert (step.premises, step.target) == (["A", "C"], "M")
    assert '[M]: m. {"uses": [1, 2]}' in written  # the premises' numbers as written


def _files(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / next(iter(files))


INCLUDES = {
    "main.argdown": "[A]: a.\n  + [B]: b.\n\n@include(sub/part.argdown)\n",
    "sub/part.argdown": "[C]: c.\n  - [A]\n\n@include(../main.argdown)\n\n@include(../main.argdown)\n",
}


def test_include_puts_the_file_in_relative_to_the_including_one(tmp_path: Path) -> None:
    m = argdown.read(_files(tmp_path, INCLUDES))
    # as Argdown: each file at most once more (main comes in again once, from part)
    assert m.meta["argdown"] == {
        "statements": 3,
        "arguments": 0,
        "relations": {"support": 1, "attack": 1},
    }
    c = m.statements["C"]
    assert c.origin is not None and str(c.origin.file).endswith("part.argdown")
    assert c.origin.line == 1
    left_out = [n for n in m.notices if "already included" in n]
    assert len(left_out) == 2  # part's second @include(../main), and main's again inside it
    written = argdown.dumps(m)
    assert "@include" not in written and parse(written).meta["argdown"] == m.meta["argdown"]


def test_a_missing_include_is_an_error_at_the_include(tmp_path: Path) -> None:
    path = _files(tmp_path, {"main.argdown": "[A]: a.\n\n  @include(gone.argdown)\n"})
    with pytest.raises(MapFileError) as info:
        argdown.read(path)
    assert (info.value.file, info.value.line, info.value.col) == (str(path), 3, 3)
    assert "@include(gone.argdown): cannot read" in str(info.value)
    assert "no such file" in str(info.value)


def test_an_error_in_an_included_file_is_placed_in_that_file(tmp_path: Path) -> None:
    path = _files(
        tmp_path,
        {"main.argdown": "[A]: a.\n\n@include(bad.argdown)\n", "bad.argdown": "[B]: b. {x: [}\n"},
    )
    with pytest.raises(MapFileError) as info:
        argdown.read(path)
    assert info.value.file == str(tmp_path / "bad.argdown")
    assert (info.value.line, info.value.col) == (1, 14)


def test_a_file_of_headings_only_is_a_located_error() -> None:
    with pytest.raises(MapFileError) as info:
        parse("===\ntitle: t\n===\n\n# Only\n\n## Headings #x\n")
    assert (info.value.line, info.value.col) == (5, 1)
    assert "only headings (2)" in str(info.value)
    with pytest.raises(MapFileError) as empty:
        parse("// nothing but a comment\n")
    assert empty.value.line is not None  # located too


def test_the_argdown_cli_counts_an_included_file_as_argmap_does(tmp_path: Path) -> None:
    cli = argdown_cli()
    if cli is None:
        pytest.skip("the Argdown CLI is not installed (make argdown-cli needs npm)")
    path = _files(tmp_path / "in", INCLUDES)
    exported = export_json(cli, path.parent, tmp_path / "out")
    assert counts(exported[path.name]) == argdown.read(path).meta["argdown"]


def test_an_include_of_a_file_that_is_no_argdown_file_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("[S]: not for the map.\n", encoding="utf-8")
    path = _files(tmp_path, {"main.argdown": "[A]: a.\n\n@include(secret.txt)\n"})
    with pytest.raises(MapFileError) as info:
        argdown.read(path)
    assert "argmap includes Argdown files only" in str(info.value)
    assert (info.value.line, info.value.col) == (3, 1)


def test_a_text_that_says_at_include_includes_nothing_when_written() -> None:
    native = ArgumentMap(
        conclusion="@include(x.argdown)",
        title="Title @include(t.argdown)",
        statements={
            "@include(x.argdown)": Statement(
                id="@include(x.argdown)",
                text="See @include(y.argdown) here.",
                note="@include(z.argdown)",
                tags=["@include(w"],
            )
        },
    )
    written = argdown.dumps(native)
    assert "@include(" not in written
    back = parse(written)
    (statement,) = back.statements.values()
    assert (statement.text, statement.note, statement.tags) == (
        "See @include(y.argdown) here.",
        "@include(z.argdown)",
        ["@include(w"],
    )
    assert back.title == "Title @include(t.argdown)"


def test_data_named_as_a_field_that_argmap_cannot_use_is_written_as_argdowns_data() -> None:
    """``{strength: 0.8}``, ``{kind: premise}``: kept in meta on reading (Argdown accepts the
    file) and written back as the same data, not nested under ``"meta"``, so Argdown reads
    the data it read."""
    text = (
        "<A>\n\n(1) [P]: p. {kind: premise}\n(2) [Q]: q. {kind: evidence}\n"
        "-- Modus Ponens {strength: 0.8} --\n(3) [C]: c.\n"
    )
    first, again, written = round_trip(text)
    for m in (first, again):
        assert m.statements["P"].meta == {"kind": "premise"}
        assert m.statements["Q"].kind.value == "evidence" and "kind" not in m.statements["Q"].meta
        (step,) = m.inferences.values()
        assert (step.strength, step.meta["strength"], step.scheme) == (None, 0.8, "Modus Ponens")
    assert '[P]: p. {"kind": "premise"}' in written
    assert '-- Modus Ponens {"strength": 0.8} --' in written
    assert '"meta"' not in written
    # a meta key of a field's name whose value the field can take stays apart, under "meta"
    first.statements["P"].meta = {"kind": "evidence"}
    kept = argdown.dumps(first)
    assert '{"meta": {"kind": "evidence"}}' in kept
    assert parse(kept).statements["P"].meta == {"kind": "evidence"}
