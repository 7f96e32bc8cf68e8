// 新闻动态: the newest news items of the Chinese site (@search).
import { news } from "./api.js";
import { day, el, frame, showError } from "./ui.js";

frame("index.html");
const list = document.querySelector("#news");
const status = document.querySelector("#news-status");

try {
  const found = await news();
  status.textContent = `共 ${found.items_total} 条新闻`;
  list.replaceChildren(
    ...found.items.map((item) =>
      el(
        "li",
        { class: "card" },
        el("h2", {}, el("a", { href: item["@id"], text: item.title })),
        el("p", { class: "meta" }, el("time", { datetime: day(item.effective), text: day(item.effective) })),
        item.description ? el("p", { text: item.description }) : null,
      ),
    ),
  );
} catch (error) {
  showError(status, error);
}
