"""``argmap quiz --to gift|qti``: Moodle GIFT and a QTI 2.1 package that parse, with feedback.

The GIFT is read back with a GIFT parser (pygiftparserrgmf, a dev dependency);
the QTI items, test and manifest are validated with lxml against schemas
written from the specifications (tests/schemas/: no official XSD is on PyPI).
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import FLAGSHIP
from typer.testing import CliRunner

import argmap
from argmap.cli import app
from argmap.teaching.quiz import LETTERS, Question, Quiz, make_quiz
from argmap.views.quiz_export import gift_escape, to_gift, to_qti

SCHEMAS = Path(__file__).parent / "schemas"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


def flagship_quiz(seed: int = 0, count: int = 15) -> Quiz:
    m = argmap.load(FLAGSHIP)
    return make_quiz(m, argmap.find_gaps(m), seed=seed, count=count)


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("\\n", "\n")


def parse_gift(text: str) -> list[object]:
    parser = pytest.importorskip("pygiftparser.parser")
    result = parser.parse(text)
    questions = list(result.questions)
    result.questions = []  # the parser keeps its result between calls
    return questions


def test_the_flagship_quiz_as_gift_parses_with_its_feedback(tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift"
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--count", "15", "--to", "gift", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == f"wrote {out}: 15 questions as gift\n"
    quiz = flagship_quiz()
    parsed = parse_gift(out.read_text(encoding="utf-8"))
    assert len(parsed) == len(quiz.questions)
    for q, p in zip(quiz.questions, parsed, strict=True):
        assert unescape(p.name) == f"Q{quiz.questions.index(q) + 1} {q.kind}"  # type: ignore[attr-defined]
        assert unescape(p.text).startswith(q.prompt)  # type: ignore[attr-defined]
        options = p.answer.options  # type: ignore[attr-defined]
        # every option survived (no unescaped "=" or "~" split one), one right, each with feedback
        assert [unescape(o.text).strip() for o in options][: len(q.options)] == list(q.options)
        assert [o.prefix for o in options][: len(q.options)] == [
            "=" if i == q.answer else "~" for i in range(len(q.options))
        ]
        assert all(o.feedback for o in options)
        right = unescape(options[q.answer].feedback)
        assert right.startswith("Right. " + q.explanation[:40])
        for i, o in enumerate(options[: len(q.options)]):
            if i != q.answer:
                assert unescape(o.feedback).startswith(q.why_wrong(i)[:40])


def test_gift_special_characters_are_escaped() -> None:
    """Every GIFT special character is escaped. (The parser honours the escapes in names,
    question texts and options, not in feedback, where it ends the feedback at any "=", "~"
    or "}", escaped or not: so the feedback here holds only "#" and ":" .)"""
    nasty = "A {b} = c ~ d # e: f \\ g"
    assert gift_escape(nasty) == "A \\{b\\} \\= c \\~ d \\# e\\: f \\\\ g"
    q = Question(
        "kind",
        "Is {this} = that?",
        "¶1: ~x# y:z",
        ("Yes: = {1}", "No ~ #2"),
        0,
        "Because: #1.",
        ("", "Not this: #2."),
    )
    text = to_gift(Quiz((q,), 0), "T: {x}")
    parsed = parse_gift(text)
    assert len(parsed) == 1
    options = parsed[0].answer.options  # type: ignore[attr-defined]
    assert [unescape(o.text).strip() for o in options] == ["Yes: = {1}", "No ~ #2"]
    # the parser unescapes question texts itself, keeping GIFT's line break as the two
    # characters "\\n"
    assert parsed[0].text == "Is {this} = that?\\n¶1: ~x# y:z"  # type: ignore[attr-defined]
    # (it reads the general feedback, "####...", as the end of the last option's feedback)
    feedback = [unescape(o.feedback) for o in options]
    assert feedback == ["Right. Because: #1.", "Not this: #2. ####Because: #1."]


def qti_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_the_flagship_quiz_as_qti_is_a_valid_package(tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    out = tmp_path / "quiz.zip"
    result = CliRunner().invoke(
        app, ["quiz", str(FLAGSHIP), "--count", "15", "--to", "qti", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    files = qti_files(out.read_bytes())
    assert "imsmanifest.xml" in files  # at the root of the package
    qti = etree.XMLSchema(etree.parse(str(SCHEMAS / "qti21-subset.xsd")))
    cp = etree.XMLSchema(etree.parse(str(SCHEMAS / "imscp-subset.xsd")))
    manifest = etree.fromstring(files["imsmanifest.xml"])
    cp.assertValid(manifest)
    # every file the manifest names is in the package, and every file is named
    named = {f.get("href") for f in manifest.iter(f"{CP}file")}
    assert named == set(files) - {"imsmanifest.xml"}
    items = [r for r in manifest.iter(f"{CP}resource") if r.get("type") == "imsqti_item_xmlv2p1"]
    quiz = flagship_quiz()
    assert len(items) == len(quiz.questions)
    test = etree.fromstring(files["test.xml"])
    qti.assertValid(test)
    refs = [r.get("href") for r in test.iter(f"{QTI}assessmentItemRef")]
    assert refs == [r.get("href") for r in items]
    for q, href in zip(quiz.questions, refs, strict=True):
        item = etree.fromstring(files[href])
        qti.assertValid(item)
        assert item.tag == f"{QTI}assessmentItem"
        assert item.find(f"{QTI}responseDeclaration/{QTI}correctResponse/{QTI}value").text == (
            q.letter
        )
        choices = [c.text for c in item.iter(f"{QTI}simpleChoice")]
        assert choices == list(q.options)
        feedback = {f.get("identifier"): f.text for f in item.iter(f"{QTI}modalFeedback")}
        assert set(feedback) == set(LETTERS[: len(q.options)])
        assert feedback[q.letter].startswith("Right. ")
        for i in range(len(q.options)):
            assert q.explanation in feedback[LETTERS[i]]
            if i != q.answer:
                assert feedback[LETTERS[i]].startswith(q.why_wrong(i))


def test_the_schemas_refuse_what_the_spec_refuses() -> None:
    """The subset schemas are strict: a missing required attribute or a stray element fails."""
    etree = pytest.importorskip("lxml.etree")
    qti = etree.XMLSchema(etree.parse(str(SCHEMAS / "qti21-subset.xsd")))
    files = qti_files(to_qti(flagship_quiz(count=5), "T"))
    good = files["items/q01.xml"]
    assert qti.validate(etree.fromstring(good))
    no_shuffle = good.replace(b' shuffle="false"', b"")
    assert not qti.validate(etree.fromstring(no_shuffle))
    stray = good.replace(b"<itemBody>", b"<itemBody><table/>")
    assert not qti.validate(etree.fromstring(stray))
    late = good.replace(b"<responseProcessing>", b"<responseProcessing><modalFeedback/>")
    assert not qti.validate(etree.fromstring(late))


def test_exports_are_the_same_bytes_each_time() -> None:
    quiz = flagship_quiz(seed=3)
    assert to_qti(quiz, "T") == to_qti(flagship_quiz(seed=3), "T")
    assert to_gift(quiz, "T") == to_gift(flagship_quiz(seed=3), "T")


def test_export_usage_errors(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--to", "gift"])
    assert result.exit_code == 2 and "--to and -o go together" in result.stderr
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--to", "qti", "-o", "-"])
    assert result.exit_code == 2 and "a QTI package is a zip file" in result.stderr
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--to", "xml", "-o", "x"])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["quiz", str(FLAGSHIP), "--to", "gift", "-o", "-"])
    assert result.exit_code == 0 and result.stdout.startswith("// ")
