"""`appliance restore SRC`: put a backup made by `appliance backup` back into the data dir.

Order matters so a bad backup never damages a unit: (1) read the manifest, (2) verify every
file's size and sha256 and every database's integrity and row counts, refusing the whole backup
on the first doubt, (3) copy into a staging folder inside the data dir, (4) move into place.
Restoring over existing data needs --force, and the old files are kept aside, not deleted:
outside the data dir (beside it, `<data dir>.truoc-khoi-phuc-<time>`), so no service that may
read part of the data dir (the citizen app reads DATA_DIR/public) ever sees the old copies.
Stop the services first (`systemctl stop 'appliance-*'`): a running writer would keep its old
file open; docs/operations.md gives the order.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from appliance.config import Settings
from appliance.system.backup import (
    FORMAT,
    MANIFEST,
    BackupError,
    copy_hashing,
    sha256_file,
    sync_filesystem,
    table_counts,
)


class RestoreRefused(BackupError):
    """The backup is missing, corrupt or does not match its manifest: nothing was changed."""


@dataclass
class RestoreResult:
    files: int
    databases: int
    kept_aside: Path | None


def load_manifest(src: Path) -> dict[str, object]:
    path = src / MANIFEST
    if not path.is_file():
        raise RestoreRefused(f"Không thấy {MANIFEST} trong {src}: đây không phải bản sao lưu của thiết bị, "
                             "hoặc bản sao lưu chưa ghi xong. Không khôi phục gì cả.")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RestoreRefused(f"Tệp {MANIFEST} bị hỏng ({exc}). Hãy dùng một bản sao lưu khác.") from None
    version = manifest.get("format") if isinstance(manifest, dict) else None
    if version != FORMAT or not isinstance(manifest.get("files"), list):
        raise RestoreRefused(f"Tệp {MANIFEST} không đúng định dạng (phiên bản {version!r}). "
                             "Hãy dùng phiên bản phần mềm đã tạo bản sao lưu này.")
    return manifest


def _safe_rel(rel: str) -> Path:
    path = Path(rel)
    if path.is_absolute() or ".." in path.parts:
        raise RestoreRefused(f"Bản sao lưu chứa đường dẫn không hợp lệ: {rel!r}. Không khôi phục gì cả.")
    return path


def verify(src: Path) -> dict[str, object]:
    """Check every file against the manifest; raise RestoreRefused naming each problem."""
    manifest = load_manifest(src)
    problems: list[str] = []
    files: list[dict[str, object]] = manifest["files"]  # type: ignore[assignment]
    databases: dict[str, dict[str, object]] = manifest.get("databases", {})  # type: ignore[assignment]
    listed = set()
    for entry in files:
        rel = str(entry["path"])
        listed.add(rel)
        path = src / "data" / _safe_rel(rel)
        if not path.is_file():
            problems.append(f"thiếu tệp {rel}")
            continue
        if path.stat().st_size != entry["size"]:
            problems.append(f"tệp {rel} có kích thước {path.stat().st_size} byte, đúng ra phải là {entry['size']}")
            continue
        if sha256_file(path) != entry["sha256"]:
            problems.append(f"tệp {rel} bị hỏng (mã kiểm tra sha256 không khớp)")
            continue
        if rel in databases:
            problems.extend(_verify_database(path, rel, databases[rel]))
    data_root = src / "data"
    if data_root.is_dir():
        for path in data_root.rglob("*"):
            if path.is_file() and path.relative_to(data_root).as_posix() not in listed:
                problems.append(f"tệp lạ không có trong danh mục: {path.relative_to(data_root).as_posix()}")
    if problems:
        shown = "\n  - ".join(problems[:20])
        more = f"\n  … và {len(problems) - 20} lỗi khác" if len(problems) > 20 else ""
        raise RestoreRefused(f"Bản sao lưu {src} không còn nguyên vẹn, không khôi phục gì cả:\n  - {shown}{more}\n"
                             "Hãy dùng một bản sao lưu khác (các bản cũ hơn trên ổ USB/NAS).")
    return manifest


def _verify_database(path: Path, rel: str, expected: dict[str, object]) -> list[str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            counts = table_counts(conn) if check == "ok" else {}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"cơ sở dữ liệu {rel} không mở được ({exc})"]
    if check != "ok":
        return [f"cơ sở dữ liệu {rel} lỗi toàn vẹn: {check}"]
    if counts != expected.get("tables"):
        return [f"cơ sở dữ liệu {rel} có số dòng khác với danh mục"]
    return []


def _move_aside(path: Path, kept: Path) -> None:
    """A rename when the data dir and its parent share a disk; a copy then delete when the data dir is
    a disk of its own (rename cannot cross file systems)."""
    kept.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(path, kept)
    except OSError:
        shutil.move(str(path), kept)


def restore(settings: Settings, src: Path, *, force: bool = False) -> RestoreResult:
    if not src.is_dir():
        raise RestoreRefused(f"Không thấy thư mục sao lưu {src}. Kiểm tra ổ USB/NAS đã được gắn chưa.")
    manifest = verify(src)
    files: list[dict[str, object]] = manifest["files"]  # type: ignore[assignment]
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    existing = [data_dir / str(e["path"]) for e in files if (data_dir / str(e["path"])).exists()]
    if existing and not force:
        raise BackupError(f"Thư mục dữ liệu {data_dir} đã có dữ liệu (ví dụ {existing[0].name}). "
                          "Dừng các dịch vụ rồi chạy lại với --force; dữ liệu cũ sẽ được cất sang một thư mục riêng.")
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    staging = data_dir / f".khoi-phuc-{stamp}"
    aside = data_dir.parent / f"{data_dir.name}.truoc-khoi-phuc-{stamp}" if existing else None
    if aside is not None and not os.access(data_dir.parent, os.W_OK):
        raise BackupError(f"Không ghi được vào {data_dir.parent} để cất dữ liệu cũ ra ngoài thư mục dữ liệu. "
                          "Chạy lệnh với quyền root (sudo) rồi thử lại; chưa có gì thay đổi.")
    staging.mkdir()
    try:
        for entry in files:
            rel = _safe_rel(str(entry["path"]))
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            digest, _size = copy_hashing(src / "data" / rel, target)
            if digest != entry["sha256"]:  # the copy itself went wrong (failing disk, USB pulled)
                raise BackupError(f"Sao chép {rel} bị lỗi (sha256 không khớp sau khi chép). Kiểm tra ổ đĩa.")
        for entry in files:
            rel = _safe_rel(str(entry["path"]))
            final = data_dir / rel
            final.parent.mkdir(parents=True, exist_ok=True)
            if aside is not None and final.exists():
                _move_aside(final, aside / rel)
            for suffix in ("-wal", "-shm", "-journal"):  # stale side files would be replayed onto the restored db
                side = final.with_name(final.name + suffix)
                if side.exists():
                    if aside is not None:
                        _move_aside(side, aside / (rel.as_posix() + suffix))
                    else:
                        side.unlink()
            os.replace(staging / rel, final)
        sync_filesystem(data_dir)  # on the disk before we say "restored" and services start
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return RestoreResult(len(files), len(manifest.get("databases", {})), aside)  # type: ignore[arg-type]
