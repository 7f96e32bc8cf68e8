// The Zhengwu REST API as a front-end on another origin calls it: plain
// fetch, JSON, anonymous (no cookie is sent: credentials "omit"), the
// product's one error shape turned into an ApiError. Nothing here is
// browser-specific but `fetch`: a WeChat mini-program wraps wx.request the
// same way (see README.md).

// The site's address: ?api=https://www.example.gov.cn/Plone on any page, or
// the default below (a local `make start`).
const DEFAULT_API = "http://localhost:8080/Plone";

export const API = (
  new URLSearchParams(location.search).get("api") || DEFAULT_API
).replace(/\/+$/, "");

export class ApiError extends Error {
  // {"error": {"type", "message", "field"?, "errors"?: [{field, message}]}}
  constructor(status, error, retryAfter) {
    super(error.message || `HTTP ${status}`);
    this.status = status;
    this.type = error.type;
    this.field = error.field;
    this.errors = error.errors || [];
    this.retryAfter = retryAfter;
  }
}

async function call(path, { method = "GET", params, body, headers = {} } = {}) {
  const url = new URL(path.startsWith("http") ? path : `${API}/${path.replace(/^\//, "")}`);
  for (const [key, value] of Object.entries(params || {})) {
    for (const one of [].concat(value)) {
      if (one !== undefined && one !== null && one !== "") url.searchParams.append(key, one);
    }
  }
  const response = await fetch(url, {
    method,
    credentials: "omit",
    headers: {
      Accept: "application/json",
      ...(body ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    // Product endpoints: {"error": {...}}; plone.restapi's own: {type, message}.
    const error = data.error || { type: data.type, message: data.message };
    throw new ApiError(response.status, error, response.headers.get("Retry-After"));
  }
  return data;
}

// 新闻: plone.restapi's @search, newest first, in the language folder's
// language (every item under /zh-cn is indexed zh-cn).
export function news({ language = "zh-cn", size = 10 } = {}) {
  return call("@search", {
    params: {
      portal_type: "News Item",
      Language: language,
      sort_on: "effective",
      sort_order: "descending",
      b_size: size,
      metadata_fields: ["effective", "Description"],
    },
  });
}

// 政府信息公开目录: items, items_total, batching and facets.
export function disclosureCatalog(filters = {}) {
  return call("@disclosure-catalog", { params: { b_size: 10, ...filters } });
}

// 办事指南: the faceted list, then one guide as plone.restapi serializes it.
export function serviceGuides(filters = {}) {
  return call("@service-guides", { params: { b_size: 20, ...filters } });
}

export function content(url) {
  return call(url);
}

// 留言: the mailboxes, a submission, its status by number and code.
export function mailboxes({ language = "zh-cn" } = {}) {
  return call("@search", {
    params: { portal_type: "PetitionBox", Language: language, sort_on: "sortable_title" },
  });
}

export function submitPetition(boxUrl, message, idempotencyKey) {
  return call(`${boxUrl}/@petitions`, {
    method: "POST",
    body: message,
    // The same key with every retry of this message: a retry answers the
    // first answer instead of filing the message twice.
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function petitionStatus(trackingNumber, queryCode) {
  return call("@petition-status", {
    params: { tracking_number: trackingNumber, query_code: queryCode },
  });
}

export function siteIdentity() {
  return call("@site-identity");
}
