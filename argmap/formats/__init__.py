"""File formats: one module per format, each a reader and/or writer between files and the model.

The registry below is the one place that knows them all. A format is chosen
by name (``--from`` / ``--to``), else by the file's extension, else by
sniffing its content. Modules are imported only when their format is used,
so that ``argmap --help`` stays fast.

To add a format: write ``argmap/formats/NAME.py`` with ``read(path, text=...)
-> ArgumentMap`` and/or ``dumps(argmap) -> str``, and add a :class:`Format`
entry to :data:`FORMATS`.
"""

from __future__ import annotations

import gc
import importlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from argmap.errors import FormatError

if TYPE_CHECKING:
    from argmap.model import ArgumentMap


@dataclass(frozen=True)
class Format:
    """One file format: its name, extensions, module and what it can do."""

    name: str
    extensions: tuple[str, ...]
    module: str
    reads: bool
    writes: bool
    description: str
    #: extra keyword arguments for the module's read()/dumps()
    options: tuple[tuple[str, Any], ...] = ()


FORMATS: dict[str, Format] = {
    "yaml": Format(
        "yaml",
        (".yaml", ".yml"),
        "argmap.formats.native",
        True,
        True,
        "native argmap map file (YAML)",
        (("syntax", "yaml"),),
    ),
    "json": Format(
        "json",
        (".json",),
        "argmap.formats.native",
        True,
        True,
        "native argmap map file (JSON)",
        (("syntax", "json"),),
    ),
    # [argdown format]
    # [aif format]
    # [microtexts format]
    # [markdown format]
}


def _module(fmt: Format) -> Any:
    return importlib.import_module(fmt.module)


def by_name(name: str) -> Format:
    try:
        return FORMATS[name]
    except KeyError:
        known = ", ".join(FORMATS)
        raise FormatError(f"unknown format {name!r} (known formats: {known})") from None


def detect(path: str | Path, text: str | None = None) -> Format:
    """The format of ``path``: by extension, else by sniffing ``text``."""
    name = str(path).lower()
    if text is not None:
        sniffed = sniff(text)
        if sniffed is not None and name.endswith(".json") and sniffed.name != "json":
            return sniffed  # e.g. AIF saved as .json
    for fmt in FORMATS.values():
        if any(name.endswith(ext) for ext in fmt.extensions):
            return fmt
    if text is not None:
        sniffed = sniff(text)
        if sniffed is not None:
            return sniffed
    known = ", ".join(ext for f in FORMATS.values() if f.reads for ext in f.extensions)
    raise FormatError(
        f"{path}: cannot tell the format from the name or content (known extensions: {known}); "
        "name it with --from"
    )


def sniff(text: str) -> Format | None:
    """Guess a format from content: JSON with ``nodes``/``edges`` is AIF, with ``argmap`` native."""
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        if '"argmap"' in head:
            return FORMATS["json"]
        if '"nodes"' in text[:1_000_000] and '"edges"' in text[:1_000_000] and "aif" in FORMATS:
            return FORMATS["aif"]
        try:
            data = json.loads(text)
        except ValueError:
            return FORMATS["json"]
        if isinstance(data, dict) and "nodes" in data and "edges" in data and "aif" in FORMATS:
            return FORMATS["aif"]
        return FORMATS["json"]
    if head.startswith("<") and "<arggraph" in head and "microtexts" in FORMATS:
        return FORMATS["microtexts"]
    if head.startswith("argmap:") or "\nargmap:" in head:
        return FORMATS["yaml"]
    return None


def read_map(
    path: str | Path, fmt: str | None = None, *, conclusion: str | None = None
) -> ArgumentMap:
    """Read a map file in any readable format."""
    from argmap.formats._text import decode, read_bytes

    text = decode(read_bytes(path), str(path))
    chosen = by_name(fmt) if fmt else detect(path, text)
    if not chosen.reads:
        raise FormatError(f"argmap cannot read {chosen.name} files, only write them")
    kwargs = dict(chosen.options)
    if conclusion is not None:
        kwargs["conclusion"] = conclusion
    # the readers allocate millions of small objects and free none of them: the cyclic
    # garbage collector would only rescan them over and over (about a third of the time)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        argmap: ArgumentMap = _module(chosen).read(path, text=text, **kwargs)
    finally:
        if was_enabled:
            gc.enable()
    if conclusion is not None and argmap.conclusion != conclusion:
        from argmap.formats._graph import choose_conclusion

        choose_conclusion(argmap, conclusion)
    return argmap


def dumps_map(argmap: ArgumentMap, fmt: str) -> str:
    """The map as text in a writable format."""
    chosen = by_name(fmt)
    if not chosen.writes:
        raise FormatError(f"argmap cannot write {chosen.name} files, only read them")
    return str(_module(chosen).dumps(argmap, **dict(chosen.options)))


def writable_for(path: str | Path) -> Format:
    """The writable format for an output path, by its extension."""
    name = str(path).lower()
    for fmt in FORMATS.values():
        if fmt.writes and any(name.endswith(ext) for ext in fmt.extensions):
            return fmt
    known = ", ".join(ext for f in FORMATS.values() if f.writes for ext in f.extensions)
    raise FormatError(
        f"{path}: cannot tell the output format from the name (known: {known}); use --to"
    )
