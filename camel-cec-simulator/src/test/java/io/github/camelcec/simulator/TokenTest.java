package io.github.camelcec.simulator;

import io.github.camelcec.simulator.SimClient.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Ref §2 gateway token and §3 customer token, with a clock the test moves. */
class TokenTest {

    ManualClock clock = new ManualClock(Instant.parse("2024-03-01T00:00:00Z"));
    CecSimulator sim;
    SimClient client;

    @BeforeEach
    void start() {
        sim = CecSimulator.builder().clock(clock).customerTokenTtl(Duration.ofMinutes(5)).build().start();
        client = new SimClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Answer tokenByAkSk(String expire, String key, String secret) {
        Map<String, String> headers = expire == null ? Map.of() : Map.of("X-Token-Expire", expire);
        return client.post(CecOperation.TOKEN_BY_AKSK, headers, SimClient.json(Map.of("app_key", key, "app_secret", secret)));
    }

    @Test
    void gatewayTokenHasTheSampleShapeAndHonoursXTokenExpire() {
        Answer a = tokenByAkSk("120", sim.appKey(), sim.appSecret());
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().fieldNames()).toIterable()
                .containsExactly("AccessToken", "ApplyType", "CreateTime", "Expires", "Scope", "AppKey", "UserID");
        assertThat(a.field("ApplyType")).isEqualTo("Bearer");
        assertThat(a.field("Expires")).isEqualTo("120");
        assertThat(a.field("CreateTime")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(a.json().get("CreateTime").isTextual()).isTrue();
        assertThat(a.field("AppKey")).isEqualTo(sim.appKey());
        assertThat(a.field("UserID")).isEqualTo("Anonymous");

        client.gatewayToken = a.field("AccessToken");
        clock.advance(Duration.ofSeconds(119));
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(), applyBody("u1")).status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        Answer expired = client.post(CecOperation.APPLY_TOKEN, client.gateway(), applyBody("u1"));
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.field("error_code")).isEqualTo("APIGW.0307");
        assertThat(expired.field("error_msg")).isEqualTo("auth fail! illegal or expired token info");
    }

    @Test
    void missingXTokenExpireMeans600AndBadValuesAre400() {
        assertThat(tokenByAkSk(null, sim.appKey(), sim.appSecret()).field("Expires")).isEqualTo("600");
        assertThat(tokenByAkSk("3601", sim.appKey(), sim.appSecret()).status()).isEqualTo(400);
        assertThat(tokenByAkSk("0", sim.appKey(), sim.appSecret()).status()).isEqualTo(400);
        assertThat(tokenByAkSk("ten", sim.appKey(), sim.appSecret()).status()).isEqualTo(400);
        assertThat(tokenByAkSk("3600", sim.appKey(), sim.appSecret()).status()).isEqualTo(200);
    }

    @Test
    void wrongAkSkIs401() {
        assertThat(tokenByAkSk("600", sim.appKey(), "wrong").status()).isEqualTo(401);
        assertThat(tokenByAkSk("600", "wrong", sim.appSecret()).status()).isEqualTo(401);
    }

    @Test
    void expireGatewayTokensMakesTheNextUse403() {
        client.login();
        sim.expireGatewayTokens();
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(), applyBody("u1")).status()).isEqualTo(403);
    }

    @Test
    void gatewayHeadersMissingWhereRequiredAre401AndAppKeyMismatchIs403() {
        client.login();
        assertThat(client.post(CecOperation.APPLY_TOKEN, Map.of(), applyBody("u1")).status()).isEqualTo(401);
        assertThat(client.post(CecOperation.APPLY_TOKEN, Map.of("Authorization", "Bearer " + client.gatewayToken),
                applyBody("u1")).status()).isEqualTo(401);
        assertThat(client.post(CecOperation.APPLY_TOKEN, Map.of("Authorization", "Bearer " + client.gatewayToken,
                "x-app-key", "another-app"), applyBody("u1")).status()).isEqualTo(403);
        // header names are case-insensitive, as in the samples (X-APP-Key)
        assertThat(client.post(CecOperation.APPLY_TOKEN, Map.of("authorization", "Bearer " + client.gatewayToken,
                "X-APP-Key", sim.appKey()), applyBody("u1")).status()).isEqualTo(200);
    }

    @Test
    void optionalGatewayHeadersMayBeMissing() {
        client.login();
        String token = client.applyToken("u1");
        Answer a = client.post(CecOperation.QUERY_QUEUE_INFO, Map.of("ccmessaging-token", token),
                SimClient.json(Map.of("userId", "u1", "channelConfigId", sim.channelConfigId(), "channel", "WEB")));
        assertThat(a.status()).isEqualTo(200);
        Answer phrases = client.post(CecOperation.QUERY_PHRASES, Map.of("ccmessaging-token", token),
                SimClient.json(Map.of("strContent", "网格", "locale", "zh", "channel", "WEB")));
        assertThat(phrases.status()).isEqualTo(200);
    }

    @Test
    void applyTokenValidatesAndANewTokenRetiresTheOldOne() {
        client.login();
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(),
                SimClient.json(Map.of("userId", "u1", "userName", "n", "channelId", "wrong", "locale", "en")))
                .field("resultCode")).isEqualTo("1");
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(), applyBody("x".repeat(33))).field("resultCode"))
                .isEqualTo("1");
        assertThat(client.post(CecOperation.APPLY_TOKEN, client.gateway(), applyBody("")).field("resultCode")).isEqualTo("1");
        String first = client.applyToken("u1");
        String second = client.applyToken("u1");
        assertThat(second).isNotEqualTo(first);
        assertThat(sim.currentCustomerToken("u1")).contains(second);
        assertThat(client.poll(first, "u1").status()).isEqualTo(401);
        assertThat(client.poll(second, "u1").status()).isEqualTo(200);
    }

    @Test
    void expiredCustomerTokenWithALiveSessionIsServedAndRotated() {
        client.login();
        String token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
        clock.advance(Duration.ofMinutes(5));

        Answer served = client.poll(token, "u1");
        assertThat(served.status()).isEqualTo(200);
        String rotated = served.header("ccmessaging-token");
        assertThat(rotated).isNotBlank().isNotEqualTo(token);
        assertThat(sim.currentCustomerToken("u1")).contains(rotated);
        assertThat(served.json().get("downlinkMessages")).hasSize(1);

        assertThat(client.poll(token, "u1").status()).isEqualTo(401);
        Answer next = client.send(rotated, "u1", "CHAT", "hi");
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.header("ccmessaging-token")).isNull();
    }

    @Test
    void expiredCustomerTokenWithoutASessionIs401() {
        client.login();
        String token = client.applyToken("u1");
        clock.advance(Duration.ofMinutes(5));
        assertThat(client.poll(token, "u1").status()).isEqualTo(401);

        String again = client.applyToken("u1");
        client.send(again, "u1", "CONNECT", "");
        client.send(again, "u1", "DISCONNECT", "");
        sim.expireCustomerToken("u1");
        assertThat(client.poll(again, "u1").status()).isEqualTo(401);
    }

    @Test
    void expireCustomerTokenRotatesDuringASession() {
        client.login();
        String token = client.applyToken("u1");
        client.send(token, "u1", "CONNECT", "");
        sim.expireCustomerToken("u1");
        Answer a = client.send(token, "u1", "CHAT", "hi");
        assertThat(a.field("resultCode")).isEqualTo("0");
        assertThat(a.header("ccmessaging-token")).isEqualTo(sim.currentCustomerToken("u1").orElseThrow());
    }

    @Test
    void unknownRevokedOrMissingCustomerTokenIs401() {
        client.login();
        assertThat(client.poll("no-such-token", "u1").status()).isEqualTo(401);
        String token = client.applyToken("u1");
        sim.revokeCustomerToken("u1");
        assertThat(client.poll(token, "u1").status()).isEqualTo(401);
        assertThat(sim.currentCustomerToken("u1")).isEmpty();
        assertThat(client.get(CecOperation.POLL.path() + "?receiverId=u1&channel=WEB", client.gateway()).status())
                .isEqualTo(401);
    }

    @Test
    void aTokenUsedForAnotherUserIs401() {
        client.login();
        String alice = client.applyToken("alice");
        client.applyToken("bob");
        assertThat(client.poll(alice, "bob").status()).isEqualTo(401);
        assertThat(client.send(alice, "bob", "CONNECT", "").status()).isEqualTo(401);
        assertThat(client.post(CecOperation.SAVE_SATISFACTION, client.withToken(alice), SimClient.json(Map.of(
                "channel", "WEB", "userId", "bob", "evaluation", "5", "comment", "ok",
                "channelConfigId", sim.channelConfigId()))).status()).isEqualTo(401);
        assertThat(client.post(CecOperation.QUERY_QUEUE_INFO, client.withToken(alice), SimClient.json(Map.of(
                "userId", "bob", "channelConfigId", sim.channelConfigId(), "channel", "WEB"))).status()).isEqualTo(401);
        assertThat(client.post(CecOperation.ROBOT_FEEDBACK, client.withToken(alice), SimClient.json(Map.of(
                "feedback", 1, "from", "bob", "interIdx", "1"))).status()).isEqualTo(401);
    }

    @Test
    void createCallIgnoresACustomerToken() {
        client.login();
        String token = client.applyToken("u1");
        sim.revokeCustomerToken("u1");
        Answer a = client.post(CecOperation.CREATE_CALL, client.withToken(token),
                SimClient.json(Map.of("called", "88884432", "callerPresent", "95599")));
        assertThat(a.status()).isEqualTo(200);
        assertThat(sim.journal().entries(CecOperation.CREATE_CALL).get(0).header("ccmessaging-token")).isEqualTo(token);
    }

    private String applyBody(String userId) {
        return SimClient.json(Map.of("userId", userId, "userName", "n", "channelId", sim.channelConfigId(), "locale", "en"));
    }
}
