"""Build a large synthetic corpus from the real seed plans, in families with known parents.

    python bench/make_corpus.py OUT --families 10 --children 99 [--seed 1]

Each family is one parent, a perturbed copy of the municipal seed
(``chongqing-jianwu-2023``) with the municipality renamed and a 文号 of its own, and
``--children`` district plans, perturbed copies of the two real district seeds
(Shapingba, Gaoxin) that cite their family's parent by its new title and 文号.
Perturbations, chosen by a seeded RNG (same arguments, same bytes): regions
renamed; clauses dropped; two clauses swapped; phrases reworded; percentages
changed.  ``OUT-families.tsv`` (beside OUT) lists every child with its known parent.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT / "data" / "raw"
PARENT_SEED = "chongqing-jianwu-2023"
CHILD_SEEDS = ("shapingba-jianwu-2023", "gaoxin-jianwu-2023")

# A clause paragraph: a line opening with its number (（十）, 10., 10、).
CLAUSE_LINE = regex.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.、．])\S")
# A percentage to change: 25%
PERCENT = regex.compile(r"(?<![\d.])(\d{1,2})(?=%)")
REWORDINGS = (("加强", "强化"), ("推进", "推动"), ("完善", "健全"), ("积极", "大力"), ("深入", "持续"), ("协同", "协调"), ("鼓励", "支持"))
SYLLABLES = "安宁平和兴盛东临新城江山河湖川泉林峰云海光华阳明德嘉永丰清远长乐"


def names(suffix: str, count: int, rng: random.Random) -> list[str]:
    pool = [a + b + suffix for a in SYLLABLES for b in SYLLABLES if a != b]
    if count > len(pool):
        pool += [a + b + c + suffix for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES if len({a, b, c}) == 3]
    rng.shuffle(pool)
    return pool[:count]


def perturb(text: str, rng: random.Random, drop: int, reword: float, renumber: float) -> str:
    lines = text.split("\n")
    clause_lines = [i for i, line in enumerate(lines) if CLAUSE_LINE.match(line)]
    for i in rng.sample(clause_lines, min(drop, len(clause_lines))):
        lines[i] = None  # type: ignore[call-overload]
    kept = [i for i in clause_lines if lines[i] is not None]
    if len(kept) > 4 and rng.random() < 0.5:
        k = rng.randrange(len(kept) - 1)
        a, b = kept[k], kept[k + 1]
        lines[a], lines[b] = lines[b], lines[a]
    out = []
    for line in lines:
        if line is None:
            continue
        if rng.random() < reword:
            old, new = rng.choice(REWORDINGS)
            line = line.replace(old, new, 1)
        if rng.random() < renumber:
            line = PERCENT.sub(lambda m: str(max(1, int(m.group(1)) + rng.choice((-3, -2, -1, 1, 2, 5)))), line, count=1)
        out.append(line)
    return "\n".join(out)


def make_corpus(out: Path, families: int, children: int, seed: int = 1) -> list[tuple[str, str]]:
    """Write the corpus; return (child id, parent id) for every child."""
    rng = random.Random(seed)
    import opencc

    # The municipal seed is in traditional characters: make the copies simplified, so renaming is plain replacement.
    parent_text = opencc.OpenCC("t2s").convert((RAW / f"{PARENT_SEED}.txt").read_text(encoding="utf-8"))
    child_texts = [(RAW / f"{s}.txt").read_text(encoding="utf-8") for s in CHILD_SEEDS]
    cities = names("市", families, rng)
    districts = names("区", children * families, rng)
    known: list[tuple[str, str]] = []
    for f, city in enumerate(cities):
        short = city[:-1]
        number = f"{short}环〔2023〕{f + 1}号"
        fam = out / f"f{f:03d}"
        fam.mkdir(parents=True, exist_ok=True)
        parent_id = f"f{f:03d}-parent"
        text = parent_text.replace("重庆市", city).replace("重庆", short)
        head_end = text.index("\n")  # the 文号 under the issuers' red head
        text = text[:head_end] + f"\n{number}" + text[head_end:]
        (fam / f"{parent_id}.txt").write_text(perturb(text, rng, drop=1, reword=0.1, renumber=0.1), encoding="utf-8")
        for c in range(children):
            district = districts[f * children + c]
            template = child_texts[c % len(child_texts)]
            text = (
                template.replace("渝环〔2023〕71号", number).replace("渝环〔202371号", number)
                .replace("沙坪坝区", district).replace("沙坪坝", district[:-1])
                .replace("重庆高新区", f"{short}{district[:-1]}高新区")
                .replace("重庆市", city).replace("重庆", short)
                .replace("沙环发〔2023〕79号", f"{district[0]}环发〔2023〕{c + 1}号")
            )
            child_id = f"f{f:03d}-c{c:04d}"
            (fam / f"{child_id}.txt").write_text(perturb(text, rng, drop=rng.randint(0, 3), reword=0.3, renumber=0.2), encoding="utf-8")
            known.append((child_id, parent_id))
    # Beside the corpus, not in it: the index walks every file of OUT.
    out.with_name(out.name + "-families.tsv").write_text("child\tparent\n" + "".join(f"{c}\t{p}\n" for c, p in known), encoding="utf-8")
    return known


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--families", type=int, default=10)
    ap.add_argument("--children", type=int, default=99)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    known = make_corpus(args.out, args.families, args.children, args.seed)
    print(f"{args.out}: {args.families} families, {len(known) + args.families} documents")


if __name__ == "__main__":
    main()
