"""The permission matrix of zhengwu_review_workflow, written down by hand.

Each row says what a user holding one role may do to an item in one state;
the test really attempts each action over the REST API as such a user (roles
held through department groups, as in production) and compares. The table
is not derived from the workflow definition — a wrong definition fails here —
and it is rendered into docs/permissions.md (``python
tests/review/test_permission_matrix.py`` rewrites that file).

Columns: View = GET the item; Modify = PATCH its title; Review = perform the
state's review action (below); Delete = DELETE the item. "Owner" is the
item's author, an editor of the department; in the pending states the author
also holds that level's reviewer role, so that the Owner's refused Review
there is separation of duties alone (the same approval by a colleague of that
level succeeds on the same item).
"""

from pathlib import Path
import pytest
import requests
import transaction


REVIEW_ACTION = {
    "private": "submit",
    "pending_first": "approve_first",
    "pending_second": "approve_second",
    "pending_final": "publish",
    "published": "withdraw",
    "withdrawn": "submit",
}

MATRIX = """
state           role                View  Modify  Review  Delete
private         Anonymous           -     -       -       -
private         Authenticated       -     -       -       -
private         Owner               yes   yes     yes     yes
private         Contributor         yes   -       -       -
private         Editor              yes   yes     yes     yes
private         FirstReviewer       -     -       -       -
private         SecondReviewer      -     -       -       -
private         FinalApprover       -     -       -       -
private         Site Administrator  yes   yes     yes     yes
pending_first   Anonymous           -     -       -       -
pending_first   Authenticated       -     -       -       -
pending_first   Owner               yes   -       -       -
pending_first   Contributor         -     -       -       -
pending_first   Editor              -     -       -       -
pending_first   FirstReviewer       yes   -       yes     -
pending_first   SecondReviewer      -     -       -       -
pending_first   FinalApprover       -     -       -       -
pending_first   Site Administrator  yes   -       -       -
pending_second  Anonymous           -     -       -       -
pending_second  Authenticated       -     -       -       -
pending_second  Owner               yes   -       -       -
pending_second  Contributor         -     -       -       -
pending_second  Editor              -     -       -       -
pending_second  FirstReviewer       -     -       -       -
pending_second  SecondReviewer      yes   -       yes     -
pending_second  FinalApprover       -     -       -       -
pending_second  Site Administrator  yes   -       -       -
pending_final   Anonymous           -     -       -       -
pending_final   Authenticated       -     -       -       -
pending_final   Owner               yes   -       -       -
pending_final   Contributor         -     -       -       -
pending_final   Editor              -     -       -       -
pending_final   FirstReviewer       -     -       -       -
pending_final   SecondReviewer      -     -       -       -
pending_final   FinalApprover       yes   -       yes     -
pending_final   Site Administrator  yes   -       -       -
published       Anonymous           yes   -       -       -
published       Authenticated       yes   -       -       -
published       Owner               yes   -       -       -
published       Contributor         yes   -       -       -
published       Editor              yes   -       -       -
published       FirstReviewer       yes   -       -       -
published       SecondReviewer      yes   -       -       -
published       FinalApprover       yes   -       yes     -
published       Site Administrator  yes   -       -       -
withdrawn       Anonymous           -     -       -       -
withdrawn       Authenticated       -     -       -       -
withdrawn       Owner               yes   -       yes     -
withdrawn       Contributor         yes   -       -       -
withdrawn       Editor              yes   -       yes     -
withdrawn       FirstReviewer       -     -       -       -
withdrawn       SecondReviewer      -     -       -       -
withdrawn       FinalApprover       yes   -       -       -
withdrawn       Site Administrator  yes   -       yes     -
"""

ACTIONS = ("View", "Modify", "Review", "Delete")
USER_OF_ROLE = {
    "Anonymous": "Anonymous",
    "Authenticated": "member",
    "Owner": "author",
    "Contributor": "contributor",
    "Editor": "editor",
    "FirstReviewer": "first",
    "SecondReviewer": "second",
    "FinalApprover": "final",
    "Site Administrator": "siteadmin",
}


def parse(table=MATRIX):
    rows = {}
    for line in table.strip().splitlines()[1:]:
        parts = line.split()
        state, answers = parts[0], parts[-4:]
        role = " ".join(parts[1:-4])
        rows[(state, role)] = dict(zip(ACTIONS, (a == "yes" for a in answers), strict=True))
    return rows


