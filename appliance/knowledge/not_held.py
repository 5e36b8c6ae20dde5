"""Questions on a subject the library holds no rule for, though its words are all over the library.

Whether a will is valid (an oral will, a handwritten one, its witnesses) and who inherits what are rules of the
Civil Code, which the library does not hold (not even as a registry row: its official facts are not in the Pháp điển
pages here). The words are everywhere: Nghị định 23/2015 certifies wills and agreements dividing an estate, Luật
Hôn nhân và gia đình divides a dead spouse's share. So "di chúc miệng có giá trị không" was answered with the
certification of contracts, and "bố mất không để lại di chúc, con riêng có được chia tài sản không" with the family
law's articles on property. Since session 19 (plain behaviour since session 21, rule R8), read by search.py: a question
asking whether a will is valid, or who inherits and what share, and not asking to certify something (a will, an
agreement dividing an estate: the library holds that), gets "not found" with `NOTE`; the nearest passages stay folded
away as for every "not found"."""

from __future__ import annotations

import re

NOTE = ("Câu hỏi về giá trị của di chúc hoặc việc hưởng, chia thừa kế: thư viện chưa có văn bản quy định nội dung này "
        "(Bộ luật Dân sự); các đoạn có từ giống câu hỏi không phải câu trả lời.")
# Whether a will is valid (folded): "di chúc miệng", "di chúc (tự viết tay) có giá trị / hợp pháp / hợp lệ / hiệu lực
# không", "cần bao nhiêu người làm chứng".
_WILL_VALID = re.compile(r"\bdi chuc (?:[a-z0-9]+ ){0,12}?(?:mieng|co gia tri|gia tri phap ly|hop phap|hop le|"
                         r"hieu luc|lam chung|viet tay|tu viet)\b|\bdi chuc mieng\b")
# Who inherits, what share (folded): "có được chia tài sản không", "được hưởng thừa kế", "hàng thừa kế", "chia di sản
# thế nào", "thời hiệu chia di sản".
_INHERITS = re.compile(r"\b(?:co duoc (?:chia|huong|nhan) (?:tai san|di san|thua ke|phan)|duoc huong thua ke|"
                       r"hang thua ke|thua ke theo phap luat|chia (?:di san|thua ke)(?: [a-z]+){0,3} (?:the nao|ra sao|"
                       r"nhu the nao|bao nhieu)|thoi hieu (?:yeu cau )?chia (?:di san|thua ke))\b")
# … unless it asks something the library holds: to certify a will or an agreement (not "không chứng thực"), a death
# registration or an extract for the inheritance.
_HELD = re.compile(r"(?<!khong )(?<!chua )\bchung thuc\b|\bkhai tu\b|\btrich luc\b")


def asks_not_held(folded_query: str) -> bool:
    """Whether the question (folded) asks a will's validity or who inherits, and nothing the library holds."""
    padded = f" {folded_query.strip()} "
    return bool(_WILL_VALID.search(padded) or _INHERITS.search(padded)) and not _HELD.search(padded)
