// tt.createAnimation(options): an Animation records style and transform changes in steps;
// export() hands the steps recorded so far (and forgets them) as the plain data a template's
// `animation` attribute takes: { actions: [{ animates: [{ type, args }], option: { transition:
// { duration, timingFunction, delay }, transformOrigin } }] }. The view plays them (docs/view.md).
// Evaluated once per instance; returns createAnimation.
(function () {
  'use strict';
  // Transform functions and how many arguments each takes (later ones are dropped).
  const TRANSFORMS = {
    rotate: 1, rotateX: 1, rotateY: 1, rotateZ: 1, rotate3d: 4,
    scale: 2, scaleX: 1, scaleY: 1, scaleZ: 1, scale3d: 3,
    translate: 2, translateX: 1, translateY: 1, translateZ: 1, translate3d: 3,
    skew: 2, skewX: 1, skewY: 1,
    matrix: 6, matrix3d: 16,
  };
  // Styles whose numbers are lengths in px.
  const LENGTHS = ['width', 'height', 'top', 'left', 'bottom', 'right'];
  const DEFAULTS = { duration: 400, timingFunction: 'linear', delay: 0, transformOrigin: '50% 50% 0' };

  function option(given, name, fallback) {
    const value = given !== null && typeof given === 'object' ? given[name] : undefined;
    return value === undefined ? fallback : value;
  }

  function options(given, base) {
    const out = {};
    for (const name of Object.keys(DEFAULTS)) out[name] = option(given, name, base[name]);
    return out;
  }

  return function createAnimation(given) {
    const defaults = options(given, DEFAULTS);
    let animates = [];
    let actions = [];
    const animation = {};
    function add(type, args) {
      animates.push({ type: type, args: args });
      return animation;
    }
    for (const name of Object.keys(TRANSFORMS)) {
      animation[name] = function () {
        return add(name, Array.prototype.slice.call(arguments, 0, TRANSFORMS[name]));
      };
    }
    for (const name of LENGTHS) {
      animation[name] = function (value) {
        return add('style', [name, typeof value === 'number' ? value + 'px' : String(value)]);
      };
    }
    animation.opacity = function (value) { return add('style', ['opacity', value]); };
    animation.backgroundColor = function (value) { return add('style', ['background-color', String(value)]); };
    animation.step = function (stepOptions) {
      const o = options(stepOptions, defaults);
      actions.push({
        animates: animates,
        option: {
          transition: { duration: o.duration, timingFunction: o.timingFunction, delay: o.delay },
          transformOrigin: o.transformOrigin,
        },
      });
      animates = [];
      return animation;
    };
    animation.export = function () {
      const out = { actions: actions };
      actions = [];
      return out;
    };
    return animation;
  };
})
