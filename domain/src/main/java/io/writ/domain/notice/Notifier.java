package io.writ.domain.notice;

/** Mail to one person (a port; the adapter talks to the configured SMTP server). */
public interface Notifier {

    /** Whether mail is configured; when it is not, people are told in the portal only. */
    boolean isOn();

    /**
     * Hands one plain-text mail to the mail server.
     *
     * @throws DeliveryFailed the server could not be reached or refused it; the mail is to be tried again later
     */
    void mail(String address, String subject, String text);
}
