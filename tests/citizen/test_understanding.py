"""Acceptance: procedure questions (diacritics / none / teencode) and complaint categories."""

import pytest

from appliance.citizen import phrasings, vocabulary
from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.matching import Procedure, normalize_query, tokens
from appliance.citizen.phrasings import elsewhere_cues
from appliance.citizen.public.answers import ASPECT_ORDER, answer, facts_in, facts_of
from appliance.citizen.public.chat import procedure_index
from appliance.citizen.public.store import public_db
from appliance.citizen.understanding import Understanding, kind_of
from appliance.knowledge.procedures import load_catalogue
from appliance.text import fold
from tests.citizen.cases import COMPLAINTS, QUESTIONS


def test_teencode_and_missing_diacritics_normalise():
    assert normalize_query("ko dc j ạ") == "khong duoc gi a"
    assert normalize_query("Đăng ký KHAI SINH ntn") == normalize_query("dang ky khai sinh nhu the nao")
    assert normalize_query("đc bn tiền") == "duoc bao nhieu tien"


def test_procedure_questions_top1(citizen_settings):
    with public_db(citizen_settings) as public:
        index = procedure_index(public)
    assert len(QUESTIONS) >= 80
    by_name = {fold(p.name): p.code for p in index.procedures}
    assert all(fold(name) in by_name for _, name in QUESTIONS), "every expected procedure is in the catalogue"
    misses = [(q, name) for q, name in QUESTIONS
              if (best := index.best(q)) is None or best.code != by_name[fold(name)]]
    accuracy = 1 - len(misses) / len(QUESTIONS)
    print(f"procedure top-1: {accuracy:.1%} of {len(QUESTIONS)}")
    assert accuracy >= 0.90, misses
    styles = {"teencode": any(w in q.split() for q, _ in QUESTIONS for w in ("ko", "dc", "j", "bn", "ntn", "k"))}
    assert styles["teencode"]
    assert sum(1 for q, _ in QUESTIONS if q == fold(q)) >= 25, "plenty of questions typed without diacritics"


def test_ambiguous_wording_gives_several_candidates(citizen_settings):
    with public_db(citizen_settings) as public:
        index = procedure_index(public)
    names = {m.procedure.name for m in index.candidates("công chứng ở phường")}
    assert {"Chứng thực bản sao từ bản chính", "Chứng thực chữ ký", "Chứng thực hợp đồng, giao dịch"} <= names
    assert len(index.candidates("làm giấy khai sinh cho con")) == 1


def test_complaint_categories():
    classifier = FeedbackClassifier()
    assert len(COMPLAINTS) >= 80
    misses = [(t, c, classifier.classify(t).category) for t, c in COMPLAINTS if classifier.classify(t).category != c]
    accuracy = 1 - len(misses) / len(COMPLAINTS)
    print(f"complaint category: {accuracy:.1%} of {len(COMPLAINTS)}")
    assert accuracy >= 0.85, misses
    assert len({c for _, c in COMPLAINTS}) == 8


def test_staff_examples_change_the_classifier():
    text = "chó thả rông cắn người trong ngõ"
    before = FeedbackClassifier().classify(text).category
    target = "an_ninh_trat_tu" if before != "an_ninh_trat_tu" else "moi_truong"
    after = FeedbackClassifier([(target, fold("chó thả rông không rọ mõm cắn người"))]).classify(text)
    assert after.category == target


def test_every_answer_states_only_facts_of_its_record(citizen_settings):
    """No invented fact: every number and link in any answer is in the catalogue record."""
    with public_db(citizen_settings) as public:
        index = procedure_index(public)
    for proc in index.procedures:
        for aspects in ([], *([a] for a in ASPECT_ORDER)):
            text = answer(proc, list(aspects), "?").text
            assert facts_in(text) <= facts_of(proc), (proc.code, aspects, facts_in(text) - facts_of(proc))
            assert ("do Công an phường giải quyết" in text) == proc.police


def test_another_offices_documents_are_cues_unless_the_catalogue_handles_them():
    """vocabulary.ELSEWHERE_DOCUMENTS: a request verb with a document another office issues is an
    out-of-scope cue, checked against the catalogue: a ward whose own procedure is named by such a
    phrase keeps it (never read as another office's)."""
    plain = [Procedure("HT-TLBS", "Cấp bản sao trích lục hộ tịch", False, {"aliases": ["trích lục khai sinh"]})]
    cues = elsewhere_cues("can_cuoc", plain)
    assert "cap lai can cuoc" in cues and "trich luc ban an" in elsewhere_cues("toa_an", plain)
    assert "the tam tru" in elsewhere_cues("xuat_nhap_canh", plain)  # a foreigner's card, named on its own
    own = [*plain, Procedure("X-CC", "Cấp lại căn cước", False, {"aliases": ["làm lại căn cước"]})]
    assert not {"cap lai can cuoc", "lam lai can cuoc"} & set(elsewhere_cues("can_cuoc", own))


