"""Reading input files safely: size cap, binary detection, UTF-8 decoding.

Every reader starts here, so that a huge file, a binary file or invalid
UTF-8 gets one plain message with a line and column (the parsers downstream
only report byte offsets).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from argmap.errors import ArgmapError, MapFileError

#: Default cap on the size of an input file; ``ARGMAP_MAX_BYTES`` overrides it.
DEFAULT_MAX_BYTES = 100 * 1024 * 1024


def max_bytes() -> int:
    """The file-size cap in bytes (``ARGMAP_MAX_BYTES`` or 100 MiB)."""
    raw = os.environ.get("ARGMAP_MAX_BYTES")
    if raw:
        try:
            value = int(raw.replace("_", ""))
        except ValueError:
            value = 0
        if value <= 0:
            raise ArgmapError(f"ARGMAP_MAX_BYTES must be a positive number of bytes, not {raw!r}")
        return value
    return DEFAULT_MAX_BYTES


def read_bytes(path: str | Path, *, limit: int | None = None) -> bytes:
    """Read a whole file, refusing one larger than ``limit`` (default :func:`max_bytes`)."""
    name = str(path)
    cap = max_bytes() if limit is None else limit
    try:
        if name == "-":  # standard input: `cat map.yaml | argmap show -`
            data = sys.stdin.buffer.read(cap + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(cap + 1)
    except FileNotFoundError:
        raise MapFileError("no such file", file=name) from None
    except IsADirectoryError:
        raise MapFileError("is a directory, not a file", file=name) from None
    except PermissionError:
        raise MapFileError("permission denied", file=name) from None
    except OSError as exc:
        raise MapFileError(f"cannot read: {exc.strerror or exc}", file=name) from None
    if len(data) > cap:
        raise MapFileError(
            f"file is larger than the {_human(cap)} limit "
            "(set ARGMAP_MAX_BYTES to a larger number of bytes to allow it)",
            file=name,
        )
    return data


def decode(data: bytes, name: str, *, what: str = "text map file") -> str:
    """Decode UTF-8 (a BOM is dropped), reporting binary data and bad bytes by line and column.

    ``what`` names what the file should be, for the NUL-byte message ("plain-text file").
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise MapFileError(
            "this file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
            file=name,
            line=1,
            col=1,
        )
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col_bytes(data, nul)
        raise MapFileError(
            f"this is a binary file, not a {what} (NUL byte)", file=name, line=line, col=col
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col_bytes(data, exc.start)
        raise MapFileError(
            f"invalid UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8",
            file=name,
            line=line,
            col=col,
        ) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_text(path: str | Path, *, limit: int | None = None, what: str = "text map file") -> str:
    """Read and decode a text file with the checks of :func:`read_bytes` and :func:`decode`."""
    return decode(read_bytes(path, limit=limit), str(path), what=what)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset in ``text``."""
    line = text.count("\n", 0, offset) + 1
    start = text.rfind("\n", 0, offset) + 1
    return line, offset - start + 1


def _line_col_bytes(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    prefix = data[start:offset].decode("utf-8", errors="replace")
    return line, len(prefix) + 1


def _human(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MiB"
    return f"{n} bytes"
