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

from appliance.ask.tokens import Tokens

# "Thưa <addressee>", "xin phép (cho) (tôi / em) hỏi" at the opening.
_ADDRESSEES = {"dong", "anh", "chi", "bac", "chu", "co", "ong", "ba", "lanh", "thu", "pho", "em"}
_OPENING = {"xin", "phep", "cho", "toi", "em", "chau", "hoi", "duoc", ","}
# "đề ra" after the plan's words.
_PLAN_HEADS = {"hoach", "tieu"}  # "kế hoạch", "chỉ tiêu", "mục tiêu"


# Session 29 (`SESSION29_POLITE_PLURAL`, read at run time; tested on and off in tests/ask/test_session29.py): the
# opening addressed to several ("Thưa các đồng chí, …", "Kính thưa các anh chị, …", "Phiền các đồng chí cho biết …")
# is as polite and asks as little as "Thưa đồng chí, …"; "thưa" had been unknown (unsure). Only "các" right before one
# of the addressees at the opening.
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6 (no verdict moves),
# no wrong back
SESSION29_POLITE_PLURAL = False


def polite_opening(tokens: Tokens) -> None:
    """Early: "Thưa đồng chí, …", "Xin phép hỏi …" at the question's opening are read (they ask nothing)."""
    items, used = tokens.items, tokens.used
    start = 1 if items[:1] == ["kinh"] else 0  # "Kính thưa đồng chí, …"
    to = start + 2 if SESSION29_POLITE_PLURAL and items[start + 1:start + 2] == ["cac"] else start + 1
    if items[start:start + 1] in (["thua"], ["phien"]) and items[to:to + 1] and (
            items[to] in _ADDRESSEES):  # "Phiền đồng chí cho biết …"
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
