"""Session 16: a report that the ward's own service failed is a complaint, not the FAQ it names.

"Gọi đường dây nóng của phường cả tuần không ai nghe", "giờ hành chính mà bộ phận một cửa không có ai ngồi": the
message names an FAQ topic (the phone number, the opening hours, online filing) and the phrase rules read that
topic, so the chat answered with the number or the hours: a complaint about the service (thủ tục hành chính, thái
độ phục vụ) told as a question. Five writers of the training batches (complaints_train, _train2, _train4_a,
_train14, and session 14's half) wrote such a complaint and it was read as the FAQ every time. What tells them from
a question is the failure reported (nobody answered, nobody there, the system failed) with nothing asked of the
topic: "đường dây nóng là số mấy, gọi số cũ không ai nghe" asks for the number and is the FAQ (four writers).
The chat then offers to file it as a complaint instead of answering the FAQ (public/chat.py).

The same for a procedure (`reports_mishandling`): "xin xác nhận tình trạng hôn nhân mà bị đẩy qua đẩy lại",
"đăng ký tạm trú tuần nào cũng phải lên, mỗi lần một yêu cầu mới", "cán bộ gợi ý gửi chút cà phê": the procedure is
named, so the chat answered its record, but the message tells how the ward handled it (thủ tục hành chính, thái độ
phục vụ). Three writers of the training batches (complaints_train2, _train4_b, session 15's half) were answered with
the record. Only phrases that say the service was bad (pushed from desk to desk, a new demand each visit, a bribe
hinted): a delay alone ("vẫn chưa có sổ đỏ") or being late ("quá hạn") is how citizens ask the procedure too.

Session 20 (plain since session 22, docs/citizen.md "Session 20"): the ward's own staff at fault, a second family of
mishandling: the record written wrong by the officer and the citizen sent to correct it ("cán bộ ghi sai tên mẹ …
giờ bắt tôi làm thủ tục cải chính, lỗi của ai?"), an officer on the phone while people wait ("lướt điện thoại, không
thèm ngẩng lên"), queue-jumping ("đi cửa sau … công bằng ở đâu"), a demand with no rule behind it ("quy định ở đâu
ra"). Six writers of the training batches and dev wrote it (complaints_train, _train4_b, _train5_a, _train17,
_train18, _train19, _train20, dev), always as a complaint, and the chat answered the procedure they named or asked
which was meant. A message that asks how to do something ("… thì sửa thế nào", "làm sao", "cần gì") is the
procedure, whoever made the mistake, so such a message is never read as a staff fault.
"""

from __future__ import annotations

from collections.abc import Sequence

from appliance.citizen.matching import PhraseSet

# The FAQ topics whose service can fail: the phone line, the office being open, filing online.
TOPICS = ("so_dien_thoai", "gio_lam_viec", "nop_truc_tuyen", "lich_tiep_cong_dan")
# Folded, teencode-expanded words (vocabulary.py folds the message the same way).
FAILURES = (
    *(f"khong ai {verb}" for verb in ("nghe", "nghe may", "nhac may", "bat may", "tra loi", "ngoi", "tiep",
                                      "lam viec", "o do", "truc")),
    "khong nghe may", "khong bat may", "khong nhac may", "khong ai nghe dien thoai", "goi mai khong duoc",
    "goi khong duoc", "goi khong ai", "khong lien lac duoc", "khong co ai lam viec", "khong co ai ngoi",
    "khong co ai tiep", "khong co nguoi tiep", "khong thay ai", "bao loi", "bi loi", "loi he thong", "bi hoan",
    "deu bi hoan", "bi tra ve",
)
# Asking for the topic itself: the number, the hours, how to do it. Then it is the FAQ, the failure its reason.
ASKS = ("so nao", "so may", "so gi", "la so", "so moi", "xin so", "cho xin", "cho hoi", "the nao", "lam sao",
        "nhu the nao", "nhu nao", "cach nao", "bang gi", "o dau", "may gio", "gio nao", "bao gio", "lien he ai",
        "goi ai", "goi so nao", "hoi ai")

# Folded: how the office handled the procedure, in words no procedure question uses.
MISHANDLED = (
    "day qua day lai", "day di day lai", "day tu ban nay sang ban", "day tu phong nay sang phong", "dun day",
    "hanh dan", "nhung nhieu", "gay kho de", "lam kho", "lam kho de", "hach sach", "voi tien",
    "chut ca phe", "tien ca phe", "tien boi duong", "dua them tien", "moi lan mot yeu cau", "moi lan mot ly do",
    "moi lan lai doi", "moi lan lai bat", "moi lan mot giay", "hen di hen lai", "hen lan hen lua", "hen lay hen de",
    "lam an gi", "lam viec kieu gi", "khong co bien lai", "khong bien lai", "thai do hach dich", "quat nat",
    "cau gat", "tho lo voi dan",
)

# Folded: the officer made the mistake or served badly ("không thèm": never "không thêm" alone, folded the same).
STAFF_FAULTS = (
    "can bo ghi sai", "can bo viet sai", "can bo nhap sai", "can bo danh sai", "loi cua can bo", "loi cua phuong",
    "loi cua ai", "khong them ngang", "khong them tra loi", "khong them nhin", "luot dt", "luot dien thoai",
    "bam dt", "bam dien thoai", "di cua sau", "cong bang o dau", "quy dinh o dau ra", "toi thay khong dung",
)
# Folded: asking how to do it. Then the message is the procedure's question, whoever was at fault.
HOW = ("the nao", "lam sao", "ra sao", "cach nao", "can gi", "can nhung gi", "mat bao lau", "bao lau", "can giay",
       "thu tuc gi", "lam gi de", "phai lam gi")

_FAILURES = PhraseSet((tuple(p.split()), None) for p in FAILURES)
_ASKS = PhraseSet((tuple(p.split()), None) for p in ASKS)
_MISHANDLED = PhraseSet((tuple(p.split()), None) for p in MISHANDLED)
_STAFF_FAULTS = PhraseSet((tuple(p.split()), None) for p in STAFF_FAULTS)
_HOW = PhraseSet((tuple(p.split()), None) for p in HOW)


def reports_service_failure(topic: str | None, words: Sequence[str]) -> bool:
    """The message, read as the FAQ `topic`, reports that this service failed and asks nothing of the topic."""
    return topic in TOPICS and _FAILURES.any_in(words) and not _ASKS.any_in(words)


def reports_mishandling(words: Sequence[str]) -> bool:
    """The message tells that the office mishandled a procedure (or that its staff were at fault, when it asks nothing
    of how to do it)."""
    if _MISHANDLED.any_in(words):
        return True
    return _STAFF_FAULTS.any_in(words) and not _HOW.any_in(words)


def reports_failure(words: Sequence[str]) -> bool:
    """The message reports that a service of the ward failed (nobody answered, the system failed) and asks nothing of
    it (whatever topic the message names)."""
    return _FAILURES.any_in(words) and not _ASKS.any_in(words)
