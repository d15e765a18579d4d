package io.github.camelcec.examples.routes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The lines of one customer's conversation, collected from both Kafka topics until CEC ends it. */
public final class Transcript {

    private final String customerId;
    private final List<TranscriptLine> lines = new ArrayList<>();
    private String customerName;
    private boolean ended;
    private boolean customerLeft;

    public Transcript(String customerId) {
        this.customerId = customerId;
    }

    public void add(TranscriptLine line, String name) {
        lines.add(line);
        if (name != null) {
            customerName = name;
        }
        ended |= line.ending() == TranscriptLine.Ending.CEC_ENDED;
        customerLeft |= line.ending() == TranscriptLine.Ending.CUSTOMER_LEFT;
    }

    /** CEC ended the conversation. */
    public boolean isEnded() {
        return ended;
    }

    /**
     * CEC ended it and the customer's own DISCONNECT is here too: each topic is ordered per customer, so nothing of the
     * conversation can still be on its way.
     */
    public boolean isComplete() {
        return ended && customerLeft;
    }

    public String customerId() {
        return customerId;
    }

    public String subject() {
        return "CEC conversation with " + (customerName == null ? customerId : customerName + " (" + customerId + ")");
    }

    /** The lines in time order: the two topics are read together and may interleave either way. */
    public String body() {
        StringBuilder text = new StringBuilder(subject()).append("\n\n");
        lines.stream()
                .sorted(Comparator.comparingLong(TranscriptLine::timestamp))
                .forEach(l -> text.append(l.render()).append('\n'));
        return text.toString();
    }
}
