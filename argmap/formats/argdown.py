"""Argdown (``.argdown``, ``.ad``): reader and writer.

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
"""

from __future__ import annotations

import bisect
import json
import re
from collections import Counter, deque
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from argmap.errors import MapFileError
from argmap.formats._graph import choose_conclusion
from argmap.formats._text import decode, read_bytes
from argmap.model import (
    AnnotatedGap,
    ArgumentMap,
    Inference,
    InferenceKind,
    Origin,
    SourceInfo,
    Statement,
)

# --- tokens -----------------------------------------------------------------------------------

EOF = 0
FRONT_MATTER = 1
DATA = 2
ESCAPED = 3
SPECIAL = 4
EMPTYLINE = 5
NEWLINE = 6
DEDENT = 7
INDENT = 8
INFERENCE_START = 9
INC_SUPPORT = 10
INC_ATTACK = 11
OUT_SUPPORT = 12
OUT_ATTACK = 13
CONTRADICTION = 14
INC_UNDERCUT = 15
OUT_UNDERCUT = 16
HEADING_START = 17
STATEMENT_NUMBER = 18
ORDERED_ITEM = 19
UNORDERED_ITEM = 20
AB_END = 21
UB_END = 22
AI_END = 23
UI_END = 24
AB_START = 25
UB_START = 26
AI_START = 27
UI_START = 28
LINK = 29
TAG = 30
INCLUDE = 31
STMT_DEF = 32
STMT_REF = 33
STMT_MENTION = 34
ARG_DEF = 35
ARG_REF = 36
ARG_MENTION = 37
FREESTYLE = 38
UCC = 39  # an "unused control character": punctuation that is plain text after all
INFERENCE_END = 40
LIST_DELIMITER = 41

_DESCRIBE = {
    EOF: "the end of the file",
    FRONT_MATTER: "a front matter block (=== ... ===)",
    DATA: "a {...} data block",
    EMPTYLINE: "an empty line",
    NEWLINE: "a line break",
    DEDENT: "a smaller indentation",
    INDENT: "a larger indentation",
    INFERENCE_START: "an inference line (--)",
    INC_SUPPORT: "a '+>' relation",
    INC_ATTACK: "a '->' relation",
    OUT_SUPPORT: "a '+' relation",
    OUT_ATTACK: "a '-' relation",
    CONTRADICTION: "a '><' relation",
    INC_UNDERCUT: "a '_>' relation",
    OUT_UNDERCUT: "a '_' relation",
    HEADING_START: "a heading",
    STATEMENT_NUMBER: "a numbered statement",
    ORDERED_ITEM: "a numbered list item",
    UNORDERED_ITEM: "a list item",
    AB_END: "the end of bold text (**)",
    UB_END: "the end of bold text (__)",
    AI_END: "the end of italic text (*)",
    UI_END: "the end of italic text (_)",
    AB_START: "bold text (**)",
    UB_START: "bold text (__)",
    AI_START: "italic text (*)",
    UI_START: "italic text (_)",
    INCLUDE: "an @include",
    STMT_DEF: "a statement definition",
    STMT_REF: "a statement reference",
    ARG_DEF: "an argument definition",
    ARG_REF: "an argument reference",
    INFERENCE_END: "the end of the inference line (--)",
    LIST_DELIMITER: "','",
}

#: (kind, start offset, end offset); indents and dedents are empty
Token = tuple[int, int, int]

# JavaScript's \s and "." (Argdown's patterns are JavaScript regular expressions)
_WS = "\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_DOT = "[^\n\r\u2028\u2029]"

_COMMENT_BODY = (
    r"(?:<!--[^\u2028\u2029]*?-->|/\*[^\u2028\u2029]*?\*/|//[^\n\r\u2028\u2029]*?(?=[\r\n]))"
)
_RE_COMMENT = re.compile(_COMMENT_BODY)
_RE_COMMENT_ALL_BREAKS = re.compile(_COMMENT_BODY + r"(?:[ \t]*\r\n|\n|\r)*")
_RE_COMMENT_ONE_BREAK = re.compile(
    _COMMENT_BODY + r"(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?"
)
_RE_FRONT_MATTER = re.compile(r"===+.*?===+", re.DOTALL)
_RE_DATA = re.compile(rf"\{{(?:(?!\}}[{_WS}][^,}}])[^\r\u2028\u2029])*\}}(?![{_WS}]*[,}}])")
_RE_ESCAPED = re.compile(rf"\\{_DOT} *")
_RE_SPECIAL = re.compile(rf"\.[^{_WS}]+?\.[ \t]?|:[^{_WS}]+?:[ \t]?")
_RE_EMPTYLINE = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
_RE_NEWLINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
# Argdown writes the indentation class as [' '\t]: the apostrophe is in it too
_IND = "[' \t]*"
_RE_INFERENCE_START = re.compile(_IND + "--")
_RELATION_RULES = (
    (INC_SUPPORT, re.compile(f"({_IND})\\+>")),
    (INC_ATTACK, re.compile(f"({_IND})->")),
    (OUT_SUPPORT, re.compile(f"({_IND})<?\\+")),
    (OUT_ATTACK, re.compile(f"({_IND})<?-")),
    (CONTRADICTION, re.compile(f"({_IND})><")),
    (INC_UNDERCUT, re.compile(f"({_IND})_>")),
    (OUT_UNDERCUT, re.compile(f"({_IND})(?:<_|_(?=[{_WS}]))")),
)
_RE_HEADING = re.compile(r"#+ ")
_RE_STATEMENT_NUMBER = re.compile(_IND + r"\([0-9]+\)")
_RE_ORDERED_ITEM = re.compile(f"({_IND})[0-9]+\\.(?=[{_WS}])")
_RE_UNORDERED_ITEM = re.compile(f"({_IND})\\*(?=[{_WS}])")
_END_TAIL = r"(?:[ \t]|(?=[\n\r)}_.,!?;:*\-]|\Z))"
_RANGE_ENDS = (
    (AB_END, AB_START, re.compile(r"\*\*" + _END_TAIL)),
    (UB_END, UB_START, re.compile(r"__" + _END_TAIL)),
    (AI_END, AI_START, re.compile(r"\*" + _END_TAIL)),
    (UI_END, UI_START, re.compile(r"_" + _END_TAIL)),
)
_RANGE_STARTS = (
    (AB_START, re.compile(rf"\*\*(?![{_WS}])")),
    (UB_START, re.compile(rf"__(?![{_WS}])")),
    (AI_START, re.compile(rf"\*(?![{_WS}])")),
    (UI_START, re.compile(rf"_(?![{_WS}])")),
)
_RE_LINK = re.compile(r"\[[^\]]+?\]\([^)]+?\)[ \t]?")
_TAG_CHARS = "a-zA-z0-9\\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
_RE_TAG = re.compile(rf"#(?:\([^)]+\)|[{_TAG_CHARS}]+)[ \t]?")
_RE_INCLUDE = re.compile(
    rf"@include\([{_WS}]*((?:[^/){_WS}]*/)*)([^){_WS}]*?)(\.(?:ad|argdown|adown|argdn))?[{_WS}]*\)"
)
_RE_STMT_DEF = re.compile(rf"\[{_DOT}+?\]:")
_RE_STMT_REF = re.compile(rf"\[[^-]{_DOT}*?\]")
_RE_STMT_MENTION = re.compile(rf"@\[{_DOT}+?\][ \t]?")
_RE_ARG_DEF = re.compile(rf"<{_DOT}+?>:")
_RE_ARG_REF = re.compile(rf"<[^-]{_DOT}*?>")
_RE_ARG_MENTION = re.compile(rf"@<{_DOT}+?>[ \t]?")
_RE_SPACES = re.compile(r"[ \t]+")
_FREESTYLE_EXCLUDED = "\\@#*_[],.:</>(){}\r\n;-"
_RE_FREESTYLE = re.compile(r"[^\\@#*_\[\],.:</>(){}\r\n;\-]+")
_UCC_CHARS = "@#*_[],.:</>(){};-"
_RE_UCC = re.compile(r"[@#*_\[\],.:</>(){};\-][ \t]?")
_RE_INFERENCE_END = re.compile(r"-{2,}")


#: Argdown's rules that can match in the middle of a line of the default mode, in Argdown's
#: order, as one alternation (Python tries alternatives in order: the first match wins). A
#: comment here is one after a token on the same line, so it takes no line break with it; an
#: empty line cannot follow an empty line here. Bold and italic marks stay with the rule loop.
_MIDDLE_RULES = (
    ("comment", -1, _COMMENT_BODY),
    ("front_matter", FRONT_MATTER, _RE_FRONT_MATTER.pattern),
    ("data", DATA, _RE_DATA.pattern),
    ("escaped", ESCAPED, _RE_ESCAPED.pattern),
    ("special", SPECIAL, _RE_SPECIAL.pattern),
    ("emptyline", EMPTYLINE, _RE_EMPTYLINE.pattern),
    ("newline", NEWLINE, _RE_NEWLINE.pattern),
    ("link", LINK, _RE_LINK.pattern),
    ("tag", TAG, _RE_TAG.pattern),
    ("include", INCLUDE, _RE_INCLUDE.pattern),
    ("stmt_def", STMT_DEF, _RE_STMT_DEF.pattern),
    ("stmt_ref", STMT_REF, _RE_STMT_REF.pattern),
    ("stmt_mention", STMT_MENTION, _RE_STMT_MENTION.pattern),
    ("arg_def", ARG_DEF, _RE_ARG_DEF.pattern),
    ("arg_ref", ARG_REF, _RE_ARG_REF.pattern),
    ("arg_mention", ARG_MENTION, _RE_ARG_MENTION.pattern),
    ("spaces", -1, _RE_SPACES.pattern),
    ("freestyle", FREESTYLE, _RE_FREESTYLE.pattern),
    ("ucc", UCC, _RE_UCC.pattern),
)
_MIDDLE_PATTERNS = {name: pattern for name, _, pattern in _MIDDLE_RULES}
_MIDDLE_FIRST = {
    "comment": "/<",
    "front_matter": "=",
    "data": "{",
    "escaped": "\\",
    "special": ".:",
    "emptyline": " \t\r\n",
    "newline": " \t\r\n",
    "link": "[",
    "tag": "#",
    "include": "@",
    "stmt_def": "[",
    "stmt_ref": "[",
    "stmt_mention": "@",
    "arg_def": "<",
    "arg_ref": "<",
    "arg_mention": "@",
    "spaces": " \t",
    "ucc": _UCC_CHARS,
}


