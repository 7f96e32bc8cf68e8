"""Benchmark: what the strict review costs, against vanilla Plone 6.2 in the same run.

    .venv/bin/python benchmarks/review_workflow.py [--items 300] [--log-size 100000]

One throw-away FileStorage instance holds two sites created in the same
process: ``vanilla`` (Plone 6.2 classic: plone.app.contenttypes, layout,
Barceloneta; simple_publication_workflow) and ``zhengwu`` (zhengwu:default,
a department and the users of one review chain). It measures:

1. creating and publishing a page, committed: vanilla creates + ``publish``
   (one transition); Zhengwu creates + ``submit`` + three approvals by three
   different people (four transitions, each guarded and audited);
2. one audit-log append (one transition's worth), committed, to an empty
   log and to one that already holds ``--log-size`` entries — it must stay flat;
3. anonymous HTML and REST GET of one published page over HTTP (waitress,
   one process), vanilla against Zhengwu.

Every pair is interleaved (vanilla and Zhengwu take turns, the first side
alternating; the two audit logs likewise) after checking that both sides
give the same answer (both pages published; the same page over REST), as
benchmarks/sampling.py lays down. Medians, a p95 only from 100 samples, and
ratios are printed as a Markdown table (docs/benchmarks.md keeps them). The
machine is shared: compare ratios, not absolute times.
"""

from pathlib import Path
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sampling import describe_ms  # noqa: E402
from sampling import interleave  # noqa: E402
from sampling import median_ms  # noqa: E402
from sampling import require_equal  # noqa: E402


CLASSIC = (
    "plone.app.contenttypes:default",
    "plone.app.layout:default",
    "plonetheme.barceloneta:default",
)
CHAIN = (("approve_first", "first"), ("approve_second", "second"), ("publish", "final"))


def make_instance():
    from zhengwu.instance.config import Instance

    home = Path(tempfile.mkdtemp(prefix="zhengwu-bench-")) / "instance"
    home.mkdir(parents=True)
    shutil.copytree(ROOT / "instance" / "templates", home / "templates")
    shutil.copy(ROOT / "instance" / "zope.ini", home / "zope.ini")
    instance = Instance(home=home)
    instance.write_config()
    return instance


def open_app(instance):
    from Testing.makerequest import makerequest
    from zope.globalrequest import setRequest
    from Zope2.Startup.run import configure_wsgi
    import Zope2

    configure_wsgi(str(instance.zope_conf))
    app = makerequest(Zope2.app())
    app.REQUEST["PARENTS"] = [app]
    setRequest(app.REQUEST)
    return app


def as_admin(app):
    from AccessControl.SecurityManagement import newSecurityManager

    if app.acl_users.getUser("admin") is None:
        app.acl_users._doAddUser("admin", "admin", ["Manager"], [])
    newSecurityManager(None, app.acl_users.getUser("admin").__of__(app.acl_users))


def build_vanilla(app, site_id="vanilla", displayed_types=None):
    """A Plone 6.2 classic site with ``<site>/zh-cn/dept`` published; with
    ``displayed_types``, that ``plone.displayed_types`` (the types navigation
    lists) instead of Plone's default."""
    from plone import api
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite
    import transaction

    addPloneSite(app, site_id, title="Vanilla", extension_ids=CLASSIC)
    # Classic Plone refuses Anonymous the REST API; grant it so both sites
    # answer the same anonymous GET.
    app[site_id].manage_permission(
        "plone.restapi: Use REST API", ["Anonymous", "Manager"], acquire=1
    )
    # The same depth for the pages of both sites: <site>/<section>/<department>/<page>.
    setSite(app[site_id])
    if displayed_types is not None:
        api.portal.set_registry_record("plone.displayed_types", tuple(displayed_types))
    section = api.content.create(container=app[site_id], type="Folder", id="zh-cn", title="中文")
    api.content.transition(section, transition="publish")
    folder = api.content.create(container=section, type="Folder", id="dept", title="测试局")
    api.content.transition(folder, transition="publish")
    transaction.commit()  # indexes them while this site is active


