"""Drafts, issued documents and the outgoing-document register (sổ văn bản đi).

A draft has no number. Issuing takes the next number of its register for the calendar year
of the issue date, inside BEGIN IMMEDIATE, so two clerks never get the same number; the
UNIQUE constraint is the second line of defence.
"""

from appliance.db.migrations import Migration

MIGRATIONS = [
    Migration(
        "drafting_0001_documents_register",
        """
        CREATE TABLE drafting_documents (
            id INTEGER PRIMARY KEY,
            doc_type TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued')),
            register TEXT NOT NULL,             -- which sổ văn bản đi numbers it
            year INTEGER,                       -- set when issued
            number INTEGER,                     -- set when issued; runs from 1 each year
            so_ky_hieu TEXT,                    -- e.g. 125/UBND-VP, set when issued
            trich_yeu TEXT NOT NULL,
            trich_yeu_fold TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL,                -- JSON of the document model (appliance.drafting.model)
            engine TEXT NOT NULL,               -- who wrote the body: llm / template / person
            created_by INTEGER,
            created_by_name TEXT,
            created_at TEXT NOT NULL DEFAULT (datetime('now')),
            updated_at TEXT NOT NULL DEFAULT (datetime('now')),
            issued_at TEXT,
            issued_by_name TEXT,
            UNIQUE (register, year, number)
        );
        CREATE INDEX drafting_documents_status ON drafting_documents(status, updated_at);
        CREATE TABLE drafting_register_counters (
            register TEXT NOT NULL,
            year INTEGER NOT NULL,
            last_number INTEGER NOT NULL,
            PRIMARY KEY (register, year)
        );
        """,
    ),
    Migration(
        "drafting_0002_issued_on",
        """
        ALTER TABLE drafting_documents ADD COLUMN issued_on TEXT;  -- the document's date once issued
        CREATE INDEX drafting_documents_register ON drafting_documents(register, year, issued_on);
        """,
    ),
]
