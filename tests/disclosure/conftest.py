"""A catalog with items in every state and across facets, for the search tests."""

from datetime import date
from tests.disclosure.helpers import make_catalog
from tests.disclosure.helpers import make_disclosure_item
import pytest
import transaction


# title, state, topic, genre, written date, validity
ITEMS = (
    (
        "关于印发示例市住房公积金管理办法的通知",
        "published",
        "1002",
        "notice",
        date(2025, 5, 6),
        "valid",
    ),
    ("示例市城市规划三年行动计划", "published", "1001", "opinion", date(2026, 1, 8), "valid"),
    ("示例市税收优惠政策解读", "published", "0402", "other", date(2026, 2, 9), "valid"),
    ("示例市财政预算执行情况报告", "published", "0401", "report", date(2026, 3, 1), "valid"),
    ("关于废止部分规范性文件的决定", "published", "0201", "decision", date(2026, 4, 1), "valid"),
    ("示例市旧版住房管理规定", "published", "1002", "public_notice", date(2020, 4, 1), "valid"),
    ("尚在起草的秘密草稿文件", "private", "1001", "notice", date(2026, 5, 1), "valid"),
    ("等待签发的待审文件", "pending_final", "0402", "notice", date(2026, 5, 2), "valid"),
    ("已撤回的作废文件", "withdrawn", "0401", "notice", date(2026, 5, 3), "valid"),
)
HIDDEN = ("尚在起草的秘密草稿文件", "等待签发的待审文件", "已撤回的作废文件")


@pytest.fixture
def search_catalog(functional_portal):
    catalog = make_catalog(functional_portal)
    made = {}
    for title, state, topic, genre, written, validity in ITEMS:
        made[title] = make_disclosure_item(
            catalog,
            state,
            title=title,
            topic=topic,
            genre=genre,
            written_date=written,
            validity=validity,
        )
    transaction.commit()
    return catalog, made
