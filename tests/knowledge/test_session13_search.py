"""Session 13 (issue 15): legal search on precise questions of civil servants and citizens, each behaviour behind
a SESSION13_* flag read at call time (docs/knowledge.md, "Session 13: blind legal questions"). The sentences here
are this file's own, not the blind writer's."""

from __future__ import annotations

import pytest

from appliance.knowledge import relevance
from appliance.knowledge import search as search_module
from appliance.knowledge.search import search, title_adjustment
from appliance.text import fold_tokens


def folded(question: str) -> str:
    return f" {' '.join(fold_tokens(question))} "


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    from appliance.db import connect, migrate

    connection = connect(tmp_path_factory.mktemp("session13") / "appliance.db")
    migrate(connection)  # a fresh install: the official starter library
    yield connection
    connection.close()


@pytest.fixture
def only(monkeypatch):
    """Switch every session 13 ranking flag off except the ones named."""
    def switch(*names: str) -> None:
        for flag in ("SESSION13_TITLE_PRECISION", "SESSION13_OPPOSITE_QUALIFIERS", "SESSION13_ASKED_FORM"):
            monkeypatch.setattr(search_module, flag, flag in names)
    return switch


# --- opposite qualifiers ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "title"), [
    ("thời hạn giải quyết khiếu nại lần đầu là bao nhiêu ngày", "Thời hạn giải quyết khiếu nại lần hai"),
    ("khieu nai lan 2 thi ai giai quyet", "Thẩm quyền giải quyết khiếu nại lần đầu"),
    ("vợ chồng muốn ly hôn thì nộp đơn ở đâu", "Đăng ký kết hôn"),
    ("tố cáo cán bộ phường thì gửi đơn cho ai", "Thẩm quyền giải quyết khiếu nại"),
    ("đăng ký khai tử cho ông nội", "Thủ tục đăng ký khai sinh"),
])
def test_a_title_with_the_opposite_qualifier_is_set_back(only, question, title):
    only("SESSION13_OPPOSITE_QUALIFIERS")
    assert title_adjustment(folded(question), title) == -search_module.OPPOSITE_PENALTY
    only()
    assert title_adjustment(folded(question), title) == 0.0


@pytest.mark.parametrize(("question", "title"), [
    ("thời hạn giải quyết khiếu nại lần đầu là bao nhiêu ngày", "Thời hạn giải quyết khiếu nại lần đầu"),
    ("chứng thực bản sao từ bản chính ở đâu", "Chứng thực bản sao từ bản chính"),  # both sides asked
    ("sau khi ly hôn có phải đăng ký kết hôn lại không", "Đăng ký kết hôn"),          # both sides asked
    ("đơn vừa khiếu nại vừa tố cáo thì xử lý thế nào", "Tiếp nhận tố cáo"),
    ("lệ phí đăng ký hộ tịch", "Lệ phí hộ tịch"),                                      # no qualifier at all
])
def test_a_title_without_an_opposite_or_with_both_sides_is_not_set_back(only, question, title):
    only("SESSION13_OPPOSITE_QUALIFIERS")
    assert title_adjustment(folded(question), title) == 0.0


def test_first_and_second_complaints_rank_by_their_qualifier(library, monkeypatch):
    question = "thoi han giai quyet khieu nai lan dau la may ngay"   # typed without diacritics: "đầu" is lost
    monkeypatch.setattr(search_module, "SESSION13_OPPOSITE_QUALIFIERS", True)
    first = search(library, question, 5).hits
    assert first and first[0].article == "28" and first[0].number == "02/2011/QH13"
    second = search(library, "thoi han giai quyet khieu nai lan hai la bao lau", 5).hits
    assert second and second[0].article == "37"


# --- what the question form asks ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "title"), [
    ("làm giấy khai sinh cho con thì nộp ở đâu", "Thẩm quyền đăng ký khai sinh"),
    ("co quan nao giai quyet to cao chu tich phuong", "Thẩm quyền giải quyết tố cáo"),
    ("ubnd phuong nao lam cai chinh ho tich", "Thẩm quyền đăng ký thay đổi, cải chính hộ tịch"),
    ("giải quyết khiếu nại mất bao lâu", "Thời hạn giải quyết khiếu nại lần đầu"),
    ("nộp đơn khiếu nại trong mấy ngày thì hết quyền", "Thời hiệu khiếu nại"),
    ("đăng ký kết hôn cần giấy tờ gì", "Thủ tục đăng ký kết hôn"),
    ("xin tro cap xa hoi thi ho so gom nhung gi", "Hồ sơ đề nghị trợ cấp xã hội"),
    ("thế nào là người khuyết tật nặng", "Giải thích từ ngữ"),
])
def test_the_form_of_the_question_favours_the_article_of_that_kind(only, question, title):
    only("SESSION13_ASKED_FORM")
    assert title_adjustment(folded(question), title) == search_module.ASKED_FORM_BONUS
    only()
    assert title_adjustment(folded(question), title) == 0.0


