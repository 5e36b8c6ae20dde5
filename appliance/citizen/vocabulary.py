"""How citizens write: teencode, missing diacritics and colloquial names of procedures.

Everything here is folded (no diacritics, đ→d) because that is how it is compared. The
catalogue's own aliases are used as well; these add the words people actually type in chat
("sổ đỏ", "hộ khẩu", "công chứng"...). Keys of PROCEDURE_TERMS are distinctive pieces of the
official procedure name (CONTRACT §6), so they attach to whatever code the catalogue uses.
"""

from __future__ import annotations

import re

# Teencode and abbreviations → folded standard words (token → replacement).
TEENCODE: dict[str, str] = {
    "ko": "khong", "k": "khong", "kh": "khong", "hok": "khong", "hem": "khong",
    "khg": "khong", "kg": "khong",
    "dc": "duoc", "dk": "dang ky", "dky": "dang ky", "dki": "dang ky",
    "j": "gi", "ji": "gi", "gj": "gi",
    "ntn": "nhu the nao",
    "bn": "bao nhieu", "bnh": "bao nhieu", "bnhieu": "bao nhieu", "baonhieu": "bao nhieu", "nhiu": "nhieu",
    "mk": "minh", "mik": "minh", "mjk": "minh", "t": "toi", "tui": "toi",
    "e": "em", "c": "chi", "cj": "chi", "ad": "admin",
    "vs": "voi", "ck": "chong", "vk": "vo", "cx": "cung", "r": "roi", "ng": "nguoi", "ngta": "nguoi ta",
    "lm": "lam", "mun": "muon", "bik": "biet", "wa": "qua", "trc": "truoc", "ms": "moi",
    "thui": "thoi", "oy": "roi", "z": "vay", "v": "vay", "h": "gio", "bh": "bao gio", "bjo": "bay gio",
    "sdt": "so dien thoai", "cmnd": "chung minh nhan dan", "cccd": "can cuoc cong dan",
    "gks": "giay khai sinh", "dkks": "dang ky khai sinh", "dkkh": "dang ky ket hon",
    "dkkd": "dang ky kinh doanh", "gpkd": "giay phep kinh doanh", "gpxd": "giay phep xay dung",
    "hkd": "ho kinh doanh", "xnhn": "xac nhan tinh trang hon nhan",
    "onl": "online", "ol": "online", "pls": "giup", "plz": "giup", "ah": "a", "ak": "a",
    "ctxh": "chinh sach xa hoi", "tthc": "thu tuc hanh chinh", "bhxh": "bao hiem xa hoi", "bhyt": "bao hiem y te",
    "hdong": "hop dong", "ubnd": "uy ban nhan dan", "ks": "khai sinh",
    "dthoai": "dien thoai", "dzay": "vay", "zay": "vay", "nhen": "nhe",
    # Session 19's one-token chat abbreviations, one meaning each in a ward's chat (SESSION19_ABBREVIATIONS in
    # loanwords.py until session 21), and the old name of the temporary-residence book.
    "ny": "nguoi yeu", "mn": "moi nguoi", "kd": "kinh doanh", "bv": "benh vien", "dvc": "dich vu cong", "nhg": "nhung",
    "kt3": "tam tru", "kt4": "tam tru",
}

# Two-syllable words that a phrase never splits (matching.PhraseSet; rule R7, session 21), folded. Once folded their
# syllables spell the edge of a procedure phrase across the word's boundary: "gia đình chính sách" (a family the state
# honours) and "quyết định chính thức" read "dinh chinh" (đính chính, a correction). A phrase starting on the second
# syllable of one of these, or ending on the first, is not matched there. Only pairs with no other reading once
# folded: not "nhat dinh" ("cập nhật định danh"), "co dinh" ("có định cư"), "du dinh" ("đủ định mức").
UNSPLIT_WORDS = frozenset(tuple(w.split()) for w in (
    "gia dinh", "quy dinh", "quyet dinh", "xac dinh", "khang dinh",
    "chinh sach", "chinh thuc", "chinh quyen", "chinh phu", "chinh xac"))

# Session 17 (read by matching.tokens): "sinh" as the south writes it, "sanh" ("giấy khai sanh", "mới sanh bé", "sanh
# con"; five outside writers of the training halves), read as "sinh". Only the word typed without a tone mark: "sảnh"
# (a building's lobby) and "sành" keep their own word. On by rule R1 (session 17: fresh17 procedure 9 / 4 / 0 → 12 /
# 1 / 0 on its messages, every other set unchanged); unconditional since session 19.
_SANH = re.compile(r"(?<!\w)(s)anh(?!\w)", re.IGNORECASE)


