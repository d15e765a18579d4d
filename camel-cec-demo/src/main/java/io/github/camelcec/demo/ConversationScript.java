package io.github.camelcec.demo;

import java.util.ArrayList;
import java.util.List;

import io.github.camelcec.demo.embedded.ScriptedAgentDesk;

/** What one demo customer sends, step by step, and which CEC replies each step must produce, in order. */
final class ConversationScript {

    private static final String[] NAMES = {
            "Alice", "Bruno", "Chen", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ivan", "Julia", "Kenji", "Lena",
            "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wei", "Ximena",
            "Yusuf", "Zoe"};
    private static final String[] FIRST_QUESTIONS = {
            "Where is my order %d?", "I need the invoice for order %d.", "Can I get a refund for order %d?",
            "I forgot my password again, account %d."};

    /** A reply the customer waits for: who sends it and, when known in advance, its exact text. */
    record ExpectedReply(String sourceType, String content, String controlType, boolean answer) {
        boolean matches(Reply reply) {
            return sourceType.equalsIgnoreCase(reply.sourceType())
                   && (content == null || content.equals(reply.content()))
                   && (controlType == null || controlType.equalsIgnoreCase(reply.controlType()));
        }

        @Override
        public String toString() {
            return sourceType + (content == null ? "" : " \"" + content + "\"")
                   + (controlType == null ? "" : " " + controlType);
        }
    }

    /**
     * One record to {@code cec.customer.in}.
     *
     * @param shown how the console shows it
     */
    record Step(String value, String shown, List<ExpectedReply> replies) {
    }

    private ConversationScript() {
    }

    static String nameOf(int index) {
        return NAMES[index % NAMES.length];
    }

    /**
     * Hello (connects: robot greeting and robot answer), ask for an agent (system notice), two questions (the agent
     * answers), optionally a rating (no reply), goodbye (system DISCONNECT).
     */
    static List<Step> conversation(String name, int index, Integer rating) {
        String hello = "Hello, this is " + name;
        String question = String.format(FIRST_QUESTIONS[index % FIRST_QUESTIONS.length], 1000 + index);
        String followUp = "Thanks. One more thing: please send me the invoice too.";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("{\"name\":\"" + name + "\",\"text\":\"" + hello + "\"}", hello, List.of(
                new ExpectedReply("ROBOT", null, null, false),
                new ExpectedReply("ROBOT", "You said: " + hello, null, true))));
        steps.add(new Step("{\"controlType\":\"TRANS2AGENT\"}", "(asks for an agent)", List.of(
                new ExpectedReply("SYSTEM", null, null, false))));
        // a plain-text record: the other shape route 1 accepts
        steps.add(new Step(question, question, List.of(
                new ExpectedReply("AGENT", ScriptedAgentDesk.replyTo(question), null, true))));
        steps.add(new Step("{\"text\":\"" + followUp + "\"}", followUp, List.of(
                new ExpectedReply("AGENT", ScriptedAgentDesk.replyTo(followUp), null, true))));
        if (rating != null) {
            String comment = rating <= 2 ? "It took far too long." : "Quick and friendly.";
            steps.add(new Step("{\"rating\":" + rating + ",\"comment\":\"" + comment + "\"}",
                    "(rates " + rating + "/5: " + comment + ")", List.of()));
        }
        steps.add(new Step("{\"controlType\":\"DISCONNECT\"}", "(says goodbye)", List.of(
                new ExpectedReply("SYSTEM", null, "DISCONNECT", false))));
        return steps;
    }

    /** A customer who writes while the agents are off: CEC refuses the CONNECT, the bridge leaves a message. */
    static Step afterHours(String name) {
        String text = "Is anyone there? My parcel never arrived.";
        return new Step("{\"name\":\"" + name + "\",\"text\":\"" + text + "\",\"phone\":\"+4930123456\"}", text, List.of());
    }
}
