"""Benchmark: the production stack (`make prod`), vanilla Plone 6.2 and Zhengwu in the same run.

    .venv/bin/python benchmarks/stack.py [--duration 10] [--rounds 3] [--quick]

One stack is brought up the way `make prod` does (zhengwu.instance.stack:
Varnish → HAProxy → two Zope processes → RelStorage on a temporary
PostgreSQL database, ports from 9400–9499) with the Zhengwu demo site; a
vanilla Plone 6.2 classic site (plone.app.contenttypes, Barceloneta, a
published Document and News Item at the same depth) is added to the same
database, so both are served by the same processes. For each pair of pages
— Zhengwu's home page, a disclosure item, a news item and a service guide
against vanilla's home page, Document, News Item and Document; REST GET of a
news item and of a disclosure item against vanilla's News Item and Document
— wrk (8 connections, 2 threads, ``--duration`` s) measures anonymous
requests per second

  (a) uncached: straight to one Zope process (http://localhost:PORT — not
      127.0.0.1, where Plone leaves the theme out), and
  (b) through Varnish, warm (the page requested twice first; the second
      answer must be a HIT on both sides, else the table says so).

Both sites get the same plone.app.caching rules: caching on,
plone.content.itemView / folderView / dynamic (REST) → moderateCaching,
s-maxage 3600, no RAM cache — on Zhengwu only when its profile has no rule
yet (before the `caching` branch of issue 16; the run prints which).

The rules of benchmarks/sampling.py: both sides must answer 200 with the same
kind of content before a pair is timed, and every wrk run must see only 2xx
answers (the run stops otherwise); the sides take turns, the first side
alternating from round to round; the figure is the median of ``--rounds``
rounds. Browsers' `Accept-Encoding: gzip` is sent (Varnish stores gzip).
"""

from pathlib import Path
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from sampling import HitsDiffer  # noqa: E402
from sampling import interleave  # noqa: E402


ADMIN = ("admin", "bench-admin-secret")
JSON = {"Accept": "application/json"}
RULES = {
    "plone.caching.interfaces.ICacheSettings.enabled": True,
    "plone.caching.interfaces.ICacheSettings.operationMapping": {
        "plone.content.itemView": "plone.app.caching.moderateCaching",
        "plone.content.folderView": "plone.app.caching.moderateCaching",
        "plone.content.dynamic": "plone.app.caching.moderateCaching",
    },
    "plone.app.caching.moderateCaching.smaxage": 3600,
    "plone.app.caching.moderateCaching.ramCache": False,
}
PG_ADMIN_DSN = os.environ.get("ZHENGWU_TEST_PG", "host=127.0.0.1 port=5432 dbname=postgres")


def admin_sql(statement):
    import psycopg2

    connection = psycopg2.connect(PG_ADMIN_DSN, connect_timeout=5)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(statement)
    connection.close()


def free_ports(count, low=9400, high=9499):
    import socket

    found = []
    for port in range(low, high + 1):
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise SystemExit(f"not {count} free ports in {low}–{high}")


def bring_up(home, dsn, ports):
    from zhengwu.instance.config import Instance
    from zhengwu.instance.stack import Settings
    from zhengwu.instance.stack import Stack

    home.mkdir(parents=True)
    shutil.copytree(ROOT / "instance" / "templates", home / "templates")
    shutil.copy(ROOT / "instance" / "zope.ini", home / "zope.ini")
    prod, balancer, *zopes = ports
    env = {
        "PROD_PORT": str(prod),
        "BALANCER_PORT": str(balancer),
        "ZOPE_PORTS": ",".join(map(str, zopes)),
        "ZHENGWU_DSN": dsn,
    }
    os.environ.update(env, DEMO="1", ADMIN_PASSWORD=ADMIN[1], ZHENGWU_INSTANCE=str(home))
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")])
    )
    stack = Stack(Instance(home=home, dsn=dsn), Settings.from_environment(env))
    stack.up(create=True, wait=600)
    return stack


