package io.github.camelcec.component.state;

import java.util.ArrayList;
import java.util.List;

import io.github.camelcec.component.model.DownlinkMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What every {@link PendingMessageStore} twin does; each backend runs it by extending this class. */
public abstract class PendingMessageStoreContract {

    private PendingMessageStore store;

    /** A store on this test's state; for a shared backend, a second call is a second JVM on the same tables. */
    protected abstract PendingMessageStore newStore();

    /** Whether two instances from {@link #newStore} see each other's messages (a table does, a map does not). */
    protected abstract boolean instancesShareState();

    /**
     * Started delivered codes beside the store, as the component pairs them: for a database, its table in the same
     * database (so that {@link PendingMessageStore#removeDelivered} writes both in one transaction).
     */
    protected abstract DeliveredCodes newDeliveredCodes();

    /** The test's store, created on first use (after the subclass opened its database). */
    protected PendingMessageStore store() {
        if (store == null) {
            store = newStore();
        }
        return store;
    }

    protected static DownlinkMessage message(String code, String content) {
        DownlinkMessage m = new DownlinkMessage();
        m.setMessageCode(code);
        m.setContent(content);
        m.setSourceType("ROBOT");
        m.setMediaType("TEXT");
        return m;
    }

    private static List<String> contents(List<PendingMessage> messages) {
        return messages.stream().map(p -> p.message().getContent()).toList();
    }

    /** Delivers the customer's messages head first, as the consumer does, and returns their contents. */
    private List<String> drain(String userId) {
        List<String> delivered = new ArrayList<>();
        for (PendingMessage head = store().head(userId); head != null; head = store().head(userId)) {
            delivered.add(head.message().getContent());
            store().remove(userId, head.key());
        }
        return delivered;
    }

    @Test
    void appendReturnsTheMessagesWithIncreasingSequencesAndKeys() {
        List<PendingMessage> added = store().append("u1",
                List.of(message("c1", "one"), message("c2", "two"), message("c3", "three")));

        assertThat(contents(added)).containsExactly("one", "two", "three");
        assertThat(added).extracting(PendingMessage::key).containsExactly("mc:c1", "mc:c2", "mc:c3");
        assertThat(added).allSatisfy(p -> {
            assertThat(p.userId()).isEqualTo("u1");
            assertThat(p.attempts()).isZero();
        });
        assertThat(added.get(0).sequence()).isLessThan(added.get(1).sequence());
        assertThat(added.get(1).sequence()).isLessThan(added.get(2).sequence());
    }

