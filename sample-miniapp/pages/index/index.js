// The lobby: pick a room and a user name, switch mic and camera, join.
// Opened with roomId, userId and token in its query (a share link, or `tt-host run`), it joins
// at once, as a mini-program opened from a room invitation does.
const app = getApp();

Page({
  data: {
    roomId: 'demo-room',
    userId: '',
    token: '',
    micOn: true,
    cameraOn: true
  },

  onLoad(query) {
    this.setData({
      roomId: query.roomId || this.data.roomId,
      userId: query.userId || 'user' + Math.floor(Math.random() * 10000),
      token: query.token || '',
      micOn: app.globalData.micOn,
      cameraOn: app.globalData.cameraOn
    });
    console.log('lobby ready for room', this.data.roomId, 'as', this.data.userId);
    if (query.roomId && query.token) {
      this.join();
    }
  },

  onRoomInput(event) {
    this.setData({ roomId: event.detail.value });
  },

  onUserInput(event) {
    this.setData({ userId: event.detail.value });
  },

  toggleMic() {
    app.globalData.micOn = !this.data.micOn;
    this.setData({ micOn: app.globalData.micOn });
  },

  toggleCamera() {
    app.globalData.cameraOn = !this.data.cameraOn;
    this.setData({ cameraOn: app.globalData.cameraOn });
  },

  join() {
    const { roomId, userId, token } = this.data;
    if (!token) {
      tt.showToast({ title: 'No token: start with tt-host run', icon: 'fail' });
      return;
    }
    tt.navigateTo({
      url: `/pages/room/room?roomId=${encodeURIComponent(roomId)}&userId=${encodeURIComponent(userId)}&token=${encodeURIComponent(token)}`
    });
  }
});
