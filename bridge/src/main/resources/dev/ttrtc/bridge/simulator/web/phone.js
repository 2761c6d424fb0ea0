// The phone frame: mirrors the shown mini-program's rendered page (patch ops from /sim) inside a
// shadow root, so that the page's CSS and the simulator's never meet; sends the user's taps,
// typing, choices, swipes and scrolls back as commands; paints the live video into rtc-room elements and tiles.
'use strict';

const phone = {
  root: null, route: '', pageNid: null, frames: new Map(), scrolls: new Map(), press: null, swiped: false,
  attach(host) {
    this.host = host;
    this.root = host.attachShadow({ mode: 'open' });
    this.root.addEventListener('click', (e) => this.onClick(e));
    this.root.addEventListener('input', (e) => this.onInput(e));
    this.root.addEventListener('change', (e) => this.onChange(e));
    this.root.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    this.root.addEventListener('pointerup', (e) => this.onPointerUp(e));
    this.root.addEventListener('scroll', (e) => this.onScroll(e.target), true);
    // A picker-view column reports where it came to rest, as the platform's change does.
    this.root.addEventListener('scrollend', (e) => this.onScrollEnd(e.target), true);
    // Media events do not bubble: caught on their way down.
    for (const type of ['play', 'pause', 'ended', 'waiting', 'error', 'timeupdate']) {
      this.root.addEventListener(type, (e) => this.onMedia(e), true);
    }
    host.addEventListener('scroll', () => this.onScroll(host));
    this.showNote('no page yet');
  },

  node(id) { return this.root.querySelector(`[data-nid="${id}"]`); },

  fragment(html) {
    const template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  },

  showNote(text) {
    this.root.replaceChildren(Object.assign(document.createElement('p'), { className: 'tt-sim-note', textContent: text }));
    this.pageNid = null;
  },

  applyOps(ops) {
    for (const op of ops) {
      try {
        this.apply(op);
      } catch (err) {
        console.warn('view op failed', op, err);
      }
    }
    this.paintAllRooms();
  },

  apply(op) {
    switch (op.op) {
      case 'page': {
        this.route = op.route;
        const style = document.createElement('style');
        style.textContent = ':host{display:block} .tt-sim-note{padding:16px;color:#888;font:13px system-ui}\n' + op.css;
        const page = this.fragment(op.html);
        this.root.replaceChildren(style, page);
        this.pageNid = page ? page.dataset.nid : null;
        this.host.scrollTop = 0;
        this.checkEmpty();
        break;
      }
      case 'insert': {
        const node = this.fragment(op.html);
        this.node(op.parent).insertBefore(node, op.before == null ? null : this.node(op.before));
        break;
      }
      case 'remove': { const n = this.node(op.id); if (n) n.remove(); break; }
      case 'move': this.node(op.parent).insertBefore(this.node(op.id), op.before == null ? null : this.node(op.before)); break;
      case 'text': this.node(op.id).textContent = op.text; break;
      case 'attrs': {
        const n = this.node(op.id);
        for (const [name, value] of Object.entries(op.attrs)) {
          if (value === null) n.removeAttribute(name); else n.setAttribute(name, value);
        }
        break;
      }
      case 'replace': this.node(op.id).replaceWith(this.fragment(op.html)); break;
      case 'value': this.setValue(this.node(op.id), op.value, op.restore === true); break;
      default: break;
    }
  },

  /** A value op; one that restores state to new HTML (restore) runs no video command again. */
  setValue(n, value, restore) {
    if (!n) return;
    const video = n.tagName === 'TT-VIDEO' ? n.querySelector('video') : null;
    if (video) {
      this.command(video, value, restore);
      return;
    }
    const input = n.querySelector('input, textarea');
    if (input && typeof value === 'string') {
      if (input.value !== value) input.value = value;
    } else if (typeof value === 'boolean') {
      n.toggleAttribute('checked', value);
    } else if (value && typeof value === 'object' && 'scrollTop' in value) {
      const box = String(n.dataset.nid) === String(this.pageNid) ? this.host : n;
      this.scrolls.set(box, value);
      if (Math.abs(box.scrollTop - value.scrollTop) > 1) box.scrollTop = value.scrollTop;
      if (Math.abs(box.scrollLeft - value.scrollLeft) > 1) box.scrollLeft = value.scrollLeft;
    }
  },

  /** "A page without .ttml says so": the view warned that the file is missing and rendered nothing. */
  checkEmpty() {
    const page = this.pageNid && this.node(this.pageNid);
    if (page && page.children.length === 0 && state.log.some((e) => e.kind === 'warn' && e.text.includes(this.route + '.ttml does not exist'))) {
      this.showNote(this.route + ' has no .ttml: the page has nothing to show (its logic runs; see Page data).');
    }
  },

  /** Full screen and the flags as the value says; a VideoContext method once per seq (a value may arrive again). */
  command(video, value, restore) {
    if (!value) return;
    video.parentElement.toggleAttribute('full-screen', value.fullScreen === true);
    video.muted = value.muted === true;
    video.loop = value.loop === true;
    video.controls = value.controls === true;
    if (restore || video.ttSeq === value.seq) return;
    video.ttSeq = value.seq;
    switch (value.command) {
      case 'play': this.play(video); break;
      case 'pause': video.pause(); break;
      case 'stop': video.pause(); video.currentTime = 0; break;
      case 'seek': video.currentTime = value.position; break;
      default: break;
    }
  },

  /**
   * The browser refuses sound before the user has clicked in the page (its autoplay policy; the
   * phone has none): then the video plays muted, and the browser's console says why.
   */
  play(video) {
    video.play().catch(() => {
      if (video.muted) return;
      video.muted = true;
      video.play().then(() => console.warn('the browser allows sound only after a click in the page: the video plays muted'), () => {});
    });
  },

  onMedia(e) {
    if (!(e.target instanceof HTMLVideoElement)) return;
    const n = this.target(e);
    if (!n) return;
    const v = e.target;
    // The browser pauses a video that reached its end before it says ended; the platform only says ended.
    if (e.type === 'pause' && v.ended) return;
    const detail = e.type === 'timeupdate' ? { currentTime: v.currentTime, duration: Number.isFinite(v.duration) ? v.duration : 0 }
      : e.type === 'error' ? { errMsg: (v.error && v.error.message) || 'the video cannot be played' } : {};
    send({ cmd: 'media', nid: Number(n.dataset.nid), type: e.type, detail });
  },

  target(e) {
    const path = e.composedPath();
    return path.find((n) => n instanceof Element && n.dataset && n.dataset.nid !== undefined) || null;
  },

  onClick(e) {
    const n = this.target(e);
    if (!n) return;
    if (this.swiped) { this.swiped = false; return; } // the click that ends a swipe is not a tap
    if (e.target.tagName === 'INPUT' || e.target.tagName === 'TEXTAREA') return; // focusing a field is not a tap
    // A picker's native select is tapped and opens: the page hears the tap, the browser shows the options.
    if (e.target.tagName !== 'SELECT') e.preventDefault();
    send({ cmd: 'tap', nid: Number(n.dataset.nid) });
  },

  /** Typing: only into the field of an input or textarea (a range or a select says change). */
  onInput(e) {
    const n = this.target(e);
    if (n && (n.tagName === 'TT-INPUT' || n.tagName === 'TT-TEXTAREA')) {
      send({ cmd: 'input', nid: Number(n.dataset.nid), text: e.target.value });
    }
  },

  /**
   * A slider let go (its number) or a picker's native control chosen (an index, a time/date
   * string, or for a multiSelector the index of every column).
   */
  onChange(e) {
    const n = this.target(e);
    if (!n) return;
    if (n.tagName === 'TT-SLIDER' && e.target.type === 'range') {
      send({ cmd: 'change', nid: Number(n.dataset.nid), value: Number(e.target.value) });
    } else if (n.tagName === 'TT-PICKER' && e.target.classList.contains('tt-picker-native')) {
      let value = e.target.tagName === 'SELECT' ? Number(e.target.value) : e.target.value;
      if (e.target.dataset.column !== undefined) {
        value = Array.from(n.querySelectorAll('select[data-column]'), (column) => Number(column.value));
      }
      send({ cmd: 'change', nid: Number(n.dataset.nid), value });
    }
  },

  onPointerDown(e) {
    const swiper = e.composedPath().find((el) => el instanceof Element && el.tagName === 'TT-SWIPER');
    this.press = swiper ? { x: e.clientX, y: e.clientY, swiper } : null;
    this.swiped = false;
  },

  /** A swipe that starts on a swiper (40 px along its axis, more than across it) shows the next or previous item. */
  onPointerUp(e) {
    const press = this.press;
    this.press = null;
    if (!press) return;
    const swiper = press.swiper;
    const vertical = swiper.hasAttribute('vertical');
    const along = vertical ? e.clientY - press.y : e.clientX - press.x;
    const across = vertical ? e.clientX - press.x : e.clientY - press.y;
    if (Math.abs(along) < 40 || Math.abs(along) <= Math.abs(across)) return;
    this.swiped = true;
    setTimeout(() => { this.swiped = false; }, 0); // only the click this very release makes is swallowed
    const items = swiper.querySelectorAll(':scope > tt-swiper-item').length;
    const current = Number(swiper.style.getPropertyValue('--tt-swiper-current') || 0);
    const next = Math.max(0, Math.min(items - 1, current + (along < 0 ? 1 : -1)));
    if (next !== current) send({ cmd: 'change', nid: Number(swiper.dataset.nid), value: next });
  },

  onScroll(box) {
    if (box.tagName === 'TT-PICKER-VIEW-COLUMN' || this.scrollPending) return;
    this.scrollPending = true;
    requestAnimationFrame(() => {
      this.scrollPending = false;
      const nid = box === this.host ? this.pageNid : box.dataset && box.dataset.nid;
      const known = this.scrolls.get(box);
      if (nid == null || (known && Math.abs(known.scrollTop - box.scrollTop) <= 1 && Math.abs(known.scrollLeft - box.scrollLeft) <= 1)) return;
      this.scrolls.set(box, { scrollTop: box.scrollTop, scrollLeft: box.scrollLeft });
      send({ cmd: 'scroll', nid: Number(nid), left: box.scrollLeft, top: box.scrollTop });
    });
  },

  onScrollEnd(box) {
    if (box.tagName !== 'TT-PICKER-VIEW-COLUMN') return;
    const known = this.scrolls.get(box);
    if (known && Math.abs(known.scrollTop - box.scrollTop) <= 1) return;
    this.scrolls.set(box, { scrollTop: box.scrollTop, scrollLeft: box.scrollLeft });
    send({ cmd: 'scroll', nid: Number(box.dataset.nid), left: box.scrollLeft, top: box.scrollTop });
  },

  // ---- live video -----------------------------------------------------------------------------

  /** A binary frame: 4-byte header length, JSON header, JPEG. */
  onFrame(buffer) {
    const length = new DataView(buffer).getUint32(0);
    const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 4, length)));
    const url = URL.createObjectURL(new Blob([new Uint8Array(buffer, 4 + length)], { type: 'image/jpeg' }));
    const previous = this.frames.get(header.key);
    const stats = previous ? previous.stats : { received: 0, shown: 0, firstDecoded: header.decoded, decoded: 0, since: performance.now() };
    stats.received += 1;
    stats.decoded = header.decoded;
    this.frames.set(header.key, { header, url, stats });
    if (previous) setTimeout(() => URL.revokeObjectURL(previous.url), 1000);
    renderTile(header, url, stats);
    this.paintRooms(header.key);
  },

  frameGone(key) {
    const frame = this.frames.get(key);
    if (frame) { this.frames.delete(key); setTimeout(() => URL.revokeObjectURL(frame.url), 1000); }
    const tile = document.querySelector(`[data-tile="${CSS.escape(key)}"]`);
    if (tile) tile.remove();
    for (const room of this.root.querySelectorAll(`tt-rtc-room[data-tile="${CSS.escape(key)}"] > img`)) room.remove();
  },

  paintAllRooms() { for (const key of this.frames.keys()) this.paintRooms(key); },

  /** Every rtc-room of the page that shows this tile gets the newest picture. */
  paintRooms(key) {
    const frame = this.frames.get(key);
    if (!frame) return;
    for (const room of this.root.querySelectorAll(`tt-rtc-room[data-tile="${CSS.escape(key)}"]`)) {
      let img = room.querySelector(':scope > img');
      if (!img) {
        img = Object.assign(document.createElement('img'), { alt: key });
        img.onload = () => { img.dataset.frames = String(Number(img.dataset.frames || 0) + 1); };
        room.prepend(img);
      }
      if (img.src !== frame.url) img.src = frame.url;
    }
  },

  // ---- the frame around the page ------------------------------------------------------------

  renderWindow(m) {
    const frame = $('phone');
    frame.style.width = (m.width + 20) + 'px';
    frame.style.height = (Math.min(m.height, 760) + 20) + 'px';
    const bar = m.navigationBar || {};
    const nav = $('phone-nav');
    nav.style.background = bar.backgroundColor || '#000';
    nav.style.color = bar.frontColor || '#fff';
    nav.hidden = bar.style === 'custom';
    $('phone-nav-title').textContent = bar.title || '';
    $('phone-nav-loading').hidden = !bar.loading;
    const tabs = $('phone-tabbar');
    tabs.hidden = !m.tabBar;
    if (m.tabBar) {
      tabs.style.background = m.tabBar.backgroundColor || '#fff';
      tabs.replaceChildren(...m.tabBar.items.map((item, index) => el('button', {
        type: 'button', className: 'tab' + (index === m.tabBar.selectedIndex ? ' selected' : ''),
        textContent: item.text + (item.badge ? ' (' + item.badge + ')' : '') + (item.redDot ? ' •' : ''),
        onclick: () => send({ cmd: 'tapTab', index })
      })));
      for (const [index, tab] of [...tabs.children].entries()) {
        tab.style.color = index === m.tabBar.selectedIndex ? m.tabBar.selectedColor : m.tabBar.color;
      }
    }
  }
};

