"""Upgrade steps of surveys."""

from plone import api


def rebind_surveys(setup_tool):
    """EasyForms made before 1007 were under the container workflow: they
    take the review workflow's permissions (private until reviewed)."""
    workflow = api.portal.get_tool("portal_workflow")
    workflow.updateRoleMappings()
