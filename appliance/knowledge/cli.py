"""`appliance kb add PATH...`, `appliance kb list`, `appliance kb status ID STATUS`,
`appliance kb eval` (recall@5 and MRR@10 over the shipped questions)."""

from __future__ import annotations

import argparse
from pathlib import Path

from appliance.config import Settings
from appliance.db import connect, migrate
from appliance.knowledge.documents import list_documents
from appliance.knowledge.evaluation import evaluate
from appliance.knowledge.extract import SUFFIXES, IngestError
from appliance.knowledge.ingest import add_path, set_status
from appliance.knowledge.structure import STATUSES
from appliance.knowledge.vectors import request_embedding


def _paths(items: list[str]) -> list[Path]:
    out: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES))
        else:
            out.append(path)
    return out


def cmd_add(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    failed = 0
    for path in _paths(args.paths):
        try:
            print(add_path(conn, path, added_by="cli").message())
        except IngestError as exc:
            failed += 1
            print(f"LỖI: {exc.message}")
    if failed < len(args.paths):
        request_embedding(conn)
    conn.close()
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    for doc in list_documents(conn, by_id=True):
        print(f"{doc.id:>4}  {doc.short_title}  [{STATUSES.get(doc.status, doc.status)}]  {doc.chunk_count} đoạn")
    conn.close()
    return 0


def cmd_status(args: argparse.Namespace, settings: Settings) -> int:
    conn = connect(settings.db_path)
    migrate(conn)
    ok = set_status(conn, args.doc_id, args.status, args.note or "")
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
    add = kb_sub.add_parser("add", help="thêm hoặc cập nhật văn bản (PDF, DOCX, TXT, MD, HTML; thư mục được)")
    add.add_argument("paths", nargs="+")
    add.set_defaults(handler=cmd_add)
    lst = kb_sub.add_parser("list", help="liệt kê văn bản trong kho")
    lst.set_defaults(handler=cmd_list)
    status = kb_sub.add_parser("status", help="đặt tình trạng hiệu lực của một văn bản")
    status.add_argument("doc_id", type=int)
    status.add_argument("status", choices=sorted(STATUSES))
    status.add_argument("--note", help="ghi chú, ví dụ văn bản thay thế")
    status.set_defaults(handler=cmd_status)
    ev = kb_sub.add_parser("eval", help="đo recall@5 và MRR@10 trên bộ câu hỏi mẫu")
    ev.set_defaults(handler=cmd_eval)
