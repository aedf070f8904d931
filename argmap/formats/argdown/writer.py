"""argmap's graph -> Argdown text that reads back to the same graph: :func:`dumps`."""

from __future__ import annotations

import json
import re
from collections import Counter, deque
from typing import Any

import yaml

from argmap.formats.argdown.convert import (
    _RE_CONTROL,
    CONCLUSION,
    DATA_APART,
    INFERENCE_DATA,
    OWN_META,
    STANDS_FOR,
    STATEMENT_DATA,
)
from argmap.formats.argdown.model import CONTRADICTORY, CONTRARY, ENTAILS, UNDERCUT
from argmap.formats.argdown.pieces import (
    _INFERENCE_KEYS,
    _RE_MADE_UP_ID,
    _RE_PLAIN_START,
    _RE_SENTINEL,
    _RE_STRING_LITERAL,
    _RE_UNTITLED,
    _STATEMENT_KEYS,
    _SYNTAX_META,
    _argument_name,
    _class_tags,
    _escape,
    _is_argument_node,
    _json,
    _map_tags,
    _names_an_argument,
    _put_meta,
    _safe_argument_title,
    _safe_statement_title,
    _split_texts,
    _tag_token,
    _tags_in,
    _tags_kept_in_text,
    _with_links,
    _writable_tag,
)
from argmap.model import (
    ArgumentMap,
    Inference,
    InferenceKind,
    Statement,
    presentation,
)
from argmap.safe_text import first_unsafe, printable, replace_unsafe

# --- writing ----------------------------------------------------------------------------------

#: The writer nests relation lines at most this deep, then continues in a new block.
MAX_NESTING = 40


