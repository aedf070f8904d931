"""Argdown (``.argdown``, ``.ad``): reader and writer, one module per stage.

Reading follows Argdown 1.7 closely, because Argdown's own counts are the
test (``../shared/corpus/argdown/expected-counts.json``): a lexer with the
same token rules in the same order (relations, list items and statement
numbers only at the start of a line, indentation turned into indent and
dedent tokens, bold and italic ranges tracked on a stack), an LL parser for
the same grammar, and a model builder that mirrors Argdown's ModelPlugin
(equivalence classes keyed by title, relation de-duplication, the moves of
argument relations onto conclusions and inferences, strict mode). Anything
Argdown rejects (a lexer or parser error, malformed YAML data, a second
premise-conclusion structure for one argument) is a located error here.

The Argdown model then becomes an argmap graph (see ``docs/argdown.md``):
equivalence classes become statements, premise-conclusion structures become
support inferences, an argument without one becomes a statement-like node
(``meta: {argdown: argument}``), and relations become supports, attacks and
undercuts (contrary and contradictory as two attacks with ``relation`` set).

Writing goes the other way with Argdown's plain constructs where they fit
(relation lines for one-premise supports and attacks, a premise-conclusion
structure for linked premises) and inline ``{...}`` data or the front matter
for what Argdown has no slot for, so that the output reads back to the same
graph. Both directions are iterative: the parser keeps its own stack, so
a map 10,000 levels deep reads as well as a flat one.

The stages: :mod:`.lexer` (tokens), :mod:`.parser` (the grammar, with
:mod:`.data` for the ``{...}`` YAML data blocks), :mod:`.model` (Argdown's
own model, as its ModelPlugin builds it), :mod:`.convert` (that model to
argmap's graph, and :func:`read`) and :mod:`.writer` (:func:`dumps`).
Names with a leading underscore are private to this package.
"""

from typing import TYPE_CHECKING, Any

from argmap.formats.argdown.convert import read

if TYPE_CHECKING:
    from argmap.formats.argdown.writer import MAX_NESTING, dumps

__all__ = ["MAX_NESTING", "dumps", "read"]


def __getattr__(name: str) -> Any:
    # the writer is imported when first used: reading (render, gaps) needs none of it
    if name in ("MAX_NESTING", "dumps"):
        from argmap.formats.argdown import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
