"""A minimal Language Server Protocol client: drives ``argmap lsp`` as an editor would.

It starts the server as a child process and speaks JSON-RPC to it over
the child's stdin and stdout, with the protocol's ``Content-Length``
framing, no library in between, so what it exercises is the wire protocol
itself. The tests, the ``make bench`` latency case and the transcript in
``docs/editors.md`` use it; it is also a starting point for scripting the
server (``argmap lsp`` in a CI job that wants editor diagnostics as JSON).
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any


class LspClient:
    """One server process and the messages exchanged with it."""

    def __init__(self, command: Sequence[str] | None = None, *, cwd: str | Path | None = None):
        argv = list(command) if command else [sys.executable, "-m", "argmap", "lsp"]
        # a file, not a pipe: a chatty server must never block on a full stderr pipe
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
            cwd=cwd,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.next_id = 0
        self.versions: dict[str, int] = {}
        self.inbox: queue.Queue[dict[str, Any] | None] = queue.Queue()
        #: notifications received so far (publishDiagnostics, showMessage...), in order
        self.notifications: list[dict[str, Any]] = []
        self.pending_responses: dict[int, dict[str, Any]] = {}
        assert self.process.stdout is not None
        self.reader = threading.Thread(target=self._read, args=(self.process.stdout,), daemon=True)
        self.reader.start()

    # framing ------------------------------------------------------------------------------

    def _read(self, stream: IO[bytes]) -> None:
        while True:
            headers: dict[str, str] = {}
            while True:
                line = stream.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _next(self, deadline: float) -> dict[str, Any]:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no message from the language server in time")
        try:
            message = self.inbox.get(timeout=left)
        except queue.Empty:
            raise TimeoutError("no message from the language server in time") from None
        if message is None:
            raise ConnectionError(f"the language server closed its output: {self.stderr()}")
        return message

    # requests and notifications ------------------------------------------------------------

    def request(self, method: str, params: Any = None, *, timeout: float = 30) -> Any:
        """Send a request and wait for its response; returns the result (raises on an error)."""
        self.next_id += 1
        wanted = self.next_id
        self.send({"id": wanted, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while wanted not in self.pending_responses:
            self._dispatch(self._next(deadline))
        response = self.pending_responses.pop(wanted)
        if "error" in response:
            raise RuntimeError(f"{method}: {response['error'].get('message')}")
        return response.get("result")

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"method": method, "params": params})

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "id" in message and "method" in message:  # a request from the server
            self.send({"id": message["id"], "result": None})
        elif "id" in message:
            self.pending_responses[message["id"]] = message
        else:
            self.notifications.append(message)

    def wait_for(self, method: str, *, uri: str | None = None, timeout: float = 30) -> Any:
        """The params of the next notification ``method`` (for ``uri``) not yet taken."""
        deadline = time.monotonic() + timeout
        while True:
            for index, note in enumerate(self.notifications):
                params = note.get("params") or {}
                if note.get("method") == method and (uri is None or params.get("uri") == uri):
                    del self.notifications[index]
                    return params
            self._dispatch(self._next(deadline))

    def diagnostics(self, uri: str, *, timeout: float = 30) -> list[dict[str, Any]]:
        """The next diagnostics published for ``uri``."""
        params = self.wait_for("textDocument/publishDiagnostics", uri=uri, timeout=timeout)
        return list(params["diagnostics"])

    # the usual conversation ----------------------------------------------------------------

    def initialize(self, root: str | Path | None = None) -> Any:
        result = self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": Path(root).resolve().as_uri() if root else None,
                "capabilities": {
                    "textDocument": {
                        "hover": {"contentFormat": ["markdown", "plaintext"]},
                        "publishDiagnostics": {"relatedInformation": False},
                        "documentSymbol": {"hierarchicalDocumentSymbolSupport": True},
                    }
                },
            },
        )
        self.notify("initialized", {})
        return result

    def open(self, path: str | Path, text: str | None = None, language: str = "yaml") -> str:
        """Open a document (its text read from ``path`` unless given); returns its URI."""
        target = Path(path).resolve()
        uri = target.as_uri()
        if text is None:
            text = target.read_text(encoding="utf-8")
        self.versions[uri] = 1
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}},
        )
        return uri

    def change(self, uri: str, text: str) -> None:
        """Replace the whole text of an open document (a full-text didChange)."""
        self.versions[uri] = self.versions.get(uri, 1) + 1
        self.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": self.versions[uri]},
                "contentChanges": [{"text": text}],
            },
        )

    def at(self, method: str, uri: str, line: int, character: int, **extra: Any) -> Any:
        """A request about a place: ``line`` and ``character`` are 0-based, as on the wire."""
        params = {
            "textDocument": {"uri": uri},
            "position": {"line": line, "character": character},
            **extra,
        }
        return self.request(method, params)

    def close(self, *, timeout: float = 10) -> int:
        """shutdown, exit, and wait for the process; returns its exit code."""
        try:
            if self.process.poll() is None:
                self.request("shutdown", None, timeout=timeout)
                self.notify("exit", None)
            return self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
            self.errors.close()

    def stderr(self) -> str:
        """The end of what the server wrote to its standard error so far."""
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace")[-2000:]

    def __enter__(self) -> LspClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
