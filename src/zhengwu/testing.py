"""plone.app.testing layers for Zhengwu.

``ZHENGWU_FIXTURE`` installs ``zhengwu:default`` (never the demo: tests build
what they need); ``ZHENGWU_REVIEW_FIXTURE`` adds one department and one user
per role on top. INTEGRATION and FUNCTIONAL sit on that single stack (two
sibling sandboxes kept for a whole pytest session would stack their
databases on each other), and FUNCTIONAL serves the site over a real WSGI
server for REST and browser tests.

``ZHENGWU_DEMO_INTEGRATION_TESTING`` adds ``zhengwu:demo`` on the review
fixture for the tests of the demo alone: never kept for a session, it is set
up for them and torn down after them (``tests/site/conftest.py``).
"""

from plone import api
from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import login
from plone.app.testing import logout
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.app.testing import TEST_USER_NAME
from plone.testing.zope import WSGI_SERVER_FIXTURE
from zhengwu.site.department_groups import department_groups
from zope.globalrequest import setRequest
from ZPublisher.HTTPRequest import HTTPRequest
import os
import plone.restapi
import zhengwu


# Translations are compiled from the .po files when ZCML registers them.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class ZhengwuLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=zhengwu)
        # As instance/templates/zope-*.conf.in configure Zope (max-conflict-retries).
        self._retries = HTTPRequest.retry_max_count
        HTTPRequest.retry_max_count = 5

    def tearDownZope(self, app):
        HTTPRequest.retry_max_count = self._retries

    def setUpPloneSite(self, portal):
        applyProfile(portal, "zhengwu:default")


ZHENGWU_FIXTURE = ZhengwuLayer()

# The review layer: one department (``dept``, published) and one user per
# role, each holding it through a group as in production. The ``chain_*``
# users move items along the review; the matrix users only try things.
TEST_PASSWORD = "secret-for-tests-1"
REVIEW_USERS = {
    # user id: (department group suffix or custom group roles, site roles)
    "author": ("editors", ()),
    "editor": ("editors", ()),
    "contributor": (("Contributor",), ()),
    "first": ("first-reviewers", ()),
    "second": ("second-reviewers", ()),
    "final": ("final-approvers", ()),
    "chain_first": ("first-reviewers", ()),
    "chain_second": ("second-reviewers", ()),
    "chain_final": ("final-approvers", ()),
    "member": (None, ()),
    "siteadmin": (None, ("Site Administrator",)),
    "handler": ("petition-handlers", ()),
    "handler2": ("petition-handlers", ()),
    "responder": ("responders", ()),
    "officer": ("disclosure-officers", ()),
    "officer2": ("disclosure-officers", ()),
}
# A second department, whose responders must not see the first one's petitions.
OTHER_DEPARTMENT_USERS = {"responder2": "responders", "officer_other": "disclosure-officers"}


class ZhengwuReviewLayer(PloneSandboxLayer):
    defaultBases = (ZHENGWU_FIXTURE,)

    def setUpPloneSite(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        login(portal, TEST_USER_NAME)
        dept = api.content.create(
            container=portal["zh-cn"],
            type="Department",
            id="dept",
            title="测试局",
            organization_code="11999900MB0000010H",
        )
        api.content.transition(dept, transition="publish")
        groups = department_groups(dept)
        api.group.create(groupname="dept-contributors-only", title="测试局 · 仅添加")
        dept.manage_setLocalRoles("dept-contributors-only", ["Contributor"])
        dept.reindexObjectSecurity()
        for userid, (group, site_roles) in REVIEW_USERS.items():
            api.user.create(
                username=userid,
                email=f"{userid}@example.gov.cn",
                password=TEST_PASSWORD,
                roles=("Member",) + tuple(site_roles),
            )
            if isinstance(group, str):
                api.group.add_user(groupname=groups[group], username=userid)
            elif group:
                api.group.add_user(groupname="dept-contributors-only", username=userid)
        other = api.content.create(
            container=portal["zh-cn"],
            type="Department",
            id="dept2",
            title="测试二局",
            organization_code="11999900MB0000020J",
        )
        api.content.transition(other, transition="publish")
        for userid, suffix in OTHER_DEPARTMENT_USERS.items():
            api.user.create(
                username=userid,
                email=f"{userid}@example.gov.cn",
                password=TEST_PASSWORD,
                roles=("Member",),
            )
            api.group.add_user(groupname=department_groups(other)[suffix], username=userid)
        setRoles(portal, TEST_USER_ID, ["Member"])
        logout()


ZHENGWU_REVIEW_FIXTURE = ZhengwuReviewLayer()

ZHENGWU_INTEGRATION_TESTING = IntegrationTesting(
    bases=(ZHENGWU_REVIEW_FIXTURE,), name="Zhengwu:Integration"
)

ZHENGWU_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(ZHENGWU_REVIEW_FIXTURE, WSGI_SERVER_FIXTURE), name="Zhengwu:Functional"
)


class ZhengwuDemoLayer(PloneSandboxLayer):
    """The review fixture with ``zhengwu:demo`` applied, once for all the
    tests that read it. Its database is stacked on the review fixture's and
    dropped when the layer is torn down."""

    defaultBases = (ZHENGWU_REVIEW_FIXTURE,)

    def setUpPloneSite(self, portal):
        setRoles(portal, TEST_USER_ID, ["Manager"])
        # The demo submits petitions and requests as the public does, through
        # the request (as the integration layer provides one in every test).
        setRequest(portal.REQUEST)
        try:
            applyProfile(portal, "zhengwu:demo")
        finally:
            setRequest(None)
        setRoles(portal, TEST_USER_ID, ["Member"])


ZHENGWU_DEMO_FIXTURE = ZhengwuDemoLayer()

ZHENGWU_DEMO_INTEGRATION_TESTING = IntegrationTesting(
    bases=(ZHENGWU_DEMO_FIXTURE,), name="Zhengwu:DemoIntegration"
)

# The demo served over HTTP, for the browser tests of the portal's face
# (tests/browser/test_portal_face.py); set up per class of tests, as above.
ZHENGWU_DEMO_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(ZHENGWU_DEMO_FIXTURE, WSGI_SERVER_FIXTURE), name="Zhengwu:DemoFunctional"
)
