"""Sessions 22 to 25: legal search behaviours (docs/knowledge.md, "Session 22" to "Session 25"). Session 22's are plain
behaviour since session 24, session 23's since session 25, session 24's since session 26, session 25's since session
27 (rule R8); session 25's are at the end, then session 27's (plain since session 29) and session 28's SESSION28_*
flags (on and off), in this file so that they share its library. The sentences here are this file's own, not the
blind writers'."""

from __future__ import annotations

import pytest

from appliance.knowledge import abbreviations, official_words, relevance, said_gaps, ward_level
from appliance.knowledge.search import search
from appliance.text import fold_tokens


def _folded(text: str) -> str:
    return f" {' '.join(fold_tokens(text))} "


def _shown(result) -> list[str]:
    return [f"{h.number}|{h.article}" for h in result.hits]


# --- abbreviations: "UBND" read as "Ủy ban nhân dân" -----------------------------------------------------------------

@pytest.mark.parametrize(("typed", "read"), [
    ("Chủ tịch UBND phường ký", "Chủ tịch Ủy ban nhân dân phường ký"),
    ("chu tich ubnd phuong ky", "chu tich uy ban nhan dan phuong ky"),          # typed without diacritics: folded
    ("công chức LĐTBXH của phường", "công chức Lao động - Thương binh và Xã hội của phường"),
    ("cong chuc LĐ-TBXH phuong", "cong chuc lao dong - thuong binh va xa hoi phuong"),
    ("mất CMND thì làm lại ở đâu", "mất chứng minh nhân dân thì làm lại ở đâu"),
])
def test_an_abbreviation_of_the_administration_is_read_as_its_words(typed, read):
    assert abbreviations.expand(typed) == read


@pytest.mark.parametrize("typed", [
    "Nghị định 23/2015/NĐ-CP quy định gì",     # a document's number stays as typed
    "UBNDX là gì",                             # not an abbreviation of the list
    "phường cấp giấy khai sinh",               # nothing to read
])
def test_other_words_are_kept_as_typed(typed):
    assert abbreviations.expand(typed) == typed


ASKED = "Hỏi: Chủ tịch UBND phường trực tiếp tiếp công dân tại trụ sở ít nhất mấy ngày trong một tuần?"
ASKED_PLAIN = "chu tich UBND phuong truc tiep tiep cong dan tai tru so it nhat may ngay trong 1 tuan"


@pytest.mark.parametrize("question", [ASKED, ASKED_PLAIN])
def test_the_chairmans_days_of_receiving_citizens_are_answered(library, question):
    # The three readings of session 22 together: "UBND" is not a word the library lacks, the ward's article (Điều 15)
    # comes before the province's (Điều 12), and "mấy" asks how many (not a word the passages lack).
    result = search(library, question, 5)
    assert result.answered and _shown(result)[0] == "42/2013/QH13|15"
    assert "ubnd" not in " ".join(result.missing).lower()


# --- ward_level: the ward's article before another level's ------------------------------------------------------------

@pytest.mark.parametrize(("question", "ward"), [
    ("chủ tịch phường tiếp dân mấy ngày", True),
    ("chu tich ubnd xa giai quyet khieu nai trong bao lau", True),
    ("ủy ban nhân dân cấp xã có thẩm quyền gì", True),
    ("chủ tịch UBND tỉnh tiếp dân mấy ngày", False),              # another level named
    ("đơn gửi phường rồi chuyển lên quận thì ai giải quyết", False),
    ("trợ cấp xã hội hàng tháng bao nhiêu", False),               # "cấp xã hội" is no level
])
def test_a_question_names_the_ward_alone(question, ward):
    assert ward_level.asks_ward(_folded(question)) is ward


def test_another_levels_article_loses_score_only_for_a_question_on_the_ward():
    ward, province = _folded("chủ tịch phường tiếp dân mấy ngày"), _folded("chủ tịch tỉnh tiếp dân mấy ngày")
    title = "Tiếp công dân tại Trụ sở tiếp công dân cấp tỉnh"
    assert ward_level.adjustment(ward, title) == -ward_level.OTHER_LEVEL_PENALTY
    assert ward_level.adjustment(province, title) == 0.0
    assert ward_level.adjustment(ward, "Việc tiếp công dân ở xã, phường, thị trấn") == 0.0
    assert ward_level.adjustment(ward, "Mức trợ cấp xã hội hàng tháng") == 0.0


