"""Tests of the layout stage: speaker lines, credits, dates, point markers, whole articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from yantai_pledges._data import load_table
from yantai_pledges.layout import (
    ArticleLayout,
    SpeakerParts,
    article_jurisdiction,
    find_places,
    find_points,
    find_speaker_mention,
    is_date_line,
    leading_credit_end,
    masthead_city,
    parse_credit,
    parse_speaker_line,
    split_statements,
    starts_with_point_marker,
    trailing_credit_start,
)
from yantai_pledges.text import Paragraph, clean

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "000_bad21ed3cf753cea.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "articles"

Row = tuple[str, str | None, tuple[str, ...], str | None]

# ---------------------------------------------------------------------------------------------
# Speaker lines: (line, name, positions, jurisdiction); name None = not a speaker line

SEED_SPEAKERS: list[Row] = [
    (
        "市委常委、副市长，开发区工委书记、管委主任 牟树青",
        "牟树青",
        ("市委常委", "副市长", "开发区工委书记", "管委主任"),
        "开发区",
    ),
    ("市委常委、栖霞市委书记 包华", "包华", ("市委常委", "栖霞市委书记"), "栖霞市"),
    ("芝罘区委书记 李良", "李良", ("芝罘区委书记",), "芝罘区"),
    ("莱山区委书记 罗建", "罗建", ("莱山区委书记",), "莱山区"),
    (
        "市委常委、秘书长，长岛综合试验区工委书记、管委主任 于锋",
        "于锋",
        ("市委常委", "秘书长", "长岛综合试验区工委书记", "管委主任"),
        "长岛综合试验区",
    ),
    (
        "烟台综合保税区工委书记、管委主任 王克文",
        "王克文",
        ("烟台综合保税区工委书记", "管委主任"),
        "烟台综合保税区",
    ),
    ("福山区委书记 李金涛", "李金涛", ("福山区委书记",), "福山区"),
    ("牟平区委书记 殷锡瑞", "殷锡瑞", ("牟平区委书记",), "牟平区"),
]
OTHER_PAPER_SPEAKERS: list[Row] = [
    (
        "青岛市委常委、西海岸新区工委书记 周安",
        "周安",
        ("青岛市委常委", "西海岸新区工委书记"),
        "西海岸新区",
    ),
    ("潍坊市寒亭区委书记  王勇", "王勇", ("潍坊市寒亭区委书记",), "潍坊市寒亭区"),
    ("济南市历下区区长 李军", "李军", ("济南市历下区区长",), "济南市历下区"),
    ("黄岛区委副书记、区长 刘明", "刘明", ("黄岛区委副书记", "区长"), "黄岛区"),
    ("即墨区委书记 孙伟", "孙伟", ("即墨区委书记",), "即墨区"),
    ("胶州市委书记 赵明", "赵明", ("胶州市委书记",), "胶州市"),
    ("平度市委副书记、市长 钱伟", "钱伟", ("平度市委副书记", "市长"), "平度市"),
    ("莱西市委书记 周涛", "周涛", ("莱西市委书记",), "莱西市"),
    ("城阳区委书记 吴刚", "吴刚", ("城阳区委书记",), "城阳区"),
    ("崂山区委书记 郑华", "郑华", ("崂山区委书记",), "崂山区"),
    ("市北区委书记 冯军", "冯军", ("市北区委书记",), "市北区"),
    ("青岛高新区工委书记 陈晓", "陈晓", ("青岛高新区工委书记",), "青岛高新区"),
    (
        "潍坊滨海经济技术开发区党工委书记 褚红",
        "褚红",
        ("潍坊滨海经济技术开发区党工委书记",),
        "潍坊滨海经济技术开发区",
    ),
    ("寿光市委书记 赵新春", "赵新春", ("寿光市委书记",), "寿光市"),
    ("青州市委副书记、代市长 卫东", "卫东", ("青州市委副书记", "代市长"), "青州市"),
    ("诸城市委书记 桑明", "桑明", ("诸城市委书记",), "诸城市"),
    ("临沂市兰山区委书记 李超", "李超", ("临沂市兰山区委书记",), "临沂市兰山区"),
    ("淄博市张店区委书记 王亮", "王亮", ("淄博市张店区委书记",), "淄博市张店区"),
    (
        "日照市东港区委副书记、区长 孟雪",
        "孟雪",
        ("日照市东港区委副书记", "区长"),
        "日照市东港区",
    ),
    ("威海市环翠区委书记 于晓", "于晓", ("威海市环翠区委书记",), "威海市环翠区"),
    ("荣成市委书记 刘海", "刘海", ("荣成市委书记",), "荣成市"),
    ("文登区委书记 毕强", "毕强", ("文登区委书记",), "文登区"),
    ("乳山市委副书记、市长 林涛", "林涛", ("乳山市委副书记", "市长"), "乳山市"),
    (
        "济宁高新区党工委书记、管委会主任 孔明",
        "孔明",
        ("济宁高新区党工委书记", "管委会主任"),
        "济宁高新区",
    ),
    ("曲阜市委书记 颜龙", "颜龙", ("曲阜市委书记",), "曲阜市"),
    ("泰安市泰山区委书记 姜伟", "姜伟", ("泰安市泰山区委书记",), "泰安市泰山区"),
    ("德州市德城区区长 陈红", "陈红", ("德州市德城区区长",), "德州市德城区"),
    ("聊城市东昌府区委书记 高飞", "高飞", ("聊城市东昌府区委书记",), "聊城市东昌府区"),
    (
        "滨州市滨城区委副书记、区长 任杰",
        "任杰",
        ("滨州市滨城区委副书记", "区长"),
        "滨州市滨城区",
    ),
    ("东营市东营区委书记 邵峰", "邵峰", ("东营市东营区委书记",), "东营市东营区"),
    ("菏泽市牡丹区委书记 张建", "张建", ("菏泽市牡丹区委书记",), "菏泽市牡丹区"),
    ("山东省委常委、烟台市委书记 江成", "江成", ("山东省委常委", "烟台市委书记"), "烟台市"),
    ("省委常委、济南市委书记 刘强", "刘强", ("省委常委", "济南市委书记"), "济南市"),
    ("烟台市副市长 李四", "李四", ("烟台市副市长",), "烟台市"),
    ("栖霞市人民政府市长 张平", "张平", ("栖霞市人民政府市长",), "栖霞市"),
    ("中共栖霞市委书记 包华", "包华", ("中共栖霞市委书记",), "栖霞市"),
    ("昆山市委书记 周伟", "周伟", ("昆山市委书记",), "昆山市"),
    ("江阴市委书记 许峰", "许峰", ("江阴市委书记",), "江阴市"),
    ("杭州市余杭区委书记 刘颖", "刘颖", ("杭州市余杭区委书记",), "杭州市余杭区"),
    ("深圳市南山区委书记 黄海", "黄海", ("深圳市南山区委书记",), "深圳市南山区"),
    ("成都市武侯区区长 罗敏", "罗敏", ("成都市武侯区区长",), "成都市武侯区"),
    ("长沙县委书记 沈裕", "沈裕", ("长沙县委书记",), "长沙县"),
    ("晋江市委书记 张文", "张文", ("晋江市委书记",), "晋江市"),
    ("义乌市委副书记、市长 王健", "王健", ("义乌市委副书记", "市长"), "义乌市"),
    ("延边州委书记 金成", "金成", ("延边州委书记",), "延边州"),
    ("大辛店镇党委书记 刘伟", "刘伟", ("大辛店镇党委书记",), "大辛店镇"),
    ("凤凰街道党工委书记 陈静", "陈静", ("凤凰街道党工委书记",), "凤凰街道"),
    ("幸福社区党委书记 赵丽", "赵丽", ("幸福社区党委书记",), "幸福社区"),
    ("南村村党支部书记 王刚", "王刚", ("南村村党支部书记",), "南村村"),
    ("芝罘区人大常委会主任 宋江", "宋江", ("芝罘区人大常委会主任",), "芝罘区"),
    ("高新区管委会主任 王海", "王海", ("高新区管委会主任",), "高新区"),
    ("开发区党工委书记 孙明", "孙明", ("开发区党工委书记",), "开发区"),
    (
        "黄渤海新区党工委书记、管委主任 周军",
        "周军",
        ("黄渤海新区党工委书记", "管委主任"),
        "黄渤海新区",
    ),
]
NO_PLACE_SPEAKERS: list[Row] = [
    ("区委书记：张三", "张三", ("区委书记",), None),
    ("市委副书记、市长 郑德雁", "郑德雁", ("市委副书记", "市长"), None),
    ("区委副书记、区长 王海燕", "王海燕", ("区委副书记", "区长"), None),
    ("县委书记 李强", "李强", ("县委书记",), None),
    ("市长 张三", "张三", ("市长",), None),
    ("市发展改革委主任 孙强", "孙强", ("市发展改革委主任",), None),
    ("市工业和信息化局局长 陈刚", "陈刚", ("市工业和信息化局局长",), None),
    ("市商务局党组书记、局长 刘洋", "刘洋", ("市商务局党组书记", "局长"), None),
    ("市政协主席 李华", "李华", ("市政协主席",), None),
    ("区人大常委会主任 宋江", "宋江", ("区人大常委会主任",), None),
    ("市委常委、组织部部长 王晶", "王晶", ("市委常委", "组织部部长"), None),
    ("市委常委、宣传部部长 陈晨", "陈晨", ("市委常委", "宣传部部长"), None),
    ("市纪委书记、市监委主任 刘洁", "刘洁", ("市纪委书记", "市监委主任"), None),
    ("市委常委、常务副市长 于涛", "于涛", ("市委常委", "常务副市长"), None),
    ("市政府副秘书长 张伟", "张伟", ("市政府副秘书长",), None),
    ("市住房城乡建设局局长 马超", "马超", ("市住房城乡建设局局长",), None),
    ("市重点项目指挥部指挥长 刘刚", "刘刚", ("市重点项目指挥部指挥长",), None),
]
FORM_SPEAKERS: list[Row] = [
    # separators between positions and name
    ("莱山区委书记:罗建", "罗建", ("莱山区委书记",), "莱山区"),
    ("莱山区委书记：罗建", "罗建", ("莱山区委书记",), "莱山区"),
    ("莱山区委书记罗建", "罗建", ("莱山区委书记",), "莱山区"),
    ("莱山区委书记\u3000罗建", "罗建", ("莱山区委书记",), "莱山区"),
    ("福山区委书记李金涛", "李金涛", ("福山区委书记",), "福山区"),
    ("区委副书记、区长王海燕", "王海燕", ("区委副书记", "区长"), None),
    # a two-character name padded to three
    ("莱山区委书记 罗 建", "罗建", ("莱山区委书记",), "莱山区"),
    ("招远市委书记 周 伟", "周伟", ("招远市委书记",), "招远市"),
    # decoration
    ("■ 莱山区委书记 罗建", "罗建", ("莱山区委书记",), "莱山区"),
    ("——莱山区委书记 罗建", "罗建", ("莱山区委书记",), "莱山区"),
    ("（莱山区委书记 罗建）", "罗建", ("莱山区委书记",), "莱山区"),
    ("● 芝罘区委书记 李良", "李良", ("芝罘区委书记",), "芝罘区"),
    # an interview's subtitle, and deputies to a congress
    (
        "——访市人大代表、岳阳楼区委副书记、区长罗志刚",
        "罗志刚",
        ("市人大代表", "岳阳楼区委副书记", "区长"),
        "岳阳楼区",
    ),
    ("——专访莱山区委书记 罗建", "罗建", ("莱山区委书记",), "莱山区"),
    # an interview's speaker line, with a colon before the answers below it
    ("英德市英红镇党委书记 黄志坚：", "黄志坚", ("英德市英红镇党委书记",), "英德市英红镇"),
    ("莱山区委书记 罗建:", "罗建", ("莱山区委书记",), "莱山区"),
    # positions separated by spaces or slashes
    (
        "市委常委 副市长 开发区工委书记 牟树青",
        "牟树青",
        ("市委常委", "副市长", "开发区工委书记"),
        "开发区",
    ),
    ("市委常委/栖霞市委书记 包华", "包华", ("市委常委", "栖霞市委书记"), "栖霞市"),
    # a bare place before a title that carries its unit
    ("历下区长 李军", "李军", ("历下区长",), "历下区"),
    ("莱阳市长 王伟", "王伟", ("莱阳市长",), "莱阳市"),
    # compound surnames and minority names
    ("即墨区委副书记、区长 欧阳晓东", "欧阳晓东", ("即墨区委副书记", "区长"), "即墨区"),
    ("莱州市委书记 司马光明", "司马光明", ("莱州市委书记",), "莱州市"),
    ("伊宁县县长 艾尔肯·吐尼亚孜", "艾尔肯·吐尼亚孜", ("伊宁县县长",), "伊宁县"),
    ("芝罘区委书记 诸葛亮", "诸葛亮", ("芝罘区委书记",), "芝罘区"),
    # leader outranks member: jurisdiction from the post the speaker leads
    ("市委常委、蓬莱区委书记 刘志强", "刘志强", ("市委常委", "蓬莱区委书记"), "蓬莱区"),
    ("烟台市委常委、龙口市委书记 赵新", "赵新", ("烟台市委常委", "龙口市委书记"), "龙口市"),
    ("海阳市委副书记、市长 陈立军", "陈立军", ("海阳市委副书记", "市长"), "海阳市"),
]
NOT_SPEAKERS: list[Row] = [
    ("区市书记谈坚定不移推动高质量发展", None, (), None),
    ("培强产业集群 壮大工业规模", None, (), None),
    ("项目发展风正劲 凝聚力量再出发", None, (), None),
    ("突出“项目为王 落地为要”", None, (), None),
    ("书记谈", None, (), None),
    ("区长谈", None, (), None),
    ("当好项目建设的“一线书记”", None, (), None),
    ("抓项目的好书记 李四", None, (), None),
    ("书记带头抓项目 干部争先促发展", None, (), None),
    ("莱山区委书记罗建表示，要加快项目建设。", None, (), None),
    ("YMG全媒体记者 童佳怡 整理", None, (), None),
    ("2023年2月10日", None, (), None),
    ("一是以最强烈担当提增速、作贡献。", None, (), None),
    ("区委书记 项目一线", None, (), None),
    ("全市高质量发展集中观摩活动", None, (), None),
    ("市委常委、副市长，开发区工委书记、管委主任", None, (), None),
    ("记者 王明", None, (), None),
    ("记者：", None, (), None),
    ("访谈录", None, (), None),
    ("主任医师 张三", None, (), None),
    ("抓项目 促发展", None, (), None),
    ("区委书记谈发展", None, (), None),
    ("", None, (), None),
    ("书记", None, (), None),
    ("罗建", None, (), None),
    ("全力以赴抓项目兴业态。", None, (), None),
]
KNOWN_FAILURES = [
    pytest.param(
        "会上莱山区委书记 罗建",
        "罗建",
        ("莱山区委书记",),
        "莱山区",
        marks=pytest.mark.xfail(
            strict=True, reason="no gazetteer: 会上 is read as part of the place"
        ),
    ),
    pytest.param(
        "书记 带头",
        None,
        (),
        None,
        marks=pytest.mark.xfail(strict=True, reason="no surname list: 带头 passes as a name"),
    ),
]


@pytest.mark.parametrize(
    ("line", "name", "positions", "jurisdiction"),
    [
        *SEED_SPEAKERS,
        *OTHER_PAPER_SPEAKERS,
        *NO_PLACE_SPEAKERS,
        *FORM_SPEAKERS,
        *NOT_SPEAKERS,
        *KNOWN_FAILURES,
    ],
)
def test_speaker_line(
    line: str, name: str | None, positions: tuple[str, ...], jurisdiction: str | None
) -> None:
    speaker = parse_speaker_line(line, 100)
    if name is None:
        assert speaker is None
        return
    assert speaker is not None
    assert (speaker.name, speaker.positions, speaker.jurisdiction) == (
        name,
        positions,
        jurisdiction,
    )
    assert 100 <= speaker.start < speaker.end <= 100 + len(line)


def test_speaker_rows_are_many() -> None:
    rows = SEED_SPEAKERS + OTHER_PAPER_SPEAKERS + NO_PLACE_SPEAKERS + FORM_SPEAKERS + NOT_SPEAKERS
    assert len(rows) >= 100


# Speaker and headline on one line: (line, name, headline)
COMBINED_ROWS = [
    ("莱山区委书记 罗建：奋力夺取项目建设大突破", "罗建", "奋力夺取项目建设大突破"),
    ("莱山区委书记罗建：奋力夺取项目建设大突破", "罗建", "奋力夺取项目建设大突破"),
    ("奋力夺取项目建设大突破丨莱山区委书记 罗建", "罗建", "奋力夺取项目建设大突破"),
    ("奋力夺取项目建设大突破|莱山区委书记 罗建", "罗建", "奋力夺取项目建设大突破"),
    ("奋力夺取项目建设大突破 | 莱山区委书记 罗建", "罗建", "奋力夺取项目建设大突破"),
    ("奋力夺取项目建设大突破——莱山区委书记 罗建", "罗建", "奋力夺取项目建设大突破"),
    ("市委常委、栖霞市委书记 包华：项目发展风正劲", "包华", "项目发展风正劲"),
    # a column label before the speaker (济南日报 两会访谈, 大众日报 书记访谈)
    ("两会访谈｜莱芜区委书记 马国庆：新材料产业向“新”而行", "马国庆", "新材料产业向“新”而行"),
    ("两会访谈 | 莱芜区委书记马国庆：新材料产业向“新”而行", "马国庆", "新材料产业向“新”而行"),
    ("书记访谈|莱山区委书记 罗建：奋力夺取项目建设大突破", "罗建", "奋力夺取项目建设大突破"),
    ("书记谈丨市委常委、栖霞市委书记 包华：项目发展风正劲", "包华", "项目发展风正劲"),
    (
        "县委书记谈发展｜平原县委书记 韩立峰:以链式思维壮大县域经济",
        "韩立峰",
        "以链式思维壮大县域经济",
    ),
]


@pytest.mark.parametrize(("line", "name", "headline"), COMBINED_ROWS)
def test_speaker_and_headline_on_one_line(line: str, name: str, headline: str) -> None:
    text, paragraphs = clean(f"{line}\n全市上下闻令而动、奋勇争先，确保全年引进项目30个以上。")
    layout = split_statements(text, paragraphs)
    [statement] = layout.statements
    assert statement.speaker is not None
    assert statement.speaker.name == name
    assert statement.headline is not None
    assert statement.headline.text == headline
    assert text[statement.headline.start : statement.headline.end] == headline
    assert name in text[statement.speaker.start : statement.speaker.end]


# ---------------------------------------------------------------------------------------------
# Speakers in running text: (text, name, positions, jurisdiction)

MENTION_ROWS: list[Row] = [
    # real pages (dev): a report delivered for a body; a dotted name; a presidium is no official
    (
        "当天，天全县委书记余力代表中国共产党天全县第十四届委员会作提振“天全状态”的报告。",
        "余力",
        ("天全县委书记",),
        "天全县",
    ),
    (
        "自治区主席艾尔肯·吐尼亚孜代表自治区人民政府作政府工作报告，",
        "艾尔肯·吐尼亚孜",
        ("自治区主席",),
        "自治区",  # as written: the autonomous region itself
    ),
    ("会议听取和审议鸿山镇人大主席团工作报告。", None, (), None),
    ("会上，莱山区委书记罗建表示，要加快项目建设。", "罗建", ("莱山区委书记",), "莱山区"),
    ("市委常委、栖霞市委书记包华在会上指出，", "包华", ("市委常委", "栖霞市委书记"), "栖霞市"),
    ("福山区委书记李金涛在讲话中强调，", "李金涛", ("福山区委书记",), "福山区"),
    ("据莱阳市委书记刘建国介绍，", "刘建国", ("莱阳市委书记",), "莱阳市"),
    ("区委副书记、区长王海燕说，", "王海燕", ("区委副书记", "区长"), None),
    ("蓬莱区委书记刘志强同志指出，", "刘志强", ("蓬莱区委书记",), "蓬莱区"),
    # news reports: a bare title and a meeting verb (潍坊日报, 日照日报, 临沂日报)
    ("区委书记张立新出席会议并讲话。", "张立新", ("区委书记",), None),
    ("区委书记周立军在会上强调，要抢抓机遇。", "周立军", ("区委书记",), None),
    ("县委书记王伟在会上作动员讲话，", "王伟", ("县委书记",), None),
    ("县委书记王伟作动员讲话。", "王伟", ("县委书记",), None),
    ("镇党委书记孙志强主持会议并讲话。", "孙志强", ("镇党委书记",), None),
    ("区长李文博作政府工作报告。", "李文博", ("区长",), None),
    ("区委书记张立新在会上要求，", "张立新", ("区委书记",), None),
    # real pages (tests/fixtures/real/dev), in sentences of our own: a work report delivered on
    # behalf of the government, ASCII commas, and a titled name that speaks later by itself
    ("某省人民政府省长张三代表省人民政府,向大会报告工作。", "张三", ("某省人民政府省长",), "某省"),
    ("县长李四代表县人民政府向大会作《政府工作报告》。", "李四", ("县长",), None),
    ("发布会上,某某区委书记王五介绍,", "王五", ("某某区委书记",), "某某区"),
    ("开发区党工委书记赵六参加会议。赵六指出，要抓项目。", "赵六", ("开发区党工委书记",), "开发区"),
    ("区委书记王俊、区长张国强出席。张国强在致辞中表示，", "张国强", ("区长",), None),
    ("区委书记王俊出席会议。会议由区长王俊辉主持。", None, (), None),  # nobody speaks
    (
        "市委常委、蓬莱区委书记刘志强出席仪式并致辞。",
        "刘志强",
        ("市委常委", "蓬莱区委书记"),
        "蓬莱区",
    ),
    ("区委书记出席会议并讲话。", None, (), None),
    ("区委书记张立新出席会议。", None, (), None),
    ("市委书记在会上指出，要抓好项目。", None, (), None),
    ("全区上下要树牢项目为王理念。", None, (), None),
]


# Reports without speaker lines in which officials take turns: (paragraphs, speaker per statement).
TURN_ROWS: list[tuple[list[str], list[str | None]]] = [
    (  # an open day: each paragraph opens with the quote, the official is named after it (n20)
        [
            "贵州代表团团组开放日活动上，代表发言精彩。",
            "“贵州没有雾霾！”全国人大代表、省委书记孙志刚话音刚落，全场响起掌声。",
            "“好空气聚财气。”全国人大代表、省长谌贻琴在回答记者提问时说。",
        ],
        ["孙志刚", "谌贻琴"],
    ),
    (  # a press conference: a director, a deputy district head, the director again
        [
            "4月17日，市政府新闻办召开新闻发布会。",
            "据市商务局局长王建国介绍，一季度全市新签约项目63个。",
            "王建国表示，全年力争新签约项目300个以上。",
            "荷塘区委常委、副区长刘芳在发布会上介绍，一季度荷塘区新签约项目14个。",
            "在回答记者提问时，王建国说，企业开办压缩至1个工作日内。",
        ],
        ["王建国", "刘芳", "王建国"],
    ),
    (  # one official named again and again: one statement
        [
            "县委书记张立新出席会议并讲话。",
            "张立新强调，要确保全年新开工项目50个。",
            "张立新要求，各级各部门要压实责任。",
        ],
        ["张立新"],
    ),
    (  # an official named late in a paragraph, or without a verb of speech, takes no turn
        [
            "县委书记张立新在会上指出，全年新开工项目50个。",
            "会议由县长李华主持。",
            "全县上下要认真落实县委书记张立新提出的各项要求，确保落地见效，县长李华表示赞同。",
        ],
        ["张立新"],
    ),
    (  # an official named with a verb of speech in the lead takes a turn later by name alone
        [
            "全市重点项目建设推进会议召开。市长周文博出席会议并讲话，副市长韩立群通报全市项目建设情况。",
            "周文博强调，全年力争新开工项目300个。",
            "会上，韩立群通报了今年重点任务，计划实施老旧小区改造112个。",
        ],
        ["周文博", "韩立群"],
    ),
    (  # two officials named at a paragraph's head: the one named first in the article is tried
        # first (周文博), not the one nearest the head
        [
            "全市重点项目建设推进会议召开。市长周文博出席会议并讲话，副市长韩立群通报全市项目建设情况。",
            "会上，韩立群通报了今年重点任务，计划实施老旧小区改造112个。",
            "韩立群说完后，周文博表示，全年力争新开工项目300个。",
        ],
        ["周文博", "韩立群", "周文博"],
    ),
    (["全市新签约项目63个。"], [None]),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), TURN_ROWS)
def test_officials_taking_turns_get_a_statement_each(
    paragraphs: list[str], speakers: list[str | None]
) -> None:
    text, cleaned = clean("\n\n".join(paragraphs))
    layout = split_statements(text, cleaned)
    assert [b.speaker.name if b.speaker else None for b in layout.statements] == speakers
    bodies = [p.text for block in layout.statements for p in block.body]
    assert bodies == paragraphs  # every paragraph in exactly one statement, in order


@pytest.mark.parametrize(("text", "name", "positions", "jurisdiction"), MENTION_ROWS)
def test_speaker_mention(
    text: str, name: str | None, positions: tuple[str, ...], jurisdiction: str | None
) -> None:
    speaker = find_speaker_mention(text)
    if name is None:
        assert speaker is None
        return
    assert speaker is not None
    assert (speaker.name, speaker.positions, speaker.jurisdiction) == (
        name,
        positions,
        jurisdiction,
    )
    assert text[speaker.start : speaker.end].endswith(name)
    assert text[speaker.start : speaker.end].startswith(positions[0])


# ---------------------------------------------------------------------------------------------
# Place names of a level in running text: (text, level, places)

PlaceRow = tuple[str, str, tuple[str, ...]]

HEADLINE_PLACES: list[PlaceRow] = [
    ("兰山区：交出高质量发展“硬核”答卷", "区", ("兰山区",)),
    ("寒亭区召开重点项目建设推进会", "区", ("寒亭区",)),
    ("岚山区部署港产城融合发展工作", "区", ("岚山区",)),
    ("沂南县政府工作报告", "县", ("沂南县",)),
    ("——2024年1月10日在济南市历城区第十八届人民代表大会第四次会议上", "区", ("历城区",)),
    ("——2024年1月15日在沂南县第十九届人民代表大会第三次会议上", "县", ("沂南县",)),
    ("西海岸新区：勇当高质量发展排头兵", "区", ("西海岸新区",)),
    ("聊城市东昌府区：打造鲁西崛起高地", "区", ("东昌府区",)),
    ("诸城市：争创全国百强县市", "市", ("诸城市",)),
]
BODY_PLACES: list[PlaceRow] = [
    ("今年，兰山区将实施重点项目237个。", "区", ("兰山区",)),
    ("今年兰山区将实施重点项目237个。", "区", ("兰山区",)),
    ("4月11日，岚山区召开港产城融合发展推进大会。区委书记周立军在会上强调", "区", ("岚山区",)),
    ("2月20日，寒亭区召开全区重点项目建设推进会议。", "区", ("寒亭区",)),
    ("院上镇是远近闻名的“草莓之乡”，全镇现有草莓种植面积1.2万亩。", "镇", ("院上镇",)),
    ("今年，凤凰街道将新建口袋公园5个。", "镇", ("凤凰街道",)),
    ("今年，兰山区将与罗庄区、河东区协同发展。", "区", ("兰山区", "罗庄区", "河东区")),
    ("其中兰山区新增企业30家。", "区", ("兰山区",)),
    ("中共聊城市委十四届五次全体会议召开", "市", ("聊城市",)),
    ("中国共产党聊城市第十四届委员会第五次全体会议在聊城召开。", "市", ("聊城市",)),
]
NOT_PLACES: list[PlaceRow] = [
    ("会上区委书记周立军强调，全区上下要加快建设。", "区", ()),
    ("本区将加快建设，我区去年完成投资200亿元。", "区", ()),
    ("推动区域协调发展，全年实施区级以上重点项目42个。", "区", ()),
    ("打造主城区发展新引擎，加快老城区改造。", "区", ()),
    ("岚山港区完成货物吞吐量1.1亿吨。", "区", ()),
    ("，产业园区完成投资50亿元，幸福社区新建养老中心。", "区", ()),
    ("，大湾区建设", "区", ()),
    ("创建全国文明城市，推动企业上市，建设城市更新项目。", "市", ()),
    ("市场主体达到10万户，市民满意度提升。", "市", ()),
    ("，县城建设提速，县域经济壮大。", "县", ()),
    ("推进乡村振兴，建设美丽乡村，打造富民强镇，发展小城镇。", "镇", ()),
    ("今年，莒县将新开工项目30个。", "区", ()),
    ("今年，兰山区将实施重点项目237个。", "县", ()),
    ("", "区", ()),
    ("推进共享城市建设，打造公共城区空间。", "市", ()),
]


@pytest.mark.parametrize(("text", "level", "places"), HEADLINE_PLACES + BODY_PLACES + NOT_PLACES)
def test_find_places(text: str, level: str, places: tuple[str, ...]) -> None:
    assert find_places(text, level) == places


# Jurisdiction inferred for a post without a place: (article, speaker, jurisdiction); a warning
# says so exactly when a jurisdiction was inferred.
INFERRED_ROWS: list[tuple[str, str | None, str | None]] = [
    # from the first body paragraph (临沂日报 区长谈)
    ("区长谈\n区长 赵卫东\n今年，兰山区将实施重点项目237个。", "赵卫东", "兰山区"),
    # from the headline
    (
        "区长谈\n兰山区：全力冲刺千亿目标\n区长 赵卫东\n今年，我们将实施重点项目237个。",
        "赵卫东",
        "兰山区",
    ),
    # from the article title (a news report; a work report with a subtitle)
    (
        "寒亭区召开重点项目建设推进会\n会议要求，区委书记张立新出席会议并讲话。今年完成投资200亿元。",
        "张立新",
        "寒亭区",
    ),
    (
        "沂南县政府工作报告\n——2024年1月15日在沂南县第十九届人民代表大会第三次会议上\n"
        "县长 高建民\n各位代表：\n今年全县地区生产总值增长6%。",
        "高建民",
        "沂南县",
    ),
    # a township and a sub-district
    (
        "镇党委书记 孙志强\n院上镇是远近闻名的“草莓之乡”，全镇现有草莓种植面积1.2万亩。",
        "孙志强",
        "院上镇",
    ),
    ("街道党工委书记 陈静\n今年，凤凰街道将新建口袋公园5个。", "陈静", "凤凰街道"),
    ("市委副书记、市长 郑德雁\n今年，莱阳市将新开工项目30个。", "郑德雁", "莱阳市"),
    # not inferred: two places, the wrong level, only false places, a later paragraph
    (
        "区委书记 周立军\n今年，岚山区将与东港区协同推进港产城融合，新开工项目30个。",
        "周立军",
        None,
    ),
    ("区委书记 周立军\n今年，莒县将新开工项目30个。", "周立军", None),
    ("区委书记 周立军\n今年，全区将新开工项目30个，本区产业园区新增企业20家。", "周立军", None),
    ("区长 赵卫东\n今年，我们将实施重点项目237个。\n兰山区将新增企业30家。", "赵卫东", None),
    # a position with a place keeps it
    ("莱山区委书记 罗建\n今年，芝罘区与莱山区将共建产业园。", "罗建", "莱山区"),
]


@pytest.mark.parametrize(("raw", "name", "jurisdiction"), INFERRED_ROWS)
def test_jurisdiction_inferred_from_the_text(
    raw: str, name: str | None, jurisdiction: str | None
) -> None:
    text, paragraphs = clean(raw)
    layout = split_statements(text, paragraphs)
    [statement] = layout.statements
    assert statement.speaker is not None
    assert (statement.speaker.name, statement.speaker.jurisdiction) == (name, jurisdiction)
    inferred = [warning for warning in layout.warnings if "inferred" in warning]
    if jurisdiction is None or jurisdiction in statement.speaker.positions[0]:
        assert inferred == []
    else:
        assert inferred == [
            f"the jurisdiction of {name} ({jurisdiction}) was inferred from the text: "
            f"the position ({'、'.join(statement.speaker.positions)}) names no place"
        ]


def test_label_is_dropped_from_a_headline() -> None:
    raw = "区县委书记访谈\n两会访谈｜新材料产业向“新”而行\n莱芜区委书记 马国庆\n今年新增企业30家。"
    text, paragraphs = clean(raw)
    layout = split_statements(text, paragraphs)
    [statement] = layout.statements
    assert statement.headline is not None
    assert statement.headline.text == "新材料产业向“新”而行"
    assert text[statement.headline.start : statement.headline.end] == statement.headline.text


# ---------------------------------------------------------------------------------------------
# Credits: (credit, names); None = not a credit

CreditRow = tuple[str, tuple[str, ...] | None]

SEED_CREDITS: list[CreditRow] = [
    ("YMG全媒体记者 童佳怡 整理", ("童佳怡",)),
    ("YMG全媒体记者 赵巍巍 整理", ("赵巍巍",)),
    ("YMG全媒体记者 徐睿 整理", ("徐睿",)),
]
OTHER_CREDITS: list[CreditRow] = [
    ("YMG全媒体记者 童佳怡 通讯员 李华 整理", ("童佳怡", "李华")),
    ("（YMG全媒体记者 王明 通讯员 李华）", ("王明", "李华")),
    ("本报讯（记者 王明）", ("王明",)),
    ("本报讯(记者王明 通讯员李华)", ("王明", "李华")),
    ("记者 王明 报道", ("王明",)),
    ("（记者 王明）", ("王明",)),
    ("本报记者 刘 阳 整理", ("刘阳",)),
    ("文/王明 图/李华", ("王明", "李华")),
    ("文/赵倩", ("赵倩",)),
    ("烟台日报全媒体记者 王明", ("王明",)),
    ("大众日报记者 张晓 通讯员 王雷 报道", ("张晓", "王雷")),
    ("记者 王明、李华", ("王明", "李华")),
    ("YMG全媒体记者童佳怡整理", ("童佳怡",)),
    ("新华社记者 王明 李华", ("王明", "李华")),
    ("实习生 张三", ("张三",)),
    ("记者 欧阳晓东 整理", ("欧阳晓东",)),
    # 青岛日报: a bullet, the paper and its app before the role
    ("□青岛日报/观海新闻记者 王 凯 整理", ("王凯",)),
    ("青岛日报/观海新闻记者 林芳", ("林芳",)),
]
NOT_CREDITS: list[CreditRow] = [
    ("据记者了解", None),
    ("记者从市发改委获悉", None),
    ("记者 王明表示要加快推进", None),
    ("培强产业集群 壮大工业规模", None),
    ("莱山区委书记 罗建", None),
    ("通讯员队伍建设", None),
    ("青岛日报/观海新闻", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "names"), SEED_CREDITS + OTHER_CREDITS + NOT_CREDITS)
def test_parse_credit(text: str, names: tuple[str, ...] | None) -> None:
    assert parse_credit(text) == names


TRAILING_CREDIT_ROWS = [
    ("争创高质量发展新优势。 YMG全媒体记者 童佳怡 整理", "YMG全媒体记者 童佳怡 整理"),
    ("确保重点项目高质高效推进。（记者 王明）", "（记者 王明）"),
    ("年内新增国家级创新平台5个以上。 本报记者 刘 阳 整理", "本报记者 刘 阳 整理"),
    ("全年新增市场主体1.5万户。 YMG全媒体记者 林晓东 整理", "YMG全媒体记者 林晓东 整理"),
    ("确保重点项目高质高效推进。", None),
    ("全年实现地区生产总值过万亿元。据记者了解", None),
    ("YMG全媒体记者", None),
]


@pytest.mark.parametrize(("text", "credit"), TRAILING_CREDIT_ROWS)
def test_trailing_credit(text: str, credit: str | None) -> None:
    start = trailing_credit_start(text)
    if credit is None:
        assert start is None
    else:
        assert start is not None
        assert text[start:] == credit


LEADING_CREDIT_ROWS = [
    ("本报讯（记者 王明）2月10日，莱山区召开大会。", "本报讯（记者 王明）"),
    (
        "（YMG全媒体记者 王明 通讯员 李华）招远市将坚持招商引资。",
        "（YMG全媒体记者 王明 通讯员 李华）",
    ),
    ("本报讯 记者 王明 报道 2月10日，莱山区召开大会。", "本报讯 记者 王明 报道 "),
    ("（一）加快项目建设。", None),
    ("（2023年2月10日）会议召开。", None),
    ("本报讯 2月10日，莱山区召开大会。", None),
]


@pytest.mark.parametrize(("text", "credit"), LEADING_CREDIT_ROWS)
def test_leading_credit(text: str, credit: str | None) -> None:
    end = leading_credit_end(text)
    if credit is None:
        assert end is None
    else:
        assert end is not None
        assert text[:end] == credit


DATE_ROWS = [
    ("2023年2月10日", True),
    ("2月10日", True),
    ("2023年2月10日 星期五", True),
    ("（2023年2月10日）", True),
    ("2023-02-10", True),
    ("2023.2.10", True),
    ("二〇二三年二月十日", True),
    ("2023年", False),
    ("2月10日，莱山区召开大会。", False),
    ("13月40日", False),
]


@pytest.mark.parametrize(("line", "expected"), DATE_ROWS)
def test_date_line(line: str, expected: bool) -> None:
    assert is_date_line(line) is expected


# ---------------------------------------------------------------------------------------------
# Point markers: (paragraph, marker, lead); marker None = no point

POINT_ROWS: list[tuple[str, str | None, str | None] | object] = [
    ("一是以最强烈担当提增速、作贡献。瞄准“首季开门红”。", "一是", "以最强烈担当提增速、作贡献"),
    ("二要鼓足干劲抓项目、强支撑。聚焦重点项目。", "二要", "鼓足干劲抓项目、强支撑"),
    ("第一，突出项目为王。围绕优势产业链。", "第一", "突出项目为王"),
    ("第二、突出招大引强。组建招商专班。", "第二", "突出招大引强"),
    ("（三）聚焦营商环境优化提升。深化改革。", "（三）", "聚焦营商环境优化提升"),
    ("(三)聚焦营商环境优化提升。深化改革。", "(三)", "聚焦营商环境优化提升"),
    ("一、强化产业链招商。绘制招商图谱。", "一、", "强化产业链招商"),
    ("1.做强先进制造业。聚焦高端装备。", "1.", "做强先进制造业"),
    ("1、做强先进制造业。聚焦高端装备。", "1、", "做强先进制造业"),
    ("（1）办好教育实事。新建学校8所。", "（1）", "办好教育实事"),
    ("①办好教育实事；新建学校8所。", "①", "办好教育实事"),
    ("十一是加强党的建设。", "十一是", "加强党的建设"),
    ("三是健全推进机制：按照“五个一”机制推进。", "三是", "健全推进机制"),
    ("1.5亿元的项目已开工。", None, None),
    ("2023年，全市经济运行稳中向好。", None, None),
    ("第一次全体会议召开。", None, None),
    ("一方面要稳增长，另一方面要调结构。", None, None),
    ("今年全市新开工项目130个。", None, None),
    pytest.param(
        "一、二季度经济运行平稳。",
        None,
        None,
        marks=pytest.mark.xfail(strict=True, reason="一、二季度 reads as the marker 一、"),
    ),
]


@pytest.mark.parametrize(("paragraph", "marker", "lead"), POINT_ROWS)
def test_point_marker(paragraph: str, marker: str | None, lead: str | None) -> None:
    points = find_points([Paragraph(paragraph, 10, 10 + len(paragraph))])
    enumerated = [point for point in points if point.marker]
    assert starts_with_point_marker(paragraph) is (marker is not None)
    if marker is None:
        assert enumerated == []
        return
    [point] = enumerated
    assert (point.marker, point.lead) == (marker, lead)
    assert paragraph[point.start - 10 : point.end - 10] == lead


def _body(*texts: str) -> list[Paragraph]:
    paragraphs, offset = [], 0
    for text in texts:
        paragraphs.append(Paragraph(text, offset, offset + len(text)))
        offset += len(text) + 1
    return paragraphs


def test_points_keep_the_first_marker_family() -> None:
    body = _body(
        "我们将重点抓好三项工作。",
        "（一）抓项目。1.开工一批；2.投产一批。",
        "（二）抓招商。加快引进项目。",
        "1.这是一个被混进来的编号。",
    )
    points = find_points(body)
    assert [(p.marker, p.lead, p.paragraph) for p in points] == [
        ("（一）", "抓项目", 1),
        ("（二）", "抓招商", 2),
    ]


def test_inline_points() -> None:
    body = _body(
        "要做好三件事：一是加大技改投入，推动设备更新；二是完善产业配套；三是强化金融支持。"
    )
    points = find_points(body)
    assert [p.marker for p in points] == ["一是", "二是", "三是"]
    assert points[1].lead == "完善产业配套"
    assert body[0].text[points[1].start : points[1].end] == "完善产业配套"


def test_thematic_heads_need_two() -> None:
    two = _body(
        "全市观摩活动吹响了冲锋号，我们将全力突破。",
        "聚力攻坚突破产业提质升级。培优做强现代产业体系，壮大优势产业。",
        "聚力攻坚突破“双招双引”。围绕重点片区开发建设，引进合伙人。",
    )
    assert [(p.marker, p.lead) for p in find_points(two)] == [
        ("", "聚力攻坚突破产业提质升级"),
        ("", "聚力攻坚突破“双招双引”"),
    ]
    one = _body("聚力攻坚突破产业提质升级。培优做强现代产业体系，壮大优势产业。")
    assert find_points(one) == ()


def test_thematic_head_needs_elaboration() -> None:
    body = _body("这次会议很重要。", "我们深受震撼。")
    assert find_points(body) == ()


# ---------------------------------------------------------------------------------------------
# Whole articles


@dataclass(frozen=True)
class Expected:
    """What a fixture article must come out as."""

    title: str | None
    names: list[str | None]
    headlines: list[str | None]
    jurisdictions: list[str | None]
    compiled_by: list[str | None]
    points: list[int]
    dates: list[str | None] = field(default_factory=list)
    warnings: int = 0


SEED_EXPECTED = Expected(
    title="区市书记谈坚定不移推动高质量发展",
    names=["牟树青", "包华", "李良", "罗建", "于锋", "王克文", "李金涛", "殷锡瑞"],
    headlines=[
        "培强产业集群 壮大工业规模",
        "项目发展风正劲 凝聚力量再出发",
        "突出“项目为王 落地为要”",
        "奋力夺取项目建设大突破",
        "全力打造“两山”理论蓝色实践样板",
        "树牢“标杆意识” 聚焦“五个全力”",
        "夯实项目建设 做强园区片区",
        "为冲刺“万亿城市”贡献牟平力量",
    ],
    jurisdictions=[
        "开发区",
        "栖霞市",
        "芝罘区",
        "莱山区",
        "长岛综合试验区",
        "烟台综合保税区",
        "福山区",
        "牟平区",
    ],
    compiled_by=["童佳怡", "赵巍巍", "钟嘉琳", "徐睿", "苗春雷", "信召红", "邹春霞", "全百惠"],
    points=[5, 4, 4, 3, 0, 5, 0, 3],
)

FIXTURE_EXPECTED = {
    "01_date_line_no_headline.txt": Expected(
        title="县市区委书记谈开局起步",
        names=["孙德海", "陈立军"],
        headlines=[None, None],
        jurisdictions=["莱州市", "海阳市"],
        compiled_by=["王晓东", "李晓梅"],
        points=[3, 2],
        dates=["2023年2月13日", "2023年2月13日"],
    ),
    "02_speaker_colon_headline.txt": Expected(
        title="奋战开门红 冲刺万亿城",
        names=["刘建国", "何振东"],
        headlines=["以项目建设之进赢得发展主动", "奋力跑出高质量发展加速度"],
        jurisdictions=["莱阳市", "龙口市"],
        compiled_by=["刘畅", "张海燕"],
        points=[3, 3],
    ),
    "03_headline_pipe_speaker.txt": Expected(
        title="一把手谈发展",
        names=["赵立新", "孙海涛"],
        headlines=["抓实招商引资 厚植发展优势", "建设品质新城区 打造发展新高地"],
        jurisdictions=["招远市", "高新区"],
        compiled_by=["周晓琳、马春雨", "高洁"],
        points=[3, 3],
    ),
    "04_news_report_running_text.txt": Expected(
        title="蓬莱区召开项目建设攻坚突破年动员大会",
        names=["刘志强"],
        headlines=[None],
        jurisdictions=["蓬莱区"],
        compiled_by=["孟晓宇、吕丽娜"],
        points=[0],
        warnings=1,
    ),
    "05_work_report_targets.txt": Expected(
        title="海阳市政府工作报告（摘要）",
        names=[None],
        headlines=[None],
        jurisdictions=[None],
        compiled_by=[None],
        points=[3],
        warnings=2,
    ),
    "06_fullwidth_traditional.txt": Expected(
        title="区市书记谈新春开局",
        names=["周伟", "郑云峰"],
        headlines=["稳中求进 争创一流", "开放合作 聚势突破"],
        jurisdictions=["招远市", "栖霞市"],
        compiled_by=["林晓东", "宋晓华"],
        points=[3, 2],
    ),
    "07_column_numbered_points.txt": Expected(
        title="■ 区县一把手访谈",
        names=["王勇", "李军"],
        headlines=["项目攻坚当先锋", "民生实事办到群众心坎上"],
        jurisdictions=["潍坊市寒亭区", "济南市历下区"],
        compiled_by=["王明、李华", "赵倩"],
        points=[3, 3],
    ),
    "08_hard_wrapped_pdf.txt": Expected(
        title="区市长谈“开门红”",
        names=["张建华", "孙红梅"],
        headlines=["抢抓机遇 奋勇争先", "做实城市更新 做优民生保障"],
        jurisdictions=["福山区", "牟平区"],
        compiled_by=["邹春霞", "全百惠"],
        points=[2, 0],
    ),
    "09_no_structure.txt": Expected(
        title=None,
        names=[None],
        headlines=[None],
        jurisdictions=[None],
        compiled_by=[None],
        points=[3],
        warnings=2,
    ),
    "10_speaker_then_headline.txt": Expected(
        title="新区新担当",
        names=["周安", "欧阳晓东"],
        headlines=["勇当高质量发展排头兵", "建设现代化国际化活力城区"],
        jurisdictions=["西海岸新区", "即墨区"],
        compiled_by=["刘阳", "刘阳"],
        points=[3, 2],
    ),
}


def _layout(path: Path) -> tuple[str, ArticleLayout]:
    text, paragraphs = clean(path.read_text(encoding="utf-8"))
    return text, split_statements(text, paragraphs)


def _check(text: str, layout: ArticleLayout, expected: Expected) -> None:
    statements = layout.statements
    assert (layout.title.text if layout.title else None) == expected.title
    assert [s.speaker.name if s.speaker else None for s in statements] == expected.names
    assert [s.headline.text if s.headline else None for s in statements] == expected.headlines
    assert [
        s.speaker.jurisdiction if s.speaker else None for s in statements
    ] == expected.jurisdictions
    assert [s.compiled_by for s in statements] == expected.compiled_by
    assert [len(s.points) for s in statements] == expected.points
    if expected.dates:
        assert [s.date.text if s.date else None for s in statements] == expected.dates
    assert len(layout.warnings) == expected.warnings
    for statement in statements:
        assert statement.body, "every statement has body text"
        assert text[statement.start : statement.end]
        for paragraph in (statement.headline, statement.date, statement.credit, *statement.body):
            if paragraph is not None:
                assert text[paragraph.start : paragraph.end] == paragraph.text
        for point in statement.points:
            assert text[point.start : point.end] == point.lead
            assert statement.body[point.paragraph].start <= point.start
        if statement.credit is not None:
            assert all("记者" not in p.text[-20:] for p in statement.body)


def test_seed() -> None:
    text, layout = _layout(SEED)
    _check(text, layout, SEED_EXPECTED)
    first = layout.statements[0]
    assert first.speaker is not None
    assert first.speaker.positions == ("市委常委", "副市长", "开发区工委书记", "管委主任")
    assert first.body[-1].text.endswith("争创高质量发展新优势。")
    assert first.credit is not None
    assert first.credit.text == "YMG全媒体记者 童佳怡 整理"
    assert [p.marker for p in first.points] == ["一是", "二是", "三是", "四是", "五是"]
    zhifu = layout.statements[2]
    assert zhifu.points[1].lead == "聚力攻坚突破产业提质升级"
    laishan = layout.statements[3]
    assert laishan.points[0].lead == "以“比学赶超、大干快上”的突破成效狠抓项目建设"


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTED))
def test_fixture(name: str) -> None:
    text, layout = _layout(FIXTURES / name)
    _check(text, layout, FIXTURE_EXPECTED[name])


def test_every_fixture_is_tested_and_documented() -> None:
    files = sorted(path.name for path in FIXTURES.glob("*.txt"))
    assert files == sorted(FIXTURE_EXPECTED)
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for name in files:
        assert name in readme
        assert 1000 <= len((FIXTURES / name).read_bytes()) <= 3000 or name == "09_no_structure.txt"


def test_work_report_list_is_body() -> None:
    _text, layout = _layout(FIXTURES / "05_work_report_targets.txt")
    [statement] = layout.statements
    assert statement.speaker is None
    bodies = [p.text for p in statement.body]
    assert "地区生产总值增长6%左右；" in bodies
    assert "城镇新增就业8000人以上；" in bodies
    assert "no speaker line found; treated the text as one statement" in layout.warnings


def test_news_report_credit_is_cut_from_the_first_paragraph() -> None:
    text, layout = _layout(FIXTURES / "04_news_report_running_text.txt")
    [statement] = layout.statements
    assert statement.body[0].text.startswith("2月16日，蓬莱区召开")
    assert statement.credit is not None
    assert statement.credit.text == "本报讯（YMG全媒体记者 孟晓宇 通讯员 吕丽娜）"
    assert statement.speaker is not None
    assert text[statement.speaker.start : statement.speaker.end] == "蓬莱区委书记刘志强"


def test_hard_wrapped_numbers_are_rejoined() -> None:
    text, _ = _layout(FIXTURES / "08_hard_wrapped_pdf.txt")
    assert "新增城市停车泊位3000个" in text
    assert "园区承载能力提升30%" in text
    assert "新引进生物医药项目12个" in text


@pytest.mark.parametrize(
    "raw",
    [
        "确保全年新开工项目130个以上。",
        "确保全年新开工项目130个以上",
        "地区生产总值增长6%左右\n一般公共预算收入增长5%",
        "培强产业集群",
    ],
)
def test_text_without_structure_is_one_statement(raw: str) -> None:
    text, paragraphs = clean(raw)
    layout = split_statements(text, paragraphs)
    [statement] = layout.statements
    assert statement.speaker is None
    assert statement.body
    assert layout.warnings


def test_single_speaker_line_without_body_warns() -> None:
    text, paragraphs = clean("莱山区委书记 罗建")
    layout = split_statements(text, paragraphs)
    [statement] = layout.statements
    assert statement.speaker is not None
    assert statement.body == ()
    assert layout.warnings == ("the statement by 罗建 has no body text",)


def test_header_credit_and_date_apply_to_every_statement() -> None:
    raw = (
        "区市书记谈\n2023年2月10日\nYMG全媒体记者 王明 整理\n"
        "项目发展风正劲\n栖霞市委书记 包华\n全年引进项目10个以上。\n"
        "奋力夺取大突破\n莱山区委书记 罗建\n全年新开工项目30个。"
    )
    text, paragraphs = clean(raw)
    layout = split_statements(text, paragraphs)
    assert [s.compiled_by for s in layout.statements] == ["王明", "王明"]
    assert [s.date.text if s.date else None for s in layout.statements] == ["2023年2月10日"] * 2
    assert layout.title is not None
    assert layout.title.text == "区市书记谈"


# ---------------------------------------------------------------------------------------------
# Robustness and speed


def test_one_million_character_line() -> None:
    raw = "莱山区委书记罗建表示，" + "项目建设，" * 200_000
    text, paragraphs = clean(raw)
    layout = split_statements(text, paragraphs)
    [statement] = layout.statements
    assert statement.speaker is not None
    assert statement.speaker.name == "罗建"


@pytest.mark.parametrize(
    "raw",
    [
        "书记" * 500_000,
        "记者 " * 200_000,
        "一是加强；" * 20_000,
        "（" * 500_000,
        "莱山区委书记 罗建\n" * 5_000,
        "区长 李文博\n" + "兰山区" * 300_000,
        "区委书记张三出席" * 100_000,
        "两会访谈｜" * 100_000,
        "两会访谈｜区委书记 张三：\n" * 5_000,
    ],
)
def test_pathological_input_is_linear(raw: str) -> None:
    text, paragraphs = clean(raw)
    layout = split_statements(text, paragraphs)
    assert layout.statements


@pytest.mark.slow
def test_ten_megabytes() -> None:
    raw = SEED.read_text(encoding="utf-8")
    copies = 10_000_000 // len(raw.encode("utf-8")) + 1
    text, paragraphs = clean(raw * copies)
    layout = split_statements(text, paragraphs)
    assert len(layout.statements) == 8 * copies


# ---------------------------------------------------------------------------------------------
# Data integrity: data/titles.tsv


def test_titles_table() -> None:
    rows = load_table("titles")
    kinds = {row["kind"] for row in rows}
    assert kinds == {"title", "org", "body", "unit", "surname", "nonplace"}
    words = [row["zh"] for row in rows]
    assert len(words) == len(set(words)), "no duplicates"
    units = tuple(row["zh"] for row in rows if row["kind"] == "unit")
    for row in rows:
        assert row["zh"]
        assert row["zh"] == row["zh"].strip()
        if row["kind"] == "title":
            assert row["role"] in {"leader", "deputy", "member", "staff"}
            assert row["en"], f"{row['zh']} has no English"
        else:
            assert not row["role"]
            assert not row["en"]
        if row["kind"] == "nonplace":
            assert row["zh"].endswith(units), f"{row['zh']} does not end in a unit"
        if row["unit"]:
            assert row["zh"].endswith("长")
            assert row["unit"] in row["zh"]
    titles = {row["zh"] for row in rows if row["kind"] == "title"}
    for required in ("书记", "副书记", "市长", "副市长", "区长", "县长", "主任", "常委", "秘书长"):
        assert required in titles
    for required in ("工委书记", "管委主任", "党工委书记", "局长", "镇长", "党委书记", "主席"):
        assert required in titles


MASTHEADS: list[tuple[str, str | None]] = [
    ("株洲日报 2024年4月18日 第A02版\n\n株洲招商引资开门红", "株洲"),
    ("鞍山日报\n\n本报讯 鞍山全面振兴新突破", "鞍山"),
    ("许昌日报 2024年02月28日\n\n全市发展改革工作会议召开", None),  # the city not named again
    ("人民日报 2024年4月18日\n\n人民至上", None),  # a national paper
    ("江西日报\n\n江西信丰县招商引资", None),  # a provincial paper
    ("来源：伊金霍洛旗融媒体中心\n\n伊金霍洛旗召开会议", None),  # a banner, not a city
    ("全市重点项目建设推进会议召开。" * 20 + "株洲日报", None),  # not at the top
]


@pytest.mark.parametrize(("text", "city"), MASTHEADS)
def test_masthead_city(text: str, city: str | None) -> None:
    assert masthead_city(text) == city


def test_a_bare_municipal_post_takes_the_city_of_the_masthead() -> None:
    text, paragraphs = clean(
        "鞍山日报 2024年3月14日\n\n本报讯 3月13日，全市重点项目建设推进会议召开。"
        "市长周文博出席会议并讲话。\n\n周文博强调，鞍山要确保全年新开工项目300个。"
    )
    speaker = split_statements(text, paragraphs).statements[0].speaker
    assert speaker is not None
    assert (speaker.name, speaker.jurisdiction) == ("周文博", "鞍山市")


WEB_PAGE = """当前位置：首页 > 新闻中心 > 岚山要闻

