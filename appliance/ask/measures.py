"""The Vietnamese words that name the measures the question box computes, and the words that ask
for a comparison, a ranking or a list. The measures themselves (labels, SQL, which rows and which
day) are the reporting layer's table. Phrases are folded; longer phrases are matched first.

Families, not test sentences: each entry is a way leaders say a thing ("chưa trả", "còn tồn",
"đang giải quyết" all mean records still open), checked on the development set.
"""

from __future__ import annotations

# Folded phrases → base measure. Rates are formed by "tỷ lệ"/"%".
RECORD_PHRASES: list[tuple[str, str]] = [
    # quá hạn chưa giải quyết (open and past due)
    ("qua han chua giai quyet", "qua_han"), ("chua giai quyet qua han", "qua_han"), ("qua han chua tra", "qua_han"),
    # "quá hạn xử lý / giải quyết": past the deadline (hạn xử lý), not the handled ones returned late
    ("qua han xu ly", "qua_han"), ("qua han giai quyet", "qua_han"),
    ("qua han", "qua_han"), ("tre han chua giai quyet", "qua_han"), ("het han chua giai quyet", "qua_han"),
    # processing time
    ("thoi gian giai quyet", "so_ngay_tb"), ("thoi gian xu ly", "so_ngay_tb"), ("thoi gian", "so_ngay_tb"),
    ("so ngay giai quyet", "so_ngay_tb"), ("so ngay xu ly", "so_ngay_tb"), ("mat bao lau", "so_ngay_tb"),
    ("mat bao nhieu ngay", "so_ngay_tb"), ("mat bao nhieu thoi gian", "so_ngay_tb"), ("bao nhieu ngay", "so_ngay_tb"),
    ("bao lau", "so_ngay_tb"), ("mat ngay", "so_ngay_tb"), ("het bao nhieu ngay", "so_ngay_tb"),
    ("het bao lau", "so_ngay_tb"),
    # still open at a day (đang giải quyết, tồn)
    ("chua giai quyet", "chua_giai_quyet"), ("chua tra ket qua", "chua_giai_quyet"), ("chua tra", "chua_giai_quyet"),
    ("chua xu ly", "chua_giai_quyet"), ("chua xong", "chua_giai_quyet"), ("chua hoan thanh", "chua_giai_quyet"),
    ("chua co ket qua", "chua_giai_quyet"), ("dang giai quyet", "chua_giai_quyet"), ("dang xu ly", "chua_giai_quyet"),
    ("dang thu ly", "chua_giai_quyet"), ("ton dong", "chua_giai_quyet"), ("dang ton", "chua_giai_quyet"),
    ("con ton", "chua_giai_quyet"), ("ton lai", "chua_giai_quyet"), ("ton", "chua_giai_quyet"),
    ("dang giu", "chua_giai_quyet"), ("dang om", "chua_giai_quyet"), ("om", "chua_giai_quyet"),
    # "chờ" folds to "cho" (give, a filler): waiting to be handled or returned is still open ("đang chờ xử lý"
    # had been read as "xử lý", the returned ones)
    ("dang cho xu ly", "chua_giai_quyet"), ("cho xu ly", "chua_giai_quyet"), ("cho giai quyet", "chua_giai_quyet"),
    ("cho tra ket qua", "chua_giai_quyet"), ("cho tra", "chua_giai_quyet"), ("cho duyet", "chua_giai_quyet"),
    ("cho ky", "chua_giai_quyet"),
    # on time / late among those returned
    ("dung thoi han", "dung_han"), ("dung han", "dung_han"), ("dung hen", "dung_han"), ("trong han", "dung_han"),
    ("dung ngay hen", "dung_han"),
    ("khong dung han", "tre_han"), ("khong dung hen", "tre_han"), ("tre han", "tre_han"), ("tre hen", "tre_han"),
    ("tra tre", "tre_han"), ("tra muon", "tre_han"), ("giai quyet muon", "tre_han"), ("tra cham", "tre_han"),
    ("cham han", "tre_han"), ("cham tre", "tre_han"), ("muon han", "tre_han"), ("muon hen", "tre_han"),
    ("tra muon han", "tre_han"), ("tre hen", "tre_han"),
    # returned (đã giải quyết)
    ("da giai quyet xong", "da_giai_quyet"), ("da xu ly xong", "da_giai_quyet"), ("da tra xong", "da_giai_quyet"),
    ("da giai quyet", "da_giai_quyet"), ("giai quyet xong", "da_giai_quyet"), ("giai quyet", "da_giai_quyet"),
    ("da tra ket qua", "da_giai_quyet"), ("tra ket qua", "da_giai_quyet"), ("xu ly xong", "da_giai_quyet"),
    ("da xu ly", "da_giai_quyet"), ("hoan thanh", "da_giai_quyet"), ("da cap", "da_giai_quyet"),
    ("cap", "da_giai_quyet"), ("tra", "da_giai_quyet"),
    # rejected: "không đạt" is a record that did not meet the requirements
    ("khong giai quyet dung han", "tre_han"), ("khong duoc giai quyet dung han", "tre_han"),
    ("khong duoc giai quyet", "tu_choi"), ("khong giai quyet", "tu_choi"),
    ("tu choi giai quyet", "tu_choi"), ("bi tu choi", "tu_choi"), ("tu choi", "tu_choi"), ("khong dat", "tu_choi"),
    ("khong du dieu kien", "tu_choi"),
    ("khong tiep nhan", "tu_choi"),
    # the source statuses the importer classes as Từ chối (dashboard/vocabulary.py): "Trả lại hồ sơ", "Dừng xử lý"
    ("bi tra lai", "tu_choi"), ("tra lai", "tu_choi"), ("dung xu ly", "tu_choi"),
    # withdrawn or cancelled (class "Rút/hủy"): never open, never overdue
    ("rut hoac huy", "rut_huy"), ("rut huy", "rut_huy"), ("rut ho so", "rut_huy"), ("xin rut", "rut_huy"),
    ("rut lai", "rut_huy"), ("bi huy", "rut_huy"), ("da huy", "rut_huy"), ("huy ho so", "rut_huy"),
    # received
    ("tiep nhan", "tiep_nhan"), ("nhan duoc", "tiep_nhan"), ("nop vao", "tiep_nhan"), ("nop", "tiep_nhan"),
    ("nhan", "tiep_nhan"),
    ("xu ly", "da_giai_quyet"), ("tre", "tre_han"),
]
# Words of session 12's readings that rule R1 switched off and session 16 retired (a direction "nhận vào / trả
# ra", a refusal "không nhận giải quyết", processing time "rút ngắn"): no longer read, but still known to typo
# repair (all_phrases), so that it never turns them into another word.
KNOWN_ONLY = ["nhan vao", "tiep nhan vao", "tra ra", "tra ket qua ra", "khong nhan giai quyet", "khong nhan xu ly",
              "khong nhan ho so", "khong thu ly", "rut ngan duoc", "rut ngan", "ngan lai", "ngan hon", "keo dai hon",
              "dai hon",
              # session 17's readings (retired in session 18): known, so typo repair never turns "nhích" into "chích"
              "nhich len", "nhich xuong", "giam di", "chot so lieu",
              # bug fix (session 27, rule R7): "trend" (month by month) had been repaired into "trên", filler, and the
              # period's total given ("trend phản ánh từ tháng 5 đến tháng 10"); known, it is unread: unsure
              "trend"]

