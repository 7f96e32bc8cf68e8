"""The website annual report in the browser: an administrator enters the
figures only the office knows, the report shows them with the counted
ones, and it prints to an A4 PDF without the site's navigation."""

from io import BytesIO
from plone import api
from tests.browser.test_review import login
from tests.supervision.test_annual_report import build_year
from tests.supervision.test_annual_report import YEAR
import pypdf
import transaction
import unicodedata


def test_the_report_prints_to_pdf(functional_portal, page, screenshot, tmp_path):
    with api.env.adopt_roles(["Manager"]):
        for name, value in {
            "sponsor": "示例市人民政府办公室",
            "site_code": "9999000001",
            "icp_number": "示ICP备20260001号-1",
            "contact_address": "示例市人民大道1号",
        }.items():
            api.portal.set_registry_record(f"zhengwu.identity.{name}", value)
    build_year(functional_portal)
    transaction.commit()
    site = functional_portal.absolute_url()

    login(page, site, "siteadmin")
    page.goto(f"{site}/@@website-annual-report-entries?year={YEAR}")
    page.fill("#form-widgets-unique_visitors", "123456")
    page.fill("#form-widgets-page_views", "987654")
    screenshot("entries")
    page.click("#form-buttons-save")
    page.wait_for_load_state("networkidle")
    assert "/@@website-annual-report" in page.url
    table = page.locator("#zhengwu-website-report-table")
    assert "123456" in page.locator("#zhengwu-row-site-unique_visitors").inner_text()
    assert "9999000001" in page.locator("#zhengwu-row-site-site_code").inner_text()
    news = page.locator("#zhengwu-row-information-news .figure").inner_text()
    assert news.strip() == "3"
    assert table.is_visible()
    screenshot("report")

    page.emulate_media(media="print")
    screenshot("print")
    assert not page.locator("#portal-header").is_visible()
    assert not page.locator("#portal-footer-wrapper").is_visible()
    pdf = tmp_path / "website-annual-report.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=False)
    assert pdf.stat().st_size > 10_000

    reader = pypdf.PdfReader(BytesIO(pdf.read_bytes()))
    first = reader.pages[0]
    # A4 portrait: 210 × 297 mm, 595 × 842 points.
    assert round(float(first.mediabox.width)) == 595 and round(float(first.mediabox.height)) == 842
    text = "".join(p.extract_text() for p in reader.pages)
    # NFKC: the CJK font maps some glyphs to Kangxi radicals (⼯ for 工).
    squeezed = unicodedata.normalize("NFKC", "".join(text.split()))
    assert str(YEAR) in squeezed
    assert "政府网站工作年度报表" in squeezed
    assert "123456" in squeezed and "9999000001" in squeezed
    assert "登录" not in squeezed  # the navigation stays on the screen
