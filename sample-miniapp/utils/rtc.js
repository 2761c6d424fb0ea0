// Promise wrappers over the app's RtcRoomContext, so pages can await each step.

function context() {
  const client = getApp().globalData.RtcClient;
  if (!client) {
    throw new Error('the RTC context was not created (tt.createRtcRoomContext failed at launch)');
  }
  return client;
}

function call(method, params) {
  return new Promise((resolve, reject) => {
    let client;
    try {
      client = context();
    } catch (e) {
      reject({ errMsg: method + ':fail ' + e.message, errNo: -1 });
      return;
    }
    client[method](Object.assign({}, params, { success: resolve, fail: reject }));
  });
}

module.exports = {
  startAudioCapture: () => call('changeAudioCapture', { state: 1 }),
  stopAudioCapture: () => call('changeAudioCapture', { state: 0 }),
  startVideoCapture: () => call('changeVideoCapture', { state: 1 }),
  stopVideoCapture: () => call('changeVideoCapture', { state: 0 }),
  publishStream: (streamType = 'both') => call('changeStreamPublishState', { state: 1, streamType }),
  unPublishStream: (streamType = 'both') => call('changeStreamPublishState', { state: 0, streamType }),
  joinRoom: ({ roomId, userId, token }) => call('joinRtcRoom', { roomId, userId, token }),
  leaveRoom: (roomId) => call('exitRtcRoom', { roomId }),
  context
};
