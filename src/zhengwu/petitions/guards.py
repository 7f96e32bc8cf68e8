"""Separation of duties in the petition workflow: whoever submitted a reply
does not approve it (guard of ``approve_reply``)."""

from AccessControl import getSecurityManager
from AccessControl import ModuleSecurityInfo


WORKFLOW_ID = "zhengwu_petition_workflow"

ModuleSecurityInfo("zhengwu.petitions.guards").declarePublic("may_approve_reply")


def history(petition):
    return list(getattr(petition, "workflow_history", {}).get(WORKFLOW_ID, ()))


def last_actor(petition, action):
    for entry in reversed(history(petition)):
        if entry.get("action") == action:
            return entry.get("actor")
    return None


def may_approve_reply(petition, user=None):
    userid = (user or getSecurityManager().getUser()).getId()
    return userid is not None and userid != last_actor(petition, "submit_reply")
