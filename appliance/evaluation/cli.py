"""`appliance eval`: the project's evaluation sets through each model-backed path, against any
OpenAI-compatible server (`--engines-url`) or the unit's own generator, next to the fallback."""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

from appliance.config import Settings
from appliance.engines import engine
from appliance.engines.base import Generator
from appliance.engines.client import EnginesClient, EnginesError
from appliance.engines.remote import HINTS, RemoteGenerator
from appliance.evaluation.model import EvalContext, Variant
from appliance.evaluation.registry import SETS, find
from appliance.evaluation.report import evaluate, markdown, write

log = logging.getLogger(__name__)


def remote_generator(url: str, timeout_s: float) -> RemoteGenerator:
    """The chat model of an OpenAI-compatible server (a model named for chat when it lists several)."""
    client = EnginesClient(url, timeout=timeout_s)
    models = client.models(timeout=10.0)
    if not models:
        raise EnginesError(404, "máy chủ không có mô hình nào")
    listed = [m for m in models if m.get("task") == "generator"]
    named = [m for m in models if any(h in str(m.get("id", "")).lower() for h in HINTS["generator"])]
    chosen = str((listed or named or models)[0]["id"])
    client.model = chosen
    return RemoteGenerator(client, "generator", chosen)


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    if args.list:
        for eval_set in SETS:
            print(f"{eval_set.key:32} {eval_set.kind:18} {eval_set.label}")
        return 0
    if args.source:
        sys.path.insert(0, str(Path(args.source).resolve()))
    try:
        sets = find(args.sets)
    except KeyError as exc:
        print(f"Lỗi: {exc.args[0]}", file=sys.stderr)
        return 2
    generator: Generator | None = None
    if args.engines_url:
        try:
            generator = remote_generator(args.engines_url, args.timeout)
        except Exception as exc:  # an unreachable server is the technician's first finding: say it plainly
            print(f"Lỗi: không dùng được máy chủ mô hình {args.engines_url}: {exc}", file=sys.stderr)
            return 1
    elif not args.fallback_only:
        generator = engine(settings, "generator")
    variants: tuple[Variant, ...] = ("fallback",) if args.fallback_only else ("fallback", "model")
    out = Path(args.out) if args.out else settings.data_dir / "eval"
    with tempfile.TemporaryDirectory(prefix="appliance-eval-") as scratch:
        ctx = EvalContext(settings.model_copy(update={"data_dir": Path(scratch) / "data"}), Path(scratch))
        report = evaluate(sets, ctx, generator, variants)
    json_path, md_path = write(report, out)
    print(markdown(report))
    print(f"Đã ghi báo cáo: {md_path} và {json_path}")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("eval", help="đánh giá các chức năng dùng mô hình trên các bộ đánh giá "
                                     "(báo cáo Markdown + JSON)")
    ev.add_argument("--engines-url", help="máy chủ OpenAI-compatible cần đánh giá, ví dụ http://10.0.0.5:8000/v1 "
                                          "(mặc định: mô hình sinh văn bản của thiết bị này)")
    ev.add_argument("--fallback-only", action="store_true", help="chỉ đo phương án dự phòng (không gọi mô hình)")
    ev.add_argument("--sets", nargs="*", metavar="BỘ", help="chỉ chạy các bộ này (tên hoặc tiền tố, ví dụ citizen)")
    ev.add_argument("--out", help="thư mục ghi báo cáo (mặc định DATA_DIR/eval)")
    ev.add_argument("--source", help="thư mục mã nguồn chứa tests/ (bộ đánh giá có nhãn)")
    ev.add_argument("--timeout", type=float, default=120.0, help="giới hạn mỗi yêu cầu HTTP tới máy chủ, giây")
    ev.add_argument("--list", action="store_true", help="liệt kê các bộ đánh giá rồi thoát")
    ev.set_defaults(handler=cmd_eval)
