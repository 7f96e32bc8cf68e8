"""Service guides for the tests: complete by default, in any review state."""

from plone import api
from tests.helpers import PATH_TO
from zhengwu.guides.guide import Material
from zhengwu.guides.guide import ProcessStep
from zope.i18n import translate
import itertools
import json


_ids = itertools.count(1)


def complete_fields(**changes):
    """Every key element the inspection rules check, filled in."""
    values = {
        "item_code": f"1133010000201900{next(_ids):04d}",
        "item_type": "administrative_license",
        "service_object": ["legal_person"],
        "themes": ["business_start"],
        "legal_basis": "《中华人民共和国市场主体登记管理条例》第三条",
        "conditions": "申请人具有完全民事行为能力。",
        "materials": [
            Material(name="公司登记（备案）申请书", originals=1, copies=0, format="paper"),
            Material(name="公司章程", originals=1, copies=0, format="both", required=True),
            Material(name="住所使用证明", originals=0, copies=1, format="paper", required=False),
        ],
        "process": [
            ProcessStep(title="申请", description="申请人提交材料。"),
            ProcessStep(title="受理", description="窗口当场受理。"),
            ProcessStep(title="决定", description="符合条件的当场发照。"),
        ],
        "statutory_limit_days": 15,
        "promised_limit_days": 1,
        "fee": "不收费",
        "location": "示例市政务服务中心一楼A区",
        "office_hours": "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）",
        "consult_phone": "0571-87654321",
        "complaint_phone": "12345",
        "online_url": "https://zwfw.example.gov.cn/item/1",
        "visits_required": 0,
    }
    values.update(changes)
    return values


def make_guide(container, state="private", title="企业设立登记", **changes):
    """A guide written by ``author`` in ``container``, moved to ``state``."""
    with api.env.adopt_user(username="author"):
        guide = api.content.create(
            container=container,
            type="ServiceGuide",
            id=f"guide-{next(_ids)}",
            item_name=title,
            **complete_fields(**changes),
        )
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(guide, transition=transition, comment="测试")
    assert api.content.get_state(guide) == state
    return guide


def said(message, text):
    """``message`` appears in ``text`` (a string or a decoded JSON answer),
    in English or in Chinese: full runs answer in the site's language."""
    if not isinstance(text, str):
        text = json.dumps(text, ensure_ascii=False)
    return any(translate(message, target_language=lang) in text for lang in ("en", "zh_CN"))
