package org.asclepius.hms.systemtest.support;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;

/** The archives the system tests deploy: always the real EAR as built. */
public final class Deployments {
    private Deployments() {
    }

    /** The EAR exactly as built, for tests that talk to it over HTTP (browser, FHIR). */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
    }

    /**
     * The EAR plus a test EJB jar holding the test class and the {@code @RunAs} caller beans, which give the
     * in-container tests their roles the way the container gives them to system work (security stays on).
     * An EJB jar rather than a WAR: a third WAR without the OIDC login of the other two claims the EAR's
     * security domain for its class loader (ELY01148) and the deployment fails.
     */
    public static EnterpriseArchive earWithTests(Class<?> testClass, Class<?>... more) {
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "hms-tests.jar")
                .addClass(testClass)
                .addClasses(more)
                .addPackage("org.asclepius.hms.systemtest.callers")
                .addClasses(TestData.class, Db.class, Refusals.class, SchedulingFixture.class, SchedulingFixture.Clinic.class)
                // for @ExtendWith(KeycloakServer.class) on an in-container test (it does nothing in the server)
                .addClasses(KeycloakServer.class, TestEnvironment.class, WildFlyNode.class)
                // Synthea records a test imports (copied from the shared sample)
                .addAsResource("synthea/conditions-one-patient.csv")
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
        EnterpriseArchive ear = ear();
        ear.addAsModule(Testable.archiveToTest(tests));
        ear.addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        return ear;
    }

    /** Adds a library the in-container tests need (e.g. an SMTP server) to the EAR's lib/. */
    public static EnterpriseArchive withLibraryOf(EnterpriseArchive ear, Class<?> type) {
        return ear.addAsLibrary(jarOf(type));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
