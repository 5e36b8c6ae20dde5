"""Words of a formal or roundabout question that ask nothing of their own (session 26; each kept by rule R1 in session
26, plain behaviour since session 28, rule R8; tested in tests/ask/test_session26.py):

- "(Kính) thưa đồng chí, …", "Phiền đồng chí …", "Xin phép hỏi …" opening the question (a polite address, a request
  to ask) say nothing about the figure, as "cho hỏi" does not; "thưa", "phiền", "phép" had been unknown (unsure).
  Only at the opening, "thưa / phiền" right before the one addressed;
- "(kế hoạch / chỉ tiêu / mục tiêu) (năm) (đã) đề ra" is the plan, which those words already name; "đề ra" had been
  unknown (unsure). Only right after such a word (or its year); "đề nghị" is not read (rule R9);
- "bao nhiêu / mấy việc" where feedback is named ("mỗi lĩnh vực bao nhiêu việc") counts the feedback, as "bao nhiêu
  vụ" does; "việc" had been unknown (unsure). Never "việc làm" (the jobs indicator).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from appliance.ask.tokens import Tokens

if TYPE_CHECKING:  # type-only: parser imports this module
    from appliance.ask.parser import Intent

# "Thưa <addressee>", "xin phép (cho) (tôi / em) hỏi" at the opening.
_ADDRESSEES = {"dong", "anh", "chi", "bac", "chu", "co", "ong", "ba", "lanh", "thu", "pho", "em"}
_OPENING = {"xin", "phep", "cho", "toi", "em", "chau", "hoi", "duoc", ","}
# "đề ra" after the plan's words.
_PLAN_HEADS = {"hoach", "tieu"}  # "kế hoạch", "chỉ tiêu", "mục tiêu"


def polite_opening(tokens: Tokens) -> None:
    """Early: "Thưa đồng chí, …", "Xin phép hỏi …" at the question's opening are read (they ask nothing)."""
    items, used = tokens.items, tokens.used
    start = 1 if items[:1] == ["kinh"] else 0  # "Kính thưa đồng chí, …"
    if items[start:start + 1] in (["thua"], ["phien"]) and items[start + 1:start + 2] and (
            items[start + 1] in _ADDRESSEES):  # "Phiền đồng chí cho biết …"
        used[:start + 1] = [True] * (start + 1)
    for k in range(len(items) - 1):
        if items[k:k + 2] == ["xin", "phep"] and all(w in _OPENING for w in items[:k]):
            used[k] = used[k + 1] = True
            break


def set_out(tokens: Tokens) -> None:
    """"(kế hoạch / chỉ tiêu / mục tiêu) (năm) (đã) đề ra": the "(đã) đề ra" is read (the plan is named already)."""
    items = tokens.items
    for k in range(1, len(items) - 1):
        if items[k:k + 2] != ["de", "ra"] or any(tokens.used[k:k + 2]):
            continue
        j = k - 1
        if items[j] == "da":
            j -= 1
        if j >= 0 and (items[j] == "nam" or (items[j].isdigit() and j and items[j - 1] == "nam")):
            j -= 1 if items[j] == "nam" else 2
        if j >= 0 and items[j] in _PLAN_HEADS:
            tokens.used[k] = tokens.used[k + 1] = True
            if items[k - 1] == "da":
                tokens.used[k - 1] = True


def feedback_counter(tokens: Tokens, domain: str) -> None:
    """"bao nhiêu / mấy việc" where feedback is named: the counter "việc" is read (the feedback counted)."""
    if domain != "phan_anh":
        return
    items = tokens.items
    for k in range(1, len(items)):
        if items[k] != "viec" or tokens.used[k] or items[k + 1:k + 2] == ["lam"]:
            continue
        if items[k - 1] == "may" or items[k - 2:k] == ["bao", "nhieu"]:
            tokens.used[k] = True


