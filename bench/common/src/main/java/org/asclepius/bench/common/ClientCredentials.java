package org.asclepius.bench.common;

/** Where and as whom a benchmark gets its bearer tokens (Keycloak client credentials). */
public record ClientCredentials(String tokenUrl, String clientId, String clientSecret) {
    /** Reads {@code --token-url}, {@code --client-id} and {@code --client-secret} (demo defaults of ./hms). */
    public static ClientCredentials from(Args args) {
        return new ClientCredentials(
                args.get("token-url", "http://localhost:8081/realms/hms/protocol/openid-connect/token",
                        "Keycloak token endpoint"),
                args.get("client-id", "hms-integration", "client-credentials client"),
                args.get("client-secret", "hms-integration-demo-secret", "its secret"));
    }
}
