"""``jianwu diff --format html``: a review page, parent on the left, child on the right.

What a reviewer works with: a change list grouped by status (side panel), an
anchor on every clause pair (``#a-N``, N the pair's place in the diff), next /
previous change links, unchanged runs collapsed in ``<details>``, partners of a
merge, split or reuse linked both ways, raw line (and page) numbers, summary
cards for clauses, targets and departments, and the target table with
comparator, direction and year.  One self-contained file (``html_page``).
"""

from __future__ import annotations

from html import escape
from typing import Optional

from ..diffmodel import CORPUS_COLUMNS, Alignment, CorpusEntry, DocumentDiff, TargetChange, clause_label, corpus_row, select, summary_to_dict
from ..model import Document, Target
from .html_page import cards, page, table
from ..inline_diff import department_keys, diff_texts
from .marks import marked_sides

# Statuses in the order the change list shows them.
CHANGE_ORDER = ("modified", "merged", "split", "moved", "partial", "dropped", "added")
TARGET_ORDER = ("stricter", "looser", "same", "not_comparable", "value_changed", "year_changed", "new", "dropped")
COMPARATOR_WORDS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "≈": "≈", "=": "", "range": ""}
DIRECTION_WORDS = {"up": "↑", "down": "↓"}


def anchor(index: int) -> str:
    """The id of the ``index``-th clause pair of a diff (stable across renders)."""
    return f"a-{index}"


def _where(doc: Document, index: Optional[int]) -> str:
    """``line 12`` or ``p. 3, line 12`` of a clause's number in the raw file."""
    if index is None:
        return ""
    clause = doc.clauses[index]
    page_no = doc.normalized.page_at(clause.span[0])
    return f"p. {page_no}, line {clause.line}" if page_no else f"line {clause.line}"


def _label(doc: Document, index: Optional[int]) -> str:
    return clause_label(doc, index)


def _texts(diff: DocumentDiff, a: Alignment) -> tuple[str, str]:
    """(parent, child) cell HTML of one pair."""
    parent = diff.parent.clauses[a.parent_index] if a.parent_index is not None else None
    child = diff.child.clauses[a.child_index] if a.child_index is not None else None
    if a.edits and a.status != "identical":
        return marked_sides(a.edits, escape)
    # Headings have no own text: show the title so a dropped heading is not an empty cell.
    p_text = (parent.text or parent.title) if parent else ""
    c_text = (child.text or child.title) if child else ""
    if a.status == "dropped":
        return f"<del>{escape(p_text)}</del>", ""
    if a.status == "added":
        return "", f"<ins>{escape(c_text)}</ins>"
    return escape(p_text), escape(c_text)


def _where_link(diff: DocumentDiff, side: str, clause: int) -> str:
    """A link to the pair holding ``clause`` of the child (``side`` "child") or the parent."""
    doc = diff.child if side == "child" else diff.parent
    for j, b in enumerate(diff.alignments):
        if (b.child_index if side == "child" else b.parent_index) == clause:
            return f'<a href="#{anchor(j)}" class="moved-link">{escape(_label(doc, clause))}</a>'
    return escape(_label(doc, clause))


def _sentence_rows(diff: DocumentDiff, a: Alignment) -> list[tuple[str, str, str]]:
    """(status, parent HTML, child HTML) per aligned sentence, in reading order.

    A rewritten clause reads sentence by sentence: each parent sentence beside the
    child sentence it became (changes marked inside the pair), a dropped or added
    sentence on its side alone, a sentence moved to or from another clause linked
    to the pair that holds it now.
    """
    parent = diff.parent.clauses[a.parent_index] if a.parent_index is not None else None
    child = diff.child.clauses[a.child_index] if a.child_index is not None else None
    keys = department_keys(*(c for c in (parent, child) if c is not None))
    rows = []
    for link in a.sentences:
        p_text = parent.text[link.parent_span[0] : link.parent_span[1]] if parent and link.parent_span else ""
        c_text = child.text[link.child_span[0] : link.child_span[1]] if child and link.child_span else ""
        if link.status == "identical":
            p_html, c_html = escape(p_text), escape(c_text)
        elif p_text and c_text:
            p_html, c_html = marked_sides(diff_texts(p_text, c_text, keys=keys), escape)
        else:
            p_html = f"<del>{escape(p_text)}</del>" if p_text else ""
            c_html = f"<ins>{escape(c_text)}</ins>" if c_text else ""
        if link.elsewhere is not None:
            clause, _ = link.elsewhere
            if link.child is None:
                p_html += f' <span class="muted">→ moved to {_where_link(diff, "child", clause)}</span>'
            else:
                c_html += f' <span class="muted">← moved from {_where_link(diff, "parent", clause)}</span>'
        rows.append((link.status, p_html, c_html))
    return rows


