"""`jianwu coverage`: the municipal seed against its children, in every format (the index built once per session)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

import pytest
from jsonschema import Draft202012Validator
from rich.cells import cell_len
from typer.testing import CliRunner

from jianwu.corpus.coverage import coverage, coverage_to_dict
from jianwu.cli import app
from jianwu.diff import diff_documents

from conftest import RAW

SCHEMA = json.loads(resources.files("jianwu.data").joinpath("coverage.schema.json").read_text("utf-8"))
BASE = "chongqing-jianwu-2023"
runner = CliRunner()


def linked_children(db: Path, parent: str) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT child_id FROM links WHERE parent_id = ? ORDER BY child_id", (parent,))]
    finally:
        conn.close()


@pytest.fixture(scope="module")
def cov_json(seed_db: Path) -> dict:
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_json_follows_the_schema(cov_json: dict) -> None:
    Draft202012Validator.check_schema(SCHEMA)
    Draft202012Validator(SCHEMA).validate(cov_json)
    assert sorted(cov_json) == sorted(["schema_version", "parent", "columns", "depth", "children", "rows", "targets", "departments"])


def test_every_clause_and_child(cov_json: dict, seed_db: Path, seeds: dict) -> None:
    parent = seeds[BASE]
    children = linked_children(seed_db, BASE)
    assert children, "the seeds have children of the municipal plan"
    assert [c["id"] for c in cov_json["children"]] == children
    assert all(c["relation"] in ("parent", "ancestor") and c["depth"] == 1 for c in cov_json["children"])
    assert [r["parent_path"] for r in cov_json["rows"]] == [c.path for c in parent.clauses]
    for child_id in children:
        diff = diff_documents(seeds[child_id], parent)
        statuses = [diff.parent_clause_status(i) for i in range(len(parent.clauses))]
        assert [r["cells"][child_id]["status"] for r in cov_json["rows"]] == statuses
        for r, status in zip(cov_json["rows"], statuses):
            cell = r["cells"][child_id]
            assert (cell["kept"] == 0) == (status == "dropped")
        content = [r["cells"][child_id] for r in cov_json["rows"] if r["kind"] == "clause"]
        column = next(c for c in cov_json["children"] if c["id"] == child_id)
        assert column["adoption"] == round(sum(c["status"] != "dropped" for c in content) / len(content), 3)
    for r in cov_json["rows"]:
        assert r["kept_by"] + r["dropped_by"] == len(children)
        assert r["dropped_by"] == sum(c["status"] == "dropped" for c in r["cells"].values())


def test_targets_and_departments(cov_json: dict, seeds: dict) -> None:
    parent = seeds[BASE]
    targets = [(c.path, t.indicator, t.value_text) for c in parent.clauses for t in c.targets if t.kind != "condition"]
    assert [(t["parent_path"], t["indicator"], t["value_text"]) for t in cov_json["targets"]] == targets
    # Gaoxin keeps 森林覆盖率 but loosens it (57% → 40%), Shapingba drops it.
    forest = next(t for t in cov_json["targets"] if t["indicator"] == "森林覆盖率")
    assert forest["cells"]["gaoxin-jianwu-2023"]["status"] == "looser"
    assert forest["cells"]["gaoxin-jianwu-2023"]["value_text"] == "40%"
    canonicals = list(dict.fromkeys(d.canonical for c in parent.clauses for d in c.departments))
    assert [d["canonical"] for d in cov_json["departments"]] == canonicals
    for d in cov_json["departments"]:
        assert d["mapped_by"] == sum(c["status"] == "mapped" for c in d["cells"].values())
        for cell in d["cells"].values():
            assert (cell["status"] == "mapped") == bool(cell["child_names"])


def test_path_or_id_and_corpus(cov_json: dict, seed_db: Path) -> None:
    by_path = runner.invoke(app, ["coverage", str(RAW / f"{BASE}.txt"), "--db", str(seed_db), "--format", "json"])
    assert by_path.exit_code == 0
    assert json.loads(by_path.stdout) == cov_json
    from_corpus = runner.invoke(app, ["coverage", str(RAW / f"{BASE}.txt"), "--corpus", str(RAW), "--format", "json"])
    assert from_corpus.exit_code == 0, from_corpus.stderr
    data = json.loads(from_corpus.stdout)
    assert data["rows"] == cov_json["rows"] and data["targets"] == cov_json["targets"]


def test_siblings_and_given_columns(seed_db: Path, seeds: dict) -> None:
    children = linked_children(seed_db, BASE)
    base = children[0]
    cov = coverage(base, seed_db)
    assert cov.columns == "siblings"
    assert [c.id for c in cov.children] == children[1:]
    sibling = children[1]
    diff = diff_documents(seeds[sibling], seeds[base])
    assert [r.cells[sibling].status for r in cov.rows] == [diff.parent_clause_status(i) for i in range(len(seeds[base].clauses))]
    given = coverage("ziyang-jianwu-2023", seed_db, columns=[BASE, "gaoxin-jianwu-2023", "ziyang-jianwu-2023"])
    assert (given.columns, [c.id for c in given.children]) == ("given", [BASE, "gaoxin-jianwu-2023"])


def test_nothing_to_compare_and_usage_errors(seed_db: Path, tmp_path: Path) -> None:
    lonely = next(i for i in ("ziyang-jianwu-2023", "yongchuan-jieneng-2023") if not coverage_has_columns(seed_db, i))
    result = runner.invoke(app, ["coverage", lonely, "--db", str(seed_db)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: {lonely}: nothing to compare it with: no indexed document is linked to it as parent or shares its parent; name the documents to compare with --child ID\n"
    result = runner.invoke(app, ["coverage", "no-such-plan", "--db", str(seed_db)])
    assert (result.exit_code, result.stderr) == (2, "jianwu: no-such-plan: no such document in the index (give an id or the path of an indexed file)\n")
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "html"])
    assert (result.exit_code, result.stderr) == (2, "jianwu: --format html writes a page and one diff page per child: give -o DIR\n")
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--corpus", str(RAW)])
    assert (result.exit_code, result.stderr) == (2, "jianwu: give either --db or --corpus, not both\n")


def coverage_has_columns(db: Path, doc_id: str) -> bool:
    try:
        coverage(doc_id, db)
    except Exception:
        return False
    return True


def test_depth_two_compares_grandchildren_with_the_base(seed_db: Path, tmp_path: Path, seeds: dict) -> None:
    # A link the finder did not make (ziyang under a child of the base), to exercise --depth 2 alone.
    db = tmp_path / "db.sqlite"
    src = sqlite3.connect(seed_db)
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    child = linked_children(seed_db, BASE)[0]
    dst.execute("DELETE FROM links WHERE child_id = 'ziyang-jianwu-2023'")
    dst.execute("INSERT INTO links (child_id, parent_id, relation, found_by, confidence, evidence, child_sha256, parent_sha256, jianwu_build) VALUES ('ziyang-jianwu-2023', ?, 'parent', 'title', 1, '{}', '', '', '')", (child,))
    dst.commit()
    dst.close()
    one = coverage(BASE, db)
    assert "ziyang-jianwu-2023" not in [c.id for c in one.children]
    two = coverage(BASE, db, depth=2)
    grand = [c for c in two.children if c.id == "ziyang-jianwu-2023"]
    assert [(c.relation, c.depth, c.via) for c in grand] == [("grandchild", 2, child)]
    diff = diff_documents(seeds["ziyang-jianwu-2023"], seeds[BASE])
    assert [r.cells["ziyang-jianwu-2023"].status for r in two.rows] == [diff.parent_clause_status(i) for i in range(len(seeds[BASE].clauses))]


def test_csv(seed_db: Path, cov_json: dict) -> None:
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "csv"])
    assert result.exit_code == 0
    table = list(csv.reader(io.StringIO(result.stdout)))
    ids = [c["id"] for c in cov_json["children"]]
    assert table[0] == ["parent_path", "title", "kind", "kept_by", "dropped_by", *(x for i in ids for x in (i, f"{i}:kept"))]
    assert len(table) == len(cov_json["rows"]) + 1
    for line, row in zip(table[1:], cov_json["rows"]):
        assert line[:5] == ["/".join(row["parent_path"]), row["title"], row["kind"], str(row["kept_by"]), str(row["dropped_by"])]
        assert line[5::2] == [row["cells"][i]["status"] for i in ids]
        assert [float(x) for x in line[6::2]] == [row["cells"][i]["kept"] for i in ids]


@pytest.mark.parametrize("width", [40, 80, 132])
def test_terminal_fits_the_width(seed_db: Path, cov_json: dict, width: int) -> None:
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db)], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(l) for l in lines) <= width
    assert lines[0].startswith("coverage of chongqing-j")
    assert any(l.startswith("clauses  = identical  ~ modified") for l in lines)
    ids = [c["id"] for c in cov_json["children"]]
    symbols = {"identical": "=", "modified": "~", "merged": "M", "split": "S", "partial": "p", "moved": "m", "dropped": "·"}
    # One grid line per clause, ending with its cells and kept_by/dropped_by.
    start = next(i for i, l in enumerate(lines) if l.strip() == "".join(str(n) for n in range(1, len(ids) + 1)))
    grid = lines[start + 1 : start + 1 + len(cov_json["rows"])]
    for line, row in zip(grid, cov_json["rows"]):
        cells = "".join(symbols[row["cells"][i]["status"]] for i in ids)
        assert line.endswith(f" {cells} {row['kept_by']}/{row['dropped_by']}"), line


def test_terminal_with_many_columns_splits_into_blocks(seed_db: Path) -> None:
    ids = ["gaoxin-jianwu-2023", "shapingba-jianwu-2023", "ziyang-jianwu-2023", "yongchuan-jieneng-2023"]
    args = ["coverage", BASE, "--db", str(seed_db)] + [x for i in ids for x in ("--child", i)]
    result = runner.invoke(app, args, env={"COLUMNS": "27"})
    assert result.exit_code == 0, result.stderr
    assert max(cell_len(l) for l in result.stdout.splitlines()) <= 27
    assert "columns 1–2" in result.stdout and "columns 3–4" in result.stdout


# ---------------------------------------------------------------- HTML


class Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])  # type: ignore[arg-type]
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])  # type: ignore[arg-type]
        if tag in ("script", "link", "img") or (a.get("src")):
            self.external.append(tag)


def anchors(path: Path) -> Anchors:
    parser = Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def test_html_cells_link_to_clause_pairs(seed_db: Path, tmp_path: Path, cov_json: dict) -> None:
    out = tmp_path / "cov"
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"{out / 'index.html'}\n"
    ids = [c["id"] for c in cov_json["children"]]
    assert sorted(p.name for p in (out / "pairs").iterdir()) == sorted(f"{i}.html" for i in ids)
    page = anchors(out / "index.html")
    assert page.external == []
    cell_links = [h for h in page.hrefs if "#" in h]
    assert len(cell_links) == len(ids) * len(cov_json["rows"])
    pages = {i: anchors(out / "pairs" / f"{i}.html").ids for i in ids}
    for href in cell_links:
        file, anchor = href.split("#")
        child = unquote(file).removeprefix("pairs/").removesuffix(".html")
        assert unquote(anchor) in pages[child], href


def test_html_in_headless_chromium(seed_db: Path, tmp_path: Path, cov_json: dict) -> None:
    if CHROMIUM is None:
        pytest.skip("no chromium binary on PATH (install chromium to run the browser test; CI does)")
    out = tmp_path / "cov"
    assert runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "html", "-o", str(out)]).exit_code == 0
    proc = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", (out / "index.html").resolve().as_uri()],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = proc.stdout
    # The browser built one matrix row per clause, each with one linked cell per child.
    matrix = dom[dom.index('<table class="matrix">') : dom.index("</table>", dom.index('<table class="matrix">'))]
    assert len(re.findall(r'<tr id="row-\d+">', matrix)) == len(cov_json["rows"])
    assert len(re.findall(r'<td class="cell (identical|modified|merged|split|partial|moved|dropped|other)"', matrix)) == len(cov_json["rows"]) * len(cov_json["children"])
    assert "<title>coverage of 重庆市减污降碳协同增效实施方案</title>" in dom
    assert "森林覆盖率" in dom and "发展改革委" in dom


@pytest.mark.parametrize(
    "title, region, family",
    [
        ("重庆市人民政府办公厅关于推动城乡建设绿色发展的实施意见", "重庆市", "推动城乡建设绿色发展"),
        ("关于推动城乡建设绿色发展的实施意见", "云南省", "推动城乡建设绿色发展"),
        ("湖南省人民政府办公厅关于科学绿化的实施意见", "湖南省", "科学绿化"),
        ("重庆高新区减污降碳协同增效实施方案", "重庆高新区", "减污降碳协同增效"),
        ("资阳市减污降碳协同增效实施方案", "资阳市", "减污降碳协同增效"),
        ("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", None, "加快建立健全绿色低碳循环发展经济体系"),
        (None, "资阳市", None),
    ],
)
def test_family_key(title: str | None, region: str | None, family: str | None) -> None:
    from jianwu.corpus.coverage import family_key

    assert family_key(title, region) == family


def test_siblings_of_a_family_whose_parent_is_absent(tmp_path: Path, seeds: dict) -> None:
    # Two city plans of one family, their provincial parent absent: each is the other's sibling.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (RAW / "ziyang-jianwu-2023.txt").read_text(encoding="utf-8")
    (corpus / "ziyang.txt").write_text(text, encoding="utf-8")
    lines = text.split("\n")
    other = [l.replace("资阳", "眉山") for l in lines if "（三）" not in l]  # renamed, one clause dropped
    (corpus / "meishan.txt").write_text("\n".join(other), encoding="utf-8")
    result = runner.invoke(app, ["coverage", str(corpus / "ziyang.txt"), "--corpus", str(corpus), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["columns"], [(c["id"], c["relation"], c["level"]) for c in data["children"]]) == ("siblings", [("meishan", "sibling", "city")])
    statuses = [r["cells"]["meishan"]["status"] for r in data["rows"]]
    assert statuses.count("dropped") >= 1 and statuses.count("identical") > len(statuses) // 2


def test_output_file(seed_db: Path, tmp_path: Path, cov_json: dict) -> None:
    target = tmp_path / "out" / "coverage.json"
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "json", "-o", str(target)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8")) == cov_json
    raw = tmp_path / "data" / "raw" / "coverage.csv"
    result = runner.invoke(app, ["coverage", BASE, "--db", str(seed_db), "--format", "csv", "-o", str(raw)])
    assert (result.exit_code, result.stderr) == (2, f"jianwu: {raw}: refusing to write into the raw corpus (data/raw)\n")
