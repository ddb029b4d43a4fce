package io.writ.workflow.mail;

import io.writ.domain.notice.DeliveryFailed;
import io.writ.domain.notice.Notifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.util.Date;
import java.util.Properties;

/** Mail through the configured SMTP server with Jakarta Mail (Angus Mail, provided by Payara). */
@ApplicationScoped
public class SmtpNotifier implements Notifier {

    @Inject
    MailSettings settings;

    @Override
    public boolean isOn() {
        return settings.host().isPresent();
    }

    @Override
    public void mail(String address, String subject, String text) {
        var host = settings.host().orElseThrow(() -> new IllegalStateException("mail is off: writ.mail.host is unset"));
        try {
            var message = new MimeMessage(session(host));
            message.setFrom(new InternetAddress(settings.from(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(address, true));
            message.setSubject(subject, "UTF-8");
            message.setText(text, "UTF-8");
            message.setSentDate(new Date());
            // Out-of-office replies and the like are not to answer a machine (RFC 3834).
            message.setHeader("Auto-Submitted", "auto-generated");
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (AddressException malformed) {
            throw new DeliveryFailed("the address " + address + " is malformed: " + malformed.getMessage(), malformed,
                    true);
        } catch (SendFailedException refused) {
            var invalid = refused.getInvalidAddresses();
            throw new DeliveryFailed("the mail server refused " + address + ": " + refused.getMessage(), refused,
                    invalid != null && invalid.length > 0);
        } catch (MessagingException e) {
            throw new DeliveryFailed("mail server " + host + ":" + settings.port() + " failed: " + e.getMessage(), e,
                    false);
        }
    }

    private Session session(String host) {
        var properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.from", settings.from());
        var timeout = String.valueOf(settings.timeoutMillis());
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        if (settings.starttls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (settings.username().isPresent()) {
            properties.put("mail.smtp.auth", "true");
        }
        return Session.getInstance(properties);
    }
}
