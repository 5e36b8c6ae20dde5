"""`appliance kb add PATH...`, `kb import-phapdien FILE|DIR`, `kb list`, `kb status ID STATUS`,
`kb eval` (recall@5 and MRR@10 over the shipped questions), `kb build-starter DIR` (the shipped
starter library, rebuilt from the Pháp điển pages)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.knowledge import starter
from appliance.knowledge.documents import list_documents
from appliance.knowledge.evaluation import evaluate
from appliance.knowledge.extract import SUFFIXES, IngestError
from appliance.knowledge.ingest import add_path, set_status
from appliance.knowledge.phapdien_import import import_sources
from appliance.knowledge.validity import STATUSES, label
from appliance.knowledge.vectors import request_embedding

PAGE_SUFFIXES = (".md", ".html", ".htm")


def _paths(items: list[str], suffixes: set[str] | tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes))
        else:
            out.append(path)
    return out


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    failed = 0
    paths = _paths(args.paths, SUFFIXES)
    for path in paths:
        try:
            print(add_path(conn, path, added_by="cli").message())
        except IngestError as exc:
            failed += 1
            print(f"LỖI: {exc.message}")
    if failed < len(paths):
        request_embedding(conn)
    conn.close()
    return 1 if failed else 0


def cmd_import_phapdien(args: argparse.Namespace, settings: Settings) -> int:
    paths = _paths(args.paths, PAGE_SUFFIXES)
    missing = [p for p in paths if not p.is_file()]
    if missing or not paths:
        print(f"LỖI: không tìm thấy trang Pháp điển nào ở {', '.join(str(p) for p in missing or args.paths)}.")
        return 1
    conn = connect(settings.db_path)
    migrate(conn)

    def progress(fraction: float, message: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{fraction * 100:5.1f}% {message[:70]:70}", end="", file=sys.stderr, flush=True)

    report = import_sources(conn, [(p.name, p.read_bytes()) for p in paths], user="cli", progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    for line in report.lines():
        print(line)
    if report.changes:
        request_embedding(conn)
    conn.close()
    return 1 if report.failed else 0


def cmd_build_starter(args: argparse.Namespace, settings: Settings) -> int:
    pages = Path(args.pages)
    if not pages.is_dir():
        print(f"LỖI: không có thư mục {pages}.")
        return 1
    dump, counts = starter.build(pages, source=args.source)
    target = Path(args.output) if args.output else starter.DUMP_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(dump)
    for name, count in counts.items():
        print(f"{name}: {count} điều")
    print(f"Đã ghi {target} ({len(dump) / 1024:.0f} KB, {sum(counts.values())} điều).")
    return 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    for doc in list_documents(conn, by_id=True):
        text = f"{doc.article_count} điều, {doc.chunk_count} đoạn" if doc.chunk_count else "chưa có toàn văn"
        print(f"{doc.id:>4}  {doc.short_title}  [{label(doc.status)}]  {text}")
    conn.close()
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    ok = set_status(conn, args.doc_id, args.status, args.note or "", user="cli")
    conn.close()
    print("Đã cập nhật tình trạng hiệu lực." if ok else "Không tìm thấy văn bản.")
    return 0 if ok else 1


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    report = evaluate(conn)
    print(f"{report.questions} câu hỏi: recall@5 = {report.recall_at_5:.3f}, MRR@10 = {report.mrr_at_10:.3f}")
    for question, expected, got in report.misses:
        print(f"  trượt: {question} → cần {expected}, được {got}")
    conn.close()
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg, unused-ignore]
    kb = sub.add_parser("kb", help="kho văn bản pháp luật và tài liệu tra cứu")
    kb_sub = kb.add_subparsers(dest="kb_command", required=True)
    add = kb_sub.add_parser("add", help="thêm hoặc cập nhật văn bản (PDF, DOCX, DOC, ảnh, TXT, MD, HTML; thư mục được)")
    add.add_argument("paths", nargs="+")
    add.set_defaults(handler=cmd_add)
    imp = kb_sub.add_parser("import-phapdien", help="nhập các trang đề mục Bộ Pháp điển (tệp .md/.html hoặc thư mục)")
    imp.add_argument("paths", nargs="+")
    imp.set_defaults(handler=cmd_import_phapdien)
    build = kb_sub.add_parser("build-starter", help="dựng lại thư viện khởi đầu từ các trang Pháp điển")
    build.add_argument("pages", help="thư mục các trang (../shared/legal/phapdien)")
    build.add_argument("--output", help="tệp ghi ra (mặc định: thư viện kèm theo gói)")
    build.add_argument("--source", default="", help="ghi chú nguồn các trang (kho, commit)")
    build.set_defaults(handler=cmd_build_starter)
    lst = kb_sub.add_parser("list", help="liệt kê văn bản trong kho")
    lst.set_defaults(handler=cmd_list)
    status = kb_sub.add_parser("status", help="đặt tình trạng hiệu lực của một văn bản")
    status.add_argument("doc_id", type=int)
    status.add_argument("status", choices=sorted(STATUSES))
    status.add_argument("--note", help="ghi chú, ví dụ văn bản thay thế")
    status.set_defaults(handler=cmd_status)
    ev = kb_sub.add_parser("eval", help="đo recall@5 và MRR@10 trên bộ câu hỏi mẫu")
    ev.set_defaults(handler=cmd_eval)
