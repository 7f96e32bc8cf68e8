// A headless front-end on Zhengwu with the official JavaScript client,
// @plone/client (package.json pins it), run by test_plone_client.py against
// the demo site: ZW_SITE is the site's address, ZW_FIXTURE names the places
// and records the Python side prepared, ZW_PASSWORD the test users' password.
//
// Where the client has a function, the test uses it. Where it has none (the
// product's endpoints, @workflow transitions other than publish, @logout),
// the test calls the endpoint with `call` below: @plone/client exports no
// request helper of its own (its apiRequest is internal), so `call` does
// what it does — the client's apiPath, `/++api++`, `Accept:
// application/json`, the client's token as `Authorization: Bearer` —
// with fetch. docs/rest-api.md lists these calls and why.

import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import PloneClient from "@plone/client";

const SITE = process.env.ZW_SITE;
const PASSWORD = process.env.ZW_PASSWORD;
const F = JSON.parse(process.env.ZW_FIXTURE);
const client = PloneClient.initialize({ apiPath: SITE });

async function call(method, path, { data, params } = {}) {
  const { apiPath, token } = client.getConfig();
  const url = new URL(`${apiPath}/++api++/${path.replace(/^\//, "")}`);
  for (const [key, value] of Object.entries(params ?? {})) url.searchParams.append(key, value);
  const headers = { Accept: "application/json" };
  if (data !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, {
    method,
    headers,
    body: data === undefined ? undefined : JSON.stringify(data),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

const query = (factory, args) => client[factory](args).queryFn();
const mutate = (factory, args) => client[factory]().mutationFn(args);
const pathOf = (url) => new URL(url).pathname.replace(new URL(SITE).pathname, "") || "/";

function assertError(response, status, type) {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.deepEqual(Object.keys(response.body), ["error"]);
  assert.equal(response.body.error.type, type);
  assert.ok(response.body.error.message);
}

test("the anonymous site and its Chinese root", async () => {
  const site = await query("getContentQuery", { path: "/" });
  assert.equal(site["@type"], "Plone Site");
  const root = await query("getContentQuery", { path: "/zh-cn" });
  assert.equal(root.language?.token ?? root.language, "zh-cn");
  assert.ok(root.items.some((item) => item.title === "新闻中心"));
});

test("navigation two levels deep in zh-cn", async () => {
  // Needs every item under /zh-cn indexed with Language zh-cn (issue 18, item 1).
  const nav = await query("getNavigationQuery", { path: "/zh-cn", depth: 2 });
  const news = nav.items.find((item) => item.title === "新闻中心");
  assert.ok(news, JSON.stringify(nav.items.map((item) => item.title)));
  assert.ok(
    news.items.some((item) => item.title === "通知公告"),
    `新闻中心 has no second level: ${JSON.stringify(news.items)}`,
  );
});

test("breadcrumbs of a news item", async () => {
  const crumbs = await query("getBreadcrumbsQuery", { path: F.news_item });
  const titles = crumbs.items.map((item) => item.title);
  assert.equal(titles[0], "新闻中心");
  assert.equal(titles.length, 2);
  assert.match(crumbs.root, /\/zh-cn$/);
});

test("search in Chinese, in zh-cn", async () => {
  // The Language filter needs the language indexing of issue 18, item 1.
  const found = await query("getSearchQuery", {
    query: { SearchableText: "政务公开", Language: "zh-cn", portal_type: "News Item" },
  });
  assert.ok(found.items_total >= 1, JSON.stringify(found));
  assert.ok(found.items.some((item) => item.title.includes("政务公开")));
});

let disclosureItem;

test("the disclosure catalog with a filter and its facets", async () => {
  const all = await call("GET", `${F.catalog}/@disclosure-catalog`);
  assert.equal(all.status, 200);
  assert.ok(all.body.items_total > 0);
  for (const facet of ["topic", "organ", "genre", "year", "validity"]) {
    assert.ok(Array.isArray(all.body.facets[facet]), facet);
  }
  const genre = all.body.facets.genre[0];
  const filtered = await call("GET", `${F.catalog}/@disclosure-catalog`, {
    params: { genre: genre.value, b_size: 5 },
  });
  assert.equal(filtered.status, 200);
  assert.equal(filtered.body.items_total, genre.count);
  assert.ok(filtered.body.items.every((item) => item.genre.token === genre.value));
  disclosureItem = all.body.items[0];
  const bad = await call("GET", `${F.catalog}/@disclosure-catalog`, { params: { year: "x" } });
  assertError(bad, 400, "BadRequest");
  assert.equal(bad.body.error.field, "year");
});

test("a disclosure item, and the same by its index number", async () => {
  const item = await query("getContentQuery", { path: pathOf(disclosureItem["@id"]) });
  assert.equal(item["@type"], "DisclosureItem");
  assert.equal(item.index_number, disclosureItem.index_number);
  const byNumber = await call("GET", `@index-number/${item.index_number}`);
  assert.equal(byNumber.status, 200);
  assert.equal(byNumber.body.UID, item.UID);
});

let guidePath;

test("the guide index", async () => {
  const index = await call("GET", `${F.guides}/@service-guides`);
  assert.equal(index.status, 200);
  assert.ok(index.body.items_total > 0);
  assert.ok(Array.isArray(index.body.facets.theme));
  guidePath = pathOf(index.body.items[0]["@id"]);
});

test("a guide", async () => {
  const guide = await query("getContentQuery", { path: guidePath });
  assert.equal(guide["@type"], "ServiceGuide");
  assert.ok(guide.materials.length > 0);
  assert.ok(guide.process.length > 0);
});

test("a petition submitted, and its status by code", async () => {
  const submitted = await call("POST", `${F.box}/@petitions`, {
    data: {
      category: "consultation",
      title: "咨询社区养老服务站的开放时间",
      content: "请问新建的社区养老服务站周末是否开放？",
      submitter_name: "王小明",
      phone: "13800000001",
      publish_consent: true,
    },
  });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const { tracking_number, query_code } = submitted.body;
  const status = await call("GET", "@petition-status", { params: { tracking_number, query_code } });
  assert.equal(status.status, 200);
  assert.equal(status.body.review_state.token, "submitted");
  assert.equal(status.body.submitter_name, undefined);
  const wrong = await call("GET", "@petition-status", {
    params: { tracking_number, query_code: "WRONGCODE0" },
  });
  assertError(wrong, 404, "NotFound");
});

test("a disclosure request submitted, and its status by code", async () => {
  const submitted = await call("POST", `${F.catalog}/@disclosure-requests`, {
    data: {
      applicant_type: "citizen",
      applicant_name: "李秀英",
      id_type: "resident_id",
      id_number: "11010519491231002X",
      phone: "13912345678",
      requested_information: "2025年本市老旧小区改造项目的资金安排",
      delivery_form: "online",
    },
  });
  assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
  const { tracking_number, query_code } = submitted.body;
  const status = await call("GET", "@disclosure-request-status", {
    params: { tracking_number, query_code },
  });
  assert.equal(status.status, 200);
  assert.equal(status.body.tracking_number, tracking_number);
  assert.equal(status.body.applicant_name, undefined);
});

test("an answered petition rated once", async () => {
  const rating = { ...F.answered, satisfaction: "satisfied" };
  const rated = await call("POST", "@petition-rating", { data: rating });
  assert.equal(rated.status, 200, JSON.stringify(rated.body));
  assert.equal(rated.body.satisfaction.token, "satisfied");
  assert.equal(rated.body.can_rate, false);
  assertError(await call("POST", "@petition-rating", { data: rating }), 409, "Conflict");
});

let draft;

test("an official logs in and writes a draft", async () => {
  const token = await client.login({ username: "author", password: PASSWORD });
  assert.ok(token);
  const created = await mutate("createContentMutation", {
    path: F.draft_folder,
    data: { "@type": "News Item", title: "示例市发布2027年民生实事项目", description: "十项民生实事。" },
  });
  assert.equal(created["@type"], "News Item");
  assert.equal(created.review_state, "private");
  draft = pathOf(created["@id"]);
});

test("the draft submitted and approved three times through @workflow", async () => {
  const submitted = await call("POST", `${draft}/@workflow/submit`, { data: { comment: "请审核" } });
  assert.equal(submitted.status, 200, JSON.stringify(submitted.body));
  assert.equal(submitted.body.review_state, "pending_first");
  // the author may not approve their own item
  const own = await call("POST", `${draft}/@workflow/approve_first`, { data: { comment: "同意" } });
  assertError(own, 403, "SeparationOfDuties");

  await client.login({ username: "first", password: PASSWORD });
  const first = await call("POST", `${draft}/@workflow/approve_first`, { data: { comment: "同意" } });
  assert.equal(first.body.review_state, "pending_second", JSON.stringify(first.body));

  await client.login({ username: "second", password: PASSWORD });
  const second = await call("POST", `${draft}/@workflow/approve_second`, { data: { comment: "同意" } });
  assert.equal(second.body.review_state, "pending_final", JSON.stringify(second.body));

  // the client's workflow mutation performs `publish` (its only transition)
  await client.login({ username: "final", password: PASSWORD });
  const published = await mutate("createWorkflowMutation", { path: draft, data: { comment: "签发" } });
  assert.equal(published.review_state, "published");
});

test("logout ends the token; the published draft is public", async () => {
  const before = await call("GET", "@petition-worklist");
  assert.equal(before.status, 200);
  const token = client.getConfig().token;
  const out = await call("POST", "@logout");
  assert.ok(out.status === 200 || out.status === 204, JSON.stringify(out.body));
  assertError(await call("GET", "@petition-worklist"), 401, "Unauthorized"); // the old token
  client.getConfig().token = undefined;
  assertError(await call("GET", "@petition-worklist"), 401, "Unauthorized"); // anonymous
  const item = await query("getContentQuery", { path: draft });
  assert.equal(item.review_state, "published");
  assert.ok(token);
});
