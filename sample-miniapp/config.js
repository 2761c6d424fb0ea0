// The RTC application this sample joins rooms of. This is tt-rtc-host's built-in development
// app (see the README); on the platform it would be your Volcengine RTC appId.
module.exports = {
  RTC_APP_ID: '5f0c3d7e9a1b2c4d6e8f0a1b'
};
