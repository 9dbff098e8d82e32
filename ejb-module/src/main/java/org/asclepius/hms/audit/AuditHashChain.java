package org.asclepius.hms.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hashes of the audit trail. Each event has a content hash over all its fields (computed when it is
 * written). The sealer then links events into one chain: {@code link = SHA-256(previous link | event id |
 * content hash)}; a block's hash is the last link of the block, and the next block starts from it. Changing,
 * inserting or removing an event therefore changes every later link.
 */
public final class AuditHashChain {
    /** The link before the first event ever sealed. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHashChain() {
    }

    public static String contentHash(AuditRecord r) {
        String canonical = String.join("\u001f",
                text(r.occurredAt() == null ? null : r.occurredAt().toString()), text(r.node()), text(r.userName()),
                text(r.userRoles()), text(r.triggeredBy()), text(r.action()), text(r.resourceType()),
                text(r.resourceId()), text(r.patientId()), text(r.channel()), text(r.sourceAddress()),
                text(r.clientId()), text(r.outcome()), text(r.detail()), text(r.requestId()));
        return sha256(canonical);
    }

    public static String link(String previousLink, long eventId, String contentHash) {
        return sha256(previousLink + "|" + eventId + "|" + contentHash);
    }

    private static String text(Object o) {
        return o == null ? "\u2400" : Objects.toString(o);
    }

    static String sha256(String s) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
