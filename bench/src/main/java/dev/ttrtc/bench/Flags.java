package dev.ttrtc.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command-line flags: {@code --name value} or {@code --name=value}, and the switches
 * {@code --quick} and {@code --help}, parsed by picocli. Every flag is declared by a benchmark
 * (its {@link Spec}), so a typo fails at once instead of silently running with the default.
 */
public final class Flags {

    /**
     * One flag.
     *
     * @param name without the dashes
     * @param defaultValue used when the flag is absent
     * @param quickValue used instead under {@code --quick} (a smoke run with few repetitions)
     * @param help one line for {@code --help}
     */
    public record Spec(String name, String defaultValue, String quickValue, String help) {
        public static Spec of(String name, Object defaultValue, Object quickValue, String help) {
            return new Spec(name, String.valueOf(defaultValue), String.valueOf(quickValue), help);
        }
    }

    /** A bad command line; the message is one line for the user. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    private final Map<String, Spec> specs = new LinkedHashMap<>();
    private final Map<String, String> given = new LinkedHashMap<>();
    private final boolean quick;
    private final boolean help;

    private Flags(Collection<Spec> known, Map<String, String> given, boolean quick, boolean help) {
        known.forEach(s -> specs.put(s.name(), s));
        this.given.putAll(given);
        this.quick = quick;
        this.help = help;
    }

    /** The command line picocli parses: {@code --quick}, {@code --help} and one option per declared flag. */
    private static CommandSpec command(Collection<Spec> known) {
        CommandSpec command = CommandSpec.create().name("bench/run");
        command.usageMessage().sortOptions(false);
        command.addOption(OptionSpec.builder("--quick").arity("0").type(boolean.class)
                .description("a smoke run with few repetitions (its numbers are not to be quoted)").build());
        command.addOption(OptionSpec.builder("--help", "-h").usageHelp(true).description("this text").build());
        for (Spec spec : known) {
            String help = spec.defaultValue().isEmpty() ? spec.help()
                    : spec.help() + " (default " + spec.defaultValue() + ", --quick " + spec.quickValue() + ")";
            command.addOption(OptionSpec.builder("--" + spec.name()).type(String.class)
                    .paramLabel(spec.defaultValue().isEmpty() ? "FILE" : "N")
                    .description(help.replace("%", "%%")).build());
        }
        return command;
    }

    public static Flags parse(List<String> args, Collection<Spec> known) throws UsageException {
        ParseResult parsed;
        try {
            parsed = new CommandLine(command(known)).parseArgs(args.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage() + " (see --help)");
        }
        Map<String, Spec> byName = new LinkedHashMap<>();
        known.forEach(s -> byName.put(s.name(), s));
        Map<String, String> given = new LinkedHashMap<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            Spec spec = byName.get(option.longestName().substring(2));
            if (spec != null) {
                String value = option.getValue();
                checkShape(spec, value);
                given.put(spec.name(), value);
            }
        }
        return new Flags(known, given, parsed.hasMatchedOption("--quick"), parsed.isUsageHelpRequested());
    }

    /** A value must look like its default: a whole number, or a list of them; checked before anything runs. */
    private static void checkShape(Spec spec, String value) throws UsageException {
        if (spec.defaultValue().matches("\\d+") && !value.matches("\\d+")) {
            throw new UsageException("--" + spec.name() + " must be a whole number ≥ 0, got " + value);
        }
        if (spec.defaultValue().matches("\\d+(,\\d+)+") && !value.matches("[1-9]\\d*(,[1-9]\\d*)*")) {
            throw new UsageException("--" + spec.name() + " must be a list of positive whole numbers like "
                    + spec.defaultValue() + ", got " + value);
        }
    }

    public boolean quick() {
        return quick;
    }

    public boolean help() {
        return help;
    }

    /** The flags as given on the command line, for the report's "command" line. */
    public List<String> given() {
        List<String> out = new ArrayList<>();
        if (quick) {
            out.add("--quick");
        }
        given.forEach((k, v) -> {
            out.add("--" + k);
            out.add(v);
        });
        return out;
    }

    public String string(String name) {
        Spec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("undeclared flag " + name);
        }
        String value = given.get(name);
        if (value != null) {
            return value;
        }
        return quick ? spec.quickValue() : spec.defaultValue();
    }

    public Optional<String> optional(String name) {
        String value = string(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public int integer(String name) {
        String value = string(name);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number ≥ 0, got " + value);
        }
    }

    public double decimal(String name) {
        String value = string(name);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got " + value);
        }
    }

    /** A comma-separated list of positive integers ({@code 1,10,100}). */
    public List<Integer> integers(String name) {
        List<Integer> values = new ArrayList<>();
        for (String part : string(name).split(",")) {
            try {
                int v = Integer.parseInt(part.trim());
                if (v < 1) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a list of positive whole numbers like 1,4,16, got " + string(name));
            }
        }
        return values;
    }

    /** One line per flag, with its default and quick value. */
    public static String usage(Collection<Spec> specs) {
        return new CommandLine(command(specs)).getHelp().optionList();
    }
}
