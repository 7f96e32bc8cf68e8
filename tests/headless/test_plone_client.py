"""A headless front-end in CI: the Node test ``plone-client.test.mjs`` uses
@plone/client (pinned in package.json, installed by ``npm ci``) against the
demo site served by the functional layer, as a front-end team would.

Outside CI a machine without Node.js or without ``npm ci`` skips it; in CI
(``CI`` set) either is a failure."""

from pathlib import Path
from plone import api
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
from zhengwu.testing import TEST_PASSWORD
import json
import os
import pytest
import shutil
import subprocess
import transaction


# minutes, not seconds: in `make test`, not in `make test-quick`
pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
TEST = Path(__file__).with_name("plone-client.test.mjs")
CLIENT = ROOT / "node_modules" / "@plone" / "client" / "package.json"


def missing(reason):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def first_path(portal, **query):
    with api.env.adopt_roles(["Anonymous"]):
        brains = api.content.find(sort_on="getObjPositionInParent", **query)
    assert brains, query
    return brains[0].getPath()[len("/".join(portal.getPhysicalPath())) :]


class TestPloneClient:
    def test_a_front_end_with_plone_client(self, demo_functional):
        node = shutil.which("node")
        if node is None:
            missing("Node.js is not installed")
        if not CLIENT.exists():
            missing(f"{CLIENT} is missing: run `npm ci` at the repository root")
        portal = demo_functional["portal"]
        root = portal["zh-cn"]
        # an answered message to rate: the demo's messages hold no code to give
        box = make_box(portal, anonymous_submission=True)
        petition, code = make_petition(box, "answered")
        fixture = {
            "news_item": first_path(
                portal, portal_type="News Item", path="/".join(root.xwzx.getPhysicalPath())
            ),
            "catalog": first_path(portal, portal_type="DisclosureCatalog"),
            "guides": "/zh-cn/bsfw",
            "box": first_path(portal, portal_type="PetitionBox"),
            "answered": {"tracking_number": petition.tracking_number, "query_code": code},
            "draft_folder": "/zh-cn/dept",
        }
        transaction.commit()
        env = {
            **os.environ,
            "ZW_SITE": portal.absolute_url(),
            "ZW_PASSWORD": TEST_PASSWORD,
            "ZW_FIXTURE": json.dumps(fixture),
        }
        result = subprocess.run(
            [node, "--test", "--test-reporter=spec", str(TEST)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-3000:]
