"""Import đề mục pages of the Bộ Pháp điển into the library (`appliance kb import-phapdien`, the
admin page, the shipped starter library).

Every article goes under its ORIGINAL document (read from its source note), which becomes a row of
the registry; re-importing a page writes only what changed (a digest per article), removes the
page's articles that are gone, and never touches what an admin typed (registry fields they edited,
documents whose text they uploaded). Each page is one transaction: a page that fails to parse
changes nothing, and the others still import.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from appliance.knowledge import article_store, registry, store
from appliance.knowledge.articles import ArticleRecord, DocumentLabel, sort_key, write_article
from appliance.knowledge.ingest import atomic
from appliance.knowledge.phapdien import PdArticle, PhapdienError, PhapdienPage, parse_page
from appliance.knowledge.source_notes import DOC_NUMBER, DOC_TYPES, DocRef
from appliance.knowledge.validity import status_from_dates

Progress = Callable[[float, str], None]
IMPORT_USER = "nhập Pháp điển"
_LOOSE = re.compile(rf"({'|'.join(DOC_TYPES)})\s+số\s+({DOC_NUMBER})")
_ARTICLE = re.compile(r"Điều\s+(\d+[a-zđ]?)")


def _may_write(importing: str, current: str) -> bool:
    """Text an admin uploaded is never replaced by an import, and the shipped library (loaded by
    a fresh install or the demo) never replaces what an admin imported."""
    if current == "tai_len":
        return False
    return not (importing == "thu_vien" and current == "phap_dien")


@dataclass
class DocumentReport:
    number: str
    title: str
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    kept_upload: int = 0   # articles skipped: the admin's uploaded text of this document wins

    @property
    def articles(self) -> int:
        return self.added + self.changed + self.unchanged


@dataclass
class PageReport:
    name: str
    title: str = ""
    articles: int = 0
    documents: dict[str, DocumentReport] = field(default_factory=dict)
    unparsed_notes: list[tuple[str, int, str]] = field(default_factory=list)  # (pháp điển number, line, note)
    missing_listed: list[tuple[str, str]] = field(default_factory=list)      # listed in the index, no text
    removed: int = 0
    issues: list[tuple[int, str]] = field(default_factory=list)
    error: str = ""                # the page was refused (Vietnamese, with the line)

    @property
    def changes(self) -> int:
        return sum(d.added + d.changed for d in self.documents.values()) + self.removed


@dataclass
class ImportReport:
    pages: list[PageReport] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(p.changes for p in self.pages)

    @property
    def failed(self) -> list[PageReport]:
        return [p for p in self.pages if p.error]

    def lines(self) -> list[str]:
        """The report as Vietnamese lines (the CLI prints them; the admin page shows them)."""
        out: list[str] = []
        for page in self.pages:
            if page.error:
                out.append(f"LỖI {page.name}: {page.error}")
                continue
            added = sum(d.added for d in page.documents.values())
            changed = sum(d.changed for d in page.documents.values())
            same = sum(d.unchanged for d in page.documents.values())
            out.append(f"Đề mục “{page.title}” ({page.name}): {page.articles} điều — {added} mới, {changed} cập nhật, "
                       f"{same} giữ nguyên, {page.removed} bỏ")
            for doc in page.documents.values():
                kept = f"; {doc.kept_upload} điều giữ bản đã có (quản trị viên nhập/tải lên)" if doc.kept_upload else ""
                out.append(f"  {doc.title}: {doc.articles} điều{kept}")
            for number, line, note in page.unparsed_notes:
                out.append(f"  Chú thích nguồn không đọc được (dòng {line}, Điều {number}): {note[:200]}")
            if page.missing_listed:
                out.append(f"  {len(page.missing_listed)} điều có trong mục lục nhưng trang không có nội dung:")
                out.extend(f"    Điều {n}. {t[:80]}" for n, t in page.missing_listed)
        total = sum(p.articles for p in self.pages)
        out.append(f"Tổng cộng: {total} điều từ {len(self.pages) - len(self.failed)} đề mục; "
                   f"{self.changes} thay đổi.")
        return out


def _fallback_document(article: PdArticle, page: PhapdienPage) -> tuple[DocRef, str]:
    """A note we cannot read fully: its first "<loại> số <số ký hiệu>" and "Điều N", if any."""
    match = _LOOSE.search(article.note_raw)
    number = _ARTICLE.search(article.note_raw)
    if match:
        return DocRef(match.group(1), match.group(2)), number.group(1) if number else ""
    return DocRef("Đề mục", f"Pháp điển: {page.title}"), ""


def _merge(refs: Iterable[DocRef]) -> DocRef:
    """One document's metadata from all its notes: the first non-empty value of each field, and
    the effective date most notes give (amended articles may state the amendment's)."""
    refs = list(refs)
    effective = Counter(r.effective_on for r in refs if r.effective_on).most_common(1)
    first = refs[0]
    return DocRef(first.doc_type, first.number, next((r.name for r in refs if r.name), ""),
                  next((r.issued_on for r in refs if r.issued_on), None),
                  next((r.issuer for r in refs if r.issuer), ""), effective[0][0] if effective else None)


def _record(article: PdArticle, page: PhapdienPage, original: str, position: int) -> ArticleRecord:
    note = article.note
    changes = [{"kind": c.kind, "where": c.where, "doc_type": c.document.doc_type, "number": c.document.number,
                "effective_on": c.document.effective_on or ""} for c in (note.changes if note else ())]
    clause = note.clause if note else ""
    return ArticleRecord(
        key=article.key, article=original, title=article.title, paragraphs=article.paragraphs,
        sort_key=sort_key(original, clause, position), clause=clause, phapdien=article.number, page=page.title,
        chapter=article.chapter, section=" · ".join(x for x in (article.section, article.subsection) if x),
        source_note=article.note_raw, note_parsed=note is not None, changes=changes, related=article.related,
        repealed=article.repealed)


def _document_values(doc: DocRef, repealed_any: bool, amended_by: list[str],
                     today: dt.date) -> dict[str, store.Value]:
    status = status_from_dates(doc.effective_on, today)
    if repealed_any and status == "con_hieu_luc":
        status = "het_hieu_luc_mot_phan"  # some of its articles are repealed, say the notes
    values: dict[str, store.Value] = {
        "number": doc.number, "doc_type": doc.doc_type, "name": doc.name,
        "title": registry.title_of(doc.doc_type, doc.name, doc.number),
        "short_title": registry.short_title_of(doc.doc_type, doc.name, doc.number),
        "issuer": doc.issuer, "issued_on": doc.issued_on, "effective_on": doc.effective_on, "status": status,
        "amended_by": ", ".join(amended_by), "is_legal": 1,
        "basis": "Chú thích nguồn của các điều trong Bộ Pháp điển",
    }
    return {k: v for k, v in values.items() if v not in ("", None) or k in ("amended_by",)}


@dataclass
class _Found:
    """What the notes of one run say about a document."""

    refs: list[DocRef] = field(default_factory=list)
    repealed_any: bool = False


def _documents(page: PhapdienPage, into: dict[str, _Found] | None = None) -> dict[str, _Found]:
    """Số ký hiệu → what each note of the page says of that document (added to `into`)."""
    found = into if into is not None else {}
    for article in page.articles:
        doc = article.note.document if article.note else _fallback_document(article, page)[0]
        entry = found.setdefault(doc.number, _Found())
        entry.refs.append(doc)
        entry.repealed_any |= article.repealed
    return found


def import_page(conn: sqlite3.Connection, page: PhapdienPage, *, origin: str = "phap_dien", user: str = IMPORT_USER,
                progress: Progress | None = None, today: dt.date | None = None,
                metadata: dict[str, _Found] | None = None) -> PageReport:
    """Write one parsed page; the caller's transaction (or ours) makes it all-or-nothing.
    `metadata` is each document's metadata merged over every page of the run (a document spans
    pages), so importing the same pages twice writes the same values."""
    today = today or dt.date.today()
    report = PageReport(page.name, page.title, len(page.articles), missing_listed=page.missing_listed(),
                        issues=[(i.line, i.message) for i in page.issues])
    groups: dict[str, list[tuple[PdArticle, str]]] = {}
    found = metadata or _documents(page)
    for article in page.articles:
        if article.note is not None:
            doc, original = article.note.document, article.note.article
        else:
            doc, original = _fallback_document(article, page)
            report.unparsed_notes.append((article.number, article.line, article.note_raw or "(không có)"))
        groups.setdefault(doc.number, []).append((article, original or article.number))
    amenders: dict[str, DocRef] = {}
    with atomic(conn):
        previous = article_store.keys_of_page(conn, page.title)
        existing = article_store.article_digests(conn, [a.key for a in page.articles])
        done = 0
        for number, members in groups.items():
            doc = _merge(found[number].refs)
            key = registry.doc_key(number, number)
            current = store.document_by_key(conn, key)
            # Amendments are history: a page that names fewer of them does not erase the others.
            amended_by = [n for n in str(current["amended_by"] if current else "").split(", ") if n]
            for article, _original in members:
                for change in article.note.changes if article.note else ():
                    amenders.setdefault(change.document.number, change.document)
                    if change.kind != "bãi bỏ" and change.document.number not in amended_by:
                        amended_by.append(change.document.number)
            writable = current is None or _may_write(origin, current["origin"])
            values = _document_values(doc, found[number].repealed_any, amended_by, today)
            values = {**values, **registry.shipped_values(key)} if writable else {}
            doc_id, _created = registry.upsert(conn, key, values, user=user, origin=origin if writable else None)
            row = store.document(conn, doc_id)
            assert row is not None
            label = DocumentLabel(registry.citation_name(row), registry.heading_of(row))
            doc_report = report.documents.setdefault(number, DocumentReport(number, str(row["title"])))
            for position, (article, original) in enumerate(members):
                done += 1
                if not writable:
                    doc_report.kept_upload += 1
                    previous.pop(article.key, None)
                    continue
                outcome = write_article(conn, doc_id, _record(article, page, original, position), label,
                                        existing=existing.get(article.key))
                setattr(doc_report, outcome, getattr(doc_report, outcome) + 1)
                previous.pop(article.key, None)
                if progress and done % 25 == 0:
                    progress(done / max(1, len(page.articles)), f"{page.title}: {done}/{len(page.articles)} điều")
        if previous:
            article_store.delete_articles(conn, previous.values())
            report.removed = len(previous)
        for number, ref in amenders.items():  # amending acts named in notes become registry rows too
            key = registry.doc_key(number, number)
            if store.document_by_key(conn, key) is None:
                values = _document_values(ref, False, [], today) | {
                    "basis": "Được nêu trong chú thích nguồn của Bộ Pháp điển; chưa có toàn văn"}
                registry.upsert(conn, key, values | registry.shipped_values(key), user=user, origin="danh_muc")
        registry.apply_shipped(conn)
    return report


def import_sources(conn: sqlite3.Connection, sources: Iterable[tuple[str, bytes]], *, origin: str = "phap_dien",
                   user: str = IMPORT_USER, progress: Progress | None = None) -> ImportReport:
    """Parse and import each (name, content); a page that fails is reported and the rest go on."""
    parsed: list[PhapdienPage | PageReport] = []
    for name, data in sources:
        try:
            parsed.append(parse_page(data, name))
        except PhapdienError as exc:
            parsed.append(PageReport(name, error=exc.message))
    return import_pages(conn, parsed, origin=origin, user=user, progress=progress)


def import_pages(conn: sqlite3.Connection, parsed: list[PhapdienPage | PageReport], *, origin: str = "phap_dien",
                 user: str = IMPORT_USER, progress: Progress | None = None) -> ImportReport:
    """Import parsed pages (a PageReport stands for a page that failed to parse)."""
    report = ImportReport()
    metadata: dict[str, _Found] = {}
    for page in parsed:
        if isinstance(page, PhapdienPage):
            _documents(page, metadata)
    for index, item in enumerate(parsed):
        def page_progress(fraction: float, message: str, index: int = index) -> None:
            if progress:
                progress((index + fraction) / len(parsed), message)

        if isinstance(item, PageReport):
            report.pages.append(item)
            continue
        report.pages.append(import_page(conn, item, origin=origin, user=user, progress=page_progress,
                                        metadata=metadata))
        page_progress(1.0, f"Xong đề mục “{item.title}”")
    return report


def report_json(report: ImportReport) -> dict[str, object]:
    """The report for a job result (JSON)."""
    return {"lines": report.lines(), "changes": report.changes, "failed": len(report.failed),
            "articles": sum(p.articles for p in report.pages),
            "pages": [{"name": p.name, "title": p.title, "articles": p.articles, "error": p.error,
                       "unparsed_notes": len(p.unparsed_notes), "missing_listed": len(p.missing_listed)}
                      for p in report.pages]}


def dumps(report: ImportReport) -> str:
    return json.dumps(report_json(report), ensure_ascii=False)
