"""The quiz for learning platforms: Moodle GIFT text and an IMS QTI 2.1 content package.

Both carry the explanations: in GIFT, each option's feedback says why it is
right or wrong and the general feedback (``####``) explains the answer; in
QTI, each ``assessmentItem`` has one ``choiceInteraction``, its correct
response, a score of 1 or 0 and one ``modalFeedback`` per option (shown for
the option chosen). The QTI package is a zip with ``imsmanifest.xml`` at its
root (IMS Content Packaging 1.1), one item file per question under
``items/`` and an ``assessmentTest`` holding them in order, which is what
Canvas, Moodle and Blackboard import. Same quiz, same bytes (the zip's dates
are fixed).
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile

from argmap.teaching.quiz import LETTERS, Question, Quiz

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p1.xsd"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_ZIP_DATE = (2000, 1, 1, 0, 0, 0)

# --- GIFT ------------------------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def gift_escape(text: str) -> str:
    """Text safe in GIFT: ``~ = # { } :`` and the backslash escaped, line breaks as ``\\n``."""
    escaped = _GIFT_SPECIAL.sub(r"\\\1", text)
    return "\\n".join(" ".join(line.split()) for line in escaped.splitlines() or [""])


def _question_text(question: Question) -> str:
    return question.prompt + (f"\n{question.subject}" if question.subject else "")


def to_gift(quiz: Quiz, title: str) -> str:
    """The quiz as Moodle GIFT: one multiple-choice question per question, with feedback."""
    out = [
        f"// {gift_escape(title)}: argmap quiz, seed {quiz.seed}",
        f"$CATEGORY: argmap/{gift_escape(title).replace('/', '-')}",
        "",
    ]
    for number, q in enumerate(quiz.questions, start=1):
        out.append(f"::Q{number} {q.kind}::{gift_escape(_question_text(q))} {{")
        for i, option in enumerate(q.options):
            if i == q.answer:
                out.append(f"\t={gift_escape(option)}#{gift_escape('Right. ' + q.explanation)}")
            else:
                why = q.why_wrong(i) or "Not this one."
                out.append(f"\t~{gift_escape(option)}#{gift_escape(why)}")
        out.append(f"\t####{gift_escape(q.explanation)}")
        out.append("}")
        out.append("")
    return "\n".join(out)


# --- QTI 2.1 ---------------------------------------------------------------------------------


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _xml(root: ET.Element) -> bytes:
    ET.indent(root)
    return bytes(ET.tostring(root, encoding="utf-8", xml_declaration=True)) + b"\n"


def _p(parent: ET.Element, text: str) -> None:
    ET.SubElement(parent, _q("p")).text = text


def qti_item(question: Question, identifier: str, title: str) -> bytes:
    """One ``assessmentItem`` (see the module docstring)."""
    ET.register_namespace("", QTI_NS)
    ET.register_namespace("xsi", XSI_NS)
    item = ET.Element(
        _q("assessmentItem"),
        {
            "identifier": identifier,
            "title": title,
            "adaptive": "false",
            "timeDependent": "false",
            f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
        },
    )
    response = ET.SubElement(
        item,
        _q("responseDeclaration"),
        {"identifier": "RESPONSE", "cardinality": "single", "baseType": "identifier"},
    )
    correct = ET.SubElement(response, _q("correctResponse"))
    ET.SubElement(correct, _q("value")).text = LETTERS[question.answer]
    _score_outcome(item)
    ET.SubElement(
        item,
        _q("outcomeDeclaration"),
        {"identifier": "FEEDBACK", "cardinality": "single", "baseType": "identifier"},
    )
    body = ET.SubElement(item, _q("itemBody"))
    _p(body, question.prompt)
    if question.subject:
        ET.SubElement(body, _q("blockquote")).append(_element_p(question.subject))
    interaction = ET.SubElement(
        body,
        _q("choiceInteraction"),
        {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "1"},
    )
    ET.SubElement(interaction, _q("prompt")).text = "Choose one answer."
    for i, option in enumerate(question.options):
        ET.SubElement(interaction, _q("simpleChoice"), {"identifier": LETTERS[i]}).text = option
    processing = ET.SubElement(item, _q("responseProcessing"))
    condition = ET.SubElement(processing, _q("responseCondition"))
    when = ET.SubElement(condition, _q("responseIf"))
    match = ET.SubElement(when, _q("match"))
    ET.SubElement(match, _q("variable"), {"identifier": "RESPONSE"})
    ET.SubElement(match, _q("correct"), {"identifier": "RESPONSE"})
    _set(when, "SCORE", "1")
    _set(ET.SubElement(condition, _q("responseElse")), "SCORE", "0")
    feedback = ET.SubElement(processing, _q("setOutcomeValue"), {"identifier": "FEEDBACK"})
    ET.SubElement(feedback, _q("variable"), {"identifier": "RESPONSE"})
    right = question.options[question.answer]
    for i in range(len(question.options)):
        modal = ET.SubElement(
            item,
            _q("modalFeedback"),
            {"outcomeIdentifier": "FEEDBACK", "identifier": LETTERS[i], "showHide": "show"},
        )
        if i == question.answer:
            modal.text = f"Right. {question.explanation}"
        else:
            why = question.why_wrong(i)
            modal.text = (
                f"{why + ' ' if why else ''}The answer is {LETTERS[question.answer]}) {right}. "
                f"{question.explanation}"
            )
    return _xml(item)