def _middle_table() -> dict[str, re.Pattern[str]]:
    """For each character, the alternation of only the rules that can start with it."""
    table: dict[str, re.Pattern[str]] = {}
    compiled: dict[tuple[str, ...], re.Pattern[str]] = {}  # characters share rule lists
    for char in set("".join(_MIDDLE_FIRST.values())) | set(_FREESTYLE_EXCLUDED):
        rules = tuple(
            name
            for name, _, _ in _MIDDLE_RULES
            if (name == "freestyle" and char not in _FREESTYLE_EXCLUDED)
            or char in _MIDDLE_FIRST.get(name, "")
        )
        if rules not in compiled:
            compiled[rules] = re.compile(
                "|".join(f"(?P<{name}>{_MIDDLE_PATTERNS[name]})" for name in rules), re.DOTALL
            )
        table[char] = compiled[rules]
    return table


_RE_MIDDLE_BY_CHAR = _middle_table()
_RE_MIDDLE_OTHER = re.compile(f"(?P<freestyle>{_RE_FREESTYLE.pattern})")
_MIDDLE_KINDS = {name: kind for name, kind, _ in _MIDDLE_RULES}


class _SyntaxError(Exception):
    """A problem at an offset of the Argdown text (becomes a located MapFileError)."""

    def __init__(self, offset: int, message: str) -> None:
        super().__init__(message)
        self.offset = offset
        self.message = message


class _Lexer:
    """Argdown's lexer: the first rule (in Argdown's order) that matches at a position wins.

    Rules that start with a given character are looked up in a table, which
    changes nothing but the speed: a rule that cannot match a character is
    never tried. Relations, list items, statement numbers, headings and
    inference lines are only recognised at the start of the text or right
    after a line break, as in Argdown.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.tokens: list[Token] = []
        self.indents = [0]
        self.ranges: list[int] = []
        self.default, self.default_any = self._table(
            [
                ("/<", self.comment),
                ("=", self.front_matter),
                ("{", self.data),
                ("\\", self.escaped),
                (".:", self.special),
                (" \t\r\n", self.emptyline),
                (" \t\r\n", self.newline),
                (" \t'-", self.inference_start),
                (" \t'+-<>_", self.relation),
                ("#", self.heading),
                (" \t'(", self.statement_number),
                (" \t'0123456789", self.ordered_item),
                (" \t'*", self.unordered_item),
                ("*_", self.range_end),
                ("*_", self.range_start),
                ("[", self.link),
                ("#", self.tag),
                ("@", self.include),
                ("[", self.statement_definition),
                ("[", self.statement_reference),
                ("@", self.statement_mention),
                ("<", self.argument_definition),
                ("<", self.argument_reference),
                ("@", self.argument_mention),
                (" \t", self.spaces),
                (None, self.freestyle),
                (_UCC_CHARS, self.ucc),
            ]
        )
        self.inference, self.inference_any = self._table(
            [
                ("/<", self.comment),
                (" \t\r\n", self.newline),
                ("\\", self.escaped),
                (".:", self.special),
                ("-", self.inference_end),
                ("{", self.data),
                (",", self.list_delimiter),
                (" \t", self.spaces),
                (None, self.freestyle),
                (_UCC_CHARS, self.ucc),
            ]
        )
        self.mode = self.default
        self.mode_any = self.default_any

    @staticmethod
    def _table(
        rules: list[tuple[str | None, Callable[[], bool]]],
    ) -> tuple[dict[str, tuple[Callable[[], bool], ...]], tuple[Callable[[], bool], ...]]:
        chars: set[str] = set()
        for first, _ in rules:
            chars.update(first or "")
        chars.update(_FREESTYLE_EXCLUDED)
        table: dict[str, tuple[Callable[[], bool], ...]] = {}
        for char in chars:
            table[char] = tuple(
                rule
                for first, rule in rules
                if (first is None and char not in _FREESTYLE_EXCLUDED)
                or (first is not None and char in first)
            )
        others = tuple(rule for first, rule in rules if first is None)
        return table, others

    def run(self) -> list[Token]:
        text = self.text
        size = len(text)
        tokens = self.tokens
        middle = _RE_MIDDLE_BY_CHAR.get
        other = _RE_MIDDLE_OTHER
        kinds = _MIDDLE_KINDS
        append = tokens.append
        default = self.default
        pos = 0
        fast = False  # in the middle of a line of the default mode
        while pos < size:
            # in the middle of a line, in the default mode, away from bold and italic marks,
            # the rules that can apply are plain patterns: one alternation in Argdown's order
            # (first match wins, as in Argdown) does the work of the rule-by-rule loop below
            if fast and text[pos] not in "*_":
                m = middle(text[pos], other).match(text, pos)
                if m is not None:
                    kind = kinds[m.lastgroup or ""]
                    end = m.end()
                    if kind >= 0:
                        if kind == EMPTYLINE:
                            if end < size:
                                self.pos = pos
                                self.dedent_all()
                            fast = False
                        elif kind == NEWLINE:
                            fast = False
                        append((kind, pos, end))
                    pos = end
                    continue
            self.pos = pos
            for rule in self.mode.get(text[pos], self.mode_any):
                if rule():
                    break
            else:
                raise _SyntaxError(pos, self.lex_error())
            pos = self.pos
            fast = (
                bool(tokens) and tokens[-1][0] not in (NEWLINE, EMPTYLINE) and self.mode is default
            )
        self.pos = pos
        if tokens and tokens[-1][0] == EMPTYLINE:
            tokens.pop()  # Argdown drops a trailing empty line
        self.dedent_all()
        return tokens

    def lex_error(self) -> str:
        if self.text[self.pos] == "\\":
            return "a backslash at the end of a line escapes nothing (write \\\\ for a backslash)"
        return f"unexpected character {self.text[self.pos]!r}"

    # helpers -------------------------------------------------------------------------------

    def at_line_start(self, *, after_emptyline: bool = True) -> bool:
        if not self.tokens:
            return True
        last = self.tokens[-1][0]
        return last == NEWLINE or (after_emptyline and last == EMPTYLINE)

    def emit(self, kind: int, end: int) -> bool:
        self.tokens.append((kind, self.pos, end))
        self.pos = end
        return True

    def dedent_all(self) -> None:
        while len(self.indents) > 1:
            self.tokens.append((DEDENT, self.pos, self.pos))
            self.indents.pop()

    def indent_to(self, width: int) -> None:
        last = self.indents[-1]
        if width > last:
            self.indents.append(width)
            self.tokens.append((INDENT, self.pos, self.pos))
        else:
            while len(self.indents) > 1 and width < last:
                self.indents.pop()
                last = self.indents[-1]
                self.tokens.append((DEDENT, self.pos, self.pos))

    def simple(self, kind: int, pattern: re.Pattern[str]) -> bool:
        m = pattern.match(self.text, self.pos)
        return m is not None and self.emit(kind, m.end())

    # rules ---------------------------------------------------------------------------------

    def comment(self) -> bool:
        # after an empty line a comment takes every following line break with it, after a
        # line break only one that is not followed by an empty line (as Argdown does)
        last = self.tokens[-1][0] if self.tokens else None
        if last == EMPTYLINE:
            pattern = _RE_COMMENT_ALL_BREAKS
        elif last == NEWLINE:
            pattern = _RE_COMMENT_ONE_BREAK
        else:
            pattern = _RE_COMMENT
        m = pattern.match(self.text, self.pos)
        if m is None:
            return False
        self.pos = m.end()  # skipped
        return True

    def front_matter(self) -> bool:
        return self.simple(FRONT_MATTER, _RE_FRONT_MATTER)

    def data(self) -> bool:
        return self.simple(DATA, _RE_DATA)

    def escaped(self) -> bool:
        return self.simple(ESCAPED, _RE_ESCAPED)

    def special(self) -> bool:
        return self.simple(SPECIAL, _RE_SPECIAL)

    def emptyline(self) -> bool:
        if self.tokens and self.tokens[-1][0] == EMPTYLINE:
            return False
        m = _RE_EMPTYLINE.match(self.text, self.pos)
        if m is None:
            return False
        if m.end() < len(self.text):
            self.dedent_all()
        return self.emit(EMPTYLINE, m.end())

    def newline(self) -> bool:
        return self.simple(NEWLINE, _RE_NEWLINE)

    def inference_start(self) -> bool:
        if not self.at_line_start(after_emptyline=False):
            return False
        m = _RE_INFERENCE_START.match(self.text, self.pos)
        if m is None:
            return False
        self.dedent_all()
        self.mode, self.mode_any = self.inference, self.inference_any
        return self.emit(INFERENCE_START, m.end())

    def relation(self) -> bool:
        if not self.at_line_start():
            return False
        for kind, pattern in _RELATION_RULES:
            m = pattern.match(self.text, self.pos)
            if m is not None:
                self.indent_to(len(m.group(1)))
                return self.emit(kind, m.end())
        return False

    def heading(self) -> bool:
        return self.at_line_start() and self.simple(HEADING_START, _RE_HEADING)

    def statement_number(self) -> bool:
        if not self.at_line_start():
            return False
        m = _RE_STATEMENT_NUMBER.match(self.text, self.pos)
        if m is None:
            return False
        self.dedent_all()
        return self.emit(STATEMENT_NUMBER, m.end())

    def list_item(self, kind: int, pattern: re.Pattern[str]) -> bool:
        if not self.at_line_start():
            return False
        m = pattern.match(self.text, self.pos)
        if m is None:
            return False
        # Argdown counts one more column for a list item, so that an item at the
        # margin still opens an indented list
        self.indent_to(len(m.group(1)) + 1)
        return self.emit(kind, m.end())

    def ordered_item(self) -> bool:
        return self.list_item(ORDERED_ITEM, _RE_ORDERED_ITEM)

    def unordered_item(self) -> bool:
        return self.list_item(UNORDERED_ITEM, _RE_UNORDERED_ITEM)

    def range_end(self) -> bool:
        if not self.ranges or not self.tokens:
            return False
        for kind, start, pattern in _RANGE_ENDS:
            if self.ranges[-1] != start:
                continue
            m = pattern.match(self.text, self.pos)
            if m is not None:
                self.ranges.pop()
                return self.emit(kind, m.end())
        return False

    def range_start(self) -> bool:
        for kind, pattern in _RANGE_STARTS:
            m = pattern.match(self.text, self.pos)
            if m is not None:
                self.ranges.append(kind)
                return self.emit(kind, m.end())
        return False

    def link(self) -> bool:
        return self.simple(LINK, _RE_LINK)

    def tag(self) -> bool:
        return self.simple(TAG, _RE_TAG)

    def include(self) -> bool:
        return self.simple(INCLUDE, _RE_INCLUDE)

    def statement_definition(self) -> bool:
        return self.simple(STMT_DEF, _RE_STMT_DEF)

    def statement_reference(self) -> bool:
        return self.simple(STMT_REF, _RE_STMT_REF)

    def statement_mention(self) -> bool:
        return self.simple(STMT_MENTION, _RE_STMT_MENTION)

    def argument_definition(self) -> bool:
        return self.simple(ARG_DEF, _RE_ARG_DEF)

    def argument_reference(self) -> bool:
        return self.simple(ARG_REF, _RE_ARG_REF)

    def argument_mention(self) -> bool:
        return self.simple(ARG_MENTION, _RE_ARG_MENTION)

    def spaces(self) -> bool:
        m = _RE_SPACES.match(self.text, self.pos)
        if m is None:
            return False
        self.pos = m.end()  # skipped
        return True

    def freestyle(self) -> bool:
        return self.simple(FREESTYLE, _RE_FREESTYLE)

    def ucc(self) -> bool:
        return self.simple(UCC, _RE_UCC)

    def inference_end(self) -> bool:
        m = _RE_INFERENCE_END.match(self.text, self.pos)
        if m is None:
            return False
        self.mode, self.mode_any = self.default, self.default_any
        return self.emit(INFERENCE_END, m.end())

    def list_delimiter(self) -> bool:
        return self.text[self.pos] == "," and self.emit(LIST_DELIMITER, self.pos + 1)


# --- YAML data --------------------------------------------------------------------------------

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: A cap on the YAML nodes one data block may expand to (aliases can multiply them).
MAX_DATA_NODES = 200_000


_YAML_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in (
        "str",
        "null",
        "bool",
        "int",
        "float",
        "timestamp",
        "binary",
        "merge",
        "seq",
        "map",
        "omap",
        "pairs",
        "set",
    )
)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _json_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _yaml_scalar(node: yaml.ScalarNode) -> Any:
    """A scalar as Argdown's YAML library (js-yaml, YAML 1.2 core types) would read it."""
    tag = node.tag
    value: str = node.value
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag == "tag:yaml.org,2002:bool":
        # PyYAML (YAML 1.1) also reads yes/no/on/off as booleans; js-yaml does not
        low = value.lower()
        return low == "true" if low in ("true", "false") else value
    if tag == "tag:yaml.org,2002:int":
        try:
            return int(value, 0) if value[:2].lower() in ("0x", "0o") else int(value, 10)
        except ValueError:
            return value
    if tag == "tag:yaml.org,2002:float":
        try:
            return float(value)
        except ValueError:
            return value
    return value  # timestamps, binary and any other tag: the text as written


