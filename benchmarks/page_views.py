"""Benchmark: what an uncached anonymous page costs, against vanilla Plone 6.2.

    .venv/bin/python benchmarks/page_views.py [--rounds 7] [--per-round 30] [--clients 2]

One throw-away FileStorage instance holds two sites created in the same
process: ``vanilla`` (Plone 6.2 classic: plone.app.contenttypes, layout,
Barceloneta) with one published Document at ``vanilla/zh-cn/dept/p1``, and
``zhengwu`` (zhengwu:default and the zhengwu:demo content, as `make start`
creates it). Caching is off on both (plone.app.caching's
``ICacheSettings.enabled`` set to False where installed): every answer is
computed. The database is then closed in this process and the instance
served by one waitress process (``runwsgi`` with the instance's zope.ini,
as ``zhengwu serve`` runs it), asked at ``http://localhost:PORT`` — not
127.0.0.1, for which Plone skips the Diazo theme — anonymously:

- HTML: Zhengwu's home page (``@@portal-home``, the front page), a published
  disclosure item, a published news item, a published service guide, and
  vanilla's Document (its default view);
- REST GET (``Accept: application/json``): a news item and a disclosure item,
  and vanilla's Document.

Before anything is timed every side must answer the same: 200, anonymous
(no login cookie), not cacheable in a shared cache, the HTML page themed
(Barceloneta's or Zhengwu's layout applied) and showing its item's title, the
REST answer that item (``@id``) — the run stops otherwise
(benchmarks/sampling.py). Each round sends ``--per-round`` requests to every
side from ``--clients`` keep-alive connections (the server kept busy), the
sides in turn and the first side rotating from round to round; a side's rate
is the median of its round rates, the ratio Zhengwu's rate over vanilla's
Document's (HTML against HTML, REST against REST; ≥ 1.0 = no more costly).

``--profile DIR`` then records each side with py-spy (``py-spy record
--format raw``; py-spy must be installed) for ``--profile-seconds`` under the
same load and prints the functions with the most inclusive time.
``--keep`` leaves the instance on disk and ``--instance DIR`` measures one
left by ``--keep`` instead of building again (while changing code: the server
imports this checkout's src/).
"""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import argparse
import collections
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time


ROOT = Path(__file__).resolve().parents[1]
# --src names the checkout whose code runs (the server's, and this process's
# with --in-process); this checkout's by default.
SRC = Path(sys.argv[sys.argv.index("--src") + 1]) if "--src" in sys.argv[:-1] else ROOT / "src"
sys.path.insert(0, str(SRC.resolve()))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from review_workflow import as_admin  # noqa: E402
from review_workflow import build_vanilla  # noqa: E402
from review_workflow import make_instance  # noqa: E402
from review_workflow import open_app  # noqa: E402
from sampling import interleave  # noqa: E402
from sampling import require_equal  # noqa: E402


sys.path.insert(0, str(SRC.resolve()))  # review_workflow put this checkout's first


CACHING = "plone.caching.interfaces.ICacheSettings.enabled"
# What tells a themed page of each site (the theme's own markup).
THEMED = {"vanilla": 'id="portal-top"', "zhengwu": 'id="zw-banner"'}
HTML_SIDES = ("vanilla Document", "home", "disclosure item", "news item", "service guide")
REST_SIDES = ("vanilla Document (REST)", "news item (REST)", "disclosure item (REST)")
VANILLA = {"html": "vanilla Document", "rest": "vanilla Document (REST)"}
TEXT = "<p>示例市人民政府发布的通知。</p><p>（示例内容，仅供演示。）</p>"


