"""Funding: the sources a plan names in its "Kinh phí thực hiện" part."""

from __future__ import annotations

from ansinh.documents.parsing.clean import Doc, span_text, trim_span
from ansinh.documents.parsing.structure import Node
from ansinh.documents.parsing.targets import sentences


def extract_funding(doc: Doc, root: Node) -> tuple[list[str], list[list[int]]]:
    """(texts, spans): one entry per item of the funding part, or per sentence when it has no items."""
    texts: list[str] = []
    spans: list[list[int]] = []
    for node in root.walk():
        if node.kind != "funding":
            continue
        items = [c for c in node.children if c.style != "root"]
        pieces: list[tuple[int, int]] = []
        if items:
            for item in items:
                pieces.append((item.head_start, item.end))
        else:
            pieces = sentences(doc, node.head_end, node.end)
        for s, e in pieces:
            s, e = trim_span(doc, s, e, " \t\n-–+•", " \t\n.;,")
            text = span_text(doc, s, e)
            if len(text) >= 8 and not text.startswith("("):
                texts.append(text)
                spans.append([s, e])
    return texts, spans
