package io.github.camelcec.simulator.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.github.camelcec.simulator.api.Json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Turns a valid CEC answer into a malformed one, reproducibly: every choice comes from the caller's {@link Random}. Two
 * uses: {@link #mutate} for fuzz tests of a parser (any kind of damage, anywhere in the answer), and
 * {@link #breakDownlinks} for the simulator's {@code malformedRate} poll fault, which damages single downlink messages
 * but keeps the answer parseable and every message's {@code messageCode} intact (cec-api.md §3.2: a poll answer is
 * parsed per message, and a malformed one must be delivered raw, not lost).
 */
public final class MalformedAnswers {

    /** The kinds of damage {@link #mutate(String, Random, Mutation)} does. */
    public enum Mutation {
        /** A field's value replaced by one of another JSON type (object for a string, text for a number, ...). */
        WRONG_TYPE,
        /** A field's value replaced by null. */
        NULL_VALUE,
        /** A field's value replaced by a number beyond long or double range. */
        HUGE_NUMBER,
        /** A field's value replaced by an object nested 50 to 5000 levels deep (beyond many parsers' depth limits). */
        DEEP_NESTING,
        /** An object gains a field no table lists, holding nested objects and arrays. */
        UNKNOWN_NESTED_FIELD,
        /** A string gains a lone surrogate, NUL, a byte-order mark, a right-to-left override or similar. */
        UNICODE_ODDITY,
        /** A field appears twice in its object, once with a value of another type. */
        DUPLICATE_KEY,
        /** The text cut short. */
        TRUNCATED,
        /** The answer's top level is not an object: an array around it, null, a number, a string. */
        UNEXPECTED_TOP_LEVEL
    }

    /** A poll answer whose listed messages (by {@code messageCode}) were damaged; every other message is unchanged. */
    public record BrokenPollAnswer(String json, List<String> brokenMessageCodes) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<Mutation> ALL = List.of(Mutation.values());
    /** Ref §5.1.1: the downlink fields read as numbers (timestamp is a number in the §5.2 sample). */
    private static final Set<String> NUMERIC_DOWNLINK_FIELDS = Set.of("receiveTime", "timestamp");
    /** The field that identifies a downlink message; never damaged, so a test can find the message again. */
    private static final String MESSAGE_CODE = "messageCode";
    private static final List<String> ODDITIES = List.of("\\ud800", "\\udfff", "\\u0000", "\\ufeff", "\\u202e",
            "\\u200b\\u200d", "e\\u0301\\u0301\\u0301", "\\ud83d\\ude00", "\\uffff");

    private MalformedAnswers() {
    }

    /** {@code validJson} with one mutation of a kind chosen at random. */
    public static String mutate(String validJson, Random random) {
        return mutate(validJson, random, ALL.get(random.nextInt(ALL.size())));
    }

    /** {@code validJson} with one mutation of the given kind, at a place chosen at random. */
    public static String mutate(String validJson, Random random, Mutation mutation) {
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(mutation, "mutation");
        JsonNode root = parse(validJson);
        switch (mutation) {
            case TRUNCATED -> {
                String text = validJson.strip();
                return text.length() < 2 ? "" : text.substring(0, 1 + random.nextInt(text.length() - 1));
            }
            case UNEXPECTED_TOP_LEVEL -> {
                return switch (random.nextInt(5)) {
                    case 0 -> "[" + validJson + "]";
                    case 1 -> "null";
                    case 2 -> "0";
                    case 3 -> "\"resultCode\"";
                    default -> "[]";
                };
            }
            default -> {
                List<Field> fields = new ArrayList<>();
                collectFields(root, fields);
                if (fields.isEmpty()) {
                    if (!(root instanceof ObjectNode object)) {
                        return "[" + validJson + "]";
                    }
                    object.put("resultCode", "0");
                    fields.add(new Field(object, "resultCode"));
                }
                if (mutation == Mutation.NULL_VALUE && fields.stream().anyMatch(Field::notNull)) {
                    fields.removeIf(f -> !f.notNull());
                }
                apply(mutation, fields.get(random.nextInt(fields.size())), random, 5000);
                return write(root);
            }
        }
    }

    /**
     * Damages one or more downlink messages of a poll answer (ref §5.1.2 {@code downlinkMessages}): each damaged message
     * gets at least one field whose JSON type no typed reader accepts (an object or array where a string is expected; a
     * non-numeric text, an object or a number beyond long where a number is expected), and sometimes an oddity more
     * (a number for an enumeration, an unknown nested field, a duplicate key, odd unicode). {@code messageCode} stays
     * intact, and the answer stays valid JSON with all its messages. An answer without messages is returned unchanged.
     */
    public static BrokenPollAnswer breakDownlinks(String pollAnswer, Random random) {
        Objects.requireNonNull(random, "random");
        JsonNode root = parse(pollAnswer);
        JsonNode messages = root.get("downlinkMessages");
        if (!(messages instanceof ArrayNode array) || array.isEmpty()) {
            return new BrokenPollAnswer(pollAnswer, List.of());
        }
        int first = random.nextInt(array.size());
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) instanceof ObjectNode message && (i == first || random.nextBoolean())) {
                breakMessage(message, random);
                JsonNode code = message.get(MESSAGE_CODE);
                if (code != null && code.isTextual()) {
                    broken.add(code.asText());
                }
            }
        }
        return new BrokenPollAnswer(write(root), List.copyOf(broken));
    }

    private static void breakMessage(ObjectNode message, Random random) {
        List<String> names = new ArrayList<>();
        message.properties().forEach(e -> names.add(e.getKey()));
        names.remove(MESSAGE_CODE);
        if (names.isEmpty()) {
            names.add("content");
        }
        String name = names.get(random.nextInt(names.size()));
        JsonNode value;
        if (NUMERIC_DOWNLINK_FIELDS.contains(name)) {
            value = switch (random.nextInt(4)) {
                case 0 -> NODES.textNode("yesterday");
                case 1 -> NODES.objectNode().put("epochMillis", 1619590480756L);
                case 2 -> NODES.numberNode(new BigInteger("9".repeat(40)));
                default -> NODES.arrayNode().add(1619590480756L);
            };
        } else {
            value = switch (random.nextInt(3)) {
                case 0 -> NODES.objectNode().put("x", 1);
                case 1 -> NODES.arrayNode().add("a");
                default -> nestedNode(20 + random.nextInt(40));
            };
        }
        message.set(name, value);
        if (random.nextBoolean()) {
            List<Field> others = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : message.properties()) {
                if (!e.getKey().equals(MESSAGE_CODE) && !e.getKey().equals(name)) {
                    others.add(new Field(message, e.getKey()));
                }
            }
            switch (random.nextInt(4)) {
                case 0 -> {
                    if (message.has("controlType") && !name.equals("controlType")) {
                        message.put("controlType", 7);
                    }
                }
                case 1 -> apply(Mutation.UNKNOWN_NESTED_FIELD, new Field(message, name), random, 0);
                case 2 -> {
                    if (!others.isEmpty()) {
                        apply(Mutation.DUPLICATE_KEY, others.get(random.nextInt(others.size())), random, 0);
                    }
                }
                default -> {
                    if (!others.isEmpty()) {
                        apply(Mutation.UNICODE_ODDITY, others.get(random.nextInt(others.size())), random, 0);
                    }
                }
            }
        }
    }

    /** One field of one object in the tree. */
    private record Field(ObjectNode owner, String name) {
        boolean notNull() {
            return !owner.get(name).isNull();
        }
    }

    private static void collectFields(JsonNode node, List<Field> into) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                into.add(new Field(object, e.getKey()));
                collectFields(e.getValue(), into);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> collectFields(element, into));
        }
    }

    private static void apply(Mutation mutation, Field field, Random random, int maxDepth) {
        ObjectNode owner = field.owner();
        String name = field.name();
        JsonNode old = owner.get(name);
        switch (mutation) {
            case WRONG_TYPE -> owner.set(name, otherType(old, random));
            case NULL_VALUE -> owner.putNull(name);
            case HUGE_NUMBER -> owner.set(name, switch (random.nextInt(3)) {
                case 0 -> NODES.numberNode(new BigInteger("9".repeat(40)));
                case 1 -> NODES.numberNode(new BigInteger("-" + "9".repeat(40)));
                default -> NODES.numberNode(new BigDecimal("1E+400"));
            });
            // written raw: Jackson refuses to write trees deeper than its nesting limit
            case DEEP_NESTING -> owner.putRawValue(name, new RawValue(nested(50 + random.nextInt(Math.max(1, maxDepth - 50)))));
            case UNKNOWN_NESTED_FIELD -> owner.set("simUnknown" + random.nextInt(1000), NODES.objectNode()
                    .set("a", NODES.objectNode().put("b", true).set("c", NODES.arrayNode().add(1).addNull()
                            .add(NODES.objectNode().put("d", "e")))));
            case UNICODE_ODDITY -> {
                String prefix = old != null && old.isTextual() ? escaped(old.asText()) : "";
                owner.putRawValue(name, new RawValue("\"" + prefix + ODDITIES.get(random.nextInt(ODDITIES.size())) + "\""));
            }
            case DUPLICATE_KEY -> {
                // a raw value that closes the field and repeats its name: "name":<a>,"name":<b>
                String original = write(old == null ? NODES.nullNode() : old);
                String other = write(otherType(old, random));
                boolean originalFirst = random.nextBoolean();
                owner.putRawValue(name, new RawValue((originalFirst ? original : other) + "," + write(NODES.textNode(name))
                        + ":" + (originalFirst ? other : original)));
            }
            default -> throw new IllegalArgumentException("not a field mutation: " + mutation);
        }
    }

    /** A value of another JSON type than {@code old}. */
    private static JsonNode otherType(JsonNode old, Random random) {
        if (old == null || old.isNull() || old.isTextual()) {
            return random.nextBoolean() ? NODES.objectNode().put("x", 1) : NODES.arrayNode().add("a");
        }
        if (old.isNumber()) {
            return random.nextBoolean() ? NODES.textNode("yesterday") : NODES.objectNode().put("value", old.asText());
        }
        if (old.isBoolean()) {
            return random.nextBoolean() ? NODES.textNode("maybe") : NODES.numberNode(2);
        }
        if (old.isArray()) {
            return random.nextBoolean() ? NODES.objectNode().put("x", 1) : NODES.textNode("[]");
        }
        return random.nextBoolean() ? NODES.arrayNode().add(1) : NODES.textNode("{}");
    }

    private static JsonNode nestedNode(int depth) {
        ObjectNode root = NODES.objectNode();
        ObjectNode current = root;
        for (int i = 1; i < depth; i++) {
            current = current.putObject("x");
        }
        return root;
    }

    private static String nested(int depth) {
        return "{\"x\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static String escaped(String text) {
        String quoted = write(NODES.textNode(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private static JsonNode parse(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid JSON answer: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a mutated answer: " + e.getOriginalMessage(), e);
        }
    }
}
