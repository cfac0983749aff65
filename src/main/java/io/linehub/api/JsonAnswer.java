package io.linehub.api;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Turns a message into an HTTP JSON answer: status, content type, body, and no request headers echoed. */
final class JsonAnswer {

    private JsonAnswer() {
    }

    static void set(Message msg, int status, String json) {
        msg.getHeaders().clear();
        msg.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        msg.setHeader(Exchange.CONTENT_TYPE, "application/json");
        msg.setBody(json);
    }
}
