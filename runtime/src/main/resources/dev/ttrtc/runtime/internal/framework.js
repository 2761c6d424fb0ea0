// The mini-program framework: App(), Page(), Component(), getApp(), getCurrentPages(), the page
// stack with its lifecycle. Evaluated once per instance; the object it returns is driven by
// the host on the instance's loop thread. `host` reports what happens back to Java; `model`
// (components.js) builds page and component instances and owns setData.
(function (host, helpers, model) {
  'use strict';
  const global = globalThis;
  const MAX_STACK_DEPTH = 10;
  const toJson = helpers.toJson;

  let app;                        // the object passed to App(), undefined until then
  const definitions = new Map();  // route -> the options passed to Page() in that page's file
  let registeringRoute = null;    // the page file being evaluated, where Page() is allowed
  const stack = [];               // open page instances, bottom first
  let launchOptions = { path: '', query: {}, scene: 1001, referrerInfo: {} };

  function invoke(owner, target, hook, args) {
    if (!target || typeof target[hook] !== 'function') return undefined;
    host.lifecycle(owner, hook);
    try {
      return target[hook].apply(target, args);
    } catch (e) {
      host.reportError(e);
      return undefined;
    }
  }

  // --- registration -------------------------------------------------------------------------

  function App(options) {
    if (app !== undefined) throw new Error('App() may be called only once');
    if (options === null || typeof options !== 'object') throw new TypeError('App() expects an object');
    app = options;
  }

  function Page(options) {
    if (registeringRoute === null) {
      throw new Error('Page() may be called only while a page file listed in app.json loads');
    }
    if (definitions.has(registeringRoute)) {
      throw new Error('Page() was called twice in ' + registeringRoute + '.js');
    }
    definitions.set(registeringRoute, options === undefined ? {} : options);
  }

  // In a page file, Component() builds the page; elsewhere it defines a custom component.
  function Component(options) {
    if (registeringRoute !== null) {
      if (definitions.has(registeringRoute)) {
        throw new Error('Page() or Component() was called twice in ' + registeringRoute + '.js');
      }
      definitions.set(registeringRoute, model.pageDefinition(options, registeringRoute));
      return;
    }
    model.Component(options);
  }

  function getApp() {
    return app;
  }

  function getCurrentPages() {
    return stack.slice();
  }

  // --- pages --------------------------------------------------------------------------------

  function createPage(route, query) {
    return model.createPage(definitions.get(route), route, query);
  }

  // pageLifetimes of the page's components run before the page's own onShow/onHide.
  function showPage(page) {
    model.pageLifetime(page, 'show', [{}]);
    invoke(page.route, page, 'onShow', []);
  }

  function hidePage(page) {
    model.pageLifetime(page, 'hide', []);
    invoke(page.route, page, 'onHide', []);
  }

  function reportStack() {
    const top = stack[stack.length - 1];
    host.pageShown(top.route, toJson(top.options), toJson(top.data),
                   toJson(stack.map(function (p) { return p.route; })));
  }

  function open(route, query) {
    const page = createPage(route, query);
    stack.push(page);
    reportStack();
    model.pageRendered(page);  // the first render, before onLoad
    model.pageShown(page);
    invoke(route, page, 'onLoad', [query]);
    showPage(page);
    host.nextTurn(function () {
      if (stack.indexOf(page) < 0) return;
      model.pageReady(page);
      invoke(route, page, 'onReady', []);
    });
  }

  function unloadTop() {
    const page = stack.pop();
    invoke(page.route, page, 'onUnload', []);
    model.pageUnloaded(page);
  }

  function parseQuery(text) {
    const query = {};
    if (!text) return query;
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      try {
        query[decodeURIComponent(key)] = decodeURIComponent(value);
      } catch (e) {
        query[key] = value;
      }
    }
    return query;
  }

  // Resolves a navigation url ('/pages/a/a?x=1', '../b/b', 'c?y=2') against the top page.
  function resolveUrl(url) {
    if (typeof url !== 'string' || url.length === 0) {
      return { error: 'parameter error: parameter.url should be String instead of ' + helpers.typeOf(url) };
    }
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = parseQuery(q < 0 ? '' : url.slice(q + 1));
    let parts;
    if (path.startsWith('/') || stack.length === 0) {
      parts = [];
    } else {
      parts = stack[stack.length - 1].route.split('/');
      parts.pop();
    }
    for (const part of path.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop(); else parts.push(part);
    }
    const route = parts.join('/');
    if (!definitions.has(route)) {
      return { error: 'page "' + route + '" is not found' };
    }
    return { route: route, query: query };
  }

  // Returns null on success, or the errMsg detail.
  function navigate(kind, url, delta) {
    if (kind === 'navigateBack') {
      if (stack.length <= 1) return 'cannot navigate back at first page.';
      const count = Math.min(Math.max(1, Math.floor(delta) || 1), stack.length - 1);
      for (let i = 0; i < count; i++) unloadTop();
      reportStack();
      const top = stack[stack.length - 1];
      model.pageShown(top);
      showPage(top);
      return null;
    }
    const target = resolveUrl(url);
    if (target.error) return target.error;
    if (kind === 'navigateTo') {
      if (stack.length >= MAX_STACK_DEPTH) return 'webview count limit exceed';
      hidePage(stack[stack.length - 1]);
    } else if (kind === 'redirectTo') {
      unloadTop();
    } else if (kind === 'reLaunch') {
      while (stack.length > 0) unloadTop();
    } else {
      return 'unknown navigation ' + kind;
    }
    open(target.route, target.query);
    return null;
  }

  function topPage() {
    const page = stack[stack.length - 1];
    if (page === undefined) throw new Error('no page is open');
    return page;
  }

  global.App = App;
  global.Page = Page;
  global.Component = Component;
  global.Behavior = model.Behavior;
  global.getApp = getApp;
  global.getCurrentPages = getCurrentPages;

  return {
    beginPage: function (route) { registeringRoute = route; },
    beginComponent: model.beginComponent,
    endComponent: model.endComponent,
    endPage: function (route) {
      registeringRoute = null;
      return definitions.has(route);
    },
    hasApp: function () { return app !== undefined; },
    launch: function (route, query, scene) {
      launchOptions = { path: route, query: query, scene: scene, referrerInfo: {} };
      invoke('App', app, 'onLaunch', [launchOptions]);
      invoke('App', app, 'onShow', [launchOptions]);
      open(route, query);
    },
    navigate: navigate,
    callPageMethod: function (name, event) {
      const page = topPage();
      if (typeof page[name] !== 'function') {
        throw new Error('page ' + page.route + ' has no method "' + name + '"');
      }
      host.lifecycle(page.route, name);
      return page[name](event);
    },
    hide: function () {
      const page = stack[stack.length - 1];
      if (page) hidePage(page);
      invoke('App', app, 'onHide', []);
    },
    show: function () {
      invoke('App', app, 'onShow', [launchOptions]);
      const page = stack[stack.length - 1];
      if (page) showPage(page);
    },
    unloadAll: function () {
      if (stack.length > 0) hidePage(stack[stack.length - 1]);
      while (stack.length > 0) unloadTop();
    },
    makeEvent: function (type, detailJson, datasetJson) {
      const target = { id: '', dataset: helpers.parseJson(datasetJson) };
      return {
        type: type,
        timeStamp: Date.now(),
        detail: helpers.parseJson(detailJson),
        target: target,
        currentTarget: { id: target.id, dataset: helpers.parseJson(datasetJson) },
        mark: {}
      };
    }
  };
})
