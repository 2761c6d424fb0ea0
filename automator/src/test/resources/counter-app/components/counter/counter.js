// A component the automator's Element.getData / setData / callMethod tests drive.
Component({
  properties: { label: { type: String, value: 'count' } },
  data: { count: 0, items: [{ name: 'a' }, { name: 'b' }] },
  methods: {
    add(n) {
      this.setData({ count: this.data.count + n });
      return this.data.count;
    },
    doubleLater(n) {
      return new Promise(function (resolve) { setTimeout(function () { resolve(n * 2); }, 0); });
    },
    fail() {
      throw new Error('counter broke');
    }
  }
});
