package org.asclepius.hms.systemtest.support;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The archives the system tests deploy: always the real EAR as built. */
public final class Deployments {
    private Deployments() {
    }

    private static java.io.File jarOf(Class<?> type) {
        try {
            return new java.io.File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The EAR exactly as built, for tests that talk to it over HTTP (browser, FHIR). */
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
    }

    /**
     * The EAR plus a test WAR holding the test class and the {@code @RunAs} caller beans, which give the
     * in-container tests their roles the way the container gives them to system work (security stays on).
     */
    public static EnterpriseArchive earWithTests(Class<?> testClass) {
        WebArchive tests = ShrinkWrap.create(WebArchive.class, "hms-tests.war")
                .addClass(testClass)
                .addPackage("org.asclepius.hms.systemtest.callers")
                .addClasses(TestData.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsLibrary(jarOf(org.assertj.core.api.Assertions.class));
        EnterpriseArchive ear = ear();
        ear.addAsModule(Testable.archiveToTest(tests));
        return ear;
    }
}
