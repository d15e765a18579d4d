package io.github.camelcec.component.model;

/** ref §10.1.1: robot phrase suggestions for what the customer is typing. */
public class PhraseQueryRequest implements CecPayload {

    /** The {@code cec:phrases} String shortcut: suggestions for a keyword. */
    public static PhraseQueryRequest of(String keyword) {
        PhraseQueryRequest r = new PhraseQueryRequest();
        r.setStrContent(keyword);
        return r;
    }

    private String strContent;
    private String locale;
    private String channel;

    public String getStrContent() {
        return strContent;
    }

    public void setStrContent(String strContent) {
        this.strContent = strContent;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }
}
