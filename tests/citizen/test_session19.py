"""Session 19's citizen flags, each shown on and off (docs/citizen.md, "Session 19"): English mixed into Vietnamese
(loanwords.SESSION19_ENGLISH), chat abbreviations (loanwords.SESSION19_ABBREVIATIONS) and procedures named the everyday
way (vocabulary.SESSION19_EVERYDAY_NAMES). Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import loanwords, vocabulary
from appliance.citizen.matching import Procedure, ProcedureIndex, tokens


def _said(text: str, phrase: str) -> bool:
    words, wanted = tokens(text), phrase.split()
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words)))


# --- SESSION19_ENGLISH ----------------------------------------------------------------------------------------------
ENGLISH = [  # (sentence, the Vietnamese words it must read as)
    ("Bé nhà em cần birth certificate để làm hộ chiếu ở Úc", "giay khai sinh"),
    ("Can my mother get a copy of our marriage certificate ở phường không ạ", "ban sao giay ket hon"),
    ("e can certify chu ky tren giay uy quyen", "chung thuc chu ky"),
    ("Mình cần notarized copy bằng tốt nghiệp", "chung thuc ban sao"),
    ("ba em mat roi, xin death certificate o dau", "giay chung tu"),
    ("Em cần certificate of single status để kết hôn bên Đức", "giay xac nhan tinh trang hon nhan"),
    ("Ký contract thuê nhà thì có cần lên phường không", "hop dong"),
    ("register temporary residence cho chồng em người Pháp", "tam tru"),
    ("xin building permit cho nhà 3 tầng mất bao lâu", "giay phep xay dung"),
]
VIETNAMESE = [  # Vietnamese words that English spells too, once folded: never read as English
    "Tôi cần thẻ bảo hiểm y tế cho mẹ",
    "Mỹ Tho cách đây bao xa, tờ khai nộp ở đâu",
    "Con tôi đi học thêm, cô giáo bảo mang tờ giấy về",
]


@pytest.mark.parametrize(("text", "reads"), ENGLISH)
def test_english_reads_as_the_vietnamese_words(monkeypatch: pytest.MonkeyPatch, text: str, reads: str) -> None:
    monkeypatch.setattr(loanwords, "SESSION19_ENGLISH", True)
    assert _said(text, reads)
    monkeypatch.setattr(loanwords, "SESSION19_ENGLISH", False)
    assert not _said(text, reads)


@pytest.mark.parametrize("text", VIETNAMESE)
def test_vietnamese_words_spelt_like_english_stay(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(loanwords, "SESSION19_ENGLISH", False)
    plain = tokens(text)
    monkeypatch.setattr(loanwords, "SESSION19_ENGLISH", True)
    assert tokens(text) == plain


# --- SESSION19_ABBREVIATIONS ----------------------------------------------------------------------------------------
ABBREVIATED = [
    ("e vs ny muốn đăng ký kết hôn", "nguoi yeu"),
    ("lệ phí bao nhiêu vậy mn", "moi nguoi"),
    ("bán hàng online có phải đk hộ kd không", "ho kinh doanh"),
    ("ông em mất ở bv tỉnh", "benh vien"),
    ("nộp trên dvc được không", "dich vu cong"),
    ("Làm sổ KT3 cho sinh viên thuê trọ", "tam tru"),
    ("chứng thực hđ mua bán xe máy", "hop dong mua ban"),
    ("hd thuê nhà có cần ra phường không", "hop dong thue"),
]
NOT_ABBREVIATED = [  # an abbreviation with another meaning keeps its letters
    ("hd giúp em cách điền tờ khai với", "hop dong"),
    ("mảnh đất dt 60m2 chưa có sổ", "dien thoai"),
    ("con em là hs lớp 5", "ho so"),
]


@pytest.mark.parametrize(("text", "reads"), ABBREVIATED)
def test_abbreviations_read_as_words(monkeypatch: pytest.MonkeyPatch, text: str, reads: str) -> None:
    monkeypatch.setattr(loanwords, "SESSION19_ABBREVIATIONS", True)
    assert _said(text, reads)
    monkeypatch.setattr(loanwords, "SESSION19_ABBREVIATIONS", False)
    assert not _said(text, reads)


@pytest.mark.parametrize(("text", "never"), NOT_ABBREVIATED)
def test_abbreviations_with_two_meanings_are_left(monkeypatch: pytest.MonkeyPatch, text: str, never: str) -> None:
    monkeypatch.setattr(loanwords, "SESSION19_ABBREVIATIONS", True)
    assert not _said(text, never)


# --- SESSION19_EVERYDAY_NAMES ---------------------------------------------------------------------------------------
CATALOGUE = [  # the official names' distinctive pieces, as the catalogue holds them
    Procedure("HT-TLBS", "Cấp bản sao trích lục hộ tịch", False, {}),
    Procedure("HT-KT", "Đăng ký khai tử", False, {}),
    Procedure("BTXH-MT", "Hỗ trợ chi phí mai táng", False, {}),
    Procedure("BTXH-TCHT", "Trợ cấp xã hội hàng tháng", False, {}),
    Procedure("CTH-HD", "Chứng thực hợp đồng, giao dịch", False, {}),
    Procedure("HT-KH", "Đăng ký kết hôn", False, {}),
    Procedure("CTH-BS", "Chứng thực bản sao từ bản chính", False, {}),
    Procedure("HT-XNHN", "Cấp giấy xác nhận tình trạng hôn nhân", False, {}),
    Procedure("HT-KS", "Đăng ký khai sinh", False, {}),
    Procedure("CU-TAM", "Đăng ký tạm trú", False, {}),
]
EVERYDAY = [  # (sentence, the procedure it names)
    ("Cho tôi xin bản sao giấy chứng tử của ông nội để làm thừa kế", "HT-TLBS"),
    ("mẹ em cần bản sao giấy đăng ký kết hôn của bố mẹ", "HT-TLBS"),
    ("Bà cụ hàng xóm mất, nhà nghèo không có tiền lo hậu sự, phường có hỗ trợ không", "BTXH-MT"),
    ("ông em mất, nghe nói có tiền hỗ trợ chôn cất", "BTXH-MT"),
    ("mẹ tôi 82 tuổi muốn lãnh tiền hàng tháng thì làm sao", "BTXH-TCHT"),
    ("bố tôi viết giấy cho mượn nhà cho chú tôi thì làm ở đâu", "CTH-HD"),
    ("ông bà muốn làm giấy cho tặng mảnh vườn cho cháu, ký ở đâu", "CTH-HD"),
    ("hai đứa em muốn làm giấy cưới ở phường thì mang gì", "HT-KH"),
    ("con trai tôi muốn đăng ký cưới với cô gái quê Huế", "HT-KH"),
]
NOT_EVERYDAY = [  # near words that must not name those procedures
    ("Bố tôi mất, làm giấy chứng tử ở đâu", "HT-TLBS"),
    ("tôi muốn căn nhà của mình được sửa lại mái", "CTH-HD"),
    ("Lương hưu của tôi lãnh ở bưu điện", "BTXH-TCHT"),
    ("nộp tờ giấy cuối cùng rồi thì bao giờ có kết quả", "HT-KH"),
    ("em đăng ký cuối tuần này lên phường được không", "HT-KH"),
]


def _best(text: str) -> str | None:
    found = ProcedureIndex(CATALOGUE).evidence(text)
    return max(found, key=lambda code: found[code]) if found else None


def _share(text: str, code: str) -> float:
    found = ProcedureIndex(CATALOGUE).evidence(text)
    return found.get(code, 0.0) / (sum(found.values()) or 1.0)


@pytest.mark.parametrize(("text", "code"), EVERYDAY)
def test_everyday_names_name_the_procedure(monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> None:
    monkeypatch.setattr(vocabulary, "SESSION19_EVERYDAY_NAMES", True)
    assert _best(text) == code
    on = _share(text, code)
    monkeypatch.setattr(vocabulary, "SESSION19_EVERYDAY_NAMES", False)
    assert _share(text, code) < on  # off: weaker phrase evidence for it, or none


@pytest.mark.parametrize(("text", "code"), NOT_EVERYDAY)
def test_near_words_do_not_name_it(monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> None:
    monkeypatch.setattr(vocabulary, "SESSION19_EVERYDAY_NAMES", True)
    assert _best(text) != code


def test_every_everyday_name_is_in_the_index() -> None:
    every = {" ".join(words) for words, _, _ in ProcedureIndex(CATALOGUE).phrases}
    assert all(name in every for names in vocabulary.EVERYDAY_NAMES.values() for name in names)


# --- SESSION19_PURPOSE_CLAUSE ---------------------------------------------------------------------------------------
FOR_A_PURPOSE = [  # (sentence, the procedure asked, the one named as its purpose)
    ("Em cần giấy xác nhận độc thân để về quê đăng ký kết hôn, lấy trong ngày được không", "HT-XNHN", "HT-KH"),
    ("xin bản sao giấy khai sinh để làm hồ sơ đăng ký tạm trú cho con", "HT-TLBS", "CU-TAM"),
]
NO_PURPOSE = [  # the purpose first, "để" in other words, or the same procedure on both sides
    "Để đăng ký tạm trú cho con thì cần giấy khai sinh không",
    "Bố tôi để lại mảnh đất, đăng ký kết hôn xong thì sang tên được không",
    "Con mới đẻ, làm giấy khai sinh cần gì",
    "đăng ký kết hôn để làm đăng ký kết hôn lại",
]


def _purpose_scores(text: str) -> dict[str, float]:
    from appliance.citizen import purpose

    words = tokens(text)
    hits = [(start, end, f"proc:{code}", f) for start, end, (code, f) in ProcedureIndex(CATALOGUE).matcher.find(words)]
    after = purpose.factors([(s, e, label) for s, e, label, _ in hits], words)
    out: dict[str, float] = {}
    for start, end, label, factor in hits:
        out[label] = out.get(label, 0.0) + factor * after.get((start, end, label), 1.0) * (end - start) ** 2
    return out


@pytest.mark.parametrize(("text", "asked", "purpose_of"), FOR_A_PURPOSE)
def test_a_procedure_named_as_the_purpose_counts_less(monkeypatch: pytest.MonkeyPatch, text: str, asked: str,
                                                      purpose_of: str) -> None:
    from appliance.citizen import purpose

    monkeypatch.setattr(purpose, "SESSION19_PURPOSE_CLAUSE", True)
    on = _purpose_scores(text)
    assert on[f"proc:{asked}"] > on[f"proc:{purpose_of}"]
    monkeypatch.setattr(purpose, "SESSION19_PURPOSE_CLAUSE", False)
    assert _purpose_scores(text)[f"proc:{purpose_of}"] > on[f"proc:{purpose_of}"]


@pytest.mark.parametrize("text", NO_PURPOSE)
def test_no_purpose_clause_changes_nothing(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    from appliance.citizen import purpose

    monkeypatch.setattr(purpose, "SESSION19_PURPOSE_CLAUSE", True)
    on = _purpose_scores(text)
    monkeypatch.setattr(purpose, "SESSION19_PURPOSE_CLAUSE", False)
    assert _purpose_scores(text) == on

