package dev.ttrtc.view.internal.ttml;

import java.util.List;

/** A parsed {@code {{ }}} expression. Evaluated by {@link Evaluator}. */
public sealed interface Expr {

    Location location();

    /** A number, string, boolean, null or undefined literal; the value as {@link JsValues} holds it. */
    record Literal(Object value, Location location) implements Expr {
    }

    /** A name: a loop variable, an SJS module or a data field. */
    record Name(String name, Location location) implements Expr {
    }

    /** {@code object.name} or {@code object[key]}. */
    record Member(Expr object, Expr key, Location location) implements Expr {
    }

    record Unary(String op, Expr operand, Location location) implements Expr {
    }

    /** An arithmetic or comparison operator. */
    record Binary(String op, Expr left, Expr right, Location location) implements Expr {
    }

    /** {@code &&} or {@code ||} (short-circuit). */
    record Logical(String op, Expr left, Expr right, Location location) implements Expr {
    }

    record Conditional(Expr test, Expr then, Expr otherwise, Location location) implements Expr {
    }

    /** {@code [a, ...b]}; a spread element is a {@link Spread}. */
    record ArrayLiteral(List<Expr> elements, Location location) implements Expr {
    }

    /** {@code {a: 1, b, ...c}} (only in {@code <template data>}); a spread property is a {@link Spread}. */
    record ObjectLiteral(List<Property> properties, Location location) implements Expr {
    }

    /** {@code key: value}, or a spread ({@code key} null, {@code value} a {@link Spread}). */
    record Property(String key, Expr value) {
    }

    record Spread(Expr value, Location location) implements Expr {
    }

    /** A call of an SJS module function: {@code module.path…(args)}. */
    record SjsCall(String module, List<String> path, List<Expr> arguments, Location location) implements Expr {
    }
}
