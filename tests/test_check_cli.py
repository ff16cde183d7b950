"""`jianwu check` on the command line: formats, exit codes, configuration, silencing, git, stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from jianwu.check import CheckConfig, Finding, check_paths
from jianwu.cli import app
from jianwu.render.check_github import escape_data, escape_property, github_line

from conftest import RAW, ROOT, SEED_PATHS

runner = CliRunner()
GAOXIN = "data/raw/gaoxin-jianwu-2023.txt"
YONGCHUAN = "data/raw/yongchuan-jieneng-2023.txt"
CLEAN_PLAN = "某区减污降碳协同增效实施方案\n2023年8月18日\n一、重点任务\n（一）加强管控。推进工作。（区生态环境局负责）\n（二）优化布局。推进工作。（区发展改革委负责）\n"


def run(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real entry point (python -m jianwu), stdout and stderr apart."""
    return subprocess.run([sys.executable, "-m", "jianwu", *args], cwd=cwd, input=stdin, capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def no_config(tmp_path: Path) -> str:
    """A pyproject.toml without [tool.jianwu.check]: every rule at its default severity."""
    path = tmp_path / "empty" / "pyproject.toml"
    path.parent.mkdir()
    path.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    return str(path)


def write_config(tmp_path: Path, body: str) -> str:
    path = tmp_path / "cfg" / "pyproject.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text("[tool.jianwu.check]\n" + body, encoding="utf-8")
    return str(path)


# ---------------------------------------------------------------- formats


def test_text_groups_findings_by_file(no_config: str) -> None:
    result = run("check", "--config", no_config)  # default: data/raw/
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    headers = [line for line in lines if line.startswith("data/raw/") and "/corpus/" not in line]
    assert headers == [GAOXIN, "data/raw/shapingba-jianwu-2023.txt", YONGCHUAN, "data/raw/ziyang-jianwu-2023.txt"]
    # the PDFs of data/raw/corpus/ are checked too, with their pages (README.md is not a document)
    assert "data/raw/corpus/dalian-lvse.pdf" in lines and "data/raw/corpus/README.md" not in lines
    assert "  p1 1:1       info    JW013 not-a-plan  a news report about 《关于推动城乡建设绿色发展的实施意见》, not a plan: " \
           "no clauses, departments or targets are read from it; give jianwu the plan itself" in lines
    gaoxin = lines[lines.index(GAOXIN) + 1: lines.index(GAOXIN) + 9]
    assert gaoxin[0] == "  10:61    error   JW011 unbalanced-bracket  〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉"
    assert gaoxin[5] == "  45:129   error   JW011 unbalanced-bracket  the responsibility note （改革发展局、生态环…局按职责分工负责 is never closed; add ） at its end"
    assert lines[-1].startswith("26 files checked: 23 errors, ")
    assert lines[-1].endswith(" info; failing on error and above")


def test_json_is_versioned_documented_and_matches_the_library(no_config: str) -> None:
    result = run("check", *SEED_PATHS, "--format", "json", "--config", no_config)
    assert (result.returncode, result.stderr) == (1, "")
    data = json.loads(result.stdout)
    schema = json.loads(resources.files("jianwu.data").joinpath("check.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    library = check_paths(SEED_PATHS if Path.cwd() == ROOT else [ROOT / p for p in SEED_PATHS], CheckConfig(root=ROOT))
    assert len(data["findings"]) == len(library.findings)
    assert (data["schema_version"], data["fail_on"], data["failed"], data["summary"]["error"]) == ("1.0", "error", True, 8)
    assert data["files"] == [f"data/raw/{i}.txt" for i in ("chongqing-jianwu-2023", "gaoxin-jianwu-2023", "shapingba-jianwu-2023", "yongchuan-jieneng-2023", "ziyang-jianwu-2023")]
    assert data["findings"][0] == {
        "rule": "JW011", "name": "unbalanced-bracket", "severity": "error", "file": GAOXIN, "line": 10, "column": 61,
        "message": "〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉"}
    keys = [(f["file"], f["line"], f["column"], f["rule"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert run("check", *SEED_PATHS, "--format", "json", "--config", no_config).stdout == result.stdout  # deterministic


def test_github_workflow_commands(no_config: str) -> None:
    result = run("check", GAOXIN, YONGCHUAN, "--format", "github", "--config", no_config)
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert len(lines) == 10  # 8 errors and the weakened target of Gaoxin, 1 warning of Yongchuan
    assert lines[0] == f"::error file={GAOXIN},line=10,col=61,title=JW011 unbalanced-bracket::〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉"
    assert lines[1] == f"::error file={GAOXIN},line=10,col=68,title=JW020 malformed-doc-number::malformed 文号 渝环〔202371号: the closing year bracket is lost; write 渝环〔2023〕71号"
    assert lines[-1] == f"::warning file={YONGCHUAN},line=12,col=1,title=JW022 conversion-artefact::Word bookmark “[bookmark: _GoBack]” left by a conversion; delete it"


def test_github_escaping() -> None:
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    finding = Finding("JW021", "latin-in-prose", "info", "50% of “a,b”\nfix", "dir,x/a:b.txt", 3, 7)
    assert github_line(finding) == "::notice file=dir%2Cx/a%3Ab.txt,line=3,col=7,title=JW021 latin-in-prose::50%25 of “a,b”%0Afix"


def test_sarif(no_config: str) -> None:
    result = run("check", GAOXIN, "--format", "sarif", "--config", no_config)
    assert (result.returncode, result.stderr) == (1, "")
    sarif = json.loads(result.stdout)
    assert (sarif["version"], sarif["$schema"]) == ("2.1.0", "https://json.schemastore.org/sarif-2.1.0.json")
    (sarif_run,) = sarif["runs"]
    rules = sarif_run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:3] == ["JW001", "JW002", "JW003"]
    assert rules[0]["name"] == "numbering-gap" and rules[0]["help"]["text"] and rules[0]["defaultConfiguration"] == {"level": "error"}
    assert sarif_run["columnKind"] == "unicodeCodePoints"
    results = sarif_run["results"]
    assert len(results) == 9
    assert results[0] == {
        "ruleId": "JW011", "ruleIndex": [r["id"] for r in rules].index("JW011"), "level": "error",
        "message": {"text": "〉 has no matching 〈 in this paragraph; add the 〈 or remove the 〉"},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": GAOXIN}, "region": {"startLine": 10, "startColumn": 61}}}],
    }
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)


# ---------------------------------------------------------------- exit status


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
@pytest.mark.parametrize(("path", "fail_on", "code"), [
    (YONGCHUAN, None, 0),  # one warning: below the default error threshold
    (YONGCHUAN, "warning", 1),
    (YONGCHUAN, "error", 0),
    (GAOXIN, "error", 1),
    ("data/raw/chongqing-jianwu-2023.txt", "info", 0),  # nothing at all
    ("data/raw/ziyang-jianwu-2023.txt", "info", 1),  # split words are info
])
def test_exit_status_is_the_same_for_every_format(no_config: str, fmt: str, path: str, fail_on: str | None, code: int) -> None:
    args = ["check", path, "--format", fmt, "--config", no_config] + (["--fail-on", fail_on] if fail_on else [])
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stderr) == (code, "")


def test_unreadable_input_exits_2_and_still_reports_the_rest(tmp_path: Path, no_config: str) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    result = run("check", YONGCHUAN, str(tmp_path / "missing.txt"), str(empty), "--format", "json", "--config", no_config)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"jianwu: {tmp_path / 'missing.txt'}: no such file or directory", f"jianwu: {empty}: empty file"]
    data = json.loads(result.stdout)
    assert (data["files"], data["failed"], len(data["unreadable"])) == ([YONGCHUAN], True, 2)


def test_a_document_without_numbered_clauses_is_a_finding_not_a_crash(tmp_path: Path, no_config: str) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("会议纪要\n\n请各单位抓好落实。\n", encoding="utf-8")
    result = run("check", str(path), "--format", "github", "--config", no_config)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == f"::error file={path},line=1,col=1,title=JW010 no-numbered-clauses::no numbered clauses (一、 （一） 1.) found; check the conversion kept the clause numbers\n"


@pytest.mark.parametrize(("args", "stderr"), [
    (["--fail-on", "fatal"], "Invalid value for '--fail-on'"),
    (["--format", "xml"], "Invalid value for '--format'"),
])
def test_usage_errors_exit_2(args: list[str], stderr: str) -> None:
    result = run("check", YONGCHUAN, *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert stderr in result.stderr


# ---------------------------------------------------------------- configuration


@pytest.mark.parametrize(("body", "code", "rules"), [
    ("", 0, ["JW022"]),
    ('disable = ["conversion-artefact"]\n', 0, []),
    ('enable = ["JW001", "JW011"]\n', 0, []),
    ('severity = { JW022 = "error" }\n', 1, ["JW022"]),
    ('fail-on = "warning"\n', 1, ["JW022"]),
    ('ignore-paths = ["data/raw/yongchuan-*"]\n', 0, None),
    ('[tool.jianwu.check.per-file-ignores]\n"data/raw/yongchuan-jieneng-2023.txt" = ["JW022"]\n', 0, []),
])
def test_pyproject_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, code: int, rules: list[str] | None) -> None:
    config = write_config(tmp_path, body)
    # the globs are relative to the pyproject.toml: put it at the repository root's place
    root_config = Path(config).parent / "data" / "raw"
    root_config.mkdir(parents=True)
    (root_config / "yongchuan-jieneng-2023.txt").write_bytes((ROOT / YONGCHUAN).read_bytes())
    monkeypatch.chdir(Path(config).parent)  # found from the current directory, no --config
    result = runner.invoke(app, ["check", "data/raw", "--format", "json"])
    assert (result.exit_code, result.stderr) == (code, "")
    data = json.loads(result.stdout)
    if rules is None:
        assert data["files"] == []
    else:
        assert [f["rule"] for f in data["findings"]] == rules


@pytest.mark.parametrize(("body", "message"), [
    ('colour = "red"\n', "[tool.jianwu.check] unknown key 'colour'"),
    ('disable = ["JW999"]\n', "[tool.jianwu.check] disable: unknown rule 'JW999'"),
    ('severity = { JW022 = "fatal" }\n', "[tool.jianwu.check] severity.JW022: 'fatal' is not one of error, warning, info"),
    ("disable = [\n", "not valid TOML"),
])
def test_bad_configuration_exits_2_with_one_line(tmp_path: Path, body: str, message: str) -> None:
    config = write_config(tmp_path, body)
    result = runner.invoke(app, ["check", str(ROOT / YONGCHUAN), "--config", config])
    assert (result.exit_code, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr and config in result.stderr


def test_a_found_pyproject_that_does_not_name_jianwu_is_not_read_as_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another project's pyproject.toml, not even valid TOML: it cannot configure jianwu, so the
    # defaults apply (given with --config, it is read and refused).
    (tmp_path / "pyproject.toml").write_text("[project\nname = 'other'\n", encoding="utf-8")
    (tmp_path / "plan.txt").write_bytes((ROOT / YONGCHUAN).read_bytes())
    monkeypatch.chdir(tmp_path)
    found = runner.invoke(app, ["check", "plan.txt", "--format", "json"])
    assert (found.exit_code, found.stderr) == (0, "")
    assert [f["rule"] for f in json.loads(found.stdout)["findings"]] == ["JW022"]
    given = runner.invoke(app, ["check", "plan.txt", "--config", "pyproject.toml"])
    assert (given.exit_code, given.stdout) == (2, "")
    assert "pyproject.toml: not valid TOML" in given.stderr


def test_inline_marker_silences_one_finding(tmp_path: Path, no_config: str) -> None:
    text = CLEAN_PLAN.replace("（区生态环境局负责）", "（区生态环境局负责") + "（三）强化监管。**推进**工作。（区农业农村委负责  jianwu: ignore JW011\n"
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", str(path), "--format", "json", "--config", no_config])
    data = json.loads(result.stdout)
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("JW011", 4), ("JW022", 6)]
    assert data["summary"]["silenced"] == 1
    from jianwu import parse_document

    assert "jianwu" not in parse_document(path).text  # the marker never reaches the parsed text


# ---------------------------------------------------------------- which files


def _git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_changed_since_checks_only_added_and_modified_documents(tmp_path: Path, no_config: str) -> None:
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    for name in ("a.txt", "b.txt", "gone.txt"):
        (raw / name).write_text(CLEAN_PLAN, encoding="utf-8")
    (tmp_path / "notes.md").write_text(CLEAN_PLAN, encoding="utf-8")  # outside the checked directory
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "base")
    (raw / "b.txt").write_text(CLEAN_PLAN + "（三）强化监管。推进工作。（区农业农村委负责\n", encoding="utf-8")
    (raw / "c.txt").write_text(CLEAN_PLAN, encoding="utf-8")
    (raw / "gone.txt").unlink()
    (tmp_path / "notes.md").write_text(CLEAN_PLAN + "\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "change")
    result = run("check", "--changed-since", "HEAD~1", "--format", "json", "--config", no_config, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    data = json.loads(result.stdout)
    assert data["files"] == ["data/raw/b.txt", "data/raw/c.txt"]
    assert [(f["file"], f["rule"]) for f in data["findings"]] == [("data/raw/b.txt", "JW011")]
    nothing = run("check", "--changed-since", "HEAD", "--format", "json", "--config", no_config, cwd=tmp_path)
    assert (nothing.returncode, json.loads(nothing.stdout)["files"]) == (0, [])


@pytest.mark.parametrize(("ref", "repo"), [("no-such-ref", True), ("HEAD", False)])
def test_changed_since_git_errors_exit_2(tmp_path: Path, no_config: str, ref: str, repo: bool) -> None:
    (tmp_path / "data" / "raw").mkdir(parents=True)
    if repo:
        _git(tmp_path, "init", "-q")
    result = run("check", "--changed-since", ref, "--config", no_config, cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("jianwu: git ")


def test_paths_from_stdin(no_config: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "-", "--format", "json", "--config", no_config], input=f"{YONGCHUAN}\n\n{GAOXIN}\n")
    assert (result.exit_code, result.stderr) == (1, "")
    assert json.loads(result.stdout)["files"] == [YONGCHUAN, GAOXIN]


def test_repository_corpus_config_keeps_ci_green_and_still_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    """This repository's pyproject.toml lists the raw corpus's known defects per file (the
    documents are never edited): `jianwu check data/raw` passes, as .ci/run requires."""
    config = ROOT / "pyproject.toml"
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "data/raw", "--format", "json", "--config", str(config)])
    assert (result.exit_code, result.stderr) == (0, "")
    data = json.loads(result.stdout)
    assert (data["failed"], data["summary"]["error"], data["summary"]["silenced"]) == (False, 0, 23)
    assert ("data/raw/gaoxin-jianwu-2023.txt", "JW041") in {(f["file"], f["rule"]) for f in data["findings"]}
    # a new defect of another kind in that file would still fail: only the listed rules are silenced
    strict = runner.invoke(app, ["check", GAOXIN, "--fail-on", "warning", "--config", str(config)])
    assert strict.exit_code == 1
