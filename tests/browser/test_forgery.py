"""A page on another port of the same host fires forged REST calls with a
logged-in official's browser (issue 17, finding 1): the browser sends the
login cookie (same site for ``SameSite=Lax``), and nothing changes.
Screenshots: test-artifacts/browser/."""

from functools import partial
from http.server import SimpleHTTPRequestHandler
from http.server import ThreadingHTTPServer
from plone import api
from tests.browser.test_review import login
from tests.petitions.helpers import make_box
from tests.petitions.helpers import make_petition
import json
import threading
import transaction


ATTACK = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>抽奖活动</title></head><body><h1>恭喜中奖</h1><script>
const calls = %s;
Promise.allSettled(calls.map(([url, body]) => fetch(url, {
  method: "POST", mode: "no-cors", credentials: "include",
  headers: {"Accept": "application/json", "Content-Type": "text/plain"},
  body: body,
}))).then(() => { document.title = "sent"; });
</script></body></html>"""


def serve_attack(folder, calls):
    (folder / "index.html").write_text(ATTACK % json.dumps(calls), encoding="utf-8")
    server = ThreadingHTTPServer(
        ("localhost", 0), partial(SimpleHTTPRequestHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_page_elsewhere_on_the_host_cannot_act_for_a_handler(
    functional_portal, page, screenshot, tmp_path
):
    box = make_box(functional_portal)
    petition, _code = make_petition(box, "submitted")
    folder = functional_portal["zh-cn"]
    transaction.commit()
    site = functional_portal.absolute_url()
    server = serve_attack(
        tmp_path,
        [
            [f"{petition.absolute_url()}/@workflow/reject", '{"comment": "forged"}'],
            [
                f"{folder.absolute_url()}/@sharing",
                '{"entries": [{"id": "handler", "type": "user", "roles": {"Editor": true}}]}',
            ],
        ],
    )
    try:
        for userid in ("handler", "siteadmin"):
            login(page, site, userid)
            assert any(c["name"] == "__ac" for c in page.context.cookies()), "not logged in"
            page.goto(f"http://localhost:{server.server_port}/")
            page.wait_for_function("document.title === 'sent'")
            screenshot(f"attack-page-{userid}")
    finally:
        server.shutdown()
    transaction.begin()
    assert api.content.get_state(petition) == "submitted"
    assert "Editor" not in (folder.get_local_roles_for_userid("handler") or ())