def test_a_passage_naming_the_commune_level_says_the_ward():
    assert ward_level.commune_words("chu tich uy ban nhan dan cap xa truc tiep") == {"phuong"}
    assert not ward_level.commune_words("muc tro cap xa hoi hang thang")


# --- relevance: "mấy" asks how many -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "asking"), [
    ("tiếp dân mấy ngày một tuần", True),
    ("tiep dan may ngay mot tuan", True),           # typed without diacritics, before a unit counted
    ("duoc gia han may lan", True),
    ("máy tính của phường bị hỏng", False),          # a machine
    ("may mac cho tre em mo coi", False),            # no unit follows: "may" stays a word
])
def test_how_many_is_asked_not_searched(question, asking):
    assert ("may" not in dict(relevance._content_words(question))) is asking


# --- official_words, family "delegation": a civil-status registration done by someone else ----------------------------

@pytest.mark.parametrize("question", [
    "đăng ký kết hôn có được ủy quyền cho người khác đi nộp hồ sơ thay không",
    "e di lam xa, nho nguoi nha di lam khai sinh cho be duoc khong",
    "xin trích lục khai sinh có thể nhờ ai xin hộ được không",
])
def test_a_registration_done_by_someone_else_asks_the_delegation_rule(question):
    assert {rule.family for rule in official_words.asked(_folded(question))} == {"delegation"}, question


@pytest.mark.parametrize("question", [
    "chứng thực chữ ký trên giấy ủy quyền đi làm khai sinh cho cháu có cần căn cước không",   # a certification
    "mẹ già yếu có được ủy quyền cho con đi khiếu nại thay không",                             # a complaint
    "đăng ký kết hôn cần giấy tờ gì",                                                          # nobody else
    "hộ nghèo có được hỗ trợ khi đăng ký khai sinh không",                                     # "hộ", a household
])
def test_other_questions_ask_no_delegation_rule(question):
    assert not [r for r in official_words.asked(_folded(question)) if r.family == "delegation"], question


def test_the_delegation_rule_comes_first(library):
    question = "Đăng ký kết hôn thì hai người có phải cùng có mặt không, ủy quyền cho người khác nộp thay được không?"
    result = search(library, question, 5)
    assert result.answered and _shown(result)[0] == "60/2014/QH13|6" and result.hits[0].clause == "2"


def test_the_abbreviations_agree_with_the_citizen_chats() -> None:
    """An abbreviation both readers know means the same words in both: the search spells it with diacritics
    (abbreviations.ABBREVIATIONS), the chat folded (citizen vocabulary.TEENCODE)."""
    from appliance.citizen.vocabulary import TEENCODE

    shared = set(abbreviations.ABBREVIATIONS) & set(TEENCODE)
    assert {"ubnd", "cmnd", "cccd"} <= shared
    for key in shared:
        assert " ".join(fold_tokens(abbreviations.ABBREVIATIONS[key])) == TEENCODE[key], key


# --- said_gaps (session 23): a subject without text named only by words the passages say -------------------------

@pytest.mark.parametrize("question", [
    "Công chức bị kỷ luật cảnh cáo, khiếu nại quyết định kỷ luật thì thời hiệu khiếu nại lần đầu là mấy ngày",
    "cán bộ bị kỷ luật khiển trách muốn khiếu nại lần đầu thì thời hiệu khiếu nại bao lâu",
])
def test_a_first_complaint_names_no_land_law_when_the_passages_say_lan_dau(library, question):
    # "lần đầu" is a phrase of the land registration ("đăng ký đất đai lần đầu", Luật Đất đai 2024 has no text here);
    # Điều 48 Luật Khiếu nại says "Thời hiệu khiếu nại lần đầu là 15 ngày": its title is repeated (title_asked.py).
    on = search(library, question, 5)
    assert on.answered and not on.gaps and _shown(on)[0] == "02/2011/QH13|48"


