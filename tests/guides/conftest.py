"""Guides in every state and across facets, for the listing tests."""

from tests.guides.helpers import make_guide
import pytest
import transaction


# title, state, changes
GUIDES = (
    ("企业设立登记", "published", {}),
    (
        "生育登记服务",
        "published",
        {
            "item_type": "public_service",
            "service_object": ["natural_person"],
            "themes": ["birth_adoption"],
        },
    ),
    (
        "户口迁入审批",
        "published",
        {
            "item_type": "administrative_license",
            "service_object": ["natural_person"],
            "themes": ["household_registration"],
        },
    ),
    (
        "失业保险金申领",
        "published",
        {
            "item_type": "administrative_payment",
            "service_object": ["natural_person"],
            "themes": ["employment", "social_security"],
        },
    ),
    ("尚未提交的草稿指南", "private", {"themes": ["birth_adoption"]}),
    ("等待签发的待审指南", "pending_final", {"themes": ["birth_adoption"]}),
    ("已撤回的过时指南", "withdrawn", {"themes": ["birth_adoption"]}),
)
HIDDEN = ("尚未提交的草稿指南", "等待签发的待审指南", "已撤回的过时指南")


@pytest.fixture
def guide_folder(functional_portal):
    """The test department's guides, committed for the WSGI server."""
    transaction.begin()
    dept = functional_portal["zh-cn"]["dept"]
    made = {
        title: make_guide(dept, state, title=title, **changes) for title, state, changes in GUIDES
    }
    transaction.commit()
    return dept, made