def southern_sinh(text: str) -> str:
    """The text with each plain "sanh" written "sinh" (case kept on the first letter)."""
    return _SANH.sub(lambda m: f"{m.group(1)}inh", text)


# Distinctive piece of the official name (folded) → colloquial names of the procedure (folded).
# Names and short phrasing families only, never whole sentences: a family that combines an action
# with many objects ("công chứng" + a document) is generated from the lists below.
DOCUMENT_NOUNS = ["giay to", "bang", "bang cap", "bang tot nghiep", "bang dai hoc", "hoc ba", "can cuoc",
                  "can cuoc cong dan", "chung minh nhan dan", "ho khau", "so ho khau", "giay khai sinh",
                  "ho chieu", "giay chung nhan", "chung chi", "bang diem", "giay to tieng anh", "photo"]
DEATH_WORDS = ["mat", "qua doi", "tu tran", "tu vong", "chet"]
RELATIVES = ["nguoi than", "nguoi nha", "bo", "me", "ong", "ba", "chong", "vo", "con", "anh", "chi", "em",
             "ong noi", "ba noi", "ong ngoai", "ba ngoai", "cu"]
PROCEDURE_TERMS: dict[str, list[str]] = {
    "khai sinh": ["khai sinh", "giay khai sinh", "dang ky khai sinh", "lam khai sinh", "khai sinh cho con",
                  "be moi sinh", "con moi sinh", "moi sinh", "vua sinh", "moi de", "vua de", "giay chung sinh"],
    "khai tu": ["khai tu", "giay chung tu", "dang ky khai tu", "bao tu", "giay bao tu",
                *[f"{r} {d}" for r in RELATIVES for d in DEATH_WORDS if len(r.split()) + len(d.split()) >= 2]],
    "dang ky ket hon": ["ket hon", "dang ky ket hon", "giay ket hon", "giay dang ky ket hon", "hon thu",
                        "giay hon thu", "lay vo", "lay chong", "cuoi vo", "cuoi nhau", "dam cuoi", "thu tuc cuoi"],
    "tinh trang hon nhan": ["tinh trang hon nhan", "xac nhan tinh trang hon nhan", "xac nhan doc than",
                            "giay doc than", "chung nhan doc than", "doc than", "xac nhan hon nhan",
                            "giay xac nhan hon nhan", "chua ket hon", "chua vo", "chua chong"],
    "nhan cha": ["nhan cha", "nhan me", "nhan con", "nhan cha me con", "nhan cha con", "nhan me con", "cha nhan con",
                 "bo nhan con", "xac nhan cha con", "ten bo vao", "ten cha vao", "ten bo tren", "ten cha tren",
                 "trong ten bo", "trong ten cha", "bo ruot", "cha ruot", "bo de", "cha de"],
    "cai chinh": ["cai chinh", "cai chinh ho tich", "thay doi ho tich", "bo sung thong tin ho tich", "sua ten",
                  "doi ten", "doi ho", "sua ngay sinh", "sai ngay sinh", "sai ten", "sai thong tin",
                  "sua giay khai sinh", "sua khai sinh", "bo sung ho tich", "xac dinh lai dan toc", "doi dan toc",
                  "ghi sai", "ghi thieu", "sai que quan", "sua que quan", "sai nam sinh", "sai ten dem"],
    "trich luc": ["trich luc", "ban sao trich luc", "ban sao giay khai sinh", "xin lai giay khai sinh",
                  "cap lai giay khai sinh", "mat giay khai sinh", "ban sao giay ket hon", "trich luc khai sinh",
                  "trich luc ket hon", "xin ban sao", "mat giay ket hon", "ban sao khai sinh", "ban sao khai tu",
                  "trich luc khai tu", "ban trich luc", "xin trich luc", "xin lai ban sao", "cap ban sao"],
    "giam ho": ["giam ho", "nguoi giam ho", "cu nguoi giam ho", "dang ky giam ho", "trong nom"],
    "ban sao tu ban chinh": ["chung thuc ban sao", "cong chung ban sao", "sao y", "sao y ban chinh",
                             "photo cong chung", "ban sao cong chung",
                             *[f"{verb} {noun}" for verb in ("cong chung", "chung thuc", "sao y")
                               for noun in DOCUMENT_NOUNS]],
    "chung thuc chu ky": ["chung thuc chu ky", "cong chung chu ky", "xac nhan chu ky", "chung chu ky",
                          "chu ky", "chung thuc giay uy quyen", "chung thuc ban dich",
                          "cong chung ban dich", "ky ten xac nhan", "ky xac nhan", "nguoi dich"],
    "chung thuc hop dong": ["chung thuc hop dong", "cong chung hop dong", "hop dong mua ban",
                            "hop dong tang cho", "hop dong uy quyen", "hop dong chuyen nhuong", "hop dong the chap",
                            "thoa thuan phan chia di san", "phan chia di san", "khai nhan di san", "di chuc",
                            "giao dich", "hop dong thue nha", "hop dong", "van ban thoa thuan"],
    "ho kinh doanh": ["ho kinh doanh", "dang ky ho kinh doanh", "giay phep kinh doanh", "dang ky kinh doanh",
                      "mo quan", "mo cua hang", "mo tiem", "mo shop", "mo tap hoa", "kinh doanh", "buon ban",
                      "mo hang", "mo sap", "kinh doanh ca the"],
    "giay phep xay dung": ["giay phep xay dung", "xin phep xay dung", "xin phep xay", "xay nha", "xay dung nha",
                           "xay moi nha", "sua nha", "cai tao nha", "noi tang", "xay them tang", "xay lai nha",
                           "phep xay dung", "cat phep", "nang tang", "coi noi", "xay lai", "sua chua nha"],
    "lan dau": ["so do", "so hong", "lam so do", "cap so do", "so do lan dau", "cap so lan dau",
                "giay chung nhan quyen su dung dat", "cap giay chung nhan", "cap giay chung nhan lan dau",
                "lan dau", "chua co so", "chua co so do", "lam bia do", "bia do", "lam so", "cap so dat",
                "xin cap so", "dang ky dat dai", "dang ky dat"],
    "bien dong": ["bien dong", "dang ky bien dong", "sang ten", "sang ten so do", "sang ten so hong",
                  "tach thua", "hop thua", "tach so", "chuyen nhuong dat", "chuyen nhuong quyen su dung dat",
                  "mua ban dat", "mua dat", "ban dat", "chuyen quyen", "dinh chinh so do", "cap doi so",
                  "doi so do", "thua ke dat", "tang cho dat", "cho con dat", "sang so", "chuyen muc dich",
                  "xoa the chap", "dang ky the chap", "cap lai so do", "mat so do", "dinh chinh", "sang ten thua ke",
                  "thua ke nha", "thua ke so do", "thua ke so hong", "so do bi sai", "so do ghi sai", "so do sai",
                  "so hong ghi sai", "so hong bi sai", "dung ten so", "chuyen ten"],
    "tro cap xa hoi": ["tro cap", "tro cap xa hoi", "tro cap hang thang", "huong tro cap", "bao tro xa hoi",
                       "nguoi cao tuoi", "nguoi khuyet tat", "khuyet tat", "tre mo coi", "mo coi", "don than",
                       "ho ngheo", "tien tro cap", "luong gia", "tien gia", "nguoi gia"],
    "mai tang": ["mai tang", "chi phi mai tang", "ho tro mai tang", "tien mai tang", "an tang", "tien an tang",
                 "ma chay", "tien ma chay", "lo tang", "tang le", "chon cat", "mai tang phi"],
    "thuong tru": ["thuong tru", "dang ky thuong tru", "ho khau", "nhap ho khau", "nhap khau", "chuyen ho khau",
                   "chuyen khau", "tach khau", "tach ho khau", "lam ho khau", "dang ky ho khau",
                   "cu tru", "dang ky cu tru", "xoa dang ky thuong tru", "nhap ho"],
    "tam tru": ["tam tru", "dang ky tam tru", "khai bao tam tru", "o tro", "thue tro", "phong tro",
                "thue phong", "o nho", "cu tru", "dang ky cu tru", "gia han tam tru", "o ghep", "day tro"],
}