def test_a_held_document_lacking_the_article_stays_a_gap(library):
    # Nghị định 123/2015 is held without Điều 22 (the certificate of marital status): the question's own subject, whose
    # words the passages of the civil-status laws say anyway.
    from appliance.knowledge.bridge import Reading
    from appliance.knowledge.subjects import Gap

    gap = Gap("123/2015/NĐ-CP", "Nghị định số 123/2015/NĐ-CP", "con_hieu_luc", has_text=True, article="22")
    question = "mẹ ra phường xin giấy xác nhận tình trạng hôn nhân giúp con được không"
    shown = ["cap giay xac nhan tinh trang hon nhan cho cong dan viet nam"]
    assert said_gaps.unsaid(library, question, Reading(gaps=(gap,)), shown).gaps == (gap,)


@pytest.mark.parametrize("question", [
    "đăng ký đất đai lần đầu cần giấy tờ gì",
    "cấp sổ đỏ lần đầu ở phường mất bao lâu",
])
def test_a_subject_without_text_named_by_words_the_passages_lack_stays_a_gap(library, question):
    result = search(library, question, 5)
    assert not result.answered and [gap.number for gap in result.gaps] == ["31/2024/QH15"]



# --- ward_level (session 23): the ranking counts "phường" as said by a passage saying "cấp xã" ------------------------

def test_the_ranking_reads_cap_xa_as_the_ward():
    assert ward_level.commune_words("thong bao cho uy ban nhan dan cap xa noi thuong tru") == {"phuong"}
    assert not ward_level.commune_words("muc tro cap xa hoi hang thang")          # "trợ cấp xã hội", no level
    assert not ward_level.commune_words("thong bao cho co quan dai dien")


def test_of_two_articles_titled_alike_the_wards_comes_first(library):
    # Điều 23 Luật Nuôi con nuôi (reports to "Ủy ban nhân dân cấp xã") and Điều 39 (an adoption abroad) share a title.
    question = "da nhan con nuoi thi cha me nuoi phai bao cao tinh hinh cua be cho phuong bao lau mot lan"
    assert _shown(search(library, question, 5))[0] == "52/2010/QH12|23"



# --- session 24: the chat's clear reading of another procedure of the same law is bridged (bridge.chat_choice) ------

def _chat(best: str, confidence: float, *others: tuple[str, float]):
    from appliance.citizen.understanding import Reading as CitizenReading

    ranked = [(f"proc:{best}", confidence), *((f"proc:{code}", p) for code, p in others)]
    return CitizenReading(intent="procedure", label=f"proc:{best}", confidence=confidence, ranked=ranked)


@pytest.mark.parametrize(("matched", "chat", "chosen"), [
    ("HT-KH", _chat("HT-NCMC", 0.76, ("HT-KH", 0.14)), "HT-NCMC"),            # clearly another procedure
    ("BTXH-TCHT", _chat("BTXH-MT", 0.68, ("BTXH-TCHT", 0.27)), "BTXH-MT"),
    ("CTH-HD", _chat("CTH-CK", 0.41, ("CTH-HD", 0.34)), "CTH-HD"),            # the chat as unsure as the matcher
    ("BTXH-TCHT", _chat("BTXH-MT", 0.47, ("BTXH-TCHT", 0.20)), "BTXH-TCHT"),  # below the chat's bar for answering
    ("HT-KS", _chat("HT-KS", 0.90), "HT-KS"),                                 # both agree
])
def test_the_chats_clear_reading_chooses_the_procedure(matched, chat, chosen):
    from appliance.knowledge import bridge
    from appliance.knowledge.procedures import load_catalogue

    procedures = load_catalogue()
    procedure = next(p for p in procedures if p.code == matched)
    assert bridge.chat_choice(procedures, procedure, chat).code == chosen


def test_a_marriage_named_in_passing_bridges_the_recognition_of_a_child(library):
    # The matcher's longest phrase is "đăng ký kết hôn" (not done yet); the chat reads the recognition of a child.
    question = ("vợ chồng em chưa đăng ký kết hôn, bé nhà em 3 tuổi khai sinh chỉ có tên mẹ, giờ chồng em muốn làm "
                "thủ tục nhận con ở phường thì cần những giấy tờ gì")
    on = search(library, question, 5)
    assert on.procedure is not None and on.procedure[0] == "HT-NCMC" and _shown(on)[0] == "60/2014/QH13|25"


# --- session 24: a question that only names a procedure asks for that procedure (bridge.bare_name) ------------------

