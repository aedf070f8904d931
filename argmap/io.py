"""Writing outputs safely: atomically, never clobbering a file on failure, ``-`` for stdout.

A regular file (new or existing) is written to a temporary file beside it,
then renamed over it. An existing destination that is not a regular file is
never replaced: a character device (``/dev/null``, a terminal) or a FIFO is
a stream and is written to directly, as a shell redirection would; a block
device or a socket is refused. A symlink is followed to what it points at.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from argmap.errors import OutputError


def write_output(target: str | Path, data: str | bytes) -> None:
    """Write ``data`` to ``target`` atomically (temporary file, then rename); ``-`` is stdout.

    A failed write leaves an existing file untouched and no temporary file behind.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    if str(target) == "-":
        if _binary(payload) and sys.stdout.isatty():
            raise OutputError(
                "-: will not write binary output (PNG, PDF) to a terminal; redirect it"
            )
        try:
            write_all(sys.stdout.buffer, payload)
            sys.stdout.buffer.flush()
        except BrokenPipeError:
            raise  # the reader went away: the CLI ends quietly
        except OSError as exc:
            raise OutputError(f"cannot write to standard output: {exc.strerror or exc}") from None
        return
    path = check_output(target)
    if _special(path):
        _write_stream(path, payload)
        return
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


def write_all(buffer: BinaryIO, payload: bytes) -> None:
    """Write every byte: a buffered write of much data may write only part and say so.

    (CPython's ``BufferedWriter.write`` returns a short count when a pipe's
    reader goes away in the middle; the next write then raises
    ``BrokenPipeError``, which is what the caller needs to see.)
    """
    view = memoryview(payload)
    while view:
        written = buffer.write(view)
        if written is None:  # a non-blocking stream that is full: wait, as a blocking one would
            import select

            select.select([], [buffer.fileno()], [])
            continue
        view = view[written:]


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
    try:
        mode = path.stat().st_mode
    except OSError:
        return path  # nothing there yet (or unreadable: the write will say)
    if stat.S_ISBLK(mode):
        raise OutputError(
            f"{path}: is a block device (a disk); argmap writes to files, character "
            "devices and pipes only"
        )
    if stat.S_ISSOCK(mode):
        raise OutputError(f"{path}: is a socket; argmap writes to files, devices and pipes only")
    return path


def check_not_input(target: str | Path, inputs: Iterable[str | Path | None]) -> None:
    """Refuse ``target`` when it is one of the files this run reads (the same file, by inode).

    ``argmap render map.json -o map.json`` would replace the map with its
    drawing: nothing a user means. ``-`` and inputs that do not exist pass.
    """
    if str(target) == "-":
        return
    for source in inputs:
        if source is None or str(source) in ("", "-"):
            continue
        try:
            same = os.path.samefile(target, source)
        except OSError:
            continue  # one of them does not exist (yet): not the same file
        if same:
            raise OutputError(
                f"{target}: is also an input of this command ({source}); "
                "write the output to another file"
            )


def _binary(payload: bytes) -> bool:
    return payload.startswith((b"\x89PNG", b"%PDF"))


def _special(path: Path) -> bool:
    """Whether ``path`` exists and is a stream (a character device or a FIFO), not a file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def _write_stream(path: Path, payload: bytes) -> None:
    """Write to a device or FIFO in place: it is a stream, so there is nothing to replace."""
    try:
        # no O_CREAT: if the device vanished meanwhile, fail rather than create a file
        fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        if _binary(payload) and os.isatty(fd):
            raise OutputError(
                f"{path}: will not write binary output (PNG, PDF) to a terminal; redirect it"
            )
        view = memoryview(payload)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
