package io.github.camelcec.component.consumer;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.state.DeliveredCodes;
import io.github.camelcec.component.state.InMemoryPendingMessageStore;
import io.github.camelcec.component.state.PendingMessage;
import io.github.camelcec.component.state.PendingMessageStore;
import io.github.camelcec.component.state.jdbc.JdbcDeliveredMessageCodes;
import io.github.camelcec.component.state.jdbc.JdbcPendingMessageStore;
import io.github.camelcec.component.state.jdbc.JdbcStateSchema;
import io.github.camelcec.component.support.SwitchableDataSource;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit on completion (issue 15): completions of several customers are written together, and what follows a
 * completion waits for its write. The timer is the test's: a window ends, or a failed write is tried again, only
 * when the test says so, so nothing here depends on timing.
 */
class GroupCommitTest {

    @TempDir
    Path dir;

    private final HeldTimer timer = new HeldTimer();
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final List<String> wentOn = new CopyOnWriteArrayList<>();
    private SwitchableDataSource database;
    private JdbcStateSchema schema;
    private StoreRetry store;

    @BeforeEach
    void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.resolve("state") + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        database = new SwitchableDataSource(h2);
        schema = JdbcStateSchema.install(database);
        store = new StoreRetry(timer, Runnable::run, new RedeliveryBackoff(10, 1_000),
                (what, cause) -> reported.add(what));
    }

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void completionsOfSeveralCustomersAreOneTransactionAndTheirCustomersGoOnOnlyAfterIt() {
        JdbcPendingMessageStore pending = new JdbcPendingMessageStore(schema);
        JdbcDeliveredMessageCodes codes = started(new JdbcDeliveredMessageCodes(schema));
        PendingMessage a1 = pending.append("a", List.of(message("a1"), message("a2"))).get(0);
        PendingMessage b1 = pending.append("b", List.of(message("b1"))).get(0);
        GroupCommit commit = new GroupCommit(pending, codes, store, timer, Runnable::run, GroupCommit.WINDOW_MILLIS);

        commit.completed(a1, () -> wentOn.add("a"));
        commit.completed(b1, () -> wentOn.add("b"));

        assertThat(wentOn).as("nobody's next message before the write").isEmpty();
        assertThat(pending.head("a").key()).isEqualTo("mc:a1");
        int before = database.connectionsGiven();

        timer.runHeld();

        assertThat(database.connectionsGiven() - before).as("one connection, one transaction").isEqualTo(1);
        assertThat(wentOn).containsExactly("a", "b");
        assertThat(pending.head("a").key()).as("a's order holds: a2 is next").isEqualTo("mc:a2");
        assertThat(pending.head("b")).isNull();
        assertThat(codes.deliveredAmong(List.of("a1", "a2", "b1"))).containsExactlyInAnyOrder("a1", "b1");
    }

    @Test
    void aCrashBetweenCompletionAndWriteLeavesTheMessageToBeDeliveredAgainAndNoMore() {
        JdbcPendingMessageStore pending = new JdbcPendingMessageStore(schema);
        PendingMessage a1 = pending.append("a", List.of(message("a1"), message("a2"))).get(0);
        GroupCommit commit = new GroupCommit(pending, started(new JdbcDeliveredMessageCodes(schema)), store, timer,
                Runnable::run, GroupCommit.WINDOW_MILLIS);

        commit.completed(a1, () -> wentOn.add("a"));
        // the JVM dies here, before the window ends: a2 never went out

        JdbcPendingMessageStore nextOwner = new JdbcPendingMessageStore(JdbcStateSchema.install(database));
        JdbcDeliveredMessageCodes nextCodes = started(new JdbcDeliveredMessageCodes(JdbcStateSchema.install(database)));
        assertThat(wentOn).isEmpty();
        assertThat(nextOwner.head("a").key()).as("delivered again after the crash").isEqualTo("mc:a1");
        assertThat(nextCodes.deliveredAmong(List.of("a1"))).as("so not dropped as a duplicate").isEmpty();
        assertThat(nextOwner.size()).isEqualTo(2);
    }

    @Test
    void aStoreOutageDuringTheWriteLosesNothingAndTheCustomersWaitForIt() {
        JdbcPendingMessageStore pending = new JdbcPendingMessageStore(schema);
        JdbcDeliveredMessageCodes codes = started(new JdbcDeliveredMessageCodes(schema));
        PendingMessage a1 = pending.append("a", List.of(message("a1"), message("a2"))).get(0);
        PendingMessage b1 = pending.append("b", List.of(message("b1"))).get(0);
        GroupCommit commit = new GroupCommit(pending, codes, store, timer, Runnable::run, GroupCommit.WINDOW_MILLIS);
        commit.completed(a1, () -> wentOn.add("a"));
        commit.completed(b1, () -> wentOn.add("b"));

        database.down();
        timer.runHeld();

        assertThat(reported).containsExactly("record 2 delivered messages");
        assertThat(store.failure()).as("polls wait while it is down").isNotNull();
        assertThat(wentOn).isEmpty();
        timer.runHeld();
        assertThat(reported).as("tried again, the whole batch").hasSize(2).allMatch(r -> r.equals(reported.get(0)));

        database.up();
        timer.runHeld();

        assertThat(store.failure()).isNull();
        assertThat(wentOn).containsExactly("a", "b");
        assertThat(pending.head("a").key()).isEqualTo("mc:a2");
        assertThat(pending.head("b")).isNull();
        assertThat(codes.deliveredAmong(List.of("a1", "b1"))).containsExactlyInAnyOrder("a1", "b1");
    }

    @Test
    void completionsAfterAWriteStartedGoIntoTheNextBatch() {
        JdbcPendingMessageStore pending = new JdbcPendingMessageStore(schema);
        JdbcDeliveredMessageCodes codes = started(new JdbcDeliveredMessageCodes(schema));
        List<PendingMessage> a = pending.append("a", List.of(message("a1"), message("a2")));
        GroupCommit commit = new GroupCommit(pending, codes, store, timer, Runnable::run, GroupCommit.WINDOW_MILLIS);
        // as the chains do: a customer's next completion comes only after its previous one was written
        commit.completed(a.get(0), () -> commit.completed(a.get(1), () -> wentOn.add("a2")));

        timer.runHeld();
        assertThat(pending.head("a").key()).isEqualTo("mc:a2");
        assertThat(wentOn).isEmpty();
        timer.runHeld();

        assertThat(wentOn).containsExactly("a2");
        assertThat(pending.size()).isZero();
    }

    @Test
    void inMemoryEachCompletionIsWrittenAtOnce() {
        PendingMessageStore pending = new InMemoryPendingMessageStore();
        MemoryIdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        PendingMessage a1 = pending.append("a", List.of(message("a1"), message("a2"))).get(0);
        GroupCommit commit = new GroupCommit(pending, DeliveredCodes.of(repository), store, timer, Runnable::run, 0);

        commit.completed(a1, () -> wentOn.add("a"));

        assertThat(wentOn).containsExactly("a");
        assertThat(pending.head("a").key()).isEqualTo("mc:a2");
        assertThat(repository.contains("a1")).isTrue();
        assertThat(timer.held).isEmpty();
    }

    private static <T extends org.apache.camel.Service> T started(T service) {
        service.start();
        return service;
    }

    private static DownlinkMessage message(String code) {
        DownlinkMessage m = new DownlinkMessage();
        m.setMessageCode(code);
        m.setContent("content of " + code);
        m.setSourceType("AGENT");
        m.setMediaType("TEXT");
        return m;
    }
}
