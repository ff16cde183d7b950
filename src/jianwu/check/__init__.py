"""``jianwu check``: rules that gate documents in CI.

    >>> from jianwu.check import run_checks
    >>> for f in run_checks(["data/raw"]):
    ...     print(f.file, f.line, f.column, f.rule, f.severity, f.message)
"""

from .config import CheckConfig, ConfigError, load_config
from .findings import RULES, SEVERITY_RANK, Finding, Hit, Rule, Severity, all_rules
from .runner import CheckRun, check_paths, run_checks

__all__ = [
    "RULES",
    "SEVERITY_RANK",
    "CheckConfig",
    "CheckRun",
    "ConfigError",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "all_rules",
    "check_paths",
    "load_config",
    "run_checks",
]
