// 办事指南: @service-guides, then the chosen guide's own JSON (every field
// of GB/T 39046: conditions, materials, process, time limits, fees…).
import { content, serviceGuides } from "./api.js";
import { el, frame, label, link, showError } from "./ui.js";

frame("guides.html");
const status = document.querySelector("#guides-status");
const chosen = new URLSearchParams(location.search).get("guide");

function text(value) {
  // Rich text comes as {data, content-type}; plain text as a string.
  if (value && typeof value === "object" && "data" in value) {
    // Parsed in an inert document: nothing in it loads or runs.
    return new DOMParser().parseFromString(value.data, "text/html").body.textContent.trim();
  }
  return label(value);
}

function field(title, value) {
  const shown = typeof value === "number" ? String(value) : text(value);
  return shown ? [el("dt", { text: title }), el("dd", { text: shown })] : [];
}

async function showGuide(url) {
  const target = document.querySelector("#guide");
  try {
    const guide = await content(url);
    target.replaceChildren(
      el("h2", { text: guide.title }),
      el(
        "dl",
        { class: "fields" },
        field("实施编码", guide.item_code),
        field("事项类型", guide.item_type),
        field("实施主体", guide.implementing_agency),
        field("受理条件", guide.conditions),
        field("法定办结时限（工作日）", guide.statutory_limit_days),
        field("承诺办结时限（工作日）", guide.promised_limit_days),
        field("收费标准", guide.fee),
        field("办理地点", guide.location),
        field("办理时间", guide.office_hours),
        field("咨询电话", guide.consult_phone),
      ),
      el("h3", { text: "申请材料" }),
      el(
        "ul",
        {},
        (guide.materials || []).map((m) =>
          el("li", { text: `${m.name}（原件${m.originals ?? 0}份，复印件${m.copies ?? 0}份）` }),
        ),
      ),
      el("h3", { text: "办理流程" }),
      el("ol", {}, (guide.process || []).map((step) => el("li", { text: step.title }))),
      ...(guide.online_url ? [el("p", {}, el("a", { href: guide.online_url, text: "网上办理" }))] : []),
    );
  } catch (error) {
    showError(target, error);
  }
}

try {
  const found = await serviceGuides();
  status.textContent = `共 ${found.items_total} 项`;
  document.querySelector("#guides").replaceChildren(
    ...found.items.map((item) =>
      el("li", {}, el("a", { href: link("guides.html", { guide: item["@id"] }), text: item.title })),
    ),
  );
  const first = chosen || found.items[0]?.["@id"];
  if (first) await showGuide(first);
} catch (error) {
  showError(status, error);
}
