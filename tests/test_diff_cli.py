"""`jianwu diff`: every format, parent finding, the corpus run, exit codes; stdout and stderr apart."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jianwu.cli import app

from conftest import RAW, ROOT, SEED_CORPUS

runner = CliRunner()
SHAPINGBA = "data/raw/shapingba-jianwu-2023.txt"
GAOXIN = "data/raw/gaoxin-jianwu-2023.txt"
CHONGQING = "data/raw/chongqing-jianwu-2023.txt"


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the repository root, so paths in the output are the relative ones a user types."""
    monkeypatch.chdir(ROOT)


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("jianwu.data").joinpath("diff.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def ok(*args: str) -> str:
    result = runner.invoke(app, ["diff", *args], env={"COLUMNS": "200"})  # terminal output: no wrapping
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


# ---- JSON


@pytest.mark.parametrize("child", ["shapingba", "gaoxin"])
def test_json_matches_golden_and_schema(golden, validator: jsonschema.Draft202012Validator, child: str) -> None:
    text = ok(f"data/raw/{child}-jianwu-2023.txt", "--format", "json")
    data = json.loads(text)
    validator.validate(data)
    assert (data["schema_version"], data["parent"]["id"], data["parent_found_by"]) == ("1.0", "chongqing-jianwu-2023", "title")
    golden(f"diff/{child}-chongqing.json", text)


def test_json_shape(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(ok(SHAPINGBA, CHONGQING, "--format", "json"))
    assert data["parent_found_by"] == "given"
    merged = [(a["child_path"], a["parent_path"]) for a in data["alignments"] if a["status"] == "merged"]
    assert merged == [(["14."], ["五、", "（十六）"]), (["14."], ["五、", "（十七）"])]
    dropped = [a["parent_path"] for a in data["alignments"] if a["status"] == "dropped" and a["kind"] == "clause"]
    assert dropped == [["六、", "（二十一）"]]
    eleven = next(a for a in data["alignments"] if a["child_path"] == ["11."])
    assert {"op": "delete", "parent": "长江、", "child": ""}.items() <= eleven["edits"][0].items()
    assert [w["code"] for w in data["warnings"]] == ["duplicate_in_child", "duplicate_in_child", "title_body_mismatch", "title_body_mismatch"]
    # a broken document fails the schema (the test can fail)
    data["alignments"][0]["status"] = "renamed"
    assert not validator.is_valid(data)


def test_json_is_deterministic() -> None:
    assert ok(GAOXIN, "--format", "json") == ok(GAOXIN, "--format", "json")


def test_json_only_filters_alignments(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(ok(GAOXIN, "--format", "json", "--only", "dropped"))
    validator.validate(data)
    assert [a["parent_path"][-1] for a in data["alignments"]] == ["（十）", "（十七）", "（二十）", "（二十一）", "（二十四）", "（二十五）"]


# ---- finding the parent


def test_parent_missing_names_what_is_cited() -> None:
    result = runner.invoke(app, ["diff", "data/raw/ziyang-jianwu-2023.txt"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "jianwu: data/raw/ziyang-jianwu-2023.txt: parent plan not found in data/raw: it cites 《四川省减污降碳协同增效行动方案》\n"


def test_a_title_inside_another_title_is_not_a_match() -> None:
    # the municipal plan cites the national 《减污降碳协同增效实施方案》: the tail of its own title, and of Gaoxin's
    result = runner.invoke(app, ["diff", CHONGQING])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "jianwu: data/raw/chongqing-jianwu-2023.txt: parent plan not found in data/raw: "
        "it cites 《减污降碳协同增效实施方案》（环综合〔2022〕42号）\n"
    )


def test_parent_found_by_garbled_doc_number(tmp_path: Path) -> None:
    # the municipal plan with its 文号 under the red head; Gaoxin cites it as 渝环〔202371号
    raw = (RAW / "chongqing-jianwu-2023.txt").read_bytes().decode("utf-8").split("\n")
    (tmp_path / "municipal.txt").write_text("\n".join(raw[:1] + ["渝环〔2023〕71号"] + raw[1:]), encoding="utf-8")
    (tmp_path / "gaoxin.txt").write_bytes((RAW / "gaoxin-jianwu-2023.txt").read_bytes())
    data = json.loads(ok(str(tmp_path / "gaoxin.txt"), "--format", "json"))
    assert (data["parent"]["id"], data["parent"]["doc_number"], data["parent_found_by"]) == ("municipal", "渝环〔2023〕71号", "doc_number")


def test_corpus_option(tmp_path: Path) -> None:
    (tmp_path / "child.txt").write_bytes((RAW / "shapingba-jianwu-2023.txt").read_bytes())
    result = runner.invoke(app, ["diff", str(tmp_path / "child.txt"), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"jianwu: {tmp_path / 'child.txt'}: parent plan not found in {tmp_path}: it cites 《重庆市减污降碳协同增效实施方案》")
    data = json.loads(ok(str(tmp_path / "child.txt"), "--corpus", str(SEED_CORPUS), "--format", "json"))
    assert data["parent"]["id"] == "chongqing-jianwu-2023"


# ---- the corpus run


def test_no_argument_compares_the_corpus(validator: jsonschema.Draft202012Validator) -> None:
    data = json.loads(ok("--format", "json"))
    validator.validate(data)
    # data/raw/corpus's PDFs take part: the provinces' 实施意见 find the national 指导意见 by its
    # 文号 国发〔2021〕4号, Handan finds Hebei's 冀政字〔2021〕22号 (its grandparent is not its parent),
    # Dalian's poor OCR (the 文号 garbled) finds the national plan all the same
    provinces = ["dalian", "guangdong", "guangxi", "hainan"]
    assert [(p["child"]["id"], p["parent"]["id"]) for p in data["pairs"]] == [
        *((f"{p}-lvse", "national-lvse") for p in provinces),
        ("handan-lvse", "hebei-lvse"),
        *((f"{p}-lvse", "national-lvse") for p in ("hebei", "henan", "hubei", "jiangsu", "jilin", "ningxia")),
        ("gaoxin-jianwu-2023", "chongqing-jianwu-2023"),
        ("shapingba-jianwu-2023", "chongqing-jianwu-2023"),
    ]
    missing = {m["child"]["id"]: m["cites"] for m in data["missing"]}
    assert {k: v for k, v in missing.items() if k.endswith("-2023")} == {
        "chongqing-jianwu-2023": "《减污降碳协同增效实施方案》（环综合〔2022〕42号）",
        "yongchuan-jieneng-2023": "《重庆市“十四五”节能减排综合工作实施方案》（渝府发〔2022〕39号）",
        "ziyang-jianwu-2023": "《四川省减污降碳协同增效行动方案》",
    }
    # families 2 and 3: the parents (中办发〔2021〕37号, 国办发〔2021〕19号) are not in the corpus
    assert missing["sichuan-lvhua"] == "《国务院办公厅关于科学绿化的指导意见》（国办发〔2021〕19号）"
    assert "national-lvse" not in missing
    seeds = [(p["child"]["id"], p["parent"]["id"], p["relation"], p["parent_found_by"], p["confidence"]) for p in data["pairs"][-2:]]
    assert seeds == [
        ("gaoxin-jianwu-2023", "chongqing-jianwu-2023", "parent", "title", 1.0),
        ("shapingba-jianwu-2023", "chongqing-jianwu-2023", "parent", "title", 1.0),
    ]
    assert data["pairs"][-1]["evidence"]["citation"] == "《重庆市减污降碳协同增效实施方案》（渝环〔2023〕71号）"
    assert [t["id"] for t in data["top"]] == ["national-lvse"]  # the top of family 1: cites no plan
    single = json.loads(ok(SHAPINGBA, "--format", "json"))
    assert data["pairs"][-1]["summary"] == single["summary"]


def test_no_argument_terminal_and_markdown() -> None:
    text = ok("--corpus", str(SEED_CORPUS))
    assert "Child plans against their parents" in text and "Parent not in the corpus" in text
    assert "shapingba-jianwu-2023" in text and "《四川省减污降碳协同增效行动方案》" in text
    md = ok("--corpus", str(SEED_CORPUS), "--format", "markdown")
    assert "| gaoxin-jianwu-2023 | chongqing-jianwu-2023 | 0 | 22 | 6 | 0 |" in md
    assert "| ziyang-jianwu-2023 | 《四川省减污降碳协同增效行动方案》 |" in md


# ---- terminal


def test_terminal_summary_and_sections() -> None:
    text = ok(SHAPINGBA)
    assert "jianwu diff" in text and "parent clauses      28: kept 1 · modified 26 · dropped 1" in text
    assert "merged 0.56 [text]  五、/（十六） 深化环评与碳评管理统筹  →  14. 深化环评与碳评管理统筹" in text
    assert "merged 0.72 [containment]  五、/（十七） 深入推进排污许可与碳排放协同管理  →  14. 深化环评与碳评管理统筹" in text
    assert "⚠ title_body_mismatch: title is that of 五、/（十七） but the body is that of 五、/（二十）" in text
    assert "Targets" in text and "Departments" in text


def test_terminal_only_and_side_by_side() -> None:
    dropped = ok(SHAPINGBA, "--only", "dropped")
    sections = [line for line in dropped.splitlines() if re.match(r"^(identical|modified|merged|split|moved|dropped|added) ", line)]
    assert sections and all(line.startswith("dropped ") for line in sections)
    assert any("六、/（二十一） 完善减污降碳法规标准" in line for line in sections)
    added = ok(SHAPINGBA, "--only", "added")
    assert [line for line in added.splitlines() if re.match(r"^added ", line)] == ["added  —  →  主要任务："]
    wide = ok(GAOXIN, "--only", "changed", "--side-by-side")
    assert "parent chongqing-jianwu-2023" in wide and "child gaoxin-jianwu-2023" in wide
    assert "identical" not in [line.split(" ")[0] for line in wide.splitlines()]


def test_changes_are_marked_in_text_without_colour(tmp_path: Path) -> None:
    """Piped or written to a file, deletions and insertions stay visible: [-市水利局-]{+区农业农村委+}.

    Level-only edits (全市 -> 全区, 市发展改革委 -> 区发展改革委) are shown as equal, so the real ones stand out."""
    piped = ok(SHAPINGBA, "--only", "changed")
    assert "到2025年，全区减污降碳协同推进工作格局基本形成[-，-]绿色低碳发展" in piped
    assert "区发展改革委、区经济信息委、区生态环境局、[-市水利局-]{+区农业农村委+}、区市场监管局" in piped
    assert "[-市-]{+区+}" not in piped
    side = ok(SHAPINGBA, "--only", "changed", "--side-by-side")
    assert "[-" in side and "{+" in side and "[-市-]" not in side


def test_terminal_to_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["diff", SHAPINGBA, "-o", str(tmp_path / "report.txt")])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    text = (tmp_path / "report.txt").read_text("utf-8")
    assert "\x1b[" not in text and "parent clauses" in text


# ---- markdown and html


def test_markdown() -> None:
    md = ok(SHAPINGBA, "--format", "markdown")
    assert md.startswith("# 沙坪坝区减污降碳协同增效任务分工 ⟸ 重庆市减污降碳协同增效实施方案\n")
    assert [line for line in md.splitlines() if line.startswith("## ")] == ["## Summary", "## Clauses", "## Targets", "## Departments"]
    assert "加强<del>长江、</del>嘉陵江<del>、乌江</del>干流重庆段" in md
    assert "| mapped | 发展改革委 | 市发展改革委 | 区发展改革委 |" in md
    assert "| same | 装配式建筑占新建建筑比例 | 三、/（九） 推进城乡建设绿色低碳发展 | 7. 推进城乡建设绿色低碳发展 | 30% → 30% |" in md
    side = ok(SHAPINGBA, "--format", "markdown", "--side-by-side", "--only", "changed")
    assert "| parent chongqing-jianwu-2023 | child shapingba-jianwu-2023 |" in side


def test_markdown_escapes_document_text() -> None:
    from jianwu.render.diff_markdown import escape

    assert escape("a|b*c_<script>&\n") == "a\\|b\\*c\\_&lt;script&gt;&amp;<br>"


def injected(tmp_path: Path) -> Path:
    """Gaoxin with markup planted in a clause (what a scraped page might carry)."""
    text = (RAW / "gaoxin-jianwu-2023.txt").read_text("utf-8").replace("强化医疗废物管理和安全处置。", "强化医疗废物<script>alert(1)</script>管理 & <b>安全</b>处置。")
    path = tmp_path / "gaoxin-injected.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_html_is_one_self_contained_escaped_page(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["diff", str(injected(tmp_path)), CHONGQING, "--format", "html", "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    page = out.read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    # Self-contained: no external resource; the one script is the page's own, inline; links stay in the page.
    assert not re.search(r"<link|<img|src=|url\(|@import|https?://|<script[^>]", page, re.I)
    assert page.count("<script>") == 1 and all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', page))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;安全&lt;/b&gt;" in page
    assert '<h2 id="targets">Targets</h2>' in page and '<h2 id="departments">Departments</h2>' in page
    assert "<del>长江、嘉陵江、乌江干流重庆段</del>" in page


def test_html_to_stdout() -> None:
    assert ok(GAOXIN, "--format", "html").startswith("<!DOCTYPE html>")


# ---- errors


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such.txt"], "jianwu: no/such.txt: no such file or directory\n"),
        ([SHAPINGBA, "no/such.txt"], "jianwu: no/such.txt: no such file or directory\n"),
        ([SHAPINGBA, CHONGQING, "--corpus", "data/raw"], "jianwu: --corpus is used to find the parent; give either PARENT or --corpus\n"),
        ([SHAPINGBA, "-o", "data/raw/report.txt"], "jianwu: data/raw/report.txt: refusing to write into the raw corpus (data/raw)\n"),
        (["--corpus", "no/such/dir"], "jianwu: no/such/dir: corpus is not a directory (give --corpus DIR, or run from the repository root)\n"),
        ([SHAPINGBA, "--corpus", "no/such/dir"], "jianwu: no/such/dir: corpus is not a directory (give --corpus DIR)\n"),
    ],
)
def test_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["diff", *args])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message)
    assert not (RAW / "report.txt").exists()


