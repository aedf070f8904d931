"""User text made safe to show: control characters and direction overrides made visible.

Map files, texts and file names come from anyone. Printed raw, an ESC
(``\\x1b[2J`` clears the screen, ``\\x1b]0;...`` sets the window title) or a
C1 control drives the terminal, and a Unicode direction override (U+202E
and friends) makes text read differently from what it is. Everything argmap
prints goes through :func:`printable` (the console layer does it for rich
output, the CLI for its ``Error:`` lines); JSON output through
:func:`json_safe`; the file writers through :func:`printable` too, or refuse
with :func:`first_unsafe`, each saying so in its docstring.

Newline and tab are kept; every other C0 control, DEL and the C1 controls
become ``\\xNN``; the bidirectional controls become ``\\uNNNN``. Nothing is
dropped, so what was there can still be seen.
"""

from __future__ import annotations

import re

#: Unicode's bidirectional formatting characters (Trojan Source, CVE-2021-42574).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROLS = [c for c in range(0x20) if chr(c) not in "\t\n"] + list(range(0x7F, 0xA0))

_VISIBLE = {c: f"\\x{c:02x}" for c in _CONTROLS} | {
    ord(c): f"\\u{ord(c):04x}" for c in BIDI_CONTROLS
}
_JSON = {c: f"\\u{c:04x}" for c in _CONTROLS} | {ord(c): f"\\u{ord(c):04x}" for c in BIDI_CONTROLS}
_UNSAFE = re.compile("[" + "".join(re.escape(chr(c)) for c in _VISIBLE) + "]")


def printable(text: str) -> str:
    """``text`` with every control character but newline and tab, and every bidi control, visible."""
    if _UNSAFE.search(text) is None:
        return text  # the common case: one scan, no copy
    return text.translate(_VISIBLE)


def json_safe(text: str) -> str:
    """JSON text (from ``json.dumps(..., ensure_ascii=False)``) with the same characters escaped.

    JSON keeps C0 controls escaped already; C1 controls and bidi controls it
    writes raw. Outside strings JSON is plain ASCII, so escaping them as
    ``\\uNNNN`` everywhere gives the same data.
    """
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_JSON)


def first_unsafe(text: str) -> int | None:
    """The offset of the first character :func:`printable` would change, or ``None``."""
    match = _UNSAFE.search(text)
    return None if match is None else match.start()


def replace_unsafe(text: str, by: str) -> str:
    """``text`` with every character :func:`printable` would change replaced by ``by``."""
    return _UNSAFE.sub(by, text)


def describe(char: str) -> str:
    """One unsafe character as it is shown: ``\\x1b``, ``\\u202e``."""
    return char.translate(_VISIBLE)