def add_zhengwu_site(app):
    """The Zhengwu site ``zhengwu`` with one published department ``dept``
    (the site made the active one): ``(site, dept)``."""
    from plone import api
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite

    addPloneSite(
        app,
        "zhengwu",
        title="政务",
        extension_ids=("zhengwu:default",),
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )
    site = app["zhengwu"]
    setSite(site)
    dept = api.content.create(
        container=site["zh-cn"],
        type="Department",
        id="dept",
        title="测试局",
        organization_code="11999900MB0000010H",
    )
    api.content.transition(dept, transition="publish")
    return site, dept


def build_sites(app):
    from plone import api
    from zhengwu.site.department_groups import department_groups
    import transaction

    build_vanilla(app)
    site, dept = add_zhengwu_site(app)
    groups = department_groups(dept)
    for userid, suffix in (
        ("author", "editors"),
        ("first", "first-reviewers"),
        ("second", "second-reviewers"),
        ("final", "final-approvers"),
    ):
        api.user.create(
            username=userid, email=f"{userid}@example.gov.cn", password="bench-secret-1"
        )
        api.group.add_user(groupname=groups[suffix], username=userid)
    transaction.commit()


def bench_publishing(app, items):
    """Create + publish one page on each side, interleaved, ``items`` times.
    A warm-up page on each side must end published before anything is timed."""
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    vanilla = app["vanilla"]["zh-cn"]["dept"]
    dept = app["zhengwu"]["zh-cn"]["dept"]

    def vanilla_one(n):
        setSite(app["vanilla"])
        page = api.content.create(container=vanilla, type="Document", id=f"p{n}", title=f"通知 {n}")
        api.content.transition(page, transition="publish")
        transaction.commit()
        return page

    def zhengwu_one(n):
        setSite(app["zhengwu"])
        with api.env.adopt_user(username="author"):
            page = api.content.create(
                container=dept, type="Document", id=f"p{n}", title=f"通知 {n}"
            )
            api.content.transition(page, transition="submit")
        for transition, userid in CHAIN:
            with api.env.adopt_user(username=userid):
                api.content.transition(page, transition=transition, comment="同意")
        transaction.commit()
        return page

    states = {
        "vanilla": api.content.get_state(vanilla_one("warm")),
        "zhengwu": api.content.get_state(zhengwu_one("warm")),
    }
    require_equal(
        "create + publish", {name: state == "published" for name, state in states.items()}
    )
    timings = interleave({"vanilla": vanilla_one, "zhengwu": zhengwu_one}, items)
    return timings["vanilla"], timings["zhengwu"]


def bench_audit_log(app, log_size, samples=500):
    """One append + commit to an empty log and to the site's log grown to
    ``log_size`` entries, interleaved (the empty log is a second AuditLog
    stored beside the site's, the same class and the same code path)."""
    from zhengwu.review.audit_log import AuditLog
    from zhengwu.review.audit_log import IAuditLog
    from zope.component import getUtility
    from zope.component.hooks import setSite
    import transaction

    site = app["zhengwu"]
    setSite(site)
    large = getUtility(IAuditLog)
    site._bench_empty_log = small = AuditLog()
    missing = log_size - len(large)
    for n in range(max(missing, 0)):
        large.append("bench", "submit", path=f"/zhengwu/fill/{n}")
        if n % 5000 == 4999:
            transaction.commit()
    transaction.commit()
    size = len(large)

    def appender(log):
        def append(n):
            log.append("first", "approve_first", path=f"/zhengwu/zh-cn/dept/x{n}", comment="同意")
            transaction.commit()

        return append

    timings = interleave({"small": appender(small), "large": appender(large)}, samples)
    return timings["small"], timings["large"], size


def free_port():
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]


