"""Writing outputs safely: atomically, never clobbering a file on failure, ``-`` for stdout."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from argmap.errors import OutputError


def write_output(target: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``target`` atomically (temporary file, then rename); ``-`` is stdout.

    A failed write leaves an existing file untouched and no temporary file behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if str(target) == "-":
        if payload.startswith((b"\x89PNG", b"%PDF")) and sys.stdout.isatty():
            raise OutputError(
                "-: will not write binary output (PNG, PDF) to a terminal; redirect it"
            )
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()
        return
    path = check_output(target)
    parent = path.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write here ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            try:
                os.chmod(tmp, path.stat().st_mode & 0o7777)
            except OSError:
                pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_output(target: str | Path) -> Path:
    """Fail early, before any work, when ``target`` cannot be a file written here; its path.

    A symlink is followed: output goes through the link, as an editor's save does (the link
    stays, the file it points at gets the data).
    """
    path = Path(target)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.exists():
        raise OutputError(f"{path}: the directory {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(f"{path}: {parent} is not a directory")
    if path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    return path
