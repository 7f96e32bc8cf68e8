"""A request's whole life over REST: submitted by Anonymous, registered,
extended and answered (partial disclosure, with a file) by a disclosure
officer of the organ, read by the applicant with the query code, with the
answer letter and the file; nobody else sees it."""

from tests.helpers import auth
from tests.requests.helpers import APPLICATION
from tests.requests.helpers import docx_text
from tests.requests.helpers import make_catalog
import base64
import json
import requests
import transaction


JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def call(method, url, userid="Anonymous", **kwargs):
    return requests.request(method, url, headers=JSON, auth=auth(userid), timeout=60, **kwargs)


def test_whole_life_over_rest(functional_portal):
    catalog = make_catalog(functional_portal)
    transaction.commit()
    site = functional_portal.absolute_url()

    created = call("POST", f"{catalog.absolute_url()}/@disclosure-requests", json=APPLICATION)
    assert created.status_code == 201, created.text
    number, code = created.json()["tracking_number"], created.json()["query_code"]
    assert number.startswith("YSQ") and len(code) == 10
    url = f"{catalog.absolute_url()}/{number.lower()}"
    params = {"tracking_number": number, "query_code": code}

    status = call("GET", f"{site}/@disclosure-request-status", params=params)
    assert status.status_code == 200, status.text
    assert status.json()["review_state"]["token"] == "received"
    assert status.json()["due_date"] is None
    assert "11010519491231002X" not in json.dumps(status.json(), ensure_ascii=False)

    # Nobody but the organ's officers (and administrators) sees it.
    for userid in ("Anonymous", "author", "editor", "final", "handler", "officer_other", "member"):
        assert call("GET", url, userid).status_code == 404, userid  # as a number never given
    seen = call("GET", url, "officer").json()
    assert seen["id_number"] == "11010519491231002X" and seen["applicant_name"] == "李秀英"
    assert call("GET", url, "siteadmin").json()["applicant_name"] == "李秀英"

    assert call("POST", f"{url}/@workflow/register", "siteadmin", json={}).status_code >= 400
    assert call("POST", f"{url}/@workflow/register", "officer", json={}).status_code == 200
    assert call("GET", url, "officer").json()["due_date"]
    refused = call("POST", f"{url}/@workflow/extend", "officer", json={})
    assert refused.status_code == 400  # the reason is required
    extended = call(
        "POST", f"{url}/@workflow/extend", "officer", json={"comment": "需要多个科室调档核查"}
    )
    assert extended.status_code == 200, extended.text
    assert call("POST", f"{url}/@workflow/answer", "officer", json={}).status_code == 400

    # The applicant's fields are not the officer's to change.
    call("PATCH", url, "officer", json={"applicant_name": "改名"})
    pdf = base64.b64encode(b"%PDF-1.4 provided information").decode()
    answer = {
        "outcome": "partially_disclosed",
        "outcome_reason": "third_party",
        "reply": "资金安排表予以公开；涉及施工单位商业秘密的部分不予公开。",
        "reply_attachments": [
            {
                "data": pdf,
                "encoding": "base64",
                "filename": "资金安排表.pdf",
                "content-type": "application/pdf",
            }
        ],
    }
    wrong = call("PATCH", url, "officer", json=dict(answer, outcome_reason="not_held"))
    assert wrong.status_code == 400  # a reason of another outcome
    patched = call("PATCH", url, "officer", json=answer)
    assert patched.status_code == 204, patched.text
    answered = call("POST", f"{url}/@workflow/answer", "officer", json={})
    assert answered.status_code == 200, answered.text
    after = call("GET", url, "officer").json()
    assert after.get("applicant_name") == "李秀英", after

    status = call("GET", f"{site}/@disclosure-request-status", params=params).json()
    assert status["review_state"]["token"] == "answered"
    assert status["outcome"]["token"] == "partially_disclosed"
    assert status["outcome_reason"]["token"] == "third_party"
    assert status["reply"].startswith("资金安排表")
    assert status["extended_on"] and status["extension_reason"] == "需要多个科室调档核查"
    assert [f["filename"] for f in status["files"]] == ["资金安排表.pdf"]
    assert {letter["kind"] for letter in status["letters"]} == {"answer", "extension"}

    letter = requests.get(
        f"{site}/@@disclosure-request-download",
        params=dict(params, letter="answer"),
        timeout=60,
    )
    assert letter.status_code == 200
    assert letter.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    text = docx_text(letter.content)
    assert "李秀英" in text and number in text and "部分" in text
    assert "资金安排表予以公开" in text
    provided = requests.get(
        f"{site}/@@disclosure-request-download", params=dict(params, file="0"), timeout=60
    )
    assert provided.status_code == 200 and provided.content == b"%PDF-1.4 provided information"
    wrong_code = requests.get(
        f"{site}/@@disclosure-request-download",
        params={"tracking_number": number, "query_code": "AAAAAAAAAA", "letter": "answer"},
        timeout=60,
    )
    assert wrong_code.status_code == 404 and b"PK" not in wrong_code.content[:2]

    # The officers' letter view gives the same document.
    assert call("GET", f"{url}/@@request-letter?kind=answer", "officer").status_code == 200
    assert call("GET", f"{url}/@@request-letter?kind=answer").status_code == 404
    assert call("POST", f"{url}/@workflow/archive", "officer", json={}).status_code == 200