@pytest.mark.parametrize(("question", "code", "first"), [
    ("làm thủ tục nhận con ở đâu", "HT-NCMC", "60/2014/QH13|24"),     # not the adoption law's articles
    ("cần làm giấy chứng tử cho bố", "HT-KT", "60/2014/QH13|34"),
])
def test_a_bare_procedure_name_gets_the_procedures_basis(library, question, code, first):
    on = search(library, question, 5)
    assert on.procedure is not None and on.procedure[0] == code and _shown(on)[0] == first


@pytest.mark.parametrize("question", [
    "nhận con nuôi",                                 # "nuôi" beside the phrase: an adoption, not "nhận con"
    "thủ tục đăng ký khai sinh",                     # the passages shown are the procedure's own law's
    "chủ tịch phường tiếp dân mấy ngày",             # no procedure named
    "hai đứa chưa cưới mà có con rồi, giờ làm thủ tục nhận con thì bố có phải có mặt không",   # more is asked
])
def test_a_question_asking_more_than_a_name_keeps_the_rankings_answer(library, monkeypatch, question):
    # The same answer as with bare_name never giving a reading.
    from appliance.knowledge import bridge

    on = search(library, question, 5)
    monkeypatch.setattr(bridge, "bare_name", lambda *_args: None)
    off = search(library, question, 5)
    assert (on.answered, on.procedure, _shown(on)) == (off.answered, off.procedure, _shown(off))


# --- elderly (session 25): the elderly in a citizen's words read as "người cao tuổi" ----------------------------

@pytest.mark.parametrize(("question", "read"), [
    ("con cháu phải chăm lo cho bố mẹ già thế nào", "con cháu phải chăm lo cho bố mẹ cao tuổi thế nào"),
    ("nguoi gia di xe buyt co duoc mien ve khong", "nguoi cao tuoi di xe buyt co duoc mien ve khong"),
    ("ông bà già ở một mình thì ai chăm", "ông bà cao tuổi ở một mình thì ai chăm"),
    ("người lớn tuổi được ưu tiên gì khi khám bệnh", "người cao tuổi được ưu tiên gì khi khám bệnh"),
])
def test_the_elderly_in_a_citizens_words_are_read_as_the_law_names_them(question, read):
    from appliance.knowledge import elderly

    assert elderly.official(question) == read


@pytest.mark.parametrize("question", [
    "ông tôi già yếu không ra phường được thì chứng thực ở nhà được không",  # "già yếu": Điều 10 Nghị định 23/2015
    "vé tàu cho người cao tuổi được giảm giá bao nhiêu",                    # "giá", a price
    "gia đình tôi muốn gia hạn tạm trú",                                     # "gia" of gia đình, gia hạn
    "nha cu gia bao nhieu thi phai nop thue",                                # "cũ giá", typed without diacritics
    "cây này già rồi có được chặt không",                                    # "già" after no word naming a person
])
def test_other_words_read_gia_are_left_as_typed(question):
    from appliance.knowledge import elderly

    assert elderly.official(question) == question


def test_the_age_of_the_elderly_asked_in_a_citizens_words_is_answered(library, monkeypatch):
    # Điều 2 Luật Người cao tuổi ("Người cao tuổi … từ đủ 60 tuổi trở lên"); typed as written, "người già" bridged the
    # monthly allowance.
    from appliance.knowledge import elderly

    question = "bao nhiêu tuổi thì được coi là người già"
    on = search(library, question, 5)
    assert on.answered and on.procedure is None and "39/2009/QH12|2" in _shown(on)
    monkeypatch.setattr(elderly, "official", lambda typed: typed)
    off = search(library, question, 5)
    assert "39/2009/QH12|2" not in _shown(off)


# --- negated_titles (session 25): the article titled with the prohibition asked ----------------------------

def test_the_prohibition_asked_brings_the_article_titled_with_it(library, monkeypatch):
    # Điều 11 Luật Khiếu nại, "Các khiếu nại không được thụ lý giải quyết"; "không được" is filler to the ranking.
    from appliance.knowledge import negated_titles

    question = "đơn khiếu nại kiểu nào thì không được thụ lý giải quyết"
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == "02/2011/QH13|11"
    monkeypatch.setattr(negated_titles, "negated_titled", lambda *_args: {})
    assert "02/2011/QH13|11" not in _shown(search(library, question, 5))


