package dev.ttrtc.runtime.internal.apis.account;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.HostEvent;
import dev.ttrtc.runtime.UserAccount;
import dev.ttrtc.runtime.api.ApiCall;
import dev.ttrtc.runtime.api.ApiEntry;
import dev.ttrtc.runtime.api.ApiErrors;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.api.ApiRegistry;
import dev.ttrtc.runtime.api.InstanceContext;
import dev.ttrtc.runtime.api.TtApiModule;
import dev.ttrtc.runtime.internal.apis.Permissions;
import java.time.Clock;
import java.util.List;

/**
 * {@code tt.login}, {@code tt.checkSession}, {@code tt.getUserInfo} and {@code tt.getUserProfile}
 * for the simulated {@link UserAccount}. Codes are fresh random strings; user data is signed and
 * encrypted with the account's session_key exactly as the platform documents
 * ({@link UserDataCipher}), so a developer's server can verify it.
 *
 * <p>Rules, from the platform's docs: a logged-out user gets the app's login box when
 * {@code force} is true (the default) and, when they cancel, {@code login:fail host login fail}
 * (113001); with {@code force: false} login succeeds with only {@code anonymousCode} and
 * {@code isLogin: false}. A successful login with a code creates the session that
 * {@code checkSession} checks (21500 {@code session expired} without one). {@code getUserInfo}
 * depends on that session (21500 {@code invalid session}) and on {@code scope.userInfo} (10200
 * {@code auth deny}); {@code getUserProfile} asks the user every time and, for a logged-out user
 * without {@code force}, fails with 21500 {@code host not login} (host wording).
 */
public final class AccountApi implements TtApiModule {
    /** The platform's errNo for a cancelled or failed login in the Douyin app. */
    static final int HOST_LOGIN_FAIL = 113001;
    static final String USER_INFO_SCOPE = "scope.userInfo";
    public static final List<ApiEntry> APIS = List.of(
            ApiEntry.async("login").hostRule("codes are random; the user (logged in or not, accepting the login box or "
                    + "not) comes from LaunchOptions.user"),
            ApiEntry.async("checkSession").hostRule("a session exists after a login with a code, or from the start with "
                    + "UserAccount.withSession(true); it never expires"),
            ApiEntry.async("getUserInfo").hostRule("userInfo from LaunchOptions.user; signature and encryptedData are made "
                    + "with its session_key as the platform documents; refused with LaunchOptions.deny(\"scope.userInfo\")"),
            ApiEntry.async("getUserProfile").hostRule("like getUserInfo, asking every call (a UI entry); not restricted "
                    + "to tap handlers"));

    private final UserAccount account;
    private final Permissions permissions;
    private final Clock clock;

    public AccountApi(UserAccount account, Permissions permissions, Clock clock) {
        this.account = account;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public List<ApiEntry> apis() {
        return APIS;
    }

    /** The per-instance state: loop thread only. */
    private static final class Session {
        boolean loggedIn;
        boolean valid;
    }

    @Override
    public void install(InstanceContext instance, ApiRegistry tt) {
        Session session = new Session();
        session.loggedIn = account.loggedIn();
        session.valid = account.hasSession();

        tt.async("login", call -> {
            boolean force = call.params().optionalBool("force", true);
            if (!session.loggedIn && force) {
                showLoginBox(instance);
                if (!account.acceptsLogin()) {
                    throw new ApiException(HOST_LOGIN_FAIL, "host login fail");
                }
                session.loggedIn = true;
            }
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            if (session.loggedIn) {
                result.put("code", UserDataCipher.newCode());
                session.valid = true;
            }
            result.put("anonymousCode", UserDataCipher.newCode());
            result.put("isLogin", session.loggedIn);
            call.succeed(result);
        });
        tt.async("checkSession", call -> {
            if (!session.valid) {
                throw new ApiException(ApiErrors.BUSINESS_ERROR, "session expired");
            }
            call.succeed();
        });
        tt.async("getUserInfo", call -> {
            boolean withCredentials = call.params().optionalBool("withCredentials", false);
            if (!session.valid) {
                throw new ApiException(ApiErrors.BUSINESS_ERROR, "invalid session");
            }
            permissions.require(instance, USER_INFO_SCOPE);
            call.succeed(userData(instance, withCredentials, true));
        });
        tt.async("getUserProfile", call -> profile(instance, call, session));
    }

    private void profile(InstanceContext instance, ApiCall call, Session session) throws ApiException {
        boolean force = call.params().optionalBool("force", false);
        if (!session.loggedIn) {
            if (!force) {
                throw new ApiException(ApiErrors.BUSINESS_ERROR, "host not login");
            }
            showLoginBox(instance);
            if (!account.acceptsLogin()) {
                throw new ApiException(HOST_LOGIN_FAIL, "host login fail");
            }
            session.loggedIn = true;
        }
        boolean granted = instance.isGranted(USER_INFO_SCOPE);
        ObjectNode ui = JsonNodeFactory.instance.objectNode().put("answer", granted ? "allow" : "deny");
        instance.events().record(HostEvent.Kind.UI, "getUserProfile", "getUserProfile " + ui, ui);
        if (!granted) {
            throw new ApiException(ApiErrors.AUTH_DENY, ApiErrors.AUTH_DENY_DETAIL);
        }
        call.succeed(userData(instance, true, false));
    }

    private void showLoginBox(InstanceContext instance) {
        ObjectNode ui = JsonNodeFactory.instance.objectNode().put("answer", account.acceptsLogin() ? "login" : "cancel");
        instance.events().record(HostEvent.Kind.UI, "login", "login " + ui, ui);
    }

    /** userInfo and rawData, plus signature, encryptedData and iv with credentials. */
    private ObjectNode userData(InstanceContext instance, boolean withCredentials, boolean sealOpenId) {
        UserAccount.Profile p = account.profile();
        ObjectNode userInfo = JsonNodeFactory.instance.objectNode()
                .put("avatarUrl", p.avatarUrl()).put("nickName", p.nickName()).put("gender", p.gender())
                .put("city", p.city()).put("province", p.province()).put("country", p.country())
                .put("language", p.language());
        String rawData = userInfo.toString();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.set("userInfo", userInfo);
        result.put("rawData", rawData);
        if (withCredentials) {
            ObjectNode sensitive = userInfo.deepCopy();
            if (sealOpenId) {
                sensitive.put("openId", account.openId());
            }
            sensitive.putObject("watermark").put("appid", instance.appId().orElse(""))
                    .put("timestamp", clock.instant().getEpochSecond());
            UserDataCipher.Sealed sealed = UserDataCipher.encrypt(sensitive.toString(), account.sessionKey());
            result.put("signature", UserDataCipher.signature(rawData, account.sessionKey()));
            result.put("encryptedData", sealed.encryptedData());
            result.put("iv", sealed.iv());
        }
        return result;
    }
}
