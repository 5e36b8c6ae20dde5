"""Legal search on the citizen questions of an outside writer (tests/knowledge/citizen_sets.py says
how each is graded). The held-out file is frozen here unchanged and never tuned on; the figures are
in docs/knowledge.md. About 15 s on a loaded 2-core machine (150 searches): the blind set is the point.

Chatty messages share too few words with any passage for relevance.py; search then recognises the
procedure they are about and shows its legal basis, saying so (bridge.py). Held-out: right 72 of
86 answerable (12 without the bridge; 69 in session 5), wrong 0; of 66 with nothing to answer, 62
said so (64 without the bridge; 60 in session 5; 64 since session 7: bridge.overrules; 74 / 12 / 0 and 66
since session 8: the chat's reading must agree on the law).
A question about a subject the library has no official text for (subjects.py) gets that document's
registry entry: instead of "not found" when nothing bridges, beside the bridged basis otherwise.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from appliance.citizen.understanding import Reading as CitizenReading
from appliance.citizen.understanding import thresholds as chat_thresholds
from appliance.knowledge import bridge, store
from appliance.knowledge.answer import answer
from appliance.knowledge.article_store import delete_document_articles
from appliance.knowledge.documents import find_by_number
from appliance.knowledge.procedures import list_procedures
from appliance.knowledge.search import OUT_OF_SCOPE_NOTE, search
from tests.knowledge.citizen_sets import HELDOUT, grade

HELDOUT_SHA256 = "e7808a8a6e4ee0553c07f85b69cc61f8fbcfa6445015c0ec98d05a95831b5694"


def test_the_heldout_set_is_frozen_with_its_provenance():
    raw = HELDOUT.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == HELDOUT_SHA256
    assert raw.startswith(b"# Held-out evaluation set") and b"Provenance:" in raw[:600]


@pytest.mark.slow
def test_heldout_citizen_questions(library):
    graded = grade(library, HELDOUT)
    print("\n" + graded.line("held-out") + "\n" + "\n".join(graded.failures))
    assert graded.answerable >= 80 and graded.unanswerable >= 60
    assert graded.wrong <= 0.02 * graded.answerable, graded.failures
    assert graded.nothing_right >= 0.88 * graded.unanswerable, graded.failures
    assert graded.right >= 0.75 * graded.answerable, graded.line("held-out")
    # Raised to the figures measured once in session 6 (fee/time bases, one law's close procedures as
    # one subject, the citizen chat's reading in the bridge): 72 / 14 / 0, and 62 of 66 said so
    # (session 5: 69 / 17 / 0 and 60).
    assert graded.right >= 72 and graded.wrong == 0, graded.line("held-out")
    assert graded.nothing_right >= 62, graded.line("held-out")
    # Raised again, measured once at the end of session 7 (bridge.overrules, bridge.TIE_READ_AS): right
    # 72 / 14 / 0 unchanged, 64 of 66 said so.
    assert graded.nothing_right >= 64, graded.line("held-out")
    # Raised again, measured once at the end of session 8 (bridge.CHAT_AGREES, CHAT_CLEAR_RATIO,
    # GAPS_OVER_UNSURE_BRIDGE, READ_AS 0.7, with the citizen chat's session 8 reading): 74 / 12 / 0, 66 of 66.
    assert graded.right >= 74 and graded.nothing_right >= 66, graded.line("held-out")
    # Raised again, measured once at the end of session 13 (phrasings.SESSION13_REFIT): 76 / 10 / 0, 66 of 66.
    assert graded.right >= 76, graded.line("held-out")


def test_a_chatty_question_gets_the_legal_basis_of_its_procedure_and_says_so(library):
    question = "nhà mình mới sinh em bé, giờ muốn đi làm giấy khai sinh thì phải mang theo những gì vậy ạ"
    result = search(library, question, 5)
    assert result.answered and result.procedure == ("HT-KS", "Đăng ký khai sinh")
    assert result.hits[0].citation == "Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"
    assert "được hiểu là về thủ tục “Đăng ký khai sinh”" in result.note and result.nearest
    assert result.api()["procedure"] == {"code": "HT-KS", "name": "Đăng ký khai sinh"}
    reply = answer(library, question)
    assert reply.answered and reply.procedure == result.procedure and "Đăng ký khai sinh" in reply.note
    assert reply.sentences and all("Điều 16 Luật Hộ tịch" in s.citations[0] for s in reply.sentences)


def test_the_bridge_needs_a_phrase_the_procedures_own_law_and_the_figure_asked(library):
    # One folded word is not a procedure ("cuối tuần" folds onto "cưới").
    weather = search(library, "cuối tuần này trời có mưa không bạn", 5)
    assert not weather.answered and weather.procedure is None
    # The building law has no text here: a fee article is no answer about the permit.
    permit = search(library, "thủ tục cấp giấy phép xây dựng nhà ở riêng lẻ", 5)
    assert not permit.answered and permit.procedure is None and not permit.hits
    # "How much" needs a passage stating an amount; Điều 16 Luật Hộ tịch states none.
    fee = search(library, "làm giấy khai sinh cho con mất bao nhiêu tiền", 5)
    assert fee.procedure is None
    # A penalty question needs a passage about penalties; "phát hiện" is not one.
    late = search(library, "dang ky khai sinh qua han co bi phat khong", 5)
    assert not late.answered and late.procedure is None
    found_late = search(library, "mới phát hiện con chưa có giấy khai sinh, giờ đi đăng ký khai sinh cần gì", 5)
    assert found_late.procedure == ("HT-KS", "Đăng ký khai sinh")


def test_a_subject_without_official_text_is_said_so_with_its_registry_entry(library):
    # A land title: Luật Đất đai 2024 is a registry row without text.
    question = "làm sổ đỏ lần đầu cần những giấy tờ gì, đất ở ổn định không tranh chấp"
    land = search(library, question, 5)
    assert not land.answered and land.hits == [] and land.procedure is None and land.gaps
    gap = land.gaps[0]
    assert gap.number == "31/2024/QH15" and not gap.has_text and gap.status == "con_hieu_luc" and gap.doc_id
    assert {"DD-GCN", "DD-BD"} <= {code for code, _name in gap.procedures}
    assert land.note.startswith("Thư viện chưa có toàn văn Luật Đất đai số 31/2024/QH15 (tình trạng: Còn hiệu lực")
    assert "cần xác nhận" in land.note
    entry = land.api()["library_gaps"][0]
    assert entry["number"] == "31/2024/QH15" and entry["status_label"] == "Còn hiệu lực"
    assert entry["url"] == f"/tra-cuu/van-ban/{gap.doc_id}" and entry["message"] == gap.message
    # The assistant says the same and asks no model.
    reply = answer(library, question)
    assert not reply.answered and not reply.sentences and gap.message in reply.note
    assert reply.api()["library_gaps"][0]["number"] == "31/2024/QH15"
    # Named by its number; the document is known only to the registry.
    decree = search(library, "nghị định 168/2025 quy định gì", 5)
    assert [g.number for g in decree.gaps] == ["168/2025/NĐ-CP"] and not decree.hits
    # A document with text here but without the article the procedure rests on says which article.
    single = search(library, "xin giấy xác nhận độc thân để mua nhà thì làm ở đâu", 5)
    assert single.gaps[0].has_text and single.gaps[0].article == "22"
    assert "Thư viện có Nghị định số 123/2015/NĐ-CP" in single.note and "chưa có Điều 22" in single.note
    # A covered procedure named more strongly keeps its basis: the land title is only what it is for.
    death = search(library, "bố em mất rồi mà trong giấy khai tử ghi sai năm sinh của bố, giờ cần sửa để làm sổ đỏ "
                            "thừa kế", 5)
    assert death.answered and death.procedure is not None and death.procedure[0] == "HT-TDCC" and not death.gaps


def test_a_textless_subject_named_as_strongly_as_the_bridged_procedure(library):
    # "ghi sai tên" bridges to the civil-status correction articles; "sổ đỏ" is the land title. The bridge
    # answers and the page names the land law the library lacks beside it (replacing the bridge was measured and
    # dropped in session 7: docs/knowledge.md).
    question = "sổ đỏ bị ghi sai tên vợ, giờ đính chính ở đâu"
    shared = search(library, question, 5)
    assert shared.answered and shared.procedure is not None and shared.procedure[0] == "HT-TDCC"
    assert [g.number for g in shared.gaps] == ["31/2024/QH15"]
    assert "Câu hỏi cũng nhắc đến nội dung thư viện chưa có văn bản chính thức: Thư viện chưa có toàn văn Luật Đất " \
           "đai số 31/2024/QH15" in shared.note


def test_the_subjects_follow_the_library(library):
    """Nothing is a list: without the text of Nghị định 23/2015 the chứng thực procedures become a
    subject the library cannot answer (their registry row stays)."""
    question = "photo công chứng bằng đại học thì mang bản gốc ra phường là được phải không"
    assert search(library, question, 5).procedure == ("CTH-BS", "Chứng thực bản sao từ bản chính")
    copy = sqlite3.connect(":memory:")
    copy.row_factory = sqlite3.Row
    library.backup(copy)
    try:
        doc = find_by_number(copy, "23/2015/NĐ-CP")
        assert doc is not None
        delete_document_articles(copy, doc.id)
        store.replace_chunks(copy, doc.id, [])
        result = search(copy, question, 5)
        assert not result.answered and result.procedure is None and result.hits == []
        assert result.gaps[0].number == "23/2015/NĐ-CP" and result.gaps[0].doc_id == doc.id
        assert "Thư viện chưa có toàn văn Nghị định số 23/2015/NĐ-CP" in result.note
    finally:
        copy.close()


def test_how_much_and_how_long_are_answered_by_the_articles_the_catalogue_cites_for_them(library):
    # The fee of a copy is stated in Thông tư 226/2016 (the catalogue's fee basis), not in the
    # procedure's own law: "how much" is answered there, with the amount.
    fee = search(library, "phường chứng thực bản sao căn cước bao nhiêu tiền một trang", 5)
    assert fee.answered and fee.procedure == ("CTH-BS", "Chứng thực bản sao từ bản chính")
    assert fee.hits[0].citation == "Điều 4 Thông tư số 226/2016/TT-BTC" and "2.000 đồng/trang" in fee.hits[0].text
    # "02 (hai) ngày làm việc": the number spelled out after the digits is still a time.
    time_limit = search(library, "chứng thực hợp đồng mua bán xe mất mấy ngày", 5)
    assert time_limit.procedure is not None and time_limit.procedure[0] == "CTH-HD"
    assert time_limit.hits[0].citation == "Điều 37 Nghị định số 23/2015/NĐ-CP"
    assert "02 (hai) ngày làm việc" in time_limit.hits[0].text
    # Asked both: both stated ("Miễn lệ phí" answers "how much": a marriage is free of charge).
    both = search(library, "dang ky ket hon mat bao lau va le phi bao nhieu", 5)
    assert both.answered and both.procedure is not None and both.procedure[0] == "HT-KH"
    assert [h.citation for h in both.hits[:2]] == ["Khoản 1 Điều 11 Luật Hộ tịch số 60/2014/QH13",
                                                   "Khoản 2 Điều 18 Luật Hộ tịch số 60/2014/QH13"]
    # Asked both, stated only one (the fee of nhận cha mẹ con is the ward's to confirm): not answered.
    half = search(library, "đăng ký nhận cha con mất bao lâu, lệ phí bao nhiêu", 5)
    assert not half.answered and half.procedure is None
    assert search(library, "đăng ký nhận cha con mất bao lâu", 5).hits[0].citation == \
        "Khoản 2 Điều 25 Luật Hộ tịch số 60/2014/QH13"


def test_close_procedures_of_one_law_are_one_subject(library):
    # "sửa khai sinh": cải chính or khai sinh, both Luật Hộ tịch; the matcher's cue word "sửa" leads ("làm ở đâu":
    # the procedure's competence article, Điều 27, before its basis).
    fix = search(library, "giấy khai sinh ghi sai ngày sinh, giờ muốn sửa khai sinh thì làm ở đâu", 5)
    assert fix.answered and fix.procedure is not None and fix.procedure[0] == "HT-TDCC"
    assert [h.article for h in fix.hits[:2]] == ["27", "28"]
    assert fix.hits[1].citation == "Khoản 1 Điều 28 Luật Hộ tịch số 60/2014/QH13"
    # A tie of the phrase matcher (khai sinh / bổ sung) is not chosen by it; the citizen chat's reading
    # decides (bổ sung thông tin hộ tịch).
    tie = "khai sinh cua me ghi thieu dan toc, gio bo sung vao duoc khong"
    assert bridge.recognise(library, tie) is None
    assert search(library, tie, 5).procedure == ("HT-TDCC", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch")
    # Close procedures of different laws (a gift of land: chứng thực or the land law) are not chosen by the phrase
    # matcher (the chat's reading may still decide: bridge.READ_AS).
    assert bridge.recognise(library, "hop dong tang cho nha dat giua bo me va con lam o phuong duoc khong") is None


def test_what_the_citizen_chat_reads_as_out_of_scope_is_not_bridged(library):
    # "văn phòng công chứng" is a notary office, not the ward's chứng thực: the phrase matcher alone
    # bridges it to chứng thực hợp đồng; the citizen chat's reading says it is out of scope.
    notary = "công chứng di chúc thì văn phòng công chứng nào gần đây"
    assert bridge.recognise(library, notary) is not None
    assert bridge.citizen_reading(list_procedures(library), notary).intent == "out_of_scope"
    result = search(library, notary, 5)
    assert not result.answered and result.procedure is None and result.hits == []


def test_shared_words_do_not_answer_a_question_about_something_else(library):
    """bridge.overrules: passages in force that share the question's words are not its answer when the
    citizen chat reads it as out of the ward's scope, or when it names a subject without official
    text here by words the passages do not contain (the registry entry is shown instead)."""
    card = "Cấp đổi căn cước công dân làm ở đâu ạ"  # shares its words with the fee circular for căn cước
    out = search(library, card, 5)
    assert not out.answered and out.hits == [] and out.nearest and out.note == OUT_OF_SCOPE_NOTE
    land = search(library, "lam so do lan dau", 5)  # "lần đầu" is in the complaints law too
    assert not land.answered and land.hits == [] and [g.number for g in land.gaps] == ["31/2024/QH15"]
    assert land.note.startswith("Thư viện chưa có toàn văn Luật Đất đai số 31/2024/QH15")
    # The passages say "lần đầu" themselves: a first complaint is still answered by the complaints law.
    first = search(library, "thời hạn giải quyết khiếu nại lần đầu", 5)
    assert first.answered and "Luật Khiếu nại" in first.hits[0].citation and not first.gaps
    index = bridge._readers_of(list_procedures(library)).index
    # "lần đầu" lies inside "sổ đỏ lần đầu", which the complaints law does not say: nothing blanked.
    assert bridge.unsaid(index, "lam so do lan dau", ["khieu nai lan dau"]) == "lam so do lan dau"
    assert bridge.unsaid(index, "lam so do lan dau", ["cap so do lan dau"]) == "lam qqq qqq qqq qqq"


def test_a_tie_among_one_laws_procedures_is_broken_by_the_chats_reading(library, monkeypatch):
    # "chứng thực" alone names bản sao, chữ ký and hợp đồng alike (all Nghị định 23/2015).
    question = "nhờ em trai cầm giấy tờ bản gốc lên phường chứng thực hộ được không, có cần ủy quyền không"
    assert bridge.recognise(library, question) is None
    # READ_AS (the chat's reading alone, at its own bar since session 8) would break this tie too: held
    # at its session 7 value, this isolates TIE_READ_AS.
    monkeypatch.setattr(bridge, "READ_AS", 0.9)
    monkeypatch.setattr(bridge, "TIE_READ_AS", 0.7)
    assert search(library, question, 5).procedure == ("CTH-BS", "Chứng thực bản sao từ bản chính")
    monkeypatch.setattr(bridge, "TIE_READ_AS", None)
    assert search(library, question, 5).procedure is None
    # By default the chat's reading at its own bar for answering a procedure breaks any tie (READ_AS).
    monkeypatch.setattr(bridge, "READ_AS", chat_thresholds()["answer_procedure"])
    assert bridge.citizen_reading(list_procedures(library), question).confidence < 0.9
    assert search(library, question, 5).procedure == ("CTH-BS", "Chứng thực bản sao từ bản chính")


FRESH = Path(__file__).resolve().parents[1] / "citizen"
# folder: (answerable, nothing to answer, least right, most wrong, least said so). Session 8: before it (main
# ddffba9) answerable 74 → 67 / 6 / 1, nothing to answer 69 → said so 62; once at its end 68 / 5 / 1, said so 65
# (the same at the end of session 9). Session 9: before it (main 98cb0b5) answerable 68 → 55 / 12 / 1, nothing
# to answer 77 → said so 74, answered 3; the same once at its end. Session 10 (three writers): on arrival (main
# 69a364f) answerable 126 → 96 / 30 / 0, nothing to answer 132 → said so 126.
# Session 11 (two citizen writers): on arrival (main c8d557d) answerable 84 → 70 / 14 / 0, nothing to answer 85 →
# said so 84; the same at the end (bridge.SESSION11_LAW_MASS off by rule R1: docs/knowledge.md).
# Session 12 (one citizen writer): on arrival (main bb04fe5) answerable 39 → 28 / 11 / 0, nothing to answer 43 →
# said so 41, answered 2.
# Once at the end of session 12 (phrasings.SESSION11_REFIT on by rule R1: the bridge's chat reading is the refit's):
# fresh8 68 / 5 / 1, said so 66; fresh9 55 / 13 / 0, 75; fresh10 101 / 25 / 0, 129; fresh11 73 / 11 / 0, 84;
# fresh12 30 / 9 / 0, 43 of 43; the older held-out set 75 / 11 / 0, said so 66 of 66.
# Once at the end of session 13 (phrasings.SESSION13_REFIT on by rule R1; the search's session-13 flags moved none of
# these): fresh8 68 / 5 / 1, said so 66; fresh9 57 / 11 / 0, 76; fresh10 104 / 22 / 0, 129; fresh11 74 / 10 / 0, 84;
# fresh12 31 / 8 / 0, 43 of 43; the older held-out set 76 / 10 / 0, said so 66 of 66.
FRESH_FLOORS = {"fresh8": (74, 69, 68, 1, 66), "fresh9": (68, 77, 57, 0, 76), "fresh10": (126, 132, 104, 0, 129),
                "fresh11": (84, 85, 74, 0, 84), "fresh12": (39, 43, 31, 0, 43)}


@pytest.mark.slow
@pytest.mark.parametrize("folder", list(FRESH_FLOORS))
def test_fresh_citizen_questions(library, folder):
    """The fresh halves of citizen messages (tests/citizen/fresh8/, fresh9/, fresh10/README.md: written blind, frozen
    there, never tuned on), graded for legal search as the held-out set is. Counts only on failure."""
    graded = grade(library, FRESH / folder / "citizen_questions.toml")
    print("\n" + graded.line(f"fresh ({folder})"))
    answerable, unanswerable, right, wrong, said_so = FRESH_FLOORS[folder]
    assert (graded.answerable, graded.unanswerable) == (answerable, unanswerable), graded.line("fresh")
    assert graded.right >= right and graded.wrong <= wrong, graded.line("fresh")
    assert graded.nothing_right >= said_so, graded.line("fresh")


def test_the_bridge_needs_the_chats_reading_to_agree_on_the_law(library):
    """bridge.read: the phrase matcher reads "con mới sinh" as khai sinh; the chat reads the whole
    message as the residence registration (cư trú, another law): no law is cited on the matcher's word."""
    question = "con mới sinh thì nhập khẩu ở đâu"
    procedures = list_procedures(library)
    recognised = bridge.recognise(library, question)
    assert recognised is not None and recognised.code == "HT-KS"
    reading = bridge.citizen_reading(procedures, question)
    assert reading.code is not None and reading.code.startswith("CU-")
    result = search(library, question, 5)
    assert not result.answered and result.procedure is None and result.hits == []
    # Where the chat reads the message as a procedure of the same law, the bridge answers.
    chatty = "nhà mình mới sinh em bé, giờ muốn đi làm giấy khai sinh thì phải mang theo những gì vậy ạ"
    assert search(library, chatty, 5).procedure == ("HT-KS", "Đăng ký khai sinh")


