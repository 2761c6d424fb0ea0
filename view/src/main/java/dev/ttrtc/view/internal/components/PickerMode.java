package dev.ttrtc.view.internal.components;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ttrtc.view.internal.ttml.JsValues;
import dev.ttrtc.view.spi.ElementContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The picker modes built here: what a value is, how the user picks one, the native control that stands for the sheet. */
enum PickerMode {
    /** {@code value} is an index into {@code range}. */
    SELECTOR {
        @Override
        JsonNode fromTemplate(ElementContext picker) {
            double index = picker.number("value");
            return JsonNodeFactory.instance.numberNode(Double.isFinite(index) && index > 0 ? (long) index : 0);
        }

        @Override
        JsonNode choose(ElementContext picker, JsonNode to, List<Integer> columnSizes) {
            int rangeSize = columnSizes.get(0);
            if (!isIndex(to, rangeSize)) {
                throw new IllegalArgumentException("a selector picker changes to an index of its range (0…" + (rangeSize - 1)
                        + "), not " + to);
            }
            return JsonNodeFactory.instance.numberNode(indexOf(to));
        }

        @Override
        void nativeInput(ElementContext picker, String value, Map<String, String> attributes) {
            throw new UnsupportedOperationException("a selector is a <select>");
        }
    },
    /**
     * {@code range} is an array of columns; {@code value} an array of one index per column (one past
     * a column's end chooses its last row, as a picker-view does).
     */
    MULTI_SELECTOR {
        @Override
        JsonNode fromTemplate(ElementContext picker) {
            JsonNode range = picker.value("range");
            JsonNode value = picker.value("value");
            ArrayNode chosen = JsonNodeFactory.instance.arrayNode();
            for (int column = 0; range.isArray() && column < range.size(); column++) {
                int size = range.get(column).isArray() ? range.get(column).size() : 0;
                double index = value.isArray() ? JsValues.toNumber(JsValues.fromJson(value.path(column))) : 0;
                chosen.add(index > 0 && size > 0 ? (int) Math.min(index, size - 1) : 0);
            }
            return chosen;
        }

        @Override
        JsonNode choose(ElementContext picker, JsonNode to, List<Integer> columnSizes) {
            boolean valid = to.isArray() && to.size() == columnSizes.size();
            for (int column = 0; valid && column < columnSizes.size(); column++) {
                valid = isIndex(to.get(column), columnSizes.get(column));
            }
            if (!valid) {
                throw new IllegalArgumentException("a multiSelector picker changes to an array of one index per column "
                        + columnSizes.stream().map(size -> size == 0 ? "(empty)" : "0…" + (size - 1)).toList() + ", not " + to);
            }
            ArrayNode chosen = JsonNodeFactory.instance.arrayNode();
            to.forEach(index -> chosen.add(indexOf(index)));
            return chosen;
        }

        @Override
        void nativeInput(ElementContext picker, String value, Map<String, String> attributes) {
            throw new UnsupportedOperationException("a multiSelector is a <select> per column");
        }
    },
    /** {@code "hh:mm"} within {@code start} / {@code end}. */
    TIME {
        private static final Pattern FORMAT = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

        @Override
        JsonNode fromTemplate(ElementContext picker) {
            return templateString(picker, FORMAT, "hh:mm");
        }

        @Override
        JsonNode choose(ElementContext picker, JsonNode to, List<Integer> columnSizes) {
            return chosenString(picker, to, FORMAT, "hh:mm");
        }

        @Override
        void nativeInput(ElementContext picker, String value, Map<String, String> attributes) {
            attributes.put("type", "time");
            bounds(picker, value, attributes);
        }
    },
    /** {@code "YYYY-MM-DD"}, {@code "YYYY-MM"} or {@code "YYYY"} by {@code fields}, within {@code start} / {@code end}. */
    DATE {
        @Override
        JsonNode fromTemplate(ElementContext picker) {
            return templateString(picker, dateFormat(picker), dateShape(picker));
        }

        @Override
        JsonNode choose(ElementContext picker, JsonNode to, List<Integer> columnSizes) {
            JsonNode chosen = chosenString(picker, to, dateFormat(picker), dateShape(picker));
            String full = chosen.asText() + "-01-01".substring(0, 10 - chosen.asText().length());
            try {
                LocalDate.parse(full);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(to + " is not a date");
            }
            return chosen;
        }

        @Override
        void nativeInput(ElementContext picker, String value, Map<String, String> attributes) {
            attributes.put("type", switch (picker.string("fields")) {
                case "year" -> "number";
                case "month" -> "month";
                default -> "date";
            });
            bounds(picker, value, attributes);
        }
    };

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    static PickerMode named(String mode) {
        return switch (mode) {
            case "selector" -> SELECTOR;
            case "multiSelector" -> MULTI_SELECTOR;
            case "time" -> TIME;
            case "date" -> DATE;
            default -> null;
        };
    }

    /** The value the template gives. */
    abstract JsonNode fromTemplate(ElementContext picker);

    /** The value the user picks, checked as the sheet would allow it; the range's columns have these sizes. */
    abstract JsonNode choose(ElementContext picker, JsonNode to, List<Integer> columnSizes);

    /** Whether {@code value} is a whole number from 0 to {@code size - 1}, as JS reads it. */
    private static boolean isIndex(JsonNode value, int size) {
        double index = JsValues.toNumber(JsValues.fromJson(value));
        return index >= 0 && index < size && index == Math.rint(index);
    }

    private static int indexOf(JsonNode value) {
        return (int) JsValues.toNumber(JsValues.fromJson(value));
    }

    /** The native input standing for the sheet (time and date modes). */
    abstract void nativeInput(ElementContext picker, String value, Map<String, String> attributes);

    private static Pattern dateFormat(ElementContext picker) {
        return switch (picker.string("fields")) {
            case "year" -> YEAR;
            case "month" -> MONTH;
            default -> DAY;
        };
    }

    private static String dateShape(ElementContext picker) {
        return switch (picker.string("fields")) {
            case "year" -> "YYYY";
            case "month" -> "YYYY-MM";
            default -> "YYYY-MM-DD";
        };
    }

    private static JsonNode templateString(ElementContext picker, Pattern format, String shape) {
        String value = picker.has("value") ? picker.string("value") : "";
        if (!value.isEmpty() && !format.matcher(value).matches()) {
            picker.warn("value=\"" + value + "\" is not a " + shape + " value");
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    private static JsonNode chosenString(ElementContext picker, JsonNode to, Pattern format, String shape) {
        String value = to.isTextual() ? to.asText() : "";
        if (!format.matcher(value).matches()) {
            throw new IllegalArgumentException("this picker changes to a " + shape + " string, not " + to);
        }
        String start = picker.string("start");
        String end = picker.string("end");
        if (!start.isEmpty() && value.compareTo(prefix(start, value)) < 0 || !end.isEmpty() && value.compareTo(prefix(end, value)) > 0) {
            throw new IllegalArgumentException(value + " is outside start " + start + " / end " + end);
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** A bound cut to the value's precision ({@code 2024-05-06} against {@code 2024-05}). */
    private static String prefix(String bound, String value) {
        return bound.length() > value.length() ? bound.substring(0, value.length()) : bound;
    }

    private static void bounds(ElementContext picker, String value, Map<String, String> attributes) {
        attributes.put("value", value);
        String start = picker.string("start");
        String end = picker.string("end");
        attributes.put("min", start.isEmpty() ? null : start);
        attributes.put("max", end.isEmpty() ? null : end);
    }
}
