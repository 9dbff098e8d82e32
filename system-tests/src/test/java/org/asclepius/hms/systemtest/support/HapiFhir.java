package org.asclepius.hms.systemtest.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.File;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * HAPI FHIR's generic client for in-container tests, which set their data up through the services and read it
 * back over HTTP as another system would. The test archive does not see the FHIR WAR's HAPI, so
 * {@link #withClient} adds the client's jars to the test EAR's {@code lib/} (only those the EAR's lib/ lacks); the
 * FHIR WAR keeps serving with its own copies (WildFly searches a WAR's WEB-INF/lib before the EAR's lib/).
 */
public final class HapiFhir {
    /** A class of each jar the generic client needs beyond what the EAR's lib/ already has. */
    private static final List<String> CLIENT_JARS = List.of(
            "ca.uhn.fhir.context.FhirContext",                                   // hapi-fhir-base
            "ca.uhn.fhir.rest.client.impl.GenericClient",                        // hapi-fhir-client
            "org.hl7.fhir.r4.hapi.ctx.FhirR4",                                   // hapi-fhir-structures-r4
            "org.hl7.fhir.r4.model.Observation",                                 // org.hl7.fhir.r4
            "org.hl7.fhir.utilities.Utilities",                                  // org.hl7.fhir.utilities
            "ca.uhn.fhir.sl.cache.CacheFactory",                                 // hapi-fhir-caching-api
            "org.apache.http.client.HttpClient",                                 // httpclient 4
            "org.apache.http.HttpEntity",                                        // httpcore 4
            "com.google.common.collect.ImmutableList",                           // guava
            "com.google.common.util.concurrent.internal.InternalFutureFailureAccess",
            "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule",
            "org.apache.commons.collections4.CollectionUtils",
            "io.opentelemetry.instrumentation.annotations.WithSpan",
            "io.opentelemetry.api.common.AttributeKey",                          // opentelemetry-api
            "io.opentelemetry.context.Context",                                  // opentelemetry-context
            "io.opentelemetry.common.ComponentLoader");                          // opentelemetry-common

    private static FhirContext context;

    private HapiFhir() {
    }

    /** The test's EAR for a test that reads the API with HAPI's client and a user's or the integration token. */
    public static EnterpriseArchive deployment(Class<?> test, Class<?>... more) {
        Class<?>[] support = Stream.concat(Stream.of(FhirClient.class, HapiFhir.class, ApiTokens.class, Totp.class),
                Stream.of(more)).toArray(Class<?>[]::new);
        return withClient(Deployments.earWithTests(test, support));
    }

    /** The resources of a search's bundle. */
    public static <T extends IBaseResource> List<T> entries(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(e -> type.cast(e.getResource())).toList();
    }

    /** The code of the first issue of the OperationOutcome a refused request came back with. */
    public static String issueCode(BaseServerResponseException e) {
        return ((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getCode().toCode();
    }

    /** The EAR with HAPI's generic client in lib/. */
    public static EnterpriseArchive withClient(EnterpriseArchive ear) {
        Set<File> jars = new LinkedHashSet<>();
        for (String type : CLIENT_JARS) {
            try {
                jars.add(jarOf(Class.forName(type)));
            } catch (ClassNotFoundException notNeededHere) {
                // a jar this version of HAPI does not use
            }
        }
        jars.forEach(ear::addAsLibrary);
        return ear;
    }

    public static synchronized FhirContext context() {
        if (context == null) {
            context = FhirContext.forR4();
            context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        }
        return context;
    }

    /** A client of the test server's FHIR API that sends the bearer token. */
    public static IGenericClient client(String token) {
        IGenericClient client = context().newRestfulGenericClient(FhirClient.fhirBase());
        client.registerInterceptor(new BearerTokenAuthInterceptor(token));
        return client;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
