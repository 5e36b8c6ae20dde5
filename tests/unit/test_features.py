"""The feature manifests: every package is a feature or a shared library, every manifest loads,
and a mistyped or unknown field is refused, never a silently missing part."""

import dataclasses

import pytest
from fastapi import APIRouter

from appliance import features
from appliance.features import AdminLink, Feature, NavEntry


def test_every_feature_manifest_loads_cleanly():
    loaded = features.features(refresh=True)
    assert features.BROKEN == {}
    names = {f.name for f in loaded}
    packages = set(features.package_names())
    assert names == packages - features.LIBRARIES  # no package forgot its manifest
    for library in features.LIBRARIES:
        assert not hasattr(__import__(f"appliance.{library}", fromlist=["x"]), "manifest")


def test_requires_orders_features_and_tables_have_one_owner():
    order = [f.name for f in features.features()]
    for feature in features.features():
        for needed in feature.requires:
            assert order.index(needed) < order.index(feature.name), (feature.name, needed)
    owners = features.table_owners()
    assert owners["records"] == "dashboard" and owners["feedback"] == "citizen"
    assert features.table_owners("public")["chat_sessions"] == "citizen"


def test_unknown_field_is_refused():
    with pytest.raises(TypeError):
        Feature(name="x", router=APIRouter())  # type: ignore[call-arg]  # misspelt `routers`


@pytest.mark.parametrize("bad", [
    {"routers": APIRouter()},                      # not a tuple
    {"routers": ("appliance.ask.routes:router",)},  # a string, not a router
    {"nav": (("/x", "X", ("staff",), "?"),)},      # a bare tuple, not a NavEntry
    {"admin_links": (("/x", "X", "y"),)},
    {"migrations": ("CREATE TABLE x (a)",)},
    {"jobs": {"kind": "not callable"}},
    {"demo": "load"},
    {"name": "not an identifier"},
])
def test_mistyped_fields_are_refused(bad):
    with pytest.raises(TypeError):
        Feature(**{"name": "x", **bad})


def test_a_new_feature_plugs_in_by_declaring_its_manifest_alone(tmp_path, monkeypatch, settings):
    """A toy feature package added to appliance/: its page, menu entry, admin tile, command,
    migration and job appear with no other file edited."""
    import sys

    import httpx

    import appliance
    from appliance.app import create_app
    from appliance.auth.demo import load_users
    from appliance.cli import build_parser
    from appliance.db import connect, migrate
    from appliance.jobs.queue import handlers
    from tests.conftest import LiveServer, login

    package = tmp_path / "toyfeature"
    package.mkdir()
    (package / "__init__.py").write_text('''
from fastapi import APIRouter
from fastapi.responses import PlainTextResponse

from appliance.db.migrations import Migration
from appliance.features import AdminLink, Feature, NavEntry
from appliance.http.deps import StaffUser

router = APIRouter()


@router.get("/do-choi")
def page(user: StaffUser) -> PlainTextResponse:
    return PlainTextResponse("đồ chơi của " + user.username)


def register(sub):
    sub.add_parser("do-choi", help="lệnh đồ chơi")


def manifest() -> Feature:
    return Feature(
        name="toyfeature",
        routers=(router,),
        nav=(NavEntry("/do-choi", "Đồ chơi", ("admin", "leader", "staff"), "*", order=99),),
        admin_links=(AdminLink("/do-choi", "Đồ chơi", "thử cắm một tính năng"),),
        cli=(register,),
        migrations=(Migration("toyfeature_0001", "CREATE TABLE toy (id INTEGER PRIMARY KEY)"),),
        tables=("toy",),
        jobs={"toyfeature.ping": lambda ctx, payload: {"pong": True}},
    )
''', encoding="utf-8")
    monkeypatch.setattr(appliance, "__path__", [*appliance.__path__, str(tmp_path)])
    try:
        loaded = features.features(refresh=True)
        assert "toyfeature" in [f.name for f in loaded] and features.BROKEN == {}
        assert "toyfeature.ping" in handlers()
        assert "do-choi" in build_parser().format_help()
        app = create_app(settings)
        conn = connect(settings.db_path)
        migrate(conn)
        assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'toy'").fetchone()
        load_users(conn)
        conn.close()
        with LiveServer(app) as server, httpx.Client(base_url=server.url) as client:
            login(client, "admin", "admin-demo")
            assert client.get("/do-choi").text == "đồ chơi của admin"
            assert "Đồ chơi" in client.get("/").text        # the menu
            assert 'href="/do-choi"' in client.get("/quan-tri").text  # the admin hub
    finally:
        sys.modules.pop("appliance.toyfeature", None)
        monkeypatch.undo()
        features.features(refresh=True)


def test_manifest_fields_are_documented():
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "architecture.md").read_text(encoding="utf-8")
    for field in dataclasses.fields(Feature):
        assert f"`{field.name}`" in doc, field.name
    assert NavEntry and AdminLink
