"""Lineage: keys for matching citations, and the finder on the seeds (real text, exact outcomes)."""

from __future__ import annotations

import regex
import pytest

from jianwu import Document, parse_document
from jianwu.lineage import analyse, find_links
from jianwu.lineage.keys import number_key, own_title_key, title_key

from conftest import RAW


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("国发〔2021〕4号", "国发〔2021〕4号"),
        ("国发 (2021) 4 号", "国发〔2021〕4号"),  # OCR: other brackets, spaces
        ("冀政字〔2021〕22 号", "冀政字〔2021〕22号"),
        ("大发改资源字 (2021\nJ 283号", "大发改资源字〔2021〕283号"),  # closing bracket read as J, broken after the year
        ("渝环〔202371号", "渝环〔2023〕71号"),  # year and number fused
        ("国办\n发〔2021〕19号", "国办发〔2021〕19号"),  # wrapped inside the issuer code
        ("环综合[2022]42号", "环综合〔2022〕42号"),
        ("到2025年", None),
    ],
)
def test_number_key(written: str, key: str | None) -> None:
    assert number_key(written) == key


@pytest.mark.parametrize(
    ("title", "issuer", "region", "plan", "family"),
    [
        ("国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见", "", None, "加快建立健全绿色低碳循环发展经济体系的指导意见", "建立健全绿色低碳循环发展经济体系"),
        ("河北省人民政府关于建立健全绿色低碳循环发展经济体系的实施意见", "", "河北省", "建立健全绿色低碳循环发展经济体系的实施意见", "建立健全绿色低碳循环发展经济体系"),
        ("关于印发〈减污降碳协同增效实施方案〉的通知", "生态环境部等七部门", None, "减污降碳协同增效实施方案", "减污降碳协同增效"),
        ("重庆市生态环境局等部门关于印发重庆市减污降碳协同增效实施方案〉的函", "", "重庆市", "减污降碳协同增效实施方案", "减污降碳协同增效"),
        ("中共中央办公厅、国务院办公厅印发〈关于推动城乡建设绿色发展的意见〉的通知", "", None, "推动城乡建设绿色发展的意见", "推动城乡建设绿色发展"),
        ("关于推动城乡建设绿色发展的意见", "中共中央办公厅、国务院办公厅", None, "推动城乡建设绿色发展的意见", "推动城乡建设绿色发展"),
        # cited with the notice's ending but not its 关于印发
        ("工业领域碳达峰实施方案的通知", "", None, "工业领域碳达峰实施方案", "工业领域碳达峰"),
        ("关于印发重庆市“十四五”节能减排综合工作实施方案的通知", "重庆市人民政府", "重庆市", "十四五节能减排综合工作实施方案", "十四五节能减排"),
        ("湖南省人民政府办公厅关于科学绿化的实施意见", "", "湖南省", "科学绿化的实施意见", "科学绿化"),
        ("中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "", None, "完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见", "完整准确全面贯彻新发展理念做好碳达峰碳中和工作"),
        ("中共云南省委、云南省人民政府关于推动城乡建设绿色发展的实施意见", "", "云南省", "推动城乡建設绿色发展的实施意见".replace("設", "设"), "推动城乡建设绿色发展"),
    ],
)
def test_title_key(title: str, issuer: str, region: str | None, plan: str, family: str) -> None:
    key = title_key(title, issuer)
    assert (key.region, key.plan, key.family) == (region, plan, family)


def test_a_plan_named_after_the_plan_it_implements_is_of_that_family() -> None:
    key = own_title_key("大连市贯彻落实〈国务院关于加快建立健全绿色低碳循环发展经济体系的指导意见〉实施方案")
    assert key is not None and (key.region, key.family) == ("大连市", "建立健全绿色低碳循环发展经济体系")


def links(docs: list[Document]) -> list[tuple[str, str, str, str]]:
    return [(lk.child_id, lk.parent_id, lk.relation, lk.found_by) for lk in find_links(docs)]


def test_seed_links(seeds: dict[str, Document]) -> None:
    assert links(list(seeds.values())) == [
        ("shapingba-jianwu-2023", "chongqing-jianwu-2023", "parent", "title"),
        ("gaoxin-jianwu-2023", "chongqing-jianwu-2023", "parent", "title"),
    ]


def test_seeds_without_a_parent_name_what_they_cite(seeds: dict[str, Document]) -> None:
    outcomes = {o.child.id: o for o in analyse(list(seeds.values()))}
    assert {i: o.cites for i, o in outcomes.items() if o.parent is None} == {
        "chongqing-jianwu-2023": "《减污降碳协同增效实施方案》（环综合〔2022〕42号）",
        "ziyang-jianwu-2023": "《四川省减污降碳协同增效行动方案》",
        "yongchuan-jieneng-2023": "《重庆市“十四五”节能减排综合工作实施方案》（渝府发〔2022〕39号）",
    }


def test_link_evidence(seeds: dict[str, Document]) -> None:
    link = next(lk for lk in find_links(list(seeds.values())) if lk.child_id == "shapingba-jianwu-2023")
    assert link.confidence == 1.0
    assert link.evidence["citation"] == "《重庆市减污降碳协同增效实施方案》（渝环〔2023〕71号）"
    assert link.evidence["family"] == 1.0
    assert 0.8 < float(link.evidence["shared_text"]) < 0.9  # type: ignore[arg-type]


# Every citation of a plan removed: 《…》 titles and 文号 gone (根据中央有关文件精神).
CITATION = regex.compile(r"《[^《》\n]*》|[（(]?\p{Han}{1,12}[〔\[【(（]\d{4}[〕\]】)）]?\d{1,4}号[）)]?")


def without_citations(path: str, doc_id: str) -> Document:
    text = (RAW / path).read_text(encoding="utf-8")
    return parse_document(CITATION.sub("有关文件", text), doc_id=doc_id)


def test_a_child_citing_nothing_is_found_by_title_and_content(seeds: dict[str, Document]) -> None:
    bare = without_citations("shapingba-jianwu-2023.txt", "shapingba-bare")
    assert bare.cites == []
    docs = [seeds["chongqing-jianwu-2023"], bare, seeds["ziyang-jianwu-2023"]]
    assert links(docs) == [("shapingba-bare", "chongqing-jianwu-2023", "parent", "content")]


def test_a_plan_of_another_province_is_not_a_parent(seeds: dict[str, Document]) -> None:
    # Ziyang (Sichuan) shares its family and 9 % of its text with the Chongqing plan, a level
    # above it: it names 四川省 as its parent's region, so Chongqing is no stand-in.
    bare = without_citations("ziyang-jianwu-2023.txt", "ziyang-bare")
    assert links([seeds["chongqing-jianwu-2023"], seeds["ziyang-jianwu-2023"], bare]) == []


def test_siblings_are_never_linked(seeds: dict[str, Document]) -> None:
    # Shapingba and Gaoxin copy the same municipal plan; with it absent, neither is the other's parent.
    assert links([seeds["shapingba-jianwu-2023"], seeds["gaoxin-jianwu-2023"]]) == []


# ---------------------------------------------------------------- scale: siblings are never candidates


def test_siblings_are_never_candidates(seeds: dict[str, Document]) -> None:
    """A district's content candidates are the documents of ranks above it, however many siblings it has."""
    import dataclasses
    import zlib

    from jianwu.lineage.finder import Finder
    from jianwu.lineage.index import rank
    from jianwu.lineage.minhash import unpack_u32
    from jianwu.lineage.profile import profile_of, shingles

    docs = [seeds[i] for i in sorted(seeds)]
    siblings = [dataclasses.replace(seeds["shapingba-jianwu-2023"], id=f"shapingba-copy{n}", sha256=f"{n:064x}") for n in range(30)]
    alone, crowded = Finder([profile_of(d) for d in docs]), Finder([profile_of(d) for d in docs + siblings])
    child = sorted(seeds).index("gaoxin-jianwu-2023")

    def ids(finder: Finder) -> list[str]:
        return [finder.index.entries[p].id for p in finder.index.parents_by_content(child)]

    # Only the municipality: Ziyang's city plan ranks above a zone too, but is of another province.
    assert ids(alone) == ids(crowded) == ["chongqing-jianwu-2023"]
    assert all(rank(finder.index.entries[p].level) < 3 for finder in (alone, crowded) for p in finder.index.parents_by_content(child))
    # Each copy finds the municipal plan as the original does.
    original = alone.outcome_at(sorted(seeds).index("shapingba-jianwu-2023"))
    outcomes = [crowded.outcome_at(i) for i in range(len(docs), len(docs) + len(siblings))]
    assert {(o.parent.id, o.found_by, o.confidence) for o in outcomes} == {(original.parent.id, original.found_by, original.confidence)}
    assert original.parent.id == "chongqing-jianwu-2023"
    # The shingle set is every 8-character window's CRC-32 (of its UTF-8), sorted, packed as uint32.
    windows = ("一二三四五六七八", "二三四五六七八九", "三四五六七八九1")
    assert list(unpack_u32(shingles("一二三四五六七八九1"))) == sorted({zlib.crc32(w.encode()) for w in windows})
    assert list(unpack_u32(shingles("𠀀𠀁a二三四五六七八九"))) == sorted({zlib.crc32(t.encode()) for t in ("𠀀𠀁a二三四五六", "𠀁a二三四五六七", "a二三四五六七八", "二三四五六七八九")})


def test_profiles_without_shingles_load_them(seeds: dict[str, Document]) -> None:
    """``find_links_in`` over profiles stored without shingles (as ``jianwu index`` keeps them) gives ``find_links``."""
    import dataclasses

    from jianwu.lineage import find_links_in
    from jianwu.lineage.profile import pack_profile, profile_of, unpack_profile, unpack_shingles

    docs = [seeds[i] for i in sorted(seeds)]
    stored = {d.id: pack_profile(profile_of(d)) for d in docs}
    bare = [unpack_profile(stored[d.id][0]) for d in docs]
    assert all(p.shingles is None for p in bare)
    asked: list[str] = []

    def load(profile):  # type: ignore[no-untyped-def]
        asked.append(profile.id)
        return unpack_shingles(stored[profile.id][1])

    got = find_links_in(bare, load)
    assert [(l.child_id, l.parent_id, l.found_by, l.confidence, l.evidence) for l in got] == [
        (l.child_id, l.parent_id, l.found_by, l.confidence, l.evidence) for l in find_links(docs)
    ]
    assert set(asked) <= {d.id for d in docs} and len(asked) <= 2 * len(docs)
    assert len(dataclasses.replace(bare[0]).minhash) == 128 * 4  # 128 uint32 values


# ---------------------------------------------------------------- a bare 文号 in running text


@pytest.mark.parametrize(
    ("cited", "own", "names"),
    [
        ("冀政办字〔2022〕150号", "冀政办字〔2022〕150号", True),
        ("为贯彻落实冀政办字〔2022〕150号", "冀政办字〔2022〕150号", True),  # read with the words before it
        ("根据国发〔2021〕23号", "国发〔2021〕23号", True),
        ("根据国发〔2021〕23号", "国发〔2021〕24号", False),  # another number
        ("根据国发〔2021〕23号", "国办发〔2021〕23号", False),  # another issuer
        ("落实川办发〔2022〕7号", "发〔2022〕7号", False),  # one character is no prefix
    ],
)
def test_cites_number(cited: str, own: str, names: bool) -> None:
    from jianwu.lineage.keys import cites_number

    assert cites_number(cited, own) is names


FAMILY_BODY = """
一、总体要求
（一）指导思想。以习近平新时代中国特色社会主义思想为指导，坚持系统观念，统筹大气、水、土壤、固体废物与温室气体污染控制，推动减污降碳协同增效。
（二）主要目标。到2025年，{where}单位地区生产总值二氧化碳排放比2020年下降{cut}%。
二、重点任务
（一）强化生态环境分区管控。构建市场导向的绿色技术创新体系，完善生态环境分区管控方案，将碳达峰碳中和要求纳入“三线一单”分区管控体系。
（二）推动能源绿色低碳转型。严格控制煤炭消费增长，加快发展风电、太阳能发电，推进煤炭清洁高效利用。
"""


def family_plan(doc_id: str, cover: str, title: str, lead: str, where: str, cut: str) -> Document:
    issuer = cover.split("关于")[0]
    text = f"{cover}\n\n{issuer}\n2023年1月5日\n\n{title}\n\n{lead}\n" + FAMILY_BODY.format(where=where, cut=cut)
    return parse_document(text, doc_id=doc_id)


def test_a_bare_doc_number_in_running_text_names_its_parent() -> None:
    # 为贯彻落实冀政办字〔2022〕150号文件精神: the province's plan, not (by content) the national one.
    national = family_plan("national", "生态环境部关于印发《减污降碳协同增效实施方案》的通知\n环综合〔2022〕42号",
                           "减污降碳协同增效实施方案", "为推动减污降碳协同增效，制定本方案。", "全国", "18")
    province = family_plan("hebei", "河北省人民政府办公厅关于印发河北省减污降碳协同增效实施方案的通知\n冀政办字〔2022〕150号",
                           "河北省减污降碳协同增效实施方案", "为深入贯彻落实《减污降碳协同增效实施方案》（环综合〔2022〕42号），制定本方案。", "全省", "19")
    city = family_plan("shijiazhuang", "石家庄市人民政府办公室关于印发石家庄市减污降碳协同增效实施方案的通知\n石政办发〔2023〕12号",
                       "石家庄市减污降碳协同增效实施方案", "为贯彻落实冀政办字〔2022〕150号文件精神，结合我市实际，制定本方案。", "全市", "19.5")
    assert links([national, province, city]) == [
        ("hebei", "national", "parent", "doc_number"),
        ("shijiazhuang", "hebei", "parent", "doc_number"),
    ]
    # Without its parent, it names what it cites without the words before the 文号.
    outcome = analyse([national, city])[1]
    assert outcome.cites == "（冀政办字〔2022〕150号）"


def test_a_county_level_city_citing_its_prefecture_is_its_child() -> None:
    # 昆山市 (a county-level city: data/county_cities.tsv) cites 《苏州市…方案》: its parent. (Also
    # when a county-level city is read as a city, a citation of a city of its province links it.)
    # Two prefecture cities of the province that cite nothing of each other stay apart.
    suzhou = family_plan("suzhou", "苏州市人民政府关于印发苏州市减污降碳协同增效行动方案的通知\n苏府〔2023〕30号",
                         "苏州市减污降碳协同增效行动方案", "为贯彻落实《江苏省减污降碳协同增效实施方案》，结合我市实际，制定本方案。", "全市", "19")
    kunshan = family_plan("kunshan", "昆山市人民政府关于印发昆山市减污降碳协同增效行动方案的通知\n昆政发〔2023〕40号",
                          "昆山市减污降碳协同增效行动方案", "为深入落实《苏州市减污降碳协同增效行动方案》要求，结合我市实际，制定本方案。", "全市", "20")
    wuxi = family_plan("wuxi", "无锡市人民政府关于印发无锡市减污降碳协同增效行动方案的通知\n锡政发〔2023〕9号",
                       "无锡市减污降碳协同增效行动方案", "为贯彻落实《江苏省减污降碳协同增效实施方案》，结合我市实际，制定本方案。", "全市", "20")
    assert (suzhou.level, kunshan.level, wuxi.level) == ("city", "county", "city")
    assert links([suzhou, kunshan, wuxi]) == [("kunshan", "suzhou", "parent", "title")]


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("为贯彻落实冀政办字〔2022〕150号文件精神，制定本方案。", ["冀政办字〔2022〕150号"]),
        ("按照省政府印发的冀政办字〔2022〕150号文件要求，根据国发〔2021〕23号精神，制定本方案。", ["冀政办字〔2022〕150号", "国发〔2021〕23号"]),
    ],
)
def test_bare_doc_numbers_are_shown_without_the_words_before_them(sentence: str, written: list[str]) -> None:
    from jianwu.lineage.cites import citations_of

    doc = parse_document(f"某市减污降碳协同增效实施方案\n{sentence}\n一、总体要求\n（一）指导思想。坚持系统观念，推进工作。\n", doc_id="x")
    assert [c.written for c in citations_of(doc)] == written


