package io.newsflow.launcher.security;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made by the test, and a broker certificate it signs for {@code localhost} (DNS and
 * 127.0.0.1), written as PKCS12 key and trust stores. Nothing is reused between runs.
 */
final class TestCa {

  /** Principal of the broker certificate on a mutual-TLS listener. */
  static final String BROKER_DN = "CN=localhost";

  final Path keyStore;
  final Path trustStore;
  final String password;

  private TestCa(Path keyStore, Path trustStore, String password) {
    this.keyStore = keyStore;
    this.trustStore = trustStore;
    this.password = password;
  }

  static TestCa create(Path dir, String password) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair caKeys = generator.generateKeyPair();
    KeyPair brokerKeys = generator.generateKeyPair();
    Instant now = Instant.now();
    Date from = Date.from(now.minus(Duration.ofHours(1)));
    Date to = Date.from(now.plus(Duration.ofDays(2)));
    X500Name caName = new X500Name("CN=newsflow test CA");

    JcaX509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName,
        caKeys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509Certificate caCert = sign(ca, caKeys);

    JcaX509v3CertificateBuilder broker = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, from, to,
        new X500Name(BROKER_DN), brokerKeys.getPublic());
    broker.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    broker.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
        new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    X509Certificate brokerCert = sign(broker, caKeys);

    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("broker", brokerKeys.getPrivate(), password.toCharArray(),
        new X509Certificate[] {brokerCert, caCert});
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("ca", caCert);
    Path keyStore = dir.resolve("broker.p12");
    Path trustStore = dir.resolve("truststore.p12");
    try (var out = Files.newOutputStream(keyStore)) {
      keys.store(out, password.toCharArray());
    }
    try (var out = Files.newOutputStream(trustStore)) {
      trust.store(out, password.toCharArray());
    }
    return new TestCa(keyStore, trustStore, password);
  }

  private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
    return new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }
}
