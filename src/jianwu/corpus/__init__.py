"""The corpus: every document of a folder in one SQLite index, and one parent against all its children.

``store`` (schema, rows, lock), ``indexer`` (``jianwu index``: parallel and
incremental), ``search`` (FTS5), ``export`` (tables as files) and ``coverage``
(a parent's clauses against every child, as data).  Nothing is imported here:
``import jianwu`` must stay fast; the package root exports ``jianwu.index`` and
``jianwu.coverage`` lazily.
"""
