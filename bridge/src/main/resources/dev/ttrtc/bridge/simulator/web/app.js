// The simulator page: renders what the host pushes over /sim and sends the user's commands.
'use strict';

const $ = (id) => document.getElementById(id);
const KINDS = ['console', 'ui', 'api-call', 'api-result', 'event', 'lifecycle', 'handler', 'navigation', 'data', 'error', 'warn'];
const state = { hello: null, instanceId: null, log: [], requestId: 1, tokenRequests: new Map(), browser: null, speaking: new Set(), followLog: true };
let socket;

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props || {});
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => { box.hidden = true; }, 6000);
}

function send(command) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(command));
}

function connect() {
  // Relative to the page, so that the page also works mounted under a path prefix.
  const url = new URL('sim', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // The key tt-host printed in the page's address: the socket answers only pages that have it.
  url.search = new URLSearchParams({ key: new URLSearchParams(location.search).get('key') || '' }).toString();
  socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => { $('connection').textContent = 'connected'; };
  socket.onclose = () => { $('connection').textContent = 'disconnected — retrying'; setTimeout(connect, 1000); };
  socket.onmessage = (e) => (typeof e.data === 'string' ? handle(JSON.parse(e.data)) : phone.onFrame(e.data));
}

function handle(m) {
  switch (m.type) {
    case 'hello':
      state.hello = m;
      state.instanceId = m.instanceId;
      if (!$('remote-room').value) $('remote-room').value = m.defaultRoom;
      if (!$('browser-room').value) $('browser-room').value = m.defaultRoom;
      if (!$('browser-user').value) $('browser-user').value = 'browser' + Math.floor(Math.random() * 1000);
      $('phone-instance').textContent = m.instanceId || 'no instance';
      break;
    case 'shown':
      state.instanceId = m.instanceId;
      state.log = [];
      renderLog();
      $('phone-instance').textContent = m.instanceId || 'no instance';
      if (!m.instanceId) phone.showNote('no mini-program is shown');
      break;
    case 'viewOps': if (m.instanceId === state.instanceId) phone.applyOps(m.ops); break;
    case 'window': phone.renderWindow(m); break;
    case 'dropped': showError(m.note + ' (' + m.count + ')'); break;
    case 'rooms': renderRooms(m); break;
    case 'remotes': renderRemotes(m.remotes); break;
    case 'instance': renderInstance(m); break;
    case 'view': renderView(m); break;
    case 'events': for (const e of m.events) onEvent(e); renderLog(); break;
    case 'frameGone': phone.frameGone(m.key); break;
    case 'token': { const waiting = state.tokenRequests.get(m.requestId); if (waiting) { state.tokenRequests.delete(m.requestId); waiting(m); } break; }
    case 'error': showError(m.message); break;
    default: break;
  }
}

// ---- rooms and participants --------------------------------------------------------------------

function badge(label, on, extra) {
  return el('span', { className: 'badge' + (on ? ' on' : '') + (extra ? ' ' + extra : ''), textContent: label, title: label + (on ? ' on' : ' off') });
}

function renderRooms(m) {
  const box = $('rooms');
  box.replaceChildren();
  if (m.error) { box.append(el('p', { className: 'status', textContent: m.error })); return; }
  if (!m.rooms.length) { box.append(el('p', { className: 'status', textContent: 'no rooms yet' })); return; }
  for (const room of m.rooms) {
    const list = el('ul', { className: 'members' });
    for (const member of room.members) {
      const s = member.state;
      const row = el('li', { className: member.visible ? '' : 'invisible' },
        el('span', { className: 'name', textContent: member.userId + (member.visible ? '' : ' (invisible)') + (member.connected ? '' : ' (gone?)') }),
        badge('mic', s.audioPublished), badge('cam', s.videoPublished), badge('screen', s.screenPublished),
        member.speaking ? badge('speaking', true, 'speaking') : badge('quiet', false));
      row.dataset.member = member.userId;
      row.dataset.room = room.roomId;
      row.dataset.speaking = String(member.speaking);
      list.append(row);
    }
    box.append(el('div', { className: 'room' }, el('h3', { textContent: room.roomId + ' · ' + room.members.length + ' members' }), list));
  }
}

function renderRemotes(remotes) {
  const list = $('remotes');
  list.replaceChildren();
  for (const r of remotes) {
    const s = r.state || {};
    const button = (label, command) => el('button', { type: 'button', textContent: label,
      onclick: () => send(Object.assign({ userId: r.userId }, command)) });
    const row = el('li', {},
      el('div', { className: 'row' },
        el('span', { className: 'who', textContent: r.userId }),
        el('span', { className: 'status', textContent: r.roomId + (r.joined ? ' · joined' : ' · not joined') + ' · mic: ' + r.talk })),
      el('div', { className: 'row' },
        button('Talk', { cmd: 'talk', speakingMs: 2000, pauseMs: 2000 }), button('Silence', { cmd: 'silence' }),
        button(s.audioPublished ? 'Unpublish audio' : 'Publish audio', { cmd: s.audioPublished ? 'unpublish' : 'publish', kind: 'audio' }),
        button(s.videoPublished ? 'Unpublish video' : 'Publish video', { cmd: s.videoPublished ? 'unpublish' : 'publish', kind: 'video' }),
        button(s.screenPublished ? 'Stop screen' : 'Share screen', { cmd: s.screenPublished ? 'unpublish' : 'publish', kind: 'screen' }),
        button('Drop connection', { cmd: 'drop' }), button('Remove', { cmd: 'removeRemote' })));
    row.dataset.remote = r.userId;
    list.append(row);
  }
}

$('add-remote').addEventListener('submit', (e) => {
  e.preventDefault();
  send({ cmd: 'addRemote', userId: $('remote-user').value, roomId: $('remote-room').value });
  $('remote-user').value = '';
});

// ---- the mini-program --------------------------------------------------------------------------

function renderInstance(m) {
  $('phone-route').textContent = m.route + (m.stack.length > 1 ? '  (' + m.stack.length + ' pages)' : '');
  const tree = $('page-data');
  const openPaths = new Set([...tree.querySelectorAll('details[open]')].map((d) => d.dataset.path));
  tree.replaceChildren(jsonTree(m.data, '', openPaths.size ? openPaths : new Set([''])));
  tree.dataset.json = JSON.stringify(m.data);
}

function jsonTree(value, path, openPaths, key) {
  const label = key === undefined ? null : el('span', { className: 'key', textContent: key + ': ' });
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const details = el('details', { open: openPaths.has(path) });
    details.dataset.path = path;
    details.append(el('summary', {}, label, Array.isArray(value) ? '[' + value.length + ']' : '{' + entries.length + '}'));
    for (const [k, v] of entries) details.append(jsonTree(v, path + '/' + k, openPaths, k));
    return details;
  }
  const type = value === null ? 'null' : typeof value;
  return el('div', { className: 'leaf' }, label, el('span', { className: type, textContent: JSON.stringify(value) }));
}

