package io.github.camelcec.simulator.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Scenario switches a test flips: working hours, robot answers, phrase suggestions, click-to-call, the agent script. */
public final class Switches {

    /** Ref §10.2 sample: the phrase suggestions answered for the keyword "网格". */
    public static final List<String> SAMPLE_PHRASES = List.of(
            "网格版APP在哪里下载", "网格版APP怎么登录? ", "网格版APP支持什么手机版本",
            "登录APP网格版后，没有扫街下单、网格一本账等功能菜单权限", "PC端中屏网格系统怎么登录");

    private volatile boolean workingHours;
    private volatile boolean clickToCallSupported;
    private volatile Map<String, String> robotPhrases;
    private volatile List<String> phraseSuggestions;
    private volatile Function<String, String> agentAutoReply;

    public Switches() {
        restoreDefaults();
    }

    public void restoreDefaults() {
        workingHours = true;
        clickToCallSupported = true;
        robotPhrases = Map.of();
        phraseSuggestions = SAMPLE_PHRASES;
        agentAutoReply = null;
    }

    public boolean workingHours() {
        return workingHours;
    }

    public void workingHours(boolean open) {
        workingHours = open;
    }

    public boolean clickToCallSupported() {
        return clickToCallSupported;
    }

    public void clickToCallSupported(boolean supported) {
        clickToCallSupported = supported;
    }

    public Map<String, String> robotPhrases() {
        return robotPhrases;
    }

    public void robotPhrases(Map<String, String> table) {
        robotPhrases = table == null ? Map.of() : new LinkedHashMap<>(table);
    }

    public List<String> phraseSuggestions() {
        return phraseSuggestions;
    }

    public void phraseSuggestions(List<String> phrases) {
        phraseSuggestions = phrases == null ? SAMPLE_PHRASES : List.copyOf(phrases);
    }

    public Function<String, String> agentAutoReply() {
        return agentAutoReply;
    }

    public void agentAutoReply(Function<String, String> reply) {
        agentAutoReply = reply;
    }
}
