"""Demo ward: a few issued documents in the register and drafts in progress (fictional)."""

from __future__ import annotations

import datetime as dt

from appliance.demo.context import DemoContext
from appliance.drafting.service import create_draft, issue_document

_ISSUED = [
    ("cong_van", "Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa tổ dân phố số 3", 40,
     "Ủy ban nhân dân phường nhận được đề nghị của Tổ dân phố số 3 về việc nhà văn hóa xuống cấp, mái bị dột.\n"
     "Ủy ban nhân dân phường kính đề nghị Sở Tài chính xem xét, hỗ trợ kinh phí sửa chữa theo quy định./.",
     ["Sở Tài chính Thành phố Hà Nội"]),
    ("thong_bao", "Lịch tiếp công dân của lãnh đạo UBND phường tháng 11 năm 2026", 30,
     "Lãnh đạo UBND phường tiếp công dân định kỳ vào sáng thứ Năm hằng tuần tại Trụ sở UBND phường.\n"
     "Công dân đến đúng giờ, mang theo giấy tờ tùy thân và tài liệu liên quan./.", ["Các tổ dân phố"]),
    ("quyet_dinh", "Về việc thành lập Tổ công tác rà soát hộ nghèo, hộ cận nghèo năm 2026", 25,
     "", []),
    ("ke_hoach", "Tổ chức tổng vệ sinh môi trường chào mừng năm mới 2027", 12, "", []),
    ("giay_moi", "Hội nghị giao ban tổ trưởng dân phố tháng 11 năm 2026", 6, "", ["Các đồng chí tổ trưởng dân phố"]),
    ("bao_cao", "Kết quả giải quyết thủ tục hành chính tháng 10 năm 2026", 18, "", []),
]
_DRAFTS = [
    ("to_trinh", "Đề nghị phê duyệt danh sách hộ nghèo, hộ cận nghèo năm 2027",
     "đề nghị HĐND phường xem xét danh sách 12 hộ nghèo và 20 hộ cận nghèo sau rà soát"),
    ("cong_van", "Đôn đốc thu gom rác thải đúng giờ", "đề nghị các tổ dân phố nhắc người dân bỏ rác đúng giờ"),
]


def load(ctx: DemoContext) -> dict[str, int]:
    count = 0
    # Issued oldest first: the register numbers documents in date order.
    for doc_type, trich_yeu, days_before, noi_dung, noi_nhan in sorted(_ISSUED, key=lambda item: -item[2]):
        day = ctx.anchor - dt.timedelta(days=days_before)
        payload: dict[str, str | list[str]] = {"doc_type": doc_type, "trich_yeu": trich_yeu, "ngay": day.isoformat(),
                                   "noi_nhan": noi_nhan}
        if noi_dung:
            payload["noi_dung"] = noi_dung
        draft = create_draft(ctx.conn, ctx.settings, payload, None, use_registry=False)
        if day.year == ctx.anchor.year:
            issue_document(ctx.conn, draft["id"], None, day)
        count += 1
    for doc_type, trich_yeu, yeu_cau in _DRAFTS:
        create_draft(ctx.conn, ctx.settings, {"doc_type": doc_type, "trich_yeu": trich_yeu, "yeu_cau": yeu_cau,
                                              "ngay": ctx.anchor.isoformat()}, None, use_registry=False)
        count += 1
    return {"drafting_documents": count}
