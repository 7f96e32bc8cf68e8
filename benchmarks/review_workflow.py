"""Benchmark: what the strict review costs, against vanilla Plone 6.2 in the same run.

    .venv/bin/python benchmarks/review_workflow.py [--items 300] [--log-size 100000]

One throw-away FileStorage instance holds two sites created in the same
process: ``vanilla`` (Plone 6.2 classic: plone.app.contenttypes, layout,
Barceloneta; simple_publication_workflow) and ``zhengwu`` (zhengwu:default,
a department and the users of one review chain). It measures:

1. creating and publishing a page, committed: vanilla creates + ``publish``
   (one transition); Zhengwu creates + ``submit`` + three approvals by three
   different people (four transitions, each guarded and audited);
2. one audit-log append (one transition's worth), committed, when the log is
   empty and when it already holds ``--log-size`` entries — it must stay flat;
3. anonymous HTML and REST GET of one published page over HTTP (waitress,
   one process), vanilla against Zhengwu.

Medians and ratios are printed as a Markdown table (docs/benchmarks.md keeps
them). The machine is shared: compare ratios, not absolute times.
"""

from pathlib import Path
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
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


def build_sites(app):
    from plone import api
    from Products.CMFPlone.factory import addPloneSite
    from zhengwu.site.department_groups import department_groups
    from zope.component.hooks import setSite
    import transaction

    addPloneSite(app, "vanilla", title="Vanilla", extension_ids=CLASSIC)
    # Classic Plone refuses Anonymous the REST API; grant it so both sites
    # answer the same anonymous GET.
    app["vanilla"].manage_permission(
        "plone.restapi: Use REST API", ["Anonymous", "Manager"], acquire=1
    )
    addPloneSite(
        app,
        "zhengwu",
        title="政务",
        extension_ids=("zhengwu:default",),
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )
    # The same depth for the pages of both sites: <site>/<section>/<department>/<page>.
    setSite(app["vanilla"])
    section = api.content.create(container=app["vanilla"], type="Folder", id="zh-cn", title="中文")
    api.content.transition(section, transition="publish")
    folder = api.content.create(container=section, type="Folder", id="dept", title="测试局")
    api.content.transition(folder, transition="publish")
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


def timed(function, repeat):
    timings = []
    for n in range(repeat):
        began = time.perf_counter()
        function(n)
        timings.append(time.perf_counter() - began)
    return timings


def bench_publishing(app, items):
    from plone import api
    from zope.component.hooks import setSite
    import transaction

    setSite(app["vanilla"])
    vanilla = app["vanilla"]["zh-cn"]["dept"]

    def vanilla_one(n):
        page = api.content.create(container=vanilla, type="Document", id=f"p{n}", title=f"通知 {n}")
        api.content.transition(page, transition="publish")
        transaction.commit()

    vanilla_times = timed(vanilla_one, items)

    setSite(app["zhengwu"])
    dept = app["zhengwu"]["zh-cn"]["dept"]

    def zhengwu_one(n):
        with api.env.adopt_user(username="author"):
            page = api.content.create(
                container=dept, type="Document", id=f"p{n}", title=f"通知 {n}"
            )
            api.content.transition(page, transition="submit")
        for transition, userid in CHAIN:
            with api.env.adopt_user(username=userid):
                api.content.transition(page, transition=transition, comment="同意")
        transaction.commit()

    zhengwu_times = timed(zhengwu_one, items)
    return vanilla_times, zhengwu_times


def bench_audit_log(app, log_size, samples=500):
    from zhengwu.review.audit_log import IAuditLog
    from zope.component import getUtility
    from zope.component.hooks import setSite
    import transaction

    setSite(app["zhengwu"])
    log = getUtility(IAuditLog)

    def append(n):
        log.append("first", "approve_first", path=f"/zhengwu/zh-cn/dept/x{n}", comment="同意")
        transaction.commit()

    small = timed(append, samples)
    missing = log_size - len(log)
    for n in range(max(missing, 0)):
        log.append("bench", "submit", path=f"/zhengwu/fill/{n}")
        if n % 5000 == 4999:
            transaction.commit()
    transaction.commit()
    large = timed(append, samples)
    return small, large, len(log)


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
            requests.get(base, timeout=2)
            return server, base
        except requests.ConnectionError:
            time.sleep(0.5)
    raise RuntimeError("the Zope server did not start")


def bench_http(instance, requests_per_page):
    import requests

    server, base = serve(instance)
    try:
        pages = {
            "vanilla": f"{base}/vanilla/zh-cn/dept/p1",
            "zhengwu": f"{base}/zhengwu/zh-cn/dept/p1",
        }
        results = {}
        for name, url in pages.items():
            for kind, headers in (("html", {}), ("rest", {"Accept": "application/json"})):
                for _ in range(10):  # warm caches
                    requests.get(url, headers=headers, timeout=30)
                timings = []
                for _ in range(requests_per_page):
                    began = time.perf_counter()
                    response = requests.get(url, headers=headers, timeout=30)
                    timings.append(time.perf_counter() - began)
                    assert response.status_code == 200, (url, response.status_code)
                results[(name, kind)] = timings
        return results
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


def ms(values):
    return statistics.median(values) * 1000


def p95(values):
    return sorted(values)[int(len(values) * 0.95) - 1] * 1000


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
            ms(vanilla_pub),
            ms(zhengwu_pub),
        ),
        (
            "anonymous HTML of one published page",
            ms(http[("vanilla", "html")]),
            ms(http[("zhengwu", "html")]),
        ),
        (
            "anonymous REST GET of one published page",
            ms(http[("vanilla", "rest")]),
            ms(http[("zhengwu", "rest")]),
        ),
    ]
    print(
        "\n| measure (median ms) | vanilla Plone 6.2 | Zhengwu | ratio |\n| --- | --- | --- | --- |"
    )
    for label, vanilla, zhengwu in rows:
        print(f"| {label} | {vanilla:.1f} | {zhengwu:.1f} | {zhengwu / vanilla:.2f}× |")
    print(
        f"\n| audit log append + commit | at 0 entries | at {size:,} entries | ratio |\n| --- | --- | --- | --- |"
    )
    print(
        f"| median ms (p95) | {ms(small):.2f} ({p95(small):.2f}) | {ms(large):.2f} ({p95(large):.2f}) | {ms(large) / ms(small):.2f}× |"
    )
    print(
        f"\nitems={args.items} log_size={args.log_size} requests={args.requests} python={sys.version.split()[0]}"
    )


if __name__ == "__main__":
    main()
