"""``[tool.jianwu.check]`` in pyproject.toml: which rules run, how severe, which files.

    [tool.jianwu.check]
    disable = ["JW024"]                    # rule ids or names
    enable = []                            # when not empty: only these rules run
    severity = { JW021 = "error" }         # change a rule's severity
    ignore-paths = ["data/raw/drafts/*"]   # globs, relative to the pyproject.toml
    fail-on = "error"                      # default for --fail-on

    [tool.jianwu.check.per-file-ignores]
    "data/raw/gaoxin-jianwu-2023.txt" = ["JW011"]   # known defects of an immutable source

The pyproject.toml used is the one given with --config, else the first one
found from the current directory upwards.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, Optional

from ..errors import JianwuError
from .findings import SEVERITIES, Rule, Severity, all_rules

KNOWN_KEYS = {"enable", "disable", "severity", "ignore-paths", "per-file-ignores", "fail-on"}


class ConfigError(JianwuError):
    """A [tool.jianwu.check] table that cannot be used (exit 2)."""


@dataclass(frozen=True)
class CheckConfig:
    """``[tool.jianwu.check]``: which rules run, how severe, which files, what fails the run."""

    enable: frozenset[str] = frozenset()  # rule ids; empty = every rule
    disable: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    ignore_paths: tuple[str, ...] = ()
    per_file_ignores: dict[str, frozenset[str]] = field(default_factory=dict)
    fail_on: Optional[Severity] = None
    root: Path = Path(".")  # globs are relative to this directory
    source: Optional[Path] = None  # the pyproject.toml read, if any

    def rules(self) -> list[Rule]:
        """The rules that run, by id."""
        return [r for r in all_rules() if (not self.enable or r.id in self.enable) and r.id not in self.disable]

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.id, rule.severity)

    def relative(self, path: Path) -> str:
        """``path`` relative to the configuration's root, in / form (as written in globs)."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def is_ignored(self, path: Path) -> bool:
        return any(_matches(self.relative(path), glob) for glob in self.ignore_paths)

    def ignored_rules(self, path: Path) -> frozenset[str]:
        rel = self.relative(path)
        out: set[str] = set()
        for glob, ids in self.per_file_ignores.items():
            if _matches(rel, glob):
                out |= ids
        return frozenset(out)


def _matches(rel: str, glob: str) -> bool:
    glob = glob.replace("\\", "/").removeprefix("./")
    return fnmatchcase(rel, glob) or fnmatchcase(rel, glob.rstrip("/") + "/*")


def find_pyproject(start: Path) -> Optional[Path]:
    for directory in (start.resolve(), *start.resolve().parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(explicit: Optional[Path] = None, start: Optional[Path] = None) -> CheckConfig:
    """The configuration from ``explicit`` or the nearest pyproject.toml (defaults if none)."""
    path = explicit if explicit is not None else find_pyproject(start or Path.cwd())
    if path is None:
        return CheckConfig(root=(start or Path.cwd()))
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if "jianwu" not in text and explicit is None:
        # No [tool.jianwu.check] can be in it (a project's own pyproject.toml): the defaults, and
        # no TOML read (importing and running tomllib: 2-3 ms of a 150 ms check).
        return config_from_table({}, root=path.parent, source=path)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    table = data.get("tool", {}).get("jianwu", {}).get("check", {})
    return config_from_table(table, root=path.parent, source=path)


def config_from_table(table: dict[str, Any], *, root: Path, source: Optional[Path] = None) -> CheckConfig:
    where = f"{source or 'pyproject.toml'}: [tool.jianwu.check]"
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table")
    unknown = sorted(set(table) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"{where} unknown key {unknown[0]!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
    by_name = {r.name: r.id for r in all_rules()}
    ids = {r.id for r in all_rules()}

    def rule_ids(key: str, value: Any) -> frozenset[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where} {key} must be a list of rule ids or names")
        out = set()
        for v in value:
            rid = v.upper() if v.upper() in ids else by_name.get(v)
            if rid is None:
                raise ConfigError(f"{where} {key}: unknown rule {v!r}")
            out.add(rid)
        return frozenset(out)

    def severity(key: str, value: Any) -> Severity:
        if value not in SEVERITIES:
            raise ConfigError(f"{where} {key}: {value!r} is not one of {', '.join(SEVERITIES)}")
        return value  # type: ignore[no-any-return]

    severities = table.get("severity", {})
    if not isinstance(severities, dict):
        raise ConfigError(f"{where} severity must be a table of rule = severity")
    globs = table.get("ignore-paths", [])
    if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs):
        raise ConfigError(f"{where} ignore-paths must be a list of glob strings")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{where} per-file-ignores must be a table of glob = [rules]")
    return CheckConfig(
        enable=rule_ids("enable", table.get("enable", [])),
        disable=rule_ids("disable", table.get("disable", [])),
        severity={rid: severity(f"severity.{k}", v) for k, v in severities.items() for rid in rule_ids("severity", [k])},
        ignore_paths=tuple(globs),
        per_file_ignores={glob: rule_ids(f"per-file-ignores.{glob!r}", v) for glob, v in per_file.items()},
        fail_on=severity("fail-on", table["fail-on"]) if "fail-on" in table else None,
        root=root,
        source=source,
    )
