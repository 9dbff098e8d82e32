package org.asclepius.hms.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** SMS through whatever {@link SmsGateway} the hospital configured (the subject is not sent). */
@ApplicationScoped
public class SmsChannel implements MessageChannel {
    public static final String NAME = "sms";

    @Inject
    SmsGateway gateway;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(String recipient, String subject, String body) throws DeliveryException {
        gateway.send(recipient, body);
    }
}
