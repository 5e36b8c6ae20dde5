"""Session 14: what the classifier's cue phrases and a message's own manner add to the complaint model's decision.

- The complaint model's bar read beside the cue phrases (data/feedback_classifier.toml, the team's own words, which no
  outside writer's batch taught): session 14's pair (`SESSION14_COMPLAINT_AGREEMENT`, off by rule R1, retired in
  session 16; its bars stay in data/thresholds.toml for complaint_decision.py) and session 15's below.
- `SESSION14_PRAISE`: a message that praises someone ("cho tôi khen các chiến sĩ…", "đề nghị biểu dương bác…",
  "cảm ơn chị … đã hướng dẫn tận tình") is filed under "khac", whatever department the praised person works in: the
  outside writers (four of them, each on their own) filed praise there, and the model, reading the praised work's
  words, routed two of them to that work's department at 0.91 and 0.92.

Session 15 (docs/citizen.md, "Session 15"): session 14's pair re-chosen over eight blind batches (session 14's half
too) by a rule that asks fewer wrong departments, each side its own flag. Only for SESSION12's bar (SESSION15's design
is SESSION12's with one more batch):
- `SESSION15_COMPLAINT_BAR`: where the cue phrases name the model's best category, the bar is
  `complaint_model_session15_agree` (0.74: a little lower; two readings agree).
- `SESSION15_TWO_CATEGORIES`: where they name another category, the complaint touches two (the words of one, the
  model's reading of another) and the bar is `complaint_model_session15_disagree` (0.82): below it the complaint
  waits "chờ phân loại" rather than be told a department that may be the wrong one.
"""

from __future__ import annotations

import re

from appliance.citizen.classify import CATEGORIES, FeedbackClassifier
from appliance.citizen.matching import tokens
from appliance.citizen.understanding import thresholds

SESSION14_PRAISE = True
# Both off by rule R1 (docs/citizen.md, "Session 15").
SESSION15_COMPLAINT_BAR = False
SESSION15_TWO_CATEGORIES = False
AGREEMENT_KEY = "complaint_model_session12"  # the bar the agree / disagree pair was chosen against

# Folded words. "khen" but not "khen thưởng" of a record (huân chương, kháng chiến: chính sách xã hội); "biểu dương";
# thanks to a person for what they did ("cảm ơn chị Hạnh … đã"). Not "tuyên dương": folded it is "tuyến đường".
_PRAISE = re.compile(
    r"\b(?:khen(?! thuong (?:khang chien|huan chuong|huy chuong|nguoi co cong))|bieu duong)\b"
    r"|^(?:xin |toi (?:xin |muon )?|cho toi )?cam on (?:chi|anh|co|chu|bac|cac|em|ong|ba|to|doi|can bo)\b"
    r"(?:\s\w+){0,12}? da\b")
# Praise said in the negative or as irony is a complaint ("không ai khen nổi", "chê chứ khen gì").
_NOT_PRAISE = re.compile(r"\b(?:khong|chang|che|chu) (?:ai |the |duoc |noi )?khen\b|\bkhen (?:noi|gi)\b")
# Praise of one and a complaint of another ("khen anh A, nhưng chị B…"): the complaint is the core. With accents
# only: folded, "nhưng" is also "những".
_BUT = re.compile(r"\b(?:nhưng|tuy nhiên|có điều)\b")


def strongest_cue(rules: dict[str, float]) -> str | None:
    """The category of the strongest cue phrases (khac on a tie with it); None when no cue matched."""
    return max(CATEGORIES, key=lambda c: (rules.get(c, 0.0), c == "khac")) if rules else None


def cue_category(classifier: FeedbackClassifier, text: str) -> str | None:
    return strongest_cue(classifier.rule_scores(tokens(text)))


def bar(best: str, cue: str | None, threshold_key: str) -> float:
    """The probability `best` needs to be told to the citizen, given what the cue phrases say (`cue`: their
    category, None when none matched) and the model's own bar (`threshold_key` of data/thresholds.toml)."""
    limits = thresholds()
    if threshold_key != AGREEMENT_KEY or cue is None:
        return limits[threshold_key]
    if cue == best and SESSION15_COMPLAINT_BAR:
        return limits["complaint_model_session15_agree"]
    if cue != best and SESSION15_TWO_CATEGORIES:
        return limits["complaint_model_session15_disagree"]
    return limits[threshold_key]


def praises(text: str) -> bool:
    """The message praises someone (SESSION14_PRAISE): its category is "khac"."""
    folded = " ".join(tokens(text))
    return (SESSION14_PRAISE and bool(_PRAISE.search(folded)) and not _NOT_PRAISE.search(folded)
            and not _BUT.search(text.lower()))
