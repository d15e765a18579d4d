package io.github.camelcec.demo;

import io.github.camelcec.examples.routes.RouteVariant;

/**
 * The demo's command line: {@code [--customers N] [--routes java|yaml|kamelet] [--bridge]}.
 *
 * @param keepBridging {@code --bridge}: no customers are played; the bridge runs on the embedded systems until stopped
 */
public record DemoOptions(int customers, RouteVariant routes, boolean keepBridging) {

    public static final String USAGE = "Usage: DemoApplication [--customers N] [--routes java|yaml|kamelet] [--bridge]";

    public static DemoOptions parse(String... args) {
        int customers = 20;
        RouteVariant routes = RouteVariant.JAVA;
        boolean keepBridging = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--customers" -> customers = positive(value(args, ++i, "--customers"));
                case "--routes" -> routes = RouteVariant.parse(value(args, ++i, "--routes"));
                case "--bridge" -> keepBridging = true;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; " + USAGE);
            }
        }
        return new DemoOptions(customers, routes, keepBridging);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static int positive(String n) {
        try {
            int value = Integer.parseInt(n);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException("--customers must be a positive number, not '" + n + "'");
    }
}
