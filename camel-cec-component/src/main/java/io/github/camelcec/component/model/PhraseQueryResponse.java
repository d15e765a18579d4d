package io.github.camelcec.component.model;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonFormat;

/** ref §10.1.2: suggested phrases. cec-api §4.2: the sample names the array {@code question}; both are read. */
public class PhraseQueryResponse extends CecResult {

    @JsonAlias("question")
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    private List<String> phrases = new ArrayList<>();

    public List<String> getPhrases() {
        return phrases;
    }

    public void setPhrases(List<String> phrases) {
        this.phrases = phrases == null ? new ArrayList<>() : phrases;
    }
}
