"""The diff's fast paths give exactly what the plain computations they replace give, on real plans.

Each speed-up of ``jianwu diff`` (bench/bench_speed.py measures them) is checked here against the
straightforward definition it stands for, over every clause of the seeds and of the national
绿色低碳 family: same values, same order, so the diff output cannot change.
"""

from __future__ import annotations

import difflib
from dataclasses import replace

import pytest
import regex
from rapidfuzz import fuzz, process

from jianwu import Document
from jianwu.align import units
from jianwu.matcher import sequence_matcher
from jianwu.inline_diff import _folded_tokens, clause_spans, department_keys, tokenize
from jianwu.sentences import MOVED_MIN, MOVED_MIN_LEN, SentenceIndex, is_note, split_sentences
from jianwu.similarity import NOT_TERM, terms


def _texts(docs: list[Document]) -> list[str]:
    return [u.title + u.body for d in docs for u in units(d)[0]]


def _plain_terms(text: str) -> set[str]:
    """2- and 3-grams sliced from each Han/Latin run: what ``terms`` computes."""
    grams: set[str] = set()
    for run in NOT_TERM.split(text):
        for n in (2, 3):
            grams.update(run[i : i + n] for i in range(len(run) - n + 1))
    return grams


def test_terms_are_the_ngrams_of_each_run(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    texts = _texts([*seeds.values(), corpus["national-lvse"], corpus["hebei-lvse"], corpus["dalian-lvse"]])
    texts += ["PM2.5浓度\0下降", "", "一", "ab", "绿色低碳、循环发展"]  # a NUL of its own, too short, Latin
    assert len(texts) > 150
    for text in texts:
        assert terms(text) == _plain_terms(text), text
    assert terms("绿色低碳、循环发展") == {"绿色", "色低", "低碳", "绿色低", "色低碳", "循环", "环发", "发展", "循环发", "环发展"}


def test_sequence_matcher_gives_difflib_opcodes(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    """The compiled matcher (cydifflib, when installed) against difflib on every clause pair of two families."""
    matcher = sequence_matcher()
    compared = 0
    for child, parent in [(seeds["shapingba-jianwu-2023"], seeds["chongqing-jianwu-2023"]), (corpus["henan-lvse"], corpus["national-lvse"])]:
        for c in child.clauses[::3]:
            for p in parent.clauses[::3]:
                keys = department_keys(p, c)
                a = _folded_tokens(tokenize(p.text, clause_spans(p)), keys)
                b = _folded_tokens(tokenize(c.text, clause_spans(c)), keys)
                expected = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
                assert [tuple(op) for op in matcher(None, a, b, autojunk=False).get_opcodes()] == expected
                compared += 1
    assert compared > 200


def test_moved_sentence_lookup_ranks_as_over_every_sentence(corpus: dict[str, Document]) -> None:
    """``SentenceIndex.find`` looks only within a length window; the answer is the one over all sentences."""
    child, parent = corpus["jiangsu-lvse"], corpus["national-lvse"]
    index = SentenceIndex([(i, split_sentences(c.text)) for i, c in enumerate(child.clauses)])
    queries = [s.folded for p in parent.clauses for s in split_sentences(p.text)]
    found = 0
    for q in queries:
        result = index.find(q)
        if len(q) < MOVED_MIN_LEN or is_note(q):
            assert result is None
            continue
        k = index.exact.get(q)
        if k is not None:
            expected = (*index.owners[k], 1.0)
        else:
            best = process.extract(q, index.texts, scorer=fuzz.ratio, score_cutoff=MOVED_MIN * 100, limit=1)
            expected = (*index.owners[best[0][2]], best[0][1] / 100) if best else None
        assert result == expected, q
        found += result is not None
        if result is not None and k is None:
            # outside the clause of the best: the next of the best three over every sentence, if any
            besides = frozenset({result[0]})
            top = process.extract(q, index.texts, scorer=fuzz.ratio, score_cutoff=MOVED_MIN * 100, limit=3)
            rest = [(*index.owners[at], score / 100) for _, score, at in top if index.owners[at][0] not in besides]
            assert index.find(q, besides=besides) == (rest[0] if rest else None), q
    assert found >= 10


def test_a_repeated_question_is_searched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``find`` keeps its answers by (sentence, clauses left out): a plan pasted twice over asks
    the same questions many times, and the fuzzy search runs once for each; every answer is the
    search's own."""
    from pathlib import Path

    from jianwu.diff import diff_documents
    from jianwu.document import parse_bytes

    raw = Path(__file__).resolve().parents[1] / "data" / "raw"

    def twice(name: str) -> Document:
        text = (raw / f"{name}.txt").read_text(encoding="utf-8")
        return parse_bytes("\n".join([text] * 2).encode("utf-8"), name=name, path=name, doc_id=name)

    searched: list[tuple[int, str, frozenset[int]]] = []
    asked: list[tuple[SentenceIndex, str, frozenset[int], object]] = []
    search, find = SentenceIndex._search, SentenceIndex.find

    def counted(self: SentenceIndex, folded: str, besides: frozenset[int]) -> object:
        searched.append((id(self), folded, besides))
        return search(self, folded, besides)

    def recorded(self: SentenceIndex, folded: str, *, besides: frozenset[int] = frozenset()) -> object:
        answer = find(self, folded, besides=besides)
        asked.append((self, folded, besides, answer))
        return answer

    monkeypatch.setattr(SentenceIndex, "_search", counted)
    monkeypatch.setattr(SentenceIndex, "find", recorded)
    diff_documents(twice("shapingba-jianwu-2023"), twice("chongqing-jianwu-2023"))
    assert len(searched) == len(set(searched)) and len(asked) > 10 * len(searched)  # (11,586 questions, 267 different)
    assert sum(answer is not None for *_, answer in asked) > 100
    for index, folded, besides, answer in asked[::7]:
        assert search(index, folded, besides) == answer


def test_shared_runs_sum_the_long_equal_opcodes(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    from rapidfuzz.distance import Indel

    from jianwu.align import MIN_RUN, shared_runs

    c_units, p_units = units(corpus["hubei-lvse"])[0], units(corpus["national-lvse"])[0]
    total = 0
    for c in c_units:
        for p in p_units:
            ops = Indel.opcodes(c.body, p.body).as_list()
            expected = sum(e - s for tag, s, e, _, _ in ops if tag == "equal" and e - s >= MIN_RUN)
            assert shared_runs(c.body, p.body) == expected
            total += expected
    assert total > 1000 and shared_runs("", "abcd") == 0


def test_folded_tokens_fold_each_token(seeds: dict[str, Document]) -> None:
    doc = seeds["shapingba-jianwu-2023"]
    for clause in doc.clauses:
        long: list[int] = []
        tokens = tokenize(clause.text, clause_spans(clause), long)
        folded = _folded_tokens(tokens)
        # the long tokens' positions from tokenize are every token longer than one character
        assert [i for i, t in enumerate(tokens) if len(t) > 1] == [i for i in long if len(tokens[i]) > 1]
        assert _folded_tokens(tokens, None, None, long) == folded
        plain = [t.translate(str.maketrans({c: "〇" for c in "省市区县州镇乡盟旗"})) for t in tokens]
        plain = ["〇" if t == "国" and i and tokens[i - 1] in ("全", "我") else f for i, (t, f) in enumerate(zip(tokens, plain))]
        # a number (a year, 14.5%) is matched by its unit: 2025年 -> #年, 14.5% -> #%
        plain = ["#" + regex.sub(r"[0-9.．]", "", f) if len(t) > 1 and t[0] in "0123456789" else f for t, f in zip(tokens, plain)]
        assert folded == plain
    assert _folded_tokens(["区发展改革委", "全", "国", "区", "和"]) == ["〇发展改革委", "全", "〇", "〇", "和"]
    assert _folded_tokens(["我", "国", "中", "国"]) == ["我", "〇", "中", "国"]
    assert _folded_tokens(["4.2万吨", "、", "2025年", "5"]) == ["#万吨", "、", "#年", "5"]


def test_sentences_fold_as_each_sentence_alone(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    from jianwu.inline_diff import fold_levels
    from jianwu.sentences import SENTENCE

    for doc in (seeds["chongqing-jianwu-2023"], corpus["national-lvse"]):
        for clause in doc.clauses:
            plain = [fold_levels(m.group()).replace("\n", "").replace(" ", "") for m in SENTENCE.finditer(clause.text) if m.end() > m.start()]
            assert [s.folded for s in split_sentences(clause.text)] == [f for f in plain if f]


def test_term_norms_are_exact_sums(corpus: dict[str, Document]) -> None:
    import math
    from collections import Counter

    from jianwu.similarity import TermSimilarity

    c_texts, p_texts = _texts([corpus["jilin-lvse"]]), _texts([corpus["national-lvse"]])
    sim = TermSimilarity(c_texts, p_texts)
    bags = [terms(t) for t in c_texts + p_texts]
    df = Counter(t for bag in bags for t in bag)
    n = len(bags)
    norms = [math.sqrt(math.fsum(math.log((1 + n) / (1 + df[t])) ** 2 for t in bag)) or 1.0 for bag in bags]
    c_norms, p_norms = sim.norms()
    assert c_norms + p_norms == norms


def test_check_columns_align_with_the_compiled_matcher_as_with_difflib(seeds: dict[str, Document]) -> None:
    """``check``'s raw-column alignment (``matching_blocks``) uses the compiled matcher: the same
    blocks as difflib on real lines with cleaning-like edits, and on a long run of one character
    (2,000 ones took difflib 0.3 s per line and 12 such lines 0.7 s of a 5 KB plan: found by the long fuzz run, seed 1, case 1609)."""
    from jianwu.check.context import matching_blocks

    pairs = [("1" * 1990 + "中" * 5, "1" * 1980 + "x" + "1" * 9 + "中" * 5)]  # at EXACT_ALIGN_MAX
    for doc in seeds.values():
        for line in doc.text.split("\n")[::2]:
            pairs.append((line, line.replace("，", ",").replace("（", " (").replace("、", "")))
    for piece, raw in pairs:
        expected = [tuple(b) for b in difflib.SequenceMatcher(None, piece, raw, autojunk=False).get_matching_blocks()]
        assert matching_blocks(piece, raw) == expected, piece
    assert len(pairs) > 100


def test_term_cosines_are_those_of_the_string_ngrams(corpus: dict[str, Document]) -> None:
    """``TermSimilarity`` (n-grams as integer ids, in numpy) against the cosine spelled out on ``terms``' strings."""
    import math
    from collections import Counter

    from jianwu.similarity import COMMON_SHARE, TermSimilarity

    c_texts = _texts([corpus["jilin-lvse"]]) + ["", "PM2.5浓度\0下降", "一", "绿色低碳、循环发展"]
    p_texts = _texts([corpus["national-lvse"]]) + ["ab", "循环发展"]
    sim = TermSimilarity(c_texts, p_texts)
    c_bags, p_bags = [terms(t) for t in c_texts], [terms(t) for t in p_texts]
    df = Counter(t for bag in c_bags + p_bags for t in bag)
    n = len(c_bags) + len(p_bags)

    def weight(t: str) -> float:
        return math.log((1 + n) / (1 + df[t])) ** 2

    def norm(bag: set[str]) -> float:
        return math.sqrt(math.fsum(map(weight, bag))) or 1.0

    in_both = set().union(*c_bags) & set().union(*p_bags)
    for ci, c in enumerate(c_bags):
        for pi, p in enumerate(p_bags):
            dot = math.fsum(weight(t) for t in c & p & in_both if df[t] <= COMMON_SHARE * n)
            assert sim(ci, pi) == min(dot / (norm(c) * norm(p)), 1.0), (c_texts[ci], p_texts[pi])
    assert TermSimilarity([], []).norms() == ([], []) and TermSimilarity([""], ["。"])(0, 0) == 0.0  # nothing to count


@pytest.mark.parametrize("vectorised", [True, False])
def test_shared_run_bounds_bound_and_are_exact_at_zero(corpus: dict[str, Document], vectorised: bool) -> None:
    """``shared_run_bounds`` is at least ``shared_runs`` for every pair, and 0 exactly when there is no long run."""
    from jianwu.align import MIN_RUN, shared_runs
    from jianwu.run_bounds import shared_run_bounds

    c_bodies = [u.body for u in units(corpus["guangxi-lvse"])[0]] + ["", "一", "aaaaaaa", "x\udc80y" * 3]
    p_bodies = [u.body for u in units(corpus["national-lvse"])[0]] + ["aaaaaaaaaa", "x\udc80yx\udc80y"]
    bounds = shared_run_bounds(c_bodies, p_bodies, MIN_RUN, vectorised=vectorised)
    zero = 0
    for c, row in zip(c_bodies, bounds):
        for p, bound in zip(p_bodies, row):
            shared = shared_runs(c, p)
            assert shared <= bound, (c, p)
            zero += bound == 0
    assert zero > 100
    def bounds_of(a: list[str], b: list[str]) -> list[list[int]]:
        return shared_run_bounds(a, b, 4, vectorised=vectorised)

    assert bounds_of([], ["ab"]) == [] and bounds_of(["ab"], []) == [[]]
    assert bounds_of(["abc"], ["de", ""]) == [[0, 0]]  # no 4-gram inside any text
    assert bounds_of(["abcdabcd"], ["abcd", "xyz"]) == [[4, 0]]  # one common 4-gram: 4 characters at most
    if not vectorised:  # exact M: never above the hashed count
        hashed = shared_run_bounds(c_bodies, p_bodies, MIN_RUN)
        assert all(x <= y for row, hashed_row in zip(bounds, hashed) for x, y in zip(row, hashed_row))


@pytest.mark.parametrize("vectorised", [True, False])
def test_lazy_grid_gives_the_full_grid_scores_and_noise(seeds: dict[str, Document], corpus: dict[str, Document], vectorised: bool) -> None:
    """``_Grid``: its exact scores are ``score``'s, its bounds bound them, its noise is the quantile over every pair."""
    from statistics import quantiles

    from jianwu.align import NOISE_QUANTILE, _combined, _Grid, _is_text_pair, _parent_inside, _partly_inside, score

    for child, parent in [(corpus["henan-lvse"], corpus["national-lvse"]), (seeds["shapingba-jianwu-2023"], seeds["chongqing-jianwu-2023"])]:
        c_units, p_units = units(child)[0], units(parent)[0]
        full = [[score(c, p) for p in p_units] for c in c_units]
        grid = _Grid(c_units, p_units, vectorised)
        assert grid.noise() == quantiles([_combined(s) for row in full for s in row], n=4)[NOISE_QUANTILE - 1]
        for ci, row in enumerate(full):
            for pi, s in enumerate(row):
                b = grid.bound(ci, pi)
                assert b.body >= s.body and b.parent_coverage >= s.parent_coverage and b.child_coverage >= s.child_coverage
                for test in (_is_text_pair, _parent_inside, _partly_inside):
                    assert grid.passes(ci, pi, test) == test(s)
                assert grid.exact(ci, pi) == s
        for test in (_is_text_pair, _parent_inside, _partly_inside):
            for ci, row in enumerate(full):
                assert grid.parents_passing(ci, test) == [pi for pi, s in enumerate(row) if test(s)]
                assert grid.parents_passing(ci, test, among={1, 3}) == [pi for pi, s in enumerate(row) if test(s) and pi in (1, 3)]
            for pi in range(len(p_units)):
                assert grid.children_passing(pi, test) == [ci for ci, row in enumerate(full) if test(row[pi])]


def test_noise_from_stand_ins_is_the_quantile_of_the_values() -> None:
    """The order statistics ``_Grid.noise`` keeps exact are the ones ``quantiles`` reads, for every length."""
    import random
    from statistics import quantiles

    from jianwu.align import ABOVE_EVERY_SCORE, BELOW_EVERY_SCORE, NOISE_QUANTILE

    rng = random.Random(16)
    for n in range(2, 60):
        values = sorted(rng.random() for _ in range(n))
        j = min(max(NOISE_QUANTILE * (n + 1) // 4, 1), n - 1)
        stand_in = [BELOW_EVERY_SCORE] * (j - 1) + values[j - 1 : j + 1] + [ABOVE_EVERY_SCORE] * (n - j - 1)
        rng.shuffle(values)
        assert quantiles(stand_in, n=4)[NOISE_QUANTILE - 1] == quantiles(values, n=4)[NOISE_QUANTILE - 1], n


def test_quantile_cut_is_statistics_quantiles() -> None:
    """``align.quantile_cut`` gives ``statistics.quantiles``' cut points bit for bit: every cut of
    every n up to 8, for 2 to 60 values, random and with ties."""
    import random
    from statistics import quantiles

    from jianwu.align import quantile_cut

    rng = random.Random(1616)
    for length in range(2, 61):
        for values in ([rng.random() for _ in range(length)], [rng.choice((0.0, 0.25, 0.5, 1.0)) for _ in range(length)]):
            for n in range(2, 9):
                assert [quantile_cut(values, i, n) for i in range(1, n)] == quantiles(values, n=n), (length, n)


def test_shared_run_bounds_hold_on_repetitive_random_texts() -> None:
    """Few letters, many repeats (the case the bound's counting is for): never below ``shared_runs``."""
    import random

    from jianwu.align import MIN_RUN, shared_runs
    from jianwu.run_bounds import shared_run_bounds

    rng = random.Random(4)
    for _ in range(40):
        a = ["".join(rng.choice("ab中") for _ in range(rng.randrange(0, 40))) for _ in range(rng.randrange(1, 6))]
        b = ["".join(rng.choice("ab中") for _ in range(rng.randrange(0, 40))) for _ in range(rng.randrange(1, 6))]
        for vectorised in (True, False):
            for x, row in zip(a, shared_run_bounds(a, b, MIN_RUN, vectorised=vectorised)):
                for y, bound in zip(b, row):
                    assert shared_runs(x, y) <= bound, (x, y)


def test_a_list_against_itself_gets_the_bounds_of_two_lists() -> None:
    """``_plain_bounds`` of one list against itself (counted once per pair) is that of two equal lists."""
    import random

    from jianwu.run_bounds import _plain_bounds

    rng = random.Random(9)
    for _ in range(60):
        texts = ["".join(rng.choice("ab中") for _ in range(rng.randrange(0, 30))) for _ in range(rng.randrange(0, 7))]
        for k in (1, 2, 4):
            assert _plain_bounds(texts, texts, k) == _plain_bounds(texts, list(texts), k), (texts, k)


def test_plain_bounds_are_k_times_the_shared_kgram_places(corpus: dict[str, Document]) -> None:
    """The plain bounds are min(k·M, both lengths), M = the sum over k-grams of the lesser count (the
    module's definition), whether a k-gram is met once in a text or more often (counted apart)."""
    import random
    from collections import Counter

    from jianwu.run_bounds import _plain_bounds

    def expected(a: list[str], b: list[str], k: int) -> list[list[int]]:
        grams = [Counter(t[s : s + k] for s in range(len(t) - k + 1)) for t in (*a, *b)]
        ga, gb = grams[: len(a)], grams[len(a) :]
        return [[min(k * sum(min(n, y[g]) for g, n in x.items()), len(s), len(t)) for y, t in zip(gb, b)] for x, s in zip(ga, a)]

    rng = random.Random(12)
    cases = [([u.body for u in units(corpus["hunan-lvhua"])[0]], [u.body for u in units(corpus["jiangsu-lvhua"])[0]], 4)]
    for _ in range(60):
        a = ["".join(rng.choice("ab中") for _ in range(rng.randrange(0, 30))) for _ in range(rng.randrange(0, 7))]
        b = ["".join(rng.choice("ab中") for _ in range(rng.randrange(0, 30))) for _ in range(rng.randrange(0, 7))]
        cases += [(a, b, k) for k in (1, 2, 4)] + [(a, a, k) for k in (1, 4)]
    for a, b, k in cases:
        assert _plain_bounds(a, b, k) == expected(a, b, k), (a, b, k)


def test_tokens_are_those_of_the_one_pattern(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    """``tokenize`` (long tokens searched, the characters between them one by one) against ``_token_pattern().findall``."""
    from jianwu.inline_diff import _token_pattern, _tokens

    texts = [c.text for d in (*seeds.values(), corpus["national-lvse"], corpus["guangxi-lvse"]) for c in d.clauses]
    texts += ["2025年PM2.5浓度下降14.5%，34微克/立方米\n", "１２３４年ab1.2.3", "", "年", "CO2排放3万吨以上 x"]
    for text in texts:
        for start, end in [(0, len(text)), (len(text) // 3, 2 * len(text) // 3)]:
            assert _tokens(text, start, end) == _token_pattern().findall(text, start, end), text


def test_term_similarity_in_plain_python_is_numpys(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    """A process's first diff counts n-grams in plain Python (``numpy_or_not``): the same cosines, bit for bit."""
    from jianwu.similarity import TermSimilarity

    for child, parent in [(corpus["guangxi-lvse"], corpus["national-lvse"]), (seeds["shapingba-jianwu-2023"], seeds["chongqing-jianwu-2023"])]:
        c_texts, p_texts = _texts([child]), _texts([parent])
        fast, plain = TermSimilarity(c_texts, p_texts), TermSimilarity(c_texts, p_texts, vectorised=False)
        assert [[plain(ci, pi) for pi in range(len(p_texts))] for ci in range(len(c_texts))] == [
            [fast(ci, pi) for pi in range(len(p_texts))] for ci in range(len(c_texts))
        ]  # (the plain norms summed as the pairs ask for them)
        assert plain.norms() == fast.norms()
    assert TermSimilarity([], [], vectorised=False).norms() == ([], []) and TermSimilarity([""], ["。"], vectorised=False)(0, 0) == 0.0


def test_a_diff_without_numpy_is_the_diff_with_it(seeds: dict[str, Document], corpus: dict[str, Document], monkeypatch: pytest.MonkeyPatch) -> None:
    """Every parent → child pair of data/raw, diffed with NumPy and in plain Python: the same JSON."""
    import jianwu.align
    from jianwu.diff import diff_documents
    from jianwu.lineage import analyse
    from jianwu.diffmodel import diff_to_dict

    docs = [*seeds.values(), *corpus.values()]
    pairs = [(o.child, o.parent) for o in analyse(docs) if o.parent is not None and o.found_by is not None]
    assert len(pairs) >= 10
    for child, parent in pairs:
        monkeypatch.setattr(jianwu.align, "use_numpy", lambda extra: True)
        fast = diff_to_dict(diff_documents(child, parent))
        monkeypatch.setattr(jianwu.align, "use_numpy", lambda extra: False)
        assert diff_to_dict(diff_documents(child, parent)) == fast, (child.id, parent.id)


def test_the_comparison_for_check_is_the_diffs_alignment_and_targets(seeds: dict[str, Document], corpus: dict[str, Document]) -> None:
    # compare_for_check stops after the alignment and the targets: every pair of data/raw whose
    # parent is there gets what diff_documents gives in those, field by field.
    from jianwu.diff import compare_for_check, diff_documents
    from jianwu.lineage import analyse

    # All but the flags of the child's repeated clauses, which no rule reads (JW030 reads the document).
    pairs = [(o.child, o.parent) for o in analyse([*seeds.values(), *corpus.values()]) if o.parent is not None]
    assert len(pairs) == 13
    repeated = cosines = 0
    for child, parent in pairs:
        full, light = diff_documents(child, parent, found_by="title"), compare_for_check(child, parent, found_by="title")
        assert (light.child, light.parent, light.found_by) == (child, parent, "title")
        assert not any(f.code == "duplicate_in_child" for a in light.alignments for f in a.flags)
        repeated += sum(f.code == "duplicate_in_child" for a in full.alignments for f in a.flags)
        # … and but each pair's n-gram cosine (Scores.terms), which no rule reads: 0.0 there.
        assert all(a.scores is None or a.scores.terms == 0.0 for a in light.alignments)
        cosines += sum(a.scores is not None and a.scores.terms > 0.0 for a in full.alignments)
        assert [(a.kind, a.status, a.child_index, a.parent_index, a.basis, a.scores, a.flags) for a in light.alignments] == \
            [(a.kind, a.status, a.child_index, a.parent_index, a.basis, a.scores if a.scores is None else replace(a.scores, terms=0.0),
              [f for f in a.flags if f.code != "duplicate_in_child"]) for a in full.alignments], child.id
        assert light.targets == full.targets, child.id
    assert repeated > 0 and cosines > 100  # some pair has them in its diff: the comparison above is not vacuous
