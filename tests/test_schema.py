"""The published JSON Schema (data/document.schema.json) describes exactly what jianwu prints.

Every seed's `document_to_dict` and every `jianwu targets` row validates; broken
documents do not; every field is documented; the schema's objects list the same
fields as the dataclasses they describe.
"""

from __future__ import annotations

import copy
import json
from dataclasses import fields
from importlib import resources
from typing import Any, Callable

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from jianwu import Document
from jianwu.cli import app
from jianwu.model import Citation, DepartmentRef, Target, Warning_
from jianwu.serialize import SCHEMA_VERSION, document_to_dict, dumps

from conftest import RAW, SEED_IDS

runner = CliRunner()
SCHEMA: dict[str, Any] = json.loads(resources.files("jianwu.data").joinpath("document.schema.json").read_text("utf-8"))
DOCUMENT = Draft202012Validator(SCHEMA)
ROWS = Draft202012Validator({"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": "#/$defs/target_rows"})
ROW = Draft202012Validator({"$schema": SCHEMA["$schema"], "$defs": SCHEMA["$defs"], "$ref": "#/$defs/target_row"})


def as_json(doc: Document) -> dict[str, Any]:
    """What `jianwu parse` prints, read back (tuples become lists, floats like 25.0 become 25)."""
    return json.loads(dumps(document_to_dict(doc)))


def errors(validator: Draft202012Validator, instance: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(instance)]


def test_schema_is_valid_draft_2020_12_and_versioned() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["properties"]["schema_version"]["const"] == SCHEMA_VERSION == "1.0"


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_every_seed_validates(seeds: dict[str, Document], doc_id: str) -> None:
    assert errors(DOCUMENT, as_json(seeds[doc_id])) == []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_every_targets_row_validates(fmt: str) -> None:
    result = runner.invoke(app, ["targets", str(RAW), "--format", fmt, "--include-conditions"])
    assert result.exit_code == 0
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert errors(ROWS, rows) == []
    else:
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [e for r in rows for e in errors(ROW, r)] == []
    assert {r["kind"] for r in rows} == {"target", "condition", "categorical"}
    # data/raw/corpus's PDFs give their rows a page; the seeds' 92 rows have none
    assert sum(1 for r in rows if "page" not in r) == 92
    assert {r["doc"] for r in rows if "page" in r} >= {"national-lvse", "hebei-lvse", "sichuan-lvhua"}


def _first_target(d: dict[str, Any]) -> dict[str, Any]:
    return next(t for c in d["clauses"] for t in c["targets"] if t["kind"] == "target")


def _categorical(d: dict[str, Any]) -> dict[str, Any]:
    return next(t for c in d["clauses"] for t in c["targets"] if t["kind"] == "categorical")


BREAKAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "wrong schema_version": lambda d: d.update(schema_version="2.0"),
    "missing clauses": lambda d: d.pop("clauses"),
    "unknown top-level field": lambda d: d.update(extra=1),
    "bad level": lambda d: d.update(level="galaxy"),
    "bad sha256": lambda d: d.update(sha256="xyz"),
    "bad date": lambda d: d.update(date="1 March 2023"),
    "clause without targets": lambda d: d["clauses"][0].pop("targets"),
    "span of three numbers": lambda d: d["clauses"][0].update(span=[1, 2, 3]),
    "target value as text": lambda d: _first_target(d).update(value="14.5%"),
    "target without unit": lambda d: _first_target(d).update(unit=None),
    "unknown comparator": lambda d: _first_target(d).update(comparator="≥"),
    "unknown kind": lambda d: _first_target(d).update(kind="goal"),
    "unknown direction": lambda d: _first_target(d).update(direction="sideways"),
    "year as text": lambda d: _first_target(d).update(year="2025"),
    "target missing modality": lambda d: _first_target(d).pop("modality"),
    "extra target field": lambda d: _first_target(d).update(confidence=0.9),
    "categorical with a number": lambda d: _categorical(d).update(value=4),
    "department with unknown role": lambda d: next(x for c in d["clauses"] for x in c["departments"]).update(role="boss"),
    "warning without code": lambda d: d["warnings"].append({"message": "x", "line": 1}),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_a_broken_document_fails(seeds: dict[str, Document], breakage: str) -> None:
    data = copy.deepcopy(as_json(seeds["yongchuan-jieneng-2023"]))
    BREAKAGES[breakage](data)
    assert errors(DOCUMENT, data) != []


def test_a_broken_row_fails() -> None:
    result = runner.invoke(app, ["targets", str(RAW / "ziyang-jianwu-2023.txt"), "--format", "json"])
    row = json.loads(result.stdout)[0]
    assert errors(ROW, row) == []
    for broken in ({**row, "line": 0}, {k: v for k, v in row.items() if k != "doc"}, {**row, "clause_path": "一、"}, {**row, "x": 1}):
        assert errors(ROW, broken) != []


def _walk(node: Any, path: str = "#") -> list[str]:
    """Paths of properties that lack a description."""
    missing: list[str] = []
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if not isinstance(sub, dict) or not sub.get("description"):
                missing.append(f"{path}/properties/{name}")
        for key, sub in node.items():
            missing += _walk(sub, f"{path}/{key}")
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            missing += _walk(sub, f"{path}/{i}")
    return missing


def test_every_field_is_documented() -> None:
    assert _walk(SCHEMA) == []
    assert all(SCHEMA["$defs"][name].get("description") for name in SCHEMA["$defs"])


@pytest.mark.parametrize(
    ("definition", "dataclass"),
    [("target_fields", Target), ("department", DepartmentRef), ("citation", Citation), ("warning", Warning_)],
)
def test_schema_objects_list_the_dataclass_fields(definition: str, dataclass: type) -> None:
    """A field added to the model must be added to the schema (and documented) too."""
    names = {f.name for f in fields(dataclass)}
    spec = SCHEMA["$defs"][definition]
    assert set(spec["properties"]) == names
    assert set(spec["required"]) == names


def test_schema_clause_and_document_list_what_serialize_emits(seeds: dict[str, Document]) -> None:
    data = as_json(seeds["chongqing-jianwu-2023"])
    assert set(SCHEMA["properties"]) == set(data) == set(SCHEMA["required"])
    clause = SCHEMA["$defs"]["clause"]
    # "page" is the one optional key: PDFs only (a text file has no pages).
    assert set(clause["properties"]) - {"page"} == set(data["clauses"][0]) == set(clause["required"])
    row = SCHEMA["$defs"]["target_row"]
    assert set(row["properties"]) == {"doc", "clause_path", "line", "page"}
