"""A Markdown outline of a map, for handouts: writer only.

The conclusion comes first, then a nested list: reasons, evidence,
objections, rebuttals and undercuts under what they bear on; linked
premises grouped under one item. Each line carries its paragraph anchor
(¶), the evidence's basis and source, and the annotated gaps on it, inline.
Statements not connected to the conclusion follow in a section of their own.
User text is escaped so that it reads as text, never as Markdown or HTML;
control characters and bidi overrides in it are written visibly (``\x1b``,
``\u202e``: :func:`argmap.safe_text.printable`).

The walk is iterative. Lists deeper than :data:`MAX_INDENT` levels are not
indented further (Markdown renderers give up on deep nesting, and a
10,000-deep chain would otherwise cost quadratic space): those items say
their level instead.
"""

from __future__ import annotations

import re

from argmap.model import AnnotatedGap, ArgumentMap, Inference, InferenceKind, Statement
from argmap.safe_text import printable

#: Deeper items are written at this indentation, with their level spelled out.
MAX_INDENT = 10

_SPECIAL = re.compile(r"([\\`*\[\]<>|]|~~)")
# "_" is emphasis only at a word boundary; "&" only when it starts an entity
_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_URL = re.compile(r"https?://[^\s<>`]+")
_LINE_START = re.compile(r"^(\s*)(?:([-+=#])|(\d+)([.)]))")


def escape(text: str) -> str:
    """``text`` as literal Markdown on one line: what could be markup or HTML is escaped."""
    one_line = printable(" ".join(text.split()))
    escaped = _SPECIAL.sub(lambda m: "".join("\\" + c for c in m.group(1)), one_line)
    escaped = _ENTITY.sub("&amp;", _UNDERSCORE.sub(r"\_", escaped))
    return _LINE_START.sub(_line_start, escaped)


def _line_start(match: re.Match[str]) -> str:
    """A list marker or heading at the start: ``\\-``, ``\\#``, ``1\\.``."""
    if match.group(2):
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(1)}{match.group(3)}\\{match.group(4)}"


def dumps(argmap: ArgumentMap) -> str:
    """The map as a Markdown outline."""
    return _Outline(argmap).text()


