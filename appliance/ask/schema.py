"""Reporting views: the only relations the question box may read.

The flags follow CONTRACT §4 so that a question's SQL stays short and every engine (rules or
model) computes a measure the same way. Columns holding personal data (citizens' names, phone
numbers, addresses, the free text of their feedback) are left out on purpose.
"""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "ask_0001_reporting_views",
        """
        CREATE VIEW v_ho_so AS
        SELECT
            ma_ho_so, ten_thu_tuc, linh_vuc, ngay_tiep_nhan, han_xu_ly, ngay_tra_ket_qua,
            trang_thai, hinh_thuc_nop, can_bo_xu_ly,
            substr(ngay_tiep_nhan, 1, 7) AS thang_tiep_nhan,
            substr(ngay_tra_ket_qua, 1, 7) AS thang_tra_ket_qua,
            CASE WHEN trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua IS NOT NULL THEN 1 ELSE 0 END
                AS da_giai_quyet,
            CASE WHEN trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua IS NOT NULL
                      AND ngay_tra_ket_qua <= han_xu_ly THEN 1 ELSE 0 END AS dung_han,
            CASE WHEN trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua IS NOT NULL
                      AND ngay_tra_ket_qua > han_xu_ly THEN 1 ELSE 0 END AS tre_han,
            CASE WHEN hinh_thuc_nop = 'Trực tuyến' THEN 1 ELSE 0 END AS truc_tuyen,
            CASE WHEN trang_thai = 'Từ chối' THEN 1 ELSE 0 END AS tu_choi,
            -- open at any date D: quá hạn chưa giải quyết = chua_tra AND ngay_tiep_nhan <= D AND han_xu_ly < D
            CASE WHEN ngay_tra_ket_qua IS NULL AND trang_thai <> 'Từ chối' THEN 1 ELSE 0 END AS chua_tra,
            CASE WHEN trang_thai = 'Đã trả kết quả' AND ngay_tra_ket_qua IS NOT NULL
                 THEN julianday(ngay_tra_ket_qua) - julianday(ngay_tiep_nhan) END AS so_ngay_xu_ly
        FROM records;

        CREATE VIEW v_chi_tieu AS
        SELECT
            chi_tieu, don_vi_tinh, ky, ke_hoach, thuc_hien,
            CASE WHEN ke_hoach IS NOT NULL AND ke_hoach <> 0 THEN 100.0 * thuc_hien / ke_hoach END
                AS ty_le_hoan_thanh
        FROM indicators;

        CREATE VIEW v_phan_anh AS
        SELECT
            f.ticket_code AS ma_phan_anh,
            f.channel AS kenh,
            f.category AS ma_linh_vuc,
            r.label AS linh_vuc,
            f.department AS don_vi_xu_ly,
            f.status AS trang_thai,
            substr(f.created_at, 1, 10) AS ngay_tiep_nhan,
            substr(f.created_at, 1, 7) AS thang_tiep_nhan,
            f.deadline AS han_xu_ly,
            substr(f.resolved_at, 1, 10) AS ngay_xu_ly_xong,
            CASE WHEN f.status IN ('cho_xu_ly', 'dang_xu_ly') THEN 1 ELSE 0 END AS chua_xu_ly
        FROM feedback f LEFT JOIN feedback_routing r ON r.category = f.category;
        """,
    ),
]

MIGRATIONS.append(
    Migration(
        "ask_0002_history",
        """
        CREATE TABLE ask_history (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')),
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            status TEXT NOT NULL,               -- ok | unsure | refused
            engine TEXT NOT NULL,               -- rules | llm
            sql TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX ask_history_user ON ask_history(user_id, at);
        """,
    )
)
