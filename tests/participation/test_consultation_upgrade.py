"""1006 → 1007 brings a site at 1006 what consultations need: the types,
the opinion workflow and bindings, the catalog metadata, the setting, versioning."""

from plone import api
from plone.registry.interfaces import IRegistry
from zope.component import getUtility


def test_upgrade_to_consultations(portal):
    setup, wtool, catalog = portal.portal_setup, portal.portal_workflow, portal.portal_catalog
    portal.portal_types.manage_delObjects(["Consultation", "Opinion", "ConsultationFeedback"])
    wtool.setChainForPortalTypes(["Opinion"], ())
    wtool.manage_delObjects(["zhengwu_opinion_workflow"])
    for column in (
        "consultation_opens",
        "consultation_closes",
        "feedback_published",
        "opinion_section",
    ):
        catalog.delColumn(column)
    registry = getUtility(IRegistry)
    del registry.records["zhengwu.consultations.feedback_days"]
    repository = portal.portal_repository
    repository.setVersionableContentTypes(
        [t for t in repository.getVersionableContentTypes() if "Consultation" not in t]
    )
    setup.setLastVersionForProfile("zhengwu:default", "1006")
    setup.upgradeProfile("zhengwu:default")
    assert setup.getLastVersionForProfile("zhengwu:default") == ("1007",)
    assert {"Consultation", "Opinion", "ConsultationFeedback"} <= set(portal.portal_types)
    assert wtool.getChainForPortalType("Opinion") == ("zhengwu_opinion_workflow",)
    assert wtool.getChainForPortalType("Consultation") == ("zhengwu_review_workflow",)
    assert wtool.getChainForPortalType("ConsultationFeedback") == ("zhengwu_review_workflow",)
    assert {
        "consultation_opens",
        "consultation_closes",
        "feedback_published",
        "opinion_section",
    } <= set(catalog.schema())
    assert api.portal.get_registry_record("zhengwu.consultations.feedback_days") == 30
    versioned = portal.portal_repository.getVersionableContentTypes()
    assert {"Consultation", "ConsultationFeedback"} <= set(versioned)
