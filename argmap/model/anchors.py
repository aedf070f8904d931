"""Paragraph anchors: ``"16"``, ``"20-22"``, ``"1, 3-4"`` <-> sorted paragraph numbers."""

from __future__ import annotations

import re
from functools import lru_cache

_PART = re.compile(r"^\s*(\d+)\s*(?:[-\u2013]\s*(\d+)\s*)?$")
#: A range wider than this is surely a typo (and would cost memory).
MAX_RANGE = 10_000
#: A paragraph number longer than this is no paragraph of any text.
MAX_DIGITS = 9


@lru_cache(maxsize=4096)
def parse_anchor(raw: str) -> tuple[int, ...]:
    """Parse an anchor into sorted, distinct paragraph numbers; ``ValueError`` if malformed."""
    numbers: set[int] = set()
    for part in raw.split(","):
        match = _PART.match(part)
        if match is None:
            raise ValueError(
                f"bad paragraph anchor {raw!r}: expected a number, a range like 20-22, "
                "or a comma-separated list of these"
            )
        if max(len(match.group(1)), len(match.group(2) or "")) > MAX_DIGITS:
            raise ValueError(f"bad paragraph anchor {raw!r}: no text has that many paragraphs")
        first = int(match.group(1))
        last = int(match.group(2) or first)
        if first < 1 or last < first or last - first > MAX_RANGE:
            raise ValueError(f"bad paragraph range {part.strip()!r} in anchor {raw!r}")
        numbers.update(range(first, last + 1))
    return tuple(sorted(numbers))


def format_anchor(numbers: tuple[int, ...] | list[int]) -> str:
    """The shortest anchor text for paragraph numbers: ``(20, 21, 22, 5)`` -> ``"5, 20-22"``."""
    parts: list[str] = []
    ordered = sorted(set(numbers))
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        parts.append(str(ordered[i]) if i == j else f"{ordered[i]}-{ordered[j]}")
        i = j + 1
    return ", ".join(parts)


@lru_cache(maxsize=4096)
def normalize_anchor(raw: str) -> str:
    """An anchor in its shortest form (``"22, 20-21"`` -> ``"20-22"``); ``ValueError`` if malformed."""
    return format_anchor(parse_anchor(raw))