@pytest.mark.parametrize("question", [
    "khiếu nại của tôi có được thụ lý giải quyết không",     # asks whether it may be: no "không được" before the verb
    "khieu nai khong duoc giai quyet thi lam gi",            # another prohibition than the title's ("thụ lý")
    "trường hợp nào không phải nộp lệ phí hộ tịch",          # "Các trường hợp miễn, không phải nộp lệ phí": no "miễn"
])
def test_no_article_is_titled_with_a_prohibition_not_asked(library, question):
    from appliance.knowledge import negated_titles

    assert negated_titles.negated_titled(library, " ".join(fold_tokens(question))) == {}


# --- input_papers (session 27, plain since session 29): a paper the procedure only asks for, asked to be obtained ----

def test_a_paper_the_allowance_asks_for_is_not_answered_with_the_allowance(library):
    # The monthly allowance (Điều 8 Nghị định 20/2021) asks to see "giấy xác nhận khuyết tật"; obtaining that paper is
    # another procedure (Luật Người khuyết tật, Thông tư 01/2019): "not found" rather than the allowance's article.
    question = "cháu bị khuyết tật vận động, gia đình muốn xin giấy xác nhận khuyết tật thì nộp đơn ở đâu"
    result = search(library, question, 5)
    assert result.procedure is None and "20/2021/NĐ-CP|8" not in _shown(result)
    # the same allowance asked for itself is still bridged (the paper held, "xin" before "trợ cấp")
    held = search(library, "cháu đã có giấy xác nhận khuyết tật rồi, giờ xin trợ cấp hàng tháng thì làm thế nào", 5)
    assert held.procedure is not None and held.procedure[0] == "BTXH-TCHT"


# --- defined_terms.SESSION28_DEFINED_CLAUSE (session 28): the clause of a definitions article defining the term -----

@pytest.mark.parametrize(("question", "key"), [
    # Điều 4 Luật Hộ tịch, khoản 8 "Quê quán của cá nhân được xác định theo …": off, the birth registration bridged.
    ("quê quán của bé được xác định thế nào khi đi làm khai sinh", "60/2014/QH13|4"),
    # Điều 3 Luật Hôn nhân và gia đình, khoản 24 "Cấp dưỡng là việc …": off, the articles on the duty first.
    ("Thế nào là cấp dưỡng", "52/2014/QH13|3"),
    # Điều 3 Nghị định 30/2020, khoản 5 "Văn bản đi là …"; Điều 3 Luật Phí và lệ phí, khoản 2 "Lệ phí là …".
    ("văn bản đi là gì", "30/2020/NĐ-CP|3"),
    ("lệ phí là gì", "97/2015/QH13|3"),
])
def test_the_clause_defining_the_term_asked_answers(library, monkeypatch, question, key):
    from appliance.knowledge import defined_terms

    monkeypatch.setattr(defined_terms, "SESSION28_DEFINED_CLAUSE", True)
    on = search(library, question, 5)
    assert on.answered and _shown(on)[0] == key
    monkeypatch.setattr(defined_terms, "SESSION28_DEFINED_CLAUSE", False)
    assert _shown(search(library, question, 5))[:1] != [key]


def test_a_term_only_named_keeps_the_ranking(library):
    # "khiếu nại" is defined (Điều 2 Luật Khiếu nại) but the question asks the time limit of its settlement.
    from appliance.knowledge import defined_terms

    question = "Thời hạn giải quyết khiếu nại lần đầu được xác định thế nào?"
    assert defined_terms.defined_clauses(library, question) == {}
    assert "02/2011/QH13|2" not in _shown(search(library, question, 5))[:1]


# --- input_papers.SESSION28_PAPER_AGAIN (session 28): the hospital's paper asked again or said written wrongly ------

