// Rakor sandbox page: a group chat on a phone, talking to the sandbox's small JSON API.
// Messages are drawn by messages.js (DOM nodes from text and entities, never HTML).

import { LABELS } from "./labels.js";
import { el, initials, messageNode } from "./messages.js";

const $ = (id) => document.getElementById(id);
const MAX_FILE = 10 * 1024 * 1024; // as the server (and Telegram for photos) accepts
const PHOTO_TYPES = ["image/jpeg", "image/png"];

const state = {
  lang: "id",
  me: localStorage.getItem("rakor.sandbox.persona") || "asisten",
  chat: "group",
  data: null,
  events: null,
  buffers: new Set(),
  replyTo: null, // {chat, id, name, text}: the message the next one answers
  attachment: null, // {name, kind: "photo"|"document", data (base64), size}
  opened: false, // the first view was scrolled to its showcase post
};

function L() {
  return LABELS[state.lang] || LABELS.id;
}

function me() {
  return (state.data?.personas || []).find((p) => p.key === state.me);
}

function view() {
  return {
    labels: L(),
    lang: state.lang,
    myId: me()?.id,
    onPress: press,
    onCommand: fillInput,
    onReply: startReply,
  };
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
  const node = messageNode(message, chat, view());
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

// The page opens on the last post worth seeing (an announcement with its counter, a meeting
// card with its RSVP buttons), not on the bottom of a long reply such as a recap table.
function scrollToShowcase() {
  const posts = $("messages-group").querySelectorAll('li[data-showcase="true"]');
  const last = posts[posts.length - 1];
  if (!last || state.chat !== "group") {
    scrollDown();
    return;
  }
  const box = $("chat"); // positioned: the offsets of its messages are within it
  box.scrollTop = Math.max(0, last.offsetTop + last.offsetHeight - box.clientHeight + 6);
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
  $("intro-title").textContent = labels.introTitle;
  $("intro-text").textContent = labels.introText;
  $("intro-try").textContent = labels.introTry;
  $("intro-close").title = labels.close;
  $("intro-close").setAttribute("aria-label", labels.close);
  $("attach-button").title = labels.attach;
  $("attach-button").setAttribute("aria-label", labels.attach);
  $("reply-cancel").title = labels.cancel;
  $("attach-cancel").title = labels.cancel;
  renderDraft();
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
  info.title = person.title;
  info.append(el("span", "role-badge", labels.roles[person.role] || person.role), " ");
  info.append(person.unit || labels.noUnit);
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

function startReply(chat, message) {
  state.replyTo = {
    chat,
    id: message.id,
    name: message.from.name,
    text: message.text || (message.file ? message.file.name : ""),
  };
  renderDraft();
  $("input").focus();
}

function clearDraft() {
  state.replyTo = null;
  state.attachment = null;
  $("file").value = "";
  renderDraft();
}

// The bars above the composer: the message being answered, the file about to be sent.
function renderDraft() {
  const labels = L();
  const reply = state.replyTo && state.replyTo.chat === state.chat ? state.replyTo : null;
  $("reply-bar").hidden = !reply;
  if (reply) {
    $("reply-name").textContent = `${labels.replyingTo} ${reply.name}`;
    $("reply-text").textContent = reply.text;
  }
  const file = state.attachment;
  $("attach-bar").hidden = !file;
  if (file) {
    $("attach-name").textContent = `${file.kind === "photo" ? labels.photo : labels.document}: ${file.name}`;
    $("attach-size").textContent = `${Math.max(1, Math.round(file.size / 1024))} KB`;
  }
}

function chooseFile(file) {
  if (!file) return;
  if (file.size > MAX_FILE) {
    showToast(L().tooLarge, true);
    $("file").value = "";
    return;
  }
  const reader = new FileReader();
  reader.onload = () => {
    const data = String(reader.result).split(",", 2)[1] || "";
    const kind = PHOTO_TYPES.includes(file.type) ? "photo" : "document";
    state.attachment = { name: file.name, kind, data, size: file.size };
    renderDraft();
    $("input").focus();
  };
  reader.onerror = () => showToast(L().failed);
  reader.readAsDataURL(file);
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
  if (state.replyTo && state.replyTo.chat !== chat) state.replyTo = null;
  renderDraft();
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
// A state fetched for a persona the page no longer shows (switched while it loaded) is dropped.
async function loadState({ messages = true } = {}) {
  const since = [];
  const persona = state.me;
  if (messages) state.buffers.add(since);
  try {
    const response = await fetch(`/api/state?persona=${encodeURIComponent(persona)}`);
    if (!response.ok) throw new Error(`state: ${response.status}`);
    const data = await response.json();
    if (state.me !== persona) return;
    state.data = data;
    state.me = data.me;
    state.lang = data.lang;
    if (messages) {
      for (const chat of ["group", "private"]) {
        const nodes = data.chats[chat].map((m) => messageNode(m, chat, view()));
        $(`messages-${chat}`).replaceChildren(...nodes);
      }
    }
  } finally {
    state.buffers.delete(since);
  }
  applyLabels();
  for (const event of since) applyEvent(event);
  if (messages && !state.opened) {
    state.opened = true;
    scrollToShowcase();
  } else if (messages) {
    scrollDown();
  }
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
  $("attach-button").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", (event) => chooseFile(event.target.files[0]));
  $("reply-cancel").addEventListener("click", () => { state.replyTo = null; renderDraft(); });
  $("attach-cancel").addEventListener("click", () => {
    state.attachment = null;
    $("file").value = "";
    renderDraft();
  });
  $("intro-close").addEventListener("click", () => {
    $("intro").hidden = true;
    localStorage.setItem("rakor.sandbox.intro", "closed");
  });
  $("intro").hidden = localStorage.getItem("rakor.sandbox.intro") === "closed";
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
    const file = state.attachment;
    if (!text && !file) return;
    toggleMenu(false);
    const body = { chat: state.chat, text };
    if (state.replyTo && state.replyTo.chat === state.chat) body.reply_to = state.replyTo.id;
    if (file) body.file = { name: file.name, kind: file.kind, data: file.data };
    try {
      await post("/api/send", body);
      input.value = "";
      autosize();
      clearDraft();
    } catch {
      showToast(L().failed);
    }
  });
  connect();
}

start();
