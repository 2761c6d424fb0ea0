package dev.ttrtc.view.internal.ttss;

import com.helger.css.decl.CSSSelector;
import com.helger.css.decl.CSSSelectorAttribute;
import com.helger.css.decl.CSSSelectorMemberFunctionLike;
import com.helger.css.decl.CSSSelectorMemberHost;
import com.helger.css.decl.CSSSelectorMemberNot;
import com.helger.css.decl.CSSSelectorSimpleMember;
import com.helger.css.decl.ECSSAttributeOperator;
import com.helger.css.decl.ECSSSelectorCombinator;
import com.helger.css.decl.ICSSSelectorMember;
import com.helger.css.writer.CSSWriterSettings;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites the selectors of one scope's rules: element names to their HTML elements, classes to
 * the component's scoped classes, {@code :host} to its host attribute; drops (with a warning)
 * what the platform does not support and warns about what it does not document.
 *
 * <p>What the platform documents: {@code .class}, {@code #id}, {@code element}, selector lists,
 * {@code ::after}, {@code ::before}; descendant and child combinators and the structural
 * pseudo-classes render in its WebView and are in every mini-program, so they pass silently.
 * Attribute selectors, sibling combinators and other pseudo-classes or -elements are kept with a
 * warning. {@code *} is dropped (WeChat's compiler rejects it). In a component, tag, id and
 * attribute selectors are dropped: the platform says components cannot use them.
 */
final class SelectorRewriter {
    private static final Set<String> STRUCTURAL = Set.of("first-child", "last-child", "only-child",
            "first-of-type", "last-of-type", "only-of-type", "empty");
    private static final Set<String> STRUCTURAL_FUNCTIONS = Set.of("nth-child", "nth-last-child",
            "nth-of-type", "nth-last-of-type");
    private static final Set<String> GENERATED_CONTENT = Set.of("after", "before");
    private static final CSSWriterSettings WRITER = new CSSWriterSettings(true);

    private final StyleScope scope;

    SelectorRewriter(StyleScope scope) {
        this.scope = scope;
    }

    /** The selector for this scope, or empty (and a warning) when the platform drops it. */
    Optional<CSSSelector> rewrite(CSSSelector selector, Warnings warnings) {
        Verdict verdict = new Verdict();
        CSSSelector rewritten = rewriteMembers(selector, verdict);
        if (verdict.dropReason != null) {
            warnings.at(selector.getSourceLocation(), "selector `" + selector.getAsCSSString(WRITER, 0) + "`: "
                    + verdict.dropReason + "; the selector is dropped");
            return Optional.empty();
        }
        if (verdict.undocumented != null) {
            warnings.at(selector.getSourceLocation(), "selector `" + selector.getAsCSSString(WRITER, 0) + "`: "
                    + verdict.undocumented + " is not in the platform's selector list; kept, but the phone may render it differently");
        }
        return Optional.of(rewritten);
    }

    private CSSSelector rewriteMembers(CSSSelector selector, Verdict verdict) {
        CSSSelector rewritten = new CSSSelector();
        for (ICSSSelectorMember member : selector.getAllMembers()) {
            rewritten.addMember(rewriteMember(member, verdict));
            if (verdict.dropReason != null) {
                break;
            }
        }
        return rewritten;
    }

    private ICSSSelectorMember rewriteMember(ICSSSelectorMember member, Verdict verdict) {
        if (member instanceof CSSSelectorSimpleMember simple) {
            return rewriteSimple(simple, verdict);
        }
        if (member instanceof ECSSSelectorCombinator combinator) {
            if (combinator == ECSSSelectorCombinator.PLUS || combinator == ECSSSelectorCombinator.TILDE) {
                verdict.undocumented("the sibling combinator `" + combinator.getName() + "`");
            }
            return combinator;
        }
        if (member instanceof CSSSelectorAttribute attribute) {
            if (scope.isComponent()) {
                verdict.drop("attribute selectors are not allowed in component styles (use a class)");
            } else {
                verdict.undocumented("the attribute selector `" + attribute.getAsCSSString(WRITER, 0) + "`");
            }
            return attribute;
        }
        if (member instanceof CSSSelectorMemberNot not) {
            CSSSelectorMemberNot rewritten = new CSSSelectorMemberNot();
            for (CSSSelector inner : not.getAllSelectors()) {
                rewritten.addSelector(rewriteMembers(inner, verdict));
            }
            return rewritten;
        }
        if (member instanceof CSSSelectorMemberFunctionLike function) {
            String name = pseudoName(function.getFunctionName());
            if (!STRUCTURAL_FUNCTIONS.contains(name)) {
                verdict.undocumented("`" + function.getAsCSSString(WRITER, 0) + "`");
            }
            return function;
        }
        if (member instanceof CSSSelectorMemberHost) {
            verdict.drop("`:host(…)` is not supported (use `:host`)");
            return member;
        }
        verdict.drop("`" + member.getAsCSSString(WRITER, 0) + "` is not supported");
        return member;
    }

    private ICSSSelectorMember rewriteSimple(CSSSelectorSimpleMember simple, Verdict verdict) {
        String value = simple.getValue();
        if (simple.isClass()) {
            return new CSSSelectorSimpleMember("." + scope.selectorClass(value.substring(1)));
        }
        if (simple.isHash()) {
            if (scope.isComponent()) {
                verdict.drop("ID selectors are not allowed in component styles (use a class)");
            }
            return simple;
        }
        if (simple.isPseudo()) {
            return rewritePseudo(simple, verdict);
        }
        if (value.equals("*")) {
            verdict.drop("the universal selector `*` is not supported");
        } else if (scope.isComponent()) {
            verdict.drop("tag name selectors are not allowed in component styles (use a class)");
        } else {
            return new CSSSelectorSimpleMember(StyleScope.elementName(value));
        }
        return simple;
    }

    private ICSSSelectorMember rewritePseudo(CSSSelectorSimpleMember pseudo, Verdict verdict) {
        String value = pseudo.getValue();
        String name = pseudoName(value);
        if (name.equals("host") && !value.startsWith("::")) {
            if (!scope.isComponent()) {
                verdict.drop("`:host` only means something in a component's styles");
                return pseudo;
            }
            return new CSSSelectorAttribute(null, StyleScope.HOST_ATTRIBUTE, ECSSAttributeOperator.EQUALS,
                    "\"" + scope.prefix() + "\"", null);
        }
        if (!GENERATED_CONTENT.contains(name) && !STRUCTURAL.contains(name) && !STRUCTURAL_FUNCTIONS.contains(name)) {
            verdict.undocumented("`" + value + "`");
        }
        return pseudo;
    }

    /** {@code ::after} → {@code after}, {@code :nth-child(} → {@code nth-child}. */
    private static String pseudoName(String text) {
        String name = text.replaceFirst("^::?", "");
        int paren = name.indexOf('(');
        return (paren < 0 ? name : name.substring(0, paren)).toLowerCase(Locale.ROOT);
    }

    /** What rewriting one selector found: a reason to drop it, or a part the docs do not list. */
    private static final class Verdict {
        String dropReason;
        String undocumented;

        void drop(String reason) {
            if (dropReason == null) {
                dropReason = reason;
            }
        }

        void undocumented(String part) {
            if (undocumented == null) {
                undocumented = part;
            }
        }
    }
}
