"""public.db in its own folder (setting `public_dir`), so the citizen service's sandbox can be a
directory: on a unit it sees DATA_DIR/public and nothing else of the staff data dir (its systemd
unit mounts an empty read-only tmpfs over DATA_DIR and binds that one folder back). Units that
kept public.db beside appliance.db have it moved there once, by the staff app, before the
citizen service starts (appliance-public runs after appliance-web)."""

from __future__ import annotations

import logging
import os

from appliance.config import Settings

log = logging.getLogger(__name__)
SIDE_FILES = ("", "-wal", "-shm")


def move_public_db(settings: Settings) -> bool:
    """Move DATA_DIR/public.db (and its WAL files) into `public_dir` when that is set and still
    empty; True when something moved."""
    if settings.public_dir is None:
        return False
    old = settings.data_dir / "public.db"
    new = settings.public_db_path
    if old.resolve() == new.resolve() or not old.exists() or new.exists():
        return False
    new.parent.mkdir(parents=True, exist_ok=True)
    for suffix in reversed(SIDE_FILES):  # the database file last: a half move leaves the old one complete
        source = old.with_name(old.name + suffix)
        if source.exists():
            os.replace(source, new.with_name(new.name + suffix))
    log.info("public.db moved into %s (the citizen service's own folder)", new.parent)
    return True