function renderView(m) {
  $('phone-room').textContent = m.inRoom ? m.roomId + ' as ' + m.userId : 'not in a room';
  const list = $('phone-members');
  list.replaceChildren();
  state.speaking = new Set((m.members || []).filter((x) => x.speaking).map((x) => x.userId));
  for (const member of m.members || []) {
    const row = el('li', {}, el('span', { textContent: member.userId + (member.local ? ' (me)' : '') }),
      el('span', {}, member.speaking ? badge('speaking', true, 'speaking') : ''));
    row.dataset.viewMember = member.userId;
    list.append(row);
  }
  for (const tile of document.querySelectorAll('.tile')) tile.classList.toggle('speaking', state.speaking.has(tile.dataset.user));
}

$('call-form').addEventListener('submit', (e) => {
  e.preventDefault();
  let dataset = {};
  try {
    dataset = $('call-dataset').value ? JSON.parse($('call-dataset').value) : {};
  } catch (err) {
    showError('dataset is not JSON: ' + err.message);
    return;
  }
  send({ cmd: 'callMethod', method: $('call-method').value, dataset });
});
$('relaunch').addEventListener('click', () => send({ cmd: 'relaunch' }));

// ---- toasts and modals, drawn from UI events ------------------------------------------------------

const ICONS = { success: '✓', fail: '✕', loading: '…', none: '' };

function onUiEvent(e) {
  const d = e.data || {};
  if (e.name === 'showToast') {
    const toast = $('toast');
    toast.replaceChildren(el('span', { className: 'icon', textContent: ICONS[d.icon] || '' }), d.title);
    toast.hidden = false;
    clearTimeout(onUiEvent.toastTimer);
    onUiEvent.toastTimer = setTimeout(() => { toast.hidden = true; }, d.duration || 1500);
  } else if (e.name === 'hideToast') {
    $('toast').hidden = true;
  } else if (e.name === 'showLoading') {
    $('loading').textContent = d.title;
    $('loading').hidden = false;
  } else if (e.name === 'hideLoading') {
    $('loading').hidden = true;
  } else if (e.name === 'showModal') {
    $('modal-title').textContent = d.title;
    $('modal-content').textContent = d.content;
    $('modal-cancel').textContent = d.showCancel ? d.cancelText : '';
    $('modal-confirm').textContent = d.confirmText;
    $('modal-cancel').className = d.answer === 'cancel' ? 'chosen' : '';
    $('modal-confirm').className = d.answer === 'confirm' ? 'chosen' : '';
    $('modal').hidden = false;
    clearTimeout(onUiEvent.modalTimer);
    onUiEvent.modalTimer = setTimeout(() => { $('modal').hidden = true; }, 2500);
  } else if (e.name === 'previewImage') {
    showPreview(d);
  }
}

