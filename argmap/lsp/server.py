"""The Language Server Protocol front end: pygls wiring over :mod:`argmap.lsp.document`.

Diagnostics are published on open at once and after each change once the
typing pauses for :data:`DEBOUNCE` seconds (the analysis runs in a worker
thread, so hover and completion stay answered meanwhile). Requests use the
analysis of the document's current version, made on demand when the
debounced one has not run yet. Positions arrive and leave in the client's
units (UTF-16 by default) and are converted here.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from argmap import __version__, api
from argmap.errors import ArgmapError
from argmap.lsp.document import Completion, Diagnostic, Document

#: seconds without a change before a changed document is analysed again
DEBOUNCE = 0.1
PREVIEW_COMMAND = "argmap.preview"

_SEVERITY = {
    "error": lsp.DiagnosticSeverity.Error,
    "warning": lsp.DiagnosticSeverity.Warning,
    "information": lsp.DiagnosticSeverity.Information,
}
_SYMBOL_KIND = {
    "conclusion": lsp.SymbolKind.Class,
    "reason": lsp.SymbolKind.Function,
    "evidence": lsp.SymbolKind.Constant,
    "objection": lsp.SymbolKind.Event,
    "undercut": lsp.SymbolKind.Operator,
    "statement": lsp.SymbolKind.Variable,
    "argument": lsp.SymbolKind.Struct,
    "heading": lsp.SymbolKind.Namespace,
}
_COMPLETION_KIND = {
    "key": lsp.CompletionItemKind.Property,
    "value": lsp.CompletionItemKind.EnumMember,
    "id": lsp.CompletionItemKind.Reference,
    "gap": lsp.CompletionItemKind.Value,
}


class ArgmapServer(LanguageServer):
    """A language server for argmap's map files (YAML, JSON) and Argdown."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__)
        #: the latest analysis of each open document, with the version it was made from
        self.analysed: dict[str, tuple[int | None, Document]] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}

    def analysis(self, uri: str) -> Document:
        """The analysis of the document's current text (made now if the debounced one is stale)."""
        doc = self.workspace.get_text_document(uri)
        cached = self.analysed.get(uri)
        if cached is not None and cached[0] == doc.version:
            return cached[1]
        result = analyse(doc)
        self.analysed[uri] = (doc.version, result)
        return result

    def publish(self, uri: str, version: int | None, result: Document) -> None:
        doc = self.workspace.get_text_document(uri)
        diagnostics = [to_lsp_diagnostic(doc, d) for d in result.diagnostics()]
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    async def refresh(self, uri: str, delay: float) -> None:
        """Analyse after ``delay`` seconds and publish, unless a newer change came first."""
        if delay:
            await asyncio.sleep(delay)
        doc = self.workspace.get_text_document(uri)
        version, text = doc.version, doc.source
        path, language = document_path(doc), doc.language_id
        result = await asyncio.to_thread(Document.analyse, text, path, language)
        current = self.workspace.get_text_document(uri)
        if current.version != version:
            return  # typed over while we worked: the newer change has its own refresh
        self.analysed[uri] = (version, result)
        self.publish(uri, version, result)

    def schedule(self, uri: str, delay: float) -> None:
        previous = self.pending.pop(uri, None)
        if previous is not None:
            previous.cancel()
        self.pending[uri] = asyncio.ensure_future(self.refresh(uri, delay))


def document_path(doc: TextDocument) -> str:
    return doc.path if doc.path else doc.uri


def analyse(doc: TextDocument) -> Document:
    return Document.analyse(doc.source, document_path(doc), doc.language_id)


def to_range(doc: TextDocument, span: Any) -> lsp.Range:
    """A 1-based character span as a protocol range in the client's units."""
    lines = doc.lines
    last = max(len(lines) - 1, 0)
    start_line = min(max(span.line - 1, 0), last)
    end_line = min(max(span.end_line - 1, 0), last)
    server = ServerTextRange(
        ServerTextPosition(start_line, max(span.col - 1, 0)),
        ServerTextPosition(end_line, max(span.end_col - 1, 0)),
    )
    return doc.range_to_client_units(server)


def from_position(doc: TextDocument, position: lsp.Position) -> tuple[int, int]:
    """A protocol position as a 1-based line and character column."""
    server = doc.position_from_client_units(position)
    return server.line + 1, server.character + 1


def to_lsp_diagnostic(doc: TextDocument, diagnostic: Diagnostic) -> lsp.Diagnostic:
    data = {"suggestion": diagnostic.suggestion} if diagnostic.suggestion else None
    return lsp.Diagnostic(
        range=to_range(doc, diagnostic.span),
        message=diagnostic.message,
        severity=_SEVERITY[diagnostic.severity],
        code=diagnostic.code,
        source="argmap",
        data=data,
    )


def to_completion(item: Completion) -> lsp.CompletionItem:
    return lsp.CompletionItem(
        label=item.label, kind=_COMPLETION_KIND[item.kind], detail=item.detail
    )


