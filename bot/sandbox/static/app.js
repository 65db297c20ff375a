// Rakor sandbox page: a group chat on a phone, talking to the sandbox's small JSON API.
// Messages arrive as plain text plus Telegram entities; they are turned into DOM nodes with
// textContent, never parsed as HTML.
"use strict";

const LABELS = {
  id: {
    banner: "SANDBOX · grup contoh di komputer ini, bukan Telegram sungguhan",
    as: "Masuk sebagai",
    group: "Grup",
    private: "Chat pribadi",
    placeholder: "Tulis pesan atau perintah…",
    send: "Kirim",
    commands: "Perintah",
    edited: "diedit",
    members: "anggota",
    bot: "bot",
    unit: "instansi",
    noUnit: "belum bergabung ke instansi",
    roles: { koordinator: "koordinator", anggota: "anggota", pengamat: "pengamat" },
    emptyGroup: "Belum ada pesan di grup.",
    emptyPrivate: "Chat pribadi Anda dengan bot Rakor. Coba /bantuan atau /cari kata kunci.",
    privateSubtitle: "bot · chat pribadi",
    failed: "Gagal mengirim. Coba lagi.",
    reconnecting: "Menyambung ulang…",
  },
  en: {
    banner: "SANDBOX · a demo group on this computer, not the real Telegram",
    as: "Signed in as",
    group: "Group",
    private: "Private chat",
    placeholder: "Write a message or a command…",
    send: "Send",
    commands: "Commands",
    edited: "edited",
    members: "members",
    bot: "bot",
    unit: "unit",
    noUnit: "not in a unit yet",
    roles: { koordinator: "coordinator", anggota: "member", pengamat: "observer" },
    emptyGroup: "No messages in the group yet.",
    emptyPrivate: "Your private chat with the Rakor bot. Try /help or /search keyword.",
    privateSubtitle: "bot · private chat",
    failed: "Could not send. Please try again.",
    reconnecting: "Reconnecting…",
  },
};

const COLORS = ["#e17076", "#7bc862", "#e5a64e", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb"];
const $ = (id) => document.getElementById(id);

const state = {
  lang: "id",
  me: localStorage.getItem("rakor.sandbox.persona") || "asisten",
  chat: "group",
  data: null,
  events: null,
  buffers: new Set(),
};

function L() {
  return LABELS[state.lang] || LABELS.id;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function initials(name) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0] || "?")[0] + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

function colorFor(id) {
  return COLORS[Math.abs(Number(id) || 0) % COLORS.length];
}

function me() {
  return (state.data?.personas || []).find((p) => p.key === state.me);
}

// ---------------------------------------------------------------- rich text
function safeUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return ["http:", "https:"].includes(parsed.protocol) ? parsed.href : null;
  } catch {
    return null;
  }
}

function elementFor(entity, text) {
  switch (entity.type) {
    case "bold": return el("strong");
    case "italic": return el("em");
    case "underline": return el("u");
    case "strikethrough": return el("s");
    case "code": return el("code");
    case "pre": return el("pre");
    case "blockquote":
    case "expandable_blockquote": return el("blockquote");
    case "spoiler": {
      const span = el("span", "spoiler");
      span.addEventListener("click", () => span.classList.add("shown"));
      return span;
    }
    case "text_link":
    case "url": {
      const href = safeUrl(entity.type === "url" ? text : entity.url);
      if (!href) return el("span");
      const link = el("a");
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      return link;
    }
    case "bot_command": {
      const span = el("span", "cmd");
      span.title = L().commands;
      span.addEventListener("click", () => fillInput(text + " "));
      return span;
    }
    case "hashtag": return el("span", "tag");
    case "mention": return el("span", "mention");
    default: return el("span");
  }
}

function build(parent, text, entities, start, end) {
  let pos = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const from = Math.max(entity.offset, start);
    const to = Math.min(entity.offset + entity.length, end);
    if (from < pos || from >= to) { i += 1; continue; }
    if (from > pos) parent.appendChild(document.createTextNode(text.slice(pos, from)));
    let j = i + 1;
    const inner = [];
    while (j < entities.length && entities[j].offset < to) { inner.push(entities[j]); j += 1; }
    const node = elementFor(entity, text.slice(from, to));
    build(node, text, inner, from, to);
    parent.appendChild(node);
    pos = to;
    i = j;
  }
  if (pos < end) parent.appendChild(document.createTextNode(text.slice(pos, end)));
}

function richText(text, entities) {
  const container = el("div", "text");
  const sorted = (entities || []).slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(container, text, sorted, 0, text.length);
  return container;
}

