"""The OpenAPI document of the product's endpoints: ``docs/openapi.yaml``,
shipped in the package as ``zhengwu/site/openapi.yaml`` (a tracked symlink
to the docs, as ``zhengwu/profiles`` is to the profiles: a wheel holds the
file itself). ``@openapi`` serves it, ``@@api-docs`` shows it. Read once per process; every caller gets its own
copy with the site's address as the server."""

from functools import lru_cache
from pathlib import Path
import copy
import yaml


SOURCE = Path(__file__).with_name("openapi.yaml")


@lru_cache(maxsize=1)
def _loaded():
    return yaml.safe_load(SOURCE.read_text(encoding="utf-8"))


def document(site_url=None):
    """The document; with ``site_url``, that site as its one server."""
    spec = copy.deepcopy(_loaded())
    if site_url:
        spec["servers"] = [{"url": site_url, "description": "this site"}]
    return spec
