"""Argdown's grammar as an LL parser over the lexer's tokens, feeding the model builder."""

from __future__ import annotations

import re
from collections.abc import Generator
from types import ModuleType
from typing import Any

from argmap.formats.argdown.data import _load_yaml
from argmap.formats.argdown.lexer import (
    _DESCRIBE,
    _DOT,
    _TAG_CLASS,
    _WS,
    AB_END,
    AB_START,
    AI_END,
    AI_START,
    ARG_DEF,
    ARG_MENTION,
    ARG_REF,
    CONTRADICTION,
    DATA,
    DEDENT,
    EMPTYLINE,
    EOF,
    ESCAPED,
    FREESTYLE,
    FRONT_MATTER,
    HEADING_START,
    INC_ATTACK,
    INC_SUPPORT,
    INC_UNDERCUT,
    INCLUDE,
    INDENT,
    INFERENCE_END,
    INFERENCE_START,
    LINK,
    LIST_DELIMITER,
    NEWLINE,
    ORDERED_ITEM,
    OUT_ATTACK,
    OUT_SUPPORT,
    OUT_UNDERCUT,
    SPECIAL,
    STATEMENT_NUMBER,
    STMT_DEF,
    STMT_MENTION,
    STMT_REF,
    TAG,
    UB_END,
    UB_START,
    UCC,
    UI_END,
    UI_START,
    UNORDERED_ITEM,
    Token,
    _Lexer,
    _SyntaxError,
)
from argmap.formats.argdown.model import _Argument, _Inference, _Model
from argmap.formats.argdown.tables import SHORTCODES

# --- the parser -------------------------------------------------------------------------------

_FREESTYLE_KINDS = frozenset({FREESTYLE, UCC, ESCAPED, SPECIAL})
_CONTENT_FIRST = _FREESTYLE_KINDS | {
    LINK,
    AB_START,
    UB_START,
    AI_START,
    UI_START,
    TAG,
    ARG_MENTION,
    STMT_MENTION,
    NEWLINE,
}
_STATEMENT_FIRST = _CONTENT_FIRST | {STMT_REF, STMT_DEF}
_ARGUMENT_FIRST = frozenset({ARG_DEF, ARG_REF})
_RELATION_KINDS = frozenset(
    {
        INC_SUPPORT,
        INC_ATTACK,
        OUT_SUPPORT,
        OUT_ATTACK,
        CONTRADICTION,
        INC_UNDERCUT,
        OUT_UNDERCUT,
    }
)


def _yaml() -> ModuleType:
    """PyYAML, imported when a data block turns out to be bad (JSON-like data never needs it)."""
    import yaml

    return yaml


_END_OF = {AB_START: AB_END, UB_START: UB_END, AI_START: AI_END, UI_START: UI_END}
_RE_TITLE_DEF = re.compile(rf"\[({_DOT}+)\]:")
_RE_TITLE_REF = re.compile(rf"\[({_DOT}+)\]")
_RE_ARG_TITLE_DEF = re.compile(rf"<({_DOT}+)>:")
_RE_ARG_TITLE_REF = re.compile(rf"<({_DOT}+)>")
_RE_LINK_PARTS = re.compile(rf"\[({_DOT}+)\]\(({_DOT}+)\)")
_RE_TAG_NAME = re.compile(rf"#(?:\(([^)]+)\)|({_TAG_CLASS}+))")
_RE_BLOCK_DATA = re.compile(r"\{[ \t]*(?:\n\r|\n)")
_RE_BLOCK_DATA_END = re.compile(rf"\}}[{_WS}]*\Z")
_RE_FRONT_START = re.compile(rf"\A[{_WS}]*={{3,}}")
_RE_FRONT_END = re.compile(rf"={{3,}}[{_WS}]*\Z")

_Rule = Generator[Any, Any, Any]