// Only the project's own files are loaded (the simulator serves them from its root); a network or
// ttfile:// address is named, never fetched: the simulator sends no traffic beyond this machine.
function showPreview(d) {
  const image = $('preview-image');
  // A root path, but not a protocol-relative "//host/…" (nor "/\host/…", which browsers read alike).
  const local = /^\/(?![\/\\])/.test(d.current);
  if (local) image.src = d.current;
  else image.removeAttribute('src');
  const position = (d.urls.indexOf(d.current) + 1) + ' / ' + d.urls.length;
  $('preview-caption').textContent = local ? position : position + ' · ' + d.current + ' (not loaded here)';
  $('preview').hidden = false;
}
// As on the phone, the preview stays until it is tapped.
$('preview').addEventListener('click', () => { $('preview').hidden = true; });

// ---- the event log -----------------------------------------------------------------------------

for (const kind of KINDS) {
  const box = el('input', { type: 'checkbox', checked: true, id: 'kind-' + kind, onchange: renderLog });
  $('log-kinds').append(el('label', { className: 'kind-toggle' }, box, kind));
}
$('log-text').addEventListener('input', renderLog);
// Follow new entries while the reader is at the bottom of the log; keep their place once they scroll up.
$('log-box').addEventListener('scroll', () => {
  const box = $('log-box');
  state.followLog = box.scrollHeight - box.scrollTop - box.clientHeight < 24;
});

function onEvent(e) {
  state.log.push(e);
  if (state.log.length > 2000) state.log.shift();
  if (e.kind === 'ui' && Date.now() - Date.parse(e.time) < 5000) onUiEvent(e);
  if (e.kind === 'warn') phone.checkEmpty();
}

function renderLog() {
  const text = $('log-text').value.toLowerCase();
  const kinds = new Set(KINDS.filter((k) => $('kind-' + k).checked));
  const list = $('log');
  const rows = state.log.filter((e) => kinds.has(e.kind) && (!text || (e.name + ' ' + e.text).toLowerCase().includes(text)))
    .slice(-400).map((e) => el('li', { className: 'kind-' + e.kind },
      el('span', { className: 'kind', textContent: e.kind }), e.text));
  list.replaceChildren(...rows);
  if (state.followLog) $('log-box').scrollTop = $('log-box').scrollHeight;
}

// ---- this browser as a participant ----------------------------------------------------------------

function requestToken(roomId, userId) {
  const requestId = state.requestId++;
  return new Promise((resolve) => {
    state.tokenRequests.set(requestId, resolve);
    send({ cmd: 'token', requestId, roomId, userId });
  });
}

$('browser-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (state.browser) return;
  const roomId = $('browser-room').value;
  const userId = $('browser-user').value;
  const { token } = await requestToken(roomId, userId);
  const participant = new BrowserParticipant({
    signalUrl: state.hello.signalUrl, appId: state.hello.appId, roomId, userId, token,
    onStatus: (text) => { $('browser-status').textContent = text; },
    onRemoteTrack: (from, kind, track) => {
      const key = from + '/' + kind;
      let media = document.querySelector(`[data-browser-remote="${CSS.escape(key)}"]`);
      if (!media) {
        media = el(kind === 'audio' ? 'audio' : 'video', { autoplay: true, playsInline: true });
        media.dataset.browserRemote = key;
        $('browser-remotes').append(kind === 'audio' ? media : el('figure', {}, media, el('figcaption', { textContent: key })));
      }
      media.srcObject = new MediaStream([track]);
    },
    onEnded: browserEnded,
    onScreenEnded: () => {
      if (state.browser) $('browser-screen').disabled = false;
      $('browser-status').textContent = 'joined ' + roomId + ' as ' + userId;
    },
    onRemoteGone: (from) => {
      for (const node of document.querySelectorAll('[data-browser-remote]')) {
        if (node.dataset.browserRemote.startsWith(from + '/')) (node.closest('figure') || node).remove();
      }
    }
  });
  state.browser = participant;
  try {
    await participant.join();
    $('browser-preview').srcObject = participant.camera;
    $('browser-preview-box').hidden = false;
    $('browser-join').disabled = true;
    $('browser-screen').disabled = false;
    $('browser-leave').disabled = false;
  } catch (err) {
    showError('joining from this browser failed: ' + err.message);
    participant.end('not joined');
  }
});

/** The browser's membership ended (left, kicked, disconnected): offer Join again. */
function browserEnded() {
  state.browser = null;
  $('browser-preview').srcObject = null;
  $('browser-preview-box').hidden = true;
  $('browser-join').disabled = false;
  $('browser-screen').disabled = true;
  $('browser-leave').disabled = true;
}

$('browser-screen').addEventListener('click', async () => {
  try {
    await state.browser.shareScreen();
    $('browser-screen').disabled = true;
    $('browser-status').textContent += ' · sharing the screen';
  } catch (err) {
    showError('screen share failed: ' + err.message);
  }
});

$('browser-leave').addEventListener('click', () => {
  if (state.browser) state.browser.leave();
});

phone.attach($('phone-page'));
connect();