class _Outline:
    def __init__(self, argmap: ArgumentMap) -> None:
        self.map = argmap
        self.lines: list[str] = []
        self.expanded: set[str] = set()
        self.side: dict[str, bool] = {}
        self.argues: dict[str, bool] = {}
        self.gaps: dict[str, list[AnnotatedGap]] = {}
        for gap in argmap.gaps:
            self.gaps.setdefault(gap.node, []).append(gap)

    def text(self) -> str:
        m = self.map
        out = self.lines
        out.append(f"# {escape(m.title)}" if m.title else "# Argument map")
        out.append("")
        if m.source is not None:
            parts = [m.source.title, m.source.author, m.source.date]
            described = ", ".join(escape(p) for p in parts if p)
            if m.source.url:
                url = m.source.url
                link = f"<{url}>" if _URL.fullmatch(url) else escape(url)
                described = f"{described} {link}" if described else link
            if described:
                out.append(f"Source: {described}")
                out.append("")
        self.tree(m.conclusion, "Conclusion")
        rest = [s for s in m.statements if s not in self.expanded]
        if rest:
            out.append("")
            out.append("## Not connected to the main conclusion")
            # roots first, so that each appears with what lies beneath it
            rest.sort(key=lambda s: 0 if not m.outgoing(s) else 1)
            for sid in rest:
                if sid not in self.expanded:
                    out.append("")
                    self.tree(sid, "Statement")
        return "\n".join(out) + "\n"

    # the walk --------------------------------------------------------------------------------

    def tree(self, root: str, name: str) -> None:
        self.side[root] = self.side.get(root, True)
        statement = self.map.statements[root]
        self.lines.append(f"**{name}:** {self.describe(statement)}")
        self.lines.append("")
        self.expanded.add(root)
        # (what, inference, level, premise): "inference" lists an inference's premises,
        # "premise" writes one premise and queues its own inferences, "undercuts" queues those
        stack: list[tuple[str, Inference, int, str]] = [
            ("inference", inf, 0, "") for inf in reversed(self.map.incoming(root))
        ]
        while stack:
            what, inf, level, sid = stack.pop()
            if what == "undercuts":
                stack.extend(
                    ("inference", u, level, "") for u in reversed(self.map.attacks(inf.id))
                )
            elif what == "inference":
                linked = len(inf.premises) > 1
                if linked:
                    kind = (
                        "reasons"
                        if inf.kind is InferenceKind.SUPPORT
                        else self.role(inf, None) + "s"
                    )
                    head = f"**Linked {kind}** (premises that work only together)"
                    self.item(level, head + self.inference_notes(inf) + self.gap_notes(inf.id))
                # undercuts come after the premises (and what lies beneath them)
                stack.append(("undercuts", inf, level + 1, ""))
                plevel = level + 1 if linked else level
                stack.extend(("premise", inf, plevel, p) for p in reversed(inf.premises))
            else:
                self.side.setdefault(sid, self.argues_for(inf))
                statement = self.map.statements[sid]
                role = self.role(inf, statement).capitalize()
                if sid in self.expanded:
                    self.item(level, f"**{role}:** see above: {self.short(statement)}")
                    continue
                self.expanded.add(sid)
                label = f"**{role}:**"
                if len(inf.premises) == 1:  # the inference's scheme and gaps go with its premise
                    notes = self.inference_notes(inf)
                    label = f"{label}{notes} {self.describe(statement)}{self.gap_notes(inf.id)}"
                else:
                    label = f"{label} {self.describe(statement)}"
                self.item(level, label)
                stack.extend(
                    ("inference", child, level + 1, "")
                    for child in reversed(self.map.incoming(sid))
                )

    def argues_for(self, inf: Inference) -> bool:
        """The side (True: for the conclusion) that the premises of ``inf`` argue for."""
        chain = [inf]
        while chain[-1].kind is InferenceKind.UNDERCUT and chain[-1].id not in self.argues:
            target = self.map.inferences.get(chain[-1].target)
            if target is None or target in chain:
                break
            chain.append(target)
        for link in reversed(chain):
            if link.id in self.argues:
                continue
            if link.kind is InferenceKind.UNDERCUT:
                inner = self.argues.get(link.target, True)
                self.argues[link.id] = not inner
            else:
                target_side = self.side.get(link.target, True)
                self.argues[link.id] = (
                    target_side if link.kind is InferenceKind.SUPPORT else not target_side
                )
        return self.argues[inf.id]

    def role(self, via: Inference, statement: Statement | None) -> str:
        if via.kind is InferenceKind.UNDERCUT:
            return "undercut"
        if via.kind is InferenceKind.ATTACK:
            return "objection" if self.side.get(via.target, True) else "rebuttal"
        if statement is not None and statement.kind.value == "evidence":
            return "evidence"
        if statement is not None and statement.is_assumption:
            return "implicit assumption" if statement.implicit else "assumption"
        return "reason"

    # lines -------------------------------------------------------------------------------------

    def item(self, level: int, text: str) -> None:
        indent = min(level, MAX_INDENT)
        deeper = f"*(level {level + 1})* " if level > MAX_INDENT else ""
        self.lines.append(f"{'  ' * indent}- {deeper}{text}")

    def short(self, statement: Statement) -> str:
        text = " ".join(statement.text.split())
        return escape(text if len(text) <= 80 else text[:77] + "...")

    def describe(self, s: Statement) -> str:
        out = escape(s.text)
        details: list[str] = []
        if s.basis is not None:
            details.append(s.basis.value)
        if s.source is not None:
            source = ", ".join(p for p in (s.source.name, s.source.date, s.source.locator) if p)
            if source:
                details.append(escape(source))
        if s.rating is not None:
            details.append(f"rated {s.rating.value}")
        if details:
            out += f" ({'; '.join(details)})"
        if s.quote:
            out += f" — “{escape(s.quote)}”"
        if s.at:
            out += f" ¶{s.at}"
        if s.given:
            out += " *(given)*"
        if s.status:
            out += f" *({escape(s.status)})*"
        return out + self.gap_notes(s.id)

    def inference_notes(self, inf: Inference) -> str:
        notes: list[str] = []
        if inf.scheme:
            notes.append(escape(inf.scheme))
        if inf.example:
            notes.append("by example")
        if inf.relation:
            notes.append(escape(inf.relation))
        if inf.strength is not None:
            notes.append(f"{inf.strength.value} inference")
        return f" *[{'; '.join(notes)}]*" if notes else ""

    def gap_notes(self, node: str) -> str:
        out = ""
        for gap in self.gaps.get(node, ()):
            out += f" ⚠ **Gap: {gap.kind}**"
            if gap.note:
                out += f": {escape(gap.note)}"
            if gap.cite:
                out += f" (cite: {escape(gap.cite)})"
        return out
