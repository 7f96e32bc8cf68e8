"""schemathesis against the document the site serves (``GET @openapi``):
every documented operation, anonymous and as the site owner, with data
that fits the document and data that does not. No answer may be a server
error (≥ 500), and every answer must be one the document describes —
its status, its content type and its schema.

Deterministic (``derandomize``: the same cases every run) and bounded
(``MAX_EXAMPLES`` per operation and mode, no shrinking): about two
minutes on the test machine. A failure names the operation and shows the
case to replay (``curl`` included)."""

from hypothesis import given
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import settings
from hypothesis.errors import Unsatisfiable
from pathlib import Path
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance
from tests.helpers import make_item
from tests.participation.consultation_helpers import make_consultation
from tests.participation.interview_helpers import make_interview
from tests.participation.survey_helpers import make_survey
from tests.petitions.helpers import make_box
from tests.requests.helpers import make_catalog
from zhengwu.submissions import throttle
import pytest
import requests
import schemathesis
import transaction
import yaml


# minutes, not seconds: in `make test`, not in `make test-quick`
pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = 6
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# Not fuzzed as the site owner: the link check fetches every external link
# of the site (minutes, and the network); its refusals are fuzzed anonymously.
NOT_AS_OWNER = {("POST", "/@supervision-run")}


def documented_operations():
    spec = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
    return [
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in ("get", "post", "put", "patch", "delete")
        if method in item
    ]


@pytest.fixture
def site(functional_portal):
    """The served document, and the places its path parameters name: a
    published catalog, an open mailbox, a department folder with guides'
    rights and a private item."""
    portal = functional_portal
    places = {
        "catalog": make_catalog(portal),
        "box": make_box(portal, anonymous_submission=True),
        "item": make_item(portal, "private"),
        "folder": portal["zh-cn"]["dept"],
        "root": portal["zh-cn"],
        "survey": make_survey(portal),
        "interview": make_interview(portal),
        "consultation": make_consultation(portal),
    }
    transaction.commit()
    root = portal.absolute_url()
    paths = {k: obj.absolute_url()[len(root) + 1 :] for k, obj in places.items()}
    paths["id"] = "member"  # a user (PATCH @users/{id})
    served = requests.get(f"{root}/@openapi", headers={"Accept": "application/json"}, timeout=60)
    assert served.status_code == 200
    return root, paths, served.json()


def fuzz(schema, method, path, root, paths, auth):
    operation = schema[path][method]
    fixed = {k: v for k, v in paths.items() if f"{{{k}}}" in path}
    session = requests.Session()
    session.auth = auth
    session.headers["Accept"] = "application/json"

    for mode in MODES:

        @settings(
            max_examples=MAX_EXAMPLES,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operation.as_strategy(generation_mode=mode, path_parameters=fixed))
        def run(case):
            throttle.SUBMISSIONS.reset()  # each case, not the tenth, meets the endpoint
            throttle.LOOKUPS.reset()
            case.call_and_validate(base_url=root, session=session, checks=CHECKS, timeout=60)

        try:
            run()
        except Unsatisfiable:
            # no parameter or body to get wrong: nothing negative to send
            assert mode is schemathesis.GenerationMode.NEGATIVE


@pytest.mark.parametrize("operation", documented_operations(), ids=" ".join)
def test_anonymous(site, operation):
    root, paths, served = site
    schema = schemathesis.openapi.from_dict(served)
    fuzz(schema, operation[0], operation[1], root, paths, None)


@pytest.mark.parametrize("operation", documented_operations(), ids=" ".join)
def test_as_the_site_owner(site, operation):
    if operation in NOT_AS_OWNER:
        pytest.skip("runs the link checker over the network")
    root, paths, served = site
    schema = schemathesis.openapi.from_dict(served)
    fuzz(schema, operation[0], operation[1], root, paths, (SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
