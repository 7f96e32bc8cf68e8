"""Interviews for the tests: in the test department, through the reviews.
The product's clock stands at 2026-06-15 10:00 in China."""

from datetime import datetime
from plone import api
from tests.helpers import PATH_TO
from zhengwu import clock
import itertools


_ids = itertools.count(1)
SCHEDULED = datetime(2026, 6, 20, 15, 0, tzinfo=clock.CHINA)
PAST = datetime(2026, 5, 20, 15, 0, tzinfo=clock.CHINA)
LIVE = datetime(2026, 6, 15, 9, 30, tzinfo=clock.CHINA)


def make_interview(portal, state="published", start=SCHEDULED, **fields):
    dept = portal["zh-cn"]["dept"]
    with api.env.adopt_user(username="author"):
        interview = api.content.create(
            container=dept,
            type="Interview",
            id=f"interview-{next(_ids)}",
            title="优化营商环境在线访谈",
            start=start.replace(tzinfo=None),  # naive: Beijing time (zoneinfo does not pickle)
            guests=["张伟｜局长｜示例市发展和改革委员会", "李娜|副局长|示例市发展和改革委员会"],
            **fields,
        )
    for transition, userid in PATH_TO[state]:
        with api.env.adopt_user(username=userid):
            api.content.transition(interview, transition=transition, comment="同意")
    return interview
