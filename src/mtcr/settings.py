"""Typed settings read from the environment (prefix ``MTCR_``)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every setting mtcr reads, with its default.

    ``MTCR_ANNEX_EDITION``: the Annex edition used when none is named (default ``mtcr-2024``).
    ``MTCR_REGIME_DIRS``: extra folders searched for regime YAML files, separated by ``:`` (``;`` on Windows).
    ``MTCR_DATABASE_URL``: SQLAlchemy URL of the database (default: SQLite file ``mtcr.db`` in the data folder).
    ``MTCR_DATA_DIR``: the data folder (default ``$XDG_DATA_HOME/mtcr``, i.e. ``~/.local/share/mtcr``).
    """

    model_config = SettingsConfigDict(env_prefix="MTCR_", extra="ignore")

    annex_edition: str = "mtcr-2024"
    regime_dirs: str = ""
    database_url: str = ""
    data_dir: str = ""

    @property
    def regime_paths(self) -> list[Path]:
        return [Path(part) for part in self.regime_dirs.split(os.pathsep) if part]

    @property
    def data_path(self) -> Path:
        if self.data_dir:
            return Path(self.data_dir).expanduser()
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "mtcr"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_path / 'mtcr.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
