// Driver-side helpers for the conformance suite: launch the fixture, call RtcRoomContext methods
// in it, and read what its listeners received.
const APP_ID = '5f0c3d7e9a1b2c4d6e8f0a1b';
const FIXTURE = __dirname + '/../fixtures/rtc-app';
const LIST_EVENTS = ['onRtcChatMembersChanged', 'onRtcVideoMembersChanged', 'onRtcChatSpeakersChanged',
  'onRtcPublishScreenMembersChanged'];

/** Launches the fixture with a room context created; `listen` names events to record from the start. */
async function launch(t, options = {}) {
  const app = await t.launch(options.project || FIXTURE, options.launch || {});
  await app.evaluate((appId) => rtc.create(appId), options.appId || APP_ID);
  for (const event of options.listen || LIST_EVENTS) {
    await app.evaluate((name) => rtc.listen(name), event);
  }
  return app;
}

/** Calls ctx[method](params); resolves with {ok, res, async, completeSame}. */
function call(app, method, params = {}) {
  return app.evaluate((m, p) => rtc.call(rtc.ctx, m, p), method, params);
}

/** Joins with a fresh token (unless params.token is given); resolves with the call outcome. */
function join(t, app, roomId, userId, params = {}) {
  return call(app, 'joinRtcRoom', Object.assign({ roomId, userId, token: t.token({ room: roomId, user: userId }) }, params));
}

/** The userIdLists a recording listener received for an event, oldest first. */
function lists(app, event) {
  return app.evaluate((name) => rtc.lists(name), event);
}

/** The payloads a recording listener received. */
function received(app, key) {
  return app.evaluate((name) => rtc.received[name] || [], key);
}

/**
 * Waits until the latest list the recording listener of `event` received equals `expected`
 * (the latest, not any: an early empty list must not satisfy a wait for the list emptying again).
 * With `anyOrder`, the list may hold the same ids in another order (who rejoins first after a
 * server restart is up to the race).
 */
async function waitForList(app, event, expected, { timeout = 10000, anyOrder = false } = {}) {
  const canonical = (list) => JSON.stringify(anyOrder ? list.slice().sort() : list);
  const want = canonical(expected);
  const deadline = Date.now() + timeout;
  for (;;) {
    const all = await lists(app, event);
    if (all.length > 0 && canonical(all[all.length - 1]) === want) return all;
    if (Date.now() >= deadline) {
      throw new Error(`${event} never ended at ${want} within ${timeout} ms; received ${JSON.stringify(all)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

module.exports = { APP_ID, FIXTURE, LIST_EVENTS, launch, call, join, lists, received, waitForList };
