"""Session 22: a citizen's question about a service for themselves is never offered as a complaint
(docs/citizen.md "Session 22"; plain behaviour since session 24, rule R8).

The fusion model reads intent from the words of the problem a message names: "treo bảng quảng cáo", "quy hoạch mở
đường", "giấy mua bán đất" are the words of complaints (trật tự đô thị, đất đai), so a question about them with no
procedure phrase was read as a complaint at or above the bar, and the chat offered to file it: "Tui tính treo cái
bảng … có cần giấy phép hông?", "… thửa đất có nằm trong quy hoạch không. Xin hỏi tra cứu ở đâu?", "… phường có làm
ko", "… giờ muốn phường xác nhận vào giấy đó" (four of the 39 messages of train21u, all questions). What tells them
from a complaint is the intent, read before the topic: the citizen asks where, whether or when the ward does
something for them, or whether their own plan needs a permit or may be done. A complaint asks the ward to act on
someone else ("phường có biết không", "ai chịu trách nhiệm", accountability.py) or tells how a service failed
(service_failures.py); those, and any message the citizen calls a complaint ("phản ánh", "khiếu nại"), are read
before this and stay complaints.

Read only where the likeliest reading is a complaint the citizen did not announce: the chat then asks which was
meant (the clarifying question) instead of offering "Gửi phản ánh". Never read as a procedure or any other answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet

# Folded: where or whether the ward (or an office) does it for the citizen. Not "nộp ở phường" alone (a complaint
# tells where its file was handed in), not "phường có cấp (phép)" (a complaint asks whether a neighbour's building was
# licensed), not "phường có làm gì" (a complaint's closer, accountability.py).
# Also which office ("… ở phường hay …") and when a service is held ("lịch … là ngày nào", "vào thứ mấy"; a complaint
# says "ngày nào cũng …").
ASKS_WHERE = (
    "o phuong duoc khong", "o phuong duoc hong", "phuong co lam khong", "phuong co lam hong",
    "muon phuong xac nhan", "nho phuong xac nhan", "can phuong xac nhan", "xin phuong xac nhan", "o phuong hay",
    "la ngay nao", "vao ngay nao", "vao thu may",
)
# Folded: "ở đâu" asked of a request word (single words; vocabulary.REQUEST_VERBS holds phrases) at most
# WHERE_WINDOW words before it ("xin giấy ở đâu", "tra cứu ở đâu",
# "nộp hồ sơ ở đâu", "đăng ký ở đâu"); not "hỏi" ("bia hơi ở đầu ngõ"). "ở đầu ngõ / phố / tháng" folds the same as
# "ở đâu", and "ở đâu cũng được" asks nothing: never before those words (NOT_WHERE).
WHERE = ("o", "dau")
REQUEST_WORDS = frozenset(("xin", "nop", "khai", "cuu", "ky", "lam", "cap", "doi"))
WHERE_WINDOW = 3
NOT_WHERE = frozenset(("ngo", "hem", "pho", "duong", "cau", "thang", "nam", "tuan", "lang", "xom", "doc", "khu", "day",
                       "ngach", "kiet", "tien", "gio", "buoi", "cung", "nha", "cho", "toa", "con", "ban", "phuong"))
# Folded: whether a permit is needed, or whether something may be done. A complaint asks it of someone else's doing
# ("biển to như vậy có phải xin phép không?", "xây lấn như thế có được không?"), so it is a question of the citizen's
# own only with the citizen's plan told (PLANS).
ASKS_PERMIT = (
    "co can giay phep", "co can xin phep", "co can xin giay phep", "co phai xin phep", "co phai xin giay phep",
    "can xin giay phep", "phai xin phep", "duoc khong", "duoc hong",
)
# Folded: the citizen's own plan ("tôi tính", "em định", "mình muốn"), never before a verb of telling or asking ("tôi
# muốn hỏi / biết / phản ánh …": what follows is someone else's doing).
PLANS = ("toi tinh", "em tinh", "minh tinh", "toi dinh", "em dinh", "minh dinh", "du dinh", "toi muon", "em muon",
         "minh muon", "toi sap", "em sap", "chuan bi")
NOT_PLANNED = frozenset(("hoi", "biet", "phan", "bao", "noi", "khieu", "to", "gop"))

# Session 23 (docs/citizen.md "Session 23"; on by rule R1b in session 23, plain behaviour since session 25, rule R8):
# a permit asked of a plan told with no one named, the message opening on the verb of the plan
# ("treo biển quảng cáo to trước cửa hàng có phải xin phép ko", "sửa nhà có cần xin phép không", "muốn cơi nới …");
# a complaint names who does it first ("quán karaoke mới mở lắp biển LED … có phải xin phép không"). Over every
# training half and dev the permit phrases (ASKS_PERMIT less "được không") are written in 28 questions and one
# complaint, which opens on the doer.
PLAN_VERBS = frozenset(("treo", "xay", "sua", "mo", "dung", "lap", "coi", "nang", "dap", "pha", "thay", "dat", "ke",
                        "lam", "ban", "nuoi", "muon", "dinh", "tinh", "chi"))
PERMIT_ONLY = tuple(p for p in ASKS_PERMIT if p not in ("duoc khong", "duoc hong"))

_WHERE = PhraseSet((tuple(p.split()), None) for p in ASKS_WHERE)
_PERMIT = PhraseSet((tuple(p.split()), None) for p in ASKS_PERMIT)
_PERMIT_ONLY = PhraseSet((tuple(p.split()), None) for p in PERMIT_ONLY)
_PLANS = PhraseSet((tuple(p.split()), None) for p in PLANS)


def _plans(words: Sequence[str]) -> bool:
    return any(not NOT_PLANNED & set(words[end:end + 1]) for _, end, _ in _PLANS.find(words))


def asks_service(words: Sequence[str]) -> bool:
    """The folded message asks where or whether a service is done for the citizen, or whether the citizen's own plan
    needs a permit."""
    if _WHERE.any_in(words) or (_PERMIT.any_in(words) and _plans(words)):
        return True
    if words and words[0] in PLAN_VERBS and _PERMIT_ONLY.any_in(words):
        return True
    return any(tuple(words[i:i + 2]) == WHERE and REQUEST_WORDS & set(words[max(0, i - WHERE_WINDOW):i])
               and not NOT_WHERE & set(words[i + 2:i + 3]) for i in range(len(words) - 1))
