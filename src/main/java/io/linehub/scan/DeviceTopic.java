package io.linehub.scan;

/**
 * The line and device named by a device topic, {@code {prefix}/{line}/{kind}/{device}/{suffix}}
 * (scanner scans, printer jobs); null parts when the topic has another shape.
 */
public record DeviceTopic(String line, String device) {

    public static DeviceTopic parse(String prefix, String topic) {
        if (topic == null || !topic.startsWith(prefix + "/")) {
            return new DeviceTopic(null, null);
        }
        String[] parts = topic.substring(prefix.length() + 1).split("/");
        return parts.length >= 4 ? new DeviceTopic(parts[0], parts[2]) : new DeviceTopic(null, null);
    }
}
