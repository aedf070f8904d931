"""``@include(file)``: other Argdown files put into the text, as Argdown's command-line tool does.

Argdown's IncludePlugin (``@argdown/node``) replaces every
``@include(path)`` of the raw text, before lexing, by the text of the file
``path`` names (relative to the including file), recursively. Each file is
included once: a second ``@include`` of it becomes an HTML comment
(``<!-- Include failed: ... already included ... -->``), which ends any
cycle. A file that cannot be read is an error. argmap does the same, keeps
track of which file each part of the combined text came from (so an error or
a statement's origin names the right file, line and column), and adds a
notice for each include it left out. Only Argdown files are included
(``.argdown``, ``.ad``, ``.adown``, ``.argdn``): a map from elsewhere cannot
pull an arbitrary local file into what argmap shows.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from argmap.errors import MapFileError
from argmap.formats._text import decode, read_bytes

#: Argdown's pattern (``IncludePlugin``'s default ``regEx``)
_RE_INCLUDE = re.compile(r"@include\(([^)]+)\)")
#: the files an @include may name (Argdown's own extensions)
ARGDOWN_SUFFIXES = (".argdown", ".ad", ".adown", ".argdn")
#: includes nested deeper than this are refused (each file is included once anyway)
MAX_INCLUDE_DEPTH = 100


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@dataclass
class Source:
    """The combined text and, for each stretch of it, the file and offset it came from."""

    text: str = ""
    #: (start in ``text``, file name, that file's text, start in that file's text)
    parts: list[tuple[int, str, str, int]] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    _starts: list[int] = field(default_factory=list)
    _lines: dict[int, list[int]] = field(default_factory=dict)  # id(file text) -> line starts

    def locate(self, offset: int) -> tuple[str, int, int]:
        """The file, line and column (1-based) of an offset into the combined text."""
        if not self.parts:
            return "", *_line_col(self.text, offset)
        if len(self._starts) != len(self.parts):
            self._starts = [p[0] for p in self.parts]
        k = max(0, bisect.bisect_right(self._starts, offset) - 1)
        start, name, text, at = self.parts[k]
        where = at + offset - start
        lines = self._lines.get(id(text))
        if lines is None:
            lines = self._lines[id(text)] = [0] + [
                m.end() for m in re.finditer(r"\r\n|\n|\r", text)
            ]
        line = bisect.bisect_right(lines, where)
        return name, line, where - lines[line - 1] + 1


def resolve(text: str, name: str) -> Source:
    """``text`` (the file ``name``) with its ``@include``\\ s resolved, and where each part is from."""
    source = Source()
    if "@include(" not in text:
        source.text = text
        source.parts.append((0, name, text, 0))
        return source
    pieces: list[str] = []
    size = 0
    included: list[Path] = []  # as Argdown: the file itself is not in the list at first
    # an explicit stack of (file name, its text, where the scan is, depth)
    stack: list[tuple[str, str, int, int]] = [(name, text, 0, 0)]

    def emit(piece: str, file: str, file_text: str, at: int) -> None:
        nonlocal size
        if piece:
            source.parts.append((size, file, file_text, at))
            pieces.append(piece)
            size += len(piece)

    while stack:
        file, file_text, pos, depth = stack.pop()
        match = _RE_INCLUDE.search(file_text, pos)
        if match is None:
            emit(file_text[pos:], file, file_text, pos)
            continue
        emit(file_text[pos : match.start()], file, file_text, pos)
        stack.append((file, file_text, match.end(), depth))  # the rest of this file, after
        target = (Path(file).parent / match.group(1).strip()).resolve()
        line, col = _line_col(file_text, match.start())
        if target in included:
            source.notices.append(
                f"{file}:{line}:{col}: @include({match.group(1)}) left out: {target.name} is "
                "already included (each file is included once, as in Argdown)"
            )
            emit(
                f"<!-- Include failed: File '{target}' already included. To avoid infinite "
                "loops, each file can only be included once. -->",
                file,
                file_text,
                match.start(),
            )
            continue
        if depth >= MAX_INCLUDE_DEPTH:
            raise MapFileError(
                f"@include nested more than {MAX_INCLUDE_DEPTH} files deep",
                file=file,
                line=line,
                col=col,
            )
        if target.suffix.lower() not in ARGDOWN_SUFFIXES:
            # a file of any other kind is not read: a map from elsewhere cannot pull in (and
            # show) an arbitrary local file
            raise MapFileError(
                f"@include({match.group(1)}): argmap includes Argdown files only "
                f"({', '.join(ARGDOWN_SUFFIXES)})",
                file=file,
                line=line,
                col=col,
            )
        included.append(target)
        shown = os.path.normpath(Path(file).parent / match.group(1).strip())
        try:
            data = read_bytes(target)
        except MapFileError as exc:
            raise MapFileError(
                f"@include({match.group(1)}): cannot read {shown}: {exc.what}",
                file=file,
                line=line,
                col=col,
            ) from None
        stack.append((shown, decode(data, shown), 0, depth + 1))
    source.text = "".join(pieces)
    return source
