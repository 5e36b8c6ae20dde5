"""appliance-public.service hides the Zalo keys that send as the OA (InaccessiblePaths: an
unreadable node over each file); the citizen app still starts and checks the webhook with the
two keys it keeps, while the worker's settings read all five."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_settings

KEYS = {"zalo_app_id": "360846524940903967", "zalo_oa_secret_key": "khoa-oa", "zalo_app_secret": "bi-mat-app",
        "zalo_access_token": "ma-truy-cap", "zalo_refresh_token": "ma-lam-moi"}
HIDDEN = {"zalo_app_secret", "zalo_access_token", "zalo_refresh_token"}


def _write(data: Path) -> None:
    secrets = data / "secrets"
    secrets.mkdir(parents=True)
    for key, value in KEYS.items():
        (secrets / key).write_text(value + "\n", encoding="utf-8")


def test_hidden_sending_keys_leave_the_webhook_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path / "data")
    worker = make_settings(tmp_path / "data")
    assert {key: getattr(worker, key) for key in KEYS} == KEYS
    # The tests run as root, whom no file mode stops: the kernel's refusal is raised where the
    # service (user appliance) meets it, on reading a hidden file.
    real_read = Path.read_text

    def read_text(self: Path, *args: object, **kwargs: object) -> str:
        if self.parent.name == "secrets" and self.name in HIDDEN:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", read_text)
    public = make_settings(tmp_path / "data")
    assert (public.zalo_app_id, public.zalo_oa_secret_key) == (KEYS["zalo_app_id"], KEYS["zalo_oa_secret_key"])
    assert public.zalo_app_secret is None and public.zalo_access_token is None and public.zalo_refresh_token is None
