package org.asclepius.bench.common;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The second factor of the demo users, computed as an authenticator app does, for the browser benchmarks. */
public final class Totp {
    private Totp() {
    }

    /** RFC 6238 (HmacSHA1, 6 digits, 30 s) as an authenticator app computes it; waits out a step ending soon. */
    public static String freshTotp(String base32Secret) throws InterruptedException {
        long secondInStep = (System.currentTimeMillis() / 1000) % 30;
        if (secondInStep > 25) {
            Thread.sleep((31 - secondInStep) * 1000);
        }
        long step = System.currentTimeMillis() / 1000 / 30;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32 (upper case, padding and spaces ignored). */
    public static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String s = text.replace("=", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char ch : s.toCharArray()) {
            int v = alphabet.indexOf(ch);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + ch);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }
}
