"""SQLite access: WAL, foreign keys, numbered migrations, and a read-only reporting helper."""

from appliance.db.connections import connect, connect_readonly, database, transaction
from appliance.db.migrations import Migration, migrate

__all__ = ["Migration", "connect", "connect_readonly", "database", "migrate", "transaction"]