def build(app):
    """The two sites; returns side → (site, path, kind, title)."""
    from plone import api
    from plone.app.textfield.value import RichTextValue
    from Products.CMFPlone.factory import addPloneSite
    from zope.component.hooks import setSite
    import transaction

    build_vanilla(app)
    setSite(app["vanilla"])
    page = api.content.create(
        container=app["vanilla"]["zh-cn"]["dept"],
        type="Document",
        id="p1",
        title="示例市召开2026年政务公开工作会议",
        description="会议部署全年政务公开重点工作。",
        text=RichTextValue(TEXT, "text/html", "text/x-html-safe"),
    )
    api.content.transition(page, transition="publish")
    transaction.commit()

    addPloneSite(
        app,
        "zhengwu",
        title="示例市人民政府",
        extension_ids=("zhengwu:default", "zhengwu:demo"),
        default_language="zh-cn",
        portal_timezone="Asia/Shanghai",
    )
    transaction.commit()
    for site_id in ("vanilla", "zhengwu"):
        setSite(app[site_id])
        if api.portal.get_registry_record(CACHING, default=None) is not None:
            api.portal.set_registry_record(CACHING, False)
    transaction.commit()

    setSite(app["zhengwu"])
    catalog = api.portal.get_tool("portal_catalog")

    def first(portal_type):
        brains = catalog.unrestrictedSearchResults(
            portal_type=portal_type,
            review_state="published",
            path="/zhengwu/zh-cn",  # the Chinese site (the demo has an English one too)
            sort_on="path",
        )
        if not brains:
            raise SystemExit(f"the demo has no published {portal_type}")
        return brains[0].getPath(), brains[0].Title

    front = app["zhengwu"]["zh-cn"]
    assert front.getDefaultPage() == "front-page", front.getDefaultPage()
    assert front["front-page"].getLayout() == "portal-home"
    disclosure, news, guide = (first(t) for t in ("DisclosureItem", "News Item", "ServiceGuide"))
    vanilla = ("/vanilla/zh-cn/dept/p1", page.title)
    home = ("/zhengwu/zh-cn", app["zhengwu"].title)  # the home page shows the site's title
    sides = {
        "vanilla Document": ("vanilla", vanilla, "html"),
        "home": ("zhengwu", home, "html"),
        "disclosure item": ("zhengwu", disclosure, "html"),
        "news item": ("zhengwu", news, "html"),
        "service guide": ("zhengwu", guide, "html"),
        "vanilla Document (REST)": ("vanilla", vanilla, "rest"),
        "news item (REST)": ("zhengwu", news, "rest"),
        "disclosure item (REST)": ("zhengwu", disclosure, "rest"),
    }
    return {
        name: {"site": site, "path": path, "title": title, "kind": kind}
        for name, (site, (path, title), kind) in sides.items()
    }


def serve(instance, port, src=ROOT / "src"):
    """runwsgi on ``port`` with ``src`` (this checkout's) first on the path."""
    import requests

    runwsgi = str(Path(sys.executable).parent / "runwsgi")
    env = dict(os.environ, PYTHONPATH=str(src))
    server = subprocess.Popen(
        [runwsgi, str(instance.zope_ini), f"http_port={port}", "host=localhost"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env=env,
    )
    base = f"http://localhost:{port}"
    for _ in range(600):
        if server.poll() is not None:
            raise SystemExit(
                f"the Zope server stopped (status {server.returncode}): port {port} in use?"
            )
        try:
            requests.get(base, timeout=30)
            return server, base
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.5)
    os.killpg(server.pid, signal.SIGTERM)
    raise RuntimeError("the Zope server did not start")


def headers_for(kind):
    return {"Accept": "application/json"} if kind == "rest" else {}


def check(sessions, base, name, side):
    """What every side must answer before it is timed: (status, anonymous,
    uncached, the right thing shown)."""
    url = base + side["path"]
    response = sessions[0].get(url, headers=headers_for(side["kind"]), timeout=60)
    cache_control = response.headers.get("Cache-Control", "")
    uncached = not re.search(r"s-maxage|public", cache_control)
    anonymous = "__ac" not in response.headers.get("Set-Cookie", "")
    if side["kind"] == "rest":
        data = response.json()
        shown = data.get("@id") == url and data.get("title") == side["title"]
    else:
        text = response.text
        shown = THEMED[side["site"]] in text and side["title"] in text
    answer = (response.status_code, anonymous, uncached, shown)
    if answer != (200, True, True, True):
        print(
            f"{name}: {url} answered {answer} (status, anonymous, uncached, shown)", file=sys.stderr
        )
    return answer


def round_of(pool, sessions, url, headers, count):
    def one(i):
        response = sessions[i % len(sessions)].get(url, headers=headers, timeout=60)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} while timed")
        return len(response.content)

    return list(pool.map(one, range(count)))


