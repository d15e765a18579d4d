package io.github.camelcec.simulator.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The server's key and certificate chain for HTTPS, and what a client needs to trust it: a {@link KeyStore}, a PKCS12
 * truststore file, the certificate in PEM. Either self-signed at start (BouncyCastle, an EC P-256 key) or loaded from a
 * keystore.
 */
public final class TlsIdentity {

    /** The names a default self-signed certificate is valid for: the simulator's loopback addresses. */
    public static final List<String> DEFAULT_HOST_NAMES = List.of("localhost", "127.0.0.1");

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9.]+|.*:.*");
    private static final String ALIAS = "cec-simulator";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /** A new key pair and a certificate valid for exactly these host names and IP addresses (its SubjectAltNames). */
    public static TlsIdentity selfSigned(List<String> hostNames) {
        if (hostNames == null || hostNames.isEmpty() || hostNames.stream().anyMatch(h -> h == null || h.isBlank())) {
            throw new IllegalArgumentException("hostNames must name at least one host and none blank, was " + hostNames);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + hostNames.get(0) + ",O=camel-cec simulator");
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), subject, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, subjectAltNames(hostNames));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new TlsIdentity(keys.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create a self-signed certificate for " + hostNames + ": " + e, e);
        }
    }

    /** The first key entry of a PKCS12 or JKS keystore; the password opens both the store and the key. */
    public static TlsIdentity fromKeyStore(Path path, char[] password) {
        Objects.requireNonNull(path, "keyStore path");
        Objects.requireNonNull(password, "keyStore password");
        try {
            KeyStore store = KeyStore.getInstance(path.toFile(), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new TlsIdentity((PrivateKey) store.getKey(alias, password), chain);
                }
            }
            throw new IllegalArgumentException("keyStore " + path + " holds no private key entry");
        } catch (IOException | GeneralSecurityException e) {
            // the password is never part of the message
            throw new IllegalArgumentException("cannot read keyStore " + path + ": " + e.getMessage(), e);
        }
    }

    private static GeneralNames subjectAltNames(List<String> hostNames) {
        GeneralName[] names = hostNames.stream()
                .map(h -> new GeneralName(IP_ADDRESS.matcher(h).matches() ? GeneralName.iPAddress : GeneralName.dNSName, h))
                .toArray(GeneralName[]::new);
        return new GeneralNames(names);
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The server's certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The Netty server context that serves this key and chain. */
    public SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(privateKey, chain.toArray(X509Certificate[]::new)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the TLS server context", e);
        }
    }

    /** An in-memory PKCS12 truststore holding the server's certificate, for a client's TrustManagerFactory. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry(ALIAS, certificate());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot build a truststore: " + e, e);
        }
    }

    /** Writes {@link #trustStore()} as a PKCS12 file (e.g. for Camel's {@code SSLContextParameters}). */
    public void writeTrustStore(Path path, char[] password) {
        Objects.requireNonNull(password, "trustStore password");
        try (OutputStream out = Files.newOutputStream(path)) {
            trustStore().store(out, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write truststore " + path, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write truststore " + path + ": " + e, e);
        }
    }

    /** The server's certificate as PEM ({@code -----BEGIN CERTIFICATE-----}), e.g. for {@code curl --cacert}. */
    public String certificatePem() {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate().getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate: " + e, e);
        }
    }
}
