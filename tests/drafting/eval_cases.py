"""Draft requests as officers write them, for `appliance eval` (drafting.bodies): the body must keep
the Nghị định 30 format and hold no figure, date, name or reference the officer did not give."""

from __future__ import annotations

REQUESTS: list[dict[str, str]] = [
    {"doc_type": "cong_van", "trich_yeu": "Tổng vệ sinh môi trường",
     "yeu_cau": "đề nghị các tổ dân phố vận động Nhân dân tham gia tổng vệ sinh vào sáng Chủ nhật 14/12/2026"},
    {"doc_type": "cong_van", "trich_yeu": "Đôn đốc nộp báo cáo công tác cải cách hành chính",
     "yeu_cau": "đề nghị các bộ phận gửi báo cáo cải cách hành chính năm 2026 về Văn phòng trước ngày 20/12/2026"},
    {"doc_type": "thong_bao", "trich_yeu": "Lịch trực Tết Nguyên đán",
     "yeu_cau": "thông báo lịch trực 24/24 từ ngày 14/02/2027 đến hết ngày 20/02/2027, mỗi ngày 2 cán bộ"},
    {"doc_type": "thong_bao", "trich_yeu": "Lịch tiếp công dân tháng 12",
     "yeu_cau": "Chủ tịch Ủy ban nhân dân phường tiếp công dân vào sáng thứ Năm hằng tuần tại trụ sở"},
    {"doc_type": "giay_moi", "trich_yeu": "Hội nghị tổng kết công tác năm 2026",
     "yeu_cau": "mời các tổ trưởng tổ dân phố dự hội nghị tổng kết", "thoi_gian": "08 giờ 00, ngày 26/12/2026",
     "dia_diem": "Hội trường Ủy ban nhân dân phường"},
    {"doc_type": "quyet_dinh", "trich_yeu": "Thành lập Tổ kiểm tra trật tự đô thị",
     "yeu_cau": "thành lập tổ kiểm tra trật tự đô thị gồm 5 thành viên do Phó Chủ tịch phụ trách đô thị làm tổ trưởng"},
    {"doc_type": "ke_hoach", "trich_yeu": "Kế hoạch chuyển đổi số năm 2027",
     "yeu_cau": "lập kế hoạch số hóa 100% hồ sơ hộ tịch trước tháng 6/2027 và tập huấn chữ ký số cho cán bộ"},
    {"doc_type": "to_trinh", "trich_yeu": "Đề nghị phê duyệt kinh phí sửa chữa nhà văn hóa",
     "yeu_cau": "trình phê duyệt kinh phí 150.000.000 đồng sửa chữa mái nhà văn hóa tổ dân phố số 3"},
    {"doc_type": "bao_cao", "trich_yeu": "Báo cáo kết quả giải quyết thủ tục hành chính quý IV năm 2026",
     "yeu_cau": "báo cáo tiếp nhận 1.250 hồ sơ, giải quyết đúng hạn 97,6%, còn 12 hồ sơ quá hạn lĩnh vực đất đai"},
]