class _Writer:
    """Writes the graph as Argdown; see the module docstring for the shapes it uses."""

    def __init__(self, argmap: ArgumentMap, *, strict: bool = False) -> None:
        self.map = argmap
        #: write for Argdown's strict mode (the source file's): '-' and '+' between statements
        #: are contrary and entails there; ``strict_failed`` says the map needed a loose shape
        self.strict = strict
        self.strict_failed = False
        self.pair_symbol: dict[int, str] = {}  # pair number -> '><' (contradictory) or '-'
        self.read_ids: set[str] = set()  # statement ids as the reader will make them
        self.argument_titles: set[str] = set()
        self.title: dict[str, str] = {}  # statement id -> Argdown title
        self.as_argument: set[str] = set()  # statements written as <argument> nodes
        # statement -> (symbol, statement) of the relation lines under it
        self.line_children: dict[str, list[tuple[str, str]]] = {}
        self.pairs: dict[str, list[tuple[str, int]]] = {}  # statement -> (other, pair number)
        self.pair_statements: set[str] = set()
        self.tier2: list[str] = []
        self.tier2_set: set[str] = set()
        self.undercut_lines: dict[str, list[str]] = {}  # inference -> premises of '<_' lines
        self.uses: tuple[str, list[int]] | None = None  # a conclusion being written, its step's
        self.argument_attacks: dict[str, list[str]] = {}  # argument name -> its attackers
        self.single_step: set[str] = set()  # inferences that are a whole Argdown argument
        self.chain_of: dict[str, list[str]] = {}  # step -> every step of its argument, in order
        self.pcs_title: dict[str, str] = {}
        self.defined: set[str] = set()
        self.expanded: set[str] = set()
        self.pairs_done: set[int] = set()
        self.written: set[str] = set()
        self.blocks: list[str] = []
        self.pending: deque[tuple[str, str]] = deque()
        self.gap_inferences = {g.node for g in argmap.gaps if g.node in argmap.inferences}
        #: hashtags stay in the texts (Argdown's default) when every tag is in its text;
        #: else the front matter says ``removeTagsFromText`` and the tags follow the texts
        self.tags_in_text = _tags_kept_in_text(argmap)
        self.untitled: set[str] = set()  # statements Argdown gave its own title: none written
        self.referenced: set[str] = set()  # ... unless they are referenced after all
        self.more_texts: list[tuple[str, str]] = []  # the other texts of a class, written last
        self.more_refs: list[str] = []  # references with the hashtags a class's other texts are
        self.group = 0  # the section group being written (0: before the first heading)
        self.statement_group: dict[str, int] = {}
        self.argument_group: dict[str, int] = {}
        self.deferred: dict[int, list[tuple[str, str]]] = {}  # blocks that wait for their heading
        self.more_blocks: list[str] = []  # the other descriptions of an argument, written last

    # planning ------------------------------------------------------------------------------

    def fields(self, inf: Inference) -> dict[str, Any]:
        """What an inference carries beyond premises, target and kind (Argdown has no slot)."""
        out: dict[str, Any] = {}
        for key in INFERENCE_DATA:
            value = getattr(inf, key)
            if value is not None and value is not False:
                out[key] = value.value if hasattr(value, "value") else value
        meta = {k: v for k, v in inf.meta.items() if k != "argdown"}
        _put_meta(out, meta, _INFERENCE_KEYS, Inference)
        return out

    def plan(self) -> None:
        m = self.map
        undercut_targets = {
            i.target for i in m.inferences.values() if i.kind is InferenceKind.UNDERCUT
        }
        lines_seen: set[tuple[str, str, str, str | None]] = set()
        contradictory: dict[tuple[str, str, str], list[str]] = {}
        # attacks read from Argdown as attacks on a reconstructed argument (on its first
        # premise): written back as relations of that argument when it is written as one
        on_arguments: list[tuple[Inference, str]] = []
        steps = Counter(_argument_name(i) for i in m.inferences.values())
        # a one-step argument read from Argdown is written as one, title and description kept
        self.single_step = {
            i.id
            for i in m.inferences.values()
            if _argument_name(i) and steps[_argument_name(i)] == 1
        }
        self.find_chains()
        for inf in m.inferences.values():
            if inf.id in self.chain_of:
                self.tier2.append(inf.id)  # written together, as the one argument it was
                continue
            attacked = self.attacked_argument(inf)
            if attacked is not None:
                on_arguments.append((inf, attacked))
                continue
            self.classify(inf, undercut_targets, lines_seen, contradictory)
        written_as = {
            info["argument"]
            for iid in self.tier2
            if isinstance(info := m.inferences[iid].meta.get("argdown"), dict)
            and isinstance(info.get("argument"), str)
        }
        for inf, attacked in on_arguments:
            if attacked in written_as:
                self.argument_attacks.setdefault(attacked, []).append(inf.premises[0])
            else:
                self.classify(inf, undercut_targets, lines_seen, contradictory)
        self.finish_plan(contradictory)

    def find_chains(self) -> None:
        """Arguments of several steps read from Argdown, to be written as one PCS again.

        A chain qualifies when Argdown's default reading gives back its premises:
        each step after the first uses the conclusion before it and statements
        not yet in the structure, and every step is a plain support.
        """
        m = self.map
        by_argument: dict[str, list[Inference]] = {}
        for inf in m.inferences.values():
            name = _argument_name(inf)
            if name is not None:
                by_argument.setdefault(name, []).append(inf)
        for steps in by_argument.values():
            if len(steps) < 2:
                continue
            listed: set[str] = set()
            ok = True
            for k, step in enumerate(steps):
                new = step.premises if k == 0 else step.premises[1:]
                if (
                    step.kind is not InferenceKind.SUPPORT
                    or step.id in self.gap_inferences
                    or (k > 0 and step.premises[0] != steps[k - 1].target)
                    or len(set(new)) != len(new)
                    or listed & set(new)
                    or step.target in listed
                    or step.target in new
                ):
                    ok = False
                    break
                listed.update(new)
                listed.add(step.target)
            if ok:
                ids = [step.id for step in steps]
                for iid in ids:
                    self.chain_of[iid] = ids

    def attacked_argument(self, inf: Inference) -> str | None:
        """The argument an attack was made on in Argdown (``meta.argdown.attacks``), if any."""
        info = inf.meta.get("argdown")
        if inf.kind is not InferenceKind.ATTACK or len(inf.premises) != 1 or self.fields(inf):
            return None
        if not isinstance(info, dict) or not isinstance(info.get("attacks"), str):
            return None
        name = str(info["attacks"])
        if not (name.startswith("<") and name.endswith(">")):
            return None
        if inf.id in self.gap_inferences or inf.premises[0] == inf.target:
            return None
        return name[1:-1]

    def classify(
        self,
        inf: Inference,
        undercut_targets: set[str],
        lines_seen: set[tuple[str, str, str, str | None]],
        contradictory: dict[tuple[str, str, str], list[str]],
    ) -> None:
        """One inference: a relation line, half of a contradiction pair, or a PCS (Tier 2)."""
        fields = self.fields(inf)
        simple = (
            len(inf.premises) == 1  # (a statement may support or attack itself: Argdown keeps it)
            and inf.id not in undercut_targets
            and inf.id not in self.gap_inferences
            and inf.id not in self.single_step
        )
        if self.strict and simple and self.strict_line(inf, fields, lines_seen, contradictory):
            return
        if simple and inf.kind is InferenceKind.ATTACK and fields == {"relation": CONTRADICTORY}:
            contradictory.setdefault((inf.premises[0], inf.target, "><"), []).append(inf.id)
            return
        key = (inf.premises[0], inf.target, inf.kind.value, fields.get("relation"))
        line_ok = simple and key not in lines_seen
        if line_ok and inf.kind is InferenceKind.UNDERCUT:
            line_ok = not fields
        elif line_ok and inf.kind is InferenceKind.ATTACK and fields == {"relation": UNDERCUT}:
            # Argdown's undercut of a statement or of a sketched argument: an '_>' line
            # under the premise (an '_' under the target would undercut the last
            # inference read instead, when there is one)
            line_ok = True
        elif line_ok:
            line_ok = not fields
        if line_ok:
            lines_seen.add(key)
            if inf.kind is InferenceKind.UNDERCUT:
                self.undercut_lines.setdefault(inf.target, []).append(inf.premises[0])
            elif fields:
                self.line_children.setdefault(inf.premises[0], []).append(("_>", inf.target))
            else:
                symbol = "+" if inf.kind is InferenceKind.SUPPORT else "-"
                self.line_children.setdefault(inf.target, []).append((symbol, inf.premises[0]))
        else:
            self.tier2.append(inf.id)

    def strict_line(
        self,
        inf: Inference,
        fields: dict[str, Any],
        lines_seen: set[tuple[str, str, str, str | None]],
        contradictory: dict[tuple[str, str, str], list[str]],
    ) -> bool:
        """In strict mode: a contrary pair half, an entailment line, or a relation of an argument."""
        source, target = inf.premises[0], inf.target
        key = (source, target, inf.kind.value, fields.get("relation"))
        if inf.kind is InferenceKind.ATTACK and fields == {"relation": CONTRARY}:
            contradictory.setdefault((source, target, "-"), []).append(inf.id)
            return True
        if key in lines_seen:
            return False
        statements = self.map.statements
        if inf.kind is InferenceKind.SUPPORT and fields == {"relation": ENTAILS}:
            symbol = "+"
        elif (
            not fields
            and inf.kind in (InferenceKind.SUPPORT, InferenceKind.ATTACK)
            and (_is_argument_node(statements[source]) or _is_argument_node(statements[target]))
        ):
            symbol = "+" if inf.kind is InferenceKind.SUPPORT else "-"
        elif not fields and inf.kind is InferenceKind.ATTACK:
            self.strict_failed = True  # an attack between statements has no strict-mode line
            return False
        else:
            return False
        lines_seen.add(key)
        self.line_children.setdefault(target, []).append((symbol, source))
        return True

    def finish_plan(self, contradictory: dict[tuple[str, str, str], list[str]]) -> None:
        m = self.map
        # contradictions (and, in strict mode, contraries) come in pairs (a >< b is read as
        # two attacks): one line per pair
        number = 0
        written: set[tuple[str, str, str]] = set()
        for (a, b, symbol), ids in contradictory.items():
            back = contradictory.get((b, a, symbol), [])
            itself = a == b  # a statement contradicting itself: one line (Argdown keeps one)
            while ids:
                iid = ids.pop()
                if (min(a, b), max(a, b), symbol) in written:
                    # the same pair again: Argdown keeps a relation once, so a second line
                    # would be lost; the pair's two attacks go into premise-conclusion structures
                    self.tier2.append(iid)
                    if a != b and back:
                        self.tier2.append(back.pop())
                elif itself or (back and a != b):
                    itself = False
                    written.add((min(a, b), max(a, b), symbol))
                    # one line per pair (a statement contradicting itself is one attack);
                    # under the argument when one side is one: '><' takes a statement after it
                    if a != b:
                        back.pop()
                    number += 1
                    self.pair_symbol[number] = symbol
                    arg_a = _is_argument_node(m.statements[a])
                    arg_b = _is_argument_node(m.statements[b])
                    if arg_a and arg_b:
                        # b is written as a statement, so the line goes under a: '<a>' then
                        # '>< [b]' (under b it would put the argument a after '><')
                        self.pairs.setdefault(a, []).append((b, number))
                        self.pair_statements.add(b)
                    else:
                        if not arg_b:
                            self.pairs.setdefault(a, []).append((b, number))
                        if not arg_a:
                            self.pairs.setdefault(b, []).append((a, number))
                else:
                    if symbol != "><":
                        self.strict_failed = True  # a lone contrary: no line says it
                    self.tier2.append(iid)
        self.tier2_set = set(self.tier2)
        # statements in a premise-conclusion structure must be statements, not arguments
        in_pcs: set[str] = set()
        for iid in self.tier2:
            inf = m.inferences[iid]
            in_pcs.update(inf.premises)
            if inf.kind is InferenceKind.SUPPORT:
                in_pcs.add(inf.target)
        in_pcs |= self.pair_statements  # '><' between two arguments: one must be a statement
        for sid, statement in m.statements.items():
            if _is_argument_node(statement) and sid not in in_pcs:
                wanted = statement.title or (sid[1:-1] if sid.startswith("<") else sid)
                title = self.unique_argument_title(wanted)
                self.title[sid] = title
                self.read_ids.add(f"<{title}>")
                self.as_argument.add(sid)
        for sid in m.statements:
            if sid not in self.as_argument:
                title = sid if _safe_statement_title(sid) else self.clean(sid, "]")
                n = 1
                base = title
                while title in self.read_ids:
                    n += 1
                    title = f"{base} ({n})"
                self.title[sid] = title
                self.read_ids.add(title)
        for iid in self.tier2:
            inf = m.inferences[iid]
            info = inf.meta.get("argdown")
            wanted = ""
            if isinstance(info, dict) and isinstance(info.get("argument"), str):
                wanted = info["argument"]
            if not wanted and inf.label:
                wanted = inf.label
            if not wanted and not iid.startswith("_"):
                wanted = iid
            if not wanted:
                target = self.title.get(inf.target, "an inference")
                wanted = {
                    InferenceKind.SUPPORT: f"Reason for {target}",
                    InferenceKind.ATTACK: f"Objection to {target}",
                    InferenceKind.UNDERCUT: "Undercut",
                }[inf.kind]
            self.pcs_title[iid] = self.unique_argument_title(wanted)

    @staticmethod
    def clean(text: str, bad: str) -> str:
        """A usable title from ``text``: no line breaks, no closing bracket, no markup start."""
        cleaned = replace_unsafe(_RE_CONTROL.sub(" ", text), " ").replace(bad, ")")
        cleaned = cleaned.replace("\u2028", " ").replace("\u2029", " ").strip()
        cleaned = cleaned.lstrip("-_+!").strip().replace("@include(", "@include (")
        return cleaned or "untitled"

    def unique_argument_title(self, wanted: str) -> str:
        base = wanted if _safe_argument_title(wanted) else self.clean(wanted, ">")
        title = base
        n = 1
        while title in self.argument_titles or f"<{title}>" in self.read_ids:
            n += 1
            title = f"{base} ({n})"
        self.argument_titles.add(title)
        return title

    def read_id(self, sid: str) -> str:
        """The id the reader will give this statement."""
        title = self.title[sid]
        return f"<{title}>" if sid in self.as_argument else title

    # pieces --------------------------------------------------------------------------------

    def reference(self, sid: str) -> str:
        title = self.title[sid]
        return f"<{title}>" if sid in self.as_argument else f"[{title}]"

    def inline(
        self,
        text: str,
        tags: list[str],
        links: list[tuple[int, int, str]] | None = None,
        elsewhere: set[str] | frozenset[str] = frozenset(),
    ) -> tuple[str, list[str]]:
        """A text as written, with its links and hashtags, and the tags to write after it.

        In the default mode (``tags_in_text``) a tag the text holds as a hashtag
        stays there, as Argdown keeps it (a tag ``elsewhere``, in another text of
        the statement, is written there); otherwise the text's hashtags are
        escaped and every tag follows the text.
        """
        if not self.tags_in_text:
            return _with_links(text, links or [], frozenset()), list(tags)
        inline = frozenset(t for t in tags if t in _tags_in(text))
        shown = _with_links(text, links or [], inline)
        return shown, [t for t in tags if t not in inline and t not in elsewhere]

    def definition(self, sid: str, text: str | None = None, first: bool = True) -> str:
        """``[Title]: text #tags {data}``; ``text`` another text of its class, without the data."""
        statement = self.map.statements[sid]
        own = text is None or text == statement.text
        text = statement.text if text is None else text
        data: dict[str, Any] = {}
        shown = text
        links = presentation.links(statement) if own else self.other_links(statement, text)
        plain = any(c in text for c in "\n\r") or text != text.strip() or first_unsafe(text)
        if plain:
            if own:  # (another text of its class is only shown: the data text is the class's)
                data["text"] = text
            shown = printable(" ".join(text.split())) or "(text in data)"
            links = []
        if first and sid == self.map.conclusion and sid in self.untitled:
            data["argmap"] = CONCLUSION  # the main conclusion, which has no title to name it by
        if first:
            values = statement.model_dump(
                exclude_defaults=True,
                exclude={"id", "text", "title", "tags", "meta", "origin"},
                mode="json",
            )
            if statement.implicit and statement.kind.value == "assumption":
                values.pop("kind", None)
            if list(values.get("source") or ()) == ["name"]:
                values["source"] = values["source"]["name"]  # as Argdown files say it: a name
            for key in STATEMENT_DATA:
                if key in values:
                    data[key] = values[key]
            meta = {k: v for k, v in statement.meta.items() if k not in _SYNTAX_META}
            if sid in self.as_argument:
                meta.pop("argdown", None)
            apart = meta.pop(DATA_APART, None)
            if "uses" in meta and self.uses is not None and self.uses[0] == sid:
                meta.pop("uses")
                data["uses"] = self.uses[1]
            _put_meta(data, meta, _STATEMENT_KEYS, Statement)
            if isinstance(apart, dict):
                data.update({k: v for k, v in apart.items() if k in OWN_META})
        writable = all(_writable_tag(t) for t in statement.tags)
        tags_here = statement.tags if writable else []
        body, after = self.inline(shown, tags_here, links, _class_tags(statement))
        if first and not writable:
            data["tags"] = list(statement.tags)
        tags = "".join(" " + _tag_token(t) for t in after)
        if text == statement.title and own and not plain and self.title[sid] == text:
            # a statement or argument never given a text (its text is its title): a reference
            line = self.reference(sid) + tags
            return line + (" " + _json(data) if data else "")
        if sid in self.as_argument:
            head = f"<{self.title[sid]}>: "
        elif sid in self.untitled and first:
            head = f"\x00{sid}\x00"  # a title only if it is referenced: decided at the end
            if not _RE_PLAIN_START.match(body):
                self.referenced.add(sid)  # a line starting so would not be a statement
        else:
            head = f"[{self.title[sid]}]: "
        line = f"{head}{body}{tags}"
        if data:
            line += " " + _json(data)
        return line

    def description(self, text: str, texts: Any, raw_links: Any, tags: list[str]) -> str:
        """An argument's description as written: links, hashtags, the tags after it."""
        shown = printable(" ".join(text.split()))
        of = texts.index(text) if isinstance(texts, list) and text in texts else None
        if of is not None and of == len(texts) - 1:
            of = None  # the links of the description kept are its own
        links = presentation.text_links(text, raw_links, of) if shown == text else []
        body, after = self.inline(shown, tags, links)
        return body + "".join(" " + _tag_token(t) for t in after)

    def other_links(self, statement: Statement, text: str) -> list[tuple[int, int, str]]:
        """The links of one of the statement's other texts (``meta.texts``)."""
        texts = statement.meta.get("texts")
        if not isinstance(texts, list) or text not in texts:
            return []
        return presentation.text_links(text, statement.meta.get("links"), texts.index(text))

    def mention(self, sid: str) -> str:
        """A definition the first time a statement is written, a reference after."""
        if sid in self.defined:
            self.referenced.add(sid)
            return self.reference(sid)
        self.defined.add(sid)
        statement = self.map.statements[sid]
        texts = statement.meta.get("texts")
        if isinstance(texts, list):
            # every text of its class: the first here, the others in blocks of their own,
            # the statement's own text last (the reader takes the last one); a text that is
            # only hashtags after a reference of it (``[A] #tag``) as such a reference again
            others, refs = _split_texts(texts, statement.text, statement.tags)
            if refs and self.tags_in_text:
                self.more_refs.extend(f"{self.reference(sid)} {t}" for t in refs)
                self.referenced.add(sid)
            else:
                others += refs
            if others:
                self.more_texts.extend((sid, t) for t in [*others[1:], statement.text])
                self.referenced.add(sid)
                return self.definition(sid, others[0])
        return self.definition(sid)

    # blocks --------------------------------------------------------------------------------

    def tree(self, root: str) -> None:
        """A statement and its relation lines, nested, each statement expanded once."""
        if root in self.expanded:
            return
        known = root in self.defined  # a first mention is kept even when it looks like a reference
        was_referenced = root in self.referenced
        lines: list[str] = []
        stack: list[tuple[str, int, str]] = [(root, 0, "")]
        while stack:
            sid, depth, symbol = stack.pop()
            head = "  " * depth + (symbol + " " if symbol else "")
            lines.append(head + self.mention(sid))
            if sid in self.expanded:
                continue
            if depth >= MAX_NESTING:
                self.pending.append(("tree", sid))  # continued in a block of its own
                continue
            self.expanded.add(sid)
            children: list[tuple[str, int, str]] = []
            for symbol_, other in self.line_children.get(sid, []):
                children.append((other, depth + 1, symbol_))
            for other, number in self.pairs.get(sid, []):
                if number not in self.pairs_done:
                    self.pairs_done.add(number)
                    children.append((other, depth + 1, self.pair_symbol.get(number, "><")))
            # a relation of a statement to itself first: Argdown drops one that comes after
            # a relation of the same type into it (it takes it for a repeat)
            children.sort(key=lambda child: child[0] != sid)
            stack.extend(reversed(children))
            for inf in self.map.incoming(sid):
                if inf.id in self.tier2_set and inf.id not in self.written:
                    self.pending.append(("pcs", inf.id))
        if len(lines) > 1 or not known or lines[0] != self.reference(root):  # no bare references
            self.blocks.append("\n".join(lines))
        elif not was_referenced:
            self.referenced.discard(root)  # the reference is not written after all

    def pcs(self, iid: str) -> None:
        """A Tier 2 inference (or a chain of them): an argument with its premise-conclusion structure."""
        steps = self.chain_of.get(iid, [iid])
        if steps[0] != iid:
            self.pcs(steps[0])
            return
        if iid in self.written:
            return
        self.written.update(steps)
        m = self.map
        title = self.pcs_title[iid]
        # what the reader keeps of a reconstructed argument's own lines sits on its last step
        info = m.inferences[steps[-1]].meta.get("argdown")
        head = f"<{title}>"
        if isinstance(info, dict):
            description = info.get("description")
            tags = [t for t in info.get("tags", []) if isinstance(t, str) and _writable_tag(t)]
            texts = info.get("texts")
            refs: list[str] = []  # texts that are only hashtags after a reference: so again
            if self.tags_in_text and isinstance(texts, list):
                own = description if isinstance(description, str) else ""
                refs = _split_texts(texts, own, tags)[1]
                self.more_refs.extend(f"<{title}> {t}" for t in refs)
            in_refs = set().union(*(_tags_in(t) for t in refs))
            tags = [t for t in tags if t not in in_refs]
            if isinstance(description, str) and description.strip():
                others = [description]
                if isinstance(texts, list):
                    # every description of the argument, this one last (the reader keeps it)
                    others = [t for t in texts if isinstance(t, str) and t.strip()]
                    others = [t for t in others if t != description and t not in refs]
                    others.append(description)
                head += ": " + self.description(others[0], texts, info.get("links"), tags)
                self.more_blocks.extend(
                    f"<{title}>: " + self.description(t, texts, info.get("links"), [])
                    for t in others[1:]
                )
            elif tags:
                head += "".join(" " + _tag_token(t) for t in tags)
            if info.get("data") is not None:
                head += " " + _json(info["data"])
            name = info.get("argument")
            for attacker in self.argument_attacks.pop(name, []) if isinstance(name, str) else []:
                head += f"\n  - {self.mention(attacker)}"
                self.pending.append(("tree", attacker))
        referenced = any(
            u.kind is InferenceKind.UNDERCUT for step in steps for u in m.attacks(step)
        )
        anonymous = False
        if not (isinstance(info, dict) and info.get("anonymous") and head == f"<{title}>"):
            self.blocks.append(head)
        elif referenced:
            self.blocks.append(head)  # an undercut names it: the title is needed after all
        else:
            anonymous = True
        lines: list[str] = []
        number = 0
        numbered: dict[str, int] = {}  # each statement's number in the structure as written
        for k, step in enumerate(steps):
            inf = m.inferences[step]
            for premise in inf.premises if k == 0 else inf.premises[1:]:
                number += 1
                numbered.setdefault(premise, number)
                lines.append(f"({number}) {self.mention(premise)}")
                self.pending.append(("tree", premise))
            lines.append(self.inference_line(inf))
            for premise in self.undercut_lines.get(step, []):
                lines.append(f"  <_ {self.mention(premise)}")
                self.pending.append(("tree", premise))
            number += 1
            if inf.kind is InferenceKind.SUPPORT:
                # a conclusion's data may say which premises its step uses: by their numbers
                # in the structure as written
                self.uses = (inf.target, [numbered[p] for p in inf.premises if p in numbered])
                lines.append(f"({number}) {self.mention(inf.target)}")
                self.uses = None
                numbered.setdefault(inf.target, number)
                self.pending.append(("tree", inf.target))
            else:
                lines.append(f"({number}) {self.stand_in(inf, title)}")
            for undercut in m.attacks(step):
                if undercut.id in self.tier2_set:
                    self.pending.append(("pcs", undercut.id))
        at = len(self.blocks)
        if anonymous:
            # Argdown gives a structure to the argument of the block just before it: an
            # untitled one goes after a block that is no argument's (or first of all)
            while at > 0 and _names_an_argument(self.blocks[at - 1]):
                at -= 1
        self.blocks.insert(at, "\n".join(lines))

    def inference_line(self, inf: Inference) -> str:
        """``----``, or ``-- Scheme {data} --`` when the inference has a scheme or fields."""
        fields = self.fields(inf)
        scheme = fields.pop("scheme", None)
        rule = ""
        if scheme is not None:
            if scheme == scheme.strip() and not any(c in scheme for c in "\n\r"):
                rule = _escape(scheme, rule=True)
            else:
                fields["scheme"] = scheme
        data = _json(fields) if fields else ""
        if rule or data:
            return f"-- {' '.join(p for p in (rule, data) if p)} --"
        return "----"

    def stand_in(self, inf: Inference, title: str) -> str:
        """The made-up conclusion of an attack or undercut, and its relation to the target."""
        m = self.map
        name = title + " (conclusion)"
        n = 1
        while name in self.read_ids:
            n += 1
            name = f"{title} (conclusion {n})"
        self.read_ids.add(name)
        if inf.kind is InferenceKind.ATTACK:
            self.strict_failed = self.strict_failed or self.strict  # '->' is contrary there
            target = inf.target
            text = f"Against {self.read_id(target)}: {m.statements[target].text}"
            relation = f"  -> {self.mention(target)}"
            self.pending.append(("tree", target))
        else:
            target_title = self.pcs_title[inf.target]
            text = f"The inference of <{target_title}> does not hold."
            relation = f"  _> <{target_title}>"
        text = " ".join(text.split())
        return f"[{name}]: {_escape(text)} {_json({'argmap': STANDS_FOR})}\n{relation}"

    def front_matter(self) -> str:
        m = self.map
        front: dict[str, Any] = {}
        original = m.meta.get("frontmatter")
        if isinstance(original, dict):
            # Argdown settings of the original file stay; the interpretation mode only when
            # the relations below are written for it (else for Argdown's default, loose, mode)
            front.update({k: v for k, v in original.items() if k != "argmap"})
        model = dict(front.pop("model", None) or {}) if isinstance(front.get("model"), dict) else {}
        front.pop("model", None)
        if not self.strict:
            model.pop("mode", None)
        model.pop("removeTagsFromText", None)
        if not self.tags_in_text:
            model["removeTagsFromText"] = True  # the tags follow the texts, out of them
        if model:
            front = {"model": model, **front}
        colours = m.meta.get("tag_colors")
        if isinstance(colours, dict) and colours:
            # each tag's colour, said outright: Argdown's palette follows the order in which
            # tags first occur, which the written file need not keep
            settings = (
                dict(front.get("color") or {}) if isinstance(front.get("color"), dict) else {}
            )
            given = settings.get("tagColors")
            given = dict(given) if isinstance(given, dict) else {}
            for tag, value in colours.items():
                if isinstance(tag, str) and presentation.colour(value) and tag not in given:
                    given[tag] = value
            for tag in _map_tags(m):
                # a tag Argdown left without a colour (its palette colours the first 7 tags)
                # gets none again: first named earlier in the written file, it would get one
                given.setdefault(tag, None)
            settings["tagColors"] = given
            front["color"] = settings
        if m.title:
            front["title"] = m.title
        own: dict[str, Any] = {}
        if m.conclusion in m.statements and m.conclusion not in self.untitled:
            own["conclusion"] = self.read_id(m.conclusion)
        if m.source is not None:
            source = m.source.model_dump(exclude_none=True, mode="json")
            if source:
                own["source"] = source
        if m.gaps:
            gaps: list[dict[str, Any]] = []
            for gap in m.gaps:
                entry = gap.model_dump(exclude_none=True, exclude={"origin"}, mode="json")
                if gap.node in m.statements:
                    entry["node"] = self.read_id(gap.node)
                elif gap.node in self.pcs_title:
                    del entry["node"]
                    entry = {"inference": self.pcs_title[gap.node], **entry}
                gaps.append(entry)
            own["gaps"] = gaps
        named = self.inference_ids()
        if named:
            own["inferences"] = named
        # (tag colours are in the front matter's color.tagColors, as Argdown reads them)
        derived = ("argdown", "frontmatter", "sections", "tag_colors", "statement_colors")
        meta = {k: v for k, v in m.meta.items() if k not in derived}
        if meta:
            own["meta"] = meta
        if own:
            front["argmap"] = own
        if not front:
            return ""
        body = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=100)
        if "===" in body or "@include(" in body:
            # the front matter ends at the first "===", and Argdown's tool includes a file at
            # any "@include(": JSON can escape both inside strings
            body = _RE_STRING_LITERAL.sub(
                lambda s: s.group().replace("=", "\\u003d").replace("@include(", "@include\\u0028"),
                json.dumps(front, ensure_ascii=False, indent=2),
            )
        return f"===\n{body.rstrip()}\n==="

    def inference_ids(self) -> list[dict[str, Any]]:
        """The ids of inferences that Argdown has no place for (an AIF RA node's ``1239``).

        Each by what it joins (premises, target, kind), as the reader will name them;
        ids argmap or its readers made up (``_i3``, ``r2``) are left out.
        """
        m = self.map
        out: list[dict[str, Any]] = []
        for inf in m.inferences.values():
            ends = [*inf.premises, inf.target]
            if _RE_MADE_UP_ID.fullmatch(inf.id) or any(e in self.untitled for e in ends):
                continue
            if inf.target in m.inferences and _RE_MADE_UP_ID.fullmatch(inf.target):
                continue  # the step it undercuts gets a new made-up id when read
            target = self.read_id(inf.target) if inf.target in m.statements else inf.target
            out.append(
                {
                    "id": inf.id,
                    "kind": inf.kind.value,
                    "premises": [self.read_id(p) for p in inf.premises],
                    "target": target,
                }
            )
        return out

    def run(self) -> str:
        m = self.map
        self.plan()
        self.find_untitled()
        groups = self.section_groups()
        tier2 = list(self.tier2)
        children = {sid for lines in self.line_children.values() for _, sid in lines}
        # a statement of a premise-conclusion structure with no relation lines of its own is
        # defined there, not in a block of its own before it (an untitled one needs no title)
        in_structures = {
            sid
            for iid in tier2
            for sid in (*m.inferences[iid].premises, m.inferences[iid].target)
            if not self.line_children.get(sid) and sid not in self.pairs
        }
        for number, (heading, members) in enumerate(groups):
            self.group = number
            if heading is not None:
                self.blocks.append(heading)
            self.pending.extend(self.deferred.pop(number, []))
            self.drain()
            # the conclusion, then the tops of the relation-line trees, then the rest: a
            # statement under another is written in its tree, whatever the map's order
            order = [s for s in members if s == m.conclusion]
            order += [s for s in members if s != m.conclusion and s not in children]
            order += [s for s in members if s != m.conclusion and s in children]
            for sid in order:
                if sid in in_structures:
                    continue  # its structure defines it (below)
                if sid not in self.expanded:
                    self.pending.append(("tree", sid))
                self.drain()
            inside = set(members)
            for iid in tier2:
                inf = m.inferences[iid]
                if iid not in self.written and (inf.target in inside or inf.premises[0] in inside):
                    self.pending.append(("pcs", iid))
                    self.drain()
        # what no section's walk reached, in map order
        self.group = len(groups)
        for number in sorted(self.deferred):
            self.pending.extend(self.deferred.pop(number))
        for sid in m.statements:
            if sid not in self.expanded:
                self.pending.append(("tree", sid))
                self.drain()
        for iid in tier2:
            if iid not in self.written:
                self.pending.append(("pcs", iid))
                self.drain()
        for sid, text in self.more_texts:
            self.blocks.append(self.definition(sid, text, first=False))
        self.blocks.extend(self.more_blocks)
        self.blocks.extend(self.more_refs)
        front = self.front_matter()
        parts = ([front] if front else []) + self.blocks
        text = "\n\n".join(parts) + "\n"
        if self.untitled:
            text = _RE_SENTINEL.sub(self.untitled_head, text)
        return text

    def drain(self) -> None:
        while self.pending:
            kind, key = self.pending.popleft()
            later = self.group_of(kind, key)
            if later > self.group:
                self.deferred.setdefault(later, []).append((kind, key))  # under its heading
                continue
            if kind == "tree":
                self.tree(key)
            else:
                self.pcs(key)

    def group_of(self, kind: str, key: str) -> int:
        """The section group a pending block belongs in (0: before the first heading)."""
        if kind == "tree":
            return self.statement_group.get(key, 0)
        inf = self.map.inferences[key]
        name = _argument_name(inf)
        if name is not None and name in self.argument_group:
            return self.argument_group[name]
        return self.statement_group.get(inf.premises[0], 0)

    def untitled_head(self, match: re.Match[str]) -> str:
        sid = match.group(1)
        return f"[{self.title[sid]}]: " if sid in self.referenced else ""

    def find_untitled(self) -> None:
        """Statements Argdown titled itself (``Untitled 3``): written without a title.

        Unless something must name them (the conclusion, a gap, a second mention):
        those get a title Argdown's own numbering cannot give another statement.
        """
        m = self.map
        named = {g.node for g in m.gaps}  # (an untitled conclusion is marked in its data)
        for sid, statement in m.statements.items():
            if (
                statement.title is None
                and sid not in self.as_argument
                and _RE_UNTITLED.fullmatch(sid)
            ):
                self.read_ids.discard(self.title[sid])
                title = sid.replace("Untitled", "Untitled statement", 1)
                while title in self.read_ids:
                    title += "'"
                self.title[sid] = title
                self.read_ids.add(title)
                if sid not in named:
                    self.untitled.add(sid)

    def section_groups(self) -> list[tuple[str | None, list[str]]]:
        """The statements before the first heading, then each heading and its statements."""
        m = self.map
        raw = m.meta.get("sections")
        placed: set[str] = set()
        groups: list[tuple[str | None, list[str]]] = []
        for entry in raw if isinstance(raw, list) else []:
            line = self.heading(entry)
            if line is None:
                continue
            ids = entry.get("statements")
            members = [
                s
                for s in (ids if isinstance(ids, list) else [])
                if isinstance(s, str) and s in m.statements and s not in placed
            ]
            placed.update(members)
            groups.append((line, members))
            for sid in members:
                self.statement_group[sid] = len(groups)
            names = entry.get("arguments")
            for name in names if isinstance(names, list) else []:
                if isinstance(name, str):
                    self.argument_group.setdefault(name, len(groups))
        first = [s for s in m.statements if s not in placed]
        return [(None, first), *groups]

    def heading(self, entry: Any) -> str | None:
        """``## Title #tags {data}`` for one entry of ``meta.sections``, if it can be written."""
        if not isinstance(entry, dict) or not isinstance(entry.get("title"), str):
            return None
        title = printable(" ".join(entry["title"].split()))
        if not title:
            return None
        level = entry.get("level")
        level = level if isinstance(level, int) and not isinstance(level, bool) else 1
        tags = [t for t in entry.get("tags", []) if isinstance(t, str) and _writable_tag(t)]
        body, after = self.inline(title, tags)
        line = "#" * max(1, min(level, 6)) + " " + body
        line += "".join(" " + _tag_token(t) for t in after)
        if entry.get("data") is not None:
            line += " " + _json(entry["data"])
        return line


def dumps(argmap: ArgumentMap) -> str:
    """The map as Argdown text that :func:`read` reads back to the same graph.

    Control characters and bidi overrides are never written raw (they would
    drive the terminal of whoever reads the file): a statement text holding
    one goes whole into its inline data, where JSON escapes it, and is shown
    with them made visible; titles leave them out.

    A map read from a strict-mode file is written in strict mode again when
    every relation has a strict-mode line; otherwise in the default mode.
    """
    if _strict_source(argmap):
        writer = _Writer(argmap, strict=True)
        text = writer.run()
        if not writer.strict_failed:
            return text
    return _Writer(argmap).run()


def _strict_source(argmap: ArgumentMap) -> bool:
    front = argmap.meta.get("frontmatter")
    model = front.get("model") if isinstance(front, dict) else None
    return isinstance(model, dict) and model.get("mode") == "strict"
