package io.github.camelcec.simulator.api;

import java.time.Clock;
import java.time.Duration;

/** The fixed configuration of one simulator. */
public record ApiSettings(String appKey, String appSecret, String channelConfigId, Duration customerTokenTtl,
                          Duration maxGatewayTokenTtl, Clock clock) {
}
