"""The one exception hierarchy of argmap.

Every error a user can cause (a bad map file, an unknown option value, a
missing tool) is an :class:`ArgmapError`. The CLI catches only this base
class, prints ``Error: <message>`` to stderr and exits 1; anything else is a
bug and is allowed to show a traceback.
"""

from __future__ import annotations

from typing import Any


class ArgmapError(Exception):
    """Base class of every error argmap reports to a user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class LocatedError(ArgmapError):
    """An error at a place in a file: ``FILE:LINE:COL: what is wrong``.

    ``line`` and ``col`` are 1-based; either may be ``None`` when the place is
    not known, and the message then names as much of it as is known.
    """

    def __init__(
        self,
        what: str,
        *,
        file: str | None = None,
        line: int | None = None,
        col: int | None = None,
    ) -> None:
        self.what = what
        self.file = file
        self.line = line
        self.col = col
        place = ":".join(
            str(part)
            for part in (file, line, col if line is not None else None)
            if part is not None
        )
        super().__init__(f"{place}: {what}" if place else what)


class InternalError(ArgmapError):
    """A bug met on one file of a batch, reported as that file's error so the batch goes on."""

    @classmethod
    def on_file(cls, file: str, exc: BaseException) -> InternalError:
        """The error for ``exc`` raised while handling ``file``."""
        return cls(
            f"{file}: argmap failed on this file ({type(exc).__name__}: {exc}); "
            "this is a bug in argmap, please report it with the file"
        )


class MapFileError(LocatedError):
    """A map file (any format) cannot be read: syntax, schema or graph problem."""


class EmptyMapError(MapFileError):
    """A valid file with nothing to map: an Argdown file of headings only (Argdown draws an
    empty map).

    ``empty`` is the map read, with no statements and an empty ``conclusion``, its headings
    and front matter in ``meta``. The commands that can show or write such a map (``show``,
    ``stats``, ``gaps``, ``render``, ``convert`` to Argdown) take it and say so on stderr;
    every other command reports the file as an error, as any map with nothing to map.
    """

    def __init__(self, what: str, *, file: str, line: int, col: int, empty: Any) -> None:
        super().__init__(what, file=file, line=line, col=col)
        self.empty = empty


class MapFileErrors(MapFileError):
    """Several errors found in one map file, in file order: one ``FILE:LINE:COL: ...`` each.

    The message holds the first :data:`LIMIT` of them, one per line, each
    line after the first starting ``Error: `` as the CLI prints the first;
    a last line says how many more there are.
    """

    LIMIT = 20

    def __init__(self, errors: list[MapFileError]) -> None:
        ordered = sorted(errors, key=lambda e: (e.line or 0, e.col or 0))
        first = ordered[0]
        super().__init__(first.what, file=first.file, line=first.line, col=first.col)
        self.errors = ordered
        shown = [str(e) for e in ordered[: self.LIMIT]]
        if len(ordered) > self.LIMIT:
            rest = len(ordered) - self.LIMIT
            shown.append(f"{first.file}: {rest} more errors not shown ({len(ordered)} in all)")
        self.message = "\nError: ".join(shown)


class FormatError(ArgmapError):
    """An unknown or unsupported file format, or a format that cannot do what was asked."""


class RenderError(ArgmapError):
    """Rendering failed: no engine for the format, or the engine reported an error."""


class OutputError(ArgmapError):
    """An output file cannot be written (missing directory, no permission...)."""


class UsageError(ArgmapError):
    """An option's value is wrong (an unknown gap selector, a ``--blank`` category...).

    Front ends report it as a usage error (the CLI: exit status 2).
    """
