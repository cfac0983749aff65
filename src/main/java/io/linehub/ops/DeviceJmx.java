package io.linehub.ops;

/** One device's figures as JConsole shows them; read live from the in-memory counters. */
final class DeviceJmx implements DeviceMBean {

    private final DeviceActivity device;
    private final ScanActivity activity;

    DeviceJmx(DeviceActivity device, ScanActivity activity) {
        this.device = device;
        this.activity = activity;
    }

    @Override
    public String getId() {
        return device.id();
    }

    @Override
    public String getLine() {
        return device.line();
    }

    @Override
    public String getKind() {
        return device.kind();
    }

    @Override
    public String getTransport() {
        return device.transport();
    }

    @Override
    public boolean isKnown() {
        return device.known();
    }

    @Override
    public boolean isOnline() {
        return activity.online(device);
    }

    @Override
    public String getLastMessageAt() {
        return device.lastMessageAt() == null ? "" : device.lastMessageAt().toString();
    }

    @Override
    public long getMessages() {
        return device.messages();
    }

    @Override
    public long getAccepted() {
        return device.accepted();
    }

    @Override
    public long getRejected() {
        return device.rejected();
    }

    @Override
    public String[] getRejectsByReason() {
        return device.rejectsByReason().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    @Override
    public long rejects(String reason) {
        return device.rejects(reason);
    }
}
