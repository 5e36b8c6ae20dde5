"""Things leaders ask about that the ward's data does not hold: the answer says so and what it
does hold, instead of a figure about something else ("dân số của phường" once got "tiếp nhận:
5.346 hồ sơ").

Each entry is a family of folded phrases naming one kind of thing. The parser looks for them among
the words nothing else understood (after names, measures and periods), so "hỗ trợ chi phí mai
táng" (a procedure) or "phản ánh qua điện thoại" (a channel) are never taken for fees or calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from appliance.ask.tokens import Tokens


@dataclass(frozen=True)
class Missing:
    phrases: tuple[str, ...]
    what: str  # Vietnamese: what was asked for
    instead: str  # Vietnamese: what the data does hold that comes closest (INDICATORS: the ward's own list)
    # only when the question names no record, feedback or name the data holds: "hồ sơ trợ cấp cho người cao
    # tuổi" asks for records of a procedure, whose beneficiaries the words describe
    unnamed_only: bool = False


# Stands in `instead` for the names of the indicators this ward reports (answer.no_data fills it from the
# data), so the answer never lists indicators a ward does not have.
INDICATORS = "{indicators}"


_RECORDS = "số hồ sơ tiếp nhận, giải quyết, đúng hạn, trễ hạn, từ chối theo thủ tục, lĩnh vực, cán bộ"
MISSING: list[Missing] = [
    # fines are sums of money too ("tiền phạt"); bare "tien" is not here: it folds "tiến độ" alike
    Missing(("le phi", "thu phi", "tien phi", "phi", "thu tien", "bao nhieu tien", "so tien", "doanh thu", "tien phat",
             "phat tien"),
            "lệ phí, phí và số tiền thu được", _RECORDS + " (không có số tiền)"),
    Missing(("muc do hai long", "hai long", "dan danh gia", "nguoi dan danh gia", "danh gia cua nguoi dan",
             "cham diem", "su hai long"),
            "mức độ hài lòng, đánh giá của người dân",
            "tỷ lệ giải quyết đúng hạn và số phản ánh, kiến nghị (không phải mức độ hài lòng)"),
    CALLS := Missing(("cuoc goi", "cuoc dien thoai", "goi dien", "tong dai", "cuoc"),
            "số cuộc gọi điện thoại", "số phản ánh gửi qua kênh điện thoại (không phải số cuộc gọi)"),
    Missing(("dan so", "nhan khau", "ho dan", "ho gia dinh", "so dan", "bao nhieu dan", "so nguoi dan"),
            "dân số, số hộ dân", "tỷ lệ hộ nghèo, tỷ lệ tham gia bảo hiểm y tế (chỉ tiêu KT-XH, dạng %)"),
    STAFF := Missing(("can bo cong chuc", "cong chuc", "vien chuc", "bien che", "nhan su", "so can bo",
                      "bao nhieu can bo", "so luong can bo",
             # who is on duty (session 9): a roster, which no view holds either
             "nguoi truc", "truc ban", "lich truc", "ca truc", "can bo truc"),
            "số cán bộ, công chức của phường",
            "tên cán bộ xử lý trong dữ liệu hồ sơ (không phải tổng số biên chế)"),
    Missing(("chi ngan sach", "kinh phi", "chi tieu ngan sach", "du toan chi", "giai ngan", "chi phi",
             "chi thuong xuyen", "chi dau tu", "khoan chi"),
            "các khoản chi ngân sách, kinh phí", "thu ngân sách nhà nước trên địa bàn (chỉ tiêu KT-XH)"),
    MEETINGS := Missing(("cuoc hop", "hop giao ban", "giao ban", "buoi hop", "phien hop", "tiep cong dan", "tiep dan",
                         "buoi tiep", "bao nhieu buoi", "so buoi", "lich tiep"),
                        "số cuộc họp, buổi tiếp công dân", "không có trong số liệu báo cáo (xem mục Cuộc họp)"),
    # residence registration (session 9): neither its records nor its population figures are in the views;
    # a ward whose data holds a procedure of that name has it matched as a name before this list is read
    Missing(("tam tru", "thuong tru", "tam vang", "cu tru", "ho khau", "luu tru"),
            "đăng ký cư trú (tạm trú, thường trú) và số người cư trú",
            "các thủ tục có trong dữ liệu hồ sơ và các chỉ tiêu KT-XH phường báo cáo"),
    Missing(("can cuoc", "cccd", "cmnd", "chung minh nhan dan", "chung minh thu", "ho chieu", "ly lich tu phap",
             "giay phep lai xe", "bang lai", "dang ky xe", "bien so", "visa", "thi thuc"),
            "thủ tục này (không thuộc các thủ tục trong dữ liệu hồ sơ của phường)", "các thủ tục có trong dữ liệu"),
    Missing(("thoi gian cho doi", "cho doi", "thoi gian cho tai", "thoi gian cho trung binh", "thoi gian cho o",
             "luot nguoi", "so luot", "luot khach", "luot cong dan", "luot den"),  # not bare "lượt": "lần lượt"
            "số lượt người đến và thời gian chờ tại quầy",
            "số hồ sơ tiếp nhận (theo hình thức nộp) và thời gian giải quyết hồ sơ (không phải thời gian chờ)"),
    # other statistics of a ward that no view holds (an indicator of the same name, when a ward reports one,
    # is matched as a name before this list is read)
    # taxes (bug fix, session 24): "số thuế thu được tháng 10" had been repaired into "số thu … được" and answered with
    # the records received (a confident wrong); "thuế" is known now, so never repaired, and not held
    Missing(("no thue", "tien thue", "thu thue", "nop thue", "thue"), "thuế, nợ thuế",
            "chỉ tiêu thu ngân sách nhà nước trên địa bàn (chỉ tiêu KT-XH)"),
    Missing(("doanh nghiep", "tai nan", "to dan pho", "khu pho", "hoc sinh", "dien tich", "benh nhan", "tiem chung",
             "nha van hoa"),
            "số liệu thống kê này", f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số liệu hồ sơ, phản ánh"),
]
# Session 10: more statistics a ward is asked for that no view
# holds — income and growth, military service, groups of residents counted by age or status, epidemics, land
# prices, infrastructure counted as objects. An indicator of the same name, where a ward reports one, is
# matched as a name before this list is read; a feedback category's words ("người có công") likewise.
MISSING.append(Missing(
    ("thu nhap", "thu nhap binh quan", "gdp", "grdp", "tang truong kinh te", "toc do tang truong",
     "nghia vu quan su", "tuyen quan", "giao quan", "nhap ngu", "thanh nien nhap ngu",
     "nguoi cao tuoi", "tre em", "tre duoi", "nguoi khuyet tat", "ho can ngheo", "nguoi co cong",
     "thuong binh", "dich benh", "sot xuat huyet", "gia dat", "so camera", "camera", "so cho", "cho dan sinh",
     "so truong", "truong hoc"),
    "số liệu thống kê này", f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số liệu hồ sơ, phản ánh",
    unnamed_only=True))

# Session 14: a forecast ("tháng 12 tới đây dự kiến phường sẽ nhận khoảng bao nhiêu hồ sơ", "dự báo số phản ánh quý
# tới"): the views hold what happened up to today, nothing expected. The words had been unknown (unsure). "kế hoạch"
# (an indicator's plan, held) is not one of them.
FORECAST = Missing(("du kien", "du bao", "du doan", "uoc tinh", "uoc doan", "uoc luong"),
                   "số liệu dự kiến, dự báo cho thời gian tới (dữ liệu chỉ có đến hôm nay)",
                   "số liệu đã có đến hôm nay; kế hoạch năm của các chỉ tiêu KT-XH")


# Session 16: more that no view holds, asked in the session-15 writer's office: staff on leave ("cán bộ nào nghỉ
# phép", "chấm công"), incoming documents ("văn bản đến", "công văn"), and money paid out or in ("tiền trợ cấp … chi
# trả": a free "tiền" is a sum of money, which only an indicator in đồng holds, read before this). Their words had been
# unknown (unsure).
MORE_MISSING = [
    Missing(("nghi phep", "xin nghi", "cham cong", "di lam muon", "vang mat", "lich lam viec", "nghi om"),
            "ngày nghỉ, chấm công của cán bộ", "số hồ sơ mỗi cán bộ tiếp nhận, giải quyết"),
    Missing(("van ban den", "van ban di", "cong van den", "cong van di", "cong van", "van ban"),
            "văn bản đến, văn bản đi", "số liệu hồ sơ thủ tục hành chính và phản ánh"),
    Missing(("tien",), "số tiền (chi trả, thu nộp)", "số hồ sơ của từng thủ tục; chỉ tiêu thu ngân sách"),
]
# Visits to the ward's website or the public-service portal ("lượt truy cập cổng dịch vụ công"): not held; the online
# submissions are records, not visits. Their words had been unknown.
WEB_VISITS = Missing(("luot truy cap", "truy cap", "luot xem trang", "luot vao", "so luot xem"),
                     "số lượt truy cập trang web, cổng dịch vụ công",
                     "số hồ sơ nộp trực tuyến (hồ sơ, không phải lượt truy cập)")
# Figures of the district, the city or the other wards ("toàn quận quý 3 có bao nhiêu hồ sơ trễ hạn", "đứng thứ mấy so
# với các phường khác"): the views hold this ward's only. The words had been unknown.
OTHER_UNITS = Missing(("toan quan", "ca quan", "trong quan", "cac phuong khac", "phuong khac", "phuong ban",
                       "cac phuong ban", "toan thanh pho", "ca thanh pho", "toan tinh", "ca tinh", "cac phuong",
                       "phuong ben canh", "phuong lan can"),
                      "số liệu của quận, thành phố hay các phường khác (dữ liệu chỉ có của phường mình)",
                      "số liệu hồ sơ, phản ánh và chỉ tiêu KT-XH của phường mình")
# Session 23 (plain behaviour since session 25; tested in tests/ask/test_session23.py): more that
# no view holds: residents counted by age ("bao nhiêu cụ từ 80 tuổi trở lên": any "tuổi", when no record, feedback or
# name of the data is named), family and other titles ("gia đình văn hóa", "danh hiệu"), staff late to work said the
# southern way ("đi làm trễ", as "đi làm muộn"). Their words had been unknown (unsure).
NOT_HELD_23 = [
    Missing(("tuoi",), "số liệu dân cư theo độ tuổi",
            f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số liệu hồ sơ, phản ánh", unnamed_only=True),
    Missing(("gia dinh van hoa", "danh hieu"), "danh hiệu thi đua, gia đình văn hóa",
            f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số liệu hồ sơ, phản ánh"),
    Missing(("di lam tre",), "ngày nghỉ, chấm công của cán bộ", "số hồ sơ mỗi cán bộ tiếp nhận, giải quyết"),
]
# Session 24 (plain behaviour since session 26, rule R8; tested in tests/ask/test_session24.py): the
# reasons of what happened ("lý do từ chối các hồ sơ", "nguyên nhân trễ hạn", "vì sao / tại sao …": no view holds a
# reason) and companies ("công ty"; "doanh nghiệp" was already, but its "doanh" is taken by the procedure "… hộ kinh
# doanh" where "thành lập" names it). Their words had been unknown (unsure). A reason asked beside a figure ("số hồ sơ
# trễ hạn tháng 10, tại sao nhiều vậy") is not read so: the figure is held, and "no data" would deny it.
_FIGURE_ASKED = ("bao nhieu", "so ho so", "so phan anh", "so luong", "tong", "ty le", "%", "phan tram")
NOT_HELD_24 = [
    REASONS := Missing(("ly do", "nguyen nhan", "vi sao", "tai sao"), "lý do, nguyên nhân (dữ liệu không ghi lý do)",
                       "số hồ sơ từ chối, trễ hạn và danh sách các hồ sơ đó"),
    Missing(("cong ty",), "số liệu doanh nghiệp, công ty",
            f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số hồ sơ đăng ký thành lập hộ kinh doanh"),
]
# Session 25 (plain behaviour since session 27; tested in tests/ask/test_session25.py): more
# statistics a ward is asked for that no view holds: unemployment, fires, clean water, crime and drugs,
# the administrative-reform index, salaries. Their words had been unknown (unsure). Only where the question names no
# record, feedback or name of the data ("phản ánh về trộm cắp" is feedback, counted).
NOT_HELD_25 = [
    Missing(("that nghiep", "chay no", "vu chay", "hoa hoan", "nuoc sach", "toi pham", "trom cap",
             "ma tuy", "chi so cai cach hanh chinh", "chi so par", "tien luong", "bang luong", "quy luong"),
            "số liệu thống kê này", f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số liệu hồ sơ, phản ánh",
            unnamed_only=True),
]
# Session 28 (`SESSION28_PARTY_WORK`, read at run time; tested on and off in tests/ask/test_session28.py): the Party's
# own statistics ("số đảng viên mới kết nạp", "bao nhiêu chi bộ", "đảng viên dự sinh") are kept by the Party
# committee, not by the ward's data; their words had been unknown (unsure). Not held. Only where the question names
# no record, feedback or name of the data ("hồ sơ của đảng viên" asks for records).
SESSION28_PARTY_WORK = True  # on by rule R1 (session 28): fresh off alone 804/337/16, on 806/335/16 (right +2)
PARTY_WORK = Missing(("dang vien", "ket nap dang", "ket nap", "chi bo", "to chuc co so dang"),
                     "số liệu công tác Đảng (đảng viên, kết nạp, chi bộ)",
                     f"các chỉ tiêu KT-XH phường báo cáo ({INDICATORS}) và số liệu hồ sơ, phản ánh",
                     unnamed_only=True)
_MONEY_ASKED = re.compile(r"\b(?:bao nhieu|(?<!ho )so|tong so|may|chi|chi tra|thu) tien\b")  # "hồ sơ tiền …": a name


# Counting people or households of an indicator measured in % ("bao nhiêu hộ nghèo" when only the
# rate is held): the answer offers the rate.
COUNT_OF_UNITS = ["so nguoi", "bao nhieu nguoi", "so ho", "bao nhieu ho", "so luong nguoi", "so luong ho",
                  "may nguoi", "may ho"]


def _longest_first(pairs: list[tuple[str, Missing]]) -> list[tuple[str, Missing]]:
    return sorted(pairs, key=lambda pm: -len(pm[0].split()))


# Every family's phrases, longest first (built once: find runs on every question). Each later family is added and
# sorted in turn, so that among phrases of one length the earlier families come first.
_RANKED = _longest_first([(p, m) for m in MISSING + NOT_HELD_24 for p in m.phrases])
for _family in (MORE_MISSING, [OTHER_UNITS], [WEB_VISITS], [FORECAST], NOT_HELD_23, NOT_HELD_25, [PARTY_WORK]):
    _RANKED = _longest_first(_RANKED + [(p, m) for m in _family for p in m.phrases])


# Session 19's phrases for the people receiving an allowance, the ward ranked in the city and a sender's personal data
# (retired in session 20, off by rule R1): known, so typo repair never turns them into another phrase.
_KNOWN_ONLY = ("nguoi dang huong", "nguoi huong", "nguoi duoc huong", "doi tuong dang huong", "doi tuong huong",
               "doi tuong duoc huong", "so doi tuong", "bao nhieu doi tuong", "doi tuong bao tro", "nguoi nhan tro cap",
               "nguoi dang nhan tro cap", "dang huong che do",
               "trong thanh pho", "cua thanh pho", "so voi thanh pho", "thanh pho giao", "trong toan thanh pho",
               "dung thu may trong", "xep thu may trong",
               "ai gui", "nguoi gui", "so dien thoai", "sdt", "xin ten", "ho ten", "ten nguoi", "ten va so",
               "noi dung noi", "noi dung the nao", "noi dung ra sao", "noi dung cu the", "noi dung chi tiet",
               "toan van", "dia chi nguoi",
               # session 26's staff hours, pay, fines and hotline calls (retired in session 27, off by rule R1)
               "lam them gio", "tang ca", "gio lam viec", "ngay cong", "luong can bo", "muc luong", "luong cua can bo",
               "xu phat", "bi phat", "vu vi pham", "goi duong day nong", "goi hotline")


# Bug fix (session 23, rule R7): a meeting named beside a figure of the data ("cho anh số hồ sơ trễ hạn tháng 10 để họp
# giao ban", "sáng mai có cuộc họp, cho anh số hồ sơ …", "tại cuộc họp giao ban, lãnh đạo hỏi tỷ lệ đúng hạn …") is
# what the figure is for; "no data on meetings" had been answered. Where records, feedback or a rate are named and
# no count stands right before the meeting ("số / mấy / bao nhiêu cuộc họp", "lịch tiếp dân"), it is no thing asked:
# its words stay unknown (unsure).
_COUNTED = (["so"], ["may"], ["bao", "nhieu"], ["lich"], ["tong", "so"])
_DATA_WORDS = ("ty le", "ti le", "phan tram", "%")


def _meeting_beside_data(tokens: Tokens, k: int, named: bool) -> bool:
    if not (named or any(tokens.has(w) for w in _DATA_WORDS)):
        return False
    return not any(tokens.items[max(0, k - len(c)):k] == c for c in _COUNTED)




# Bug fix (session 27, rule R7): feedback about the staff or sent through the switchboard ("phản ánh về công chức tháng
# 10 bao nhiêu", "phản ánh qua tổng đài tháng 10") had been answered "no data on the number of staff / of calls": the
# feedback is held, and what is asked is a count of it. Where feedback is named and the words are not counted
# themselves ("số cuộc gọi", "bao nhiêu công chức"), they are left unread (unsure).
_COUNT_BEFORE = (["so"], ["bao", "nhieu"], ["may"], ["so", "luong"], ["tong", "so"])


def _feedback_about(tokens: Tokens, phrase: str) -> bool:
    if not (tokens.has("phan anh") or tokens.has("kien nghi")):
        return False
    items, n = tokens.items, len(phrase.split())
    hits = [k for k in range(len(items) - n + 1) if items[k:k + n] == phrase.split()]
    return bool(hits) and not any(items[max(0, k - len(c)):k] == c for k in hits for c in _COUNT_BEFORE)


# Bug fix (session 28, rule R7): a demand for the reason with the figure asked beside it ("Đề nghị cho biết vì sao
# người dân phải chờ đợi lâu, cụ thể thời gian giải quyết trung bình … là bao nhiêu ngày") had been answered "no data
# on the waiting time at the counter": the words of the reason clause describe what the leader complains of, and the
# figure asked is held. A not-held phrase inside a clause opened by "vì sao / tại sao" (to the clause's end or "cụ
# thể") is left unread (unsure) when a figure is asked outside that clause; alone ("tại sao dân phải chờ đợi lâu")
# it stays not in the data. The reason itself is no answer either where records are asked for after it ("…; cụ thể
# những phản ánh nào còn chưa xử lý"): unsure.
_WHY = ("vi sao", "tai sao")
_LIST_ASKED = ("nao", "danh sach", "liet ke")


def _reason_span(tokens: Tokens) -> set[int]:
    items, span = tokens.items, set[int]()
    for why in _WHY:
        for k in tokens.find(why, free_only=False):
            end = next((j for j in range(k + 2, len(items)) if items[j] in (",", ";", "?")
                        or items[j:j + 2] == ["cu", "the"]), len(items))
            span.update(range(k, end))
    if not span:
        return span
    asked = any(k not in span for w in _FIGURE_ASKED + _LIST_ASKED for k in tokens.find(w, free_only=False))
    return span if asked else set()


def find(tokens: Tokens, named: bool = False) -> Missing | None:
    """The thing asked for that the data does not hold, among words nothing else took: the longest phrase
    of any family wins, so "căn cước" or "cuộc họp" is never answered as calls ("cuộc")."""
    if "tiền" in tokens.question.lower() and (
            money := _MONEY_ASKED.search(tokens.text())) is not None:
        tokens.mark_chars(money.start(), money.end())  # "chi bao nhiêu tiền (hỗ trợ) mai táng": money, whatever name
        return MORE_MISSING[2]  # the words "tiền mai táng" also make a short name of the procedure
    beside: set[int] = set()  # the words of a meeting named beside a figure of the data
    reason = _reason_span(tokens)  # the words of "vì sao …" where something is asked beside it
    for phrase, missing in _RANKED:
        if named and missing.unnamed_only:
            continue
        if missing is REASONS and any(tokens.has(w) for w in _FIGURE_ASKED):
            continue
        if missing is REASONS and reason:
            for k in (k for why in _WHY for k in tokens.find(why, free_only=False)):
                tokens.doubt(k)  # records asked beside the reason: neither answer is sure
            continue
        if missing is PARTY_WORK and not SESSION28_PARTY_WORK:
            continue
        if missing in (CALLS, STAFF) and _feedback_about(tokens, phrase):
            continue
        n = len(phrase.split())
        for k in tokens.find(phrase):
            span = set(range(k, k + n))
            if missing is MEETINGS and (beside & span or _meeting_beside_data(tokens, k, named)):
                beside.update(span)  # "cuộc họp" inside "họp giao ban" said so: neither is asked, nor its "cuộc"
                continue
            if beside & span or (reason & span and missing is not REASONS):
                continue
            if phrase.startswith("so ") and k and tokens.items[k - 1] == "ho":
                continue  # "hồ sơ người dân" is the citizens' records, not "số người dân"
            if phrase == "tien" and "tiền" not in tokens.question.lower():
                continue  # folded "tien" is also "tiến (độ)", "tiện": only "tiền" typed so is money
            if phrase.endswith(" truc") and tokens.items[k + n:k + n + 1] in (["tiep"], ["tuyen"]):
                continue  # "người trực tiếp / trực tuyến": the channel, not who is on duty
            for j in range(k, k + n):
                tokens.used[j] = True
            return missing
    return None


def phrases() -> list[str]:
    """Every phrase, for the typo-repair vocabulary (so "hài lòg" is still recognised)."""
    held = MISSING + NOT_HELD_23 + NOT_HELD_24 + NOT_HELD_25
    return [p for m in held for p in m.phrases] + list(_KNOWN_ONLY) + COUNT_OF_UNITS
