"""Procedures named the everyday way, and a procedure named only as the purpose of another (vocabulary.EVERYDAY_NAMES
and purpose.py; session 19's SESSION19_EVERYDAY_NAMES and SESSION19_PURPOSE_CLAUSE, on by rule R1, unconditional since
session 21), and the marriage's old names (vocabulary.OLD_NAMES; session 20's SESSION20_OLD_NAMES, on by rule R1b,
plain since session 22; docs/citizen.md). Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch)."""

from __future__ import annotations

import pytest

from appliance.citizen import purpose, vocabulary
from appliance.citizen.matching import Procedure, ProcedureIndex, tokens

# --- Everyday names --------------------------------------------------------------------------------------------------
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
    assert _best(text) == code
    on = _share(text, code)
    monkeypatch.setattr(vocabulary, "EVERYDAY_NAMES", {})
    assert _share(text, code) < on  # without the everyday names: weaker phrase evidence for it, or none


@pytest.mark.parametrize(("text", "code"), NOT_EVERYDAY)
def test_near_words_do_not_name_it(text: str, code: str) -> None:
    assert _best(text) != code


def test_every_everyday_name_is_in_the_index() -> None:
    every = {" ".join(words) for words, _, _ in ProcedureIndex(CATALOGUE).phrases}
    assert all(name in every for names in vocabulary.EVERYDAY_NAMES.values() for name in names)


# --- Purpose clause --------------------------------------------------------------------------------------------------
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


def _purpose_scores(text: str, *, clause: bool = True) -> dict[str, float]:
    """The phrase scores, with the purpose clause read (`clause`) or every hit counted in full."""
    words = tokens(text)
    hits = [(start, end, f"proc:{code}", f) for start, end, (code, f) in ProcedureIndex(CATALOGUE).matcher.find(words)]
    after = purpose.factors([(s, e, label) for s, e, label, _ in hits], words) if clause else {}
    out: dict[str, float] = {}
    for start, end, label, factor in hits:
        out[label] = out.get(label, 0.0) + factor * after.get((start, end, label), 1.0) * (end - start) ** 2
    return out


@pytest.mark.parametrize(("text", "asked", "purpose_of"), FOR_A_PURPOSE)
def test_a_procedure_named_as_the_purpose_counts_less(text: str, asked: str, purpose_of: str) -> None:
    on = _purpose_scores(text)
    assert on[f"proc:{asked}"] > on[f"proc:{purpose_of}"]
    assert _purpose_scores(text, clause=False)[f"proc:{purpose_of}"] > on[f"proc:{purpose_of}"]


@pytest.mark.parametrize("text", NO_PURPOSE)
def test_no_purpose_clause_changes_nothing(text: str) -> None:
    assert _purpose_scores(text) == _purpose_scores(text, clause=False)



# --- Old names (session 20) ------------------------------------------------------------------------------------------
OLD_NAMES = [  # (sentence, the procedure named the old or everyday way)
    ("Cháu nó sắp làm giấy giá thú, bà hỏi cần mang những gì", "HT-KH"),
    ("Anh về nước làm giấy tờ cưới với chị ấy ở phường được không", "HT-KH"),
    ("Ông muốn xin bản sao giấy giá thú của ông bà năm 1965", "HT-TLBS"),
]
NOT_OLD_NAMES = [  # "giá thú" alone is no marriage
    "Con ngoài giá thú thì làm khai sinh thế nào",
]


def _catalogue() -> list[Procedure]:
    from appliance.knowledge.procedures import load_catalogue

    return [Procedure(p.code, p.name, p.police, p.to_dict()) for p in load_catalogue()]


def _catalogue_evidence(text: str) -> dict[str, float]:
    return ProcedureIndex(_catalogue()).evidence(text)


@pytest.mark.parametrize(("text", "code"), OLD_NAMES)
def test_old_names_name_the_procedure(monkeypatch: pytest.MonkeyPatch, text: str, code: str) -> None:
    evidence = _catalogue_evidence(text)
    assert max(evidence, key=lambda found: evidence[found]) == code
    monkeypatch.setattr(vocabulary, "OLD_NAMES", {})
    assert _catalogue_evidence(text).get(code, 0.0) < evidence[code]  # without them: weaker evidence, or none


@pytest.mark.parametrize("text", NOT_OLD_NAMES)
def test_gia_thu_alone_is_no_marriage(text: str) -> None:
    evidence = _catalogue_evidence(text)
    assert not evidence or max(evidence, key=lambda found: evidence[found]) != "HT-KH"
