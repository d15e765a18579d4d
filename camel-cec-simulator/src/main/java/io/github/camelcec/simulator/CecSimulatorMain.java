package io.github.camelcec.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** The standalone simulator: {@code java -jar camel-cec-simulator-<version>-standalone.jar [options]}. */
public final class CecSimulatorMain {

    static final String USAGE = """
            Usage: java -jar camel-cec-simulator-standalone.jar [options]
              --host H                     address to bind (default 127.0.0.1)
              --port N                     port to bind, 0 = any free port (default 8888)
              --app-key K                  gateway app key (default demo-app-key)
              --app-secret S               gateway app secret (default demo-app-secret)
              --channel-config-id C        channel configuration ID (default demo-channel-config)
              --customer-token-ttl SECONDS customer token lifetime (default 3600)
              --tls                        serve HTTPS with a self-signed certificate for localhost and 127.0.0.1
                                           (GET /admin/tls/certificate answers it as PEM)
              --tls-keystore PATH          serve HTTPS with the first key entry of this PKCS12 or JKS keystore
              --tls-keystore-password PW   the keystore's (and its key's) password
              --help                       print this and exit
            """;

    private CecSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CecSimulator simulator;
        try {
            simulator = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (simulator == null) {
            System.out.print(USAGE);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        start(simulator, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "cec-simulator-shutdown"));
        stopped.await();
    }

    /** Starts the simulator and prints the one line that says where it listens. */
    static void start(CecSimulator simulator, PrintStream out) {
        simulator.start();
        out.println("CEC simulator listening on " + simulator.baseUrl());
        out.flush();
    }

    /** The configured simulator, or null when --help was asked for. */
    static CecSimulator parse(String[] args) {
        CecSimulator.Builder builder = CecSimulator.builder().port(8888);
        String keyStore = null;
        String keyStorePassword = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (option.equals("--tls")) {
                builder.tls();
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            String value = args[++i];
            switch (option) {
                case "--host" -> builder.host(value);
                case "--port" -> builder.port(number(option, value));
                case "--app-key" -> builder.appKey(value);
                case "--app-secret" -> builder.appSecret(value);
                case "--channel-config-id" -> builder.channelConfigId(value);
                case "--customer-token-ttl" -> builder.customerTokenTtl(Duration.ofSeconds(number(option, value)));
                case "--tls-keystore" -> keyStore = value;
                case "--tls-keystore-password" -> keyStorePassword = value;
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (keyStore != null) {
            if (keyStorePassword == null) {
                throw new IllegalArgumentException("--tls-keystore needs --tls-keystore-password");
            }
            builder.tlsKeyStore(Path.of(keyStore), keyStorePassword);
        } else if (keyStorePassword != null) {
            throw new IllegalArgumentException("--tls-keystore-password needs --tls-keystore");
        }
        return builder.build();
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, was " + value);
        }
    }
}
