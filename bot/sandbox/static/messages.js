// Rakor sandbox page: one message as DOM nodes. Text and Telegram entities (UTF-16 offsets,
// the same as JavaScript string offsets) become elements filled with textContent; nothing is
// ever parsed as HTML. ``view`` is {labels, lang, myId, onPress(chat, id, data, node),
// onCommand(text), onReply(chat, message)}.

const LONG_PRESS_MS = 500;

const COLORS = ["#e17076", "#7bc862", "#e5a64e", "#65aadd", "#a695e7", "#ee7aae", "#6ec9cb"];

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function initials(name) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0] || "?")[0] + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

function colorFor(id) {
  return COLORS[Math.abs(Number(id) || 0) % COLORS.length];
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

function elementFor(entity, text, view) {
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
      span.title = view.labels.commands;
      span.addEventListener("click", () => view.onCommand(`${text} `));
      return span;
    }
    case "hashtag": return el("span", "tag");
    case "mention": return el("span", "mention");
    default: return el("span");
  }
}

function build(parent, text, entities, start, end, view) {
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
    const node = elementFor(entity, text.slice(from, to), view);
    build(node, text, inner, from, to, view);
    parent.appendChild(node);
    pos = to;
    i = j;
  }
  if (pos < end) parent.appendChild(document.createTextNode(text.slice(pos, end)));
}

function richText(text, entities, view) {
  const container = el("div", "text");
  const sorted = (entities || []).slice().sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(container, text, sorted, 0, text.length, view);
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
    const link = el("a", "photo-link");
    link.href = file.url;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.append(img);
    return link;
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

function keyboard(message, chat, view) {
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
        node.addEventListener("click", () => view.onPress(chat, message.id, button.data, node));
        line.append(node);
      }
    }
    box.append(line);
  }
  return box;
}

// Reply as in Telegram: a long press (or a right click) on the message, or its reply button.
function replyGestures(bubble, onReply) {
  let timer = null;
  const cancel = () => { clearTimeout(timer); timer = null; };
  bubble.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || event.target.closest("a, button, .cmd")) return;
    timer = setTimeout(() => { timer = null; onReply(); }, LONG_PRESS_MS);
  });
  for (const name of ["pointerup", "pointerleave", "pointercancel", "pointermove"]) {
    bubble.addEventListener(name, (event) => {
      if (name !== "pointermove" || Math.abs(event.movementX) + Math.abs(event.movementY) > 4) cancel();
    });
  }
  bubble.addEventListener("contextmenu", (event) => {
    event.preventDefault();
    cancel();
    onReply();
  });
}

export function messageNode(message, chat, view) {
  const own = !message.from.is_bot && message.from.id === view.myId;
  const item = el("li", own ? "msg own" : "msg");
  item.dataset.id = String(message.id);
  if (message.showcase) item.dataset.showcase = "true";
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
    if (message.from.is_bot) name.append(el("span", "bot-tag", view.labels.bot));
    bubble.append(name);
  }
  if (message.reply_to) {
    const quote = el("div", "reply-quote");
    quote.append(el("b", null, message.reply_to.name), el("span", null, message.reply_to.text));
    bubble.append(quote);
  }
  if (message.file) bubble.append(fileNode(message.file));
  const time = new Date(message.date * 1000).toLocaleTimeString(view.lang === "en" ? "en-GB" : "id-ID", {
    hour: "2-digit",
    minute: "2-digit",
  });
  const meta = el("span", "meta", (message.edited ? `${view.labels.edited} ` : "") + time);
  const text = richText(message.text, message.entities, view);
  text.append(meta);
  bubble.append(text);
  wrap.append(bubble);
  if (message.buttons.length) wrap.append(keyboard(message, chat, view));
  const onReply = () => view.onReply(chat, message);
  replyGestures(bubble, onReply);
  const reply = el("button", "reply-button", "↩");
  reply.type = "button";
  reply.title = view.labels.reply;
  reply.setAttribute("aria-label", view.labels.reply);
  reply.addEventListener("click", onReply);
  item.append(wrap, reply);
  return item;
}
