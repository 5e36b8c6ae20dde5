"""Session 14: what the classifier's cue phrases and a message's own manner add to the complaint model's decision.

- The complaint model's bar read beside the cue phrases (data/feedback_classifier.toml, the team's own words, which no
  outside writer's batch taught): session 14's pair (`SESSION14_COMPLAINT_AGREEMENT`, off by rule R1, retired in
  session 16; its bars stay in data/thresholds.toml for complaint_decision.py) and session 15's below.
- Praise (`praises`): a message that praises someone ("cho tôi khen các chiến sĩ…", "đề nghị biểu dương bác…",
  "cảm ơn chị … đã hướng dẫn tận tình") is filed under "khac", whatever department the praised person works in: the
  outside writers (four of them, each on their own) filed praise there, and the model, reading the praised work's
  words, routed two of them to that work's department at 0.91 and 0.92.

Session 15's re-chosen pair (a lower bar where the cue phrases agree, a higher one where they name another category)
was off by rule R1 and retired in session 18; its bars stay in data/thresholds.toml for complaint_decision.py's table.
"""

from __future__ import annotations

import re

from appliance.citizen.classify import CATEGORIES, FeedbackClassifier
from appliance.citizen.matching import tokens
from appliance.citizen.understanding import thresholds

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


def bar(threshold_key: str) -> float:
    """The probability the model's best category needs to be told to the citizen (`threshold_key` of
    data/thresholds.toml), whatever the cue phrases say."""
    return thresholds()[threshold_key]


def praises(text: str) -> bool:
    """The message praises someone: its category is "khac"."""
    folded = " ".join(tokens(text))
    return (bool(_PRAISE.search(folded)) and not _NOT_PRAISE.search(folded)
            and not _BUT.search(text.lower()))