def test_the_chats_reading_must_not_be_torn_between_laws(library, monkeypatch):
    """bridge.CHAT_CLEAR_RATIO: the chat's best procedure agrees on the law, but a procedure of another law
    is nearly as likely (within the matcher's "too close to choose" ratio): no law is cited."""
    procedures = list_procedures(library)
    burial = next(p for p in procedures if p.code == "BTXH-MT")

    def reading(ranked: list[tuple[str, float]]) -> CitizenReading:
        return CitizenReading(intent="procedure", label=ranked[0][0], confidence=ranked[0][1], ranked=ranked)

    torn = reading([("proc:BTXH-MT", 0.24), ("proc:HT-KT", 0.21), ("oos", 0.11)])
    clear = reading([("proc:BTXH-MT", 0.47), ("proc:HT-KT", 0.21), ("oos", 0.11)])
    assert not bridge._same_law(procedures, burial, torn) and bridge._same_law(procedures, burial, clear)
    # Another procedure of the same law is no rival (BTXH-TCHT rests on Nghị định 20/2021 too).
    assert bridge._same_law(procedures, burial, reading([("proc:BTXH-MT", 0.3), ("proc:BTXH-TCHT", 0.29)]))
    monkeypatch.setattr(bridge, "CHAT_CLEAR_RATIO", None)
    assert bridge._same_law(procedures, burial, torn)


