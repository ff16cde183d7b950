"""The fuzzer's short run (issue 17): mutated real plans through every stage, in-process.

hypothesis drives ``jianwu.fuzz.mutate`` with a seeded ``random.Random``
(``st.randoms``), derandomised: the same cases on every run, shrunk to a
small reproducer when one fails.  The long run is ``python -m jianwu.fuzz``
(see the README).  Every reproducer the fuzzer found is kept in
``tests/fuzz_reproducers/`` and replayed here.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jianwu.fuzz import LINE_MUTATIONS, Seeds, load_seeds, mutate, run_pipeline

from conftest import RAW

REPRODUCERS = Path(__file__).resolve().parent / "fuzz_reproducers"


@pytest.fixture(scope="module")
def seeds() -> Seeds:
    return load_seeds(RAW)


@settings(max_examples=25, derandomize=True, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(rnd=st.randoms(use_true_random=False), pick=st.integers(min_value=0, max_value=4))
def test_mutated_plans_never_crash(seeds: Seeds, rnd: random.Random, pick: int) -> None:
    name = sorted(seeds.texts)[pick]
    case = mutate(name, seeds.texts[name], rnd)
    outcome = run_pipeline(case.raw, seeds.parents[name])  # anything but a JianwuError fails the test
    assert outcome == "ok" or outcome.startswith("refused: fuzz.txt: ")


def test_mutations_change_the_document(seeds: Seeds) -> None:
    name = "ziyang-jianwu-2023.txt"
    changed = 0
    for number in range(40):
        rnd = random.Random(number)
        changed += mutate(name, seeds.texts[name], rnd).raw != seeds.texts[name].encode("utf-8")
    assert changed >= 36  # (a deletion of an empty line or a swap of equal lines changes nothing)
    assert len(LINE_MUTATIONS) >= 10


@pytest.mark.parametrize("path", sorted(REPRODUCERS.glob("*.bin")), ids=lambda p: p.name)
def test_reproducers_stay_fixed(seeds: Seeds, path: Path) -> None:
    parent = seeds.parents["chongqing-jianwu-2023.txt"]
    outcome = run_pipeline(path.read_bytes(), parent)
    assert outcome == "ok" or outcome.startswith("refused: ")
