"""jianwu: parse and compare Chinese government policy plans.

    >>> from jianwu import parse_document
    >>> doc = parse_document("data/raw/chongqing-jianwu-2023.txt")
    >>> doc.title, len(doc.clauses)
"""

from .document import parse_document
from .errors import InputError, JianwuError, ParentNotFoundError, UsageError
from .model import Citation, Clause, DepartmentRef, Document, NormalizedText, Target
from .normalize import normalize_bytes, normalize_text

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
]
__version__ = "0.1.0"
