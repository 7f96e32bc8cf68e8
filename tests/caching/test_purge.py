"""Purging the caching proxy (issue 16, item 2): publishing, withdrawing,
moving, renaming and deleting an item purge its addresses and those of the
listings and the home page that show it. A fake proxy (an HTTP server on a
port of this branch's range) records the PURGE requests Zope sends."""

from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from plone import api
from plone.app.iterate.event import AfterCheckinEvent
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.cachepurging.hooks import KEY
from tests.helpers import auth
from tests.helpers import make_item
from zhengwu.site import caching
from zhengwu.site.caching_environment import CachingProxiesError
from zhengwu.site.caching_environment import proxies_from_environment
from zope.annotation.interfaces import IAnnotations
from zope.event import notify
from zope.globalrequest import setRequest
import pytest
import requests
import threading
import time
import transaction


PORTS = range(9201, 9299)


class FakeProxy:
    """Records the paths of the PURGE requests it receives."""

    def __init__(self):
        self.purged = []
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
                with proxy.lock:
                    proxy.purged.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        for port in PORTS:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
                break
            except OSError:
                continue
        else:
            raise RuntimeError("no free port in 9201–9298 for the fake proxy")
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def clear(self):
        with self.lock:
            self.purged.clear()

    def wait_for(self, *paths, timeout=15):
        """Wait until every path was purged; the purged paths."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                seen = set(self.purged)
            if set(paths) <= seen:
                return seen
            time.sleep(0.05)
        with self.lock:
            seen = set(self.purged)
        missing = set(paths) - seen
        raise AssertionError(f"not purged: {sorted(missing)}; purged: {sorted(seen)}")

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def proxy(functional_portal):
    fake = FakeProxy()
    transaction.begin()
    caching.configure_from_environment({"CACHING_PROXIES": fake.url})
    transaction.commit()
    yield fake
    fake.stop()


def path(obj):
    return "/" + obj.virtual_url_path()


def home_paths(portal):
    root = path(portal["zh-cn"])
    hant = root.replace("/zh-cn", "/++hant++/zh-cn", 1)
    return (root, root + "/", hant, f"/++api++{root}")


def workflow(obj, transition, user):
    response = requests.post(
        f"{obj.absolute_url()}/@workflow/{transition}",
        json={"comment": "测试"},
        auth=auth(user),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    return response


def test_publishing_purges_the_item_its_folders_and_the_home_page(functional_portal, proxy):
    portal = functional_portal
    transaction.begin()
    item = make_item(portal, "pending_final", portal_type="News Item")
    transaction.commit()
    proxy.clear()
    workflow(item, "publish", "chain_final")
    item_path = path(item)
    dept = path(portal["zh-cn"]["dept"])
    seen = proxy.wait_for(
        item_path,
        item_path + "/",
        item_path + "/view",
        f"/++api++{item_path}",
        item_path.replace("/plone/", "/plone/++hant++/", 1),
        dept,
        dept + "/",
        f"{dept}/@disclosure-catalog",
        f"{dept}/@service-guides",
        dept.replace("/plone/", "/plone/++hant++/", 1),
        *home_paths(portal),
    )
    # Never the site root's redirect (never cached); a bounded number of
    # addresses (one PURGE each) for an item two folders below the home page.
    assert "/plone" not in seen
    print(f"{len(seen)} addresses purged for one publication")
    assert len(seen) < 150
    # Withdrawing purges the same.
    proxy.clear()
    workflow(item, "withdraw", "chain_final")
    proxy.wait_for(item_path, dept, *home_paths(portal))


def test_moving_and_renaming_purge_the_old_and_new_addresses(functional_portal, proxy):
    """A section renamed, then moved (frozen items themselves cannot be, see
    docs/review.md): its old and new addresses, and the listings of both
    folders up to the home page."""
    portal = functional_portal
    transaction.begin()
    with api.env.adopt_roles(["Manager"]):
        dept = portal["zh-cn"]["dept"]
        section = api.content.create(container=dept, type="Folder", id="jgzn", title="机构职能")
        api.content.transition(section, transition="publish")
        target = api.content.create(
            container=portal["zh-cn"], type="Folder", id="zwgk", title="政务公开"
        )
        api.content.transition(target, transition="publish")
    transaction.commit()
    old = path(section)
    proxy.clear()
    response = requests.patch(
        section.absolute_url(),
        json={"id": "renamed"},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    renamed = portal["zh-cn"]["dept"]["renamed"]
    proxy.wait_for(
        old,
        old + "/",
        old + "/view",
        f"/++api++{old}",
        old.replace("/plone/", "/plone/++hant++/", 1),
        path(renamed),
        path(dept),
        *home_paths(portal),
    )
    proxy.clear()
    response = requests.post(
        f"{target.absolute_url()}/@move",
        json={"source": renamed.absolute_url()},
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 200, response.text
    proxy.wait_for(
        path(renamed),
        path(renamed) + "/",
        f"{path(target)}/renamed",
        path(target),
        path(dept),
        *home_paths(portal),
    )


def test_deleting_purges_the_item_and_the_listings(functional_portal, proxy):
    """Published content is withdrawn, then deleted by a Manager (docs/review.md)."""
    portal = functional_portal
    transaction.begin()
    item = make_item(portal, "withdrawn", title="过时的通知")
    transaction.commit()
    old = path(item)
    proxy.clear()
    response = requests.delete(
        item.absolute_url(),
        auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 204, response.text
    proxy.wait_for(
        old, old + "/", f"/++api++{old}", path(portal["zh-cn"]["dept"]), *home_paths(portal)
    )


def test_a_draft_edited_purges_no_listing(functional_portal, proxy):
    """Editing a draft changes no public page: its folder and the home page
    stay in the proxy."""
    portal = functional_portal
    transaction.begin()
    item = make_item(portal, "private")
    transaction.commit()
    proxy.clear()
    response = requests.patch(
        item.absolute_url(),
        json={"title": "草稿（修改）"},
        auth=auth("author"),
        headers={"Accept": "application/json"},
        timeout=60,
    )
    assert response.status_code == 204, response.text
    seen = proxy.wait_for(path(item))
    time.sleep(0.5)
    assert path(portal["zh-cn"]) not in set(proxy.purged) | seen


def test_check_in_purges_the_item_and_the_home_page(integration):
    """plone.app.iterate's check-in (publishing a working copy) queues the
    published item and the listings above it."""
    portal = integration["portal"]
    request = integration["request"]
    setRequest(request)
    try:
        item = make_item(portal, "published", title="办事指南总则")
        IAnnotations(request).pop(KEY, None)
        notify(AfterCheckinEvent(item, "核准"))
        queued = IAnnotations(request)[KEY]
    finally:
        setRequest(None)
    assert path(item) in queued
    assert path(portal["zh-cn"]["dept"]) in queued
    assert set(home_paths(portal)) <= queued


def test_caching_proxies_from_the_environment(integration):
    """CACHING_PROXIES: comma-separated URLs turn purging on; empty turns it
    off; anything else is one sentence at start."""
    setRequest(integration["request"])
    try:
        assert caching.configure_from_environment(
            {"CACHING_PROXIES": " http://127.0.0.1:8000/, http://10.0.0.2:6081"}
        ) == ("http://127.0.0.1:8000", "http://10.0.0.2:6081")
        assert api.portal.get_registry_record(
            "plone.cachepurging.interfaces.ICachePurgingSettings.enabled"
        )
        assert caching.configure_from_environment({"CACHING_PROXIES": ""}) == ()
        assert not api.portal.get_registry_record(
            "plone.cachepurging.interfaces.ICachePurgingSettings.enabled"
        )
    finally:
        setRequest(None)
    for bad in ("127.0.0.1:8000", "ftp://proxy", "http://proxy:99999", "http://proxy/path"):
        with pytest.raises(CachingProxiesError):
            proxies_from_environment({"CACHING_PROXIES": bad})


def test_a_bad_caching_proxies_is_one_sentence(monkeypatch):
    from zhengwu.instance import site_tasks

    monkeypatch.setenv("CACHING_PROXIES", "varnish:8000")
    with pytest.raises(site_tasks.ConfigurationError, match="CACHING_PROXIES"):
        site_tasks.check_caching_environment()


def test_an_items_files_and_views_are_purged_with_it(integration):
    """Besides plone.app.caching's addresses: a disclosure item's attachments,
    a guide's print view and material files, each also under ++hant++."""
    from plone.cachepurging.utils import getPathsToPurge
    from plone.namedfile.file import NamedBlobFile
    from tests.disclosure.helpers import make_catalog
    from tests.disclosure.helpers import make_disclosure_item
    from tests.guides.helpers import make_guide
    from urllib.parse import quote
    from zhengwu.guides.guide import Material

    portal = integration["portal"]
    request = integration["request"]
    setRequest(request)
    try:
        pdf = NamedBlobFile(b"%PDF-1.4", filename="附件一.pdf", contentType="application/pdf")
        item = make_disclosure_item(make_catalog(portal), "published", attachments=[pdf])
        material = Material(name="申请表", originals=1, copies=0, format="paper", blank_form=pdf)
        guide = make_guide(portal["zh-cn"]["dept"], "published", materials=[material])
        item_paths = set(getPathsToPurge(item, request))
        guide_paths = set(getPathsToPurge(guide, request))
    finally:
        setRequest(None)
    name = quote("附件一.pdf")
    attachment = f"{path(item)}/@@attachment/0/{name}"
    assert {attachment, attachment.replace("/plone/", "/plone/++hant++/", 1)} <= item_paths
    assert path(item).replace("/plone/", "/plone/++hant++/", 1) in item_paths
    material_file = f"{path(guide)}/@@material-file/0/blank_form/{name}"
    assert {material_file, f"{path(guide)}/print"} <= guide_paths


