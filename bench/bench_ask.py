"""Question box: median answer time with the parser on 100,000 records as a ratio of running the
same final SQL directly (target ≤ 1.5×), and accuracy per engine on the evaluation set."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
from pathlib import Path

from appliance.engines.base import Generator
from bench.bench_eval import fallback_figures
from bench.common import median_ms, report, timings

QUESTIONS = [
    "Tháng này phường tiếp nhận bao nhiêu hồ sơ, đúng hạn bao nhiêu phần trăm?",
    "ty le dung han quy 3 theo linh vuc",
    "Có bao nhiêu hồ sơ quá hạn chưa giải quyết?",
    "Thủ tục nào tiếp nhận nhiều hồ sơ nhất từ đầu năm?",
    "So sánh số hồ sơ tiếp nhận tháng này với tháng trước",
    "Xu hướng hồ sơ tiếp nhận theo tháng năm 2026",
    "Tháng 10/2026, lĩnh vực Hộ tịch tiếp nhận bao nhiêu hồ sơ?",
    "can bo nao giai quyet nhieu ho so nhat thang truoc",
    "tiep nhna bao nhieu ho so thang 9",
    "Thời gian giải quyết trung bình lĩnh vực Đất đai năm 2026",
]


def _llm_accuracy(db: Path, today: dt.date, generator: Generator) -> tuple[int, int]:
    """The model writing SQL for every question of the set (the parser never answers here)."""
    from appliance.ask import guard, llm
    from appliance.ask.service import catalog_for
    from tests.ask.cases import CASES
    from tests.ask.reference import Reference
    from tests.ask.test_eval import rows_match

    reference = Reference(_DATA, today)
    catalog = catalog_for(db)
    names = {"ten_thu_tuc": catalog.procedures, "linh_vuc": catalog.fields, "can_bo_xu_ly": catalog.officers,
             "chi_tieu": catalog.indicators}
    right = 0
    for question, expected, mode in CASES:
        sql = llm.write_sql(generator, question, today.isoformat(), names)
        try:
            rows = guard.run(db, guard.validate(sql)).rows if isinstance(sql, str) else None
        except (guard.UnsafeSQL, guard.QueryFailed):
            rows = None
        right += rows is not None and rows_match(rows, expected(reference), mode)
    return right, len(CASES)


_DATA: dict = {}


def _spec_sets(folder: Path) -> None:
    """Right / unsure / confidently wrong on the sets written from the KPI definitions, graded on the
    demo ward (anchor 20/11/2026) against tests/ask/spec_reference.py: the development sets (tuned
    on), the blind held-out set, and every blind batch of tests/ask/test_blind_sets.py — its training half
    (tuned on: in-sample) and its fresh half (frozen, never tuned on: held-out)."""
    from appliance.config import Settings
    from appliance.demo.loader import load_demo
    from tests.ask import spec_eval
    from tests.ask.test_blind_sets import SETS

    settings = Settings(data_dir=folder)
    load_demo(settings, anchor=spec_eval.TODAY)
    sets = [("phát triển (dev, người ngoài viết)", spec_eval.DEV),
            ("phát triển (họ câu hỏi của người làm)", spec_eval.DEV.parent / "own_leader_questions.toml"),
            ("giữ lại (held-out, viết mù; đã đọc từ phiên 7)", spec_eval.HELDOUT)]
    for name, blind in SETS.items():
        half = "nửa mới (đóng băng, chưa sửa theo)" if blind.fresh else "nửa huấn luyện (đã sửa theo)"
        sets.append((f"lô viết mù {blind.session.replace('session', 'phiên')}, {half} [{name}]", blind.path))
    print("  Hộp câu hỏi trên các bộ viết mù: đúng / chưa chắc / sai mà tự tin (mục tiêu trên bộ mới: đúng ≥ 85 %, "
          "sai ≤ 1 %)")
    for name, path in sets:
        print("  " + spec_eval.evaluate(settings.db_path, spec_eval.load(path)).line(name), flush=True)


def main() -> None:
    from appliance.ask.service import answer_question
    from appliance.config import Settings
    from appliance.db import connect_readonly
    from tests.ask import data as gen

    today = gen.TODAY
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "appliance.db"
        _DATA.update(gen.build(db, records=100_000, feedback=2_000))
        print(f"Dữ liệu: {len(_DATA['records']):,} hồ sơ, {len(_DATA['feedback']):,} phản ánh")
        conn = connect_readonly(db)
        parser_medians, sql_medians = [], []
        for question in QUESTIONS:
            result = answer_question(db, question, today=today, use_llm=False)
            assert result.status == "ok", (question, result.answer)
            sql = result.sql
            t_parser = median_ms(timings(lambda q=question: answer_question(db, q, today=today, use_llm=False),
                                         repeat=25))
            t_sql = median_ms(timings(lambda s=sql: conn.execute(s).fetchall(), repeat=25))
            parser_medians.append(t_parser)
            sql_medians.append(t_sql)
            print(f"  {t_parser:7.2f} ms vs SQL {t_sql:7.2f} ms ({t_parser / t_sql:4.2f}×)  {question}")
        conn.close()
        report("Trả lời câu hỏi bằng bộ phân tích (trung vị các câu hỏi) so với chạy thẳng SQL cuối cùng",
               statistics.median(parser_medians), statistics.median(sql_medians), target=1.5)
        report("Tổng thời gian 10 câu hỏi (bộ phân tích) so với tổng thời gian SQL",
               sum(parser_medians), sum(sql_medians), target=1.5)

        # Accuracy per engine, on the evaluation set's own (smaller) generated ward: the parser's
        # figure is computed by the same code as `appliance eval` (bench_eval.fallback_figures).
        small = Path(tmp) / "eval.db"
        _DATA.clear()
        _DATA.update(gen.build(small))
        rules = fallback_figures(["ask.cases"])["ask.cases"]
        print(f"Độ chính xác — bộ phân tích (rules): {rules.right}/{rules.items} = {100 * rules.accuracy:.1f}%")
        print(f"  trong mẫu (tests/ask/cases.py): đúng {rules.right}, chưa chắc {rules.unsure}, sai mà tự tin "
              f"{rules.wrong} trên {rules.items}")
        _spec_sets(Path(tmp) / "demo")
        from appliance.engines import engine

        generator = engine(Settings(data_dir=Path(tmp) / "data"), "generator")
        if generator is None:
            print("Độ chính xác — mô hình ngôn ngữ (llm): không đo được, chưa cài mô hình sinh văn bản")
        else:
            right, total = _llm_accuracy(small, today, generator)
            print(f"Độ chính xác — mô hình ngôn ngữ (llm, {generator.name}): {right}/{total} "
                  f"= {100 * right / total:.1f}%")