FEEDBACK_PHRASES: list[tuple[str, str]] = [
    ("qua han xu ly", "pa_qua_han"), ("xu ly qua han", "pa_qua_han"), ("tre han xu ly", "pa_qua_han"),
    ("xu ly tre han", "pa_qua_han"), ("qua han", "pa_qua_han"), ("tre han", "pa_qua_han"),
    ("cham xu ly", "pa_qua_han"), ("tre", "pa_qua_han"),
    ("chua xu ly xong", "pa_chua_xu_ly"), ("chua xu ly", "pa_chua_xu_ly"), ("chua xong", "pa_chua_xu_ly"),
    ("chua giai quyet", "pa_chua_xu_ly"),
    ("chua tra loi", "pa_chua_xu_ly"), ("con ton", "pa_chua_xu_ly"), ("ton dong", "pa_chua_xu_ly"),
    ("ton", "pa_chua_xu_ly"),
    ("da xu ly xong", "pa_da_xu_ly"), ("da xu ly", "pa_da_xu_ly"), ("xu ly xong", "pa_da_xu_ly"),
    ("da giai quyet xong", "pa_da_xu_ly"),
    ("giai quyet xong", "pa_da_xu_ly"), ("da giai quyet", "pa_da_xu_ly"),
    ("xu ly", "pa_da_xu_ly"),
    ("tiep nhan", "pa_tiep_nhan"), ("nhan duoc", "pa_tiep_nhan"), ("gui", "pa_tiep_nhan"), ("nhan", "pa_tiep_nhan"),
]
RATE_WORDS = ["ty le", "ti le", "phan tram", "%", "tren tong so", "tren tong"]  # "đúng hạn trên tổng số": a rate
RATE_OF = {"dung_han": "ty_le_dung_han", "tre_han": "ty_le_tre_han", "qua_han": "ty_le_tre_han",
           "truc_tuyen": "ty_le_truc_tuyen", "tu_choi": "ty_le_tu_choi", "pa_da_xu_ly": "pa_ty_le_da_xu_ly"}
