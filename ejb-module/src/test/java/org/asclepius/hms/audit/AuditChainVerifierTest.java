package org.asclepius.hms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {
    private final List<AuditChainVerifier.Block> blocks = new ArrayList<>();
    private final List<List<AuditChainVerifier.SealedEntry>> entries = new ArrayList<>();

    @BeforeEach
    void sealTwoBlocksOfThree() {
        String link = AuditHashChain.GENESIS;
        long position = 0;
        long id = 100;
        for (int b = 1; b <= 2; b++) {
            String previous = link;
            List<AuditChainVerifier.SealedEntry> block = new ArrayList<>();
            long first = position + 1;
            for (int i = 0; i < 3; i++) {
                AuditRecord r = event(id, "user" + id);
                String content = AuditHashChain.contentHash(r);
                link = AuditHashChain.link(link, id, content);
                block.add(new AuditChainVerifier.SealedEntry(++position, id, link, r, content));
                id++;
            }
            blocks.add(new AuditChainVerifier.Block(b, first, position, previous, link));
            entries.add(block);
        }
    }

    @Test
    void intactTrail_hasNoProblem() {
        AuditChainVerifier verifier = new AuditChainVerifier();
        assertThat(verifier.check(blocks.get(0), entries.get(0))).isNull();
        assertThat(verifier.check(blocks.get(1), entries.get(1))).isNull();
        assertThat(verifier.eventsChecked()).isEqualTo(6);
    }

    @Test
    void alteredEvent_isReportedByItsId() {
        var original = entries.get(1).get(1);
        AuditRecord altered = event(original.eventId(), "somebody-else");
        entries.get(1).set(1, new AuditChainVerifier.SealedEntry(original.position(), original.eventId(),
                original.link(), altered, original.storedContentHash()));
        var problem = verifyAll();
        assertThat(problem.eventId()).isEqualTo(104L);
        assertThat(problem.message()).contains("altered");
    }

    @Test
    void alteredEventWithRecomputedContentHash_breaksTheChain() {
        var original = entries.get(0).get(2);
        AuditRecord altered = event(original.eventId(), "somebody-else");
        entries.get(0).set(2, new AuditChainVerifier.SealedEntry(original.position(), original.eventId(),
                original.link(), altered, AuditHashChain.contentHash(altered)));
        var problem = verifyAll();
        assertThat(problem.eventId()).isEqualTo(102L);
        assertThat(problem.message()).contains("does not match the chain");
    }

    @Test
    void deletedEvent_isReportedAtItsPosition() {
        entries.get(1).remove(0);
        var problem = verifyAll();
        assertThat(problem.blockNo()).isEqualTo(2);
        assertThat(problem.message()).contains("position 4").contains("deleted");
    }

    @Test
    void deletedEventRowWithSealKept_isReported() {
        var original = entries.get(0).get(0);
        entries.get(0).set(0, new AuditChainVerifier.SealedEntry(original.position(), original.eventId(),
                original.link(), null, null));
        var problem = verifyAll();
        assertThat(problem.eventId()).isEqualTo(100L);
        assertThat(problem.message()).contains("deleted");
    }

    @Test
    void insertedEvent_isReported() {
        AuditRecord forged = event(999, "forger");
        var next = entries.get(0).get(1);
        entries.get(0).add(1, new AuditChainVerifier.SealedEntry(next.position(), 999, next.link(), forged,
                AuditHashChain.contentHash(forged)));
        var problem = verifyAll();
        assertThat(problem.eventId()).isEqualTo(999L);
    }

    @Test
    void removedBlock_isReported() {
        blocks.remove(0);
        entries.remove(0);
        var problem = verifyAll();
        assertThat(problem.blockNo()).isEqualTo(2);
        assertThat(problem.message()).contains("does not follow");
    }

    private VerificationReport.Problem verifyAll() {
        AuditChainVerifier verifier = new AuditChainVerifier();
        for (int i = 0; i < blocks.size(); i++) {
            var problem = verifier.check(blocks.get(i), entries.get(i));
            if (problem != null) {
                return problem;
            }
        }
        throw new AssertionError("the tampering was not detected");
    }

    private static AuditRecord event(long id, String user) {
        return new AuditRecord(id, Instant.parse("2026-11-24T10:15:30.123456Z"), "node1", user, "receptionist", null,
                AuditAction.READ, "Patient", "42", 42L, "web", "127.0.0.1", null, AuditOutcome.SUCCESS, null,
                "req-" + id);
    }
}
