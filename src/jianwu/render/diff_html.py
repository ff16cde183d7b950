"""``jianwu diff --format html``: one self-contained page an analyst can mail.

Inline CSS only: no script, no font, no image, no link to anything outside the
file.  Every piece of document text goes through ``html.escape``.
"""

from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from ..diffmodel import CORPUS_COLUMNS, Alignment, CorpusEntry, DocumentDiff, clause_label, corpus_row, select, summary_rows, summary_to_dict
from .marks import marked_sides

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1200px;color:#222;line-height:1.6}
h1{font-size:1.4em}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4}
.metrics{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
.metric{border:1px solid #ccc;border-radius:6px;padding:.5em 1em;min-width:8em}
.metric .n{font-size:1.6em;font-weight:bold;display:block}
del{background:#fdd;color:#900;text-decoration:line-through}
ins{background:#dfd;color:#060;text-decoration:none}
.pair td{width:50%;white-space:pre-wrap}
.status{font-weight:bold;padding:0 .4em;border-radius:3px}
.identical{background:#eee}.modified{background:#ffe9a8}.merged,.split{background:#f0d0ff}
.moved{background:#cdf}.dropped{background:#fcc}.added{background:#cfc}
.stricter{background:#cfc}.looser{background:#fcc}.same{background:#eee}
.flag{color:#8a5a00;margin:.2em 0}
.head{margin-top:1.5em;font-weight:bold}
.muted{color:#777}
"""


def _page(title: str, body: list[str]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def _table(header: Iterable[str], rows: Iterable[Iterable[str]], css: str = "") -> list[str]:
    out = [f'<table class="{css}">' if css else "<table>", "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    return out + ["</table>"]


def _section(diff: DocumentDiff, a: Alignment) -> list[str]:
    score = f" {a.similarity:.2f}" if a.similarity is not None and a.status != "identical" else ""
    basis = f' <span class="muted">aligned on {escape(a.basis)}</span>' if a.basis else ""
    out = [
        f'<div class="head" id="{a.kind}-{a.child_index}-{a.parent_index}"><span class="status {a.status}">{a.status}</span>{score}{basis} '
        f"{escape(clause_label(diff.child, a.child_index))} ⟸ {escape(clause_label(diff.parent, a.parent_index))}</div>"
    ]
    out += [f'<div class="flag">⚠ {escape(f.code)}: {escape(f.message)}</div>' for f in a.flags]
    parent_text = child_text = ""
    if a.status == "added" and a.child_index is not None:
        child_text = f"<ins>{escape(diff.child.clauses[a.child_index].text)}</ins>"
    elif a.status == "dropped" and a.parent_index is not None:
        parent_text = f"<del>{escape(diff.parent.clauses[a.parent_index].text)}</del>"
    elif a.edits:
        parent_text, child_text = marked_sides(a.edits, escape)
    out.append(f'<table class="pair"><tr><td>{parent_text}</td><td>{child_text}</td></tr></table>')
    return out


def render_html(diff: DocumentDiff, *, only: Optional[str] = None, side_by_side: bool = True) -> str:
    """The report page; clauses are always side by side (``side_by_side`` is accepted for symmetry)."""
    s = summary_to_dict(diff.summary)
    title = f"{diff.child.title or diff.child.id} ⟸ {diff.parent.title or diff.parent.id}"
    metrics = [
        ("parent clauses", s["parent_clauses"]),
        ("kept", s["kept"]),
        ("modified", s["modified"]),
        ("dropped", s["dropped"]),
        ("added", s["added"]),
        ("copied", f"{s['copied_share']:.1%}"),
        ("flags", s["flags"]),
    ]
    body = [f"<h1>{escape(title)}</h1>", '<h2 id="summary">Summary</h2>', '<div class="metrics">']
    body += [f'<div class="metric"><span class="n">{escape(str(v))}</span>{escape(k)}</div>' for k, v in metrics]
    body.append("</div>")
    body += _table(("", "value"), summary_rows(diff), "summary")
    body += ['<h2 id="clauses">Clauses</h2>', f"<p>parent <b>{escape(diff.parent.id)}</b> on the left, child <b>{escape(diff.child.id)}</b> on the right</p>"]
    for a in select(diff.alignments, only):
        body += _section(diff, a)
    body.append('<h2 id="targets">Targets</h2>')
    body.append('<table class="targets"><tr><th>status</th><th>indicator</th><th>parent clause</th><th>child clause</th><th>detail</th></tr>')
    for t in diff.targets:
        body.append(
            f'<tr><td class="{t.status}">{escape(t.status)}</td><td>{escape(t.indicator)}</td>'
            f"<td>{escape(clause_label(diff.parent, t.parent_index) if t.parent_index is not None else '—')}</td>"
            f"<td>{escape(clause_label(diff.child, t.child_index) if t.child_index is not None else '—')}</td>"
            f"<td>{escape(t.detail)}</td></tr>"
        )
    body.append("</table>")
    body.append('<h2 id="departments">Departments</h2>')
    body += _table(
        ("status", "canonical", "parent", "child"),
        ((d.status.replace("_", " "), d.canonical, "、".join(d.parent_names) or "—", "、".join(d.child_names) or "—") for d in diff.departments),
        "departments",
    )
    return _page(title, body)


def render_corpus_html(entries: list[CorpusEntry]) -> str:
    body = ["<h1>Child plans against their parents</h1>"]
    body += _table(CORPUS_COLUMNS, (corpus_row(e.diff) for e in entries if e.diff is not None), "pairs")
    body.append("<h2>Parent not in the corpus</h2>")
    body += _table(("child", "cites"), ((e.child.id, e.missing or "") for e in entries if e.diff is None and not e.top), "missing")
    return _page("jianwu diff", body)
