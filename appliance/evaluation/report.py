"""Running the sets through the fallback and the model, and the report: JSON for machines,
Markdown for the technician, the city or the lead (Vietnamese, numbers written 1.234,5)."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from appliance.config import Settings
from appliance.engines.base import Generator
from appliance.evaluation.model import EvalContext, Score, Variant, score
from appliance.evaluation.registry import KINDS, PENDING, EvalSet, SetUnavailable
from appliance.text.formatting import format_number, format_percent

log = logging.getLogger(__name__)


@dataclass
class SetResult:
    set: EvalSet
    scores: dict[Variant, Score] = field(default_factory=dict)
    notes: dict[Variant, str] = field(default_factory=dict)  # why a variant did not run

    def as_dict(self) -> dict[str, object]:
        kind = KINDS[self.set.kind]
        return {"key": self.set.key, "kind": self.set.kind, "feature": kind.feature, "label": self.set.label,
                **{v: (self.scores[v].as_dict() if v in self.scores else None) for v in ("fallback", "model")},
                "notes": dict(self.notes)}


@dataclass
class Report:
    model: str | None  # the generator's name, None without one
    started: str
    results: list[SetResult]
    pending: dict[str, str]

    def as_dict(self) -> dict[str, object]:
        return {"created": self.started, "model": self.model, "sets": [r.as_dict() for r in self.results],
                "pending": self.pending}


def fallback_scores(sets: Sequence[EvalSet], scratch: Path, settings: Settings | None = None) -> dict[str, Score]:
    """The fallback engines' scores per set key: what `make bench` prints and `appliance eval` writes."""
    ctx = EvalContext(settings or Settings(data_dir=scratch / "data"), scratch)
    report = evaluate(sets, ctx, None, ("fallback",))
    return {r.set.key: r.scores["fallback"] for r in report.results if "fallback" in r.scores}


def evaluate(sets: Sequence[EvalSet], ctx: EvalContext, generator: Generator | None,
             variants: Sequence[Variant] = ("fallback", "model")) -> Report:
    started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    results: list[SetResult] = []
    for eval_set in sets:
        kind = KINDS[eval_set.kind]
        result = SetResult(eval_set)
        results.append(result)
        try:
            items = eval_set.load()
        except SetUnavailable as exc:
            result.notes = {"fallback": str(exc), "model": str(exc)}
            continue
        for variant in variants:
            if variant == "model" and not kind.model_path:
                result.notes[variant] = "không có đường dùng mô hình cho chức năng này"
                continue
            if variant == "model" and generator is None:
                result.notes[variant] = "không có mô hình ngôn ngữ (dùng --engines-url hoặc cài mô hình)"
                continue
            log.info("evaluating %s (%s, %d items)", eval_set.key, variant, len(items))
            result.scores[variant] = score(kind.run(items, ctx, generator if variant == "model" else None))
    return Report(generator.name if generator is not None else None, started, results, dict(PENDING))


def _pct(part: int, whole: int) -> str:
    return format_percent(100 * part / whole if whole else None, 1)


def _rate(value: float | None) -> str:
    return "—" if value is None else format_percent(100 * value, 1)


def markdown(report: Report) -> str:
    lines = ["# Đánh giá các chức năng dùng mô hình", "",
             f"Thời điểm: {report.started}. Mô hình: {report.model or 'không có (chỉ đo phương án dự phòng)'}.", "",
             "Đúng / chưa chắc / sai theo từng bộ; «dự phòng thay» là số mục mô hình không dùng được và phương án "
             "dự phòng đã trả lời; «căn cứ» là tỷ lệ câu do máy viết giữ lại qua kiểm tra căn cứ; độ trễ là cả "
             "chức năng, mili giây.", "",
             "| Chức năng | Bộ | Đường | Số mục | Đúng | Chưa chắc | Sai | Dự phòng thay | Căn cứ | Định dạng "
             "| p50 | p95 | token/s |",
             "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    paths: tuple[tuple[Variant, str], ...] = (("fallback", "dự phòng"), ("model", "mô hình"))
    for result in report.results:
        feature = KINDS[result.set.kind].feature
        for variant, label in paths:
            s = result.scores.get(variant)
            if s is None and variant not in result.notes:
                continue  # not asked for (--fallback-only)
            if s is None:
                lines.append(f"| {feature} | `{result.set.key}` | {label} | | | | | | | | | | "
                             f"{result.notes.get(variant, '')} |")
                continue
            lines.append(
                f"| {feature} | `{result.set.key}` | {label} | {s.items} | {s.right} ({_pct(s.right, s.items)}) | "
                f"{s.unsure} | {s.wrong} | {s.fell_back} | {_rate(s.grounding_rate)} | {_rate(s.format_rate)} | "
                f"{format_number(s.p50_ms, 1)} | {format_number(s.p95_ms, 1)} | "
                f"{format_number(s.tokens_per_s, 1) if s.tokens_per_s else '—'} |")
    failures = [(r.set.key, s.failures) for r in report.results for s in [r.scores.get("model")] if s and s.failures]
    if failures:
        lines += ["", "## Lỗi của mô hình (theo loại)", ""]
        lines += [f"- `{key}`: " + ", ".join(f"{reason} {count}" for reason, count in sorted(f.items()))
                  for key, f in failures]
    misses = [(r.set.key, v, m) for r in report.results for v, s in r.scores.items() for m in s.misses[:5]]
    if misses:
        lines += ["", "## Một số mục chưa đúng", ""]
        lines += [f"- `{key}` ({'mô hình' if v == 'model' else 'dự phòng'}): {m}" for key, v, m in misses]
    if report.pending:
        lines += ["", "## Chưa đo được", ""] + [f"- {text}" for text in report.pending.values()]
    return "\n".join(lines) + "\n"


def write(report: Report, folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    json_path, md_path = folder / "eval-report.json", folder / "eval-report.md"
    json_path.write_text(json.dumps(report.as_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
    md_path.write_text(markdown(report), encoding="utf-8")
    return json_path, md_path
