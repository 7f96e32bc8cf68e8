"""Consultations and opinions for the tests."""

from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue
from tests.helpers import PATH_TO
from zhengwu import clock
from zhengwu.participation import opinion_submission
from zhengwu.submissions import throttle
from zope.globalrequest import getRequest
import itertools


_ids = itertools.count(1)

DRAFT = (
    "<p>为规范本市公共场所控烟工作，制定本办法。</p>"
    "<h2>第一章 总则</h2><p>第一条 本办法适用于本市行政区域。</p>"
    "<h2>第二章 禁止吸烟场所</h2><p>第二条 室内公共场所禁止吸烟。</p>"
    "<h3>第三条 室外区域</h3><p>学校、医院的室外区域禁止吸烟。</p>"
)
OPINION = {
    "text": "建议将公交站台也列入禁止吸烟场所。",
    "author_name": "王先生",
    "contact": "13912345678",
    "section": "2",
}
CONTACT = "13912345678"


def make_consultation(portal, state="published", opens=None, closes=None, container=None, **fields):
    """A consultation of ``dept`` written by ``author`` and moved to
    ``state`` by the chain users; open from ten days ago for 30 days by default."""
    today = clock.today()
    dept = portal["zh-cn"]["dept"]
    with api.env.adopt_user(username="author"):
        consultation = api.content.create(
            container=container if container is not None else dept,
            type="Consultation",
            id=f"consultation-{next(_ids)}",
            title=fields.pop("title", "《示例市公共场所控烟办法（征求意见稿）》"),
            description="征求社会公众意见",
            department=dept.UID(),
            opens=opens or today - timedelta(days=10),
            closes=closes or today + timedelta(days=19),
            text=RichTextValue(DRAFT, "text/html", "text/x-html-safe"),
            channels=["online", "email"],
            email="fzb@example.gov.cn",
            **fields,
        )
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(consultation, transition=transition, comment="测试")
    return consultation


def add_opinion(consultation, state="pending", **changes):
    """An opinion sent as the public does, moved to ``state`` by ``handler``."""
    data = dict(OPINION, **changes)
    with api.env.adopt_roles(["Anonymous"]):
        opinion, _code, errors = opinion_submission.submit(consultation, data, getRequest())
    assert not errors, errors
    throttle.SUBMISSIONS.reset()
    if state == "published":
        with api.env.adopt_user(username="handler"):
            api.content.transition(opinion, transition="publish")
    elif state == "refused":
        with api.env.adopt_user(username="handler"):
            api.content.transition(opinion, transition="refuse", comment="与本办法无关")
    return opinion
