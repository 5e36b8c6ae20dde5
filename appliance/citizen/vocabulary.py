"""How citizens write: teencode, missing diacritics and colloquial names of procedures.

Everything here is folded (no diacritics, đ→d) because that is how it is compared. The
catalogue's own aliases are used as well; these add the words people actually type in chat
("sổ đỏ", "hộ khẩu", "công chứng"...). Keys of PROCEDURE_TERMS are distinctive pieces of the
official procedure name (CONTRACT §6), so they attach to whatever code the catalogue uses.
"""

from __future__ import annotations

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
    "ctxh": "chinh sach xa hoi", "tthc": "thu tuc hanh chinh",
}

# Distinctive piece of the official name (folded) → colloquial phrases (folded).
PROCEDURE_TERMS: dict[str, list[str]] = {
    "khai sinh": ["khai sinh", "giay khai sinh", "lam giay khai sinh", "lam khai sinh", "dang ky khai sinh",
                  "khai sinh cho con", "khai sinh cho be", "be moi sinh", "con moi sinh", "moi sinh con",
                  "con moi de", "vua sinh con", "vua sinh em be", "dang ky cho con moi sinh"],
    "khai tu": ["khai tu", "giay chung tu", "dang ky khai tu", "qua doi", "tu vong", "bao tu",
                "bo toi mat", "me toi mat", "ong toi mat", "ba toi mat", "nguoi than mat", "nguoi nha mat",
                "chet", "trich luc khai tu", "giay bao tu"],
    "dang ky ket hon": ["ket hon", "dang ky ket hon", "giay ket hon", "giay dang ky ket hon", "lay vo", "lay chong",
                        "cuoi vo", "cuoi nhau", "dam cuoi", "thu tuc cuoi"],
    "tinh trang hon nhan": ["tinh trang hon nhan", "xac nhan tinh trang hon nhan", "xac nhan doc than",
                            "giay doc than", "chung nhan doc than", "doc than", "xac nhan hon nhan",
                            "giay xac nhan hon nhan", "chua ket hon", "chua vo", "chua chong"],
    "nhan cha": ["nhan cha", "nhan me", "nhan con", "nhan cha me con", "nhan cha con", "nhan me con",
                 "nhan con ngoai gia thu", "cha nhan con", "bo nhan con", "xac nhan cha con"],
    "cai chinh": ["cai chinh", "cai chinh ho tich", "thay doi ho tich", "bo sung thong tin ho tich", "sua ten",
                  "doi ten", "doi ho", "sua ngay sinh", "sai ngay sinh", "sai ten", "viet sai ten",
                  "sai thong tin", "sua thong tin giay khai sinh", "sua giay khai sinh", "bo sung ho tich",
                  "xac dinh lai dan toc", "doi dan toc", "ghi sai", "sai que quan", "sua que quan"],
    "trich luc": ["trich luc", "ban sao trich luc", "ban sao giay khai sinh", "xin lai giay khai sinh",
                  "cap lai giay khai sinh", "mat giay khai sinh", "lam lai giay khai sinh", "ban sao giay ket hon",
                  "trich luc khai sinh", "trich luc ket hon", "xin ban sao", "hong giay khai sinh",
                  "mat giay ket hon", "ban sao khai sinh"],
    "giam ho": ["giam ho", "nguoi giam ho", "cu nguoi giam ho", "dang ky giam ho", "trong nom"],
    "ban sao tu ban chinh": ["chung thuc ban sao", "cong chung ban sao", "sao y", "sao y ban chinh",
                             "photo cong chung", "phô to cong chung", "cong chung giay to", "chung thuc giay to",
                             "cong chung can cuoc", "cong chung can cuoc cong dan", "cong chung chung minh nhan dan",
                             "cong chung bang", "cong chung hoc ba", "cong chung bang tot nghiep",
                             "chung thuc bang", "ban sao cong chung", "cong chung so ho khau",
                             "cong chung giay khai sinh", "chung thuc can cuoc", "cong chung photo"],
    "chung thuc chu ky": ["chung thuc chu ky", "cong chung chu ky", "xac nhan chu ky", "chung chu ky",
                          "chu ky", "giay uy quyen", "chung thuc giay uy quyen", "chung thuc ban dich",
                          "cong chung ban dich", "ky ten xac nhan", "ky xac nhan"],
    "chung thuc hop dong": ["chung thuc hop dong", "cong chung hop dong", "hop dong mua ban",
                            "hop dong tang cho", "hop dong uy quyen", "hop dong chuyen nhuong", "hop dong the chap",
                            "thoa thuan phan chia di san", "phan chia di san", "khai nhan di san", "di chuc",
                            "giao dich", "hop dong thue nha", "hop dong", "van ban thoa thuan"],
    "ho kinh doanh": ["ho kinh doanh", "dang ky ho kinh doanh", "giay phep kinh doanh", "dang ky kinh doanh",
                      "mo quan", "mo cua hang", "mo tiem", "mo shop", "mo quan an", "mo quan cafe",
                      "mo quan ca phe", "mo tap hoa", "kinh doanh", "buon ban", "ban hang an", "mo hang",
                      "mo sap"],
    "giay phep xay dung": ["giay phep xay dung", "xin phep xay dung", "xin phep xay", "xay nha", "xay dung nha",
                           "xay moi nha", "sua nha", "cai tao nha", "noi tang", "xay them tang", "xay lai nha",
                           "phep xay dung", "cat phep"],
    "lan dau": ["so do", "so hong", "lam so do", "cap so do", "so do lan dau", "cap so lan dau",
                "giay chung nhan quyen su dung dat", "cap giay chung nhan", "cap giay chung nhan lan dau",
                "lan dau", "chua co so", "chua co so do", "dat chua co so", "lam bia do", "lam so",
                "cap so dat", "xin cap so", "dang ky dat dai", "dang ky dat"],
    "bien dong": ["bien dong", "dang ky bien dong", "sang ten", "sang ten so do", "sang ten so hong",
                  "tach thua", "hop thua", "tach so", "chuyen nhuong dat", "chuyen nhuong quyen su dung dat",
                  "mua ban dat", "mua dat", "ban dat", "chuyen quyen", "dinh chinh so do", "cap doi so",
                  "doi so do", "thua ke dat", "tang cho dat", "cho con dat", "sang so", "chuyen muc dich",
                  "xoa the chap", "dang ky the chap", "cap lai so do", "mat so do"],
    "tro cap xa hoi": ["tro cap", "tro cap xa hoi", "tro cap hang thang", "huong tro cap", "bao tro xa hoi",
                       "nguoi cao tuoi", "80 tuoi", "tren 80 tuoi", "nguoi khuyet tat", "khuyet tat",
                       "tre mo coi", "mo coi", "me don than", "don than nuoi con", "ho ngheo", "tien tro cap",
                       "luong gia", "tien gia"],
    "mai tang": ["mai tang", "chi phi mai tang", "ho tro mai tang", "tien mai tang", "an tang", "tien an tang",
                 "ma chay", "tien ma chay", "lo tang", "tang le"],
    "thuong tru": ["thuong tru", "dang ky thuong tru", "ho khau", "nhap ho khau", "nhap khau", "chuyen ho khau",
                   "chuyen khau", "tach khau", "tach ho khau", "so ho khau", "lam ho khau", "dang ky ho khau",
                   "cu tru", "dang ky cu tru", "xoa dang ky thuong tru", "nhap ho"],
    "tam tru": ["tam tru", "dang ky tam tru", "khai bao tam tru", "o tro", "thue tro", "phong tro",
                "thue nha o", "thue phong", "o nho", "cu tru", "dang ky cu tru", "gia han tam tru",
                "sinh vien thue nha", "nguoi thue nha"],
}

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