def test_a_textless_subject_replaces_a_bridge_the_chat_is_unsure_of(library, monkeypatch):
    """bridge.GAPS_OVER_UNSURE_BRIDGE: with a subject without official text named too, the covered law is
    cited only when the chat is as sure of its reading as it must be to answer a procedure itself."""
    question = "sổ đỏ ghi thiếu tên chồng, muốn bổ sung thì làm sao"
    sure = bridge.citizen_reading(list_procedures(library), question).confidence
    bridged = search(library, question, 5)
    assert sure >= 0.7 and bridged.procedure is not None and bridged.procedure[0] == "HT-TDCC"
    assert [g.number for g in bridged.gaps] == ["31/2024/QH15"]
    monkeypatch.setattr(bridge, "GAPS_OVER_UNSURE_BRIDGE", sure + 0.01)  # as if the chat were less sure
    gap = search(library, question, 5)
    assert not gap.answered and gap.procedure is None and gap.hits == []
    assert gap.note.startswith("Thư viện chưa có toàn văn Luật Đất đai số 31/2024/QH15")


def test_a_known_procedure_whose_figure_rests_on_a_missing_text_names_it(library):
    """bridge.read: the burial support's amounts are set by an amending decree the
    library has no text of; "how much" is "not found" naming it, and shows nothing."""
    question = "hỗ trợ chi phí mai táng cho người hưởng trợ cấp xã hội được bao nhiêu tiền"
    found = search(library, question, 5)
    assert not found.answered and not found.hits and found.procedure is None
    assert "76/2024/NĐ-CP" in found.note and "Hỗ trợ chi phí mai táng" in found.note
    assert [g.number for g in found.gaps] == ["76/2024/NĐ-CP"]
