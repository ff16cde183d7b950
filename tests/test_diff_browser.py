"""The HTML diff report as a reviewer uses it in headless Chromium: click, land, read.

Driven by Playwright against the system's Chromium (skipped, saying why, when
either is missing; CI installs both).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterator

import pytest
from typer.testing import CliRunner

from jianwu.cli import app

from conftest import RAW, SEED_CORPUS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if CHROMIUM is None:
        pytest.skip("no chromium binary on PATH (install chromium to run the browser test; CI does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report") / "gaoxin.html"
    result = CliRunner().invoke(app, ["diff", str(RAW / "gaoxin-jianwu-2023.txt"), str(RAW / "chongqing-jianwu-2023.txt"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


@pytest.fixture()
def page(browser, report: Path):  # type: ignore[no-untyped-def]
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    pg.goto(report.resolve().as_uri())
    yield pg
    pg.close()


def in_view(pg, element_id: str) -> bool:  # type: ignore[no-untyped-def]
    """The element is shown (not inside a closed <details>) and its top is in view, below the sticky header."""
    return pg.evaluate(
        """id => { const e = document.getElementById(id); const r = e.getBoundingClientRect();
                   const head = document.querySelector('header.top').getBoundingClientRect().bottom;
                   return e.offsetParent !== null && r.top >= head - 1 && r.top < window.innerHeight; }""",
        element_id,
    )


def test_header_and_summary_cards(page) -> None:  # type: ignore[no-untyped-def]
    assert page.inner_text("header h1") == "重庆市减污降碳协同增效实施方案 → 重庆高新区减污降碳协同增效实施方案"
    cards = {c.query_selector("h3").inner_text(): c.eval_on_selector_all(".metric", "ms => ms.map(m => m.innerText.replace(/\\n/g, ' '))") for c in page.query_selector_all(".card")}
    assert cards["parent clauses"] == ["28 parent clauses", "0 kept", "22 modified", "6 dropped"]
    assert cards["child clauses"] == ["22 child clauses", "0 added", "60.0% copied"]
    assert cards["targets"] == ["0 stricter", "1 looser", "4 same", "0 not comparable", "0 value changed", "0 year changed", "13 new", "11 dropped"]
    assert cards["departments"] == ["4 mapped", "26 parent only", "6 child only"]


def test_change_list_groups_and_every_link_lands_on_its_entry(page) -> None:  # type: ignore[no-untyped-def]
    groups = page.eval_on_selector_all("nav.changes h2.group", "hs => hs.map(h => h.innerText)")
    assert groups == ["modified (22)", "merged (2)", "dropped (6)"]
    links = page.eval_on_selector_all("nav.changes ol a", "as => as.map(a => a.getAttribute('href'))")
    assert len(links) == 30 and len(set(links)) == 30
    for href in links:
        page.click(f'nav.changes a[href="{href}"]')
        assert page.evaluate("location.hash") == href
        assert in_view(page, href[1:]), href
        status = page.get_attribute(href, "data-status")
        assert status in ("modified", "merged", "dropped")


def test_next_and_previous_change(page) -> None:  # type: ignore[no-untyped-def]
    changes = page.eval_on_selector_all("section.entry.change", "es => es.map(e => e.id)")
    first, second = changes[0], changes[1]
    page.click(f"#{first} a.next")
    assert page.evaluate("location.hash") == f"#{second}" and in_view(page, second)
    page.click(f"#{second} a.prev")
    assert page.evaluate("location.hash") == f"#{first}"
    page.keyboard.press("j")  # the keyboard does the same
    assert page.evaluate("location.hash") == f"#{second}"


def test_unchanged_runs_collapsed_and_opened_when_linked(page) -> None:  # type: ignore[no-untyped-def]
    runs = page.query_selector_all("details.same-run")
    assert len(runs) == 5 and not any(r.get_attribute("open") is not None for r in runs)
    assert runs[0].inner_text().startswith("1 unchanged: 一、 总体要求")
    page.keyboard.press("e")
    assert all(r.get_attribute("open") is not None for r in page.query_selector_all("details.same-run"))


def test_merged_partners_linked_both_ways(page) -> None:  # type: ignore[no-untyped-def]
    merged = page.eval_on_selector_all('section.entry[data-status="merged"]', "es => es.map(e => e.id)")
    assert len(merged) == 2
    a, b = merged
    assert page.get_attribute(f"#{a} a.partner", "href") == f"#{b}"
    assert page.get_attribute(f"#{b} a.partner", "href") == f"#{a}"
    page.click(f"#{a} a.partner")
    assert in_view(page, b)


def test_parent_left_child_right_with_raw_lines(page) -> None:  # type: ignore[no-untyped-def]
    entry = page.eval_on_selector_all("section.entry.change", "es => es.map(e => e.id)")[0]
    boxes = page.evaluate(
        "id => ['td.parent', 'td.child'].map(s => document.querySelector('#' + id + ' ' + s).getBoundingClientRect().left)", entry
    )
    assert boxes[0] < boxes[1]
    lines = page.eval_on_selector_all(f"#{entry} td.ln", "ts => ts.map(t => t.innerText)")
    assert lines == ["line 16", "line 33"]
    # a dropped clause keeps its text on the parent side and an empty child side
    dropped = page.eval_on_selector_all('section.entry[data-status="dropped"]', "es => es.map(e => e.id)")[0]
    assert page.inner_text(f"#{dropped} td.parent").strip() and not page.inner_text(f"#{dropped} td.child").strip()


def test_highlighted_changes(page) -> None:  # type: ignore[no-untyped-def]
    deleted = page.eval_on_selector_all("td.parent del", "ds => ds.map(d => d.innerText)")
    inserted = page.eval_on_selector_all("td.child ins", "ds => ds.map(d => d.innerText)")
    assert "长江、嘉陵江、乌江干流重庆段" in deleted  # Gaoxin （十二） <- municipal （十三）
    assert any("科学谷低碳科技发源地" in t for t in inserted)  # Gaoxin （十九） rewrites （二十三）


def test_target_table_shows_values_and_colours_verdicts(page) -> None:  # type: ignore[no-untyped-def]
    header = page.eval_on_selector_all("table.targets th", "ts => ts.map(t => t.innerText)")
    assert header == ["status", "indicator", "parent", "child", "parent clause", "child clause", "detail"]
    row = page.eval_on_selector_all("table.targets tr", "rs => rs.map(r => [...r.cells].map(c => c.innerText)).filter(c => c[0] === 'looser')")
    assert row == [["looser", "森林覆盖率", "≥57% (↑, 2025)", "≥40% (2025)", "三、/（十一） 推进生态建设协同增效", "三、/（十） 推进生态建设协同增效", "57% → 40%"]]
    colour = page.evaluate("getComputedStyle(document.querySelector('table.targets td.looser')).backgroundColor")
    assert colour == "rgb(255, 204, 204)"
    # the clause cell links to its pair in the page
    page.click("table.targets td.looser ~ td a")
    assert page.evaluate("location.hash").startswith("#a-")


def test_corpus_index_links_per_pair_pages(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["diff", "--corpus", str(SEED_CORPUS), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    pages = sorted(p.name for p in out.iterdir())
    assert pages == ["gaoxin-jianwu-2023.html", "index.html", "shapingba-jianwu-2023.html"]
    pg = browser.new_page()
    pg.goto((out / "index.html").resolve().as_uri())
    links = pg.eval_on_selector_all("table.pairs a", "as => as.map(a => a.getAttribute('href'))")
    assert links == ["gaoxin-jianwu-2023.html", "shapingba-jianwu-2023.html"]
    pg.click("table.pairs a >> nth=1")
    assert pg.url.endswith("shapingba-jianwu-2023.html")
    assert pg.inner_text("header h1") == "重庆市减污降碳协同增效实施方案 → 沙坪坝区减污降碳协同增效任务分工"
    pg.close()


def test_rewritten_clauses_read_sentence_by_sentence(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Shapingba against the municipal plan: sentences side by side, moved ones linked to where they went."""
    out = tmp_path / "shapingba.html"
    result = CliRunner().invoke(app, ["diff", str(RAW / "shapingba-jianwu-2023.txt"), str(RAW / "chongqing-jianwu-2023.txt"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    pg = browser.new_page(viewport={"width": 1400, "height": 900})
    pg.goto(out.resolve().as_uri())
    # 二、/（四）→ 4.: the municipal clause's 7th sentence is gone, the six before it stand beside their copies
    rows = pg.eval_on_selector_all("#a-10 table.pair tr", "rs => rs.map(r => r.className)")
    assert rows == ["s-identical"] * 6 + ["s-dropped", "s-modified"]
    cells = pg.eval_on_selector_all("#a-10 table.pair tr.s-identical", "rs => rs.map(r => [r.querySelector('td.parent').innerText, r.querySelector('td.child').innerText])")
    assert all(p == c for p, c in cells)
    # Shapingba 18. has the body of （二十） under the title sentence of （十七）: that sentence is linked
    # as moved from （十七）, and the link lands on the pair that holds （十七）
    moved = pg.eval_on_selector_all("#a-26 td.child a.moved-link", "as => as.map(a => [a.innerText, a.getAttribute('href')])")
    assert moved == [["五、/（十七） 深入推进排污许可与碳排放协同管理", "#a-22"]]
    pg.click("#a-26 td.child a.moved-link")
    assert pg.evaluate("location.hash") == "#a-22" and in_view(pg, "a-22")
    pg.close()
