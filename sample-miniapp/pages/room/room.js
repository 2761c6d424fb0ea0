// The room: joins with its query, shows who is here, who publishes video or a screen, and who
// speaks; toggles the microphone and camera; leaves.
const rtc = require('../../utils/rtc');

const app = getApp();

Page({
  data: {
    roomId: '',
    userId: '',
    joined: false,
    micOn: true,
    cameraOn: true,
    members: [],
    videoMembers: [],
    speakers: [],
    screenMembers: [],
    state: 'joining'
  },

  onLoad(query) {
    this.setData({
      roomId: query.roomId,
      userId: query.userId,
      micOn: app.globalData.micOn,
      cameraOn: app.globalData.cameraOn
    });
    this.listen();
    this.enterRoom(query);
  },

  onUnload() {
    this.unlisten();
    if (this.data.joined) {
      rtc.leaveRoom(this.data.roomId).catch((err) => console.warn('leave failed', err.errMsg));
    }
  },

  listen() {
    let client;
    try {
      client = rtc.context();
    } catch (e) {
      console.error(e.message);
      return;
    }
    this.handlers = {
      members: (res) => this.setData({ members: res.userIdList }),
      videoMembers: (res) => this.setData({ videoMembers: res.userIdList }),
      speakers: (res) => this.setData({ speakers: res.userIdList }),
      screenMembers: (res) => this.setData({ screenMembers: res.userIdList }),
      interrupted: (res) => {
        console.warn('room interrupted', res.errNo, res.errMsg);
        this.setData({ joined: false, state: 'interrupted' });
        tt.showToast({ title: 'Disconnected', icon: 'fail' });
      },
      state: (res) => {
        console.log('rtc state', res.errNo, res.errMsg);
        this.setData({ state: res.errMsg });
      }
    };
    client.onRtcChatMembersChanged(this.handlers.members);
    client.onRtcVideoMembersChanged(this.handlers.videoMembers);
    client.onRtcChatSpeakersChanged(this.handlers.speakers);
    client.onRtcPublishScreenMembersChanged(this.handlers.screenMembers);
    client.onRtcChatInterrupted(this.handlers.interrupted);
    client.onRtcStateChanged(this.handlers.state);
  },

  unlisten() {
    if (!this.handlers) return;
    const client = rtc.context();
    client.offRtcChatMembersChanged(this.handlers.members);
    client.offRtcVideoMembersChanged(this.handlers.videoMembers);
    client.offRtcChatSpeakersChanged(this.handlers.speakers);
    client.offRtcPublishScreenMembersChanged(this.handlers.screenMembers);
    client.offRtcChatInterrupted(this.handlers.interrupted);
    client.offRtcStateChanged(this.handlers.state);
    this.handlers = null;
  },

  async enterRoom({ roomId, userId, token }) {
    try {
      if (this.data.micOn) await rtc.startAudioCapture();
      if (this.data.cameraOn) await rtc.startVideoCapture();
      await rtc.joinRoom({ roomId, userId, token });
      this.setData({ joined: true, state: 'joined' });
      tt.showToast({ title: 'Joined ' + roomId, icon: 'success' });
    } catch (err) {
      console.error('join failed', err.errMsg);
      this.setData({ state: 'failed: ' + err.errMsg });
      tt.showToast({ title: 'Join failed', icon: 'fail' });
    }
  },

  onVideoError(e) {
    console.warn('rtc-room failed', e.detail.errNo, e.detail.errMsg);
  },

  async toggleMic() {
    const micOn = !this.data.micOn;
    try {
      await (micOn ? rtc.startAudioCapture() : rtc.stopAudioCapture());
      app.globalData.micOn = micOn;
      this.setData({ micOn });
    } catch (err) {
      tt.showToast({ title: err.errMsg, icon: 'none' });
    }
  },

  async toggleCamera() {
    const cameraOn = !this.data.cameraOn;
    try {
      await (cameraOn ? rtc.startVideoCapture() : rtc.stopVideoCapture());
      app.globalData.cameraOn = cameraOn;
      this.setData({ cameraOn });
    } catch (err) {
      tt.showToast({ title: err.errMsg, icon: 'none' });
    }
  },

  async leave() {
    try {
      await rtc.leaveRoom(this.data.roomId);
      this.setData({ joined: false, state: 'left', members: [], videoMembers: [], speakers: [], screenMembers: [] });
      tt.showToast({ title: 'Left the room', icon: 'none' });
      tt.navigateBack();
    } catch (err) {
      tt.showToast({ title: err.errMsg, icon: 'none' });
    }
  }
});
