// The component model of the logic layer: Component() registration and the instances of pages
// and components with their data, setData, properties, observers, lifetimes and events
// (definitions come from component-definitions.js, SelectorQuery from selector-query.js).
// Evaluated once per instance before framework.js, which owns the page stack and asks this
// model to build page instances. `host` reports to Java (and through it to the
// view layer); every function here runs on the instance's loop thread.
(function (host, helpers, definitions, selectorQuery) {
  'use strict';
  const toJson = helpers.toJson;         // for the event log: never fails
  const dataCopy = helpers.dataCopy;
  const viewJson = helpers.viewJson;     // what the view gets: JSON.stringify semantics
  const parseJson = helpers.parseJson;
  const bind = Function.prototype.bind;  // captured before project code can replace it
  const call = Function.prototype.call;
  const reflectApply = Reflect.apply;
  const assignAll = Object.assign;
  const PromiseCtor = Promise;
  // The host functions setData calls on every update, read once: each read of a member of `host`
  // costs a proxy lookup.
  const hostDataChanged = host.dataChanged;
  const hostViewData = host.viewData;
  const hostPageData = host.pageData;

  let nextOwnerId = 1;
  const owners = new Map();          // owner id -> page or component instance
  const idOf = new WeakMap();        // instance -> owner id
  const recordOf = new WeakMap();    // instance -> its record (register)
  const componentDefs = new Map();   // component path -> normalised definition
  let loadingComponent = null;       // the component file being evaluated, where Component() is allowed
  let topPageId = 0;                 // the page on top of the stack: its data is the embedder's snapshot
  let batchDepth = 0;                // setData calls under way (observers may nest them)
  let queuedRecords = [];            // owners whose patch waits for the outermost setData, in order

  function ownerLabel(inst) {
    const record = recordOf.get(inst);
    return record ? record.label : 'unknown';
  }

  function report(e) {
    host.reportError(e);
  }

  function runHook(inst, label, hook, fns, args) {
    if (!fns || fns.length === 0) return;
    host.lifecycle(label, hook);
    for (const fn of fns) {
      try {
        fn.apply(inst, args || []);
      } catch (e) {
        report(e);
      }
    }
  }

  const coerce = definitions.coerce;
  const parsePath = definitions.parsePath;
  const assign = definitions.assign;
  const read = definitions.read;
  const clone = definitions.clone;
  const sameJson = definitions.sameJson;
  const createSelectorQuery = selectorQuery(function (inst) { return idOf.get(inst); }, function () { return topPageId; }, clone);

  // --- registration ----------------------------------------------------------------------------

  function Component(options, pageRoute) {
    const path = pageRoute || loadingComponent;
    if (path === null || path === undefined) {
      throw new Error('Component() may be called only while a component file (or a page file) loads');
    }
    if (!pageRoute && componentDefs.has(path)) throw new Error('Component() was called twice in ' + path + '.js');
    const def = definitions.build(options, path);
    if (!pageRoute) componentDefs.set(path, def);
    return def;
  }

  // --- setData, observers and the view -------------------------------------------------------

  function touches(watched, changed) {
    const n = Math.min(watched.segments.length, changed.length);
    for (let i = 0; i < n; i++) {
      if (String(watched.segments[i]) !== String(changed[i])) return false;
    }
    return true;
  }

  // Runs the observers a set of changed paths reach (each once, in definition order), then the
  // property observers of changed properties, as the platform orders them.
  function runObservers(inst, def, changedPaths, oldProps) {
    if (def.observers.length > 0 && changedPaths.length > 0) {
      for (const observer of def.observers) {
        const hit = observer.paths.some(function (w) {
          return changedPaths.some(function (c) { return touches(w, c); });
        });
        if (!hit) continue;
        const args = observer.paths.map(function (w) { return read(inst.data, w.segments); });
        try {
          observer.fn.apply(inst, args);
        } catch (e) {
          report(e);
        }
      }
    }
    for (const name of Object.keys(oldProps)) {
      const spec = def.properties.get(name);
      let fn = spec.observer;
      if (typeof fn === 'string') fn = inst[fn];
      if (typeof fn !== 'function') continue;
      try {
        fn.call(inst, inst.data[name], oldProps[name]);
      } catch (e) {
        report(e);
      }
    }
  }

  function viewJsonOrNull(value) {
    try {
      return viewJson(value);
    } catch (e) {
      return null;
    }
  }

  // Queues a setData's patch for its owner's view, on the owner's record (a Map would cost the
  // interpreter calls on the hottest path). `json` is the patch serialised when setData was
  // called — what the view gets, as on the platform, even if a value changes before the batch
  // ends —, or null when it cannot be serialised (the flush then reports it). A batch of one
  // setData sends that text as it is; a second setData for the owner merges parsed copies.
  function queuePatch(record, applied, json) {
    if (record.pendingPatch === null) {
      record.pendingPatch = applied;
      record.pendingJson = json;
      queuedRecords.push(record);
      return;
    }
    if (record.pendingJson !== null) {
      record.pendingPatch = parseJson(record.pendingJson);
      record.pendingJson = null;
    }
    const patch = record.pendingPatch;
    const values = json !== null ? parseJson(json) : applied;
    const keys = Object.keys(values);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      delete patch[key]; // a later write of the same path goes after the writes in between
      patch[key] = values[key];
    }
  }

  function flushPatches() {
    if (queuedRecords.length === 0) return;
    // Taken out first: rendering may run hooks whose setData queue new patches.
    const queued = queuedRecords;
    queuedRecords = [];
    let i = 0;
    try {
      for (; i < queued.length; i++) {
        const record = queued[i];
        const patch = record.pendingPatch;
        let json = record.pendingJson;
        record.pendingPatch = null;
        record.pendingJson = null;
        if (!record.live) continue;
        if (json === null) {
          try {
            json = viewJson(patch);
          } catch (e) {
            host.problem('setData', 'setData: the data of ' + record.label + ' cannot be serialised for the view: ' + e.message);
            continue;
          }
        }
        hostViewData(record.id, json);
      }
    } finally {
      // A send that threw (a value past the host's limits; the error reaches the caller) ends the
      // batch: the owners after it lose this batch's patch, and their next setData is queued anew.
      for (i++; i < queued.length; i++) {
        queued[i].pendingPatch = null;
        queued[i].pendingJson = null;
      }
    }
  }

  // Runs fn(a, b, c) with setData batching: patches of nested setData calls (observers) reach the
  // view together when the outermost call returns. Arguments rather than a closure: setData, the
  // hottest path of a page, runs through here and the interpreter pays for each closure.
  function batched(fn, a, b, c) {
    batchDepth++;
    try {
      return fn(a, b, c);
    } finally {
      batchDepth--;
      if (batchDepth === 0) flushPatches();
    }
  }

  // The setData of one instance (its own closure rather than a wrapper around a shared function:
  // one interpreter frame less on every update).
  function setDataOf(inst, record) {
    return function setData(patch, callback) {
      if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
        host.problem('setData', 'setData expects an object, got ' + helpers.typeOf(patch));
        return;
      }
      // batched(), written out: one interpreter frame less on every update.
      batchDepth++;
      try {
        applyData(inst, record, patch);
      } finally {
        batchDepth--;
        if (batchDepth === 0) flushPatches();
      }
      if (typeof callback === 'function') {
        // The view has the update when setData returns; the callback runs on a later turn.
        host.nextTurn(function () { callback.call(inst); });
      }
    };
  }

  function applyData(inst, record, patch) {
    const applied = {};
    // The values as this.data took them (plain copies: a function becomes its "[Function]" text),
    // for the event log; only built once a value's copy differs from what the view gets.
    let copies = null;
    const watching = record.watching;
    const changed = watching ? [] : null;
    const oldProps = watching ? {} : null;
    const paths = Object.keys(patch);
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i];
      const segments = parsePath(path);
      if (segments === null) {
        host.problem('setData', 'setData: invalid data path "' + path + '" in ' + record.label);
        continue;
      }
      const value = patch[path];
      if (value === undefined) {
        host.problem('setData', 'setData: the value of "' + path + '" is undefined and was ignored');
        continue;
      }
      // this.data takes a plain copy (for objects: [copy, whether it is the value's own JSON]);
      // strings and booleans are their own copies, as clone() would return them.
      const type = typeof value;
      const copied = type === 'object' && value !== null ? dataCopy(value) : null;
      const copy = copied !== null ? copied[0] : type === 'string' || type === 'boolean' ? value : clone(value);
      if (watching) {
        const old = read(inst.data, segments);
        if (!sameJson(old, copy)) {
          changed.push(segments);
          const spec = record.def.properties.get(segments[0]);
          if (spec && spec.observer && !(segments[0] in oldProps)) oldProps[segments[0]] = clone(inst.data[segments[0]]);
        }
      }
      if (segments.length === 1) {
        inst.data[segments[0]] = copy;
      } else {
        assign(inst.data, segments, copy);
      }
      applied[path] = value;
      // Where a copy differs from the value (a function became its text), the log shows copies.
      if (copies === null && (copied !== null ? !copied[1] : copy !== value)) copies = assignAll({}, applied);
      if (copies !== null) copies[path] = copy;
    }
    const top = record.kind === 'page' && record.id === topPageId;
    let json = null;
    if (record.live || top) {
      try {
        json = viewJson(applied);
      } catch (e) {
        // not serialisable: the flush reports it
      }
    }
    if (top && json !== null) {
      // The embedder's snapshot of the top page takes the patch; the whole data never crosses.
      // The log's text is given only where it differs from the view's.
      const logged = copies === null ? null : viewJson(copies);
      if (record.live && batchDepth === 1 && !watching) {
        // An outermost setData without observers: nothing runs between here and its flush, which
        // would send only this patch, so the snapshot, the log and the view take it in one call.
        hostPageData(record.id, json, logged);
        return;
      }
      hostDataChanged(json, logged);
    }
    if (record.live) queuePatch(record, applied, json);
    if (watching) runObservers(inst, record.def, changed, oldProps);
  }

  // --- instances -----------------------------------------------------------------------------

  // Registers a new page or component instance; returns its record.
  function register(inst, def, kind, label, pageId) {
    const id = nextOwnerId++;
    const record = {
      id: id,
      def: def,
      kind: kind,
      pageId: kind === 'page' ? id : pageId,
      label: label,
      live: false,                   // in the view: rendered and not yet detached
      // Whether setData must find what changed, for observers or property observers.
      watching: def !== null && (def.observers.length > 0 || def.properties.size > 0),
      pendingPatch: null,            // the patch waiting for the outermost setData (queuePatch)
      pendingJson: null,
      setData: null                  // the instance's own, whatever its code assigns to this.setData
    };
    record.setData = setDataOf(inst, record);
    owners.set(id, inst);
    idOf.set(inst, id);
    recordOf.set(inst, record);
    return record;
  }

  function hidden(obj, name, value) {
    Object.defineProperty(obj, name, { value: value, writable: true, configurable: true });
  }

  function selectComponents(inst, selector, all, callback) {
    if (typeof selector !== 'string') throw new TypeError('selectComponent expects a selector string');
    const ids = parseJson(host.viewSelectComponents(idOf.get(inst), selector, all));
    const found = ids.map(function (id) { return owners.get(id); }).filter(function (c) { return c !== undefined; });
    const result = all ? found : (found.length > 0 ? found[0] : null);
    if (typeof callback === 'function') {
      // The platform's documented form delivers the result to a callback, asynchronously.
      host.nextTurn(function () { callback(result); });
    }
    return result;
  }

  // Methods every page and component instance has, beside its own, and the platform's node ids,
  // which frameworks built on it read (uni-app tells a page from a component by __nodeId__ 0).
  function addInstanceApi(inst, record) {
    hidden(inst, '__webviewId__', record.pageId);
    hidden(inst, '__nodeId__', record.kind === 'page' ? 0 : record.id);
    if (record.kind === 'page') hidden(inst, '__route__', record.label);
    hidden(inst, 'setData', record.setData);
    hidden(inst, 'selectComponent', function (selector, callback) { return selectComponents(inst, selector, false, callback); });
    hidden(inst, 'selectAllComponents', function (selector, callback) { return selectComponents(inst, selector, true, callback); });
    hidden(inst, 'createSelectorQuery', function () { return createSelectorQuery().in(inst); });
  }

  function bindMethods(inst, methods) {
    // Methods keep their instance as `this` when passed as callbacks
    // (ctx.onRtcChatMembersChanged(this.onMembers)), as on the platform.
    for (const name of Object.keys(methods)) {
      inst[name] = call.call(bind, methods[name], inst);
    }
  }

  function newComponentInstance(def, kind, label, pageId, host_) {
    const inst = {};
    const record = register(inst, def, kind, label, pageId);
    const data = clone(def.data) || {};
    for (const [name, spec] of def.properties) {
      if (!(name in data)) data[name] = clone(spec.value);
    }
    inst.is = def.path;
    inst.id = host_.id || '';
    inst.dataset = host_.dataset || {};
    inst.data = data;
    hidden(inst, 'properties', data);
    addInstanceApi(inst, record);
    hidden(inst, 'triggerEvent', function (name, detail, options) { triggerEvent(inst, name, detail, options); });
    hidden(inst, 'hasBehavior', function (b) { return def.behaviors.has(b); });
    hidden(inst, 'getPageId', function () { return 'pageId:' + record.pageId; });
    bindMethods(inst, def.methods);
    return inst;
  }

  // A page defined with Page(options): its fields copied, its methods bound, its data cloned.
  function createPage(definition, route, query) {
    let page;
    if (definition.componentDef) {
      // A page built with Component(): page hooks live in methods; properties take the query.
      page = newComponentInstance(definition.componentDef, 'page', route, 0, {});
      page.route = route;
      page.options = query;
      runHook(page, route, 'created', definition.componentDef.lifetimes.created);
      const props = {};
      for (const name of Object.keys(query)) {
        if (definition.componentDef.properties.has(name)) props[name] = query[name];
      }
      applyProperties(page, props);
    } else {
      page = {};
      for (const key of Object.keys(definition)) {
        if (key === 'data') continue;
        const value = definition[key];
        page[key] = typeof value === 'function' ? call.call(bind, value, page) : value;
      }
      page.data = clone(definition.data) || {};
      page.route = route;
      page.options = query;
      addInstanceApi(page, register(page, null, 'page', route, 0));
    }
    return page;
  }

  function pageDefinition(options, route) {
    return { componentDef: Component(options, route) };
  }

  // The page is in the view from its first render on; setData reaches the view from then. A
  // page built with Component() is attached before the first render, so before its components,
  // as on the platform (frameworks such as uni-app set the page up there for its components).
  function pageRendered(page) {
    const record = recordOf.get(page);
    if (record.def) runHook(page, record.label, 'attached', record.def.lifetimes.attached);
    record.live = true;
    const json = viewJsonOrNull(page.data);
    if (json === null) host.problem('setData', 'the data of ' + record.label + ' cannot be serialised for the view');
    host.viewPageCreated(idOf.get(page), record.label, json === null ? '{}' : json);
    // setData in attached ran before the page was on top: the embedder's snapshot takes the data whole.
    if (record.def && json !== null) hostDataChanged(json, null);
  }

  function pageReady(page) {
    const record = recordOf.get(page);
    if (record.def) runHook(page, record.label, 'ready', record.def.lifetimes.ready);
  }

  // pageLifetimes of every live component of the page, before the page's own hook runs.
  function pageLifetime(page, name, args) {
    const pageId = idOf.get(page);
    for (const [, inst] of owners) {
      const record = recordOf.get(inst);
      if (record.kind !== 'component' || record.pageId !== pageId || !record.live) continue;
      runHook(inst, record.label, 'pageLifetimes.' + name, record.def.pageLifetimes[name], args);
    }
  }

  function pageUnloaded(page) {
    const id = idOf.get(page);
    const record = recordOf.get(page);
    host.viewPageUnloaded(id);
    if (record.def) runHook(page, record.label, 'detached', record.def.lifetimes.detached);
    record.live = false;
    owners.delete(id);
  }

  function pageShown(page) {
    topPageId = idOf.get(page);
    host.viewPageShown(topPageId);
  }

  // Sets properties from the host element (or a page's query): coerced, stored, observed.
  // Returns the values applied (only those that changed).
  function applyProperties(inst, props) {
    const applied = {};
    batched(storeProperties, inst, props, applied);
    return applied;
  }

  function storeProperties(inst, props, applied) {
    const def = recordOf.get(inst).def;
    const changed = [];
    const oldProps = {};
    for (const name of Object.keys(props)) {
      const spec = def.properties.get(name);
      if (spec === undefined) continue;
      const value = coerce(spec.type, props[name]);
      const old = inst.data[name];
      if (sameJson(old, value)) continue;
      if (spec.observer) oldProps[name] = old;
      inst.data[name] = value;
      applied[name] = value;
      changed.push([name]);
    }
    runObservers(inst, def, changed, oldProps);
  }

  function triggerEvent(inst, name, detail, options) {
    if (typeof name !== 'string' || name === '') throw new TypeError('triggerEvent expects an event name');
    const o = options || {};
    let json;
    try {
      json = detail === undefined ? 'null' : viewJson(detail);
    } catch (e) {
      json = toJson(detail);
    }
    host.viewComponentEvent(idOf.get(inst), name, json === undefined ? 'null' : json,
      !!o.bubbles, !!o.composed, !!o.capturePhase);
  }

  // --- what the view calls -------------------------------------------------------------------

  function createComponent(path, parentId, pageId, hostInfoJson) {
    const def = componentDefs.get(path);
    if (def === undefined) throw new Error('component ' + path + ' was not loaded');
    const inst = newComponentInstance(def, 'component', path, pageId, parseJson(hostInfoJson));
    const record = recordOf.get(inst);
    // setData in created changes the data synchronously; the view renders it with the rest.
    runHook(inst, path, 'created', def.lifetimes.created);
    record.live = true;
    const data = viewJsonOrNull(inst.data);
    if (data === null) host.problem('setData', 'the data of ' + path + ' cannot be serialised for the view');
    return '{"id":' + idOf.get(inst) + ',"data":' + (data === null ? '{}' : data) + '}';
  }

  function setProperties(id, propsJson) {
    const inst = owners.get(id);
    if (inst === undefined) return '{}';
    return viewJson(applyProperties(inst, parseJson(propsJson)));
  }

  function lifetime(id, name) {
    const inst = owners.get(id);
    if (inst === undefined) return;
    const record = recordOf.get(inst);
    runHook(inst, record.label, name, record.def.lifetimes[name]);
    if (name === 'detached') {
      record.live = false;
      owners.delete(id);
    }
  }

  // [found, resultJson]: found is false when the owner has no such method.
  function callHandler(id, method, eventJson) {
    const inst = owners.get(id);
    if (inst === undefined || typeof inst[method] !== 'function') return [false, null];
    host.handler(ownerLabel(inst), method);
    let result;
    try {
      result = inst[method](parseJson(eventJson));
    } catch (e) {
      report(e);
      return [true, null];
    }
    let json = null;
    try {
      json = viewJson(result);
    } catch (e) {
      json = null;
    }
    return [true, json === undefined ? null : json];
  }

  // --- what tools call (the automator, through a host element) -------------------------------

  function liveComponent(id) {
    const inst = owners.get(id);
    if (inst === undefined || !recordOf.get(inst).live) throw new Error('the component is no longer in the page');
    return inst;
  }

  function componentData(id, path) {
    const inst = liveComponent(id);
    if (path === null || path === undefined) return inst.data;
    const segments = parsePath(path);
    if (segments === null) throw new Error('invalid data path "' + path + '"');
    return read(inst.data, segments);
  }

  // Resolves once the view has the update, as this.setData's callback does.
  function componentSetData(id, dataJson) {
    const inst = liveComponent(id);
    const patch = parseJson(dataJson);
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) throw new Error('setData expects an object');
    return new PromiseCtor(function (resolve) { recordOf.get(inst).setData(patch, function () { resolve(null); }); });
  }

  function componentCall(id, method, argsJson) {
    const inst = liveComponent(id);
    if (typeof inst[method] !== 'function') throw new Error('component ' + ownerLabel(inst) + ' has no method ' + method);
    host.handler(ownerLabel(inst), method);
    return reflectApply(inst[method], inst, parseJson(argsJson));
  }

  // A page hook the view raises (onPageScroll, onReachBottom), with one argument.
  function pageHook(id, hook, argJson) {
    const page = owners.get(id);
    if (page === undefined || typeof page[hook] !== 'function') return;
    host.lifecycle(ownerLabel(page), hook);
    try {
      page[hook](parseJson(argJson));
    } catch (e) {
      report(e);
    }
  }

  function componentInfo(path) {
    const def = componentDefs.get(path);
    if (def === undefined) return null;
    const properties = {};
    for (const [name, spec] of def.properties) properties[name] = spec.type;
    return toJson({ path: path, properties: properties, externalClasses: def.externalClasses, options: def.options,
      formField: def.behaviors.has('tt://form-field') });
  }

  return {
    Component: Component,
    Behavior: definitions.Behavior,
    beginComponent: function (path) { loadingComponent = path; },
    loadingComponent: function () { return loadingComponent; },
    // A page file other files use as a component: its page's definition is the component's too.
    adoptComponent: function (def) { componentDefs.set(loadingComponent, def); },
    endComponent: function (path) {
      loadingComponent = null;
      return componentDefs.has(path);
    },
    pageDefinition: pageDefinition,
    createPage: createPage,
    pageRendered: pageRendered,
    pageReady: pageReady,
    pageShown: pageShown,
    pageLifetime: pageLifetime,
    pageUnloaded: pageUnloaded,
    topPageId: function () { return topPageId; },
    ownerIdOf: function (inst) { const id = inst !== null && typeof inst === 'object' ? idOf.get(inst) : undefined; return id === undefined ? -1 : id; },
    createSelectorQuery: createSelectorQuery,
    // The view's side: component instances, properties, lifetimes, handlers.
    createComponent: createComponent,
    setProperties: setProperties,
    lifetime: lifetime,
    callHandler: callHandler,
    pageHook: pageHook,
    componentData: componentData,
    componentSetData: componentSetData,
    componentCall: componentCall,
    componentInfo: componentInfo
  };
})