    @Test
    void headIsTheOldestMessageAndMessagesLeaveInArrivalOrder() {
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));
        store().append("u1", List.of(message("c3", "three")));

        PendingMessage head = store().head("u1");
        assertThat(head.key()).isEqualTo("mc:c1");
        assertThat(head.message().getContent()).isEqualTo("one");
        assertThat(drain("u1")).containsExactly("one", "two", "three");
        assertThat(store().head("u1")).isNull();
        assertThat(store().hasPending("u1")).isFalse();
    }

    @Test
    void aKeyTwiceInOneAnswerIsHeldOnce() {
        List<PendingMessage> added = store().append("u1",
                List.of(message("c1", "first"), message("c1", "again"), message("c2", "two")));

        assertThat(contents(added)).containsExactly("first", "two");
        assertThat(store().size()).isEqualTo(2);
        assertThat(drain("u1")).containsExactly("first", "two");
    }

    @Test
    void aKeyTheCustomerAlreadyHoldsIsSkippedInALaterAnswer() {
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));

        List<PendingMessage> added = store().append("u1", List.of(message("c2", "two again"), message("c3", "three")));

        assertThat(contents(added)).containsExactly("three");
        assertThat(store().append("u1", List.of(message("c1", "one again")))).isEmpty();
        assertThat(drain("u1")).containsExactly("one", "two", "three");
    }

    @Test
    void messagesWithoutACodeAreAllHeldUnderKeysOfTheirOwn() {
        List<PendingMessage> added = store().append("u1", List.of(message(null, "a"), message("", "b")));

        assertThat(added).hasSize(2);
        assertThat(added).extracting(PendingMessage::key).allMatch(k -> k.startsWith("gen:")).doesNotHaveDuplicates();
        assertThat(drain("u1")).containsExactly("a", "b");
    }

    @Test
    void keysArePerCustomer() {
        store().append("u1", List.of(message("c1", "for u1")));

        assertThat(store().append("u2", List.of(message("c1", "for u2")))).hasSize(1);
        assertThat(store().head("u2").message().getContent()).isEqualTo("for u2");
        assertThat(store().head("u1").message().getContent()).isEqualTo("for u1");
    }

    @Test
    void anEmptyAnswerAddsNothing() {
        assertThat(store().append("u1", List.of())).isEmpty();
        assertThat(store().hasPending("u1")).isFalse();
        assertThat(store().customers()).isEmpty();
    }

    @Test
    void aFailedDeliveryStaysAtTheHeadWithItsAttemptsCounted() {
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));

        assertThat(store().recordFailure("u1", "mc:c1")).isEqualTo(1);
        assertThat(store().recordFailure("u1", "mc:c1")).isEqualTo(2);

        PendingMessage head = store().head("u1");
        assertThat(head.key()).isEqualTo("mc:c1");
        assertThat(head.attempts()).isEqualTo(2);
        assertThat(store().recordFailure("u1", "mc:unknown")).isZero();
        assertThat(store().recordFailure("nobody", "mc:c1")).isZero();
    }

    @Test
    void removeOfAnAbsentMessageChangesNothing() {
        store().append("u1", List.of(message("c1", "one")));

        store().remove("u1", "mc:c2");
        store().remove("u2", "mc:c1");

        assertThat(store().size()).isEqualTo(1);
        assertThat(store().head("u1").key()).isEqualTo("mc:c1");
    }

    @Test
    void removeDeliveredTakesABatchAcrossCustomersOutAndRecordsTheirCodes() {
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));
        store().append("u2", List.of(message("c3", "three"), message(null, "no code")));
        List<PendingMessage> batch = List.of(store().head("u1"), store().head("u2"));
        DeliveredCodes codes = newDeliveredCodes();

        store().removeDelivered(batch, codes);

        assertThat(store().head("u1").key()).as("the rest of u1 stays, in order").isEqualTo("mc:c2");
        assertThat(store().head("u2").message().getContent()).isEqualTo("no code");
        assertThat(store().size()).isEqualTo(2);
        assertThat(codes.deliveredAmong(List.of("c1", "c2", "c3"))).containsExactlyInAnyOrder("c1", "c3");
    }

    @Test
    void removeDeliveredTakesMessagesWithoutACodeOut() {
        store().append("u1", List.of(message(null, "no code"), message("c2", "two")));
        DeliveredCodes codes = newDeliveredCodes();

        store().removeDelivered(List.of(store().head("u1")), codes);

        assertThat(store().head("u1").key()).isEqualTo("mc:c2");
        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void removeDeliveredAgainAfterItWasWrittenChangesNothing() {
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));
        List<PendingMessage> batch = List.of(store().head("u1"));
        DeliveredCodes codes = newDeliveredCodes();
        store().removeDelivered(batch, codes);

        // a retried batch whose first write did reach the store, e.g. its answer was lost
        store().removeDelivered(batch, codes);

        assertThat(store().head("u1").key()).isEqualTo("mc:c2");
        assertThat(store().size()).isEqualTo(1);
        assertThat(codes.deliveredAmong(List.of("c1", "c2"))).containsExactly("c1");
    }

    @Test
    void removeDeliveredOfAnEmptyBatchChangesNothing() {
        store().append("u1", List.of(message("c1", "one")));

        store().removeDelivered(List.of(), newDeliveredCodes());

        assertThat(store().size()).isEqualTo(1);
    }

    @Test
    void customersAndSizeCountWhatIsHeld() {
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));
        store().append("u2", List.of(message("c3", "three")));

        assertThat(store().customers()).containsExactlyInAnyOrder("u1", "u2");
        assertThat(store().size()).isEqualTo(3);
        assertThat(store().hasPending("u2")).isTrue();

        store().remove("u2", "mc:c3");

        assertThat(store().customers()).containsExactly("u1");
        assertThat(store().size()).isEqualTo(2);
        assertThat(store().hasPending("u2")).isFalse();
    }

    @Test
    void aMessageComesBackWithEveryField() {
        DownlinkMessage m = message("c1", "你好 \"quoted\" \n line");
        m.setChannel("WEB");
        m.setFrom("robot");
        m.setTo("u1");
        m.setControlType("CHAT");
        m.setSenderNickname("Bot");
        m.setTimestamp("1764064800000");
        m.setReceiveTime(1764064800123L);
        m.setOfflineStatus("false");
        m.setSimQuestions(List.of("q1", "q2"));
        m.setRobotGender("FEMALE");
        m.setCallId("call-1");
        store().append("u1", List.of(m));

        DownlinkMessage back = store().head("u1").message();

        assertThat(back).usingRecursiveComparison().isEqualTo(m);
    }

    @Test
    void aMalformedMessageComesBackRawWithItsReason() {
        DownlinkMessage m = DownlinkMessage.malformed("{\"messageCode\":\"c9\",\"to\":\"u1\",\"content\":{\"x\":1}}",
                "field 'content': not a string", "c9", "u1");
        store().append("u1", List.of(m));

        DownlinkMessage back = store().head("u1").message();

        assertThat(back).usingRecursiveComparison().isEqualTo(m);
        assertThat(store().head("u1").key()).isEqualTo("mc:c9");
    }

    @Test
    void twoInstancesOnOneDatabaseShareTheMessages() {
        assumeTrue(instancesShareState(), "instances of this twin keep their own state");
        PendingMessageStore other = newStore();
        store().append("u1", List.of(message("c1", "one"), message("c2", "two")));

        assertThat(other.append("u1", List.of(message("c2", "two"), message("c3", "three"))))
                .extracting(PendingMessage::key).containsExactly("mc:c3");
        assertThat(other.customers()).containsExactly("u1");
        assertThat(other.recordFailure("u1", "mc:c1")).isEqualTo(1);
        assertThat(store().head("u1").attempts()).isEqualTo(1);

        other.remove("u1", "mc:c1");
        assertThat(drain("u1")).containsExactly("two", "three");
        assertThat(other.size()).isZero();
    }
}
