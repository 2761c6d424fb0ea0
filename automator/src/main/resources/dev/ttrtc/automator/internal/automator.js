// The automator's helper inside one instance: page ids, page data and methods, tt calls, mocks
// and bindings, run through MiniProgram.evaluate on the instance's loop. Installed once per
// instance as a non-enumerable global, so the mini-program's own code does not see it in a for-in.
(function () {
  if (globalThis.__ttAutomator) return true;

  // A page instance keeps its id for life; ids are never reused (the client caches pages by id).
  const pageIds = new WeakMap();
  let lastPageId = 0;
  // method -> the tt function a mock replaced, for restore.
  const origins = Object.create(null);

  function pageId(page) {
    let id = pageIds.get(page);
    if (id === undefined) {
      id = ++lastPageId;
      pageIds.set(page, id);
    }
    return id;
  }

  function describe(page) {
    return { pageId: pageId(page), path: page.route, query: page.options || {} };
  }

  function page(id) {
    const found = getCurrentPages().find(function (p) { return pageId(p) === id; });
    if (!found) throw new Error('page ' + id + ' is not in the page stack');
    return found;
  }

  // The setData path grammar: a.b[1].c
  function read(value, path) {
    const keys = String(path).replace(/\[(\d+)\]/g, '.$1').split('.').filter(function (k) { return k !== ''; });
    for (let i = 0; i < keys.length; i++) {
      if (value === null || value === undefined) return undefined;
      value = value[keys[i]];
    }
    return value;
  }

  // Host rule (as ApiMock's): these answer by returning; every other API takes success/fail.
  function answersByReturning(method) {
    return /Sync$/.test(method) || /^(create|canIUse$)/.test(method) || /(Manager|Context|Engine)$/.test(method);
  }

  function callAsync(fn, method, options) {
    return new Promise(function (resolve, reject) {
      const params = Object.assign({}, options || {});
      params.success = function (res) { resolve(res); };
      params.fail = function (res) { reject(new Error((res && res.errMsg) || method + ':fail')); };
      fn.call(tt, params);
    });
  }

  function answer(method, result, params) {
    const errMsg = result && typeof result.errMsg === 'string' ? result.errMsg : '';
    const payload = Object.assign({ errMsg: method + ':ok' }, result);
    const failed = errMsg.indexOf(':fail') >= 0;
    setTimeout(function () {
      if (!params) return;
      if (failed && typeof params.fail === 'function') params.fail(payload);
      if (!failed && typeof params.success === 'function') params.success(payload);
      if (typeof params.complete === 'function') params.complete(payload);
    }, 0);
  }

  function mocked(method, origin, kind, value, extra) {
    if (kind === 'result') {
      return answersByReturning(method)
        ? function () { return value; }
        : function (params) { answer(method, value, params); };
    }
    const fn = (0, eval)('(' + value + '\n)');
    if (typeof fn !== 'function') throw new Error('the mock for tt.' + method + ' is not a function');
    const self = { origin: origin, callOrigin: origin };
    return function () {
      const args = Array.prototype.slice.call(arguments);
      const returned = fn.apply(self, args.concat(extra));
      if (answersByReturning(method) || returned === undefined) return returned;
      // An asynchronous API: what the function returns (or resolves to) is the result.
      const params = args[0];
      Promise.resolve(returned).then(function (result) { answer(method, result, params); },
        function (error) { answer(method, { errMsg: method + ':fail ' + (error && error.message) }, params); });
    };
  }

  const api = {
    stack: function () { return getCurrentPages().map(describe); },
    current: function () {
      const pages = getCurrentPages();
      if (pages.length === 0) throw new Error('no page is open');
      return describe(pages[pages.length - 1]);
    },
    data: function (id, path) {
      const data = page(id).data;
      return { data: path === null || path === undefined ? data : read(data, path) };
    },
    setData: function (id, data) {
      return new Promise(function (resolve) { page(id).setData(data, function () { resolve({}); }); });
    },
    callMethod: function (id, method, args) {
      const p = page(id);
      if (typeof p[method] !== 'function') throw new Error('page ' + p.route + ' has no method ' + method);
      return Promise.resolve(p[method].apply(p, args)).then(function (result) { return { result: result }; });
    },
    callWx: function (method, args) {
      const fn = tt[method];
      if (typeof fn !== 'function') throw new Error('tt.' + method + ' does not exist');
      if (answersByReturning(method)) return { result: fn.apply(tt, args) };
      return callAsync(fn, method, args[0]).then(function (result) { return { result: result }; });
    },
    mock: function (method, kind, value, extra) {
      if (!(method in origins)) origins[method] = tt[method];
      tt[method] = mocked(method, origins[method], kind, value, extra || []);
      return {};
    },
    restore: function (method) {
      if (method in origins) {
        tt[method] = origins[method];
        delete origins[method];
      }
      return {};
    },
    evaluate: function (declaration, args) {
      const fn = (0, eval)('(' + declaration + '\n)');
      const result = typeof fn === 'function' ? fn.apply(null, args) : fn;
      return Promise.resolve(result).then(function (value) { return { result: value }; });
    },
    // exposeFunction: calls are printed on the console with this marker; the endpoint turns them
    // into App.bindingCalled events and leaves them out of App.logAdded.
    addBinding: function (name, marker) {
      Object.defineProperty(globalThis, name, {
        configurable: true, writable: true, enumerable: false,
        value: function () {
          console.debug(marker + JSON.stringify({ name: name, args: Array.prototype.slice.call(arguments) }));
        }
      });
      return {};
    }
  };
  Object.defineProperty(globalThis, '__ttAutomator', { value: api, enumerable: false });
  return true;
})()