NATIONAL_JIANWU = ("national", "生态环境部关于印发《减污降碳协同增效实施方案》的通知\n环综合〔2022〕42号",
                   "减污降碳协同增效实施方案", "为推动减污降碳协同增效，制定本方案。", "全国", "18")
HEBEI_JIANWU = ("hebei", "河北省人民政府办公厅关于印发河北省减污降碳协同增效实施方案的通知\n冀政办字〔2022〕150号",
                "河北省减污降碳协同增效实施方案", "为深入贯彻落实《减污降碳协同增效实施方案》（环综合〔2022〕42号），制定本方案。", "全省", "19")


def test_a_plan_of_its_own_region_it_cites_is_not_its_absent_parent() -> None:
    # A province's sector plan cites the national plan it re-issues and its own province's umbrella
    # plan of the family (absent): the umbrella is of its own level, so the national plan is its parent,
    # not an ancestor standing in for an absent direct parent.
    national = family_plan(*NATIONAL_JIANWU)
    sector = family_plan("hebei-industry", "河北省工业和信息化厅关于印发河北省工业领域减污降碳协同增效实施方案的通知\n冀工信节〔2023〕5号",
                         "河北省工业领域减污降碳协同增效实施方案",
                         "为贯彻落实《减污降碳协同增效实施方案》（环综合〔2022〕42号）和《河北省减污降碳协同增效实施方案》，制定本方案。",
                         "全省", "19")
    assert links([national, sector]) == [("hebei-industry", "national", "parent", "doc_number")]


