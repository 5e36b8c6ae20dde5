"""Records (Sổ theo dõi hồ sơ), indicators (Chỉ tiêu KT-XH) and import runs.

Dates are stored as YYYY-MM-DD because CONTRACT §4 compares them by day; the time of
receipt, when the export has one, is kept beside it.
"""

import sqlite3

from appliance.dashboard import vocabulary
from appliance.db.migrations import Migration


def _vocabulary(conn: sqlite3.Connection) -> None:
    """The importer's vocabulary and quarantine (issue 19): the source status and channel kept beside
    the class, the mapping tables seeded from data/vocabulary.toml, and the rows held for a value or a
    heading nobody has mapped yet."""
    for statement in (
        "ALTER TABLE records ADD COLUMN trang_thai_goc TEXT NOT NULL DEFAULT ''",  # as the export wrote it
        "ALTER TABLE records ADD COLUMN hinh_thuc_nop_goc TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE import_vocabulary (
            kind TEXT NOT NULL CHECK (kind IN ('status', 'channel')),
            source TEXT NOT NULL,                -- as an export writes it ("Dừng xử lý")
            source_fold TEXT NOT NULL,           -- vocabulary.value_key(source)
            target TEXT NOT NULL,                -- the class: a CONTRACT §3 value or "Rút/hủy"
            origin TEXT NOT NULL DEFAULT 'seed', -- seed | admin | setup
            updated_by TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now')),
            PRIMARY KEY (kind, source_fold)
        )""",
        """CREATE TABLE import_header_aliases (
            header_key TEXT PRIMARY KEY,         -- sources.header_key(header)
            header TEXT NOT NULL,
            field TEXT NOT NULL,                 -- importers.RECORD_COLUMNS key
            updated_by TEXT,
            updated_at TEXT NOT NULL DEFAULT (datetime('now'))
        )""",
        """CREATE TABLE import_quarantine (
            id INTEGER PRIMARY KEY,
            import_id INTEGER REFERENCES imports(id),
            kind TEXT NOT NULL,                  -- 'ho-so'
            line INTEGER NOT NULL,               -- in the uploaded file (header = line 1)
            problem TEXT NOT NULL CHECK (problem IN ('status', 'channel', 'header')),
            value TEXT NOT NULL DEFAULT '',      -- the unknown value or the missing columns
            value_fold TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL,                -- Vietnamese, as the import reported it
            header TEXT NOT NULL,                -- JSON: the file's headings
            cells TEXT NOT NULL,                 -- JSON: the row as read
            record_key TEXT,                     -- Mã hồ sơ when readable
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            resolved_at TEXT,
            outcome TEXT,                        -- imported | updated | rejected | superseded
            outcome_reason TEXT,
            resolved_import_id INTEGER
        )""",
        "CREATE INDEX import_quarantine_open ON import_quarantine(problem, value_fold) WHERE resolved_at IS NULL",
        "CREATE INDEX import_quarantine_key ON import_quarantine(record_key) WHERE resolved_at IS NULL",
    ):
        conn.execute(statement)
    vocabulary.seed(conn)


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
    Migration("dashboard_0003_import_vocabulary", _vocabulary),
]
