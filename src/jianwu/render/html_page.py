"""The page every HTML report shares: one self-contained file, nothing loaded from outside.

CSS and a small script are inline; the page works without the script (links,
``<details>``), the script only adds keyboard navigation (``j``/``k`` or ``n``/``p``:
next/previous change; ``e``: expand or collapse every unchanged run).  Every
piece of document text must be escaped by the caller with ``html.escape``.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

CSS = """
:root{--nav:17rem;--head:4.5rem}
*{box-sizing:border-box}
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#222;line-height:1.6}
header.top{position:sticky;top:0;z-index:3;background:#fff;border-bottom:1px solid #ccc;padding:.4em 1em;display:flex;gap:.2em 1em;align-items:baseline;flex-wrap:wrap;min-height:var(--head)}
header.top h1{font-size:1.05em;margin:0}
header.top .sides{color:#555;font-size:.8em}
.layout{display:grid;grid-template-columns:var(--nav) minmax(0,1fr)}
nav.changes{position:sticky;top:var(--head);align-self:start;max-height:calc(100vh - var(--head));overflow:auto;border-right:1px solid #ddd;padding:.5em .8em;font-size:.85em}
nav.changes h2{font-size:1em;margin:.8em 0 .2em}
nav.changes ol{margin:0;padding-left:1.2em}
nav.changes a{color:#124;text-decoration:none}nav.changes a:hover{text-decoration:underline}
main{padding:0 1.2em 4em;min-width:0}
h2{margin-top:1.6em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f4f4f4}
.cards{display:flex;flex-wrap:wrap;gap:.8em;margin:1em 0}
.card{border:1px solid #ccc;border-radius:6px;padding:.4em .8em}
.card h3{font-size:.85em;margin:0 0 .2em;color:#555}
.metric{display:inline-block;margin-right:1em}
.metric .n{font-size:1.4em;font-weight:bold;display:block}
del{background:#fdd;color:#900;text-decoration:line-through}
ins{background:#dfd;color:#060;text-decoration:none}
.pair td{width:50%;white-space:pre-wrap}
.pair tr+tr td.parent,.pair tr+tr td.child{border-top:1px dashed #ddd}
.pair tr.s-dropped td.parent,.pair tr.s-added td.child{background:#fff8f8}
.pair td.ln{width:auto;white-space:nowrap;color:#777;font-size:.8em}
.entry{margin-top:1.2em;scroll-margin-top:calc(var(--head) + .5rem)}
[id]{scroll-margin-top:calc(var(--head) + .5rem)}
.entry:target{outline:3px solid #f90;outline-offset:4px}
.entry .head{font-weight:bold}
.entry .links{font-size:.85em;font-weight:normal;margin-left:.6em}
.entry .links a{margin-right:.6em}
.status{font-weight:bold;padding:0 .4em;border-radius:3px}
.identical{background:#eee}.modified{background:#ffe9a8}.merged,.split{background:#f0d0ff}.partial{background:#ffe0c0}
.moved{background:#cdf}.dropped{background:#fcc}.added{background:#cfc}
.stricter{background:#cfc}.looser{background:#fcc}.same{background:#eee}.not_comparable{background:#e4e4f4}
.value_changed,.year_changed{background:#ffe9a8}.new{background:#dff}
details.same-run{margin-top:1em;border-left:3px solid #ddd;padding-left:.6em}
details.same-run>summary{cursor:pointer;color:#555}
.flag{color:#8a5a00;margin:.2em 0}
.muted{color:#777}
.warn{background:#fff4d6;border:1px solid #e0b84d;padding:.4em .8em;border-radius:4px}
"""

SCRIPT = """
(function(){
  var changes=[].slice.call(document.querySelectorAll('.entry.change'));
  function current(){var y=window.scrollY+80,i=-1;changes.forEach(function(e,k){if(e.offsetTop<=y)i=k;});return i;}
  function go(d){if(!changes.length)return;var i=current()+d;i=Math.max(0,Math.min(changes.length-1,i));location.hash=changes[i].id;}
  document.addEventListener('keydown',function(ev){
    if(ev.target.tagName==='INPUT'||ev.ctrlKey||ev.metaKey||ev.altKey)return;
    if(ev.key==='j'||ev.key==='n')go(1);
    else if(ev.key==='k'||ev.key==='p')go(-1);
    else if(ev.key==='e'){var all=document.querySelectorAll('details.same-run'),open=![].some.call(all,function(d){return d.open;});[].forEach.call(all,function(d){d.open=open;});}
  });
  window.addEventListener('hashchange',function(){var t=document.getElementById(location.hash.slice(1));if(t){var d=t.closest('details');if(d)d.open=true;}});
})();
"""


def page(title: str, header: str, body: Iterable[str], nav: Iterable[str] = ()) -> str:
    """A whole page: sticky ``header`` (HTML), optional side ``nav`` (HTML), ``body`` (HTML)."""
    nav_html = "\n".join(nav)
    main = "\n".join(body)
    layout = (
        f'<div class="layout"><nav class="changes" aria-label="changes">\n{nav_html}\n</nav>\n<main>\n{main}\n</main></div>'
        if nav_html
        else f"<main>\n{main}\n</main>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f'<header class="top">{header}</header>\n{layout}\n<script>{SCRIPT}</script>\n</body>\n</html>\n'
    )


def table(header: Iterable[str], rows: Iterable[Iterable[str]], css: str = "") -> list[str]:
    """A table of plain-text cells (escaped here)."""
    out = [f'<table class="{css}">' if css else "<table>", "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in header) + "</tr>"]
    out += ["<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows]
    return out + ["</table>"]


def cards(groups: Iterable[tuple[str, Iterable[tuple[str, object]]]]) -> list[str]:
    """Summary cards: (heading, [(label, value)]) each."""
    out = ['<div class="cards">']
    for heading, metrics in groups:
        out.append(f'<div class="card"><h3>{escape(heading)}</h3>')
        out += [f'<div class="metric"><span class="n">{escape(str(v))}</span>{escape(k)}</div>' for k, v in metrics]
        out.append("</div>")
    return out + ["</div>"]
