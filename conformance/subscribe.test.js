// changeStreamSubscribeState and changeScreenSubscribeState: parameters and rules (what is
// received is pinned down by the media tests).
const { launch, call, join } = require('./lib/rtc');

async function roomWithBob(t) {
  const bob = t.remote('bob', { roomId: 'r1' });
  await bob.join();
  await bob.publish('both');
  const app = await launch(t);
  await join(t, app, 'r1', 'alice', { roomConfig: { autoSubscribe: false } });
  return app;
}

test('subscribing and unsubscribing a member succeeds', async (t) => {
  const app = await roomWithBob(t);
  for (const [state, streamType] of [[1, 'audio'], [1, 'video'], [0, 'both'], [1, 'both']]) {
    t.deepEqual(await call(app, 'changeStreamSubscribeState', { state, userId: 'bob', streamType }),
      { ok: true, res: { errMsg: 'changeStreamSubscribeState:ok' }, async: true, completeSame: true });
  }
});

test('subscription choices before joining succeed at once; the member need not be there yet', async (t) => {
  const app = await launch(t);
  t.deepEqual(await call(app, 'changeStreamSubscribeState', { state: 0, userId: 'bob', streamType: 'both' }),
    { ok: true, res: { errMsg: 'changeStreamSubscribeState:ok' }, async: true, completeSame: true });
  t.equal((await call(app, 'changeScreenSubscribeState', { state: 1, userId: 'bob' })).res.errMsg, 'changeScreenSubscribeState:ok');
  t.deepEqual((await call(app, 'changeStreamSubscribeState', { state: 1, userId: 'b b', streamType: 'audio' })).res,
    { errMsg: 'changeStreamSubscribeState:fail expect params.userId to be 1-128 characters of A-Z a-z 0-9 _ @ - ., but got b b', errNo: 20000 });
});

test('at most 256 subscription choices wait for a join', async (t) => {
  const app = await launch(t);
  const outcomes = await app.evaluate(() => new Promise((resolve) => {
    const seen = [];
    for (let i = 0; i < 257; i++) {
      rtc.ctx.changeStreamSubscribeState({ state: 0, userId: 'u' + i, streamType: 'audio',
        complete: (res) => { seen.push(res.errMsg); if (seen.length === 257) resolve(seen); } });
    }
  }));
  t.equal(outcomes.filter((m) => m === 'changeStreamSubscribeState:ok').length, 256);
  t.equal(outcomes[256], 'changeStreamSubscribeState:fail more than 256 room changes before joining');
});

test('changeStreamSubscribeState checks its parameters and the member once in a room', async (t) => {
  const app = await roomWithBob(t);
  const cases = [
    [{ userId: 'bob', streamType: 'audio' }, 'expect params.state to be one of 0, 1, but got undefined'],
    [{ state: 1, streamType: 'audio' }, 'expect params.userId to be string, but got undefined'],
    [{ state: 1, userId: 'bob', streamType: 'all' }, 'expect params.streamType to be one of "audio", "video", "both", but got all'],
    [{ state: 1, userId: 'carol', streamType: 'audio' }, 'user carol is not in the room'],
  ];
  for (const [params, detail] of cases) {
    t.deepEqual((await call(app, 'changeStreamSubscribeState', params)).res,
      { errMsg: 'changeStreamSubscribeState:fail ' + detail, errNo: 20000 });
  }
});

test('changeScreenSubscribeState defaults state to 0 and answers 115999 for a non-member', async (t) => {
  const app = await roomWithBob(t);
  t.equal((await call(app, 'changeScreenSubscribeState', { userId: 'bob' })).res.errMsg, 'changeScreenSubscribeState:ok');
  t.equal((await call(app, 'changeScreenSubscribeState', { state: 1, userId: 'bob', streamType: 'video' })).res.errMsg,
    'changeScreenSubscribeState:ok');
  t.deepEqual((await call(app, 'changeScreenSubscribeState', { state: 1, userId: 'carol' })).res,
    { errMsg: 'changeScreenSubscribeState:fail user carol is not in the room', errNo: 115999 });
  t.deepEqual((await call(app, 'changeScreenSubscribeState', { state: 3, userId: 'bob' })).res,
    { errMsg: 'changeScreenSubscribeState:fail expect params.state to be one of 0, 1, but got 3', errNo: 20000 });
});
