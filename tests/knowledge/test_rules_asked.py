"""Rules asked in fixed official words, a condition stated in another law, and a will's validity not held: session 19's
legal search behaviours, plain behaviour since session 21 (rule R8; docs/knowledge.md, "Session 19", "Session 21").
The sentences here are this file's own, not the blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import official_words, rule_articles
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return " ".join(fold_tokens(text))


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


# --- a rule stated in fixed official words (official_words.py) ------------------------------------------------------

@pytest.mark.parametrize("question", [
    "Ủy ban nhận được đơn tố cáo giấu tên thì có phải xử lý không",
    "to cao nac danh gui qua buu dien thi co quan co xem xet khong",
    "đơn khiếu nại không ghi họ tên người gửi thì có được giải quyết không",
])
def test_a_letter_without_a_name_asks_the_unsigned_rule(question):
    assert {rule.family for rule in official_words.asked(_folded(question))} == {"unsigned"}, question


@pytest.mark.parametrize("question", [
    "đơn tố cáo phải ghi những nội dung gì",            # a letter, no missing name
    "khiếu nại lần đầu thì gửi đơn đến đâu",
    "giấy khai sinh không có tên cha thì làm sao",        # no complaint, no denunciation
])
def test_other_letters_ask_no_unsigned_rule(question):
    assert not official_words.asked(_folded(question)), question


@pytest.mark.parametrize("question", [
    "Cán bộ tư pháp có được chứng thực hợp đồng mua bán nhà của chính vợ mình không",
    "pho chu tich phuong co duoc ky giay chung tu cho bo de cua minh khong",
    "Công chức hộ tịch tự đăng ký kết hôn cho em ruột thì có vi phạm không",
])
def test_an_official_acting_for_his_own_family_asks_the_own_interest_rule(question):
    assert {rule.family for rule in official_words.asked(_folded(question))} == {"own_interest"}, question


@pytest.mark.parametrize("question", [
    "Ông bà có được đi đăng ký khai sinh cho cháu ruột không",          # no official
    "Chủ tịch phường có được ủy quyền cho phó chủ tịch ký giấy khai sinh không",   # nobody of his own
    "cán bộ tư pháp chứng thực hợp đồng của vợ mình",                    # not asked whether allowed
])
def test_other_questions_on_officials_or_relatives_ask_no_own_interest_rule(question):
    assert not [r for r in official_words.asked(_folded(question)) if r.family == "own_interest"], question


@pytest.mark.parametrize(("question", "key"), [
    ("Công chức tư pháp có được tự đăng ký kết hôn cho em ruột của mình không", "60/2014/QH13|12"),
    ("Cán bộ tư pháp có được chứng thực hợp đồng mua bán nhà của chính vợ mình không", "23/2015/NĐ-CP|9"),
    ("Tổ trưởng dân phố nhận được đơn tố cáo nặc danh về cán bộ phường, phường có xử lý không", "25/2018/QH14|25"),
])
def test_the_passage_of_the_rule_asked_comes_first(library, question, key):
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == key


@pytest.mark.parametrize(("question", "asked"), [
    ("Bà con không đồng tình với kết luận nội dung tố cáo của phường thì có quyền làm gì", True),
    ("nguoi to cao khong thoa man voi ket qua giai quyet thi gui don tiep cho ai", True),
    ("tố cáo gửi lên phường ba tháng rồi chưa được giải quyết thì tố cáo tiếp ở đâu", False),   # overdue: Điều 38
    ("không đồng ý với quyết định giải quyết khiếu nại lần đầu thì làm gì", False),              # a complaint
    ("người bị tố cáo không đồng ý với kết luận thì có được giải trình không", False),   # the person denounced
])
def test_a_denouncer_disagreeing_with_the_resolution_asks_the_rule_on_denouncing_again(question, asked):
    families = {rule.family for rule in official_words.asked(_folded(question))}
    assert ("disagree" in families) is asked, question


def test_the_rule_on_denouncing_again_comes_first(library):
    question = "Bà con không đồng tình với kết luận nội dung tố cáo của phường thì có quyền làm gì"
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == "25/2018/QH14|37"


def test_a_question_naming_both_letters_gets_neither_rule(library):
    question = "thư tố cáo và đơn khiếu nại không ký tên thì phường có phải giải quyết không"
    documents = {int(r[0]) for r in library.execute("SELECT id FROM kb_documents")}
    assert len(official_words.asked(_folded(question))) == 2
    assert official_words.rule_passage(library, _folded(question), documents) is None


def test_the_rule_is_not_put_first_when_it_does_not_state_what_is_asked(library):
    question = _folded("người gửi thư tố cáo giấu tên có bị phạt tiền không")   # a penalty: the rule states none
    documents = {int(r[0]) for r in library.execute("SELECT id FROM kb_documents")}
    assert official_words.asked(question)
    assert official_words.rule_passage(library, question, documents) is None


def test_the_rule_is_not_put_first_for_a_law_the_answer_does_not_rest_on(library):
    question = _folded("Công chức tư pháp có được tự đăng ký kết hôn cho em ruột của mình không")
    hotich = {int(r[0]) for r in library.execute("SELECT id FROM kb_documents WHERE number = '60/2014/QH13'")}
    other = {int(r[0]) for r in library.execute("SELECT id FROM kb_documents WHERE number = '52/2010/QH12'")}
    assert official_words.rule_passage(library, question, hotich) is not None
    assert official_words.rule_passage(library, question, other) is None


# --- a condition asked, stated in another law (rule_articles.py) ----------------------------------------------------

def test_a_stated_age_asked_whether_allowed_is_a_condition_asked():
    for question in ("cháu gái tôi mới 16 tuổi, hai nhà muốn tổ chức cưới, có đăng ký kết hôn được không",
                     "con trai 19 tuoi da du tuoi lay vo chua",
                     "muốn làm cộng tác viên dịch thuật cho phòng tư pháp thì cần bằng cấp gì"):
        assert rule_articles.asks_condition(_folded(question)), question
    for question in ("bé 6 tuổi rồi mà chưa làm giấy khai sinh, giờ làm có bị phạt không",   # an age, no permission
                     "đăng ký kết hôn có được làm ở phường nơi vợ ở không",                  # permission, no age
                     "bằng cấp của con tôi cần chứng thực bản sao ở đâu"):                   # a degree, not asked which
        assert not rule_articles.asks_condition(_folded(question)), question


def test_a_procedures_subject_is_its_name_without_the_registration_words():
    assert rule_articles.subject_of("Đăng ký kết hôn") == "kết hôn"
    assert rule_articles.subject_of("Cấp bản sao trích lục hộ tịch") == "bản sao trích lục hộ tịch"


def test_the_condition_titled_articles_are_those_whose_subject_the_question_names(library):
    titled = rule_articles.condition_titled(library, _folded("muốn kết hôn thì cần những điều kiện gì"))
    assert "dieu kien ket hon" in titled.values()
    assert not rule_articles.condition_titled(library, _folded("thủ tục kết hôn cần giấy tờ gì"))   # no condition
    assert "dieu kien ket hon" not in rule_articles.condition_titled(
        library, _folded("điều kiện nhận con nuôi là gì")).values()


@pytest.mark.parametrize("question", [
    "cháu gái tôi mới 16 tuổi, hai nhà muốn tổ chức cưới, có đăng ký kết hôn được không",   # bridged to kết hôn
    "con trai phải đủ bao nhiêu tuổi thì mới được đăng ký kết hôn",
])
def test_the_condition_of_another_law_is_shown(library, question):
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == "52/2014/QH13|8"


# --- a will's validity, who inherits: no text here (not_held.py) ----------------------------------------------------

@pytest.mark.parametrize("question", [
    "bà tôi để lại di chúc miệng trước khi mất thì có được công nhận không",
    "di chuc do ong tu viet tay khong ai lam chung thi co hop phap khong",
    "chồng mất không để lại di chúc thì con nuôi có được hưởng thừa kế không",
    "nha cua bo me chia di san the nao khi co 3 anh em",
])
def test_a_wills_validity_or_who_inherits_is_not_held(question):
    from appliance.knowledge.not_held import asks_not_held

    assert asks_not_held(_folded(question)), question


@pytest.mark.parametrize("question", [
    "muốn chứng thực di chúc thì mang những giấy tờ gì",                          # certifying it: held
    "văn bản thỏa thuận phân chia di sản chứng thực ở phường có được không",
    "mẹ mất rồi, cần trích lục khai tử để làm thủ tục thừa kế thì xin ở đâu",
    "tài sản được thừa kế riêng trong thời kỳ hôn nhân là của chung hay của riêng",   # the family law: held
])
def test_questions_the_library_holds_that_name_a_will_or_an_inheritance(question):
    from appliance.knowledge.not_held import asks_not_held

    assert not asks_not_held(_folded(question)), question


def test_a_question_on_a_wills_validity_is_not_answered_from_the_certification_rules(library):
    from appliance.knowledge import not_held

    question = "Bố tôi lập di chúc miệng để lại nhà cho em tôi, di chúc đó có giá trị không"
    on = search(library, question, 5)
    assert not on.answered and not on.hits and on.procedure is None and on.note == not_held.NOTE


def test_the_condition_titled_articles_follow_the_library(tmp_path):
    # Kept between searches per library stamp (store.library_stamp): a document put out of force leaves them at once.
    from appliance.db import connect, migrate
    from appliance.knowledge import store

    conn = connect(tmp_path / "appliance.db")
    migrate(conn)
    question = _folded("nam bao nhiêu tuổi thì được đăng ký kết hôn")
    titled = rule_articles.condition_titled(conn, question)
    assert "dieu kien ket hon" in titled.values()
    doc_id = int(conn.execute("SELECT doc_id FROM kb_chunks WHERE id = ?", (next(iter(titled)),)).fetchone()[0])
    status = str(conn.execute("SELECT status FROM kb_documents WHERE id = ?", (doc_id,)).fetchone()[0])
    store.set_status(conn, doc_id, "het_hieu_luc", "")
    assert "dieu kien ket hon" not in rule_articles.condition_titled(conn, question).values()
    store.set_status(conn, doc_id, status, "")
    assert rule_articles.condition_titled(conn, question) == titled
    conn.close()
