// The reference side of view.patch: one PatchCase (JSON on stdin) under j-component /
// miniprogram-simulate in jsdom. setData is synchronous there, so each sample is setData plus the
// DOM check. Measures `samples` steps after `warmup` steps, then `bursts` of consecutive steps,
// each `start` seconds after the first step (PatchTimes on the Java side); prints one JSON line
// {early_ms: [...], warm_ms: [...]}.
require('global-jsdom')();
const simulate = require('miniprogram-simulate');

const spec = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const initialData = eval('(' + spec.initialData + ')');
const update = new Function('i', 'return ' + spec.update);
const check = new Function('root', 'i', 'return ' + spec.check);
// rtc-room is the host's component; here a plain custom component stands in for its element.
const rtcRoom = simulate.load({ template: '<view class="rtc"></view>', properties: { userId: String, mode: String } });
const id = simulate.load({ template: spec.wxml, data: initialData, usingComponents: { 'rtc-room': rtcRoom } });
const root = simulate.render(id);
root.attach(document.createElement('parent'));

let next = 0;
function step() {
  const i = next++;
  const start = process.hrtime.bigint();
  root.setData(update(i));
  if (!check(root, i)) throw new Error('step ' + i + ' did not reach the DOM');
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function measure(count) {
  const samples = [];
  for (let k = 0; k < count; k++) samples.push(step());
  return samples;
}

const started = process.hrtime.bigint();
const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
while (next < spec.warmup) step();
const early = measure(spec.samples);
const warm = [];
for (const burst of spec.bursts) {
  while (elapsed() < burst.start) step();
  warm.push(...measure(burst.samples));
}
process.stdout.write(JSON.stringify({ early_ms: early, warm_ms: warm }) + '\n');