// ---------------------------------------------------------------- messages
function formatSize(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function fileNode(file) {
  if (file.kind === "photo") {
    const img = el("img", "photo");
    img.src = file.url;
    img.alt = file.name;
    img.loading = "lazy";
    return img;
  }
  const link = el("a", "document");
  link.href = file.url;
  link.download = file.name;
  const ext = (file.name.split(".").pop() || "").slice(0, 4).toUpperCase();
  link.append(el("span", "doc-icon", ext || "FILE"));
  const label = el("span");
  label.append(el("b", null, file.name), el("small", null, formatSize(file.size)));
  link.append(label);
  return link;
}

function keyboard(message, chat) {
  const box = el("div", "keyboard");
  for (const row of message.buttons) {
    const line = el("div", "keyboard-row");
    for (const button of row) {
      if (button.url) {
        const href = safeUrl(button.url);
        const link = el("a", null, button.text);
        if (href) { link.href = href; link.target = "_blank"; link.rel = "noopener noreferrer"; }
        line.append(link);
      } else if (button.data !== undefined) {
        const node = el("button", null, button.text);
        node.type = "button";
        node.addEventListener("click", () => press(chat, message.id, button.data, node));
        line.append(node);
      }
    }
    box.append(line);
  }
  return box;
}

function messageNode(message, chat) {
  const own = !message.from.is_bot && message.from.id === me()?.id;
  const item = el("li", own ? "msg own" : "msg");
  item.dataset.id = String(message.id);
  if (!own) {
    const avatar = el("div", "avatar", message.from.is_bot ? "R" : initials(message.from.name));
    avatar.style.background = message.from.is_bot ? "#517da2" : colorFor(message.from.id);
    avatar.setAttribute("aria-hidden", "true");
    item.append(avatar);
  }
  const wrap = el("div", "bubble-wrap");
  const bubble = el("div", "bubble");
  if (!own && (chat === "group" || message.from.is_bot)) {
    const name = el("span", "sender", message.from.name);
    name.style.color = message.from.is_bot ? "#2b6ea6" : colorFor(message.from.id);
    if (message.from.is_bot) name.append(el("span", "bot-tag", L().bot));
    bubble.append(name);
  }
  if (message.reply_to) {
    const quote = el("div", "reply-quote");
    quote.append(el("b", null, message.reply_to.name), el("span", null, message.reply_to.text));
    bubble.append(quote);
  }
  if (message.file) bubble.append(fileNode(message.file));
  const time = new Date(message.date * 1000).toLocaleTimeString(state.lang === "en" ? "en-GB" : "id-ID", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const meta = el("span", "meta", (message.edited ? `${L().edited} ` : "") + time);
  const text = richText(message.text, message.entities);
  text.append(meta);
  bubble.append(text);
  wrap.append(bubble);
  if (message.buttons.length) wrap.append(keyboard(message, chat));
  item.append(wrap);
  return item;
}

function nearBottom() {
  const box = $("chat");
  return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
}

function scrollDown() {
  const box = $("chat");
  box.scrollTop = box.scrollHeight;
}

function upsert(chat, message) {
  const list = $(`messages-${chat}`);
  const stick = chat === state.chat && nearBottom();
  const node = messageNode(message, chat);
  const existing = list.querySelector(`li[data-id="${message.id}"]`);
  if (existing) {
    existing.replaceWith(node);
  } else {
    const later = [...list.children].find((li) => Number(li.dataset.id) > message.id);
    list.insertBefore(node, later || null);
    if (chat !== state.chat && chat === "private") $("private-dot").hidden = false;
  }
  updateEmpty();
  if (stick || (!existing && message.from.id === me()?.id)) scrollDown();
}

function remove(chat, messageId) {
  $(`messages-${chat}`).querySelector(`li[data-id="${messageId}"]`)?.remove();
  updateEmpty();
}

function updateEmpty() {
  const list = $(`messages-${state.chat}`);
  const empty = $("empty");
  empty.hidden = list.children.length > 0;
  empty.textContent = state.chat === "group" ? L().emptyGroup : L().emptyPrivate;
}

// ---------------------------------------------------------------- chrome
function applyLabels() {
  const labels = L();
  document.documentElement.lang = state.lang;
  $("banner").textContent = labels.banner;
  $("persona-label").textContent = labels.as;
  $("tab-group").firstChild.textContent = labels.group;
  $("tab-private").firstChild.textContent = labels.private;
  $("input").placeholder = labels.placeholder;
  $("send").title = labels.send;
  $("send").setAttribute("aria-label", labels.send);
  $("menu-button").title = labels.commands;
  renderHeader();
  renderPersonas();
  renderCommands();
  updateEmpty();
}

function renderHeader() {
  const data = state.data;
  if (!data) return;
  const labels = L();
  if (state.chat === "group") {
    $("chat-title").textContent = data.group.title;
    $("chat-subtitle").textContent = `${data.personas.length} ${labels.members} · @${data.bot.username}`;
    $("chat-avatar").textContent = initials(data.group.title);
    $("chat-avatar").style.background = "#f0a24a";
  } else {
    $("chat-title").textContent = data.bot.name;
    $("chat-subtitle").textContent = `@${data.bot.username} · ${labels.privateSubtitle}`;
    $("chat-avatar").textContent = "R";
    $("chat-avatar").style.background = "#517da2";
  }
}

function renderPersonas() {
  const data = state.data;
  if (!data) return;
  const select = $("persona");
  select.replaceChildren(
    ...data.personas.map((p) => {
      const option = el("option", null, p.name);
      option.value = p.key;
      option.selected = p.key === state.me;
      return option;
    }),
  );
  const person = me();
  const info = $("persona-info");
  info.replaceChildren();
  if (!person) return;
  const labels = L();
  info.append(el("span", "role-badge", labels.roles[person.role] || person.role), " ");
  info.append(`${person.title} · `, person.unit ? `${labels.unit} ${person.unit}` : labels.noUnit);
}

function renderCommands() {
  const menu = $("command-menu");
  menu.replaceChildren(
    ...(state.data?.commands || []).map((command) => {
      const item = el("button");
      item.type = "button";
      item.append(el("b", null, `/${command.command}`), el("span", null, command.description));
      item.addEventListener("click", () => {
        fillInput(`/${command.command} `);
        toggleMenu(false);
      });
      return item;
    }),
  );
}

function toggleMenu(open) {
  const menu = $("command-menu");
  menu.hidden = !open;
  $("menu-button").setAttribute("aria-expanded", String(open));
}

function fillInput(text) {
  const input = $("input");
  input.value = text;
  input.focus();
  autosize();
}

function autosize() {
  const input = $("input");
  input.style.height = "auto";
  input.style.height = `${Math.min(input.scrollHeight + 2, 120)}px`;
}

function showToast(text, alert) {
  const toast = $("toast");
  toast.textContent = text;
  toast.classList.toggle("alert", Boolean(alert));
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => { toast.hidden = true; }, alert ? 5000 : 2500);
}

function selectChat(chat) {
  state.chat = chat;
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.setAttribute("aria-selected", String(tab.dataset.chat === chat));
  }
  $("messages-group").hidden = chat !== "group";
  $("messages-private").hidden = chat !== "private";
  if (chat === "private") $("private-dot").hidden = true;
  renderHeader();
  updateEmpty();
  scrollDown();
}

