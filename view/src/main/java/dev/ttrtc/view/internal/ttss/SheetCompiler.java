package dev.ttrtc.view.internal.ttss;

import com.helger.base.system.ENewLineMode;
import com.helger.css.CSSSourceLocation;
import com.helger.css.ICSSSourceLocationAware;
import com.helger.css.decl.AbstractHasTopLevelRules;
import com.helger.css.decl.CSSDeclaration;
import com.helger.css.decl.CSSExpression;
import com.helger.css.decl.CSSImportRule;
import com.helger.css.decl.CSSKeyframesBlock;
import com.helger.css.decl.CSSKeyframesRule;
import com.helger.css.decl.CSSMediaExpression;
import com.helger.css.decl.CSSMediaQuery;
import com.helger.css.decl.CSSMediaRule;
import com.helger.css.decl.CSSPageRule;
import com.helger.css.decl.CSSSelector;
import com.helger.css.decl.CSSStyleRule;
import com.helger.css.decl.CSSUnknownRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ICSSTopLevelRule;
import com.helger.css.decl.IHasCSSDeclarations;
import com.helger.css.writer.CSSWriterSettings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compiles one parsed TTSS file for one scope: selectors rewritten, rpx converted, imports
 * inlined where they stand, every rule written back by ph-css. Comments are not kept.
 */
final class SheetCompiler {
    private static final CSSWriterSettings WRITER = new CSSWriterSettings(false)
            .setQuoteURLs(true)
            .setIndent("  ")
            .setNewLineMode(ENewLineMode.UNIX);

    /** Inlines the file an {@code @import} names. */
    interface Importer {
        /** The compiled CSS of the imported file; its warnings go to the includer's. */
        String inline(String spec, CSSSourceLocation at, Warnings includer) throws TtssException;
    }

    private final SelectorRewriter selectors;
    private final RpxConverter rpx;
    private final Importer importer;

    SheetCompiler(StyleScope scope, RpxConverter rpx, Importer importer) {
        this.selectors = new SelectorRewriter(scope);
        this.rpx = rpx;
        this.importer = importer;
    }

    String compile(CascadingStyleSheet sheet, Warnings warnings) throws TtssException {
        List<Object> items = new ArrayList<>(sheet.getAllImportRules());
        items.addAll(sheet.getAllRules());
        items.sort(Comparator.comparingInt((Object item) -> line(item)).thenComparingInt(SheetCompiler::column));
        StringBuilder css = new StringBuilder();
        for (Object item : items) {
            String text;
            if (item instanceof CSSImportRule rule) {
                text = inline(rule, warnings);
            } else {
                ICSSTopLevelRule rule = (ICSSTopLevelRule) item;
                text = rewrite(rule, warnings) ? rule.getAsCSSString(WRITER, 0) : "";
            }
            if (!text.isBlank()) {
                css.append(text.strip()).append('\n');
            }
        }
        return css.toString();
    }

    private String inline(CSSImportRule rule, Warnings warnings) throws TtssException {
        String css = importer.inline(rule.getLocationString(), rule.getSourceLocation(), warnings);
        if (!rule.hasMediaQueries() || css.isBlank()) {
            return css;
        }
        String media = rule.getAllMediaQueries().stream()
                .map(query -> query.getAsCSSString(WRITER, 0))
                .collect(Collectors.joining(", "));
        return "@media " + media + " {\n" + css + "}";
    }

    /** Rewrites the rule in place for the scope; false when nothing of it survives. */
    private boolean rewrite(ICSSTopLevelRule rule, Warnings warnings) {
        if (rule instanceof CSSStyleRule style) {
            if (!rewriteSelectors(style, warnings)) {
                return false;
            }
            convert(style);
        } else if (rule instanceof CSSMediaRule media) {
            for (CSSMediaQuery query : media.getAllMediaQueries()) {
                for (CSSMediaExpression expression : query.getAllMediaExpressions()) {
                    convert(expression.getValue());
                }
            }
            return rewriteNested(media, warnings);
        } else if (rule instanceof AbstractHasTopLevelRules container) {
            return rewriteNested(container, warnings);
        } else if (rule instanceof CSSKeyframesRule keyframes) {
            for (CSSKeyframesBlock block : keyframes.getAllBlocks()) {
                convert(block);
            }
        } else if (rule instanceof CSSPageRule page) {
            page.getAllMembers().stream().filter(CSSDeclaration.class::isInstance)
                    .forEach(member -> convert((CSSDeclaration) member));
        } else if (rule instanceof IHasCSSDeclarations<?> declarations) {
            convert(declarations);
        } else if (rule instanceof CSSUnknownRule unknown) {
            warnings.at(unknown.getSourceLocation(), "unknown at-rule `" + unknown.getDeclaration()
                    + "` passed through as written");
            unknown.setBody(rpx.convert(unknown.getBody()));
        }
        return true;
    }

    /** Rewrites the rules inside {@code @media}/{@code @supports}, removing those that do not survive. */
    private boolean rewriteNested(AbstractHasTopLevelRules container, Warnings warnings) {
        List<ICSSTopLevelRule> dropped = new ArrayList<>();
        for (ICSSTopLevelRule nested : container.getAllRules()) {
            if (!rewrite(nested, warnings)) {
                dropped.add(nested);
            }
        }
        dropped.forEach(container::removeRule);
        return container.hasRules();
    }

    /** False when every selector of the rule is dropped. */
    private boolean rewriteSelectors(CSSStyleRule rule, Warnings warnings) {
        List<CSSSelector> kept = new ArrayList<>();
        for (CSSSelector selector : rule.getAllSelectors()) {
            Optional<CSSSelector> rewritten = selectors.rewrite(selector, warnings);
            rewritten.ifPresent(kept::add);
        }
        rule.removeAllSelectors();
        kept.forEach(rule::addSelector);
        return !kept.isEmpty();
    }

    private void convert(IHasCSSDeclarations<?> declarations) {
        declarations.getAllDeclarations().forEach(this::convert);
    }

    private void convert(CSSDeclaration declaration) {
        CSSExpression converted = converted(declaration.getExpression());
        if (converted != null) {
            declaration.setExpression(converted);
        }
    }

    private void convert(CSSExpression expression) {
        if (expression == null) {
            return;
        }
        CSSExpression converted = converted(expression);
        if (converted != null) {
            expression.removeAllMembers();
            converted.getAllMembers().forEach(expression::addMember);
        }
    }

    /** The expression with its rpx lengths in px, or null when it has none. */
    private CSSExpression converted(CSSExpression expression) {
        String text = expression.getAsCSSString(WRITER, 0);
        String converted = rpx.convert(text);
        return converted.equals(text) ? null : CSSExpression.createSimple(converted);
    }

    private static int line(Object item) {
        CSSSourceLocation location = ((ICSSSourceLocationAware) item).getSourceLocation();
        return location == null ? 0 : location.getFirstTokenBeginLineNumber();
    }

    private static int column(Object item) {
        CSSSourceLocation location = ((ICSSSourceLocationAware) item).getSourceLocation();
        return location == null ? 0 : location.getFirstTokenBeginColumnNumber();
    }
}