def test_a_city_citing_only_the_national_plan_is_its_provinces_child() -> None:
    # 唐山市 cites the national plan only and names no province, but copies the province's plan:
    # its province is known from its name (data/prefectures.tsv),
    # so the province's plan is a candidate by content, and the nearest level above it wins.
    national, hebei = family_plan(*NATIONAL_JIANWU), family_plan(*HEBEI_JIANWU)
    city = family_plan("tangshan", "唐山市人民政府办公室关于印发唐山市减污降碳协同增效实施方案的通知\n唐政办字〔2023〕8号",
                       "唐山市减污降碳协同增效实施方案", "根据《减污降碳协同增效实施方案》（环综合〔2022〕42号），结合我市实际，制定本方案。",
                       "全市", "19.5")
    assert links([national, hebei, city]) == [
        ("hebei", "national", "parent", "doc_number"),
        ("tangshan", "hebei", "parent", "content"),
    ]


def test_a_cited_plan_of_another_family_is_no_rival_of_the_cited_plan_of_its_own() -> None:
    # 三明市 names the central 意见 first, the national plan of its family, and its province's (absent):
    # the central 意见 is a basis it names (another family), though a short plan shares its
    # boilerplate; the national plan of its family is its ancestor, found by 文号.
    central = parse_document("中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见\n（2021年9月22日）\n"
                             "一、总体要求\n（一）指导思想。以习近平新时代中国特色社会主义思想为指导，坚持系统观念，统筹大气、水、土壤、"
                             "固体废物与温室气体污染控制，推动减污降碳协同增效。\n", doc_id="central")
    national = family_plan(*NATIONAL_JIANWU)
    city = parse_document(
        "三明市减污降碳协同增效实施方案\n为深入贯彻《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》"
        "（中发〔2021〕36号）、生态环境部等七部门《关于印发减污降碳协同增效实施方案的通知》（环综合〔2022〕42号）和福建省生态环境厅"
        "等六部门《关于印发福建省减污降碳协同增效实施方案的通知》（闽环保综合〔2022〕12号），制定本实施方案。\n一、总体要求\n"
        "（一）指导思想。以习近平新时代中国特色社会主义思想为指导，坚持系统观念，统筹大气、水、土壤、固体废物与温室气体污染控制，"
        "推动减污降碳协同增效。\n（二）主要目标。到2025年，闽西北绿色发展走在前列。\n", doc_id="sanming")
    assert links([central, national, city]) == [("sanming", "national", "ancestor", "doc_number")]


