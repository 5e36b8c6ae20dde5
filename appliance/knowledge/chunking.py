"""Articles into search passages, and the citation each passage carries.

A passage is one khoản (its điểm included; the article's opening words go with khoản 1), a whole
article without khoản, or one điểm of a khoản longer than MAX_CLAUSE_CHARS. The same rule serves
the Pháp điển importer and uploaded files, so a passage of either cites the same way:
"Khoản 1 Điều 15 Luật Hộ tịch số 60/2014/QH13".
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_CLAUSE_CHARS = 1500
MAX_ARTICLE_CHARS = 3000  # an article without khoản longer than this is cut by paragraphs

# Types cited by name and number ("Luật Hộ tịch số 60/2014/QH13"); the others by number alone
# ("Nghị định số 123/2015/NĐ-CP"), as Vietnamese legal writing does.
NAMED_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")


@dataclass
class Paragraph:
    text: str
    clause: str = ""   # the khoản this paragraph belongs to ("" before khoản 1)
    point: str = ""    # its điểm within that khoản


@dataclass(frozen=True)
class Piece:
    text: str
    clause: str = ""
    point: str = ""


def pieces(paragraphs: list[Paragraph]) -> list[Piece]:
    """The passages of one article, in order."""
    intro = [p.text for p in paragraphs if not p.clause]
    clauses: dict[str, list[Paragraph]] = {}
    for p in paragraphs:
        if p.clause:
            clauses.setdefault(p.clause, []).append(p)
    if not clauses:
        return _by_size(intro)
    out: list[Piece] = []
    for index, (number, members) in enumerate(clauses.items()):
        lines = [p.text for p in members]
        if index == 0 and intro:
            lines = intro + lines  # "Mức thu … như sau:" belongs with the first khoản
        text = "\n".join(lines)
        if len(text) <= MAX_CLAUSE_CHARS or not any(p.point for p in members):
            out.append(Piece(text, number))
            continue
        head = [p.text for p in members if not p.point]
        if index == 0:
            head = intro + head
        points: dict[str, list[str]] = {}
        for p in members:
            if p.point:
                points.setdefault(p.point, []).append(p.text)
        for letter, body in points.items():
            out.append(Piece("\n".join(head + body), number, letter))
    return out


def _by_size(lines: list[str]) -> list[Piece]:
    text = "\n".join(lines)
    if len(text) <= MAX_ARTICLE_CHARS:
        return [Piece(text)] if text.strip() else []
    out, buffer = [], ""
    for line in lines:
        if buffer and len(buffer) + len(line) > MAX_CLAUSE_CHARS:
            out.append(Piece(buffer))
            buffer = ""
        buffer = f"{buffer}\n{line}".strip()
    if buffer:
        out.append(Piece(buffer))
    return out


def document_name(doc_type: str, name: str, number: str, title: str) -> str:
    """How a citation names a document: "Luật Hộ tịch số 60/2014/QH13", "Nghị định số 123/2015/NĐ-CP",
    "Quyết định số 15/2026/QĐ-UBND", or the title when there is no number ("Kế hoạch tổ chức …")."""
    if number and doc_type in NAMED_TYPES and name:
        return f"{doc_type} {name} số {number}"
    if number and doc_type:
        return f"{doc_type} số {number}"
    return title or number


def place(article: str, clause: str = "", point: str = "") -> str:
    """"Điểm a khoản 1 Điều 12", "Khoản 2 Điều 5", "Điều 3"."""
    words = []
    if point:
        words.append(f"điểm {point}")
    if clause:
        words.append(f"khoản {clause}")
    words.append(f"Điều {article}")
    text = " ".join(words)
    return text[0].upper() + text[1:]


def citation(article: str, clause: str, point: str, doc_name: str) -> str:
    return f"{place(article, clause, point)} {doc_name}" if article else doc_name
