// The console chat page: plain DOM, no build step. It renders the neutral Card model the same way the
// platform adapters do for Slack, Feishu and WeCom, and talks only to /console/api.
(() => {
  "use strict";
  const state = { users: [], channels: [], channel: "general", user: null, token: sessionStorage.getItem("mediaopsToken") || "" };
  const params = new URLSearchParams(location.search);
  if (params.get("token")) { state.token = params.get("token"); sessionStorage.setItem("mediaopsToken", state.token); }
  const $ = (id) => document.getElementById(id);

  async function api(method, path, body) {
    const headers = { "content-type": "application/json" };
    if (state.token) headers["x-mediaops-console-token"] = state.token;
    const me = state.users.find((u) => u.handle === state.user);
    if (me) headers["accept-language"] = me.locale;
    const res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.error || res.statusText);
    return data;
  }

  function showError(text) {
    const b = $("banner");
    b.textContent = text || "";
    b.hidden = !text;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k.startsWith("data-")) e.setAttribute(k, v); else e[k] = v;
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  /** Text with **bold** spans (the neutral card's only markup), built as nodes: never innerHTML. */
  function rich(text) {
    const span = el("span");
    text.split(/\*\*(.+?)\*\*/g).forEach((part, i) => span.append(i % 2 === 1 ? el("strong", {}, part) : part));
    return span;
  }

  function renderButtons(msg, buttons) {
    const row = el("div", { class: "actions" });
    for (const b of buttons) {
      const btn = el("button", { class: b.style || "", type: "button", "data-action": b.actionId }, b.label);
      btn.addEventListener("click", () => {
        if (b.reasonPrompt) return askReason(row, msg, b);
        click(msg, b, undefined);
      });
      row.append(btn);
    }
    return row;
  }

  function askReason(row, msg, b) {
    const input = el("input", { placeholder: b.reasonPrompt, "data-testid": "reason-input" });
    const ok = el("button", { type: "button", class: b.style || "", "data-testid": "reason-confirm" }, b.label);
    const form = el("div", { class: "reason" }, input, ok);
    ok.addEventListener("click", () => click(msg, b, input.value));
    row.replaceChildren(form);
    input.focus();
  }

  function renderCard(msg, card) {
    const box = el("div", { class: `card tone-${card.tone}`, "data-testid": "card" }, el("div", { class: "title" }, card.title));
    for (const block of card.blocks) {
      if (block.type === "text") box.append(el("div", { class: "text" }, rich(block.text)));
      else if (block.type === "context") box.append(el("div", { class: "context" }, block.text));
      else if (block.type === "divider") box.append(el("hr"));
      else if (block.type === "list") box.append(el("ul", { class: "list" }, ...block.items.map((i) => el("li", {}, rich(i)))));
      else if (block.type === "fields") box.append(el("div", { class: "fields" }, ...block.fields.map((f) => el("div", {}, el("div", { class: "label" }, f.label), el("div", {}, f.value)))));
      else if (block.type === "actions") box.append(renderButtons(msg, block.buttons));
      else if (block.type === "outcome") box.append(el("div", { class: `outcome tone-${block.tone}`, "data-testid": "outcome" }, block.text));
      else if (block.type === "link") box.append(el("a", { href: block.url, target: "_blank", rel: "noopener" }, block.label));
    }
    return box;
  }

  function renderMessage(m) {
    const who = m.authorKind === "bot" ? "mediaops" : (m.author ? m.author.displayName : "?");
    const time = new Date(m.createdAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const li = el("li", { class: `msg${m.ephemeral ? " ephemeral" : ""}`, "data-id": m.id },
      el("span", { class: "who" }, who), el("span", { class: "time" }, time),
      m.ephemeral ? el("span", { class: "only-you" }, "(only you / 仅自己可见)") : null);
    li.append(m.card ? renderCard(m, m.card) : el("div", { class: "text" }, m.text));
    return li;
  }

  let lastRendered = "";
  async function refresh() {
    if (!state.user) return;
    const q = new URLSearchParams({ channel: state.channel, user: state.user });
    const data = await api("GET", `/console/api/messages?${q}`);
    const key = JSON.stringify(data.messages);
    if (key === lastRendered) return;
    lastRendered = key;
    const stream = $("stream");
    const atBottom = stream.scrollHeight - stream.scrollTop - stream.clientHeight < 40;
    stream.replaceChildren(...data.messages.map(renderMessage));
    if (atBottom) stream.scrollTop = stream.scrollHeight;
  }

  async function click(msg, button, reason) {
    try {
      showError("");
      await api("POST", "/console/api/actions", { user: state.user, messageId: msg.id, actionId: button.actionId, value: button.value, reason });
    } catch (e) { showError(e.message); }
    lastRendered = "";
    await refresh();
  }

  function renderChannels() {
    $("channels").replaceChildren(...state.channels.map((c) => {
      const li = el("li", { class: c.id === state.channel ? "active" : "", "data-channel": c.id }, `# ${c.name}`);
      li.addEventListener("click", () => { state.channel = c.id; renderChannels(); lastRendered = ""; refresh(); });
      return li;
    }));
    $("channel-title").textContent = `# ${state.channel}`;
  }

  async function start() {
    const [{ users }, { channels }] = await Promise.all([api("GET", "/console/api/users"), api("GET", "/console/api/channels")]);
    state.users = users;
    state.channels = channels;
    state.user = sessionStorage.getItem("mediaopsUser") || (users[0] && users[0].handle);
    const sel = $("actas");
    sel.replaceChildren(...users.map((u) => el("option", { value: u.handle }, `${u.displayName} (@${u.handle}) · ${u.roles.join(", ")}`)));
    sel.value = state.user;
    sel.addEventListener("change", () => { state.user = sel.value; sessionStorage.setItem("mediaopsUser", state.user); lastRendered = ""; refresh(); });
    renderChannels();
    $("composer").addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const text = $("input").value;
      if (!text.trim()) return;
      try {
        showError("");
        await api("POST", "/console/api/messages", { channel: state.channel, user: state.user, text });
        $("input").value = "";
      } catch (e) { showError(e.message); }
      lastRendered = "";
      await refresh();
    });
    $("file").addEventListener("change", async () => {
      const file = $("file").files[0];
      if (!file) return;
      const bytes = new Uint8Array(await file.arrayBuffer());
      let binary = "";
      for (const b of bytes) binary += String.fromCharCode(b);
      const command = $("input").value.trim() || "/kpi import";
      try {
        showError("");
        await api("POST", "/console/api/upload", { channel: state.channel, user: state.user, command, filename: file.name, contentBase64: btoa(binary) });
        $("input").value = "";
      } catch (e) { showError(e.message); }
      $("file").value = "";
      lastRendered = "";
      await refresh();
    });
    await refresh();
    setInterval(() => refresh().catch((e) => showError(e.message)), 2000);
  }

  start().catch((e) => showError(e.message));
})();
