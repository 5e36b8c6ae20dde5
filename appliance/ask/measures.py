"""The Vietnamese words that name the measures the question box computes. The measures
themselves (labels, SQL, which rows and which day) are the reporting layer's table."""

from __future__ import annotations

# Folded phrases → base measure, longest first when matched. Rates are formed by "tỷ lệ"/"%".
RECORD_PHRASES: list[tuple[str, str]] = [
    ("qua han chua giai quyet", "qua_han"), ("chua giai quyet qua han", "qua_han"),
    ("thoi gian giai quyet", "so_ngay_tb"), ("thoi gian xu ly", "so_ngay_tb"),
    ("so ngay giai quyet", "so_ngay_tb"), ("so ngay xu ly", "so_ngay_tb"), ("mat bao lau", "so_ngay_tb"),
    ("bao nhieu ngay", "so_ngay_tb"),
    ("chua giai quyet", "chua_giai_quyet"), ("chua tra ket qua", "chua_giai_quyet"),
    ("ton dong", "chua_giai_quyet"), ("dang ton", "chua_giai_quyet"), ("con ton", "chua_giai_quyet"),
    ("dung thoi han", "dung_han"), ("dung han", "dung_han"), ("dung hen", "dung_han"),
    ("tre han", "tre_han"), ("tre hen", "tre_han"), ("tra tre", "tre_han"), ("tra cham", "tre_han"),
    ("cham han", "tre_han"),
    ("qua han", "qua_han"),
    ("da giai quyet", "da_giai_quyet"), ("giai quyet xong", "da_giai_quyet"), ("giai quyet", "da_giai_quyet"),
    ("da tra ket qua", "da_giai_quyet"), ("tra ket qua", "da_giai_quyet"), ("xu ly xong", "da_giai_quyet"),
    ("hoan thanh", "da_giai_quyet"),
    ("bi tu choi", "tu_choi"), ("tu choi", "tu_choi"),
    ("tiep nhan", "tiep_nhan"), ("nhan duoc", "tiep_nhan"), ("nop vao", "tiep_nhan"), ("nop", "tiep_nhan"),
    ("xu ly", "da_giai_quyet"), ("tre", "tre_han"),
]
FEEDBACK_PHRASES: list[tuple[str, str]] = [
    ("qua han", "pa_qua_han"), ("tre han", "pa_qua_han"), ("cham xu ly", "pa_qua_han"),
    ("da xu ly", "pa_da_xu_ly"), ("xu ly xong", "pa_da_xu_ly"), ("da giai quyet", "pa_da_xu_ly"),
    ("tiep nhan", "pa_tiep_nhan"), ("nhan duoc", "pa_tiep_nhan"), ("gui", "pa_tiep_nhan"),
]
RATE_WORDS = ["ty le", "ti le", "phan tram", "%"]
RATE_OF = {"dung_han": "ty_le_dung_han", "tre_han": "ty_le_tre_han", "qua_han": "ty_le_tre_han",
           "truc_tuyen": "ty_le_truc_tuyen", "tu_choi": "ty_le_tu_choi", "pa_da_xu_ly": "pa_ty_le_da_xu_ly"}

FEEDBACK_CUES = ["phan anh", "kien nghi", "gop y", "khieu nai", "y kien nguoi dan"]
INDICATOR_CUES = ["chi tieu", "ke hoach", "kinh te xa hoi", "kt xh", "ktxh"]

# Dimension words → the grouped column (per domain); "month" groups by the basis' month.
DIMENSIONS: dict[str, dict[str, str]] = {
    "ho_so": {"linh vuc": "linh_vuc", "thu tuc": "ten_thu_tuc", "can bo": "can_bo_xu_ly",
              "nguoi xu ly": "can_bo_xu_ly", "hinh thuc nop": "hinh_thuc_nop", "hinh thuc": "hinh_thuc_nop",
              "kenh": "hinh_thuc_nop", "trang thai": "trang_thai", "thang": "month"},
    "phan_anh": {"linh vuc": "linh_vuc", "loai": "linh_vuc", "nhom": "linh_vuc", "trang thai": "trang_thai",
                 "kenh": "kenh", "don vi": "don_vi_xu_ly", "phong": "don_vi_xu_ly", "thang": "month"},
}
DIMENSION_LABELS = {"linh_vuc": "Lĩnh vực", "ten_thu_tuc": "Thủ tục", "can_bo_xu_ly": "Cán bộ xử lý",
                    "hinh_thuc_nop": "Hình thức nộp", "trang_thai": "Trạng thái", "month": "Tháng",
                    "kenh": "Kênh", "don_vi_xu_ly": "Đơn vị xử lý"}
TREND_WORDS = ["xu huong", "dien bien", "hang thang", "qua cac thang", "tung thang", "moi thang", "theo thang",
               "cac thang"]
TOP_DESC = ["nhieu nhat", "cao nhat", "lon nhat", "dung dau", "nhieu hon ca"]
TOP_ASC = ["it nhat", "thap nhat", "nho nhat"]
COMPARE_WORDS = ["so voi", "so sanh", "tang hay giam", "tang giam", "chenh lech", "thay doi the nao",
                 "nhieu hon hay it hon", "cao hon hay thap hon"]
PERSON_CUES = {"can bo", "anh", "chi", "ong", "ba", "dong chi", "co", "chu", "em"}


def all_phrases() -> list[str]:
    """Every keyword phrase, for the typo-repair vocabulary."""
    phrases = [p for p, _ in RECORD_PHRASES + FEEDBACK_PHRASES]
    phrases += RATE_WORDS + FEEDBACK_CUES + INDICATOR_CUES + TREND_WORDS + TOP_DESC + TOP_ASC + COMPARE_WORDS
    for dims in DIMENSIONS.values():
        phrases += list(dims)
    phrases += list(PERSON_CUES) + ["ai", "theo", "tung", "nao", "top", "cung ky", "ky truoc", "moi ngay",
                                    "trung binh", "binh quan", "bao nhieu phan tram", "thuc hien", "dat"]
    return phrases
