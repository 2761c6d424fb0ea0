// Component() and Behavior() definitions: properties (types, defaults, observers), data,
// methods, lifetimes, pageLifetimes, observers and behaviors, normalised and flattened into one
// definition per component, plus the data-path helpers the instances share. Evaluated once per
// instance before components.js.
(function (host, helpers) {
  'use strict';
  const toJson = helpers.toJson;
  const dataCopy = helpers.dataCopy;
  const parseJson = helpers.parseJson;
  const behaviorDefs = new WeakMap();  // Behavior() result -> normalised behavior

  function report(e) {
    host.reportError(e);
  }

  // --- definitions ---------------------------------------------------------------------------

  const TYPE_NAMES = new Map([
    [String, 'String'], [Number, 'Number'], [Boolean, 'Boolean'],
    [Object, 'Object'], [Array, 'Array'], [Function, 'Function'], [null, 'Any']
  ]);

  function typeName(type, where) {
    if (type === undefined) return 'Any';
    if (!TYPE_NAMES.has(type)) {
      throw new TypeError(where + ': type must be String, Number, Boolean, Object, Array, Function or null');
    }
    return TYPE_NAMES.get(type);
  }

  function defaultFor(type) {
    switch (type) {
      case 'String': return '';
      case 'Number': return 0;
      case 'Boolean': return false;
      case 'Array': return [];
      default: return null;
    }
  }

  // Coerces a value passed from a host element to a declared property type, as the platform
  // does for attribute values ("5" to 5 for a Number property).
  function coerce(type, value) {
    switch (type) {
      case 'String':
        if (value === null || value === undefined) return '';
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
      case 'Number': {
        const n = Number(value);
        return Number.isNaN(n) ? 0 : n;
      }
      case 'Boolean': return !!value;
      case 'Array': return Array.isArray(value) ? value : [];
      case 'Object': return value !== null && typeof value === 'object' ? value : null;
      default: return value === undefined ? null : value;
    }
  }

  function normaliseProperties(properties, where) {
    const out = new Map();
    if (properties === undefined || properties === null) return out;
    for (const name of Object.keys(properties)) {
      const spec = properties[name];
      let type;
      let value;
      let observer = null;
      if (spec === null || typeof spec === 'function') {
        type = typeName(spec, where + ' property "' + name + '"');
        value = defaultFor(type);
      } else if (typeof spec === 'object') {
        type = typeName(spec.type === undefined ? null : spec.type, where + ' property "' + name + '"');
        value = 'value' in spec ? spec.value : defaultFor(type);
        observer = spec.observer === undefined ? null : spec.observer;
      } else {
        throw new TypeError(where + ': property "' + name + '" must be a type or {type, value, observer}');
      }
      out.set(name, { name: name, type: type, value: value, observer: observer });
    }
    return out;
  }

  // '**', 'a.**', 'a.b[0], c' -> [{segments, deep}], one entry per watched path.
  function parseObserverKey(key) {
    return key.split(',').map(function (part) {
      const path = part.trim();
      if (path === '**') return { segments: [], deep: true };
      const deep = path.endsWith('.**');
      const segments = parsePath(deep ? path.slice(0, -3) : path);
      if (segments === null) throw new TypeError('observers: invalid path "' + path + '"');
      return { segments: segments, deep: deep };
    });
  }

  const LIFETIMES = ['created', 'attached', 'ready', 'moved', 'detached', 'error'];
  const PAGE_LIFETIMES = ['show', 'hide', 'resize'];

  // The parts of a Component() or Behavior() options object, in the common shape both merge into.
  function normalise(options, where) {
    if (options === null || typeof options !== 'object') throw new TypeError(where + ' expects an object');
    const part = {
      behaviors: [],
      properties: normaliseProperties(options.properties, where),
      data: options.data && typeof options.data === 'object' ? options.data : {},
      methods: {},
      lifetimes: {},
      pageLifetimes: {},
      observers: [],
      definitionFilter: typeof options.definitionFilter === 'function' ? options.definitionFilter : null
    };
    const behaviors = options.behaviors === undefined ? [] : options.behaviors;
    if (!Array.isArray(behaviors)) throw new TypeError(where + ': behaviors must be an array');
    for (const b of behaviors) {
      if (typeof b === 'string') {
        // Built-in behaviors ('tt://…') are markers for hasBehavior; tt://form-field also adds properties (see build).
        part.behaviors.push({ builtin: b });
      } else if (behaviorDefs.has(b)) {
        part.behaviors.push(b);
      } else {
        throw new TypeError(where + ': behaviors must hold values returned by Behavior()');
      }
    }
    const methods = options.methods || {};
    for (const name of Object.keys(methods)) {
      if (typeof methods[name] === 'function') part.methods[name] = methods[name];
    }
    const lifetimes = options.lifetimes || {};
    for (const name of LIFETIMES) {
      // lifetimes {} wins over a top-level hook of the same name.
      const fn = typeof lifetimes[name] === 'function' ? lifetimes[name] : options[name];
      if (typeof fn === 'function') part.lifetimes[name] = fn;
    }
    const pageLifetimes = options.pageLifetimes || {};
    for (const name of PAGE_LIFETIMES) {
      if (typeof pageLifetimes[name] === 'function') part.pageLifetimes[name] = pageLifetimes[name];
    }
    const observers = options.observers || {};
    for (const key of Object.keys(observers)) {
      const fn = observers[key];
      if (typeof fn !== 'function') continue;
      part.observers.push({ key: key, paths: parseObserverKey(key), fn: fn });
    }
    return part;
  }

  function Behavior(options) {
    const marker = {};
    behaviorDefs.set(marker, normalise(options, 'Behavior()'));
    return marker;
  }

  function mergeData(target, source) {
    for (const key of Object.keys(source)) {
      const a = target[key];
      const b = source[key];
      if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
        mergeData(a, b);
      } else {
        target[key] = clone(b);
      }
    }
  }

  const FORM_FIELD = 'tt://form-field';

  // Flattens behaviors into one definition: behaviors first (each used once), the component last;
  // same-named properties and methods: the later one wins; data objects merge; hooks all run.
  function build(part, path, options) {
    const def = {
      path: path,
      properties: new Map(),
      data: {},
      methods: {},
      lifetimes: {},
      pageLifetimes: {},
      observers: [],
      behaviors: new Set(),
      externalClasses: Array.isArray(options.externalClasses) ? options.externalClasses.map(String) : [],
      options: options.options && typeof options.options === 'object' ? options.options : {}
    };
    const filters = [];
    function add(p) {
      for (const b of p.behaviors) {
        if (def.behaviors.has(b.builtin || b)) continue;
        def.behaviors.add(b.builtin || b);
        if (b.builtin === FORM_FIELD) {
          // A form submits the component under its `name` with its `value`; declared ones win, as they come later.
          def.properties.set('name', { name: 'name', type: 'String', value: '', observer: null });
          def.properties.set('value', { name: 'value', type: 'Any', value: null, observer: null });
        } else if (!b.builtin) {
          add(behaviorDefs.get(b));
        }
      }
      for (const [name, spec] of p.properties) def.properties.set(name, spec);
      mergeData(def.data, p.data);
      Object.assign(def.methods, p.methods);
      for (const name of Object.keys(p.lifetimes)) (def.lifetimes[name] = def.lifetimes[name] || []).push(p.lifetimes[name]);
      for (const name of Object.keys(p.pageLifetimes)) (def.pageLifetimes[name] = def.pageLifetimes[name] || []).push(p.pageLifetimes[name]);
      def.observers.push.apply(def.observers, p.observers);
      if (p.definitionFilter) filters.push(p.definitionFilter);
    }
    add(part);
    for (const filter of filters) {
      try { filter(options, filters); } catch (e) { report(e); }
    }
    return def;
  }

  // --- data paths ----------------------------------------------------------------------------

  // Paths parsed so far, by their text: a page's setData names the same few paths again and again.
  // A plain object rather than a Map, whose get would cost the interpreter a call on every
  // setData; emptied when it grows large (paths with changing indexes).
  const PARSED_PATHS_KEPT = 512;
  let parsedPaths = Object.create(null);
  let parsedPathCount = 0;

  // 'a.b[2].c' -> ['a', 'b', 2, 'c'] (frozen: shared by every caller); null when malformed.
  function parsePath(path) {
    const known = parsedPaths[path];
    if (known !== undefined) return known;
    const segments = parseNewPath(path);
    if (segments !== null) Object.freeze(segments);
    if (parsedPathCount === PARSED_PATHS_KEPT) {
      parsedPaths = Object.create(null);
      parsedPathCount = 0;
    }
    parsedPaths[path] = segments;
    parsedPathCount++;
    return segments;
  }

  function parseNewPath(path) {
    const segments = [];
    const re = /^(?:([^.[\]]+)|\[(\d+)\])/;
    let rest = path;
    let expectName = true;
    while (rest.length > 0) {
      if (!expectName && rest[0] === '.') {
        rest = rest.slice(1);
        expectName = true;
        if (rest.length === 0) return null;
        continue;
      }
      const m = re.exec(rest);
      if (m === null) return null;
      if (m[1] !== undefined) {
        if (!expectName) return null;
        segments.push(m[1]);
      } else {
        if (segments.length === 0) return null;
        segments.push(Number(m[2]));
      }
      rest = rest.slice(m[0].length);
      expectName = false;
    }
    return segments.length === 0 ? null : segments;
  }

  function assign(root, segments, value) {
    let target = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments[i];
      const next = target[key];
      if (next === null || typeof next !== 'object') {
        target[key] = typeof segments[i + 1] === 'number' ? [] : {};
      }
      target = target[key];
    }
    target[segments[segments.length - 1]] = value;
  }

  function read(root, segments) {
    let value = root;
    for (const key of segments) {
      if (value === null || typeof value !== 'object') return undefined;
      value = value[key];
    }
    return value;
  }

  // A plain copy of a value, as this.data keeps what setData is given.
  function clone(value) {
    const type = typeof value;
    if (type === 'undefined') return undefined;
    // Values the JSON round trip leaves as they are skip it (setData runs it for every value):
    // strings, booleans, null and finite numbers (x - x is 0 only for those; -0 becomes 0 as in JSON).
    if (type === 'string' || type === 'boolean' || value === null) return value;
    if (type === 'number' && value - value === 0) return value === 0 ? 0 : value;
    return type === 'object' ? dataCopy(value)[0] : parseJson(toJson(value));
  }

  function sameJson(a, b) {
    return toJson(a) === toJson(b);
  }

  return {
    Behavior: Behavior,
    /** The flattened definition of Component(options) for a component path or page route. */
    build: function (options, path) {
      return build(normalise(options === undefined ? {} : options, 'Component()'), path, options || {});
    },
    coerce: coerce,
    parsePath: parsePath,
    assign: assign,
    read: read,
    clone: clone,
    sameJson: sameJson
  };
})
