package org.asclepius.hms.integration;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Email through WildFly's mail subsystem (session {@code java:jboss/mail/Default}; the SMTP server is the
 * {@code mail-smtp} outbound socket binding, set from {@code HMS_SMTP_HOST}/{@code HMS_SMTP_PORT}, the sender from
 * {@code HMS_MAIL_FROM}; see wildfly-config/cli/70-configure-mail.cli).
 */
@ApplicationScoped
public class EmailChannel implements MessageChannel {
    public static final String NAME = "email";

    @Resource(lookup = "java:jboss/mail/Default")
    Session mail;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(String recipient, String subject, String body) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setFrom(); // the session's sender (HMS_MAIL_FROM)
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(recipient, true));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body, StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryException("Email could not be sent: " + DeliveryException.rootCause(e), e);
        }
    }
}
