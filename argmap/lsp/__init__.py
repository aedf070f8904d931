"""argmap in the editor: a language server (``argmap lsp``) for map files and Argdown.

It speaks the Language Server Protocol over standard input and output
(pygls): diagnostics for load errors and gaps as you type, hover cards,
go to definition and references for ids, the outline, completion, quick
fixes and an HTML preview. Like the CLI it is a front end: it reaches the
library only through :mod:`argmap.api`. See ``docs/editors.md``.
"""

from __future__ import annotations


def serve() -> None:
    """Run the language server on stdin/stdout (what ``argmap lsp`` does)."""
    from argmap.lsp.server import serve as run

    run()
