package io.linehub.scan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The devices plant IT declared, found by id (MQTT topic) or by remote address (TCP). */
public final class DeviceRegistry {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DevicesFile(List<Device> devices) {
    }

    private final Map<String, Device> byId = new HashMap<>();
    private final Map<String, Device> byAddress = new HashMap<>();

    public DeviceRegistry(List<Device> devices) {
        for (Device d : devices) {
            if (d.id() == null || d.id().isBlank()) {
                throw new IllegalArgumentException("devices.yaml: a device without id");
            }
            if (byId.put(d.id(), d) != null) {
                throw new IllegalArgumentException("devices.yaml: device id '" + d.id() + "' appears twice");
            }
            if (d.isScanner() && "tcp".equals(d.transport()) && d.address() != null) {
                byAddress.put(d.address(), d);
            }
        }
    }

    public static DeviceRegistry load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new DeviceRegistry(List.of());
        }
        DevicesFile parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), DevicesFile.class);
        return new DeviceRegistry(parsed == null || parsed.devices() == null ? List.of() : parsed.devices());
    }

    public Optional<Device> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<Device> byAddress(String address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    public List<Device> all() {
        return List.copyOf(byId.values());
    }
}
