"""Language-server benchmarks: from a change in the editor to the diagnostics it shows.

The server runs as an editor runs it (``argmap lsp``, a child process on
stdio); the flagship map is open and analysed once (warm). Each run sends
a full-text ``didChange`` and waits for the ``publishDiagnostics`` that
answers it, so the figure includes the debounce pause, the load, the gap
rules and the JSON-RPC round trip.
"""

from __future__ import annotations

import atexit

from bench.harness import ARGMAP, ROOT, Case


class _Session:
    def __init__(self) -> None:
        self.client: object = None
        self.uri = ""
        self.texts: tuple[str, str] = ("", "")
        self.turn = 0

    def start(self) -> None:
        from argmap.lsp.client import LspClient

        client = LspClient([ARGMAP, "lsp"], cwd=ROOT)
        atexit.register(client.close)
        client.initialize(ROOT)
        flagship = ROOT / "maps" / "iran-in-latin-america.yaml"
        text = flagship.read_text(encoding="utf-8")
        self.texts = (text, text.replace("title:", "title: ", 1))  # a keystroke's difference
        self.uri = client.open(flagship, text)
        client.diagnostics(self.uri)
        self.client = client
        for _ in range(3):  # warm: the first analyses import and compile what they need
            self.change()

    def change(self) -> None:
        from argmap.lsp.client import LspClient

        client = self.client
        assert isinstance(client, LspClient)
        self.turn += 1
        client.change(self.uri, self.texts[self.turn % 2])
        diagnostics = client.diagnostics(self.uri)
        assert diagnostics, "the flagship always has gaps"


def cases() -> list[Case]:
    session = _Session()
    return [
        Case(
            "argmap lsp: didChange -> diagnostics (flagship, warm)",
            "≤ 300 ms",
            func=session.change,
            setup=session.start,
            repeat=15,
            limit_s=0.3,
            note="includes the 0.1 s debounce",
        )
    ]
