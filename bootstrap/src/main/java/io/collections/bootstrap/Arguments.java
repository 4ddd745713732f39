package io.collections.bootstrap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Command-line options of the form {@code --name value}; a name may be given once. */
final class Arguments {
    private final Map<String, String> options;

    private Arguments(Map<String, String> options) {
        this.options = options;
    }

    static Arguments parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigurationException("expected an option like --name value, got '" + arg + "'");
            }
            if (i + 1 >= args.size()) {
                throw new ConfigurationException("option " + arg + " needs a value");
            }
            if (options.put(arg.substring(2), args.get(++i)) != null) {
                throw new ConfigurationException("option " + arg + " is given twice");
            }
        }
        return new Arguments(options);
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new ConfigurationException("option --" + name + " is required"));
    }

    Map<String, String> all() {
        return options;
    }
}