/** The tile beside the phone: the same pictures, larger, with the rates shown. */
function renderTile(header, url, stats) {
  let tile = document.querySelector(`#tiles [data-tile="${CSS.escape(header.key)}"]`);
  if (!tile) {
    const img = el('img', { alt: header.kind + ' of ' + header.userId });
    tile = el('figure', { className: 'tile' }, img,
      el('figcaption', { className: 'label', textContent: header.userId + (header.kind === 'screen' ? ' · screen' : '') }));
    tile.dataset.tile = header.key;
    tile.dataset.user = header.userId;
    img.onload = () => {
      const s = phone.frames.get(header.key);
      if (s) s.stats.shown += 1;
      tile.dataset.shown = String(s ? s.stats.shown : 0);
    };
    $('tiles').append(tile);
  }
  tile.querySelector('img').src = url;
  tile.dataset.frames = String(stats.received);
  tile.dataset.decoded = String(stats.decoded - stats.firstDecoded);
  tile.classList.toggle('speaking', state.speaking.has(header.userId));
}

/** Pictures shown per tile against pictures decoded, since the page first saw the tile. */
window.ttSimVideoStats = () => Object.fromEntries([...phone.frames.entries()].map(([key, f]) => [key, {
  shown: f.stats.shown, received: f.stats.received, decoded: f.stats.decoded - f.stats.firstDecoded,
  seconds: (performance.now() - f.stats.since) / 1000
}]));
