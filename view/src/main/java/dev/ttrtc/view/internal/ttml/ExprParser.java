package dev.ttrtc.view.internal.ttml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the documented {@code {{ }}} grammar — paths, arithmetic, comparison, logic, ternary,
 * string concatenation, grouping parentheses, array literals, and object literals with spread
 * and shorthand in {@code <template data>} — as strictly as the platform's compiler: a call is an
 * error unless it calls a function of an SJS module the file declares, and so are function
 * literals, assignments and operators the docs do not list. Grouping is not in the docs' list,
 * but the platform's own demo project and uni-app's Douyin builds use it throughout.
 */
final class ExprParser {

    private static final Set<String> UNSUPPORTED_WORDS = Set.of("function", "typeof", "new", "delete", "void",
            "instanceof", "in", "this", "class", "let", "var", "const", "return");

    /** Where an expression is: object literals and spread are allowed only in {@code <template data>}. */
    enum Place { VALUE, TEMPLATE_DATA }

    private final List<ExprLexer.Token> tokens;
    private final Set<String> sjsModules;
    private final Place place;
    private int index;

    private ExprParser(List<ExprLexer.Token> tokens, Set<String> sjsModules, Place place) {
        this.tokens = tokens;
        this.sjsModules = sjsModules;
        this.place = place;
    }

    /**
     * Parses the text between {@code {{} and {@code }}}.
     *
     * @param sjsModules the SJS module names the file declares (their functions may be called)
     */
    static Expr parse(String text, Location start, Set<String> sjsModules, Place place) throws TemplateException {
        List<ExprLexer.Token> tokens = ExprLexer.tokens(text, start);
        if (tokens.size() == 1) {
            throw new TemplateException(start, "empty {{ }} expression");
        }
        ExprParser parser = new ExprParser(tokens, sjsModules, place);
        Expr expr = place == Place.TEMPLATE_DATA && parser.looksLikeObjectBody()
                ? parser.objectBody(start, "")
                : parser.expression();
        ExprLexer.Token rest = parser.peek();
        if (rest.kind() != ExprLexer.Kind.END) {
            throw parser.unexpected(rest);
        }
        return expr;
    }

    private ExprLexer.Token peek() {
        return tokens.get(index);
    }

    private ExprLexer.Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private ExprLexer.Token next() {
        ExprLexer.Token t = tokens.get(index);
        if (t.kind() != ExprLexer.Kind.END) {
            index++;
        }
        return t;
    }

    private boolean isPunct(String text) {
        ExprLexer.Token t = peek();
        return t.kind() == ExprLexer.Kind.PUNCT && t.text().equals(text);
    }

    private ExprLexer.Token expect(String punct) throws TemplateException {
        if (!isPunct(punct)) {
            throw new TemplateException(peek().location(), "expected '" + punct + "' but found " + describe(peek()));
        }
        return next();
    }

    private static String describe(ExprLexer.Token t) {
        return t.kind() == ExprLexer.Kind.END ? "the end of the expression" : "'" + t.text() + "'";
    }

    private TemplateException unexpected(ExprLexer.Token t) {
        if (t.kind() == ExprLexer.Kind.PUNCT) {
            String what = switch (t.text()) {
                case "=", "+=", "-=", "*=", "/=", "%=" -> "assignments are";
                case "++", "--" -> "increments are";
                case "=>" -> "arrow functions are";
                case "?." -> "optional chaining is";
                case "??" -> "'??' is";
                case "&", "|", "^", "~", "<<", ">>", ">>>" -> "bitwise operators are";
                case "," -> "the comma operator is";
                default -> null;
            };
            if (what != null) {
                return new TemplateException(t.location(), what + " not supported in {{ }} expressions");
            }
        }
        return new TemplateException(t.location(), "unexpected " + describe(t) + " in {{ }} expression");
    }

    /** {@code a: …}, {@code 'a': …}, {@code a, …} (shorthand) or {@code ...x}: an object body without braces. */
    private boolean looksLikeObjectBody() {
        ExprLexer.Token first = peek();
        if (first.kind() == ExprLexer.Kind.PUNCT && first.text().equals("...")) {
            return true;
        }
        ExprLexer.Token second = peek(1);
        boolean key = first.kind() == ExprLexer.Kind.NAME || first.kind() == ExprLexer.Kind.STRING;
        return key && second.kind() == ExprLexer.Kind.PUNCT && (second.text().equals(":") || second.text().equals(","));
    }

    private Expr expression() throws TemplateException {
        return conditional();
    }