# Session 19 (on by rule R1, unconditional since session 21; read by matching.ProcedureIndex as it is built):
# procedures named by what the citizen holds or lives through rather than by the office's word, seen unsure in several
# training halves: a copy of a
# civil-status paper named by the paper ("bản sao giấy chứng tử" is trích lục, not khai tử: the longer phrase hides
# "giấy chứng tử"), the funeral named "hậu sự" / "chôn cất", the monthly allowance named "tiền hàng tháng của nhà
# nước", a loan or gift put in writing ("giấy cho mượn nhà", "giấy cho tặng": a contract to certify), the marriage
# registration named "làm giấy cưới" (never "giấy cuối", "cuối tuần": only with the verb before it).
CIVIL_STATUS_PAPERS = ("giay chung tu", "chung tu", "giay khai tu", "giay dang ky ket hon", "giay hon thu", "hon thu",
                       "giay dang ky khai sinh")
EVERYDAY_NAMES: dict[str, list[str]] = {
    "trich luc": [f"{copy} {paper}" for copy in ("ban sao", "xin ban sao", "cap ban sao")
                  for paper in CIVIL_STATUS_PAPERS],
    "mai tang": ["hau su", "lo hau su", "tien hau su", "ho tro chon cat", "tien chon cat", "chi phi chon cat"],
    "tro cap xa hoi": ["tien hang thang cua nha nuoc", "lanh tien hang thang", "linh tien hang thang",
                       "tien tuoi gia"],
    "chung thuc hop dong": ["giay cho muon nha", "cho muon nha", "giay muon nha", "giay cho tang", "giay tang cho"],
    "dang ky ket hon": ["lam giay cuoi", "xin giay cuoi", "dang ky cuoi voi"],
}
# Session 20 (on by rule R1b, plain since session 22): the marriage registration under its old and everyday
# names, "giấy giá thú" (the old name of the marriage certificate, elderly citizens) and "giấy tờ cưới" (session 18's
# half), beside session 19's "làm giấy cưới"; a copy of it is the trích lục (the longer phrase hides the paper's name).
# Never "giá thú" alone: "con ngoài giá thú" is acknowledging a parent.
OLD_NAMES: dict[str, list[str]] = {
    "dang ky ket hon": ["giay gia thu", "lam giay gia thu", "dang ky gia thu", "giay to cuoi", "lam giay to cuoi"],
    "trich luc": [f"{copy} giay gia thu" for copy in ("ban sao", "xin ban sao", "cap ban sao", "xin lai")],
}