def _pair_table(diff: DocumentDiff, index: int) -> str:
    """Parent | child, sentence by sentence where the pair has a sentence alignment."""
    a = diff.alignments[index]
    p_where, c_where = escape(_where(diff.parent, a.parent_index)), escape(_where(diff.child, a.child_index))
    rows = _sentence_rows(diff, a) if a.sentences and a.status != "identical" else []
    if not rows:
        parent_html, child_html = _texts(diff, a)
        rows = [(a.status, parent_html, child_html)]
    out = ['<table class="pair">']
    for k, (status, p_html, c_html) in enumerate(rows):
        lead = f'<td class="ln" rowspan="{len(rows)}">{{}}</td>' if k == 0 else ""
        out.append(
            f'<tr class="s-{status}">{lead.format(p_where)}<td class="parent">{p_html}</td>'
            f'{lead.format(c_where)}<td class="child">{c_html}</td></tr>'
        )
    return "".join(out) + "</table></section>"


def _partners(diff: DocumentDiff, index: int) -> list[int]:
    """Other pairs sharing this pair's parent or child clause (a merge, split, or reuse elsewhere)."""
    a = diff.alignments[index]
    out = []
    for j, b in enumerate(diff.alignments):
        if j == index:
            continue
        if (a.child_index is not None and b.child_index == a.child_index) or (a.parent_index is not None and b.parent_index == a.parent_index):
            out.append(j)
    return out


def _entry(diff: DocumentDiff, index: int, prev_change: Optional[int], next_change: Optional[int]) -> list[str]:
    a = diff.alignments[index]
    change = " change" if a.status != "identical" else ""
    score = f" {a.similarity:.2f}" if a.similarity is not None and a.status != "identical" else ""
    basis = f' <span class="muted">aligned on {escape(a.basis)}</span>' if a.basis else ""
    links = []
    if prev_change is not None:
        links.append(f'<a href="#{anchor(prev_change)}" class="prev">← previous change</a>')
    if next_change is not None:
        links.append(f'<a href="#{anchor(next_change)}" class="next">next change →</a>')
    for j in _partners(diff, index):
        b = diff.alignments[j]
        links.append(f'<a href="#{anchor(j)}" class="partner">{escape(b.status)} with {escape(_label(diff.parent, b.parent_index) if b.parent_index != a.parent_index else _label(diff.child, b.child_index))}</a>')
    out = [
        f'<section class="entry{change}" data-status="{a.status}" id="{anchor(index)}">',
        f'<div class="head"><span class="status {a.status}">{a.status}</span>{score}{basis} '
        f"{escape(_label(diff.parent, a.parent_index))} → {escape(_label(diff.child, a.child_index))}"
        f'<span class="links">{" ".join(links)}</span></div>',
    ]
    out += [f'<div class="flag">⚠ {escape(f.code)}: {escape(f.message)}</div>' for f in a.flags]
    out.append(_pair_table(diff, index))
    return out


def _clauses(diff: DocumentDiff, shown: list[int]) -> list[str]:
    """Every shown pair in order, runs of identical pairs collapsed."""
    changes = [i for i in shown if diff.alignments[i].status != "identical"]
    prev_of = {i: (changes[k - 1] if k else None) for k, i in enumerate(changes)}
    next_of = {i: (changes[k + 1] if k + 1 < len(changes) else None) for k, i in enumerate(changes)}
    out: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if not run:
            return
        first, last = _label(diff.child, diff.alignments[run[0]].child_index), _label(diff.child, diff.alignments[run[-1]].child_index)
        span = first if len(run) == 1 else f"{first} … {last}"
        out.append(f'<details class="same-run"><summary>{len(run)} unchanged: {escape(span)}</summary>')
        for i in run:
            out.extend(_entry(diff, i, None, None))
        out.append("</details>")
        run.clear()

    for i in shown:
        if diff.alignments[i].status == "identical":
            run.append(i)
            continue
        flush()
        out.extend(_entry(diff, i, prev_of[i], next_of[i]))
    flush()
    return out


def _change_list(diff: DocumentDiff, shown: list[int]) -> list[str]:
    out = ['<h2><a href="#summary">Summary</a></h2>', '<h2><a href="#targets">Targets</a> · <a href="#departments">Departments</a></h2>']
    for status in CHANGE_ORDER:
        members = [i for i in shown if diff.alignments[i].status == status]
        if not members:
            continue
        out.append(f'<h2 class="group">{escape(status)} ({len(members)})</h2><ol>')
        for i in members:
            a = diff.alignments[i]
            side = diff.child if a.child_index is not None else diff.parent
            label = _label(side, a.child_index if a.child_index is not None else a.parent_index)
            out.append(f'<li><a href="#{anchor(i)}">{escape(label)}</a></li>')
        out.append("</ol>")
    return out


