"""The evaluation sets, and the kinds of path they measure.

A set plugs in by one `EvalSet` line in SETS (or `register(EvalSet(...))`): a key, the kind of path
it measures and where its items come from. The items of the project's labelled sets live in the
source tree's `tests/` package; `from_tests("tests.citizen.cases", "HELD_OUT_QUESTIONS")` loads
them when the set runs. A new held-out set written in the shape of an existing kind needs nothing
else; a new kind is a scorer (items, context, generator) → [Trial] in kinds.py / kinds_text.py and
one KINDS row.

    EvalSet("citizen.paraphrases", "procedure", "câu hỏi viết lại bởi người chưa xem bộ từ khóa",
            from_tests("tests.citizen.paraphrases", "PARAPHRASES"))
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from appliance.config import REPO_ROOT
from appliance.evaluation import kinds, kinds_citizen, kinds_spec, kinds_text
from appliance.evaluation.model import Runner
from appliance.knowledge.evaluation import load_questions

Loader = Callable[[], Sequence[object]]


@dataclass(frozen=True)
class Kind:
    feature: str  # the path measured, as the report names it
    run: Runner
    model_path: bool  # whether the product has a model-backed path for it (else only the fallback runs)


KINDS: dict[str, Kind] = {
    "ask": Kind("Hộp câu hỏi số liệu (bộ phân tích / mô hình viết SQL)", kinds.ask_questions, True),
    "ask_spec": Kind("Hộp câu hỏi số liệu: câu viết từ định nghĩa chỉ tiêu, chấm theo số liệu tính độc lập",
                     kinds_spec.spec_questions, True),
    "ask_unanswerable": Kind("Hộp câu hỏi: câu không có số liệu để trả lời", kinds.ask_unanswerable, True),
    "procedure": Kind("Hiểu câu hỏi thủ tục của công dân", kinds.procedure_questions, False),
    "complaint": Kind("Phân loại phản ánh", kinds.complaints, False),
    "citizen_intent": Kind("Trò chuyện công dân: câu hỏi hay phản ánh", kinds_citizen.question_or_complaint, True),
    "citizen_procedure": Kind("Trò chuyện công dân: đúng thủ tục", kinds_citizen.procedure, True),
    "citizen_category": Kind("Trò chuyện công dân: lĩnh vực phản ánh (bộ phận nhận)", kinds_citizen.complaint_category,
                             True),
    "tasks": Kind("Trích nhiệm vụ từ lời họp", kinds.meeting_tasks, False),
    "summary": Kind("Tóm tắt văn bản (điểm căn cứ)", kinds_text.summaries, True),
    "assistant": Kind("Trợ lý pháp lý (trích dẫn đúng điều)", kinds_text.assistant, True),
    "draft": Kind("Nội dung dự thảo văn bản (định dạng, căn cứ)", kinds_text.draft_bodies, True),
}
# Paths the issue asks to measure that have no evaluation set yet: listed in every report.
PENDING: dict[str, str] = {
    "minutes": ("Biên bản họp: đo trên bộ lời họp giữ lại bằng tests/meetings/minutes_eval.py (make bench, "
                "bench_meetings); chưa nối vào lệnh này."),
}


@dataclass(frozen=True)
class EvalSet:
    key: str
    kind: str  # a key of KINDS
    label: str  # what the set is, in Vietnamese
    load: Loader

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"{self.key}: unknown kind {self.kind!r} (one of {', '.join(KINDS)})")


class SetUnavailable(RuntimeError):
    """The set's items cannot be loaded here (e.g. `tests/` is not on this unit)."""


def _test_module(module: str) -> ModuleType:
    """A module of the source tree's `tests/` package (test data is not installed on a unit)."""
    if str(REPO_ROOT) not in sys.path and (REPO_ROOT / "tests").is_dir():
        sys.path.insert(0, str(REPO_ROOT))
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise SetUnavailable(f"không nạp được {module} ({exc}); chạy lệnh trong thư mục mã nguồn "
                             "hoặc chỉ ra thư mục đó bằng --source") from exc


def from_tests(module: str, attribute: str) -> Loader:
    """Items held in the source tree (`tests/…`), imported when the set runs."""
    def load() -> Sequence[object]:
        loaded = _test_module(module)
        if not hasattr(loaded, attribute):
            raise SetUnavailable(f"{module} không có {attribute}")
        return list(getattr(loaded, attribute))
    return load


