"""Every page carries the site identity in its footer, in Chinese."""

from plone import api
from tests.helpers import body
import requests
import transaction


IDENTITY = {
    "sponsor": "示例市人民政府办公室",
    "site_code": "9999000001",
    "icp_number": "示ICP备20260001号-1",
    "police_number": "示公网安备99010002000001号",
    "contact_phone": "0999-12345678",
}


def test_footer_shows_the_identity_in_chinese(functional_portal):
    for name, value in IDENTITY.items():
        api.portal.set_registry_record(f"zhengwu.identity.{name}", value)
    transaction.commit()
    html = body(requests.get(f"{functional_portal.absolute_url()}/zh-cn", timeout=30))
    assert "主办单位" in html and "示例市人民政府办公室" in html
    assert "网站标识码" in html and "9999000001" in html
    assert 'href="https://beian.miit.gov.cn/"' in html
    assert "https://beian.gov.cn/portal/registerSystemInfo?recordcode=99010002000001" in html
    # Plone's own copyright line is replaced, not added to
    assert "Plone Foundation" not in html and "Plone 基金会" not in html


def test_footer_falls_back_to_the_site_title(functional_portal):
    api.portal.set_registry_record("plone.site_title", "示例县人民政府")
    transaction.commit()
    html = body(requests.get(f"{functional_portal.absolute_url()}/zh-cn", timeout=30))
    assert "示例县人民政府" in html
