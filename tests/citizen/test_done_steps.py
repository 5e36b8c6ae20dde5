"""Session 23: a procedure the citizen says is already done is not the one asked (done_steps; plain behaviour since
session 25), with and without the factor. Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import done_steps
from appliance.citizen.matching import tokens
from tests.citizen.rule_scores import no_factors, off_and_on, rule_scores

DONE = [  # (sentence, the procedure done, the one asked)
    ("nhà tôi đã làm hợp đồng tặng cho đất cho con gái, giờ cần làm gì để sang tên sổ đỏ cho nó", "CTH-HD", "DD-BD"),
    ("bọn em đã đăng ký kết hôn ở quê vợ, giờ muốn nhập hộ khẩu cho vợ về nhà chồng", "HT-KH", "CU-TT"),
    ("chứng thực hợp đồng mua bán xong, bước tiếp theo để sang tên nhà đất là gì", "CTH-HD", "DD-BD"),
]
NOT_DONE = [  # only the done procedure named, or "dạ", or the done procedure asked again outside the done clause
    "hợp đồng mua bán đất đã chứng thực năm ngoái ghi sai diện tích, sửa thế nào",
    "dạ cho em hỏi làm hợp đồng tặng cho đất thì có phải sang tên sổ đỏ không ạ",
    "đã đăng ký kết hôn rồi nhưng muốn đăng ký kết hôn lại vì giấy ghi sai",
]


@pytest.mark.parametrize(("text", "done", "asked"), DONE)
def test_a_done_step_counts_a_quarter(monkeypatch: pytest.MonkeyPatch, text: str, done: str, asked: str) -> None:
    off, on = off_and_on(monkeypatch, done_steps, "_done_steps", no_factors, text)
    assert on[f"proc:{done}"] < off[f"proc:{done}"], (on, off)
    assert max((k for k in on if k.startswith("proc:")), key=on.__getitem__) == f"proc:{asked}", on


@pytest.mark.parametrize("text", NOT_DONE)
def test_nothing_else_asked_or_no_done_clause_reads_as_before(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    off, on = off_and_on(monkeypatch, done_steps, "_done_steps", no_factors, text)
    best = max(off, key=off.__getitem__)
    assert max(on, key=on.__getitem__) == best and on[best] == off[best], (on, off)


def test_the_markers() -> None:
    words = tokens("da cho em hoi lam khai sinh")  # "dạ cho": no verb of doing after it
    assert done_steps.factors([(4, 6, "proc:HT-KS")], words) == {}
    words = tokens("da lam khai sinh roi gio nhap ho khau")
    hits = [(1, 4, "proc:HT-KS"), (6, 9, "proc:CU-TT")]
    assert done_steps.factors(hits, words) == {(1, 4, "proc:HT-KS"): done_steps.DONE_FACTOR}


# A done matter: another office's matter told as done is background.
DONE_MATTER = [  # (sentence, the out-of-scope topic told as done)
    ("vợ chồng tôi đã ly hôn năm ngoái, nay tôi muốn xin giấy xác nhận độc thân để mua nhà", "oos:toa_an"),
    ("anh ấy ly hôn rồi giờ hai đứa muốn làm giấy kết hôn thì cần bản án không", "oos:toa_an"),
]
NOT_DONE_MATTER = [  # the matter itself asked, or "rồi" as "then"
    ("muốn ly hôn thì nộp đơn ở đâu", "oos:toa_an"),
    ("ly hôn rồi chia tài sản thế nào cho đúng", "oos:toa_an"),
]


@pytest.mark.parametrize(("text", "topic"), DONE_MATTER)
def test_a_matter_told_as_done_counts_a_quarter(monkeypatch: pytest.MonkeyPatch, text: str, topic: str) -> None:
    off, on = off_and_on(monkeypatch, done_steps, "_done_matter", lambda *args: False, text)
    assert on[topic] == off[topic] * done_steps.DONE_FACTOR


@pytest.mark.parametrize(("text", "topic"), NOT_DONE_MATTER)
def test_a_matter_asked_counts_in_full(monkeypatch: pytest.MonkeyPatch, text: str, topic: str) -> None:
    off, on = off_and_on(monkeypatch, done_steps, "_done_matter", lambda *args: False, text)
    assert on[topic] == off[topic] > 0


# Session 26 (SESSION26_DONE_PAPER, plain since session 28): a paper said drawn up ("đã lập"), the phrases overlapping
# it, and a will said not to exist are not asked when another procedure is. "Off" below is the reading without any done
# step (`_done_steps` empty).
DONE_PAPER = [  # (sentence, the procedure of the drawn-up or absent paper, the one asked)
    ("ông bà mất không để lại di chúc, mấy chị em đã lập văn bản thỏa thuận phân chia di sản rồi, giờ làm hồ sơ "
     "đăng ký biến động sang tên sổ đỏ ở đâu", "CTH-HD", "DD-BD"),
    ("bố tôi đã lập hợp đồng tặng cho nhà cho tôi, giờ sang tên sổ hồng cần gì", "CTH-HD", "DD-BD"),
]
NOT_DONE_PAPER = [  # the paper asked outside the done clause, nothing else asked, or "lập" not after "đã"
    "bố tôi đã lập di chúc, giờ muốn chứng thực di chúc ở phường thì mang gì",
    "mấy anh em đã lập văn bản thỏa thuận phân chia di sản, phường chứng thực giúp được không",
    "muốn lập văn bản thỏa thuận phân chia di sản rồi sang tên sổ đỏ thì làm gì trước",
]


@pytest.mark.parametrize(("text", "done", "asked"), DONE_PAPER)
def test_a_paper_drawn_up_or_absent_is_not_asked(monkeypatch: pytest.MonkeyPatch, text: str, done: str,
                                                 asked: str) -> None:
    on = rule_scores(text)
    monkeypatch.setattr(done_steps, "_done_steps", lambda *args: {})
    off = rule_scores(text)
    assert on[f"proc:{done}"] < off[f"proc:{done}"], (on, off)
    assert max((k for k in on if k.startswith("proc:")), key=on.__getitem__) == f"proc:{asked}", on
    assert off[f"proc:{done}"] >= off[f"proc:{asked}"], off  # the drawn-up paper's phrases led or tied before


@pytest.mark.parametrize("text", NOT_DONE_PAPER)
def test_a_paper_asked_reads_as_before(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    on = rule_scores(text)
    monkeypatch.setattr(done_steps, "_done_steps", lambda *args: {})
    assert rule_scores(text) == on


def test_the_paper_markers() -> None:
    assert done_steps._negated(5, tokens("bo mat khong de lai di chuc"))
    assert done_steps._negated(3, tokens("chua kip lap di chuc"))
    assert not done_steps._negated(2, tokens("khong co di chuc"))  # "không có" is no leaving or drawing up
    assert not done_steps._negated(2, tokens("de lai di chuc"))  # not negated