def test_a_county_citing_its_absent_provincial_plan_is_its_citys_child() -> None:
    # 洛阳市伊川县 cites the province's plan (absent); its own city's plan, which it copies, stands
    # between them and is its direct parent (an absent province lets only its own plans, national
    # ones and those of the child's own city stand in).
    lead = "为认真贯彻落实《河南省减污降碳协同增效行动方案》，结合我{}实际，制定本方案。"
    luoyang = family_plan("luoyang", "洛阳市人民政府关于印发洛阳市减污降碳协同增效实施方案的通知\n洛政〔2023〕21号",
                          "洛阳市减污降碳协同增效实施方案", lead.format("市"), "全市", "18")
    county = family_plan("yichuan", "洛阳市伊川县人民政府关于印发伊川县减污降碳协同增效实施方案的通知\n川政〔2023〕6号",
                         "伊川县减污降碳协同增效实施方案", lead.format("县"), "全县", "18")
    zhengzhou = family_plan("zhengzhou", "郑州市人民政府关于印发郑州市减污降碳协同增效实施方案的通知\n郑政〔2023〕9号",
                            "郑州市减污降碳协同增效实施方案", lead.format("市"), "全市", "18")
    assert county.region == "洛阳市伊川县"
    assert links([luoyang, county, zhengzhou]) == [("yichuan", "luoyang", "parent", "content")]


