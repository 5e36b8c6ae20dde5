"""The reporting layer: views generated from the table of measures, migrated after the tables
they read, and changed only with a migration of their own."""

from __future__ import annotations

import hashlib

from appliance import features
from appliance.ask import guard
from appliance.db import connect, migrate
from appliance.reporting import measures, views

# The views' SQL as the last view migration creates it. Units in the field applied that migration
# once, so a change to a view, or to a measure one of its flags comes from, needs a new migration
# (DROP VIEW IF EXISTS, then CREATE VIEW from views.create_views_sql()); then update this pair.
# Fingerprinted at Vietnam's offset: the views take the unit's zone when they are migrated.
APPLIED = ("reporting_0004_hour_received", "fb1fc29f656446457f435c6de5eac7eca3f090ec255af0be338a0da1f5d7f5a4")


def test_a_changed_view_comes_with_a_migration():
    fingerprint = hashlib.sha256(views.create_views_sql("+420 minutes").encode()).hexdigest()
    assert (views.MIGRATIONS[-1].id, fingerprint) == APPLIED, (
        "the reporting views changed: add a migration that recreates them, then update APPLIED")


def test_views_are_migrated_after_the_tables_they_read():
    order = [f.name for f in features.features()]
    owners = features.table_owners()
    reporting = next(f for f in features.features() if f.name == "reporting")
    assert set(reporting.reads) == {"records", "indicators", "feedback", "feedback_routing"}
    for table in reporting.reads:
        assert order.index(owners[table]) < order.index("reporting"), table
    assert order.index("reporting") < order.index("ask")  # the question box reads the views


def test_a_migrated_database_has_the_views_the_question_box_may_read(tmp_path):
    conn = connect(tmp_path / "appliance.db")
    try:
        migrate(conn)
        for view in views.VIEWS.values():
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({view.name})")]
            assert columns == [c.name for c in view.columns], view.name
            assert guard.VIEWS[view.name] == set(columns)
    finally:
        conn.close()


def test_every_flag_column_is_a_measures_condition_and_every_measure_reads_a_view():
    ho_so = views.VIEWS["v_ho_so"]
    flags = {c.name: c.sql for c in ho_so.columns}
    for m in measures.flagged():
        assert flags[m.flag] == f"CASE WHEN {m.flag_sql()} THEN 1 ELSE 0 END"
    for m in measures.MEASURES.values():
        view = views.VIEWS[m.view]
        used = {m.scope.date, m.scope.month, m.scope.flag, m.flag, m.column} - {""}
        assert used <= view.column_names, (m.key, used - view.column_names)
