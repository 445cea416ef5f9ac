package logparse

import "bytes"

// Load errors (a certificate, key, DH parameters or CA file nginx could
// not load) are grouped per file: each file is its own group, whose
// finding names that file. These find the file in the message.
var (
	bCannotLoad = []byte("cannot load certificate ")
	bKeyWord    = []byte("key ")
	bCallOpen   = []byte(`("`)
	// loadFuncs are OpenSSL's file functions nginx names with the file:
	// PEM_read_bio_X509_AUX("PATH"), SSL_CTX_use_PrivateKey_file("PATH").
	loadFuncs = [][]byte{[]byte("BIO_new_file"), []byte("PEM_read_bio_"), []byte("SSL_CTX_use_"),
		[]byte("X509_LOOKUP_load_file"), []byte("SSL_CTX_load_verify_locations"), []byte("SSL_load_client_CA_file")}
)

// maxLoadPath bounds the file names that make a group key of their own;
// longer ones group by cause alone.
const maxLoadPath = 512

// loadPath is the file a load error names: `cannot load certificate
// "PATH"`, `cannot load certificate key "PATH"` (nginx 1.21 and later), or
// `FUNC("PATH") failed` (older nginx, and the DH, CA and CRL files); nil
// when the message names none.
func loadPath(msg []byte) []byte {
	if bytes.HasPrefix(msg, bCannotLoad) {
		rest := bytes.TrimPrefix(msg[len(bCannotLoad):], bKeyWord)
		return quotedPath(rest)
	}
	for from := 0; from < len(msg); {
		i := bytes.Index(msg[from:], bCallOpen)
		if i < 0 {
			return nil
		}
		i += from
		name := msg[:i]
		if j := bytes.LastIndexAny(name, " (\t"); j >= 0 {
			name = name[j+1:]
		}
		for _, f := range loadFuncs {
			if bytes.HasPrefix(name, f) {
				return quotedPath(msg[i+1:])
			}
		}
		from = i + len(bCallOpen)
	}
	return nil
}

// quotedPath is the text between the double quote b starts with and the next.
func quotedPath(b []byte) []byte {
	if len(b) < 2 || b[0] != '"' {
		return nil
	}
	end := bytes.IndexByte(b[1:], '"')
	if end <= 0 || end > maxLoadPath {
		return nil
	}
	return b[1 : 1+end]
}

// perPathKey is the group key of a load error: the kind's key (its id, and
// its cause for a grouped kind) and the file; the kind's key alone when
// the line names no file.
func perPathKey(k *errorKind, key string, text, msg []byte, in *interner) string {
	p := loadPath(msg)
	if len(p) == 0 {
		return key
	}
	var buf [1024]byte
	b := buf[:0]
	if k.grouped {
		b = append(b, text...)
		b = append(b, ':')
	}
	b = append(b, p...)
	return in.key(k.keyPrefix, b)
}