def _target_cell(t: Optional[Target]) -> str:
    if t is None:
        return "—"
    value = f"{COMPARATOR_WORDS.get(t.comparator, t.comparator)}{t.value_text}"
    extra = [x for x in (DIRECTION_WORDS.get(t.direction or "", ""), str(t.year) if t.year else "") if x]
    return f"{value} ({', '.join(extra)})" if extra else value


def _targets(diff: DocumentDiff) -> list[str]:
    out = ['<h2 id="targets">Targets</h2>', '<table class="targets"><tr><th>status</th><th>indicator</th><th>parent</th><th>child</th><th>parent clause</th><th>child clause</th><th>detail</th></tr>']
    for t in diff.targets:
        out.append(
            f'<tr><td class="{escape(t.status)}">{escape(t.status.replace("_", " "))}</td><td>{escape(t.indicator)}</td>'
            f"<td>{escape(_target_cell(t.parent))}</td><td>{escape(_target_cell(t.child))}</td>"
            f"<td>{_clause_link(diff, t, 'parent')}</td><td>{_clause_link(diff, t, 'child')}</td><td>{escape(t.detail)}</td></tr>"
        )
    return out + ["</table>"]


def _clause_link(diff: DocumentDiff, t: TargetChange, side: str) -> str:
    """The clause holding a target, linked to its pair in the page."""
    index = t.parent_index if side == "parent" else t.child_index
    if index is None:
        return "—"
    doc = diff.parent if side == "parent" else diff.child
    for j, a in enumerate(diff.alignments):
        if (a.parent_index if side == "parent" else a.child_index) == index:
            return f'<a href="#{anchor(j)}">{escape(_label(doc, index))}</a>'
    return escape(_label(doc, index))


def render_html(diff: DocumentDiff, *, only: Optional[str] = None) -> str:
    """The review page of one pair; ``only`` keeps changed / dropped / added pairs."""
    s = summary_to_dict(diff.summary)
    parent_name, child_name = diff.parent.title or diff.parent.id, diff.child.title or diff.child.id
    title = f"{parent_name} → {child_name}"
    header = (
        f"<h1>{escape(title)}</h1>"
        f'<span class="sides">parent <b>{escape(diff.parent.id)}</b> on the left · child <b>{escape(diff.child.id)}</b> on the right · '
        f"parent found by {escape(diff.found_by)} · keys: j/k next/previous change, e expand unchanged</span>"
    )
    keep = {id(a) for a in select(diff.alignments, only)}
    shown = [i for i, a in enumerate(diff.alignments) if id(a) in keep]
    target_counts = [(k.replace("_", " "), s["targets"].get(k, 0)) for k in TARGET_ORDER if k in s["targets"]]
    dept = s["departments"]
    body = ['<h2 id="summary">Summary</h2>']
    body += cards(
        [
            ("parent clauses", [("parent clauses", s["parent_clauses"]), ("kept", s["kept"]), ("modified", s["modified"]), ("dropped", s["dropped"])]),
            ("child clauses", [("child clauses", s["child_clauses"]), ("added", s["added"]), ("copied", f"{s['copied_share']:.1%}")]),
            ("targets", target_counts),
            ("departments", [("mapped", dept.get("mapped", 0)), ("parent only", dept.get("parent_only", 0)), ("child only", dept.get("child_only", 0))]),
            ("review", [("flags", s["flags"])]),
        ]
    )
    body += ['<h2 id="clauses">Clauses</h2>']
    body += _clauses(diff, shown)
    body += _targets(diff)
    body.append('<h2 id="departments">Departments</h2>')
    body += table(
        ("status", "canonical", "parent", "child"),
        ((d.status.replace("_", " "), d.canonical, "、".join(d.parent_names) or "—", "、".join(d.child_names) or "—") for d in diff.departments),
        "departments",
    )
    return page(title, header, body, _change_list(diff, shown))


def render_corpus_html(entries: list[CorpusEntry], pages: Optional[dict[str, str]] = None) -> str:
    """The corpus index page; ``pages`` maps a child id to its per-pair report (a relative link)."""
    pages = pages or {}
    rows = []
    for e in entries:
        if e.diff is None:
            continue
        cells = [escape(c) for c in corpus_row(e.diff)]
        link = pages.get(e.child.id)
        if link:
            cells[0] = f'<a href="{escape(link)}">{cells[0]}</a>'
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    body = ["<h2>Child plans against their parents</h2>", '<table class="pairs"><tr>' + "".join(f"<th>{escape(h)}</th>" for h in CORPUS_COLUMNS) + "</tr>"]
    body += rows + ["</table>", "<h2>Parent not in the corpus</h2>"]
    body += table(("child", "cites"), ((e.child.id, e.missing or "") for e in entries if e.diff is None and not e.top), "missing")
    return page("jianwu diff: corpus", "<h1>jianwu diff: every plan against its parent</h1>", body)
