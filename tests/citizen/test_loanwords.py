"""English mixed into Vietnamese and chat abbreviations, read as the Vietnamese words (loanwords.py and
vocabulary.TEENCODE; session 19's SESSION19_ENGLISH and SESSION19_ABBREVIATIONS, on by rule R1, unconditional since
session 21; session 20's SESSION20_MORE_ENGLISH, loanwords.ENGLISH20, on by rule R1, plain since session 22;
docs/citizen.md). Every sentence here was written for these tests (none is from a training, development,
held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import loanwords
from appliance.citizen.matching import tokens


def _said(text: str, phrase: str) -> bool:
    words, wanted = tokens(text), phrase.split()
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words)))


# --- English ---------------------------------------------------------------------------------------------------------
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
def test_english_reads_as_the_vietnamese_words(text: str, reads: str) -> None:
    assert _said(text, reads)


@pytest.mark.parametrize("text", VIETNAMESE)
def test_vietnamese_words_spelt_like_english_stay(text: str) -> None:
    from appliance.citizen.matching import _TOKEN
    from appliance.citizen.vocabulary import TEENCODE
    from appliance.text import fold

    teencode = [word for tok in _TOKEN.findall(fold(text)) for word in TEENCODE.get(tok, tok).split()]
    assert loanwords.expand(teencode) == teencode == tokens(text)


# --- Abbreviations ---------------------------------------------------------------------------------------------------
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
def test_abbreviations_read_as_words(text: str, reads: str) -> None:
    assert _said(text, reads)


@pytest.mark.parametrize(("text", "never"), NOT_ABBREVIATED)
def test_abbreviations_with_two_meanings_are_left(text: str, never: str) -> None:
    assert not _said(text, never)


# --- More English (session 20) ---------------------------------------------------------------------------------------
MORE_ENGLISH = [  # (sentence, the Vietnamese words it must read as)
    ("Con em sinh ở Úc, can we register her birth ở phường không", "dang ky khai sinh"),
    ("We want to register our baby, bố là người Việt", "dang ky khai sinh cho con"),
    ("Chồng em là foreigner thì kết hôn cần what documents", "giay to gi"),
    ("Bé born abroad, về Việt Nam làm giấy gì", "sinh o nuoc ngoai"),
]


@pytest.mark.parametrize(("text", "reads"), MORE_ENGLISH)
def test_more_english_reads_as_the_vietnamese_words(monkeypatch: pytest.MonkeyPatch, text: str, reads: str) -> None:
    assert _said(text, reads)
    monkeypatch.setattr(loanwords, "_ENGLISH", loanwords._table(loanwords.ENGLISH))
    assert not _said(text, reads)  # session 19's English alone does not read it


def test_more_english_leaves_vietnamese_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Tôi cần giấy tờ gì để đăng ký khai sinh cho con ở phường"
    with_more = tokens(text)
    monkeypatch.setattr(loanwords, "_ENGLISH", loanwords._table(loanwords.ENGLISH))
    assert tokens(text) == with_more
