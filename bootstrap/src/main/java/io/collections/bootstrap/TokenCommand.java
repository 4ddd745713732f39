package io.collections.bootstrap;

import io.collections.application.Role;
import io.collections.domain.ClientId;
import io.collections.domain.InvalidInputException;
import io.collections.domain.UserId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code token --client C --sub U --role R [--role R2] [--ttl 1h] [--private-key FILE]}: prints one token, and
 * nothing else, on standard output, signed with the configured key so the server accepts it (decision 0051).
 */
final class TokenCommand {
    static final String USAGE = "token --client CLIENT --sub USER --role ROLE [--role ROLE...] [--ttl 1h]"
            + " [--private-key FILE]";
    static final Duration DEFAULT_TTL = Duration.ofHours(1);
    static final Duration MAX_TTL = Duration.ofDays(365);
    private static final Pattern TTL = Pattern.compile("([1-9][0-9]{0,6})([smhd])");

    private TokenCommand() {
    }

    static String run(List<String> args, Settings settings, Clock clock) {
        List<String> others = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--role")) {
                if (i + 1 >= args.size()) {
                    throw new ConfigurationException("option --role needs a value");
                }
                roles.add(role(args.get(++i)));
            } else {
                others.add(args.get(i));
            }
        }
        Arguments options = Arguments.parse(others);
        for (String name : options.all().keySet()) {
            if (!List.of("client", "sub", "ttl", "private-key").contains(name)) {
                throw new ConfigurationException("unknown option --" + name + "; usage: " + USAGE);
            }
        }
        if (roles.isEmpty()) {
            throw new ConfigurationException("option --role is required (one of " + roleNames() + ")");
        }
        String clientOption = options.required("client");
        String subOption = options.required("sub");
        ClientId client;
        UserId subject;
        try {
            client = new ClientId(clientOption);
            subject = new UserId(subOption);
        } catch (InvalidInputException e) {
            throw new ConfigurationException("option --" + (e.field().equals("client_id") ? "client" : "sub") + " "
                    + e.reason());
        }
        Duration ttl = options.optional("ttl").map(TokenCommand::ttl).orElse(DEFAULT_TTL);
        return JwtSetup.from(settings).mintWithConfiguredKey(client, subject, roles, ttl,
                options.optional("private-key").map(Path::of), clock);
    }

    /** A duration like {@code 90s}, {@code 30m}, {@code 1h} or {@code 7d}, up to a year. */
    static Duration ttl(String text) {
        Matcher matcher = TTL.matcher(text);
        if (!matcher.matches()) {
            throw new ConfigurationException("option --ttl must be a number and a unit s, m, h or d, like 1h; got '"
                    + text + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration ttl;
        switch (matcher.group(2)) {
            case "s":
                ttl = Duration.ofSeconds(amount);
                break;
            case "m":
                ttl = Duration.ofMinutes(amount);
                break;
            case "h":
                ttl = Duration.ofHours(amount);
                break;
            default:
                ttl = Duration.ofDays(amount);
                break;
        }
        if (ttl.compareTo(MAX_TTL) > 0) {
            throw new ConfigurationException("option --ttl may be at most 365d");
        }
        return ttl;
    }

    private static Role role(String name) {
        return Role.fromClaim(name).orElseThrow(() -> new ConfigurationException("option --role must be one of "
                + roleNames() + "; got '" + name + "'"));
    }

    private static String roleNames() {
        return Arrays.stream(Role.values()).map(Role::claimName).collect(Collectors.joining(", "));
    }
}
