package dev.ttrtc.view.internal.ttml;

import dev.ttrtc.runtime.view.ProjectFiles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles TTML files into {@link TemplateUnit}s: directives ({@code tt:for}, {@code tt:if}
 * chains, {@code tt:key}), {@code block}, {@code template} definitions and calls,
 * {@code import} (templates of the imported file, not of its imports), {@code include} (the
 * file inlined without its templates and SJS modules), {@code <sjs>} modules, event bindings and
 * bindings in attributes and text. What the platform's compiler rejects is a
 * {@link TemplateException}; what it accepts but renders differently from what was likely meant
 * is a warning. Files are compiled once and cached. Loop thread only.
 */
public final class TtmlCompiler {
    private static final Pattern EVENT = Pattern.compile(
            "(?:(capture-bind|capture-catch|mut-bind):|(bind|catch):?)([A-Za-z_][\\w-]*)");
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private final ProjectFiles files;
    private final Warnings warnings;
    private final Map<String, TemplateUnit> units = new HashMap<>();
    private final Map<String, List<RawNode>> parsed = new HashMap<>();

    public TtmlCompiler(ProjectFiles files, Warnings warnings) {
        this.files = files;
        this.warnings = warnings;
    }

    /** Compiles a file (and what it imports), or empty when the file does not exist. */
    public Optional<TemplateUnit> compile(String file) throws TemplateException {
        if (!units.containsKey(file) && !files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(unit(file, null));
    }

    private TemplateUnit unit(String file, Location requestedAt) throws TemplateException {
        TemplateUnit cached = units.get(file);
        if (cached != null) {
            return cached;
        }
        List<RawNode> raw = parse(file, requestedAt);
        TemplateUnit unit = new TemplateUnit(file);
        units.put(file, unit);
        Set<String> sjsNames = new HashSet<>();
        collectSjs(raw, unit, sjsNames);
        Context context = new Context(unit, Set.copyOf(sjsNames), new ArrayDeque<>(List.of(file)));
        List<Location> importLocations = new ArrayList<>();
        List<String> importFiles = new ArrayList<>();
        unit.mutableBody().addAll(nodes(raw, context, importFiles, importLocations));
        unit.bodyCompiled();
        for (int i = 0; i < importFiles.size(); i++) {
            unit.imports().add(unit(importFiles.get(i), importLocations.get(i)));
        }
        return unit;
    }

    private List<RawNode> parse(String file, Location requestedAt) throws TemplateException {
        List<RawNode> raw = parsed.get(file);
        if (raw == null) {
            Optional<String> text = files.readText(file);
            if (text.isEmpty()) {
                throw new TemplateException(requestedAt == null ? new Location(file, 1, 1) : requestedAt,
                        "cannot find " + file);
            }
            raw = MarkupParser.parse(file, text.get(), warnings);
            parsed.put(file, raw);
        }
        return raw;
    }

    /** What compiling one file's nodes needs: the unit, its SJS module names, the include chain. */
    private record Context(TemplateUnit unit, Set<String> sjsNames, Deque<String> includes) {
    }

    // ---- SJS modules ------------------------------------------------------------------------------

    private void collectSjs(List<RawNode> raw, TemplateUnit unit, Set<String> names) throws TemplateException {
        for (RawNode node : raw) {
            if (!(node instanceof RawNode.Element e)) {
                continue;
            }
            if (e.name().equals("sjs")) {
                unit.mutableSjs().add(sjsDeclaration(e, unit.file(), names));
            } else {
                collectSjs(e.children(), unit, names);
            }
        }
    }

    private TemplateUnit.SjsDeclaration sjsDeclaration(RawNode.Element e, String file, Set<String> names)
            throws TemplateException {
        RawNode.Attribute module = e.attribute("module");
        if (module == null || module.value() == null || module.value().isBlank()) {
            throw new TemplateException(e.location(), "<sjs> needs a module name");
        }
        String name = module.value();
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new TemplateException(module.location(), "<sjs> module name \"" + name + "\" is not a valid identifier");
        }
        if (!names.add(name)) {
            throw new TemplateException(module.location(), "<sjs> module \"" + name + "\" is declared twice in " + file);
        }
        RawNode.Attribute src = e.attribute("src");
        if (src != null && src.value() != null) {
            if (!src.value().endsWith(".sjs")) {
                throw new TemplateException(src.location(), "<sjs src> must name a .sjs file");
            }
            String path = resolve(file, src.value());
            if (path == null || !files.exists(path)) {
                throw new TemplateException(src.location(), "cannot find SJS module " + src.value());
            }
            refuseOtherPackage(file, path, src);
            if (e.rawContent() != null && !e.rawContent().isBlank()) {
                warnings.warn(e.location(), "<sjs> has both src and inline code; the inline code is ignored");
            }
            return new TemplateUnit.SjsDeclaration(name, path, null, e.location());
        }
        String source = e.rawContent() == null ? "" : e.rawContent();
        return new TemplateUnit.SjsDeclaration(name, null, source, e.contentLocation() == null ? e.location() : e.contentLocation());
    }

