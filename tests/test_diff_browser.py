"""The HTML diff report as headless Chromium shows it (skipped when no Chromium is installed)."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from jianwu.cli import app

from conftest import RAW

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


class Page(HTMLParser):
    """Text of the rendered DOM, by the element and class it sits in."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[tuple[tuple[str, str], ...], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("meta", "br", "link", "img", "input"):
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append((tuple(self.stack), data))

    def inside(self, tag: str, css: str = "") -> list[str]:
        return [text for stack, text in self.texts if any(t == tag and (not css or css in c.split()) for t, c in stack)]


@pytest.fixture(scope="module")
def dom(tmp_path_factory: pytest.TempPathFactory) -> str:
    if CHROMIUM is None:
        pytest.skip("no chromium binary on PATH (install chromium to run the browser test; CI does)")
    tmp = tmp_path_factory.mktemp("browser")
    report = tmp / "report.html"
    result = CliRunner().invoke(app, ["diff", str(RAW / "gaoxin-jianwu-2023.txt"), str(RAW / "chongqing-jianwu-2023.txt"), "--format", "html", "-o", str(report)])
    assert result.exit_code == 0, result.stderr
    proc = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp / 'profile'}",
            "--dump-dom",
            report.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def parsed(dom: str) -> Page:
    page = Page()
    page.feed(dom)
    return page


def test_page_title_and_summary(dom: str) -> None:
    page = parsed(dom)
    assert page.inside("h1") == ["重庆高新区减污降碳协同增效实施方案 ⟸ 重庆市减污降碳协同增效实施方案"]
    metrics = page.inside("div", "metric")
    # number, label pairs as shown in the summary cards
    assert list(zip(metrics[::2], metrics[1::2])) == [
        ("28", "parent clauses"),
        ("0", "kept"),
        ("22", "modified"),
        ("6", "dropped"),
        ("0", "added"),
        ("60.0%", "copied"),
        ("0", "flags"),
    ]


def test_highlighted_changes(dom: str) -> None:
    page = parsed(dom)
    # Gaoxin （十二） <- municipal （十三）: the rivers of the municipality are gone
    assert "长江、嘉陵江、乌江干流重庆段" in page.inside("del")
    # Gaoxin （十九） rewrites （二十三）: the zone's own text is inserted
    assert any("科学谷低碳科技发源地" in t for t in page.inside("ins"))
    assert "dropped" in page.inside("span", "status") and "merged" in page.inside("span", "status")


def test_target_and_department_tables(dom: str) -> None:
    page = parsed(dom)
    targets = page.inside("table", "targets")
    assert targets[:5] == ["status", "indicator", "parent clause", "child clause", "detail"]
    i = targets.index("looser")
    assert targets[i : i + 5] == ["looser", "森林覆盖率", "三、/（十一） 推进生态建设协同增效", "三、/（十） 推进生态建设协同增效", "57% → 40%"]
    departments = page.inside("table", "departments")
    i = departments.index("生态环境局")
    assert departments[i - 1 : i + 3] == ["mapped", "生态环境局", "市生态环境局", "生态环境局"]
    assert "改革发展局" in departments
