package org.asclepius.hms.systemtest.support;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based one-time passwords (HmacSHA1, 6 digits, 30 s) as an authenticator app computes them.
 * Keycloak refuses a code that was already used in its time step, so a user signing in twice within 30 s
 * waits for the next step.
 */
public final class Totp {
    private static final long STEP_SECONDS = 30;
    private static final Map<String, Long> LAST_STEP_USED = new ConcurrentHashMap<>();

    private Totp() {
    }

    public static String code(String base32Secret, long step) {
        try {
            byte[] key = new Base32().decode(base32Secret);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh code for this user: never one already used, never one about to expire. */
    public static synchronized String freshCode(String user, String base32Secret) throws InterruptedException {
        while (true) {
            long now = Clock.systemUTC().millis();
            long step = now / 1000 / STEP_SECONDS;
            long secondsLeft = STEP_SECONDS - (now / 1000 % STEP_SECONDS);
            Long last = LAST_STEP_USED.get(user);
            if ((last == null || last < step) && secondsLeft > 3) {
                LAST_STEP_USED.put(user, step);
                return code(base32Secret, step);
            }
            Thread.sleep(secondsLeft * 1000 + 200);
        }
    }
}
