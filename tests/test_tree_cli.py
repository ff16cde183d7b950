"""`jianwu tree`: the family tree of a corpus, terminal and JSON (exit code, stdout, stderr)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jianwu.cli import app

from conftest import RAW, SEED_CORPUS

runner = CliRunner()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("jianwu.data").joinpath("tree.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def shape(node: dict) -> tuple:  # type: ignore[type-arg]
    """(id or the absent citation, link, children) of a node, recursively."""
    if node["absent"]:
        return ("absent", node["cites"], [shape(c) for c in node["children"]])
    link = node["link"]
    how = (link["relation"], link["found_by"]) if link else ("top",) if node["top"] else ("cites", node["cites"])
    return (node["id"], how, [shape(c) for c in node["children"]])


def test_seed_tree_json(validator: jsonschema.Draft202012Validator) -> None:
    result = runner.invoke(app, ["tree", str(SEED_CORPUS), "--format", "json"])  # the seeds alone
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    validator.validate(data)
    assert (data["documents"], data["links"]) == (5, 2)
    assert [shape(r) for r in data["roots"]] == [
        ("chongqing-jianwu-2023", ("cites", "《减污降碳协同增效实施方案》（环综合〔2022〕42号）"), [
            ("gaoxin-jianwu-2023", ("parent", "title"), []),
            ("shapingba-jianwu-2023", ("parent", "title"), []),
        ]),
        ("ziyang-jianwu-2023", ("cites", "《四川省减污降碳协同增效行动方案》"), []),
        ("yongchuan-jieneng-2023", ("cites", "《重庆市“十四五”节能减排综合工作实施方案》（渝府发〔2022〕39号）"), []),
    ]


def test_seed_tree_terminal() -> None:
    result = runner.invoke(app, ["tree", str(SEED_CORPUS)])
    assert (result.exit_code, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == str(SEED_CORPUS)
    assert lines[1] == "├── 重庆市减污降碳协同增效实施方案  chongqing-jianwu-2023 · 重庆市 · municipality"
    assert lines[2] == "│   parent not in the corpus: it cites 《减污降碳协同增效实施方案》（环综合〔2022〕42号）"
    assert lines[3] == "│   ├── 重庆高新区减污降碳协同增效实施方案  gaoxin-jianwu-2023 · 重庆高新区 · zone"
    assert lines[4] == "│   │   ← by title, confidence 1.00, 51% of its text shared"


def test_siblings_hang_under_the_absent_parent_they_cite(tmp_path: Path) -> None:
    for name in ("shapingba-jianwu-2023", "gaoxin-jianwu-2023"):
        (tmp_path / f"{name}.txt").write_bytes((RAW / f"{name}.txt").read_bytes())
    result = runner.invoke(app, ["tree", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["links"] == 0
    assert [shape(r) for r in data["roots"]] == [
        ("absent", "《重庆市减污降碳协同增效实施方案》（渝环〔2023〕71号）", [
            ("gaoxin-jianwu-2023", ("cites", "《重庆市减污降碳协同增效实施方案》（渝环〔202371号）"), []),
            ("shapingba-jianwu-2023", ("cites", "《重庆市减污降碳协同增效实施方案》（渝环〔2023〕71号）"), []),
        ]),
    ]


def test_output_file_and_bad_input(tmp_path: Path) -> None:
    target = tmp_path / "tree.json"
    result = runner.invoke(app, ["tree", str(SEED_CORPUS), "-f", "json", "-o", str(target)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert json.loads(target.read_text("utf-8"))["links"] == 2
    missing = tmp_path / "nowhere"
    result = runner.invoke(app, ["tree", str(missing)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"jianwu: {missing}: no such directory\n"


def test_a_document_that_is_not_a_plan_is_reported_and_the_rest_still_shown(tmp_path: Path) -> None:
    (tmp_path / "shapingba.txt").write_bytes((RAW / "shapingba-jianwu-2023.txt").read_bytes())
    (tmp_path / "news.txt").write_text("省委办公厅印发实施意见\n日前，省委办公厅印发了实施意见。\n", encoding="utf-8")
    result = runner.invoke(app, ["tree", str(tmp_path), "-f", "json"])
    assert result.exit_code == 2
    assert result.stderr == f"jianwu: {tmp_path / 'news.txt'}: no numbered clauses found (is this a plan?)\n"
    assert json.loads(result.stdout)["documents"] == 1
