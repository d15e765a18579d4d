package io.github.camelcec.component.consumer;

import io.github.camelcec.component.model.Customer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Adaptive cadence, counted in ticks: quiet customers are polled less often, activity brings them back. */
class CustomerPollStateTest {

    private static int dueTicksIn(CustomerPollState state, int ticks, long activity, int slowDownAfter, int max) {
        int due = 0;
        for (int i = 0; i < ticks; i++) {
            if (state.schedule(activity)) {
                due++;
                state.idle(slowDownAfter, max);
            }
        }
        return due;
    }

    @Test
    void livelyCustomerIsDueEveryTick() {
        CustomerPollState state = new CustomerPollState(Customer.of("u"), 0);
        int due = 0;
        for (int i = 0; i < 10; i++) {
            if (state.schedule(0)) {
                due++;
                state.delivered();
            }
        }
        assertThat(due).isEqualTo(10);
    }

    @Test
    void quietCustomerSlowsDownToTheCeilingAndActivityRestoresTheBaseCadence() {
        CustomerPollState state = new CustomerPollState(Customer.of("u"), 0);
        assertThat(dueTicksIn(state, 3, 0, 3, 8)).as("every tick until the threshold").isEqualTo(3);
        int due = dueTicksIn(state, 80, 0, 3, 8);
        assertThat(due).as("then every 2, 4, 8 ticks").isBetween(10, 13);
        assertThat(state.interval()).isEqualTo(8);

        assertThat(state.schedule(42)).as("the customer sent something: due at once").isTrue();
        assertThat(state.interval()).isEqualTo(1);
    }

    @Test
    void anOperatorsRetryMakesAQuietCustomerDueAtTheNextTick() {
        CustomerPollState state = new CustomerPollState(Customer.of("u"), 0);
        dueTicksIn(state, 80, 0, 3, 8);
        state.idle(3, 8);
        assertThat(state.schedule(0)).as("slowed down to every 8 ticks: not due now").isFalse();

        state.pollSoon();
        assertThat(state.schedule(0)).as("retryNow: due at the next tick").isTrue();
        assertThat(state.interval()).isEqualTo(1);
    }

    @Test
    void failedDeliveriesBackOffExponentiallyUpToTheCeiling() {
        RedeliveryBackoff backoff = new RedeliveryBackoff(100, 800);
        assertThat(backoff.delayMillis(1)).isEqualTo(100);
        assertThat(backoff.delayMillis(2)).isEqualTo(200);
        assertThat(backoff.delayMillis(3)).isEqualTo(400);
        assertThat(backoff.delayMillis(5)).isEqualTo(800);
        assertThat(backoff.delayMillis(60)).as("no overflow after many failures").isEqualTo(800);
    }
}
