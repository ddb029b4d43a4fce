package io.writ.domain.notice;

import io.writ.domain.writ.Writ;

/** The outgoing webhook that carries notices to chat tools and other systems (a port; the adapter posts JSON). */
public interface NoticeWebhook {

    /** Whether a webhook is configured. */
    boolean isOn();

    /**
     * Posts one notice about the writ, once per notice (the receiver may see a repeat after a lost answer and can
     * tell it by the notice's id).
     *
     * @param link where in the portal the reader acts on it
     * @throws DeliveryFailed the receiver could not be reached or did not accept it; to be tried again later
     */
    void post(Notice notice, Writ writ, String link);
}
