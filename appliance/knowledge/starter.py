"""The starter library shipped with the appliance: extracts of the Bộ Pháp điển pages (official
text with every source note), built by `appliance kb build-starter DIR` from the pages in
`../shared/legal/phapdien/` and the selection in `data/starter.toml`, stored as compressed JSON.

A fresh install (migration) and `appliance demo-data` load it through the same importer as
`appliance kb import-phapdien`, as origin "thu_vien": a document an admin imported or uploaded is
never replaced by it.
"""

from __future__ import annotations

import json
import lzma
import sqlite3
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from appliance.knowledge import registry, store
from appliance.knowledge.chunking import Paragraph
from appliance.knowledge.ingest import atomic
from appliance.knowledge.phapdien import PdArticle, PhapdienPage, parse_page
from appliance.knowledge.phapdien_import import IMPORT_USER, ImportReport, Progress, import_pages
from appliance.knowledge.source_notes import parse_source_note

DATA_DIR = Path(__file__).resolve().parent / "data"
SELECTION_PATH = DATA_DIR / "starter.toml"
DUMP_PATH = DATA_DIR / "starter" / "phapdien.json.xz"
FORMAT = 1


@dataclass
class Selection:
    file: str
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)

    def keeps(self, number: str) -> bool:
        if self.include:
            return number in self.include
        return number not in self.exclude


def selection(path: Path | None = None) -> list[Selection]:
    with open(path or SELECTION_PATH, "rb") as handle:
        data = tomllib.load(handle)
    return [Selection(str(p["file"]), list(p.get("include", [])), list(p.get("exclude", []))) for p in data["page"]]


def _article_json(article: PdArticle) -> dict[str, object]:
    return {"number": article.number, "title": article.title, "line": article.line, "chapter": article.chapter,
            "section": article.section, "subsection": article.subsection, "note": article.note_raw,
            "paragraphs": [[p.clause, p.point, p.text] for p in article.paragraphs], "related": article.related}


def build(pages_dir: Path, *, source: str = "") -> tuple[bytes, dict[str, int]]:
    """The compressed dump, and the number of articles kept per page."""
    pages = []
    counts: dict[str, int] = {}
    for chosen in selection():
        page = parse_page((pages_dir / chosen.file).read_bytes(), chosen.file)
        kept = [a for a in page.articles if a.note is not None and chosen.keeps(a.note.document.number)]
        counts[chosen.file] = len(kept)
        pages.append({"name": page.name, "title": page.title, "articles": [_article_json(a) for a in kept]})
    payload = {"format": FORMAT, "source": source, "pages": pages}
    raw = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    return lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME), counts


def _article(item: dict[str, object]) -> PdArticle:
    note = str(item["note"])
    paragraphs = item["paragraphs"]
    assert isinstance(paragraphs, list)
    related = item["related"]
    assert isinstance(related, list)
    return PdArticle(number=str(item["number"]), title=str(item["title"]), line=int(str(item["line"])),
                     chapter=str(item["chapter"]), section=str(item["section"]), subsection=str(item["subsection"]),
                     note_raw=note, note=parse_source_note(note),
                     paragraphs=[Paragraph(str(t), str(c), str(p)) for c, p, t in paragraphs],
                     related=[str(r) for r in related])


def shipped_pages(path: Path | None = None) -> list[PhapdienPage]:
    """The pages of the shipped dump, as the parser would have returned them."""
    data = json.loads(lzma.decompress((path or DUMP_PATH).read_bytes()))
    if data.get("format") != FORMAT:
        raise ValueError(f"starter library format {data.get('format')} (expected {FORMAT})")
    return [PhapdienPage(name=p["name"], title=p["title"], articles=[_article(a) for a in p["articles"]])
            for p in data["pages"]]


def load_starter(conn: sqlite3.Connection, *, progress: Progress | None = None) -> ImportReport:
    """Load (or refresh) the shipped library and the registry's own entries."""
    with atomic(conn), store.bulk_index(conn):
        report = import_pages(conn, list(shipped_pages()), origin="thu_vien", user=IMPORT_USER, progress=progress)
        registry.apply_shipped(conn)
    return report