def _yaml_key(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise ValueError("a key of a data block must be a plain word or number")


def _load_yaml(source: str) -> Any:
    """YAML ``source`` as plain JSON-like data (dict keys are text), built without recursion.

    Raises :class:`yaml.YAMLError` or :class:`ValueError` (with an index into
    ``source`` when known, as ``(message, index)`` arguments).
    """
    stripped = source.strip()
    if stripped[:1] in ("{", "["):
        # Inline data is usually JSON-like; json is fast and agrees with YAML on it
        try:
            return json.loads(stripped, object_pairs_hook=_json_pairs)
        except _DuplicateKey as exc:
            raise ValueError(f"duplicate key {exc.key!r} in the data", None) from None
        except ValueError:
            pass
    root = yaml.compose(source, Loader=_Loader)
    if root is None:
        return None
    out: dict[int, Any] = {}
    budget = MAX_DATA_NODES
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        budget -= 1
        if budget < 0:
            raise ValueError("the data block is too large (aliases expand too far)", None)
        if node.tag not in _YAML_TAGS:
            # as in Argdown's YAML library: an unknown tag is an error, never a constructor
            raise ValueError(f"unknown YAML tag {node.tag!r}", node.start_mark.index)
        if isinstance(node, yaml.ScalarNode):
            out[id(node)] = _yaml_scalar(node)
            continue
        if not done:
            stack.append((node, True))
            if isinstance(node, yaml.MappingNode):
                for key, value in reversed(node.value):
                    stack.append((value, False))
                    stack.append((key, False))
            else:
                for item in reversed(node.value):
                    stack.append((item, False))
            continue
        if isinstance(node, yaml.MappingNode):
            mapping: dict[str, Any] = {}
            for key, value in node.value:
                try:
                    name = _yaml_key(out[id(key)])
                except ValueError as exc:
                    raise ValueError(str(exc), key.start_mark.index) from None
                if name in mapping:
                    raise ValueError(f"duplicate key {name!r} in the data", key.start_mark.index)
                mapping[name] = out[id(value)]
            out[id(node)] = mapping
        else:
            out[id(node)] = [out[id(item)] for item in node.value]
    return out[id(root)]


def _merge(into: Any, new: Any) -> Any:
    """Deep-merge ``new`` into ``into`` (mappings merge, anything else is replaced), no recursion."""
    if not isinstance(into, dict) or not isinstance(new, dict):
        return new
    work: list[tuple[dict[str, Any], dict[str, Any]]] = [(into, new)]
    while work:
        target, source = work.pop()
        for key, value in source.items():
            old = target.get(key)
            if isinstance(old, dict) and isinstance(value, dict):
                work.append((old, value))
            else:
                target[key] = value
    return into


# --- Argdown's model --------------------------------------------------------------------------

SUPPORT = "support"
ATTACK = "attack"
UNDERCUT = "undercut"
CONTRADICTORY = "contradictory"
CONTRARY = "contrary"
ENTAILS = "entails"


class _Member:
    """One occurrence of a statement, or of an argument's description, in the text."""

    __slots__ = ("title", "text", "tags", "data", "reference", "offset", "role", "inference")

    def __init__(self, offset: int) -> None:
        self.title: str | None = None
        self.text = ""
        self.tags: list[str] = []
        self.data: Any = None
        self.reference = False
        self.offset = offset
        self.role = ""  # premise / conclusion for the statements of a PCS
        self.inference: _Inference | None = None


class _Class:
    """An equivalence class: every statement with one title."""

    __slots__ = ("title", "members", "relations", "tags", "data", "section")

    def __init__(self, title: str) -> None:
        self.title = title
        self.members: list[_Member] = []
        self.relations: list[_Relation] = []
        self.tags: list[str] = []
        self.data: Any = None
        self.section: dict[str, Any] | None = None  # the heading it was defined under


class _Argument:
    """An argument: its descriptions and, once reconstructed, its premise-conclusion structure."""

    __slots__ = ("title", "members", "relations", "pcs", "tags", "data", "section", "offset")

    def __init__(self, title: str, offset: int) -> None:
        self.title = title
        self.members: list[_Member] = []
        self.relations: list[_Relation] = []
        self.pcs: list[_Member] = []
        self.tags: list[str] = []
        self.data: Any = None
        self.section: dict[str, Any] | None = None
        self.offset = offset


class _Inference:
    """The inference line of a PCS, leading to the conclusion right after it."""

    __slots__ = ("relations", "rules", "data", "argument", "offset")

    def __init__(self, offset: int) -> None:
        self.relations: list[_Relation] = []
        self.rules: list[str] = []
        self.data: Any = None
        self.argument: _Argument | None = None
        self.offset = offset


_Node = _Class | _Argument | _Inference


class _Relation:
    __slots__ = ("type", "source", "target", "offset")

    def __init__(self, kind: str, offset: int) -> None:
        self.type = kind
        self.source: _Node | None = None
        self.target: _Node | None = None
        self.offset = offset


def _remove(items: list[_Relation], relation: _Relation) -> None:
    for i, item in enumerate(items):
        if item is relation:
            del items[i]
            return
    # like JavaScript's splice(-1, 1): a relation missing from the list removes the last one
    if items:
        items.pop()


class _Model:
    """What Argdown's ModelPlugin builds from the parse, event by event, and its final passes."""

    def __init__(self) -> None:
        self.statements: dict[str, _Class] = {}
        self.arguments: dict[str, _Argument] = {}
        self.relations: list[_Relation] = []
        self.untitled = 0
        self.current: _Member | None = None  # the statement whose text is being read
        self.heading: dict[str, Any] | None = None
        self.relation_parent: _Member | _Argument | _Inference | None = None
        self.parents: list[_Node] = []
        self.inference: _Inference | None = None
        self.pcs: _Argument | None = None
        self.sections: list[dict[str, Any]] = []
        self.section: dict[str, Any] | None = None
        self.section_stack: list[dict[str, Any]] = []
        self.frontmatter: Any = None

    def unique_title(self) -> str:
        self.untitled += 1
        return f"Untitled {self.untitled}"

    def equivalence_class(self, title: str) -> _Class:
        ec = self.statements.get(title)
        if ec is None:
            ec = self.statements[title] = _Class(title)
        return ec

    def argument(self, title: str | None, offset: int) -> _Argument:
        arg = self.arguments.get(title) if title else None
        if arg is None:
            arg = _Argument(title or self.unique_title(), offset)
            self.arguments[arg.title] = arg
        self.relation_parent = arg
        return arg

    def relation_member(self, parent: _Member | _Argument | _Inference) -> _Node:
        if isinstance(parent, _Member):
            if not parent.title:
                parent.title = self.unique_title()
            if parent.role == "description":
                return self.argument(parent.title, parent.offset)
            return self.equivalence_class(parent.title)
        return parent

    # text ----------------------------------------------------------------------------------

    def add_text(self, text: str) -> None:
        if self.heading is not None:
            self.heading["text"] += text
        elif self.current is not None:
            self.current.text += text

    def text_ends_with_space(self) -> bool:
        target = self.heading["text"] if self.heading is not None else None
        if target is None:
            target = self.current.text if self.current is not None else ""
        return target.endswith(" ")

    def add_tag(self, tag: str) -> None:
        """A tag goes to the statement's tags and out of its text (Argdown keeps it in both)."""
        target: Any = self.heading if self.heading is not None else self.current
        if target is None:
            return
        tags = target["tags"] if isinstance(target, dict) else target.tags
        if tag not in tags:
            tags.append(tag)

    # statements and arguments --------------------------------------------------------------

    def statement_entry(self, offset: int) -> _Member:
        member = _Member(offset)
        self.current = member
        self.relation_parent = member
        return member

    def statement_exit(self, member: _Member) -> _Class:
        if not member.title:
            member.title = self.unique_title()
        ec = self.equivalence_class(member.title)
        for tag in member.tags:
            if tag not in ec.tags:
                ec.tags.append(tag)
        if member.data is not None:
            ec.data = _merge(ec.data, member.data)
        if ec.section is None and not member.reference:
            ec.section = self.section
        ec.members.append(member)
        self.current = None
        return ec

    def argument_entry(self, offset: int) -> _Member:
        desc = _Member(offset)
        desc.role = "description"
        self.current = desc
        self.relation_parent = desc
        return desc

    def argument_exit(self, desc: _Member) -> _Argument:
        if not desc.title:
            desc.title = self.unique_title()
        arg = self.argument(desc.title, desc.offset)
        for tag in desc.tags:
            if tag not in arg.tags:
                arg.tags.append(tag)
        if desc.data is not None:
            arg.data = _merge(arg.data, desc.data)
        if arg.section is None and not desc.reference:
            arg.section = self.section
        arg.members.append(desc)
        self.current = None
        return arg

    # relations -----------------------------------------------------------------------------

    def relations_entry(self, offset: int) -> None:
        if self.relation_parent is None:  # pragma: no cover - the grammar prevents it
            raise _SyntaxError(offset, "relations without a parent")
        self.parents.append(self.relation_member(self.relation_parent))

    def relations_exit(self) -> None:
        self.parents.pop()

    def relation_entry(self, kind: int, offset: int) -> _Relation:
        parent = self.parents[-1]
        if kind in (INC_SUPPORT, OUT_SUPPORT):
            relation = _Relation(SUPPORT, offset)
        elif kind in (INC_ATTACK, OUT_ATTACK):
            relation = _Relation(ATTACK, offset)
        elif kind == CONTRADICTION:
            relation = _Relation(CONTRADICTORY, offset)
        else:
            relation = _Relation(UNDERCUT, offset)
        if kind in (INC_SUPPORT, INC_ATTACK, CONTRADICTION, INC_UNDERCUT):
            relation.source = parent
        elif kind == OUT_UNDERCUT and isinstance(parent, _Class) and self.inference is not None:
            # Argdown's quirk: "_ X" under a statement undercuts the last inference read
            relation.target = self.inference
        else:
            relation.target = parent
        return relation

    def relation_exit(self, relation: _Relation, content: _Member | _Argument) -> None:
        member = content if isinstance(content, _Argument) else self.relation_member(content)
        if relation.source is not None:
            relation.target = member
        else:
            relation.source = member
        source = relation.source
        assert source is not None and relation.target is not None
        for existing in source.relations:
            if relation.target is existing.target and relation.type == existing.type:
                return
            if (
                relation.type == CONTRADICTORY == existing.type
                and relation.source is existing.target
                and relation.target is existing.source
            ):
                return
        self.relations.append(relation)
        source.relations.append(relation)
        relation.target.relations.append(relation)

    # premise-conclusion structures ---------------------------------------------------------

    def pcs_entry(self, previous: _Argument | None, offset: int) -> _Argument:
        arg = previous if previous is not None else self.argument(None, offset)
        if arg.pcs:
            raise _SyntaxError(
                offset,
                f"a second premise-conclusion structure for the argument <{arg.title}>: "
                "an argument has one (Argdown rejects this too)",
            )
        if self.section is not None:
            arg.section = self.section
        self.pcs = arg
        return arg

    def pcs_statement_exit(self, member: _Member, inference: _Inference | None) -> None:
        arg = self.pcs
        assert arg is not None and member.title is not None
        self.equivalence_class(member.title)
        if inference is not None:
            member.role = "conclusion"
            member.inference = inference
            inference.argument = arg
        else:
            member.role = "premise"
        arg.pcs.append(member)

    def pcs_exit(self) -> None:
        self.current = None
        self.pcs = None

    def inference_entry(self, offset: int) -> _Inference:
        inference = _Inference(offset)
        self.inference = inference
        self.relation_parent = inference
        self.parents.append(inference)  # Argdown never pops it either
        return inference

    # headings ------------------------------------------------------------------------------

    def heading_entry(self) -> None:
        self.heading = {"text": "", "tags": []}

    def heading_exit(self, level: int, data: Any) -> None:
        assert self.heading is not None
        section: dict[str, Any] = {"title": self.heading["text"].strip(), "level": level}
        if self.heading["tags"]:
            section["tags"] = self.heading["tags"]
        if data is not None:
            section["data"] = data
        while self.section_stack and self.section_stack[-1]["level"] >= level:
            self.section_stack.pop()
        if self.section_stack:
            section["parent"] = self.section_stack[-1]["title"]
        self.section_stack.append(section)
        self.sections.append(section)
        self.section = section
        self.heading = None

    # the final passes ----------------------------------------------------------------------

    def finish(self, *, strict: bool, transform: bool) -> None:
        if transform:
            self.transform_argument_relations()
        if strict:
            self.transform_statement_relations()
        self.remove_redundant_attacks()

    def transform_argument_relations(self) -> None:
        """Relations of reconstructed arguments go to their main conclusion / last inference."""
        kept: list[_Relation] = []
        for relation in self.relations:
            add = True
            source, target = relation.source, relation.target
            assert source is not None and target is not None
            if isinstance(source, _Argument) and source.pcs:
                _remove(source.relations, relation)
                ec = self.statements[source.pcs[-1].title or ""]
                relation.source = ec
                # (a support of the argument's own conclusion finds itself here and vanishes)
                for existing in ec.relations:
                    if relation.target is existing.target and relation.type == existing.type:
                        _remove(target.relations, relation)
                        add = False
                        break
                else:
                    ec.relations.append(relation)
            if isinstance(target, _Argument) and target.pcs and relation.type == UNDERCUT:
                inference = target.pcs[-1].inference
                assert inference is not None
                relation.target = inference
                # Argdown removes it from the new target here, not from the argument: the
                # argument keeps it, and the inference loses its last relation if any
                _remove(inference.relations, relation)
                for existing in inference.relations:
                    if relation.source is existing.source and relation.type == existing.type:
                        assert relation.source is not None
                        _remove(relation.source.relations, relation)
                        add = False
                        break
                else:
                    inference.relations.append(relation)
            if add:
                kept.append(relation)
        self.relations = kept

    def transform_statement_relations(self) -> None:
        """Strict mode: supports between statements entail, attacks are (symmetric) contraries."""
        kept: list[_Relation] = []
        for relation in self.relations:
            source, target = relation.source, relation.target
            assert source is not None and target is not None
            if isinstance(source, _Class) and isinstance(target, _Class):
                if relation.type == SUPPORT:
                    relation.type = ENTAILS
                elif relation.type == ATTACK:
                    if any(
                        r.type == CONTRARY
                        and (
                            (r.source is source and r.target is target)
                            or (r.source is target and r.target is source)
                        )
                        for r in source.relations
                    ):
                        _remove(source.relations, relation)
                        _remove(target.relations, relation)
                        continue
                    relation.type = CONTRARY
            kept.append(relation)
        self.relations = kept

    def remove_redundant_attacks(self) -> None:
        """An attack on an argument is dropped when its source already attacks a premise."""
        kept: list[_Relation] = []
        for relation in self.relations:
            source, target = relation.source, relation.target
            if (
                not isinstance(source, _Class)
                or relation.type != ATTACK
                or not isinstance(target, _Argument)
            ):
                kept.append(relation)
                continue
            premises = {m.title for m in target.pcs if m.role == "premise"}
            found: _Relation | None = None
            for other in source.relations:
                end = other.target if other.source is source else other.source
                if (
                    isinstance(end, _Class)
                    and (
                        (other.type == ATTACK and other.source is source)
                        or other.type in (CONTRADICTORY, CONTRARY)
                    )
                    and end.title in premises
                ):
                    found = other
                    break
            if found is None:
                kept.append(relation)
                continue
            _remove(source.relations, relation)
            _remove(target.relations, relation)
        self.relations = kept

    def counts(self) -> dict[str, Any]:
        """Argdown's own numbers: equivalence classes, arguments, relations by type."""
        return {
            "statements": len(self.statements),
            "arguments": len(self.arguments),
            "relations": dict(Counter(r.type for r in self.relations)),
        }


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
    {INC_SUPPORT, INC_ATTACK, OUT_SUPPORT, OUT_ATTACK, CONTRADICTION, INC_UNDERCUT, OUT_UNDERCUT}
)
_END_OF = {AB_START: AB_END, UB_START: UB_END, AI_START: AI_END, UI_START: UI_END}
_RE_TITLE_DEF = re.compile(rf"\[({_DOT}+)\]:")
_RE_TITLE_REF = re.compile(rf"\[({_DOT}+)\]")
_RE_ARG_TITLE_DEF = re.compile(rf"<({_DOT}+)>:")
_RE_ARG_TITLE_REF = re.compile(rf"<({_DOT}+)>")
_RE_LINK_PARTS = re.compile(rf"\[({_DOT}+)\]\(({_DOT}+)\)")
_RE_TAG_NAME = re.compile(rf"#(?:\(([^)]+)\)|([{_TAG_CHARS}]+))")
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
            hint = "@include is resolved by Argdown's command-line tool; argmap reads one file"
        message = f"expected {expected}, found {found}"
        return _SyntaxError(self.offset(), message + (f" ({hint})" if hint else ""))

    def expect(self, kind: int, expected: str, hint: str = "") -> None:
        if self.kinds[self.i] != kind:
            raise self.error(expected, hint)
        self.i += 1

    def load(self, source: str, base: int, what: str) -> Any:
        try:
            return _load_yaml(source)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = base + mark.index if mark is not None else base
            problem = exc.problem or exc.context or "invalid YAML"
            raise _SyntaxError(where, f"YAML error in {what}: {problem}") from None
        except yaml.YAMLError as exc:
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
        self.model.heading_entry()
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
            parts.append(image[1:] if kinds[self.i] == ESCAPED else image)
            self.i += 1
        return "".join(parts)

    def tag(self) -> None:
        image = self.image()
        match = _RE_TAG_NAME.match(image)
        if match is not None:
            self.model.add_tag(match.group(1) or match.group(2))
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
                model.add_text(match.group(1) + (" " if image.endswith(" ") else ""))
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
    )
    return model, parser.frontmatter