def test_the_disclosure_catalog_and_the_guide_index_are_purged(integration):
    """Publishing a disclosure item purges its catalog's page and listing
    endpoint; a guide, the guide index of the section above it."""
    from tests.disclosure.helpers import make_catalog
    from tests.disclosure.helpers import make_disclosure_item
    from tests.guides.helpers import make_guide

    portal = integration["portal"]
    request = integration["request"]
    setRequest(request)
    try:
        with api.env.adopt_roles(["Manager"]):
            section = api.content.create(
                container=portal["zh-cn"]["dept"], type="Folder", id="bsfw", title="办事服务"
            )
            section.setLayout("service-guide-index")
        catalog = make_catalog(portal)
        item = make_disclosure_item(catalog, "pending_final")
        guide = make_guide(section, "pending_final")
        IAnnotations(request).pop(KEY, None)
        for obj in (item, guide):
            with api.env.adopt_user(username="chain_final"):
                api.content.transition(obj, transition="publish", comment="签发")
        queued = IAnnotations(request)[KEY]
    finally:
        setRequest(None)
    assert {
        path(catalog),
        f"{path(catalog)}/",
        f"{path(catalog)}/@disclosure-catalog",
        f"/++api++{path(catalog)}",
        path(section),
        f"{path(section)}/service-guide-index",
        f"{path(section)}/@service-guides",
        path(portal["zh-cn"]) + "/@@portal-home",
        path(portal["zh-cn"]) + "/@disclosure-catalog",
    } <= queued
