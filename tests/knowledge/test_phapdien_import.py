"""The Pháp điển importer: articles under their original documents, re-imports that change only
what changed, admins' edits and uploads kept; the full 14 pages once through the CLI, with 30
articles compared with the official page; the shipped starter library traced back to the pages."""

from __future__ import annotations

import hashlib
import os
import random
import re
import subprocess
import sys
import tarfile
import unicodedata
from pathlib import Path

import pytest
from docx import Document

from appliance.db import connect, migrate
from appliance.knowledge import registry
from appliance.knowledge.articles import find_article
from appliance.knowledge.documents import find_by_number
from appliance.knowledge.ingest import add_bytes
from appliance.knowledge.phapdien_import import import_sources
from appliance.knowledge.starter import DATA_DIR, load_starter, selection, shipped_pages
from tests.knowledge.conftest import PACKED_PAGES, needs_pages, phapdien_pages, shared_pages
from tests.knowledge.test_phapdien_parser import PAGE


def _import(conn, text: str, name: str = "ho-tich.md"):
    return import_sources(conn, [(name, text.encode())], user="kiểm thử")


def test_reimport_changes_only_what_changed_and_keeps_what_admins_typed(conn):
    first = _import(conn, PAGE)
    page = first.pages[0]
    assert page.articles == 5 and not page.error and [n for n, _ in page.missing_listed] == ["15.3.LQ.9"]
    assert [n for n, _line, _note in page.unparsed_notes] == ["15.3.LQ.3"]
    assert any("Chú thích nguồn không đọc được" in line for line in first.lines())
    again = _import(conn, PAGE)
    assert again.changes == 0  # a second run changes nothing

    doc = find_by_number(conn, "60/2014/QH13")
    assert doc is not None and doc.title == "Luật Hộ tịch" and doc.cite_as == "Luật Hộ tịch số 60/2014/QH13"
    registry.edit(conn, doc.id, {"name": "Hộ tịch (đã đối chiếu Công báo)"}, user="admin")
    amended = find_by_number(conn, "07/2025/NĐ-CP")  # named only in a note: a registry row without text
    assert amended is not None and not amended.has_text and amended.text_note == "chưa có toàn văn trong thư viện"
    decree = find_by_number(conn, "123/2015/NĐ-CP")
    assert decree is not None and decree.amended_by == "07/2025/NĐ-CP"

    newer = PAGE.replace("Luật này quy định về hộ tịch.", "Luật này quy định về hộ tịch và quốc tịch.")
    newer = newer.replace("(Bị bãi bỏ)", "(Bị bãi bỏ)").split("Điều 15.3.LQ.3.")[0]  # LQ.3 is gone from the page
    report = _import(conn, newer)
    docs = report.pages[0].documents
    assert docs["60/2014/QH13"].changed == 1 and docs["60/2014/QH13"].unchanged == 0
    assert docs["123/2015/NĐ-CP"].unchanged == 1 and report.pages[0].removed == 1
    article = find_article(conn, "60/2014/QH13", "1")
    assert article is not None and "hộ tịch và quốc tịch" in article.text
    kept = find_by_number(conn, "60/2014/QH13")
    assert kept is not None and kept.name == "Hộ tịch (đã đối chiếu Công báo)"  # the admin's edit survived
    fields = [h["field"] for h in registry.history(conn, kept.id)]
    assert "name" in fields


def test_an_uploaded_official_text_is_never_replaced_by_an_import_or_the_starter(conn):
    document = Document()
    for line in ("QUỐC HỘI", "Luật số: 60/2014/QH13", "LUẬT", "HỘ TỊCH", "Điều 1. Phạm vi điều chỉnh",
                 "Luật này quy định về hộ tịch (bản tải lên của phường)."):
        document.add_paragraph(line)
    import io

    out = io.BytesIO()
    document.save(out)
    uploaded = add_bytes(conn, out.getvalue(), "luat-ho-tich.docx", added_by="admin")
    assert uploaded.updated  # it landed on the registry row the starter library created
    report = _import(conn, PAGE)
    assert report.pages[0].documents["60/2014/QH13"].kept_upload == 1
    load_starter(conn)  # what `appliance demo-data` does
    article = find_article(conn, "60/2014/QH13", "1")
    assert article is not None and "bản tải lên của phường" in article.text