@pytest.mark.parametrize("question", [
    "giấy chứng sinh của cháu bị ghi sai tên bố, ra phường sửa được không",          # off: the correction, Điều 28
    "làm mất giấy chứng sinh của bé rồi, xin cấp lại giấy chứng sinh ở phường được không",   # off: Điều 16
])
def test_the_hospitals_paper_is_not_answered_with_a_civil_status_procedure(library, monkeypatch, question):
    from appliance.knowledge import input_papers

    monkeypatch.setattr(input_papers, "SESSION28_PAPER_AGAIN", True)
    on = search(library, question, 5)
    assert not on.answered and on.procedure is None and on.hits == []
    monkeypatch.setattr(input_papers, "SESSION28_PAPER_AGAIN", False)
    off = search(library, question, 5)
    assert off.answered and off.procedure is not None and off.procedure[0] in ("HT-KS", "HT-TDCC")


def test_a_lost_hospital_paper_asked_beside_the_birth_keeps_the_birth_registration(library):
    question = "giấy chứng sinh của con bị mất rồi, giờ đi làm khai sinh cho con thì cần gì"
    result = search(library, question, 5)
    assert result.answered and result.procedure == ("HT-KS", "Đăng ký khai sinh")


# --- session 29's SESSION29_* flags (tests/knowledge/test_session29_search.py has their pure functions) -------------

@pytest.mark.parametrize(("question", "key"), [
    # off: the birth registration's steps (Điều 15, 16 Luật Hộ tịch); on: điểm h khoản 1 Điều 12 first
    ("tôi là phó chủ tịch phường, em gái tôi vừa sinh con, tôi có được ký giấy khai sinh cho cháu không",
     "60/2014/QH13|12"),
    # off: the certification's steps; on: khoản 3 Điều 9 Nghị định 23/2015 first
    ("Tôi là công chức tư pháp, vợ tôi muốn chứng thực hợp đồng mua bán xe, tôi có được tự chứng thực không?",
     "23/2015/NĐ-CP|9"),
])
def test_an_official_asking_about_his_own_family_gets_the_prohibition(library, monkeypatch, question, key):
    from appliance.knowledge import official_words

    monkeypatch.setattr(official_words, "SESSION29_FIRST_PERSON_KIN", True)
    assert _shown(search(library, question, 5))[:1] == [key]
    monkeypatch.setattr(official_words, "SESSION29_FIRST_PERSON_KIN", False)
    assert key not in _shown(search(library, question, 5))


@pytest.mark.parametrize("question", [
    "Nghị định cũ cho phép, nay UBND phường còn được chứng thực chữ ký người dịch không",
    "ubnd phuong duoc chung thuc chu ky nguoi dich ko",
])
def test_whether_the_ward_may_still_certify_gets_the_competence_article(library, monkeypatch, question):
    from appliance.knowledge import bridge

    monkeypatch.setattr(bridge, "SESSION29_MAY_WITHOUT_CO", True)
    assert "23/2015/NĐ-CP|5" in _shown(search(library, question, 5))   # Thẩm quyền và trách nhiệm chứng thực
    monkeypatch.setattr(bridge, "SESSION29_MAY_WITHOUT_CO", False)
    assert "23/2015/NĐ-CP|5" not in _shown(search(library, question, 5))


def test_a_fee_and_another_question_get_the_fee_and_the_basis(library, monkeypatch):
    from appliance.knowledge import bridge

    question = "cấp bản sao trích lục khai sinh mất bao nhiêu tiền, có cần về nơi đã đăng ký không"
    monkeypatch.setattr(bridge, "SESSION29_ALSO_ASKED", True)
    on = _shown(search(library, question, 5))
    assert on[0] == "281/2016/TT-BTC|4" and "60/2014/QH13|64" in on   # the fee, then the extract's own article
    monkeypatch.setattr(bridge, "SESSION29_ALSO_ASKED", False)
    assert _shown(search(library, question, 5)) == ["281/2016/TT-BTC|4"]


@pytest.mark.parametrize("question", ["nguoi cao tuoi la tu may tuoi vay", "mấy tuổi thì mới là người cao tuổi ạ"])
def test_the_age_that_makes_one_elderly_gets_the_defining_article(library, monkeypatch, question):
    from appliance.knowledge import defined_terms

    monkeypatch.setattr(defined_terms, "SESSION29_AGE_DEFINES", True)
    assert _shown(search(library, question, 5))[:1] == ["39/2009/QH12|2"]   # "Người cao tuổi": từ đủ 60 tuổi
    monkeypatch.setattr(defined_terms, "SESSION29_AGE_DEFINES", False)
    assert "39/2009/QH12|2" not in _shown(search(library, question, 5))
