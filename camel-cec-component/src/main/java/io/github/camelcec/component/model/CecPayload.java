package io.github.camelcec.component.model;

/**
 * Marks the wire objects (requests, responses, downlink messages). The component converts any of them to a JSON
 * {@code String}, {@code byte[]} or {@code InputStream} on demand, so routes need no marshal step.
 */
public interface CecPayload {
}
