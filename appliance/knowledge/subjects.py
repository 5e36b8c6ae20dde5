"""Subjects the library knows of but holds no official text for, and saying so honestly.

The registry lists documents the ward needs without their text (Luật Đất đai 2024, Luật Xây dựng,
Luật Cư trú 2020, Nghị định 168/2025 …: "chưa có toàn văn trong thư viện"), and the catalogue knows
which procedures rest on them (a procedure's first legal basis is its own law). Together they tell
which subjects the library cannot answer: the phrases of those procedures (official name, aliases,
the citizen matcher's colloquial terms: "sổ đỏ", "hộ khẩu", "giấy phép xây dựng") and the titles and
numbers of the textless documents ("Luật Đất đai", "168/2025").

A question about such a subject must not be answered with a covered article that merely shares a
phrase ("sổ đỏ bị ghi sai tên" is not a civil-status correction): search says instead "Thư viện chưa
có toàn văn <document, number, status>: cần xác nhận", with the registry entry and no article text.
Nothing here is a list of questions: it is all read from the registry and the catalogue as they
stand (an admin's upload of the official text, or an edit of the catalogue, changes it at once).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from appliance.citizen.matching import PhraseSet, tokens
from appliance.knowledge import store
from appliance.knowledge.article_store import article_numbers
from appliance.knowledge.articles import find_article
from appliance.knowledge.documents import Document, find_by_number
from appliance.knowledge.procedures import Procedure
from appliance.knowledge.validity import NEEDS_CONFIRMATION, label

# "168/2025/NĐ-CP" is asked as "nghị định 168/2025": the number and year name the document.
_NUMBER_HEAD = re.compile(r"^(\d+)/(\d{4})/")


@dataclass(frozen=True)
class Gap:
    """A document the ward needs whose text (or the article a procedure rests on) the library lacks,
    as the registry has it."""

    number: str                                 # số ký hiệu
    name: str                                   # how Vietnamese legal writing names it
    status: str
    doc_id: int | None = None                   # its registry row (None: not even registered)
    has_text: bool = False                      # the document has text here, only `article` is missing
    article: str = ""
    status_unconfirmed: bool = True             # the registry marks its status "cần xác nhận"
    procedures: tuple[tuple[str, str], ...] = ()  # (code, name) of the procedures resting on it

    @property
    def status_label(self) -> str:
        return label(self.status) if self.status else "chưa có trong sổ văn bản"

    @property
    def url(self) -> str:
        return f"/tra-cuu/van-ban/{self.doc_id}" if self.doc_id is not None else "/tra-cuu/van-ban"

    @property
    def message(self) -> str:
        """One Vietnamese sentence, the same on the staff search page, the assistant and the citizen chat."""
        named = self.name if self.number and self.number in self.name else f"{self.name} (số {self.number})"
        status = f"tình trạng: {self.status_label}" + (f", {NEEDS_CONFIRMATION}" if self.status_unconfirmed else "")
        if self.has_text and self.article:
            what = f"Thư viện có {named} ({status}) nhưng chưa có Điều {self.article}"
        else:
            what = f"Thư viện chưa có toàn văn {named} ({status})"
        used = ", ".join(f"“{name}”" for _code, name in self.procedures)
        basis = f", văn bản làm căn cứ cho thủ tục {used}" if used else ""
        return f"{what}{basis}: {NEEDS_CONFIRMATION}, không trích dẫn điều khoản nào."

    def api(self) -> dict[str, object]:
        return {"number": self.number, "name": self.name, "status": self.status, "status_label": self.status_label,
                "status_unconfirmed": self.status_unconfirmed, "has_text": self.has_text, "article": self.article,
                "doc_id": self.doc_id, "url": self.url, "message": self.message,
                "procedures": [{"code": code, "name": name} for code, name in self.procedures]}


def own_basis_missing(conn: sqlite3.Connection, procedure: Procedure) -> tuple[str, str] | None:
    """(document, article) of the procedure's own law when the library lacks that article, else None."""
    own = procedure.bases("legal_basis")[:1]
    if not own:
        return None
    if find_article(conn, own[0].document, own[0].article, own[0].clause) is not None:
        return None
    return own[0].document, own[0].article


def _gap(document: Document | None, number: str, article: str, procedures: tuple[tuple[str, str], ...]) -> Gap:
    if document is None:
        return Gap(number, f"văn bản số {number}", "", procedures=procedures)
    return Gap(document.number or number, document.cite_as or document.title, document.status, document.id,
               document.has_text, article if document.has_text else "", document.needs_confirmation("status"),
               procedures)


