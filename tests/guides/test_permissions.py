"""Service guides run under zhengwu_review_workflow: the same hand-written
permission matrix holds for them, every state and role, attempted over REST."""

from tests.guides.helpers import make_guide
from tests.review.test_permission_matrix import attempt
from tests.review.test_permission_matrix import EXPECTED
from tests.review.test_permission_matrix import REVIEW_ACTION
from tests.review.test_permission_matrix import USER_OF_ROLE
import pytest
import transaction


@pytest.fixture
def guide_in(functional_portal):
    def make(state):
        transaction.begin()
        guide = make_guide(functional_portal["zh-cn"]["dept"], state)
        transaction.commit()
        return guide.absolute_url()

    return make


@pytest.mark.parametrize("state, role", list(EXPECTED))
def test_guide_permission_matrix(guide_in, state, role):
    userid = USER_OF_ROLE[role]
    seen = {}
    url = guide_in(state)
    seen["View"] = attempt("GET", url, userid)
    seen["Modify"] = attempt("PATCH", url, userid, json={"item_name": "被修改的事项名称"})
    url = guide_in(state)
    seen["Review"] = attempt(
        "POST", f"{url}/@workflow/{REVIEW_ACTION[state]}", userid, json={"comment": "审核意见"}
    )
    url = guide_in(state)
    seen["Delete"] = attempt("DELETE", url, userid)
    assert seen == EXPECTED[(state, role)]