EXPECTED = parse()
# In the pending states the Owner also holds the reviewer role of that level
# (the department group), and the user who holds it alone.
OWNER_ALSO_IN_GROUP = {
    "pending_first": ("first-reviewers", "first"),
    "pending_second": ("second-reviewers", "second"),
    "pending_final": ("final-approvers", "final"),
}
JSON = {"Accept": "application/json", "Content-Type": "application/json"}


def send(method, url, userid, **kwargs):
    from tests.helpers import auth

    response = requests.request(method, url, headers=JSON, auth=auth(userid), timeout=60, **kwargs)
    assert response.status_code < 500, response.text
    return response


def attempt(method, url, userid, **kwargs):
    return 200 <= send(method, url, userid, **kwargs).status_code < 300


def also_reviewer(portal, userid, suffix):
    """``userid`` joins the department's group ``suffix`` (committed)."""
    from plone import api
    from zhengwu.site.department_groups import department_groups

    transaction.begin()
    dept = portal["zh-cn"]["dept"]
    api.group.add_user(groupname=department_groups(dept)[suffix], username=userid)
    transaction.commit()


@pytest.mark.parametrize("state, role", list(EXPECTED))
def test_permission_matrix(functional_review_portal, item_in, state, role):
    userid = USER_OF_ROLE[role]
    expected = EXPECTED[(state, role)]
    separation = role == "Owner" and state in OWNER_ALSO_IN_GROUP
    if separation:
        also_reviewer(functional_review_portal, userid, OWNER_ALSO_IN_GROUP[state][0])
    seen = {}
    _item, url = item_in(state)
    seen["View"] = attempt("GET", url, userid)
    seen["Modify"] = attempt("PATCH", url, userid, json={"title": "被修改的标题"})
    _item, url = item_in(state)
    review = f"{url}/@workflow/{REVIEW_ACTION[state]}"
    response = send("POST", review, userid, json={"comment": "审核意见"})
    seen["Review"] = 200 <= response.status_code < 300
    if separation:
        # refused for being the author, not for lacking the role ...
        assert response.status_code == 403, response.text
        assert response.json()["error"]["type"] == "SeparationOfDuties", response.text
        # ... and the same approval of the same item is open to another reviewer
        colleague = OWNER_ALSO_IN_GROUP[state][1]
        assert attempt("POST", review, colleague, json={"comment": "审核意见"})
    _item, url = item_in(state)
    seen["Delete"] = attempt("DELETE", url, userid)
    assert seen == expected


def test_matrix_covers_every_state_and_role():
    states = {state for state, _role in EXPECTED}
    roles = {role for _state, role in EXPECTED}
    assert states == set(REVIEW_ACTION)
    assert roles == set(USER_OF_ROLE)
    assert len(EXPECTED) == len(states) * len(roles)


def render_markdown():
    lines = [
        "# Permissions of the review workflow",
        "",
        "Generated from the hand-written table in `tests/review/test_permission_matrix.py`,",
        "which checks every cell against a live site by really attempting the action",
        "over the REST API as a user holding the role through a department group.",
        "Regenerate with `.venv/bin/python tests/review/test_permission_matrix.py`.",
        "",
        "- **View**: read the item; **Modify**: edit it; **Delete**: delete it;",
        "- **Review**: the state's review action — "
        + ", ".join(f"`{s}` → `{a}`" for s, a in REVIEW_ACTION.items())
        + ".",
        "- *Owner* is the item's author (an editor of the department). Nobody approves",
        "  their own item or two levels of one review round (separation of duties), so",
        "  the author's Review is refused in the pending states although their role",
        "  would allow it elsewhere.",
        "",
    ]
    for state in REVIEW_ACTION:
        lines += [
            f"## `{state}`",
            "",
            "| role | View | Modify | Review | Delete |",
            "| --- | --- | --- | --- | --- |",
        ]
        for (row_state, role), answers in EXPECTED.items():
            if row_state == state:
                cells = " | ".join("✔" if answers[a] else "—" for a in ACTIONS)
                lines.append(f"| {role} | {cells} |")
        lines.append("")
    return "\n".join(lines)


DOC = Path(__file__).resolve().parents[2] / "docs" / "permissions.md"


def test_documentation_shows_the_same_table():
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/permissions.md is out of date: run .venv/bin/python tests/review/test_permission_matrix.py"
    )


if __name__ == "__main__":
    DOC.write_text(render_markdown(), encoding="utf-8")
    print(f"wrote {DOC}")