# --- Argdown's model -> argmap's graph ---------------------------------------------------------

#: Statement fields that inline data can set (argmap's own keys; see docs/argdown.md).
STATEMENT_DATA = (
    "kind",
    "implicit",
    "given",
    "at",
    "quote",
    "basis",
    "source",
    "rating",
    "status",
    "role",
    "note",
)
#: Inference fields that the data of an inference line can set.
INFERENCE_DATA = ("scheme", "strength", "label", "example", "relation")
#: Marks a PCS conclusion the writer made up to carry an attack or an undercut.
STANDS_FOR = "inference"
_RE_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def _valid_id(title: str) -> bool:
    return bool(title) and title == title.strip() and _RE_CONTROL.search(title) is None


class _Lines:
    """1-based line and column of offsets, from one scan of the text (bisect per look-up)."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


class _Converter:
    """Builds the argmap graph from Argdown's model (see the module docstring for the mapping)."""

    def __init__(self, model: _Model, front: Any, file: str, text: str) -> None:
        self.model = model
        self.front = front if isinstance(front, dict) else {}
        self.file = file
        self.lines = _Lines(text)
        self.used: set[str] = set()
        self.node_ids: dict[int, str] = {}  # id(_Class or unreconstructed _Argument) -> id
        self.inference_ids: dict[int, str] = {}  # id(_Inference) -> id
        self.main: dict[int, str] = {}  # id(reconstructed _Argument) -> its last inference
        self.collapsed: dict[int, _Relation] = {}  # id(_Argument) -> relation it stands for
        self.skip_relations: set[int] = set()
        self.map = ArgumentMap(conclusion="")

    # ids -----------------------------------------------------------------------------------

    def fresh(self, wanted: str) -> str:
        base = wanted if _valid_id(wanted) else (_RE_CONTROL.sub(" ", wanted).strip() or "s")
        candidate = base
        n = 1
        while candidate in self.used:
            n += 1
            candidate = f"{base} ({n})"
        self.used.add(candidate)
        return candidate

    def origin(self, offset: int) -> Origin:
        line, col = self.lines(offset)
        return Origin(self.file, line, col)

    # the whole map -------------------------------------------------------------------------

    def build(self) -> ArgumentMap:
        model = self.model
        self.find_collapsed()
        for ec in model.statements.values():
            if id(ec) not in self.collapsed_statements:
                self.add_statement(ec)
        for arg in model.arguments.values():
            if not arg.pcs:
                self.add_argument_node(arg)
        inference_counter = 0
        for arg in model.arguments.values():
            for member in arg.pcs:
                if member.inference is not None:
                    inference_counter += 1
                    self.inference_ids[id(member.inference)] = self.fresh(f"i{inference_counter}")
            if arg.pcs:
                last = arg.pcs[-1].inference
                assert last is not None
                self.main[id(arg)] = self.inference_ids[id(last)]
        for arg in model.arguments.values():
            if arg.pcs:
                self.add_pcs(arg)
        counter = [0]
        for relation in model.relations:
            if id(relation) not in self.skip_relations:
                self.add_relation(relation, counter)
        self.header()
        return self.map

    def find_collapsed(self) -> None:
        """PCS conclusions the writer made up to carry an attack or undercut, and their relation."""
        self.collapsed_statements: set[int] = set()
        model = self.model
        marked = {
            ec.title: ec
            for ec in model.statements.values()
            if isinstance(ec.data, dict) and ec.data.get("argmap") == STANDS_FOR
        }
        if not marked:
            return
        concluding: dict[str, list[_Argument]] = {}
        premise_of: set[str] = set()
        for arg in model.arguments.values():
            for member in arg.pcs:
                if member.role == "premise" or member is not arg.pcs[-1]:
                    premise_of.add(member.title or "")
            if arg.pcs:
                concluding.setdefault(arg.pcs[-1].title or "", []).append(arg)
        for title, ec in marked.items():
            args = concluding.get(title, [])
            outgoing = [r for r in ec.relations if r.source is ec]
            incoming = [r for r in ec.relations if r.target is ec]
            if (
                len(args) != 1
                or title in premise_of
                or len(outgoing) != 1
                or incoming
                or outgoing[0].type not in (ATTACK, UNDERCUT)
            ):
                continue  # not the writer's shape after all: an ordinary statement
            self.collapsed[id(args[0])] = outgoing[0]
            self.collapsed_statements.add(id(ec))
            self.skip_relations.add(id(outgoing[0]))

    # statements ----------------------------------------------------------------------------

    def statement(
        self,
        sid: str,
        text: str,
        title: str | None,
        tags: list[str],
        data: Any,
        meta: dict[str, Any],
        offset: int,
    ) -> Statement:
        values: dict[str, Any] = {"id": sid, "text": text, "tags": list(tags), "meta": meta}
        if title is not None:
            values["title"] = title
        if isinstance(data, dict):
            for key, value in data.items():
                if key in STATEMENT_DATA:
                    values[key] = value
                elif key == "meta" and isinstance(value, dict):
                    _merge(meta, value)
                elif key == "text" and isinstance(value, str) and value.strip():
                    values["text"] = value  # a text Argdown's syntax cannot hold (line breaks)
                elif key == "tags" and isinstance(value, list):
                    values["tags"] += [t for t in value if isinstance(t, str) and t not in tags]
                elif key != "argmap":
                    meta[key] = value
            if values.get("implicit") is True and "kind" not in values:
                values["kind"] = "assumption"
        elif data is not None:
            meta["data"] = data
        values["origin"] = self.origin(offset)
        while True:
            try:
                return Statement.model_validate(values)
            except ValidationError as exc:
                # data Argdown accepts must not make argmap reject the file: a value argmap
                # cannot use stays in meta instead
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                bad &= set(STATEMENT_DATA)
                if not bad:
                    raise
                for key in bad:
                    meta[key] = values.pop(key)

    def add_statement(self, ec: _Class) -> None:
        text = ""
        offset = ec.members[0].offset if ec.members else 0
        for member in ec.members:
            if not member.reference and member.text.strip():
                text = member.text.strip()
                offset = member.offset
        anonymous = ec.title.startswith("Untitled ") and all(
            not m.reference and m.title == ec.title for m in ec.members
        )
        sid = self.fresh(ec.title)
        meta: dict[str, Any] = {}
        if ec.section is not None:
            ec.section.setdefault("statements", []).append(sid)
        statement = self.statement(
            sid,
            text or ec.title,
            None if anonymous else ec.title,
            ec.tags,
            ec.data,
            meta,
            offset,
        )
        self.map.statements[sid] = statement
        self.node_ids[id(ec)] = sid

    def add_argument_node(self, arg: _Argument) -> None:
        text = ""
        offset = arg.members[0].offset if arg.members else arg.offset
        for member in arg.members:
            if not member.reference and member.text.strip():
                text = member.text.strip()
                offset = member.offset
        sid = self.fresh(f"<{arg.title}>")
        meta: dict[str, Any] = {"argdown": "argument"}
        if arg.section is not None:
            arg.section.setdefault("statements", []).append(sid)
        statement = self.statement(
            sid, text or arg.title, arg.title, arg.tags, arg.data, meta, offset
        )
        self.map.statements[sid] = statement
        self.node_ids[id(arg)] = sid

    # inferences ----------------------------------------------------------------------------

    def inference(
        self,
        iid: str,
        premises: list[str],
        target: str,
        kind: InferenceKind,
        data: Any,
        meta: dict[str, Any],
        offset: int,
        scheme: str | None = None,
        relation: str | None = None,
    ) -> None:
        values: dict[str, Any] = {
            "id": iid,
            "premises": list(dict.fromkeys(premises)),
            "target": target,
            "kind": kind,
            "meta": meta,
        }
        if scheme:
            values["scheme"] = scheme
        if relation:
            values["relation"] = relation
        if isinstance(data, dict):
            for key, value in data.items():
                if key in INFERENCE_DATA:
                    values[key] = value
                elif key == "meta" and isinstance(value, dict):
                    _merge(meta, value)
                elif key not in ("uses", "argmap"):
                    meta[key] = value
        values["origin"] = self.origin(offset)
        while True:
            try:
                inference = Inference.model_validate(values)
                break
            except ValidationError as exc:
                bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]}
                bad &= set(INFERENCE_DATA)
                if not bad:
                    raise
                for key in bad:
                    meta[key] = values.pop(key)
        self.map.inferences[iid] = inference

    def add_pcs(self, arg: _Argument) -> None:
        """One support inference per inference line; the last may carry an attack instead."""
        pcs = arg.pcs
        start = 0
        for pos, member in enumerate(pcs):
            inference = member.inference
            if inference is None:
                continue
            premises = pcs[start:pos]
            uses = inference.data.get("uses") if isinstance(inference.data, dict) else None
            if isinstance(uses, list):
                chosen = [
                    pcs[n - 1]
                    for n in uses
                    if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= pos
                ]
                if chosen:
                    premises = chosen
            start = pos
            premise_ids = [self.class_id(m.title or "") for m in premises]
            meta: dict[str, Any] = {"argdown": {"argument": arg.title}}
            last = member is pcs[-1]
            if last:
                info = meta["argdown"]
                for desc in arg.members:
                    if not desc.reference and desc.text.strip():
                        info["description"] = desc.text.strip()
                if arg.tags:
                    info["tags"] = list(arg.tags)
                if arg.data is not None:
                    info["data"] = arg.data
            kind = InferenceKind.SUPPORT
            stands_for = self.collapsed.get(id(arg)) if last else None
            if stands_for is None:
                target = self.class_id(member.title or "")
            else:
                end = self.endpoint(stands_for.target)
                if end is None:  # pragma: no cover - the writer's shape always resolves
                    continue
                target, kind = end
                if stands_for.type == ATTACK and kind is InferenceKind.UNDERCUT:
                    meta["argdown"]["attacks"] = f"<{self.argument_of(stands_for.target)}>"
            self.inference(
                self.inference_ids[id(inference)],
                premise_ids,
                target,
                kind,
                inference.data,
                meta,
                inference.offset,
                scheme=", ".join(r for r in inference.rules if r) or None,
            )

    def class_id(self, title: str) -> str:
        return self.node_ids[id(self.model.statements[title])]

    def argument_of(self, node: _Node | None) -> str:
        return node.title if isinstance(node, _Argument) else ""

    def endpoint(self, node: _Node | None) -> tuple[str, InferenceKind] | None:
        """Where an attack lands in argmap: a statement (attack) or an inference (undercut)."""
        if isinstance(node, _Inference):
            iid = self.inference_ids.get(id(node))
            return None if iid is None else (iid, InferenceKind.UNDERCUT)
        if isinstance(node, _Argument) and node.pcs:
            # an argument with a premise-conclusion structure is its inferences: an attack on
            # it undercuts its last inference (an attack on a premise is Argdown's own
            # relation to that premise)
            return self.main[id(node)], InferenceKind.UNDERCUT
        if node is None or id(node) not in self.node_ids:
            return None
        return self.node_ids[id(node)], InferenceKind.ATTACK

    def source_id(self, node: _Node | None) -> str | None:
        if isinstance(node, _Argument) and node.pcs:
            return self.class_id(node.pcs[-1].title or "")
        if node is None or isinstance(node, _Inference):
            return None
        return self.node_ids.get(id(node))

    def add_relation(self, relation: _Relation, counter: list[int]) -> None:
        source = self.source_id(relation.source)
        target_node = relation.target
        if source is None or target_node is None:
            return

        def new_id() -> str:
            counter[0] += 1
            return self.fresh(f"r{counter[0]}")

        kind = relation.type
        offset = relation.offset
        if kind in (CONTRADICTORY, CONTRARY):
            other = self.source_id(target_node)
            if other is None:
                return
            for a, b in ((source, other), (other, source)):
                self.inference(
                    new_id(), [a], b, InferenceKind.ATTACK, None, {}, offset, relation=kind
                )
            return
        meta: dict[str, Any] = {}
        if kind in (SUPPORT, ENTAILS):
            if isinstance(target_node, _Argument) and target_node.pcs:
                # a support of a reconstructed argument supports its conclusion
                meta = {"argdown": {"supports": f"<{target_node.title}>"}}
                target = self.class_id(target_node.pcs[-1].title or "")
            else:
                found = self.source_id(target_node)
                if found is None:
                    return
                target = found
            self.inference(
                new_id(),
                [source],
                target,
                InferenceKind.SUPPORT,
                None,
                meta,
                offset,
                relation=ENTAILS if kind == ENTAILS else None,
            )
            return
        end = self.endpoint(target_node)
        if end is None:
            return
        target, ikind = end
        relation_field = None
        if kind == UNDERCUT and ikind is not InferenceKind.UNDERCUT:
            ikind = InferenceKind.ATTACK
            relation_field = UNDERCUT  # Argdown's undercut of a statement or a sketched argument
        elif kind == ATTACK and ikind is InferenceKind.UNDERCUT:
            meta = {"argdown": {"attacks": f"<{self.argument_of(target_node)}>"}}
        self.inference(
            new_id(), [source], target, ikind, None, meta, offset, relation=relation_field
        )

    # the map's header ----------------------------------------------------------------------

    def header(self) -> None:
        front = dict(self.front)
        own = front.pop("argmap", None)
        meta: dict[str, Any] = {"argdown": self.model.counts()}
        if front:
            meta["frontmatter"] = front
        if self.model.sections:
            meta["sections"] = self.model.sections
        title = front.get("title")
        if isinstance(title, str) and title.strip():
            self.map.title = " ".join(title.split())
        if isinstance(own, dict):
            rest = dict(own)
            conclusion = rest.pop("conclusion", None)
            if isinstance(conclusion, str) and conclusion in self.map.statements:
                self.map.conclusion = conclusion
            elif conclusion is not None:
                rest["conclusion"] = conclusion
            source = rest.pop("source", None)
            if source is not None:
                try:
                    self.map.source = SourceInfo.model_validate(source)
                except ValidationError:
                    rest["source"] = source
            own_meta = rest.pop("meta", None)
            if isinstance(own_meta, dict):
                meta = {**own_meta, **meta}
            gaps = rest.pop("gaps", None)
            if isinstance(gaps, list):
                bad = self.read_gaps(gaps)
                if bad:
                    rest["gaps"] = bad
            if rest:
                meta.setdefault("frontmatter", {})["argmap"] = rest
        self.map.meta = meta

    def read_gaps(self, gaps: list[Any]) -> list[Any]:
        """Gaps from the front matter; ``inference: TITLE`` names an argument's last inference."""
        by_title = {
            arg.title: self.main[id(arg)] for arg in self.model.arguments.values() if arg.pcs
        }
        bad: list[Any] = []
        for raw in gaps:
            if not isinstance(raw, dict):
                bad.append(raw)
                continue
            values = dict(raw)
            if "inference" in values:
                values["node"] = by_title.get(str(values.pop("inference")), "")
            node = values.get("node")
            if node not in self.map.statements and node not in self.map.inferences:
                bad.append(raw)
                continue
            try:
                self.map.gaps.append(AnnotatedGap.model_validate(values))
            except ValidationError:
                bad.append(raw)
        return bad


