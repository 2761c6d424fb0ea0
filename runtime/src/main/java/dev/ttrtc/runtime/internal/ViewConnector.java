package dev.ttrtc.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ttrtc.runtime.EventLog;
import dev.ttrtc.runtime.LaunchException;
import dev.ttrtc.runtime.SystemInfo;
import dev.ttrtc.runtime.api.ApiException;
import dev.ttrtc.runtime.view.ComponentHandle;
import dev.ttrtc.runtime.view.ComponentInfo;
import dev.ttrtc.runtime.view.CreatedComponent;
import dev.ttrtc.runtime.view.EventOptions;
import dev.ttrtc.runtime.view.InstanceView;
import dev.ttrtc.runtime.view.LogicLayer;
import dev.ttrtc.runtime.view.ProjectFiles;
import dev.ttrtc.runtime.view.SjsSandbox;
import dev.ttrtc.runtime.view.ViewLayer;
import dev.ttrtc.runtime.view.ViewLayerProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The runtime's side of the view SPI for one instance: the {@link LogicLayer} the view uses,
 * and the hooks through which components.js reaches the {@link ViewLayer}. Until a view is
 * opened (or when no view module is on the class path) the hooks reach {@link NoViewLayer}.
 * Loop thread only, except the thread-safe reads the LogicLayer contract names.
 */
final class ViewConnector implements LogicLayer {
    private final String instanceId;
    private final Project project;
    private final ComponentIndex components;
    private final SystemInfo systemInfo;
    private final EventLog log;
    private final EventLoop loop;
    private final ProjectFiles files;
    private final Map<String, ComponentInfo> infos = new HashMap<>();
    private ComponentModel model;
    private Framework framework;
    private volatile SjsContext sjs;
    private volatile ViewLayer view = NoViewLayer.INSTANCE;
    private final Attachments attachments;
    private final RealComponentHandle.Settler settler;
    private final PatchTrees patches;

    /** Where the instance's attachments are found (they exist once the modules are installed). */
    @FunctionalInterface
    interface Attachments {
        <T> Optional<T> find(Class<T> type);
    }

    ViewConnector(String instanceId, Project project, ComponentIndex components, SystemInfo systemInfo, EventLog log,
            EventLoop loop, Attachments attachments, RealComponentHandle.Settler settler, PatchTrees patches) {
        this.instanceId = instanceId;
        this.patches = patches;
        this.attachments = attachments;
        this.settler = settler;
        this.project = project;
        this.components = components;
        this.systemInfo = systemInfo;
        this.log = log;
        this.loop = loop;
        this.files = new ProjectFileAccess(project);
    }

    /** The hooks components.js calls to reach the view. */
    void addHooks(Map<String, Object> hooks) {
        hooks.put("viewPageCreated", (ProxyExecutable) a -> {
            view.pageCreated(a[0].asInt(), a[1].asString(), (ObjectNode) JsBridge.parse(a[2].asString()));
            return null;
        });
        hooks.put("viewPageShown", (ProxyExecutable) a -> {
            view.pageShown(a[0].asInt());
            return null;
        });
        hooks.put("viewPageUnloaded", (ProxyExecutable) a -> {
            view.pageUnloaded(a[0].asInt());
            return null;
        });
        hooks.put("viewData", (ProxyExecutable) a -> {
            dataChanged(a[0].asInt(), a[1].asString());
            return null;
        });
        hooks.put("viewComponentEvent", (ProxyExecutable) a -> {
            view.componentEvent(a[0].asInt(), a[1].asString(), JsBridge.parse(a[2].asString()),
                    new EventOptions(a[3].asBoolean(), a[4].asBoolean(), a[5].asBoolean()));
            return null;
        });
        hooks.put("viewSelectComponents", (ProxyExecutable) a -> {
            ArrayNode ids = JsonNodeFactory.instance.arrayNode();
            view.selectComponents(a[0].asInt(), a[1].asString(), a[2].asBoolean()).forEach(ids::add);
            return ids.toString();
        });
        hooks.put("viewQuery", (ProxyExecutable) a -> view.querySelector(JsBridge.parse(a[0].asString())).toString());
    }

    /** An owner's setData patch (JSON text) for the view. */
    void dataChanged(int ownerId, String patch) {
        view.dataChanged(ownerId, patches.read(patch));
    }

    /** Connects the framework, once it is installed (before any project code runs). */
    void attach(Framework framework) {
        this.framework = framework;
        this.model = framework.components();
    }

    /** Reads the component definitions once the project code ran, and opens the view. */
    void open(Optional<ViewLayerProvider> provider) throws LaunchException {
        for (String path : components.loadOrder()) {
            infos.put(path, model.info(path));
        }
        if (provider.isPresent()) {
            view = provider.get().open(this);
        }
    }

    InstanceView consumerView() {
        return view.consumerView();
    }

    ViewLayer view() {
        return view;
    }

    ComponentModel model() {
        return model;
    }

    /** Interrupts SJS code running now (from the watchdog's interrupter thread). */
    void interruptSjs(java.time.Duration grace) {
        SjsContext context = sjs;
        if (context != null) {
            context.interrupt(grace);
        }
    }

    void close() {
        view.close();
        if (sjs != null) {
            sjs.close();
        }
    }

    // ---- LogicLayer -----------------------------------------------------------------------------

    @Override
    public String instanceId() {
        return instanceId;
    }

    @Override
    public ProjectFiles files() {
        return files;
    }

    @Override
    public SystemInfo systemInfo() {
        return systemInfo;
    }

    @Override
    public EventLog events() {
        return log;
    }

    @Override
    public Executor loop() {
        return loop;
    }

    @Override
    public boolean inLoop() {
        return loop.inLoop();
    }

    @Override
    public SjsSandbox sjs() {
        loop.assertInLoop();
        if (sjs == null) {
            sjs = new SjsContext(log);
        }
        return sjs;
    }

    @Override
    public List<String> pages() {
        return project.pages();
    }

    @Override
    public Map<String, String> usingComponents(String ownerPath) {
        return components.usingComponents(ownerPath);
    }

    @Override
    public ComponentInfo componentInfo(String componentPath) {
        ComponentInfo info = infos.get(componentPath);
        if (info == null) {
            throw new IllegalArgumentException("no component " + componentPath + " was loaded");
        }
        return info;
    }

    @Override
    public CreatedComponent createComponent(String componentPath, int parentOwnerId, int pageId, ObjectNode hostInfo) {
        loop.assertInLoop();
        return model.create(componentPath, parentOwnerId, pageId, hostInfo);
    }

    @Override
    public ObjectNode setProperties(int componentId, ObjectNode changed) {
        loop.assertInLoop();
        return model.setProperties(componentId, changed);
    }

    @Override
    public ComponentHandle component(int componentId) {
        return new RealComponentHandle(componentId, () -> model, settler);
    }

    @Override
    public void lifetime(int componentId, String name) {
        loop.assertInLoop();
        model.lifetime(componentId, name);
    }

    @Override
    public Optional<JsonNode> callHandler(int ownerId, String method, ObjectNode event) {
        loop.assertInLoop();
        return model.callHandler(ownerId, method, event);
    }

    @Override
    public String navigate(String kind, String url, int delta) {
        loop.assertInLoop();
        ApiException failure = framework.navigate(kind, url, delta);
        return failure == null ? null : failure.detail();
    }

    @Override
    public void pageEvent(int pageId, String hook, JsonNode argument) {
        loop.assertInLoop();
        model.pageHook(pageId, hook, argument);
    }

    @Override
    public <T> Optional<T> attachment(Class<T> type) {
        return attachments.find(type);
    }
}
