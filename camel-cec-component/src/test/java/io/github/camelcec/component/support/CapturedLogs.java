package io.github.camelcec.component.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Captures every log event (message and stack trace) of a DEBUG- or TRACE-level run, to assert what never gets logged. */
public final class CapturedLogs extends AbstractAppender implements AutoCloseable {

    /** One captured event: logger name and the text a log file would show. */
    public record Line(String logger, String text) {

        /**
         * HttpClient's header log printing a {@code ccmessaging-token} response header (a rotated customer token): the
         * one secret-bearing line the component cannot mask, as HttpClient builds its response headers itself
         * (docs/user-guide.md, "What is logged").
         */
        public boolean isRotatedTokenInHttpClientHeaderLog() {
            return logger.equals("org.apache.hc.client5.http.headers") && text.contains(" << ccmessaging-token: ");
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<LoggerConfig, Level> previousLevels = new HashMap<>();
    private final Level previousRoot;
    private final Level previousOwn;

    private CapturedLogs(boolean everyLoggerAtTrace) {
        super("captured", null, null, true, Property.EMPTY_ARRAY);
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        LoggerConfig root = config.getRootLogger();
        LoggerConfig own = config.getLoggerConfig("io.github.camelcec");
        previousRoot = root.getLevel();
        previousOwn = own.getLevel();
        start();
        root.addAppender(this, Level.ALL, null);
        root.setLevel(Level.DEBUG);
        own.setLevel(Level.DEBUG);
        if (everyLoggerAtTrace) {
            for (LoggerConfig logger : config.getLoggers().values()) {
                previousLevels.put(logger, logger.getLevel());
                logger.setLevel(Level.TRACE);
            }
            root.setLevel(Level.TRACE);
        }
        ctx.updateLoggers();
    }

    /** Starts capturing with the root logger (and ours) at DEBUG. */
    public static CapturedLogs atDebug() {
        return new CapturedLogs(false);
    }

    /** Starts capturing with every logger at TRACE, as a user who turns everything on would. */
    public static CapturedLogs atTrace() {
        return new CapturedLogs(true);
    }

    @Override
    public void append(LogEvent event) {
        StringBuilder text = new StringBuilder(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            StringWriter trace = new StringWriter();
            event.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        lines.add(new Line(event.getLoggerName(), text.toString()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        Configuration config = ctx.getConfiguration();
        config.getRootLogger().removeAppender(getName());
        previousLevels.forEach(LoggerConfig::setLevel);
        config.getRootLogger().setLevel(previousRoot);
        config.getLoggerConfig("io.github.camelcec").setLevel(previousOwn);
        ctx.updateLoggers();
        stop();
    }
}