    // ---- nodes ------------------------------------------------------------------------------------

    /** Compiles sibling nodes, grouping tt:if / tt:elif / tt:else chains. */
    private List<TNode> nodes(List<RawNode> raw, Context context, List<String> importFiles,
            List<Location> importLocations) throws TemplateException {
        List<TNode> out = new ArrayList<>();
        List<TNode.Branch> chain = null;
        for (RawNode node : raw) {
            if (node instanceof RawNode.Text t) {
                chain = null;
                out.add(new TNode.Text(Bindings.parse(t.text(), t.location(), context.sjsNames(), ExprParser.Place.VALUE),
                        t.location()));
                continue;
            }
            RawNode.Element e = (RawNode.Element) node;
            switch (e.name()) {
                case "sjs":
                    continue;
                case "import": {
                    RawNode.Attribute src = e.attribute("src");
                    if (src == null || src.value() == null) {
                        throw new TemplateException(e.location(), "<import> needs a src");
                    }
                    importFiles.add(ttmlPath(context.unit().file(), src));
                    importLocations.add(src.location());
                    continue;
                }
                case "template":
                    if (e.attribute("name") != null) {
                        define(e, context);
                        continue;
                    }
                    break;
                case "include":
                    chain = null;
                    out.add(include(e, context));
                    continue;
                default:
                    break;
            }
            Directives d = Directives.of(e, context.sjsNames(), warnings);
            TNode core = element(e, d, context, importFiles, importLocations);
            if (d.forItems() != null) {
                if (d.elif() != null || d.isElse()) {
                    throw new TemplateException(e.location(), "tt:for cannot be combined with tt:elif or tt:else");
                }
                TNode body = d.ifCondition() == null ? core
                        : new TNode.If(List.of(new TNode.Branch(d.ifCondition(), core)), e.location());
                out.add(new TNode.For(d.forItems(), d.itemName(), d.indexName(), d.key(), body, e.location()));
                chain = null;
            } else if (d.ifCondition() != null) {
                chain = new ArrayList<>();
                chain.add(new TNode.Branch(d.ifCondition(), core));
                out.add(new TNode.If(chain, e.location()));
            } else if (d.elif() != null || d.isElse()) {
                if (chain == null) {
                    throw new TemplateException(e.location(), (d.isElse() ? "tt:else" : "tt:elif")
                            + " must follow an element with tt:if or tt:elif");
                }
                chain.add(new TNode.Branch(d.isElse() ? null : d.elif(), core));
                if (d.isElse()) {
                    chain = null;
                }
            } else {
                chain = null;
                out.add(core);
            }
        }
        return out;
    }

    private TNode element(RawNode.Element e, Directives d, Context context, List<String> importFiles,
            List<Location> importLocations) throws TemplateException {
        if (e.name().equals("template")) {
            RawNode.Attribute is = e.attribute("is");
            if (is == null || is.value() == null) {
                throw new TemplateException(e.location(), "<template> needs a name (to define one) or an is (to use one)");
            }
            RawNode.Attribute data = e.attribute("data");
            Interpolation dataValue = data == null || data.value() == null ? null
                    : Bindings.parse(data.value(), data.valueLocation(), context.sjsNames(), ExprParser.Place.TEMPLATE_DATA);
            return new TNode.Call(Bindings.parse(is.value(), is.valueLocation(), context.sjsNames(), ExprParser.Place.VALUE),
                    dataValue, context.unit(), e.location());
        }
        // Attributes before children, so that errors and warnings come in the file's order.
        if (e.name().equals("block")) {
            for (RawNode.Attribute a : e.attributes()) {
                if (!Directives.NAMES.contains(a.name())) {
                    warnings.warn(a.location(), "<block> takes only tt:if and tt:for attributes; " + a.name() + " is ignored");
                }
            }
            return new TNode.Block(nodes(e.children(), context, importFiles, importLocations), e.location());
        }
        List<TNode.Attribute> attributes = new ArrayList<>();
        List<TNode.EventBinding> events = new ArrayList<>();
        for (RawNode.Attribute a : e.attributes()) {
            String name = a.name();
            if (Directives.NAMES.contains(name)) {
                continue;
            }
            if (name.startsWith("wx:")) {
                warnings.warn(a.location(), name + " is WeChat syntax; Douyin templates use tt:" + name.substring(3)
                        + " (the attribute is ignored)");
                continue;
            }
            if (name.startsWith("tt:")) {
                warnings.warn(a.location(), "unknown directive " + name + " (ignored)");
                continue;
            }
            Matcher m = EVENT.matcher(name);
            if (m.matches()) {
                events.add(event(m, a, context));
                continue;
            }
            attributes.add(new TNode.Attribute(name, a.value() == null ? null
                    : Bindings.parse(a.value(), a.valueLocation(), context.sjsNames(), ExprParser.Place.VALUE), a.location()));
        }
        List<TNode> children = nodes(e.children(), context, importFiles, importLocations);
        return new TNode.Element(e.name(), List.copyOf(attributes), List.copyOf(events), children, e.location());
    }