def measure(base, sides, rounds, per_round, clients):
    import requests

    sessions = [requests.Session() for _ in range(clients)]
    answers = {name: check(sessions, base, name, side) for name, side in sides.items()}
    require_equal("the pages answer alike (status, anonymous, uncached, shown)", answers)
    with ThreadPoolExecutor(clients) as pool:
        work = {}
        for name, side in sides.items():
            url, headers = base + side["path"], headers_for(side["kind"])
            work[name] = lambda n, url=url, headers=headers: round_of(
                pool, sessions, url, headers, per_round
            )
            for _ in range(2):  # warm the caches of this page (compiled templates, ZODB)
                work[name](-1)
        timings = interleave(work, rounds)
    return {name: [per_round / seconds for seconds in values] for name, values in timings.items()}


def profile(base, server_pid, sides, seconds, clients, folder):
    """py-spy on the server while one side is loaded; collapsed stacks per side."""
    import requests

    pyspy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    folder.mkdir(parents=True, exist_ok=True)
    sessions = [requests.Session() for _ in range(clients)]
    results = {}
    for name, side in sides.items():
        out = folder / (re.sub(r"\W+", "-", name).strip("-") + ".txt")
        url, headers = base + side["path"], headers_for(side["kind"])
        spy = subprocess.Popen(
            [
                pyspy,
                "record",
                "--pid",
                str(server_pid),
                "--format",
                "raw",
                "--rate",
                "200",
                "--duration",
                str(seconds),
                "--output",
                str(out),
                "--nonblocking",
                "--gil",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(1)
        count = 0
        with ThreadPoolExecutor(clients) as pool:
            while spy.poll() is None:
                count += len(round_of(pool, sessions, url, headers, clients * 4))
        results[name] = (out, count)
    return results


def hot_functions(path, top=60):
    """Inclusive share of samples per function, from py-spy's raw output."""
    totals = collections.Counter()
    samples = 0
    for line in path.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        frames = stack.split(";")
        if not any("process_request" in f or "publish" in f for f in frames):
            continue  # idle waitress threads
        samples += int(count)
        for frame in {re.sub(r":\d+\)", ")", f) for f in frames}:
            totals[frame] += int(count)
    return samples, totals.most_common(top)


def in_process(instance, sides, samples, src):
    """CPU time per request (``time.process_time``) through Zope's WSGI
    publisher in this process (WebTest; no network, no other thread), the
    sides interleaved as over HTTP: what each page costs the server, without
    the drift of wall-clock rates on a shared machine. ``src`` must be the
    checkout this process imports (run it with that PYTHONPATH)."""
    from Zope2.Startup.run import make_wsgi_app
    import webtest
    import zhengwu

    if Path(zhengwu.__file__).resolve().parents[1] != src:
        raise SystemExit(f"--in-process: zhengwu was imported from {zhengwu.__file__}, not {src}")
    app = webtest.TestApp(
        make_wsgi_app({}, str(instance.zope_conf)),
        extra_environ={"HTTP_HOST": "localhost:9399", "SERVER_NAME": "localhost"},
    )

    def get(side):
        response = app.get(side["path"], headers=headers_for(side["kind"]))
        if side["kind"] == "html" and THEMED[side["site"]] not in response.text:
            raise SystemExit(f"{side['path']}: not themed in process")
        return response

    for side in sides.values():
        for _ in range(3):  # warm the caches of this page
            get(side)
    timings = {name: [] for name in sides}
    names = list(sides)
    for n in range(samples):
        shift = n % len(names)
        for name in names[shift:] + names[:shift]:
            began = time.process_time()
            get(sides[name])
            timings[name].append(time.process_time() - began)
    return timings


def print_in_process(timings, sides):
    print(
        "\n| in process | page | CPU ms per request (median) | against vanilla's Document |"
        "\n| --- | --- | --- | --- |"
    )
    for kind, names in (("html", HTML_SIDES), ("rest", REST_SIDES)):
        reference = statistics.median(timings[VANILLA[kind]])
        for name in names:
            median = statistics.median(timings[name])
            print(
                f"| {'HTML' if kind == 'html' else 'REST GET'} | {name} | {median * 1000:.1f}"
                f" | {reference / median:.2f}× |"
            )


def print_rates(rates, sides):
    print(
        "\n| anonymous, uncached | page | requests/s (median of rounds) | min–max of rounds"
        " | against vanilla's Document | median of the rounds' ratios |"
        "\n| --- | --- | --- | --- | --- | --- |"
    )
    for kind, names in (("html", HTML_SIDES), ("rest", REST_SIDES)):
        reference = rates[VANILLA[kind]]
        for name in names:
            values = rates[name]
            median = statistics.median(values)
            # Each round's rate over vanilla's in the same round (seconds apart):
            # what drift on the shared machine moves least.
            paired = statistics.median(v / r for v, r in zip(values, reference, strict=True))
            print(
                f"| {'HTML' if kind == 'html' else 'REST GET'} | {name} (`{sides[name]['path']}`)"
                f" | {median:.1f} | {min(values):.1f}–{max(values):.1f}"
                f" | {median / statistics.median(reference):.2f}× | {paired:.2f}× |"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--per-round", type=int, default=30)
    parser.add_argument("--clients", type=int, default=2)
    parser.add_argument("--port", type=int, default=9300)
    parser.add_argument("--profile", type=Path, help="folder for py-spy's raw stacks")
    parser.add_argument("--profile-seconds", type=int, default=20)
    parser.add_argument("--only", help="comma-separated sides to profile")
    parser.add_argument(
        "--in-process",
        type=int,
        default=0,
        metavar="N",
        help="instead of HTTP: CPU time of N requests a side through the publisher in this process",
    )
    parser.add_argument("--keep", action="store_true", help="leave the instance on disk")
    parser.add_argument("--instance", type=Path, help="measure an instance left by --keep")
    parser.add_argument(
        "--src",
        type=Path,
        default=ROOT / "src",
        help="the zhengwu sources the server runs (another checkout's src/: before and after)",
    )
    args = parser.parse_args()

    os.environ.setdefault("zope_i18n_compile_mo_files", "true")
    if args.instance:
        from zhengwu.instance.config import Instance

        instance = Instance(home=args.instance.resolve())
        sides = json.loads((instance.home / "page_views.json").read_text())
    else:
        instance = make_instance()
        app = open_app(instance)
        as_admin(app)
        print(f"building the two sites in {instance.home} …", file=sys.stderr)
        sides = build(app)
        (instance.home / "page_views.json").write_text(json.dumps(sides, ensure_ascii=False))
        app._p_jar.close()
        app._p_jar.db().close()
    if args.in_process:
        print("in process …", file=sys.stderr)
        timings = in_process(instance, sides, args.in_process, args.src.resolve())
        print_in_process(timings, sides)
        print(f"\nsamples={args.in_process} load={os.getloadavg()[0]:.1f} src={args.src}")
        if not args.keep and not args.instance:
            shutil.rmtree(instance.home.parent, ignore_errors=True)
        return
    print("HTTP …", file=sys.stderr)
    server, base = serve(instance, args.port, args.src.resolve())
    try:
        rates = (
            measure(base, sides, args.rounds, args.per_round, args.clients) if args.rounds else {}
        )
        spied = {}
        if args.profile:
            chosen = {n: s for n, s in sides.items() if not args.only or n in args.only.split(",")}
            spied = profile(
                base, server.pid, chosen, args.profile_seconds, args.clients, args.profile
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        if not args.keep and not args.instance:
            shutil.rmtree(instance.home.parent, ignore_errors=True)

    if rates:
        print_rates(rates, sides)
    print(
        f"\nrounds={args.rounds} per_round={args.per_round} clients={args.clients} "
        f"python={sys.version.split()[0]} load={os.getloadavg()[0]:.1f} src={args.src}"
    )
    for name, (path, count) in spied.items():
        samples, hot = hot_functions(path)
        print(f"\n## {name}: {count} requests, {samples} samples in requests ({path})")
        for frame, n in hot:
            if n < 0.9 * samples:  # leave out the trunk every request shares
                print(f"{100 * n / max(samples, 1):5.1f}%  {frame}")
    if args.keep and not args.instance:
        print(f"\nkept: --instance {instance.home}", file=sys.stderr)


if __name__ == "__main__":
    main()
