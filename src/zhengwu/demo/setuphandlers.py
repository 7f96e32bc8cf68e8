"""The ``zhengwu:demo`` profile's post handler (``profiles/configure.zcml``).

Idempotent, as every part is: what exists already is left as it is.
"""

from plone import api
from zhengwu.demo import consultations
from zhengwu.demo import disclosure
from zhengwu.demo import english
from zhengwu.demo import guides
from zhengwu.demo import interviews
from zhengwu.demo import petitions
from zhengwu.demo import requests
from zhengwu.demo import site
from zhengwu.demo import surveys
import logging


logger = logging.getLogger(__name__)


def post_install(context):
    portal = api.portal.get()
    root = portal.get("zh-cn", portal)
    site.set_identity(portal)
    departments = site.create_departments(root)
    site.create_users(departments)
    site.create_sections(root)
    disclosure.create(root, departments)
    guides.create(root, departments)
    petitions.create(root, departments)
    requests.create(root, departments)
    surveys.create(root)
    interviews.create(root)
    consultations.create(root, departments)
    site.create_columns(root)
    site.create_front_page(root)
    english.create(portal)
    logger.info("Zhengwu demo content is in place")
