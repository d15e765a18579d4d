package io.github.camelcec.demo;

import io.github.camelcec.examples.routes.RouteVariant;

/**
 * The demo's command line: {@code [--customers N] [--routes java|yaml|kamelet] [--replicas N] [--bridge]}.
 *
 * @param replicas     {@code --replicas N}: the bridge runs as N replicas sharing the customers, and one of them stops
 *                     mid-conversation (1: the single bridge and the restart act)
 * @param keepBridging {@code --bridge}: no customers are played; the bridge runs on the embedded systems until stopped
 */
public record DemoOptions(int customers, RouteVariant routes, int replicas, boolean keepBridging) {

    public static final String USAGE = "Usage: DemoApplication [--customers N] [--routes java|yaml|kamelet] "
                                       + "[--replicas N] [--bridge]";

    public static DemoOptions parse(String... args) {
        int customers = 20;
        RouteVariant routes = RouteVariant.JAVA;
        int replicas = 1;
        boolean keepBridging = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--customers" -> customers = positive("--customers", value(args, ++i, "--customers"));
                case "--routes" -> routes = RouteVariant.parse(value(args, ++i, "--routes"));
                case "--replicas" -> replicas = positive("--replicas", value(args, ++i, "--replicas"));
                case "--bridge" -> keepBridging = true;
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown argument '" + args[i] + "'; " + USAGE);
            }
        }
        if (keepBridging && replicas > 1) {
            throw new IllegalArgumentException("--replicas plays customers through replicas that stop; it does not go "
                                               + "with --bridge; " + USAGE);
        }
        return new DemoOptions(customers, routes, replicas, keepBridging);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static int positive(String flag, String n) {
        try {
            int value = Integer.parseInt(n);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw new IllegalArgumentException(flag + " must be a positive number, not '" + n + "'");
    }
}
