"""One-to-one pairing of largest total score (the assignment problem), for matching targets.

Greedy matching (take the best pair, then the best of what is left) can pair a child's
营运船舶 with the parent's 营运交通工具 and leave 营运车辆 unmatched; the Hungarian method
maximises the total instead.  Candidates form small groups (the targets of a clause pair),
so each connected group is solved on its own: O(n³) in the size of a group, not of the
document.
"""

from __future__ import annotations

from typing import Hashable, TypeVar

P = TypeVar("P", bound=Hashable)
C = TypeVar("C", bound=Hashable)


def max_weight_matching(edges: dict[tuple[P, C], float]) -> list[tuple[P, C]]:
    """Pairs (p, c), each p and c used at most once, maximising the total weight; sorted."""
    groups = _components(edges)
    out: list[tuple[P, C]] = []
    for lefts, rights in groups:
        out.extend(_hungarian(lefts, rights, edges))
    return sorted(out, key=repr)


def _components(edges: dict[tuple[P, C], float]) -> list[tuple[list[P], list[C]]]:
    parent: dict[tuple[int, Hashable], tuple[int, Hashable]] = {}

    def find(x: tuple[int, Hashable]) -> tuple[int, Hashable]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p, c in sorted(edges, key=repr):
        a, b = find((0, p)), find((1, c))
        if a != b:
            parent[b] = a
    members: dict[tuple[int, Hashable], tuple[list[P], list[C]]] = {}
    for node in sorted(parent, key=repr):
        lefts, rights = members.setdefault(find(node), ([], []))
        (lefts if node[0] == 0 else rights).append(node[1])  # type: ignore[arg-type]
    return [members[k] for k in sorted(members, key=repr)]


def _hungarian(lefts: list[P], rights: list[C], edges: dict[tuple[P, C], float]) -> list[tuple[P, C]]:
    """Maximum-weight assignment of one group (missing edges cannot be chosen)."""
    if len(lefts) == 1 or len(rights) == 1:
        best = max(((edges[(p, c)], i, j) for i, p in enumerate(lefts) for j, c in enumerate(rights) if (p, c) in edges),
                   key=lambda x: (x[0], -x[1], -x[2]))
        return [(lefts[best[1]], rights[best[2]])]
    transpose = len(lefts) > len(rights)
    rows, cols = (rights, lefts) if transpose else (lefts, rights)
    n, m = len(rows), len(cols)
    # A missing edge costs nothing and is dropped afterwards: the total weight is maximised,
    # never the number of pairs at the price of a better one.
    forbidden = 0.0

    def cost(i: int, j: int) -> float:
        key = (cols[j], rows[i]) if transpose else (rows[i], cols[j])
        return -edges[key] if key in edges else forbidden  # type: ignore[index]

    # Jonker-Volgenant style shortest augmenting path (the classic e-maxx formulation), 1-based.
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    way = [0] * (m + 1)
    match = [0] * (m + 1)  # match[j] = row assigned to column j
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    cur = cost(i0 - 1, j - 1) - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs: list[tuple[P, C]] = []
    for j in range(1, m + 1):
        i = match[j]
        key = (cols[j - 1], rows[i - 1]) if transpose else (rows[i - 1], cols[j - 1])
        if i and key in edges:
            pairs.append((cols[j - 1], rows[i - 1]) if transpose else (rows[i - 1], cols[j - 1]))  # type: ignore[arg-type]
    return pairs