@pytest.mark.parametrize(("question", "title"), [
    ("lệ phí đăng ký kết hôn bao nhiêu tiền", "Thẩm quyền đăng ký kết hôn"),
    ("con dưới 36 tháng tuổi ai được nuôi", "Thời hạn giải quyết khiếu nại lần đầu"),
    ("giải quyết khiếu nại mất bao lâu", "Thẩm quyền giải quyết khiếu nại"),
    ("đăng ký kết hôn cần giấy tờ gì", "Thời hạn giải quyết việc đăng ký kết hôn"),
    ("người khuyết tật được hưởng trợ cấp bao nhiêu", "Giải thích từ ngữ"),
])
def test_a_question_of_another_form_gets_no_bonus(only, question, title):
    only("SESSION13_ASKED_FORM")
    assert title_adjustment(folded(question), title) == 0.0


# --- title precision (measured, off) ----------------------------------------------------------------------------

def test_title_precision_is_off_and_counts_only_titles_the_question_mostly_contains(only):
    assert search_module.SESSION13_TITLE_PRECISION is False
    only("SESSION13_TITLE_PRECISION")
    covered = title_adjustment(folded("thủ tục đăng ký khai sinh cho con"), "Thủ tục đăng ký khai sinh")
    assert covered == pytest.approx(search_module.TITLE_PRECISION_WEIGHT)
    assert title_adjustment(folded("khai sinh cho con"), "Thủ tục đăng ký khai sinh cho người đã có hồ sơ") == 0.0
    assert title_adjustment(folded("đăng ký khai sinh"), "Đăng ký thay đổi, cải chính hộ tịch") == 0.0


# --- the bridged procedure's own law, ranked ---------------------------------------------------------------------

def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


@pytest.mark.parametrize(("question", "article", "procedure"), [
    # Who may ask for a copy of a lost birth certificate: Điều 63, not the copy procedure (Điều 64) alone.
    ("lam lai giay khai sinh bi mat thi phuong co duoc cap ban sao trich luc khong", "60/2014/QH13|63", "HT-TLBS"),
    # Asking through someone else: Điều 6 (quyền, nghĩa vụ đăng ký hộ tịch), beside the cải chính basis.
    ("người dân có được nhờ người khác đi đăng ký hộ tịch thay mình không", "60/2014/QH13|6", "HT-TDCC"),
])
def test_a_bridged_question_shows_the_rankings_article_of_that_law_first(library, monkeypatch, question, article,
                                                                          procedure):
    monkeypatch.setattr(search_module, "SESSION13_BRIDGE_OWN_FIRST", True)
    on = search(library, question, 5)
    assert on.answered and on.procedure is not None and on.procedure[0] == procedure
    assert article in _shown(on)[:3], _shown(on)
    assert all(h.number == "60/2014/QH13" for h in on.hits)   # still the procedure's law, said so
    monkeypatch.setattr(search_module, "SESSION13_BRIDGE_OWN_FIRST", False)
    off = search(library, question, 5)
    assert off.procedure == on.procedure and article not in _shown(off)[:3]


def test_a_chatty_procedure_question_keeps_its_basis_first(library, monkeypatch):
    # Another "Thủ tục …" article (Điều 36, with a foreign element) or the definitions are rival readings of the
    # procedure the catalogue chose: they are not put before its basis.
    monkeypatch.setattr(search_module, "SESSION13_BRIDGE_OWN_FIRST", True)
    for question, first in [
        ("nhà mình mới sinh em bé, giờ muốn đi làm giấy khai sinh thì phải mang theo những gì vậy ạ", "16"),
        ("giấy khai sinh ghi sai ngày sinh, giờ muốn sửa khai sinh thì làm ở đâu", "28"),
    ]:
        result = search(library, question, 5)
        assert result.procedure is not None and result.hits[0].article == first, _shown(result)