def test_the_starter_never_replaces_an_admin_import(conn):
    _import(conn, PAGE)
    before = find_article(conn, "123/2015/NĐ-CP", "1")
    load_starter(conn)
    after = find_article(conn, "123/2015/NĐ-CP", "1")
    assert before is not None and after is not None and after.text == before.text
    assert find_by_number(conn, "123/2015/NĐ-CP").origin == "phap_dien"


def test_the_shipped_library_is_official_text_only():
    assert not (DATA_DIR / "library").exists()  # the memory-written articles are gone
    pages = shipped_pages()
    assert sum(len(p.articles) for p in pages) > 1000
    for page in pages:
        for article in page.articles:
            assert article.note is not None and article.note_raw.startswith("("), (page.name, article.number)
            assert article.text.strip() or article.repealed, article.number


@needs_pages
def test_the_shipped_library_is_exactly_the_pages_it_was_built_from():
    from appliance.knowledge.phapdien import parse_page

    pages_dir = phapdien_pages()
    assert pages_dir is not None
    shipped = {p.name: p for p in shipped_pages()}
    for chosen in selection():
        fresh = parse_page((pages_dir / chosen.file).read_bytes(), chosen.file)
        expected = [a for a in fresh.articles if a.note is not None and chosen.keeps(a.note.document.number)]
        got = shipped[chosen.file].articles
        assert [(a.key, a.text, a.note_raw, a.related) for a in got] == \
            [(a.key, a.text, a.note_raw, a.related) for a in expected], chosen.file


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("*", "")
    return " ".join(text.split())


@pytest.mark.slow
@needs_pages
def test_cli_imports_all_fourteen_pages_and_thirty_articles_match_the_page(settings):
    pages_dir = phapdien_pages()
    assert pages_dir is not None
    env = {**os.environ, "APPLIANCE_DATA_DIR": str(settings.data_dir)}
    command = [sys.executable, "-m", "appliance", "kb", "import-phapdien", str(pages_dir)]
    first = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stderr[-2000:]
    titles = re.findall(r"^Đề mục “([^”]+)”", first.stdout, re.M)
    assert len(titles) == 14, first.stdout[:2000]
    assert "Chú thích nguồn không đọc được" in first.stdout  # the one note with two sources (phí và lệ phí)
    assert "điều có trong mục lục nhưng trang không có nội dung" in first.stdout  # người khuyết tật is cut short
    second = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert second.returncode == 0 and re.search(r"; 0 thay đổi\.$", second.stdout.strip()), second.stdout[-500:]

    conn = connect(settings.db_path)
    migrate(conn)
    rows = conn.execute("SELECT a.phapdien, a.page, a.source_note, a.text FROM kb_articles a "
                        "WHERE a.phapdien <> '' ORDER BY a.id").fetchall()
    assert len(rows) > 2600
    sources = {p.stem: _plain(p.read_text(encoding="utf-8").split("## Danh sách điều khoản")[0])
               for p in pages_dir.glob("*.md")}
    by_title = {re.search(r"^title: (.+)$", p.read_text(encoding="utf-8"), re.M).group(1).strip(): p.stem
                for p in pages_dir.glob("*.md")}
    for row in random.Random(15).sample(rows, 30):
        page = sources[by_title[row["page"]]]
        # The note and the stored text follow each other verbatim in the official page, and the
        # text runs up to the next note, heading or the end: nothing added, nothing cut.
        stored = _plain(row["source_note"] + " " + row["text"])
        at = page.find(stored)
        assert at >= 0, (row["phapdien"], stored[:200])
        rest = page[at + len(stored):].lstrip()
        assert rest == "" or re.match(r"(\((Điều|Chương|Mục|Tiểu mục) này có nội dung|Điều \d+\.\d+\.|Chương |Mục |"
                                      r"Tiểu mục |\*)", rest), (row["phapdien"], rest[:120])
    conn.close()


def test_the_packed_pages_are_the_shared_pages():
    """The packed copy the tests fall back on is byte for byte the shared folder's pages (when both are here)."""
    shared = shared_pages()
    if shared is None:
        pytest.skip("no shared folder beside this checkout to compare the packed copy with")
    with tarfile.open(PACKED_PAGES, "r:xz") as packed:
        packed_pages = {Path(m.name).name: hashlib.sha256(packed.extractfile(m).read()).hexdigest()
                        for m in packed.getmembers() if m.isfile() and m.name.startswith("phapdien/")}
    on_disk = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in shared.glob("*.md")}
    assert packed_pages == on_disk
