// Logs every event a handler got, as the page saw it; the automator's event tests read the log.
Page({
  data: { log: [], scrolled: -1 },
  onEvent: function (e) {
    var entry = { type: e.type, detail: e.detail, current: e.currentTarget.id, kind: e.currentTarget.dataset.kind,
      target: e.target.id, touches: e.touches ? e.touches.length : -1 };
    this.setData({ log: this.data.log.concat([entry]) });
  },
  onPageScroll: function (e) {
    this.setData({ scrolled: e.scrollTop });
  }
});
