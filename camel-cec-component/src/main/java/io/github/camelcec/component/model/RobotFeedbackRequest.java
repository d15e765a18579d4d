package io.github.camelcec.component.model;

/** ref §17: the customer rates one robot answer ({@code feedback} 1 satisfied, 0 not). */
public class RobotFeedbackRequest implements CecPayload {

    private Integer feedback;
    private String feedbackContent;
    private String from;
    private String interIdx;

    public Integer getFeedback() {
        return feedback;
    }

    public void setFeedback(Integer feedback) {
        this.feedback = feedback;
    }

    public String getFeedbackContent() {
        return feedbackContent;
    }

    public void setFeedbackContent(String feedbackContent) {
        this.feedbackContent = feedbackContent;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getInterIdx() {
        return interIdx;
    }

    public void setInterIdx(String interIdx) {
        this.interIdx = interIdx;
    }
}
