// The reference side of view.patch: one PatchCase (JSON on stdin) under j-component /
// miniprogram-simulate in jsdom. setData is synchronous there, so each sample is setData plus the
// DOM check. Prints one JSON line {samples_ms: [...]} after the warm-up steps.
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

const samples = [];
for (let i = 0; i < spec.warmup + spec.samples; i++) {
  const start = process.hrtime.bigint();
  root.setData(update(i));
  if (!check(root, i)) throw new Error('step ' + i + ' did not reach the DOM');
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (i >= spec.warmup) samples.push(ms);
}
process.stdout.write(JSON.stringify({ samples_ms: samples }) + '\n');