// ---------------------------------------------------------------- server
async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ persona: state.me, ...body }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function press(chat, messageId, data, node) {
  node.disabled = true;
  try {
    await post("/api/press", { chat, message_id: messageId, data });
  } catch {
    showToast(L().failed);
  } finally {
    setTimeout(() => { node.disabled = false; }, 600);
  }
}

// Everything (after connecting), or only the people, language and commands (messages: false).
// Events that arrive while the state is being fetched are applied again on top of it.
async function loadState({ messages = true } = {}) {
  const since = [];
  if (messages) state.buffers.add(since);
  try {
    const response = await fetch(`/api/state?persona=${encodeURIComponent(state.me)}`);
    if (!response.ok) throw new Error(`state: ${response.status}`);
    const data = await response.json();
    state.data = data;
    state.me = data.me;
    state.lang = data.lang;
    if (messages) {
      for (const chat of ["group", "private"]) {
        const nodes = data.chats[chat].map((m) => messageNode(m, chat));
        $(`messages-${chat}`).replaceChildren(...nodes);
      }
    }
  } finally {
    state.buffers.delete(since);
  }
  applyLabels();
  for (const event of since) applyEvent(event);
  if (messages) scrollDown();
}

function applyEvent(event) {
  if (event.type === "message" || event.type === "edit") upsert(event.chat, event.message);
  else if (event.type === "delete") remove(event.chat, event.message_id);
}

function handleEvent(event) {
  for (const buffer of state.buffers) buffer.push(event);
  if (event.lang && event.lang !== state.lang) {
    state.lang = event.lang;
    refreshSoon();
  }
  applyEvent(event);
  if (event.type === "callback_answer" && event.text) showToast(event.text, event.show_alert);
  if (event.message && event.message.from.is_bot && event.type === "message") refreshSoon();
}

// Roles, units and the command menu change through the bot; refresh them after bot replies.
function refreshSoon() {
  clearTimeout(refreshSoon.timer);
  refreshSoon.timer = setTimeout(() => loadState({ messages: false }).catch(() => {}), 400);
}

function connect() {
  state.events?.close();
  const source = new EventSource(`/api/events?persona=${encodeURIComponent(state.me)}`);
  state.events = source;
  source.onopen = () => {
    loadState().catch(() => showToast(L().reconnecting));
  };
  source.onerror = () => showToast(L().reconnecting);
  source.onmessage = (message) => handleEvent(JSON.parse(message.data));
}

function start() {
  $("persona").addEventListener("change", (event) => {
    state.me = event.target.value;
    localStorage.setItem("rakor.sandbox.persona", state.me);
    connect();
  });
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.addEventListener("click", () => selectChat(tab.dataset.chat));
  }
  $("menu-button").addEventListener("click", () => toggleMenu($("command-menu").hidden));
  const input = $("input");
  input.addEventListener("input", autosize);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      $("composer").requestSubmit();
    }
  });
  $("composer").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    toggleMenu(false);
    try {
      await post("/api/send", { chat: state.chat, text });
      input.value = "";
      autosize();
    } catch {
      showToast(L().failed);
    }
  });
  connect();
}

start();
