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
  let enterOptions = launchOptions; // the options of the latest App onShow
  // Page ids name page instances to the host (navigation bar state per page); not visible to pages.
  const pageIds = new WeakMap();
  let nextPageId = 1;
  // app.json tabBar: the tab routes in order; tab pages stay alive while another tab is shown.
  let tabRoutes = [];
  const aliveTabs = new Map();    // route -> tab page instance, shown or hidden

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

  // --- app events: App hooks and the tt.on<Event> listeners ---------------------------------

  // event -> the App hook that receives it first; the tt listeners follow in registration order.
  const APP_HOOKS = {
    appShow: 'onShow', appHide: 'onHide', error: 'onError',
    unhandledRejection: 'onUnhandledRejection', pageNotFound: 'onPageNotFound'
  };
  const appListeners = {};
  for (const event of Object.keys(APP_HOOKS)) appListeners[event] = [];

  // What an error listener throws is reported without being delivered to the error listeners again.
  function emitApp(event, payload) {
    const listeners = appListeners[event].slice();
    const hook = APP_HOOKS[event];
    const report = event === 'error' ? host.reportErrorUndelivered : host.reportError;
    host.appEvent(event, listeners.length);
    if (app !== undefined && typeof app[hook] === 'function') {
      host.lifecycle('App', hook);
      try {
        app[hook](payload);
      } catch (e) {
        report(e);
      }
    }
    for (const listener of listeners) {
      try {
        listener(payload);
      } catch (e) {
        report(e);
      }
    }
  }

  function hasAppHandler(event) {
    return appListeners[event].length > 0 || (app !== undefined && typeof app[APP_HOOKS[event]] === 'function');
  }

  function showOptions() {
    const top = stack[stack.length - 1];
    enterOptions = {
      path: top ? top.route : launchOptions.path,
      query: top ? top.options : launchOptions.query,
      scene: launchOptions.scene,
      referrerInfo: launchOptions.referrerInfo
    };
    return enterOptions;
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

  // In a page file, Component() builds the page; elsewhere it defines a custom component. A page
  // file that other files use as a component too does both.
  function Component(options) {
    if (registeringRoute !== null) {
      if (definitions.has(registeringRoute)) {
        throw new Error('Page() or Component() was called twice in ' + registeringRoute + '.js');
      }
      const page = model.pageDefinition(options, registeringRoute);
      definitions.set(registeringRoute, page);
      // One definition serves both (its definitionFilter runs once).
      if (model.loadingComponent() === registeringRoute) model.adoptComponent(page.componentDef);
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
    const page = model.createPage(definitions.get(route), route, query);
    pageIds.set(page, nextPageId++);
    return page;
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
                   toJson(stack.map(function (p) { return p.route; })), pageIds.get(top));
  }

  function open(route, query) {
    const page = createPage(route, query);
    if (tabRoutes.indexOf(route) >= 0) aliveTabs.set(route, page);
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

  function unload(page) {
    if (aliveTabs.get(page.route) === page) aliveTabs.delete(page.route);
    invoke(page.route, page, 'onUnload', []);
    model.pageUnloaded(page);
    host.pageUnloaded(pageIds.get(page));
  }

  function unloadTop() {
    unload(stack.pop());
  }

  // Unloads every page and every hidden tab page (reLaunch, close).
  function unloadEverything() {
    while (stack.length > 0) unloadTop();
    for (const page of Array.from(aliveTabs.values())) unload(page);
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
      return { error: 'url is invalid', errNo: ERR_PARAMETER };
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
      return { error: 'url "' + route + '" is not in app.json', errNo: ERR_NOT_IN_APP_JSON };
    }
    return { route: route, query: query };
  }

  // --- tab bar ------------------------------------------------------------------------------

  // Tab switch as the platform documents it: non-tab pages unload top first, the shown tab page
  // hides and stays alive, the target tab page shows (loading first when it never was).
  function switchTab(url) {
    const target = resolveUrl(url);
    if (target.error) return target;
    if (tabRoutes.indexOf(target.route) < 0) {
      return { error: 'can not switch to no-tabBar page', errNo: ERR_NOT_IN_APP_JSON };
    }
    const top = stack[stack.length - 1];
    if (top !== undefined && top.route === target.route && aliveTabs.get(top.route) === top) return null;
    while (stack.length > 0) {
      const page = stack.pop();
      if (aliveTabs.get(page.route) === page) {
        if (page === top) hidePage(page);
      } else {
        unload(page);
      }
    }
    const alive = aliveTabs.get(target.route);
    if (alive !== undefined) {
      stack.push(alive);
      reportStack();
      model.pageShown(alive);
      showPage(alive);
    } else {
      open(target.route, {});
    }
    return null;
  }

  const ERR_PARAMETER = 20000;
  const ERR_NOT_IN_APP_JSON = 21500;

  // Returns null on success, or {error: errMsg detail, errNo}.
  function navigate(kind, url, delta) {
    if (kind === 'switchTab') return switchTab(url);
    if (kind === 'navigateBack') {
      if (stack.length <= 1) return { error: 'cannot navigate back at first page.', errNo: ERR_PARAMETER };
      const count = Math.min(Math.max(1, Math.floor(delta) || 1), stack.length - 1);
      for (let i = 0; i < count; i++) unloadTop();
      reportStack();
      const top = stack[stack.length - 1];
      model.pageShown(top);
      showPage(top);
      return null;
    }
    const target = resolveUrl(url);
    if (target.error) return target;
    if (kind !== 'reLaunch' && tabRoutes.indexOf(target.route) >= 0) {
      return { error: 'can not ' + kind + ' a tabbar page', errNo: ERR_NOT_IN_APP_JSON };
    }
    const top = stack[stack.length - 1];
    if (kind === 'navigateTo') {
      if (stack.length >= MAX_STACK_DEPTH) return { error: 'webview count limit exceed', errNo: ERR_PARAMETER };
      if (top !== undefined) hidePage(top);
    } else if (kind === 'redirectTo') {
      if (top !== undefined) unloadTop();
    } else if (kind === 'reLaunch') {
      unloadEverything();
    } else {
      return { error: 'unknown navigation ' + kind, errNo: ERR_PARAMETER };
    }
    open(target.route, target.query);
    return null;
  }

  // --- page events the view and the embedder send ---------------------------------------------

  // Calls a hook of the top page (onPullDownRefresh, onReachBottom, onPageScroll,
  // onShareAppMessage, onTabItemTap); returns {found, value}.
  function pageEvent(hook, arg) {
    const page = stack[stack.length - 1];
    if (page === undefined || typeof page[hook] !== 'function') return { found: false };
    return { found: true, value: invoke(page.route, page, hook, arg === undefined ? [] : [arg]) };
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
    setTabRoutes: function (routes) { tabRoutes = routes; },
    launch: function (route, query, scene) {
      launchOptions = { path: route, query: query, scene: scene, referrerInfo: {} };
      enterOptions = launchOptions;
      invoke('App', app, 'onLaunch', [launchOptions]);
      emitApp('appShow', launchOptions);
      open(route, query);
    },
    // The launch page does not exist: the app's onPageNotFound handlers decide what opens (they
    // redirect, switchTab or reLaunch). Returns false when the app has no handler.
    launchNotFound: function (route, query, scene) {
      if (!hasAppHandler('pageNotFound')) return false;
      launchOptions = { path: route, query: query, scene: scene, referrerInfo: {} };
      enterOptions = launchOptions;
      invoke('App', app, 'onLaunch', [launchOptions]);
      emitApp('appShow', launchOptions);
      emitApp('pageNotFound', { path: route, query: query, isEntryPage: true });
      return true;
    },
    navigate: navigate,
    pageEvent: pageEvent,
    emitApp: emitApp,
    emitRejection: function (reason, promise) {
      emitApp('unhandledRejection', { reason: reason, promise: promise });
    },
    addAppListener: function (event, listener) { appListeners[event].push(listener); },
    removeAppListener: function (event, listener) {
      appListeners[event] = listener === undefined ? [] : appListeners[event].filter(function (l) { return l !== listener; });
    },
    launchOptions: function () { return toJson(launchOptions); },
    enterOptions: function () { return toJson(enterOptions); },
    callPageMethod: function (name, event) {
      const page = topPage();
      // Only the page's own methods: not what every object inherits (constructor, valueOf...).
      if (typeof page[name] !== 'function' || page[name] === Object.prototype[name]) {
        throw new Error('page ' + page.route + ' has no method "' + name + '"');
      }
      host.handler(page.route, name);
      return page[name](event);
    },
    hide: function () {
      const page = stack[stack.length - 1];
      if (page) hidePage(page);
      emitApp('appHide', undefined);
    },
    show: function () {
      emitApp('appShow', showOptions());
      const page = stack[stack.length - 1];
      if (page) showPage(page);
    },
    unloadAll: function () {
      if (stack.length > 0) hidePage(stack[stack.length - 1]);
      unloadEverything();
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
