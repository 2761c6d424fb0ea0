package dev.ttrtc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the README's architecture section, checked on the main classes of every module:
 * {@code tools → bridge → view → runtime}, {@code bridge → runtime}, and inside bridge
 * {@code tt → engine ← media}, {@code engine.internal → signal.client}, {@code signal.server}
 * apart from the engine. Rules about modules that do not exist yet (view has no classes,
 * automator is planned) already hold for them and pass while they are empty.
 */
class ArchitectureTest {
    private static final String RUNTIME = "dev.ttrtc.runtime..";
    private static final String VIEW = "dev.ttrtc.view..";
    private static final String BRIDGE = "dev.ttrtc.bridge..";
    private static final String TOOLS = "dev.ttrtc.tools..";
    private static final String AUTOMATOR = "dev.ttrtc.automator..";
    private static final String WEBRTC = "dev.onvoid.webrtc..";

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ttrtc");
    }

    @Test
    void every_module_with_classes_is_seen() {
        // An empty import would make every rule below pass: check the modules are on the class path.
        for (String module : new String[] {"dev.ttrtc.runtime", "dev.ttrtc.bridge", "dev.ttrtc.tools", "dev.ttrtc.automator"}) {
            assertFalse(classes.stream().noneMatch(c -> c.getPackageName().startsWith(module)), module + " was not imported");
        }
    }

    @Test
    void runtime_knows_no_view_bridge_or_tools() {
        noClasses().that().resideInAPackage(RUNTIME)
                .should().dependOnClassesThat().resideInAnyPackage(VIEW, BRIDGE, TOOLS, AUTOMATOR)
                .check(classes);
    }

    @Test
    void view_knows_no_rtc_and_no_tools() {
        noClasses().that().resideInAPackage(VIEW)
                .should().dependOnClassesThat().resideInAnyPackage(BRIDGE, WEBRTC, TOOLS, AUTOMATOR)
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void bridge_knows_no_tools() {
        noClasses().that().resideInAPackage(BRIDGE)
                .should().dependOnClassesThat().resideInAnyPackage(TOOLS, AUTOMATOR)
                .check(classes);
    }

    @Test
    void runtime_view_and_bridge_never_import_the_automator() {
        noClasses().that().resideInAnyPackage(RUNTIME, VIEW, BRIDGE)
                .should().dependOnClassesThat().resideInAPackage(AUTOMATOR)
                .check(classes);
    }

    @Test
    void the_automator_uses_the_runtime_public_api_only() {
        // The public embedding API (MiniProgram, InstanceView): not the runtime's internals, not
        // the view's implementation (found at run time through ServiceLoader), not RTC, not the CLI.
        noClasses().that().resideInAPackage(AUTOMATOR)
                .should().dependOnClassesThat().resideInAnyPackage("dev.ttrtc.runtime.internal..", VIEW, BRIDGE, TOOLS, WEBRTC,
                        "org.graalvm..")
                .check(classes);
    }

    @Test
    void nothing_depends_on_the_tools() {
        noClasses().that().resideOutsideOfPackage(TOOLS)
                .should().dependOnClassesThat().resideInAPackage(TOOLS)
                .check(classes);
    }

    @Test
    void the_room_server_never_imports_the_engine() {
        noClasses().that().resideInAPackage("dev.ttrtc.bridge.signal.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.ttrtc.bridge.engine..")
                .check(classes);
    }

    @Test
    void only_media_imports_webrtc_java() {
        noClasses().that().resideOutsideOfPackage("dev.ttrtc.bridge.media..")
                .should().dependOnClassesThat().resideInAPackage(WEBRTC)
                .check(classes);
    }

    @Test
    void only_the_runtime_internals_import_graaljs() {
        noClasses().that().resideOutsideOfPackage("dev.ttrtc.runtime.internal..")
                .should().dependOnClassesThat().resideInAPackage("org.graalvm..")
                .check(classes);
    }

    @Test
    void the_packages_of_bridge_form_no_cycle() {
        slices().matching("dev.ttrtc.bridge.(**)").should().beFreeOfCycles().check(classes);
    }
}
