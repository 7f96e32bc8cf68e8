// 我要留言: POST <mailbox>/@petitions, then GET @petition-status with the
// tracking number and the query code (shown once: the citizen keeps it).
import { mailboxes, petitionStatus, submitPetition } from "./api.js";
import { el, frame, label, showError } from "./ui.js";

frame("message.html");
const form = document.querySelector("#message-form");
const result = document.querySelector("#message-result");
const lookup = document.querySelector("#status-form");
const statusResult = document.querySelector("#status-result");
// One key per message, kept across retries of the same message.
let idempotencyKey = crypto.randomUUID();

try {
  const boxes = await mailboxes();
  form.box.replaceChildren(
    ...boxes.items.map((box) => el("option", { value: box["@id"], text: box.title })),
  );
} catch (error) {
  showError(result, error);
}
form.addEventListener("input", () => {
  idempotencyKey = crypto.randomUUID(); // a changed message is a new one
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
  const message = {
    category: form.category.value,
    title: form.title.value,
    content: form.content.value,
    submitter_name: form.submitter_name.value,
    phone: form.phone.value,
    publish_consent: form.publish_consent.checked,
  };
  try {
    const receipt = await submitPetition(form.box.value, message, idempotencyKey);
    result.replaceChildren(
      el("p", { class: "success", role: "status", text: "留言已提交，请记下受理编号和查询码。" }),
      el(
        "dl",
        { class: "fields receipt" },
        el("dt", { text: "受理编号" }),
        el("dd", { id: "receipt-number", text: receipt.tracking_number }),
        el("dt", { text: "查询码" }),
        el("dd", { id: "receipt-code", text: receipt.query_code }),
        el("dt", { text: "答复期限" }),
        el("dd", { text: receipt.due_date }),
      ),
    );
    lookup.tracking_number.value = receipt.tracking_number;
    lookup.query_code.value = receipt.query_code;
  } catch (error) {
    showError(result, error);
    for (const entry of error.errors) form[entry.field]?.setAttribute("aria-invalid", "true");
    if (error.retryAfter) result.append(el("p", { text: `请在 ${error.retryAfter} 秒后再试。` }));
  }
});

lookup.addEventListener("submit", async (event) => {
  event.preventDefault();
  try {
    const found = await petitionStatus(lookup.tracking_number.value.trim(), lookup.query_code.value.trim());
    statusResult.replaceChildren(
      el(
        "dl",
        { class: "fields", id: "petition-status" },
        el("dt", { text: "标题" }),
        el("dd", { text: found.title }),
        el("dt", { text: "办理状态" }),
        el("dd", { id: "status-state", text: label(found.review_state) }),
        el("dt", { text: "受理日期" }),
        el("dd", { text: found.received_date || "—" }),
        el("dt", { text: "答复期限" }),
        el("dd", { text: found.due_date || "—" }),
        found.reply ? [el("dt", { text: "答复" }), el("dd", { text: found.reply })] : null,
      ),
    );
  } catch (error) {
    showError(statusResult, error);
  }
});
