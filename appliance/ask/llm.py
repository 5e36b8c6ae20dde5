"""The model engine: a generator writes SQL over the reporting views for questions the parser
cannot answer. Its output is never trusted: guard.validate and guard.run apply exactly as for
the parser's SQL, and the answer says the model wrote it."""

from __future__ import annotations

import re
from typing import Any

from appliance.ask.guard import VIEWS
from appliance.engines import engine

SCHEMA = """Các view SQLite được phép đọc (chỉ SELECT):
v_ho_so(ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan 'YYYY-MM-DD', han_xu_ly 'YYYY-MM-DD',
  ngay_tra_ket_qua 'YYYY-MM-DD' hoặc NULL, trang_thai ('Đã trả kết quả','Đang xử lý','Chờ bổ sung','Từ chối'),
  hinh_thuc_nop ('Trực tiếp','Trực tuyến','Bưu chính'), can_bo_xu_ly, thang_tiep_nhan 'YYYY-MM',
  thang_tra_ket_qua 'YYYY-MM', da_giai_quyet 0/1, dung_han 0/1, tre_han 0/1, truc_tuyen 0/1, tu_choi 0/1,
  chua_tra 0/1, so_ngay_xu_ly số ngày)
v_phan_anh(ma_phan_anh, kenh, ma_linh_vuc, linh_vuc, don_vi_xu_ly, trang_thai ('cho_xu_ly','dang_xu_ly',
  'da_xu_ly','tu_choi'), ngay_tiep_nhan, thang_tiep_nhan, han_xu_ly, ngay_xu_ly_xong, chua_xu_ly 0/1)
v_chi_tieu(chi_tieu, don_vi_tinh, ky ('2026-10','2026-Q3','2026'), ke_hoach, thuc_hien, ty_le_hoan_thanh)
Định nghĩa: tiếp nhận đếm theo ngay_tiep_nhan; đã giải quyết/đúng hạn/trễ hạn đếm theo ngay_tra_ket_qua với
da_giai_quyet = 1; tỷ lệ đúng hạn = 100.0*SUM(dung_han)/SUM(da_giai_quyet); quá hạn chưa giải quyết tại ngày D:
chua_tra = 1 AND ngay_tiep_nhan <= D AND han_xu_ly < D."""

EXAMPLES = [
    ("Tháng 10/2026 tiếp nhận bao nhiêu hồ sơ?",
     "SELECT COUNT(*) AS tiep_nhan FROM v_ho_so WHERE ngay_tiep_nhan BETWEEN '2026-10-01' AND '2026-10-31'"),
    ("Tỷ lệ đúng hạn quý 3/2026 lĩnh vực Đất đai?",
     "SELECT 100.0 * SUM(dung_han) / NULLIF(COUNT(*), 0) AS ty_le_dung_han FROM v_ho_so WHERE da_giai_quyet = 1"
     " AND ngay_tra_ket_qua BETWEEN '2026-07-01' AND '2026-09-30' AND linh_vuc = 'Đất đai'"),
    ("Cán bộ nào giải quyết nhiều hồ sơ nhất năm 2026?",
     "SELECT can_bo_xu_ly, COUNT(*) AS da_giai_quyet FROM v_ho_so WHERE da_giai_quyet = 1 AND ngay_tra_ket_qua"
     " BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY can_bo_xu_ly ORDER BY da_giai_quyet DESC LIMIT 5"),
]

_FENCE = re.compile(r"```(?:sql)?\s*(.*?)```", re.S | re.I)


def build_messages(question: str, today: str, names: dict[str, list[str]]) -> list[dict[str, str]]:
    values = "\n".join(f"{k}: {', '.join(v[:40])}" for k, v in names.items() if v)
    shots = "\n\n".join(f"Câu hỏi: {q}\nSQL: {s}" for q, s in EXAMPLES)
    system = (f"Bạn viết đúng MỘT câu lệnh SQLite SELECT trả lời câu hỏi về số liệu của UBND phường. Hôm nay là "
              f"{today}. Chỉ dùng các view dưới đây. Không bao giờ viết lệnh ghi, PRAGMA, ATTACH. Nếu không thể "
              f"trả lời bằng các view này, chỉ viết KHONG_TRA_LOI.\n\n{SCHEMA}\n\nGiá trị có trong dữ liệu:\n"
              f"{values}\n\nVí dụ:\n{shots}")
    return [{"role": "system", "content": system}, {"role": "user", "content": f"Câu hỏi: {question}\nSQL:"}]


def extract_sql(text: str) -> str | None:
    if "KHONG_TRA_LOI" in text.upper():
        return None
    fenced = _FENCE.search(text)
    body = fenced.group(1) if fenced else text
    start = re.search(r"\b(select|with)\b", body, re.I)
    if not start:
        return body.strip() or None  # not a SELECT: the validator explains why it is refused
    return body[start.start():].strip().split("\n\n")[0].strip()


def get_generator(settings: Any, registry: Any = None) -> Any:
    """The installed text generator, or None (no model, or the engines layer is absent)."""
    return engine(settings, "generator", registry)


def write_sql(generator: Any, question: str, today: str, names: dict[str, list[str]]) -> str | None:
    text = generator.chat(build_messages(question, today, names), max_tokens=400, temperature=0.0)
    return extract_sql(str(text))


__all__ = ["VIEWS", "build_messages", "extract_sql", "get_generator", "write_sql"]