def to_symbol(doc: TextDocument, node: Any) -> lsp.DocumentSymbol:
    span = to_range(doc, node.span)
    select = to_range(doc, node.select)
    if not _inside(select, span):
        select = span
    return lsp.DocumentSymbol(
        name=node.name or "?",
        detail=(node.text or "")[:80] or None,
        kind=_SYMBOL_KIND.get(node.kind, lsp.SymbolKind.Variable),
        range=span,
        selection_range=select,
        children=[to_symbol(doc, child) for child in node.children] or None,
    )


def _inside(inner: lsp.Range, outer: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(outer.start) <= key(inner.start) and key(inner.end) <= key(outer.end)


def preview(result: Document, output: str | None = None) -> Path:
    """Write the HTML explorer of an analysed document; returns the file written."""
    if result.map is None:
        first = result.errors[0] if result.errors else None
        raise ArgmapError(f"the map does not load: {first}" if first else "the map does not load")
    if output is None:
        folder = Path(tempfile.gettempdir()) / "argmap-preview"
        folder.mkdir(exist_ok=True)
        target = folder / f"{Path(result.path).name}.html"
    else:
        target = Path(output)
    api.render_file(result.map, target, "html")
    return target


def create_server() -> ArgmapServer:
    """The server with every feature registered (``start_io()`` runs it on stdin/stdout)."""
    server = ArgmapServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: ArgmapServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: ArgmapServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    async def did_save(ls: ArgmapServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)  # a source text beside it may have changed

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ArgmapServer, params: lsp.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        ls.analysed.pop(uri, None)
        ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: ArgmapServer, params: lsp.HoverParams) -> lsp.Hover | None:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        card = ls.analysis(doc.uri).hover(*from_position(doc, params.position))
        if card is None:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=card))

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: ArgmapServer, params: lsp.DefinitionParams) -> list[lsp.Location]:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        spans = ls.analysis(doc.uri).definitions(*from_position(doc, params.position))
        return [lsp.Location(uri=doc.uri, range=to_range(doc, s)) for s in spans]

    @server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
    def references(ls: ArgmapServer, params: lsp.ReferenceParams) -> list[lsp.Location]:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        spans = ls.analysis(doc.uri).references(
            *from_position(doc, params.position),
            declarations=params.context.include_declaration,
        )
        return [lsp.Location(uri=doc.uri, range=to_range(doc, s)) for s in spans]

    @server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    def symbols(ls: ArgmapServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol]:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        return [to_symbol(doc, node) for node in ls.analysis(doc.uri).symbols()]

    @server.feature(
        lsp.TEXT_DOCUMENT_COMPLETION,
        lsp.CompletionOptions(trigger_characters=[":", " ", "[", "<", '"']),
    )
    def completion(ls: ArgmapServer, params: lsp.CompletionParams) -> lsp.CompletionList:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        items = ls.analysis(doc.uri).completions(*from_position(doc, params.position))
        return lsp.CompletionList(is_incomplete=False, items=[to_completion(i) for i in items])

    @server.feature(
        lsp.TEXT_DOCUMENT_CODE_ACTION,
        lsp.CodeActionOptions(
            code_action_kinds=[lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.Source]
        ),
    )
    def code_action(ls: ArgmapServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        doc = ls.workspace.get_text_document(params.text_document.uri)
        actions: list[lsp.CodeAction] = []
        for diagnostic, replacement in ls.analysis(doc.uri).fixes():
            lsp_diagnostic = to_lsp_diagnostic(doc, diagnostic)
            if not _overlaps(lsp_diagnostic.range, params.range):
                continue
            edit = lsp.TextEdit(range=lsp_diagnostic.range, new_text=replacement)
            actions.append(
                lsp.CodeAction(
                    title=f"Change to '{replacement}'",
                    kind=lsp.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diagnostic],
                    is_preferred=True,
                    edit=lsp.WorkspaceEdit(changes={doc.uri: [edit]}),
                )
            )
        # the preview as an action too: every client can run a code action, few expose commands
        title = "argmap: write the HTML preview of this map"
        actions.append(
            lsp.CodeAction(
                title=title,
                kind=lsp.CodeActionKind.Source,
                command=lsp.Command(title=title, command=PREVIEW_COMMAND, arguments=[doc.uri]),
            )
        )
        return actions

    @server.command(PREVIEW_COMMAND)
    def preview_command(ls: ArgmapServer, *args: Any) -> dict[str, str]:
        """``argmap.preview URI [OUTPUT]``: write the HTML explorer of the open document."""
        if not args:
            raise ValueError("argmap.preview needs the document's URI")
        uri = args[0]["uri"] if isinstance(args[0], dict) else str(args[0])
        output = str(args[1]) if len(args) > 1 and args[1] else None
        try:
            target = preview(ls.analysis(uri), output)
        except ArgmapError as exc:
            ls.window_show_message(
                lsp.ShowMessageParams(type=lsp.MessageType.Error, message=f"argmap: {exc}")
            )
            raise
        ls.window_show_message(
            lsp.ShowMessageParams(
                type=lsp.MessageType.Info, message=f"argmap: preview written to {target}"
            )
        )
        return {"path": str(target), "uri": target.resolve().as_uri()}

    return server


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


def serve() -> None:
    """Run the language server on standard input and output until the client says exit."""
    create_server().start_io()