全区经济工作会议召开

发布时间：2025-02-11 16:42 来源：区委办公室 浏览次数：1873

【字体：大 中 小】 【打印本页】 【关闭窗口】

2月10日，岚山区召开全区经济工作会议。区委书记郑立军出席会议并讲话。

郑立军指出，今年要确保新开工项目80个。

下一篇：我区32个重点项目集中开工 总投资126亿元

往期推荐

总投资56亿元！我区又一重大项目签约"""


def test_page_furniture_is_not_the_article() -> None:
    text, paragraphs = clean(WEB_PAGE)
    layout = split_statements(text, paragraphs)
    assert layout.title is not None
    assert layout.title.text == "全区经济工作会议召开"
    body = [p.text for block in layout.statements for p in block.body]
    assert body == [
        "2月10日，岚山区召开全区经济工作会议。区委书记郑立军出席会议并讲话。",
        "郑立军指出，今年要确保新开工项目80个。",
    ]
    speaker = layout.statements[0].speaker
    assert speaker is not None
    assert speaker.jurisdiction == "岚山区"


@pytest.mark.parametrize(
    ("text", "speakers", "expected"),
    [
        ("东城区第一届人民代表大会第二次会议开幕。区长作报告。", [], "东城区"),
        ("1月23日上午，广东省十四届人大二次会议在广州开幕。", [], "广东省"),  # 届 without 第
        ("2020年西山县国民经济和社会发展统计公报\n2020年，全县…", [], "西山县"),
        ("会上，区长张三表示，要抓项目。", [("张三", "某某区")], "某某区"),
        ("两位书记谈发展。", [("张三", "甲区"), ("李四", "乙县")], None),  # several places
        ("全市新签约项目63个。", [], None),
    ],
)
def test_article_jurisdiction(
    text: str, speakers: list[tuple[str, str]], expected: str | None
) -> None:
    parts = [SpeakerParts(name, (), place, 0, 0) for name, place in speakers]
    assert article_jurisdiction(text, parts) == expected


# --- layout forms (layout/forms.py): tried in order, the first that reads an article wins -------

_FORM_ROWS = [
    # (text, the form that reads it, statements)
    (
        "区委书记 张立新\n\n今年新开工项目30个以上。\n\n区长 李明\n\n确保完成投资50亿元。",
        "speaker_lines",
        2,
    ),
    ("会上，区委书记张立新表示，今年新开工项目30个以上。", "running_text", 1),
    ("全年新开工项目30个以上。", "running_text", 1),
]


@pytest.mark.parametrize(("text", "form", "statements"), _FORM_ROWS)
def test_layout_forms_in_order(text: str, form: str, statements: int) -> None:
    from yantai_pledges.layout import forms
    from yantai_pledges.layout.assembly import classify, without_trailer

    cleaned, paragraphs = clean(text)
    lines = without_trailer([classify(paragraph) for paragraph in paragraphs])
    readers = [f.__name__ for f in forms.FORMS if f(cleaned, lines) is not None]
    assert readers[0] == form
    assert len(split_statements(cleaned, paragraphs).statements) == statements
    assert forms.FORMS[-1] is forms.running_text  # the last form reads every article