def procedure_terms() -> dict[str, list[str]]:
    """PROCEDURE_TERMS, with session 19's everyday names and session 20's old names (read when an index is built)."""
    more = {key: [*EVERYDAY_NAMES.get(key, []), *OLD_NAMES.get(key, [])]
            for key in dict.fromkeys([*EVERYDAY_NAMES, *OLD_NAMES])}
    keys = dict.fromkeys([*PROCEDURE_TERMS, *more])
    return {key: [*PROCEDURE_TERMS.get(key, []), *more.get(key, [])] for key in keys}


# Session 8's first phrasing family (SESSION8_ELSEWHERE, on since session 8, unconditional since session 16):
# another office's documents asked for with the ward's request verbs (ELSEWHERE_DOCUMENTS / ELSEWHERE_NAMED ×
# REQUEST_VERBS) are out of scope. The others (SESSION8_FAMILIES: offices named as the ward's alternative, land
# certificate corrections) were off since session 8 and retired in session 16 (docs/citizen.md).
# What other offices issue (folded), by out-of-scope topic of data/understanding.toml. Citizens ask the
# ward for them with the ward's own verbs ("xin / cấp lại / gia hạn / trích lục" + the document), so a
# procedure phrase inside the request ("trích lục", "tạm trú") would name a ward procedure for it. Each
# document combined with each request verb is a cue of its topic (phrasings.load), longer than the
# procedure phrase it covers; a document merely mentioned ("cần mang hộ chiếu không") is no cue, since
# ward procedures take these papers as inputs. A generated cue that a catalogue procedure's own phrases
# contain is dropped there, so a ward procedure is never read as another office's.
ELSEWHERE_DOCUMENTS: dict[str, tuple[str, ...]] = {
    "toa_an": ("ban an", "ban an ly hon", "quyet dinh ly hon", "quyet dinh cua toa", "quyet dinh cua toa an",
               "quyet dinh thuan tinh ly hon"),
    "ho_chieu": ("ho chieu", "visa", "thi thuc"),
    "xuat_nhap_canh": ("the tam tru", "the thuong tru", "giay mien thi thuc"),
    "can_cuoc": ("can cuoc", "can cuoc cong dan", "the can cuoc", "chung minh nhan dan", "chung minh thu",
                 "dinh danh dien tu", "tai khoan dinh danh", "tai khoan vneid", "vneid"),
    "bang_lai": ("bang lai", "bang lai xe", "giay phep lai xe"),
    "dang_ky_xe": ("giay dang ky xe", "ca vet", "cavet", "bien so", "bien so xe"),
    "bhxh": ("so bao hiem xa hoi", "so bao hiem", "the bao hiem y te", "the bao hiem"),
    "thue": ("ma so thue",),
    "ly_lich_tu_phap": ("phieu ly lich tu phap", "ly lich tu phap"),
    "suc_khoe": ("giay kham suc khoe", "giay chung nhan suc khoe"),
}
# Documents whose very name says that another office issues them: a cue on their own (a foreigner's
# residence card is not the ward's "đăng ký tạm trú"), not only after a request verb.
ELSEWHERE_NAMED: dict[str, tuple[str, ...]] = {
    "xuat_nhap_canh": ("the tam tru", "the thuong tru", "giay mien thi thuc"),
    "toa_an": ("trich luc ban an", "ban sao ban an"),
}
REQUEST_VERBS = ("xin", "xin cap", "xin cap lai", "lam", "lam lai", "lam moi", "cap", "cap lai", "cap doi",
                 "cap moi", "gia han", "doi", "doi lai", "trich luc", "xin trich luc", "kich hoat", "dang ky")