def serve(instance):
    """runwsgi on a free port (this process must have closed the database)."""
    import requests

    port = free_port()
    runwsgi = str(Path(sys.executable).parent / "runwsgi")
    server = subprocess.Popen(
        [runwsgi, str(instance.zope_ini), f"http_port={port}", "host=localhost"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://localhost:{port}"
    for _ in range(600):
        try:
            requests.get(base, timeout=30)
            return server, base
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise RuntimeError("the Zope server did not start")


def bench_http(instance, requests_per_page):
    """Anonymous HTML and REST GET of one page per side, interleaved; each
    side must answer 200 (and the REST answer be the same page) first."""
    import requests

    server, base = serve(instance)
    try:
        pages = {
            "vanilla": f"{base}/vanilla/zh-cn/dept/p1",
            "zhengwu": f"{base}/zhengwu/zh-cn/dept/p1",
        }
        results = {}
        for kind, headers in (("html", {}), ("rest", {"Accept": "application/json"})):

            def get(url, headers=headers):
                response = requests.get(url, headers=headers, timeout=30)
                assert response.status_code == 200, (url, response.status_code)
                return response

            answers = {name: get(url) for name, url in pages.items()}
            if kind == "rest":
                require_equal(
                    "REST GET", {n: (r.json()["@type"], r.json()["id"]) for n, r in answers.items()}
                )
            for _ in range(10):  # warm caches
                for url in pages.values():
                    get(url)
            timings = interleave(
                {name: (lambda n, url=url: get(url)) for name, url in pages.items()},
                requests_per_page,
            )
            for name, values in timings.items():
                results[(name, kind)] = values
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--log-size", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    instance = make_instance()
    app = open_app(instance)
    as_admin(app)
    print(f"building the two sites in {instance.home} …", file=sys.stderr)
    build_sites(app)
    print(f"publishing {args.items} pages on each …", file=sys.stderr)
    vanilla_pub, zhengwu_pub = bench_publishing(app, args.items)
    print(f"audit log: appends at 0 and at {args.log_size} entries …", file=sys.stderr)
    small, large, size = bench_audit_log(app, args.log_size)
    app._p_jar.close()
    app._p_jar.db().close()
    print("HTTP …", file=sys.stderr)
    http = bench_http(instance, args.requests)
    shutil.rmtree(instance.home.parent, ignore_errors=True)

    rows = [
        (
            "create + publish one page, committed (vanilla: 1 transition; Zhengwu: 4, each guarded and audited)",
            "published / published",
            vanilla_pub,
            zhengwu_pub,
        ),
        (
            f"anonymous HTML of one published page ({args.items + 1} siblings)",
            "200 / 200",
            http[("vanilla", "html")],
            http[("zhengwu", "html")],
        ),
        (
            "anonymous REST GET of one published page",
            "the same page",
            http[("vanilla", "rest")],
            http[("zhengwu", "rest")],
        ),
    ]
    print(
        "\n| measure, ms: median (p95 where ≥ 100 samples) | answers | vanilla Plone 6.2 | Zhengwu"
        " | ratio | samples per side |\n| --- | --- | --- | --- | --- | --- |"
    )
    for label, answers, vanilla, zhengwu in rows:
        print(
            f"| {label} | {answers} | {describe_ms(vanilla)} | {describe_ms(zhengwu)} "
            f"| {median_ms(zhengwu) / median_ms(vanilla):.2f}× | {len(vanilla)} |"
        )
    print(
        f"\n| audit log append + commit, ms | at 0 entries | at {size:,} entries | ratio "
        "| samples per side |\n| --- | --- | --- | --- | --- |"
    )
    print(
        f"| median (p95) | {describe_ms(small, 2)} | {describe_ms(large, 2)} "
        f"| {median_ms(large) / median_ms(small):.2f}× | {len(small)} |"
    )
    print(
        f"\nitems={args.items} log_size={args.log_size} requests={args.requests} "
        f"python={sys.version.split()[0]} load={os.getloadavg()[0]:.1f}"
    )


if __name__ == "__main__":
    main()
