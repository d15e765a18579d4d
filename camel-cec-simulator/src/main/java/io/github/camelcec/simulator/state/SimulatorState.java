package io.github.camelcec.simulator.state;

/** All mutable state of one simulator, so that reset() is one call. */
public final class SimulatorState {

    private final GatewayTokens gatewayTokens = new GatewayTokens();
    private final CustomerTokens customerTokens = new CustomerTokens();
    private final Customers customers = new Customers();
    private final FileStore files = new FileStore();
    private final ClickToCalls clickToCalls = new ClickToCalls();
    private final Switches switches = new Switches();

    public GatewayTokens gatewayTokens() {
        return gatewayTokens;
    }

    public CustomerTokens customerTokens() {
        return customerTokens;
    }

    public Customers customers() {
        return customers;
    }

    public FileStore files() {
        return files;
    }

    public ClickToCalls clickToCalls() {
        return clickToCalls;
    }

    public Switches switches() {
        return switches;
    }

    public void reset() {
        gatewayTokens.clear();
        customerTokens.clear();
        customers.clear();
        files.clear();
        clickToCalls.clear();
        switches.restoreDefaults();
    }
}
