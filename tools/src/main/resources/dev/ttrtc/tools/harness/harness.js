// The driver side of script tests: test(), beforeEach(), afterEach(), the `t` object a test
// receives, and assertions with readable diffs. Runs in its own trusted context, never inside a
// mini-program. `host` is the Java side; `file` is the test file's name as it appears in stacks.
(function (host, file) {
  'use strict';
  const global = globalThis;
  const registered = [];
  const hooks = { beforeEach: [], afterEach: [] };
  let onlyMode = false;

  function register(name, a, b, mode) {
    if (typeof name !== 'string' || name.length === 0) throw new TypeError('test(name, fn): name must be a non-empty string');
    const options = typeof a === 'function' ? {} : (a || {});
    const fn = typeof a === 'function' ? a : b;
    if (typeof fn !== 'function') throw new TypeError('test("' + name + '"): the test body must be a function');
    if (registered.some((t) => t.name === name)) throw new Error('two tests are named "' + name + '"');
    if (mode === 'only') onlyMode = true;
    registered.push({ name, fn, mode, timeout: options.timeout });
  }
  function test(name, a, b) { register(name, a, b, 'normal'); }
  test.only = function (name, a, b) { register(name, a, b, 'only'); };
  test.skip = function (name, a, b) { register(name, a, b, 'skip'); };
  global.test = test;
  global.beforeEach = function (fn) { hooks.beforeEach.push(fn); };
  global.afterEach = function (fn) { hooks.afterEach.push(fn); };

  // ---- values and diffs -----------------------------------------------------------------------

  function show(value, indent) {
    const seen = [];
    const pad = (n) => '  '.repeat(n);
    function walk(v, depth) {
      if (v === undefined) return 'undefined';
      if (v === null) return 'null';
      if (typeof v === 'string') return JSON.stringify(v);
      if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
      if (typeof v === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
      if (typeof v === 'symbol') return v.toString();
      if (v instanceof Error) return v.name + ': ' + v.message;
      if (v instanceof RegExp) return String(v);
      if (seen.indexOf(v) >= 0) return '[Circular]';
      seen.push(v);
      try {
        if (Array.isArray(v)) {
          if (v.length === 0) return '[]';
          return '[\n' + v.map((x) => pad(depth + 1) + walk(x, depth + 1)).join(',\n') + '\n' + pad(depth) + ']';
        }
        const keys = Object.keys(v).sort();
        if (keys.length === 0) return '{}';
        return '{\n' + keys.map((k) => pad(depth + 1) + JSON.stringify(k) + ': ' + walk(v[k], depth + 1)).join(',\n')
          + '\n' + pad(depth) + '}';
      } finally {
        seen.pop();
      }
    }
    return walk(value, indent || 0);
  }

  // A line diff of two renderings: "- " expected, "+ " actual, "  " both.
  function diff(expected, actual) {
    const a = show(expected).split('\n');
    const b = show(actual).split('\n');
    const lcs = [];
    for (let i = 0; i <= a.length; i++) lcs.push(new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    const out = [];
    let i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push('  ' + a[i]); i++; j++; }
      else if (lcs[i + 1][j] >= lcs[i][j + 1]) { out.push('- ' + a[i]); i++; }
      else { out.push('+ ' + b[j]); j++; }
    }
    while (i < a.length) out.push('- ' + a[i++]);
    while (j < b.length) out.push('+ ' + b[j++]);
    return out.join('\n');
  }

  function deepEqual(x, y) {
    if (Object.is(x, y)) return true;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x) !== Array.isArray(y)) return false;
    const kx = Object.keys(x), ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    return kx.every((k) => Object.prototype.hasOwnProperty.call(y, k) && deepEqual(x[k], y[k]));
  }

  // ---- assertions ---------------------------------------------------------------------------------

  class AssertionError extends Error {
    constructor(message, details) {
      super(message);
      this.name = 'AssertionError';
      Object.assign(this, details || {});
    }
  }

  function fail(message, details) {
    throw new AssertionError(message, details);
  }

  function label(message, fallback) {
    return message === undefined ? fallback : message;
  }

  function matches(value, expected) {
    if (expected === undefined) return true;
    if (expected instanceof RegExp) return expected.test(String(value && value.message !== undefined ? value.message : value));
    if (typeof expected === 'string') return String(value && value.message !== undefined ? value.message : value).includes(expected);
    if (typeof expected === 'function') return value instanceof expected;
    if (typeof expected === 'object') {
      return Object.keys(expected).every((k) => deepEqual(value && value[k], expected[k]));
    }
    return false;
  }

  const assertions = {
    equal(actual, expected, message) {
      if (!Object.is(actual, expected)) {
        fail(label(message, 'expected values to be equal'), { expected: show(expected), actual: show(actual), diff: diff(expected, actual) });
      }
    },
    notEqual(actual, unexpected, message) {
      if (Object.is(actual, unexpected)) fail(label(message, 'expected ' + show(actual) + ' to differ'));
    },
    deepEqual(actual, expected, message) {
      if (!deepEqual(actual, expected)) {
        fail(label(message, 'expected values to be deeply equal'), { expected: show(expected), actual: show(actual), diff: diff(expected, actual) });
      }
    },
    ok(value, message) {
      if (!value) fail(label(message, 'expected a truthy value, got ' + show(value)));
    },
    match(actual, pattern, message) {
      const text = String(actual);
      const ok = pattern instanceof RegExp ? pattern.test(text) : text.includes(String(pattern));
      if (!ok) fail(label(message, 'expected ' + show(text) + ' to match ' + String(pattern)), { expected: String(pattern), actual: show(text) });
    },
    throws(fn, expected, message) {
      try {
        fn();
      } catch (e) {
        if (!matches(e, expected)) fail(label(message, 'the thrown ' + show(e) + ' does not match ' + show(expected)));
        return e;
      }
      fail(label(message, 'expected the function to throw'));
    },
    async rejects(promiseOrFn, expected, message) {
      const promise = typeof promiseOrFn === 'function' ? promiseOrFn() : promiseOrFn;
      try {
        await promise;
      } catch (e) {
        if (!matches(e, expected)) {
          fail(label(message, 'the rejection ' + show(e) + ' does not match ' + show(expected)),
               typeof expected === 'object' && expected !== null && !(expected instanceof RegExp)
                 ? { expected: show(expected), actual: show(e), diff: diff(expected, pick(e, expected)) } : undefined);
        }
        return e;
      }
      fail(label(message, 'expected the promise to reject'));
    }
  };

  function pick(value, shape) {
    const out = {};
    for (const k of Object.keys(shape)) out[k] = value === null || value === undefined ? undefined : value[k];
    return out;
  }

  // ---- the t object -------------------------------------------------------------------------------

  // Wraps a host call that answers through (resolve, reject) into a promise. A rejection carries
  // the stack of the call, so the failure points at the test's line.
  function call(method, ...args) {
    const calledAt = new Error().stack;
    return new Promise((resolve, reject) => host[method](...args, resolve,
      (e) => reject(Object.assign(toError(e), { calledAt: calledAt }))));
  }

  function toError(e) {
    if (e instanceof Error) return e;
    if (e && typeof e === 'object') {
      const error = new Error(e.errMsg || e.message || JSON.stringify(e));
      Object.assign(error, e);
      return error;
    }
    return new Error(String(e));
  }

  function matcherOf(matcher) {
    if (typeof matcher === 'function') return matcher;
    if (typeof matcher === 'string') return (e) => e.name === matcher;
    if (matcher && typeof matcher === 'object') {
      return (e) => Object.keys(matcher).every((k) => deepEqual(e[k], matcher[k]));
    }
    throw new TypeError('waitFor(matcher): a function, an event name, or {kind, name, ...}');
  }

  function describeMatcher(matcher) {
    if (typeof matcher === 'string') return 'an event named "' + matcher + '"';
    if (typeof matcher === 'function') return 'an event passing ' + String(matcher).replace(/\s+/g, ' ').slice(0, 120);
    return 'an event like ' + JSON.stringify(matcher);
  }

  function withPayload(event) {
    event.payload = event.data && event.data.payload;
    return event;
  }

  function instance(handle) {
    const app = {
      id: host.instanceId(handle),
      route: () => host.route(handle),
      data: () => JSON.parse(host.pageData(handle)),
      query: () => JSON.parse(host.query(handle)),
      stack: () => JSON.parse(host.pageStack(handle)),
      events: (filter) => {
        const all = JSON.parse(host.events(handle)).map(withPayload);
        return filter === undefined ? all : all.filter(matcherOf(filter));
      },
      errors: () => app.events({ kind: 'error' }),
      lastSeq: () => host.lastSeq(handle),
      call: (method, event) => call('callPageMethod', handle, method, JSON.stringify(event || {}))
        .then((json) => JSON.parse(json)),
      evaluate: (fn, ...args) => {
        const source = typeof fn === 'function' ? '(' + fn.toString() + ')(...' + JSON.stringify(args) + ')' : String(fn);
        return call('evaluate', handle, source).then((json) => JSON.parse(json));
      },
      waitFor: (matcher, options) => waitOn(handle, matcherOf(matcher), options, describeMatcher(matcher)),
      waitForData: (predicate, options) => {
        if (typeof predicate !== 'function') throw new TypeError('waitForData(predicate): predicate must be a function');
        return waitOn(handle, () => predicate(app.data()), options,
          'page data passing ' + String(predicate).replace(/\s+/g, ' ').slice(0, 120)).then(() => app.data());
      },
      media: (userId) => call('media', handle, String(userId)).then((json) => JSON.parse(json)),
      localMedia: () => JSON.parse(host.localMedia(handle)),
      hide: () => host.hide(handle),
      show: () => host.show(handle),
      close: () => call('closeInstance', handle),
      $: (selector) => {
        const found = host.viewQuery(handle, String(selector));
        return found === null || found === undefined ? null : element(found);
      },
      $$: (selector) => JSON.parse(host.viewQueryAll(handle, String(selector))).map(element),
      html: () => host.viewHtml(handle),
      screenshot: (file) => call('screenshot', handle, String(file))
    };
    return app;
  }

  // One element of an instance's rendered page: reads answer at once, actions resolve once the
  // event was dispatched and the handlers' synchronous part ran.
  function element(handle) {
    const tag = host.elementTag(handle);
    return {
      tag: tag,
      text: () => host.elementText(handle),
      attr: (name) => {
        const value = host.elementAttr(handle, String(name));
        return value === undefined ? null : value;
      },
      dataset: () => JSON.parse(host.elementDataset(handle)),
      visible: () => host.elementVisible(handle),
      tap: () => call('elementTap', handle),
      input: (text) => call('elementInput', handle, String(text)),
      change: (value) => call('elementChange', handle, JSON.stringify(value === undefined ? null : value)),
      scroll: (offset) => call('elementScroll', handle, JSON.stringify(offset || {})),
      trigger: (type, detail) => call('elementTrigger', handle, String(type), JSON.stringify(detail === undefined ? {} : detail)),
      toString: () => '<' + tag + '>'
    };
  }

  // Waits until `test(event)` holds for an entry with seq > since (default: any entry so far).
  function waitOn(handle, test, options, description) {
    const opts = typeof options === 'number' ? { timeout: options } : (options || {});
    const where = new Error().stack;
    return new Promise((resolve, reject) => {
      const check = checked(test, reject);
      host.waitForEvent(handle, opts.since || 0, opts.timeout || 10000, (json) => check(withPayload(JSON.parse(json))),
        (json) => resolve(json === null ? undefined : withPayload(JSON.parse(json))),
        (message) => reject(Object.assign(new AssertionError(message + check.lastError()), { waitedAt: where })), description);
    });
  }

  // A wait's check as the host calls it: any value counts by its truthiness, and one that throws
  // counts as false, its error told when the wait times out. An async check (a promise is always
  // truthy) fails the wait at once: `misuse` rejects it.
  function checked(test, misuse) {
    let error = null;
    const check = (value) => {
      let result;
      try {
        result = test(value);
      } catch (e) {
        error = e;
        return false;
      }
      if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
        misuse(new TypeError('a waitFor/waitForData check must answer at once, not with a promise; use t.waitUntil for async checks'));
        return false;
      }
      return Boolean(result);
    };
    check.lastError = () => (error === null ? '' : '; the check last threw ' + String(error));
    return check;
  }

  function remote(handle) {
    const r = {
      userId: host.remoteUserId(handle),
      join: () => call('remoteJoin', handle),
      leave: () => call('remoteLeave', handle),
      publish: (kind) => call('remotePublish', handle, String(kind), true),
      unpublish: (kind) => call('remotePublish', handle, String(kind), false),
      startCapture: (kind) => host.remoteCapture(handle, String(kind), true),
      stopCapture: (kind) => host.remoteCapture(handle, String(kind), false),
      setVisible: (visible) => call('remoteVisible', handle, !!visible),
      dropConnection: () => call('remoteDrop', handle),
      talk: (options) => host.remoteTalk(handle, JSON.stringify(options || {})),
      silence: () => host.remoteSilence(handle),
      subscribe: (userId, kind) => call('remoteSubscribe', handle, String(userId), String(kind || 'both'), true),
      unsubscribe: (userId, kind) => call('remoteSubscribe', handle, String(userId), String(kind || 'both'), false),
      media: (userId) => call('remoteMedia', handle, String(userId)).then((json) => JSON.parse(json)),
      members: () => JSON.parse(host.remoteMembers(handle)),
      events: (filter) => {
        const all = JSON.parse(host.remoteEvents(handle));
        return filter === undefined ? all : all.filter(matcherOf(filter));
      },
      waitFor: (matcher, options) => {
        const opts = typeof options === 'number' ? { timeout: options } : (options || {});
        const where = new Error().stack;
        return new Promise((resolve, reject) => {
          const check = checked(matcherOf(matcher), reject);
          host.remoteWaitFor(handle, opts.timeout || 10000,
            (json) => check(JSON.parse(json)),
            (json) => resolve(JSON.parse(json)),
            (message) => reject(Object.assign(new AssertionError(message + check.lastError()), { waitedAt: where })),
            describeMatcher(matcher));
        });
      }
    };
    return r;
  }

  function makeT(testHandle, testName) {
    const t = Object.assign({}, assertions);
    t.name = testName;
    t.launch = (projectDir, options) => call('launch', testHandle, String(projectDir), serializeLaunch(options || {}))
      .then((handle) => instance(handle));
    t.remote = (userId, options) => remote(host.remote(testHandle, String(userId), JSON.stringify(options || {})));
    t.token = (options) => host.token(testHandle, JSON.stringify(options || {}));
    t.room = (roomId, appId) => JSON.parse(host.room(testHandle, String(roomId), appId === undefined ? null : String(appId)));
    t.server = {
      url: () => host.serverUrl(testHandle),
      stop: () => call('serverStop', testHandle),
      start: () => call('serverStart', testHandle),
      restart: () => call('serverRestart', testHandle)
    };
    t.timeout = (ms) => host.setTimeout(testHandle, Number(ms));
    // Calls check (it may be async) every `interval` ms until it returns something truthy, which
    // is returned; fails after `timeout` ms.
    t.waitUntil = async (check, options) => {
      const opts = typeof options === 'number' ? { timeout: options } : (options || {});
      const timeout = opts.timeout || 10000;
      const interval = opts.interval || 50;
      const where = new Error().stack;
      const deadline = Date.now() + timeout;
      for (;;) {
        const value = await check();
        if (value) return value;
        if (Date.now() >= deadline) {
          throw Object.assign(new AssertionError('timed out after ' + timeout + ' ms waiting until '
            + String(check).replace(/\s+/g, ' ').slice(0, 120)), { waitedAt: where });
        }
        await new Promise((resolve) => setTimeout(resolve, interval));
      }
    };
    return t;
  }

  function serializeLaunch(options) {
    const mocks = {};
    for (const [name, mock] of Object.entries(options.mocks || {})) {
      if (typeof mock === 'function') mocks[name] = { js: mock.toString() };
      else if (mock && typeof mock === 'object' && 'result' in mock) mocks[name] = { result: mock.result };
      else throw new TypeError('mocks.' + name + ': a function, or { result: value }');
    }
    return JSON.stringify(Object.assign({}, options, { mocks }));
  }

  // ---- running ------------------------------------------------------------------------------------

  function location(error) {
    const stack = String((error && (error.waitedAt || error.calledAt || error.stack)) || '');
    for (const line of stack.split('\n')) {
      const m = /\(?([^()\s]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
      if (m && m[1] === file) return m[1] + ':' + m[2] + ':' + m[3];
    }
    return '';
  }

  function describeFailure(error) {
    const e = error instanceof Error ? error : toError(error);
    return JSON.stringify({
      message: (e.name && e.name !== 'Error' && e.name !== 'AssertionError' ? e.name + ': ' : '') + e.message,
      location: location(e),
      diff: e.diff || '',
      stack: String(e.stack || '')
    });
  }

  async function runOne(name, testHandle) {
    const entry = registered.find((x) => x.name === name);
    const t = makeT(testHandle, name);
    let failure = null;
    try {
      for (const hook of hooks.beforeEach) await hook(t);
      await entry.fn(t);
    } catch (e) {
      failure = e;
    }
    for (const hook of hooks.afterEach) {
      try {
        await hook(t);
      } catch (e) {
        if (failure === null) failure = e;
      }
    }
    return failure === null ? null : describeFailure(failure);
  }

  return {
    // The registered tests in order: [{name, status: 'run' | 'skip', timeout}].
    tests: function () {
      return JSON.stringify(registered.map((x) => ({
        name: x.name,
        status: x.mode === 'skip' || (onlyMode && x.mode !== 'only') ? 'skip' : 'run',
        timeout: x.timeout === undefined ? null : x.timeout
      })));
    },
    run: function (name, testHandle, done) {
      runOne(name, testHandle).then((failure) => done(failure),
                                    (e) => done(describeFailure(e)));
    }
  };
})
