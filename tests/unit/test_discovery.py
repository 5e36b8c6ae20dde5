from appliance import discovery


def test_every_feature_module_imports_cleanly():
    for kind in ("routes", "cli", "schema", "demo", "doctor", "jobs"):
        list(discovery.feature_modules(kind))
    assert discovery.BROKEN == {}
