package io.github.camelcec.component.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelcec.component.model.ApplyTokenResponse;
import io.github.camelcec.component.model.CecResult;
import io.github.camelcec.component.model.ClickToCallEventsResponse;
import io.github.camelcec.component.model.ClickToCallSupportResponse;
import io.github.camelcec.component.model.CreateCallResponse;
import io.github.camelcec.component.model.DownlinkMessage;
import io.github.camelcec.component.model.DownloadFileResponse;
import io.github.camelcec.component.model.GatewayTokenResponse;
import io.github.camelcec.component.model.PhraseQueryResponse;
import io.github.camelcec.component.model.PollResponse;
import io.github.camelcec.component.model.QueueInfoResponse;
import io.github.camelcec.component.model.UploadFileResponse;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.faults.MalformedAnswers;
import io.github.camelcec.simulator.samples.SampleAnswers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of damaged answers, grown from the reference's samples, through the component's parser: the only outcomes
 * are a typed answer, a poll message delivered raw, or the component's own {@link CecException}; and a poll answer
 * whose messages were damaged loses none of them.
 */
class AnswerParsingFuzzTest {

    private static final int ROUNDS_PER_SAMPLE = 400;
    private static final long SEED = 20_260_513L;

    /** Each simulator operation's answer type in the component (ref §2 to §17). */
    private static final Map<CecOperation, Class<?>> RESPONSE_TYPES = new EnumMap<>(Map.ofEntries(
            Map.entry(CecOperation.TOKEN_BY_AKSK, GatewayTokenResponse.class),
            Map.entry(CecOperation.APPLY_TOKEN, ApplyTokenResponse.class),
            Map.entry(CecOperation.QUERY_QUEUE_INFO, QueueInfoResponse.class),
            Map.entry(CecOperation.POLL, PollResponse.class),
            Map.entry(CecOperation.SAVE_SATISFACTION, CecResult.class),
            Map.entry(CecOperation.SEND, CecResult.class),
            Map.entry(CecOperation.UPLOAD_FILE, UploadFileResponse.class),
            Map.entry(CecOperation.DOWNLOAD_FILE, DownloadFileResponse.class),
            Map.entry(CecOperation.QUERY_PHRASES, PhraseQueryResponse.class),
            Map.entry(CecOperation.CREATE_CLICK_TO_CALL, CecResult.class),
            Map.entry(CecOperation.GET_CLICK_TO_CALL_EVENTS, ClickToCallEventsResponse.class),
            Map.entry(CecOperation.CHECK_CLICK_TO_CALL_SUPPORT, ClickToCallSupportResponse.class),
            Map.entry(CecOperation.DROP_CLICK_TO_CALL, CecResult.class),
            Map.entry(CecOperation.LEAVE_MESSAGE, CecResult.class),
            Map.entry(CecOperation.CREATE_CALL, CreateCallResponse.class),
            Map.entry(CecOperation.ROBOT_FEEDBACK, CecResult.class)));

    @Test
    void everySampleAnswerIsTypedAsItIs() {
        for (CecOperation op : CecOperation.values()) {
            for (String sample : SampleAnswers.forOperation(op)) {
                assertThat(parse(op, sample)).as(op + " sample").isInstanceOf(RESPONSE_TYPES.get(op));
            }
        }
    }

    @Test
    void mutatedAnswersOfEveryOperationAreTypedOrTheComponentsOwnError() {
        Random random = new Random(SEED);
        int typed = 0;
        int refused = 0;
        for (CecOperation op : CecOperation.values()) {
            for (String sample : SampleAnswers.forOperation(op)) {
                for (int i = 0; i < ROUNDS_PER_SAMPLE; i++) {
                    String damaged = MalformedAnswers.mutate(sample, random);
                    Object outcome = outcome(op, damaged);
                    if (outcome instanceof CecException) {
                        refused++;
                    } else {
                        assertThat(outcome).as("%s answer %s", op, damaged).isInstanceOf(RESPONSE_TYPES.get(op));
                        typed++;
                    }
                }
            }
        }
        // most damage hits one field, which a tolerant reader survives
        assertThat(typed).isGreaterThan(refused);
    }

