"""Questions whose answer is one rule the library states in fixed official words.

Some questions a ward hears again and again are answered by one passage that shares almost none of their words:
- a complaint or a denunciation sent without a name, a signature or an address ("thư tố cáo không ký tên có phải
  giải quyết không"): Điều 25 Luật Tố cáo, "thông tin có nội dung tố cáo nhưng không rõ họ tên, địa chỉ của người tố
  cáo"; khoản 5 Điều 11 Luật Khiếu nại, "Đơn khiếu nại không có chữ ký hoặc điểm chỉ của người khiếu nại"
  (family "unsigned", session 19);
- whether an official may register or certify for himself or his own family ("Chủ tịch phường có được ký giấy khai
  sinh cho cháu nội của mình không"): điểm h khoản 1 Điều 12 Luật Hộ tịch, "… đăng ký hộ tịch cho bản thân hoặc
  người thân thích"; khoản 3 Điều 9 Nghị định 23/2015, "… tài sản, lợi ích của bản thân mình hoặc của những người
  thân thích" (family "own_interest", session 19);
- what a denouncer who disagrees with how the denunciation was resolved may do ("không đồng ý với kết luận giải quyết
  tố cáo thì tố cáo tiếp với ai"): khoản 1 Điều 37 Luật Tố cáo, "… việc giải quyết tố cáo là không đúng quy định của
  pháp luật thì người tố cáo có quyền tố cáo tiếp …", not Điều 38 on a denunciation left unresolved past its time
  limit, whose words are the same (family "disagree", session 19).
- how a seal is put on a signature or across pages ("đóng dấu lên chữ ký thì trùm bao nhiêu", "dấu giáp lai"): khoản 1
  Điều 33 Nghị định 30/2020, "Khi đóng dấu lên chữ ký, dấu đóng phải trùm lên …" (family "seal", session 20; the
  question names a signature, and the bridge read it as the certification of a signature).
- adding a missing entry to a civil-status record ("giấy khai sinh để trống mục quê quán, muốn bổ sung", "xin bổ sung
  thông tin hộ tịch"): khoản 2 Điều 29 Luật Hộ tịch, "… nếu thấy yêu cầu bổ sung hộ tịch là đúng, công chức tư pháp -
  hộ tịch ghi nội dung bổ sung vào mục tương ứng …" (family "civil_addition", session 21; the
  bridge answered with the khai sinh steps or the change-and-correction article, Điều 28). Not a parent's name to be
  added (that is the recognition of a father or mother, Điều 25), nor papers missing from a file.
- papers handed in late in the day, asked when the result is due ("nộp hồ sơ lúc 4 giờ chiều không kịp thì hẹn trả khi
  nào"): khoản 3 Điều 5 Luật Hộ tịch, "… trường hợp nhận hồ sơ sau 15 giờ mà không giải quyết được ngay thì trả kết
  quả trong ngày làm việc tiếp theo"; Điều 7 Nghị định 23/2015, "… nếu tiếp nhận yêu cầu sau 15 giờ" (family
  "after_hours", session 21).
- whether a civil-status registration may be done by someone else ("đăng ký kết hôn có được ủy quyền cho người khác đi
  nộp thay không", "nhờ bà ngoại đi làm khai sinh được không"): khoản 2 Điều 6 Luật Hộ tịch, "Trường hợp kết hôn, nhận
  cha, mẹ, con thì các bên phải trực tiếp thực hiện … Đối với các việc đăng ký hộ tịch khác … ủy quyền cho người khác
  thực hiện" (family "delegation", session 22; the bridge answered with the procedure's steps). Not a
  paper of authorization brought for certification, nor a complaint made through a representative (other laws).
The ranking finds the law (every article of it repeats "tố cáo", "khai sinh") but not the rule, and the bridge answers
with the procedure's steps. When the question is of such a kind, the passage holding the rule's official words
(`RULES`: folded phrases, matched in the library's own text, so nothing is written here but where to look) is shown
first, provided the answer already rests on that document (the bridged basis or the ranking's first passages): the
question is then about that law, and the rest of the answer follows. Read at call time by search.py. The session 19
families are plain behaviour since session 21, the session 20 family "seal" since session 22, the session 21 families
"civil_addition" and "after_hours" since session 23, the session 22 family "delegation" since session 24 (rule R8: on
by rule R1 in the session before)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

from appliance.knowledge import relevance, store
from appliance.knowledge.validity import in_force

# The kinds of question whose rule is stated in fixed official words (Rule.family).
Family = Literal["unsigned", "own_interest", "disagree", "seal", "civil_addition", "after_hours", "delegation"]
# The ranking's passages whose documents count as "the answer rests on them" when nothing is bridged.
OWN_DEPTH = 5

# Without a name, a signature or an address (folded): "không ký tên", "không ghi tên", "không rõ họ tên", "giấu tên",
# "nặc danh", "không có chữ ký", "không (ghi) địa chỉ".
_UNSIGNED = re.compile(r"\b(?:khong (?:co |ghi |ro |de |kem )?(?:ky ten|ho ten|ten|chu ky|dia chi)|giau ten|nac danh|"
                       r"khong (?:ky|ghi) ro (?:ho )?ten|an danh)\b")
# An official who decides or certifies (folded).
_OFFICIAL = re.compile(r"\b(?:chu tich|pho chu tich|can bo|cong chuc|lanh dao|truong phong|nguoi (?:co tham quyen|"
                       r"ky|thuc hien chung thuc|chung thuc))\b")
# … acting for himself or his own family (folded): "của mình", "bản thân", "người nhà", "người thân", "họ hàng",
# "con/cháu/vợ/chồng/em ruột".
_OWN_SIDE = re.compile(r"\b(?:cua (?:chinh )?minh|ban than|chinh minh|tu minh|nguoi nha|nguoi than|ho hang|"
                       r"(?:con|chau(?: noi| ngoai)?|vo|chong|em|anh|chi|bo|me|cha|ong|ba) (?:ruot|de)|"
                       r"(?:con|chau|vo|chong|em|anh|chi|bo|me|cha)(?: trai| gai| ruot| noi| ngoai)? (?:cua )?minh)\b")
# … asked as whether it is allowed (folded): "có được … không", "… được không", "có vi phạm không".
_MAY = re.compile(r"\b(?:co duoc|duoc (?:[a-z]+ ){0,12}(?:khong|chua)|co the|vi pham|sai (?:quy dinh|luat))\b")


# Disagreeing with how something was resolved (folded): "không đồng ý", "không đồng tình", "không nhất trí", "không thỏa
# mãn", "không chấp nhận", "không phục".
_DISAGREE = re.compile(r"\bkhong (?:dong y|dong tinh|nhat tri|thoa man|chap nhan|phuc)\b")
# … and asking what next: "tố cáo tiếp", "gửi đến ai", "với ai", "ở đâu", "làm gì", "có quyền".
_NEXT = re.compile(r"\b(?:tiep|den ai|voi ai|cho ai|o dau|lam gi|lam the nao|co quyen|co duoc)\b")


# Putting a seal (folded "dong dau", as typed with or without diacritics) on a signature, across pages, in which ink or
# how far over the signature: how the office seals its own papers (Nghị định 30/2020), …
_SEAL = re.compile(r"\bdong dau\b")
_HOW_SEALED = re.compile(r"\b(?:len chu ky|trum|giap lai|dau treo|muc dau|mau do)\b")
# … not whether a paper brought for certification bears one (chứng thực: Nghị định 23/2015).
_CERTIFIED = re.compile(r"\b(?:chung thuc|sao y|ban sao)\b")


# Adding civil-status information (folded): "bổ sung (thêm) (thông tin) hộ tịch", …
_ADDS_CIVIL_INFO = re.compile(r"(?<!sua doi )\bbo sung (?:them )?(?:thong tin )?ho tich\b")
# … or "bổ sung" an entry of a civil-status paper left blank ("để trống / bỏ trống / còn trống mục …", "chưa ghi",
# "thiếu"): not "bổ sung giấy tờ / hồ sơ" (papers missing from a file), not "sửa đổi, bổ sung" (an amendment).
_ADDS = re.compile(r"(?<!sua doi )\bbo sung\b(?! (?:them )?(?:giay|ho so|tai lieu|ban sao|hop dong|chung tu))")
_CIVIL_PAPER = re.compile(r"\b(?:giay khai sinh|khai sinh|giay chung nhan ket hon|so ho tich|trich luc)\b")
_BLANK_ENTRY = re.compile(r"\b(?:de trong|bo trong|con trong|chua (?:co|ghi|dien)|thieu|khong (?:co|ghi)) "
                          r"(?:[a-z]+ ){0,3}?(?:muc|thong tin|noi dung|que quan|dan toc|quoc tich|ngay sinh|noi sinh|"
                          r"gioi tinh)\b")
# … but a parent's name to be added is the recognition of a father or mother (Điều 25), and papers missing from a file
# are asked for again, not added to a record.
_NOT_AN_ENTRY = re.compile(r"\b(?:(?:ho )?ten (?:cha|bo|me|ba)|nhan (?:cha|me|con)|thieu (?:giay to|ho so)|"
                           r"ho so (?:con )?thieu)\b")


# An hour of the afternoon the papers were handed in at (folded): "lúc 4 giờ chiều", "sau 15h", "16h30", "3 giờ chiều".
_LATE_HOUR = re.compile(r"\b(?:(?:1[3-9]|2[0-3]) ?(?:gio|h)(?:\d\d)?|[1-6] gio (?:[0-9]+ )?(?:chieu|toi))\b")
# … and when the result is due: "khi nào", "bao giờ", "hẹn trả", "trả kết quả", "không kịp", "thời hạn".
_WHEN_DUE = re.compile(r"\b(?:khi nao|bao gio|luc nao|ngay nao|hen tra|tra ket qua|co ket qua|khong kip|thoi han)\b")


# Done by someone else (folded): "ủy quyền", "nộp / đi / làm / ký / nhận thay", "thay mặt", "nhờ người (nhà) / ai", "nộp
# hộ", "làm hộ", "xin hộ" (not "hộ tịch", "hộ khẩu", "hộ nghèo", "hộ gia đình": those are the other "hộ").
_BY_ANOTHER = re.compile(r"\b(?:uy quyen|(?:nop|di|lam|ky|nhan|xin) thay|thay mat|nho (?:nguoi|ai)|"
                         r"(?:nop|lam|xin|di) ho (?!tich|khau|ngheo|can ngheo|gia dinh|so))\b")
# … a civil-status registration (folded).
_CIVIL_ACT = re.compile(r"\b(?:ket hon|khai sinh|khai tu|ho tich|nhan cha|nhan me|nhan con|trich luc|giam ho)\b")
# … not a paper of authorization brought for certification, nor a complaint or denunciation through a representative,
# nor land, a house or a pension (other laws).
_NOT_REGISTRATION = re.compile(r"\b(?:chung thuc|hop dong uy quyen|khieu nai|to cao|so do|nha dat|dat dai|luong huu|"
                               r"sang ten|mua ban)\b")


@dataclass(frozen=True)
class Rule:
    family: Family               # the kind of question
    asks: tuple[re.Pattern[str], ...]   # all must match the folded question
    phrase: str                  # folded words of the rule, found in the passage's folded text
    unless: re.Pattern[str] | None = None   # a question matching it is of another kind


RULES: tuple[Rule, ...] = (
    Rule("unsigned", (_UNSIGNED, re.compile(r"\bto cao\b")),
         "khong ro ho ten dia chi cua nguoi to cao"),
    Rule("unsigned", (_UNSIGNED, re.compile(r"\bkhieu nai\b")),
         "don khieu nai khong co chu ky hoac diem chi"),
    Rule("own_interest", (_OFFICIAL, _OWN_SIDE, _MAY), "ban than hoac nguoi than thich"),
    Rule("own_interest", (_OFFICIAL, _OWN_SIDE, _MAY), "ban than minh hoac cua nhung nguoi than thich"),
    Rule("disagree", (_DISAGREE, re.compile(r"\bto cao\b"), _NEXT),
         "giai quyet to cao la khong dung quy dinh cua phap luat thi nguoi to cao co quyen to cao tiep",
         unless=re.compile(r"\bbi to cao\b")),   # the person denounced disagreeing has other rights
    Rule("seal", (_SEAL, _HOW_SEALED), "khi dong dau len chu ky dau dong phai trum len", unless=_CERTIFIED),
    Rule("civil_addition", (_ADDS_CIVIL_INFO,), "neu thay yeu cau bo sung ho tich la dung", unless=_NOT_AN_ENTRY),
    Rule("civil_addition", (_ADDS, _CIVIL_PAPER, _BLANK_ENTRY), "neu thay yeu cau bo sung ho tich la dung",
         unless=_NOT_AN_ENTRY),
    Rule("after_hours", (_LATE_HOUR, _WHEN_DUE), "truong hop nhan ho so sau 15 gio ma khong giai quyet duoc ngay",
         unless=_CERTIFIED),
    Rule("after_hours", (_LATE_HOUR, _WHEN_DUE, _CERTIFIED), "neu tiep nhan yeu cau sau 15 gio"),
    Rule("delegation", (_BY_ANOTHER, _CIVIL_ACT),
         "truong hop ket hon nhan cha me con thi cac ben phai truc tiep thuc hien", unless=_NOT_REGISTRATION),
)


# Session 29 (`SESSION29_FIRST_PERSON_KIN`, read at call time by asked): the official asking about his own family may
# name it with a kinship noun and the pronoun he uses for himself ("em trai tôi", "con của tôi", "bố em") as well as
# with "của mình" or "ruột": "Con của em trai tôi mới sinh, tôi là Phó Chủ tịch phường có được tự ký đăng ký khai sinh
# cho cháu không" was bridged to the birth registration and answered with its steps (Điều 15, 14, 16 Luật Hộ tịch),
# not with điểm h khoản 1 Điều 12 (registering for oneself or one's relatives is forbidden). The pronoun is the
# official's only when the question says he is one ("tôi là / em làm / với tư cách là <official>"): a citizen asking
# whether the chairman may certify for "con tôi" asks no such rule.
# on by rule R1b (session 29): no fresh verdict moved (no legal fresh question gated; 1 citizen fresh message gated,
# said so on and off), off brings back the training wrong train28 "Con của em trai tôi mới sinh, tôi là Phó Chủ tịch
# phường có được tự ký đăng ký khai sinh cho cháu không …" (BM25 train28 43 / 10 / 2 on, 42 / 10 / 3 off; embedder too)
SESSION29_FIRST_PERSON_KIN = True

# "tôi là Phó Chủ tịch phường", "em là cán bộ tư pháp", "tôi đang làm công chức", "với tư cách là chủ tịch" (folded).
_ASKER_OFFICIAL = re.compile(r"\b(?:(?P<who>toi|tui|minh|em|chung toi) (?:la|dang la|hien la|lam|dang lam)|"
                             r"voi tu cach(?: la)?) (?:[a-z]+ )?" + _OFFICIAL.pattern[2:])
# A kinship noun (with "trai / gái / ruột / nội / ngoại / họ" after it), "của" or not, before the pronoun (folded).
_KIN = r"(?:con|chau|vo|chong|em|anh|chi|bo|me|cha|ong ba|ong|ba)(?: (?:trai|gai|ruot|noi|ngoai|ho))? (?:cua )?"


def _official_of_own_family(padded: str) -> bool:
    """Whether the question (folded, padded) says the asker is an official and names his own family by a kinship
    noun and the pronoun he uses for himself ("tôi" where he says none: "với tư cách là chủ tịch, … bố tôi")."""
    asker = _ASKER_OFFICIAL.search(padded)
    if asker is None:
        return False
    who = asker.group("who") or "toi"
    return re.search(rf"\b{_KIN}{who}\b", padded) is not None


def asked(folded_query: str) -> list[Rule]:
    """The rules whose kind of question this is (folded, padded)."""
    padded = f" {folded_query.strip()} "
    found = [rule for rule in RULES if all(p.search(padded) for p in rule.asks)
             and not (rule.unless and rule.unless.search(padded))]
    if (SESSION29_FIRST_PERSON_KIN and not any(rule.family == "own_interest" for rule in found)
            and _MAY.search(padded) and _official_of_own_family(padded)):
        found += [rule for rule in RULES if rule.family == "own_interest"]
    return found


def rule_passage(conn: sqlite3.Connection, folded_query: str, documents: Collection[int]) -> sqlite3.Row | None:
    """The passage in force, of one of `documents`, holding the official words of a rule the question asks and stating
    what it asks for (an amount, a time, a penalty); None when the question is of no such kind or those documents hold
    none (a question naming both a complaint and a denunciation finds both rules: it does not say which, and nothing
    is put first)."""
    rules = asked(folded_query)
    if not rules or not documents:
        return None
    found: dict[int, sqlite3.Row] = {}
    for rule in rules:
        ids = [int(r[0]) for r in conn.execute("SELECT id FROM kb_chunks WHERE folded LIKE ? ORDER BY id",
                                               (f"%{rule.phrase}%",))]
        for row in store.chunks_with_documents(conn, ids):
            if (int(row["doc_id"]) in documents and in_force(row["status"]) and not row["repealed"]
                    and relevance.states_what_is_asked(folded_query, row["folded"])):
                found.setdefault(int(row["id"]), row)
    return next(iter(found.values())) if len(found) == 1 else None
