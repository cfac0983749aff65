package io.linehub.ops;

/** Dead letters in JMX (linehub:type=DeadLetters): how many, the newest, and replay after a fix. */
public interface DeadLettersMBean {

    long getCount();

    /** The newest dead letters, one line each: id, source, reason, replays. */
    String[] recent(int limit);

    /** Replays one dead letter; answers what happened. */
    String replay(long id);
}