    @Test
    void eachKindOfDamageGivesOnlyTheExpectedOutcomes() {
        Random random = new Random(SEED + 1);
        for (MalformedAnswers.Mutation mutation : MalformedAnswers.Mutation.values()) {
            for (int i = 0; i < 200; i++) {
                String damaged = MalformedAnswers.mutate(SampleAnswers.poll(), random, mutation);
                Object outcome = outcome(CecOperation.POLL, damaged);
                if (!(outcome instanceof CecException)) {
                    assertThat(outcome).as("%s: %s", mutation, damaged).isInstanceOf(PollResponse.class);
                    ((PollResponse) outcome).getDownlinkMessages().forEach(AnswerParsingFuzzTest::typedOrRaw);
                }
            }
        }
    }

    @Test
    void pollAnswersWithBrokenMessagesLoseNone() {
        Random random = new Random(SEED + 2);
        int rawMessages = 0;
        int brokenMessages = 0;
        for (int i = 0; i < 3_000; i++) {
            PollAnswer valid = manyMessages(random);
            MalformedAnswers.BrokenPollAnswer broken = MalformedAnswers.breakDownlinks(valid.json(), random);
            PollResponse response = (PollResponse) parse(CecOperation.POLL, broken.json());

            response.getDownlinkMessages().forEach(AnswerParsingFuzzTest::typedOrRaw);
            assertThat(response.getDownlinkMessages()).extracting(DownlinkMessage::getMessageCode).as(broken.json())
                    .containsExactlyElementsOf(valid.codes());
            List<String> raw = response.getDownlinkMessages().stream().filter(m -> m.getMalformed() != null)
                    .map(DownlinkMessage::getMessageCode).toList();
            // an intact message is never raw; a damaged one is raw unless the damage is a form the model accepts
            // (simQuestions as an array: ref §5.1.1 types it a string, robots send a list)
            assertThat(broken.brokenMessageCodes()).as(broken.json()).containsAll(raw);
            rawMessages += raw.size();
            brokenMessages += broken.brokenMessageCodes().size();
        }
        assertThat(rawMessages).isGreaterThan(brokenMessages * 9 / 10);
    }

    /** A valid poll answer and its messages' codes, in order. */
    private record PollAnswer(String json, List<String> codes) {
    }

    /** The ref §5.2 sample's three messages (which carry no messageCode), one to four times over, each with a code. */
    private static PollAnswer manyMessages(Random random) {
        try {
            ObjectNode answer = (ObjectNode) CecJson.mapper().readTree(SampleAnswers.poll());
            JsonNode sample = answer.get("downlinkMessages");
            ArrayNode messages = answer.putArray("downlinkMessages");
            List<String> codes = new ArrayList<>();
            for (int copy = 1 + random.nextInt(4); copy > 0; copy--) {
                for (JsonNode message : sample) {
                    String code = "msg-" + copy + "-" + codes.size();
                    messages.add(((ObjectNode) message.deepCopy()).put("messageCode", code));
                    codes.add(code);
                }
            }
            return new PollAnswer(CecJson.mapper().writeValueAsString(answer), codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void typedOrRaw(DownlinkMessage message) {
        if (message.getMalformed() != null) {
            assertThat(message.getRawJson()).as("raw JSON of a malformed message").isNotBlank();
            assertThat(message.getMalformed()).as("reason").isNotBlank();
        }
    }

    private static Object parse(CecOperation op, String json) {
        return CecWire.parse(op.name(), new WireAnswer(200, null, json.getBytes(StandardCharsets.UTF_8)),
                RESPONSE_TYPES.get(op));
    }

    /** The parser's result, or the CecException it threw; any other exception fails the test. */
    private static Object outcome(CecOperation op, String json) {
        try {
            return parse(op, json);
        } catch (CecException e) {
            return e;
        } catch (RuntimeException | StackOverflowError e) {
            return fail("%s answer %s threw %s", op, json, e);
        }
    }
}
