package io.linehub.print;

/** A label template is malformed; raised while parsing, so a bad template fails at load time rather than per job. */
public class LabelTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String template;

    public LabelTemplateException(String template, String message) {
        super("label template '" + template + "': " + message);
        this.template = template;
    }

    /** The name of the template at fault. */
    public String template() {
        return template;
    }
}