def test_own_passages_must_state_what_is_asked(library, monkeypatch):
    # An amount is asked: a passage of the law that states none is not put first.
    monkeypatch.setattr(search_module, "SESSION13_BRIDGE_OWN_FIRST", True)
    result = search(library, "chứng thực bản sao giấy tờ mất bao nhiêu tiền một trang vậy ạ", 5)
    for hit in result.hits[:1]:
        assert relevance.states_what_is_asked(" ".join(fold_tokens("bao nhiêu tiền")), " ".join(fold_tokens(hit.text)))


@pytest.mark.parametrize(("question", "title", "form"), [
    ("thời hạn giải quyết khiếu nại lần đầu là bao lâu", "Thời hạn giải quyết khiếu nại lần đầu", 1.0),
    ("nộp hồ sơ cải chính hộ tịch ở đâu", "Thẩm quyền đăng ký thay đổi, cải chính, bổ sung hộ tịch", 1.0),
    ("lệ phí đăng ký kết hôn bao nhiêu tiền", "Thẩm quyền đăng ký kết hôn", 0.0),
])
def test_the_title_features_read_the_titles_of_the_top_passages(question, title, form):
    got_form, precision = relevance.title_evidence(" ".join(fold_tokens(question)), [{"article_title": title}])
    assert got_form == form and 0.0 < precision <= 1.0


def test_the_title_features_are_measured_and_off(library, monkeypatch):
    assert relevance.SESSION13_TITLE_FEATURES is False and relevance.threshold() == relevance.THRESHOLD
    question = "thoi hieu khieu nai quyet dinh hanh chinh la bao nhieu ngay"
    off = search(library, question, 5).confidence
    monkeypatch.setattr(relevance, "SESSION13_TITLE_FEATURES", True)
    assert relevance.threshold() == relevance.TITLE_FEATURE_THRESHOLD
    on = search(library, question, 5)
    assert on.confidence != off and on.answered and on.hits[0].article == "9"


def test_the_refit_is_measured_and_off():
    assert relevance.SESSION13_REFIT is False
    assert len(relevance.REFIT_COEFFICIENTS) == len(relevance.COEFFICIENTS)


# --- a law named by its title ----------------------------------------------------------------------------------

def test_the_laws_a_question_names(library):
    assert search_module.named_laws(library, "Theo Luật Người cao tuổi thì ai được chăm sóc") == ["luat nguoi cao tuoi"]
    assert search_module.named_laws(library, "luat hon nhan va gia dinh quy dinh gi ve cap duong") == [
        "luat hon nhan va gia dinh"]
    assert search_module.named_laws(library, "người cao tuổi được giảm giá vé không") == []   # no law named
    assert search_module.named_laws(library, "luật số 59/2020/QH14 nói gì") == []


@pytest.mark.parametrize("question", [
    "theo Luật Người cao tuổi thì làm hồ sơ hưởng trợ cấp xã hội hằng tháng ở đâu",
    "Luật Tiếp công dân quy định chứng thực bản sao giấy tờ ở đâu",
])
def test_a_question_naming_a_law_is_not_answered_from_another(library, monkeypatch, question):
    # Session 14's bonus for the named law's passages brings Luật Người cao tuổi's articles into the first three
    # here (test_session14_search.py): this tests session 13's check alone.
    monkeypatch.setattr(search_module, "SESSION14_NAMED_LAW_FIRST", False)
    monkeypatch.setattr(search_module, "SESSION13_NAMED_LAW", False)
    assert search(library, question, 5).answered
    monkeypatch.setattr(search_module, "SESSION13_NAMED_LAW", True)
    result = search(library, question, 5)
    assert not result.answered and result.hits == [] and result.procedure is None and result.nearest


@pytest.mark.parametrize(("question", "number"), [
    ("thời hiệu khiếu nại theo Luật Khiếu nại là bao lâu", "02/2011/QH13"),
    ("luat ho tich quy dinh le phi dang ky khai sinh the nao", "60/2014/QH13"),
    ("theo Luật Tố cáo thì người tố cáo có quyền gì", "25/2018/QH14"),
    ("Luật Hôn nhân và gia đình quy định ai phải cấp dưỡng cho con sau ly hôn", "52/2014/QH13"),
])
def test_a_question_naming_a_law_answered_from_it_stays_answered(library, monkeypatch, question, number):
    monkeypatch.setattr(search_module, "SESSION13_NAMED_LAW", True)
    result = search(library, question, 5)
    assert result.answered and any(h.number == number for h in result.hits[:search_module.SHOWN])
