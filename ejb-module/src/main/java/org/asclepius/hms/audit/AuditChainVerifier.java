package org.asclepius.hms.audit;

import java.util.List;

/**
 * Checks a sealed audit trail, block by block, and reports the first event that was altered, inserted or
 * deleted. Pure logic: {@link AuditVerification} feeds it what is in the database.
 */
public final class AuditChainVerifier {
    /** One sealed position as found in the database; {@code event} is null when the event row is gone. */
    public record SealedEntry(long position, long eventId, String link, AuditRecord event, String storedContentHash) {
    }

    /** A block as found in the database. */
    public record Block(long blockNo, long firstPosition, long lastPosition, String previousHash, String blockHash) {
    }

    private String expectedPrevious = AuditHashChain.GENESIS;
    private long expectedPosition = 1;
    private long eventsChecked;
    private long blocksChecked;

    /** @return the problem found in this block, or null when it is intact */
    public VerificationReport.Problem check(Block block, List<SealedEntry> entries) {
        blocksChecked++;
        if (!block.previousHash().equals(expectedPrevious)) {
            return problem(block, null, "block " + block.blockNo() + " does not follow the block before it"
                    + " (a block was removed, inserted or rewritten)");
        }
        if (block.firstPosition() != expectedPosition) {
            return problem(block, null, "positions " + expectedPosition + " to " + (block.firstPosition() - 1)
                    + " are missing before block " + block.blockNo());
        }
        String link = expectedPrevious;
        long position = block.firstPosition();
        for (SealedEntry entry : entries) {
            if (entry.position() != position) {
                return entry.position() < position
                        ? problem(block, entry, "an extra event was inserted at position " + entry.position())
                        : problem(block, entry, "the event at position " + position + " was deleted");
            }
            if (entry.event() == null) {
                return problem(block, entry, "event " + entry.eventId() + " at position " + position
                        + " was deleted");
            }
            String content = AuditHashChain.contentHash(entry.event());
            if (!content.equals(entry.storedContentHash())) {
                return problem(block, entry, "event " + entry.eventId() + " was altered after it was written");
            }
            link = AuditHashChain.link(link, entry.eventId(), content);
            if (!link.equals(entry.link())) {
                return problem(block, entry, "event " + entry.eventId() + " at position " + position
                        + " does not match the chain (altered, replaced or inserted)");
            }
            eventsChecked++;
            position++;
        }
        if (position != block.lastPosition() + 1) {
            return problem(block, null, "block " + block.blockNo() + " should end at position "
                    + block.lastPosition() + " but its events end at " + (position - 1)
                    + " (events were deleted)");
        }
        if (!link.equals(block.blockHash())) {
            return problem(block, null, "block " + block.blockNo() + " hash does not match its events");
        }
        expectedPrevious = block.blockHash();
        expectedPosition = block.lastPosition() + 1;
        return null;
    }

    public long eventsChecked() {
        return eventsChecked;
    }

    public long blocksChecked() {
        return blocksChecked;
    }

    private static VerificationReport.Problem problem(Block block, SealedEntry entry, String message) {
        return new VerificationReport.Problem(block.blockNo(), entry == null ? null : entry.position(),
                entry == null ? null : entry.eventId(), message);
    }
}