# Phrases that fit several procedures equally: the chatbot asks which one is meant.
AMBIGUOUS_TERMS: dict[str, list[str]] = {
    "cong chung": ["ban sao tu ban chinh", "chung thuc chu ky", "chung thuc hop dong"],
    "chung thuc": ["ban sao tu ban chinh", "chung thuc chu ky", "chung thuc hop dong"],
    "dat dai": ["lan dau", "bien dong"],
    "giay chung nhan dat": ["lan dau", "bien dong"],
    "ho tich": ["khai sinh", "trich luc", "cai chinh"],
}

# What part of a procedure the question is about (folded cue phrases).
ASPECTS: dict[str, list[str]] = {
    "documents": ["giay to", "ho so", "can gi", "can nhung gi", "mang gi", "mang theo", "chuan bi", "can mang",
                  "thanh phan", "giay gi", "can nhung giay", "gom nhung gi", "phai co gi", "cac buoc",
                  "thu tuc the nao", "lam sao", "lam the nao", "nhu the nao"],
    "time": ["bao lau", "may ngay", "thoi gian", "thoi han", "khi nao co", "bao gio co", "bao gio lay",
             "lau khong", "may hom", "bao nhieu ngay", "trong ngay", "lay ngay", "co ngay"],
    "fee": ["le phi", "phi", "bao nhieu tien", "mat tien", "ton tien", "chi phi", "mien phi", "het bao nhieu",
            "dong tien", "tra tien", "mat phi", "co mat phi"],
    "where": ["o dau", "nop dau", "cho nao", "noi nao", "di dau", "lam o dau", "nop o dau", "dia chi",
              "toi dau", "phong nao", "co quan nao", "ai giai quyet"],
    "online": ["online", "truc tuyen", "qua mang", "dich vu cong", "tren mang", "nop mang", "vneid",
               "tai nha", "qua dien thoai", "link", "dia chi web", "website"],
    "legal": ["can cu", "luat", "nghi dinh", "thong tu", "van ban phap luat", "quy dinh o dau", "co so phap ly"],
    "forms": ["mau", "to khai", "bieu mau", "mau don", "don mau", "tai mau"],
}

# Words that tip a message towards one procedure once it is already in play ("sửa" + "giấy khai
# sinh" is a correction, not a birth registration).
CUE_WORDS: dict[str, set[str]] = {
    "cai chinh": {"sua", "sai", "nham", "doi", "chinh", "dinh"},
    "trich luc": {"mat", "lai", "rach", "nat"},
}
CUE_BONUS = 3.0

# --- intents: precise cues (folded) ------------------------------------------------------------------
GREETINGS = frozenset({"xin", "chao", "hello", "hi", "alo", "admin", "oi", "a", "em", "anh", "chi", "ban", "shop",
                       "ad", "chau", "bac", "co", "chu", "buoi", "sang", "toi", "chieu", "ha", "helo", "hey", "u",
                       "da", "vang", "ok", "oke", "okay", "hihi", "haha", "hehe", "ai", "khong", "nhe", "nha",
                       "bot", "tam", "biet", "bye", "dang", "do", "day", "roi", "uh", "um"})
THANKS = ("cam on", "thank", "thanks", "tks", "camon", "thank you")
SMALL_TALK = ("nguoi that", "nguoi hay may", "la ai", "ten gi", "may hay nguoi", "robot", "tri tue nhan tao",
              "co ai khong", "co ai o do", "co ai ko", "tam biet")