class _Parser:
    """Argdown's grammar as an LL parser whose rules are generators run off an explicit stack.

    A rule yields a sub-rule to have it run and receives its result back, so
    nesting in the document (relations under relations, to any depth) never
    grows Python's call stack. Each rule tells the model builder what it
    reads in the order Argdown's tree walk would.
    """

    def __init__(self, text: str, tokens: list[Token], model: _Model) -> None:
        self.text = text
        self.tokens = tokens
        self.kinds = [t[0] for t in tokens] + [EOF, EOF, EOF]
        self.i = 0
        self.model = model
        self.frontmatter: Any = None

    # tokens --------------------------------------------------------------------------------

    def offset(self, i: int | None = None) -> int:
        i = self.i if i is None else i
        return self.tokens[i][1] if i < len(self.tokens) else len(self.text)

    def image(self, i: int | None = None) -> str:
        _, start, end = self.tokens[self.i if i is None else i]
        return self.text[start:end]

    def describe(self, i: int) -> str:
        kind = self.kinds[i]
        if kind in _DESCRIBE:
            return _DESCRIBE[kind]
        image = self.image(i).strip()
        if len(image) > 30:
            image = image[:27] + "..."
        return f"{image!r}"

    def error(self, expected: str, hint: str = "") -> _SyntaxError:
        found = self.describe(self.i)
        if self.kinds[self.i] == INCLUDE:
            hint = "@include(FILE) names a file to include, relative to this one"
        message = f"expected {expected}, found {found}"
        return _SyntaxError(self.offset(), message + (f" ({hint})" if hint else ""))

    def expect(self, kind: int, expected: str, hint: str = "") -> None:
        if self.kinds[self.i] != kind:
            raise self.error(expected, hint)
        self.i += 1

    def load(self, source: str, base: int, what: str) -> Any:
        try:
            return _load_yaml(source)
        except _yaml().MarkedYAMLError as exc:  # (evaluated only when the data is bad)
            mark = exc.problem_mark or exc.context_mark
            where = base + mark.index if mark is not None else base
            problem = exc.problem or exc.context or "invalid YAML"
            raise _SyntaxError(where, f"YAML error in {what}: {problem}") from None
        except _yaml().YAMLError as exc:
            raise _SyntaxError(base, f"YAML error in {what}: {exc}") from None
        except ValueError as exc:
            message, index = exc.args if len(exc.args) == 2 else (str(exc), None)
            where = base + index if isinstance(index, int) else base
            raise _SyntaxError(where, f"YAML error in {what}: {message}") from None
        except RecursionError:
            raise _SyntaxError(base, f"YAML error in {what}: nested too deeply") from None

    def data(self) -> Any:
        """The YAML of a ``{...}`` data token (a block mapping when ``{`` ends its line)."""
        _, start, end = self.tokens[self.i]
        self.i += 1
        image = self.text[start:end]
        block = _RE_BLOCK_DATA.match(image)
        if block is not None:
            return self.load(
                _RE_BLOCK_DATA_END.sub("", image[block.end() :], count=1),
                start + block.end(),
                "the data block",
            )
        return self.load(image, start, "the data block")

    # the driver ----------------------------------------------------------------------------

    def parse(self) -> None:
        stack: list[_Rule] = [self.document()]
        value: Any = None
        while stack:
            try:
                sub = stack[-1].send(value)
            except StopIteration as stop:
                stack.pop()
                value = stop.value
                continue
            stack.append(sub)
            value = None

    # rules ---------------------------------------------------------------------------------

    def document(self) -> _Rule:
        kinds = self.kinds
        if kinds[self.i] == NEWLINE:
            self.i += 1
        if kinds[self.i] == EMPTYLINE:
            self.i += 1
        if kinds[self.i] == FRONT_MATTER:
            _, start, end = self.tokens[self.i]
            image = self.text[start:end]
            head = _RE_FRONT_START.match(image)
            skip = head.end() if head is not None else 0
            body = _RE_FRONT_END.sub("", image[skip:], count=1)
            self.frontmatter = self.load(body, start + skip, "the front matter")
            settings = self.frontmatter if isinstance(self.frontmatter, dict) else {}
            model_settings = settings.get("model")
            if isinstance(model_settings, dict):
                self.model.remove_tags = model_settings.get("removeTagsFromText") is True
            self.i += 1
            if kinds[self.i] == NEWLINE:
                self.i += 1
            self.expect(EMPTYLINE, "an empty line after the front matter")
        previous: _Argument | None = None  # the argument a PCS right after it belongs to
        while True:
            kind = kinds[self.i]
            block = previous
            previous = None
            if kind == HEADING_START:
                self.heading()
            elif kind in _STATEMENT_FIRST:
                yield self.statement()
            elif kind == STATEMENT_NUMBER:
                yield self.pcs(block)
            elif kind in _ARGUMENT_FIRST:
                previous = yield self.argument()
            elif kind == INDENT and kinds[self.i + 1] in (ORDERED_ITEM, UNORDERED_ITEM):
                yield self.list(kinds[self.i + 1])
            else:
                hint = ""
                if kind in _RELATION_KINDS:
                    hint = "a relation goes on an indented line under a statement or an argument"
                elif kind == INFERENCE_START:
                    hint = "an inference line goes between numbered premises and a conclusion"
                raise self.error("a statement, an argument, a heading or a numbered premise", hint)
            if kinds[self.i] == EMPTYLINE:
                self.i += 1
                continue
            break
        if kinds[self.i] != EOF:
            hint = ""
            if kinds[self.i] == STATEMENT_NUMBER:
                hint = "premises are numbered one per line, after an empty line"
            elif kinds[self.i] in _RELATION_KINDS or kinds[self.i] == DEDENT:
                hint = "a relation must be indented more than the line it belongs to"
            raise self.error("an empty line or the end of the file", hint)

    def heading(self) -> None:
        level = len(self.image()) - 1
        self.model.heading_entry(self.offset())
        self.i += 1
        self.content("the heading's text")
        data = None
        if self.kinds[self.i] == DATA:
            data = self.data()
            if self.kinds[self.i] == NEWLINE:
                self.i += 1
        self.model.heading_exit(level, data)

    def statement(self) -> _Rule:
        model = self.model
        kinds = self.kinds
        member = model.statement_entry(self.offset())
        kind = kinds[self.i]
        if kind in _CONTENT_FIRST:
            self.content("a statement")
        elif kind == STMT_REF:
            match = _RE_TITLE_REF.search(self.image())
            if match is not None:
                member.title = match.group(1)
                member.reference = True
            self.i += 1
            while kinds[self.i] == TAG:
                self.tag()
            if kinds[self.i] == NEWLINE:
                self.i += 1
        elif kind == STMT_DEF:
            match = _RE_TITLE_DEF.search(self.image())
            if match is not None:
                member.title = match.group(1)
            self.i += 1
            self.content("the statement's text")
        else:
            raise self.error("a statement")
        if kinds[self.i] == DATA:
            member.data = self.data()
            if kinds[self.i] == NEWLINE:
                self.i += 1
        if kinds[self.i] == INDENT:
            yield self.relations()
        model.statement_exit(member)
        return member

    def argument(self) -> _Rule:
        model = self.model
        kinds = self.kinds
        desc = model.argument_entry(self.offset())
        if kinds[self.i] == ARG_DEF:
            match = _RE_ARG_TITLE_DEF.search(self.image())
            if match is not None:
                desc.title = match.group(1)
            self.i += 1
            self.content("the argument's description")
        else:
            match = _RE_ARG_TITLE_REF.search(self.image())
            if match is not None:
                desc.title = match.group(1)
                desc.reference = True
            self.i += 1
            while kinds[self.i] == TAG:
                self.tag()
            if kinds[self.i] == NEWLINE:
                self.i += 1
        if kinds[self.i] == DATA:
            desc.data = self.data()
            if kinds[self.i] == NEWLINE:
                self.i += 1
        if kinds[self.i] == INDENT:
            yield self.relations()
        return model.argument_exit(desc)

    def relations(self) -> _Rule:
        model = self.model
        kinds = self.kinds
        self.expect(INDENT, "an indented relation")
        model.relations_entry(self.offset())
        first = True
        while True:
            kind = kinds[self.i]
            if kind not in _RELATION_KINDS:
                if first:
                    raise self.error("a relation (+, -, <+, +>, <-, ->, _, <_, _>, ><)")
                break
            first = False
            relation = model.relation_entry(kind, self.offset())
            self.i += 1
            content: Any
            if kinds[self.i] in _STATEMENT_FIRST:
                content = yield self.statement()
            elif kind != CONTRADICTION and kinds[self.i] in _ARGUMENT_FIRST:
                content = yield self.argument()
            elif kind == CONTRADICTION:
                raise self.error("a statement", "'><' relates two statements")
            else:
                raise self.error("a statement or an argument after the relation")
            model.relation_exit(relation, content)
        self.expect(DEDENT, "a smaller indentation")
        model.relations_exit()

    def inference_relations(self) -> _Rule:
        model = self.model
        kinds = self.kinds
        self.expect(INDENT, "an indented relation")
        model.relations_entry(self.offset())
        first = True
        while kinds[self.i] == OUT_UNDERCUT or first:
            if kinds[self.i] != OUT_UNDERCUT:
                raise self.error(
                    "an undercut ('_' or '<_')", "only undercuts attach to an inference"
                )
            first = False
            relation = model.relation_entry(OUT_UNDERCUT, self.offset())
            self.i += 1
            content: Any
            if kinds[self.i] in _STATEMENT_FIRST:
                content = yield self.statement()
            elif kinds[self.i] in _ARGUMENT_FIRST:
                content = yield self.argument()
            else:
                raise self.error("a statement or an argument after the relation")
            model.relation_exit(relation, content)
        if kinds[self.i] in _RELATION_KINDS:
            raise self.error("an undercut ('_' or '<_')", "only undercuts attach to an inference")
        self.expect(DEDENT, "a smaller indentation")
        model.relations_exit()

    def pcs(self, previous: _Argument | None) -> _Rule:
        kinds = self.kinds
        self.model.pcs_entry(previous, self.offset())
        yield self.pcs_statement(None)
        steps = 0
        while kinds[self.i] in (STATEMENT_NUMBER, INFERENCE_START):
            while kinds[self.i] == STATEMENT_NUMBER:
                yield self.pcs_statement(None)
            inference = yield self.inference()
            yield self.pcs_statement(inference)
            steps += 1
        if not steps:
            raise self.error(
                "an inference line (---- or -- ... --)",
                "a premise-conclusion structure ends with an inference and a conclusion",
            )
        self.model.pcs_exit()

    def pcs_statement(self, inference: _Inference | None) -> _Rule:
        self.expect(STATEMENT_NUMBER, "a numbered statement")
        if self.kinds[self.i] not in _STATEMENT_FIRST:
            raise self.error("a statement after the number")
        member = yield self.statement()
        self.model.pcs_statement_exit(member, inference)

    def inference(self) -> _Rule:
        kinds = self.kinds
        if kinds[self.i] != INFERENCE_START:
            raise self.error(
                "an inference line (---- or -- ... --)",
                "the last numbered statement of a premise-conclusion structure is its conclusion",
            )
        inference = self.model.inference_entry(self.offset())
        self.i += 1
        if kinds[self.i] in _FREESTYLE_KINDS or (
            kinds[self.i] == NEWLINE and kinds[self.i + 1] in _FREESTYLE_KINDS
        ):
            if kinds[self.i] == NEWLINE:
                self.i += 1
            while True:
                inference.rules.append(self.freestyle_text().strip())
                if kinds[self.i] != LIST_DELIMITER:
                    break
                self.i += 1
                if kinds[self.i] not in _FREESTYLE_KINDS:
                    raise self.error("the name of an inference rule")
        if kinds[self.i] == NEWLINE:
            self.i += 1
        data = None
        if kinds[self.i] == DATA:
            data = self.data()
            if kinds[self.i] == NEWLINE:
                self.i += 1
        self.expect(INFERENCE_END, "the end of the inference line (--)")
        self.expect(NEWLINE, "a line break after the inference line")
        if kinds[self.i] == INDENT:
            yield self.inference_relations()
        inference.data = data
        return inference

    def list(self, item: int) -> _Rule:
        kinds = self.kinds
        self.expect(INDENT, "an indented list")
        while kinds[self.i] == item:
            self.i += 1
            if kinds[self.i] in _STATEMENT_FIRST:
                yield self.statement()
            elif kinds[self.i] in _ARGUMENT_FIRST:
                yield self.argument()
            else:
                raise self.error("a statement or an argument after the list item")
        self.expect(DEDENT, "the end of the list")

    # text ----------------------------------------------------------------------------------

    def freestyle_text(self) -> str:
        parts: list[str] = []
        kinds = self.kinds
        while kinds[self.i] in _FREESTYLE_KINDS:
            image = self.image()
            kind = kinds[self.i]
            if kind == ESCAPED:
                parts.append(image[1:])
            elif kind == SPECIAL and image.strip() in SHORTCODES:
                # Argdown's shortcodes become their symbol; a blank after it stays, a tab not
                parts.append(SHORTCODES[image.strip()] + (" " if image.endswith(" ") else ""))
            else:
                parts.append(image)
            self.i += 1
        return "".join(parts)

    def tag(self) -> None:
        image = self.image()
        match = _RE_TAG_NAME.match(image)
        if match is not None:
            self.model.add_tag(match.group(1) or match.group(2), image)
        self.i += 1

    def content(self, what: str) -> None:
        """Text up to the first token that cannot continue it; bold and italic ranges nest."""
        kinds = self.kinds
        model = self.model
        if kinds[self.i] not in _CONTENT_FIRST:
            raise self.error(what)
        open_ranges: list[int] = []
        while True:
            kind = kinds[self.i]
            if kind in _FREESTYLE_KINDS:
                model.add_text(self.freestyle_text())
            elif kind == NEWLINE:
                # a line break inside a text is a space; Argdown adds none at the end
                if kinds[self.i + 1] in _CONTENT_FIRST and not model.text_ends_with_space():
                    model.add_text(" ")
                self.i += 1
            elif kind == TAG:
                self.tag()
            elif kind == LINK:
                image = self.image()
                match = _RE_LINK_PARTS.search(image)
                if match is None:
                    raise _SyntaxError(self.offset(), "cannot read this link")
                model.add_link(match.group(1), match.group(2), " " if image.endswith(" ") else "")
                self.i += 1
            elif kind in (STMT_MENTION, ARG_MENTION):
                model.add_text(self.image())
                self.i += 1
            elif kind in _END_OF:
                open_ranges.append(_END_OF[kind])
                self.i += 1
            elif open_ranges and kind == open_ranges[-1]:
                open_ranges.pop()
                if self.image().endswith(" "):
                    model.add_text(" ")
                self.i += 1
            elif open_ranges:
                raise self.error(_DESCRIBE[open_ranges[-1]])
            else:
                return


def _parse(text: str) -> tuple[_Model, Any]:
    """Lex, parse and model an Argdown text as Argdown would; returns the model and front matter."""
    tokens = _Lexer(text).run()
    model = _Model()
    parser = _Parser(text, tokens, model)
    parser.parse()
    settings = parser.frontmatter if isinstance(parser.frontmatter, dict) else {}
    model_settings = settings.get("model")
    if not isinstance(model_settings, dict):
        model_settings = {}
    model.frontmatter = parser.frontmatter
    model.finish(
        strict=model_settings.get("mode") == "strict",
        transform=model_settings.get("transformArgumentRelations", True) is not False,
        explode=bool(model_settings.get("explodeArguments")),
    )
    return model, parser.frontmatter