def test_bad_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["diff", SHAPINGBA, "--format", "pdf"])
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize(
    ("parent_title", "child_title", "example"),
    [
        ("国务院关于印发2030年前碳达峰行动方案的通知\n国务院\n2021年10月24日", "河北省碳达峰实施方案", "全国→全省, 国家X→省X"),
        ("浙江省节能减排综合工作实施方案", "湖州市节能减排综合工作实施方案", "全省→全市, 省X→市X"),
        ("广西壮族自治区碳达峰实施方案", "南宁市碳达峰实施方案", "全区→全市, 区X→市X"),
        ("重庆市减污降碳协同增效实施方案", "重庆市大足区减污降碳协同增效实施方案", "全市→全区, 市X→区X"),
        ("鄂尔多斯市碳达峰实施方案", "达拉特旗碳达峰实施方案", "全市→全旗, 市X→旗X"),
    ],
)
def test_level_only_example_names_the_pairs_levels(parent_title: str, child_title: str, example: str) -> None:
    """The summary's level-only example is this pair's: a province under the nation writes 全省 for 全国."""
    from jianwu import parse_document
    from jianwu.diffmodel import level_example

    def plan(title: str) -> object:
        return parse_document(f"{title}\n一、主要目标\n到2025年，推进各项工作。\n", doc_id=title)

    assert level_example(plan(parent_title), plan(child_title)) == example  # type: ignore[arg-type]