@pytest.mark.parametrize(
    ("region", "province"),
    [
        ("昆山市", "江苏省"),  # a county-level city
        ("苏州市", "江苏省"),  # the prefecture over it
        ("苏州市吴江区", "江苏省"),  # a district of that prefecture
        ("延边朝鲜族自治州", "吉林省"),
        ("江门市", "广东省"),
        ("广州市", "广东省"),  # a prefecture without county-level cities (data/prefectures.tsv)
        ("锡林郭勒盟", "内蒙古自治区"),
        ("海南藏族自治州", "青海省"),  # not 海南省
        ("某某市", None),
        (None, None),
    ],
)
def test_city_province(region: str | None, province: str | None) -> None:
    from jianwu.regions import city_province

    assert city_province(region) == province


def test_a_broader_plan_found_by_content_is_no_parent() -> None:
    # The national 工业领域碳达峰实施方案, the province's umbrella 碳达峰实施方案 (citing the absent
    # 《2030年前碳达峰行动方案》) and a city's 工业领域 plan citing the national one, all sharing text:
    # the umbrella is no child of the sector plan (the national plan of its family it cites is absent),
    # and the city's parent is the sector plan it cites, not the nearer umbrella of a broader family.
    national = family_plan("national", "工业和信息化部 国家发展改革委 生态环境部关于印发工业领域碳达峰实施方案的通知\n工信部联节〔2022〕88号",
                           "工业领域碳达峰实施方案", "为切实做好工业领域碳达峰工作，制定本实施方案。", "全国", "18")
    umbrella = family_plan("guangdong", "广东省人民政府关于印发广东省碳达峰实施方案的通知\n粤府〔2022〕56号",
                           "广东省碳达峰实施方案", "为深入贯彻落实《2030年前碳达峰行动方案》，结合我省实际，制定本方案。", "全省", "19")
    city = family_plan("guangzhou", "广州市工业和信息化局关于印发广州市工业领域碳达峰实施方案的通知\n穗工信〔2023〕8号",
                       "广州市工业领域碳达峰实施方案", "根据《工业领域碳达峰实施方案》（工信部联节〔2022〕88号），结合我市实际，制定本方案。",
                       "全市", "19.5")
    assert links([national, umbrella, city]) == [("guangzhou", "national", "parent", "doc_number")]