# Phrases that name nothing to compute and change nothing ("trả lời giúp", "cho biết").
IGNORED_PHRASES = ["tra loi giup", "tra loi", "cho biet", "thuoc", "nam o"]
# After "trả lời" these say it is addressed to the box ("trả lời giúp", "trả lời cho anh"), not a
# complaint answered ("đã trả lời bao nhiêu phản ánh": resolved).
ADDRESSED = {"giup", "cho", "em", "anh", "chi", "toi", "minh", "ho", "nhanh", "ngay", "di", "nhe"}

FEEDBACK_CUES = ["phan anh kien nghi", "phan anh", "kien nghi", "gop y", "khieu nai", "y kien nguoi dan",
                 "don thu", "to cao"]
INDICATOR_CUES = ["chi tieu", "ke hoach", "kinh te xa hoi", "kt xh", "ktxh"]
RECORD_CUES = ["ho so", "tthc", "mot cua"]

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
                    "kenh": "Kênh", "don_vi_xu_ly": "Đơn vị xử lý", "ma_linh_vuc": "Lĩnh vực",
                    "quarter": "Quý", "week": "Tuần", "quy": "Quý", "tuan": "Tuần (từ ngày)"}
# Verbs that ask for a breakdown once a dimension is named ("chia theo từng thủ tục", "phân theo lĩnh vực").
GROUP_VERBS = ["sap xep theo", "xep theo", "sap xep", "xep", "chia ra theo", "chia theo", "phan chia theo", "phan theo",
               "tach theo", "tach ra theo",
               "phan loai theo", "boc tach theo", "chia ra", "chia", "phan loai", "tach ra", "tach"]
TREND_WORDS = ["xu huong", "dien bien", "hang thang", "qua cac thang", "tung thang", "moi thang", "theo thang",
               "cac thang"]
# An order said without a top ("giảm dần", "từ cao xuống thấp") ranks too; before the comparison words,
# so the "giảm" / "tăng" of an order never asks for two periods.
TOP_DESC = ["nhieu nhat", "cao nhat", "lon nhat", "dung dau", "nhieu hon ca", "giam dan", "tu cao xuong thap",
            "tu cao den thap", "tu nhieu den it", "tu nhieu xuong it"]
