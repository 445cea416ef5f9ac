// A Java HTTPS client and TLS server as people write them (JSSE, with the
// certificates read from PEM files):
//   java Peer client HOST PORT CAFILE CERT KEY VERSION
//   java Peer server CERT KEY CLIENTCA CRL
// CAFILE, CERT, KEY, CLIENTCA and CRL may be "" (the JDK's roots; no
// client certificate; no client certificate asked; no CRL); VERSION is
// 1.2 or 1.3. The client lets its exception end the program, so Java
// prints it its way; the server prints "listening on 127.0.0.1:PORT" and
// the stack trace of each failed handshake. Run the client with
// -Djdk.net.hosts.file=FILE to give HOST an address.
import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.security.*;
import java.security.cert.*;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.*;
import javax.net.ssl.*;

public class Peer {
    public static void main(String[] a) throws Exception {
        if (a[0].equals("client")) {
            client(a[1], a[2], a[3], a[4], a[5], a[6]);
        } else {
            server(a[1], a[2], a[3], a[4]);
        }
    }

    static void client(String host, String port, String cafile, String cert, String key, String version) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv" + version);
        ctx.init(cert.isEmpty() ? null : keyManagers(cert, key), cafile.isEmpty() ? null : trustManagers(cafile, ""), null);
        HttpsURLConnection c = (HttpsURLConnection) new URL("https://" + host + ":" + port + "/").openConnection();
        c.setSSLSocketFactory(ctx.getSocketFactory());
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        c.getInputStream().readAllBytes();
        System.out.println("no error");
    }

    static void server(String cert, String key, String clientca, String crl) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(keyManagers(cert, key), clientca.isEmpty() ? null : trustManagers(clientca, crl), null);
        SSLServerSocket s = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 16, InetAddress.getByName("127.0.0.1"));
        s.setNeedClientAuth(!clientca.isEmpty());
        System.out.println("listening on 127.0.0.1:" + s.getLocalPort());
        System.out.flush();
        while (true) {
            try (SSLSocket c = (SSLSocket) s.accept()) {
                c.setSoTimeout(5000);
                c.startHandshake();
                c.getInputStream().read(new byte[4096]);
                c.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n".getBytes());
            } catch (Exception e) {
                e.printStackTrace();
                System.err.flush();
            }
        }
    }

    static Collection<? extends java.security.cert.Certificate> certs(String file) throws Exception {
        try (InputStream in = new FileInputStream(file)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
    }

    static KeyManager[] keyManagers(String cert, String key) throws Exception {
        String pem = new String(Files.readAllBytes(Paths.get(key)));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        PrivateKey pk;
        try {
            pk = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            pk = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("key", pk, new char[0], certs(cert).toArray(new java.security.cert.Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        return kmf.getKeyManagers();
    }

    static TrustManager[] trustManagers(String cafile, String crl) throws Exception {
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        int i = 0;
        for (java.security.cert.Certificate c : certs(cafile)) {
            ts.setCertificateEntry("ca" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        if (crl.isEmpty()) {
            tmf.init(ts);
        } else {
            PKIXBuilderParameters p = new PKIXBuilderParameters(ts, new X509CertSelector());
            try (InputStream in = new FileInputStream(crl)) {
                p.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(CertificateFactory.getInstance("X.509").generateCRLs(in))));
            }
            p.setRevocationEnabled(true);
            tmf.init(new CertPathTrustManagerParameters(p));
        }
        return tmf.getTrustManagers();
    }
}
