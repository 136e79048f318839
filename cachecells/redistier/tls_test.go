package redistier

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeCert makes a self-signed certificate for 127.0.0.1 and writes it
// and its key as PEM files in dir.
func writeCert(t *testing.T, dir string) (certFile, keyFile string, pool *x509.CertPool) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "test redis"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, _ := x509.MarshalECPrivateKey(key)
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// rediss:// with a password: entries go through TLS; a client that does
// not trust the certificate, or has the wrong password, gets
// ErrUnavailable and one warning, never a hang.
func TestTLSAndPassword(t *testing.T) {
	dir := t.TempDir()
	certFile, keyFile, pool := writeCert(t, dir)
	tlsPort := freePort(t)
	s := startRedis(t, "--tls-port", strconv.Itoa(tlsPort), "--tls-cert-file", certFile,
		"--tls-key-file", keyFile, "--tls-auth-clients", "no", "--requirepass", "s3cret")
	ctx := context.Background()
	open := func(url string, roots *x509.CertPool) (*Tier, *warnings) {
		w := &warnings{}
		// A TLS handshake under the race detector on a busy machine can
		// take longer than the default bound; this test is about what the
		// failures say.
		cfg := Config{URL: url, MissTimeout: 2 * time.Second, OnWarn: func(err error) { w.mu.Lock(); w.warned = append(w.warned, err); w.mu.Unlock() }}
		if roots != nil {
			cfg.TLS = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
		}
		tier, err := Open(cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tier.Close() })
		return tier, w
	}
	good, _ := open(fmt.Sprintf("rediss://:s3cret@127.0.0.1:%d/2", tlsPort), pool)
	data := payload(3<<20, 3)
	if err := good.Put(ctx, "F", "k", data, PutOptions{}); err != nil {
		t.Fatalf("Put over TLS: %v", err)
	}
	plain, _ := open(fmt.Sprintf("redis://:s3cret@127.0.0.1:%d/2", s.port), nil)
	mustGet(t, plain, "F", "k", data) // the same entry, database 2, without TLS
	other, _ := open(fmt.Sprintf("redis://:s3cret@127.0.0.1:%d/0", s.port), nil)
	mustMiss(t, other, "F", "k") // database 0 is another cache

	for name, c := range map[string]struct {
		url   string
		roots *x509.CertPool
		say   string
	}{
		"untrusted certificate": {fmt.Sprintf("rediss://:s3cret@127.0.0.1:%d/2", tlsPort), nil, "certificate"},
		"wrong password":        {fmt.Sprintf("redis://:nope@127.0.0.1:%d/2", s.port), nil, "WRONGPASS"},
		"no password":           {fmt.Sprintf("redis://127.0.0.1:%d/2", s.port), nil, "NOAUTH"},
	} {
		tier, w := open(c.url, c.roots)
		for i := 0; i < 3; i++ {
			start := time.Now()
			_, ok, err := tier.Get(ctx, "F", "k")
			if ok || !errors.Is(err, ErrUnavailable) {
				t.Errorf("%s: Get = %v, %v; want ErrUnavailable", name, ok, err)
			}
			if took := time.Since(start); took > 3*time.Second {
				t.Errorf("%s: Get took %v", name, took)
			}
		}
		if n, _ := w.count(); n != 1 || !strings.Contains(w.warned[0].Error(), c.say) {
			t.Errorf("%s: warnings %v, want one that says %s", name, w.warned, c.say)
		}
	}
}
