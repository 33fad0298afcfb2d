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
    """

    model_config = SettingsConfigDict(env_prefix="MTCR_", extra="ignore")

    annex_edition: str = "mtcr-2024"
    regime_dirs: str = ""

    @property
    def regime_paths(self) -> list[Path]:
        return [Path(part) for part in self.regime_dirs.split(os.pathsep) if part]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
