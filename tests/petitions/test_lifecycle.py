"""A message's whole life over REST: submitted by Anonymous, accepted and
assigned by a handler, answered by the department, approved by another
person, read and rated by the writer with the query code, published."""

from tests.helpers import auth
from tests.petitions.helpers import make_box
from tests.petitions.helpers import MESSAGE
from tests.petitions.helpers import PERSONAL_VALUES
import json
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def call(method, url, userid="Anonymous", **kwargs):
    return requests.request(method, url, headers=JSON, auth=auth(userid), timeout=60, **kwargs)


def test_whole_life_over_rest(functional_portal):
    box = make_box(functional_portal)
    dept_uid = functional_portal["zh-cn"]["dept"].UID()
    transaction.commit()
    site = functional_portal.absolute_url()

    created = call("POST", f"{box.absolute_url()}/@petitions", json=MESSAGE)
    assert created.status_code == 201, created.text
    receipt = created.json()
    number, code = receipt["tracking_number"], receipt["query_code"]
    assert number.startswith("LY") and len(code) == 10 and receipt["due_date"]
    url = f"{box.absolute_url()}/{number.lower()}"

    status = call(
        "GET", f"{site}/@petition-status", params={"tracking_number": number, "query_code": code}
    )
    assert status.status_code == 200 and status.json()["review_state"]["token"] == "submitted"
    assert status.json()["reply"] is None

    # Nobody but the handlers sees it yet.
    for userid in ("Anonymous", "author", "responder", "responder2", "siteadmin"):
        response = call("GET", url, userid)
        if userid == "siteadmin":
            assert response.status_code == 200
            text = json.dumps(response.json(), ensure_ascii=False)
            assert "13812345678" not in text and "张三丰" not in text  # no personal data
        else:
            assert response.status_code == 404, userid  # as a number never given

    handled = call("GET", url, "handler").json()
    assert handled["phone"] == "13812345678" and handled["submitter_name"] == "张三丰"
    assert call("POST", f"{url}/@workflow/accept", "handler", json={}).status_code == 200
    refused = call("POST", f"{url}/@workflow/assign", "handler", json={})
    assert refused.status_code == 400  # no department chosen yet
    assert call("PATCH", url, "handler", json={"assigned_department": dept_uid}).status_code == 204
    assert call("POST", f"{url}/@workflow/assign", "handler", json={}).status_code == 200

    # The department's responders, and only they, now see it.
    assert call("GET", url, "responder2").status_code == 404
    assert call("GET", url, "responder").json()["phone"] == "13812345678"
    # The handler may not write the reply, the responder may not touch the message.
    assert call("PATCH", url, "handler", json={"reply": "x"}).status_code in (400, 401, 403)
    call("PATCH", url, "responder", json={"content": "改写"})
    transaction.begin()
    assert box[number.lower()].content == MESSAGE["content"]
    reply = "经核实，该工地已取得夜间施工许可，作业时间为22时前，超时作业可拨打12345投诉。"
    assert call("PATCH", url, "responder", json={"reply": reply}).status_code == 204
    assert call("POST", f"{url}/@workflow/submit_reply", "responder", json={}).status_code == 200
    # Not answered yet for the writer: the reply awaits approval.
    status = call(
        "GET", f"{site}/@petition-status", params={"tracking_number": number, "query_code": code}
    ).json()
    assert status["review_state"]["token"] == "reply_pending" and status["reply"] is None
    assert call("POST", f"{url}/@workflow/approve_reply", "responder", json={}).status_code >= 400
    assert call("POST", f"{url}/@workflow/approve_reply", "handler", json={}).status_code == 200

    status = call(
        "GET", f"{site}/@petition-status", params={"tracking_number": number, "query_code": code}
    ).json()
    assert status["reply"] == reply and status["reply_department"]["title"] == "测试局"
    assert status["can_rate"] is True
    rated = call(
        "POST",
        f"{site}/@petition-rating",
        json={"tracking_number": number, "query_code": code, "satisfaction": "satisfied"},
    )
    assert rated.status_code == 200 and rated.json()["satisfaction"]["token"] == "satisfied"
    again = call(
        "POST",
        f"{site}/@petition-rating",
        json={"tracking_number": number, "query_code": code, "satisfaction": "very_dissatisfied"},
    )
    assert again.status_code == 409

    assert call("POST", f"{url}/@workflow/publish", "handler", json={}).status_code == 200
    public = call("GET", url)
    assert public.status_code == 200
    data = public.json()
    assert data["title"] == MESSAGE["title"] and data["reply"] == reply
    text = json.dumps(data, ensure_ascii=False)
    for value in PERSONAL_VALUES:
        assert value not in text
    for field in ("submitter_name", "phone", "email", "id_number", "address", "attachments"):
        assert field not in data


def test_publication_needs_consent(functional_portal):
    from tests.petitions.helpers import make_petition

    box = make_box(functional_portal)
    petition, _code = make_petition(box, "answered", publish_consent=False)
    transaction.commit()
    response = call("POST", f"{petition.absolute_url()}/@workflow/publish", "handler", json={})
    assert response.status_code == 400
    assert (
        call("POST", f"{petition.absolute_url()}/@workflow/close", "handler", json={}).status_code
        == 200
    )


def test_rejection_needs_a_reason_the_writer_reads(functional_portal):
    from tests.petitions.helpers import make_petition

    box = make_box(functional_portal)
    petition, code = make_petition(box)
    transaction.commit()
    url = petition.absolute_url()
    assert call("POST", f"{url}/@workflow/reject", "handler", json={}).status_code == 400
    response = call(
        "POST",
        f"{url}/@workflow/reject",
        "handler",
        json={"comment": "属于信访事项，请到信访局反映。"},
    )
    assert response.status_code == 200
    status = call(
        "GET",
        f"{functional_portal.absolute_url()}/@petition-status",
        params={"tracking_number": petition.tracking_number, "query_code": code},
    ).json()
    assert status["review_state"]["token"] == "rejected"
    assert status["rejection_reason"] == "属于信访事项，请到信访局反映。"
