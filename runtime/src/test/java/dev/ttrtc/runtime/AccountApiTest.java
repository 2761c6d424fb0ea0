package dev.ttrtc.runtime;

import dev.ttrtc.testkit.Eventually;
import static dev.ttrtc.runtime.Waits.consoleLines;
import static dev.ttrtc.runtime.Waits.eval;
import static dev.ttrtc.runtime.Waits.json;
import static dev.ttrtc.runtime.Waits.waitForConsole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** tt.login, tt.checkSession, tt.getUserInfo and tt.getUserProfile for the simulated user. */
class AccountApiTest extends HostTestBase {

    /** The login flow most projects have in app.js: check the session, log in when it is gone, keep the code. */
    private static final String LOGIN_APP = "App({\n"
            + "  globalData: {},\n"
            + "  onLaunch() {\n"
            + "    tt.checkSession({\n"
            + "      success: () => console.log('session ok'),\n"
            + "      fail: (err) => {\n"
            + "        console.log('checkSession ' + JSON.stringify(err));\n"
            + "        tt.login({\n"
            + "          success: (res) => { this.globalData.code = res.code; console.log('login ' + res.errMsg + ' '"
            + " + typeof res.code + ' ' + typeof res.anonymousCode + ' ' + res.isLogin);\n"
            + "            tt.checkSession({ success: (r) => console.log(r.errMsg) }); },\n"
            + "          fail: (e) => console.log('login failed ' + JSON.stringify(e))\n"
            + "        });\n"
            + "      }\n"
            + "    });\n"
            + "  }\n"
            + "});\n";

    private Path loginProject() {
        return ProjectFolder.in(dir).app(LOGIN_APP).page("pages/index/index", "Page({});").write();
    }

    private static final String LOG = "const log = (tag) => (res) => console.log(tag + ' ' + JSON.stringify(res));\n";

    @Test
    void a_fresh_user_has_no_session_logs_in_with_a_code_and_then_has_one() throws Exception {
        MiniProgram app = launch(loginProject());
        waitForConsole(app, "checkSession:ok");
        assertEquals(List.of("checkSession {\"errMsg\":\"checkSession:fail session expired\",\"errNo\":21500}",
                "login login:ok string string true", "checkSession:ok"), consoleLines(app));
        String code = eval(app, "getApp().globalData.code").asText();
        assertEquals(32, code.length());
        assertNotEquals(code, eval(app, "new Promise((r) => tt.login({ success: (res) => r(res.code) }))").asText());
    }

