"""The database: engine from a URL (SQLite by default, PostgreSQL by URL), tables, Alembic migrations."""
