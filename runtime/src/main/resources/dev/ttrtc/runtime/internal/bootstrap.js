// Runs first in every instance, before any project code. Installs the globals a mini-program
// expects beyond ECMAScript (console, queueMicrotask, timers) and returns the helpers the host
// uses to move values across the JS/Java boundary. The helpers close over the original
// built-ins, so project code that replaces JSON or Promise cannot break the host.
(function (native) {
  'use strict';
  const global = globalThis;
  const { stringify, parse } = JSON;
  const PromiseCtor = Promise;
  const promiseThen = Promise.prototype.then;
  const promiseResolve = Promise.resolve.bind(Promise);
  const ErrorCtor = Error;
  const SyntaxErrorCtor = SyntaxError;
  const TypeErrorCtor = TypeError;
  const RangeErrorCtor = RangeError;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const objectToString = Object.prototype.toString;
  const defineProperty = Object.defineProperty;
  const objectCreate = Object.create;
  const getPrototypeOf = Object.getPrototypeOf;
  const ObjectPrototype = Object.prototype;
  const ArrayPrototype = Array.prototype;
  const isFiniteNumber = Number.isFinite;
  const StringCtor = String;
  const fromBase64 = Uint8Array.fromBase64;
  const Uint8ArrayCtor = Uint8Array;
  const indirectEval = eval;
  const LOG_DEPTH = 12;   // the event log summarises deeper levels
  const DATA_DEPTH = 64;  // so does a walked copy of data (see toJson): well within the JS stack

  // The unhandled-rejection hook lives on the engine's Graal object, which mini-programs
  // must not see.
  global.Graal.setUnhandledPromiseRejectionHandler(function (reason, promise) {
    native.unhandledRejection(reason, promise);
  });
  delete global.Graal;
  delete global.arguments;
  // The platform's `global`: webpack-built projects (uni-app, Taro) keep their chunk registry on it.
  defineProperty(global, 'global', { value: global, writable: true, configurable: true, enumerable: false });

  // The symbols of `using` declarations (ES2026), which GraalJS 25 lacks: the compile step lowers
  // `using` to helpers that look them up under these registry keys, so code and helpers agree.
  ['dispose', 'asyncDispose'].forEach(function (name) {
    if (typeof Symbol[name] !== 'symbol') {
      Object.defineProperty(Symbol, name, { value: Symbol.for('Symbol.' + name) });
    }
  });

  // A JSON-safe copy of any value: functions, symbols, bigints, cycles and deep nesting become
  // descriptive strings instead of failing.
  // `limit` (the event log's) cuts longer strings and keys and summarises levels past LOG_DEPTH,
  // so that what the log keeps stays small and within what the host's JSON reader accepts.
  function cut(text, limit) {
    return limit > 0 && text.length > limit ? text.slice(0, limit) + '\u2026(' + text.length + ' characters)' : text;
  }
  // Ordinary objects and arrays (the usual data) skip the checks for built-in kinds; indexed loops
  // rather than iterators: this walk runs on every setData and the interpreter pays per step.
  function plain(value, depth, ancestors, limit) {
    const type = typeof value;
    if (type === 'string') return limit > 0 ? cut(value, limit) : value;
    if (type === 'number') return isFiniteNumber(value) ? value : StringCtor(value);
    if (type === 'boolean') return value;
    if (type !== 'object') {
      switch (type) {
        case 'undefined': return undefined;
        case 'function': return '[Function' + (value.name ? ': ' + value.name : '') + ']';
        case 'symbol': return value.toString();
        default: return value.toString() + 'n'; // bigint
      }
    }
    if (value === null) return null;
    if (ancestors.indexOf(value) >= 0) return '[Circular]';
    if (depth >= (limit > 0 ? LOG_DEPTH : DATA_DEPTH)) return isArray(value) ? '[Array]' : '[Object]';
    const proto = getPrototypeOf(value);
    const ordinary = proto === ObjectPrototype || proto === ArrayPrototype;
    if (!ordinary && value instanceof ErrorCtor) {
      return { name: cut(String(value.name), limit), message: cut(String(value.message), limit),
        stack: cut(String(value.stack || ''), limit) };
    }
    if (typeof value.toJSON === 'function') {
      try { return plain(value.toJSON(), depth + 1, ancestors, limit); } catch (e) { return '[Unserializable]'; }
    }
    if (!ordinary) {
      if (value instanceof Map) return '[Map(' + value.size + ')]';
      if (value instanceof Set) return '[Set(' + value.size + ')]';
      if (value instanceof PromiseCtor) return '[Promise]';
    }
    // Members that are booleans, finite numbers or (uncut) strings are copied as they are, without
    // a call: most data is made of them, and each call costs the interpreter a frame.
    ancestors.push(value);
    try {
      if (isArray(value)) {
        const n = value.length;
        const out = [];
        for (let i = 0; i < n; i++) {
          const v = value[i];
          const t = typeof v;
          const item = t === 'boolean' || (t === 'number' && v - v === 0) || (t === 'string' && limit === 0)
            ? v : plain(v, depth + 1, ancestors, limit);
          out.push(item === undefined ? null : item);
        }
        return out;
      }
      const out = {};
      const keys = objectKeys(value);
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        let item;
        try {
          const v = value[key];
          const t = typeof v;
          item = t === 'boolean' || (t === 'number' && v - v === 0) || (t === 'string' && limit === 0)
            ? v : plain(v, depth + 1, ancestors, limit);
        } catch (e) {
          item = '[Unreadable]';
        }
        if (item !== undefined) out[limit > 0 ? cut(key, limit) : key] = item;
      }
      return out;
    } finally {
      ancestors.pop();
    }
  }

  // The JSON text of a plain copy of value. Without a limit the copy is data (a result for Java):
  // JSON.stringify's own text when that is what the walk would give — every level kept, the
  // built-in doing the walk (one small replacer call per member) —, else the walk's, which
  // summarises levels past DATA_DEPTH. JSON.stringify stops at 1000 levels, as the host's JSON
  // reader does (JsBridge.MAX_JSON_DEPTH).
  function toJson(value, limit) {
    if (!limit) {
      const text = faithfulJson(value);
      if (text !== null) return text;
    }
    const copy = plain(value, 0, [], limit || 0);
    return copy === undefined ? 'null' : stringify(copy);
  }

  // JSON.stringify(value) when parsing it back gives what plain() would copy: only ordinary
  // objects and arrays, strings, finite numbers, booleans and null (undefined members dropped, as
  // both do); null when anything else is met, and for cycles, bigints or a getter that throws.
  let unfaithful = false;
  function noteUnfaithful(key, v) {
    const type = typeof v;
    if (type === 'object') {
      if (v !== null) {
        const proto = getPrototypeOf(v);
        if (proto !== ObjectPrototype && proto !== ArrayPrototype) unfaithful = true;
      }
    } else if (type === 'number') {
      if (v - v !== 0) unfaithful = true;
    } else if (type !== 'string' && type !== 'boolean' && type !== 'undefined') {
      unfaithful = true;
    }
    return v;
  }
  function faithfulJson(value) {
    // A getter or toJSON inside may copy data too: the outer call's flag is kept aside.
    const outer = unfaithful;
    unfaithful = false;
    let text;
    try {
      text = stringify(value, noteUnfaithful);
    } catch (e) {
      text = undefined;
    }
    const faithful = !unfaithful && text !== undefined;
    unfaithful = outer;
    return faithful ? text : null;
  }

  // this.data's copy of an object or array set through setData: [copy, exact]. Exact when it is
  // the value's own JSON parsed back (ordinary data, every level kept); otherwise the walk's copy
  // (see plain()), also for data nested deeper than JSON.parse reaches (some 1000 levels).
  function dataCopy(value) {
    const text = faithfulJson(value);
    if (text !== null) {
      try {
        return [parse(text), true];
      } catch (e) {
        // nested deeper than JSON.parse reaches: walked below
      }
    }
    const copy = plain(value, 0, [], 0);
    return [copy === undefined ? undefined : parse(stringify(copy)), false];
  }

  function describeForConsole(value) {
    if (typeof value === 'string') return value;
    if (value instanceof ErrorCtor) return String(value.stack || value);
    if (value === undefined || typeof value !== 'object' || value === null) {
      return typeof value === 'function' ? plain(value, 0, [], 0) : String(value);
    }
    // As the event log shows values (levels past LOG_DEPTH summarised), with strings whole.
    return toJson(value, Infinity);
  }

  function makeConsoleMethod(level) {
    return function () {
      const parts = [];
      for (let i = 0; i < arguments.length; i++) parts.push(describeForConsole(arguments[i]));
      native.log(level, parts.join(' '));
    };
  }
  const consoleObject = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    consoleObject[level] = makeConsoleMethod(level);
  }
  global.console = consoleObject;

  global.queueMicrotask = function queueMicrotask(callback) {
    if (typeof callback !== 'function') {
      throw new TypeError('queueMicrotask: callback must be a function');
    }
    promiseThen.call(promiseResolve(undefined), function () {
      try { callback(); } catch (e) { native.reportError(e); }
    });
  };

  // A delay as browsers take it: ToNumber (what it throws for a Symbol or a BigInt propagates, as
  // in JS), then ToInteger; NaN and negative delays are 0, delays past 2^31 - 1 ms are clamped to it.
  const MAX_DELAY = 2147483647;
  const mathTrunc = Math.trunc;
  const isInteger = Number.isInteger;
  const NumberCtor = Number;
  function timerDelay(delay) {
    const number = +delay;
    if (!(number > 0)) return 0;
    return number >= MAX_DELAY ? MAX_DELAY : mathTrunc(number);
  }

  // Timers set from inside timer callbacks five deep wait at least 4 ms, as in browsers, so a
  // setTimeout(f, 0) chain cannot keep the loop's thread busy.
  let timerNesting = 0;
  function timerFunction(name, repeat) {
    const fn = function (callback, delay) {
      if (typeof callback !== 'function') {
        throw new TypeError(name + ': callback must be a function');
      }
      const args = Array.prototype.slice.call(arguments, 2);
      const nesting = timerNesting + 1;
      let ms = timerDelay(delay);
      if (nesting > 5 && ms < 4) ms = 4;
      const id = native.setTimer(function () {
        timerNesting = nesting;
        try {
          callback.apply(undefined, args);
        } finally {
          timerNesting = 0;
        }
      }, ms, repeat);
      if (id < 0) {
        throw new RangeError(name + ': too many pending timers (at most ' + native.maxPendingTimers + ')');
      }
      return id;
    };
    Object.defineProperty(fn, 'name', { value: name });
    return fn;
  }
  function clearFunction(name) {
    // Never throws: a number or a numeric string that names a timer clears it, anything else
    // (objects are not converted, so no valueOf runs) is ignored, as an unknown id is.
    const fn = function (id) {
      if (typeof id !== 'number' && typeof id !== 'string') return;
      const number = NumberCtor(id);
      if (isInteger(number) && number > 0 && number <= Number.MAX_SAFE_INTEGER) native.clearTimer(number);
    };
    Object.defineProperty(fn, 'name', { value: name });
    return fn;
  }
  global.setTimeout = timerFunction('setTimeout', false);
  global.setInterval = timerFunction('setInterval', true);
  global.clearTimeout = clearFunction('clearTimeout');
  global.clearInterval = clearFunction('clearInterval');

  return {
    toJson: toJson,
    dataCopy: dataCopy,
    // What the view layer receives, as the platform serialises it: JSON.stringify semantics
    // (functions and undefined dropped, null in arrays); undefined for undefined.
    // The built-ins themselves, not wrappers: setData calls them on every update, and each extra
    // JS call costs the interpreter a frame.
    viewJson: stringify,
    parseJson: parse,
    makeError: function (message) { return new ErrorCtor(message); },
    makeSyntaxError: function (message) { return new SyntaxErrorCtor(message); },
    makeTypeError: function (message) { return new TypeErrorCtor(message); },
    makeRangeError: function (message) { return new RangeErrorCtor(message); },
    // A real JS function (with .call, .bind and a name) in front of a host function.
    wrapNative: function (name, hostFunction) {
      const fn = function () { return hostFunction.apply(undefined, arguments); };
      Object.defineProperty(fn, 'name', { value: name });
      return fn;
    },
    newObject: function () { return {}; },
    typeOf: function (value) { return value === null ? 'null' : typeof value; },
    describe: function (value) {
      if (typeof value === 'string') return value;
      if (value !== null && typeof value === 'object') return isArray(value) ? 'array' : 'object';
      if (typeof value === 'function') return 'function';
      return String(value);
    },
    // Calls onValue with the value as JSON, after awaiting it when it is a promise.
    settle: function (value, onValue, onError) {
      if (value !== null && (typeof value === 'object' || typeof value === 'function')
          && typeof value.then === 'function') {
        promiseThen.call(promiseResolve(value),
          function (result) { onValue(toJson(result)); },
          function (error) { onError(error); });
      } else {
        onValue(toJson(value));
      }
    },
    evalGlobal: function (source) { return indirectEval(source); },
    // What an API parameter holds, as APIs tell values apart: typeof, with null, arrays and
    // ArrayBuffers named.
    kindOf: function (value) {
      if (value === null) return 'null';
      if (isArray(value)) return 'array';
      if (objectToString.call(value) === '[object ArrayBuffer]') return 'arraybuffer';
      return typeof value;
    },
    // The parameters object of one API call, each enumerable property (own or inherited, as the
    // API's reads see them) read exactly once: the event log and the API then see the same values,
    // and a getter does not run twice. A property whose read throws is left to throw again when
    // the API reads it (the log shows it unreadable); properties not enumerated (non-enumerable
    // ones, keys only a Proxy's get trap answers) are still read from the original through the
    // prototype. Anything but an ordinary object is returned as it is.
    snapshotParams: function (params) {
      if (params === null || typeof params !== 'object') return params;
      const copy = objectCreate(params);
      try {
        if (isArray(params) || objectToString.call(params) !== '[object Object]') return params;
        for (const key in params) {
          try {
            defineProperty(copy, key, { value: params[key], enumerable: true, writable: true, configurable: true });
          } catch (e) {
            defineProperty(copy, key, { get: function () { return params[key]; }, enumerable: true, configurable: true });
          }
        }
      } catch (e) {
        return params; // a Proxy whose traps throw: read as it is, each read throwing where the API makes it
      }
      return copy;
    },
    // JSON.stringify as a server receives it (the original built-in, not a project's override);
    // undefined when the value has no JSON form.
    stringify: function (value) { return stringify(value); },
    // An object's own enumerable entries with values converted by String(), as a query string,
    // a form or a header set takes them; undefined values are left out.
    stringEntries: function (object) {
      const out = [];
      for (const key of objectKeys(object)) {
        const item = object[key];
        if (item !== undefined) out.push(key, StringCtor(item));
      }
      return out;
    },
    // A fresh ArrayBuffer holding the bytes of a base64 text (the built-in decoder, not a JS loop).
    bytesFromBase64: function (text) { return fromBase64.call(Uint8ArrayCtor, text).buffer; },
    // Runs a CommonJS module function with `this` bound to its exports, as Node does.
    callModule: function (fn, module, require, filename, dirname) {
      fn.call(module.exports, module.exports, require, module, filename, dirname);
    }
  };
})
