package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignOutTest {

    @Test
    void endSessionUrl_isKeycloaksLogoutEndpointWithClientAndReturnAddress() {
        assertThat(SignOut.endSessionUrl("http://localhost:8081/realms/hms", "http://localhost:8080/hms/", null))
                .isEqualTo("http://localhost:8081/realms/hms/protocol/openid-connect/logout"
                        + "?client_id=hms-web&post_logout_redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fhms%2F");
    }

    @Test
    void endSessionUrl_toleratesATrailingSlashAndAddsTheIdTokenWhenKnown() {
        assertThat(SignOut.endSessionUrl("https://sso.example.org/realms/hms/", "https://hms.example.org/hms/",
                "a.b+c"))
                .isEqualTo("https://sso.example.org/realms/hms/protocol/openid-connect/logout"
                        + "?client_id=hms-web&post_logout_redirect_uri=https%3A%2F%2Fhms.example.org%2Fhms%2F"
                        + "&id_token_hint=a.b%2Bc");
    }

    @Test
    void applicationBase_leavesOutDefaultPorts() {
        assertThat(SignOut.applicationBase("http", "localhost", 8080, "/hms")).isEqualTo("http://localhost:8080/hms/");
        assertThat(SignOut.applicationBase("https", "hms.example.org", 443, "/hms"))
                .isEqualTo("https://hms.example.org/hms/");
        assertThat(SignOut.applicationBase("http", "hms.example.org", 80, "/hms"))
                .isEqualTo("http://hms.example.org/hms/");
        assertThat(SignOut.applicationBase("http", "::1", 8080, "/hms")).isEqualTo("http://[::1]:8080/hms/");
    }
}
