"""Layout: split a cleaned article into statements and read each one's headline, speaker, date,
credit, body and points.

The genre prints one or more officials' statements, each as a block::

    headline                       培强产业集群 壮大工业规模           (optional; may share the
    date line                      2023年2月10日                       speaker line: "X：headline",
    speaker line                   市委常委、副市长，开发区工委书记 牟树青    "headline丨X")
    body paragraphs                一是以最强烈担当提增速、作贡献。……
    credit                         YMG全媒体记者 童佳怡 整理           (own line, end of the last
                                                                      paragraph, or 本报讯（记者 X）
                                                                      at the start of the first)

A speaker line is short and ends with a 2–4 character name after position titles
(``data/titles.tsv``); every speaker line starts a statement, and the headline and date lines just
before it belong to it. Lines before the first statement are the article's title. Text without
speaker lines (a news report, a work report's target list, anything else) is one statement whose
speaker, if any, is the first official named in running text with a verb of speech
(…莱山区委书记罗建表示…, 区委书记张立新出席会议并讲话, …作动员讲话), and the layout carries a warning.

Decisions worth knowing:

* ``jurisdiction`` is the place named by the highest-ranked post (leader > deputy > member > staff,
  then the first): "青岛市委常委、西海岸新区工委书记" → 西海岸新区. It is kept as written
  ("潍坊市寒亭区委书记" → 潍坊市寒亭区); a post without a place (市委常委, 副市长) gives none.
* A post that names a level but no place (区长, 区委书记, 县长, 镇党委书记) takes its jurisdiction
  from the statement's headline, else its first body paragraph, else the article title — the
  first of them naming places of that level, if it names exactly one ("兰山区：…", "今年，兰山区
  将…") — and the layout warns that it was inferred. Without a gazetteer a place name is 2–4
  characters after a clear boundary; 全区, 本区, 会上, 城区, 产业园区 are not places.
* A column label before ｜ is dropped: "两会访谈｜莱芜区委书记 马国庆：headline" is a speaker line
  with that headline, and a heading "两会访谈｜headline" gives the headline alone.
* ``compiled_by`` names everyone in the credit, reporters and correspondents alike, joined by 、
  ("YMG全媒体记者 王明 通讯员 李华" → 王明、李华).
* A credit or date line above the first statement (under the title) applies to every statement
  that has none of its own.
* With two or more headings above the first speaker line, the first is the article's title and
  the last the statement's headline (column labels like 书记谈 in between are dropped); a single
  heading is the title unless later statements have headlines.

Points are enumerated paragraphs (一是, 一要, 第一，, （一）, 一、, 1., （1）, ①; 一是/二是 also
inside a paragraph after ：；。) of the statement's first marker family, or, when there are none,
thematic heads: paragraphs whose first sentence is a short lead ("聚力攻坚突破产业提质升级。…"),
when a statement has at least two.

Everything here runs in linear time: the pattern tests look only at short lines or bounded windows.
"""

from __future__ import annotations

from .assembly import stands_alone
from .credits import (
    is_credit_line,
    is_date_line,
    leading_credit_end,
    parse_credit,
    trailing_credit_start,
)
from .forms import split_statements
from .parts import ArticleLayout, PointParts, SpeakerParts, StatementBlock
from .places import UNIT_WORDS, article_jurisdiction, find_places, masthead_city
from .points import find_points, starts_with_point_marker
from .speakers import find_speaker_mention, is_speaker_line, parse_speaker_line

__all__ = [
    "UNIT_WORDS",
    "ArticleLayout",
    "PointParts",
    "SpeakerParts",
    "StatementBlock",
    "article_jurisdiction",
    "find_places",
    "find_points",
    "find_speaker_mention",
    "is_credit_line",
    "is_date_line",
    "is_speaker_line",
    "leading_credit_end",
    "masthead_city",
    "parse_credit",
    "parse_speaker_line",
    "split_statements",
    "stands_alone",
    "starts_with_point_marker",
    "trailing_credit_start",
]
