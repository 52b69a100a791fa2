// The console chat page: plain DOM, no build step. It renders the neutral Card model the same way the
// platform adapters do for Slack, Feishu and WeCom, and talks only to /console/api.
(() => {
  "use strict";
  const state = { users: [], channels: [], channel: "general", user: null, zone: undefined, token: sessionStorage.getItem("mediaopsToken") || "" };
  // The page's own words, in the language of the person acted as (cards come from the server already worded).
  const WORDS = {
    "zh-CN": { actAs: "当前身份", channels: "频道", directMessages: "私信", myDirect: "我的私信", directTitle: "私信 · ", send: "发送", onlyYou: "仅自己可见", upload: "上传文件：先在输入框写命令（如 /kpi import），再选文件", menu: "菜单" },
    en: { actAs: "Act as", channels: "Channels", directMessages: "Direct messages", myDirect: "My direct messages", directTitle: "Direct messages · ", send: "Send", onlyYou: "only you", upload: "Upload a file: type the command first (e.g. /kpi import), then pick the file", menu: "Menu" },
  };
  const me = () => state.users.find((u) => u.handle === state.user);
  const words = () => WORDS[me() && me().locale === "en" ? "en" : "zh-CN"];
  const isDirect = (channel) => channel.startsWith("@");
  const params = new URLSearchParams(location.search);
  if (params.get("token")) { state.token = params.get("token"); sessionStorage.setItem("mediaopsToken", state.token); }
  const $ = (id) => document.getElementById(id);

  async function api(method, path, body) {
    const headers = { "content-type": "application/json" };
    if (state.token) headers["x-mediaops-console-token"] = state.token;
    const actor = me();
    if (actor) headers["accept-language"] = actor.locale;
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
      if (k === "class") e.className = v; else if (k.startsWith("data-") || k.startsWith("aria-")) e.setAttribute(k, v); else e[k] = v;
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }

  /** One of the page's inline SVG icons (defined once in index.html). */
  function icon(name) {
    const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("class", "icon");
    svg.setAttribute("aria-hidden", "true");
    const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
    use.setAttribute("href", `#icon-${name}`);
    svg.append(use);
    return svg;
  }

  /** "10:05" today, "11-25 10:05" another day: in the team's zone, like the times on the cards. */
  const dayFmt = () => new Intl.DateTimeFormat("en-CA", { timeZone: state.zone, year: "numeric", month: "2-digit", day: "2-digit" });
  const timeFmt = () => new Intl.DateTimeFormat("en-GB", { timeZone: state.zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  function streamTime(iso) {
    const at = new Date(iso);
    const day = dayFmt().format(at);
    const time = timeFmt().format(at);
    return day === dayFmt().format(new Date()) ? time : `${day.slice(5)} ${time}`;
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

  // A chart block is drawn by the service as a PNG; fetched with the token header, shown as an image.
  const chartUrls = new Map();
  function renderChart(msg, chart, index) {
    const img = el("img", { class: "chart", alt: chart.title, "data-testid": "chart", width: "720" });
    const key = `${msg.id}/${index}/${msg.updatedAt}`;
    const shown = chartUrls.get(key);
    if (shown) img.src = shown;
    else {
      const headers = {};
      if (state.token) headers["x-mediaops-console-token"] = state.token;
      const who = state.user ? `?user=${encodeURIComponent(state.user)}` : "";
      fetch(`/console/api/messages/${msg.id}/charts/${index}${who}`, { headers })
        .then((res) => (res.ok ? res.blob() : null))
        .then((blob) => {
          if (!blob) return;
          const url = URL.createObjectURL(blob);
          chartUrls.set(key, url);
          img.src = url;
        })
        .catch(() => undefined);
    }
    return img;
  }

  function renderCard(msg, card) {
    let chartIndex = 0;
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
      else if (block.type === "chart") box.append(renderChart(msg, block.chart, chartIndex++));
    }
    return box;
  }

  function renderMessage(m) {
    const who = m.authorKind === "bot" ? "mediaops" : (m.author ? m.author.displayName : "?");
    // A person's direct messages are all "only them": the mark is for replies only they see in a channel.
    const onlyYou = m.ephemeral && !isDirect(m.channel);
    const li = el("li", { class: `msg${onlyYou ? " ephemeral" : ""}`, "data-id": m.id },
      el("span", { class: "who" }, who), el("time", { class: "time", dateTime: m.createdAt, "data-testid": "time" }, streamTime(m.createdAt)),
      onlyYou ? el("span", { class: "only-you" }, icon("eye"), words().onlyYou) : null);
    li.append(m.card ? renderCard(m, m.card) : el("div", { class: "text" }, m.text));
    return li;
  }

  let lastRendered = "";
  async function refresh() {
    if (!state.user || !state.zone) return;
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

  function openConversation(channel) {
    state.channel = channel;
    document.body.classList.remove("nav-open");
    $("scrim").hidden = true;
    renderNav();
    lastRendered = "";
    refresh().catch((e) => showError(e.message));
  }

  /** The "act as" list: each person with their roles' names in the language of the person acted as now. */
  function renderActAs() {
    const sel = $("actas");
    const lang = me() && me().locale === "en" ? "en" : "zh-CN";
    const sep = lang === "en" ? ", " : "、";
    sel.replaceChildren(...state.users.map((u) => el("option", { value: u.handle }, `${u.displayName} (@${u.handle}) · ${u.roleNames[lang].join(sep)}`)));
    sel.value = state.user;
  }

  /** Sidebar and title in the language of the person acted as; their own direct messages under the channels. */
  function renderNav() {
    const w = words();
    document.documentElement.lang = me() && me().locale === "en" ? "en" : "zh-CN";
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = w[node.dataset.i18n];
    for (const node of document.querySelectorAll("[data-i18n-title]")) node.title = w[node.dataset.i18nTitle];
    for (const node of document.querySelectorAll("[data-i18n-label]")) node.setAttribute("aria-label", w[node.dataset.i18nLabel]);
    const item = (id, iconName, label) => {
      const li = el("li", { class: id === state.channel ? "active" : "", "data-channel": id }, icon(iconName), el("span", {}, label));
      li.addEventListener("click", () => openConversation(id));
      return li;
    };
    $("channels").replaceChildren(...state.channels.map((c) => item(c.id, "hash", c.name)));
    const direct = `@${state.user}`;
    $("directs").replaceChildren(item(direct, "mail", w.myDirect));
    const title = isDirect(state.channel) ? [icon("mail"), `${w.directTitle}${me() ? me().displayName : state.user}`] : [icon("hash"), state.channel];
    $("channel-title").replaceChildren(...title);
  }

  async function start() {
    const [{ users }, { channels }, team] = await Promise.all([api("GET", "/console/api/users"), api("GET", "/console/api/channels"), api("GET", "/console/api/team")]);
    state.users = users;
    state.channels = channels;
    state.zone = team.timezone;
    const remembered = sessionStorage.getItem("mediaopsUser");
    state.user = users.some((u) => u.handle === remembered) ? remembered : users[0] && users[0].handle;
    const sel = $("actas");
    renderActAs();
    // Another person starts clean: the previous one's refusal and half-typed command are not theirs.
    sel.addEventListener("change", () => {
      state.user = sel.value;
      sessionStorage.setItem("mediaopsUser", state.user);
      showError("");
      $("input").value = "";
      if (isDirect(state.channel)) state.channel = `@${state.user}`;
      renderActAs();
      openConversation(state.channel);
    });
    $("menu").addEventListener("click", () => { document.body.classList.add("nav-open"); $("scrim").hidden = false; });
    $("scrim").addEventListener("click", () => { document.body.classList.remove("nav-open"); $("scrim").hidden = true; });
    renderNav();
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
    // Polling (the API read is logged only on warnings); a hidden tab does not poll.
    setInterval(() => { if (!document.hidden) refresh().catch((e) => showError(e.message)); }, 2000);
  }

  start().catch((e) => showError(e.message));
})();
