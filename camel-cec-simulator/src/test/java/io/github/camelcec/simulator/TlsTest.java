package io.github.camelcec.simulator;

import io.github.camelcec.simulator.tls.TlsIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS: the self-signed certificate, what a client needs to trust it, a given keystore, and a wrong-host certificate. */
class TlsTest {

    @Test
    void aClientThatTrustsTheCertificateTalksHttps() throws Exception {
        try (CecSimulator sim = CecSimulator.builder().tls().build().start()) {
            assertThat(sim.tlsEnabled()).isTrue();
            assertThat(sim.baseUrl()).isEqualTo("https://127.0.0.1:" + sim.port());
            SimClient client = new SimClient(sim, trusting(sim.trustStore())).login();
            String token = client.applyToken("u1");
            assertThat(client.send(token, "u1", "CONNECT", "").field("resultCode")).isEqualTo("0");
            assertThat(client.poll(token, "u1").json().get("downlinkMessages")).hasSize(1);

            assertThat(subjectAltNames(sim)).containsExactlyInAnyOrder("localhost", "127.0.0.1");
        }
    }

    @Test
    void aClientThatDoesNotTrustItFailsTheHandshake() {
        try (CecSimulator sim = CecSimulator.builder().tls().build().start()) {
            SimClient client = new SimClient(sim);
            assertThatThrownBy(client::login).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class);
            assertThat(sim.journal().total()).isZero();
        }
    }

    @Test
    void aCertificateForAnotherHostFailsHostNameVerification() throws Exception {
        try (CecSimulator sim = CecSimulator.builder().tlsHostName("wrong.example").build().start()) {
            assertThat(subjectAltNames(sim)).containsExactly("wrong.example");
            SimClient client = new SimClient(sim, trusting(sim.trustStore()));
            assertThatThrownBy(client::login).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .rootCause().hasMessageContaining("127.0.0.1");
        }
    }

    @Test
    void theTrustStoreFileAndThePemTrustTheServer(@TempDir Path dir) throws Exception {
        try (CecSimulator sim = CecSimulator.builder().tls().build().start()) {
            Path file = dir.resolve("truststore.p12");
            sim.writeTrustStore(file, "changeit");
            KeyStore fromFile = KeyStore.getInstance(file.toFile(), "changeit".toCharArray());
            assertThat(post(sim, fromFile)).isEqualTo(200);

            String pem = sim.certificatePem();
            assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n");
            Certificate parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            assertThat(parsed).isEqualTo(fromFile.getCertificate(fromFile.aliases().nextElement()));

            SimClient admin = new SimClient(sim, trusting(fromFile));
            assertThat(admin.get("/admin/tls/certificate", Map.of()).text()).isEqualTo(pem);
        }
    }

    @Test
    void servesTheKeyOfAGivenKeyStore(@TempDir Path dir) throws Exception {
        TlsIdentity identity = TlsIdentity.selfSigned(List.of("127.0.0.1"));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("server", identity.privateKey(), "s3cret".toCharArray(), identity.chain().toArray(Certificate[]::new));
        Path file = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            keyStore.store(out, "s3cret".toCharArray());
        }
        try (CecSimulator sim = CecSimulator.builder().tlsKeyStore(file, "s3cret").build().start()) {
            assertThat(sim.certificatePem()).isEqualTo(identity.certificatePem());
            assertThat(post(sim, identity.trustStore())).isEqualTo(200);
        }
        assertThatThrownBy(() -> CecSimulator.builder().tlsKeyStore(file, "wrong-password").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void plainHttpHasNoCertificate() {
        try (CecSimulator sim = CecSimulator.builder().build().start()) {
            assertThat(sim.tlsEnabled()).isFalse();
            assertThat(sim.baseUrl()).startsWith("http://");
            assertThatThrownBy(sim::trustStore).isInstanceOf(IllegalStateException.class).hasMessageContaining("tls()");
            assertThat(new SimClient(sim).get("/admin/tls/certificate", Map.of()).status()).isEqualTo(409);
        }
        assertThatThrownBy(() -> CecSimulator.builder().tlsHostName(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tlsHostName");
    }

    /** A plain HttpsURLConnection with the JDK's default host-name verifier, posting tokenByAkSk. */
    private static int post(CecSimulator sim, KeyStore trustStore) throws IOException, GeneralSecurityException {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(sim.baseUrl() + CecOperation.TOKEN_BY_AKSK.path())
                .toURL().openConnection();
        connection.setSSLSocketFactory(sslContext(trustStore).getSocketFactory());
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(SimClient.json(Map.of("app_key", sim.appKey(), "app_secret", sim.appSecret())).getBytes(StandardCharsets.UTF_8));
        }
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private static List<String> subjectAltNames(CecSimulator sim) throws GeneralSecurityException {
        KeyStore store = sim.trustStore();
        X509Certificate certificate = (X509Certificate) store.getCertificate(store.aliases().nextElement());
        return certificate.getSubjectAlternativeNames().stream().map(n -> (String) n.get(1)).toList();
    }

    static HttpClient trusting(KeyStore trustStore) throws GeneralSecurityException {
        return HttpClient.newBuilder().sslContext(sslContext(trustStore)).build();
    }

    private static SSLContext sslContext(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
