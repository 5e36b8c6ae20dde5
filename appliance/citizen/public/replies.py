"""The chatbot's words for everything that is not a procedure's record: FAQ answers from the
ward's own settings, the honest "phường không giải quyết việc này", clarifying choices, variant
notes and the hand-over. Facts come only from the ward's published profile, the catalogue records
and the out-of-scope table (data/understanding.toml); a value the ward has not set is "cần xác nhận".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from appliance.citizen.matching import Procedure, tokens
from appliance.citizen.phrasings import FAQ_LABELS, OutOfScope

UNSET = "cần xác nhận (phường chưa cập nhật thông tin này)"
HANDOVER = "handover"
HANDOVER_TITLE = "Gặp cán bộ"
CONFIRM_YES = "Gửi phản ánh"
CONFIRM_NO = "Không, tôi muốn hỏi"
# Profile fields a citizen may see (published to public.db), by FAQ topic.
PROFILE_FIELD = {"gio_lam_viec": "opening_hours", "dia_chi": "address", "so_dien_thoai": "phone",
                 "lich_tiep_cong_dan": "reception_schedule"}
QUALIFIER_LABELS = {
    "nuoc_ngoai": "có yếu tố nước ngoài", "qua_han": "đăng ký quá hạn", "nguoi_da_mat": "liên quan đến người đã mất",
    "uy_quyen": "nhờ người khác làm thay (ủy quyền)", "lai": "đăng ký lại (sổ gốc không còn)",
}
# Words of the record that speak of a qualifier: the record's own sentences on it are quoted.
QUALIFIER_WORDS = {
    "nuoc_ngoai": ("nuoc ngoai",), "qua_han": ("qua han", "dung han"), "nguoi_da_mat": ("nguoi chet", "da chet"),
    "uy_quyen": ("uy quyen", "nguoi than thich", "dai dien"), "lai": ("dang ky lai",),
}
# Qualifiers after which the ordinary record may be the wrong papers: the record is not listed.
WITHHOLD_RECORD = ("nuoc_ngoai", "lai")
_LINK = re.compile(r"https?://[^\s)\]]+")


def profile_value(profile: Mapping[str, str], field: str) -> str:
    value = (profile.get(field) or "").strip()
    return value or UNSET


def faq_answer(topic: str, profile: Mapping[str, str], procedures: Sequence[Procedure]) -> str:
    name = profile.get("name") or "phường"
    if topic in PROFILE_FIELD:
        value = profile_value(profile, PROFILE_FIELD[topic])
        text = f"{FAQ_LABELS[topic]} của {name}: {value}."
        if topic == "dia_chi" and profile.get("opening_hours"):
            text += f"\nGiờ làm việc: {profile['opening_hours']}."
        if topic in ("gio_lam_viec", "lich_tiep_cong_dan") and profile.get("phone"):
            text += f"\nĐiện thoại: {profile['phone']}."
        return text
    if topic == "nop_truc_tuyen":
        portal = online_portal(procedures)
        text = ("Hồ sơ trực tuyến nộp qua " + (portal or "Cổng Dịch vụ công (địa chỉ cần xác nhận)") +
                ". Mỗi thủ tục có cách nộp riêng: bạn hỏi tên thủ tục (ví dụ «khai sinh nộp online») để tôi chỉ "
                "đúng chỗ; có thủ tục phải ký trước mặt cán bộ nên không nộp trực tuyến được.")
        if profile.get("website"):
            text += f"\nTrang thông tin của phường: {profile['website']}."
        return text
    if topic == "tra_cuu_ho_so":
        portal = online_portal(procedures)
        phone = profile.get("phone") or ""
        return ("Để biết hồ sơ đã nộp đang giải quyết tới đâu, bạn dùng mã hồ sơ ghi trên giấy tiếp nhận và hẹn trả "
                "kết quả: tra cứu trên " + (portal or "Cổng Dịch vụ công") + ", hoặc hỏi bộ phận một cửa của phường" +
                (f" (điện thoại {phone})" if phone else "") + ". Nếu là phản ánh đã gửi qua đây, bạn gửi mã phản ánh "
                "(ví dụ PA-7K3-M4X) để tôi tra cứu.")
    return UNSET


def online_portal(procedures: Sequence[Procedure]) -> str:
    """The portal the catalogue's records name most often ("Cổng Dịch vụ công quốc gia: https://…")."""
    seen: Counter[str] = Counter()
    for proc in procedures:
        text = str(proc.data.get("online_url") or "")
        link = _LINK.search(text)
        if link:
            label = text[:link.start()].rstrip(": ").split(",")[-1].strip().split("/")[-1].strip()
            seen[f"{label} ({link.group(0)})" if label else link.group(0)] += 1
    return seen.most_common(1)[0][0] if seen else ""


def out_of_scope_answer(topic: OutOfScope | None, ward: str = "phường") -> str:
    if topic is None:
        return (f"Việc này không thuộc các thủ tục {ward} giải quyết. Tôi hỗ trợ thủ tục hành chính của phường "
                "(ví dụ: khai sinh, kết hôn, chứng thực, sổ đỏ, tạm trú), nhận phản ánh và tra cứu mã phản ánh.")
    text = f"Việc {topic.label} không do {ward} giải quyết."
    if topic.where:
        text += f" Bạn liên hệ: {topic.where}."
    return text + " Nếu cần, tôi có thể hướng dẫn các thủ tục của phường hoặc nhận phản ánh của bạn."


def variant_note(proc: Procedure, qualifiers: Sequence[str]) -> str:
    """What the record itself says about the citizen's case, or that it needs confirming."""
    lines = []
    for qualifier in qualifiers:
        said = record_lines(proc, QUALIFIER_WORDS.get(qualifier, ()))
        label = QUALIFIER_LABELS[qualifier]
        if said:
            quoted = "\n".join(f"• {line}" for line in said[:3])
            lines.append(f"Trường hợp {label} — danh mục thủ tục ghi:\n{quoted}")
        else:
            lines.append(f"Trường hợp {label}: giấy tờ, nơi nộp hoặc lệ phí có thể khác trường hợp thông thường. "
                         "Chi tiết cần xác nhận với cán bộ phụ trách trước khi bạn chuẩn bị hồ sơ.")
    return "\n\n".join(lines)


def record_lines(proc: Procedure, words: Sequence[str]) -> list[str]:
    """Sentences of the record (documents, steps, fee, time, where) that contain any of `words`."""
    if not words:
        return []
    found: list[str] = []
    for field in ("documents", "how", "fee", "processing_time", "where"):
        value = proc.data.get(field)
        values = value if isinstance(value, list) else [value] if value else []
        for line in values:
            folded = " ".join(tokens(str(line)))
            if any(f" {w} " in f" {folded} " for w in words) and str(line) not in found:
                found.append(str(line))
    return found


def withheld_intro(proc: Procedure, qualifiers: Sequence[str]) -> str:
    labels = ", ".join(QUALIFIER_LABELS[q] for q in qualifiers if q in WITHHOLD_RECORD)
    return (f"Câu hỏi của bạn thuộc thủ tục «{proc.name}», trường hợp {labels}. Giấy tờ của trường hợp này khác "
            "trường hợp thông thường, nên tôi không liệt kê để bạn khỏi chuẩn bị nhầm.")