TOP_ASC = ["it nhat", "thap nhat", "nho nhat", "tang dan", "tu thap den cao", "tu thap len cao", "tu it den nhieu"]
# The order said as where the biggest goes ("theo lĩnh vực, cái nào nhiều xếp trước", "… ít lên đầu"): every
# group shown in that order; "nào" there asks nothing of its own (session 9).
_FIRST = ("xep truoc", "len truoc", "dung truoc", "len dau", "xep dau", "xep tren", "len tren")
SAID_ORDER_DESC = [f"{lead}{more} {first}" for lead in ("nao ", "") for more in ("nhieu", "nhieu hon", "cao", "cao hon")
                   for first in _FIRST]
SAID_ORDER_ASC = [f"{lead}{less} {first}" for lead in ("nao ", "") for less in ("it", "it hon", "thap", "thap hon")
                  for first in _FIRST]
TOP_DESC += SAID_ORDER_DESC
TOP_ASC += SAID_ORDER_ASC
ORDER_ONLY = {"giam dan", "tu cao xuong thap", "tu cao den thap", "tu nhieu den it", "tu nhieu xuong it", "tang dan",
              "tu thap den cao", "tu thap len cao", "tu it den nhieu",
              *SAID_ORDER_DESC, *SAID_ORDER_ASC}  # every group shown, in that order
# Speed words: with a ranking they rank by processing time ("chậm nhất" = the most days).
SLOWEST = ["cham nhat", "lau nhat"]
FASTEST = ["nhanh nhat"]
SPEED_COMPARE = ["nhanh hay cham hon", "cham hay nhanh hon", "nhanh hay cham", "cham hay nhanh", "nhanh hon",
                 "cham hon", "lau hon"]
# Session 12: "hơn hay kém" (more or less than), "kém (hơn)" said of two periods: a comparison ("kém" alone is
# also "kèm", attached: only these forms).
LESS = ["hon hay kem", "kem hay hon", "kem hon"]
# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): "hơn kém
# (bao nhiêu)", the difference asked, compares as "hơn hay kém" does ("kém" had been unknown: unsure).


def less_words() -> list[str]:
    return LESS + ["hon kem"]
COMPARE_WORDS = ["so voi", "so sanh", "tang hay giam", "giam hay tang", "tang giam", "chenh lech",
                 "thay doi the nao", "thay doi", "bien dong the nao", "nhieu hon hay it hon", "cao hon hay thap hon",
                 "nhieu hon", "it hon", "cao hon", "thap hon", "tang len", "giam xuong",
                 # spoken: "nhiều lên hay ít đi", "ít đi" (fewer), "nhiều lên" (more)
                 "nhieu len hay it di", "it di hay nhieu len", "nhieu len", "it di", "tang", "giam", "hon"]
SAME_PERIOD_LAST_YEAR = ["cung ky nam truoc", "cung ky nam ngoai", "cung ky nam roi", "cung ky"]
# Asking for the records themselves rather than a figure.
LIST_WORDS = ["loc ra", "loc giup", "loc cho", "loc",
              "danh sach", "liet ke", "ke ra", "ke ten", "neu ten", "la nhung ho so nao", "gom nhung ho so nao",
              "nhung ho so nao",
              "cac ho so nao", "ho so nao", "gom nhung", "la nhung", "nhung gi", "nhung phan anh nao",
              "phan anh nao", "ma ho so", "cu the la", "la ho so nao"]
# a list even with "bao nhiêu"
LIST_ALWAYS = ["danh sach", "liet ke", "ke ra", "ke ten", "neu ten", "ma ho so", "cu the la", "loc ra", "loc giup",
               "loc cho", "loc"]  # "lọc cho chị mấy hồ sơ …": filter the records, i.e. show them
