"""plone.app.testing layers for Zhengwu.

One sandbox layer installs ``zhengwu:default`` (never the demo: tests build
what they need); INTEGRATION and FUNCTIONAL layers sit on it, and
FUNCTIONAL serves the site over a real WSGI server for REST and browser tests.
"""

from plone.app.testing import applyProfile
from plone.app.testing import FunctionalTesting
from plone.app.testing import IntegrationTesting
from plone.app.testing import PLONE_FIXTURE
from plone.app.testing import PloneSandboxLayer
from plone.testing.zope import WSGI_SERVER_FIXTURE
import os


# Translations are compiled from the .po files when ZCML registers them.
os.environ.setdefault("zope_i18n_compile_mo_files", "true")


class ZhengwuLayer(PloneSandboxLayer):
    defaultBases = (PLONE_FIXTURE,)

    def setUpZope(self, app, configurationContext):
        import plone.restapi
        import zhengwu

        self.loadZCML(package=plone.restapi)
        self.loadZCML(package=zhengwu)

    def setUpPloneSite(self, portal):
        applyProfile(portal, "zhengwu:default")


ZHENGWU_FIXTURE = ZhengwuLayer()

ZHENGWU_INTEGRATION_TESTING = IntegrationTesting(
    bases=(ZHENGWU_FIXTURE,), name="Zhengwu:Integration"
)

ZHENGWU_FUNCTIONAL_TESTING = FunctionalTesting(
    bases=(ZHENGWU_FIXTURE, WSGI_SERVER_FIXTURE), name="Zhengwu:Functional"
)
