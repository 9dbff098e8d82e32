package org.asclepius.hms.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A demo user of the realm export, with the password and TOTP secret the export seeds. */
public record DemoUser(String username, String password, String totpSecret) {

    /** Reads the user from wildfly-config/keycloak/hms-realm.json, the file Keycloak imports. */
    public static DemoUser named(String username) {
        try {
            JsonNode realm = new ObjectMapper().readTree(TestEnvironment.realmFile().toFile());
            for (JsonNode user : realm.path("users")) {
                if (username.equals(user.path("username").asText())) {
                    String password = null;
                    String secret = null;
                    for (JsonNode credential : user.path("credentials")) {
                        if ("password".equals(credential.path("type").asText())) {
                            password = credential.path("value").asText();
                        } else if ("otp".equals(credential.path("type").asText())) {
                            secret = new ObjectMapper().readTree(credential.path("secretData").asText())
                                    .path("value").asText();
                        }
                    }
                    return new DemoUser(username, password, secret);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("no demo user " + username + " in " + TestEnvironment.realmFile());
    }

    public String freshTotp() throws InterruptedException {
        return Totp.freshCode(username, totpSecret);
    }
}
