"""jianwu: parse and compare Chinese government policy plans.

    >>> from jianwu import parse_document
    >>> doc = parse_document("data/raw/chongqing-jianwu-2023.txt")
    >>> doc.title, len(doc.clauses)
"""

from . import dataclass_code as _dataclass_code
from .errors import InputError, JianwuError, ParentNotFoundError, UsageError

# Before any module of jianwu makes its dataclasses: their methods from compiled code (see dataclass_code).
_dataclass_code.install()

__all__ = [
    "Citation",
    "Clause",
    "DepartmentRef",
    "Document",
    "InputError",
    "JianwuError",
    "NormalizedText",
    "ParentNotFoundError",
    "Target",
    "UsageError",
    "normalize_bytes",
    "normalize_text",
    "parse_document",
    # lazily imported too (see __getattr__): the corpus and comparison API
    "coverage",
    "diff_documents",
    "find_links",
    "index",
    "search",
]
__version__ = "0.1.0"

# name -> (module, attribute): imported on first use, so `import jianwu` stays fast and
# `jianwu --help` or a corpus command does not load the parsing pipeline it does not run.
_LAZY = {
    "parse_document": ("jianwu.document", "parse_document"),
    "normalize_bytes": ("jianwu.normalize", "normalize_bytes"),
    "normalize_text": ("jianwu.normalize", "normalize_text"),
    "Citation": ("jianwu.model", "Citation"),
    "Clause": ("jianwu.model", "Clause"),
    "DepartmentRef": ("jianwu.model", "DepartmentRef"),
    "Document": ("jianwu.model", "Document"),
    "NormalizedText": ("jianwu.model", "NormalizedText"),
    "Target": ("jianwu.model", "Target"),
    "index": ("jianwu.corpus.indexer", "index"),
    "coverage": ("jianwu.corpus.coverage", "coverage"),
    "search": ("jianwu.corpus.search", "search"),
    "find_links": ("jianwu.lineage", "find_links"),
    "diff_documents": ("jianwu.diff", "diff_documents"),
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from importlib import import_module

        module, attribute = _LAZY[name]
        value = getattr(import_module(module), attribute)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'jianwu' has no attribute {name!r}")