# --- reading ----------------------------------------------------------------------------------


def read(
    path: str | Path, *, text: str | None = None, conclusion: str | None = None
) -> ArgumentMap:
    """Read an Argdown file; the main conclusion is ``conclusion``, the front matter's, or chosen.

    Argdown's own counts (equivalence classes, arguments, relations by type,
    each relation once) are kept in ``meta["argdown"]``.
    """
    name = str(path)
    if text is None:
        text = decode(read_bytes(path), name)
    try:
        model, front = _parse(text)
        argmap = _Converter(model, front, name, text).build()
    except _SyntaxError as exc:
        line, col = _Lines(text)(exc.offset)
        raise MapFileError(exc.message, file=name, line=line, col=col) from None
    argmap.path = name
    if argmap.source is not None and argmap.source.text:
        # the text a map was made from, named in the front matter as in a native map file
        candidate = Path(path).parent / argmap.source.text
        try:
            argmap.source_text = decode(read_bytes(candidate), str(candidate))
        except MapFileError:
            argmap.source_text = None  # the map still loads; views say the text is missing
    if not argmap.statements:
        raise MapFileError("the Argdown file has no statements and no arguments", file=name)
    if conclusion is not None or not argmap.conclusion:
        choose_conclusion(argmap, conclusion)
    return argmap


