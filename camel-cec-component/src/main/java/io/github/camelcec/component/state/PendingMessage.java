package io.github.camelcec.component.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.github.camelcec.component.model.DownlinkMessage;

/**
 * A downlink message fetched from CEC and not yet delivered (ref §5: the poll hands it out once, so this is the only
 * copy until its exchange completed).
 *
 * @param userId   the customer the message is for
 * @param sequence the store's order of arrival: per customer, lower is older
 * @param key      unique per customer: {@code mc:<messageCode>}, or a generated key for a message without one
 * @param message  the message as received
 * @param attempts how many deliveries of it failed so far
 */
public record PendingMessage(String userId, long sequence, String key, DownlinkMessage message, int attempts) {

    public PendingMessage {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The key a message is held under: its messageCode when it has one, so a message CEC hands out twice is held
     * once; otherwise a key of its own, as nothing else tells two such messages apart.
     */
    public static String keyOf(DownlinkMessage message) {
        String code = message.getMessageCode();
        return code != null && !code.isBlank() ? "mc:" + code : "gen:" + UUID.randomUUID();
    }

    /** The messageCodes of these messages, in their order; messages without one have none. */
    public static List<String> codesOf(List<PendingMessage> messages) {
        List<String> codes = new ArrayList<>(messages.size());
        for (PendingMessage p : messages) {
            if (p.message().getMessageCode() != null) {
                codes.add(p.message().getMessageCode());
            }
        }
        return codes;
    }
}
