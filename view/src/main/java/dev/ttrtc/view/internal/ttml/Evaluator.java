package dev.ttrtc.view.internal.ttml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Evaluates {@link Expr}s and {@link Interpolation}s against a {@link Scope} with JS semantics. */
public final class Evaluator {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Evaluator() {
    }

    /** The value of an attribute or text: one binding keeps its type, anything else is a string. */
    public static Object value(Interpolation value, Scope scope) {
        List<Object> parts = value.parts();
        if (parts.size() == 1) {
            Object only = parts.get(0);
            return only instanceof Expr e ? eval(e, scope) : only;
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Expr e ? JsValues.toDisplayString(eval(e, scope)) : (String) part);
        }
        return out.toString();
    }

    /** The text shown for a value: undefined and null show nothing. */
    public static String text(Interpolation value, Scope scope) {
        List<Object> parts = value.parts();
        if (parts.size() == 1 && parts.get(0) instanceof String s) {
            return s;
        }
        if (parts.size() == 1) {
            return JsValues.toDisplayString(eval((Expr) parts.get(0), scope));
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            out.append(part instanceof Expr e ? JsValues.toDisplayString(eval(e, scope)) : (String) part);
        }
        return out.toString();
    }

    public static Object eval(Expr expr, Scope scope) {
        if (expr instanceof Expr.Name n) {
            return scope.lookup(n.name());
        }
        if (expr instanceof Expr.Member m) {
            return JsValues.member(eval(m.object(), scope), eval(m.key(), scope));
        }
        if (expr instanceof Expr.Literal l) {
            return l.value();
        }
        if (expr instanceof Expr.Binary b) {
            return binary(b, scope);
        }
        if (expr instanceof Expr.Logical l) {
            Object left = eval(l.left(), scope);
            boolean truthy = JsValues.toBoolean(left);
            if (l.op().equals("&&")) {
                return truthy ? eval(l.right(), scope) : left;
            }
            return truthy ? left : eval(l.right(), scope);
        }
        if (expr instanceof Expr.Conditional c) {
            return JsValues.toBoolean(eval(c.test(), scope)) ? eval(c.then(), scope) : eval(c.otherwise(), scope);
        }
        if (expr instanceof Expr.Unary u) {
            Object v = eval(u.operand(), scope);
            return switch (u.op()) {
                case "!" -> !JsValues.toBoolean(v);
                case "-" -> -JsValues.toNumber(v);
                default -> JsValues.toNumber(v);
            };
        }
        if (expr instanceof Expr.ArrayLiteral a) {
            ArrayNode array = NODES.arrayNode();
            for (Expr element : a.elements()) {
                if (element instanceof Expr.Spread s) {
                    Object spread = eval(s.value(), scope);
                    if (spread instanceof ArrayNode items) {
                        items.forEach(array::add);
                    }
                } else {
                    JsonNode item = JsValues.toJson(eval(element, scope));
                    array.add(item.isMissingNode() ? NODES.nullNode() : item);
                }
            }
            return array;
        }
        if (expr instanceof Expr.ObjectLiteral o) {
            ObjectNode object = NODES.objectNode();
            for (Expr.Property p : o.properties()) {
                if (p.key() == null) {
                    Object spread = eval(((Expr.Spread) p.value()).value(), scope);
                    if (spread instanceof ObjectNode fields) {
                        object.setAll(fields);
                    }
                } else {
                    JsonNode value = JsValues.toJson(eval(p.value(), scope));
                    if (!value.isMissingNode()) {
                        object.set(p.key(), value);
                    }
                }
            }
            return object;
        }
        if (expr instanceof Expr.SjsCall call) {
            List<JsonNode> args = new ArrayList<>(call.arguments().size());
            for (Expr arg : call.arguments()) {
                args.add(JsValues.toJson(eval(arg, scope)));
            }
            return scope.modules().call(call.module(), call.path(), args, call.location());
        }
        throw new IllegalStateException("cannot evaluate " + expr.getClass().getSimpleName());
    }

    private static Object binary(Expr.Binary b, Scope scope) {
        Object left = eval(b.left(), scope);
        Object right = eval(b.right(), scope);
        return switch (b.op()) {
            case "+" -> JsValues.add(left, right);
            case "-", "*", "/", "%" -> JsValues.arithmetic(b.op(), left, right);
            case "===" -> JsValues.strictEquals(left, right);
            case "!==" -> !JsValues.strictEquals(left, right);
            case "==" -> JsValues.looseEquals(left, right);
            case "!=" -> !JsValues.looseEquals(left, right);
            default -> JsValues.compare(b.op(), left, right);
        };
    }
}