LIST_OPENERS = ["cho xem cac", "cho xem nhung", "cac", "nhung", "xem cac", "xem"]  # "các hồ sơ …" with no figure asked
QUANTITY_WORDS = ["bao nhieu", "so ho so", "so phan anh", "so luong", "tong", "ty le", "%", "phan tram", "dem"]
OLDEST_WORDS = ["lau nhat", "cu nhat", "som nhat"]
NEWEST_WORDS = ["moi nhat", "gan nhat", "gan day nhat"]
FIELD_CUES = ["ben", "mang", "khoi", "nganh", "phia", "bo phan"]  # "bên đất đai", "mảng hộ tịch"
# Words that change the question and that the box gives no meaning to (an exception, "other", "soon"):
# known to the vocabulary so that typo repair never turns them into a measure ("trừ" is not "trả"),
# and never filler, so a question holding one is answered "unsure".
UNHANDLED = ["tru", "ngoai tru", "loai tru", "khong ke", "khong tinh", "khac", "rieng", "sap", "het", "som",
             "muon", "phai", "tru di"]
PERSON_CUES = {"can bo", "anh", "chi", "ong", "ba", "dong chi", "co", "chu", "em", "d/c"}
# Session 29 (`SESSION29_RETURNED_LATE`, read at run time by understand.measures; tested on and off in
# tests/ask/test_session29.py): "chậm / muộn" right after the whole "trả kết quả" ("mấy hồ sơ trả kết quả chậm",
# "trả kết quả muộn") or after "giải quyết" says late, as "trả chậm", "trả muộn", "giải quyết muộn" already do; the
# longer "trả kết quả" had been read as returned and "chậm / muộn" left unknown (unsure).
# off by rule R1 (session 29): fresh 842/361/19 on and off alone; R1b: off alone, training 886/336/6 (no verdict moves),
# no wrong back
SESSION29_RETURNED_LATE = False
RETURNED_LATE = [("tra ket qua cham", "tre_han"), ("tra ket qua muon", "tre_han"), ("giai quyet cham", "tre_han")]


# Plan achievement of indicators; for these a lower figure is better (hộ nghèo, tai nạn…).
PLAN_WORDS = ["de dat ke hoach", "thi dat ke hoach",  # "còn thiếu … để đạt kế hoạch": the shortfall
              "dat ke hoach", "so voi ke hoach", "ke hoach ca nam", "ke hoach nam", "ke hoach", "hoan thanh ke hoach"]
LOWER_IS_BETTER = ["ngheo", "tai nan", "o nhiem", "that nghiep", "chay no", "toi pham", "tu vong"]


def all_phrases() -> list[str]:
    """Every keyword phrase, for the typo-repair vocabulary."""
    phrases = [p for p, _ in RECORD_PHRASES + FEEDBACK_PHRASES]
    phrases += RATE_WORDS + FEEDBACK_CUES + INDICATOR_CUES + TREND_WORDS + TOP_DESC + TOP_ASC + COMPARE_WORDS
    phrases += LIST_WORDS + SAME_PERIOD_LAST_YEAR + SLOWEST + FASTEST + SPEED_COMPARE + OLDEST_WORDS + PLAN_WORDS
    phrases += IGNORED_PHRASES + GROUP_VERBS + FIELD_CUES + UNHANDLED
    for dims in DIMENSIONS.values():
        phrases += list(dims)
    phrases += list(PERSON_CUES) + ["ai", "theo", "tung", "nao", "top", "ky truoc", "moi ngay", "khong",
                                    "trung binh", "binh quan", "bao nhieu phan tram", "thuc hien", "dat"]
    # session 12's words, known so that typo repair never turns them into another ("tròn" had become "trò")
    phrases += ["con treo", "dang treo", "treo"]  # session 19's "treo" (retired in session 20): known all the same
    phrases += KNOWN_ONLY + LESS + [
        f"bieu do {kind}" for kind in ("cot", "tron", "duong", "mien", "thanh", "quat")]
    return phrases
