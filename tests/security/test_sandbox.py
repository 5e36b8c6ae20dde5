"""Issue 14, finding 13: the citizen unit's sandbox is a directory, not a list of files. Before, it
hid appliance.db by exact path only: imports/ and the `.truoc-khoi-phuc-*/` copy left by a restore
were readable. Now the whole staff data dir is an empty tmpfs for that service, with only
DATA_DIR/public (public.db) bound back, and restore keeps old data outside the data dir."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from appliance.citizen.public.app import create_public_app
from appliance.system.public_dir import move_public_db
from tests.conftest import make_settings
from tests.provisioning.test_units import UNITS, _unit

DATA = "/var/lib/appliance"


def test_the_citizen_unit_sees_one_folder_of_the_data_dir() -> None:
    unit = _unit("appliance-public.service")
    assert unit["TemporaryFileSystem"] == [f"{DATA}:ro"]  # the whole staff data dir: empty, read-only
    assert unit["BindPaths"] == [f"{DATA}/public"]  # and the citizen's own folder, nothing else
    assert unit["ReadWritePaths"] == [f"{DATA}/public"]
    assert f"APPLIANCE_PUBLIC_DIR={DATA}/public" in unit["Environment"]
    # what the red team read through the old file list: imports and a restore's leftovers
    # the webhook's two Zalo keys come back read-only; the keys that send as the OA stay hidden
    readonly = " ".join(unit["BindReadOnlyPaths"]).split()
    assert readonly == [f"-{DATA}/secrets/zalo_app_id", f"-{DATA}/secrets/zalo_oa_secret_key"]
    bound = unit["BindPaths"] + [p.lstrip("-") for p in readonly]
    for path in ("imports", ".truoc-khoi-phuc-20261120-0830", "appliance.db", "secrets/zalo_access_token",
                 "secrets/zalo_app_secret", "secrets/zalo_refresh_token"):
        assert not any(f"{DATA}/{path}".startswith(b) for b in bound)


def test_every_process_agrees_where_public_db_is() -> None:
    for name in ("appliance-web.service", "appliance-worker.service", "appliance-worker-citizen.service",
                 "appliance-public.service"):
        assert f"APPLIANCE_PUBLIC_DIR={DATA}/public" in _unit(name)["Environment"], name
    toml = (UNITS.parents[1] / "ansible/roles/appliance/templates/appliance.toml.j2").read_text()
    assert "public_dir = {{ (appliance_data_dir ~ '/public') | to_json }}" in toml


def test_the_citizen_app_touches_only_its_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "imports").mkdir(parents=True)
    (data / "imports" / "ho-so.csv").write_text("bí mật", encoding="utf-8")
    settings = make_settings(data, public_dir=data / "public")
    create_public_app(settings, generator=None)
    assert settings.public_db_path == data / "public" / "public.db" and settings.public_db_path.exists()
    assert sorted(p.name for p in data.iterdir()) == ["imports", "public"]  # nothing new beside it


def test_an_existing_unit_moves_public_db_into_its_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    old = sqlite3.connect(data / "public.db")
    old.execute("CREATE TABLE t (x)")
    old.execute("INSERT INTO t VALUES (42)")
    old.commit()
    old.close()
    settings = make_settings(data, public_dir=data / "public")
    assert move_public_db(settings) and not (data / "public.db").exists()
    assert sqlite3.connect(settings.public_db_path).execute("SELECT x FROM t").fetchone() == (42,)
    assert not move_public_db(settings)  # once