# Session 28 (`SESSION28_RESOLUTION_PLAN`, read at run time; tested on and off in tests/ask/test_session28.py): the
# resolution that set the plan, named after the plan's words ("chỉ tiêu nghị quyết giao cho cả năm", "kế hoạch năm mà
# nghị quyết (Đảng bộ phường) đã đề ra", "so với chỉ tiêu theo nghị quyết của HĐND"), says who set the plan, which
# those words name already (as session 26's "đề ra" does); "nghị quyết" had been unknown (unsure). Only within four
# words after "chỉ tiêu / kế hoạch / mục tiêu" (their year, "mà", "theo", "của" between); a resolution named elsewhere
# ("dự thảo nghị quyết", "thực hiện nghị quyết về chuyển đổi số") stays unknown.
# off by rule R1 (session 28): fresh 806/335/16 on and off alone; R1b: off alone, training 849/309/5, no wrong back
SESSION28_RESOLUTION_PLAN = False
_PLAN_WORDS = (["chi", "tieu"], ["ke", "hoach"], ["muc", "tieu"])
_BEFORE_RESOLUTION = {"nam", "ca", "ma", "theo", "cua", "da", "duoc"}
_RESOLUTION_BODIES = (["dang", "bo"], ["dang", "uy"], ["hoi", "dong", "nhan", "dan"], ["hdnd"], ["dai", "hoi"],
                      ["phuong"])
_SET_BY = (["de", "ra"], ["dat", "ra"], ["giao"])


def resolution_plan(tokens: Tokens) -> None:
    """"(chỉ tiêu / kế hoạch) (năm) (mà) nghị quyết (Đảng bộ phường) (đã) đề ra": the resolution's words are read."""
    if not SESSION28_RESOLUTION_PLAN:
        return
    items, used = tokens.items, tokens.used
    for k in range(2, len(items) - 1):
        if items[k:k + 2] != ["nghi", "quyet"] or any(used[k:k + 2]):
            continue
        j = k
        while j > 0 and k - j < 4 and (items[j - 1] in _BEFORE_RESOLUTION or items[j - 1].isdigit()):
            j -= 1
        if not any(items[j - 2:j] == w for w in _PLAN_WORDS):
            continue
        end = k + 2
        body = True
        while body:
            body = False
            for words in _RESOLUTION_BODIES + (["cua"],):
                if items[end:end + len(words)] == words:
                    end, body = end + len(words), True
        if items[end:end + 1] == ["da"] and any(items[end + 1:end + 1 + len(w)] == w for w in _SET_BY):
            end += 1
        said = next((w for w in _SET_BY if items[end:end + len(w)] == w), None)
        if said is not None and said != ["giao"]:  # "giao" is read with the plan ("kế hoạch giao cả năm")
            end += len(said)
        for m in range(j, end):
            if items[m] not in ("nam", "ca") and not items[m].isdigit():
                used[m] = True  # the plan's year is left to the period reading


# Session 28 (`SESSION28_APPLICATION_FOR`, read at run time; tested on and off in tests/ask/test_session28.py): "hồ sơ
# đề nghị <a procedure>" ("bộ hồ sơ đề nghị trợ cấp xã hội hàng tháng", "hồ sơ đề nghị cấp giấy phép xây dựng") is the
# application for it, as "hồ sơ xin <a procedure>" is; "đề nghị" had been unknown (unsure). Only right after "hồ sơ"
# and right before the name of a procedure or field the names reading took; "hồ sơ đề nghị bổ sung", "hồ sơ đề nghị
# tháng 10" and "Đề nghị …" opening a request stay unknown (rule R9).
# off by rule R1 (session 28): fresh 806/335/16 on and off alone; R1b: off alone, training 849/309/5, no wrong back
SESSION28_APPLICATION_FOR = False


def application_for(tokens: Tokens, intent: Intent) -> None:
    """After the names: "hồ sơ đề nghị <procedure>": the "đề nghị" is read (the application, as "xin")."""
    if not SESSION28_APPLICATION_FOR or not ({"ten_thu_tuc", "linh_vuc", "ma_linh_vuc"} & set(intent.filters)):
        return
    items = tokens.items
    for k in range(2, len(items) - 2):
        if items[k:k + 2] == ["de", "nghi"] and items[k - 2:k] == ["ho", "so"] and not any(tokens.used[k:k + 2]) \
                and tokens.used[k + 2]:
            tokens.used[k] = tokens.used[k + 1] = True
