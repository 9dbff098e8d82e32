package org.asclepius.hms.integration.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.app.Connection;
import ca.uhn.hl7v2.app.Initiator;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.StandardSocketFactory;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.asclepius.hms.integration.DeliveryException;
import org.asclepius.hms.integration.MessageChannel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HL7 v2 over MLLP (HAPI's client): the recipient is the name of an {@link Hl7Endpoint}. Each message opens a
 * connection, waits for the acknowledgement ({@code hms.adt.timeout}, default 10 s, also the connect timeout) and
 * closes it again, whatever happened. MSA-1 AA or CA is delivered; AE, AR, no answer, a refused or broken
 * connection is a {@link DeliveryException} naming the endpoint, its address and the receiver's MSA-3 text, never
 * the patient. Messages to one endpoint are kept in order by the outbox ({@link #ordered()}).
 */
@ApplicationScoped
public class MllpChannel implements MessageChannel {
    public static final String NAME = "mllp";
    private static final Set<String> ACCEPTED = Set.of("AA", "CA");

    @PersistenceContext
    EntityManager em;
    @Inject
    @ConfigProperty(name = "hms.adt.timeout", defaultValue = "PT10S")
    Duration timeout;
    @Resource
    ManagedThreadFactory threads;

    private ExecutorService executor;
    private HapiContext hapi;

    @PostConstruct
    void start() {
        // HAPI reads acknowledgements on a thread of its executor, and manages that executor's life itself (which a
        // container's ManagedExecutorService refuses): a pool of the container's managed threads
        executor = Executors.newCachedThreadPool(threads);
        hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());
        hapi.setExecutorService(executor);
        hapi.setLowerLayerProtocol(new MinLowerLayerProtocol(true, true)); // MSH-18 UNICODE UTF-8, no BOM
        hapi.setSocketFactory(new TimedSocketFactory((int) timeout.toMillis()));
    }

    @PreDestroy
    void stop() {
        hapi.getConnectionHub().discardAll();
        executor.shutdownNow();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean ordered() {
        return true;
    }

    /** One message at a time per node: HAPI shares a connection per address, and each send closes its own. */
    @Override
    public synchronized void deliver(String recipient, String subject, String body) throws DeliveryException {
        Hl7Endpoint endpoint = em.createQuery("select e from Hl7Endpoint e where e.name = :name", Hl7Endpoint.class)
                .setParameter("name", recipient).getResultStream().findFirst()
                .orElseThrow(() -> new DeliveryException("No HL7 endpoint named " + recipient
                        + " is configured (Administration: Interfaces)."));
        String where = "HL7 endpoint " + endpoint.getName() + " (" + endpoint.address() + ")";
        if (!endpoint.isActive()) {
            throw new DeliveryException(where + " is deactivated: activate it under Interfaces, then retry.");
        }
        Message message;
        try {
            message = hapi.getPipeParser().parse(body);
        } catch (HL7Exception e) {
            throw new DeliveryException("The stored message to " + where + " is not valid HL7 ("
                    + e.getClass().getSimpleName() + ").", e);
        }
        Connection connection = null;
        try {
            try {
                connection = hapi.newClient(endpoint.getHost(), endpoint.getPort(), false);
            } catch (HL7Exception e) {
                throw new DeliveryException(where + " could not be reached: " + DeliveryException.rootCause(e)
                        + ". Check that the receiving system runs and listens on " + endpoint.address() + ".", e);
            }
            Initiator initiator = connection.getInitiator();
            initiator.setTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Message ack = initiator.sendAndReceive(message);
            Terser answer = new Terser(ack);
            String code = answer.get("/MSA-1");
            if (code == null || !ACCEPTED.contains(code)) {
                String text = answer.get("/MSA-3");
                throw new DeliveryException(where + " did not accept the message (MSA-1 " + code + ")"
                        + (text == null || text.isBlank() ? "" : ": " + shorten(text)) + ".");
            }
        } catch (ca.uhn.hl7v2.app.TimeoutException e) {
            throw new DeliveryException(where + " did not acknowledge within " + timeout.toSeconds()
                    + " s (hms.adt.timeout).", e);
        } catch (IOException | LLPException e) {
            throw new DeliveryException(where + ": the connection broke while sending (" + DeliveryException.rootCause(e) + ").", e);
        } catch (HL7Exception e) {
            // the answer could not be read: its text is not repeated here (it may carry patient data)
            throw new DeliveryException(where + " answered with something that is not an HL7 acknowledgement ("
                    + e.getClass().getSimpleName() + ").", e);
        } finally {
            if (connection != null) {
                hapi.getConnectionHub().discard(connection); // closes the socket and ends its reader
            }
        }
    }

    private static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    /** HAPI's sockets, with a connect timeout (HAPI connects without one). */
    static final class TimedSocketFactory extends StandardSocketFactory {
        private final int connectTimeoutMillis;

        TimedSocketFactory(int connectTimeoutMillis) {
            this.connectTimeoutMillis = connectTimeoutMillis;
        }

        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket() {
                @Override
                public void connect(SocketAddress endpoint) throws IOException {
                    connect(endpoint, connectTimeoutMillis);
                }
            };
            socket.setKeepAlive(true);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(getAcceptedSocketTimeout());
            return socket;
        }

        @Override
        public ServerSocket createServerSocket() throws IOException {
            throw new SocketException("the ADT feed only sends");
        }
    }
}