def leader_spec_set(folder: str, name: str) -> Loader:
    """The leaders' questions of tests/ask/FOLDER/NAME, written from the KPI definitions only."""
    def load() -> Sequence[object]:
        spec_eval = _test_module("tests.ask.spec_eval")
        return list(spec_eval.load(Path(str(spec_eval.__file__)).parent / folder / name))
    return load


SETS: list[EvalSet] = [
    EvalSet("ask.cases", "ask", "câu hỏi của lãnh đạo có đáp án tính từ dữ liệu (tests/ask/cases.py)",
            from_tests("tests.ask.cases", "CASES")),
    EvalSet("ask.held_out", "ask_spec", "câu hỏi lãnh đạo viết mù, giữ lại, không dùng để tinh chỉnh "
            "(tests/ask/heldout/leader_questions.toml)", leader_spec_set("heldout", "leader_questions.toml")),
    EvalSet("ask.dev", "ask_spec",
            "câu hỏi lãnh đạo để phát triển, người ngoài viết (tests/ask/dev/leader_questions.toml)",
            leader_spec_set("dev", "leader_questions.toml")),
    EvalSet("ask.unanswerable", "ask_unanswerable", "câu hỏi không có số liệu để trả lời (tests/ask/cases.py)",
            from_tests("tests.ask.cases", "UNANSWERABLE")),
    EvalSet("citizen.questions", "procedure", "câu hỏi của công dân (tests/citizen/cases.py)",
            from_tests("tests.citizen.cases", "QUESTIONS")),
    EvalSet("citizen.questions_held_out", "procedure", "câu hỏi công dân giữ lại, không dùng để tinh chỉnh",
            from_tests("tests.citizen.cases", "HELD_OUT_QUESTIONS")),
    EvalSet("complaints", "complaint", "phản ánh có nhãn lĩnh vực (tests/citizen/cases.py)",
            from_tests("tests.citizen.cases", "COMPLAINTS")),
    EvalSet("complaints.held_out", "complaint", "phản ánh giữ lại, không dùng để tinh chỉnh",
            from_tests("tests.citizen.cases", "HELD_OUT_COMPLAINTS")),
    *(EvalSet(f"citizen.chat.{view}.{part}", kind, f"{what}, {label}", from_tests("tests.citizen.sets", attr))
      for view, kind, what in (("intent", "citizen_intent", "câu hỏi hay phản ánh"),
                               ("procedure", "citizen_procedure", "đúng thủ tục"),
                               ("category", "citizen_category", "lĩnh vực phản ánh"))
      for part, attr, label in (("dev", "DEV", "bộ phát triển người ngoài viết (tests/citizen/dev)"),
                                ("held_out", "HELD_OUT", "bộ giữ lại người ngoài viết mù, không dùng để tinh chỉnh "
                                 "(tests/citizen/heldout)"))),
    EvalSet("tasks.extraction", "tasks", "lời họp với các nhiệm vụ có người nhận và hạn (tests/tasks/eval_data.py)",
            from_tests("tests.tasks.eval_data", "CASES")),
    EvalSet("knowledge.summaries", "summary", "các văn bản của thư viện pháp luật đi kèm",
            kinds_text.library_documents),
    EvalSet("knowledge.assistant", "assistant",
            "câu hỏi pháp lý có điều luật đáp án (knowledge/data/eval_questions.toml)", load_questions),
    EvalSet("drafting.bodies", "draft", "yêu cầu soạn văn bản của cán bộ (tests/drafting/eval_cases.py)",
            from_tests("tests.drafting.eval_cases", "REQUESTS")),
]


def register(new: EvalSet) -> None:
    """Add a set (a module that defines one calls this at import)."""
    if any(s.key == new.key for s in SETS):
        raise ValueError(f"evaluation set {new.key!r} is already registered")
    SETS.append(new)


def find(keys: Sequence[str] | None = None) -> list[EvalSet]:
    """The sets to run: all, or those whose key is given or starts with a given prefix ("citizen")."""
    if not keys:
        return list(SETS)
    chosen = [s for s in SETS if any(s.key == k or s.key.startswith(f"{k}.") for k in keys)]
    unknown = [k for k in keys if not any(s.key == k or s.key.startswith(f"{k}.") for s in SETS)]
    if unknown:
        raise KeyError(f"không có bộ đánh giá: {', '.join(unknown)} (có: {', '.join(s.key for s in SETS)})")
    return chosen
