package dev.palisade.rules.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvSecretLiteralTest {
    @ParameterizedTest
    @CsvSource({"PGPASSWORD,s3cret", "GITHUB_TOKEN,abc", "AWS_SECRET_ACCESS_KEY,wJalrXUtnFEMI", "APIKEY,k",
            "CLIENT_SECRETS,x", "ENCRYPTION_KEY,0f1e2d", "db_password,lower-case-names-too",
            "API_TOKENS,a;b"})
    void credentialNames(String name, String value) {
        assertTrue(EnvSecretLiteral.reason(name, value).isPresent(), name);
    }

    @ParameterizedTest
    @CsvSource({"TOKENIZER_MODEL,bert", "DB_PASSWORD_FILE,/run/secrets/db", "SECRET_NAME,db-credentials",
            "TOKEN_TTL,3600", "PASSWORD_POLICY_ENABLED,true", "API_KEY_HEADER,X-Api-Key", "GREETING,hello",
            "AUTH_TOKEN,$(TOKEN_FROM_SECRET)", "AUTH_TOKEN,${TOKEN}", "KEYCLOAK_URL,https://id.example.com"})
    void harmless(String name, String value) {
        assertEquals(Optional.empty(), EnvSecretLiteral.reason(name, value), name);
    }

    @Test
    void credentialShapesWhateverTheName() {
        assertEquals(Optional.of("looks like an AWS access key"), EnvSecretLiteral.reason("UPSTREAM", "AKIAIOSFODNN7EXAMPLE"));
        assertTrue(EnvSecretLiteral.reason("CERT", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn").isPresent());
        assertTrue(EnvSecretLiteral.reason("X", "ghp_" + "a".repeat(36)).isPresent());
        assertFalse(EnvSecretLiteral.reason("CERT", "-----BEGIN CERTIFICATE-----").isPresent());
    }

    @Test
    void reasonNeverQuotesTheValue() {
        String value = "hunter2-very-secret";
        assertFalse(EnvSecretLiteral.reason("DB_PASSWORD", value).orElseThrow().contains(value));
    }
}
