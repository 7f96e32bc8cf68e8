// What every page shares: the navigation (keeping ?api=), the footer from
// @site-identity, small DOM helpers, and how an ApiError is shown.
import { API, siteIdentity } from "./api.js";

const PAGES = [
  ["index.html", "新闻动态"],
  ["disclosure.html", "政府信息公开"],
  ["guides.html", "办事指南"],
  ["message.html", "我要留言"],
];

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return node;
}

export function link(page, params = {}) {
  const query = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(params)) query.set(key, value);
  return `${page}?${query}`;
}

// A value of plone.restapi's JSON: a string, or a vocabulary term {token, title}.
export function label(value) {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(label).join("、");
  if (typeof value === "object") return value.title || value.token || "";
  return String(value);
}

export function day(iso) {
  return iso ? iso.slice(0, 10) : "";
}

export function showError(target, error) {
  target.replaceChildren(
    el("p", { class: "error", role: "alert", text: error.message || String(error) }),
    ...(error.errors?.length
      ? [el("ul", { class: "error" }, error.errors.map((e) => el("li", { text: e.message })))]
      : []),
  );
}

export function frame(current) {
  const nav = document.querySelector("#site-nav");
  nav.replaceChildren(
    el(
      "ul",
      {},
      PAGES.map(([page, title]) =>
        el(
          "li",
          {},
          el("a", { href: link(page), "aria-current": page === current ? "page" : null, text: title }),
        ),
      ),
    ),
  );
  document.querySelector("#api-address").textContent = API;
  siteIdentity()
    .then((identity) => {
      const footer = document.querySelector("#site-identity");
      footer.textContent = [identity.sponsor && `主办：${identity.sponsor}`, identity.icp_number]
        .filter(Boolean)
        .join("　");
    })
    .catch(() => {});
}
