"""Every product view and REST endpoint has a caching rule of its own (a
``cache:ruleset`` next to it, or its name in the template mapping for a
template-only page): a new one without a rule fails here."""

from pathlib import Path
from plone import api
from plone.app.caching.interfaces import IPloneCacheSettings
from plone.registry.interfaces import IRegistry
from z3c.caching.registry import ICacheRule
from zope.component import getGlobalSiteManager
from zope.component import getUtility
from zope.dottedname.resolve import resolve
from zope.interface import implementedBy
import xml.etree.ElementTree as ET


SRC = Path(__file__).resolve().parents[2] / "src" / "zhengwu"
BROWSER = "{http://namespaces.zope.org/browser}"
PLONE = "{http://namespaces.plone.org/plone}"
PUBLIC = {
    "plone.content.itemView",
    "plone.content.folderView",
    "plone.content.file",
    "plone.content.dynamic",
    "plone.content.feed",
}


def registrations():
    """(file, kind, name, class or None) of every page and service."""
    for path in sorted(SRC.rglob("*.zcml")):
        package = ".".join(path.parent.relative_to(SRC.parent).parts)
        for element in ET.parse(path).iter():
            if element.tag not in (f"{BROWSER}page", f"{PLONE}service"):
                continue
            dotted = element.get("class") or element.get("factory")
            if dotted and dotted.startswith("."):
                dotted = package + dotted
            yield path.relative_to(SRC), element.tag.split("}")[1], element.get("name"), dotted


def rule_of(cls):
    """The ruleset registered for instances of ``cls`` (as z3c.caching looks
    it up for the published view)."""
    factory = getGlobalSiteManager().adapters.lookup((implementedBy(cls),), ICacheRule)
    return factory(None).id if factory is not None else None


def test_every_view_and_endpoint_has_a_rule(portal):
    mapping = getUtility(IRegistry).forInterface(IPloneCacheSettings).templateRulesetMapping
    found = list(registrations())
    assert len(found) > 70  # the walk found the registrations
    missing = []
    rules = {}
    for where, kind, name, dotted in found:
        rule = rule_of(resolve(dotted)) if dotted else mapping.get(name)
        if rule is None:
            missing.append((str(where), kind, name))
        rules[name] = rule
    assert not missing, missing
    # personal, per-user and administrative ones are never public
    for name in (
        "@petition-status",
        "petition-status",
        "disclosure-request-status",
        "@disclosure-request-status",
        "disclosure-request-download",
        "petition-worklist",
        "@petition-worklist",
        "@audit-log",
        "zhengwu-audit-log",
        "@site-health",
        "site-health",
        "review-queue",
        "login",
        "@login",
        "@petitions",
        "@disclosure-requests",
        "request-letter",
        "petition-view",
        "disclosure-request-view",
    ):
        assert rules[name] == "zhengwu.private", name
    for name in ("portal-home", "disclosure-item-view", "service-guide-view", "news-listing"):
        assert rules[name] in PUBLIC, name
    assert api.portal.get_registry_record("plone.caching.interfaces.ICacheSettings.enabled")
