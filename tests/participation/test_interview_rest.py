"""Interviews over HTTP: POST <interview>/@interview-questions (bad input,
floods, a past interview), GET @interview-questions and GET @interviews;
moderation (private until published, refused with a reason, audited);
contacts never public."""

from tests.helpers import auth
from tests.helpers import body
from tests.participation.interview_helpers import LIVE
from tests.participation.interview_helpers import make_interview
from tests.participation.interview_helpers import PAST
from zhengwu.participation import interview_questions as questions
from zhengwu.rest import Refused
from zhengwu.review.audit_log import IAuditLog
from zhengwu.submissions import throttle
from zope.component import getUtility
import pytest
import requests
import transaction


JSON = {"Accept": "application/json"}
CONTACT = "13698765432"


@pytest.fixture
def interview(functional_portal):
    obj = make_interview(functional_portal)
    transaction.commit()
    return obj


def ask(interview, data):
    return requests.post(
        f"{interview.absolute_url()}/@interview-questions", json=data, headers=JSON, timeout=60
    )


def public(interview, user=None, **params):
    return requests.get(
        f"{interview.absolute_url()}/@interview-questions",
        params=params,
        headers=JSON,
        auth=auth(user or "Anonymous"),
        timeout=60,
    )


def test_a_question_stays_private_until_published(interview):
    response = ask(
        interview, {"text": "营业执照办理能否全程网办？", "name": "王先生", "contact": CONTACT}
    )
    assert response.status_code == 201, response.text
    question_id = response.json()["id"]
    assert response.json()["status"] == "pending"
    assert public(interview).json()["questions"] == []
    transaction.begin()
    questions.moderate(interview, question_id, "published")
    transaction.commit()
    listed = public(interview)
    assert [q["text"] for q in listed.json()["questions"]] == ["营业执照办理能否全程网办？"]
    assert CONTACT not in body(listed)
    page = requests.get(interview.absolute_url(), timeout=60)
    assert "营业执照办理能否全程网办" in body(page) and CONTACT not in body(page)
    log = getUtility(IAuditLog)
    assert any(e["action"] == "interview_question_published" for e in log.search())


def test_refusing_needs_a_reason_and_is_audited(interview):
    question_id = ask(interview, {"text": "广告内容"}).json()["id"]
    transaction.begin()
    with pytest.raises(Refused) as refused:
        questions.moderate(interview, question_id, "refused", "")
    assert refused.value.field == "reason"
    questions.moderate(interview, question_id, "refused", "与访谈主题无关")
    transaction.commit()
    assert public(interview).json()["questions"] == []
    log = getUtility(IAuditLog)
    entry = next(e for e in log.search() if e["action"] == "interview_question_refused")
    assert "与访谈主题无关" in entry["comment"]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "问" * 1001}, "text"),
        ({"text": "好", "name": "名" * 51}, "name"),
        ({"text": "好", "age": 3}, "age"),
        ({"text": 5}, "text"),
    ],
)
def test_bad_input_is_400_naming_the_field(interview, data, field):
    response = ask(interview, data)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == field


def test_a_past_interview_takes_no_question(functional_portal):
    interview = make_interview(functional_portal, start=PAST)
    transaction.commit()
    response = ask(interview, {"text": "还能提问吗？"})
    assert response.status_code == 403
    assert response.json()["error"]["message"]


def test_a_live_interview_takes_questions(functional_portal):
    interview = make_interview(functional_portal, start=LIVE)
    transaction.commit()
    assert ask(interview, {"text": "现在提问"}).status_code == 201
    assert public(interview).json()["phase"] == "live"


def test_a_flood_is_429(interview):
    for _i in range(throttle.SUBMISSIONS.limit()):
        throttle.SUBMISSIONS.hit("127.0.0.1")
    response = ask(interview, {"text": "再问一次"})
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) >= 1


def test_a_honeypot_is_refused(interview):
    assert ask(interview, {"text": "好", "website": "x"}).status_code == 400


@pytest.mark.parametrize("user", ["Anonymous", "member", "final", "responder2"])
def test_only_moderators_see_waiting_questions_and_contacts(interview, user):
    ask(interview, {"text": "等待审核的问题", "contact": CONTACT})
    response = public(interview, user, all="1")
    assert response.status_code in (401, 403)
    assert CONTACT not in body(response)


@pytest.mark.parametrize("user", ["editor", "siteadmin"])
def test_moderators_see_waiting_questions(interview, user):
    ask(interview, {"text": "等待审核的问题", "contact": CONTACT})
    response = public(interview, user, all="1")
    assert response.status_code == 200
    assert response.json()["pending"][0]["contact"] == CONTACT


def test_pairs_are_public(interview):
    transaction.begin()
    questions.publish_pair(interview, "如何申请补贴？", "可在政务服务网在线申请。", "张伟")
    transaction.commit()
    data = requests.get(f"{interview.absolute_url()}/@@interview-live", timeout=60).json()
    assert data["pairs"][0]["answer"] == "可在政务服务网在线申请。"
    with pytest.raises(Refused):
        questions.publish_pair(interview, "问题", "", "张伟")


def test_interviews_lists_published_ones_with_their_phase(functional_portal):
    scheduled = make_interview(functional_portal)
    past = make_interview(functional_portal, start=PAST, transcript=None)
    make_interview(functional_portal, state="pending_final")
    transaction.commit()
    site = functional_portal.absolute_url()
    data = requests.get(f"{site}/zh-cn/@interviews", headers=JSON, timeout=60).json()
    assert [i["@id"] for i in data["items"]] == [scheduled.absolute_url(), past.absolute_url()]
    assert [i["phase"] for i in data["items"]] == ["scheduled", "past"]
    assert data["items"][0]["guests"][1] == {
        "name": "李娜",
        "title": "副局长",
        "organ": "示例市发展和改革委员会",
    }
    only_past = requests.get(
        f"{site}/zh-cn/@interviews", params={"phase": "past"}, headers=JSON, timeout=60
    ).json()
    assert only_past["items_total"] == 1
    bad = requests.get(f"{site}/@interviews", params={"phase": "soon"}, headers=JSON, timeout=60)
    assert bad.status_code == 400 and bad.json()["error"]["field"] == "phase"
    batch = requests.get(f"{site}/@interviews", params={"b_size": 1}, headers=JSON, timeout=60)
    assert batch.json()["items_total"] == 2 and len(batch.json()["items"]) == 1


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_pictures_and_video_stay_on_the_page(functional_portal):
    from plone import api
    from plone.namedfile.file import NamedBlobImage
    from tests.helpers import PATH_TO

    interview = make_interview(
        functional_portal, start=PAST, video_url="https://v.example.cn/1.mp4"
    )
    with api.env.adopt_user(username="author"):
        picture = api.content.create(
            container=interview,
            type="Image",
            id="photo",
            title="访谈现场",
            image=NamedBlobImage(data=PNG, filename="photo.png"),
        )
    hidden = api.content.create(
        container=interview,
        type="Image",
        id="draft",
        title="未审核图片",
        image=NamedBlobImage(data=PNG, filename="draft.png"),
    )
    for transition, userid in PATH_TO["published"]:
        with api.env.adopt_user(username=userid):
            api.content.transition(picture, transition=transition, comment="同意")
    transaction.commit()
    page = body(requests.get(interview.absolute_url(), timeout=60))
    assert f"{picture.absolute_url()}/@@images/image/preview" in page
    assert "访谈现场" in page and hidden.Title() not in page
    assert "https://v.example.cn/1.mp4" in page
    assert 'id="zhengwu-question-send"' not in page  # past: no more questions