def _score_outcome(parent: ET.Element) -> None:
    """The ``SCORE`` outcome (a float, 0 by default) of an item or a test."""
    outcome = ET.SubElement(
        parent,
        _q("outcomeDeclaration"),
        {"identifier": "SCORE", "cardinality": "single", "baseType": "float"},
    )
    default = ET.SubElement(outcome, _q("defaultValue"))
    ET.SubElement(default, _q("value")).text = "0"


def _element_p(text: str) -> ET.Element:
    p = ET.Element(_q("p"))
    p.text = text
    return p


def _set(parent: ET.Element, identifier: str, value: str) -> None:
    setter = ET.SubElement(parent, _q("setOutcomeValue"), {"identifier": identifier})
    ET.SubElement(setter, _q("baseValue"), {"baseType": "float"}).text = value


def qti_test(quiz: Quiz, title: str, hrefs: list[tuple[str, str]]) -> bytes:
    """The ``assessmentTest`` holding every item in order, its score the sum of theirs."""
    ET.register_namespace("", QTI_NS)
    test = ET.Element(
        _q("assessmentTest"),
        {
            "identifier": "argmap-quiz",
            "title": title,
            f"{{{XSI_NS}}}schemaLocation": f"{QTI_NS} {QTI_XSD}",
        },
    )
    _score_outcome(test)
    part = ET.SubElement(
        test,
        _q("testPart"),
        {"identifier": "part1", "navigationMode": "linear", "submissionMode": "individual"},
    )
    ET.SubElement(part, _q("itemSessionControl"), {"showFeedback": "true", "maxAttempts": "1"})
    section = ET.SubElement(
        part, _q("assessmentSection"), {"identifier": "section1", "title": title, "visible": "true"}
    )
    for identifier, href in hrefs:
        ET.SubElement(section, _q("assessmentItemRef"), {"identifier": identifier, "href": href})
    processing = ET.SubElement(test, _q("outcomeProcessing"))
    setter = ET.SubElement(processing, _q("setOutcomeValue"), {"identifier": "SCORE"})
    total = ET.SubElement(setter, _q("sum"))
    ET.SubElement(total, _q("testVariables"), {"variableIdentifier": "SCORE"})
    return _xml(test)


def qti_manifest(hrefs: list[tuple[str, str]], test_href: str) -> bytes:
    """``imsmanifest.xml``: one resource for the test, one per item, each naming its file."""
    ET.register_namespace("", CP_NS)
    ET.register_namespace("xsi", XSI_NS)

    def c(tag: str) -> str:
        return f"{{{CP_NS}}}{tag}"

    manifest = ET.Element(
        c("manifest"),
        {"identifier": "argmap-quiz-package", f"{{{XSI_NS}}}schemaLocation": f"{CP_NS} {CP_XSD}"},
    )
    metadata = ET.SubElement(manifest, c("metadata"))
    ET.SubElement(metadata, c("schema")).text = "IMS Content"
    ET.SubElement(metadata, c("schemaversion")).text = "1.1.4"
    ET.SubElement(manifest, c("organizations"))
    resources = ET.SubElement(manifest, c("resources"))
    test = ET.SubElement(
        resources,
        c("resource"),
        {"identifier": "argmap-quiz", "type": "imsqti_test_xmlv2p1", "href": test_href},
    )
    ET.SubElement(test, c("file"), {"href": test_href})
    for identifier, _ in hrefs:
        ET.SubElement(test, c("dependency"), {"identifierref": f"res-{identifier}"})
    for identifier, href in hrefs:
        resource = ET.SubElement(
            resources,
            c("resource"),
            {"identifier": f"res-{identifier}", "type": "imsqti_item_xmlv2p1", "href": href},
        )
        ET.SubElement(resource, c("file"), {"href": href})
    return _xml(manifest)


def to_qti(quiz: Quiz, title: str) -> bytes:
    """The QTI 2.1 content package as zip bytes (see the module docstring)."""
    hrefs = [(f"q{n:02d}", f"items/q{n:02d}.xml") for n in range(1, len(quiz.questions) + 1)]
    files: list[tuple[str, bytes]] = [("imsmanifest.xml", qti_manifest(hrefs, "test.xml"))]
    files.append(("test.xml", qti_test(quiz, title, hrefs)))
    for (identifier, href), (n, q) in zip(hrefs, enumerate(quiz.questions, start=1), strict=True):
        files.append((href, qti_item(q, identifier, f"Q{n} {q.kind}")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