    private TNode.EventBinding event(Matcher m, RawNode.Attribute a, Context context) throws TemplateException {
        String prefix = m.group(1) != null ? m.group(1) : m.group(2);
        if (prefix.equals("mut-bind")) {
            warnings.warn(a.location(), "mut-bind is not documented for Douyin; it is treated as bind");
        }
        Interpolation handler = Bindings.parse(a.value() == null ? "" : a.value(), a.valueLocation(), context.sjsNames(),
                ExprParser.Place.VALUE);
        return new TNode.EventBinding(m.group(3), prefix.startsWith("capture"), prefix.endsWith("catch"), handler, a.name(),
                a.location());
    }

    private void define(RawNode.Element e, Context context) throws TemplateException {
        RawNode.Attribute name = e.attribute("name");
        if (name.value() == null || name.value().isBlank()) {
            throw new TemplateException(name.location(), "<template name> needs a name");
        }
        List<TNode> body = nodes(e.children(), context, new ArrayList<>(), new ArrayList<>());
        TemplateUnit.Definition previous = context.unit().definitions().put(name.value(),
                new TemplateUnit.Definition(name.value(), body, context.unit(), e.location()));
        if (previous != null) {
            warnings.warn(e.location(), "template \"" + name.value() + "\" is defined twice in " + context.unit().file()
                    + "; the later one is used");
        }
    }

    /** The included file's nodes without its templates, SJS modules and imports, compiled in this file's scope. */
    private TNode include(RawNode.Element e, Context context) throws TemplateException {
        RawNode.Attribute src = e.attribute("src");
        if (src == null || src.value() == null) {
            throw new TemplateException(e.location(), "<include> needs a src");
        }
        String file = ttmlPath(context.unit().file(), src);
        if (context.includes().contains(file)) {
            List<String> chain = new ArrayList<>();
            context.includes().descendingIterator().forEachRemaining(chain::add);
            throw new TemplateException(src.location(), "include cycle: " + String.join(" -> ", chain) + " -> " + file);
        }
        List<RawNode> raw = new ArrayList<>();
        for (RawNode node : parse(file, src.location())) {
            if (node instanceof RawNode.Element el && (el.name().equals("template") && el.attribute("name") != null
                    || el.name().equals("sjs") || el.name().equals("import"))) {
                continue;
            }
            raw.add(node);
        }
        context.includes().push(file);
        try {
            return new TNode.Block(nodes(raw, context, new ArrayList<>(), new ArrayList<>()), e.location());
        } finally {
            context.includes().pop();
        }
    }

    // ---- paths ------------------------------------------------------------------------------------

    private String ttmlPath(String from, RawNode.Attribute src) throws TemplateException {
        String spec = src.value().endsWith(".ttml") ? src.value() : src.value() + ".ttml";
        String path = resolve(from, spec);
        if (path == null) {
            throw new TemplateException(src.location(), src.value() + " is outside the project");
        }
        refuseOtherPackage(from, path, src);
        return path;
    }

    private void refuseOtherPackage(String from, String path, RawNode.Attribute src) throws TemplateException {
        Optional<String> refusal = files.packageRefusal(from, path);
        if (refusal.isPresent()) {
            throw new TemplateException(src.location(), refusal.get());
        }
    }

    /** A path relative to {@code from}'s folder, or to the project root when it starts with /; null when it leaves the project. */
    public static String resolve(String from, String spec) {
        List<String> parts = new ArrayList<>();
        if (!spec.startsWith("/") && from.contains("/")) {
            parts.addAll(List.of(from.substring(0, from.lastIndexOf('/')).split("/")));
        }
        for (String part : spec.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