def test_session8_families_read_what_the_question_is_about(monkeypatch: pytest.MonkeyPatch) -> None:
    """Off by default but the first (vocabulary.SESSION8_FAMILIES, SESSION8_ELSEWHERE; docs/citizen.md has
    why): with them, another office's document asked for with the ward's verbs is out of scope (on by
    default), the office named only as the ward's alternative is not, and a correction of the land
    certificate is đăng ký biến động. Read on session 10's index and weights, where the families were
    judged (phrasings.SESSION11_REFIT off); the refit's larger index is checked at the end."""
    monkeypatch.setattr(phrasings, "SESSION11_REFIT", False)
    monkeypatch.setattr(phrasings, "SESSION13_REFIT", False)  # it implies session 11's halves
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    off, on = (Understanding(procedures, phrasings.load(procedures, families=f, elsewhere=f)) for f in (False, True))
    assert not off.phrasings.families and not vocabulary.SESSION8_FAMILIES and vocabulary.SESSION8_ELSEWHERE
    court = "cần trích lục bản án ly hôn của tòa thì xin ở đâu"
    assert off.read(court).label == "proc:HT-TLBS" and on.read(court).intent == "out_of_scope"
    default = Understanding(procedures, phrasings.load(procedures))
    assert default.read(court).intent == "out_of_scope" and not default.phrasings.families
    card = "chồng tôi người Nhật, gia hạn thẻ tạm trú cho anh ấy ở phường được không"
    assert on.read(card).label != "proc:CU-TAM"
    assert on.read("gia hạn tạm trú cho người thuê trọ cần giấy tờ gì").label == "proc:CU-TAM"
    either = tokens("sao y bằng tốt nghiệp ở phường được không hay phải ra phòng công chứng")
    assert "oos" in {kind_of(k) for k in off.rules.scores(either)}
    assert {kind_of(k) for k in on.rules.scores(either)} == {"proc"}
    land = tokens("đổi tên trên sổ hồng thì làm ở đâu")
    assert max(on.rules.scores(land).items(), key=lambda kv: kv[1])[0] == "proc:DD-BD"
    assert max(off.rules.scores(land).items(), key=lambda kv: kv[1])[0] != "proc:DD-BD"
    # With the refit (served since session 12) the court's document is out of scope without the families too, and
    # with session 13's (served since session 13).
    monkeypatch.setattr(phrasings, "SESSION11_REFIT", True)
    refit = Understanding(procedures, phrasings.load(procedures, families=False, elsewhere=False))
    assert refit.read(court).intent == "out_of_scope"
    monkeypatch.setattr(phrasings, "SESSION13_REFIT", True)
    refit = Understanding(procedures, phrasings.load(procedures, families=False, elsewhere=False))
    assert refit.read(court).intent == "out_of_scope"


def test_session9_corrections_on_another_offices_document(monkeypatch: pytest.MonkeyPatch) -> None:
    """vocabulary.SESSION9_CORRECTIONS (off by default, docs/citizen.md): a correction made on another
    office's document ("đổi tên trên hộ chiếu") is that office's cue, longer than the ward's correction
    words inside it; the ward's own correction ("sửa tên trong giấy khai sinh") is no such cue."""
    plain = [Procedure("HT-TDCC", "Thay đổi, cải chính hộ tịch", False, {"aliases": ["đổi tên", "sửa tên"]})]
    assert not vocabulary.SESSION9_CORRECTIONS
    assert "doi ten tren ho chieu" not in elsewhere_cues("ho_chieu", plain)
    monkeypatch.setattr(vocabulary, "SESSION9_CORRECTIONS", True)
    cues = set(elsewhere_cues("ho_chieu", plain))
    assert {"doi ten tren ho chieu", "sua ngay sinh trong ho chieu"} <= cues
    assert not any("khai sinh" in c for topic in vocabulary.ELSEWHERE_DOCUMENTS for c in elsewhere_cues(topic, plain))
    own = [*plain, Procedure("X-HC", "Sửa thông tin trên hộ chiếu", False, {})]
    assert "sua thong tin tren ho chieu" not in elsewhere_cues("ho_chieu", own)


def test_session9_status_cues_are_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """vocabulary.SESSION9_STATUS (off, docs/citizen.md): asking whether one's filed application's result
    has come ("… lấy được chưa") becomes a cue of the status look-up only when switched on."""
    procedures = [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]
    assert not vocabulary.SESSION9_STATUS
    assert "lay duoc chua" not in phrasings.load(procedures).faq_cues["tra_cuu_ho_so"]
    monkeypatch.setattr(vocabulary, "SESSION9_STATUS", True)
    assert "lay duoc chua" in phrasings.load(procedures).faq_cues["tra_cuu_ho_so"]
