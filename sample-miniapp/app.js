// One RTC context for the whole app, created at launch, as in the Douyin RTC best-practice sample.
const { RTC_APP_ID } = require('./config');

App({
  globalData: {
    micOn: true,
    cameraOn: true,
    RtcClient: null,
    screenWidth: 0
  },

  onLaunch(options) {
    const info = tt.getSystemInfoSync();
    this.globalData.screenWidth = info.screenWidth;
    console.log('sample launched on', info.model, 'scene', options.scene);
    this.globalData.RtcClient = tt.createRtcRoomContext({ appId: RTC_APP_ID });
  }
});
