"""docs/openapi.yaml documents every custom REST endpoint."""

from pathlib import Path
import re
import yaml


ROOT = Path(__file__).resolve().parents[2]


def registered_services():
    names = set()
    for zcml in (ROOT / "src" / "zhengwu").rglob("*.zcml"):
        text = zcml.read_text(encoding="utf-8")
        for block in re.findall(r"<plone:service(.*?)/>", text, re.S):
            names.add(re.search(r'name="(@[^"]+)"', block).group(1))
    return names


def test_openapi_is_valid_yaml_with_paths():
    spec = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
    assert spec["openapi"].startswith("3.")
    assert spec["paths"]


def test_every_service_is_documented():
    spec = yaml.safe_load((ROOT / "docs" / "openapi.yaml").read_text(encoding="utf-8"))
    documented = {
        segment for path in spec["paths"] for segment in path.split("/") if segment.startswith("@")
    }
    services = registered_services()
    assert services
    assert services <= documented, services - documented
