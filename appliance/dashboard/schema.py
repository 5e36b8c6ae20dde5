"""Records (Sổ theo dõi hồ sơ), indicators (Chỉ tiêu KT-XH) and import runs.

Dates are stored as YYYY-MM-DD because CONTRACT §4 compares them by day; the time of
receipt, when the export has one, is kept beside it.
"""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "dashboard_0001_records",
        """
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,                 -- 'ho-so' | 'chi-tieu'
            filename TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'running',  -- running | done | failed
            started_at TEXT NOT NULL DEFAULT (datetime('now')),
            finished_at TEXT,
            total INTEGER NOT NULL DEFAULT 0,
            processed INTEGER NOT NULL DEFAULT 0,
            imported INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            errors TEXT NOT NULL DEFAULT '[]',  -- JSON [{"line": n, "reason": "..."}]
            username TEXT
        );
        CREATE TABLE records (
            ma_ho_so TEXT PRIMARY KEY,
            ten_thu_tuc TEXT NOT NULL,
            linh_vuc TEXT NOT NULL DEFAULT '',
            ngay_tiep_nhan TEXT NOT NULL,       -- YYYY-MM-DD
            gio_tiep_nhan TEXT,                 -- HH:MM when the export has it
            han_xu_ly TEXT,                     -- YYYY-MM-DD
            ngay_tra_ket_qua TEXT,              -- YYYY-MM-DD, NULL while open
            trang_thai TEXT NOT NULL,           -- Đã trả kết quả | Đang xử lý | Chờ bổ sung | Từ chối
            hinh_thuc_nop TEXT NOT NULL,        -- Trực tiếp | Trực tuyến | Bưu chính
            can_bo_xu_ly TEXT NOT NULL DEFAULT '',
            ten_thu_tuc_fold TEXT NOT NULL DEFAULT '',
            linh_vuc_fold TEXT NOT NULL DEFAULT '',
            can_bo_fold TEXT NOT NULL DEFAULT '',
            import_id INTEGER REFERENCES imports(id),
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        );
        CREATE INDEX records_received ON records(ngay_tiep_nhan);
        CREATE INDEX records_returned ON records(ngay_tra_ket_qua);
        CREATE INDEX records_field ON records(linh_vuc, ngay_tiep_nhan);
        CREATE INDEX records_procedure ON records(ten_thu_tuc, ngay_tiep_nhan);
        CREATE INDEX records_open ON records(han_xu_ly) WHERE ngay_tra_ket_qua IS NULL;
        CREATE TABLE indicators (
            id INTEGER PRIMARY KEY,
            chi_tieu TEXT NOT NULL,
            chi_tieu_fold TEXT NOT NULL,
            don_vi_tinh TEXT NOT NULL DEFAULT '',
            ky TEXT NOT NULL,                   -- '2026-10' | '2026-Q3' | '2026'
            ke_hoach REAL,
            thuc_hien REAL,
            import_id INTEGER REFERENCES imports(id),
            updated_at TEXT NOT NULL DEFAULT (datetime('now')),
            UNIQUE (chi_tieu_fold, ky)
        );
        """,
    ),
    # Filters and breakdowns match on folded text ("ho tich" = "Hộ tịch"), so index those columns.
    Migration(
        "dashboard_0002_folded_indexes",
        """
        CREATE INDEX records_field_fold ON records(linh_vuc_fold, ngay_tiep_nhan);
        CREATE INDEX records_procedure_fold ON records(ten_thu_tuc_fold, ngay_tiep_nhan);
        CREATE INDEX imports_finished ON imports(status, finished_at);
        """,
    ),
]
