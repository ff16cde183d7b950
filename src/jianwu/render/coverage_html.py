"""``jianwu coverage --format html -o DIR``: one self-contained heatmap page, and a diff page per column.

``DIR/index.html`` is the matrix (inline CSS, no script, no external asset; every
text through ``html.escape``); each cell links to the clause pair in
``DIR/pairs/<child id>.html``, the ``jianwu diff --format html`` page of that
column against the base (``render/diff_html.py``; ``diff_html.anchor`` gives the
id of each clause pair there).
"""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..corpus.coverage import Coverage
from .diff_html import anchor

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#222;line-height:1.4}
h1{font-size:1.3em}h2{margin-top:1.6em;border-bottom:1px solid #ccc;font-size:1.1em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #e2e2e2;padding:.15em .35em;text-align:left;vertical-align:middle}
th{background:#f4f4f4;font-weight:normal}
th.col{writing-mode:vertical-rl;white-space:nowrap;max-height:14em;font-size:.85em}
td.label{white-space:nowrap;max-width:32em;overflow:hidden;text-overflow:ellipsis}
td.heading{font-weight:bold}
td.cell{text-align:center;font-size:.8em;min-width:2.2em}
td.cell a{color:inherit;text-decoration:none;display:block}
.identical,.same,.mapped{background:#7bc47f}.modified,.value_changed,.year_changed{background:#f3d36b}
.merged,.split{background:#c99be0}.partial{background:#f5b66b}.moved{background:#8fb4e8}
.dropped,.parent_only{background:#e98a8a}.stricter{background:#3fa34d;color:#fff}.looser{background:#d9534f;color:#fff}
.other{background:#bbb}.n{text-align:right}
.legend span{display:inline-block;padding:0 .5em;margin-right:.3em;border-radius:3px}
.muted{color:#777}
"""
KNOWN = {"identical", "modified", "merged", "split", "partial", "moved", "dropped", "same", "stricter", "looser", "value_changed", "year_changed", "mapped", "parent_only"}


def pair_page_name(child_id: str) -> str:
    return f"pairs/{child_id}.html"


def _css(status: str) -> str:
    return status if status in KNOWN else "other"


def _legend(statuses: tuple[str, ...]) -> str:
    return '<p class="legend">' + "".join(f'<span class="{s}">{escape(s.replace("_", " "))}</span>' for s in statuses) + "</p>"


def _header(cov: Coverage, first: str, last: str) -> str:
    cols = "".join(f'<th class="col" title="{escape(c.title or c.id)}">{n}. {escape(c.id)}</th>' for n, c in enumerate(cov.children, 1))
    return f"<tr><th>{escape(first)}</th>{cols}<th>{escape(last)}</th></tr>"


def render_coverage_html(cov: Coverage) -> str:
    p = cov.parent
    title = f"coverage of {p['title'] or p['id']}"
    out = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">',
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p>base <b>{escape(p["id"])}</b> {escape(p.get("doc_number") or "")} · {len(cov.children)} {escape(cov.columns)}'
        f' · {len(cov.rows)} clauses</p>',
        '<h2 id="children">Columns</h2>',
        '<table class="children"><tr><th>#</th><th>id</th><th>title</th><th>level</th><th>relation</th><th>adoption</th><th>kept</th></tr>',
    ]
    for n, c in enumerate(cov.children, 1):
        via = f" via {c.via}" if c.via else ""
        out.append(
            f'<tr><td class="n">{n}</td><td><a href="{escape(quote(pair_page_name(c.id)))}">{escape(c.id)}</a></td>'
            f"<td>{escape(c.title or '')}</td><td>{escape(c.level or '—')}</td><td>{escape(c.relation + via)}</td>"
            f'<td class="n">{c.adoption:.1%}</td><td class="n">{c.kept:.1%}</td></tr>'
        )
    out.append("</table>")
    out += ['<h2 id="clauses">Clauses</h2>', _legend(("identical", "modified", "merged", "split", "partial", "moved", "dropped"))]
    out.append('<table class="matrix">' + _header(cov, "parent clause", "kept by / dropped by"))
    for r in cov.rows:
        label = "/".join(r.parent_path) + " " + r.title
        cells = []
        for c in cov.children:
            cell = r.cells[c.id]
            tip = f"{c.id}: {cell.status}, kept {cell.kept:.0%}" + (f" → {'、'.join(cell.child_paths)}" if cell.child_paths else "")
            href = escape(quote(pair_page_name(c.id)) + "#" + (anchor(cell.seq) if cell.seq is not None else "clauses"))
            cells.append(f'<td class="cell {_css(cell.status)}" title="{escape(tip)}"><a href="{href}">{round(cell.kept * 100)}</a></td>')
        out.append(
            f'<tr id="row-{r.index}"><td class="label {r.kind}" title="{escape(label)}">{escape(label)}</td>{"".join(cells)}'
            f'<td class="n">{r.kept_by} / {r.dropped_by}</td></tr>'
        )
    out.append("</table>")
    out += ['<h2 id="targets">Targets</h2>', _legend(("same", "stricter", "looser", "value_changed", "year_changed", "dropped"))]
    out.append('<table class="targets">' + _header(cov, "parent target", "parent clause"))
    for t in cov.targets:
        label = f"{t.indicator} {t.value_text}" + (f" ({t.year})" if t.year else "")
        cells = []
        for c in cov.children:
            got = t.cells.get(c.id)
            if got is None:
                cells.append('<td class="cell"></td>')
            else:
                tip = f"{c.id}: {got.status}: {got.detail}"
                cells.append(f'<td class="cell {_css(got.status)}" title="{escape(tip)}">{escape(got.value_text or "—")}</td>')
        out.append(f'<tr><td class="label">{escape(label)}</td>{"".join(cells)}<td>{escape("/".join(t.parent_path))}</td></tr>')
    out.append("</table>")
    out += ['<h2 id="departments">Departments</h2>', _legend(("mapped", "parent_only"))]
    out.append('<table class="departments">' + _header(cov, "parent department", "mapped by"))
    for d in cov.departments:
        cells = []
        for c in cov.children:
            got = d.cells.get(c.id)
            if got is None:
                cells.append('<td class="cell"></td>')
            else:
                names = "、".join(got.child_names)
                cells.append(f'<td class="cell {_css(got.status)}" title="{escape(c.id + ": " + (names or got.status))}">{"●" if got.status == "mapped" else "·"}</td>')
        out.append(f'<tr><td class="label" title="{escape("、".join(d.parent_names))}">{escape(d.canonical)}</td>{"".join(cells)}<td class="n">{d.mapped_by}</td></tr>')
    out.append("</table>\n</body>\n</html>\n")
    return "\n".join(out)
