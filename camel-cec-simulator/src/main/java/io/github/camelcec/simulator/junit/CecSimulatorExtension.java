package io.github.camelcec.simulator.junit;

import io.github.camelcec.simulator.CecSimulator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.UnaryOperator;

/**
 * Runs a {@link CecSimulator} for a test class:
 * <pre>{@code
 * @RegisterExtension
 * static CecSimulatorExtension SIM = CecSimulatorExtension.create(b -> b.customerTokenTtl(Duration.ofMinutes(5)));
 * }</pre>
 * Starts before all tests, resets before each, closes after all. Registered on an instance field, it starts before
 * each test and closes after it. Test and lifecycle methods may take a {@code CecSimulator} parameter.
 */
public final class CecSimulatorExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private final UnaryOperator<CecSimulator.Builder> configuration;
    private CecSimulator simulator;
    private boolean perClass;

    private CecSimulatorExtension(UnaryOperator<CecSimulator.Builder> configuration) {
        this.configuration = configuration;
    }

    public static CecSimulatorExtension create() {
        return new CecSimulatorExtension(UnaryOperator.identity());
    }

    /** {@code configuration} adjusts the builder (port, tokens' lifetimes, clock, ...) before the simulator is built. */
    public static CecSimulatorExtension create(UnaryOperator<CecSimulator.Builder> configuration) {
        return new CecSimulatorExtension(configuration);
    }

    /** The running simulator. */
    public CecSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while the tests of its class run");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        startIfNeeded();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded();
        simulator.reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == CecSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        startIfNeeded();
        return simulator;
    }

    private synchronized void startIfNeeded() {
        if (simulator == null) {
            simulator = configuration.apply(CecSimulator.builder()).build().start();
        }
    }

    private synchronized void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }
}