# --- writing ----------------------------------------------------------------------------------

#: The writer nests relation lines at most this deep, then continues in a new block.
MAX_NESTING = 40
_RE_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
_RE_MENTION_AT = re.compile(r"@\[[^\]\n\r\u2028\u2029]+\]|@<[^>\n\r\u2028\u2029]+>")
_RE_SIMPLE_TAG = re.compile(f"[{_TAG_CHARS}]+")
_ALWAYS_ESCAPED = set("\\#*_[<{")
_RE_NEEDS_ESCAPE = re.compile(r"[\\#*_\[<{@]|//|===|[ \t][ \t]")
_RE_RULE_NEEDS_ESCAPE = re.compile(r"[\\#*_\[<{@,\-]|//|===|[ \t][ \t]")


def _escape(text: str, *, rule: bool = False) -> str:
    """``text`` so that Argdown's lexer reads it back as the same plain text.

    Characters that would start markup are escaped with a backslash; mentions
    (``@[Title]``) and shortcodes (``.xyz.``, ``:xyz:``) stay as they are,
    since Argdown keeps them in the text as written.
    Runs of blanks keep their width: a token that starts at a blank loses it
    (Argdown skips blanks between tokens), so every blank after the first is
    escaped. In an inference line (``rule``), commas and hyphens are escaped
    too: they separate rules and end the line.
    """
    if (_RE_RULE_NEEDS_ESCAPE if rule else _RE_NEEDS_ESCAPE).search(text) is None:
        return text  # most texts: nothing to escape
    out: list[str] = []
    i = 0
    size = len(text)
    triple_equals = "===" in text
    while i < size:
        c = text[i]
        if c in ".:":
            # ".xyz." and ":xyz:" are Argdown's shortcodes, read verbatim: escapes inside
            # would stay in the text, and nothing inside needs one
            special = _RE_SPECIAL.match(text, i)
            if special is not None:
                out.append(special.group())
                i = special.end()
                continue
            out.append(c)
        elif c == "@":
            mention = _RE_MENTION_AT.match(text, i)
            if mention is not None and not rule:
                out.append(mention.group())
                i = mention.end()
                continue
            out.append("\\@")
        elif c in _ALWAYS_ESCAPED or (c == "=" and triple_equals):
            out.append("\\" + c)
        elif c == "/" and text[i + 1 : i + 2] == "/":
            out.append("\\/")
        elif rule and c in ",-":
            out.append("\\" + c)
        elif c in " \t" and i > 0 and text[i - 1] in " \t":
            out.append("\\" + c)
        elif c == "\t" and out and out[-1].startswith("\\"):
            out.append("\\\t")  # an escape takes the spaces after it, not a tab
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _json(value: Any) -> str:
    """Inline data as JSON (valid YAML flow), safe inside Argdown's ``{...}`` token."""

    def fix(match: re.Match[str]) -> str:
        # a "}" followed by a blank would end the data token early; these escapes keep the
        # string's value and the token whole
        return (
            match.group()
            .replace("}", "\\u007d")
            .replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029")
        )

    return _RE_STRING_LITERAL.sub(fix, json.dumps(value, ensure_ascii=False))


