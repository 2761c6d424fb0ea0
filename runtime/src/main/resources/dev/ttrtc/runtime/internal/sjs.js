// Runs first in an instance's SJS context (the view's sandbox, never the logic layer's). Leaves
// the built-ins the platform's SJS documents (ES5 values, Math, JSON, Number constants,
// Date.parse/UTC/now, the global functions), adds getDate() and getRegExp(), gives every value
// its SJS `constructor` name, and returns the helpers the host uses to run modules and call
// their functions. The helpers close over the originals, so module code cannot break them.
(function (native) {
  'use strict';
  const global = globalThis;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const RealDate = Date;
  const RealRegExp = RegExp;
  const ErrorCtor = Error;
  const isArray = Array.isArray;
  const objectKeys = Object.keys;
  const apply = Function.prototype.apply;
  const bindFn = Function.prototype.bind;
  const MAX_DEPTH = 16;

  // SJS: x.constructor is a type name string. SjsSource rewrites `.constructor` to this property.
  const names = [[Number, 'Number'], [String, 'String'], [Boolean, 'Boolean'], [Object, 'Object'],
    [Function, 'Function'], [Array, 'Array'], [Date, 'Date'], [RegExp, 'RegExp']];
  for (const [ctor, name] of names) {
    Object.defineProperty(ctor.prototype, '__sjsConstructor', { value: name, enumerable: false });
  }

  global.getDate = function getDate() {
    const args = Array.prototype.slice.call(arguments);
    return new (apply.call(bindFn, RealDate, [null].concat(args)))();
  };
  global.getRegExp = function getRegExp(pattern, flags) {
    return new RealRegExp(pattern, flags);
  };
  global.Date = Object.freeze({ parse: RealDate.parse, UTC: RealDate.UTC, now: RealDate.now });
  global.console = Object.freeze({
    log: function () {
      const parts = [];
      for (let i = 0; i < arguments.length; i++) {
        const a = arguments[i];
        parts.push(typeof a === 'string' ? a : (stringify(a) === undefined ? String(a) : stringify(a)));
      }
      native.log(parts.join(' '));
    }
  });
  for (const name of ['Promise', 'Proxy', 'Reflect', 'Symbol', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef',
    'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'BigInt', 'Intl',
    'WebAssembly', 'RegExp', 'Function', 'eval', 'Graal', 'arguments', 'queueMicrotask', 'globalThis',
    'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
    'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'Iterator', 'AggregateError']) {
    delete global[name];
  }

  // Exports as JSON, functions marked so that a template can tell them from data.
  function describe(value, depth) {
    if (typeof value === 'function') return { $sjsFunction: value.name || 'anonymous' };
    if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
    if (value instanceof RealDate || value instanceof RealRegExp) return value;
    if (isArray(value)) return value.map(function (v) { return describe(v, depth + 1); });
    const out = {};
    for (const key of objectKeys(value)) out[key] = describe(value[key], depth + 1);
    return out;
  }

  function message(e) {
    if (e instanceof ErrorCtor) return e.name + ': ' + e.message;
    return 'Uncaught ' + String(e);
  }

  return {
    // Runs a module function; `require` resolves a spec from this module and returns exports.
    run: function (fn, name, require) {
      const module = { exports: {} };
      const req = function (spec) { return require(name, String(spec)); };
      try {
        fn.call(undefined, module, module.exports, req);
      } catch (e) {
        return [false, message(e), null];
      }
      return [true, null, module];
    },
    exportsJson: function (module) {
      return stringify(describe(module.exports, 0));
    },
    // Calls module.exports.<path…>(…args); [ok, resultJson or message].
    call: function (module, pathJson, argsJson) {
      const path = parse(pathJson);
      let holder = null;
      let fn = module.exports;
      for (const key of path) {
        if (fn === null || fn === undefined) break;
        holder = fn;
        fn = fn[key];
      }
      if (typeof fn !== 'function') return [false, path.join('.') + ' is not a function'];
      let result;
      try {
        result = apply.call(fn, holder, parse(argsJson));
      } catch (e) {
        return [false, message(e)];
      }
      const json = stringify(result);
      return [true, json === undefined ? null : json];
    },
    makeError: function (text) { return new ErrorCtor(text); }
  };
})
