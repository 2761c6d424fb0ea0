// Template helpers: the platform's {{ }} expressions cannot call methods such as
// speakers.indexOf(item); an SJS module's functions can be called.
function has(list, item) {
  return list.indexOf(item) >= 0;
}

module.exports = {
  has: has
};
