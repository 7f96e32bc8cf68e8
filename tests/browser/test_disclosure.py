"""A citizen looks for a document in the disclosure catalog: narrows it by
subject, searches its text, opens the item and sees its record; an editor's
draft never shows."""

from tests.disclosure.conftest import HIDDEN
from tests.disclosure.conftest import search_catalog  # noqa: F401 (the fixture)


def test_citizen_finds_a_document(search_catalog, page, screenshot):  # noqa: F811
    catalog, made = search_catalog
    page.goto(catalog.absolute_url())
    table = page.locator("#zhengwu-catalog-table")
    assert table.locator("tbody tr").count() == 6
    for title in HIDDEN:
        assert title not in page.content()
    screenshot("catalog")

    page.locator("#zhengwu-facet-topic").get_by_role("link", name="城乡建设、环境保护").click()
    page.wait_for_load_state("networkidle")
    assert table.locator("tbody tr").count() == 3
    # the chosen first level shows its second levels with their counts
    assert page.locator("#zhengwu-facet-topic").get_by_text("城乡建设（含住房）").is_visible()

    page.fill("#zhengwu-catalog-q", "公积金")
    page.locator("#zhengwu-catalog-search button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert table.locator("tbody tr").count() == 1
    screenshot("filtered")

    table.get_by_role("link", name="关于印发示例市住房公积金管理办法的通知").click()
    page.wait_for_load_state("networkidle")
    record = page.locator("#zhengwu-item-record")
    item = made["关于印发示例市住房公积金管理办法的通知"]
    assert item.index_number in record.inner_text()
    assert "城乡建设、环境保护 › 城乡建设（含住房）" in record.inner_text()
    screenshot("item")
