// tt.createSelectorQuery() and this.createSelectorQuery(): requests are collected, then
// exec() asks the view layer (which answers from its render tree) on a later turn and calls
// the callbacks with the results in request order. Evaluated once per instance.
(function (host, helpers) {
  'use strict';
  const viewJson = helpers.viewJson;
  const parseJson = helpers.parseJson;

  // ownerIdOf(instance) gives a page or component's owner id; topPageId() the page on top;
  // clone(value) a plain copy.
  return function (ownerIdOf, topPageId, clone) {
    function createSelectorQuery() {
      const requests = [];
      const callbacks = [];
      let scope = null;
      const query = {};
      function nodesRef(kind, selector) {
        const ref = {};
        function add(fields, callback) {
          requests.push({ kind: kind, selector: selector, ownerId: scope, fields: fields });
          callbacks.push(typeof callback === 'function' ? callback : null);
          return query;
        }
        ref.boundingClientRect = function (callback) { return add({ id: true, dataset: true, rect: true, size: true }, callback); };
        ref.scrollOffset = function (callback) { return add({ id: true, dataset: true, scrollOffset: true }, callback); };
        ref.fields = function (fields, callback) { return add(fields && typeof fields === 'object' ? clone(fields) : {}, callback); };
        return ref;
      }
      query.in = function (component) {
        const id = ownerIdOf(component);
        if (id === undefined) throw new TypeError('SelectorQuery.in expects a component instance');
        scope = id;
        return query;
      };
      query.select = function (selector) { return nodesRef('select', String(selector)); };
      query.selectAll = function (selector) { return nodesRef('selectAll', String(selector)); };
      query.selectViewport = function () { return nodesRef('viewport', ''); };
      query.exec = function (callback) {
        const pending = requests.slice();
        const cbs = callbacks.slice();
        host.nextTurn(function () {
          for (const r of pending) if (r.ownerId === null) r.ownerId = topPageId();
          const results = parseJson(host.viewQuery(viewJson(pending)));
          for (let i = 0; i < cbs.length; i++) {
            if (cbs[i]) {
              try { cbs[i](results[i]); } catch (e) { host.reportError(e); }
            }
          }
          if (typeof callback === 'function') callback(results);
        });
        return query;
      };
      return query;
    }

    return createSelectorQuery;
  };
})
