package io.github.camelcec.simulator.faults;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelcec.simulator.CecOperation;
import io.github.camelcec.simulator.faults.MalformedAnswers.BrokenPollAnswer;
import io.github.camelcec.simulator.faults.MalformedAnswers.Mutation;
import io.github.camelcec.simulator.samples.SampleAnswers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The mutations a fuzz test and the malformedRate poll fault rely on, applied to the reference's sample answers. */
public class MalformedAnswersTest {

    static final ObjectMapper LENIENT = new ObjectMapper();
    static final ObjectMapper STRICT = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** A poll answer as the simulator writes it: every message with a messageCode. */
    static final String POLL = """
            {"resultCode":"0","resultDesc":"query user messages success","downlinkMessages":[
            {"channel":"WEB","content":"hello","from":"cfg","to":"u1","mediaType":"TEXT","sourceType":"ROBOT","senderNickname":"robot",
             "senderAvatar":null,"timestamp":1619590480756,"interIdx":"1","isOfflineStatus":null,"messageCode":"m-1","simQuestions":null,
             "associationContentId":null,"callId":"c-1","controlType":"CHAT","queueFlag":null,"receiveTime":1619590480756,"robotGender":"MALE"},
            {"channel":"WEB","content":"second","from":"cfg","to":"u1","mediaType":"TEXT","sourceType":"AGENT","senderNickname":"agent",
             "senderAvatar":null,"timestamp":1619590480757,"interIdx":null,"isOfflineStatus":null,"messageCode":"m-2","simQuestions":null,
             "associationContentId":null,"callId":"c-1","controlType":"CHAT","queueFlag":null,"receiveTime":1619590480757,"robotGender":null},
            {"channel":"WEB","content":"third","from":"cfg","to":"u1","mediaType":"TEXT","sourceType":"SYSTEM","senderNickname":"system",
             "senderAvatar":null,"timestamp":1619590480758,"interIdx":null,"isOfflineStatus":"true","messageCode":"m-3","simQuestions":null,
             "associationContentId":null,"callId":"c-1","controlType":"DISCONNECT","queueFlag":null,"receiveTime":1619590480758,"robotGender":null}]}
            """;

    @Test
    void everySampleAnswerIsValidJsonAndEveryOperationHasOne() throws Exception {
        for (CecOperation op : CecOperation.values()) {
            assertThat(SampleAnswers.forOperation(op)).as(op.name()).isNotEmpty();
            for (String answer : SampleAnswers.forOperation(op)) {
                assertThat(LENIENT.readTree(answer).isObject()).as(op.name()).isTrue();
            }
        }
        assertThat(SampleAnswers.names(CecOperation.SEND)).hasSize(4);
        assertThat(LENIENT.readTree(SampleAnswers.poll()).get("downlinkMessages")).hasSize(3);
        assertThatThrownBy(() -> SampleAnswers.text("nope.json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.json");
    }

    @ParameterizedTest
    @EnumSource(Mutation.class)
    void eachMutationDamagesEverySampleAnswer(Mutation mutation) throws Exception {
        Random random = new Random(1);
        for (String name : SampleAnswers.names()) {
            String valid = SampleAnswers.text(name);
            String mutated = MalformedAnswers.mutate(valid, random, mutation);
            String context = mutation + " of " + name + ": " + mutated;
            switch (mutation) {
                case TRUNCATED -> assertThatThrownBy(() -> LENIENT.readTree(mutated)).as(context)
                        .isInstanceOf(JsonProcessingException.class);
                case UNEXPECTED_TOP_LEVEL -> assertThat(LENIENT.readTree(mutated).isObject()).as(context).isFalse();
                case DEEP_NESTING -> assertThat(mutated).as(context).contains("{\"x\":".repeat(49));
                case DUPLICATE_KEY -> {
                    assertThat(LENIENT.readTree(mutated)).as(context).isNotNull();
                    assertThatThrownBy(() -> STRICT.readTree(mutated)).as(context).isInstanceOf(JsonProcessingException.class)
                            .hasMessageContaining("Duplicate field");
                }
                case HUGE_NUMBER -> assertThat(mutated).as(context).containsAnyOf("9".repeat(40), "1E+400");
                case UNICODE_ODDITY -> assertThat(mutated).as(context).containsPattern("\\\\u[0-9a-f]{4}|\\\\u0301");
                case UNKNOWN_NESTED_FIELD -> assertThat(mutated).as(context).contains("\"simUnknown");
                default -> assertThat(LENIENT.readTree(mutated)).as(context).isNotEqualTo(LENIENT.readTree(valid));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameMutations() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        Set<String> kinds = new HashSet<>();
        Random a = new Random(42);
        Random b = new Random(42);
        for (int i = 0; i < 200; i++) {
            String valid = SampleAnswers.poll();
            first.add(MalformedAnswers.mutate(valid, a));
            second.add(MalformedAnswers.mutate(valid, b));
            kinds.add(first.get(i));
        }
        assertThat(first).isEqualTo(second);
        assertThat(kinds).hasSizeGreaterThan(50);
    }

    @Test
    void breakDownlinksDamagesMessagesButKeepsThemAllWithTheirCodes() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            BrokenPollAnswer broken = MalformedAnswers.breakDownlinks(POLL, new Random(seed));
            JsonNode messages = LENIENT.readTree(broken.json()).get("downlinkMessages");
            assertThat(messages).hasSize(3);
            assertThat(messages).extracting(m -> m.get("messageCode").asText()).containsExactly("m-1", "m-2", "m-3");
            assertThat(broken.brokenMessageCodes()).isNotEmpty();
            for (JsonNode message : messages) {
                boolean listed = broken.brokenMessageCodes().contains(message.get("messageCode").asText());
                assertThat(hasAFieldOfTheWrongType(message)).as("seed %d, %s", seed, message).isEqualTo(listed);
            }
        }
        assertThat(MalformedAnswers.breakDownlinks(POLL, new Random(3)))
                .isEqualTo(MalformedAnswers.breakDownlinks(POLL, new Random(3)));
        String empty = "{\"resultCode\":\"0\",\"resultDesc\":\"query user messages success\",\"downlinkMessages\":[]}";
        assertThat(MalformedAnswers.breakDownlinks(empty, new Random(1)).json()).isEqualTo(empty);
        assertThatThrownBy(() -> MalformedAnswers.mutate("{nope", new Random(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid JSON answer");
    }

    /** Ref §5.1.1 types: receiveTime and timestamp numbers (timestamp also a numeric string), the rest strings or null. */
    public static boolean hasAFieldOfTheWrongType(JsonNode message) {
        for (Map.Entry<String, JsonNode> field : message.properties()) {
            JsonNode value = field.getValue();
            boolean numeric = field.getKey().equals("receiveTime") || field.getKey().equals("timestamp");
            if (numeric ? !value.canConvertToLong() && !value.isNull() : value.isContainerNode()) {
                return true;
            }
        }
        return false;
    }
}