# The citizen says it is a complaint: "phản ánh", "khiếu nại", "đề nghị phường xử lý"…
COMPLAINT_CUES = ("phan anh", "khieu nai", "to cao", "kien nghi", "buc xuc", "de nghi xu ly", "yeu cau xu ly",
                  "de nghi phuong", "de nghi cac co quan", "de nghi kiem tra", "mong phuong", "nho phuong",
                  "gop y", "de xuat", "bao cao viec", "trinh bao", "de nghi cong an", "de nghi can bo",
                  "yeu cau phuong", "de nghi chinh quyen", "mong chinh quyen", "de nghi xem xet",
                  "de nghi xuong", "de nghi giai quyet", "de nghi cho", "de nghi bieu duong", "de nghi to chuc",
                  "de nghi lam", "de nghi xu phat", "can thiep", "xu ly giup", "xuong kiem tra", "xu ly dut diem")
# A question: "cần gì", "ở đâu", "thế nào", "bao lâu"…
QUESTION_CUES = ("cho hoi", "xin hoi", "hoi ve", "can gi", "the nao", "o dau", "bao nhieu", "bao lau", "co duoc",
                 "co can", "co phai", "lam sao", "thu tuc", "lam gi", "co mat", "duoc khong", "nhu nao",
                 "can nhung", "can mang", "nop dau", "lay ngay", "khong a", "ntn", "nhu the nao", "phai lam",
                 "o cho nao", "lam o", "di dau", "co bat buoc", "may ngay", "bao gio", "ra sao", "duoc ko",
                 "co ko", "hay khong", "hay phai", "lam duoc", "khong vay", "hong vay", "dc ko", "can giay",
                 "mang theo", "mang gi", "dem theo", "ai dung ra", "o dau vay", "lam ntn", "co bi phat")
# Qualifiers that change which papers apply (folded cues). Countries stand for "có yếu tố nước ngoài".
QUALIFIERS: dict[str, tuple[str, ...]] = {
    "nuoc_ngoai": ("nuoc ngoai", "nguoi nuoc ngoai", "yeu to nuoc ngoai", "viet kieu", "dinh cu", "quoc tich",
                   "ngoai quoc", "khach tay", "nguoi tay", "tay ba lo", "han quoc", "nhat ban", "trung quoc",
                   "dai loan", "hoa ky", "anh quoc", "canada", "singapore", "thai lan", "campuchia", "ha lan",
                   "xuat khau lao dong", "ben kia",
                   *[f"{where} {country}" for where in ("nguoi", "ben", "o", "sang", "tai", "qua")
                     for country in ("my", "uc", "phap", "duc", "nhat")]),
    "qua_han": ("qua han", "tre han", "het han", "bi phat", "co bi phat", "gio moi", "lau roi moi",
                "khai sinh muon", "de lau", "may nam", "chua lam", "quen gia han", "con kip", "qua thoi han"),
    "nguoi_da_mat": ("da mat", "mat roi", "qua doi", "da qua doi", "tu tran", "nguoi mat", "mat nam", "mat tu",
                     "mat khong de lai", "khong de lai di chuc", "thua ke", "di san", "chet"),
    "uy_quyen": ("uy quyen", "lam ho", "lam thay", "di thay", "di ho", "xin ho", "nop ho", "khai ho", "ky ho",
                 "nhan ho", "lay ho", "thay mat", "nho nguoi", "nho ba", "nho ong", "nho bo", "nho me", "nho anh",
                 "nho chi", "nho em", "dung ra lam", "thay bo", "thay me", "thay minh", "thay toi", "ho chau",
                 "ho me", "ho bo", "ho ong", "ho ba", "ho con", "ho em", "ho anh", "sua ho", "di sua ho",
                 "lam thay cho", "nguoi nha xin", "chu nha dung ra", "dung ra"),
    "lai": ("dang ky lai", "so goc", "so ho tich", "khong con luu", "that lac", "so cu", "lam lai khai sinh",
            "lam lai khai tu", "dang ky lai khai sinh", "dang ky lai ket hon", "dang ky lai khai tu"),
}
# Qualifiers that every question about a procedure implies (a death registration is about a death).
IMPLIED_QUALIFIERS: dict[str, frozenset[str]] = {
    "khai tu": frozenset({"nguoi_da_mat"}),
    "mai tang": frozenset({"nguoi_da_mat", "qua_han"}),
    "chung thuc chu ky": frozenset({"uy_quyen"}),
}
