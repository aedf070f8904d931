"""Argdown's lexer: the token kinds and rules of Argdown 1.7, in its order, and indentation."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

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
#: the characters of a hashtag, as Argdown's own pattern lists them (its ``A-z`` takes in
#: ``[\\]^_`` and the backquote too)
_TAG_CHARS = "a-zA-z0-9\\-\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
#: the same set written as the characters it leaves out: Python's ``re`` compiles that in
#: 1 ms instead of 5 (a positive class over most of the BMP is expanded into a bitmap),
#: and every Argdown read compiles it four times (tests/test_argdown.py checks they agree)
_TAG_CLASS = "[^\\x00-,./:-@{-\\x9f\\ud800-\\uf8ff\\ufdd0-\\ufdef\\ufff0-\\U0010ffff]"
_RE_TAG = re.compile(rf"#(?:\([^)]+\)|{_TAG_CLASS}+)[ \t]?")
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


# --- linear time: rules that scan ahead ---------------------------------------------------------
#
# Some rules look far ahead for their end: a statement definition "[...]:" to the end of the
# line, a comment "<!-- ... -->" or front matter "=== ... ===" to the end of the text. Tried at
# every "[" of a line of 16,000 of them, each attempt scans the rest of the line: quadratic.
# So before such a rule is tried, the place its end would be is looked up in a cache of "next
# occurrence" searches (each search's result serves every later position up to it, so all
# lookups of a text cost one pass), and the rule is left out when it cannot match. The checks
# are exact for the rules they guard (the rule matches if and only if the check passes), except
# for data blocks, which also remember where a failed attempt's scan stopped: every attempt
# from before that place fails the same way.
#
# That makes a run linear, but still a pass of the lexer's loop per character (about 1 µs:
# a 1 MB run of "@[" took twice as long as a normal 1 MB map). Along a run of "[", "<", "@"
# and "{" whose unit repeats ("[[[[", "@[@[", "<<[<<[", "{{{{"), the answers at each
# character repeat too, and :meth:`_Ahead.plain_run` crosses the run in one step, up to a
# few characters before its end (tests/test_argdown.py lexes runs both ways and compares
# the tokens).

_LINE_BREAK = re.compile("[\n\r\u2028\u2029]")
_SEPARATOR = re.compile("[\u2028\u2029]")
# where the body of a data block stops: a line end Argdown excludes, or "}" that ends it
_DATA_STOP = re.compile(f"[\r\u2028\u2029]|\\}}(?=[{_WS}][^,}}])")


class _Next:
    """The offset of the first match of ``pattern`` at or after a position (``len`` if none).

    Positions asked for only grow, so one search answers every position up to its result.
    """

    __slots__ = ("text", "pattern", "start", "found")

    def __init__(self, text: str, pattern: str | re.Pattern[str]) -> None:
        self.text = text
        self.pattern = re.compile(re.escape(pattern)) if isinstance(pattern, str) else pattern
        self.start = -1
        self.found = -1

    def __call__(self, pos: int) -> int:
        if self.start <= pos <= self.found:
            return self.found
        m = self.pattern.search(self.text, pos)
        self.start = pos
        self.found = m.start() if m is not None else len(self.text)
        return self.found


class _Ahead:
    """Whether the rules that scan ahead can match at a position (see above)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.size = len(text)
        self.finders: dict[object, _Next] = {}
        self.data_failed_until = -1
        self.horizon = 0
        self.remembered: dict[str, tuple[int, str, tuple[str, ...]]] = {}
        self.by_head: dict[str, tuple[int, str, tuple[str, ...]]] = {}

    def next(self, what: str | re.Pattern[str], pos: int, skip: int = 0) -> int:
        """Where ``what`` next occurs at or after ``pos + skip`` (``len`` if nowhere).

        One finder per (what, skip): each is asked for growing positions only.
        """
        finder = self.finders.get((what, skip))
        if finder is None:
            finder = self.finders[what, skip] = _Next(self.text, what)
        found = finder(pos + skip)
        # the answer stays the same for later positions up to this many characters on
        self.horizon = min(self.horizon, found - (pos + skip))
        return found

    def impossible(self, pos: int) -> tuple[str, ...]:
        """The names of the scanning rules that cannot match at ``pos``.

        Remembered: along a run such as 16,000 "[", the answer is the same at each
        position until one of the searches it used would find something else, and as long
        as the next four characters (what the rules look at directly) are the same.
        """
        text = self.text
        # one remembered answer per character: runs like "@[@[@[" alternate two of them
        char = text[pos]
        valid_until, head, answer = self.remembered.get(char, (-1, "", ()))
        if pos <= valid_until and text.startswith(head, pos):
            return answer
        # and one per five characters ahead, for runs in which a character comes back
        # with other characters after it ("<<[<<[", "[<@[[<@[")
        run = char in _RUN_CHARS
        if run:
            memo = self.by_head.get(text[pos : pos + 5])
            if memo is not None and pos <= memo[0]:
                self.remembered[char] = memo
                return memo[2]
        self.horizon = self.size
        answer = self._impossible(pos)
        head = text[pos : pos + 5]
        memo = (pos + self.horizon if len(head) == 5 else pos, head, answer)
        self.remembered[char] = memo
        if run and len(head) == 5:
            if len(self.by_head) >= _HEADS_KEPT:
                self.by_head.clear()
            self.by_head[head] = memo
        return answer

    def _impossible(self, pos: int) -> tuple[str, ...]:
        text = self.text
        char = text[pos]
        out: list[str] = []
        if char == "[":
            if not self.link(pos):
                out.append("link")
            if not self.closed(pos, 2, "]:", 1):
                out.append("stmt_def")
            if not (text[pos + 1 : pos + 2] not in ("", "-") and self.closed(pos, 2, "]", 2)):
                out.append("stmt_ref")
        elif char == "<":
            if text.startswith("<!--", pos) and not self.comment(pos):
                out.append("comment")
            if not self.closed(pos, 2, ">:", 1):
                out.append("arg_def")
            if not (text[pos + 1 : pos + 2] not in ("", "-") and self.closed(pos, 2, ">", 2)):
                out.append("arg_ref")
        elif char == "@":
            if not (text.startswith("@[", pos) and self.closed(pos, 3, "]", 2)):
                out.append("stmt_mention")
            if not (text.startswith("@<", pos) and self.closed(pos, 3, ">", 2)):
                out.append("arg_mention")
        elif char == "/":
            if text.startswith(("/*", "//"), pos) and not self.comment(pos):
                out.append("comment")
        elif char == "=":
            if not (text.startswith("===", pos) and self.next("===", pos, 3) < self.size):
                out.append("front_matter")
        elif char == "#":
            if text.startswith("#(", pos) and not pos + 2 < self.next(")", pos, 2) < self.size:
                out.append("tag")
        elif char == "{":
            if not self.data(pos):
                out.append("data")
        return tuple(out)

    def closed(self, pos: int, skip: int, end: str, line_skip: int) -> bool:
        """Whether ``end`` occurs from ``pos + skip`` on, before any line break from
        ``pos + line_skip``."""
        found = self.next(end, pos, skip)
        return found < self.size and found < self.next(_LINE_BREAK, pos, line_skip)

    def link(self, pos: int) -> bool:
        close = self.next("]", pos, 1)
        if not (pos + 1 < close < self.size and self.text[close + 1 : close + 2] == "("):
            return False
        # the ")" is searched from the "]": a finder of its own, asked for growing positions
        end = self.next(")", close, 2)
        return close + 2 < end < self.size

    def comment(self, pos: int) -> bool:
        text = self.text
        if text.startswith("<!--", pos):
            end = self.next("-->", pos, 4)
            return end < self.size and end < self.next(_SEPARATOR, pos, 4)
        if text.startswith("/*", pos):
            end = self.next("*/", pos, 2)
            return end < self.size and end < self.next(_SEPARATOR, pos, 2)
        if text.startswith("//", pos):
            end = self.next(_LINE_BREAK, pos, 2)
            return end < self.size and text[end] in "\r\n"
        return False

    def data(self, pos: int) -> bool:
        if pos < self.data_failed_until:
            return False
        close = self.next("}", pos, 1)
        return close < self.size and close <= self.next(_DATA_STOP, pos, 1)

    def plain_run(self, pos: int) -> int:
        """Where a run of plain characters that ``pos`` is in ends, as far as it can be told
        without lexing it character by character (``pos + 1`` when it cannot).

        ``pos`` holds a character of :data:`_RUN_CHARS` just lexed as one plain character
        by the remembered answer of :meth:`impossible`. Along a text that repeats the one
        to four characters ending at ``pos`` ("[[[[", "@[@[@[", "[<@[<@"), all of them of
        :data:`_RUN_CHARS`, every later position lexes the same way as long as the
        remembered answers for the text ahead of it still hold (up to where they were valid, and
        five characters before the run's end, so that the next characters are the same):
        each scanning rule of the character was left out, and every other rule it starts
        fails by the second character, which is another character of the run. So the run
        is plain text up to there.
        """
        text = self.text
        following = text[pos + 1 : pos + 2]
        for period in _RUN_PERIODS:
            start = pos + 1 - period
            # first the cheap tests, made at every "[" of ordinary text: the unit repeats
            if start < 0 or text[start] != following:
                continue
            unit = text[start : pos + 1]
            if _shorter_period(unit) or not text.startswith(unit * (8 // period), pos + 1):
                continue
            valid = self.size
            for at, char in enumerate(unit, start):
                memo = self.by_head.get(text[at : at + 5])
                if (
                    char not in _RUN_CHARS
                    or memo is None
                    or not at <= memo[0]
                    or len(memo[1]) != 5
                    or not text.startswith(memo[1], at)
                    or not _plain_char(char, memo[2], text, at)
                ):
                    break
                valid = min(valid, memo[0])
            else:
                run_end = _run_end(unit, text, start)
                end = min(run_end - 4, valid + 1)
                if end > pos + 1:
                    return end
        return pos + 1

    def data_failed(self, pos: int) -> None:
        """A data block failed at ``pos``: so will any from here to where its scan stopped."""
        self.data_failed_until = self.next(_DATA_STOP, pos, 1)
        self.remembered.pop("{", None)  # the remembered answer said data could match


#: The characters at which a scanning rule may start.
_SCANNING_START = frozenset("[<@/=#{")
_SCANNING_RULES = (
    "comment",
    "front_matter",
    "data",
    "link",
    "tag",
    "stmt_def",
    "stmt_ref",
    "stmt_mention",
    "arg_def",
    "arg_ref",
    "arg_mention",
)
#: Scanning characters whose runs :meth:`_Ahead.plain_run` crosses in one step: every rule
#: they start that scans nothing ahead ("@include(", "<!--", a plain "[" or "<") fails by
#: the second character when that is one of them ("{" starts no rule but a data block,
#: which scans ahead: a run of "{" with no data block in it was 2.1x a normal map)
_RUN_CHARS = frozenset("[<@{")
_RUN_TEXT = "".join(sorted(_RUN_CHARS))
#: How many remembered answers :meth:`_Ahead.impossible` keeps by the text ahead
_HEADS_KEPT = 4096
#: The lengths of the repeating units :meth:`_Ahead.plain_run` recognises
_RUN_PERIODS = (1, 2, 3, 4)
#: A length that each of them divides
_RUN_GATE = 12


@functools.cache
def _shorter_period(unit: str) -> bool:
    """Whether ``unit`` is itself a repeat of a shorter unit ("[[", "@[@["), which the
    shorter period finds first."""
    return any(
        len(unit) % size == 0 and unit == unit[:size] * (len(unit) // size)
        for size in range(1, len(unit))
    )


@functools.cache
def _repeats(unit: str) -> re.Pattern[str]:
    return re.compile(f"(?:{re.escape(unit)})*")


def _run_end(unit: str, text: str, start: int) -> int:
    """Where the repeats of ``unit`` from ``start`` on end."""
    found = _repeats(unit).match(text, start)
    return start if found is None else found.end()


def _plain_char(char: str, excluded: tuple[str, ...], text: str, pos: int) -> bool:
    """Whether, with the rules in ``excluded`` left out, ``char`` at ``pos`` is one plain
    character (an "unused control character" with no space after it)."""
    m = _middle_without(char, excluded).match(text, pos)
    return m is not None and m.lastgroup == "ucc" and m.end() == pos + 1


@functools.cache
def _middle_without(char: str, excluded: tuple[str, ...]) -> re.Pattern[str]:
    """The alternation for ``char`` without the rules in ``excluded`` (same order otherwise)."""
    rules = [name for name in _RE_MIDDLE_BY_CHAR[char].groupindex if name not in excluded]
    if not rules:
        return re.compile("(?!)")
    return re.compile(
        "|".join(f"(?P<{name}>{_MIDDLE_PATTERNS[name]})" for name in rules), re.DOTALL
    )


#: Token kinds that are plain text to the parser, wherever they are (joined when adjacent).
_PLAIN = frozenset({FREESTYLE, UCC})

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
        self.ahead = _Ahead(text)

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
        ahead = self.ahead
        remembered = ahead.remembered.get
        append = tokens.append
        default = self.default
        pos = 0
        fast = False  # in the middle of a line of the default mode
        while pos < size:
            # in the middle of a line, in the default mode, away from bold and italic marks,
            # the rules that can apply are plain patterns: one alternation in Argdown's order
            # (first match wins, as in Argdown) does the work of the rule-by-rule loop below
            if fast and text[pos] not in "*_":
                char = text[pos]
                if char in _SCANNING_START:
                    # the remembered answer of ahead.impossible, looked up here: along a run
                    # of 1,000,000 "@[" the call itself would be a third of the lexer's time
                    memo = remembered(char)
                    if memo is not None and pos <= memo[0] and text.startswith(memo[1], pos):
                        excluded = memo[2]
                    else:
                        excluded = ahead.impossible(pos)
                    pattern = _middle_without(char, excluded) if excluded else middle(char, other)
                    m = pattern.match(text, pos)
                    if (
                        char == "{"
                        and "data" not in excluded
                        and (m is None or m.lastgroup != "data")
                    ):
                        ahead.data_failed(pos)
                else:
                    m = middle(char, other).match(text, pos)
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
                        last = tokens[-1]
                        if kind in _PLAIN and last[0] in _PLAIN and last[2] == pos:
                            # plain text after plain text is one token: the parser joins
                            # them all the same, and a run of "[" or "<!--" would otherwise
                            # cost a token (a tuple) per character
                            append_to = FREESTYLE if kind != last[0] else kind
                            if (
                                kind == UCC
                                and end == pos + 1
                                and char in _RUN_CHARS
                                # the twelve characters ahead repeat the last twelve, as
                                # they do along a run whose unit has one to four characters
                                and pos >= _RUN_GATE - 1
                                and text.startswith(text[pos + 1 - _RUN_GATE : pos + 1], pos + 1)
                                # and all of them are run characters: "<!--<!--" is not a
                                # run plain_run crosses, and asking at each "<" costs
                                and not text[pos + 1 - _RUN_GATE : pos + 1].strip(_RUN_TEXT)
                            ):
                                end = ahead.plain_run(pos)  # "[[[[": as far as it repeats
                            tokens[-1] = (append_to, last[1], end)
                        else:
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
        if self.text[self.pos] in "<" and "comment" in self.ahead.impossible(self.pos):
            return False
        if self.text[self.pos] == "/" and not self.ahead.comment(self.pos):
            return False
        m = pattern.match(self.text, self.pos)
        if m is None:
            return False
        self.pos = m.end()  # skipped
        return True

    def scanning(self, name: str) -> bool:
        """Whether the scanning rule ``name`` can match here (see :class:`_Ahead`)."""
        return self.text[self.pos] in _SCANNING_START and name not in self.ahead.impossible(
            self.pos
        )

    def front_matter(self) -> bool:
        return self.scanning("front_matter") and self.simple(FRONT_MATTER, _RE_FRONT_MATTER)

    def data(self) -> bool:
        if not self.scanning("data"):
            return False
        if self.simple(DATA, _RE_DATA):
            return True
        self.ahead.data_failed(self.pos)
        return False

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
        return self.scanning("link") and self.simple(LINK, _RE_LINK)

    def tag(self) -> bool:
        return self.scanning("tag") and self.simple(TAG, _RE_TAG)

    def include(self) -> bool:
        return self.simple(INCLUDE, _RE_INCLUDE)

    def statement_definition(self) -> bool:
        return self.scanning("stmt_def") and self.simple(STMT_DEF, _RE_STMT_DEF)

    def statement_reference(self) -> bool:
        return self.scanning("stmt_ref") and self.simple(STMT_REF, _RE_STMT_REF)

    def statement_mention(self) -> bool:
        return self.scanning("stmt_mention") and self.simple(STMT_MENTION, _RE_STMT_MENTION)

    def argument_definition(self) -> bool:
        return self.scanning("arg_def") and self.simple(ARG_DEF, _RE_ARG_DEF)

    def argument_reference(self) -> bool:
        return self.scanning("arg_ref") and self.simple(ARG_REF, _RE_ARG_REF)

    def argument_mention(self) -> bool:
        return self.scanning("arg_mention") and self.simple(ARG_MENTION, _RE_ARG_MENTION)

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
