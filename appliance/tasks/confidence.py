"""How sure the rules engine is of a task it proposes, and what the secretary should check first.

Every proposal waits for the secretary's confirmation; this only sorts them. A task said as a directive
("giao…", "đề nghị…", "yêu cầu…", "phân công…") to a person or unit of the directory, with a deadline, is
firm; one whose assignee was inferred from the dialogue (a pronoun answering a question, an order without
a subject to whoever spoke last), a name outside the directory or a voice nobody named is shown as
"cần xác nhận" with the reasons. The weights are evidence counts, not fitted probabilities: on the
development sets the proposals below `THRESHOLD` were right less often than the others (docs/meetings.md,
"Task extraction", has the figures on the held-out set).
"""

from __future__ import annotations

from dataclasses import dataclass

THRESHOLD = 0.6


@dataclass(frozen=True)
class Evidence:
    how: str                # named | unit | first (volunteering) | second | called (vocative) | told (no subject)
                            # | model (a sentence only the fitted sentence model read as giving work)
    directed: bool          # a directive word before the assignee
    kind: str               # the assignee: staff | unit | said (not in the directory) | voice (nobody named it)
    deadline: bool
    restated: bool = False  # spoken of again: accepted, recapped, its deadline agreed


def assess(evidence: Evidence) -> tuple[float, str]:
    """(confidence in 0..1, what to check — Vietnamese, empty when the proposal is firm)."""
    score, reasons = _weigh(evidence)
    return score, (reasons if score < THRESHOLD else "")


def doubts(evidence: Evidence) -> str:
    """What the secretary should check, whatever the score ("" when nothing is doubtful)."""
    return _weigh(evidence)[1]


def _weigh(evidence: Evidence) -> tuple[float, str]:
    score = 0.6
    found: list[str] = []
    if evidence.directed:
        score += 0.2
    if evidence.deadline:
        score += 0.1
    else:
        found.append("không nghe thấy hạn")
    if evidence.restated:
        score += 0.1
    if evidence.kind == "voice":
        score -= 0.35
        found.append("chưa rõ người nhận (giọng nói chưa được gán tên)")
    elif evidence.kind == "said":
        score -= 0.25
        found.append("người nhận không có trong danh bạ phường")
    if evidence.how in ("second", "told"):
        score -= 0.25
        found.append("người nhận suy ra từ lời đối đáp, không được gọi tên")
    elif evidence.how == "called":
        score -= 0.1
        found.append("việc nói trước, tên người nhận nói sau")
    elif evidence.how == "model":
        score -= 0.25
        found.append("câu được mô hình học nhận là giao việc, quy tắc không nhận ra")
    elif evidence.how == "first" and not evidence.restated:
        score -= 0.1
        found.append("người nói tự nhận việc, chưa thấy lãnh đạo đồng ý")
    score = round(min(0.99, max(0.05, score)), 2)
    return score, "; ".join(found)