def _safe_statement_title(title: str) -> bool:
    return (
        bool(title)
        and _valid_id(title)
        and "]" not in title
        and not title.startswith("-")
        and "\u2028" not in title
        and "\u2029" not in title
    )


def _safe_argument_title(title: str) -> bool:
    return (
        bool(title)
        and _valid_id(title)
        and ">" not in title
        # at the start of a line "<_", "<+" and "<-" are relations, "<!--" a comment
        and title[0] not in "-_+"
        and not title.startswith("!--")
        and "\u2028" not in title
        and "\u2029" not in title
    )


def _is_argument_node(statement: Statement) -> bool:
    return statement.meta.get("argdown") == "argument"


class _Writer:
    """Writes the graph as Argdown; see the module docstring for the shapes it uses."""

    def __init__(self, argmap: ArgumentMap) -> None:
        self.map = argmap
        self.read_ids: set[str] = set()  # statement ids as the reader will make them
        self.argument_titles: set[str] = set()
        self.title: dict[str, str] = {}  # statement id -> Argdown title
        self.as_argument: set[str] = set()  # statements written as <argument> nodes
        # statement -> (symbol, statement) of the relation lines under it
        self.line_children: dict[str, list[tuple[str, str]]] = {}
        self.pairs: dict[str, list[tuple[str, int]]] = {}  # statement -> (other, pair number)
        self.tier2: list[str] = []
        self.tier2_set: set[str] = set()
        self.undercut_lines: dict[str, list[str]] = {}  # inference -> premises of '<_' lines
        self.pcs_title: dict[str, str] = {}
        self.defined: set[str] = set()
        self.expanded: set[str] = set()
        self.pairs_done: set[int] = set()
        self.written: set[str] = set()
        self.blocks: list[str] = []
        self.pending: deque[tuple[str, str]] = deque()
        self.gap_inferences = {g.node for g in argmap.gaps if g.node in argmap.inferences}

    # planning ------------------------------------------------------------------------------

    def fields(self, inf: Inference) -> dict[str, Any]:
        """What an inference carries beyond premises, target and kind (Argdown has no slot)."""
        out: dict[str, Any] = {}
        for key in INFERENCE_DATA:
            value = getattr(inf, key)
            if value is not None and value is not False:
                out[key] = value.value if hasattr(value, "value") else value
        meta = {k: v for k, v in inf.meta.items() if k != "argdown"}
        if meta:
            out["meta"] = meta
        return out

    def plan(self) -> None:
        m = self.map
        undercut_targets = {
            i.target for i in m.inferences.values() if i.kind is InferenceKind.UNDERCUT
        }
        lines_seen: set[tuple[str, str, str, str | None]] = set()
        contradictory: dict[tuple[str, str], list[str]] = {}
        for inf in m.inferences.values():
            fields = self.fields(inf)
            simple = (
                len(inf.premises) == 1
                and inf.premises[0] != inf.target
                and inf.id not in undercut_targets
                and inf.id not in self.gap_inferences
            )
            if (
                simple
                and inf.kind is InferenceKind.ATTACK
                and fields == {"relation": CONTRADICTORY}
            ):
                contradictory.setdefault((inf.premises[0], inf.target), []).append(inf.id)
                continue
            key = (inf.premises[0], inf.target, inf.kind.value, fields.get("relation"))
            line_ok = simple and key not in lines_seen
            if line_ok and inf.kind is InferenceKind.UNDERCUT:
                line_ok = not fields
            elif line_ok and inf.kind is InferenceKind.ATTACK and fields == {"relation": UNDERCUT}:
                # Argdown's undercut of a statement or of a sketched argument: an '_>' line
                # under the premise (an '_' under the target would undercut the last
                # inference read instead, when there is one)
                line_ok = True
            elif line_ok:
                line_ok = not fields
            if line_ok:
                lines_seen.add(key)
                if inf.kind is InferenceKind.UNDERCUT:
                    self.undercut_lines.setdefault(inf.target, []).append(inf.premises[0])
                elif fields:
                    self.line_children.setdefault(inf.premises[0], []).append(("_>", inf.target))
                else:
                    symbol = "+" if inf.kind is InferenceKind.SUPPORT else "-"
                    self.line_children.setdefault(inf.target, []).append((symbol, inf.premises[0]))
            else:
                self.tier2.append(inf.id)
        # contradictions come in pairs (a >< b is read as two attacks): one line per pair
        number = 0
        for (a, b), ids in contradictory.items():
            back = contradictory.get((b, a), [])
            while ids:
                iid = ids.pop()
                if back and a != b:
                    back.pop()
                    number += 1
                    self.pairs.setdefault(a, []).append((b, number))
                    self.pairs.setdefault(b, []).append((a, number))
                else:
                    self.tier2.append(iid)
        self.tier2_set = set(self.tier2)
        # statements in a premise-conclusion structure must be statements, not arguments
        in_pcs: set[str] = set()
        for iid in self.tier2:
            inf = m.inferences[iid]
            in_pcs.update(inf.premises)
            if inf.kind is InferenceKind.SUPPORT:
                in_pcs.add(inf.target)
        for sid in self.pairs:
            in_pcs.add(sid)  # '><' relates statements
        for sid, statement in m.statements.items():
            if _is_argument_node(statement) and sid not in in_pcs:
                wanted = statement.title or (sid[1:-1] if sid.startswith("<") else sid)
                title = self.unique_argument_title(wanted)
                self.title[sid] = title
                self.read_ids.add(f"<{title}>")
                self.as_argument.add(sid)
        for sid in m.statements:
            if sid not in self.as_argument:
                title = sid if _safe_statement_title(sid) else self.clean(sid, "]")
                n = 1
                base = title
                while title in self.read_ids:
                    n += 1
                    title = f"{base} ({n})"
                self.title[sid] = title
                self.read_ids.add(title)
        for iid in self.tier2:
            inf = m.inferences[iid]
            info = inf.meta.get("argdown")
            wanted = ""
            if isinstance(info, dict) and isinstance(info.get("argument"), str):
                wanted = info["argument"]
            if not wanted and inf.label:
                wanted = inf.label
            if not wanted and not iid.startswith("_"):
                wanted = iid
            if not wanted:
                target = self.title.get(inf.target, "an inference")
                wanted = {
                    InferenceKind.SUPPORT: f"Reason for {target}",
                    InferenceKind.ATTACK: f"Objection to {target}",
                    InferenceKind.UNDERCUT: "Undercut",
                }[inf.kind]
            self.pcs_title[iid] = self.unique_argument_title(wanted)

    @staticmethod
    def clean(text: str, bad: str) -> str:
        """A usable title from ``text``: no line breaks, no closing bracket, no markup start."""
        cleaned = _RE_CONTROL.sub(" ", text).replace(bad, ")")
        cleaned = cleaned.replace("\u2028", " ").replace("\u2029", " ").strip()
        cleaned = cleaned.lstrip("-_+!").strip()
        return cleaned or "untitled"

    def unique_argument_title(self, wanted: str) -> str:
        base = wanted if _safe_argument_title(wanted) else self.clean(wanted, ">")
        title = base
        n = 1
        while title in self.argument_titles or f"<{title}>" in self.read_ids:
            n += 1
            title = f"{base} ({n})"
        self.argument_titles.add(title)
        return title

    def read_id(self, sid: str) -> str:
        """The id the reader will give this statement."""
        title = self.title[sid]
        return f"<{title}>" if sid in self.as_argument else title

    # pieces --------------------------------------------------------------------------------

    def reference(self, sid: str) -> str:
        title = self.title[sid]
        return f"<{title}>" if sid in self.as_argument else f"[{title}]"

    def definition(self, sid: str) -> str:
        statement = self.map.statements[sid]
        text = statement.text
        data: dict[str, Any] = {}
        shown = text
        if any(c in text for c in "\n\r") or text != text.strip():
            data["text"] = text
            shown = " ".join(text.split()) or "(text in data)"
        values = statement.model_dump(
            exclude_defaults=True,
            exclude={"id", "text", "title", "tags", "meta", "origin"},
            mode="json",
        )
        if statement.implicit and statement.kind.value == "assumption":
            values.pop("kind", None)
        for key in STATEMENT_DATA:
            if key in values:
                data[key] = values[key]
        meta = dict(statement.meta)
        if sid in self.as_argument:
            meta.pop("argdown", None)
        if meta:
            data["meta"] = meta
        tags = ""
        if statement.tags:
            if all(t and ")" not in t and t == t.strip() for t in statement.tags):
                tags = " " + " ".join(
                    f"#{t}" if _RE_SIMPLE_TAG.fullmatch(t) else f"#({t})" for t in statement.tags
                )
            else:
                data["tags"] = list(statement.tags)
        head = f"<{self.title[sid]}>:" if sid in self.as_argument else f"[{self.title[sid]}]:"
        line = f"{head} {_escape(shown)}{tags}"
        if data:
            line += " " + _json(data)
        return line

    def mention(self, sid: str) -> str:
        """A definition the first time a statement is written, a reference after."""
        if sid in self.defined:
            return self.reference(sid)
        self.defined.add(sid)
        return self.definition(sid)

    # blocks --------------------------------------------------------------------------------

    def tree(self, root: str) -> None:
        """A statement and its relation lines, nested, each statement expanded once."""
        if root in self.expanded:
            return
        lines: list[str] = []
        stack: list[tuple[str, int, str]] = [(root, 0, "")]
        while stack:
            sid, depth, symbol = stack.pop()
            head = "  " * depth + (symbol + " " if symbol else "")
            lines.append(head + self.mention(sid))
            if sid in self.expanded:
                continue
            if depth >= MAX_NESTING:
                self.pending.append(("tree", sid))  # continued in a block of its own
                continue
            self.expanded.add(sid)
            children: list[tuple[str, int, str]] = []
            for symbol_, other in self.line_children.get(sid, []):
                children.append((other, depth + 1, symbol_))
            for other, number in self.pairs.get(sid, []):
                if number not in self.pairs_done:
                    self.pairs_done.add(number)
                    children.append((other, depth + 1, "><"))
            stack.extend(reversed(children))
            for inf in self.map.incoming(sid):
                if inf.id in self.tier2_set and inf.id not in self.written:
                    self.pending.append(("pcs", inf.id))
        if len(lines) > 1 or lines[0] != self.reference(root):  # no bare references
            self.blocks.append("\n".join(lines))

    def pcs(self, iid: str) -> None:
        """A Tier 2 inference: an argument with its premise-conclusion structure."""
        if iid in self.written:
            return
        self.written.add(iid)
        m = self.map
        inf = m.inferences[iid]
        title = self.pcs_title[iid]
        info = inf.meta.get("argdown")
        head = f"<{title}>"
        if isinstance(info, dict):
            # what the reader keeps of a reconstructed argument's own lines
            description = info.get("description")
            if isinstance(description, str) and description.strip():
                head += ": " + _escape(" ".join(description.split()))
                tags = [
                    t for t in info.get("tags", []) if isinstance(t, str) and t and ")" not in t
                ]
                head += "".join(
                    f" #{t}" if _RE_SIMPLE_TAG.fullmatch(t) else f" #({t})" for t in tags
                )
            if info.get("data") is not None:
                head += " " + _json(info["data"])
        self.blocks.append(head)
        lines: list[str] = []
        for n, premise in enumerate(inf.premises, start=1):
            lines.append(f"({n}) {self.mention(premise)}")
            self.pending.append(("tree", premise))
        fields = self.fields(inf)
        scheme = fields.pop("scheme", None)
        rule = ""
        if scheme is not None:
            if scheme == scheme.strip() and not any(c in scheme for c in "\n\r"):
                rule = _escape(scheme, rule=True)
            else:
                fields["scheme"] = scheme
        data = _json(fields) if fields else ""
        if rule or data:
            lines.append(f"-- {' '.join(p for p in (rule, data) if p)} --")
        else:
            lines.append("----")
        for premise in self.undercut_lines.get(iid, []):
            lines.append(f"  <_ {self.mention(premise)}")
            self.pending.append(("tree", premise))
        number = len(inf.premises) + 1
        if inf.kind is InferenceKind.SUPPORT:
            lines.append(f"({number}) {self.mention(inf.target)}")
            self.pending.append(("tree", inf.target))
        else:
            lines.append(f"({number}) {self.stand_in(inf, title)}")
        for undercut in m.attacks(iid):
            if undercut.id in self.tier2_set:
                self.pending.append(("pcs", undercut.id))
        self.blocks.append("\n".join(lines))

    def stand_in(self, inf: Inference, title: str) -> str:
        """The made-up conclusion of an attack or undercut, and its relation to the target."""
        m = self.map
        name = title + " (conclusion)"
        n = 1
        while name in self.read_ids:
            n += 1
            name = f"{title} (conclusion {n})"
        self.read_ids.add(name)
        if inf.kind is InferenceKind.ATTACK:
            target = inf.target
            text = f"Against {self.read_id(target)}: {m.statements[target].text}"
            relation = f"  -> {self.mention(target)}"
            self.pending.append(("tree", target))
        else:
            target_title = self.pcs_title[inf.target]
            text = f"The inference of <{target_title}> does not hold."
            relation = f"  _> <{target_title}>"
        text = " ".join(text.split())
        return f"[{name}]: {_escape(text)} {_json({'argmap': STANDS_FOR})}\n{relation}"

    def front_matter(self) -> str:
        m = self.map
        front: dict[str, Any] = {}
        original = m.meta.get("frontmatter")
        if isinstance(original, dict):
            # Argdown settings of the original file stay; the interpretation mode does not:
            # the relations below are written for Argdown's default (loose) mode
            front.update({k: v for k, v in original.items() if k not in ("model", "argmap")})
        if m.title:
            front["title"] = m.title
        own: dict[str, Any] = {}
        if m.conclusion in m.statements:
            own["conclusion"] = self.read_id(m.conclusion)
        if m.source is not None:
            source = m.source.model_dump(exclude_none=True, mode="json")
            if source:
                own["source"] = source
        if m.gaps:
            gaps: list[dict[str, Any]] = []
            for gap in m.gaps:
                entry = gap.model_dump(exclude_none=True, exclude={"origin"}, mode="json")
                if gap.node in m.statements:
                    entry["node"] = self.read_id(gap.node)
                elif gap.node in self.pcs_title:
                    del entry["node"]
                    entry = {"inference": self.pcs_title[gap.node], **entry}
                gaps.append(entry)
            own["gaps"] = gaps
        meta = {k: v for k, v in m.meta.items() if k not in ("argdown", "frontmatter", "sections")}
        if meta:
            own["meta"] = meta
        if own:
            front["argmap"] = own
        if not front:
            return ""
        body = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
        if "===" in body:
            # the front matter ends at the first "===": JSON can escape it inside strings
            body = _RE_STRING_LITERAL.sub(
                lambda s: s.group().replace("=", "\\u003d"),
                json.dumps(front, ensure_ascii=False, indent=2),
            )
        return f"===\n{body.rstrip()}\n==="

    def run(self) -> str:
        m = self.map
        self.plan()
        order = [m.conclusion] if m.conclusion in m.statements else []
        order += [s for s in m.statements if s != m.conclusion]
        if order:
            self.pending.append(("tree", order[0]))
        rest = iter(order)
        tier2 = iter(self.tier2)
        while True:
            while self.pending:
                kind, key = self.pending.popleft()
                if kind == "tree":
                    self.tree(key)
                else:
                    self.pcs(key)
            # what the walk from the conclusion did not reach, in map order
            nxt = next((s for s in rest if s not in self.expanded), None)
            if nxt is not None:
                self.pending.append(("tree", nxt))
                continue
            left = next((i for i in tier2 if i not in self.written), None)
            if left is None:
                break
            self.pending.append(("pcs", left))
        front = self.front_matter()
        parts = ([front] if front else []) + self.blocks
        return "\n\n".join(parts) + "\n"


def dumps(argmap: ArgumentMap) -> str:
    """The map as Argdown text that :func:`read` reads back to the same graph."""
    return _Writer(argmap).run()
