package dev.palisade.webhook;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Self-signed serving certificates for tests, made with the JDK's keytool and written as PEM. */
final class Pki {
    private Pki() {
    }

    /** Writes {@code name}.crt and {@code name}.key (PKCS#8) for localhost / 127.0.0.1 into {@code dir}. */
    static X509Certificate selfSigned(Path dir, String name) throws Exception {
        Path p12 = dir.resolve(name + ".p12");
        Files.deleteIfExists(p12);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1",
                "-alias", "server", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-keystore", p12.toString(), "-storepass", "changeit", "-storetype", "PKCS12")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("server");
        PrivateKey key = (PrivateKey) ks.getKey("server", "changeit".toCharArray());
        // write to temporary names, then move: the server never reads a half-written pair
        Path crt = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(dir.resolve(name + ".crt.tmp"), pem("CERTIFICATE", cert.getEncoded()));
        Files.writeString(dir.resolve(name + ".key.tmp"), pem("PRIVATE KEY", key.getEncoded()));
        Files.move(dir.resolve(name + ".key.tmp"), keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.move(dir.resolve(name + ".crt.tmp"), crt, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return cert;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** A TLS context trusting exactly these certificates. */
    static SSLContext trusting(List<? extends Certificate> certs) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
            trust.setCertificateEntry("c" + i, certs.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
