/*
 * verifyref: OpenSSL's X509_verify_cert driven the way nginx drives it for
 * client certificates (ssl_verify_cert_chain in OpenSSL 3.0's ssl_cert.c):
 * the whole client chain, leaf included, is untrusted; purpose and trust
 * are "ssl_client"; the auth level is the security level; the depth is
 * ssl_verify_depth; ssl_crl turns on CRL_CHECK|CRL_CHECK_ALL; and nginx's
 * verify callback returns 1, so verification carries on past every error.
 * nginx logs X509_STORE_CTX_get_error afterwards: the last error.
 *
 * It is a test-only reference, built by the tests with the system compiler
 * against the system libcrypto. The product never links OpenSSL.
 *
 * Input on stdin, one directive per line (DER in base64):
 *   case ID | time UNIX | depth N | level N | crlcheck 0|1
 *   purpose ssl_client|ssl_server (ssl_server: nginx verifying an upstream)
 *   anchor B64 | chain B64 (the leaf first) | crl B64 | end
 * Output, one line per case:
 *   ID CODE EVENTS       CODE: the final error (0 = verified), or
 *                        "unreadable-leaf", "unreadable-chain",
 *                        "unreadable-anchor", "unreadable-crl"
 *                        EVENTS: depth:code,... as the callback saw them
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#define MAXEV 256
static int ev_code[MAXEV], ev_depth[MAXEV], nev;

static int cb(int ok, X509_STORE_CTX *ctx)
{
    if (!ok && nev < MAXEV) {
        ev_code[nev] = X509_STORE_CTX_get_error(ctx);
        ev_depth[nev] = X509_STORE_CTX_get_error_depth(ctx);
        nev++;
    }
    return 1;
}

static unsigned char *b64(const char *s, long *len)
{
    size_t n = strlen(s);
    unsigned char *out = malloc(n + 4);
    int pad = 0, r;
    if (out == NULL)
        return NULL;
    if (n > 0 && s[n - 1] == '=')
        pad++;
    if (n > 1 && s[n - 2] == '=')
        pad++;
    r = EVP_DecodeBlock(out, (const unsigned char *)s, (int)n);
    if (r < 0) {
        free(out);
        return NULL;
    }
    *len = r - pad;
    return out;
}

/* d2i as tls_process_client_certificate and PEM_X509_INFO_read_bio do:
 * the whole DER must be one certificate. */
static X509 *cert(const char *s)
{
    long len;
    unsigned char *der = b64(s, &len);
    const unsigned char *p = der;
    X509 *x;
    if (der == NULL)
        return NULL;
    x = d2i_X509(NULL, &p, len);
    if (x != NULL && p != der + len) {
        X509_free(x);
        x = NULL;
    }
    free(der);
    return x;
}

static X509_CRL *crl(const char *s)
{
    long len;
    unsigned char *der = b64(s, &len);
    const unsigned char *p = der;
    X509_CRL *c;
    if (der == NULL)
        return NULL;
    c = d2i_X509_CRL(NULL, &p, len);
    free(der);
    return c;
}

int main(void)
{
    static char line[1 << 20];
    char id[512] = "";
    long long t = 0;
    int depth = 100, level = 2, crlcheck = 0;
    char purpose[32] = "ssl_client";
    const char *bad = NULL;
    X509_STORE *store = NULL;
    STACK_OF(X509) *chain = NULL;

    while (fgets(line, sizeof(line), stdin) != NULL) {
        char *arg;
        size_t n = strlen(line);
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        arg = strchr(line, ' ');
        if (arg != NULL)
            *arg++ = '\0';
        else
            arg = "";
        if (strcmp(line, "case") == 0) {
            snprintf(id, sizeof(id), "%s", arg);
            t = 0, depth = 100, level = 2, crlcheck = 0, bad = NULL;
            snprintf(purpose, sizeof(purpose), "ssl_client");
            X509_STORE_free(store);
            sk_X509_pop_free(chain, X509_free);
            store = X509_STORE_new();
            chain = sk_X509_new_null();
        } else if (strcmp(line, "time") == 0) {
            t = atoll(arg);
        } else if (strcmp(line, "depth") == 0) {
            depth = atoi(arg);
        } else if (strcmp(line, "level") == 0) {
            level = atoi(arg);
        } else if (strcmp(line, "purpose") == 0) {
            snprintf(purpose, sizeof(purpose), "%s", arg);
        } else if (strcmp(line, "crlcheck") == 0) {
            crlcheck = atoi(arg);
        } else if (strcmp(line, "anchor") == 0) {
            X509 *x = cert(arg);
            if (x == NULL) {
                if (bad == NULL)
                    bad = "unreadable-anchor";
            } else {
                X509_STORE_add_cert(store, x);
                X509_free(x);
            }
        } else if (strcmp(line, "chain") == 0) {
            X509 *x = cert(arg);
            if (x == NULL) {
                if (bad == NULL)
                    bad = sk_X509_num(chain) == 0 ? "unreadable-leaf" : "unreadable-chain";
            } else {
                sk_X509_push(chain, x);
            }
        } else if (strcmp(line, "crl") == 0) {
            X509_CRL *c = crl(arg);
            if (c == NULL) {
                if (bad == NULL)
                    bad = "unreadable-crl";
            } else {
                X509_STORE_add_crl(store, c);
                X509_CRL_free(c);
            }
        } else if (strcmp(line, "end") == 0) {
            X509_STORE_CTX *ctx;
            X509_VERIFY_PARAM *param;
            int i;
            if (bad != NULL || sk_X509_num(chain) == 0) {
                printf("%s %s -\n", id, bad != NULL ? bad : "unreadable-leaf");
                fflush(stdout);
                continue;
            }
            if (crlcheck)
                X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
            ctx = X509_STORE_CTX_new();
            if (ctx == NULL || !X509_STORE_CTX_init(ctx, store, sk_X509_value(chain, 0), chain)) {
                fprintf(stderr, "verifyref: %s: cannot set up the verification\n", id);
                return 1;
            }
            param = X509_STORE_CTX_get0_param(ctx);
            X509_STORE_CTX_set_default(ctx, purpose);
            X509_VERIFY_PARAM_set_depth(param, depth);
            X509_VERIFY_PARAM_set_auth_level(param, level);
            X509_VERIFY_PARAM_set_time(param, (time_t)t);
            X509_STORE_CTX_set_verify_cb(ctx, cb);
            nev = 0;
            (void)X509_verify_cert(ctx);
            printf("%s %d ", id, X509_STORE_CTX_get_error(ctx));
            if (nev == 0)
                printf("-");
            for (i = 0; i < nev; i++)
                printf("%s%d:%d", i ? "," : "", ev_depth[i], ev_code[i]);
            printf("\n");
            fflush(stdout);
            X509_STORE_CTX_free(ctx);
        }
    }
    return 0;
}
