"""Session 21's legal search behaviours, plain since session 23 (rule R8; docs/knowledge.md, "Session 21"): a blank
civil-status entry to be added, a benefit's level, money asked in other words, whether a fee is due, papers handed in
late in the day, the form asked standing for a title's words. The sentences here are this file's own, not the blind
writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import official_words, relevance, rule_articles, title_asked
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return f" {' '.join(fold_tokens(text))} "


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


# --- official_words (family civil_addition): a blank entry of a civil-status record asked to be added ---------------

@pytest.mark.parametrize("question", [
    "giấy khai sinh của cháu bỏ trống mục quê quán, bây giờ bổ sung vào được không",
    "khai sinh cua me toi de trong muc dan toc thi xin bo sung o dau",
    "Ông tôi muốn bổ sung thông tin hộ tịch vì giấy khai sinh chưa ghi ngày sinh",
    "thu tuc bo sung ho tich mat bao lau",
])
def test_a_blank_entry_asked_to_be_added_asks_the_rule_on_adding_civil_information(question):
    assert {rule.family for rule in official_words.asked(_folded(question))} == {"civil_addition"}, question


@pytest.mark.parametrize("question", [
    "giấy khai sinh của con chưa có tên cha, muốn bổ sung tên cha thì làm sao",     # a father recognised: Điều 25
    "hồ sơ khai sinh còn thiếu giấy tờ thì về bổ sung sau có được không",            # papers missing from a file
    "chứng thực việc sửa đổi, bổ sung hợp đồng mua bán nhà ở đâu",                   # an amendment, no civil record
    "muốn bổ sung giấy khai sinh vào hồ sơ xin trợ cấp thì nộp bản sao hay bản chính",   # a paper added to a file
    "giấy khai sinh bị ghi sai quê quán thì sửa thế nào",                             # a correction, nothing added
])
def test_other_questions_naming_an_addition_or_a_birth_paper_ask_no_such_rule(question):
    assert not [r for r in official_words.asked(_folded(question)) if r.family == "civil_addition"], question


@pytest.mark.parametrize("question", [
    "giấy khai sinh của cháu bỏ trống mục quê quán, bây giờ bổ sung vào được không",
    "Ông tôi muốn bổ sung thông tin hộ tịch vì giấy khai sinh chưa ghi ngày sinh, làm ở đâu",
])
def test_the_rule_on_adding_civil_information_comes_first(library, question):
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == "60/2014/QH13|29"


# --- rule_articles: how much a benefit is → the article titled as its level -----------------

@pytest.mark.parametrize(("question", "asked"), [
    ("cháu mồ côi được hưởng trợ cấp hệ số bao nhiêu", True),
    ("mức trợ cấp hằng tháng của người cao tuổi hiện nay là bao nhiêu", True),
    ("me toi duoc nhan tro cap xa hoi hang thang bao nhieu", True),
    ("hồ sơ xin trợ cấp xã hội hàng tháng gồm những gì", False),            # the papers, not the amount
    ("mức độ khuyết tật nặng được xác định thế nào", False),                 # a degree of disability, no benefit
    ("được hưởng trợ cấp thì phải làm thủ tục ở đâu", False),                # where, not how much
])
def test_how_much_a_benefit_is_asked(question, asked):
    level = rule_articles._AMOUNT[1]
    assert (level in rule_articles.asked_rules(_folded(question))) is asked, question


@pytest.mark.parametrize("question", [
    "bà tôi 82 tuổi được nhận trợ cấp xã hội hàng tháng bao nhiêu",                       # unbridged: the ranking
    "chau mo coi ong ba dang nuoi, vay chau duoc huong tro cap xa hoi he so bao nhieu a",   # bridged: the procedure
])
def test_the_article_on_the_benefits_level_is_shown(library, question):

    on = search(library, question, 5)
    assert on.answered and "20/2021/NĐ-CP|6" in _shown(on)[:3]


def test_only_a_level_whose_title_the_question_repeats_joins_the_candidates(library):
    assert "muc tro cap xa hoi hang thang" in rule_articles.amount_titled(
        library, _folded("được nhận trợ cấp xã hội hàng tháng bao nhiêu")).values()
    assert not rule_articles.amount_titled(library, _folded("được hỗ trợ mai táng bao nhiêu"))   # another benefit
    assert not rule_articles.amount_titled(library, _folded("trợ cấp xã hội hàng tháng làm ở đâu"))   # not how much


# --- relevance: "hết / mất / tốn (bao) nhiêu tiền" asks an amount -----------------------------

@pytest.mark.parametrize(("question", "asked"), [
    ("lam ban sao giay khai sinh het nhieu tien", True),
    ("chứng thực hợp đồng tốn nhiêu tiền", True),
    ("trích lục nhiêu tiền một bản vậy", True),
    ("làm giấy khai sinh cho con có tốn nhiều thời gian không", False),   # time, not money
    ("cán bộ nhận tiền của dân thì tố cáo ở đâu", False),                 # money named, no amount asked
])
def test_money_asked_in_other_words(question, asked):
    assert ("money" in relevance.asked_kinds(_folded(question))) is asked, question


def test_an_amount_asked_in_other_words_gets_the_fee_article(library):

    question = "xin ban sao trich luc khai sinh het nhieu tien mot ban"
    assert _shown(search(library, question, 5))[:1] == ["281/2016/TT-BTC|4"]


# --- relevance and the bridge: whether a fee is due → what is charged and who is exempt, in the bridged answer ----

@pytest.mark.parametrize(("question", "asked"), [
    ("chứng thực hợp đồng vay vốn có phải nộp phí không", True),
    ("lam trich luc co mat phi ko", True),
    ("người khuyết tật đăng ký khai sinh cho con có được miễn lệ phí không", True),
    ("chồng cũ có phải trả tiền cấp dưỡng hàng tháng không", False),    # no fee
    ("cán bộ thu thêm tiền ngoài lệ phí thì có bị kỷ luật không", False),
    ("lệ phí hộ tịch do cơ quan nào quy định", False),                  # who sets it, not whether it is due
])
def test_whether_a_fee_is_due_is_asked(question, asked):
    assert relevance.asks_fee_due(_folded(question)) is asked, question


def test_whether_a_fee_is_due_shows_who_is_exempt(library):

    question = "Hộ gia đình vay vốn ngân hàng để nuôi trồng thì chứng thực hợp đồng thế chấp có phải nộp phí không"
    on = search(library, question, 5)
    assert on.procedure is not None and "226/2016/TT-BTC|5" in _shown(on)[:3]


def test_a_bridged_answer_is_never_lost_to_a_fee_question(library, monkeypatch):
    # The khai sinh procedure's fee is one the ward confirms: no fee passage comes first, the answer stays as it was.
    question = "con sinh được ba tháng mới đi làm khai sinh thì có mất lệ phí không"
    on = search(library, question, 5)
    monkeypatch.setattr(relevance, "asks_fee_due", lambda folded_query: False)   # the answer as it would be
    off = search(library, question, 5)
    assert (on.answered, on.procedure) == (off.answered, off.procedure)
    assert _shown(on) == _shown(off)


# --- official_words (family after_hours): papers handed in late in the day, when the result is due -----------------

@pytest.mark.parametrize(("question", "phrase"), [
    ("nộp hồ sơ khai tử lúc 4 giờ chiều mà phường làm không kịp thì bao giờ có kết quả",
     "truong hop nhan ho so sau 15 gio ma khong giai quyet duoc ngay"),
    ("chung thuc ban sao nop luc 15h30 thi khi nao tra ket qua", "neu tiep nhan yeu cau sau 15 gio"),
])
def test_papers_handed_in_late_in_the_day_ask_the_after_hours_rule(question, phrase):
    assert [rule.phrase for rule in official_words.asked(_folded(question))] == [phrase], question


@pytest.mark.parametrize("question", [
    "phường làm việc từ 7 giờ sáng, nộp hồ sơ khai sinh thì bao lâu có kết quả",   # a morning hour
    "nộp hồ sơ lúc 4 giờ chiều có được không",                                       # no result asked
    "khai sinh cho con trong thời hạn bao nhiêu ngày",                                 # no hour
])
def test_other_times_ask_no_after_hours_rule(question):
    assert not [r for r in official_words.asked(_folded(question)) if r.family == "after_hours"], question


def test_the_after_hours_rule_of_the_civil_status_law_comes_first(library):
    question = "nộp hồ sơ hộ tịch lúc 4 giờ chiều mà cán bộ không làm kịp trong ngày thì hẹn trả khi nào"
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == "60/2014/QH13|5"


# --- title_asked: the form asked stands for the title's words of that form --------------------

def test_the_form_asked_stands_for_the_titles_words_of_that_form():
    title = "Nộp hồ sơ, thời hạn giải quyết việc nuôi con nuôi"
    assert title_asked.repeats_title(_folded("nộp hồ sơ rồi thì bao lâu giải quyết xong việc nuôi con nuôi"), title)
    assert not title_asked.repeats_title(_folded("nộp hồ sơ việc nuôi con nuôi giải quyết ở đâu"), title)   # not a time
    assert title_asked.repeats_title(_folded("ai có thẩm quyền đăng ký kết hôn"), "Thẩm quyền đăng ký kết hôn")
    assert not title_asked.repeats_title(_folded("đăng ký kết hôn cần giấy tờ gì"), "Thẩm quyền đăng ký kết hôn")


def test_a_time_asked_of_a_titled_article_is_answered_by_its_passage_stating_it(library):

    question = "nop ho so o phuong thi bao nhieu ngay moi giai quyet xong viec nuoi con nuoi"
    on = search(library, question, 5)
    assert on.answered and "52/2010/QH12|19" in _shown(on)[:2]
