"""The pieces the Argdown writer is made of: escaping, hashtags, data, titles (see writer.py)."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from argmap.formats.argdown.convert import (
    INFERENCE_DATA,
    STATEMENT_DATA,
    _valid_id,
)
from argmap.formats.argdown.lexer import _RE_SPECIAL, _TAG_CLASS
from argmap.formats.argdown.tables import SHORTCODES
from argmap.model import ArgumentMap, Inference, Statement
from argmap.safe_text import first_unsafe, json_safe

_RE_STRING_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"')
_RE_MENTION_AT = re.compile(r"@\[[^\]\n\r\u2028\u2029]+\]|@<[^>\n\r\u2028\u2029]+>")
_RE_SIMPLE_TAG = re.compile(f"{_TAG_CLASS}+")
_RE_TAG_AT = re.compile(rf"#(?:\(([^)]+)\)|({_TAG_CLASS}+))")
_RE_SHORTCODE = re.compile("|".join(re.escape(code) for code in SHORTCODES))
#: inference ids made up by argmap (native maps: ``_i3``) or by the Argdown reader (``i2``, ``r5``)
_RE_MADE_UP_ID = re.compile(r"_.*|[ir][0-9]+(?: \([0-9]+\))?", re.DOTALL)
#: how an untitled statement's text may start (else it could read as a list, a number...)
_RE_PLAIN_START = re.compile(r"(?![0-9]+\.)[^\W_]")
_RE_SENTINEL = re.compile("\x00([^\x00]*)\x00")
#: Argdown's automatic titles of untitled statements: the writer leaves them out
_RE_UNTITLED = re.compile(r"Untitled [0-9]+(?: \([0-9]+\))?")
_ALWAYS_ESCAPED = set("\\#*_[<{")
_RE_NEEDS_ESCAPE = re.compile(r"[\\#*_\[<{@]|//|===|[ \t][ \t]")
_RE_RULE_NEEDS_ESCAPE = re.compile(r"[\\#*_\[<{@,\-]|//|===|[ \t][ \t]")


def _escape(text: str, *, rule: bool = False, tags: frozenset[str] = frozenset()) -> str:
    """``text`` so that Argdown's lexer reads it back as the same plain text.

    Characters that would start markup are escaped with a backslash; mentions
    (``@[Title]``) and unknown shortcodes (``.xyz.``, ``:xyz:``) stay as they
    are, since Argdown keeps them in the text as written, while one of
    Argdown's own shortcodes (``.~.``) is escaped, or it would become its
    symbol. A hashtag naming one of ``tags`` stays a hashtag: the statement's
    tag, kept in its text as Argdown's default does.
    Runs of blanks keep their width: a token that starts at a blank loses it
    (Argdown skips blanks between tokens), so every blank after the first is
    escaped. In an inference line (``rule``), commas and hyphens are escaped
    too: they separate rules and end the line.
    """
    if (_RE_RULE_NEEDS_ESCAPE if rule else _RE_NEEDS_ESCAPE).search(text) is None and (
        _RE_SHORTCODE.search(text) is None
    ):
        return text  # most texts: nothing to escape
    out: list[str] = []
    i = 0
    size = len(text)
    triple_equals = "===" in text
    while i < size:
        c = text[i]
        if c in ".:":
            # ".xyz." and ":xyz:" are Argdown's shortcodes, read verbatim: escapes inside
            # would stay in the text, and nothing inside needs one
            special = _RE_SPECIAL.match(text, i)
            if special is not None and (
                special.group().strip() in SHORTCODES or "@include(" in special.group()
            ):
                out.append("\\" + c)  # written as it stands, not as the symbol
                i += 1
                continue
            if special is not None:
                out.append(special.group())
                i = special.end()
                continue
            out.append(c)
        elif c == "#" and tags:
            tag = _RE_TAG_AT.match(text, i)
            if tag is not None and (tag.group(1) or tag.group(2)) in tags:
                out.append(tag.group())
                i = tag.end()
                continue
            out.append("\\#")
        elif c == "@":
            mention = _RE_MENTION_AT.match(text, i)
            # kept as written, unless it holds an "@include(" (one would be read as an include)
            if mention is not None and not rule and "@include(" not in mention.group():
                out.append(mention.group())
                i = mention.end()
                continue
            out.append("\\@")
        elif c in _ALWAYS_ESCAPED or (c == "=" and triple_equals):
            out.append("\\" + c)
        elif c == "/" and text[i + 1 : i + 2] == "/":
            out.append("\\/")
        elif c == "(" and text.endswith("@include", 0, i):
            out.append("\\(")  # Argdown's tool would include a file here, escape or not
        elif rule and c in ",-":
            out.append("\\" + c)
        elif c in " \t" and i > 0 and text[i - 1] in " \t":
            out.append("\\" + c)
        elif c == "\t" and out and out[-1].startswith("\\"):
            out.append("\\\t")  # an escape takes the spaces after it, not a tab
        else:
            out.append(c)
        i += 1
    return "".join(out)


#: data keys the reader gives a meaning of its own (a statement's, an inference line's; a
#: conclusion's ``uses`` numbers the premises as they were written): a ``meta`` entry of that
#: name is written under ``"meta"``, every other one as Argdown's data
_STATEMENT_KEYS = frozenset((*STATEMENT_DATA, "meta", "text", "tags", "argmap", "uses"))
_INFERENCE_KEYS = frozenset((*INFERENCE_DATA, "meta", "uses", "argmap"))


def _put_meta(
    data: dict[str, Any],
    meta: dict[str, Any],
    reserved: frozenset[str],
    node: type[Statement] | type[Inference] | None = None,
) -> None:
    """``meta`` into the inline data: as Argdown's own keys (``{isInMap: false}`` stays so, and
    Argdown still reads it), under ``"meta"`` where the key means something else to argmap.

    A key named as a field of ``node`` with a value the field cannot take
    (``{strength: 0.8}``, ``{kind: premise}``: the reader kept it in meta, as
    Argdown data argmap cannot use) is Argdown's own data again: reading it
    puts it back in meta, and Argdown reads the data it read.
    """
    nested: dict[str, Any] = {}
    for key, value in meta.items():
        if key in data or (key in reserved and not _rejected(node, key, value)):
            nested[key] = value
        else:
            data[key] = value
    if nested:
        data["meta"] = nested


def _rejected(node: type[Statement] | type[Inference] | None, key: str, value: Any) -> bool:
    """Whether the data field ``key`` of ``node`` cannot take ``value``."""
    fields = STATEMENT_DATA if node is Statement else INFERENCE_DATA if node is Inference else ()
    if node is None or key not in fields:
        return False
    from pydantic import TypeAdapter, ValidationError

    field = node.model_fields[key]
    spec: Any = Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation
    try:
        TypeAdapter(spec).validate_python(value)
    except ValidationError:
        return True
    return False


def _names_an_argument(block: str) -> bool:
    """Whether a written block starts with an argument (a structure after it would be its)."""
    return block.startswith("<") and not block.startswith("<!--")


def _tag_token(tag: str) -> str:
    return f"#{tag}" if _RE_SIMPLE_TAG.fullmatch(tag) else f"#({tag})"


def _map_tags(argmap: ArgumentMap) -> list[str]:
    """Every writable tag of the map: of its statements, its reconstructed arguments (in their
    inferences' ``meta.argdown``) and its headings (``meta.sections``), in that order."""
    found: list[Any] = []
    for statement in argmap.statements.values():
        found.extend(statement.tags)
    for inf in argmap.inferences.values():
        info = inf.meta.get("argdown")
        if isinstance(info, dict) and isinstance(info.get("tags"), list):
            found.extend(info["tags"])
    sections = argmap.meta.get("sections")
    for section in sections if isinstance(sections, list) else []:
        if isinstance(section, dict) and isinstance(section.get("tags"), list):
            found.extend(section["tags"])
    return [t for t in dict.fromkeys(found) if isinstance(t, str) and _writable_tag(t)]


def _writable_tag(tag: str) -> bool:
    return (
        bool(tag)
        and ")" not in tag
        and tag == tag.strip()
        and "\n" not in tag
        and "@include(" not in tag
    )


def _tags_in(text: str) -> set[str]:
    """The tags written as hashtags in ``text``."""
    return {m.group(1) or m.group(2) for m in _RE_TAG_AT.finditer(text)}


def _reference_text(text: str, tags: list[str]) -> bool:
    """Whether ``text`` is only hashtags of ``tags``: a reference's text (``[A] #tag``).

    Such a text of a class (``meta.texts``) is written after a reference again:
    Argdown's model has the same member text either way, and argmap's reader
    takes no reference's text for the statement's own.
    """
    found = _tags_in(text)
    return (
        bool(found)
        and _RE_TAG_AT.sub("", text).strip() == ""
        and found <= {t for t in tags if _writable_tag(t)}
    )


def _split_texts(texts: Any, own: str, tags: list[str]) -> tuple[list[str], list[str]]:
    """A class's other texts (``meta.texts`` but ``own``): those written as definitions, and
    those written as references with their hashtags."""
    others = [t for t in texts if isinstance(t, str) and t.strip() and t != own]
    refs = [t for t in others if _reference_text(t, tags)]
    return [t for t in others if t not in refs], refs


def _with_links(text: str, links: list[tuple[int, int, str]], tags: frozenset[str]) -> str:
    """``text`` escaped, its links written as Argdown links ``[text](url)``."""
    out: list[str] = []
    at = 0
    for start, end, url in links:
        words = text[start:end]
        if (
            "]" in words
            or ")" in url
            or "@include(" in words + url
            or any(c in words + url for c in "\n\r\u2028\u2029")
            or words != words.strip()
            or url != url.strip()
        ):
            continue  # Argdown's link cannot hold it: its text stays, as text
        before = text[at:start]
        out.append(_after_link(before, tags) if out else _escape(before, tags=tags))
        out.append(f"[{words}]({url})")
        at = end
    out.append(_after_link(text[at:], tags) if out else _escape(text[at:], tags=tags))
    return "".join(out)


def _after_link(text: str, tags: frozenset[str]) -> str:
    # a link token takes one blank after it and gives back a space (a tab is lost): a tab
    # right after a link is escaped
    escaped = _escape(text, tags=tags)
    return "\\" + escaped if text[:1] == "\t" else escaped


def _json(value: Any) -> str:
    """Inline data as JSON (valid YAML flow), safe inside Argdown's ``{...}`` token."""

    def fix(match: re.Match[str]) -> str:
        # a "}" followed by a blank would end the data token early; these escapes keep the
        # string's value and the token whole
        return (
            match.group()
            .replace("@include(", "@include\\u0028")  # no file included from a data block
            .replace("}", "\\u007d")
            .replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029")
        )

    return _RE_STRING_LITERAL.sub(fix, json_safe(json.dumps(value, ensure_ascii=False)))


def _safe_statement_title(title: str) -> bool:
    return (
        bool(title)
        and "@include(" not in title  # Argdown's tool would include a file
        and _valid_id(title)
        and "]" not in title
        and first_unsafe(title) is None
        and not title.startswith("-")
        and "\u2028" not in title
        and "\u2029" not in title
    )


def _safe_argument_title(title: str) -> bool:
    return (
        bool(title)
        and "@include(" not in title  # Argdown's tool would include a file
        and _valid_id(title)
        and ">" not in title
        and first_unsafe(title) is None
        # at the start of a line "<_", "<+" and "<-" are relations, "<!--" a comment
        and title[0] not in "-_+"
        and not title.startswith("!--")
        and "\u2028" not in title
        and "\u2029" not in title
    )


def _argument_name(inf: Inference) -> str | None:
    """The Argdown argument an inference was read from (``meta.argdown.argument``)."""
    info = inf.meta.get("argdown")
    name = info.get("argument") if isinstance(info, dict) else None
    return name if isinstance(name, str) else None


#: statement meta the syntax itself says (links, the texts of a class): not written as data
_SYNTAX_META = ("links", "texts")


def _tags_kept_in_text(argmap: ArgumentMap) -> bool:
    """Whether every tag of the map is a hashtag in its text (or in its argument's description)."""
    # (a statement or argument never given a text is written as a reference, its tags after
    # it. A reference's text is no argument's description, in either mode; the hashtags after
    # a statement's reference are its member's text, unless the file took tags out of texts)
    front = argmap.meta.get("frontmatter")
    model = front.get("model") if isinstance(front, dict) else None
    removed = isinstance(model, dict) and model.get("removeTagsFromText") is True
    for statement in argmap.statements.values():
        if statement.title is not None and statement.text == statement.title:
            if _is_argument_node(statement) or not (removed and statement.tags):
                continue
            return False
        if statement.tags and not set(statement.tags) <= _class_tags(statement):
            return False
    for inf in argmap.inferences.values():
        info = inf.meta.get("argdown")
        if isinstance(info, dict) and info.get("tags"):
            description = info.get("description")
            texts = info.get("texts")
            said = [t for t in texts if isinstance(t, str)] if isinstance(texts, list) else []
            if isinstance(description, str):
                said.append(description)
            if not any(t.strip() for t in said):
                continue
            in_texts = set().union(*(_tags_in(t) for t in said))
            if not {t for t in info["tags"] if isinstance(t, str)} <= in_texts:
                return False
    return True


def _class_tags(statement: Statement) -> set[str]:
    """The tags written as hashtags in any text of the statement (``meta.texts`` too)."""
    texts = statement.meta.get("texts")
    found = _tags_in(statement.text)
    for text in texts if isinstance(texts, list) else []:
        if isinstance(text, str):
            found |= _tags_in(text)
    return found


def _is_argument_node(statement: Statement) -> bool:
    return statement.meta.get("argdown") == "argument"
