package io.github.camelcec.demo.embedded;

import java.util.Locale;
import java.util.function.Function;

/**
 * The embedded CEC's agent: answers every customer text at once and always the same way, so a demo or a test knows
 * the reply it waits for ({@link #replyTo(String)}).
 */
public final class ScriptedAgentDesk implements Function<String, String> {

    public static final String AGENT_NAME = "Anna";

    @Override
    public String apply(String customerText) {
        return replyTo(customerText);
    }

    public static String replyTo(String customerText) {
        String text = customerText.toLowerCase(Locale.ROOT);
        String answer;
        if (text.contains("order")) {
            answer = "your order left our warehouse this morning and arrives tomorrow.";
        } else if (text.contains("invoice")) {
            answer = "I have sent the invoice to the e-mail address on your account.";
        } else if (text.contains("refund")) {
            answer = "the refund is approved; expect it within five working days.";
        } else if (text.contains("password")) {
            answer = "I have sent you a link to reset your password.";
        } else {
            answer = "thank you, I have noted: " + customerText;
        }
        return AGENT_NAME + " here: " + answer;
    }
}
