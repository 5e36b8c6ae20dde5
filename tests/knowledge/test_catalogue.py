"""The procedure catalogue: every CONTRACT §6 procedure present, every field filled or marked."""

from __future__ import annotations

from appliance.db import connect, migrate
from appliance.knowledge.procedures import (
    LIST_FIELDS,
    TEXT_FIELDS,
    find_procedures,
    get_procedure,
    list_procedures,
    load_catalogue,
    upsert_procedure,
)
from appliance.text import fold

CONTRACT_PROCEDURES = [
    "Đăng ký khai sinh", "Đăng ký khai tử", "Đăng ký kết hôn", "Cấp Giấy xác nhận tình trạng hôn nhân",
    "Đăng ký nhận cha, mẹ, con", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch",
    "Cấp bản sao trích lục hộ tịch", "Đăng ký giám hộ", "Chứng thực bản sao từ bản chính", "Chứng thực chữ ký",
    "Chứng thực hợp đồng, giao dịch", "Đăng ký thành lập hộ kinh doanh", "Cấp giấy phép xây dựng nhà ở riêng lẻ",
    "Đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu", "Đăng ký biến động đất đai",
    "Trợ cấp xã hội hàng tháng", "Hỗ trợ chi phí mai táng", "Đăng ký thường trú", "Đăng ký tạm trú",
]


def test_every_contract_procedure_is_in_the_catalogue_with_all_fields():
    catalogue = {fold(p.name): p for p in load_catalogue()}
    for name in CONTRACT_PROCEDURES:
        proc = catalogue.get(fold(name))
        assert proc is not None, f"missing procedure: {name}"
        assert proc.missing_fields() == [], f"{name}: {proc.missing_fields()}"
        for list_field in ("legal_basis", "documents", "how", "aliases"):
            assert getattr(proc, list_field), f"{name}: {list_field} empty"
        assert any("Điều" in basis for basis in proc.legal_basis), f"{name}: no article in legal basis"
    assert len({p.code for p in catalogue.values()}) == len(catalogue)


def test_residence_procedures_are_filed_with_the_police():
    catalogue = {p.code: p for p in load_catalogue()}
    for code in ("CU-TT", "CU-TAM"):
        assert catalogue[code].police and catalogue[code].agency == "Công an phường"
        assert "Công an phường" in catalogue[code].where
    assert not catalogue["HT-KS"].police


def test_missing_field_is_detected_unless_marked(tmp_path):
    proc = load_catalogue()[0]
    proc.fee = ""
    proc.needs_confirmation = [n for n in proc.needs_confirmation if n != "fee"]
    assert proc.missing_fields() == ["fee"]
    proc.needs_confirmation.append("fee")
    assert proc.missing_fields() == []
    assert set(TEXT_FIELDS + LIST_FIELDS) >= {"code", "fee", "forms", "updated_at"}


def test_database_copy_is_seeded_and_keeps_admin_edits(settings):
    conn = connect(settings.db_path)
    migrate(conn)
    procs = list_procedures(conn)
    assert len(procs) == len(load_catalogue()) >= 19
    ks = get_procedure(conn, "HT-KS")
    assert ks is not None and ks.name == "Đăng ký khai sinh" and "làm giấy khai sinh" in ks.aliases
    ks.fee = "Miễn lệ phí (phường đã xác nhận)"
    ks.needs_confirmation = [n for n in ks.needs_confirmation if n != "fee"]
    upsert_procedure(conn, ks, edited_by="admin")
    from appliance.knowledge.procedures import seed_procedures

    seed_procedures(conn)
    again = get_procedure(conn, "HT-KS")
    assert again is not None and again.fee == "Miễn lệ phí (phường đã xác nhận)"
    assert find_procedures(conn, "nhap ho khau")[0].code == "CU-TT"
    assert find_procedures(conn, "sổ đỏ")[0].code == "DD-GCN"
    assert find_procedures(conn, "lam giay khai sinh")[0].code == "HT-KS"
    conn.close()
