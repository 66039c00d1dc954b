"""Settings from a TOML file, so a team can keep its choices (a user KB, a database) in one place.

Looked for, first found wins: the file named by $DOTTEREL_CONFIG, `dotterel.toml` in the working
directory, then `~/.config/dotterel/config.toml`. Command-line options override it. Example:

    db = "events.db"
    kb = ["our-actors.tsv"]      # merged over the shipped actor KB, in order
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path


class ConfigError(ValueError):
    pass


@dataclass
class Config:
    path: Path | None = None
    db: str | None = None
    kb: list[Path] = field(default_factory=list)


def candidates() -> list[Path]:
    found = []
    if os.environ.get("DOTTEREL_CONFIG"):
        found.append(Path(os.environ["DOTTEREL_CONFIG"]))
    found += [Path.cwd() / "dotterel.toml", Path.home() / ".config" / "dotterel" / "config.toml"]
    return found


def load_config(path: Path | None = None) -> Config:
    paths = [path] if path else candidates()
    for candidate in paths:
        if candidate.is_file():
            return _read(candidate)
    if path is not None or os.environ.get("DOTTEREL_CONFIG"):
        raise ConfigError(f"{paths[0]}: no such config file")
    return Config()


def _read(path: Path) -> Config:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read the config ({exc})") from None
    unknown = set(data) - {"db", "kb"}
    if unknown:
        raise ConfigError(f"{path}: unknown settings {sorted(unknown)} (known: db, kb)")
    kb = data.get("kb", [])
    if isinstance(kb, str):
        kb = [kb]
    if not isinstance(kb, list) or not all(isinstance(k, str) for k in kb):
        raise ConfigError(f"{path}: kb must be a file name or a list of them")
    db = data.get("db")
    if db is not None and not isinstance(db, str):
        raise ConfigError(f"{path}: db must be a file name")
    # Relative paths are relative to the config file, so it works from any directory.
    return Config(path, db and str(path.parent / db), [path.parent / k for k in kb])
