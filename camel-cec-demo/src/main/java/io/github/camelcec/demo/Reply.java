package io.github.camelcec.demo;

/** One record of {@code cec.chat.out} as the demo saw it. */
record Reply(String customerId, String sourceType, String senderNickname, String controlType, String content,
             String messageCode, long arrivedNanos) {

    String shown() {
        String who = senderNickname == null || senderNickname.isBlank()
                ? sourceType.toLowerCase(java.util.Locale.ROOT)
                : senderNickname;
        return who + ": " + ("DISCONNECT".equalsIgnoreCase(controlType) && (content == null || content.isEmpty())
                ? "(the conversation ended)" : content);
    }
}
