// 政府信息公开目录: @disclosure-catalog with its facets. Each facet lists
// its values with counts computed with every other filter applied; choosing
// one adds it to the query, choosing it again removes it.
import { disclosureCatalog } from "./api.js";
import { day, el, frame, label, link, showError } from "./ui.js";

frame("disclosure.html");
const FACETS = { topic: "主题分类", organ: "发布机构", genre: "体裁分类", year: "年份", validity: "有效性" };
const query = new URLSearchParams(location.search);
const filters = Object.fromEntries(
  ["q", "b_start", ...Object.keys(FACETS)].map((k) => [k, query.get(k)]).filter(([, v]) => v),
);
const status = document.querySelector("#disclosure-status");
const form = document.querySelector("#disclosure-search");
form.q.value = filters.q || "";
form.addEventListener("submit", (event) => {
  event.preventDefault();
  location.href = link("disclosure.html", { q: form.q.value, b_start: 0 });
});

function facetLinks(name, values) {
  return el(
    "section",
    { class: "facet" },
    el("h3", { text: FACETS[name] }),
    el(
      "ul",
      { class: "plain" },
      values.map((entry) => {
        const chosen = filters[name] === String(entry.value);
        const params = new URLSearchParams(location.search);
        if (chosen) params.delete(name);
        else params.set(name, entry.value);
        params.delete("b_start");
        return el(
          "li",
          {},
          el("a", {
            href: `disclosure.html?${params}`,
            "aria-current": chosen ? "true" : null,
            class: chosen ? "chosen" : null,
            text: `${entry.title || entry.value}（${entry.count}）`,
          }),
        );
      }),
    ),
  );
}

try {
  const found = await disclosureCatalog(filters);
  status.textContent = `共 ${found.items_total} 条`;
  document.querySelector("#facets").replaceChildren(
    ...Object.keys(FACETS)
      .filter((name) => found.facets?.[name]?.length)
      .map((name) => facetLinks(name, found.facets[name])),
  );
  const rows = found.items.map((item) =>
    el(
      "tr",
      {},
      el("td", { text: item.index_number || "" }),
      el("td", {}, el("a", { href: item["@id"], text: item.title })),
      el("td", { text: item.document_number || "" }),
      el("td", { text: day(item.publication_date) }),
      el("td", { text: label(item.validity) }),
    ),
  );
  document.querySelector("#disclosure-items").replaceChildren(
    el(
      "table",
      { class: "items" },
      el("caption", { class: "visually-hidden", text: "公开信息列表" }),
      el(
        "thead",
        {},
        el("tr", {}, ["索引号", "名称", "文号", "发布日期", "有效性"].map((t) => el("th", { scope: "col", text: t }))),
      ),
      el("tbody", {}, rows),
    ),
    ...(found.batching?.next
      ? [el("p", {}, el("a", { href: link("disclosure.html", { b_start: Number(filters.b_start || 0) + 10 }), text: "下一页" }))]
      : []),
  );
} catch (error) {
  showError(status, error);
}