    private Expr conditional() throws TemplateException {
        Expr test = binary(0);
        if (isPunct("?")) {
            Location at = next().location();
            Expr then = conditional();
            expect(":");
            Expr otherwise = conditional();
            return new Expr.Conditional(test, then, otherwise, at);
        }
        return test;
    }

    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("==", "!=", "===", "!=="), Set.of("<", ">", "<=", ">="),
            Set.of("+", "-"), Set.of("*", "/", "%"));

    private Expr binary(int level) throws TemplateException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (peek().kind() == ExprLexer.Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            ExprLexer.Token op = next();
            Expr right = binary(level + 1);
            left = op.text().equals("&&") || op.text().equals("||")
                    ? new Expr.Logical(op.text(), left, right, op.location())
                    : new Expr.Binary(op.text(), left, right, op.location());
        }
        return left;
    }

    private Expr unary() throws TemplateException {
        if (isPunct("!") || isPunct("-") || isPunct("+")) {
            ExprLexer.Token op = next();
            return new Expr.Unary(op.text(), unary(), op.location());
        }
        return postfix();
    }

    private Expr postfix() throws TemplateException {
        Expr expr = primary();
        while (true) {
            if (isPunct(".")) {
                next();
                ExprLexer.Token name = next();
                if (name.kind() != ExprLexer.Kind.NAME) {
                    throw new TemplateException(name.location(), "expected a property name after '.'");
                }
                expr = new Expr.Member(expr, new Expr.Literal(name.text(), name.location()), name.location());
            } else if (isPunct("[")) {
                Location at = next().location();
                Expr key = expression();
                expect("]");
                expr = new Expr.Member(expr, key, at);
            } else if (isPunct("(")) {
                expr = call(expr);
            } else {
                return expr;
            }
        }
    }

    /** A call: allowed only on a function of a declared SJS module ({@code utils.format(x)}). */
    private Expr call(Expr callee) throws TemplateException {
        Location at = peek().location();
        List<String> path = new ArrayList<>();
        Expr e = callee;
        while (e instanceof Expr.Member m && m.key() instanceof Expr.Literal l && l.value() instanceof String s) {
            path.add(0, s);
            e = m.object();
        }
        if (!(e instanceof Expr.Name root) || path.isEmpty() || !sjsModules.contains(root.name())) {
            String shown = path.isEmpty() ? "" : "." + path.get(path.size() - 1) + "()";
            throw new TemplateException(callee.location(), (path.isEmpty()
                    ? "function calls are not supported in {{ }} expressions"
                    : "method calls such as " + shown + " are not supported in {{ }} expressions")
                    + " (only functions of an <sjs> module of this file can be called)");
        }
        next();
        List<Expr> arguments = new ArrayList<>();
        while (!isPunct(")")) {
            arguments.add(expression());
            if (!isPunct(",")) {
                break;
            }
            next();
        }
        expect(")");
        return new Expr.SjsCall(root.name(), List.copyOf(path), List.copyOf(arguments), at);
    }

    private Expr primary() throws TemplateException {
        ExprLexer.Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return new Expr.Literal(Double.parseDouble(t.text()), t.location());
            case STRING:
                return new Expr.Literal(t.text(), t.location());
            case NAME:
                switch (t.text()) {
                    case "true": return new Expr.Literal(Boolean.TRUE, t.location());
                    case "false": return new Expr.Literal(Boolean.FALSE, t.location());
                    case "null": return new Expr.Literal(null, t.location());
                    case "undefined": return new Expr.Literal(JsValues.UNDEFINED, t.location());
                    default:
                        if (UNSUPPORTED_WORDS.contains(t.text())) {
                            throw new TemplateException(t.location(), "'" + t.text() + "' is not supported in {{ }} expressions");
                        }
                        return new Expr.Name(t.text(), t.location());
                }
            case PUNCT:
                switch (t.text()) {
                    case "(":
                        Expr inner = expression();
                        expect(")");
                        return inner;
                    case "[":
                        return arrayLiteral(t.location());
                    case "{":
                        if (place != Place.TEMPLATE_DATA) {
                            throw objectOutsideTemplateData(t.location());
                        }
                        Expr object = objectBody(t.location(), "}");
                        expect("}");
                        return object;
                    case "...":
                        throw objectOutsideTemplateData(t.location());
                    default:
                        throw unexpected(t);
                }
            default:
                throw unexpected(t);
        }
    }

    private static TemplateException objectOutsideTemplateData(Location at) {
        return new TemplateException(at, "object literals and spread are allowed only in the data of <template is>");
    }

    private Expr arrayLiteral(Location at) throws TemplateException {
        List<Expr> elements = new ArrayList<>();
        while (!isPunct("]")) {
            if (isPunct("...")) {
                Location spreadAt = next().location();
                if (place != Place.TEMPLATE_DATA) {
                    throw objectOutsideTemplateData(spreadAt);
                }
                elements.add(new Expr.Spread(expression(), spreadAt));
            } else {
                elements.add(expression());
            }
            if (!isPunct(",")) {
                break;
            }
            next();
        }
        expect("]");
        return new Expr.ArrayLiteral(List.copyOf(elements), at);
    }

    /** The properties of an object up to {@code closer} ("" for the end of the expression). */
    private Expr objectBody(Location at, String closer) throws TemplateException {
        List<Expr.Property> properties = new ArrayList<>();
        while (!(closer.isEmpty() ? peek().kind() == ExprLexer.Kind.END : isPunct(closer))) {
            if (isPunct("...")) {
                Location spreadAt = next().location();
                properties.add(new Expr.Property(null, new Expr.Spread(expression(), spreadAt)));
            } else {
                ExprLexer.Token key = next();
                if (key.kind() != ExprLexer.Kind.NAME && key.kind() != ExprLexer.Kind.STRING && key.kind() != ExprLexer.Kind.NUMBER) {
                    throw new TemplateException(key.location(), "expected a property name but found " + describe(key));
                }
                if (isPunct(":")) {
                    next();
                    properties.add(new Expr.Property(key.text(), expression()));
                } else if (key.kind() == ExprLexer.Kind.NAME) {
                    properties.add(new Expr.Property(key.text(), new Expr.Name(key.text(), key.location())));
                } else {
                    throw new TemplateException(peek().location(), "expected ':' after " + describe(key));
                }
            }
            if (!isPunct(",")) {
                break;
            }
            next();
        }
        return new Expr.ObjectLiteral(List.copyOf(properties), at);
    }
}