def build_vanilla(stack):
    """The vanilla site, added to the running stack's database from here
    (RelStorage: the Zope processes see it at their next transaction)."""
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / "benchmarks")!r})
from pathlib import Path
from review_workflow import as_admin, build_vanilla, open_app
from zhengwu.instance.config import Instance
from plone import api
from zope.component.hooks import setSite
import transaction

instance = Instance(home=Path({str(stack.instance.home)!r}), dsn={stack.settings.dsn!r})
app = open_app(instance)
as_admin(app)
build_vanilla(app)
site = app["vanilla"]
setSite(site)
dept = site["zh-cn"]["dept"]
for type_, id_, title in (("Document", "doc", "关于印发工作方案的通知"), ("News Item", "news", "市政府召开常务会议")):
    item = api.content.create(container=dept, type=type_, id=id_, title=title,
                              description="摘要" * 20)
    api.content.transition(item, transition="publish")
site.portal_setup.runAllImportStepsFromProfile("profile-plone.app.caching:default")
transaction.commit()
app._p_jar.close()
"""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=os.environ, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"building vanilla failed:\n{result.stderr[-3000:]}")


def set_rules(base, site):
    import requests

    def record(name):
        response = requests.get(
            f"{base}/{site}/@registry/{name}", headers=JSON, auth=ADMIN, timeout=60
        )
        response.raise_for_status()
        return response.json()

    if record("plone.caching.interfaces.ICacheSettings.enabled") and record(
        "plone.caching.interfaces.ICacheSettings.operationMapping"
    ):
        return "the site's own rules"
    response = requests.patch(
        f"{base}/{site}/@registry", json=RULES, headers=JSON, auth=ADMIN, timeout=60
    )
    assert response.status_code == 204, response.text
    return "the benchmark's rules (moderateCaching, s-maxage 3600)"


def first_path(base, portal_type):
    import requests

    response = requests.get(
        f"{base}/Plone/@search",
        params={
            "path": "/Plone/zh-cn",
            "portal_type": portal_type,
            "review_state": "published",
            "sort_on": "path",
            "b_size": 1,
        },
        headers=JSON,
        timeout=60,
    )
    response.raise_for_status()
    items = response.json()["items"]
    if not items:
        raise SystemExit(f"the demo site has no published {portal_type}")
    return items[0]["@id"].removeprefix(base)


WRK_LINE = re.compile(r"Requests/sec:\s+([\d.]+)")


def wrk(url, headers, duration):
    command = ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "30s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: (.*)", output)
    if bad or errors:
        raise HitsDiffer(f"{url}: not every answer was a 2xx: {output}")
    return float(WRK_LINE.search(output).group(1))


def check_pair(label, urls, headers, through_proxy):
    """Both sides answer 200 with the same kind of content (and, through
    Varnish, a HIT on the second request); returns notes for the table."""
    import requests

    notes = []
    kinds = {}
    sizes = {}
    for side, url in urls.items():
        for _ in range(2):
            response = requests.get(url, headers=headers, timeout=60, stream=True)
            wire = response.raw.read(decode_content=False)  # the bytes sent (gzip or not)
        if response.status_code != 200:
            raise HitsDiffer(f"{label}: {side} answers {response.status_code} at {url}")
        kinds[side] = response.headers["Content-Type"].split(";")[0]
        sizes[side] = len(wire)
        if through_proxy and response.headers.get("X-Cache") != "HIT":
            notes.append(
                f"{side} not cached (Cache-Control: {response.headers.get('Cache-Control')!r})"
            )
    if len(set(kinds.values())) != 1:
        raise HitsDiffer(f"{label}: the sides answer different content types {kinds}")
    notes.append(f"sent {sizes['vanilla'] / 1024:.1f} / {sizes['zhengwu'] / 1024:.1f} KiB")
    return notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per pair")
    parser.add_argument("--quick", action="store_true", help="--duration 3 --rounds 1")
    parser.add_argument("--keep", action="store_true", help="leave the stack up at the end")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.rounds = 3, 1
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install wrk)")

    database = f"zw_stack_bench_{uuid.uuid4().hex[:8]}"
    admin_sql(f'CREATE DATABASE "{database}"')
    home = Path(tempfile.mkdtemp(prefix="zhengwu-stack-bench-")) / "instance"
    stack = None
    try:
        print(f"bringing the stack up in {home} (demo site, takes minutes) …", file=sys.stderr)
        stack = bring_up(home, f"dbname={database} host=127.0.0.1 port=5432", free_ports(4))
        zope = f"http://localhost:{stack.settings.zope_ports[0]}"
        proxy = f"http://localhost:{stack.settings.prod_port}"
        print("adding the vanilla site …", file=sys.stderr)
        build_vanilla(stack)
        rules = {site: set_rules(zope, site) for site in ("Plone", "vanilla")}
        print(f"caching rules: {rules}", file=sys.stderr)
        zhengwu = {
            "disclosure": first_path(zope, "DisclosureItem"),
            "news": first_path(zope, "News Item"),
            "guide": first_path(zope, "ServiceGuide"),
        }
        html = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Encoding": "gzip"}
        rest = {"Accept": "application/json", "Accept-Encoding": "gzip"}
        dept = "/vanilla/zh-cn/dept"
        pairs = [
            ("home page (HTML)", "/vanilla", "/Plone/zh-cn", html),
            ("disclosure item (HTML) / Document", f"{dept}/doc", zhengwu["disclosure"], html),
            ("news item (HTML) / News Item", f"{dept}/news", zhengwu["news"], html),
            ("service guide (HTML) / Document", f"{dept}/doc", zhengwu["guide"], html),
            ("REST GET news item / News Item", f"{dept}/news", zhengwu["news"], rest),
            ("REST GET disclosure item / Document", f"{dept}/doc", zhengwu["disclosure"], rest),
        ]
        rows = []
        for label, vanilla_path, zhengwu_path, headers in pairs:
            for mode, base in (
                ("uncached, one Zope process", zope),
                ("through Varnish, warm", proxy),
            ):
                urls = {"vanilla": base + vanilla_path, "zhengwu": base + zhengwu_path}
                notes = check_pair(label, urls, headers, base == proxy)
                print(f"{label}, {mode} …", file=sys.stderr)
                rates = {"vanilla": [], "zhengwu": []}

                def run(side, urls=urls, headers=headers, rates=rates):
                    rates[side].append(wrk(urls[side], headers, args.duration))

                interleave({side: (lambda n, side=side: run(side)) for side in urls}, args.rounds)
                rows.append((label, mode, rates, notes))
        import statistics

        print(
            "\n| page | path | vanilla Plone 6.2, req/s | Zhengwu, req/s | ratio | rounds | note |"
            "\n| --- | --- | --- | --- | --- | --- | --- |"
        )
        for label, mode, rates, notes in rows:
            vanilla, ours = (statistics.median(rates[s]) for s in ("vanilla", "zhengwu"))
            print(
                f"| {label} | {mode} | {vanilla:,.0f} | {ours:,.0f} | {ours / vanilla:.2f}× "
                f"| {len(rates['vanilla'])} | {'; '.join(notes)} |"
            )
        print(
            f"\nwrk -t2 -c8 -d{args.duration}s; pages: {zhengwu}; caching rules: {rules}; "
            f"python={sys.version.split()[0]} load={os.getloadavg()[0]:.1f}"
        )
    finally:
        if stack is not None and not args.keep:
            stack.down()
        if not args.keep:
            shutil.rmtree(home.parent, ignore_errors=True)
            admin_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{database}' AND pid <> pg_backend_pid()"
            )
            admin_sql(f'DROP DATABASE IF EXISTS "{database}"')


if __name__ == "__main__":
    main()
