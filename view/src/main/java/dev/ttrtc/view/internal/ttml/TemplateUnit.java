package dev.ttrtc.view.internal.ttml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One compiled TTML file: its nodes (includes inlined), the templates it defines, the files it
 * imports and the SJS modules it declares.
 */
public final class TemplateUnit {
    private final String file;
    private final List<TNode> body = new ArrayList<>();
    private final Map<String, Definition> templates = new LinkedHashMap<>();
    private final List<TemplateUnit> imports = new ArrayList<>();
    private final List<SjsDeclaration> sjs = new ArrayList<>();
    private Map<String, Definition> visible;
    private DataReads reads;
    private Boolean slotsInTemplates;

    /** {@code <template name>}: its body renders with only the call's data and its file's SJS modules. */
    public record Definition(String name, List<TNode> body, TemplateUnit unit, Location location) {
    }

    /**
     * {@code <sjs module="name" src="file.sjs"/>} (src set) or an inline module (source set).
     *
     * @param src the project-relative path of the module file, or null
     * @param source the inline source, or null
     */
    public record SjsDeclaration(String name, String src, String source, Location location) {
    }

    TemplateUnit(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    public List<TNode> body() {
        return Collections.unmodifiableList(body);
    }

    public List<SjsDeclaration> sjs() {
        return Collections.unmodifiableList(sjs);
    }

    /** The names of the templates this file defines. */
    public java.util.Set<String> definitionNames() {
        return Collections.unmodifiableSet(templates.keySet());
    }

    /** The files this file imports directly. */
    public List<TemplateUnit> importedUnits() {
        return Collections.unmodifiableList(imports);
    }

    /** Which data fields each node of the body reads; set once the body is compiled. */
    public DataReads reads() {
        return reads;
    }

    /**
     * True when a template this file can call, directly or through what it imports, holds a
     * {@code <slot>}: such a slot is met only inside a call, where a render after setData may pass it by.
     */
    public boolean slotsInTemplates() {
        if (slotsInTemplates == null) {
            slotsInTemplates = DataReads.slotsInTemplates(this);
        }
        return slotsInTemplates;
    }

    void bodyCompiled() {
        reads = DataReads.of(this);
    }

    List<TNode> mutableBody() {
        return body;
    }

    Map<String, Definition> definitions() {
        return templates;
    }

    List<TemplateUnit> imports() {
        return imports;
    }

    List<SjsDeclaration> mutableSjs() {
        return sjs;
    }

    /**
     * The templates a {@code <template is>} in this file can use: its own and those defined in
     * the files it imports directly (imports are not transitive).
     */
    public Definition template(String name) {
        if (visible == null) {
            Map<String, Definition> all = new LinkedHashMap<>();
            for (TemplateUnit imported : imports) {
                all.putAll(imported.templates);
            }
            all.putAll(templates);
            visible = all;
        }
        return visible.get(name);
    }
}
