package io.github.camelcec.simulator.samples;

import io.github.camelcec.simulator.CecOperation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The reference's sample answers, verbatim, as valid JSON: one or more per operation, for parsers' tests and fuzz
 * tests (seed with them, mutate with {@code MalformedAnswers}). Two samples are not JSON in the reference (ref §3.2
 * applyToken, ref §12.1 getClickToCallEvents); their {@code -corrected} files carry the same fields as JSON.
 */
public final class SampleAnswers {

    /** Ref §7.2 has one sample answer per controlType; every other operation has one. */
    private static final Map<CecOperation, List<String>> BY_OPERATION = new EnumMap<>(Map.ofEntries(
            Map.entry(CecOperation.TOKEN_BY_AKSK, List.of("2-tokenByAkSk-response.json")),
            Map.entry(CecOperation.APPLY_TOKEN, List.of("3.2-applyToken-response-corrected.json")),
            Map.entry(CecOperation.QUERY_QUEUE_INFO, List.of("4.2-queryQueueInfo-response.json")),
            Map.entry(CecOperation.POLL, List.of("5.2-poll-response.json")),
            Map.entry(CecOperation.SAVE_SATISFACTION, List.of("6.2-saveSatisfaction-response.json")),
            Map.entry(CecOperation.SEND, List.of("7.2-send-connect-response.json", "7.2-send-chat-response.json",
                    "7.2-send-trans2agent-response.json", "7.2-send-disconnect-response.json")),
            Map.entry(CecOperation.UPLOAD_FILE, List.of("8.2-uploadFileStream-response.json")),
            Map.entry(CecOperation.DOWNLOAD_FILE, List.of("9.2-downloadFileStream-response.json")),
            Map.entry(CecOperation.QUERY_PHRASES, List.of("10.2-queryPhraseByKeyword-response.json")),
            Map.entry(CecOperation.CREATE_CLICK_TO_CALL, List.of("11.1-createClickToCall-response.json")),
            Map.entry(CecOperation.GET_CLICK_TO_CALL_EVENTS, List.of("12.1-getClickToCallEvents-response-corrected.json")),
            Map.entry(CecOperation.CHECK_CLICK_TO_CALL_SUPPORT, List.of("13.1-checkClickToCallSupport-response.json")),
            Map.entry(CecOperation.DROP_CLICK_TO_CALL, List.of("14.1-dropClickToCall-response.json")),
            Map.entry(CecOperation.LEAVE_MESSAGE, List.of("15.1-doLeaveMessage-response.json")),
            Map.entry(CecOperation.CREATE_CALL, List.of("16.1-createcall-response.json")),
            Map.entry(CecOperation.ROBOT_FEEDBACK, List.of("17.1-feedbacksatisfaction-response.json"))));

    private SampleAnswers() {
    }

    /** The sample answers' file names for this operation, e.g. {@code 5.2-poll-response.json}. */
    public static List<String> names(CecOperation op) {
        return BY_OPERATION.get(op);
    }

    /** Every sample answer's file name, in operation order. */
    public static List<String> names() {
        return BY_OPERATION.values().stream().flatMap(List::stream).toList();
    }

    /** The texts of this operation's sample answers. */
    public static List<String> forOperation(CecOperation op) {
        return names(op).stream().map(SampleAnswers::text).toList();
    }

    /** The ref §5.2 poll answer: three downlink messages. */
    public static String poll() {
        return text("5.2-poll-response.json");
    }

    /** One sample answer's text, by file name. */
    public static String text(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no sample answer named " + name + ", use one of " + names());
        }
        try (InputStream in = SampleAnswers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("sample answer " + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample answer " + name, e);
        }
    }
}
