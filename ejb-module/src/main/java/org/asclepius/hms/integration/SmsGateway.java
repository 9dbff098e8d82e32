package org.asclepius.hms.integration;

/**
 * The adapter to an SMS provider. A hospital plugs in its provider by giving a CDI bean implementing this
 * interface the {@code @Alternative @Priority} it needs; the default is {@link HttpSmsGateway}.
 */
public interface SmsGateway {
    void send(String phoneNumber, String text) throws DeliveryException;
}