    @Test
    void a_returning_user_keeps_the_session() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(loginProject()).user(UserAccount.defaults().withSession(true)));
        waitForConsole(app, "session ok");
    }

    @Test
    void a_logged_out_user_who_cancels_the_login_box_fails_login_with_113001() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(loginProject())
                .user(UserAccount.defaults().withLoggedIn(false).withAcceptsLogin(false)));
        waitForConsole(app, "login failed {\"errMsg\":\"login:fail host login fail\",\"errNo\":113001}");
        assertEquals(json("{\"answer\":\"cancel\"}"),
                app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI && e.name().equals("login")).get(0).data());
        eval(app, LOG + "tt.login({ force: false, success: log('quiet') })");
        JsonNode quiet = json(Waits.waitFor(app, consoleLine("quiet")).text().substring("quiet ".length()));
        assertEquals(List.of("errMsg", "anonymousCode", "isLogin"), fieldNames(quiet));
        assertFalse(quiet.get("isLogin").asBoolean());
    }

    @Test
    void a_logged_out_user_who_accepts_the_login_box_gets_a_code() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(loginProject()).user(UserAccount.defaults().withLoggedIn(false)));
        waitForConsole(app, "login login:ok string string true");
    }

    @Test
    void get_user_info_needs_the_session_and_signs_and_encrypts_with_the_session_key() throws Exception {
        UserAccount user = UserAccount.defaults().withOpenId("openid-alice")
                .withProfile(new UserAccount.Profile("Alice", "https://example.invalid/a.png", 2, "Hangzhou", "Zhejiang", "China", ""));
        MiniProgram app = launch(LaunchOptions.builder(ProjectFolder.in(dir).file("project.config.json", "{\"appid\": \"tt0123456789abcdef\"}")
                .page("pages/index/index", "Page({});").write()).user(user));
        eval(app, LOG + "tt.getUserInfo({ fail: log('before login') })");
        waitForConsole(app, "before login {\"errMsg\":\"getUserInfo:fail invalid session\",\"errNo\":21500}");

        JsonNode res = eval(app, "new Promise((resolve) => tt.login({ success: () => tt.getUserInfo({ withCredentials: true,"
                + " success: resolve }) }))");
        JsonNode userInfo = json("{\"avatarUrl\":\"https://example.invalid/a.png\",\"nickName\":\"Alice\",\"gender\":2,"
                + "\"city\":\"Hangzhou\",\"province\":\"Zhejiang\",\"country\":\"China\",\"language\":\"\"}");
        assertEquals(userInfo, res.get("userInfo"));
        assertEquals(userInfo, json(res.get("rawData").asText()));
        String sessionKey = user.sessionKey();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest((res.get("rawData").asText() + sessionKey).getBytes(StandardCharsets.UTF_8))), res.get("signature").asText());
        // Decrypted as the platform's docs tell a developer's server to: AES-128-CBC, key and iv Base64-decoded.
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(sessionKey), "AES"),
                new IvParameterSpec(Base64.getDecoder().decode(res.get("iv").asText())));
        JsonNode sensitive = json(new String(cipher.doFinal(Base64.getDecoder().decode(res.get("encryptedData").asText())),
                StandardCharsets.UTF_8));
        assertEquals("openid-alice", sensitive.get("openId").asText());
        assertEquals("Alice", sensitive.get("nickName").asText());
        assertEquals("tt0123456789abcdef", sensitive.at("/watermark/appid").asText());
        assertTrue(Math.abs(sensitive.at("/watermark/timestamp").asLong() - System.currentTimeMillis() / 1000) < 3600);
        assertEquals(json("{\"scope\":\"scope.userInfo\",\"answer\":\"allow\"}"),
                app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI && e.name().equals("authorize")).get(0).data());

        JsonNode plain = eval(app, "new Promise((resolve) => tt.getUserInfo({ success: resolve }))");
        assertEquals(List.of("errMsg", "userInfo", "rawData"), fieldNames(plain));
    }

    @Test
    void a_user_who_refuses_their_info_gets_auth_deny_and_get_setting_remembers() throws Exception {
        MiniProgram app = launch(LaunchOptions.builder(ProjectFolder.in(dir).page("pages/index/index", "Page({});").write())
                .deny("scope.userInfo").user(UserAccount.defaults().withSession(true)));
        eval(app, LOG + "tt.getUserInfo({ fail: log('info') }); tt.getUserProfile({ desc: 'profile', fail: log('profile') });"
                + " tt.getSetting({ success: log('setting') }); tt.openSetting({ success: log('opened') });");
        waitForConsole(app, "opened {\"errMsg\":\"openSetting:ok\",\"authSetting\":{\"scope.userInfo\":false}}");
        assertEquals(List.of("info {\"errMsg\":\"getUserInfo:fail auth deny\",\"errNo\":10200}",
                "profile {\"errMsg\":\"getUserProfile:fail auth deny\",\"errNo\":10200}",
                "setting {\"errMsg\":\"getSetting:ok\",\"authSetting\":{\"scope.userInfo\":false}}",
                "opened {\"errMsg\":\"openSetting:ok\",\"authSetting\":{\"scope.userInfo\":false}}"), consoleLines(app));
        assertEquals(List.of("authorize", "getUserProfile", "openSetting"),
                app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI).stream().map(HostEvent::name).toList());
    }

    @Test
    void get_user_profile_asks_every_time_and_answers_with_signed_data() throws Exception {
        MiniProgram app = launch(ProjectFolder.in(dir).page("pages/index/index",
                "Page({ onTapLogin() { tt.getUserProfile({ desc: 'show your name', success: (res) => {"
                        + " console.log(res.userInfo.nickName + ' ' + (res.signature.length === 40) + ' ' + typeof res.encryptedData"
                        + " + ' ' + typeof res.iv); } }); } });").write());
        app.callPageMethod("onTapLogin", PageEvent.tap());
        waitForConsole(app, "tt-rtc-host user true string string");
        app.callPageMethod("onTapLogin", PageEvent.tap());
        Eventually.await("app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI && e.name().equals(\"getUserProfile\")).size() == 2", () -> app.events().snapshot(e -> e.kind() == HostEvent.Kind.UI && e.name().equals("getUserProfile")).size() == 2);
    }

    private static java.util.function.Predicate<HostEvent> consoleLine(String prefix) {
        return e -> e.kind() == HostEvent.Kind.CONSOLE && e.text().startsWith(prefix + " ");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
