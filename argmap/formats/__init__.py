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
import re
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
    "argdown": Format(
        "argdown",
        (".argdown", ".ad"),
        "argmap.formats.argdown",
        True,
        True,
        "Argdown (statements, arguments, premise-conclusion structures, relations)",
    ),
    # [aif format]
    "aif": Format(
        "aif",
        (".aif.json", ".aif"),
        "argmap.formats.aif",
        True,
        True,
        "AIF JSON (Argument Interchange Format, as OVA and AIFdb write it)",
    ),
    # [microtexts format]
    "microtexts": Format(
        "microtexts",
        (".xml",),
        "argmap.formats.microtexts",
        True,
        False,
        "arg-microtexts XML (arggraph: EDUs, ADUs, edges); read only",
    ),
    # [markdown format]
    "markdown": Format(
        "markdown",
        (".md", ".markdown"),
        "argmap.formats.markdown",
        False,
        True,
        "Markdown outline for handouts (nested list from the conclusion); write only",
    ),
}


def _module(fmt: Format) -> Any:
    return importlib.import_module(fmt.module)


def by_name(name: str) -> Format:
    """The format called ``name`` (``--from`` / ``--to``); an extension works too (``xml``, ``md``)."""
    key = name.strip().lower().lstrip(".")
    if key in FORMATS:
        return FORMATS[key]
    for fmt in FORMATS.values():
        if f".{key}" in fmt.extensions:
            return fmt
    known = ", ".join(FORMATS)
    raise FormatError(f"unknown format {name!r} (known formats: {known})")


def by_extension(path: str | Path, *, writable: bool = False) -> Format | None:
    """The format whose extension ends ``path`` (the longest match: ``.aif.json`` beats ``.json``)."""
    name = str(path).lower()
    best: Format | None = None
    best_len = 0
    for fmt in FORMATS.values():
        if writable and not fmt.writes:
            continue
        for ext in fmt.extensions:
            if name.endswith(ext) and len(ext) > best_len:
                best, best_len = fmt, len(ext)
    return best


def detect(path: str | Path, text: str | None = None) -> Format:
    """The format of ``path``: by extension, else by sniffing ``text``.

    A ``.json`` file is sniffed even so: AIF is usually saved as plain ``.json``.
    """
    by_ext = by_extension(path)
    sniffed = sniff(text) if text is not None else None
    if by_ext is not None:
        if by_ext.name == "json" and sniffed is not None and sniffed.name != "json":
            return sniffed
        return by_ext
    if sniffed is not None:
        return sniffed
    known = ", ".join(ext for f in FORMATS.values() if f.reads for ext in f.extensions)
    raise FormatError(
        f"{path}: cannot tell the format from the name or content (known extensions: {known}); "
        "name it with --from"
    )


_NATIVE_JSON = re.compile(r'\{\s*"argmap"\s*:')
_AIF_JSON = re.compile(r'\{\s*"(?:nodes|edges|AIF)"\s*:')


def sniff(text: str) -> Format | None:
    """Guess a format from content: JSON with ``nodes``/``edges`` is AIF, with ``argmap`` native."""
    head = text.lstrip()[:4096]
    if head.startswith("{"):
        if _NATIVE_JSON.match(head):
            return FORMATS["json"]
        if "aif" in FORMATS and _AIF_JSON.match(head):
            return FORMATS["aif"]
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return FORMATS["json"]  # let the native reader report the syntax error
        if isinstance(data, dict) and "argmap" not in data and "aif" in FORMATS:
            inner = data.get("AIF")
            if ("nodes" in data and "edges" in data) or (
                isinstance(inner, dict) and "nodes" in inner
            ):
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

    return parse_map(decode(read_bytes(path), str(path)), path, fmt, conclusion=conclusion)


def parse_map(
    text: str, path: str | Path, fmt: str | None = None, *, conclusion: str | None = None
) -> ArgumentMap:
    """Read a map from ``text`` as the file ``path`` would be read (an editor's unsaved buffer).

    ``path`` names the file in errors, chooses the format when ``fmt`` is not
    given, and is where a source text named by the map is looked for.
    """
    chosen = by_name(fmt) if fmt else detect(path, text)
    if not chosen.reads:
        raise FormatError(f"argmap cannot read {chosen.name} files, only write them")
    import inspect

    kwargs = dict(chosen.options)
    reader = _module(chosen).read
    # graph formats choose the conclusion themselves and take the user's choice
    if conclusion is not None and "conclusion" in inspect.signature(reader).parameters:
        kwargs["conclusion"] = conclusion
    # the readers allocate millions of small objects and free none of them: the cyclic
    # garbage collector would only rescan them over and over (about a third of the time)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        argmap: ArgumentMap = reader(path, text=text, **kwargs)
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
    fmt = by_extension(path, writable=True)
    if fmt is not None:
        return fmt
    known = ", ".join(ext for f in FORMATS.values() if f.writes for ext in f.extensions)
    raise FormatError(
        f"{path}: cannot tell the output format from the name (known: {known}); use --to"
    )
