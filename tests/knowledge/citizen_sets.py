"""Legal search on what citizens actually write: the outside writer's citizen question sets
(`heldout/` frozen and never tuned on, `dev/` for development), graded against a reference the
search never sees: the writer's procedure label and the catalogue's legal basis for it.

- A message about a procedure whose basis articles the library holds: right when search answers and
  one of the first three passages is from the same đề mục of the Bộ Pháp điển as a basis article
  (Hộ tịch for khai sinh: Luật Hộ tịch, Nghị định 123/2015, Thông tư 04/2020 …); unsure when it says
  "not found" (honest, never wrong); wrong when it answers with passages of other subjects.
- A message about a procedure whose own basis article has no official text here (cư trú 2020, đất
  đai, xây dựng, hộ kinh doanh, xác nhận tình trạng hôn nhân: Điều 22 Nghị định 123/2015 is not in
  this copy of the Hộ tịch page) or one the ward does not handle (`out_of_scope`): right when search says "not found"
  or shows only text labelled out of force; wrong when it answers with text in force. Strict: "nộp đơn
  ly hôn ở đâu" answered with the article on the court accepting a divorce petition counts as wrong.
- Office hours, greetings and status questions (`faq`, `chitchat`, `status`) are not legal questions
  and are left out.
"""

from __future__ import annotations

import sqlite3
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from appliance.engines import Embedder
from appliance.knowledge.articles import find_article, get_article
from appliance.knowledge.procedures import Procedure, load_catalogue
from appliance.knowledge.search import SearchHit, search

HERE = Path(__file__).parent
HELDOUT = HERE / "heldout" / "citizen_questions.toml"
DEV = HERE / "dev" / "citizen_questions.toml"
SHOWN = 3  # passages a reader looks at


@dataclass
class Graded:
    right: int = 0
    unsure: int = 0
    wrong: int = 0
    nothing_right: int = 0   # nothing here should answer: said so (or showed only out-of-force text)
    nothing_wrong: int = 0   # … but answered with text in force
    failures: list[str] = field(default_factory=list, repr=False)  # cases: never in an assertion's repr

    @property
    def answerable(self) -> int:
        return self.right + self.unsure + self.wrong

    @property
    def unanswerable(self) -> int:
        return self.nothing_right + self.nothing_wrong

    def line(self, name: str) -> str:
        return (f"{name}: answerable {self.answerable} → right {self.right}, unsure {self.unsure}, wrong "
                f"{self.wrong}; nothing to answer {self.unanswerable} → said so {self.nothing_right}, answered "
                f"{self.nothing_wrong}")


def load(path: Path) -> list[dict[str, str]]:
    with open(path, "rb") as handle:
        return [{str(k): str(v) for k, v in m.items()} for m in tomllib.load(handle)["message"]]


def topics(conn: sqlite3.Connection, procedure: Procedure) -> set[str]:
    """The đề mục pages of the procedure's basis articles that the library holds; none when it lacks
    the article the procedure rests on (its first legal basis: a fee article alone does not answer
    how to get a building permit whose law has no text here)."""
    own = procedure.bases("legal_basis")[:1]
    if not own or find_article(conn, own[0].document, own[0].article, own[0].clause) is None:
        return set()
    found = (find_article(conn, b.document, b.article, b.clause) for b in procedure.basis)
    return {a.page for a in found if a is not None and a.page}


def _page(conn: sqlite3.Connection, hit: SearchHit) -> str:
    article = get_article(conn, hit.article_id) if hit.article_id is not None else None
    return article.page if article else ""


def grade(conn: sqlite3.Connection, path: Path, *, embedder: Embedder | None = None) -> Graded:
    catalogue = {p.code: p for p in load_catalogue()}
    graded = Graded()
    for message in load(path):
        if message["intent"] == "procedure":
            wanted = topics(conn, catalogue[message["procedure"]])
        elif message["intent"] == "out_of_scope":
            wanted = set()
        else:
            continue
        result = search(conn, message["text"], 5, embedder=embedder)
        shown = result.hits[:SHOWN]
        label = f"{message['text'][:80]!r} ({message.get('procedure', 'ngoài phạm vi')}, {result.confidence:.2f})"
        if not wanted:
            if any(h.in_force and not h.repealed for h in shown):
                graded.nothing_wrong += 1
                graded.failures.append(f"answered: {label} → {[h.citation for h in shown[:2]]}")
            else:
                graded.nothing_right += 1
        elif not result.answered:
            graded.unsure += 1
        elif any(_page(conn, h) in wanted for h in shown):
            graded.right += 1
        else:
            graded.wrong += 1
            graded.failures.append(f"wrong: {label} → {[h.citation for h in shown[:2]]}")
    return graded
