"""The government roles of DESIGN.md section 2 and the department groups
that carry them.

Roles are granted through groups, never by hand to one user on one item:
every department gets one group per entry of ``DEPARTMENT_GROUPS``, holding
that entry's roles as local roles on the department folder.
"""

from plone.app.workflow.interfaces import ISharingPageRole
from zhengwu import _
from zope.interface import implementer


DELEGATE_PERMISSION = "zhengwu: Delegate government roles"
# The roles that read citizens' personal data: only Managers grant them.
PERSONAL_DATA_PERMISSION = "zhengwu: Delegate personal-data roles"
PERSONAL_DATA_ROLES = ("PetitionHandler", "DepartmentResponder", "DisclosureOfficer")

# role id -> title on the sharing page
GOVERNMENT_ROLES = {
    "FirstReviewer": _("First reviewer"),
    "SecondReviewer": _("Second reviewer"),
    "FinalApprover": _("Final approver"),
    "PetitionHandler": _("Petition handler"),
    "DepartmentResponder": _("Department responder"),
    "DisclosureOfficer": _("Disclosure officer"),
}

# (group id suffix, local roles on the department, group title)
DEPARTMENT_GROUPS = (
    ("editors", ("Contributor", "Editor", "Reader"), _("Editors")),
    ("first-reviewers", ("FirstReviewer",), _("First reviewers")),
    ("second-reviewers", ("SecondReviewer",), _("Second reviewers")),
    ("final-approvers", ("FinalApprover",), _("Final approvers")),
    ("petition-handlers", ("PetitionHandler",), _("Petition handlers")),
    ("responders", ("DepartmentResponder",), _("Department responders")),
    ("disclosure-officers", ("DisclosureOfficer",), _("Disclosure officers")),
)


def _sharing_role(role_id):
    @implementer(ISharingPageRole)
    class SharingRole:
        title = GOVERNMENT_ROLES[role_id]
        required_permission = (
            PERSONAL_DATA_PERMISSION if role_id in PERSONAL_DATA_ROLES else DELEGATE_PERMISSION
        )
        required_interface = None

    SharingRole.__name__ = f"{role_id}SharingRole"
    return SharingRole


FirstReviewerRole = _sharing_role("FirstReviewer")
SecondReviewerRole = _sharing_role("SecondReviewer")
FinalApproverRole = _sharing_role("FinalApprover")
PetitionHandlerRole = _sharing_role("PetitionHandler")
DepartmentResponderRole = _sharing_role("DepartmentResponder")
DisclosureOfficerRole = _sharing_role("DisclosureOfficer")