def procedure_gap(conn: sqlite3.Connection, procedure: Procedure) -> Gap | None:
    """The gap behind one procedure (its own law, or that law's article, has no text here), or None."""
    missing = own_basis_missing(conn, procedure)
    if missing is None:
        return None
    number, article = missing
    return _gap(find_by_number(conn, number), number, article, ((procedure.code, procedure.name),))


def basis_gaps(conn: sqlite3.Connection, procedure: Procedure, fields: Iterable[str]) -> tuple[Gap, ...]:
    """The documents (or articles) the procedure's bases for `fields` cite that the library lacks, one
    per document, in the catalogue's order: what a "not found" names when the procedure is known but
    the text stating what was asked is not here."""
    wanted = set(fields)
    seen: dict[str, Gap] = {}
    for basis in procedure.basis:
        if basis.field in wanted and basis.document not in seen \
                and find_article(conn, basis.document, basis.article, basis.clause) is None:
            seen[basis.document] = _gap(find_by_number(conn, basis.document), basis.document, basis.article,
                                        ((procedure.code, procedure.name),))
    return tuple(seen.values())


@dataclass(frozen=True)
class Subjects:
    """What the library covers, subject by subject: a subject is a procedure's own law (its first
    legal-basis document), covered or not; textless registry documents are subjects too."""

    subject_of: dict[str, tuple[str, bool]]        # procedure code → (document number, covered)
    resting: dict[str, tuple[tuple[str, str], ...]]  # uncovered document number → (code, name) resting on it
    articles: dict[str, str]                        # uncovered document number → the article they rest on
    titles: PhraseSet[str]                          # textless documents' titles and numbers → document number

    def weigh(self, query: str, evidence: dict[str, float]) -> tuple[dict[str, float], float]:
        """(evidence per uncovered document, the best covered subject's evidence)."""
        covered: dict[str, float] = {}
        uncovered: dict[str, float] = {}
        for code, score in evidence.items():
            if code not in self.subject_of:
                continue
            number, is_covered = self.subject_of[code]
            into = covered if is_covered else uncovered
            into[number] = into.get(number, 0.0) + score
        for start, end, number in self.titles.find(tokens(query)):
            uncovered[number] = uncovered.get(number, 0.0) + (end - start) ** 2
        return uncovered, max(covered.values(), default=0.0)

    def gap(self, conn: sqlite3.Connection, number: str) -> Gap:
        """The registry entry of an uncovered document (read only for those a question is about)."""
        return _gap(find_by_number(conn, number), number, self.articles.get(number, ""),
                    self.resting.get(number, ()))


def subjects(conn: sqlite3.Connection, procedures: Iterable[Procedure]) -> Subjects:
    """Built from the catalogue and the registry as they stand, on each search the ranking could not
    answer (a few ms): an upload or a catalogue edit counts at once."""
    owned = [(p, p.bases("legal_basis")[:1]) for p in procedures]
    # One query for every procedure's own article.
    held = article_numbers(conn, sorted({own[0].document for _p, own in owned if own}))
    subject_of: dict[str, tuple[str, bool]] = {}
    resting: dict[str, list[tuple[str, str]]] = {}
    articles: dict[str, str] = {}
    for procedure, own in owned:
        if not own:
            continue
        covered = (own[0].document.upper(), own[0].article) in held
        subject_of[procedure.code] = (own[0].document, covered)
        if not covered:
            resting.setdefault(own[0].document, []).append((procedure.code, procedure.name))
            articles.setdefault(own[0].document, own[0].article)
    phrases: list[tuple[list[str], str]] = []
    for row in store.textless_documents(conn):
        number, doc_type = str(row["number"]), str(row["doc_type"] or "")
        # The title as written ("Luật Đất đai"), not the bare name: "đất đai" alone is any land talk,
        # which the procedures' own phrases already weigh.
        phrases.append((tokens(f"{doc_type} {row['name'] or ''}"), number))
        # Its number in full ("68/2020/QH14"), or as people write it after the type ("nghị định
        # 168/2025"); never the bare "07/2025", which is also a month.
        phrases.append((tokens(number), number))
        head = _NUMBER_HEAD.match(number)
        if head and doc_type:
            phrases.append(([*tokens(doc_type), head.group(1), head.group(2)], number))
    return Subjects(subject_of, {n: tuple(p) for n, p in resting.items()}, articles,
                    PhraseSet((p, n) for p, n in phrases if len(p) >= 3))
